//! Word (.docx) import: documents written here as WordprocessingML (italic runs, footnotes,
//! automatic numbering, a table, a comment, tracked changes accepted, rejected or kept as two
//! revisions), and bad files (not a zip, no document part, corrupt XML, a huge entry). Word
//! files made by pandoc are in `docx_pandoc.rs`, our own tracked changes in `docx_revisions.rs`.

mod common;

use common::{resdraft, stderr, stdout};
use resdraft::import::{self, Changes, KindHint, Options};
use std::io::Write;
use std::path::{Path, PathBuf};

const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

/// A zip of the given parts.
fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default();
        for (name, body) in parts {
            z.start_file(*name, opts).expect("a zip entry");
            z.write_all(body.as_bytes()).expect("write an entry");
        }
        z.finish().expect("finish the zip");
    }
    buf.into_inner()
}

fn p(inner: &str) -> String {
    format!("<w:p>{inner}</w:p>")
}
fn r(t: &str) -> String {
    format!("<w:r><w:t xml:space=\"preserve\">{t}</w:t></w:r>")
}
fn ri(t: &str) -> String {
    format!("<w:r><w:rPr><w:i/></w:rPr><w:t xml:space=\"preserve\">{t}</w:t></w:r>")
}
fn numbered(num: u32, level: u32, inner: &str) -> String {
    format!(
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{num}\"/></w:numPr></w:pPr>{inner}</w:p>"
    )
}
fn ins(inner: &str) -> String {
    format!(
        "<w:ins w:id=\"90\" w:author=\"Delegation A\" w:date=\"2025-11-01T00:00:00Z\">{inner}</w:ins>"
    )
}
fn del(t: &str) -> String {
    format!(
        "<w:del w:id=\"91\" w:author=\"Delegation A\"><w:r><w:delText xml:space=\"preserve\">{t}</w:delText></w:r></w:del>"
    )
}

const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"#;

/// A small draft with every feature the reader knows.
fn document() -> String {
    let body = [
        p(&r("A/C.3/80/L.99")),
        p(&r("The General Assembly,")),
        p(&format!(
            "{}{}<w:r><w:footnoteReference w:id=\"2\"/></w:r>",
            ri("Recalling"),
            r(" its resolution 79/1 on lighthouses,")
        )),
        p(&format!(
            "<w:commentRangeStart w:id=\"5\"/>{}{}<w:commentRangeEnd w:id=\"5\"/>",
            ri("Bearing in mind"),
            r(" the needs of keepers,")
        )),
        numbered(
            1,
            0,
            &format!("{}{}", ri("Decides"), r(" to keep the lights on;")),
        ),
        numbered(
            1,
            0,
            &format!(
                "{}{}{}{}",
                ri("Requests"),
                r(" the "),
                del("old"),
                ins(&r("new")),
            ),
        ),
        numbered(1, 1, &r("to report on the keepers;")),
        numbered(1, 1, &r("to report on the lamps;")),
        numbered(
            1,
            0,
            &format!("{}{}", ri("Decides"), r(" to remain seized of the matter.")),
        ),
        "<w:tbl><w:tr><w:tc>".to_string()
            + &p(&r("Lamp"))
            + "</w:tc><w:tc>"
            + &p(&r("Lit"))
            + "</w:tc></w:tr></w:tbl>",
    ]
    .concat();
    format!("<?xml version=\"1.0\"?><w:document {W}><w:body>{body}</w:body></w:document>")
}

fn footnotes() -> String {
    format!(
        "<w:footnotes {W}><w:footnote w:type=\"separator\" w:id=\"0\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>\
         <w:footnote w:id=\"2\"><w:p><w:r><w:footnoteRef/></w:r>{}{}</w:p></w:footnote></w:footnotes>",
        r(" See "),
        ri("Official Records of the General Assembly &amp; more")
    )
}

fn comments() -> String {
    format!(
        "<w:comments {W}><w:comment w:id=\"5\" w:author=\"Legal\"><w:p>{}</w:p></w:comment></w:comments>",
        r("Check the wording.")
    )
}

fn docx(document: &str) -> Vec<u8> {
    zip_of(&[
        ("[Content_Types].xml", "<Types/>"),
        ("word/document.xml", document),
        ("word/numbering.xml", NUMBERING),
        ("word/footnotes.xml", &footnotes()),
        ("word/comments.xml", &comments()),
    ])
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write a test file");
    p
}

