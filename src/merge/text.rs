//! Three-way merge of one text by words, with the comparison's own word edits
//! ([`crate::compare::words::edits`]): the edits each side made to the base are laid side by
//! side; edits to different words both apply, the same edit on both sides applies once, and
//! edits on both sides to the same words (or insertions at the same place) that differ are
//! a conflict. A conflict takes our words in the merged text and records both versions.

use crate::compare::{Edit, Field, words};

/// A conflict inside a merged text: at byte `at` of the merged text stand `ours`, in place
/// of which the other side wrote `theirs`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextConflict {
    pub at: usize,
    pub ours: String,
    pub theirs: String,
}

/// A merged text and its conflicts (none for a clean merge).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub text: String,
    pub conflicts: Vec<TextConflict>,
}

/// Merges `ours` and `theirs`, both edited from `base`.
pub fn merge3(base: &str, ours: &str, theirs: &str) -> Merged {
    let clean = |text: &str| Merged {
        text: text.to_string(),
        conflicts: Vec::new(),
    };
    if ours == theirs || theirs == base {
        return clean(ours);
    }
    if ours == base {
        return clean(theirs);
    }
    let eo = words::edits(Field::Text, base, ours);
    let et = words::edits(Field::Text, base, theirs);
    // All edits in base order, tagged with their side (true: ours).
    let mut all: Vec<(bool, &Edit)> = eo
        .iter()
        .map(|e| (true, e))
        .chain(et.iter().map(|e| (false, e)))
        .collect();
    all.sort_by_key(|(side, e)| (e.at, e.at + e.deleted.len(), !*side));
    let span = |e: &Edit| (e.at, e.at + e.deleted.len());
    let overlaps = |a: (usize, usize), b: (usize, usize)| (a.0 < b.1 && b.0 < a.1) || a.0 == b.0;
    let mut out = String::with_capacity(base.len().max(ours.len()));
    let mut conflicts = Vec::new();
    let mut pos = 0;
    let mut i = 0;
    while i < all.len() {
        // A cluster: edits whose base spans overlap, transitively.
        let mut range = span(all[i].1);
        let mut j = i + 1;
        while j < all.len() && overlaps(range, span(all[j].1)) {
            let s = span(all[j].1);
            range = (range.0.min(s.0), range.1.max(s.1));
            j += 1;
        }
        let cluster = &all[i..j];
        out.push_str(&base[pos..range.0]);
        let version = |side: bool| {
            let mut s = String::new();
            let mut at = range.0;
            for (_, e) in cluster.iter().filter(|(x, _)| *x == side) {
                s.push_str(&base[at..e.at]);
                s.push_str(&e.inserted);
                at = e.at + e.deleted.len();
            }
            s.push_str(&base[at..range.1]);
            s
        };
        let has = |side: bool| cluster.iter().any(|(x, _)| *x == side);
        let (o, t) = (version(true), version(false));
        if !has(false) || o == t {
            out.push_str(&o);
        } else if !has(true) {
            out.push_str(&t);
        } else {
            // Spaces both versions share at either end are not part of the conflict.
            let (lead, trail) = shared_space(&o, &t);
            conflicts.push(TextConflict {
                at: out.len() + lead,
                ours: o[lead..o.len() - trail].to_string(),
                theirs: t[lead..t.len() - trail].to_string(),
            });
            out.push_str(&o);
        }
        pos = range.1;
        i = j;
    }
    out.push_str(&base[pos..]);
    Merged {
        text: out,
        conflicts,
    }
}

/// How many bytes of whitespace `a` and `b` share at their start and, of what is left, at
/// their end.
pub fn shared_space(a: &str, b: &str) -> (usize, usize) {
    fn run(x: impl Iterator<Item = char>, y: impl Iterator<Item = char>) -> usize {
        x.zip(y)
            .take_while(|(p, q)| p == q && p.is_whitespace())
            .map(|(p, _)| p.len_utf8())
            .sum()
    }
    let lead = run(a.chars(), b.chars());
    let trail = run(a[lead..].chars().rev(), b[lead..].chars().rev());
    (lead, trail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_to_different_words_merge() {
        let base = "Calls upon all States to strengthen cooperation and to share information;";
        let ours = "Calls upon Member States to strengthen cooperation and to share information;";
        let theirs = "Calls upon all States to strengthen cooperation and to exchange information;";
        let m = merge3(base, ours, theirs);
        assert!(m.conflicts.is_empty());
        assert_eq!(
            m.text,
            "Calls upon Member States to strengthen cooperation and to exchange information;"
        );
    }

    #[test]
    fn edits_to_the_same_words_conflict() {
        let base = "to strengthen cooperation";
        let m = merge3(base, "to enhance cooperation", "to deepen cooperation");
        assert_eq!(m.text, "to enhance cooperation");
        assert_eq!(
            m.conflicts,
            vec![TextConflict {
                at: 3,
                ours: "enhance".into(),
                theirs: "deepen".into()
            }]
        );
        // Spaces both sides keep around their words are not part of the conflict.
        let m = merge3(
            "eradication of extreme poverty",
            "eradication of absolute poverty",
            "eradication of all poverty",
        );
        assert_eq!(
            m.conflicts,
            vec![TextConflict {
                at: 15,
                ours: "absolute".into(),
                theirs: "all".into()
            }]
        );
        assert_eq!(shared_space(" a b ", " c "), (1, 1));
        assert_eq!(shared_space("  ", " "), (1, 0));
        // The same edit on both sides is no conflict.
        let same = merge3(base, "to enhance cooperation", "to enhance cooperation");
        assert!(same.conflicts.is_empty());
    }
}
