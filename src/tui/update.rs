//! Turning actions into state changes. Document edits go through the core's operations
//! ([`crate::ops::apply`] / [`crate::ops::undo`]) so numbering, cross-references and
//! punctuation follow; the UI never renumbers anything itself.

use super::action::Action;
use super::app::{App, Mode};
use super::dialog::{Confirm, Dialog};
use super::editor::{Editor, Field};
use super::form::HeaderForm;
use super::storage::FileStamp;
use crate::draftfile;
use crate::model::{Id, Location, Paragraph, Part, Revision};
use crate::numbering;
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
            app.error(e.to_string());
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
                app.error(e.to_string());
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
            let redo = ops::undo(&mut app.draft.document, &t);
            app.redo_stack.push(redo);
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
            let undo = ops::undo(&mut app.draft.document, &t);
            app.undo_stack.push(undo);
            app.touched();
            app.say(format!("Redone ({} more to redo)", app.redo_stack.len()));
        }
        None => app.say("Nothing to redo"),
    }
}

fn blank(app: &App) -> Paragraph {
    Paragraph::new(app.draft.document.fresh_id("p"), "", "")
}

/// The selected paragraph's top-level ancestor and its location.
fn top_level(app: &App) -> Option<(Id, Location)> {
    let loc = app.selected_location()?;
    let top = Location {
        part: loc.part,
        path: vec![loc.top()],
    };
    let p = app.draft.document.at(&top)?;
    Some((p.id.clone(), top))
}

/// Inserts a new empty paragraph with `op` and opens the editor on it.
fn insert_and_edit(app: &mut App, op: Op, id: Id) {
    if run_op(app, op).is_some() {
        app.selected = Some(id);
        open_editor(app, true);
    }
}

fn insert_operative(app: &mut App, after: bool) {
    let p = blank(app);
    let id = p.id.clone();
    let doc = &app.draft.document;
    let op = match top_level(app) {
        Some((target, loc)) if loc.part != Part::Preamble => {
            if after {
                Op::InsertAfter {
                    target,
                    paragraph: p,
                }
            } else {
                Op::InsertBefore {
                    target,
                    paragraph: p,
                }
            }
        }
        _ => match doc.operative.first() {
            Some(first) => Op::InsertBefore {
                target: first.id.clone(),
                paragraph: p,
            },
            None => Op::Append {
                part: Part::Operative,
                paragraph: p,
            },
        },
    };
    insert_and_edit(app, op, id);
}

fn insert_preambular(app: &mut App) {
    let p = blank(app);
    let id = p.id.clone();
    let op = match top_level(app) {
        Some((target, loc)) if loc.part == Part::Preamble => Op::InsertAfter {
            target,
            paragraph: p,
        },
        _ => Op::Append {
            part: Part::Preamble,
            paragraph: p,
        },
    };
    insert_and_edit(app, op, id);
}

/// Opens the paragraph editor on the selection.
pub fn open_editor(app: &mut App, is_new: bool) {
    let Some(loc) = app.selected_location() else {
        app.say("No paragraph selected: o adds an operative paragraph, p a preambular one");
        return;
    };
    let doc = &app.draft.document;
    let Some(p) = doc.at(&loc) else {
        return;
    };
    let title = format!("Edit {}", numbering::describe(doc, &loc));
    app.editor = Some(Editor::new(
        p.id.clone(),
        title,
        &p.lead,
        &p.text,
        &loc,
        &app.theme,
        is_new,
    ));
}

fn with_selected(app: &mut App, make: impl FnOnce(Id) -> Op) {
    match app.selected.clone() {
        Some(id) => {
            run_op(app, make(id));
        }
        None => app.say("No paragraph selected"),
    }
}

