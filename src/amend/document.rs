//! An amendment document as a document of its own ([`DocKind::Amendment`]), in both
//! directions: [`import`] keeps what the document prints — its header (symbol, sponsors and
//! their note, "amendment to draft resolution A/80/L.25", title) and its instructions, one
//! operative paragraph each, with the new paragraphs an instruction quotes after its “:” as
//! sub-paragraphs, and the footnotes it adds (`**`) as footnotes — so that it can be read,
//! edited and exported like any draft; [`to_amendment`] reads such a document's instructions
//! back into an [`Amendment`] to apply (the same reader as the printed text, [`parse`]).
//!
//! [`parse`]: super::parse

use super::Amendment;
use super::parse::{self, Layout, ParseError, Printed};
use crate::import::Warning;
use crate::import::header;
use crate::import::lines::Line;
use crate::markup;
use crate::model::{DocKind, Document, Footnote, Id, Paragraph};

/// The document an amendment document's lines hold, with a warning for each instruction
/// whose wording is not understood (it is kept as printed all the same).
pub fn import(lines: Vec<Line>) -> (Document, Vec<Warning>) {
    let layout = parse::layout(lines);
    let mut doc = Document::new(DocKind::Amendment);
    let mut warnings = Vec::new();
    let mut extra = Vec::new();
    doc.header = header::parse(
        &layout.lines[..layout.title_from],
        &mut extra,
        &mut warnings,
    );
    let h = &mut doc.header;
    fill(&mut h.symbol, &layout.symbol);
    // The title as printed between the header line and the first instruction (the header's
    // reader leaves out a line that reads "United Nations").
    if !layout.title.is_empty() {
        h.title = layout.title.clone();
    }
    if h.sponsors.is_empty() {
        h.sponsors = layout.sponsors.clone();
    }
    fill(&mut h.stage, &layout.stage);
    if let Some(note) = &layout.sponsors_note {
        h.sponsors_note = note.clone();
    }
    doc.notes = extra;
    let mut notes = Notes::new(&layout.footnotes);
    // Ids in document order, as the importer of resolutions gives them.
    let mut next = 0;
    let mut fresh = || {
        next += 1;
        Id::new(format!("p{next}"))
    };
    for p in &layout.instructions {
        let id = fresh();
        let mut para = Paragraph::new(id.clone(), "", notes.mark(&p.sentence, &id));
        for r in &p.reading {
            let sub = fresh();
            let text = notes.mark(r, &sub);
            para.subparagraphs.push(Paragraph::new(sub, "", text));
        }
        doc.operative.push(para);
    }
    doc.footnotes = notes.into_footnotes();
    doc.mark_quotations();
    if let Err(errors) = layout.parse() {
        warnings.extend(errors.into_iter().map(|e| Warning {
            line: e.line,
            message: format!("amendment: {e}"),
        }));
    }
    warnings.sort_by_key(|w| w.line);
    (doc, warnings)
}

fn fill(slot: &mut String, value: &str) {
    if slot.is_empty() {
        *slot = value.to_string();
    }
}

/// The footnotes an amendment adds, placed where their marks stand in its text.
struct Notes<'a> {
    printed: &'a [(String, String)],
    placed: Vec<Option<Footnote>>,
}

impl<'a> Notes<'a> {
    fn new(printed: &'a [(String, String)]) -> Self {
        Notes {
            printed,
            placed: vec![None; printed.len()],
        }
    }

    /// The marked-up text of a plain text: escaped, each mark of a footnote not yet placed
    /// made its marker (the footnote anchored to `id`).
    fn mark(&mut self, plain: &str, id: &Id) -> String {
        let mut out = String::new();
        let mut rest = plain;
        while let Some((at, k)) = self.next_mark(rest) {
            let mark = &self.printed[k].0;
            out.push_str(&markup::escape(&rest[..at]));
            let fid = Id::new(format!("f{}", k + 1));
            out.push_str(&markup::marker(&fid));
            self.placed[k] = Some(Footnote {
                id: fid,
                anchor: id.clone(),
                text: markup::escape(&self.printed[k].1),
            });
            rest = &rest[at + mark.len()..];
        }
        out.push_str(&markup::escape(rest));
        out
    }

    /// The first mark in `s` of a footnote not yet placed: its byte offset and footnote.
    fn next_mark(&self, s: &str) -> Option<(usize, usize)> {
        (0..self.printed.len())
            .filter(|&k| self.placed[k].is_none())
            .filter_map(|k| mark_at(s, &self.printed[k].0).map(|at| (at, k)))
            .min()
    }

