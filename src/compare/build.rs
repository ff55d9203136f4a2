//! Building the entries of a comparison: header fields, paragraphs and sub-paragraphs per
//! part, report sections, headings, parts and annexes ([`super::structure`]), footnotes;
//! each aligned, classified and compared word by word.

use super::align::{self, Aligned, in_order};
use super::refs::{self, NumberMap};
use super::words;
use super::{Align, ChangeEntry, Edit, Field, Kind, PartKind, Side};
use crate::model::{Document, Id, Location, Paragraph, Part, Section};
use crate::numbering;
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::HashMap;

/// Lists at least this long are built on all cores.
const PARALLEL_MIN: usize = 64;

use super::notes::{footnotes, section_entry};

/// One position in the merged reading order of two lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Slot {
    Pair { old: usize, new: usize, moved: bool },
    Deleted(usize),
    Inserted(usize),
}

/// The reading order of two aligned lists: the new order, with each deleted item placed
/// before the first kept item that followed it.
pub(crate) fn order(n_old: usize, n_new: usize, mut pairs: Vec<(usize, usize)>) -> Vec<Slot> {
    pairs.sort_unstable();
    let keep = in_order(&pairs);
    let mut by_new: Vec<Option<(usize, bool)>> = vec![None; n_new];
    let mut matched_old = vec![false; n_old];
    for (k, &(i, j)) in pairs.iter().enumerate() {
        by_new[j] = Some((i, !keep[k]));
        matched_old[i] = true;
    }
    let mut out = Vec::with_capacity(n_old.max(n_new));
    let mut next_old = 0;
    for (j, m) in by_new.iter().enumerate() {
        match *m {
            Some((i, false)) => {
                while next_old < i {
                    if !matched_old[next_old] {
                        out.push(Slot::Deleted(next_old));
                    }
                    next_old += 1;
                }
                next_old = next_old.max(i + 1);
                out.push(Slot::Pair {
                    old: i,
                    new: j,
                    moved: false,
                });
            }
            Some((i, true)) => out.push(Slot::Pair {
                old: i,
                new: j,
                moved: true,
            }),
            None => out.push(Slot::Inserted(j)),
        }
    }
    for (i, matched) in matched_old.iter().enumerate().skip(next_old) {
        if !matched {
            out.push(Slot::Deleted(i));
        }
    }
    out
}

/// How two paragraphs were paired: moved out of the reading order, and the word similarity
/// the alignment measured, if it did.
#[derive(Debug, Clone, Copy)]
struct Paired {
    moved: bool,
    ratio: Option<f32>,
}

struct Ctx<'a> {
    old: &'a Document,
    new: &'a Document,
    align: Align,
    map: NumberMap,
    /// Similarities of paragraphs sharing an id, measured when the alignment was chosen.
    measured: &'a align::Measured,
}

fn pair_paragraphs(old: &[Paragraph], new: &[Paragraph], align: Align) -> Aligned {
    if align == Align::ById {
        let o: Vec<&Id> = old.iter().map(|p| &p.id).collect();
        let n: Vec<&Id> = new.iter().map(|p| &p.id).collect();
        Aligned::unscored(align::by_id(&o, &n))
    } else {
        let o: Vec<String> = old.iter().map(Paragraph::full_text).collect();
        let n: Vec<String> = new.iter().map(Paragraph::full_text).collect();
        align::similar_pairs(&o, &n)
    }
}

fn pair_sections(old: &[Section], new: &[Section], align: Align) -> Vec<(usize, usize)> {
    if align == Align::ById {
        let o: Vec<&Id> = old.iter().map(|s| &s.id).collect();
        let n: Vec<&Id> = new.iter().map(|s| &s.id).collect();
        return align::by_id(&o, &n);
    }
    let key = |s: &Section| format!("{} {}", s.label, s.heading);
    let o: Vec<String> = old.iter().map(key).collect();
    let n: Vec<String> = new.iter().map(key).collect();
    align::by_similarity(&o, &n)
}

fn part_kind(part: Part) -> PartKind {
    match part {
        Part::Preamble | Part::PartPreamble(_) => PartKind::Preamble,
        Part::Operative | Part::PartOperative(_) => PartKind::Operative,
        Part::Section(_) | Part::Annex(_) | Part::AnnexSection(..) => PartKind::Section,
    }
}

fn para_side(doc: &Document, p: &Paragraph, loc: Location) -> Side {
    let number = match loc.part {
        Part::Preamble | Part::PartPreamble(_) => Some(loc.top() as u32 + 1),
        part => numbering::number(doc, part, loc.top()),
    };
    Side {
        id: p.id.clone(),
        index: loc.top(),
        number,
        label: numbering::short_tag(doc, &loc),
        place: numbering::describe(doc, &loc),
        lead: p.lead.clone(),
        text: p.text.clone(),
        list_style: p.list_style,
        location: Some(loc),
        ..Side::default()
    }
}

