//! Operations on footnotes: set a footnote's text (adding it when new, anchored to the
//! paragraph that holds its marker), delete one, and delete those that go with deleted
//! paragraphs. Markers live in the paragraph text and are set with `SetText`; numbers follow
//! the order of the markers, so nothing is renumbered here.

use super::transaction::{Edit, Recorder};
use super::{OpError, Outcome};
use crate::markup;
use crate::model::{Footnote, Id, Paragraph};
use std::collections::{HashMap, HashSet};

/// Adds the footnote `id` (appended to the list) or replaces its text and anchor.
pub(crate) fn set(rec: &mut Recorder<'_>, id: Id, anchor: Id, text: String) -> Result<(), OpError> {
    if id.0.is_empty() {
        return Err(OpError::EmptyId);
    }
    if rec.doc.find(&anchor).is_none() {
        return Err(OpError::UnknownId(anchor));
    }
    let footnote = Footnote {
        id: id.clone(),
        anchor,
        text,
    };
    match rec.doc.footnotes.iter().position(|f| f.id == id) {
        Some(index) => {
            if rec.doc.footnotes[index] == footnote {
                return Ok(());
            }
            rec.edit(Edit::RemoveFootnote { index })?;
            rec.edit(Edit::InsertFootnote { index, footnote })
        }
        None => {
            if rec.doc.all_ids().contains(&&id) {
                return Err(OpError::DuplicateId(id));
            }
            let index = rec.doc.footnotes.len();
            rec.edit(Edit::InsertFootnote { index, footnote })
        }
    }
}

/// Deletes the footnote `id` (its marker is taken out of the text with `SetText`).
pub(crate) fn delete(rec: &mut Recorder<'_>, id: &Id) -> Result<(), OpError> {
    let index = rec
        .doc
        .footnotes
        .iter()
        .position(|f| &f.id == id)
        .ok_or_else(|| OpError::UnknownId(id.clone()))?;
    rec.edit(Edit::RemoveFootnote { index })
}

/// Deletes the footnotes that go with the paragraphs `gone` (already out of the document,
/// with their sub-paragraphs): those marked there, or anchored there, and marked nowhere
/// still in the document. Each is named in a message after `what` with the number it had
/// (`numbers`, taken before the paragraphs went).
pub(crate) fn drop_with(
    rec: &mut Recorder<'_>,
    gone: &[&Paragraph],
    numbers: &HashMap<Id, u32>,
    what: &str,
    out: &mut Outcome,
) -> Result<(), OpError> {
    let mut gone_ids = HashSet::new();
    let mut marked_gone = HashSet::new();
    for p in gone {
        p.walk(&mut |q| {
            gone_ids.insert(q.id.clone());
            marked_gone.extend(markup::markers(&q.lead));
            marked_gone.extend(markup::markers(&q.text));
        });
    }
    let mut marked_elsewhere = HashSet::new();
    rec.doc.walk(&mut |p, _| {
        marked_elsewhere.extend(markup::markers(&p.lead));
        marked_elsewhere.extend(markup::markers(&p.text));
    });
    for index in (0..rec.doc.footnotes.len()).rev() {
        let f = &rec.doc.footnotes[index];
        let with_it = marked_gone.contains(&f.id) || gone_ids.contains(&f.anchor);
        if with_it && !marked_elsewhere.contains(&f.id) {
            let n = numbers.get(&f.id).copied().unwrap_or(0);
            out.messages.push(format!(
                "{what}: footnote {n} deleted with it (undo restores it)"
            ));
            rec.edit(Edit::RemoveFootnote { index })?;
        }
    }
    Ok(())
}
