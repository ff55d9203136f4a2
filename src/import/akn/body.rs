//! The preamble, the main body and the attachments: preambular paragraphs (containers,
//! `crossHeading refersTo="#preamble"`, recitals), numbered paragraphs with their lists,
//! hierarchical containers as headings (in a resolution) or sections (in a report or an
//! annex), parts, and annexes. In AKN from elsewhere, a number or a footnote merged into
//! the text is taken out again, with a warning ([`super::repair`]).

use super::inline::join;
use super::preface::{collapse, plain_text};
use super::{Reader, blocks_of};
use crate::export::akn::vocab::{self, UNNUMBERED};
use crate::model::{Annex, Heading, Id, Paragraph, Part, ResolutionPart, Section};
use crate::phrases;
use roxmltree::Node;

/// Where the paragraphs being read belong.
#[derive(Debug, Clone, Copy)]
enum Target {
    /// A resolution (`None`) or one of its parts.
    Resolution(Option<usize>),
    /// A report: paragraphs go to the last section read.
    Report,
    /// An annex: paragraphs go to its last section read, or before its sections.
    Annex(usize),
}

fn is_paragraph(name: &str) -> bool {
    matches!(
        name,
        "paragraph"
            | "point"
            | "subparagraph"
            | "alinea"
            | "clause"
            | "subclause"
            | "rule"
            | "subrule"
            | "indent"
            | "proviso"
            | "transitional"
    )
}

fn is_preambular(n: Node) -> bool {
    n.attribute("refersTo") == Some("#preamble") || n.attribute("name") == Some("preamble")
}

impl Reader<'_, '_> {
    /// `<preamble>`: the authoring body in the formula, then the preambular paragraphs.
    pub(super) fn preamble(&mut self, n: Node) {
        for c in n.children().filter(Node::is_element) {
            match c.tag_name().name() {
                "formula" => {
                    let p = c.children().find(|x| x.tag_name().name() == "p");
                    let text = match p {
                        Some(p) if self.own => plain_text(p),
                        _ => collapse(&plain_text(c)),
                    };
                    let text = text.strip_suffix(',').unwrap_or(&text).to_string();
                    if self.doc.authoring_body.is_empty() {
                        self.doc.authoring_body = text;
                    } else {
                        self.doc.notes.push(crate::markup::escape(&text));
                    }
                }
                "container" if c.attribute("name") == Some("heading") => self.preamble_heading(c),
                "recitals" | "citations" => self.recitals(c),
                "longTitle" if self.doc.header.title.is_empty() => {
                    let (_, t) = self.mixed(c, None);
                    self.doc.header.title = t;
                }
                "container" | "p" | "block" | "blockList" | "recital" | "citation"
                | "blockContainer" => {
                    let p = self.block_paragraph(c, Some(phrases::preambular()));
                    if !is_empty(&p) {
                        self.push_top(Part::Preamble, p, c);
                    }
                }
                other => {
                    let line = self.line(c);
                    self.warn(line, format!("<{other}> in the preamble not read"));
                }
            }
        }
    }

    /// `<recitals>`/`<citations>`: with an introduction ("considering"), one paragraph
    /// whose sub-paragraphs are the recitals; without, each recital a paragraph.
    fn recitals(&mut self, n: Node) {
        let intro = n
            .children()
            .find(|c| matches!(c.tag_name().name(), "intro" | "heading"));
        let items: Vec<Node> = n
            .children()
            .filter(|c| matches!(c.tag_name().name(), "recital" | "citation"))
            .collect();
        match intro {
            Some(intro) => {
                let id = self.id(n, "p");
                let (lead, text) = self.texts(intro, &id, Some(phrases::preambular()));
                let mut p = Paragraph::new(id, "", "");
                (p.lead, p.text) = (lead, text);
                if p.lead.is_empty() && !p.text.contains(' ') {
                    // A lone opening word ("considering") is the lead.
                    p.lead = std::mem::take(&mut p.text);
                }
                for item in items {
                    let mut sp = self.block_paragraph(item, None);
                    self.unglue_number(&mut sp, item);
                    p.subparagraphs.push(sp);
                }
                self.push_top(Part::Preamble, p, n);
            }
            None => {
                for item in items {
                    let p = self.block_paragraph(item, Some(phrases::preambular()));
                    self.push_top(Part::Preamble, p, item);
                }
            }
        }
    }

