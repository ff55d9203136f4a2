//! Operations on the outline of a resolution: headings (added before a paragraph, edited,
//! moved to stand before another paragraph, deleted), parts numbered afresh and annexes
//! (added with their paragraphs, retitled, moved, deleted with their paragraphs and the
//! footnotes marked only there). After every operation a heading whose paragraph left the
//! document moves to the next paragraph of the same list, or goes when there is none.

use super::transaction::{Edit, Recorder};
use super::{OpError, Outcome, footnotes};
use crate::model::{Document, Heading, Id, Paragraph, Part};
use std::collections::HashSet;

/// Where a heading, part or annex is wanted.
fn unknown(id: &Id) -> OpError {
    OpError::UnknownId(id.clone())
}

fn index_of<T>(list: &[T], id: &Id, key: impl Fn(&T) -> &Id) -> Result<usize, OpError> {
    list.iter()
        .position(|x| key(x) == id)
        .ok_or_else(|| unknown(id))
}

/// The ids the new paragraphs and frame bring, checked against the document.
fn check_ids(doc: &Document, frame: &Id, lists: &[&Vec<Paragraph>]) -> Result<(), OpError> {
    let used: HashSet<&Id> = doc.all_ids().into_iter().collect();
    let mut seen = HashSet::new();
    let mut ids = vec![frame.clone()];
    for list in lists {
        for p in list.iter() {
            p.walk(&mut |q| ids.push(q.id.clone()));
        }
    }
    for id in ids {
        if id.0.is_empty() {
            return Err(OpError::EmptyId);
        }
        if used.contains(&id) || !seen.insert(id.clone()) {
            return Err(OpError::DuplicateId(id));
        }
    }
    Ok(())
}

/// The headings in document order of the paragraphs they stand before.
fn ordered(doc: &Document, mut list: Vec<Heading>) -> Vec<Heading> {
    let order: std::collections::HashMap<&Id, usize> = doc
        .paragraphs()
        .into_iter()
        .enumerate()
        .map(|(i, (p, _))| (&p.id, i))
        .collect();
    list.sort_by_key(|h| order.get(&h.before).copied().unwrap_or(usize::MAX));
    list
}

fn set_headings(rec: &mut Recorder<'_>, list: Vec<Heading>) -> Result<(), OpError> {
    let list = ordered(rec.doc, list);
    if list != rec.doc.headings {
        rec.edit(Edit::SetHeadings(list))?;
    }
    Ok(())
}

/// Adds a heading (its id unused, its paragraph a top-level paragraph of the document).
pub(crate) fn add_heading(
    rec: &mut Recorder<'_>,
    heading: Heading,
    out: &mut Outcome,
) -> Result<(), OpError> {
    check_ids(rec.doc, &heading.id, &[])?;
    let loc = rec
        .doc
        .locate(&heading.before)
        .ok_or_else(|| unknown(&heading.before))?;
    if loc.path.len() != 1 {
        return Err(OpError::InvalidLocation(
            "a heading stands before a paragraph, not a sub-paragraph".into(),
        ));
    }
    out.focus = Some(heading.before.clone());
    let mut list = rec.doc.headings.clone();
    list.push(heading);
    set_headings(rec, list)
}

/// Sets the level, label and text of a heading.
pub(crate) fn set_heading(
    rec: &mut Recorder<'_>,
    id: &Id,
    level: u8,
    label: String,
    text: String,
) -> Result<(), OpError> {
    let i = index_of(&rec.doc.headings, id, |h| &h.id)?;
    let mut list = rec.doc.headings.clone();
    list[i].level = level.clamp(1, 3);
    list[i].label = label;
    list[i].heading = text;
    set_headings(rec, list)
}

pub(crate) fn delete_heading(rec: &mut Recorder<'_>, id: &Id) -> Result<(), OpError> {
    let i = index_of(&rec.doc.headings, id, |h| &h.id)?;
    let mut list = rec.doc.headings.clone();
    list.remove(i);
    set_headings(rec, list)
}

