//! Settling the negotiation: accepting a proposal (its change made through
//! [`crate::ops`], the other proposals and brackets of the paragraph rebased), rejecting or
//! withdrawing one, and choosing one alternative of a bracket.
//!
//! Each returns a [`Settled`]: the document change (whose `undo` restores the text) and the
//! negotiation as it was before, so an editor can undo both exactly.

use super::rebase::{locate, rebase_paragraph};
use super::{NegotiationError, top_level_part};
use crate::model::{
    Document, Draft, Id, Negotiation, Paragraph, Part, ProposalState, ProposedChange,
};
use crate::ops::{self, Op};

/// What settling a proposal or a bracket did.
#[derive(Debug, Clone, Default)]
pub struct Settled {
    /// The document change (empty for a rejection); its `undo` restores the text.
    pub change: ops::Change,
    /// The negotiation before the step (restore it with the text to undo).
    pub before: Negotiation,
    /// Proposals and brackets that now need attention (their words are gone).
    pub attention: Vec<Id>,
}

/// Accepts a pending proposal: makes its change and rebases the others.
pub fn accept(draft: &mut Draft, id: &Id) -> Result<Settled, NegotiationError> {
    let before = draft.negotiation.clone();
    let proposal = pending(&draft.negotiation, id)?.clone();
    let mut attention = Vec::new();
    let change = match &proposal.change {
        ProposedChange::InsertWords {
            paragraph,
            after,
            occurrence,
            text,
        } => {
            let old = full_text(&draft.document, paragraph)?;
            let r = quote(&old, paragraph, after, *occurrence)?;
            // Words inserted after a quote are separated from it by a space, unless the
            // insertion brings its own or stands before punctuation.
            let mut ins = text.clone();
            let at = r.end;
            let next = old[at..].chars().next();
            if at > 0 && !ins.starts_with([' ', ',', ';', '.', ':']) {
                ins.insert(0, ' ');
            }
            if at == 0 && next.is_some_and(|c| !c.is_whitespace()) && !ins.ends_with(' ') {
                ins.push(' ');
            }
            let new = format!("{}{}{}", &old[..at], ins, &old[at..]);
            set_full_text(draft, paragraph, &old, &new, id, &mut attention)?
        }
        ProposedChange::DeleteWords {
            paragraph,
            words,
            occurrence,
        } => {
            let old = full_text(&draft.document, paragraph)?;
            let r = quote(&old, paragraph, words, *occurrence)?;
            let new = delete_range(&old, r);
            set_full_text(draft, paragraph, &old, &new, id, &mut attention)?
        }
        ProposedChange::ReplaceWords {
            paragraph,
            words,
            occurrence,
            with,
        } => {
            let old = full_text(&draft.document, paragraph)?;
            let r = quote(&old, paragraph, words, *occurrence)?;
            let new = format!("{}{}{}", &old[..r.start], with, &old[r.end..]);
            set_full_text(draft, paragraph, &old, &new, id, &mut attention)?
        }
        ProposedChange::InsertParagraph {
            after,
            operative,
            paragraph,
        } => {
            let mut para = paragraph.clone();
            if draft.document.find(&para.id).is_some() {
                para.id = draft.document.fresh_id("p");
            }
            let op = match after {
                Some(a) => Op::InsertAfter {
                    target: a.clone(),
                    paragraph: para,
                },
                None => {
                    let part = if *operative {
                        Part::Operative
                    } else {
                        Part::Preamble
                    };
                    match draft.document.part(part).and_then(|l| l.first()) {
                        Some(first) => Op::InsertBefore {
                            target: first.id.clone(),
                            paragraph: para,
                        },
                        None => Op::Append {
                            part,
                            paragraph: para,
                        },
                    }
                }
            };
            ops::apply(&mut draft.document, op)?
        }
        ProposedChange::DeleteParagraph { paragraph } => {
            let old = full_text(&draft.document, paragraph)?;
            let mut gone = Vec::new();
            if let Some(p) = draft.document.find(paragraph) {
                p.walk(&mut |q| gone.push((q.id.clone(), q.full_text())));
            }
            let change = ops::apply(
                &mut draft.document,
                Op::Delete {
                    id: paragraph.clone(),
                },
            )?;
            let _ = old;
            for (pid, text) in gone {
                attention.extend(rebase_paragraph(
                    &mut draft.negotiation,
                    &pid,
                    &text,
                    None,
                    Some(id),
                ));
                draft.negotiation.status.remove(&pid);
            }
            change
        }
        ProposedChange::MoveParagraph { paragraph, after } => {
            let index = move_index(&draft.document, paragraph, after.as_ref())?;
            ops::apply(
                &mut draft.document,
                Op::MoveTo {
                    id: paragraph.clone(),
                    index,
                },
            )?
        }
    };
    if let Some(p) = draft.negotiation.proposal_mut(id) {
        p.state = ProposalState::Accepted;
        p.needs_attention = false;
    }
    Ok(Settled {
        change,
        before,
        attention,
    })
}

