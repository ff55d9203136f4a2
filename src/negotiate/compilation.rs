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

use super::numbering::{Entry, sequence};
use crate::markup;
use crate::model::{Draft, Id, Paragraph, Part, Proposal, ProposedChange};
use std::collections::HashMap;

/// The two shapes of the compilation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
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
    let doc = &draft.document;
    let n = &draft.negotiation;
    let md = style == Style::Markdown;
    let mut out = String::new();
    let title = if md {
        "# Compilation text"
    } else {
        "COMPILATION TEXT"
    };
    out.push_str(title);
    out.push('\n');
    let h = &doc.header;
    for line in [&h.symbol, &h.title] {
        if !line.is_empty() {
            out.push_str(&para_line(line, style));
        }
    }
    let c = super::counts(draft);
    out.push_str(&para_line(
        &format!(
            "Status: {} agreed, {} agreed ad ref, {} pending; {} proposals pending ({} needing attention); {} brackets open",
            c.agreed, c.ad_ref, c.paragraphs_pending, c.pending, c.attention, c.brackets
        ),
        style,
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
        out.push_str(&para_line(
            &format!("Delegations: {}", names.join("; ")),
            style,
        ));
    }
    let footnotes = crate::numbering::footnote_numbers(doc);
    let ctx = Ctx {
        draft,
        style,
        width,
        footnotes,
    };
    if !doc.authoring_body.is_empty() {
        out.push('\n');
        out.push_str(&format!("{},\n", doc.authoring_body));
    }
    for part in doc.part_keys() {
        let entries = sequence(draft, part);
        if entries.is_empty() {
            continue;
        }
        if let Some(name) = part_name(draft, part) {
            out.push('\n');
            out.push_str(&if md {
                format!("## {name}\n")
            } else {
                format!("{name}\n")
            });
        }
        for e in entries {
            let para = e.entry.paragraph();
            for heading in doc.headings_before(&para.id) {
                out.push('\n');
                let label = if heading.label.is_empty() {
                    String::new()
                } else {
                    format!("{}. ", heading.label)
                };
                let line = format!("{label}{}", markup::strip(&heading.heading));
                out.push_str(&if md {
                    format!("### {line}\n")
                } else {
                    format!("{line}\n")
                });
            }
            let prefix = if part.is_preamble() { "PP" } else { "OP" };
            let label = format!("{prefix}{}", e.label);
            ctx.entry(&mut out, &label, e.entry);
        }
    }
    out
}

