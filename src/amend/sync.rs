//! The model operations that turn a draft's current text into an amended text computed from
//! it (by [`super::apply`]): paragraphs deleted, restored, moved and set, footnotes, headings
//! and the header, so that an editor applies accepted amendments as one undoable
//! edit through [`crate::ops`], with its numbering, cross-references and punctuation rules,
//! rather than by swapping documents.
//!
//! Paragraphs are matched by id. A new paragraph of the amended text whose words are those
//! of a paragraph the current text has and the amended one no longer has takes that
//! paragraph's id ([`reuse_ids`]): rejecting one instruction then leaves the paragraphs
//! other instructions inserted where they are.

use crate::markup;
use crate::model::{Document, Footnote, Id, Location, Paragraph, Part};
use crate::ops::Op;
use std::collections::{HashMap, HashSet};

/// Why the amended text cannot be reached by operations on the current one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SyncError {
    #[error("the amended text has other parts or annexes than the current text")]
    Structure,
    #[error("“{0}” moves to another list of paragraphs")]
    CrossMove(Id),
}

fn ids_of(doc: &Document) -> HashSet<Id> {
    let mut s = HashSet::new();
    doc.walk(&mut |p, _| {
        s.insert(p.id.clone());
    });
    s
}

/// The words of a paragraph subtree (ids aside).
fn words(p: &Paragraph) -> String {
    let mut s = String::new();
    p.walk(&mut |q| {
        s.push_str(&q.full_text());
        s.push('\u{1}');
    });
    s
}

/// Renames the new paragraphs of `target` (ids `current` does not have) to the ids of the
/// paragraphs of `current` that `target` does not have and that hold the same words, so a
/// paragraph inserted by an instruction keeps its id when the amended text is recomputed.
pub fn reuse_ids(current: &Document, target: &mut Document) {
    let in_target = ids_of(target);
    let in_current = ids_of(current);
    let mut free: HashMap<String, Vec<Paragraph>> = HashMap::new();
    current.walk(&mut |p, _| {
        if !in_target.contains(&p.id) {
            free.entry(words(p)).or_default().push(p.clone());
        }
    });
    if free.is_empty() {
        return;
    }
    let mut renames: HashMap<Id, Id> = HashMap::new();
    fn visit(
        list: &mut [Paragraph],
        in_current: &HashSet<Id>,
        free: &mut HashMap<String, Vec<Paragraph>>,
        renames: &mut HashMap<Id, Id>,
    ) {
        for p in list {
            if !in_current.contains(&p.id)
                && let Some(old) = free
                    .get_mut(&words(p))
                    .and_then(|v| (!v.is_empty()).then(|| v.remove(0)))
            {
                rename(p, &old, renames);
                continue;
            }
            visit(&mut p.subparagraphs, in_current, free, renames);
        }
    }
    fn rename(p: &mut Paragraph, old: &Paragraph, renames: &mut HashMap<Id, Id>) {
        renames.insert(p.id.clone(), old.id.clone());
        p.id = old.id.clone();
        for (s, o) in p.subparagraphs.iter_mut().zip(&old.subparagraphs) {
            rename(s, o, renames);
        }
    }
    for part in target.part_keys() {
        if let Some(list) = target.part_mut(part) {
            visit(list, &in_current, &mut free, &mut renames);
        }
    }
    for h in &mut target.headings {
        if let Some(id) = renames.get(&h.before) {
            h.before = id.clone();
        }
    }
    for f in &mut target.footnotes {
        if let Some(id) = renames.get(&f.anchor) {
            f.anchor = id.clone();
        }
    }
}

/// The footnotes of `target` marked in a paragraph subtree that `current` does not have.
fn new_notes(p: &Paragraph, current: &Document, target: &Document) -> Vec<Footnote> {
    let mut marked = Vec::new();
    p.walk(&mut |q| {
        marked.extend(markup::markers(&q.lead));
        marked.extend(markup::markers(&q.text));
    });
    marked
        .into_iter()
        .filter(|id| current.footnote(id).is_none())
        .filter_map(|id| target.footnote(&id).cloned())
        .collect()
}

