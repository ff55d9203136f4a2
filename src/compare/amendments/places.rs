//! What the writer of amendments knows of both versions: the footnote numbers of the old
//! one and the marks of the new one (an old number when a footnote pairs with an old one,
//! else `†`, `††` …), new paragraphs as plain quotation text, where an inserted or moved
//! paragraph goes (named by the old paragraphs around it), and the order in which the UN
//! numbers instructions (that of the text as issued).

use super::structure::paired;
use super::{para_ref, plain};
use crate::amend::locate::{frame_of, part_of};
use crate::amend::{Frame, HeadingRef, Op, ParaRef, PartRef, Position, Scope};
use crate::compare::{Comparison, Kind, PartKind};
use crate::markup;
use crate::model::{Document, Heading, Id, Location, Paragraph};
use crate::numbering;
use std::collections::HashMap;

/// What the generator knows of both versions.
pub(super) struct Gen<'a> {
    pub(super) old: &'a Document,
    pub(super) new: &'a Document,
    pub(super) cmp: &'a Comparison,
    pub(super) old_numbers: HashMap<Id, u32>,
    /// New footnote id → its mark in the amendment: the old number when it pairs with an
    /// old footnote, else `*`, `**` ….
    pub(super) new_marks: HashMap<Id, String>,
    pub(super) footnotes: Vec<(String, String)>,
}

pub(super) fn sup(n: u32) -> String {
    markup::superscript(n)
}

impl<'a> Gen<'a> {
    pub(super) fn new(old: &'a Document, new: &'a Document, cmp: &'a Comparison) -> Self {
        let old_numbers = numbering::footnote_numbers(old);
        let mut new_marks = HashMap::new();
        let mut footnotes = Vec::new();
        for e in cmp.changes.iter().filter(|e| e.part == PartKind::Footnote) {
            match (&e.old, &e.new) {
                (Some(o), Some(n)) => {
                    if let Some(num) = old_numbers.get(&o.id) {
                        new_marks.insert(n.id.clone(), sup(*num));
                    }
                }
                (None, Some(n)) => {
                    // Daggers, not the asterisks of real documents: a literal "*" of the text
                    // must not read as a mark.
                    let mark = "†".repeat(footnotes.len() + 1);
                    new_marks.insert(n.id.clone(), mark.clone());
                    footnotes.push((mark, plain(&n.text, &|_| String::new())));
                }
                _ => {}
            }
        }
        Gen {
            old,
            new,
            cmp,
            old_numbers,
            new_marks,
            footnotes,
        }
    }

    /// Whether a paragraph's lead and text, the same in both versions and without a
    /// footnote marker (whose number may differ), are sure to give the same plain text: then
    /// neither needs making plain to be compared.
    pub(super) fn reads_alike(old: (&str, &str), new: (&str, &str)) -> bool {
        old == new && !old.0.contains("[^") && !old.1.contains("[^")
    }

    pub(super) fn old_plain(&self, s: &str) -> String {
        let f = |id: &Id| {
            self.old_numbers
                .get(id)
                .map(|n| sup(*n))
                .unwrap_or_default()
        };
        plain(s, &f)
    }

    pub(super) fn new_plain(&self, s: &str) -> String {
        let f = |id: &Id| self.new_marks.get(id).cloned().unwrap_or_default();
        plain(s, &f)
    }

    /// A new paragraph subtree in plain quotation text.
    pub(super) fn new_subtree(&self, p: &Paragraph) -> Paragraph {
        Paragraph {
            id: Id::default(),
            lead: self.new_plain(&p.lead),
            text: self.new_plain(&p.text),
            list_style: p.list_style,
            subparagraphs: p
                .subparagraphs
                .iter()
                .map(|s| self.new_subtree(s))
                .collect(),
        }
    }

