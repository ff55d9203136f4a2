//! The document model: a draft resolution or a report as structured data.
//!
//! Pure data with no terminal or file code. Numbers, letters and footnote numbers are never
//! stored: they are derived from position (see [`crate::numbering`]). Every paragraph,
//! sub-paragraph, section and footnote carries a stable [`Id`] that survives editing, moving
//! and renumbering.
//!
//! Beside the preamble and operative part, a resolution may hold headings, parts numbered
//! afresh and annexes (see [`structure`]); every paragraph list of the document is named by
//! a [`Part`], so paragraph operations, numbering and walks reach them all.
//!
//! Text is kept as a plain string with light inline markup (see [`crate::markup`]):
//! `*italic*`, `**bold**`, and a footnote marker `[^f3]` naming the footnote's id.

use serde::{Deserialize, Serialize};
use std::fmt;

mod negotiation;
mod rename;
mod structure;
pub use negotiation::{
    Alternative, Bracket, Delegation, Negotiation, Proposal, ProposalState, ProposedChange, Status,
};
pub use structure::{Annex, Heading, ResolutionPart};

/// A stable identifier ("p12", "f3", "s2"). Unique inside one document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(transparent)]
pub struct Id(pub String);

impl Id {
    pub fn new(s: impl Into<String>) -> Self {
        Id(s.into())
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What kind of document this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum DocKind {
    #[default]
    Resolution,
    Report,
    /// An amendment document ("Belarus: amendment to draft resolution A/80/L.27"): its header
    /// and its instructions, one operative paragraph each, with the new paragraphs they quote
    /// as sub-paragraphs (see [`crate::amend::document`]).
    Amendment,
}

impl DocKind {
    /// The name in draft files and JSON ("resolution", "report", "amendment").
    pub fn name(self) -> &'static str {
        match self {
            DocKind::Resolution => "resolution",
            DocKind::Report => "report",
            DocKind::Amendment => "amendment",
        }
    }

    /// The kind a name gives ([`DocKind::name`]).
    pub fn from_name(name: &str) -> Option<DocKind> {
        [DocKind::Resolution, DocKind::Report, DocKind::Amendment]
            .into_iter()
            .find(|k| k.name() == name)
    }
}

/// The header block of a UN document. Empty strings mean "absent".
///
/// Read directly from the `[header]` table of a draft file, so unknown keys are refused and
/// absent ones take their defaults.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct Header {
    /// "General Assembly", "Economic and Social Council", "Conference of the Parties to …".
    pub issuing_body: String,
    /// The organ when different from the issuing body ("Commission on Crime Prevention …").
    pub organ: String,
    /// Document symbol, e.g. "E/CN.15/2021/L.4/Rev.1".
    pub symbol: String,
    /// "Limited", "General".
    pub distribution: String,
    pub date: String,
    /// Original language ("English").
    pub original_language: String,
    /// "Thirtieth session".
    pub session: String,
    /// "Vienna, 17–21 May 2021".
    pub place_and_dates: String,
    /// "6 (a)".
    pub agenda_item: String,
    pub agenda_title: String,
    /// Member States sponsoring the draft, in order.
    pub sponsors: Vec<String>,
    /// The note on sponsors ("* Any changes to the list of sponsors …"), when present.
    pub sponsors_note: String,
    /// "draft resolution", "revised draft resolution".
    pub stage: String,
    pub title: String,
    /// For adopted resolutions: "Resolution adopted by the General Assembly on 10 October 2025".
    pub adoption: String,
    /// For adopted resolutions: "[without reference to a Main Committee (A/80/L.6)]".
    pub committee_reference: String,
    /// For adopted resolutions: the resolution number ("80/4").
    pub resolution_number: String,
}

/// A paragraph: preambular, operative, a report paragraph, or a sub-paragraph of any of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Paragraph {
    pub id: Id,
    /// The opening phrase ("Recalling", "Also requests"), without markup. May be empty.
    #[serde(default)]
    pub lead: String,
    /// The rest of the paragraph after the lead, with inline markup.
    #[serde(default)]
    pub text: String,
    /// How this paragraph's sub-paragraphs are labelled.
    #[serde(default, skip_serializing_if = "ListStyle::is_default")]
    pub list_style: ListStyle,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subparagraphs: Vec<Paragraph>,
}

