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
mod tests {
    use super::super::footnotes::extract;
    use super::*;

    /// Lines of a body as PDF extraction leaves them, with the footnotes of each page's foot
    /// read by [`extract`] and the markers written by [`mark`] in the body (after the first
    /// two lines, the header).
    fn marked(text: &str) -> (Vec<String>, Vec<FootnoteDef>) {
        let mut lines = super::super::lines::normalise(text);
        let defs = extract(&mut lines);
        mark(&mut lines[2..], &defs);
        let kept = lines
            .into_iter()
            .filter(|l| !l.is_blank())
            .map(|l| l.text)
            .collect();
        (kept, defs)
    }

    #[test]
    fn markers_in_every_shape_by_the_footnotes_of_their_page() {
        let text = "A/1/L.1 \nThe Assembly, \n\
            Recalling the Universal Declaration of Human Rights,1 the Convention on the \n\
            Rights of the Child2 and Article 1 of the Charter, paragraphs 1, 2 and the outcome \n\
            documents;3 of 2024/25;4 the people, 5  and its Notes; 6 \n\
            the Paris Agreement 7and the Court 8 \n\
            __________________ \n \n* On behalf of the Group of Keepers \nof Lights. \n \n\
            1  Resolution 217 A (III). \n2  United Nations, Treaty Series, vol. 1577. \n\
            3  See A/1/1. \n4  Held in Valletta, \n18 – 22 March 2031. \n5  See A/1/2. \n\
            6  See A/1/3. \n7  See A/1/4. \n8  See A/1/5. \n\n\
            A/1/L.1 \n \n11-11111 \n2/2 \n \n\
            31 December 2031 on the keeping of lights,9 and 10 the report10 \n\
            __________________ \n \n9  See A/1/6. \n10  See A/1/7. \n";
        let (lines, defs) = marked(text);
        assert_eq!(
            lines,
            [
                "A/1/L.1",
                "The Assembly,",
                "Recalling the Universal Declaration of Human Rights,¹ the Convention on the",
                "Rights of the Child² and Article 1 of the Charter, paragraphs 1, 2 and the outcome",
                "documents;³ of 2024/25;⁴ the people,⁵ and its Notes;⁶",
                "the Paris Agreement⁷ and the Court⁸",
                // A line opening with a date at the top of a page is text, not a footnote.
                "31 December 2031 on the keeping of lights,⁹ and 10 the report¹⁰",
            ]
        );
        let numbers: Vec<Option<u32>> = defs.iter().map(|d| d.number).collect();
        assert_eq!(
            numbers,
            [
                None,
                Some(1),
                Some(2),
                Some(3),
                Some(4),
                Some(5),
                Some(6),
                Some(7),
                Some(8),
                Some(9),
                Some(10)
            ]
        );
        // The note on sponsors over two lines; a footnote that runs on to a line opening
        // with a number.
        assert_eq!(defs[0].text, "On behalf of the Group of Keepers of Lights.");
        assert_eq!(defs[4].text, "Held in Valletta, 18 – 22 March 2031.");
        assert_eq!((defs[9].page, defs[10].page), (2, 2));
    }

    #[test]
    fn markers_found_by_the_order_of_the_footnotes() {
        let text = "A/1/L.1 \nThe Assembly, \n\
            Recalling its resolution 61/29 of 4 December 2031 and resolution 59/3001 and \n\
            the decision 2 to keep lights, the report on COVID-19 3 and resolutions 5/7 4 and \n\
            Protocol I5 to the Charter, 2030, a 6 nd the strategy 10.7 Furthermore, the \n\
            plan for COVID-198 and Agenda 219 and the lamps, the plan of 4 April 203310 and \n\
            the draft resolution \n\
            11  was not adopted, of Rockhaven, 12 Saltmere and its annexes. 13 \n\
            and resolution 6/914 of 1 March 2031, \n\
            __________________ \n \n\
            1  See A/1/1. \n2  See A/1/2. \n3  See A/1/3. \n4  See A/1/4. \n5  See A/1/5. \n\
            6  See A/1/6. \n7  See A/1/7. \n8  See A/1/8. \n9  See A/1/9. \n10  See A/1/10. \n\
            11  See A/1/11. \n12  See A/1/12. \n13  See A/1/13. \n14  See A/1/14. \n";
        let (lines, _) = marked(text);
        assert_eq!(
            lines[2..],
            [
                // Not the symbol cited with its date, nor the year: the footnote before the
                // decision's marker is the second symbol's.
                "Recalling its resolution 61/29 of 4 December 2031 and resolution 59/300¹ and",
                "the decision² to keep lights, the report on COVID-19³ and resolutions 5/7⁴ and",
                "Protocol I⁵ to the Charter, 2030, a⁶ nd the strategy 10.⁷ Furthermore, the",
                "plan for COVID-19⁸ and Agenda 21⁹ and the lamps, the plan of 4 April 2033¹⁰ and",
                "the draft resolution¹¹",
                "was not adopted, of Rockhaven,¹² Saltmere and its annexes.¹³",
                // A symbol cited with its date, where nothing else can be the marker.
                "and resolution 6/9¹⁴ of 1 March 2031,",
            ]
        );
    }

