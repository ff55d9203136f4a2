//! Unit tests of the Word export: the XML parts read back with quick-xml.

use super::*;
use crate::model::{Annex, DocKind, Footnote, Header, Heading, Id, Paragraph, ResolutionPart};
use quick_xml::Reader;
use quick_xml::events::Event;

fn para(id: &str, lead: &str, text: &str) -> Paragraph {
    Paragraph::new(Id::new(id), lead, text)
}

fn sample() -> Document {
    let mut doc = Document::new(DocKind::Resolution);
    doc.header = Header {
        issuing_body: "General Assembly".into(),
        symbol: "A/C.3/81/L.7".into(),
        distribution: "Limited".into(),
        date: "3 October 2026".into(),
        original_language: "English".into(),
        session: "Eighty-first session".into(),
        agenda_item: "12 (b)".into(),
        agenda_title: "Lamps & lanterns <care>".into(),
        sponsors: vec!["Arcadia".into(), "Borduria".into()],
        stage: "draft resolution".into(),
        title: "Care of public *lamps*".into(),
        ..Header::default()
    };
    doc.authoring_body = "The General Assembly".into();
    doc.preamble
        .push(para("p1", "Recalling", "its earlier work,[^f1]"));
    let mut op1 = para("p2", "Decides", "as follows:");
    op1.subparagraphs.push(para("p3", "", "to act;[^f2]"));
    let mut b = para("p4", "", "to *report*:");
    b.subparagraphs.push(para("p5", "", "yearly;"));
    op1.subparagraphs.push(b);
    doc.operative.push(op1);
    doc.operative.push(para("p6", "Also requests", "a report."));
    doc.footnotes.push(Footnote {
        id: Id::new("f1"),
        anchor: Id::new("p1"),
        text: "*Official Records*, No. 1.".into(),
    });
    doc.footnotes.push(Footnote {
        id: Id::new("f2"),
        anchor: Id::new("p3"),
        text: "See A/80/1.".into(),
    });
    doc
}

/// A run as read back: its text, italic, bold.
#[derive(Debug, PartialEq)]
struct Run {
    text: String,
    italic: bool,
    bold: bool,
}

/// The paragraphs of a part, each as its runs (tabs as "\t"), and the number of footnote
/// references in it.
fn read(xml: &[u8]) -> (Vec<Vec<Run>>, usize) {
    let mut reader = Reader::from_reader(xml);
    let mut paragraphs: Vec<Vec<Run>> = Vec::new();
    let (mut italic, mut bold, mut in_text, mut refs) = (false, false, false, 0);
    // Tab stops (`w:tabs/w:tab` in the paragraph properties) are not tabs in the text.
    let mut in_stops = false;
    let mut buf = Vec::new();
    loop {
        let event = reader.read_event_into(&mut buf).expect("well-formed XML");
        match event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => match e.name().0 {
                "w:p" => paragraphs.push(Vec::new()),
                "w:r" => (italic, bold) = (false, false),
                "w:i" => italic = true,
                "w:b" => bold = true,
                "w:t" => in_text = true,
                "w:tabs" => in_stops = true,
                "w:tab" if !in_text && !in_stops => {
                    if let Some(p) = paragraphs.last_mut() {
                        p.push(Run {
                            text: "\t".into(),
                            italic,
                            bold,
                        });
                    }
                }
                "w:footnoteReference" => refs += 1,
                _ => {}
            },
            Event::End(e) if e.name().0 == "w:t" => in_text = false,
            Event::End(e) if e.name().0 == "w:tabs" => in_stops = false,
            Event::Text(t) if in_text => {
                // Entity references come as events of their own.
                let text = t[..].to_string();
                if let Some(p) = paragraphs.last_mut() {
                    p.push(Run { text, italic, bold });
                }
            }
            Event::GeneralRef(r) if in_text => {
                let name = r[..].to_string();
                let c = match name.as_str() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    _ => "?",
                };
                if let Some(Some(last)) = paragraphs.last_mut().map(|p| p.last_mut()) {
                    last.text.push_str(c);
                }
            }
            _ => {}
        }
        buf.clear();
    }
    (paragraphs, refs)
}

fn text_of(p: &[Run]) -> String {
    p.iter().map(|r| r.text.as_str()).collect()
}

/// `word/document.xml` and `word/footnotes.xml` of a draft.
fn parts(doc: &Document) -> Result<(Vec<u8>, Vec<u8>), std::io::Error> {
    let p = write::write(&content(doc))?;
    Ok((p.document, p.footnotes))
}

fn body(doc: &Document) -> (Vec<Vec<Run>>, usize, Vec<Vec<Run>>) {
    let (document, footnotes) = parts(doc).expect("parts");
    let (paras, refs) = read(&document);
    let (notes, _) = read(&footnotes);
    (paras, refs, notes)
}

