//! The comparison as JSON for tools: `{align, stat, changes: [...]}` with one change per
//! paragraph, sub-paragraph, footnote, section or header field: `kind`, `part`,
//! `old_number`/`new_number` (operative numbers, preambular positions, footnote numbers;
//! null where absent), labels, places, leads, texts and the word `edits`. What structures
//! the resolution (headings, parts, annexes: `"part": "body"`) has its label ("II", "A") in
//! `old_numbering`/`new_numbering`, not in the lead: like a paragraph's number, it follows the
//! numbering and is not one of the words that changed.

use super::{ChangeEntry, Comparison, Edit, PartKind, Side};
use serde_json::{Value, json};

fn edit(e: &Edit) -> Value {
    json!({
        "field": e.field,
        "at": e.at,
        "deleted": e.deleted,
        "inserted": e.inserted,
    })
}

fn side<'a, T>(s: &'a Option<Side>, f: impl Fn(&'a Side) -> T) -> Option<T> {
    s.as_ref().map(f)
}

fn change(e: &ChangeEntry) -> Value {
    let body = e.part == PartKind::Body;
    let lead = |s: &Option<Side>| {
        s.as_ref()
            .map(|s| if body { "" } else { s.lead.as_str() }.to_string())
    };
    let numbering = |s: &Option<Side>| s.as_ref().filter(|_| body).map(|s| s.lead.clone());
    json!({
        "kind": e.kind,
        "part": e.part,
        "depth": e.depth,
        "field": e.field,
        "old_id": side(&e.old, |s| s.id.as_str()),
        "new_id": side(&e.new, |s| s.id.as_str()),
        "old_number": side(&e.old, |s| s.number).flatten(),
        "new_number": side(&e.new, |s| s.number).flatten(),
        "old_label": side(&e.old, |s| s.label.as_str()),
        "new_label": side(&e.new, |s| s.label.as_str()),
        "old_place": side(&e.old, |s| s.place.as_str()),
        "new_place": side(&e.new, |s| s.place.as_str()),
        "old_numbering": numbering(&e.old),
        "new_numbering": numbering(&e.new),
        "old_lead": lead(&e.old),
        "new_lead": lead(&e.new),
        "old_text": side(&e.old, |s| s.text.as_str()),
        "new_text": side(&e.new, |s| s.text.as_str()),
        "old_list": side(&e.old, |s| s.list.clone()).flatten(),
        "new_list": side(&e.new, |s| s.list.clone()).flatten(),
        "edits": e.edits.iter().map(edit).collect::<Vec<_>>(),
        "ref_updates": e.ref_updates.iter().map(edit).collect::<Vec<_>>(),
        "form_edits": e.form_edits.iter().map(edit).collect::<Vec<_>>(),
        "list_edits": e.list_edits,
        "similarity": e.similarity,
    })
}

/// The whole comparison as a JSON value.
pub fn to_json(cmp: &Comparison) -> Value {
    json!({
        "align": cmp.align,
        "identical": cmp.is_identical(),
        "stat": cmp.stat(),
        "changes": cmp.changes.iter().map(change).collect::<Vec<_>>(),
    })
}
