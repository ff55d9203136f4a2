//! Export of a document for reading and for scripts: clean text in UN layout
//! ([`text`]), Markdown with emphasis kept ([`markdown`]), the whole model as JSON
//! ([`json`]), a Word document in UN layout with real footnotes ([`docx`]) and Akoma
//! Ntoso XML ([`akn`]).
//!
//! Pure functions over the model with no I/O. Numbers, letters and footnote numbers are
//! derived here from position (see [`crate::numbering`]); nothing is sanitised away from the
//! content (printing to a terminal is the caller's business, see [`crate::sanitize`]).

pub(crate) mod akn;
mod docx;
mod json;
mod markdown;
mod out;
mod text;
pub(crate) mod wrap;

use crate::markup;
use crate::model::{Document, Header, Id, join_lead};
use std::collections::{HashMap, HashSet};

pub use docx::DocxError;

/// The default width of the text export, in terminal columns.
pub const DEFAULT_WIDTH: usize = 80;

/// The narrowest width the text export wraps at; a smaller request is raised to this.
pub const MIN_WIDTH: usize = 20;

/// A clean draft in UN layout wrapped at `width` columns (Unicode-aware), without markup
/// characters: header block, title, authoring body, preamble, numbered operative paragraphs
/// with hanging indents, sub-paragraphs under their parent, report sections, and footnotes
/// collected at the end with their numbers.
pub fn text(doc: &Document, width: usize) -> String {
    text::render(doc, width.max(MIN_WIDTH))
}

/// The same draft in Markdown, with emphasis kept (*italic* leads) and footnotes as `[^1]`.
pub fn markdown(doc: &Document) -> String {
    markdown::render(doc)
}

/// The draft as a Word document (the bytes of a `.docx` file) in UN layout: header block,
/// bold title, preamble with italic leads and first-line indents, numbered operative
/// paragraphs with hanging indents, sub-paragraphs under their parent, headings, parts,
/// sections and annexes, and the footnotes as real Word footnotes.
pub fn docx(doc: &Document) -> Result<Vec<u8>, DocxError> {
    docx::render(doc)
}

/// The compilation text of a negotiation as a Word document (the bytes of a `.docx` file):
/// "bis" numbers, statuses, proposals inline with their delegations in bold, bracketed
/// alternatives, each paragraph's open items (see [`crate::negotiate::compilation`]).
pub fn docx_compilation(draft: &crate::model::Draft) -> Result<Vec<u8>, DocxError> {
    docx::render_compilation(draft)
}

/// The comparison of two versions as a Word document (the bytes of a `.docx` file): the new
/// text in UN layout with Word tracked changes by `author` at `date` (ISO 8601, as
/// `2026-12-01T12:00:00Z`) that give the old text when rejected and the new when accepted:
/// words deleted and inserted within paragraphs, whole paragraphs deleted and inserted, moved
/// paragraphs as moves, and changed paragraph numbers as changes of automatic numbering.
pub fn docx_changes(
    old: &Document,
    new: &Document,
    cmp: &crate::compare::Comparison,
    author: &str,
    date: &str,
) -> Result<Vec<u8>, DocxError> {
    docx::render_changes(old, new, cmp, author, date)
}

/// The draft as Akoma Ntoso 3.0 XML following the AKN4UN guidelines for General Assembly
/// resolutions (see [`akn`]); valid against the OASIS schema, and read back by
/// [`crate::import::akn`].
pub fn akn(doc: &Document) -> String {
    akn::render(doc)
}

/// The whole model for scripts: header (with `sponsors` as a list), authoring body, preamble
/// and operative paragraphs with derived numbers and labels, report sections and footnotes
/// with their numbers and anchors.
pub fn json(doc: &Document) -> serde_json::Value {
    json::render(doc)
}

/// Calls `f` on every marked-up text of the document (where footnote markers may stand).
pub(crate) fn for_each_markup<'a>(doc: &'a Document, f: &mut dyn FnMut(&'a str)) {
    doc.walk(&mut |p, _| {
        f(&p.lead);
        f(&p.text);
    });
    f(&doc.header.title);
    doc.headings.iter().for_each(|h| f(&h.heading));
    doc.parts.iter().for_each(|p| f(&p.heading));
    doc.sections.iter().for_each(|s| f(&s.heading));
    doc.notes.iter().for_each(|n| f(n));
    for a in &doc.annexes {
        f(&a.title);
        a.sections.iter().for_each(|s| f(&s.heading));
    }
}

/// Footnotes whose marker stands nowhere in the text (the import found none), by the
/// paragraph they are anchored to: the Word and Markdown exports reference them at the end of
/// that paragraph, since a reader drops (Markdown) or misplaces a note nothing refers to.
pub(crate) fn orphan_notes(doc: &Document) -> HashMap<Id, Vec<Id>> {
    let mut marked: HashSet<Id> = HashSet::new();
    for_each_markup(doc, &mut |s| marked.extend(markup::markers(s)));
    let mut out: HashMap<Id, Vec<Id>> = HashMap::new();
    for f in doc.footnotes.iter().filter(|f| !marked.contains(&f.id)) {
        out.entry(f.anchor.clone()).or_default().push(f.id.clone());
    }
    out
}

/// Sponsors as UN documents list them: "A, B and C".
pub fn join_sponsors(sponsors: &[String]) -> String {
    match sponsors {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The sponsors-and-stage line ("Arcadia and Borduria: revised draft resolution"); the stage
/// alone (capitalised) when there are no sponsors.
pub fn sponsors_stage_line(header: &Header) -> String {
    let sponsors = join_sponsors(&header.sponsors);
    match (sponsors.is_empty(), header.stage.is_empty()) {
        (true, true) => String::new(),
        (true, false) => capitalise(&header.stage),
        (false, true) => sponsors,
        (false, false) => format!("{sponsors}: {}", header.stage),
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The title line, with the resolution number of an adopted resolution ("80/4. Title").
fn title_line(header: &Header) -> String {
    match (header.resolution_number.is_empty(), header.title.is_empty()) {
        (false, false) => format!("{}. {}", header.resolution_number, header.title),
        (false, true) => header.resolution_number.clone(),
        _ => header.title.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sponsors_are_joined_as_un_lists_them() {
        let s = |v: &[&str]| join_sponsors(&v.iter().map(|x| x.to_string()).collect::<Vec<_>>());
        assert_eq!(s(&[]), "");
        assert_eq!(s(&["Arcadia"]), "Arcadia");
        assert_eq!(s(&["Arcadia", "Borduria"]), "Arcadia and Borduria");
        assert_eq!(s(&["A", "B", "C"]), "A, B and C");
        let h = Header {
            stage: "draft resolution".into(),
            ..Default::default()
        };
        assert_eq!(sponsors_stage_line(&h), "Draft resolution");
    }
}
