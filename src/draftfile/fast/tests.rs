//! The fast reader against `toml`: the emitted layout is read alike, other spellings are
//! left to `toml`, and whatever the fast path reads of a damaged file, `toml` reads the same.

use super::*;
use crate::model::Draft;
use proptest::prelude::*;
use std::ops::Range;

type Read = (
    Draft,
    super::super::schema::Spans,
    Vec<(Range<usize>, super::super::schema::Spans)>,
);

fn by_toml(text: &str) -> Option<Read> {
    toml::from_str::<FileV1>(text).ok().map(FileV1::into_draft)
}

fn by_fast(text: &str) -> Option<Read> {
    read(text).map(FileV1::into_draft)
}

fn sample(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("drafts")
        .join(name);
    std::fs::read_to_string(path).expect("sample draft")
}

/// The sample drafts, with a revision of each, as the emitter writes them.
fn emitted() -> Vec<String> {
    let mut out = Vec::new();
    for name in ["sample-resolution.toml", "sample-report.toml"] {
        let text = sample(name);
        out.push(text.clone());
        let mut draft = super::super::parse(&text, name.as_ref()).expect("sample loads");
        draft.revisions.push(crate::model::Revision {
            label: "L.1 \"first\"".into(),
            date: "2026-12-01".into(),
            note: "tab\there\\ and “quotes”\u{1}".into(),
            document: draft.document.clone(),
        });
        draft.document.notes = vec!["one".into(), "two".into()];
        draft.document.first_number = 7;
        out.push(super::super::to_toml(&draft).expect("emits"));
        structured(&mut draft.document);
        draft.revisions[0].document.notes = vec!["only".into()];
        out.push(super::super::to_toml(&draft).expect("emits"));
    }
    out
}

/// Headings, parts and annexes (format 2) added to a document.
fn structured(doc: &mut crate::model::Document) {
    use crate::model::{Annex, Heading, Id, Paragraph, ResolutionPart, Section};
    let p = |id: &str| Paragraph::new(Id::new(id), "Decides", "to act;");
    let mut numbered = p("n1");
    numbered.list_style = ListStyle::Numeric;
    numbered.subparagraphs.push(p("n2"));
    doc.headings.push(Heading {
        id: Id::new("h1"),
        level: 2,
        label: "I".into(),
        heading: "First".into(),
        before: Id::new("x"),
    });
    doc.parts.push(ResolutionPart {
        id: Id::new("part1"),
        label: "A".into(),
        heading: "Part".into(),
        preamble: vec![p("q1")],
        operative: vec![numbered],
    });
    doc.annexes.push(Annex {
        id: Id::new("ax"),
        label: "Annex".into(),
        title: "Terms".into(),
        numbered: false,
        paragraphs: vec![p("a1")],
        sections: vec![Section {
            id: Id::new("s1"),
            level: 3,
            label: "1.".into(),
            heading: "Scope".into(),
            numbered: false,
            paragraphs: vec![p("a2")],
        }],
    });
}

#[test]
fn emitted_drafts_read_as_toml_reads_them() {
    for text in emitted() {
        let fast = by_fast(&text).expect("the emitted layout is read by the fast path");
        assert_eq!(Some(fast), by_toml(&text));
    }
}

#[test]
fn other_spellings_are_left_to_toml() {
    let base = "format = 1\n[[operative]]\nid = \"a\"\ntext = \"x\"\n";
    assert!(read(base).is_some());
    for text in [
        "format = 1\n[[operative]]\nid = 'a'\n",
        "format = 1\n[[operative]]\nid = \"a\"\nid = \"b\"\n",
        "format = 1\n[[operative]]\ntext = \"x\"\n",
        "format = 1\n[[operative]]\nid = \"a\"\nleed = \"x\"\n",
        "format = 1\n[[operative]]\nid = \"\"\"a\"\"\"\n",
        "format = 1\r\n[[operative]]\r\nid = \"a\"\r\n",
        "format = +1\n",
        "format = 01\n",
        "format = 1.0\n",
        "kind = \"resolution\"\n",
        "format = 1\n[header]\ntitel = \"x\"\n",
        "format = 1\n[header]\n[header]\n",
        "format = 1\n[[operative.subparagraphs]]\nid = \"a\"\n",
        "format = 1\n[[revisions]]\nlabel = \"a\"\n",
        "format = 1\n[negotiation]\n",
        "format = 1\n[[footnotes]]\nid = \"f\"\nanchor = \"a\"\n",
        "format = 1\n[[operative]]\nid = \"a\\q\"\n",
        "format = 1\n[[operative]]\nid = \"a\\uD800\"\n",
    ] {
        assert!(read(text).is_none(), "{text:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    /// Whatever the fast path reads, `toml` reads the same way: a damaged file is read by
    /// both alike or left to `toml`.
    #[test]
    fn the_fast_path_agrees_with_toml(
        which in 0usize..4,
        at in any::<prop::sample::Index>(),
        cut in 0usize..4,
        insert in prop::sample::select(vec!["", "\"", "\\", "[", "]", "\n", "=", "#", " ", "x", "0", "[[operative]]\n", "\\u00e9", "'"]),
    ) {
        let texts = emitted();
        let text = &texts[which % texts.len()];
        let mut i = at.index(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        let mut j = (i + cut).min(text.len());
        while !text.is_char_boundary(j) {
            j += 1;
        }
        let damaged = format!("{}{insert}{}", &text[..i], &text[j..]);
        if let Some(fast) = by_fast(&damaged) {
            prop_assert_eq!(Some(fast), by_toml(&damaged));
        }
    }
}
