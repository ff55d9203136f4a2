//! The Akoma Ntoso 3.0 export, following the AKN4UN guidelines for General Assembly
//! resolutions: `<akomaNtoso><statement name="resolution">` (`resolutionDraft` for a draft;
//! a report is a `<doc name="report">`, an amendment document a `<statement name="amendment">`) with FRBR identification under AKN4UN IRIs
//! (`/akn/un/statement/deliberation/ga/2025-10-10/A-C.3-80-L.20/eng@2025-10-10`), a
//! `<preface>` holding the header fields (one `<container>` each, marked up with
//! `docAuthority`, `docNumber`, `docDate`, `session`, `docProponent`, `docStage`,
//! `docTitle` …), a `<preamble>` with `<formula name="enactingAuthority">` and one
//! `<container>` per preambular paragraph, a `<mainBody>` of numbered `<paragraph>`s
//! (`<num>`, `<content>`, or `<list>` with `<intro>` and `<point>`s for sub-paragraphs),
//! headings as `<section>`/`<subsection>`/`<division>`, parts as `<part>` (their
//! preambular paragraphs as `<crossHeading refersTo="#preamble">`), `<conclusions>` for the
//! closing lines, and `<attachments>` for annexes. Footnotes are `<authorialNote>`s where
//! their markers stand. Every `eId` is made from the stable id of what it marks
//! (`para_p12`), so it is unique and survives renumbering; the opening phrase of a paragraph
//! is an `<inline name="lead">`, so the import reads the same document back.
//!
//! Written with quick-xml (see [`xml`]); validated against the OASIS schema in the tests.

mod body;
mod iri;
pub(crate) mod vocab;
mod xml;

use crate::markup::{self, Segment};
use crate::model::{Document, Id};
use crate::numbering;
use iri::{Iri, is_adopted, iso_date, slug};
use std::collections::{HashMap, HashSet};
use vocab::{FIELDS, LATE_FIELDS, NS, SOURCE, prefix};
use xml::Xml;

/// The document as an Akoma Ntoso XML file.
pub(crate) fn render(doc: &Document) -> String {
    let mut w = Akn::new(doc);
    w.document();
    w.x.finish()
}

/// The writer's state: the document, the XML so far, footnote numbers, and the `eId`s given.
struct Akn<'a> {
    doc: &'a Document,
    x: Xml,
    numbers: HashMap<Id, u32>,
    /// Footnotes already written as an `<authorialNote>` (a second marker becomes a
    /// `<noteRef>`).
    written: HashSet<Id>,
    /// Footnotes whose marker stands nowhere, by the paragraph they are anchored to: written
    /// at the end of it with `class="unmarked"`.
    unmarked: HashMap<Id, Vec<Id>>,
    eids: HashSet<String>,
    iri: Iri,
    /// The paragraph whose text is being written (None in headings, titles and notes).
    current: Option<Id>,
}

impl<'a> Akn<'a> {
    fn new(doc: &'a Document) -> Self {
        let mut marked: HashSet<Id> = HashSet::new();
        super::for_each_markup(doc, &mut |s| marked.extend(markup::markers(s)));
        let known: HashSet<&Id> = doc.all_ids().into_iter().collect();
        let mut unmarked: HashMap<Id, Vec<Id>> = HashMap::new();
        for f in doc.footnotes.iter().filter(|f| !marked.contains(&f.id)) {
            // A footnote anchored to no paragraph is kept at the end of the last one.
            let anchor = if known.contains(&f.anchor) && doc.find(&f.anchor).is_some() {
                f.anchor.clone()
            } else {
                last_paragraph(doc).unwrap_or_default()
            };
            unmarked.entry(anchor).or_default().push(f.id.clone());
        }
        Akn {
            doc,
            x: Xml::new(),
            numbers: numbering::footnote_numbers(doc),
            written: HashSet::new(),
            unmarked,
            eids: HashSet::new(),
            iri: Iri::new(doc),
            current: None,
        }
    }

    /// A unique `eId` for an element marking the model id `id`.
    fn eid(&mut self, prefix: &str, id: &str) -> String {
        let base = vocab::eid(prefix, id);
        let mut e = base.clone();
        let mut n = 2;
        while !self.eids.insert(e.clone()) {
            e = format!("{base}_{n}");
            n += 1;
        }
        e
    }

