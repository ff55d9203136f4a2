//! The comparison from the command line: golden outputs of `diff --format amendments` and
//! `--format side-by-side` (piped) on the sample draft's revision against its current text,
//! a fixture text against its revised text imported on the fly, a draft against its adopted
//! text printed with its footnote markers in other shapes, JSON, exit codes, and
//! `revise` / `revisions`. Set UPDATE_GOLDEN=1 to rewrite the golden files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_resdraft"))
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

mod common;

use common::stdout;

fn golden(name: &str, got: &str) {
    let path = root().join("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, got).unwrap();
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run with UPDATE_GOLDEN=1)", path.display()));
    assert_eq!(got, want, "output differs from {}", path.display());
}

const SAMPLE: &str = "drafts/sample-resolution.toml";
const L3: &str = "tests/fixtures/compare/l3.txt";
const L3_REV1: &str = "tests/fixtures/compare/l3-rev1.txt";

#[test]
fn sample_amendments_golden() {
    let o = run(&["diff", SAMPLE, "--format", "amendments"]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let out = stdout(&o);
    // UN wording: numbered instructions, typographic quotes, no "bis", places as issued.
    assert!(out.starts_with("1. "), "{out}");
    assert!(!out.contains(" bis"), "{out}");
    assert!(out.contains('“') && out.contains('”'));
    golden("sample-amendments.txt", &out);
}

#[test]
fn sample_side_by_side_golden() {
    let o = run(&["diff", SAMPLE, "--format", "side-by-side", "--width", "100"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(!out.contains('\u{1b}'), "no colour codes when piped");
    assert!(out.contains("{+") && out.contains("[-"));
    for line in out.lines() {
        assert!(
            unicode_width::UnicodeWidthStr::width(line) <= 100,
            "too wide: {line}"
        );
    }
    golden("sample-side-by-side.txt", &out);
}

#[test]
fn texts_imported_on_the_fly_are_aligned_by_similarity() {
    let o = run(&["diff", L3, L3_REV1, "--format", "json"]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["align"], "similarity");
    let changes = v["changes"].as_array().unwrap();
    let op = |kind: &str| -> Vec<(serde_json::Value, serde_json::Value)> {
        changes
            .iter()
            .filter(|c| c["part"] == "operative" && c["kind"] == kind)
            .map(|c| (c["old_number"].clone(), c["new_number"].clone()))
            .collect()
    };
    assert_eq!(op("moved"), [(5.into(), 3.into())]);
    assert_eq!(op("inserted"), [(serde_json::Value::Null, 5.into())]);
    assert_eq!(op("deleted"), [(6.into(), serde_json::Value::Null)]);
    let modified = changes
        .iter()
        .find(|c| c["part"] == "operative" && c["old_number"] == 2)
        .unwrap();
    assert_eq!(modified["kind"], "modified");
    assert_eq!(
        modified["edits"][0]["inserted"].as_str().map(str::trim),
        Some("parties")
    );
    let sponsors = changes.iter().find(|c| c["field"] == "sponsors").unwrap();
    assert_eq!(sponsors["kind"], "modified");
    let a = stdout(&run(&["diff", L3, L3_REV1, "--format", "amendments"]));
    golden("l3-amendments.txt", &a);
    let inline = stdout(&run(&[
        "diff", L3, L3_REV1, "--format", "inline", "-w", "80",
    ]));
    golden("l3-inline.txt", &inline);
}

#[test]
fn exit_codes_follow_diff() {
    assert_eq!(run(&["diff", L3, L3]).status.code(), Some(0));
    let stat = run(&["diff", L3, L3_REV1, "--stat"]);
    assert_eq!(stat.status.code(), Some(1));
    assert!(stdout(&stat).contains("moved"));
    let missing = run(&["diff", "tests/fixtures/compare/missing.txt", L3]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("missing.txt"));
    let no_rev = run(&["diff", L3]);
    assert_eq!(no_rev.status.code(), Some(2));
}

fn temp_copy(dir: &Path) -> String {
    let to = dir.join("draft.toml");
    std::fs::copy(root().join(SAMPLE), &to).unwrap();
    to.to_string_lossy().into_owned()
}

#[test]
fn revise_freezes_and_refuses_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let d = temp_copy(dir.path());
    let before = stdout(&run(&["revisions", &d]));
    let o = run(&[
        "revise",
        &d,
        "--label",
        "A/C.2/81/L.23/Rev.1",
        "--note",
        "after informals",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let list = stdout(&run(&["revisions", &d]));
    assert_eq!(list.lines().count(), before.lines().count() + 1);
    assert!(list.contains("A/C.2/81/L.23/Rev.1") && list.contains("after informals"));
    // The frozen revision equals the current text: nothing differs.
    assert_eq!(run(&["diff", &d]).status.code(), Some(0));
    let again = run(&["revise", &d, "--label", "A/C.2/81/L.23/Rev.1"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    assert_eq!(
        run(&["revise", &d, "--label", "x@y"]).status.code(),
        Some(2)
    );
    // DRAFT@LABEL names the revision.
    let at = format!("{d}@A/C.2/81/L.23");
    assert_eq!(run(&["diff", &at, &d, "--stat"]).status.code(), Some(1));
}

const HARBOURS_DRAFT: &str = "tests/fixtures/compare/harbours-l9.txt";
const HARBOURS_ADOPTED: &str = "tests/fixtures/compare/harbours-res.txt";

#[test]
fn a_draft_and_its_adopted_text_differ_only_in_substance_not_in_marker_shapes() {
    // The two printings set the same footnote markers in other shapes: spaced after
    // "resolutions" / glued before "on", after "Action" at a line end, glued to "COVID-19" and
    // to "Agenda 21", after "decision"; a decimal "1.5" opens a line on a page whose foot prints
    // footnotes 1 and 5; a footnote runs on to a line opening with a date range ("3 – 14 June").
    // The adopted text inserts operative paragraph 1, so "paragraph 1 above" becomes
    // "paragraph 2 above" (renumbering, no change), and cites paragraph 72 of another text
    // (the Compact) where the draft cited its paragraph 71 (a change of substance).
    let o = run(&["diff", HARBOURS_DRAFT, HARBOURS_ADOPTED, "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", common::stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let body: Vec<&serde_json::Value> = v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| {
            matches!(
                c["part"].as_str(),
                Some("preamble" | "operative" | "footnote")
            )
        })
        .collect();
    let changed: Vec<(String, String, String)> = body
        .iter()
        .filter(|c| c["kind"] != "unchanged")
        .map(|c| {
            let s = |k: &str| c[k].as_str().unwrap_or("-").to_string();
            (s("kind"), s("old_label"), s("new_label"))
        })
        .collect();
    let t = |k: &str, o: &str, n: &str| (k.to_string(), o.to_string(), n.to_string());
    assert_eq!(
        changed,
        [
            t("inserted", "-", "OP1"),
            t("modified", "OP1", "OP2"),
            t("renumbered", "OP2", "OP3"),
            t("renumbered", "OP3", "OP4"),
        ]
    );
    let modified = body.iter().find(|c| c["kind"] == "modified").unwrap();
    let edits: Vec<(&str, &str)> = modified["edits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["deleted"].as_str().unwrap(),
                e["inserted"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(edits, [("71", "72")]);
    let footnotes = body.iter().filter(|c| c["part"] == "footnote").count();
    assert_eq!(footnotes, 6, "every footnote matched, none changed");
}
