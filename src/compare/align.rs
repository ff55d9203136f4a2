//! Pairing the items of two lists (paragraphs, sub-paragraphs, footnotes, sections): by
//! stable id, or by content similarity (exact text first, then candidates sharing rare
//! words, scored with similar's word ratio); and finding the moved pairs as those outside
//! the longest run of pairs kept in order.

use super::Align;
use super::words::{Vocabulary, WordPair, is_spaced, ratio_bound, ratio_ids};
use crate::model::{Document, Id, Paragraph};
use foldhash::HashMap;
use foldhash::fast::FixedState;
use rayon::prelude::*;
use std::collections::VecDeque;
use std::hash::BuildHasher;

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

/// A hash of a text with its whitespace collapsed (spacing alone does not break an exact
/// match): the hash of its words joined by single spaces.
fn spaced_hash(s: &str) -> u64 {
    let hash = |t: &str| FixedState::with_seed(0x5eed).hash_one(t);
    if is_spaced(s) {
        hash(s)
    } else {
        hash(&s.split_whitespace().collect::<Vec<_>>().join(" "))
    }
}

/// Whether two texts are the same with their whitespace collapsed.
fn same_spaced(a: &str, b: &str) -> bool {
    a == b || a.split_whitespace().eq(b.split_whitespace())
}

/// Posting lists longer than this are left out of the candidate search: a word found in
/// that many paragraphs says little about which one a paragraph came from, and a bound keeps
/// the search linear in the number of paragraphs.
const COMMON_MAX: usize = 64;

/// Pairs `(old index, new index)` of items whose texts are the same or similar enough.
///
/// Identical texts (spacing aside) cost a hash each. The rest are compared as word numbers:
/// candidates share rare words; a candidate whose shared words (in any order) cannot reach
/// [`THRESHOLD`] is not compared further.
pub fn by_similarity(old: &[String], new: &[String]) -> Vec<(usize, usize)> {
    similar_pairs(old, new).pairs
}

/// Pairs of aligned items and, for the pairs found similar rather than identical, their
/// word similarity ([`ratio_ids`] of the two texts), so that it is not computed again.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Aligned {
    /// `(old index, new index)`, sorted.
    pub pairs: Vec<(usize, usize)>,
    /// By old index: the word similarity of its pair where the search measured it.
    pub ratios: Vec<Option<f32>>,
}

impl Aligned {
    /// Pairs whose similarity was not measured.
    pub fn unscored(pairs: Vec<(usize, usize)>) -> Self {
        Aligned {
            pairs,
            ratios: Vec::new(),
        }
    }

    /// The measured similarity of the pair of old item `i`, if any.
    pub fn ratio(&self, i: usize) -> Option<f32> {
        self.ratios.get(i).copied().flatten()
    }
}

