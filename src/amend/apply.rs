//! Applying instructions to the draft as issued. Every instruction is first resolved against
//! the text as issued (places to stable ids, quotations to byte ranges), so instructions
//! apply in any order and any subset; then the changes of words are spliced in, and the
//! paragraph lists rebuilt with deletions, replacements, moves and insertions by id.
//!
//! An instruction that cannot be applied (a quotation not found or found twice, a place
//! that does not exist, a change overlapping another instruction's) is reported with its
//! number and the reason, and none of its operations is applied.

use super::text::{self, Markers, Splice, View};
use super::{Amendment, Instruction, Op, ParaRef, PartRef, Position, Scope, TextOp, render};
use crate::markup;
use crate::model::{Document, Footnote, Id, Paragraph};
use crate::numbering;
use crate::phrases;
use std::collections::{HashMap, HashSet};

/// Why an instruction cannot be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Reason {
    #[error("{place}: “{text}” is not found")]
    NotFound { place: String, text: String },
    #[error("{place}: “{text}” is found {count} times (quote more words so that it is found once)")]
    Ambiguous {
        place: String,
        text: String,
        count: usize,
    },
    #[error("the draft has no {place}")]
    NoSuchPlace { place: String },
    #[error("{place}: the change overlaps instruction {other} of {amendment}")]
    Overlap {
        place: String,
        other: u32,
        amendment: String,
    },
    #[error("{place} is also deleted, replaced or moved by instruction {other} of {amendment}")]
    Conflict {
        place: String,
        other: u32,
        amendment: String,
    },
    #[error("“{text}”: {problem}")]
    Marker { text: String, problem: String },
}

/// An instruction that cannot be applied, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{amendment}, instruction {number}: {reason}")]
pub struct AmendError {
    /// The amendment's symbol (or file name).
    pub amendment: String,
    pub number: u32,
    pub reason: Reason,
}

/// The amended document, the instructions applied and those that could not be.
#[derive(Debug, Clone)]
pub struct Applied {
    pub document: Document,
    /// (amendment name, instruction number) of each instruction applied, in order.
    pub applied: Vec<(String, u32)>,
    pub errors: Vec<AmendError>,
}

/// One selected instruction and the amendment it belongs to (with its name for reports).
#[derive(Debug, Clone, Copy)]
pub struct Selected<'a> {
    pub name: &'a str,
    pub amendment: &'a Amendment,
    pub instruction: &'a Instruction,
}

/// What a change of words applies to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Target {
    Title,
    Para(Id),
    Footnote(Id),
}

/// Where new or moved paragraphs go, by id.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Anchor {
    After(Id),
    Before(Id),
    End(PartRef, Option<Id>),
}

/// A resolved change.
#[derive(Debug, Clone)]
enum Change {
    Splice {
        target: Target,
        splice: Splice,
        wide: bool,
    },
    Delete(Id),
    Replace(Id, Vec<Paragraph>),
    Move(Id, Anchor),
    Insert(Anchor, Vec<Paragraph>),
}

/// The paragraph at a place of the draft as issued.
fn at<'a>(doc: &'a Document, r: &ParaRef) -> Option<&'a Paragraph> {
    let list = match r.part {
        PartRef::Preamble => &doc.preamble,
        PartRef::Operative => &doc.operative,
    };
    let (first, rest) = r.path.split_first()?;
    let mut p = list.get(first.checked_sub(1)?)?;
    for i in rest {
        p = p.subparagraphs.get(i.checked_sub(1)?)?;
    }
    Some(p)
}

/// The marked-up full text of a paragraph (lead and text).
fn full(p: &Paragraph) -> String {
    p.full_text()
}

