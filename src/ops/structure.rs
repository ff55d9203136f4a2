//! The structural part of each operation, done through recorded primitive edits: where a
//! paragraph goes, what is removed, how texts are split and joined, and which footnotes go
//! with a deleted paragraph.

use super::transaction::{Edit, Recorder, siblings};
use super::{MAX_DEPTH, Op, OpError, Outcome};
use super::{footnotes, outline};
use crate::markup;
use crate::model::{Document, Id, Location, Paragraph, Part};
use crate::numbering;
use std::collections::HashSet;

fn locate(doc: &Document, id: &Id) -> Result<Location, OpError> {
    doc.locate(id).ok_or_else(|| OpError::UnknownId(id.clone()))
}

fn at(part: Part, path: Vec<usize>) -> Location {
    Location { part, path }
}

fn sibling_count(doc: &Document, loc: &Location) -> usize {
    let parent = &loc.path[..loc.path.len().saturating_sub(1)];
    siblings(doc, loc.part, parent).map_or(0, |l| l.len())
}

fn last(loc: &Location) -> usize {
    loc.path.last().copied().unwrap_or(0)
}

fn with_last(loc: &Location, i: usize) -> Location {
    let mut path = loc.path.clone();
    if let Some(l) = path.last_mut() {
        *l = i;
    }
    at(loc.part, path)
}

fn subtree_ids(p: &Paragraph) -> Vec<Id> {
    let mut ids = Vec::new();
    p.walk(&mut |q| ids.push(q.id.clone()));
    ids
}

/// Checks that the ids of a paragraph to insert are non-empty, unique among themselves and
/// unused in the document (except ids in `replacing`, which are about to leave).
fn check_new_ids(doc: &Document, p: &Paragraph, replacing: &HashSet<Id>) -> Result<(), OpError> {
    let used: HashSet<&Id> = doc
        .all_ids()
        .into_iter()
        .filter(|id| !replacing.contains(*id))
        .collect();
    let mut seen = HashSet::new();
    for id in subtree_ids(p) {
        if id.0.is_empty() {
            return Err(OpError::EmptyId);
        }
        if used.contains(&id) || !seen.insert(id.clone()) {
            return Err(OpError::DuplicateId(id));
        }
    }
    Ok(())
}

/// How many levels of sub-paragraphs a paragraph holds (0 without sub-paragraphs).
fn height(p: &Paragraph) -> usize {
    p.subparagraphs
        .iter()
        .map(|sp| 1 + height(sp))
        .max()
        .unwrap_or(0)
}

/// Refuses to put `p` at `loc` when its deepest sub-paragraph would pass [`MAX_DEPTH`].
fn check_depth(loc: &Location, p: &Paragraph) -> Result<(), OpError> {
    let depth = loc.depth() + height(p);
    if depth > MAX_DEPTH {
        return Err(OpError::TooDeep {
            id: p.id.clone(),
            depth,
        });
    }
    Ok(())
}

fn insert(
    rec: &mut Recorder<'_>,
    loc: Location,
    p: Paragraph,
    out: &mut Outcome,
) -> Result<(), OpError> {
    check_new_ids(rec.doc, &p, &HashSet::new())?;
    check_depth(&loc, &p)?;
    out.focus = Some(p.id.clone());
    out.touched.extend(subtree_ids(&p));
    out.fresh.extend(subtree_ids(&p));
    rec.edit(Edit::Insert {
        at: loc,
        paragraph: p,
    })
}

fn remove(rec: &mut Recorder<'_>, loc: &Location) -> Result<Paragraph, OpError> {
    let p = rec
        .doc
        .at(loc)
        .cloned()
        .ok_or_else(|| OpError::InvalidLocation(format!("{:?}", loc.path)))?;
    rec.edit(Edit::Remove { at: loc.clone() })?;
    Ok(p)
}

/// Moves the paragraph at `from` so that it stands at `to` (a location valid after removal).
fn relocate(
    rec: &mut Recorder<'_>,
    from: &Location,
    to: Location,
    out: &mut Outcome,
) -> Result<(), OpError> {
    let p = remove(rec, from)?;
    out.focus = Some(p.id.clone());
    out.touched.insert(p.id.clone());
    rec.edit(Edit::Insert {
        at: to,
        paragraph: p,
    })
}

