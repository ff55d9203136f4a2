//! The importer on texts written for these tests (tests/fixtures/*.txt, fictional topics) in
//! the shapes real UN texts come in: italic and plain preambles, wrapped bold headers, page
//! breaks inside paragraphs with and without footnote blocks, multi-digit footnotes, Windows
//! line endings, tabs, non-breaking spaces, a BOM, the PDF-extraction shape, a report, an
//! adopted resolution; and bad input (binary, not UTF-8, not a resolution).

mod common;

use resdraft::import::{ImportError, KindHint, import_file, import_str};
use resdraft::markup;
use resdraft::model::{DocKind, Document, ListStyle};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn import(name: &str) -> Document {
    match import_file(&fixture(name), KindHint::Auto) {
        Ok(i) => i.document,
        Err(e) => panic!("{e}"),
    }
}

fn leads(list: &[resdraft::model::Paragraph]) -> Vec<&str> {
    list.iter().map(|p| p.lead.as_str()).collect()
}

#[test]
fn italic_resolution_with_wrapped_bold_header_and_multi_digit_footnotes() {
    let d = import("keepers-italic.txt");
    assert_eq!(d.kind, DocKind::Resolution);
    let h = &d.header;
    assert_eq!(h.issuing_body, "Economic and Social Council");
    assert_eq!(h.organ, "Commission on Coastal Lights and Beacons");
    assert_eq!(h.place_and_dates, "Valletta, 1–5 March 2031");
    assert_eq!(h.agenda_item, "4 (b)");
    assert!(h.agenda_title.starts_with(
        "Maintenance of lighthouses and the training of keepers: cooperation between"
    ));
    assert_eq!(h.sponsors.len(), 6);
    assert_eq!(h.sponsors[5], "Grand Duchy of Fenwick");
    assert_eq!(h.stage, "revised draft resolution");
    assert_eq!(h.title, "Keeping the coastal lights burning");
    assert_eq!(
        d.authoring_body,
        "The Commission on Coastal Lights and Beacons"
    );
    assert_eq!(d.preamble.len(), 12);
    assert_eq!(d.preamble[10].lead, "Taking note with appreciation");
    assert_eq!(d.preamble[11].lead, "Deeply concerned");
    // Rejoined across a footnote block at a page break.
    assert!(
        d.preamble[11]
            .text
            .contains("for want of trained keepers and of spare lenses, and that ships")
    );
    assert_eq!(
        leads(&d.operative),
        [
            "Urges",
            "Encourages",
            "Requests",
            "Also requests",
            "Decides"
        ]
    );
    let op2 = &d.operative[1];
    assert_eq!(op2.subparagraphs.len(), 2);
    assert_eq!(op2.subparagraphs[0].subparagraphs.len(), 2);
    assert!(
        d.operative[2]
            .text
            .contains("along the shipping routes and to report thereon;")
    );
    assert_eq!(d.footnotes.len(), 12);
    // Footnotes 10, 11, 12 (multi-digit markers) are anchored where their markers stand.
    assert_eq!(d.footnotes[9].anchor, d.preamble[9].id);
    assert_eq!(d.footnotes[10].anchor, d.preamble[10].id);
    assert_eq!(d.footnotes[11].anchor, d.operative[3].id);
    assert_eq!(
        d.footnotes[11].text,
        "United Nations publication, Sales No. E.31.IV.2."
    );
    assert!(d.operative[3].text.contains("keepers,[^f12] drawing"));
}

#[test]
fn plain_preamble_with_bom_crlf_tabs_and_nbsp() {
    let d = import("songbirds-plain-crlf.txt");
    assert_eq!(d.header.issuing_body, "General Assembly");
    assert_eq!(d.header.sponsors, ["Arcadia", "Borduria"]);
    assert_eq!(
        leads(&d.preamble),
        ["Recalling", "Bearing in mind", "Recognizing", "Cognizant"]
    );
    // A non-breaking space became a space; nothing of the CRLF is left.
    assert!(d.preamble[1].text.contains("their way south"));
    assert!(
        d.paragraphs()
            .iter()
            .all(|(p, _)| !p.text.contains(['\r', '\u{a0}', '\u{feff}']))
    );
    // Page break with only a blank line, continued in lower case.
    assert!(
        d.preamble[2]
            .text
            .contains("which count the birds that pass in spring")
    );
    assert_eq!(
        leads(&d.operative),
        ["Calls upon", "Encourages", "Requests"]
    );
}

