//! Word's automatic numbering (`word/numbering.xml`, and the numbering that paragraph styles
//! carry in `word/styles.xml`): the label each numbered paragraph shows ("3.", "(b)"), counted
//! as Word counts it. A list instance (`w:num`) shares the counters of its abstract numbering
//! with the other instances of it, unless it restarts them (`w:lvlOverride/w:startOverride`,
//! as pandoc writes every list); a level may be redefined by the instance
//! (`w:lvlOverride/w:lvl`). Lower-case lettered and roman levels are labelled as UN texts print
//! them, “(b)” and “(ii)”, whatever punctuation the list uses (`b.`, `ii)`), so that the one
//! recogniser reads them as sub-paragraphs.

use crate::ooxml::attr;
use quick_xml::events::Event;
use std::collections::HashMap;

/// One level of a list: its format (`decimal`, `lowerLetter` …), its text pattern (`%1.`),
/// its first number.
#[derive(Debug, Clone)]
struct Level {
    format: String,
    text: String,
    start: u32,
}

impl Default for Level {
    fn default() -> Self {
        Level {
            format: String::new(),
            text: String::new(),
            start: 1,
        }
    }
}

type Levels = HashMap<usize, Level>;

/// A list instance (`w:num`).
#[derive(Debug, Default, Clone)]
struct Num {
    abstract_id: String,
    /// Levels restarted at a number of their own.
    starts: HashMap<usize, u32>,
    /// Levels redefined by the instance.
    levels: Levels,
}

/// The numbering definitions of a document and the counts so far.
#[derive(Debug, Default)]
pub(super) struct Numbering {
    abstracts: HashMap<String, Levels>,
    nums: HashMap<String, Num>,
    /// Paragraph style id → the list (`numId`, level) it numbers with.
    styles: HashMap<String, (String, usize)>,
    /// The counters, per abstract numbering or per restarting instance.
    counters: HashMap<String, [u32; 9]>,
}

