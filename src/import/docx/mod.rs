//! Reading Word documents (.docx) into the common [`Line`] form: one line per paragraph
//! (a blank line between paragraphs, as in a printed text), italic runs as `*…*`, automatic
//! numbers written out in front of the text ("3.", "(b)": [`numbering`]), footnote
//! references as superscript markers with the footnotes of `footnotes.xml` listed at the end,
//! table rows kept as text, comments kept as notes, and tracked changes (`w:ins`, `w:del`,
//! `w:moveFrom`, `w:moveTo`, deleted and inserted paragraph marks) accepted or rejected
//! ([`body`]).
//!
//! A .docx is a zip of XML parts: read with `zip` and `quick-xml` through [`crate::ooxml`]
//! (the package code the Word export shares), which give full control of the WordprocessingML
//! that a converter crate such as docx-rs hides (moves, paragraph-mark changes, numbering
//! state). Every part is read with a size limit, so a zip bomb is refused rather than unpacked.

mod body;
mod numbering;

use super::footnotes::SUPERSCRIPTS;
use super::lines::{Line, Style, clean};
use crate::ooxml::{Package, PackageError};
use body::{Para, Piece};
use numbering::Numbering;
use std::collections::HashMap;

pub use crate::ooxml::MAX_PART;

/// What to do with tracked changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Changes {
    /// The text with every change accepted.
    #[default]
    Accept,
    /// The text before the changes.
    Reject,
}

/// Why a .docx cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    #[error(transparent)]
    Package(#[from] PackageError),
    #[error("a zip archive, but not a Word document (no word/document.xml)")]
    NotWord,
    /// Malformed XML in a part (the message names the part and the byte).
    #[error("{0}")]
    Xml(String),
}

/// A Word document read into lines.
#[derive(Debug, Default)]
pub struct Docx {
    pub lines: Vec<Line>,
    /// Messages about what was kept approximately, with the line they concern.
    pub warnings: Vec<(usize, String)>,
    /// The comments, as notes ("Comment by AUTHOR: text").
    pub comments: Vec<String>,
    /// How many tracked changes the document holds.
    pub tracked: usize,
    /// The index in `lines` of the first footnote line (`¹ text`, listed after the body).
    pub notes_from: usize,
}

/// Reads a .docx from its bytes.
pub fn read(bytes: &[u8], changes: Changes) -> Result<Docx, DocxError> {
    let mut package = Package::open(bytes)?;
    let document = package
        .part("word/document.xml")?
        .ok_or(DocxError::NotWord)?;
    let mut numbering = match package.part("word/numbering.xml")? {
        Some(x) => Numbering::parse(&x).map_err(DocxError::Xml)?,
        None => Numbering::default(),
    };
    if let Some(x) = package.part("word/styles.xml")? {
        numbering.read_styles(&x).map_err(DocxError::Xml)?;
    }
    let mut out = Docx::default();
    let notes = match package.part("word/footnotes.xml")? {
        Some(x) => notes_part(&x, "word/footnotes.xml", changes)?,
        None => Vec::new(),
    };
    if let Some(x) = package.part("word/comments.xml")? {
        for n in notes_part(&x, "word/comments.xml", changes)? {
            let by = if n.author.is_empty() {
                String::new()
            } else {
                format!(" by {}", n.author)
            };
            out.comments.push(format!("Comment{by}: {}", n.text));
        }
    }
    let body = body::parse(
        &document,
        "word/document.xml",
        changes,
        Some(&mut numbering),
    )
    .map_err(DocxError::Xml)?;
    out.tracked = body.tracked;
    let mut footnote_no: HashMap<String, u32> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    let mut no = 0;
    let mut tables = 0;
    for p in &body.paragraphs {
        let mut runs: Vec<(String, bool)> = Vec::new();
        for r in &p.runs {
            match r {
                Piece::Text { text: t, italic } => runs.push((t.clone(), *italic)),
                Piece::Note(id) => {
                    let n = *footnote_no.entry(id.clone()).or_insert_with(|| {
                        order.push(id.clone());
                        order.len() as u32
                    });
                    runs.push((superscript(n), false));
                }
            }
        }
        let text = render(&runs);
        let full = match &p.label {
            Some(label) if !label.is_empty() => format!("{label} {text}"),
            _ => text,
        };
        if p.table_row {
            tables += 1;
            if tables == 1 {
                out.warnings
                    .push((no + 1, "a table was kept as text, one line a row".into()));
            }
        }
        for (k, piece) in full.split('\n').enumerate() {
            no += 1;
            let (text, gaps) = clean(piece);
            out.lines.push(Line {
                no,
                text,
                gaps,
                page_break: false,
                page: 1,
                style: Style {
                    bold: p.bold,
                    italic: k == 0 && piece.starts_with('*'),
                    // A Word paragraph opens a paragraph: it never runs on the one above
                    // (what a page break does to a paragraph of a PDF).
                    starts: (k == 0).then_some(true),
                    ..Style::default()
                },
            });
        }
        no += 1;
        out.lines.push(Line {
            no,
            page: 1,
            ..Line::default()
        });
    }
    let by_id: HashMap<&str, &Note> = notes.iter().map(|n| (n.id.as_str(), n)).collect();
    out.notes_from = out.lines.len();
    for (i, id) in order.iter().enumerate() {
        let text = by_id.get(id.as_str()).map_or("", |n| n.text.as_str());
        if text.is_empty() {
            out.warnings.push((
                no,
                format!("footnote reference {} has no footnote text", i + 1),
            ));
            continue;
        }
        no += 1;
        out.lines.push(Line {
            no,
            text: clean(&format!("{} {text}", superscript(i as u32 + 1))).0,
            page: 1,
            ..Line::default()
        });
    }
    Ok(out)
}