/// State shared while resolving: the issued document, its footnote numbers, the new
/// footnotes created so far, and the fresh ids handed out.
struct Ctx<'a> {
    doc: &'a Document,
    numbers: HashMap<Id, u32>,
    by_number: HashMap<u32, Id>,
    new_notes: HashMap<(String, String), Id>,
    notes_added: Vec<Footnote>,
    next_para: u64,
    next_note: u64,
    /// Wide replacements of all selected instructions (new → old), to find a quotation
    /// written in the amended wording of another instruction ("Chornobyl nuclear power
    /// plant" after "Replace “Chernobyl” with “Chornobyl” …").
    reverse: Vec<(String, String)>,
}

fn max_suffix(ids: &[&Id], prefix: &str) -> u64 {
    ids.iter()
        .filter_map(|id| id.0.strip_prefix(prefix))
        .filter_map(|n| n.parse::<u64>().ok())
        .max()
        .unwrap_or(0)
}

impl<'a> Ctx<'a> {
    fn new(doc: &'a Document, selected: &[Selected]) -> Self {
        let numbers = numbering::footnote_numbers(doc);
        let by_number = numbers.iter().map(|(id, n)| (*n, id.clone())).collect();
        let ids = doc.all_ids();
        let reverse = selected
            .iter()
            .flat_map(|s| &s.instruction.ops)
            .filter_map(|o| match o {
                Op::Text {
                    scopes,
                    op: TextOp::Replace { old, new },
                } if scopes.iter().any(Scope::is_wide) => Some((new.clone(), old.clone())),
                _ => None,
            })
            .collect();
        Ctx {
            doc,
            numbers,
            by_number,
            new_notes: HashMap::new(),
            notes_added: Vec::new(),
            next_para: max_suffix(&ids, "p") + 1,
            next_note: max_suffix(&ids, "f") + 1,
            reverse,
        }
    }

    fn fresh_para(&mut self) -> Id {
        let id = Id(format!("p{}", self.next_para));
        self.next_para += 1;
        id
    }

    /// Plain quotation text to markup: superscript numbers become the markers of the issued
    /// footnotes, `*` marks the markers of the amendment's new footnotes.
    fn markup(&mut self, plain: &str, sel: &Selected) -> Result<String, Reason> {
        let mut out = String::new();
        let chars: Vec<char> = plain.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if text::is_superscript(c) {
                let mut j = i;
                let mut n = 0u32;
                while j < chars.len() && text::is_superscript(chars[j]) {
                    let d = "⁰¹²³⁴⁵⁶⁷⁸⁹"
                        .chars()
                        .position(|x| x == chars[j])
                        .unwrap_or(0);
                    n = n.saturating_mul(10).saturating_add(d as u32);
                    j += 1;
                }
                let id = self.by_number.get(&n).ok_or_else(|| Reason::Marker {
                    text: plain.to_string(),
                    problem: format!("the draft has no footnote {n}"),
                })?;
                out.push_str(&markup::marker(id));
                i = j;
                continue;
            }
            if super::parse::is_mark(c) && (c == '†' || (i > 0 && !chars[i - 1].is_whitespace()))
            {
                let mut j = i;
                while j < chars.len() && chars[j] == c {
                    j += 1;
                }
                let mark: String = chars[i..j].iter().collect();
                if let Some((_, note)) = sel.amendment.footnotes.iter().find(|(m, _)| *m == mark) {
                    let key = (sel.name.to_string(), mark.clone());
                    let id = match self.new_notes.get(&key) {
                        Some(id) => id.clone(),
                        None => {
                            let id = Id(format!("f{}", self.next_note));
                            self.next_note += 1;
                            let text = markup::escape(note);
                            self.notes_added.push(Footnote {
                                id: id.clone(),
                                anchor: Id::default(),
                                text,
                            });
                            self.new_notes.insert(key, id.clone());
                            id
                        }
                    };
                    out.push_str(&markup::marker(&id));
                    i = j;
                    continue;
                }
            }
            out.push_str(&markup::escape(&c.to_string()));
            i += 1;
        }
        Ok(out)
    }

    /// The base text of a target, as issued.
    fn base(&self, t: &Target) -> String {
        match t {
            Target::Title => self.doc.header.title.clone(),
            Target::Para(id) => self.doc.find(id).map(full).unwrap_or_default(),
            Target::Footnote(id) => self
                .doc
                .footnote(id)
                .map(|f| f.text.clone())
                .unwrap_or_default(),
        }
    }

    /// Occurrences of a quotation in a text: with footnote numbers first, then without
    /// markers, then in the wording of another instruction's wide replacement.
    fn find(&self, f: &str, quote: &str) -> (View, Vec<(usize, usize)>) {
        let numbered = View::new(f, Markers::Numbers, &self.numbers);
        let found = numbered.find(quote);
        if !found.is_empty() {
            return (numbered, found);
        }
        let hidden = View::new(f, Markers::Hidden, &self.numbers);
        if !quote.chars().any(text::is_superscript) {
            let found = hidden.find(quote);
            if !found.is_empty() {
                return (hidden, found);
            }
        }
        for (new, old) in &self.reverse {
            if quote.contains(new.as_str()) {
                let q = quote.replace(new.as_str(), old);
                let found = numbered.find(&q);
                if !found.is_empty() {
                    return (numbered, found);
                }
            }
        }
        (numbered, Vec::new())
    }
}

