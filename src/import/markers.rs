//! Footnote markers in plain digits, as PDF extraction leaves them ([`mark`]): glued
//! `Rights,2`, `Child4`, `2024/25;4`; spaced `people, 1 and`, `Notes; 3`; deciding which
//! digits are markers by the footnotes printed at the foot of the same page, as a reader does,
//! and writing them as superscript digits for [`super::anchors::link`].

mod between;
mod words;

use super::footnotes::{FootnoteDef, SUPERSCRIPTS};
use super::lines::Line;
pub(in crate::import) use words::NUMBERED_NOUNS;
use words::{NUMBERING_WORDS, UNITS};

/// Finds the plain-digit markers of the footnotes in the body lines and writes them as
/// superscript digits, glued to what they follow (`people, 1 and` → `people,¹ and`), for
/// [`super::anchors::link`]. Each footnote's marker is looked for on the page whose foot prints it, after the
/// previous footnote's marker: first glued to a word or punctuation, then spaced after
/// punctuation, then spaced after a word that does not number things ("Article 1"), then
/// glued to an acronym; failing that anywhere on the page, then on the page before. A marker
/// none of these shapes finds is looked for between its neighbours ([`between::find`]).
pub fn mark(lines: &mut [Line], defs: &[FootnoteDef]) {
    let mut by_page: Vec<(u32, u32)> = defs
        .iter()
        .filter(|d| d.plain)
        .filter_map(|d| Some((d.page, d.number?)))
        .collect();
    by_page.sort_unstable();
    let mut cursor: (usize, usize) = (0, 0);
    let mut cursor_page = 0;
    let mut missed = Vec::new();
    for (page, n) in by_page {
        let Some(first) = lines.iter().position(|l| l.page == page) else {
            continue;
        };
        let end = lines[first..]
            .iter()
            .position(|l| l.page != page)
            .map_or(lines.len(), |k| first + k);
        if cursor_page != page {
            cursor = (first, 0);
            cursor_page = page;
        }
        let prev_first = lines[..first]
            .iter()
            .rposition(|l| l.page + 1 != page)
            .map_or(0, |k| k + 1);
        let found = PASSES
            .into_iter()
            .find_map(|pass| find_in(lines, cursor, end, n, pass))
            .or_else(|| {
                PASSES
                    .into_iter()
                    .find_map(|pass| find_in(lines, (first, 0), end, n, pass))
            })
            .or_else(|| {
                PASSES
                    .into_iter()
                    .find_map(|pass| find_in(lines, (prev_first, 0), first, n, pass))
            });
        match found {
            Some((i, span)) => {
                let at = write(lines, i, span, n);
                if i >= first {
                    cursor = at;
                }
            }
            None => missed.push((page, n)),
        }
    }
    // Second round, by the evidence of order: each marker still missing stands between the
    // markers of the footnotes around it.
    for (page, n) in missed {
        if let Some((i, span)) = between::find(lines, page, n) {
            write(lines, i, span, n);
        }
    }
}

/// Writes the marker of footnote `n` found at `span` of line `i` as superscript digits
/// glued to what it follows; returns the place just after it.
fn write(lines: &mut [Line], i: usize, span: std::ops::Range<usize>, n: u32) -> (usize, usize) {
    // A marker opening a line (`16including`, `8  was not adopted`) belongs to the end of
    // the line before.
    let before = lines[i].text[..span.start]
        .trim()
        .is_empty()
        .then(|| lines[..i].iter().rposition(|l| !l.is_blank()))
        .flatten();
    if let Some(j) = before {
        let line = &mut lines[i];
        let cut = span.end + line.text[span.end..].len() - line.text[span.end..].trim_start().len();
        line.text.replace_range(..cut, "");
        line.gaps.retain(|&g| g >= cut);
        for g in &mut line.gaps {
            *g -= cut;
        }
        let prev = &mut lines[j].text;
        prev.truncate(prev.trim_end().len());
        prev.push_str(&superscript(n));
        return (i, 0);
    }
    let line = &mut lines[i];
    let sup = superscript(n);
    let mut start = span.start;
    while start > 0 && line.text.as_bytes()[start - 1] == b' ' {
        start -= 1;
    }
    // A marker is never glued to the word after it.
    let spaced = if line.text[span.end..].starts_with(char::is_alphabetic) {
        format!("{sup} ")
    } else {
        sup
    };
    line.text.replace_range(start..span.end, &spaced);
    // The gaps after the marker move with the text; the one it closed is gone.
    let (old, new) = (span.end - start, spaced.len());
    line.gaps.retain(|&g| g < start || g > span.end);
    for g in &mut line.gaps {
        if *g > span.end {
            *g = *g + new - old;
        }
    }
    (i, start + new)
}