    /// A heading the export wrote in the preamble (`<container name="heading">`).
    fn preamble_heading(&mut self, c: Node) {
        let id = self.id(c, "h");
        let level = class_level(c).unwrap_or(1);
        let mut h = Heading {
            id,
            level,
            ..Default::default()
        };
        for b in c.children().filter(Node::is_element) {
            match b.attribute("name") {
                Some("num") => h.label = self.plain(b),
                _ => h.heading = self.mixed(b, None).1,
            }
        }
        self.pending.push(self.doc.headings.len());
        self.doc.headings.push(h);
    }

    /// `<mainBody>` of the document.
    pub(super) fn main_body(&mut self, n: Node) {
        let target = if self.doc.is_report() {
            Target::Report
        } else {
            Target::Resolution(None)
        };
        self.body_children(n, target);
    }

    fn body_children(&mut self, n: Node, t: Target) {
        for c in n.children().filter(Node::is_element) {
            self.body_node(c, t);
        }
    }

    /// The list the top-level paragraphs of `t` go to now.
    fn operative_part(&self, t: Target) -> Part {
        match t {
            Target::Resolution(None) => Part::Operative,
            Target::Resolution(Some(k)) => Part::PartOperative(k),
            Target::Report => match self.doc.sections.len() {
                0 => Part::Operative,
                n => Part::Section(n - 1),
            },
            Target::Annex(a) => match self.doc.annexes[a].sections.len() {
                0 => Part::Annex(a),
                n => Part::AnnexSection(a, n - 1),
            },
        }
    }

    fn body_node(&mut self, c: Node, t: Target) {
        let name = c.tag_name().name();
        match name {
            _ if is_paragraph(name) => {
                let p = self.hier_paragraph(c, Some(phrases::operative()));
                let part = self.operative_part(t);
                self.push_top(part, p, c);
            }
            "crossHeading" | "hcontainer" if is_preambular(c) => {
                let p = if name == "crossHeading" {
                    let id = self.id(c, "p");
                    let (lead, text) = self.mixed_with(c, Some(&id), Some(phrases::preambular()));
                    Paragraph::new(id, lead, text)
                } else {
                    let content = c
                        .children()
                        .find(|x| x.tag_name().name() == "content")
                        .unwrap_or(c);
                    let id = self.id(c, "p");
                    self.read_blocks(content, id, Some(phrases::preambular()))
                };
                let part = match t {
                    Target::Resolution(Some(k)) => Part::PartPreamble(k),
                    Target::Resolution(None) => Part::Preamble,
                    _ => self.operative_part(t),
                };
                self.push_top(part, p, c);
            }
            "part" if matches!(t, Target::Resolution(None)) => {
                let id = self.id(c, "part");
                let (label, heading) = self.num_heading(c);
                let k = self.doc.parts.len();
                self.doc.parts.push(ResolutionPart {
                    id,
                    label,
                    heading,
                    ..Default::default()
                });
                self.body_children(c, Target::Resolution(Some(k)));
            }
            "crossHeading" => self.container(c, t, 1),
            "hcontainer" | "part" | "book" | "tome" | "subpart" => self.container(c, t, 1),
            _ if vocab::element_level(name).is_some() => {
                let level = vocab::element_level(name).unwrap_or(1);
                self.container(c, t, level);
            }
            "list" | "blockList" | "ol" | "ul" => self.body_children(c, t),
            "p" | "block" | "intro" | "wrapUp" | "content" | "item" | "li" | "blockContainer"
            | "container" | "tblock" => {
                let p = self.block_paragraph(c, Some(phrases::operative()));
                if !is_empty(&p) {
                    let part = self.operative_part(t);
                    self.push_top(part, p, c);
                }
            }
            "num" | "heading" | "subheading" => {}
            other => {
                let line = self.line(c);
                self.warn(line, format!("<{other}> in the body not read"));
            }
        }
    }

