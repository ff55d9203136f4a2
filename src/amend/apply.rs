//! Applying instructions to the draft as issued. Every instruction is first resolved against
//! the text as issued (places to stable ids, quotations to byte ranges, in [`context`]), so
//! instructions apply in any order and any subset; then the changes of words are spliced in,
//! and the paragraph lists rebuilt with deletions, replacements, moves and insertions by id
//! ([`build`]). [`simulate`] runs changes of words on trial for the writer of amendments.
//!
//! An instruction that cannot be applied (a quotation not found or found twice, a place
//! that does not exist, a change overlapping another instruction's) is reported with its
//! number and the reason, and none of its operations is applied.

mod build;
mod context;
mod frames;
mod simulate;

pub use simulate::Simulator;

use super::text::{self, Splice};
use super::{Amendment, Instruction, Op, TextOp, render};
use crate::model::{Document, Id, Paragraph, Part};
use context::{Ctx, anchor, new_paragraphs, splices, targets};
use std::collections::HashSet;

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
    /// A heading, a part's heading or an annex's title, by id.
    Heading(Id),
    Para(Id),
    Footnote(Id),
}

impl Target {
    /// A text without footnote markers (the title, headings): quoted text goes in as written.
    fn is_plain(&self) -> bool {
        matches!(self, Target::Title | Target::Heading(_))
    }
}

/// Where new or moved paragraphs go, by id.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Anchor {
    After(Id),
    Before(Id),
    /// The end of a model list (`None`) or of a paragraph's sub-paragraphs.
    End(Part, Option<Id>),
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
    /// A heading put at a gap (an `After` or `Before` anchor).
    InsertHeading(Anchor, crate::model::Heading),
    DeleteHeading(Id),
    MoveHeading(Id, Anchor),
    /// A part or an annex deleted, by id.
    DeleteFrame(Id),
    /// A part or an annex added after the last one (ids given).
    AddFrame(super::NewFrame),
    /// Labels that ran in sequence follow the new order.
    Renumber,
}

use super::locate::at;

/// The marked-up full text of a paragraph (lead and text).
fn full(p: &Paragraph) -> String {
    p.full_text()
}

/// Resolves one instruction into changes against the draft as issued.
fn resolve(ctx: &mut Ctx, sel: &Selected) -> Result<Vec<Change>, Reason> {
    let doc = ctx.doc;
    let mut out = Vec::new();
    for op in &sel.instruction.ops {
        if let Some(c) = frames::resolve(ctx, sel, op)? {
            out.push(c);
            continue;
        }
        match op {
            Op::Text { scopes, op } => {
                let mut any = false;
                let mut wide_places = Vec::new();
                for scope in scopes {
                    let wide = scope.is_wide();
                    for (target, place) in targets(doc, scope, ctx)? {
                        let f = ctx.base(&target);
                        let title = target.is_plain();
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
            // Resolved by `frames::resolve` above.
            Op::InsertHeading { .. }
            | Op::DeleteHeading(_)
            | Op::MoveHeading { .. }
            | Op::DeleteFrame(_)
            | Op::AddFrame(_)
            | Op::Renumber => {}
        }
    }
    Ok(out)
}

/// The name of a paragraph id for reports ("operative paragraph 22").
fn name_of(doc: &Document, id: &Id) -> String {
    doc.locate(id)
        .and_then(|loc| super::locate::para_ref(doc, &loc))
        .map(|r| render::place(&r))
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
    let document = build::build(doc, &changes, std::mem::take(&mut ctx.notes_added));
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
            Change::Delete(id) | Change::DeleteHeading(id) | Change::DeleteFrame(id) => {
                Some((id, 1))
            }
            Change::Move(id, _) | Change::MoveHeading(id, _) => Some((id, 2)),
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
                                Target::Heading(id) => format!("the heading {id}"),
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
