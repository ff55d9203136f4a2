//! The on-disk shape of a draft file (format 1): serde structs that mirror the model, one TOML
//! table a paragraph, with the spans of ids kept so that validation can name lines.
//!
//! The layer is separate from the model so the file format stays stable when the model grows,
//! unknown keys are refused (a misspelt `leed` is an error, not silently dropped), and empty
//! values are left out of the file to keep it short and diff-friendly.

use crate::model::{
    DocKind, Document, Draft, Footnote, Header, Id, ListStyle, Paragraph, Revision, Section,
};
use serde::{Deserialize, Serialize};
use std::ops::Range;
use toml::Spanned;

/// The whole file: format version, the current document, then the frozen revisions.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FileV1 {
    pub format: u32,
    #[serde(default)]
    pub kind: DocKind,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub authoring_body: String,
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub first_number: u32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    #[serde(default)]
    pub header: HeaderFile,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub preamble: Vec<ParaFile>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub operative: Vec<ParaFile>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<SectionFile>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub footnotes: Vec<FootnoteFile>,
    /// Named frozen stages of the draft, oldest first (kept last in the file).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub revisions: Vec<RevisionFile>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RevisionFile {
    pub label: Spanned<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    pub document: DocFile,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DocFile {
    #[serde(default)]
    pub kind: DocKind,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub authoring_body: String,
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub first_number: u32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    #[serde(default)]
    pub header: HeaderFile,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub preamble: Vec<ParaFile>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub operative: Vec<ParaFile>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<SectionFile>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub footnotes: Vec<FootnoteFile>,
}

/// The header block; every field optional, empty ones left out on save.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(super) struct HeaderFile {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub issuing_body: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub organ: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub symbol: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub distribution: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub date: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub original_language: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub session: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub place_and_dates: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub agenda_item: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub agenda_title: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sponsors: Vec<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub sponsors_note: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub stage: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub title: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub adoption: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub committee_reference: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub resolution_number: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ParaFile {
    pub id: Spanned<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub lead: String,
    #[serde(default)]
    pub text: String,
    #[serde(default, skip_serializing_if = "ListStyle::is_default")]
    pub list_style: ListStyle,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subparagraphs: Vec<ParaFile>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SectionFile {
    pub id: Spanned<String>,
    #[serde(default = "one_u8")]
    pub level: u8,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    #[serde(default)]
    pub heading: String,
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub numbered: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paragraphs: Vec<ParaFile>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FootnoteFile {
    pub id: Spanned<String>,
    pub anchor: Spanned<String>,
    pub text: String,
}

fn one() -> u32 {
    1
}
fn is_one(n: &u32) -> bool {
    *n == 1
}
fn one_u8() -> u8 {
    1
}
fn yes() -> bool {
    true
}
fn is_true(b: &bool) -> bool {
    *b
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

/// A value to serialise (the span only matters when reading).
fn spanned(s: &str) -> Spanned<String> {
    Spanned::new(0..0, s.to_string())
}

impl FileV1 {
    pub fn from_draft(draft: &Draft, format: u32) -> Self {
        let d = DocFile::from_doc(&draft.document);
        FileV1 {
            format,
            kind: d.kind,
            authoring_body: d.authoring_body,
            first_number: d.first_number,
            notes: d.notes,
            header: d.header,
            preamble: d.preamble,
            operative: d.operative,
            sections: d.sections,
            footnotes: d.footnotes,
            revisions: draft
                .revisions
                .iter()
                .map(|r| RevisionFile {
                    label: spanned(&r.label),
                    date: r.date.clone(),
                    note: r.note.clone(),
                    document: DocFile::from_doc(&r.document),
                })
                .collect(),
        }
    }

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
    fn from_doc(doc: &Document) -> Self {
        DocFile {
            kind: doc.kind,
            authoring_body: doc.authoring_body.clone(),
            first_number: doc.first_number,
            notes: doc.notes.clone(),
            header: HeaderFile::from_header(&doc.header),
            preamble: doc.preamble.iter().map(ParaFile::from_para).collect(),
            operative: doc.operative.iter().map(ParaFile::from_para).collect(),
            sections: doc
                .sections
                .iter()
                .map(|s| SectionFile {
                    id: spanned(s.id.as_str()),
                    level: s.level,
                    label: s.label.clone(),
                    heading: s.heading.clone(),
                    numbered: s.numbered,
                    paragraphs: s.paragraphs.iter().map(ParaFile::from_para).collect(),
                })
                .collect(),
            footnotes: doc
                .footnotes
                .iter()
                .map(|f| FootnoteFile {
                    id: spanned(f.id.as_str()),
                    anchor: spanned(f.anchor.as_str()),
                    text: f.text.clone(),
                })
                .collect(),
        }
    }

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
    fn from_para(p: &Paragraph) -> Self {
        ParaFile {
            id: spanned(p.id.as_str()),
            lead: p.lead.clone(),
            text: p.text.clone(),
            list_style: p.list_style,
            subparagraphs: p.subparagraphs.iter().map(ParaFile::from_para).collect(),
        }
    }

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
    fn from_header(h: &Header) -> Self {
        // Destructured in full so that a new header field fails to compile here until the
        // file format learns it.
        let Header {
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
        } = h.clone();
        HeaderFile {
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
