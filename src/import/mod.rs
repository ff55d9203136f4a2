//! Import of plain UN texts (from the published PDF, a web page or an e-mail) into structured
//! documents: header, authoring body, preambular and operative paragraphs with their leads,
//! sub-paragraphs, footnotes; or a report's sections and numbered paragraphs.
//!
//! The work is split by stage: [`lines`] normalises the text and drops page furniture,
//! [`kind`] tells a resolution from a report, [`header`] reads the header block, [`body`]
//! assembles paragraphs (unwrapping lines, rejoining page breaks, lifting footnote blocks
//! out), [`structure`] finds a resolution's headings, parts and annexes, [`resolution`] and
//! [`report`] build the model; [`footnotes`] reads the footnotes, [`markers`] finds their
//! markers and [`anchors`] links them. [`import_str`] never fails and never panics; text it
//! cannot place is kept in a paragraph or in [`Document::notes`] with a [`Warning`].
//!
//! Every format feeds the same stages through [`lines::Line`]: [`source`] tells a PDF, a
//! Word file, Akoma Ntoso XML or text apart by content, [`pdf`] and [`docx`] turn them into
//! styled lines, and [`import_lines`] recognises the structure, whatever the lines came from.

pub mod akn;
pub mod anchors;
pub mod body;
pub mod docx;
pub mod footnotes;
pub mod header;
pub mod kind;
pub mod lines;
pub mod markers;
pub mod pdf;
pub mod report;
pub mod resolution;
pub mod source;
pub mod structure;

pub use docx::Changes;

use crate::model::{DocKind, Document};
use std::io::Read;
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

/// The largest file [`import_file`] reads.
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Why a file could not be imported. Each message names the file.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{path}: {message}")]
    Unreadable { path: PathBuf, message: String },
    #[error("{path}: not UTF-8 text (invalid byte at offset {offset}, line {line})")]
    NotUtf8 {
        path: PathBuf,
        offset: usize,
        line: usize,
    },
    #[error("{path}: a binary file (NUL byte at offset {offset}), not a text")]
    Binary { path: PathBuf, offset: usize },
    #[error("{path}: too large to import ({size} bytes; the limit is {limit} bytes)")]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("{path}: {error}")]
    Akn { path: PathBuf, error: akn::AknError },
    #[error(
        "{path}: no paragraphs found: this does not look like a resolution or a report \
         (expected numbered paragraphs, an authoring body such as “The General Assembly,” \
         or preambular paragraphs)"
    )]
    NotADocument { path: PathBuf },
    #[error("{path}: cannot read this {format}: {message}")]
    Damaged {
        path: PathBuf,
        format: &'static str,
        message: String,
    },
    #[error(
        "{path}: an amendment document (“{stage}”), not a resolution: apply it to the draft \
         with `resdraft amend DRAFT {path}`, or see whether it reads with `resdraft check {path}`"
    )]
    Amendment { path: PathBuf, stage: String },
    #[error(
        "{path}: a draft decision (“{stage}”), not a resolution: its text has no preambular \
         or operative paragraphs to import"
    )]
    Decision { path: PathBuf, stage: String },
}

/// Imports text. Never fails and never panics: what cannot be placed is kept in a note.
pub fn import_str(text: &str, hint: KindHint) -> Imported {
    import_lines(lines::normalise(text), hint)
}

