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
/// and the texts of ../shared/corpus (None when ../shared is missing).
fn documents(test: &str) -> Option<Vec<(String, Document)>> {
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
