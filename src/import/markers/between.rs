//! The second round of marker finding: a footnote printed at a page's foot whose marker the
//! shapes of the first round missed is anchored by the evidence of order. The markers run
//! 1..N through the text, so the marker of footnote `n` stands after the marker of the
//! footnote before it and before the marker of the footnote after it, on its page or the page
//! before; in that window a number `n` is taken in the shapes extraction leaves that the
//! first round does not trust on their own: after a word that numbers things (`decision 21
//! to`, `Group 6 to`), after a number or symbol (`COVID-19 13 and`, `5/7 27 and`), glued to
//! one (`COVID-1916`, `Agenda 216`, `55/2831`, `1/CP.2731`, `strategy 10.24`, `202333`),
//! glued to a capital (`Protocol I4`), inside a word broken by extraction (`a 8 nd`), at a
//! line start before the gap (`8  was not adopted`), before a capital (`Tlatelolco, 5
//! Rarotonga`), after a full stop at a line end (`annexes. 5`).

use super::super::footnotes::superscript_number;
use super::super::lines::Line;
use super::is_year;
use std::ops::Range;

/// A place in the lines: line index and byte offset.
type Place = (usize, usize);

/// The marker of footnote `n` (printed at the foot of `page`) between the markers already
/// written around it: the line and the span of its digits, in the most telling shape, the
/// first of that shape.
pub(super) fn find(lines: &[Line], page: u32, n: u32) -> Option<(usize, Range<usize>)> {
    let from_page = page.saturating_sub(1);
    let first = lines.iter().position(|l| l.page >= from_page)?;
    let end = lines
        .iter()
        .rposition(|l| l.page <= page)
        .map_or(0, |k| k + 1);
    let written = written_markers(lines);
    // After the nearest marker of a lower number; before the first higher one after it.
    let lo = written
        .iter()
        .filter(|(_, m)| *m < n)
        .max_by_key(|(_, m)| *m)
        .map(|(at, _)| *at)
        .unwrap_or((0, 0))
        .max((first, 0));
    let hi = written
        .iter()
        .filter(|(at, m)| *m > n && *at >= lo)
        .map(|(at, _)| *at)
        .min()
        .unwrap_or((end, 0))
        .min((end, 0));
    let want = n.to_string();
    let mut best: Option<(u8, usize, Range<usize>)> = None;
    for i in lo.0..hi.0.min(lines.len()) + usize::from(hi.1 > 0) {
        let Some(line) = lines.get(i) else { break };
        let t = line.text.as_str();
        let from = if i == lo.0 { lo.1 } else { 0 };
        let to = if i == hi.0 { hi.1 } else { t.len() };
        let mut k = from;
        while let Some(off) = t.get(k..to).and_then(|s| s.find(want.as_str())) {
            let s = k + off;
            let e = s + want.len();
            // Overlapping: the marker 33 in `202333` starts at the second "33".
            k = s + 1;
            if let Some(rank) = shape(t, s, e, &line.gaps)
                && best.as_ref().is_none_or(|b| rank < b.0)
            {
                best = Some((rank, i, s..e));
            }
        }
    }
    best.map(|(_, i, span)| (i, span))
}

/// The markers written so far (superscript digits), with the place just after each.
fn written_markers(lines: &[Line]) -> Vec<(Place, u32)> {
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let mut k = 0;
        while k < l.text.len() {
            let rest = &l.text[k..];
            if let Some((m, len)) = superscript_number(rest) {
                out.push(((i, k + len), m));
                k += len;
            } else {
                k += rest.chars().next().map_or(1, char::len_utf8);
            }
        }
    }
    out
}

/// Words after which a number is a day, a page, a count or a reference, never a marker
/// ("of 9 December", "paragraph 5", "vol. 2"), whatever the order says.
const NEVER_BEFORE: &[&str] = &[
    "of",
    "in",
    "on",
    "to",
    "for",
    "by",
    "at",
    "from",
    "with",
    "and",
    "or",
    "the",
    "than",
    "between",
    "since",
    "until",
    "after",
    "before",
    "over",
    "under",
    "about",
    "per",
    "no",
    "nos",
    "vol",
    "volume",
    "p",
    "pp",
    "page",
    "pages",
    "paragraph",
    "paragraphs",
    "subparagraph",
    "subparagraphs",
    "para",
    "paras",
    "article",
    "articles",
    "annex",
    "annexes",
    "chapter",
    "chap",
    "section",
    "sections",
    "sect",
    "item",
    "items",
    "rule",
    "rules",
    "table",
    "goal",
    "goals",
    "target",
    "targets",
    "series",
];

/// Words before which a number counts or dates: "9 December", "10 per cent", "5 years".
const NEVER_AFTER: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "per",
    "percent",
    "million",
    "billion",
    "trillion",
    "thousand",
    "hundred",
    "years",
    "year",
    "months",
    "weeks",
    "days",
    "hours",
    "times",
    "states",
    "countries",
    "members",
];

