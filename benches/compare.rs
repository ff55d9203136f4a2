//! Speed of the comparison in process: two versions of a generated 1,000-paragraph
//! resolution (word edits in a tenth of the paragraphs, 1 % replaced, 1 % moved, with the
//! renumbering and cross-references that follow), compared by id and by similarity with
//! fresh ids as two separate imports would have; and the scaling series of the comparison by
//! similarity from 2,000 to 32,000 paragraphs (a tenth edited or replaced, 1 % moved), whose
//! time may at most multiply by 2.3 per doubling. Whole commands beside git:
//! benches/diff-vs-git.sh.

mod synth;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use resdraft::compare::{Align, compare};
use std::hint::black_box;
use synth::{Changes, generated, reimported, revised};

fn bench(c: &mut Criterion) {
    let old = generated(1000, 50, 50);
    let new = revised(
        &old,
        Changes {
            edits: 100,
            replaced: 10,
            moves: 10,
        },
    );
    let new_imported = reimported(&new);
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
    let mut g = c.benchmark_group("compare by similarity, scaling");
    g.sample_size(10);
    for n in [2000, 4000, 8000, 16000, 32000] {
        let old = generated(n, 50, 50);
        let new = reimported(&revised(&old, Changes::tenth(n)));
        g.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| compare(black_box(&old), black_box(&new), Align::BySimilarity))
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
