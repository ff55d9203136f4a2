//! The Word export: a clean draft in UN layout as a `.docx` package (WordprocessingML).
//!
//! Layout: the header block (issuing body with the symbol right-aligned on the same line,
//! distribution, date and original language, organ, session, place and dates, agenda item,
//! the agenda title and the sponsors-and-stage line in bold, notes), the title in bold, the
//! authoring body; preambular paragraphs with a first-line indent and the opening phrase in
//! italics; operative paragraphs numbered with a hanging indent and the opening verb in
//! italics (a single operative paragraph is not numbered); sub-paragraphs (a)/(i) indented
//! under their parent; headings, parts, report sections and annexes (each annex on a new
//! page). Footnotes are real Word footnotes (`word/footnotes.xml`), referenced where the
//! marker stands; a footnote whose marker is missing is referenced at the end of its anchor
//! paragraph, so none is lost.
//!
//! Numbers and labels are written as text, exactly as resdraft derives them (see
//! [`crate::numbering`]), so the document shows the numbering of the draft whatever the
//! reader's list settings. Written with `quick-xml` (escaping) and `zip` (the package) rather
//! than `docx-rs`, for full control of the WordprocessingML (footnote separators, and the
//! `w:moveFrom`/`w:moveTo` of tracked changes, which docx-rs does not write).

mod package;

use super::{sponsors_stage_line, title_line};
use crate::markup::{self, Segment};
use crate::model::{Document, Id, Paragraph, Part, Section};
use crate::numbering;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use std::collections::{HashMap, HashSet};

/// The indent step (twips, 1.27 cm): a preambular paragraph's first line, the hang of a
/// numbered paragraph, and each level of sub-paragraphs.
const STEP: u32 = 720;

/// The left edge of the right-hand column of the header (distribution, date, language).
const RIGHT_COLUMN: u32 = 6480;

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

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
    let (document, footnotes) = parts(doc)?;
    package::package(&document, &footnotes)
}

/// `word/document.xml` and `word/footnotes.xml` of the draft.
pub(super) fn parts(doc: &Document) -> Result<(Vec<u8>, Vec<u8>), DocxError> {
    let mut w = Docx {
        doc,
        body: Xml::new(),
        notes: Xml::new(),
        numbers: numbering::footnote_numbers(doc),
        referenced: HashSet::new(),
        orphans: orphans(doc),
        next_note: 1,
    };
    w.notes.decl();
    w.notes.open("w:footnotes", &[("xmlns:w", W_NS)]);
    for (id, kind) in [("-1", "separator"), ("0", "continuationSeparator")] {
        w.notes
            .open("w:footnote", &[("w:type", kind), ("w:id", id)]);
        w.notes.open("w:p", &[]);
        w.notes.open("w:pPr", &[]);
        w.notes
            .empty("w:spacing", &[("w:after", "0"), ("w:line", "240")]);
        w.notes.close("w:pPr");
        w.notes.open("w:r", &[]);
        w.notes.empty(&format!("w:{kind}"), &[]);
        w.notes.close("w:r");
        w.notes.close("w:p");
        w.notes.close("w:footnote");
    }
    w.body.decl();
    w.body.open("w:document", &[("xmlns:w", W_NS)]);
    w.body.open("w:body", &[]);
    w.header();
    w.content();
    w.leftover_footnotes();
    w.section_properties();
    w.body.close("w:body");
    w.body.close("w:document");
    w.notes.close("w:footnotes");
    Ok((w.body.finish()?, w.notes.finish()?))
}

/// Footnotes whose marker stands nowhere in the text, by the paragraph they are anchored to.
fn orphans(doc: &Document) -> HashMap<Id, Vec<Id>> {
    let mut marked: HashSet<Id> = HashSet::new();
    let mut mark = |s: &str| marked.extend(markup::markers(s));
    doc.walk(&mut |p, _| {
        mark(&p.lead);
        mark(&p.text);
    });
    mark(&doc.header.title);
    doc.headings.iter().for_each(|h| mark(&h.heading));
    doc.parts.iter().for_each(|p| mark(&p.heading));
    doc.sections.iter().for_each(|s| mark(&s.heading));
    doc.notes.iter().for_each(|n| mark(n));
    for a in &doc.annexes {
        mark(&a.title);
        a.sections.iter().for_each(|s| mark(&s.heading));
    }
    let mut out: HashMap<Id, Vec<Id>> = HashMap::new();
    for f in doc.footnotes.iter().filter(|f| !marked.contains(&f.id)) {
        out.entry(f.anchor.clone()).or_default().push(f.id.clone());
    }
    out
}

