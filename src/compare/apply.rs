//! Replaying a comparison on the old version: starting from the old text, every reported
//! change (word edits, cross-reference renumbering, insertions, deletions, moves, header,
//! heading, part, annex and footnote changes) is applied, which yields the new version exactly.

use super::header::{list_fields, scalar_fields};
use super::words::{Mismatch, apply_edits};
use super::{ChangeEntry, Comparison, Field, PartKind, Side};
use crate::model::{
    Annex, DocKind, Document, Footnote, Heading, Paragraph, Part, ResolutionPart, Section,
};

/// Why a comparison could not be replayed on a document (it was made from another one).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApplyError {
    #[error("{place}: the old text does not read “{expected}” at byte {at}")]
    Mismatch {
        place: String,
        at: usize,
        expected: String,
    },
    #[error("{place}: not found in the old version")]
    Missing { place: String },
    #[error("{place}: cannot be placed (its position is out of order)")]
    Placement { place: String },
    #[error("header field {field}: invalid value “{value}”")]
    BadField { field: String, value: String },
}

fn replay(old: &str, e: &ChangeEntry, field: Field, place: &str) -> Result<String, ApplyError> {
    let mismatch = |m: Mismatch| ApplyError::Mismatch {
        place: place.to_string(),
        at: m.at,
        expected: m.expected,
    };
    let base = if field == Field::Text && !e.ref_updates.is_empty() {
        apply_edits(old, &e.ref_updates).map_err(mismatch)?
    } else {
        old.to_string()
    };
    let mut edits: Vec<&super::Edit> = e
        .edits
        .iter()
        .chain(&e.form_edits)
        .filter(|x| x.field == field)
        .collect();
    if !e.form_edits.is_empty() {
        edits.sort_by_key(|x| x.at);
    }
    apply_edits(&base, edits).map_err(mismatch)
}

fn place_of(e: &ChangeEntry) -> String {
    e.new
        .as_ref()
        .or(e.old.as_ref())
        .map(|s| s.place.clone())
        .unwrap_or_default()
}

/// Sets a scalar header field (or `authoring_body`, `kind`, `first_number`) by its name.
pub fn set_scalar(doc: &mut Document, name: &str, value: String) -> Result<(), ApplyError> {
    let h = &mut doc.header;
    let slot = match name {
        "kind" => {
            doc.kind = DocKind::from_name(&value).ok_or_else(|| ApplyError::BadField {
                field: name.into(),
                value,
            })?;
            return Ok(());
        }
        "first_number" => {
            doc.first_number = value.parse().map_err(|_| ApplyError::BadField {
                field: name.into(),
                value: value.clone(),
            })?;
            return Ok(());
        }
        "issuing_body" => &mut h.issuing_body,
        "organ" => &mut h.organ,
        "symbol" => &mut h.symbol,
        "distribution" => &mut h.distribution,
        "date" => &mut h.date,
        "original_language" => &mut h.original_language,
        "session" => &mut h.session,
        "place_and_dates" => &mut h.place_and_dates,
        "agenda_item" => &mut h.agenda_item,
        "agenda_title" => &mut h.agenda_title,
        "sponsors_note" => &mut h.sponsors_note,
        "stage" => &mut h.stage,
        "title" => &mut h.title,
        "adoption" => &mut h.adoption,
        "committee_reference" => &mut h.committee_reference,
        "resolution_number" => &mut h.resolution_number,
        "authoring_body" => &mut doc.authoring_body,
        _ => {
            return Err(ApplyError::BadField {
                field: name.into(),
                value,
            });
        }
    };
    *slot = value;
    Ok(())
}

fn header(old: &Document, doc: &mut Document, e: &ChangeEntry) -> Result<(), ApplyError> {
    let Some(name) = e.field.as_deref() else {
        return Ok(());
    };
    if let Some((_, list)) = list_fields(old).into_iter().find(|(n, _)| *n == name) {
        let mut out = Vec::new();
        let mut pos = 0;
        for le in &e.list_edits {
            let end = le.at + le.deleted.len();
            if le.at < pos || list.get(le.at..end) != Some(le.deleted.as_slice()) {
                return Err(ApplyError::Mismatch {
                    place: name.to_string(),
                    at: le.at,
                    expected: le.deleted.join(", "),
                });
            }
            out.extend_from_slice(&list[pos..le.at]);
            out.extend(le.inserted.iter().cloned());
            pos = end;
        }
        out.extend_from_slice(list.get(pos..).unwrap_or(&[]));
        match name {
            "sponsors" => doc.header.sponsors = out,
            _ => doc.notes = out,
        }
        return Ok(());
    }
    let old_value = scalar_fields(old)
        .into_iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v)
        .ok_or_else(|| ApplyError::Missing {
            place: name.to_string(),
        })?;
    let value = replay(&old_value, e, Field::Text, name)?;
    set_scalar(doc, name, value)
}

