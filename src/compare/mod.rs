//! The comparison of two versions of a document: paragraphs aligned (by stable id or by
//! content similarity), classified (unchanged, renumbered, modified, inserted, deleted,
//! moved), then compared word by word with the `similar` crate.
//!
//! Pure functions over [`Document`]s, no terminal code. [`compare`] builds a [`Comparison`];
//! [`apply`] replays it on the old version and yields the new version exactly; the
//! renderers ([`amendments`], [`json`], [`render_text`], [`layout`]) present it.

pub mod align;
pub mod amendments;
pub mod apply;
mod build;
mod carry;
pub mod header;
pub mod json;
pub mod layout;
mod notes;
pub mod refs;
pub mod render_text;
mod structure;
pub mod words;
pub mod wrap;

pub use apply::{ApplyError, apply};
pub(crate) use build::{Slot, order};
pub use carry::carry_ids;

use crate::model::{Document, Id, ListStyle, Location};
use serde::Serialize;

/// How paragraphs of the two versions are paired.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Align {
    /// By stable id: both versions come from the same draft.
    #[serde(rename = "id")]
    ById,
    /// By content similarity: the versions were imported separately.
    #[serde(rename = "similarity")]
    BySimilarity,
    /// By id when the ids the versions share denote the same paragraphs, else by similarity.
    #[default]
    Auto,
}

/// What happened to a paragraph, sub-paragraph, footnote, section or header field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Unchanged,
    /// Same words; only its number or letter changed (or a cross-reference it holds was
    /// rewritten because of renumbering).
    Renumbered,
    /// Words changed in place.
    Modified,
    Inserted,
    Deleted,
    /// Moved out of the order of the other paragraphs (possibly with word changes).
    Moved,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Unchanged,
        Kind::Renumbered,
        Kind::Modified,
        Kind::Inserted,
        Kind::Deleted,
        Kind::Moved,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Unchanged => "unchanged",
            Kind::Renumbered => "renumbered",
            Kind::Modified => "modified",
            Kind::Inserted => "inserted",
            Kind::Deleted => "deleted",
            Kind::Moved => "moved",
        }
    }
}

/// Which part of the document an entry belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PartKind {
    Header,
    Preamble,
    Operative,
    /// A report section heading, or a paragraph of a report section.
    Section,
    Footnote,
    /// What structures a resolution beside its paragraphs: a heading inside it, a part's
    /// heading, an annex's label and title, an annex section's heading.
    Body,
}

/// Which text of an entry an edit applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    /// The opening phrase of a paragraph (the level of a section).
    Lead,
    /// The paragraph text, footnote text, section heading or header field value.
    Text,
}

/// One word-level change: `deleted` (possibly empty) stands at byte offset `at` of the old
/// text and is replaced by `inserted` (possibly empty).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub field: Field,
    pub at: usize,
    pub deleted: String,
    pub inserted: String,
}

/// A change to a list-valued header field (sponsors, notes): at index `at` of the old list,
/// `deleted` items are removed and `inserted` items put in their place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListEdit {
    pub at: usize,
    pub deleted: Vec<String>,
    pub inserted: Vec<String>,
}

/// One side (old or new) of an entry: where the item stands and what it says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Side {
    /// The paragraph, footnote or section id; for a header field, the field name.
    pub id: Id,
    /// Where a paragraph stands (part and index path); `None` for other items.
    #[serde(skip)]
    pub location: Option<Location>,
    /// Index in its list (top-level index for paragraphs, list index for footnotes/sections).
    pub index: usize,
    /// The printed number: operative (or report) number of the top-level paragraph, the
    /// position for a preambular paragraph, the footnote number.
    pub number: Option<u32>,
    /// The short tag ("OP5(b)", "PP3", "fn 2", "title").
    pub label: String,
    /// The name as a drafter says it ("operative paragraph 5 (b)").
    pub place: String,
    pub lead: String,
    pub text: String,
    #[serde(skip)]
    pub list_style: ListStyle,
    /// Footnotes: the id of the paragraph holding the marker.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anchor: Option<Id>,
    /// Sections: level and whether its paragraphs are numbered.
    #[serde(skip)]
    pub level: u8,
    #[serde(skip)]
    pub numbered: bool,
    /// List-valued header fields (sponsors, notes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub list: Option<Vec<String>>,
}

