//! The body of the Akoma Ntoso export: the preamble (formula and preambular paragraphs), the
//! main body (numbered paragraphs with their sub-paragraph lists, headings as nested
//! `section`/`subsection`/`division`, parts, report sections) and the annexes as
//! `<attachments>`.

use super::Akn;
use super::vocab::{self, LEAD, UNNUMBERED, prefix};
use crate::model::{Heading, Paragraph, Part, ResolutionPart, Section};
use crate::numbering;

/// The levels of the hierarchical containers (headings, sections) open around the
/// paragraphs being written, outermost first.
type Levels = Vec<u8>;

impl Akn<'_> {
    /// `<preamble>` and `<mainBody>`.
    pub(super) fn body(&mut self) {
        let doc = self.doc;
        if !doc.authoring_body.is_empty() || !doc.preamble.is_empty() {
            self.x.open("preamble", &[]);
            if !doc.authoring_body.is_empty() {
                let e = self.eid("formula", "1");
                self.x
                    .open("formula", &[("name", "enactingAuthority"), ("eId", &e)]);
                let body = format!("{},", doc.authoring_body.trim_end_matches(','));
                self.x.text_element("p", &[], &body);
                self.x.close();
            }
            for p in &doc.preamble {
                for h in doc.headings_before(&p.id) {
                    self.preamble_heading(h);
                }
                self.preambular(p);
            }
            self.x.close();
        }
        self.x.open("mainBody", &[]);
        let mut levels = Levels::new();
        self.numbered_list(Part::Operative, &doc.operative, &mut levels);
        self.close_levels(&mut levels);
        for (k, part) in doc.parts.iter().enumerate() {
            self.part(k, part);
        }
        for (i, s) in doc.sections.iter().enumerate() {
            self.section(Part::Section(i), s, &mut levels);
        }
        self.close_levels(&mut levels);
        if doc.operative.is_empty() && doc.parts.is_empty() && doc.sections.is_empty() {
            // The schema wants something in the main body.
            self.x.text_element("p", &[], "");
        }
        self.x.close();
    }

    /// `<attachments>`: each annex as a `<doc name="annex">` of its own.
    pub(super) fn attachments(&mut self) {
        let doc = self.doc;
        if doc.annexes.is_empty() {
            return;
        }
        self.x.open("attachments", &[]);
        for (a, annex) in doc.annexes.iter().enumerate() {
            let e = self.eid(prefix::ANNEX, annex.id.as_str());
            let mut attrs = vec![("eId", e.as_str())];
            if !annex.numbered {
                attrs.push(("class", UNNUMBERED));
            }
            self.x.open("attachment", &attrs);
            self.x.open("doc", &[("name", "annex")]);
            self.meta("annex", &format!("!annex_{}", a + 1), false);
            self.x.open("preface", &[]);
            let e = self.eid("preface", &format!("{}_label", annex.id));
            self.x
                .open("container", &[("name", "annexLabel"), ("eId", &e)]);
            self.x.open_mixed("p", &[]);
            self.x.text_element("docType", &[], &annex.printed_label());
            self.x.close();
            self.x.close();
            if !annex.title.is_empty() {
                let e = self.eid("preface", &format!("{}_title", annex.id));
                self.x
                    .open("container", &[("name", "annexTitle"), ("eId", &e)]);
                self.x.open_mixed("p", &[]);
                self.x.open_mixed("docTitle", &[]);
                self.inline(&annex.title);
                self.x.close();
                self.x.close();
                self.x.close();
            }
            self.x.close();
            self.x.open("mainBody", &[]);
            let mut levels = Levels::new();
            self.numbered_list(Part::Annex(a), &annex.paragraphs, &mut levels);
            for (i, s) in annex.sections.iter().enumerate() {
                self.section(Part::AnnexSection(a, i), s, &mut levels);
            }
            self.close_levels(&mut levels);
            if annex.paragraphs.is_empty() && annex.sections.is_empty() {
                self.x.text_element("p", &[], "");
            }
            self.x.close();
            self.x.close();
            self.x.close();
        }
        self.x.close();
    }

    /// A resolution part: `<part>` with its number and heading, its preambular paragraphs
    /// as `<crossHeading refersTo="#preamble">` and its operative paragraphs numbered from 1.
    fn part(&mut self, k: usize, part: &ResolutionPart) {
        let doc = self.doc;
        let e = self.eid(prefix::PART, part.id.as_str());
        self.x.open("part", &[("eId", &e)]);
        self.num_heading(&part.label, &part.heading);
        let mut levels = Levels::new();
        for p in &part.preamble {
            for h in doc.headings_before(&p.id) {
                self.heading(h, &mut levels);
            }
            if p.subparagraphs.is_empty() {
                let e = self.eid(prefix::CROSS_HEADING, p.id.as_str());
                self.x
                    .open_mixed("crossHeading", &[("eId", &e), ("refersTo", "#preamble")]);
                self.lead_text(p);
                self.x.close();
            } else {
                // A crossHeading holds text only: a preambular paragraph with
                // sub-paragraphs is a container of blocks.
                let e = self.eid(prefix::HCONTAINER, p.id.as_str());
                self.x.open(
                    "hcontainer",
                    &[("name", "preamble"), ("eId", &e), ("refersTo", "#preamble")],
                );
                self.x.open("content", &[]);
                self.blocks(p, 0);
                self.x.close();
                self.x.close();
            }
        }
        self.numbered_list(Part::PartOperative(k), &part.operative, &mut levels);
        self.close_levels(&mut levels);
        self.x.close();
    }

    /// A report or annex section, opened as a hierarchical container at its level (it stays
    /// open around the sections of lower levels that follow).
    fn section(&mut self, part: Part, s: &Section, levels: &mut Levels) {
        let class = (!s.numbered).then_some(UNNUMBERED);
        self.open_level(levels, s.level, s.id.as_str(), &s.label, &s.heading, class);
        self.numbered_list(part, &s.paragraphs, levels);
    }

    /// A heading inside the body, as a hierarchical container at its level.
    fn heading(&mut self, h: &Heading, levels: &mut Levels) {
        self.open_level(levels, h.level, h.id.as_str(), &h.label, &h.heading, None);
    }

    fn open_level(
        &mut self,
        levels: &mut Levels,
        level: u8,
        id: &str,
        label: &str,
        heading: &str,
        class: Option<&str>,
    ) {
        let level = level.max(1);
        while levels.last().is_some_and(|&l| l >= level) {
            levels.pop();
            self.x.close();
        }
        let (element, pre) = vocab::level_element(level);
        let e = self.eid(pre, id);
        let classes: Vec<String> = class
            .map(str::to_string)
            .into_iter()
            .chain(vocab::level_class(level))
            .collect();
        let classes = classes.join(" ");
        let mut attrs = vec![("eId", e.as_str())];
        if !classes.is_empty() {
            attrs.push(("class", classes.as_str()));
        }
        self.x.open(element, &attrs);
        self.num_heading(label, heading);
        levels.push(level);
    }

    fn close_levels(&mut self, levels: &mut Levels) {
        while levels.pop().is_some() {
            self.x.close();
        }
    }

    /// `<num>` and `<heading>` of a container (each only when not empty).
    fn num_heading(&mut self, label: &str, heading: &str) {
        if !label.is_empty() {
            self.x.text_element("num", &[], label);
        }
        if !heading.is_empty() {
            self.x.open_mixed("heading", &[]);
            self.inline(heading);
            self.x.close();
        }
    }

    /// A heading standing in the preamble, where only blocks may stand:
    /// `<container name="heading">` with a `<block name="num">` and a `<block name="heading">`.
    fn preamble_heading(&mut self, h: &Heading) {
        let e = self.eid(prefix::HEADING, h.id.as_str());
        let class = format!("level{}", h.level);
        self.x.open(
            "container",
            &[("name", "heading"), ("eId", &e), ("class", &class)],
        );
        if !h.label.is_empty() {
            self.x.text_element("block", &[("name", "num")], &h.label);
        }
        self.x.open_mixed("block", &[("name", "heading")]);
        self.inline(&h.heading);
        self.x.close();
        self.x.close();
    }

    /// A preambular paragraph: `<container>` holding its text and its sub-paragraphs.
    fn preambular(&mut self, p: &Paragraph) {
        let e = self.eid(prefix::PREAMBULAR, p.id.as_str());
        self.x
            .open("container", &[("name", "preambularParagraph"), ("eId", &e)]);
        self.blocks(p, 0);
        self.x.close();
    }

    /// A paragraph as blocks: a `<p>` with its text, then a `<blockList>` of its
    /// sub-paragraphs (each an `<item>` with its `<num>`).
    fn blocks(&mut self, p: &Paragraph, depth: usize) {
        if self.has_text(p) || p.subparagraphs.is_empty() {
            self.para_p(p);
        }
        if p.subparagraphs.is_empty() {
            return;
        }
        let e = self.eid(prefix::LIST, p.id.as_str());
        self.x.open("blockList", &[("eId", &e)]);
        for (j, sp) in p.subparagraphs.iter().enumerate() {
            let e = self.eid(prefix::ITEM, sp.id.as_str());
            self.x.open("item", &[("eId", &e)]);
            let label = numbering::printed_sub_label(depth + 1, j, p.list_style);
            self.x.text_element("num", &[], &label);
            self.blocks(sp, depth + 1);
            self.x.close();
        }
        self.x.close();
    }

    /// The top-level paragraphs of a list, numbered as the draft numbers them (a single
    /// operative paragraph is not numbered), with the headings standing before them.
    fn numbered_list(&mut self, part: Part, list: &[Paragraph], levels: &mut Levels) {
        let doc = self.doc;
        let single = part.is_operative() && list.len() == 1;
        for (i, p) in list.iter().enumerate() {
            for h in doc.headings_before(&p.id) {
                self.heading(h, levels);
            }
            let num = if single {
                None
            } else {
                numbering::number(doc, part, i).map(|n| format!("{n}."))
            };
            self.hier("paragraph", prefix::PARAGRAPH, p, num.as_deref(), 0);
        }
    }

    /// A paragraph or sub-paragraph as a hierarchical element: `<num>`, then `<content>`,
    /// or a `<list>` with the paragraph's text as `<intro>` and its sub-paragraphs as
    /// `<point>`s.
    fn hier(&mut self, element: &str, pre: &str, p: &Paragraph, num: Option<&str>, depth: usize) {
        let e = self.eid(pre, p.id.as_str());
        self.x.open(element, &[("eId", &e)]);
        if let Some(n) = num {
            self.x.text_element("num", &[], n);
        }
        if p.subparagraphs.is_empty() {
            self.x.open("content", &[]);
            self.para_p(p);
            self.x.close();
        } else {
            let e = self.eid(prefix::LIST, p.id.as_str());
            self.x.open("list", &[("eId", &e)]);
            if self.has_text(p) {
                let e = self.eid(prefix::INTRO, p.id.as_str());
                self.x.open("intro", &[("eId", &e)]);
                self.para_p(p);
                self.x.close();
            }
            for (j, sp) in p.subparagraphs.iter().enumerate() {
                let label = numbering::printed_sub_label(depth + 1, j, p.list_style);
                self.hier("point", prefix::POINT, sp, Some(&label), depth + 1);
            }
            self.x.close();
        }
        self.x.close();
    }

    /// Whether a paragraph has text of its own to write (or a footnote kept at its end).
    fn has_text(&self, p: &Paragraph) -> bool {
        !p.lead.is_empty() || !p.text.is_empty() || self.unmarked.contains_key(&p.id)
    }

    /// `<p>` with the paragraph's lead and text.
    fn para_p(&mut self, p: &Paragraph) {
        self.x.open_mixed("p", &[]);
        self.lead_text(p);
        self.x.close();
    }

    /// The lead (`<inline name="lead"><i>…</i></inline>`), a space, the text, and the
    /// footnotes anchored here whose marker is missing.
    fn lead_text(&mut self, p: &Paragraph) {
        let outer = self.current.replace(p.id.clone());
        if !p.lead.is_empty() {
            self.x.open_mixed("inline", &[("name", LEAD)]);
            self.x.open_mixed("i", &[]);
            self.inline(&p.lead);
            self.x.close();
            self.x.close();
            if !p.text.is_empty() {
                self.x.text(" ");
            }
        }
        self.inline(&p.text);
        if let Some(ids) = self.unmarked.remove(&p.id) {
            for id in ids {
                self.marker(&id, true);
            }
        }
        self.current = outer;
    }
}
