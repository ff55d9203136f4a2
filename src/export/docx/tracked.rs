//! The comparison of two versions as Word tracked changes: the paragraphs of both versions
//! ([`super::blocks`]) merged in the reading order of the new one, with the old paragraphs
//! that are gone where they stood.
//!
//! - A paragraph the comparison pairs keeps its place; its words are compared with the
//!   comparison's word diff ([`crate::compare::words::edits`]) and written as deleted and
//!   inserted runs. A paragraph whose automatic number changed carries the number it had
//!   (`w:numberingChange`), as Word records a change of numbering.
//! - A paragraph only in the old version is a deleted paragraph, one only in the new version
//!   an inserted one (runs and paragraph mark).
//! - A paired paragraph out of the order of the others is a move: its old text in a move-from
//!   range where it stood, its new text in the move-to range of the same name.
//! - Header lines, headings and annex labels are paired by what they are (the title with the
//!   title) and compared word by word the same way.
//!
//! Rejecting every change gives the old version, accepting every change the new one.

use super::blocks::{self, Block, Key, Span};
use super::write::{Change, Content, Para, Piece, Revision};
use super::{notes, para, pieces};
use crate::compare::words::{self, PieceKind};
use crate::compare::{Comparison, Field, PartKind, Slot, align, order};
use crate::model::{Document, Id};
use std::collections::{HashMap, HashSet};

/// The footnote keys of the old and of the new version.
const OLD: &str = "o:";
const NEW: &str = "n:";

/// The new version with tracked changes from the old one.
pub(super) fn content(
    old: &Document,
    new: &Document,
    cmp: &Comparison,
    author: &str,
    date: &str,
) -> Content {
    let (ob, nb) = (blocks::blocks(old), blocks::blocks(new));
    let paired = paragraph_pairs(cmp, &ob, &nb);
    let pairs = block_pairs(&ob, &nb, &paired);
    let keep = align::in_order(&pairs);
    let mut moved_old: HashMap<usize, u32> = HashMap::new();
    let mut moved_new: HashMap<usize, u32> = HashMap::new();
    let mut kept = Vec::new();
    for (k, &(i, j)) in pairs.iter().enumerate() {
        let is_paragraph = matches!(nb[j].key, Key::Paragraph(_));
        if keep[k] {
            kept.push((i, j));
        } else if is_paragraph {
            let name = moved_old.len() as u32 + 1;
            moved_old.insert(i, name);
            moved_new.insert(j, name);
        }
        // A header line or heading out of order is written deleted and inserted.
    }
    // The old paragraphs' lists are named after the new paragraphs they became.
    let renamed: HashMap<String, String> = paired
        .iter()
        .map(|(o, n)| (format!("under {o}"), format!("under {n}")))
        .collect();
    let old_block = |i: usize, change: Change| {
        let mut b = ob[i].clone();
        if let Some(n) = &mut b.number
            && let Some(name) = renamed.get(&n.list)
        {
            n.list = name.clone();
        }
        para(b, OLD, change)
    };
    let mut paras = Vec::new();
    for slot in order(ob.len(), nb.len(), kept) {
        paras.push(match slot {
            Slot::Pair { old: i, new: j, .. } => changed(&ob[i], &nb[j]),
            Slot::Deleted(i) => match moved_old.get(&i) {
                Some(&n) => old_block(i, Change::MovedFrom(n)),
                None => old_block(i, Change::Deleted),
            },
            Slot::Inserted(j) => {
                let change = moved_new
                    .get(&j)
                    .map_or(Change::Inserted, |&n| Change::MovedTo(n));
                para(nb[j].clone(), NEW, change)
            }
        });
    }
    Content {
        paras,
        notes: footnotes(old, new, cmp),
        keep_unreferenced: false,
        revision: Some(Revision {
            author: author.to_string(),
            date: date.to_string(),
        }),
    }
}

/// Old paragraph id → new paragraph id, for the paragraphs the comparison pairs; with ids
/// shared by both versions paired as well when the comparison aligned by id and did not
/// compare them (annex paragraphs).
fn paragraph_pairs(cmp: &Comparison, ob: &[Block], nb: &[Block]) -> HashMap<Id, Id> {
    let mut out = HashMap::new();
    let mut seen: HashSet<Id> = HashSet::new();
    for c in cmp.changes.iter().filter(|c| c.is_paragraph()) {
        if let Some(s) = &c.old {
            seen.insert(s.id.clone());
        }
        if let Some(s) = &c.new {
            seen.insert(s.id.clone());
        }
        if let (Some(o), Some(n)) = (&c.old, &c.new) {
            out.insert(o.id.clone(), n.id.clone());
        }
    }
    if cmp.align == crate::compare::Align::ById {
        let new_ids: HashSet<&Id> = nb.iter().filter_map(|b| paragraph_id(b)).collect();
        for id in ob.iter().filter_map(paragraph_id) {
            if !seen.contains(id) && new_ids.contains(id) {
                out.insert(id.clone(), id.clone());
            }
        }
    }
    out
}

fn paragraph_id(b: &Block) -> Option<&Id> {
    match &b.key {
        Key::Paragraph(id) => Some(id),
        Key::Other(_) => None,
    }
}

