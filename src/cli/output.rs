//! Where a command writes its result: an existing draft (or, for `new`, `import` and
//! `renumber`, any existing file) is not replaced without `--force`, except that `import` may
//! replace a draft left exactly as an earlier import wrote it; devices and FIFOs
//! (`/dev/null`, `/dev/stdout`) are always fine (see [`resdraft::fileio`]).

use anyhow::{Result, bail};
use resdraft::draftfile;
use std::path::Path;

/// Which existing files need `--force` to be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guard {
    /// Any existing regular file (the command writes a draft).
    AnyFile,
    /// Only an existing draft file (the command writes an export, which may be redone).
    Drafts,
    /// Any existing regular file except a draft exactly as an earlier import wrote it (see
    /// [`draftfile::stamp`]): that one holds nothing that importing again would not give.
    Import,
}

/// Whether `path` holds a draft file (by its extension or its content). A file that does
/// not open as TOML is not parsed as a draft: an export of a long draft written before
/// would be read whole by the TOML parser for nothing (a gigabyte for a 58 MB text).
fn is_draft(path: &Path) -> bool {
    super::source::is_draft_path(path) || (opens_as_toml(path) && draftfile::load(path).is_ok())
}

/// Whether the first line of the file that is neither blank nor a comment can open a TOML
/// document: a table header or a `key = value` (a quoted key, or a line the first 4 KiB do
/// not reach, counts as one).
fn opens_as_toml(path: &Path) -> bool {
    use std::io::Read;
    let mut head = Vec::with_capacity(4096);
    let read = std::fs::File::open(path).and_then(|f| f.take(4096).read_to_end(&mut head));
    if read.is_err() {
        return true; // the load tells what is wrong
    }
    let head = String::from_utf8_lossy(&head);
    let head = head.strip_prefix('\u{feff}').unwrap_or(&head);
    let mut lines = head.split('\n').peekable();
    while let Some(line) = lines.next() {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if lines.peek().is_none() && head.len() >= 4096 {
            return true; // cut by the head: not told
        }
        let key = t.split('=').next().unwrap_or("").trim_end();
        return t.starts_with(['[', '"', '\''])
            || (t.contains('=')
                && !key.is_empty()
                && key
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b' ')));
    }
    true
}

/// Whether the file at `path` is a draft exactly as an import wrote it.
fn unedited_import(path: &Path) -> bool {
    std::fs::read(path).is_ok_and(|bytes| draftfile::stamp::is_unedited_import(&bytes))
}

/// Refuses to replace the regular file at `path` unless `force` (see [`Guard`]).
pub fn check_overwrite(path: &Path, force: bool, guard: Guard) -> Result<()> {
    let Ok(meta) = std::fs::metadata(path) else {
        return Ok(());
    };
    if force || !meta.is_file() {
        return Ok(());
    }
    let draft = is_draft(path);
    if guard == Guard::Drafts && !draft {
        return Ok(());
    }
    if guard == Guard::Import && draft && unedited_import(path) {
        return Ok(());
    }
    bail!(
        "{}: already exists{}; not replacing it (use --force to replace it)",
        path.display(),
        if draft {
            " and is a draft (its text and revisions would be lost)"
        } else {
            ""
        }
    );
}
