//! The spans of one PDF page grouped into rows (one baseline, split where a wide gap
//! separates two columns), and a row's text pieces: plain or italic, with a space where the gap
//! between two spans shows one and superscript digits (smaller than the row's text) written as
//! superscript markers glued to the word before them (`Rights,²`).

use super::table;
use crate::import::footnotes::SUPERSCRIPTS;
use std::collections::HashMap;

/// A run of text as the crate gives it, in points, `bottom` (the baseline) counted from the top
/// of the page.
#[derive(Debug, Clone)]
pub struct Span {
    pub text: String,
    pub x0: f32,
    pub x1: f32,
    pub bottom: f32,
    pub size: f32,
    pub italic: bool,
    pub bold: bool,
}

/// One page: its height and its spans.
#[derive(Debug)]
pub struct Page {
    pub height: f32,
    pub spans: Vec<Span>,
}

/// A line of one page: its spans left to right.
#[derive(Debug)]
pub struct Row {
    pub spans: Vec<Span>,
    /// The main size (of most characters).
    pub size: f32,
    /// The baseline of the main-size text.
    pub bottom: f32,
    /// The left edge.
    pub x: f32,
}

impl Row {
    /// The characters of the row, without spaces.
    pub fn compact(&self) -> String {
        self.spans
            .iter()
            .flat_map(|s| s.text.chars())
            .filter(|c| !c.is_whitespace())
            .collect()
    }

    /// How many characters the row prints.
    pub fn chars(&self) -> usize {
        self.spans.iter().map(|s| s.text.chars().count()).sum()
    }

    /// Whether every span with text is bold.
    pub fn bold(&self) -> bool {
        self.spans
            .iter()
            .filter(|s| !s.text.trim().is_empty())
            .all(|s| s.bold)
    }
}

/// Groups a page's spans into rows (one baseline), split where a wide gap separates two
/// columns of the same baseline or a cell starts at a column of the page ([`table`]); top to
/// bottom, left to right, except that a table's cells are read in order.
pub fn rows(page: &Page) -> Vec<Row> {
    let mut spans: Vec<&Span> = page.spans.iter().collect();
    spans.sort_by(|a, b| a.bottom.total_cmp(&b.bottom).then(a.x0.total_cmp(&b.x0)));
    // Cluster by vertical overlap with the cluster's main text.
    let mut clusters: Vec<Vec<Span>> = Vec::new();
    for s in spans {
        let fits = clusters.last().is_some_and(|c| {
            let big = c.iter().map(|x| x.size).fold(0.0, f32::max).max(s.size);
            let base = main_bottom(c);
            (s.bottom - base).abs() <= 0.45 * big
        });
        match clusters.last_mut() {
            Some(c) if fits => c.push(s.clone()),
            _ => clusters.push(vec![s.clone()]),
        }
    }
    for c in &mut clusters {
        c.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    }
    let columns = table::columns(&clusters);
    let mut out = Vec::new();
    for c in clusters {
        let mut part: Vec<Span> = Vec::new();
        for s in c {
            if let Some(last) = part.last()
                && table::splits(last, &s, &columns)
            {
                out.push(row(std::mem::take(&mut part)));
            }
            part.push(s);
        }
        if !part.is_empty() {
            out.push(row(part));
        }
    }
    out.sort_by(|a, b| a.bottom.total_cmp(&b.bottom).then(a.x.total_cmp(&b.x)));
    let order = table::reading_order(&out, &columns, super::layout::same_block);
    let mut out: Vec<Option<Row>> = out.into_iter().map(Some).collect();
    order.into_iter().filter_map(|k| out[k].take()).collect()
}

impl table::Placed for Row {
    fn x(&self) -> f32 {
        self.x
    }
    fn bottom(&self) -> f32 {
        self.bottom
    }
    fn size(&self) -> f32 {
        self.size
    }
}

/// The baseline of the largest text in a group of spans.
fn main_bottom(spans: &[Span]) -> f32 {
    let size = main_size(spans.iter().map(|s| (s.size, s.text.chars().count())));
    spans
        .iter()
        .filter(|s| (s.size - size).abs() < 0.5)
        .map(|s| s.bottom)
        .fold(f32::NAN, f32::max)
}

