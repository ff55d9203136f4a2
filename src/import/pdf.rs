//! Reading PDF files into the common [`Line`] form, with `pdf_oxide` (pure Rust; text spans
//! with their font, size and position). What the PDF knows and plain text loses is kept:
//! italic spans become `*…*` (so opening phrases come from the document itself), bold lines
//! and each line's page, indent, baseline and size go into its [`Style`], superscript digits
//! (smaller and raised above the baseline) become superscript markers (`Rights,²`, never
//! ambiguous), lines printed at the same place on several pages' heads or feet (running
//! heads, page counters) are dropped as page furniture, and a vertical gap wider than the
//! line spacing separates paragraphs with a blank line.
//!
//! The crate runs on its own thread under `catch_unwind` with a time limit, so a damaged or
//! hostile file gives an error, never a panic or a hang.

use super::footnotes::SUPERSCRIPTS;
use super::lines::{Line, Style, clean};
use std::collections::HashMap;
use std::sync::mpsc;
use std::time::Duration;

/// The most pages read.
pub const MAX_PAGES: usize = 3000;
/// How long reading may take before it is abandoned.
pub const TIME_LIMIT: Duration = Duration::from_secs(30);

/// A PDF read into lines.
#[derive(Debug, Default)]
pub struct Pdf {
    pub lines: Vec<Line>,
    pub pages: usize,
}

/// A run of text as the crate gives it, in points, `bottom` (the baseline) counted from the top of
/// the page.
#[derive(Debug, Clone)]
struct Span {
    text: String,
    x0: f32,
    x1: f32,
    bottom: f32,
    size: f32,
    italic: bool,
    bold: bool,
}

/// Reads a PDF from its bytes.
pub fn read(bytes: Vec<u8>) -> Result<Pdf, String> {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name("pdf-reader".into())
        .spawn(move || {
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extract(bytes)));
            let _ = tx.send(r);
        })
        .map_err(|e| format!("cannot start the PDF reader: {e}"))?;
    let pages = match rx.recv_timeout(TIME_LIMIT) {
        Ok(Ok(r)) => r?,
        Ok(Err(_)) => return Err("the PDF reader failed on this file (is it damaged?)".into()),
        Err(_) => {
            return Err(format!(
                "reading took longer than {} s; giving up (is the file damaged?)",
                TIME_LIMIT.as_secs()
            ));
        }
    };
    if pages.iter().all(|p| p.spans.is_empty()) {
        return Err(
            "no text in this PDF (a scanned document? resdraft reads the text of a PDF, \
             it does not recognise images of text)"
                .into(),
        );
    }
    Ok(layout(&pages))
}

/// One page: its height and its spans.
#[derive(Debug)]
struct Page {
    height: f32,
    spans: Vec<Span>,
}

