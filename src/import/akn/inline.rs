//! Mixed content (`<p>`, `<crossHeading>`, `<heading>` …) as the model's marked-up text:
//! `<i>`/`<b>` as emphasis, the `<inline name="lead">` as the opening phrase, each
//! `<authorialNote>` as a footnote with its marker where it stands (a `<noteRef>` as a
//! second marker of it). In AKN from elsewhere white space is collapsed, and an opening
//! phrase that is not marked is taken from a leading italic run or from the lists of
//! standard phrases.

use super::Reader;
use crate::export::akn::vocab::{LEAD, UNMARKED};
use crate::markup::{self, Segment};
use crate::model::{Footnote, Id};
use roxmltree::Node;

/// Where the segments being read go.
struct Runs {
    lead: Vec<Segment>,
    text: Vec<Segment>,
    in_lead: bool,
    /// Whether an `<inline name="lead">` was read.
    marked_lead: bool,
}

impl Runs {
    fn push(&mut self, seg: Segment) {
        if self.in_lead {
            self.lead.push(seg);
        } else {
            self.text.push(seg);
        }
    }
}

impl Reader<'_, '_> {
    /// The (lead, text) of mixed content, as marked-up text. Footnotes found are anchored
    /// to `anchor`.
    pub(super) fn mixed(&mut self, n: Node, anchor: Option<&Id>) -> (String, String) {
        self.mixed_with(n, anchor, None)
    }

    /// Like [`Self::mixed`]; in AKN from elsewhere, an unmarked opening phrase from
    /// `phrases` is split off as the lead.
    pub(super) fn mixed_with(
        &mut self,
        n: Node,
        anchor: Option<&Id>,
        phrases: Option<&'static [&'static str]>,
    ) -> (String, String) {
        let mut runs = Runs {
            lead: Vec::new(),
            text: Vec::new(),
            in_lead: false,
            marked_lead: false,
        };
        self.runs(n, anchor, false, false, &mut runs);
        if !self.own {
            tidy(&mut runs.lead);
            tidy(&mut runs.text);
        } else if runs.marked_lead
            && let Some(Segment::Text { text, .. }) = runs.text.first_mut()
        {
            // The space the export writes between the lead and the text.
            if let Some(rest) = text.strip_prefix(' ') {
                *text = rest.to_string();
            }
        }
        // Only a paragraph has an opening phrase (not a title or a heading).
        if !self.own && !runs.marked_lead && phrases.is_some() {
            italic_lead(&mut runs);
        }
        let mut lead = markup::write(&runs.lead);
        let mut text = markup::write(&runs.text);
        if !self.own
            && lead.is_empty()
            && let Some(list) = phrases
            && let Some(end) = crate::phrases::match_lead(&text, list)
            && !text[..end].contains(['*', '\\', '['])
        {
            lead = text[..end].to_string();
            text = text[end..].trim_start().to_string();
        }
        (lead, text)
    }

    fn runs(&mut self, n: Node, anchor: Option<&Id>, italic: bool, bold: bool, out: &mut Runs) {
        for c in n.children() {
            if c.is_text() {
                let t = c.text().unwrap_or_default();
                if !t.is_empty() {
                    out.push(Segment::Text {
                        text: t.to_string(),
                        italic,
                        bold,
                    });
                }
                continue;
            }
            if !c.is_element() {
                continue;
            }
            match c.tag_name().name() {
                "i" => self.runs(c, anchor, true, bold, out),
                "b" => self.runs(c, anchor, italic, true, out),
                "inline" if c.attribute("name") == Some(LEAD) && !out.marked_lead => {
                    out.marked_lead = true;
                    out.in_lead = true;
                    // The lead is italic by nature: its <i> is presentation.
                    let mut kids = c.children().filter(|x| {
                        x.is_element() || x.text().is_some_and(|t| !t.trim().is_empty())
                    });
                    match (kids.next(), kids.next()) {
                        (Some(i), None) if i.tag_name().name() == "i" => {
                            self.runs(i, anchor, false, bold, out)
                        }
                        _ => self.runs(c, anchor, italic, bold, out),
                    }
                    out.in_lead = false;
                }
                "authorialNote" | "note" => {
                    let id = self.footnote(c, anchor);
                    if c.attribute("class") != Some(UNMARKED) {
                        out.push(Segment::Marker(id));
                    }
                }
                "noteRef" => {
                    let target = c
                        .attribute("href")
                        .unwrap_or_default()
                        .trim_start_matches('#');
                    match self.note_eids.get(target) {
                        Some(id) => out.push(Segment::Marker(id.clone())),
                        None => {
                            let line = self.line(c);
                            self.warn(
                                line,
                                format!("<noteRef> to “{target}”, which is no footnote read before it: left out"),
                            );
                        }
                    }
                }
                "eol" | "br" | "eop" => out.push(Segment::Text {
                    text: " ".into(),
                    italic,
                    bold,
                }),
                _ => self.runs(c, anchor, italic, bold, out),
            }
        }
    }

    /// Reads an `<authorialNote>` as a footnote; its id.
    fn footnote(&mut self, n: Node, anchor: Option<&Id>) -> Id {
        let id = self.id(n, "f");
        if let Some(e) = n.attribute("eId") {
            self.note_eids.entry(e.to_string()).or_insert(id.clone());
        }
        let mut texts = Vec::new();
        let blocks: Vec<Node> = n.children().filter(Node::is_element).collect();
        if blocks.is_empty() {
            let (_, t) = self.mixed(n, anchor);
            texts.push(t);
        }
        for b in blocks {
            let (l, t) = self.mixed(b, anchor);
            texts.push(join(&l, &t));
        }
        let text = texts
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let base = n.attribute("placementBase").map(str::to_string);
        self.footnotes.push((
            Footnote {
                id: id.clone(),
                anchor: anchor.cloned().unwrap_or_default(),
                text,
            },
            base,
        ));
        id
    }
}

