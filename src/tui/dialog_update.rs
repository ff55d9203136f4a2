//! Answers to dialogs: confirmations, the revision picker and the revision-label prompt.

use super::action::Action;
use super::app::App;
use super::dialog::{Confirm, Dialog};
use super::update;

/// Handles an action while a dialog is open.
pub fn dialog(app: &mut App, action: Action) {
    let Some(d) = app.dialog.take() else {
        return;
    };
    match d {
        Dialog::Confirm { kind, title, body } => match action {
            Action::Yes => confirm_yes(app, kind),
            Action::No => confirm_no(app, kind),
            Action::Cancel => match kind {
                Confirm::CreateNew => app.should_quit = true,
                // Only an explicit “n” discards a recovery copy: Esc keeps it for later.
                Confirm::Recover(_) => {
                    app.say("Recovery copy kept: it is offered again the next time the draft opens")
                }
                _ => app.say("Cancelled"),
            },
            _ => app.dialog = Some(Dialog::Confirm { kind, title, body }),
        },
        Dialog::PickRevision { selected } => {
            let n = app.draft.revisions.len();
            match action {
                Action::NextField => {
                    app.dialog = Some(Dialog::PickRevision {
                        selected: (selected + 1).min(n.saturating_sub(1)),
                    })
                }
                Action::PrevField => {
                    app.dialog = Some(Dialog::PickRevision {
                        selected: selected.saturating_sub(1),
                    })
                }
                Action::Yes => super::revisions::open(app, selected),
                Action::No | Action::Cancel => {}
                _ => app.dialog = Some(Dialog::PickRevision { selected }),
            }
        }
        Dialog::FreezeLabel { input } => match action {
            Action::Yes => {
                let label = input.lines().join(" ").trim().to_string();
                update::freeze_answer(app, label);
            }
            Action::Cancel => app.say("Cancelled"),
            _ => app.dialog = Some(Dialog::FreezeLabel { input }),
        },
    }
}

fn confirm_yes(app: &mut App, kind: Confirm) {
    match kind {
        Confirm::QuitUnsaved => update::quit_answer(app, true),
        Confirm::Overwrite { then_quit } => update::save(app, true, then_quit),
        Confirm::Recover(draft) => {
            app.draft = *draft;
            app.generation += 1;
            app.undo_stack.clear();
            app.redo_stack.clear();
            app.touched();
            app.say("Recovered the unsaved changes (Ctrl-S to save them)");
        }
        Confirm::CreateNew => {
            app.dirty = true;
            app.say(format!(
                "New draft: o adds an operative paragraph, H edits the header, Ctrl-S saves to {}",
                app.path.display()
            ));
        }
    }
}

fn confirm_no(app: &mut App, kind: Confirm) {
    match kind {
        Confirm::QuitUnsaved => update::quit_answer(app, false),
        Confirm::Overwrite { .. } => app.say("Not saved"),
        Confirm::Recover(_) => {
            if let Some(data) = &app.dirs.data {
                super::storage::recovery::discard(&super::storage::recovery::path_for(
                    data, &app.path,
                ));
            }
            app.say("Recovery copy discarded");
        }
        Confirm::CreateNew => app.should_quit = true,
    }
}
