//! Wiring of the amendment view (src/tui/amend_view.rs, a self-contained component) into the
//! editor: open it from the revision view (`A`: the changes between the two texts as
//! numbered instructions) or on an amendment document (`:amend FILE`), map the keymap's
//! amendment-view actions to its commands, make the current text read the amended text as
//! one undoable edit through the model's operations ([`crate::amend::sync`]), draw it.

use super::action::Action;
use super::amend_view::{self, AmendAction, AmendCmd, AmendView};
use super::app::App;
use super::revision_view::DiffStyles;
use super::update;
use crate::amend::{self, sync};
use ratatui::Frame;
use ratatui::layout::Rect;
use std::path::Path;

/// Opens the view on the comparison shown in the revision view.
pub fn open_from_revisions(app: &mut App) {
    let Some(c) = &app.revision_view else {
        return;
    };
    let live = c.new.is_none();
    let new = match c.new.and_then(|k| app.draft.revisions.get(k)) {
        Some(r) => &r.document,
        None => &app.draft.document,
    };
    let mut view = AmendView::from_documents(&c.view.old, new, &c.view.old_name, &c.view.new_name);
    view.live = live;
    let n = view.amendment.instructions.len();
    let said = format!(
        "{n} instruction{} from {} to {}{}",
        if n == 1 { "" } else { "s" },
        c.view.old_name,
        c.view.new_name,
        if live {
            "; x rejects one, a accepts it again"
        } else {
            ""
        }
    );
    app.say(said);
    app.amend_view = Some(view);
}

/// Opens the view on an amendment document (text as extracted from its PDF, or a file of
/// instructions) against the current text.
pub fn open_file(app: &mut App, path: &str) {
    let path = path.trim();
    if path.is_empty() {
        app.error("Name the amendment file: :amend A_80_L.30.txt");
        return;
    }
    match read(Path::new(path)) {
        Ok(a) => {
            let name = if a.symbol.is_empty() {
                Path::new(path)
                    .file_name()
                    .map_or_else(|| path.to_string(), |f| f.to_string_lossy().into_owned())
            } else {
                a.symbol.clone()
            };
            let symbol = app.draft.document.header.symbol.trim().to_string();
            let warn = (!a.target.is_empty() && !symbol.is_empty() && a.target != symbol)
                .then(|| format!(" (it amends {}, this draft is {symbol})", a.target));
            let n = a.instructions.len();
            app.amend_view = Some(AmendView::from_amendment(&app.draft.document, a, &name));
            app.say(format!(
                "{name}: {n} instruction{}; a accepts, x rejects{}",
                if n == 1 { "" } else { "s" },
                warn.unwrap_or_default()
            ));
        }
        Err(amend::document::ReadError::Unread { errors, .. }) => {
            let first = errors.first().map(|e| e.to_string()).unwrap_or_default();
            app.error(format!(
                "{path}: {} instruction{} cannot be read; {first}",
                errors.len(),
                if errors.len() == 1 { "" } else { "s" }
            ));
        }
        Err(e) => app.error(e.to_string()),
    }
}

/// Reads an amendment file with the importer's checks (a regular file, not too large): the
/// text of an amendment document or a draft file holding one.
fn read(path: &Path) -> Result<amend::Amendment, amend::document::ReadError> {
    let bytes = crate::fileio::read_limited(path, crate::import::MAX_BYTES).map_err(|e| {
        crate::import::ImportError::Unreadable {
            path: path.to_path_buf(),
            message: e.to_string(),
        }
    })?;
    amend::document::read_bytes(bytes, path)
}

fn command(action: Action) -> Option<AmendCmd> {
    use Action::*;
    Some(match action {
        CloseView | Cancel => AmendCmd::Close,
        SelectNext => AmendCmd::Down,
        SelectPrev => AmendCmd::Up,
        SelectFirst => AmendCmd::First,
        SelectLast => AmendCmd::Last,
        AcceptInstruction => AmendCmd::Accept,
        RejectInstruction => AmendCmd::Reject,
        AcceptAllInstructions => AmendCmd::AcceptAll,
        RejectAllInstructions => AmendCmd::RejectAll,
        Undo => AmendCmd::Undo,
        _ => return None,
    })
}

/// A keymap action while the view is open.
pub fn perform(app: &mut App, action: Action) {
    let Some(cmd) = command(action) else {
        return;
    };
    let Some(view) = app.amend_view.as_mut() else {
        return;
    };
    match view.perform(cmd) {
        AmendAction::None => {}
        AmendAction::Close => {
            app.amend_view = None;
            if let Some(c) = app.revision_view.as_mut() {
                c.view.refresh(&app.draft.document);
            }
        }
        AmendAction::Apply {
            mut target,
            description,
        } => {
            // An amendment document's votes: the draft as issued frozen first, labelled with
            // its symbol (as `resdraft amend` does), so `diff` shows the amendments' effect.
            if view.note {
                let date = time::OffsetDateTime::now_utc().date().to_string();
                let issued = view.base.clone();
                match amend::note::freeze_issued(&mut app.draft, &issued, "as issued", date) {
                    Ok(Some(label)) => {
                        app.dirty = true;
                        app.say(format!("Froze the text as issued as revision {label}"));
                    }
                    Ok(None) => {}
                    Err(e) => {
                        app.error(e);
                        return;
                    }
                }
            }
            sync::reuse_ids(&app.draft.document, &mut target);
            let result = sync::operations(&app.draft.document, &target)
                .map_err(|e| e.to_string())
                .and_then(|ops| {
                    if update::run_ops(app, ops) {
                        Ok(())
                    } else {
                        Err(app
                            .message
                            .as_ref()
                            .map_or_else(String::new, |m| m.text.clone()))
                    }
                });
            if let Some(view) = app.amend_view.as_mut() {
                match result {
                    Ok(()) => view.applied(&description),
                    Err(why) => view.failed(&format!("Not applied: {why}")),
                }
            }
        }
        AmendAction::Undo => {
            update::undo(app);
            if let Some(view) = app.amend_view.as_mut() {
                view.undone();
            }
        }
    }
}

/// Draws the view.
pub fn render(frame: &mut Frame<'_>, area: Rect, app: &mut App) {
    let Some(v) = &app.amend_view else {
        return;
    };
    let styles = DiffStyles::from_theme(&app.theme);
    amend_view::render(area, frame.buffer_mut(), v, &styles);
}
