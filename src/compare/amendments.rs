//! The changes between two versions written as UN amendments to the old one, numbered, in
//! the wording of real amendment documents ("In the second preambular paragraph, insert “of
//! Ukraine” after “Chornobyl nuclear power plant”.", "Delete operative paragraphs 5 and 6.",
//! "After operative paragraph 4, insert two new operative paragraphs reading: …"). Places
//! are those of the old version as issued; header changes other than the title are not
//! amendments.
//!
//! Exact: every change of words is quoted in whole words, extended until the quotation is
//! found once in its paragraph, and tried on the old text with the same code that applies
//! amendments ([`crate::amend::apply::Simulator`]); what does not read back exactly is
//! written as a replacement of the whole paragraph. Parsing the result and applying it to
//! the old version gives the new one.
//!
//! The pieces: [`quote`] finds, for each changed place, the changes of words that read back
//! exactly; [`places`] knows both versions (footnote marks, new subtrees, where inserted and
//! moved paragraphs go, the UN order of instructions); [`wide`] finds the same replacement
//! made everywhere ("Replace “Chernobyl” with “Chornobyl” in the title, …").

mod places;
mod quote;
mod structure;
mod wide;

use super::{Comparison, Kind, PartKind};
use crate::amend::apply::Simulator;
use crate::amend::{Frame, Instruction, Op, ParaRef, PartRef, Scope, TextOp};
use crate::markup;
use crate::model::{Document, Id, Location};
use crate::sanitize::sanitize_keep_newlines;
use places::{Gen, heading_changes, order_key, position_of, sup};
use quote::Place;
use rayon::prelude::*;
use std::collections::HashSet;
use wide::{wide_changes, wide_in};

/// Below this word similarity a modified paragraph is replaced as a whole.
const REPLACE_BELOW: f32 = 0.5;
/// Above this many separate changes a modified paragraph is replaced as a whole.
const MAX_CHANGES: usize = 6;
/// How many words of context a quotation may take on each side.
const MAX_CONTEXT: usize = 12;

/// Amendments as instructions, with the new footnotes they define.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Amendments {
    pub instructions: Vec<Instruction>,
    pub footnotes: Vec<(String, String)>,
    /// Changes that cannot be written as amendments (a heading with no label to name it
    /// by, the sections of an annex), one sentence each: reported, never dropped silently.
    pub unwritten: Vec<String>,
}

impl Amendments {
    /// The amendment text, ready to paste ("1. In …"); empty when nothing changed.
    pub fn text(&self) -> String {
        if self.instructions.is_empty() {
            return String::new();
        }
        let t = crate::amend::render(&self.instructions, &self.footnotes);
        sanitize_keep_newlines(&t).into_owned() + "\n"
    }
}

