//! Cross-references inside the text that follow the paragraph they point to.
//!
//! Recognised forms: “paragraph 5 above/below”, “paragraphs 3 and 4”, “paragraphs 7 to 9”
//! (also “7–9”), “paragraphs 3, 4 and 7”, “subparagraph (b) of paragraph 2”, “subparagraphs
//! (a) and (b) of paragraph 2”, “paragraph 2 (b)”, “operative paragraph 12”, “preambular
//! paragraph 3”, “subparagraph (b) above” (a sub-paragraph of the same paragraph), and any
//! of these followed by “of the present resolution” (or report). In a
//! resolution a paragraph number is an operative number; in a report it is the continuous
//! paragraph number of its numbered sections.
//!
//! References to other texts are left alone: a number followed by “of …” (“paragraph 12 of
//! resolution 75/1”, “paragraph 4 of its decision”) or “, of …”, “thereof”, or preceded by
//! “article 6,”, “rule 2,”, “resolution 75/1,” and the like, or by “resolution 74/2 of 10
//! October 2019, in particular”.
//!
//! Each resolution part and each annex numbers on its own: a reference in part II means
//! part II's paragraphs, one in an annex the annex's; “paragraph 5 of the annex” (“of annex
//! II”, “… to the present resolution”) from anywhere names the annex's paragraph 5.
//!
//! Before an operation the document is indexed (number → id); afterwards every reference is
//! resolved against the old index and written with the new number of the same paragraph. A
//! reference to a deleted paragraph is marked dangling in place (“paragraph [deleted: 3]
//! above”, “subparagraph [deleted: (b)] of paragraph 2”) and reported as a warning: it never
//! goes on to name whichever paragraph takes the number, and later operations leave the mark
//! alone while the other items of the reference keep following their paragraphs. A local
//! reference (“subparagraph (b) above”) is resolved among the sub-paragraphs of the paragraph
//! that holds it; when its target leaves that paragraph it is written out in full
//! (“subparagraph (a) of paragraph 6 above”). “above” and “below” are turned round when the
//! target moves to the other side of the paragraph that refers to it.

mod find;
mod resolve;
mod rewrite;
mod settled;
#[cfg(test)]
mod tests;

pub(crate) use find::dangling_marks;
pub use find::dangling_references;
pub use rewrite::ReferenceTranslator;
pub(crate) use rewrite::{rewrite, translate};

use crate::model::{Document, Id, Part};
use crate::numbering;
use foldhash::HashMap;
use indexmap::IndexMap;

/// Which numbering a reference counts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Space {
    /// Operative paragraphs (resolutions) or numbered report paragraphs.
    Main,
    Preamble,
}

/// The numbering a paragraph belongs to: the resolution's own (or a report's), one part's,
/// one annex's. Parts and annexes are named by id, so they survive being moved.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub(super) enum Scope {
    #[default]
    Top,
    Part(Id),
    Annex(Id),
}

fn scope_of(doc: &Document, part: Part) -> Scope {
    if let Some(k) = part.resolution_part() {
        return doc
            .parts
            .get(k)
            .map_or(Scope::Top, |p| Scope::Part(p.id.clone()));
    }
    if let Some(a) = part.annex() {
        return doc
            .annexes
            .get(a)
            .map_or(Scope::Top, |x| Scope::Annex(x.id.clone()));
    }
    Scope::Top
}

/// Where a paragraph stands, as a reference names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Place {
    pub(super) number: u32,
    pub(super) labels: Vec<String>,
}

pub(super) type Key = (Scope, Space, u32, Vec<String>);

/// What the index holds about one paragraph.
#[derive(Debug)]
pub(super) struct Entry {
    /// The numbering it belongs to (also when it is unnumbered).
    pub(super) scope: Scope,
    /// Its number and labels, when it is numbered.
    pub(super) place: Option<(Space, Place)>,
}

/// The numbers of a document at one moment: number → id, id → number, id → document order.
/// Each id is held once: the entries stand in document order, so an entry's position is the
/// paragraph's order.
#[derive(Debug, Default)]
pub(crate) struct Index {
    entries: IndexMap<Id, Entry, foldhash::fast::RandomState>,
    /// Number → the position of its entry.
    by_key: HashMap<Key, usize>,
    /// The annexes by printed label ("I"), and the only annex under "".
    pub(super) annexes: HashMap<String, Id>,
    /// The label of each annex ("" for a lone annex).
    pub(super) annex_label: HashMap<Id, String>,
}

impl Index {
    pub(crate) fn build(doc: &Document) -> Self {
        let mut index = Index::default();
        for x in &doc.annexes {
            index.annexes.insert(x.label.to_uppercase(), x.id.clone());
            index
                .annex_label
                .insert(x.id.clone(), x.label.to_uppercase());
        }
        if let [only] = doc.annexes.as_slice() {
            index.annexes.insert(String::new(), only.id.clone());
        }
        let n = doc.paragraph_count();
        index.entries.reserve(n);
        index.by_key.reserve(n);
        // The scope of the list being walked, worked out once per list.
        let mut list_scope: Option<(Part, Scope)> = None;
        doc.walk(&mut |p, loc| {
            let scope = match &list_scope {
                Some((part, scope)) if *part == loc.part => scope.clone(),
                _ => {
                    let scope = scope_of(doc, loc.part);
                    list_scope = Some((loc.part, scope.clone()));
                    scope
                }
            };
            let (space, number) = match loc.part {
                Part::Preamble | Part::PartPreamble(_) => {
                    (Space::Preamble, Some(loc.top() as u32 + 1))
                }
                Part::Operative | Part::PartOperative(_) if !doc.is_report() => {
                    (Space::Main, numbering::number(doc, loc.part, loc.top()))
                }
                Part::Section(_) if doc.is_report() => {
                    (Space::Main, numbering::number(doc, loc.part, loc.top()))
                }
                Part::Annex(_) | Part::AnnexSection(..) => {
                    (Space::Main, numbering::number(doc, loc.part, loc.top()))
                }
                _ => (Space::Main, None),
            };
            let place = number.map(|number| {
                let labels = numbering::path_labels(doc, loc);
                let at = index.entries.len();
                index
                    .by_key
                    .insert((scope.clone(), space, number, labels.clone()), at);
                (space, Place { number, labels })
            });
            index.entries.insert(p.id.clone(), Entry { scope, place });
        });
        index
    }

    /// The number of paragraphs indexed.
    pub(super) fn len(&self) -> usize {
        self.entries.len()
    }

    /// Where the paragraph stands in document order.
    pub(super) fn order(&self, id: &Id) -> Option<usize> {
        self.entries.get_index_of(id)
    }

    /// Whether the paragraph is in the document.
    pub(super) fn contains(&self, id: &Id) -> bool {
        self.entries.contains_key(id)
    }

    /// The numbering the paragraph belongs to.
    pub(super) fn scope(&self, id: &Id) -> Option<&Scope> {
        self.entries.get(id).map(|e| &e.scope)
    }

    /// The paragraph's number and labels, when it is numbered.
    pub(super) fn place(&self, id: &Id) -> Option<&(Space, Place)> {
        self.entries.get(id).and_then(|e| e.place.as_ref())
    }

    /// The paragraph standing at a number.
    pub(super) fn at_key(&self, key: &Key) -> Option<&Id> {
        let &k = self.by_key.get(key)?;
        self.entries.get_index(k).map(|(id, _)| id)
    }

    /// The ids in document order, with their entries.
    pub(super) fn iter(&self) -> impl Iterator<Item = (&Id, &Entry)> {
        self.entries.iter()
    }
}
