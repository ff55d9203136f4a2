//! Before merging, ids that both sides created independently for different things (each
//! drafter's new paragraph got the next free id, "p13") are given fresh ids on their side,
//! with everything that names them: footnote markers and anchors, heading positions, the
//! proposals, brackets and statuses of the negotiation.

use crate::model::{Document, Draft, Id, ProposedChange};
use std::collections::{HashMap, HashSet};

/// Renames in `theirs` every id it added (not in `base`) that `ours` also added for
/// something else. Returns the renames made (old → new).
pub fn separate(base: &Draft, ours: &Draft, theirs: &mut Draft) -> Vec<(Id, Id)> {
    let in_base: HashSet<&Id> = base.document.all_ids().into_iter().collect();
    let in_ours: HashSet<&Id> = ours.document.all_ids().into_iter().collect();
    let mut used: HashSet<String> = base
        .document
        .all_ids()
        .into_iter()
        .chain(ours.document.all_ids())
        .chain(theirs.document.all_ids())
        .map(|i| i.0.clone())
        .collect();
    let mut map: HashMap<Id, Id> = HashMap::new();
    for id in theirs.document.all_ids() {
        if in_base.contains(id)
            || !in_ours.contains(id)
            || same_thing(&ours.document, &theirs.document, id)
        {
            continue;
        }
        let prefix: String =
            id.0.trim_end_matches(|c: char| c.is_ascii_digit())
                .to_string();
        let mut k = 1u64;
        let fresh = loop {
            let candidate = format!("{prefix}{k}");
            if !used.contains(&candidate) {
                break candidate;
            }
            k += 1;
        };
        used.insert(fresh.clone());
        map.insert(id.clone(), Id(fresh));
    }
    if !map.is_empty() {
        rename(theirs, &map);
    }
    let mut out: Vec<(Id, Id)> = map.into_iter().collect();
    out.sort();
    out
}

/// Whether the id names the same thing in both documents (an identical paragraph subtree,
/// footnote, heading, part, section or annex).
fn same_thing(a: &Document, b: &Document, id: &Id) -> bool {
    if let (Some(x), Some(y)) = (a.find(id), b.find(id)) {
        return x == y;
    }
    if let (Some(x), Some(y)) = (a.footnote(id), b.footnote(id)) {
        return x == y;
    }
    let heading = |d: &Document| d.headings.iter().find(|h| &h.id == id).cloned();
    if let (Some(x), Some(y)) = (heading(a), heading(b)) {
        return x == y;
    }
    let part = |d: &Document| d.parts.iter().find(|p| &p.id == id).cloned();
    if let (Some(x), Some(y)) = (part(a), part(b)) {
        return x == y;
    }
    let section = |d: &Document| {
        d.sections
            .iter()
            .chain(d.annexes.iter().flat_map(|x| &x.sections))
            .find(|s| &s.id == id)
            .cloned()
    };
    if let (Some(x), Some(y)) = (section(a), section(b)) {
        return x == y;
    }
    let annex = |d: &Document| d.annexes.iter().find(|x| &x.id == id).cloned();
    if let (Some(x), Some(y)) = (annex(a), annex(b)) {
        return x == y;
    }
    false
}

/// Applies renames to a draft's current document and its negotiation.
pub fn rename(draft: &mut Draft, map: &HashMap<Id, Id>) {
    let r = |id: &mut Id| {
        if let Some(n) = map.get(id) {
            *id = n.clone();
        }
    };
    draft.document.rename_ids(map);
    let n = &mut draft.negotiation;
    n.status = std::mem::take(&mut n.status)
        .into_iter()
        .map(|(mut k, v)| {
            r(&mut k);
            (k, v)
        })
        .collect();
    n.numbers = std::mem::take(&mut n.numbers)
        .into_iter()
        .map(|(mut k, v)| {
            r(&mut k);
            (k, v)
        })
        .collect();
    for b in &mut n.brackets {
        r(&mut b.paragraph);
    }
    for p in &mut n.proposals {
        match &mut p.change {
            ProposedChange::InsertWords { paragraph, .. }
            | ProposedChange::DeleteWords { paragraph, .. }
            | ProposedChange::ReplaceWords { paragraph, .. }
            | ProposedChange::DeleteParagraph { paragraph } => r(paragraph),
            ProposedChange::MoveParagraph { paragraph, after } => {
                r(paragraph);
                if let Some(a) = after {
                    r(a);
                }
            }
            ProposedChange::InsertParagraph { after, .. } => {
                if let Some(a) = after {
                    r(a);
                }
            }
        }
    }
}