/// Plain text of marked-up text, markers written by `marker`, spaces collapsed.
fn plain(s: &str, marker: &dyn Fn(&Id) -> String) -> String {
    let r = markup::render(s, marker);
    if crate::compare::words::is_spaced(&r) {
        return r;
    }
    r.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The place a drafter names for a location of the old version (`None`: a report section).
fn para_ref(old: &Document, loc: &Location) -> Option<ParaRef> {
    crate::amend::locate::para_ref(old, loc)
}

/// A kept (moved, renumbered) paragraph's place and its changes of words (`None`: it is
/// replaced as a whole).
type Words = (ParaRef, Option<Vec<TextOp>>);

/// The [`Words`] of each paragraph entry of the comparison that keeps its paragraph (`None`
/// for the other entries and where the old place cannot be named), found on all cores
/// before the instructions are written: a place's changes are tried on the old text alone
/// (each core with its own copy of `sim`), so they do not depend on the places tried before.
fn paragraph_words(
    g: &Gen,
    wide: &[wide::Wide],
    found: &[Option<Vec<quote::Hunk>>],
    sim: &Simulator,
) -> Vec<Option<Words>> {
    let (old, new, cmp) = (g.old, g.new, g.cmp);
    let old_marker = |id: &Id| g.old_numbers.get(id).map(|n| sup(*n)).unwrap_or_default();
    let words = |sim: &mut Simulator, k: usize, e: &super::ChangeEntry| -> Option<Words> {
        let kept = matches!(
            e.kind,
            Kind::Moved | Kind::Modified | Kind::Renumbered | Kind::Unchanged
        );
        if !kept || !e.is_paragraph() {
            return None;
        }
        let ol = e.old.as_ref()?.location.as_ref()?;
        let nl = e.new.as_ref()?.location.as_ref()?;
        let (op, np) = (old.at(ol)?, new.at(nl)?);
        let target = para_ref(old, ol)?;
        // The same plain text on both sides, known without making it: nothing to change.
        if Gen::reads_alike((&op.lead, &op.text), (&np.lead, &np.text)) {
            return Some((target, Some(Vec::new())));
        }
        let ot = g.old_plain(&op.full_text());
        let nt = g.new_plain(&np.full_text());
        if ot == nt {
            return Some((target, Some(Vec::new())));
        }
        let similar = e.similarity >= REPLACE_BELOW || e.kind == Kind::Renumbered;
        if !similar {
            return Some((target, None));
        }
        let scope = Scope::Paragraph(target.clone());
        let mut p = Place {
            sim,
            wide: wide_in(wide, &scope),
            scope,
            old: ot,
            new: nt,
            old_marker: &old_marker,
            skip: Vec::new(),
            old_chars: Default::default(),
            hunks: found.get(k).cloned().flatten(),
        };
        let ops = p.changes();
        Some((target, ops))
    };
    let chunk = super::chunk_len(cmp.changes.len());
    let parts: Vec<Vec<Option<Words>>> = cmp
        .changes
        .par_chunks(chunk)
        .enumerate()
        .map(|(n, c)| {
            let mut sim = sim.clone();
            c.iter()
                .enumerate()
                .map(|(k, e)| words(&mut sim, n * chunk + k, e))
                .collect()
        })
        .collect();
    parts.into_iter().flatten().collect()
}

/// The amendments turning `old` into `new` (`cmp` is their comparison).
pub fn amendments(old: &Document, new: &Document, cmp: &Comparison) -> Amendments {
    let g = Gen::new(old, new, cmp);
    let st = structure::structure(&g);
    let mut unwritten = st.unwritten.clone();
    let (wide, found_hunks) = wide_changes(&g, old, new, cmp);
    let by_loc = g.by_new_loc();
    let mut sim = Simulator::new(old, g.footnotes.clone());
    let old_marker = |id: &Id| g.old_numbers.get(id).map(|n| sup(*n)).unwrap_or_default();

    // Changes of words per place, in reading order: (scope, changes).
    let mut words: Vec<(Scope, Vec<TextOp>)> = Vec::new();
    let mut deletes: Vec<ParaRef> = Vec::new();
    let mut structural: Vec<Op> = Vec::new();
    // Old and new locations covered by a whole-paragraph replacement or a deleted/inserted
    // subtree.
    let mut covered_old: Vec<Location> = Vec::new();
    let mut covered_new: Vec<Location> = Vec::new();
    let under = |list: &[Location], l: &Location| {
        list.iter()
            .any(|c| c.part == l.part && l.path.len() > c.path.len() && l.path.starts_with(&c.path))
    };
    let mut inserted_done: HashSet<Location> = HashSet::new();

    // Headings, parts' headings and annexes' titles changed in words.
    for (scope, o, n) in heading_changes(old, new, &st.pairs, (st.parts_from, st.annexes_from)) {
        let mut p = Place {
            sim: &mut sim,
            scope: scope.clone(),
            old: o.clone(),
            new: n.clone(),
            old_marker: &old_marker,
            wide: Vec::new(),
            skip: Vec::new(),
            old_chars: Default::default(),
            hunks: None,
        };
        let ops = p
            .changes()
            .unwrap_or_else(|| vec![TextOp::Replace { old: o, new: n }]);
        if !ops.is_empty() {
            words.push((scope, ops));
        }
    }
    let mut prepared = paragraph_words(&g, &wide, &found_hunks, &sim);
    for (ek, e) in cmp.changes.iter().enumerate() {
        if e.part == PartKind::Header {
            if e.field.as_deref() == Some("title")
                && let (Some(o), Some(n)) = (&e.old, &e.new)
                && o.text != n.text
            {
                let mut p = Place {
                    sim: &mut sim,
                    scope: Scope::Title,
                    old: o.text.split_whitespace().collect::<Vec<_>>().join(" "),
                    new: n.text.split_whitespace().collect::<Vec<_>>().join(" "),
                    old_marker: &old_marker,
                    wide: wide_in(&wide, &Scope::Title),
                    skip: Vec::new(),
                    old_chars: Default::default(),
                    hunks: None,
                };
                if let Some(ops) = p.changes() {
                    if !ops.is_empty() {
                        words.push((Scope::Title, ops));
                    }
                } else {
                    words.push((
                        Scope::Title,
                        vec![TextOp::Replace {
                            old: p.old.clone(),
                            new: p.new.clone(),
                        }],
                    ));
                }
            }
            continue;
        }
        if e.part == PartKind::Footnote {
            if let (Some(o), Some(n)) = (&e.old, &e.new)
                && let Some(num) = g.old_numbers.get(&o.id)
            {
                let (ot, nt) = (g.old_plain(&o.text), g.new_plain(&n.text));
                if ot != nt {
                    let scope = Scope::Footnote(*num);
                    let mut p = Place {
                        sim: &mut sim,
                        scope: scope.clone(),
                        old: ot.clone(),
                        new: nt.clone(),
                        old_marker: &old_marker,
                        wide: Vec::new(),
                        skip: Vec::new(),
                        old_chars: Default::default(),
                        hunks: None,
                    };
                    let ops = p.changes().unwrap_or_else(|| {
                        vec![TextOp::Replace {
                            old: ot.clone(),
                            new: nt.clone(),
                        }]
                    });
                    words.push((scope, ops));
                }
            }
            continue;
        }
        if !e.is_paragraph() {
            continue;
        }
        let oloc = e.old.as_ref().and_then(|s| s.location.clone());
        let nloc = e.new.as_ref().and_then(|s| s.location.clone());
        if oloc.as_ref().is_some_and(|l| under(&covered_old, l))
            || nloc.as_ref().is_some_and(|l| under(&covered_new, l))
            || oloc.as_ref().is_some_and(|l| st.old_gone(l))
            || nloc.as_ref().is_some_and(|l| st.new_added(l))
        {
            continue;
        }
        match (e.kind, &oloc, &nloc) {
            (Kind::Deleted, Some(ol), _) => {
                if let Some(r) = para_ref(old, ol) {
                    deletes.push(r);
                }
                covered_old.push(ol.clone());
            }
            (Kind::Inserted, _, Some(nl)) => {
                covered_new.push(nl.clone());
                if inserted_done.contains(nl) {
                    continue;
                }
                // A heading before it with inserted paragraphs before the heading: the
                // heading and this run go before the next old paragraph.
                let heading_before = |l: &Location| {
                    l.path.len() == 1
                        && new
                            .at(l)
                            .is_some_and(|p| new.headings_before(&p.id).next().is_some())
                };
                let prev_inserted = nl.path.len() == 1
                    && nl.top() > 0
                    && by_loc
                        .get(&Location {
                            part: nl.part,
                            path: vec![nl.top() - 1],
                        })
                        .is_some_and(|k| cmp.changes[*k].kind == Kind::Inserted);
                let before_only = heading_before(nl) && prev_inserted;
                let Some(at) = position_of(&g, &by_loc, nl, false, before_only) else {
                    unwritten.push(format!(
                        "{} of the new text cannot be placed in the old one",
                        crate::numbering::describe(new, nl)
                    ));
                    continue;
                };
                // The run of inserted siblings that follows goes in the same instruction.
                let (last, parent) = nl.path.split_last().unwrap_or((&0, &[]));
                let mut paragraphs = Vec::new();
                let mut i = *last;
                loop {
                    let l = Location {
                        part: nl.part,
                        path: parent.iter().copied().chain([i]).collect(),
                    };
                    let Some(k) = by_loc.get(&l) else { break };
                    if cmp.changes[*k].kind != Kind::Inserted || (i > *last && heading_before(&l)) {
                        break;
                    }
                    let Some(p) = new.at(&l) else { break };
                    paragraphs.push(g.new_subtree(p));
                    covered_new.push(l.clone());
                    inserted_done.insert(l);
                    i += 1;
                }
                structural.push(Op::Insert { at, paragraphs });
            }
            (
                Kind::Moved | Kind::Modified | Kind::Renumbered | Kind::Unchanged,
                Some(ol),
                Some(nl),
            ) => {
                let (Some(op), Some(np)) = (old.at(ol), new.at(nl)) else {
                    continue;
                };
                let Some((target, ops)) = prepared[ek].take() else {
                    continue;
                };
                let restyled = op.list_style != np.list_style;
                match ops {
                    Some(ops) if !restyled => {
                        if !ops.is_empty() {
                            words.push((Scope::Paragraph(target.clone()), ops));
                        }
                        if e.kind == Kind::Moved
                            && let Some(to) = position_of(&g, &by_loc, nl, true, false)
                        {
                            structural.push(Op::Move {
                                target: target.clone(),
                                to,
                            });
                        }
                    }
                    _ => {
                        covered_old.push(ol.clone());
                        covered_new.push(nl.clone());
                        if e.kind == Kind::Moved
                            && let Some(to) = position_of(&g, &by_loc, nl, true, false)
                        {
                            structural.push(Op::Move {
                                target: target.clone(),
                                to,
                            });
                        }
                        structural.push(Op::Replace {
                            target,
                            paragraphs: vec![g.new_subtree(np)],
                        });
                    }
                }
            }
            _ => {}
        }
    }

    // Instructions: changes of words in reading order, the same changes in several places
    // of one part as one instruction; then deletions per part; then the rest.
    let mut groups: Vec<Vec<Op>> = Vec::new();
    let mut push = |ops: Vec<Op>| groups.push(ops);
    let kind_of = |s: &Scope| match s {
        Scope::Paragraph(r) => Some((r.part, r.frame.clone())),
        _ => None,
    };
    for (a, b, scopes) in &wide {
        push(vec![Op::Text {
            scopes: scopes.clone(),
            op: TextOp::Replace {
                old: a.clone(),
                new: b.clone(),
            },
        }]);
    }
    let mut used = vec![false; words.len()];
    for k in 0..words.len() {
        if used[k] {
            continue;
        }
        used[k] = true;
        let mut scopes = vec![words[k].0.clone()];
        if kind_of(&words[k].0).is_some() {
            for j in k + 1..words.len() {
                if !used[j]
                    && words[j].1 == words[k].1
                    && kind_of(&words[j].0) == kind_of(&words[k].0)
                {
                    used[j] = true;
                    scopes.push(words[j].0.clone());
                }
            }
        }
        let ops = words[k]
            .1
            .iter()
            .map(|op| Op::Text {
                scopes: scopes.clone(),
                op: op.clone(),
            })
            .collect();
        push(ops);
    }
    // Deletions: one instruction per list (the resolution's preamble, its operative part,
    // each part's and annex's), in the order of the text.
    let mut lists: Vec<(Option<Frame>, PartRef)> = Vec::new();
    for r in &deletes {
        let key = (r.frame.clone(), r.part);
        if !lists.contains(&key) {
            lists.push(key);
        }
    }
    for (frame, part) in lists {
        let refs: Vec<ParaRef> = deletes
            .iter()
            .filter(|r| r.part == part && r.frame == frame)
            .cloned()
            .collect();
        push(vec![Op::Delete(refs)]);
    }
    for op in structural {
        push(vec![op]);
    }
    // Labels that follow the new order are renumbered by each structural instruction.
    let renumber = st.relabels(old, new);
    for op in st.ops.iter().cloned() {
        push(if renumber {
            vec![op, Op::Renumber]
        } else {
            vec![op]
        });
    }
    // In the order of the text as issued, as the UN numbers them.
    groups.sort_by_key(|ops| ops.first().map(|op| order_key(old, op)));
    let instructions = groups
        .into_iter()
        .enumerate()
        .map(|(k, ops)| {
            let mut ins = Instruction {
                number: k as u32 + 1,
                ops,
                wording: String::new(),
            };
            ins.wording = crate::amend::render::sentence(&ins).0;
            ins
        })
        .collect();
    Amendments {
        instructions,
        footnotes: g.footnotes,
        unwritten,
    }
}