#[test]
fn pdf_extraction_shape() {
    let d = import("lighthouse-pdf-extract.txt");
    let h = &d.header;
    assert_eq!(h.symbol, "A/87/L.12");
    assert_eq!(h.issuing_body, "General Assembly");
    assert_eq!(h.agenda_item, "55");
    assert_eq!(
        h.agenda_title,
        "Report of the International Lighthouse Organization"
    );
    assert_eq!(h.sponsors, ["Arcadia"]);
    assert_eq!(h.stage, "draft resolution");
    assert!(
        h.sponsors_note
            .starts_with("Any changes to the list of sponsors")
    );
    assert_eq!(d.preamble.len(), 2);
    assert_eq!(d.operative.len(), 3);
    assert_eq!(
        leads(&d.operative),
        ["Takes note with appreciation", "Takes note", "Appeals"]
    );
    let op2 = &d.operative[1].text;
    // A hyphen at a line end is kept and joined; rejoined across the footnote block and the
    // running head.
    assert!(op2.contains("along narrow straits"), "{op2}");
    assert!(op2.contains("thirty-first session;[^f2] and"), "{op2}");
    assert!(
        op2.contains("“Training of keepers”;[^f3] item 10 entitled “Spare lenses”"),
        "{op2}"
    );
    assert!(!op2.contains("A/87/L.12") && !op2.contains("32-20417") && !op2.contains("2/2"));
    assert_eq!(d.footnotes.len(), 3);
    assert_eq!(d.footnotes[0].anchor, d.preamble[0].id);
    assert_eq!(d.footnotes[1].anchor, d.operative[1].id);
    assert_eq!(
        d.footnotes[1].text,
        "See International Lighthouse Organization, Decisions Adopted at the 31st Session (ILO/31/DEC) for the full texts."
    );
}

#[test]
fn adopted_resolution() {
    let d = import("lighthouse-adopted.txt");
    let h = &d.header;
    assert_eq!(h.symbol, "A/RES/87/9");
    assert_eq!(
        h.adoption,
        "Resolution adopted by the General Assembly on 18 November 2032"
    );
    assert_eq!(
        h.committee_reference,
        "[without reference to a Main Committee (A/87/L.12)]"
    );
    assert_eq!(h.resolution_number, "87/9");
    assert_eq!(
        h.title,
        "Report of the International Lighthouse Organization"
    );
    assert!(h.agenda_title.is_empty());
    assert_eq!(d.operative.len(), 2);
    // The short title repeated as a running head is not part of the text.
    assert!(
        d.operative[1]
            .text
            .ends_with("to the Director General of the Organization.")
    );
    assert_eq!(d.notes, ["40th plenary meeting 18 November 2032"]);
}

#[test]
fn report_sections_items_and_nested_list() {
    let d = import("coastal-lights-report.txt");
    assert_eq!(d.kind, DocKind::Report);
    let heads: Vec<(&str, &str, bool)> = d
        .sections
        .iter()
        .map(|s| (s.label.as_str(), s.heading.as_str(), s.numbered))
        .collect();
    assert_eq!(
        heads,
        [
            ("I", "Introduction", true),
            ("II", "Recommendations", true),
            ("A", "Maintenance", true),
            ("", "Training", true),
            ("D", "Cooperation", true),
            ("III", "Organization of the meeting", true),
            (
                "",
                "Annex: List of documents before the Working Group",
                false
            ),
        ]
    );
    let numbered: usize = d
        .sections
        .iter()
        .filter(|s| s.numbered)
        .map(|s| s.paragraphs.len())
        .sum();
    assert_eq!(numbered, 8);
    let p5 = &d.sections[3].paragraphs[0];
    assert_eq!(p5.subparagraphs.len(), 3);
    let p7 = &d.sections[5].paragraphs[0];
    assert_eq!(p7.list_style, ListStyle::Numeric);
    assert_eq!(p7.subparagraphs.len(), 3);
    assert_eq!(p7.subparagraphs[0].subparagraphs.len(), 2);
    assert!(
        d.sections[2].paragraphs[1]
            .text
            .contains("and should train at least two keepers")
    );
}

#[test]
fn every_fixture_round_trips_through_the_text_export() {
    let mut names: Vec<PathBuf> = std::fs::read_dir(fixture(""))
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    assert!(names.len() >= 5);
    for path in names {
        let doc = match import_file(&path, KindHint::Auto) {
            Ok(i) => i.document,
            Err(e) => panic!("{e}"),
        };
        common::assert_round_trip(&path.display().to_string(), &doc);
    }
}

#[test]
fn kind_hint_overrides_detection() {
    let text = std::fs::read_to_string(fixture("coastal-lights-report.txt")).unwrap_or_default();
    assert_eq!(
        import_str(&text, KindHint::Auto).document.kind,
        DocKind::Report
    );
    assert_eq!(
        import_str(&text, KindHint::Resolution).document.kind,
        DocKind::Resolution
    );
}

#[test]
fn unplaceable_text_is_kept_with_a_warning() {
    let t = "The Assembly of Keepers,\n\n*Recalling* its work,\n\n1. *Decides* to meet again.\n\nA stray closing remark.\n";
    let i = import_str(t, KindHint::Auto);
    assert_eq!(i.document.notes, ["A stray closing remark."]);
    assert_eq!(i.warnings.len(), 1);
    assert_eq!(i.warnings[0].line, 7);
    let i = import_str("just some words\nof no structure", KindHint::Auto);
    assert_eq!(i.document.paragraph_count(), 0);
    assert_eq!(i.document.notes, ["just some words\nof no structure"]);
    assert!(i.warnings[0].message.contains("no paragraphs found"));
}