/// The targets of a scope, with the name used in reports.
fn targets(doc: &Document, scope: &Scope, ctx: &Ctx) -> Result<Vec<(Target, String)>, Reason> {
    Ok(match scope {
        Scope::Title => vec![(Target::Title, "the title".into())],
        Scope::Paragraph(r) => {
            let p = at(doc, r).ok_or_else(|| Reason::NoSuchPlace {
                place: render::place(r),
            })?;
            vec![(Target::Para(p.id.clone()), render::place(r))]
        }
        Scope::Footnote(n) => {
            let id = ctx.by_number.get(n).ok_or_else(|| Reason::NoSuchPlace {
                place: format!("footnote {n}"),
            })?;
            vec![(Target::Footnote(id.clone()), format!("footnote {n}"))]
        }
        Scope::Preamble | Scope::Operative => {
            let list = if *scope == Scope::Preamble {
                &doc.preamble
            } else {
                &doc.operative
            };
            let mut v = Vec::new();
            for p in list {
                p.walk(&mut |sp| v.push((Target::Para(sp.id.clone()), String::new())));
            }
            v
        }
    })
}

/// The splices of one change of words in one text.
fn splices(
    ctx: &mut Ctx,
    sel: &Selected,
    f: &str,
    op: &TextOp,
    place: &str,
    wide: bool,
    title: bool,
) -> Result<Vec<Splice>, Reason> {
    let quote = match op {
        TextOp::Delete(x) | TextOp::Replace { old: x, .. } => x,
        TextOp::InsertAfter { anchor, .. } | TextOp::InsertBefore { anchor, .. } => anchor,
    };
    let (view, found) = ctx.find(f, quote);
    if !wide {
        match found.len() {
            0 => {
                return Err(Reason::NotFound {
                    place: place.to_string(),
                    text: quote.clone(),
                });
            }
            1 => {}
            n => {
                return Err(Reason::Ambiguous {
                    place: place.to_string(),
                    text: quote.clone(),
                    count: n,
                });
            }
        }
    }
    let mut out = Vec::new();
    for (i, j) in found {
        let (s, e) = view.bytes(i, j);
        let new = |ctx: &mut Ctx, x: &str| {
            if title {
                Ok(x.to_string())
            } else {
                ctx.markup(x, sel)
            }
        };
        out.push(match op {
            TextOp::Delete(_) => text::delete(f, s, e),
            TextOp::Replace { new: x, .. } => {
                let m = new(ctx, x)?;
                text::replace(f, s, e, &m)
            }
            TextOp::InsertAfter { text: x, .. } => {
                let m = new(ctx, x)?;
                text::insert_after(f, e, &m, x)
            }
            TextOp::InsertBefore { text: x, .. } => {
                let m = new(ctx, x)?;
                text::insert_before(s, &m, x)
            }
        });
    }
    Ok(out)
}

