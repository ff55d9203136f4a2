//! The outline pane: one line per paragraph ("PP4", "OP9(b)"), its opening phrase and first
//! words, the selection highlighted and kept in view. Only the visible rows are built.

use crate::markup;
use crate::numbering;
use crate::sanitize::sanitize;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};

/// Draws the outline into `area`.
pub fn render(frame: &mut Frame<'_>, area: Rect, app: &mut App) {
    let t = app.theme.clone();
    let block = Block::default()
        .borders(Borders::RIGHT)
        .border_style(t.border)
        .style(t.base);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    app.layout.sync(&app.draft.document, app.generation);
    app.layout.outline_rows.clear();
    app.layout.outline_x = (inner.x, inner.x + inner.width);
    app.layout.outline_y = inner.y;
    let h = usize::from(inner.height);
    if h == 0 || inner.width == 0 {
        return;
    }
    let paras: Vec<_> = app.layout.paragraphs().collect();
    let sel = app
        .selected
        .as_ref()
        .and_then(|id| paras.iter().position(|(p, _)| *p == id))
        .unwrap_or(0);
    let start = sel.saturating_sub(h / 2).min(paras.len().saturating_sub(h));
    let doc = &app.draft.document;
    let mut rows = Vec::new();
    for (row, (id, loc)) in paras.iter().skip(start).take(h).enumerate() {
        let Some(p) = doc.at(loc) else {
            continue;
        };
        let tag = numbering::short_tag(doc, loc);
        let indent = " ".repeat(loc.depth().min(4));
        let words: String = markup::strip(&p.text)
            .split_whitespace()
            .take(8)
            .collect::<Vec<_>>()
            .join(" ");
        let selected = start + row == sel;
        let style = if selected {
            t.outline_selected
        } else {
            t.outline
        };
        let line = Line::from(vec![
            Span::styled(format!("{indent}{tag:<6} "), style.patch(t.label)),
            Span::styled(sanitize(&p.lead).into_owned(), style.patch(t.lead)),
            Span::styled(format!(" {}", sanitize(&words)), style),
        ]);
        let y = inner.y + row as u16;
        let buf = frame.buffer_mut();
        if selected {
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), t.outline_selected);
        }
        buf.set_line(inner.x, y, &line, inner.width);
        if selected {
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), t.outline_selected);
        }
        rows.push(Some((*id).clone()));
    }
    app.layout.outline_rows = rows;
}