const PASSES: [Pass; 8] = [
    Pass::Glued,
    Pass::Gap,
    Pass::AfterPunctuation,
    Pass::AfterWord,
    Pass::Year,
    Pass::AfterYear,
    Pass::Acronym,
    Pass::BeforeWord,
];

/// How a plain-digit marker stands in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pass {
    /// Glued to a word or to punctuation: `Rights,2`, `Child4`, `2024/25;4`.
    Glued,
    /// Spaced, and followed by the wide gap extraction leaves after a superscript, whatever
    /// stands around it: `Ltamenah, 9  Saraqib`, `resolutions 3  on`, `basis. 19  Prison`.
    Gap,
    /// After punctuation and a space: `people, 1 and`, `Notes; 3`.
    AfterPunctuation,
    /// After a word and a space: `the Court 1 and`.
    AfterWord,
    /// Glued to a year: `10 October 20249` (`2024` and marker 9), `for 2025–20288`.
    Year,
    /// After a year or a span of years and a space: `in 2016 5 and`, `2015–2030 20 by`.
    AfterYear,
    /// Glued to an acronym (`UNRWA2`), late, as `G20` is a name.
    Acronym,
    /// After a word and a space, or after punctuation, but glued to the next word, where
    /// extraction lost the space after it: `the Paris Agreement 5and its`, `Rights,1as`;
    /// or so at the start of a line (`16including`).
    BeforeWord,
}

/// The number written in superscript digits.
pub(super) fn superscript(n: u32) -> String {
    n.to_string()
        .bytes()
        .map(|b| SUPERSCRIPTS[usize::from(b - b'0')])
        .collect()
}

/// The first marker of footnote `n` in lines `from..end` (from a byte offset in the first
/// line): the line and the span of its digits.
fn find_in(
    lines: &[Line],
    from: (usize, usize),
    end: usize,
    n: u32,
    pass: Pass,
) -> Option<(usize, std::ops::Range<usize>)> {
    (from.0..end).find_map(|i| {
        let t = &lines[i].text;
        let start = if i == from.0 { from.1.min(t.len()) } else { 0 };
        marker_in(t, &lines[i].gaps, start, n, pass).map(|r| (i, r))
    })
}

/// A marker of footnote `n` in `t` from byte `from`, standing as `pass` says.
fn marker_in(
    t: &str,
    gaps: &[usize],
    from: usize,
    n: u32,
    pass: Pass,
) -> Option<std::ops::Range<usize>> {
    let want = n.to_string();
    let mut k = from;
    while let Some(off) = t[k..].find(want.as_str()) {
        let s = k + off;
        let e = s + want.len();
        // Overlapping: the marker 33 in `202333` starts at the second "33".
        k = s + 1;
        let before = &t[..s];
        let after = &t[e..];
        let prev = before.chars().next_back();
        let next = after.chars().next();
        if next.is_some_and(|c| c.is_ascii_digit())
            || prev.is_some_and(|c| c.is_ascii_digit()) != (pass == Pass::Year)
        {
            continue;
        }
        if next.is_some_and(char::is_alphanumeric) != (pass == Pass::BeforeWord) {
            continue;
        }
        // A decimal number (`strategy 10.7`), not a marker before a full stop.
        if next == Some('.') && after[1..].starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let found = match pass {
            Pass::Year => date_year(before),
            // Text on both sides, a single space before and the wide gap after.
            Pass::Gap => {
                gaps.contains(&e)
                    && before.ends_with(' ')
                    && !gaps.contains(&(s - 1))
                    && !before.trim_end().is_empty()
                    && !after.trim_start().is_empty()
            }
            Pass::AfterYear => after_year(before, after),
            _ => is_marker(before, after, pass),
        };
        if found {
            return Some(s..e);
        }
    }
    None
}