/// Makes a heading stand before another top-level paragraph.
pub(crate) fn move_heading(
    rec: &mut Recorder<'_>,
    id: &Id,
    before: Id,
    out: &mut Outcome,
) -> Result<(), OpError> {
    let i = index_of(&rec.doc.headings, id, |h| &h.id)?;
    let loc = rec.doc.locate(&before).ok_or_else(|| unknown(&before))?;
    if loc.path.len() != 1 {
        return Err(OpError::InvalidLocation(
            "a heading stands before a paragraph, not a sub-paragraph".into(),
        ));
    }
    out.focus = Some(before.clone());
    let mut list = rec.doc.headings.clone();
    list[i].before = before;
    set_headings(rec, list)
}

/// Adds a resolution part at `index` (clamped to the number of parts).
pub(crate) fn add_part(
    rec: &mut Recorder<'_>,
    index: usize,
    part: crate::model::ResolutionPart,
    out: &mut Outcome,
) -> Result<(), OpError> {
    check_ids(rec.doc, &part.id, &[&part.preamble, &part.operative])?;
    let index = index.min(rec.doc.parts.len());
    out.focus = part
        .preamble
        .first()
        .or(part.operative.first())
        .map(|p| p.id.clone());
    for list in [&part.preamble, &part.operative] {
        for p in list {
            p.walk(&mut |q| {
                out.touched.insert(q.id.clone());
                out.fresh.insert(q.id.clone());
            });
        }
    }
    rec.edit(Edit::InsertPart {
        index,
        part: Box::new(part),
    })
}

pub(crate) fn set_part(
    rec: &mut Recorder<'_>,
    id: &Id,
    label: String,
    heading: String,
) -> Result<(), OpError> {
    let index = index_of(&rec.doc.parts, id, |p| &p.id)?;
    rec.edit(Edit::SetPartTitle {
        index,
        label,
        heading,
    })
}

/// Deletes a part with its paragraphs (and the footnotes marked only there).
pub(crate) fn delete_part(
    rec: &mut Recorder<'_>,
    id: &Id,
    out: &mut Outcome,
) -> Result<(), OpError> {
    let index = index_of(&rec.doc.parts, id, |p| &p.id)?;
    let numbers = crate::numbering::footnote_numbers(rec.doc);
    let part = rec.doc.parts[index].clone();
    let what = format!("part {}", part.name(index));
    rec.edit(Edit::RemovePart { index })?;
    let gone: Vec<&Paragraph> = part.preamble.iter().chain(&part.operative).collect();
    footnotes::drop_with(rec, &gone, &numbers, &what, out)
}

/// Moves a part to `index` among the parts.
pub(crate) fn move_part(rec: &mut Recorder<'_>, id: &Id, index: usize) -> Result<(), OpError> {
    move_within(
        rec,
        id,
        index,
        |d| &d.parts,
        |p| &p.id,
        |index| Edit::RemovePart { index },
        |index, part| Edit::InsertPart { index, part },
    )
}

/// Moves the part or annex `id` of the document's list `list` to `index` in it, as a removal
/// and an insertion (`remove`, `insert`).
fn move_within<T: Clone>(
    rec: &mut Recorder<'_>,
    id: &Id,
    index: usize,
    list: fn(&Document) -> &Vec<T>,
    key: fn(&T) -> &Id,
    remove: fn(usize) -> Edit,
    insert: fn(usize, Box<T>) -> Edit,
) -> Result<(), OpError> {
    let from = index_of(list(rec.doc), id, key)?;
    let len = list(rec.doc).len();
    if index >= len {
        return Err(OpError::IndexOutOfRange {
            id: id.clone(),
            index,
            len,
        });
    }
    if from != index {
        let item = Box::new(list(rec.doc)[from].clone());
        rec.edit(remove(from))?;
        rec.edit(insert(index, item))?;
    }
    Ok(())
}

