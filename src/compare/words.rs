//! Word-level comparison of two texts with `similar`: tokenising (words, spaces, single
//! punctuation, markup escapes and footnote markers as one token each), the word edits
//! between two texts, the word similarity ratio, and replaying edits.

use super::{Edit, Field};
use foldhash::HashMap;
use similar::{Algorithm, DiffTag, capture_diff_slices, diff_ratio};
use std::borrow::Cow;

/// The tokens of a text, in order; their concatenation is the text: runs of letters and
/// digits, runs of whitespace, a footnote marker `[^id]`, an escape `\x`, or one other
/// character.
#[derive(Debug, Clone)]
pub struct Tokens<'a> {
    rest: &'a str,
}

/// The class of each byte for the fast path of [`Tokens`]: an ASCII letter or digit, ASCII
/// spacing, or anything else (read by the char rules).
const ALNUM: u8 = 1;
const SPACING: u8 = 2;
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b.is_ascii_alphanumeric() {
            ALNUM
        } else if matches!(b, b'\t'..=b'\r' | b' ') {
            SPACING
        } else {
            0
        };
        i += 1;
    }
    t
};

impl<'a> Iterator for Tokens<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = self.rest;
        let bytes = rest.as_bytes();
        let first = *bytes.first()?;
        // ASCII letters and digits, and ASCII spacing, read byte by byte through a table (the
        // char rules below give the same tokens, more slowly); a run that goes on into
        // non-ASCII characters is finished by the char rules.
        let class = CLASS[usize::from(first)];
        let len = if class == 0 {
            self.slow_len()?
        } else {
            let n = bytes[1..]
                .iter()
                .position(|&b| CLASS[usize::from(b)] != class)
                .map_or(bytes.len(), |k| k + 1);
            if bytes.get(n).is_some_and(|&b| b >= 0x80) {
                let is_char: fn(char) -> bool = if class == ALNUM {
                    char::is_alphanumeric
                } else {
                    char::is_whitespace
                };
                n + rest[n..]
                    .find(|ch: char| !is_char(ch))
                    .unwrap_or(rest.len() - n)
            } else {
                n
            }
        };
        let (tok, rest) = rest.split_at(len);
        self.rest = rest;
        Some(tok)
    }
}

impl Tokens<'_> {
    /// The length of the next token by the char rules.
    fn slow_len(&self) -> Option<usize> {
        let rest = self.rest;
        let mut chars = rest.chars();
        let c = chars.next()?;
        let len = if c == '\\' {
            c.len_utf8() + chars.next().map_or(0, char::len_utf8)
        } else if rest.starts_with("[^") && rest.find(']').is_some_and(|e| e > 2) {
            rest.find(']').map_or(c.len_utf8(), |e| e + 1)
        } else if c.is_alphanumeric() {
            rest.find(|ch: char| !ch.is_alphanumeric())
                .unwrap_or(rest.len())
        } else if c.is_whitespace() {
            rest.find(|ch: char| !ch.is_whitespace())
                .unwrap_or(rest.len())
        } else {
            c.len_utf8()
        };
        Some(len)
    }
}

/// The tokens of a text without collecting them.
pub fn tokens(s: &str) -> Tokens<'_> {
    Tokens { rest: s }
}

/// Splits text into tokens whose concatenation is the text (see [`Tokens`]).
pub fn tokenize(s: &str) -> Vec<&str> {
    tokens(s).collect()
}

/// Whether a token is a word (letters or digits).
pub fn is_word(token: &str) -> bool {
    token.chars().next().is_some_and(char::is_alphanumeric)
}

/// The words of a text (no spaces or punctuation), lower-cased.
pub fn words(s: &str) -> Vec<String> {
    tokens(s)
        .filter(|t| is_word(t))
        .map(str::to_lowercase)
        .collect()
}

/// Whether a text is already in the form `split_whitespace` and a join with single spaces
/// give: ASCII words separated by single spaces, nothing before the first or after the last
/// (`false` can be wrong only the safe way: for other text).
pub fn is_spaced(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    // ASCII without other spacing than spaces (a pass that vectorises), then no two spaces
    // in a row (a substring search).
    let other = b.iter().fold(false, |bad, &c| {
        bad | (c >= 0x80) | (c.wrapping_sub(b'\t') < 5)
    });
    !other && !crate::scan::double_space(b)
}

