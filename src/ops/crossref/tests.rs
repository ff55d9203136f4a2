//! Unit tests of cross-reference recognition and rewriting: one per reference form and one
//! per negative case taken from real texts.

use super::find::find;
use super::*;
use crate::model::{DocKind, Document, Paragraph, Section};
use crate::ops::{Op, apply, undo};

/// A resolution with `n` operative paragraphs "o1".."on" (texts "Text k;") and one
/// preambular paragraph "pp1".
fn doc(n: usize) -> Document {
    let mut d = Document::new(DocKind::Resolution);
    d.preamble
        .push(Paragraph::new(Id::new("pp1"), "Recalling", "its work,"));
    for k in 1..=n {
        let end = if k == n { "." } else { ";" };
        d.operative.push(Paragraph::new(
            Id(format!("o{k}")),
            "Decides",
            format!("text {k}{end}"),
        ));
    }
    d
}

/// Gives operative paragraph `k` (0-based) sub-paragraphs "sa", "sb", "sc".
fn abc(d: &mut Document, k: usize) {
    for id in ["a", "b", "c"] {
        d.operative[k].subparagraphs.push(Paragraph::new(
            Id(format!("s{id}")),
            "",
            format!("item {id};"),
        ));
    }
}

fn set(d: &mut Document, id: &str, text: &str) {
    if let Some(p) = d.find_mut(&Id::new(id)) {
        p.text = text.to_string();
    }
}

fn text(d: &Document, id: &str) -> String {
    d.find(&Id::new(id))
        .map(|p| p.text.clone())
        .unwrap_or_default()
}

fn spans(text: &str) -> Vec<String> {
    find(text)
        .iter()
        .map(|f| text[f.span.clone()].to_string())
        .collect()
}

#[test]
fn recognises_each_form() {
    let forms = [
        "paragraph 5 above",
        "paragraph 5 below",
        "paragraphs 3 and 4",
        "paragraphs 7 to 9",
        "paragraphs 7–9",
        "paragraphs 3, 4 and 7",
        "subparagraph (b) of paragraph 2",
        "subparagraphs (a) and (b) of paragraph 2",
        "paragraph 2 (b)",
        "operative paragraph 12",
        "preambular paragraph 3",
    ];
    for f in forms {
        let t = format!("as set out in {f}, States");
        assert_eq!(spans(&t), vec![f.to_string()], "{f}");
    }
    let t = "resolution 1/2, in particular paragraph 5 above;";
    assert_eq!(spans(t), vec!["paragraph 5 above".to_string()]);
    let t = "in paragraph 5 of the present resolution;";
    assert_eq!(spans(t), vec!["paragraph 5".to_string()]);
}

#[test]
fn leaves_references_to_other_texts() {
    let negatives = [
        "in accordance with article 6, paragraph 1, of the Smuggling of Migrants Protocol",
        "in accordance with article 32, paragraph 3, of the Convention",
        "and rule 2, paragraph 2, of the rules of procedure",
        "as requested in paragraph 12 of resolution 75/1",
        "pursuant to paragraph 4 of its decision",
        "paragraphs 3 and 4 of resolution 70/1",
        "resolution 75/1, paragraph 12",
        "paragraph 3 thereof",
        "paragraph 5 bis",
        "paragraph 5.2",
        "its resolution 74/2 of 10 October 2019, in particular paragraph 4,",
        "the Convention, including paragraphs 2 and 3,",
    ];
    for n in negatives {
        assert!(spans(n).is_empty(), "{n}: {:?}", spans(n));
    }
}

#[test]
fn negative_cases_survive_renumbering() {
    let mut d = doc(6);
    let keep = "in accordance with article 6, paragraph 1, of the Smuggling of Migrants Protocol, \
        article 32, paragraph 3, of the Convention, rule 2, paragraph 2, of the rules of \
        procedure, paragraph 12 of resolution 75/1 and paragraph 4 of its decision;";
    set(&mut d, "o6", keep);
    let c = apply(&mut d, Op::Delete { id: Id::new("o1") }).unwrap();
    assert_eq!(text(&d, "o6"), keep);
    assert!(c.messages.iter().all(|m| !m.contains("“paragraph")));
}

#[test]
fn paragraph_above_follows_a_move() {
    let mut d = doc(9);
    set(&mut d, "o9", "as in paragraph 5 above.");
    let c = apply(
        &mut d,
        Op::MoveTo {
            id: Id::new("o5"),
            index: 6,
        },
    )
    .unwrap();
    assert_eq!(text(&d, "o9"), "as in paragraph 7 above.");
    assert!(
        c.messages
            .iter()
            .any(|m| m == "operative paragraph 9: “paragraph 5 above” → “paragraph 7 above”"),
        "{:?}",
        c.messages
    );
    undo(&mut d, &c.undo);
    assert_eq!(text(&d, "o9"), "as in paragraph 5 above.");
}

#[test]
fn above_turns_to_below_when_the_target_passes() {
    let mut d = doc(5);
    set(&mut d, "o3", "as in paragraph 2 above;");
    apply(
        &mut d,
        Op::MoveTo {
            id: Id::new("o2"),
            index: 4,
        },
    )
    .unwrap();
    assert_eq!(text(&d, "o3"), "as in paragraph 5 below;");
}

