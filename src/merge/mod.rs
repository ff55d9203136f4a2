//! Three-way merge of drafts by stable id: what `resdraft merge BASE OURS THEIRS` and the
//! git merge driver do.
//!
//! Paragraphs are matched by id, never by position, so edits to different paragraphs,
//! moves, insertions and deletions on both sides merge cleanly ([`tree`], [`order`]); the
//! texts of one paragraph merge by words ([`text`]), each side's texts first rewritten for
//! the merged numbering so that cross-references name the right paragraphs; the merged
//! document is then renumbered through [`crate::ops`] (end punctuation, "above"/"below").
//! A true conflict — both sides changed the same words differently — becomes a bracketed
//! alternative attributed to each side (see [`crate::negotiate`]), and a paragraph deleted
//! on one side and changed on the other is kept with the deletion as its alternative.
//! The header and other records merge field by field ([`fields`]); revisions by label (the
//! same revision frozen on both sides is kept once); the negotiation by id.

mod fields;
mod order;
mod rename;
mod text;
mod tree;

pub use order::{Side, merge_order};
pub use text::{Merged, TextConflict, merge3, shared_space};

use crate::model::{Alternative, Document, Draft, Footnote, Heading, Id, Negotiation, Revision};
use crate::ops::ReferenceTranslator;
use std::collections::{BTreeMap, HashSet};

/// The names the two sides are attributed by in brackets ("ours", a branch name).
#[derive(Debug, Clone)]
pub struct Names {
    pub ours: String,
    pub theirs: String,
}

impl Default for Names {
    fn default() -> Self {
        Names {
            ours: "ours".into(),
            theirs: "theirs".into(),
        }
    }
}

/// The merged draft and what the merge could not settle.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub draft: Draft,
    /// The conflicts, described (each bracket made, each field kept from our side).
    pub conflicts: Vec<String>,
    /// What else the merge did (ids given afresh).
    pub messages: Vec<String>,
}

impl Outcome {
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty()
    }
}

/// Merges `ours` and `theirs`, both edited from `base`.
pub fn merge(base: &Draft, ours: &Draft, theirs: &Draft, names: &Names) -> Outcome {
    let mut theirs = theirs.clone();
    let mut messages = Vec::new();
    for (old, new) in rename::separate(base, ours, &mut theirs) {
        messages.push(format!(
            "both sides added “{old}” for different things: theirs is now “{new}”"
        ));
    }
    let mut conflicts = Vec::new();
    let (document, report) = merge_document(
        &base.document,
        &ours.document,
        &theirs.document,
        &mut conflicts,
    );
    let revisions = merge_revisions(
        &base.revisions,
        &ours.revisions,
        &theirs.revisions,
        names,
        &mut conflicts,
    );
    let negotiation = merge_negotiation(
        &base.negotiation,
        &ours.negotiation,
        &theirs.negotiation,
        &mut conflicts,
    );
    let mut draft = Draft {
        document,
        revisions,
        negotiation,
    };
    bracket_conflicts(&mut draft, &report, names, &mut conflicts);
    crate::negotiate::refresh_attention(&mut draft);
    Outcome {
        draft,
        conflicts,
        messages,
    }
}

/// The merged document and what its body merge found.
/// The keys of three sides (base, ours, theirs), sorted, each once.
fn keys_of<'a, K: Ord + 'a>(
    b: impl Iterator<Item = &'a K>,
    o: impl Iterator<Item = &'a K>,
    t: impl Iterator<Item = &'a K>,
) -> Vec<&'a K> {
    let mut keys: Vec<&K> = b.chain(o).chain(t).collect();
    keys.sort();
    keys.dedup();
    keys
}

