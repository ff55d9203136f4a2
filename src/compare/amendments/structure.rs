//! Headings, parts and annexes added, removed or moved, written as instructions: "After
//! operative paragraph 12, insert a new heading reading “III. Capacity-building”.", "Delete
//! the heading of section II.", "Move the heading of section II to follow operative
//! paragraph 12.", "Delete section III.", "Add a new annex II, entitled “…”, reading:".
//!
//! Headings pair as the comparison pairs them; parts and annexes by position (a part or
//! annex past the end of the other version is added or deleted whole). A heading is named
//! by its label, so one without a label, or whose label another heading shares, cannot be
//! named: what cannot be written is said ([`Structure::unwritten`]), never dropped silently.

use super::places::Gen;
use crate::amend::locate::{frame_of, para_ref};
use crate::amend::{Frame, HeadingRef, NewFrame, NewHeading, Op, Position};
use crate::compare::PartKind;
use crate::model::{Annex, Document, Heading, Id, Location, Part, ResolutionPart, Section};
use std::collections::HashMap;

/// The structural instructions and what the writer knows of them.
#[derive(Default)]
pub(super) struct Structure {
    pub(super) ops: Vec<Op>,
    /// What cannot be written as an amendment, one sentence each.
    pub(super) unwritten: Vec<String>,
    /// Headings paired in both versions (old, new).
    pub(super) pairs: Vec<(Heading, Heading)>,
    /// Lists of the old version deleted whole, and of the new one added whole.
    pub(super) old_lists: Vec<Part>,
    pub(super) new_lists: Vec<Part>,
    /// The parts and annexes from which on the old ones are deleted and the new ones added
    /// (those before pair by position).
    pub(super) parts_from: usize,
    pub(super) annexes_from: usize,
}

fn words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How the UN names a heading of the old version, when it can be named.
fn name(old: &Document, h: &Heading) -> Option<HeadingRef> {
    let n = old.headings.iter().filter(|x| x.label == h.label).count();
    (!h.label.is_empty() && n == 1).then(|| HeadingRef::Section(h.label.clone()))
}

/// The lists of part `k` or annex `a`.
fn part_lists(k: usize) -> [Part; 2] {
    [Part::PartPreamble(k), Part::PartOperative(k)]
}

fn annex_lists(doc: &Document, a: usize) -> Vec<Part> {
    let n = doc.annexes.get(a).map_or(0, |x| x.sections.len());
    std::iter::once(Part::Annex(a))
        .chain((0..n).map(|s| Part::AnnexSection(a, s)))
        .collect()
}

/// The items of both versions paired by position, with their index, the first `n` only.
pub(super) fn paired<'a, T>(
    old: &'a [T],
    new: &'a [T],
    n: usize,
) -> impl Iterator<Item = (usize, (&'a T, &'a T))> {
    old.iter().zip(new).enumerate().take(n)
}

impl Structure {
    /// Whether a heading, part or annex found in both versions has another label in the new
    /// one (its labels follow a new order: "and renumber the subsequent headings
    /// accordingly").
    pub(super) fn relabels(&self, old: &Document, new: &Document) -> bool {
        let headings = self
            .pairs
            .iter()
            .any(|(o, n)| o.level <= 1 && o.label != n.label);
        let parts =
            paired(&old.parts, &new.parts, self.parts_from).any(|(_, (o, n))| o.label != n.label);
        let annexes = paired(&old.annexes, &new.annexes, self.annexes_from)
            .any(|(_, (o, n))| o.label != n.label);
        !self.ops.is_empty() && (headings || parts || annexes)
    }

    /// Whether a location of the old version is in a list deleted whole.
    pub(super) fn old_gone(&self, l: &Location) -> bool {
        self.old_lists.contains(&l.part)
    }
    /// Whether a location of the new version is in a list added whole.
    pub(super) fn new_added(&self, l: &Location) -> bool {
        self.new_lists.contains(&l.part)
    }
}

