//! The Akoma Ntoso export and import: every sample draft, fixture and text of the corpus
//! (the five older texts and every un80 text, imported) exports to XML that `xmllint`
//! validates against the OASIS schema (`../shared/schemas/akn/akomantoso30.xsd`). Without
//! xmllint or ../shared the tests say they skipped, and under CI=true they fail.

mod common;

use resdraft::draftfile;
use resdraft::export;
use resdraft::import::{KindHint, import_file};
use resdraft::model::Document;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every document the tests export: the sample drafts, the fixtures that load or import,
/// and the texts of ../shared/corpus (None when ../shared is missing). Read once for all
/// the tests of this file.
fn documents(test: &str) -> Option<&'static [(String, Document)]> {
    static DOCS: std::sync::OnceLock<Option<Vec<(String, Document)>>> = std::sync::OnceLock::new();
    let docs = DOCS.get_or_init(|| read_documents(test)).as_deref();
    if docs.is_none() {
        common::skip(test, "../shared/corpus not found");
    }
    docs
}

fn read_documents(test: &str) -> Option<Vec<(String, Document)>> {
    let mut out = Vec::new();
    let mut files: Vec<PathBuf> = Vec::new();
    for dir in ["drafts", "tests/fixtures", "tests/fixtures/structure"] {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
            .expect("the repository's directories")
            .map(|e| e.expect("a directory entry").path())
            .filter(|p| p.is_file())
            .collect();
        entries.sort();
        files.extend(entries);
    }
    let corpus = common::shared("corpus", test)?;
    for dir in [corpus.clone(), corpus.join("un80/text")] {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
            .expect("the corpus directories")
            .map(|e| e.expect("a directory entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        entries.sort();
        files.extend(entries);
    }
    for path in files {
        let name = path
            .strip_prefix(root())
            .unwrap_or(&path)
            .display()
            .to_string();
        let doc = if path.extension().is_some_and(|e| e == "toml") {
            match draftfile::load(&path) {
                Ok(d) => d.document,
                // A fixture of a broken draft (tests/fixtures/structure/dangling-heading.toml).
                Err(_) => continue,
            }
        } else {
            match import_file(&path, KindHint::Auto) {
                Ok(i) => i.document,
                // A text that is not a resolution or a report (a decision on a list of names).
                Err(_) => continue,
            }
        };
        out.push((name, doc));
    }
    Some(out)
}

/// Runs xmllint with the AKN schema over the files; the files that do not validate, with
/// xmllint's messages.
fn xmllint(files: &[PathBuf], schema: &Path) -> Vec<String> {
    let out = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(schema)
        .args(files)
        .output()
        .expect("xmllint runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let mut bad: Vec<String> = stderr
        .lines()
        .filter(|l| !l.ends_with(" validates"))
        .map(str::to_string)
        .collect();
    let validated = stderr.lines().filter(|l| l.ends_with(" validates")).count();
    if validated != files.len() && bad.is_empty() {
        bad.push(format!("{validated} of {} files validate", files.len()));
    }
    bad
}

#[test]
fn every_export_validates_against_the_schema() {
    let test = "every_export_validates_against_the_schema";
    if !common::tool_available("xmllint", test) {
        return;
    }
    let Some(schema) = common::shared("schemas/akn/akomantoso30.xsd", test) else {
        return;
    };
    let Some(docs) = documents(test) else {
        return;
    };
    assert!(docs.len() > 400, "only {} documents found", docs.len());
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut files = Vec::new();
    for (i, (name, doc)) in docs.iter().enumerate() {
        let xml = export::akn(doc);
        assert!(
            xml.starts_with("<?xml") && xml.contains("<akomaNtoso"),
            "{name}"
        );
        let path = dir.path().join(format!("{i:03}.xml"));
        std::fs::write(&path, xml).expect("writing the export");
        files.push(path);
    }
    let bad = xmllint(&files, &schema);
    let names: Vec<String> = bad
        .iter()
        .map(|l| {
            let idx: Option<usize> = Path::new(l.split(':').next().unwrap_or_default())
                .file_stem()
                .and_then(|s| s.to_str())
                .and_then(|s| s.parse().ok());
            match idx {
                Some(i) => format!("{}: {l}", docs[i].0),
                None => l.clone(),
            }
        })
        .collect();
    assert!(
        names.is_empty(),
        "exports that do not validate:\n{}",
        names.join("\n")
    );
}

#[test]
fn the_cli_writes_akn() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let out = dir.path().join("draft.xml");
    let o = common::resdraft(&[
        "export",
        "drafts/sample-resolution.toml",
        "--format",
        "akn",
        "-o",
        out.to_str().expect("a UTF-8 path"),
    ]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let xml = std::fs::read_to_string(&out).expect("the export");
    assert!(xml.contains("<statement contains=\"originalVersion\" name=\"resolutionDraft\">"));
    assert!(xml.contains("<formula name=\"enactingAuthority\""));
    let o = common::resdraft(&["export", "drafts/sample-resolution.toml", "-f", "akn"]);
    assert!(o.status.success());
    assert_eq!(common::stdout(&o), xml, "stdout and -o hold the same XML");
}

/// The document with every marked-up text in the one spelling [`markup::write`] gives it
/// (the same text, emphasis and markers; `\` escapes only where needed).
fn canonical(doc: &Document) -> Document {
    use resdraft::markup;
    let c = |s: &mut String| *s = markup::write(&markup::parse(s));
    fn paras(list: &mut [resdraft::model::Paragraph], c: &dyn Fn(&mut String)) {
        for p in list {
            c(&mut p.lead);
            c(&mut p.text);
            paras(&mut p.subparagraphs, c);
        }
    }
    let mut d = doc.clone();
    for key in d.part_keys() {
        if let Some(list) = d.part_mut(key) {
            paras(list, &c);
        }
    }
    c(&mut d.header.title);
    d.headings.iter_mut().for_each(|h| c(&mut h.heading));
    d.parts.iter_mut().for_each(|p| c(&mut p.heading));
    d.sections.iter_mut().for_each(|s| c(&mut s.heading));
    d.notes.iter_mut().for_each(c);
    d.footnotes.iter_mut().for_each(|f| c(&mut f.text));
    for a in &mut d.annexes {
        c(&mut a.title);
        a.sections.iter_mut().for_each(|s| c(&mut s.heading));
    }
    d
}

/// The first line where two documents' debug forms differ, with context.
fn first_difference(a: &Document, b: &Document) -> String {
    let (a, b) = (format!("{a:#?}"), format!("{b:#?}"));
    let (a, b): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    let i = a
        .iter()
        .zip(&b)
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()));
    let from = i.saturating_sub(6);
    format!(
        "before:\n{}\nafter:\n{}",
        a[from..(i + 3).min(a.len())].join("\n"),
        b[from..(i + 3).min(b.len())].join("\n")
    )
}

#[test]
fn export_then_import_gives_the_same_document() {
    let test = "export_then_import_gives_the_same_document";
    let Some(docs) = documents(test) else {
        return;
    };
    let mut failures = Vec::new();
    for (name, doc) in docs {
        let xml = export::akn(doc);
        let back = match resdraft::import::akn::import_str(&xml) {
            Ok(i) => {
                if !i.warnings.is_empty() {
                    failures.push(format!("{name}: warnings {:?}", i.warnings));
                }
                i.document
            }
            Err(e) => {
                failures.push(format!("{name}: {e}"));
                continue;
            }
        };
        let want = canonical(doc);
        if back != want {
            failures.push(format!("{name}:\n{}", first_difference(&want, &back)));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} documents do not come back the same:\n{}",
        failures.len(),
        docs.len(),
        failures
            .iter()
            .take(
                std::env::var("AKN_SHOW")
                    .ok()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(5)
            )
            .cloned()
            .collect::<Vec<_>>()
            .join("\n\n")
    );
}

#[test]
fn invalid_akn_imports_with_warnings_saying_what_is_wrong() {
    let test = "invalid_akn_imports_with_warnings_saying_what_is_wrong";
    let Some(path) = common::shared("reference/akn-invalid-example.xml", test) else {
        return;
    };
    let i = import_file(&path, KindHint::Auto).expect("the invalid example imports");
    let said = |what: &str| i.warnings.iter().any(|w| w.message.contains(what));
    for what in [
        "duplicate eId “para_2”",
        "duplicate eId “para_3”",
        "footnote 1 (“These include the least developed countr…”) is merged into the text",
        "the marker of footnote 1 is glued to the word “countries”",
        "paragraph 9 runs on into paragraph 10",
    ] {
        assert!(said(what), "no warning “{what}” in {:#?}", i.warnings);
    }
    let d = &i.document;
    assert_eq!(
        d.authoring_body,
        "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018)"
    );
    assert_eq!(
        d.header.title,
        "World telecommunication/information and communication technology policy forum"
    );
    // Three groups of recitals ("considering", "conscious", "emphasizing") with their items.
    let leads: Vec<&str> = d.preamble.iter().map(|p| p.lead.as_str()).collect();
    assert_eq!(leads, ["considering", "conscious", "emphasizing"]);
    assert_eq!(d.preamble[0].subparagraphs.len(), 9);
    assert_eq!(
        d.preamble[0].subparagraphs[0].text,
        "relevant resolutions of the United Nations General Assembly (UNGA);"
    );
    // The footnote is taken out of the paragraph and marked where its number was glued.
    assert_eq!(d.footnotes.len(), 1);
    let f = &d.footnotes[0];
    assert!(
        f.text
            .starts_with("These include the least developed countries"),
        "{}",
        f.text
    );
    let anchor = d.find(&f.anchor).expect("the footnote's paragraph");
    assert!(
        anchor.text.contains("developing countries[^f1], where"),
        "{}",
        anchor.text
    );
    let resolves = &d.operative[0];
    assert_eq!(
        resolves.text,
        "to hold WTPF preferably back to back with the WSIS Forum 2021, taking account of the need to ensure adequate preparation by Member States;"
    );
    // 9 "resolves" (the tenth split off the ninth), then 1 + 3 + 1 under the other headings.
    assert_eq!(d.operative.len(), 15);
    let headings: Vec<String> = d
        .headings
        .iter()
        .map(|h| resdraft::markup::strip(&h.heading))
        .collect();
    assert_eq!(
        headings,
        [
            "resolves",
            "instructs the Secretary-General",
            "instructs the ITU Council",
            "further instructs the ITU Council"
        ]
    );
    let ids: std::collections::HashSet<_> = d.all_ids().into_iter().collect();
    assert_eq!(ids.len(), d.all_ids().len(), "ids are unique");
    // What it imports is a draft that loads.
    let draft = resdraft::model::Draft::new(d.clone());
    let toml = draftfile::to_toml(&draft).expect("the draft as TOML");
    draftfile::parse(&toml, Path::new("itu.toml")).expect("the imported draft loads");
}

#[test]
fn the_cli_imports_akn_by_content_and_names_bad_xml_lines() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let xml = dir.path().join("exported.txt");
    let o = common::resdraft(&[
        "export",
        "drafts/sample-resolution.toml",
        "-f",
        "akn",
        "-o",
        xml.to_str().expect("a UTF-8 path"),
    ]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    // A .txt name does not matter: the content is Akoma Ntoso.
    let out = dir.path().join("back.toml");
    let o = common::resdraft(&[
        "import",
        xml.to_str().expect("a UTF-8 path"),
        "-o",
        out.to_str().expect("a UTF-8 path"),
    ]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let back = draftfile::load(&out).expect("the imported draft loads");
    let original =
        draftfile::load(&root().join("drafts/sample-resolution.toml")).expect("the sample");
    assert_eq!(back.document, canonical(&original.document));

    let bad = dir.path().join("bad.xml");
    std::fs::write(
        &bad,
        "<?xml version=\"1.0\"?>\n<akomaNtoso>\n  <statement>\n  <p>open</statement>\n",
    )
    .unwrap();
    let o = common::resdraft(&["import", bad.to_str().expect("a UTF-8 path")]);
    assert!(!o.status.success());
    let err = common::stderr(&o);
    assert!(err.contains("bad.xml") && err.contains("line 4"), "{err}");
    let html = dir.path().join("page.xml");
    std::fs::write(&html, "<html><body>The General Assembly,</body></html>").unwrap();
    let o = common::resdraft(&["import", html.to_str().expect("a UTF-8 path")]);
    assert!(!o.status.success());
    let err = common::stderr(&o);
    assert!(
        err.contains("page.xml") && err.contains("not Akoma Ntoso"),
        "{err}"
    );
}

mod props {
    use super::*;
    use proptest::prelude::*;

    /// Text with everything XML and the markup treat specially: `<&>"'`, `*`, `\`, `[`,
    /// runs of spaces, tabs, line ends (`\r` too), non-ASCII letters and quotes. (No `^`:
    /// a marker must name a footnote, which the draft file guarantees.)
    fn text() -> impl Strategy<Value = String> {
        proptest::string::string_regex("[a-zé “”’<>&\"' *\\\\\\[\\]\t\r\n.,;:0-9]{0,24}")
            .expect("a valid regex")
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

        /// Any text in any paragraph, footnote, heading and header field of the sample
        /// draft comes back through export and import.
        #[test]
        fn any_text_comes_back(
            texts in proptest::collection::vec(text(), 12),
            header in proptest::collection::vec(text(), 4),
            which in 0usize..20,
        ) {
            let draft = draftfile::load(&root().join("drafts/sample-resolution.toml"))
                .expect("the sample draft");
            let mut doc = draft.document;
            let n = doc.paragraph_count();
            let ids: Vec<_> = doc.paragraphs().into_iter().map(|(p, _)| p.id.clone()).collect();
            for (k, t) in texts.iter().enumerate() {
                let id = &ids[(which + k * 7) % n];
                let p = doc.find_mut(id).expect("a paragraph");
                let keep = resdraft::markup::markers(&p.text);
                let markers: String = keep.iter().map(resdraft::markup::marker).collect();
                if k % 3 == 0 {
                    p.lead = t.trim().to_string();
                } else {
                    p.text = format!("{}{markers}", resdraft::markup::escape(t));
                }
            }
            if let Some(f) = doc.footnotes.first_mut() {
                f.text = texts[0].clone();
            }
            doc.header.title = header[0].clone();
            doc.header.agenda_title = header[1].clone();
            doc.header.sponsors.push(header[2].clone());
            doc.notes.push(header[3].clone());
            let xml = export::akn(&doc);
            let back = resdraft::import::akn::import_str(&xml).expect("the export reads back");
            prop_assert!(back.warnings.is_empty(), "{:?}", back.warnings);
            let want = canonical(&doc);
            prop_assert!(back.document == want, "{}", first_difference(&want, &back.document));
        }
    }
}