fn merge_document(
    base: &Document,
    ours: &Document,
    theirs: &Document,
    conflicts: &mut Vec<String>,
) -> (Document, tree::BodyReport) {
    let mut notes = Vec::new();
    let mut doc = Document {
        kind: ours.kind,
        header: fields::merge_fields(
            &base.header,
            &ours.header,
            &theirs.header,
            "header",
            &mut notes,
        ),
        ..Document::default()
    };
    let mut c = false;
    doc.kind = tree::pick(
        Some(&base.kind),
        Some(&ours.kind),
        Some(&theirs.kind),
        &mut c,
    )
    .unwrap_or(ours.kind);
    doc.first_number = tree::pick(
        Some(&base.first_number),
        Some(&ours.first_number),
        Some(&theirs.first_number),
        &mut c,
    )
    .unwrap_or(1);
    let ab = text::merge3(
        &base.authoring_body,
        &ours.authoring_body,
        &theirs.authoring_body,
    );
    if !ab.conflicts.is_empty() {
        c = true;
    }
    doc.authoring_body = if ab.conflicts.is_empty() {
        ab.text
    } else {
        ours.authoring_body.clone()
    };
    doc.notes = tree::pick(
        Some(&base.notes),
        Some(&ours.notes),
        Some(&theirs.notes),
        &mut c,
    )
    .unwrap_or_default();
    if c {
        notes.push("the kind, first number, authoring body or notes were changed differently on each side; ours are kept".into());
    }
    // First the structure with our texts, to know the merged numbering; then the texts of
    // each side rewritten for it and merged.
    let same = |_: &Id, s: &str| s.to_string();
    let naive = tree::Texts {
        base: &same,
        ours: &same,
        theirs: &same,
    };
    let mut scratch = tree::BodyReport::default();
    tree::merge_body(base, ours, theirs, &naive, &mut doc, &mut scratch);
    let tb = ReferenceTranslator::new(base, &doc);
    let to = ReferenceTranslator::new(ours, &doc);
    let tt = ReferenceTranslator::new(theirs, &doc);
    let (fb, fo, ft) = (
        |id: &Id, s: &str| tb.text(id, s),
        |id: &Id, s: &str| to.text(id, s),
        |id: &Id, s: &str| tt.text(id, s),
    );
    let texts = tree::Texts {
        base: &fb,
        ours: &fo,
        theirs: &ft,
    };
    let mut report = tree::BodyReport::default();
    tree::merge_body(base, ours, theirs, &texts, &mut doc, &mut report);
    doc.headings = merge_records(
        &base.headings,
        &ours.headings,
        &theirs.headings,
        |h: &Heading| &h.id,
        &mut notes,
    );
    let present: HashSet<Id> = doc
        .paragraphs()
        .into_iter()
        .map(|(p, _)| p.id.clone())
        .collect();
    doc.headings.retain(|h| {
        let ok = present.contains(&h.before);
        if !ok {
            notes.push(format!(
                "heading {} stood before a paragraph that is gone: dropped",
                h.id
            ));
        }
        ok
    });
    doc.footnotes = merge_records(
        &base.footnotes,
        &ours.footnotes,
        &theirs.footnotes,
        |f: &Footnote| &f.id,
        &mut notes,
    );
    crate::ops::renumber(&mut doc);
    conflicts.extend(notes);
    conflicts.extend(report.notes.iter().cloned());
    (doc, report)
}

/// Merges a list of records by id, each field by field; a record deleted on one side and
/// unchanged on the other is deleted.
fn merge_records<T>(
    base: &[T],
    ours: &[T],
    theirs: &[T],
    id: impl Fn(&T) -> &Id,
    notes: &mut Vec<String>,
) -> Vec<T>
where
    T: Clone + PartialEq + serde::Serialize + serde::de::DeserializeOwned,
{
    tree::merge_by_id(base, ours, theirs, id, notes, false)
}

