//! Amendments are exact in both directions: the amendments that `diff --format amendments`
//! writes for OLD → NEW, parsed back and applied to OLD, give NEW (the same words, structure
//! and order). Checked on the fixture pairs, on random edit sequences of a fixture draft, and
//! on every pair of the real corpus (../shared, required under CI).

use proptest::prelude::*;
use resdraft::amend::{self, apply::Selected};
use resdraft::compare::{self, Align, amendments::amendments};
use resdraft::import::{KindHint, import_file};
use resdraft::markup;
use resdraft::model::{Document, Id, Paragraph, Part};
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The words of a text: markup stripped, footnote markers as their footnote's text.
fn words(doc: &Document, s: &str) -> String {
    let r = markup::render(s, |id| {
        let t = doc.footnote(id).map(|f| markup::strip(&f.text));
        format!("[{}]", t.unwrap_or_default())
    });
    r.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What must survive: title, every paragraph's depth and words in order, in every list (the
/// resolution's preamble and operative part, its parts', its annexes'), and the structure
/// around them: each heading (level, label, words) before its paragraph, each part's label
/// and heading, each annex's label and title, each annex section's level, label and heading.
fn shape(doc: &Document) -> Vec<String> {
    fn rec(doc: &Document, p: &Paragraph, depth: usize, out: &mut Vec<String>) {
        out.push(format!("{depth}|{}", words(doc, &p.full_text())));
        for s in &p.subparagraphs {
            rec(doc, s, depth + 1, out);
        }
    }
    let mut out = vec![format!("title|{}", words(doc, &doc.header.title))];
    for (part, list) in doc.parts() {
        match part {
            Part::Section(_) => continue,
            Part::PartPreamble(k) => {
                let x = &doc.parts[k];
                out.push(format!("part {}|{}", x.label, words(doc, &x.heading)));
            }
            Part::Annex(a) => {
                let x = &doc.annexes[a];
                out.push(format!("annex {}|{}", x.label, words(doc, &x.title)));
            }
            Part::AnnexSection(a, s) => {
                let x = &doc.annexes[a].sections[s];
                let w = words(doc, &x.heading);
                out.push(format!("annex section {} {}|{w}", x.level, x.label));
            }
            _ => {}
        }
        out.push(format!("{part:?} {}", list.len()));
        for p in list {
            for h in doc.headings_before(&p.id) {
                let w = words(doc, &h.heading);
                out.push(format!("heading {} {}|{w}", h.level, h.label));
            }
            rec(doc, p, 0, &mut out);
        }
    }
    out
}

/// Writes the amendments OLD → NEW, reads them back, applies them to OLD; returns the
/// number of instructions.
fn round_trip(name: &str, old: &Document, new: &Document, align: Align) -> usize {
    round_trip_reporting(name, old, new, align, &[]).unwrap_or(0)
}

/// [`round_trip`], where the writer may say it cannot write a change whose report starts
/// with one of `may_report` (`None`: it said so, and nothing more is checked).
fn round_trip_reporting(
    name: &str,
    old: &Document,
    new: &Document,
    align: Align,
    may_report: &[&str],
) -> Option<usize> {
    let cmp = compare::compare(old, new, align);
    let written = amendments(old, new, &cmp);
    if !written.unwritten.is_empty() {
        assert!(
            written
                .unwritten
                .iter()
                .all(|u| may_report.iter().any(|m| u.starts_with(m))),
            "{name}: not written as amendments: {:?}",
            written.unwritten
        );
        return None;
    }
    let text = written.text();
    if text.is_empty() {
        assert_eq!(
            shape(old),
            shape(new),
            "{name}: no amendments for different texts"
        );
        return Some(0);
    }
    let parsed = amend::parse_document(&text)
        .unwrap_or_else(|e| panic!("{name}: the amendments do not parse: {e:?}\n{text}"));
    assert_eq!(
        parsed.instructions.len(),
        written.instructions.len(),
        "{name}"
    );
    let selected: Vec<Selected> = parsed
        .instructions
        .iter()
        .map(|i| Selected {
            name,
            amendment: &parsed,
            instruction: i,
        })
        .collect();
    let applied = amend::apply(old, &selected);
    assert!(
        applied.errors.is_empty(),
        "{name}: {:?}\n{text}",
        applied.errors
    );
    let (want, got) = (shape(new), shape(&applied.document));
    if want != got {
        let strip = |v: &[String]| -> Vec<String> {
            v.iter().filter(|l| l.contains('|')).cloned().collect()
        };
        let (w2, g2) = (strip(&want), strip(&got));
        if let Some(k) = w2.iter().zip(&g2).position(|(a, b)| a != b) {
            eprintln!(
                "{name}: first different paragraph {k}:\n  want {:?}\n  got  {:?}",
                w2[k], g2[k]
            );
        } else {
            let n = w2.len().min(g2.len());
            eprintln!(
                "{name}: extra paragraphs:\n  want {:?}\n  got  {:?}",
                &w2[n..],
                &g2[n..]
            );
        }
        let k = want.iter().zip(&got).position(|(a, b)| a != b).unwrap_or(0);
        panic!(
            "{name}: applying the amendments does not give the new text at {k}:\n  want {:?}\n  got  {:?}\n{text}",
            want.get(k),
            got.get(k)
        );
    }
    Some(parsed.instructions.len())
}

fn import(path: &std::path::Path) -> Document {
    import_file(path, KindHint::Auto)
        .unwrap_or_else(|e| panic!("{e}"))
        .document
}

#[test]
fn fixture_pairs_round_trip() {
    let sample = resdraft::draftfile::load(&root().join("drafts/sample-resolution.toml")).unwrap();
    let rev = &sample.revisions.last().expect("a revision").document;
    assert!(round_trip("sample", rev, &sample.document, Align::ById) > 0);
    let l3 = import(&root().join("tests/fixtures/compare/l3.txt"));
    let l3r = import(&root().join("tests/fixtures/compare/l3-rev1.txt"));
    assert!(round_trip("l3", &l3, &l3r, Align::Auto) > 0);
    round_trip("l3 back", &l3r, &l3, Align::Auto);
}

/// A random edit of the fixture draft.
#[derive(Debug, Clone)]
enum Edit {
    DeletePara(usize),
    InsertPara(usize, usize),
    MovePara(usize, usize),
    Words(usize, usize, usize, usize),
    DeleteSub(usize),
    AddSub(usize, usize),
    Title(usize),
    /// A heading before the `k`-th paragraph of the resolution's or a part's lists.
    AddHeading(usize, usize),
    DeleteHeading(usize),
    /// A part (with a preamble and an operative part) or an annex added after the last; the
    /// last one deleted (parts and annexes pair by position, so one deleted in the middle
    /// reads as the following ones changed).
    AddPart(usize),
    DeletePart,
    AddAnnex(usize),
    DeleteAnnex,
}

const NEW_WORDS: &[&str] = &[
    "States",
    "and",
    "the",
    "in particular",
    "Member States",
    ",",
    "parties",
    "2030",
    "Secretary-General",
    "non‑traditional",
    "“Personnel”",
];

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0usize..100).prop_map(Edit::DeletePara),
        (0usize..100, 0usize..NEW_WORDS.len()).prop_map(|(a, b)| Edit::InsertPara(a, b)),
        (0usize..100, 0usize..100).prop_map(|(a, b)| Edit::MovePara(a, b)),
        (0usize..100, 0usize..400, 0usize..4, 0usize..NEW_WORDS.len())
            .prop_map(|(a, b, c, d)| Edit::Words(a, b, c, d)),
        (0usize..100).prop_map(Edit::DeleteSub),
        (0usize..100, 0usize..NEW_WORDS.len()).prop_map(|(a, b)| Edit::AddSub(a, b)),
        (0usize..NEW_WORDS.len()).prop_map(Edit::Title),
        (0usize..100, 0usize..NEW_WORDS.len()).prop_map(|(a, b)| Edit::AddHeading(a, b)),
        (0usize..100).prop_map(Edit::DeleteHeading),
        (0usize..NEW_WORDS.len()).prop_map(Edit::AddPart),
        Just(Edit::DeletePart),
        (0usize..NEW_WORDS.len()).prop_map(Edit::AddAnnex),
        Just(Edit::DeleteAnnex),
    ]
}