/// [`by_similarity`] with the similarity of the pairs it measured.
pub fn similar_pairs(old: &[String], new: &[String]) -> Aligned {
    let mut pairs = Vec::new();
    let mut old_used = vec![false; old.len()];
    let mut new_used = vec![false; new.len()];
    // 1. Identical texts, in order (the texts hashed on all cores).
    let hashes = |texts: &[String]| -> Vec<u64> {
        if texts.len() >= PARALLEL_MIN {
            texts.par_iter().map(|t| spaced_hash(t)).collect()
        } else {
            texts.iter().map(|t| spaced_hash(t)).collect()
        }
    };
    let (old_hashes, new_hashes) = rayon::join(|| hashes(old), || hashes(new));
    let mut exact: HashMap<u64, VecDeque<usize>> = HashMap::default();
    for (i, &h) in old_hashes.iter().enumerate() {
        exact.entry(h).or_default().push_back(i);
    }
    for (j, t) in new.iter().enumerate() {
        let Some(queue) = exact.get_mut(&new_hashes[j]) else {
            continue;
        };
        if let Some(k) = queue.iter().position(|&i| same_spaced(&old[i], t))
            && let Some(i) = queue.remove(k)
        {
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
        return Aligned::unscored(pairs);
    }
    let texts: Vec<&str> = rest_old
        .iter()
        .map(|&i| old[i].as_str())
        .chain(rest_new.iter().map(|&j| new[j].as_str()))
        .collect();
    let mut vocab = Vocabulary::default();
    vocab.reserve_for(&texts);
    let mut lists = vocab.words_all(&texts);
    let new_words: Vec<Vec<u32>> = lists.split_off(rest_old.len());
    let mut old_words: Vec<Vec<u32>> = vec![Vec::new(); old.len()];
    for (&i, w) in rest_old.iter().zip(lists) {
        old_words[i] = w;
    }
    let rank = vocab.alphabetical_ranks();
    // Each text's distinct words in alphabetical order (the order scores are summed in).
    let distinct = |w: &[u32]| {
        let mut u = w.to_vec();
        u.sort_unstable_by_key(|&x| rank[x as usize]);
        u.dedup();
        u
    };
    let mut postings: Vec<Vec<usize>> = vec![Vec::new(); vocab.len()];
    for &i in &rest_old {
        for w in distinct(&old_words[i]) {
            postings[w as usize].push(i);
        }
    }
    let common = (rest_old.len() / 3).clamp(24, COMMON_MAX);
    // The scored candidates of some new texts (each chunk on its own core, joined in order).
    let score_chunk = |chunk: &[(usize, Vec<u32>)]| {
        let mut scored: Vec<(f32, usize, usize)> = Vec::new();
        let mut score = vec![0f32; old.len()];
        let mut touched: Vec<usize> = Vec::new();
        let mut scratch = Vec::new();
        for (j, nw) in chunk {
            let j = *j;
            for w in distinct(nw) {
                let list = &postings[w as usize];
                if list.is_empty() || list.len() > common {
                    continue;
                }
                let weight = 1.0 / list.len() as f32;
                for &i in list {
                    if score[i] == 0.0 {
                        touched.push(i);
                    }
                    score[i] += weight;
                }
            }
            let mut cands: Vec<(f32, usize)> = touched.drain(..).map(|i| (score[i], i)).collect();
            for &(_, i) in &cands {
                score[i] = 0.0;
            }
            if cands.is_empty() && rest_old.len() <= CANDIDATES {
                cands = rest_old.iter().map(|&i| (0.0, i)).collect();
            }
            cands.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            for (_, i) in cands.into_iter().take(CANDIDATES) {
                let ow = &old_words[i];
                if ratio_bound(ow, nw, &mut scratch) < THRESHOLD {
                    continue;
                }
                let r = ratio_ids(ow, nw);
                if r >= THRESHOLD {
                    scored.push((r, i, j));
                }
            }
        }
        scored
    };
    let news: Vec<(usize, Vec<u32>)> = rest_new.into_iter().zip(new_words).collect();
    let chunk = super::chunk_len(news.len());
    let mut scored: Vec<(f32, usize, usize)> = if news.len() > chunk {
        let parts: Vec<_> = news.par_chunks(chunk).map(score_chunk).collect();
        parts.into_iter().flatten().collect()
    } else {
        score_chunk(&news)
    };
    // Best ratio first; among equals the pair nearest in position.
    scored.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then((a.1.abs_diff(a.2)).cmp(&b.1.abs_diff(b.2)))
            .then(a.1.cmp(&b.1))
    });
    let mut ratios = vec![None; old.len()];
    for (r, i, j) in scored {
        if !old_used[i] && !new_used[j] {
            old_used[i] = true;
            new_used[j] = true;
            pairs.push((i, j));
            ratios[i] = Some(r);
        }
    }
    pairs.sort_unstable();
    Aligned { pairs, ratios }
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
/// (almost) every shared id names paragraphs with similar words. Stops comparing at the end
/// of the block of pairs (compared on all cores) where the answer is known.
pub fn resolve_auto(old: &Document, new: &Document) -> Align {
    resolve_auto_measured(old, new).0
}

