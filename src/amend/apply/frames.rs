//! Headings, parts and annexes as a whole: a heading inserted, deleted or moved, a part or
//! an annex deleted or added. Resolved against the draft as issued like every instruction
//! ([`resolve`]); applied once the paragraph lists are rebuilt ([`finish`]), since a heading
//! stands at a gap of the amended text ("after operative paragraph 12": before whatever
//! follows that paragraph once the other instructions have applied). Labels that ran in
//! sequence follow the new order, as the UN renumbers headings, sections and annexes.

use super::context::{Ctx, heading_id, new_paragraphs};
use super::{Anchor, Change, Reason, Selected, at};
use crate::amend::{Frame, NewFrame, Op, PartRef, Position, locate, render};
use crate::model::{Document, Heading, Id, Paragraph, Section};
use std::collections::{HashMap, HashSet};

/// The gap a heading goes to: right after a paragraph, or at the start of a paragraph's
/// place (before what is inserted before it).
fn gap(doc: &Document, pos: &Position) -> Result<Anchor, Reason> {
    let (r, after) = match pos {
        Position::After(r) => (r, true),
        Position::Before(r) => (r, false),
        Position::EndOf(..) | Position::EndOfFrame(..) => {
            return Err(Reason::NoSuchPlace {
                place: "paragraph for the heading to stand before".into(),
            });
        }
    };
    let p = at(doc, r)
        .filter(|_| !r.is_sub())
        .ok_or_else(|| Reason::NoSuchPlace {
            place: render::place(r),
        })?;
    Ok(if after {
        Anchor::After(p.id.clone())
    } else {
        Anchor::Before(p.id.clone())
    })
}

/// The id of a heading inside the resolution that an instruction names.
fn own_heading(doc: &Document, h: &crate::amend::HeadingRef) -> Result<Id, Reason> {
    heading_id(doc, h)
        .filter(|id| doc.headings.iter().any(|x| &x.id == id))
        .ok_or_else(|| Reason::NoSuchPlace { place: h.name() })
}

/// The id of the part or annex a frame names.
fn frame_id(doc: &Document, f: &Frame) -> Result<Id, Reason> {
    let no = || Reason::NoSuchPlace { place: f.name() };
    let lists = locate::lists(doc, PartRef::Preamble, Some(f)).ok_or_else(no)?;
    let first = *lists.first().ok_or_else(no)?;
    match (first.resolution_part(), first.annex()) {
        (Some(k), _) => Ok(doc.parts[k].id.clone()),
        (_, Some(a)) => Ok(doc.annexes[a].id.clone()),
        _ => Err(no()),
    }
}

fn with_ids(ctx: &mut Ctx, sel: &Selected, ps: &[Paragraph]) -> Result<Vec<Paragraph>, Reason> {
    new_paragraphs(ctx, sel, ps)
}

/// Resolves a structural operation (`None` for the other operations).
pub(super) fn resolve(ctx: &mut Ctx, sel: &Selected, op: &Op) -> Result<Option<Change>, Reason> {
    let doc = ctx.doc;
    Ok(Some(match op {
        Op::InsertHeading { at, heading } => Change::InsertHeading(
            gap(doc, at)?,
            Heading {
                id: ctx.fresh("h"),
                level: heading.level,
                label: heading.label.clone(),
                heading: heading.text.clone(),
                before: Id::default(),
            },
        ),
        Op::DeleteHeading(h) => Change::DeleteHeading(own_heading(doc, h)?),
        Op::MoveHeading { heading, to } => {
            Change::MoveHeading(own_heading(doc, heading)?, gap(doc, to)?)
        }
        Op::DeleteFrame(f) => Change::DeleteFrame(frame_id(doc, f)?),
        Op::AddFrame(NewFrame::Part(p)) => {
            let mut p = p.clone();
            p.id = ctx.fresh("part");
            p.preamble = with_ids(ctx, sel, &p.preamble)?;
            p.operative = with_ids(ctx, sel, &p.operative)?;
            Change::AddFrame(NewFrame::Part(p))
        }
        Op::AddFrame(NewFrame::Annex(a)) => {
            let mut a = a.clone();
            a.id = ctx.fresh("annex");
            a.paragraphs = with_ids(ctx, sel, &a.paragraphs)?;
            let mut sections = Vec::new();
            for s in &a.sections {
                sections.push(Section {
                    id: ctx.fresh("s"),
                    paragraphs: with_ids(ctx, sel, &s.paragraphs)?,
                    ..s.clone()
                });
            }
            a.sections = sections;
            Change::AddFrame(NewFrame::Annex(a))
        }
        Op::Renumber => Change::Renumber,
        _ => return Ok(None),
    }))
}

/// The gaps the heading changes name.
pub(super) fn gaps_wanted(changes: &[Change]) -> Vec<Anchor> {
    changes
        .iter()
        .filter_map(|c| match c {
            Change::InsertHeading(a, _) | Change::MoveHeading(_, a) => Some(a.clone()),
            _ => None,
        })
        .collect()
}

