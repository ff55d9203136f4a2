//! Primitive edits and transactions: the undo machinery of [`crate::ops`].
//!
//! Every change an operation makes to a document goes through an [`Edit`]. Applying an edit
//! returns its inverse; a [`Transaction`] is a list of edits applied in order, and applying a
//! transaction yields the transaction that reverses it. Undo is therefore exact by
//! construction: an operation records the inverse of each edit it makes, including the text
//! fixes made by renumbering.

use super::OpError;
use crate::model::{
    Annex, Document, Footnote, Header, Heading, Id, Location, Paragraph, Part, ResolutionPart,
};
use foldhash::HashMap;

/// One primitive change to a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Inserts a paragraph (with its sub-paragraphs) so that it stands at `at`.
    Insert {
        at: Location,
        paragraph: Paragraph,
    },
    /// Removes the paragraph (with its sub-paragraphs) standing at `at`.
    Remove {
        at: Location,
    },
    /// Sets the lead and text of the paragraph with this id.
    SetText {
        id: Id,
        lead: String,
        text: String,
    },
    /// Replaces the header.
    SetHeader(Box<Header>),
    /// Replaces the authoring body line.
    SetAuthoringBody(String),
    /// Inserts a footnote at this index of the footnote list.
    InsertFootnote {
        index: usize,
        footnote: Footnote,
    },
    /// Removes the footnote at this index of the footnote list.
    RemoveFootnote {
        index: usize,
    },
    /// Sets the anchor (the paragraph holding the marker) of a footnote.
    SetAnchor {
        footnote: Id,
        anchor: Id,
    },
    /// Replaces the list of headings.
    SetHeadings(Vec<Heading>),
    /// Inserts a resolution part (with its paragraphs) at this index of the parts.
    InsertPart {
        index: usize,
        part: Box<ResolutionPart>,
    },
    RemovePart {
        index: usize,
    },
    /// Sets the label and heading of the part at this index.
    SetPartTitle {
        index: usize,
        label: String,
        heading: String,
    },
    /// Inserts an annex (with its paragraphs and sections) at this index of the annexes.
    InsertAnnex {
        index: usize,
        annex: Box<Annex>,
    },
    RemoveAnnex {
        index: usize,
    },
    /// Sets the label and title of the annex at this index.
    SetAnnexTitle {
        index: usize,
        label: String,
        title: String,
    },
}

/// A list of edits applied in order; what [`crate::ops::undo`] applies.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Transaction {
    pub(crate) edits: Vec<Edit>,
}

impl Transaction {
    /// Whether applying this transaction changes nothing.
    pub fn is_empty(&self) -> bool {
        self.edits.is_empty()
    }

    /// The number of primitive edits.
    pub fn len(&self) -> usize {
        self.edits.len()
    }

    /// The primitive edits, in the order they are applied.
    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    /// A transaction made of these edits (applied in order).
    pub fn from_edits(edits: Vec<Edit>) -> Self {
        Transaction { edits }
    }
}

/// The sibling list that holds (or will hold) the paragraph at `part` + `parent` + [i].
pub(crate) fn siblings<'a>(
    doc: &'a Document,
    part: Part,
    parent: &[usize],
) -> Option<&'a Vec<Paragraph>> {
    let mut list = doc.part(part)?;
    for i in parent {
        list = &list.get(*i)?.subparagraphs;
    }
    Some(list)
}

fn siblings_mut<'a>(
    doc: &'a mut Document,
    part: Part,
    parent: &[usize],
) -> Option<&'a mut Vec<Paragraph>> {
    let mut list = doc.part_mut(part)?;
    for i in parent {
        list = &mut list.get_mut(*i)?.subparagraphs;
    }
    Some(list)
}

fn bad(at: &Location) -> OpError {
    OpError::InvalidLocation(format!("{:?} {:?}", at.part, at.path))
}

/// Inserts `item` at `index` of `list` (footnotes, parts, annexes: `what` names the list).
fn insert_at<T>(list: &mut Vec<T>, index: usize, item: T, what: &str) -> Result<(), OpError> {
    if index > list.len() {
        return Err(OpError::InvalidLocation(format!("{what} index {index}")));
    }
    list.insert(index, item);
    Ok(())
}

/// Removes and returns the item at `index` of `list` (`what` names the list).
fn remove_at<T>(list: &mut Vec<T>, index: usize, what: &str) -> Result<T, OpError> {
    if index >= list.len() {
        return Err(OpError::InvalidLocation(format!("{what} index {index}")));
    }
    Ok(list.remove(index))
}

