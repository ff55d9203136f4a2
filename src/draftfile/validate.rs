//! Content checks after a draft file parsed: ids present and unique, sub-paragraphs at most
//! [`MAX_DEPTH`] levels deep, `first_number` in range, footnotes anchored to paragraphs that
//! exist, headings standing before paragraphs that exist, footnote markers naming footnotes
//! that exist, revision labels present and unique. Each problem names the place and the line
//! of the file.

use super::schema::Spans;
use super::{Duplicate, FileError, line_of};
use crate::markup;
use crate::model::{Document, Draft, Location, Paragraph};
use crate::numbering;
use crate::ops::MAX_DEPTH;
use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

/// The largest `first_number` a draft may give (a report extract continuing a long report);
/// with it, no paragraph number of a draft file can pass `u32::MAX`.
pub const MAX_FIRST_NUMBER: u32 = 1_000_000;

/// The message for a paragraph nested deeper than the editor allows.
pub(super) fn too_deep(place: &str, depth: usize) -> String {
    format!(
        "{place} is nested {depth} levels of sub-paragraphs deep; sub-paragraphs go at most \
         {MAX_DEPTH} levels deep ((a), (i), a., i.): move it up a level"
    )
}

/// Checks the current document and every revision; the first problem found is returned.
pub(super) fn check(
    draft: &Draft,
    spans: &Spans,
    revision_spans: &[(Range<usize>, Spans)],
    text: &str,
    path: &Path,
) -> Result<(), FileError> {
    let ctx = Ctx {
        text,
        path,
        newlines: std::cell::OnceCell::new(),
    };
    ctx.first_number(&draft.document, 0, "")?;
    ctx.document(&draft.document, spans, "")?;
    let mut labels: HashMap<&str, &Range<usize>> = HashMap::new();
    for (rev, (label_span, spans)) in draft.revisions.iter().zip(revision_spans) {
        if rev.label.trim().is_empty() {
            return Err(FileError::Invalid {
                path: path.to_path_buf(),
                line: ctx.line(label_span),
                message: "a revision has an empty label".into(),
            });
        }
        if let Some(first) = labels.insert(&rev.label, label_span) {
            let first = ctx.line(first).unwrap_or(0);
            return Err(FileError::Invalid {
                path: path.to_path_buf(),
                line: ctx.line(label_span),
                message: format!(
                    "two revisions are labelled “{}” (the first at line {first})",
                    rev.label
                ),
            });
        }
        let within = format!("revision “{}”, ", rev.label);
        ctx.first_number(&rev.document, label_span.start, &within)?;
        ctx.document(&rev.document, spans, &within)?;
    }
    Ok(())
}

/// Where an id stands: the index of its paragraph (in walk order), section, heading, part,
/// annex, annex section (annex, index in the annex, index among all annex sections) or
/// footnote.
#[derive(Debug, Clone, Copy)]
enum Where {
    Para(usize),
    Section(usize),
    Heading(usize),
    Part(usize),
    Annex(usize),
    AnnexSection(usize, usize, usize),
    Footnote(usize),
}

/// The location of the paragraph `i` of `doc`, counted in [`Document::walk`] order.
fn location(doc: &Document, i: usize) -> Location {
    let (mut n, mut found) = (0, None);
    doc.walk(&mut |_, loc| {
        if n == i {
            found = Some(loc.clone());
        }
        n += 1;
    });
    found.unwrap_or(Location {
        part: crate::model::Part::Preamble,
        path: vec![i],
    })
}

/// “heading “Title”” or “heading 3” when it has no text.
fn titled(what: &str, index: usize, text: &str) -> String {
    if text.is_empty() {
        format!("{what} {}", index + 1)
    } else {
        format!("{what} “{text}”")
    }
}

struct Ctx<'a> {
    text: &'a str,
    path: &'a Path,
    /// Byte offsets of the newlines, to find a span's line by binary search (found when a
    /// line is first asked for).
    newlines: std::cell::OnceCell<Vec<usize>>,
}

