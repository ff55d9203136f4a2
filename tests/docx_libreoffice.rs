//! The Word export opens in LibreOffice: `soffice --headless --convert-to pdf` converts the
//! export of every sample draft, of the older corpus texts and of every 40th un80 text, and of a tracked-changes
//! comparison, and the PDF's text (pdftotext) holds every paragraph in order (its first and
//! last words after the previous paragraph's first words). Without soffice or pdftotext the
//! test says it skipped, and under CI=true it fails (`.ci/run` installs both).

mod common;

use resdraft::compare::{self, Align};
use resdraft::export;
use resdraft::import::{KindHint, import_file};
use resdraft::model::Document;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The words of a text (runs of letters and digits) as compared: a footnote number glued to
/// the word before it in the PDF's text ("Agreement8") is cut off, and words holding digits
/// (years, symbols, where a glued number cannot be told apart) are left out.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .map(|w| w.trim_end_matches(|c: char| c.is_ascii_digit()))
        .filter(|w| !w.is_empty() && !w.chars().any(|c| c.is_ascii_digit()))
        .map(str::to_string)
        .collect()
}

fn find(text: &[String], seq: &[String], from: usize) -> Option<usize> {
    (from..=text.len().saturating_sub(seq.len())).find(|&i| text[i..i + seq.len()] == *seq)
}

/// Every paragraph of `doc` in order in the text of `pdf`.
fn assert_in_order(name: &str, doc: &Document, pdf: &Path) {
    // -raw: the text in the order LibreOffice wrote it (the default reading order may put a
    // paragraph's short last line before it).
    let out = Command::new("pdftotext")
        .arg("-raw")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(out.status.success(), "{name}: pdftotext failed");
    let text = words(&String::from_utf8_lossy(&out.stdout));
    let mut at = 0;
    for (p, _) in doc.paragraphs() {
        let w = words(&resdraft::markup::render(
            &format!("{} {}", p.lead, p.text),
            |_| String::new(),
        ));
        if w.is_empty() {
            continue;
        }
        let (head, tail) = (&w[..w.len().min(4)], &w[w.len().saturating_sub(4)..]);
        let i = find(&text, head, at)
            .unwrap_or_else(|| panic!("{name}: paragraph {} not found after word {at}", p.id));
        assert!(
            find(&text, tail, i).is_some(),
            "{name}: the end of paragraph {} is missing",
            p.id
        );
        at = i + head.len();
    }
}

fn drafts_and_texts() -> Vec<(String, Document)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for name in ["sample-resolution", "sample-report"] {
        let path = root.join(format!("drafts/{name}.toml"));
        out.push((
            name.to_string(),
            resdraft::draftfile::load(&path).expect("sample").document,
        ));
    }
    if let Some(dir) = common::shared("corpus", "docx_libreoffice") {
        let mut texts: Vec<PathBuf> = std::fs::read_dir(&dir)
            .expect("corpus")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        texts.sort();
        // And every 40th text of un80 (real General Assembly documents), to stay fast.
        let mut un80: Vec<PathBuf> = std::fs::read_dir(dir.join("un80/text"))
            .expect("un80")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        un80.sort();
        texts.extend(un80.into_iter().step_by(40));
        for t in texts {
            let name = t
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            out.push((
                name,
                import_file(&t, KindHint::Auto)
                    .expect("corpus text imports")
                    .document,
            ));
        }
    }
    out
}

#[test]
fn libreoffice_converts_the_exports_with_every_paragraph_in_order() {
    if !common::tool_available("soffice", "docx_libreoffice")
        || !common::tool_available("pdftotext", "docx_libreoffice")
    {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let docs = drafts_and_texts();
    let mut files = Vec::new();
    for (name, doc) in &docs {
        let path = dir.path().join(format!("{name}.docx"));
        std::fs::write(&path, export::docx(doc).expect("docx")).expect("write");
        files.push(path);
    }
    // A comparison with tracked changes: the sample draft against a changed copy.
    let old = &docs[0].1;
    let mut new = old.clone();
    new.operative.swap(0, 1);
    new.preamble.remove(1);
    let cmp = compare::compare(old, &new, Align::ById);
    let tracked = dir.path().join("tracked.docx");
    let bytes = export::docx_changes(old, &new, &cmp, "Tester", "2026-12-01T12:00:00Z");
    std::fs::write(&tracked, bytes.expect("docx")).expect("write");
    files.push(tracked);
    // A profile of its own, so that a running LibreOffice does not take the conversion over.
    let profile = format!(
        "-env:UserInstallation=file://{}/profile",
        dir.path().display()
    );
    let out = Command::new("soffice")
        .args([
            profile.as_str(),
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir.path())
        .args(&files)
        .output()
        .expect("soffice runs");
    assert!(out.status.success(), "soffice: {}", common::stderr(&out));
    for (name, doc) in &docs {
        assert_in_order(name, doc, &dir.path().join(format!("{name}.pdf")));
    }
    // The tracked document shows both versions: the new text's paragraphs are all there.
    assert_in_order("tracked", &new, &dir.path().join("tracked.pdf"));
}
