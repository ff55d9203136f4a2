//! Amendment documents held as documents: import, draft file and text export round trips,
//! the instructions read back, the check. Fixtures are texts we write.

use super::*;
use crate::import::{KindHint, import_str};
use std::path::Path;

/// An amendment document shaped as the UN prints them: symbol, header, the sponsors' line
/// with its `*` note, the title, numbered instructions, one quoting a new paragraph, one
/// adding a footnote (`**`).
const FIXTURE: &str = "United Nations \nA/90/L.41 \n\nGeneral Assembly \nDistr.: Limited \n\
    3 March 2036 \nOriginal: English \n\nNinetieth session \nAgenda item 12 \n\
    Keeping of lights in coastal towns \n\n\n\
    Utopia and Erewhon:* amendment to draft resolution A/90/L.7 \n\n\n\
    Keeping of lights \n\n\
    1. \nIn operative paragraph 2, replace “lamps” with “lanterns”. \n\
    2. \nAfter operative paragraph 3, insert the following operative paragraph: \n\n\
    Requests the keepers to light the lanterns at dusk; \n\n\
    3. \nIn the first preambular paragraph, insert “of the Coast Guard Convention**” after \n\
    “Recalling the provisions”. \n\n\
    * Any changes to the list of sponsors will be reflected in the official record of the meeting. \n\
    ** United Nations, Treaty Series, vol. 9999, No. 99999. \n";

fn fixture() -> Document {
    let imported = import_str(FIXTURE, KindHint::Auto);
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
    imported.document
}

#[test]
fn an_amendment_document_imports_with_its_header_and_instructions() {
    let d = fixture();
    assert_eq!(d.kind, DocKind::Amendment);
    let h = &d.header;
    assert_eq!(h.symbol, "A/90/L.41");
    assert_eq!(h.sponsors, ["Utopia", "Erewhon"]);
    assert_eq!(h.stage, "amendment to draft resolution A/90/L.7");
    assert_eq!(h.title, "Keeping of lights");
    assert_eq!(h.agenda_item, "12");
    assert!(
        h.sponsors_note
            .starts_with("Any changes to the list of sponsors")
    );
    assert!(d.preamble.is_empty() && d.authoring_body.is_empty());
    let texts: Vec<&str> = d.operative.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "In operative paragraph 2, replace “lamps” with “lanterns”.",
            "After operative paragraph 3, insert the following operative paragraph:",
            "In the first preambular paragraph, insert “of the Coast Guard Convention[^f1]” \
             after “Recalling the provisions”.",
        ]
    );
    // The quoted new paragraph stands under its instruction.
    assert_eq!(
        d.operative[1].subparagraphs[0].text,
        "Requests the keepers to light the lanterns at dusk;"
    );
    assert_eq!(d.footnotes.len(), 1);
    assert_eq!(d.footnotes[0].anchor, d.operative[2].id);
    assert_eq!(
        d.footnotes[0].text,
        "United Nations, Treaty Series, vol. 9999, No. 99999."
    );
}

#[test]
fn the_instructions_read_back_as_the_printed_text_reads() {
    let d = fixture();
    let printed = parse::parse_document(FIXTURE).expect("the fixture reads");
    let held = to_amendment(&d).expect("the document reads");
    assert_eq!(held.symbol, printed.symbol);
    assert_eq!(held.target, "A/90/L.7");
    assert_eq!(held.instructions, printed.instructions);
    // An instruction edited into words the reader does not know is named by its number.
    let mut edited = d.clone();
    edited.operative[0].text = "Make the lamps brighter.".into();
    let errors = to_amendment(&edited).expect_err("not an instruction");
    assert_eq!(errors[0].instruction, 1);
    assert!(
        errors[0].to_string().starts_with("instruction 1: "),
        "{}",
        errors[0]
    );
    let findings = crate::check::check(&edited);
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].rule, "amendment-instruction");
    assert_eq!(findings[0].id.as_ref(), Some(&edited.operative[0].id));
    // No resolution-drafting finding on the instructions as printed.
    assert!(crate::check::check(&d).is_empty());
}

#[test]
fn an_amendment_document_survives_the_draft_file_and_the_text_export() {
    let d = fixture();
    let draft = crate::model::Draft::new(d.clone());
    let toml = crate::draftfile::to_toml(&draft).expect("serialises");
    assert!(toml.contains("kind = \"amendment\""), "{toml}");
    let back = crate::draftfile::parse(&toml, Path::new("a.toml")).expect("loads");
    assert_eq!(back.document, d);
    // The text export reads as an amendment document again, with the same instructions.
    let text = crate::export::text(&d, 80);
    assert!(text.contains("    Requests the keepers"), "{text}");
    assert!(text.contains("Convention**”"), "{text}");
    assert!(!text.contains("(a)"), "{text}");
    let again = import_str(&text, KindHint::Auto).document;
    assert_eq!(again.kind, DocKind::Amendment);
    assert_eq!(again.header.title, d.header.title);
    assert_eq!(again.header.sponsors_note, d.header.sponsors_note);
    assert_eq!(again.operative, d.operative);
    assert_eq!(again.footnotes, d.footnotes);
    let json = crate::export::json(&d);
    assert_eq!(json["kind"], "amendment");
    assert_eq!(json["operative"].as_array().map(Vec::len), Some(3));
}

#[test]
fn a_file_names_its_amendment_by_content() {
    let dir = std::env::temp_dir().join(format!("resdraft-amenddoc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temp dir");
    let d = fixture();
    let toml = crate::draftfile::to_toml(&crate::model::Draft::new(d.clone())).expect("toml");
    let path = dir.join("l41.toml");
    let from_draft = read_bytes(toml.into_bytes(), &path).expect("a draft holding an amendment");
    let from_text = read_bytes(FIXTURE.as_bytes().to_vec(), &dir.join("l41.txt")).expect("text");
    assert_eq!(from_draft.instructions, from_text.instructions);
    // A draft resolution is not an amendment; a broken draft file says what is wrong.
    let mut resolution = d;
    resolution.kind = DocKind::Resolution;
    let toml = crate::draftfile::to_toml(&crate::model::Draft::new(resolution)).expect("toml");
    let e = read_bytes(toml.into_bytes(), &path).expect_err("not an amendment");
    assert!(e.to_string().contains("a draft resolution file"), "{e}");
    let e = read_bytes(b"format = [".to_vec(), &path).expect_err("broken");
    assert!(matches!(e, ReadError::Draft(_)), "{e}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn editing_an_amendment_leaves_the_places_it_names_and_its_punctuation_alone() {
    let mut d = fixture();
    let before: Vec<String> = d.operative.iter().map(|p| p.text.clone()).collect();
    // Deleting the first instruction renumbers the instructions, not the operative
    // paragraphs of the draft they name, and gives no instruction a resolution's ending.
    let id = d.operative[0].id.clone();
    crate::ops::apply(&mut d, crate::ops::Op::Delete { id }).expect("deleted");
    let after: Vec<String> = d.operative.iter().map(|p| p.text.clone()).collect();
    assert_eq!(after, before[1..]);
}
