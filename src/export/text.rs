//! The clean text export in UN layout.
//!
//! Layout: the header block (symbol, issuing body, distribution and date, original language,
//! organ, session, place and dates, agenda item and title, sponsors and stage), the title, the
//! authoring body with its comma; preambular paragraphs with the first line indented;
//! operative paragraphs numbered with a hanging indent (a single operative paragraph is not
//! numbered); sub-paragraphs indented under their parent with (a)/(i) labels; report
//! sections with their headings; footnotes collected at the end under a rule. Paragraphs are
//! separated by a blank line, as in UN documents.

use super::wrap::wrap;
use super::{join_lead, sponsors_stage_line, title_line};
use crate::markup;
use crate::model::{Document, Id, Paragraph, Part};
use crate::numbering;
use std::collections::HashMap;

/// The indent of a preambular paragraph's first line, and the column at which numbered
/// paragraphs' text starts.
const INDENT: usize = 4;

struct Writer<'a> {
    doc: &'a Document,
    width: usize,
    numbers: HashMap<Id, u32>,
    /// The text so far: blocks separated by a blank line.
    out: String,
    /// The blocks written.
    blocks: usize,
}

pub(super) fn render(doc: &Document, width: usize) -> String {
    let mut w = Writer {
        doc,
        width,
        numbers: numbering::footnote_numbers(doc),
        out: String::with_capacity(capacity(doc, width)),
        blocks: 0,
    };
    w.header();
    w.body();
    w.footnotes();
    w.out.push('\n');
    w.out
}

/// Room for the text of `doc` at `width`, sized once (a long draft's text grown by
/// doubling was copied a few times, the last copy beside the old one): its texts with the
/// indents of their wrapped lines, a label and a blank line a paragraph.
fn capacity(doc: &Document, width: usize) -> usize {
    let (mut bytes, mut paragraphs) = (0, 0);
    doc.walk(&mut |p, _| {
        bytes += p.lead.len() + p.text.len();
        paragraphs += 1;
    });
    bytes += doc.footnotes.iter().map(|f| f.text.len()).sum::<usize>();
    bytes + bytes / width.max(20) * 16 + 32 * paragraphs + 4096
}

