//! Normalising raw text into clean lines: byte-order mark, Windows and old Mac line endings,
//! tabs, non-breaking and other odd spaces, control characters (made visible with
//! [`crate::sanitize`]), trailing spaces; telling the pages apart (PDF extraction joins pages
//! with an empty line, `pdftotext` with a form feed) and removing the furniture printed on
//! every page: the running symbol, job numbers such as `25-17051 (E)    281025`, page
//! counters `2/5`, barcodes `*2517051*`, and (once the title is known, with
//! [`drop_running_heads`]) the short title repeated at the head of a page, wrapped or not.
//! A hyphen at a line end is a real hyphen in UN texts ("asylum-" + "seekers"):
//! [`push_wrapped`] joins such lines without a space and never drops the hyphen.
//!
//! A [`Line`] is the intermediate form every reader produces (plain text here, PDF in
//! [`super::pdf`], Word in [`super::docx`]): its text, with italics as `*…*` markup where
//! the source shows them, and a [`Style`] with what the source knows of its look and place.

use crate::sanitize;

/// One line of the input after normalisation, with its 1-based line number in the input.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Line {
    pub no: usize,
    pub text: String,
    /// Page furniture (a running head, job number, page counter, barcode) or a footnote
    /// stood here and was removed: a page break.
    pub page_break: bool,
    /// The 1-based page the line is printed on (1 when the text shows no pages).
    pub page: u32,
    /// Byte offsets in `text` of the spaces that stood for two or more in the input: PDF
    /// extraction leaves such a gap after a superscript footnote marker (`Ltamenah, 9  Saraqib`).
    pub gaps: Vec<usize>,
    /// What the source shows of the line beyond its text (all zero for plain text).
    pub style: Style,
}

/// The look and place of a line where the source knows them (a PDF or a Word file).
/// Positions and sizes are in tenths of a point; `y` counts down from the top of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    /// The left edge of the line's text (its indent).
    pub x: i32,
    /// The baseline, from the top of the page.
    pub y: i32,
    /// The main font size of the line.
    pub size: i32,
    /// The whole line is bold (a heading).
    pub bold: bool,
    /// The line opens with italics (an opening phrase), shown as `*…*` in the text.
    pub italic: bool,
    /// Where the source shows it (a PDF's geometry): `Some(true)` when the line stands at the
    /// text's first-line indent, opening a paragraph; `Some(false)` when it stands at the
    /// text's left edge, running on the paragraph above; `None` when unknown or neither.
    pub starts: Option<bool>,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// Appends a wrapped line to a paragraph's text: with a space, except after a word that
/// ends with a hyphen at the line end ("asylum-" + "seekers", "Secretary-" + "General"),
/// which UN texts only break at real hyphens.
pub fn push_wrapped(buf: &mut String, next: &str) {
    if buf.is_empty() || next.is_empty() {
        buf.push_str(next);
        return;
    }
    let mut rev = buf.chars().rev();
    let hyphen = matches!(rev.next(), Some('-' | '\u{2011}'))
        && rev.next().is_some_and(char::is_alphanumeric)
        && next.chars().next().is_some_and(char::is_alphanumeric);
    if !hyphen {
        buf.push(' ');
    }
    buf.push_str(next);
}

