//! Laying the rows of a PDF's pages out as [`Line`]s: page furniture found by position and
//! dropped (on pages after the first the running head, set smaller than the text at the top of
//! the page; on every page the job number and page counter below the footnotes; rows printed at
//! the same place on the heads of several pages), a blank line where a vertical gap wider than
//! the line spacing separates paragraphs, italics as `*…*`, and each line's geometry in its
//! [`Style`]: whether it stands at the first-line indent of the text (it opens a paragraph) or
//! at its left edge (it runs on).

use super::rows::{Page, Row, main_size, rows, runs};
use crate::import::lines::{Line, Style, clean};
use std::collections::{HashMap, HashSet};

/// Rows whose baseline is above this share of the page height are in the head band.
const HEAD_BAND: f32 = 0.1;
/// Rows whose baseline is below this share of the page height are below any footnote.
const FOOT_BAND: f32 = 0.94;
/// The widest gap between two baselines of one block, in text sizes: wider is a blank line.
const LINE_GAP: f32 = 1.45;
/// How far (points) a row's left edge may stand from the text's left edge or indent.
const ALIGN: f32 = 3.0;

/// A PDF read into lines.
#[derive(Debug, Default)]
pub struct Pdf {
    pub lines: Vec<Line>,
    pub pages: usize,
}

/// The text's geometry over the whole document: the size of the text, its left edge and its
/// first-line indent (where most rows of that size start).
#[derive(Debug, Clone, Copy)]
struct Geometry {
    size: f32,
    left: Option<f32>,
    indent: Option<f32>,
}

impl Geometry {
    fn of(page_rows: &[Vec<Row>], furniture: &HashSet<(usize, usize)>) -> Geometry {
        let body = || {
            page_rows.iter().enumerate().flat_map(move |(p, rows)| {
                rows.iter()
                    .enumerate()
                    .filter(move |(r, _)| !furniture.contains(&(p, *r)))
                    .map(|(_, row)| row)
            })
        };
        let size = main_size(body().map(|r| (r.size, r.chars())));
        let mut edges: HashMap<i32, usize> = HashMap::new();
        for row in body().filter(|r| (r.size - size).abs() < 0.6) {
            *edges.entry(row.x.round() as i32).or_default() += 1;
        }
        let most = |pick: &dyn Fn(i32) -> bool| {
            edges
                .iter()
                .filter(|(x, _)| pick(**x))
                .max_by_key(|&(x, n)| (n, -x))
                .map(|(x, _)| *x as f32)
        };
        // The left edge: the leftmost start shared by a fair number of rows (a table or a
        // list may start further left on a few).
        let enough = (edges.values().sum::<usize>() / 20).max(2);
        let left = edges
            .iter()
            .filter(|&(_, &n)| n >= enough)
            .map(|(&x, _)| x as f32)
            .min_by(f32::total_cmp);
        let indent = left.and_then(|l| most(&|x| x as f32 >= l + 8.0 && (x as f32) <= l + 60.0));
        Geometry { size, left, indent }
    }

    /// Whether a row opens a paragraph (at the first-line indent) or runs on (at the left edge);
    /// `None` for anything else (centred lines, smaller or larger text).
    fn starts(&self, row: &Row) -> Option<bool> {
        if (row.size - self.size).abs() >= 0.6 {
            return None;
        }
        let near = |at: Option<f32>| at.is_some_and(|a| (row.x - a).abs() <= ALIGN);
        if near(self.indent) {
            Some(true)
        } else if near(self.left) {
            Some(false)
        } else {
            None
        }
    }
}

