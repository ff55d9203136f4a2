//! Helpers shared by the integration tests: running the binary as a user does, the structure
//! of a document as plain data, and the round trip import → text export → import.

#![allow(dead_code)]

pub mod corpus;
pub mod pandoc;
pub mod tmux;
pub mod tui;

use resdraft::export;
use resdraft::import::{KindHint, import_str};
use resdraft::markup;
use resdraft::model::{Document, Paragraph};
use std::process::{Command, Output};

/// Runs the resdraft binary with `args` from the crate root.
pub fn resdraft(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_resdraft"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the resdraft binary runs")
}

/// What a run printed on stdout.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// What a run printed on stderr.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn words(s: &str) -> String {
    markup::strip(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A paragraph's structure: lead, text (plain, whitespace collapsed), sub-paragraphs.
fn shape(p: &Paragraph, out: &mut Vec<String>, depth: usize) {
    out.push(format!("{depth}|{}|{}", words(&p.lead), words(&p.text)));
    for sp in &p.subparagraphs {
        shape(sp, out, depth + 1);
    }
}

/// The structure of a document that a round trip must keep.
pub fn structure(doc: &Document) -> Vec<String> {
    let mut out = vec![
        format!("kind {:?}", doc.kind),
        format!("preamble {}", doc.preamble.len()),
        format!("operative {}", doc.operative.len()),
        format!("sections {}", doc.sections.len()),
        format!("footnotes {}", doc.footnotes.len()),
    ];
    for (part, list) in doc.parts() {
        out.push(format!("part {part:?}"));
        for p in list {
            shape(p, &mut out, 0);
        }
    }
    for s in &doc.sections {
        out.push(format!(
            "section {}|{}|{}",
            s.label,
            words(&s.heading),
            s.numbered
        ));
    }
    for f in &doc.footnotes {
        let anchor = doc
            .locate(&f.anchor)
            .map(|l| format!("{:?}{:?}", l.part, l.path));
        out.push(format!("footnote {anchor:?} {}", words(&f.text)));
    }
    out
}

/// Where two lists of items first differ (the shorter length when one is a prefix).
pub fn first_mismatch(a: &[String], b: &[String]) -> usize {
    a.iter()
        .zip(b)
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()))
}

/// The first difference of `got` against `want`, for a failure message: the counts and the
/// two items there, each cut to 160 characters.
pub fn first_difference(got: &[String], want: &[String]) -> String {
    let at = first_mismatch(got, want);
    let cut = |s: Option<&String>| s.map(|s| s.chars().take(160).collect::<String>());
    format!(
        "{} items against {}; first at {at}: {:?} | {:?}",
        got.len(),
        want.len(),
        cut(got.get(at)),
        cut(want.get(at))
    )
}

/// Import → text export → import keeps the structure.
pub fn assert_round_trip(name: &str, doc: &Document) {
    let text = export::text(doc, 80);
    let again = import_str(&text, KindHint::Auto).document;
    let (a, b) = (structure(doc), structure(&again));
    if a != b {
        let first = first_mismatch(&a, &b);
        panic!(
            "{name}: round trip changes the structure at item {first}:\n  before: {:?}\n  after:  {:?}\n--- exported text ---\n{text}",
            a.get(first),
            b.get(first)
        );
    }
}

/// Whether the tests run under CI (`CI=true`), where a missing prerequisite is a failure.
pub fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v.eq_ignore_ascii_case("true") || v == "1")
}

/// Reports that `test` cannot run because of `reason`: a failure under CI; elsewhere a line
/// `SKIPPED test: reason` written straight to stderr, past the test harness's capture, so
/// that `cargo test` shows it.
pub fn skip(test: &str, reason: &str) {
    if under_ci() {
        panic!("{test}: {reason} (CI=true: a missing prerequisite is a failure, not a skip)");
    }
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED {test}: {reason} (the test passes without checking anything)"
    );
}

/// Whether the command-line tool `tool` can be run; reports the skip of `test` when not.
pub fn tool_available(tool: &str, test: &str) -> bool {
    // Whether it starts at all: not every tool has the same version flag.
    let ok = Command::new(tool).arg("-V").output().is_ok();
    if !ok {
        skip(test, &format!("{tool} is not installed"));
    }
    ok
}

/// `../shared/<rel>` beside the repository, if it exists; reports the skip of `test` when not.
pub fn shared(rel: &str, test: &str) -> Option<std::path::PathBuf> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel);
    if path.exists() {
        Some(path)
    } else {
        skip(test, &format!("{} not found", path.display()));
        None
    }
}
