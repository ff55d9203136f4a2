//! The comparison as JSON for tools: `{align, stat, changes: [...]}` with one change per
//! paragraph, sub-paragraph, footnote, section or header field: `kind`, `part`,
//! `old_number`/`new_number` (operative numbers, preambular positions, footnote numbers;
//! null where absent), labels, places, leads, texts and the word `edits`. What structures
//! the resolution (headings, parts, annexes: `"part": "body"`) has its label ("II", "A") in
//! `old_numbering`/`new_numbering`, not in the lead: like a paragraph's number, it follows the
//! numbering and is not one of the words that changed.
//!
//! Serialised straight from the comparison (borrowed fields, no intermediate
//! `serde_json::Value`); the keys of every object stand in alphabetical order, as they
//! always have.

use super::{Align, ChangeEntry, Comparison, Edit, Field, Kind, ListEdit, PartKind, Side, Stat};
use rayon::prelude::*;
use serde::Serialize;
use serde_json::Value;
use serde_json::value::RawValue;

/// Texts at least this long that need no escaping are written as they stand ([`Text`]).
const RAW_MIN: usize = 64;

/// A text of the output. A long one of printable ASCII without a quote or a backslash (most
/// paragraphs) is written as it stands between quotes, as a raw JSON value: serde_json
/// escapes a string byte by byte, which was a fifth of `--format json` on a long draft.
/// Either way the same JSON.
struct Text<'a>(&'a str);

impl Serialize for Text<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let b = self.0.as_bytes();
        if b.len() >= RAW_MIN
            && crate::scan::printable_ascii(b)
            && memchr::memchr2(b'"', b'\\', b).is_none()
            && let Ok(raw) = RawValue::from_string(["\"", self.0, "\""].concat())
        {
            return raw.serialize(s);
        }
        s.serialize_str(self.0)
    }
}

#[derive(Serialize)]
struct EditOut<'a> {
    at: usize,
    deleted: Text<'a>,
    field: Field,
    inserted: Text<'a>,
}

/// A list of edits, serialised as their [`EditOut`]s.
struct Edits<'a>(&'a [Edit]);

impl Serialize for Edits<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|e| EditOut {
            at: e.at,
            deleted: Text(&e.deleted),
            field: e.field,
            inserted: Text(&e.inserted),
        }))
    }
}

#[derive(Serialize)]
struct ChangeOut<'a> {
    depth: usize,
    edits: Edits<'a>,
    field: Option<&'a str>,
    form_edits: Edits<'a>,
    kind: Kind,
    list_edits: &'a [ListEdit],
    new_id: Option<&'a str>,
    new_label: Option<&'a str>,
    new_lead: Option<&'a str>,
    new_list: Option<&'a [String]>,
    new_number: Option<u32>,
    new_numbering: Option<&'a str>,
    new_place: Option<&'a str>,
    new_text: Option<Text<'a>>,
    old_id: Option<&'a str>,
    old_label: Option<&'a str>,
    old_lead: Option<&'a str>,
    old_list: Option<&'a [String]>,
    old_number: Option<u32>,
    old_numbering: Option<&'a str>,
    old_place: Option<&'a str>,
    old_text: Option<Text<'a>>,
    part: PartKind,
    ref_updates: Edits<'a>,
    /// As a JSON number of the f64 the f32 widens to (null if not finite).
    similarity: Option<f64>,
}

fn change<'a>(e: &'a ChangeEntry) -> ChangeOut<'a> {
    let (o, n) = (e.old.as_ref(), e.new.as_ref());
    let body = e.part == PartKind::Body;
    let lead = |side: Option<&'a Side>| side.map(|x| if body { "" } else { x.lead.as_str() });
    let numbering = |side: Option<&'a Side>| side.filter(|_| body).map(|x| x.lead.as_str());
    fn s<'a>(side: Option<&'a Side>, f: fn(&'a Side) -> &'a str) -> Option<&'a str> {
        side.map(f)
    }
    ChangeOut {
        depth: e.depth,
        edits: Edits(&e.edits),
        field: e.field.as_deref(),
        form_edits: Edits(&e.form_edits),
        kind: e.kind,
        list_edits: &e.list_edits,
        new_id: s(n, |x| x.id.as_str()),
        new_label: s(n, |x| &x.label),
        new_lead: lead(n),
        new_list: n.and_then(|x| x.list.as_deref()),
        new_number: n.and_then(|x| x.number),
        new_numbering: numbering(n),
        new_place: s(n, |x| &x.place),
        new_text: s(n, |x| &x.text).map(Text),
        old_id: s(o, |x| x.id.as_str()),
        old_label: s(o, |x| &x.label),
        old_lead: lead(o),
        old_list: o.and_then(|x| x.list.as_deref()),
        old_number: o.and_then(|x| x.number),
        old_numbering: numbering(o),
        old_place: s(o, |x| &x.place),
        old_text: s(o, |x| &x.text).map(Text),
        part: e.part,
        ref_updates: Edits(&e.ref_updates),
        similarity: Some(f64::from(e.similarity)).filter(|x| x.is_finite()),
    }
}

#[derive(Serialize)]
struct StatOut {
    deleted: usize,
    inserted: usize,
    modified: usize,
    moved: usize,
    renumbered: usize,
    unchanged: usize,
}

impl From<Stat> for StatOut {
    fn from(s: Stat) -> Self {
        StatOut {
            deleted: s.deleted,
            inserted: s.inserted,
            modified: s.modified,
            moved: s.moved,
            renumbered: s.renumbered,
            unchanged: s.unchanged,
        }
    }
}

