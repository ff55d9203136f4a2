//! The terminal editor. State ([`app`]), actions ([`action`]), key bindings ([`keymap`]),
//! state updates through the core's operations ([`update`], [`input`]), rendering as a
//! function of state ([`view`], [`layout`]), themes and config, and I/O at the edges
//! ([`terminal`], [`storage`]). [`run`] is the entry point called by `resdraft edit`.

pub mod action;
pub mod app;
pub mod config;
pub mod dialog;
mod dialog_update;
pub mod editor;
pub mod form;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod revision_view;
pub mod revisions;
pub mod storage;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod view;
pub mod wrap;

use app::App;
use dialog::{Confirm, Dialog};
use ratatui::crossterm::event;
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};
use storage::{Dirs, recovery};

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
    let mut app = App::new(opts.draft, opts.path);
    app.theme = theme;
    app.keymap = cfg.keymap.clone();
    app.wrap_width = cfg.wrap_width;
    app.dirs = dirs.clone();
    if opts.missing || opts.imported_from.is_some() {
        app.saved = None;
    }
    if let Some(src) = &opts.imported_from {
        app.dirty = true;
        app.say(format!(
            "Imported {}; Ctrl-S saves it as {}",
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
    } else if let Some(data) = &dirs.data {
        let rec = recovery::path_for(data, &app.path);
        if let Some(draft) = recovery::pending(&rec, &app.path)
            && draft != app.draft
        {
            app.dialog = Some(Dialog::confirm(
                Confirm::Recover(Box::new(draft)),
                "Recover unsaved work",
                format!(
                    "A recovery copy of {} with unsaved changes was found. Recover it?",
                    app.file_name()
                ),
            ));
        }
    }
    if let Some(label) = &opts.compare_with
        && app.dialog.is_none()
    {
        match app.draft.revisions.iter().position(|r| &r.label == label) {
            Some(i) => revisions::open(&mut app, i),
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

/// Runs the editor until the user quits.
pub fn run(opts: Options) -> anyhow::Result<()> {
    let (mut app, setup) = prepare(opts, Dirs::from_env());
    let signals = terminal::signal_flag();
    let mut term = terminal::init()?;
    let result = event_loop(&mut term, &mut app, &setup, &signals);
    terminal::restore();
    if let Err(e) = &result {
        if let Some(p) = terminal::write_snapshot() {
            eprintln!("resdraft: unsaved work was written to {}", p.display());
        }
        return Err(anyhow::anyhow!("{e}"));
    }
    if signals.load(Ordering::Relaxed) {
        if app.dirty
            && let Some(p) = terminal::write_snapshot()
        {
            anyhow::bail!(
                "stopped by a signal; unsaved work was written to {} (opening the draft again offers it)",
                p.display()
            );
        }
        anyhow::bail!("stopped by a signal");
    } else if app.dirty {
        // Quit without saving was confirmed: the snapshot is no longer wanted.
        terminal::set_snapshot(None);
    }
    Ok(())
}

fn event_loop(
    term: &mut ratatui::DefaultTerminal,
    app: &mut App,
    setup: &Setup,
    signals: &std::sync::atomic::AtomicBool,
) -> std::io::Result<()> {
    let recovery_path = setup
        .dirs
        .data
        .as_ref()
        .map(|d| recovery::path_for(d, &app.path));
    let mut snap_gen = None;
    let mut written_gen = None;
    loop {
        term.draw(|f| view::draw(f, app))?;
        if app.should_quit || signals.load(Ordering::Relaxed) {
            return Ok(());
        }
        if event::poll(Duration::from_millis(250))? {
            let ev = event::read()?;
            input::handle_event(app, ev);
            while event::poll(Duration::ZERO)? {
                input::handle_event(app, event::read()?);
                if app.should_quit {
                    break;
                }
            }
        }
        // Keep the panic/signal snapshot current.
        if let Some(rec) = &recovery_path
            && snap_gen != Some((app.generation, app.dirty))
        {
            snap_gen = Some((app.generation, app.dirty));
            terminal::set_snapshot(app.dirty.then(|| (rec.clone(), app.draft.clone())));
        }
        // Write the recovery copy a few seconds after a change.
        if let (Some(rec), Some(since)) = (&recovery_path, app.unsaved_since)
            && app.dirty
            && since.elapsed() >= setup.autosave
            && written_gen != Some(app.generation)
        {
            match recovery::write(rec, &app.draft) {
                Ok(()) => written_gen = Some(app.generation),
                Err(e) => app.error(format!("recovery copy not written: {e}")),
            }
            app.unsaved_since = Some(Instant::now());
        }
    }
}