/// The pairs (old block, new block), sorted by old block: paragraphs as paired, other blocks
/// by their key.
fn block_pairs(ob: &[Block], nb: &[Block], paired: &HashMap<Id, Id>) -> Vec<(usize, usize)> {
    let mut new_at: HashMap<&Key, usize> = HashMap::new();
    for (j, b) in nb.iter().enumerate() {
        new_at.entry(&b.key).or_insert(j);
    }
    let mut used = HashSet::new();
    let mut pairs = Vec::new();
    for (i, b) in ob.iter().enumerate() {
        let j = match &b.key {
            Key::Paragraph(id) => paired
                .get(id)
                .and_then(|n| new_at.get(&Key::Paragraph(n.clone())).copied()),
            other => new_at.get(other).copied(),
        };
        if let Some(j) = j
            && used.insert(j)
        {
            pairs.push((i, j));
        }
    }
    pairs
}

/// A paired paragraph: the new one, its words compared with the old one's.
fn changed(old: &Block, new: &Block) -> Para {
    let same_shape = old.spans.len() == new.spans.len()
        && old.spans.iter().zip(&new.spans).all(|(a, b)| match (a, b) {
            (Span::Text { markup: m, .. }, Span::Text { markup: n, .. }) => m == n,
            (Span::Tab, Span::Tab) => true,
            (Span::Note(a), Span::Note(b)) => a == b,
            _ => false,
        });
    let mut out = Vec::new();
    if same_shape {
        for (a, b) in old.spans.iter().zip(&new.spans) {
            match (a, b) {
                (
                    Span::Text { text: o, .. },
                    Span::Text {
                        text: n,
                        markup,
                        italic,
                        bold,
                    },
                ) => word_changes(o, n, *markup, (*italic, *bold), &mut out),
                (_, b) => super::span_pieces(b, NEW, Change::None, &mut out),
            }
        }
    } else {
        for s in &old.spans {
            super::span_pieces(s, OLD, Change::Deleted, &mut out);
        }
        for s in &new.spans {
            super::span_pieces(s, NEW, Change::Inserted, &mut out);
        }
    }
    let old_number = match (&old.number, &new.number) {
        (Some(o), Some(n)) if o.printed() != n.printed() => Some(o.clone()),
        _ => None,
    };
    Para {
        layout: new.layout,
        number: new.number.clone(),
        old_number,
        pieces: out,
        mark: Change::None,
    }
}

/// The runs of a text changed from `old` to `new`: equal words plain, the old words deleted,
/// the new ones inserted; the emphasis of each side followed through its own text.
///
/// A plain header field of one word (a symbol: "A/C.3/80/L.55") changes as a whole, not
/// piece by piece between its slashes.
fn word_changes(old: &str, new: &str, markup: bool, base: (bool, bool), out: &mut Vec<Piece>) {
    let one_word = |s: &str| !s.contains(char::is_whitespace);
    let edits = if !markup && old != new && one_word(old) && one_word(new) {
        vec![crate::compare::Edit {
            field: Field::Text,
            at: 0,
            deleted: old.to_string(),
            inserted: new.to_string(),
        }]
    } else {
        words::edits(Field::Text, old, new)
    };
    let (mut old_emphasis, mut new_emphasis) = ((false, false), (false, false));
    for (kind, text) in words::pieces(old, &edits, Field::Text) {
        match kind {
            PieceKind::Equal => {
                let mut skipped = Vec::new();
                pieces(
                    text,
                    markup,
                    base,
                    &mut old_emphasis,
                    OLD,
                    Change::None,
                    &mut skipped,
                );
                pieces(
                    text,
                    markup,
                    base,
                    &mut new_emphasis,
                    NEW,
                    Change::None,
                    out,
                );
            }
            PieceKind::Deleted => pieces(
                text,
                markup,
                base,
                &mut old_emphasis,
                OLD,
                Change::Deleted,
                out,
            ),
            PieceKind::Inserted => pieces(
                text,
                markup,
                base,
                &mut new_emphasis,
                NEW,
                Change::Inserted,
                out,
            ),
        }
    }
}

/// The footnotes of both versions: the old ones as they were (referenced only from deleted
/// text), the new ones with the words changed from the old footnote they are paired with (by
/// the comparison, else by id).
fn footnotes(old: &Document, new: &Document, cmp: &Comparison) -> Vec<(String, Vec<Piece>)> {
    let mut pair: HashMap<&Id, &Id> = HashMap::new();
    for c in cmp.changes.iter().filter(|c| c.part == PartKind::Footnote) {
        if let (Some(o), Some(n)) = (&c.old, &c.new) {
            pair.insert(&n.id, &o.id);
        }
    }
    let mut out = notes(old, OLD);
    for f in &new.footnotes {
        let was = pair
            .get(&f.id)
            .copied()
            .or(Some(&f.id))
            .and_then(|id| old.footnote(id));
        let key = format!("{NEW}{}", f.id);
        match was {
            Some(o) => {
                let mut runs = Vec::new();
                word_changes(&o.text, &f.text, true, (false, false), &mut runs);
                out.push((key, runs));
            }
            None => {
                let mut runs = Vec::new();
                let mut emphasis = (false, false);
                let base = (false, false);
                pieces(
                    &f.text,
                    true,
                    base,
                    &mut emphasis,
                    NEW,
                    Change::None,
                    &mut runs,
                );
                out.push((key, runs));
            }
        }
    }
    out
}
