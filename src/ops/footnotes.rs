//! Operations on footnotes: set a footnote's text (adding it when new, anchored to the
//! paragraph that holds its marker) and delete one. Markers live in the paragraph text and
//! are set with `SetText`; numbers follow the order of the markers, so nothing is renumbered
//! here.

use super::OpError;
use super::transaction::{Edit, Recorder};
use crate::model::{Footnote, Id};

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
