//! Unit and property tests of the negotiation operations.

use super::*;
use crate::model::{DocKind, Paragraph};
use proptest::prelude::*;

fn draft() -> Draft {
    let mut doc = Document::new(DocKind::Resolution);
    doc.authoring_body = "The General Assembly".into();
    doc.preamble = vec![Paragraph::new(
        Id::new("p1"),
        "Recalling",
        "its resolution 79/1 of 1 October 2024,",
    )];
    doc.operative = vec![
        Paragraph::new(
            Id::new("p2"),
            "Welcomes",
            "the report of the Secretary-General;",
        ),
        Paragraph::new(
            Id::new("p3"),
            "Calls upon",
            "all States to strengthen cooperation and to share information;",
        ),
        Paragraph::new(Id::new("p4"), "Decides", "to remain seized of the matter."),
    ];
    let mut d = Draft::new(doc);
    add_delegation(&mut d.negotiation, "EU", "European Union").unwrap();
    add_delegation(&mut d.negotiation, "G77", "Group of 77 and China").unwrap();
    d
}

fn text(d: &Draft, id: &str) -> String {
    d.document.find(&Id::new(id)).unwrap().full_text()
}

#[test]
fn accepting_one_proposal_rebases_the_other() {
    let mut d = draft();
    let eu = propose(
        &mut d,
        "EU",
        "2026-12-01",
        ProposedChange::ReplaceWords {
            paragraph: Id::new("p3"),
            words: "strengthen".into(),
            occurrence: 0,
            with: "enhance".into(),
        },
    )
    .unwrap();
    let g77 = propose(
        &mut d,
        "G77",
        "2026-12-01",
        ProposedChange::InsertWords {
            paragraph: Id::new("p3"),
            after: "share information".into(),
            occurrence: 0,
            text: "and best practices".into(),
        },
    )
    .unwrap();
    let clash = propose(
        &mut d,
        "G77",
        "2026-12-01",
        ProposedChange::DeleteWords {
            paragraph: Id::new("p3"),
            words: "to strengthen cooperation".into(),
            occurrence: 0,
        },
    )
    .unwrap();
    let s = accept(&mut d, &eu).unwrap();
    assert_eq!(
        text(&d, "p3"),
        "Calls upon all States to enhance cooperation and to share information;"
    );
    assert_eq!(s.attention, vec![clash.clone()]);
    assert!(!d.negotiation.proposal(&g77).unwrap().needs_attention);
    assert!(d.negotiation.proposal(&clash).unwrap().needs_attention);
    accept(&mut d, &g77).unwrap();
    assert_eq!(
        text(&d, "p3"),
        "Calls upon all States to enhance cooperation and to share information and best practices;"
    );
    // Undo: the text through the ops transaction, the negotiation from the snapshot.
    let mut d2 = draft();
    let id = propose(
        &mut d2,
        "EU",
        "",
        ProposedChange::DeleteWords {
            paragraph: Id::new("p3"),
            words: "all".into(),
            occurrence: 0,
        },
    )
    .unwrap();
    let before = d2.clone();
    let s = accept(&mut d2, &id).unwrap();
    assert_eq!(
        text(&d2, "p3"),
        "Calls upon States to strengthen cooperation and to share information;"
    );
    crate::ops::undo(&mut d2.document, &s.change.undo);
    d2.negotiation = s.before;
    assert_eq!(d2, before);
}

#[test]
fn settled_proposals_cannot_be_settled_again() {
    let mut d = draft();
    let id = propose(
        &mut d,
        "EU",
        "",
        ProposedChange::DeleteParagraph {
            paragraph: Id::new("p2"),
        },
    )
    .unwrap();
    reject(&mut d, &id).unwrap();
    assert!(matches!(
        accept(&mut d, &id),
        Err(NegotiationError::NotPending { .. })
    ));
    assert_eq!(d.document.operative.len(), 3);
    assert!(matches!(
        propose(
            &mut d,
            "XX",
            "",
            ProposedChange::DeleteParagraph {
                paragraph: Id::new("p2")
            }
        ),
        Err(NegotiationError::UnknownDelegation(_))
    ));
    assert!(matches!(
        propose(
            &mut d,
            "EU",
            "",
            ProposedChange::DeleteWords {
                paragraph: Id::new("p2"),
                words: "nowhere".into(),
                occurrence: 0
            }
        ),
        Err(NegotiationError::QuoteNotFound { .. })
    ));
}