fn para_line(s: &str, style: Style) -> String {
    match style {
        Style::Text => format!("{s}\n"),
        Style::Markdown => format!("\n{s}\n"),
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

struct Ctx<'a> {
    draft: &'a Draft,
    style: Style,
    width: usize,
    footnotes: HashMap<Id, u32>,
}

/// A piece of annotated paragraph text: the text's own words, or a mark standing for a
/// proposal or a bracket.
enum Piece {
    Own(String),
    /// Words a proposal would delete or replace, then what the delegation says.
    Struck {
        words: String,
        note: String,
    },
    Added(String),
}

impl Ctx<'_> {
    fn entry(&self, out: &mut String, label: &str, entry: Entry<'_>) {
        let n = &self.draft.negotiation;
        let para = entry.paragraph();
        let mut tags = Vec::new();
        match entry {
            Entry::Text(p) => {
                let status = n.status_of(&p.id);
                tags.push(status.printed().to_string());
            }
            Entry::Proposed(prop, _) => {
                tags.push(format!("{} {}: new paragraph", prop.by, prop.id));
            }
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
                            super::numbering::labels(self.draft)
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
        out.push('\n');
        let head = format!("{label} [{}]", tags.join("; "));
        match self.style {
            Style::Markdown => out.push_str(&format!("**{head}**\n\n")),
            Style::Text => out.push_str(&format!("{head}\n")),
        }
        self.paragraph(out, para, 0, "");
    }

    /// A paragraph's text (after `label`, a sub-paragraph's "(a) "), the list of its open
    /// items, then its sub-paragraphs.
    fn paragraph(&self, out: &mut String, para: &Paragraph, depth: usize, label: &str) {
        let n = &self.draft.negotiation;
        let indent = "    ".repeat(depth + 1);
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
                let mark = if k == b.current { ", in the text" } else { "" };
                let line = format!(
                    "{label}[Alt {} ({}{mark})] {}",
                    k + 1,
                    alt.by,
                    self.own(&full)
                );
                self.wrapped(out, &line, &indent);
            }
        } else {
            let pieces = self.pieces(para);
            let line: String = std::iter::once(label.to_string())
                .chain(pieces.iter().map(|p| self.piece(p)))
                .collect();
            self.wrapped(out, &line, &indent);
        }
        // The open items by id, so they can be named in commands.
        for prop in n.pending() {
            if prop.change.paragraph() != &para.id
                || matches!(prop.change, ProposedChange::InsertParagraph { .. })
            {
                continue;
            }
            let line = format!(
                "– {} {} ({}): {}",
                prop.id,
                prop.by,
                when(prop),
                describe(prop)
            );
            self.wrapped(out, &self.own(&line), &format!("{indent}  "));
        }
        for b in n.brackets.iter().filter(|b| b.paragraph == para.id) {
            let who: Vec<&str> = b.alternatives.iter().map(|a| a.by.as_str()).collect();
            let attention = if b.needs_attention {
                ", needs attention: its words are gone"
            } else {
                ""
            };
            let line = format!(
                "– {} bracket: {} alternatives ({}){attention}",
                b.id,
                b.alternatives.len(),
                who.join(", ")
            );
            self.wrapped(out, &self.own(&line), &format!("{indent}  "));
        }
        for (i, sp) in para.subparagraphs.iter().enumerate() {
            let label = crate::numbering::printed_sub_label(depth + 1, i, para.list_style);
            self.paragraph(out, sp, depth + 1, &format!("{label} "));
        }
    }

    /// The paragraph's text cut into its own words and the marks of its open proposals and
    /// span brackets that can stand inline (those overlapping an earlier one, or needing
    /// attention, are only listed).
    fn pieces(&self, para: &Paragraph) -> Vec<Piece> {
        let n = &self.draft.negotiation;
        let full = para.full_text();
        // (start, end, piece standing for [start, end)).
        let mut marks: Vec<(usize, usize, Piece)> = Vec::new();
        for b in n
            .brackets
            .iter()
            .filter(|b| !b.whole && !b.needs_attention && b.paragraph == para.id)
        {
            let current = &b.alternatives[b.current.min(b.alternatives.len() - 1)].text;
            if let Some(r) = super::locate(&full, current, b.occurrence) {
                let alts: Vec<String> = b
                    .alternatives
                    .iter()
                    .enumerate()
                    .map(|(k, a)| format!("Alt {} ({}): {}", k + 1, a.by, self.own(&a.text)))
                    .collect();
                marks.push((r.start, r.end, Piece::Added(alts.join(" / "))));
            }
        }
        for prop in n.pending().filter(|p| !p.needs_attention) {
            if prop.change.paragraph() != &para.id {
                continue;
            }
            let Some((words, k)) = prop.change.quote() else {
                continue;
            };
            let Some(r) = super::locate(&full, words, k) else {
                continue;
            };
            let mark = match &prop.change {
                ProposedChange::InsertWords { text, .. } => (
                    r.end,
                    r.end,
                    Piece::Added(format!("{} add: {}", prop.by, self.own(text))),
                ),
                ProposedChange::DeleteWords { .. } => (
                    r.start,
                    r.end,
                    Piece::Struck {
                        words: self.own(words),
                        note: format!("{} delete", prop.by),
                    },
                ),
                ProposedChange::ReplaceWords { with, .. } => (
                    r.start,
                    r.end,
                    Piece::Struck {
                        words: self.own(words),
                        note: format!("{}: {}", prop.by, self.own(with)),
                    },
                ),
                _ => continue,
            };
            marks.push(mark);
        }
        marks.sort_by_key(|m| (m.0, m.1));
        let mut out = Vec::new();
        let mut pos = 0;
        for (s, e, piece) in marks {
            if s < pos {
                continue;
            }
            if s > pos {
                out.push(Piece::Own(self.own(&full[pos..s])));
            }
            let added_after = matches!(piece, Piece::Added(_)) && s == e && s > 0;
            if added_after {
                out.push(Piece::Own(" ".into()));
            }
            out.push(piece);
            pos = e;
        }
        if pos < full.len() {
            out.push(Piece::Own(self.own(&full[pos..])));
        }
        out
    }

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
        match (self.style, p) {
            (_, Piece::Own(s)) => s.clone(),
            (Style::Text, Piece::Struck { words, note }) => format!("[{words} / {note}]"),
            (Style::Text, Piece::Added(s)) => format!("[{s}]"),
            (Style::Markdown, Piece::Struck { words, note }) => {
                format!("~~{words}~~ **[{note}]**")
            }
            (Style::Markdown, Piece::Added(s)) => format!("**[{s}]**"),
        }
    }

    fn wrapped(&self, out: &mut String, line: &str, indent: &str) {
        match self.style {
            Style::Markdown => {
                out.push_str(line);
                out.push_str("\n\n");
            }
            Style::Text => {
                for l in crate::export::wrap::wrap(line, self.width, indent, indent) {
                    out.push_str(&l);
                    out.push('\n');
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
