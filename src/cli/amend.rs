//! `resdraft amend DRAFT AMENDMENT… [-o OUT] [--only 1,3,5] [--partial]`: applies the
//! instructions of amendment documents (or files of instructions) to a draft as issued. The
//! result is a draft whose latest revision is the draft as issued (labelled with its symbol)
//! and whose current text is the amended one, noted "as amended by A/80/L.30 (1, 3)".
//! Instructions that cannot be applied are reported with their number and reason; nothing
//! is written unless `--partial` says to apply the rest.

use super::revise::today;
use super::source;
use anyhow::{Context, Result, anyhow, bail};
use resdraft::amend::apply::Selected;
use resdraft::amend::{self, Amendment};
use resdraft::draftfile;
use resdraft::model::Draft;
use resdraft::sanitize::{sanitize, sanitize_keep_newlines};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Apply amendments to a draft.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Exit status: 0 all applied, 1 some skipped (--partial), 2 error.\n\n\
    Examples:\n  resdraft amend L25.toml A_80_L.30.txt -o L25-amended.toml\n  \
    resdraft amend L25.toml A_80_L.30.txt --only 1,3,8 -o L25.toml\n  \
    resdraft amend L25.toml A_80_L.30.txt A_80_L.31.txt --only L.30:1,2 --only L.31:1 -o out.toml"
)]
pub struct Args {
    /// The draft as issued: DRAFT.toml or a text to import.
    #[arg(value_name = "DRAFT")]
    pub draft: String,
    /// Amendment documents (text as extracted from the PDF) or files of instructions.
    #[arg(value_name = "AMENDMENT", required = true)]
    pub amendments: Vec<PathBuf>,
    /// Write the amended draft here (atomically; may be DRAFT itself) instead of printing
    /// its TOML on stdout.
    #[arg(short, long, value_name = "OUT.toml")]
    pub output: Option<PathBuf>,
    /// Apply only these instructions (those adopted): numbers, each optionally qualified by
    /// the amendment's symbol ("L.30:1,3"); a bare number after a qualified one belongs to
    /// the same amendment.
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub only: Vec<String>,
    /// Apply the instructions that can be applied even when others cannot.
    #[arg(long)]
    pub partial: bool,
}

/// Reads an amendment file (`-` for stdin) with the importer's checks: the text of an
/// amendment document (a PDF or a Word file as its lines) or a draft file holding one.
fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    if path == Path::new("-") {
        std::io::stdin()
            .lock()
            .take(resdraft::import::MAX_BYTES + 1)
            .read_to_end(&mut bytes)
            .context("cannot read stdin")?;
    } else {
        let meta =
            std::fs::metadata(path).with_context(|| format!("cannot read {}", path.display()))?;
        if !meta.is_file() {
            bail!("{}: not a regular file", path.display());
        }
        if meta.len() > resdraft::import::MAX_BYTES {
            bail!(
                "{}: too large for an amendment ({} bytes)",
                path.display(),
                meta.len()
            );
        }
        std::fs::File::open(path)
            .and_then(|f| {
                f.take(resdraft::import::MAX_BYTES + 1)
                    .read_to_end(&mut bytes)
            })
            .with_context(|| format!("cannot read {}", path.display()))?;
    }
    Ok(bytes)
}

/// Reads and parses an amendment, printing its parse errors.
pub fn load(path: &Path) -> Result<Amendment> {
    match amend::document::read_bytes(read_bytes(path)?, path) {
        Ok(a) => Ok(a),
        Err(amend::document::ReadError::Unread { errors, .. }) => {
            for e in &errors {
                eprintln!("{}:{}", path.display(), sanitize(&format!("{e}")));
            }
            bail!(
                "{}: {} instruction{} cannot be read",
                path.display(),
                errors.len(),
                if errors.len() == 1 { "" } else { "s" }
            )
        }
        Err(e) => Err(e.into()),
    }
}

/// Whether an `--only` qualifier names this amendment ("L.30" names "A/80/L.30").
fn names(qualifier: &str, symbol: &str, path: &Path) -> bool {
    let q = qualifier.trim();
    (!symbol.is_empty() && (symbol == q || symbol.ends_with(&format!("/{q}"))))
        || path.to_string_lossy() == q
        || path.file_stem().is_some_and(|s| s.to_string_lossy() == q)
}

