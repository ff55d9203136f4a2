//! Unit and property tests of the three-way merge.

use super::*;
use crate::model::{DocKind, Paragraph};
use crate::ops::{self, Op};
use proptest::prelude::*;

const N: usize = 6;

fn base() -> Draft {
    let mut doc = Document::new(DocKind::Resolution);
    doc.authoring_body = "The General Assembly".into();
    doc.preamble = vec![Paragraph::new(
        Id::new("p0"),
        "Recalling",
        "its earlier resolutions,",
    )];
    doc.operative = (1..=N)
        .map(|k| {
            Paragraph::new(
                Id::new(format!("p{k}")),
                "Requests",
                format!("body {k} to act on matter {k} with partners {k} and report;"),
            )
        })
        .collect();
    ops::renumber(&mut doc);
    Draft::new(doc)
}

fn p(k: usize) -> Id {
    Id::new(format!("p{k}"))
}

/// A one-paragraph edit.
#[derive(Debug, Clone)]
enum Edit {
    Reword(usize, String),
    Delete(usize),
    /// A new paragraph (with this id number) after paragraph k.
    Insert(usize, usize),
    /// Paragraph k moves after paragraph m.
    Move(usize, usize),
}

impl Edit {
    fn target(&self) -> usize {
        match self {
            Edit::Reword(k, _) | Edit::Delete(k) | Edit::Insert(k, _) | Edit::Move(k, _) => *k,
        }
    }
    fn anchor(&self) -> Option<usize> {
        match self {
            Edit::Move(_, m) => Some(*m),
            Edit::Insert(k, _) => Some(*k),
            _ => None,
        }
    }
    fn apply(&self, doc: &mut Document) {
        let op = match self {
            Edit::Reword(k, w) => {
                let old = doc.find(&p(*k)).unwrap().clone();
                Op::SetText {
                    id: p(*k),
                    lead: old.lead,
                    text: old.text.replacen("partners", w, 1),
                }
            }
            Edit::Delete(k) => Op::Delete { id: p(*k) },
            Edit::Insert(k, n) => Op::InsertAfter {
                target: p(*k),
                paragraph: Paragraph::new(p(*n), "Decides", format!("new matter {n};")),
            },
            Edit::Move(k, m) => {
                let list: Vec<Id> = doc
                    .operative
                    .iter()
                    .map(|x| x.id.clone())
                    .filter(|i| i != &p(*k))
                    .collect();
                let at = list.iter().position(|i| i == &p(*m)).unwrap() + 1;
                Op::MoveTo {
                    id: p(*k),
                    index: at,
                }
            }
        };
        ops::apply(doc, op).unwrap();
    }
}

fn edit(new_id: usize) -> impl Strategy<Value = Edit> {
    prop_oneof![
        (1..=N, "[a-z]{3,8}").prop_map(|(k, w)| Edit::Reword(k, w)),
        (1..=N).prop_map(Edit::Delete),
        (1..=N).prop_map(move |k| Edit::Insert(k, new_id)),
        // A move past one neighbour is the same list as that neighbour moving the other way
        // (which of the two moved no comparison can tell): moves here pass two at least.
        (1..=N, 1..=N)
            .prop_filter("moves past two paragraphs", |(k, m)| {
                if m > k { m - k >= 2 } else { k - m >= 3 }
            })
            .prop_map(|(k, m)| Edit::Move(k, m)),
    ]
}

