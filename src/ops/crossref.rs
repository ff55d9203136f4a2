//! Cross-references inside the text that follow the paragraph they point to.
//!
//! Recognised forms: “paragraph 5 above/below”, “paragraphs 3 and 4”, “paragraphs 7 to 9”
//! (also “7–9”), “paragraphs 3, 4 and 7”, “subparagraph (b) of paragraph 2”, “subparagraphs
//! (a) and (b) of paragraph 2”, “paragraph 2 (b)”, “operative paragraph 12”, “preambular
//! paragraph 3”, and any of these followed by “of the present resolution” (or report). In a
//! resolution a paragraph number is an operative number; in a report it is the continuous
//! paragraph number of its numbered sections.
//!
//! References to other texts are left alone: a number followed by “of …” (“paragraph 12 of
//! resolution 75/1”, “paragraph 4 of its decision”) or “, of …”, “thereof”, or preceded by
//! “article 6,”, “rule 2,”, “resolution 75/1,” and the like, or by “resolution 74/2 of 10
//! October 2019, in particular”.
//!
//! Each resolution part and each annex numbers on its own: a reference in part II means
//! part II's paragraphs, one in an annex the annex's; “paragraph 5 of the annex” (“of annex
//! II”, “… to the present resolution”) from anywhere names the annex's paragraph 5.
//!
//! Before an operation the document is indexed (number → id); afterwards every reference is
//! resolved against the old index and written with the new number of the same paragraph. A
//! reference to a deleted paragraph is left as it is and reported as a warning. “above” and
//! “below” are turned round when the target moves to the other side of the paragraph that
//! refers to it.

use super::transaction::Recorder;
use super::{OpError, quote};
use crate::model::{Document, Id, Part};
use crate::numbering;
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

/// Which numbering a reference counts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Space {
    /// Operative paragraphs (resolutions) or numbered report paragraphs.
    Main,
    Preamble,
}

/// The numbering a paragraph belongs to: the resolution's own (or a report's), one part's,
/// one annex's. Parts and annexes are named by id, so they survive being moved.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
enum Scope {
    #[default]
    Top,
    Part(Id),
    Annex(Id),
}

fn scope_of(doc: &Document, part: Part) -> Scope {
    if let Some(k) = part.resolution_part() {
        return doc
            .parts
            .get(k)
            .map_or(Scope::Top, |p| Scope::Part(p.id.clone()));
    }
    if let Some(a) = part.annex() {
        return doc
            .annexes
            .get(a)
            .map_or(Scope::Top, |x| Scope::Annex(x.id.clone()));
    }
    Scope::Top
}

/// Where a paragraph stands, as a reference names it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Place {
    number: u32,
    labels: Vec<String>,
}

type Key = (Scope, Space, u32, Vec<String>);

/// The numbers of a document at one moment: number → id, id → number, id → document order.
#[derive(Debug, Default)]
pub(crate) struct Index {
    by_key: HashMap<Key, Id>,
    by_id: HashMap<Id, (Space, Place)>,
    order: HashMap<Id, usize>,
    /// The numbering each paragraph (also unnumbered ones) belongs to.
    scope: HashMap<Id, Scope>,
    /// The annexes by printed label ("I"), and the only annex under "".
    annexes: HashMap<String, Id>,
}

impl Index {
    pub(crate) fn build(doc: &Document) -> Self {
        let mut index = Index::default();
        let mut n = 0;
        for x in &doc.annexes {
            index.annexes.insert(x.label.to_uppercase(), x.id.clone());
        }
        if let [only] = doc.annexes.as_slice() {
            index.annexes.insert(String::new(), only.id.clone());
        }
        doc.walk(&mut |p, loc| {
            index.order.insert(p.id.clone(), n);
            n += 1;
            let scope = scope_of(doc, loc.part);
            index.scope.insert(p.id.clone(), scope.clone());
            let (space, number) = match loc.part {
                Part::Preamble | Part::PartPreamble(_) => {
                    (Space::Preamble, Some(loc.top() as u32 + 1))
                }
                Part::Operative | Part::PartOperative(_) if !doc.is_report() => {
                    (Space::Main, numbering::number(doc, loc.part, loc.top()))
                }
                Part::Section(_) if doc.is_report() => {
                    (Space::Main, numbering::number(doc, loc.part, loc.top()))
                }
                Part::Annex(_) | Part::AnnexSection(..) => {
                    (Space::Main, numbering::number(doc, loc.part, loc.top()))
                }
                _ => return,
            };
            let Some(number) = number else { return };
            let labels = numbering::path_labels(doc, loc);
            index
                .by_key
                .insert((scope, space, number, labels.clone()), p.id.clone());
            index
                .by_id
                .insert(p.id.clone(), (space, Place { number, labels }));
        });
        index
    }
}

