//! End-to-end: runs the real `resdraft` binary in tmux (100×30), sends keys, reads the screen
//! with capture-pane and checks the saved file. Skips with a message when tmux is absent.
//! HOME and the XDG/resdraft directories point into a temporary directory.

use resdraft::draftfile;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

impl Tmux {
    fn cmd(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux runs")
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.cmd(&["capture-pane", "-p", "-t", "e2e"]).stdout).into()
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.cmd(&["send-keys", "-t", "e2e", k]);
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    fn literal(&self, text: &str) {
        self.cmd(&["send-keys", "-t", "e2e", "-l", text]);
        std::thread::sleep(Duration::from_millis(100));
    }

    fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(needle) {
                return s;
            }
            if start.elapsed() > Duration::from_secs(10) {
                panic!("“{needle}” did not appear; screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn alive(&self) -> bool {
        self.cmd(&["has-session", "-t", "e2e"]).status.success()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]);
    }
}

fn tmux_available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn start(dir: &Path, args: &str) -> Tmux {
    let socket = format!("resdraft-e2e-{}-{}", std::process::id(), args.len());
    let home = dir.join("home");
    std::fs::create_dir_all(&home).unwrap();
    let cmd = format!(
        "cd '{d}' && env HOME='{h}' XDG_CONFIG_HOME='{h}/.config' XDG_DATA_HOME='{h}/.local/share' \
         RESDRAFT_CONFIG_DIR='{h}/config' RESDRAFT_DATA_DIR='{h}/data' TERM=xterm-256color \
         '{bin}' {args}; echo EXITED $?; sleep 30",
        d = dir.display(),
        h = home.display(),
        bin = env!("CARGO_BIN_EXE_resdraft"),
    );
    let t = Tmux { socket };
    let out = t.cmd(&[
        "new-session",
        "-d",
        "-s",
        "e2e",
        "-x",
        "100",
        "-y",
        "30",
        &cmd,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    t
}

#[test]
fn edit_move_insert_save_and_quit_in_a_real_terminal() {
    if !tmux_available() {
        eprintln!("skipped: tmux is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("drafts/sample-resolution.toml");
    let draft_path = dir.path().join("draft.toml");
    std::fs::copy(&sample, &draft_path).unwrap();
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
    t.literal("Invites");
    t.keys(&["BTab"]);
    t.literal("all cities to publish groundwater data");
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
    if !tmux_available() {
        eprintln!("skipped: tmux is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let t = start(dir.path(), "edit new-draft.toml");
    t.wait_for("does not exist");
    t.keys(&["y", "o"]);
    t.wait_for("Opening phrase");
    t.literal("Decides");
    t.keys(&["BTab"]);
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
    if !tmux_available() {
        eprintln!("skipped: tmux is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("drafts/sample-resolution.toml");
    let mut draft = draftfile::load(&sample).unwrap();
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
