//! Outline keys of issue 10 (after `s`): headings, parts and annexes added, edited, moved and
//! deleted in the editor, with undo; renumbering and cross-references respect them.

mod common;

use common::tui::{
    app_for, gardens, gardens_app as app, key, keys, message as msg, para, select, selected as sel,
};
use ratatui::crossterm::event::KeyCode;
use resdraft::model::{Annex, Draft, Id, Part};
use resdraft::numbering;
use resdraft::tui::app::{App, Mode};

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

/// A new part through the keys: `s p`, its heading, then its first operative paragraph typed
/// in the editor that opens ("Decid" completed to "Decides").
fn add_part(app: &mut App, heading: &str, text: &str) {
    keys(app, "sp");
    keys(app, heading);
    key(app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Editor, "the new part's paragraph opens");
    keys(app, "Decid");
    key(app, KeyCode::Tab);
    keys(app, text);
    key(app, KeyCode::Enter);
}

fn part_headings(app: &App) -> Vec<String> {
    let parts = &app.draft.document.parts;
    parts.iter().map(|p| p.heading.clone()).collect()
}

/// Parts: added after the selection's part and numbered afresh, edited, moved both ways,
/// deleted with their paragraphs, each step undoable.
#[test]
fn parts_are_added_edited_moved_and_deleted() {
    let mut app = app();
    select(&mut app, "p6");
    add_part(&mut app, "Urban water", "to map the wells;");
    add_part(&mut app, "Rural water", "to map the springs;");
    assert_eq!(part_headings(&app), ["Urban water", "Rural water"]);
    // Numbered afresh: a paragraph added in part II is its OP 2, whatever part I holds.
    keys(&mut app, "o");
    keys(&mut app, "Invites");
    key(&mut app, KeyCode::Tab);
    keys(&mut app, "the regions to take part");
    key(&mut app, KeyCode::Enter);
    let doc = &app.draft.document;
    assert_eq!(doc.parts[1].operative.len(), 2);
    assert_eq!(numbering::number(doc, Part::PartOperative(0), 0), Some(1));
    assert_eq!(numbering::number(doc, Part::PartOperative(1), 1), Some(2));
    assert!(
        msg(&app).contains("paragraph 2 of part II"),
        "{}",
        msg(&app)
    );
    // Edit: the heading field comes first.
    keys(&mut app, "sP");
    keys(&mut app, " and sanitation");
    key(&mut app, KeyCode::Enter);
    assert_eq!(part_headings(&app)[1], "Rural water and sanitation");
    // Move it up, then down again; the selection stays in it.
    keys(&mut app, "sK");
    assert_eq!(
        part_headings(&app),
        ["Rural water and sanitation", "Urban water"]
    );
    // The labels follow the order, as paragraph numbers do.
    let labels: Vec<&str> = app
        .draft
        .document
        .parts
        .iter()
        .map(|p| p.label.as_str())
        .collect();
    assert_eq!(labels, ["I", "II"]);
    keys(&mut app, "sK");
    assert!(msg(&app).contains("cannot go further"), "{}", msg(&app));
    keys(&mut app, "sJ");
    assert_eq!(
        part_headings(&app),
        ["Urban water", "Rural water and sanitation"]
    );
    // Delete it with its two paragraphs; undo brings them back.
    keys(&mut app, "sD");
    assert_eq!(part_headings(&app), ["Urban water"]);
    assert!(
        msg(&app).starts_with("Deleted part II with its paragraphs"),
        "{}",
        msg(&app)
    );
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(app.draft.document.parts[1].operative.len(), 2);
}

/// [`gardens`] with an annex of five paragraphs, the last referring to the annex's own
/// paragraph 2, and OP 4 referring to OP 2 and to paragraph 5 of the annex.
fn with_annex() -> App {
    let mut doc = gardens();
    doc.operative[3].text =
        "the Secretary-General to report on paragraph 2 above and on paragraph 5 of the annex."
            .into();
    let mut annex = Annex {
        id: Id::new("annex1"),
        title: "Plan of action".into(),
        ..Annex::default()
    };
    for k in 1..=4 {
        annex
            .paragraphs
            .push(para(&format!("x{k}"), "", "Cities plant trees."));
    }
    annex
        .paragraphs
        .push(para("x5", "", "Gardens follow paragraph 2 above."));
    doc.annexes.push(annex);
    app_for(
        Draft::new(doc),
        std::env::temp_dir().join("annex.toml"),
        "dark",
    )
}

