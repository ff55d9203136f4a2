//! Answers to dialogs: confirmations, the revision picker and the revision-label prompt.

use super::action::Action;
use super::app::App;
use super::dialog::{Confirm, Dialog};
use super::storage::recovery;
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
                    app.say(
                        "Recovery copy kept: it is offered again the next time the draft opens",
                    );
                    offer_recovery(app);
                }
                _ => app.say("Cancelled"),
            },
            _ => app.dialog = Some(Dialog::Confirm { kind, title, body }),
        },
        Dialog::PickRevision { selected, from } => {
            // The revisions, then the current text (only as the newer of the two).
            let n = app.draft.revisions.len() + usize::from(from.is_some());
            match action {
                Action::NextField => {
                    app.dialog = Some(Dialog::PickRevision {
                        selected: (selected + 1).min(n.saturating_sub(1)),
                        from,
                    })
                }
                Action::PrevField => {
                    app.dialog = Some(Dialog::PickRevision {
                        selected: selected.saturating_sub(1),
                        from,
                    })
                }
                Action::Yes => match from {
                    None => {
                        app.dialog = Some(Dialog::PickRevision {
                            selected: app.draft.revisions.len(),
                            from: Some(selected),
                        })
                    }
                    Some(old) => {
                        let new = (selected < app.draft.revisions.len()).then_some(selected);
                        super::revisions::open(app, old, new);
                    }
                },
                // `n` in the first list: compare with the current text straight away.
                Action::No if from.is_none() => super::revisions::open(app, selected, None),
                Action::No | Action::Cancel => {}
                _ => app.dialog = Some(Dialog::PickRevision { selected, from }),
            }
        }
        Dialog::Notice { title, body } => match action {
            Action::Yes | Action::No | Action::Cancel | Action::Commit => {}
            _ => app.dialog = Some(Dialog::Notice { title, body }),
        },
        Dialog::Notices { selected } => {
            let n = super::notices::entries(app).len();
            match action {
                Action::NextField => {
                    app.dialog = Some(Dialog::Notices {
                        selected: (selected + 1).min(n.saturating_sub(1)),
                    })
                }
                Action::PrevField => {
                    app.dialog = Some(Dialog::Notices {
                        selected: selected.saturating_sub(1),
                    })
                }
                Action::Yes => super::notices::jump(app, selected),
                Action::No | Action::Cancel => {}
                _ => app.dialog = Some(Dialog::Notices { selected }),
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
        Confirm::Recover(found) => {
            app.draft = found.draft;
            app.adopted.push(found.file);
            app.generation += 1;
            app.undo_stack.clear();
            app.redo_stack.clear();
            app.negotiation_marks = Default::default();
            app.touched();
            let more = app.recovery_offers.len();
            app.recovery_offers.clear();
            app.say(if more == 0 {
                "Recovered the unsaved changes (Ctrl-S to save them)".to_string()
            } else {
                format!(
                    "Recovered the unsaved changes (Ctrl-S to save them); {more} more recovery \
                     cop{} kept, offered the next time the draft opens",
                    if more == 1 { "y" } else { "ies" }
                )
            });
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
        Confirm::Recover(found) => {
            recovery::discard(&found.file);
            app.say("Recovery copy discarded");
            offer_recovery(app);
        }
        Confirm::CreateNew => app.should_quit = true,
    }
}

/// Offers the next recovery copy left by another editor, if any (one question at a time).
pub fn offer_recovery(app: &mut App) {
    if app.dialog.is_some() || app.recovery_offers.is_empty() {
        return;
    }
    let found = app.recovery_offers.remove(0);
    let when = found
        .modified
        .map(|t| {
            let t = time::OffsetDateTime::from(t);
            format!(
                " (written {} {:02}:{:02} UTC{})",
                t.date(),
                t.hour(),
                t.minute(),
                if found.older_than_draft {
                    ", before the draft was last saved"
                } else {
                    ""
                }
            )
        })
        .unwrap_or_default();
    let left = app.recovery_offers.len();
    let more = if left == 0 {
        String::new()
    } else {
        format!(
            " {left} more cop{} after this one.",
            if left == 1 { "y" } else { "ies" }
        )
    };
    app.dialog = Some(Dialog::confirm(
        Confirm::Recover(Box::new(found)),
        "Recover unsaved work",
        format!(
            "A recovery copy of {} with unsaved changes was found{when}. Recover it?{more}",
            app.file_name()
        ),
    ));
}
