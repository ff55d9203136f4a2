//! Turning what a delegate types into proposals: a paragraph edited from one text to
//! another becomes word proposals (insert, delete or replace words, each quoting the words
//! it acts on in the text as it stands), and a paragraph moved one place becomes a move
//! proposal naming the paragraph it should follow. The editor's propose mode records these
//! instead of changing the text.
//!
//! The word edits are the comparison's own ([`crate::compare::words::edits`]), so a
//! proposal says exactly what a comparison of the two texts would show.

use super::rebase::occurrences;
use crate::compare::{Field, words};
use crate::model::{Document, Id, ProposedChange};

/// How many words an insertion quotes before it (fewer at the start of the paragraph).
const ANCHOR_WORDS: usize = 3;

/// The word proposals that turn the paragraph's full text `old` into `new`, in text order.
/// Each quotes `old`; they act on disjoint words, so accepting them one by one (each
/// rebasing the others) gives `new` up to spacing.
pub fn word_changes(paragraph: &Id, old: &str, new: &str) -> Vec<ProposedChange> {
    let mut out = Vec::new();
    // Where the previous edit ended: an insertion quotes no word another proposal changes.
    let mut floor = 0;
    for e in words::edits(Field::Text, old, new) {
        let end = e.at + e.deleted.len();
        // Spaces both sides share at either end are not part of the change.
        let (lead, trail) = crate::merge::shared_space(&e.deleted, &e.inserted);
        let at = e.at + lead;
        let del = &e.deleted[lead..e.deleted.len() - trail];
        let ins = &e.inserted[lead..e.inserted.len() - trail];
        let lead_ws = del.len() - del.trim_start().len();
        let words = del.trim();
        let with = ins.trim();
        if words.is_empty() && with.is_empty() {
            continue;
        }
        let start = at + lead_ws;
        let occurrence = |w: &str| occurrences(old, w).take_while(|&k| k < start).count();
        let change = if words.is_empty() {
            let (after, occurrence) = anchor(old, floor, start);
            ProposedChange::InsertWords {
                paragraph: paragraph.clone(),
                after,
                occurrence,
                text: with.to_string(),
            }
        } else if with.is_empty() {
            ProposedChange::DeleteWords {
                paragraph: paragraph.clone(),
                words: words.to_string(),
                occurrence: occurrence(words),
            }
        } else {
            ProposedChange::ReplaceWords {
                paragraph: paragraph.clone(),
                words: words.to_string(),
                occurrence: occurrence(words),
                with: with.to_string(),
            }
        };
        out.push(change);
        floor = end;
    }
    out
}

/// The words an insertion at byte `at` of `text` follows (up to [`ANCHOR_WORDS`] of them,
/// ending right before `at` and starting at `floor` or later) and their occurrence; empty at
/// the start of the paragraph.
fn anchor(text: &str, floor: usize, at: usize) -> (String, usize) {
    let before = text[..at].trim_end();
    if before.len() <= floor {
        return (String::new(), 0);
    }
    if before.is_empty() {
        return (String::new(), 0);
    }
    let toks = words::tokenize(before);
    let mut start = before.len();
    let mut n = 0;
    for t in toks.iter().rev() {
        if start - t.len() < floor {
            break;
        }
        if words::is_word(t) {
            n += 1;
        }
        start -= t.len();
        if n == ANCHOR_WORDS {
            break;
        }
    }
    let quote = before[start..].trim_start();
    let from = before.len() - quote.len();
    let k = occurrences(text, quote).take_while(|&s| s < from).count();
    (quote.to_string(), k)
}

