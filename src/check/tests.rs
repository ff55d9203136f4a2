//! Unit tests of the editorial check on small texts written for the purpose.

use super::*;
use crate::import::{KindHint, import_str};

fn findings(text: &str) -> Vec<Finding> {
    check(&import_str(text, KindHint::Auto).document)
}

fn rules(text: &str) -> Vec<(&'static str, String)> {
    findings(text)
        .into_iter()
        .map(|f| (f.rule, f.place))
        .collect()
}

const CLEAN: &str = "The Assembly of Lighthouse Keepers,\n\n*Recalling* its earlier work on lamps,\n\n\
    1. *Requests* the keepers to trim the wicks;\n\n2. *Decides* to remain seized of the matter.\n";

#[test]
fn a_clean_text_has_no_findings() {
    assert_eq!(findings(CLEAN), vec![]);
}

#[test]
fn end_punctuation_per_part() {
    let t = "The Assembly of Lighthouse Keepers,\n\n*Recalling* its work on lamps;\n\n\
        1. *Requests* the keepers to trim the wicks.\n\n2. *Decides* the following;\n";
    let got = rules(t);
    assert!(
        got.contains(&("end-punctuation", "preambular paragraph 1".into())),
        "{got:?}"
    );
    assert!(
        got.contains(&("end-punctuation", "operative paragraph 1".into())),
        "{got:?}"
    );
    assert!(
        got.contains(&("end-punctuation", "operative paragraph 2".into())),
        "{got:?}"
    );
    let f = findings(t);
    assert!(f[0].suggestion.contains("lamps,"), "{:?}", f[0]);
}

#[test]
fn colon_before_sub_paragraphs_and_series() {
    let t = "The Assembly of Lighthouse Keepers,\n\n*Recalling* its work,\n\n\
        1. *Requests* the keepers\n\n(a) To trim the wicks;\n\n(b) To polish the lenses,\n";
    let got = rules(t);
    assert!(
        got.contains(&("end-punctuation", "operative paragraph 1".into())),
        "{got:?}"
    );
    assert!(
        got.contains(&("end-punctuation", "operative paragraph 1 (b)".into())),
        "{got:?}"
    );
    assert!(
        !got.contains(&("end-punctuation", "operative paragraph 1 (a)".into())),
        "{got:?}"
    );
}

#[test]
fn preambular_series_items_end_with_commas() {
    let t = "The Assembly of Lighthouse Keepers,\n\n*Recalling* its aims:\n\n\
        (a) Lamps in every harbour,\n\n(b) Keepers on every rock;\n\n(c) Charts for every boat,\n\n\
        1. *Decides* to remain seized of the matter.\n";
    let got = rules(t);
    assert_eq!(
        got,
        vec![("end-punctuation", "preambular paragraph 1 (b)".to_string())],
        "{got:?}"
    );
}

#[test]
fn lead_person_and_capitalisation() {
    let t = "The Assembly of Lighthouse Keepers,\n\n*Recalling* its work,\n\n\
        1. *Calls upon* the keepers to act;\n\n2. *Encourage* the keepers to trim;\n\n\
        3. *Calls Upon* the boatmen to row;\n\n4. *Requests* a report;\n\n5. *Requests* another report.\n";
    let f = findings(t);
    let find = |rule: &str| f.iter().find(|x| x.rule == rule).cloned();
    let person = find("lead-person").unwrap_or_else(|| panic!("{f:?}"));
    assert_eq!(person.place, "operative paragraph 2");
    assert_eq!(person.suggestion, "Encourages");
    let caps = find("lead-capitalisation").unwrap_or_else(|| panic!("{f:?}"));
    assert_eq!(caps.place, "operative paragraph 3");
    assert_eq!(caps.suggestion, "Calls upon");
    assert!(
        caps.message.contains("in operative paragraph 1"),
        "{}",
        caps.message
    );
    // Adopted resolutions repeat a verb in consecutive paragraphs without "Also".
    assert_eq!(f.len(), 2, "{f:?}");
}

#[test]
fn lead_form_of_the_part() {
    let t = "The Assembly of Lighthouse Keepers,\n\n*Recalls* its work on lamps,\n\n\
        *Noting* the fog,\n\n1. *Requesting* the keepers to trim the wicks;\n\n\
        2. *Looking forward* to the regatta;\n\n3. *Deeply concerned* by the fog;\n\n\
        4. *Decides* to remain seized of the matter.\n";
    let f = findings(t);
    let form: Vec<(&str, &str)> = f
        .iter()
        .filter(|x| x.rule == "lead-form")
        .map(|x| (x.place.as_str(), x.suggestion.as_str()))
        .collect();
    assert_eq!(
        form,
        vec![
            ("preambular paragraph 1", "Recalling"),
            ("operative paragraph 1", "Requests"),
            ("operative paragraph 2", "Looks forward"),
            ("operative paragraph 3", ""),
        ],
        "{f:?}"
    );
    assert_eq!(f.len(), 4, "{f:?}");
}

