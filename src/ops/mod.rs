//! Model operations with exact undo: insert, delete, move, demote/promote, split/merge, edit,
//! and the renumbering that follows every change.
//!
//! [`apply`] performs an [`Op`] and returns a [`Change`]: the [`Transaction`] that undoes it,
//! the messages saying what renumbering changed, warnings (a reference to a deleted
//! paragraph), and the paragraph to focus. After each operation, numbering (which is derived,
//! never stored) is followed by:
//! - the labels of parts, annexes and roman-numbered headings ([`labels`]), where they ran in
//!   sequence and the operation added, removed or reordered them;
//! - cross-references in the text ([`crossref`]), rewritten from a before/after index; a
//!   reference to a deleted paragraph is marked dangling ("paragraph [deleted: 3] above")
//!   and reported, never left to name whichever paragraph takes the number;
//! - end punctuation ([`punctuation`]) of the paragraphs the operation touched and of every
//!   paragraph whose position-given mark changed (a new last operative paragraph, …);
//! - footnote anchors: a footnote's anchor follows the paragraph whose text holds its marker.
//!
//! Deleting a paragraph deletes the footnotes whose markers stood only in it (with a message
//! naming them); undo restores them. A footnote whose marker is nowhere and whose paragraph
//! is merged or replaced away is anchored to the paragraph that took its text. [`undo`]
//! applies a transaction and returns the redo. [`History`] keeps undo and redo stacks for an
//! editor.

mod crossref;
mod footnotes;
mod history;
mod labels;
mod outline;
mod punctuation;
mod structure;
mod transaction;

pub use crossref::{ReferenceTranslator, dangling_references};
pub use history::History;
pub(crate) use punctuation::{adopts_following, announces, operative_end};
pub use transaction::{Edit, Transaction};

/// The labels of parts, annexes and level-1 headings that ran in sequence in `before`
/// written as that sequence in `doc`, a text built from it (see [`labels`]).
pub fn follow_labels(before: &crate::model::Document, doc: &mut crate::model::Document) {
    labels::follow_plain(before, doc);
}

use crate::model::{
    Annex, Footnote, Header, Heading, Id, Location, Paragraph, Part, ResolutionPart,
};
use std::collections::HashSet;
use transaction::Recorder;

/// How deep sub-paragraphs may nest below a paragraph. UN practice labels the first level
/// (a), (b), the second (i), (ii), and stops there in adopted texts; the model has distinct
/// labels for two more levels (a., b. and i., ii.) for long technical annexes. Below that the
/// labels would repeat and a reader could not tell the levels apart, so no operation makes a
/// fifth level and the draft file loader refuses one (with its line).
pub const MAX_DEPTH: usize = 4;

