//! Resolving one reference found in a text: what became of each paragraph it names (moved,
//! renumbered, deleted, never there), and the replacements that write it for the new
//! numbering (“paragraph [deleted: 3] above” for a deleted target, a range shrunk to “6 and
//! 7”, a local “subparagraph (b) above” written out in full when its target leaves).

use super::find::{DANGLING_OPEN, Found, Item, Label, Shape};
use super::{Index, Place, Scope, Space};
use crate::model::Id;
use crate::ops::quote;
use std::ops::Range;

fn render_labels(labels: &[String]) -> String {
    labels
        .iter()
        .map(|l| format!("({l})"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn render_item(place: &Place) -> String {
    let mut s = place.number.to_string();
    for l in &place.labels {
        s.push_str(&format!(" ({l})"));
    }
    s
}

/// The dangling form of a reference item whose target was deleted ("[deleted: 3]").
fn dangling(written: &str) -> String {
    format!("{DANGLING_OPEN}{written}]")
}

/// What became of one target.
enum Fate {
    /// Not a paragraph of the old document: the reference was already wrong.
    Unknown,
    Deleted,
    Now(Id, Place),
}

pub(super) struct Ctx<'a> {
    pub(super) before: &'a Index,
    pub(super) after: &'a Index,
    /// The numbering the references being resolved count in.
    pub(super) scope: Scope,
}

impl Ctx<'_> {
    fn fate(&self, space: Space, number: u32, labels: &[String]) -> Fate {
        let key = (self.scope.clone(), space, number, labels.to_vec());
        let Some(id) = self.before.at_key(&key) else {
            return Fate::Unknown;
        };
        self.fate_of(id)
    }

    fn fate_of(&self, id: &Id) -> Fate {
        match self.after.place(id) {
            Some((_, place)) => Fate::Now(id.clone(), place.clone()),
            None => Fate::Deleted,
        }
    }
}

/// The sub-paragraph a local reference (labels `ls`) names from a paragraph standing at
/// `number` / `at` (its own labels): a sibling first, then a sibling of each ancestor, then
/// a child.
fn local_target<'a>(
    index: &'a Index,
    scope: &Scope,
    space: Space,
    number: u32,
    at: &[String],
    ls: &[String],
) -> Option<&'a Id> {
    (0..at.len()).rev().chain([at.len()]).find_map(|k| {
        let mut labels = at[..k].to_vec();
        labels.extend_from_slice(ls);
        index.at_key(&(scope.clone(), space, number, labels))
    })
}

/// The target paths a list of labels names, each with the span of its labels: one path of
/// all the labels ("(a) (ii)") for a singular keyword, one a label for a plural one (whose
/// dangling labels name nothing).
fn target_paths(labels: &[Label], plural: bool) -> Vec<(Range<usize>, Vec<String>)> {
    if plural {
        labels
            .iter()
            .filter_map(|(s, l)| Some((s.clone(), vec![l.clone()?])))
            .collect()
    } else {
        let span = labels.first().map_or(0, |l| l.0.start)..labels.last().map_or(0, |l| l.0.end);
        vec![(span, labels.iter().filter_map(|(_, l)| l.clone()).collect())]
    }
}

/// The outcome of resolving one reference.
pub(super) struct Resolved {
    pub(super) replacements: Vec<(Range<usize>, String)>,
    pub(super) targets: Vec<Id>,
    pub(super) warning: Option<String>,
    /// Whether every target was found (only then is “above”/“below” checked).
    pub(super) complete: bool,
    /// Whether a target was deleted by this operation (its item is being marked dangling).
    pub(super) deleted: bool,
}