/// The words of a text as the page shows them: runs of letters, lower-cased (digits and
/// punctuation are not words).
pub fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The runs of digits of a text.
fn numbers(s: &str) -> Vec<&str> {
    s.split(|c: char| !c.is_ascii_digit())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether `part` occurs as consecutive items of `whole`.
fn contiguous<T: PartialEq>(part: &[T], whole: &[T]) -> bool {
    !part.is_empty() && whole.windows(part.len()).any(|w| w == part)
}

/// Splits the text into normalised lines (nothing is dropped yet), with, for each line,
/// whether it was empty in the input or held a form feed: where a PDF extraction puts the
/// break between two pages.
fn split(text: &str) -> (Vec<Line>, Vec<bool>) {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let b = text.as_bytes();
    // Sized for the lines (one memchr pass), so the big `Line`s are never moved to grow.
    let count = memchr::memchr_iter(b'\n', b).count() + 1;
    let mut out = Vec::with_capacity(count + 8);
    let mut separators = Vec::with_capacity(count + 8);
    let mut no = 0;
    let mut push = |part: &str| {
        no += 1;
        // `pdftotext` starts each page with a form feed.
        let (feed, part) = match part.strip_prefix('\u{c}') {
            Some(rest) => (true, rest),
            None => (false, part),
        };
        if feed && !part.trim().is_empty() {
            out.push(Line {
                no,
                page: 1,
                ..Line::default()
            });
            separators.push(true);
        }
        separators.push(part.is_empty() || feed && part.trim().is_empty());
        let (text, gaps) = clean(part);
        out.push(Line {
            no,
            text,
            page: 1,
            gaps,
            ..Line::default()
        });
    };
    let has_cr = memchr::memchr(b'\r', b).is_some();
    let mut start = 0;
    // The lines as `split('\n')` gives them (the last one after the last newline, maybe
    // empty), found with memchr.
    for end in memchr::memchr_iter(b'\n', b).chain([b.len()]) {
        let raw = &text[start..end];
        start = end + 1;
        if has_cr {
            // A lone '\r' (old Mac) also ends a line; "\r\n" leaves a '\r' at the end.
            let raw = raw.strip_suffix('\r').unwrap_or(raw);
            raw.split('\r').for_each(&mut push);
        } else {
            push(raw);
        }
    }
    (out, separators)
}

/// Normalises one line: odd spaces and tabs to spaces, BOMs and zero-width characters
/// removed, control characters made visible, backslashes escaped for the markup, runs of
/// spaces collapsed (PDF extraction leaves them), leading and trailing spaces dropped. Returns
/// the line and the offsets of the collapsed runs of two or more spaces inside it.
pub(crate) fn clean(s: &str) -> (String, Vec<usize>) {
    // Most lines are printable ASCII with single spaces between words and no backslash,
    // indented or not: only trimmed (spaces before or after the text are no gaps).
    // Trimmed byte by byte (a space byte is never part of another character), not through
    // `trim_matches`, which decodes characters from both ends: this runs on every line.
    let b = s.as_bytes();
    let start = b.iter().position(|&c| c != b' ').unwrap_or(b.len());
    let end = b.iter().rposition(|&c| c != b' ').map_or(start, |i| i + 1);
    let trimmed = &s[start..end];
    if is_plain(trimmed.as_bytes()) {
        return (trimmed.to_string(), Vec::new());
    }
    clean_chars(s)
}

/// [`clean`] character by character.
fn clean_chars(s: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(s.len());
    let mut gaps = Vec::new();
    let mut run = 0;
    for c in s.chars() {
        let space = matches!(
            c,
            '\t' | ' ' | '\u{A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
        );
        run = if space { run + 1 } else { 0 };
        if run == 2 {
            gaps.push(out.len() - 1);
        }
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
    let lead = out.len() - out.trim_start().len();
    let trimmed = out.trim();
    let end = lead + trimmed.len();
    let gaps = gaps
        .into_iter()
        .filter(|&g| g >= lead && g < end)
        .map(|g| g - lead)
        .collect();
    if trimmed.len() == out.len() {
        (out, gaps)
    } else {
        (trimmed.to_string(), gaps)
    }
}

/// Whether a line is printable ASCII without a backslash or two spaces in a row (one pass).
fn is_plain(bytes: &[u8]) -> bool {
    // Two passes without branches (they vectorise), not one that stops early.
    let odd = bytes.iter().fold(false, |bad, &b| {
        bad | (b.wrapping_sub(0x20) >= 0x5f) | (b == b'\\')
    });
    !odd && !crate::scan::double_space(bytes)
}

/// A document symbol such as `A/80/L.7`, `E/CN.15/2021/L.4/Rev.1`, `A/RES/80/4`.
pub fn is_symbol(s: &str) -> bool {
    // Told by its length and spacing first: this runs on every line of a text.
    if s.len() > 60 || s.contains(' ') {
        return false;
    }
    let mut parts = s.split('/');
    let Some(first) = parts.next() else {
        return false;
    };
    let rest: Vec<&str> = parts.collect();
    !rest.is_empty()
        && (1..=8).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_uppercase())
        && rest.iter().all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '(' | ')' | '-'))
        })
}

