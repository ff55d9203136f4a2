//! The help overlay: every key of every mode (document, outline keys, paragraph editor, header
//! form, prompts, revision view, dialogs, this help), generated from the keymap that
//! dispatches them. Long lines wrap under their label; PgDn/PgUp, ↑/↓ and the wheel scroll.

use crate::tui::app::App;
use crate::tui::keymap::KeyMode;
use crate::tui::view::centered;
use crate::tui::wrap::wrap;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

/// The title of a mode's section.
pub fn title(mode: KeyMode) -> &'static str {
    match mode {
        KeyMode::Normal => "Document",
        KeyMode::Outline => "Outline: headings, parts, annexes (after s)",
        KeyMode::Editor => "Paragraph editor (other keys type text)",
        KeyMode::Form => "Header, heading, part and annex forms",
        KeyMode::Prompt => "Search (/) and go to (:) prompts",
        KeyMode::Revisions => "Revision view",
        KeyMode::Dialog => "Dialogs and lists",
        KeyMode::Help => "This help",
        KeyMode::Negotiation => "Negotiation panel (c)",
    }
}

/// Extra lines for a mode: what is not a binding (typing, counts, completion).
fn notes(mode: KeyMode) -> &'static [&'static str] {
    match mode {
        KeyMode::Normal => &[
            "A count before a key repeats it: 5j goes down five paragraphs, 3J moves the paragraph three places down.",
        ],
        KeyMode::Editor => &[
            "Opening phrase: completions show as you type; ↑/↓ choose, Tab or Space takes one and moves on to the text; words typed past a complete phrase go to the text.",
        ],
        KeyMode::Negotiation => &[
            "1–9 choose that alternative of a bracket. In propose mode (P, as the delegation set by `delegation` in config.toml) an edit, a new paragraph, a deletion or a move becomes a proposal instead of a change; } and { jump between paragraphs with open items, S sets a paragraph's status.",
        ],
        KeyMode::Prompt => &[
            "/ finds words in the paragraphs, footnotes and header (case-insensitive unless the query has a capital); : goes to OP12, PP3, 12, 12(b), fn 4, annex II, a heading's label or words.",
        ],
        _ => &[],
    }
}

/// The help text wrapped to `width` columns, grouped by mode.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let t = &app.theme;
    let width = width.max(20);
    let key_w = 18.min(width / 3);
    let mut out = Vec::new();
    for mode in KeyMode::ALL {
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::from(Span::styled(title(mode), t.popup_title)));
        for action in app.keymap.actions(mode) {
            let keys = app.keymap.keys_for(mode, action);
            let first = vec![Span::styled(format!("  {keys:<key_w$} "), t.hint_key)];
            let rest = vec![Span::raw(" ".repeat(key_w + 3))];
            let first = if Line::from(first.clone()).width() > key_w + 3 {
                // A long key list gets a line of its own.
                out.push(Line::from(first));
                rest.clone()
            } else {
                first
            };
            let label = [Span::styled(action.describe_in(mode), t.popup)];
            out.extend(wrap(&label, &first, &rest, width));
        }
        for note in notes(mode) {
            let ind = vec![Span::raw("  ")];
            out.extend(wrap(&[Span::styled(*note, t.hint)], &ind, &ind, width));
        }
    }
    out.push(Line::default());
    let tail = "Mouse: a click selects a paragraph, the wheel scrolls. Keys can be rebound in config.toml ([keys.normal], [keys.editor], [keys.revisions] …).";
    out.extend(wrap(&[Span::styled(tail, t.hint)], &[], &[], width));
    out
}

/// Draws the help overlay.
pub fn render(frame: &mut Frame<'_>, area: Rect, app: &mut App) {
    let t = app.theme.clone();
    let rect = centered(area, 90, area.height.saturating_sub(2).max(3));
    let text = lines(app, usize::from(rect.width.saturating_sub(2)));
    let inner_h = rect.height.saturating_sub(2);
    let max_scroll = (text.len() as u16).saturating_sub(inner_h);
    app.help_scroll = app.help_scroll.min(max_scroll);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border)
        .title(Span::styled(
            " Help: keys (Esc closes, ↑/↓ PgDn/PgUp scroll) ",
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
