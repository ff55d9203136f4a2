//! Property test of the editor as a whole (issue 9 §4): any sequence of the TUI's own actions
//! (keys through the keymap and the update loop, text typed into the paragraph editor,
//! including text that looks like markup) ends in a draft that saves and loads back equal.
//! A save never writes a file the loader refuses.

mod common;

use common::tui::{key, para};
use proptest::prelude::*;
use ratatui::crossterm::event::KeyCode;
use resdraft::draftfile;
use resdraft::model::{DocKind, Document, Draft, Footnote, Id};
use resdraft::tui::action::Action;
use resdraft::tui::app::Mode;
use resdraft::tui::update;

/// A small draft of our own with a footnote, a sub-paragraph and references.
fn document() -> Document {
    let mut doc = Document::new(DocKind::Resolution);
    doc.header.symbol = "A/C.2/99/L.1".into();
    doc.authoring_body = "The General Assembly".into();
    doc.preamble = vec![para("p1", "Recalling", "its resolution 98/12,[^f1]")];
    let mut p3 = para("p3", "Requests", "the Secretary-General:");
    p3.subparagraphs.push(para("p6", "", "to report;"));
    doc.operative = vec![
        p3,
        para(
            "p4",
            "Encourages",
            "Member States to act as in paragraph 1 above;",
        ),
        para("p5", "Decides", "to review paragraphs 1 and 2 above."),
    ];
    doc.footnotes.push(Footnote {
        id: Id::new("f1"),
        anchor: Id::new("p1"),
        text: "See A/98/1.".into(),
    });
    doc
}

/// What the drafter does next.
#[derive(Debug, Clone)]
enum Step {
    Act(Action),
    /// Text typed into the open paragraph editor (ignored outside it).
    Type(&'static str),
    /// An editing key in the open paragraph editor (ignored outside it).
    Key(KeyCode),
}

const ACTIONS: &[Action] = &[
    Action::SelectNext,
    Action::SelectPrev,
    Action::SelectFirst,
    Action::SelectLast,
    Action::Edit,
    Action::InsertOperativeAfter,
    Action::InsertOperativeBefore,
    Action::InsertPreambular,
    Action::InsertSub,
    Action::Delete,
    Action::MoveUp,
    Action::MoveDown,
    Action::Demote,
    Action::Promote,
    Action::Merge,
    Action::Undo,
    Action::Redo,
    Action::Commit,
    Action::Cancel,
    Action::NextField,
    Action::SplitAtCursor,
];

const PIECES: &[&str] = &[
    "Member States",
    " see note [^f9]",
    "[^f1]",
    "[^x]",
    "*",
    "**",
    "*Treaty Series*",
    "\\",
    "\\*",
    " paragraph 2 above",
    " subparagraph (a) above",
    " paragraphs 1 to 3",
    "[deleted: 2]",
    "[",
    "^",
    "]",
    "é “x”",
    ";",
    " ",
];

const KEYS: &[KeyCode] = &[
    KeyCode::Left,
    KeyCode::Right,
    KeyCode::Home,
    KeyCode::End,
    KeyCode::Backspace,
];

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => (0..ACTIONS.len()).prop_map(|i| Step::Act(ACTIONS[i])),
        4 => (0..PIECES.len()).prop_map(|i| Step::Type(PIECES[i])),
        1 => (0..KEYS.len()).prop_map(|i| Step::Key(KEYS[i])),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn any_edit_sequence_saves_and_loads_back_equal(steps in prop::collection::vec(step(), 1..40)) {
        let dir = tempfile::tempdir().unwrap();
        let mut app = common::tui::app_in(dir.path(), Draft::new(document()));
        for s in &steps {
            match (s, app.mode()) {
                (Step::Act(a), Mode::Normal | Mode::Editor) => update::perform(&mut app, *a),
                (Step::Type(t), Mode::Editor) => {
                    for c in t.chars() {
                        key(&mut app, KeyCode::Char(c));
                    }
                }
                (Step::Key(k), Mode::Editor) => key(&mut app, *k),
                _ => {}
            }
            if matches!(app.mode(), Mode::Dialog | Mode::Help | Mode::Form) {
                update::perform(&mut app, Action::Cancel);
                update::perform(&mut app, Action::CloseHelp);
            }
        }
        if app.mode() == Mode::Editor {
            update::perform(&mut app, Action::Commit);
        }
        prop_assert_eq!(app.mode(), Mode::Normal);
        update::perform(&mut app, Action::Save);
        let msg = app.message.as_ref().map(|m| m.text.clone()).unwrap_or_default();
        prop_assert!(msg.starts_with("Saved"), "the save failed: {}", msg);
        let loaded = draftfile::load(&dir.path().join("draft.toml"));
        prop_assert!(loaded.is_ok(), "the saved draft does not load: {}", loaded.unwrap_err());
        prop_assert_eq!(&loaded.unwrap(), &app.draft);
    }
}