/// A symbol as printed, maybe with the asterisk of a reissue (`A/C.1/80/L.42*`): the
/// symbol without it.
pub fn symbol_of(s: &str) -> Option<&str> {
    let bare = s.trim_end_matches('*');
    is_symbol(bare).then_some(bare)
}

/// A job number: `25-17051`, `25-17051 (E)`, `25-17051 (E)    281025`, `V.10-57251 (E)`.
fn is_job_number(s: &str) -> bool {
    let s = s.strip_prefix("V.").unwrap_or(s);
    // The first word opens with two digits (most lines are told at their first byte).
    if !s
        .trim_start()
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_digit)
    {
        return false;
    }
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
    // A reissued document's job number carries an asterisk: `25-16698*`.
    if !(digits(a, 2..=2) && digits(b.trim_end_matches('*'), 5..=5)) {
        return false;
    }
    words.all(|w| {
        (w.starts_with('(') && w.ends_with(')') && w.len() <= 4) || digits(w, 6..=6) || w == "*"
    })
}

/// A page counter `2/5`.
fn is_page_counter(s: &str) -> bool {
    // The first '/' stands within the first four bytes (most lines are told there).
    if !s.bytes().take(4).any(|b| b == b'/') {
        return false;
    }
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

/// Normalises the text, tells its pages apart and removes page furniture. Blank lines are
/// kept (they separate paragraphs and footnote blocks); removed furniture leaves a blank
/// line behind, marked as a page break.
pub fn normalise(text: &str) -> Vec<Line> {
    let (mut lines, separators) = split(text);
    let furniture = furniture(&lines);
    let mut page = 1;
    let starts = page_starts(&lines, &separators, &furniture);
    let mut next = starts.iter().peekable();
    for (i, l) in lines.iter_mut().enumerate() {
        while next.next_if(|&&s| s <= i).is_some() {
            page += 1;
        }
        l.page = page;
        if furniture[i] {
            l.text.clear();
            l.page_break = true;
        }
    }
    lines
}

/// The furniture stage for lines whose pages a reader already knows (a PDF): the running
/// symbol, job numbers, page counters and barcodes are removed, leaving a page break.
pub fn tidy(mut lines: Vec<Line>) -> Vec<Line> {
    let furniture = furniture(&lines);
    for (l, f) in lines.iter_mut().zip(furniture) {
        if f {
            l.text.clear();
            l.page_break = true;
        }
    }
    lines
}

/// Which lines are page furniture.
fn furniture(lines: &[Line]) -> Vec<bool> {
    // The symbol: the first symbol line near the top. Later copies are running heads.
    let symbol = lines
        .iter()
        .filter(|l| !l.is_blank())
        .take(15)
        .find_map(|l| symbol_of(&l.text).map(|s| (l.no, s.to_string())));
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            !l.is_blank()
                && (is_furniture(&l.text)
                    || symbol.as_ref().is_some_and(|(no, s)| {
                        *no != l.no
                            && symbol_of(&l.text) == Some(s.as_str())
                            && !header_region(lines, i)
                    }))
        })
        .collect()
}

/// Whether line `i` stands in the first lines of the text, where a symbol line is part of
/// the header rather than a page head.
fn header_region(lines: &[Line], i: usize) -> bool {
    lines[..i].iter().filter(|l| !l.is_blank()).count() < 3
}

