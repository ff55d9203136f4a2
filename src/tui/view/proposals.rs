//! Proposals inline in the document view, as the compilation text shows them: words a
//! delegation would replace or delete struck through and bracketed with its name
//! (`[all States / EU: Member States]`, `[all / G77 delete]`), words it would add
//! (`[EU add: and civil society]`), bracketed alternatives (`[Alt 1 (EU): … / Alt 2 (G77): …]`),
//! and under the paragraph its status, the proposals to delete or move it, and the paragraphs
//! proposed after it ("4 bis"). Each delegation has its colour from the theme; without colour
//! (the mono theme, NO_COLOR) the brackets and names say who proposes what.
//!
//! A function of the draft and the theme: the lines of one paragraph block, or `None` when
//! the paragraph has nothing of the negotiation to show (its plain lines are used then).

use crate::markup::{self, Segment};
use crate::model::{Draft, Id, Location, Paragraph, ProposedChange, Status};
use crate::negotiate::marks::{self, Piece};
use crate::negotiate::numbering::{self, Entry};
use crate::sanitize::sanitize;
use crate::tui::layout::{MARGIN, para_indents};
use crate::tui::theme::Theme;
use crate::tui::wrap::wrap;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use std::collections::HashMap;

/// The style of a delegation (its theme colour; bold where the theme has none).
fn who(draft: &Draft, theme: &Theme, by: &str) -> Style {
    let k = draft
        .negotiation
        .delegations
        .iter()
        .position(|d| d.code == by);
    let s = theme.delegation(k);
    if s.fg.is_none() {
        s.add_modifier(Modifier::BOLD)
    } else {
        s
    }
}

/// Spans of markup source `s` in `style` (emphasis carried over in `emph`).
fn own(
    s: &str,
    style: Style,
    emph: &mut (bool, bool),
    fns: &HashMap<Id, u32>,
    theme: &Theme,
) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    for seg in markup::parse_from(s, emph) {
        match seg {
            Segment::Text { text, italic, bold } => {
                let mut st = style;
                if italic {
                    st = st.add_modifier(Modifier::ITALIC);
                }
                if bold {
                    st = st.add_modifier(Modifier::BOLD);
                }
                out.push(Span::styled(sanitize(&text).into_owned(), st));
            }
            Segment::Marker(id) => {
                let mark = match fns.get(&id) {
                    Some(n) => markup::superscript(*n),
                    None => format!("[^{}]", sanitize(id.as_str())),
                };
                out.push(Span::styled(mark, theme.footnote));
            }
        }
    }
    out
}

/// The spans of a paragraph's text with its open proposals and brackets inline.
pub fn spans(
    draft: &Draft,
    para: &Paragraph,
    theme: &Theme,
    fns: &HashMap<Id, u32>,
) -> Vec<Span<'static>> {
    let mut out: Vec<Span<'static>> = Vec::new();
    let mut emph = (false, false);
    let plain = |s: &str| sanitize(s).into_owned();
    for (i, piece) in marks::pieces(draft, para).into_iter().enumerate() {
        match piece {
            Piece::Own(s) => {
                // The opening phrase, when the paragraph starts with it untouched.
                let lead = &para.lead;
                if i == 0 && !lead.is_empty() && s.starts_with(lead.as_str()) {
                    out.extend(own(lead, theme.lead, &mut emph, fns, theme));
                    out.extend(own(&s[lead.len()..], theme.text, &mut emph, fns, theme));
                } else {
                    out.extend(own(&s, theme.text, &mut emph, fns, theme));
                }
            }
            Piece::Struck {
                by, words, with, ..
            } => {
                let st = who(draft, theme, &by);
                out.push(Span::styled("[", st));
                let mut e = (false, false);
                for sp in own(&words, theme.text, &mut e, fns, theme) {
                    out.push(Span::styled(
                        sp.content,
                        sp.style.patch(st).add_modifier(Modifier::CROSSED_OUT),
                    ));
                }
                match with {
                    Some(w) => {
                        out.push(Span::styled(format!(" / {}: ", plain(&by)), st));
                        let mut e = (false, false);
                        for sp in own(&w, theme.text, &mut e, fns, theme) {
                            out.push(Span::styled(
                                sp.content,
                                sp.style.patch(st).add_modifier(Modifier::UNDERLINED),
                            ));
                        }
                    }
                    None => out.push(Span::styled(format!(" / {} delete", plain(&by)), st)),
                }
                out.push(Span::styled("]", st));
            }
            Piece::Added { by, text, .. } => {
                let st = who(draft, theme, &by);
                out.push(Span::styled(format!("[{} add: ", plain(&by)), st));
                let mut e = (false, false);
                for sp in own(&text, theme.text, &mut e, fns, theme) {
                    out.push(Span::styled(
                        sp.content,
                        sp.style.patch(st).add_modifier(Modifier::UNDERLINED),
                    ));
                }
                out.push(Span::styled("]", st));
            }
            Piece::Alternatives {
                alternatives,
                current,
                ..
            } => {
                out.push(Span::styled("[", theme.label));
                for (k, (by, t)) in alternatives.iter().enumerate() {
                    let st = who(draft, theme, by);
                    if k > 0 {
                        out.push(Span::styled(" / ", theme.label));
                    }
                    out.push(Span::styled(format!("Alt {} ({}): ", k + 1, plain(by)), st));
                    let mut e = (false, false);
                    for sp in own(t, theme.text, &mut e, fns, theme) {
                        let s = sp.style.patch(st);
                        let s = if k == current {
                            s
                        } else {
                            s.add_modifier(Modifier::DIM)
                        };
                        out.push(Span::styled(sp.content, s));
                    }
                }
                out.push(Span::styled("]", theme.label));
            }
        }
    }
    out
}

