//! Where a document-changing key's time goes, phase by phase, on the generated 1,000-paragraph
//! draft: the operation and its undo in the core, the copy and the comparison of the
//! draft, the editorial check from scratch and with its memo, the layout's block list and
//! the footnote numbers. `cargo bench --bench editor_parts [-- RUNS]`; medians in ms.

mod editor_draft;

/// The binary's allocator (src/main.rs), so the figures are the editor's as the user runs it.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use editor_draft::generated;
use resdraft::check::{self, Memo};
use resdraft::model::Id;
use resdraft::ops::{self, Op};
use resdraft::tui::layout::LayoutCache;
use std::hint::black_box;
use std::time::Instant;

fn median(runs: usize, mut f: impl FnMut()) -> f64 {
    if runs == 0 {
        return f64::NAN;
    }
    let mut t: Vec<f64> = (0..runs)
        .map(|_| {
            let s = Instant::now();
            f();
            s.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    t.sort_by(f64::total_cmp);
    t[t.len() / 2]
}

fn main() {
    let runs: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(41);
    let draft = generated();
    let mut doc = draft.document.clone();
    let id = Id::new("p700");
    // A word after the count: only the rows whose name holds it (for a profile).
    let only: Option<String> = std::env::args()
        .skip(1)
        .find(|a| a.parse::<usize>().is_err());
    let wanted = |name: &str| only.as_ref().is_none_or(|w| name.contains(w.as_str()));
    let row = |name: &str, ms: f64| println!("{name:<50} {ms:>8.3}");
    row(
        "op: move up + undo",
        median(
            if wanted("op: move up + undo") {
                runs
            } else {
                0
            },
            || {
                let c = ops::apply(&mut doc, Op::MoveUp { id: id.clone() }).expect("move");
                ops::undo(&mut doc, &c.undo);
            },
        ),
    );
    row(
        "op: demote + undo",
        median(if wanted("op: demote + undo") { runs } else { 0 }, || {
            let c = ops::apply(&mut doc, Op::Demote { id: id.clone() }).expect("demote");
            ops::undo(&mut doc, &c.undo);
        }),
    );
    row(
        "op: delete + undo",
        median(if wanted("op: delete + undo") { runs } else { 0 }, || {
            let c = ops::apply(&mut doc, Op::Delete { id: id.clone() }).expect("delete");
            ops::undo(&mut doc, &c.undo);
        }),
    );
    row(
        "draft clone",
        median(if wanted("draft clone") { runs } else { 0 }, || {
            black_box(draft.clone());
        }),
    );
    let other = draft.clone();
    row(
        "draft == draft",
        median(if wanted("draft == draft") { runs } else { 0 }, || {
            black_box(other == draft);
        }),
    );
    row(
        "check from scratch",
        median(
            if wanted("check from scratch") {
                runs
            } else {
                0
            },
            || {
                black_box(check::check(&doc));
            },
        ),
    );
    let mut memo = Memo::default();
    memo.check(&doc);
    row(
        "check with memo, nothing changed",
        median(
            if wanted("check with memo, nothing changed") {
                runs
            } else {
                0
            },
            || {
                black_box(memo.check(&doc));
            },
        ),
    );
    let mut layout = LayoutCache::default();
    let mut g = 0;
    row(
        "layout block list",
        median(if wanted("layout block list") { runs } else { 0 }, || {
            g += 1;
            layout.sync(&doc, g);
        }),
    );
    row(
        "footnote numbers",
        median(if wanted("footnote numbers") { runs } else { 0 }, || {
            black_box(resdraft::numbering::footnote_numbers(&doc));
        }),
    );
    row(
        "walk",
        median(if wanted("walk") { runs } else { 0 }, || {
            black_box(doc.paragraph_count());
        }),
    );
    row(
        "find p700",
        median(if wanted("find p700") { runs } else { 0 }, || {
            black_box(doc.find(&id));
        }),
    );
}
