//! The generated 1,000-paragraph draft of the editor benches (`render`, `editor_keys`) and
//! the editor on it as the terminal runs it.
#![allow(dead_code)]

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use resdraft::model::{DocKind, Document, Draft, Id, Paragraph};
use resdraft::tui::app::App;
use resdraft::tui::storage::Dirs;
use resdraft::tui::{Options, input, prepare};
use std::path::PathBuf;

const WORDS: &[&str] = &[
    "the",
    "lighthouse",
    "keepers",
    "of",
    "coastal",
    "regions",
    "should",
    "maintain",
    "lenses",
    "in",
    "accordance",
    "with",
    "agreed",
    "practice",
    "for",
    "ships",
    "navigating",
    "narrow",
    "straits",
    "and",
    "report",
    "regularly",
    "on",
    "progress",
    "made",
];

fn words(seed: usize, n: usize) -> String {
    (0..n)
        .map(|i| WORDS[(seed * 7 + i * 13) % WORDS.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

/// 200 preambular and 800 operative paragraphs (every fifth with two sub-paragraphs).
pub fn generated() -> Draft {
    let mut doc = Document::new(DocKind::Resolution);
    doc.header.symbol = "A/C.9/99/L.1".into();
    doc.header.title = "Keeping the lights of coastal navigation".into();
    doc.authoring_body = "The General Assembly".into();
    let mut n = 0;
    let mut id = || {
        n += 1;
        Id::new(format!("p{n}"))
    };
    for i in 0..200 {
        doc.preamble.push(Paragraph::new(
            id(),
            "Recalling",
            format!("{},", words(i, 30 + i % 40)),
        ));
    }
    for i in 0..800 {
        let mut p = Paragraph::new(
            id(),
            "Requests",
            format!(
                "{} as set out in paragraph {} above;",
                words(i, 40 + i % 50),
                i / 2 + 1
            ),
        );
        if i % 5 == 0 {
            p.text = format!("{}:", words(i, 20));
            for k in 0..2 {
                p.subparagraphs
                    .push(Paragraph::new(id(), "", format!("{};", words(i + k, 25))));
            }
        }
        doc.operative.push(p);
    }
    Draft::new(doc)
}

/// The editor on `draft`; with `background`, as the terminal runs it: the editorial check in
/// its worker thread.
pub fn app_for(draft: Draft, path: PathBuf, background: bool) -> App {
    let opts = Options {
        check_in_background: background,
        ..Options::new(draft, path, Some("dark".into()))
    };
    prepare(opts, Dirs::default()).0
}

pub fn key(app: &mut App, code: KeyCode) {
    input::handle_key(app, KeyEvent::new(code, KeyModifiers::NONE));
}

/// A key with modifiers.
pub fn key_with(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    input::handle_key(app, KeyEvent::new(code, modifiers));
}