/// Puts a paragraph at the end of the list its location names (checking the index).
fn put(doc: &mut Document, side: &Side, p: Paragraph) -> Result<(), ApplyError> {
    let err = || ApplyError::Placement {
        place: side.place.clone(),
    };
    let loc = side.location.as_ref().ok_or_else(err)?;
    let (last, parents) = loc.path.split_last().ok_or_else(err)?;
    // A part or annex the old text did not have gets an empty frame first.
    if let Some(k) = loc.part.resolution_part()
        && doc.parts.len() <= k
    {
        doc.parts.resize_with(k + 1, Default::default);
    }
    if let Some(a) = loc.part.annex()
        && doc.annexes.len() <= a
    {
        doc.annexes.resize_with(a + 1, Default::default);
    }
    if let Part::AnnexSection(a, s) = loc.part
        && let Some(x) = doc.annexes.get_mut(a)
        && x.sections.len() <= s
    {
        x.sections.resize_with(s + 1, Default::default);
    }
    let mut list = doc.part_mut(loc.part).ok_or_else(err)?;
    for i in parents {
        list = &mut list.get_mut(*i).ok_or_else(err)?.subparagraphs;
    }
    if list.len() != *last {
        return Err(err());
    }
    list.push(p);
    Ok(())
}

/// Rebuilds the headings and the frames of parts, annexes and annex sections (their
/// paragraphs follow) from the [`PartKind::Body`] entries, when the comparison has any.
fn structure(cmp: &Comparison, doc: &mut Document) -> Result<(), ApplyError> {
    let body: Vec<&ChangeEntry> = cmp
        .changes
        .iter()
        .filter(|e| e.part == PartKind::Body)
        .collect();
    if body.is_empty() {
        return Ok(());
    }
    let (mut headings, mut parts, mut annexes, mut sections) = (vec![], vec![], vec![], vec![]);
    for e in body {
        let Some(n) = &e.new else { continue };
        let place = place_of(e);
        let base = e.old.as_ref().map_or("", |o| o.text.as_str());
        let text = replay(base, e, Field::Text, &place)?;
        match n.location.as_ref().map(|l| l.part) {
            None => headings.push((
                n.index,
                Heading {
                    id: n.id.clone(),
                    level: n.level,
                    label: n.lead.clone(),
                    heading: text,
                    before: n.anchor.clone().unwrap_or_default(),
                },
            )),
            Some(Part::PartPreamble(k)) => parts.push((
                k,
                ResolutionPart {
                    id: n.id.clone(),
                    label: n.lead.clone(),
                    heading: text,
                    ..ResolutionPart::default()
                },
            )),
            Some(Part::Annex(a)) => annexes.push((
                a,
                Annex {
                    id: n.id.clone(),
                    label: n.lead.clone(),
                    title: text,
                    numbered: n.numbered,
                    ..Annex::default()
                },
            )),
            Some(Part::AnnexSection(a, s)) => sections.push((
                (a, s),
                Section {
                    id: n.id.clone(),
                    level: n.level,
                    label: n.lead.clone(),
                    heading: text,
                    numbered: n.numbered,
                    paragraphs: Vec::new(),
                },
            )),
            Some(_) => return Err(ApplyError::Placement { place }),
        }
    }
    headings.sort_by_key(|(k, _)| *k);
    parts.sort_by_key(|(k, _)| *k);
    annexes.sort_by_key(|(k, _)| *k);
    sections.sort_by_key(|(k, _)| *k);
    doc.headings = headings.into_iter().map(|(_, h)| h).collect();
    doc.parts = parts.into_iter().map(|(_, p)| p).collect();
    doc.annexes = annexes.into_iter().map(|(_, x)| x).collect();
    for ((a, _), s) in sections {
        if let Some(x) = doc.annexes.get_mut(a) {
            x.sections.push(s);
        }
    }
    Ok(())
}