/// The operations turning `current` into `target`, in the order they are to be applied:
/// paragraphs gone deleted, new ones put in place (with their new footnotes), paragraphs
/// moved within their list, footnotes added or changed, words set, then the header.
pub fn operations(current: &Document, target: &Document) -> Result<Vec<Op>, SyncError> {
    if current.part_keys() != target.part_keys() {
        return Err(SyncError::Structure);
    }
    let mut ops = Vec::new();
    let in_target = ids_of(target);
    // Deletions: the topmost paragraphs of `current` that `target` does not have.
    let mut gone: Vec<Id> = Vec::new();
    fn deletions(list: &[Paragraph], keep: &HashSet<Id>, out: &mut Vec<Id>) {
        for p in list {
            if keep.contains(&p.id) {
                deletions(&p.subparagraphs, keep, out);
            } else {
                out.push(p.id.clone());
            }
        }
    }
    for (_, list) in current.parts() {
        deletions(list, &in_target, &mut gone);
    }
    let mut doc = current.clone();
    for id in gone.into_iter().rev() {
        ops.push(Op::Delete { id: id.clone() });
        if let Some(loc) = doc.locate(&id) {
            remove_at(&mut doc, &loc);
        }
    }
    // Insertions and moves, list by list, parents first, in the order of `target`.
    for part in target.part_keys() {
        let list = target.part(part).cloned().unwrap_or_default();
        arrange(&mut doc, current, target, part, &[], &list, &mut ops)?;
    }
    // Footnotes whose text changed or that are new (their paragraph is there now).
    for f in &target.footnotes {
        let inserted = ops.iter().any(|o| match o {
            Op::Restore { footnotes, .. } => footnotes.iter().any(|x| x.id == f.id),
            _ => false,
        });
        if inserted {
            continue;
        }
        match current.footnote(&f.id) {
            Some(c) if c.text == f.text => {}
            _ => ops.push(Op::SetFootnote {
                id: f.id.clone(),
                anchor: f.anchor.clone(),
                text: f.text.clone(),
            }),
        }
    }
    // Words of the paragraphs both have.
    target.walk(&mut |t, _| {
        if let Some(c) = current.find(&t.id) {
            if c.list_style != t.list_style {
                ops.push(Op::Replace {
                    paragraph: Paragraph {
                        subparagraphs: doc
                            .find(&t.id)
                            .map(|d| d.subparagraphs.clone())
                            .unwrap_or_default(),
                        ..t.clone()
                    },
                });
            } else if c.lead != t.lead || c.text != t.text {
                ops.push(Op::SetText {
                    id: t.id.clone(),
                    lead: t.lead.clone(),
                    text: t.text.clone(),
                });
            }
        }
    });
    // Headings, parts' headings and annexes' titles changed in words.
    for h in &target.headings {
        if let Some(c) = current.headings.iter().find(|c| c.id == h.id)
            && (c.heading != h.heading || c.label != h.label || c.level != h.level)
        {
            ops.push(Op::SetHeading {
                id: h.id.clone(),
                level: h.level,
                label: h.label.clone(),
                heading: h.heading.clone(),
            });
        }
    }
    for (c, t) in current.parts.iter().zip(&target.parts) {
        if c.id == t.id && (c.label != t.label || c.heading != t.heading) {
            ops.push(Op::SetPart {
                id: t.id.clone(),
                label: t.label.clone(),
                heading: t.heading.clone(),
            });
        }
    }
    for (c, t) in current.annexes.iter().zip(&target.annexes) {
        if c.id == t.id && (c.label != t.label || c.title != t.title) {
            ops.push(Op::SetAnnex {
                id: t.id.clone(),
                label: t.label.clone(),
                title: t.title.clone(),
            });
        }
    }
    if current.header != target.header {
        ops.push(Op::SetHeader(target.header.clone()));
    }
    Ok(ops)
}

