//! Reverting one change of the revision view: the core operations that take the older
//! version of the selected item back into the current draft (the app applies them as one
//! undoable edit).

use super::RevisionView;
use crate::compare::apply::set_scalar;
use crate::compare::{Kind, PartKind};
use crate::markup;
use crate::model::{Document, Footnote};
use crate::ops::Op;

/// The operations reverting the selected change, with a description, or why it cannot be.
pub fn revert(view: &RevisionView, current: &Document) -> Result<(Vec<Op>, String), String> {
    let e = view.selected_entry().ok_or("Nothing selected")?;
    let (old, new) = (e.old.as_ref(), e.new.as_ref());
    let what = new.or(old).map(|s| s.place.clone()).unwrap_or_default();
    if matches!(e.kind, Kind::Unchanged) {
        return Err(format!("{what}: unchanged, nothing to revert"));
    }
    if e.kind == Kind::Renumbered {
        return Err(format!("{what}: only renumbered, nothing to revert"));
    }
    match e.part {
        PartKind::Header => {
            let (o, field) = (old.ok_or("No old value")?, e.field.as_deref().unwrap_or(""));
            let mut doc = Document {
                header: current.header.clone(),
                ..Document::default()
            };
            if field == "sponsors" {
                doc.header.sponsors = o.list.clone().unwrap_or_default();
            } else if field == "authoring_body" {
                return Ok((
                    vec![Op::SetAuthoringBody(o.text.clone())],
                    "Restored the authoring body".into(),
                ));
            } else if matches!(field, "notes" | "kind" | "first_number") {
                return Err(format!("{field}: cannot be reverted from here"));
            } else {
                set_scalar(&mut doc, field, o.text.clone()).map_err(|x| x.to_string())?;
            }
            Ok((
                vec![Op::SetHeader(doc.header)],
                format!("Restored the {}", field.replace('_', " ")),
            ))
        }
        PartKind::Footnote | PartKind::Section if !e.is_paragraph() => Err(format!(
            "{what}: footnotes and section headings are reverted in the editor"
        )),
        _ => match (e.kind, old, new) {
            (Kind::Inserted, _, Some(n)) => Ok((
                vec![Op::Delete { id: n.id.clone() }],
                format!("Removed the inserted {}", n.place),
            )),
            (Kind::Deleted, Some(o), _) => {
                let loc = o.location.clone().ok_or("No old place")?;
                let p = view
                    .old
                    .at(&loc)
                    .ok_or("The old paragraph is missing")?
                    .clone();
                if current.find(&p.id).is_some() {
                    return Err(format!("{}: its id is in use in the current text", o.place));
                }
                let mut ids = Vec::new();
                p.walk(&mut |q| {
                    ids.extend(markup::markers(&q.lead));
                    ids.extend(markup::markers(&q.text));
                });
                let footnotes: Vec<Footnote> = ids
                    .iter()
                    .filter(|id| current.footnote(id).is_none())
                    .filter_map(|id| view.old.footnote(id).cloned())
                    .collect();
                Ok((
                    vec![Op::Restore {
                        at: loc,
                        paragraph: p,
                        footnotes,
                    }],
                    format!("Restored {}", o.place),
                ))
            }
            (kind, Some(o), Some(n)) => {
                let mut ops = Vec::new();
                if kind == Kind::Moved {
                    let index = o
                        .location
                        .as_ref()
                        .and_then(|l| l.path.last().copied())
                        .unwrap_or(0);
                    ops.push(Op::MoveTo {
                        id: n.id.clone(),
                        index,
                    });
                }
                if !e.edits.is_empty() {
                    ops.push(Op::SetText {
                        id: n.id.clone(),
                        lead: o.lead.clone(),
                        text: o.text.clone(),
                    });
                }
                if ops.is_empty() {
                    return Err(format!("{what}: nothing to revert"));
                }
                Ok((
                    ops,
                    format!("Reverted {} to the text of {}", n.place, o.place),
                ))
            }
            _ => Err(format!("{what}: cannot be reverted")),
        },
    }
}