/// The size carried by most characters, from (size, characters) pairs.
pub fn main_size(sizes: impl Iterator<Item = (f32, usize)>) -> f32 {
    let mut by: HashMap<i32, usize> = HashMap::new();
    for (size, n) in sizes {
        *by.entry((size * 10.0).round() as i32).or_default() += n;
    }
    by.into_iter()
        .max_by_key(|&(size, n)| (n, size))
        .map_or(0.0, |(s, _)| s as f32 / 10.0)
}

fn row(spans: Vec<Span>) -> Row {
    let size = main_size(spans.iter().map(|s| (s.size, s.text.chars().count())));
    let bottom = main_bottom(&spans);
    let x = spans.first().map_or(0.0, |s| s.x0);
    Row {
        spans,
        size,
        bottom,
        x,
    }
}

/// Whether a span is a superscript of its row: much smaller than the row's text (the crate
/// places a raised glyph on the row's baseline, so size is what tells it).
fn is_superscript(s: &Span, row: &Row) -> bool {
    s.size < 0.8 * row.size
}

/// A piece of a row's text: plain or italic.
#[derive(Debug)]
pub struct Run {
    pub text: String,
    pub italic: bool,
}

/// The text pieces of a row, with spaces where the gap between spans shows one.
pub fn runs(row: &Row) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let mut prev: Option<&Span> = None;
    for s in &row.spans {
        let sup = is_superscript(s, row);
        let mut text = s.text.clone();
        if sup {
            let t = text.trim();
            if !t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit()) {
                text = t
                    .bytes()
                    .map(|b| SUPERSCRIPTS[usize::from(b - b'0')])
                    .collect();
            }
        }
        if let Some(p) = prev {
            let spaced = out.last().is_some_and(|r| r.text.ends_with(' ')) || text.starts_with(' ');
            if !spaced && !sup && word_gap(p, s, row.size, is_superscript(p, row)) {
                out.push(Run {
                    text: " ".into(),
                    italic: false,
                });
            }
        }
        prev = Some(s);
        if sup && let Some(last) = out.last_mut() {
            // A marker sits on the word before it: "Migration,²²", not "Migration, ²²".
            let kept = last.text.trim_end().len();
            last.text.truncate(kept);
        }
        let italic = s.italic && !sup && !text.trim().is_empty();
        // Punctuation (and a paragraph number with its full stop) opening an italic span is
        // not part of the opening phrase (". " before *Decides*, set in the italic font).
        let (text, italic) = if italic {
            let lead = italic_lead(&text);
            if lead > 0 {
                push_run(&mut out, &text[..lead], false);
            }
            (&text[lead..], !text[lead..].trim().is_empty())
        } else {
            (text.as_str(), false)
        };
        push_run(&mut out, text, italic);
    }
    out
}

/// The length of what opens an italic span but is no part of the phrase: spaces and
/// punctuation, with a paragraph number before them (`5. `, `. `).
fn italic_lead(text: &str) -> usize {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let start = if text[digits..].starts_with('.') {
        digits
    } else {
        0
    };
    start
        + text[start..]
            .find(|c: char| !(c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':')))
            .unwrap_or(text.len() - start)
}

/// Appends text to the last run when it has the same style, or as a new run.
fn push_run(out: &mut Vec<Run>, text: &str, italic: bool) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(r) if r.italic == italic || text.trim().is_empty() => r.text.push_str(text),
        _ => out.push(Run {
            text: text.to_string(),
            italic,
        }),
    }
}

/// Whether the gap between two spans of a row is a space between words. A span may end inside
/// a word where the PDF positions glyphs one by one or changes font (`meetin` + `g`): only a
/// gap of about a space's width (a quarter of the font size; justified text widens it) is one.
/// A footnote marker ends a word: after one (`after_marker`), a narrower gap is a space too
/// (`thereto¹⁹ in`, where the space glyph overlaps the next span).
fn word_gap(a: &Span, b: &Span, size: f32, after_marker: bool) -> bool {
    let gap = b.x0 - a.x1;
    let joins_letters = a.text.ends_with(char::is_alphanumeric)
        && b.text.starts_with(char::is_alphanumeric)
        && a.italic == b.italic;
    let em = if after_marker {
        0.1
    } else if joins_letters {
        0.2
    } else {
        0.15
    };
    gap > em * size
}
