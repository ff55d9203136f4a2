//! The terminal editor. State ([`app`]), actions ([`action`]), key bindings ([`keymap`]),
//! state updates through the core's operations ([`update`], [`input`]), rendering as a
//! function of state ([`view`], [`layout`]), themes and config, and I/O at the edges
//! ([`terminal`], [`storage`]). [`run`] is the entry point called by `resdraft edit`.

pub mod action;
pub mod amend_view;
pub mod amendments;
pub mod app;
mod checker;
pub mod config;
pub mod dialog;
mod dialog_update;
pub mod editor;
pub mod editor_update;
pub mod form;
pub mod goto;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod messages;
pub mod negotiate;
pub mod normal;
pub mod notices;
pub mod outline_edit;
pub mod pending;
pub mod prompt;
pub mod propose;
pub mod revision_view;
pub mod revisions;
pub mod search;
pub mod storage;
pub mod struct_form;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod view;
pub mod watchdog;
pub mod wrap;

use app::App;
use dialog::{Confirm, Dialog};
use ratatui::crossterm::event;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use storage::{Dirs, recovery};
use watchdog::{Input, Stop, Tty, Watchdog};

use crate::model::Draft;

/// What to open in the editor.
#[derive(Debug, Clone)]
pub struct Options {
    pub draft: Draft,
    /// Where the draft is saved.
    pub path: PathBuf,
    /// `--theme NAME`.
    pub theme: Option<String>,
    /// The file does not exist yet: ask whether to create it.
    pub missing: bool,
    /// The draft was imported from this text file (unsaved until Ctrl-S).
    pub imported_from: Option<PathBuf>,
    /// Open the revision view against this revision (`resdraft edit DRAFT.toml@LABEL`).
    pub compare_with: Option<String>,
    /// The import's warnings, tied to their paragraphs (shown with W).
    pub notices: Vec<notices::Notice>,
    /// Run the editorial check in a worker thread, off the key path (the terminal editor
    /// does; tests leave it off so that findings are there right after each key).
    pub check_in_background: bool,
}

impl Options {
    /// `draft`, saved at `path`, opened as it is: the file exists, nothing imported, no
    /// revision view.
    pub fn new(draft: Draft, path: PathBuf, theme: Option<String>) -> Self {
        Options {
            draft,
            path,
            theme,
            missing: false,
            imported_from: None,
            compare_with: None,
            notices: Vec::new(),
            check_in_background: false,
        }
    }
}

/// Settings resolved from the environment, the config file and the options.
pub struct Setup {
    pub dirs: Dirs,
    pub autosave: Duration,
}