fn edited(d: &Draft, e: &Edit) -> Draft {
    let mut out = d.clone();
    e.apply(&mut out.document);
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]
    /// Edits to different paragraphs merge to what applying both gives, whichever side is
    /// "ours".
    #[test]
    fn merging_edits_to_different_paragraphs_applies_both(a in edit(20), b in edit(21)) {
        // Different paragraphs: neither edit touches the other's paragraph or place.
        let (ta, tb) = (a.target(), b.target());
        prop_assume!(ta != tb);
        prop_assume!(a.anchor() != Some(tb) && b.anchor() != Some(ta));
        prop_assume!(a.anchor().is_none() || a.anchor() != b.anchor());
        let base = base();
        let (da, db) = (edited(&base, &a), edited(&base, &b));
        let mut both = da.clone();
        b.apply(&mut both.document);
        let m = merge(&base, &da, &db, &Names::default());
        prop_assert!(m.is_clean(), "{:?}", m.conflicts);
        prop_assert_eq!(&m.draft.document, &both.document);
        let back = merge(&base, &db, &da, &Names::default());
        prop_assert_eq!(&back.draft.document, &m.draft.document);
    }

    /// Both sides changing the same words differently: a bracket either way round, the same
    /// alternatives attributed to the same side, and the same text once one is chosen.
    #[test]
    fn a_conflict_is_symmetric_up_to_attribution(
        k in 1..=N, w1 in "[a-z]{3,8}", w2 in "[a-z]{3,8}", clean in 1..=N,
    ) {
        prop_assume!(w1 != w2 && w1 != "partners" && w2 != "partners");
        let base = base();
        let mut a = edited(&base, &Edit::Reword(k, w1.clone()));
        let b = edited(&base, &Edit::Reword(k, w2.clone()));
        if clean != k {
            Edit::Delete(clean).apply(&mut a.document);
        }
        let names = |o: &str, t: &str| Names { ours: o.into(), theirs: t.into() };
        let m = merge(&base, &a, &b, &names("a", "b"));
        let back = merge(&base, &b, &a, &names("b", "a"));
        prop_assert_eq!(m.conflicts.len(), 1);
        prop_assert_eq!(back.conflicts.len(), 1);
        let alts = |d: &Draft| {
            let mut v: Vec<(String, String)> = d.negotiation.brackets[0]
                .alternatives
                .iter()
                .map(|x| (x.by.clone(), x.text.clone()))
                .collect();
            v.sort();
            v
        };
        prop_assert_eq!(alts(&m.draft), alts(&back.draft));
        prop_assert!(alts(&m.draft).contains(&("a".to_string(), w1.clone())));
        // Choosing b's words either way round gives one text.
        let pick = |o: &Outcome| {
            let mut d = o.draft.clone();
            let br = d.negotiation.brackets[0].clone();
            let i = br.alternatives.iter().position(|x| x.by == "b").unwrap();
            crate::negotiate::choose(&mut d, &br.id, i).unwrap();
            d.document
        };
        prop_assert_eq!(pick(&m), pick(&back));
        let chosen = pick(&m);
        prop_assert!(chosen.find(&p(k)).unwrap().text.contains(&w2));
    }
}

/// The words of OP1 in [`words_merge`]: all different, so a comparison can place each edit.
const WORDS: [&str; 10] = [
    "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
];

/// One word edit: at word `at`, replace it (0), delete it (1) or insert before it (2).
fn apply_word(words: &mut Vec<String>, (at, kind, w): &(usize, u8, String)) {
    match kind {
        0 => words[*at] = w.clone(),
        1 => {
            words.remove(*at);
        }
        _ => words.insert(*at, w.clone()),
    }
}

fn with_words(d: &Draft, words: &[String]) -> Draft {
    let mut out = d.clone();
    out.document.find_mut(&p(1)).unwrap().text = format!("{};", words.join(" "));
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]
    /// Word edits to different parts of one paragraph (a word apart at least) merge to what
    /// applying both gives, whichever side is "ours".
    #[test]
    fn words_merge(
        i in 0usize..8, gap in 2usize..6, ka in 0u8..3, kb in 0u8..3,
        wa in "[a-z]{3,8}", wb in "[a-z]{3,8}",
    ) {
        let j = (i + gap).min(WORDS.len() - 1);
        prop_assume!(j >= i + 2);
        let words: Vec<String> = WORDS.iter().map(|w| w.to_string()).collect();
        let base = with_words(&base(), &words);
        // Words of our own, distinct from the paragraph's and from each other.
        let (ea, eb) = ((i, ka, format!("x{wa}")), (j, kb, format!("y{wb}")));
        let (mut wa_, mut wb_) = (words.clone(), words.clone());
        apply_word(&mut wa_, &ea);
        apply_word(&mut wb_, &eb);
        let mut both = words.clone();
        apply_word(&mut both, &eb);
        apply_word(&mut both, &ea);
        let (da, db) = (with_words(&base, &wa_), with_words(&base, &wb_));
        let m = merge(&base, &da, &db, &Names::default());
        prop_assert!(m.is_clean(), "{:?}", m.conflicts);
        prop_assert_eq!(&m.draft.document, &with_words(&base, &both).document);
        let back = merge(&base, &db, &da, &Names::default());
        prop_assert_eq!(&back.draft.document, &m.draft.document);
    }
}