#[test]
fn new_paragraphs_read_bis_until_the_clean_export() {
    let mut d = draft();
    let new = fresh_paragraph_id(&d);
    let id = propose(
        &mut d,
        "EU",
        "",
        ProposedChange::InsertParagraph {
            after: Some(Id::new("p2")),
            operative: true,
            paragraph: Paragraph::new(new, "Encourages", "all States to act;"),
        },
    )
    .unwrap();
    let second = fresh_paragraph_id(&d);
    assert_eq!(second, Id::new("p6"));
    let labels = numbering::labels(&d);
    assert_eq!(labels[&Id::new("p5")], "1 bis");
    assert_eq!(labels[&Id::new("p3")], "2");
    accept(&mut d, &id).unwrap();
    // Accepted, it stays "1 bis" and its neighbours keep their numbers.
    let labels = numbering::labels(&d);
    assert_eq!(labels[&Id::new("p5")], "1 bis");
    assert_eq!(labels[&Id::new("p4")], "3");
    // The clean export numbers as UN practice requires.
    let clean = crate::export::text(&d.document, 80);
    assert!(clean.contains("2.") && clean.contains("4."), "{clean}");
    let comp = compilation::text(&d, 80);
    assert!(comp.contains("OP1 bis [pending]"), "{comp}");
}

#[test]
fn open_paragraphs_are_those_with_open_items_and_beside_proposed_ones() {
    let mut d = draft();
    assert!(marks::open_paragraphs(&d).is_empty());
    let words = propose(
        &mut d,
        "EU",
        "",
        ProposedChange::DeleteWords {
            paragraph: Id::new("p3"),
            words: "and to share information".into(),
            occurrence: 0,
        },
    )
    .unwrap();
    // A paragraph proposed first in the operative part stands beside the one it comes before.
    let first = fresh_paragraph_id(&d);
    propose(
        &mut d,
        "G77",
        "",
        ProposedChange::InsertParagraph {
            after: None,
            operative: true,
            paragraph: Paragraph::new(first, "Stresses", "the need to act;"),
        },
    )
    .unwrap();
    let after = fresh_paragraph_id(&d);
    propose(
        &mut d,
        "EU",
        "",
        ProposedChange::InsertParagraph {
            after: Some(Id::new("p3")),
            operative: true,
            paragraph: Paragraph::new(after, "Encourages", "all States to act;"),
        },
    )
    .unwrap();
    let ids = |d: &Draft| {
        let mut v: Vec<String> = marks::open_paragraphs(d)
            .into_iter()
            .map(|i| i.to_string())
            .collect();
        v.sort();
        v
    };
    assert_eq!(ids(&d), ["p2", "p3"]);
    withdraw(&mut d, &words).unwrap();
    assert_eq!(ids(&d), ["p2", "p3"], "p3 still has a paragraph after it");
}

#[test]
fn choosing_an_alternative_resolves_the_bracket() {
    let mut d = draft();
    let b = bracket_span(
        &mut d,
        &Id::new("p3"),
        "strengthen",
        0,
        "EU",
        vec![Alternative {
            by: "G77".into(),
            lead: String::new(),
            text: "enhance".into(),
        }],
    )
    .unwrap();
    let comp = compilation::text(&d, 200);
    assert!(
        comp.contains("[Alt 1 (EU): strengthen / Alt 2 (G77): enhance]"),
        "{comp}"
    );
    choose(&mut d, &b, 1).unwrap();
    assert!(d.negotiation.brackets.is_empty());
    assert!(text(&d, "p3").contains("to enhance cooperation"));
    let w = bracket_paragraph(
        &mut d,
        &Id::new("p2"),
        "EU",
        vec![Alternative {
            by: "G77".into(),
            ..Alternative::default()
        }],
    )
    .unwrap();
    choose(&mut d, &w, 1).unwrap();
    assert_eq!(d.document.operative.len(), 2);
}

