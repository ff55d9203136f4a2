//! Opening whatever the user names where a document is expected: a draft file
//! (`draft.toml`), one of its revisions (`draft.toml@L.6/Rev.1`), or a document to import on
//! the fly: a PDF, a Word .docx or a plain text (told apart by content; `-` reads stdin).

use anyhow::{Context, Result, bail};
use resdraft::draftfile;
use resdraft::import::{self, KindHint};
use resdraft::model::{Document, Draft};
use std::path::{Path, PathBuf};

/// A document opened from a source named on the command line.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The whole draft when the source is a draft file.
    pub draft: Option<Draft>,
    /// The imported text when the source is not a draft file (empty otherwise: the
    /// document of a draft is not copied, see [`Loaded::document`]).
    pub text: Document,
    pub path: PathBuf,
    /// The revision label when the source named one.
    pub revision: Option<String>,
    /// Whether the document came from a text import.
    pub imported: bool,
}

impl Loaded {
    /// The document asked for: the revision named, the current text of the draft, or the
    /// imported text.
    pub fn document(&self) -> &Document {
        match (&self.draft, &self.revision) {
            (Some(d), Some(label)) => d.revision(label).map_or(&d.document, |r| &r.document),
            (Some(d), None) => &d.document,
            (None, _) => &self.text,
        }
    }
}

/// Refuses a revision label the draft at `path` does not have, naming those it has.
pub fn has_revision(draft: &Draft, path: &Path, label: &str) -> Result<()> {
    if draft.revision(label).is_none() {
        let known: Vec<&str> = draft.revisions.iter().map(|r| r.label.as_str()).collect();
        bail!(
            "{}: no revision labelled “{label}” (revisions: {})",
            path.display(),
            if known.is_empty() {
                "none".to_string()
            } else {
                known.join(", ")
            }
        );
    }
    Ok(())
}

/// Whether a path names a draft file (by its extension) rather than a text to import.
pub fn is_draft_path(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
}

/// Splits `DRAFT@LABEL` into the path and the label. A path that exists as given wins over a
/// split, so a file name with an `@` still opens.
pub fn split_spec(spec: &str) -> (PathBuf, Option<String>) {
    if !Path::new(spec).exists()
        && let Some((path, label)) = spec.rsplit_once('@')
        && !path.is_empty()
        && !label.is_empty()
    {
        return (PathBuf::from(path), Some(label.to_string()));
    }
    (PathBuf::from(spec), None)
}

/// Opens a source named by the user. Import warnings are printed on stderr.
pub fn open(spec: &str) -> Result<Loaded> {
    let (loaded, warnings) = open_quiet(spec)?;
    eprint!("{warnings}");
    Ok(loaded)
}

/// Opens two sources at once, the second on another core when one is free (`rayon::join`:
/// a diff's two versions): what is printed and returned is what [`open`] of the first and
/// then of the second gives, in that order. Only two distinct regular files are read at once
/// (stdin, a FIFO or a device is read in turn, as [`open`] does).
pub fn open_two(first: &str, second: &str) -> Result<(Loaded, Loaded)> {
    let regular = |spec: &str| split_spec(spec).0.is_file();
    if first == second || !regular(first) || !regular(second) {
        return Ok((open(first)?, open(second)?));
    }
    let (a, b) = rayon::join(|| open_quiet(first), || open_quiet(second));
    let (a, warnings) = a?;
    eprint!("{warnings}");
    let (b, warnings) = b?;
    eprint!("{warnings}");
    Ok((a, b))
}

/// [`open`] with the import warnings returned as the lines to print, not printed.
fn open_quiet(spec: &str) -> Result<(Loaded, String)> {
    let (path, label) = split_spec(spec);
    // A draft is told by its name or, for any other name (a pipe, a file without its
    // extension), by its content: what is not a draft is imported from the bytes read.
    let bytes = if is_draft_path(&path) {
        None
    } else {
        Some(
            import::read_bytes(&path)
                .with_context(|| format!("cannot import {}", path.display()))?,
        )
    };
    if bytes.as_deref().is_none_or(draftfile::looks_like_draft) {
        let draft = match &bytes {
            Some(b) => draftfile::parse_bytes(b, &path)?,
            None => draftfile::load(&path)?,
        };
        if let Some(l) = &label {
            has_revision(&draft, &path, l)?;
        }
        let loaded = Loaded {
            draft: Some(draft),
            text: Document::default(),
            path,
            revision: label,
            imported: false,
        };
        return Ok((loaded, String::new()));
    }
    if let Some(l) = label {
        bail!(
            "{}: “@{l}” names a revision, but only draft files (.toml) have revisions",
            path.display()
        );
    }
    let bytes = bytes.unwrap_or_default();
    let (imported, warnings) =
        import_quiet(&path, Some(bytes), KindHint::Auto, import::Changes::Accept)?;
    let loaded = Loaded {
        draft: None,
        text: imported,
        path,
        revision: None,
        imported: true,
    };
    Ok((loaded, warnings))
}

/// Imports a document (or stdin for `-`), printing the importer's warnings on stderr.
/// Tracked changes in a Word file are accepted (and a warning says so).
pub fn import_text(path: &Path, hint: KindHint) -> Result<Document> {
    import_with(path, hint, import::Changes::Accept)
}

/// Imports a document with a choice for a Word file's tracked changes.
pub fn import_with(path: &Path, hint: KindHint, changes: import::Changes) -> Result<Document> {
    let (document, warnings) = import_quiet(path, None, hint, changes)?;
    eprint!("{warnings}");
    Ok(document)
}

/// [`import_with`] with the warnings returned as the lines to print; `bytes` are the file's
/// when they were read already (a pipe can be read only once).
fn import_quiet(
    path: &Path,
    bytes: Option<Vec<u8>>,
    hint: KindHint,
    changes: import::Changes,
) -> Result<(Document, String)> {
    use std::fmt::Write;
    let options = import::Options { hint, changes };
    let imported = match bytes {
        Some(bytes) => import::import_bytes(bytes, path, options),
        None => import::import_file_with(path, options),
    }
    .with_context(|| format!("cannot import {}", path.display()))?;
    let mut lines = String::new();
    for w in &imported.warnings {
        let _ = writeln!(
            lines,
            "{}:{}: warning: {}",
            path.display(),
            w.line,
            resdraft::sanitize::sanitize(&w.message)
        );
    }
    Ok((imported.document, lines))
}

/// Whether two paths name the same existing file.
pub fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}
