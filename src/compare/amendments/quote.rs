//! Quoting the changes of words of one place: word-level hunks between its old and new
//! plain texts (never a piece of a word or a number), each quoted with as little context as
//! makes the quotation unique in its paragraph, in the most natural wording (delete, insert
//! after/before, replace), and tried on the old text with the applying code: what does not
//! read back exactly is widened, merged with its neighbour, or left to a whole replacement.

use super::{MAX_CHANGES, MAX_CONTEXT, plain};
use crate::amend::Scope;
use crate::amend::TextOp;
use crate::amend::apply::Simulator;
use crate::amend::text::{is_superscript, is_word};
use crate::compare::Field;
use crate::compare::words;
use crate::model::Id;

/// A changed range: old bytes `oa..ob` of `o` became new bytes `na..nb` of `n`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Hunk {
    pub(super) oa: usize,
    pub(super) ob: usize,
    pub(super) na: usize,
    pub(super) nb: usize,
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
pub(super) fn hunks(o: &str, n: &str) -> Vec<Hunk> {
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
pub(super) struct Place<'s, 'a> {
    pub(super) sim: &'s mut Simulator<'a>,
    pub(super) scope: Scope,
    pub(super) old: String,
    pub(super) new: String,
    pub(super) old_marker: &'s dyn Fn(&Id) -> String,
    /// Replacements made in every place of a scope by one wide instruction (old, new).
    pub(super) wide: Vec<(String, String)>,
    /// The hunks those wide replacements cover here.
    pub(super) skip: Vec<Hunk>,
    /// The old text's characters as quotations are compared (worked out on first use).
    pub(super) old_chars: std::cell::OnceCell<Vec<char>>,
    /// The [`hunks`] of `old` and `new`, where they were found already.
    pub(super) hunks: Option<Vec<Hunk>>,
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
        use crate::amend::text::{canonical, find_in, normalise};
        // As `View::find` over the old text, its characters made canonical once per place.
        let chars = self
            .old_chars
            .get_or_init(|| self.old.chars().map(canonical).collect());
        find_in(chars, &normalise(q)).len() == 1
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
    pub(super) fn changes(&mut self) -> Option<Vec<TextOp>> {
        if self.old == self.new {
            return Some(Vec::new());
        }
        let mut hs = self
            .hunks
            .take()
            .unwrap_or_else(|| hunks(&self.old, &self.new));
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