/// The word edits of a lead and text, split into changes of substance and changes of form
/// only. When the whole paragraph reads the same but for its form (spacing, hyphens, markers,
/// where the opening phrase ends, or a comma that moved across a footnote marker: "second²," →
/// "second,²"), every edit is one of form, even where one edit alone would not be.
pub(super) fn substance(
    old_lead: &str,
    old_text: &str,
    new_lead: &str,
    new_text: &str,
) -> (Vec<Edit>, Vec<Edit>) {
    let mut edits = words::edits(Field::Lead, old_lead, new_lead);
    edits.extend(words::edits(Field::Text, old_text, new_text));
    if edits.is_empty() {
        return (edits, Vec::new());
    }
    let form_only = words::is_form_only(&Edit {
        field: Field::Text,
        at: 0,
        deleted: format!("{old_lead} {old_text}"),
        inserted: format!("{new_lead} {new_text}"),
    });
    if form_only {
        return (Vec::new(), edits);
    }
    words::split_form(edits)
}

/// Edits that insert (or delete) a whole lead and text.
pub(super) fn whole(lead: &str, text: &str, inserting: bool) -> Vec<Edit> {
    let mk = |field, s: &str| Edit {
        field,
        at: 0,
        deleted: if inserting { String::new() } else { s.into() },
        inserted: if inserting { s.into() } else { String::new() },
    };
    let mut v = Vec::new();
    if !lead.is_empty() {
        v.push(mk(Field::Lead, lead));
    }
    if !text.is_empty() {
        v.push(mk(Field::Text, text));
    }
    v
}

pub(super) fn entry(
    kind: Kind,
    part: PartKind,
    depth: usize,
    old: Option<Side>,
    new: Option<Side>,
) -> ChangeEntry {
    ChangeEntry {
        kind,
        part,
        depth,
        field: None,
        old,
        new,
        edits: Vec::new(),
        ref_updates: Vec::new(),
        list_edits: Vec::new(),
        form_edits: Vec::new(),
        similarity: 1.0,
    }
}