    /// A hierarchical container: a heading of a resolution, or a section of a report or an
    /// annex; then what it holds.
    fn container(&mut self, c: Node, t: Target, level: u8) {
        let level = class_level(c).unwrap_or(level);
        let (label, heading) = self.num_heading(c);
        match t {
            Target::Resolution(_) => {
                let id = self.id(c, "h");
                self.pending.push(self.doc.headings.len());
                self.doc.headings.push(Heading {
                    id,
                    level,
                    label,
                    heading,
                    before: Id::default(),
                });
            }
            Target::Report | Target::Annex(_) => {
                let section = Section {
                    id: self.id(c, "s"),
                    level,
                    label,
                    heading,
                    numbered: !has_class(c, UNNUMBERED),
                    paragraphs: Vec::new(),
                };
                match t {
                    Target::Annex(a) => self.doc.annexes[a].sections.push(section),
                    _ => self.doc.sections.push(section),
                }
            }
        }
        if c.tag_name().name() != "crossHeading" {
            self.body_children(c, t);
        }
    }

    /// The `<num>` and `<heading>` of a container (a crossHeading is all heading).
    fn num_heading(&mut self, c: Node) -> (String, String) {
        if c.tag_name().name() == "crossHeading" {
            return (String::new(), self.mixed(c, None).1);
        }
        let mut label = String::new();
        let mut heading = String::new();
        for x in c.children().filter(Node::is_element) {
            match x.tag_name().name() {
                "num" => label = self.plain(x),
                "heading" => heading = self.mixed(x, None).1,
                _ => {}
            }
        }
        (label, heading)
    }

