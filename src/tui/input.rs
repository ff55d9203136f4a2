//! Terminal events to actions: keys through the keymap of the current mode (presses only),
//! text keys into the focused text field, mouse clicks and the wheel, bracketed paste.

use super::app::{App, Mode};
use super::dialog::Dialog;
use super::editor::Field;
use super::keymap::KeyMode;
use super::update;
use super::view::document;
use crate::model::Id;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// Handles one terminal event.
pub fn handle_event(app: &mut App, event: Event) {
    match event {
        Event::Key(key) => handle_key(app, key),
        Event::Mouse(m) => handle_mouse(app, m),
        Event::Paste(text) => paste(app, &text),
        _ => {}
    }
}

/// Handles one key press.
pub fn handle_key(app: &mut App, key: KeyEvent) {
    if key.kind != KeyEventKind::Press {
        return;
    }
    let mode = app.mode();
    // A text prompt in a dialog takes typed keys; only Enter and Esc act.
    if let Some(Dialog::FreezeLabel { input }) = app.dialog.as_mut() {
        match key.code {
            KeyCode::Enter => update::perform(app, super::action::Action::Yes),
            KeyCode::Esc => update::perform(app, super::action::Action::Cancel),
            _ => {
                input.input(key);
            }
        }
        return;
    }
    if mode == Mode::Editor
        && let Some(ed) = app.editor.as_mut()
        && ed.focus == Field::Lead
        && !ed.candidates().is_empty()
        && matches!(key.code, KeyCode::Up | KeyCode::Down)
    {
        ed.cycle_completion(key.code == KeyCode::Down);
        return;
    }
    // A count before a normal-mode key: `5j`, `3J`.
    if mode == Mode::Normal
        && key.modifiers.difference(KeyModifiers::SHIFT).is_empty()
        && let KeyCode::Char(c @ '0'..='9') = key.code
        && (c != '0' || app.count.is_some())
    {
        let d = c.to_digit(10).unwrap_or(0) as usize;
        let n = app.count.unwrap_or(0).saturating_mul(10).saturating_add(d);
        app.count = Some(n.min(100_000));
        app.say(format!("{n}…"));
        return;
    }
    // `1`–`9` in the negotiation panel choose an alternative of a bracket.
    if mode == Mode::Negotiation
        && key.modifiers.difference(KeyModifiers::SHIFT).is_empty()
        && let KeyCode::Char(c @ '1'..='9') = key.code
    {
        super::negotiate::choose_digit(app, c as usize - '1' as usize);
        return;
    }
    let Some(km) = mode.keys() else {
        return;
    };
    if let Some(action) = app.keymap.lookup(km, &key) {
        update::perform(app, action);
        return;
    }
    match km {
        KeyMode::Normal => app.count = None,
        KeyMode::Editor => {
            if let Some(ed) = app.editor.as_mut() {
                let plain = key.modifiers.difference(KeyModifiers::SHIFT).is_empty();
                if ed.focus == Field::Lead
                    && plain
                    && key.code == KeyCode::Char(' ')
                    && ed.space_in_lead()
                {
                    return;
                }
                let before = ed.lead_value();
                ed.focused().input(key);
                if ed.focus == Field::Lead && ed.lead_value() != before {
                    ed.completion = 0;
                    ed.overflow_lead();
                }
            }
        }
        KeyMode::Form => {
            if let Some(ta) = app.form.as_mut().and_then(|f| f.focused()) {
                ta.input(key);
            } else if let Some(ta) = app.struct_form.as_mut().and_then(|f| f.focused()) {
                ta.input(key);
            }
        }
        KeyMode::Prompt => {
            if let Some(p) = app.prompt.as_mut() {
                p.input.input(key);
                super::prompt::typed(app);
            }
        }
        KeyMode::Outline => {
            app.outline_keys = false;
            app.say("Not an outline key: s then h, x, k, j, p, P, a, A, K, J or D (? lists them)");
        }
        _ => {}
    }
}

fn paste(app: &mut App, text: &str) {
    let flat = text.replace(['\r', '\n'], " ");
    if let Some(ed) = app.editor.as_mut() {
        ed.focused().insert_str(&flat);
    } else if let Some(ta) = app.form.as_mut().and_then(|f| f.focused()) {
        ta.insert_str(&flat);
    } else if let Some(ta) = app.struct_form.as_mut().and_then(|f| f.focused()) {
        ta.insert_str(&flat);
    } else if let Some(p) = app.prompt.as_mut() {
        p.input.insert_str(&flat);
        super::prompt::typed(app);
    } else if let Some(Dialog::FreezeLabel { input }) = app.dialog.as_mut() {
        input.insert_str(&flat);
    }
}

fn row_target(rows: &[Option<Id>], top: u16, y: u16) -> Option<Id> {
    let i = usize::from(y.checked_sub(top)?);
    rows.get(i).cloned().flatten()
}

fn handle_mouse(app: &mut App, m: MouseEvent) {
    match app.mode() {
        Mode::Normal => {}
        Mode::Help => {
            match m.kind {
                MouseEventKind::ScrollDown => app.help_scroll = app.help_scroll.saturating_add(3),
                MouseEventKind::ScrollUp => app.help_scroll = app.help_scroll.saturating_sub(3),
                _ => {}
            }
            return;
        }
        _ => return,
    }
    match m.kind {
        MouseEventKind::Down(MouseButton::Left) => {
            let l = &app.layout;
            let in_outline =
                app.show_outline && m.column >= l.outline_x.0 && m.column < l.outline_x.1;
            let target = if in_outline {
                row_target(&l.outline_rows, l.outline_y, m.row)
            } else {
                row_target(&l.rows, l.top_y, m.row)
            };
            if let Some(id) = target {
                app.selected = Some(id);
                app.scroll.follow = in_outline;
            }
        }
        MouseEventKind::ScrollDown => document::scroll_lines(app, 3),
        MouseEventKind::ScrollUp => document::scroll_lines(app, -3),
        _ => {}
    }
}
