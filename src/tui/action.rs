//! Everything the user can ask the editor to do, independent of the key that asks for it.
//!
//! The keymap maps keys to these actions per mode; `update` turns an action into a state
//! change; the help overlay and the hint line describe actions with [`Action::describe`].

use serde::{Deserialize, Serialize};

/// A user intent. Unit variants only, so actions can be named in the config file
/// (`save`, `move_up`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    // Normal mode: navigation
    SelectNext,
    SelectPrev,
    SelectFirst,
    SelectLast,
    PageDown,
    PageUp,
    // Normal mode: editing
    Edit,
    InsertOperativeAfter,
    InsertOperativeBefore,
    InsertPreambular,
    InsertSub,
    Delete,
    MoveUp,
    MoveDown,
    Demote,
    Promote,
    Merge,
    Undo,
    Redo,
    EditHeader,
    // Normal mode: files, views
    Save,
    Quit,
    ToggleOutline,
    Help,
    CompareRevision,
    FreezeRevision,
    // Editor and form
    Commit,
    Cancel,
    NextField,
    PrevField,
    Complete,
    NextCompletion,
    PrevCompletion,
    SplitAtCursor,
    // Dialogs
    Yes,
    No,
    // Help overlay
    CloseHelp,
}

impl Action {
    /// A short description for the help overlay and the hint line.
    pub fn describe(self) -> &'static str {
        use Action::*;
        match self {
            SelectNext => "next paragraph",
            SelectPrev => "previous paragraph",
            SelectFirst => "first paragraph",
            SelectLast => "last paragraph",
            PageDown => "page down",
            PageUp => "page up",
            Edit => "edit paragraph",
            InsertOperativeAfter => "new operative after",
            InsertOperativeBefore => "new operative before",
            InsertPreambular => "new preambular",
            InsertSub => "new sub-paragraph",
            Delete => "delete",
            MoveUp => "move up",
            MoveDown => "move down",
            Demote => "demote to sub-paragraph",
            Promote => "promote",
            Merge => "merge with next",
            Undo => "undo",
            Redo => "redo",
            EditHeader => "edit header",
            Save => "save",
            Quit => "quit",
            ToggleOutline => "outline",
            Help => "help",
            CompareRevision => "compare with a revision",
            FreezeRevision => "freeze a revision",
            Commit => "commit",
            Cancel => "cancel",
            NextField => "next field / complete",
            PrevField => "previous field",
            Complete => "accept completion",
            NextCompletion => "next completion",
            PrevCompletion => "previous completion",
            SplitAtCursor => "split at cursor",
            Yes => "yes",
            No => "no",
            CloseHelp => "close help",
        }
    }
}
