//! The standard opening phrases of UN resolutions, shipped as data (`src/data/*.txt`): the
//! participles and adjectives that open preambular paragraphs and the verbs that open
//! operative paragraphs, plus the adverbs that combine with them ("Also", "Further",
//! "Strongly", "Once again"). Used by the importer to find a paragraph's lead when the text
//! has no italics, and by the editorial check.

use std::collections::HashSet;
use std::sync::OnceLock;

const PREAMBULAR: &str = include_str!("data/preambular.txt");
const OPERATIVE: &str = include_str!("data/operative.txt");

/// Adverbs that may stand before an opening phrase ("Also requests", "Once again urges").
pub const ADVERBS_BEFORE: &[&str] = &[
    "Also further",
    "Also strongly",
    "Further strongly",
    "Once again",
    "Also",
    "Further",
    "Furthermore",
    "Again",
    "Strongly",
    "Deeply",
    "Firmly",
    "Fully",
    "Solemnly",
    "Emphatically",
    "Repeatedly",
    "Moreover",
    "Urgently",
    "Gravely",
    "Seriously",
    "Particularly",
];

/// Whether a word is one of the adverbs that qualify an opening phrase ("also", "Once",
/// "strongly"), in any case.
pub fn is_adverb(word: &str) -> bool {
    ADVERBS_BEFORE
        .iter()
        .flat_map(|a| a.split(' '))
        .any(|a| a.eq_ignore_ascii_case(word))
}

/// Adverbs that may follow an opening phrase ("Recalling also", "Requests further").
pub const ADVERBS_AFTER: &[&str] = &["also", "further", "again", "once again", "moreover"];

fn parse(data: &'static str) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = data
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    // Longest first, so that "Taking note with appreciation" wins over "Taking note".
    v.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    v.dedup();
    v
}

/// The standard preambular opening phrases, longest first.
pub fn preambular() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| parse(PREAMBULAR))
}

/// The standard operative opening phrases, longest first.
pub fn operative() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| parse(OPERATIVE))
}

/// How many opening bytes index the phrases (no listed phrase is shorter).
const HEAD: usize = 4;

/// The first [`HEAD`] bytes of a text, ASCII lower-cased (`None` for a shorter text).
fn head(text: &str) -> Option<[u8; HEAD]> {
    let mut h: [u8; HEAD] = text.as_bytes().get(..HEAD)?.try_into().ok()?;
    h.make_ascii_lowercase();
    Some(h)
}

/// The phrases of a list by their first bytes (ASCII lower-cased), each bucket in the list's
/// order: a text is compared only with the phrases that can open it (a handful, where the
/// first letter alone leaves twenty). `None` when a phrase is too short to be indexed.
type ByHead = Option<foldhash::HashMap<[u8; HEAD], Vec<&'static str>>>;

fn by_head(list: &'static [&'static str]) -> ByHead {
    let mut map: foldhash::HashMap<[u8; HEAD], Vec<&'static str>> = Default::default();
    for p in list {
        map.entry(head(p)?).or_default().push(p);
    }
    Some(map)
}

/// The phrases of `list` that may open `text`, in the list's order: the bucket of its first
/// bytes for the two standard lists, else the whole list.
fn candidates(text: &str, list: &'static [&'static str]) -> &'static [&'static str] {
    static PRE: OnceLock<ByHead> = OnceLock::new();
    static OP: OnceLock<ByHead> = OnceLock::new();
    let index = if std::ptr::eq(list, preambular()) {
        PRE.get_or_init(|| by_head(list))
    } else if std::ptr::eq(list, operative()) {
        OP.get_or_init(|| by_head(list))
    } else {
        return list;
    };
    let Some(index) = index else {
        return list;
    };
    // A text shorter than every phrase opens with none.
    head(text)
        .and_then(|h| index.get(&h))
        .map_or(&[], Vec::as_slice)
}

/// Length in bytes of `prefix` at the start of `text`, compared case-insensitively (ASCII),
/// when it ends on a word boundary.
fn prefix_len(text: &str, prefix: &str) -> Option<usize> {
    // The first byte tells most phrases apart before the whole prefix is compared.
    if let (Some(t), Some(p)) = (text.as_bytes().first(), prefix.as_bytes().first())
        && !t.eq_ignore_ascii_case(p)
    {
        return None;
    }
    let head = text.get(..prefix.len())?;
    if !head.eq_ignore_ascii_case(prefix) {
        return None;
    }
    match text[prefix.len()..].chars().next() {
        None => Some(prefix.len()),
        Some(c) if c.is_alphanumeric() || c == '-' => None,
        Some(_) => Some(prefix.len()),
    }
}

/// The standard phrase (as listed) that `text` opens with, ignoring case.
pub fn listed_phrase(text: &str, list: &'static [&'static str]) -> Option<&'static str> {
    candidates(text, list)
        .iter()
        .copied()
        .find(|p| prefix_len(text, p).is_some())
}