/// The instructions selected by `--only`: per amendment, the numbers (all when `None`).
fn selection(only: &[String], docs: &[(PathBuf, Amendment)]) -> Result<Vec<Option<Vec<u32>>>> {
    let mut out: Vec<Option<Vec<u32>>> = vec![None; docs.len()];
    if only.is_empty() {
        return Ok(out);
    }
    let mut current: Option<usize> = (docs.len() == 1).then_some(0);
    for item in only {
        let item = item.trim();
        let number = match item.rsplit_once(':') {
            Some((q, n)) => {
                let k = docs
                    .iter()
                    .position(|(p, a)| names(q, &a.symbol, p))
                    .with_context(|| format!("--only {item}: no amendment named “{q}”"))?;
                current = Some(k);
                n
            }
            None => item,
        };
        let Some(k) = current else {
            bail!("--only {item}: with several amendments, name the amendment (--only L.30:1,3)");
        };
        let n: u32 = number
            .parse()
            .ok()
            .filter(|n| *n > 0)
            .with_context(|| format!("--only {item}: not an instruction number"))?;
        let (path, a) = &docs[k];
        if !a.instructions.iter().any(|i| i.number == n) {
            bail!(
                "--only {item}: {} has no instruction {n} (it has {})",
                a.name(&path.display().to_string()),
                a.instructions.len()
            );
        }
        out[k].get_or_insert_with(Vec::new).push(n);
    }
    for (k, (path, a)) in docs.iter().enumerate() {
        if out[k].is_none() {
            eprintln!(
                "note: --only names no instruction of {}; none of it is applied",
                sanitize(a.name(&path.display().to_string()))
            );
            out[k] = Some(Vec::new());
        }
    }
    Ok(out)
}

pub fn run(args: Args) -> Result<ExitCode> {
    let loaded = source::open(&args.draft)?;
    let issued = loaded.document().clone();
    let mut docs = Vec::new();
    for p in &args.amendments {
        let a = load(p)?;
        let draft_symbol = issued.header.symbol.trim();
        if !a.target.is_empty() && !draft_symbol.is_empty() && a.target != draft_symbol {
            eprintln!(
                "warning: {} amends {}, but the draft is {}",
                sanitize(a.name(&p.display().to_string())),
                sanitize(&a.target),
                sanitize(draft_symbol)
            );
        }
        docs.push((p.clone(), a));
    }
    let chosen = selection(&args.only, &docs)?;
    let names: Vec<String> = docs
        .iter()
        .map(|(p, a)| {
            let file = p.file_name().map_or_else(
                || p.display().to_string(),
                |f| f.to_string_lossy().into_owned(),
            );
            a.name(&file).to_string()
        })
        .collect();
    let mut selected = Vec::new();
    for (k, (_, a)) in docs.iter().enumerate() {
        for ins in &a.instructions {
            if chosen[k].as_ref().is_none_or(|v| v.contains(&ins.number)) {
                selected.push(Selected {
                    name: &names[k],
                    amendment: a,
                    instruction: ins,
                });
            }
        }
    }
    let result = amend::apply(&issued, &selected);
    for e in &result.errors {
        eprintln!("{}", sanitize(&e.to_string()));
    }
    if !result.errors.is_empty() && !args.partial {
        bail!(
            "{} instruction{} cannot be applied; nothing was applied (--partial applies the rest)",
            result.errors.len(),
            if result.errors.len() == 1 { "" } else { "s" }
        );
    }
    // The draft: its revisions, the text as issued frozen, the amended text current.
    let mut draft = loaded
        .draft
        .clone()
        .unwrap_or_else(|| Draft::new(issued.clone()));
    let stem = loaded
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "as issued".into());
    amend::note::freeze_issued(&mut draft, &issued, &stem, today()).map_err(|e| anyhow!(e))?;
    let mut document = result.document;
    if !result.applied.is_empty() {
        document.header.stage = amend::note::stage_with(&document.header.stage, &result.applied);
    }
    draft.document = document;
    match &args.output {
        Some(out) if out.as_os_str() != "-" => {
            draftfile::save(out, &draft)
                .with_context(|| format!("cannot save {}", out.display()))?;
            eprintln!(
                "{}: applied {} of {} instructions; wrote {}",
                sanitize(&args.draft),
                result.applied.len(),
                selected.len(),
                sanitize(&out.display().to_string())
            );
        }
        _ => {
            let toml = draftfile::to_toml(&draft)?;
            std::io::stdout()
                .lock()
                .write_all(sanitize_keep_newlines(&toml).as_bytes())
                .context("cannot write to stdout")?;
        }
    }
    Ok(if result.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
