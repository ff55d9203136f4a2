//! The comparison of what structures a resolution beside its paragraphs: the headings that
//! stand inside it (I, II … or unlabelled), the headings of its parts, and the labels and
//! titles of its annexes and of their sections. Each becomes an entry of part
//! [`PartKind::Body`]: its label in `lead`, its heading or title in `text`. A label that
//! changes only because the items around it were renumbered ("II" → "III") is a
//! renumbering, not a change of words.
//!
//! Headings pair by id or by their words (as report sections do); parts, annexes and annex
//! sections pair by position, as their paragraphs do.

use super::build::{Slot, entry, order, substance};
use super::{Align, ChangeEntry, Kind, PartKind, Side, align};
use crate::model::{Document, Id, Location, Part};

/// One item of either version: id, label, heading text, level, where it stands.
struct Item {
    id: Id,
    label: String,
    text: String,
    level: u8,
    /// For a heading, the paragraph it stands before.
    before: Option<Id>,
    /// For a part, annex or annex section, the list it heads.
    part: Option<Part>,
    /// Annexes and annex sections: whether their paragraphs are numbered.
    numbered: bool,
    /// "heading", "part", "annex", "annex section".
    what: &'static str,
}

impl Item {
    fn side(&self, index: usize) -> Side {
        let name = if self.label.is_empty() {
            format!("{} “{}”", self.what, short(&self.text))
        } else {
            format!("{} {}", self.what, self.label)
        };
        Side {
            id: self.id.clone(),
            location: self.part.map(|part| Location {
                part,
                path: Vec::new(),
            }),
            index,
            label: name.clone(),
            place: name,
            lead: self.label.clone(),
            text: self.text.clone(),
            anchor: self.before.clone(),
            level: self.level,
            numbered: self.numbered,
            ..Side::default()
        }
    }
}

fn short(s: &str) -> String {
    let mut words: Vec<&str> = s.split_whitespace().take(6).collect();
    if s.split_whitespace().count() > 6 {
        words.push("…");
    }
    words.join(" ")
}

fn headings(doc: &Document) -> Vec<Item> {
    doc.headings
        .iter()
        .map(|h| Item {
            id: h.id.clone(),
            label: h.label.clone(),
            text: h.heading.clone(),
            level: h.level,
            before: Some(h.before.clone()),
            part: None,
            numbered: false,
            what: "heading",
        })
        .collect()
}

fn parts(doc: &Document) -> Vec<Item> {
    doc.parts
        .iter()
        .enumerate()
        .map(|(k, p)| Item {
            id: p.id.clone(),
            label: p.label.clone(),
            text: p.heading.clone(),
            level: 1,
            before: None,
            part: Some(Part::PartPreamble(k)),
            numbered: true,
            what: "part",
        })
        .collect()
}

fn annexes(doc: &Document) -> Vec<Item> {
    doc.annexes
        .iter()
        .enumerate()
        .map(|(a, x)| Item {
            id: x.id.clone(),
            label: x.label.clone(),
            text: x.title.clone(),
            level: 1,
            before: None,
            part: Some(Part::Annex(a)),
            numbered: x.numbered,
            what: "annex",
        })
        .collect()
}

fn annex_sections(doc: &Document, a: usize) -> Vec<Item> {
    doc.annexes.get(a).map_or_else(Vec::new, |x| {
        x.sections
            .iter()
            .enumerate()
            .map(|(s, sec)| Item {
                id: sec.id.clone(),
                label: sec.label.clone(),
                text: sec.heading.clone(),
                level: sec.level,
                before: None,
                part: Some(Part::AnnexSection(a, s)),
                numbered: sec.numbered,
                what: "annex section",
            })
            .collect()
    })
}

/// The pairs of two lists by position.
fn by_position(n_old: usize, n_new: usize) -> Vec<(usize, usize)> {
    (0..n_old.min(n_new)).map(|i| (i, i)).collect()
}

/// The entry of one aligned pair (or one side alone).
fn pair_entry(
    o: Option<&Item>,
    n: Option<&Item>,
    oi: usize,
    ni: usize,
    moved: bool,
) -> ChangeEntry {
    let os = o.map(|i| i.side(oi));
    let ns = n.map(|i| i.side(ni));
    match (os, ns) {
        (Some(os), Some(ns)) => {
            // The words of the heading; the label follows the numbering.
            let (edits, form_edits) = substance("", &os.text, "", &ns.text);
            let kind = if moved {
                Kind::Moved
            } else if !edits.is_empty() || os.level != ns.level {
                Kind::Modified
            } else if os.lead != ns.lead {
                Kind::Renumbered
            } else {
                Kind::Unchanged
            };
            let mut e = entry(kind, PartKind::Body, 0, Some(os), Some(ns));
            e.similarity = if edits.is_empty() { 1.0 } else { 0.5 };
            e.edits = edits;
            e.form_edits = form_edits;
            e
        }
        (Some(os), None) => {
            let mut e = entry(Kind::Deleted, PartKind::Body, 0, None, None);
            e.edits = super::build::whole("", &os.text, false);
            e.old = Some(os);
            e.similarity = 0.0;
            e
        }
        (None, ns) => {
            let mut e = entry(Kind::Inserted, PartKind::Body, 0, None, None);
            if let Some(ns) = &ns {
                e.edits = super::build::whole("", &ns.text, true);
            }
            e.new = ns;
            e.similarity = 0.0;
            e
        }
    }
}