/// A paragraph's opening phrase and text as printed: a space between them, none before a
/// text that opens with punctuation (“*Reaffirming*, in all its aspects”, not
/// “Reaffirming , in”).
pub fn join_lead(lead: &str, text: &str) -> String {
    match (lead.is_empty(), text.is_empty()) {
        (true, _) => text.to_string(),
        (false, true) => lead.to_string(),
        (false, false) => {
            // Sized once: `format!` would grow the string a few times for a long text.
            let mut s = String::with_capacity(lead.len() + 1 + text.len());
            s.push_str(lead);
            if !text.starts_with([',', ';', ':', '.', ')']) {
                s.push(' ');
            }
            s.push_str(text);
            s
        }
    }
}

/// The labelling of a list of sub-paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum ListStyle {
    /// UN practice by depth: (a), (b) …; then (i), (ii) …; then a., b.; then i., ii.
    #[default]
    Default,
    /// A numbered list nested inside a paragraph ("1. Organizational matters").
    Numeric,
    /// The new text an amendment's instruction quotes ("… to read: …"), each quoted
    /// paragraph printed under the instruction with no label.
    Quoted,
}

impl ListStyle {
    pub fn is_default(&self) -> bool {
        *self == ListStyle::Default
    }
}

impl Paragraph {
    pub fn new(id: Id, lead: impl Into<String>, text: impl Into<String>) -> Self {
        Paragraph {
            id,
            lead: lead.into(),
            text: text.into(),
            list_style: ListStyle::Default,
            subparagraphs: Vec::new(),
        }
    }

    /// The lead and the text joined by a space (markup kept).
    pub fn full_text(&self) -> String {
        join_lead(&self.lead, &self.text)
    }

    /// Visits this paragraph and all its descendants in document order.
    pub fn walk<'a>(&'a self, f: &mut dyn FnMut(&'a Paragraph)) {
        f(self);
        for sp in &self.subparagraphs {
            sp.walk(f);
        }
    }

    /// Finds this paragraph or a descendant by id.
    pub fn find(&self, id: &Id) -> Option<&Paragraph> {
        if &self.id == id {
            return Some(self);
        }
        self.subparagraphs.iter().find_map(|sp| sp.find(id))
    }

    pub fn find_mut(&mut self, id: &Id) -> Option<&mut Paragraph> {
        if &self.id == id {
            return Some(self);
        }
        self.subparagraphs.iter_mut().find_map(|sp| sp.find_mut(id))
    }
}

/// A section of a report ("II. Recommendations", "A. Prevention").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Section {
    pub id: Id,
    /// 1 for a chapter ("II."), 2 for a lettered sub-section ("A."), 3 below that.
    #[serde(default = "one")]
    pub level: u8,
    /// The label as printed ("II", "A"); empty when the document gives none. Section labels are
    /// kept as printed because report extracts and addenda continue the numbering of a parent
    /// document ("II. Recommendations (continued)").
    #[serde(default)]
    pub label: String,
    #[serde(default)]
    pub heading: String,
    /// Whether the paragraphs of this section take part in the report's paragraph numbering
    /// (false for an annex or a table of documents).
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub numbered: bool,
    #[serde(default)]
    pub paragraphs: Vec<Paragraph>,
}

pub(crate) fn one() -> u8 {
    1
}
pub(crate) fn yes() -> bool {
    true
}
fn is_true(b: &bool) -> bool {
    *b
}

/// A footnote. Its number is derived from the order of the markers in the text; `anchor` is
/// the id of the paragraph or sub-paragraph whose text holds the marker `[^id]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Footnote {
    pub id: Id,
    pub anchor: Id,
    pub text: String,
}

