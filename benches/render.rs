//! Editor speed: one frame (TestBackend 200×60) of a generated 1,000-paragraph draft, a frame
//! after moving the selection (scrolling), a frame after an edit (one paragraph re-laid out),
//! and opening the draft file plus its first frame; the move and the opening also as the
//! terminal editor runs them, with the editorial check in its worker thread; every other key
//! that changes the document (delete, undo, redo, demote, promote, merge, editing a paragraph)
//! timed the same way, in pairs that restore the document. The issues ask
//! for a frame under 2 ms, a document-changing key + frame under 5 ms and open + first frame
//! under 50 ms.

mod editor_draft;

/// The binary's allocator (src/main.rs), so the figures are the editor's as the user runs it.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{Criterion, criterion_group, criterion_main};
use editor_draft::{app_for, generated, key};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use resdraft::draftfile;
use resdraft::tui::{input, view};
use std::hint::black_box;
use std::path::PathBuf;

fn bench(c: &mut Criterion) {
    let draft = generated();
    let mut term = Terminal::new(TestBackend::new(200, 60)).expect("test backend");

    let mut app = app_for(draft.clone(), PathBuf::from("bench.toml"), false);
    for _ in 0..500 {
        key(&mut app, KeyCode::Char('j'));
    }
    term.draw(|f| view::draw(f, &mut app)).expect("draw");
    c.bench_function("frame 200x60, 1000 paragraphs", |b| {
        b.iter(|| {
            term.draw(|f| view::draw(f, black_box(&mut app)))
                .expect("draw");
        })
    });

    c.bench_function("select next + frame", |b| {
        b.iter(|| {
            key(&mut app, KeyCode::Char('j'));
            term.draw(|f| view::draw(f, &mut app)).expect("draw");
        })
    });

    let mut up = true;
    c.bench_function("move paragraph + frame (renumber, check)", |b| {
        b.iter(|| {
            key(&mut app, KeyCode::Char(if up { 'K' } else { 'J' }));
            up = !up;
            term.draw(|f| view::draw(f, &mut app)).expect("draw");
        })
    });

    let mut app = app_for(draft.clone(), PathBuf::from("bench.toml"), true);
    for _ in 0..500 {
        key(&mut app, KeyCode::Char('j'));
    }
    c.bench_function("move paragraph + frame, check in the background", |b| {
        b.iter(|| {
            key(&mut app, KeyCode::Char(if up { 'K' } else { 'J' }));
            up = !up;
            app.poll_findings();
            term.draw(|f| view::draw(f, &mut app)).expect("draw");
        })
    });

    // Every other key that changes the document, as the terminal runs it (check in the
    // background), each with its frame: a pair that restores the document per iteration, so
    // the figure per key is half the time of the pair.
    let pairs: [(&str, &[KeyCode], &[KeyCode]); 5] = [
        (
            "delete + frame, undo + frame",
            &[KeyCode::Char('d')],
            &[KeyCode::Char('u')],
        ),
        (
            "undo + frame, redo + frame",
            &[KeyCode::Char('u')],
            &[KeyCode::Char('r')],
        ),
        (
            "demote + frame, promote + frame",
            &[KeyCode::Char('>')],
            &[KeyCode::Char('<')],
        ),
        (
            "merge + frame, undo + frame",
            &[KeyCode::Char('m')],
            &[KeyCode::Char('u')],
        ),
        (
            "edit a word (enter, x, enter) + frame, undo + frame",
            &[
                KeyCode::Enter,
                KeyCode::End,
                KeyCode::Char('x'),
                KeyCode::Enter,
            ],
            &[KeyCode::Char('u')],
        ),
    ];
    for (name, there, back) in pairs {
        c.bench_function(name, |b| {
            b.iter(|| {
                for keys in [there, back] {
                    for &k in keys {
                        if k == KeyCode::Char('r') {
                            input::handle_key(
                                &mut app,
                                KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL),
                            );
                        } else {
                            key(&mut app, k);
                        }
                    }
                    app.poll_findings();
                    term.draw(|f| view::draw(f, &mut app)).expect("draw");
                }
            })
        });
    }
    assert_eq!(
        app.draft.document.paragraph_count(),
        draft.document.paragraph_count(),
        "each pair of keys restores the document"
    );

    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bench.toml");
    draftfile::save(&path, &draft).expect("save");
    c.bench_function("open: load draft file", |b| {
        b.iter(|| black_box(draftfile::load(&path).expect("load")))
    });
    c.bench_function("open: editorial check", |b| {
        b.iter(|| black_box(resdraft::check::check(&draft.document)))
    });
    for (name, background) in [
        ("open draft + first frame", false),
        ("open draft + first frame, check in the background", true),
    ] {
        c.bench_function(name, |b| {
            b.iter(|| {
                let loaded = draftfile::load(&path).expect("load");
                let mut app = app_for(loaded, path.clone(), background);
                let mut term = Terminal::new(TestBackend::new(200, 60)).expect("test backend");
                term.draw(|f| view::draw(f, &mut app)).expect("draw");
                black_box(app.generation);
            })
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