/// Builds the editor state for `opts` (config, theme, recovery offer, missing-file prompt)
/// without touching the terminal.
pub fn prepare(opts: Options, dirs: Dirs) -> (App, Setup) {
    let mut problems = Vec::new();
    let (cfg, cfg_problems) = config::load(dirs.config.as_deref());
    problems.extend(cfg_problems);
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme_name = match (&opts.theme, no_color) {
        (Some(n), _) => n.clone(),
        (None, true) => "mono".to_string(),
        (None, false) => cfg.theme.clone().unwrap_or_else(|| theme::DEFAULT.into()),
    };
    let (theme, theme_problem) = theme::load(&theme_name, dirs.config.as_deref());
    problems.extend(theme_problem);
    let mut app = App::open(opts.draft, opts.path, opts.check_in_background);
    app.theme = theme;
    app.keymap = cfg.keymap.clone();
    app.delegation = cfg.delegation.clone();
    app.wrap_width = cfg.wrap_width;
    app.dirs = dirs.clone();
    if opts.missing || opts.imported_from.is_some() {
        app.saved = None;
    }
    if let Some(src) = &opts.imported_from {
        app.dirty = true;
        app.notices = opts.notices.clone();
        let warned = match app.notices.len() {
            0 => String::new(),
            1 => " (1 import warning: W lists it)".to_string(),
            n => format!(" ({n} import warnings: W lists them)"),
        };
        app.say(format!(
            "Imported {}{warned}; Ctrl-S saves it as {}",
            src.display(),
            app.path.display()
        ));
        if app.path.exists() {
            app.stamp = None;
        }
    }
    if !problems.is_empty() {
        app.error(problems.join("; "));
    }
    if opts.missing {
        app.dialog = Some(Dialog::confirm(
            Confirm::CreateNew,
            "New draft",
            format!(
                "{} does not exist. Create a new draft there?",
                app.path.display()
            ),
        ));
    }
    if let Some(data) = &dirs.data {
        let session = recovery::Session::start(data, &app.path);
        let survey = recovery::survey(data, &app.path, &app.draft, &session.copy);
        app.recovery = Some(session);
        app.recovery_offers = survey.orphans;
        if !opts.missing {
            dialog_update::offer_recovery(&mut app);
        }
        if !survey.running.is_empty() {
            let pids: Vec<String> = survey.running.iter().map(|p| p.to_string()).collect();
            app.error(format!(
                "{} is also open in another editor (pid {}): each keeps its own recovery copy; \
                 saving here replaces what the other saved",
                app.file_name(),
                pids.join(", ")
            ));
        }
    }
    if let Some(label) = &opts.compare_with
        && app.dialog.is_none()
    {
        match app.draft.revisions.iter().position(|r| &r.label == label) {
            Some(i) => revisions::open(&mut app, i, None),
            None => app.error(format!("no revision labelled “{label}”")),
        }
    }
    if app.path.exists() && opts.imported_from.is_none() {
        let _ = dirs.remember(&app.path);
    }
    let setup = Setup {
        dirs,
        autosave: Duration::from_secs(cfg.autosave_seconds),
    };
    (app, setup)
}

/// How the editor ended when the user did not quit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stopped {
    pub why: Stop,
    /// Where the unsaved work was written (`None`: there was none, or it could not be
    /// written: see `problem`).
    pub recovery: Option<PathBuf>,
    /// Why the recovery copy could not be written.
    pub problem: Option<String>,
}

impl Stopped {
    /// The line printed on the way out.
    pub fn message(&self) -> String {
        let mut msg = self.why.describe();
        if let Some(p) = &self.recovery {
            msg.push_str(&format!(
                "; unsaved work was written to {} (opening the draft again offers it)",
                p.display()
            ));
        }
        if let Some(problem) = &self.problem {
            msg.push_str(&format!("; the unsaved work could not be kept: {problem}"));
        }
        msg
    }
}

/// Runs the editor until the user quits (`Ok(None)`) or it has to stop: a signal, or the
/// terminal went away. Unsaved work, including text typed into an open paragraph editor, is
/// then written to the recovery copy before the terminal is restored.
pub fn run(opts: Options) -> anyhow::Result<Option<Stopped>> {
    let watchdog = Watchdog::start(terminal::emergency)?;
    let shared = watchdog.shared.clone();
    let opts = Options {
        check_in_background: true,
        ..opts
    };
    let (mut app, setup) = prepare(opts, Dirs::from_env());
    let no_terminal = |e: std::io::Error| {
        anyhow::anyhow!(
            "cannot start the editor: it needs a terminal, and stdin is not one and /dev/tty \
             cannot be opened ({e})"
        )
    };
    let tty = Tty::open().map_err(no_terminal)?;
    let mut term = terminal::init()
        .map_err(|e| anyhow::anyhow!("cannot set up the terminal for the editor: {e}"))?;
    let result = event_loop(&mut term, &mut app, &setup, &shared, &tty);
    let stop = match &result {
        Ok(stop) => *stop,
        Err(_) => Some(Stop::TerminalLost),
    };
    // The recovery copy first: restoring a terminal that is gone may fail or stall.
    let mut stopped = stop.map(|why| Stopped {
        why,
        recovery: None,
        problem: None,
    });
    if let Some(s) = &mut stopped
        && app.has_unsaved_work()
    {
        match app.recovery_file().map(Path::to_path_buf) {
            Some(rec) => match recovery::write(&rec, &app.work()) {
                Ok(()) => s.recovery = Some(rec),
                Err(e) => s.problem = Some(format!("{e:#}")),
            },
            None => s.problem = Some("no data directory for recovery copies".into()),
        }
    }
    terminal::set_snapshot(None);
    terminal::restore();
    if stop == Some(Stop::TerminalLost) {
        // Dropping the terminal would try to show the cursor on a terminal that is gone and
        // complain on stderr (which is that terminal too).
        std::mem::forget(term);
    }
    shared.finished();
    match result {
        Err(e) if !tty.gone() => {
            let kept = stopped
                .and_then(|s| s.recovery)
                .map(|p| format!("; unsaved work was written to {}", p.display()))
                .unwrap_or_default();
            Err(anyhow::anyhow!("the terminal failed: {e}{kept}"))
        }
        _ => Ok(stopped),
    }
}

