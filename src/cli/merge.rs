//! `resdraft merge BASE OURS THEIRS [-o OUT]`: the three-way merge of drafts by stable id
//! (see [`resdraft::merge`]), also usable as a git merge driver:
//!
//! ```text
//! # .gitattributes
//! *.toml merge=resdraft
//! git config merge.resdraft.driver "resdraft merge %O %A %B -o %A --path %P"
//! ```
//!
//! Exit code as git expects from a merge driver: 0 merged cleanly, 1 merged with conflicts
//! (each a bracketed alternative in the result, listed on stderr), 2 error (nothing written).
//! An empty BASE (git's ancestor of a file added on both sides) merges from nothing.

use anyhow::{Context, Result};
use resdraft::draftfile;
use resdraft::merge::{Names, merge};
use resdraft::model::Draft;
use resdraft::sanitize::sanitize;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
#[command(
    after_help = "Examples:\n  resdraft merge base.toml mine.toml colleague.toml -o merged.toml\n  \
    git config merge.resdraft.driver \"resdraft merge %O %A %B -o %A --path %P\""
)]
pub struct Args {
    /// The common ancestor (git's %O); an empty file merges from nothing.
    pub base: PathBuf,
    /// Our version (git's %A).
    pub ours: PathBuf,
    /// Their version (git's %B).
    pub theirs: PathBuf,
    /// Write the merged draft here (atomically; may be OURS, as git wants) instead of stdout.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// The name our alternatives are attributed to in brackets.
    #[arg(long, value_name = "NAME", default_value = "ours")]
    pub ours_name: String,
    /// The name their alternatives are attributed to in brackets.
    #[arg(long, value_name = "NAME", default_value = "theirs")]
    pub theirs_name: String,
    /// The draft's path in the repository (git's %P), named in messages instead of the
    /// temporary file git passes as OURS.
    #[arg(long, value_name = "PATH")]
    pub path: Option<PathBuf>,
}

fn load_base(path: &Path) -> Result<Draft> {
    let empty = std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() == 0);
    if empty {
        return Ok(Draft::default());
    }
    Ok(draftfile::load(path)?)
}

pub fn run(args: Args) -> Result<ExitCode> {
    let loaded = (|| -> Result<(Draft, Draft, Draft)> {
        Ok((
            load_base(&args.base)?,
            draftfile::load(&args.ours)?,
            draftfile::load(&args.theirs)?,
        ))
    })();
    let (base, ours, theirs) = match &args.path {
        Some(p) => loaded.with_context(|| format!("cannot merge {}", p.display()))?,
        None => loaded?,
    };
    let names = Names {
        ours: args.ours_name.clone(),
        theirs: args.theirs_name.clone(),
    };
    let outcome = merge(&base, &ours, &theirs, &names);
    match args.output.as_deref() {
        Some(out) if out != Path::new("-") => draftfile::save(out, &outcome.draft)?,
        _ => {
            let text = draftfile::to_toml(&outcome.draft)?;
            if let Err(e) = std::io::stdout().write_all(text.as_bytes())
                && e.kind() != std::io::ErrorKind::BrokenPipe
            {
                return Err(e.into());
            }
        }
    }
    let mut err = std::io::stderr();
    for m in &outcome.messages {
        let _ = writeln!(err, "resdraft merge: {}", sanitize(m));
    }
    if outcome.is_clean() {
        return Ok(ExitCode::SUCCESS);
    }
    let _ = writeln!(
        err,
        "resdraft merge: {} conflict{} in {}:",
        outcome.conflicts.len(),
        if outcome.conflicts.len() == 1 {
            ""
        } else {
            "s"
        },
        args.path.as_deref().unwrap_or(&args.ours).display()
    );
    for c in &outcome.conflicts {
        let _ = writeln!(err, "  {}", sanitize(c));
    }
    let _ = writeln!(
        err,
        "resolve each bracket by choosing an alternative (`resdraft negotiate choose`, or in the editor), then commit"
    );
    Ok(ExitCode::from(1))
}
