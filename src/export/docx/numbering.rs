//! Automatic numbering (`word/numbering.xml`): numbered paragraphs and sub-paragraph lists are
//! Word list items, not numbers typed in the text, so Word renumbers them as the drafter
//! edits and shows a change of number as a change of numbering.
//!
//! Two list definitions: the UN one ("1." for paragraphs, "(a)", "(i)" for the first two
//! levels of sub-paragraphs, "a.", "i." below) and a numeric one ("1." at every level). Each
//! list of the draft (an operative part, a section, the sub-paragraphs of one paragraph) is
//! an instance of its own that starts at its first number.

use super::blocks::{NumStyle, Number, STEP};
use super::xml::Xml;
use std::collections::HashMap;

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The deepest level a list definition has (Word allows nine).
const LEVELS: u8 = 9;

/// The list instances met while writing, in order.
#[derive(Debug, Default)]
pub(super) struct Lists {
    ids: HashMap<String, usize>,
    /// (definition, level, first number) per instance; its `w:numId` is its index + 1.
    instances: Vec<(NumStyle, u8, u32)>,
}

impl Lists {
    /// The `w:numId` of the item's list (a new instance starting at this item's number when
    /// the list is met for the first time).
    pub(super) fn num_id(&mut self, n: &Number) -> usize {
        if let Some(&id) = self.ids.get(&n.list) {
            return id;
        }
        self.instances.push((n.style, n.level, n.value));
        let id = self.instances.len();
        self.ids.insert(n.list.clone(), id);
        id
    }

    /// `word/numbering.xml`.
    pub(super) fn xml(&self) -> Result<Vec<u8>, std::io::Error> {
        let mut x = Xml::new();
        x.decl();
        x.open("w:numbering", &[("xmlns:w", W_NS)]);
        for (abstract_id, style) in [(0, NumStyle::Un), (1, NumStyle::Numeric)] {
            let id = abstract_id.to_string();
            x.open("w:abstractNum", &[("w:abstractNumId", &id)]);
            x.empty("w:multiLevelType", &[("w:val", "multilevel")]);
            for level in 0..LEVELS {
                let (format, text) = level_format(style, level);
                let ilvl = level.to_string();
                x.open("w:lvl", &[("w:ilvl", &ilvl)]);
                x.empty("w:start", &[("w:val", "1")]);
                x.empty("w:numFmt", &[("w:val", format)]);
                x.empty("w:lvlText", &[("w:val", &text)]);
                x.empty("w:lvlJc", &[("w:val", "left")]);
                x.open("w:pPr", &[]);
                let left = (u32::from(level) + 1) * STEP;
                let (left, hang) = (left.to_string(), STEP.to_string());
                x.empty("w:ind", &[("w:left", &left), ("w:hanging", &hang)]);
                x.close("w:pPr");
                x.close("w:lvl");
            }
            x.close("w:abstractNum");
        }
        for (i, (style, level, start)) in self.instances.iter().enumerate() {
            let id = (i + 1).to_string();
            x.open("w:num", &[("w:numId", &id)]);
            let abstract_id = match style {
                NumStyle::Un => "0",
                NumStyle::Numeric => "1",
            };
            x.empty("w:abstractNumId", &[("w:val", abstract_id)]);
            let ilvl = level.to_string();
            x.open("w:lvlOverride", &[("w:ilvl", &ilvl)]);
            x.empty("w:startOverride", &[("w:val", &start.to_string())]);
            x.close("w:lvlOverride");
            x.close("w:num");
        }
        x.close("w:numbering");
        x.finish()
    }
}

/// The number format and level text of a level: ("decimal", "%1."), ("lowerLetter",
/// "(%2)")…
fn level_format(style: NumStyle, level: u8) -> (&'static str, String) {
    let n = level + 1;
    match (style, level) {
        (NumStyle::Numeric, _) | (NumStyle::Un, 0) => ("decimal", format!("%{n}.")),
        (NumStyle::Un, l) => {
            let format = if l % 2 == 1 {
                "lowerLetter"
            } else {
                "lowerRoman"
            };
            if l <= 2 {
                (format, format!("(%{n})"))
            } else {
                (format, format!("%{n}."))
            }
        }
    }
}

/// The number an item had, as `w:numberingChange` records it: the level text with the level
/// placeholder written `%level:value:format:` (format 0 decimal, 2 lower roman, 4 lower
/// letter), e.g. "%1:3:0:." for a paragraph that was 3.
pub(super) fn original(old: &Number) -> String {
    let (format, text) = level_format(old.style, old.level);
    let code = match format {
        "lowerRoman" => 2,
        "lowerLetter" => 4,
        _ => 0,
    };
    let n = old.level + 1;
    text.replace(&format!("%{n}"), &format!("%{n}:{}:{code}:", old.value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_print_as_the_draft_prints_them() {
        for (style, level, value) in [
            (NumStyle::Un, 0, 3),
            (NumStyle::Un, 1, 2),
            (NumStyle::Un, 2, 4),
            (NumStyle::Un, 3, 1),
            (NumStyle::Numeric, 1, 5),
        ] {
            let n = Number {
                list: "l".into(),
                level,
                style,
                value,
            };
            let (_, text) = level_format(style, level);
            // The level text with its placeholder replaced gives the printed label's shape.
            let shape = text.replace(&format!("%{}", level + 1), "#");
            let printed = n.printed();
            assert_eq!(
                shape.starts_with('('),
                printed.starts_with('('),
                "{printed}"
            );
            assert_eq!(shape.ends_with('.'), printed.ends_with('.'), "{printed}");
        }
        let n = Number {
            list: "l".into(),
            level: 1,
            style: NumStyle::Un,
            value: 2,
        };
        assert_eq!(original(&n), "(%2:2:4:)");
    }

    #[test]
    fn each_list_is_an_instance_starting_at_its_first_number() {
        let mut lists = Lists::default();
        let n = |list: &str, value| Number {
            list: list.into(),
            level: 0,
            style: NumStyle::Un,
            value,
        };
        assert_eq!(lists.num_id(&n("a", 1)), 1);
        assert_eq!(lists.num_id(&n("a", 2)), 1);
        assert_eq!(lists.num_id(&n("b", 7)), 2);
        let xml = String::from_utf8(lists.xml().expect("xml")).expect("UTF-8");
        assert!(xml.contains(r#"<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/>"#), "{xml}");
    }
}
