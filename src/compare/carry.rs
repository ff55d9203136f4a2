//! Ids carried from one version of a document to another imported on its own (the two
//! sides of a Word file's tracked changes, read once with the changes rejected and once with
//! them accepted): every paragraph the comparison by similarity pairs with an earlier one
//! takes that paragraph's id, and every other one an id the earlier version never used, so
//! that comparing the two by id reports what comparing them by similarity reports — an
//! inserted paragraph as inserted, not as a modification of the one that stood there. The
//! footnotes are carried the same way, their markers with them.

use super::{Align, PartKind, compare};
use crate::model::{Document, Id};
use std::collections::HashMap;

/// Renames the paragraphs of `new` after their counterparts in `old` (see the module
/// documentation). Headings and footnote anchors follow their paragraphs.
pub fn carry_ids(old: &Document, new: &mut Document) {
    let comparison = compare(old, new, Align::BySimilarity);
    let mut renames: HashMap<Id, Id> = HashMap::new();
    for c in comparison.changes.iter().filter(|c| c.is_paragraph()) {
        if let (Some(o), Some(n)) = (&c.old, &c.new) {
            renames.insert(n.id.clone(), o.id.clone());
        }
    }
    // Every paragraph of `new` is renamed, so fresh ids need only number on after `old`'s.
    let mut next = max_number(old, "p") + 1;
    new.walk(&mut |p, _| {
        if !renames.contains_key(&p.id) {
            renames.insert(p.id.clone(), Id(format!("p{next}")));
            next += 1;
        }
    });
    // Footnotes likewise: those the comparison pairs share their id, the others are new.
    for c in &comparison.changes {
        if let (PartKind::Footnote, Some(o), Some(n)) = (c.part, &c.old, &c.new) {
            renames.insert(n.id.clone(), o.id.clone());
        }
    }
    let mut next = max_number(old, "f") + 1;
    for f in &new.footnotes {
        if !renames.contains_key(&f.id) {
            renames.insert(f.id.clone(), Id(format!("f{next}")));
            next += 1;
        }
    }
    new.rename_ids(&renames);
}

/// The largest number an id with this prefix carries in the document (0 when none does).
fn max_number(doc: &Document, prefix: &str) -> u64 {
    doc.all_ids()
        .iter()
        .filter_map(|id| id.0.strip_prefix(prefix)?.parse::<u64>().ok())
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocKind, Paragraph};

    fn doc(texts: &[&str]) -> Document {
        let mut d = Document::new(DocKind::Resolution);
        d.operative = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Paragraph::new(Id(format!("p{}", i + 1)), "*Decides*", *t))
            .collect();
        d
    }

    #[test]
    fn an_inserted_paragraph_takes_a_fresh_id_and_the_others_keep_theirs() {
        let old = doc(&[
            "to remain seized of the matter of the lighthouses;",
            "to review the keepers' rota at its next session.",
        ]);
        let mut new = doc(&[
            "to remain seized of the matter of the lighthouses;",
            "that every lamp shall be lit from dusk to dawn;",
            "to review the keepers' rota at its next session.",
        ]);
        carry_ids(&old, &mut new);
        let ids: Vec<&str> = new.operative.iter().map(|p| p.id.0.as_str()).collect();
        assert_eq!(ids, ["p1", "p3", "p2"]);
        let by_id = compare(&old, &new, Align::ById);
        let kinds: Vec<&str> = by_id.changes.iter().map(|c| c.kind.name()).collect();
        let by_similarity = compare(&old, &new, Align::BySimilarity);
        let want: Vec<&str> = by_similarity
            .changes
            .iter()
            .map(|c| c.kind.name())
            .collect();
        assert_eq!(kinds, want);
        assert!(kinds.contains(&"inserted"), "{kinds:?}");
    }

    #[test]
    fn footnote_anchors_follow_their_renamed_paragraph() {
        let old = doc(&["to plant trees[^f1] along the river;", "to meet again."]);
        let mut new = doc(&[
            "to count the herons first;",
            "to plant trees[^f1] along the river;",
            "to meet again.",
        ]);
        new.footnotes.push(crate::model::Footnote {
            id: Id("f1".into()),
            anchor: Id("p2".into()),
            text: "Of native kinds.".into(),
        });
        new.operative[1].text = "to plant trees[^f7] along the river;".into();
        new.footnotes[0].id = Id("f7".into());
        let mut old = old;
        old.footnotes.push(crate::model::Footnote {
            id: Id("f1".into()),
            anchor: Id("p1".into()),
            text: "Of native kinds.".into(),
        });
        carry_ids(&old, &mut new);
        assert_eq!(
            new.operative[1].text,
            "to plant trees[^f1] along the river;"
        );
        assert_eq!(new.footnotes[0].id.0, "f1");
        assert_eq!(new.operative[1].id.0, "p1");
        assert_eq!(new.footnotes[0].anchor.0, "p1");
        assert_eq!(new.operative[0].id.0, "p3");
    }
}
