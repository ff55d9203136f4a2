//! Cross-references inside the text that follow the paragraph they point to.
//!
//! Recognised forms: “paragraph 5 above/below”, “paragraphs 3 and 4”, “paragraphs 7 to 9”
//! (also “7–9”), “paragraphs 3, 4 and 7”, “subparagraph (b) of paragraph 2”, “subparagraphs
//! (a) and (b) of paragraph 2”, “paragraph 2 (b)”, “operative paragraph 12”, “preambular
//! paragraph 3”, “subparagraph (b) above” (a sub-paragraph of the same paragraph), and any
//! of these followed by “of the present resolution” (or report). In a
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
//! reference to a deleted paragraph is marked dangling in place (“paragraph [deleted: 3]
//! above”, “subparagraph [deleted: (b)] of paragraph 2”) and reported as a warning: it never
//! goes on to name whichever paragraph takes the number, and later operations leave the mark
//! alone while the other items of the reference keep following their paragraphs. A local
//! reference (“subparagraph (b) above”) is resolved among the sub-paragraphs of the paragraph
//! that holds it; when its target leaves that paragraph it is written out in full
//! (“subparagraph (a) of paragraph 6 above”). “above” and “below” are turned round when the
//! target moves to the other side of the paragraph that refers to it.

use super::transaction::Recorder;
use super::{OpError, quote};
use crate::model::{Document, Id, Paragraph, Part};
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
/// A reference to a deleted paragraph, kept recognisable: "[deleted: 3]", "[deleted: (b)]".
const DANGLING: &str = r"\[deleted: [^\[\]]{1,40}\]";
/// The text that marks a reference whose target was deleted.
pub(crate) const DANGLING_OPEN: &str = "[deleted: ";

static REF: LazyLock<Regex> = LazyLock::new(|| {
    let label = format!(r"(?:{LABEL}|{DANGLING})");
    let labels = format!(r"{label}(?:(?:{SEP}|\s?){label})*");
    let item = format!(r"(?:\d+(?:\s?\([a-z]{{1,6}}\))*|{DANGLING})");
    let parent = format!(r"(?:\d+|{DANGLING})");
    let pattern = format!(
        r"\b(?:(?P<sub>[Ss]ub-?paragraphs?)\s+(?P<labels>{labels})\s+of\s+(?P<subop>operative\s+)?paragraph\s+(?P<parent>{parent})|(?P<lsub>[Ss]ub-?paragraphs?)\s+(?P<llabels>{labels})|(?P<prefix>(?:[Oo]perative|[Pp]reambular)\s+)?(?:[Pp]aragraphs\s+(?P<items>{item}(?:{SEP}{item})*)|[Pp]aragraph\s+(?P<item>{item})))(?P<dir>\s+(?:above|below))?"
    );
    Regex::new(&pattern).expect("the reference pattern is a valid constant")
});
const SEP: &str = r"(?:\s*,\s*|,?\s+(?:and|or|to)\s+|\s*[–-]\s*)";
static ITEM_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<d>{DANGLING})|(?P<n>\d+)(?P<l>(?:\s?\([a-z]{{1,6}}\))*)"
    ))
    .expect("valid constant")
});
static LABEL_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?P<d>{DANGLING})|\((?P<l>[a-z]{{1,6}})\)")).expect("valid constant")
});
static DANGLING_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(DANGLING).expect("valid constant"));
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

/// One numbered item of a reference: "5", "2 (b)", or a dangling "[deleted: 5]".
#[derive(Debug, Clone)]
struct Item {
    span: Range<usize>,
    /// `None` for a dangling item (its target was deleted earlier).
    number: Option<u32>,
    labels: Vec<String>,
    /// Whether the separator before this item makes a range ("to", a dash).
    range_from_previous: bool,
}

/// A sub-paragraph label as written, "(b)" with its span; `None` when dangling.
type Label = (Range<usize>, Option<String>);

