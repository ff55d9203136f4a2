//! Key-sequence tests of issue 15 §2, writing: opening-phrase completion that never leaves
//! text in the lead field, `o`/`a`/`A`, merge punctuation, Ctrl-G keeping the selection,
//! footnotes in the paragraph editor, two revisions compared, and import warnings. Keys go
//! through the keymap and the update loop exactly as in the terminal (tests/common/tui.rs).

mod common;

use common::tui::{
    ctrl, gardens, gardens_app as app, key, keys, message as msg, select, selected as sel,
};
use ratatui::crossterm::event::KeyCode;
use resdraft::model::{Draft, Id};
use resdraft::tui::app::{App, Mode};
use resdraft::tui::dialog::Dialog;
use resdraft::tui::storage::Dirs;
use resdraft::tui::{Options, prepare};

fn op(app: &App, i: usize) -> (String, String) {
    let p = &app.draft.document.operative[i];
    (p.lead.clone(), p.text.clone())
}

/// The trap of the issue: a completion taken with Tab left the cursor in the opening
/// phrase, so the text went there (`lead = "Decidesto remain seized of the matter"`).
#[test]
fn tab_takes_the_completion_and_moves_to_the_text() {
    let mut app = app();
    select(&mut app, "p6");
    keys(&mut app, "o");
    keys(&mut app, "Decid");
    key(&mut app, KeyCode::Tab);
    keys(&mut app, "to remain seized of the matter");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Normal);
    let (lead, text) = op(&app, 4);
    assert_eq!(lead, "Decides");
    assert_eq!(text, "to remain seized of the matter.");
    assert_eq!(sel(&app), app.draft.document.operative[4].id.as_str());
}

/// Typing the phrase in full and a space moves on too; a second Tab is no trap.
#[test]
fn space_after_a_whole_phrase_moves_to_the_text() {
    let mut app = app();
    select(&mut app, "p6");
    keys(&mut app, "odecides to remain seized of the matter");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        op(&app, 4),
        ("Decides".into(), "to remain seized of the matter.".into())
    );
    // Tab, then Tab again: still in the text.
    select(&mut app, "p3");
    keys(&mut app, "oInvit");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    keys(&mut app, "all cities to share");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        op(&app, 1),
        ("Invites".into(), "all cities to share;".into())
    );
}

/// Multi-word phrases complete word by word; what is typed past a phrase goes to the text.
#[test]
fn words_typed_past_a_phrase_flow_into_the_text() {
    let mut app = app();
    select(&mut app, "p3");
    keys(&mut app, "oTakes note of the report");
    key(&mut app, KeyCode::Enter);
    // The listed phrase is "Takes note" ("… with appreciation" and others continue it).
    assert_eq!(op(&app, 1), ("Takes note".into(), "of the report;".into()));
    // The same for a preambular paragraph.
    select(&mut app, "p1");
    keys(&mut app, "pbearing in mind that gardens matter");
    key(&mut app, KeyCode::Enter);
    let p = &app.draft.document.preamble[1];
    assert_eq!(p.lead, "Bearing in mind");
    assert_eq!(p.text, "that gardens matter,");
}

/// `o` on a sub-paragraph inserts after its paragraph; on the preamble, before OP 1.
#[test]
fn o_inserts_an_operative_paragraph_where_expected() {
    let mut app = app();
    select(&mut app, "s2");
    keys(&mut app, "oUrges");
    key(&mut app, KeyCode::Tab);
    keys(&mut app, "all to act");
    key(&mut app, KeyCode::Enter);
    assert_eq!(op(&app, 2).0, "Urges");
    select(&mut app, "p2");
    keys(&mut app, "oNotes");
    key(&mut app, KeyCode::Tab);
    keys(&mut app, "progress");
    key(&mut app, KeyCode::Enter);
    assert_eq!(op(&app, 0).0, "Notes");
}

/// `a` on (b) adds (c), opening on its text; `A` goes a level deeper.
#[test]
fn a_adds_the_next_sibling_and_capital_a_goes_deeper() {
    let mut app = app();
    select(&mut app, "s2");
    key(&mut app, KeyCode::Char('a'));
    assert_eq!(app.mode(), Mode::Editor);
    keys(&mut app, "to report back");
    key(&mut app, KeyCode::Enter);
    let subs = &app.draft.document.operative[1].subparagraphs;
    assert_eq!(subs.len(), 3);
    assert_eq!(subs[2].lead, "");
    assert!(subs[2].text.starts_with("to report back"), "{:?}", subs[2]);
    select(&mut app, "s1");
    key(&mut app, KeyCode::Char('A'));
    keys(&mut app, "in schools");
    key(&mut app, KeyCode::Enter);
    let subs = &app.draft.document.operative[1].subparagraphs;
    assert_eq!(subs.len(), 3);
    assert_eq!(subs[0].subparagraphs.len(), 1);
    assert!(subs[0].subparagraphs[0].text.starts_with("in schools"));
}

