//! `resdraft amend` and `resdraft check` on amendments, as a user runs them: the result
//! draft (as-issued revision, amended text, note), `--only`, in-place saves, errors that
//! apply nothing, `--partial`, and the check of an amendment document.

mod common;

use common::{resdraft, stderr, stdout};
use std::path::{Path, PathBuf};

fn text(name: &str) -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/un80/text")
        .join(format!("{name}.txt"));
    if p.exists() {
        return Some(p);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "../shared/corpus/un80 is missing under CI"
    );
    println!("skipped: ../shared/corpus/un80 not found");
    None
}

fn s(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

#[test]
fn amend_writes_the_issued_revision_and_the_amended_text() {
    let (Some(l25), Some(l30)) = (text("A_80_L.25"), text("A_80_L.30")) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("l25.toml");
    let o = resdraft(&["amend", &s(&l25), &s(&l30), "-o", &s(&out)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let draft = resdraft::draftfile::load(&out).unwrap();
    assert_eq!(draft.revisions.len(), 1);
    assert_eq!(draft.revisions[0].label, "A/80/L.25");
    assert_eq!(draft.revisions[0].document.preamble.len(), 47);
    assert_eq!(draft.document.preamble.len(), 44);
    assert!(
        draft
            .document
            .header
            .stage
            .ends_with("as amended by A/80/L.30 (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)"),
        "{}",
        draft.document.header.stage
    );
    // The effect, written back as amendments.
    let d = resdraft(&["diff", &s(&out), "--format", "amendments"]);
    let a = stdout(&d);
    assert!(
        a.contains("Delete the sixteenth, twentieth and twenty-third preambular paragraphs."),
        "{a}"
    );
    assert!(a.contains("Delete operative paragraph 22."), "{a}");
    assert!(
        a.contains("In operative paragraph 33, delete “climate adaptation and mitigation,”."),
        "{a}"
    );
}

#[test]
fn only_and_in_place() {
    let (Some(l25), Some(l30), Some(l31)) =
        (text("A_80_L.25"), text("A_80_L.30"), text("A_80_L.31"))
    else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("l25.toml");
    let o = resdraft(&["import", &s(&l25), "-o", &s(&draft)]);
    assert!(o.status.success());
    let o = resdraft(&[
        "amend",
        &s(&draft),
        &s(&l30),
        &s(&l31),
        "--only",
        "L.30:3,8",
        "--only",
        "L.31:1",
        "-o",
        &s(&draft),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let d = resdraft::draftfile::load(&draft).unwrap();
    assert_eq!(
        (d.document.preamble.len(), d.document.operative.len()),
        (46, 94)
    );
    assert!(
        d.document
            .header
            .stage
            .ends_with("as amended by A/80/L.30 (3, 8) and A/80/L.31 (1)"),
        "{}",
        d.document.header.stage
    );
    // Unqualified numbers are ambiguous with two amendments; unknown numbers are refused.
    let o = resdraft(&["amend", &s(&draft), &s(&l30), &s(&l31), "--only", "1"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("name the amendment"));
    let o = resdraft(&["amend", &s(&draft), &s(&l30), "--only", "12"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("has no instruction 12"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn errors_apply_nothing_unless_partial() {
    let Some(l25) = text("A_80_L.25") else { return };
    let dir = tempfile::tempdir().unwrap();
    let ins = dir.path().join("ours.txt");
    std::fs::write(
        &ins,
        "1. In operative paragraph 1, delete “words that are not there”.\n\n\
         2. Delete operative paragraph 3.\n",
    )
    .unwrap();
    let out = dir.path().join("out.toml");
    let o = resdraft(&["amend", &s(&l25), &s(&ins), "-o", &s(&out)]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.contains("instruction 1") && e.contains("is not found"),
        "{e}"
    );
    assert!(!out.exists(), "nothing written");
    let o = resdraft(&["amend", &s(&l25), &s(&ins), "-o", &s(&out), "--partial"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let d = resdraft::draftfile::load(&out).unwrap();
    assert_eq!(d.document.operative.len(), 94);
    assert!(
        d.document
            .header
            .stage
            .ends_with("as amended by ours.txt (2)"),
        "{}",
        d.document.header.stage
    );
}

#[test]
fn check_says_whether_every_instruction_parses() {
    let Some(l28) = text("A_80_L.28") else { return };
    let o = resdraft(&["check", &s(&l28)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("amendment A/80/L.28 to A/80/L.3: 8 instructions, all read"));
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(
        &bad,
        "Ruritania: amendment to draft resolution A/80/L.25\n\nA title\n\n\
         1. Delete operative paragraph 2.\n\n2. Paint operative paragraph 3 blue.\n",
    )
    .unwrap();
    let o = resdraft(&["check", &s(&bad)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("instruction 2"), "{}", stderr(&o));
}

/// Applying a second amendment merges it into the note, and the noted stage survives an
/// export to text and an import back.
#[test]
fn the_note_merges_and_reads_back_from_an_exported_text() {
    let (Some(l25), Some(l30), Some(l31)) =
        (text("A_80_L.25"), text("A_80_L.30"), text("A_80_L.31"))
    else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("l25.toml");
    // Instruction 1 of L.30 changes words only: L.31 still finds its places as issued.
    let o = resdraft(&["amend", &s(&l25), &s(&l30), "--only", "1", "-o", &s(&out)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = resdraft(&["amend", &s(&out), &s(&l31), "-o", &s(&out)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let draft = resdraft::draftfile::load(&out).unwrap();
    let stage = draft.document.header.stage.clone();
    assert!(
        stage.starts_with("draft resolution, as amended by A/80/L.30 (1) and A/80/L.31 ("),
        "{stage}"
    );
    let txt = dir.path().join("l25.txt");
    let o = resdraft(&["export", &s(&out), "-o", &s(&txt)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let back = resdraft::import::import_file(&txt, resdraft::import::KindHint::Auto).unwrap();
    assert_eq!(back.document.header.stage, stage);
}

/// Whole parts and annexes, written by `diff --format amendments` and applied by `amend`: our
/// annex fixture becomes the structure of our parts fixture; what cannot be written (the
/// sections of an annex changed) is said on standard error.
#[test]
fn whole_parts_and_annexes_are_written_and_applied() {
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/structure");
    let (annex, parts) = (fixtures.join("annex.txt"), fixtures.join("parts.txt"));
    let dir = tempfile::tempdir().unwrap();
    let written = dir.path().join("amendments.txt");
    let d = resdraft(&[
        "diff",
        &s(&annex),
        &s(&parts),
        "--format",
        "amendments",
        "-o",
        &s(&written),
    ]);
    assert_eq!(d.status.code(), Some(1), "{}", stderr(&d));
    let a = std::fs::read_to_string(&written).unwrap();
    assert!(a.contains("Delete the annex."), "{a}");
    assert!(
        a.contains("Add a new section II, entitled “Wicks and oil”, with a preambular paragraph and three operative paragraphs reading:"),
        "{a}"
    );
    let out = dir.path().join("out.toml");
    let o = resdraft(&["amend", &s(&annex), &s(&written), "-o", &s(&out)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let got = resdraft::draftfile::load(&out).unwrap().document;
    let want = resdraft::import::import_file(&parts, resdraft::import::KindHint::Auto)
        .unwrap()
        .document;
    assert!(got.annexes.is_empty());
    let names = |d: &resdraft::model::Document| -> Vec<(String, String, usize, usize)> {
        d.parts
            .iter()
            .map(|p| {
                (
                    p.label.clone(),
                    p.heading.clone(),
                    p.preamble.len(),
                    p.operative.len(),
                )
            })
            .collect()
    };
    assert_eq!(names(&got), names(&want));
    // An annex whose section heading changed: said, not dropped.
    let text = std::fs::read_to_string(&annex).unwrap();
    assert!(text.contains("I. Duties"), "the fixture has a section I");
    let changed = dir.path().join("changed.txt");
    std::fs::write(&changed, text.replace("I. Duties", "I. Tasks")).unwrap();
    let d = resdraft(&["diff", &s(&annex), &s(&changed), "--format", "amendments"]);
    assert!(
        stderr(&d).contains("not written as an amendment: the sections of the annex"),
        "{}",
        stderr(&d)
    );
}
