use super::*;
use crate::export;

fn doc(body: &str) -> String {
    format!(
        "<?xml version=\"1.0\"?>\n<akomaNtoso xmlns=\"{}\"><statement name=\"resolution\">\
         <meta/>{body}</statement></akomaNtoso>",
        vocab::NS
    )
}

#[test]
fn bad_xml_names_the_line() {
    let e = import_str("<akomaNtoso>\n<statement>\n<p>open</statement>").unwrap_err();
    assert_eq!(e.line(), 3, "{e}");
    assert!(e.to_string().contains("not well-formed XML"), "{e}");
    let e = import_str("<?xml version=\"1.0\"?>\n\n<html><body/></html>").unwrap_err();
    assert_eq!(
        e,
        AknError::NotAkn {
            line: 3,
            root: "html".into()
        }
    );
    let e = import_str("<akomaNtoso xmlns=\"x\"/>").unwrap_err();
    assert!(matches!(e, AknError::Empty { line: 1 }), "{e}");
}

#[test]
fn nesting_beyond_any_document_is_refused() {
    let n = 20_000;
    let xml = format!(
        "<akomaNtoso><statement><meta/><mainBody><paragraph><content><p>{}x{}</p></content>\
         </paragraph></mainBody></statement></akomaNtoso>",
        "<i>".repeat(n),
        "</i>".repeat(n)
    );
    let e = import_str(&xml).unwrap_err();
    assert!(matches!(e, AknError::TooDeep { line: 1, .. }), "{e}");
    let fine = format!(
        "<akomaNtoso><statement><meta/><mainBody><paragraph><content><p>{}x{}</p></content>\
         </paragraph></mainBody></statement></akomaNtoso>",
        "<i>".repeat(50),
        "</i>".repeat(50)
    );
    let d = import_str(&fine).unwrap().document;
    assert_eq!(d.operative[0].full_text(), "x");
}

#[test]
fn xml_is_told_by_content() {
    assert!(is_xml("\u{feff}  \n<?xml version=\"1.0\"?><akomaNtoso/>"));
    assert!(is_xml("<akomaNtoso/>"));
    assert!(!is_xml("The General Assembly,\n<not xml>"));
    assert!(!is_xml(""));
}

#[test]
fn foreign_akn_gets_leads_and_tidy_text() {
    let xml = doc(
        "<preface><p><docNumber>A/1/L.1</docNumber> <docTitle>On  lamps</docTitle></p></preface>\
         <preamble><formula name=\"enactingFormula\"><p>The General Assembly,</p></formula>\
         <container name=\"recalling\"><p><i>Recalling</i>\n   its resolution 1/1,</p></container>\
         <container name=\"x\"><p>Noting the report,</p></container></preamble>\
         <mainBody><paragraph eId=\"para_1\"><num>1.</num><content><p>Decides to light\n the lamps;\
         <authorialNote marker=\"1\"><p>See A/1/2.</p></authorialNote></p></content></paragraph>\
         <paragraph eId=\"para_1\"><num>2.</num><content><p>Requests a report.</p></content>\
         </paragraph></mainBody>",
    );
    let i = import_str(&xml).unwrap();
    let d = &i.document;
    assert_eq!(d.header.symbol, "A/1/L.1");
    assert_eq!(d.header.title, "On lamps");
    assert_eq!(d.authoring_body, "The General Assembly");
    let leads: Vec<(&str, &str)> = d
        .preamble
        .iter()
        .map(|p| (p.lead.as_str(), p.text.as_str()))
        .collect();
    assert_eq!(
        leads,
        [
            ("Recalling", "its resolution 1/1,"),
            ("Noting", "the report,")
        ]
    );
    assert_eq!(d.operative[0].lead, "Decides");
    assert_eq!(d.operative[0].text, "to light the lamps;[^f1]");
    assert_eq!(d.footnotes.len(), 1);
    assert_eq!(d.footnotes[0].anchor, d.operative[0].id);
    assert_eq!(d.footnotes[0].text, "See A/1/2.");
    assert_ne!(d.operative[0].id, d.operative[1].id);
    assert!(
        i.warnings
            .iter()
            .any(|w| w.message.contains("duplicate eId “para_1”")),
        "{:?}",
        i.warnings
    );
}