/// New paragraphs from plain text to markup, with fresh ids.
fn new_paragraphs(
    ctx: &mut Ctx,
    sel: &Selected,
    ps: &[Paragraph],
) -> Result<Vec<Paragraph>, Reason> {
    ps.iter()
        .map(|p| {
            Ok(Paragraph {
                id: ctx.fresh_para(),
                lead: ctx.markup(&p.lead, sel)?,
                text: ctx.markup(&p.text, sel)?,
                list_style: p.list_style,
                subparagraphs: new_paragraphs(ctx, sel, &p.subparagraphs)?,
            })
        })
        .collect()
}

fn anchor(doc: &Document, at_: &Position) -> Result<Anchor, Reason> {
    let id = |r: &ParaRef| {
        at(doc, r)
            .map(|p| p.id.clone())
            .ok_or_else(|| Reason::NoSuchPlace {
                place: render::place(r),
            })
    };
    Ok(match at_ {
        Position::After(r) => Anchor::After(id(r)?),
        Position::Before(r) => Anchor::Before(id(r)?),
        Position::EndOf(part, parent) => Anchor::End(*part, parent.as_ref().map(id).transpose()?),
    })
}

/// Resolves one instruction into changes against the draft as issued.
fn resolve(ctx: &mut Ctx, sel: &Selected) -> Result<Vec<Change>, Reason> {
    let doc = ctx.doc;
    let mut out = Vec::new();
    for op in &sel.instruction.ops {
        match op {
            Op::Text { scopes, op } => {
                let mut any = false;
                let mut wide_places = Vec::new();
                for scope in scopes {
                    let wide = scope.is_wide();
                    for (target, place) in targets(doc, scope, ctx)? {
                        let f = ctx.base(&target);
                        let title = target == Target::Title;
                        let v = splices(ctx, sel, &f, op, &place, wide, title)?;
                        any |= !v.is_empty();
                        for s in v {
                            out.push(Change::Splice {
                                target: target.clone(),
                                splice: s,
                                wide,
                            });
                        }
                    }
                    if wide {
                        wide_places.push(scope);
                    }
                }
                if !any {
                    let quote = match op {
                        TextOp::Delete(x) | TextOp::Replace { old: x, .. } => x,
                        TextOp::InsertAfter { anchor, .. }
                        | TextOp::InsertBefore { anchor, .. } => anchor,
                    };
                    return Err(Reason::NotFound {
                        place: "the draft".into(),
                        text: quote.clone(),
                    });
                }
            }
            Op::Delete(refs) => {
                for r in refs {
                    let p = at(doc, r).ok_or_else(|| Reason::NoSuchPlace {
                        place: render::place(r),
                    })?;
                    out.push(Change::Delete(p.id.clone()));
                }
            }
            Op::Replace { target, paragraphs } => {
                let p = at(doc, target).ok_or_else(|| Reason::NoSuchPlace {
                    place: render::place(target),
                })?;
                let id = p.id.clone();
                out.push(Change::Replace(id, new_paragraphs(ctx, sel, paragraphs)?));
            }
            Op::Move { target, to } => {
                let p = at(doc, target).ok_or_else(|| Reason::NoSuchPlace {
                    place: render::place(target),
                })?;
                out.push(Change::Move(p.id.clone(), anchor(doc, to)?));
            }
            Op::Insert {
                at: pos,
                paragraphs,
            } => {
                let a = anchor(doc, pos)?;
                out.push(Change::Insert(a, new_paragraphs(ctx, sel, paragraphs)?));
            }
        }
    }
    Ok(out)
}

