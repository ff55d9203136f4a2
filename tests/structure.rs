//! Headings, parts numbered afresh and annexes through every layer of the model: the draft
//! file (format 2, read back exactly; format 1 still written when they are absent; a
//! heading before a missing paragraph named with its line), numbering and names of places,
//! cross-references (“paragraph 2 of the annex”), and the JSON export's contract.

use resdraft::draftfile::{self, FileError};
use resdraft::model::{
    Annex, DocKind, Document, Draft, Footnote, Heading, Id, Location, Paragraph, Part,
    ResolutionPart, Section,
};
use resdraft::numbering;
use resdraft::ops::{self, Op};
use std::path::Path;

fn para(id: &str, lead: &str, text: &str) -> Paragraph {
    Paragraph::new(Id::new(id), lead, text)
}

/// A resolution of the lamplighters (our own text) with every structure.
fn structured() -> Document {
    let mut doc = Document::new(DocKind::Resolution);
    doc.authoring_body = "The Assembly of Lamplighters".into();
    doc.preamble.push(para("p1", "Recalling", "its charter,"));
    doc.operative
        .push(para("p2", "Decides", "to keep the lamps;"));
    doc.operative.push(para(
        "p3",
        "Adopts",
        "the charter, and recalls paragraph 2 of the annex;",
    ));
    doc.operative.push(para("p4", "Requests", "a report.[^f1]"));
    doc.headings.push(Heading {
        id: Id::new("h1"),
        level: 1,
        label: "II".into(),
        heading: "Follow-up".into(),
        before: Id::new("p4"),
    });
    doc.parts.push(ResolutionPart {
        id: Id::new("part1"),
        label: "B".into(),
        heading: "Harbour lights".into(),
        preamble: vec![para("p5", "Noting", "the harbour,")],
        operative: vec![
            para("p6", "Decides", "to light the harbour;"),
            para("p7", "Recalls", "paragraph 1 above."),
        ],
    });
    doc.annexes.push(Annex {
        id: Id::new("annex1"),
        label: String::new(),
        title: "Charter of the Lamplighters".into(),
        numbered: true,
        paragraphs: vec![
            para("p8", "", "We, the keepers, meet."),
            para("p9", "", "We keep the lamps.[^f2]"),
        ],
        sections: vec![Section {
            id: Id::new("s1"),
            level: 1,
            label: "I".into(),
            heading: "Duties".into(),
            numbered: true,
            paragraphs: vec![para("p10", "", "We trim the wicks, as in paragraph 2.")],
        }],
    });
    doc.footnotes.push(Footnote {
        id: Id::new("f1"),
        anchor: Id::new("p4"),
        text: "A note.".into(),
    });
    doc.footnotes.push(Footnote {
        id: Id::new("f2"),
        anchor: Id::new("p9"),
        text: "A note of the annex.".into(),
    });
    doc
}

#[test]
fn the_draft_file_reads_back_every_structure() {
    let draft = Draft::new(structured());
    let text = draftfile::to_toml(&draft).unwrap();
    assert!(text.contains("format = 2"), "{text}");
    for table in [
        "[[headings]]",
        "[[parts]]",
        "[[parts.preamble]]",
        "[[parts.operative]]",
        "[[annexes]]",
        "[[annexes.paragraphs]]",
        "[[annexes.sections]]",
        "[[annexes.sections.paragraphs]]",
    ] {
        assert!(text.contains(table), "{table} in {text}");
    }
    let back = draftfile::parse(&text, Path::new("d.toml")).unwrap();
    assert_eq!(back, draft);
}

#[test]
fn a_draft_without_structure_stays_format_1() {
    let mut doc = structured();
    doc.headings.clear();
    doc.parts.clear();
    doc.annexes.clear();
    doc.footnotes.truncate(1);
    let text = draftfile::to_toml(&Draft::new(doc)).unwrap();
    assert!(text.contains("format = 1\n"), "{text}");
    assert!(!text.contains("[[annexes]]"));
}

