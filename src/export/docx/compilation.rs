//! The compilation text of a negotiation as a Word document, in the shape facilitators
//! circulate: each paragraph under its negotiation number and status in bold ("OP5 bis
//! [EU n4: new paragraph]"), the proposals inline in square brackets with the delegation's
//! name in bold ("[all States / **EU:** Member States]", "[**G77 add:** and their
//! neighbours]"), bracketed alternatives ("[**Alt 1 (EU):** … / **Alt 2 (G77):** …]"), and
//! under each paragraph its open items by id. The same walk as the text shapes
//! ([`crate::negotiate::compilation::compile`]), written with the Word writer of the export
//! (real footnotes, emphasis from the markup); numbers are typed, as "bis" numbers must be.

use super::blocks::{Layout, STEP};
use super::write::{Change, Content, Para, Piece as Run};
use crate::model::Draft;
use crate::negotiate::compilation::{Sink, compile};
use crate::negotiate::marks::Piece;

/// The compilation of `draft` as Word paragraphs.
pub(super) fn content(draft: &Draft) -> Content {
    let mut sink = WordSink { paras: Vec::new() };
    compile(draft, &mut sink);
    Content {
        paras: sink.paras,
        notes: super::notes(&draft.document, ""),
        keep_unreferenced: true,
        revision: None,
    }
}

struct WordSink {
    paras: Vec<Para>,
}

/// A run of plain text (bold or not).
fn plain(text: &str, bold: bool) -> Run {
    Run::Text {
        text: text.to_string(),
        italic: false,
        bold,
        change: Change::None,
    }
}

/// The runs of draft text (markup: emphasis and footnote references).
fn own(text: &str, emphasis: &mut (bool, bool), out: &mut Vec<Run>) {
    super::pieces(text, true, (false, false), emphasis, "", Change::None, out);
}

impl WordSink {
    fn push(&mut self, layout: Layout, pieces: Vec<Run>) {
        self.paras.push(Para {
            layout,
            number: None,
            old_number: None,
            pieces,
            mark: Change::None,
        });
    }

    fn ragged(&mut self, text: &str, bold: bool, keep_next: bool) {
        let layout = Layout {
            ragged: true,
            keep_next,
            ..Layout::default()
        };
        self.push(layout, vec![plain(text, bold)]);
    }
}

/// The indent of text at `depth`: paragraphs one step in, each sub-paragraph level one more.
fn indented(depth: usize) -> Layout {
    Layout {
        left: STEP * (depth as u32 + 1),
        ..Layout::default()
    }
}

impl Sink for WordSink {
    fn title(&mut self) {
        self.ragged("Compilation text", true, true);
    }

    fn line(&mut self, s: &str) {
        self.ragged(s, false, false);
    }

    fn authoring(&mut self, s: &str) {
        let mut runs = Vec::new();
        own(
            &format!("{},", s.trim_end_matches(',')),
            &mut (false, false),
            &mut runs,
        );
        self.push(Layout::default(), runs);
    }

    fn part(&mut self, name: &str) {
        self.ragged(name, true, true);
    }

    fn heading(&mut self, line: &str) {
        self.ragged(line, true, true);
    }

    fn head(&mut self, label: &str, tags: &[String]) {
        self.ragged(&format!("{label} [{}]", tags.join("; ")), true, true);
    }

    fn text(&mut self, depth: usize, label: &str, pieces: &[Piece]) {
        let mut runs = Vec::new();
        if !label.is_empty() {
            runs.push(plain(label, false));
        }
        let mut emphasis = (false, false);
        for p in pieces {
            match p {
                Piece::Own(s) => own(s, &mut emphasis, &mut runs),
                Piece::Struck {
                    by, words, with, ..
                } => {
                    runs.push(plain("[", false));
                    own(words, &mut (false, false), &mut runs);
                    match with {
                        Some(w) => {
                            runs.push(plain(" / ", false));
                            runs.push(plain(&format!("{by}:"), true));
                            runs.push(plain(" ", false));
                            own(w, &mut (false, false), &mut runs);
                        }
                        None => {
                            runs.push(plain(" / ", false));
                            runs.push(plain(&format!("{by} delete"), true));
                        }
                    }
                    runs.push(plain("]", false));
                }
                Piece::Added { by, text, .. } => {
                    runs.push(plain("[", false));
                    runs.push(plain(&format!("{by} add:"), true));
                    runs.push(plain(" ", false));
                    own(text, &mut (false, false), &mut runs);
                    runs.push(plain("]", false));
                }
                Piece::Alternatives { alternatives, .. } => {
                    runs.push(plain("[", false));
                    for (k, (by, t)) in alternatives.iter().enumerate() {
                        if k > 0 {
                            runs.push(plain(" / ", false));
                        }
                        runs.push(plain(&format!("Alt {} ({by}):", k + 1), true));
                        runs.push(plain(" ", false));
                        own(t, &mut (false, false), &mut runs);
                    }
                    runs.push(plain("]", false));
                }
            }
        }
        self.push(indented(depth), runs);
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
        let mut runs = vec![
            plain(label, false),
            plain(&format!("[Alt {} ({by}{mark})]", k + 1), true),
            plain(" ", false),
        ];
        own(full, &mut (false, false), &mut runs);
        self.push(indented(depth), runs);
    }