/// `m` merges with the punctuation right: no "planning; green".
#[test]
fn merge_puts_the_punctuation_right() {
    let mut app = app();
    // OP 3 ends "district;", OP 4 opens "Requests".
    select(&mut app, "p5");
    key(&mut app, KeyCode::Char('m'));
    let (_, text) = op(&app, 2);
    assert_eq!(
        text,
        "green spaces in every district, requests the Secretary-General to report on paragraph 2 above."
    );
    assert!(!text.contains(';'), "{text}");
}

/// Ctrl-G on a new paragraph puts the selection back where it was, so the next `o`
/// inserts in the same place.
#[test]
fn ctrl_g_keeps_the_selection() {
    let mut app = app();
    select(&mut app, "p5");
    keys(&mut app, "o");
    ctrl(&mut app, 'g');
    assert_eq!(app.mode(), Mode::Normal);
    assert_eq!(sel(&app), "p5");
    assert_eq!(app.draft.document.operative.len(), 4);
    // Editing and cancelling an existing paragraph keeps it selected too.
    key(&mut app, KeyCode::Enter);
    keys(&mut app, " more");
    ctrl(&mut app, 'g');
    assert_eq!(sel(&app), "p5");
    // Esc commits and stays.
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Esc);
    assert_eq!(sel(&app), "p5");
}

/// Footnotes in the paragraph editor: added at the cursor, edited, deleted; numbers follow.
#[test]
fn footnotes_are_added_edited_and_deleted_in_the_editor() {
    let mut app = app();
    select(&mut app, "p3");
    key(&mut app, KeyCode::Enter);
    // The cursor is at the end of the text: before the semicolon.
    key(&mut app, KeyCode::Left);
    ctrl(&mut app, 'f');
    keys(&mut app, "See the report of UN-Habitat.");
    key(&mut app, KeyCode::Enter);
    let doc = &app.draft.document;
    assert_eq!(doc.footnotes.len(), 2);
    let new = doc
        .footnotes
        .iter()
        .find(|f| f.id.as_str() != "f1")
        .unwrap()
        .clone();
    assert_eq!(new.text, "See the report of UN-Habitat.");
    assert_eq!(new.anchor, Id::new("p3"));
    let text = &doc.operative[0].text;
    assert!(
        text.ends_with(&format!("planning[^{}];", new.id.as_str())),
        "{text}"
    );
    let numbers = resdraft::numbering::footnote_numbers(doc);
    assert_eq!(numbers[&Id::new("f1")], 1);
    assert_eq!(numbers[&new.id], 2);
    // Edit it: Tab goes from the text to the footnote.
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Tab);
    keys(&mut app, " Revised.");
    key(&mut app, KeyCode::Enter);
    let f = app.draft.document.footnote(&new.id).unwrap();
    assert_eq!(f.text, "See the report of UN-Habitat. Revised.");
    // Delete it with its marker; undo brings both back.
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Tab);
    ctrl(&mut app, 'd');
    key(&mut app, KeyCode::Enter);
    assert!(app.draft.document.footnote(&new.id).is_none());
    assert_eq!(
        op(&app, 0).1,
        "the work of local authorities on urban planning;"
    );
    key(&mut app, KeyCode::Char('u'));
    assert!(app.draft.document.footnote(&new.id).is_some());
    assert!(op(&app, 0).1.contains(&format!("[^{}]", new.id.as_str())));
}

/// A footnote typed and not yet committed is unsaved work: the recovery copy keeps it.
#[test]
fn the_recovery_copy_keeps_an_uncommitted_footnote() {
    let mut app = app();
    select(&mut app, "p3");
    key(&mut app, KeyCode::Enter);
    ctrl(&mut app, 'f');
    keys(&mut app, "Kept.");
    assert!(app.has_unsaved_work());
    let work = app.work();
    let f = work
        .document
        .footnotes
        .iter()
        .find(|f| f.text == "Kept.")
        .expect("kept");
    let text = &work.document.operative[0].text;
    assert!(text.contains(&format!("[^{}]", f.id.as_str())), "{text}");
}