/// Lays the pages out as lines: running heads and feet dropped, blank lines between
/// paragraphs, a page break at each new page.
pub fn layout(pages: &[Page]) -> Pdf {
    let page_rows: Vec<Vec<Row>> = pages.iter().map(rows).collect();
    let mut furniture = repeated_heads(pages, &page_rows);
    furniture.extend(feet(pages, &page_rows));
    let size = Geometry::of(&page_rows, &furniture).size;
    furniture.extend(running_heads(pages, &page_rows, size));
    let geometry = Geometry::of(&page_rows, &furniture);
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
        let indented = indented_blocks(p, rows, &furniture, &geometry);
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
            if prev.is_some_and(|q| !same_block(q, row)) {
                if open {
                    close(&mut lines);
                    open = false;
                }
                push(&mut lines, Line::default());
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
                        && n.bottom - row.bottom <= LINE_GAP * n.size.max(row.size)
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
                        bold: row.bold(),
                        italic: starts_italic,
                        starts: if indented.contains(&r) {
                            None
                        } else {
                            geometry.starts(row)
                        },
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

/// Whether a row goes on the block of the row above it: no gap wider than the line spacing
/// between them, no change of size.
pub(super) fn same_block(above: &Row, row: &Row) -> bool {
    row.bottom - above.bottom <= LINE_GAP * row.size.max(above.size)
        && (row.size - above.size).abs() <= 1.2
}

/// The rows of a page (by index) in blocks set wholly at the first-line indent: a quotation
/// or a list indented as a whole ("Panel 1: …", a sub-paragraph (i) with a hanging indent).
/// Their lines do not each open a paragraph: what they are is left to the text.
fn indented_blocks(
    p: usize,
    rows: &[Row],
    furniture: &HashSet<(usize, usize)>,
    geometry: &Geometry,
) -> HashSet<usize> {
    let mut out = HashSet::new();
    let mut block: Vec<usize> = Vec::new();
    let mut flush = |block: &mut Vec<usize>| {
        if block.len() >= 2
            && block
                .iter()
                .all(|&r| geometry.starts(&rows[r]) == Some(true))
        {
            out.extend(block.iter().copied());
        }
        block.clear();
    };
    for (r, row) in rows.iter().enumerate() {
        if furniture.contains(&(p, r)) {
            flush(&mut block);
            continue;
        }
        if block.last().is_some_and(|&q| !same_block(&rows[q], row)) {
            flush(&mut block);
        }
        block.push(r);
    }
    flush(&mut block);
    out
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

/// The running head of each page after the first: the rows at the top of the page, in the head
/// band and set smaller than the text, before the first row of text.
fn running_heads(pages: &[Page], rows: &[Vec<Row>], size: f32) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (p, page_rows) in rows.iter().enumerate().skip(1) {
        let h = pages[p].height;
        for (r, row) in page_rows.iter().enumerate() {
            if row.bottom >= HEAD_BAND * h || row.size >= size - 0.4 {
                break;
            }
            out.push((p, r));
        }
    }
    out
}

/// The rows below the footnotes of every page: short (a job number, a page counter, a
/// barcode), in the foot band.
fn feet(pages: &[Page], rows: &[Vec<Row>]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (p, page_rows) in rows.iter().enumerate() {
        let h = pages[p].height;
        for (r, row) in page_rows.iter().enumerate() {
            if row.bottom > FOOT_BAND * h && row.compact().chars().count() <= 24 {
                out.push((p, r));
            }
        }
    }
    out
}

/// The rows printed in the head band at the same height on at least two pages with the same
/// text: running heads of a layout whose heads are not set smaller.
fn repeated_heads(pages: &[Page], rows: &[Vec<Row>]) -> HashSet<(usize, usize)> {
    let mut seen: HashMap<(String, i32), Vec<(usize, usize)>> = HashMap::new();
    for (p, page_rows) in rows.iter().enumerate() {
        let h = pages[p].height;
        for (r, row) in page_rows.iter().enumerate() {
            if row.bottom >= 1.2 * HEAD_BAND * h {
                continue;
            }
            let text = row.compact();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::pdf::rows::Span;

    fn span(text: &str, x0: f32, bottom: f32, size: f32, italic: bool) -> Span {
        Span {
            text: text.into(),
            x0,
            x1: x0 + 0.5 * size * text.chars().count() as f32,
            bottom,
            size,
            italic,
            bold: false,
        }
    }

    /// Two pages of a resolution: paragraphs open at the indent (147) and run on at the left
    /// edge (123); page 2 has a small running head at its top and a job number at its foot.
    fn pages() -> Vec<Page> {
        let one = vec![
            span("The General Assembly,", 147.0, 100.0, 10.0, true),
            span("Recalling", 147.0, 130.0, 10.0, true),
            span(
                "its resolution 1/1 on the keeping of lights",
                197.0,
                130.0,
                10.0,
                false,
            ),
            span(
                "and the Convention on Lighthouses, with its annex",
                123.0,
                142.0,
                10.0,
                false,
            ),
        ];
        let two = vec![
            span("A/1/L.1", 60.0, 61.0, 8.5, false),
            span("Keeping of lights", 400.0, 61.0, 8.5, false),
            span("United Nations Treaty Series,", 123.0, 84.0, 10.0, false),
            span("1.", 147.0, 102.0, 10.0, false),
            span("Decides", 171.0, 102.0, 10.0, true),
            span("to keep them on.", 210.0, 102.0, 10.0, false),
            span("11-11111", 520.0, 755.0, 7.0, false),
        ];
        vec![
            Page {
                height: 792.0,
                spans: one,
            },
            Page {
                height: 792.0,
                spans: two,
            },
        ]
    }

    #[test]
    fn geometry_and_furniture_by_position() {
        let pdf = layout(&pages());
        let text: Vec<(&str, Option<bool>)> = pdf
            .lines
            .iter()
            .filter(|l| !l.is_blank())
            .map(|l| (l.text.as_str(), l.style.starts))
            .collect();
        assert_eq!(
            text,
            [
                ("*The General Assembly,*", Some(true)),
                (
                    "*Recalling* its resolution 1/1 on the keeping of lights",
                    Some(true)
                ),
                (
                    "and the Convention on Lighthouses, with its annex",
                    Some(false)
                ),
                ("United Nations Treaty Series,", Some(false)),
                ("1. *Decides* to keep them on.", Some(true)),
            ]
        );
        let d = crate::import::import_lines(pdf.lines, crate::import::KindHint::Auto).document;
        assert_eq!(d.preamble.len(), 1);
        assert!(
            d.preamble[0]
                .text
                .ends_with("its annex United Nations Treaty Series,"),
            "{:?}",
            d.preamble[0].text
        );
        assert_eq!(d.operative.len(), 1);
    }

    /// Rows at `x` on the baselines given, each a line of text.
    fn column(x: f32, rows: &[(f32, &str)]) -> Vec<Span> {
        rows.iter()
            .map(|&(y, t)| span(t, x, y, 10.0, false))
            .collect()
    }

    #[test]
    fn a_block_set_wholly_at_the_indent_does_not_open_a_paragraph_a_line() {
        let mut spans = column(
            147.0,
            &[(
                100.0,
                "1. Decides that the panels will address these themes,",
            )],
        );
        spans.extend(column(
            123.0,
            &[
                (112.0, "the lights and the lamps, each of them"),
                (124.0, "in its turn:"),
            ],
        ));
        spans.extend(column(
            147.0,
            &[
                (142.0, "Panel 1: Keeping the lights on all night"),
                (154.0, "and in every weather;"),
                (172.0, "2. Requests a report on the lights"),
            ],
        ));
        spans.extend(column(123.0, &[(184.0, "and the lamps.")]));
        let pdf = layout(&[Page {
            height: 792.0,
            spans,
        }]);
        let starts: Vec<Option<bool>> = pdf
            .lines
            .iter()
            .filter(|l| !l.is_blank())
            .map(|l| l.style.starts)
            .collect();
        assert_eq!(
            starts,
            [
                Some(true),
                Some(false),
                Some(false),
                None,
                None,
                Some(true),
                Some(false)
            ]
        );
    }

    #[test]
    fn a_space_after_a_footnote_marker() {
        let mut marker = span("19", 177.1, 100.0, 6.5, false);
        marker.x1 = 183.6;
        let mut word = span("thereto", 147.1, 100.0, 10.0, false);
        word.x1 = 176.6;
        let spans = vec![
            word,
            marker,
            span("in relation to refugees", 185.5, 100.0, 10.0, false),
        ];
        let pdf = layout(&[Page {
            height: 792.0,
            spans,
        }]);
        assert_eq!(pdf.lines[0].text, "thereto¹⁹ in relation to refugees");
    }

    #[test]
    fn a_table_cell_beside_a_wrapped_cell_is_read_after_it() {
        let mut spans = Vec::new();
        for (y, left, right) in [
            (100.0, "Elections of officers [5]", "Forthcoming"),
            (130.0, "Report on the lamps (A/1/7)", "Issued"),
            (160.0, "Report of the Secretary-General: lists of", "Issued"),
            (
                202.0,
                "Report of the Secretary-General: comments received",
                "Issued",
            ),
        ] {
            spans.push(span(left, 137.0, y, 10.0, false));
            spans.push(span(right, 400.0, y, 10.0, false));
        }
        spans.push(span(
            "lighthouses and their keepers (A/1/8)",
            137.0,
            172.0,
            10.0,
            false,
        ));
        spans.push(span("from Governments (A/1/9)", 137.0, 214.0, 10.0, false));
        let pdf = layout(&[Page {
            height: 792.0,
            spans,
        }]);
        let text: Vec<&str> = pdf
            .lines
            .iter()
            .filter(|l| !l.is_blank())
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(
            text,
            [
                "Elections of officers [5]",
                "Forthcoming",
                "Report on the lamps (A/1/7)",
                "Issued",
                "Report of the Secretary-General: lists of",
                "lighthouses and their keepers (A/1/8)",
                "Issued",
                // A narrower gap before the column still separates the cells.
                "Report of the Secretary-General: comments received",
                "from Governments (A/1/9)",
                "Issued",
            ]
        );
    }
}
