//! `resdraft edit DRAFT` (and `resdraft` with no command): open a draft in the terminal
//! editor. A text file is imported first; a missing draft is offered as a new one; with no
//! argument the most recently edited draft opens, or the sample draft on first run.

use super::source;
use anyhow::{Context, Result, bail};
use resdraft::draftfile;
use resdraft::import::KindHint;
use resdraft::model::{DocKind, Document, Draft};
use resdraft::tui::{self, storage};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The draft to open (DRAFT.toml), DRAFT.toml@LABEL to open it comparing with a revision,
    /// or a text file to import into a new draft.
    #[arg(value_name = "DRAFT")]
    pub file: PathBuf,
}

pub fn run(args: Args, theme: Option<String>) -> Result<ExitCode> {
    let opts = options_for(&args.file, theme)?;
    match tui::run(opts)? {
        None => Ok(ExitCode::SUCCESS),
        Some(stopped) => {
            // The terminal may be gone: a failed write is no reason to panic.
            let _ = writeln!(
                std::io::stderr(),
                "resdraft: {}",
                resdraft::sanitize::sanitize(&stopped.message())
            );
            Ok(ExitCode::from(stopped.why.exit_code()))
        }
    }
}

pub fn run_default(theme: Option<String>) -> Result<ExitCode> {
    let dirs = storage::Dirs::from_env();
    let Some(path) = dirs.last_opened().or_else(storage::sample_draft) else {
        bail!(
            "no draft to open: the sample drafts/sample-resolution.toml was not found; \
             try `resdraft edit DRAFT.toml` or `resdraft new`"
        );
    };
    run(Args { file: path }, theme)
}

/// What the editor should open for `path` (nothing touches the terminal yet, so an error
/// leaves it clean).
fn options_for(path: &Path, theme: Option<String>) -> Result<tui::Options> {
    let (split, label) = source::split_spec(&path.to_string_lossy());
    if let Some(label) = label
        && source::is_draft_path(&split)
    {
        let draft = draftfile::load(&split)?;
        source::has_revision(&draft, &split, &label)?;
        return Ok(tui::Options {
            compare_with: Some(label),
            ..tui::Options::new(draft, split, theme)
        });
    }
    let is_draft = source::is_draft_path(path) || path.extension().is_none();
    match std::fs::metadata(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            bail!("{}: {}", path.display(), resdraft::fileio::explain(e))
        }
        Err(_) if std::fs::symlink_metadata(path).is_ok() => {
            let to = std::fs::read_link(path).unwrap_or_default();
            bail!(
                "{}: is a symbolic link to {}, which does not exist",
                path.display(),
                to.display()
            )
        }
        _ => {}
    }
    if !path.exists() {
        if !is_draft {
            bail!("{}: no such file", path.display());
        }
        let mut doc = Document::new(DocKind::Resolution);
        doc.authoring_body = "The General Assembly".into();
        return Ok(tui::Options {
            missing: true,
            ..tui::Options::new(Draft::new(doc), path.with_extension("toml"), theme)
        });
    }
    if source::is_draft_path(path) {
        let draft = draftfile::load(path)?;
        return Ok(tui::Options::new(draft, path.to_path_buf(), theme));
    }
    let imported = resdraft::import::import_file(path, KindHint::Auto)
        .with_context(|| format!("cannot open {} in the editor", path.display()))?;
    // The warnings are shown in the editor (W), each tied to its paragraph.
    let source_text = std::fs::read(path)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default();
    let notices = tui::notices::tie(&imported.document, &source_text, &imported.warnings);
    let doc = imported.document;
    Ok(tui::Options {
        notices,
        imported_from: Some(path.to_path_buf()),
        ..tui::Options::new(Draft::new(doc), path.with_extension("toml"), theme)
    })
}
