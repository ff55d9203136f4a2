//! Wiring of the revision view (src/tui/revision_view.rs, a self-contained component) into
//! the editor: open it on any two texts (two frozen revisions, or one with the current
//! text), map the keymap's revision-view actions to its commands, apply a revert as one
//! undoable edit, draw it, and close it on the same paragraph.

use super::action::Action;
use super::app::App;
use super::revision_view::{self, DiffStyles, RevisionView, ViewAction, ViewCmd};
use super::update;
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

/// The open comparison.
pub struct Compare {
    pub view: RevisionView,
    /// The newer side: a revision's index, or `None` for the current text (reverts allowed).
    pub new: Option<usize>,
}

/// Opens the comparison of revision `old` with revision `new` (`None`: the current text).
pub fn open(app: &mut App, old: usize, new: Option<usize>) {
    let Some(r) = app.draft.revisions.get(old) else {
        return;
    };
    let (doc, name) = match new.and_then(|k| app.draft.revisions.get(k)) {
        Some(n) => (&n.document, n.label.clone()),
        None => (&app.draft.document, "current text".to_string()),
    };
    let view = RevisionView::new(&r.document, doc, &r.label, &name);
    app.say(format!("Comparing {} with {name}", r.label));
    app.revision_view = Some(Compare {
        view,
        new: new.filter(|k| *k < app.draft.revisions.len()),
    });
}

fn command(action: Action) -> Option<ViewCmd> {
    use Action::*;
    Some(match action {
        CloseView | Cancel => ViewCmd::Close,
        NextChange => ViewCmd::NextChange,
        PrevChange => ViewCmd::PrevChange,
        SelectNext => ViewCmd::Down,
        SelectPrev => ViewCmd::Up,
        PageDown => ViewCmd::PageDown,
        PageUp => ViewCmd::PageUp,
        SelectFirst => ViewCmd::First,
        SelectLast => ViewCmd::Last,
        HideUnchanged => ViewCmd::HideUnchanged,
        ToggleInline => ViewCmd::ToggleInline,
        RevertChange => ViewCmd::Revert,
        _ => return None,
    })
}

/// A keymap action while the comparison is open.
pub fn perform(app: &mut App, action: Action) {
    if action == Action::ShowAmendments {
        super::amendments::open_from_revisions(app);
        return;
    }
    let Some(cmd) = command(action) else {
        return;
    };
    let Some(c) = app.revision_view.as_mut() else {
        return;
    };
    if cmd == ViewCmd::Revert && c.new.is_some() {
        c.view.message =
            Some("Reverting works on the current text: compare a revision with it (R)".into());
        return;
    }
    let result = c.view.perform(cmd, &app.draft.document);
    after(app, result);
}

/// A key the keymap does not bind in the revision view (the view's own keys).
pub fn handle_key(app: &mut App, key: KeyEvent) {
    let Some(c) = app.revision_view.as_mut() else {
        return;
    };
    let result = c.view.handle_key(key, &app.draft.document);
    after(app, result);
}

fn after(app: &mut App, result: ViewAction) {
    match result {
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
