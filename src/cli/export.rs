//! `resdraft export`: a draft (or one of its revisions, or a text imported on the fly) as
//! clean text in UN layout, Markdown, JSON, a Word document or Akoma Ntoso XML, on stdout or into a file
//! (written atomically). A Word document is binary: it is never written to a terminal.
//! Text printed on stdout is sanitised (control characters, escape sequences and bidi
//! overrides become visible placeholders, since stdout may well be a terminal or reach one
//! through a pager); a file written with `-o` keeps the text exactly.

use super::source;
use anyhow::{Context, Result, bail};
use clap::ValueEnum;
use resdraft::{draftfile, export, sanitize};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Export a draft as clean text, Markdown, JSON, a Word document (.docx) or Akoma Ntoso XML.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Examples:\n  resdraft export drafts/sample-resolution.toml\n  \
    resdraft export drafts/sample-resolution.toml --format json -o draft.json\n  \
    resdraft export drafts/sample-resolution.toml --format docx -o draft.docx\n  \
    resdraft export drafts/sample-resolution.toml --format akn -o draft.xml\n  \
    resdraft export 'drafts/sample-resolution.toml@A/C.2/81/L.23' --width 72"
)]
pub struct Args {
    /// The draft to export: DRAFT.toml, DRAFT.toml@LABEL for a revision, or a text file to
    /// import on the fly (`-` reads stdin).
    #[arg(value_name = "DRAFT")]
    pub draft: String,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Line width of the text export, in terminal columns (20–1000).
    #[arg(short, long, value_name = "N", default_value_t = export::DEFAULT_WIDTH as u64,
          value_parser = clap::value_parser!(u64).range(super::MIN_WIDTH..=super::MAX_WIDTH))]
    pub width: u64,
    /// Write to this file instead of stdout (`-` is stdout). The file is replaced atomically.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Export this named revision of the draft instead of its current text (the same as
    /// DRAFT@LABEL).
    #[arg(short, long, value_name = "LABEL")]
    pub revision: Option<String>,
    /// Replace the -o file even if it is a draft.
    #[arg(long)]
    pub force: bool,
}

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Clean text in UN layout, wrapped at --width, without markup.
    Text,
    /// Markdown with emphasis kept and footnotes as `[^1]`.
    Markdown,
    /// The whole model as JSON, for scripts.
    Json,
    /// A Word document in UN layout with real footnotes (binary: give -o FILE.docx).
    Docx,
    /// Akoma Ntoso 3.0 XML (AKN4UN), valid against the OASIS schema.
    Akn,
    /// The compilation text of a negotiation as plain text: "bis" numbers, statuses,
    /// proposals inline with their delegations, bracketed alternatives.
    Compilation,
    /// The compilation text as Markdown (deletions struck through, proposals in bold).
    CompilationMarkdown,
    /// The compilation text as a Word document (binary: give -o FILE.docx).
    CompilationDocx,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let spec = match &args.revision {
        None => args.draft.clone(),
        Some(label) => {
            if source::split_spec(&args.draft).1.is_some() {
                bail!(
                    "{}: give the revision either as DRAFT@LABEL or with --revision, not both",
                    args.draft
                );
            }
            format!("{}@{label}", args.draft)
        }
    };
    let loaded = source::open(&spec)?;
    let doc = loaded.document();
    if args.format == Format::Docx {
        let bytes = export::docx(doc).context("cannot export the draft as a Word document")?;
        return write_binary(&args, &loaded.path, &bytes);
    }
    // The negotiation belongs to the current text; a revision or a text compiles without one.
    let negotiated = || match (&loaded.draft, &loaded.revision) {
        (Some(d), None) => d.clone(),
        _ => resdraft::model::Draft::new(doc.clone()),
    };
    if args.format == Format::CompilationDocx {
        let bytes = export::docx_compilation(&negotiated())
            .context("cannot export the compilation as a Word document")?;
        return write_binary(&args, &loaded.path, &bytes);
    }
    let mut out = match args.format {
        Format::Text => export::text(doc, args.width as usize),
        Format::Markdown => export::markdown(doc),
        Format::Json => sanitize::json_pretty(&export::json(doc))
            .context("cannot write the document as JSON")?,
        Format::Akn => export::akn(doc),
        Format::Compilation | Format::CompilationMarkdown => {
            let draft = negotiated();
            if args.format == Format::Compilation {
                resdraft::negotiate::compilation::text(&draft, args.width as usize)
            } else {
                resdraft::negotiate::compilation::markdown(&draft)
            }
        }
        Format::Docx | Format::CompilationDocx => unreachable!("written above"),
    };
    if !out.ends_with('\n') {
        out.push('\n');
    }
    match output_file(&args, &loaded.path)? {
        Some(path) => {
            // A terminal named with -o (/dev/tty, /dev/stdout) gets safe text too.
            let text = if resdraft::fileio::is_terminal(path) {
                sanitize::sanitize_keep_newlines(&out)
            } else {
                out.as_str().into()
            };
            draftfile::write_atomic(path, text.as_bytes())?;
        }
        None => {
            let shown = sanitize::sanitize_keep_newlines(&out);
            write_stdout(shown.as_bytes())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The file named with -o (None for stdout), checked: not the draft itself, and not a draft
/// unless --force.
fn output_file<'a>(args: &'a Args, draft: &std::path::Path) -> Result<Option<&'a std::path::Path>> {
    checked_output(args.output.as_deref(), args.force, &[draft])
}

