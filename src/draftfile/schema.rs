//! Reading a draft file (formats 1 and 2; 2 adds headings, parts and annexes): serde structs that mirror the model, one TOML table a
//! paragraph, with the spans of ids kept so that validation can name lines.
//!
//! The layer is separate from the model so the file format stays stable when the model grows,
//! and unknown keys are refused (a misspelt `leed` is an error, not silently dropped). Absent
//! keys take their defaults. The header table is read straight into the model's [`Header`],
//! which carries the same serde attributes. Writing is done by [`super::emit`].

use crate::model::{
    Annex, DocKind, Document, Draft, Footnote, Header, Heading, Id, ListStyle, Paragraph,
    ResolutionPart, Revision, Section,
};
use serde::Deserialize;
use std::ops::Range;
use toml::Spanned;

/// A struct holding the keys of one document, with `$before` and `$after` fields around them,
/// and its `into_doc`. The top of the file and each revision's `document` table share these
/// keys but differ in what surrounds them; `#[serde(flatten)]` cannot be used as it defeats
/// both `deny_unknown_fields` and the id spans.
macro_rules! doc_file {
    ($(#[$meta:meta])* $name:ident { $($before:tt)* } { $($after:tt)* }) => {
        $(#[$meta])*
        #[derive(Debug, Deserialize, Default)]
        #[serde(deny_unknown_fields)]
        pub(super) struct $name {
            $($before)*
            #[serde(default)]
            pub kind: DocKind,
            #[serde(default)]
            pub authoring_body: String,
            #[serde(default = "one")]
            pub first_number: u32,
            #[serde(default)]
            pub notes: Vec<String>,
            #[serde(default)]
            pub header: Header,
            #[serde(default)]
            pub preamble: Vec<ParaFile>,
            #[serde(default)]
            pub operative: Vec<ParaFile>,
            #[serde(default)]
            pub headings: Vec<HeadingFile>,
            #[serde(default)]
            pub parts: Vec<PartFile>,
            #[serde(default)]
            pub sections: Vec<SectionFile>,
            #[serde(default)]
            pub annexes: Vec<AnnexFile>,
            #[serde(default)]
            pub footnotes: Vec<FootnoteFile>,
            $($after)*
        }

        impl $name {
            /// No keys given: every field at the default serde gives it.
            pub(super) fn blank() -> Self {
                Self {
                    first_number: 1,
                    ..Self::default()
                }
            }

            /// The document's keys and lists, to fill (see [`super::fast`]).
            pub(super) fn doc_mut(&mut self) -> DocMut<'_> {
                DocMut {
                    kind: &mut self.kind,
                    authoring_body: &mut self.authoring_body,
                    first_number: &mut self.first_number,
                    notes: &mut self.notes,
                    preamble: &mut self.preamble,
                    operative: &mut self.operative,
                    headings: &mut self.headings,
                    parts: &mut self.parts,
                    sections: &mut self.sections,
                    annexes: &mut self.annexes,
                    footnotes: &mut self.footnotes,
                }
            }

            /// The document, with the spans of its ids.
            fn into_doc(self) -> (Document, Spans) {
                // Paragraph spans are pushed in the order of `Document::walk`.
                let mut spans = Spans::default();
                let preamble = paras(self.preamble, &mut spans);
                let operative = paras(self.operative, &mut spans);
                let parts = self
                    .parts
                    .into_iter()
                    .map(|p| p.into_part(&mut spans))
                    .collect();
                let sections = self
                    .sections
                    .into_iter()
                    .map(|s| s.into_section(&mut spans.sections, &mut spans.paragraphs))
                    .collect();
                let annexes = self
                    .annexes
                    .into_iter()
                    .map(|a| a.into_annex(&mut spans))
                    .collect();
                let headings = self
                    .headings
                    .into_iter()
                    .map(|h| h.into_heading(&mut spans))
                    .collect();
                let footnotes = self
                    .footnotes
                    .into_iter()
                    .map(|f| f.into_footnote(&mut spans))
                    .collect();
                let doc = Document {
                    kind: self.kind,
                    header: self.header,
                    authoring_body: self.authoring_body,
                    preamble,
                    operative,
                    headings,
                    parts,
                    sections,
                    annexes,
                    first_number: self.first_number,
                    footnotes,
                    notes: self.notes,
                };
                (doc, spans)
            }
        }
    };
}

doc_file! {
    /// The whole file: format version, the current document, then the frozen revisions.
    FileV1 {
        /// Checked before this struct is read (see `check_version`); required here too.
        #[serde(rename = "format")]
        pub _format: u32,
    } {
        /// Named frozen stages of the draft, oldest first (kept last in the file).
        #[serde(default)]
        pub revisions: Vec<RevisionFile>,
        /// The negotiation of the current text (format 3), read straight into the model.
        #[serde(default)]
        pub negotiation: crate::model::Negotiation,
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RevisionFile {
    pub label: Spanned<String>,
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub note: String,
    pub document: DocFile,
}

doc_file! {
    /// The document of a revision: the same keys as the top of the file.
    DocFile {} {}
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ParaFile {
    pub id: Spanned<String>,
    #[serde(default)]
    pub lead: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub list_style: ListStyle,
    #[serde(default)]
    pub subparagraphs: Vec<ParaFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SectionFile {
    pub id: Spanned<String>,
    #[serde(default = "one_u8")]
    pub level: u8,
    #[serde(default)]
    pub label: String,
    #[serde(default)]
    pub heading: String,
    #[serde(default = "yes")]
    pub numbered: bool,
    #[serde(default)]
    pub paragraphs: Vec<ParaFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct HeadingFile {
    pub id: Spanned<String>,
    #[serde(default = "one_u8")]
    pub level: u8,
    #[serde(default)]
    pub label: String,
    #[serde(default)]
    pub heading: String,
    pub before: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PartFile {
    pub id: Spanned<String>,
    #[serde(default)]
    pub label: String,
    #[serde(default)]
    pub heading: String,
    #[serde(default)]
    pub preamble: Vec<ParaFile>,
    #[serde(default)]
    pub operative: Vec<ParaFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct AnnexFile {
    pub id: Spanned<String>,
    #[serde(default)]
    pub label: String,
    #[serde(default)]
    pub title: String,
    #[serde(default = "yes")]
    pub numbered: bool,
    #[serde(default)]
    pub paragraphs: Vec<ParaFile>,
    #[serde(default)]
    pub sections: Vec<SectionFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FootnoteFile {
    pub id: Spanned<String>,
    pub anchor: Spanned<String>,
    pub text: String,
}

fn one() -> u32 {
    1
}
fn one_u8() -> u8 {
    1
}
fn yes() -> bool {
    true
}

/// The keys and lists of one document (the top of the file or a revision's), to fill.
pub(super) struct DocMut<'a> {
    pub kind: &'a mut DocKind,
    pub authoring_body: &'a mut String,
    pub first_number: &'a mut u32,
    pub notes: &'a mut Vec<String>,
    pub preamble: &'a mut Vec<ParaFile>,
    pub operative: &'a mut Vec<ParaFile>,
    pub headings: &'a mut Vec<HeadingFile>,
    pub parts: &'a mut Vec<PartFile>,
    pub sections: &'a mut Vec<SectionFile>,
    pub annexes: &'a mut Vec<AnnexFile>,
    pub footnotes: &'a mut Vec<FootnoteFile>,
}

/// Where the ids of one document stand in the file, in the model's walk order.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Spans {
    /// Paragraphs and sub-paragraphs, in [`Document::walk`] order.
    pub paragraphs: Vec<Range<usize>>,
    pub sections: Vec<Range<usize>>,
    /// (id span, `before` span) of each heading, in list order.
    pub headings: Vec<(Range<usize>, Range<usize>)>,
    pub parts: Vec<Range<usize>>,
    pub annexes: Vec<Range<usize>>,
    /// The sections of the annexes, annex by annex.
    pub annex_sections: Vec<Range<usize>>,
    /// (id span, anchor span) of each footnote, in list order.
    pub footnotes: Vec<(Range<usize>, Range<usize>)>,
}

impl FileV1 {
    /// The draft, with the id spans of the current document and of each revision (label span,
    /// spans) in order.
    pub fn into_draft(mut self) -> (Draft, Spans, Vec<(Range<usize>, Spans)>) {
        let revision_files = std::mem::take(&mut self.revisions);
        let negotiation = std::mem::take(&mut self.negotiation);
        let (document, spans) = self.into_doc();
        let mut revisions = Vec::new();
        let mut rev_spans = Vec::new();
        for r in revision_files {
            let label_span = r.label.span();
            let (document, spans) = r.document.into_doc();
            revisions.push(Revision {
                label: r.label.into_inner(),
                date: r.date,
                note: r.note,
                document,
            });
            rev_spans.push((label_span, spans));
        }
        (
            Draft {
                document,
                revisions,
                negotiation,
            },
            spans,
            rev_spans,
        )
    }
}

/// Paragraphs of one list; pushes their id spans in walk order.
fn paras(list: Vec<ParaFile>, spans: &mut Spans) -> Vec<Paragraph> {
    para_list(list, &mut spans.paragraphs)
}

fn para_list(list: Vec<ParaFile>, spans: &mut Vec<Range<usize>>) -> Vec<Paragraph> {
    list.into_iter().map(|p| p.into_para(spans)).collect()
}

impl SectionFile {
    /// The section; its id span goes to `ids`, its paragraphs' to `paragraphs`.
    fn into_section(
        self,
        ids: &mut Vec<Range<usize>>,
        paragraphs: &mut Vec<Range<usize>>,
    ) -> Section {
        ids.push(self.id.span());
        Section {
            id: Id(self.id.into_inner()),
            level: self.level,
            label: self.label,
            heading: self.heading,
            numbered: self.numbered,
            paragraphs: para_list(self.paragraphs, paragraphs),
        }
    }
}

impl HeadingFile {
    fn into_heading(self, spans: &mut Spans) -> Heading {
        spans.headings.push((self.id.span(), self.before.span()));
        Heading {
            id: Id(self.id.into_inner()),
            level: self.level,
            label: self.label,
            heading: self.heading,
            before: Id(self.before.into_inner()),
        }
    }
}

impl PartFile {
    fn into_part(self, spans: &mut Spans) -> ResolutionPart {
        spans.parts.push(self.id.span());
        ResolutionPart {
            id: Id(self.id.into_inner()),
            label: self.label,
            heading: self.heading,
            preamble: paras(self.preamble, spans),
            operative: paras(self.operative, spans),
        }
    }
}

impl AnnexFile {
    fn into_annex(self, spans: &mut Spans) -> Annex {
        spans.annexes.push(self.id.span());
        let paragraphs = paras(self.paragraphs, spans);
        let sections = self
            .sections
            .into_iter()
            .map(|s| s.into_section(&mut spans.annex_sections, &mut spans.paragraphs))
            .collect();
        Annex {
            id: Id(self.id.into_inner()),
            label: self.label,
            title: self.title,
            numbered: self.numbered,
            paragraphs,
            sections,
        }
    }
}

impl FootnoteFile {
    fn into_footnote(self, spans: &mut Spans) -> Footnote {
        spans.footnotes.push((self.id.span(), self.anchor.span()));
        Footnote {
            id: Id(self.id.into_inner()),
            anchor: Id(self.anchor.into_inner()),
            text: self.text,
        }
    }
}

impl ParaFile {
    /// The paragraph; pushes the id spans of it and its descendants in walk order.
    fn into_para(self, spans: &mut Vec<Range<usize>>) -> Paragraph {
        spans.push(self.id.span());
        Paragraph {
            id: Id(self.id.into_inner()),
            lead: self.lead,
            text: self.text,
            list_style: self.list_style,
            subparagraphs: self
                .subparagraphs
                .into_iter()
                .map(|sp| sp.into_para(spans))
                .collect(),
        }
    }
}