/// One piece of a paragraph's content.
#[derive(Debug, Clone, PartialEq)]
enum Piece {
    Text {
        text: String,
        italic: bool,
        bold: bool,
    },
    /// A tab (after a number or label).
    Tab,
    /// A footnote reference.
    Note(Id),
}

/// How a paragraph is indented and placed.
#[derive(Debug, Clone, Copy, Default)]
struct Layout {
    /// The left edge of the text (twips).
    left: u32,
    /// The first line starts this much further right.
    first_line: u32,
    /// The first line starts this much further left (a hanging label).
    hanging: u32,
    /// A right-aligned tab stop at the right margin (the symbol line).
    right_tab: bool,
    keep_next: bool,
    page_break: bool,
    /// Left-aligned rather than justified (header lines, headings).
    ragged: bool,
}

struct Docx<'a> {
    doc: &'a Document,
    body: Xml,
    notes: Xml,
    numbers: HashMap<Id, u32>,
    /// Footnotes already referenced (each is referenced once).
    referenced: HashSet<Id>,
    orphans: HashMap<Id, Vec<Id>>,
    /// The id of the next Word footnote.
    next_note: u32,
}

impl Docx<'_> {
    fn header(&mut self) {
        let h = &self.doc.header;
        let ragged = Layout {
            ragged: true,
            ..Layout::default()
        };
        if !h.issuing_body.is_empty() || !h.symbol.is_empty() {
            let mut pieces = plain(&h.issuing_body, false);
            if !h.symbol.is_empty() {
                pieces.push(Piece::Tab);
                pieces.extend(plain(&h.symbol, true));
            }
            let layout = Layout {
                right_tab: true,
                ..ragged
            };
            self.paragraph(layout, &pieces);
        }
        let column = Layout {
            left: RIGHT_COLUMN,
            ..ragged
        };
        if !h.distribution.is_empty() {
            self.line(column, &format!("Distr.: {}", h.distribution), false);
        }
        self.line(column, &h.date, false);
        if !h.original_language.is_empty() {
            self.line(column, &format!("Original: {}", h.original_language), false);
        }
        self.line(ragged, &h.organ, false);
        self.line(ragged, &h.session, false);
        self.line(ragged, &h.place_and_dates, false);
        if !h.agenda_item.is_empty() {
            self.line(ragged, &format!("Agenda item {}", h.agenda_item), false);
        }
        self.line(ragged, &h.agenda_title, true);
        self.line(ragged, &sponsors_stage_line(h), true);
        self.line(ragged, &h.sponsors_note, false);
        self.line(ragged, &h.adoption, false);
        self.line(ragged, &h.committee_reference, false);
        let title = title_line(h);
        if !title.is_empty() {
            let pieces = self.inline(&title, false, true);
            let layout = Layout {
                keep_next: true,
                ..ragged
            };
            self.paragraph(layout, &pieces);
        }
        if !self.doc.authoring_body.is_empty() {
            let body = format!("{},", self.doc.authoring_body.trim_end_matches(','));
            let layout = Layout {
                first_line: STEP,
                ..Layout::default()
            };
            self.paragraph(layout, &plain(&body, false));
        }
    }

    /// A header line (nothing when empty). Header fields are plain text, not markup.
    fn line(&mut self, layout: Layout, s: &str, bold: bool) {
        if !s.trim().is_empty() {
            self.paragraph(layout, &plain(s, bold));
        }
    }

    /// The body in document order, as the text export lays it out.
    fn content(&mut self) {
        let doc = self.doc;
        self.resolution(Part::Preamble, Part::Operative);
        for (k, part) in doc.parts.iter().enumerate() {
            self.heading(&part.label, &part.heading, false);
            self.resolution(Part::PartPreamble(k), Part::PartOperative(k));
        }
        for (i, section) in doc.sections.iter().enumerate() {
            self.section(Part::Section(i), section);
        }
        for note in &doc.notes {
            let pieces = self.inline(note, false, false);
            self.paragraph(Layout::default(), &pieces);
        }
        for (a, annex) in doc.annexes.iter().enumerate() {
            let label = plain(&annex.printed_label(), true);
            let layout = Layout {
                page_break: true,
                keep_next: true,
                ragged: true,
                ..Layout::default()
            };
            self.paragraph(layout, &label);
            if !annex.title.is_empty() {
                let title = self.inline(&annex.title, false, true);
                let layout = Layout {
                    keep_next: true,
                    ragged: true,
                    ..Layout::default()
                };
                self.paragraph(layout, &title);
            }
            if annex.numbered {
                self.numbered_list(Part::Annex(a), &annex.paragraphs);
            } else {
                annex.paragraphs.iter().for_each(|p| self.unnumbered(p));
            }
            for (i, section) in annex.sections.iter().enumerate() {
                self.section(Part::AnnexSection(a, i), section);
            }
        }
    }

    /// A preamble and its operative part (the resolution's or a part's).
    fn resolution(&mut self, preamble: Part, operative: Part) {
        let doc = self.doc;
        let (Some(pre), Some(ops)) = (doc.part(preamble), doc.part(operative)) else {
            return;
        };
        pre.iter().for_each(|p| self.unnumbered(p));
        if ops.len() == 1 {
            // UN practice: a single operative paragraph is not numbered.
            self.unnumbered(&ops[0]);
        } else {
            self.numbered_list(operative, ops);
        }
    }

    fn section(&mut self, part: Part, section: &Section) {
        self.heading(&section.label, &section.heading, false);
        if section.numbered {
            self.numbered_list(part, &section.paragraphs);
        } else {
            section.paragraphs.iter().for_each(|p| self.unnumbered(p));
        }
    }

    /// A heading in bold: "II. Recommendations", "A.", or the text alone; a heading inside a
    /// resolution with its label hanging.
    fn heading(&mut self, label: &str, text: &str, hang: bool) {
        let mut pieces = Vec::new();
        if !label.is_empty() {
            pieces.extend(plain(&format!("{label}."), true));
            if !text.is_empty() {
                pieces.push(if hang {
                    Piece::Tab
                } else {
                    Piece::Text {
                        text: " ".into(),
                        italic: false,
                        bold: true,
                    }
                });
            }
        }
        pieces.extend(self.inline(text, false, true));
        if pieces.is_empty() {
            return;
        }
        let layout = Layout {
            left: if hang && !label.is_empty() { STEP } else { 0 },
            hanging: if hang && !label.is_empty() { STEP } else { 0 },
            keep_next: true,
            ragged: true,
            ..Layout::default()
        };
        self.paragraph(layout, &pieces);
    }

    fn headings_before(&mut self, p: &Paragraph) {
        for h in self.doc.headings_before(&p.id) {
            self.heading(&h.label, &h.heading, true);
        }
    }

    /// A paragraph with its first line indented and no number (preambular paragraphs).
    fn unnumbered(&mut self, p: &Paragraph) {
        self.headings_before(p);
        let pieces = self.content_of(p, "");
        let layout = Layout {
            first_line: STEP,
            ..Layout::default()
        };
        self.paragraph(layout, &pieces);
        self.after_paragraph(p);
        self.subparagraphs(p, 1, STEP);
    }

    /// Top-level paragraphs with their derived numbers, hanging.
    fn numbered_list(&mut self, part: Part, list: &[Paragraph]) {
        for (i, p) in list.iter().enumerate() {
            let label = numbering::number(self.doc, part, i)
                .map(|n| format!("{n}."))
                .unwrap_or_default();
            self.headings_before(p);
            self.labelled(p, &label, 0);
            self.subparagraphs(p, 1, STEP);
        }
    }

    /// A paragraph whose label stands at `at` and whose text hangs one step further right.
    fn labelled(&mut self, p: &Paragraph, label: &str, at: u32) {
        let pieces = self.content_of(p, label);
        let layout = Layout {
            left: at + STEP,
            hanging: STEP,
            ..Layout::default()
        };
        self.paragraph(layout, &pieces);
        self.after_paragraph(p);
    }

    /// The sub-paragraphs of `p` at `depth`, their labels at `at`.
    fn subparagraphs(&mut self, p: &Paragraph, depth: usize, at: u32) {
        for (i, sp) in p.subparagraphs.iter().enumerate() {
            let label = numbering::printed_sub_label(depth, i, p.list_style);
            self.labelled(sp, &label, at);
            self.subparagraphs(sp, depth + 1, at + STEP);
        }
    }

    /// The label (then a tab), the lead in italics and the text of a paragraph.
    fn content_of(&self, p: &Paragraph, label: &str) -> Vec<Piece> {
        let mut pieces = Vec::new();
        if !label.is_empty() {
            pieces.extend(plain(label, false));
            pieces.push(Piece::Tab);
        }
        pieces.extend(self.inline(&p.lead, true, false));
        if !p.lead.is_empty() && !p.text.is_empty() {
            pieces.push(Piece::Text {
                text: " ".into(),
                italic: false,
                bold: false,
            });
        }
        pieces.extend(self.inline(&p.text, false, false));
        pieces
    }

    /// A footnote anchored to `p` whose marker is missing: referenced after its paragraph's
    /// text, in a paragraph of its own so the paragraph's text stays as written.
    fn after_paragraph(&mut self, p: &Paragraph) {
        let Some(ids) = self.orphans.remove(&p.id) else {
            return;
        };
        let pieces: Vec<Piece> = ids.into_iter().map(Piece::Note).collect();
        let layout = Layout {
            first_line: STEP,
            ..Layout::default()
        };
        self.paragraph(layout, &pieces);
    }

    /// Footnotes anchored nowhere in the document, referenced in a last paragraph.
    fn leftover_footnotes(&mut self) {
        let pieces: Vec<Piece> = self
            .doc
            .footnotes
            .iter()
            .filter(|f| !self.referenced.contains(&f.id))
            .map(|f| Piece::Note(f.id.clone()))
            .collect();
        if !pieces.is_empty() {
            self.paragraph(Layout::default(), &pieces);
        }
    }

    /// Marked-up text as pieces, with emphasis and footnote markers.
    fn inline(&self, s: &str, italic: bool, bold: bool) -> Vec<Piece> {
        markup::parse(s)
            .into_iter()
            .filter_map(|seg| match seg {
                Segment::Text {
                    text,
                    italic: i,
                    bold: b,
                } => Some(Piece::Text {
                    text,
                    italic: i != italic,
                    bold: b || bold,
                }),
                Segment::Marker(id) => self.numbers.contains_key(&id).then_some(Piece::Note(id)),
            })
            .collect()
    }

    /// Writes one `w:p`.
    fn paragraph(&mut self, layout: Layout, pieces: &[Piece]) {
        let x = &mut self.body;
        x.open("w:p", &[]);
        x.open("w:pPr", &[]);
        if layout.keep_next {
            x.empty("w:keepNext", &[]);
        }
        if layout.page_break {
            x.empty("w:pageBreakBefore", &[]);
        }
        if layout.right_tab {
            x.open("w:tabs", &[]);
            let pos = package::TEXT_WIDTH.to_string();
            x.empty("w:tab", &[("w:val", "right"), ("w:pos", &pos)]);
            x.close("w:tabs");
        } else if layout.hanging > 0 {
            x.open("w:tabs", &[]);
            let pos = layout.left.to_string();
            x.empty("w:tab", &[("w:val", "left"), ("w:pos", &pos)]);
            x.close("w:tabs");
        }
        let left = layout.left.to_string();
        let mut ind = vec![("w:left", left.as_str())];
        let first = layout.first_line.to_string();
        let hanging = layout.hanging.to_string();
        if layout.first_line > 0 {
            ind.push(("w:firstLine", &first));
        } else if layout.hanging > 0 {
            ind.push(("w:hanging", &hanging));
        }
        x.empty("w:ind", &ind);
        if layout.ragged {
            x.empty("w:jc", &[("w:val", "left")]);
        }
        x.close("w:pPr");
        for piece in pieces {
            match piece {
                Piece::Text { text, italic, bold } => {
                    let x = &mut self.body;
                    x.run(text, *italic, *bold);
                }
                Piece::Tab => {
                    let x = &mut self.body;
                    x.open("w:r", &[]);
                    x.empty("w:tab", &[]);
                    x.close("w:r");
                }
                Piece::Note(id) => self.reference(id),
            }
        }
        self.body.close("w:p");
    }

    /// A footnote reference where the marker stands, and the footnote in `footnotes.xml`
    /// (once: a repeated marker of the same footnote is not referenced again).
    fn reference(&mut self, id: &Id) {
        let Some(footnote) = self.doc.footnote(id) else {
            return;
        };
        if !self.referenced.insert(id.clone()) {
            return;
        }
        let n = self.next_note.to_string();
        self.next_note += 1;
        let x = &mut self.body;
        x.open("w:r", &[]);
        x.open("w:rPr", &[]);
        x.empty("w:rStyle", &[("w:val", "FootnoteReference")]);
        x.close("w:rPr");
        x.empty("w:footnoteReference", &[("w:id", &n)]);
        x.close("w:r");

        let x = &mut self.notes;
        x.open("w:footnote", &[("w:id", &n)]);
        x.open("w:p", &[]);
        x.open("w:pPr", &[]);
        x.empty("w:pStyle", &[("w:val", "FootnoteText")]);
        x.close("w:pPr");
        x.open("w:r", &[]);
        x.open("w:rPr", &[]);
        x.empty("w:rStyle", &[("w:val", "FootnoteReference")]);
        x.close("w:rPr");
        x.empty("w:footnoteRef", &[]);
        x.close("w:r");
        x.open("w:r", &[]);
        x.empty("w:tab", &[]);
        x.close("w:r");
        for seg in markup::parse(&footnote.text) {
            if let Segment::Text { text, italic, bold } = seg {
                x.run(&text, italic, bold);
            }
        }
        x.close("w:p");
        x.close("w:footnote");
    }

    fn section_properties(&mut self) {
        let x = &mut self.body;
        x.open("w:sectPr", &[]);
        x.open("w:footnotePr", &[]);
        x.empty("w:numFmt", &[("w:val", "decimal")]);
        x.close("w:footnotePr");
        let (w, h, m) = (
            package::PAGE_WIDTH.to_string(),
            package::PAGE_HEIGHT.to_string(),
            package::MARGIN.to_string(),
        );
        x.empty("w:pgSz", &[("w:w", &w), ("w:h", &h)]);
        x.empty(
            "w:pgMar",
            &[
                ("w:top", &m),
                ("w:right", &m),
                ("w:bottom", &m),
                ("w:left", &m),
                ("w:header", "720"),
                ("w:footer", "720"),
                ("w:gutter", "0"),
            ],
        );
        x.close("w:sectPr");
    }
}