impl Writer<'_> {
    /// A block of lines, after a blank line unless it is the first.
    fn block<S: AsRef<str>>(&mut self, lines: &[S]) {
        if self.blocks > 0 {
            self.out.push_str("\n\n");
        }
        self.blocks += 1;
        for (i, l) in lines.iter().enumerate() {
            if i > 0 {
                self.out.push('\n');
            }
            self.out.push_str(l.as_ref());
        }
    }

    /// A block of one wrapped line of text (nothing when empty).
    fn line(&mut self, s: &str) {
        if !s.trim().is_empty() {
            self.block(&wrap(s, self.width, "", ""));
        }
    }

    fn header(&mut self) {
        let h = &self.doc.header;
        self.line(&h.symbol);
        self.line(&h.issuing_body);
        let mut distr = Vec::new();
        if !h.distribution.is_empty() {
            distr.push(format!("Distr.: {}", h.distribution));
        }
        if !h.date.is_empty() {
            distr.push(h.date.clone());
        }
        self.line_group(&distr);
        if !h.original_language.is_empty() {
            self.line(&format!("Original: {}", h.original_language));
        }
        self.line(&h.organ);
        self.line(&h.session);
        self.line(&h.place_and_dates);
        if !h.agenda_item.is_empty() {
            self.line(&format!("Agenda item {}", h.agenda_item));
        }
        self.line(&h.agenda_title);
        self.line(&sponsors_stage_line(h));
        self.line(&h.sponsors_note);
        self.line(&h.adoption);
        self.line(&h.committee_reference);
        let title = self.marked(&title_line(h));
        self.line(&title);
        if !self.doc.authoring_body.is_empty() {
            let body = self.doc.authoring_body.trim_end_matches(',');
            self.line(&format!("{body},"));
        }
    }

    /// Several short lines as one block (each wrapped on its own).
    fn line_group(&mut self, lines: &[String]) {
        let wrapped: Vec<String> = lines
            .iter()
            .map(|l| wrap(l, self.width, "", "").join("\n"))
            .collect();
        if !wrapped.is_empty() {
            self.block(&wrapped);
        }
    }

    fn body(&mut self) {
        let doc = self.doc;
        self.resolution(Part::Preamble, Part::Operative);
        for (k, part) in doc.parts.iter().enumerate() {
            self.heading(&part.label, &part.heading);
            self.resolution(Part::PartPreamble(k), Part::PartOperative(k));
        }
        for (i, section) in doc.sections.iter().enumerate() {
            self.section(Part::Section(i), section);
        }
        for note in &doc.notes {
            let note = self.marked(note);
            self.line(&note);
        }
        for (a, annex) in doc.annexes.iter().enumerate() {
            self.line(&annex.printed_label());
            let title = self.marked(&annex.title);
            self.line(&title);
            if annex.numbered {
                self.numbered_list(Part::Annex(a), &annex.paragraphs);
            } else {
                for p in &annex.paragraphs {
                    self.unnumbered(p);
                }
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
        for p in pre {
            self.unnumbered(p);
        }
        if ops.len() == 1 {
            // UN practice: a single operative paragraph is not numbered.
            self.unnumbered(&ops[0]);
        } else {
            self.numbered_list(operative, ops);
        }
    }

    /// A section heading and its paragraphs.
    fn section(&mut self, part: Part, section: &crate::model::Section) {
        self.heading(&section.label, &section.heading);
        if section.numbered {
            self.numbered_list(part, &section.paragraphs);
        } else {
            for p in &section.paragraphs {
                self.unnumbered(p);
            }
        }
    }

    /// A heading line: "II. Recommendations", "A.", or the text alone.
    fn heading(&mut self, label: &str, text: &str) {
        let heading = match (label.is_empty(), text.is_empty()) {
            (true, _) => text.to_string(),
            (false, true) => format!("{label}."),
            (false, false) => format!("{label}. {text}"),
        };
        let heading = self.marked(&heading);
        self.line(&heading);
    }

    /// The headings that stand before paragraph `p`.
    fn headings_before(&mut self, p: &Paragraph) {
        for h in self.doc.headings_before(&p.id) {
            self.heading(&h.label, &h.heading);
        }
    }

    /// A paragraph with its first line indented and no number (preambular paragraphs).
    fn unnumbered(&mut self, p: &Paragraph) {
        self.headings_before(p);
        let first = " ".repeat(INDENT);
        let text = self.plain(p);
        self.block(&wrap(&text, self.width, &first, ""));
        self.subparagraphs(p, 1, INDENT);
    }

    /// Top-level paragraphs numbered by their derived number, with a hanging indent.
    fn numbered_list(&mut self, part: Part, list: &[Paragraph]) {
        let labels: Vec<String> = (0..list.len())
            .map(|i| {
                numbering::number(self.doc, part, i)
                    .map(|n| format!("{n}."))
                    .unwrap_or_default()
            })
            .collect();
        let hang = hang_width(&labels);
        for (p, label) in list.iter().zip(&labels) {
            self.headings_before(p);
            self.labelled(p, label, 0, hang);
            self.subparagraphs(p, 1, hang);
        }
    }

    /// A paragraph whose label stands at column `at` and whose text hangs at `at + hang`.
    fn labelled(&mut self, p: &Paragraph, label: &str, at: usize, hang: usize) {
        let first = format!("{}{label:<hang$}", " ".repeat(at));
        let rest = " ".repeat(at + hang);
        let text = self.plain(p);
        self.block(&wrap(&text, self.width, &first, &rest));
    }

    /// The sub-paragraphs of `p` at `depth`, their labels at column `at`.
    fn subparagraphs(&mut self, p: &Paragraph, depth: usize, at: usize) {
        // The new text an amendment's instruction quotes stands under it with no label.
        let labels: Vec<String> = (0..p.subparagraphs.len())
            .map(|i| numbering::printed_sub_label(depth, i, p.list_style))
            .collect();
        let hang = hang_width(&labels);
        for (sp, label) in p.subparagraphs.iter().zip(&labels) {
            self.labelled(sp, label, at, hang);
            self.subparagraphs(sp, depth + 1, at + hang);
        }
    }

    /// The lead and text of a paragraph as plain text with superscript footnote numbers.
    fn plain(&self, p: &Paragraph) -> String {
        let lead = self.marked(&p.lead);
        let text = self.marked(&p.text);
        join_lead(&lead, &text)
    }

    /// Plain text of marked-up text with each footnote marker as its mark.
    fn marked(&self, s: &str) -> String {
        markup::render(s, |id| {
            self.numbers
                .get(id)
                .map(|n| self.mark(*n))
                .unwrap_or_default()
        })
    }

    /// The mark of footnote `n`: its superscript number; in an amendment document the stars
    /// the UN prints (`**` for the first, the sponsors' note having `*`).
    fn mark(&self, n: u32) -> String {
        if self.doc.is_amendment() {
            "*".repeat(n as usize + 1)
        } else {
            markup::superscript(n)
        }
    }

    fn footnotes(&mut self) {
        let notes = numbering::numbered_footnotes(self.doc);
        if notes.is_empty() {
            return;
        }
        self.block(&["__________________"]);
        for (n, f) in notes {
            let mark = self.mark(n);
            let first = format!("{mark} ");
            let rest = " ".repeat(unicode_width::UnicodeWidthStr::width(first.as_str()));
            let text = markup::strip(&f.text);
            self.block(&wrap(&text, self.width, &first, &rest));
        }
    }
}

/// The width of a label column: the longest label plus a space, at least [`INDENT`].
fn hang_width(labels: &[String]) -> usize {
    let longest = labels
        .iter()
        .map(|l| unicode_width::UnicodeWidthStr::width(l.as_str()))
        .max()
        .unwrap_or(0);
    (longest + 1).max(INDENT)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocKind, Footnote};

    fn para(id: &str, lead: &str, text: &str) -> Paragraph {
        Paragraph::new(Id::new(id), lead, text)
    }

    fn sample() -> Document {
        let mut doc = Document::new(DocKind::Resolution);
        doc.authoring_body = "The General Assembly".into();
        doc.preamble
            .push(para("p1", "Recalling", "its earlier work,[^f1]"));
        let mut op1 = para("p2", "Decides", "as follows:");
        op1.subparagraphs.push(para("p3", "", "to act;"));
        op1.subparagraphs.push(para("p4", "", "to *report*."));
        doc.operative.push(op1);
        doc.operative.push(para("p5", "Requests", "a report."));
        doc.footnotes.push(Footnote {
            id: Id::new("f1"),
            anchor: Id::new("p1"),
            text: "*Official Records*, No. 1.".into(),
        });
        doc
    }

    #[test]
    fn lays_out_a_small_resolution() {
        let got = render(&sample(), 40);
        let want = "The General Assembly,\n\n    Recalling its earlier work,¹\n\n\
                    1.  Decides as follows:\n\n    (a) to act;\n\n    (b) to report.\n\n\
                    2.  Requests a report.\n\n__________________\n\n¹ Official Records, No. 1.\n";
        assert_eq!(got, want);
    }

    #[test]
    fn a_single_operative_paragraph_is_not_numbered() {
        let mut doc = sample();
        doc.operative.truncate(1);
        let got = render(&doc, 80);
        assert!(got.contains("\n    Decides as follows:"), "{got}");
        assert!(!got.contains("1.  Decides"));
    }

    #[test]
    fn headings_parts_and_annexes_are_laid_out() {
        use crate::model::{Annex, Heading, ResolutionPart};
        let mut doc = sample();
        doc.headings.push(Heading {
            id: Id::new("h1"),
            level: 1,
            label: "II".into(),
            heading: "Reports".into(),
            before: Id::new("p5"),
        });
        doc.parts.push(ResolutionPart {
            id: Id::new("part1"),
            label: "B".into(),
            heading: "Lamps".into(),
            preamble: vec![para("p6", "Noting", "the lamps,")],
            operative: vec![para("p7", "Decides", "one;"), para("p8", "Asks", "two.")],
        });
        doc.annexes.push(Annex {
            id: Id::new("annex1"),
            label: "I".into(),
            title: "Charter of Keepers".into(),
            paragraphs: vec![para("p9", "", "We keep.")],
            ..Annex::default()
        });
        let got = render(&doc, 60);
        let at = |needle: &str| {
            got.find(needle)
                .unwrap_or_else(|| panic!("{needle}: {got}"))
        };
        assert!(at("II. Reports") < at("2.  Requests"));
        assert!(at("B. Lamps") < at("    Noting the lamps,"));
        assert!(got.contains("1.  Decides one;"));
        assert!(at("Annex I") < at("Charter of Keepers"));
        assert!(got.contains("1.  We keep."));
    }
}