/// A number in superscript digits (the form the footnote linker reads as a marker).
fn superscript(n: u32) -> String {
    n.to_string()
        .bytes()
        .map(|b| SUPERSCRIPTS[usize::from(b - b'0')])
        .collect()
}

/// Writes runs as text, italic stretches as `*…*` (adjacent italic runs share one pair;
/// spaces stay outside the marks).
fn render(runs: &[(String, bool)]) -> String {
    let mut merged: Vec<(String, bool)> = Vec::new();
    for (t, italic) in runs {
        let italic = *italic && !t.trim().is_empty();
        match merged.last_mut() {
            Some((last, i)) if *i == italic || t.trim().is_empty() => last.push_str(t),
            _ => merged.push((t.clone(), italic)),
        }
    }
    let mut out = String::new();
    for (t, italic) in merged {
        if italic {
            let inner = t.trim();
            let lead = t.len() - t.trim_start().len();
            out.push_str(&t[..lead]);
            out.push('*');
            out.push_str(inner);
            out.push('*');
            out.push_str(&t[lead + inner.len()..]);
        } else {
            out.push_str(&t);
        }
    }
    out
}

/// A footnote or comment: its id, author and text.
#[derive(Debug)]
struct Note {
    id: String,
    author: String,
    text: String,
}

/// The notes of a footnotes or comments part, their paragraphs joined by a space.
fn notes_part(xml: &str, part: &str, changes: Changes) -> Result<Vec<Note>, DocxError> {
    let parsed = body::parse(xml, part, changes, None).map_err(DocxError::Xml)?;
    let mut notes: Vec<Note> = Vec::new();
    for p in &parsed.paragraphs {
        let (id, author) = &p.owner;
        if id.is_empty() {
            continue;
        }
        let text = note_text(p);
        match notes.last_mut() {
            Some(n) if &n.id == id => {
                if !text.is_empty() {
                    n.text.push(' ');
                    n.text.push_str(&text);
                }
            }
            _ => notes.push(Note {
                id: id.clone(),
                author: author.clone(),
                text,
            }),
        }
    }
    for n in &mut notes {
        n.text = n.text.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    Ok(notes)
}

/// A note paragraph's text with its emphasis (references inside a note are left out).
fn note_text(p: &Para) -> String {
    let runs: Vec<(String, bool)> = p
        .runs
        .iter()
        .filter_map(|r| match r {
            Piece::Text { text, italic } => Some((text.clone(), *italic)),
            Piece::Note(_) => None,
        })
        .collect();
    render(&runs).trim().to_string()
}
