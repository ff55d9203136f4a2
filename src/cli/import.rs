//! `resdraft import FILE [-o DRAFT.toml] [--kind resolution|report|auto]`: rebuilds the
//! structure of a UN text (as extracted from the PDF or pasted from an e-mail) and writes it
//! as a draft file, or prints the draft TOML on stdout. The importer's warnings go to stderr
//! as `FILE:LINE: warning: …`.

use super::source;
use anyhow::{Context, Result};
use clap::ValueEnum;
use resdraft::import::KindHint;
use resdraft::model::Draft;
use resdraft::{draftfile, sanitize};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Import a UN text into a structured draft.
#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:\n  resdraft import L7.txt -o L7.toml\n  \
    resdraft import report.txt --kind report\n  pdftotext -layout L7.pdf - | resdraft import - -o L7.toml")]
pub struct Args {
    /// The text to import (UTF-8; `-` reads stdin).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Write the draft to this file (atomically) instead of printing its TOML on stdout.
    #[arg(short, long, value_name = "DRAFT.toml")]
    pub output: Option<PathBuf>,
    /// What the text is; `auto` tells a resolution from a report.
    #[arg(short, long, value_enum, default_value_t = Kind::Auto)]
    pub kind: Kind,
    /// Replace the -o file if it exists.
    #[arg(long)]
    pub force: bool,
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
        super::output::check_overwrite(out, args.force, super::output::Guard::AnyFile)?;
    }
    let document = source::import_text(&args.file, args.kind.into())?;
    let draft = Draft::new(document);
    match &args.output {
        Some(out) if out.as_os_str() != "-" => {
            draftfile::save(out, &draft)?;
            let n = draft.document.paragraph_count();
            eprintln!(
                "{}: imported {n} paragraphs and {} footnotes into {}",
                sanitize::sanitize(&args.file.display().to_string()),
                draft.document.footnotes.len(),
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
