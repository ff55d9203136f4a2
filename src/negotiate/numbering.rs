//! Numbering during a negotiation. When the negotiation begins, the top-level paragraphs
//! of every list are numbered and the numbers frozen ([`freeze`], kept in the draft by id);
//! from then on a paragraph keeps its number, and a new one — proposed or already accepted —
//! takes the number of the paragraph before it with "bis", "ter", "quater" … ("5 bis"), as
//! in the compilation texts of informal consultations. A paragraph inserted before the
//! first reads "0 bis". A clean export ignores all this and numbers as UN practice requires
//! (see [`crate::numbering`]).

use crate::model::{Document, Draft, Id, Paragraph, Part, Proposal, ProposalState, ProposedChange};
use std::collections::BTreeMap;

/// The numbers of the top-level paragraphs of every list, each list from 1.
pub fn freeze(doc: &Document) -> BTreeMap<Id, u32> {
    let mut out = BTreeMap::new();
    for (_, list) in doc.parts() {
        for (i, p) in list.iter().enumerate() {
            out.insert(p.id.clone(), i as u32 + 1);
        }
    }
    out
}

/// The Latin multiplicative adverb for the `k`-th paragraph after a numbered one (1 →
/// "bis"); past "decies", the count in brackets.
pub fn latin(k: usize) -> String {
    const NAMES: [&str; 9] = [
        "bis",
        "ter",
        "quater",
        "quinquies",
        "sexies",
        "septies",
        "octies",
        "novies",
        "decies",
    ];
    match k {
        0 => String::new(),
        k if k <= NAMES.len() => NAMES[k - 1].to_string(),
        k => format!("({})", k + 1),
    }
}

/// One entry of a list in the compilation: a paragraph of the text, or one proposed and not
/// yet accepted.
#[derive(Debug, Clone, Copy)]
pub enum Entry<'a> {
    Text(&'a Paragraph),
    Proposed(&'a Proposal, &'a Paragraph),
}

impl<'a> Entry<'a> {
    pub fn paragraph(&self) -> &'a Paragraph {
        match self {
            Entry::Text(p) | Entry::Proposed(_, p) => p,
        }
    }
}

/// A list of the compilation with its negotiation labels ("5", "5 bis").
#[derive(Debug, Clone)]
pub struct Numbered<'a> {
    pub entry: Entry<'a>,
    pub label: String,
}

/// The entries of one list of the draft in order — its paragraphs, with the paragraphs of
/// pending proposals to insert one after the paragraph they follow — each with its label.
/// A proposed paragraph whose anchor is gone comes last.
pub fn sequence(draft: &Draft, part: Part) -> Vec<Numbered<'_>> {
    let Some(list) = draft.document.part(part) else {
        return Vec::new();
    };
    let proposals: Vec<(&Proposal, Option<&Id>, bool, &Paragraph)> = draft
        .negotiation
        .proposals
        .iter()
        .filter(|p| p.state == ProposalState::Pending)
        .filter_map(|p| match &p.change {
            ProposedChange::InsertParagraph {
                after,
                operative,
                paragraph,
            } => Some((p, after.as_ref(), *operative, paragraph)),
            _ => None,
        })
        .collect();
    let mut entries: Vec<Entry<'_>> = Vec::new();
    let mut placed = vec![false; proposals.len()];
    // Proposed paragraphs after `anchor` (and after those, recursively), in proposal order.
    fn after_anchor<'a>(
        anchor: Option<&Id>,
        start_of: bool,
        proposals: &[(&'a Proposal, Option<&Id>, bool, &'a Paragraph)],
        placed: &mut [bool],
        out: &mut Vec<Entry<'a>>,
    ) {
        for (k, (p, after, operative, para)) in proposals.iter().enumerate() {
            let matches = match anchor {
                Some(a) => *after == Some(a),
                None => after.is_none() && *operative == start_of,
            };
            if matches && !placed[k] {
                placed[k] = true;
                out.push(Entry::Proposed(p, para));
                after_anchor(Some(&para.id), start_of, proposals, placed, out);
            }
        }
    }
    let top = matches!(part, Part::Preamble | Part::Operative);
    if top {
        after_anchor(
            None,
            part == Part::Operative,
            &proposals,
            &mut placed,
            &mut entries,
        );
    }
    for p in list {
        entries.push(Entry::Text(p));
        after_anchor(
            Some(&p.id),
            part == Part::Operative,
            &proposals,
            &mut placed,
            &mut entries,
        );
    }
    if part == Part::Operative {
        // Proposals whose anchor is gone from the whole document.
        for (k, (p, after, _, para)) in proposals.iter().enumerate() {
            if !placed[k] && after.is_some_and(|a| draft.document.find(a).is_none()) {
                placed[k] = true;
                entries.push(Entry::Proposed(p, para));
            }
        }
    }
    label(draft, entries)
}

fn label<'a>(draft: &Draft, entries: Vec<Entry<'a>>) -> Vec<Numbered<'a>> {
    let frozen;
    let numbers = if draft.negotiation.numbers.is_empty() {
        frozen = freeze(&draft.document);
        &frozen
    } else {
        &draft.negotiation.numbers
    };
    let mut base = 0;
    let mut extra = 0;
    entries
        .into_iter()
        .map(|entry| {
            let fixed = match entry {
                Entry::Text(p) => numbers.get(&p.id).copied(),
                Entry::Proposed(..) => None,
            };
            let label = match fixed {
                Some(n) => {
                    base = n;
                    extra = 0;
                    n.to_string()
                }
                None => {
                    extra += 1;
                    format!("{base} {}", latin(extra))
                }
            };
            Numbered { entry, label }
        })
        .collect()
}

/// The negotiation label of every top-level paragraph of the text and of the proposed
/// ones, by id.
pub fn labels(draft: &Draft) -> BTreeMap<Id, String> {
    let mut out = BTreeMap::new();
    for part in draft.document.part_keys() {
        for n in sequence(draft, part) {
            out.insert(n.entry.paragraph().id.clone(), n.label);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_names() {
        assert_eq!(latin(1), "bis");
        assert_eq!(latin(3), "quater");
        assert_eq!(latin(10), "(11)");
    }
}
