//! Unit tests of every operation and its undo.

use super::*;
use crate::model::{DocKind, Document};

fn para(id: &str, lead: &str, text: &str) -> Paragraph {
    Paragraph::new(Id::new(id), lead, text)
}

/// Two preambular paragraphs, three operative paragraphs; the second has sub-paragraphs
/// (a) and (b); a footnote marked in the third.
fn sample() -> Document {
    let mut d = Document::new(DocKind::Resolution);
    d.authoring_body = "The General Assembly".into();
    d.preamble
        .push(para("pp1", "Recalling", "its earlier work,"));
    d.preamble.push(para("pp2", "Noting", "the report,"));
    d.operative.push(para("o1", "Welcomes", "the report;"));
    let mut o2 = para("o2", "Requests", "the Secretary-General:");
    o2.subparagraphs.push(para("a", "", "to report;"));
    o2.subparagraphs.push(para("b", "", "to assist;"));
    d.operative.push(o2);
    d.operative.push(para(
        "o3",
        "Decides",
        "to remain seized of the matter,[^f1] in *good faith*.",
    ));
    d.footnotes.push(Footnote {
        id: Id::new("f1"),
        anchor: Id::new("o3"),
        text: "See A/1/1.".into(),
    });
    d
}

fn texts(d: &Document) -> Vec<(String, String)> {
    d.paragraphs()
        .into_iter()
        .map(|(p, _)| (p.id.0.clone(), p.text.clone()))
        .collect()
}

/// Applies, checks the undo restores exactly and the redo gives the same result again.
fn roundtrip(op: Op) -> (Document, Change) {
    let original = sample();
    let mut d = original.clone();
    let change = apply(&mut d, op).expect("the operation applies");
    let after = d.clone();
    let redo = undo(&mut d, &change.undo);
    assert_eq!(d, original, "undo restores exactly");
    undo(&mut d, &redo);
    assert_eq!(d, after, "redo gives the result again");
    (after, change)
}

#[test]
fn insert_after_the_last_moves_the_full_stop() {
    let (d, c) = roundtrip(Op::InsertAfter {
        target: Id::new("o3"),
        paragraph: para("n", "Decides", "to continue"),
    });
    assert_eq!(d.operative[3].text, "to continue.");
    assert_eq!(
        d.operative[2].text,
        "to remain seized of the matter,[^f1] in *good faith*;"
    );
    assert_eq!(c.focus, Some(Id::new("n")));
    assert!(
        c.messages
            .iter()
            .any(|m| m == "operative paragraph 3: end punctuation “.” → “;”"),
        "{:?}",
        c.messages
    );
}

#[test]
fn insert_before_and_append_into_an_empty_part() {
    let (d, _) = roundtrip(Op::InsertBefore {
        target: Id::new("pp1"),
        paragraph: para("n", "Bearing in mind", "the Charter"),
    });
    assert_eq!(d.preamble[0].text, "the Charter,");
    let mut empty = Document::new(DocKind::Resolution);
    let c = apply(
        &mut empty,
        Op::Append {
            part: Part::Operative,
            paragraph: para("n", "Decides", "x"),
        },
    )
    .unwrap();
    assert_eq!(empty.operative[0].text, "x.");
    undo(&mut empty, &c.undo);
    assert_eq!(empty, Document::new(DocKind::Resolution));
    let err = apply(
        &mut empty,
        Op::Append {
            part: Part::Section(3),
            paragraph: para("n", "", "x"),
        },
    );
    assert_eq!(err, Err(OpError::UnknownPart(Part::Section(3))));
}

#[test]
fn insert_sub_paragraph() {
    let (d, _) = roundtrip(Op::InsertSub {
        parent: Id::new("o3"),
        index: None,
        paragraph: para("s", "", "to act"),
    });
    assert_eq!(
        d.operative[2].text,
        "to remain seized of the matter,[^f1] in *good faith*:"
    );
    assert_eq!(d.operative[2].subparagraphs[0].text, "to act.");
    let (d, _) = roundtrip(Op::InsertSub {
        parent: Id::new("o2"),
        index: Some(0),
        paragraph: para("s", "", "first"),
    });
    assert_eq!(d.operative[1].subparagraphs[0].text, "first;");
    let mut d = sample();
    assert!(matches!(
        apply(
            &mut d,
            Op::InsertSub {
                parent: Id::new("o2"),
                index: Some(5),
                paragraph: para("s", "", "x")
            }
        ),
        Err(OpError::IndexOutOfRange { .. })
    ));
    assert_eq!(d, sample());
}