#[test]
fn verb_forms() {
    assert_eq!(leads::participle("Recalls"), "Recalling");
    assert_eq!(leads::participle("Notes"), "Noting");
    assert_eq!(leads::participle("Stresses"), "Stressing");
    assert_eq!(leads::participle("Regrets"), "Regretting");
    assert_eq!(leads::indicative("Requesting").as_deref(), Some("Requests"));
    assert_eq!(leads::indicative("Noting").as_deref(), Some("Notes"));
    assert_eq!(
        leads::indicative("Emphasizing").as_deref(),
        Some("Emphasizes")
    );
    // Verbs the phrase lists do not know.
    assert_eq!(leads::indicative("Polishing").as_deref(), Some("Polishes"));
    assert_eq!(leads::indicative("Rotating").as_deref(), Some("Rotates"));
    assert_eq!(leads::indicative("Balancing").as_deref(), Some("Balances"));
    assert_eq!(leads::indicative("Submitting").as_deref(), Some("Submits"));
    assert_eq!(leads::indicative("Painting").as_deref(), Some("Paints"));
}

#[test]
fn a_lead_split_from_its_verb() {
    for text in ["*Further* decide to meet", "Further decide to meet"] {
        let t = format!(
            "The Assembly of Lighthouse Keepers,\n\n*Recalling* its work,\n\n\
             1. *Decides* to sail;\n\n2. {text} again;\n\n3. *Requests* a report.\n"
        );
        let f = findings(&t);
        let split: Vec<&Finding> = f.iter().filter(|x| x.rule == "lead-incomplete").collect();
        assert_eq!(split.len(), 1, "{text}: {f:?}");
        assert_eq!(split[0].place, "operative paragraph 2");
        assert_eq!(split[0].suggestion, "Further decides");
        assert!(split[0].message.contains("third person"), "{:?}", split[0]);
    }
    let t = "The Assembly of Lighthouse Keepers,\n\n*Recalling* its work,\n\n\
        *Also* recalling the storms,\n\n1. *Calls upon* the keepers to sail;\n\n\
        2. *Also*, in this regard, calls upon the boatmen to row;\n\n\
        3. *Also* hopes for calm seas.\n";
    let f = findings(t);
    let split: Vec<&str> = f
        .iter()
        .filter(|x| x.rule == "lead-incomplete")
        .map(|x| x.place.as_str())
        .collect();
    // An insertion between adverb and verb is not a split; "hopes" is no listed verb, so
    // the lead may be whole in the original.
    assert_eq!(split, vec!["preambular paragraph 2"], "{f:?}");
}

#[test]
fn also_follows_the_same_verb() {
    let t = "The Assembly of Lighthouse Keepers,\n\n*Recalling also* its work,\n\n\
        *Noting* the fog, and welcoming the lamps,\n\n*Welcoming also* the boats,\n\n\
        1. *Requests* a report;\n\n2. *Requests* the keepers to act;\n\n\
        3. *Also requests* a chart;\n\n4. *Further urges* the boatmen to row;\n\n\
        5. *Encourage* the keepers to trim;\n\n6. *Also encourages* the boatmen to sing.\n";
    let f = findings(t);
    let seq: Vec<(&str, &str)> = f
        .iter()
        .filter(|x| x.rule == "lead-sequence")
        .map(|x| (x.place.as_str(), x.suggestion.as_str()))
        .collect();
    assert_eq!(
        seq,
        vec![
            ("preambular paragraph 1", "Recalling"),
            ("operative paragraph 4", "Urges"),
        ],
        "{f:?}"
    );
}

#[test]
fn ize_spelling() {
    let t = "The Assembly of Lighthouse Keepers,\n\n*Recognising* the work of the Lamp \
        Organisation,\n\n1. *Emphasise* the need to mobilise keepers, as “Lamps realised” \
        says;\n\n2. *Decides* to exercise and revise the watch.\n";
    let f: Vec<Finding> = findings(t)
        .into_iter()
        .filter(|x| x.rule == "spelling")
        .collect();
    assert_eq!(f.len(), 2, "{f:?}");
    assert_eq!(f[0].place, "preambular paragraph 1");
    assert_eq!(f[0].suggestion, "write “Recognizing”");
    assert_eq!(f[1].place, "operative paragraph 1");
    assert_eq!(f[1].suggestion, "write “Emphasize”, “mobilize”");
}