/// A year of this or the last century: `1995`, `2024`.
pub(super) fn is_year(w: &str) -> bool {
    w.len() == 4
        && (w.starts_with("19") || w.starts_with("20"))
        && w.bytes().all(|b| b.is_ascii_digit())
}

/// Whether the text ends with a year or a span of years (`10 October 2024`, `for 2022`,
/// `2025–2028`) that a marker may be glued to: not a number after "No." or "vol.", which
/// can have five digits.
fn date_year(before: &str) -> bool {
    let mut words = before.rsplit(' ');
    let token = words.next().unwrap_or("").trim_start_matches(['(', '“']);
    let prev = words
        .next()
        .unwrap_or("")
        .trim_end_matches('.')
        .to_lowercase();
    token.split(['–', '-']).all(is_year)
        && !["no", "nos", "vol", "volume", "p", "pp", "series", "number"].contains(&prev.as_str())
}

/// Whether a spaced number after a year or a span of years (`in 2016 5 and`, `2015–2030 20 by`)
/// stands as a marker: before the end of the line, punctuation or a lower-case word that
/// does not count things.
fn after_year(before: &str, after: &str) -> bool {
    let Some(stripped) = before.strip_suffix(' ') else {
        return false;
    };
    let token = stripped.rsplit(' ').next().unwrap_or("");
    let years = token.split(['–', '-']).all(is_year);
    let rest = after.trim_start();
    let next_word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    years
        && (rest.is_empty()
            || rest.starts_with([',', ';', '.', ':', '('])
            || next_word.chars().next().is_some_and(char::is_lowercase)
                && !UNITS.contains(&next_word.as_str()))
}

