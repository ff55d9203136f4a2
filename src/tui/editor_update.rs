//! Paragraph-editor actions: open it on the selection, commit (text and footnotes as one
//! undoable edit), cancel (a new paragraph goes again and the selection returns to where it
//! was), move between fields, accept completions, split at the cursor, add and delete
//! footnotes. The selection stays on the paragraph being edited throughout.

use super::action::Action;
use super::app::App;
use super::editor::{Editor, Field};
use super::update::{run_ops, undo};
use crate::numbering;
use crate::ops::Op;

/// Opens the paragraph editor on the selection.
pub fn open(app: &mut App, is_new: bool) {
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
        doc,
        p.id.clone(),
        title,
        &loc,
        &app.theme,
        is_new,
    ));
}

/// The operations that commit the editor: new and changed footnotes first (so their
/// markers are known), the text, then the footnotes whose markers went.
fn commit_ops(app: &App, ed: &Editor) -> Vec<Op> {
    let (lead, text) = (ed.lead_value(), ed.text_value());
    let mut ops = Vec::new();
    for f in &ed.footnotes {
        if f.new || f.value() != f.original {
            ops.push(Op::SetFootnote {
                id: f.id.clone(),
                anchor: ed.target.clone(),
                text: f.value(),
            });
        }
    }
    let unchanged = app
        .draft
        .document
        .find(&ed.target)
        .is_some_and(|p| p.lead == lead && p.text == text);
    if !unchanged {
        ops.push(Op::SetText {
            id: ed.target.clone(),
            lead,
            text,
        });
    }
    for id in &ed.deleted {
        if app.draft.document.footnote(id).is_some() {
            ops.push(Op::DeleteFootnote { id: id.clone() });
        }
    }
    ops
}

/// Commits the editor. The selection stays on the edited paragraph.
fn commit(app: &mut App) -> bool {
    let Some(ed) = app.editor.take() else {
        return false;
    };
    let ops = commit_ops(app, &ed);
    app.selected = Some(ed.target.clone());
    if ops.is_empty() {
        return true;
    }
    let ok = run_ops(app, ops);
    if ok && app.draft.document.find(&ed.target).is_some() {
        app.selected = Some(ed.target);
    }
    ok
}

/// Performs an editor action.
pub fn editor(app: &mut App, action: Action) {
    use Action::*;
    let Some(ed) = app.editor.as_mut() else {
        return;
    };
    if app.proposing.is_some() && matches!(action, SplitAtCursor | AddFootnote | DeleteFootnote) {
        app.error("Propose mode: only the words can be proposed (P leaves propose mode)");
        return;
    }
    match action {
        Commit if app.proposing.is_some() => super::propose::commit(app),
        Commit => {
            commit(app);
        }
        Cancel => {
            let (is_new, back, target) = (ed.is_new, ed.return_to.clone(), ed.target.clone());
            app.editor = None;
            if is_new {
                undo(app);
                app.redo_stack.pop();
                if let Some(id) = back.filter(|id| app.draft.document.find(id).is_some()) {
                    app.selected = Some(id);
                }
                app.say("Cancelled: the new paragraph was removed");
            } else {
                app.selected = Some(target);
                app.say("Edit cancelled");
            }
        }
        NextField | Complete if ed.focus == Field::Lead => ed.accept_and_move_on(),
        NextField => ed.next_field(),
        PrevField => ed.prev_field(),
        NextCompletion => ed.cycle_completion(true),
        PrevCompletion => ed.cycle_completion(false),
        AddFootnote => {
            let mut taken: Vec<_> = ed.footnotes.iter().map(|f| f.id.clone()).collect();
            taken.extend(ed.deleted.iter().cloned());
            let doc = &app.draft.document;
            let id = doc
                .fresh_ids("fn", taken.len() + 1)
                .into_iter()
                .find(|id| !taken.contains(id))
                .unwrap_or_else(|| doc.fresh_id("fn"));
            ed.add_footnote(id, &app.theme);
            app.say("Footnote added: type its text (Shift-Tab: back to the text)");
        }
        DeleteFootnote => {
            if ed.delete_footnote() {
                app.say("Footnote deleted with its marker (Ctrl-G cancels the whole edit)");
            } else {
                app.say("Put the cursor in a footnote's field to delete it");
            }
        }
        SplitAtCursor => split(app),
        _ => {}
    }
}

fn split(app: &mut App) {
    let Some(ed) = app.editor.as_ref() else {
        return;
    };
    if ed.focus != Field::Text {
        app.say("Put the cursor in the text where the paragraph should split");
        return;
    }
    let typed_at = ed.text_cursor_byte();
    let mut ops = commit_ops(app, ed);
    let (id, text) = (ed.target.clone(), ed.text_value());
    if !ops.iter().any(|o| matches!(o, Op::SetText { .. })) {
        ops.push(Op::SetText {
            id: id.clone(),
            lead: ed.lead_value(),
            text: text.clone(),
        });
    }
    app.editor = None;
    // `SetText` escapes what cannot be markup; the split point moves with the text.
    let doc = &app.draft.document;
    let new_notes: Vec<_> = ops
        .iter()
        .filter_map(|o| match o {
            Op::SetFootnote { id, .. } => Some(id.clone()),
            _ => None,
        })
        .collect();
    let at = crate::markup::escape_unmeant(&text, |m| {
        doc.footnote(m).is_some() || new_notes.contains(m)
    })
    .map_offset(typed_at);
    let deletes: Vec<Op> = ops
        .iter()
        .filter(|o| matches!(o, Op::DeleteFootnote { .. }))
        .cloned()
        .collect();
    ops.retain(|o| !matches!(o, Op::DeleteFootnote { .. }));
    ops.push(Op::Split { id, at });
    ops.extend(deletes);
    run_ops(app, ops);
}
