//! Property tests of the model operations: any random sequence of operations on a random
//! resolution keeps numbers contiguous, ids unique, footnote anchors right and every word of
//! text present, and undoing the whole sequence gives back the original document exactly
//! (redoing it gives back the final one).
//!
//! “Every word present” is checked precisely as follows: the multiset of whitespace-separated
//! words of all leads and texts (markup and footnote markers stripped), after dropping a
//! word's trailing `, ; . :` (end punctuation is set by position), writing each run of
//! digits as one `#` (reference numbers are rewritten), dropping sub-paragraph labels such
//! as `(b)` (a reference to a demoted paragraph gains one), dropping the mark of a
//! reference to a deleted paragraph (“paragraph [deleted: 3] above” counts as “paragraph 3
//! above”) and counting “above”/“below” as one word, must equal the original multiset plus the words of inserted or newly typed text
//! minus the words of deleted paragraphs. Generated references are “paragraph N
//! above/below”, “paragraphs N and M” and “paragraph N (a)” (a range “N to M” may
//! legitimately become “N and M”). Splits are made at word boundaries, and generated texts
//! never end in “and”/“or” (an ending “; and” legitimately loses its “and” when the
//! paragraph becomes last).

mod common;

use proptest::prelude::*;
use resdraft::markup;
use resdraft::model::{DocKind, Document, Footnote, Id, Paragraph, Part};
use resdraft::numbering;
use resdraft::ops::{self, Op, Transaction};
use std::collections::{BTreeMap, HashSet};

const WORDS: &[&str] = &[
    "States",
    "Member",
    "report",
    "measures,",
    "the",
    "Commission",
    "*Treaty Series*",
    "“Personnel”",
    "(A/75/1)",
    "with",
    "aquifers",
    "**all**",
    "é",
];
const LEADS: &[&str] = &["", "Decides", "Also requests", "Recalling", "Urges"];
const ENDS: &[&str] = &["", ";", ",", ".", ":"];

/// A generated text: words, an optional cross-reference, an end mark, a footnote marker.
#[derive(Debug, Clone)]
struct TextSpec {
    words: Vec<usize>,
    reference: Option<(u8, u8, u8)>,
    end: usize,
    marker: bool,
}

fn text_spec() -> impl Strategy<Value = TextSpec> {
    (
        prop::collection::vec(0..WORDS.len(), 0..6),
        prop::option::weighted(0.4, (0u8..4, 1u8..7, 1u8..7)),
        0..ENDS.len(),
        prop::bool::weighted(0.2),
    )
        .prop_map(|(words, reference, end, marker)| TextSpec {
            words,
            reference,
            end,
            marker,
        })
}

#[derive(Debug, Clone)]
struct ParaSpec {
    lead: usize,
    text: TextSpec,
    subs: Vec<ParaSpec>,
}

fn para_spec() -> impl Strategy<Value = ParaSpec> {
    let leaf = (0..LEADS.len(), text_spec()).prop_map(|(lead, text)| ParaSpec {
        lead,
        text,
        subs: Vec::new(),
    });
    leaf.prop_recursive(2, 12, 3, |inner| {
        (
            0..LEADS.len(),
            text_spec(),
            prop::collection::vec(inner, 0..3),
        )
            .prop_map(|(lead, text, subs)| ParaSpec { lead, text, subs })
    })
}

/// Builds the text; footnote markers get fresh footnotes anchored to `id`.
fn build_text(t: &TextSpec, id: &Id, footnotes: &mut Vec<Footnote>) -> String {
    let mut words: Vec<String> = t.words.iter().map(|w| WORDS[*w].to_string()).collect();
    if let Some((form, a, b)) = t.reference {
        let r = match form {
            0 => format!("paragraph {a} above"),
            1 => format!("paragraph {a} below"),
            2 => format!("paragraphs {a} and {b}"),
            _ => format!("paragraph {a} (a)"),
        };
        let at = words.len() / 2;
        words.insert(at, r);
    }
    let mut s = words.join(" ");
    s.push_str(ENDS[t.end]);
    if t.marker {
        let f = Id(format!("f{}", footnotes.len() + 1));
        s.push_str(&markup::marker(&f));
        footnotes.push(Footnote {
            id: f,
            anchor: id.clone(),
            text: "A footnote.".into(),
        });
    }
    s
}

fn build_para(spec: &ParaSpec, next: &mut usize, footnotes: &mut Vec<Footnote>) -> Paragraph {
    *next += 1;
    let id = Id(format!("p{next}"));
    let text = build_text(&spec.text, &id, footnotes);
    let mut p = Paragraph::new(id, LEADS[spec.lead], text);
    p.subparagraphs = spec
        .subs
        .iter()
        .map(|s| build_para(s, next, footnotes))
        .collect();
    p
}

