//! Screens of issue 15 (insta snapshots, characters only) and what they must show: search
//! matches highlighted with the count in the status bar, the place in the status bar at 80
//! columns, the paragraph editor with a footnote, the outline form, the list of warnings, the
//! help overlay (every mode, wrapped, scrolled to the end), the revision view marking changed
//! words under the mono theme, and the readable measure at 200 columns. Also: the README names
//! every key the keymap binds, and the keystroke counts it gives are the ones that work.

mod common;

use common::tui::{
    app_for, ctrl, draw, key, keys, op_ids, sample_draft, sample_path, screen, snap,
};
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Modifier;
use resdraft::model::Id;
use resdraft::tui::app::App;
use resdraft::tui::keymap::{KeyMode, Keymap};
use resdraft::tui::view;
use std::path::Path;

fn sample(theme: &str) -> App {
    app_for(sample_draft(), sample_path(), theme)
}

#[test]
fn search_highlights_matches_and_counts_them() {
    let mut app = sample("dark");
    keys(&mut app, "/aquifer");
    key(&mut app, KeyCode::Enter);
    let term = draw(&mut app, 80, 24);
    let s = screen(&term);
    let count = resdraft::tui::search::counter(app.search.as_ref().unwrap());
    assert!(s.contains(&count), "{s}");
    // Every visible "aquifer" is highlighted (underlined), and nothing else is.
    let buf = term.backend().buffer();
    let mut marked = 0;
    for y in 0..22 {
        let row: String = (0..80).map(|x| buf[(x, y)].symbol().to_string()).collect();
        for (i, _) in row.to_lowercase().match_indices("aquifer") {
            let x = row[..i].chars().count() as u16;
            assert!(buf[(x, y)].modifier.contains(Modifier::UNDERLINED), "{row}");
            marked += 1;
        }
    }
    assert!(marked > 0, "{s}");
    snap!("search_80x24", term);
}

#[test]
fn go_to_and_the_place_in_the_status_bar() {
    let mut app = sample("dark");
    keys(&mut app, ":2(b)(i)");
    key(&mut app, KeyCode::Enter);
    let term = draw(&mut app, 80, 24);
    let s = screen(&term);
    assert!(s.contains("│ OP 2 (b) (i)"), "{s}");
    snap!("goto_80x24", term);
}

#[test]
fn editor_with_a_footnote() {
    let mut app = sample("dark");
    keys(&mut app, ":OP3");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    ctrl(&mut app, 'f');
    keys(&mut app, "See the regional atlas.");
    let term = draw(&mut app, 80, 24);
    let s = screen(&term);
    assert!(
        s.contains("New footnote") && s.contains("See the regional atlas."),
        "{s}"
    );
    snap!("editor_footnote_80x24", term);
    key(&mut app, KeyCode::Enter);
    // The footnote is shown under its paragraph, numbered.
    let term = draw(&mut app, 80, 24);
    assert!(screen(&term).contains(" See the regional atlas."));
}

#[test]
fn outline_form_and_warning_list() {
    let mut app = sample("dark");
    keys(&mut app, ":OP5");
    key(&mut app, KeyCode::Enter);
    keys(&mut app, "sh");
    let term = draw(&mut app, 80, 24);
    assert!(screen(&term).contains("New heading before this paragraph"));
    snap!("heading_form_80x24", term);
    key(&mut app, KeyCode::Esc);
    app.notices = vec![resdraft::tui::notices::Notice {
        message: "line 40: a sub-paragraph label was guessed".into(),
        paragraph: Some(app.draft.document.operative[1].id.clone()),
    }];
    keys(&mut app, "W");
    let term = draw(&mut app, 80, 24);
    let s = screen(&term);
    assert!(s.contains("import, OP 2: line 40"), "{s}");
    snap!("warnings_80x24", term);
}

#[test]
fn help_lists_every_mode_wraps_and_scrolls() {
    let mut app = sample("dark");
    let all: String = view::help::lines(&app, 78)
        .iter()
        .map(|l| l.to_string() + "\n")
        .collect();
    for mode in KeyMode::ALL {
        assert!(all.contains(view::help::title(mode)), "{mode:?}");
        for b in app.keymap.bindings(mode) {
            assert!(all.contains(&b.key.to_string()), "{mode:?}: {}", b.key);
        }
    }
    for line in all.lines() {
        assert!(line.chars().count() <= 78, "cut or too long: {line}");
        // Keys and labels never run together ("Ctrl-Tsplit").
        assert!(
            !line.contains("Ctrl-Tsplit") && !line.contains("rebou\n"),
            "{line}"
        );
    }
    key(&mut app, KeyCode::Char('?'));
    key(&mut app, KeyCode::End);
    let term = draw(&mut app, 80, 24);
    let s = screen(&term);
    assert!(
        s.contains("Keys can be rebound") || s.contains("rebound in"),
        "{s}"
    );
    snap!("help_end_80x24", term);
    key(&mut app, KeyCode::PageUp);
    key(&mut app, KeyCode::PageUp);
    let term = draw(&mut app, 80, 24);
    assert!(!screen(&term).contains("rebound in"));
}

