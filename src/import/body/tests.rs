//! Unit tests of paragraph assembly: line shapes, unwrapping, page breaks, headings and
//! sub-paragraphs inside a resolution.

use super::*;

fn items(s: &str, report: bool) -> Body {
    items_and_footnotes(s, report).0
}

fn items_and_footnotes(s: &str, report: bool) -> (Body, usize) {
    let mut lines = super::super::lines::normalise(s);
    let defs = footnotes::extract(&mut lines);
    let mut n = 0;
    (read(&lines, Mode { report }, &mut n), defs.len())
}

#[test]
fn recognises_line_shapes() {
    assert_eq!(numbered("12. Urges"), Some((12, "Urges")));
    assert_eq!(numbered("1."), Some((1, "")));
    assert_eq!(numbered("2012. Six"), None);
    assert_eq!(numbered("80/4. Title"), None);
    assert_eq!(lettered("(b) To ensure"), Some(("b", "To ensure")));
    assert_eq!(lettered("(iv) item"), Some(("iv", "item")));
    assert_eq!(lettered("(aa) item"), Some(("aa", "item")));
    assert_eq!(lettered("(UNODC), to"), None);
    assert_eq!(lettered("(see) x"), None);
    assert_eq!(
        heading("II. Recommendations"),
        Some((1, "II", "Recommendations", false))
    );
    assert_eq!(heading("D."), Some((2, "D", "", false)));
    assert_eq!(
        heading("A. Criminalization, investigation"),
        Some((2, "A", "Criminalization, investigation", false))
    );
    assert_eq!(heading("A. He said so."), None);
}

#[test]
fn rejoins_capitalised_continuations_across_page_furniture() {
    let b = items(
        "A/1/L.1\nThe Assembly,\n\nRecalling the Convention against Crime,\nA/1/L.1\n11-11111\n2/3\n\
         United Nations Treaty Series,\n\nNoting the report,\n",
        false,
    );
    let texts: Vec<&str> = b.items.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "A/1/L.1 The Assembly,",
            "Recalling the Convention against Crime, United Nations Treaty Series,",
            "Noting the report,"
        ]
    );
}

#[test]
fn unwraps_and_rejoins() {
    let (b, footnotes) = items_and_footnotes(
        "Recalling the first\nand second,\n\nNoting the\n\n¹ A note.\n\nrest of it,\n\n1. *Urges* all;\n\n² B.\n\nThe end of one;\n2. *Decides* x.",
        false,
    );
    let texts: Vec<&str> = b.items.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Recalling the first and second,",
            "Noting the rest of it,",
            "*Urges* all; The end of one;",
            "*Decides* x."
        ]
    );
    assert_eq!(footnotes, 2);
}

fn kinds_and_texts(b: &Body) -> Vec<(String, &str)> {
    b.items
        .iter()
        .map(|i| {
            let k = match &i.kind {
                ItemKind::Numbered(n) => n.to_string(),
                ItemKind::Plain => "plain".into(),
                ItemKind::Sub(l) => format!("({l})"),
                ItemKind::Heading { label, .. } => format!("heading {label}"),
            };
            (k, i.text.as_str())
        })
        .collect()
}

#[test]
fn unlabelled_headings_between_blank_lines_stand_apart() {
    let b = items(
        "The Assembly,\n\nNoting the plan,\n\n\nHow the keepers work\n\n\n1. Decides x;\n\n\
         2. Requests y;\n\nPart II\nLighthouses and their\nkeepers of the coast\n\n\
         Section 3\nLamps\n\n3. Urges z;\n\nNot a heading\nbecause this runs on;\n\n4. Notes w.",
        false,
    );
    let got = kinds_and_texts(&b);
    assert_eq!(got[2], ("heading ".into(), "How the keepers work"));
    assert_eq!(
        got[5],
        (
            "heading ".into(),
            "Part II Lighthouses and their keepers of the coast"
        )
    );
    assert_eq!(got[6], ("heading ".into(), "Section 3 Lamps"));
    assert_eq!(
        got[7],
        ("3".into(), "Urges z; Not a heading because this runs on;")
    );
}

