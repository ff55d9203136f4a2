//! Header fields in a comparison: each scalar field (title, stage, symbol …) compared word
//! by word, and the list fields (sponsors, notes) item by item.

use super::build::entry;
use super::words;
use super::{ChangeEntry, Field, Kind, ListEdit, PartKind, Side};
use crate::model::{Document, Id};
use similar::{Algorithm, DiffTag, capture_diff_slices};

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

/// The entry of one header field, modified when `changed`.
fn header_entry(name: &str, changed: bool, old: Side, new: Side) -> ChangeEntry {
    let kind = if changed {
        Kind::Modified
    } else {
        Kind::Unchanged
    };
    let mut e = entry(kind, PartKind::Header, 0, Some(old), Some(new));
    e.field = Some(name.to_string());
    e
}

pub(super) fn header(old: &Document, new: &Document, out: &mut Vec<ChangeEntry>) {
    for ((name, o), (_, n)) in scalar_fields(old).into_iter().zip(scalar_fields(new)) {
        let structural = matches!(name, "kind" | "first_number");
        if (o.is_empty() && n.is_empty()) || (structural && o == n) {
            continue;
        }
        let edits = words::edits(Field::Text, &o, &n);
        let mut e = header_entry(
            name,
            !edits.is_empty(),
            header_side(name, o, None),
            header_side(name, n, None),
        );
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
                let (tag, o_range, n_range) = op.as_tag_tuple();
                if tag == DiffTag::Equal {
                    return None;
                }
                Some(ListEdit {
                    at: o_range.start,
                    deleted: o[o_range].to_vec(),
                    inserted: n[n_range].to_vec(),
                })
            })
            .collect();
        let mut e = header_entry(
            name,
            !list_edits.is_empty(),
            header_side(name, o.join(", "), Some(o.clone())),
            header_side(name, n.join(", "), Some(n.clone())),
        );
        e.list_edits = list_edits;
        out.push(e);
    }
}
