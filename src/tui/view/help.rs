//! The help overlay: every key of every mode, generated from the keymap that dispatches them.

use crate::tui::app::App;
use crate::tui::keymap::KeyMode;
use crate::tui::view::centered;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

/// The help text, one line per key binding, grouped by mode.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let t = &app.theme;
    let mut out = Vec::new();
    for mode in KeyMode::ALL {
        let title = match mode {
            KeyMode::Normal => "Document",
            KeyMode::Editor => "Paragraph editor",
            KeyMode::Form => "Header form",
            KeyMode::Dialog => "Dialogs",
            KeyMode::Help => "This help",
        };
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::from(Span::styled(title, t.popup_title)));
        for action in app.keymap.actions(mode) {
            let keys = app.keymap.keys_for(mode, action);
            out.push(Line::from(vec![
                Span::styled(format!("  {keys:<16}"), t.hint_key),
                Span::styled(action.describe(), t.popup),
            ]));
        }
    }
    out.push(Line::default());
    out.push(Line::from(Span::styled(
        "Mouse: click selects a paragraph, the wheel scrolls. Keys can be rebound in config.toml.",
        t.hint,
    )));
    out
}

/// Draws the help overlay.
pub fn render(frame: &mut Frame<'_>, area: Rect, app: &mut App) {
    let t = &app.theme;
    let rect = centered(area, 72, area.height.saturating_sub(2).max(3));
    let text = lines(app);
    let inner_h = rect.height.saturating_sub(2);
    let max_scroll = (text.len() as u16).saturating_sub(inner_h);
    app.help_scroll = app.help_scroll.min(max_scroll);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border)
        .title(Span::styled(
            " Help: keys (Esc closes, ↑/↓ scroll) ",
            t.popup_title,
        ))
        .style(t.popup);
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(text)
            .block(block)
            .style(t.popup)
            .scroll((app.help_scroll, 0)),
        rect,
    );
}