/// One paragraph, sub-paragraph, footnote, section or header field and what happened to it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangeEntry {
    pub kind: Kind,
    pub part: PartKind,
    /// 0 for a top-level item, 1 for a sub-paragraph, 2 below that.
    pub depth: usize,
    /// The header field name ("title", "sponsors") for header entries.
    pub field: Option<String>,
    pub old: Option<Side>,
    pub new: Option<Side>,
    /// Word-level changes of substance, at byte offsets of the old text after
    /// `ref_updates` were applied.
    pub edits: Vec<Edit>,
    /// Cross-references rewritten only because of renumbering ("paragraph 5" → "paragraph
    /// 6"), at byte offsets of the old text. Not a change of substance.
    pub ref_updates: Vec<Edit>,
    /// Changes of form only, at the offsets of `edits` (spacing, a non-breaking hyphen for
    /// "-", footnote markers, an opening phrase ending a word earlier or later): not changes
    /// of substance, kept so that the comparison replays exactly.
    pub form_edits: Vec<Edit>,
    /// Changes to a list-valued header field.
    pub list_edits: Vec<ListEdit>,
    /// Word similarity of the old and new text (1.0 = same words).
    pub similarity: f32,
}

impl ChangeEntry {
    /// Whether this entry changes anything at all (including renumbering).
    pub fn is_change(&self) -> bool {
        self.kind != Kind::Unchanged
    }

    /// The id to select in the current text for this entry (new side, else old).
    pub fn id(&self) -> Option<&Id> {
        self.new.as_ref().or(self.old.as_ref()).map(|s| &s.id)
    }

    /// Whether this is a paragraph or sub-paragraph entry.
    pub fn is_paragraph(&self) -> bool {
        matches!(
            self.part,
            PartKind::Preamble | PartKind::Operative | PartKind::Section
        ) && self
            .old
            .as_ref()
            .or(self.new.as_ref())
            .is_some_and(|s| s.location.is_some())
    }
}

/// The comparison of two versions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// The alignment actually used (never `Auto`).
    pub align: Align,
    /// Every item, in reading order of the new version with deleted items where they stood.
    pub changes: Vec<ChangeEntry>,
}

/// Counts per class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Stat {
    pub unchanged: usize,
    pub renumbered: usize,
    pub modified: usize,
    pub inserted: usize,
    pub deleted: usize,
    pub moved: usize,
}

impl Stat {
    pub fn get(&self, kind: Kind) -> usize {
        match kind {
            Kind::Unchanged => self.unchanged,
            Kind::Renumbered => self.renumbered,
            Kind::Modified => self.modified,
            Kind::Inserted => self.inserted,
            Kind::Deleted => self.deleted,
            Kind::Moved => self.moved,
        }
    }
}

impl Comparison {
    /// Whether the two versions are identical (every entry unchanged).
    pub fn is_identical(&self) -> bool {
        self.changes.iter().all(|c| !c.is_change())
    }

    /// Counts of entries per class.
    pub fn stat(&self) -> Stat {
        let mut s = Stat::default();
        for c in &self.changes {
            let slot = match c.kind {
                Kind::Unchanged => &mut s.unchanged,
                Kind::Renumbered => &mut s.renumbered,
                Kind::Modified => &mut s.modified,
                Kind::Inserted => &mut s.inserted,
                Kind::Deleted => &mut s.deleted,
                Kind::Moved => &mut s.moved,
            };
            *slot += 1;
        }
        s
    }

    /// Indices of the entries that are changes.
    pub fn change_indices(&self) -> Vec<usize> {
        (0..self.changes.len())
            .filter(|i| self.changes[*i].is_change())
            .collect()
    }
}

/// How many of `n` items one task takes where they are worked on all cores: four tasks a
/// core (so a core that is busy elsewhere holds up little), at least 16 items a task.
pub(crate) fn chunk_len(n: usize) -> usize {
    n.div_ceil(4 * rayon::current_num_threads()).max(16)
}

/// Compares two versions of a document.
pub fn compare(old: &Document, new: &Document, align: Align) -> Comparison {
    // The similarities measured to choose the alignment serve the comparison by id.
    let (align, measured) = match align {
        Align::Auto => align::resolve_auto_measured(old, new),
        a => (a, align::Measured::default()),
    };
    Comparison {
        align,
        changes: build::build(old, new, align, &measured),
    }
}