/// How telling the digits at `s..e` of `t` are as a marker, lower being more: `None` where
/// they cannot be one (a paragraph number, part of a longer number, a day, a count, a page).
fn shape(t: &str, s: usize, e: usize, gaps: &[usize]) -> Option<u8> {
    let before = &t[..s];
    let after = &t[e..];
    let prev = before.chars().next_back();
    let next = after.chars().next();
    // Digits that go on as a number or a symbol ("61/29", "2.5") are not a marker.
    let continues = next.is_some_and(|c| c.is_ascii_digit() || matches!(c, '/' | '-' | '–'))
        || next == Some('.') && after[1..].starts_with(char::is_alphanumeric);
    if continues {
        return None;
    }
    let rest = after.trim_start();
    let next_word: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    if NEVER_AFTER.contains(&next_word.as_str()) {
        return None;
    }
    let lower_next = rest.is_empty()
        || rest.starts_with(|c: char| c.is_lowercase() || matches!(c, ',' | ';' | ':' | '.' | '('));
    // At a line start: a paragraph number ("15. Recognizes", "5."), or a marker before the
    // wide gap a superscript leaves (`8  was not adopted`).
    if before.trim().is_empty() {
        let gap = after.starts_with("  ") || gaps.contains(&e);
        return (gap && rest.starts_with(char::is_lowercase)).then_some(0);
    }
    let word_before = |b: &str| {
        b.trim_end()
            .rsplit(|c: char| c.is_whitespace() || c == '(')
            .next()
            .unwrap_or("")
            .trim_end_matches(['.', ','])
            .to_lowercase()
    };
    if prev == Some(' ') {
        let stripped = before.trim_end();
        let w = word_before(stripped);
        let after_punctuation = stripped.ends_with([',', ';', ':', '.', '”', '’', ')']);
        let abbreviation = stripped.ends_with('.') && ABBREVIATIONS.contains(&w.as_str());
        if abbreviation || !after_punctuation && NEVER_BEFORE.contains(&w.as_str()) {
            return None;
        }
        if next.is_some_and(char::is_alphabetic) {
            // Glued to the word after it: `resolutions 3on`.
            return next.is_some_and(char::is_lowercase).then_some(6);
        }
        return Some(match (lower_next, after_punctuation) {
            // Continuing a list of numbers ("5, 6 and 7, 5 for"): the last resort.
            (true, true) if super::number_list(stripped) => 7,
            (true, true) => 1,
            (true, false) => 2,
            (false, _) => 4,
        });
    }
    if next.is_some_and(char::is_alphanumeric) {
        return None;
    }
    // Glued to what it follows: the token it ends must keep something of its own, and a
    // number after a word that numbers things is that thing's number ("No. 20125").
    let token = before
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .trim_start_matches(['(', '“']);
    let numbered = word_before(&before[..before.len() - token.len()]);
    if token.is_empty()
        || token.chars().all(|c| c.is_ascii_digit()) && NEVER_BEFORE.contains(&numbered.as_str())
    {
        return None;
    }
    match prev {
        Some(c) if c.is_alphabetic() => Some(3),
        Some('.') => super::after_full_stop(&token[..token.len() - 1], after).then_some(3),
        // `COVID-1916`, `55/2831`, `202333`; not a year that is all of the token (`2009`);
        // the end of a symbol cited with its date (`61/29 of 4 December 2006`) only as the
        // last resort (`resolution 6/929 of 1 March 2024`).
        Some(c) if c.is_ascii_digit() => {
            let whole = format!("{token}{}", &t[s..e]);
            let dated = rest
                .strip_prefix("of ")
                .is_some_and(|d| d.starts_with(|c: char| c.is_ascii_digit()));
            (!is_year(&whole) && !is_year_span(&whole)).then_some(if dated { 8 } else { 5 })
        }
        _ => None,
    }
}

/// Abbreviations after which a number is a reference: "No. 5", "vol. 2", "p. 3".
const ABBREVIATIONS: &[&str] = &[
    "no", "nos", "vol", "p", "pp", "para", "paras", "chap", "sect", "art", "arts", "op",
];

/// A span of years, `2015–2030`.
fn is_year_span(w: &str) -> bool {
    w.split(['–', '-']).count() == 2 && w.split(['–', '-']).all(is_year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_by_how_telling_they_are() {
        let at = |t: &str, n: &str| {
            let s = t.find(n).unwrap_or(0);
            shape(t, s, s + n.len(), &[])
        };
        assert_eq!(at("8  was not adopted", "8"), Some(0));
        assert_eq!(at("15. Recognizes that", "15"), None);
        assert_eq!(at("items 5, 6 and", "5"), None);
        assert_eq!(at("and 7, 5 for", "5"), Some(7));
        assert_eq!(at("its annexes. 5", "5"), Some(1));
        assert_eq!(at("see No. 5 and", "5"), None);
        assert_eq!(at("a 8 nd other", "8"), Some(2));
        assert_eq!(at("the decision 21 to provide", "21"), Some(2));
        assert_eq!(at("on COVID-19 13 and", "13"), Some(2));
        assert_eq!(at("Protocol I4 to the", "4"), Some(3));
        assert_eq!(at("on COVID-1916 and", "16"), Some(5));
        assert_eq!(at("resolution 61/29 of 4 December", "9"), Some(8));
        assert_eq!(at("of Tlatelolco, 5 Rarotonga", "5"), Some(4));
        assert_eq!(at("of 9 December 2009", "9"), None);
        assert_eq!(at("in 2009 and", "9"), None);
        assert_eq!(at("by 2030 10 per cent", "10"), None);
        assert_eq!(at("resolutions 3on the", "3"), Some(6));
        // After a full stop: a sentence's end, not a decimal or a symbol's number.
        assert_eq!(at("model strategy 10.24 Furthermore", "24"), Some(3));
        assert_eq!(at("rising by 1.5 centimetres", "5"), None);
        assert_eq!(at("decision 2/HC.6, the", "6"), None);
        assert_eq!(at("decisions 1/CP.28 and", "28"), None);
    }
}