/// Revisions by label: a revision frozen on both sides is kept once; one frozen with the
/// same label but different texts is kept from both sides, theirs relabelled.
fn merge_revisions(
    base: &[Revision],
    ours: &[Revision],
    theirs: &[Revision],
    names: &Names,
    conflicts: &mut Vec<String>,
) -> Vec<Revision> {
    fn find<'a>(l: &'a [Revision], label: &str) -> Option<&'a Revision> {
        l.iter().find(|r| r.label == label)
    }
    let mut out: Vec<Revision> = Vec::new();
    for r in ours {
        match (find(base, &r.label), find(theirs, &r.label)) {
            (Some(b), None) if b == r => {}
            (_, Some(t)) if t != r => match find(base, &r.label) {
                Some(b) if b == r => out.push(t.clone()),
                Some(b) if b == t => out.push(r.clone()),
                _ => {
                    out.push(r.clone());
                    let mut t = t.clone();
                    t.label = format!("{} ({})", t.label, names.theirs);
                    conflicts.push(format!(
                        "revision “{}” was frozen differently on each side: theirs is kept as “{}”",
                        r.label, t.label
                    ));
                    out.push(t);
                }
            },
            _ => out.push(r.clone()),
        }
    }
    for t in theirs {
        if find(ours, &t.label).is_some() {
            continue;
        }
        match find(base, &t.label) {
            Some(b) if b == t => {}
            _ => out.push(t.clone()),
        }
    }
    out
}

/// The negotiation: delegations by code, proposals and brackets by id (theirs given a fresh
/// id when both sides used one for different things), statuses by paragraph.
fn merge_negotiation(
    base: &Negotiation,
    ours: &Negotiation,
    theirs: &Negotiation,
    conflicts: &mut Vec<String>,
) -> Negotiation {
    let mut n = ours.clone();
    for d in &theirs.delegations {
        if n.delegation(&d.code).is_none() {
            n.delegations.push(d.clone());
        }
    }
    for p in &theirs.proposals {
        let b = base.proposal(&p.id);
        match n.proposals.iter_mut().find(|x| x.id == p.id) {
            None if b.is_some() => {}
            None => n.proposals.push(p.clone()),
            Some(o) if o == p => {}
            Some(o) if Some(&*o) == b => *o = p.clone(),
            Some(_) if b == Some(p) => {}
            Some(_) if b.is_none() => {
                let mut p = p.clone();
                p.id = crate::negotiate::fresh_id(&n, "n");
                n.proposals.push(p);
            }
            Some(o) => conflicts.push(format!(
                "proposal {} was changed differently on each side ({} here, {} there); ours is kept",
                o.id,
                o.state.name(),
                p.state.name()
            )),
        }
    }
    for t in &theirs.brackets {
        let b = base.bracket(&t.id);
        match n.brackets.iter_mut().find(|x| x.id == t.id) {
            None if b.is_some() => {}
            None => n.brackets.push(t.clone()),
            Some(o) if o == t => {}
            Some(o) if Some(&*o) == b => *o = t.clone(),
            Some(_) if b == Some(t) => {}
            Some(_) => {
                let mut t = t.clone();
                t.id = crate::negotiate::fresh_id(&n, "b");
                n.brackets.push(t);
            }
        }
    }
    // Brackets resolved (gone) on one side and unchanged on the other are gone.
    n.brackets
        .retain(|x| !(base.bracket(&x.id) == Some(x) && theirs.bracket(&x.id).is_none()));
    let keys = keys_of(base.status.keys(), ours.status.keys(), theirs.status.keys());
    let mut status = BTreeMap::new();
    for k in keys {
        let mut c = false;
        if let Some(s) = tree::pick(
            base.status.get(k),
            ours.status.get(k),
            theirs.status.get(k),
            &mut c,
        ) {
            status.insert(k.clone(), s);
        }
        if c {
            conflicts.push(format!(
                "the status of paragraph {k} was set differently on each side; ours is kept"
            ));
        }
    }
    n.status = status;
    for (k, v) in &theirs.numbers {
        n.numbers.entry(k.clone()).or_insert(*v);
    }
    n
}

