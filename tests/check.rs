//! `resdraft check` and `resdraft import` as a user runs them: findings on the real CCPCJ
//! draft (when ../shared/corpus exists), exit codes 0 / 1 / 2, JSON output, no colour when
//! not on a terminal, warnings on stderr as FILE:LINE.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn resdraft(args: &[&str]) -> Output {
    match Command::new(env!("CARGO_BIN_EXE_resdraft"))
        .args(args)
        .env_remove("NO_COLOR")
        .output()
    {
        Ok(o) => o,
        Err(e) => panic!("cannot run resdraft: {e}"),
    }
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

fn temp(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("resdraft-check-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(name);
    if std::fs::write(&path, text).is_err() {
        panic!("cannot write {}", path.display());
    }
    path.display().to_string()
}

#[test]
fn reports_the_two_findings_of_expected_toml_on_the_ccpcj_draft() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/ccpcj-2021-smuggling-resolution-rev1.txt");
    if !path.exists() {
        common::skip(
            "reports_the_two_findings_of_expected_toml_on_the_ccpcj_draft",
            &format!("{} not found", path.display()),
        );
        return;
    }
    let out = resdraft(&["check", &path.display().to_string(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let findings: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    let list = findings.as_array().cloned().unwrap_or_default();
    let has = |place: &str, rule: &str, word: &str| {
        list.iter().any(|f| {
            f["place"] == place
                && f["rule"] == rule
                && f["message"].as_str().unwrap_or("").contains(word)
        })
    };
    assert!(
        has("operative paragraph 9", "lead-person", "Encourage"),
        "{list:#?}"
    );
    assert!(
        has(
            "operative paragraph 15",
            "lead-capitalisation",
            "Calls Upon"
        ),
        "{list:#?}"
    );
    let human = resdraft(&["check", &path.display().to_string()]);
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(
        text.contains("operative paragraph 9\n  lead-person"),
        "{text}"
    );
    assert!(
        !text.contains('\x1b'),
        "no colour when stdout is not a terminal"
    );
}

#[test]
fn exit_codes_clean_findings_error() {
    let clean = temp(
        "clean.txt",
        "The Assembly of Keepers,\n\n*Recalling* its work,\n\n1. *Requests* a report;\n\n2. *Decides* to meet again.\n",
    );
    let out = resdraft(&["check", &clean]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("no findings"));
    let findings = temp(
        "findings.txt",
        "The Assembly of Keepers,\n\n*Recalling* its work,\n\n1. *Encourage* keepers to trim wicks;\n\n2. *Decides* to meet again.\n",
    );
    let out = resdraft(&["check", &findings]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("operative paragraph 1\n  lead-person"),
        "{text}"
    );
    assert!(text.contains("suggestion: Encourages"), "{text}");
    let out = resdraft(&["check", "/nonexistent/file.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/file.txt"));
}

#[test]
fn import_writes_a_draft_that_check_reads() {
    let dir = std::env::temp_dir().join(format!("resdraft-import-cli-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let out_path = dir.join("keepers.toml").display().to_string();
    let out = resdraft(&["import", &fixture("keepers-italic.txt"), "-o", &out_path]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The fixture follows drafting practice: the check of the imported draft is clean.
    let out = resdraft(&["check", &out_path, "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "[]");
    let toml = resdraft(&["import", &fixture("songbirds-plain-crlf.txt")]);
    assert!(toml.status.success());
    assert!(String::from_utf8_lossy(&toml.stdout).contains("lead = \"Bearing in mind\""));
}

#[test]
fn import_warnings_name_file_and_line() {
    let path = temp(
        "stray.txt",
        "The Assembly of Keepers,\n\n*Recalling* its work,\n\n1. *Decides* to meet again.\n\nA stray remark.\n",
    );
    let out = resdraft(&["import", &path]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("{path}:7: warning:")), "{err}");
}

#[test]
fn import_rejects_binary_input_with_exit_2() {
    let path = temp("bin.txt", "abc\0def");
    let out = resdraft(&["import", &path]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bin.txt") && err.contains("binary"), "{err}");
}

#[test]
fn import_reads_stdin() {
    use std::io::Write;
    let child = Command::new(env!("CARGO_BIN_EXE_resdraft"))
        .args(["import", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        panic!("cannot run resdraft");
    };
    if let Some(mut stdin) = child.stdin.take() {
        let text =
            "The Assembly of Keepers,\n\n*Recalling* its work,\n\n1. *Decides* to meet again.\n";
        assert!(stdin.write_all(text.as_bytes()).is_ok());
    }
    let out = match child.wait_with_output() {
        Ok(o) => o,
        Err(e) => panic!("{e}"),
    };
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let toml = String::from_utf8_lossy(&out.stdout);
    assert!(toml.contains("lead = \"Decides\""), "{toml}");
}
