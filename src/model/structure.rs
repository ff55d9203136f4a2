//! The structure a real resolution has beside its paragraphs: headings that stand inside it
//! (“I. Report of the Commission”, “A. Prevention”) without interrupting the numbering, parts
//! with their own preamble and operative numbering from 1 (“I”, “II” … of an omnibus
//! resolution; resolutions A and B of one document), and annexes (a declaration, a programme
//! of action, rules) with their own paragraphs, sections and footnotes.
//!
//! Headings name the paragraph they stand before by id, so inserting, moving or renumbering
//! paragraphs never detaches them; parts and annexes hold their paragraph lists, so every
//! paragraph operation works inside them unchanged.

use super::{Id, Paragraph, Section};
use serde::{Deserialize, Serialize};

/// A heading inside a resolution: it stands before the paragraph `before` (of the preamble,
/// the operative part or a part) and does not interrupt the numbering.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Heading {
    pub id: Id,
    /// 1 for a roman-numbered heading ("II"), 2 for a lettered one ("A"), 3 below that.
    #[serde(default = "super::one")]
    pub level: u8,
    /// The label as printed ("II", "A"); empty for a heading printed without one.
    #[serde(default)]
    pub label: String,
    /// The heading text, with inline markup.
    #[serde(default)]
    pub heading: String,
    /// The id of the paragraph the heading stands before.
    pub before: Id,
}

/// A part of a resolution that has its own preamble and its operative numbering from 1
/// (section “II” of an omnibus resolution, resolution “B” of a document).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ResolutionPart {
    pub id: Id,
    /// The label as printed ("II", "B").
    #[serde(default)]
    pub label: String,
    /// The heading text ("Revised estimates …"); may be empty.
    #[serde(default)]
    pub heading: String,
    #[serde(default)]
    pub preamble: Vec<Paragraph>,
    #[serde(default)]
    pub operative: Vec<Paragraph>,
}

/// An annex: text annexed to the resolution (a declaration, a programme of action, rules),
/// with its own paragraph numbering from 1 running across its numbered sections. Its
/// footnotes are those of the document anchored in it (footnote numbers run through the
/// whole document, as printed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annex {
    pub id: Id,
    /// The numeral as printed ("I", "II"); empty for a lone "Annex".
    #[serde(default)]
    pub label: String,
    /// The title of the annexed text ("Declaration on …"); may be empty.
    #[serde(default)]
    pub title: String,
    /// Whether the annex's paragraphs are numbered (1., 2. …).
    #[serde(default = "super::yes")]
    pub numbered: bool,
    /// The paragraphs before any section.
    #[serde(default)]
    pub paragraphs: Vec<Paragraph>,
    #[serde(default)]
    pub sections: Vec<Section>,
}

impl Default for Annex {
    fn default() -> Self {
        Annex {
            id: Id::default(),
            label: String::new(),
            title: String::new(),
            numbered: true,
            paragraphs: Vec::new(),
            sections: Vec::new(),
        }
    }
}

impl Annex {
    /// "Annex" or "Annex II", as printed above the annexed text.
    pub fn printed_label(&self) -> String {
        if self.label.is_empty() {
            "Annex".to_string()
        } else {
            format!("Annex {}", self.label)
        }
    }
}

impl ResolutionPart {
    /// "II" or, when the part has no label, its 1-based position.
    pub fn name(&self, index: usize) -> String {
        if self.label.is_empty() {
            (index + 1).to_string()
        } else {
            self.label.clone()
        }
    }
}