fn emit(old: &[Item], new: &[Item], pairs: Vec<(usize, usize)>, out: &mut Vec<ChangeEntry>) {
    for slot in order(old.len(), new.len(), pairs) {
        out.push(match slot {
            Slot::Pair {
                old: i,
                new: j,
                moved,
            } => pair_entry(old.get(i), new.get(j), i, j, moved),
            Slot::Deleted(i) => pair_entry(old.get(i), None, i, 0, false),
            Slot::Inserted(j) => pair_entry(None, new.get(j), 0, j, false),
        });
    }
}

/// Adds the entries of headings, part headings, annex titles and annex section headings.
pub(super) fn structure(old: &Document, new: &Document, align: Align, out: &mut Vec<ChangeEntry>) {
    let (oh, nh) = (headings(old), headings(new));
    let pairs = if align == Align::ById {
        let o: Vec<&Id> = oh.iter().map(|h| &h.id).collect();
        let n: Vec<&Id> = nh.iter().map(|h| &h.id).collect();
        align::by_id(&o, &n)
    } else {
        // By the heading's words: its label follows the numbering.
        let o: Vec<String> = oh.iter().map(|h| h.text.clone()).collect();
        let n: Vec<String> = nh.iter().map(|h| h.text.clone()).collect();
        align::by_similarity(&o, &n)
    };
    emit(&oh, &nh, pairs, out);
    let (op, np) = (parts(old), parts(new));
    emit(&op, &np, by_position(op.len(), np.len()), out);
    let (oa, na) = (annexes(old), annexes(new));
    emit(&oa, &na, by_position(oa.len(), na.len()), out);
    for a in 0..oa.len().max(na.len()) {
        let (os, ns) = (annex_sections(old, a), annex_sections(new, a));
        emit(&os, &ns, by_position(os.len(), ns.len()), out);
    }
}

#[cfg(test)]
mod tests {
    use crate::compare::{Align, Kind, PartKind, apply, compare};
    use crate::import::{KindHint, import_str};

    const OLD: &str = "The Assembly of Keepers,\n\n*Recalling* its work,\n\nI\nLamps\n\n\
        1. *Notes* the lamps;\n\nII\nWicks\n\n2. *Decides* to trim the wicks.\n";
    const NEW: &str = "The Assembly of Keepers,\n\n*Recalling* its work,\n\nI\nLamps and lenses\n\n\
        1. *Notes* the lamps;\n\nII\nLenses\n\n2. *Polishes* the lenses;\n\nIII\nWicks\n\n\
        3. *Decides* to trim the wicks.\n";

    #[test]
    fn headings_are_compared_by_their_words_and_replayed() {
        let (old, new) = (
            import_str(OLD, KindHint::Auto).document,
            import_str(NEW, KindHint::Auto).document,
        );
        assert_eq!(old.headings.len(), 2);
        assert_eq!(new.headings.len(), 3);
        let cmp = compare(&old, &new, Align::BySimilarity);
        let body: Vec<(Kind, String)> = cmp
            .changes
            .iter()
            .filter(|e| e.part == PartKind::Body)
            .map(|e| {
                (
                    e.kind,
                    e.new.as_ref().map_or(String::new(), |s| s.text.clone()),
                )
            })
            .collect();
        assert_eq!(
            body,
            [
                (Kind::Modified, "Lamps and lenses".to_string()),
                (Kind::Inserted, "Lenses".to_string()),
                (Kind::Renumbered, "Wicks".to_string()),
            ]
        );
        let modified = cmp
            .changes
            .iter()
            .find(|e| e.part == PartKind::Body)
            .unwrap();
        assert_eq!(modified.edits[0].inserted.trim(), "and lenses");
        assert_eq!(apply(&old, &cmp).unwrap(), new);
        let json = crate::compare::json::to_json(&cmp);
        let changes = json["changes"].as_array().unwrap();
        let lenses = changes
            .iter()
            .find(|c| c["part"] == "body" && c["new_text"] == "Lenses")
            .expect("the inserted heading in JSON");
        // Its label is its numbering, not one of the words inserted.
        assert_eq!(lenses["new_numbering"], "II", "{lenses}");
        assert_eq!(lenses["new_lead"], "", "{lenses}");
        assert!(
            changes
                .iter()
                .all(|c| c["part"] == "body" || c["new_numbering"].is_null())
        );
        let opts = crate::compare::render_text::TextOptions {
            width: 80,
            color: false,
        };
        let text = crate::compare::render_text::inline(&cmp, "old", "new", opts);
        assert!(text.contains("Lenses"), "{text}");
    }
}
