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
fn lead_person_capitalisation_and_repetition() {
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
    let rep = find("repeated-lead").unwrap_or_else(|| panic!("{f:?}"));
    assert_eq!(rep.place, "operative paragraph 5");
    assert_eq!(rep.suggestion, "Also requests");
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