#[test]
fn a_heading_before_a_missing_paragraph_is_named_with_its_line() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/structure/dangling-heading.toml");
    let err = draftfile::load(&path).unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, FileError::Invalid { .. }), "{err:?}");
    assert_eq!(err.line(), Some(18), "{msg}");
    assert!(
        msg.contains("heading “Lamps”") && msg.contains("“p9”"),
        "{msg}"
    );
}

#[test]
fn duplicate_ids_across_structures_are_refused() {
    let mut doc = structured();
    doc.annexes[0].id = Id::new("part1");
    let text = draftfile::to_toml(&Draft::new(doc)).unwrap();
    let err = draftfile::parse(&text, Path::new("d.toml")).unwrap_err();
    assert!(matches!(err, FileError::DuplicateId { .. }), "{err:?}");
    let line = err.line().unwrap();
    assert_eq!(text.lines().nth(line - 2), Some("[[annexes]]"), "{err}");
}

#[test]
fn parts_and_annexes_number_afresh() {
    let doc = structured();
    assert_eq!(numbering::number(&doc, Part::Operative, 2), Some(3));
    assert_eq!(numbering::number(&doc, Part::PartOperative(0), 0), Some(1));
    assert_eq!(numbering::number(&doc, Part::PartPreamble(0), 0), None);
    assert_eq!(numbering::number(&doc, Part::Annex(0), 1), Some(2));
    assert_eq!(
        numbering::number(&doc, Part::AnnexSection(0, 0), 0),
        Some(3)
    );
    let loc = doc.locate(&Id::new("p7")).unwrap();
    assert_eq!(
        numbering::describe(&doc, &loc),
        "operative paragraph 2 of part B"
    );
    let loc = doc.locate(&Id::new("p9")).unwrap();
    assert_eq!(numbering::describe(&doc, &loc), "paragraph 2 of the annex");
    assert_eq!(numbering::short_tag(&doc, &loc), "Anx¶2");
    // Every paragraph list is walked, in document order.
    let ids: Vec<&str> = doc
        .paragraphs()
        .iter()
        .map(|(p, _)| p.id.as_str())
        .collect();
    assert_eq!(
        ids,
        ["p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9", "p10"]
    );
}

#[test]
fn references_follow_their_own_numbering() {
    let mut doc = structured();
    // A new first paragraph of the annex: “paragraph 2 of the annex” is now paragraph 3,
    // and the annex's own “paragraph 2” too; part B's “paragraph 1 above” is untouched.
    let p = ops::new_paragraph(&doc, "", "We gather.");
    ops::apply(
        &mut doc,
        Op::InsertBefore {
            target: Id::new("p8"),
            paragraph: p,
        },
    )
    .unwrap();
    let text = |d: &Document, id: &str| d.find(&Id::new(id)).unwrap().text.clone();
    assert_eq!(
        text(&doc, "p3"),
        "the charter, and recalls paragraph 3 of the annex;"
    );
    assert_eq!(text(&doc, "p10"), "We trim the wicks, as in paragraph 3.");
    assert_eq!(text(&doc, "p7"), "paragraph 1 above.");
    // A new first operative paragraph of the resolution leaves part B's numbering alone.
    let p = ops::new_paragraph(&doc, "Welcomes", "the keepers;");
    ops::apply(
        &mut doc,
        Op::InsertBefore {
            target: Id::new("p2"),
            paragraph: p,
        },
    )
    .unwrap();
    assert_eq!(text(&doc, "p7"), "paragraph 1 above.");
    assert_eq!(
        text(&doc, "p3"),
        "the charter, and recalls paragraph 3 of the annex;"
    );
}

#[test]
fn paragraph_operations_work_inside_parts_and_annexes() {
    let mut doc = structured();
    ops::apply(&mut doc, Op::MoveUp { id: Id::new("p7") }).unwrap();
    let ops_b: Vec<&str> = doc.parts[0]
        .operative
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(ops_b, ["p7", "p6"]);
    // The last operative paragraph of the part takes the full stop.
    assert!(
        doc.parts[0].operative[1].text.ends_with('.'),
        "{:?}",
        doc.parts[0]
    );
    let change = ops::apply(&mut doc, Op::Delete { id: Id::new("p9") }).unwrap();
    assert!(doc.footnotes.iter().all(|f| f.id.as_str() != "f2"));
    ops::undo(&mut doc, &change.undo);
    assert_eq!(doc.annexes[0].paragraphs.len(), 2);
    assert!(doc.footnote(&Id::new("f2")).is_some());
    let loc = Location {
        part: Part::Annex(0),
        path: vec![1],
    };
    assert_eq!(doc.at(&loc).map(|p| p.id.as_str()), Some("p9"));
}