/// The name of a paragraph id for reports ("operative paragraph 22").
fn name_of(doc: &Document, id: &Id) -> String {
    doc.locate(id)
        .map(|loc| {
            let part = match loc.part {
                crate::model::Part::Preamble => PartRef::Preamble,
                _ => PartRef::Operative,
            };
            render::place(&ParaRef::new(
                part,
                loc.path.iter().map(|i| i + 1).collect(),
            ))
        })
        .unwrap_or_else(|| id.to_string())
}

/// Applies the selected instructions to the draft as issued.
pub fn apply(doc: &Document, selected: &[Selected]) -> Applied {
    let mut ctx = Ctx::new(doc, selected);
    let mut errors = Vec::new();
    let mut applied = Vec::new();
    // Accepted changes with the (name, number) of their instruction.
    let mut accepted: Vec<(Change, (String, u32))> = Vec::new();
    for sel in selected {
        let who = (sel.name.to_string(), sel.instruction.number);
        let err = |reason| AmendError {
            amendment: sel.name.to_string(),
            number: sel.instruction.number,
            reason,
        };
        let notes_before = ctx.notes_added.len();
        let changes = match resolve(&mut ctx, sel) {
            Ok(c) => c,
            Err(reason) => {
                ctx.notes_added.truncate(notes_before);
                errors.push(err(reason));
                continue;
            }
        };
        match check(doc, &accepted, &changes) {
            Ok(drop) => {
                let mut keep: Vec<(Change, (String, u32))> = accepted
                    .into_iter()
                    .enumerate()
                    .filter(|(k, _)| !drop.contains(k))
                    .map(|(_, c)| c)
                    .collect();
                for c in changes {
                    // A wide replacement yields to a specific change at the same words.
                    if let Change::Splice {
                        target,
                        splice,
                        wide: true,
                    } = &c
                        && keep.iter().any(|(k, _)| match k {
                            Change::Splice {
                                target: t,
                                splice: s,
                                wide: false,
                            } => t == target && text::overlap(s, splice),
                            _ => false,
                        })
                    {
                        continue;
                    }
                    keep.push((c, who.clone()));
                }
                accepted = keep;
                applied.push(who);
            }
            Err(reason) => {
                ctx.notes_added.truncate(notes_before);
                errors.push(err(reason));
            }
        }
    }
    let changes: Vec<Change> = accepted.into_iter().map(|(c, _)| c).collect();
    let document = build(doc, &changes, std::mem::take(&mut ctx.notes_added));
    Applied {
        document,
        applied,
        errors,
    }
}

/// Checks new changes against those accepted: the indices of accepted wide splices that
/// yield to the new changes, or the conflict.
fn check(
    doc: &Document,
    accepted: &[(Change, (String, u32))],
    changes: &[Change],
) -> Result<HashSet<usize>, Reason> {
    let mut drop = HashSet::new();
    // The paragraph a change claims and how: 0 words, 1 deletion, 2 move, 3 replacement.
    // A replacement stands with no other change of its paragraph but a move; a move with
    // changes of words and a replacement.
    fn claim(c: &Change) -> Option<(&Id, u8)> {
        match c {
            Change::Splice {
                target: Target::Para(id),
                wide: false,
                ..
            } => Some((id, 0)),
            Change::Delete(id) => Some((id, 1)),
            Change::Move(id, _) => Some((id, 2)),
            Change::Replace(id, _) => Some((id, 3)),
            _ => None,
        }
    }
    let clash = |a: u8, b: u8| {
        matches!(
            (a.min(b), a.max(b)),
            (0, 3) | (1, 3) | (3, 3) | (1, 2) | (2, 2)
        )
    };
    for c in changes {
        for (k, (a, (src, n))) in accepted.iter().enumerate() {
            match (c, a) {
                (
                    Change::Splice {
                        target: t1,
                        splice: s1,
                        wide: w1,
                    },
                    Change::Splice {
                        target: t2,
                        splice: s2,
                        wide: w2,
                    },
                ) if t1 == t2 && text::overlap(s1, s2) => match (w1, w2) {
                    (false, true) => {
                        drop.insert(k);
                    }
                    (true, false) => {}
                    _ => {
                        return Err(Reason::Overlap {
                            place: match t1 {
                                Target::Title => "the title".into(),
                                Target::Para(id) => name_of(doc, id),
                                Target::Footnote(id) => format!("footnote {id}"),
                            },
                            other: *n,
                            amendment: src.clone(),
                        });
                    }
                },
                _ => {
                    let (Some((x, sx)), Some((y, sy))) = (claim(c), claim(a)) else {
                        continue;
                    };
                    if x == y && clash(sx, sy) {
                        return Err(Reason::Conflict {
                            place: name_of(doc, x),
                            other: *n,
                            amendment: src.clone(),
                        });
                    }
                }
            }
        }
    }
    Ok(drop)
}

