//! The draft file: a TOML file holding the current text of a draft and its named revisions.
//!
//! The format is written for people and for git: a `format = 1` key, a `[header]` table, one
//! table a paragraph (`[[preamble]]`, `[[operative]]`, nested `[[operative.subparagraphs]]`,
//! report `[[sections]]` with `[[sections.paragraphs]]`), `[[footnotes]]` and the frozen
//! `[[revisions]]` last. Format 2 adds `[[headings]]` (each naming the paragraph it stands
//! `before`), `[[parts]]` (with `[[parts.preamble]]` and `[[parts.operative]]`) and
//! `[[annexes]]` (with `[[annexes.paragraphs]]` and `[[annexes.sections]]`). Text is one plain string a paragraph with the light inline markup of
//! [`crate::markup`]; ids are kept, numbers are never stored.
//!
//! Loading checks everything a hand-edited or damaged file can get wrong and answers with a
//! [`FileError`] naming the file, the line where known and the problem; it never panics.
//! Saving is atomic: a temporary file in the same folder is written, synced and renamed over
//! the draft (see [`crate::fileio`] for devices, FIFOs, read-only files and hard links).

mod emit;
mod fast;
mod negotiation;
mod schema;
pub mod stamp;
mod stream;
mod validate;

pub use validate::MAX_FIRST_NUMBER;

use crate::model::Draft;
use schema::FileV1;
use std::path::{Path, PathBuf};

/// The newest version of the file format this build reads and writes. Format 2 adds
/// `[[headings]]`, `[[parts]]` and `[[annexes]]`; format 3 adds the `[negotiation]` tables
/// (delegations, proposals, brackets, statuses). A draft is written at the lowest format
/// that holds it, so older builds keep opening drafts that use none of the additions. All
/// versions are read.
pub const FORMAT_VERSION: u32 = 3;

/// The lowest format that holds everything in `draft`.
pub fn format_needed(draft: &Draft) -> u32 {
    let structured = |d: &crate::model::Document| {
        !(d.headings.is_empty() && d.parts.is_empty() && d.annexes.is_empty())
    };
    if !draft.negotiation.is_empty() {
        3
    } else if structured(&draft.document) || draft.revisions.iter().any(|r| structured(&r.document))
    {
        2
    } else {
        1
    }
}

/// The largest draft file that is read (64 MiB): real drafts are a few hundred kilobytes.
pub const MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// Why a draft file could not be read or written. The message names the file, the line when
/// known (`draft.toml:12: …`) and the problem.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("{}: cannot read the draft: {source}", .path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: is a directory, not a draft file", .path.display())]
    Directory { path: PathBuf },
    #[error(
        "{}: the file is {size} bytes, larger than the {limit}-byte limit for a draft file",
        .path.display()
    )]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error(
        "{}: the file is empty: not a draft (start one with `resdraft new`)",
        .path.display()
    )]
    Empty { path: PathBuf },
    #[error(
        "{}:{line}: binary data (a NUL byte at byte {offset}): not a draft file",
        .path.display()
    )]
    Binary {
        path: PathBuf,
        line: usize,
        offset: usize,
    },
    #[error(
        "{}:{line}: not UTF-8 text (invalid byte 0x{byte:02X} at byte {offset}); save the draft as UTF-8",
        .path.display()
    )]
    NotUtf8 {
        path: PathBuf,
        line: usize,
        offset: usize,
        byte: u8,
    },
    /// Bad TOML syntax, a wrong type or an unknown key.
    #[error("{}: {message}", at(.path, *.line))]
    Toml {
        path: PathBuf,
        line: Option<usize>,
        message: String,
    },
    /// A missing, malformed or unsupported `format` version.
    #[error("{}: {message}", at(.path, *.line))]
    Version {
        path: PathBuf,
        line: Option<usize>,
        message: String,
    },
    #[error(
        "{}: duplicate id “{}”: {} uses the id of {}{}",
        at(.path, *.line),
        .duplicate.id,
        .duplicate.second,
        .duplicate.first,
        .duplicate.first_line.map(|l| format!(" (line {l})")).unwrap_or_default()
    )]
    DuplicateId {
        path: PathBuf,
        line: Option<usize>,
        duplicate: Box<Duplicate>,
    },
    #[error(
        "{}: {footnote} is anchored to “{anchor}”, but no paragraph has that id",
        at(.path, *.line)
    )]
    MissingAnchor {
        path: PathBuf,
        line: Option<usize>,
        footnote: String,
        anchor: String,
    },
    #[error(
        "{}: the footnote marker [^{marker}] in {place} names no footnote (no [[footnotes]] entry with id = \"{marker}\")",
        at(.path, *.line)
    )]
    UnknownMarker {
        path: PathBuf,
        line: Option<usize>,
        place: String,
        marker: String,
    },
    /// Any other content problem (an empty id, an empty revision label …).
    #[error("{}: {message}", at(.path, *.line))]
    Invalid {
        path: PathBuf,
        line: Option<usize>,
        message: String,
    },
    #[error("{}: cannot save: {source}", .path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The two places that share an id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    pub id: String,
    /// Where the id is first used ("preambular paragraph 1").
    pub first: String,
    pub first_line: Option<usize>,
    /// Where it is used again.
    pub second: String,
}