/// Plain text (not markup) as one piece.
fn plain(s: &str, bold: bool) -> Vec<Piece> {
    if s.is_empty() {
        return Vec::new();
    }
    vec![Piece::Text {
        text: s.to_string(),
        italic: false,
        bold,
    }]
}

/// An XML part being written. Writing to memory cannot fail, but the first error quick-xml
/// reports is kept and returned by [`Xml::finish`] rather than dropped.
struct Xml {
    writer: Writer<Vec<u8>>,
    error: Option<std::io::Error>,
}

impl Xml {
    fn new() -> Self {
        Xml {
            writer: Writer::new(Vec::new()),
            error: None,
        }
    }

    fn event(&mut self, event: Event<'_>) {
        if let Err(e) = self.writer.write_event(event)
            && self.error.is_none()
        {
            self.error = Some(e);
        }
    }

    fn decl(&mut self) {
        self.event(Event::Decl(BytesDecl::new(
            "1.0",
            Some("UTF-8"),
            Some("yes"),
        )));
    }

    fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        let start = BytesStart::new(name).with_attributes(attrs.iter().copied());
        self.event(Event::Start(start));
    }

    fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        let start = BytesStart::new(name).with_attributes(attrs.iter().copied());
        self.event(Event::Empty(start));
    }

    fn close(&mut self, name: &str) {
        self.event(Event::End(BytesEnd::new(name)));
    }

    /// A run of text with its emphasis; tabs and line breaks become `w:tab` and `w:br`, and
    /// characters XML cannot hold are left out.
    fn run(&mut self, text: &str, italic: bool, bold: bool) {
        let text: String = text.chars().filter(|c| xml_char(*c)).collect();
        if text.is_empty() {
            return;
        }
        self.open("w:r", &[]);
        if italic || bold {
            self.open("w:rPr", &[]);
            if bold {
                self.empty("w:b", &[]);
            }
            if italic {
                self.empty("w:i", &[]);
            }
            self.close("w:rPr");
        }
        let mut first = true;
        for line in text.split('\n') {
            if !first {
                self.empty("w:br", &[]);
            }
            first = false;
            let mut first_cell = true;
            for cell in line.split('\t') {
                if !first_cell {
                    self.empty("w:tab", &[]);
                }
                first_cell = false;
                if !cell.is_empty() {
                    self.open("w:t", &[("xml:space", "preserve")]);
                    self.event(Event::Text(BytesText::new(cell)));
                    self.close("w:t");
                }
            }
        }
        self.close("w:r");
    }

    fn finish(self) -> Result<Vec<u8>, std::io::Error> {
        match self.error {
            Some(e) => Err(e),
            None => Ok(self.writer.into_inner()),
        }
    }
}

/// Whether XML 1.0 can hold this character (`\r` is dropped too: Word would read it as a
/// line break of its own).
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests;
