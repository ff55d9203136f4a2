//! Loading a regular draft file in pieces of about [`PIECE`] bytes, so that the whole text
//! is never held beside the draft it becomes (for a 100,000-paragraph draft the file's 57 MB
//! were a third of the memory a load took).
//!
//! Each piece is checked as the whole text would be (no NUL byte, UTF-8, no table nested
//! too deep, no carriage return) and read by the fast reader ([`super::fast::Pieces`]),
//! cut just before a line that opens with `[`. The draft is then checked as
//! [`super::parse`] checks it. Anything else (a file in another layout, a damaged or
//! invalid file, a file that grows past the limit while read, a FIFO or a device) gives
//! `None`, and the caller reads the whole file as before: so every draft loads the same
//! either way, and every error is told from the whole text, with its line.

use super::{FORMAT_VERSION, MAX_FILE_SIZE, fast, negotiation, too_deep_tables, validate};
use crate::model::Draft;
use std::io::Read;
use std::path::Path;

/// The bytes read at a time.
pub(super) const PIECE: usize = 1 << 20;

/// The draft in the regular file at `path`, read in pieces of about `piece` bytes, or `None`
/// where the whole text must be read (see the module doc).
pub(super) fn load(path: &Path, piece: usize) -> Option<Draft> {
    use std::os::unix::fs::OpenOptionsExt;
    // Only a regular file (a FIFO would block `open` without O_NONBLOCK).
    if !std::fs::metadata(path).ok()?.is_file() {
        return None;
    }
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
        .open(path)
        .ok()?;
    let meta = file.metadata().ok()?;
    if !meta.is_file() || meta.len() > MAX_FILE_SIZE {
        return None;
    }
    let mut file = file.take(MAX_FILE_SIZE + 1);
    let mut pieces = fast::Pieces::new();
    let mut buf: Vec<u8> = Vec::with_capacity(2 * piece);
    let (mut first, mut total) = (true, 0);
    loop {
        let read = (&mut file).take(piece as u64).read_to_end(&mut buf).ok()?;
        total += read as u64;
        if total > MAX_FILE_SIZE {
            return None; // grown past the limit since it was measured
        }
        let end = read < piece;
        // The next piece opens with the last line of `buf` that opens with `[`.
        let cut = if end {
            buf.len()
        } else {
            match memchr::memmem::rfind(&buf, b"\n[") {
                Some(at) => at + 1,
                None => continue,
            }
        };
        let text = checked(&buf[..cut], path, first)?;
        first = false;
        if end {
            return finish(pieces.last(text)?, path);
        }
        pieces.piece(text)?;
        buf.drain(..cut);
    }
}

/// A piece as text, or `None` where the whole file would be refused or must be read whole.
fn checked<'a>(bytes: &'a [u8], path: &Path, first: bool) -> Option<&'a str> {
    if memchr::memchr(0, bytes).is_some() {
        return None;
    }
    let text = std::str::from_utf8(bytes).ok()?;
    let text = match first {
        true => text.strip_prefix('\u{FEFF}').unwrap_or(text),
        false => text,
    };
    too_deep_tables(text, path).ok()?;
    Some(text)
}

/// The draft read, checked as [`super::parse`] checks it; `None` on any problem (the
/// whole text then names it).
fn finish(file: super::schema::FileV1, path: &Path) -> Option<Draft> {
    if !(1..=FORMAT_VERSION).contains(&file._format) {
        return None;
    }
    let (draft, spans, revision_spans) = file.into_draft();
    // Without the text, a problem is only seen here; its line is found by the caller.
    validate::check(&draft, &spans, &revision_spans, "", path).ok()?;
    negotiation::check(&draft.negotiation)
        .is_none()
        .then_some(draft)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every sample draft, with revisions and structure, reads alike whole and in pieces of
    /// any size (a piece cut at every table, or never).
    #[test]
    fn pieces_read_as_the_whole_text() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("drafts");
        let tmp = tempfile::tempdir().expect("temp dir");
        let mut n = 0;
        for entry in std::fs::read_dir(&dir).expect("drafts/") {
            let path = entry.expect("entry").path();
            if path.extension().is_none_or(|e| e != "toml") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("sample");
            let Ok(mut draft) = super::super::parse(&text, &path) else {
                continue;
            };
            if !draft.negotiation.is_empty() {
                // Read whole: the fast reader leaves the negotiation tables to `toml`.
                assert_eq!(load(&path, PIECE), None, "{}", path.display());
                continue;
            }
            draft.revisions.push(crate::model::Revision {
                label: "L.1".into(),
                date: "2026-12-02".into(),
                note: "first".into(),
                document: draft.document.clone(),
            });
            let copy = tmp.path().join("copy.toml");
            std::fs::write(&copy, super::super::to_toml(&draft).expect("emits")).expect("w");
            for piece in [1, 7, 64, 500, 4096, PIECE] {
                assert_eq!(load(&copy, piece).as_ref(), Some(&draft), "{piece}");
            }
            n += 1;
        }
        assert!(n >= 2, "the sample drafts read: {n}");
    }

    /// What the whole text refuses, or must read with `toml`, is not read in pieces.
    #[test]
    fn whatever_the_whole_text_refuses_is_left_to_it() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let good = "format = 1\nnotes = [\n  \"a\",\n  \"b\",\n]\n\n[header]\nsymbol = \"A/1\"\n\n\
                    [[preamble]]\nid = \"p1\"\ntext = \"one\"\n\n[[operative]]\nid = \"p2\"\n\
                    text = \"two\"\n";
        let path = tmp.path().join("d.toml");
        let whole = super::super::parse(good, &path).expect("parses");
        for text in [good.to_string(), format!("\u{FEFF}{good}")] {
            std::fs::write(&path, text).expect("w");
            for piece in [1, 3, 1000] {
                assert_eq!(load(&path, piece).as_ref(), Some(&whole), "{piece}");
            }
        }
        let bad = [
            good.replace("p2", "p1"),                       // a duplicate id
            good.replace("format = 1", "format = 9"),       // a newer format
            good.replace("\"two\"", "'two'"),               // a literal string
            good.replace("one", "o\u{0}ne"),                // a NUL byte
            good.replace("\n", "\r\n"),                     // CRLF
            good.replace("\"b\"", "[\"b\"]"),                  // a list in a list
            good.replace("[[operative]]", "[[operative.subparagraphs.subparagraphs.subparagraphs.subparagraphs.subparagraphs]]"),
        ];
        for (i, text) in bad.iter().enumerate() {
            std::fs::write(&path, text).expect("w");
            for piece in [1, 5, 1000] {
                assert_eq!(load(&path, piece), None, "{i} {piece}");
            }
        }
        std::fs::write(&path, b"format = 1\n\xff\n").expect("w");
        assert_eq!(load(&path, 1000), None);
        assert_eq!(load(tmp.path(), 1000), None, "a directory");
    }
}
