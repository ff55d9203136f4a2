//! `resdraft renumber`: normalises a draft with [`resdraft::ops::renumber`] (end punctuation
//! by position, “above”/“below” of cross-references, footnote anchors), says what it changed
//! and what needs attention, and saves the draft atomically (in place, or to `-o OUT`).
//! Everything printed from the draft is sanitised.

use super::source;
use anyhow::{Result, bail};
use resdraft::model::Draft;
use resdraft::sanitize::sanitize;
use resdraft::{draftfile, ops};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Renumber paragraphs, fix cross-references and end punctuation, and say what changed.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Examples:\n  resdraft renumber drafts/sample-resolution.toml\n  \
    resdraft renumber my-draft.toml --dry-run\n  \
    resdraft renumber my-draft.toml -o my-draft-renumbered.toml\n  \
    resdraft renumber imported.txt -o imported.toml"
)]
pub struct Args {
    /// The draft to renumber (DRAFT.toml), or a text file to import first (then give -o).
    #[arg(value_name = "DRAFT")]
    pub draft: String,
    /// Write the renumbered draft here instead of replacing DRAFT (`-` prints it on stdout;
    /// the report then goes to stderr). The file is written atomically.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Say what would change without writing anything.
    #[arg(short = 'n', long)]
    pub dry_run: bool,
    /// Replace the -o file if it exists.
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let loaded = source::open(&args.draft)?;
    if let Some(label) = &loaded.revision {
        bail!(
            "{}: revision “{}” is frozen and cannot be renumbered; renumber the current text \
             (without @LABEL)",
            loaded.path.display(),
            sanitize(label)
        );
    }
    let to_stdout = args.output.as_deref().is_some_and(|p| p.as_os_str() == "-");
    let target = match &args.output {
        Some(p) if !to_stdout => Some(p.clone()),
        Some(_) => None,
        None if loaded.imported && !args.dry_run => bail!(
            "{}: is a text file, not a draft; give -o OUT.toml to save the renumbered draft",
            loaded.path.display()
        ),
        None => Some(loaded.path.clone()),
    };
    if let Some(out) = &args.output
        && !to_stdout
        && !args.dry_run
        && !super::source::same_file(out, &loaded.path)
    {
        super::output::check_overwrite(out, args.force, super::output::Guard::AnyFile)?;
    }
    let mut draft = loaded
        .draft
        .clone()
        .unwrap_or_else(|| Draft::new(loaded.document().clone()));
    let change = ops::renumber(&mut draft.document);

    let mut report: Vec<String> = change
        .messages
        .iter()
        .map(|m| sanitize(m).into_owned())
        .collect();
    report.extend(
        change
            .warnings
            .iter()
            .map(|w| format!("warning: {}", sanitize(w))),
    );
    let n = change.messages.len();
    let summary = match (n, args.dry_run) {
        (0, _) => "Nothing to change.".to_string(),
        (1, true) => "1 change would be made (dry run: nothing written).".to_string(),
        (_, true) => format!("{n} changes would be made (dry run: nothing written)."),
        (1, false) => "1 change made.".to_string(),
        (_, false) => format!("{n} changes made."),
    };
    report.push(summary);

    if to_stdout && !args.dry_run {
        print!("{}", draftfile::to_toml(&draft)?);
        for line in &report {
            eprintln!("{line}");
        }
        return Ok(ExitCode::SUCCESS);
    }
    // Save before saying what changed: “1 change made.” must not be printed for a draft that
    // then fails to save.
    let mut saved = None;
    if let Some(path) = target.filter(|_| !args.dry_run) {
        let unchanged_in_place = n == 0 && args.output.is_none();
        if !unchanged_in_place {
            if let Err(e) = draftfile::save(&path, &draft) {
                report.pop();
                let mut err = std::io::stderr().lock();
                for line in &report {
                    writeln!(err, "{line}")?;
                }
                bail!(
                    "{e}; nothing was changed on disk (the {n} change{} above {} not saved)",
                    if n == 1 { "" } else { "s" },
                    if n == 1 { "was" } else { "were" }
                );
            }
            saved = Some(path);
        }
    }
    let mut out = std::io::stdout().lock();
    for line in &report {
        writeln!(out, "{line}")?;
    }
    if let Some(path) = saved {
        writeln!(out, "Saved {}.", sanitize(&path.display().to_string()))?;
    }
    Ok(ExitCode::SUCCESS)
}
