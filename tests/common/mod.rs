//! Helpers shared by the integration tests: running the binary as a user does, the structure
//! of a document as plain data, and the round trip import → text export → import.

#![allow(dead_code)]

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

/// Import → text export → import keeps the structure.
pub fn assert_round_trip(name: &str, doc: &Document) {
    let text = export::text(doc, 80);
    let again = import_str(&text, KindHint::Auto).document;
    let (a, b) = (structure(doc), structure(&again));
    if a != b {
        let first = a
            .iter()
            .zip(&b)
            .position(|(x, y)| x != y)
            .unwrap_or(a.len().min(b.len()));
        panic!(
            "{name}: round trip changes the structure at item {first}:\n  before: {:?}\n  after:  {:?}\n--- exported text ---\n{text}",
            a.get(first),
            b.get(first)
        );
    }
}
