//! The document view: the draft as it will read, laid out block by block from the layout
//! cache, scrolled so the selected paragraph stays in view, the selection highlighted and the
//! editorial-check findings about it shown right under it.

use crate::sanitize::sanitize;
use crate::tui::app::App;
use crate::tui::layout::{BlockId, MARGIN};
use crate::tui::wrap::wrap;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use std::rc::Rc;

/// The text width used for a document area of `area_width` columns.
pub fn text_width(app: &App, area_width: u16) -> usize {
    let w = usize::from(area_width);
    if app.wrap_width > 0 {
        w.min(usize::from(app.wrap_width) + MARGIN)
    } else {
        w
    }
}

/// The lines of block `i`, with the findings under the selected paragraph.
fn block_lines(app: &mut App, i: usize, width: usize) -> Rc<Vec<Line<'static>>> {
    let lines = app.layout.lines(&app.draft.document, i, width, &app.theme);
    let selected = match (&app.layout.blocks.get(i).map(|b| &b.id), &app.selected) {
        (Some(BlockId::Para(id)), Some(sel)) => id == sel,
        _ => false,
    };
    if !selected {
        return lines;
    }
    let findings: Vec<String> = app
        .selected_findings()
        .iter()
        .map(|f| {
            if f.suggestion.is_empty() {
                format!("⚠ {}", f.message)
            } else {
                format!("⚠ {} ({})", f.message, f.suggestion)
            }
        })
        .collect();
    if findings.is_empty() {
        return lines;
    }
    let mut all = (*lines).clone();
    let indent = vec![Span::raw(" ".repeat(MARGIN + 4.min(width / 4)))];
    for f in findings {
        let spans = [Span::styled(sanitize(&f).into_owned(), app.theme.finding)];
        all.extend(wrap(&spans, &indent, &indent, width));
    }
    Rc::new(all)
}

/// Moves the scroll position so the selected block is fully visible (or starts at the top
/// when it is taller than the view).
fn follow_selection(app: &mut App, height: usize, width: usize) {
    let Some(sel) = app.selected.as_ref().and_then(|id| app.layout.block_of(id)) else {
        return;
    };
    let top = app.scroll.block;
    if sel < top || (sel == top && app.scroll.line > 0) {
        app.scroll.block = sel;
        app.scroll.line = 0;
        return;
    }
    // Lines from the top of the view to the end of the selection.
    let mut used = 0usize;
    for i in top..=sel {
        let h = block_lines(app, i, width).len();
        used += if i == top {
            h.saturating_sub(app.scroll.line)
        } else {
            h
        };
        if used > height {
            break;
        }
    }
    if used <= height {
        return;
    }
    let sel_h = block_lines(app, sel, width).len();
    if sel_h >= height {
        app.scroll.block = sel;
        app.scroll.line = 0;
        return;
    }
    let mut sum = sel_h;
    let mut i = sel;
    while i > 0 && sum < height {
        i -= 1;
        sum += block_lines(app, i, width).len();
    }
    app.scroll.block = i;
    app.scroll.line = sum.saturating_sub(height);
}

/// Scrolls the view by `delta` lines (mouse wheel), without moving the selection.
pub fn scroll_lines(app: &mut App, delta: isize) {
    let width = app.layout.width.max(1);
    app.layout.sync(&app.draft.document, app.generation);
    app.scroll.follow = false;
    if delta > 0 {
        for _ in 0..delta {
            let h = block_lines(app, app.scroll.block, width).len();
            if app.scroll.line + 1 < h {
                app.scroll.line += 1;
            } else if app.scroll.block + 1 < app.layout.blocks.len() {
                app.scroll.block += 1;
                app.scroll.line = 0;
            }
        }
    } else {
        for _ in 0..delta.unsigned_abs() {
            if app.scroll.line > 0 {
                app.scroll.line -= 1;
            } else if app.scroll.block > 0 {
                app.scroll.block -= 1;
                let h = block_lines(app, app.scroll.block, width).len();
                app.scroll.line = h.saturating_sub(1);
            }
        }
    }
}

/// Draws the document view into `area`.
pub fn render(frame: &mut Frame<'_>, area: Rect, app: &mut App) {
    let buf = frame.buffer_mut();
    buf.set_style(area, app.theme.base);
    app.layout.rows.clear();
    app.layout.top_y = area.y;
    if area.width == 0 || area.height == 0 {
        return;
    }
    let width = text_width(app, area.width);
    app.layout.width = width;
    app.layout.sync(&app.draft.document, app.generation);
    let height = usize::from(area.height);
    if app.scroll.block >= app.layout.blocks.len() {
        app.scroll.block = app.layout.blocks.len().saturating_sub(1);
        app.scroll.line = 0;
    }
    if app.scroll.follow {
        follow_selection(app, height, width);
    }
    let sel_block = app.selected.as_ref().and_then(|id| app.layout.block_of(id));
    let marker = app.theme.selection_marker.clone();
    let mut y = 0usize;
    let mut i = app.scroll.block;
    let mut skip = app.scroll.line;
    while y < height && i < app.layout.blocks.len() {
        let lines = block_lines(app, i, width);
        let para = match &app.layout.blocks[i].id {
            BlockId::Para(id) => Some(id.clone()),
            _ => None,
        };
        let selected = sel_block == Some(i);
        let mut first_text = true;
        for line in lines.iter().skip(skip) {
            if y >= height {
                break;
            }
            let row = area.y + y as u16;
            let buf = frame.buffer_mut();
            buf.set_line(area.x, row, line, area.width);
            if selected && line.width() > 0 {
                let r = Rect::new(area.x, row, area.width, 1);
                buf.set_style(r, app.theme.selected);
                if first_text && !marker.is_empty() {
                    buf.set_stringn(area.x, row, &marker, 1, app.theme.selected);
                }
                first_text = false;
            }
            app.layout.rows.push(para.clone());
            y += 1;
        }
        skip = 0;
        i += 1;
    }
}
