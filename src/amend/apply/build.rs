//! Building the amended document from the resolved changes: the changes of words spliced
//! into each text (the opening phrase split off again), the paragraph lists rebuilt by id
//! with deletions, replacements, moves and insertions, then headings and footnotes tidied
//! (a heading follows its paragraph's replacement; a footnote whose marker went goes too).

use super::{Anchor, Change, Target, frames, full};
use crate::amend::text::{self, Splice};
use crate::markup;
use crate::model::{Document, Footnote, Id, Paragraph, Part};
use crate::phrases;
use std::collections::{HashMap, HashSet};

/// Re-splits a paragraph's full text into its lead and text after a change of words.
fn resplit(p: &mut Paragraph, f: &str, touched_lead: bool, preamble: bool) {
    if p.lead.is_empty() {
        p.text = f.to_string();
        return;
    }
    if !touched_lead && let Some(rest) = f.strip_prefix(&format!("{} ", p.lead)) {
        p.text = rest.to_string();
        return;
    }
    if !touched_lead && f == p.lead {
        p.text.clear();
        return;
    }
    let list = if preamble {
        phrases::preambular()
    } else {
        phrases::operative()
    };
    let (lead, text) = crate::import::resolution::split_lead(f, list, true);
    p.lead = lead;
    p.text = text;
}

/// The amended document: splices, then the paragraph lists rebuilt, then footnotes.
pub(super) fn build(doc: &Document, changes: &[Change], added: Vec<Footnote>) -> Document {
    let mut out = doc.clone();
    let mut by_target: HashMap<Target, Vec<Splice>> = HashMap::new();
    let mut deleted: HashSet<Id> = HashSet::new();
    let mut replaced: HashMap<Id, Vec<Paragraph>> = HashMap::new();
    let mut moved: HashMap<Id, Anchor> = HashMap::new();
    let mut inserts: HashMap<Anchor, Vec<Paragraph>> = HashMap::new();
    for c in changes {
        match c {
            Change::Splice { target, splice, .. } => {
                by_target
                    .entry(target.clone())
                    .or_default()
                    .push(splice.clone());
            }
            Change::Delete(id) => {
                deleted.insert(id.clone());
            }
            Change::Replace(id, ps) => {
                replaced.insert(id.clone(), ps.clone());
            }
            Change::Move(id, a) => {
                moved.insert(id.clone(), a.clone());
            }
            Change::Insert(a, ps) => inserts.entry(a.clone()).or_default().extend(ps.clone()),
            Change::InsertHeading(..)
            | Change::DeleteHeading(_)
            | Change::MoveHeading(..)
            | Change::DeleteFrame(_)
            | Change::AddFrame(_)
            | Change::Renumber => {}
        }
    }
    for (target, splices) in &by_target {
        match target {
            Target::Title => out.header.title = text::splice(&doc.header.title, splices),
            Target::Heading(id) => {
                if let Some(h) = out.headings.iter_mut().find(|h| &h.id == id) {
                    h.heading = text::splice(&h.heading, splices);
                } else if let Some(p) = out.parts.iter_mut().find(|p| &p.id == id) {
                    p.heading = text::splice(&p.heading, splices);
                } else if let Some(a) = out.annexes.iter_mut().find(|a| &a.id == id) {
                    a.title = text::splice(&a.title, splices);
                }
            }
            Target::Footnote(id) => {
                if let Some(f) = out.footnotes.iter_mut().find(|f| &f.id == id) {
                    f.text = text::splice(&f.text, splices);
                }
            }
            Target::Para(id) => {
                let preamble = doc.locate(id).is_some_and(|l| l.part.is_preamble());
                if let Some(p) = out.find_mut(id) {
                    let f = full(p);
                    let new = text::splice(&f, splices);
                    let touched = splices.iter().any(|s| s.start <= p.lead.len());
                    resplit(p, &new, touched, preamble);
                }
            }
        }
    }
    // Moved paragraphs are taken out of their lists and emitted at their anchors.
    let mut pool: HashMap<Id, Paragraph> = HashMap::new();
    fn take(
        list: &mut Vec<Paragraph>,
        moved: &HashMap<Id, Anchor>,
        pool: &mut HashMap<Id, Paragraph>,
    ) {
        let mut kept = Vec::new();
        for mut p in list.drain(..) {
            take(&mut p.subparagraphs, moved, pool);
            if moved.contains_key(&p.id) {
                pool.insert(p.id.clone(), p);
            } else {
                kept.push(p);
            }
        }
        *list = kept;
    }
    // Every list but a report's sections (which are not amended).
    let keys: Vec<Part> = doc
        .part_keys()
        .into_iter()
        .filter(|k| !matches!(k, Part::Section(_)))
        .collect();
    for &k in &keys {
        if let Some(list) = out.part_mut(k) {
            take(list, &moved, &mut pool);
        }
    }
    let mut followers: HashMap<Anchor, Vec<Id>> = HashMap::new();
    let mut order: Vec<&Id> = moved.keys().collect();
    order.sort_by_key(|id| doc.locate(id).map(|l| (l.part.order_key(), l.path)));
    for id in order {
        followers
            .entry(moved[id].clone())
            .or_default()
            .push(id.clone());
    }
    let wanted = frames::gaps_wanted(changes);
    let mut r = Rebuild {
        deleted: &deleted,
        replaced: &replaced,
        inserts: &inserts,
        followers: &followers,
        pool,
        marks: HashMap::new(),
    };
    let mut gaps: HashMap<Anchor, Id> = HashMap::new();
    for &k in &keys {
        if let Some(list) = out.part_mut(k) {
            let taken = std::mem::take(list);
            r.marks.clear();
            let rebuilt = r.list(taken, k, None);
            for a in &wanted {
                let at = match a {
                    Anchor::After(id) => r.marks.get(id).map(|m| m.1),
                    Anchor::Before(id) => r.marks.get(id).map(|m| m.0),
                    Anchor::End(..) => None,
                };
                if let Some(p) = at.and_then(|i| rebuilt.get(i)) {
                    gaps.insert(a.clone(), p.id.clone());
                }
            }
            if let Some(list) = out.part_mut(k) {
                *list = rebuilt;
            }
        }
    }
    out.footnotes.extend(added);
    frames::finish(doc, &mut out, changes, &gaps);
    tidy_footnotes(doc, &mut out);
    tidy_headings(doc, &mut out, &replaced);
    out
}

