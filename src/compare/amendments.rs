//! The changes between two versions written as UN amendments to the old one, numbered, in
//! the wording of real amendment documents ("In the second preambular paragraph, insert “of
//! Ukraine” after “Chornobyl nuclear power plant”.", "Delete operative paragraphs 5 and 6.",
//! "After operative paragraph 4, insert two new operative paragraphs reading: …"). Places
//! are those of the old version as issued; header changes other than the title are not
//! amendments.
//!
//! Exact: every change of words is quoted in whole words, extended until the quotation is
//! found once in its paragraph, and tried on the old text with the same code that applies
//! amendments ([`crate::amend::apply::Simulator`]); what does not read back exactly is
//! written as a replacement of the whole paragraph. Parsing the result and applying it to
//! the old version gives the new one.

use super::words;
use super::{Comparison, Field, Kind, PartKind};
use crate::amend::apply::Simulator;
use crate::amend::text::{is_superscript, is_word};
use crate::amend::{Instruction, Op, ParaRef, PartRef, Position, Scope, TextOp};
use crate::markup;
use crate::model::{Document, Id, Location, Paragraph, Part};
use crate::numbering;
use crate::sanitize::sanitize_keep_newlines;
use std::collections::{HashMap, HashSet};

/// Below this word similarity a modified paragraph is replaced as a whole.
const REPLACE_BELOW: f32 = 0.5;
/// Above this many separate changes a modified paragraph is replaced as a whole.
const MAX_CHANGES: usize = 6;
/// How many words of context a quotation may take on each side.
const MAX_CONTEXT: usize = 12;

/// Amendments as instructions, with the new footnotes they define.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Amendments {
    pub instructions: Vec<Instruction>,
    pub footnotes: Vec<(String, String)>,
}

impl Amendments {
    /// The amendment text, ready to paste ("1. In …"); empty when nothing changed.
    pub fn text(&self) -> String {
        if self.instructions.is_empty() {
            return String::new();
        }
        let t = crate::amend::render(&self.instructions, &self.footnotes);
        sanitize_keep_newlines(&t).into_owned() + "\n"
    }
}

/// Plain text of marked-up text, markers written by `marker`, spaces collapsed.
fn plain(s: &str, marker: &dyn Fn(&Id) -> String) -> String {
    let r = markup::render(s, marker);
    r.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn part_ref(part: Part) -> Option<PartRef> {
    match part {
        Part::Preamble => Some(PartRef::Preamble),
        Part::Operative => Some(PartRef::Operative),
        // Report sections, resolution parts and annexes are not amended here.
        _ => None,
    }
}

fn para_ref(loc: &Location) -> Option<ParaRef> {
    Some(ParaRef::new(
        part_ref(loc.part)?,
        loc.path.iter().map(|i| i + 1).collect(),
    ))
}

/// A changed range: old bytes `oa..ob` of `o` became new bytes `na..nb` of `n`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Hunk {
    oa: usize,
    ob: usize,
    na: usize,
    nb: usize,
}

fn prev_char(s: &str, i: usize) -> Option<char> {
    s[..i].chars().next_back()
}
fn next_char(s: &str, i: usize) -> Option<char> {
    s[i..].chars().next()
}

/// Whether byte `i` of `s` stands inside a word (between two word characters).
fn inside_word(s: &str, i: usize) -> bool {
    matches!((prev_char(s, i), next_char(s, i)), (Some(a), Some(b)) if is_word(a) && is_word(b))
}