/// The changes of a comparison, serialised one by one.
struct Changes<'a>(&'a [ChangeEntry]);

impl Serialize for Changes<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(change))
    }
}

/// The whole comparison, ready to serialise (see [`crate::sanitize::json_pretty`]).
#[derive(Serialize)]
pub struct JsonComparison<'a> {
    align: Align,
    changes: Changes<'a>,
    identical: bool,
    stat: StatOut,
}

/// The whole comparison in its JSON form, borrowing from `cmp`.
pub fn json(cmp: &Comparison) -> JsonComparison<'_> {
    JsonComparison {
        align: cmp.align,
        changes: Changes(&cmp.changes),
        identical: cmp.is_identical(),
        stat: cmp.stat().into(),
    }
}

/// About the size in bytes of the comparison's pretty JSON (a little more, as a rule): its
/// texts and a share for the keys and spacing of every change and edit.
pub fn size_hint(cmp: &Comparison) -> usize {
    changes_size(&cmp.changes) + 1024
}

/// About the size in bytes of some changes in pretty JSON (see [`size_hint`]).
fn changes_size(changes: &[ChangeEntry]) -> usize {
    let side = |s: &Option<Side>| {
        s.as_ref().map_or(0, |s| {
            s.label.len() + s.place.len() + s.lead.len() + s.text.len() + 64
        })
    };
    let edits = |v: &[Edit]| -> usize {
        v.iter()
            .map(|e| e.deleted.len() + e.inserted.len() + 160)
            .sum()
    };
    changes
        .iter()
        .map(|e| {
            1024 + side(&e.old)
                + side(&e.new)
                + edits(&e.edits)
                + edits(&e.ref_updates)
                + edits(&e.form_edits)
        })
        .sum::<usize>()
}

/// Comparisons of at least this many changes are serialised on all cores.
const PARALLEL_MIN: usize = 64;

/// The comparison as pretty JSON safe for a terminal ([`crate::sanitize::json_pretty`]):
/// the same text as serialising [`json`] at once, a long list of changes serialised in
/// chunks on all cores (each change alone, its lines indented to where it stands in the
/// list; a JSON string holds no raw line break, so every line break is the formatter's).
pub fn pretty(cmp: &Comparison) -> serde_json::Result<String> {
    pretty_from(cmp, PARALLEL_MIN)
}

/// [`pretty`], on all cores from `parallel_min` changes on.
fn pretty_from(cmp: &Comparison, parallel_min: usize) -> serde_json::Result<String> {
    let changes = &cmp.changes;
    let mut frame = json(cmp);
    frame.changes = Changes(&[]);
    let whole = || crate::sanitize::json_pretty_sized(&json(cmp), size_hint(cmp));
    if changes.is_empty() || changes.len() < parallel_min {
        return whole();
    }
    let frame = crate::sanitize::json_pretty(&frame)?;
    // The empty list stands where the changes go (the only key before it is "align").
    let Some((before, after)) = frame.split_once("\"changes\": []") else {
        return whole();
    };
    const INDENT: &str = "    ";
    let chunk = super::chunk_len(changes.len());
    let parts = changes
        .par_chunks(chunk)
        .map(|c| {
            // Each change written where it stands: two levels deep (the whole object, the
            // list), its first line indented here, the others by the formatter.
            let mut buf = Vec::with_capacity(changes_size(c));
            for (k, e) in c.iter().enumerate() {
                if k > 0 {
                    buf.extend_from_slice(b",\n");
                }
                buf.extend_from_slice(INDENT.as_bytes());
                crate::sanitize::json_pretty_nested_into(&change(e), 2, &mut buf)?;
            }
            // The formatter writes only UTF-8 (serde_json's output and ASCII escapes).
            Ok(String::from_utf8(buf)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
        })
        .collect::<serde_json::Result<Vec<String>>>()?;
    let mut out =
        String::with_capacity(frame.len() + parts.iter().map(|p| p.len() + 2).sum::<usize>() + 16);
    out.push_str(before);
    out.push_str("\"changes\": [\n");
    for (k, p) in parts.iter().enumerate() {
        if k > 0 {
            out.push_str(",\n");
        }
        out.push_str(p);
    }
    out.push_str("\n  ]");
    out.push_str(after);
    Ok(out)
}

/// The whole comparison as a JSON value.
pub fn to_json(cmp: &Comparison) -> Value {
    serde_json::to_value(json(cmp)).unwrap_or(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::render_text::tests::long_pair;
    use crate::compare::{Align, compare};

    #[test]
    fn json_written_on_all_cores_reads_as_written_at_once() {
        let (mut old, new) = long_pair(80);
        old.operative[5]
            .text
            .push_str(" \u{202e}\u{85} “quoted”\nline");
        for align in [Align::ById, Align::BySimilarity] {
            let cmp = compare(&old, &new, align);
            let at_once = crate::sanitize::json_pretty(&json(&cmp)).unwrap();
            assert_eq!(pretty_from(&cmp, 1).unwrap(), at_once);
            assert_eq!(pretty(&cmp).unwrap(), at_once);
            let empty = Comparison {
                align: cmp.align,
                changes: Vec::new(),
            };
            let at_once = crate::sanitize::json_pretty(&json(&empty)).unwrap();
            assert_eq!(pretty_from(&empty, 0).unwrap(), at_once);
        }
    }
}