    #[test]
    fn digits_after_a_full_stop_inside_a_number_or_a_symbol_are_not_markers() {
        let text = "A/1/L.1 \nThe Assembly, \n\
            Recalling the plan, 1  which foresaw the sea rising by \n\
            1.2 centimetres, the code of Agenda 212 and, in line with decision 3/HC.3, the \n\
            decision 3 to keep lights, decisions 1/LK.4 and 2/LK.4 on the Lamps Platform,4 \n\
            and the report.5 The keepers \n\
            __________________ \n \n\
            1  See A/1/1. \n2  See A/1/2. \n3  See A/1/3. \n4  See A/1/4. \n5  See A/1/5. \n";
        let (lines, _) = marked(text);
        assert_eq!(
            lines[2..],
            [
                "Recalling the plan,¹ which foresaw the sea rising by",
                "1.2 centimetres, the code of Agenda 21² and, in line with decision 3/HC.3, the",
                "decision³ to keep lights, decisions 1/LK.4 and 2/LK.4 on the Lamps Platform,⁴",
                "and the report.⁵ The keepers",
            ]
        );
    }

    #[test]
    fn markers_before_a_wide_gap_after_years_and_at_line_starts() {
        let text = "A/1/L.1 \nThe Assembly, \n\
            Recalling the lighthouses of Rockhaven, 1  Saltmere 2  and Greyport, 3  its \n\
            resolutions 4  on lamps, No. 20125 and the plan for 2025–20285 \n\
            2031–2040 6  by, the survey of 9 May 20297 and the keepers’ \n\
            outcomes, \n\
            8including its lists, by 2030 10 per cent, the report of 2028 9 and \n\
            Article 3  of the Charter of 2027 11 States, 11and \n\
            __________________ \n \n\
            1  See A/1/1. \n2  See A/1/2. \n3  See A/1/3. \n4  See A/1/4. \n5  See A/1/5. \n\
            6  See A/1/6. \n7  See A/1/7. \n8  See A/1/8. \n9  See A/1/9. \n10  See A/1/10. \n\
            11  See A/1/11. \n";
        let (lines, _) = marked(text);
        assert_eq!(
            lines[2..],
            [
                "Recalling the lighthouses of Rockhaven,¹ Saltmere² and Greyport,³ its",
                "resolutions⁴ on lamps, No. 20125 and the plan for 2025–2028⁵",
                "2031–2040⁶ by, the survey of 9 May 2029⁷ and the keepers’",
                "outcomes,⁸",
                // Not "2030 10 per cent", which counts; footnote 10 has no marker.
                "including its lists, by 2030 10 per cent, the report of 2028⁹ and",
                // Footnote 3's marker came earlier: "Article 3" keeps its number; a number
                // after a year and before a capital is not a marker.
                "Article 3 of the Charter of 2027 11 States,¹¹ and",
            ]
        );
    }

    #[test]
    fn an_ordinal_opening_a_line_is_no_marker() {
        let text = "A/1/L.1 \nThe Assembly, \n\
            Recalling its \n\
            2nd meeting and the lamps of the keepers,1 as well as the survey. 2 \n\
            __________________ \n \n\
            1  See A/1/1. \n2  See A/1/2. \n";
        let (lines, _) = marked(text);
        assert_eq!(
            lines[2..],
            [
                "Recalling its",
                "2nd meeting and the lamps of the keepers,¹ as well as the survey.²",
            ]
        );
    }

    #[test]
    fn digits_after_the_dot_of_a_symbol_are_the_symbol_s() {
        let text = "A/1/L.1 \nThe Assembly, \n\
            Recalling the lamps in their entirety, 1  further welcomes decision \n\
            C-9/DEC.1 of 1 May 2031 and document A/1/L.2 of the keepers, resolution 70/1.2 \n\
            __________________ \n \n\
            1  See A/1/1. \n2  See A/1/2. \n";
        let (lines, _) = marked(text);
        assert_eq!(
            lines[2..4],
            [
                "Recalling the lamps in their entirety,¹ further welcomes decision",
                "C-9/DEC.1 of 1 May 2031 and document A/1/L.2 of the keepers, resolution 70/1.²",
            ]
        );
    }
}