fn fresh(doc: &Document) -> Id {
    doc.fresh_id("p")
}

/// The lists of paragraphs an edit may touch: every list but a report's sections.
fn lists(doc: &Document) -> Vec<(Part, usize)> {
    doc.parts()
        .into_iter()
        .filter(|(p, _)| !matches!(p, Part::Section(_)))
        .map(|(p, l)| (p, l.len()))
        .collect()
}

/// The list and index of the `k`-th paragraph of all lists (wrapping around).
fn nth(doc: &Document, k: usize) -> Option<(Part, usize)> {
    let ls = lists(doc);
    let total: usize = ls.iter().map(|(_, n)| n).sum();
    if total == 0 {
        return None;
    }
    let mut k = k % total;
    for (p, n) in ls {
        if k < n {
            return Some((p, k));
        }
        k -= n;
    }
    None
}

/// Applies an edit; indices wrap around what exists. Labels of headings, parts and annexes
/// that ran in sequence follow, as in the editor.
fn perform(doc: &mut Document, e: &Edit) {
    let before = doc.clone();
    perform_edit(doc, e);
    resdraft::ops::follow_labels(&before, doc);
}

fn perform_edit(doc: &mut Document, e: &Edit) {
    let para = |doc: &Document, lead: &str, w: usize| {
        Paragraph::new(
            doc.fresh_id("p"),
            lead,
            format!("to keep {} in order;", NEW_WORDS[w]),
        )
    };
    match *e {
        Edit::AddHeading(k, w) => {
            let tops: Vec<Id> = lists(doc)
                .into_iter()
                .filter(|(p, _)| p.annex().is_none())
                .flat_map(|(p, _)| doc.part(p).unwrap().iter().map(|x| x.id.clone()))
                .collect();
            if tops.is_empty() {
                return;
            }
            let before = tops[k % tops.len()].clone();
            let at = doc
                .headings
                .iter()
                .position(|h| {
                    let key = |id: &Id| doc.locate(id).map(|l| (l.part.order_key(), l.path));
                    key(&h.before) >= key(&before)
                })
                .unwrap_or(doc.headings.len());
            let id = doc.fresh_id("h");
            doc.headings.insert(
                at,
                resdraft::model::Heading {
                    id,
                    level: 1,
                    label: "I".into(),
                    heading: format!("Matters of {}", NEW_WORDS[w]),
                    before,
                },
            );
        }
        Edit::DeleteHeading(k) if !doc.headings.is_empty() => {
            let n = doc.headings.len();
            doc.headings.remove(k % n);
        }
        Edit::AddPart(w) => {
            let label = resdraft::numbering::roman(doc.parts.len() + 1).to_uppercase();
            let mut part = resdraft::model::ResolutionPart {
                id: doc.fresh_id("part"),
                label,
                heading: format!("Keepers of {}", NEW_WORDS[w]),
                ..Default::default()
            };
            part.preamble.push(para(doc, "Recalling", w));
            let p = para(doc, "Decides", w);
            let mut q = p.clone();
            q.id = Id(format!("{}x", p.id));
            part.operative = vec![p, q];
            doc.parts.push(part);
        }
        Edit::DeletePart if !doc.parts.is_empty() => {
            let gone = doc.parts.pop().unwrap();
            let mut ids = std::collections::HashSet::new();
            for p in gone.preamble.iter().chain(&gone.operative) {
                ids.insert(p.id.clone());
            }
            doc.headings.retain(|h| !ids.contains(&h.before));
        }
        Edit::AddAnnex(w) => {
            let label = if doc.annexes.is_empty() {
                String::new()
            } else {
                resdraft::numbering::roman(doc.annexes.len() + 1).to_uppercase()
            };
            let p = Paragraph::new(
                doc.fresh_id("p"),
                "",
                format!("The keepers keep {} in order.", NEW_WORDS[w]),
            );
            doc.annexes.push(resdraft::model::Annex {
                id: doc.fresh_id("annex"),
                label,
                title: format!("Rules for {}", NEW_WORDS[w]),
                paragraphs: vec![p],
                ..Default::default()
            });
        }
        Edit::DeleteAnnex => {
            doc.annexes.pop();
        }
        Edit::DeleteHeading(_) | Edit::DeletePart => {}
        Edit::DeletePara(k) => {
            let Some((p, i)) = nth(doc, k) else { return };
            let list = doc.part_mut(p).unwrap();
            let gone = list.remove(i).id;
            // A heading before it stands before the next paragraph (goes with the last).
            match list.get(i).map(|x| x.id.clone()) {
                Some(next) => doc
                    .headings
                    .iter_mut()
                    .filter(|h| h.before == gone)
                    .for_each(|h| h.before = next.clone()),
                None => doc.headings.retain(|h| h.before != gone),
            }
        }
        Edit::InsertPara(k, w) => {
            let id = fresh(doc);
            let Some((p, i)) = nth(doc, k) else { return };
            let lead = if p.is_preamble() {
                "Recalling"
            } else if p.is_operative() {
                "Decides"
            } else {
                ""
            };
            let text = if lead.is_empty() {
                format!("We consider {} anew;", NEW_WORDS[w])
            } else {
                format!("to consider {} anew;", NEW_WORDS[w])
            };
            doc.part_mut(p)
                .unwrap()
                .insert(i, Paragraph::new(id, lead, text));
        }
        Edit::MovePara(a, b) => {
            let Some((p, i)) = nth(doc, a) else { return };
            let l = doc.part_mut(p).unwrap();
            let x = l.remove(i);
            let j = b % (l.len() + 1);
            l.insert(j, x);
        }
        Edit::Words(k, at, what, w) => {
            let Some((p, i)) = nth(doc, k) else { return };
            let p = &mut doc.part_mut(p).unwrap()[i];
            let tokens: Vec<String> = p.text.split(' ').map(String::from).collect();
            if tokens.is_empty() {
                return;
            }
            let at = at % tokens.len();
            let mut t = tokens.clone();
            match what {
                0 => t.insert(at, NEW_WORDS[w].to_string()),
                1 if t.len() > 1 => {
                    t.remove(at);
                }
                _ => t[at] = NEW_WORDS[w].to_string(),
            }
            p.text = t.join(" ");
        }
        Edit::DeleteSub(k) => {
            let Some((p, i)) = nth(doc, k) else { return };
            let p = &mut doc.part_mut(p).unwrap()[i];
            if !p.subparagraphs.is_empty() {
                let j = k % p.subparagraphs.len();
                p.subparagraphs.remove(j);
            }
        }
        Edit::AddSub(k, w) => {
            let id = fresh(doc);
            let Some((p, i)) = nth(doc, k) else { return };
            let p = &mut doc.part_mut(p).unwrap()[i];
            let j = k % (p.subparagraphs.len() + 1);
            p.subparagraphs.insert(
                j,
                Paragraph::new(id, "", format!("{} in all cases;", NEW_WORDS[w])),
            );
        }
        Edit::Title(w) => doc.header.title = format!("{} {}", doc.header.title, NEW_WORDS[w]),
    }
}