fn event_loop(
    term: &mut ratatui::DefaultTerminal,
    app: &mut App,
    setup: &Setup,
    shared: &watchdog::Shared,
    tty: &Tty,
) -> std::io::Result<Option<Stop>> {
    let recovery_path = app.recovery_file().map(Path::to_path_buf);
    let mut snap_key = None;
    let mut pending_key = None;
    let mut written_key = None;
    let lost = || -> std::io::Result<Option<Stop>> {
        shared.terminal_lost();
        Ok(Some(Stop::TerminalLost))
    };
    loop {
        if let Some(stop) = shared.stop() {
            return Ok(Some(stop));
        }
        app.poll_findings();
        if let Err(e) = term.draw(|f| view::draw(f, app)) {
            return if tty.gone() { lost() } else { Err(e) };
        }
        if app.should_quit {
            return Ok(None);
        }
        // While the check runs in its worker, look for its result often.
        let wait = if app.findings_current() { 250 } else { 5 };
        if tty.wait_input(Duration::from_millis(wait)) == Input::Gone {
            return lost();
        }
        // crossterm's reader loops forever on a terminal that is gone: look first, every time.
        loop {
            if tty.gone() {
                return lost();
            }
            if !event::poll(Duration::ZERO)? {
                break;
            }
            input::handle_event(app, event::read()?);
            if app.should_quit || shared.stop().is_some() {
                break;
            }
        }
        // Keep the panic/emergency snapshot current: the draft when it changes, the text of an
        // open popup on every keystroke (cheap: one paragraph or the header).
        let pending = app.pending();
        let unsaved = app.dirty || pending.is_some();
        if pending.is_some() && app.unsaved_since.is_none() {
            app.unsaved_since = Some(Instant::now());
        }
        if let Some(rec) = &recovery_path {
            if snap_key != Some((app.generation, unsaved)) {
                snap_key = Some((app.generation, unsaved));
                terminal::set_snapshot(unsaved.then(|| (rec.clone(), app.draft.clone())));
                pending_key = None;
            }
            if pending_key.as_ref() != Some(&pending) {
                terminal::set_pending(pending.clone());
                pending_key = Some(pending.clone());
            }
        }
        // Write the recovery copy a few seconds after a change.
        let work_key = (app.generation, pending);
        if let (Some(rec), Some(since)) = (&recovery_path, app.unsaved_since)
            && unsaved
            && since.elapsed() >= setup.autosave
            && written_key.as_ref() != Some(&work_key)
        {
            match recovery::write(rec, &app.work()) {
                Ok(()) => written_key = Some(work_key),
                Err(e) => app.error(format!("recovery copy not written: {e}")),
            }
            app.unsaved_since = Some(Instant::now());
        }
    }
}