/// Adds an annex at `index` (clamped to the number of annexes).
pub(crate) fn add_annex(
    rec: &mut Recorder<'_>,
    index: usize,
    annex: crate::model::Annex,
    out: &mut Outcome,
) -> Result<(), OpError> {
    let mut lists = vec![&annex.paragraphs];
    lists.extend(annex.sections.iter().map(|s| &s.paragraphs));
    check_ids(rec.doc, &annex.id, &lists)?;
    let used: HashSet<&Id> = rec.doc.all_ids().into_iter().collect();
    for s in &annex.sections {
        if s.id.0.is_empty() || used.contains(&s.id) || s.id == annex.id {
            return Err(OpError::DuplicateId(s.id.clone()));
        }
    }
    let index = index.min(rec.doc.annexes.len());
    out.focus = annex.paragraphs.first().map(|p| p.id.clone());
    rec.edit(Edit::InsertAnnex {
        index,
        annex: Box::new(annex),
    })
}

pub(crate) fn set_annex(
    rec: &mut Recorder<'_>,
    id: &Id,
    label: String,
    title: String,
) -> Result<(), OpError> {
    let index = index_of(&rec.doc.annexes, id, |x| &x.id)?;
    rec.edit(Edit::SetAnnexTitle {
        index,
        label,
        title,
    })
}

/// Deletes an annex with its paragraphs (and the footnotes marked only there).
pub(crate) fn delete_annex(
    rec: &mut Recorder<'_>,
    id: &Id,
    out: &mut Outcome,
) -> Result<(), OpError> {
    let index = index_of(&rec.doc.annexes, id, |x| &x.id)?;
    let numbers = crate::numbering::footnote_numbers(rec.doc);
    let annex = rec.doc.annexes[index].clone();
    rec.edit(Edit::RemoveAnnex { index })?;
    let gone: Vec<&Paragraph> = annex
        .paragraphs
        .iter()
        .chain(annex.sections.iter().flat_map(|s| &s.paragraphs))
        .collect();
    footnotes::drop_with(rec, &gone, &numbers, &annex.printed_label(), out)
}

/// Moves an annex to `index` among the annexes.
pub(crate) fn move_annex(rec: &mut Recorder<'_>, id: &Id, index: usize) -> Result<(), OpError> {
    move_within(
        rec,
        id,
        index,
        |d| &d.annexes,
        |x| &x.id,
        |index| Edit::RemoveAnnex { index },
        |index, annex| Edit::InsertAnnex { index, annex },
    )
}

/// The top-level paragraphs of a document in order, with their list: what headings are
/// re-placed against after an operation.
pub(crate) fn snapshot(doc: &Document) -> Vec<(Id, Part)> {
    if doc.headings.is_empty() {
        return Vec::new();
    }
    doc.parts()
        .into_iter()
        .flat_map(|(part, list)| list.iter().map(move |p| (p.id.clone(), part)))
        .collect()
}

/// Re-places the headings whose paragraph is no longer a top-level paragraph: before the
/// next paragraph that stood in the same list (by `before`, the snapshot taken before the
/// operation) and still does; a heading with none left goes. Keeps the list in order.
pub(crate) fn sync_headings(rec: &mut Recorder<'_>, before: &[(Id, Part)]) -> Result<(), OpError> {
    if rec.doc.headings.is_empty() {
        return Ok(());
    }
    let top: std::collections::HashMap<Id, Part> = snapshot(rec.doc).into_iter().collect();
    let mut list = Vec::new();
    for h in &rec.doc.headings {
        if top.contains_key(&h.before) {
            list.push(h.clone());
            continue;
        }
        let Some(at) = before.iter().position(|(id, _)| id == &h.before) else {
            continue;
        };
        let part = before[at].1;
        let next = before[at + 1..]
            .iter()
            .find(|(id, p)| *p == part && top.get(id) == Some(&part));
        if let Some((id, _)) = next {
            list.push(Heading {
                before: id.clone(),
                ..h.clone()
            });
        }
    }
    set_headings(rec, list)
}
