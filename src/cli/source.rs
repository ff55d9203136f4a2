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
    /// The document asked for (the current text, the revision, or the imported text).
    pub document: Document,
    /// The whole draft when the source is a draft file.
    pub draft: Option<Draft>,
    pub path: PathBuf,
    /// The revision label when the source named one.
    pub revision: Option<String>,
    /// Whether the document came from a text import.
    pub imported: bool,
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
    let (path, label) = split_spec(spec);
    if is_draft_path(&path) {
        let draft = draftfile::load(&path)?;
        let document = match &label {
            None => draft.document.clone(),
            Some(l) => match draft.revision(l) {
                Some(r) => r.document.clone(),
                None => {
                    let known: Vec<&str> =
                        draft.revisions.iter().map(|r| r.label.as_str()).collect();
                    bail!(
                        "{}: no revision labelled “{l}” (revisions: {})",
                        path.display(),
                        if known.is_empty() {
                            "none".to_string()
                        } else {
                            known.join(", ")
                        }
                    );
                }
            },
        };
        return Ok(Loaded {
            document,
            draft: Some(draft),
            path,
            revision: label,
            imported: false,
        });
    }
    if let Some(l) = label {
        bail!(
            "{}: “@{l}” names a revision, but only draft files (.toml) have revisions",
            path.display()
        );
    }
    let imported = import_text(&path, KindHint::Auto)?;
    Ok(Loaded {
        document: imported,
        draft: None,
        path,
        revision: None,
        imported: true,
    })
}

/// Imports a document (or stdin for `-`), printing the importer's warnings on stderr.
/// Tracked changes in a Word file are accepted (and a warning says so).
pub fn import_text(path: &Path, hint: KindHint) -> Result<Document> {
    import_with(path, hint, import::Changes::Accept)
}

/// Imports a document with a choice for a Word file's tracked changes.
pub fn import_with(path: &Path, hint: KindHint, changes: import::Changes) -> Result<Document> {
    let imported = import::import_file_with(path, import::Options { hint, changes })
        .with_context(|| format!("cannot import {}", path.display()))?;
    for w in &imported.warnings {
        eprintln!(
            "{}:{}: warning: {}",
            path.display(),
            w.line,
            resdraft::sanitize::sanitize(&w.message)
        );
    }
    Ok(imported.document)
}

/// Whether two paths name the same existing file.
pub fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}