    /// The footnotes; one whose mark stands nowhere is anchored to the last instruction.
    fn into_footnotes(self) -> Vec<Footnote> {
        let printed = self.printed;
        self.placed
            .into_iter()
            .enumerate()
            .map(|(k, f)| {
                f.unwrap_or_else(|| Footnote {
                    id: Id::new(format!("f{}", k + 1)),
                    anchor: Id::default(),
                    text: markup::escape(&printed[k].1),
                })
            })
            .collect()
    }
}

/// Where a whole mark (`**`, not part of `***`) stands after a word in `s`.
fn mark_at(s: &str, mark: &str) -> Option<usize> {
    let c = mark.chars().next()?;
    s.match_indices(mark).map(|(at, _)| at).find(|&at| {
        let before = s[..at].chars().next_back();
        let after = s[at + mark.len()..].chars().next();
        before.is_some_and(|b| b != c && !b.is_whitespace()) && after != Some(c)
    })
}

/// The mark of the `k`-th footnote an amendment adds, as the UN prints it (the sponsors'
/// note has `*`): `**`, `***` …
fn printed_mark(k: usize) -> String {
    "*".repeat(k + 2)
}

/// The instructions of an amendment document held as a document (as [`import`] makes it, and
/// as the user edited it), read as the printed text would be.
pub fn to_amendment(doc: &Document) -> Result<Amendment, Vec<ParseError>> {
    let h = &doc.header;
    let marks: std::collections::HashMap<&Id, String> = doc
        .footnotes
        .iter()
        .enumerate()
        .map(|(k, f)| (&f.id, printed_mark(k)))
        .collect();
    let plain = |s: &str| {
        markup::render(s, |id| marks.get(id).cloned().unwrap_or_default())
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let layout = Layout {
        symbol: h.symbol.clone(),
        target: parse::target_of(&h.stage).unwrap_or_default(),
        sponsors: h.sponsors.clone(),
        title: markup::strip(&h.title),
        footnotes: doc
            .footnotes
            .iter()
            .enumerate()
            .map(|(k, f)| (printed_mark(k), markup::strip(&f.text)))
            .collect(),
        instructions: doc
            .operative
            .iter()
            .enumerate()
            .map(|(k, p)| Printed {
                number: k as u32 + 1,
                line: 0,
                sentence: plain(&p.full_text()),
                reading: p
                    .subparagraphs
                    .iter()
                    .map(|s| plain(&s.full_text()))
                    .collect(),
            })
            .collect(),
        ..Layout::default()
    };
    layout.parse()
}

/// What a file named as an amendment holds when it is not one that can be applied.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error(transparent)]
    Import(#[from] crate::import::ImportError),
    #[error(transparent)]
    Draft(#[from] crate::draftfile::FileError),
    #[error("{}: a draft {} file, not an amendment document", .0.display(), .1)]
    NotAmendment(std::path::PathBuf, &'static str),
    /// Instructions whose wording is not understood (each with its number and line).
    #[error("{}: {} instruction{} cannot be read", .path.display(), .errors.len(), if .errors.len() == 1 { "" } else { "s" })]
    Unread {
        path: std::path::PathBuf,
        errors: Vec<ParseError>,
    },
}

/// Reads the amendment a file holds, told by its content: the text of an amendment document
/// (extracted text, a file of instructions, a PDF or a Word file), or a draft file holding one
/// as [`import`] made it (`resdraft import A_80_L.36.pdf -o L36.toml`).
pub fn read_bytes(bytes: Vec<u8>, path: &std::path::Path) -> Result<Amendment, ReadError> {
    use crate::import::source::{Format, detect};
    let unread = |errors| ReadError::Unread {
        path: path.to_path_buf(),
        errors,
    };
    if detect(&bytes) == Format::Text {
        let text = crate::import::decode(bytes, path)?;
        if parse::is_amendment(&text) {
            return parse::parse_document(&text).map_err(unread);
        }
        let toml = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
        return match crate::draftfile::parse(&text, path) {
            Ok(draft) if draft.document.is_amendment() => {
                to_amendment(&draft.document).map_err(unread)
            }
            Ok(draft) => Err(ReadError::NotAmendment(
                path.to_path_buf(),
                draft.document.kind.name(),
            )),
            Err(e) if toml => Err(e.into()),
            Err(_) => parse::parse_document(&text).map_err(unread),
        };
    }
    let text = crate::import::plain_text(bytes, path)?;
    parse::parse_document(&text).map_err(unread)
}

#[cfg(test)]
mod tests;