/// Rejects a pending proposal (it stays on record as rejected).
pub fn reject(draft: &mut Draft, id: &Id) -> Result<Settled, NegotiationError> {
    set_state(draft, id, ProposalState::Rejected)
}

/// Withdraws a pending proposal (its delegation takes it back).
pub fn withdraw(draft: &mut Draft, id: &Id) -> Result<Settled, NegotiationError> {
    set_state(draft, id, ProposalState::Withdrawn)
}

fn set_state(
    draft: &mut Draft,
    id: &Id,
    state: ProposalState,
) -> Result<Settled, NegotiationError> {
    let before = draft.negotiation.clone();
    pending(&draft.negotiation, id)?;
    if let Some(p) = draft.negotiation.proposal_mut(id) {
        p.state = state;
    }
    Ok(Settled {
        before,
        ..Settled::default()
    })
}

/// Resolves a bracket by choosing alternative `index` (from 0): its text takes the place of
/// the current one (for a whole paragraph, the paragraph becomes it, or is deleted when the
/// alternative is empty), and the bracket is gone.
pub fn choose(draft: &mut Draft, id: &Id, index: usize) -> Result<Settled, NegotiationError> {
    let before = draft.negotiation.clone();
    let b = draft
        .negotiation
        .bracket(id)
        .ok_or_else(|| NegotiationError::UnknownBracket(id.clone()))?
        .clone();
    let chosen = b
        .alternatives
        .get(index)
        .ok_or(NegotiationError::NoSuchAlternative {
            id: id.clone(),
            index,
            len: b.alternatives.len(),
        })?
        .clone();
    let mut attention = Vec::new();
    let old = full_text(&draft.document, &b.paragraph)?;
    let change = if b.whole {
        if chosen.lead.is_empty() && chosen.text.is_empty() {
            let change = ops::apply(
                &mut draft.document,
                Op::Delete {
                    id: b.paragraph.clone(),
                },
            )?;
            attention.extend(rebase_paragraph(
                &mut draft.negotiation,
                &b.paragraph,
                &old,
                None,
                None,
            ));
            draft.negotiation.status.remove(&b.paragraph);
            change
        } else {
            let change = ops::apply(
                &mut draft.document,
                Op::SetText {
                    id: b.paragraph.clone(),
                    lead: chosen.lead.clone(),
                    text: chosen.text.clone(),
                },
            )?;
            let new = full_text(&draft.document, &b.paragraph)?;
            attention.extend(rebase_paragraph(
                &mut draft.negotiation,
                &b.paragraph,
                &old,
                Some(&new),
                None,
            ));
            change
        }
    } else {
        let current = &b.alternatives[b.current.min(b.alternatives.len() - 1)].text;
        let r = quote(&old, &b.paragraph, current, b.occurrence)?;
        let new = format!("{}{}{}", &old[..r.start], chosen.text, &old[r.end..]);
        let new = tidy_spaces(&new);
        set_full_text(draft, &b.paragraph, &old, &new, id, &mut attention)?
    };
    draft.negotiation.brackets.retain(|x| &x.id != id);
    attention.retain(|a| a != id);
    Ok(Settled {
        change,
        before,
        attention,
    })
}

fn pending<'a>(
    n: &'a Negotiation,
    id: &Id,
) -> Result<&'a crate::model::Proposal, NegotiationError> {
    let p = n
        .proposal(id)
        .ok_or_else(|| NegotiationError::UnknownProposal(id.clone()))?;
    if p.state != ProposalState::Pending {
        return Err(NegotiationError::NotPending {
            id: id.clone(),
            state: p.state.name(),
        });
    }
    Ok(p)
}

