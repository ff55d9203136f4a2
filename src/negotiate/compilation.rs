//! The compilation text of a negotiation, in the shape facilitators circulate: every
//! paragraph with its negotiation number ("PP3", "OP5 bis") and status, the pending
//! proposals inline where they act and attributed ("[all States / EU: Member States]",
//! "[G77 delete: all]", "[EU add: and civil society]"), bracketed alternatives with their
//! authors ("[Alt 1 (EU): strengthen / Alt 2 (G77): enhance]"), proposed paragraphs in
//! place, and under each paragraph the list of its open proposals by id. As plain text
//! (wrapped) or Markdown (struck-through deletions, bold insertions).
//!
//! The clean text is the ordinary export of the document ([`crate::export`]): the text holds
//! only accepted changes and the current choice of every alternative.

use super::marks::Piece;
use super::numbering::{Entry, sequence};
use crate::markup;
use crate::model::{Draft, Id, Paragraph, Part, Proposal, ProposedChange};
use std::collections::HashMap;

/// Where a compilation is written, piece by piece, in the order it reads. Draft text comes
/// as markup source ([`crate::markup`]); the plain text and Markdown shapes are here
/// ([`text`], [`markdown`]), the Word document in [`crate::export`].
pub trait Sink {
    /// "Compilation text".
    fn title(&mut self);
    /// A line of the front matter (symbol, title, status, delegations).
    fn line(&mut self, s: &str);
    /// "The General Assembly".
    fn authoring(&mut self, s: &str);
    /// The name of a resolution part, a report section or an annex.
    fn part(&mut self, name: &str);
    /// A heading inside the text ("II. Financing").
    fn heading(&mut self, line: &str);
    /// A paragraph's number and tags: "OP5 bis", "pending" or "EU n4: new paragraph" …
    fn head(&mut self, label: &str, tags: &[String]);
    /// A paragraph's text at `depth` (0 for a paragraph, 1 for "(a)" …) after its `label`
    /// ("(a) " or empty), with the open proposals and brackets inline.
    fn text(&mut self, depth: usize, label: &str, pieces: &[Piece]);
    /// Alternative `k` (from 0) of a whole-paragraph bracket, by `by`, `current` when the
    /// text holds it; `full` is its text ("(no paragraph)" for a deletion).
    fn alternative(
        &mut self,
        depth: usize,
        label: &str,
        k: usize,
        by: &str,
        current: bool,
        full: &str,
    );
    /// An open item of the paragraph above, by id ("– n2 G77 (2026-12-01): delete “all”").
    fn item(&mut self, depth: usize, line: &str);
}

/// Writes the compilation of `draft` into `sink`.
pub fn compile(draft: &Draft, sink: &mut impl Sink) {
    let doc = &draft.document;
    let n = &draft.negotiation;
    sink.title();
    let h = &doc.header;
    for line in [&h.symbol, &h.title] {
        if !line.is_empty() {
            sink.line(line);
        }
    }
    let c = super::counts(draft);
    sink.line(&format!(
        "Status: {} agreed, {} agreed ad ref, {} pending; {} proposals pending ({} needing attention); {} brackets open",
        c.agreed, c.ad_ref, c.paragraphs_pending, c.pending, c.attention, c.brackets
    ));
    if !n.delegations.is_empty() {
        let names: Vec<String> = n
            .delegations
            .iter()
            .map(|d| {
                if d.name.is_empty() {
                    d.code.clone()
                } else {
                    format!("{} ({})", d.code, d.name)
                }
            })
            .collect();
        sink.line(&format!("Delegations: {}", names.join("; ")));
    }
    if !doc.authoring_body.is_empty() {
        sink.authoring(&doc.authoring_body);
    }
    for part in doc.part_keys() {
        let entries = sequence(draft, part);
        if entries.is_empty() {
            continue;
        }
        if let Some(name) = part_name(draft, part) {
            sink.part(&name);
        }
        for e in entries {
            let para = e.entry.paragraph();
            for heading in doc.headings_before(&para.id) {
                let label = if heading.label.is_empty() {
                    String::new()
                } else {
                    format!("{}. ", heading.label)
                };
                sink.heading(&format!("{label}{}", markup::strip(&heading.heading)));
            }
            let prefix = if part.is_preamble() { "PP" } else { "OP" };
            entry(draft, sink, &format!("{prefix}{}", e.label), e.entry);
        }
    }
}

fn part_name(draft: &Draft, part: Part) -> Option<String> {
    let doc = &draft.document;
    match part {
        Part::Preamble | Part::Operative => None,
        Part::PartPreamble(k) => doc.parts.get(k).map(|p| {
            format!("{} {}", p.name(k), markup::strip(&p.heading))
                .trim()
                .to_string()
        }),
        Part::PartOperative(_) => None,
        Part::Section(i) => doc.sections.get(i).map(|s| markup::strip(&s.heading)),
        Part::Annex(a) => doc.annexes.get(a).map(|x| x.printed_label()),
        Part::AnnexSection(a, s) => doc
            .annexes
            .get(a)
            .and_then(|x| x.sections.get(s))
            .map(|s| markup::strip(&s.heading)),
    }
}