#[test]
fn plural_lists_and_ranges() {
    let mut d = doc(10);
    set(
        &mut d,
        "o10",
        "paragraphs 3 and 4, paragraphs 3, 4 and 7, paragraphs 7 to 9.",
    );
    let c = apply(
        &mut d,
        Op::InsertBefore {
            target: Id::new("o1"),
            paragraph: Paragraph::new(Id::new("n1"), "Welcomes", "x"),
        },
    )
    .unwrap();
    assert_eq!(
        text(&d, "o10"),
        "paragraphs 4 and 5, paragraphs 4, 5 and 8, paragraphs 8 to 10."
    );
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
}

#[test]
fn a_range_broken_by_an_insertion_is_reported() {
    let mut d = doc(10);
    set(&mut d, "o10", "paragraphs 7 to 9.");
    let c = apply(
        &mut d,
        Op::InsertAfter {
            target: Id::new("o7"),
            paragraph: Paragraph::new(Id::new("n1"), "Welcomes", "x"),
        },
    )
    .unwrap();
    assert_eq!(text(&d, "o10"), "paragraphs 7 to 10.");
    assert!(
        c.warnings.iter().any(|w| w.contains("continuous")),
        "{:?}",
        c.warnings
    );
}

#[test]
fn sub_paragraph_references() {
    let mut d = doc(4);
    abc(&mut d, 1);
    set(
        &mut d,
        "o4",
        "subparagraph (b) of paragraph 2, paragraph 2 (c) and subparagraphs (a) and (b) of paragraph 2.",
    );
    apply(&mut d, Op::MoveUp { id: Id::new("sb") }).unwrap();
    assert_eq!(
        text(&d, "o4"),
        "subparagraph (a) of paragraph 2, paragraph 2 (c) and subparagraphs (b) and (a) of paragraph 2."
    );
    apply(&mut d, Op::MoveUp { id: Id::new("o2") }).unwrap();
    assert_eq!(
        text(&d, "o4"),
        "subparagraph (a) of paragraph 1, paragraph 1 (c) and subparagraphs (b) and (a) of paragraph 1."
    );
    // Promoted: the sub-paragraph is now operative paragraph 2.
    let c = apply(&mut d, Op::Promote { id: Id::new("sb") }).unwrap();
    assert!(
        text(&d, "o4").starts_with("paragraph 2, "),
        "{} {:?}",
        text(&d, "o4"),
        c.messages
    );
}

#[test]
fn operative_and_preambular_prefixes_and_present_resolution() {
    let mut d = doc(12);
    d.preamble
        .insert(0, Paragraph::new(Id::new("pp0"), "Noting", "x,"));
    set(
        &mut d,
        "o1",
        "see operative paragraph 12, paragraph 12 of the present resolution and preambular paragraph 2;",
    );
    apply(&mut d, Op::MoveUp { id: Id::new("o12") }).unwrap();
    apply(&mut d, Op::MoveUp { id: Id::new("pp1") }).unwrap();
    assert_eq!(
        text(&d, "o1"),
        "see operative paragraph 11, paragraph 11 of the present resolution and preambular paragraph 1;"
    );
}

#[test]
fn report_paragraph_numbers_run_across_sections() {
    let mut d = Document::new(DocKind::Report);
    for (s, ids) in [("s1", ["r1", "r2"]), ("s2", ["r3", "r4"])] {
        d.sections.push(Section {
            id: Id::new(s),
            level: 1,
            numbered: true,
            paragraphs: ids
                .iter()
                .map(|i| Paragraph::new(Id::new(*i), "", format!("text {i}.")))
                .collect(),
            ..Section::default()
        });
    }
    set(&mut d, "r4", "As noted in paragraph 2 above.");
    apply(&mut d, Op::MoveUp { id: Id::new("r2") }).unwrap();
    assert_eq!(text(&d, "r4"), "As noted in paragraph 1 above.");
    // Reports keep their own punctuation.
    assert_eq!(text(&d, "r1"), "text r1.");
}

#[test]
fn renumber_reports_missing_targets_and_fixes_direction() {
    let mut d = doc(4);
    set(
        &mut d,
        "o2",
        "see paragraph 3 above and paragraph 30 below;",
    );
    let c = crate::ops::renumber(&mut d);
    assert_eq!(
        text(&d, "o2"),
        "see paragraph 3 below and paragraph 30 below;"
    );
    assert!(
        c.warnings
            .iter()
            .any(|w| w.contains("“paragraph 30 below”")),
        "{:?}",
        c.warnings
    );
}

#[test]
fn a_range_shrunk_to_two_paragraphs_reads_and() {
    let mut d = doc(10);
    set(&mut d, "o10", "paragraphs 6 to 8.");
    let c = apply(&mut d, Op::Delete { id: Id::new("o7") }).unwrap();
    assert_eq!(text(&d, "o10"), "paragraphs 6 and 7.");
    assert!(
        c.warnings.iter().any(|w| w.contains("was deleted")),
        "{:?}",
        c.warnings
    );
    undo(&mut d, &c.undo);
    assert_eq!(text(&d, "o10"), "paragraphs 6 to 8.");
}