/// Whether the negotiation has anything the view shows for a paragraph: open items, a
/// status other than pending, or proposed paragraphs around it.
fn shows(draft: &Draft, loc: &Location, id: &Id) -> bool {
    let n = &draft.negotiation;
    let opens_list = loc.path == [0];
    marks::has_open_items(draft, id)
        || n.status_of(id) != Status::Pending
        || n.pending().any(|p| match &p.change {
            ProposedChange::InsertParagraph { after: Some(a), .. } => {
                a == id || draft.document.find(a).is_none()
            }
            ProposedChange::InsertParagraph { after: None, .. } => opens_list,
            _ => false,
        })
}

/// The proposed paragraphs the view shows with top-level paragraph `id`: those before it
/// (when it opens its list) and those after it, each with its label ("4 bis").
fn proposed_around<'a>(
    draft: &'a Draft,
    loc: &Location,
    id: &Id,
) -> (Vec<numbering::Numbered<'a>>, Vec<numbering::Numbered<'a>>) {
    let seq = numbering::sequence(draft, loc.part);
    let Some(at) = seq
        .iter()
        .position(|e| matches!(e.entry, Entry::Text(p) if &p.id == id))
    else {
        return (Vec::new(), Vec::new());
    };
    let proposed = |e: &numbering::Numbered<'_>| matches!(e.entry, Entry::Proposed(..));
    let before = if at == seq.iter().position(|e| !proposed(e)).unwrap_or(0) {
        seq[..at].to_vec()
    } else {
        Vec::new()
    };
    let after = seq[at + 1..]
        .iter()
        .take_while(|e| proposed(e))
        .cloned()
        .collect();
    (before, after)
}

