//! The revision view: a self-contained component comparing an older revision (left) with a
//! newer text (right), rows aligned per paragraph and scrolling together, changed words
//! highlighted, moves and renumbering marked old → new, a legend and a header naming both.
//! Keys: j/k or arrows move, n/N next/previous change, u hides unchanged paragraphs, i
//! toggles the inline view, r reverts the selected change (as core operations the app
//! applies as one undoable edit), Esc returns to the editor on the selected paragraph.
//!
//! State ([`RevisionView`]), key handling returning a [`ViewAction`], and a pure
//! [`render`] function of the state.

mod render;
mod revert;

pub use render::{head_and_body, render, render_rows};

use crate::compare::layout::Style as RunStyle;
use crate::compare::{self, Align, ChangeEntry, Comparison};
use crate::model::{Document, Id};
use crate::ops::Op;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind};
use ratatui::style::{Color, Modifier, Style};

/// The narrowest column in which two columns are still shown; below, the inline view.
pub const MIN_COLUMN: usize = 30;

/// Side by side or inline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewMode {
    SideBySide,
    Inline,
}

/// The styles of the view, taken from the editor's theme.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DiffStyles {
    pub base: Style,
    pub header: Style,
    pub tag: Style,
    pub note: Style,
    pub deleted: Style,
    pub inserted: Style,
    pub selected: Style,
    pub hint: Style,
    pub rule: Style,
    /// Mark deleted and inserted words with `[-…-]` and `{+…+}` as well (no colour: the
    /// mono theme, NO_COLOR), as `resdraft diff` does when piped.
    pub brackets: bool,
}

impl Default for DiffStyles {
    fn default() -> Self {
        DiffStyles {
            base: Style::default(),
            header: Style::default().add_modifier(Modifier::BOLD),
            tag: Style::default().add_modifier(Modifier::BOLD),
            note: Style::default().fg(Color::Cyan),
            deleted: Style::default()
                .fg(Color::Red)
                .add_modifier(Modifier::CROSSED_OUT),
            inserted: Style::default()
                .fg(Color::Green)
                .add_modifier(Modifier::UNDERLINED),
            selected: Style::default().add_modifier(Modifier::REVERSED),
            hint: Style::default().add_modifier(Modifier::DIM),
            rule: Style::default().add_modifier(Modifier::DIM),
            brackets: false,
        }
    }
}

impl DiffStyles {
    /// The styles from the editor's theme; deletions and insertions keep their colours and
    /// also carry strike-through and underline, so they stay visible without colour.
    pub fn from_theme(t: &super::theme::Theme) -> Self {
        let d = DiffStyles::default();
        DiffStyles {
            base: t.base,
            header: t.title,
            tag: t.label,
            note: t.message,
            deleted: t.base.patch(d.deleted),
            inserted: t.base.patch(d.inserted),
            selected: t.selected,
            hint: t.hint,
            rule: t.border,
            brackets: !t.has_colour(),
        }
    }

    pub(crate) fn run(&self, s: RunStyle) -> Style {
        match s {
            RunStyle::Plain => self.base,
            RunStyle::Deleted => self.deleted,
            RunStyle::Inserted => self.inserted,
            RunStyle::Tag => self.tag,
            RunStyle::Note => self.note,
        }
    }
}

/// A command of the view (the editor's keymap maps keys to these).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewCmd {
    Close,
    NextChange,
    PrevChange,
    Down,
    Up,
    PageDown,
    PageUp,
    First,
    Last,
    HideUnchanged,
    ToggleInline,
    Revert,
}

/// What the app should do after a key.
#[derive(Debug, Clone, PartialEq)]
pub enum ViewAction {
    None,
    /// Leave the view and select this paragraph in the editor.
    Close {
        select: Option<Id>,
    },
    /// Apply these operations to the current draft as one undoable edit.
    Revert {
        ops: Vec<Op>,
        description: String,
    },
}

/// The state of the revision view.
#[derive(Debug, Clone)]
pub struct RevisionView {
    pub comparison: Comparison,
    /// The older version (kept whole to restore deleted paragraphs).
    pub old: Document,
    pub old_name: String,
    pub new_name: String,
    pub mode: ViewMode,
    pub hide_unchanged: bool,
    /// Index into `comparison.changes` of the selected entry.
    pub selected: usize,
    pub message: Option<String>,
}

impl RevisionView {
    /// Compares `old` (a frozen revision) with `new` (the current text) by id.
    pub fn new(old: &Document, new: &Document, old_name: &str, new_name: &str) -> Self {
        let comparison = compare::compare(old, new, Align::ById);
        let selected = comparison.change_indices().first().copied().unwrap_or(0);
        RevisionView {
            comparison,
            old: old.clone(),
            old_name: old_name.to_string(),
            new_name: new_name.to_string(),
            mode: ViewMode::SideBySide,
            hide_unchanged: false,
            selected,
            message: None,
        }
    }

    /// The indices of the entries shown (all, or the changes only).
    pub fn visible(&self) -> Vec<usize> {
        (0..self.comparison.changes.len())
            .filter(|i| !self.hide_unchanged || self.comparison.changes[*i].is_change())
            .collect()
    }