fn select_step(app: &mut App, delta: isize) {
    let order = app.order();
    if order.is_empty() {
        return;
    }
    let cur = app
        .selected
        .as_ref()
        .and_then(|id| order.iter().position(|x| x == id))
        .unwrap_or(0);
    let next = (cur as isize + delta).clamp(0, order.len() as isize - 1) as usize;
    app.selected = Some(order[next].clone());
    app.scroll.follow = true;
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

fn request_quit(app: &mut App) {
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

fn freeze(app: &mut App, label: String) {
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
        Mode::Normal => normal(app, action),
        Mode::Editor => editor(app, action),
        Mode::Form => form(app, action),
        Mode::Dialog => super::dialog_update::dialog(app, action),
        Mode::Help => match action {
            Action::CloseHelp => app.show_help = false,
            Action::SelectNext => app.help_scroll = app.help_scroll.saturating_add(1),
            Action::SelectPrev => app.help_scroll = app.help_scroll.saturating_sub(1),
            _ => {}
        },
        Mode::Revisions => {}
    }
}

fn delete(app: &mut App) {
    let Some(id) = app.selected.clone() else {
        app.say("No paragraph selected");
        return;
    };
    let what = app
        .selected_location()
        .map(|l| numbering::describe(&app.draft.document, &l))
        .unwrap_or_default();
    let idx = app.order().iter().position(|x| *x == id).unwrap_or(0);
    if let Some(focus) = run_op(app, Op::Delete { id }) {
        if focus.is_none() {
            let order = app.order();
            if !order.is_empty() {
                app.selected = Some(order[idx.min(order.len() - 1)].clone());
            }
        }
        if app.message.is_none() {
            app.say(format!("Deleted {what} (u to undo)"));
        }
    }
}

fn normal(app: &mut App, action: Action) {
    use Action::*;
    match action {
        SelectNext => select_step(app, 1),
        SelectPrev => select_step(app, -1),
        SelectFirst => select_step(app, isize::MIN / 2),
        SelectLast => select_step(app, isize::MAX / 2),
        PageDown => select_step(app, 10),
        PageUp => select_step(app, -10),
        Edit => open_editor(app, false),
        InsertOperativeAfter => insert_operative(app, true),
        InsertOperativeBefore => insert_operative(app, false),
        InsertPreambular => insert_preambular(app),
        InsertSub => match app.selected.clone() {
            Some(parent) => {
                let p = blank(app);
                let id = p.id.clone();
                insert_and_edit(
                    app,
                    Op::InsertSub {
                        parent,
                        index: None,
                        paragraph: p,
                    },
                    id,
                );
            }
            None => app.say("Select the paragraph to add a sub-paragraph to"),
        },
        Delete => delete(app),
        MoveUp => with_selected(app, |id| Op::MoveUp { id }),
        MoveDown => with_selected(app, |id| Op::MoveDown { id }),
        Demote => with_selected(app, |id| Op::Demote { id }),
        Promote => with_selected(app, |id| Op::Promote { id }),
        Merge => with_selected(app, |id| Op::Merge { id }),
        Undo => undo(app),
        Redo => redo(app),
        EditHeader => app.form = Some(HeaderForm::new(&app.draft.document, &app.theme)),
        Save => save(app, false, false),
        Quit => request_quit(app),
        ToggleOutline => app.show_outline = !app.show_outline,
        Help => {
            app.show_help = true;
            app.help_scroll = 0;
        }
        CompareRevision => {
            if app.draft.revisions.is_empty() {
                app.say("No frozen revisions yet: F freezes the current text as one");
            } else {
                app.dialog = Some(Dialog::PickRevision {
                    selected: app.draft.revisions.len() - 1,
                });
            }
        }
        FreezeRevision => {
            let suggestion = app.draft.document.header.symbol.clone();
            app.dialog = Some(Dialog::freeze_label(&suggestion, &app.theme));
        }
        _ => {}
    }
}

/// Commits the editor: the new lead and text through `SetText` (when changed).
fn commit_editor(app: &mut App) -> bool {
    let Some(ed) = app.editor.take() else {
        return false;
    };
    let (lead, text) = (ed.lead_value(), ed.text_value());
    let unchanged = app
        .draft
        .document
        .find(&ed.target)
        .is_some_and(|p| p.lead == lead && p.text == text);
    if unchanged {
        return true;
    }
    run_op(
        app,
        Op::SetText {
            id: ed.target.clone(),
            lead,
            text,
        },
    )
    .is_some()
}

fn editor(app: &mut App, action: Action) {
    use Action::*;
    let Some(ed) = app.editor.as_mut() else {
        return;
    };
    match action {
        Commit => {
            commit_editor(app);
        }
        Cancel => {
            let is_new = ed.is_new;
            app.editor = None;
            if is_new {
                undo(app);
                app.redo_stack.pop();
                app.say("Cancelled: the new paragraph was removed");
            } else {
                app.say("Edit cancelled");
            }
        }
        NextField | Complete if !(ed.focus == Field::Lead && ed.accept_completion()) => {
            ed.switch_field();
        }
        PrevField => ed.switch_field(),
        NextCompletion => ed.cycle_completion(true),
        PrevCompletion => ed.cycle_completion(false),
        SplitAtCursor => {
            if ed.focus != Field::Text {
                app.say("Put the cursor in the text where the paragraph should split");
                return;
            }
            let typed_at = ed.text_cursor_byte();
            let (id, lead, text) = (ed.target.clone(), ed.lead_value(), ed.text_value());
            app.editor = None;
            // `SetText` escapes what cannot be markup; the split point moves with the text.
            let doc = &app.draft.document;
            let at = crate::markup::escape_unmeant(&text, |m| doc.footnote(m).is_some())
                .map_offset(typed_at);
            run_ops(
                app,
                vec![
                    Op::SetText {
                        id: id.clone(),
                        lead,
                        text,
                    },
                    Op::Split { id, at },
                ],
            );
        }
        _ => {}
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