/// Runs the crate over every page.
fn extract(bytes: Vec<u8>) -> Result<Vec<Page>, String> {
    let doc = pdf_oxide::PdfDocument::from_bytes(bytes)
        .map_err(|e| format!("not a readable PDF ({e})"))?;
    let encrypted = doc.is_encrypted();
    let n = doc.page_count().map_err(|e| {
        if encrypted {
            "an encrypted (password-protected) PDF".to_string()
        } else {
            format!("cannot read the page list ({e})")
        }
    })?;
    if n == 0 {
        return Err("a PDF with no pages".into());
    }
    if n > MAX_PAGES {
        return Err(format!(
            "{n} pages; the limit is {MAX_PAGES} (not a resolution or report)"
        ));
    }
    // Pages are read on up to four threads (the document is `Sync`): a 56-page resolution
    // reads in half the time on two cores.
    let workers = std::thread::available_parallelism()
        .map_or(1, |w| w.get())
        .clamp(1, 4)
        .min(n);
    let doc = &doc;
    let mut pages: Vec<Option<Result<Page, String>>> = (0..n).map(|_| None).collect();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|w| {
                scope.spawn(move || {
                    (w..n)
                        .step_by(workers)
                        .map(|p| (p, page(doc, p, encrypted)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for h in handles {
            // A panic in a worker goes on to the caller's `catch_unwind`.
            let done = h.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
            for (p, r) in done {
                pages[p] = Some(r);
            }
        }
    });
    pages
        .into_iter()
        .map(|p| p.unwrap_or_else(|| Err("a page was not read".into())))
        .collect()
}

/// Reads one page's spans.
fn page(doc: &pdf_oxide::PdfDocument, p: usize, encrypted: bool) -> Result<Page, String> {
    let (_, y0, _, y1) = doc
        .get_page_media_box(p)
        .unwrap_or((0.0, 0.0, 612.0, 792.0));
    let height = (y1 - y0).abs().max(1.0);
    let spans = match doc.extract_spans(p) {
        Ok(s) => s,
        Err(e) if encrypted => {
            return Err(format!(
                "an encrypted (password-protected) PDF: its text cannot be read ({e})"
            ));
        }
        Err(e) => return Err(format!("page {}: {e}", p + 1)),
    };
    let spans = spans
        .into_iter()
        .filter(|s| !s.text.trim().is_empty() && s.font_size.is_finite() && s.font_size > 0.0)
        .map(|s| {
            let font = s.font_name.to_ascii_lowercase();
            let bottom_up = s.bbox.y - y0.min(y1);
            Span {
                x0: s.bbox.x,
                x1: s.bbox.x + s.bbox.width.max(0.0),
                bottom: height - bottom_up,
                size: s.font_size,
                italic: s.is_italic || font.contains("italic") || font.contains("oblique"),
                bold: s.font_weight as u32 >= 600 || font.contains("bold"),
                text: s.text,
            }
        })
        .collect();
    Ok(Page { height, spans })
}

/// A line of one page: its spans left to right.
#[derive(Debug)]
struct Row {
    spans: Vec<Span>,
    /// The main size (of most characters).
    size: f32,
    /// The baseline of the main-size text.
    bottom: f32,
    x: f32,
}

/// Groups a page's spans into rows (one baseline), split where a wide gap separates two
/// columns of the same baseline.
fn rows(page: &Page) -> Vec<Row> {
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
        if fits {
            clusters.last_mut().expect("a cluster").push(s.clone());
        } else {
            clusters.push(vec![s.clone()]);
        }
    }
    let mut out = Vec::new();
    for mut c in clusters {
        c.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        let mut part: Vec<Span> = Vec::new();
        for s in c {
            if let Some(last) = part.last()
                && s.x0 - last.x1 > 4.0 * s.size.max(last.size)
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
    out
}

/// The baseline of the largest text in a group of spans.
fn main_bottom(spans: &[Span]) -> f32 {
    let size = main_size(spans);
    spans
        .iter()
        .filter(|s| (s.size - size).abs() < 0.5)
        .map(|s| s.bottom)
        .fold(f32::NAN, f32::max)
}

/// The size carried by most characters.
fn main_size(spans: &[Span]) -> f32 {
    let mut by: HashMap<i32, usize> = HashMap::new();
    for s in spans {
        *by.entry((s.size * 10.0).round() as i32).or_default() += s.text.chars().count();
    }
    by.into_iter()
        .max_by_key(|&(size, n)| (n, size))
        .map_or(0.0, |(s, _)| s as f32 / 10.0)
}

fn row(spans: Vec<Span>) -> Row {
    let size = main_size(&spans);
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

/// A piece of a row's text: plain, italic, or a superscript marker.
#[derive(Debug)]
struct Run {
    text: String,
    italic: bool,
}

/// The text pieces of a row, with spaces where the gap between spans shows one.
fn runs(row: &Row) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let mut prev_x1: Option<f32> = None;
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
        if let Some(x1) = prev_x1 {
            let gap = s.x0 - x1;
            let spaced = out.last().is_some_and(|r| r.text.ends_with(' ')) || text.starts_with(' ');
            if !spaced && gap > 0.15 * row.size && !sup {
                out.push(Run {
                    text: " ".into(),
                    italic: false,
                });
            }
        }
        prev_x1 = Some(s.x1);
        if sup && let Some(last) = out.last_mut() {
            // A marker sits on the word before it: "Migration,²²", not "Migration, ²²".
            let kept = last.text.trim_end().len();
            last.text.truncate(kept);
        }
        let italic = s.italic && !sup && !text.trim().is_empty();
        match out.last_mut() {
            Some(r) if r.italic == italic => r.text.push_str(&text),
            _ => out.push(Run { text, italic }),
        }
    }
    out
}

/// Lays the pages out as lines: running heads and feet dropped, blank lines between
/// paragraphs, a page break at each new page.
fn layout(pages: &[Page]) -> Pdf {
    let page_rows: Vec<Vec<Row>> = pages.iter().map(rows).collect();
    let furniture = repeated_margins(pages, &page_rows);
    let mut lines: Vec<Line> = Vec::new();
    let push = |lines: &mut Vec<Line>, mut line: Line| {
        line.no = lines.len() + 1;
        if line.page == 0 {
            line.page = lines.last().map_or(1, |l| l.page);
        }
        lines.push(line);
    };
    for (p, rows) in page_rows.iter().enumerate() {
        if p > 0 {
            push(
                &mut lines,
                Line {
                    page_break: true,
                    page: p as u32 + 1,
                    ..Line::default()
                },
            );
        }
        let mut prev: Option<&Row> = None;
        let mut open = false;
        for (r, row) in rows.iter().enumerate() {
            if furniture.contains(&(p, r)) {
                if open {
                    close(&mut lines);
                    open = false;
                }
                push(
                    &mut lines,
                    Line {
                        page_break: true,
                        ..Line::default()
                    },
                );
                prev = None;
                continue;
            }
            if let Some(q) = prev {
                let gap = row.bottom - q.bottom;
                let big = row.size.max(q.size);
                let new_block = gap > 1.45 * big || (row.size - q.size).abs() > 1.2;
                if new_block {
                    if open {
                        close(&mut lines);
                        open = false;
                    }
                    push(&mut lines, Line::default());
                }
            }
            let pieces = runs(row);
            let mut text = String::new();
            let starts_italic = pieces
                .iter()
                .find(|r| !r.text.trim().is_empty())
                .is_some_and(|r| r.italic);
            for piece in &pieces {
                if piece.italic && !open {
                    let lead = piece.text.len() - piece.text.trim_start().len();
                    text.push_str(&piece.text[..lead]);
                    text.push('*');
                    text.push_str(piece.text.trim_start());
                    open = true;
                } else if !piece.italic && open && !piece.text.trim().is_empty() {
                    close_text(&mut text);
                    open = false;
                    text.push_str(&piece.text);
                } else {
                    text.push_str(&piece.text);
                }
            }
            // An italic run that ends the line stays open only when the next line of the
            // same paragraph goes on in italics.
            if open {
                let next_italic = rows.get(r + 1).is_some_and(|n| {
                    !furniture.contains(&(p, r + 1))
                        && n.bottom - row.bottom <= 1.45 * n.size.max(row.size)
                        && runs(n)
                            .iter()
                            .find(|x| !x.text.trim().is_empty())
                            .is_some_and(|x| x.italic)
                });
                if !next_italic {
                    close_text(&mut text);
                    open = false;
                }
            }
            let bold = row
                .spans
                .iter()
                .filter(|s| !s.text.trim().is_empty())
                .all(|s| s.bold);
            let page_height = pages[p].height;
            let (text, gaps) = clean(&text);
            push(
                &mut lines,
                Line {
                    no: 0,
                    text,
                    gaps,
                    page_break: false,
                    page: p as u32 + 1,
                    style: Style {
                        x: tenths(row.x),
                        y: tenths(row.bottom.min(page_height)),
                        size: tenths(row.size),
                        bold,
                        italic: starts_italic,
                    },
                },
            );
            prev = Some(row);
        }
        if open {
            close(&mut lines);
        }
    }
    Pdf {
        lines,
        pages: pages.len(),
    }
}

fn tenths(v: f32) -> i32 {
    (v * 10.0).round().clamp(i32::MIN as f32, i32::MAX as f32) as i32
}

/// Closes an italic run at the end of a text (before its trailing spaces).
fn close_text(text: &mut String) {
    let trimmed = text.trim_end().len();
    let spaces = text[trimmed..].to_string();
    text.truncate(trimmed);
    text.push('*');
    text.push_str(&spaces);
}

/// Closes an italic run left open on the last text line.
fn close(lines: &mut [Line]) {
    if let Some(l) = lines.iter_mut().rev().find(|l| !l.text.is_empty()) {
        close_text(&mut l.text);
    }
}

/// The rows printed in the top or bottom margin band at the same height on at least two
/// pages with the same text (digits aside): running heads, page counters, job numbers.
fn repeated_margins(
    pages: &[Page],
    rows: &[Vec<Row>],
) -> std::collections::HashSet<(usize, usize)> {
    let mut seen: HashMap<(String, i32), Vec<(usize, usize)>> = HashMap::new();
    for (p, page_rows) in rows.iter().enumerate() {
        let h = pages[p].height;
        for (r, row) in page_rows.iter().enumerate() {
            let (top, foot) = (row.bottom < 0.12 * h, row.bottom > 0.9 * h);
            if !(top || foot) {
                continue;
            }
            let text: String = row
                .spans
                .iter()
                .flat_map(|s| s.text.chars())
                .filter(|c| !c.is_whitespace())
                .collect();
            // At the foot only short numbers (page counters, job numbers) repeat: footnotes
            // stand there too, and two of them may differ only in their numbers.
            let short_number =
                text.chars().count() <= 16 && text.chars().any(|c| c.is_ascii_digit());
            let text = if short_number {
                text.chars()
                    .map(|c| if c.is_ascii_digit() { '#' } else { c })
                    .collect()
            } else if top {
                text
            } else {
                continue;
            };
            if text.is_empty() {
                continue;
            }
            let key = (text, (row.bottom / 4.0).round() as i32);
            seen.entry(key).or_default().push((p, r));
        }
    }
    seen.into_values()
        .filter(|v| {
            let mut pages: Vec<usize> = v.iter().map(|x| x.0).collect();
            pages.dedup();
            pages.len() >= 2
        })
        .flatten()
        .collect()
}