/// A whole document: the current text of a draft, or one of its frozen revisions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Document {
    pub kind: DocKind,
    pub header: Header,
    /// "The General Assembly," (kept without the trailing comma).
    pub authoring_body: String,
    pub preamble: Vec<Paragraph>,
    pub operative: Vec<Paragraph>,
    /// Headings standing inside the resolution, each before a paragraph (in document order).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub headings: Vec<Heading>,
    /// Parts of the resolution with their own preamble and numbering from 1, after the
    /// preamble and operative part above (which are then usually empty).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<ResolutionPart>,
    /// Report sections (empty for a resolution).
    pub sections: Vec<Section>,
    /// Annexes, after the resolution.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub annexes: Vec<Annex>,
    /// The number of a report's first numbered paragraph (1 unless the text is an extract).
    #[serde(default = "one_u32")]
    pub first_number: u32,
    pub footnotes: Vec<Footnote>,
    /// Text an importer could not place, kept rather than dropped; also the closing line of
    /// an adopted resolution.
    pub notes: Vec<String>,
}

fn one_u32() -> u32 {
    1
}

/// A named, frozen stage of a draft ("L.6", "L.6/Rev.1").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Revision {
    pub label: String,
    /// ISO date (YYYY-MM-DD) of the freeze.
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub note: String,
    pub document: Document,
}

/// A draft: the current text and its named revisions, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Draft {
    pub document: Document,
    #[serde(default)]
    pub revisions: Vec<Revision>,
    /// The negotiation of the current text (delegations, proposals, brackets, statuses);
    /// empty for a draft that is not being negotiated.
    #[serde(default, skip_serializing_if = "Negotiation::is_empty")]
    pub negotiation: Negotiation,
}

impl Draft {
    pub fn new(document: Document) -> Self {
        Draft {
            document,
            revisions: Vec::new(),
            negotiation: Negotiation::default(),
        }
    }

    pub fn revision(&self, label: &str) -> Option<&Revision> {
        self.revisions.iter().find(|r| r.label == label)
    }
}

/// Which list of paragraphs a paragraph belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Part {
    Preamble,
    Operative,
    /// The paragraphs of report section `n` (index into `Document::sections`).
    Section(usize),
    /// The preamble of resolution part `n` (index into `Document::parts`).
    PartPreamble(usize),
    /// The operative paragraphs of resolution part `n`.
    PartOperative(usize),
    /// The paragraphs of annex `n` before its sections (index into `Document::annexes`).
    Annex(usize),
    /// The paragraphs of section `s` of annex `a`.
    AnnexSection(usize, usize),
}

impl Part {
    /// A preamble: the resolution's or a part's.
    pub fn is_preamble(self) -> bool {
        matches!(self, Part::Preamble | Part::PartPreamble(_))
    }

    /// An operative part: the resolution's or a part's.
    pub fn is_operative(self) -> bool {
        matches!(self, Part::Operative | Part::PartOperative(_))
    }

    /// The resolution part this list belongs to, if any.
    pub fn resolution_part(self) -> Option<usize> {
        match self {
            Part::PartPreamble(k) | Part::PartOperative(k) => Some(k),
            _ => None,
        }
    }

    /// The annex this list belongs to, if any.
    pub fn annex(self) -> Option<usize> {
        match self {
            Part::Annex(a) | Part::AnnexSection(a, _) => Some(a),
            _ => None,
        }
    }

    /// A key that sorts lists in document order (see [`Document::part_keys`]).
    pub fn order_key(self) -> (u8, usize, usize) {
        match self {
            Part::Preamble => (0, 0, 0),
            Part::Operative => (0, 0, 1),
            Part::PartPreamble(k) => (1, k, 0),
            Part::PartOperative(k) => (1, k, 1),
            Part::Section(i) => (2, i, 0),
            Part::Annex(a) => (3, a, 0),
            Part::AnnexSection(a, s) => (3, a, s + 1),
        }
    }

    /// The preamble or operative list of the same resolution part (top level or part `k`).
    pub fn sibling(self, operative: bool) -> Part {
        match (self.resolution_part(), operative) {
            (Some(k), true) => Part::PartOperative(k),
            (Some(k), false) => Part::PartPreamble(k),
            (None, true) => Part::Operative,
            (None, false) => Part::Preamble,
        }
    }
}

/// Where a paragraph stands: its part and the index path (top-level index, then sub-paragraph
/// indices).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Location {
    pub part: Part,
    pub path: Vec<usize>,
}

impl Location {
    pub fn depth(&self) -> usize {
        self.path.len().saturating_sub(1)
    }
    pub fn top(&self) -> usize {
        self.path.first().copied().unwrap_or(0)
    }
}

