//! Speed of the comparison on a long draft: two revisions of a generated 1,000-paragraph
//! resolution differing in about 10% of paragraphs (word edits, insertions, deletions,
//! moves, and the renumbering and cross-references that follow), compared by id (target
//! < 20 ms) and by similarity with fresh ids as two separate imports would have (target
//! < 100 ms). With RESDRAFT_COMPARE_EXPORT=DIR set, the two versions are also written there
//! as text (old.txt, new.txt) for benches/compare-vs-git.sh.

use criterion::{Criterion, criterion_group, criterion_main};
use resdraft::compare::{Align, compare};
use resdraft::model::{Document, Id, Paragraph};
use std::hint::black_box;

const VERBS: [&str; 8] = [
    "Requests",
    "Urges",
    "Invites",
    "Encourages",
    "Calls upon",
    "Decides",
    "Stresses",
    "Notes",
];
const WORDS: [&str; 24] = [
    "Member",
    "States",
    "cooperation",
    "regional",
    "water",
    "aquifers",
    "monitoring",
    "data",
    "capacity",
    "finance",
    "urban",
    "planning",
    "Secretariat",
    "report",
    "session",
    "support",
    "technical",
    "assistance",
    "national",
    "authorities",
    "groundwater",
    "protection",
    "quality",
    "resources",
];

/// A deterministic pseudo-random sequence (no dependency needed for a fixed corpus).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
}

fn sentence(r: &mut Lcg, n: usize) -> String {
    (0..n)
        .map(|_| WORDS[r.next() % WORDS.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

fn generated(n: usize) -> Document {
    let mut r = Lcg(42);
    let mut d = Document {
        authoring_body: "The General Assembly".into(),
        ..Document::default()
    };
    d.header.title = "A generated resolution of great length".into();
    for i in 0..n {
        let len = 20 + r.next() % 30;
        let mut text = format!("{} {};", sentence(&mut r, len), i);
        if i % 25 == 7 && i > 10 {
            text = format!(
                "the work referred to in paragraph {} above, {}",
                i - 5,
                text
            );
        }
        let p = Paragraph::new(
            Id::new(format!("p{i}")),
            VERBS[r.next() % VERBS.len()],
            text,
        );
        if i < n / 10 {
            d.preamble.push(Paragraph::new(p.id, "Recalling", p.text));
        } else {
            d.operative.push(p);
        }
    }
    d
}

/// The next revision: ~10% of paragraphs edited, inserted, deleted or moved.
fn revised(old: &Document) -> Document {
    let mut r = Lcg(7);
    let mut d = old.clone();
    let n = d.operative.len();
    for _ in 0..40 {
        let i = r.next() % n;
        let p = &mut d.operative[i];
        p.text = format!("{} {}", sentence(&mut r, 3), p.text);
    }
    for k in 0..20 {
        let i = r.next() % d.operative.len();
        d.operative.remove(i);
        let j = r.next() % d.operative.len();
        let text = format!("{};", sentence(&mut r, 25));
        d.operative
            .insert(j, Paragraph::new(Id::new(format!("n{k}")), "Decides", text));
    }
    for _ in 0..15 {
        let i = r.next() % d.operative.len();
        let p = d.operative.remove(i);
        let j = r.next() % d.operative.len();
        d.operative.insert(j, p);
    }
    d
}

fn reimported(d: &Document) -> Document {
    let mut d = d.clone();
    for (k, p) in d
        .preamble
        .iter_mut()
        .chain(d.operative.iter_mut())
        .enumerate()
    {
        p.id = Id::new(format!("x{k}"));
    }
    d
}

fn bench(c: &mut Criterion) {
    let old = generated(1000);
    let new = revised(&old);
    let new_imported = reimported(&new);
    if let Some(dir) = std::env::var_os("RESDRAFT_COMPARE_EXPORT") {
        let dir = std::path::PathBuf::from(dir);
        let write = |name: &str, d: &Document| {
            if let Err(e) = std::fs::write(dir.join(name), resdraft::export::text(d, 80)) {
                eprintln!("cannot write {name}: {e}");
            }
        };
        write("old.txt", &old);
        write("new.txt", &new);
    }
    let s = compare(&old, &new, Align::ById).stat();
    eprintln!(
        "1,000 paragraphs: {} unchanged, {} renumbered, {} modified, {} inserted, {} deleted, {} moved",
        s.unchanged, s.renumbered, s.modified, s.inserted, s.deleted, s.moved
    );
    c.bench_function("compare 1000 paragraphs by id", |b| {
        b.iter(|| compare(black_box(&old), black_box(&new), Align::ById))
    });
    c.bench_function("compare 1000 paragraphs by similarity", |b| {
        b.iter(|| {
            compare(
                black_box(&old),
                black_box(&new_imported),
                Align::BySimilarity,
            )
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