impl Ctx<'_> {
    /// Emits one whole-side subtree (inserted or deleted) in document order.
    fn one_sided(&self, p: &Paragraph, loc: Location, inserting: bool, out: &mut Vec<ChangeEntry>) {
        let doc = if inserting { self.new } else { self.old };
        let side = para_side(doc, p, loc.clone());
        let (kind, old, new) = if inserting {
            (Kind::Inserted, None, Some(side))
        } else {
            (Kind::Deleted, Some(side), None)
        };
        let mut e = entry(kind, part_kind(loc.part), loc.depth(), old, new);
        e.edits = whole(&p.lead, &p.text, inserting);
        e.similarity = 0.0;
        out.push(e);
        for (k, sp) in p.subparagraphs.iter().enumerate() {
            let mut l = loc.clone();
            l.path.push(k);
            self.one_sided(sp, l, inserting, out);
        }
    }

    fn pair(
        &self,
        op: &Paragraph,
        ol: Location,
        np: &Paragraph,
        nl: Location,
        how: Paired,
        out: &mut Vec<ChangeEntry>,
    ) {
        let old_side = para_side(self.old, op, ol.clone());
        let new_side = para_side(self.new, np, nl.clone());
        // The similarity the alignment (or its choice) measured holds while no reference
        // is renumbered.
        let ratio = how.ratio.or_else(|| {
            (self.align == Align::ById && op.id == np.id)
                .then(|| self.measured.get(&op.id).copied())
                .flatten()
        });
        // The old text with its references renumbered, borrowed where none is (most pairs).
        let (base, ref_updates, ratio) = match refs::renumber(&op.text, &self.map) {
            Some((s, e)) => (Cow::Owned(s), e, None),
            None => (Cow::Borrowed(op.text.as_str()), Vec::new(), ratio),
        };
        let (edits, form_edits) = substance(&op.lead, &base, &np.lead, &np.text);
        // A preambular paragraph prints no label; any other may be renumbered.
        let unlabelled = ol.part == Part::Preamble && ol.path.len() == 1;
        let numbered_label_changed =
            !(unlabelled || numbering::same_printed_label(self.old, &ol, self.new, &nl));
        let kind = if how.moved {
            Kind::Moved
        } else if !edits.is_empty() || op.list_style != np.list_style {
            Kind::Modified
        } else if numbered_label_changed || !ref_updates.is_empty() {
            Kind::Renumbered
        } else {
            Kind::Unchanged
        };
        let mut e = entry(
            kind,
            part_kind(nl.part),
            nl.depth(),
            Some(old_side),
            Some(new_side),
        );
        if !edits.is_empty() {
            e.similarity = ratio
                .unwrap_or_else(|| words::ratio(&format!("{} {base}", op.lead), &np.full_text()));
        }
        e.edits = edits;
        e.form_edits = form_edits;
        e.ref_updates = ref_updates;
        out.push(e);
        let aligned = pair_paragraphs(&op.subparagraphs, &np.subparagraphs, self.align);
        self.list(&op.subparagraphs, &ol, &np.subparagraphs, &nl, aligned, out);
    }

    /// Emits the entries of two aligned paragraph lists whose parents stand at `ol`/`nl`
    /// (a location with an empty path for a top-level list).
    fn list(
        &self,
        old: &[Paragraph],
        ol: &Location,
        new: &[Paragraph],
        nl: &Location,
        mut aligned: Aligned,
        out: &mut Vec<ChangeEntry>,
    ) {
        let slots = order(old.len(), new.len(), std::mem::take(&mut aligned.pairs));
        let child = |loc: &Location, k: usize| {
            let mut l = loc.clone();
            l.path.push(k);
            l
        };
        let emit = |slot: &Slot, out: &mut Vec<ChangeEntry>| match *slot {
            Slot::Pair {
                old: i,
                new: j,
                moved,
            } => {
                let how = Paired {
                    moved,
                    ratio: aligned.ratio(i),
                };
                self.pair(&old[i], child(ol, i), &new[j], child(nl, j), how, out)
            }
            Slot::Deleted(i) => self.one_sided(&old[i], child(ol, i), false, out),
            Slot::Inserted(j) => self.one_sided(&new[j], child(nl, j), true, out),
        };
        // A long top-level list is built in chunks on all cores, joined in order.
        if ol.path.is_empty() && slots.len() >= PARALLEL_MIN {
            let chunk = super::chunk_len(slots.len());
            let parts: Vec<Vec<ChangeEntry>> = slots
                .par_chunks(chunk)
                .map(|c| {
                    let mut v = Vec::with_capacity(c.len());
                    c.iter().for_each(|s| emit(s, &mut v));
                    v
                })
                .collect();
            out.extend(parts.into_iter().flatten());
        } else {
            slots.iter().for_each(|s| emit(s, out));
        }
    }
}

fn top(part: Part) -> Location {
    Location {
        part,
        path: Vec::new(),
    }
}

/// An old part, the new part it is compared with, and the pairs of aligned paragraphs.
type AlignedList = (Part, Part, Aligned);

/// Old number → new number for the numbered top-level paragraphs found in both versions,
/// and old → new labels of their sub-paragraphs found in both (aligned as [`Ctx::pair`]
/// aligns them), where the old text cites a sub-paragraph at all.
fn number_map(old: &Document, new: &Document, lists: &[AlignedList], align: Align) -> NumberMap {
    let mut map = NumberMap::default();
    let mut cites_labels = false;
    old.walk(&mut |p, _| cites_labels = cites_labels || refs::cites_a_label(&p.text));
    for (op, np, aligned) in lists {
        for &(i, j) in &aligned.pairs {
            if let (Some(a), Some(b)) = (
                numbering::number(old, *op, i),
                numbering::number(new, *np, j),
            ) {
                map.numbers.entry(a).or_insert(b);
                if cites_labels && let (Some(o), Some(n)) = (old.part(*op), new.part(*np)) {
                    sub_labels(
                        &o[i],
                        &n[j],
                        1,
                        &mut Vec::new(),
                        &mut Vec::new(),
                        a,
                        align,
                        &mut map,
                    );
                }
            }
        }
    }
    map
}

/// Adds the old → new labels of the aligned sub-paragraphs of `o` and `n` (at `depth`, below
/// the labels `ol`/`nl` of their parents) to the map of old paragraph `number`.
#[allow(clippy::too_many_arguments)]
fn sub_labels(
    o: &Paragraph,
    n: &Paragraph,
    depth: usize,
    ol: &mut Vec<String>,
    nl: &mut Vec<String>,
    number: u32,
    align: Align,
    map: &mut NumberMap,
) {
    if o.subparagraphs.is_empty() || n.subparagraphs.is_empty() {
        return;
    }
    for (i, j) in pair_paragraphs(&o.subparagraphs, &n.subparagraphs, align).pairs {
        ol.push(numbering::sub_label(depth, i, o.list_style));
        nl.push(numbering::sub_label(depth, j, n.list_style));
        map.labels
            .entry((number, ol.clone()))
            .or_insert_with(|| nl.clone());
        sub_labels(
            &o.subparagraphs[i],
            &n.subparagraphs[j],
            depth + 1,
            ol,
            nl,
            number,
            align,
            map,
        );
        ol.pop();
        nl.pop();
    }
}

