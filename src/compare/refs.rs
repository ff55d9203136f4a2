//! Cross-references and renumbering: "paragraph 5 above" in the old text, where old
//! paragraph 5 is new paragraph 6, is rewritten to "paragraph 6 above" before the word
//! comparison, so a reference updated only because of renumbering is no change of substance.

use super::words::{is_word, tokenize};
use super::{Edit, Field};
use std::collections::HashMap;

/// Old paragraph number → new paragraph number, for the numbered paragraphs present in both.
pub type NumberMap = HashMap<u32, u32>;

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

/// The old text with its internal paragraph references renumbered through `map`, and the
/// rewrites as edits on the old text. `None` when nothing needs rewriting.
pub fn renumber(text: &str, map: &NumberMap) -> Option<(String, Vec<Edit>)> {
    // (No other character lower-cases to the ASCII letters of "paragraph".)
    let b = text.as_bytes();
    let mentions = memchr::memchr2_iter(b'p', b'P', b).any(|i| {
        b.get(i..i + 9)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"paragraph"))
    });
    if map.is_empty() || !mentions {
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
        let t = toks[i].to_lowercase();
        if t != "paragraph" && t != "paragraphs" {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut numbers = Vec::new();
        while j < toks.len() {
            let tok = toks[j];
            let lower = tok.to_lowercase();
            let allowed = tok.trim().is_empty()
                || matches!(tok, "," | "(" | ")" | "-" | "–")
                || matches!(lower.as_str(), "and" | "to" | "or")
                || (is_word(tok)
                    && j > 0
                    && toks[j - 1] == "("
                    && !tok.starts_with(char::is_numeric));
            if tok.chars().all(|c| c.is_ascii_digit()) && !tok.is_empty() {
                numbers.push(j);
            } else if !allowed {
                break;
            }
            j += 1;
        }
        if !numbers.is_empty()
            && points_here(&toks[j.min(toks.len())..])
            && !cites_another_text(&toks[..i])
        {
            for k in numbers {
                let Ok(n) = toks[k].parse::<u32>() else {
                    continue;
                };
                if let Some(m) = map.get(&n).filter(|m| **m != n) {
                    edits.push(Edit {
                        field: Field::Text,
                        at: offsets[k],
                        deleted: toks[k].to_string(),
                        inserted: m.to_string(),
                    });
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
}
