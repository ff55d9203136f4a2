//! Words for the status bar: a place named as drafters say it ("OP 12 (b)", "PP 3",
//! "part II OP 4", "annex ¶ 5") and the core's errors retold with those names instead of
//! internal ids ("OP 10 is already the first of its list", never “p10”).

use crate::model::{Document, Id, Location, Part};
use crate::numbering;
use crate::ops::OpError;

/// The short name of a place: "PP 3", "OP 12 (b)", "part II OP 4", "annex II ¶ 5", "¶ 66".
pub fn place(doc: &Document, loc: &Location) -> String {
    let prefix = match loc.part {
        Part::PartPreamble(k) | Part::PartOperative(k) => doc
            .parts
            .get(k)
            .map(|p| format!("part {} ", p.name(k)))
            .unwrap_or_default(),
        Part::Annex(a) | Part::AnnexSection(a, _) => match doc.annexes.get(a) {
            Some(x) if !x.label.is_empty() => format!("annex {} ", x.label),
            _ => "annex ".to_string(),
        },
        _ => String::new(),
    };
    let mut s = match loc.part {
        Part::Preamble | Part::PartPreamble(_) => format!("{prefix}PP {}", loc.top() + 1),
        Part::Operative | Part::PartOperative(_) => format!("{prefix}OP {}", loc.top() + 1),
        Part::Section(_) | Part::Annex(_) | Part::AnnexSection(..) => {
            match numbering::number(doc, loc.part, loc.top()) {
                Some(n) => format!("{prefix}¶ {n}"),
                None => format!("{prefix}unnumbered ¶"),
            }
        }
    };
    for label in numbering::path_labels(doc, loc) {
        s.push_str(&format!(" ({label})"));
    }
    s
}

/// The name of whatever `id` is in `doc`: a paragraph's place, a heading, a part, an annex,
/// a footnote; the quoted id only when it is nothing in the document.
pub fn name(doc: &Document, id: &Id) -> String {
    if let Some(loc) = doc.locate(id) {
        return place(doc, &loc);
    }
    if let Some(h) = doc.headings.iter().find(|h| &h.id == id) {
        return if h.label.is_empty() {
            format!("the heading “{}”", h.heading)
        } else {
            format!("heading {}", h.label)
        };
    }
    if let Some((k, p)) = doc.parts.iter().enumerate().find(|(_, p)| &p.id == id) {
        return format!("part {}", p.name(k));
    }
    if let Some(a) = doc.annexes.iter().find(|a| &a.id == id) {
        return a.printed_label().to_lowercase();
    }
    if doc.footnote(id).is_some() {
        let n = numbering::footnote_numbers(doc)
            .get(id)
            .copied()
            .unwrap_or(0);
        return format!("footnote {n}");
    }
    format!("“{}”", id.as_str())
}

fn capitalised(s: String) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => s,
    }
}

/// An error of the core, told with the drafter's names for the paragraphs (`doc` is the
/// document the operation was refused on, which it leaves unchanged).
pub fn op_error(doc: &Document, e: &OpError) -> String {
    let n = |id: &Id| name(doc, id);
    capitalised(match e {
        OpError::UnknownId(id) => format!("{} is not in the draft any more", n(id)),
        OpError::DuplicateId(id) => format!("{} is already in the draft", n(id)),
        OpError::CannotDemoteFirst(id) => format!(
            "{} is the first of its list: there is no paragraph above it to go under",
            n(id)
        ),
        OpError::NotASubparagraph(id) => {
            format!("{} is not a sub-paragraph, so it cannot be promoted", n(id))
        }
        OpError::AlreadyFirst(id) => format!("{} is already the first of its list", n(id)),
        OpError::AlreadyLast(id) => format!("{} is already the last of its list", n(id)),
        OpError::NoNextSibling(id) => format!(
            "{} is the last of its list: there is no next paragraph to merge with",
            n(id)
        ),
        OpError::IndexOutOfRange { id, index, len } => format!(
            "{} cannot go to place {}: its list has {len} paragraphs",
            n(id),
            index + 1
        ),
        OpError::BadSplit { id, reason, .. } => {
            format!("{} cannot be split there: {reason}", n(id))
        }
        OpError::TooDeep { id, depth } => format!(
            "{} would stand {depth} levels of sub-paragraphs deep: sub-paragraphs go at most \
             {} levels deep ((a), (i), a., i.)",
            n(id),
            crate::ops::MAX_DEPTH
        ),
        other => other.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocKind, Paragraph};

    #[test]
    fn errors_name_paragraphs_as_drafters_do() {
        let mut doc = Document::new(DocKind::Resolution);
        doc.operative = vec![Paragraph::new(Id::new("p10"), "Decides", "to act.")];
        doc.operative[0].subparagraphs = vec![
            Paragraph::new(Id::new("s1"), "", "one;"),
            Paragraph::new(Id::new("s2"), "", "two."),
        ];
        let msg = op_error(&doc, &OpError::AlreadyFirst(Id::new("p10")));
        assert_eq!(msg, "OP 1 is already the first of its list");
        let msg = op_error(&doc, &OpError::AlreadyLast(Id::new("s2")));
        assert_eq!(msg, "OP 1 (b) is already the last of its list");
        assert!(!msg.contains("“"));
    }
}
