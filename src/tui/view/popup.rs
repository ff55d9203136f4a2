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
    let h = 16 + 2 * ed.footnotes.len().min(4) as u16;
    let rect = centered(area, w, h.min(area.height));
    frame.render_widget(Clear, rect);
    let block = frame_block(app, &ed.title);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let notes_h = (ed.footnotes.len() as u16 * 2).min(inner.height.saturating_sub(6) / 2 * 2);
    let [
        lead_label,
        lead_area,
        text_label,
        text_area,
        notes_area,
        hint,
    ] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(notes_h),
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
    // The footnotes marked in the text, numbered as they will print.
    let numbers = crate::numbering::footnote_numbers(&app.draft.document);
    for (i, f) in ed
        .footnotes
        .iter()
        .enumerate()
        .take(usize::from(notes_h / 2))
    {
        let y = notes_area.y + 2 * i as u16;
        let n = numbers
            .get(&f.id)
            .map(|n| format!("Footnote {n}"))
            .unwrap_or_else(|| "New footnote".into());
        frame.render_widget(
            Paragraph::new(Span::styled(
                format!("{}{n}", mark(Field::Footnote(i))),
                t.label,
            )),
            Rect::new(notes_area.x, y, notes_area.width, 1),
        );
        let field = Rect::new(notes_area.x, y + 1, notes_area.width, 1);
        if ed.focus == Field::Footnote(i) {
            frame.render_widget(&f.input, field);
        } else {
            let v = sanitize(&f.value()).into_owned();
            frame.render_widget(Paragraph::new(Span::styled(v, t.footnote)), field);
        }
    }
    use crate::tui::action::Action as A;
    use crate::tui::keymap::KeyMode as K;
    let k = |a| {
        let keys = app.keymap.keys_for(K::Editor, a);
        keys.split('/').next().unwrap_or_default().to_string()
    };
    let hint_text = format!(
        "{} done · {} cancel · {} next · {} footnote · {} split",
        k(A::Commit),
        k(A::Cancel),
        k(A::NextField),
        k(A::AddFootnote),
        k(A::SplitAtCursor),
    );
    frame.render_widget(
        Paragraph::new(Span::styled(hint_text, t.hint)).wrap(Wrap { trim: true }),
        hint,
    );
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
    let fields = Fields {
        title: "Header",
        labels: &FIELDS,
        inputs: &form.inputs,
        focus: form.focus,
        label_w: 28,
        hint: "Enter/Esc commit · Ctrl-G cancel · Tab/↓ next · Shift-Tab/↑ previous",
    };
    render_fields(frame, area, app, &fields);
}

/// A form of labelled one-line fields (the header form, the heading/part/annex form).
struct Fields<'a> {
    title: &'a str,
    labels: &'a [&'a str],
    inputs: &'a [ratatui_textarea::TextArea<'static>],
    focus: usize,
    label_w: u16,
    hint: &'a str,
}