#[test]
fn duplicate_and_empty_ids_are_refused() {
    let mut d = sample();
    assert_eq!(
        apply(
            &mut d,
            Op::InsertAfter {
                target: Id::new("o1"),
                paragraph: para("a", "", "x")
            }
        ),
        Err(OpError::DuplicateId(Id::new("a")))
    );
    assert_eq!(
        apply(
            &mut d,
            Op::InsertAfter {
                target: Id::new("o1"),
                paragraph: para("", "", "x")
            }
        ),
        Err(OpError::EmptyId)
    );
    assert_eq!(
        apply(&mut d, Op::Delete { id: Id::new("zz") }),
        Err(OpError::UnknownId(Id::new("zz")))
    );
    assert_eq!(d, sample());
}

#[test]
fn delete_the_last_paragraph_takes_its_footnote_and_undo_restores_it() {
    let (d, c) = roundtrip(Op::Delete { id: Id::new("o3") });
    assert!(d.footnotes.is_empty());
    assert!(
        c.messages.iter().any(|m| m.contains("footnote 1 deleted")),
        "{:?}",
        c.messages
    );
    // (b) of the new last paragraph takes the full stop.
    assert_eq!(d.operative[1].subparagraphs[1].text, "to assist.");
    assert_eq!(c.focus, Some(Id::new("o2")));
}

#[test]
fn delete_keeps_footnotes_marked_elsewhere() {
    let mut d = sample();
    d.operative[0].text = "the report;[^f1]".into();
    d.footnotes[0].anchor = Id::new("o1");
    apply(&mut d, Op::Delete { id: Id::new("o3") }).unwrap();
    assert_eq!(d.footnotes.len(), 1);
}

#[test]
fn moves() {
    let (d, c) = roundtrip(Op::MoveUp { id: Id::new("o3") });
    assert_eq!(d.operative[1].id, Id::new("o3"));
    assert_eq!(
        d.operative[1].text,
        "to remain seized of the matter;[^f1] in *good faith*;".replace(";[^f1]", ",[^f1]")
    );
    assert_eq!(d.operative[2].subparagraphs[1].text, "to assist.");
    assert_eq!(c.focus, Some(Id::new("o3")));
    let (d, _) = roundtrip(Op::MoveDown { id: Id::new("a") });
    assert_eq!(d.operative[1].subparagraphs[1].id, Id::new("a"));
    assert_eq!(d.operative[1].subparagraphs[0].text, "to assist;");
    let (d, _) = roundtrip(Op::MoveTo {
        id: Id::new("o1"),
        index: 2,
    });
    assert_eq!(d.operative[2].id, Id::new("o1"));
    assert_eq!(d.operative[2].text, "the report.");
    let mut d = sample();
    assert_eq!(
        apply(&mut d, Op::MoveUp { id: Id::new("o1") }),
        Err(OpError::AlreadyFirst(Id::new("o1")))
    );
    assert_eq!(
        apply(&mut d, Op::MoveDown { id: Id::new("o3") }),
        Err(OpError::AlreadyLast(Id::new("o3")))
    );
    assert!(matches!(
        apply(
            &mut d,
            Op::MoveTo {
                id: Id::new("o1"),
                index: 3
            }
        ),
        Err(OpError::IndexOutOfRange { .. })
    ));
    let c = apply(
        &mut d,
        Op::MoveTo {
            id: Id::new("o1"),
            index: 0,
        },
    )
    .unwrap();
    assert!(c.undo.is_empty());
}

