//! Ids renamed across a document all at once: the two readings of a Word file's tracked
//! changes made to share ids ([`crate::compare::carry_ids`]), ids both sides of a merge
//! handed out for different things ([`crate::merge`]), the ids an amended text takes over
//! from the current one ([`crate::amend`]).

use super::{Document, Id};
use std::collections::HashMap;

impl Document {
    /// Renames every id that is a key of `map` to its value, all at once (so two ids may
    /// swap): paragraphs and sub-paragraphs, headings and the paragraph each stands before,
    /// parts, sections, annexes, footnotes with their anchors and every marker naming them.
    pub fn rename_ids(&mut self, map: &HashMap<Id, Id>) {
        if map.is_empty() {
            return;
        }
        let id = |id: &mut Id| {
            if let Some(to) = map.get(id) {
                *id = to.clone();
            }
        };
        let text = |s: &mut String| {
            if crate::scan::has_marker(s.as_bytes()) {
                *s = crate::markup::rename_markers(s, map);
            }
        };
        self.walk_mut(&mut |p| {
            id(&mut p.id);
            text(&mut p.lead);
            text(&mut p.text);
        });
        for h in &mut self.headings {
            id(&mut h.id);
            id(&mut h.before);
            text(&mut h.heading);
        }
        for p in &mut self.parts {
            id(&mut p.id);
            text(&mut p.heading);
        }
        for s in &mut self.sections {
            id(&mut s.id);
            text(&mut s.heading);
        }
        for a in &mut self.annexes {
            id(&mut a.id);
            text(&mut a.title);
            for s in &mut a.sections {
                id(&mut s.id);
                text(&mut s.heading);
            }
        }
        for f in &mut self.footnotes {
            id(&mut f.id);
            id(&mut f.anchor);
            text(&mut f.text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocKind, Footnote, Heading, Paragraph};

    #[test]
    fn ids_swap_with_their_markers_anchors_and_headings() {
        let mut d = Document::new(DocKind::Resolution);
        d.operative = vec![
            Paragraph::new(Id::new("p1"), "*Notes*", "the tide tables;[^f1]"),
            Paragraph::new(Id::new("p2"), "*Decides*", "to publish them;[^f2]"),
        ];
        d.headings.push(Heading {
            id: Id::new("h1"),
            level: 1,
            label: "I".into(),
            heading: "Tides".into(),
            before: Id::new("p2"),
        });
        for (f, p) in [("f1", "p1"), ("f2", "p2")] {
            d.footnotes.push(Footnote {
                id: Id::new(f),
                anchor: Id::new(p),
                text: "A table.".into(),
            });
        }
        let swap = |a: &str, b: &str| [(Id::new(a), Id::new(b)), (Id::new(b), Id::new(a))];
        let map: HashMap<Id, Id> = swap("p1", "p2")
            .into_iter()
            .chain(swap("f1", "f2"))
            .collect();
        d.rename_ids(&map);
        assert_eq!(d.operative[0].id.0, "p2");
        assert_eq!(d.operative[0].text, "the tide tables;[^f2]");
        assert_eq!(d.operative[1].text, "to publish them;[^f1]");
        assert_eq!(d.headings[0].before.0, "p1");
        assert_eq!(
            d.footnotes
                .iter()
                .map(|f| (f.id.0.as_str(), f.anchor.0.as_str()))
                .collect::<Vec<_>>(),
            [("f2", "p2"), ("f1", "p1")]
        );
    }
}
