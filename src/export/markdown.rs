//! The Markdown export: the layout of the text export as Markdown paragraphs, with emphasis
//! kept (*italic* leads and titles, **bold**), section headings as `##`/`###`, and footnotes
//! as Markdown footnotes (`[^1]` in the text, `[^1]: …` at the end). Operative numbers are
//! escaped (`1\.`, `\(a)`) so that renderers keep the document's own numbering. A footnote
//! no text references is referenced at the end of the paragraph it belongs to (as in the
//! Word export), since Markdown readers drop a note nothing refers to. An amendment
//! document's instructions quote their new paragraphs as quotations (`>`), and its footnotes
//! keep the stars it prints (`\*\*`).

use super::{join_lead, sponsors_stage_line, title_line};
use crate::markup::{self, Segment};
use crate::model::{Document, Id, ListStyle, Paragraph, Part, Section};
use crate::numbering;
use std::cell::RefCell;
use std::collections::HashMap;

/// The footnote numbers, and the footnotes no text references by the paragraph they belong
/// to (taken as they are referenced).
struct Notes {
    numbers: HashMap<Id, u32>,
    orphans: RefCell<HashMap<Id, Vec<Id>>>,
    /// Footnotes marked with the stars an amendment document prints (`**`, then `***` …;
    /// the sponsors' note has `*`), text and notes alike, rather than as Markdown footnotes.
    stars: bool,
}

impl Notes {
    /// The mark of footnote `n` in the text.
    fn mark(&self, n: u32) -> String {
        if self.stars {
            "\\*".repeat(n as usize + 1)
        } else {
            format!("[^{n}]")
        }
    }
}

pub(super) fn render(doc: &Document) -> String {
    let numbers = Notes {
        numbers: numbering::footnote_numbers(doc),
        orphans: RefCell::new(if doc.is_amendment() {
            HashMap::new()
        } else {
            super::orphan_notes(doc)
        }),
        stars: doc.is_amendment(),
    };
    let mut blocks: Vec<String> = Vec::new();
    let h = &doc.header;
    let md = |s: &str| inline(s, &numbers);

    let mut first: Vec<String> = Vec::new();
    for (value, prefix) in [
        (&h.symbol, ""),
        (&h.issuing_body, ""),
        (&h.distribution, "Distr.: "),
        (&h.date, ""),
        (&h.original_language, "Original: "),
    ] {
        if !value.is_empty() {
            first.push(format!("{prefix}{}", escape(value)));
        }
    }
    push_lines(&mut blocks, &first);
    let mut second: Vec<String> = Vec::new();
    for (value, prefix) in [
        (&h.organ, ""),
        (&h.session, ""),
        (&h.place_and_dates, ""),
        (&h.agenda_item, "Agenda item "),
        (&h.agenda_title, ""),
    ] {
        if !value.is_empty() {
            second.push(format!("{prefix}{}", escape(value)));
        }
    }
    push_lines(&mut blocks, &second);
    let sponsors = sponsors_stage_line(h);
    if !sponsors.is_empty() {
        blocks.push(format!("**{}**", escape(&sponsors)));
    }
    for extra in [&h.sponsors_note, &h.adoption, &h.committee_reference] {
        if !extra.is_empty() {
            blocks.push(escape(extra));
        }
    }
    let title = title_line(h);
    if !title.is_empty() {
        blocks.push(format!("# {}", md(&title)));
    }
    if !doc.authoring_body.is_empty() {
        blocks.push(format!(
            "{},",
            escape(doc.authoring_body.trim_end_matches(','))
        ));
    }

    // Every top-level paragraph list in document order, with what stands before it.
    for part in doc.part_keys() {
        let Some(list) = doc.part(part) else { continue };
        match part {
            Part::PartPreamble(k) => {
                let p = &doc.parts[k];
                blocks.push(format!(
                    "## {}",
                    heading_text(&p.label, &p.heading, &numbers)
                ));
            }
            Part::Section(i) => section_heading(&mut blocks, &doc.sections[i], &numbers),
            Part::Annex(a) => {
                if a == 0 {
                    for note in &doc.notes {
                        blocks.push(md(note));
                    }
                }
                let x = &doc.annexes[a];
                blocks.push(format!("## {}", escape(&x.printed_label())));
                if !x.title.is_empty() {
                    blocks.push(format!("### {}", md(&x.title)));
                }
            }
            Part::AnnexSection(a, i) => {
                section_heading(&mut blocks, &doc.annexes[a].sections[i], &numbers)
            }
            _ => {}
        }
        // UN practice: a single operative paragraph is not numbered.
        let single = part.is_operative() && list.len() == 1;
        for (i, p) in list.iter().enumerate() {
            for h in doc.headings_before(&p.id) {
                let hashes = "#".repeat(usize::from(h.level.clamp(1, 3)) + 2);
                blocks.push(format!(
                    "{hashes} {}",
                    heading_text(&h.label, &h.heading, &numbers)
                ));
            }
            let label = match numbering::number(doc, part, i) {
                Some(n) if !single => format!("{n}\\. "),
                _ => String::new(),
            };
            paragraph(&mut blocks, p, &label, &numbers);
        }
    }
    if doc.annexes.is_empty() {
        for note in &doc.notes {
            blocks.push(md(note));
        }
    }
    // Footnotes no text references and anchored to no paragraph, in a last paragraph (as
    // in the Word export): a Markdown reader drops a note nothing refers to.
    let left: Vec<Id> = numbers.orphans.take().into_values().flatten().collect();
    let mut last: Vec<(u32, String)> = left
        .iter()
        .filter_map(|id| numbers.numbers.get(id).map(|n| (*n, format!("[^{n}]"))))
        .collect();
    last.sort();
    if !last.is_empty() {
        blocks.push(last.into_iter().map(|(_, r)| r).collect());
    }
    for (n, f) in numbering::numbered_footnotes(doc) {
        let sep = if numbers.stars { " " } else { ": " };
        blocks.push(format!("{}{sep}{}", numbers.mark(n), md(&f.text)));
    }
    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}

