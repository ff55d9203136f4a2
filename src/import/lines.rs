//! Normalising raw text into clean lines: byte-order mark, Windows and old Mac line endings,
//! tabs, non-breaking and other odd spaces, control characters (made visible with
//! [`crate::sanitize`]), trailing spaces; and removing the furniture that PDF extraction
//! leaves on every page (the running symbol, job numbers such as `25-17051 (E)    281025`,
//! page counters `2/5`, barcodes `*2517051*`, a short title repeated as a running head).
//! Words hyphenated at a line end are joined again.
//!
//! A [`Line`] is the intermediate form every reader produces (plain text here, PDF in
//! [`super::pdf`], Word in [`super::docx`]): its text, with italics as `*…*` markup where
//! the source shows them, and a [`Style`] with what the source knows of its look and place.

use crate::sanitize;

/// One line of the input after normalisation, with its 1-based line number in the input
/// (for a PDF, its line in reading order; for Word, its paragraph).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Line {
    pub no: usize,
    pub text: String,
    /// Page furniture (a running head, job number, page counter, barcode) stood here and
    /// was removed: a page break.
    pub page_break: bool,
    /// What the source shows of the line beyond its text (all zero for plain text).
    pub style: Style,
}

/// The look and place of a line where the source knows them (a PDF or a Word file).
/// Positions and sizes are in tenths of a point; `y` counts down from the top of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    /// The 1-based page, 0 when unknown.
    pub page: u32,
    /// The left edge of the line's text and its first line's indent.
    pub x: i32,
    /// The baseline, from the top of the page.
    pub y: i32,
    /// The main font size of the line.
    pub size: i32,
    /// The whole line is bold (a heading).
    pub bold: bool,
    /// The line opens with italics (an opening phrase), shown as `*…*` in the text.
    pub italic: bool,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// Words that keep their hyphen when split at a line end ("capacity-" + "building").
const HYPHEN_WORDS: &[&str] = &[
    "non",
    "self",
    "co",
    "well",
    "cross",
    "capacity",
    "decision",
    "follow",
    "long",
    "short",
    "multi",
    "ex",
    "post",
    "pre",
    "anti",
    "money",
    "so",
    "high",
    "low",
    "data",
    "evidence",
    "gender",
    "human",
    "time",
    "inter",
    "intra",
    "sub",
    "socio",
    "age",
    "child",
    "rights",
    "peace",
    "state",
    "region",
    "country",
    "small",
    "large",
    "law",
    "cost",
    "open",
    "all",
    "fact",
    "policy",
    "result",
    "rule",
    "risk",
    "community",
    "trust",
    "confidence",
    "Member",
    "one",
    "two",
    "three",
    "four",
    "five",
    "first",
    "second",
    "third",
    "year",
    "day",
];

/// Splits the text into normalised lines (nothing is dropped yet).
fn split(text: &str) -> Vec<Line> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut out = Vec::new();
    let mut no = 0;
    for raw in text.split('\n') {
        // A lone '\r' (old Mac) also ends a line; "\r\n" leaves a '\r' at the end.
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        for part in raw.split('\r') {
            no += 1;
            out.push(Line {
                no,
                text: clean(part),
                ..Line::default()
            });
        }
    }
    out
}

/// Normalises one line: odd spaces and tabs to spaces, BOMs and zero-width characters
/// removed, control characters made visible, backslashes escaped for the markup, runs of
/// spaces collapsed (PDF extraction leaves them), leading and trailing spaces dropped.
pub(crate) fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\t'
            | ' '
            | '\u{A0}'
            | '\u{2000}'..='\u{200A}'
            | '\u{202F}'
            | '\u{205F}'
            | '\u{3000}' => {
                if !out.ends_with(' ') {
                    out.push(' ')
                }
            }
            '\u{FEFF}' | '\u{200B}' | '\u{00AD}' | '\u{2060}' => {}
            '\\' => out.push_str("\\\\"),
            c if sanitize::is_unsafe(c) => out.push(sanitize::placeholder(c)),
            c => out.push(c),
        }
    }
    let trimmed = out.trim();
    if trimmed.len() == out.len() {
        out
    } else {
        trimmed.to_string()
    }
}