/// The word-level hunks between two plain texts.
fn hunks(o: &str, n: &str) -> Vec<Hunk> {
    let mut out: Vec<Hunk> = Vec::new();
    let mut shift: isize = 0;
    for e in words::edits(Field::Text, o, n) {
        let na = (e.at as isize + shift) as usize;
        shift += e.inserted.len() as isize - e.deleted.len() as isize;
        let mut h = Hunk {
            oa: e.at,
            ob: e.at + e.deleted.len(),
            na,
            nb: na + e.inserted.len(),
        };
        // Never a piece of a word or number.
        while h.oa > 0 && (inside_word(o, h.oa) || inside_word(n, h.na)) {
            let c = prev_char(o, h.oa).map_or(1, char::len_utf8);
            h.oa -= c;
            h.na -= c;
        }
        while h.ob < o.len() && (inside_word(o, h.ob) || inside_word(n, h.nb)) {
            let c = next_char(o, h.ob).map_or(1, char::len_utf8);
            h.ob += c;
            h.nb += c;
        }
        match out.last_mut() {
            Some(last) if last.ob >= h.oa => {
                last.ob = last.ob.max(h.ob);
                last.nb = last.nb.max(h.nb);
            }
            _ => out.push(h),
        }
    }
    out
}

/// One step of context: the byte before the previous word (left) or after the next word.
fn widen_left(s: &str, mut i: usize) -> usize {
    while i > 0 && !prev_char(s, i).is_some_and(is_word_like) {
        i -= prev_char(s, i).map_or(1, char::len_utf8);
    }
    while i > 0 && prev_char(s, i).is_some_and(is_word_like) {
        i -= prev_char(s, i).map_or(1, char::len_utf8);
    }
    i
}
fn widen_right(s: &str, mut i: usize) -> usize {
    while i < s.len() && !next_char(s, i).is_some_and(is_word_like) {
        i += next_char(s, i).map_or(1, char::len_utf8);
    }
    while i < s.len() && next_char(s, i).is_some_and(is_word_like) {
        i += next_char(s, i).map_or(1, char::len_utf8);
    }
    i
}

fn is_word_like(c: char) -> bool {
    is_word(c) || is_superscript(c)
}

/// Whether a text can stand between “ and ”: its own quotation marks are balanced.
fn balanced(s: &str) -> bool {
    let mut depth = 0i32;
    for c in s.chars() {
        match c {
            '“' => depth += 1,
            '”' => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            _ => {}
        }
    }
    depth == 0
}

/// Whether every quotation of a change can be written and read back.
fn quotable(op: &TextOp) -> bool {
    match op {
        TextOp::Delete(x) => balanced(x),
        TextOp::Replace { old, new } => balanced(old) && balanced(new),
        TextOp::InsertAfter { anchor, text } | TextOp::InsertBefore { anchor, text } => {
            balanced(anchor) && balanced(text)
        }
    }
}

/// The text of one place, old and new, with what the simulator needs.
struct Place<'s, 'a> {
    sim: &'s mut Simulator<'a>,
    scope: Scope,
    old: String,
    new: String,
    old_marker: &'s dyn Fn(&Id) -> String,
    /// Replacements made in every place of a scope by one wide instruction (old, new).
    wide: Vec<(String, String)>,
    /// The hunks those wide replacements cover here.
    skip: Vec<Hunk>,
}

impl Place<'_, '_> {
    /// The old text from `a` to `b` with the hunks inside applied.
    fn rewrite(&self, a: usize, b: usize, hs: &[Hunk]) -> String {
        let mut hs: Vec<&Hunk> = hs.iter().filter(|h| h.oa >= a && h.ob <= b).collect();
        hs.sort_by_key(|h| h.oa);
        let mut out = String::new();
        let mut pos = a;
        for h in hs {
            if h.oa < pos {
                continue;
            }
            out.push_str(&self.old[pos..h.oa]);
            out.push_str(&self.new[h.na..h.nb]);
            pos = h.ob;
        }
        out.push_str(&self.old[pos..b]);
        out
    }

    /// The skip hunks and `h`.
    fn with_skip(&self, h: &Hunk) -> Vec<Hunk> {
        let mut v = self.skip.clone();
        v.push(*h);
        v
    }