fn remove_at(doc: &mut Document, loc: &Location) {
    let Some((last, parent)) = loc.path.split_last() else {
        return;
    };
    let Some(mut list) = doc.part_mut(loc.part) else {
        return;
    };
    for i in parent {
        match list.get_mut(*i) {
            Some(p) => list = &mut p.subparagraphs,
            None => return,
        }
    }
    if *last < list.len() {
        list.remove(*last);
    }
}

fn list_at<'a>(
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

/// Puts the list at `part` + `parent` of `doc` (the working copy) in the order of `want`:
/// new paragraphs restored at their index, others moved there; then the same below.
fn arrange(
    doc: &mut Document,
    current: &Document,
    target: &Document,
    part: Part,
    parent: &[usize],
    want: &[Paragraph],
    ops: &mut Vec<Op>,
) -> Result<(), SyncError> {
    for (i, t) in want.iter().enumerate() {
        let mut path = parent.to_vec();
        path.push(i);
        match doc.locate(&t.id) {
            None => {
                let at = Location {
                    part,
                    path: path.clone(),
                };
                ops.push(Op::Restore {
                    at,
                    paragraph: t.clone(),
                    footnotes: new_notes(t, current, target),
                });
                if let Some(list) = list_at(doc, part, parent) {
                    let k = i.min(list.len());
                    list.insert(k, t.clone());
                }
                continue;
            }
            Some(loc) if loc.part != part || loc.path[..loc.path.len() - 1] != *parent => {
                return Err(SyncError::CrossMove(t.id.clone()));
            }
            Some(loc) => {
                let from = *loc.path.last().unwrap_or(&0);
                if from != i {
                    ops.push(Op::MoveTo {
                        id: t.id.clone(),
                        index: i,
                    });
                    if let Some(list) = list_at(doc, part, parent) {
                        let p = list.remove(from);
                        list.insert(i.min(list.len()), p);
                    }
                }
            }
        }
        arrange(doc, current, target, part, &path, &t.subparagraphs, ops)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DocKind;

    fn para(id: &str, lead: &str, text: &str) -> Paragraph {
        Paragraph::new(Id::new(id), lead, text)
    }

    fn doc() -> Document {
        let mut d = Document::new(DocKind::Resolution);
        d.preamble = vec![para("p1", "Recalling", "its resolutions,")];
        d.operative = vec![
            para("p2", "Decides", "to act;"),
            para("p3", "Requests", "a report;"),
            para("p4", "Decides", "to remain seized of the matter."),
        ];
        d
    }

    fn run(current: &Document, target: &Document) -> Document {
        let mut d = current.clone();
        for op in operations(current, target).unwrap() {
            crate::ops::apply(&mut d, op).unwrap();
        }
        d
    }

    #[test]
    fn deletions_insertions_moves_and_words_reach_the_target() {
        let cur = doc();
        let mut t = cur.clone();
        t.operative.remove(1);
        t.operative.insert(0, para("p9", "Welcomes", "the report;"));
        t.operative.swap(1, 2);
        t.preamble[0].text = "all its resolutions,".into();
        t.header.stage = "draft resolution, as amended by L.3 (1)".into();
        let got = run(&cur, &t);
        let texts: Vec<String> = got.operative.iter().map(|p| p.full_text()).collect();
        assert_eq!(
            texts,
            [
                "Welcomes the report;",
                "Decides to remain seized of the matter;",
                "Decides to act."
            ]
        );
        assert_eq!(got.preamble[0].text, "all its resolutions,");
        assert_eq!(got.header.stage, t.header.stage);
    }

    #[test]
    fn a_recomputed_insertion_keeps_its_id() {
        let cur = {
            let mut d = doc();
            d.operative.insert(1, para("p7", "Urges", "States to act;"));
            d
        };
        let mut t = doc();
        t.operative.insert(1, para("p8", "Urges", "States to act;"));
        t.operative.remove(2);
        reuse_ids(&cur, &mut t);
        assert_eq!(t.operative[1].id, Id::new("p7"));
        let ops = operations(&cur, &t).unwrap();
        assert_eq!(ops, vec![Op::Delete { id: Id::new("p3") }]);
    }
}
