//! Terminal setup and teardown. The panic hook is installed before `ratatui::init` and puts
//! the terminal back (raw mode off, alternate screen left, mouse capture and bracketed paste
//! off, cursor shown) and writes the recovery copy before the panic message is printed.
//! Signals and the loss of the terminal are handled by [`super::watchdog`], which uses the
//! same snapshot when the event loop cannot finish by itself.

use super::app::Pending;
use super::storage::recovery;
use crate::model::Draft;
use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{LeaveAlternateScreen, disable_raw_mode};
use std::io::Write;
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard, Once};
use std::time::{Duration, Instant};

/// What a panic or an emergency exit writes to the recovery file.
struct Snapshot {
    /// The recovery file.
    path: PathBuf,
    /// The draft with its committed changes.
    draft: Draft,
    /// Text typed into an open popup, applied to `draft` when written.
    pending: Option<Pending>,
}

static SNAPSHOT: Mutex<Option<Snapshot>> = Mutex::new(None);
static HOOK: Once = Once::new();

fn slot() -> Option<MutexGuard<'static, Option<Snapshot>>> {
    SNAPSHOT.lock().ok()
}

/// Updates the draft the panic hook would save (`None` when there is nothing unsaved). The
/// pending popup text is kept.
pub fn set_snapshot(snapshot: Option<(PathBuf, Draft)>) {
    if let Some(mut slot) = slot() {
        let pending = slot.take().and_then(|s| s.pending);
        *slot = snapshot.map(|(path, draft)| Snapshot {
            path,
            draft,
            pending,
        });
    }
}

/// Updates the text typed into an open popup and not committed yet.
pub fn set_pending(pending: Option<Pending>) {
    if let Some(mut slot) = slot()
        && let Some(s) = slot.as_mut()
    {
        s.pending = pending;
    }
}

/// Writes the snapshot to its recovery file, if there is one. Used on a panic and on an
/// emergency exit; waits at most a moment for the lock so it never hangs.
pub fn write_snapshot() -> Option<PathBuf> {
    let start = Instant::now();
    let slot = loop {
        match SNAPSHOT.try_lock() {
            Ok(s) => break s,
            Err(std::sync::TryLockError::Poisoned(p)) => break p.into_inner(),
            Err(std::sync::TryLockError::WouldBlock)
                if start.elapsed() < Duration::from_millis(200) =>
            {
                std::thread::sleep(Duration::from_millis(5))
            }
            Err(_) => return None,
        }
    };
    let snap = slot.as_ref()?;
    let mut draft = snap.draft.clone();
    if let Some(p) = &snap.pending {
        p.apply_to(&mut draft);
    }
    recovery::write(&snap.path, &draft).ok()?;
    Some(snap.path.clone())
}

/// The watchdog's last resort when the event loop did not end in time: writes the recovery
/// copy and tries to restore the terminal (on a helper thread, so a terminal that no longer
/// takes output cannot hold the exit up). Returns what to tell the user.
pub fn emergency() -> Option<String> {
    let written = write_snapshot();
    let (tx, rx) = std::sync::mpsc::channel();
    let _ = std::thread::Builder::new().spawn(move || {
        restore();
        let _ = tx.send(());
    });
    let _ = rx.recv_timeout(Duration::from_millis(200));
    written.map(|p| {
        format!(
            "unsaved work was written to {} (opening the draft again offers it)",
            p.display()
        )
    })
}

/// Puts the terminal back into its normal state. Safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        std::io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        Show
    );
}

/// Installs (once) the panic hook that restores the terminal and writes the recovery copy
/// before the default hook prints the panic message.
pub fn install_panic_hook() {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            if let Some(p) = write_snapshot() {
                let _ = writeln!(
                    std::io::stderr(),
                    "resdraft: unsaved work was written to {}",
                    p.display()
                );
            }
            previous(info);
        }));
    });
}

/// Enters the editor's terminal mode: panic hook first, then ratatui's init (raw mode,
/// alternate screen), then mouse capture and bracketed paste.
pub fn init() -> std::io::Result<DefaultTerminal> {
    install_panic_hook();
    let terminal = ratatui::try_init()?;
    if let Err(e) = execute!(std::io::stdout(), EnableMouseCapture, EnableBracketedPaste) {
        restore();
        return Err(e);
    }
    Ok(terminal)
}
