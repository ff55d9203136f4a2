//! Key-sequence tests of issue 15 §1 and §3: finding and moving (search with smart case, go to
//! a place as drafters name it, counts) and saying things right (messages naming paragraphs as
//! drafters do, long messages shown whole, the place and the unsaved mark in the status bar).

mod common;

use common::tui::{gardens_app as app, key, keys, message as msg, op_ids, select, selected as sel};
use ratatui::crossterm::event::KeyCode;
use resdraft::tui::app::Mode;
use resdraft::tui::dialog::Dialog;

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
    let ids = op_ids(&app);
    assert_eq!(ids, ["p4", "p5", "p6", "p3"]);
    assert_eq!(sel(&app), "p3");
    assert!(msg(&app).starts_with("Moved to OP 4; "), "{}", msg(&app));
    // The reference in former OP 4 (to paragraph 2, now 1) follows; one undo puts it back.
    key(&mut app, KeyCode::Char('u'));
    let ids = op_ids(&app);
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
fn a_very_long_message_is_cut_from_its_start_at_every_width() {
    let mut app = app();
    // Far longer than a status line reads, with characters of other widths than one column.
    let long = "paragraphe « 5 » → « 6 », 第五段 ".repeat(700);
    app.say(long.trim());
    for w in [40usize, 80, 200] {
        let line = resdraft::tui::view::status::status_line(&app, w);
        let text = line.to_string();
        assert!(line.width() <= w, "{w}: {text}");
        assert!(text.contains("… M whole"), "{w}: {text}");
        let shown = text.rsplit(" │ ").next().unwrap_or_default();
        let cut = shown.trim_end_matches("… M whole");
        assert!(!cut.is_empty() && long.starts_with(cut), "{w}: {text}");
    }
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
