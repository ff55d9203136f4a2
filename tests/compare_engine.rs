//! Engine tests of the comparison: each class, moves, renumbering only, cross-references
//! renumbered (also to sub-paragraphs relettered), similarity alignment when ids differ,
//! sub-paragraphs, footnotes and header.

mod common;

use resdraft::compare::{self, Align, ChangeEntry, Comparison, Kind, PartKind};
use resdraft::model::{Document, Footnote, Id, Paragraph};

fn para(id: &str, full: &str) -> Paragraph {
    let (lead, text) = full.split_once(' ').unwrap_or((full, ""));
    Paragraph::new(Id::new(id), lead, text)
}

/// A resolution whose operative paragraphs are `(id, text)`.
fn doc(pre: &[(&str, &str)], ops: &[(&str, &str)]) -> Document {
    let mut d = Document {
        authoring_body: "The General Assembly".into(),
        preamble: pre.iter().map(|(i, t)| para(i, t)).collect(),
        operative: ops.iter().map(|(i, t)| para(i, t)).collect(),
        ..Document::default()
    };
    d.header.title = "Countering the illicit trade in garden gnomes".into();
    d
}

const OPS: [(&str, &str); 6] = [
    (
        "p1",
        "Welcomes the report of the Secretary-General on garden ornaments;",
    ),
    (
        "p2",
        "Urges all States to ratify the Convention on Garden Gnomes without delay;",
    ),
    (
        "p3",
        "Requests the Secretariat to compile statistics on gnome trafficking;",
    ),
    (
        "p4",
        "Invites donors to fund the work referred to in paragraph 3 above;",
    ),
    (
        "p5",
        "Encourages regional cooperation among customs authorities;",
    ),
    ("p6", "Decides to remain seized of the matter."),
];

fn round_trip(old: &Document, new: &Document, cmp: &Comparison) {
    let got = compare::apply(old, cmp).expect("comparison replays");
    assert_eq!(&got, new, "applying the changes yields the new version");
}

fn entry<'a>(cmp: &'a Comparison, id: &str) -> &'a ChangeEntry {
    cmp.changes
        .iter()
        .find(|e| e.is_paragraph() && e.id().map(Id::as_str) == Some(id))
        .unwrap_or_else(|| panic!("no entry for {id}"))
}

#[test]
fn identical_versions_are_all_unchanged() {
    let d = doc(&[("p10", "Recalling its resolution 70/1,")], &OPS);
    let cmp = compare::compare(&d, &d, Align::ById);
    assert!(cmp.is_identical());
    assert_eq!(cmp.stat().unchanged, cmp.changes.len());
    round_trip(&d, &d, &cmp);
}

#[test]
fn word_edits_in_text_and_lead() {
    let old = doc(&[], &OPS);
    let mut new = old.clone();
    new.operative[1].text =
        "all States parties to ratify the Convention on Garden Gnomes without delay;".into();
    new.operative[4].lead = "Strongly".into();
    new.operative[4].text = "encourages regional cooperation among customs authorities;".into();
    let cmp = compare::compare(&old, &new, Align::ById);
    let e = entry(&cmp, "p2");
    assert_eq!(e.kind, Kind::Modified);
    assert_eq!(e.edits.len(), 1);
    assert_eq!(e.edits[0].deleted, "");
    assert_eq!(e.edits[0].inserted.trim(), "parties");
    assert_eq!(entry(&cmp, "p5").kind, Kind::Modified);
    assert_eq!(entry(&cmp, "p1").kind, Kind::Unchanged);
    round_trip(&old, &new, &cmp);
}

#[test]
fn insertion_renumbers_followers_and_their_references() {
    let old = doc(&[], &OPS);
    let mut new = old.clone();
    new.operative.insert(
        1,
        para("p7", "Calls upon Member States to share information;"),
    );
    // Old paragraph 3 is now 4: the reference in old paragraph 4 follows.
    new.operative[4].text = "donors to fund the work referred to in paragraph 4 above;".into();
    let cmp = compare::compare(&old, &new, Align::ById);
    assert_eq!(entry(&cmp, "p7").kind, Kind::Inserted);
    assert_eq!(entry(&cmp, "p1").kind, Kind::Unchanged);
    for id in ["p2", "p3", "p5", "p6"] {
        assert_eq!(entry(&cmp, id).kind, Kind::Renumbered, "{id}");
    }
    let p4 = entry(&cmp, "p4");
    assert_eq!(
        p4.kind,
        Kind::Renumbered,
        "a reference rewritten by renumbering is no change of substance"
    );
    assert!(p4.edits.is_empty());
    assert_eq!(p4.ref_updates.len(), 1);
    assert_eq!(
        (
            p4.old.as_ref().unwrap().number,
            p4.new.as_ref().unwrap().number
        ),
        (Some(4), Some(5))
    );
    round_trip(&old, &new, &cmp);
}

