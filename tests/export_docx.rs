//! The Word export read back by pandoc: every paragraph's words and every footnote come back,
//! for the sample drafts and texts of the corpus; and the CLI writes the file with -o and
//! refuses nothing it should write. Without pandoc the test says it skipped, and under
//! CI=true it fails.

mod common;

use resdraft::export;
use resdraft::import::{KindHint, import_file};
use resdraft::markup;
use resdraft::model::Document;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Whether pandoc runs; under CI a missing pandoc is a failure.
fn have_pandoc() -> bool {
    let ok = Command::new("pandoc")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "pandoc is needed by tests/export_docx.rs (apt-get install -y pandoc)"
        );
        eprintln!("SKIPPED: pandoc is not installed; tests/export_docx.rs did not run");
    }
    ok
}

/// The words of marked-up text, markers left out.
fn words(s: &str) -> Vec<String> {
    markup::render(s, |_| String::new())
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

/// pandoc's reading of a .docx: the words of the body and of each footnote.
fn pandoc(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    common::pandoc::words(path, &[])
}

/// Exports `doc`, reads it back with pandoc and checks that every paragraph's words come
/// back in order and every footnote comes back as a footnote with its words.
fn round_trip(doc: &Document, name: &str, dir: &Path) {
    let bytes = export::docx(doc).expect("docx export");
    let path = dir.join(format!("{name}.docx"));
    std::fs::write(&path, bytes).expect("write");
    let (body, notes) = pandoc(&path);
    let mut at = 0;
    for (p, _) in doc.paragraphs() {
        // The lead and the text as one line: no space before a text starting with punctuation.
        let gap = if p.text.starts_with([',', ';', ':', '.', ')']) {
            ""
        } else {
            " "
        };
        let want = words(&format!("{}{gap}{}", p.lead, p.text));
        if want.is_empty() {
            continue;
        }
        let found = (at..=body.len().saturating_sub(want.len()))
            .find(|&i| body[i..i + want.len()] == want[..]);
        let i = found.unwrap_or_else(|| {
            panic!(
                "{name}: paragraph {} not found in order after word {at}: {:?}",
                p.id,
                want.join(" ")
            )
        });
        at = i + want.len();
    }
    assert_eq!(notes.len(), doc.footnotes.len(), "{name}: footnotes");
    let mut wanted: Vec<Vec<String>> = doc.footnotes.iter().map(|f| words(&f.text)).collect();
    let mut got = notes;
    wanted.sort();
    got.sort();
    assert_eq!(got, wanted, "{name}: footnote texts");
}

fn sample_drafts() -> Vec<(String, Document)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("drafts");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("drafts/") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "toml") {
            let draft = resdraft::draftfile::load(&path).expect("sample draft loads");
            let name = path.file_stem().unwrap_or_default().to_string_lossy();
            out.push((name.into_owned(), draft.document));
        }
    }
    assert!(!out.is_empty(), "no sample drafts in {}", dir.display());
    out
}

/// The texts of the corpus (the older ones and every fifth of un80, to stay fast).
fn corpus_texts() -> Vec<PathBuf> {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if !shared.is_dir() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "../shared/corpus is missing"
        );
        eprintln!("SKIPPED: ../shared/corpus is missing; the corpus part did not run");
        return Vec::new();
    }
    let list = |dir: &Path| -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
            .map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        v.retain(|p| p.extension().is_some_and(|e| e == "txt"));
        v.sort();
        v
    };
    let mut out = list(&shared);
    out.extend(list(&shared.join("un80/text")).into_iter().step_by(5));
    out
}

#[test]
fn pandoc_reads_back_every_paragraph_and_footnote() {
    if !have_pandoc() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, doc) in sample_drafts() {
        round_trip(&doc, &name, dir.path());
    }
    let texts = corpus_texts();
    let mut exported = 0;
    for path in &texts {
        // A text the importer refuses (not a resolution or a report) has nothing to export.
        let Ok(imported) = import_file(path, KindHint::Auto) else {
            continue;
        };
        let name = path.file_stem().unwrap_or_default().to_string_lossy();
        round_trip(&imported.document, &name, dir.path());
        exported += 1;
    }
    assert!(
        texts.is_empty() || exported * 10 >= texts.len() * 9,
        "only {exported} of {} corpus texts imported",
        texts.len()
    );
}

#[test]
fn the_cli_writes_a_word_file_that_pandoc_reads() {
    if !have_pandoc() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("draft.docx");
    let run = common::resdraft(&[
        "export",
        "drafts/sample-resolution.toml",
        "--format",
        "docx",
        "-o",
        out.to_str().expect("UTF-8 path"),
    ]);
    assert!(run.status.success(), "{}", common::stderr(&run));
    let bytes = std::fs::read(&out).expect("the file is written");
    assert!(bytes.starts_with(b"PK"));
    let draft = resdraft::draftfile::load(Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/drafts/sample-resolution.toml"
    )))
    .expect("sample");
    assert_eq!(bytes, export::docx(&draft.document).expect("docx"));
    let (body, notes) = pandoc(&out);
    assert!(body.len() > 50, "{body:?}");
    assert_eq!(notes.len(), draft.document.footnotes.len());
}

#[test]
fn the_cli_writes_docx_to_a_pipe() {
    let run = common::resdraft(&[
        "export",
        "drafts/sample-resolution.toml",
        "--format",
        "docx",
    ]);
    assert!(run.status.success(), "{}", common::stderr(&run));
    assert!(run.stdout.starts_with(b"PK"));
}
