//! Numbers, letters and names derived from position: operative numbers, report paragraph
//! numbers, sub-paragraph labels ((a) … (z), (aa); (i), (ii) …), footnote numbers, and the
//! human name of a place in the document ("operative paragraph 9 (b)").
//!
//! Nothing here is stored: every function computes from the document as it stands.

use crate::markup;
use crate::model::{Document, Id, ListStyle, Location, Part};
use std::collections::HashMap;

/// Lower-case letters for a 0-based index: a … z, then aa, bb … zz, then aaa (UN practice).
pub fn alpha(index: usize) -> String {
    let letter = (b'a' + (index % 26) as u8) as char;
    std::iter::repeat_n(letter, index / 26 + 1).collect()
}

/// Lower-case roman numerals for a 1-based number (1 → "i", 14 → "xiv").
pub fn roman(mut n: usize) -> String {
    const TABLE: [(usize, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// The bare label of a sub-paragraph ("b", "ii", "3") at `depth` (1 = first level of
/// sub-paragraphs) and 0-based `index`, in the list style of its parent.
pub fn sub_label(depth: usize, index: usize, style: ListStyle) -> String {
    match style {
        ListStyle::Numeric | ListStyle::Quoted => (index + 1).to_string(),
        ListStyle::Default => {
            if depth % 2 == 1 {
                alpha(index)
            } else {
                roman(index + 1)
            }
        }
    }
}

/// The label as printed: "(b)", "(ii)" for the first two levels; "a.", "i." below; "3." for a
/// numeric list; none for the paragraphs an amendment quotes.
pub fn printed_sub_label(depth: usize, index: usize, style: ListStyle) -> String {
    let bare = sub_label(depth, index, style);
    match style {
        ListStyle::Quoted => String::new(),
        ListStyle::Numeric => format!("{bare}."),
        ListStyle::Default if depth <= 2 => format!("({bare})"),
        ListStyle::Default => format!("{bare}."),
    }
}

/// The number of a top-level paragraph: operative paragraphs 1, 2, … (each resolution part
/// from 1 again); report paragraphs continuously across numbered sections from
/// `first_number`; annex paragraphs from 1 across the annex's numbered sections; `None` for
/// preambular paragraphs and paragraphs of unnumbered sections or annexes.
pub fn number(doc: &Document, part: Part, index: usize) -> Option<u32> {
    match part {
        Part::Preamble | Part::PartPreamble(_) => None,
        Part::Operative | Part::PartOperative(_) => Some(index as u32 + 1),
        Part::Section(s) => {
            let section = doc.sections.get(s)?;
            if !section.numbered {
                return None;
            }
            // Saturating: a first number out of range is refused at load, never wrapped.
            let offset =
                u32::try_from(numbered_before(&doc.sections[..s]) + index).unwrap_or(u32::MAX);
            Some(doc.first_number.saturating_add(offset))
        }
        Part::Annex(a) => doc
            .annexes
            .get(a)
            .filter(|x| x.numbered)
            .map(|_| index as u32 + 1),
        Part::AnnexSection(a, s) => {
            let annex = doc.annexes.get(a).filter(|x| x.numbered)?;
            if !annex.sections.get(s)?.numbered {
                return None;
            }
            let before = annex.paragraphs.len() + numbered_before(&annex.sections[..s]);
            Some((before + index) as u32 + 1)
        }
    }
}

/// The paragraphs of the numbered sections among `sections`.
fn numbered_before(sections: &[crate::model::Section]) -> usize {
    sections
        .iter()
        .filter(|sec| sec.numbered)
        .map(|sec| sec.paragraphs.len())
        .sum()
}

/// "of part II" / "of the annex" / "of annex I": where a list stands, for [`describe`];
/// empty for the resolution's own preamble and operative part and for report sections.
pub fn part_suffix(doc: &Document, part: Part) -> String {
    if let Some(k) = part.resolution_part() {
        let name = doc.parts.get(k).map(|p| p.name(k)).unwrap_or_default();
        return format!(" of part {name}");
    }
    if let Some(a) = part.annex() {
        return match doc.annexes.get(a) {
            Some(x) if !x.label.is_empty() => format!(" of annex {}", x.label),
            _ if doc.annexes.len() > 1 => format!(" of annex {}", a + 1),
            _ => " of the annex".to_string(),
        };
    }
    String::new()
}

/// The labels of the sub-paragraph path below the top-level paragraph ("b", "ii").
pub fn path_labels(doc: &Document, loc: &Location) -> Vec<String> {
    let mut labels = Vec::new();
    let Some(list) = doc.part(loc.part) else {
        return labels;
    };
    let Some(mut p) = loc.path.first().and_then(|i| list.get(*i)) else {
        return labels;
    };
    for (depth, i) in loc.path.iter().skip(1).enumerate() {
        labels.push(sub_label(depth + 1, *i, p.list_style));
        match p.subparagraphs.get(*i) {
            Some(sp) => p = sp,
            None => break,
        }
    }
    labels
}

/// The printed label of the paragraph at `loc`: "5." for an operative paragraph, "(b)" for a
/// sub-paragraph, "" for a preambular paragraph.
pub fn printed_label(doc: &Document, loc: &Location) -> String {
    if loc.path.len() <= 1 {
        return number(doc, loc.part, loc.top())
            .map(|n| [itoa::Buffer::new().format(n), "."].concat())
            .unwrap_or_default();
    }
    let Some(parent) = doc.at(&Location {
        part: loc.part,
        path: loc.path[..loc.path.len() - 1].to_vec(),
    }) else {
        return String::new();
    };
    let index = loc.path[loc.path.len() - 1];
    printed_sub_label(loc.depth(), index, parent.list_style)
}

/// Whether the paragraphs at `a` (in `doc_a`) and `b` (in `doc_b`) print the same label
/// ([`printed_label`]); for top-level paragraphs, whose label is their number, without
/// writing it out.
pub fn same_printed_label(doc_a: &Document, a: &Location, doc_b: &Document, b: &Location) -> bool {
    if a.path.len() <= 1 && b.path.len() <= 1 {
        return number(doc_a, a.part, a.top()) == number(doc_b, b.part, b.top());
    }
    printed_label(doc_a, a) == printed_label(doc_b, b)
}

/// The name of a place as a drafter says it: "preambular paragraph 4", "operative paragraph 9
/// (b)", "paragraph 66 (a)" (reports), "operative paragraph 2 (a) (ii)".
pub fn describe(doc: &Document, loc: &Location) -> String {
    let suffix = part_suffix(doc, loc.part);
    // Joined from pieces (`concat`), not `format!`: this runs for every paragraph of a
    // comparison, and the formatting machinery costs several times the copying.
    let mut digits = itoa::Buffer::new();
    let mut s = match loc.part {
        Part::Preamble | Part::PartPreamble(_) => [
            "preambular paragraph ",
            digits.format(loc.top() + 1),
            &suffix,
        ]
        .concat(),
        Part::Operative | Part::PartOperative(_) => [
            "operative paragraph ",
            digits.format(loc.top() + 1),
            &suffix,
        ]
        .concat(),
        Part::Section(_) | Part::Annex(_) | Part::AnnexSection(..) => {
            match number(doc, loc.part, loc.top()) {
                Some(n) => ["paragraph ", digits.format(n), &suffix].concat(),
                None => {
                    let heading = match loc.part {
                        Part::Section(i) => doc.sections.get(i).map(|s| s.heading.as_str()),
                        Part::AnnexSection(a, i) => doc
                            .annexes
                            .get(a)
                            .and_then(|x| x.sections.get(i))
                            .map(|s| s.heading.as_str()),
                        _ => None,
                    };
                    match heading {
                        Some(h) => format!(
                            "unnumbered paragraph {} of section “{h}”{suffix}",
                            loc.top() + 1
                        ),
                        None => format!("unnumbered paragraph {}{suffix}", loc.top() + 1),
                    }
                }
            }
        }
    };
    for label in path_labels(doc, loc) {
        s.push_str(" (");
        s.push_str(&label);
        s.push(')');
    }
    s
}

/// A short tag for outlines and tables: "PP4", "OP9", "OP9(b)", "¶66"; in a resolution part
/// "II.OP3", in an annex "Anx¶5" ("AnxII¶5" in annex II).
pub fn short_tag(doc: &Document, loc: &Location) -> String {
    let prefix = match loc.part {
        Part::PartPreamble(k) | Part::PartOperative(k) => doc
            .parts
            .get(k)
            .map(|p| format!("{}.", p.name(k)))
            .unwrap_or_default(),
        Part::Annex(a) | Part::AnnexSection(a, _) => {
            format!("Anx{}", doc.annexes.get(a).map_or("", |x| x.label.as_str()))
        }
        _ => String::new(),
    };
    // Joined from pieces, as in `describe`.
    let mut digits = itoa::Buffer::new();
    let mut s = match loc.part {
        Part::Preamble | Part::PartPreamble(_) => {
            [&prefix, "PP", digits.format(loc.top() + 1)].concat()
        }
        Part::Operative | Part::PartOperative(_) => {
            [&prefix, "OP", digits.format(loc.top() + 1)].concat()
        }
        Part::Section(_) | Part::Annex(_) | Part::AnnexSection(..) => {
            match number(doc, loc.part, loc.top()) {
                Some(n) => [&prefix, "¶", digits.format(n)].concat(),
                None => [&prefix, "¶–"].concat(),
            }
        }
    };
    for label in path_labels(doc, loc) {
        s.push('(');
        s.push_str(&label);
        s.push(')');
    }
    s
}

/// Footnote numbers derived from the order of their markers in the text (document order);
/// footnotes whose marker is missing follow, in list order.
pub fn footnote_numbers(doc: &Document) -> HashMap<Id, u32> {
    let mut order: Vec<Id> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    doc.walk(&mut |p, _| {
        for id in markup::markers(&p.lead)
            .into_iter()
            .chain(markup::markers(&p.text))
        {
            if doc.footnote(&id).is_some() && seen.insert(id.clone()) {
                order.push(id);
            }
        }
    });
    for f in &doc.footnotes {
        if seen.insert(f.id.clone()) {
            order.push(f.id.clone());
        }
    }
    order
        .into_iter()
        .enumerate()
        .map(|(i, id)| (id, i as u32 + 1))
        .collect()
}

/// The footnotes in number order, with their numbers.
pub fn numbered_footnotes(doc: &Document) -> Vec<(u32, &crate::model::Footnote)> {
    let numbers = footnote_numbers(doc);
    let mut out: Vec<(u32, &crate::model::Footnote)> = doc
        .footnotes
        .iter()
        .map(|f| (numbers.get(&f.id).copied().unwrap_or(0), f))
        .collect();
    out.sort_by_key(|(n, _)| *n);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_run_past_z_as_doubled() {
        assert_eq!(alpha(0), "a");
        assert_eq!(alpha(25), "z");
        assert_eq!(alpha(26), "aa");
        assert_eq!(alpha(27), "bb");
        assert_eq!(alpha(52), "aaa");
    }

    #[test]
    fn roman_numerals() {
        let got: Vec<String> = [1, 2, 3, 4, 5, 9, 14, 40, 90, 1994]
            .into_iter()
            .map(roman)
            .collect();
        assert_eq!(
            got,
            [
                "i", "ii", "iii", "iv", "v", "ix", "xiv", "xl", "xc", "mcmxciv"
            ]
        );
    }

    #[test]
    fn printed_labels_follow_un_levels() {
        assert_eq!(printed_sub_label(1, 1, ListStyle::Default), "(b)");
        assert_eq!(printed_sub_label(2, 1, ListStyle::Default), "(ii)");
        assert_eq!(printed_sub_label(3, 0, ListStyle::Default), "a.");
        assert_eq!(printed_sub_label(4, 2, ListStyle::Default), "iii.");
        assert_eq!(printed_sub_label(1, 6, ListStyle::Numeric), "7.");
    }
}