/// "II. Heading" with the label escaped and the heading's emphasis kept.
fn heading_text(label: &str, heading: &str, numbers: &Notes) -> String {
    let label = if label.is_empty() {
        String::new()
    } else {
        format!("{}. ", escape(label))
    };
    format!("{label}{}", inline(heading, numbers))
        .trim_end()
        .to_string()
}

/// A report or annex section's heading, `##` for a chapter and deeper below.
fn section_heading(blocks: &mut Vec<String>, s: &Section, numbers: &Notes) {
    // A section with neither label nor heading (the numbered paragraphs after an annex's
    // unnumbered opening) prints nothing of its own.
    if s.label.is_empty() && s.heading.is_empty() {
        return;
    }
    let hashes = "#".repeat(usize::from(s.level.clamp(1, 4)) + 1);
    blocks.push(format!(
        "{hashes} {}",
        heading_text(&s.label, &s.heading, numbers)
    ));
}

/// Lines of one block joined by Markdown hard line breaks.
fn push_lines(blocks: &mut Vec<String>, lines: &[String]) {
    if !lines.is_empty() {
        blocks.push(lines.join("  \n"));
    }
}

/// A paragraph and its sub-paragraphs, each its own Markdown paragraph; the new text an
/// amendment's instruction quotes ([`ListStyle::Quoted`]) as a quotation with no label.
fn paragraph(blocks: &mut Vec<String>, p: &Paragraph, label: &str, numbers: &Notes) {
    let quoted = p.list_style == ListStyle::Quoted;
    fn rec(blocks: &mut Vec<String>, p: &Paragraph, label: &str, depth: usize, numbers: &Notes) {
        let lead = if p.lead.is_empty() {
            String::new()
        } else {
            format!("*{}*", inline(&p.lead, numbers))
        };
        let mut block = format!("{label}{}", join_lead(&lead, &inline(&p.text, numbers)));
        for id in numbers
            .orphans
            .borrow_mut()
            .remove(&p.id)
            .unwrap_or_default()
        {
            if let Some(n) = numbers.numbers.get(&id) {
                block.push_str(&format!("[^{n}]"));
            }
        }
        blocks.push(unlisted(block));
        for (i, sp) in p.subparagraphs.iter().enumerate() {
            let l = numbering::printed_sub_label(depth + 1, i, p.list_style);
            rec(blocks, sp, &format!("{} ", escape(&l)), depth + 1, numbers);
        }
    }
    if quoted {
        let mut bare = p.clone();
        bare.subparagraphs.clear();
        rec(blocks, &bare, label, 0, numbers);
        for sp in &p.subparagraphs {
            let mut quote = Vec::new();
            rec(&mut quote, sp, "", 0, numbers);
            blocks.extend(quote.into_iter().map(|b| format!("> {b}")));
        }
        return;
    }
    rec(blocks, p, label, 0, numbers);
}