/// The word similarities [`resolve_auto`] measured, by paragraph id: those of the paragraphs
/// sharing an id whose texts differ and whose words could reach [`THRESHOLD`] (the same
/// figure as [`super::words::ratio`] of their joined texts).
pub type Measured = HashMap<Id, f32>;

/// Lists at least this long are hashed on all cores.
const PARALLEL_MIN: usize = 64;

/// The fewest pairs [`resolve_auto_measured`] measures at a time (half on each of two cores).
const BLOCK_MIN: usize = 32;

/// [`resolve_auto`] with the similarities it measured on the way, for the comparison by id
/// to use rather than measure again.
pub fn resolve_auto_measured(old: &Document, new: &Document) -> (Align, Measured) {
    let mut measured = Measured::default();
    let mut old_paras: HashMap<&Id, &Paragraph> = HashMap::default();
    old.walk(&mut |p, _| {
        old_paras.insert(&p.id, p);
    });
    let mut shared_pairs: Vec<(&Paragraph, &Paragraph)> = Vec::new();
    new.walk(&mut |p, _| {
        if let Some(o) = old_paras.get(&p.id) {
            shared_pairs.push((o, p));
        }
    });
    let total = old.paragraph_count().min(new.paragraph_count());
    let shared = shared_pairs.len();
    if total == 0 {
        return (Align::ById, measured);
    }
    if shared == 0 {
        return (Align::BySimilarity, measured);
    }
    let enough = 0.95 * shared as f32;
    // Whether a pair reads alike, with the similarity where it was measured.
    let alike = |(o, n): &(&Paragraph, &Paragraph)| -> (bool, Option<f32>) {
        // The same lead and text read the same joined; otherwise the joined texts compare.
        if o.lead == n.lead && o.text == n.text {
            return (true, None);
        }
        let (t, nt) = (o.full_text(), n.full_text());
        if t == nt {
            return (true, None);
        }
        let words = WordPair::new(&mut Vocabulary::default(), &t, &nt);
        if words.bound(&mut Vec::new()) < THRESHOLD {
            return (false, None);
        }
        let r = words.ratio();
        (r >= THRESHOLD, Some(r))
    };
    // In blocks, each found on all cores, counted in order: the answer is known after the
    // block where the counts decide it. A block is as long as the fewest pairs that could
    // decide it (all alike or all not), so little is measured past the pair that does.
    let (mut similar, mut dissimilar) = (0usize, 0usize);
    let mut from = 0;
    let mut decided = None;
    while from < shared && decided.is_none() {
        // Alike pairs needed for "by id", unlike pairs needed for "by similarity".
        let to_alike = (enough.ceil() as usize).saturating_sub(similar);
        let to_unlike = ((shared as f32 - enough).floor() as usize + 1).saturating_sub(dissimilar);
        let block = to_alike.min(to_unlike).max(BLOCK_MIN);
        let to = (from + block).min(shared);
        let found: Vec<(bool, Option<f32>)> = shared_pairs[from..to]
            .par_iter()
            .with_min_len(BLOCK_MIN / 2)
            .map(alike)
            .collect();
        for (k, (alike, ratio)) in found.into_iter().enumerate() {
            if let Some(r) = ratio {
                measured.insert(shared_pairs[from + k].1.id.clone(), r);
            }
            if decided.is_some() {
                continue;
            }
            if alike {
                similar += 1;
                if similar as f32 >= enough {
                    decided = Some(Align::ById);
                }
            } else {
                dissimilar += 1;
                if ((shared - dissimilar) as f32) < enough {
                    decided = Some(Align::BySimilarity);
                }
            }
        }
        from = to;
    }
    let align = decided.unwrap_or(if similar as f32 >= enough {
        Align::ById
    } else {
        Align::BySimilarity
    });
    (align, measured)
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