#[test]
fn demote_and_promote() {
    let (d, _) = roundtrip(Op::Demote { id: Id::new("o3") });
    assert_eq!(d.operative.len(), 2);
    let subs = &d.operative[1].subparagraphs;
    assert_eq!(subs[2].id, Id::new("o3"));
    assert_eq!(subs[1].text, "to assist;");
    assert_eq!(
        subs[2].text,
        "to remain seized of the matter,[^f1] in *good faith*."
    );
    let (d, _) = roundtrip(Op::Demote { id: Id::new("o2") });
    assert_eq!(d.operative[0].text, "the report:");
    let mut d = sample();
    assert_eq!(
        apply(&mut d, Op::Demote { id: Id::new("o1") }),
        Err(OpError::CannotDemoteFirst(Id::new("o1")))
    );
    assert_eq!(
        apply(&mut d, Op::Promote { id: Id::new("o1") }),
        Err(OpError::NotASubparagraph(Id::new("o1")))
    );
    let (d, _) = roundtrip(Op::Promote { id: Id::new("a") });
    assert_eq!(d.operative[2].id, Id::new("a"));
    assert_eq!(d.operative[2].text, "to report;");
    assert_eq!(d.operative[1].subparagraphs.len(), 1);
    assert_eq!(d.operative[1].subparagraphs[0].text, "to assist;");
    let (d, _) = roundtrip(Op::Promote { id: Id::new("b") });
    assert_eq!(d.operative[1].subparagraphs[0].text, "to report;");
}

#[test]
fn split_moves_the_marker_and_sub_paragraphs() {
    let at = "to remain seized of the matter,[^f1] in".len();
    let (d, c) = roundtrip(Op::Split {
        id: Id::new("o3"),
        at,
    });
    assert_eq!(
        d.operative[2].text,
        "to remain seized of the matter,[^f1] in;"
    );
    assert_eq!(d.operative[3].text, "*good faith*.");
    assert_eq!(c.focus, Some(d.operative[3].id.clone()));
    let at = "to remain seized of the".len();
    let (d, _) = roundtrip(Op::Split {
        id: Id::new("o3"),
        at,
    });
    assert_eq!(d.operative[3].text, "matter,[^f1] in *good faith*.");
    assert_eq!(d.footnotes[0].anchor, d.operative[3].id);
    // Emphasis open at the split is closed and reopened.
    let at = "to remain seized of the matter,[^f1] in *good".len();
    let (d, _) = roundtrip(Op::Split {
        id: Id::new("o3"),
        at,
    });
    assert_eq!(
        d.operative[2].text,
        "to remain seized of the matter,[^f1] in *good*;"
    );
    assert_eq!(d.operative[3].text, "*faith*.");
    let (d, _) = roundtrip(Op::Split {
        id: Id::new("o2"),
        at: 3,
    });
    assert_eq!(d.operative[1].text, "the;");
    assert_eq!(d.operative[2].subparagraphs.len(), 2);
    let mut d = sample();
    let inside = "to remain seized of the matter,[^".len();
    assert!(matches!(
        apply(
            &mut d,
            Op::Split {
                id: Id::new("o3"),
                at: inside
            }
        ),
        Err(OpError::BadSplit { .. })
    ));
    assert!(matches!(
        apply(
            &mut d,
            Op::Split {
                id: Id::new("o3"),
                at: 999
            }
        ),
        Err(OpError::BadSplit { .. })
    ));
    d.operative[0].text = "é;".into();
    assert!(matches!(
        apply(
            &mut d,
            Op::Split {
                id: Id::new("o1"),
                at: 1
            }
        ),
        Err(OpError::BadSplit { .. })
    ));
}

#[test]
fn merge_joins_text_and_sub_paragraphs() {
    let (d, _) = roundtrip(Op::Merge { id: Id::new("o2") });
    assert_eq!(d.operative.len(), 2);
    assert_eq!(
        d.operative[1].text,
        "the Secretary-General, decides to remain seized of the matter,[^f1] in *good faith*:"
    );
    assert_eq!(d.footnotes[0].anchor, Id::new("o2"));
    let (d, _) = roundtrip(Op::Merge { id: Id::new("a") });
    assert_eq!(d.operative[1].subparagraphs.len(), 1);
    assert_eq!(d.operative[1].subparagraphs[0].text, "to report to assist;");
    // The end mark the first had goes; a split and a merge give the text back.
    let mut d = sample();
    let at = d.operative[0].text.len() / 2;
    let at = d.operative[0].text[..at].rfind(' ').unwrap() + 1;
    let before = d.operative[0].text.clone();
    apply(
        &mut d,
        Op::Split {
            id: Id::new("o1"),
            at,
        },
    )
    .unwrap();
    assert!(
        d.operative[0].text.ends_with(';'),
        "{}",
        d.operative[0].text
    );
    apply(&mut d, Op::Merge { id: Id::new("o1") }).unwrap();
    assert_eq!(d.operative[0].text, before);
    let mut d = sample();
    assert_eq!(
        apply(&mut d, Op::Merge { id: Id::new("o3") }),
        Err(OpError::NoNextSibling(Id::new("o3")))
    );
}