/// A footnote added in a paragraph before another footnote's takes number 1.
#[test]
fn footnote_numbers_follow_the_markers() {
    let mut app = app();
    select(&mut app, "p1");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Home);
    for _ in 0.."its resolution".len() {
        key(&mut app, KeyCode::Right);
    }
    ctrl(&mut app, 'f');
    keys(&mut app, "Adopted in 2024.");
    key(&mut app, KeyCode::Enter);
    let doc = &app.draft.document;
    let numbers = resdraft::numbering::footnote_numbers(doc);
    assert_eq!(numbers[&Id::new("f1")], 2, "{:?}", doc.preamble[0].text);
}

/// Any two revisions: r, pick the older, then the newer (or the current text).
#[test]
fn two_revisions_are_compared() {
    let mut app = app();
    for (label, edit) in [("L.7", "p3"), ("L.7/Rev.1", "p5")] {
        key(&mut app, KeyCode::Char('F'));
        for _ in 0..20 {
            key(&mut app, KeyCode::Backspace);
        }
        keys(&mut app, label);
        key(&mut app, KeyCode::Enter);
        select(&mut app, edit);
        key(&mut app, KeyCode::Enter);
        keys(&mut app, " and more");
        key(&mut app, KeyCode::Enter);
    }
    assert_eq!(app.draft.revisions.len(), 2);
    key(&mut app, KeyCode::Char('r'));
    key(&mut app, KeyCode::Up); // L.7
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Up); // L.7/Rev.1 (below it: the current text)
    key(&mut app, KeyCode::Enter);
    let c = app
        .revision_view
        .as_ref()
        .expect("the revision view is open");
    assert_eq!(c.view.old_name, "L.7");
    assert_eq!(c.view.new_name, "L.7/Rev.1");
    assert_eq!(c.new, Some(1));
    // Only p3 changed between the two.
    let changed: Vec<_> = c
        .view
        .comparison
        .changes
        .iter()
        .filter(|e| e.is_change())
        .filter_map(|e| e.id().map(|i| i.as_str().to_string()))
        .collect();
    assert_eq!(changed, vec!["p3"]);
    key(&mut app, KeyCode::Esc);
    // R: the latest revision with the current text, one key.
    key(&mut app, KeyCode::Char('R'));
    let c = app.revision_view.as_ref().unwrap();
    assert_eq!((c.view.old_name.as_str(), c.new), ("L.7/Rev.1", None));
}

/// Import warnings are listed (W) and Enter jumps to the paragraph of each.
#[test]
fn import_warnings_jump_to_their_paragraph() {
    let doc = gardens();
    let source = "The General Assembly,\n\nRecalling its resolution 98/12 on urban gardens,\n\n\
                  1. Welcomes the work of local authorities on urban planning;\n\n\
                  2. Encourages Member States:\n(a) to share good practices on gardens;\n";
    let warnings = vec![
        resdraft::import::Warning {
            line: 5,
            message: "a number was guessed".into(),
        },
        resdraft::import::Warning {
            line: 8,
            message: "an odd sub-paragraph label".into(),
        },
    ];
    let mut header_warning = warnings.clone();
    header_warning.push(resdraft::import::Warning {
        line: 1,
        message: "before the authoring body".into(),
    });
    let with_header = format!("Welcomes the work of local authorities on urban planning\n{source}");
    let tied = resdraft::tui::notices::tie(&doc, &with_header, &header_warning);
    assert_eq!(tied[2].paragraph, None, "a header line is no paragraph's");
    let notices = resdraft::tui::notices::tie(&doc, source, &warnings);
    assert_eq!(notices[0].paragraph, Some(Id::new("p3")));
    assert_eq!(notices[1].paragraph, Some(Id::new("s1")));
    let mut opts = Options::new(Draft::new(doc), std::env::temp_dir().join("w.toml"), None);
    opts.imported_from = Some("x.txt".into());
    opts.notices = notices;
    let mut app = prepare(
        opts,
        Dirs {
            config: None,
            data: None,
        },
    )
    .0;
    assert!(
        msg(&app).contains("2 import warnings: W lists them"),
        "{}",
        msg(&app)
    );
    key(&mut app, KeyCode::Char('W'));
    assert!(matches!(app.dialog, Some(Dialog::Notices { .. })));
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    assert_eq!(sel(&app), "s1");
    assert!(msg(&app).contains("OP 2 (a)"), "{}", msg(&app));
}