impl Numbering {
    /// Reads `numbering.xml`.
    pub(super) fn parse(xml: &str) -> Result<Self, String> {
        let mut n = Numbering::default();
        let mut reader = quick_xml::Reader::from_str(xml);
        let mut abs: Option<String> = None;
        let mut num: Option<(String, Num)> = None;
        let mut over: Option<usize> = None;
        let mut level: Option<(usize, Level)> = None;
        loop {
            let ev = reader.read_event().map_err(|e| {
                format!(
                    "word/numbering.xml: XML error at byte {}: {e}",
                    reader.buffer_position()
                )
            })?;
            match &ev {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    "abstractNum" => abs = attr(e, "abstractNumId"),
                    "num" => num = attr(e, "numId").map(|id| (id, Num::default())),
                    "abstractNumId" => {
                        if let (Some((_, num)), Some(a)) = (num.as_mut(), attr(e, "val")) {
                            num.abstract_id = a;
                        }
                    }
                    "lvlOverride" => over = attr(e, "ilvl").and_then(|v| v.parse().ok()),
                    "startOverride" => {
                        if let (Some((_, num)), Some(i)) = (num.as_mut(), over) {
                            let start = attr(e, "val").and_then(|v| v.parse().ok()).unwrap_or(1);
                            num.starts.insert(i, start);
                        }
                    }
                    "lvl" if abs.is_some() || num.is_some() => {
                        let ilvl = attr(e, "ilvl").and_then(|v| v.parse().ok()).or(over);
                        level = Some((ilvl.unwrap_or(0), Level::default()));
                    }
                    "start" => {
                        if let Some((_, l)) = level.as_mut() {
                            l.start = attr(e, "val").and_then(|v| v.parse().ok()).unwrap_or(1);
                        }
                    }
                    "numFmt" => {
                        if let Some((_, l)) = level.as_mut() {
                            l.format = attr(e, "val").unwrap_or_default();
                        }
                    }
                    "lvlText" => {
                        if let Some((_, l)) = level.as_mut() {
                            l.text = attr(e, "val").unwrap_or_default();
                        }
                    }
                    _ => {}
                },
                Event::End(e) => match e.local_name().as_ref() {
                    "lvl" => match (level.take(), num.as_mut(), &abs) {
                        (Some((i, l)), Some((_, num)), _) => {
                            num.levels.insert(i, l);
                        }
                        (Some((i, l)), None, Some(a)) => {
                            n.abstracts.entry(a.clone()).or_default().insert(i, l);
                        }
                        _ => {}
                    },
                    "lvlOverride" => over = None,
                    "abstractNum" => abs = None,
                    "num" => {
                        if let Some((id, num)) = num.take() {
                            n.nums.insert(id, num);
                        }
                    }
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(n)
    }

    /// Reads the numbering that paragraph styles carry (`styles.xml`, `w:style/w:pPr/w:numPr`).
    pub(super) fn read_styles(&mut self, xml: &str) -> Result<(), String> {
        let mut reader = quick_xml::Reader::from_str(xml);
        let mut style: Option<String> = None;
        let mut numbered: (Option<String>, usize) = (None, 0);
        loop {
            let ev = reader.read_event().map_err(|e| {
                format!(
                    "word/styles.xml: XML error at byte {}: {e}",
                    reader.buffer_position()
                )
            })?;
            match &ev {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    "style" => {
                        style = attr(e, "styleId");
                        numbered = (None, 0);
                    }
                    "numId" => numbered.0 = attr(e, "val"),
                    "ilvl" => numbered.1 = attr(e, "val").and_then(|v| v.parse().ok()).unwrap_or(0),
                    _ => {}
                },
                Event::End(e) if e.local_name().as_ref() == "style" => {
                    if let (Some(s), (Some(num), level)) = (style.take(), numbered.clone()) {
                        self.styles.insert(s, (num, level));
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(())
    }

    /// The list a paragraph of `style` numbers with, when the style carries one.
    pub(super) fn of_style(&self, style: &str) -> Option<(String, usize)> {
        self.styles.get(style).cloned()
    }

    /// The label of the next paragraph of list `num_id` at `level`, advancing the count (and
    /// restarting the deeper levels). `None` for bullets, unnumbered levels and unknown lists.
    pub(super) fn label(&mut self, num_id: &str, level: usize) -> Option<String> {
        let num = self.nums.get(num_id)?;
        let shared = self.abstracts.get(&num.abstract_id);
        let level_of = |i: usize| num.levels.get(&i).or_else(|| shared?.get(&i));
        let start = |i: usize| {
            num.starts
                .get(&i)
                .copied()
                .or_else(|| level_of(i).map(|l| l.start))
                .unwrap_or(1)
        };
        let level = level.min(8);
        let key = if num.starts.is_empty() {
            format!("abstract {}", num.abstract_id)
        } else {
            format!("num {num_id}")
        };
        let count = self.counters.entry(key).or_insert([0; 9]);
        for (i, c) in count.iter_mut().enumerate() {
            if i == level {
                *c = if *c == 0 { start(i) } else { *c + 1 };
            } else if i > level {
                *c = 0;
            }
        }
        let this = level_of(level)?;
        if matches!(this.format.as_str(), "bullet" | "none" | "") {
            return None;
        }
        if matches!(this.format.as_str(), "lowerLetter" | "lowerRoman")
            && this.text.matches('%').count() == 1
        {
            return Some(format!("({})", format_number(count[level], &this.format)));
        }
        let mut text = this.text.clone();
        for i in (0..=level).rev() {
            let value = if count[i] == 0 { start(i) } else { count[i] };
            let format = level_of(i).map_or("decimal", |l| l.format.as_str());
            text = text.replace(&format!("%{}", i + 1), &format_number(value, format));
        }
        let text = text.trim().to_string();
        (!text.is_empty()).then_some(text)
    }
}

/// A number in a Word numbering format.
fn format_number(n: u32, format: &str) -> String {
    use crate::numbering::{alpha, roman};
    let i = n.saturating_sub(1) as usize;
    match format {
        "lowerLetter" => alpha(i),
        "upperLetter" => alpha(i).to_uppercase(),
        "lowerRoman" => roman(n as usize),
        "upperRoman" => roman(n as usize).to_uppercase(),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn numbering(body: &str) -> Numbering {
        Numbering::parse(&format!("<w:numbering {W}>{body}</w:numbering>")).expect("numbering")
    }

    fn level(i: u32, start: u32, format: &str, text: &str) -> String {
        format!(
            r#"<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{format}"/><w:lvlText w:val="{text}"/></w:lvl>"#
        )
    }

    #[test]
    fn instances_share_counts_unless_they_restart() {
        let mut n = numbering(&format!(
            r#"<w:abstractNum w:abstractNumId="0">{}{}</w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            <w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
            <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"#,
            level(0, 1, "decimal", "%1."),
            level(1, 1, "lowerLetter", "%2)"),
        ));
        let got: Vec<Option<String>> = [("1", 0), ("1", 1), ("1", 1), ("2", 0), ("3", 0), ("1", 0)]
            .into_iter()
            .map(|(num, lvl)| n.label(num, lvl))
            .collect();
        let want = ["1.", "(a)", "(b)", "2.", "1.", "3."];
        assert_eq!(got, want.map(|s| Some(s.to_string())));
    }

    #[test]
    fn an_instance_may_redefine_a_level_and_bullets_have_no_label() {
        let mut n = numbering(&format!(
            r#"<w:abstractNum w:abstractNumId="0">{}</w:abstractNum>
            <w:abstractNum w:abstractNumId="9">{}</w:abstractNum>
            <w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">{}</w:lvlOverride></w:num>
            <w:num w:numId="5"><w:abstractNumId w:val="9"/></w:num>"#,
            level(0, 1, "decimal", "%1."),
            level(0, 1, "bullet", "•"),
            level(0, 4, "upperRoman", "%1."),
        ));
        assert_eq!(n.label("4", 0).as_deref(), Some("IV."));
        assert_eq!(n.label("5", 0), None);
        assert_eq!(n.label("77", 0), None);
    }
}