#[test]
fn missing_lead_empty_and_typography() {
    let mut doc = import_str(CLEAN, KindHint::Auto).document;
    doc.preamble[0].lead.clear();
    doc.operative[0].text = "the  keepers \"now\" to act;".into();
    doc.preamble.push(crate::model::Paragraph::new(
        crate::model::Id::new("p99"),
        "",
        "",
    ));
    doc.preamble[0].text.push_str(" “lamps”,");
    let got: Vec<&str> = check(&doc).iter().map(|f| f.rule).collect();
    for rule in [
        "missing-lead",
        "empty-paragraph",
        "double-space",
        "straight-quote",
    ] {
        assert!(got.contains(&rule), "{rule} in {got:?}");
    }
}

#[test]
fn footnotes_and_cross_references() {
    let t = "The Assembly of Lighthouse Keepers,\n\n*Recalling* the Lamp Convention,¹\n\n\
        ¹ Treaty of Lamps.\n\n1. *Requests* the keepers to act as set out in paragraph 7 above;\n\n\
        2. *Decides* that article 6, paragraph 9, of the Convention applies, as does paragraph 1 above.\n";
    let mut doc = import_str(t, KindHint::Auto).document;
    let f = check(&doc);
    let refs: Vec<&Finding> = f.iter().filter(|x| x.rule == "cross-reference").collect();
    assert_eq!(refs.len(), 1, "{f:?}");
    assert_eq!(refs[0].place, "operative paragraph 1");
    doc.preamble[0].text = doc.preamble[0].text.replace("[^f1]", "[^f7]");
    let got: Vec<&str> = check(&doc).iter().map(|f| f.rule).collect();
    assert!(got.contains(&"footnote-missing"), "{got:?}");
    assert!(got.contains(&"footnote-unused"), "{got:?}");
}

/// A resolution in parts: sections I, II … of one resolution run on to the last, so the
/// last paragraph of every section but the last ends with a semicolon (the Fifth
/// Committee's omnibus texts); resolutions A and B each end with a full stop.
fn in_parts(labels: [&str; 2], ends: [&str; 2]) -> Vec<(&'static str, String)> {
    use crate::model::{Paragraph, ResolutionPart};
    let mut doc = import_str(CLEAN, KindHint::Auto).document;
    doc.preamble.clear();
    doc.operative.clear();
    for (k, (label, end)) in labels.iter().zip(ends).enumerate() {
        let para =
            |n: usize, text: &str| Paragraph::new(Id::new(format!("p{k}{n}")), "Requests", text);
        doc.parts.push(ResolutionPart {
            id: Id::new(format!("part{k}")),
            label: (*label).into(),
            preamble: vec![Paragraph::new(
                Id::new(format!("p{k}0")),
                "Recalling",
                "its work,",
            )],
            operative: vec![para(1, "the keepers to trim the wicks;"), para(2, end)],
            ..Default::default()
        });
    }
    check(&doc).into_iter().map(|f| (f.rule, f.place)).collect()
}

#[test]
fn sections_of_one_resolution_run_on_and_resolutions_a_and_b_end_each() {
    let on = [
        "the keepers to polish the lenses;",
        "the keepers to report.",
    ];
    assert_eq!(in_parts(["I", "II"], on), vec![]);
    let stopped = [
        "the keepers to polish the lenses.",
        "the keepers to report.",
    ];
    assert_eq!(
        in_parts(["I", "II"], stopped),
        vec![("end-punctuation", "operative paragraph 2 of part I".into())]
    );
    assert_eq!(in_parts(["A", "B"], stopped), vec![]);
    assert_eq!(
        in_parts(["A", "B"], on),
        vec![("end-punctuation", "operative paragraph 2 of part A".into())]
    );
}

#[test]
fn a_colon_that_announces_a_table_or_the_adopted_text_is_right() {
    let t = "The Assembly of Lighthouse Keepers,\n\n*Recalling* its work,\n\n\
        1. *Approves* the posts as set out in the table below:\n\nPost\nLevel\nKeeper\nP-4\n\n\
        2. *Decides* to meet again.\n";
    let got = rules(t);
    assert!(!got.iter().any(|(r, _)| *r == "end-punctuation"), "{got:?}");
    let t = "The Assembly of Lighthouse Keepers,\n\n*Recalling* its work,\n\n\
        *Adopts* the following Charter of the Keepers:\n\nCharter of the Keepers\n\n\
        1. Every keeper trims the wicks.\n\n2. Every keeper polishes the lenses.\n";
    let d = import_str(t, KindHint::Auto).document;
    assert_eq!(d.annexes.len(), 1, "{d:?}");
    assert_eq!(check(&d), vec![]);
    // A colon that announces nothing is still a finding.
    let t = "The Assembly of Lighthouse Keepers,\n\n*Recalling* its work,\n\n\
        1. *Requests* the keepers to trim the wicks:\n\n2. *Decides* to meet again.\n";
    assert!(rules(t).contains(&("end-punctuation", "operative paragraph 1".into())));
}
