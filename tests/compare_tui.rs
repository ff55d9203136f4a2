//! The TUI revision view: insta snapshots (TestBackend) of the side-by-side and inline views
//! at 80×24 and 160×48 on the sample draft's revision against its current text, styles of
//! changed words, keys (n/N, hide unchanged, inline, Esc) and reverting a change with the
//! core operations.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::style::Modifier;
use resdraft::compare::Kind;
use resdraft::draftfile;
use resdraft::model::{Document, Draft};
use resdraft::tui::revision_view::{DiffStyles, RevisionView, ViewAction, ViewMode, render};
use std::path::Path;

fn sample() -> Draft {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("drafts/sample-resolution.toml");
    draftfile::load(&path).expect("the sample draft loads")
}

fn view(d: &Draft) -> RevisionView {
    let r = d.revisions.first().expect("the sample has a revision");
    RevisionView::new(&r.document, &d.document, &r.label, "current text")
}

fn draw(v: &RevisionView, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| render(f.area(), f.buffer_mut(), v, &DiffStyles::default()))
        .unwrap();
    t
}

fn key(v: &mut RevisionView, c: KeyCode, doc: &Document) -> ViewAction {
    v.handle_key(KeyEvent::from(c), doc)
}

#[test]
fn side_by_side_snapshots() {
    let d = sample();
    let v = view(&d);
    insta::assert_snapshot!("side_by_side_80x24", draw(&v, 80, 24).backend());
    insta::assert_snapshot!("side_by_side_160x48", draw(&v, 160, 48).backend());
}

#[test]
fn inline_snapshots() {
    let d = sample();
    let mut v = view(&d);
    key(&mut v, KeyCode::Char('i'), &d.document);
    assert_eq!(v.mode, ViewMode::Inline);
    insta::assert_snapshot!("inline_80x24", draw(&v, 80, 24).backend());
    insta::assert_snapshot!("inline_160x48", draw(&v, 160, 48).backend());
}

#[test]
fn narrow_falls_back_to_inline_and_tiny_areas_do_not_panic() {
    let d = sample();
    let v = view(&d);
    let t = draw(&v, 50, 12);
    let text = format!("{}", t.backend());
    assert!(text.contains("Too narrow for two columns"));
    for (w, h) in [(1, 1), (20, 5), (3, 40), (200, 3)] {
        draw(&v, w, h);
    }
}

#[test]
fn changed_words_are_styled() {
    let d = sample();
    let mut v = view(&d);
    // Go to the first operative change and look for styled cells.
    while v.selected_entry().is_some_and(|e| {
        e.old.is_none() || e.new.is_none() || e.part != resdraft::compare::PartKind::Operative
    }) {
        key(&mut v, KeyCode::Char('n'), &d.document);
    }
    let t = draw(&v, 160, 48);
    let buf = t.backend().buffer();
    let cells = buf.content();
    assert!(
        cells
            .iter()
            .any(|c| c.modifier.contains(Modifier::CROSSED_OUT)),
        "a deletion is struck through"
    );
    assert!(
        cells
            .iter()
            .any(|c| c.modifier.contains(Modifier::UNDERLINED)),
        "an insertion is underlined"
    );
}

#[test]
fn keys_move_hide_toggle_and_close() {
    let d = sample();
    let mut v = view(&d);
    let first = v.selected;
    assert!(v.selected_entry().unwrap().is_change());
    key(&mut v, KeyCode::Char('n'), &d.document);
    assert!(v.selected > first && v.selected_entry().unwrap().is_change());
    key(&mut v, KeyCode::Char('N'), &d.document);
    assert_eq!(v.selected, first);
    key(&mut v, KeyCode::Char('N'), &d.document);
    assert_eq!(v.message.as_deref(), Some("No earlier change"));
    let all = v.visible().len();
    key(&mut v, KeyCode::Char('u'), &d.document);
    assert!(v.visible().len() < all);
    assert!(
        v.visible()
            .iter()
            .all(|i| v.comparison.changes[*i].is_change())
    );
    // Esc returns to the editor on the selected paragraph (or the nearest before it).
    while v
        .selected_entry()
        .is_some_and(|e| !e.is_paragraph() || e.new.is_none())
    {
        key(&mut v, KeyCode::Char('n'), &d.document);
    }
    let id = v
        .selected_entry()
        .and_then(|e| e.new.as_ref())
        .map(|s| s.id.clone());
    assert_eq!(
        key(&mut v, KeyCode::Esc, &d.document),
        ViewAction::Close { select: id }
    );
}

