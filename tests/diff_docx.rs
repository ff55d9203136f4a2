//! `resdraft diff OLD NEW --format docx`: the new text with Word tracked changes. Over pairs
//! of the corpus (draft → adopted resolution, last year's resolution → this year's draft),
//! pandoc reading the document with every change rejected gives the words of OLD, and with
//! every change accepted the words of NEW.
//!
//! Normalisation: both sides are read by pandoc from a Word file (the tracked document, and
//! `export --format docx` of OLD or NEW), as the words of pandoc's JSON (whitespace-split
//! `Str` inlines): the body's words in order, and each footnote's words (footnotes compared
//! as a sorted list). Automatic paragraph numbers and footnote numbers are not text, so they
//! never count; punctuation and emphasis inside words are compared as they are.

mod common;

use resdraft::compare::{self, Align};
use resdraft::export;
use resdraft::import::{KindHint, import_file};
use resdraft::model::Document;
use std::path::Path;

type Words = (Vec<String>, Vec<Vec<String>>);

fn read(path: &Path, extra: &[&str]) -> Words {
    let (body, mut notes) = common::pandoc::words(path, extra);
    notes.sort();
    (body, notes)
}

/// The words of a draft exported alone.
fn exported(doc: &Document, path: &Path) -> Words {
    std::fs::write(path, export::docx(doc).expect("docx")).expect("write");
    read(path, &[])
}

/// The first place two word lists part, for the failure message.
fn first_difference(a: &[String], b: &[String]) -> String {
    let i = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let lo = i.saturating_sub(8);
    format!(
        "at word {i}: {:?} | {:?}",
        &a[lo..(i + 8).min(a.len())],
        &b[lo..(i + 8).min(b.len())]
    )
}

fn check(name: &str, old: &Document, new: &Document, dir: &Path) {
    let cmp = compare::compare(old, new, Align::Auto);
    let bytes = export::docx_changes(old, new, &cmp, "Tester", "2026-12-01T12:00:00Z")
        .expect("docx with changes");
    let tracked = dir.join("tracked.docx");
    std::fs::write(&tracked, bytes).expect("write");
    let want_old = exported(old, &dir.join("old.docx"));
    let want_new = exported(new, &dir.join("new.docx"));
    let rejected = read(&tracked, &["--track-changes=reject"]);
    let accepted = read(&tracked, &["--track-changes=accept"]);
    assert!(
        rejected.0 == want_old.0,
        "{name}: rejecting gives other words than OLD {}",
        first_difference(&rejected.0, &want_old.0)
    );
    assert!(
        accepted.0 == want_new.0,
        "{name}: accepting gives other words than NEW {}",
        first_difference(&accepted.0, &want_new.0)
    );
    assert_eq!(rejected.1, want_old.1, "{name}: footnotes after rejecting");
    assert_eq!(accepted.1, want_new.1, "{name}: footnotes after accepting");
}

#[test]
fn rejecting_gives_old_and_accepting_gives_new_on_corpus_pairs() {
    if !common::tool_available("pandoc", "diff_docx") {
        return;
    }
    let pairs = common::corpus::pairs(5, "diff_docx");
    if pairs.is_empty() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let mut checked = 0;
    for (name, of, nf) in &pairs {
        let (Ok(old), Ok(new)) = (
            import_file(of, KindHint::Auto),
            import_file(nf, KindHint::Auto),
        ) else {
            continue;
        };
        check(name, &old.document, &new.document, dir.path());
        checked += 1;
    }
    assert!(checked >= 20, "only {checked} corpus pairs checked");
}

#[test]
fn the_cli_writes_tracked_changes_by_the_configured_author() {
    let dir = tempfile::tempdir().expect("tempdir");
    let config = dir.path().join("config");
    std::fs::create_dir_all(&config).expect("config dir");
    std::fs::write(
        config.join("config.toml"),
        "author = \"Delegation of Arcadia\"\n",
    )
    .expect("config");
    let new = dir.path().join("new.toml");
    let mut draft = resdraft::draftfile::load(Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/drafts/sample-resolution.toml"
    )))
    .expect("sample");
    draft.document.operative[0].text.push_str(" without delay");
    resdraft::draftfile::save(&new, &draft).expect("save");
    let out = dir.path().join("tracked.docx");
    let run = |extra: &[&str]| {
        let mut args = vec![
            "diff",
            "drafts/sample-resolution.toml",
            new.to_str().expect("UTF-8"),
            "--format",
            "docx",
            "-o",
            out.to_str().expect("UTF-8"),
        ];
        args.extend_from_slice(extra);
        std::process::Command::new(env!("CARGO_BIN_EXE_resdraft"))
            .args(&args)
            .env("RESDRAFT_CONFIG_DIR", &config)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("runs")
    };
    let document = |path: &Path| {
        let bytes = std::fs::read(path).expect("written");
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
        let mut xml = String::new();
        std::io::Read::read_to_string(
            &mut zip.by_name("word/document.xml").expect("part"),
            &mut xml,
        )
        .expect("UTF-8");
        xml
    };
    // Different: exit 1 as diff(1), the file written, the author from the config.
    let o = run(&[]);
    assert_eq!(o.status.code(), Some(1), "{}", common::stderr(&o));
    let xml = document(&out);
    assert!(xml.contains(r#"w:author="Delegation of Arcadia""#));
    assert!(xml.contains("without delay</w:t></w:r></w:ins>"), "{xml}");
    // --author wins over the config.
    let o = run(&["--author", "Borduria"]);
    assert_eq!(o.status.code(), Some(1), "{}", common::stderr(&o));
    assert!(document(&out).contains(r#"w:author="Borduria""#));
    // The drafts compared are never overwritten.
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_resdraft"))
        .args([
            "diff",
            "drafts/sample-resolution.toml",
            new.to_str().expect("UTF-8"),
        ])
        .args(["--format", "docx", "-o", new.to_str().expect("UTF-8")])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        common::stderr(&o).contains("refusing"),
        "{}",
        common::stderr(&o)
    );
    assert!(resdraft::draftfile::load(&new).is_ok());
}