#[test]
fn leads_are_italic_and_the_rest_roman() {
    let (paras, _, _) = body(&sample());
    let recalling = paras
        .iter()
        .find(|p| text_of(p).starts_with("Recalling"))
        .expect("the preambular paragraph");
    assert_eq!(
        recalling[0],
        Run {
            text: "Recalling".into(),
            italic: true,
            bold: false
        }
    );
    assert!(recalling[1..].iter().all(|r| !r.italic), "{recalling:?}");
    let decides = paras
        .iter()
        .find(|p| text_of(p).contains("Decides"))
        .expect("operative paragraph 1");
    let lead = decides.iter().find(|r| r.text == "Decides").expect("lead");
    assert!(lead.italic);
    let report = paras
        .iter()
        .flatten()
        .find(|r| r.text == "report")
        .expect("emphasis inside the text");
    assert!(report.italic);
}

#[test]
fn numbers_and_labels_are_automatic_list_items() {
    let (paras, _, _) = body(&sample());
    let texts: Vec<String> = paras.iter().map(|p| text_of(p)).collect();
    for want in [
        "Decides as follows:",
        "to act;",
        "to report:",
        "yearly;",
        "Also requests a report.",
    ] {
        assert!(texts.iter().any(|t| t == want), "{want}: {texts:#?}");
    }
    let (document, _) = parts(&sample()).expect("parts");
    let xml = String::from_utf8(document).expect("UTF-8");
    // The two operative paragraphs in one list, (a) and (b) in another, (i) in a third.
    let items: Vec<&str> = xml
        .match_indices("<w:numPr>")
        .map(|(i, _)| &xml[i..i + 70])
        .collect();
    assert_eq!(items.len(), 5, "{items:#?}");
    for (i, level, list) in [(0, 0, 1), (1, 1, 2), (3, 2, 3), (4, 0, 1)] {
        let want = format!(r#"<w:ilvl w:val="{level}"/><w:numId w:val="{list}"/>"#);
        assert!(items[i].contains(&want), "{}", items[i]);
    }
    let p = write::write(&content(&sample())).expect("parts");
    let numbering = String::from_utf8(p.numbering).expect("UTF-8");
    assert!(
        numbering.contains(r#"<w:lvlText w:val="(%2)"/>"#),
        "{numbering}"
    );
}

#[test]
fn footnote_references_match_the_footnotes() {
    let doc = sample();
    let (_, refs, notes) = body(&doc);
    // Two separators, then one Word footnote per footnote of the draft.
    assert_eq!(notes.len(), 2 + doc.footnotes.len());
    assert_eq!(refs, doc.footnotes.len());
    assert_eq!(text_of(&notes[2]), "\tOfficial Records, No. 1.");
    assert!(notes[2][1].italic, "{:?}", notes[2]);
    assert_eq!(text_of(&notes[3]), "\tSee A/80/1.");
    let (document, footnotes) = parts(&doc).expect("parts");
    let (document, footnotes) = (
        String::from_utf8(document).expect("UTF-8"),
        String::from_utf8(footnotes).expect("UTF-8"),
    );
    assert_eq!(
        document
            .matches("<w:footnoteReference w:id=\"1\"/>")
            .count(),
        1
    );
    assert!(footnotes.contains("<w:footnote w:id=\"2\">"));
}

#[test]
fn a_footnote_without_its_marker_is_still_referenced() {
    let mut doc = sample();
    doc.preamble[0].text = "its earlier work,".into();
    doc.footnotes.push(Footnote {
        id: Id::new("f9"),
        anchor: Id::new("nowhere"),
        text: "Lost.".into(),
    });
    let (_, refs, notes) = body(&doc);
    assert_eq!(refs, 3);
    assert_eq!(notes.len(), 5);
}

#[test]
fn the_header_block_is_laid_out_with_bold_lines() {
    let (paras, _, _) = body(&sample());
    let texts: Vec<String> = paras.iter().map(|p| text_of(p)).collect();
    assert_eq!(texts[0], "General Assembly\tA/C.3/81/L.7");
    for want in [
        "Distr.: Limited",
        "3 October 2026",
        "Original: English",
        "Agenda item 12 (b)",
        "Lamps & lanterns <care>",
        "The General Assembly,",
    ] {
        assert!(texts.iter().any(|t| t == want), "{want}: {texts:#?}");
    }
    let bold = |s: &str| {
        paras
            .iter()
            .find(|p| text_of(p) == s)
            .is_some_and(|p| p.iter().all(|r| r.bold))
    };
    assert!(bold("Arcadia and Borduria: draft resolution"));
    assert!(bold("Care of public lamps"));
    let title = paras
        .iter()
        .find(|p| text_of(p) == "Care of public lamps")
        .expect("title");
    assert!(title.iter().any(|r| r.text == "lamps" && r.italic));
}

#[test]
fn headings_parts_and_annexes_are_written_in_order() {
    let mut doc = sample();
    doc.headings.push(Heading {
        id: Id::new("h1"),
        level: 1,
        label: "II".into(),
        heading: "Reports".into(),
        before: Id::new("p6"),
    });
    doc.parts.push(ResolutionPart {
        id: Id::new("part1"),
        label: "B".into(),
        heading: "Lanterns".into(),
        preamble: vec![para("p7", "Noting", "the lanterns,")],
        operative: vec![para("p8", "Decides", "one;"), para("p9", "Asks", "two.")],
    });
    doc.annexes.push(Annex {
        id: Id::new("annex1"),
        label: "I".into(),
        title: "Charter of Keepers".into(),
        paragraphs: vec![para("p10", "", "We keep.")],
        ..Annex::default()
    });
    let (paras, _, _) = body(&doc);
    let texts: Vec<String> = paras.iter().map(|p| text_of(p)).collect();
    let at = |s: &str| {
        texts
            .iter()
            .position(|t| t == s)
            .unwrap_or_else(|| panic!("{s}: {texts:#?}"))
    };
    assert!(at("Decides as follows:") < at("II.\tReports"));
    assert!(at("II.\tReports") < at("Also requests a report."));
    assert!(at("B. Lanterns") < at("Noting the lanterns,"));
    assert!(at("Noting the lanterns,") < at("Decides one;"));
    assert!(at("Annex I") < at("Charter of Keepers"));
    assert!(at("Charter of Keepers") < at("We keep."));
}

#[test]
fn characters_xml_cannot_hold_are_left_out() {
    let mut doc = sample();
    doc.preamble[0].text = "a\u{1}b\u{1b}[31m c".into();
    let (paras, _, _) = body(&doc);
    assert!(
        paras.iter().any(|p| text_of(p) == "Recalling ab[31m c"),
        "{:?}",
        paras.iter().map(|p| text_of(p)).collect::<Vec<_>>()
    );
}

#[test]
fn the_package_holds_every_part_and_is_the_same_each_time() {
    let doc = sample();
    let bytes = render(&doc).expect("docx");
    assert!(bytes.starts_with(b"PK"));
    assert_eq!(bytes, render(&doc).expect("docx"));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    for name in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
        "word/settings.xml",
        "word/footnotes.xml",
        "word/numbering.xml",
    ] {
        assert!(zip.by_name(name).is_ok(), "{name}");
    }
}

/// The words of a document with its tracked changes rejected (`accept` false) or accepted,
/// read from `document.xml` and `footnotes.xml` together.
fn resolved(xml: &[u8], accept: bool) -> Vec<String> {
    let mut reader = Reader::from_reader(xml);
    let (mut inserted, mut deleted, mut in_text) = (0, 0, false);
    let mut text = String::new();
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf).expect("well-formed XML") {
            Event::Eof => break,
            Event::Start(e) => match e.name().0 {
                "w:ins" | "w:moveTo" => inserted += 1,
                "w:del" | "w:moveFrom" => deleted += 1,
                "w:t" | "w:delText" => in_text = true,
                "w:p" => text.push(' '),
                _ => {}
            },
            Event::End(e) => match e.name().0 {
                "w:ins" | "w:moveTo" => inserted -= 1,
                "w:del" | "w:moveFrom" => deleted -= 1,
                "w:t" | "w:delText" => in_text = false,
                _ => {}
            },
            Event::Text(t) if in_text => {
                let keep = if accept { deleted == 0 } else { inserted == 0 };
                if keep {
                    text.push_str(&t[..]);
                }
            }
            _ => {}
        }
        buf.clear();
    }
    text.split_whitespace().map(str::to_string).collect()
}

