//! Unit tests of the header reader: sponsors and stage, the authoring body, the header
//! block's fields.

use super::*;

#[test]
fn a_title_over_an_italic_authoring_body_is_not_one() {
    let lines = crate::import::lines::normalise(
        "Utopia: draft resolution\n\nThe Keeping of Lights\n\n*The General Assembly,*\n\n\
         *Recalling* its work,\n",
    );
    let (range, body) = authoring_body(&lines).expect("an authoring body");
    assert_eq!(body, "The General Assembly");
    assert_eq!(lines[range.start].text, "*The General Assembly,*");
    // The italics closed before the comma, as a PDF's italic run may end.
    let lines = crate::import::lines::normalise(
        "Utopia: draft resolution\n\nThe Keeping of Lights\n\n*The General Assembly*,\n\n\
         *Recalling* its work,\n",
    );
    let (_, body) = authoring_body(&lines).expect("an authoring body");
    assert_eq!(body, "The General Assembly");
}

#[test]
fn splits_sponsors() {
    let (s, stage) = sponsors_and_stage(
        "**Albania, El Salvador, Paraguay and the\nUnited States of America: revised draft resolution**",
    )
    .unwrap_or_default();
    assert_eq!(
        s,
        [
            "Albania",
            "El Salvador",
            "Paraguay",
            "United States of America"
        ]
    );
    assert_eq!(stage, "revised draft resolution");
    let (s, stage) = sponsors_and_stage("Australia:* draft resolution").unwrap_or_default();
    assert_eq!(
        (s, stage.as_str()),
        (vec!["Australia".to_string()], "draft resolution")
    );
    let (s, _) =
        sponsors_and_stage("Chile and Trinidad and Tobago: draft resolution").unwrap_or_default();
    assert_eq!(s, ["Chile", "Trinidad and Tobago"]);
    let (s, _) =
        sponsors_and_stage("Trinidad and Tobago and Chile: draft resolution").unwrap_or_default();
    assert_eq!(s, ["Trinidad and Tobago", "Chile"]);
    assert!(sponsors_and_stage("Recalling: the thing").is_none());
}

#[test]
fn recognises_fields() {
    assert!(is_date("21 October 2010"));
    assert!(!is_date("Vienna, 18-22 October 2010"));
    assert!(is_place_and_dates("Vienna, 18-22 October 2010"));
    assert!(is_session("Thirtieth session"));
    assert!(is_committee("Third Committee"));
    assert!(is_committee(
        "Special Political and Decolonization Committee (Fourth Committee)"
    ));
    assert!(!is_committee(
        "Report of the Committee on Relations with the Host Country"
    ));
    assert_eq!(
        resolution_title("80/4. Report of X"),
        Some(("80/4", "Report of X"))
    );
}

#[test]
fn keeps_a_wrapped_adoption_date_and_committee_reference() {
    let lines = super::super::lines::normalise(
        "Resolution adopted by the General Assembly \non 3 March 2031 \n\n\
         [on the report of the Special Committee on Lighthouses \n\
         (Ninth Committee) (A/86/420, para. 13)] \n\n\
         86/7. Keeping of lights \n",
    );
    let (mut extra, mut warnings) = (Vec::new(), Vec::new());
    let h = parse(&lines, &mut extra, &mut warnings);
    assert_eq!(
        h.adoption,
        "Resolution adopted by the General Assembly on 3 March 2031"
    );
    assert_eq!(
        h.committee_reference,
        "[on the report of the Special Committee on Lighthouses (Ninth Committee) (A/86/420, para. 13)]"
    );
    assert_eq!(h.title, "Keeping of lights");
    assert!(
        extra.is_empty() && warnings.is_empty(),
        "{extra:?} {warnings:?}"
    );
}

#[test]
fn a_note_by_the_secretariat_is_the_stage() {
    assert!(is_bare_stage("Note by the Secretariat"));
    assert!(is_bare_stage("Note by the Secretary-General"));
    assert!(!is_bare_stage(
        "Note by the Secretariat on the lamps, and the wicks."
    ));
    assert!(!is_bare_stage("Notes by the keepers"));
}

#[test]
fn a_bare_stage_and_a_committee_reference_broken_by_a_blank_line() {
    let lines = super::super::lines::normalise(
        "Agenda item 7 \nKeeping of lights and \nlanterns \n\n\
         Draft resolution  \n\n Keeping of lights and lanterns  \n",
    );
    let (mut extra, mut warnings) = (Vec::new(), Vec::new());
    let h = parse(&lines, &mut extra, &mut warnings);
    assert_eq!(h.stage, "Draft resolution");
    assert_eq!(h.title, "Keeping of lights and lanterns");
    assert!(extra.is_empty(), "{extra:?}");
    let lines = super::super::lines::normalise(
        "Resolution adopted by the General Assembly on 3 March 2031 \n\n\
         [on the report of the Special Committee on Lighthouses \n\n\n\
         (Ninth Committee) (A/86/420, para. 13)] \n\n\
         86/7. Keeping of lights \n",
    );
    let (mut extra, mut warnings) = (Vec::new(), Vec::new());
    let h = parse(&lines, &mut extra, &mut warnings);
    assert_eq!(
        h.committee_reference,
        "[on the report of the Special Committee on Lighthouses (Ninth Committee) (A/86/420, para. 13)]"
    );
    assert_eq!(h.title, "Keeping of lights");
    assert!(extra.is_empty(), "{extra:?}");
}

#[test]
fn reads_one_agenda_title_per_item_and_a_stage_without_sponsors() {
    let lines = super::super::lines::normalise(
        "Ninetieth session \nAgenda items 13 and 75 \n\n\
         Keeping of lights and \nlanterns \n\nThe law of the harbours \n\n\
         Utopia and Erewhon:* draft resolution \n\n\
         Harbour lights for coastal development \n",
    );
    let (mut extra, mut warnings) = (Vec::new(), Vec::new());
    let h = parse(&lines, &mut extra, &mut warnings);
    assert_eq!(h.agenda_item, "13 and 75");
    assert_eq!(
        h.agenda_title,
        "Keeping of lights and lanterns; The law of the harbours"
    );
    assert_eq!(h.sponsors, ["Utopia", "Erewhon"]);
    assert_eq!(h.title, "Harbour lights for coastal development");
    assert!(extra.is_empty(), "{extra:?}");
    let lines = super::super::lines::normalise(
        "Agenda item 7 \nLights \n\n\
         Draft resolution submitted by the Chair on the basis of \ninformal consultations \n\n\
         Harbour lights for coastal development \n",
    );
    let (mut extra, mut warnings) = (Vec::new(), Vec::new());
    let h = parse(&lines, &mut extra, &mut warnings);
    assert_eq!(
        (h.agenda_item.as_str(), h.agenda_title.as_str()),
        ("7", "Lights")
    );
    assert_eq!(
        h.stage,
        "Draft resolution submitted by the Chair on the basis of informal consultations"
    );
    assert_eq!(h.title, "Harbour lights for coastal development");
    assert!(extra.is_empty(), "{extra:?}");
}
