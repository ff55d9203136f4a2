//! The real `resdraft` binary in tmux (100×30) for the end-to-end tests: a tmux server of each
//! test's own, keys sent by name or as literal text, the screen read with capture-pane, and the
//! process watched as it ends. HOME and the XDG/resdraft directories point into a temporary
//! directory.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// A tmux server of a test's own, with one session `e2e`.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// Runs a tmux command on this server.
    pub fn cmd(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux runs")
    }

    /// The characters of the pane.
    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.cmd(&["capture-pane", "-p", "-t", "e2e"]).stdout).into()
    }

    /// Sends keys by tmux's names ("Enter", "C-s"), one at a time.
    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.cmd(&["send-keys", "-t", "e2e", k]);
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    /// Types `text` literally. tmux reads an argument ending in `;` as the end of its command
    /// and drops the semicolon, so a final `;` goes escaped (`\;`, which tmux types as `;`).
    pub fn literal(&self, text: &str) {
        let escaped = match text.strip_suffix(';') {
            Some(rest) => format!("{rest}\\;"),
            None => text.to_string(),
        };
        self.cmd(&["send-keys", "-t", "e2e", "-l", &escaped]);
        std::thread::sleep(Duration::from_millis(100));
    }

    /// Waits (up to 10 s) until the pane shows `needle`, and returns the screen.
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

    /// Sends `keys` (see [`Tmux::keys`]) and waits until the pane shows `needle`; the screen.
    pub fn press(&self, keys: &[&str], needle: &str) -> String {
        self.keys(keys);
        self.wait_for(needle)
    }

    /// Waits (up to 10 s) until the pane holds `words`, however its lines wrap them (runs of
    /// spaces and line ends count as one space), and returns the screen.
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

    /// The pid of the pane's process (resdraft itself when started by [`start_command`] with
    /// [`command_line`], which execs it).
    pub fn pane_pid(&self) -> u32 {
        String::from_utf8_lossy(
            &self
                .cmd(&["display-message", "-p", "-t", "e2e", "#{pane_pid}"])
                .stdout,
        )
        .trim()
        .parse()
        .expect("pane pid")
    }

    /// Whether the session still runs.
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

/// resdraft run with `args` in `dir` under a shell that stays to print `EXITED <status>`.
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

/// Whether process `pid` has ended (gone, or a zombie nobody reaped yet).
pub fn ended(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Err(_) => true,
        Ok(stat) => stat
            .rsplit_once(')')
            .is_some_and(|(_, rest)| rest.trim_start().starts_with(['Z', 'X'])),
    }
}

/// Waits up to 2 s for process `pid` to end; whether it did.
pub fn ends_within_2s(pid: u32) -> bool {
    let since = Instant::now();
    while !ended(pid) && since.elapsed() < Duration::from_secs(2) {
        std::thread::sleep(Duration::from_millis(20));
    }
    ended(pid)
}

/// Copies the repository's sample draft into `dir` as draft.toml; its path.
pub fn sample_in(dir: &Path) -> PathBuf {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("drafts/sample-resolution.toml");
    let path = dir.join("draft.toml");
    std::fs::copy(&sample, &path).unwrap();
    path
}