/// A paragraph of the text or a proposed one: its head, then its text.
fn entry(draft: &Draft, sink: &mut impl Sink, label: &str, entry: Entry<'_>) {
    let n = &draft.negotiation;
    let para = entry.paragraph();
    let mut tags = Vec::new();
    match entry {
        Entry::Text(p) => tags.push(n.status_of(&p.id).printed().to_string()),
        Entry::Proposed(prop, _) => tags.push(format!("{} {}: new paragraph", prop.by, prop.id)),
    }
    for prop in n.pending() {
        match &prop.change {
            ProposedChange::DeleteParagraph { paragraph } if paragraph == &para.id => {
                tags.push(format!("{} {}: delete the paragraph", prop.by, prop.id))
            }
            ProposedChange::MoveParagraph { paragraph, after } if paragraph == &para.id => {
                let to = match after {
                    Some(a) => format!(
                        "after {}",
                        super::numbering::labels(draft)
                            .get(a)
                            .cloned()
                            .unwrap_or_else(|| a.to_string())
                    ),
                    None => "to the start".to_string(),
                };
                tags.push(format!("{} {}: move {to}", prop.by, prop.id))
            }
            _ => {}
        }
    }
    sink.head(label, &tags);
    paragraph(draft, sink, para, 0, "");
}

/// A paragraph's text (after `label`, a sub-paragraph's "(a) "), the list of its open
/// items, then its sub-paragraphs.
fn paragraph(draft: &Draft, sink: &mut impl Sink, para: &Paragraph, depth: usize, label: &str) {
    let n = &draft.negotiation;
    let whole = n
        .brackets
        .iter()
        .find(|b| b.whole && b.paragraph == para.id);
    if let Some(b) = whole {
        for (k, alt) in b.alternatives.iter().enumerate() {
            let full = if alt.lead.is_empty() && alt.text.is_empty() {
                "(no paragraph)".to_string()
            } else if alt.lead.is_empty() {
                alt.text.clone()
            } else {
                format!("{} {}", alt.lead, alt.text)
            };
            sink.alternative(depth, label, k, &alt.by, k == b.current, &full);
        }
    } else {
        sink.text(depth, label, &super::marks::pieces(draft, para));
    }
    // The open items by id, so they can be named in commands.
    for prop in n.pending() {
        if prop.change.paragraph() != &para.id
            || matches!(prop.change, ProposedChange::InsertParagraph { .. })
        {
            continue;
        }
        sink.item(
            depth,
            &format!(
                "– {} {} ({}): {}",
                prop.id,
                prop.by,
                when(prop),
                describe(prop)
            ),
        );
    }
    for b in n.brackets.iter().filter(|b| b.paragraph == para.id) {
        let who: Vec<&str> = b.alternatives.iter().map(|a| a.by.as_str()).collect();
        let attention = if b.needs_attention {
            ", needs attention: its words are gone"
        } else {
            ""
        };
        sink.item(
            depth,
            &format!(
                "– {} bracket: {} alternatives ({}){attention}",
                b.id,
                b.alternatives.len(),
                who.join(", ")
            ),
        );
    }
    for (i, sp) in para.subparagraphs.iter().enumerate() {
        let label = crate::numbering::printed_sub_label(depth + 1, i, para.list_style);
        paragraph(draft, sink, sp, depth + 1, &format!("{label} "));
    }
}

/// The two shapes of the compilation as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Text,
    Markdown,
}

/// The compilation text as plain text wrapped at `width` columns.
pub fn text(draft: &Draft, width: usize) -> String {
    render(draft, Style::Text, width)
}

/// The compilation text as Markdown.
pub fn markdown(draft: &Draft) -> String {
    render(draft, Style::Markdown, usize::MAX)
}

fn render(draft: &Draft, style: Style, width: usize) -> String {
    let mut w = TextSink {
        style,
        width,
        footnotes: crate::numbering::footnote_numbers(&draft.document),
        out: String::new(),
    };
    compile(draft, &mut w);
    w.out
}

/// The plain text and Markdown shapes.
struct TextSink {
    style: Style,
    width: usize,
    footnotes: HashMap<Id, u32>,
    out: String,
}

impl Sink for TextSink {
    fn title(&mut self) {
        self.out.push_str(match self.style {
            Style::Markdown => "# Compilation text\n",
            Style::Text => "COMPILATION TEXT\n",
        });
    }

    fn line(&mut self, s: &str) {
        match self.style {
            Style::Text => self.out.push_str(&format!("{s}\n")),
            Style::Markdown => self.out.push_str(&format!("\n{s}\n")),
        }
    }

    fn authoring(&mut self, s: &str) {
        self.out.push_str(&format!("\n{s},\n"));
    }