/// Numbers for words: each distinct lower-cased word gets one, so that word lists compare
/// as integers (the word comparison gives the same result on the numbers as on the words).
/// A word already in lower case is kept as a slice of its text, not copied.
#[derive(Debug, Default)]
pub struct Vocabulary<'a> {
    ids: HashMap<Cow<'a, str>, u32>,
}

impl<'a> Vocabulary<'a> {
    /// Makes room for `more` new words (so that the table is not grown word by word).
    pub fn reserve(&mut self, more: usize) {
        self.ids.reserve(more);
    }

    /// Makes room for the distinct words of texts: about a word in seven characters, most of
    /// them met before.
    pub fn reserve_for(&mut self, texts: &[&str]) {
        self.reserve(texts.iter().map(|t| t.len()).sum::<usize>() / 28);
    }

    /// The number of a word (lower-cased here), given on first sight.
    pub fn id(&mut self, word: &'a str) -> u32 {
        let next = self.ids.len() as u32;
        if word
            .bytes()
            .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
        {
            return *self.ids.entry(Cow::Borrowed(word)).or_insert(next);
        }
        // A short ASCII word is lower-cased on the stack: copied only when new.
        let mut buf = [0u8; 32];
        if word.is_ascii() && word.len() <= buf.len() {
            let lower = &mut buf[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            let key = std::str::from_utf8(lower).unwrap_or_default();
            if let Some(&id) = self.ids.get(key) {
                return id;
            }
            self.ids.insert(Cow::Owned(key.to_string()), next);
            return next;
        }
        *self
            .ids
            .entry(Cow::Owned(word.to_lowercase()))
            .or_insert(next)
    }

    /// The numbers of the words of a text, in order.
    pub fn words(&mut self, s: &'a str) -> Vec<u32> {
        let mut v = Vec::with_capacity(s.len() / 6 + 1);
        v.extend(tokens(s).filter(|t| is_word(t)).map(|w| self.id(w)));
        v
    }

    /// The numbers of the words of many texts, worked out on all cores: each core numbers a
    /// run of the texts in a vocabulary of its own, whose words are then taken into this one
    /// in the order they were first met. The numbers are those [`Vocabulary::words`] gives
    /// the texts one after another.
    pub fn words_all(&mut self, texts: &[&'a str]) -> Vec<Vec<u32>> {
        let per_core = texts.len().div_ceil(rayon::current_num_threads()).max(64);
        if texts.len() <= per_core {
            return texts.iter().map(|t| self.words(t)).collect();
        }
        use rayon::prelude::*;
        let runs: Vec<(Vocabulary<'a>, Vec<Vec<u32>>)> = texts
            .par_chunks(per_core)
            .map(|run| {
                let mut local = Vocabulary::default();
                local.reserve_for(run);
                let lists = run.iter().map(|t| local.words(t)).collect();
                (local, lists)
            })
            .collect();
        let mut out = Vec::with_capacity(texts.len());
        for (local, mut lists) in runs {
            // The run's words in the order it met them, each given its number here.
            let mut by_local: Vec<Option<Cow<'a, str>>> = vec![None; local.len()];
            for (word, id) in local.ids {
                by_local[id as usize] = Some(word);
            }
            let map: Vec<u32> = by_local
                .into_iter()
                .flatten()
                .map(|word| {
                    let next = self.ids.len() as u32;
                    *self.ids.entry(word).or_insert(next)
                })
                .collect();
            for w in lists.iter_mut().flatten() {
                *w = map[*w as usize];
            }
            out.extend(lists);
        }
        out
    }

    /// How many distinct words have a number.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The rank of each word number in the alphabetical order of the words.
    pub fn alphabetical_ranks(&self) -> Vec<u32> {
        let mut by_word: Vec<(&str, u32)> = self.ids.iter().map(|(w, &i)| (&**w, i)).collect();
        by_word.sort_unstable();
        let mut rank = vec![0; by_word.len()];
        for (r, (_, id)) in by_word.into_iter().enumerate() {
            rank[id as usize] = r as u32;
        }
        rank
    }
}

/// similar's ratio for `matches` common words out of `old_len + new_len`.
fn ratio_for(matches: usize, old_len: usize, new_len: usize) -> f32 {
    let len = old_len + new_len;
    if len == 0 {
        1.0
    } else {
        2.0 * matches as f32 / len as f32
    }
}

/// An upper bound of [`ratio_ids`] from the words the two lists share regardless of order
/// (a common subsequence cannot be longer than the common multiset). `scratch` is reused
/// between calls and must hold a zero per word number.
pub fn ratio_bound(old: &[u32], new: &[u32], scratch: &mut Vec<u32>) -> f32 {
    ratio_for(common_count(old, new, scratch), old.len(), new.len())
}

/// How many words two lists share regardless of order (see [`ratio_bound`]).
fn common_count(old: &[u32], new: &[u32], scratch: &mut Vec<u32>) -> usize {
    let need = old
        .iter()
        .chain(new)
        .map(|&w| w as usize + 1)
        .max()
        .unwrap_or(0);
    if scratch.len() < need {
        scratch.resize(need, 0);
    }
    for &w in old {
        scratch[w as usize] += 1;
    }
    let mut common = 0;
    for &w in new {
        let c = &mut scratch[w as usize];
        if *c > 0 {
            *c -= 1;
            common += 1;
        }
    }
    for &w in old {
        scratch[w as usize] = 0;
    }
    common
}

/// Similarity of two lists of word numbers in `0..=1` (similar's ratio: 2 × matches / total).
pub fn ratio_ids(old: &[u32], new: &[u32]) -> f32 {
    if old == new {
        return 1.0;
    }
    let ops = capture_diff_slices(Algorithm::Myers, old, new);
    diff_ratio(&ops, old.len(), new.len())
}

/// The length of the longest common subsequence of two lists, as similar's Myers diff
/// finds it (the matches of [`ratio_ids`]).
fn common_subsequence(old: &[u32], new: &[u32]) -> usize {
    if old == new {
        return old.len();
    }
    capture_diff_slices(Algorithm::Myers, old, new)
        .iter()
        .map(|op| match *op {
            similar::DiffOp::Equal { len, .. } => len,
            _ => 0,
        })
        .sum()
}

/// Similarity of two word lists in `0..=1` (similar's ratio: 2 × matches / total).
pub fn ratio_of(old: &[String], new: &[String]) -> f32 {
    if old.is_empty() && new.is_empty() {
        return 1.0;
    }
    let ops = capture_diff_slices(Algorithm::Myers, old, new);
    diff_ratio(&ops, old.len(), new.len())
}

/// Similarity of two texts over their words.
pub fn ratio(old: &str, new: &str) -> f32 {
    ratio_in(&mut Vocabulary::default(), old, new)
}

/// [`ratio`] with the words numbered in `vocab` (kept between calls, so that words met
/// before are not stored again; the numbers do not change the ratio).
pub fn ratio_in<'a>(vocab: &mut Vocabulary<'a>, old: &'a str, new: &'a str) -> f32 {
    WordPair::new(vocab, old, new).ratio()
}

/// Whether two words get the same number in a [`Vocabulary`] (they lower-case alike).
fn same_word(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        a.to_lowercase() == b.to_lowercase()
    }
}

/// The words of two texts for their similarity, with the words they open and close with
/// alike set aside: only the words between are numbered and compared (two versions of a
/// paragraph mostly differ in a few words). A longest common subsequence of two lists is
/// their common ends and one of what lies between, and so is a common multiset, so the ratio
/// and its bound are those of the whole lists ([`ratio_ids`], [`ratio_bound`]).
#[derive(Debug)]
pub struct WordPair {
    /// The words alike at both ends.
    same: usize,
    old_len: usize,
    new_len: usize,
    old: Vec<u32>,
    new: Vec<u32>,
}

impl WordPair {
    pub fn new<'a>(vocab: &mut Vocabulary<'a>, old: &'a str, new: &'a str) -> Self {
        fn list(s: &str) -> Vec<&str> {
            let mut v = Vec::with_capacity(s.len() / 6 + 1);
            v.extend(tokens(s).filter(|t| is_word(t)));
            v
        }
        let (o, n) = (list(old), list(new));
        let head = o
            .iter()
            .zip(&n)
            .take_while(|(a, b)| same_word(a, b))
            .count();
        let tail = o[head..]
            .iter()
            .rev()
            .zip(n[head..].iter().rev())
            .take_while(|(a, b)| same_word(a, b))
            .count();
        vocab.reserve(o.len() + n.len() - 2 * (head + tail));
        let mut number = |w: &[&'a str]| w.iter().map(|w| vocab.id(w)).collect::<Vec<u32>>();
        WordPair {
            same: head + tail,
            old_len: o.len(),
            new_len: n.len(),
            old: number(&o[head..o.len() - tail]),
            new: number(&n[head..n.len() - tail]),
        }
    }

    /// [`ratio_bound`] of the whole lists.
    pub fn bound(&self, scratch: &mut Vec<u32>) -> f32 {
        let common = self.same + common_count(&self.old, &self.new, scratch);
        ratio_for(common, self.old_len, self.new_len)
    }

    /// [`ratio_ids`] of the whole lists.
    pub fn ratio(&self) -> f32 {
        let matches = self.same + common_subsequence(&self.old, &self.new);
        ratio_for(matches, self.old_len, self.new_len)
    }
}

/// Whether the words of two texts are the same (spacing and punctuation aside).
pub fn same_words(old: &str, new: &str) -> bool {
    let w = |s| tokens(s).filter(|t| is_word(t));
    w(old).eq(w(new))
}

/// Whether an edit changes only the form, not the substance: spacing (also a space that
/// splits or joins a word where a piece is a stray letter or a number: "radiatio n",
/// "Asia 11"; the words read the same), a non-breaking hyphen (U+2011, or the hyphen
/// U+2010) for "-", footnote markers. Two words joined into one or one split into two
/// ("data sets" → "datasets") is a change of wording ([`joins_words`]).
pub fn is_form_only(e: &Edit) -> bool {
    same_substance(e) && !joins_words(&e.deleted, &e.inserted)
}

/// Whether one side joins two words that the other holds apart, each of at least three
/// letters ("data sets" and "datasets", "every one" and "everyone"), where the letters
/// read alike. A piece of one or two letters ("radiatio n") or with digits ("Asia 11", a
/// marker left as text) is a break in the printed text, not two words.
fn joins_words(a: &str, b: &str) -> bool {
    let words = |s| tokens(s).filter(|t| is_word(t)).collect::<Vec<_>>();
    let (a, b) = (words(a), words(b));
    if a.len() == b.len() {
        return false;
    }
    // The character offsets, in the letters of all words run together, where one side
    // starts a word; a start on one side only is a join on the other.
    let starts = |w: &[&str]| {
        let mut at = 0;
        w.iter()
            .map(|x| {
                let s = at;
                at += x.chars().count();
                s
            })
            .collect::<Vec<usize>>()
    };
    let apart = |w: &[&str], other: &[usize]| {
        let mine = starts(w);
        let word = |x: &str| x.chars().count() >= 3 && x.chars().all(char::is_alphabetic);
        (1..w.len()).any(|k| other.binary_search(&mine[k]).is_err() && word(w[k - 1]) && word(w[k]))
    };
    apart(&a, &starts(&b)) || apart(&b, &starts(&a))
}

/// Whether the two sides of an edit read the same but for spacing, hyphen forms and markers.
fn same_substance(e: &Edit) -> bool {
    let substance = |s| {
        tokens(s)
            .filter(|t| {
                let space = t.trim().is_empty();
                let marker = t.starts_with("[^") && t.len() > 3;
                !space && !marker
            })
            .map(|t| match t {
                "\u{2010}" | "\u{2011}" => "-",
                t => t,
            })
            .flat_map(str::chars)
    };
    substance(&e.deleted).eq(substance(&e.inserted))
}

/// Splits edits into the changes of substance and the changes of form only
/// ([`is_form_only`]), both kept in offset order.
pub fn split_form(edits: Vec<Edit>) -> (Vec<Edit>, Vec<Edit>) {
    edits.into_iter().partition(|e| !is_form_only(e))
}

/// The word edits turning `old` into `new`, with byte offsets into `old`. Edits separated
/// only by spaces are merged, so "the big red" → "a small blue" is one edit.
pub fn edits(field: Field, old: &str, new: &str) -> Vec<Edit> {
    if old == new {
        return Vec::new();
    }
    let ot = tokenize(old);
    let nt = tokenize(new);
    let offsets = |toks: &[&str]| {
        let mut v = Vec::with_capacity(toks.len() + 1);
        let mut at = 0;
        v.push(0);
        for t in toks {
            at += t.len();
            v.push(at);
        }
        v
    };
    let (oo, no) = (offsets(&ot), offsets(&nt));
    let ops = capture_diff_slices(Algorithm::Myers, &ot, &nt);
    // Raw changed ranges: (old_start, old_end, new_start, new_end) in token indices.
    let mut ranges: Vec<(usize, usize, usize, usize)> = Vec::new();
    for op in ops {
        let (tag, o, n) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            continue;
        }
        let (os, ol, ns, nl) = (o.start, o.len(), n.start, n.len());
        if let Some(last) = ranges.last_mut() {
            let gap_is_space = last.1 <= os
                && ot[last.1..os].iter().all(|t| t.trim().is_empty())
                && last.3 <= ns
                && nt[last.3..ns] == ot[last.1..os];
            if gap_is_space {
                last.1 = os + ol;
                last.3 = ns + nl;
                continue;
            }
        }
        ranges.push((os, os + ol, ns, ns + nl));
    }
    ranges
        .into_iter()
        .map(|(os, oe, ns, ne)| Edit {
            field,
            at: oo[os],
            deleted: old[oo[os]..oo[oe]].to_string(),
            inserted: new[no[ns]..no[ne]].to_string(),
        })
        .collect()
}