fn full_text(doc: &Document, id: &Id) -> Result<String, NegotiationError> {
    doc.find(id)
        .map(Paragraph::full_text)
        .ok_or_else(|| NegotiationError::UnknownParagraph(id.clone()))
}

fn quote(
    text: &str,
    paragraph: &Id,
    words: &str,
    occurrence: usize,
) -> Result<std::ops::Range<usize>, NegotiationError> {
    locate(text, words, occurrence).ok_or_else(|| NegotiationError::QuoteNotFound {
        paragraph: paragraph.clone(),
        words: words.to_string(),
        occurrence,
    })
}

/// The text without the range, one space kept where words stood on both sides.
fn delete_range(text: &str, r: std::ops::Range<usize>) -> String {
    tidy_spaces(&format!("{}{}", &text[..r.start], &text[r.end..]))
}

/// Runs of spaces made by a deletion become one; no space before punctuation that follows a
/// deletion, none at the start.
fn tidy_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        if matches!(c, ',' | ';' | '.' | ':') && out.ends_with(' ') {
            out.pop();
        }
        out.push(c);
    }
    out
}

/// Sets a paragraph's full text (the opening phrase kept where the change left it whole, or
/// found again) and rebases the other proposals and brackets of the paragraph.
fn set_full_text(
    draft: &mut Draft,
    id: &Id,
    old: &str,
    new: &str,
    settled: &Id,
    attention: &mut Vec<Id>,
) -> Result<ops::Change, NegotiationError> {
    let p = draft
        .document
        .find(id)
        .ok_or_else(|| NegotiationError::UnknownParagraph(id.clone()))?;
    let (lead, text) = split_lead(&draft.document, id, &p.lead, new);
    let change = ops::apply(
        &mut draft.document,
        Op::SetText {
            id: id.clone(),
            lead,
            text,
        },
    )?;
    let after = full_text(&draft.document, id)?;
    attention.extend(rebase_paragraph(
        &mut draft.negotiation,
        id,
        old,
        Some(&after),
        Some(settled),
    ));
    Ok(change)
}

/// Splits a new full text into an opening phrase and the rest: the old lead when the text
/// still opens with it, else the listed phrase it opens with, else no lead.
fn split_lead(doc: &Document, id: &Id, old_lead: &str, full: &str) -> (String, String) {
    if old_lead.is_empty() {
        return (String::new(), full.to_string());
    }
    if let Some(rest) = full.strip_prefix(old_lead)
        && (rest.is_empty() || rest.starts_with(' '))
    {
        return (old_lead.to_string(), rest.trim_start().to_string());
    }
    let preamble = top_level_part(doc, id).is_some_and(Part::is_preamble);
    let list = if preamble {
        crate::phrases::preambular()
    } else {
        crate::phrases::operative()
    };
    match crate::phrases::match_lead(full, list) {
        Some(n) => (full[..n].to_string(), full[n..].trim_start().to_string()),
        None => (String::new(), full.to_string()),
    }
}

/// The index among its siblings (once it is taken out) a paragraph moves to so that it
/// stands right after `after` (first when `None`).
fn move_index(doc: &Document, id: &Id, after: Option<&Id>) -> Result<usize, NegotiationError> {
    let loc = doc
        .locate(id)
        .ok_or_else(|| NegotiationError::UnknownParagraph(id.clone()))?;
    let Some(after) = after else {
        return Ok(0);
    };
    let aloc = doc
        .locate(after)
        .ok_or_else(|| NegotiationError::UnknownParagraph(after.clone()))?;
    let same_list = aloc.part == loc.part
        && aloc.path.len() == loc.path.len()
        && aloc.path[..aloc.path.len() - 1] == loc.path[..loc.path.len() - 1];
    if !same_list {
        return Err(ops::OpError::InvalidLocation(format!(
            "“{after}” is not in the same list as “{id}”"
        ))
        .into());
    }
    let (i, a) = (
        *loc.path.last().unwrap_or(&0),
        *aloc.path.last().unwrap_or(&0),
    );
    Ok(if a < i { a + 1 } else { a })
}