/// Headings stand before a paragraph by id: one whose paragraph was replaced stands before
/// the first replacing paragraph, one whose paragraph was deleted before the next paragraph
/// that remains (it goes when none does).
fn tidy_headings(issued: &Document, doc: &mut Document, replaced: &HashMap<Id, Vec<Paragraph>>) {
    let mut present: HashSet<Id> = HashSet::new();
    doc.walk(&mut |p, _| {
        present.insert(p.id.clone());
    });
    let next_remaining = |id: &Id| -> Option<Id> {
        let loc = issued.locate(id)?;
        let list = issued.part(loc.part)?;
        list.iter().skip(loc.top()).find_map(|p| {
            if let Some(r) = replaced.get(&p.id) {
                return r.first().map(|x| x.id.clone());
            }
            present.contains(&p.id).then(|| p.id.clone())
        })
    };
    doc.headings.retain_mut(|h| {
        if present.contains(&h.before) {
            return true;
        }
        match next_remaining(&h.before) {
            Some(id) => {
                h.before = id;
                true
            }
            None => false,
        }
    });
}

struct Rebuild<'a> {
    deleted: &'a HashSet<Id>,
    replaced: &'a HashMap<Id, Vec<Paragraph>>,
    inserts: &'a HashMap<Anchor, Vec<Paragraph>>,
    followers: &'a HashMap<Anchor, Vec<Id>>,
    pool: HashMap<Id, Paragraph>,
    /// For each top-level paragraph of the list being rebuilt, where its place starts (what
    /// is inserted before it) and where what follows it starts, as indices of the new list.
    marks: HashMap<Id, (usize, usize)>,
}

impl Rebuild<'_> {
    fn list(&mut self, list: Vec<Paragraph>, part: Part, parent: Option<Id>) -> Vec<Paragraph> {
        let mut out = Vec::new();
        for p in list {
            self.emit(p, part, parent.is_none(), &mut out);
        }
        let end = Anchor::End(part, parent);
        if let Some(ps) = self.inserts.get(&end) {
            out.extend(ps.iter().cloned());
        }
        out
    }

    fn emit(&mut self, mut p: Paragraph, part: Part, top: bool, out: &mut Vec<Paragraph>) {
        let id = p.id.clone();
        let start = out.len();
        if let Some(ps) = self.inserts.get(&Anchor::Before(id.clone())) {
            out.extend(ps.iter().cloned());
        }
        for m in self
            .followers
            .get(&Anchor::Before(id.clone()))
            .cloned()
            .unwrap_or_default()
        {
            if let Some(mp) = self.pool.remove(&m) {
                self.emit(mp, part, top, out);
            }
        }
        if let Some(ps) = self.replaced.get(&id) {
            out.extend(ps.iter().cloned());
        } else if !self.deleted.contains(&id) {
            let subs = std::mem::take(&mut p.subparagraphs);
            p.subparagraphs = self.list(subs, part, Some(id.clone()));
            out.push(p);
        }
        if top {
            self.marks.insert(id.clone(), (start, out.len()));
        }
        if let Some(ps) = self.inserts.get(&Anchor::After(id.clone())) {
            out.extend(ps.iter().cloned());
        }
        for m in self
            .followers
            .get(&Anchor::After(id))
            .cloned()
            .unwrap_or_default()
        {
            if let Some(mp) = self.pool.remove(&m) {
                self.emit(mp, part, top, out);
            }
        }
    }
}

/// Footnotes after the amendments: those whose marker was deleted (or whose paragraph went
/// without a marker to show) are dropped; each is anchored to the paragraph holding its
/// marker.
fn tidy_footnotes(issued: &Document, doc: &mut Document) {
    let mut holder: HashMap<Id, Id> = HashMap::new();
    doc.walk(&mut |p, _| {
        for id in markup::markers(&p.lead)
            .into_iter()
            .chain(markup::markers(&p.text))
        {
            holder.entry(id).or_insert_with(|| p.id.clone());
        }
    });
    let had_marker: HashSet<Id> = {
        let mut s = HashSet::new();
        issued.walk(&mut |p, _| {
            s.extend(markup::markers(&p.lead));
            s.extend(markup::markers(&p.text));
        });
        s
    };
    let mut present: HashSet<Id> = HashSet::new();
    doc.walk(&mut |p, _| {
        present.insert(p.id.clone());
    });
    doc.footnotes.retain_mut(|f| match holder.get(&f.id) {
        Some(p) => {
            f.anchor = p.clone();
            true
        }
        None => {
            !had_marker.contains(&f.id) && !f.anchor.0.is_empty() && present.contains(&f.anchor)
        }
    });
}
