//! Footnotes and cross-references: a marker whose footnote is missing (or a superscript
//! number left in the text), a footnote with no marker, footnotes listed out of marker order;
//! references such as "paragraph 31 above" to paragraphs that do not exist, and references
//! left dangling by a deletion ("paragraph [deleted: 3] above"). References into
//! other instruments ("article 6, paragraph 1, of the Protocol") are not cross-references.

use super::Paras;
use super::local::Local;
use super::{Finding, finding};
use crate::markup;
use crate::model::{DocKind, Document, Paragraph};
use crate::numbering;
use regex::Regex;
use std::collections::HashSet;
use std::sync::{Arc, OnceLock};

const SUPERSCRIPT: &[char] = &['¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹', '⁰'];

/// "paragraph 5 above", "paragraphs 3 (b) and 7 below", "paragraph 2 of the present
/// resolution". The pattern is a constant; `None` only if the regex engine rejected it.
fn reference_re() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"\bparagraphs? ((?:\d+(?: ?\([a-z]+\))*)(?:(?:, | and | to |-|–)(?:\d+(?: ?\([a-z]+\))*))*),? (above|below|of the present (?:resolution|decision|report))",
        )
        .ok()
    })
    .as_ref()
}

/// The paragraph numbers in a reference ("3 (b) and 7" → 3, 7; sub-paragraph letters are
/// not numbers).
fn numbers(s: &str) -> impl Iterator<Item = u32> + '_ {
    s.split(|c: char| !c.is_ascii_digit())
        .filter_map(|d| d.parse::<u32>().ok())
}

/// What the footnote and reference rules read from one paragraph (see [`super::local`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Refs {
    /// Footnote markers of the lead, then of the text, in order.
    pub markers: Vec<crate::model::Id>,
    pub superscript: Option<String>,
    pub dangling: Vec<String>,
    pub references: Vec<(String, Vec<u32>)>,
}

/// Reads paragraph `p`, whose lead and text read `full_plain` without markup.
pub(crate) fn local(p: &Paragraph, full_plain: &str) -> Refs {
    let markers = markup::markers(&p.lead)
        .into_iter()
        .chain(markup::markers(&p.text))
        .collect();
    let plain = super::plain(&p.text);
    let superscript = plain.find(SUPERSCRIPT).map(|pos| {
        plain[pos..]
            .chars()
            .take_while(|c| SUPERSCRIPT.contains(c))
            .collect()
    });
    let references = match reference_re() {
        Some(re) => re
            .captures_iter(full_plain)
            .map(|caps| {
                let nums = caps.get(1).map_or("", |m| m.as_str());
                let whole = caps.get(0).map_or("", |m| m.as_str());
                (whole.to_string(), numbers(nums).collect())
            })
            .collect(),
        None => Vec::new(),
    };
    Refs {
        markers,
        superscript,
        dangling: crate::ops::dangling_references(full_plain),
        references,
    }
}

/// Adds the footnote and cross-reference findings of `doc` to `out`.
/// (`doc`), with what each paragraph's text says read already (`paras` and `locals`, in
/// document order).
pub(crate) fn check_with(
    doc: &Document,
    paras: &super::Paras<'_>,
    locals: &[Arc<Local>],
    out: &mut Vec<Finding>,
) {
    footnotes(doc, paras, locals, out);
    references(doc, paras, locals, out);
}

fn footnotes(doc: &Document, paras: &Paras<'_>, locals: &[Arc<Local>], out: &mut Vec<Finding>) {
    let known: HashSet<&str> = doc.footnotes.iter().map(|f| f.id.as_str()).collect();
    let mut used: Vec<String> = Vec::new();
    let mut seen = HashSet::new();
    for ((p, loc), l) in paras.iter().zip(locals) {
        for id in &l.refs.markers {
            if !known.contains(id.as_str()) {
                out.push(finding(
                    doc,
                    &p.id,
                    loc,
                    "footnote-missing",
                    format!("footnote marker [^{id}] has no footnote"),
                    "add the footnote or delete the marker".into(),
                ));
            } else if seen.insert(id.0.clone()) {
                used.push(id.0.clone());
            }
        }
        if let Some(digits) = &l.refs.superscript {
            out.push(finding(
                doc,
                &p.id,
                loc,
                "footnote-missing",
                format!("superscript number “{digits}” in the text is not linked to a footnote"),
                "make it a footnote marker, or delete it".into(),
            ));
        }
    }
    let numbers = numbering::footnote_numbers(doc);
    for f in &doc.footnotes {
        if !seen.contains(f.id.as_str()) {
            let n = numbers.get(&f.id).copied().unwrap_or(0);
            let snippet: String = super::plain(&f.text).chars().take(50).collect();
            out.push(Finding {
                id: None,
                place: format!("footnote {n}"),
                rule: "footnote-unused",
                message: format!("footnote {n} (“{snippet}”) has no marker in the text"),
                suggestion: "add its marker where it belongs, or delete the footnote".into(),
            });
        }
    }
    let listed: Vec<&str> = doc
        .footnotes
        .iter()
        .map(|f| f.id.as_str())
        .filter(|id| seen.contains(*id))
        .collect();
    if listed != used.iter().map(String::as_str).collect::<Vec<_>>() {
        out.push(Finding {
            id: None,
            place: "footnotes".into(),
            rule: "footnote-order",
            message: "the footnotes are not listed in the order of their markers in the text"
                .into(),
            suggestion: "renumber the footnotes (resdraft renumber)".into(),
        });
    }
}

fn references(doc: &Document, paras: &Paras<'_>, locals: &[Arc<Local>], out: &mut Vec<Finding>) {
    // The paragraph numbers that exist.
    let (low, high) = match doc.kind {
        DocKind::Resolution | DocKind::Amendment => (1, doc.operative.len() as u32),
        DocKind::Report => {
            let count: usize = doc
                .sections
                .iter()
                .filter(|s| s.numbered)
                .map(|s| s.paragraphs.len())
                .sum();
            (
                doc.first_number,
                doc.first_number + count as u32 - u32::from(count > 0),
            )
        }
    };
    let exists = |n: u32| n >= low && n <= high && high > 0;
    for ((p, loc), l) in paras.iter().zip(locals) {
        for r in &l.refs.dangling {
            out.push(finding(
                doc,
                &p.id,
                loc,
                "dangling-reference",
                format!("“{r}” refers to a paragraph that was deleted"),
                "name the paragraph meant, or delete the reference".into(),
            ));
        }
        for (whole, nums) in &l.refs.references {
            let bad: Vec<u32> = nums.iter().copied().filter(|&n| !exists(n)).collect();
            if bad.is_empty() {
                continue;
            }
            let range = if high == 0 {
                "the text has no numbered paragraphs".to_string()
            } else {
                format!("the text has paragraphs {low} to {high}")
            };
            out.push(finding(
                doc,
                &p.id,
                loc,
                "cross-reference",
                format!(
                    "“{whole}” refers to paragraph {} that does not exist ({range})",
                    bad.iter()
                        .map(u32::to_string)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                "correct the paragraph number (resdraft renumber updates references)".into(),
            ));
        }
    }
}
