//! End-to-end: runs the real `resdraft` binary in tmux (100×30), sends keys, reads the screen
//! with capture-pane and checks the saved file. Without tmux the tests say SKIPPED on stderr
//! (and fail under CI=true).
//! HOME and the XDG/resdraft directories point into a temporary directory.

mod common;

use common::tmux::{command_line, ends_within_2s, sample_in, start, start_command};
use resdraft::draftfile;
use std::process::Command;

#[test]
fn edit_move_insert_save_and_quit_in_a_real_terminal() {
    if !common::tool_available("tmux", "edit_move_insert_save_and_quit_in_a_real_terminal") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let draft_path = sample_in(dir.path());
    let before = draftfile::load(&draft_path).unwrap().document;

    let t = start(dir.path(), "edit draft.toml");
    let s = t.wait_for("The General Assembly,");
    assert!(s.contains("draft.toml"), "status bar names the file:\n{s}");
    assert!(s.contains("Enter edit"), "hint line:\n{s}");

    // Help overlay opens and closes.
    t.keys(&["?"]);
    t.wait_for("Help: keys");
    t.keys(&["Escape"]);

    // Last operative paragraph up one place.
    t.keys(&["G", "K"]);
    t.wait_for("[+]");
    // A new operative paragraph after it.
    t.keys(&["o"]);
    t.wait_for("Opening phrase");
    // Space after a whole opening phrase moves on to the text.
    t.literal("Invites all cities to publish groundwater data");
    t.keys(&["Enter"]);
    t.keys(&["C-s"]);
    t.wait_for("Saved");
    t.keys(&["q"]);
    let s = t.wait_for("EXITED 0");
    assert!(!s.contains("Help: keys"), "alternate screen left:\n{s}");

    let after = draftfile::load(&draft_path).unwrap().document;
    let n = before.operative.len();
    assert_eq!(after.operative.len(), n + 1);
    assert_eq!(
        after.operative[n - 2].id,
        before.operative[n - 1].id,
        "moved up"
    );
    let new = &after.operative[n - 1];
    assert_eq!(new.lead, "Invites");
    assert!(
        new.text
            .starts_with("all cities to publish groundwater data")
    );
    assert!(new.text.ends_with(';'), "{}", new.text);
    assert!(
        after.operative[n].text.ends_with('.'),
        "last keeps its full stop"
    );
}

