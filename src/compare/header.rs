//! Header fields in a comparison: each scalar field (title, stage, symbol …) compared word
//! by word, and the list fields (sponsors, notes) item by item.

use super::build::entry;
use super::words;
use super::{ChangeEntry, Field, Kind, ListEdit, PartKind, Side};
use crate::model::{Document, Id};
use similar::{Algorithm, DiffOp, capture_diff_slices};

/// The scalar header fields with their names, in display order.
pub(crate) fn scalar_fields(d: &Document) -> Vec<(&'static str, String)> {
    let h = &d.header;
    vec![
        (
            "kind",
            if d.is_report() {
                "report"
            } else {
                "resolution"
            }
            .to_string(),
        ),
        ("first_number", d.first_number.to_string()),
        ("issuing_body", h.issuing_body.clone()),
        ("organ", h.organ.clone()),
        ("symbol", h.symbol.clone()),
        ("distribution", h.distribution.clone()),
        ("date", h.date.clone()),
        ("original_language", h.original_language.clone()),
        ("session", h.session.clone()),
        ("place_and_dates", h.place_and_dates.clone()),
        ("agenda_item", h.agenda_item.clone()),
        ("agenda_title", h.agenda_title.clone()),
        ("sponsors_note", h.sponsors_note.clone()),
        ("stage", h.stage.clone()),
        ("title", h.title.clone()),
        ("adoption", h.adoption.clone()),
        ("committee_reference", h.committee_reference.clone()),
        ("resolution_number", h.resolution_number.clone()),
        ("authoring_body", d.authoring_body.clone()),
    ]
}

/// The list-valued header fields with their names.
pub(crate) fn list_fields(d: &Document) -> Vec<(&'static str, &Vec<String>)> {
    vec![("sponsors", &d.header.sponsors), ("notes", &d.notes)]
}

fn header_side(name: &str, text: String, list: Option<Vec<String>>) -> Side {
    Side {
        id: Id::new(name),
        label: name.to_string(),
        place: name.replace('_', " "),
        text,
        list,
        ..Side::default()
    }
}

pub(super) fn header(old: &Document, new: &Document, out: &mut Vec<ChangeEntry>) {
    for ((name, o), (_, n)) in scalar_fields(old).into_iter().zip(scalar_fields(new)) {
        let structural = matches!(name, "kind" | "first_number");
        if (o.is_empty() && n.is_empty()) || (structural && o == n) {
            continue;
        }
        let edits = words::edits(Field::Text, &o, &n);
        let kind = if edits.is_empty() {
            Kind::Unchanged
        } else {
            Kind::Modified
        };
        let mut e = entry(
            kind,
            PartKind::Header,
            0,
            Some(header_side(name, o, None)),
            Some(header_side(name, n, None)),
        );
        e.field = Some(name.to_string());
        e.edits = edits;
        out.push(e);
    }
    for ((name, o), (_, n)) in list_fields(old).into_iter().zip(list_fields(new)) {
        if o.is_empty() && n.is_empty() {
            continue;
        }
        let list_edits: Vec<ListEdit> = capture_diff_slices(Algorithm::Myers, o, n)
            .into_iter()
            .filter_map(|op| {
                let (oi, ol, ni, nl) = match op {
                    DiffOp::Equal { .. } => return None,
                    DiffOp::Delete {
                        old_index,
                        old_len,
                        new_index,
                    } => (old_index, old_len, new_index, 0),
                    DiffOp::Insert {
                        old_index,
                        new_index,
                        new_len,
                    } => (old_index, 0, new_index, new_len),
                    DiffOp::Replace {
                        old_index,
                        old_len,
                        new_index,
                        new_len,
                    } => (old_index, old_len, new_index, new_len),
                };
                Some(ListEdit {
                    at: oi,
                    deleted: o[oi..oi + ol].to_vec(),
                    inserted: n[ni..ni + nl].to_vec(),
                })
            })
            .collect();
        let kind = if list_edits.is_empty() {
            Kind::Unchanged
        } else {
            Kind::Modified
        };
        let mut e = entry(
            kind,
            PartKind::Header,
            0,
            Some(header_side(name, o.join(", "), Some(o.clone()))),
            Some(header_side(name, n.join(", "), Some(n.clone()))),
        );
        e.field = Some(name.to_string());
        e.list_edits = list_edits;
        out.push(e);
    }
}