    /// The text of the place (as the new version's plain text) after the changes, if they
    /// apply.
    fn result(&mut self, ops: &[TextOp]) -> Option<String> {
        let mut with: Vec<(TextOp, bool)> = ops.iter().map(|o| (o.clone(), false)).collect();
        for (old, new) in &self.wide {
            with.push((
                TextOp::Replace {
                    old: old.clone(),
                    new: new.clone(),
                },
                true,
            ));
        }
        let m = self.sim.text(&self.scope, &with).ok()?;
        let sim = &*self.sim;
        let marker = |id: &Id| match sim.mark_of(id) {
            Some(mark) => mark.to_string(),
            None => (self.old_marker)(id),
        };
        Some(plain(&m, &marker))
    }

    /// The old text with one hunk applied (what one change must give).
    fn expected(&self, h: &Hunk) -> String {
        let s = self.rewrite(0, self.old.len(), &self.with_skip(h));
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// Whether a quotation can stand: it holds a word and is found once.
    fn unique(&self, q: &str) -> bool {
        if !q.chars().any(is_word) {
            return false;
        }
        let v = crate::amend::text::View {
            chars: self.old.chars().collect(),
            spans: Vec::new(),
        };
        v.find(q).len() == 1
    }

    /// The change for one hunk, in the most natural wording that reads back exactly; the
    /// hunk may be widened (returned) when the changes of two hunks would touch.
    fn change(&mut self, h: &Hunk) -> Option<(TextOp, (usize, usize))> {
        let want = self.expected(h);
        let del = self.old[h.oa..h.ob].trim().to_string();
        let ins = self.new[h.na..h.nb].trim().to_string();
        let try_op = |me: &mut Self, op: TextOp| {
            quotable(&op) && me.result(std::slice::from_ref(&op)) == Some(want.clone())
        };
        // Natural forms first, with as little context as makes them unique.
        if !del.is_empty() && ins.is_empty() && self.unique(&del) {
            let op = TextOp::Delete(del.clone());
            if try_op(self, op.clone()) {
                return Some((op, (h.oa, h.ob)));
            }
        }
        if del.is_empty() && !ins.is_empty() {
            let mut qa = h.oa;
            for _ in 0..MAX_CONTEXT {
                qa = widen_left(&self.old, qa);
                let anchor = self.old[qa..h.oa].trim().to_string();
                if anchor.is_empty() || qa == 0 && anchor.is_empty() {
                    break;
                }
                if self.unique(&anchor) {
                    let op = TextOp::InsertAfter {
                        anchor,
                        text: ins.clone(),
                    };
                    if try_op(self, op.clone()) {
                        return Some((op, (qa, h.ob)));
                    }
                    break;
                }
                if qa == 0 {
                    break;
                }
            }
            let mut qb = h.ob;
            for _ in 0..MAX_CONTEXT {
                qb = widen_right(&self.old, qb);
                let anchor = self.old[h.ob..qb].trim().to_string();
                if anchor.is_empty() {
                    break;
                }
                if self.unique(&anchor) {
                    let op = TextOp::InsertBefore {
                        anchor,
                        text: ins.clone(),
                    };
                    if try_op(self, op.clone()) {
                        return Some((op, (h.oa, qb)));
                    }
                    break;
                }
                if qb == self.old.len() {
                    break;
                }
            }
        }
        // Replacement (or deletion) with context widened a word at a time on each side.
        let (mut qa, mut qb) = (h.oa, h.ob);
        for step in 0..=2 * MAX_CONTEXT {
            let q = self.old[qa..qb].trim().to_string();
            if !q.is_empty() && self.unique(&q) {
                let r = self.rewrite(qa, qb, &self.with_skip(h));
                let r = r.split_whitespace().collect::<Vec<_>>().join(" ");
                let op = if r.is_empty() {
                    TextOp::Delete(q)
                } else {
                    TextOp::Replace { old: q, new: r }
                };
                if try_op(self, op.clone()) {
                    return Some((op, (qa, qb)));
                }
            }
            if qa == 0 && qb == self.old.len() {
                break;
            }
            if (step % 2 == 0 && qb < self.old.len()) || qa == 0 {
                qb = widen_right(&self.old, qb);
            } else {
                qa = widen_left(&self.old, qa);
            }
        }
        None
    }

    /// The changes of words turning the old text into the new one, or `None` when the place
    /// is better (or only) replaced as a whole.
    fn changes(&mut self) -> Option<Vec<TextOp>> {
        if self.old == self.new {
            return Some(Vec::new());
        }
        let mut hs = hunks(&self.old, &self.new);
        let covered = |h: &Hunk| {
            self.wide
                .iter()
                .any(|(a, b)| self.old[h.oa..h.ob].trim() == a && self.new[h.na..h.nb].trim() == b)
        };
        self.skip = hs.iter().filter(|h| covered(h)).copied().collect();
        hs.retain(|h| !covered(h));
        if hs.is_empty() {
            let want = self.new.split_whitespace().collect::<Vec<_>>().join(" ");
            return (self.result(&[]) == Some(want)).then_some(Vec::new());
        }
        self.run(hs.clone(), false).or_else(|| self.run(hs, true))
    }

    /// The changes for the hunks; quotations that overlap (or, with `merge_touching`, that
    /// touch) make one change over both hunks.
    fn run(&mut self, mut hs: Vec<Hunk>, merge_touching: bool) -> Option<Vec<TextOp>> {
        'again: loop {
            if hs.len() > MAX_CHANGES {
                return None;
            }
            let mut out: Vec<(TextOp, (usize, usize))> = Vec::new();
            for (k, h) in hs.iter().enumerate() {
                let (op, span) = self.change(h)?;
                // Quotations of two changes that touch: one change over both.
                if let Some((_, prev)) = out.last()
                    && (prev.1 > span.0 || (merge_touching && prev.1 == span.0))
                {
                    let a = hs[k - 1];
                    hs[k - 1] = Hunk {
                        oa: a.oa,
                        ob: h.ob,
                        na: a.na,
                        nb: h.nb,
                    };
                    hs.remove(k);
                    continue 'again;
                }
                out.push((op, span));
            }
            let ops: Vec<TextOp> = out.into_iter().map(|(o, _)| o).collect();
            let want = self.new.split_whitespace().collect::<Vec<_>>().join(" ");
            return (self.result(&ops) == Some(want)).then_some(ops);
        }
    }
}