/// Recognises the structure of a document from its lines, whichever reader made them.
/// Never fails and never panics: what cannot be placed is kept in a note.
pub fn import_lines(mut lines: Vec<lines::Line>, hint: KindHint) -> Imported {
    // An amendment document reads as its header and numbered instructions, not as a
    // resolution's paragraphs.
    if hint != KindHint::Report && crate::amend::parse::is_amendment_lines(&lines) {
        let (document, warnings) = crate::amend::document::import(lines);
        return Imported { document, warnings };
    }
    let defs = footnotes::extract(&mut lines);
    let decision = hint != KindHint::Report
        && (kind::split_decision_sentence(&mut lines)
            || kind::decision_with_authoring_body(&lines));
    let kind = kind::detect(&lines, hint);
    let mut doc = Document::new(kind);
    let mut warnings = Vec::new();
    let mut extra = Vec::new();

    let (header_end, body_start) = match kind {
        DocKind::Resolution => match header::authoring_body(&lines) {
            Some((range, body)) => {
                doc.authoring_body = body;
                (range.start, range.end)
            }
            None => {
                let start = resolution_start(&lines);
                (start, start)
            }
        },
        DocKind::Report | DocKind::Amendment => {
            let start = report_start(&lines);
            (start, start)
        }
    };
    doc.header = header::parse(&lines[..header_end], &mut extra, &mut warnings);
    let title = if doc.header.title.is_empty() {
        &doc.header.agenda_title
    } else {
        &doc.header.title
    };
    lines::drop_running_heads(&mut lines, title);
    markers::mark(&mut lines[body_start..], &defs);
    let mut next_id = 0;
    let body = body::read(
        &lines[body_start..],
        body::Mode {
            report: kind == DocKind::Report,
        },
        &mut next_id,
    );
    let (notes, mut numbered): (Vec<_>, Vec<_>) =
        defs.into_iter().partition(|d| d.number.is_none());
    // A footnote without a marker stays with the paragraph it was printed under.
    for d in &mut numbered {
        d.near = body
            .items
            .iter()
            .take_while(|i| i.line < d.line)
            .last()
            .map(|i| i.id.clone());
    }
    match kind {
        DocKind::Resolution => {
            structure::assemble(&mut doc, body.items, &mut warnings);
            // A decision's one sentence is what the Assembly decides: operative.
            if decision && doc.operative.is_empty() && doc.parts.is_empty() {
                doc.operative = std::mem::take(&mut doc.preamble);
            }
        }
        DocKind::Report | DocKind::Amendment => {
            report::assemble(&mut doc, body.items, &mut warnings)
        }
    }
    let sponsor_notes: Vec<String> = notes.into_iter().map(|d| d.text).collect();
    if !sponsor_notes.is_empty() {
        doc.header.sponsors_note = sponsor_notes.join(" ");
    }
    anchors::link(&mut doc, numbered, &mut warnings);
    literal_markup(&mut doc);
    doc.notes.extend(extra);

    if doc.paragraph_count() == 0 && lines.iter().any(|l| !l.is_blank()) {
        warnings.push(Warning {
            line: lines.iter().find(|l| !l.is_blank()).map_or(1, |l| l.no),
            message: "no paragraphs found: this does not look like a resolution or a report; \
                      the text was kept as a note"
                .into(),
        });
        let all: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        doc.header = Default::default();
        doc.notes = vec![all.join("\n").trim().to_string()];
    }
    warnings.sort_by_key(|w| w.line);
    Imported {
        document: doc,
        warnings,
    }
}

/// Where the body of a resolution without an authoring body starts: the first numbered
/// line or the first block that opens with a standard preambular phrase.
fn resolution_start(lines: &[lines::Line]) -> usize {
    for r in header::blocks(lines) {
        let t = lines[r.start].text.trim_start_matches('*');
        if body::numbered(t).is_some()
            || crate::phrases::match_lead(t, crate::phrases::preambular()).is_some()
        {
            return r.start;
        }
    }
    lines.len()
}

/// Where the body of a report starts: the first heading or numbered paragraph.
fn report_start(lines: &[lines::Line]) -> usize {
    lines
        .iter()
        .position(|l| {
            body::numbered(&l.text).is_some()
                || body::heading(&l.text)
                    .is_some_and(|(_, label, rest, _)| !label.is_empty() && !rest.is_empty())
        })
        .unwrap_or(lines.len())
}

/// Checks raw bytes and turns them into text: errors for binary, non-UTF-8 and huge input.
pub fn decode(bytes: Vec<u8>, path: &Path) -> Result<String, ImportError> {
    if bytes.len() as u64 > MAX_BYTES {
        return Err(ImportError::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            limit: MAX_BYTES,
        });
    }
    if let Some(offset) = memchr::memchr(0, &bytes) {
        return Err(ImportError::Binary {
            path: path.to_path_buf(),
            offset,
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        ImportError::NotUtf8 {
            path: path.to_path_buf(),
            offset,
            line,
        }
    })
}

/// How to import a file.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    pub hint: KindHint,
    /// What to do with a Word document's tracked changes.
    pub changes: docx::Changes,
}

/// Reads and imports a file (`-` for stdin), whatever its format.
pub fn import_file(path: &Path, hint: KindHint) -> Result<Imported, ImportError> {
    import_file_with(
        path,
        Options {
            hint,
            ..Options::default()
        },
    )
}

