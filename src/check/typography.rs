//! Typography: empty paragraphs, doubled spaces, straight quotes (" and ') in a document
//! that otherwise uses typographic ones (“ ” and ’), and invisible zero-width characters
//! ("Member\u{200B}States" looks like "MemberStates" and breaks search and spelling).

use super::local::Local;
use super::{Finding, finding};
use crate::model::Document;
use std::sync::Arc;

use crate::sanitize::is_invisible;

/// Some twenty characters either side of byte `pos`, to quote in a finding.
fn around(plain: &str, pos: usize) -> &str {
    let start = plain[..pos]
        .char_indices()
        .rev()
        .nth(20)
        .map_or(0, |(i, _)| i);
    let end = plain[pos..]
        .char_indices()
        .nth(22)
        .map_or(plain.len(), |(i, _)| pos + i);
    &plain[start..end]
}

/// "invisible character U+200B in “Member⟨U+200B⟩States …”": the characters named and shown
/// as their code, never printed as they are.
fn invisible_message(plain: &str) -> String {
    let mut codes: Vec<String> = Vec::new();
    for c in plain.chars().filter(|c| is_invisible(*c)) {
        let code = format!("U+{:04X}", c as u32);
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    let shown: String = around(plain, plain.find(is_invisible).unwrap_or(0))
        .chars()
        .map(|c| {
            if is_invisible(c) {
                format!("⟨U+{:04X}⟩", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect();
    let what = if codes.len() == 1 {
        "invisible character"
    } else {
        "invisible characters"
    };
    format!("{what} {} in “{shown}”", codes.join(", "))
}

/// What typography reads from one paragraph's plain text (see [`super::local`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Typo {
    /// The invisible-character message, when the text holds one.
    pub invisible: Option<String>,
    /// The words around the first doubled space.
    pub double_space: Option<String>,
    pub curly_double: bool,
    pub curly_single: bool,
    pub straight_double: bool,
    pub straight_single: bool,
}

pub(crate) fn local(plain: &str) -> Typo {
    Typo {
        invisible: plain
            .contains(is_invisible)
            .then(|| invisible_message(plain)),
        double_space: plain.find("  ").map(|pos| around(plain, pos).to_string()),
        curly_double: plain.contains(['“', '”']),
        curly_single: plain.contains('’'),
        straight_double: plain.contains('"'),
        straight_single: plain.contains('\''),
    }
}

/// Adds the typography findings of `doc` to `out`.
/// (`doc`), with what each paragraph's text says read already (`paras` and `locals`, in
/// document order).
pub(crate) fn check_with(
    doc: &Document,
    paras: &super::Paras<'_>,
    locals: &[Arc<Local>],
    out: &mut Vec<Finding>,
) {
    let curly_double = locals.iter().any(|l| l.typo.curly_double);
    let curly_single = locals.iter().any(|l| l.typo.curly_single);
    for ((p, loc), l) in paras.iter().zip(locals) {
        if let Some(message) = &l.typo.invisible {
            out.push(finding(
                doc,
                &p.id,
                loc,
                "invisible-character",
                message.clone(),
                "delete the invisible character (or replace it with a space)".into(),
            ));
        }
        if l.blank && p.subparagraphs.is_empty() {
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
        if let Some(around) = &l.typo.double_space {
            out.push(finding(
                doc,
                &p.id,
                loc,
                "double-space",
                format!("doubled space in “{around}”"),
                "use a single space".into(),
            ));
        }
        if curly_double && l.typo.straight_double {
            out.push(finding(
                doc,
                &p.id,
                loc,
                "straight-quote",
                "straight double quote (\") where the document uses “ ”".into(),
                "use “ and ”".into(),
            ));
        }
        if curly_single && l.typo.straight_single {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocKind, Id, Paragraph};

    #[test]
    fn zero_width_characters_are_flagged_without_printing_them() {
        let mut doc = Document::new(DocKind::Resolution);
        doc.operative.push(Paragraph::new(
            Id::new("p1"),
            "Urges",
            "Member\u{200B}States to act;",
        ));
        doc.operative.push(Paragraph::new(
            Id::new("p2"),
            "Decides",
            "to act\u{200D} now\u{FEFF} and *here*\u{2060}.",
        ));
        let mut out = Vec::new();
        check_with(&doc, &doc.paragraphs(), &Local::all(&doc), &mut out);
        let found: Vec<&Finding> = out
            .iter()
            .filter(|f| f.rule == "invisible-character")
            .collect();
        assert_eq!(found.len(), 2, "{out:?}");
        assert_eq!(found[0].place, "operative paragraph 1");
        assert!(
            found[0]
                .message
                .contains("“Urges Member⟨U+200B⟩States to act;”"),
            "{}",
            found[0].message
        );
        assert!(found[1].message.contains("U+200D"), "{}", found[1].message);
        assert!(found[1].message.contains("U+FEFF"), "{}", found[1].message);
        assert!(found[1].message.contains("U+2060"), "{}", found[1].message);
        for f in &found {
            assert!(!f.message.contains(is_invisible), "{:?}", f.message);
        }
    }
}
