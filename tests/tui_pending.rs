//! "Pending only" in the editor's document view (issue 16), on ratatui's test backend: `f`
//! shows just the paragraphs with open proposals or brackets (a top-level paragraph with its
//! sub-paragraphs, the one a new paragraph is proposed after), navigation goes through those
//! only, the status bar says the filter is on and which key shows everything again, the help
//! lists the key, and the key can be rebound in `[keys.normal]`.

mod common;

use common::tui::{app_for, dirs_in, draw, gardens, key, keys, message, screen, selected};
use ratatui::crossterm::event::KeyCode;
use resdraft::model::{Draft, Id, Paragraph, ProposedChange};
use resdraft::negotiate;
use resdraft::tui::{Options, prepare};

/// The gardens draft with a G77 proposal on the words of sub-paragraph (b) of OP2 and an EU
/// paragraph proposed after OP3; OP1 and OP4 have nothing open.
fn negotiated() -> Draft {
    let mut d = Draft::new(gardens());
    negotiate::add_delegation(&mut d.negotiation, "EU", "").unwrap();
    negotiate::add_delegation(&mut d.negotiation, "G77", "").unwrap();
    negotiate::propose(
        &mut d,
        "G77",
        "",
        ProposedChange::ReplaceWords {
            paragraph: Id::new("s2"),
            words: "local".into(),
            occurrence: 0,
            with: "all local".into(),
        },
    )
    .unwrap();
    let id = negotiate::fresh_paragraph_id(&d);
    negotiate::propose(
        &mut d,
        "EU",
        "",
        ProposedChange::InsertParagraph {
            after: Some(Id::new("p5")),
            operative: true,
            paragraph: Paragraph::new(id, "Invites", "cities to open their gardens;"),
        },
    )
    .unwrap();
    d
}

#[test]
fn pending_only_shows_the_paragraphs_with_open_items_and_navigates_through_them() {
    let path = std::env::temp_dir().join("resdraft-pending-only-test.toml");
    let mut app = app_for(negotiated(), path, "dark");
    let all = screen(&draw(&mut app, 100, 40));
    assert!(
        all.contains("Welcomes the work of local authorities"),
        "{all}"
    );

    keys(&mut app, "f");
    assert!(
        message(&app)
            .starts_with("Pending only: 2 paragraphs with open items (2 pending, 0 brackets)"),
        "{}",
        message(&app)
    );
    assert_eq!(
        selected(&app),
        "s2",
        "the selection goes to the first open item"
    );
    let s = screen(&draw(&mut app, 100, 40));
    assert!(s.contains("PENDING ONLY (f all)"), "{s}");
    assert!(
        s.contains("Encourages Member States:"),
        "OP2 and its sub-paragraphs: {s}"
    );
    assert!(s.contains("to share good practices"), "{s}");
    assert!(
        s.contains("[local / G77: all local]"),
        "the proposal inline: {s}"
    );
    assert!(
        s.contains("green spaces in every district"),
        "OP3, a paragraph after it: {s}"
    );
    assert!(s.contains("[EU n2: new paragraph OP3 bis]"), "{s}");
    for gone in [
        "Recalling",
        "Welcomes the work",
        "Requests the Secretary-General",
    ] {
        assert!(!s.contains(gone), "{gone} is hidden: {s}");
    }
    // j and End go through the paragraphs shown only.
    keys(&mut app, "jjj");
    assert_eq!(selected(&app), "p5");
    key(&mut app, KeyCode::Home);
    assert_eq!(selected(&app), "p4");
    key(&mut app, KeyCode::End);
    assert_eq!(selected(&app), "p5");
    // Settling the proposal after OP3 leaves OP2 alone; the selected paragraph still shows.
    negotiate::withdraw(&mut app.draft, &Id::new("n2")).unwrap();
    let s = screen(&draw(&mut app, 100, 40));
    assert!(
        s.contains("green spaces in every district"),
        "selected: {s}"
    );
    keys(&mut app, "k");
    assert_eq!(selected(&app), "s2");
    let s = screen(&draw(&mut app, 100, 40));
    assert!(!s.contains("green spaces in every district"), "{s}");

    keys(&mut app, "f");
    assert!(
        message(&app).starts_with("Showing every paragraph"),
        "{}",
        message(&app)
    );
    let s = screen(&draw(&mut app, 100, 40));
    assert!(s.contains("Welcomes the work of local authorities"), "{s}");
    assert!(!s.contains("PENDING ONLY"), "{s}");

    // The help lists the key.
    keys(&mut app, "?");
    let help = screen(&draw(&mut app, 100, 60));
    assert!(help.contains("pending only: just the paragraphs"), "{help}");
}

#[test]
fn pending_only_without_open_items_says_so_and_the_key_can_be_rebound() {
    let mut app = app_for(Draft::new(gardens()), "x.toml".into(), "dark");
    keys(&mut app, "f");
    assert!(
        message(&app).starts_with("Nothing pending"),
        "{}",
        message(&app)
    );
    assert!(app.pending_only.is_none());

    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("config.toml"),
        "[keys.normal]\npending_only = \"F\"\nfreeze_revision = \"ctrl-f\"\n",
    )
    .unwrap();
    let path = dir.path().join("draft.toml");
    let (mut app, _) = prepare(
        Options::new(negotiated(), path, Some("dark".into())),
        dirs_in(dir.path()),
    );
    keys(&mut app, "F");
    assert!(app.pending_only.is_some(), "{}", message(&app));
    let s = screen(&draw(&mut app, 100, 40));
    assert!(s.contains("PENDING ONLY (F all)"), "{s}");
}
