//! Popups drawn over the document: the paragraph editor (lead and text fields, completion
//! list), the header form, and dialogs (confirmations, revision picker, label prompt).

use crate::sanitize::sanitize;
use crate::tui::app::App;
use crate::tui::dialog::{Confirm, Dialog};
use crate::tui::editor::Field;
use crate::tui::form::FIELDS;
use crate::tui::view::centered;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

fn frame_block<'a>(app: &App, title: &str) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.border)
        .title(Span::styled(
            format!(" {} ", sanitize(title)),
            app.theme.popup_title,
        ))
        .style(app.theme.popup)
}

/// Draws the paragraph editor.
pub fn render_editor(frame: &mut Frame<'_>, area: Rect, app: &App) {
    let Some(ed) = &app.editor else {
        return;
    };
    let t = &app.theme;
    let w = area.width.saturating_sub(4).clamp(20, 100);
    let rect = centered(area, w, 16.min(area.height));
    frame.render_widget(Clear, rect);
    let block = frame_block(app, &ed.title);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [lead_label, lead_area, text_label, text_area, hint] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let mark = |f: Field| if ed.focus == f { "▸ " } else { "  " };
    frame.render_widget(
        Paragraph::new(Span::styled(
            format!("{}Opening phrase", mark(Field::Lead)),
            t.label,
        )),
        lead_label,
    );
    frame.render_widget(&ed.lead, lead_area);
    frame.render_widget(
        Paragraph::new(Span::styled(format!("{}Text", mark(Field::Text)), t.label)),
        text_label,
    );
    frame.render_widget(&ed.text, text_area);
    let hint_text = format!(
        "{} commit · {} cancel · {} field/complete · {} split",
        app.keymap.keys_for(
            crate::tui::keymap::KeyMode::Editor,
            crate::tui::action::Action::Commit
        ),
        app.keymap.keys_for(
            crate::tui::keymap::KeyMode::Editor,
            crate::tui::action::Action::Cancel
        ),
        app.keymap.keys_for(
            crate::tui::keymap::KeyMode::Editor,
            crate::tui::action::Action::NextField
        ),
        app.keymap.keys_for(
            crate::tui::keymap::KeyMode::Editor,
            crate::tui::action::Action::SplitAtCursor
        ),
    );
    frame.render_widget(Paragraph::new(Span::styled(hint_text, t.hint)), hint);
    let cands = ed.candidates();
    if !cands.is_empty() && lead_area.height > 0 {
        let h = (cands.len() as u16).min(inner.height.saturating_sub(2));
        let width = cands.iter().map(|c| c.chars().count()).max().unwrap_or(0) as u16 + 2;
        let r = Rect::new(lead_area.x, lead_area.y + 1, width.min(lead_area.width), h);
        frame.render_widget(Clear, r);
        for (i, c) in cands.iter().take(usize::from(h)).enumerate() {
            let style = if i == ed.completion {
                t.completion_selected
            } else {
                t.completion
            };
            let row = Rect::new(r.x, r.y + i as u16, r.width, 1);
            frame.buffer_mut().set_style(row, style);
            frame.render_widget(Paragraph::new(Span::styled(format!(" {c}"), style)), row);
        }
    }
}

