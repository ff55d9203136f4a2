//! The document view: the draft as it will read, laid out block by block from the layout
//! cache, scrolled so the selected paragraph stays in view, the selection highlighted and the
//! editorial-check findings about it shown right under it.

use crate::sanitize::sanitize;
use crate::tui::app::App;
use crate::tui::layout::{BlockId, MARGIN};
use crate::tui::wrap::wrap;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use std::rc::Rc;

/// The text width used for a document area of `area_width` columns: the measure (config
/// `wrap_width`, 100 by default; 0 = the whole width) and the margin.
pub fn text_width(app: &App, area_width: u16) -> usize {
    let w = usize::from(area_width);
    if app.wrap_width > 0 {
        w.min(usize::from(app.wrap_width) + MARGIN)
    } else {
        w
    }
}

/// The columns of `area` the text takes: the measure, centred when the window is wider.
pub fn text_area(app: &App, area: Rect) -> Rect {
    let w = text_width(app, area.width) as u16;
    Rect {
        x: area.x + (area.width - w) / 2,
        width: w,
        ..area
    }
}

/// Highlights the search matches on a drawn line (`row`, from column `x`).
fn highlight(buf: &mut ratatui::buffer::Buffer, x: u16, row: u16, line: &Line<'_>, app: &App) {
    let Some(s) = &app.search else {
        return;
    };
    let text: String = line.spans.iter().map(|sp| sp.content.as_ref()).collect();
    for (a, b) in crate::tui::search::ranges(&s.pattern, &text) {
        let col = x + unicode_width::UnicodeWidthStr::width(&text[..a]) as u16;
        let w = unicode_width::UnicodeWidthStr::width(&text[a..b]) as u16;
        let r = Rect::new(col, row, w, 1).intersection(buf.area);
        buf.set_style(
            r,
            app.theme
                .completion_selected
                .add_modifier(Modifier::UNDERLINED),
        );
    }
}

/// The footnotes marked in the selected paragraph, shown right under it ("¹ text").
fn footnote_lines(app: &App, id: &crate::model::Id, width: usize) -> Vec<Line<'static>> {
    let doc = &app.draft.document;
    let Some(p) = doc.find(id) else {
        return Vec::new();
    };
    let markers = crate::markup::markers(&p.text);
    if markers.is_empty() {
        return Vec::new();
    }
    let numbers = crate::numbering::footnote_numbers(doc);
    let indent = vec![Span::raw(" ".repeat(MARGIN + 4.min(width / 4)))];
    let mut out = Vec::new();
    for m in markers {
        let Some(f) = doc.footnote(&m) else {
            continue;
        };
        let n = numbers
            .get(&m)
            .map(|n| crate::markup::superscript(*n))
            .unwrap_or_default();
        let spans = [
            Span::styled(n, app.theme.footnote),
            Span::styled(
                format!(" {}", sanitize(&crate::markup::strip(&f.text))),
                app.theme.hint,
            ),
        ];
        out.extend(wrap(&spans, &indent, &indent, width));
    }
    out
}

/// The lines of block `i`, with the footnotes and findings under the selected paragraph.
fn block_lines(app: &mut App, i: usize, width: usize) -> Rc<Vec<Line<'static>>> {
    if let Some(crate::tui::layout::Block {
        id: BlockId::Para(id),
        ..
    }) = app.layout.blocks.get(i)
        && crate::tui::pending::hidden(app, id)
    {
        return Rc::default();
    }
    let negotiated = match app.layout.blocks.get(i) {
        Some(crate::tui::layout::Block {
            id: BlockId::Para(id),
            loc: Some(loc),
        }) if !app.draft.negotiation.is_empty() => {
            super::proposals::lines(&app.draft, loc, id, width, &app.theme)
        }
        _ => None,
    };
    let lines = match negotiated {
        Some(l) => Rc::new(l),
        None => app.layout.lines(&app.draft.document, i, width, &app.theme),
    };
    let selected = match (&app.layout.blocks.get(i).map(|b| &b.id), &app.selected) {
        (Some(BlockId::Para(id)), Some(sel)) => id == sel,
        _ => false,
    };
    if !selected {
        return lines;
    }
    let notes = match &app.selected {
        Some(id) => footnote_lines(app, id, width),
        None => Vec::new(),
    };
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
    if findings.is_empty() && notes.is_empty() {
        return lines;
    }
    let mut all = (*lines).clone();
    all.extend(notes);
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
    let area = text_area(app, area);
    app.layout.rows.clear();
    app.layout.top_y = area.y;
    if area.width == 0 || area.height == 0 {
        return;
    }
    let width = text_width(app, area.width);
    app.layout.width = width;
    app.layout.sync(&app.draft.document, app.generation);
    crate::tui::pending::refresh(app);
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
            highlight(buf, area.x, row, line, app);
            app.layout.rows.push(para.clone());
            y += 1;
        }
        skip = 0;
        i += 1;
    }
}
