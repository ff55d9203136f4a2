//! Word documents made by pandoc: from `resdraft export --format markdown` of the sample
//! draft and of every text of the un80 corpus (the .docx must import to the structure the
//! text itself imports to), and from Markdown with real nested lists (Word's automatic
//! numbering at three levels, each list a numbering instance of its own).

mod common;

use common::structure;
use resdraft::export;
use resdraft::import::{self, KindHint, Options};
use resdraft::model::Document;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The .docx pandoc makes of `markdown` (read from stdin, written to stdout).
fn pandoc_docx(markdown: &str, name: &str) -> Vec<u8> {
    let mut child = Command::new("pandoc")
        .args(["-f", "markdown", "-t", "docx", "-o", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("pandoc runs");
    let mut stdin = child.stdin.take().expect("pandoc's stdin");
    let input = markdown.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().expect("pandoc finishes");
    writer
        .join()
        .expect("the writer")
        .expect("markdown written");
    assert!(
        out.status.success(),
        "pandoc failed on {name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// The document a .docx imports to.
fn import_docx(bytes: Vec<u8>, name: &str) -> Result<Document, String> {
    import::import_bytes(bytes, Path::new(name), Options::default())
        .map(|i| i.document)
        .map_err(|e| e.to_string())
}

#[test]
fn pandoc_docx_of_the_sample_draft_imports_to_its_structure() {
    if !common::tool_available("pandoc", "docx_pandoc") {
        return;
    }
    let sample = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("drafts/sample-resolution.toml");
    let draft = resdraft::draftfile::load(&sample).expect("the sample draft");
    let out = common::resdraft(&[
        "export",
        "drafts/sample-resolution.toml",
        "--format",
        "markdown",
    ]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let docx = pandoc_docx(&common::stdout(&out), "sample");
    let d = import_docx(docx, "sample.docx").unwrap_or_else(|e| panic!("{e}"));
    let (got, want) = (structure(&d), structure(&draft.document));
    assert!(got == want, "{}", common::first_difference(&got, &want));
}

#[test]
fn nested_lists_of_a_pandoc_docx_are_read_at_their_levels() {
    if !common::tool_available("pandoc", "docx_pandoc") {
        return;
    }
    let markdown = "A/C.3/80/L.98\n\nThe General Assembly,\n\n\
        *Recalling* its resolution 79/1 on lighthouses,\n\n\
        1. *Decides* to keep the lights on:\n\n    \
            (a) in every harbour;\n\n    \
            (b) on every cape:\n\n        \
                i. with a keeper;\n\n        \
                ii. with a spare lamp;\n\n    \
            (c) at all hours;\n\n\
        2. *Requests* a report:\n\n    \
            (a) on the keepers;\n\n\
        3. *Decides* to remain seized of the matter.\n";
    let d = import_docx(pandoc_docx(markdown, "nested"), "nested.docx")
        .unwrap_or_else(|e| panic!("{e}"));
    let shape = |p: &resdraft::model::Paragraph| -> Vec<(String, Vec<String>)> {
        p.subparagraphs
            .iter()
            .map(|s| {
                let inner = s.subparagraphs.iter().map(|x| x.text.clone()).collect();
                (s.text.clone(), inner)
            })
            .collect()
    };
    assert_eq!(d.operative.len(), 3, "{:#?}", d.operative);
    assert_eq!(
        shape(&d.operative[0]),
        [
            ("in every harbour;".to_string(), vec![]),
            (
                "on every cape:".to_string(),
                vec![
                    "with a keeper;".to_string(),
                    "with a spare lamp;".to_string()
                ]
            ),
            ("at all hours;".to_string(), vec![]),
        ]
    );
    // The second list restarts at (a): pandoc writes each list as an instance of its own.
    assert_eq!(
        shape(&d.operative[1]),
        [("on the keepers;".to_string(), vec![])]
    );
    assert_eq!(d.operative[2].lead, "Decides");
}

#[test]
fn pandoc_docx_of_each_corpus_text_imports_like_the_text() {
    if !common::tool_available("pandoc", "docx_pandoc") {
        return;
    }
    let files = common::corpus::documents("docx_pandoc");
    if files.is_empty() {
        return;
    }
    let failures = Mutex::new(Vec::new());
    let (next, checked) = (AtomicUsize::new(0), AtomicUsize::new(0));
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                while let Some(text) = files.get(next.fetch_add(1, Ordering::Relaxed)) {
                    // Decisions without paragraphs are refused by the text import: nothing to
                    // compare (amendment documents import, and are compared).
                    let Ok(from_text) = import::import_file(text, KindHint::Auto) else {
                        continue;
                    };
                    let name = text.display().to_string();
                    let markdown = export::markdown(&from_text.document);
                    let docx = pandoc_docx(&markdown, &name);
                    checked.fetch_add(1, Ordering::Relaxed);
                    let want = structure(&from_text.document);
                    let why = match import_docx(docx, &format!("{name}.docx")) {
                        Err(e) => Some(e),
                        Ok(d) => {
                            let got = structure(&d);
                            (got != want).then(|| common::first_difference(&got, &want))
                        }
                    };
                    if let Some(why) = why {
                        failures
                            .lock()
                            .expect("lock")
                            .push(format!("{name}: {why}"));
                    }
                }
            });
        }
    });
    let failures = failures.into_inner().expect("lock");
    let checked = checked.into_inner();
    assert!(checked >= 400, "only {checked} corpus texts checked");
    assert!(
        failures.is_empty(),
        "{} of {checked} differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
