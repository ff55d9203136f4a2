//! A paragraph's text with its open proposals and bracketed alternatives standing where
//! they act: the text cut into its own words and the marks of the pending word proposals
//! and span brackets. The compilation text ([`super::compilation`]) and the editor's
//! document view both draw from these pieces, each in its own shape.
//!
//! Text in the pieces is markup source, as the paragraph holds it. Marks that overlap an
//! earlier one, and those whose words are gone, do not stand inline (they are still listed
//! with their paragraph).

use super::locate;
use super::numbering::{self, Entry};
use crate::model::{Draft, Id, Paragraph, ProposedChange};
use std::collections::HashSet;

/// One piece of annotated paragraph text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// The paragraph's own words.
    Own(String),
    /// Words a proposal would delete (`with` is `None`) or replace.
    Struck {
        id: Id,
        by: String,
        words: String,
        with: Option<String>,
    },
    /// Words a proposal would insert here.
    Added { id: Id, by: String, text: String },
    /// A bracket standing over its span: each alternative with who stands behind it;
    /// `current` is the one the text holds.
    Alternatives {
        id: Id,
        alternatives: Vec<(String, String)>,
        current: usize,
    },
}

impl Piece {
    /// The proposal or bracket a mark stands for.
    pub fn id(&self) -> Option<&Id> {
        match self {
            Piece::Own(_) => None,
            Piece::Struck { id, .. } | Piece::Added { id, .. } | Piece::Alternatives { id, .. } => {
                Some(id)
            }
        }
    }
}

/// The paragraph's full text (lead and text) cut into its own words and the marks of its
/// pending proposals and span brackets, in text order. A paragraph with nothing open is one
/// [`Piece::Own`].
pub fn pieces(draft: &Draft, para: &Paragraph) -> Vec<Piece> {
    let n = &draft.negotiation;
    let full = para.full_text();
    // (start, end, piece standing for [start, end)).
    let mut marks: Vec<(usize, usize, Piece)> = Vec::new();
    for b in n
        .brackets
        .iter()
        .filter(|b| !b.whole && !b.needs_attention && b.paragraph == para.id)
    {
        let Some(cur) = b
            .alternatives
            .get(b.current.min(b.alternatives.len().saturating_sub(1)))
        else {
            continue;
        };
        if let Some(r) = locate(&full, &cur.text, b.occurrence) {
            let alternatives = b
                .alternatives
                .iter()
                .map(|a| (a.by.clone(), a.text.clone()))
                .collect();
            marks.push((
                r.start,
                r.end,
                Piece::Alternatives {
                    id: b.id.clone(),
                    alternatives,
                    current: b.current,
                },
            ));
        }
    }
    for prop in n.pending().filter(|p| !p.needs_attention) {
        if prop.change.paragraph() != &para.id {
            continue;
        }
        let Some((words, k)) = prop.change.quote() else {
            continue;
        };
        let Some(r) = locate(&full, words, k) else {
            continue;
        };
        let (id, by) = (prop.id.clone(), prop.by.clone());
        let mark = match &prop.change {
            ProposedChange::InsertWords { text, .. } => (
                r.end,
                r.end,
                Piece::Added {
                    id,
                    by,
                    text: text.clone(),
                },
            ),
            ProposedChange::DeleteWords { .. } | ProposedChange::ReplaceWords { .. } => (
                r.start,
                r.end,
                Piece::Struck {
                    id,
                    by,
                    words: words.to_string(),
                    with: match &prop.change {
                        ProposedChange::ReplaceWords { with, .. } => Some(with.clone()),
                        _ => None,
                    },
                },
            ),
            _ => continue,
        };
        marks.push(mark);
    }
    marks.sort_by_key(|m| (m.0, m.1));
    let mut out = Vec::new();
    let mut pos = 0;
    for (s, e, piece) in marks {
        if s < pos {
            continue;
        }
        if s > pos {
            out.push(Piece::Own(full[pos..s].to_string()));
        }
        // Words added after a quote stand apart from it.
        if matches!(piece, Piece::Added { .. }) && s == e && s > 0 {
            out.push(Piece::Own(" ".into()));
        }
        out.push(piece);
        pos = e;
    }
    if pos < full.len() || out.is_empty() {
        out.push(Piece::Own(full[pos..].to_string()));
    }
    out
}

/// Whether a paragraph has anything open: a pending proposal acting on it (words, deletion,
/// move) or a bracket.
pub fn has_open_items(draft: &Draft, id: &Id) -> bool {
    let n = &draft.negotiation;
    n.pending().any(|p| match &p.change {
        ProposedChange::InsertParagraph { .. } => false,
        c => c.paragraph() == id,
    }) || n.brackets.iter().any(|b| &b.paragraph == id)
}

/// The paragraphs with open items: those that [`has_open_items`], and the paragraph each
/// pending proposed paragraph stands beside (the one it follows, or the one it comes before
/// when it opens its list). The editor's `}`/`{` and its "pending only" view go by these.
pub fn open_paragraphs(draft: &Draft) -> HashSet<Id> {
    let n = &draft.negotiation;
    let mut out: HashSet<Id> = n
        .pending()
        .filter(|p| !matches!(p.change, ProposedChange::InsertParagraph { .. }))
        .map(|p| p.change.paragraph().clone())
        .chain(n.brackets.iter().map(|b| b.paragraph.clone()))
        .collect();
    if !n
        .pending()
        .any(|p| matches!(p.change, ProposedChange::InsertParagraph { .. }))
    {
        return out;
    }
    for part in draft.document.part_keys() {
        let mut last: Option<&Id> = None;
        let mut opening = false;
        for e in numbering::sequence(draft, part) {
            match e.entry {
                Entry::Text(p) => {
                    if std::mem::take(&mut opening) {
                        out.insert(p.id.clone());
                    }
                    last = Some(&p.id);
                }
                Entry::Proposed(..) => match last {
                    Some(id) => {
                        out.insert(id.clone());
                    }
                    None => opening = true,
                },
            }
        }
    }
    out
}