/// A document symbol such as `A/80/L.7`, `E/CN.15/2021/L.4/Rev.1`, `A/RES/80/4`.
pub fn is_symbol(s: &str) -> bool {
    let mut parts = s.split('/');
    let Some(first) = parts.next() else {
        return false;
    };
    let rest: Vec<&str> = parts.collect();
    !rest.is_empty()
        && s.len() <= 60
        && !s.contains(' ')
        && (1..=8).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_uppercase())
        && rest.iter().all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '(' | ')' | '-'))
        })
}

/// A job number: `25-17051`, `25-17051 (E)`, `25-17051 (E)    281025`, `V.10-57251 (E)`.
fn is_job_number(s: &str) -> bool {
    let s = s.strip_prefix("V.").unwrap_or(s);
    let mut words = s.split_whitespace();
    let Some(job) = words.next() else {
        return false;
    };
    let Some((a, b)) = job.split_once('-') else {
        return false;
    };
    let digits = |x: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&x.len()) && x.chars().all(|c| c.is_ascii_digit())
    };
    if !(digits(a, 2..=2) && digits(b, 5..=5)) {
        return false;
    }
    words.all(|w| {
        (w.starts_with('(') && w.ends_with(')') && w.len() <= 4) || digits(w, 6..=6) || w == "*"
    })
}

/// A page counter `2/5`.
fn is_page_counter(s: &str) -> bool {
    s.split_once('/').is_some_and(|(a, b)| {
        !a.is_empty()
            && !b.is_empty()
            && a.len() <= 3
            && b.len() <= 3
            && a.chars().all(|c| c.is_ascii_digit())
            && b.chars().all(|c| c.is_ascii_digit())
    })
}

/// A barcode line `*2517051*`.
fn is_barcode(s: &str) -> bool {
    s.len() >= 7
        && s.starts_with('*')
        && s.ends_with('*')
        && s[1..s.len() - 1].chars().all(|c| c.is_ascii_digit())
}

/// Whether a line is page furniture that is always dropped.
fn is_furniture(s: &str) -> bool {
    is_job_number(s) || is_page_counter(s) || is_barcode(s)
}

/// Whether a line has sentence-ending or clause-ending punctuation.
fn ends_clause(s: &str) -> bool {
    s.ends_with(['.', ',', ';', ':', '!', '?'])
}

/// Normalises the text and removes page furniture. Blank lines are kept (they separate
/// paragraphs and footnote blocks); removed furniture leaves a blank line behind.
pub fn normalise(text: &str) -> Vec<Line> {
    tidy(split(text))
}

