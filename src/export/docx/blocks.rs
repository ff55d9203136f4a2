//! The draft as Word paragraphs in reading order, before any XML: each [`Block`] says how a
//! paragraph is laid out, which automatic list item it is, and what it holds (header fields
//! as plain text, draft text as markup, footnote references). The export writes the blocks of
//! one draft; the tracked-changes document merges the blocks of two.
//!
//! Layout: the header block (issuing body with the symbol right-aligned on the same line,
//! distribution, date and original language, organ, session, place and dates, agenda item,
//! the agenda title and the sponsors-and-stage line in bold, notes), the title in bold, the
//! authoring body; preambular paragraphs with a first-line indent and the opening phrase in
//! italics; operative paragraphs numbered with a hanging indent and the opening verb in
//! italics (a single operative paragraph is not numbered); sub-paragraphs (a)/(i) indented
//! under their parent; headings, parts, report sections and annexes (each annex on a new
//! page). A footnote whose marker is missing is referenced in a paragraph after its anchor
//! paragraph, so none is lost.

use super::super::{sponsors_stage_line, title_line};
use crate::model::{Document, Id, ListStyle, Paragraph, Part, Section};
use crate::numbering;
use std::collections::{HashMap, HashSet};

/// The indent step (twips, 1.27 cm): a preambular paragraph's first line, the hang of a
/// numbered paragraph, and each level of sub-paragraphs.
pub(super) const STEP: u32 = 720;

/// The left edge of the right-hand column of the header (distribution, date, language).
const RIGHT_COLUMN: u32 = 6480;

/// How a paragraph is indented and placed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Layout {
    /// The left edge of the text (twips).
    pub left: u32,
    /// The first line starts this much further right.
    pub first_line: u32,
    /// The first line starts this much further left (a hanging number or label).
    pub hanging: u32,
    /// A right-aligned tab stop at the right margin (the symbol line).
    pub right_tab: bool,
    pub keep_next: bool,
    pub page_break: bool,
    /// Left-aligned rather than justified (header lines, headings).
    pub ragged: bool,
}

/// The numbering styles of automatic lists (`numbering.xml` has one definition of each).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum NumStyle {
    /// "1." at the top, "(a)", "(i)", then "a.", "i." below.
    Un,
    /// "1." at every level.
    Numeric,
}

/// An automatic list item: which list (one Word list instance each), its level (0 = the
/// numbered paragraphs, 1 = "(a)"…), and the number it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Number {
    pub list: String,
    pub level: u8,
    pub style: NumStyle,
    pub value: u32,
}

impl Number {
    /// The number as printed ("3.", "(b)", "ii."), the same as [`crate::numbering`] prints.
    pub(super) fn printed(&self) -> String {
        if self.level == 0 {
            return format!("{}.", self.value);
        }
        let style = match self.style {
            NumStyle::Un => ListStyle::Default,
            NumStyle::Numeric => ListStyle::Numeric,
        };
        numbering::printed_sub_label(usize::from(self.level), self.value as usize - 1, style)
    }
}

/// A piece of a block's content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Span {
    /// Text with the emphasis of the whole span; `markup` when it is draft text (emphasis
    /// marks and footnote markers inside), not a plain header field.
    Text {
        text: String,
        markup: bool,
        italic: bool,
        bold: bool,
    },
    Tab,
    /// A reference to a footnote whose marker is missing from the text.
    Note(Id),
}

impl Span {
    fn plain(text: &str, bold: bool) -> Span {
        Span::Text {
            text: text.to_string(),
            markup: false,
            italic: false,
            bold,
        }
    }

    fn markup(text: &str, italic: bool, bold: bool) -> Span {
        Span::Text {
            text: text.to_string(),
            markup: true,
            italic,
            bold,
        }
    }
}

/// What a block stands for, to pair the blocks of two versions.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum Key {
    /// A paragraph or sub-paragraph of the draft.
    Paragraph(Id),
    /// Anything else (header lines, headings, annex labels, notes), named uniquely.
    Other(String),
}

/// One Word paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Block {
    pub key: Key,
    pub layout: Layout,
    pub number: Option<Number>,
    pub spans: Vec<Span>,
}

/// The blocks of a draft in reading order.
pub(super) fn blocks(doc: &Document) -> Vec<Block> {
    let mut w = Walk {
        doc,
        out: Vec::new(),
        orphans: crate::export::orphan_notes(doc),
    };
    w.header();
    w.content();
    // Footnotes anchored to no paragraph of the draft, in their order, in a last paragraph.
    let left: HashSet<&Id> = w.orphans.values().flatten().collect();
    let left: Vec<Span> = doc
        .footnotes
        .iter()
        .filter(|f| left.contains(&f.id))
        .map(|f| Span::Note(f.id.clone()))
        .collect();
    if !left.is_empty() {
        w.out.push(Block {
            key: Key::Other("unanchored footnotes".into()),
            layout: Layout::default(),
            number: None,
            spans: left,
        });
    }
    w.out
}