#[test]
fn deletion_is_reported_with_its_old_number() {
    let old = doc(
        &[
            ("q1", "Recalling its earlier resolutions,"),
            ("q2", "Noting with concern the rise in gnome theft,"),
        ],
        &OPS,
    );
    let mut new = old.clone();
    new.operative.remove(2);
    new.preamble.remove(0);
    let cmp = compare::compare(&old, &new, Align::ById);
    let d = entry(&cmp, "p3");
    assert_eq!(d.kind, Kind::Deleted);
    assert_eq!(d.old.as_ref().unwrap().number, Some(3));
    assert!(d.new.is_none());
    let q = entry(&cmp, "q1");
    assert_eq!((q.kind, q.part), (Kind::Deleted, PartKind::Preamble));
    // Preambular paragraphs carry no number: their shift is no change.
    assert_eq!(entry(&cmp, "q2").kind, Kind::Unchanged);
    // Deleted entries stand where they stood.
    let order: Vec<&str> = cmp
        .changes
        .iter()
        .filter(|e| e.part == PartKind::Operative)
        .filter_map(|e| e.id().map(Id::as_str))
        .collect();
    assert_eq!(order, ["p1", "p2", "p3", "p4", "p5", "p6"]);
    round_trip(&old, &new, &cmp);
}

#[test]
fn a_move_is_one_moved_entry_not_a_deletion_and_insertion() {
    let old = doc(&[], &OPS);
    let mut new = old.clone();
    let p5 = new.operative.remove(4);
    new.operative.insert(1, p5);
    new.operative[1].text =
        "regional and subregional cooperation among customs authorities;".into();
    let cmp = compare::compare(&old, &new, Align::ById);
    let s = cmp.stat();
    assert_eq!((s.moved, s.inserted, s.deleted), (1, 0, 0));
    let m = entry(&cmp, "p5");
    assert_eq!(m.kind, Kind::Moved);
    assert_eq!(
        (
            m.old.as_ref().unwrap().number,
            m.new.as_ref().unwrap().number
        ),
        (Some(5), Some(2))
    );
    assert!(
        !m.edits.is_empty(),
        "a moved paragraph keeps its word changes"
    );
    assert_eq!(entry(&cmp, "p2").kind, Kind::Renumbered);
    round_trip(&old, &new, &cmp);
}

#[test]
fn renumbering_only() {
    let old = doc(&[], &OPS);
    let mut new = old.clone();
    new.operative.remove(0);
    let cmp = compare::compare(&old, &new, Align::ById);
    let s = cmp.stat();
    assert_eq!((s.deleted, s.renumbered, s.modified), (1, 4, 1));
    // The reference "paragraph 3" in old paragraph 4 now reads "paragraph 2" only if rewritten;
    // here it was not, so it is a modification of substance.
    assert_eq!(entry(&cmp, "p4").kind, Kind::Modified);
    round_trip(&old, &new, &cmp);
}