/// A block opening with what a Markdown reader with lettered lists (pandoc) takes for a list
/// marker (“(a) ”, “2030. ”, “5) ”) escaped: the label stays text, as the operative numbers
/// (`1\.`) do, rather than becoming a list that the reader numbers afresh.
fn unlisted(block: String) -> String {
    let digits = block.bytes().take_while(u8::is_ascii_digit).count();
    if block.starts_with('(') {
        format!("\\{block}")
    } else if digits > 0 && block[digits..].starts_with(['.', ')']) {
        format!("{}\\{}", &block[..digits], &block[digits..])
    } else {
        block
    }
}

/// Draft markup as Markdown: emphasis kept, footnote markers as `[^n]`, the rest escaped.
fn inline(s: &str, numbers: &Notes) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for seg in markup::parse(s) {
        match seg {
            Segment::Text { text, italic, bold } => {
                let (open, close) = match (italic, bold) {
                    (true, true) => ("***", "***"),
                    (false, true) => ("**", "**"),
                    (true, false) => ("*", "*"),
                    (false, false) => ("", ""),
                };
                // Emphasis markers must touch the text: keep surrounding spaces outside.
                let trimmed = text.trim();
                if open.is_empty() || trimmed.is_empty() {
                    out.push_str(&escape(&text));
                } else {
                    let start = text.len() - text.trim_start().len();
                    out.push_str(&text[..start]);
                    out.push_str(open);
                    out.push_str(&escape(trimmed));
                    out.push_str(close);
                    out.push_str(&text[start + trimmed.len()..]);
                }
            }
            Segment::Marker(id) => {
                if let Some(n) = numbers.numbers.get(&id) {
                    out.push_str(&numbers.mark(*n));
                }
            }
        }
    }
    out
}

/// Escapes the characters Markdown would read as markup.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '*' | '_' | '[' | ']' | '`' | '<' | '>' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocKind, Footnote};

    #[test]
    fn keeps_emphasis_and_footnotes() {
        let mut doc = Document::new(DocKind::Resolution);
        doc.authoring_body = "The General Assembly".into();
        doc.preamble.push(Paragraph::new(
            Id::new("p1"),
            "Recalling",
            "the *Treaty Series*,[^f1] and a_b,",
        ));
        doc.operative
            .push(Paragraph::new(Id::new("p2"), "Decides", "to act."));
        doc.operative
            .push(Paragraph::new(Id::new("p3"), "Requests", "a report."));
        doc.footnotes.push(Footnote {
            id: Id::new("f1"),
            anchor: Id::new("p1"),
            text: "Vol. 1.".into(),
        });
        let got = render(&doc);
        assert_eq!(
            got,
            "The General Assembly,\n\n*Recalling* the *Treaty Series*,[^1] and a\\_b,\n\n\
             1\\. *Decides* to act.\n\n2\\. *Requests* a report.\n\n[^1]: Vol. 1.\n"
        );
    }

    #[test]
    fn list_labels_stay_text_and_unreferenced_footnotes_are_referenced() {
        let mut doc = Document::new(DocKind::Resolution);
        let mut p = Paragraph::new(Id::new("p1"), "Decides", "to act:");
        p.subparagraphs
            .push(Paragraph::new(Id::new("p2"), "", "at once;"));
        p.subparagraphs
            .push(Paragraph::new(Id::new("p3"), "", "in full."));
        doc.operative.push(p);
        doc.operative
            .push(Paragraph::new(Id::new("p4"), "Requests", "a report."));
        for (id, text) in [("p5", "(z) typed as it stands,"), ("p6", "2030. A year,")] {
            doc.preamble.push(Paragraph::new(Id::new(id), "", text));
        }
        doc.footnotes.push(Footnote {
            id: Id::new("f1"),
            anchor: Id::new("p3"),
            text: "A note whose marker was lost.".into(),
        });
        let got = render(&doc);
        assert_eq!(
            got,
            "\\(z) typed as it stands,\n\n2030\\. A year,\n\n\
             1\\. *Decides* to act:\n\n\\(a) at once;\n\n\\(b) in full.[^1]\n\n\
             2\\. *Requests* a report.\n\n[^1]: A note whose marker was lost.\n"
        );
    }
}