/// All entries of the comparison in reading order.
pub(super) fn build(
    old: &Document,
    new: &Document,
    align: Align,
    measured: &align::Measured,
) -> Vec<ChangeEntry> {
    // About one entry per paragraph and footnote (a long list of entries, each large, grown
    // by doubling was a megabyte and a half of copies for a 1,000-paragraph pair).
    let size = |d: &Document| d.paragraph_count() + d.footnotes.len();
    let mut out = Vec::with_capacity(size(old).max(size(new)) + 32);
    super::header::header(old, new, &mut out);
    let section_pairs = pair_sections(&old.sections, &new.sections, align);
    let mut lists = vec![
        (
            Part::Preamble,
            Part::Preamble,
            pair_paragraphs(&old.preamble, &new.preamble, align),
        ),
        (
            Part::Operative,
            Part::Operative,
            pair_paragraphs(&old.operative, &new.operative, align),
        ),
    ];
    for &(i, j) in &section_pairs {
        let pairs = pair_paragraphs(
            &old.sections[i].paragraphs,
            &new.sections[j].paragraphs,
            align,
        );
        lists.push((Part::Section(i), Part::Section(j), pairs));
    }
    // Resolution parts and annexes pair by position (a part or annex on one side only has
    // all its paragraphs inserted or deleted).
    let mut structured = Vec::new();
    for k in 0..old.parts.len().max(new.parts.len()) {
        structured.push(Part::PartPreamble(k));
        structured.push(Part::PartOperative(k));
    }
    for a in 0..old.annexes.len().max(new.annexes.len()) {
        structured.push(Part::Annex(a));
        let sections = |d: &Document| d.annexes.get(a).map_or(0, |x| x.sections.len());
        structured.extend((0..sections(old).max(sections(new))).map(|s| Part::AnnexSection(a, s)));
    }
    for part in structured {
        let o = old.part(part).map_or(&[][..], Vec::as_slice);
        let n = new.part(part).map_or(&[][..], Vec::as_slice);
        let pairs = pair_paragraphs(o, n, align);
        lists.push((part, part, pairs));
    }
    let ctx = Ctx {
        old,
        new,
        align,
        map: number_map(old, new, &lists, align),
        measured,
    };
    let mut section_lists: HashMap<(usize, usize), Aligned> = HashMap::new();
    for (op, np, pairs) in lists {
        match (op, np) {
            (Part::Section(i), Part::Section(j)) => {
                section_lists.insert((i, j), pairs);
            }
            _ => {
                let (o, n) = (
                    old.part(op).map(Vec::as_slice),
                    new.part(np).map(Vec::as_slice),
                );
                ctx.list(
                    o.unwrap_or(&[]),
                    &top(op),
                    n.unwrap_or(&[]),
                    &top(np),
                    pairs,
                    &mut out,
                );
            }
        }
    }
    for slot in order(old.sections.len(), new.sections.len(), section_pairs) {
        match slot {
            Slot::Pair {
                old: i,
                new: j,
                moved,
            } => {
                out.push(section_entry(old, new, Some(i), Some(j), moved));
                let pairs = section_lists.remove(&(i, j)).unwrap_or_default();
                let (o, n) = (&old.sections[i].paragraphs, &new.sections[j].paragraphs);
                ctx.list(
                    o,
                    &top(Part::Section(i)),
                    n,
                    &top(Part::Section(j)),
                    pairs,
                    &mut out,
                );
            }
            Slot::Deleted(i) => {
                out.push(section_entry(old, new, Some(i), None, false));
                let o = &old.sections[i].paragraphs;
                ctx.list(
                    o,
                    &top(Part::Section(i)),
                    &[],
                    &top(Part::Section(0)),
                    Aligned::default(),
                    &mut out,
                );
            }
            Slot::Inserted(j) => {
                out.push(section_entry(old, new, None, Some(j), false));
                let n = &new.sections[j].paragraphs;
                ctx.list(
                    &[],
                    &top(Part::Section(0)),
                    n,
                    &top(Part::Section(j)),
                    Aligned::default(),
                    &mut out,
                );
            }
        }
    }
    super::structure::structure(old, new, align, &mut out);
    footnotes(old, new, align, &mut out);
    out
}