#[test]
fn set_text_header_and_authoring_body() {
    let (d, c) = roundtrip(Op::SetText {
        id: Id::new("o1"),
        lead: "Also welcomes".into(),
        text: "the plan.".into(),
    });
    assert_eq!(
        (d.operative[0].lead.as_str(), d.operative[0].text.as_str()),
        ("Also welcomes", "the plan;")
    );
    assert_eq!(c.focus, Some(Id::new("o1")));
    let header = Header {
        symbol: "A/80/L.1".into(),
        ..Header::default()
    };
    let (d, _) = roundtrip(Op::SetHeader(header.clone()));
    assert_eq!(d.header, header);
    let (d, _) = roundtrip(Op::SetAuthoringBody("The Security Council".into()));
    assert_eq!(d.authoring_body, "The Security Council");
}

#[test]
fn restore_and_replace() {
    let mut d = sample();
    let original = d.clone();
    let removed = d.operative[2].clone();
    let footnotes = d.footnotes.clone();
    let c = apply(&mut d, Op::Delete { id: Id::new("o3") }).unwrap();
    assert!(d.footnotes.is_empty());
    apply(
        &mut d,
        Op::Restore {
            at: Location {
                part: Part::Operative,
                path: vec![9],
            },
            paragraph: removed,
            footnotes,
        },
    )
    .unwrap();
    assert_eq!(texts(&d), texts(&original));
    assert_eq!(d.footnotes, original.footnotes);
    let _ = c;
    let mut new_o2 = para("o2", "Requests", "the Secretariat:");
    new_o2.subparagraphs.push(para("a", "", "to report"));
    let (d, _) = roundtrip(Op::Replace { paragraph: new_o2 });
    assert_eq!(d.operative[1].subparagraphs.len(), 1);
    assert_eq!(d.operative[1].subparagraphs[0].text, "to report;");
    let mut d = sample();
    assert_eq!(
        apply(
            &mut d,
            Op::Replace {
                paragraph: para("o2", "", "x")
            }
        )
        .map(|_| d.operative[1].subparagraphs.len()),
        Ok(0)
    );
}

#[test]
fn renumber_normalises_every_end() {
    let mut d = sample();
    d.preamble[0].text = "its earlier work;".into();
    d.operative[0].text = "the report.".into();
    let original = d.clone();
    let c = renumber(&mut d);
    assert_eq!(d.preamble[0].text, "its earlier work,");
    assert_eq!(d.operative[0].text, "the report;");
    assert_eq!(c.messages.len(), 2, "{:?}", c.messages);
    assert_eq!(
        c.messages[0],
        "preambular paragraph 1: end punctuation “;” → “,”"
    );
    undo(&mut d, &c.undo);
    assert_eq!(d, original);
    let again = renumber(&mut sample());
    assert!(
        again.messages.is_empty() && again.undo.is_empty(),
        "{:?}",
        again.messages
    );
}

#[test]
fn errors_read_well() {
    assert_eq!(
        OpError::CannotDemoteFirst(Id::new("p1")).to_string(),
        "“p1” is the first paragraph of its list: there is no paragraph to demote it under"
    );
}

#[test]
fn set_text_keeps_unmeant_markup_as_typed() {
    let (d, c) = roundtrip(Op::SetText {
        id: Id::new("o1"),
        lead: "Welcomes".into(),
        text: "the report, see note [^f9], the note[^f1] and 5 * 3;".into(),
    });
    assert_eq!(
        d.operative[0].text,
        "the report, see note \\[^f9], the note[^f1] and 5 \\* 3;"
    );
    assert!(
        c.messages
            .iter()
            .any(|m| m == "operative paragraph 1: “[^f9]” names no footnote: kept as text"),
        "{:?}",
        c.messages
    );
    assert!(c.messages.iter().any(|m| m.contains("unpaired “*”")));
}

/// A chain of `n` nested sub-paragraphs "n1" > "n2" > … under a new paragraph "n0".
fn chain(n: usize) -> Paragraph {
    let mut p = para(&format!("n{n}"), "", "deepest;");
    for k in (0..n).rev() {
        let mut parent = para(&format!("n{k}"), "", "level:");
        parent.subparagraphs.push(p);
        p = parent;
    }
    p
}

