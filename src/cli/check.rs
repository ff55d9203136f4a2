//! `resdraft check DRAFT|FILE [--format human|json]`: the editorial check of UN drafting
//! practice on a draft or a text (imported on the fly). Human output is grouped by paragraph
//! and coloured only on a terminal (and never under NO_COLOR). Exit code 0 when clean, 1 when
//! there are findings, 2 on error.

use super::source;
use anyhow::{Context, Result};
use clap::ValueEnum;
use resdraft::check::{self, Finding};
use resdraft::sanitize::sanitize;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// Check a draft or text against UN drafting practice.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Exit status: 0 no findings, 1 findings, 2 error.\n\nExamples:\n  \
    resdraft check draft.toml\n  resdraft check L4-Rev1.txt --format json"
)]
pub struct Args {
    /// The draft (DRAFT.toml, DRAFT.toml@LABEL) or a text file to import on the fly (`-` reads
    /// stdin).
    #[arg(value_name = "DRAFT|FILE")]
    pub source: String,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

/// Output formats of the check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Grouped by paragraph, for people.
    Human,
    /// A JSON array of findings, for tools.
    Json,
}

/// Renders findings for people: one group per place, each finding with its rule and fix.
pub fn human(findings: &[Finding], colour: bool) -> String {
    let (bold, yellow, dim, reset) = if colour {
        ("\x1b[1m", "\x1b[33m", "\x1b[2m", "\x1b[0m")
    } else {
        ("", "", "", "")
    };
    let mut out = String::new();
    let mut last_place: Option<&str> = None;
    for f in findings {
        if last_place != Some(f.place.as_str()) {
            if last_place.is_some() {
                out.push('\n');
            }
            out.push_str(&format!("{bold}{}{reset}\n", sanitize(&f.place)));
            last_place = Some(&f.place);
        }
        out.push_str(&format!(
            "  {yellow}{}{reset}: {}\n",
            f.rule,
            sanitize(&f.message)
        ));
        if !f.suggestion.is_empty() {
            out.push_str(&format!(
                "    {dim}suggestion:{reset} {}\n",
                sanitize(&f.suggestion)
            ));
        }
    }
    let n = findings.len();
    if n == 0 {
        out.push_str("no findings\n");
    } else {
        out.push_str(&format!("\n{n} finding{}\n", if n == 1 { "" } else { "s" }));
    }
    out
}

/// Checks an amendment document: whether every instruction parses.
fn check_amendment(path: &std::path::Path) -> Result<ExitCode> {
    match super::amend::load(path) {
        Ok(a) => {
            let mut out = format!(
                "{}: amendment{} to {}: {} instruction{}, all read\n",
                sanitize(&path.display().to_string()),
                if a.symbol.is_empty() {
                    String::new()
                } else {
                    format!(" {}", sanitize(&a.symbol))
                },
                if a.target.is_empty() {
                    "a draft".to_string()
                } else {
                    sanitize(&a.target).into_owned()
                },
                a.instructions.len(),
                if a.instructions.len() == 1 { "" } else { "s" }
            );
            for ins in &a.instructions {
                out.push_str(&format!("  {}. {}\n", ins.number, sanitize(&ins.wording)));
            }
            std::io::stdout()
                .lock()
                .write_all(out.as_bytes())
                .context("cannot write to stdout")?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("resdraft: {}", sanitize(&format!("{e:#}")));
            Ok(ExitCode::from(1))
        }
    }
}

pub fn run(args: Args) -> Result<ExitCode> {
    let path = std::path::Path::new(&args.source);
    if !source::is_draft_path(path)
        && std::fs::metadata(path)
            .is_ok_and(|m| m.is_file() && m.len() <= resdraft::import::MAX_BYTES)
        && let Ok(bytes) = std::fs::read(path)
        && let Ok(text) = resdraft::import::plain_text(bytes, path)
        && resdraft::amend::parse::is_amendment(&text)
    {
        return check_amendment(path);
    }
    let loaded = source::open(&args.source)?;
    // A draft file holding an amendment document: its instructions are checked, not its
    // paragraphs as a resolution's.
    if loaded.document().is_amendment() && loaded.revision.is_none() {
        return check_amendment(path);
    }
    let findings = match (&loaded.draft, &loaded.revision) {
        (Some(draft), None) => check::check_draft(draft),
        _ => check::check(loaded.document()),
    };
    let mut stdout = std::io::stdout().lock();
    let text = match args.format {
        Format::Json => {
            let mut s = resdraft::sanitize::json_pretty(&findings).context("cannot encode JSON")?;
            s.push('\n');
            s
        }
        Format::Human => {
            let colour = std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            human(&findings, colour)
        }
    };
    stdout
        .write_all(text.as_bytes())
        .context("cannot write to stdout")?;
    Ok(if findings.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
