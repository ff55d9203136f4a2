//! Key-sequence tests: keys go through the editor's keymap and update loop exactly as in the
//! terminal, and the resulting document (numbers, cross-references, punctuation) and the file
//! on disk are checked.

mod common;

use common::tui::{ctrl, key, keys, op_ids, para, walk_to};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use resdraft::draftfile;
use resdraft::model::{DocKind, Document, Draft};
use resdraft::numbering;
use resdraft::tui::app::{App, Mode};
use resdraft::tui::input;
use std::path::Path;

/// A small draft of our own: two preambular and three operative paragraphs, the last one
/// referring to operative paragraph 2.
fn document() -> Document {
    let mut doc = Document::new(DocKind::Resolution);
    doc.header.symbol = "A/C.2/99/L.1".into();
    doc.header.title = "Community gardens for sustainable cities".into();
    doc.authoring_body = "The General Assembly".into();
    doc.preamble = vec![
        para(
            "p1",
            "Recalling",
            "its resolution 98/12 on urban agriculture,",
        ),
        para(
            "p2",
            "Noting",
            "the growing interest of cities in shared green spaces,",
        ),
    ];
    doc.operative = vec![
        para(
            "p3",
            "Welcomes",
            "the work of local authorities on community gardens;",
        ),
        para("p4", "Encourages", "Member States to share good practices;"),
        para(
            "p5",
            "Requests",
            "the Secretary-General to report on the implementation of paragraph 2 above.",
        ),
    ];
    doc
}

/// An editor on [`document`], saved in `dir`.
fn app_in(dir: &Path) -> App {
    common::tui::app_in(dir, Draft::new(document()))
}

fn op_texts(app: &App) -> Vec<String> {
    app.draft
        .document
        .operative
        .iter()
        .map(|p| p.full_text())
        .collect()
}

#[test]
fn insert_operative_renumbers_and_updates_reference() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    walk_to(&mut app, "p3");
    key(&mut app, KeyCode::Char('o'));
    assert_eq!(app.mode(), Mode::Editor);
    keys(&mut app, "Invites");
    key(&mut app, KeyCode::Tab);
    keys(&mut app, "all cities to open their gardens to schools");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Normal);
    let ops = op_texts(&app);
    assert_eq!(ops.len(), 4);
    assert_eq!(app.draft.document.operative[1].lead, "Invites");
    assert!(ops[1].starts_with("Invites all cities"), "{ops:?}");
    assert!(
        ops[1].ends_with(';'),
        "new paragraph gets a semicolon: {ops:?}"
    );
    // Former paragraph 2 is now paragraph 3: the reference follows.
    assert!(ops[3].contains("paragraph 3 above"), "{ops:?}");
    assert!(ops[3].ends_with('.'), "{ops:?}");
    assert!(app.dirty);
}

#[test]
fn edit_commit_and_cancel() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    walk_to(&mut app, "p4");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Editor);
    // Cursor is at the end of the text: remove ";" and "practices", type new words.
    for _ in 0.."practices;".len() {
        key(&mut app, KeyCode::Backspace);
    }
    keys(&mut app, "experience");
    key(&mut app, KeyCode::Enter);
    let p = &app.draft.document.operative[1];
    assert_eq!(p.lead, "Encourages");
    assert!(
        p.text.starts_with("Member States to share good experience"),
        "{}",
        p.text
    );
    assert!(p.text.ends_with(';'), "punctuation restored: {}", p.text);
    // Cancel leaves the text alone.
    let before = app.draft.document.clone();
    key(&mut app, KeyCode::Enter);
    keys(&mut app, " discarded words");
    ctrl(&mut app, 'g');
    assert_eq!(app.mode(), Mode::Normal);
    assert_eq!(app.draft.document, before);
}

#[test]
fn move_up_keeps_selection_and_fixes_references() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    walk_to(&mut app, "p4");
    key(&mut app, KeyCode::Char('K'));
    let ids = op_ids(&app);
    assert_eq!(ids, ["p4", "p3", "p5"]);
    assert_eq!(app.selected.as_ref().unwrap().as_str(), "p4");
    // "paragraph 2" meant p4, which is now paragraph 1.
    let ops = op_texts(&app);
    assert!(ops[2].contains("paragraph 1 above"), "{ops:?}");
    // Alt-↓ moves it back.
    input::handle_key(&mut app, KeyEvent::new(KeyCode::Down, KeyModifiers::ALT));
    let ids = op_ids(&app);
    assert_eq!(ids, ["p3", "p4", "p5"]);
    assert!(op_texts(&app)[2].contains("paragraph 2 above"));
}

