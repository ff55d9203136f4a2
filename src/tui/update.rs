//! Turning actions into state changes: the dispatch to each mode's update ([`super::normal`],
//! [`super::editor_update`], [`super::prompt`], [`super::outline_edit`], the dialogs, the
//! revision view) and what they share. Document edits go through the core's operations
//! ([`crate::ops::apply`] / [`crate::ops::undo`]) so numbering, cross-references and
//! punctuation follow; the UI never renumbers anything itself.

use super::action::Action;
use super::app::{App, Mode};
use super::dialog::{Confirm, Dialog};
use super::storage::FileStamp;
use crate::draftfile;
use crate::model::{Id, Revision};
use crate::ops::{self, Op};

/// Applies one core operation, recording its undo. Returns the paragraph to focus on success.
pub fn run_op(app: &mut App, op: Op) -> Option<Option<Id>> {
    match ops::apply(&mut app.draft.document, op) {
        Ok(change) => {
            app.undo_stack.push(change.undo);
            app.redo_stack.clear();
            let mut notes: Vec<String> = change.messages;
            notes.extend(change.warnings.iter().map(|w| format!("warning: {w}")));
            if let Some(id) = &change.focus {
                app.selected = Some(id.clone());
            }
            app.touched();
            if notes.is_empty() {
                app.message = None;
            } else {
                let warn = !change.warnings.is_empty();
                let text = notes.join("; ");
                if warn {
                    app.error(text);
                } else {
                    app.say(text);
                }
            }
            Some(change.focus)
        }
        Err(e) => {
            app.error(super::messages::op_error(&app.draft.document, &e));
            None
        }
    }
}

/// Applies several operations as one undoable edit. On failure, the ones already applied are
/// rolled back and the error is shown. Returns whether all applied.
pub fn run_ops(app: &mut App, ops_list: Vec<Op>) -> bool {
    let mut undos: Vec<ops::Transaction> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    let mut focus = None;
    for op in ops_list {
        match ops::apply(&mut app.draft.document, op) {
            Ok(change) => {
                undos.push(change.undo);
                notes.extend(change.messages);
                notes.extend(change.warnings.iter().map(|w| format!("warning: {w}")));
                focus = change.focus.or(focus);
            }
            Err(e) => {
                for t in undos.iter().rev() {
                    ops::undo(&mut app.draft.document, t);
                }
                app.error(super::messages::op_error(&app.draft.document, &e));
                return false;
            }
        }
    }
    let edits: Vec<ops::Edit> = undos
        .iter()
        .rev()
        .flat_map(|t| t.edits().iter().cloned())
        .collect();
    app.undo_stack.push(ops::Transaction::from_edits(edits));
    app.redo_stack.clear();
    if let Some(id) = focus {
        app.selected = Some(id);
    }
    app.touched();
    if notes.is_empty() {
        app.message = None;
    } else {
        app.say(notes.join("; "));
    }
    true
}

/// Undoes the last change.
pub fn undo(app: &mut App) {
    match app.undo_stack.pop() {
        Some(t) => {
            let depth = app.undo_stack.len() + 1;
            let redo = ops::undo(&mut app.draft.document, &t);
            app.redo_stack.push(redo);
            super::propose::undone(app, depth);
            app.touched();
            app.say(format!("Undone ({} more to undo)", app.undo_stack.len()));
        }
        None => app.say("Nothing to undo"),
    }
}

/// Redoes the last undone change.
pub fn redo(app: &mut App) {
    match app.redo_stack.pop() {
        Some(t) => {
            let depth = app.redo_stack.len() + 1;
            let undo = ops::undo(&mut app.draft.document, &t);
            app.undo_stack.push(undo);
            super::propose::redone(app, depth);
            app.touched();
            app.say(format!("Redone ({} more to redo)", app.redo_stack.len()));
        }
        None => app.say("Nothing to redo"),
    }
}