/// "path:line" or "path".
fn at(path: &Path, line: Option<usize>) -> String {
    match line {
        Some(l) => format!("{}:{l}", path.display()),
        None => path.display().to_string(),
    }
}

impl FileError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            FileError::Read { path, .. }
            | FileError::Directory { path }
            | FileError::TooLarge { path, .. }
            | FileError::Empty { path }
            | FileError::Binary { path, .. }
            | FileError::NotUtf8 { path, .. }
            | FileError::Toml { path, .. }
            | FileError::Version { path, .. }
            | FileError::DuplicateId { path, .. }
            | FileError::MissingAnchor { path, .. }
            | FileError::UnknownMarker { path, .. }
            | FileError::Invalid { path, .. }
            | FileError::Write { path, .. } => path,
        }
    }

    /// The 1-based line the error points at, when known.
    pub fn line(&self) -> Option<usize> {
        match self {
            FileError::Binary { line, .. } | FileError::NotUtf8 { line, .. } => Some(*line),
            FileError::Toml { line, .. }
            | FileError::Version { line, .. }
            | FileError::DuplicateId { line, .. }
            | FileError::MissingAnchor { line, .. }
            | FileError::UnknownMarker { line, .. }
            | FileError::Invalid { line, .. } => *line,
            _ => None,
        }
    }
}

/// The 1-based line of a byte offset in `text` (clamped to the text).
pub(crate) fn line_of(text: &[u8], offset: usize) -> usize {
    let end = offset.min(text.len());
    text[..end].iter().filter(|&&b| b == b'\n').count() + 1
}

/// Reads and checks a draft file. A regular file in the layout resdraft writes is read in
/// pieces, never held whole beside the draft (see the `stream` module); any other, and any
/// file with a problem, is read whole and parsed. A FIFO or a device is read as a stream
/// with the same size limit and never waits forever (see [`crate::fileio`]).
pub fn load(path: &Path) -> Result<Draft, FileError> {
    use crate::fileio::ReadError;
    if let Some(draft) = stream::load(path, stream::PIECE) {
        return Ok(draft);
    }
    let bytes = crate::fileio::read_limited(path, MAX_FILE_SIZE).map_err(|e| match e {
        ReadError::Directory => FileError::Directory {
            path: path.to_path_buf(),
        },
        ReadError::TooLarge { size, limit } => FileError::TooLarge {
            path: path.to_path_buf(),
            size,
            limit,
        },
        ReadError::Io(source) => FileError::Read {
            path: path.to_path_buf(),
            source,
        },
        other => FileError::Read {
            path: path.to_path_buf(),
            source: std::io::Error::other(other.to_string()),
        },
    })?;
    parse_bytes(&bytes, path)
}

/// Whether bytes read as a draft file rather than a document to import, whatever the file is
/// called (`<(cat draft.toml)`, a draft saved without its extension): after the comment and
/// blank lines, a draft opens with its `format = N` key (as every draft resdraft writes
/// does), its `kind` or its `[header]` table; no text, PDF or Word file opens so.
pub fn looks_like_draft(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    let head = head.strip_prefix('\u{feff}').unwrap_or(&head);
    let Some(first) = head
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
    else {
        return false;
    };
    let key = |name: &str| {
        first
            .strip_prefix(name)
            .is_some_and(|rest| rest.trim_start().starts_with('='))
    };
    key("format") || key("kind") || first == "[header]"
}

