//! Our own Word files read back. `resdraft export --format docx` of a draft imports to the
//! draft's structure; `resdraft diff OLD NEW --format docx` of corpus pairs, imported with
//! `--changes revisions`, gives two revisions whose `diff` shows the same changes as
//! `diff OLD NEW` (the same kinds of change, in the same order, with the same words before
//! and after).

mod common;

use common::{resdraft, stderr, structure};
use resdraft::import::{self, KindHint, Options};
use serde_json::Value;
use std::path::Path;

/// The changes of `resdraft diff A B --format json`, each as its kind, its part and the words
/// before and after (lead and text; markup and footnote markers left out).
fn changes(a: &str, b: &str) -> Vec<String> {
    let out = resdraft(&["diff", a, b, "--format", "json"]);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "diff {a} {b}: {}",
        stderr(&out)
    );
    let json: Value = serde_json::from_slice(&out.stdout).expect("diff JSON");
    let words = |c: &Value, side: &str| {
        let text = format!(
            "{} {}",
            c[format!("{side}_lead")].as_str().unwrap_or(""),
            c[format!("{side}_text")].as_str().unwrap_or("")
        );
        resdraft::markup::strip(&text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    json["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .filter(|c| c["kind"] != "unchanged" && c["part"] != "header")
        .map(|c| {
            format!(
                "{} {} | {} | {}",
                c["kind"].as_str().unwrap_or(""),
                c["part"].as_str().unwrap_or(""),
                words(c, "old"),
                words(c, "new")
            )
        })
        .collect()
}

#[test]
fn the_word_export_of_a_draft_imports_to_its_structure() {
    let mut docs: Vec<(String, resdraft::model::Document)> = Vec::new();
    for name in ["sample-resolution.toml", "sample-report.toml"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("drafts")
            .join(name);
        if let Ok(d) = resdraft::draftfile::load(&path) {
            docs.push((name.to_string(), d.document));
        }
    }
    let corpus = common::corpus::documents("docx_revisions");
    // One corpus text in eight, and every amendment document (its instructions and the
    // paragraphs they quote, printed with no label).
    let amendments = corpus.iter().filter(|t| {
        std::fs::read_to_string(t).is_ok_and(|s| resdraft::amend::parse::is_amendment(&s))
    });
    let picked: Vec<&std::path::PathBuf> = corpus.iter().step_by(8).chain(amendments).collect();
    let mut amendment_docs = 0;
    for text in picked {
        if let Ok(i) = import::import_file(text, KindHint::Auto) {
            amendment_docs += usize::from(i.document.is_amendment());
            docs.push((text.display().to_string(), i.document));
        }
    }
    assert!(docs.len() >= 40, "only {} drafts", docs.len());
    assert!(
        amendment_docs >= 3,
        "only {amendment_docs} amendment documents"
    );
    let mut failures = Vec::new();
    for (name, doc) in &docs {
        let bytes = resdraft::export::docx(doc).expect("docx");
        let back = import::import_bytes(bytes, Path::new("x.docx"), Options::default())
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .document;
        let (got, want) = (structure(&back), structure(doc));
        if got != want {
            failures.push(format!("{name}: {}", common::first_difference(&got, &want)));
        }
        // The header's first line, body and symbol, split by a tab in the Word file.
        let head = |d: &resdraft::model::Document| {
            (d.header.issuing_body.clone(), d.header.symbol.clone())
        };
        if head(&back) != head(doc) {
            failures.push(format!(
                "{name}: header {:?} against {:?}",
                head(&back),
                head(doc)
            ));
        }
        if doc.is_amendment() != back.is_amendment() {
            failures.push(format!("{name}: read back as another kind"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        docs.len(),
        failures.join("\n")
    );
}

#[test]
fn tracked_changes_of_our_diff_import_as_revisions_with_the_same_changes() {
    let pairs = common::corpus::pairs(10, "docx_revisions");
    if pairs.is_empty() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let (docx, toml) = (dir.path().join("t.docx"), dir.path().join("t.toml"));
    let (docx, toml) = (docx.to_str().expect("UTF-8"), toml.to_str().expect("UTF-8"));
    let mut failures = Vec::new();
    let mut checked = 0;
    for (name, old, new) in &pairs {
        let (old, new) = (old.to_str().expect("UTF-8"), new.to_str().expect("UTF-8"));
        let out = resdraft(&["diff", old, new, "--format", "docx", "-o", docx]);
        if out.status.code() != Some(1) {
            // A text the import refuses (an amendment, a decision): no draft to compare.
            continue;
        }
        let out = resdraft(&[
            "import",
            docx,
            "--changes",
            "revisions",
            "-o",
            toml,
            "--force",
        ]);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        let want = changes(old, new);
        let got = changes(&format!("{toml}@original"), &format!("{toml}@tracked"));
        if got != want {
            failures.push(format!("{name}: {}", common::first_difference(&got, &want)));
        }
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} pairs checked");
    assert!(
        failures.is_empty(),
        "{} of {checked} pairs differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