const LABEL: &str = r"\([a-z]{1,6}\)";
const ITEM: &str = r"\d+(?:\s?\([a-z]{1,6}\))*";
const SEP: &str = r"(?:\s*,\s*|,?\s+(?:and|or|to)\s+|\s*[–-]\s*)";

static REF: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"\b(?:(?P<sub>[Ss]ub-?paragraphs?)\s+(?P<labels>{LABEL}(?:(?:{SEP}|\s?){LABEL})*)\s+of\s+(?P<subop>operative\s+)?paragraph\s+(?P<parent>\d+)|(?P<prefix>(?:[Oo]perative|[Pp]reambular)\s+)?(?:[Pp]aragraphs\s+(?P<items>{ITEM}(?:{SEP}{ITEM})*)|[Pp]aragraph\s+(?P<item>{ITEM})))(?P<dir>\s+(?:above|below))?"
    );
    Regex::new(&pattern).expect("the reference pattern is a valid constant")
});
static ITEM_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<n>\d+)(?P<l>(?:\s?\([a-z]{1,6}\))*)").expect("valid constant")
});
static LABEL_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(([a-z]{1,6})\)").expect("valid constant"));
static EXTERNAL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:articles?|rules?|sections?|annex|chapters?|regulations?|part|resolutions?|decisions?)\s+(?:\d[\w./-]*|[IVXLC]+),?\s*$")
        .expect("valid constant")
});
static EXTERNAL_PARTICULAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:resolutions?|decisions?|articles?|conventions?|protocols?|declarations?)\b[^;:]*,\s*(?:and\s+)?(?:in\s+particular|including|especially|notably)\s+$")
        .expect("valid constant")
});
static OF_PRESENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^,?\s+of\s+(?:the\s+present|this)\s+(?:resolution|report)\b")
        .expect("valid constant")
});
/// "of the annex", "of annex II", optionally "to the present resolution": a reference into an
/// annex of this document (anything else after "of annex …" is another text's annex).
static OF_ANNEX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^,?\s+of\s+(?:the\s+annex|annex\s+(?P<n>[IVXLC]+))(?P<tail>\s+to\s+(?:the\s+present|this)\s+(?:resolution|decision))?(?P<rest>\s+(?:to|of)\b)?")
        .expect("valid constant")
});
static EXTERNAL_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:,?\s+of\b|\s+thereof\b|\s*(?:bis|ter|quater)\b|[\w/]|\.\d)")
        .expect("valid constant")
});

/// One numbered item of a reference: "5", "2 (b)".
#[derive(Debug, Clone)]
struct Item {
    span: Range<usize>,
    number: u32,
    labels: Vec<String>,
    /// Whether the separator before this item makes a range ("to", a dash).
    range_from_previous: bool,
}

#[derive(Debug)]
enum Shape {
    /// "paragraph(s) ITEM, ITEM and ITEM".
    Items(Vec<Item>),
    /// "subparagraph(s) (b) of paragraph 2": the labels, the parent number, and the span
    /// from the keyword to the parent number.
    SubOf {
        plural: bool,
        labels: Vec<(Range<usize>, String)>,
        parent: (Range<usize>, u32),
        whole: Range<usize>,
        capital: bool,
        operative: bool,
    },
}

#[derive(Debug)]
struct Found {
    /// The whole reference, direction word included.
    span: Range<usize>,
    space: Space,
    /// The annex named after the reference ("of annex II": "II"; "of the annex": "").
    annex: Option<String>,
    shape: Shape,
    /// The span of "above"/"below" and whether it says "above".
    dir: Option<(Range<usize>, bool)>,
}