/// Checks raw bytes (binary, UTF-8) and parses them as a draft; `path` names them in errors.
pub fn parse_bytes(bytes: &[u8], path: &Path) -> Result<Draft, FileError> {
    if let Some(offset) = memchr::memchr(0, bytes) {
        return Err(FileError::Binary {
            path: path.to_path_buf(),
            line: line_of(bytes, offset),
            offset,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        FileError::NotUtf8 {
            path: path.to_path_buf(),
            line: line_of(bytes, offset),
            offset,
            byte: bytes.get(offset).copied().unwrap_or(0),
        }
    })?;
    parse(text, path)
}

/// Parses and checks the text of a draft file; `path` names it in errors.
pub fn parse(text: &str, path: &Path) -> Result<Draft, FileError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(FileError::Empty {
            path: path.to_path_buf(),
        });
    }
    if let Some(offset) = memchr::memchr(0, text.as_bytes()) {
        return Err(FileError::Binary {
            path: path.to_path_buf(),
            line: line_of(text.as_bytes(), offset),
            offset,
        });
    }
    let toml_err = |e: toml::de::Error| {
        let line = e.span().map(|s| line_of(text.as_bytes(), s.start));
        FileError::Toml {
            path: path.to_path_buf(),
            line,
            message: describe_toml_error(&e, text, line),
        }
    };
    too_deep_tables(text, path)?;
    // A file of a known format reads in one pass: in the layout the emitter writes, by the
    // fast reader, else by `toml`. Otherwise first the syntax and the version, so a newer
    // file is named as such rather than as a file with unknown keys.
    let parsed = match fast::read(text) {
        Some(file) => Ok(file),
        None => toml::from_str::<FileV1>(text),
    };
    let file: FileV1 = match parsed {
        Ok(file) if (1..=FORMAT_VERSION).contains(&file._format) => file,
        first => {
            let table: toml::Table = toml::from_str(text).map_err(toml_err)?;
            check_version(&table, text, path)?;
            first.map_err(toml_err)?
        }
    };
    let (draft, spans, revision_spans) = file.into_draft();
    validate::check(&draft, &spans, &revision_spans, text, path)?;
    if let Some((message, id)) = negotiation::check(&draft.negotiation) {
        let line = (!id.is_empty())
            .then(|| {
                let needle = format!("= {}", emit::basic(&id));
                let start = text.find("[negotiation")?;
                text[start..]
                    .find(&needle)
                    .map(|at| line_of(text.as_bytes(), start + at))
            })
            .flatten();
        return Err(FileError::Invalid {
            path: path.to_path_buf(),
            line,
            message,
        });
    }
    Ok(draft)
}

/// Refuses a table header nesting sub-paragraphs deeper than [`crate::ops::MAX_DEPTH`]
/// (`[[operative.subparagraphs.subparagraphs…]]`), with its line, before the TOML parser
/// meets it: far past the limit the parser would stop at its own recursion limit, which
/// names no line.
fn too_deep_tables(text: &str, path: &Path) -> Result<(), FileError> {
    let b = text.as_bytes();
    // Each "[[" that opens its line but for spacing (found with memchr, not line by line);
    // the number of its line is counted only for the one refused.
    for at in memchr::memmem::find_iter(b, b"[[") {
        let start = memchr::memrchr(b'\n', &b[..at]).map_or(0, |n| n + 1);
        if !text[start..at].trim_start().is_empty() {
            continue;
        }
        let end = memchr::memchr(b'\n', &b[at..]).map_or(b.len(), |n| at + n);
        let t = &text[at..end];
        let t = t.strip_suffix('\r').unwrap_or(t);
        let header = t.split(']').next().unwrap_or("");
        let depth = header
            .split('.')
            .filter(|k| k.trim().trim_matches('"') == "subparagraphs")
            .count();
        if depth > crate::ops::MAX_DEPTH {
            let i = memchr::memchr_iter(b'\n', &b[..start]).count();
            return Err(FileError::Invalid {
                path: path.to_path_buf(),
                line: Some(i + 1),
                message: validate::too_deep("this sub-paragraph", depth),
            });
        }
    }
    Ok(())
}