    fn document(&mut self) {
        let doc = self.doc;
        self.x.open("akomaNtoso", &[("xmlns", NS)]);
        let (element, name) = if doc.is_report() {
            ("doc", "report")
        } else if doc.is_amendment() {
            // An amendment document: its instructions as the paragraphs of a statement.
            ("statement", "amendment")
        } else if is_adopted(doc) {
            ("statement", "resolution")
        } else {
            ("statement", "resolutionDraft")
        };
        self.x
            .open(element, &[("contains", "originalVersion"), ("name", name)]);
        self.meta(name, "!main", true);
        self.preface();
        self.body();
        self.conclusions();
        self.attachments();
        self.x.close();
        self.x.close();
    }

    /// `<meta>`: FRBR identification of the work, expression and manifestation, and (for the
    /// main document) the references to the organisations the document names.
    fn meta(&mut self, name: &str, component: &str, references: bool) {
        let iri = &self.iri;
        let work_this = format!("{}/{component}", iri.work);
        let expr_this = format!("{}/{component}", iri.expression);
        let manif_this = format!("{}/{component}.xml", iri.expression);
        let manif_uri = format!("{}.xml", iri.expression);
        let (date, number, organ) = (iri.date.clone(), iri.number.clone(), iri.organ.clone());
        let date_name = if is_adopted(self.doc) {
            "adoption"
        } else {
            "issued"
        };
        let author = format!("#{organ}");
        let x = &mut self.x;
        x.open("meta", &[]);
        x.open("identification", &[("source", &format!("#{SOURCE}"))]);
        x.open("FRBRWork", &[]);
        x.empty("FRBRthis", &[("value", &work_this)]);
        x.empty("FRBRuri", &[("value", &self.iri.work)]);
        x.empty("FRBRdate", &[("date", &date), ("name", date_name)]);
        x.empty("FRBRauthor", &[("href", &author)]);
        x.empty("FRBRcountry", &[("value", "un")]);
        let subtype = if self.doc.is_report() {
            "report"
        } else {
            "deliberation"
        };
        x.empty("FRBRsubtype", &[("value", subtype)]);
        let show = if self.doc.header.symbol.is_empty() {
            number.clone()
        } else {
            self.doc.header.symbol.clone()
        };
        x.empty("FRBRnumber", &[("value", &number), ("showAs", &show)]);
        x.empty("FRBRname", &[("value", name)]);
        x.close();
        x.open("FRBRExpression", &[]);
        x.empty("FRBRthis", &[("value", &expr_this)]);
        x.empty("FRBRuri", &[("value", &self.iri.expression)]);
        x.empty("FRBRdate", &[("date", &date), ("name", date_name)]);
        x.empty("FRBRauthor", &[("href", &author)]);
        x.empty("FRBRlanguage", &[("language", "eng")]);
        x.close();
        x.open("FRBRManifestation", &[]);
        x.empty("FRBRthis", &[("value", &manif_this)]);
        x.empty("FRBRuri", &[("value", &manif_uri)]);
        x.empty("FRBRdate", &[("date", &date), ("name", "XMLMarkup")]);
        x.empty("FRBRauthor", &[("href", &format!("#{SOURCE}"))]);
        x.close();
        x.close();
        if references {
            self.references();
            self.footnote_order();
        }
        self.x.close();
    }

    fn references(&mut self) {
        let doc = self.doc;
        let organ = self.iri.organ.clone();
        self.x
            .open("references", &[("source", &format!("#{SOURCE}"))]);
        self.x.empty(
            "TLCOrganization",
            &[
                ("eId", SOURCE),
                ("href", "/akn/ontology/organization/resdraft"),
                ("showAs", "resdraft"),
            ],
        );
        let body = if doc.header.issuing_body.is_empty() {
            "General Assembly"
        } else {
            doc.header.issuing_body.as_str()
        };
        self.eids.insert(SOURCE.to_string());
        self.eids.insert(organ.clone());
        self.x.empty(
            "TLCOrganization",
            &[
                ("eId", &organ),
                ("href", &format!("/akn/ontology/organization/un/{organ}")),
                ("showAs", body),
            ],
        );
        for s in &doc.header.sponsors {
            let e = self.eid("sponsor", &slug(s));
            let href = format!("/akn/ontology/organization/un/memberState/{}", slug(s));
            self.x.empty(
                "TLCOrganization",
                &[("eId", &e), ("href", &href), ("showAs", s)],
            );
        }
        self.eids.insert("preamble".into());
        self.x.empty(
            "TLCConcept",
            &[
                ("eId", "preamble"),
                ("href", "/akn/ontology/concept/un/preamble"),
                ("showAs", "preamble"),
            ],
        );
        self.x.close();
    }

