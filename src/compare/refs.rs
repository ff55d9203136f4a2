//! Cross-references and renumbering: "paragraph 5 above" in the old text, where old
//! paragraph 5 is new paragraph 6, is rewritten to "paragraph 6 above" before the word
//! comparison, so a reference updated only because of renumbering is no change of substance;
//! so is "paragraph 5 (b)" where sub-paragraph (b) of old paragraph 5 is now (c).

use super::words::{is_word, tokenize};
use super::{Edit, Field};
use std::collections::HashMap;

/// How the numbered paragraphs present in both versions are numbered anew: old number → new
/// number, and (old number, old sub-paragraph labels) → new labels for their sub-paragraphs
/// present in both (`(5, ["b"])` → `["c"]`, `(5, ["b", "ii"])` → `["c", "ii"]`).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct NumberMap {
    pub numbers: HashMap<u32, u32>,
    pub labels: HashMap<(u32, Vec<String>), Vec<String>>,
}

impl FromIterator<(u32, u32)> for NumberMap {
    fn from_iter<I: IntoIterator<Item = (u32, u32)>>(iter: I) -> Self {
        NumberMap {
            numbers: iter.into_iter().collect(),
            labels: HashMap::new(),
        }
    }
}

/// Whether a reference that continues with these words points into the same document.
fn points_here(after: &[&str]) -> bool {
    let words: Vec<String> = after
        .iter()
        .filter(|t| is_word(t))
        .take(3)
        .map(|t| t.to_lowercase())
        .collect();
    match words.first().map(String::as_str) {
        Some("of") => matches!(
            (
                words.get(1).map(String::as_str),
                words.get(2).map(String::as_str)
            ),
            (Some("this"), _) | (Some("the"), Some("present"))
        ),
        // "the Guidelines, particularly paragraph 47 thereof"
        Some("thereof") => false,
        _ => true,
    }
}

/// Words naming another text whose paragraphs a following "in particular paragraph 15"
/// cites ("article 4 of the Paris Agreement, in particular paragraph 15").
const OTHER_TEXTS: [&str; 9] = [
    "resolution",
    "resolutions",
    "decision",
    "article",
    "agreement",
    "convention",
    "declaration",
    "charter",
    "report",
];

/// Whether the words before a reference (in the same clause) say it cites another text:
/// "article 4," right before it, or "in particular" or "including" right before it and one of
/// [`OTHER_TEXTS`] earlier.
fn cites_another_text(before: &[&str]) -> bool {
    let words: Vec<String> = before
        .iter()
        .rev()
        .take_while(|t| !matches!(**t, ";" | "."))
        .filter(|t| is_word(t))
        .take(15)
        .map(|t| t.to_lowercase())
        .collect();
    let numbered_article = |n: &str, a: &str| {
        n.chars().all(|c| c.is_ascii_digit()) && matches!(a, "article" | "articles" | "rule")
    };
    let lead_in = match words.as_slice() {
        // "article 4, paragraphs 10 and 12": the paragraphs of an article of another text.
        [n, a, ..] if numbered_article(n, a) => return true,
        [p, i, ..] if p == "particular" && i == "in" => 2,
        [w, ..] if w == "including" => 1,
        _ => return false,
    };
    words[lead_in..]
        .iter()
        .any(|w| OTHER_TEXTS.contains(&w.as_str()))
}

/// Whether a text cites a sub-paragraph ("paragraph 5 (b)"): a "(" soon after "paragraph".
pub fn cites_a_label(text: &str) -> bool {
    let b = text.as_bytes();
    // Only at a "p" or "P" (found with memchr, not tried at every byte).
    memchr::memchr2_iter(b'p', b'P', b).any(|k| {
        b.get(k..k + 9)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"paragraph"))
            && b[k + 9..].iter().take(16).any(|&c| c == b'(')
    })
}