/// One model operation.
#[allow(clippy::large_enum_variant)] // SetHeader(Header) is part of the team contract
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    /// Inserts a paragraph after `target`, at the same level.
    InsertAfter {
        target: Id,
        paragraph: Paragraph,
    },
    /// Inserts a paragraph before `target`, at the same level.
    InsertBefore {
        target: Id,
        paragraph: Paragraph,
    },
    /// Appends a paragraph at the end of a part (also an empty one).
    Append {
        part: Part,
        paragraph: Paragraph,
    },
    /// Inserts a sub-paragraph into `parent` at `index` (at the end when `None`).
    InsertSub {
        parent: Id,
        index: Option<usize>,
        paragraph: Paragraph,
    },
    /// Deletes a paragraph with its sub-paragraphs (and the footnotes marked only there).
    Delete {
        id: Id,
    },
    MoveUp {
        id: Id,
    },
    MoveDown {
        id: Id,
    },
    /// Moves a paragraph to `index` among its siblings.
    MoveTo {
        id: Id,
        index: usize,
    },
    /// The paragraph becomes the last sub-paragraph of its previous sibling.
    Demote {
        id: Id,
    },
    /// The sub-paragraph becomes the sibling right after its parent (later siblings stay).
    Promote {
        id: Id,
    },
    /// Splits the text at a byte offset: the rest (and the sub-paragraphs) go to a new
    /// paragraph right after, with a fresh id.
    Split {
        id: Id,
        at: usize,
    },
    /// Merges the next sibling into this paragraph (its lead and text join this text after a
    /// space; its sub-paragraphs follow this paragraph's).
    Merge {
        id: Id,
    },
    /// Sets the opening phrase and the text. What looks like markup but cannot be (a marker
    /// naming no footnote, an unpaired `*`) is escaped so that it stays as typed
    /// ([`crate::markup::escape_unmeant`], a message says so). In a resolution the final
    /// mark of the new text is then set by position (a message says so); the rest is kept as
    /// written.
    SetText {
        id: Id,
        lead: String,
        text: String,
    },
    SetHeader(Header),
    SetAuthoringBody(String),
    /// Puts a whole paragraph back at a location (index clamped to the list length), with
    /// footnotes that must come back with it (appended to the footnote list).
    Restore {
        at: Location,
        paragraph: Paragraph,
        footnotes: Vec<Footnote>,
    },
    /// Replaces the paragraph with the same id wholesale (lead, text, list style and
    /// sub-paragraphs), where it stands.
    Replace {
        paragraph: Paragraph,
    },
    /// Normalises the whole document: end punctuation everywhere, “above”/“below”, and
    /// warnings for references to missing paragraphs.
    Renumber,
    /// Adds a heading before a top-level paragraph (its `before`).
    AddHeading(Heading),
    /// Sets a heading's level, label and text.
    SetHeading {
        id: Id,
        level: u8,
        label: String,
        heading: String,
    },
    DeleteHeading {
        id: Id,
    },
    /// Makes a heading stand before another top-level paragraph.
    MoveHeading {
        id: Id,
        before: Id,
    },
    /// Adds a resolution part (numbered afresh) at `index` among the parts.
    AddPart {
        index: usize,
        part: ResolutionPart,
    },
    SetPart {
        id: Id,
        label: String,
        heading: String,
    },
    /// Deletes a part with its paragraphs and the footnotes marked only there.
    DeletePart {
        id: Id,
    },
    MovePart {
        id: Id,
        index: usize,
    },
    /// Adds an annex at `index` among the annexes.
    AddAnnex {
        index: usize,
        annex: Annex,
    },
    SetAnnex {
        id: Id,
        label: String,
        title: String,
    },
    /// Deletes an annex with its paragraphs and the footnotes marked only there.
    DeleteAnnex {
        id: Id,
    },
    MoveAnnex {
        id: Id,
        index: usize,
    },
    /// Adds footnote `id` anchored to paragraph `anchor` (its marker is put in the text with
    /// `SetText`), or sets its text and anchor when it exists.
    SetFootnote {
        id: Id,
        anchor: Id,
        text: String,
    },
    /// Deletes a footnote (take its marker out of the text with `SetText`).
    DeleteFootnote {
        id: Id,
    },
}

/// What an operation did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Change {
    /// Applying this with [`undo`] restores the document exactly.
    pub undo: Transaction,
    /// What renumbering changed, human-readable (“operative paragraph 9: “paragraph 5
    /// above” → “paragraph 6 above””), and footnotes deleted with a paragraph.
    pub messages: Vec<String>,
    /// What needs the drafter's attention (a reference to a deleted paragraph).
    pub warnings: Vec<String>,
    /// The paragraph to put the cursor on afterwards.
    pub focus: Option<Id>,
}

/// Why an operation cannot be done. The document is unchanged when one is returned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpError {
    #[error("no paragraph with id “{0}”")]
    UnknownId(Id),
    #[error("the document has no such part: {0:?}")]
    UnknownPart(Part),
    #[error("the id “{0}” is already used in the document")]
    DuplicateId(Id),
    #[error("a paragraph needs an id")]
    EmptyId,
    #[error("“{0}” is the first paragraph of its list: there is no paragraph to demote it under")]
    CannotDemoteFirst(Id),
    #[error("“{0}” is not a sub-paragraph, so it cannot be promoted")]
    NotASubparagraph(Id),
    #[error("“{0}” is already the first of its list")]
    AlreadyFirst(Id),
    #[error("“{0}” is already the last of its list")]
    AlreadyLast(Id),
    #[error("“{0}” has no next paragraph to merge with")]
    NoNextSibling(Id),
    #[error("position {index} is out of range for “{id}” (its list has {len} paragraphs)")]
    IndexOutOfRange { id: Id, index: usize, len: usize },
    #[error("cannot split “{id}” at byte {at}: {reason}")]
    BadSplit {
        id: Id,
        at: usize,
        reason: &'static str,
    },
    #[error(
        "“{id}” would stand {depth} levels of sub-paragraphs deep: sub-paragraphs go at most \
         {max} levels deep ((a), (i), a., i.)",
        max = MAX_DEPTH
    )]
    TooDeep { id: Id, depth: usize },
    #[error("invalid location: {0}")]
    InvalidLocation(String),
}