fn render_fields(frame: &mut Frame<'_>, area: Rect, app: &App, f: &Fields<'_>) {
    let t = &app.theme;
    let w = area.width.saturating_sub(4).clamp(20, 100);
    let rect = centered(area, w, f.labels.len() as u16 + 3);
    frame.render_widget(Clear, rect);
    let block = frame_block(app, f.title);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let label_w = f.label_w.min(inner.width / 2);
    let visible = usize::from(inner.height.saturating_sub(1));
    let start = f.focus.saturating_sub(visible.saturating_sub(1));
    for (row, (i, name)) in f
        .labels
        .iter()
        .enumerate()
        .skip(start)
        .take(visible)
        .enumerate()
    {
        let y = inner.y + row as u16;
        let style = if i == f.focus {
            t.outline_selected
        } else {
            t.label
        };
        frame.render_widget(
            Paragraph::new(Span::styled(format!("{name} "), style)),
            Rect::new(inner.x, y, label_w, 1),
        );
        let value_area = Rect::new(inner.x + label_w, y, inner.width.saturating_sub(label_w), 1);
        if let Some(input) = f.inputs.get(i) {
            if i == f.focus {
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
        frame.render_widget(Paragraph::new(Span::styled(f.hint, t.hint)), hint);
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
        Dialog::PickRevision { selected, from } => {
            let revs = &app.draft.revisions;
            let mut names: Vec<String> = revs
                .iter()
                .map(|r| format!(" {}  {}  {}", sanitize(&r.label), r.date, sanitize(&r.note)))
                .collect();
            if from.is_some() {
                names.push(" current text".into());
            }
            let rect = centered(area, 64, names.len() as u16 + 3);
            frame.render_widget(Clear, rect);
            let mut lines: Vec<Line> = names
                .into_iter()
                .enumerate()
                .map(|(i, n)| {
                    let style = if i == *selected {
                        t.outline_selected
                    } else {
                        t.popup
                    };
                    Line::from(Span::styled(n, style))
                })
                .collect();
            let (title, hint) = match from {
                None => (
                    "Compare: the older text".to_string(),
                    " ↑/↓ choose · Enter then pick the newer · n with the current text · Esc",
                ),
                Some(old) => (
                    format!(
                        "Compare {} with",
                        revs.get(*old)
                            .map(|r| sanitize(&r.label).into_owned())
                            .unwrap_or_default()
                    ),
                    " ↑/↓ choose · Enter compare · Esc cancel",
                ),
            };
            lines.push(Line::from(Span::styled(hint, t.hint)));
            frame.render_widget(Paragraph::new(lines).block(frame_block(app, &title)), rect);
        }
        Dialog::Notice { title, body } => {
            let w = area.width.saturating_sub(4).clamp(20, 90);
            let inner_w = usize::from(w.saturating_sub(2)).max(1);
            let body = sanitize(body).into_owned();
            let h = (Line::from(body.as_str()).width() / inner_w + 1) as u16 + 4;
            let rect = centered(area, w, h);
            frame.render_widget(Clear, rect);
            let text = vec![
                Line::from(Span::styled(body, t.popup)),
                Line::default(),
                Line::from(Span::styled("Esc or Enter closes", t.hint)),
            ];
            frame.render_widget(
                Paragraph::new(text)
                    .wrap(Wrap { trim: false })
                    .block(frame_block(app, title)),
                rect,
            );
        }
        Dialog::Notices { selected } => {
            let entries = crate::tui::notices::entries(app);
            let w = area.width.saturating_sub(4).clamp(20, 100);
            let h = (entries.len() as u16 + 3)
                .min(area.height.saturating_sub(2))
                .max(3);
            let rect = centered(area, w, h);
            frame.render_widget(Clear, rect);
            let rows = usize::from(h.saturating_sub(3)).max(1);
            let start = selected.saturating_sub(rows.saturating_sub(1));
            let mut lines: Vec<Line> = entries
                .iter()
                .enumerate()
                .skip(start)
                .take(rows)
                .map(|(i, e)| {
                    let style = if i == *selected {
                        t.outline_selected
                    } else {
                        t.popup
                    };
                    Line::from(Span::styled(format!(" {}", sanitize(&e.text)), style))
                })
                .collect();
            lines.push(Line::from(Span::styled(
                " ↑/↓ choose · Enter go to its paragraph · Esc close",
                t.hint,
            )));
            let title = format!("Warnings and findings ({})", entries.len());
            frame.render_widget(Paragraph::new(lines).block(frame_block(app, &title)), rect);
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

/// Draws the heading, part or annex form.
pub fn render_struct_form(frame: &mut Frame<'_>, area: Rect, app: &App) {
    let Some(form) = &app.struct_form else {
        return;
    };
    let fields = Fields {
        title: &form.title,
        labels: &form.labels,
        inputs: &form.inputs,
        focus: form.focus,
        label_w: 34,
        hint: "Enter save · Ctrl-G cancel · Tab next field",
    };
    render_fields(frame, area, app, &fields);
}