/// The old text with its internal paragraph references renumbered through `map`, and the
/// rewrites as edits on the old text. `None` when nothing needs rewriting.
pub fn renumber(text: &str, map: &NumberMap) -> Option<(String, Vec<Edit>)> {
    // (No other character lower-cases to the ASCII letters of "paragraph".)
    if map.numbers.is_empty() && map.labels.is_empty() {
        return None;
    }
    let b = text.as_bytes();
    let mentions = memchr::memchr2_iter(b'p', b'P', b).any(|i| {
        b.get(i..i + 9)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"paragraph"))
    });
    if !mentions {
        return None;
    }
    let toks = tokenize(text);
    let mut offsets = Vec::with_capacity(toks.len());
    let mut at = 0;
    for t in &toks {
        offsets.push(at);
        at += t.len();
    }
    let mut edits = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // (No character outside ASCII lower-cases to these letters: ASCII case is enough.)
        let t = toks[i];
        if !t.eq_ignore_ascii_case("paragraph") && !t.eq_ignore_ascii_case("paragraphs") {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        // Each number cited, with the tokens of the sub-paragraph labels after it ("5 (b)").
        let mut numbers: Vec<(usize, Vec<usize>)> = Vec::new();
        while j < toks.len() {
            let tok = toks[j];
            let label =
                is_word(tok) && j > 0 && toks[j - 1] == "(" && !tok.starts_with(char::is_numeric);
            let allowed = tok.trim().is_empty()
                || matches!(tok, "," | "(" | ")" | "-" | "–")
                || ["and", "to", "or"]
                    .iter()
                    .any(|w| tok.eq_ignore_ascii_case(w))
                || label;
            if tok.chars().all(|c| c.is_ascii_digit()) && !tok.is_empty() {
                numbers.push((j, Vec::new()));
            } else if label && let Some((_, labels)) = numbers.last_mut() {
                labels.push(j);
            } else if !allowed {
                break;
            }
            j += 1;
        }
        if !numbers.is_empty()
            && points_here(&toks[j.min(toks.len())..])
            && !cites_another_text(&toks[..i])
        {
            let mut edit = |k: usize, to: &str| {
                if toks[k] != to {
                    edits.push(Edit {
                        field: Field::Text,
                        at: offsets[k],
                        deleted: toks[k].to_string(),
                        inserted: to.to_string(),
                    });
                }
            };
            for (k, labels) in numbers {
                let Ok(n) = toks[k].parse::<u32>() else {
                    continue;
                };
                if let Some(m) = map.numbers.get(&n) {
                    edit(k, &m.to_string());
                }
                let old_labels: Vec<String> = labels.iter().map(|&l| toks[l].to_string()).collect();
                if let Some(new_labels) = map.labels.get(&(n, old_labels)) {
                    for (&l, to) in labels.iter().zip(new_labels) {
                        edit(l, to);
                    }
                }
            }
        }
        i = j.max(i + 1);
    }
    if edits.is_empty() {
        return None;
    }
    let rewritten = super::words::apply_edits(text, &edits).ok()?;
    Some((rewritten, edits))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_references_follow_the_map() {
        let map: NumberMap = [(5, 6), (7, 8), (2, 2)].into_iter().collect();
        let (s, e) = renumber("as set out in paragraphs 5 and 7 above", &map).unwrap();
        assert_eq!(s, "as set out in paragraphs 6 and 8 above");
        assert_eq!(e.len(), 2);
        let (s, _) = renumber("paragraph 5 (b) of the present resolution", &map).unwrap();
        assert_eq!(s, "paragraph 6 (b) of the present resolution");
        assert!(renumber("paragraph 5 of resolution 70/1", &map).is_none());
        assert!(renumber("paragraph 2 above", &map).is_none());
        let other = "article 4 of the Paris Agreement, in particular paragraph 5, which states";
        assert!(renumber(other, &map).is_none());
        let article = "decisions relating to article 4, paragraphs 5 and 7, article 6, paragraph 2";
        assert!(renumber(article, &map).is_none());
        assert!(renumber("the Guidelines, particularly paragraph 5 thereof", &map).is_none());
        let (s, _) = renumber("the work, in particular paragraph 5 above", &map).unwrap();
        assert_eq!(s, "the work, in particular paragraph 6 above");
    }

    #[test]
    fn sub_paragraph_labels_follow_the_map() {
        let mut map: NumberMap = [(5, 6), (2, 2)].into_iter().collect();
        let labels = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        map.labels.insert((5, labels(&["b"])), labels(&["c"]));
        map.labels
            .insert((5, labels(&["b", "ii"])), labels(&["c", "iii"]));
        map.labels.insert((2, labels(&["a"])), labels(&["b"]));
        let (s, e) = renumber("as set out in paragraph 5 (b) above", &map).unwrap();
        assert_eq!(s, "as set out in paragraph 6 (c) above");
        assert_eq!(e.len(), 2);
        let (s, _) = renumber(
            "paragraphs 2 (a) and 5 (b) (ii) of the present resolution",
            &map,
        )
        .unwrap();
        assert_eq!(
            s,
            "paragraphs 2 (b) and 6 (c) (iii) of the present resolution"
        );
        // A label the map does not know, and another text's paragraph, keep theirs.
        let (s, _) = renumber("paragraph 5 (d) above", &map).unwrap();
        assert_eq!(s, "paragraph 6 (d) above");
        assert!(renumber("paragraph 2 (a) of resolution 70/1", &map).is_none());
    }
}