/// Whether digits between `before` and `after` stand as a marker the way `pass` says.
fn is_marker(before: &str, after: &str, pass: Pass) -> bool {
    let next_word: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
    // `2nd`, `21st`: an ordinal, never a marker before `nd`.
    let ordinal = ["st", "nd", "rd", "th"].contains(&next_word.as_str());
    let mut rev = before.chars().rev();
    let Some(prev) = rev.next() else {
        // `16including` at the start of a line: the marker of the line before.
        return pass == Pass::BeforeWord && after.starts_with(char::is_lowercase) && !ordinal;
    };
    let word_before = |s: &str| {
        let w: &str = s
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        w.to_string()
    };
    // What follows a spaced marker: the end of the line, punctuation, or a lower-case word.
    let spaced_next = || {
        let rest = after.trim_start();
        rest.is_empty()
            || rest
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || matches!(c, '(' | '“' | ',' | ';' | '.' | ':'))
    };
    match pass {
        // Read by `marker_in`, which knows the line's gaps.
        Pass::Gap | Pass::Year | Pass::AfterYear => false,
        Pass::Glued | Pass::Acronym => {
            if matches!(prev, ',' | ';' | ':' | '”' | '’' | ')' | ']' | '"') {
                return pass == Pass::Glued && !number_list(before);
            }
            if prev == '.' {
                // "2025.3", "resolution 70/1.3", "the report.3"; not "A.2" or "2.5".
                let w = before[..before.len() - 1]
                    .rsplit(' ')
                    .next()
                    .unwrap_or("")
                    .trim_start_matches(['(', '“']);
                let ok = w.chars().count() >= 3
                    && (w.chars().next_back().is_some_and(char::is_lowercase)
                        || w.ends_with([')', '”'])
                        || w.contains('/')
                        || w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()));
                return pass == Pass::Glued && ok && after_full_stop(w, after);
            }
            if !prev.is_alphabetic() {
                return false;
            }
            let w = word_before(before);
            let caps = !w.chars().any(char::is_lowercase);
            if pass == Pass::Glued {
                !caps
            } else {
                caps && w.chars().count() >= 3
            }
        }
        Pass::AfterPunctuation => {
            let Some(stripped) = before.strip_suffix(' ') else {
                return false;
            };
            let Some(p) = stripped.chars().next_back() else {
                return false;
            };
            if !matches!(p, ',' | ';' | ':' | '.' | '”' | '’' | ')') || number_list(stripped) {
                return false;
            }
            if p == '.' {
                let w = word_before(&stripped[..stripped.len() - 1]).to_lowercase();
                if w.chars().count() < 3 || NUMBERING_WORDS.contains(&w.as_str()) {
                    return false;
                }
            }
            let symbol_next =
                after.trim_start().split(' ').next().is_some_and(|w| {
                    w.starts_with(|c: char| c.is_ascii_digit()) && w.contains('/')
                });
            spaced_next() || symbol_next
        }
        Pass::BeforeWord => {
            // After punctuation, glued or spaced: `Agreement,38and`, `Parties, 8and`.
            let punctuation = |t: &str| t.ends_with([',', ';', ':', '”', '’', ')']);
            let spaced = before.strip_suffix(' ');
            if punctuation(before) || spaced.is_some_and(punctuation) {
                let t = spaced.unwrap_or(before);
                return !number_list(t)
                    && next_word.chars().next().is_some_and(char::is_lowercase)
                    && !ordinal;
            }
            let Some(stripped) = spaced else {
                return false;
            };
            let w = word_before(stripped).to_lowercase();
            stripped.ends_with(char::is_alphabetic)
                && w.chars().count() >= 2
                && !NUMBERING_WORDS.contains(&w.as_str())
                && !NUMBERED_NOUNS.iter().any(|x| x.eq_ignore_ascii_case(&w))
                && next_word.chars().next().is_some_and(char::is_lowercase)
                && !ordinal
        }
        Pass::AfterWord => {
            let Some(stripped) = before.strip_suffix(' ') else {
                return false;
            };
            if !stripped
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic)
            {
                return false;
            }
            let w = word_before(stripped).to_lowercase();
            w.chars().count() >= 2
                && !NUMBERING_WORDS.contains(&w.as_str())
                && !NUMBERED_NOUNS.iter().any(|x| x.eq_ignore_ascii_case(&w))
                && spaced_next()
        }
    }
}

/// Whether digits glued after a full stop that follows `token` can be a marker at the end of a
/// sentence, by what follows them (`after`): the line ends or a new sentence opens (`the
/// report.3`, `strategy 10.24 Furthermore`), where a decimal or a symbol goes on in lower
/// case (`1.5 degrees`, `1/CP.28 and`); never after the series of a symbol (`2/HC.6`,
/// `E/CN.4`, `Add.1`), whose number it is.
pub(super) fn after_full_stop(token: &str, after: &str) -> bool {
    let token = token.trim_start_matches(['(', '“']);
    if let Some((_, last)) = token.rsplit_once('/')
        && !last.ends_with([')', '”'])
        && !last.chars().all(|c| c.is_ascii_digit())
    {
        return false;
    }
    let rest = after.trim_start();
    rest.is_empty() || rest.starts_with(|c: char| c.is_uppercase() || matches!(c, '“' | '('))
}

/// Whether the text ends with a number and punctuation ("paragraphs 1,", "(a) 3;"): the
/// next number continues a list, it is not a marker.
pub(super) fn number_list(before: &str) -> bool {
    let t = before.trim_end_matches([',', ';', ':', ' ']);
    let mut tokens = t.rsplit(' ');
    let short_number = |w: &str| {
        let w = w.trim_end_matches([',', ';']);
        !w.is_empty() && w.len() <= 3 && w.chars().all(|c| c.is_ascii_digit())
    };
    if !tokens.next().is_some_and(short_number) {
        return false;
    }
    // "paragraphs 1, 2", "1, 2, 3", "(a) 3;"; not "Agenda 21, 1 the Plan".
    tokens.next().is_none_or(|p| {
        short_number(p)
            || p.starts_with('(')
            || NUMBERING_WORDS.contains(&p.trim_end_matches([',', '.']).to_lowercase().as_str())
    })
}

#[cfg(test)]
mod tests;