#[test]
fn reverting_takes_the_old_paragraph_back() {
    let d = sample();
    let old = d.revisions[0].document.clone();
    let mut current = d.document.clone();
    let mut v = view(&d);
    for kind in [Kind::Modified, Kind::Deleted, Kind::Inserted, Kind::Moved] {
        let Some(i) = v
            .comparison
            .changes
            .iter()
            .position(|e| e.kind == kind && e.is_paragraph())
        else {
            continue;
        };
        v.selected = i;
        let before = v.comparison.stat().get(kind);
        let ViewAction::Revert { ops, .. } = key(&mut v, KeyCode::Char('r'), &current) else {
            panic!("{kind:?} can be reverted: {:?}", v.message);
        };
        for op in ops {
            resdraft::ops::apply(&mut current, op).expect("the revert applies");
        }
        v.refresh(&current);
        assert_eq!(
            v.comparison.stat().get(kind),
            before - 1,
            "{kind:?} reverted"
        );
    }
    // Unchanged items have nothing to revert.
    let i = v
        .comparison
        .changes
        .iter()
        .position(|e| e.kind == Kind::Unchanged)
        .unwrap();
    v.selected = i;
    assert_eq!(key(&mut v, KeyCode::Char('r'), &current), ViewAction::None);
    assert!(
        v.message
            .as_deref()
            .unwrap_or("")
            .contains("nothing to revert")
    );
    let _ = old;
}

/// A resolution with operative paragraphs "o1".."on" ("Decides text k;").
fn numbered(n: usize) -> Document {
    let mut d = Document::new(resdraft::model::DocKind::Resolution);
    for k in 1..=n {
        let end = if k == n { "." } else { ";" };
        d.operative.push(resdraft::model::Paragraph::new(
            resdraft::model::Id(format!("o{k}")),
            "Decides",
            format!("text {k}{end}"),
        ));
    }
    d
}

fn set(d: &mut Document, id: &str, text: &str) {
    d.find_mut(&resdraft::model::Id::new(id)).unwrap().text = text.to_string();
}

fn text(d: &Document, id: &str) -> String {
    d.find(&resdraft::model::Id::new(id)).unwrap().text.clone()
}

/// Reverts the first paragraph change of `kind` in the view of `old` against `current`.
fn revert(old: &Document, current: &mut Document, kind: Kind) {
    let mut v = RevisionView::new(old, current, "L.1", "current text");
    v.selected = v
        .comparison
        .changes
        .iter()
        .position(|e| e.kind == kind && e.is_paragraph())
        .unwrap_or_else(|| panic!("a {kind:?} change"));
    let ViewAction::Revert { ops, .. } = key(&mut v, KeyCode::Char('r'), current) else {
        panic!("{kind:?} can be reverted: {:?}", v.message);
    };
    for op in ops {
        resdraft::ops::apply(current, op).expect("the revert applies");
    }
}

/// Issue 9 §5: reverting an inserted paragraph that a range names never leaves the range
/// naming the paragraph that holds it.
#[test]
fn reverting_an_insertion_never_leaves_a_range_naming_itself() {
    let old = numbered(9);
    let mut current = old.clone();
    resdraft::ops::apply(
        &mut current,
        resdraft::ops::Op::InsertAfter {
            target: resdraft::model::Id::new("o8"),
            paragraph: resdraft::model::Paragraph::new(
                resdraft::model::Id::new("x"),
                "Invites",
                "more",
            ),
        },
    )
    .unwrap();
    set(
        &mut current,
        "o9",
        "Decides to review paragraphs 7 to 9 above;",
    );
    revert(&old, &mut current, Kind::Inserted);
    // o9 is paragraph 9 again: its range must not read "7 to 9".
    let t = text(&current, "o9");
    assert!(!t.contains("paragraphs 7 to 9"), "{t}");
    assert!(t.contains("[deleted: 9]"), "{t}");
}

/// Reverted text comes from the older revision, written against its numbering: its
/// references are rewritten for where their paragraphs stand now.
#[test]
fn reverted_text_follows_the_current_numbering() {
    let mut old = numbered(5);
    set(&mut old, "o5", "as in paragraph 3 above.");
    set(&mut old, "o2", "see paragraph 5 below;");
    let mut current = old.clone();
    resdraft::ops::apply(
        &mut current,
        resdraft::ops::Op::InsertBefore {
            target: resdraft::model::Id::new("o1"),
            paragraph: resdraft::model::Paragraph::new(
                resdraft::model::Id::new("x"),
                "Welcomes",
                "the plan",
            ),
        },
    )
    .unwrap();
    set(&mut current, "o5", "as in paragraph 4 above, and more.");
    revert(&old, &mut current, Kind::Modified);
    // Old paragraph 3 (o3) is paragraph 4 now.
    assert_eq!(text(&current, "o5"), "as in paragraph 4 above.");
    resdraft::ops::apply(
        &mut current,
        resdraft::ops::Op::Delete {
            id: resdraft::model::Id::new("o2"),
        },
    )
    .unwrap();
    revert(&old, &mut current, Kind::Deleted);
    // o2 is back: its “paragraph 5 below” (o5) names where o5 stands now.
    let at = current
        .operative
        .iter()
        .position(|p| p.id.as_str() == "o5")
        .unwrap();
    assert_eq!(
        text(&current, "o2"),
        format!("see paragraph {} below;", at + 1)
    );
    let at3 = current
        .operative
        .iter()
        .position(|p| p.id.as_str() == "o3")
        .unwrap();
    assert_eq!(
        text(&current, "o5"),
        format!("as in paragraph {} above.", at3 + 1)
    );
}