#[test]
fn headings_parts_and_annexes_are_edited_with_exact_undo() {
    let mut doc = structured();
    let original = doc.clone();
    // Deleting the paragraph under a heading moves the heading to the next paragraph of the
    // list; deleting the last one of the list takes the heading away.
    let mut h = doc.clone();
    ops::apply(&mut h, Op::Delete { id: Id::new("p4") }).unwrap();
    assert!(h.headings.is_empty(), "{:?}", h.headings);
    let c = ops::apply(
        &mut doc,
        Op::MoveHeading {
            id: Id::new("h1"),
            before: Id::new("p3"),
        },
    )
    .unwrap();
    let c2 = ops::apply(&mut doc, Op::Delete { id: Id::new("p3") }).unwrap();
    assert_eq!(doc.headings[0].before.as_str(), "p4");
    ops::undo(&mut doc, &c2.undo);
    ops::undo(&mut doc, &c.undo);
    assert_eq!(doc, original);
    let steps = [
        Op::SetHeading {
            id: Id::new("h1"),
            level: 2,
            label: "A".into(),
            heading: "Reports".into(),
        },
        Op::AddHeading(Heading {
            id: Id::new("h2"),
            level: 1,
            label: "I".into(),
            heading: "Lamps".into(),
            before: Id::new("p2"),
        }),
        Op::SetPart {
            id: Id::new("part1"),
            label: "C".into(),
            heading: "Piers".into(),
        },
        Op::AddPart {
            index: 0,
            part: ResolutionPart {
                id: Id::new("part2"),
                label: "A".into(),
                heading: "Towers".into(),
                preamble: vec![],
                operative: vec![para("p20", "Decides", "to build towers.")],
            },
        },
        Op::MovePart {
            id: Id::new("part2"),
            index: 1,
        },
        Op::SetAnnex {
            id: Id::new("annex1"),
            label: "I".into(),
            title: "Charter".into(),
        },
        Op::DeleteAnnex {
            id: Id::new("annex1"),
        },
        Op::DeletePart {
            id: Id::new("part1"),
        },
        Op::DeleteHeading { id: Id::new("h1") },
    ];
    let mut undos = Vec::new();
    for op in steps {
        undos.push(ops::apply(&mut doc, op).unwrap().undo);
        let text = draftfile::to_toml(&Draft::new(doc.clone())).unwrap();
        draftfile::parse(&text, Path::new("d.toml")).expect("every step saves a valid draft");
    }
    assert_eq!(doc.headings.len(), 1);
    assert_eq!(doc.headings[0].before.as_str(), "p2");
    assert_eq!(doc.parts.len(), 1);
    assert_eq!(doc.parts[0].id.as_str(), "part2");
    assert!(doc.annexes.is_empty());
    assert!(
        doc.footnote(&Id::new("f2")).is_none(),
        "the annex's footnote went with it"
    );
    for u in undos.iter().rev() {
        ops::undo(&mut doc, u);
    }
    assert_eq!(doc, original);
    let dup = ops::apply(
        &mut doc,
        Op::AddHeading(Heading {
            id: Id::new("p2"),
            before: Id::new("p2"),
            ..Heading::default()
        }),
    );
    assert!(dup.is_err());
}

/// Imports a text of tests/fixtures/structure (our own texts).
fn import(name: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/structure")
        .join(name);
    let text = std::fs::read_to_string(path).unwrap();
    resdraft::import::import_str(&text, resdraft::import::KindHint::Auto).document
}