/// Where pages after the first begin: at an empty line of the input (how PDF extraction
/// joins pages) followed by the next page's furniture (its symbol, job number or counter);
/// in a text without such empty lines, at each run of furniture after the header (with the
/// short lines just before it, where an odd page prints its short title).
fn page_starts(lines: &[Line], separators: &[bool], furniture: &[bool]) -> Vec<usize> {
    // Within the first lines after the empty line, before any text of the page: at most
    // six lines of a short title, none a numbered paragraph or a sentence's end.
    let head_within = |i: usize| {
        let mut title_lines = 0;
        for (l, f) in lines[i + 1..].iter().zip(&furniture[i + 1..]) {
            if *f {
                return true;
            }
            if l.is_blank() {
                continue;
            }
            title_lines += 1;
            let t = l.text.as_str();
            if title_lines > 6
                || t.len() > 120
                || t.ends_with(['.', ';'])
                || super::body::numbered(t).is_some()
                || super::body::lettered(t).is_some()
            {
                return false;
            }
        }
        false
    };
    let seen_text = |i: usize| lines[..i].iter().any(|l| !l.is_blank());
    let starts: Vec<usize> = (1..lines.len())
        .filter(|&i| separators[i] && seen_text(i) && head_within(i))
        .collect();
    if !starts.is_empty() {
        return starts;
    }
    let mut out = Vec::new();
    let mut non_blank = 0;
    let mut in_head = false;
    for i in 0..lines.len() {
        if lines[i].is_blank() {
            continue;
        }
        non_blank += 1;
        if !furniture[i] {
            in_head = false;
            continue;
        }
        if in_head || non_blank <= 15 {
            in_head = true;
            continue;
        }
        in_head = true;
        // Back over blank lines and up to three short lines without closing punctuation.
        let mut start = i;
        let mut short = 0;
        while start > 0 {
            let prev = &lines[start - 1];
            if prev.is_blank() {
                start -= 1;
            } else if short < 3 && prev.text.len() <= 100 && !ends_clause(&prev.text) {
                short += 1;
                start -= 1;
            } else {
                break;
            }
        }
        // Keep the blank lines before the head on the page they end.
        while start < i && lines[start].is_blank() {
            start += 1;
        }
        out.push(start);
    }
    out
}

/// Whether a line has sentence-ending or clause-ending punctuation.
fn ends_clause(s: &str) -> bool {
    s.ends_with(['.', ',', ';', ':', '!', '?'])
}

/// Removes the running head at the top of every page after the first: the furniture
/// already removed, and the lines that repeat the document's title (its short title,
/// wrapped over one to three lines; a line of only numbers that the title holds, such as
/// a year). Lines are blanked, never removed.
pub fn drop_running_heads(lines: &mut [Line], title: &str) {
    let title_words = words(title);
    let title_numbers = numbers(title);
    let is_head = |l: &Line| {
        if l.is_blank() {
            return true;
        }
        let w = words(&l.text);
        if w.is_empty() {
            let n = numbers(&l.text);
            return !n.is_empty()
                && super::body::numbered(&l.text).is_none()
                && contiguous(&n, &title_numbers);
        }
        w.concat().len() > 2 && contiguous(&w, &title_words)
    };
    for i in 1..lines.len() {
        if lines[i].page == lines[i - 1].page {
            continue;
        }
        let page = lines[i].page;
        let on_page = lines[i..].iter().take_while(|l| l.page == page).count();
        // The head holds the page's first furniture line (where the text shows no empty
        // line between pages, the page was taken to start a few short lines early).
        let Some(first) = lines[i..i + on_page.min(16)]
            .iter()
            .position(|l| l.page_break)
            .map(|k| i + k)
        else {
            continue;
        };
        let mut start = first;
        while start > i && is_head(&lines[start - 1]) {
            start -= 1;
        }
        // It runs to its last furniture line: title lines come before that (the symbol
        // first on an even page, the short title first on an odd one), so text after it
        // that happens to repeat words of the title is the body going on.
        let run = lines[first..i + on_page]
            .iter()
            .take_while(|l| l.page_break || is_head(l))
            .count();
        let end = lines[first..first + run]
            .iter()
            .rposition(|l| l.page_break)
            .map_or(first, |k| first + k);
        for l in &mut lines[start..=end] {
            if !l.is_blank() {
                l.text.clear();
                l.page_break = true;
            }
        }
    }
}

#[cfg(test)]
mod tests;