impl Document {
    pub fn new(kind: DocKind) -> Self {
        Document {
            kind,
            first_number: 1,
            ..Default::default()
        }
    }

    /// The top-level paragraph lists of the document with their part, in document order:
    /// preamble, operative part, resolution parts, report sections, annexes.
    pub fn parts(&self) -> Vec<(Part, &Vec<Paragraph>)> {
        self.part_keys()
            .into_iter()
            .filter_map(|k| self.part(k).map(|l| (k, l)))
            .collect()
    }

    /// Every paragraph list of the document, in document order.
    pub fn part_keys(&self) -> Vec<Part> {
        let mut out = vec![Part::Preamble, Part::Operative];
        for k in 0..self.parts.len() {
            out.push(Part::PartPreamble(k));
            out.push(Part::PartOperative(k));
        }
        out.extend((0..self.sections.len()).map(Part::Section));
        for (a, annex) in self.annexes.iter().enumerate() {
            out.push(Part::Annex(a));
            out.extend((0..annex.sections.len()).map(|s| Part::AnnexSection(a, s)));
        }
        out
    }

    pub fn part(&self, part: Part) -> Option<&Vec<Paragraph>> {
        match part {
            Part::Preamble => Some(&self.preamble),
            Part::Operative => Some(&self.operative),
            Part::Section(i) => self.sections.get(i).map(|s| &s.paragraphs),
            Part::PartPreamble(k) => self.parts.get(k).map(|p| &p.preamble),
            Part::PartOperative(k) => self.parts.get(k).map(|p| &p.operative),
            Part::Annex(a) => self.annexes.get(a).map(|x| &x.paragraphs),
            Part::AnnexSection(a, s) => self
                .annexes
                .get(a)
                .and_then(|x| x.sections.get(s))
                .map(|s| &s.paragraphs),
        }
    }

    pub fn part_mut(&mut self, part: Part) -> Option<&mut Vec<Paragraph>> {
        match part {
            Part::Preamble => Some(&mut self.preamble),
            Part::Operative => Some(&mut self.operative),
            Part::Section(i) => self.sections.get_mut(i).map(|s| &mut s.paragraphs),
            Part::PartPreamble(k) => self.parts.get_mut(k).map(|p| &mut p.preamble),
            Part::PartOperative(k) => self.parts.get_mut(k).map(|p| &mut p.operative),
            Part::Annex(a) => self.annexes.get_mut(a).map(|x| &mut x.paragraphs),
            Part::AnnexSection(a, s) => self
                .annexes
                .get_mut(a)
                .and_then(|x| x.sections.get_mut(s))
                .map(|s| &mut s.paragraphs),
        }
    }

    /// Visits every paragraph and sub-paragraph of every list, to change, in document order.
    pub fn walk_mut(&mut self, f: &mut dyn FnMut(&mut Paragraph)) {
        fn visit(list: &mut [Paragraph], f: &mut dyn FnMut(&mut Paragraph)) {
            for p in list {
                f(p);
                visit(&mut p.subparagraphs, f);
            }
        }
        for part in self.part_keys() {
            if let Some(list) = self.part_mut(part) {
                visit(list, f);
            }
        }
    }

    /// The headings standing before the paragraph with this id, in order.
    pub fn headings_before(&self, id: &Id) -> impl Iterator<Item = &Heading> {
        self.headings.iter().filter(move |h| &h.before == id)
    }

    /// Visits every paragraph and sub-paragraph in document order with its location.
    pub fn walk<'a>(&'a self, f: &mut dyn FnMut(&'a Paragraph, &Location)) {
        fn rec<'a>(
            p: &'a Paragraph,
            loc: &mut Location,
            f: &mut dyn FnMut(&'a Paragraph, &Location),
        ) {
            f(p, loc);
            for (i, sp) in p.subparagraphs.iter().enumerate() {
                loc.path.push(i);
                rec(sp, loc, f);
                loc.path.pop();
            }
        }
        for (part, list) in self.parts() {
            for (i, p) in list.iter().enumerate() {
                let mut loc = Location {
                    part,
                    path: vec![i],
                };
                rec(p, &mut loc, f);
            }
        }
    }

