//! Word-level comparison of two texts with `similar`: tokenising (words, spaces, single
//! punctuation, markup escapes and footnote markers as one token each), the word edits
//! between two texts, the word similarity ratio, and replaying edits.

use super::{Edit, Field};
use similar::{Algorithm, DiffTag, capture_diff_slices, diff_ratio};

/// Splits text into tokens whose concatenation is the text: runs of letters and digits,
/// runs of whitespace, a footnote marker `[^id]`, an escape `\x`, or one other character.
pub fn tokenize(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        let mut chars = rest.chars();
        let Some(c) = chars.next() else { break };
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
        out.push(&rest[..len]);
        i += len;
    }
    out
}

/// Whether a token is a word (letters or digits).
pub fn is_word(token: &str) -> bool {
    token.chars().next().is_some_and(char::is_alphanumeric)
}

/// The words of a text (no spaces or punctuation), lower-cased.
pub fn words(s: &str) -> Vec<String> {
    tokenize(s)
        .into_iter()
        .filter(|t| is_word(t))
        .map(str::to_lowercase)
        .collect()
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
    ratio_of(&words(old), &words(new))
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
    fn ratio_counts_words() {
        assert_eq!(ratio("a b c d", "a b c d"), 1.0);
        assert!(ratio("one two three four", "one two three five") > 0.7);
        assert_eq!(ratio("", ""), 1.0);
    }
}
