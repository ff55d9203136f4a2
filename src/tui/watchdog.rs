//! Ending the editor when it cannot go on: its terminal went away (the window closed, the
//! SSH session dropped, `tmux kill-window`) or a signal asked it to stop (SIGTERM, SIGHUP,
//! SIGINT, SIGQUIT).
//!
//! Two parts work together:
//! - [`Tty`] is how the event loop waits for input. It polls the terminal itself before it
//!   lets crossterm read: crossterm's reader retries a read that returns 0 (end of input) or
//!   fails with EIO forever, so once the terminal is gone it must never be called again. A
//!   hang-up shows as `POLLHUP`/`POLLERR`/`POLLNVAL` on the terminal's descriptor.
//! - [`Watchdog`] is a thread that sleeps in `poll(2)` on a self-pipe fed by the signal
//!   handlers and on the terminal's descriptors (with no events asked for, so only a hang-up
//!   or an error wakes it). It records why the editor must stop and sets the flag the event
//!   loop checks; the loop then writes the recovery copy and restores the terminal itself.
//!   If the loop has not finished within [`GRACE`] (it may be stuck in a read or a write on a
//!   dead terminal), the watchdog writes the recovery copy from the snapshot and ends the
//!   process.

use rustix::event::{PollFd, PollFlags, Timespec, poll};
use std::io::{Read, Write};
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

/// How long the event loop has to end cleanly after a signal or a hang-up before the watchdog
/// ends the process itself.
pub const GRACE: Duration = Duration::from_millis(800);

/// The signals that end the editor (after writing the recovery copy).
pub const SIGNALS: [i32; 4] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGQUIT,
];

/// Why the editor stopped without the user quitting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// The terminal went away (end of input, EIO or a hang-up).
    TerminalLost,
    /// A signal arrived.
    Signal(i32),
}

impl Stop {
    /// The exit status: 128 + the signal number, as a shell reports a process killed by it;
    /// a lost terminal counts as SIGHUP (129).
    pub fn exit_code(self) -> u8 {
        let sig = match self {
            Stop::TerminalLost => signal_hook::consts::SIGHUP,
            Stop::Signal(s) => s,
        };
        (128 + sig).clamp(0, 255) as u8
    }

    /// What happened, for the message printed on the way out.
    pub fn describe(self) -> String {
        match self {
            Stop::TerminalLost => "the terminal was closed".to_string(),
            Stop::Signal(s) => {
                let name = signal_hook::low_level::signal_name(s).unwrap_or("a signal");
                format!("stopped by {name}")
            }
        }
    }
}

/// State shared by the event loop and the watchdog thread.
#[derive(Debug, Default)]
pub struct Shared {
    /// Set when the editor must stop; the event loop checks it on every turn.
    stop: AtomicBool,
    /// The signal number that arrived last (0: none).
    signal: AtomicUsize,
    /// The terminal went away.
    lost: AtomicBool,
    /// The event loop finished (recovery copy written, terminal restored): no emergency exit.
    finished: AtomicBool,
}

impl Shared {
    /// Why the editor must stop, if it must.
    pub fn stop(&self) -> Option<Stop> {
        if !self.stop.load(Ordering::SeqCst) {
            return None;
        }
        match self.signal.load(Ordering::SeqCst) {
            0 => Some(Stop::TerminalLost),
            s => Some(Stop::Signal(s as i32)),
        }
    }

    /// Records that the terminal went away.
    pub fn terminal_lost(&self) {
        self.lost.store(true, Ordering::SeqCst);
        self.stop.store(true, Ordering::SeqCst);
    }

    /// Tells the watchdog that the event loop ended cleanly.
    pub fn finished(&self) {
        self.finished.store(true, Ordering::SeqCst);
    }
}

/// What waiting for input found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// Bytes are waiting: crossterm may read them.
    Ready,
    /// Nothing arrived in time.
    Timeout,
    /// The terminal is gone: never read from it again.
    Gone,
}

/// The editor's terminal as seen by `poll(2)`: the input descriptor crossterm reads (stdin
/// when it is a terminal, else `/dev/tty`) and stdout when it is a terminal.
pub struct Tty {
    /// Our own descriptor for `/dev/tty` when stdin is not a terminal.
    owned: Option<OwnedFd>,
    stdout_is_tty: bool,
}

const GONE: PollFlags = PollFlags::HUP.union(PollFlags::ERR).union(PollFlags::NVAL);

fn timespec(d: Duration) -> Timespec {
    Timespec {
        tv_sec: d.as_secs().min(i64::MAX as u64) as i64,
        tv_nsec: d.subsec_nanos().into(),
    }
}

impl Tty {
    /// The terminal the editor runs on (as crossterm picks it).
    pub fn open() -> std::io::Result<Tty> {
        let owned = if rustix::termios::isatty(std::io::stdin()) {
            None
        } else {
            let f = std::fs::OpenOptions::new().read(true).open("/dev/tty")?;
            Some(OwnedFd::from(f))
        };
        Ok(Tty {
            owned,
            stdout_is_tty: rustix::termios::isatty(std::io::stdout()),
        })
    }