/// The toml error message, with the offending line quoted when short.
fn describe_toml_error(e: &toml::de::Error, text: &str, line: Option<usize>) -> String {
    let mut msg = e.message().trim().to_string();
    if let Some(l) = line
        && let Some(content) = text.lines().nth(l.saturating_sub(1))
        && !content.trim().is_empty()
    {
        let content = content.trim();
        let shown: String = content.chars().take(60).collect();
        let ellipsis = if shown.len() < content.len() {
            "…"
        } else {
            ""
        };
        msg.push_str(&format!(" (in: {shown}{ellipsis})"));
    }
    msg
}

fn check_version(table: &toml::Table, text: &str, path: &Path) -> Result<(), FileError> {
    let version_err = |line: Option<usize>, message: String| FileError::Version {
        path: path.to_path_buf(),
        line,
        message,
    };
    let line = text
        .lines()
        .position(|l| l.trim_start().starts_with("format"))
        .map(|i| i + 1);
    match table.get("format") {
        None => Err(version_err(
            None,
            format!(
                "no `format` key: not a resdraft draft file (a draft starts with `format = {FORMAT_VERSION}`)"
            ),
        )),
        Some(toml::Value::Integer(n)) if (1..=i64::from(FORMAT_VERSION)).contains(n) => Ok(()),
        Some(toml::Value::Integer(n)) if *n > i64::from(FORMAT_VERSION) => Err(version_err(
            line,
            format!(
                "format {n} is newer than this resdraft understands ({FORMAT_VERSION}): update resdraft to open this draft"
            ),
        )),
        Some(toml::Value::Integer(n)) => Err(version_err(
            line,
            format!(
                "unknown format version {n} (this resdraft reads formats 1 to {FORMAT_VERSION})"
            ),
        )),
        Some(other) => Err(version_err(
            line,
            format!(
                "the format version must be a whole number (format = {FORMAT_VERSION}), not a {}",
                other.type_str()
            ),
        )),
    }
}

/// The draft as the text of a draft file (one basic string a line, see the `emit` module).
/// Never fails today; the `Result` keeps the contract open for values a future format cannot
/// hold.
pub fn to_toml(draft: &Draft) -> Result<String, FileError> {
    Ok(emit::draft(draft, format_needed(draft)))
}

/// Saves the draft atomically: the old file stays whole until the new one is on disk. The
/// text is read back with the loader's own checks first, so a file that no command could
/// load is never written (the error says why, and the old file stays as it was).
pub fn save(path: &Path, draft: &Draft) -> Result<(), FileError> {
    save_with(path, draft, crate::fileio::WriteOptions::default())
}

/// Saves the draft as [`save`] does, marked as an unedited import (see [`stamp`]): a later
/// import may replace it without `--force` while nobody has changed it.
pub fn save_import(path: &Path, draft: &Draft) -> Result<(), FileError> {
    let text = stamp::stamp(&to_toml(draft)?);
    save_text(path, &text, crate::fileio::WriteOptions::default())
}

/// [`save`] with the permissions a new file gets.
pub fn save_with(
    path: &Path,
    draft: &Draft,
    opts: crate::fileio::WriteOptions,
) -> Result<(), FileError> {
    save_text(path, &to_toml(draft)?, opts)
}

/// Writes the TOML `text` of a draft, after reading it back with the loader's own checks.
fn save_text(path: &Path, text: &str, opts: crate::fileio::WriteOptions) -> Result<(), FileError> {
    if let Err(e) = parse(text, path) {
        return Err(FileError::Invalid {
            path: path.to_path_buf(),
            line: None,
            message: format!("not saved: the file written would not load again ({e})"),
        });
    }
    crate::fileio::write(path, text.as_bytes(), opts).map_err(|source| FileError::Write {
        path: path.to_path_buf(),
        source,
    })
}

/// Writes `contents` to `path` safely: atomically for a regular file (permissions, owner and
/// hard links kept), into a device or a FIFO, never over a read-only file (see
/// [`crate::fileio::write`]).
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), FileError> {
    crate::fileio::write(path, contents, crate::fileio::WriteOptions::default()).map_err(|source| {
        FileError::Write {
            path: path.to_path_buf(),
            source,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_count_from_one() {
        assert_eq!(line_of(b"a\nb\nc", 0), 1);
        assert_eq!(line_of(b"a\nb\nc", 2), 2);
        assert_eq!(line_of(b"a\nb\nc", 99), 3);
    }
}
