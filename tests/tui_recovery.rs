//! Recovery copies in the editor: what is typed into an open paragraph editor counts as
//! unsaved work, Esc on the recovery question keeps the copy, and saving refuses a read-only
//! draft. Driven through the editor's keymap and update loop as in the terminal.

mod common;

use common::tui::{dirs_in as dirs, key, keys};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use resdraft::draftfile;
use resdraft::model::{DocKind, Document, Draft, Id, Paragraph};
use resdraft::tui::app::{App, Mode};
use resdraft::tui::storage::recovery;
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

/// Types `text` at the end of the first paragraph and commits it.
fn edit_first(app: &mut App, text: &str) {
    key(app, KeyCode::Home);
    key(app, KeyCode::Enter);
    keys(app, text);
    key(app, KeyCode::Enter);
    assert!(app.dirty);
}

#[test]
fn two_editors_on_one_draft_keep_a_copy_each_and_both_are_offered() {
    let dir = tempfile::tempdir().unwrap();
    let path = draft_in(dir.path());
    let mut a = open(dir.path(), &path);
    let mut b = open(dir.path(), &path);
    assert!(
        b.message
            .as_ref()
            .is_some_and(|m| m.text.contains("also open in another editor")),
        "{:?}",
        b.message
    );
    edit_first(&mut a, " from editor A");
    edit_first(&mut b, " from editor B");
    let (ra, rb) = (
        a.recovery_file().unwrap().to_path_buf(),
        b.recovery_file().unwrap().to_path_buf(),
    );
    assert_ne!(ra, rb, "each editor has its own recovery copy");
    recovery::write(&ra, &a.work()).unwrap();
    recovery::write(&rb, &b.work()).unwrap();
    // B quits without saving: its copy goes, A's stays.
    key(&mut b, KeyCode::Char('q'));
    key(&mut b, KeyCode::Char('n'));
    assert!(b.should_quit);
    assert!(!rb.exists(), "B's own copy is discarded");
    assert!(ra.exists(), "B's quit must not destroy A's copy");
    drop(b);
    // A is killed (its session ends without cleaning up); a new editor offers A's copy.
    a.recovery.take().unwrap().abandon();
    drop(a);
    let mut c = open(dir.path(), &path);
    assert_eq!(c.mode(), Mode::Dialog);
    key(&mut c, KeyCode::Char('y'));
    assert!(
        c.draft.document.preamble[0].text.contains("from editor A"),
        "{}",
        c.draft.document.preamble[0].text
    );
}

#[test]
fn every_copy_left_behind_is_offered_in_turn() {
    let dir = tempfile::tempdir().unwrap();
    let path = draft_in(dir.path());
    let mut left = Vec::new();
    for word in ["first", "second"] {
        let mut app = open(dir.path(), &path);
        edit_first(&mut app, &format!(" {word}"));
        let rec = app.recovery_file().unwrap().to_path_buf();
        recovery::write(&rec, &app.work()).unwrap();
        // Killed: the lock goes with the process, the copy stays.
        app.recovery.take().unwrap().abandon();
        left.push(rec);
    }
    let mut app = open(dir.path(), &path);
    assert_eq!(app.mode(), Mode::Dialog);
    key(&mut app, KeyCode::Esc);
    assert_eq!(
        app.mode(),
        Mode::Dialog,
        "the second copy is offered after the first"
    );
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Normal);
    assert!(left.iter().all(|p| p.exists()), "Esc keeps both");
}

#[test]
fn recovery_copies_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = draft_in(dir.path());
    let mut app = open(dir.path(), &path);
    edit_first(&mut app, " confidential");
    let rec = app.recovery_file().unwrap().to_path_buf();
    recovery::write(&rec, &app.work()).unwrap();
    let mode = std::fs::metadata(&rec).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "recovery copy is {mode:o}");
    let folder = std::fs::metadata(rec.parent().unwrap())
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(folder, 0o700, "recovery folder is {folder:o}");
}

#[test]
fn saving_over_a_read_only_draft_says_so() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = draft_in(dir.path());
    let mut app = open(dir.path(), &path);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&path).unwrap();
    edit_first(&mut app, " more");
    input::handle_key(
        &mut app,
        KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
    );
    let msg = app.message.clone().unwrap();
    assert!(msg.error && msg.text.contains("read-only"), "{msg:?}");
    assert!(app.dirty, "still unsaved");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the read-only draft is untouched"
    );
}