#[test]
fn sub_paragraphs_nest_at_most_max_depth() {
    // Four levels under an operative paragraph are fine …
    let (d, _) = roundtrip(Op::Append {
        part: Part::Operative,
        paragraph: chain(MAX_DEPTH),
    });
    assert_eq!(d.locate(&Id::new("n4")).map(|l| l.depth()), Some(MAX_DEPTH));
    // … a fifth is refused wherever it would be made, and the document is unchanged.
    let mut d2 = d.clone();
    let deepest = Id::new(format!("n{MAX_DEPTH}"));
    let err = apply(
        &mut d2,
        Op::InsertSub {
            parent: deepest.clone(),
            index: None,
            paragraph: para("x", "", "too deep;"),
        },
    )
    .unwrap_err();
    assert!(matches!(err, OpError::TooDeep { depth: 5, .. }), "{err:?}");
    assert!(err.to_string().contains("at most 4 levels"), "{err}");
    assert_eq!(d2, d);
    let mut d3 = sample();
    let err = apply(
        &mut d3,
        Op::Append {
            part: Part::Operative,
            paragraph: chain(MAX_DEPTH + 1),
        },
    )
    .unwrap_err();
    assert!(matches!(err, OpError::TooDeep { .. }), "{err:?}");
    // Demoting a paragraph that holds four levels would make a fifth.
    let mut d4 = sample();
    apply(
        &mut d4,
        Op::Append {
            part: Part::Operative,
            paragraph: chain(MAX_DEPTH),
        },
    )
    .unwrap();
    let before = d4.clone();
    let err = apply(&mut d4, Op::Demote { id: Id::new("n0") }).unwrap_err();
    assert!(matches!(err, OpError::TooDeep { depth: 5, .. }), "{err:?}");
    assert_eq!(d4, before);
    let err = apply(
        &mut d4,
        Op::Restore {
            at: Location {
                part: Part::Operative,
                path: vec![1, 0],
            },
            paragraph: {
                let mut p = chain(MAX_DEPTH);
                rename(&mut p, "r");
                p
            },
            footnotes: Vec::new(),
        },
    )
    .unwrap_err();
    assert!(matches!(err, OpError::TooDeep { .. }), "{err:?}");
}

/// Gives every paragraph of the subtree a new id with this prefix.
fn rename(p: &mut Paragraph, prefix: &str) {
    p.id = Id::new(format!("{prefix}{}", p.id));
    for sp in &mut p.subparagraphs {
        rename(sp, prefix);
    }
}

/// A transaction whose text edits come before and after edits that move paragraphs: each
/// text edit reaches the paragraph with its id wherever the edits before left it, and the
/// inverse restores the document.
#[test]
fn text_edits_follow_paragraphs_moved_within_a_transaction() {
    let mut d = sample();
    let original = d.clone();
    let set = |id: &str, text: &str| Edit::SetText {
        id: Id::new(id),
        lead: String::new(),
        text: text.into(),
    };
    let at = |path: Vec<usize>| crate::model::Location {
        part: crate::model::Part::Operative,
        path,
    };
    let t = Transaction::from_edits(vec![
        set("o3", "first;"),
        Edit::Insert {
            at: at(vec![0]),
            paragraph: para("new", "Notes", "a new paragraph;"),
        },
        set("o1", "one;"),
        set("a", "to a;"),
        set("o3", "second;"),
        set("b", "sub;"),
        set("o2", "two:"),
        Edit::Remove { at: at(vec![1]) },
        set("o2", "third:"),
        set("new", "renamed;"),
    ]);
    let inverse = undo(&mut d, &t);
    let got = texts(&d);
    let text_of = |id: &str| &got.iter().find(|(i, _)| i == id).expect(id).1;
    assert_eq!(text_of("o3"), "second;");
    assert_eq!(text_of("b"), "sub;");
    assert_eq!(text_of("a"), "to a;");
    assert_eq!(text_of("o2"), "third:");
    assert_eq!(text_of("new"), "renamed;");
    assert!(d.find(&Id::new("o1")).is_none(), "o1 was removed");
    undo(&mut d, &inverse);
    assert_eq!(d, original);
}