/// The lines of paragraph block `id` at `loc` with the negotiation shown, or `None` when
/// there is nothing of it to show there.
pub fn lines(
    draft: &Draft,
    loc: &Location,
    id: &Id,
    width: usize,
    theme: &Theme,
) -> Option<Vec<Line<'static>>> {
    if draft.negotiation.is_empty() || !shows(draft, loc, id) {
        return None;
    }
    let doc = &draft.document;
    let para = doc.at(loc).filter(|p| &p.id == id)?;
    let fns = crate::numbering::footnote_numbers(doc);
    let (first, rest) = para_indents(doc, loc, width, theme);
    let note_indent = vec![Span::raw(" ".repeat(MARGIN + 4.min(width / 4)))];
    let (before, after) = if loc.path.len() == 1 {
        proposed_around(draft, loc, id)
    } else {
        (Vec::new(), Vec::new())
    };
    let mut out = Vec::new();
    let prefix = if loc.part.is_preamble() { "PP" } else { "OP" };
    let proposed_lines = |out: &mut Vec<Line<'static>>, list: &[numbering::Numbered<'_>]| {
        for e in list {
            if let Entry::Proposed(prop, p) = e.entry {
                let st = who(draft, theme, &prop.by);
                let mut spans = vec![Span::styled(
                    format!(
                        "[{} {}: new paragraph {prefix}{}] ",
                        sanitize(&prop.by),
                        prop.id,
                        e.label
                    ),
                    st,
                )];
                let mut emph = (false, false);
                for sp in own(&p.full_text(), theme.text, &mut emph, &fns, theme) {
                    spans.push(Span::styled(
                        sp.content,
                        sp.style.patch(st).add_modifier(Modifier::UNDERLINED),
                    ));
                }
                out.push(Line::default());
                out.extend(wrap(&spans, &note_indent, &note_indent, width));
            }
        }
    };
    proposed_lines(&mut out, &before);
    let mut spans = spans(draft, para, theme, &fns);
    if spans.iter().all(|s| s.content.is_empty()) {
        spans = vec![Span::styled(
            "(empty paragraph: Enter to write it)",
            theme.hint,
        )];
    }
    out.push(Line::default());
    out.extend(wrap(&spans, &first, &rest, width));
    // Under the paragraph: its status and the proposals on the paragraph as a whole.
    let n = &draft.negotiation;
    let mut tags: Vec<Span<'static>> = Vec::new();
    let status = n.status_of(id);
    if status != Status::Pending {
        tags.push(Span::styled(
            format!("✓ {}", status.printed()),
            theme.message,
        ));
    }
    for p in n.pending() {
        let what = match &p.change {
            ProposedChange::DeleteParagraph { paragraph } if paragraph == id => {
                "delete the paragraph".to_string()
            }
            ProposedChange::MoveParagraph { paragraph, after } if paragraph == id => match after {
                Some(a) => {
                    let labels = numbering::labels(draft);
                    let to = labels.get(a).cloned().unwrap_or_else(|| a.to_string());
                    format!("move after {prefix}{to}")
                }
                None => "move to the start".to_string(),
            },
            c if c.paragraph() == id && p.needs_attention => {
                format!(
                    "{} — needs attention: its words are gone",
                    crate::negotiate::compilation::describe(p)
                )
            }
            _ => continue,
        };
        if !tags.is_empty() {
            tags.push(Span::raw(" "));
        }
        tags.push(Span::styled(
            format!("[{} {}: {}]", sanitize(&p.by), p.id, sanitize(&what)),
            who(draft, theme, &p.by),
        ));
    }
    for b in n
        .brackets
        .iter()
        .filter(|b| &b.paragraph == id && b.needs_attention)
    {
        if !tags.is_empty() {
            tags.push(Span::raw(" "));
        }
        tags.push(Span::styled(
            format!("[{}: needs attention, its words are gone]", b.id),
            theme.finding,
        ));
    }
    if !tags.is_empty() {
        out.extend(wrap(&tags, &note_indent, &note_indent, width));
    }
    proposed_lines(&mut out, &after);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocKind, Document};
    use crate::negotiate;

    fn text(lines: &[Line<'_>]) -> String {
        lines
            .iter()
            .map(|l| {
                l.spans
                    .iter()
                    .map(|s| s.content.as_ref())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn proposals_stand_inline_with_names_and_colours() {
        let mut doc = Document::new(DocKind::Resolution);
        doc.operative = vec![Paragraph::new(
            Id::new("p1"),
            "Calls upon",
            "all States to strengthen cooperation;",
        )];
        crate::ops::renumber(&mut doc);
        let mut d = Draft::new(doc);
        for code in ["EU", "G77"] {
            negotiate::add_delegation(&mut d.negotiation, code, "").unwrap();
        }
        let p1 = Id::new("p1");
        negotiate::propose(
            &mut d,
            "EU",
            "",
            ProposedChange::DeleteWords {
                paragraph: p1.clone(),
                words: "all".into(),
                occurrence: 0,
            },
        )
        .unwrap();
        negotiate::propose(
            &mut d,
            "G77",
            "",
            ProposedChange::InsertWords {
                paragraph: p1.clone(),
                after: "cooperation".into(),
                occurrence: 0,
                text: "and solidarity".into(),
            },
        )
        .unwrap();
        negotiate::propose(
            &mut d,
            "G77",
            "",
            ProposedChange::InsertParagraph {
                after: Some(p1.clone()),
                operative: true,
                paragraph: Paragraph::new(Id::new("p9"), "Decides", "to act."),
            },
        )
        .unwrap();
        negotiate::set_status(&mut d, &p1, Status::AgreedAdRef).unwrap();
        let loc = d.document.locate(&p1).unwrap();
        let theme = crate::tui::theme::builtin("dark").unwrap();
        let got = lines(&d, &loc, &p1, 100, &theme).unwrap();
        let t = text(&got);
        assert!(t.contains("Calls upon [all / EU delete] States"), "{t}");
        assert!(t.contains("cooperation [G77 add: and solidarity]."), "{t}");
        assert!(t.contains("✓ agreed ad ref"), "{t}");
        assert!(
            t.contains("[G77 n3: new paragraph OP1 bis] Decides to act."),
            "{t}"
        );
        let style_of = |needle: &str| {
            got.iter()
                .flat_map(|l| l.spans.iter())
                .find(|s| s.content.contains(needle))
                .map(|s| s.style)
                .unwrap()
        };
        assert_ne!(style_of("EU delete").fg, style_of("G77 add").fg);
        assert!(style_of("EU delete").fg.is_some());
        // Without colour: the same brackets and names, no colour at all.
        let mono = crate::tui::theme::builtin("mono").unwrap();
        let got = lines(&d, &loc, &p1, 100, &mono).unwrap();
        assert_eq!(text(&got), t);
        assert!(
            got.iter()
                .flat_map(|l| &l.spans)
                .all(|s| s.style.fg.is_none())
        );
        // A draft not negotiated shows its plain lines.
        let plain = Draft::new(d.document.clone());
        assert!(lines(&plain, &loc, &p1, 100, &theme).is_none());
    }
}