/// Whether byte `at` of `text` falls inside a footnote marker, inside the mark of a dangling
/// reference (“[deleted: 3]”), or right after an escaping `\`.
fn inside_markup(text: &str, at: usize) -> bool {
    let mut from = 0;
    while let Some(rel) = text[from..].find("[^") {
        let start = from + rel;
        let Some(close) = text[start..].find(']') else {
            break;
        };
        let end = start + close + 1;
        if markup::markers(&text[start..end]).len() == 1 && start < at && at < end {
            return true;
        }
        from = start + 2;
    }
    if super::crossref::dangling_marks(text)
        .iter()
        .any(|m| m.start < at && at < m.end)
    {
        return true;
    }
    let backslashes = text[..at].chars().rev().take_while(|c| *c == '\\').count();
    backslashes % 2 == 1
}

/// The emphasis markers open at byte `at` ("*", "**" or "***"), to close before the split
/// and reopen after it.
fn open_emphasis(text: &str, at: usize) -> String {
    let (mut italic, mut bold) = (false, false);
    let head = &text[..at];
    let mut i = 0;
    while i < head.len() {
        let rest = &head[i..];
        if let Some(escaped) = rest.strip_prefix('\\') {
            i += 1 + escaped.chars().next().map_or(0, char::len_utf8);
        } else if rest.starts_with("**") {
            bold = !bold;
            i += 2;
        } else if rest.starts_with('*') {
            italic = !italic;
            i += 1;
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    match (bold, italic) {
        (true, true) => "***".into(),
        (true, false) => "**".into(),
        (false, true) => "*".into(),
        (false, false) => String::new(),
    }
}

/// Performs the structural part of an operation.
pub(crate) fn perform(rec: &mut Recorder<'_>, op: Op) -> Result<Outcome, OpError> {
    let mut out = Outcome::default();
    match op {
        Op::InsertAfter { target, paragraph } => {
            let loc = locate(rec.doc, &target)?;
            insert(rec, with_last(&loc, last(&loc) + 1), paragraph, &mut out)?;
        }
        Op::InsertBefore { target, paragraph } => {
            let loc = locate(rec.doc, &target)?;
            insert(rec, loc, paragraph, &mut out)?;
        }
        Op::Append { part, paragraph } => {
            let len = rec.doc.part(part).ok_or(OpError::UnknownPart(part))?.len();
            insert(rec, at(part, vec![len]), paragraph, &mut out)?;
        }
        Op::InsertSub {
            parent,
            index,
            paragraph,
        } => {
            let loc = locate(rec.doc, &parent)?;
            let len = rec.doc.at(&loc).map_or(0, |p| p.subparagraphs.len());
            let i = index.unwrap_or(len);
            if i > len {
                return Err(OpError::IndexOutOfRange {
                    id: parent,
                    index: i,
                    len,
                });
            }
            let mut path = loc.path.clone();
            path.push(i);
            out.touched.insert(parent);
            insert(rec, at(loc.part, path), paragraph, &mut out)?;
        }
        Op::Delete { id } => {
            let loc = locate(rec.doc, &id)?;
            let numbers = numbering::footnote_numbers(rec.doc);
            let place = numbering::describe(rec.doc, &loc);
            let removed = remove(rec, &loc)?;
            footnotes::drop_with(rec, &[&removed], &numbers, &place, &mut out)?;
            let count = sibling_count(rec.doc, &loc);
            out.focus = if last(&loc) < count {
                rec.doc.at(&loc).map(|p| p.id.clone())
            } else if last(&loc) > 0 {
                rec.doc
                    .at(&with_last(&loc, last(&loc) - 1))
                    .map(|p| p.id.clone())
            } else if loc.path.len() > 1 {
                let parent = at(loc.part, loc.path[..loc.path.len() - 1].to_vec());
                rec.doc.at(&parent).map(|p| p.id.clone())
            } else {
                None
            };
        }
        Op::MoveUp { id } => {
            let loc = locate(rec.doc, &id)?;
            if last(&loc) == 0 {
                return Err(OpError::AlreadyFirst(id));
            }
            relocate(rec, &loc, with_last(&loc, last(&loc) - 1), &mut out)?;
        }
        Op::MoveDown { id } => {
            let loc = locate(rec.doc, &id)?;
            if last(&loc) + 1 >= sibling_count(rec.doc, &loc) {
                return Err(OpError::AlreadyLast(id));
            }
            relocate(rec, &loc, with_last(&loc, last(&loc) + 1), &mut out)?;
        }
        Op::MoveTo { id, index } => {
            let loc = locate(rec.doc, &id)?;
            let len = sibling_count(rec.doc, &loc);
            if index >= len {
                return Err(OpError::IndexOutOfRange { id, index, len });
            }
            out.focus = Some(id);
            if index != last(&loc) {
                relocate(rec, &loc, with_last(&loc, index), &mut out)?;
            }
        }
        Op::Demote { id } => {
            let loc = locate(rec.doc, &id)?;
            if last(&loc) == 0 {
                return Err(OpError::CannotDemoteFirst(id));
            }
            let prev = with_last(&loc, last(&loc) - 1);
            let n = rec.doc.at(&prev).map_or(0, |p| p.subparagraphs.len());
            let mut path = prev.path.clone();
            path.push(n);
            if let Some(p) = rec.doc.at(&loc) {
                check_depth(&at(loc.part, path.clone()), p)?;
            }
            if let Some(p) = rec.doc.at(&prev) {
                out.touched.insert(p.id.clone());
            }
            relocate(rec, &loc, at(loc.part, path), &mut out)?;
        }
        Op::Promote { id } => {
            let loc = locate(rec.doc, &id)?;
            if loc.path.len() < 2 {
                return Err(OpError::NotASubparagraph(id));
            }
            let parent = at(loc.part, loc.path[..loc.path.len() - 1].to_vec());
            if let Some(p) = rec.doc.at(&parent) {
                out.touched.insert(p.id.clone());
            }
            relocate(rec, &loc, with_last(&parent, last(&parent) + 1), &mut out)?;
        }
        Op::Split { id, at: offset } => split(rec, id, offset, &mut out)?,
        Op::Merge { id } => merge(rec, id, &mut out)?,
        Op::SetText { id, lead, text } => {
            let loc = locate(rec.doc, &id)?;
            // Typed text is markup source: what cannot be markup is kept as typed.
            let place = numbering::describe(rec.doc, &loc);
            let known = |m: &Id| rec.doc.footnote(m).is_some();
            let (lead, text) = (
                markup::escape_unmeant(&lead, known),
                markup::escape_unmeant(&text, known),
            );
            for note in lead.notes.iter().chain(&text.notes) {
                out.messages.push(format!("{place}: {note}"));
            }
            let (lead, text) = (lead.text, text.text);
            out.touched.insert(id.clone());
            out.focus = Some(id.clone());
            rec.edit(Edit::SetText { id, lead, text })?;
        }
        Op::SetHeader(h) => rec.edit(Edit::SetHeader(Box::new(h)))?,
        Op::SetAuthoringBody(s) => rec.edit(Edit::SetAuthoringBody(s))?,
        Op::Restore {
            at: loc,
            paragraph,
            footnotes,
        } => {
            let (i, parent) = loc
                .path
                .split_last()
                .ok_or_else(|| OpError::InvalidLocation("an empty path".into()))?;
            let len = siblings(rec.doc, loc.part, parent)
                .ok_or_else(|| OpError::InvalidLocation(format!("{:?} {:?}", loc.part, loc.path)))?
                .len();
            let target = with_last(&loc, (*i).min(len));
            for f in footnotes {
                if rec.doc.all_ids().contains(&&f.id) || subtree_ids(&paragraph).contains(&f.id) {
                    return Err(OpError::DuplicateId(f.id));
                }
                let index = rec.doc.footnotes.len();
                rec.edit(Edit::InsertFootnote { index, footnote: f })?;
            }
            insert(rec, target, paragraph, &mut out)?;
        }
        Op::Replace { paragraph } => {
            let loc = locate(rec.doc, &paragraph.id)?;
            let old: HashSet<Id> = rec
                .doc
                .at(&loc)
                .map(subtree_ids)
                .unwrap_or_default()
                .into_iter()
                .collect();
            check_new_ids(rec.doc, &paragraph, &old)?;
            check_depth(&loc, &paragraph)?;
            remove(rec, &loc)?;
            out.focus = Some(paragraph.id.clone());
            out.touched.extend(subtree_ids(&paragraph));
            out.fresh.extend(subtree_ids(&paragraph));
            rec.edit(Edit::Insert { at: loc, paragraph })?;
        }
        Op::Renumber => out.full = true,
        Op::AddHeading(h) => outline::add_heading(rec, h, &mut out)?,
        Op::SetHeading {
            id,
            level,
            label,
            heading,
        } => outline::set_heading(rec, &id, level, label, heading)?,
        Op::DeleteHeading { id } => outline::delete_heading(rec, &id)?,
        Op::MoveHeading { id, before } => outline::move_heading(rec, &id, before, &mut out)?,
        Op::AddPart { index, part } => outline::add_part(rec, index, part, &mut out)?,
        Op::SetPart { id, label, heading } => outline::set_part(rec, &id, label, heading)?,
        Op::DeletePart { id } => outline::delete_part(rec, &id, &mut out)?,
        Op::MovePart { id, index } => outline::move_part(rec, &id, index)?,
        Op::AddAnnex { index, annex } => outline::add_annex(rec, index, annex, &mut out)?,
        Op::SetAnnex { id, label, title } => outline::set_annex(rec, &id, label, title)?,
        Op::DeleteAnnex { id } => outline::delete_annex(rec, &id, &mut out)?,
        Op::MoveAnnex { id, index } => outline::move_annex(rec, &id, index)?,
        Op::SetFootnote { id, anchor, text } => super::footnotes::set(rec, id, anchor, text)?,
        Op::DeleteFootnote { id } => super::footnotes::delete(rec, &id)?,
    }
    Ok(out)
}

fn split(rec: &mut Recorder<'_>, id: Id, offset: usize, out: &mut Outcome) -> Result<(), OpError> {
    let loc = locate(rec.doc, &id)?;
    let p = rec
        .doc
        .at(&loc)
        .cloned()
        .ok_or_else(|| OpError::UnknownId(id.clone()))?;
    let bad = |reason| OpError::BadSplit {
        id: id.clone(),
        at: offset,
        reason,
    };
    if offset > p.text.len() {
        return Err(bad("the offset is past the end of the text"));
    }
    if !p.text.is_char_boundary(offset) {
        return Err(bad("the offset falls inside a character"));
    }
    if inside_markup(&p.text, offset) {
        return Err(bad(
            "the offset falls inside a footnote marker, an escape or a “[deleted: …]” mark",
        ));
    }
    let emphasis = open_emphasis(&p.text, offset);
    let first = format!("{}{emphasis}", p.text[..offset].trim_end());
    let second = format!("{emphasis}{}", p.text[offset..].trim_start());
    let new_id = rec.doc.fresh_id("p");
    let mut head = p.clone();
    head.text = first;
    head.subparagraphs = Vec::new();
    let tail = Paragraph {
        id: new_id.clone(),
        lead: String::new(),
        text: second,
        list_style: p.list_style,
        subparagraphs: p.subparagraphs,
    };
    remove(rec, &loc)?;
    rec.edit(Edit::Insert {
        at: loc.clone(),
        paragraph: head,
    })?;
    rec.edit(Edit::Insert {
        at: with_last(&loc, last(&loc) + 1),
        paragraph: tail,
    })?;
    out.touched.insert(id);
    out.touched.insert(new_id.clone());
    out.focus = Some(new_id);
    Ok(())
}

fn merge(rec: &mut Recorder<'_>, id: Id, out: &mut Outcome) -> Result<(), OpError> {
    let loc = locate(rec.doc, &id)?;
    let next_loc = with_last(&loc, last(&loc) + 1);
    if rec.doc.at(&next_loc).is_none() {
        return Err(OpError::NoNextSibling(id));
    }
    let next = remove(rec, &next_loc)?;
    let mut merged = remove(rec, &loc)?;
    merged.text = super::punctuation::join_texts(&merged.text, &next.lead, &next.text);
    merged.subparagraphs.extend(next.subparagraphs);
    rec.edit(Edit::Insert {
        at: loc,
        paragraph: merged,
    })?;
    out.touched.insert(id.clone());
    out.focus = Some(id);
    Ok(())
}

/// Points each footnote's anchor at the paragraph whose text first holds its marker. A
/// footnote whose marker is nowhere and whose anchor paragraph is gone (merged away, replaced)
/// is anchored to `fallback` (the paragraph that took the text in), else the first paragraph.
pub(crate) fn sync_anchors(rec: &mut Recorder<'_>, fallback: Option<&Id>) -> Result<(), OpError> {
    let mut holder: std::collections::HashMap<Id, Id> = std::collections::HashMap::new();
    let mut first: Option<Id> = None;
    rec.doc.walk(&mut |p, _| {
        first.get_or_insert_with(|| p.id.clone());
        for m in markup::markers(&p.lead)
            .into_iter()
            .chain(markup::markers(&p.text))
        {
            holder.entry(m).or_insert_with(|| p.id.clone());
        }
    });
    let fallback = fallback
        .filter(|id| rec.doc.find(id).is_some())
        .cloned()
        .or(first);
    let fixes: Vec<(Id, Id)> = rec
        .doc
        .footnotes
        .iter()
        .filter_map(|f| {
            let h = match holder.get(&f.id) {
                Some(h) => h.clone(),
                None if rec.doc.find(&f.anchor).is_none() => fallback.clone()?,
                None => return None,
            };
            (h != f.anchor).then(|| (f.id.clone(), h))
        })
        .collect();
    for (footnote, anchor) in fixes {
        rec.edit(Edit::SetAnchor { footnote, anchor })?;
    }
    Ok(())
}
