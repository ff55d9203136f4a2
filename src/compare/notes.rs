//! The entries of report sections (headings and their words, paired as the report's
//! sections are) and of footnotes (paired by id or by their words, numbered as each version
//! prints them) for [`super::build`].

use super::align;
use super::build::{Slot, entry, order, substance, whole};
use super::{Align, ChangeEntry, Kind, PartKind, Side};
use crate::model::{Document, Id, Section};
use crate::numbering;
use std::collections::HashMap;

fn section_side(s: &Section, index: usize) -> Side {
    Side {
        id: s.id.clone(),
        index,
        number: None,
        label: if s.label.is_empty() {
            format!("section {}", index + 1)
        } else {
            format!("section {}", s.label)
        },
        place: format!(
            "section {}",
            if s.label.is_empty() {
                &s.heading
            } else {
                &s.label
            }
        ),
        lead: s.label.clone(),
        text: s.heading.clone(),
        level: s.level,
        numbered: s.numbered,
        ..Side::default()
    }
}

pub(super) fn section_entry(
    old: &Document,
    new: &Document,
    i: Option<usize>,
    j: Option<usize>,
    moved: bool,
) -> ChangeEntry {
    let os = i.and_then(|i| old.sections.get(i).map(|s| section_side(s, i)));
    let ns = j.and_then(|j| new.sections.get(j).map(|s| section_side(s, j)));
    match (os, ns) {
        (Some(o), Some(n)) => {
            let (edits, form_edits) = substance(&o.lead, &o.text, &n.lead, &n.text);
            let kind = if moved {
                Kind::Moved
            } else if !edits.is_empty() || o.level != n.level || o.numbered != n.numbered {
                Kind::Modified
            } else {
                Kind::Unchanged
            };
            let mut e = entry(kind, PartKind::Section, 0, Some(o), Some(n));
            e.edits = edits;
            e.form_edits = form_edits;
            e
        }
        (Some(o), None) => {
            let mut e = entry(Kind::Deleted, PartKind::Section, 0, None, None);
            e.edits = whole(&o.lead, &o.text, false);
            e.old = Some(o);
            e
        }
        (None, n) => {
            let mut e = entry(Kind::Inserted, PartKind::Section, 0, None, None);
            if let Some(n) = &n {
                e.edits = whole(&n.lead, &n.text, true);
            }
            e.new = n;
            e
        }
    }
}

fn footnote_side(doc: &Document, numbers: &HashMap<Id, u32>, index: usize) -> Option<Side> {
    let f = doc.footnotes.get(index)?;
    let n = numbers.get(&f.id).copied();
    Some(Side {
        id: f.id.clone(),
        index,
        number: n,
        label: format!("fn {}", n.unwrap_or(0)),
        place: format!("footnote {}", n.unwrap_or(0)),
        text: f.text.clone(),
        anchor: Some(f.anchor.clone()),
        ..Side::default()
    })
}

pub(super) fn footnotes(old: &Document, new: &Document, align: Align, out: &mut Vec<ChangeEntry>) {
    let pairs = if align == Align::ById {
        let o: Vec<&Id> = old.footnotes.iter().map(|f| &f.id).collect();
        let n: Vec<&Id> = new.footnotes.iter().map(|f| &f.id).collect();
        align::by_id(&o, &n)
    } else {
        let o: Vec<String> = old.footnotes.iter().map(|f| f.text.clone()).collect();
        let n: Vec<String> = new.footnotes.iter().map(|f| f.text.clone()).collect();
        align::by_similarity(&o, &n)
    };
    let (on, nn) = (
        numbering::footnote_numbers(old),
        numbering::footnote_numbers(new),
    );
    for slot in order(old.footnotes.len(), new.footnotes.len(), pairs) {
        let (i, j, moved) = match slot {
            Slot::Pair { old, new, moved } => (Some(old), Some(new), moved),
            Slot::Deleted(i) => (Some(i), None, false),
            Slot::Inserted(j) => (None, Some(j), false),
        };
        let o = i.and_then(|i| footnote_side(old, &on, i));
        let n = j.and_then(|j| footnote_side(new, &nn, j));
        let e = match (o, n) {
            (Some(o), Some(n)) => {
                let (edits, form_edits) = substance("", &o.text, "", &n.text);
                let kind = if moved {
                    Kind::Moved
                } else if !edits.is_empty() {
                    Kind::Modified
                } else if o.number != n.number {
                    Kind::Renumbered
                } else {
                    Kind::Unchanged
                };
                let mut e = entry(kind, PartKind::Footnote, 0, Some(o), Some(n));
                e.edits = edits;
                e.form_edits = form_edits;
                e
            }
            (Some(o), None) => {
                let mut e = entry(Kind::Deleted, PartKind::Footnote, 0, None, None);
                e.edits = whole("", &o.text, false);
                e.old = Some(o);
                e
            }
            (None, Some(n)) => {
                let mut e = entry(Kind::Inserted, PartKind::Footnote, 0, None, None);
                e.edits = whole("", &n.text, true);
                e.new = Some(n);
                e
            }
            (None, None) => continue,
        };
        out.push(e);
    }
}