/// Re-splits a paragraph's full text into its lead and text after a change of words.
fn resplit(p: &mut Paragraph, f: &str, touched_lead: bool, preamble: bool) {
    if p.lead.is_empty() {
        p.text = f.to_string();
        return;
    }
    if !touched_lead && let Some(rest) = f.strip_prefix(&format!("{} ", p.lead)) {
        p.text = rest.to_string();
        return;
    }
    if !touched_lead && f == p.lead {
        p.text.clear();
        return;
    }
    let list = if preamble {
        phrases::preambular()
    } else {
        phrases::operative()
    };
    let (lead, text) = crate::import::resolution::split_lead(f, list, true);
    p.lead = lead;
    p.text = text;
}

/// The amended document: splices, then the paragraph lists rebuilt, then footnotes.
fn build(doc: &Document, changes: &[Change], added: Vec<Footnote>) -> Document {
    let mut out = doc.clone();
    let mut by_target: HashMap<Target, Vec<Splice>> = HashMap::new();
    let mut deleted: HashSet<Id> = HashSet::new();
    let mut replaced: HashMap<Id, Vec<Paragraph>> = HashMap::new();
    let mut moved: HashMap<Id, Anchor> = HashMap::new();
    let mut inserts: HashMap<Anchor, Vec<Paragraph>> = HashMap::new();
    for c in changes {
        match c {
            Change::Splice { target, splice, .. } => {
                by_target
                    .entry(target.clone())
                    .or_default()
                    .push(splice.clone());
            }
            Change::Delete(id) => {
                deleted.insert(id.clone());
            }
            Change::Replace(id, ps) => {
                replaced.insert(id.clone(), ps.clone());
            }
            Change::Move(id, a) => {
                moved.insert(id.clone(), a.clone());
            }
            Change::Insert(a, ps) => inserts.entry(a.clone()).or_default().extend(ps.clone()),
        }
    }
    for (target, splices) in &by_target {
        match target {
            Target::Title => out.header.title = text::splice(&doc.header.title, splices),
            Target::Footnote(id) => {
                if let Some(f) = out.footnotes.iter_mut().find(|f| &f.id == id) {
                    f.text = text::splice(&f.text, splices);
                }
            }
            Target::Para(id) => {
                let preamble = doc
                    .locate(id)
                    .is_some_and(|l| l.part == crate::model::Part::Preamble);
                if let Some(p) = out.find_mut(id) {
                    let f = full(p);
                    let new = text::splice(&f, splices);
                    let touched = splices.iter().any(|s| s.start <= p.lead.len());
                    resplit(p, &new, touched, preamble);
                }
            }
        }
    }
    // Moved paragraphs are taken out of their lists and emitted at their anchors.
    let mut pool: HashMap<Id, Paragraph> = HashMap::new();
    fn take(
        list: &mut Vec<Paragraph>,
        moved: &HashMap<Id, Anchor>,
        pool: &mut HashMap<Id, Paragraph>,
    ) {
        let mut kept = Vec::new();
        for mut p in list.drain(..) {
            take(&mut p.subparagraphs, moved, pool);
            if moved.contains_key(&p.id) {
                pool.insert(p.id.clone(), p);
            } else {
                kept.push(p);
            }
        }
        *list = kept;
    }
    take(&mut out.preamble, &moved, &mut pool);
    take(&mut out.operative, &moved, &mut pool);
    let mut followers: HashMap<Anchor, Vec<Id>> = HashMap::new();
    let mut order: Vec<&Id> = moved.keys().collect();
    order.sort_by_key(|id| {
        doc.locate(id)
            .map(|l| (l.part == crate::model::Part::Operative, l.path))
    });
    for id in order {
        followers
            .entry(moved[id].clone())
            .or_default()
            .push(id.clone());
    }
    let mut r = Rebuild {
        deleted: &deleted,
        replaced: &replaced,
        inserts: &inserts,
        followers: &followers,
        pool,
    };
    let pre = std::mem::take(&mut out.preamble);
    out.preamble = r.list(pre, PartRef::Preamble, None);
    let ops = std::mem::take(&mut out.operative);
    out.operative = r.list(ops, PartRef::Operative, None);
    out.footnotes.extend(added);
    tidy_footnotes(doc, &mut out);
    tidy_headings(doc, &mut out, &replaced);
    out
}