    /// Entries of paragraphs by their new location.
    pub(super) fn by_new_loc(&self) -> HashMap<Location, usize> {
        self.cmp
            .changes
            .iter()
            .enumerate()
            .filter(|(_, e)| e.is_paragraph())
            .filter_map(|(k, e)| Some((e.new.as_ref()?.location.clone()?, k)))
            .collect()
    }
}

/// Where the paragraph at new location `loc` goes, named by the old paragraphs around it in
/// the new version: after the nearest preceding one that is not inserted (unless
/// `before_only`: a heading stands between them), else before the nearest following one,
/// else at the end of its (old) parent or part.
pub(super) fn position_of(
    g: &Gen,
    by_loc: &HashMap<Location, usize>,
    loc: &Location,
    skip_moved_before: bool,
    before_only: bool,
) -> Option<Position> {
    let (last, parent) = loc.path.split_last()?;
    let sibling = |i: usize| Location {
        part: loc.part,
        path: parent.iter().copied().chain([i]).collect(),
    };
    let old_of = |l: &Location| -> Option<ParaRef> {
        let e = &g.cmp.changes[*by_loc.get(l)?];
        para_ref(g.old, e.old.as_ref()?.location.as_ref()?)
    };
    for i in (0..*last).rev().filter(|_| !before_only) {
        if let Some(r) = old_of(&sibling(i)) {
            return Some(Position::After(r));
        }
    }
    let n_siblings = if parent.is_empty() {
        g.new.part(loc.part).map_or(0, Vec::len)
    } else {
        g.new
            .at(&Location {
                part: loc.part,
                path: parent.to_vec(),
            })
            .map_or(0, |p| p.subparagraphs.len())
    };
    // A moved paragraph named by "precede" is never itself moved: paragraphs named by
    // "follow" stand earlier in the new order, so the anchors cannot form a cycle (the third
    // to follow the fifth, the fifth to precede the third) whatever the order they apply in.
    let moved = |l: &Location| {
        by_loc
            .get(l)
            .is_some_and(|&k| g.cmp.changes[k].kind == Kind::Moved)
    };
    for i in last + 1..n_siblings {
        let l = sibling(i);
        if skip_moved_before && moved(&l) {
            continue;
        }
        if let Some(r) = old_of(&l) {
            return Some(Position::Before(r));
        }
    }
    if matches!(loc.part, crate::model::Part::Section(_)) {
        return None;
    }
    let part = part_of(loc.part);
    if parent.is_empty() {
        // An empty list of the old version: its part or annex as issued (parts and annexes
        // pair by position).
        return Some(match loc.part {
            crate::model::Part::Preamble | crate::model::Part::Operative => {
                Position::EndOf(part, None)
            }
            p => Position::EndOfFrame(part, frame_of(g.old, p)?),
        });
    }
    let parent_old = old_of(&Location {
        part: loc.part,
        path: parent.to_vec(),
    })?;
    Some(Position::EndOf(part, Some(parent_old)))
}

/// The headings whose words changed, named by label in the old version: (scope, old text,
/// new text). Headings pair as the comparison pairs them (`pairs`: old, new); parts and
/// annexes by position. A heading with no label, or one whose label two headings share,
/// cannot be named and is left out (the writer says so). Parts and annexes from
/// `parts_from` and `annexes_from` on are deleted and added whole.
pub(super) fn heading_changes(
    old: &Document,
    new: &Document,
    pairs: &[(Heading, Heading)],
    (parts_from, annexes_from): (usize, usize),
) -> Vec<(Scope, String, String)> {
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    // Words put into an empty heading cannot be quoted.
    let changed = |o: &str, n: &str| !words(o).is_empty() && words(o) != words(n);
    let unique = |d: &Document, l: &str| d.headings.iter().filter(|h| h.label == l).count() == 1;
    let mut out = Vec::new();
    for (h, n) in pairs {
        if h.label.is_empty() || !unique(old, &h.label) {
            continue;
        }
        if changed(&h.heading, &n.heading) {
            let scope = Scope::Heading(HeadingRef::Section(h.label.clone()));
            out.push((scope, words(&h.heading), words(&n.heading)));
        }
    }
    for (k, (o, n)) in paired(&old.parts, &new.parts, parts_from) {
        let label = o.name(k);
        if old.headings.iter().any(|h| h.label == label) {
            continue;
        }
        if changed(&o.heading, &n.heading) {
            let scope = Scope::Heading(HeadingRef::Section(label));
            out.push((scope, words(&o.heading), words(&n.heading)));
        }
    }
    for (a, (o, n)) in paired(&old.annexes, &new.annexes, annexes_from) {
        if !changed(&o.title, &n.title) {
            continue;
        }
        let label = match frame_of(old, crate::model::Part::Annex(a)) {
            Some(Frame::Annex(l)) => l,
            _ => continue,
        };
        let scope = Scope::Heading(HeadingRef::Annex(label));
        out.push((scope, words(&o.title), words(&n.title)));
    }
    out
}

