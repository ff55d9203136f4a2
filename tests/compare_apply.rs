//! The invariant of the comparison, as a property: applying the reported changes to the old
//! version yields the new version exactly, whether paragraphs are aligned by id or by
//! similarity, for related revisions (edits, insertions, deletions, moves) and unrelated ones.

use proptest::prelude::*;
use resdraft::compare::{self, Align};
use resdraft::model::{Document, Footnote, Id, Paragraph};

const WORDS: [&str; 16] = [
    "Member",
    "States",
    "the",
    "Convention",
    "gnomes",
    "garden",
    "paragraph",
    "3",
    "above",
    "report",
    "*Treaty*",
    "urges",
    "all",
    "of",
    "and",
    ",",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(&WORDS[..]), 0..12).prop_map(|w| w.join(" "))
}

/// A paragraph to build: lead, text, sub-paragraphs (lead, text).
type Spec = (String, String, Vec<(String, String)>);

fn para() -> impl Strategy<Value = Spec> {
    (
        prop::sample::select(&["Urges", "Requests", "", "Also invites"][..]).prop_map(String::from),
        text(),
        prop::collection::vec((Just(String::new()), text()), 0..3),
    )
}

fn build(pre: &[Spec], ops: &[Spec], next: &mut u32) -> Document {
    let mut mk = |(lead, text, subs): &Spec| {
        *next += 1;
        let mut p = Paragraph::new(Id::new(format!("p{next}")), lead.clone(), text.clone());
        for (l, t) in subs {
            *next += 1;
            p.subparagraphs.push(Paragraph::new(
                Id::new(format!("p{next}")),
                l.clone(),
                t.clone(),
            ));
        }
        p
    };
    let preamble = pre.iter().map(&mut mk).collect();
    let operative = ops.iter().map(&mut mk).collect();
    Document {
        preamble,
        operative,
        ..Document::default()
    }
}

#[derive(Debug, Clone)]
enum Mutation {
    Edit(usize, String),
    Insert(usize, String),
    Delete(usize),
    Move(usize, usize),
    Sponsor(String),
    Footnote(String),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), text()).prop_map(|(i, t)| Mutation::Edit(i, t)),
        (any::<usize>(), text()).prop_map(|(i, t)| Mutation::Insert(i, t)),
        any::<usize>().prop_map(Mutation::Delete),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::Move(a, b)),
        text().prop_map(Mutation::Sponsor),
        text().prop_map(Mutation::Footnote),
    ]
}

fn mutate(d: &mut Document, m: &Mutation, next: &mut u32) {
    let n = d.operative.len();
    match m {
        Mutation::Edit(i, t) if n > 0 => d.operative[i % n].text = t.clone(),
        Mutation::Insert(i, t) => {
            *next += 1;
            d.operative.insert(
                i % (n + 1),
                Paragraph::new(Id::new(format!("p{next}")), "Decides", t.clone()),
            );
        }
        Mutation::Delete(i) if n > 0 => {
            d.operative.remove(i % n);
        }
        Mutation::Move(a, b) if n > 0 => {
            let p = d.operative.remove(a % n);
            d.operative.insert(b % n, p);
        }
        Mutation::Sponsor(s) => d.header.sponsors.push(s.clone()),
        Mutation::Footnote(t) => {
            *next += 1;
            d.footnotes.push(Footnote {
                id: Id::new(format!("f{next}")),
                anchor: Id::new("p1"),
                text: t.clone(),
            });
        }
        _ => {}
    }
}

/// The same document with every id renamed, as a second import of the text would give.
fn reimported(d: &Document) -> Document {
    fn rename(p: &mut Paragraph) {
        p.id = Id::new(format!("x{}", p.id));
        p.subparagraphs.iter_mut().for_each(rename);
    }
    let mut d = d.clone();
    d.preamble
        .iter_mut()
        .chain(d.operative.iter_mut())
        .for_each(rename);
    d
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn applying_the_changes_yields_the_new_version(
        pre in prop::collection::vec(para(), 0..4),
        ops in prop::collection::vec(para(), 0..8),
        muts in prop::collection::vec(mutation(), 0..6),
    ) {
        let mut next = 0;
        let old = build(&pre, &ops, &mut next);
        let mut new = old.clone();
        for m in &muts {
            mutate(&mut new, m, &mut next);
        }
        for align in [Align::ById, Align::BySimilarity, Align::Auto] {
            let cmp = compare::compare(&old, &new, align);
            prop_assert_eq!(&compare::apply(&old, &cmp).map_err(|e| TestCaseError::fail(e.to_string()))?, &new);
        }
        let renamed = reimported(&new);
        let cmp = compare::compare(&old, &renamed, Align::BySimilarity);
        prop_assert_eq!(&compare::apply(&old, &cmp).map_err(|e| TestCaseError::fail(e.to_string()))?, &renamed);
        // No change reported means no change.
        prop_assert_eq!(compare::compare(&old, &new, Align::ById).is_identical(), old == new);
    }

    #[test]
    fn unrelated_versions_replay_too(
        a in prop::collection::vec(para(), 0..5),
        b in prop::collection::vec(para(), 0..5),
        c in prop::collection::vec(para(), 0..5),
    ) {
        let mut next = 0;
        let old = build(&a, &b, &mut next);
        let new = build(&c, &a, &mut next);
        let cmp = compare::compare(&old, &new, Align::Auto);
        prop_assert_eq!(&compare::apply(&old, &cmp).map_err(|e| TestCaseError::fail(e.to_string()))?, &new);
    }
}