#[derive(Debug)]
enum Shape {
    /// "paragraph(s) ITEM, ITEM and ITEM".
    Items(Vec<Item>),
    /// "subparagraph(s) (b) of paragraph 2": the labels, the parent number (`None` when
    /// dangling), and the span from the keyword to the parent number.
    SubOf {
        plural: bool,
        labels: Vec<Label>,
        parent: (Range<usize>, Option<u32>),
        whole: Range<usize>,
        capital: bool,
        operative: bool,
    },
    /// "subparagraph (b) above": a sub-paragraph of the paragraph that holds the reference
    /// (a sibling, a sibling of an ancestor, or a child), with the span of keyword and labels.
    Local {
        plural: bool,
        labels: Vec<Label>,
        whole: Range<usize>,
        capital: bool,
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
        let (number, labels) = if m.name("d").is_some() {
            (None, Vec::new())
        } else {
            let number = m.name("n")?.as_str().parse().ok()?;
            let labels = m
                .name("l")
                .map(|l| {
                    LABEL_RE
                        .captures_iter(l.as_str())
                        .filter_map(|c| c.name("l").map(|x| x.as_str().to_string()))
                        .collect()
                })
                .unwrap_or_default();
            (Some(number), labels)
        };
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

fn parse_labels(group: regex::Match<'_>) -> Vec<Label> {
    let base = group.start();
    LABEL_RE
        .captures_iter(group.as_str())
        .filter_map(|c| {
            let all = c.get(0)?;
            let span = base + all.start()..base + all.end();
            Some((span, c.name("l").map(|l| l.as_str().to_string())))
        })
        .collect()
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
            .map(|m| {
                m.name("n")
                    .map_or(String::new(), |n| n.as_str().to_string())
            });
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
        let shape = if let Some(labels) = c.name("labels") {
            let Some(parent) = c.name("parent") else {
                continue;
            };
            let sub = c.name("sub").map(|m| m.as_str()).unwrap_or("");
            Shape::SubOf {
                plural: sub.ends_with('s'),
                labels: parse_labels(labels),
                parent: (parent.range(), parent.as_str().parse().ok()),
                whole: all.start()..parent.end(),
                capital: sub.starts_with('S'),
                operative: c.name("subop").is_some(),
            }
        } else if let Some(labels) = c.name("llabels") {
            let sub = c.name("lsub").map(|m| m.as_str()).unwrap_or("");
            Shape::Local {
                plural: sub.ends_with('s'),
                labels: parse_labels(labels),
                whole: all.start()..labels.end(),
                capital: sub.starts_with('S'),
            }
        } else {
            let group = c.name("items").or_else(|| c.name("item"));
            let Some(items) = group.and_then(|g| parse_items(text, g.range())) else {
                continue;
            };
            Shape::Items(items)
        };
        let preamble = c
            .name("prefix")
            .is_some_and(|p| p.as_str().to_lowercase().starts_with("preambular"));
        out.push(Found {
            span: all.range(),
            space: if preamble {
                Space::Preamble
            } else {
                Space::Main
            },
            annex,
            shape,
            dir,
        });
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
        self.fate_of(id)
    }

    fn fate_of(&self, id: &Id) -> Fate {
        match self.after.by_id.get(id) {
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
        index.by_key.get(&(scope.clone(), space, number, labels))
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
struct Resolved {
    replacements: Vec<(Range<usize>, String)>,
    targets: Vec<Id>,
    warning: Option<String>,
    /// Whether every target was found (only then is “above”/“below” checked).
    complete: bool,
    /// Whether a target was deleted by this operation (its item is being marked dangling).
    deleted: bool,
}

fn resolve(f: &Found, text: &str, ctx: &Ctx, full: bool, referrer: &Id) -> Resolved {
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
            let (Some((space, was)), Some((_, now))) = (
                ctx.before.by_id.get(referrer),
                ctx.after.by_id.get(referrer),
            ) else {
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
                            ctx.after.scope.get(referrer).unwrap_or(&ctx.scope),
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

/// Rewrites every internal reference in the document to follow its paragraph, using the
/// index taken before the operation. Texts of paragraphs in `skip` (just inserted, written
/// against the new numbering) are left alone. With `full`, “above”/“below” are checked
/// everywhere and references to missing or deleted paragraphs are reported.
pub(crate) fn rewrite(
    rec: &mut Recorder<'_>,
    before: &Index,
    skip: &HashSet<Id>,
    full: bool,
    messages: &mut Vec<String>,
    warnings: &mut Vec<String>,
) -> Result<(), OpError> {
    let after = Index::build(rec.doc);
    let ctx = Ctx {
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
        if let Some(text) = rewrite_text(&p.id, &p.text, &ctx, full, &place, messages, warnings) {
            todo.push((p.id.clone(), text));
        }
    }
    for (id, text) in todo {
        rec.set_text(&id, text)?;
    }
    Ok(())
}

/// The text of paragraph `id` with its references rewritten from `ctx.before` to
/// `ctx.after`, or `None` when nothing changes. `place` names the paragraph in messages.
fn rewrite_text(
    id: &Id,
    text: &str,
    ctx: &Ctx,
    full: bool,
    place: &str,
    messages: &mut Vec<String>,
    warnings: &mut Vec<String>,
) -> Option<String> {
    let me_after = ctx.after.order.get(id).copied();
    let me_before = ctx.before.order.get(id).copied();
    let mut reps: Vec<(Range<usize>, String)> = Vec::new();
    // The numbering the paragraph counted in before (where its references were written),
    // else where it stands now.
    let own = ctx
        .before
        .scope
        .get(id)
        .or_else(|| ctx.after.scope.get(id))
        .cloned()
        .unwrap_or_default();
    for f in find(text) {
        let scope = match &f.annex {
            Some(label) => match ctx.before.annexes.get(&label.to_uppercase()) {
                Some(annex) => Scope::Annex(annex.clone()),
                // "of the annex" in a document without one: another text's annex.
                None => continue,
            },
            None => own.clone(),
        };
        let ctx = &Ctx {
            before: ctx.before,
            after: ctx.after,
            scope,
        };
        let mut r = resolve(&f, text, ctx, full, id);
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
            let now = side(ctx.after, me);
            let then = me_before.and_then(|m| side(ctx.before, m));
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
        let old = &text[f.span.clone()];
        let new = splice(old, f.span.start, &r.replacements);
        if r.deleted {
            warnings.push(format!(
                "{place}: {} refers to a deleted paragraph: it now reads {} (correct it or delete it)",
                quote(old),
                quote(&new)
            ));
        } else {
            messages.push(format!("{place}: {} → {}", quote(old), quote(&new)));
        }
        reps.extend(r.replacements);
    }
    if reps.is_empty() {
        return None;
    }
    reps.sort_by_key(|(s, _)| s.start);
    Some(splice(text, 0, &reps))
}

/// A paragraph of `from` (with its sub-paragraphs) as it reads in `to`: every reference,
/// written against the numbering of `from`, rewritten for the numbering of `to`, where the
/// paragraph and its targets stand now (references to paragraphs not in `to` are marked
/// dangling). Used to bring back the text of an older revision. Returns the warnings.
pub(crate) fn translate(from: &Document, to: &Document, p: &mut Paragraph) -> Vec<String> {
    let before = Index::build(from);
    let after = Index::build(to);
    let ctx = Ctx {
        before: &before,
        after: &after,
        scope: Scope::Top,
    };
    let mut messages = Vec::new();
    let mut warnings = Vec::new();
    fn rec(
        p: &mut Paragraph,
        ctx: &Ctx,
        to: &Document,
        messages: &mut Vec<String>,
        warnings: &mut Vec<String>,
    ) {
        let place = to
            .locate(&p.id)
            .map(|loc| numbering::describe(to, &loc))
            .unwrap_or_else(|| p.id.to_string());
        if p.text.contains("aragraph")
            && let Some(t) = rewrite_text(&p.id, &p.text, ctx, false, &place, messages, warnings)
        {
            p.text = t;
        }
        for sp in &mut p.subparagraphs {
            rec(sp, ctx, to, messages, warnings);
        }
    }
    rec(p, &ctx, to, &mut messages, &mut warnings);
    warnings
}

/// Rewrites reference texts written against the numbering of one document for another,
/// many texts at a time: the two indexes are built once (see [`translate`] for one
/// paragraph). A merge uses it to bring each side's texts to the merged numbering.
pub struct ReferenceTranslator {
    before: Index,
    after: Index,
}

impl ReferenceTranslator {
    pub fn new(from: &Document, to: &Document) -> Self {
        ReferenceTranslator {
            before: Index::build(from),
            after: Index::build(to),
        }
    }

    /// The text of paragraph `id` (written against `from`) as it reads in `to`.
    pub fn text(&self, id: &Id, text: &str) -> String {
        if !text.contains("aragraph") {
            return text.to_string();
        }
        let ctx = Ctx {
            before: &self.before,
            after: &self.after,
            scope: Scope::Top,
        };
        let (mut messages, mut warnings) = (Vec::new(), Vec::new());
        rewrite_text(
            id,
            text,
            &ctx,
            false,
            id.as_str(),
            &mut messages,
            &mut warnings,
        )
        .unwrap_or_else(|| text.to_string())
    }
}

/// The byte spans of the dangling marks (“[deleted: 3]”) in `text`.
pub(crate) fn dangling_marks(text: &str) -> Vec<Range<usize>> {
    if !text.contains(DANGLING_OPEN) {
        return Vec::new();
    }
    DANGLING_RE.find_iter(text).map(|m| m.range()).collect()
}

/// The references in `text` that still name a deleted paragraph ("paragraph [deleted: 3]
/// above"), as written.
pub fn dangling_references(text: &str) -> Vec<String> {
    if !text.contains(DANGLING_OPEN) {
        return Vec::new();
    }
    let mut out: Vec<String> = find(text)
        .into_iter()
        .filter(|f| DANGLING_RE.is_match(&text[f.span.clone()]))
        .map(|f| text[f.span].to_string())
        .collect();
    if out.is_empty() {
        out = DANGLING_RE
            .find_iter(text)
            .map(|m| m.as_str().to_string())
            .collect();
    }
    out
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