#[test]
fn control_characters_are_made_visible() {
    let t = "The Assembly,\n\n*Recalling* the \u{1b}[31mred\u{7} light,\n\n1. *Decides* so.\n";
    let d = import_str(t, KindHint::Auto).document;
    let text = markup::strip(&d.preamble[0].text);
    assert!(!text.chars().any(|c| c.is_control()), "{text:?}");
    assert!(text.contains("␛[31mred␇"));
}

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("resdraft-import-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(name);
    if std::fs::write(&path, bytes).is_err() {
        panic!("cannot write {}", path.display());
    }
    path
}

#[test]
fn bad_files_are_clear_errors() {
    let bin = temp_file("binary.txt", b"ABCD\x00\x00abc");
    let e = import_file(&bin, KindHint::Auto).err();
    assert!(
        matches!(e, Some(ImportError::Binary { offset: 4, .. })),
        "{e:?}"
    );
    // A zip that is not a Word document is named as such, not read as text.
    let zip = temp_file("archive.txt", b"PK\x03\x04\x00\x00abc");
    let e = import_file(&zip, KindHint::Auto).err();
    let msg = e.map(|e| e.to_string()).unwrap_or_default();
    assert!(msg.contains("archive.txt") && msg.contains("zip"), "{msg}");
    let latin1 = temp_file("latin1.txt", b"The Assembly,\n\nRecalling the caf\xe9,\n");
    let e = import_file(&latin1, KindHint::Auto).err();
    let msg = e.map(|e| e.to_string()).unwrap_or_default();
    assert!(
        msg.contains("latin1.txt") && msg.contains("not UTF-8") && msg.contains("line 3"),
        "{msg}"
    );
    let prose = temp_file("prose.txt", b"Dear colleagues, see you on Monday.\n");
    let e = import_file(&prose, KindHint::Auto).err();
    assert!(matches!(e, Some(ImportError::NotADocument { .. })), "{e:?}");
    // An amendment document imports as what it is: its header and its instructions (one
    // whose wording is not understood is kept, with a warning); a draft decision with no
    // paragraphs is said to be what it is.
    let amendment = temp_file(
        "amendment.txt",
        "A/90/L.9 \n\nUtopia: amendment to draft resolution A/90/L.7 \n\n\
         Keeping of lights \n\n1. Operative paragraph 2 \n\n\
         Replace “lamps” with “lanterns”. \n"
            .as_bytes(),
    );
    let imported = import_file(&amendment, KindHint::Auto).expect("an amendment imports");
    let d = &imported.document;
    assert_eq!(d.kind, resdraft::model::DocKind::Amendment);
    assert_eq!(d.header.stage, "amendment to draft resolution A/90/L.7");
    assert_eq!(d.header.sponsors, ["Utopia"]);
    assert_eq!(d.header.title, "Keeping of lights");
    assert_eq!(d.operative.len(), 1);
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w.message.starts_with("amendment: instruction 1")),
        "{:?}",
        imported.warnings
    );
    let decision = temp_file(
        "decision.txt",
        "A/C.6/90/L.9 \n\nUtopia and Erewhon: draft decision \n\n\
         Keeping of lights \n\n\
         The General Assembly decides to include the item in its next session. \n"
            .as_bytes(),
    );
    let e = import_file(&decision, KindHint::Auto).err();
    assert!(
        matches!(&e, Some(ImportError::Decision { stage, .. }) if stage == "draft decision"),
        "{e:?}"
    );
    let e = import_file(Path::new("/nonexistent/draft.txt"), KindHint::Auto).err();
    assert!(
        e.map(|e| e.to_string())
            .unwrap_or_default()
            .contains("/nonexistent/draft.txt")
    );
}

#[test]
fn huge_files_are_refused_before_reading() {
    let path = temp_file("huge.txt", b"");
    let grown = std::fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .and_then(|f| f.set_len(resdraft::import::MAX_BYTES + 1));
    assert!(grown.is_ok());
    let e = import_file(&path, KindHint::Auto).err();
    assert!(matches!(e, Some(ImportError::TooLarge { .. })), "{e:?}");
    assert!(
        e.map(|e| e.to_string())
            .unwrap_or_default()
            .contains("huge.txt")
    );
    let _ = std::fs::remove_file(&path);
}

#[test]
fn the_sample_draft_round_trips_through_the_text_export() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("drafts/sample-resolution.toml");
    if !path.exists() {
        println!("skipped: no sample draft");
        return;
    }
    let draft = match resdraft::draftfile::load(&path) {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    };
    common::assert_round_trip("sample-resolution", &draft.document);
}