/// Applies the structural changes to the rebuilt text; `gaps`: the paragraph that stands at
/// each gap the heading changes name.
pub(super) fn finish(
    issued: &Document,
    out: &mut Document,
    changes: &[Change],
    gaps: &HashMap<Anchor, Id>,
) {
    // Headings to place, and whether they go right after a paragraph (else right before one).
    let mut placed: Vec<(Heading, bool)> = Vec::new();
    for c in changes {
        match c {
            Change::DeleteHeading(id) => out.headings.retain(|h| &h.id != id),
            Change::MoveHeading(id, a) => {
                if let (Some(k), Some(before)) =
                    (out.headings.iter().position(|h| &h.id == id), gaps.get(a))
                {
                    let mut h = out.headings.remove(k);
                    h.before = before.clone();
                    placed.push((h, matches!(a, Anchor::After(_))));
                }
            }
            Change::InsertHeading(a, h) => {
                if let Some(before) = gaps.get(a) {
                    let h = Heading {
                        before: before.clone(),
                        ..h.clone()
                    };
                    placed.push((h, matches!(a, Anchor::After(_))));
                }
            }
            Change::DeleteFrame(id) => {
                out.parts.retain(|p| &p.id != id);
                out.annexes.retain(|a| &a.id != id);
            }
            Change::AddFrame(NewFrame::Part(p)) => out.parts.push(p.clone()),
            Change::AddFrame(NewFrame::Annex(a)) => out.annexes.push(a.clone()),
            _ => {}
        }
    }
    let mut fresh = std::collections::HashSet::new();
    for (h, after) in placed {
        fresh.insert(h.id.clone());
        place_heading(out, h, after, &fresh);
    }
    if changes.iter().any(|c| matches!(c, Change::Renumber)) {
        renumber(issued, out);
    }
}

/// Puts a heading into the list in document order. Among the headings standing before the
/// same paragraph, one put right after the paragraph before goes before those that stood
/// there (after those placed just now), one put right before the paragraph after them all.
fn place_heading(doc: &mut Document, h: Heading, after: bool, fresh: &HashSet<Id>) {
    let key = |d: &Document, id: &Id| d.locate(id).map(|l| (l.part.order_key(), l.path));
    let mine = key(doc, &h.before);
    let k = doc
        .headings
        .iter()
        .position(|x| {
            let theirs = key(doc, &x.before);
            theirs > mine || (theirs == mine && after && !fresh.contains(&x.id))
        })
        .unwrap_or(doc.headings.len());
    doc.headings.insert(k, h);
}

/// "Renumber the subsequent headings accordingly": each heading (level 1), part and annex
/// of the draft as issued takes the label as many places on as it moved in its list (the
/// labels printed out of sequence keep their gaps); then labels that ran in sequence are
/// written as that sequence (a lone annex becomes annex I beside a new annex II).
fn renumber(issued: &Document, out: &mut Document) {
    fn shift(then: &[(Id, String)], now: &mut [(Id, &mut String)]) {
        let letters = then
            .iter()
            .all(|(_, l)| l.len() == 1 && l.chars().all(|c| c.is_ascii_uppercase()))
            && then
                .iter()
                .any(|(_, l)| !l.chars().all(|c| "IVXLCDM".contains(c)));
        let value = |l: &str| -> Option<usize> {
            if letters {
                l.bytes().next().map(|b| (b - b'A') as usize + 1)
            } else {
                (1..=400).find(|n| crate::numbering::roman(*n).to_uppercase() == l)
            }
        };
        let label = |n: usize| -> Option<String> {
            if letters {
                (1..=26)
                    .contains(&n)
                    .then(|| char::from(b'A' + (n - 1) as u8).to_string())
            } else {
                Some(crate::numbering::roman(n).to_uppercase())
            }
        };
        for (k, (id, l)) in now.iter_mut().enumerate() {
            let Some(i) = then.iter().position(|(x, _)| x == id) else {
                continue;
            };
            let moved = k as isize - i as isize;
            if let Some(v) = value(&then[i].1)
                && let Some(n) = v.checked_add_signed(moved).filter(|n| *n > 0)
                && let Some(new) = label(n)
            {
                **l = new;
            }
        }
    }
    fn labels<'a>(items: impl Iterator<Item = (&'a Id, &'a String)>) -> Vec<(Id, String)> {
        items.map(|(id, l)| (id.clone(), l.clone())).collect()
    }
    let top = |h: &&Heading| h.level <= 1;
    let then = labels(
        issued
            .headings
            .iter()
            .filter(top)
            .map(|h| (&h.id, &h.label)),
    );
    let mut now: Vec<(Id, &mut String)> = out
        .headings
        .iter_mut()
        .filter(|h| h.level <= 1)
        .map(|h| (h.id.clone(), &mut h.label))
        .collect();
    shift(&then, &mut now);
    let then = labels(issued.parts.iter().map(|p| (&p.id, &p.label)));
    let mut now: Vec<(Id, &mut String)> = out
        .parts
        .iter_mut()
        .map(|p| (p.id.clone(), &mut p.label))
        .collect();
    shift(&then, &mut now);
    let then = labels(issued.annexes.iter().map(|a| (&a.id, &a.label)));
    let mut now: Vec<(Id, &mut String)> = out
        .annexes
        .iter_mut()
        .map(|a| (a.id.clone(), &mut a.label))
        .collect();
    shift(&then, &mut now);
    crate::ops::follow_labels(issued, out);
}
