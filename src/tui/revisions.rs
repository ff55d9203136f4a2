//! Wiring of the revision view (src/tui/revision_view.rs, a self-contained component) into
//! the editor: open it against a picked revision, forward keys, apply a revert as one
//! undoable edit, draw it, and close it on the same paragraph.

use super::app::App;
use super::revision_view::{self, DiffStyles, RevisionView, ViewAction};
use super::update;
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

/// The open comparison.
pub struct Compare {
    pub view: RevisionView,
}

/// Opens the comparison of the current text with revision `index`.
pub fn open(app: &mut App, index: usize) {
    let Some(r) = app.draft.revisions.get(index) else {
        return;
    };
    let view = RevisionView::new(&r.document, &app.draft.document, &r.label, "current text");
    app.say(format!("Comparing {} with the current text", r.label));
    app.revision_view = Some(Compare { view });
}

/// Keys while the comparison is open.
pub fn handle_key(app: &mut App, key: KeyEvent) {
    let Some(c) = app.revision_view.as_mut() else {
        return;
    };
    match c.view.handle_key(key, &app.draft.document) {
        ViewAction::None => {}
        ViewAction::Close { select } => {
            app.revision_view = None;
            if let Some(id) = select
                && app.draft.document.find(&id).is_some()
            {
                app.selected = Some(id);
            }
            app.scroll.follow = true;
        }
        ViewAction::Revert { ops, description } => {
            if update::run_ops(app, ops) {
                app.say(format!("{description} (u undoes it in the editor)"));
                if let Some(c) = app.revision_view.as_mut() {
                    c.view.refresh(&app.draft.document);
                }
            }
        }
    }
}

/// Draws the comparison.
pub fn render(frame: &mut Frame<'_>, area: Rect, app: &mut App) {
    let Some(c) = &app.revision_view else {
        return;
    };
    let styles = DiffStyles::from_theme(&app.theme);
    revision_view::render(area, frame.buffer_mut(), &c.view, &styles);
}

/// The hint line while the comparison is open.
pub fn hint() -> String {
    "j/k move · n/N next/previous change · u hide unchanged · i inline · r revert change · Esc back"
        .to_string()
}
