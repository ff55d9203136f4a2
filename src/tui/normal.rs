//! Normal-mode actions: moving the selection (with counts: `5j`), inserting paragraphs and
//! sub-paragraphs, moving (`3J`), demoting, merging and deleting them, and opening the other
//! modes (editor, header form, search and go-to prompts, outline keys, revisions, help).

use super::action::Action;
use super::app::App;
use super::dialog::Dialog;
use super::form::HeaderForm;
use super::update::{open_editor, redo, run_op, save, undo};
use crate::model::{Id, Location, Paragraph, Part};
use crate::numbering;
use crate::ops::Op;

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

/// Inserts a new empty paragraph with `op` and opens the editor on it; cancelling the editor
/// removes it and puts the selection back where it was.
pub(crate) fn insert_and_edit(app: &mut App, op: Op, id: Id) {
    let before = app.selected.clone();
    if run_op(app, op).is_some() {
        app.selected = Some(id);
        open_editor(app, true);
        if let Some(ed) = app.editor.as_mut() {
            ed.return_to = before;
        }
    }
}

fn insert_operative(app: &mut App, after: bool) {
    let p = blank(app);
    let id = p.id.clone();
    let doc = &app.draft.document;
    let op = match top_level(app) {
        Some((target, loc)) if !loc.part.is_preamble() => {
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
        // In a preamble: the first operative paragraph of the same part.
        Some((_, loc)) => {
            let sibling = loc.part.sibling(true);
            match doc.part(sibling).and_then(|l| l.first()) {
                Some(first) => Op::InsertBefore {
                    target: first.id.clone(),
                    paragraph: p,
                },
                None => Op::Append {
                    part: sibling,
                    paragraph: p,
                },
            }
        }
        None => match doc.operative.first() {
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
        Some((target, loc)) if loc.part.is_preamble() => Op::InsertAfter {
            target,
            paragraph: p,
        },
        Some((_, loc)) if loc.part.resolution_part().is_some() => Op::Append {
            part: loc.part.sibling(false),
            paragraph: p,
        },
        _ => Op::Append {
            part: Part::Preamble,
            paragraph: p,
        },
    };
    insert_and_edit(app, op, id);
}

/// `a`: on a sub-paragraph the next sibling ((c) after (b)); on a paragraph its first (or
/// next) sub-paragraph. `deeper`: always a sub-paragraph of the selection.
fn insert_sub(app: &mut App, deeper: bool) {
    let Some(sel) = app.selected.clone() else {
        app.say("Select the paragraph to add a sub-paragraph to");
        return;
    };
    let is_sub = app.selected_location().is_some_and(|l| l.depth() > 0);
    let p = blank(app);
    let id = p.id.clone();
    let op = if is_sub && !deeper {
        Op::InsertAfter {
            target: sel,
            paragraph: p,
        }
    } else {
        Op::InsertSub {
            parent: sel,
            index: None,
            paragraph: p,
        }
    };
    insert_and_edit(app, op, id);
}

fn with_selected(app: &mut App, make: impl FnOnce(Id) -> Op) -> bool {
    match app.selected.clone() {
        Some(id) => run_op(app, make(id)).is_some(),
        None => {
            app.say("No paragraph selected");
            false
        }
    }
}

/// Moves the selection `delta` paragraphs.
pub(crate) fn select_step(app: &mut App, delta: isize) {
    let order = super::pending::order(app);
    if order.is_empty() {
        return;
    }
    let cur = app.selected_index(&order);
    let next = (cur as isize + delta).clamp(0, order.len() as isize - 1) as usize;
    app.selected = Some(order[next].clone());
    app.scroll.follow = true;
}

/// Moves the selected paragraph `n` places (up when `up`) as one undoable edit.
fn move_by(app: &mut App, up: bool, n: usize) {
    let Some(id) = app.selected.clone() else {
        app.say("No paragraph selected");
        return;
    };
    // More than one place, and not stopped at the end of the list: a move to the place.
    let to = app.selected_location().filter(|_| n > 1).and_then(|loc| {
        let index = *loc.path.last().unwrap_or(&0);
        let len = sibling_count(app, &loc);
        let to = if up {
            index.saturating_sub(n)
        } else {
            (index + n).min(len.saturating_sub(1))
        };
        (to != index).then_some(to)
    });
    let Some(to) = to else {
        with_selected(app, |id| {
            if up {
                Op::MoveUp { id }
            } else {
                Op::MoveDown { id }
            }
        });
        return;
    };
    if run_op(app, Op::MoveTo { id, index: to }).is_some() {
        let place = app
            .selected_location()
            .map(|l| super::messages::place(&app.draft.document, &l))
            .unwrap_or_default();
        let notes = app
            .message
            .take()
            .map(|m| format!("; {}", m.text))
            .unwrap_or_default();
        app.say(format!("Moved to {place}{notes}"));
    }
}

fn sibling_count(app: &App, loc: &Location) -> usize {
    let doc = &app.draft.document;
    if loc.path.len() <= 1 {
        return doc.part(loc.part).map_or(0, Vec::len);
    }
    let parent = Location {
        part: loc.part,
        path: loc.path[..loc.path.len() - 1].to_vec(),
    };
    doc.at(&parent).map_or(0, |p| p.subparagraphs.len())
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
    let idx = app.order_of(&id).unwrap_or(0);
    if let Some(focus) = run_op(app, Op::Delete { id }) {
        if focus.is_none()
            && let Some(next) = app.in_order_at(idx)
        {
            app.selected = Some(next);
        }
        if app.message.is_none() {
            app.say(format!("Deleted {what} (u to undo)"));
        }
    }
}

/// Performs a normal-mode action, `app.count` times where a count makes sense.
pub fn normal(app: &mut App, action: Action) {
    use Action::*;
    if super::propose::perform(app, action) {
        return;
    }
    let n = app.count.take().unwrap_or(1).max(1);
    let step = n as isize;
    match action {
        SelectNext => select_step(app, step),
        SelectPrev => select_step(app, -step),
        SelectFirst => select_step(app, isize::MIN / 2),
        SelectLast => select_step(app, isize::MAX / 2),
        PageDown => select_step(app, 10 * step),
        PageUp => select_step(app, -10 * step),
        Edit => open_editor(app, false),
        InsertOperativeAfter => insert_operative(app, true),
        InsertOperativeBefore => insert_operative(app, false),
        InsertPreambular => insert_preambular(app),
        InsertSub => insert_sub(app, false),
        InsertChild => insert_sub(app, true),
        Delete => delete(app),
        MoveUp => move_by(app, true, n),
        MoveDown => move_by(app, false, n),
        Demote => {
            with_selected(app, |id| Op::Demote { id });
        }
        Promote => {
            with_selected(app, |id| Op::Promote { id });
        }
        Merge => {
            with_selected(app, |id| Op::Merge { id });
        }
        Undo => (0..n).for_each(|_| undo(app)),
        Redo => (0..n).for_each(|_| redo(app)),
        EditHeader => app.form = Some(HeaderForm::new(&app.draft.document, &app.theme)),
        Save => save(app, false, false),
        Quit => super::update::request_quit(app),
        ToggleOutline => app.show_outline = !app.show_outline,
        Help => {
            app.show_help = true;
            app.help_scroll = 0;
        }
        Search => super::prompt::open(app, super::prompt::Kind::Search),
        GoTo => super::prompt::open(app, super::prompt::Kind::GoTo),
        SearchNext => super::search::step(app, true, n),
        SearchPrev => super::search::step(app, false, n),
        ShowMessage => match &app.message {
            Some(m) => {
                let body = m.text.clone();
                app.dialog = Some(Dialog::Notice {
                    title: "Message".into(),
                    body,
                });
            }
            None => app.say("No message"),
        },
        Warnings => super::notices::open(app),
        OutlineKeys => {
            app.outline_keys = true;
            app.say(
                "Outline: h heading · p/a new part/annex · P/A edit · K/J move · D delete · Esc",
            );
        }
        CompareRevision => {
            if app.draft.revisions.is_empty() {
                app.say("No frozen revisions yet: F freezes the current text as one");
            } else {
                app.dialog = Some(Dialog::PickRevision {
                    selected: app.draft.revisions.len() - 1,
                    from: None,
                });
            }
        }
        CompareLast => match app.draft.revisions.len() {
            0 => app.say("No frozen revisions yet: F freezes the current text as one"),
            k => super::revisions::open(app, k - 1, None),
        },
        ProposeMode => super::propose::toggle(app),
        OpenNegotiation => super::negotiate::open(app),
        NextPending => super::pending::jump(app, true, n),
        PrevPending => super::pending::jump(app, false, n),
        PendingOnly => super::pending::toggle(app),
        CycleStatus => super::negotiate::cycle_status(app),
        FreezeRevision => {
            let suggestion = app.draft.document.header.symbol.clone();
            app.dialog = Some(Dialog::freeze_label(&suggestion, &app.theme));
        }
        _ => {}
    }
}