    /// The order of the draft's footnote list (the order the footnotes were made in, which
    /// neither their numbers nor their places in the text tell), in a `<proprietary>`
    /// element of resdraft's namespace.
    fn footnote_order(&mut self) {
        if self.doc.footnotes.len() < 2 {
            return;
        }
        let ids: Vec<&str> = self.doc.footnotes.iter().map(|f| f.id.as_str()).collect();
        self.x
            .open("proprietary", &[("source", &format!("#{SOURCE}"))]);
        self.x.empty(
            "rd:footnoteOrder",
            &[("xmlns:rd", vocab::RESDRAFT_NS), ("ids", &ids.join(" "))],
        );
        self.x.close();
    }

    /// `<preface>`: one container per header field, as the masthead prints them.
    fn preface(&mut self) {
        let h = &self.doc.header;
        let any = FIELDS
            .iter()
            .chain(LATE_FIELDS)
            .any(|f| !(f.get)(h).is_empty())
            || !h.sponsors.is_empty()
            || !h.stage.is_empty()
            || !h.title.is_empty()
            || !h.resolution_number.is_empty();
        if !any {
            return;
        }
        self.x.open("preface", &[]);
        for f in FIELDS {
            self.field(f);
        }
        if !h.sponsors.is_empty() || !h.stage.is_empty() {
            let e = self.eid("preface", vocab::SPONSORS);
            self.x
                .open("container", &[("name", vocab::SPONSORS), ("eId", &e)]);
            self.x.open_mixed("p", &[]);
            let last = h.sponsors.len().saturating_sub(1);
            for (i, s) in h.sponsors.iter().enumerate() {
                self.x.text(match i {
                    0 => "",
                    _ if i == last => " and ",
                    _ => ", ",
                });
                let refers = format!("#{}", vocab::eid("sponsor", &slug(s)));
                self.x
                    .text_element("docProponent", &[("refersTo", &refers)], s);
            }
            if !h.stage.is_empty() {
                if !h.sponsors.is_empty() {
                    self.x.text(": ");
                }
                self.x.text_element("docStage", &[], &h.stage);
            }
            self.x.close();
            self.x.close();
        }
        for f in LATE_FIELDS {
            self.field(f);
        }
        if !h.title.is_empty() || !h.resolution_number.is_empty() {
            let e = self.eid("preface", vocab::TITLE);
            self.x
                .open("container", &[("name", vocab::TITLE), ("eId", &e)]);
            self.x.open_mixed("p", &[]);
            if !h.resolution_number.is_empty() {
                self.x.text_element("docNumber", &[], &h.resolution_number);
                if !h.title.is_empty() {
                    self.x.text(". ");
                }
            }
            if !h.title.is_empty() {
                self.x.open_mixed("docTitle", &[]);
                self.inline(&h.title);
                self.x.close();
            }
            self.x.close();
            self.x.close();
        }
        self.x.close();
    }

    /// A header field in its container (nothing when empty).
    fn field(&mut self, f: &vocab::Field) {
        let value = (f.get)(&self.doc.header);
        if value.is_empty() {
            return;
        }
        let e = self.eid("preface", f.name);
        self.x.open("container", &[("name", f.name), ("eId", &e)]);
        self.x.open_mixed("p", &[]);
        match f.element {
            "inline" => self.x.text_element("inline", &[("name", f.name)], value),
            "docDate" => match iso_date(value) {
                Some(d) => self.x.text_element("docDate", &[("date", &d)], value),
                // A date that does not read as one is kept as text.
                None => self.x.text_element("inline", &[("name", f.name)], value),
            },
            element => self.x.text_element(element, &[], value),
        }
        self.x.close();
        self.x.close();
    }