#[test]
fn a_clause_ended_by_a_marker_is_not_a_heading() {
    let b = items(
        "The Assembly,\n\nNoting the plan,\n\nHaving also looked at the report on\n\
         the lamps, 4\n\n1. Decides x.",
        false,
    );
    assert!(
        b.items
            .iter()
            .all(|i| !matches!(i.kind, ItemKind::Heading { .. }))
    );
}

#[test]
fn headings_run_on_in_lower_case_and_after_a_colon() {
    let b = items(
        "The Assembly,\n\nI\nConditions of service of keepers other than lamp\n\
         keepers: members of the Board and\nthe Chair of the Guild:\nThe Coast We Want\n\n\
         Recalling its resolution 1/1,\n\n1. Decides x.",
        false,
    );
    let got = kinds_and_texts(&b);
    assert_eq!(
        got[1],
        (
            "heading I".into(),
            "Conditions of service of keepers other than lamp keepers: members of the Board \
             and the Chair of the Guild: The Coast We Want"
        )
    );
    assert_eq!(got[2].0, "plain");
}

#[test]
fn a_heading_runs_on_over_a_line_that_opens_with_a_date() {
    let b = items(
        "The Assembly,\n\nRecalling its resolution 1/1,\n\n1. Decides x;\n\nII\n\
         Keeping of the lamps under the Charter of\n10 March 1901 relating to the Care of\n\
         Lamps and Wicks\n\n2. Decides y.",
        false,
    );
    let got = kinds_and_texts(&b);
    assert_eq!(
        got[3],
        (
            "heading II".into(),
            "Keeping of the lamps under the Charter of 10 March 1901 relating to the Care of \
             Lamps and Wicks"
        )
    );
    assert_eq!(got[4].0, "2");
}

#[test]
fn the_closing_meeting_line_never_ends_a_paragraph() {
    for s in [
        "The Assembly,\n\nNoting x,\n\n1. Decides y.\n45th plenary meeting\n7 December 2023\n",
        "The Assembly,\n\nNoting x,\n\n1. Decides y.11\n\n50th (resumed) plenary meeting\n\
         22 December 2023\n",
    ] {
        let b = items(s, false);
        let got = kinds_and_texts(&b);
        let last = got.last().map(|g| g.1).unwrap_or_default();
        assert!(
            last.contains("plenary meeting") && last.ends_with(" 2023"),
            "{got:?}"
        );
        assert!(
            got.iter().any(|g| g.0 == "1" && !g.1.contains("meeting")),
            "{got:?}"
        );
    }
    assert!(meeting_line("50th (resumed) plenary meeting"));
    assert!(meeting_line("7th plenary meeting 3 March 2031"));
    assert!(!meeting_line("the plenary meeting 3 March 2031"));
    assert!(!meeting_line("the plenary meeting"));
}

#[test]
fn a_paragraph_runs_on_across_a_page_after_a_comma_and_a_marker() {
    let b = items(
        "A/1/L.1\nThe Assembly,\n\nRecalling its resolutions 1/1 of 2020,7\nA/1/L.1\n\
         11-11111\n2/3\n46/21 of 2021 and 2/2,\n\n1. Decides x.",
        false,
    );
    let texts: Vec<&str> = b.items.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(texts.len(), 3, "{texts:?}");
    assert!(texts[1].starts_with("Recalling its resolutions 1/1 of 2020,"));
    assert!(texts[1].ends_with(" 46/21 of 2021 and 2/2,"), "{texts:?}");
}

#[test]
fn a_table_announced_by_a_colon_is_an_item_of_its_own() {
    let b = items(
        "The Assembly,\n\nNoting x,\n\n1. Approves the posts as set out in the table below:\n\n\
         Post\nLevel\nKeeper\nP-4\n\n2. Decides y.",
        false,
    );
    let got = kinds_and_texts(&b);
    assert_eq!(
        got[2],
        (
            "1".into(),
            "Approves the posts as set out in the table below:"
        )
    );
    assert_eq!(got[3], ("plain".into(), "Post Level Keeper P-4"));
}