impl Edit {
    /// Applies the edit and returns its inverse. Fails (changing nothing) when the document
    /// does not have the place or paragraph the edit names.
    pub(crate) fn apply(self, doc: &mut Document) -> Result<Edit, OpError> {
        self.apply_with(doc, &mut Places::default())
    }

    /// Whether the edit changes where paragraphs stand (inserts or removes paragraphs,
    /// parts or annexes).
    fn moves_paragraphs(&self) -> bool {
        matches!(
            self,
            Edit::Insert { .. }
                | Edit::Remove { .. }
                | Edit::InsertPart { .. }
                | Edit::RemovePart { .. }
                | Edit::InsertAnnex { .. }
                | Edit::RemoveAnnex { .. }
        )
    }

    /// [`Edit::apply`], finding the paragraph of a text edit through `places` (where the
    /// paragraphs stood after the last edit that moved any) instead of a search of the
    /// whole document: a transaction of many text edits (the undo of a renumbering that
    /// rewrote hundreds of references) then costs one walk, not one per edit.
    fn apply_with(self, doc: &mut Document, places: &mut Places) -> Result<Edit, OpError> {
        if self.moves_paragraphs() {
            places.forget();
        }
        match self {
            Edit::Insert { at, paragraph } => {
                let (last, parent) = at.path.split_last().ok_or_else(|| bad(&at))?;
                let list = siblings_mut(doc, at.part, parent).ok_or_else(|| bad(&at))?;
                if *last > list.len() {
                    return Err(bad(&at));
                }
                list.insert(*last, paragraph);
                Ok(Edit::Remove { at })
            }
            Edit::Remove { at } => {
                let (last, parent) = at.path.split_last().ok_or_else(|| bad(&at))?;
                let list = siblings_mut(doc, at.part, parent).ok_or_else(|| bad(&at))?;
                if *last >= list.len() {
                    return Err(bad(&at));
                }
                let paragraph = list.remove(*last);
                Ok(Edit::Insert { at, paragraph })
            }
            Edit::SetText { id, lead, text } => {
                let p = places
                    .find_mut(doc, &id)
                    .ok_or_else(|| OpError::UnknownId(id.clone()))?;
                let old_lead = std::mem::replace(&mut p.lead, lead);
                let old_text = std::mem::replace(&mut p.text, text);
                Ok(Edit::SetText {
                    id,
                    lead: old_lead,
                    text: old_text,
                })
            }
            Edit::SetHeader(h) => {
                let old = std::mem::replace(&mut doc.header, *h);
                Ok(Edit::SetHeader(Box::new(old)))
            }
            Edit::SetAuthoringBody(s) => {
                let old = std::mem::replace(&mut doc.authoring_body, s);
                Ok(Edit::SetAuthoringBody(old))
            }
            Edit::InsertFootnote { index, footnote } => {
                insert_at(&mut doc.footnotes, index, footnote, "footnote")?;
                Ok(Edit::RemoveFootnote { index })
            }
            Edit::RemoveFootnote { index } => {
                let footnote = remove_at(&mut doc.footnotes, index, "footnote")?;
                Ok(Edit::InsertFootnote { index, footnote })
            }
            Edit::SetHeadings(list) => {
                let old = std::mem::replace(&mut doc.headings, list);
                Ok(Edit::SetHeadings(old))
            }
            Edit::InsertPart { index, part } => {
                insert_at(&mut doc.parts, index, *part, "part")?;
                Ok(Edit::RemovePart { index })
            }
            Edit::RemovePart { index } => {
                let part = Box::new(remove_at(&mut doc.parts, index, "part")?);
                Ok(Edit::InsertPart { index, part })
            }
            Edit::SetPartTitle {
                index,
                label,
                heading,
            } => {
                let p = doc
                    .parts
                    .get_mut(index)
                    .ok_or_else(|| OpError::InvalidLocation(format!("part index {index}")))?;
                Ok(Edit::SetPartTitle {
                    index,
                    label: std::mem::replace(&mut p.label, label),
                    heading: std::mem::replace(&mut p.heading, heading),
                })
            }
            Edit::InsertAnnex { index, annex } => {
                insert_at(&mut doc.annexes, index, *annex, "annex")?;
                Ok(Edit::RemoveAnnex { index })
            }
            Edit::RemoveAnnex { index } => {
                let annex = Box::new(remove_at(&mut doc.annexes, index, "annex")?);
                Ok(Edit::InsertAnnex { index, annex })
            }
            Edit::SetAnnexTitle {
                index,
                label,
                title,
            } => {
                let x = doc
                    .annexes
                    .get_mut(index)
                    .ok_or_else(|| OpError::InvalidLocation(format!("annex index {index}")))?;
                Ok(Edit::SetAnnexTitle {
                    index,
                    label: std::mem::replace(&mut x.label, label),
                    title: std::mem::replace(&mut x.title, title),
                })
            }
            Edit::SetAnchor { footnote, anchor } => {
                let f = doc
                    .footnotes
                    .iter_mut()
                    .find(|f| f.id == footnote)
                    .ok_or_else(|| OpError::UnknownId(footnote.clone()))?;
                let old = std::mem::replace(&mut f.anchor, anchor);
                Ok(Edit::SetAnchor {
                    footnote,
                    anchor: old,
                })
            }
        }
    }
}

