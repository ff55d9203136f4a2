//! Pairing the items of two lists (paragraphs, sub-paragraphs, footnotes, sections): by
//! stable id, or by content similarity (exact text first, then candidates sharing rare
//! words, scored with similar's word ratio); and finding the moved pairs as those outside
//! the longest run of pairs kept in order.

use super::Align;
use super::words::{ratio_of, words};
use crate::model::{Document, Id};
use std::collections::{HashMap, VecDeque};

/// The least word similarity for two paragraphs to count as the same paragraph.
pub const THRESHOLD: f32 = 0.5;
/// How many candidates per paragraph are scored with the full ratio.
const CANDIDATES: usize = 6;

/// Pairs `(old index, new index)` of items with equal ids.
pub fn by_id(old: &[&Id], new: &[&Id]) -> Vec<(usize, usize)> {
    let index: HashMap<&Id, usize> = old.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let mut used = vec![false; old.len()];
    let mut pairs = Vec::new();
    for (j, id) in new.iter().enumerate() {
        if let Some(&i) = index.get(id)
            && !used[i]
        {
            used[i] = true;
            pairs.push((i, j));
        }
    }
    pairs
}

/// Collapses whitespace so that spacing alone does not break an exact match.
fn normal(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Pairs `(old index, new index)` of items whose texts are the same or similar enough.
pub fn by_similarity(old: &[String], new: &[String]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut old_used = vec![false; old.len()];
    let mut new_used = vec![false; new.len()];
    // 1. Identical texts, in order.
    let mut exact: HashMap<String, VecDeque<usize>> = HashMap::new();
    for (i, t) in old.iter().enumerate() {
        exact.entry(normal(t)).or_default().push_back(i);
    }
    for (j, t) in new.iter().enumerate() {
        if let Some(i) = exact.get_mut(&normal(t)).and_then(VecDeque::pop_front) {
            old_used[i] = true;
            new_used[j] = true;
            pairs.push((i, j));
        }
    }
    // 2. Similar texts among the rest: candidates share rare words.
    let rest_old: Vec<usize> = (0..old.len()).filter(|i| !old_used[*i]).collect();
    let rest_new: Vec<usize> = (0..new.len()).filter(|j| !new_used[*j]).collect();
    if rest_old.is_empty() || rest_new.is_empty() {
        pairs.sort_unstable();
        return pairs;
    }
    let old_words: HashMap<usize, Vec<String>> =
        rest_old.iter().map(|&i| (i, words(&old[i]))).collect();
    let mut postings: HashMap<&str, Vec<usize>> = HashMap::new();
    for &i in &rest_old {
        let mut seen: Vec<&str> = old_words[&i].iter().map(String::as_str).collect();
        seen.sort_unstable();
        seen.dedup();
        for w in seen {
            postings.entry(w).or_default().push(i);
        }
    }
    let common = (rest_old.len() / 3).max(24);
    let mut scored: Vec<(f32, usize, usize)> = Vec::new();
    for &j in &rest_new {
        let nw = words(&new[j]);
        let mut uniq: Vec<&str> = nw.iter().map(String::as_str).collect();
        uniq.sort_unstable();
        uniq.dedup();
        let mut score: HashMap<usize, f32> = HashMap::new();
        for w in &uniq {
            if let Some(list) = postings.get(w) {
                if list.len() > common {
                    continue;
                }
                let weight = 1.0 / list.len() as f32;
                for &i in list {
                    *score.entry(i).or_default() += weight;
                }
            }
        }
        let mut cands: Vec<(f32, usize)> = score.into_iter().map(|(i, s)| (s, i)).collect();
        if cands.is_empty() && rest_old.len() <= CANDIDATES {
            cands = rest_old.iter().map(|&i| (0.0, i)).collect();
        }
        cands.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        for (_, i) in cands.into_iter().take(CANDIDATES) {
            let r = ratio_of(&old_words[&i], &nw);
            if r >= THRESHOLD {
                scored.push((r, i, j));
            }
        }
    }
    // Best ratio first; among equals the pair nearest in position.
    scored.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then((a.1.abs_diff(a.2)).cmp(&b.1.abs_diff(b.2)))
            .then(a.1.cmp(&b.1))
    });
    for (_, i, j) in scored {
        if !old_used[i] && !new_used[j] {
            old_used[i] = true;
            new_used[j] = true;
            pairs.push((i, j));
        }
    }
    pairs.sort_unstable();
    pairs
}

/// For pairs sorted by old index, whether each pair stays in order (belongs to the longest
/// increasing run of new indices). Pairs outside it moved.
pub fn in_order(pairs: &[(usize, usize)]) -> Vec<bool> {
    let n = pairs.len();
    let mut tails: Vec<usize> = Vec::new(); // indices into pairs
    let mut prev: Vec<Option<usize>> = vec![None; n];
    for k in 0..n {
        let v = pairs[k].1;
        let pos = tails.partition_point(|&t| pairs[t].1 < v);
        prev[k] = pos.checked_sub(1).map(|p| tails[p]);
        if pos == tails.len() {
            tails.push(k);
        } else {
            tails[pos] = k;
        }
    }
    let mut keep = vec![false; n];
    let mut cur = tails.last().copied();
    while let Some(k) = cur {
        keep[k] = true;
        cur = prev[k];
    }
    keep
}

/// Chooses between id and similarity alignment: by id when the two versions share ids and
/// (almost) every shared id names paragraphs with similar words.
pub fn resolve_auto(old: &Document, new: &Document) -> Align {
    let mut old_text: HashMap<&Id, String> = HashMap::new();
    old.walk(&mut |p, _| {
        old_text.insert(&p.id, p.full_text());
    });
    let (mut shared, mut similar) = (0usize, 0usize);
    new.walk(&mut |p, _| {
        if let Some(t) = old_text.get(&p.id) {
            shared += 1;
            let nt = p.full_text();
            if *t == nt || ratio_of(&words(t), &words(&nt)) >= THRESHOLD {
                similar += 1;
            }
        }
    });
    let total = old.paragraph_count().min(new.paragraph_count());
    if total == 0 || (shared > 0 && similar as f32 >= 0.95 * shared as f32) {
        Align::ById
    } else {
        Align::BySimilarity
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similar_texts_pair_up_and_moves_are_found() {
        let old: Vec<String> = [
            "Welcomes the report of the Secretary-General on the question",
            "Decides to remain seized of the matter",
            "Urges all States to ratify the Convention without delay",
        ]
        .map(String::from)
        .to_vec();
        let new: Vec<String> = [
            "Urges all States parties to ratify the Convention without delay",
            "Welcomes the report of the Secretary-General on the question",
            "Requests a new study on financing",
            "Decides to remain actively seized of the matter",
        ]
        .map(String::from)
        .to_vec();
        let pairs = by_similarity(&old, &new);
        assert_eq!(pairs, vec![(0, 1), (1, 3), (2, 0)]);
        assert_eq!(in_order(&pairs), vec![true, true, false]);
    }
}