/// Why edits could not be replayed on a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    pub at: usize,
    pub expected: String,
}

/// Replays the edits of one field on `old` (edits in increasing offset order).
pub fn apply_edits<'a>(
    old: &str,
    edits: impl IntoIterator<Item = &'a Edit>,
) -> Result<String, Mismatch> {
    let mut out = String::with_capacity(old.len());
    let mut pos = 0;
    for e in edits {
        let end = e.at + e.deleted.len();
        if e.at < pos || old.get(e.at..end) != Some(e.deleted.as_str()) {
            return Err(Mismatch {
                at: e.at,
                expected: e.deleted.clone(),
            });
        }
        out.push_str(&old[pos..e.at]);
        out.push_str(&e.inserted);
        pos = end;
    }
    out.push_str(old.get(pos..).unwrap_or(""));
    Ok(out)
}

/// A run of text in a word comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PieceKind {
    Equal,
    Deleted,
    Inserted,
}

/// The old text cut into equal, deleted and inserted runs by the edits of one field.
pub fn pieces<'a>(old: &'a str, edits: &'a [Edit], field: Field) -> Vec<(PieceKind, &'a str)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for e in edits.iter().filter(|e| e.field == field) {
        if e.at < pos || e.at > old.len() {
            continue;
        }
        if e.at > pos {
            out.push((PieceKind::Equal, &old[pos..e.at]));
        }
        if !e.deleted.is_empty() {
            out.push((PieceKind::Deleted, e.deleted.as_str()));
        }
        if !e.inserted.is_empty() {
            out.push((PieceKind::Inserted, e.inserted.as_str()));
        }
        pos = (e.at + e.deleted.len()).min(old.len());
    }
    if pos < old.len() {
        out.push((PieceKind::Equal, &old[pos..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_on_all_cores_gives_the_numbers_of_one_by_one() {
        // Enough texts for several runs, with words shared across runs and in other cases.
        let texts: Vec<String> = (0..400)
            .map(|k| {
                format!(
                    "Word{} shared Text{} and WORD{} é{}",
                    k % 37,
                    k,
                    k % 11,
                    k % 5
                )
            })
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let mut one = Vocabulary::default();
        let want: Vec<Vec<u32>> = refs.iter().map(|t| one.words(t)).collect();
        let mut all = Vocabulary::default();
        assert_eq!(all.words_all(&refs), want);
        assert_eq!(all.len(), one.len());
        assert_eq!(all.alphabetical_ranks(), one.alphabetical_ranks());
    }

    #[test]
    fn tokens_cover_the_text() {
        let s = "Welcomes the report,[^f2] \\*noting* «ça»  end";
        let t = tokenize(s);
        assert_eq!(t.concat(), s);
        assert!(t.contains(&"[^f2]"));
        assert!(t.contains(&"\\*"));
        assert!(t.contains(&"ça"));
    }

    #[test]
    fn edits_replay_and_merge_over_spaces() {
        let old = "Requests the Secretary-General to submit a report on the matter;";
        let new = "Requests the Secretary-General to submit an oral report at its next session;";
        let e = edits(Field::Text, old, new);
        assert_eq!(apply_edits(old, &e).as_deref(), Ok(new));
        assert!(
            e.iter()
                .any(|x| x.deleted == "a" && x.inserted == "an oral")
        );
    }

    #[test]
    fn spacing_hyphens_and_markers_are_form_only() {
        let form = |d: &str, i: &str| {
            is_form_only(&Edit {
                field: Field::Text,
                at: 0,
                deleted: d.into(),
                inserted: i.into(),
            })
        };
        assert!(form("-", "\u{2011}"));
        assert!(form(" ", "  "));
        assert!(form("Decides ,", "Decides,"));
        assert!(form("Asia 11", "Asia11"));
        assert!(form("radiatio n", "radiation"));
        assert!(!form("data sets", "datasets"));
        assert!(!form("in datasets or", "in data sets or"));
        assert!(!form("everyone", "every one"));
        assert!(form("", "[^f3]"));
        assert!(!form("a", "an"));
        assert!(!form("-", "–"));
        assert!(!form("[^f3]", "3"));
    }

    #[test]
    fn word_numbers_compare_as_words() {
        let mut v = Vocabulary::default();
        let a = v.words("Urges all States, all of them");
        let b = v.words("urges ALL states parties");
        assert_eq!(a[..3], b[..3]);
        assert_eq!(
            ratio_ids(&a, &b),
            ratio_of(
                &words("Urges all States, all of them"),
                &words("urges ALL states parties")
            )
        );
        let mut scratch = Vec::new();
        assert!(ratio_bound(&a, &b, &mut scratch) >= ratio_ids(&a, &b));
        assert!(scratch.iter().all(|&c| c == 0));
    }

    proptest::proptest! {
        /// The byte-wise reading of ASCII runs gives the tokens of the char rules.
        #[test]
        fn ascii_runs_token_as_the_char_rules(s in "[a-zA-Zé09 \t\n\u{a0}\u{2009}\\\\\\[\\]^.,ß]{0,40}") {
            let mut reference = Vec::new();
            let mut t = tokens(&s);
            while let Some(n) = t.slow_len() {
                reference.push(&t.rest[..n]);
                t.rest = &t.rest[n..];
            }
            proptest::prop_assert_eq!(tokenize(&s), reference);
        }
    }

    proptest::proptest! {
        /// Setting the common ends aside gives the ratio and bound of the whole lists.
        #[test]
        fn trimmed_pairs_give_the_whole_ratio(
            old in "(?:(?:a|b|c|A|É|é|K|\u{212a}|k|d) ?){0,14}",
            new in "(?:(?:a|b|c|A|É|é|K|\u{212a}|k|d) ?){0,14}",
        ) {
            let mut v = Vocabulary::default();
            let (o, n) = (v.words(&old), v.words(&new));
            let pair = WordPair::new(&mut v, &old, &new);
            let mut scratch = Vec::new();
            proptest::prop_assert_eq!(pair.ratio(), ratio_ids(&o, &n));
            proptest::prop_assert_eq!(pair.bound(&mut scratch), ratio_bound(&o, &n, &mut scratch));
        }
    }

    #[test]
    fn ratio_counts_words() {
        assert_eq!(ratio("a b c d", "a b c d"), 1.0);
        assert!(ratio("one two three four", "one two three five") > 0.7);
        assert_eq!(ratio("", ""), 1.0);
    }
}
