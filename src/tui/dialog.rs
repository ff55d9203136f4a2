//! Dialogs: yes/no confirmations (quit with unsaved changes, overwrite a file changed on disk,
//! recover unsaved work, create a missing draft), picking the revisions to compare, naming a
//! new revision, a long message shown whole, the list of import warnings and findings.

use crate::tui::storage::recovery::Found;
use crate::tui::theme::Theme;
use ratatui::style::Style;
use ratatui_textarea::TextArea;

/// What a confirmation decides.
#[derive(Debug, Clone)]
pub enum Confirm {
    /// y: save and quit; n: quit without saving.
    QuitUnsaved,
    /// y: overwrite the file that changed on disk.
    Overwrite { then_quit: bool },
    /// y: take the recovered draft; n: discard the copy; Esc: keep it for later.
    Recover(Box<Found>),
    /// y: start a new draft at the missing path; n: quit.
    CreateNew,
}

/// An open dialog.
pub enum Dialog {
    Confirm {
        kind: Confirm,
        title: String,
        body: String,
    },
    /// Choose the two texts to compare: first the older (`from` is `None`), then the newer
    /// (a later revision or the current text, the entry after the last revision).
    PickRevision {
        selected: usize,
        from: Option<usize>,
    },
    /// A message shown whole (M), closed by any answer.
    Notice { title: String, body: String },
    /// Import warnings and check findings (W); Enter jumps to the paragraph.
    Notices { selected: usize },
    /// Type the label of a revision to freeze.
    FreezeLabel { input: Box<TextArea<'static>> },
}

impl Dialog {
    pub fn confirm(kind: Confirm, title: impl Into<String>, body: impl Into<String>) -> Self {
        Dialog::Confirm {
            kind,
            title: title.into(),
            body: body.into(),
        }
    }

    pub fn freeze_label(suggestion: &str, theme: &Theme) -> Self {
        let mut input = TextArea::new(vec![suggestion.to_string()]);
        input.set_style(theme.popup);
        input.set_cursor_line_style(Style::default());
        input.set_cursor_style(theme.cursor);
        input.move_cursor(ratatui_textarea::CursorMove::End);
        Dialog::FreezeLabel {
            input: Box::new(input),
        }
    }
}