/// Headings stand before a paragraph by id: one whose paragraph was replaced stands before
/// the first replacing paragraph, one whose paragraph was deleted before the next paragraph
/// that remains (it goes when none does).
fn tidy_headings(issued: &Document, doc: &mut Document, replaced: &HashMap<Id, Vec<Paragraph>>) {
    let mut present: HashSet<Id> = HashSet::new();
    doc.walk(&mut |p, _| {
        present.insert(p.id.clone());
    });
    let next_remaining = |id: &Id| -> Option<Id> {
        let loc = issued.locate(id)?;
        let list = issued.part(loc.part)?;
        list.iter().skip(loc.top()).find_map(|p| {
            if let Some(r) = replaced.get(&p.id) {
                return r.first().map(|x| x.id.clone());
            }
            present.contains(&p.id).then(|| p.id.clone())
        })
    };
    doc.headings.retain_mut(|h| {
        if present.contains(&h.before) {
            return true;
        }
        match next_remaining(&h.before) {
            Some(id) => {
                h.before = id;
                true
            }
            None => false,
        }
    });
}

struct Rebuild<'a> {
    deleted: &'a HashSet<Id>,
    replaced: &'a HashMap<Id, Vec<Paragraph>>,
    inserts: &'a HashMap<Anchor, Vec<Paragraph>>,
    followers: &'a HashMap<Anchor, Vec<Id>>,
    pool: HashMap<Id, Paragraph>,
}

impl Rebuild<'_> {
    fn list(&mut self, list: Vec<Paragraph>, part: PartRef, parent: Option<Id>) -> Vec<Paragraph> {
        let mut out = Vec::new();
        for p in list {
            self.emit(p, part, &mut out);
        }
        let end = Anchor::End(part, parent);
        if let Some(ps) = self.inserts.get(&end) {
            out.extend(ps.iter().cloned());
        }
        out
    }

    fn emit(&mut self, mut p: Paragraph, part: PartRef, out: &mut Vec<Paragraph>) {
        let id = p.id.clone();
        if let Some(ps) = self.inserts.get(&Anchor::Before(id.clone())) {
            out.extend(ps.iter().cloned());
        }
        for m in self
            .followers
            .get(&Anchor::Before(id.clone()))
            .cloned()
            .unwrap_or_default()
        {
            if let Some(mp) = self.pool.remove(&m) {
                self.emit(mp, part, out);
            }
        }
        if let Some(ps) = self.replaced.get(&id) {
            out.extend(ps.iter().cloned());
        } else if !self.deleted.contains(&id) {
            let subs = std::mem::take(&mut p.subparagraphs);
            p.subparagraphs = self.list(subs, part, Some(id.clone()));
            out.push(p);
        }
        if let Some(ps) = self.inserts.get(&Anchor::After(id.clone())) {
            out.extend(ps.iter().cloned());
        }
        for m in self
            .followers
            .get(&Anchor::After(id))
            .cloned()
            .unwrap_or_default()
        {
            if let Some(mp) = self.pool.remove(&m) {
                self.emit(mp, part, out);
            }
        }
    }
}