/// Where each paragraph stands, found by one walk once a few paragraphs have been searched
/// for, and forgotten when an edit moves paragraphs. A place is checked against the id before
/// it is used, so a stale place can cost a search, never a wrong paragraph.
#[derive(Default)]
struct Places {
    at: Option<HashMap<Id, Location>>,
    /// Searches since the places were last forgotten: a transaction with a text edit or two
    /// searches for them rather than walking the document to note every place.
    searches: usize,
}

/// How many paragraphs are searched for before the places are noted.
const SEARCHES: usize = 3;

impl Places {
    fn forget(&mut self) {
        self.at = None;
        self.searches = 0;
    }

    fn find_mut<'d>(&mut self, doc: &'d mut Document, id: &Id) -> Option<&'d mut Paragraph> {
        if self.at.is_none() && self.searches < SEARCHES {
            self.searches += 1;
            return doc.find_mut(id);
        }
        let at = self.at.get_or_insert_with(|| {
            let mut at = HashMap::default();
            doc.walk(&mut |p, loc| {
                at.insert(p.id.clone(), loc.clone());
            });
            at
        });
        match at.get(id) {
            Some(loc) if doc.at(loc).is_some_and(|p| &p.id == id) => doc.at_mut(loc),
            _ => doc.find_mut(id),
        }
    }
}

/// Applies a transaction edit by edit and returns the transaction that reverses what was
/// applied. An edit that no longer fits the document (a stale transaction) is skipped.
pub(crate) fn play(doc: &mut Document, t: &Transaction) -> Transaction {
    let mut places = Places::default();
    let mut inverses: Vec<Edit> = t
        .edits
        .iter()
        .cloned()
        .filter_map(|e| e.apply_with(doc, &mut places).ok())
        .collect();
    inverses.reverse();
    Transaction { edits: inverses }
}

/// Records the inverse of each edit an operation makes, so that the operation can be undone
/// (or rolled back when it fails half-way).
pub(crate) struct Recorder<'a> {
    pub(crate) doc: &'a mut Document,
    inverses: Vec<Edit>,
}

impl<'a> Recorder<'a> {
    pub(crate) fn new(doc: &'a mut Document) -> Self {
        Recorder {
            doc,
            inverses: Vec::new(),
        }
    }

    /// Applies an edit and records its inverse.
    pub(crate) fn edit(&mut self, e: Edit) -> Result<(), OpError> {
        let inverse = e.apply(self.doc)?;
        self.inverses.push(inverse);
        Ok(())
    }

    /// Sets the text of the paragraph standing at `loc` (lead unchanged), recording the
    /// inverse: no search by id. No-op when equal; an error when `loc` does not hold `id`.
    pub(crate) fn set_text_at(
        &mut self,
        loc: &Location,
        id: &Id,
        text: String,
    ) -> Result<(), OpError> {
        let p = self
            .doc
            .at_mut(loc)
            .filter(|p| &p.id == id)
            .ok_or_else(|| OpError::UnknownId(id.clone()))?;
        if p.text == text {
            return Ok(());
        }
        let old = std::mem::replace(&mut p.text, text);
        self.inverses.push(Edit::SetText {
            id: id.clone(),
            lead: p.lead.clone(),
            text: old,
        });
        Ok(())
    }

    /// Undoes everything recorded so far.
    pub(crate) fn rollback(self) {
        let Recorder { doc, mut inverses } = self;
        inverses.reverse();
        play(doc, &Transaction { edits: inverses });
    }

    /// The transaction that undoes everything recorded.
    pub(crate) fn finish(mut self) -> Transaction {
        self.inverses.reverse();
        Transaction {
            edits: self.inverses,
        }
    }
}
