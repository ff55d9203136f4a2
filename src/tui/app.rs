//! The editor's state: the draft, the selection (by paragraph id, so it survives renumbering),
//! undo/redo stacks of core transactions, the dirty flag, the popups that are open, the
//! message in the status bar, and the layout cache of the document view.
//!
//! State changes go through [`super::update`]; rendering reads this state ([`super::view`]).

use super::dialog::Dialog;
use super::editor::Editor;
use super::form::HeaderForm;
use super::keymap::{KeyMode, Keymap};
use super::layout::LayoutCache;
use super::storage::recovery::{self, Found, Session};
use super::storage::{Dirs, FileStamp};
use super::theme::Theme;
use crate::check::{self, Finding};
use crate::model::{Draft, Header, Id, Location};
use crate::ops::{self, Op, Transaction};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// A line for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

/// Which input mode is active (the topmost popup wins).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Editor,
    Form,
    Dialog,
    Help,
    Revisions,
    /// The amendment view (instructions to accept or reject).
    Amendments,
    /// Typing a search (`/`) or a place to go to (`:`).
    Prompt,
    /// `s` was pressed: the next key edits headings, parts or annexes.
    Outline,
    /// The negotiation panel (`c`).
    Negotiation,
}

impl Mode {
    /// The keymap mode for this input mode (`None` when a component handles its own keys).
    pub fn keys(self) -> Option<KeyMode> {
        match self {
            Mode::Normal => Some(KeyMode::Normal),
            Mode::Editor => Some(KeyMode::Editor),
            Mode::Form => Some(KeyMode::Form),
            Mode::Dialog => Some(KeyMode::Dialog),
            Mode::Help => Some(KeyMode::Help),
            Mode::Revisions => Some(KeyMode::Revisions),
            Mode::Amendments => Some(KeyMode::Amendments),
            Mode::Prompt => Some(KeyMode::Prompt),
            Mode::Outline => Some(KeyMode::Outline),
            Mode::Negotiation => Some(KeyMode::Negotiation),
        }
    }
}

/// Text typed into an open popup (the paragraph editor or the header form) and not committed
/// yet. It is unsaved work like any other: autosave, signals and a lost terminal put it into
/// the recovery copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    Paragraph {
        id: Id,
        lead: String,
        text: String,
        /// Footnotes added or edited in the editor: (id, text).
        footnotes: Vec<(Id, String)>,
    },
    Header {
        header: Box<Header>,
        body: String,
    },
}

impl Pending {
    /// `draft` as it would be if the popup were committed now.
    pub fn apply_to(&self, draft: &mut Draft) {
        let doc = &mut draft.document;
        match self.clone() {
            Pending::Paragraph {
                id,
                lead,
                text,
                footnotes,
            } => {
                for (fid, ftext) in footnotes {
                    let _ = ops::apply(
                        doc,
                        Op::SetFootnote {
                            id: fid,
                            anchor: id.clone(),
                            text: ftext,
                        },
                    );
                }
                let op = Op::SetText {
                    id: id.clone(),
                    lead: lead.clone(),
                    text: text.clone(),
                };
                if ops::apply(doc, op).is_err()
                    && let Some(p) = doc.find_mut(&id)
                {
                    // Keep what was typed even if the operation refuses it.
                    p.lead = lead;
                    p.text = text;
                }
            }
            Pending::Header { header, body } => {
                if *header != doc.header {
                    let _ = ops::apply(doc, Op::SetHeader(*header));
                }
                if body != doc.authoring_body {
                    let _ = ops::apply(doc, Op::SetAuthoringBody(body));
                }
            }
        }
    }
}

/// Where the document view is scrolled to: a block of the document and a line inside it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scroll {
    pub block: usize,
    pub line: usize,
    /// Whether rendering should bring the selection into view (false after wheel scrolling).
    pub follow: bool,
}

