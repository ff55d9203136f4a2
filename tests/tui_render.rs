//! Rendering tests: insta snapshots of the main screens with the sample draft at 80×24 and
//! 120×40 (document view, outline, editor, help, a confirm dialog, the revision view), tiny
//! and odd terminal sizes that must not panic, hostile and wide text, and colours from the
//! theme checked cell by cell (snapshots record characters only).

mod common;

use common::tui::{app_for, draw, key, sample_draft, sample_path, screen, snap};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use resdraft::model::{DocKind, Document, Draft, Id, Paragraph};
use resdraft::tui::app::App;
use resdraft::tui::{input, view};
use std::path::PathBuf;

fn sample_app() -> App {
    app_for(sample_draft(), sample_path(), "dark")
}

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

#[test]
fn document_view() {
    for (w, h) in SIZES {
        let mut app = sample_app();
        for _ in 0..4 {
            key(&mut app, KeyCode::Char('j'));
        }
        let term = draw(&mut app, w, h);
        snap!(format!("document_{w}x{h}"), term);
    }
}

#[test]
fn outline_pane() {
    for (w, h) in SIZES {
        let mut app = sample_app();
        key(&mut app, KeyCode::Tab);
        key(&mut app, KeyCode::End);
        let term = draw(&mut app, w, h);
        snap!(format!("outline_{w}x{h}"), term);
    }
}

#[test]
fn editor_popup() {
    for (w, h) in SIZES {
        let mut app = sample_app();
        key(&mut app, KeyCode::Char('j'));
        key(&mut app, KeyCode::Enter);
        let term = draw(&mut app, w, h);
        snap!(format!("editor_{w}x{h}"), term);
    }
}

#[test]
fn editor_completion() {
    let mut app = sample_app();
    key(&mut app, KeyCode::Char('p'));
    for c in "Rec".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    let term = draw(&mut app, 80, 24);
    snap!("editor_completion_80x24", term);
}

#[test]
fn help_overlay() {
    for (w, h) in SIZES {
        let mut app = sample_app();
        key(&mut app, KeyCode::Char('?'));
        let term = draw(&mut app, w, h);
        snap!(format!("help_{w}x{h}"), term);
    }
}

#[test]
fn help_lists_every_normal_key() {
    let mut app = sample_app();
    key(&mut app, KeyCode::Char('?'));
    let text: String = view::help::lines(&app, 88)
        .iter()
        .map(|l| l.to_string() + "\n")
        .collect();
    for needle in [
        "Ctrl-S", "Ctrl-R", "Alt-↑", "K", ">", "<", "Tab", "?", "q", "o", "O", "p", "a", "d", "u",
    ] {
        assert!(text.contains(needle), "help lacks {needle}");
    }
}

#[test]
fn confirm_dialog() {
    for (w, h) in SIZES {
        let mut app = sample_app();
        key(&mut app, KeyCode::Char('j'));
        key(&mut app, KeyCode::Char('J'));
        key(&mut app, KeyCode::Char('q'));
        let term = draw(&mut app, w, h);
        snap!(format!("confirm_{w}x{h}"), term);
    }
}

#[test]
fn header_form() {
    let mut app = sample_app();
    key(&mut app, KeyCode::Char('H'));
    let term = draw(&mut app, 100, 30);
    snap!("header_form_100x30", term);
}

#[test]
fn revision_view_opens_and_closes() {
    let mut app = sample_app();
    if app.draft.revisions.is_empty() {
        // Freeze one, then change the text so there is something to compare.
        key(&mut app, KeyCode::Char('F'));
        for c in "L.1".chars() {
            key(&mut app, KeyCode::Char(c));
        }
        key(&mut app, KeyCode::Enter);
    }
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('d'));
    key(&mut app, KeyCode::Char('r'));
    key(&mut app, KeyCode::Enter);
    // Then the newer text: the current text is offered first.
    key(&mut app, KeyCode::Enter);
    assert!(app.revision_view.is_some(), "{:?}", app.message);
    let term = draw(&mut app, 120, 40);
    let s = screen(&term);
    assert!(s.contains("current text"), "{s}");
    key(&mut app, KeyCode::Esc);
    assert!(app.revision_view.is_none());
    draw(&mut app, 80, 24);
}