#[test]
fn own_export_reads_back_exactly() {
    use crate::model::{
        Annex, Document, Footnote, Heading, Id, Paragraph, ResolutionPart, Section,
    };
    let mut d = Document::new(DocKind::Resolution);
    d.header.symbol = "A/C.3/1/L.2".into();
    d.header.date = "not a date".into();
    d.header.sponsors = vec!["Arcadia".into(), "Borduria".into(), "Côte d'Ivoire".into()];
    d.header.stage = "draft resolution".into();
    d.header.title = "Lamps & *lights* <here>[^f2]".into();
    d.authoring_body = "The General Assembly".into();
    let mut pp = Paragraph::new(Id::new("p1"), "Recalling", " two  spaces\\* and \\[x]\r\n");
    pp.subparagraphs = vec![Paragraph::new(Id::new("p2"), "", "(a) in the text")];
    d.preamble = vec![pp];
    let mut op = Paragraph::new(Id::new("p3"), "Decides", "");
    op.list_style = crate::model::ListStyle::Numeric;
    op.subparagraphs = vec![
        Paragraph::new(Id::new("p4"), "", "one;[^f1] and again[^f1]"),
        Paragraph::new(Id::new("p5"), "", "**two**."),
    ];
    d.operative = vec![op, Paragraph::new(Id::new("p6"), "", "Alone")];
    // In document order, as the model keeps them.
    d.headings = vec![
        Heading {
            id: Id::new("h2"),
            level: 5,
            label: String::new(),
            heading: "Deep".into(),
            before: Id::new("p1"),
        },
        Heading {
            id: Id::new("h1"),
            level: 2,
            label: "A".into(),
            heading: "First".into(),
            before: Id::new("p3"),
        },
    ];
    d.parts = vec![ResolutionPart {
        id: Id::new("part1"),
        label: "II".into(),
        heading: "Second".into(),
        preamble: vec![Paragraph::new(Id::new("p7"), "Noting", "it,")],
        operative: vec![Paragraph::new(Id::new("p8"), "Asks", "for it.")],
    }];
    d.annexes = vec![Annex {
        id: Id::new("annex1"),
        label: "I".into(),
        title: "Rules".into(),
        numbered: false,
        paragraphs: vec![Paragraph::new(Id::new("p9"), "", "Rule one.")],
        sections: vec![Section {
            id: Id::new("s1"),
            level: 2,
            label: "B".into(),
            heading: "More".into(),
            numbered: false,
            paragraphs: vec![Paragraph::new(Id::new("p10"), "", "Rule two.")],
        }],
    }];
    d.notes = vec!["58th plenary meeting".into(), String::new()];
    d.footnotes = vec![
        Footnote {
            id: Id::new("f2"),
            anchor: Id::new("p6"),
            text: "In the *title*.".into(),
        },
        Footnote {
            id: Id::new("f1"),
            anchor: Id::new("p4"),
            text: "A/1/2.".into(),
        },
        Footnote {
            id: Id::new("f3"),
            anchor: Id::new("p8"),
            text: "No marker.".into(),
        },
    ];
    let xml = export::akn(&d);
    let back = import_str(&xml).unwrap();
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
    assert_eq!(back.document, d, "\n{xml}");
}

#[test]
fn lists_deeper_than_a_draft_holds_are_lifted() {
    let n = 8;
    let xml = doc(&format!(
        "<mainBody><paragraph>{}<content><p>deepest</p></content>{}</paragraph></mainBody>",
        "<list><point>".repeat(n),
        "</point></list>".repeat(n)
    ));
    let i = import_str(&xml).unwrap();
    let draft = crate::model::Draft::new(i.document);
    let toml = crate::draftfile::to_toml(&draft).unwrap();
    crate::draftfile::parse(&toml, std::path::Path::new("deep.toml")).expect("the draft loads");
    assert!(
        i.warnings.iter().any(|w| w.message.contains("lifted")),
        "{:?}",
        i.warnings
    );
}
