//! (being written) Import of plain UN texts into structured documents.
use crate::model::{DocKind, Document};
use std::path::{Path, PathBuf};

/// What kind of document the text is expected to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KindHint {
    #[default]
    Auto,
    Resolution,
    Report,
}

/// Something the importer could not place exactly, with the 1-based line of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub line: usize,
    pub message: String,
}

/// The result of an import: the document and what the importer had to guess or keep aside.
#[derive(Debug, Clone)]
pub struct Imported {
    pub document: Document,
    pub warnings: Vec<Warning>,
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{path}: {message}")]
    Unreadable { path: PathBuf, message: String },
}

/// Imports text. Never fails and never panics: what cannot be placed is kept in a note.
pub fn import_str(text: &str, hint: KindHint) -> Imported {
    let kind = if hint == KindHint::Report {
        DocKind::Report
    } else {
        DocKind::Resolution
    };
    let mut document = Document::new(kind);
    document.notes.push(text.to_string());
    Imported {
        document,
        warnings: vec![Warning {
            line: 1,
            message: "the importer is being written: the whole text was kept as a note".into(),
        }],
    }
}

/// Reads and imports a file (`-` for stdin).
pub fn import_file(path: &Path, hint: KindHint) -> Result<Imported, ImportError> {
    let text = std::fs::read_to_string(path).map_err(|e| ImportError::Unreadable {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    Ok(import_str(&text, hint))
}