/// Moving paragraph `id` one place up or down among its siblings, as a move proposal's
/// `after`: `Some(None)` for the first place, `Some(Some(x))` to follow `x`, `None` when it
/// cannot move that way (or is not in the document).
pub fn one_place(doc: &Document, id: &Id, up: bool) -> Option<Option<Id>> {
    let loc = doc.locate(id)?;
    let i = *loc.path.last()?;
    let siblings: Vec<Id> = if loc.path.len() == 1 {
        doc.part(loc.part)?.iter().map(|p| p.id.clone()).collect()
    } else {
        let parent = crate::model::Location {
            part: loc.part,
            path: loc.path[..loc.path.len() - 1].to_vec(),
        };
        doc.at(&parent)?
            .subparagraphs
            .iter()
            .map(|p| p.id.clone())
            .collect()
    };
    if up {
        match i {
            0 => None,
            1 => Some(None),
            _ => Some(Some(siblings[i - 2].clone())),
        }
    } else {
        siblings.get(i + 1).cloned().map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocKind, Draft, Paragraph};
    use proptest::prelude::*;

    fn draft(text: &str) -> Draft {
        let mut doc = Document::new(DocKind::Resolution);
        doc.operative = vec![
            Paragraph::new(Id::new("p1"), "Calls upon", text),
            Paragraph::new(Id::new("p2"), "Decides", "to remain seized of the matter."),
        ];
        let mut d = Draft::new(doc);
        super::super::add_delegation(&mut d.negotiation, "EU", "").unwrap();
        d
    }

    /// Records the changes typed (old → new) and accepts them one by one.
    fn accept_all(old_text: &str, new_full: &str) -> String {
        let mut d = draft(old_text);
        let p1 = Id::new("p1");
        let old = d.document.find(&p1).unwrap().full_text();
        let ids: Vec<Id> = word_changes(&p1, &old, new_full)
            .into_iter()
            .map(|c| super::super::propose(&mut d, "EU", "", c).unwrap())
            .collect();
        for id in ids {
            super::super::accept(&mut d, &id).unwrap();
        }
        d.document.find(&p1).unwrap().full_text()
    }

    #[test]
    fn a_typed_edit_becomes_word_proposals() {
        let p = Id::new("p1");
        let old = "Calls upon all States to strengthen cooperation.";
        let new = "Calls upon Member States to strengthen further their cooperation.";
        let got = word_changes(&p, old, new);
        assert_eq!(
            got,
            vec![
                ProposedChange::ReplaceWords {
                    paragraph: p.clone(),
                    words: "all".into(),
                    occurrence: 0,
                    with: "Member".into(),
                },
                ProposedChange::InsertWords {
                    paragraph: p.clone(),
                    after: "States to strengthen".into(),
                    occurrence: 0,
                    text: "further their".into(),
                },
            ]
        );
        let del = word_changes(&p, old, "Calls upon all States to cooperation.");
        assert_eq!(
            del,
            vec![ProposedChange::DeleteWords {
                paragraph: p.clone(),
                words: "strengthen".into(),
                occurrence: 0,
            }]
        );
        let start = word_changes(&p, "all States act.", "Also all States act.");
        assert!(
            matches!(&start[0], ProposedChange::InsertWords { after, text, .. } if after.is_empty() && text == "Also"),
            "{start:?}"
        );
    }

    #[test]
    fn repeated_words_are_quoted_by_occurrence() {
        let p = Id::new("p1");
        let old = "the States and the regions and the communities";
        let got = word_changes(&p, old, "the States and the regions and all communities");
        assert_eq!(
            got,
            vec![ProposedChange::ReplaceWords {
                paragraph: p,
                words: "the".into(),
                occurrence: 2,
                with: "all".into(),
            }]
        );
    }

    #[test]
    fn accepting_every_proposal_gives_the_typed_text() {
        // OP1 of two ends with a semicolon.
        let typed = "Calls upon Member States, and civil society, to strengthen their cooperation at all levels;";
        assert_eq!(
            accept_all("all States to strengthen cooperation;", typed),
            typed
        );
    }

    #[test]
    fn moving_one_place() {
        let d = draft("x;");
        let doc = &d.document;
        assert_eq!(one_place(doc, &Id::new("p1"), true), None);
        assert_eq!(
            one_place(doc, &Id::new("p1"), false),
            Some(Some(Id::new("p2")))
        );
        assert_eq!(one_place(doc, &Id::new("p2"), true), Some(None));
        assert_eq!(one_place(doc, &Id::new("p2"), false), None);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Whatever words are replaced, dropped or added, the proposals recorded from the
        /// edit give the edited text once all are accepted.
        #[test]
        fn proposals_from_an_edit_rebuild_it(
            edits in proptest::collection::vec((0usize..8, 0u8..3, "[a-z]{2,6}"), 1..4)
        ) {
            let base = ["all", "States", "to", "strengthen", "their", "cooperation", "on", "health"];
            let mut words: Vec<String> = base.iter().map(|s| s.to_string()).collect();
            for (k, kind, w) in &edits {
                let k = (*k).min(words.len().saturating_sub(1));
                match kind {
                    0 if words.len() > 2 => { words.remove(k); }
                    1 => words.insert(k, w.clone()),
                    _ => words[k] = w.clone(),
                }
            }
            let typed = format!("Calls upon {};", words.join(" "));
            prop_assert_eq!(accept_all(&format!("{};", base.join(" ")), &typed), typed);
        }
    }
}