fn document() -> impl Strategy<Value = Document> {
    (
        prop::collection::vec(para_spec(), 0..4),
        prop::collection::vec(para_spec(), 0..7),
    )
        .prop_map(|(pre, op)| {
            let mut d = Document::new(DocKind::Resolution);
            let mut next = 0;
            let mut footnotes = Vec::new();
            d.preamble = pre
                .iter()
                .map(|s| build_para(s, &mut next, &mut footnotes))
                .collect();
            d.operative = op
                .iter()
                .map(|s| build_para(s, &mut next, &mut footnotes))
                .collect();
            d.footnotes = footnotes;
            d
        })
}

/// An operation named by indices, resolved against the document as it stands.
#[derive(Debug, Clone)]
struct OpSpec {
    kind: u8,
    a: usize,
    b: usize,
    text: TextSpec,
}

fn op_spec() -> impl Strategy<Value = OpSpec> {
    (0u8..15, any::<usize>(), any::<usize>(), text_spec()).prop_map(|(kind, a, b, mut text)| {
        text.marker = false;
        OpSpec { kind, a, b, text }
    })
}

fn normal_words(s: &str) -> Vec<String> {
    markup::strip(s)
        .replace("[deleted: ", "")
        .split_whitespace()
        .filter_map(|w| {
            let w = w.trim_end_matches([']', ',', ';', '.', ':']);
            let is_label = w.len() > 2
                && w.starts_with('(')
                && w.ends_with(')')
                && w[1..w.len() - 1].chars().all(|c| c.is_ascii_lowercase());
            if w.is_empty() || is_label {
                return None;
            }
            if w == "above" || w == "below" {
                return Some("above|below".to_string());
            }
            // Merging two paragraphs joins the second opening phrase in lower case
            // ("Decides" → "…; decides"): words are compared whatever their case.
            let mut out = String::new();
            for c in w.to_lowercase().chars() {
                if !c.is_ascii_digit() {
                    out.push(c);
                } else if !out.ends_with('#') {
                    out.push('#');
                }
            }
            // Case does not count: a merge joins the next opening phrase in lower case.
            Some(out.to_lowercase())
        })
        .collect()
}

type Bag = BTreeMap<String, i64>;

fn add(bag: &mut Bag, p: &Paragraph, sign: i64) {
    p.walk(&mut |q| {
        for w in normal_words(&q.lead)
            .into_iter()
            .chain(normal_words(&q.text))
        {
            *bag.entry(w).or_default() += sign;
        }
    });
}

fn bag(doc: &Document) -> Bag {
    let mut b = Bag::new();
    for (_, list) in doc.parts() {
        for p in list {
            add(&mut b, p, 1);
        }
    }
    b.retain(|_, n| *n != 0);
    b
}

fn pick(doc: &Document, i: usize) -> Option<Id> {
    let all = doc.paragraphs();
    (!all.is_empty()).then(|| all[i % all.len()].0.id.clone())
}

/// The operation to try, and the words it adds and removes.
fn resolve(doc: &Document, s: &OpSpec) -> Option<(Op, Bag)> {
    let mut footnotes = Vec::new();
    let fresh = doc.fresh_id("p");
    let new_para = Paragraph::new(
        fresh.clone(),
        LEADS[s.b % LEADS.len()],
        build_text(&s.text, &fresh, &mut footnotes),
    );
    let mut delta = Bag::new();
    let id = pick(doc, s.a);
    let op = match s.kind {
        0 => Op::InsertAfter {
            target: id?,
            paragraph: new_para.clone(),
        },
        1 => Op::InsertBefore {
            target: id?,
            paragraph: new_para.clone(),
        },
        2 => Op::Append {
            part: if s.b.is_multiple_of(2) {
                Part::Operative
            } else {
                Part::Preamble
            },
            paragraph: new_para.clone(),
        },
        3 => Op::InsertSub {
            parent: id?,
            index: (!s.b.is_multiple_of(3)).then_some(s.b % 4),
            paragraph: new_para.clone(),
        },
        4 => Op::Delete { id: id? },
        5 => Op::MoveUp { id: id? },
        6 => Op::MoveDown { id: id? },
        7 => Op::MoveTo {
            id: id?,
            index: s.b % 8,
        },
        8 => Op::Demote { id: id? },
        9 => Op::Promote { id: id? },
        10 => {
            let id = id?;
            let text = &doc.find(&id)?.text;
            let spaces: Vec<usize> = text.match_indices(' ').map(|(i, _)| i).collect();
            let at = if spaces.is_empty() {
                text.len()
            } else {
                spaces[s.b % spaces.len()]
            };
            Op::Split { id, at }
        }
        11 => Op::Merge { id: id? },
        12 => {
            let id = id?;
            let old = doc.find(&id)?;
            add(
                &mut delta,
                &Paragraph::new(id.clone(), &old.lead, &old.text),
                -1,
            );
            Op::SetText {
                id,
                lead: new_para.lead.clone(),
                text: new_para.text.clone(),
            }
        }
        13 => Op::Renumber,
        _ => Op::MoveTo {
            id: id?,
            index: s.b % 3,
        },
    };
    match &op {
        Op::InsertAfter { .. }
        | Op::InsertBefore { .. }
        | Op::Append { .. }
        | Op::InsertSub { .. }
        | Op::SetText { .. } => add(&mut delta, &new_para, 1),
        Op::Delete { id } => add(&mut delta, doc.find(id)?, -1),
        _ => {}
    }
    Some((op, delta))
}