/// The whole editor state.
pub struct App {
    pub draft: Draft,
    /// Where the draft is saved.
    pub path: PathBuf,
    /// The file on disk when opened or last saved (`None`: it did not exist).
    pub stamp: Option<FileStamp>,
    pub selected: Option<Id>,
    pub undo_stack: Vec<Transaction>,
    pub redo_stack: Vec<Transaction>,
    pub dirty: bool,
    /// Bumped on every change of the document (invalidates derived data).
    pub generation: u64,
    pub message: Option<Message>,
    /// The editorial check's findings, of the document at generation `findings_for`.
    pub findings: Vec<Finding>,
    pub findings_for: u64,
    /// What the paragraphs' words said at the last check on the key path (see
    /// [`check::Memo`]).
    pub memo: check::Memo,
    /// The worker running the check off the key path (`None`: the check runs on every
    /// change before the next frame, as in tests).
    pub checker: Option<super::checker::Checker>,
    pub show_outline: bool,
    pub show_help: bool,
    pub help_scroll: u16,
    pub scroll: Scroll,
    pub keymap: Keymap,
    pub theme: Theme,
    /// Maximum width of the document text; 0 = the window width.
    pub wrap_width: u16,
    pub editor: Option<Editor>,
    pub form: Option<HeaderForm>,
    pub dialog: Option<Dialog>,
    /// The revision view, when open (compare with a frozen revision).
    pub revision_view: Option<super::revisions::Compare>,
    /// The amendment view, when open (over the revision view, or on an amendment document).
    pub amend_view: Option<super::amend_view::AmendView>,
    /// The negotiation panel, when open (see [`super::negotiate`]).
    pub negotiation: Option<super::negotiate::Panel>,
    /// Propose mode and the delegation proposing (see [`super::propose`]).
    pub proposing: Option<String>,
    /// The user's delegation, from the config file (`delegation = "EU"`).
    pub delegation: Option<String>,
    /// The negotiation before each undoable negotiation step (see [`super::propose::Marks`]).
    pub negotiation_marks: super::propose::Marks,
    /// "Pending only" in the document view: the paragraphs shown (see [`super::pending`]).
    pub pending_only: Option<std::collections::HashSet<Id>>,
    pub should_quit: bool,
    /// The `/` or `:` prompt, when open.
    pub prompt: Option<super::prompt::Prompt>,
    /// The last search and its matches (n/N step through them).
    pub search: Option<super::search::Search>,
    /// A count typed before a key (`5j`, `3J`).
    pub count: Option<usize>,
    /// `s` was pressed: the next key is an outline key.
    pub outline_keys: bool,
    /// The form for a heading, a part or an annex, when open.
    pub struct_form: Option<super::struct_form::StructForm>,
    /// Import warnings, each with the paragraph it is about (W lists them).
    pub notices: Vec<super::notices::Notice>,
    pub layout: LayoutCache,
    pub dirs: Dirs,
    /// When the document last changed without a recovery copy being written since.
    pub unsaved_since: Option<Instant>,
    /// The draft as last loaded or saved (`None` for a draft not yet on disk): undoing back to
    /// it clears the unsaved mark.
    pub saved: Option<Draft>,
    /// This editor's recovery copy and the lock that says it runs (`None`: no data folder).
    pub recovery: Option<Session>,
    /// Recovery copies left by other editors, still to be offered (newest first).
    pub recovery_offers: Vec<Found>,
    /// Recovery copies taken over with “recover”: removed with this editor's own copy.
    pub adopted: Vec<PathBuf>,
}

impl App {
    /// A new editor on `draft`, saved to `path`.
    pub fn new(draft: Draft, path: PathBuf) -> Self {
        App::open(draft, path, false)
    }

