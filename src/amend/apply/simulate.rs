//! Trial runs of changes of words on one place of a draft as issued, with the same code
//! that applies amendments: what the writer of amendments uses to check that what it writes
//! reads back to exactly the text it means.

use super::context::{Ctx, splices, targets};
use super::{Reason, Selected};
use crate::amend::text::{self, Splice};
use crate::amend::{Amendment, Instruction, Scope, TextOp};
use crate::model::{Document, Id};

/// Trial runs of changes of words on one place of a draft, for the writer of amendments to
/// check that what it writes reads back to exactly the text it means.
#[derive(Clone)]
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
        let title = target.is_plain();
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