#[test]
fn tiny_and_odd_sizes_never_panic() {
    let mut app = sample_app();
    let sizes = [(1, 1), (2, 2), (20, 5), (5, 20), (0, 0), (300, 3), (33, 7)];
    let setups: [&[KeyCode]; 5] = [
        &[],
        &[KeyCode::Tab],
        &[KeyCode::Enter],
        &[KeyCode::Char('?')],
        &[KeyCode::Char('J'), KeyCode::Char('q')],
    ];
    for keys in setups {
        let mut app2 = sample_app();
        for k in keys {
            key(&mut app2, *k);
        }
        for (w, h) in sizes {
            draw(&mut app2, w, h);
        }
    }
    // Resizing between frames keeps the selection visible.
    for _ in 0..12 {
        key(&mut app, KeyCode::Char('j'));
    }
    for (w, h) in [(80, 24), (40, 10), (200, 60), (80, 24)] {
        let term = draw(&mut app, w, h);
        let id = app.selected.clone().unwrap();
        assert!(
            app.layout.rows.iter().any(|r| r.as_ref() == Some(&id)),
            "selection visible at {w}x{h}:\n{}",
            screen(&term)
        );
    }
}

fn odd_draft() -> Draft {
    let mut doc = Document::new(DocKind::Resolution);
    doc.authoring_body = "The General Assembly".into();
    doc.preamble = vec![Paragraph::new(
        Id::new("p1"),
        "Noting",
        "the statement of \u{1b}[31mred\u{1b}[0m and \u{202e}reversed\u{202c} text,",
    )];
    doc.operative = vec![
        Paragraph::new(
            Id::new("p2"),
            "Welcomes",
            "the delegations of 日本国 and 대한민국 and the minister محمد بن سلمان and café́ noir;",
        ),
        Paragraph::new(
            Id::new("p3"),
            "Decides",
            "Supercalifragilisticexpialidociousandevenlongerunbrokenwordwithoutanyspacesatallhere.",
        ),
    ];
    Draft::new(doc)
}

#[test]
fn hostile_wide_and_long_text_stays_in_bounds() {
    let mut app = app_for(odd_draft(), PathBuf::from("odd.toml"), "dark");
    for w in [80u16, 30, 12] {
        let term = draw(&mut app, w, 24);
        let s = screen(&term);
        assert!(!s.contains('\u{1b}'), "no raw escape reaches the screen");
        assert!(
            !s.contains('\u{202e}'),
            "no bidi override reaches the screen"
        );
        if w == 80 {
            assert!(
                s.contains('␛'),
                "escape shown as a visible placeholder:\n{s}"
            );
            assert!(
                s.contains("日") && s.contains("本") && s.contains("국"),
                "{s}"
            );
            snap!("odd_text_80x24", term);
        }
    }
}

#[test]
fn colours_come_from_the_theme() {
    for theme in ["dark", "light", "mono"] {
        let mut app = app_for(odd_draft(), PathBuf::from("odd.toml"), theme);
        key(&mut app, KeyCode::Char('j'));
        let term = draw(&mut app, 80, 24);
        let buf = term.backend().buffer();
        let row = app
            .layout
            .rows
            .iter()
            .position(|r| r.as_ref() == app.selected.as_ref())
            .unwrap() as u16
            + 1;
        let cell = &buf[(10, row)];
        let sel = app.theme.selected;
        if let Some(bg) = sel.bg {
            assert_eq!(
                cell.bg, bg,
                "{theme}: selected row has the theme's background"
            );
        }
        for m in [
            ratatui::style::Modifier::REVERSED,
            ratatui::style::Modifier::BOLD,
        ] {
            if sel.add_modifier.contains(m) {
                assert!(cell.modifier.contains(m), "{theme}: selection modifier");
            }
        }
        // The status bar uses the theme's status style.
        let status = &buf[(0, 22)];
        if let Some(bg) = app.theme.status.bg {
            assert_eq!(status.bg, bg);
        }
    }
    // Mono marks the selection with text, not only with colour.
    let mut app = app_for(odd_draft(), PathBuf::from("odd.toml"), "mono");
    let term = draw(&mut app, 80, 24);
    assert!(screen(&term).contains('▶'));
}

