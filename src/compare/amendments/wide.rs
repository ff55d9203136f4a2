//! Replacements of the same words made at every occurrence in the title, the preamble or
//! the operative part, in at least two places, found so that they are written as one
//! instruction ("Replace “Chernobyl” with “Chornobyl” in the title, the preambular
//! paragraphs and the operative paragraphs.").

use super::REPLACE_BELOW;
use super::places::Gen;
use super::quote::hunks;
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
pub(super) fn wide_changes(g: &Gen, old: &Document, new: &Document, cmp: &Comparison) -> Vec<Wide> {
    // Per scope, the kept places: (old text, new text), and the changes of words of each
    // (found on all cores, kept in reading order).
    type Kept = (Scope, String, String);
    let place = |e: &ChangeEntry| -> Option<Kept> {
        if e.part == PartKind::Header && e.field.as_deref() == Some("title") {
            let (o, n) = (e.old.as_ref()?, e.new.as_ref()?);
            let f = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
            return Some((Scope::Title, f(&o.text), f(&n.text)));
        }
        if e.part == PartKind::Header || !e.is_paragraph() || e.similarity < REPLACE_BELOW {
            return None;
        }
        let ol = e.old.as_ref()?.location.as_ref()?;
        let nl = e.new.as_ref()?.location.as_ref()?;
        let (op, np) = (old.at(ol)?, new.at(nl)?);
        let scope = match ol.part {
            p if p.is_preamble() => Scope::Preamble,
            p if p.is_operative() => Scope::Operative,
            _ => return None,
        };
        Some((
            scope,
            g.old_plain(&op.full_text()),
            g.new_plain(&np.full_text()),
        ))
    };
    let changed = |o: &str, n: &str| -> Vec<(String, String)> {
        hunks(o, n)
            .into_iter()
            .map(|h| {
                (
                    o[h.oa..h.ob].trim().to_string(),
                    n[h.na..h.nb].trim().to_string(),
                )
            })
            .filter(|(a, b)| !a.is_empty() && !b.is_empty() && a.chars().any(is_word))
            .collect()
    };
    let found: Vec<(Kept, Vec<(String, String)>)> = cmp
        .changes
        .par_iter()
        .with_min_len(32)
        .filter_map(|e| {
            let p = place(e)?;
            let v = changed(&p.1, &p.2);
            Some((p, v))
        })
        .collect();
    let (places, per_place): (Vec<_>, Vec<_>) = found.into_iter().unzip();
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
    for (a, b) in keys {
        let mut scopes = Vec::new();
        let mut places_hit = 0;
        for scope in [Scope::Title, Scope::Preamble, Scope::Operative] {
            let mut hit = 0;
            let mut ok = true;
            for (k, (s, o, _)) in places.iter().enumerate() {
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
    out
}