    /// `<conclusions>`: the text kept beside the paragraphs (the closing meeting line of an
    /// adopted resolution), one container each.
    fn conclusions(&mut self) {
        if self.doc.notes.is_empty() {
            return;
        }
        self.x.open("conclusions", &[]);
        for (i, note) in self.doc.notes.iter().enumerate() {
            let e = self.eid("conclusion", &(i + 1).to_string());
            self.x.open("container", &[("name", "note"), ("eId", &e)]);
            self.x.open_mixed("p", &[]);
            self.inline(note);
            self.x.close();
            self.x.close();
        }
        self.x.close();
    }

    /// Marked-up text as inline XML: `<i>`, `<b>`, and each footnote as an
    /// `<authorialNote>` where its marker stands.
    fn inline(&mut self, s: &str) {
        for seg in markup::parse(s) {
            match seg {
                Segment::Text { text, italic, bold } => {
                    if bold {
                        self.x.open_mixed("b", &[]);
                    }
                    if italic {
                        self.x.open_mixed("i", &[]);
                    }
                    self.x.text(&text);
                    if italic {
                        self.x.close();
                    }
                    if bold {
                        self.x.close();
                    }
                }
                Segment::Marker(id) => self.marker(&id, false),
            }
        }
    }

    /// A footnote where its marker stands (or, `unmarked`, where its marker is missing).
    fn marker(&mut self, id: &Id, unmarked: bool) {
        let Some(f) = self.doc.footnote(id) else {
            // A marker naming no footnote is kept as the characters of the text.
            self.x.text(&markup::marker(id));
            return;
        };
        let number = self.numbers.get(id).copied().unwrap_or(0).to_string();
        if !self.written.insert(id.clone()) {
            let href = format!("#{}", vocab::eid(prefix::NOTE, id.as_str()));
            self.x
                .empty("noteRef", &[("href", &href), ("marker", &number)]);
            return;
        }
        let e = self.eid(prefix::NOTE, id.as_str());
        // A footnote anchored elsewhere than where its marker stands (a marker in the title
        // or a heading) names its paragraph in `placementBase`.
        let base = (self.current.as_ref() != Some(&f.anchor))
            .then(|| anchor_eid(self.doc, &f.anchor))
            .flatten();
        let mut attrs = vec![
            ("eId", e.as_str()),
            ("marker", number.as_str()),
            ("placement", "bottom"),
        ];
        if let Some(b) = &base {
            attrs.push(("placementBase", b.as_str()));
        }
        if unmarked {
            attrs.push(("class", vocab::UNMARKED));
        }
        self.x.open_mixed("authorialNote", &attrs);
        self.x.open_mixed("p", &[]);
        let text = f.text.clone();
        for seg in markup::parse(&text) {
            if let Segment::Text { text, italic, bold } = seg {
                self.styled(&text, italic, bold);
            }
        }
        self.x.close();
        self.x.close();
    }

    fn styled(&mut self, text: &str, italic: bool, bold: bool) {
        if bold {
            self.x.open_mixed("b", &[]);
        }
        if italic {
            self.x.open_mixed("i", &[]);
        }
        self.x.text(text);
        if italic {
            self.x.close();
        }
        if bold {
            self.x.close();
        }
    }
}

/// The `eId` the export gives the paragraph `id` (see [`body`]).
fn anchor_eid(doc: &Document, id: &Id) -> Option<String> {
    let loc = doc.locate(id)?;
    let p = doc.at(&loc)?;
    let pre = match (loc.part, loc.depth()) {
        (crate::model::Part::Preamble, 0) => prefix::PREAMBULAR,
        (crate::model::Part::PartPreamble(_), 0) if p.subparagraphs.is_empty() => {
            prefix::CROSS_HEADING
        }
        (crate::model::Part::PartPreamble(_), 0) => prefix::HCONTAINER,
        (part, d) if part.is_preamble() && d > 0 => prefix::ITEM,
        (_, 0) => prefix::PARAGRAPH,
        _ => prefix::POINT,
    };
    Some(vocab::eid(pre, id.as_str()))
}

/// The id of the last top-level paragraph of the document.
fn last_paragraph(doc: &Document) -> Option<Id> {
    doc.parts()
        .into_iter()
        .rev()
        .find_map(|(_, list)| list.last().map(|p| p.id.clone()))
}
