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
    InsertChild,
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
    CompareLast,
    FreezeRevision,
    // Normal mode: finding and moving
    Search,
    SearchNext,
    SearchPrev,
    GoTo,
    ShowMessage,
    Warnings,
    OutlineKeys,
    // Editor and form
    Commit,
    Cancel,
    NextField,
    PrevField,
    Complete,
    NextCompletion,
    PrevCompletion,
    SplitAtCursor,
    AddFootnote,
    DeleteFootnote,
    // Outline keys (after `s`): headings, parts, annexes
    HeadingEdit,
    HeadingDelete,
    HeadingUp,
    HeadingDown,
    PartNew,
    PartEdit,
    AnnexNew,
    AnnexEdit,
    FrameUp,
    FrameDown,
    FrameDelete,
    // Revision view
    NextChange,
    PrevChange,
    HideUnchanged,
    ToggleInline,
    RevertChange,
    CloseView,
    // Dialogs
    Yes,
    No,
    // Help overlay
    CloseHelp,
}

impl Action {
    /// What the key does in `mode` (the help overlay): the same action can mean something
    /// particular there ("scroll down" in the help, "next entry" in a list).
    pub fn describe_in(self, mode: crate::tui::keymap::KeyMode) -> &'static str {
        use crate::tui::keymap::KeyMode as M;
        use Action::*;
        match (mode, self) {
            (M::Editor, Commit) => "save the paragraph (and its footnotes) and close",
            (M::Editor, Cancel) => "cancel the edit (a new paragraph goes again)",
            (M::Editor, PrevField) => "previous field",
            (M::Editor, NextField) => "take the completion and go to the text; next field",
            (M::Form, Commit) => "save and close",
            (M::Form, Cancel) => "cancel",
            (M::Form, NextField) => "next field",
            (M::Form, PrevField) => "previous field",
            (M::Prompt, Commit) => "search / go there",
            (M::Prompt, Cancel) => "cancel (back to where the selection was)",
            (M::Dialog, Yes) => "yes / choose the entry",
            (M::Dialog, No) => "no (revision list: compare with the current text)",
            (M::Dialog, Cancel) => "cancel",
            (M::Dialog, NextField) => "next entry",
            (M::Dialog, PrevField) => "previous entry",
            (M::Help, SelectNext) => "scroll down",
            (M::Help, SelectPrev) => "scroll up",
            (M::Help, SelectFirst) => "top",
            (M::Help, SelectLast) => "bottom",
            (M::Revisions, SelectFirst) => "first paragraph of the comparison",
            (M::Revisions, SelectLast) => "last paragraph of the comparison",
            (M::Outline, Cancel) => "no outline key after all",
            (M::Normal, Search) => "search the text, footnotes and header (n/N: next/previous)",
            (M::Normal, GoTo) => "go to OP12, PP3, 12(b), fn 4, a heading, a part or an annex",
            _ => self.describe(),
        }
    }

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
            InsertSub => "new sub-paragraph (after this one, or the first under a paragraph)",
            InsertChild => "new sub-paragraph one level deeper",
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
            CompareRevision => "compare two revisions (or one with the current text)",
            CompareLast => "compare the latest revision with the current text",
            Search => "search",
            SearchNext => "next match",
            SearchPrev => "previous match",
            GoTo => "go to",
            ShowMessage => "show the whole last message",
            Warnings => "import warnings and check findings (Enter jumps)",
            OutlineKeys => "headings, parts and annexes (then a second key)",
            FreezeRevision => "freeze a revision",
            Commit => "done",
            Cancel => "cancel",
            NextField => "next field",
            PrevField => "previous field",
            Complete => "accept completion",
            NextCompletion => "next completion",
            PrevCompletion => "previous completion",
            SplitAtCursor => "split at cursor",
            AddFootnote => "add a footnote at the cursor",
            DeleteFootnote => "delete this footnote (in its field)",
            HeadingEdit => "add or edit the heading before this paragraph",
            HeadingDelete => "delete the heading before this paragraph",
            HeadingUp => "move that heading up one paragraph",
            HeadingDown => "move that heading down one paragraph",
            PartNew => "new part (numbered afresh) after this one",
            PartEdit => "edit this part's label and heading",
            AnnexNew => "new annex after this one",
            AnnexEdit => "edit this annex's label and title",
            FrameUp => "move this part or annex up",
            FrameDown => "move this part or annex down",
            FrameDelete => "delete this part or annex with its paragraphs",
            NextChange => "next change",
            PrevChange => "previous change",
            HideUnchanged => "hide or show unchanged paragraphs",
            ToggleInline => "inline or side by side",
            RevertChange => "revert the selected change",
            CloseView => "back to the draft",
            Yes => "yes",
            No => "no",
            CloseHelp => "close help",
        }
    }
}
