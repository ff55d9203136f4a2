//! The one-line prompt at the bottom of the screen: `/` searches (matches follow as you
//! type, Enter keeps them for n/N), `:` goes to a place (OP12, PP3, 12(b), fn 4, a heading,
//! an annex). Esc puts the selection back where it was.

use super::action::Action;
use super::app::App;
use crate::model::Id;
use ratatui::style::Style;
use ratatui_textarea::TextArea;

/// What the prompt is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Search,
    GoTo,
}

impl Kind {
    /// The character shown before the input.
    pub fn sigil(self) -> &'static str {
        match self {
            Kind::Search => "/",
            Kind::GoTo => ":",
        }
    }
}

/// An open prompt.
pub struct Prompt {
    pub kind: Kind,
    pub input: TextArea<'static>,
    /// The selection when the prompt opened (Esc returns to it).
    pub origin: Option<Id>,
}

impl Prompt {
    pub fn value(&self) -> String {
        self.input.lines().join(" ")
    }
}

/// Opens the prompt.
pub fn open(app: &mut App, kind: Kind) {
    let mut input = TextArea::default();
    input.set_style(app.theme.status);
    input.set_cursor_line_style(Style::default());
    input.set_cursor_style(app.theme.cursor);
    app.prompt = Some(Prompt {
        kind,
        input,
        origin: app.selected.clone(),
    });
    app.message = None;
}

/// After a key typed into the prompt: a search follows what is typed.
pub fn typed(app: &mut App) {
    let Some(p) = &app.prompt else {
        return;
    };
    if p.kind == Kind::Search {
        let (q, origin) = (p.value(), p.origin.clone());
        super::search::run(app, &q, origin.as_ref());
    }
}

/// Enter or Esc in the prompt.
pub fn perform(app: &mut App, action: Action) {
    let Some(p) = app.prompt.take() else {
        return;
    };
    let value = p.value();
    match (action, p.kind) {
        (Action::Commit, Kind::Search) => {
            if value.trim().is_empty() {
                app.search = None;
                app.say("Search cleared");
            } else {
                super::search::run(app, &value, p.origin.as_ref());
            }
        }
        (Action::Commit, Kind::GoTo) => match value.trim_start().strip_prefix("amend ") {
            Some(path) => super::amendments::open_file(app, path),
            None => super::goto::go(app, &value),
        },
        (Action::Cancel, kind) => {
            if kind == Kind::Search {
                app.search = None;
            }
            if let Some(id) = p.origin {
                app.selected = Some(id);
                app.scroll.follow = true;
            }
            app.message = None;
        }
        _ => app.prompt = Some(p),
    }
}
