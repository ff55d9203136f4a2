//! Spelling: UN texts use Oxford spelling, the British spelling with -ize ("emphasize",
//! "organization", "recognizing"), so "emphasise" is a finding. Only verbs listed in
//! `src/data/ize.txt` are concerned: "advise", "exercise", "revise" keep -ise, and "analyse"
//! keeps -yse. Names keep their own spelling (a capitalised word inside a paragraph, such as
//! "Organisation for the Prohibition of Chemical Weapons"), and so do quoted titles
//! (“… aerosolised use …”).

use super::local::Local;
use super::{Finding, finding};
use crate::model::Document;
use std::collections::HashSet;
use std::sync::{Arc, OnceLock};

const IZE: &str = include_str!("../data/ize.txt");

/// The -ise endings and their -ize forms, longest first.
const ENDINGS: &[(&str, &str)] = &[
    ("isations", "izations"),
    ("isation", "ization"),
    ("ising", "izing"),
    ("isers", "izers"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("iser", "izer"),
    ("ise", "ize"),
];

/// The stems of the listed -ize verbs ("emphas" of "emphasize").
fn stems() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        IZE.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| l.strip_suffix("ize"))
            .collect()
    })
}

/// The -ize spelling of a word spelt with -ise ("Emphasise" → "Emphasize"), when its verb is
/// one that UN texts spell with -ize.
pub fn ize_form(word: &str) -> Option<String> {
    // Every listed ending holds "is": most words are done with here.
    let has_is = word
        .as_bytes()
        .windows(2)
        .any(|w| w.eq_ignore_ascii_case(b"is"));
    if !has_is || !word.is_ascii() {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    ENDINGS.iter().find_map(|(ise, ize)| {
        let stem = lower.strip_suffix(ise)?;
        stems()
            .contains(stem)
            .then(|| format!("{}{ize}", &word[..stem.len()]))
    })
}

/// The words of `text` spelt with -ise where UN texts write -ize, with their -ize form; the
/// first word is checked whatever its case, later capitalised words (names) and words in
/// quotation marks are not.
pub(crate) fn misspelt(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut quoted = false;
    let mut first = true;
    let mut word = String::new();
    let mut flush = |word: &mut String, first: &mut bool, quoted: bool| {
        if word.is_empty() {
            return;
        }
        let is_name = !*first && word.starts_with(|c: char| c.is_uppercase());
        if !quoted
            && !is_name
            && let Some(fixed) = ize_form(word)
            && !out.iter().any(|(w, _)| w == word)
        {
            out.push((word.clone(), fixed));
        }
        *first = false;
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphabetic() {
            word.push(c);
            continue;
        }
        flush(&mut word, &mut first, quoted);
        match c {
            '“' => quoted = true,
            '”' => quoted = false,
            '"' => quoted = !quoted,
            _ => {}
        }
    }
    flush(&mut word, &mut first, quoted);
    out
}

/// Adds the spelling findings of `doc` to `out`.
/// (`doc`), with what each paragraph's text says read already (`paras` and `locals`, in
/// document order).
pub(crate) fn check_with(
    doc: &Document,
    paras: &super::Paras<'_>,
    locals: &[Arc<Local>],
    out: &mut Vec<Finding>,
) {
    for ((p, loc), l) in paras.iter().zip(locals) {
        let words = &l.misspelt;
        if words.is_empty() {
            continue;
        }
        let quote = |w: &[(String, String)], ize: bool| {
            w.iter()
                .map(|(a, b)| format!("“{}”", if ize { b } else { a }))
                .collect::<Vec<_>>()
                .join(", ")
        };
        out.push(finding(
            doc,
            &p.id,
            loc,
            "spelling",
            format!(
                "{} spelt with -ise: UN texts spell with -ize (Oxford spelling)",
                quote(words, false)
            ),
            format!("write {}", quote(words, true)),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ize_forms_of_listed_verbs_only() {
        assert_eq!(ize_form("Emphasise").as_deref(), Some("Emphasize"));
        assert_eq!(ize_form("organisations").as_deref(), Some("organizations"));
        assert_eq!(ize_form("recognising").as_deref(), Some("recognizing"));
        assert_eq!(ize_form("prioritised").as_deref(), Some("prioritized"));
        for kept in [
            "advise",
            "exercise",
            "revised",
            "otherwise",
            "premises",
            "analyse",
        ] {
            assert_eq!(ize_form(kept), None, "{kept}");
        }
        assert_eq!(ize_form("emphasize"), None);
    }

    #[test]
    fn names_and_quoted_titles_keep_their_spelling() {
        let got = misspelt(
            "Emphasise the role of the Lighthouse Organisation and its report “Lamps realised”, \
             and to mobilise the keepers",
        );
        assert_eq!(
            got,
            vec![
                ("Emphasise".to_string(), "Emphasize".to_string()),
                ("mobilise".to_string(), "mobilize".to_string()),
            ]
        );
        assert_eq!(misspelt("to revise and supervise the watch").len(), 0);
        assert_eq!(misspelt("to re-emphasise the watch")[0].1, "emphasize");
    }
}