#[test]
fn a_preambular_phrase_after_preambular_sub_paragraphs_opens_a_paragraph() {
    let b = items(
        "The Assembly,\n\nConvinced of the following:\n\n(a) Keeping the lights,\n\n\
         (b) Trimming the wicks,\n\nNoting the efforts of the keepers,\n\n1. Decides x.",
        false,
    );
    let got = kinds_and_texts(&b);
    assert_eq!(got[3], ("(b)".into(), "Trimming the wicks,"));
    assert_eq!(
        got[4],
        ("plain".into(), "Noting the efforts of the keepers,")
    );
}

#[test]
fn headings_labelled_with_a_word_and_a_number() {
    let b = items(
        "A/1/L.1\nThe Assembly,\n\n1. Decides to keep the lamps lit.\n\
         Action 1. We will keep the lighthouses of the coast burning through\n\
         every winter night.\n\
         2. We reaffirm the keepers' charter. We decide to:\n\
         (a) Trim the wicks;\n\
         (b) Polish the lenses.\n\
         Action 2. We will train new keepers.\n\n\
         3. We welcome the apprentices.\n\
         Action 4. We will not skip a number.\n\
         4. We note the storms.\n",
        false,
    );
    let got: Vec<(ItemKind, &str)> = b
        .items
        .iter()
        .map(|i| (i.kind.clone(), i.text.as_str()))
        .collect();
    let heading = ItemKind::Heading {
        level: 2,
        label: String::new(),
        annex: false,
    };
    assert_eq!(
        got[2..],
        [
            (
                heading.clone(),
                "Action 1. We will keep the lighthouses of the coast burning through every winter \
                 night."
            ),
            (
                ItemKind::Numbered(2),
                "We reaffirm the keepers' charter. We decide to:"
            ),
            (ItemKind::Sub("a".into()), "Trim the wicks;"),
            (ItemKind::Sub("b".into()), "Polish the lenses."),
            (heading, "Action 2. We will train new keepers."),
            (
                ItemKind::Numbered(3),
                // Out of sequence, the line is read as usual.
                "We welcome the apprentices. Action 4. We will not skip a number."
            ),
            (ItemKind::Numbered(4), "We note the storms."),
        ]
    );
}

#[test]
fn a_short_heading_set_apart_by_a_wider_gap_stands_apart_from_its_paragraph() {
    // An annexed declaration's sections: "Preamble" under the annex title, "Principles"
    // after a paragraph that has ended, each with two blank lines below (more than a
    // paragraph's space) and an unnumbered paragraph under it.
    let b = items(
        "The Assembly,\n\n1. Adopts the declaration annexed.\n\nAnnex\n\n\
         Declaration of the Keepers\n\nPreamble\n\n\nWe, the keepers of the\ncoast, gathered,\n\n\
         Principles\n\n\nIn keeping the lights we will observe:\n\n\
         Keeping\nthe lamps lit at night\n\nA line that runs on\n\n\nto the next block.",
        false,
    );
    let got = kinds_and_texts(&b);
    assert_eq!(got[4], ("heading ".into(), "Preamble"));
    assert_eq!(
        got[5],
        ("plain".into(), "We, the keepers of the coast, gathered,")
    );
    assert_eq!(got[6], ("heading ".into(), "Principles"));
    // Not after a paragraph that runs on, nor on a line of more than a few words.
    assert!(
        got[7..].iter().all(|(k, _)| !k.starts_with("heading")),
        "{got:?}"
    );
}

#[test]
fn a_short_heading_over_a_sentence_that_introduces_numbered_paragraphs_stands_apart() {
    let b = items(
        "The Assembly,\n\n1. Adopts the declaration annexed.\n\nAnnex\n\nDeclaration\n\n\
         1. We keep the lights.\n\nFollow up\n\nIn order to follow up, we:\n\n2. Meet again.",
        false,
    );
    let got = kinds_and_texts(&b);
    let at = got.iter().position(|g| g.1 == "Follow up").expect("kept");
    assert_eq!(got[at].0, "heading ", "{got:?}");
    assert_eq!(got[at + 1], ("plain".into(), "In order to follow up, we:"));
}