fn parse_items(text: &str, group: Range<usize>) -> Option<Vec<Item>> {
    let mut items = Vec::new();
    let mut prev_end = group.start;
    for m in ITEM_RE.captures_iter(&text[group.clone()]) {
        let all = m.get(0)?;
        let span = group.start + all.start()..group.start + all.end();
        let number = m.name("n")?.as_str().parse().ok()?;
        let labels = m
            .name("l")
            .map(|l| {
                LABEL_RE
                    .captures_iter(l.as_str())
                    .filter_map(|c| c.get(1).map(|x| x.as_str().to_string()))
                    .collect()
            })
            .unwrap_or_default();
        let sep = &text[prev_end..span.start];
        let range_from_previous =
            !items.is_empty() && (sep.contains("to") || sep.contains('–') || sep.contains('-'));
        prev_end = span.end;
        items.push(Item {
            span,
            number,
            labels,
            range_from_previous,
        });
    }
    Some(items)
}

/// The internal references in a text, in order.
fn find(text: &str) -> Vec<Found> {
    let mut out = Vec::new();
    for c in REF.captures_iter(text) {
        let Some(all) = c.get(0) else { continue };
        let core_end = c.name("dir").map_or(all.end(), |d| d.start());
        let after = &text[core_end..];
        let annex = OF_ANNEX
            .captures(after)
            .filter(|m| m.name("rest").is_none() || m.name("tail").is_some())
            .map(|m| m.name("n").map_or(String::new(), |n| n.as_str().to_string()));
        let internal_of = OF_PRESENT.is_match(after) || annex.is_some();
        if c.name("dir").is_none() && !internal_of && EXTERNAL_AFTER.is_match(after) {
            continue;
        }
        let before = &text[..all.start()];
        let external_before =
            EXTERNAL_BEFORE.is_match(before) || EXTERNAL_PARTICULAR.is_match(before);
        if c.name("dir").is_none() && external_before {
            continue;
        }
        let dir = c.name("dir").map(|d| {
            let above = d.as_str().trim_start() == "above";
            let word_start = d.end() - d.as_str().trim_start().len();
            (word_start..d.end(), above)
        });
        let found = if let Some(labels) = c.name("labels") {
            let Some(parent) = c.name("parent") else {
                continue;
            };
            let Ok(number) = parent.as_str().parse() else {
                continue;
            };
            let sub = c.name("sub").map(|m| m.as_str()).unwrap_or("");
            let labels = LABEL_RE
                .captures_iter(labels.as_str())
                .filter_map(|l| {
                    let g = l.get(1)?;
                    let base = labels.start();
                    Some((
                        base + g.start() - 1..base + g.end() + 1,
                        g.as_str().to_string(),
                    ))
                })
                .collect();
            Found {
                span: all.range(),
                space: Space::Main,
                annex,
                shape: Shape::SubOf {
                    plural: sub.ends_with('s'),
                    labels,
                    parent: (parent.range(), number),
                    whole: all.start()..parent.end(),
                    capital: sub.starts_with('S'),
                    operative: c.name("subop").is_some(),
                },
                dir,
            }
        } else {
            let group = c.name("items").or_else(|| c.name("item"));
            let Some(items) = group.and_then(|g| parse_items(text, g.range())) else {
                continue;
            };
            let preamble = c
                .name("prefix")
                .is_some_and(|p| p.as_str().to_lowercase().starts_with("preambular"));
            Found {
                span: all.range(),
                space: if preamble {
                    Space::Preamble
                } else {
                    Space::Main
                },
                annex,
                shape: Shape::Items(items),
                dir,
            }
        };
        out.push(found);
    }
    out
}

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

/// What became of one target.
enum Fate {
    /// Not a paragraph of the old document: the reference was already wrong.
    Unknown,
    Deleted,
    Now(Id, Place),
}

struct Ctx<'a> {
    before: &'a Index,
    after: &'a Index,
    /// The numbering the references being resolved count in.
    scope: Scope,
}

impl Ctx<'_> {
    fn fate(&self, space: Space, number: u32, labels: &[String]) -> Fate {
        let key = (self.scope.clone(), space, number, labels.to_vec());
        let Some(id) = self.before.by_key.get(&key) else {
            return Fate::Unknown;
        };
        match self.after.by_id.get(id) {
            Some((_, place)) => Fate::Now(id.clone(), place.clone()),
            None => Fate::Deleted,
        }
    }
}

/// The outcome of resolving one reference.
struct Resolved {
    replacements: Vec<(Range<usize>, String)>,
    targets: Vec<Id>,
    warning: Option<String>,
    /// Whether every target was found (only then is “above”/“below” checked).
    complete: bool,
}

