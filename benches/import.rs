//! Import (and check) speed on a generated resolution of about 1,000 paragraphs (~500 KB) in
//! the PDF-extraction shape: hard-wrapped lines, page furniture every 40 lines, footnote
//! blocks, sub-paragraphs. The issue asks for an import under 20 ms.

use criterion::{Criterion, criterion_group, criterion_main};
use resdraft::import::{KindHint, import_str};
use std::hint::black_box;

const WORDS: &[&str] = &[
    "the",
    "keepers",
    "of",
    "coastal",
    "lights",
    "should",
    "trim",
    "wicks",
    "and",
    "polish",
    "lenses",
    "in",
    "accordance",
    "with",
    "international",
    "practice",
    "for",
    "ships",
    "navigating",
    "narrow",
    "straits",
    "at",
    "night",
    "including",
    "through",
    "cooperation",
];

/// A line of about 80 characters of filler text, varying with `seed`.
fn filler(seed: usize, len: usize) -> String {
    let mut s = String::new();
    let mut i = seed;
    while s.len() < len {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(WORDS[i % WORDS.len()]);
        i = i.wrapping_mul(31).wrapping_add(7);
    }
    s
}

/// A resolution with `n` paragraphs: a fifth preambular, the rest operative.
fn generate(n: usize) -> String {
    let mut t = String::from(
        "United Nations\nA/99/L.1\n\nGeneral Assembly\nDistr.: Limited\n1 January 2099\nOriginal: English\n\n\
         Ninety-ninth session\nAgenda item 1\nCoastal lights\n\nArcadia and Borduria: draft resolution\n\n\
         Coastal lights\n\nThe General Assembly,\n\n",
    );
    let mut line_count = 0usize;
    let mut footnote = 0usize;
    let mut pending_notes: Vec<usize> = Vec::new();
    let mut push_line = |t: &mut String, l: &str, pending: &mut Vec<usize>| {
        t.push_str(l);
        t.push_str(" \n");
        line_count += 1;
        if line_count.is_multiple_of(40) {
            if !pending.is_empty() {
                t.push_str("__________________\n\n");
                for f in pending.drain(..) {
                    t.push_str(&format!("{f}  See document A/99/{f}.\n\n"));
                }
            }
            t.push_str("\nA/99/L.1\n\n99-00001\n2/9\n\n");
        }
    };
    let pre = n / 5;
    for i in 0..n {
        let lines = 5 + i % 3;
        let mut body: Vec<String> = (0..lines).map(|k| filler(i * 7 + k, 78)).collect();
        if i % 10 == 3 {
            footnote += 1;
            pending_notes.push(footnote);
            if let Some(first) = body.first_mut() {
                first.push_str(&format!(",{footnote}"));
            }
        }
        if i < pre {
            push_line(
                &mut t,
                &format!("Recalling {}", body[0]),
                &mut pending_notes,
            );
            for l in &body[1..] {
                push_line(&mut t, l, &mut pending_notes);
            }
            t.push_str("the end,\n\n");
        } else {
            push_line(&mut t, &format!("{}.", i - pre + 1), &mut pending_notes);
            push_line(&mut t, &format!("Requests {}", body[0]), &mut pending_notes);
            for l in &body[1..] {
                push_line(&mut t, l, &mut pending_notes);
            }
            if i % 25 == 0 {
                t.push_str(
                    "as follows:\n\n(a) To trim the wicks;\n\n(b) To polish the lenses;\n\n",
                );
            } else {
                t.push_str("the end;\n\n");
            }
        }
    }
    t
}

fn bench(c: &mut Criterion) {
    let text = generate(1000);
    let imported = import_str(&text, KindHint::Auto);
    eprintln!(
        "generated text: {} bytes, {} paragraphs, {} footnotes, {} warnings",
        text.len(),
        imported.document.paragraph_count(),
        imported.document.footnotes.len(),
        imported.warnings.len()
    );
    c.bench_function("import 1000 paragraphs (~500 KB)", |b| {
        b.iter(|| import_str(black_box(&text), KindHint::Auto))
    });
    // Twice the size takes about twice the time: the import is linear.
    let double = generate(2000);
    c.bench_function("import 2000 paragraphs (~1 MB)", |b| {
        b.iter(|| import_str(black_box(&double), KindHint::Auto))
    });
    let doc = imported.document;
    c.bench_function("check 1000 paragraphs", |b| {
        b.iter(|| resdraft::check::check(black_box(&doc)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
