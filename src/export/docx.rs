//! The Word export: a clean draft in UN layout as a `.docx` package (WordprocessingML), and
//! the comparison of two versions as the new text with Word tracked changes.
//!
//! One writer serves both: the draft is laid out as Word paragraphs ([`blocks`]), their
//! content becomes runs ([`pieces`]: emphasis from the markup, footnote references where the
//! markers stand), and [`write`] writes the paragraphs, the real footnotes
//! (`word/footnotes.xml`) and the automatic numbering ([`numbering`]: numbered paragraphs and
//! (a)/(i) lists are Word list items, not typed numbers). [`tracked`] merges the paragraphs
//! of two versions with revision marks; [`compilation`] writes a negotiation's compilation
//! text; [`package`] zips the parts.
//!
//! Written with `quick-xml` (escaping) and `zip` (the package) rather than `docx-rs`, for full
//! control of the WordprocessingML: footnote separators, the move ranges of `w:moveFrom`/
//! `w:moveTo` and `w:numberingChange`, which docx-rs does not write.

mod blocks;
mod compilation;
mod numbering;
mod package;
mod tracked;
mod write;
mod xml;

use crate::compare::Comparison;
use crate::markup::{self, Segment};
use crate::model::Document;
use blocks::{Block, Span};
use write::{Change, Content, Para, Piece};

/// Why a Word document could not be written (in memory, so in practice never).
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    #[error("cannot write the Word document: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("cannot write the Word document: {0}")]
    Io(#[from] std::io::Error),
}

/// The draft as the bytes of a `.docx` file.
pub(super) fn render(doc: &Document) -> Result<Vec<u8>, DocxError> {
    package::package(&write::write(&content(doc))?)
}

/// The compilation text of a negotiation as the bytes of a `.docx` file.
pub(super) fn render_compilation(draft: &crate::model::Draft) -> Result<Vec<u8>, DocxError> {
    package::package(&write::write(&compilation::content(draft))?)
}

/// The comparison of `old` and `new` as the bytes of a `.docx` file: the new text whose
/// tracked changes, made by `author` at `date` (ISO 8601), give the old text when rejected.
pub(super) fn render_changes(
    old: &Document,
    new: &Document,
    cmp: &Comparison,
    author: &str,
    date: &str,
) -> Result<Vec<u8>, DocxError> {
    let content = tracked::content(old, new, cmp, author, date);
    package::package(&write::write(&content)?)
}

/// The paragraphs and footnotes of one draft, without revision marks.
fn content(doc: &Document) -> Content {
    let paras = blocks::blocks(doc)
        .into_iter()
        .map(|b| para(b, "", Change::None))
        .collect();
    Content {
        paras,
        notes: notes(doc, ""),
        keep_unreferenced: true,
        revision: None,
    }
}

/// The footnotes of a draft, keyed by `prefix` and their id, with their text as runs.
fn notes(doc: &Document, prefix: &str) -> Vec<(String, Vec<Piece>)> {
    doc.footnotes
        .iter()
        .map(|f| {
            let mut out = Vec::new();
            let mut emphasis = (false, false);
            pieces(
                &f.text,
                true,
                (false, false),
                &mut emphasis,
                prefix,
                Change::None,
                &mut out,
            );
            (format!("{prefix}{}", f.id), out)
        })
        .collect()
}

/// A block as a paragraph whose every run (and mark) carries `change`.
fn para(b: Block, prefix: &str, change: Change) -> Para {
    let mut out = Vec::new();
    for span in &b.spans {
        span_pieces(span, prefix, change, &mut out);
    }
    Para {
        layout: b.layout,
        number: b.number,
        old_number: None,
        pieces: out,
        mark: change,
    }
}

/// The runs of one span.
fn span_pieces(span: &Span, prefix: &str, change: Change, out: &mut Vec<Piece>) {
    match span {
        Span::Text {
            text,
            markup,
            italic,
            bold,
        } => {
            let mut emphasis = (false, false);
            let base = (*italic, *bold);
            pieces(text, *markup, base, &mut emphasis, prefix, change, out);
        }
        Span::Tab => out.push(Piece::Tab(change)),
        Span::Note(id) => out.push(Piece::Note {
            key: format!("{prefix}{id}"),
            change,
        }),
    }
}

/// The runs of a piece of text: plain text as one run in the base emphasis `(italic, bold)`;
/// markup with its emphasis (italic marks toggle the base italic, bold adds to it), starting
/// in the open `emphasis` of the text before it, and its footnote markers as references to
/// the footnotes keyed `prefix` + id.
fn pieces(
    text: &str,
    is_markup: bool,
    base: (bool, bool),
    emphasis: &mut (bool, bool),
    prefix: &str,
    change: Change,
    out: &mut Vec<Piece>,
) {
    if text.is_empty() {
        return;
    }
    if !is_markup {
        out.push(Piece::Text {
            text: text.to_string(),
            italic: base.0,
            bold: base.1,
            change,
        });
        return;
    }
    for seg in markup::parse_from(text, emphasis) {
        out.push(match seg {
            Segment::Text { text, italic, bold } => Piece::Text {
                text,
                italic: italic != base.0,
                bold: bold || base.1,
                change,
            },
            Segment::Marker(id) => Piece::Note {
                key: format!("{prefix}{id}"),
                change,
            },
        });
    }
}

#[cfg(test)]
mod tests;