    fn part(&mut self, name: &str) {
        self.out.push('\n');
        match self.style {
            Style::Markdown => self.out.push_str(&format!("## {name}\n")),
            Style::Text => self.out.push_str(&format!("{name}\n")),
        }
    }

    fn heading(&mut self, line: &str) {
        self.out.push('\n');
        match self.style {
            Style::Markdown => self.out.push_str(&format!("### {line}\n")),
            Style::Text => self.out.push_str(&format!("{line}\n")),
        }
    }

    fn head(&mut self, label: &str, tags: &[String]) {
        self.out.push('\n');
        let head = format!("{label} [{}]", tags.join("; "));
        match self.style {
            Style::Markdown => self.out.push_str(&format!("**{head}**\n\n")),
            Style::Text => self.out.push_str(&format!("{head}\n")),
        }
    }

    fn text(&mut self, depth: usize, label: &str, pieces: &[Piece]) {
        let line: String = std::iter::once(label.to_string())
            .chain(pieces.iter().map(|p| self.piece(p)))
            .collect();
        self.wrapped(&line, &"    ".repeat(depth + 1));
    }

    fn alternative(
        &mut self,
        depth: usize,
        label: &str,
        k: usize,
        by: &str,
        current: bool,
        full: &str,
    ) {
        let mark = if current { ", in the text" } else { "" };
        let line = format!("{label}[Alt {} ({by}{mark})] {}", k + 1, self.own(full));
        self.wrapped(&line, &"    ".repeat(depth + 1));
    }

    fn item(&mut self, depth: usize, line: &str) {
        let line = self.own(line);
        self.wrapped(&line, &format!("{}  ", "    ".repeat(depth + 1)));
    }
}

impl TextSink {
    /// Text of the draft as this style shows it (markup kept in Markdown, footnote markers
    /// as numbers in text).
    fn own(&self, s: &str) -> String {
        match self.style {
            Style::Markdown => markup::render(s, |id| {
                format!("[^{}]", self.footnotes.get(id).copied().unwrap_or(0))
            }),
            Style::Text => markup::render(s, |id| {
                markup::superscript(self.footnotes.get(id).copied().unwrap_or(0))
            }),
        }
    }

    fn piece(&self, p: &Piece) -> String {
        let md = self.style == Style::Markdown;
        match p {
            Piece::Own(s) => self.own(s),
            Piece::Struck {
                by, words, with, ..
            } => {
                let note = match with {
                    Some(w) => format!("{by}: {}", self.own(w)),
                    None => format!("{by} delete"),
                };
                let words = self.own(words);
                if md {
                    format!("~~{words}~~ **[{note}]**")
                } else {
                    format!("[{words} / {note}]")
                }
            }
            Piece::Added { by, text, .. } => self.added(&format!("{by} add: {}", self.own(text))),
            Piece::Alternatives { alternatives, .. } => {
                let alts: Vec<String> = alternatives
                    .iter()
                    .enumerate()
                    .map(|(k, (by, t))| format!("Alt {} ({by}): {}", k + 1, self.own(t)))
                    .collect();
                self.added(&alts.join(" / "))
            }
        }
    }

    fn added(&self, s: &str) -> String {
        match self.style {
            Style::Text => format!("[{s}]"),
            Style::Markdown => format!("**[{s}]**"),
        }
    }

    fn wrapped(&mut self, line: &str, indent: &str) {
        match self.style {
            Style::Markdown => {
                self.out.push_str(line);
                self.out.push_str("\n\n");
            }
            Style::Text => {
                for l in crate::export::wrap::wrap(line, self.width, indent, indent) {
                    self.out.push_str(&l);
                    self.out.push('\n');
                }
            }
        }
    }
}

fn when(p: &Proposal) -> String {
    let mut s = p.date.clone();
    if p.needs_attention {
        if !s.is_empty() {
            s.push_str(", ");
        }
        s.push_str("needs attention: the words it quotes are gone");
    }
    if s.is_empty() {
        p.state.name().to_string()
    } else {
        s
    }
}

/// A proposal in words ("replace “all States” with “Member States”").
pub fn describe(p: &Proposal) -> String {
    match &p.change {
        ProposedChange::InsertWords { after, text, .. } if after.is_empty() => {
            format!("insert “{text}” at the start")
        }
        ProposedChange::InsertWords { after, text, .. } => {
            format!("insert “{text}” after “{after}”")
        }
        ProposedChange::DeleteWords { words, .. } => format!("delete “{words}”"),
        ProposedChange::ReplaceWords { words, with, .. } => {
            format!("replace “{words}” with “{with}”")
        }
        ProposedChange::InsertParagraph { paragraph, .. } => {
            format!("add a new paragraph “{}”", paragraph.full_text())
        }
        ProposedChange::DeleteParagraph { .. } => "delete the paragraph".to_string(),
        ProposedChange::MoveParagraph { after: Some(a), .. } => format!("move after “{a}”"),
        ProposedChange::MoveParagraph { after: None, .. } => "move to the start".to_string(),
    }
}
