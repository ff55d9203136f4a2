//! Replacements of the same words made at every occurrence in the title, the preamble or
//! the operative part, in at least two places, found so that they are written as one
//! instruction ("Replace “Chernobyl” with “Chornobyl” in the title, the preambular
//! paragraphs and the operative paragraphs.").

use super::REPLACE_BELOW;
use super::places::Gen;
use super::quote::{Hunk, hunks};
use crate::amend::text::is_word;
use crate::amend::{PartRef, Scope};
use crate::compare::{ChangeEntry, Comparison, PartKind};
use crate::model::Document;
use rayon::prelude::*;
use std::collections::HashMap;

/// A replacement made everywhere in some scopes: old words, new words, the scopes.
pub(super) type Wide = (String, String, Vec<Scope>);

/// The wide replacements that apply to a place.
pub(super) fn wide_in(wide: &[Wide], place: &Scope) -> Vec<(String, String)> {
    let part = match place {
        // Paragraphs of annexes are in no wide scope.
        Scope::Paragraph(r) if r.in_annex() => None,
        Scope::Paragraph(r) => Some(match r.part {
            PartRef::Preamble => Scope::Preamble,
            PartRef::Operative => Scope::Operative,
        }),
        Scope::Title => Some(Scope::Title),
        _ => None,
    };
    wide.iter()
        .filter(|(_, _, scopes)| part.as_ref().is_some_and(|p| scopes.contains(p)))
        .map(|(a, b, _)| (a.clone(), b.clone()))
        .collect()
}

/// Replacements of the same words made at every occurrence in the title, the preamble or
/// the operative part, in at least two places: one instruction ("Replace “Chernobyl” with
/// “Chornobyl” in the title, the preambular paragraphs and the operative paragraphs.").
///
/// Also returns, by change, the hunks found between the plain old and new texts of each
/// paragraph it compared, for the instructions of that paragraph to start from.
pub(super) fn wide_changes(
    g: &Gen,
    old: &Document,
    new: &Document,
    cmp: &Comparison,
) -> (Vec<Wide>, Vec<Option<Vec<Hunk>>>) {
    // Per scope, the kept places: (scope, old text), and the changes of words of each
    // (found on all cores, kept in reading order). A paragraph that reads the same in both
    // versions, without a footnote marker (whose number may differ), changes no words: its
    // texts are not made plain unless some replacement is a candidate, which is seldom.
    let scope_of = |e: &ChangeEntry| -> Option<Scope> {
        if e.part == PartKind::Header && e.field.as_deref() == Some("title") {
            e.old.as_ref().zip(e.new.as_ref())?;
            return Some(Scope::Title);
        }
        if e.part == PartKind::Header || !e.is_paragraph() || e.similarity < REPLACE_BELOW {
            return None;
        }
        let ol = e.old.as_ref()?.location.as_ref()?;
        old.at(ol)?;
        new.at(e.new.as_ref()?.location.as_ref()?)?;
        match ol.part {
            p if p.is_preamble() => Some(Scope::Preamble),
            p if p.is_operative() => Some(Scope::Operative),
            _ => None,
        }
    };
    // The old and new text of a place as the instructions quote them.
    let texts = |e: &ChangeEntry, scope: &Scope| -> Option<(String, String)> {
        let (o, n) = (e.old.as_ref()?, e.new.as_ref()?);
        if *scope == Scope::Title {
            let f = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
            return Some((f(&o.text), f(&n.text)));
        }
        let (op, np) = (old.at(o.location.as_ref()?)?, new.at(n.location.as_ref()?)?);
        Some((g.old_plain(&op.full_text()), g.new_plain(&np.full_text())))
    };
    let unchanged = |e: &ChangeEntry| {
        matches!((&e.old, &e.new), (Some(o), Some(n))
            if Gen::reads_alike((&o.lead, &o.text), (&n.lead, &n.text)))
    };
    let changed = |o: &str, n: &str, hs: &[Hunk]| -> Vec<(String, String)> {
        hs.iter()
            .map(|h| {
                (
                    o[h.oa..h.ob].trim().to_string(),
                    n[h.na..h.nb].trim().to_string(),
                )
            })
            .filter(|(a, b)| !a.is_empty() && !b.is_empty() && a.chars().any(is_word))
            .collect()
    };
    type Found<'e> = (
        (Scope, &'e ChangeEntry, Option<String>),
        (Vec<(String, String)>, Option<Vec<Hunk>>),
    );
    let found: Vec<Option<Found>> = cmp
        .changes
        .par_iter()
        .with_min_len(32)
        .map(|e| {
            let scope = scope_of(e)?;
            if scope != Scope::Title && unchanged(e) {
                return Some(((scope, e, None), (Vec::new(), None)));
            }
            let (o, n) = texts(e, &scope)?;
            let hs = hunks(&o, &n);
            let v = changed(&o, &n, &hs);
            let kept = (scope != Scope::Title).then_some(hs);
            Some(((scope, e, Some(o)), (v, kept)))
        })
        .collect();
    let mut found_hunks = vec![None; found.len()];
    let (places, per_place): (Vec<_>, Vec<_>) = found
        .into_iter()
        .enumerate()
        .filter_map(|(k, f)| {
            let (place, (v, hs)) = f?;
            found_hunks[k] = hs;
            Some((place, v))
        })
        .unzip();
    let mut counts: HashMap<(String, String), usize> = HashMap::new();
    for k in per_place.iter().flatten() {
        *counts.entry(k.clone()).or_default() += 1;
    }
    let mut out: Vec<Wide> = Vec::new();
    let mut keys: Vec<(String, String)> = counts
        .into_iter()
        .filter(|(_, c)| *c >= 3)
        .map(|(k, _)| k)
        .collect();
    keys.sort();
    if keys.is_empty() {
        return (Vec::new(), found_hunks);
    }
    // Every place's old text, now that it is needed (each place has one: `scope_of`).
    let places: Vec<(Scope, String)> = places
        .into_par_iter()
        .map(|(scope, e, o)| {
            let o = o.unwrap_or_else(|| texts(e, &scope).map(|t| t.0).unwrap_or_default());
            (scope, o)
        })
        .collect();
    for (a, b) in keys {
        let mut scopes = Vec::new();
        let mut places_hit = 0;
        for scope in [Scope::Title, Scope::Preamble, Scope::Operative] {
            let mut hit = 0;
            let mut ok = true;
            for (k, (s, o)) in places.iter().enumerate() {
                if *s != scope {
                    continue;
                }
                let v = crate::amend::text::View {
                    chars: o.chars().collect(),
                    spans: Vec::new(),
                };
                let occurrences = v.find(&a).len();
                let changed = per_place[k].iter().filter(|x| x.0 == a && x.1 == b).count();
                if occurrences != changed {
                    ok = false;
                    break;
                }
                if changed > 0 {
                    hit += 1;
                }
            }
            if ok && hit > 0 {
                scopes.push(scope);
                places_hit += hit;
            }
        }
        // Words that another wide replacement already changes are left to that one.
        let clash = out
            .iter()
            .any(|(x, _, _)| x.contains(&a) || a.contains(x.as_str()));
        if places_hit >= 2 && !clash {
            out.push((a, b, scopes));
        }
    }
    (out, found_hunks)
}