#[test]
fn demote_and_promote() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    walk_to(&mut app, "p4");
    key(&mut app, KeyCode::Char('>'));
    let doc = &app.draft.document;
    assert_eq!(doc.operative.len(), 2);
    assert_eq!(doc.operative[0].subparagraphs[0].id.as_str(), "p4");
    let loc = doc.locate(&resdraft::model::Id::new("p4")).unwrap();
    assert_eq!(numbering::describe(doc, &loc), "operative paragraph 1 (a)");
    // The reference to the demoted paragraph now names it as a sub-paragraph.
    let last = doc.operative[1].full_text();
    assert!(last.contains("paragraph 1 (a) above"), "{last}");
    key(&mut app, KeyCode::Char('<'));
    assert_eq!(app.draft.document.operative.len(), 3);
    assert!(op_texts(&app)[2].contains("paragraph 2 above"));
}

#[test]
fn delete_undo_redo() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    let original = app.draft.document.clone();
    walk_to(&mut app, "p3");
    key(&mut app, KeyCode::Char('d'));
    let after_delete = app.draft.document.clone();
    assert_eq!(after_delete.operative.len(), 2);
    assert_eq!(app.selected.as_ref().unwrap().as_str(), "p4");
    assert!(
        op_texts(&app)[1].contains("paragraph 1 above"),
        "{:?}",
        op_texts(&app)
    );
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(app.draft.document, original);
    ctrl(&mut app, 'r');
    assert_eq!(app.draft.document, after_delete);
    // Unlimited undo back to the start; back at the saved text, nothing is unsaved.
    assert!(app.dirty);
    key(&mut app, KeyCode::Char('u'));
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(app.draft.document, original);
    assert!(!app.dirty);
}

#[test]
fn save_writes_the_file_and_asks_when_changed_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    walk_to(&mut app, "p5");
    key(&mut app, KeyCode::Char('K'));
    ctrl(&mut app, 's');
    assert!(!app.dirty, "{:?}", app.message);
    let on_disk = draftfile::load(&dir.path().join("draft.toml")).unwrap();
    assert_eq!(on_disk.document, app.draft.document);
    // Someone else changes the file: saving asks first.
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(dir.path().join("draft.toml"), "# changed elsewhere\n").unwrap();
    key(&mut app, KeyCode::Char('d'));
    ctrl(&mut app, 's');
    assert_eq!(app.mode(), Mode::Dialog);
    key(&mut app, KeyCode::Char('n'));
    assert!(app.dirty);
    ctrl(&mut app, 's');
    key(&mut app, KeyCode::Char('y'));
    assert!(!app.dirty);
    let on_disk = draftfile::load(&dir.path().join("draft.toml")).unwrap();
    assert_eq!(on_disk.document.operative.len(), 2);
}

#[test]
fn quit_asks_when_unsaved() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    key(&mut app, KeyCode::Char('q'));
    assert!(app.should_quit, "nothing unsaved: quits at once");
    let mut app = app_in(dir.path());
    walk_to(&mut app, "p3");
    key(&mut app, KeyCode::Char('d'));
    key(&mut app, KeyCode::Char('q'));
    assert!(!app.should_quit);
    assert_eq!(app.mode(), Mode::Dialog);
    key(&mut app, KeyCode::Esc);
    assert!(!app.should_quit);
    key(&mut app, KeyCode::Char('q'));
    key(&mut app, KeyCode::Char('y'));
    assert!(app.should_quit);
    let on_disk = draftfile::load(&dir.path().join("draft.toml")).unwrap();
    assert_eq!(on_disk.document.operative.len(), 2, "saved before quitting");
}

