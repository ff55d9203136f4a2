//! `resdraft renumber` as a user runs it: what it prints, what it writes, how it fails.

use resdraft::draftfile;
use resdraft::model::{DocKind, Document, Draft, Footnote, Id, Paragraph};
use std::path::{Path, PathBuf};

mod common;

use common::{resdraft, stderr, stdout};

/// A small draft of our own with wrong end punctuation and a reference pointing the wrong
/// way.
fn messy() -> Draft {
    let mut d = Document::new(DocKind::Resolution);
    d.authoring_body = "The General Assembly".into();
    d.preamble.push(Paragraph::new(
        Id::new("p1"),
        "Recalling",
        "its resolution 1/1 on the care of lighthouses;",
    ));
    d.operative.push(Paragraph::new(
        Id::new("p2"),
        "Welcomes",
        "the survey of coastal lights.",
    ));
    d.operative.push(Paragraph::new(
        Id::new("p3"),
        "Encourages",
        "keepers to follow paragraph 3 above,[^f1]",
    ));
    d.operative.push(Paragraph::new(
        Id::new("p4"),
        "Decides",
        "to review paragraph 9 below at its next session;",
    ));
    d.footnotes.push(Footnote {
        id: Id::new("f1"),
        anchor: Id::new("p3"),
        text: "See the survey, annex I.".into(),
    });
    Draft::new(d)
}

fn write(dir: &Path, name: &str, draft: &Draft) -> PathBuf {
    let path = dir.join(name);
    draftfile::save(&path, draft).expect("the fixture saves");
    path
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("temporary paths are UTF-8")
}

#[test]
fn renumbers_in_place_and_says_what_changed() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = write(dir.path(), "draft.toml", &messy());
    let out = resdraft(&["renumber", path_str(&path)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    for line in [
        "preambular paragraph 1: end punctuation “;” → “,”",
        "operative paragraph 1: end punctuation “.” → “;”",
        "operative paragraph 2: “paragraph 3 above” → “paragraph 3 below”",
        "operative paragraph 2: end punctuation “,” → “;”",
        "operative paragraph 3: end punctuation “;” → “.”",
        "warning: operative paragraph 3: “paragraph 9 below” names a paragraph that does not exist",
        "5 changes made.",
    ] {
        assert!(text.contains(line), "missing {line:?} in:\n{text}");
    }
    let doc = draftfile::load(&path).expect("the result loads").document;
    assert_eq!(
        doc.preamble[0].text,
        "its resolution 1/1 on the care of lighthouses,"
    );
    assert_eq!(
        doc.operative[1].text,
        "keepers to follow paragraph 3 below;[^f1]"
    );
    assert_eq!(
        doc.operative[2].text,
        "to review paragraph 9 below at its next session."
    );
    assert_eq!(doc.footnotes.len(), 1);
    // A second run has nothing to do and leaves the file alone.
    let before = std::fs::read(&path).expect("readable");
    let again = resdraft(&["renumber", path_str(&path)]);
    assert!(again.status.success());
    assert!(
        stdout(&again).contains("Nothing to change."),
        "{}",
        stdout(&again)
    );
    assert_eq!(std::fs::read(&path).expect("readable"), before);
}

#[test]
fn dry_run_writes_nothing() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = write(dir.path(), "draft.toml", &messy());
    let before = std::fs::read(&path).expect("readable");
    let out = resdraft(&["renumber", path_str(&path), "--dry-run"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("5 changes would be made (dry run: nothing written)."));
    assert_eq!(std::fs::read(&path).expect("readable"), before);
    assert_eq!(std::fs::read_dir(dir.path()).expect("listable").count(), 1);
}

#[test]
fn output_to_another_file_or_stdout() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = write(dir.path(), "draft.toml", &messy());
    let before = std::fs::read(&path).expect("readable");
    let out_path = dir.path().join("fixed.toml");
    let out = resdraft(&["renumber", path_str(&path), "-o", path_str(&out_path)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read(&path).expect("readable"), before);
    let fixed = draftfile::load(&out_path).expect("the output loads");
    assert_eq!(
        fixed.document.operative[0].text,
        "the survey of coastal lights;"
    );

    let out = resdraft(&["renumber", path_str(&path), "-o", "-"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let toml = stdout(&out);
    let parsed = draftfile::parse(&toml, Path::new("stdout")).expect("stdout is a draft");
    assert_eq!(parsed, fixed);
    assert!(stderr(&out).contains("5 changes made."));
}

#[test]
fn clear_errors() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let missing = dir.path().join("missing.toml");
    let out = resdraft(&["renumber", path_str(&missing)]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("missing.toml"), "{}", stderr(&out));

    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[document\nkind = ").expect("writable");
    let out = resdraft(&["renumber", path_str(&bad)]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("bad.toml"), "{}", stderr(&out));

    let path = write(dir.path(), "draft.toml", &messy());
    let spec = format!("{}@L.1", path_str(&path));
    let out = resdraft(&["renumber", &spec]);
    assert!(!out.status.success());

    let txt = dir.path().join("text.txt");
    std::fs::write(&txt, "The General Assembly,\n\n1. Decides to act.\n").expect("writable");
    let out = resdraft(&["renumber", path_str(&txt)]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("give -o OUT.toml"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn printed_paths_are_sanitised() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = write(dir.path(), "dra\u{1b}[31mft.toml", &messy());
    let out = resdraft(&["renumber", path_str(&path)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Saved "));
    assert!(!stdout(&out).contains('\u{1b}'), "{:?}", stdout(&out));
}

#[test]
fn real_texts_renumber_cleanly() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let Ok(entries) = std::fs::read_dir(&corpus) else {
        common::skip(
            "real_texts_renumber_cleanly",
            &format!("no corpus at {}", corpus.display()),
        );
        return;
    };
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut seen = 0;
    for e in entries.flatten() {
        let p = e.path();
        if p.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        seen += 1;
        let out_path = dir.path().join("out.toml");
        // --force: each text replaces the previous one's result.
        let out = resdraft(&[
            "renumber",
            path_str(&p),
            "-o",
            path_str(&out_path),
            "--force",
        ]);
        assert!(out.status.success(), "{}: {}", p.display(), stderr(&out));
        // Renumbering is idempotent: the saved result has nothing left to change.
        let again = resdraft(&["renumber", path_str(&out_path), "--dry-run"]);
        assert!(
            stdout(&again).contains("Nothing to change."),
            "{}: {}",
            p.display(),
            stdout(&again)
        );
    }
    assert!(seen > 0, "the corpus holds texts");
}