#[test]
fn negotiation_round_trips_through_the_draft_file() {
    let mut d = draft();
    propose(
        &mut d,
        "EU",
        "2026-12-01",
        ProposedChange::InsertParagraph {
            after: None,
            operative: true,
            paragraph: Paragraph {
                subparagraphs: vec![Paragraph::new(Id::new("p9"), "", "first \"quoted\";")],
                ..Paragraph::new(Id::new("p8"), "Stresses", "the following:")
            },
        },
    )
    .unwrap();
    propose(
        &mut d,
        "G77",
        "",
        ProposedChange::MoveParagraph {
            paragraph: Id::new("p4"),
            after: None,
        },
    )
    .unwrap();
    set_status(&mut d, &Id::new("p2"), Status::AgreedAdRef).unwrap();
    bracket_span(
        &mut d,
        &Id::new("p3"),
        "all",
        0,
        "ours",
        vec![Alternative {
            by: "theirs".into(),
            lead: String::new(),
            text: "Member".into(),
        }],
    )
    .unwrap();
    let toml = crate::draftfile::to_toml(&d).unwrap();
    assert!(toml.contains("format = 3"), "{toml}");
    let back = crate::draftfile::parse(&toml, std::path::Path::new("x.toml")).unwrap();
    assert_eq!(back, d);
    // A draft without a negotiation stays at its old format.
    let plain = crate::draftfile::to_toml(&Draft::new(d.document.clone())).unwrap();
    assert!(plain.contains("format = 1"));
    // A proposal by an unknown delegation names its line.
    let bad = toml.replace("by = \"G77\"", "by = \"XX\"");
    let err = crate::draftfile::parse(&bad, std::path::Path::new("x.toml")).unwrap_err();
    assert!(err.to_string().contains("not a delegation"), "{err}");
    assert!(err.line().is_some(), "{err}");
}

#[test]
fn direct_edits_mark_proposals_whose_words_are_gone() {
    let mut d = draft();
    let id = propose(
        &mut d,
        "EU",
        "",
        ProposedChange::DeleteWords {
            paragraph: Id::new("p4"),
            words: "seized".into(),
            occurrence: 0,
        },
    )
    .unwrap();
    d.document.find_mut(&Id::new("p4")).unwrap().text = "to close the matter.".into();
    assert_eq!(refresh_attention(&mut d), vec![id.clone()]);
    assert_eq!(counts(&d).attention, 1);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Accepting a word proposal never loses another proposal silently: every other open
    /// proposal either still finds its exact words or is marked as needing attention.
    #[test]
    fn rebased_proposals_find_their_words_or_say_so(
        a in 0usize..8, b in 0usize..8, len_a in 1usize..3, len_b in 1usize..3,
        with in "[a-z]{1,6}",
    ) {
        let mut d = draft();
        let words: Vec<&str> = "all States to strengthen cooperation and to share information"
            .split(' ').collect();
        let quote = |i: usize, n: usize| words[i.min(words.len() - 1)..(i + n).min(words.len())].join(" ");
        let qa = quote(a, len_a);
        let qb = quote(b, len_b);
        let occ = |q: &str, i: usize| {
            let full = text(&d, "p3");
            let start = full.find(&words[i.min(words.len() - 1)..].join(" ")).unwrap();
            super::rebase::occurrences(&full, q).take_while(|&s| s < start).count()
        };
        let (oa, ob) = (occ(&qa, a), occ(&qb, b));
        let ia = propose(&mut d, "EU", "", ProposedChange::ReplaceWords {
            paragraph: Id::new("p3"), words: qa.clone(), occurrence: oa, with: with.clone(),
        }).unwrap();
        let ib = propose(&mut d, "G77", "", ProposedChange::DeleteWords {
            paragraph: Id::new("p3"), words: qb.clone(), occurrence: ob,
        }).unwrap();
        accept(&mut d, &ia).unwrap();
        let p = d.negotiation.proposal(&ib).unwrap();
        if !p.needs_attention {
            let (w, k) = p.change.quote().unwrap();
            prop_assert!(locate(&text(&d, "p3"), w, k).is_some());
        } else {
            // Marked only when the accepted change reached its words.
            let (sa, sb) = (a.min(words.len() - 1), b.min(words.len() - 1));
            let touching = sa <= sb + len_b && sb <= sa + len_a;
            prop_assert!(touching || qa.contains(&qb) || qb.contains(&qa) || with.len() < 3);
        }
    }
}