#[test]
fn completion_offers_standard_phrases() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    walk_to(&mut app, "p1");
    key(&mut app, KeyCode::Char('p'));
    keys(&mut app, "recog");
    let cands = app.editor.as_ref().unwrap().candidates();
    assert!(
        cands.iter().any(|c| c.starts_with("Recognizing")),
        "{cands:?}"
    );
    key(&mut app, KeyCode::Tab);
    let lead = app.editor.as_ref().unwrap().lead_value();
    assert!(lead.starts_with("Recogniz"), "{lead}");
    key(&mut app, KeyCode::Tab);
    keys(&mut app, "the role of volunteers");
    key(&mut app, KeyCode::Enter);
    let p = &app.draft.document.preamble[1];
    assert!(p.lead.starts_with("Recogniz"));
    assert!(
        p.text.ends_with(','),
        "preambular paragraphs end with a comma: {}",
        p.text
    );
}

#[test]
fn split_in_the_editor_and_merge() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    walk_to(&mut app, "p3");
    key(&mut app, KeyCode::Enter);
    // Move the cursor to just before "on community gardens".
    key(&mut app, KeyCode::Home);
    for _ in 0.."the work of local authorities ".chars().count() {
        key(&mut app, KeyCode::Right);
    }
    ctrl(&mut app, 't');
    assert_eq!(app.mode(), Mode::Normal);
    assert_eq!(app.draft.document.operative.len(), 4, "{:?}", app.message);
    assert!(
        op_texts(&app)[3].contains("paragraph 3 above"),
        "{:?}",
        op_texts(&app)
    );
    walk_to(&mut app, "p3");
    key(&mut app, KeyCode::Char('m'));
    assert_eq!(app.draft.document.operative.len(), 3);
    assert!(op_texts(&app)[2].contains("paragraph 2 above"));
}

/// Issue 9 §4: text that looks like markup, typed into the paragraph editor, is kept as the
/// characters typed and the saved draft loads again.
#[test]
fn typed_markup_is_kept_as_text_and_the_draft_reloads() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    walk_to(&mut app, "p4");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Backspace);
    keys(&mut app, " see note [^f9] and a * star;");
    key(&mut app, KeyCode::Enter);
    let msg = app
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default();
    assert!(msg.contains("names no footnote"), "{msg}");
    let text = app.draft.document.operative[1].text.clone();
    assert_eq!(
        resdraft::markup::strip(&text),
        "Member States to share good practices see note [^f9] and a * star;"
    );
    ctrl(&mut app, 's');
    assert!(!app.dirty, "{:?}", app.message);
    let on_disk = draftfile::load(&dir.path().join("draft.toml")).unwrap();
    assert_eq!(on_disk.document, app.draft.document);
    // Split at the cursor after such text keeps the words where they were typed.
    walk_to(&mut app, "p3");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::End);
    keys(&mut app, " [^x]");
    for _ in 0.." [^x]".len() {
        key(&mut app, KeyCode::Left);
    }
    ctrl(&mut app, 't');
    let ops = op_texts(&app);
    assert!(
        ops[0].starts_with("Welcomes the work of local authorities on community gardens"),
        "{ops:?}"
    );
    assert_eq!(
        resdraft::markup::strip(&app.draft.document.operative[1].text),
        "[^x];"
    );
    ctrl(&mut app, 's');
    draftfile::load(&dir.path().join("draft.toml")).unwrap();
}

/// Issue 9 §5: deleting a paragraph that another one refers to marks the reference as
/// dangling, says so in the status bar and `check` reports it; it never names the paragraph
/// that takes the number.
#[test]
fn deleting_a_referenced_paragraph_marks_the_reference_dangling() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    walk_to(&mut app, "p4");
    key(&mut app, KeyCode::Char('d'));
    let text = app.draft.document.operative[1].text.clone();
    assert!(text.contains("paragraph [deleted: 2] above"), "{text}");
    let msg = app.message.as_ref().unwrap();
    assert!(msg.error && msg.text.contains("deleted"), "{:?}", msg.text);
    let findings = resdraft::check::check(&app.draft.document);
    assert!(
        findings.iter().any(|f| f.rule == "dangling-reference"
            && f.message.contains("paragraph [deleted: 2] above")),
        "{findings:?}"
    );
    key(&mut app, KeyCode::Char('u'));
    assert!(op_texts(&app)[2].contains("paragraph 2 above"));
}