fn resolve(f: &Found, text: &str, ctx: &Ctx, full: bool) -> Resolved {
    let mut out = Resolved {
        replacements: Vec::new(),
        targets: Vec::new(),
        warning: None,
        complete: false,
    };
    let shown = quote(&text[f.span.clone()]);
    match &f.shape {
        Shape::Items(items) => {
            let mut places = Vec::new();
            for (i, item) in items.iter().enumerate() {
                match ctx.fate(f.space, item.number, &item.labels) {
                    Fate::Unknown => {
                        if full {
                            out.warning =
                                Some(format!("{shown} names a paragraph that does not exist"));
                        }
                        return out;
                    }
                    Fate::Deleted => {
                        out.warning = Some(format!(
                            "{shown} refers to a deleted paragraph (left unchanged)"
                        ));
                        return out;
                    }
                    Fate::Now(id, place) => {
                        out.targets.push(id);
                        places.push(place);
                    }
                }
                if item.range_from_previous
                    && i > 0
                    && let Some(w) = check_range(f.space, &items[i - 1], item, ctx)
                {
                    out.warning = Some(format!("{shown}: {w}"));
                }
            }
            out.complete = true;
            for (i, (item, place)) in items.iter().zip(&places).enumerate() {
                if place.number != item.number || place.labels != item.labels {
                    out.replacements
                        .push((item.span.clone(), render_item(place)));
                }
                // A range shrunk to two neighbours reads "paragraphs 6 and 7".
                if item.range_from_previous && i > 0 {
                    let prev = &places[i - 1];
                    let neighbours = prev.labels.is_empty()
                        && place.labels.is_empty()
                        && prev.number + 1 == place.number;
                    let sep = items[i - 1].span.end..item.span.start;
                    if neighbours && item.number != items[i - 1].number + 1 {
                        out.replacements.push((sep, " and ".to_string()));
                    }
                }
            }
        }
        Shape::SubOf {
            plural,
            labels,
            parent,
            whole,
            capital,
            operative,
        } => {
            let paths: Vec<Vec<String>> = if *plural {
                labels.iter().map(|(_, l)| vec![l.clone()]).collect()
            } else {
                vec![labels.iter().map(|(_, l)| l.clone()).collect()]
            };
            let mut places = Vec::new();
            for path in &paths {
                match ctx.fate(Space::Main, parent.1, path) {
                    Fate::Unknown => {
                        if full {
                            out.warning =
                                Some(format!("{shown} names a sub-paragraph that does not exist"));
                        }
                        return out;
                    }
                    Fate::Deleted => {
                        out.warning = Some(format!(
                            "{shown} refers to a deleted sub-paragraph (left unchanged)"
                        ));
                        return out;
                    }
                    Fate::Now(id, place) => {
                        out.targets.push(id);
                        places.push(place);
                    }
                }
            }
            out.complete = true;
            if !*plural {
                let Some(place) = places.first() else {
                    return out;
                };
                let Some((first, _)) = labels.first() else {
                    return out;
                };
                let Some((last, _)) = labels.last() else {
                    return out;
                };
                if place.labels.is_empty() {
                    let kw = if *capital { "Paragraph" } else { "paragraph" };
                    let op = if *operative { "operative " } else { "" };
                    out.replacements
                        .push((whole.clone(), format!("{op}{kw} {}", place.number)));
                } else {
                    if place.labels != paths[0] {
                        out.replacements
                            .push((first.start..last.end, render_labels(&place.labels)));
                    }
                    if place.number != parent.1 {
                        out.replacements
                            .push((parent.0.clone(), place.number.to_string()));
                    }
                }
            } else {
                let same_parent = places
                    .iter()
                    .all(|p| p.labels.len() == 1 && p.number == places[0].number);
                if !same_parent {
                    out.warning = Some(format!(
                        "{shown}: the sub-paragraphs no longer share one paragraph (left unchanged)"
                    ));
                    out.targets.clear();
                    out.complete = false;
                    return out;
                }
                for ((span, old), place) in labels.iter().zip(&places) {
                    if place.labels[0] != *old {
                        out.replacements
                            .push((span.clone(), render_labels(&place.labels)));
                    }
                }
                if places[0].number != parent.1 {
                    out.replacements
                        .push((parent.0.clone(), places[0].number.to_string()));
                }
            }
        }
    }
    out
}