/// What the generator knows of both versions.
struct Gen<'a> {
    new: &'a Document,
    cmp: &'a Comparison,
    old_numbers: HashMap<Id, u32>,
    /// New footnote id → its mark in the amendment: the old number when it pairs with an
    /// old footnote, else `*`, `**` ….
    new_marks: HashMap<Id, String>,
    footnotes: Vec<(String, String)>,
}

fn sup(n: u32) -> String {
    markup::superscript(n)
}

impl<'a> Gen<'a> {
    fn new(old: &'a Document, new: &'a Document, cmp: &'a Comparison) -> Self {
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
            new,
            cmp,
            old_numbers,
            new_marks,
            footnotes,
        }
    }

    fn old_plain(&self, s: &str) -> String {
        let f = |id: &Id| {
            self.old_numbers
                .get(id)
                .map(|n| sup(*n))
                .unwrap_or_default()
        };
        plain(s, &f)
    }

    fn new_plain(&self, s: &str) -> String {
        let f = |id: &Id| self.new_marks.get(id).cloned().unwrap_or_default();
        plain(s, &f)
    }

    /// A new paragraph subtree in plain quotation text.
    fn new_subtree(&self, p: &Paragraph) -> Paragraph {
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
    fn by_new_loc(&self) -> HashMap<Location, usize> {
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
/// the new version: after the nearest preceding one that is not inserted, else before the
/// nearest following one, else at the end of its (old) parent or part.
fn position_of(
    g: &Gen,
    by_loc: &HashMap<Location, usize>,
    loc: &Location,
    skip_moved_before: bool,
) -> Option<Position> {
    let (last, parent) = loc.path.split_last()?;
    let sibling = |i: usize| Location {
        part: loc.part,
        path: parent.iter().copied().chain([i]).collect(),
    };
    let old_of = |l: &Location| -> Option<ParaRef> {
        let e = &g.cmp.changes[*by_loc.get(l)?];
        para_ref(e.old.as_ref()?.location.as_ref()?)
    };
    for i in (0..*last).rev() {
        if let Some(r) = old_of(&sibling(i)) {
            return Some(Position::After(r));
        }
    }
    let _ = skip_moved_before;
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
    for i in last + 1..n_siblings {
        if let Some(r) = old_of(&sibling(i)) {
            return Some(Position::Before(r));
        }
    }
    let part = part_ref(loc.part)?;
    if parent.is_empty() {
        return Some(Position::EndOf(part, None));
    }
    let parent_old = old_of(&Location {
        part: loc.part,
        path: parent.to_vec(),
    })?;
    Some(Position::EndOf(part, Some(parent_old)))
}

/// Where an instruction stands in the text as issued: wide changes and the title first,
/// then by part and path (an insertion after its anchor), footnotes last.
fn order_key(op: &Op) -> (u8, u8, Vec<usize>, u8) {
    let part = |p: PartRef| match p {
        PartRef::Preamble => 2,
        PartRef::Operative => 3,
    };
    let at = |r: &ParaRef, k: u8| (1, part(r.part), r.path.clone(), k);
    match op {
        Op::Text { scopes, .. } => match scopes.first() {
            Some(Scope::Paragraph(r))
                if scopes.len() == 1 || !scopes.iter().any(Scope::is_wide) =>
            {
                at(r, 0)
            }
            Some(Scope::Footnote(n)) => (2, 0, vec![*n as usize], 0),
            _ => (0, 0, Vec::new(), 0),
        },
        Op::Delete(refs) => refs.first().map_or((0, 0, Vec::new(), 0), |r| at(r, 0)),
        Op::Replace { target, .. } => at(target, 0),
        Op::Move { target, .. } => at(target, 0),
        Op::Insert { at: pos, .. } => match pos {
            Position::After(r) => at(r, 1),
            Position::Before(r) => {
                let mut p = r.path.clone();
                if let Some(last) = p.last_mut() {
                    *last = last.saturating_sub(1);
                }
                (1, part(r.part), p, 1)
            }
            Position::EndOf(pr, parent) => {
                let mut p = parent.as_ref().map_or(vec![usize::MAX], |r| r.path.clone());
                p.push(usize::MAX);
                (1, part(*pr), p, 1)
            }
        },
    }
}

/// A replacement made everywhere in some scopes: old words, new words, the scopes.
type Wide = (String, String, Vec<Scope>);

/// The wide replacements that apply to a place.
fn wide_in(wide: &[Wide], place: &Scope) -> Vec<(String, String)> {
    let part = match place {
        Scope::Paragraph(r) => Some(match r.part {
            PartRef::Preamble => Scope::Preamble,
            PartRef::Operative => Scope::Operative,
        }),
        Scope::Title => Some(Scope::Title),
        _ => None,
    };
    wide.iter()
        .filter(|(_, _, scopes)| part.as_ref().is_some_and(|p| scopes.contains(p)))
        .map(|(a, b, _)| (a.clone(), b.clone()))
        .collect()
}

/// Replacements of the same words made at every occurrence in the title, the preamble or
/// the operative part, in at least two places: one instruction ("Replace “Chernobyl” with
/// “Chornobyl” in the title, the preambular paragraphs and the operative paragraphs.").
fn wide_changes(g: &Gen, old: &Document, new: &Document, cmp: &Comparison) -> Vec<Wide> {
    // Per scope, the kept places: (old text, new text).
    let mut places: Vec<(Scope, String, String)> = Vec::new();
    for e in &cmp.changes {
        if e.part == PartKind::Header && e.field.as_deref() == Some("title") {
            if let (Some(o), Some(n)) = (&e.old, &e.new) {
                let f = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
                places.push((Scope::Title, f(&o.text), f(&n.text)));
            }
            continue;
        }
        if !e.is_paragraph() || e.similarity < REPLACE_BELOW {
            continue;
        }
        let (Some(ol), Some(nl)) = (
            e.old.as_ref().and_then(|s| s.location.as_ref()),
            e.new.as_ref().and_then(|s| s.location.as_ref()),
        ) else {
            continue;
        };
        let (Some(op), Some(np)) = (old.at(ol), new.at(nl)) else {
            continue;
        };
        let scope = match ol.part {
            Part::Preamble => Scope::Preamble,
            Part::Operative => Scope::Operative,
            _ => continue,
        };
        places.push((
            scope,
            g.old_plain(&op.full_text()),
            g.new_plain(&np.full_text()),
        ));
    }
    let mut counts: HashMap<(String, String), usize> = HashMap::new();
    let mut per_place: Vec<Vec<(String, String)>> = Vec::new();
    for (_, o, n) in &places {
        let v: Vec<(String, String)> = hunks(o, n)
            .into_iter()
            .map(|h| {
                (
                    o[h.oa..h.ob].trim().to_string(),
                    n[h.na..h.nb].trim().to_string(),
                )
            })
            .filter(|(a, b)| !a.is_empty() && !b.is_empty() && a.chars().any(is_word))
            .collect();
        for k in &v {
            *counts.entry(k.clone()).or_default() += 1;
        }
        per_place.push(v);
    }
    let mut out: Vec<Wide> = Vec::new();
    let mut keys: Vec<(String, String)> = counts
        .into_iter()
        .filter(|(_, c)| *c >= 3)
        .map(|(k, _)| k)
        .collect();
    keys.sort();
    for (a, b) in keys {
        let mut scopes = Vec::new();
        let mut places_hit = 0;
        for scope in [Scope::Title, Scope::Preamble, Scope::Operative] {
            let mut hit = 0;
            let mut ok = true;
            for (k, (s, o, _)) in places.iter().enumerate() {
                if *s != scope {
                    continue;
                }
                let v = crate::amend::text::View {
                    chars: o.chars().collect(),
                    spans: Vec::new(),
                };
                let occurrences = v.find(&a).len();
                let changed = per_place[k].iter().filter(|x| x.0 == a && x.1 == b).count();
                if occurrences != changed {
                    ok = false;
                    break;
                }
                if changed > 0 {
                    hit += 1;
                }
            }
            if ok && hit > 0 {
                scopes.push(scope);
                places_hit += hit;
            }
        }
        // Words that another wide replacement already changes are left to that one.
        let clash = out
            .iter()
            .any(|(x, _, _)| x.contains(&a) || a.contains(x.as_str()));
        if places_hit >= 2 && !clash {
            out.push((a, b, scopes));
        }
    }
    out
}

/// The amendments turning `old` into `new` (`cmp` is their comparison).
pub fn amendments(old: &Document, new: &Document, cmp: &Comparison) -> Amendments {
    let g = Gen::new(old, new, cmp);
    let wide = wide_changes(&g, old, new, cmp);
    let by_loc = g.by_new_loc();
    let mut sim = Simulator::new(old, g.footnotes.clone());
    let old_marker = |id: &Id| g.old_numbers.get(id).map(|n| sup(*n)).unwrap_or_default();

    // Changes of words per place, in reading order: (scope, changes).
    let mut words: Vec<(Scope, Vec<TextOp>)> = Vec::new();
    let mut deletes: Vec<ParaRef> = Vec::new();
    let mut structural: Vec<Op> = Vec::new();
    // Old and new locations covered by a whole-paragraph replacement or a deleted/inserted
    // subtree.
    let mut covered_old: Vec<Location> = Vec::new();
    let mut covered_new: Vec<Location> = Vec::new();
    let under = |list: &[Location], l: &Location| {
        list.iter()
            .any(|c| c.part == l.part && l.path.len() > c.path.len() && l.path.starts_with(&c.path))
    };
    let mut inserted_done: HashSet<Location> = HashSet::new();

    for e in &cmp.changes {
        if e.part == PartKind::Header {
            if e.field.as_deref() == Some("title")
                && let (Some(o), Some(n)) = (&e.old, &e.new)
                && o.text != n.text
            {
                let mut p = Place {
                    sim: &mut sim,
                    scope: Scope::Title,
                    old: o.text.split_whitespace().collect::<Vec<_>>().join(" "),
                    new: n.text.split_whitespace().collect::<Vec<_>>().join(" "),
                    old_marker: &old_marker,
                    wide: wide_in(&wide, &Scope::Title),
                    skip: Vec::new(),
                };
                if let Some(ops) = p.changes() {
                    if !ops.is_empty() {
                        words.push((Scope::Title, ops));
                    }
                } else {
                    words.push((
                        Scope::Title,
                        vec![TextOp::Replace {
                            old: p.old.clone(),
                            new: p.new.clone(),
                        }],
                    ));
                }
            }
            continue;
        }
        if e.part == PartKind::Footnote {
            if let (Some(o), Some(n)) = (&e.old, &e.new)
                && let Some(num) = g.old_numbers.get(&o.id)
            {
                let (ot, nt) = (g.old_plain(&o.text), g.new_plain(&n.text));
                if ot != nt {
                    let scope = Scope::Footnote(*num);
                    let mut p = Place {
                        sim: &mut sim,
                        scope: scope.clone(),
                        old: ot.clone(),
                        new: nt.clone(),
                        old_marker: &old_marker,
                        wide: Vec::new(),
                        skip: Vec::new(),
                    };
                    let ops = p.changes().unwrap_or_else(|| {
                        vec![TextOp::Replace {
                            old: ot.clone(),
                            new: nt.clone(),
                        }]
                    });
                    words.push((scope, ops));
                }
            }
            continue;
        }
        if !e.is_paragraph() {
            continue;
        }
        let oloc = e.old.as_ref().and_then(|s| s.location.clone());
        let nloc = e.new.as_ref().and_then(|s| s.location.clone());
        if oloc.as_ref().is_some_and(|l| under(&covered_old, l))
            || nloc.as_ref().is_some_and(|l| under(&covered_new, l))
        {
            continue;
        }
        match (e.kind, &oloc, &nloc) {
            (Kind::Deleted, Some(ol), _) => {
                if let Some(r) = para_ref(ol) {
                    deletes.push(r);
                }
                covered_old.push(ol.clone());
            }
            (Kind::Inserted, _, Some(nl)) => {
                covered_new.push(nl.clone());
                if inserted_done.contains(nl) {
                    continue;
                }
                let Some(at) = position_of(&g, &by_loc, nl, false) else {
                    continue;
                };
                // The run of inserted siblings that follows goes in the same instruction.
                let (last, parent) = nl.path.split_last().unwrap_or((&0, &[]));
                let mut paragraphs = Vec::new();
                let mut i = *last;
                loop {
                    let l = Location {
                        part: nl.part,
                        path: parent.iter().copied().chain([i]).collect(),
                    };
                    let Some(k) = by_loc.get(&l) else { break };
                    if cmp.changes[*k].kind != Kind::Inserted {
                        break;
                    }
                    let Some(p) = new.at(&l) else { break };
                    paragraphs.push(g.new_subtree(p));
                    covered_new.push(l.clone());
                    inserted_done.insert(l);
                    i += 1;
                }
                structural.push(Op::Insert { at, paragraphs });
            }
            (
                Kind::Moved | Kind::Modified | Kind::Renumbered | Kind::Unchanged,
                Some(ol),
                Some(nl),
            ) => {
                let (Some(op), Some(np)) = (old.at(ol), new.at(nl)) else {
                    continue;
                };
                let Some(target) = para_ref(ol) else { continue };
                let ot = g.old_plain(&op.full_text());
                let nt = g.new_plain(&np.full_text());
                let mut ops = Some(Vec::new());
                if ot != nt {
                    let similar = e.similarity >= REPLACE_BELOW || e.kind == Kind::Renumbered;
                    let mut p = Place {
                        sim: &mut sim,
                        scope: Scope::Paragraph(target.clone()),
                        old: ot,
                        new: nt,
                        old_marker: &old_marker,
                        wide: wide_in(&wide, &Scope::Paragraph(target.clone())),
                        skip: Vec::new(),
                    };
                    ops = if similar { p.changes() } else { None };
                }
                let restyled = op.list_style != np.list_style;
                match ops {
                    Some(ops) if !restyled => {
                        if !ops.is_empty() {
                            words.push((Scope::Paragraph(target.clone()), ops));
                        }
                        if e.kind == Kind::Moved
                            && let Some(to) = position_of(&g, &by_loc, nl, true)
                        {
                            structural.push(Op::Move {
                                target: target.clone(),
                                to,
                            });
                        }
                    }
                    _ => {
                        covered_old.push(ol.clone());
                        covered_new.push(nl.clone());
                        if e.kind == Kind::Moved
                            && let Some(to) = position_of(&g, &by_loc, nl, true)
                        {
                            structural.push(Op::Move {
                                target: target.clone(),
                                to,
                            });
                        }
                        structural.push(Op::Replace {
                            target,
                            paragraphs: vec![g.new_subtree(np)],
                        });
                    }
                }
            }
            _ => {}
        }
    }

    // Instructions: changes of words in reading order, the same changes in several places
    // of one part as one instruction; then deletions per part; then the rest.
    let mut groups: Vec<Vec<Op>> = Vec::new();
    let mut push = |ops: Vec<Op>| groups.push(ops);
    let kind_of = |s: &Scope| match s {
        Scope::Paragraph(r) => Some(r.part),
        _ => None,
    };
    for (a, b, scopes) in &wide {
        push(vec![Op::Text {
            scopes: scopes.clone(),
            op: TextOp::Replace {
                old: a.clone(),
                new: b.clone(),
            },
        }]);
    }
    let mut used = vec![false; words.len()];
    for k in 0..words.len() {
        if used[k] {
            continue;
        }
        used[k] = true;
        let mut scopes = vec![words[k].0.clone()];
        if kind_of(&words[k].0).is_some() {
            for j in k + 1..words.len() {
                if !used[j]
                    && words[j].1 == words[k].1
                    && kind_of(&words[j].0) == kind_of(&words[k].0)
                {
                    used[j] = true;
                    scopes.push(words[j].0.clone());
                }
            }
        }
        let ops = words[k]
            .1
            .iter()
            .map(|op| Op::Text {
                scopes: scopes.clone(),
                op: op.clone(),
            })
            .collect();
        push(ops);
    }
    for part in [PartRef::Preamble, PartRef::Operative] {
        let refs: Vec<ParaRef> = deletes.iter().filter(|r| r.part == part).cloned().collect();
        if !refs.is_empty() {
            push(vec![Op::Delete(refs)]);
        }
    }
    for op in structural {
        push(vec![op]);
    }
    // In the order of the text as issued, as the UN numbers them.
    groups.sort_by_key(|ops| ops.first().map(order_key));
    let instructions = groups
        .into_iter()
        .enumerate()
        .map(|(k, ops)| {
            let mut ins = Instruction {
                number: k as u32 + 1,
                ops,
                wording: String::new(),
            };
            ins.wording = crate::amend::render::sentence(&ins).0;
            ins
        })
        .collect();
    Amendments {
        instructions,
        footnotes: g.footnotes,
    }
}