fn memchr_newlines(text: &str) -> Vec<usize> {
    text.bytes()
        .enumerate()
        .filter_map(|(i, b)| (b == b'\n').then_some(i))
        .collect()
}

impl Ctx<'_> {
    /// The line of a span; `None` for an empty span (a value that was not read from text).
    fn line(&self, span: &Range<usize>) -> Option<usize> {
        (span.end > span.start).then(|| {
            self.newlines
                .get_or_init(|| memchr_newlines(self.text))
                .partition_point(|&n| n < span.start.min(self.text.len()))
                + 1
        })
    }

    fn document(&self, doc: &Document, spans: &Spans, within: &str) -> Result<(), FileError> {
        // Every id and where it stands, in document order; the place and the line are told
        // only for a problem (most drafts have none, and a long one has many ids).
        // Each paragraph with its depth; its location is found again only for a message.
        let mut paragraphs: Vec<(&Paragraph, usize)> = Vec::new();
        doc.walk(&mut |p, loc| paragraphs.push((p, loc.depth())));
        let mut ids: Vec<(&str, Where)> = Vec::with_capacity(paragraphs.len());
        ids.extend(
            paragraphs
                .iter()
                .enumerate()
                .map(|(i, (p, _))| (p.id.as_str(), Where::Para(i))),
        );
        ids.extend(
            doc.sections
                .iter()
                .enumerate()
                .map(|(i, s)| (s.id.as_str(), Where::Section(i))),
        );
        ids.extend(
            doc.headings
                .iter()
                .enumerate()
                .map(|(i, h)| (h.id.as_str(), Where::Heading(i))),
        );
        ids.extend(
            doc.parts
                .iter()
                .enumerate()
                .map(|(i, p)| (p.id.as_str(), Where::Part(i))),
        );
        let mut annex_section = 0;
        for (i, a) in doc.annexes.iter().enumerate() {
            ids.push((a.id.as_str(), Where::Annex(i)));
            for (j, s) in a.sections.iter().enumerate() {
                ids.push((s.id.as_str(), Where::AnnexSection(i, j, annex_section)));
                annex_section += 1;
            }
        }
        ids.extend(
            doc.footnotes
                .iter()
                .enumerate()
                .map(|(i, f)| (f.id.as_str(), Where::Footnote(i))),
        );
        for (i, &(_, depth)) in paragraphs.iter().enumerate() {
            if depth > MAX_DEPTH {
                return Err(FileError::Invalid {
                    path: self.path.to_path_buf(),
                    line: spans.paragraphs.get(i).and_then(|s| self.line(s)),
                    message: too_deep(
                        &format!("{within}{}", numbering::describe(doc, &location(doc, i))),
                        depth,
                    ),
                });
            }
        }
        let told = |w: Where| self.place(doc, spans, within, w);
        // Each id and the index in `ids` where it first stands.
        let mut seen: HashMap<&str, u32> = HashMap::with_capacity(ids.len());
        for (k, &(id, at)) in ids.iter().enumerate() {
            if id.trim().is_empty() {
                let (place, line) = told(at);
                return Err(FileError::Invalid {
                    path: self.path.to_path_buf(),
                    line,
                    message: format!("{place} has an empty id"),
                });
            }
            if let Some(first) = seen.insert(id, k as u32) {
                let first = ids[first as usize].1;
                let ((first, first_line), (place, line)) = (told(first), told(at));
                return Err(FileError::DuplicateId {
                    path: self.path.to_path_buf(),
                    line,
                    duplicate: Box::new(Duplicate {
                        id: id.to_string(),
                        first,
                        first_line,
                        second: place,
                    }),
                });
            }
        }
        for (i, f) in doc.footnotes.iter().enumerate() {
            if doc.find(&f.anchor).is_none() {
                return Err(FileError::MissingAnchor {
                    path: self.path.to_path_buf(),
                    line: spans.footnotes.get(i).and_then(|(_, a)| self.line(a)),
                    footnote: format!("{within}footnote “{}”", f.id),
                    anchor: f.anchor.0.clone(),
                });
            }
        }
        for (i, h) in doc.headings.iter().enumerate() {
            if doc.find(&h.before).is_none() {
                return Err(FileError::Invalid {
                    path: self.path.to_path_buf(),
                    line: spans.headings.get(i).and_then(|(_, b)| self.line(b)),
                    message: format!(
                        "{within}{} stands before “{}”, but no paragraph has that id",
                        titled("heading", i, &h.heading),
                        h.before
                    ),
                });
            }
        }
        for (i, (p, _)) in paragraphs.iter().enumerate() {
            for field in [&p.lead, &p.text] {
                for marker in markup::markers(field) {
                    if doc.footnote(&marker).is_none() {
                        let from = spans.paragraphs.get(i).map(|s| s.start).unwrap_or(0);
                        return Err(FileError::UnknownMarker {
                            path: self.path.to_path_buf(),
                            line: self.marker_line(from, &markup::marker(&marker)),
                            place: format!(
                                "{within}{}",
                                numbering::describe(doc, &location(doc, i))
                            ),
                            marker: marker.0.clone(),
                        });
                    }
                }
            }
        }
        Ok(())
    }

    /// Where an id stands, as a drafter says it, and its line.
    fn place(
        &self,
        doc: &Document,
        spans: &Spans,
        within: &str,
        at: Where,
    ) -> (String, Option<usize>) {
        let line = |s: Option<&Range<usize>>| s.and_then(|s| self.line(s));
        match at {
            Where::Para(i) => (
                format!("{within}{}", numbering::describe(doc, &location(doc, i))),
                line(spans.paragraphs.get(i)),
            ),
            Where::Section(i) => {
                let s = &doc.sections[i];
                let name = if s.heading.is_empty() {
                    format!("section {}", i + 1)
                } else {
                    format!("section “{}”", s.heading)
                };
                (format!("{within}{name}"), line(spans.sections.get(i)))
            }
            Where::Heading(i) => (
                format!("{within}{}", titled("heading", i, &doc.headings[i].heading)),
                line(spans.headings.get(i).map(|(s, _)| s)),
            ),
            Where::Part(i) => (
                format!("{within}part {}", doc.parts[i].name(i)),
                line(spans.parts.get(i)),
            ),
            Where::Annex(i) => (
                format!("{within}{}", titled("annex", i, &doc.annexes[i].title)),
                line(spans.annexes.get(i)),
            ),
            Where::AnnexSection(i, j, k) => (
                format!(
                    "{within}{} of annex {}",
                    titled("section", j, &doc.annexes[i].sections[j].heading),
                    i + 1
                ),
                line(spans.annex_sections.get(k)),
            ),
            Where::Footnote(i) => (
                format!("{within}footnote {} of the list", i + 1),
                line(spans.footnotes.get(i).map(|(s, _)| s)),
            ),
        }
    }

    /// Refuses a `first_number` out of [`MAX_FIRST_NUMBER`]'s range (numbers would wrap);
    /// the line is that of the key in the document starting at byte `from`.
    fn first_number(&self, doc: &Document, from: usize, within: &str) -> Result<(), FileError> {
        if (1..=MAX_FIRST_NUMBER).contains(&doc.first_number) {
            return Ok(());
        }
        let mut offset = from;
        let mut line = None;
        for l in self.text[from.min(self.text.len())..].split_inclusive('\n') {
            let t = l.trim_start();
            if t.starts_with("first_number") {
                line = Some(line_of(self.text.as_bytes(), offset));
                break;
            }
            if from == 0 && t.starts_with("[[revisions]]") {
                break;
            }
            offset += l.len();
        }
        Err(FileError::Invalid {
            path: self.path.to_path_buf(),
            line,
            message: format!(
                "{within}first_number = {} is out of range: the first paragraph number must be \
                 from 1 to {MAX_FIRST_NUMBER}",
                doc.first_number
            ),
        })
    }

    /// The line where `needle` first stands at or after byte `from`.
    fn marker_line(&self, from: usize, needle: &str) -> Option<usize> {
        let rest = self.text.get(from..)?;
        rest.find(needle)
            .map(|at| line_of(self.text.as_bytes(), from + at))
    }
}