/// Footnotes after the amendments: those whose marker was deleted (or whose paragraph went
/// without a marker to show) are dropped; each is anchored to the paragraph holding its
/// marker.
fn tidy_footnotes(issued: &Document, doc: &mut Document) {
    let mut holder: HashMap<Id, Id> = HashMap::new();
    doc.walk(&mut |p, _| {
        for id in markup::markers(&p.lead)
            .into_iter()
            .chain(markup::markers(&p.text))
        {
            holder.entry(id).or_insert_with(|| p.id.clone());
        }
    });
    let had_marker: HashSet<Id> = {
        let mut s = HashSet::new();
        issued.walk(&mut |p, _| {
            s.extend(markup::markers(&p.lead));
            s.extend(markup::markers(&p.text));
        });
        s
    };
    let mut present: HashSet<Id> = HashSet::new();
    doc.walk(&mut |p, _| {
        present.insert(p.id.clone());
    });
    doc.footnotes.retain_mut(|f| match holder.get(&f.id) {
        Some(p) => {
            f.anchor = p.clone();
            true
        }
        None => {
            !had_marker.contains(&f.id) && !f.anchor.0.is_empty() && present.contains(&f.anchor)
        }
    });
}

/// Trial runs of changes of words on one place of a draft, for the writer of amendments to
/// check that what it writes reads back to exactly the text it means.
pub struct Simulator<'a> {
    ctx: Ctx<'a>,
    amendment: Amendment,
    instruction: Instruction,
}

impl<'a> Simulator<'a> {
    /// A simulator on the draft as issued, with the new footnotes the amendment defines.
    pub fn new(doc: &'a Document, footnotes: Vec<(String, String)>) -> Self {
        Simulator {
            ctx: Ctx::new(doc, &[]),
            amendment: Amendment {
                footnotes,
                ..Amendment::default()
            },
            instruction: Instruction::default(),
        }
    }

    /// The marked-up text of a place (a paragraph, the title or a footnote) after the
    /// changes of words (each with whether it applies to every occurrence).
    pub fn text(&mut self, scope: &Scope, ops: &[(TextOp, bool)]) -> Result<String, Reason> {
        let doc = self.ctx.doc;
        let sel = Selected {
            name: "",
            amendment: &self.amendment,
            instruction: &self.instruction,
        };
        let (target, place) = targets(doc, scope, &self.ctx)?
            .into_iter()
            .next()
            .ok_or_else(|| Reason::NoSuchPlace {
                place: format!("{scope:?}"),
            })?;
        let f = self.ctx.base(&target);
        let title = target == Target::Title;
        let mut specific: Vec<Splice> = Vec::new();
        let mut wide: Vec<Splice> = Vec::new();
        for (op, is_wide) in ops {
            for s in splices(&mut self.ctx, &sel, &f, op, &place, *is_wide, title)? {
                if *is_wide {
                    wide.push(s);
                } else {
                    if specific.iter().any(|x| text::overlap(x, &s)) {
                        return Err(Reason::Overlap {
                            place: place.clone(),
                            other: 0,
                            amendment: String::new(),
                        });
                    }
                    specific.push(s);
                }
            }
        }
        wide.retain(|w| !specific.iter().any(|s| text::overlap(s, w)));
        specific.extend(wide);
        Ok(text::splice(&f, &specific))
    }

    /// The `*` mark of a footnote id the simulator created for a new footnote.
    pub fn mark_of(&self, id: &Id) -> Option<&str> {
        self.ctx
            .new_notes
            .iter()
            .find(|(_, v)| *v == id)
            .map(|((_, mark), _)| mark.as_str())
    }
}
