//! The order of one merged list (paragraphs of a part, sub-paragraphs of a paragraph, parts,
//! annexes, sections), by id.
//!
//! The items neither side moved nor inserted form the skeleton, in the base order (found
//! with `similar`'s longest common subsequence of each side against the base: an item off
//! that subsequence was moved on that side). Every other item belongs to the side that
//! placed it — the side that inserted or moved it (ours when both did) — and stands after
//! the skeleton item it follows on that side. When both sides placed items after the same
//! skeleton item, the two groups are ordered by a key of their first item, so that the
//! merge does not depend on which side is "ours".

use crate::model::Id;
use similar::{Algorithm, DiffTag, capture_diff_slices};
use std::collections::{HashMap, HashSet};

/// Which side an item of the merge comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    Ours,
    Theirs,
}

/// The ids of `list` (a side) that keep their base order: those on the longest common
/// subsequence with `base`.
fn unmoved(base: &[Id], list: &[Id]) -> HashSet<Id> {
    let in_list: HashSet<&Id> = list.iter().collect();
    let in_base: HashSet<&Id> = base.iter().collect();
    let b: Vec<&Id> = base.iter().filter(|i| in_list.contains(i)).collect();
    let l: Vec<&Id> = list.iter().filter(|i| in_base.contains(i)).collect();
    let mut out = HashSet::new();
    for op in capture_diff_slices(Algorithm::Myers, &b, &l) {
        if op.tag() == DiffTag::Equal {
            for i in op.old_range() {
                out.insert(b[i].clone());
            }
        }
    }
    out
}

/// The merged order of the ids in `keep` (the items this list holds in the merge), from the
/// list as it is in the base and on each side. `key` orders groups placed by both sides
/// after the same item.
pub fn merge_order(
    base: &[Id],
    ours: &[Id],
    theirs: &[Id],
    keep: &HashSet<Id>,
    key: &dyn Fn(&Id) -> String,
) -> Vec<Id> {
    let (uo, ut) = (unmoved(base, ours), unmoved(base, theirs));
    let (so, st): (HashSet<&Id>, HashSet<&Id>) = (ours.iter().collect(), theirs.iter().collect());
    let skeleton: Vec<&Id> = base
        .iter()
        .filter(|i| keep.contains(*i) && uo.contains(*i) && ut.contains(*i))
        .collect();
    let is_skeleton: HashSet<&Id> = skeleton.iter().copied().collect();
    let in_base: HashSet<&Id> = base.iter().collect();
    let owner = |i: &Id| -> Side {
        match (so.contains(i), st.contains(i)) {
            (true, true) if in_base.contains(i) && uo.contains(i) => Side::Theirs,
            (true, _) => Side::Ours,
            _ => Side::Theirs,
        }
    };
    // Groups after each skeleton item (None: at the start), per side, in that side's order.
    let mut groups: HashMap<(Option<Id>, Side), Vec<&Id>> = HashMap::new();
    let mut placed: HashSet<&Id> = HashSet::new();
    for (side, list) in [(Side::Ours, ours), (Side::Theirs, theirs)] {
        let mut anchor: Option<&Id> = None;
        for i in list {
            if is_skeleton.contains(i) {
                anchor = Some(i);
                continue;
            }
            if keep.contains(i) && owner(i) == side && placed.insert(i) {
                groups.entry((anchor.cloned(), side)).or_default().push(i);
            }
        }
    }
    let mut out = Vec::with_capacity(keep.len());
    let mut emit = |anchor: Option<&Id>, out: &mut Vec<Id>| {
        let mut take = |side| groups.remove(&(anchor.cloned(), side)).unwrap_or_default();
        let o = take(Side::Ours);
        let t = take(Side::Theirs);
        let (first, second) = match (o.first(), t.first()) {
            (Some(a), Some(b)) if (key(b), b.as_str()) < (key(a), a.as_str()) => (t, o),
            _ => (o, t),
        };
        out.extend(first.into_iter().chain(second).cloned());
    };
    emit(None, &mut out);
    for s in &skeleton {
        out.push((*s).clone());
        emit(Some(s), &mut out);
    }
    // Items kept that neither side's list places here (resurrected from a side that moved
    // them elsewhere) come last, in a stable order.
    let have: HashSet<Id> = out.iter().cloned().collect();
    let mut rest: Vec<&Id> = keep.iter().filter(|i| !have.contains(*i)).collect();
    rest.sort();
    out.extend(rest.into_iter().cloned());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(s: &str) -> Vec<Id> {
        s.split_whitespace().map(Id::new).collect()
    }

    fn merged(b: &str, o: &str, t: &str, keep: &str) -> String {
        let keep: HashSet<Id> = ids(keep).into_iter().collect();
        let r = merge_order(&ids(b), &ids(o), &ids(t), &keep, &|i| i.to_string());
        r.iter().map(|i| i.as_str()).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn insertions_and_moves_on_both_sides() {
        assert_eq!(
            merged("a b c d", "a x b c d", "a b c y d", "a b c d x y"),
            "a x b c y d"
        );
        // Ours moves d to the front, theirs inserts after b.
        assert_eq!(
            merged("a b c d", "d a b c", "a b y c d", "a b c d y"),
            "d a b y c"
        );
        // A deletion (c is not kept) and a move.
        assert_eq!(merged("a b c d", "a b d", "b a c d", "a b d"), "b a d");
    }

    #[test]
    fn concurrent_groups_do_not_depend_on_the_side() {
        let a = merged("a b", "a x b", "a y b", "a b x y");
        let b = merged("a b", "a y b", "a x b", "a b x y");
        assert_eq!(a, b);
        assert_eq!(a, "a x y b");
    }
}
