//! Helpers of the editor's tests: an editor opened on a draft (with no configuration or data
//! directories, or with both in a temporary directory), keys sent through the keymap and the
//! update loop exactly as in the terminal, what the editor shows (selection, message), and the
//! screen drawn on ratatui's test backend, as characters or as an insta snapshot.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use resdraft::draftfile;
use resdraft::model::{DocKind, Document, Draft, Footnote, Id, Paragraph};
use resdraft::tui::app::App;
use resdraft::tui::storage::Dirs;
use resdraft::tui::{Options, input, prepare, view};
use std::path::{Path, PathBuf};

/// Our own small draft of the drafting tests (A/C.2/99/L.7): two preambular paragraphs, four operative ones, the second with
/// sub-paragraphs (a) and (b), a footnote in the first preambular paragraph.
pub fn gardens() -> Document {
    let mut doc = Document::new(DocKind::Resolution);
    doc.header.symbol = "A/C.2/99/L.7".into();
    doc.header.title = "Community gardens for sustainable cities".into();
    doc.authoring_body = "The General Assembly".into();
    doc.preamble = vec![
        para(
            "p1",
            "Recalling",
            "its resolution 98/12 on urban gardens,[^f1]",
        ),
        para(
            "p2",
            "Noting",
            "the growing interest of cities in shared green spaces,",
        ),
    ];
    let mut p4 = para("p4", "Encourages", "Member States:");
    p4.subparagraphs = vec![
        para("s1", "", "to share good practices on gardens;"),
        para("s2", "", "to involve local communities;"),
    ];
    doc.operative = vec![
        para(
            "p3",
            "Welcomes",
            "the work of local authorities on urban planning;",
        ),
        p4,
        para("p5", "", "green spaces in every district;"),
        para(
            "p6",
            "Requests",
            "the Secretary-General to report on paragraph 2 above.",
        ),
    ];
    doc.footnotes = vec![Footnote {
        id: Id::new("f1"),
        anchor: Id::new("p1"),
        text: "See A/98/100 on Gardens.".into(),
    }];
    doc
}

/// An editor on [`gardens`] (said to be in the temporary directory, not written), dark theme,
/// no configuration or data directories.
pub fn gardens_app() -> App {
    let path = std::env::temp_dir().join("resdraft-drafting-test.toml");
    app_for(Draft::new(gardens()), path, "dark")
}

/// A paragraph with id, opening phrase and text.
pub fn para(id: &str, lead: &str, text: &str) -> Paragraph {
    Paragraph::new(Id::new(id), lead, text)
}

/// The sample draft of the repository (drafts/sample-resolution.toml).
pub fn sample_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("drafts/sample-resolution.toml")
}

/// The sample draft, loaded.
pub fn sample_draft() -> Draft {
    draftfile::load(&sample_path()).expect("the sample draft loads")
}

/// An editor on `draft` (said to be at `path`, which is not written) with theme `theme` and no
/// configuration or data directories (no recovery copies, no user keymap).
pub fn app_for(draft: Draft, path: PathBuf, theme: &str) -> App {
    let dirs = Dirs {
        config: None,
        data: None,
    };
    prepare(Options::new(draft, path, Some(theme.into())), dirs).0
}

/// The configuration and data directories of an editor inside `dir`.
pub fn dirs_in(dir: &Path) -> Dirs {
    Dirs {
        config: Some(dir.join("config")),
        data: Some(dir.join("data")),
    }
}

/// An editor on `draft`, saved first as `dir/draft.toml`, with its configuration and data
/// directories in `dir` (the dark theme).
pub fn app_in(dir: &Path, draft: Draft) -> App {
    let path = dir.join("draft.toml");
    draftfile::save(&path, &draft).expect("the draft saves");
    prepare(Options::new(draft, path, Some("dark".into())), dirs_in(dir)).0
}

/// Sends one key with no modifier.
pub fn key(app: &mut App, code: KeyCode) {
    input::handle_key(app, KeyEvent::new(code, KeyModifiers::NONE));
}

/// Sends Ctrl and a letter.
pub fn ctrl(app: &mut App, c: char) {
    input::handle_key(app, KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

/// Types `s`, one key a character.
pub fn keys(app: &mut App, s: &str) {
    for c in s.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// Selects paragraph `id` directly (not through keys).
pub fn select(app: &mut App, id: &str) {
    app.selected = Some(Id::new(id));
}

/// Selects paragraph `id` as a user does: Home, then `j` until it is selected.
pub fn walk_to(app: &mut App, id: &str) {
    key(app, KeyCode::Home);
    for _ in 0..20 {
        if app.selected.as_ref().map(|i| i.as_str()) == Some(id) {
            return;
        }
        key(app, KeyCode::Char('j'));
    }
    panic!("{id} not reachable");
}

/// The id of the selected paragraph ("" when none is).
pub fn selected(app: &App) -> String {
    app.selected
        .as_ref()
        .map(|i| i.as_str().to_string())
        .unwrap_or_default()
}

/// The ids of the operative paragraphs, in order.
pub fn op_ids(app: &App) -> Vec<String> {
    let ops = &app.draft.document.operative;
    ops.iter().map(|p| p.id.as_str().to_string()).collect()
}

/// The message shown in the status bar ("" when none is).
pub fn message(app: &App) -> String {
    app.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

/// The editor drawn on a `w`×`h` test terminal.
pub fn draw(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| view::draw(f, app)).unwrap();
    term
}

/// The characters of a drawn screen, a line a row.
pub fn screen(term: &Terminal<TestBackend>) -> String {
    let buf = term.backend().buffer();
    let mut s = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            s.push_str(buf[(x, y)].symbol());
        }
        s.push('\n');
    }
    s
}

/// Snapshots a drawn screen; the number of check findings (which follows the editorial
/// check's rules, not the editor) is redacted.
#[allow(unused_macros)]
macro_rules! snap {
    ($name:expr, $term:expr) => {
        insta::with_settings!({filters => vec![(r"\d+ findings?", "[n] findings")]}, {
            insta::assert_snapshot!($name, $term.backend());
        })
    };
}
#[allow(unused_imports)]
pub(crate) use snap;
