//! Tables on a PDF page: the columns where cells start (a left edge shared by text set apart
//! by a wide gap on several rows of the page), and the order of a row's cells as the page is
//! read. A cell whose text wraps prints its first line beside the next cell ("Report of the
//! Secretary-General: compilation of decisions of" | "Issued" / "international courts …"):
//! the whole first cell is read before the next one, as the document's text has it.

use super::rows::Span;

/// The widest gap (in text sizes) between two spans of one run of text: wider separates two
/// columns wherever it stands.
pub const WIDE_GAP: f32 = 4.0;
/// The narrowest gap (in text sizes) that separates a cell from one starting at a column: a
/// space between words, even in justified text, is narrower.
const CELL_GAP: f32 = 1.0;
/// How far (points) a cell's left edge may stand from its column.
const ALIGN: f32 = 2.0;
/// How many rows of a page must start a cell at the same place for it to be a column.
const ROWS: usize = 3;

/// The columns of a page, from its spans grouped by baseline (each group left to right): the
/// left edges of spans set after a wide gap on at least [`ROWS`] baselines.
pub fn columns(baselines: &[Vec<Span>]) -> Vec<f32> {
    let mut starts: Vec<f32> = baselines
        .iter()
        .flat_map(|spans| {
            spans
                .windows(2)
                .filter(|w| w[1].x0 - w[0].x1 > WIDE_GAP * w[0].size.max(w[1].size))
                .map(|w| w[1].x0)
        })
        .collect();
    starts.sort_by(f32::total_cmp);
    let mut out: Vec<f32> = Vec::new();
    let mut k = 0;
    while k < starts.len() {
        let n = starts[k..]
            .iter()
            .take_while(|&&x| x - starts[k] <= ALIGN)
            .count();
        if n >= ROWS {
            out.push(starts[k]);
        }
        k += n;
    }
    out
}

/// Whether span `b` opens a new cell after span `a` on the same baseline: a wide gap, or a gap
/// wider than a space before a column of the page.
pub fn splits(a: &Span, b: &Span, columns: &[f32]) -> bool {
    let size = a.size.max(b.size);
    let gap = b.x0 - a.x1;
    gap > WIDE_GAP * size || (gap > CELL_GAP * size && at_column(b.x0, columns))
}

fn at_column(x: f32, columns: &[f32]) -> bool {
    columns.iter().any(|c| (x - c).abs() <= ALIGN)
}

/// A row of the page as the ordering needs it: its left edge, baseline and size.
pub trait Placed {
    fn x(&self) -> f32;
    fn bottom(&self) -> f32;
    fn size(&self) -> f32;
}

/// The reading order of a page's rows (sorted top to bottom, left to right; `same_block` tells
/// whether a row goes on the block of the row above it): a cell at a column beside the first
/// line of a cell that wraps onto the rows below (rows left of the column, with no cell of
/// their own at a column) is read after that cell's last line. Returns the rows' indices.
pub fn reading_order<R: Placed>(
    rows: &[R],
    columns: &[f32],
    same_block: impl Fn(&R, &R) -> bool,
) -> Vec<usize> {
    let n = rows.len();
    let level = |a: &R, b: &R| (a.bottom() - b.bottom()).abs() < 0.5 * a.size().max(b.size());
    // Whether row k has a cell at a column beside it on its baseline (after it).
    let has_cell = |k: usize| {
        rows[k + 1..]
            .iter()
            .take_while(|r| level(r, &rows[k]))
            .any(|r| at_column(r.x(), columns))
    };
    let mut keys: Vec<(f32, usize)> = (0..n).map(|k| (k as f32, k)).collect();
    for i in 1..n {
        let cell = &rows[i];
        // A row of two cells: the one on its left and this one.
        let two = level(&rows[i - 1], cell)
            && (i < 2 || !level(&rows[i - 2], cell))
            && rows.get(i + 1).is_none_or(|r| !level(r, cell));
        if !at_column(cell.x(), columns) || !two {
            continue;
        }
        // The cell on its left and the rows that carry it on.
        let mut last = i - 1;
        let mut k = i + 1;
        while k < n
            && rows[k].x() < cell.x() - ALIGN
            && same_block(&rows[last], &rows[k])
            && !level(&rows[k], cell)
            && !has_cell(k)
        {
            last = k;
            k += 1;
        }
        if last > i {
            keys[i].0 = last as f32 + 0.5;
        }
    }
    keys.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    keys.into_iter().map(|(_, k)| k).collect()
}
