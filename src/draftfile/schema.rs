//! Reading a draft file (format 1): serde structs that mirror the model, one TOML table a
//! paragraph, with the spans of ids kept so that validation can name lines.
//!
//! The layer is separate from the model so the file format stays stable when the model grows,
//! and unknown keys are refused (a misspelt `leed` is an error, not silently dropped). Absent
//! keys take their defaults. Writing is done by [`super::emit`].

use crate::model::{
    DocKind, Document, Draft, Footnote, Header, Id, ListStyle, Paragraph, Revision, Section,
};
use serde::Deserialize;
use std::ops::Range;
use toml::Spanned;

/// The whole file: format version, the current document, then the frozen revisions.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FileV1 {
    /// Checked before this struct is read (see `check_version`); required here too.
    #[serde(rename = "format")]
    pub _format: u32,
    #[serde(default)]
    pub kind: DocKind,
    #[serde(default)]
    pub authoring_body: String,
    #[serde(default = "one")]
    pub first_number: u32,
    #[serde(default)]
    pub notes: Vec<String>,
    #[serde(default)]
    pub header: HeaderFile,
    #[serde(default)]
    pub preamble: Vec<ParaFile>,
    #[serde(default)]
    pub operative: Vec<ParaFile>,
    #[serde(default)]
    pub sections: Vec<SectionFile>,
    #[serde(default)]
    pub footnotes: Vec<FootnoteFile>,
    /// Named frozen stages of the draft, oldest first (kept last in the file).
    #[serde(default)]
    pub revisions: Vec<RevisionFile>,
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

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DocFile {
    #[serde(default)]
    pub kind: DocKind,
    #[serde(default)]
    pub authoring_body: String,
    #[serde(default = "one")]
    pub first_number: u32,
    #[serde(default)]
    pub notes: Vec<String>,
    #[serde(default)]
    pub header: HeaderFile,
    #[serde(default)]
    pub preamble: Vec<ParaFile>,
    #[serde(default)]
    pub operative: Vec<ParaFile>,
    #[serde(default)]
    pub sections: Vec<SectionFile>,
    #[serde(default)]
    pub footnotes: Vec<FootnoteFile>,
}

/// The header block; every field optional, empty ones left out on save.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(super) struct HeaderFile {
    pub issuing_body: String,
    pub organ: String,
    pub symbol: String,
    pub distribution: String,
    pub date: String,
    pub original_language: String,
    pub session: String,
    pub place_and_dates: String,
    pub agenda_item: String,
    pub agenda_title: String,
    pub sponsors: Vec<String>,
    pub sponsors_note: String,
    pub stage: String,
    pub title: String,
    pub adoption: String,
    pub committee_reference: String,
    pub resolution_number: String,
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

/// Where the ids of one document stand in the file, in the model's walk order.
#[derive(Debug, Default)]
pub(super) struct Spans {
    /// Paragraphs and sub-paragraphs, in [`Document::walk`] order.
    pub paragraphs: Vec<Range<usize>>,
    pub sections: Vec<Range<usize>>,
    /// (id span, anchor span) of each footnote, in list order.
    pub footnotes: Vec<(Range<usize>, Range<usize>)>,
}

impl FileV1 {
    /// The draft, with the id spans of the current document and of each revision (label span,
    /// spans) in order.
    pub fn into_draft(self) -> (Draft, Spans, Vec<(Range<usize>, Spans)>) {
        let current = DocFile {
            kind: self.kind,
            authoring_body: self.authoring_body,
            first_number: self.first_number,
            notes: self.notes,
            header: self.header,
            preamble: self.preamble,
            operative: self.operative,
            sections: self.sections,
            footnotes: self.footnotes,
        };
        let (document, spans) = current.into_doc();
        let mut revisions = Vec::new();
        let mut rev_spans = Vec::new();
        for r in self.revisions {
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
            },
            spans,
            rev_spans,
        )
    }
}

impl DocFile {
    fn into_doc(self) -> (Document, Spans) {
        let mut spans = Spans::default();
        let paras = |list: Vec<ParaFile>, spans: &mut Spans| -> Vec<Paragraph> {
            list.into_iter()
                .map(|p| p.into_para(&mut spans.paragraphs))
                .collect()
        };
        let preamble = paras(self.preamble, &mut spans);
        let operative = paras(self.operative, &mut spans);
        let mut sections = Vec::new();
        for s in self.sections {
            spans.sections.push(s.id.span());
            sections.push(Section {
                id: Id(s.id.into_inner()),
                level: s.level,
                label: s.label,
                heading: s.heading,
                numbered: s.numbered,
                paragraphs: paras(s.paragraphs, &mut spans),
            });
        }
        let footnotes = self
            .footnotes
            .into_iter()
            .map(|f| {
                spans.footnotes.push((f.id.span(), f.anchor.span()));
                Footnote {
                    id: Id(f.id.into_inner()),
                    anchor: Id(f.anchor.into_inner()),
                    text: f.text,
                }
            })
            .collect();
        let doc = Document {
            kind: self.kind,
            header: self.header.into_header(),
            authoring_body: self.authoring_body,
            preamble,
            operative,
            sections,
            first_number: self.first_number,
            footnotes,
            notes: self.notes,
        };
        (doc, spans)
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

impl HeaderFile {
    fn into_header(self) -> Header {
        let HeaderFile {
            issuing_body,
            organ,
            symbol,
            distribution,
            date,
            original_language,
            session,
            place_and_dates,
            agenda_item,
            agenda_title,
            sponsors,
            sponsors_note,
            stage,
            title,
            adoption,
            committee_reference,
            resolution_number,
        } = self;
        Header {
            issuing_body,
            organ,
            symbol,
            distribution,
            date,
            original_language,
            session,
            place_and_dates,
            agenda_item,
            agenda_title,
            sponsors,
            sponsors_note,
            stage,
            title,
            adoption,
            committee_reference,
            resolution_number,
        }
    }
}
