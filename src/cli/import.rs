//! `resdraft import FILE [-o DRAFT.toml] [--kind resolution|report|auto] [--changes …]`:
//! rebuilds the structure of a UN text (a PDF, a Word .docx, or plain text, told apart by
//! content) and writes it as a draft file, or prints the draft TOML on stdout. The
//! importer's warnings go to stderr as `FILE:LINE: warning: …`.

use super::source;
use anyhow::{Context, Result};
use clap::ValueEnum;
use resdraft::import::{self, KindHint};
use resdraft::model::{Draft, Revision};
use resdraft::{draftfile, sanitize};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Import a UN text into a structured draft.
#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:\n  resdraft import L7.txt -o L7.toml\n  \
    resdraft import A_80_L.12.pdf -o L12.toml\n  \
    resdraft import draft.docx --changes revisions -o d.toml && resdraft diff d.toml@original d.toml@tracked\n  \
    resdraft import report.txt --kind report")]
pub struct Args {
    /// The document to import: PDF, Word .docx or UTF-8 text, told apart by content (`-` reads stdin).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Write the draft to this file (atomically) instead of printing its TOML on stdout.
    #[arg(short, long, value_name = "DRAFT.toml")]
    pub output: Option<PathBuf>,
    /// What the text is; `auto` tells a resolution from a report.
    #[arg(short, long, value_enum, default_value_t = Kind::Auto)]
    pub kind: Kind,
    /// Replace the -o file if it exists (a draft left exactly as an earlier import wrote it is
    /// replaced without it).
    #[arg(long)]
    pub force: bool,
    /// Tracked changes in a Word file: `accept` them all, `reject` them all (the text before
    /// them), or keep both texts as `revisions` “original” and “tracked” of one draft.
    #[arg(long, value_enum, default_value_t = ChangesArg::Accept)]
    pub changes: ChangesArg,
}

/// What `--changes` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ChangesArg {
    /// The text with every tracked change accepted.
    Accept,
    /// The text before the tracked changes.
    Reject,
    /// Both: revision “original” (before) and “tracked” (after); the draft's text is “tracked”.
    Revisions,
}

/// The kinds of document the importer reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Kind {
    /// Tell a resolution from a report by its shape.
    Auto,
    /// A draft or adopted resolution (or decision).
    Resolution,
    /// A report: sections and numbered paragraphs.
    Report,
}

impl From<Kind> for KindHint {
    fn from(k: Kind) -> Self {
        match k {
            Kind::Auto => KindHint::Auto,
            Kind::Resolution => KindHint::Resolution,
            Kind::Report => KindHint::Report,
        }
    }
}

pub fn run(args: Args) -> Result<ExitCode> {
    if let Some(out) = args.output.as_deref().filter(|o| o.as_os_str() != "-") {
        super::output::check_overwrite(out, args.force, super::output::Guard::Import)?;
    }
    let hint: KindHint = args.kind.into();
    let draft = match args.changes {
        ChangesArg::Accept => Draft::new(source::import_text(&args.file, hint)?),
        ChangesArg::Reject => Draft::new(source::import_with(
            &args.file,
            hint,
            import::Changes::Reject,
        )?),
        ChangesArg::Revisions => {
            let before = source::import_with(&args.file, hint, import::Changes::Reject)?;
            let mut after = source::import_with(&args.file, hint, import::Changes::Accept)?;
            // The two readings share ids where they hold the same paragraph, so `diff` by
            // id shows what the sender saw: insertions as insertions, moves as moves.
            resdraft::compare::carry_ids(&before, &mut after);
            let mut draft = Draft::new(after.clone());
            for (label, note, document) in [
                ("original", "the text before the tracked changes", before),
                (
                    "tracked",
                    "the text with the tracked changes accepted",
                    after,
                ),
            ] {
                draft.revisions.push(Revision {
                    label: label.into(),
                    date: super::revise::today(),
                    note: note.into(),
                    document,
                });
            }
            draft
        }
    };
    match &args.output {
        Some(out) if out.as_os_str() != "-" => {
            draftfile::save_import(out, &draft)?;
            let d = &draft.document;
            let what = if d.is_amendment() {
                let n = d.operative.len();
                format!(
                    "an amendment document ({n} instruction{}; apply it with `resdraft amend`)",
                    if n == 1 { "" } else { "s" }
                )
            } else {
                format!(
                    "{} paragraphs and {} footnotes",
                    d.paragraph_count(),
                    d.footnotes.len()
                )
            };
            eprintln!(
                "{}: imported {what} into {}",
                sanitize::sanitize(&args.file.display().to_string()),
                sanitize::sanitize(&out.display().to_string())
            );
        }
        _ => {
            let toml = draftfile::to_toml(&draft)?;
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(sanitize::sanitize_keep_newlines(&toml).as_bytes())
                .context("cannot write to stdout")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