/// Two moves that leave a moved paragraph with no unmoved paragraph before it: it is named
/// by the unmoved one that follows it, never by the other moved one (a cycle that lost both).
#[test]
fn moves_to_the_top_of_a_part_round_trip() {
    let sample = resdraft::draftfile::load(&root().join("drafts/sample-resolution.toml")).unwrap();
    let old = sample.document.clone();
    let mut new = old.clone();
    for e in [Edit::MovePara(77, 9), Edit::MovePara(29, 63)] {
        perform(&mut new, &e);
    }
    assert!(round_trip("moves", &old, &new, Align::ById) > 0);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]
    #[test]
    fn random_edit_sequences_round_trip(edits in prop::collection::vec(edit(), 1..8)) {
        let sample = resdraft::draftfile::load(&root().join("drafts/sample-resolution.toml")).unwrap();
        let old = sample.document.clone();
        let mut new = old.clone();
        for e in &edits {
            perform(&mut new, e);
        }
        // Footnotes whose marker went with a deleted paragraph go too.
        let mut markers = std::collections::HashSet::new();
        new.walk(&mut |p, _| {
            markers.extend(markup::markers(&p.lead));
            markers.extend(markup::markers(&p.text));
        });
        new.footnotes.retain(|f| markers.contains(&f.id));
        round_trip_reporting("random", &old, &new, Align::ById, &["the new heading"]);
    }
}