fn check_invariants(doc: &Document) {
    let ids = doc.all_ids();
    let unique: HashSet<&Id> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "ids are unique");
    for (i, _) in doc.operative.iter().enumerate() {
        assert_eq!(
            numbering::number(doc, Part::Operative, i),
            Some(i as u32 + 1)
        );
    }
    doc.walk(&mut |p, loc| {
        let labels: Vec<String> = (0..p.subparagraphs.len())
            .map(|i| numbering::printed_sub_label(loc.path.len(), i, p.list_style))
            .collect();
        let distinct: HashSet<&String> = labels.iter().collect();
        assert_eq!(
            distinct.len(),
            labels.len(),
            "sub-paragraph labels are distinct"
        );
        for m in markup::markers(&p.text) {
            if let Some(f) = doc.footnote(&m) {
                assert_eq!(f.anchor, p.id, "footnote anchor follows its marker");
            }
        }
    });
    for f in &doc.footnotes {
        assert!(
            doc.find(&f.anchor).is_some(),
            "footnote anchored to a paragraph"
        );
    }
}

/// After a full renumbering every non-empty text ends with the mark its position asks for.
fn check_punctuation(doc: &Document) {
    fn last_mark(text: &str) -> Option<char> {
        let mut s = text.trim_end();
        while let Some(open) = s.rfind("[^").filter(|_| s.ends_with(']')) {
            s = s[..open].trim_end();
        }
        s.chars().last()
    }
    // `item` ends the items of a series before the last: a comma in a preamble.
    fn walk(p: &Paragraph, terminal: char, item: char) {
        let want = if p.subparagraphs.is_empty() {
            terminal
        } else {
            ':'
        };
        if !markup::strip(&p.text).trim().is_empty() {
            assert_eq!(last_mark(&p.text), Some(want), "end of {:?}", p.text);
        }
        let n = p.subparagraphs.len();
        for (i, sp) in p.subparagraphs.iter().enumerate() {
            walk(sp, if i + 1 == n { terminal } else { item }, item);
        }
    }
    for p in &doc.preamble {
        walk(p, ',', ',');
    }
    let n = doc.operative.len();
    for (i, p) in doc.operative.iter().enumerate() {
        walk(p, if i + 1 == n { '.' } else { ';' }, ';');
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    #[test]
    fn random_operations_keep_the_document_whole_and_undo_exactly(
        original in document(),
        specs in prop::collection::vec(op_spec(), 0..30),
    ) {
        let mut doc = original.clone();
        let mut expected = bag(&doc);
        let mut undos: Vec<Transaction> = Vec::new();
        for s in &specs {
            let Some((op, delta)) = resolve(&doc, s) else { continue };
            let before = doc.clone();
            let renumber = matches!(op, Op::Renumber);
            let mut reread = doc.clone();
            let expected_change = ops::apply_rereading_all(&mut reread, op.clone());
            let change = ops::apply(&mut doc, op);
            prop_assert_eq!(&change, &expected_change, "re-reading only what may change changes nothing");
            prop_assert_eq!(&doc, &reread);
            match change {
                Ok(change) => {
                    for (w, n) in delta {
                        *expected.entry(w).or_default() += n;
                    }
                    expected.retain(|_, n| *n != 0);
                    undos.push(change.undo);
                }
                Err(_) => prop_assert_eq!(&doc, &before, "a failed operation changes nothing"),
            }
            check_invariants(&doc);
            prop_assert_eq!(&bag(&doc), &expected, "no word lost or invented");
            if renumber {
                check_punctuation(&doc);
            }
        }
        let last = doc.clone();
        let mut redos = Vec::new();
        for t in undos.iter().rev() {
            redos.push(ops::undo(&mut doc, t));
        }
        prop_assert_eq!(&doc, &original, "undoing everything gives back the original");
        for t in redos.iter().rev() {
            ops::undo(&mut doc, t);
        }
        prop_assert_eq!(&doc, &last, "redoing everything gives back the final document");
    }
}

/// The real texts: every operation on every paragraph undoes exactly, and references to
/// other instruments (“article 6, paragraph 1, of the … Protocol”) are never rewritten.
#[test]
fn real_texts_survive_every_operation() {
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let Ok(entries) = std::fs::read_dir(&corpus) else {
        common::skip(
            "real_texts_survive_every_operation",
            &format!("no corpus at {}", corpus.display()),
        );
        return;
    };
    let external = [
        "article 6, paragraph 1, of the Smuggling of Migrants Protocol",
        "article 32, paragraph 3, of the",
        "rule 2, paragraph 2, of the rules of procedure",
    ];
    let count = |doc: &Document, s: &str| {
        doc.paragraphs()
            .iter()
            .filter(|(p, _)| p.text.contains(s))
            .count()
    };
    for e in entries.flatten() {
        let path = e.path();
        if path.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        let Ok(imported) = resdraft::import::import_file(&path, resdraft::import::KindHint::Auto)
        else {
            continue;
        };
        let original = imported.document;
        let ids: Vec<Id> = original
            .paragraphs()
            .iter()
            .map(|(p, _)| p.id.clone())
            .collect();
        for id in &ids {
            for op in [
                Op::Delete { id: id.clone() },
                Op::MoveUp { id: id.clone() },
                Op::MoveDown { id: id.clone() },
                Op::MoveTo {
                    id: id.clone(),
                    index: 0,
                },
                Op::Demote { id: id.clone() },
                Op::Promote { id: id.clone() },
                Op::Merge { id: id.clone() },
                Op::Split {
                    id: id.clone(),
                    at: 0,
                },
            ] {
                let mut doc = original.clone();
                let mut reread = original.clone();
                let expected = ops::apply_rereading_all(&mut reread, op.clone());
                let got = ops::apply(&mut doc, op.clone());
                assert_eq!(got, expected, "{}: {op:?}", path.display());
                assert_eq!(doc, reread, "{}: {op:?}", path.display());
                if let Ok(change) = got {
                    check_invariants(&doc);
                    for s in external.iter().filter(|_| !matches!(op, Op::Delete { .. })) {
                        assert_eq!(count(&doc, s), count(&original, s), "{op:?}: {s}");
                    }
                    ops::undo(&mut doc, &change.undo);
                    assert_eq!(doc, original, "{}: {op:?}", path.display());
                }
            }
        }
    }
}

/// Words the editorial check has something to say about, typed into paragraphs between
/// the operations of the incremental-check property.
const SPICE: &[&str] = &[
    " to organise",
    " the \"Lighthouse\"",
    "  twice",
    " the keepers' lenses",
    " Member\u{200B}States",
    " noted¹",
    " as in paragraph 99 above",
    "",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// The incremental check (a [`resdraft::check::Memo`] kept over the whole session, as
    /// the editor keeps one) finds exactly what a check from scratch finds, after every
    /// operation, every word typed and every undo.
    #[test]
    fn incremental_check_finds_what_a_full_check_finds(
        original in document(),
        steps in prop::collection::vec((op_spec(), 0..SPICE.len(), any::<usize>()), 0..24),
    ) {
        let mut doc = original;
        let mut memo = resdraft::check::Memo::default();
        prop_assert_eq!(memo.check(&doc), resdraft::check::check(&doc));
        let mut undos: Vec<Transaction> = Vec::new();
        for (s, spice, at) in &steps {
            if let Some((op, _)) = resolve(&doc, s)
                && let Ok(change) = ops::apply(&mut doc, op)
            {
                undos.push(change.undo);
            }
            if let Some(id) = pick(&doc, *at)
                && let Some(p) = doc.find(&id)
            {
                let op = Op::SetText {
                    id: id.clone(),
                    lead: p.lead.clone(),
                    text: format!("{}{}", p.text, SPICE[*spice]),
                };
                if let Ok(change) = ops::apply(&mut doc, op) {
                    undos.push(change.undo);
                }
            }
            prop_assert_eq!(memo.check(&doc), resdraft::check::check(&doc));
        }
        for t in undos.iter().rev().take(steps.len() / 2) {
            ops::undo(&mut doc, t);
            prop_assert_eq!(memo.check(&doc), resdraft::check::check(&doc));
        }
    }
}
