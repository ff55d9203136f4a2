//! The comparison as JSON for tools: `{align, stat, changes: [...]}` with one change per
//! paragraph, sub-paragraph, footnote, section or header field: `kind`, `part`,
//! `old_number`/`new_number` (operative numbers, preambular positions, footnote numbers;
//! null where absent), labels, places, leads, texts and the word `edits`.

use super::{ChangeEntry, Comparison, Edit, Side};
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
        "old_lead": side(&e.old, |s| s.lead.as_str()),
        "new_lead": side(&e.new, |s| s.lead.as_str()),
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
