//! Ordinal words as the UN names preambular paragraphs ("the forty-first preambular
//! paragraph"): numbers to words with the `num2words` crate, and words back to numbers by
//! looking them up in the same table, so both directions always agree.

use num2words::Num2Words;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The largest paragraph number named by words.
pub const MAX: usize = 999;

fn table() -> &'static (Vec<String>, HashMap<String, usize>) {
    static TABLE: OnceLock<(Vec<String>, HashMap<String, usize>)> = OnceLock::new();
    TABLE.get_or_init(|| {
        let words: Vec<String> = (0..=MAX)
            .map(|n| {
                Num2Words::new(n as i64)
                    .ordinal()
                    .to_words()
                    .unwrap_or_else(|_| n.to_string())
            })
            .collect();
        let mut back = HashMap::new();
        for (n, w) in words.iter().enumerate().skip(1) {
            back.insert(w.clone(), n);
            // "one hundred and first" is also written "hundred and first", and the "and"
            // may be left out.
            back.insert(w.replace(" and ", " "), n);
            if let Some(rest) = w.strip_prefix("one ") {
                back.insert(rest.to_string(), n);
            }
        }
        (words, back)
    })
}

/// The ordinal word for a 1-based number ("first", "twenty-third"); digits past [`MAX`].
pub fn word(n: usize) -> String {
    match table().0.get(n) {
        Some(w) if n > 0 => w.clone(),
        _ => format!("{n}th"),
    }
}

/// The number an ordinal word names ("forty-first" → 41), case-insensitive, with ‑ or -
/// or a space between the parts.
pub fn parse(s: &str) -> Option<usize> {
    let key = s
        .trim()
        .to_lowercase()
        .replace(['\u{2011}', '\u{2010}', '–'], "-")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let key = key.replace(" and ", " ");
    let t = &table().1;
    t.get(&key)
        .or_else(|| t.get(&key.replacen(' ', "-", 1)))
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_both_ways() {
        for (n, w) in [
            (1, "first"),
            (2, "second"),
            (16, "sixteenth"),
            (20, "twentieth"),
            (23, "twenty-third"),
            (41, "forty-first"),
        ] {
            assert_eq!(word(n), w);
            assert_eq!(parse(w), Some(n));
        }
        assert_eq!(parse("Forty\u{2011}first"), Some(41));
        assert_eq!(parse("hundred and first"), Some(101));
        assert_eq!(parse("firsts"), None);
        for n in 1..=MAX {
            assert_eq!(parse(&word(n)), Some(n), "{n}");
        }
    }
}