#[test]
fn import_headings_i_to_x_with_numbering_running_on() {
    let doc = import("headings-i-x.txt");
    assert_eq!(doc.operative.len(), 20);
    assert!(doc.parts.is_empty());
    let labels: Vec<&str> = doc.headings.iter().map(|h| h.label.as_str()).collect();
    assert_eq!(
        labels,
        ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
    );
    assert_eq!(doc.headings[1].heading, "Wicks and oil");
    // Heading II stands before operative paragraph 3.
    assert_eq!(doc.headings[1].before, doc.operative[2].id);
    assert_eq!(doc.preamble.len(), 2);
    let json = resdraft::export::json(&doc);
    assert_eq!(json["headings"][1]["before"], json["operative"][2]["id"]);
    assert_eq!(json["operative"].as_array().map(Vec::len), Some(20));
}

#[test]
fn import_parts_numbered_afresh() {
    let doc = import("parts.txt");
    assert!(doc.operative.is_empty() && doc.preamble.is_empty());
    let shape: Vec<(&str, &str, usize, usize)> = doc
        .parts
        .iter()
        .map(|p| {
            (
                p.label.as_str(),
                p.heading.as_str(),
                p.preamble.len(),
                p.operative.len(),
            )
        })
        .collect();
    assert_eq!(
        shape,
        [
            ("I", "Lamps of the northern coast", 1, 2),
            ("II", "Wicks and oil", 1, 3),
            ("III", "Towers of the harbour", 1, 1),
        ]
    );
    assert!(doc.notes.iter().any(|n| n.contains("12th plenary meeting")));
}

#[test]
fn import_an_annex_with_its_paragraphs_sections_and_footnotes() {
    let doc = import("annex.txt");
    assert_eq!(doc.operative.len(), 1, "{:#?}", doc.operative);
    assert_eq!(doc.annexes.len(), 1);
    let x = &doc.annexes[0];
    assert_eq!(x.title, "Charter of the Keepers");
    assert_eq!(x.paragraphs.len(), 2);
    assert_eq!(x.sections.len(), 1);
    assert_eq!(x.sections[0].heading, "Duties");
    assert_eq!(x.sections[0].paragraphs[0].subparagraphs.len(), 2);
    assert_eq!(
        numbering::number(&doc, Part::AnnexSection(0, 0), 0),
        Some(3)
    );
    assert_eq!(doc.footnotes.len(), 1);
    assert_eq!(doc.footnotes[0].anchor, x.paragraphs[0].id);
    assert!(x.paragraphs[0].text.contains("[^"), "{:?}", x.paragraphs[0]);
    assert!(doc.notes.iter().any(|n| n.contains("12th plenary meeting")));
}

#[test]
fn an_annexed_declaration_keeps_its_unnumbered_paragraphs_apart_from_its_numbered_ones() {
    // "Preamble", "Guiding principles" and "Commitments" head sections of their own; the
    // sentence under a heading that introduces numbered paragraphs stays unnumbered, and the
    // numbered paragraphs keep their printed numbers (1–4) in the export.
    let doc = import("declaration.txt");
    let x = &doc.annexes[0];
    assert_eq!(x.title, "Declaration of the Keepers");
    let sections: Vec<(&str, bool, usize)> = x
        .sections
        .iter()
        .map(|s| (s.heading.as_str(), s.numbered, s.paragraphs.len()))
        .collect();
    assert_eq!(
        sections,
        [
            ("Preamble", false, 3),
            ("Guiding principles", false, 1),
            ("", true, 2),
            ("Commitments", false, 1),
            ("", true, 2),
        ],
        "{:#?}",
        x.sections
    );
    let numbers: Vec<Option<u32>> = (0..x.sections.len())
        .flat_map(|s| {
            (0..x.sections[s].paragraphs.len())
                .map(move |i| (s, i))
                .collect::<Vec<_>>()
        })
        .map(|(s, i)| numbering::number(&doc, Part::AnnexSection(0, s), i))
        .collect();
    assert_eq!(
        numbers,
        [
            None,
            None,
            None,
            None,
            Some(1),
            Some(2),
            None,
            Some(3),
            Some(4)
        ]
    );
    let md = resdraft::export::markdown(&doc);
    assert!(md.contains("### Preamble\n\nWe, the keepers"), "{md}");
    assert!(md.contains("principles:\n\n1\\. Every lamp"), "{md}");
    assert!(!md.contains("### \n"), "an empty heading: {md}");
}
