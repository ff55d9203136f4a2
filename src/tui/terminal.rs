//! Terminal setup and teardown. The panic hook is installed before `ratatui::init` and puts
//! the terminal back (raw mode off, alternate screen left, mouse capture and bracketed paste
//! off, cursor shown) and writes the recovery copy before the panic message is printed.
//! SIGTERM, SIGHUP and SIGINT set a flag the event loop checks, so they end just as cleanly.

use super::storage::recovery;
use crate::model::Draft;
use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{LeaveAlternateScreen, disable_raw_mode};
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, Once};

/// The draft to write to the recovery file if the editor panics: (recovery path, draft).
static SNAPSHOT: Mutex<Option<(PathBuf, Draft)>> = Mutex::new(None);
static HOOK: Once = Once::new();

/// Updates the draft the panic hook would save (`None` when there is nothing unsaved).
pub fn set_snapshot(snapshot: Option<(PathBuf, Draft)>) {
    if let Ok(mut slot) = SNAPSHOT.lock() {
        *slot = snapshot;
    }
}

/// Writes the snapshot to its recovery file, if there is one. Used on panic and on signals.
pub fn write_snapshot() -> Option<PathBuf> {
    let slot = SNAPSHOT.try_lock().ok()?;
    let (path, draft) = slot.as_ref()?;
    recovery::write(path, draft).ok()?;
    Some(path.clone())
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
                eprintln!("resdraft: unsaved work was written to {}", p.display());
            }
            previous(info);
        }));
    });
}

/// Registers SIGTERM, SIGHUP and SIGINT to set the returned flag.
pub fn signal_flag() -> Arc<AtomicBool> {
    let flag = Arc::new(AtomicBool::new(false));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        let _ = signal_hook::flag::register(sig, flag.clone());
    }
    flag
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