fn words_of(doc: &Document) -> Vec<String> {
    let p = write::write(&content(doc)).expect("parts");
    resolved(&p.document, true)
}

#[test]
fn tracked_changes_give_old_when_rejected_and_new_when_accepted() {
    let old = sample();
    let mut new = sample();
    // Words changed, a paragraph inserted (so the next one is renumbered), one moved.
    new.operative[1].text = "an oral report.".into();
    new.preamble.push(para("p21", "Noting", "the lanterns,"));
    new.operative.reverse();
    new.operative
        .insert(1, para("p20", "Welcomes", "the lamps;"));
    let cmp = crate::compare::compare(&old, &new, crate::compare::Align::ById);
    let content = tracked::content(&old, &new, &cmp, "Arcadia", "2026-12-01T12:00:00Z");
    let p = write::write(&content).expect("parts");
    assert_eq!(resolved(&p.document, false), words_of(&old));
    assert_eq!(resolved(&p.document, true), words_of(&new));
    let xml = String::from_utf8(p.document).expect("UTF-8");
    assert!(xml.contains(r#"w:author="Arcadia" w:date="2026-12-01T12:00:00Z""#));
    assert!(
        xml.contains("<w:moveFromRangeStart") && xml.contains("<w:moveTo "),
        "{xml}"
    );
    // "Decides" was 1. and is now 3.: a change of numbering, not of text.
    assert!(xml.contains(r#"w:original="%1:1:0:.""#), "{xml}");
    assert!(!xml.contains(">1.<") && !xml.contains(">2.<"));
}