/// The stage every reader shares once it has clean lines: page furniture removed (a blank
/// line with `page_break` left behind) and words hyphenated at a line end joined again.
pub fn tidy(mut lines: Vec<Line>) -> Vec<Line> {
    // The symbol: the first symbol line near the top. Later copies are running heads.
    let symbol = lines
        .iter()
        .filter(|l| !l.is_blank())
        .take(15)
        .find(|l| is_symbol(&l.text))
        .map(|l| (l.no, l.text.clone()));
    // Lines seen in the first part of the text: a short title repeated at a page head
    // matches one of them.
    let mut head_lines: std::collections::HashMap<String, usize> = Default::default();
    for (i, l) in lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.is_blank())
        .take(40)
    {
        head_lines.entry(l.text.clone()).or_insert(i);
        // An adopted resolution's title "87/9. Report of …" runs as "Report of …".
        if let Some((num, title)) = l.text.split_once(". ")
            && num.contains('/')
            && num.chars().all(|c| c.is_ascii_digit() || c == '/')
        {
            head_lines.entry(title.to_string()).or_insert(i);
        }
    }
    let mut furniture = vec![false; lines.len()];
    for (i, l) in lines.iter().enumerate() {
        let t = l.text.as_str();
        if t.is_empty() {
            continue;
        }
        furniture[i] = is_furniture(t)
            || symbol
                .as_ref()
                .is_some_and(|(no, s)| *no != l.no && s == t && !header_region(&lines, i));
    }
    // A repeated short title next to other furniture is a running head too.
    let n = lines.len();
    for i in 0..n {
        if furniture[i] || lines[i].is_blank() {
            continue;
        }
        let t = &lines[i].text;
        if t.len() > 100 || ends_clause(t) || head_lines.get(t).is_none_or(|&first| first >= i) {
            continue;
        }
        let near = |range: &mut dyn Iterator<Item = usize>| {
            range
                .take_while(|&j| lines[j].is_blank() || furniture[j])
                .any(|j| furniture[j])
        };
        if near(&mut (0..i).rev()) || near(&mut (i + 1..n)) {
            furniture[i] = true;
        }
    }
    for (i, l) in lines.iter_mut().enumerate() {
        if furniture[i] {
            l.text.clear();
            l.page_break = true;
        }
    }
    dehyphenate(lines)
}

/// Whether line `i` stands in the first lines of the text (before any blank-line run that
/// follows the header), where a symbol line is part of the header rather than a page head.
fn header_region(lines: &[Line], i: usize) -> bool {
    lines[..i].iter().filter(|l| !l.is_blank()).count() < 3
}

/// Joins words split by a hyphen at a line end when the next line continues in lower case:
/// the next line is appended to this one (so no blank line appears where it stood).
fn dehyphenate(lines: Vec<Line>) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    let mut iter = lines.into_iter().peekable();
    while let Some(mut line) = iter.next() {
        while let Some(next) = iter.peek() {
            let Some(stem) = line.text.strip_suffix('-') else {
                break;
            };
            let word_start = stem
                .char_indices()
                .rev()
                .find(|(_, c)| !c.is_alphabetic())
                .map(|(p, c)| p + c.len_utf8())
                .unwrap_or(0);
            let word = &stem[word_start..];
            let continues = next.text.chars().next().is_some_and(char::is_lowercase);
            if word.chars().count() < 2 || !continues {
                break;
            }
            let keep = HYPHEN_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word));
            let mut joined = if keep {
                line.text.clone()
            } else {
                stem.to_string()
            };
            joined.push_str(&next.text);
            line.text = joined;
            iter.next();
        }
        out.push(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        normalise(s).into_iter().map(|l| l.text).collect()
    }

    #[test]
    fn normalises_line_endings_spaces_and_bom() {
        assert_eq!(texts("\u{FEFF}a\u{A0}b\tc  \r\nd\re"), ["a b c", "d", "e"]);
    }

    #[test]
    fn control_characters_become_visible() {
        assert_eq!(texts("a\u{1b}[31mb"), ["a␛[31mb"]);
    }

    #[test]
    fn drops_page_furniture() {
        let t = "United Nations\nA/80/L.7\nGeneral Assembly\n25-17051 (E)    281025\n*2517051*\n\
                 text\nA/80/L.7\n25-17051\n2/2\nmore";
        let got = texts(t);
        assert_eq!(
            got,
            [
                "United Nations",
                "A/80/L.7",
                "General Assembly",
                "",
                "",
                "text",
                "",
                "",
                "",
                "more"
            ]
        );
    }

    #[test]
    fn joins_hyphenated_words() {
        assert_eq!(texts("the imple-\nmentation of"), ["the implementation of"]);
        assert_eq!(
            texts("capacity-\nbuilding efforts"),
            ["capacity-building efforts"]
        );
        assert_eq!(texts("Member-\nStates"), ["Member-", "States"]);
    }
}