fn text_of(app: &App, id: &str) -> String {
    app.draft.document.find(&Id::new(id)).unwrap().text.clone()
}

/// "paragraph 5 of the annex" is the annex's paragraph 5, wherever it is written, and follows
/// it when the annex is renumbered; the resolution's own references count in its numbering,
/// which neither the annex nor a heading changes.
#[test]
fn references_follow_the_annex_numbering_and_headings_change_no_number() {
    let mut app = with_annex();
    // A paragraph added after annex paragraph 1: annex paragraphs 2..5 become 3..6.
    select(&mut app, "x1");
    keys(&mut app, "o");
    assert_eq!(app.mode(), Mode::Editor);
    keys(&mut app, "Towns plant hedges.");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.draft.document.annexes[0].paragraphs.len(), 6);
    assert_eq!(
        text_of(&app, "p6"),
        "the Secretary-General to report on paragraph 2 above and on paragraph 6 of the annex."
    );
    assert_eq!(text_of(&app, "x5"), "Gardens follow paragraph 3 above.");
    // A new OP 2 in the resolution: its references follow, the annex's do not move.
    select(&mut app, "p3");
    keys(&mut app, "o");
    keys(&mut app, "Invites");
    key(&mut app, KeyCode::Tab);
    keys(&mut app, "schools to keep gardens");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        text_of(&app, "p6"),
        "the Secretary-General to report on paragraph 3 above and on paragraph 6 of the annex."
    );
    assert_eq!(text_of(&app, "x5"), "Gardens follow paragraph 3 above.");
    // A heading before OP 3 interrupts no numbering; moving the annex paragraph that is
    // referred to keeps the reference on it.
    select(&mut app, "p4");
    keys(&mut app, "sh");
    keys(&mut app, "Schools");
    key(&mut app, KeyCode::Enter);
    let doc = &app.draft.document;
    assert_eq!(doc.headings.len(), 1);
    assert_eq!(numbering::number(doc, Part::Operative, 2), Some(3));
    select(&mut app, "x5");
    keys(&mut app, "K");
    assert_eq!(
        text_of(&app, "p6"),
        "the Secretary-General to report on paragraph 3 above and on paragraph 5 of the annex."
    );
    // Deleting the annex's paragraph 5 marks the reference to it, never naming another.
    keys(&mut app, "d");
    if app.mode() == Mode::Dialog {
        keys(&mut app, "y");
    }
    assert!(
        text_of(&app, "p6").contains("paragraph [deleted: 5] of the annex"),
        "{}",
        text_of(&app, "p6")
    );
}

/// Annexes: a second annex added after the lone one (which becomes annex I), moved before it
/// and back, deleted (the first is the lone annex again); "paragraph 5 of the annex" follows
/// its annex through each step.
#[test]
fn annexes_are_added_moved_and_deleted() {
    let mut app = with_annex();
    select(&mut app, "x2");
    keys(&mut app, "sa");
    keys(&mut app, "Rules of the gardens");
    key(&mut app, KeyCode::Enter);
    keys(&mut app, "Gates close at night.");
    key(&mut app, KeyCode::Enter);
    let titles = |app: &App| -> Vec<String> {
        let annexes = &app.draft.document.annexes;
        annexes.iter().map(|x| x.title.clone()).collect()
    };
    let labels = |app: &App| -> Vec<String> {
        let annexes = &app.draft.document.annexes;
        annexes.iter().map(|x| x.label.clone()).collect()
    };
    let named = |app: &App, words: &str| {
        let text = text_of(app, "p6");
        assert!(
            text.ends_with(&format!("on paragraph 5 of {words}.")),
            "{text}"
        );
    };
    assert_eq!(titles(&app), ["Plan of action", "Rules of the gardens"]);
    assert_eq!(labels(&app), ["I", "II"]);
    named(&app, "annex I");
    keys(&mut app, "sK");
    assert_eq!(titles(&app), ["Rules of the gardens", "Plan of action"]);
    assert_eq!(labels(&app), ["I", "II"]);
    named(&app, "annex II");
    keys(&mut app, "sJ");
    assert_eq!(titles(&app), ["Plan of action", "Rules of the gardens"]);
    named(&app, "annex I");
    keys(&mut app, "sD");
    assert_eq!(titles(&app), ["Plan of action"]);
    assert_eq!(labels(&app), [""]);
    named(&app, "the annex");
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(titles(&app).len(), 2);
    named(&app, "annex I");
}
