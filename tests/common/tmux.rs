//! A real terminal for end-to-end tests: the resdraft binary in a tmux session of its own
//! (100×30), keys sent with send-keys, the screen read with capture-pane. HOME and the
//! XDG/resdraft directories point into the test's temporary directory.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

pub struct Tmux {
    pub socket: String,
}

impl Tmux {
    pub fn cmd(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux runs")
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.cmd(&["capture-pane", "-p", "-t", "e2e"]).stdout).into()
    }

    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.cmd(&["send-keys", "-t", "e2e", k]);
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    pub fn literal(&self, text: &str) {
        self.cmd(&["send-keys", "-t", "e2e", "-l", text]);
        std::thread::sleep(Duration::from_millis(100));
    }

    pub fn wait_for(&self, needle: &str) -> String {
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

    /// Waits until the screen holds `words`, however the lines wrap them (runs of spaces and
    /// line ends count as one space). Returns the screen.
    pub fn wait_for_words(&self, words: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
            if flat.contains(words) {
                return s;
            }
            if start.elapsed() > Duration::from_secs(10) {
                panic!("“{words}” did not appear; screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub fn alive(&self) -> bool {
        self.cmd(&["has-session", "-t", "e2e"]).status.success()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]);
    }
}

/// The shell command that runs resdraft with its directories in `dir/home`.
pub fn command_line(dir: &Path, args: &str) -> String {
    let home = dir.join("home");
    std::fs::create_dir_all(&home).unwrap();
    format!(
        "cd '{d}' && exec env HOME='{h}' XDG_CONFIG_HOME='{h}/.config' XDG_DATA_HOME='{h}/.local/share' \
         RESDRAFT_CONFIG_DIR='{h}/config' RESDRAFT_DATA_DIR='{h}/data' TERM=xterm-256color \
         '{bin}' {args}",
        d = dir.display(),
        h = home.display(),
        bin = env!("CARGO_BIN_EXE_resdraft"),
    )
}

pub fn start(dir: &Path, args: &str) -> Tmux {
    // Not exec'd: the shell stays to print the exit status.
    let cmd =
        command_line(dir, args).replacen(" exec env ", " env ", 1) + "; echo EXITED $?; sleep 30";
    start_command(&cmd)
}

/// A tmux server of its own (one socket per session: tests run in parallel).
pub fn start_command(cmd: &str) -> Tmux {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let socket = format!("resdraft-e2e-{}-{n}", std::process::id());
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
        cmd,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    t
}
