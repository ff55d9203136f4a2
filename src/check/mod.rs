//! The editorial check: what in a draft breaks UN drafting practice, with the place, the
//! rule and a suggested fix. Pure functions over a [`Document`]; no I/O.
//!
//! Rules: end punctuation ([`punctuation`]); the opening phrase present, whole, of the form
//! of its part, in the third person singular, capitalised consistently, "Also" only after the
//! same verb ([`leads`]); footnote markers and footnotes that do not match, cross-references to
//! paragraphs that do not exist ([`refs`]); empty paragraphs, doubled spaces, straight quotes
//! in a document that uses typographic ones ([`typography`]); -ize spelling ([`spelling`]).
//!
//! Every rule is measured on the adopted resolutions of `../shared/corpus/un80`, texts edited
//! by UN editors: `tests/check_rate.rs` pins the findings there at 0.25 per resolution.

pub mod leads;
mod local;
pub mod negotiation;
pub mod punctuation;
pub mod refs;
pub mod spelling;
pub mod typography;

pub use local::Memo;

use crate::model::{Document, Id, Location};
use crate::numbering;
use serde::Serialize;

/// Every paragraph of a document with its location, in document order.
pub(crate) type Paras<'a> = [(&'a crate::model::Paragraph, Location)];

/// One thing the check found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The paragraph concerned, when the finding is about one.
    pub id: Option<Id>,
    /// Where, as a drafter says it: "operative paragraph 9 (b)".
    pub place: String,
    /// The rule's identifier ("lead-person").
    pub rule: &'static str,
    pub message: String,
    /// The suggested fix (may be empty when there is no mechanical fix).
    pub suggestion: String,
}

/// The rules, with a one-line description each (for help texts and documentation).
pub const RULES: &[(&str, &str)] = &[
    (
        "end-punctuation",
        "preambular paragraphs end with a comma, operative ones with a semicolon and the last with a full stop; a colon introduces sub-paragraphs",
    ),
    (
        "missing-lead",
        "every preambular and operative paragraph opens with a phrase",
    ),
    (
        "lead-incomplete",
        "an opening phrase holds its verb, not only an adverb (“Further decides”, not “Further” + “decides”)",
    ),
    (
        "lead-form",
        "a preambular paragraph opens with a participle or an adjective (“Recalling”), an operative paragraph with a verb in the present indicative (“Requests”)",
    ),
    (
        "lead-person",
        "an operative opening verb is in the third person singular",
    ),
    (
        "lead-capitalisation",
        "opening phrases are capitalised consistently",
    ),
    (
        "lead-sequence",
        "“Also” or “Further” opens a paragraph only after an earlier paragraph opened with the same verb",
    ),
    ("footnote-missing", "every footnote marker has its footnote"),
    ("footnote-unused", "every footnote has a marker in the text"),
    (
        "footnote-order",
        "footnotes are listed in the order of their markers",
    ),
    (
        "cross-reference",
        "references to paragraphs above or below name paragraphs that exist",
    ),
    (
        "spelling",
        "Oxford spelling, as in UN texts: -ize, not -ise (“emphasize”, “organization”)",
    ),
    ("empty-paragraph", "no paragraph is empty"),
    ("double-space", "no doubled spaces"),
    (
        "straight-quote",
        "quotes are typographic where the document uses typographic quotes",
    ),
    (
        "amendment-instruction",
        "in an amendment document, every instruction reads as the UN words them (“In operative paragraph 3, replace “…” with “…”.”)",
    ),
    (
        "open-proposal",
        "a negotiated draft is tabled with every proposal accepted, rejected or withdrawn",
    ),
    (
        "open-bracket",
        "a negotiated draft is tabled with every bracket resolved to one alternative",
    ),
];

/// The plain text of marked-up text; borrowed when there is no markup to remove (most
/// paragraphs), so the check does not re-parse every text several times.
pub(crate) fn plain(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes().any(|b| matches!(b, b'*' | b'[' | b'\\')) {
        std::borrow::Cow::Owned(crate::markup::strip(s))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

pub(crate) fn finding(
    doc: &Document,
    id: &Id,
    loc: &Location,
    rule: &'static str,
    message: String,
    suggestion: String,
) -> Finding {
    Finding {
        id: Some(id.clone()),
        place: numbering::describe(doc, loc),
        rule,
        message,
        suggestion,
    }
}

/// Checks a document. Findings come in document order (document-wide ones last). A
/// [`Memo`] checks the versions of an edited document faster, with the same findings.
pub fn check(doc: &Document) -> Vec<Finding> {
    run(doc, &local::Local::all(doc))
}

/// Checks a document whose paragraphs' own words are read already (`locals`, in document
/// order).
fn run(doc: &Document, locals: &[std::sync::Arc<local::Local>]) -> Vec<Finding> {
    // An amendment document holds instructions, not a resolution's paragraphs: what is
    // checked is that each reads.
    if doc.is_amendment() {
        return amendment(doc);
    }
    let mut per_paragraph: Vec<(usize, Finding)> = Vec::new();
    let paras = doc.paragraphs();
    let order: foldhash::HashMap<&Id, usize> = paras
        .iter()
        .enumerate()
        .map(|(i, (p, _))| (&p.id, i))
        .collect();
    let mut all = Vec::new();
    punctuation::check_with(doc, locals, &mut all);
    leads::check_with(doc, locals, &mut all);
    refs::check_with(doc, &paras, locals, &mut all);
    typography::check_with(doc, &paras, locals, &mut all);
    spelling::check_with(doc, &paras, locals, &mut all);
    let mut global = Vec::new();
    for f in all {
        match f.id.as_ref().and_then(|id| order.get(id)) {
            Some(&i) => per_paragraph.push((i, f)),
            None => global.push(f),
        }
    }
    per_paragraph.sort_by_key(|(i, _)| *i);
    per_paragraph
        .into_iter()
        .map(|(_, f)| f)
        .chain(global)
        .collect()
}

/// The check of an amendment document: every instruction whose wording is not understood.
fn amendment(doc: &Document) -> Vec<Finding> {
    let Err(errors) = crate::amend::document::to_amendment(doc) else {
        return Vec::new();
    };
    errors
        .into_iter()
        .map(|e| {
            let para = (e.instruction as usize)
                .checked_sub(1)
                .and_then(|k| doc.operative.get(k));
            Finding {
                id: para.map(|p| p.id.clone()),
                place: if e.instruction > 0 {
                    format!("instruction {}", e.instruction)
                } else {
                    "the amendment".into()
                },
                rule: "amendment-instruction",
                message: e.message,
                suggestion: "word it as the UN does: “In operative paragraph 3, replace “…” \
                             with “…”.”"
                    .into(),
            }
        })
        .collect()
}

/// Checks a draft: its current text, then its negotiation (open proposals and brackets,
/// see [`negotiation`]).
pub fn check_draft(draft: &crate::model::Draft) -> Vec<Finding> {
    let mut out = check(&draft.document);
    negotiation::check(draft, &mut out);
    out
}

#[cfg(test)]
mod tests;