    fn item(&mut self, depth: usize, line: &str) {
        let mut runs = Vec::new();
        own(line, &mut (false, false), &mut runs);
        let layout = Layout {
            left: STEP * (depth as u32 + 1) + STEP / 2,
            ragged: true,
            ..Layout::default()
        };
        self.push(layout, runs);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocKind, Document, Id, Paragraph, ProposedChange, Status};
    use crate::negotiate;

    /// Each paragraph's runs as text, bold runs in `**`.
    fn shown(c: &Content) -> Vec<String> {
        c.paras
            .iter()
            .map(|p| {
                p.pieces
                    .iter()
                    .map(|r| match r {
                        Run::Text {
                            text, bold: true, ..
                        } => format!("**{text}**"),
                        Run::Text { text, .. } => text.clone(),
                        Run::Note { key, .. } => format!("<{key}>"),
                        Run::Tab(_) => "\t".into(),
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn the_compilation_in_word_has_brackets_attributions_statuses_and_bis_numbers() {
        let mut doc = Document::new(DocKind::Resolution);
        doc.authoring_body = "The General Assembly".into();
        doc.operative = vec![
            Paragraph::new(Id::new("p1"), "Calls upon", "all States to act;[^f1]"),
            Paragraph::new(Id::new("p2"), "Decides", "to remain seized of the matter."),
        ];
        doc.footnotes.push(crate::model::Footnote {
            id: Id::new("f1"),
            anchor: Id::new("p1"),
            text: "See A/80/1.".into(),
        });
        crate::ops::renumber(&mut doc);
        let mut d = Draft::new(doc);
        for c in ["EU", "G77"] {
            negotiate::add_delegation(&mut d.negotiation, c, "").unwrap();
        }
        let p1 = Id::new("p1");
        negotiate::propose(
            &mut d,
            "EU",
            "2026-12-01",
            ProposedChange::ReplaceWords {
                paragraph: p1.clone(),
                words: "all States".into(),
                occurrence: 0,
                with: "Member States".into(),
            },
        )
        .unwrap();
        negotiate::propose(
            &mut d,
            "G77",
            "2026-12-01",
            ProposedChange::InsertParagraph {
                after: Some(p1.clone()),
                operative: true,
                paragraph: Paragraph::new(Id::new("p7"), "Encourages", "sharing;"),
            },
        )
        .unwrap();
        negotiate::set_status(&mut d, &Id::new("p2"), Status::AgreedAdRef).unwrap();
        let c = content(&d);
        let s = shown(&c);
        assert_eq!(s[0], "**Compilation text**");
        assert!(s.contains(&"**OP1 [pending]**".to_string()), "{s:#?}");
        assert!(
            s.contains(&"Calls upon [all States / **EU:** Member States] to act;<f1>".to_string()),
            "{s:#?}"
        );
        assert!(
            s.contains(&"**OP1 bis [G77 n2: new paragraph]**".to_string()),
            "{s:#?}"
        );
        assert!(s.contains(&"**OP2 [agreed ad ref]**".to_string()), "{s:#?}");
        assert!(
            s.iter()
                .any(|l| l
                    .contains("– n1 EU (2026-12-01): replace “all States” with “Member States”")),
            "{s:#?}"
        );
        // The footnote is a real one, referenced where its marker stands.
        assert_eq!(c.notes.len(), 1);
        let bytes = crate::export::docx_compilation(&d).unwrap();
        assert_eq!(&bytes[..2], b"PK");
    }
}