/// The length in bytes of the opening phrase of `text` from `list`, with any adverbs before
/// ("Also", "Further") or after ("also") it. `None` when the text opens with no listed phrase.
pub fn match_lead(text: &str, list: &'static [&'static str]) -> Option<usize> {
    let mut start = 0;
    // Adverbs before the phrase, e.g. "Also strongly urges", unless a listed phrase opens
    // with the adverb ("Deeply concerned", "Further recalling").
    for _ in 0..2 {
        let rest = &text[start..];
        if candidates(rest, list)
            .iter()
            .any(|p| prefix_len(rest, p).is_some())
        {
            break;
        }
        let Some(n) = ADVERBS_BEFORE.iter().find_map(|a| prefix_len(rest, a)) else {
            break;
        };
        let after = &rest[n..];
        let skipped = after.len() - after.trim_start_matches(' ').len();
        if skipped == 0 {
            break;
        }
        start += n + skipped;
    }
    let rest = &text[start..];
    let n = candidates(rest, list)
        .iter()
        .find_map(|p| prefix_len(rest, p))?;
    let mut end = start + n;
    let after = &text[end..];
    if let Some(tail) = after.strip_prefix(' ')
        && let Some(m) = ADVERBS_AFTER.iter().find_map(|a| prefix_len(tail, a))
    {
        // "also" must not start the next phrase's object ("Recalling also article 10" is
        // fine; the adverb is part of the lead either way).
        end += 1 + m;
    }
    Some(end)
}

/// The first word of a phrase that is not an adverb ("Deeply concerned" → "concerned").
fn head_word(phrase: &str) -> Option<&str> {
    phrase
        .split(' ')
        .find(|w| !ADVERBS_BEFORE.iter().any(|a| a.eq_ignore_ascii_case(w)))
}

/// Whether a word is the verb of a listed operative phrase ("Urges", "Calls"), in any case.
pub fn is_operative_verb(word: &str) -> bool {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| head_words(operative()))
        .contains(&word.to_ascii_lowercase())
}

/// The head words of a list of phrases, lower-cased (ASCII only, as `eq_ignore_ascii_case`
/// compares), for the look-ups above.
fn head_words(list: &[&str]) -> HashSet<String> {
    list.iter()
        .filter_map(|p| head_word(p))
        .map(str::to_ascii_lowercase)
        .collect()
}

/// Whether a word is the participle or adjective of a listed preambular phrase ("Recalling",
/// "Concerned" of "Deeply concerned"), in any case.
pub fn is_preambular_word(word: &str) -> bool {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| head_words(preambular()))
        .contains(&word.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_longest_first() {
        assert!(preambular().contains(&"Bearing in mind"));
        assert!(operative().contains(&"Calls upon"));
        let pos = |p: &str| preambular().iter().position(|x| *x == p);
        assert!(pos("Taking note with appreciation") < pos("Taking note"));
        assert!(preambular().iter().all(|p| !p.starts_with('#')));
    }

    #[test]
    fn matches_phrases_with_adverbs() {
        let m = |t: &'static str| match_lead(t, preambular()).map(|n| &t[..n]);
        assert_eq!(
            m("Taking note with appreciation of the report"),
            Some("Taking note with appreciation")
        );
        assert_eq!(m("Recalling also article 10"), Some("Recalling also"));
        assert_eq!(m("Also recognizing the role"), Some("Also recognizing"));
        assert_eq!(m("Recallings of"), None);
        let o = |t: &'static str| match_lead(t, operative()).map(|n| &t[..n]);
        assert_eq!(o("Also strongly urges States"), Some("Also strongly urges"));
        assert_eq!(o("Calls Upon Member States"), Some("Calls Upon"));
        assert_eq!(o("Once again requests"), Some("Once again requests"));
    }

    #[test]
    fn knows_operative_verbs_and_preambular_words() {
        assert!(is_operative_verb("encourages"));
        assert!(!is_operative_verb("Encourage"));
        assert!(is_operative_verb("Condemns"), "from “Strongly condemns”");
        assert!(is_preambular_word("recalling"));
        assert!(is_preambular_word("Concerned"), "from “Deeply concerned”");
        assert!(!is_preambular_word("Recalls"));
        assert!(!is_preambular_word("Deeply"));
    }

    #[test]
    fn a_listed_phrase_that_opens_with_an_adverb_is_matched_whole() {
        let m = |t: &'static str| match_lead(t, preambular()).map(|n| &t[..n]);
        assert_eq!(
            m("Deeply disturbed by the storms at sea"),
            Some("Deeply disturbed")
        );
        assert_eq!(
            m("Strongly condemning the wreckers"),
            Some("Strongly condemning")
        );
        assert_eq!(
            m("Also looking forward to the regatta"),
            Some("Also looking forward")
        );
    }
}
