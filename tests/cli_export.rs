//! The `export`, `new` and `completions` commands run as a user runs them: output on stdout,
//! errors on stderr with a non-zero exit code, `-o` written atomically, revisions by label.

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;

use common::{resdraft, stderr, stdout};

const RES: &str = "drafts/sample-resolution.toml";
const REPORT: &str = "drafts/sample-report.toml";

#[test]
fn export_text_to_stdout() {
    let o = resdraft(&["export", RES]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.starts_with("A/C.2/81/L.23/Rev.1\n"), "{text}");
    assert!(text.contains("\n16. Decides to include"), "{text}");
    // The same text as the library export at the default width.
    let doc = resdraft::draftfile::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join(RES))
        .unwrap()
        .document;
    assert_eq!(text, resdraft::export::text(&doc, 80));
}

#[test]
fn export_width_and_formats() {
    let o = resdraft(&["export", REPORT, "--width", "50"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).lines().all(|l| l.chars().count() <= 50));

    let o = resdraft(&["export", RES, "--format", "markdown"]);
    assert!(stdout(&o).contains("1\\. *Urges* Member States"));

    let o = resdraft(&["export", RES, "-f", "json", "-o", "-"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["operative"].as_array().unwrap().len(), 16);
    assert_eq!(v["header"]["sponsors"].as_array().unwrap().len(), 8);
}

#[test]
fn export_a_revision_by_label_or_flag() {
    let spec = format!("{RES}@A/C.2/81/L.23");
    let a = resdraft(&["export", &spec]);
    assert!(a.status.success(), "{}", stderr(&a));
    assert!(stdout(&a).starts_with("A/C.2/81/L.23\n"));
    assert!(stdout(&a).contains("Fennmark: draft resolution"));
    let b = resdraft(&["export", RES, "--revision", "A/C.2/81/L.23"]);
    assert_eq!(stdout(&a), stdout(&b));

    let o = resdraft(&["export", RES, "--revision", "L.99"]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("no revision labelled “L.99”"),
        "{}",
        stderr(&o)
    );
    assert!(stdout(&o).is_empty());
}

#[test]
fn export_to_a_file_is_atomic_and_exact() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.json");
    std::fs::write(&out, "old").unwrap();
    let o = resdraft(&["export", RES, "-f", "json", "-o", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(v["header"]["symbol"], "A/C.2/81/L.23/Rev.1");
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "no temporary file left");

    // Never over the draft itself.
    let draft = dir.path().join("d.toml");
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join(REPORT), &draft).unwrap();
    let before = std::fs::read(&draft).unwrap();
    let d = draft.to_str().unwrap();
    let o = resdraft(&["export", d, "-o", d]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("refusing"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&draft).unwrap(), before);
}

#[test]
fn control_characters_are_sanitised_on_stdout_but_kept_in_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("evil.toml");
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(REPORT))
        .unwrap()
        .replace(
            "adopted the recommendations",
            "adopted the \\u001b[2J\\u202erecommendations",
        );
    std::fs::write(&draft, text).unwrap();
    let o = resdraft(&["export", draft.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let shown = stdout(&o);
    assert!(!shown.contains('\u{1b}') && !shown.contains('\u{202e}'));
    assert!(shown.contains("␛[2J"), "{shown}");
    let out = dir.path().join("out.txt");
    let o = resdraft(&[
        "export",
        draft.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("\u{1b}[2J\u{202e}")
    );
}

#[test]
fn bad_input_errors_on_stderr_with_non_zero_exit() {
    let bad = "tests/fixtures/bad/duplicate-id.toml";
    let o = resdraft(&["export", bad]);
    assert!(!o.status.success());
    assert!(stdout(&o).is_empty());
    let err = stderr(&o);
    assert!(
        err.contains(bad) && err.contains(":20:") && err.contains("duplicate id"),
        "{err}"
    );

    let o = resdraft(&["export", "no/such/draft.toml"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("no/such/draft.toml"), "{}", stderr(&o));

    let o = resdraft(&["export", RES, "--width", "0"]);
    assert!(!o.status.success());
    let o = resdraft(&["export", RES, "--format", "pdf"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("pdf"));
}

#[test]
fn new_writes_a_draft_that_loads_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let path: PathBuf = dir.path().join("mine.toml");
    let p = path.to_str().unwrap();
    let o = resdraft(&["new", "-o", p]);
    assert!(o.status.success(), "{}", stderr(&o));
    let draft = resdraft::draftfile::load(&path).unwrap();
    assert!(draft.document.header.title.contains("[Title]"));
    assert_eq!(draft.document.authoring_body, "The General Assembly");

    std::fs::write(&path, "precious").unwrap();
    let o = resdraft(&["new", "-o", p]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("already exists") && stderr(&o).contains("--force"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "precious");

    let o = resdraft(&["new", "-o", p, "--force", "--report"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        resdraft::draftfile::load(&path)
            .unwrap()
            .document
            .is_report()
    );

    // Without -o the draft goes to stdout and reads back.
    let o = resdraft(&["new"]);
    let text = stdout(&o);
    assert!(text.contains("format = 1"));
    assert!(resdraft::draftfile::parse(&text, Path::new("stdout")).is_ok());
    // And it exports.
    let o = resdraft(&["export", p]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn completions_for_each_shell() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let o = resdraft(&["completions", shell]);
        assert!(o.status.success(), "{shell}: {}", stderr(&o));
        let script = stdout(&o);
        assert!(
            script.contains("export") && script.contains("resdraft"),
            "{shell}"
        );
    }
    let o = resdraft(&["completions", "tcsh"]);
    assert!(!o.status.success());
}

#[test]
fn help_for_my_commands() {
    for cmd in ["export", "new", "completions"] {
        let o = resdraft(&[cmd, "--help"]);
        assert!(o.status.success());
        assert!(stdout(&o).contains("Examples:"), "{cmd}");
    }
    let o = resdraft(&["export", "--help"]);
    let help = stdout(&o);
    for flag in ["--format", "--width", "--output", "--revision"] {
        assert!(help.contains(flag), "{flag}");
    }
}

#[test]
fn a_closed_pipe_is_not_a_crash() {
    for args in [
        &["completions", "bash"][..],
        &["export", RES, "-f", "json"][..],
        &["new"][..],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_resdraft"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Close the reading end at once: every write of the child then fails with EPIPE.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

/// `export -o` replaces an earlier export, but not a draft, even one saved without `.toml`
/// and written by hand with its keys in another order (told by loading it, not by its head).
#[test]
fn export_replaces_an_export_but_not_a_draft_whatever_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.txt");
    let o = out.to_str().unwrap();
    for _ in 0..2 {
        let e = resdraft(&["export", RES, "-o", o]);
        assert!(e.status.success(), "{}", stderr(&e));
    }
    let draft = std::fs::read_to_string(RES).unwrap();
    let keys = "format = 1\nkind = \"resolution\"\nauthoring_body = \"The General Assembly\"\n";
    assert!(draft.contains(keys));
    let reordered = draft.replace(
        keys,
        "# by hand\nauthoring_body = \"The General Assembly\"\nformat = 1\nkind = \"resolution\"\n",
    );
    for text in [draft, reordered] {
        std::fs::write(&out, &text).unwrap();
        assert!(resdraft::draftfile::load(&out).is_ok());
        let e = resdraft(&["export", RES, "-o", o]);
        assert!(!e.status.success(), "a draft was replaced");
        assert!(stderr(&e).contains("is a draft"), "{}", stderr(&e));
        assert_eq!(std::fs::read_to_string(&out).unwrap(), text);
    }
}