#[test]
fn mono_revision_view_marks_changed_words() {
    let mut draft = sample_draft();
    let mut old = draft.document.clone();
    old.operative[0].text = old.operative[0].text.replacen("integrate", "include", 1);
    draft.revisions.push(resdraft::model::Revision {
        label: "L.1".into(),
        date: "2026-11-01".into(),
        note: String::new(),
        document: old,
    });
    let mut app = app_for(draft, sample_path(), "mono");
    keys(&mut app, "R");
    keys(&mut app, "n");
    for (w, h) in [(80, 24), (160, 40)] {
        let term = draw(&mut app, w, h);
        let s = screen(&term);
        assert!(
            s.contains("[-include-]") && s.contains("{+integrate+}"),
            "{s}"
        );
    }
    let term = draw(&mut app, 80, 24);
    snap!("revision_mono_80x24", term);
    // With colours (the dark theme) the words are marked by colour and style, not brackets.
    app.theme = resdraft::tui::theme::builtin("dark").unwrap();
    let s = screen(&draw(&mut app, 80, 24));
    assert!(!s.contains("[-include-]") && s.contains("include"), "{s}");
}

#[test]
fn the_text_keeps_a_readable_measure() {
    let mut app = sample("dark");
    let term = draw(&mut app, 200, 60);
    let s = screen(&term);
    for line in s.lines().take(55) {
        let text = line.trim();
        assert!(text.chars().count() <= 102, "{line}");
    }
    let first = s
        .lines()
        .find(|l| l.contains("The General Assembly,"))
        .unwrap();
    let indent = first.chars().take_while(|c| *c == ' ').count();
    assert!(indent > 40, "centred: {first}");
    // 0 = the whole width.
    app.wrap_width = 0;
    app.layout.clear();
    let s = screen(&draw(&mut app, 200, 60));
    assert!(s.lines().any(|l| l.trim().chars().count() > 150));
}

/// README and help agree: every key the keymap binds is named in the README's editor section.
#[test]
fn readme_names_every_key() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let start = readme.find("## The editor").unwrap();
    let section = &readme[start..];
    let end = section[3..].find("\n## ").map_or(section.len(), |e| e + 3);
    let section = &section[..end];
    let map = Keymap::default();
    for mode in KeyMode::ALL {
        for b in map.bindings(mode) {
            let k = b.key.to_string();
            assert!(
                section.contains(&format!("`{k}`"))
                    || section.contains(&format!("{k}`"))
                    || section.contains(&format!("`{k}")),
                "README does not name {k} ({mode:?}: {:?})",
                b.action
            );
        }
    }
}

/// The keystroke counts of the README, played on the sample draft.
#[test]
fn the_readme_keystroke_counts_work() {
    // Move OP 12 to be OP 3: before, G k×4 K×9 (14 keys); after, :OP12⏎ 9K (8 keys).
    let mut before = sample("dark");
    let twelve = before.draft.document.operative[11].id.clone();
    keys(&mut before, "Gkkkk");
    assert_eq!(before.selected.as_ref(), Some(&twelve));
    keys(&mut before, &"K".repeat(9));
    let mut after = sample("dark");
    keys(&mut after, ":OP12");
    key(&mut after, KeyCode::Enter);
    keys(&mut after, "9K");
    assert_eq!(op_ids(&after), op_ids(&before));
    assert_eq!(after.draft.document.operative[2].id, twelve);
    // A footnote on OP 3: :OP3⏎ Enter Ctrl-F … Enter.
    let mut app = sample("dark");
    let n = app.draft.document.footnotes.len();
    keys(&mut app, ":OP3");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    ctrl(&mut app, 'f');
    keys(&mut app, "A note.");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.draft.document.footnotes.len(), n + 1);
    let three: Id = app.draft.document.operative[2].id.clone();
    assert!(
        app.draft
            .document
            .footnotes
            .iter()
            .any(|f| f.anchor == three && f.text == "A note.")
    );
    // A new operative paragraph: o Decid Tab … Enter.
    let mut app = sample("dark");
    keys(&mut app, "oDecid");
    key(&mut app, KeyCode::Tab);
    keys(&mut app, "to act");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.draft.document.operative[0].lead, "Decides");
}