/// A lead and a text joined by a space.
pub(super) fn join(lead: &str, text: &str) -> String {
    match (lead.is_empty(), text.is_empty()) {
        (true, _) => text.to_string(),
        (false, true) => lead.to_string(),
        (false, false) => format!("{lead} {text}"),
    }
}

/// White space of AKN written by hand or by other tools: runs collapsed to one space,
/// trimmed at both ends.
fn tidy(segs: &mut Vec<Segment>) {
    let mut space = true;
    for seg in segs.iter_mut() {
        match seg {
            Segment::Text { text, .. } => {
                let mut out = String::with_capacity(text.len());
                for c in text.chars() {
                    if c.is_whitespace() {
                        if !space {
                            out.push(' ');
                        }
                        space = true;
                    } else {
                        out.push(c);
                        space = false;
                    }
                }
                *text = out;
            }
            Segment::Marker(_) => space = false,
        }
    }
    if let Some(Segment::Text { text, .. }) = segs
        .iter_mut()
        .rev()
        .find(|s| !matches!(s, Segment::Text { text, .. } if text.is_empty()))
    {
        let t = text.trim_end().to_string();
        *text = t;
    }
    segs.retain(|s| !matches!(s, Segment::Text { text, .. } if text.is_empty()));
}

/// A leading italic run followed by roman text (how AKN from elsewhere shows an opening
/// phrase) becomes the lead.
fn italic_lead(runs: &mut Runs) {
    let Some(Segment::Text {
        text, italic: true, ..
    }) = runs.text.first()
    else {
        return;
    };
    let short = text.split_whitespace().count() <= 6;
    let roman_next = match runs.text.get(1) {
        None => true,
        Some(Segment::Text { italic, .. }) => !italic,
        Some(Segment::Marker(_)) => false,
    };
    if short && roman_next && runs.lead.is_empty() {
        let Segment::Text { text, bold, .. } = runs.text.remove(0) else {
            return;
        };
        runs.lead.push(Segment::Text {
            text: text.trim().to_string(),
            italic: false,
            bold,
        });
        if let Some(Segment::Text { text, .. }) = runs.text.first_mut() {
            *text = text.trim_start().to_string();
        }
        runs.text
            .retain(|s| !matches!(s, Segment::Text { text, .. } if text.is_empty()));
    }
}