/// Footnotes whose marker went with a deleted paragraph go too.
fn drop_orphan_notes(new: &mut Document) {
    let mut markers = std::collections::HashSet::new();
    new.walk(&mut |p, _| {
        markers.extend(markup::markers(&p.lead));
        markers.extend(markup::markers(&p.text));
    });
    new.footnotes.retain(|f| markers.contains(&f.id));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]
    /// Edits inside the parts (numbered afresh) and the annex of our structure fixtures:
    /// their places are written "operative paragraph 2 of section II", "paragraph 3 of the
    /// annex".
    #[test]
    fn random_edits_in_parts_and_annexes_round_trip(
        which in 0usize..2,
        edits in prop::collection::vec(edit(), 1..6),
    ) {
        let name = ["parts.txt", "annex.txt"][which];
        let mut old = import(&root().join("tests/fixtures/structure").join(name));
        // A title to change (words put into an empty title cannot be quoted).
        old.header.title = "Keepers of the lights".into();
        let mut new = old.clone();
        for e in &edits {
            perform(&mut new, e);
        }
        drop_orphan_notes(&mut new);
        // A heading put between new paragraphs at the top of a list and the first old one
        // has no old paragraph to be named by: the writer says so.
        round_trip_reporting(name, &old, &new, Align::ById, &["the new heading"]);
    }
}