const RAGGED: Layout = Layout {
    left: 0,
    first_line: 0,
    hanging: 0,
    right_tab: false,
    keep_next: false,
    page_break: false,
    ragged: true,
};

struct Walk<'a> {
    doc: &'a Document,
    out: Vec<Block>,
    orphans: HashMap<Id, Vec<Id>>,
}

impl Walk<'_> {
    fn push(&mut self, key: Key, layout: Layout, spans: Vec<Span>) {
        self.out.push(Block {
            key,
            layout,
            number: None,
            spans,
        });
    }

    /// A header line (nothing when empty). Header fields are plain text, not markup.
    fn line(&mut self, key: &str, layout: Layout, s: &str, bold: bool) {
        if !s.trim().is_empty() {
            self.push(Key::Other(key.into()), layout, vec![Span::plain(s, bold)]);
        }
    }

    fn header(&mut self) {
        let h = &self.doc.header;
        if !h.issuing_body.is_empty() || !h.symbol.is_empty() {
            let mut spans = vec![Span::plain(&h.issuing_body, false)];
            if !h.symbol.is_empty() {
                spans.push(Span::Tab);
                spans.push(Span::plain(&h.symbol, true));
            }
            let layout = Layout {
                right_tab: true,
                ..RAGGED
            };
            self.push(Key::Other("symbol".into()), layout, spans);
        }
        let column = Layout {
            left: RIGHT_COLUMN,
            ..RAGGED
        };
        if !h.distribution.is_empty() {
            let s = format!("Distr.: {}", h.distribution);
            self.line("distribution", column, &s, false);
        }
        self.line("date", column, &h.date, false);
        if !h.original_language.is_empty() {
            let s = format!("Original: {}", h.original_language);
            self.line("original", column, &s, false);
        }
        self.line("organ", RAGGED, &h.organ, false);
        self.line("session", RAGGED, &h.session, false);
        self.line("place", RAGGED, &h.place_and_dates, false);
        if !h.agenda_item.is_empty() {
            let s = format!("Agenda item {}", h.agenda_item);
            self.line("agenda item", RAGGED, &s, false);
        }
        self.line("agenda title", RAGGED, &h.agenda_title, true);
        self.line("sponsors", RAGGED, &sponsors_stage_line(h), true);
        self.line("sponsors note", RAGGED, &h.sponsors_note, false);
        self.line("adoption", RAGGED, &h.adoption, false);
        self.line("committee", RAGGED, &h.committee_reference, false);
        let title = title_line(h);
        if !title.is_empty() {
            let layout = Layout {
                keep_next: true,
                ..RAGGED
            };
            let spans = vec![Span::markup(&title, false, true)];
            self.push(Key::Other("title".into()), layout, spans);
        }
        if !self.doc.authoring_body.is_empty() {
            let body = format!("{},", self.doc.authoring_body.trim_end_matches(','));
            let layout = Layout {
                first_line: STEP,
                ..Layout::default()
            };
            let spans = vec![Span::plain(&body, false)];
            self.push(Key::Other("authoring body".into()), layout, spans);
        }
    }

    /// The body in document order, as the text export lays it out.
    fn content(&mut self) {
        let doc = self.doc;
        self.resolution(Part::Preamble, Part::Operative, "operative");
        for (k, part) in doc.parts.iter().enumerate() {
            let key = format!("part {}", part.id);
            self.heading(key, &part.label, &part.heading, false);
            self.resolution(
                Part::PartPreamble(k),
                Part::PartOperative(k),
                &format!("part {k}"),
            );
        }
        for (i, section) in doc.sections.iter().enumerate() {
            self.section(Part::Section(i), section, &format!("section {i}"));
        }
        for (i, note) in doc.notes.iter().enumerate() {
            let spans = vec![Span::markup(note, false, false)];
            self.push(Key::Other(format!("note {i}")), Layout::default(), spans);
        }
        for (a, annex) in doc.annexes.iter().enumerate() {
            let layout = Layout {
                page_break: true,
                keep_next: true,
                ..RAGGED
            };
            let label = vec![Span::plain(&annex.printed_label(), true)];
            self.push(Key::Other(format!("annex {a}")), layout, label);
            if !annex.title.is_empty() {
                let layout = Layout {
                    keep_next: true,
                    ..RAGGED
                };
                let title = vec![Span::markup(&annex.title, false, true)];
                self.push(Key::Other(format!("annex {a} title")), layout, title);
            }
            let list = format!("annex {a}");
            if annex.numbered {
                self.numbered_list(Part::Annex(a), &annex.paragraphs, &list);
            } else {
                annex.paragraphs.iter().for_each(|p| self.unnumbered(p));
            }
            for (i, section) in annex.sections.iter().enumerate() {
                let list = format!("annex {a} section {i}");
                self.section(Part::AnnexSection(a, i), section, &list);
            }
        }
    }

    /// A preamble and its operative part (the resolution's or a part's).
    fn resolution(&mut self, preamble: Part, operative: Part, list: &str) {
        let doc = self.doc;
        let (Some(pre), Some(ops)) = (doc.part(preamble), doc.part(operative)) else {
            return;
        };
        pre.iter().for_each(|p| self.unnumbered(p));
        if ops.len() == 1 {
            // UN practice: a single operative paragraph is not numbered.
            self.unnumbered(&ops[0]);
        } else {
            self.numbered_list(operative, ops, list);
        }
    }

    fn section(&mut self, part: Part, section: &Section, list: &str) {
        let key = format!("section {}", section.id);
        self.heading(key, &section.label, &section.heading, false);
        if section.numbered {
            self.numbered_list(part, &section.paragraphs, list);
        } else {
            section.paragraphs.iter().for_each(|p| self.unnumbered(p));
        }
    }

    /// A heading in bold: "II. Recommendations", "A.", or the text alone; a heading inside a
    /// resolution with its label hanging.
    fn heading(&mut self, key: String, label: &str, text: &str, hang: bool) {
        let mut spans = Vec::new();
        if !label.is_empty() {
            spans.push(Span::plain(&format!("{label}."), true));
            if !text.is_empty() {
                spans.push(if hang {
                    Span::Tab
                } else {
                    Span::plain(" ", true)
                });
            }
        }
        if !text.is_empty() {
            spans.push(Span::markup(text, false, true));
        }
        if spans.is_empty() {
            return;
        }
        let hang = hang && !label.is_empty();
        let layout = Layout {
            left: if hang { STEP } else { 0 },
            hanging: if hang { STEP } else { 0 },
            keep_next: true,
            ..RAGGED
        };
        self.push(Key::Other(key), layout, spans);
    }

    fn headings_before(&mut self, p: &Paragraph) {
        for h in self.doc.headings_before(&p.id) {
            self.heading(format!("heading {}", h.id), &h.label, &h.heading, true);
        }
    }

    /// A paragraph with its first line indented and no number (preambular paragraphs).
    fn unnumbered(&mut self, p: &Paragraph) {
        self.headings_before(p);
        let layout = Layout {
            first_line: STEP,
            ..Layout::default()
        };
        self.paragraph(p, layout, None);
        self.subparagraphs(p, 1, STEP);
    }

    /// Top-level paragraphs, numbered automatically from their derived numbers, hanging.
    fn numbered_list(&mut self, part: Part, list: &[Paragraph], name: &str) {
        for (i, p) in list.iter().enumerate() {
            self.headings_before(p);
            let number = numbering::number(self.doc, part, i).map(|value| Number {
                list: name.to_string(),
                level: 0,
                style: NumStyle::Un,
                value,
            });
            let layout = Layout {
                left: STEP,
                hanging: STEP,
                ..Layout::default()
            };
            self.paragraph(p, layout, number);
            self.subparagraphs(p, 1, STEP);
        }
    }

    /// The sub-paragraphs of `p` at `depth`, their labels at `at` and their text one step
    /// further right; each parent's sub-paragraphs are a list of their own.
    fn subparagraphs(&mut self, p: &Paragraph, depth: u8, at: u32) {
        // The paragraphs an amendment quotes print with no number.
        let style = match p.list_style {
            ListStyle::Numeric => Some(NumStyle::Numeric),
            ListStyle::Default => Some(NumStyle::Un),
            ListStyle::Quoted => None,
        };
        for (i, sp) in p.subparagraphs.iter().enumerate() {
            let number = style.map(|style| Number {
                list: format!("under {}", p.id),
                level: depth,
                style,
                value: i as u32 + 1,
            });
            let layout = Layout {
                left: at + STEP,
                hanging: STEP,
                ..Layout::default()
            };
            self.paragraph(sp, layout, number);
            self.subparagraphs(sp, depth + 1, at + STEP);
        }
    }

    /// A paragraph: the lead in italics, a space, the text; then the footnotes anchored to it
    /// whose markers are missing, in a paragraph of their own so its text stays as written.
    fn paragraph(&mut self, p: &Paragraph, layout: Layout, number: Option<Number>) {
        // No space before a text that starts with punctuation ("Recalling, in this regard").
        let punctuation = p.text.starts_with([',', ';', ':', '.', ')']);
        let gap = if p.lead.is_empty() || p.text.is_empty() || punctuation {
            ""
        } else {
            " "
        };
        self.out.push(Block {
            key: Key::Paragraph(p.id.clone()),
            layout,
            number,
            spans: vec![
                Span::markup(&p.lead, true, false),
                Span::markup(gap, false, false),
                Span::markup(&p.text, false, false),
            ],
        });
        if let Some(ids) = self.orphans.remove(&p.id) {
            let layout = Layout {
                first_line: STEP,
                ..Layout::default()
            };
            let spans = ids.into_iter().map(Span::Note).collect();
            self.push(Key::Other(format!("footnotes of {}", p.id)), layout, spans);
        }
    }
}