/// Draws the header form.
pub fn render_form(frame: &mut Frame<'_>, area: Rect, app: &App) {
    let Some(form) = &app.form else {
        return;
    };
    let t = &app.theme;
    let w = area.width.saturating_sub(4).clamp(20, 100);
    let rect = centered(area, w, FIELDS.len() as u16 + 3);
    frame.render_widget(Clear, rect);
    let block = frame_block(app, "Header");
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let label_w = 28.min(inner.width / 2);
    let visible = usize::from(inner.height.saturating_sub(1));
    let start = form.focus.saturating_sub(visible.saturating_sub(1));
    for (row, (i, name)) in FIELDS
        .iter()
        .enumerate()
        .skip(start)
        .take(visible)
        .enumerate()
    {
        let y = inner.y + row as u16;
        let style = if i == form.focus {
            t.outline_selected
        } else {
            t.label
        };
        frame.render_widget(
            Paragraph::new(Span::styled(format!("{name:<27}"), style)),
            Rect::new(inner.x, y, label_w, 1),
        );
        let value_area = Rect::new(inner.x + label_w, y, inner.width.saturating_sub(label_w), 1);
        if let Some(input) = form.inputs.get(i) {
            if i == form.focus {
                frame.render_widget(input, value_area);
            } else {
                let v = input.lines().join(" ");
                frame.render_widget(
                    Paragraph::new(Span::styled(sanitize(&v).into_owned(), t.popup)),
                    value_area,
                );
            }
        }
    }
    if inner.height > 0 {
        let hint = Rect::new(inner.x, inner.y + inner.height - 1, inner.width, 1);
        frame.render_widget(
            Paragraph::new(Span::styled(
                "Enter/Esc commit · Ctrl-G cancel · Tab/↓ next · Shift-Tab/↑ previous",
                t.hint,
            )),
            hint,
        );
    }
}

/// Draws the open dialog.
pub fn render_dialog(frame: &mut Frame<'_>, area: Rect, app: &App) {
    let Some(d) = &app.dialog else {
        return;
    };
    let t = &app.theme;
    match d {
        Dialog::Confirm { kind, title, body } => {
            let (yes, no, esc) = match kind {
                Confirm::QuitUnsaved => ("save and quit", "quit without saving", "keep editing"),
                Confirm::Overwrite { .. } => ("overwrite", "do not save", "cancel"),
                Confirm::Recover(_) => ("recover", "discard the copy", "keep it for later"),
                Confirm::CreateNew => ("create", "quit", "quit"),
            };
            let w = 60.min(area.width);
            let text = vec![
                Line::from(Span::styled(sanitize(body).into_owned(), t.popup)),
                Line::default(),
                Line::from(vec![
                    Span::styled("y", t.hint_key),
                    Span::styled(format!(" {yes}   "), t.popup),
                    Span::styled("n", t.hint_key),
                    Span::styled(format!(" {no}   "), t.popup),
                    Span::styled("Esc", t.hint_key),
                    Span::styled(format!(" {esc}"), t.popup),
                ]),
            ];
            let para = Paragraph::new(text).wrap(Wrap { trim: true });
            let inner_w = usize::from(w.saturating_sub(2)).max(1);
            let body_h = Line::from(sanitize(body).into_owned()).width() / inner_w + 1;
            let h = body_h as u16 + 4;
            let rect = centered(area, w, h);
            frame.render_widget(Clear, rect);
            frame.render_widget(para.block(frame_block(app, title)), rect);
        }
        Dialog::PickRevision { selected } => {
            let revs = &app.draft.revisions;
            let rect = centered(area, 60, revs.len() as u16 + 3);
            frame.render_widget(Clear, rect);
            let mut lines: Vec<Line> = revs
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let style = if i == *selected {
                        t.outline_selected
                    } else {
                        t.popup
                    };
                    Line::from(Span::styled(
                        format!(" {}  {}  {}", sanitize(&r.label), r.date, sanitize(&r.note)),
                        style,
                    ))
                })
                .collect();
            lines.push(Line::from(Span::styled(
                " ↑/↓ choose · Enter compare · Esc cancel",
                t.hint,
            )));
            frame.render_widget(
                Paragraph::new(lines).block(frame_block(app, "Compare the current text with")),
                rect,
            );
        }
        Dialog::FreezeLabel { input } => {
            let rect = centered(area, 60, 5);
            frame.render_widget(Clear, rect);
            let block = frame_block(app, "Freeze the current text as revision");
            let inner = block.inner(rect);
            frame.render_widget(block, rect);
            let [field, _, hint] = Layout::vertical([
                Constraint::Length(1),
                Constraint::Length(1),
                Constraint::Length(1),
            ])
            .areas(inner);
            frame.render_widget(&**input, field);
            frame.render_widget(
                Paragraph::new(Span::styled("Enter freeze · Esc cancel", t.hint)),
                hint,
            );
        }
    }
}
