//! Every document-changing key of the editor with its frame, as the user meets it: the key
//! goes through the keymap and the update, then one frame is drawn (TestBackend 200×60) of
//! the generated 1,000-paragraph draft. Each key is timed on its own, in pairs that restore
//! the document (delete then undo, demote then promote, …), many times; the medians and the
//! 90th percentiles are printed per key, once with the editorial check in its worker thread
//! (as the terminal runs it: a frame shows no finding until the check of that text is in)
//! and once with the check on the key path (the findings current in that very frame).
//!
//! `cargo bench --bench editor_keys [-- RUNS [bg|fg] [WORD]]` (default 41 runs of each pair, both
//! modes; WORD: only the pairs whose names hold it). The issue asks
//! for every document-changing key + frame under 5 ms at 1,000 paragraphs.

mod editor_draft;

/// The binary's allocator (src/main.rs), so the figures are the editor's as the user runs it.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use editor_draft::{app_for, generated, key, key_with};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use resdraft::tui::app::App;
use resdraft::tui::view;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// One key of a pair: a name and the key presses (with modifiers) that make it.
type Keys = &'static [(KeyCode, KeyModifiers)];

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

/// Pairs of keys, each restoring the document the other changed.
const PAIRS: &[(&str, Keys, &str, Keys)] = &[
    (
        "move paragraph up (K)",
        &[(KeyCode::Char('K'), NONE)],
        "move paragraph down (J)",
        &[(KeyCode::Char('J'), NONE)],
    ),
    (
        "delete (d)",
        &[(KeyCode::Char('d'), NONE)],
        "undo (u)",
        &[(KeyCode::Char('u'), NONE)],
    ),
    (
        "undo (u)",
        &[(KeyCode::Char('u'), NONE)],
        "redo (ctrl-r)",
        &[(KeyCode::Char('r'), CTRL)],
    ),
    (
        "demote (>)",
        &[(KeyCode::Char('>'), NONE)],
        "promote (<)",
        &[(KeyCode::Char('<'), NONE)],
    ),
    (
        "merge (m)",
        &[(KeyCode::Char('m'), NONE)],
        "undo the merge (u)",
        &[(KeyCode::Char('u'), NONE)],
    ),
    (
        "new paragraph (o, editor opens)",
        &[(KeyCode::Char('o'), NONE)],
        "cancel the new paragraph (ctrl-g)",
        &[(KeyCode::Char('g'), CTRL)],
    ),
    (
        "type a character in the paragraph editor",
        &[(KeyCode::Char('x'), NONE)],
        "backspace in the paragraph editor",
        &[(KeyCode::Backspace, NONE)],
    ),
    (
        "commit an edited paragraph (enter)",
        &[(KeyCode::Enter, NONE)],
        "undo the edit (u), reopen and retype (enter, end, x)",
        &[
            (KeyCode::Char('u'), NONE),
            (KeyCode::Enter, NONE),
            (KeyCode::End, NONE),
            (KeyCode::Char('x'), NONE),
        ],
    ),
];

fn press(app: &mut App, keys: Keys) {
    for &(code, m) in keys {
        if m == NONE {
            key(app, code);
        } else {
            key_with(app, code, m);
        }
    }
}

fn percentile(times: &mut [Duration], q: f64) -> f64 {
    times.sort();
    let i = ((times.len() - 1) as f64 * q).round() as usize;
    times[i].as_secs_f64() * 1000.0
}

fn main() {
    let runs: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(41);
    // `bg` or `fg` after the count: only that mode (for a profile).
    let only = std::env::args().skip(1).find_map(|a| match a.as_str() {
        "bg" => Some(true),
        "fg" => Some(false),
        _ => None,
    });
    // Any other word: only the pairs whose names hold it ("demote", "merge"; for a profile).
    let filter: Option<String> = std::env::args()
        .skip(1)
        .find(|a| a.parse::<usize>().is_err() && a != "bg" && a != "fg" && !a.starts_with('-'));
    let draft = generated();
    println!(
        "{} paragraphs, TestBackend 200x60, {runs} runs of each pair; milliseconds per key with its frame",
        draft.document.paragraph_count()
    );
    println!(
        "{:<55} {:>9} {:>9}   {:>9} {:>9}",
        "key", "bg med", "bg p90", "fg med", "fg p90"
    );
    for &(name_a, keys_a, name_b, keys_b) in PAIRS {
        if filter
            .as_deref()
            .is_some_and(|f| !name_a.contains(f) && !name_b.contains(f))
        {
            continue;
        }
        let mut rows: Vec<Vec<f64>> = Vec::new();
        for background in [true, false] {
            if only.is_some_and(|b| b != background) {
                rows.push(vec![f64::NAN; 2]);
                rows.push(vec![f64::NAN; 2]);
                continue;
            }
            let mut app = app_for(draft.clone(), PathBuf::from("bench.toml"), background);
            let mut term = Terminal::new(TestBackend::new(200, 60)).expect("test backend");
            for _ in 0..500 {
                key(&mut app, KeyCode::Char('j'));
            }
            if name_a.starts_with("undo") {
                // Something to undo: a paragraph moved.
                press(&mut app, &[(KeyCode::Char('K'), NONE)]);
            }
            if name_a.contains("editor") || name_a.starts_with("commit") {
                // The paragraph editor open on the selection, one character typed.
                press(&mut app, &[(KeyCode::Enter, NONE), (KeyCode::End, NONE)]);
                if name_a.starts_with("commit") {
                    press(&mut app, &[(KeyCode::Char('x'), NONE)]);
                }
            }
            app.settle_findings();
            term.draw(|f| view::draw(f, &mut app)).expect("draw");
            let (mut ta, mut tb) = (Vec::new(), Vec::new());
            for _ in 0..runs {
                for (keys, times) in [(keys_a, &mut ta), (keys_b, &mut tb)] {
                    let start = Instant::now();
                    press(&mut app, keys);
                    app.poll_findings();
                    term.draw(|f| view::draw(f, &mut app)).expect("draw");
                    times.push(start.elapsed());
                    // Let the worker finish before the next key, as between two key presses.
                    app.settle_findings();
                }
            }
            assert_eq!(
                app.draft.document.paragraph_count(),
                draft.document.paragraph_count(),
                "{name_a}: each pair of keys restores the document"
            );
            rows.push(vec![percentile(&mut ta, 0.5), percentile(&mut ta, 0.9)]);
            rows.push(vec![percentile(&mut tb, 0.5), percentile(&mut tb, 0.9)]);
        }
        for (k, name) in [(0, name_a), (1, name_b)] {
            let (bg, fg) = (&rows[k], &rows[k + 2]);
            println!(
                "{name:<55} {:>9.2} {:>9.2}   {:>9.2} {:>9.2}",
                bg[0], bg[1], fg[0], fg[1]
            );
        }
    }
}