/// Saves the draft. Asks first if the file changed on disk since it was opened or saved.
pub fn save(app: &mut App, force: bool, then_quit: bool) {
    let now = FileStamp::of(&app.path);
    if !force && now.is_some() && now != app.stamp {
        app.dialog = Some(Dialog::confirm(
            Confirm::Overwrite { then_quit },
            "File changed on disk",
            format!(
                "{} changed on disk since it was opened. Overwrite it with this draft?",
                app.path.display()
            ),
        ));
        return;
    }
    match draftfile::save(&app.path, &app.draft) {
        Ok(()) => {
            app.dirty = false;
            app.saved = Some(app.draft.clone());
            app.stamp = FileStamp::of(&app.path);
            app.unsaved_since = None;
            app.discard_recovery();
            let _ = app.dirs.remember(&app.path);
            app.say(format!("Saved {}", app.path.display()));
            if then_quit {
                app.should_quit = true;
            }
        }
        Err(e) => app.error(format!("Not saved: {e}")),
    }
}

pub(crate) fn request_quit(app: &mut App) {
    if app.dirty {
        app.dialog = Some(Dialog::confirm(
            Confirm::QuitUnsaved,
            "Unsaved changes",
            "The draft has unsaved changes. Save them before quitting?",
        ));
    } else {
        app.should_quit = true;
    }
}

pub(crate) fn freeze(app: &mut App, label: String) {
    if label.is_empty() {
        app.error("A revision needs a label (for example L.6/Rev.1)");
        return;
    }
    if app.draft.revision(&label).is_some() {
        app.error(format!("A revision labelled “{label}” already exists"));
        return;
    }
    let date = time::OffsetDateTime::now_utc().date().to_string();
    app.draft.revisions.push(Revision {
        label: label.clone(),
        date,
        note: String::new(),
        document: app.draft.document.clone(),
    });
    app.dirty = true;
    app.say(format!(
        "Froze the current text as revision {label} (save to keep it)"
    ));
}

/// Performs an action in the current mode.
pub fn perform(app: &mut App, action: Action) {
    match app.mode() {
        Mode::Normal => super::normal::normal(app, action),
        Mode::Editor => super::editor_update::editor(app, action),
        Mode::Form if app.struct_form.is_some() => super::outline_edit::form(app, action),
        Mode::Form => form(app, action),
        Mode::Dialog => super::dialog_update::dialog(app, action),
        Mode::Help => match action {
            Action::CloseHelp => app.show_help = false,
            Action::SelectNext => app.help_scroll = app.help_scroll.saturating_add(1),
            Action::SelectPrev => app.help_scroll = app.help_scroll.saturating_sub(1),
            Action::PageDown => app.help_scroll = app.help_scroll.saturating_add(10),
            Action::PageUp => app.help_scroll = app.help_scroll.saturating_sub(10),
            Action::SelectFirst => app.help_scroll = 0,
            Action::SelectLast => app.help_scroll = u16::MAX,
            _ => {}
        },
        Mode::Prompt => super::prompt::perform(app, action),
        Mode::Outline => {
            app.outline_keys = false;
            super::outline_edit::perform(app, action);
        }
        Mode::Revisions => super::revisions::perform(app, action),
        Mode::Negotiation => super::negotiate::perform(app, action),
    }
}

fn form(app: &mut App, action: Action) {
    use Action::*;
    let Some(f) = app.form.as_mut() else {
        return;
    };
    match action {
        NextField => f.next(),
        PrevField => f.prev(),
        Cancel => {
            app.form = None;
            app.say("Header edit cancelled");
        }
        Commit => {
            let (header, body) = f.result(&app.draft.document.header);
            app.form = None;
            if header != app.draft.document.header {
                run_op(app, Op::SetHeader(header));
            }
            if body != app.draft.document.authoring_body {
                run_op(app, Op::SetAuthoringBody(body));
            }
        }
        _ => {}
    }
}

/// Starts the quit/overwrite flow after a dialog answer (used by the dialog handler).
pub fn quit_answer(app: &mut App, save_first: bool) {
    if save_first {
        save(app, false, true);
    } else {
        app.discard_recovery();
        app.should_quit = true;
    }
}

/// Freezes a revision (used by the dialog handler).
pub fn freeze_answer(app: &mut App, label: String) {
    freeze(app, label);
}

/// Opens the paragraph editor on the selection (`is_new`: cancelling removes it again).
pub fn open_editor(app: &mut App, is_new: bool) {
    super::editor_update::open(app, is_new);
}