#[test]
fn similarity_aligns_when_ids_differ() {
    let old = doc(&[], &OPS);
    // The same text imported again gets new ids; one paragraph edited, one inserted, one moved.
    let mut new = doc(
        &[],
        &[
            (
                "n1",
                "Welcomes the report of the Secretary-General on garden ornaments;",
            ),
            ("n2", "Decides to remain seized of the matter."),
            (
                "n3",
                "Urges all States parties to ratify the Convention on Garden Gnomes without delay;",
            ),
            (
                "n4",
                "Requests the Secretariat to compile statistics on gnome trafficking;",
            ),
            (
                "n5",
                "Notes the importance of public awareness campaigns on gnome theft;",
            ),
            (
                "n6",
                "Invites donors to fund the work referred to in paragraph 4 above;",
            ),
            (
                "n7",
                "Encourages regional cooperation among customs authorities;",
            ),
        ],
    );
    new.header = old.header.clone();
    let cmp = compare::compare(&old, &new, Align::Auto);
    assert_eq!(cmp.align, Align::BySimilarity);
    let by_old = |id: &str| {
        cmp.changes
            .iter()
            .find(|e| e.old.as_ref().is_some_and(|o| o.id.as_str() == id))
            .unwrap()
    };
    assert_eq!(by_old("p1").kind, Kind::Unchanged);
    assert_eq!(by_old("p2").kind, Kind::Modified);
    assert_eq!(by_old("p2").new.as_ref().unwrap().id.as_str(), "n3");
    assert_eq!(by_old("p6").kind, Kind::Moved);
    assert_eq!(by_old("p4").kind, Kind::Renumbered);
    assert_eq!(entry(&cmp, "n5").kind, Kind::Inserted);
    let s = cmp.stat();
    assert_eq!((s.inserted, s.deleted, s.moved), (1, 0, 1));
    round_trip(&old, &new, &cmp);
}

/// The resolution of [`OPS`] whose operative paragraph 3 has two sub-paragraphs, (a) and (b).
fn with_subparagraphs() -> Document {
    let mut d = doc(&[], &OPS);
    d.operative[2].text = "the Secretariat:".into();
    d.operative[2].subparagraphs = vec![
        para("s1", "To compile statistics on gnome trafficking;"),
        para("s2", "To report to the Commission at its next session;"),
    ];
    d
}

#[test]
fn subparagraphs_are_compared_too() {
    let old = with_subparagraphs();
    let mut new = old.clone();
    new.operative[2]
        .subparagraphs
        .insert(0, para("s3", "To consult Member States;"));
    new.operative[2].subparagraphs[2].text =
        "report to the Commission at its thirty-fifth session;".into();
    let cmp = compare::compare(&old, &new, Align::ById);
    assert_eq!(entry(&cmp, "s3").kind, Kind::Inserted);
    assert_eq!(entry(&cmp, "s3").depth, 1);
    assert_eq!(entry(&cmp, "s1").kind, Kind::Renumbered);
    assert_eq!(entry(&cmp, "s1").new.as_ref().unwrap().label, "OP3(b)");
    assert_eq!(entry(&cmp, "s2").kind, Kind::Modified);
    round_trip(&old, &new, &cmp);
}

#[test]
fn references_to_sub_paragraphs_follow_their_new_labels() {
    let mut old = with_subparagraphs();
    old.operative[3].text = "donors to fund the work referred to in paragraph 3 (b) above;".into();
    let mut new = old.clone();
    new.operative.insert(
        0,
        para("p7", "Calls upon Member States to share information;"),
    );
    new.operative[3]
        .subparagraphs
        .insert(1, para("s3", "To consult Member States;"));
    // Old paragraph 3 (b) is now 4 (c): the reference follows, no change of substance.
    new.operative[4].text = "donors to fund the work referred to in paragraph 4 (c) above;".into();
    let cmp = compare::compare(&old, &new, Align::BySimilarity);
    let p4 = entry(&cmp, "p4");
    assert_eq!(p4.kind, Kind::Renumbered, "{:?}", p4.edits);
    assert_eq!(p4.ref_updates.len(), 2);
    round_trip(&old, &new, &cmp);
    // Citing another sub-paragraph is a change.
    new.operative[4].text = "donors to fund the work referred to in paragraph 4 (a) above;".into();
    let cmp = compare::compare(&old, &new, Align::BySimilarity);
    let p4 = entry(&cmp, "p4");
    assert_eq!(p4.kind, Kind::Modified);
    let edits: Vec<(&str, &str)> = p4
        .edits
        .iter()
        .map(|e| (e.deleted.as_str(), e.inserted.as_str()))
        .collect();
    assert_eq!(edits, [("c", "a")]);
    round_trip(&old, &new, &cmp);
}