    /// All paragraphs and sub-paragraphs in document order.
    pub fn paragraphs(&self) -> Vec<(&Paragraph, Location)> {
        let mut out = Vec::new();
        self.walk(&mut |p, loc| out.push((p, loc.clone())));
        out
    }

    pub fn paragraph_count(&self) -> usize {
        let mut n = 0;
        self.walk(&mut |_, _| n += 1);
        n
    }

    /// Finds a paragraph or sub-paragraph by id.
    pub fn find(&self, id: &Id) -> Option<&Paragraph> {
        self.parts()
            .into_iter()
            .find_map(|(_, list)| list.iter().find_map(|p| p.find(id)))
    }

    pub fn find_mut(&mut self, id: &Id) -> Option<&mut Paragraph> {
        let key = self.part_keys().into_iter().find(|k| {
            self.part(*k)
                .is_some_and(|l| l.iter().any(|p| p.find(id).is_some()))
        })?;
        self.part_mut(key)?.iter_mut().find_map(|p| p.find_mut(id))
    }

    /// Where the paragraph with this id stands.
    pub fn locate(&self, id: &Id) -> Option<Location> {
        let mut found = None;
        self.walk(&mut |p, loc| {
            if found.is_none() && &p.id == id {
                found = Some(loc.clone());
            }
        });
        found
    }

    /// The paragraph at a location.
    pub fn at(&self, loc: &Location) -> Option<&Paragraph> {
        let list = self.part(loc.part)?;
        let (first, rest) = loc.path.split_first()?;
        let mut p = list.get(*first)?;
        for i in rest {
            p = p.subparagraphs.get(*i)?;
        }
        Some(p)
    }

    /// The paragraph at a location, to change.
    pub fn at_mut(&mut self, loc: &Location) -> Option<&mut Paragraph> {
        let (first, rest) = loc.path.split_first()?;
        let mut p = self.part_mut(loc.part)?.get_mut(*first)?;
        for i in rest {
            p = p.subparagraphs.get_mut(*i)?;
        }
        Some(p)
    }

    /// Every id in the document (paragraphs, headings, parts, sections, annexes, footnotes).
    pub fn all_ids(&self) -> Vec<&Id> {
        let mut ids: Vec<&Id> = Vec::new();
        self.walk(&mut |p, _| ids.push(&p.id));
        ids.extend(self.headings.iter().map(|h| &h.id));
        ids.extend(self.parts.iter().map(|p| &p.id));
        ids.extend(self.sections.iter().map(|s| &s.id));
        for a in &self.annexes {
            ids.push(&a.id);
            ids.extend(a.sections.iter().map(|s| &s.id));
        }
        ids.extend(self.footnotes.iter().map(|f| &f.id));
        ids
    }

    /// A new id with this prefix ("p", "f", "s", "h", "part", "annex") that is not used anywhere in the document.
    pub fn fresh_id(&self, prefix: &str) -> Id {
        let max = self
            .all_ids()
            .iter()
            .filter_map(|id| id.0.strip_prefix(prefix))
            .filter_map(|n| n.parse::<u64>().ok())
            .max()
            .unwrap_or(0);
        Id(format!("{prefix}{}", max + 1))
    }

    /// `n` fresh ids with this prefix.
    pub fn fresh_ids(&self, prefix: &str, n: usize) -> Vec<Id> {
        let first = self.fresh_id(prefix);
        let start: u64 = first.0[prefix.len()..].parse().unwrap_or(1);
        (0..n as u64)
            .map(|k| Id(format!("{prefix}{}", start + k)))
            .collect()
    }

    pub fn footnote(&self, id: &Id) -> Option<&Footnote> {
        self.footnotes.iter().find(|f| &f.id == id)
    }

    pub fn is_report(&self) -> bool {
        self.kind == DocKind::Report
    }

    /// Whether this is an amendment document (instructions, not a resolution's paragraphs).
    pub fn is_amendment(&self) -> bool {
        self.kind == DocKind::Amendment
    }

    /// In an amendment document, marks the paragraphs under each instruction as the text it
    /// quotes ([`ListStyle::Quoted`]), as every reader of one builds them.
    pub fn mark_quotations(&mut self) {
        if self.is_amendment() {
            for p in &mut self.operative {
                p.list_style = ListStyle::Quoted;
            }
        }
    }
}