#[test]
fn mouse_click_selects_and_wheel_scrolls() {
    use ratatui::crossterm::event::{Event, MouseButton, MouseEvent, MouseEventKind};
    let mut app = sample_app();
    draw(&mut app, 100, 30);
    let mouse = |kind, row| {
        Event::Mouse(MouseEvent {
            kind,
            column: 20,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    // Click on a row that shows a paragraph other than the selected one.
    let (row, id) = app
        .layout
        .rows
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, r)| r.clone().map(|id| (i, id)))
        .expect("a paragraph on screen");
    assert_ne!(app.selected.as_ref(), Some(&id));
    input::handle_event(
        &mut app,
        mouse(MouseEventKind::Down(MouseButton::Left), row as u16),
    );
    assert_eq!(app.selected.as_ref(), Some(&id));
    let top = app.scroll;
    input::handle_event(&mut app, mouse(MouseEventKind::ScrollDown, 5));
    draw(&mut app, 100, 30);
    assert_ne!(app.scroll, top, "the wheel scrolls the view");
    assert_eq!(
        app.selected.as_ref(),
        Some(&id),
        "without moving the selection"
    );
}

#[test]
fn findings_of_the_selected_paragraph_are_shown_under_it() {
    let mut doc = Document::new(DocKind::Resolution);
    doc.authoring_body = "The General Assembly".into();
    doc.operative = vec![
        Paragraph::new(
            Id::new("p1"),
            "Welcomes",
            "the report without end punctuation",
        ),
        Paragraph::new(Id::new("p2"), "Decides", "to remain seized of the matter."),
    ];
    let mut app = app_for(Draft::new(doc), PathBuf::from("f.toml"), "dark");
    let findings = app.selected_findings().len();
    assert!(findings > 0, "the check flags the missing semicolon");
    let message = app.selected_findings()[0].message.clone();
    let term = draw(&mut app, 120, 24);
    let s = screen(&term);
    let first_words: String = message.chars().take(20).collect();
    assert!(s.contains(&first_words), "finding “{message}” shown:\n{s}");
    // Selecting the other paragraph hides them.
    key(&mut app, KeyCode::Char('j'));
    let s = screen(&draw(&mut app, 120, 24));
    if app.selected_findings().is_empty() {
        assert!(!s.contains(&first_words), "{s}");
    }
}

#[test]
fn headings_parts_and_annexes_are_shown_in_place() {
    use resdraft::model::{Annex, Heading, ResolutionPart};
    let mut doc = Document::new(DocKind::Resolution);
    doc.authoring_body = "The Assembly of Lamplighters".into();
    doc.operative.push(Paragraph::new(
        Id::new("p1"),
        "Decides",
        "to keep the lamps;",
    ));
    doc.operative
        .push(Paragraph::new(Id::new("p2"), "Requests", "a report."));
    doc.headings.push(Heading {
        id: Id::new("h1"),
        level: 1,
        label: "II".into(),
        heading: "Reports".into(),
        before: Id::new("p2"),
    });
    doc.parts.push(ResolutionPart {
        id: Id::new("part1"),
        label: "B".into(),
        heading: "Harbour lights".into(),
        preamble: vec![],
        operative: vec![Paragraph::new(Id::new("p3"), "Decides", "to light them.")],
    });
    doc.annexes.push(Annex {
        id: Id::new("annex1"),
        title: "Charter of Keepers".into(),
        paragraphs: vec![Paragraph::new(Id::new("p4"), "", "We keep.")],
        ..Annex::default()
    });
    let mut app = app_for(Draft::new(doc), PathBuf::from("lamps.toml"), "dark");
    let s = screen(&draw(&mut app, 100, 40));
    let at = |needle: &str| s.find(needle).unwrap_or_else(|| panic!("{needle} in\n{s}"));
    assert!(at("Decides to keep") < at("II. Reports"));
    assert!(at("II. Reports") < at("Requests a report"));
    assert!(at("B. Harbour lights") < at("Decides to light"));
    assert!(at("Annex") < at("Charter of Keepers"));
    assert!(at("Charter of Keepers") < at("We keep."));
}
