//! The grammar of internal references: the patterns that find “paragraph 5 above”,
//! “subparagraphs (a) and (b) of paragraph 2”, “paragraph 5 of the annex” and their dangling
//! forms in a text, and the cases that name another text and are left alone.

use super::Space;
use foldhash::HashMap;
use regex::Regex;
use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;
use std::sync::LazyLock;

const LABEL: &str = r"\([a-z]{1,6}\)";
/// A reference to a deleted paragraph, kept recognisable: "[deleted: 3]", "[deleted: (b)]".
const DANGLING: &str = r"\[deleted: [^\[\]]{1,40}\]";
/// The text that marks a reference whose target was deleted.
pub(super) const DANGLING_OPEN: &str = "[deleted: ";

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
    Regex::new(r"^,?\s+of\s+(?P<name>the\s+annex|annex\s+(?P<n>[IVXLC]+))(?P<tail>\s+to\s+(?:the\s+present|this)\s+(?:resolution|decision))?(?P<rest>\s+(?:to|of)\b)?")
        .expect("valid constant")
});
static EXTERNAL_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:,?\s+of\b|\s+thereof\b|\s*(?:bis|ter|quater)\b|[\w/]|\.\d)")
        .expect("valid constant")
});

/// One numbered item of a reference: "5", "2 (b)", or a dangling "[deleted: 5]".
#[derive(Debug, Clone)]
pub(super) struct Item {
    pub(super) span: Range<usize>,
    /// `None` for a dangling item (its target was deleted earlier).
    pub(super) number: Option<u32>,
    pub(super) labels: Vec<String>,
    /// Whether the separator before this item makes a range ("to", a dash).
    pub(super) range_from_previous: bool,
}

/// A sub-paragraph label as written, "(b)" with its span; `None` when dangling.
pub(super) type Label = (Range<usize>, Option<String>);

#[derive(Debug)]
pub(super) enum Shape {
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
pub(super) struct Found {
    /// The whole reference, direction word included.
    pub(super) span: Range<usize>,
    pub(super) space: Space,
    /// The annex named after the reference ("of annex II": "II"; "of the annex": "").
    pub(super) annex: Option<String>,
    /// The span of the words naming that annex ("annex II", "the annex").
    pub(super) annex_name: Option<Range<usize>>,
    pub(super) shape: Shape,
    /// The span of "above"/"below" and whether it says "above".
    pub(super) dir: Option<(Range<usize>, bool)>,
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

/// How many texts [`find`] remembers per thread before it starts again.
const MEMO_MAX: usize = 8192;

thread_local! {
    /// The references found in each text read lately: the editor re-reads the same referring
    /// texts after every operation (their numbers change, their words do not).
    static MEMO: RefCell<HashMap<String, Rc<[Found]>>> = RefCell::new(HashMap::default());
}

/// The internal references in a text, in order (remembered per text, see [`MEMO`]).
pub(super) fn find(text: &str) -> Rc<[Found]> {
    if let Some(found) = MEMO.with_borrow(|m| m.get(text).cloned()) {
        return found;
    }
    let found: Rc<[Found]> = read(text).into();
    MEMO.with_borrow_mut(|m| {
        if m.len() >= MEMO_MAX {
            m.clear();
        }
        m.insert(text.to_string(), found.clone());
    });
    found
}

/// The internal references in a text, in order, read from its words.
fn read(text: &str) -> Vec<Found> {
    let mut out = Vec::new();
    for c in REF.captures_iter(text) {
        let Some(all) = c.get(0) else { continue };
        let core_end = c.name("dir").map_or(all.end(), |d| d.start());
        let after = &text[core_end..];
        let of_annex = OF_ANNEX
            .captures(after)
            .filter(|m| m.name("rest").is_none() || m.name("tail").is_some());
        let annex = of_annex.as_ref().map(|m| {
            m.name("n")
                .map_or(String::new(), |n| n.as_str().to_string())
        });
        let annex_name = of_annex
            .as_ref()
            .and_then(|m| m.name("name"))
            .map(|n| core_end + n.start()..core_end + n.end());
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
            annex_name,
            shape,
            dir,
        });
    }
    out
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
        .iter()
        .filter(|f| DANGLING_RE.is_match(&text[f.span.clone()]))
        .map(|f| text[f.span.clone()].to_string())
        .collect();
    if out.is_empty() {
        out = DANGLING_RE
            .find_iter(text)
            .map(|m| m.as_str().to_string())
            .collect();
    }
    out
}