#[test]
fn the_same_words_changed_differently_become_a_bracket() {
    let b = base();
    let mut o = b.clone();
    let mut t = b.clone();
    o.document.find_mut(&p(2)).unwrap().text =
        "body 2 to act on matter 2 with allies 2 and report;".into();
    t.document.find_mut(&p(2)).unwrap().text =
        "body 2 to act on matter 2 with friends 2 and report;".into();
    // A clean change elsewhere in the same paragraph too.
    t.document.find_mut(&p(2)).unwrap().lead = "Also requests".into();
    let names = Names {
        ours: "main".into(),
        theirs: "colleague".into(),
    };
    let m = merge(&b, &o, &t, &names);
    assert!(!m.is_clean());
    let para = m.draft.document.find(&p(2)).unwrap();
    assert_eq!(para.lead, "Also requests");
    assert!(para.text.contains("allies"), "{para:?}");
    let br = &m.draft.negotiation.brackets[0];
    assert_eq!(br.alternatives[0].by, "main");
    assert_eq!(br.alternatives[1].text, "friends");
    assert_eq!(br.alternatives[1].by, "colleague");
    // Choosing their alternative settles it.
    let mut d = m.draft.clone();
    crate::negotiate::choose(&mut d, &br.id.clone(), 1).unwrap();
    assert!(
        d.document
            .find(&p(2))
            .unwrap()
            .text
            .contains("with friends 2")
    );
    // Symmetric up to attribution.
    let back = merge(
        &b,
        &t,
        &o,
        &Names {
            ours: "colleague".into(),
            theirs: "main".into(),
        },
    );
    let alts = |d: &Draft| {
        let mut v: Vec<(String, String)> = d.negotiation.brackets[0]
            .alternatives
            .iter()
            .map(|a| (a.by.clone(), a.text.clone()))
            .collect();
        v.sort();
        v
    };
    assert_eq!(alts(&back.draft), alts(&m.draft));
}

#[test]
fn a_paragraph_deleted_and_changed_is_kept_with_the_deletion_as_alternative() {
    let b = base();
    let mut o = b.clone();
    ops::apply(&mut o.document, Op::Delete { id: p(3) }).unwrap();
    let mut t = b.clone();
    t.document.find_mut(&p(3)).unwrap().text = "body 3 to act at once;".into();
    let m = merge(&b, &o, &t, &Names::default());
    assert!(!m.is_clean());
    assert!(m.draft.document.find(&p(3)).is_some());
    let br = &m.draft.negotiation.brackets[0];
    assert!(br.whole);
    assert_eq!(br.alternatives[0].by, "theirs");
    assert!(br.alternatives[1].text.is_empty());
    let mut d = m.draft.clone();
    crate::negotiate::choose(&mut d, &br.id.clone(), 1).unwrap();
    assert!(d.document.find(&p(3)).is_none());
}

#[test]
fn ids_added_on_both_sides_for_different_paragraphs_are_separated() {
    let b = base();
    let mut o = b.clone();
    let mut t = b.clone();
    let np = |text: &str| Paragraph::new(Id::new("p7"), "Decides", text);
    ops::apply(
        &mut o.document,
        Op::InsertAfter {
            target: p(1),
            paragraph: np("ours;"),
        },
    )
    .unwrap();
    ops::apply(
        &mut t.document,
        Op::InsertAfter {
            target: p(4),
            paragraph: np("theirs;"),
        },
    )
    .unwrap();
    let m = merge(&b, &o, &t, &Names::default());
    assert!(m.is_clean(), "{:?}", m.conflicts);
    assert_eq!(m.draft.document.operative.len(), N + 2);
    assert_eq!(m.messages.len(), 1, "{:?}", m.messages);
    let texts: Vec<&str> = m
        .draft
        .document
        .operative
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(texts[1], "ours;");
    assert_eq!(texts[5], "theirs;");
}

#[test]
fn cross_references_follow_the_merged_numbering() {
    let mut b = base();
    b.document.find_mut(&p(6)).unwrap().text =
        "body 6 to act as set out in paragraph 5 above;".into();
    ops::renumber(&mut b.document);
    // Each side inserts a paragraph before paragraph 5: each rewrote the reference to 6.
    let mut o = b.clone();
    let mut t = b.clone();
    ops::apply(
        &mut o.document,
        Op::InsertAfter {
            target: p(1),
            paragraph: Paragraph::new(Id::new("p7"), "Decides", "ours;"),
        },
    )
    .unwrap();
    ops::apply(
        &mut t.document,
        Op::InsertAfter {
            target: p(2),
            paragraph: Paragraph::new(Id::new("p8"), "Decides", "theirs;"),
        },
    )
    .unwrap();
    assert!(
        o.document
            .find(&p(6))
            .unwrap()
            .text
            .contains("paragraph 6 above")
    );
    let m = merge(&b, &o, &t, &Names::default());
    assert!(m.is_clean(), "{:?}", m.conflicts);
    let text = &m.draft.document.find(&p(6)).unwrap().text;
    assert!(text.contains("paragraph 7 above"), "{text}");
}

#[test]
fn revisions_frozen_on_both_sides_are_kept_once() {
    let b = base();
    let rev = Revision {
        label: "L.6".into(),
        date: "2026-12-01".into(),
        note: String::new(),
        document: b.document.clone(),
    };
    let mut o = b.clone();
    o.revisions.push(rev.clone());
    let mut t = b.clone();
    t.revisions.push(rev.clone());
    let mut other = rev.clone();
    other.label = "L.7".into();
    t.revisions.push(other);
    let m = merge(&b, &o, &t, &Names::default());
    assert!(m.is_clean(), "{:?}", m.conflicts);
    let labels: Vec<&str> = m.draft.revisions.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels, ["L.6", "L.7"]);
}