#[test]
fn a_deleted_target_is_marked_dangling_never_renamed() {
    let mut d = doc(6);
    set(
        &mut d,
        "o6",
        "as in paragraph 3 above and paragraph 5 above.",
    );
    let original = d.clone();
    let c = apply(&mut d, Op::Delete { id: Id::new("o3") }).unwrap();
    assert_eq!(
        text(&d, "o6"),
        "as in paragraph [deleted: 3] above and paragraph 4 above."
    );
    assert_eq!(c.warnings.len(), 1, "{:?}", c.warnings);
    assert!(c.warnings[0].starts_with("operative paragraph 5:"));
    assert!(c.warnings[0].contains("[deleted: 3]"), "{:?}", c.warnings);
    // Later operations leave the dangling reference alone and follow the live one.
    let c2 = apply(&mut d, Op::MoveUp { id: Id::new("o5") }).unwrap();
    assert_eq!(
        text(&d, "o6"),
        "as in paragraph [deleted: 3] above and paragraph 3 above."
    );
    assert!(c2.warnings.is_empty(), "{:?}", c2.warnings);
    // `renumber` reports it.
    let r = crate::ops::renumber(&mut d.clone());
    assert!(
        r.warnings.iter().any(|w| w.contains("[deleted: 3]")),
        "{:?}",
        r.warnings
    );
    undo(&mut d, &c2.undo);
    undo(&mut d, &c.undo);
    assert_eq!(d, original);
}

#[test]
fn a_list_with_a_deleted_member_marks_it_and_follows_the_rest() {
    let mut d = doc(8);
    set(&mut d, "o8", "paragraphs 3, 4 and 6 above.");
    apply(&mut d, Op::Delete { id: Id::new("o4") }).unwrap();
    assert_eq!(text(&d, "o8"), "paragraphs 3, [deleted: 4] and 5 above.");
    apply(
        &mut d,
        Op::InsertBefore {
            target: Id::new("o1"),
            paragraph: Paragraph::new(Id::new("n1"), "Welcomes", "x"),
        },
    )
    .unwrap();
    assert_eq!(text(&d, "o8"), "paragraphs 4, [deleted: 4] and 6 above.");
}

#[test]
fn a_range_whose_end_is_deleted_never_names_the_paragraph_holding_it() {
    let mut d = doc(10);
    set(&mut d, "o10", "paragraphs 7 to 9 above.");
    let c = apply(&mut d, Op::Delete { id: Id::new("o9") }).unwrap();
    // o10 is now paragraph 9: the range must not read "7 to 9" (itself).
    assert_eq!(text(&d, "o10"), "paragraphs 7 to [deleted: 9] above.");
    assert!(
        c.warnings.iter().any(|w| w.contains("deleted")),
        "{:?}",
        c.warnings
    );
}

#[test]
fn deleted_sub_paragraphs_and_parents_are_marked() {
    let mut d = doc(4);
    abc(&mut d, 1);
    set(
        &mut d,
        "o4",
        "subparagraph (b) of paragraph 2 above and paragraph 2 (c) above.",
    );
    apply(&mut d, Op::Delete { id: Id::new("sb") }).unwrap();
    assert_eq!(
        text(&d, "o4"),
        "subparagraph [deleted: (b)] of paragraph 2 above and paragraph 2 (b) above."
    );
    apply(&mut d, Op::Delete { id: Id::new("o2") }).unwrap();
    assert_eq!(
        text(&d, "o4"),
        "subparagraph [deleted: (b)] of paragraph [deleted: 2] above and paragraph [deleted: 2 (b)] above."
    );
}

#[test]
fn local_sub_paragraph_references_follow_their_target() {
    let mut d = doc(7);
    abc(&mut d, 5);
    set(&mut d, "sc", "the measures in subparagraph (b) above;");
    set(
        &mut d,
        "o6",
        "as follows, subject to subparagraph (c) below:",
    );
    assert_eq!(
        spans(&text(&d, "sc")),
        vec!["subparagraph (b) above".to_string()]
    );
    // Swap (a) and (b).
    apply(&mut d, Op::MoveUp { id: Id::new("sb") }).unwrap();
    assert_eq!(text(&d, "sc"), "the measures in subparagraph (a) above;");
    assert_eq!(
        text(&d, "o6"),
        "as follows, subject to subparagraph (c) below:"
    );
    apply(&mut d, Op::MoveUp { id: Id::new("sc") }).unwrap();
    assert_eq!(
        text(&d, "o6"),
        "as follows, subject to subparagraph (b) below:"
    );
    // Out of its paragraph, the reference names the paragraph.
    apply(&mut d, Op::Promote { id: Id::new("sc") }).unwrap();
    assert_eq!(
        text(&d, "sc"),
        "the measures in subparagraph (a) of paragraph 6 above;"
    );
    assert_eq!(text(&d, "o6"), "as follows, subject to paragraph 7 below:");
}