/// The structural instructions turning `g.old` into `g.new`.
pub(super) fn structure(g: &Gen) -> Structure {
    let (old, new) = (g.old, g.new);
    let mut s = Structure::default();
    // Parts and annexes past the end of the other version; between versions of one draft,
    // also from the first whose ids differ on (the old ones deleted, the new ones added).
    // (An id handed out again after a deletion names another part: one whose paragraphs
    // share no id with the old one's is another, and so is one left with no paragraph.)
    let by_id = g.cmp.align == crate::compare::Align::ById;
    let ids = |d: &Document, lists: &[Part]| -> std::collections::HashSet<Id> {
        lists
            .iter()
            .filter_map(|l| d.part(*l))
            .flatten()
            .map(|p| p.id.clone())
            .collect()
    };
    let other = |o: &Id, n: &Id, ol: &[Part], nl: &[Part]| {
        let (a, b) = (ids(old, ol), ids(new, nl));
        o != n || (!a.is_empty() && a.is_disjoint(&b))
    };
    let common = old.parts.len().min(new.parts.len());
    let parts_from = (0..common)
        .find(|&k| {
            let l = part_lists(k);
            by_id && other(&old.parts[k].id, &new.parts[k].id, &l, &l)
        })
        .unwrap_or(common);
    let common = old.annexes.len().min(new.annexes.len());
    let annexes_from = (0..common)
        .find(|&a| {
            let (ol, nl) = (annex_lists(old, a), annex_lists(new, a));
            by_id && other(&old.annexes[a].id, &new.annexes[a].id, &ol, &nl)
        })
        .unwrap_or(common);
    s.parts_from = parts_from;
    s.annexes_from = annexes_from;
    for k in parts_from..old.parts.len() {
        s.ops
            .push(Op::DeleteFrame(Frame::Part(old.parts[k].name(k))));
        s.old_lists.extend(part_lists(k));
    }
    for (k, p) in new.parts.iter().enumerate().skip(parts_from) {
        let subtree =
            |ps: &[crate::model::Paragraph]| ps.iter().map(|p| g.new_subtree(p)).collect();
        s.ops.push(Op::AddFrame(NewFrame::Part(ResolutionPart {
            label: p.label.clone(),
            heading: words(&p.heading),
            preamble: subtree(&p.preamble),
            operative: subtree(&p.operative),
            ..Default::default()
        })));
        s.new_lists.extend(part_lists(k));
    }
    for a in annexes_from..old.annexes.len() {
        if let Some(f) = frame_of(old, Part::Annex(a)) {
            s.ops.push(Op::DeleteFrame(f));
            s.old_lists.extend(annex_lists(old, a));
        }
    }
    for (a, x) in new.annexes.iter().enumerate().skip(annexes_from) {
        let subtree =
            |ps: &[crate::model::Paragraph]| ps.iter().map(|p| g.new_subtree(p)).collect();
        s.ops.push(Op::AddFrame(NewFrame::Annex(Annex {
            label: x.label.clone(),
            title: words(&x.title),
            numbered: x.numbered,
            paragraphs: subtree(&x.paragraphs),
            sections: x
                .sections
                .iter()
                .map(|sec| Section {
                    level: sec.level,
                    label: sec.label.clone(),
                    heading: words(&sec.heading),
                    numbered: true,
                    paragraphs: subtree(&sec.paragraphs),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        })));
        s.new_lists.extend(annex_lists(new, a));
    }
    for (a, (o, n)) in paired(&old.annexes, &new.annexes, annexes_from) {
        let heads = |x: &Annex| -> Vec<(u8, String, String)> {
            x.sections
                .iter()
                .map(|sec| (sec.level, sec.label.clone(), words(&sec.heading)))
                .collect()
        };
        if heads(o) != heads(n) {
            let name = frame_of(old, Part::Annex(a)).map_or_else(String::new, |f| f.name());
            s.unwritten.push(format!(
                "the sections of {name} (their headings, or sections added or removed) are not written as amendments"
            ));
        }
    }
    headings(g, &mut s);
    s
}

/// The instructions on the headings inside the resolution.
fn headings(g: &Gen, s: &mut Structure) {
    let (old, new) = (g.old, g.new);
    let find = |d: &Document, id: &Id| d.headings.iter().find(|h| &h.id == id).cloned();
    // New top-level paragraph id → its old location.
    let mut old_of_new: HashMap<Id, Location> = HashMap::new();
    for e in g.cmp.changes.iter().filter(|e| e.is_paragraph()) {
        if let (Some(o), Some(n)) = (&e.old, &e.new)
            && let Some(ol) = o.location.as_ref()
        {
            old_of_new.insert(n.id.clone(), ol.clone());
        }
    }
    let added = s.new_lists.clone();
    let old_lists = s.old_lists.clone();
    // Where a heading standing before `before` in the new version goes.
    let position = |before: &Id| -> Option<Position> {
        let loc = new.locate(before)?;
        if added.contains(&loc.part) || loc.path.len() != 1 {
            return None;
        }
        let list = new.part(loc.part)?;
        let named = |id: &Id| old_of_new.get(id).and_then(|l| para_ref(old, l));
        // After the paragraph before it; after an inserted one, at the start of the place of
        // the next old paragraph (where the inserted paragraphs from the heading on go). Not
        // when only inserted paragraphs stand before it: they go to that place too.
        match loc.top() {
            0 => list.iter().find_map(|p| named(&p.id)).map(Position::Before),
            i if list[..i].iter().all(|p| named(&p.id).is_none()) => None,
            i => named(&list[i - 1].id).map(Position::After).or_else(|| {
                list[i..]
                    .iter()
                    .find_map(|p| named(&p.id))
                    .map(Position::Before)
            }),
        }
    };
    let new_heading = |h: &Heading| NewHeading {
        level: h.level,
        label: h.label.clone(),
        text: words(&g.new_plain(&h.heading)),
    };
    // A heading line must read back as written.
    let readable = |h: &NewHeading| {
        let line = crate::amend::render::heading_line(&h.label, &h.text);
        crate::amend::parse::heading_line(&line) == (h.label.clone(), h.text.clone())
    };
    let mut ops = Vec::new();
    let mut unwritten = Vec::new();
    let insert = |h: &Heading, ops: &mut Vec<Op>, unwritten: &mut Vec<String>| {
        let nh = new_heading(h);
        match position(&h.before) {
            Some(at) if readable(&nh) => ops.push(Op::InsertHeading { at, heading: nh }),
            _ => unwritten.push(format!(
                "the new heading “{}” cannot be placed or quoted",
                crate::amend::render::heading_line(&nh.label, &nh.text)
            )),
        }
    };
    for e in g.cmp.changes.iter().filter(|e| e.part == PartKind::Body) {
        let side_is_heading = |x: &Option<crate::compare::Side>| {
            x.as_ref().is_some_and(|x| x.label.starts_with("heading"))
        };
        if !side_is_heading(&e.old) && !side_is_heading(&e.new) {
            continue;
        }
        let oh = e.old.as_ref().and_then(|x| find(old, &x.id));
        let nh = e.new.as_ref().and_then(|x| find(new, &x.id));
        let gone = |h: &Heading| {
            old.locate(&h.before)
                .is_some_and(|l| old_lists.contains(&l.part))
        };
        match (oh, nh) {
            (Some(o), None) if gone(&o) => {}
            (Some(o), None) => match name(old, &o) {
                Some(r) => ops.push(Op::DeleteHeading(r)),
                None => unwritten.push(format!(
                    "the deleted heading “{}” has no label of its own to name it by",
                    words(&o.heading)
                )),
            },
            (None, Some(n)) => insert(&n, &mut ops, &mut unwritten),
            (Some(o), Some(n)) => {
                let Some(r) = name(old, &o) else {
                    if o.level != n.level || words(&o.heading) != words(&n.heading) {
                        unwritten.push(format!(
                            "the heading “{}” has no label of its own to name it by",
                            words(&o.heading)
                        ));
                    }
                    continue;
                };
                if o.level != n.level {
                    ops.push(Op::DeleteHeading(r));
                    insert(&n, &mut ops, &mut unwritten);
                    continue;
                }
                let stays = old_of_new
                    .get(&n.before)
                    .and_then(|l| old.at(l))
                    .is_some_and(|p| p.id == o.before);
                if !stays {
                    match position(&n.before) {
                        Some(to) => ops.push(Op::MoveHeading {
                            heading: r.clone(),
                            to,
                        }),
                        None => unwritten.push(format!(
                            "{} cannot be placed where it stands in the new text",
                            r.name()
                        )),
                    }
                }
                s.pairs.push((o, n));
            }
            (None, None) => {}
        }
    }
    s.ops.extend(ops);
    s.unwritten.extend(unwritten);
}
