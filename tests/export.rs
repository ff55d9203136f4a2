//! Export of the sample drafts: text snapshots at width 80, the JSON shape that scripts and
//! the corpus checker read, Markdown emphasis, and text stable across save/load.

use resdraft::draftfile;
use resdraft::export;
use resdraft::model::Document;
use std::path::Path;
use unicode_width::UnicodeWidthStr;

fn sample(name: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("drafts")
        .join(name);
    match draftfile::load(&path) {
        Ok(d) => d.document,
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn resolution_text_snapshot() {
    insta::assert_snapshot!(export::text(&sample("sample-resolution.toml"), 80));
}

#[test]
fn report_text_snapshot() {
    insta::assert_snapshot!(export::text(&sample("sample-report.toml"), 80));
}

#[test]
fn earlier_revision_text_snapshot() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("drafts/sample-resolution.toml");
    let draft = draftfile::load(&path).unwrap();
    let old = &draft.revision("A/C.2/81/L.23").unwrap().document;
    insta::assert_snapshot!(export::text(old, 80));
}

#[test]
fn text_has_no_markup_and_respects_the_width() {
    for name in ["sample-resolution.toml", "sample-report.toml"] {
        let doc = sample(name);
        for width in [40, 60, 80, 120] {
            let text = export::text(&doc, width);
            assert!(
                !text.contains('*') && !text.contains("[^"),
                "{name}: markup left"
            );
            for line in text.lines() {
                // A line may only overflow when a single word is wider than the width.
                let overflow = line.width() > width && line.trim().contains(' ');
                assert!(!overflow, "{name} at {width}: {line:?}");
            }
        }
    }
}

#[test]
fn text_has_the_un_layout() {
    let text = export::text(&sample("sample-resolution.toml"), 80);
    for want in [
        "A/C.2/81/L.23/Rev.1\n",
        "Distr.: Limited\n18 November 2026",
        "Original: English",
        "Agenda item 18 (b)",
        "Galdora and Harwen:\nrevised draft resolution",
        "The General Assembly,\n\n    Recalling its resolution",
        "\n1.  Urges Member States",
        "\n    (a) Measuring groundwater levels",
        "\n        (i)  Protecting personal data",
        "\n16. Decides to include",
        "\n__________________\n\n¹ See World Groundwater Outlook 2025",
        "are replenished,¹\n",
    ] {
        assert!(text.contains(want), "missing {want:?} in\n{text}");
    }
}

#[test]
fn text_is_stable_across_save_and_load() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["sample-resolution.toml", "sample-report.toml"] {
        let doc = sample(name);
        let path = dir.path().join(name);
        draftfile::save(
            &path,
            &draftfile::load(
                &Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("drafts")
                    .join(name),
            )
            .unwrap(),
        )
        .unwrap();
        let again = draftfile::load(&path).unwrap().document;
        assert_eq!(export::text(&doc, 80), export::text(&again, 80), "{name}");
        assert_eq!(export::markdown(&doc), export::markdown(&again), "{name}");
        assert_eq!(export::json(&doc), export::json(&again), "{name}");
    }
}

#[test]
fn json_has_the_contract_fields() {
    let doc = sample("sample-resolution.toml");
    let v = export::json(&doc);
    let h = &v["header"];
    assert_eq!(h["symbol"], "A/C.2/81/L.23/Rev.1");
    assert_eq!(h["issuing_body"], "General Assembly");
    assert_eq!(h["stage"], "revised draft resolution");
    assert_eq!(h["sponsors"].as_array().unwrap().len(), 8);
    for key in [
        "organ",
        "distribution",
        "date",
        "original_language",
        "session",
        "place_and_dates",
        "agenda_item",
        "agenda_title",
        "title",
    ] {
        assert!(h.get(key).is_some(), "header.{key}");
    }
    assert_eq!(v["authoring_body"], "The General Assembly");
    let pre = v["preamble"].as_array().unwrap();
    let op = v["operative"].as_array().unwrap();
    assert_eq!(pre.len(), doc.preamble.len());
    assert_eq!(op.len(), doc.operative.len());
    assert!(pre.iter().all(|p| p["number"].is_null()));
    let numbers: Vec<u64> = op.iter().map(|p| p["number"].as_u64().unwrap()).collect();
    assert_eq!(numbers, (1..=op.len() as u64).collect::<Vec<_>>());
    assert_eq!(op[0]["lead"], "Urges");
    assert!(op[0]["text"].as_str().unwrap().starts_with("Member States"));
    let subs = op[1]["subparagraphs"].as_array().unwrap();
    let labels: Vec<&str> = subs.iter().map(|s| s["label"].as_str().unwrap()).collect();
    assert_eq!(labels, ["a", "b", "c"]);
    assert_eq!(subs[1]["subparagraphs"][1]["label"], "ii");
    let fns = v["footnotes"].as_array().unwrap();
    assert_eq!(fns.len(), 3);
    assert_eq!(fns[0]["number"], 1);
    assert_eq!(fns[0]["anchor"], "p3");
    assert_eq!(
        pre[2]["plain"],
        markup_free(pre[2]["text"].as_str().unwrap())
    );
}