/// The -o file (None for stdout), checked: none of the `drafts` read, and not a draft unless
/// `force`.
fn checked_output<'a>(
    output: Option<&'a std::path::Path>,
    force: bool,
    drafts: &[&std::path::Path],
) -> Result<Option<&'a std::path::Path>> {
    match output {
        Some(path) if path.as_os_str() != "-" => {
            if drafts.iter().any(|d| source::same_file(path, d)) {
                bail!(
                    "{}: refusing to write the export over the draft it comes from; choose another -o",
                    path.display()
                );
            }
            super::output::check_overwrite(path, force, super::output::Guard::Drafts)?;
            Ok(Some(path))
        }
        _ => Ok(None),
    }
}

/// Writes text output into the -o file `path` (checked as [`checked_output`]); a terminal
/// named with -o gets safe text.
pub fn write_text_to(
    path: &std::path::Path,
    force: bool,
    drafts: &[&std::path::Path],
    out: &str,
) -> Result<()> {
    checked_output(Some(path), force, drafts)?;
    let text = if resdraft::fileio::is_terminal(path) {
        sanitize::sanitize_keep_newlines(out)
    } else {
        out.into()
    };
    draftfile::write_atomic(path, text.as_bytes())?;
    Ok(())
}

/// Writes a binary export into the -o file or onto stdout, but never onto a terminal.
fn write_binary(args: &Args, draft: &std::path::Path, bytes: &[u8]) -> Result<ExitCode> {
    write_binary_to(args.output.as_deref(), args.force, &[draft], bytes)?;
    Ok(ExitCode::SUCCESS)
}

/// Writes a Word document into `output` (checked as [`checked_output`]) or onto stdout, but
/// never onto a terminal.
pub fn write_binary_to(
    output: Option<&std::path::Path>,
    force: bool,
    drafts: &[&std::path::Path],
    bytes: &[u8],
) -> Result<()> {
    use std::io::IsTerminal;
    let refuse = "a Word document is binary and is not written to a terminal; \
                  give -o FILE.docx or redirect stdout to a file";
    match checked_output(output, force, drafts)? {
        Some(path) => {
            if resdraft::fileio::is_terminal(path) {
                bail!(
                    "{}: {refuse}",
                    sanitize::sanitize(&path.display().to_string())
                );
            }
            draftfile::write_atomic(path, bytes)?;
        }
        None => {
            if std::io::stdout().is_terminal() {
                bail!("{refuse}");
            }
            write_stdout(bytes)?;
        }
    }
    Ok(())
}

/// Writes to stdout; a closed pipe (`| head`) ends the output quietly instead of failing.
pub fn write_stdout(bytes: &[u8]) -> Result<()> {
    let mut lock = std::io::stdout().lock();
    match lock.write_all(bytes).and_then(|_| lock.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(e).context("cannot write to stdout")
        }
        _ => Ok(()),
    }
}