/// A warning when the paragraphs of a range "a to b" no longer form the run a..=b.
fn check_range(space: Space, a: &Item, b: &Item, ctx: &Ctx) -> Option<String> {
    if !a.labels.is_empty() || !b.labels.is_empty() || a.number >= b.number {
        return None;
    }
    let mut numbers = Vec::new();
    for k in a.number..=b.number {
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

/// Rewrites every internal reference in the document to follow its paragraph, using the
/// index taken before the operation. Texts of paragraphs in `skip` (just inserted, written
/// against the new numbering) are left alone. With `full`, “above”/“below” are checked
/// everywhere and references to missing paragraphs are reported.
pub(crate) fn rewrite(
    rec: &mut Recorder<'_>,
    before: &Index,
    skip: &HashSet<Id>,
    full: bool,
    messages: &mut Vec<String>,
    warnings: &mut Vec<String>,
) -> Result<(), OpError> {
    let after = Index::build(rec.doc);
    let mut ctx = Ctx {
        before,
        after: &after,
        scope: Scope::Top,
    };
    let mut todo: Vec<(Id, String)> = Vec::new();
    for (p, loc) in rec.doc.paragraphs() {
        if skip.contains(&p.id) || !p.text.contains("aragraph") {
            continue;
        }
        let place = numbering::describe(rec.doc, &loc);
        let me_after = after.order.get(&p.id).copied();
        let me_before = before.order.get(&p.id).copied();
        let mut reps: Vec<(Range<usize>, String)> = Vec::new();
        // The numbering the paragraph counted in before the operation (where its references
        // were written), else where it stands now.
        let own = before
            .scope
            .get(&p.id)
            .or_else(|| after.scope.get(&p.id))
            .cloned()
            .unwrap_or_default();
        for f in find(&p.text) {
            ctx.scope = match &f.annex {
                Some(label) => match before.annexes.get(&label.to_uppercase()) {
                    Some(id) => Scope::Annex(id.clone()),
                    // "of the annex" in a document without one: another text's annex.
                    None => continue,
                },
                None => own.clone(),
            };
            let mut r = resolve(&f, &p.text, &ctx, full);
            if let Some(w) = r.warning.take() {
                warnings.push(format!("{place}: {w}"));
            }
            if let (Some((span, above)), Some(me)) = (&f.dir, me_after) {
                let side = |index: &Index, me: usize| -> Option<bool> {
                    let orders: Vec<usize> = r
                        .targets
                        .iter()
                        .filter_map(|t| index.order.get(t).copied())
                        .collect();
                    if orders.is_empty() || orders.len() != r.targets.len() {
                        return None;
                    }
                    if orders.iter().all(|o| *o < me) {
                        Some(true)
                    } else if orders.iter().all(|o| *o > me) {
                        Some(false)
                    } else {
                        None
                    }
                };
                let now = side(&after, me);
                let then = me_before.and_then(|m| side(before, m));
                if let Some(now) = now
                    && r.complete
                    && now != *above
                    && (full || then != Some(now))
                {
                    let word = if now { "above" } else { "below" };
                    r.replacements.push((span.clone(), word.to_string()));
                }
            }
            if r.replacements.is_empty() {
                continue;
            }
            r.replacements.sort_by_key(|(s, _)| s.start);
            let old = &p.text[f.span.clone()];
            let new = splice(old, f.span.start, &r.replacements);
            messages.push(format!("{place}: {} → {}", quote(old), quote(&new)));
            reps.extend(r.replacements);
        }
        if !reps.is_empty() {
            reps.sort_by_key(|(s, _)| s.start);
            todo.push((p.id.clone(), splice(&p.text, 0, &reps)));
        }
    }
    for (id, text) in todo {
        rec.set_text(&id, text)?;
    }
    Ok(())
}

/// `s` (which starts at byte `base` of the text the spans refer to) with the sorted,
/// non-overlapping replacements made.
fn splice(s: &str, base: usize, reps: &[(Range<usize>, String)]) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut at = 0;
    for (span, new) in reps {
        let (start, end) = (span.start - base, span.end - base);
        if start < at || end > s.len() {
            continue;
        }
        out.push_str(&s[at..start]);
        out.push_str(new);
        at = end;
    }
    out.push_str(&s[at..]);
    out
}

#[cfg(test)]
#[path = "crossref_tests.rs"]
mod tests;