    /// A new editor on `draft`, saved to `path`; with `background`, the editorial check runs
    /// in a worker thread (see [`super::checker`]).
    pub fn open(draft: Draft, path: PathBuf, background: bool) -> Self {
        let stamp = FileStamp::of(&path);
        let mut app = App {
            draft,
            path,
            stamp,
            selected: None,
            undo_stack: Vec::new(),
            redo_stack: Vec::new(),
            dirty: false,
            generation: 0,
            message: None,
            findings: Vec::new(),
            findings_for: u64::MAX,
            memo: check::Memo::default(),
            checker: background.then(super::checker::Checker::start).flatten(),
            show_outline: false,
            show_help: false,
            help_scroll: 0,
            scroll: Scroll {
                follow: true,
                ..Scroll::default()
            },
            keymap: Keymap::default(),
            theme: Theme::default(),
            wrap_width: 0,
            editor: None,
            form: None,
            dialog: None,
            revision_view: None,
            amend_view: None,
            negotiation: None,
            proposing: None,
            delegation: None,
            negotiation_marks: Default::default(),
            pending_only: None,
            should_quit: false,
            prompt: None,
            search: None,
            count: None,
            outline_keys: false,
            struct_form: None,
            notices: Vec::new(),
            layout: LayoutCache::default(),
            dirs: Dirs::default(),
            unsaved_since: None,
            saved: None,
            recovery: None,
            recovery_offers: Vec::new(),
            adopted: Vec::new(),
        };
        app.saved = Some(app.draft.clone());
        app.selected = app.order().first().cloned();
        app.refresh_findings();
        app
    }

    /// The active input mode.
    pub fn mode(&self) -> Mode {
        if self.dialog.is_some() {
            Mode::Dialog
        } else if self.show_help {
            Mode::Help
        } else if self.editor.is_some() {
            Mode::Editor
        } else if self.form.is_some() || self.struct_form.is_some() {
            Mode::Form
        } else if self.prompt.is_some() {
            Mode::Prompt
        } else if self.amend_view.is_some() {
            Mode::Amendments
        } else if self.negotiation.is_some() {
            Mode::Negotiation
        } else if self.revision_view.is_some() {
            Mode::Revisions
        } else if self.outline_keys {
            Mode::Outline
        } else {
            Mode::Normal
        }
    }

    /// The ids of all paragraphs and sub-paragraphs in document order.
    pub fn order(&self) -> Vec<Id> {
        let mut ids = Vec::new();
        self.draft.document.walk(&mut |p, _| ids.push(p.id.clone()));
        ids
    }

    /// Where paragraph `id` stands in document order (what `order().position` gives,
    /// without copying the ids).
    pub fn order_of(&self, id: &Id) -> Option<usize> {
        let (mut k, mut found) = (0, None);
        self.draft.document.walk(&mut |p, _| {
            if found.is_none() && &p.id == id {
                found = Some(k);
            }
            k += 1;
        });
        found
    }

    /// The paragraph at place `k` of document order, or the last one when there are fewer.
    pub fn in_order_at(&self, k: usize) -> Option<Id> {
        let (mut i, mut found) = (0, None::<&Id>);
        self.draft.document.walk(&mut |p, _| {
            if i <= k {
                found = Some(&p.id);
            }
            i += 1;
        });
        found.cloned()
    }

    /// Where the selection stands in `order` (the first place when it is not there).
    pub fn selected_index(&self, order: &[Id]) -> usize {
        self.selected
            .as_ref()
            .and_then(|id| order.iter().position(|x| x == id))
            .unwrap_or(0)
    }

    /// The selected paragraph's location, if the selection still exists.
    pub fn selected_location(&self) -> Option<Location> {
        self.selected
            .as_ref()
            .and_then(|id| self.draft.document.locate(id))
    }

