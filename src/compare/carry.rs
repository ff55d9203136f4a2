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

/// Renames the paragraphs and footnotes of `new` after their counterparts in `old` (see the
/// module documentation). Headings, footnote anchors and markers follow them.
pub fn carry_ids(old: &Document, new: &mut Document) {
    let comparison = compare(old, new, Align::BySimilarity);
    let mut renames: HashMap<Id, Id> = HashMap::new();
    for c in &comparison.changes {
        if (c.is_paragraph() || c.part == PartKind::Footnote)
            && let (Some(o), Some(n)) = (&c.old, &c.new)
        {
            renames.insert(n.id.clone(), o.id.clone());
        }
    }
    // Every paragraph and footnote of `new` is renamed, so fresh ids need only be fresh in `old`.
    let mut unpaired_paragraphs = Vec::new();
    new.walk(&mut |p, _| {
        if !renames.contains_key(&p.id) {
            unpaired_paragraphs.push(p.id.clone());
        }
    });
    let unpaired_notes: Vec<Id> = new
        .footnotes
        .iter()
        .filter(|f| !renames.contains_key(&f.id))
        .map(|f| f.id.clone())
        .collect();
    for (prefix, unpaired) in [("p", unpaired_paragraphs), ("f", unpaired_notes)] {
        let fresh = old.fresh_ids(prefix, unpaired.len());
        renames.extend(unpaired.into_iter().zip(fresh));
    }
    new.rename_ids(&renames);
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