    fn input(&self) -> BorrowedFd<'_> {
        match &self.owned {
            Some(fd) => fd.as_fd(),
            None => rustix::stdio::stdin(),
        }
    }

    fn fds(&self, events: PollFlags) -> Vec<PollFd<'_>> {
        let mut fds = vec![PollFd::from_borrowed_fd(self.input(), events)];
        if self.stdout_is_tty {
            fds.push(PollFd::from_borrowed_fd(
                rustix::stdio::stdout(),
                PollFlags::empty(),
            ));
        }
        fds
    }

    /// Waits up to `timeout` for input.
    pub fn wait_input(&self, timeout: Duration) -> Input {
        let mut fds = self.fds(PollFlags::IN);
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match poll(&mut fds, Some(&timespec(left))) {
                Ok(0) => return Input::Timeout,
                Ok(_) => {
                    if fds.iter().any(|f| f.revents().intersects(GONE)) {
                        return Input::Gone;
                    }
                    return Input::Ready;
                }
                Err(rustix::io::Errno::INTR) => continue,
                Err(_) => return Input::Gone,
            }
        }
    }

    /// Whether the terminal is gone (checked without waiting).
    pub fn gone(&self) -> bool {
        self.wait_input(Duration::ZERO) == Input::Gone
    }
}

/// The watchdog thread (see the module documentation).
pub struct Watchdog {
    pub shared: Arc<Shared>,
}

/// The recovery writer the watchdog calls on an emergency exit (registered once).
static EMERGENCY: OnceLock<fn() -> Option<String>> = OnceLock::new();

impl Watchdog {
    /// Registers the signal handlers and starts the thread. `emergency` writes the recovery
    /// copy and restores what it can, returning a line to print; it runs only when the event
    /// loop did not end within [`GRACE`] of a stop.
    pub fn start(emergency: fn() -> Option<String>) -> std::io::Result<Watchdog> {
        let _ = EMERGENCY.set(emergency);
        let shared = Arc::new(Shared::default());
        let (mut wake_rx, wake_tx) = UnixStream::pair()?;
        wake_rx.set_nonblocking(true)?;
        wake_tx.set_nonblocking(true)?;
        let signal = Arc::new(AtomicUsize::new(0));
        for sig in SIGNALS {
            signal_hook::flag::register_usize(sig, signal.clone(), sig as usize)?;
            signal_hook::low_level::pipe::register(sig, wake_tx.try_clone()?)?;
        }
        let tty = Tty::open().ok();
        let s = shared.clone();
        std::thread::Builder::new()
            .name("resdraft-watchdog".into())
            .spawn(move || {
                let reason = wait_for_stop(&mut wake_rx, tty.as_ref(), &signal);
                match reason {
                    Stop::Signal(n) => s.signal.store(n as usize, Ordering::SeqCst),
                    Stop::TerminalLost => s.lost.store(true, Ordering::SeqCst),
                }
                s.stop.store(true, Ordering::SeqCst);
                let start = Instant::now();
                while start.elapsed() < GRACE {
                    if s.finished.load(Ordering::SeqCst) {
                        return;
                    }
                    std::thread::sleep(Duration::from_millis(20));
                }
                if s.finished.load(Ordering::SeqCst) {
                    return;
                }
                let stop = s.stop().unwrap_or(reason);
                let note = EMERGENCY.get().and_then(|f| f());
                let mut err = std::io::stderr();
                let _ = writeln!(
                    err,
                    "resdraft: {}{}",
                    stop.describe(),
                    note.map(|n| format!("; {n}")).unwrap_or_default()
                );
                std::process::exit(i32::from(stop.exit_code()));
            })?;
        Ok(Watchdog { shared })
    }
}

/// Sleeps until a signal arrives or the terminal hangs up.
fn wait_for_stop(wake: &mut UnixStream, tty: Option<&Tty>, signal: &AtomicUsize) -> Stop {
    loop {
        let mut fds = vec![PollFd::new(wake, PollFlags::IN)];
        if let Some(t) = tty {
            // No events asked for: only a hang-up or an error is reported.
            fds.extend(t.fds(PollFlags::empty()));
        }
        // Wake up now and then anyway, in case a hang-up is not reported as an event.
        let r = poll(&mut fds, Some(&timespec(Duration::from_secs(1))));
        let sig = signal.load(Ordering::SeqCst);
        if sig != 0 {
            return Stop::Signal(sig as i32);
        }
        match r {
            Ok(n) if n > 0 => {
                if fds[1..].iter().any(|f| f.revents().intersects(GONE)) {
                    return Stop::TerminalLost;
                }
                if fds[0].revents().contains(PollFlags::IN) {
                    let _ = wake.read(&mut [0u8; 64]);
                }
            }
            Ok(_) | Err(rustix::io::Errno::INTR) => {}
            Err(_) => std::thread::sleep(Duration::from_millis(200)),
        }
        if tty.is_some_and(Tty::gone) {
            return Stop::TerminalLost;
        }
    }
}