    /// Sets the status-bar message.
    pub fn say(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: false,
        });
    }

    /// Sets an error message.
    pub fn error(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: true,
        });
    }

    /// Re-runs the editorial check: in the worker when there is one, else at once.
    pub fn refresh_findings(&mut self) {
        if let Some(c) = &self.checker
            && c.request(self.generation, self.draft.document.clone())
        {
            return;
        }
        self.checker = None;
        self.findings = self.memo.check(&self.draft.document);
        self.findings_for = self.generation;
    }

    /// Whether the findings are those of the current text.
    pub fn findings_current(&self) -> bool {
        self.findings_for == self.generation
    }

    /// Takes the worker's newest result; true when the findings became current.
    pub fn poll_findings(&mut self) -> bool {
        let Some((generation, findings)) = self.checker.as_ref().and_then(|c| c.latest()) else {
            return false;
        };
        if generation != self.generation || self.findings_current() {
            return false;
        }
        self.findings = findings;
        self.findings_for = generation;
        true
    }

    /// Makes the findings current, waiting for the worker if it is still checking (for
    /// what lists every finding).
    pub fn settle_findings(&mut self) {
        if self.findings_current() || self.poll_findings() {
            return;
        }
        match self.checker.as_ref().map(|c| c.wait(self.generation)) {
            Some(Some(findings)) => {
                self.findings = findings;
                self.findings_for = self.generation;
            }
            _ => {
                self.checker = None;
                self.refresh_findings();
            }
        }
    }

    /// The findings about the selected paragraph (none while the check of the current text
    /// is still running).
    pub fn selected_findings(&self) -> Vec<&Finding> {
        if !self.findings_current() {
            return Vec::new();
        }
        match &self.selected {
            Some(id) => self
                .findings
                .iter()
                .filter(|f| f.id.as_ref() == Some(id))
                .collect(),
            None => Vec::new(),
        }
    }

    /// Records that the document changed: dirty, derived data refreshed, selection kept valid.
    pub fn touched(&mut self) {
        self.refresh_dirty();
        self.generation += 1;
        if self.unsaved_since.is_none() {
            self.unsaved_since = Some(Instant::now());
        }
        self.refresh_findings();
        self.fix_selection();
        self.scroll.follow = true;
    }

    /// Recomputes the unsaved mark: the draft differs from the last loaded or saved one.
    pub fn refresh_dirty(&mut self) {
        self.dirty = self.saved.as_ref() != Some(&self.draft);
    }

    /// Makes sure the selection names an existing paragraph (the first one otherwise).
    pub fn fix_selection(&mut self) {
        let exists = self
            .selected
            .as_ref()
            .is_some_and(|id| self.draft.document.find(id).is_some());
        if !exists {
            self.selected = self.order().first().cloned();
        }
    }

    /// The label of the latest frozen revision, for the status bar.
    pub fn revision_label(&self) -> Option<&str> {
        self.draft.revisions.last().map(|r| r.label.as_str())
    }

    /// What is typed in an open paragraph editor or header form and differs from the draft.
    pub fn pending(&self) -> Option<Pending> {
        if let Some(ed) = &self.editor {
            let (lead, text) = (ed.lead_value(), ed.text_value());
            let same = self
                .draft
                .document
                .find(&ed.target)
                .is_some_and(|p| p.lead == lead && p.text == text);
            let footnotes: Vec<(Id, String)> = ed
                .footnotes
                .iter()
                .filter(|f| f.new || f.value() != f.original)
                .map(|f| (f.id.clone(), f.value()))
                .collect();
            return (!same || !footnotes.is_empty()).then(|| Pending::Paragraph {
                id: ed.target.clone(),
                lead,
                text,
                footnotes,
            });
        }
        if let Some(form) = &self.form {
            let doc = &self.draft.document;
            let (header, body) = form.result(&doc.header);
            return (header != doc.header || body != doc.authoring_body).then(|| Pending::Header {
                header: Box::new(header),
                body,
            });
        }
        None
    }

    /// Whether anything would be lost if the editor ended now: unsaved changes or text typed
    /// into an open popup.
    pub fn has_unsaved_work(&self) -> bool {
        self.dirty || self.pending().is_some()
    }

    /// The draft with everything typed so far, committed or not: what a recovery copy holds.
    pub fn work(&self) -> Draft {
        let mut draft = self.draft.clone();
        if let Some(p) = self.pending() {
            p.apply_to(&mut draft);
        }
        draft
    }

    /// This editor's recovery copy, if it keeps one.
    pub fn recovery_file(&self) -> Option<&Path> {
        self.recovery.as_ref().map(|s| s.copy.as_path())
    }

    /// Removes this editor's recovery copy and those it took over (after a save, or a quit
    /// that discards the changes).
    pub fn discard_recovery(&mut self) {
        if let Some(f) = self.recovery_file() {
            recovery::discard(f);
        }
        for f in self.adopted.drain(..) {
            recovery::discard(&f);
        }
    }

    /// The file name shown in the status bar.
    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.path.display().to_string())
    }
}