/// Applies the changes of `cmp` to `old`, producing the new version.
pub fn apply(old: &Document, cmp: &Comparison) -> Result<Document, ApplyError> {
    let mut doc = Document {
        kind: old.kind,
        header: old.header.clone(),
        authoring_body: old.authoring_body.clone(),
        first_number: old.first_number,
        notes: old.notes.clone(),
        // The frames of the old parts and annexes (their paragraphs follow from the changes).
        headings: old.headings.clone(),
        parts: old
            .parts
            .iter()
            .map(|p| ResolutionPart {
                preamble: Vec::new(),
                operative: Vec::new(),
                ..p.clone()
            })
            .collect(),
        annexes: old
            .annexes
            .iter()
            .map(|x| Annex {
                paragraphs: Vec::new(),
                sections: x
                    .sections
                    .iter()
                    .map(|s| Section {
                        paragraphs: Vec::new(),
                        ..s.clone()
                    })
                    .collect(),
                ..x.clone()
            })
            .collect(),
        ..Document::default()
    };
    for e in cmp.changes.iter().filter(|e| e.part == PartKind::Header) {
        header(old, &mut doc, e)?;
    }
    structure(cmp, &mut doc)?;
    // Sections, in their new order.
    let mut sections: Vec<(&Side, &ChangeEntry)> = cmp
        .changes
        .iter()
        .filter(|e| e.part == PartKind::Section && !e.is_paragraph())
        .filter_map(|e| e.new.as_ref().map(|n| (n, e)))
        .collect();
    sections.sort_by_key(|(n, _)| n.index);
    for (k, (n, e)) in sections.into_iter().enumerate() {
        let place = place_of(e);
        if n.index != k {
            return Err(ApplyError::Placement { place });
        }
        let base = match &e.old {
            Some(o) => old
                .sections
                .get(o.index)
                .ok_or_else(|| ApplyError::Missing {
                    place: place.clone(),
                })?,
            None => &Section::default(),
        };
        doc.sections.push(Section {
            id: n.id.clone(),
            level: n.level,
            label: replay(&base.label, e, Field::Lead, &place)?,
            heading: replay(&base.heading, e, Field::Text, &place)?,
            numbered: n.numbered,
            paragraphs: Vec::new(),
        });
    }
    // Paragraphs, parents before children, in their new order.
    let mut paras: Vec<(&Side, &ChangeEntry)> = cmp
        .changes
        .iter()
        .filter(|e| e.is_paragraph())
        .filter_map(|e| e.new.as_ref().map(|n| (n, e)))
        .collect();
    paras.sort_by(|(a, _), (b, _)| {
        let key = |s: &Side| {
            s.location
                .as_ref()
                .map(|l| (l.part.order_key(), l.path.clone()))
        };
        key(a).cmp(&key(b))
    });
    for (n, e) in paras {
        let place = place_of(e);
        let (lead, text) = match e.old.as_ref().and_then(|o| o.location.as_ref()) {
            Some(loc) => {
                let p = old.at(loc).ok_or_else(|| ApplyError::Missing {
                    place: place.clone(),
                })?;
                (p.lead.as_str(), p.text.as_str())
            }
            None => ("", ""),
        };
        let p = Paragraph {
            id: n.id.clone(),
            lead: replay(lead, e, Field::Lead, &place)?,
            text: replay(text, e, Field::Text, &place)?,
            list_style: n.list_style,
            subparagraphs: Vec::new(),
        };
        put(&mut doc, n, p)?;
    }
    // Footnotes, in their new list order.
    let mut notes: Vec<(&Side, &ChangeEntry)> = cmp
        .changes
        .iter()
        .filter(|e| e.part == PartKind::Footnote)
        .filter_map(|e| e.new.as_ref().map(|n| (n, e)))
        .collect();
    notes.sort_by_key(|(n, _)| n.index);
    for (k, (n, e)) in notes.into_iter().enumerate() {
        let place = place_of(e);
        if n.index != k {
            return Err(ApplyError::Placement { place });
        }
        let base = match &e.old {
            Some(o) => old
                .footnotes
                .get(o.index)
                .map(|f| f.text.as_str())
                .ok_or_else(|| ApplyError::Missing {
                    place: place.clone(),
                })?,
            None => "",
        };
        doc.footnotes.push(Footnote {
            id: n.id.clone(),
            anchor: n.anchor.clone().unwrap_or_default(),
            text: replay(base, e, Field::Text, &place)?,
        });
    }
    Ok(doc)
}