#[test]
fn footnotes_and_header_fields() {
    let mut old = doc(&[], &OPS);
    old.header.sponsors = vec!["Austria".into(), "Chile".into()];
    old.header.stage = "draft resolution".into();
    old.operative[0].text.push_str("[^f1]");
    old.footnotes = vec![Footnote {
        id: Id::new("f1"),
        anchor: Id::new("p1"),
        text: "A/80/123.".into(),
    }];
    let mut new = old.clone();
    new.header.sponsors = vec![
        "Austria".into(),
        "Brazil".into(),
        "Chile".into(),
        "Ghana".into(),
    ];
    new.header.stage = "revised draft resolution".into();
    new.footnotes[0].text = "A/80/123 and Corr.1.".into();
    let cmp = compare::compare(&old, &new, Align::ById);
    let field = |name: &str| {
        cmp.changes
            .iter()
            .find(|e| e.field.as_deref() == Some(name))
            .unwrap()
    };
    assert_eq!(field("stage").kind, Kind::Modified);
    let sp = field("sponsors");
    let added: Vec<&String> = sp.list_edits.iter().flat_map(|l| &l.inserted).collect();
    assert_eq!(added, ["Brazil", "Ghana"]);
    assert_eq!(field("title").kind, Kind::Unchanged);
    let f = cmp
        .changes
        .iter()
        .find(|e| e.part == PartKind::Footnote)
        .unwrap();
    assert_eq!(f.kind, Kind::Modified);
    round_trip(&old, &new, &cmp);
}

#[test]
fn corpus_texts_replay_after_edits() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        common::skip(
            "corpus_texts_replay_after_edits",
            &format!("{} not found", dir.display()),
        );
        return;
    };
    let mut seen = 0;
    for path in entries.flatten().map(|e| e.path()) {
        if path.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        let Ok(imported) = resdraft::import::import_file(&path, resdraft::import::KindHint::Auto)
        else {
            continue;
        };
        let old = imported.document;
        let mut new = old.clone();
        if new.operative.len() > 2 {
            let p = new.operative.remove(0);
            new.operative.insert(2, p);
            new.operative[1].text.push_str(" as a matter of priority");
        }
        for s in &mut new.sections {
            if s.paragraphs.len() > 1 {
                s.paragraphs.remove(1);
            }
        }
        new.preamble.truncate(new.preamble.len().saturating_sub(1));
        new.footnotes.reverse();
        for align in [Align::ById, Align::BySimilarity] {
            let cmp = compare::compare(&old, &new, align);
            let got =
                compare::apply(&old, &cmp).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert!(got == new, "{}: replay differs ({align:?})", path.display());
        }
        seen += 1;
    }
    assert!(seen > 0, "the corpus holds texts");
}

#[test]
fn spacing_and_hyphen_forms_are_not_modifications() {
    let old = doc(&[], &OPS);
    let mut new = old.clone();
    new.operative[0].text =
        "the  report of the Secretary\u{2011}General on garden ornaments ;".into();
    new.operative[1].text = format!("{}[^f1]", new.operative[1].text);
    let cmp = compare::compare(&old, &new, Align::ById);
    for id in ["p1", "p2"] {
        let e = entry(&cmp, id);
        assert_eq!(e.kind, Kind::Unchanged, "{id}: {e:?}");
        assert!(e.edits.is_empty() && !e.form_edits.is_empty());
    }
    round_trip(&old, &new, &cmp);
}

#[test]
fn a_comma_moved_across_a_footnote_marker_is_form_only() {
    // "ornaments[^f1], …" in the draft, "ornaments,[^f1] …" once the editors place the marker
    // after the punctuation: two edits that each move a comma, together a change of form only.
    let mut old = doc(&[], &OPS);
    old.operative[0].text =
        "the report of the Secretary-General on garden ornaments[^f1], fences and gates;".into();
    let mut new = old.clone();
    new.operative[0].text =
        "the report of the Secretary-General on garden ornaments,[^f1] fences and gates;".into();
    let cmp = compare::compare(&old, &new, Align::ById);
    let e = entry(&cmp, "p1");
    assert_eq!(e.kind, Kind::Unchanged, "{e:?}");
    assert!(e.edits.is_empty() && !e.form_edits.is_empty(), "{e:?}");
    // A comma that really moves to another word is a change of substance.
    new.operative[0].text =
        "the report of the Secretary-General on garden, ornaments[^f1] fences and gates;".into();
    let cmp = compare::compare(&old, &new, Align::ById);
    assert_eq!(entry(&cmp, "p1").kind, Kind::Modified);
}