/// Turns the text conflicts into brackets attributed to each side, and the paragraphs kept
/// over a deletion into whole-paragraph alternatives.
fn bracket_conflicts(
    draft: &mut Draft,
    report: &tree::BodyReport,
    names: &Names,
    conflicts: &mut Vec<String>,
) {
    use crate::negotiate::{bracket_paragraph, bracket_span, locate};
    for (id, merged) in &report.text_conflicts {
        let Some(p) = draft.document.find(id) else {
            continue;
        };
        let full = p.full_text();
        let offset = full.len() - p.text.len();
        for c in &merged.conflicts {
            let place = describe(&draft.document, id);
            // The span as it stands after renumbering: the occurrence of our words nearest
            // to where the merge put them.
            let occurrence = (!c.ours.trim().is_empty())
                .then(|| {
                    let want = offset + c.at;
                    let mut best: Option<(usize, usize)> = None;
                    let mut k = 0;
                    while let Some(r) = locate(&full, &c.ours, k) {
                        let d = r.start.abs_diff(want);
                        if best.is_none_or(|(_, bd)| d < bd) {
                            best = Some((k, d));
                        }
                        k += 1;
                    }
                    best.map(|(k, _)| k)
                })
                .flatten();
            let made = match occurrence {
                Some(k) => bracket_span(
                    draft,
                    id,
                    &c.ours,
                    k,
                    &names.ours,
                    vec![Alternative {
                        by: names.theirs.clone(),
                        lead: String::new(),
                        text: c.theirs.clone(),
                    }],
                ),
                None => {
                    let theirs = theirs_paragraph(draft, id, merged, c, &names.theirs);
                    bracket_paragraph(draft, id, &names.ours, vec![theirs])
                }
            };
            if let Ok(b) = made {
                conflicts.push(format!(
                    "{place}: both sides changed the same words (ours “{}”, theirs “{}”): bracket {b}",
                    c.ours, c.theirs
                ));
            }
        }
    }
    for (id, tl, tt) in &report.lead_conflicts {
        let place = describe(&draft.document, id);
        if let Ok(b) = bracket_paragraph(
            draft,
            id,
            &names.ours,
            vec![Alternative {
                by: names.theirs.clone(),
                lead: tl.clone(),
                text: tt.clone(),
            }],
        ) {
            conflicts.push(format!(
                "{place}: both sides changed the opening phrase: alternatives {b}"
            ));
        }
    }
    for k in &report.kept {
        let place = describe(&draft.document, &k.id);
        let (keeper, deleter) = if k.kept_by_ours {
            (&names.ours, &names.theirs)
        } else {
            (&names.theirs, &names.ours)
        };
        if let Ok(b) = bracket_paragraph(
            draft,
            &k.id,
            keeper,
            vec![Alternative {
                by: deleter.clone(),
                ..Alternative::default()
            }],
        ) {
            conflicts.push(format!(
                "{place}: deleted by {deleter} and changed by {keeper}: kept, with its deletion as alternative {b}"
            ));
        }
    }
}

/// Their whole paragraph for a conflict whose span cannot be bracketed (our side deleted
/// the words): the merged text with their words in place of ours.
fn theirs_paragraph(
    draft: &Draft,
    id: &Id,
    merged: &Merged,
    c: &TextConflict,
    by: &str,
) -> Alternative {
    let mut text = merged.text.clone();
    if text.get(c.at..c.at + c.ours.len()) == Some(c.ours.as_str()) {
        text.replace_range(c.at..c.at + c.ours.len(), &c.theirs);
    }
    Alternative {
        by: by.to_string(),
        lead: draft
            .document
            .find(id)
            .map(|p| p.lead.clone())
            .unwrap_or_default(),
        text,
    }
}

fn describe(doc: &Document, id: &Id) -> String {
    doc.locate(id)
        .map(|loc| crate::numbering::describe(doc, &loc))
        .unwrap_or_else(|| id.to_string())
}

#[cfg(test)]
mod tests;