/// Where an instruction stands in the text as issued: wide changes and the title first,
/// then by list (the resolution's, then its parts' and annexes') and path (an insertion
/// after its anchor), footnotes last.
pub(super) type OrderKey = (u8, Option<Frame>, u8, Vec<usize>, u8);

pub(super) fn order_key(old: &Document, op: &Op) -> OrderKey {
    let part = |p: PartRef| match p {
        PartRef::Preamble => 2,
        PartRef::Operative => 3,
    };
    let at = |r: &ParaRef, k: u8| (1, r.frame.clone(), part(r.part), r.path.clone(), k);
    let first = (0, None, 0, Vec::new(), 0);
    match op {
        Op::Text { scopes, .. } => match scopes.first() {
            Some(Scope::Paragraph(r))
                if scopes.len() == 1 || !scopes.iter().any(Scope::is_wide) =>
            {
                at(r, 0)
            }
            Some(Scope::Footnote(n)) => (2, None, 0, vec![*n as usize], 0),
            _ => first,
        },
        Op::Delete(refs) => refs.first().map_or(first, |r| at(r, 0)),
        Op::Replace { target, .. } => at(target, 0),
        Op::Move { target, .. } => at(target, 0),
        // A heading where the paragraph it stands before is; a part or annex before its
        // paragraphs (deleted) or after everything (added).
        Op::DeleteHeading(h) | Op::MoveHeading { heading: h, .. } => {
            let before = old
                .headings
                .iter()
                .find(|x| matches!(h, HeadingRef::Section(l) if &x.label == l))
                .and_then(|x| old.locate(&x.before))
                .and_then(|l| para_ref(old, &l));
            before.map_or(first, |r| at(&r, 0))
        }
        Op::InsertHeading { at: pos, .. } => match pos {
            Position::After(r) => at(r, 1),
            Position::Before(r) => at(r, 0),
            _ => first,
        },
        Op::DeleteFrame(f) => (1, Some(f.clone()), 0, Vec::new(), 0),
        Op::AddFrame(_) => (3, None, 0, Vec::new(), 0),
        Op::Renumber => first,
        Op::Insert { at: pos, .. } => match pos {
            Position::After(r) => at(r, 1),
            Position::Before(r) => {
                let mut p = r.path.clone();
                if let Some(last) = p.last_mut() {
                    *last = last.saturating_sub(1);
                }
                (1, r.frame.clone(), part(r.part), p, 1)
            }
            Position::EndOf(pr, parent) => {
                let mut p = parent.as_ref().map_or(vec![usize::MAX], |r| r.path.clone());
                p.push(usize::MAX);
                let frame = parent.as_ref().and_then(|r| r.frame.clone());
                (1, frame, part(*pr), p, 1)
            }
            Position::EndOfFrame(pr, f) => (1, Some(f.clone()), part(*pr), vec![usize::MAX], 1),
        },
    }
}