/// What the structural part of an operation reports to the renumbering that follows.
#[derive(Debug, Default)]
pub(crate) struct Outcome {
    pub focus: Option<Id>,
    /// Paragraphs whose end punctuation is to be set whatever their role was before.
    pub touched: HashSet<Id>,
    /// Paragraphs just inserted whose text is taken as written (not rewritten).
    pub fresh: HashSet<Id>,
    pub messages: Vec<String>,
    /// Normalise the whole document.
    pub full: bool,
}

/// Performs an operation. On error the document is left unchanged.
///
/// Only the texts whose references may read differently after the operation are re-read
/// (see [`crossref`]); the result is that of re-reading every text ([`apply_rereading_all`]).
pub fn apply(doc: &mut crate::model::Document, op: Op) -> Result<Change, OpError> {
    perform(doc, op, false)
}

/// [`apply`] re-reading the references of every text, as the property tests compare it
/// with (the same result, slower).
#[doc(hidden)]
pub fn apply_rereading_all(doc: &mut crate::model::Document, op: Op) -> Result<Change, OpError> {
    perform(doc, op, true)
}

fn perform(doc: &mut crate::model::Document, op: Op, reread_all: bool) -> Result<Change, OpError> {
    let before_refs = crossref::Index::build(doc);
    let before_roles = punctuation::roles(doc);
    let before_top = outline::snapshot(doc);
    let before_labels = labels::Labels::take(doc);
    let mut rec = Recorder::new(doc);
    let outcome = match structure::perform(&mut rec, op) {
        Ok(o) => o,
        Err(e) => {
            rec.rollback();
            return Err(e);
        }
    };
    let mut change = Change {
        focus: outcome.focus.clone(),
        messages: outcome.messages.clone(),
        ..Change::default()
    };
    let post = |rec: &mut Recorder<'_>, change: &mut Change| -> Result<(), OpError> {
        labels::follow(rec, &before_labels, &mut change.messages)?;
        crossref::rewrite(
            rec,
            &before_refs,
            &outcome.fresh,
            outcome.full,
            reread_all,
            &mut change.messages,
            &mut change.warnings,
        )?;
        let ids = (!outcome.full).then_some(&outcome.touched);
        punctuation::fix(rec, &before_roles, &before_refs, ids, &mut change.messages)?;
        outline::sync_headings(rec, &before_top)?;
        structure::sync_anchors(rec, outcome.focus.as_ref())
    };
    if let Err(e) = post(&mut rec, &mut change) {
        rec.rollback();
        return Err(e);
    }
    change.undo = rec.finish();
    Ok(change)
}

/// Applies a transaction (the `undo` of a [`Change`], or a redo) and returns the transaction
/// that reverses it (the redo). Edits that no longer fit the document are skipped.
pub fn undo(doc: &mut crate::model::Document, t: &Transaction) -> Transaction {
    transaction::play(doc, t)
}

/// Normalises the whole document (what `resdraft renumber` does): end punctuation of every
/// paragraph, “above”/“below” of every reference, footnote anchors; references to paragraphs
/// that do not exist are reported in the warnings.
pub fn renumber(doc: &mut crate::model::Document) -> Change {
    apply(doc, Op::Renumber).unwrap_or_default()
}

/// A paragraph of `from` (an older revision) as it is to read in `to`, where it stands (or
/// will stand) under the same id: each reference in its texts, written against the
/// numbering of `from`, is rewritten for the numbering of `to`; a reference to a paragraph
/// that `to` no longer has is marked dangling. Returns the warnings (what is dangling).
pub fn translate_references(
    from: &crate::model::Document,
    to: &crate::model::Document,
    paragraph: &mut Paragraph,
) -> Vec<String> {
    crossref::translate(from, to, paragraph)
}

/// A new paragraph with a fresh id for this document.
pub fn new_paragraph(
    doc: &crate::model::Document,
    lead: impl Into<String>,
    text: impl Into<String>,
) -> Paragraph {
    Paragraph::new(doc.fresh_id("p"), lead, text)
}

/// Text in curly quotes for messages (sanitised when printed).
pub(crate) fn quote(s: &str) -> String {
    format!("“{s}”")
}

#[cfg(test)]
mod tests;
