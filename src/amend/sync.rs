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
    #[error("{0}")]
    Op(crate::ops::OpError),
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
    // The paragraphs are renamed already; their headings and footnotes follow them.
    target.rename_ids(&renames);
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
/// moved within their list, footnotes added, changed or gone, words set, headings and the
/// header. Each is tried on a copy as it is chosen, so later ones see what the earlier ones
/// did (renumbering rewrites cross-references; words are set after it).
pub fn operations(current: &Document, target: &Document) -> Result<Vec<Op>, SyncError> {
    if current.part_keys() != target.part_keys() {
        return Err(SyncError::Structure);
    }
    let mut w = Work {
        doc: current.clone(),
        ops: Vec::new(),
    };
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
    for id in gone.into_iter().rev() {
        w.push(Op::Delete { id })?;
    }
    // Insertions and moves, list by list, parents first, in the order of `target`.
    for part in target.part_keys() {
        let list = target.part(part).cloned().unwrap_or_default();
        w.arrange(target, part, &[], &list)?;
    }
    // Footnotes new, changed or gone (their paragraphs are in place now).
    for f in &target.footnotes {
        if w.doc.footnote(&f.id).is_none_or(|c| c.text != f.text) {
            w.push(Op::SetFootnote {
                id: f.id.clone(),
                anchor: f.anchor.clone(),
                text: f.text.clone(),
            })?;
        }
    }
    let stale: Vec<Id> = w
        .doc
        .footnotes
        .iter()
        .filter(|f| target.footnote(&f.id).is_none())
        .map(|f| f.id.clone())
        .collect();
    for id in stale {
        w.push(Op::DeleteFootnote { id })?;
    }
    // Words of the paragraphs, as they read after the operations above.
    let mut words: Vec<Op> = Vec::new();
    target.walk(&mut |t, _| {
        let Some(c) = w.doc.find(&t.id) else { return };
        if c.list_style != t.list_style {
            words.push(Op::Replace {
                paragraph: Paragraph {
                    subparagraphs: c.subparagraphs.clone(),
                    ..t.clone()
                },
            });
        } else if c.lead != t.lead || c.text != t.text {
            words.push(Op::SetText {
                id: t.id.clone(),
                lead: t.lead.clone(),
                text: t.text.clone(),
            });
        }
    });
    for op in words {
        w.push(op)?;
    }
    // Headings, parts' headings and annexes' titles changed in words.
    let mut rest: Vec<Op> = Vec::new();
    for h in &target.headings {
        if let Some(c) = w.doc.headings.iter().find(|c| c.id == h.id)
            && (c.heading != h.heading || c.label != h.label || c.level != h.level)
        {
            rest.push(Op::SetHeading {
                id: h.id.clone(),
                level: h.level,
                label: h.label.clone(),
                heading: h.heading.clone(),
            });
        }
    }
    for (c, t) in w.doc.parts.iter().zip(&target.parts) {
        if c.id == t.id && (c.label != t.label || c.heading != t.heading) {
            rest.push(Op::SetPart {
                id: t.id.clone(),
                label: t.label.clone(),
                heading: t.heading.clone(),
            });
        }
    }
    for (c, t) in w.doc.annexes.iter().zip(&target.annexes) {
        if c.id == t.id && (c.label != t.label || c.title != t.title) {
            rest.push(Op::SetAnnex {
                id: t.id.clone(),
                label: t.label.clone(),
                title: t.title.clone(),
            });
        }
    }
    if w.doc.header != target.header {
        rest.push(Op::SetHeader(target.header.clone()));
    }
    for op in rest {
        w.push(op)?;
    }
    Ok(w.ops)
}

/// The operations chosen so far and the copy they were tried on.
struct Work {
    doc: Document,
    ops: Vec<Op>,
}

impl Work {
    fn push(&mut self, op: Op) -> Result<(), SyncError> {
        crate::ops::apply(&mut self.doc, op.clone()).map_err(SyncError::Op)?;
        self.ops.push(op);
        Ok(())
    }

    /// Puts the list at `part` + `parent` in the order of `want`: new paragraphs restored at
    /// their index (with their new footnotes), others moved there; then the same below.
    fn arrange(
        &mut self,
        target: &Document,
        part: Part,
        parent: &[usize],
        want: &[Paragraph],
    ) -> Result<(), SyncError> {
        for (i, t) in want.iter().enumerate() {
            let mut path = parent.to_vec();
            path.push(i);
            match self.doc.locate(&t.id) {
                None => {
                    let footnotes = new_notes(t, &self.doc, target);
                    self.push(Op::Restore {
                        at: Location { part, path },
                        paragraph: t.clone(),
                        footnotes,
                    })?;
                    continue;
                }
                Some(loc) if loc.part != part || loc.path[..loc.path.len() - 1] != *parent => {
                    return Err(SyncError::CrossMove(t.id.clone()));
                }
                Some(loc) => {
                    if loc.path.last() != Some(&i) {
                        self.push(Op::MoveTo {
                            id: t.id.clone(),
                            index: i,
                        })?;
                    }
                }
            }
            self.arrange(target, part, &path, &t.subparagraphs)?;
        }
        Ok(())
    }
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
