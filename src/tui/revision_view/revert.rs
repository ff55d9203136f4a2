//! Reverting one change of the revision view: the core operations that take the older
//! version of the selected item back into the current draft (the app applies them as one
//! undoable edit). Text taken back from the older version has its cross-references
//! rewritten for the current numbering (a reference to a paragraph the current text no
//! longer has is marked dangling); removing an inserted paragraph follows the reference rules
//! of every deletion.

use super::RevisionView;
use crate::compare::apply::set_scalar;
use crate::compare::{Kind, PartKind};
use crate::markup;
use crate::model::{Document, Footnote, Paragraph};
use crate::ops::{self, Op};

/// The description of a revert, with what needs the drafter's attention.
fn with_warnings(description: String, warnings: &[String]) -> String {
    if warnings.is_empty() {
        description
    } else {
        format!("{description}; warning: {}", warnings.join("; "))
    }
}

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
        PartKind::Footnote | PartKind::Section | PartKind::Body if !e.is_paragraph() => {
            Err(format!(
                "{what}: footnotes, headings, parts and annex titles are reverted in the editor"
            ))
        }
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
                let restore = |p: Paragraph| Op::Restore {
                    at: loc.clone(),
                    paragraph: p,
                    footnotes: footnotes.clone(),
                };
                // Its references are written against the old numbering: rewrite them for
                // the text as it will stand once the paragraph is back.
                let mut after = current.clone();
                ops::apply(&mut after, restore(p.clone())).map_err(|e| e.to_string())?;
                let mut p = p;
                let warnings = ops::translate_references(&view.old, &after, &mut p);
                Ok((
                    vec![restore(p)],
                    with_warnings(format!("Restored {}", o.place), &warnings),
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
                let mut warnings = Vec::new();
                if !e.edits.is_empty() {
                    // The old text is written against the old numbering: rewrite its
                    // references for where the paragraphs stand once it is back.
                    let mut after = current.clone();
                    for op in &ops {
                        ops::apply(&mut after, op.clone()).map_err(|e| e.to_string())?;
                    }
                    let mut p = Paragraph::new(n.id.clone(), o.lead.clone(), o.text.clone());
                    // The view aligns by id; a paragraph matched otherwise keeps its text.
                    warnings = if o.id == n.id {
                        ops::translate_references(&view.old, &after, &mut p)
                    } else {
                        Vec::new()
                    };
                    ops.push(Op::SetText {
                        id: n.id.clone(),
                        lead: p.lead,
                        text: p.text,
                    });
                }
                if ops.is_empty() {
                    return Err(format!("{what}: nothing to revert"));
                }
                Ok((
                    ops,
                    with_warnings(
                        format!("Reverted {} to the text of {}", n.place, o.place),
                        &warnings,
                    ),
                ))
            }
            _ => Err(format!("{what}: cannot be reverted")),
        },
    }
}