fn import_with(path: &Path, changes: Changes) -> resdraft::import::Imported {
    import::import_file_with(
        path,
        Options {
            hint: KindHint::Auto,
            changes,
        },
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn reads_runs_footnotes_numbering_tables_comments() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = write(dir.path(), "draft.docx", &docx(&document()));
    let i = import_with(&path, Changes::Accept);
    let d = &i.document;
    assert_eq!(d.authoring_body, "The General Assembly");
    let leads: Vec<&str> = d.preamble.iter().map(|p| p.lead.as_str()).collect();
    assert_eq!(leads, ["Recalling", "Bearing in mind"]);
    assert_eq!(d.operative.len(), 3, "{:#?}", d.operative);
    assert_eq!(d.operative[1].lead, "Requests");
    assert_eq!(d.operative[1].text, "the new");
    let subs: Vec<&str> = d.operative[1]
        .subparagraphs
        .iter()
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(
        subs,
        ["to report on the keepers;", "to report on the lamps;"]
    );
    assert_eq!(d.footnotes.len(), 1);
    assert_eq!(
        d.footnotes[0].text,
        "See *Official Records of the General Assembly & more*"
    );
    assert!(
        d.preamble[0]
            .text
            .contains(&format!("[^{}]", d.footnotes[0].id))
    );
    assert!(
        d.notes
            .iter()
            .any(|n| n == "Comment by Legal: Check the wording."),
        "{:?}",
        d.notes
    );
    let all = serde_json::to_string(d).expect("json");
    assert!(
        all.contains("Lamp | Lit"),
        "the table is kept as text: {all}"
    );
    let said: Vec<&str> = i.warnings.iter().map(|w| w.message.as_str()).collect();
    assert!(said.iter().any(|m| m.contains("table")), "{said:?}");
    assert!(
        said.iter()
            .any(|m| m.contains("2 tracked changes accepted")),
        "{said:?}"
    );
}

#[test]
fn tracked_changes_accept_reject_and_revisions() {
    let dir = tempfile::tempdir().expect("a temp dir");
    // A moved paragraph and a deleted paragraph mark besides the insertion and deletion.
    let doc = document().replace(
        "</w:body>",
        &format!(
            "<w:moveFrom w:id=\"7\" w:author=\"A\">{}</w:moveFrom>\
             <w:p><w:pPr><w:rPr><w:del w:id=\"8\" w:author=\"A\"/></w:rPr></w:pPr>{}</w:p>{}</w:body>",
            p(&r("Closing line moved away.")),
            r("First half."),
            p(&r(" Second half."))
        ),
    );
    let path = write(dir.path(), "tracked.docx", &docx(&doc));
    let accepted = import_with(&path, Changes::Accept).document;
    let rejected = import_with(&path, Changes::Reject).document;
    assert_eq!(accepted.operative[1].text, "the new");
    assert_eq!(rejected.operative[1].text, "the old");
    let text = |d: &resdraft::model::Document| serde_json::to_string(d).expect("json");
    assert!(!text(&accepted).contains("moved away"));
    assert!(text(&rejected).contains("moved away"));
    // The deleted mark joins the two paragraphs when accepted; rejected, they stay apart.
    assert!(text(&accepted).contains("First half. Second half."));
    assert!(!text(&rejected).contains("First half. Second half."));
    assert!(text(&rejected).contains("Second half."));

    let out_path = dir.path().join("tracked.toml");
    let out = resdraft(&[
        "import",
        &path.display().to_string(),
        "--changes",
        "revisions",
        "-o",
        &out_path.display().to_string(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let old = format!("{}@original", out_path.display());
    let new = format!("{}@tracked", out_path.display());
    let diff = resdraft(&["diff", &old, &new, "--format", "json"]);
    assert_eq!(diff.status.code(), Some(1), "{}", stderr(&diff));
    let json: serde_json::Value = serde_json::from_str(&stdout(&diff)).expect("diff JSON");
    let changed: Vec<(String, String)> = json["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .filter(|c| c["kind"] != "unchanged" && c["part"] != "header")
        .map(|c| {
            let side = |s: &str| c[format!("{s}_text")].as_str().unwrap_or("").to_string();
            (side("old"), side("new"))
        })
        .collect();
    // The word changed in Word is the change the diff shows (besides the moved and joined
    // paragraphs at the end).
    assert!(
        changed.contains(&("the old".to_string(), "the new".to_string())),
        "{changed:?}"
    );

    let out = resdraft(&["import", &path.display().to_string(), "--changes", "reject"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("the old"));
}

#[test]
fn bad_docx_files_give_clear_errors() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "nodoc.docx",
            zip_of(&[("hello.txt", "hi")]),
            "not a Word document",
        ),
        ("cut.docx", docx(&document())[..60].to_vec(), "zip"),
        (
            "bad-xml.docx",
            zip_of(&[("word/document.xml", "<w:document><w:body><w:p></w:body>")]),
            "XML",
        ),
        (
            "locked.docx",
            [
                &[0xD0u8, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1][..],
                &[0; 512],
            ]
            .concat(),
            "encrypted",
        ),
    ];
    for (name, bytes, expect) in cases {
        let path = write(dir.path(), name, &bytes);
        let e = import::import_file(&path, KindHint::Auto)
            .err()
            .unwrap_or_else(|| panic!("{name} imported"));
        let msg = e.to_string();
        assert!(msg.contains(name) && msg.contains(expect), "{msg}");
    }
    // A huge entry (a zip bomb in small): refused by size, not unpacked.
    let huge = " ".repeat(import::docx::MAX_PART as usize + 10);
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        z.start_file("word/document.xml", opts).expect("entry");
        z.write_all(huge.as_bytes()).expect("write");
        z.finish().expect("finish");
    }
    let bytes = buf.into_inner();
    assert!(
        bytes.len() < 1_000_000,
        "the bomb is small: {}",
        bytes.len()
    );
    let path = write(dir.path(), "bomb.docx", &bytes);
    let msg = import::import_file(&path, KindHint::Auto)
        .expect_err("refused")
        .to_string();
    assert!(msg.contains("bomb.docx") && msg.contains("limit"), "{msg}");
}