fn shared() -> Option<PathBuf> {
    let dir = root().join("../shared/corpus/un80");
    if dir.join("manifest.json").exists() {
        return Some(dir);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "../shared/corpus/un80 is missing under CI"
    );
    println!("skipped: ../shared/corpus/un80 not found");
    None
}

#[test]
fn corpus_pairs_round_trip() {
    let Some(dir) = shared() else { return };
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("manifest.json")).unwrap()).unwrap();
    let docs = manifest["documents"].as_array().unwrap();
    let file = |sym: &str| {
        docs.iter()
            .find(|d| d["symbol"] == sym)
            .and_then(|d| d["file"].as_str())
            .map(|f| dir.join(f))
    };
    let mut n = 0;
    let mut failed = Vec::new();
    for pair in manifest["pairs"].as_array().unwrap() {
        let (o, w) = (pair["old"].as_str().unwrap(), pair["new"].as_str().unwrap());
        let (Some(of), Some(nf)) = (file(o), file(w)) else {
            continue;
        };
        let (old, new) = (import(&of), import(&nf));
        let name = format!("{o} -> {w}");
        let ok = std::panic::catch_unwind(|| round_trip(&name, &old, &new, Align::Auto));
        if ok.is_err() {
            failed.push(name);
        }
        n += 1;
    }
    assert!(n > 100, "only {n} corpus pairs");
    assert!(
        failed.is_empty(),
        "{} pairs do not round-trip: {failed:?}",
        failed.len()
    );
}