/// Reads and imports a file (`-` for stdin) with the given options.
pub fn import_file_with(path: &Path, options: Options) -> Result<Imported, ImportError> {
    let bytes = read_bytes(path)?;
    import_bytes(bytes, path, options)
}

/// Reads a file (`-` for stdin) up to [`MAX_BYTES`].
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, ImportError> {
    let unreadable = |e: std::io::Error| ImportError::Unreadable {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let mut bytes = Vec::new();
    if path == Path::new("-") {
        std::io::stdin()
            .lock()
            .take(MAX_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(unreadable)?;
    } else {
        bytes = crate::fileio::read_limited(path, MAX_BYTES).map_err(|e| match e {
            crate::fileio::ReadError::TooLarge { size, limit } => ImportError::TooLarge {
                path: path.to_path_buf(),
                size,
                limit,
            },
            crate::fileio::ReadError::Directory => ImportError::Unreadable {
                path: path.to_path_buf(),
                message: "is a directory, not a text file".into(),
            },
            other => ImportError::Unreadable {
                path: path.to_path_buf(),
                message: other.to_string(),
            },
        })?;
    }
    if bytes.len() as u64 > MAX_BYTES {
        return Err(ImportError::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            limit: MAX_BYTES,
        });
    }
    Ok(bytes)
}

/// Imports the bytes of a file, its format told by its content ([`source::detect`]).
pub fn import_bytes(
    bytes: Vec<u8>,
    path: &Path,
    options: Options,
) -> Result<Imported, ImportError> {
    let format = source::detect(&bytes);
    let damaged = |message: String| ImportError::Damaged {
        path: path.to_path_buf(),
        format: format.name(),
        message,
    };
    // The text as read, for telling an amendment or a decision when no paragraph is found.
    let text: String;
    let joined = |lines: &[lines::Line]| {
        lines
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let imported = match format {
        source::Format::Text => {
            text = decode(bytes, path)?;
            import_text(&text, path, options.hint)?
        }
        source::Format::Pdf => {
            let pdf = pdf::read(bytes).map_err(damaged)?;
            text = joined(&pdf.lines);
            match amendment_lines(&pdf.lines) {
                Some(plain) => import_lines(plain, options.hint),
                None => import_lines(lines::tidy(pdf.lines), options.hint),
            }
        }
        source::Format::Docx => {
            let d = docx::read(&bytes, options.changes).map_err(|e| damaged(e.to_string()))?;
            text = joined(&d.lines);
            // An amendment is told by its header; only then are its Word footnotes starred.
            let amendment = amendment_lines(&d.lines)
                .and_then(|_| amendment_lines(&starred(&d.lines, d.notes_from)));
            let mut imported = match amendment {
                Some(plain) => import_lines(plain, options.hint),
                None => import_lines(d.lines, options.hint),
            };
            imported.document.notes.extend(d.comments);
            for (line, message) in d.warnings {
                imported.warnings.push(Warning { line, message });
            }
            if d.tracked > 0 {
                imported.warnings.push(Warning {
                    line: 1,
                    message: format!(
                        "{} tracked changes {}",
                        d.tracked,
                        match options.changes {
                            docx::Changes::Accept =>
                                "accepted (`--changes reject` gives the text before them)",
                            docx::Changes::Reject => "rejected: this is the text before them",
                        }
                    ),
                });
            }
            imported.warnings.sort_by_key(|w| w.line);
            imported
        }
        source::Format::Encrypted => {
            return Err(damaged(
                "an encrypted Word file or an old binary .doc (an OLE compound file): \
                 save it as .docx without a password"
                    .into(),
            ));
        }
    };
    if imported.document.paragraph_count() == 0 {
        let path = path.to_path_buf();
        return Err(match kind::stage(&text) {
            Some(stage) if stage.to_lowercase().contains("amendment") => {
                ImportError::Amendment { path, stage }
            }
            Some(stage) if stage.to_lowercase().contains("decision") => {
                ImportError::Decision { path, stage }
            }
            _ => ImportError::NotADocument { path },
        });
    }
    Ok(imported)
}

/// The lines of a PDF or a Word document that holds an amendment document, as the lines of
/// its plain text (an amendment is read from its words alone, whatever the format); `None`
/// for any other document.
fn amendment_lines(read: &[lines::Line]) -> Option<Vec<lines::Line>> {
    let plain = lines::normalise(&plain_lines(read));
    crate::amend::parse::is_amendment_lines(&plain).then_some(plain)
}

/// A Word document's lines with its numbered footnotes (`¹` after a word, `¹ text` from
/// line `notes_from` on) marked as an amendment document prints them: `**` for the first,
/// `***` for the second … (`*` is the sponsors' note's), under a separator line. Read only
/// when the document proves an amendment ([`amendment_lines`]). A number past the count of
/// footnotes is no marker and stays as written.
fn starred(lines: &[lines::Line], notes_from: usize) -> Vec<lines::Line> {
    let split = notes_from.min(lines.len());
    let count = lines.len() - split;
    let stars = |n: u32| "*".repeat(n as usize + 1);
    let mark = |s: &str| {
        let mut out = String::with_capacity(s.len());
        let mut rest = s;
        while let Some(c) = rest.chars().next() {
            match footnotes::superscript_number(rest) {
                Some((n, len)) => {
                    if n > 0 && n as usize <= count {
                        out.push_str(&stars(n));
                    } else {
                        out.push_str(&rest[..len]);
                    }
                    rest = &rest[len..];
                }
                None => {
                    out.push(c);
                    rest = &rest[c.len_utf8()..];
                }
            }
        }
        out
    };
    let mut out: Vec<lines::Line> = lines.to_vec();
    for l in &mut out[..split] {
        if l.text
            .chars()
            .any(|c| footnotes::superscript_value(c).is_some())
        {
            l.text = mark(&l.text);
        }
    }
    if split < out.len() {
        for l in &mut out[split..] {
            l.text = mark(&l.text);
        }
        let separator = lines::Line {
            no: out[split].no,
            text: "__________________".into(),
            ..lines::Line::default()
        };
        let blank = lines::Line {
            no: out[split].no,
            ..lines::Line::default()
        };
        out.splice(split..split, [separator, blank]);
    }
    out
}

/// Lines read from a PDF or a Word document as plain text: emphasis and markers removed, a
/// line a line (blank lines between blocks, as in an extracted text). A `*` that opens no
/// emphasis (the sponsors' note mark, "Russian Federation:*") is kept as printed.
fn plain_lines(lines: &[lines::Line]) -> String {
    let mut out = String::new();
    for l in lines {
        let meant = crate::markup::escape_unmeant(&l.text, |_| true).text;
        out.push_str(&crate::markup::strip(&meant));
        out.push('\n');
    }
    out
}

/// The text of a file, whatever its format, for readers of plain text (an amendment
/// document): a text decoded with [`decode`]'s checks, a PDF or a Word document read into
/// lines and given as plain text. Errors name the file.
pub fn plain_text(bytes: Vec<u8>, path: &Path) -> Result<String, ImportError> {
    let format = source::detect(&bytes);
    let damaged = |message: String| ImportError::Damaged {
        path: path.to_path_buf(),
        format: format.name(),
        message,
    };
    match format {
        source::Format::Text => decode(bytes, path),
        source::Format::Pdf => Ok(plain_lines(&pdf::read(bytes).map_err(damaged)?.lines)),
        source::Format::Docx => Ok(plain_lines(
            &docx::read(&bytes, Changes::Accept)
                .map_err(|e| damaged(e.to_string()))?
                .lines,
        )),
        source::Format::Encrypted => Err(damaged(
            "an encrypted Word file or an old binary .doc (an OLE compound file)".into(),
        )),
    }
}

/// Imports decoded text: XML is read as Akoma Ntoso (told by content, whatever the file's
/// name), anything else as a plain text.
pub fn import_text(text: &str, path: &Path, hint: KindHint) -> Result<Imported, ImportError> {
    if akn::is_xml(text) {
        return akn::import_str(text).map_err(|error| ImportError::Akn {
            path: path.to_path_buf(),
            error,
        });
    }
    Ok(import_str(text, hint))
}

/// A plain text is taken as it reads: what in it looks like markup but is not (a literal
/// “[^x]”, an unpaired “*”) is escaped so that it stays as the characters of the text and
/// the imported draft loads (see [`crate::markup::escape_unmeant`]).
fn literal_markup(doc: &mut Document) {
    let ids: std::collections::HashSet<crate::model::Id> =
        doc.footnotes.iter().map(|f| f.id.clone()).collect();
    let fix = |s: &mut String, markers: bool| {
        if memchr::memchr2(b'[', b'*', s.as_bytes()).is_some() {
            *s = crate::markup::escape_unmeant(s, |id| markers && ids.contains(id)).text;
        }
    };
    fn walk(list: &mut [crate::model::Paragraph], fix: &dyn Fn(&mut String, bool)) {
        for p in list {
            fix(&mut p.lead, true);
            fix(&mut p.text, true);
            walk(&mut p.subparagraphs, fix);
        }
    }
    walk(&mut doc.preamble, &fix);
    walk(&mut doc.operative, &fix);
    for s in &mut doc.sections {
        walk(&mut s.paragraphs, &fix);
    }
    for f in &mut doc.footnotes {
        fix(&mut f.text, false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_footnotes_of_an_amendment_are_starred() {
        let line = |text: &str| lines::Line {
            text: text.into(),
            ..lines::Line::default()
        };
        let read = [
            line("insert “the Programme¹” and “Code²” after ⁹⁹⁹⁹⁹⁹⁹⁹⁹⁹⁹⁹ words"),
            line(""),
            line("¹ The Programme."),
            line("² The Code."),
        ];
        let texts: Vec<String> = starred(&read, 2).into_iter().map(|l| l.text).collect();
        assert_eq!(
            texts,
            [
                "insert “the Programme**” and “Code***” after ⁹⁹⁹⁹⁹⁹⁹⁹⁹⁹⁹⁹ words",
                "",
                "__________________",
                "",
                "** The Programme.",
                "*** The Code.",
            ]
        );
    }

    #[test]
    fn text_that_looks_like_markup_is_kept_as_text() {
        let t = "The General Assembly,\n\nRecalling its resolution 1/1,\n\n\
                 1. Decides that the sign [^x] and a * star stay as printed;\n\n\
                 2. Requests a report.\n";
        let d = import_str(t, KindHint::Auto).document;
        assert_eq!(
            crate::markup::strip(&d.operative[0].text),
            "that the sign [^x] and a * star stay as printed;"
        );
        let draft = crate::model::Draft::new(d);
        let text = crate::draftfile::to_toml(&draft).unwrap();
        let back = crate::draftfile::parse(&text, Path::new("imported.toml")).unwrap();
        assert_eq!(back, draft);
    }

    #[test]
    fn paragraphs_numbered_past_999_are_paragraphs() {
        let mut t = String::from("The General Assembly,\n\n");
        for n in 1..=1005 {
            t.push_str(&format!("{n}. Decides to meet again as step {n};\n\n"));
        }
        let d = import_str(&t, KindHint::Auto).document;
        assert_eq!(d.operative.len(), 1005);
        assert_eq!(d.operative[999].text, "to meet again as step 1000;");
        assert_eq!(d.operative[1004].text, "to meet again as step 1005;");
    }

    #[test]
    fn paragraphs_without_blank_lines() {
        let t = "The General Assembly,\nRecalling its resolution 1/1 on the keeping\nof lights,\n\
                 Noting the report,\n1. Decides to meet;\n2. Requests a report.\n";
        let d = import_str(t, KindHint::Auto).document;
        assert_eq!(d.authoring_body, "The General Assembly");
        let leads: Vec<&str> = d.preamble.iter().map(|p| p.lead.as_str()).collect();
        assert_eq!(leads, ["Recalling", "Noting"]);
        assert_eq!(
            d.preamble[0].text,
            "its resolution 1/1 on the keeping of lights,"
        );
        assert_eq!(d.operative.len(), 2);
    }

    #[test]
    fn empty_and_blank_input() {
        for t in ["", "\n\n", "\u{feff}", " \r\n\t"] {
            let i = import_str(t, KindHint::Auto);
            assert_eq!(i.document.paragraph_count(), 0);
            assert!(i.warnings.is_empty());
        }
    }

    #[test]
    fn decode_reports_offsets() {
        let e = decode(b"ab\ncd\xff".to_vec(), Path::new("x.txt")).err();
        assert!(
            matches!(
                e,
                Some(ImportError::NotUtf8 {
                    offset: 5,
                    line: 2,
                    ..
                })
            ),
            "{e:?}"
        );
        let e = decode(b"ab\0".to_vec(), Path::new("x.txt")).err();
        assert!(
            matches!(e, Some(ImportError::Binary { offset: 2, .. })),
            "{e:?}"
        );
    }
}