pub(super) fn resolve(f: &Found, text: &str, ctx: &Ctx, full: bool, referrer: &Id) -> Resolved {
    let mut out = Resolved {
        replacements: Vec::new(),
        targets: Vec::new(),
        warning: None,
        complete: false,
        deleted: false,
    };
    let shown = quote(&text[f.span.clone()]);
    let dangling_found = |out: &mut Resolved| {
        if full {
            out.warning = Some(format!(
                "{shown} refers to a deleted paragraph: correct it or delete it"
            ));
        }
    };
    match &f.shape {
        Shape::Items(items) => {
            let mut fates = Vec::new();
            for item in items {
                fates.push(match item.number {
                    None => None,
                    Some(n) => match ctx.fate(f.space, n, &item.labels) {
                        Fate::Unknown => {
                            if full {
                                out.warning =
                                    Some(format!("{shown} names a paragraph that does not exist"));
                            }
                            return out;
                        }
                        fate => Some(fate),
                    },
                });
            }
            let mut dangling_items = false;
            let mut places: Vec<Option<Place>> = Vec::new();
            for (item, fate) in items.iter().zip(fates) {
                match fate {
                    Some(Fate::Now(id, place)) => {
                        out.targets.push(id);
                        if Some(place.number) != item.number || place.labels != item.labels {
                            out.replacements
                                .push((item.span.clone(), render_item(&place)));
                        }
                        places.push(Some(place));
                    }
                    Some(_) => {
                        out.deleted = true;
                        out.replacements
                            .push((item.span.clone(), dangling(&text[item.span.clone()])));
                        places.push(None);
                    }
                    None => {
                        dangling_items = true;
                        places.push(None);
                    }
                }
            }
            for i in 1..items.len() {
                let (a, b) = (&items[i - 1], &items[i]);
                let (Some(pa), Some(pb)) = (&places[i - 1], &places[i]) else {
                    continue;
                };
                if !b.range_from_previous {
                    continue;
                }
                if let Some(w) = check_range(f.space, a, b, ctx) {
                    out.warning = Some(format!("{shown}: {w}"));
                }
                // A range shrunk to two neighbours reads "paragraphs 6 and 7".
                let neighbours =
                    pa.labels.is_empty() && pb.labels.is_empty() && pa.number + 1 == pb.number;
                if neighbours && b.number != a.number.map(|n| n + 1) {
                    out.replacements
                        .push((a.span.end..b.span.start, " and ".to_string()));
                }
            }
            if dangling_items && !out.deleted {
                dangling_found(&mut out);
            }
            out.complete = !dangling_items && !out.deleted;
        }
        Shape::SubOf {
            plural,
            labels,
            parent,
            whole,
            capital,
            operative,
        } => {
            let Some(parent_number) = parent.1 else {
                dangling_found(&mut out);
                return out;
            };
            let parent_now = match ctx.fate(Space::Main, parent_number, &[]) {
                Fate::Now(_, place) => Some(place.number),
                Fate::Deleted => {
                    out.deleted = true;
                    out.replacements
                        .push((parent.0.clone(), dangling(&text[parent.0.clone()])));
                    return out;
                }
                Fate::Unknown => None,
            };
            if labels.iter().any(|(_, l)| l.is_none()) && !*plural {
                // The sub-paragraph was deleted earlier; its paragraph is still followed.
                if let Some(n) = parent_now.filter(|n| *n != parent_number) {
                    out.replacements.push((parent.0.clone(), n.to_string()));
                }
                dangling_found(&mut out);
                return out;
            }
            // Each target path with the spans of its labels.
            let paths = target_paths(labels, *plural);
            let mut fates = Vec::new();
            for (_, path) in &paths {
                match ctx.fate(Space::Main, parent_number, path) {
                    Fate::Unknown => {
                        if full {
                            out.warning =
                                Some(format!("{shown} names a sub-paragraph that does not exist"));
                        }
                        return out;
                    }
                    fate => fates.push(fate),
                }
            }
            let mut places = Vec::new();
            for ((span, _), fate) in paths.iter().zip(fates) {
                match fate {
                    Fate::Now(id, place) => {
                        out.targets.push(id);
                        places.push((span.clone(), place));
                    }
                    _ => {
                        out.deleted = true;
                        out.replacements
                            .push((span.clone(), dangling(&text[span.clone()])));
                    }
                }
            }
            let some_dangling = labels.iter().any(|(_, l)| l.is_none());
            out.complete = !out.deleted && !some_dangling;
            if !*plural {
                let Some((span, place)) = places.first() else {
                    // The one target was deleted: the parent may still have moved.
                    if let Some(n) = parent_now.filter(|n| *n != parent_number) {
                        out.replacements.push((parent.0.clone(), n.to_string()));
                    }
                    return out;
                };
                if place.labels.is_empty() {
                    let kw = if *capital { "Paragraph" } else { "paragraph" };
                    let op = if *operative { "operative " } else { "" };
                    out.replacements
                        .push((whole.clone(), format!("{op}{kw} {}", place.number)));
                } else {
                    if place.labels != paths[0].1 {
                        out.replacements
                            .push((span.clone(), render_labels(&place.labels)));
                    }
                    if place.number != parent_number {
                        out.replacements
                            .push((parent.0.clone(), place.number.to_string()));
                    }
                }
            } else {
                let first = places.first().map(|(_, p)| p.number).or(parent_now);
                let same_parent = places
                    .iter()
                    .all(|(_, p)| p.labels.len() == 1 && Some(p.number) == first);
                if !same_parent {
                    out.warning = Some(format!(
                        "{shown}: the sub-paragraphs no longer share one paragraph (left unchanged)"
                    ));
                    out.replacements.clear();
                    out.targets.clear();
                    out.complete = false;
                    out.deleted = false;
                    return out;
                }
                for (span, place) in &places {
                    if Some(&place.labels[0])
                        != labels
                            .iter()
                            .find(|l| l.0 == *span)
                            .and_then(|l| l.1.as_ref())
                    {
                        out.replacements
                            .push((span.clone(), render_labels(&place.labels)));
                    }
                }
                if let Some(n) = first.filter(|n| *n != parent_number) {
                    out.replacements.push((parent.0.clone(), n.to_string()));
                }
            }
            if some_dangling && !out.deleted {
                dangling_found(&mut out);
            }
        }
        Shape::Local {
            plural,
            labels,
            whole,
            capital,
        } => {
            let (Some((space, was)), Some((_, now))) =
                (ctx.before.place(referrer), ctx.after.place(referrer))
            else {
                return out;
            };
            if labels.iter().any(|(_, l)| l.is_none()) {
                if !*plural {
                    dangling_found(&mut out);
                    return out;
                }
                dangling_found(&mut out);
            }
            let paths = target_paths(labels, *plural);
            let mut reps = Vec::new();
            for (span, ls) in &paths {
                let Some(id) =
                    local_target(ctx.before, &ctx.scope, *space, was.number, &was.labels, ls)
                else {
                    // Not a sub-paragraph of this paragraph: another text's, left alone.
                    return out;
                };
                let Fate::Now(id, place) = ctx.fate_of(id) else {
                    out.deleted = true;
                    reps.push((span.clone(), dangling(&text[span.clone()])));
                    continue;
                };
                // Still reachable from here with as many labels: rewrite the labels only.
                let k = place.labels.len().checked_sub(ls.len());
                let local = k.filter(|&k| {
                    place.number == now.number
                        && k <= now.labels.len()
                        && place.labels[..k] == now.labels[..k]
                        && local_target(
                            ctx.after,
                            ctx.after.scope(referrer).unwrap_or(&ctx.scope),
                            *space,
                            now.number,
                            &now.labels,
                            &place.labels[k..],
                        ) == Some(&id)
                });
                match local {
                    Some(k) => {
                        if place.labels[k..] != ls[..] {
                            reps.push((span.clone(), render_labels(&place.labels[k..])));
                        }
                    }
                    None if !*plural && *space == Space::Main => {
                        let kw = if *capital { "S" } else { "s" };
                        let new = if place.labels.is_empty() {
                            let kw = if *capital { "Paragraph" } else { "paragraph" };
                            format!("{kw} {}", place.number)
                        } else {
                            format!(
                                "{kw}ubparagraph {} of paragraph {}",
                                render_labels(&place.labels),
                                place.number
                            )
                        };
                        reps.push((whole.clone(), new));
                    }
                    None => {
                        out.warning = Some(format!(
                            "{shown}: the sub-paragraphs are no longer in this paragraph (left unchanged)"
                        ));
                        out.targets.clear();
                        out.deleted = false;
                        return out;
                    }
                }
                out.targets.push(id);
            }
            out.replacements = reps;
            out.complete = !out.deleted && labels.iter().all(|(_, l)| l.is_some());
        }
    }
    out
}

/// A warning when the paragraphs of a range "a to b" no longer form the run a..=b.
fn check_range(space: Space, a: &Item, b: &Item, ctx: &Ctx) -> Option<String> {
    let (Some(first), Some(last)) = (a.number, b.number) else {
        return None;
    };
    if !a.labels.is_empty() || !b.labels.is_empty() || first >= last {
        return None;
    }
    let mut numbers = Vec::new();
    for k in first..=last {
        match ctx.fate(space, k, &[]) {
            Fate::Now(_, place) if place.labels.is_empty() => numbers.push(place.number),
            Fate::Now(..) => return Some(format!("paragraph {k} is now a sub-paragraph")),
            Fate::Deleted => return Some(format!("paragraph {k} of the range was deleted")),
            Fate::Unknown => return None,
        }
    }
    let lo = numbers.first().copied().unwrap_or(0);
    let hi = numbers.last().copied().unwrap_or(0);
    let mut sorted = numbers.clone();
    sorted.sort_unstable();
    let run: Vec<u32> = (lo..=hi).collect();
    (sorted != run).then(|| "the range no longer covers one continuous run of paragraphs".into())
}
