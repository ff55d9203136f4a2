//! Typography: empty paragraphs, doubled spaces, and straight quotes (" and ') in a document
//! that otherwise uses typographic ones (“ ” and ’).

use super::{Finding, finding};
use crate::model::Document;

/// Adds the typography findings of `doc` to `out`.
pub fn check(doc: &Document, out: &mut Vec<Finding>) {
    let paragraphs = doc.paragraphs();
    let texts: Vec<String> = paragraphs
        .iter()
        .map(|(p, _)| super::plain(&p.full_text()).into_owned())
        .collect();
    let curly_double = texts.iter().any(|t| t.contains(['“', '”']));
    let curly_single = texts.iter().any(|t| t.contains('’'));
    for ((p, loc), plain) in paragraphs.iter().zip(&texts) {
        if plain.trim().is_empty() && p.subparagraphs.is_empty() {
            out.push(finding(
                doc,
                &p.id,
                loc,
                "empty-paragraph",
                "the paragraph is empty".into(),
                "write its text or delete it".into(),
            ));
            continue;
        }
        if let Some(pos) = plain.find("  ") {
            let start = plain[..pos]
                .char_indices()
                .rev()
                .nth(20)
                .map_or(0, |(i, _)| i);
            let end = plain[pos..]
                .char_indices()
                .nth(22)
                .map_or(plain.len(), |(i, _)| pos + i);
            out.push(finding(
                doc,
                &p.id,
                loc,
                "double-space",
                format!("doubled space in “{}”", &plain[start..end]),
                "use a single space".into(),
            ));
        }
        if curly_double && plain.contains('"') {
            out.push(finding(
                doc,
                &p.id,
                loc,
                "straight-quote",
                "straight double quote (\") where the document uses “ ”".into(),
                "use “ and ”".into(),
            ));
        }
        if curly_single && plain.contains('\'') {
            out.push(finding(
                doc,
                &p.id,
                loc,
                "straight-quote",
                "straight apostrophe (') where the document uses ’".into(),
                "use ’".into(),
            ));
        }
    }
}