    pub fn selected_entry(&self) -> Option<&ChangeEntry> {
        self.comparison.changes.get(self.selected)
    }

    fn step(&mut self, forward: bool, changes_only: bool, count: usize) {
        let vis = self.visible();
        let candidates: Vec<usize> = vis
            .into_iter()
            .filter(|i| !changes_only || self.comparison.changes[*i].is_change())
            .collect();
        let next = if forward {
            candidates
                .iter()
                .filter(|i| **i > self.selected)
                .nth(count - 1)
        } else {
            candidates
                .iter()
                .rev()
                .filter(|i| **i < self.selected)
                .nth(count - 1)
        };
        match next.or_else(|| {
            if count > 1 {
                if forward {
                    candidates.last()
                } else {
                    candidates.first()
                }
            } else {
                None
            }
        }) {
            Some(i) => {
                self.selected = *i;
                self.message = None;
            }
            None if changes_only => {
                self.message = Some(
                    if forward {
                        "No later change"
                    } else {
                        "No earlier change"
                    }
                    .to_string(),
                )
            }
            None => {}
        }
    }

    /// Keeps the selection on a shown entry after hiding unchanged ones.
    fn fix_selection(&mut self) {
        let vis = self.visible();
        if !vis.contains(&self.selected) {
            self.selected = vis
                .iter()
                .find(|i| **i > self.selected)
                .or(vis.last())
                .copied()
                .unwrap_or(0);
        }
    }

    /// Handles one key (presses only). `current` is the draft's current text.
    pub fn handle_key(&mut self, key: KeyEvent, current: &Document) -> ViewAction {
        if key.kind != KeyEventKind::Press {
            return ViewAction::None;
        }
        let cmd = match key.code {
            KeyCode::Esc | KeyCode::Char('q') => ViewCmd::Close,
            KeyCode::Char('n') => ViewCmd::NextChange,
            KeyCode::Char('N') => ViewCmd::PrevChange,
            KeyCode::Down | KeyCode::Char('j') => ViewCmd::Down,
            KeyCode::Up | KeyCode::Char('k') => ViewCmd::Up,
            KeyCode::PageDown => ViewCmd::PageDown,
            KeyCode::PageUp => ViewCmd::PageUp,
            KeyCode::Home | KeyCode::Char('g') => ViewCmd::First,
            KeyCode::End | KeyCode::Char('G') => ViewCmd::Last,
            KeyCode::Char('u') => ViewCmd::HideUnchanged,
            KeyCode::Char('i') | KeyCode::Tab => ViewCmd::ToggleInline,
            KeyCode::Char('r') => ViewCmd::Revert,
            _ => return ViewAction::None,
        };
        self.perform(cmd, current)
    }

    /// Performs one command of the view. `current` is the draft's current text.
    pub fn perform(&mut self, cmd: ViewCmd, current: &Document) -> ViewAction {
        match cmd {
            ViewCmd::Close => {
                return ViewAction::Close {
                    select: self.select_on_close(),
                };
            }
            ViewCmd::NextChange => self.step(true, true, 1),
            ViewCmd::PrevChange => self.step(false, true, 1),
            ViewCmd::Down => self.step(true, false, 1),
            ViewCmd::Up => self.step(false, false, 1),
            ViewCmd::PageDown => self.step(true, false, 10),
            ViewCmd::PageUp => self.step(false, false, 10),
            ViewCmd::First => self.selected = self.visible().first().copied().unwrap_or(0),
            ViewCmd::Last => self.selected = self.visible().last().copied().unwrap_or(0),
            ViewCmd::HideUnchanged => {
                self.hide_unchanged = !self.hide_unchanged;
                self.fix_selection();
            }
            ViewCmd::ToggleInline => {
                self.mode = match self.mode {
                    ViewMode::SideBySide => ViewMode::Inline,
                    ViewMode::Inline => ViewMode::SideBySide,
                }
            }
            ViewCmd::Revert => match revert::revert(self, current) {
                Ok((ops, description)) => {
                    self.message = Some(description.clone());
                    return ViewAction::Revert { ops, description };
                }
                Err(why) => self.message = Some(why),
            },
        }
        ViewAction::None
    }

    /// The paragraph to select in the editor: the selected entry's paragraph in the current
    /// text, else the nearest paragraph before it that still exists.
    pub fn select_on_close(&self) -> Option<Id> {
        self.comparison.changes[..=self
            .selected
            .min(self.comparison.changes.len().saturating_sub(1))]
            .iter()
            .rev()
            .find(|e| e.is_paragraph() && e.new.is_some())
            .and_then(|e| e.new.as_ref().map(|s| s.id.clone()))
    }

    /// Recomputes the comparison after the current text changed (e.g. after a revert).
    pub fn refresh(&mut self, current: &Document) {
        let id = self.selected_entry().and_then(|e| e.id().cloned());
        self.comparison = compare::compare(&self.old, current, Align::ById);
        self.selected = id
            .and_then(|id| {
                self.comparison
                    .changes
                    .iter()
                    .position(|e| e.id() == Some(&id))
            })
            .unwrap_or(0)
            .min(self.comparison.changes.len().saturating_sub(1));
        self.fix_selection();
    }
}