fn markup_free(s: &str) -> String {
    resdraft::markup::strip(s)
}

#[test]
fn json_report_sections() {
    let v = export::json(&sample("sample-report.toml"));
    let sections = v["sections"].as_array().unwrap();
    assert_eq!(sections.len(), 7);
    let mut numbers = Vec::new();
    for s in sections {
        assert!(s.get("number").is_none(), "a section has no number key");
        for key in ["id", "label", "level", "heading", "numbered", "paragraphs"] {
            assert!(s.get(key).is_some(), "section.{key}");
        }
        for p in s["paragraphs"].as_array().unwrap() {
            numbers.push(p["number"].as_u64().unwrap());
        }
    }
    assert_eq!(numbers, (1..=10).collect::<Vec<u64>>());
    assert_eq!(sections[1]["heading"], "Monitoring and data");
    assert_eq!(sections[1]["level"], 2);
    let listed = &sections[1]["paragraphs"][1]["subparagraphs"];
    assert_eq!(listed.as_array().unwrap().len(), 4);
    assert_eq!(listed[3]["label"], "d");
}

#[test]
fn markdown_keeps_emphasis_and_footnotes() {
    let md = export::markdown(&sample("sample-resolution.toml"));
    assert!(md.contains("*Recalling* its resolution 79/210"), "{md}");
    assert!(md.contains("*World Groundwater Outlook 2025*"), "{md}");
    assert!(md.contains("are replenished,[^1]"), "{md}");
    assert!(
        md.contains("\n[^1]: See *World Groundwater Outlook 2025*"),
        "{md}"
    );
    assert!(md.contains("\n1\\. *Urges* Member States"), "{md}");
    // Escaped, so that pandoc keeps the label rather than renumbering a list of its own.
    assert!(md.contains("\n\\(a) Measuring"), "{md}");
    assert!(
        md.contains("# Sustainable management of urban groundwater"),
        "{md}"
    );
}

#[test]
fn export_keeps_control_characters() {
    // Export is pure: sanitising is the terminal printer's job, a file keeps the text.
    let mut doc = sample("sample-report.toml");
    doc.sections[0].paragraphs[0].text = "A \u{1b}[31mred\u{1b}[0m word.".into();
    assert!(export::text(&doc, 80).contains("\u{1b}[31mred"));
    assert!(export::markdown(&doc).contains('\u{1b}'));
}

mod props {
    use proptest::prelude::*;
    use resdraft::export;
    use resdraft::markup;
    use resdraft::model::{DocKind, Document, Id, Paragraph};

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Any text at any width exports without a panic, and every word of it is in the text
        /// export, in order (wrapping only moves line breaks).
        #[test]
        fn any_text_keeps_every_word(
            texts in proptest::collection::vec("[a-zA-Z(). ,;*\\[\\]^0-9é—“”]{0,80}", 1..5),
            width in 1usize..130,
        ) {
            let mut doc = Document::new(DocKind::Resolution);
            doc.authoring_body = "The General Assembly".into();
            for (i, t) in texts.iter().enumerate() {
                let mut p = Paragraph::new(Id(format!("p{i}")), "Decides", t.clone());
                p.subparagraphs.push(Paragraph::new(Id(format!("q{i}")), "", t.clone()));
                doc.operative.push(p);
            }
            let text = export::text(&doc, width);
            let _ = export::markdown(&doc);
            let _ = export::json(&doc);
            let words: Vec<String> = text.split_whitespace().map(str::to_string).collect();
            let mut at = 0;
            for t in &texts {
                for w in markup::strip(t).split_whitespace() {
                    let found = words[at..].iter().position(|x| x == w);
                    prop_assert!(found.is_some(), "{w:?} missing from\n{text}");
                    at += found.unwrap_or(0) + 1;
                }
            }
        }
    }
}
