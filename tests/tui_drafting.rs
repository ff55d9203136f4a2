//! Key-sequence tests of issue 15: what a drafter does all day, through the keymap and the
//! update loop exactly as in the terminal. Writing (opening-phrase completion that never
//! leaves text in the lead field, `o`/`a`/`A`, merge punctuation, Ctrl-G keeping the
//! selection, footnotes in the paragraph editor, two revisions compared, import warnings),
//! finding and moving (search, go to, counts), and messages naming paragraphs as drafters do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use resdraft::model::{DocKind, Document, Draft, Footnote, Id, Paragraph};
use resdraft::tui::app::{App, Mode};
use resdraft::tui::dialog::Dialog;
use resdraft::tui::storage::Dirs;
use resdraft::tui::{Options, input, prepare};

fn para(id: &str, lead: &str, text: &str) -> Paragraph {
    Paragraph::new(Id::new(id), lead, text)
}

/// Our own small draft: two preambular paragraphs, four operative ones, the second with
/// sub-paragraphs (a) and (b), a footnote in the first preambular paragraph.
fn document() -> Document {
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

fn app_with(doc: Document) -> App {
    let dir = std::env::temp_dir();
    let dirs = Dirs {
        config: None,
        data: None,
    };
    let opts = Options::new(
        Draft::new(doc),
        dir.join("resdraft-drafting-test.toml"),
        Some("dark".into()),
    );
    prepare(opts, dirs).0
}

fn app() -> App {
    app_with(document())
}

fn key(app: &mut App, code: KeyCode) {
    input::handle_key(app, KeyEvent::new(code, KeyModifiers::NONE));
}

fn ctrl(app: &mut App, c: char) {
    input::handle_key(app, KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

fn keys(app: &mut App, s: &str) {
    for c in s.chars() {
        key(app, KeyCode::Char(c));
    }
}

fn select(app: &mut App, id: &str) {
    app.selected = Some(Id::new(id));
}

fn sel(app: &App) -> String {
    app.selected
        .as_ref()
        .map(|i| i.as_str().to_string())
        .unwrap_or_default()
}

fn msg(app: &App) -> String {
    app.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

fn op(app: &App, i: usize) -> (String, String) {
    let p = &app.draft.document.operative[i];
    (p.lead.clone(), p.text.clone())
}

// ---- §2 Writing ----------------------------------------------------------------------

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
    let doc = document();
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

// ---- §1 Finding and moving ----------------------------------------------------------

#[test]
fn search_steps_through_matches_with_smart_case() {
    let mut app = app();
    keys(&mut app, "/gardens");
    key(&mut app, KeyCode::Enter);
    let s = app.search.as_ref().unwrap();
    // Title, p1, s1, and the footnote ("Gardens": case-insensitive).
    assert_eq!(s.matches.len(), 4, "{:?}", s.matches);
    // From the selection (PP 1) on: the title's match comes before it.
    assert_eq!(resdraft::tui::search::counter(s), "2/4");
    assert_eq!(sel(&app), "p1");
    keys(&mut app, "n");
    assert_eq!(sel(&app), "s1");
    keys(&mut app, "n");
    assert_eq!(
        sel(&app),
        "p1",
        "the footnote's match selects the paragraph with its marker"
    );
    assert!(msg(&app).contains("footnote 1"), "{}", msg(&app));
    keys(&mut app, "N");
    assert_eq!(sel(&app), "s1");
    // A capital makes it case-sensitive.
    keys(&mut app, "/Gardens");
    key(&mut app, KeyCode::Enter);
    let s = app.search.as_ref().unwrap();
    assert_eq!(s.matches.len(), 1);
    // Not found; Esc puts the selection back.
    select(&mut app, "p6");
    keys(&mut app, "/zebra");
    assert!(app.message.as_ref().unwrap().error);
    key(&mut app, KeyCode::Esc);
    assert_eq!(sel(&app), "p6");
    assert_eq!(app.mode(), Mode::Normal);
}

#[test]
fn go_to_places_as_drafters_name_them() {
    let mut app = app();
    for (typed, want) in [
        ("OP2", "p4"),
        ("pp 2", "p2"),
        ("4", "p6"),
        ("2(b)", "s2"),
        ("op 2 (a)", "s1"),
        ("fn 1", "p1"),
    ] {
        keys(&mut app, ":");
        keys(&mut app, typed);
        key(&mut app, KeyCode::Enter);
        assert_eq!(sel(&app), want, "{typed}: {}", msg(&app));
    }
    keys(&mut app, ":OP9");
    key(&mut app, KeyCode::Enter);
    assert!(app.message.as_ref().unwrap().error);
    assert_eq!(msg(&app), "There is no OP9 in this draft");
}

#[test]
fn counts_repeat_moves() {
    let mut app = app();
    select(&mut app, "p1");
    keys(&mut app, "3j");
    assert_eq!(sel(&app), "p4");
    select(&mut app, "p3");
    keys(&mut app, "3J");
    let ids: Vec<_> = app
        .draft
        .document
        .operative
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(ids, ["p4", "p5", "p6", "p3"]);
    assert_eq!(sel(&app), "p3");
    assert!(msg(&app).starts_with("Moved to OP 4; "), "{}", msg(&app));
    // The reference in former OP 4 (to paragraph 2, now 1) follows; one undo puts it back.
    key(&mut app, KeyCode::Char('u'));
    let ids: Vec<_> = app
        .draft
        .document
        .operative
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(ids, ["p3", "p4", "p5", "p6"]);
}

// ---- §3 Saying things right -----------------------------------------------------------

#[test]
fn messages_name_paragraphs_not_ids() {
    let mut app = app();
    select(&mut app, "p3");
    key(&mut app, KeyCode::Char('K'));
    assert_eq!(msg(&app), "OP 1 is already the first of its list");
    select(&mut app, "s2");
    key(&mut app, KeyCode::Char('J'));
    assert_eq!(msg(&app), "OP 2 (b) is already the last of its list");
    select(&mut app, "p6");
    key(&mut app, KeyCode::Char('m'));
    assert!(
        msg(&app).starts_with("OP 4 is the last of its list"),
        "{}",
        msg(&app)
    );
    assert!(!msg(&app).contains('“'));
}

#[test]
fn long_messages_are_shown_whole_on_demand() {
    let mut app = app();
    let long = "word ".repeat(40);
    app.say(long.trim());
    let line = resdraft::tui::view::status::status_line(&app, 80);
    let text = line.to_string();
    assert!(text.contains("OP") || text.contains("PP"), "{text}");
    assert!(text.contains("… M whole"), "{text}");
    assert!(line.width() <= 80);
    key(&mut app, KeyCode::Char('M'));
    match &app.dialog {
        Some(Dialog::Notice { body, .. }) => assert_eq!(body, long.trim()),
        _ => panic!("no message dialog"),
    }
    key(&mut app, KeyCode::Esc);
    assert!(app.dialog.is_none());
}

#[test]
fn status_bar_keeps_the_place_and_the_unsaved_mark_at_80_columns() {
    let mut app = app();
    select(&mut app, "s2");
    app.dirty = true;
    app.say("operative paragraph 16: end punctuation “.” → “;”");
    for w in [40usize, 60, 80, 120] {
        let line = resdraft::tui::view::status::status_line(&app, w);
        let s = line.to_string();
        assert!(s.contains("[+]") && s.contains("OP 2 (b)"), "{w}: {s}");
        assert!(line.width() <= w, "{w}: {s}");
    }
}

// ---- Headings, parts and annexes (issue 10) -------------------------------------------

#[test]
fn outline_keys_edit_headings_parts_and_annexes() {
    let mut app = app();
    select(&mut app, "p4");
    keys(&mut app, "sh");
    assert_eq!(app.mode(), Mode::Form);
    keys(&mut app, "Gardens in schools");
    key(&mut app, KeyCode::Enter);
    let h = app.draft.document.headings.clone();
    assert_eq!(h.len(), 1);
    assert_eq!(
        (h[0].label.as_str(), h[0].heading.as_str()),
        ("I", "Gardens in schools")
    );
    assert_eq!(h[0].before, Id::new("p4"));
    // Edit it: the same key on the same paragraph.
    keys(&mut app, "sh");
    keys(&mut app, " and parks");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.draft.document.headings[0].heading,
        "Gardens in schools and parks"
    );
    // Move it down one paragraph (the selection follows), then delete it.
    keys(&mut app, "sj");
    assert_eq!(app.draft.document.headings[0].before, Id::new("p5"));
    assert_eq!(sel(&app), "p5");
    keys(&mut app, "sx");
    assert!(app.draft.document.headings.is_empty());
    // A new annex with its first paragraph, then its title edited.
    keys(&mut app, "sa");
    keys(&mut app, "Plan of action");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Editor, "the new annex's paragraph opens");
    keys(&mut app, "Cities should plant trees.");
    key(&mut app, KeyCode::Enter);
    let doc = &app.draft.document;
    assert_eq!(doc.annexes.len(), 1);
    assert_eq!(doc.annexes[0].title, "Plan of action");
    assert_eq!(
        doc.annexes[0].paragraphs[0].text,
        "Cities should plant trees."
    );
    keys(&mut app, "sA");
    keys(&mut app, " for gardens");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.draft.document.annexes[0].title,
        "Plan of action for gardens"
    );
    keys(&mut app, ":annex");
    key(&mut app, KeyCode::Enter);
    assert!(msg(&app).starts_with("At annex"), "{}", msg(&app));
    keys(&mut app, "sD");
    assert!(app.draft.document.annexes.is_empty());
    // A new part numbered afresh.
    select(&mut app, "p6");
    keys(&mut app, "sp");
    keys(&mut app, "Urban water");
    key(&mut app, KeyCode::Enter);
    keys(&mut app, "Decid");
    key(&mut app, KeyCode::Tab);
    keys(&mut app, "to act");
    key(&mut app, KeyCode::Enter);
    let doc = &app.draft.document;
    assert_eq!(doc.parts.len(), 1);
    assert_eq!(doc.parts[0].heading, "Urban water");
    assert_eq!(doc.parts[0].operative[0].lead, "Decides");
    // Undo takes each step back.
    for _ in 0..3 {
        key(&mut app, KeyCode::Char('u'));
    }
    assert!(app.draft.document.parts.is_empty());
    // An unknown second key says so and leaves the mode.
    keys(&mut app, "sz");
    assert_eq!(app.mode(), Mode::Normal);
    assert!(msg(&app).starts_with("Not an outline key"));
}