#[test]
fn quitting_with_unsaved_changes_asks_and_a_missing_file_offers_a_new_draft() {
    if !common::tool_available(
        "tmux",
        "quitting_with_unsaved_changes_asks_and_a_missing_file_offers_a_new_draft",
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let t = start(dir.path(), "edit new-draft.toml");
    t.wait_for("does not exist");
    t.keys(&["y", "o"]);
    t.wait_for("Opening phrase");
    t.literal("Decid");
    t.keys(&["Tab"]);
    t.literal("to meet again next year");
    t.keys(&["Enter", "q"]);
    t.wait_for("Unsaved changes");
    t.keys(&["y"]);
    t.wait_for("EXITED 0");
    let saved = draftfile::load(&dir.path().join("new-draft.toml")).unwrap();
    assert_eq!(saved.document.operative.len(), 1);
    assert_eq!(saved.document.operative[0].lead, "Decides");
    assert!(!t.alive() || t.screen().contains("EXITED 0"));
}

#[test]
fn draft_at_label_opens_the_revision_view() {
    if !common::tool_available("tmux", "draft_at_label_opens_the_revision_view") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut draft = draftfile::load(&common::tui::sample_path()).unwrap();
    let mut old = draft.document.clone();
    old.operative.remove(0);
    draft.revisions.push(resdraft::model::Revision {
        label: "L.1".into(),
        date: "2026-11-01".into(),
        note: String::new(),
        document: old,
    });
    let path = dir.path().join("rev.toml");
    draftfile::save(&path, &draft).unwrap();
    let t = start(dir.path(), "edit rev.toml@L.1");
    t.wait_for("old: L.1");
    t.keys(&["Escape"]);
    t.wait_for("Enter edit");
    t.keys(&["q"]);
    t.wait_for("EXITED 0");
}

#[test]
fn closing_the_terminal_ends_the_editor_and_keeps_the_open_edit() {
    if !common::tool_available(
        "tmux",
        "closing_the_terminal_ends_the_editor_and_keeps_the_open_edit",
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let draft_path = sample_in(dir.path());
    let before = std::fs::read(&draft_path).unwrap();

    // exec: the pane's process is resdraft itself.
    let t = start_command(&command_line(dir.path(), "edit draft.toml"));
    t.wait_for("The General Assembly,");
    let pid = t.pane_pid();
    // Edit the first paragraph and leave the editor open (no Enter).
    t.keys(&["Enter"]);
    t.wait_for("Edit ");
    t.literal(" typed before the window closed");
    t.wait_for("typed before");
    t.cmd(&["kill-window", "-t", "e2e"]);
    assert!(
        ends_within_2s(pid),
        "resdraft (pid {pid}) still runs 2 s after its terminal closed"
    );
    assert_eq!(
        std::fs::read(&draft_path).unwrap(),
        before,
        "the draft itself is untouched"
    );
    let recovery = dir.path().join("home/data/recovery");
    let copies: Vec<_> = std::fs::read_dir(&recovery)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    assert!(
        !copies.is_empty(),
        "no recovery copy in {}",
        recovery.display()
    );

    // Reopening offers the edit back.
    let t = start(dir.path(), "edit draft.toml");
    t.wait_for("Recover unsaved work");
    t.keys(&["y"]);
    t.wait_for("Recovered");
    t.keys(&["C-s"]);
    t.wait_for("Saved");
    t.keys(&["q"]);
    t.wait_for("EXITED 0");
    let after = draftfile::load(&draft_path).unwrap().document;
    let first = after.preamble.first().or(after.operative.first()).unwrap();
    assert!(
        first.text.contains("typed before the window closed"),
        "{}",
        first.text
    );
}

#[test]
fn sigterm_and_sighup_end_the_editor_with_the_recovery_copy() {
    if !common::tool_available(
        "tmux",
        "sigterm_and_sighup_end_the_editor_with_the_recovery_copy",
    ) {
        return;
    }
    for sig in ["TERM", "HUP"] {
        let dir = tempfile::tempdir().unwrap();
        sample_in(dir.path());
        let t = start_command(&command_line(dir.path(), "edit draft.toml"));
        t.wait_for("The General Assembly,");
        let pid = t.pane_pid();
        t.keys(&["Enter"]);
        t.wait_for("Edit ");
        t.literal(" typed before the signal");
        t.wait_for("typed before");
        let status = Command::new("kill")
            .args([&format!("-{sig}"), &pid.to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        assert!(
            ends_within_2s(pid),
            "SIG{sig}: resdraft still runs after 2 s"
        );
        let recovery = dir.path().join("home/data/recovery");
        let copy = std::fs::read_dir(&recovery)
            .unwrap()
            .flatten()
            .find(|e| e.path().extension().is_some_and(|x| x == "toml"))
            .expect("a recovery copy");
        let draft = draftfile::load(&copy.path()).unwrap();
        let first = draft
            .document
            .preamble
            .first()
            .or(draft.document.operative.first())
            .unwrap();
        assert!(
            first.text.contains("typed before the signal"),
            "SIG{sig}: {}",
            first.text
        );
    }
}

/// Issue 15: search, go to a paragraph, a new paragraph with its opening phrase and text in
/// the fewest keys, a footnote added in the paragraph editor, save; the file is checked.
#[test]
fn search_go_to_insert_footnote_and_save_in_a_real_terminal() {
    if !common::tool_available(
        "tmux",
        "search_go_to_insert_footnote_and_save_in_a_real_terminal",
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let draft_path = sample_in(dir.path());
    let before = draftfile::load(&draft_path).unwrap().document;
    let t = start(dir.path(), "edit draft.toml");
    t.wait_for("The General Assembly,");
    // Search: the count shows in the status bar; n moves on.
    t.keys(&["/"]);
    t.literal("aquifer");
    t.keys(&["Enter"]);
    let s = t.wait_for("/aquifer");
    assert!(s.contains("1/") || s.contains("2/"), "{s}");
    t.keys(&["n"]);
    // Go to OP 3: the status bar says where the selection is.
    t.keys(&[":"]);
    t.literal("OP3");
    t.keys(&["Enter"]);
    t.wait_for("At OP 3");
    // A new operative paragraph after it: o, the phrase, Space, the text, Enter.
    t.keys(&["o"]);
    t.wait_for("Opening phrase");
    t.literal("Invites all cities to map their aquifers");
    // A footnote at the end of the text, in the same editor.
    t.keys(&["C-f"]);
    t.wait_for("New footnote");
    t.literal("See the atlas of urban aquifers.");
    t.keys(&["Enter"]);
    t.wait_for("OP 4");
    t.keys(&["C-s"]);
    t.wait_for("Saved");
    t.keys(&["q"]);
    t.wait_for("EXITED 0");
    let after = draftfile::load(&draft_path).unwrap().document;
    assert_eq!(after.operative.len(), before.operative.len() + 1);
    let new = &after.operative[3];
    assert_eq!(new.lead, "Invites");
    // The end mark goes before the footnote marker, as printed ("aquifers;¹").
    assert!(
        new.text.starts_with("all cities to map their aquifers;[^"),
        "{}",
        new.text
    );
    assert_eq!(after.footnotes.len(), before.footnotes.len() + 1);
    let f = after
        .footnotes
        .iter()
        .find(|f| f.text == "See the atlas of urban aquifers.")
        .expect("the footnote is saved");
    assert_eq!(f.anchor, new.id);
}