    /// A paragraph marked up as a hierarchy: `<num>`, `<content>`, or `<intro>` and the
    /// sub-paragraphs (in a `<list>` or not).
    fn hier_paragraph(&mut self, n: Node, phrases: Option<&'static [&'static str]>) -> Paragraph {
        let id = self.id(n, "p");
        let mut p = Paragraph::new(id.clone(), "", "");
        self.hier_into(n, &mut p, phrases);
        p
    }

    fn hier_into(&mut self, n: Node, p: &mut Paragraph, phrases: Option<&'static [&'static str]>) {
        let id = p.id.clone();
        for c in n.children().filter(Node::is_element) {
            let name = c.tag_name().name();
            match name {
                "num" => {
                    let num = self.plain(c);
                    self.nums.insert(id.clone(), num);
                }
                "heading" | "subheading" => {
                    let (_, h) = self.mixed(c, Some(&id));
                    p.text = join(&p.text, &h);
                }
                "content" | "intro" | "wrapUp" => {
                    let q = self.read_blocks(c, id.clone(), phrases);
                    if p.lead.is_empty() && p.text.is_empty() {
                        p.lead = q.lead;
                        p.text = q.text;
                    } else {
                        p.text = join(&p.text, &join(&q.lead, &q.text));
                    }
                    p.subparagraphs.extend(q.subparagraphs);
                }
                "list" => self.hier_into(c, p, phrases),
                _ if is_paragraph(name) => {
                    let sp = self.hier_paragraph(c, None);
                    p.subparagraphs.push(sp);
                }
                other => {
                    let line = self.line(c);
                    self.warn(line, format!("<{other}> in a paragraph not read"));
                }
            }
        }
    }

    /// A paragraph marked up as blocks (a preambular `<container>`, an `<item>`, a
    /// `<recital>`): its `<p>`s, then its `<blockList>` of sub-paragraphs.
    fn block_paragraph(&mut self, n: Node, phrases: Option<&'static [&'static str]>) -> Paragraph {
        let id = self.id(n, "p");
        if matches!(n.tag_name().name(), "p" | "block" | "listIntroduction") {
            let (lead, text) = self.mixed_with(n, Some(&id), phrases);
            return Paragraph::new(id, lead, text);
        }
        self.read_blocks(n, id, phrases)
    }

    /// The blocks inside `n` as the paragraph `id`.
    fn read_blocks(
        &mut self,
        n: Node,
        id: Id,
        phrases: Option<&'static [&'static str]>,
    ) -> Paragraph {
        let mut p = Paragraph::new(id.clone(), "", "");
        for c in blocks_of(n) {
            match c.tag_name().name() {
                "num" => {
                    let num = self.plain(c);
                    self.nums.insert(id.clone(), num);
                }
                "blockList" | "ol" | "ul" => {
                    for item in c.children().filter(Node::is_element) {
                        match item.tag_name().name() {
                            "listIntroduction" | "listWrapUp" => {
                                let (l, t) = self.mixed(item, Some(&id));
                                p.text = join(&p.text, &join(&l, &t));
                            }
                            _ => {
                                let sp = self.block_paragraph(item, None);
                                p.subparagraphs.push(sp);
                            }
                        }
                    }
                }
                "item" | "li" | "point" => {
                    let sp = self.block_paragraph(c, None);
                    p.subparagraphs.push(sp);
                }
                _ => {
                    let first = p.lead.is_empty() && p.text.is_empty();
                    let (l, t) = self.mixed_with(c, Some(&id), phrases.filter(|_| first));
                    if first {
                        (p.lead, p.text) = (l, t);
                    } else {
                        p.text = join(&p.text, &join(&l, &t));
                    }
                }
            }
        }
        p
    }

    /// The lead and text of the blocks of `n` (an `<intro>`).
    fn texts(
        &mut self,
        n: Node,
        id: &Id,
        phrases: Option<&'static [&'static str]>,
    ) -> (String, String) {
        let p = self.read_blocks(n, id.clone(), phrases);
        (p.lead, p.text)
    }

    /// Adds a top-level paragraph to its list; the headings waiting stand before it. In AKN
    /// from elsewhere, a number and footnotes merged into the text are taken out.
    fn push_top(&mut self, part: Part, mut p: Paragraph, n: Node) {
        if !self.own {
            self.unglue_number(&mut p, n);
            self.unmerge_footnote(&mut p, n, part);
        }
        for h in std::mem::take(&mut self.pending) {
            self.doc.headings[h].before = p.id.clone();
        }
        let next = if self.own {
            None
        } else {
            self.split_merged(&mut p, n)
        };
        if let Some(list) = self.doc.part_mut(part) {
            list.push(p);
            list.extend(next);
        }
    }

    /// `<attachments>`: each annex, from the document inside its `<attachment>`.
    pub(super) fn attachments(&mut self, n: Node) {
        for att in n.children().filter(Node::is_element) {
            let id = self.id(att, "annex");
            let a = self.doc.annexes.len();
            let mut annex = Annex {
                id,
                numbered: !has_class(att, UNNUMBERED),
                ..Default::default()
            };
            let (label, heading) = self.num_heading(att);
            annex.label = label;
            if annex.label.is_empty() {
                annex.label = heading
                    .strip_prefix("Annex")
                    .unwrap_or(&heading)
                    .trim()
                    .to_string();
            }
            self.doc.annexes.push(annex);
            let inner = att.children().find(|c| {
                c.is_element() && !matches!(c.tag_name().name(), "num" | "heading" | "subheading")
            });
            let Some(inner) = inner else {
                continue;
            };
            if matches!(inner.tag_name().name(), "documentRef" | "interstitial") {
                let line = self.line(inner);
                self.warn(
                    line,
                    "an annex given only by reference (<documentRef>): its text is not in the file"
                        .into(),
                );
                continue;
            }
            for part in inner.children().filter(Node::is_element) {
                match part.tag_name().name() {
                    "preface" => {
                        for d in part.descendants().filter(Node::is_element) {
                            match d.tag_name().name() {
                                "docType" => {
                                    let t = self.plain(d);
                                    self.doc.annexes[a].label =
                                        t.strip_prefix("Annex").unwrap_or(&t).trim().to_string();
                                }
                                "docTitle" => {
                                    let (_, t) = self.mixed(d, None);
                                    self.doc.annexes[a].title = t;
                                }
                                _ => {}
                            }
                        }
                    }
                    "preamble" | "mainBody" | "body" | "mainContent" => {
                        self.body_children(part, Target::Annex(a));
                    }
                    _ => {}
                }
            }
        }
    }
}

/// Whether the element has this word in its `@class`.
fn has_class(n: Node, class: &str) -> bool {
    n.attribute("class")
        .is_some_and(|c| c.split_whitespace().any(|w| w == class))
}

/// The level a `levelN` class names.
fn class_level(n: Node) -> Option<u8> {
    n.attribute("class")?
        .split_whitespace()
        .find_map(|w| w.strip_prefix("level")?.parse().ok())
}

fn is_empty(p: &Paragraph) -> bool {
    p.lead.is_empty() && p.text.is_empty() && p.subparagraphs.is_empty()
}
