//! Negotiating a draft: delegations, proposals, bracketed alternatives, paragraph statuses
//! and the "5 bis" numbering of informal consultations, as operations over a
//! [`Draft`] and its [`Negotiation`] (the data lives in [`crate::model`]).
//!
//! A proposal quotes the words it acts on, with the occurrence of those words in its
//! paragraph, rather than byte offsets: it survives edits elsewhere in the paragraph and
//! renumbering. Accepting one changes the text through [`crate::ops`] (so numbering,
//! cross-references and punctuation follow) and rebases every other open proposal and
//! bracket of that paragraph ([`rebase`]): each still applies to the words it quoted, or is
//! marked as needing attention when they are gone. Choosing an alternative of a bracket
//! works the same way.
//!
//! - [`propose`], [`set_status`], [`add_delegation`]: recording the negotiation;
//! - [`accept`], [`reject`], [`withdraw`], [`choose`]: settling it ([`settle`]);
//! - [`numbering`]: "5 bis" labels and the numbers frozen when the negotiation began;
//! - [`compilation`]: the compilation text facilitators circulate;
//! - [`marks`]: a paragraph's text with its open proposals standing where they act;
//! - [`from_edit`]: what a delegate types (an edit, a move) as proposals.

pub mod compilation;
pub mod from_edit;
pub mod marks;
pub mod numbering;
mod rebase;
mod settle;

pub use rebase::{locate, rebase_quote, refresh_attention};
pub use settle::{Settled, accept, choose, reject, withdraw};

use crate::model::{
    Alternative, Bracket, Delegation, Document, Draft, Id, Negotiation, Proposal, ProposalState,
    ProposedChange, Status,
};

/// Why a negotiation step cannot be done. The draft is unchanged when one is returned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NegotiationError {
    #[error("no proposal with id “{0}”")]
    UnknownProposal(Id),
    #[error("no bracket with id “{0}”")]
    UnknownBracket(Id),
    #[error("no paragraph with id “{0}”")]
    UnknownParagraph(Id),
    #[error("“{0}” is not a delegation of this draft (add it first)")]
    UnknownDelegation(String),
    #[error("a delegation needs a code (such as EU or G77)")]
    EmptyDelegation,
    #[error("the words “{words}” are not in paragraph “{paragraph}”{}", occurrence_note(*.occurrence))]
    QuoteNotFound {
        paragraph: Id,
        words: String,
        occurrence: usize,
    },
    #[error("proposal “{id}” is {state}, not pending")]
    NotPending { id: Id, state: &'static str },
    #[error("bracket “{id}” has no alternative {index} (it has {len})")]
    NoSuchAlternative { id: Id, index: usize, len: usize },
    #[error("a bracket needs two alternatives at least")]
    TooFewAlternatives,
    #[error("{0}")]
    Op(#[from] crate::ops::OpError),
}

fn occurrence_note(k: usize) -> String {
    if k == 0 {
        String::new()
    } else {
        format!(" (occurrence {} of them)", k + 1)
    }
}

/// Adds a delegation (or renames one already listed). Returns whether it was new.
pub fn add_delegation(
    n: &mut Negotiation,
    code: &str,
    name: &str,
) -> Result<bool, NegotiationError> {
    let code = code.trim();
    if code.is_empty() {
        return Err(NegotiationError::EmptyDelegation);
    }
    if let Some(d) = n.delegations.iter_mut().find(|d| d.code == code) {
        if !name.is_empty() {
            d.name = name.to_string();
        }
        return Ok(false);
    }
    n.delegations.push(Delegation {
        code: code.to_string(),
        name: name.to_string(),
    });
    Ok(true)
}

/// A fresh id with `prefix` not used by any proposal or bracket ("n4", "b2").
pub fn fresh_id(n: &Negotiation, prefix: &str) -> Id {
    let max = n
        .proposals
        .iter()
        .map(|p| &p.id)
        .chain(n.brackets.iter().map(|b| &b.id))
        .filter_map(|id| id.0.strip_prefix(prefix)?.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    Id(format!("{prefix}{}", max + 1))
}

/// A fresh paragraph id for a proposed paragraph: used neither by the document nor by any
/// other proposed paragraph.
pub fn fresh_paragraph_id(draft: &Draft) -> Id {
    let from_doc = draft.document.fresh_id("p");
    let doc_next: u64 = from_doc.0[1..].parse().unwrap_or(1);
    let proposed = draft
        .negotiation
        .proposals
        .iter()
        .filter_map(|p| match &p.change {
            ProposedChange::InsertParagraph { paragraph, .. } => {
                let mut max = 0;
                paragraph.walk(&mut |q| {
                    if let Some(k) = q.id.0.strip_prefix('p').and_then(|s| s.parse().ok()) {
                        max = max.max(k);
                    }
                });
                Some(max + 1)
            }
            _ => None,
        })
        .max()
        .unwrap_or(0);
    Id(format!("p{}", doc_next.max(proposed)))
}

/// Records a proposal by delegation `by` and returns its id. A word change must quote
/// words that stand in its paragraph; a paragraph change must name a paragraph that exists.
/// The numbering of the negotiation is frozen on the first proposal (see [`numbering`]).
pub fn propose(
    draft: &mut Draft,
    by: &str,
    date: &str,
    change: ProposedChange,
) -> Result<Id, NegotiationError> {
    if draft.negotiation.delegation(by).is_none() {
        return Err(NegotiationError::UnknownDelegation(by.to_string()));
    }
    check_change(draft, &change)?;
    if draft.negotiation.numbers.is_empty() {
        draft.negotiation.numbers = numbering::freeze(&draft.document);
    }
    let id = fresh_id(&draft.negotiation, "n");
    draft.negotiation.proposals.push(Proposal {
        id: id.clone(),
        by: by.to_string(),
        date: date.to_string(),
        state: ProposalState::Pending,
        needs_attention: false,
        note: String::new(),
        change,
    });
    Ok(id)
}

/// Checks that a change can apply to the document as it stands.
fn check_change(draft: &Draft, change: &ProposedChange) -> Result<(), NegotiationError> {
    let doc = &draft.document;
    let exists =
        |id: &Id| doc.find(id).is_some() || proposed_paragraph(&draft.negotiation, id).is_some();
    match change {
        ProposedChange::InsertParagraph {
            after, paragraph, ..
        } => {
            if let Some(a) = after
                && !exists(a)
            {
                return Err(NegotiationError::UnknownParagraph(a.clone()));
            }
            let mut clash = None;
            paragraph.walk(&mut |q| {
                if clash.is_none() && exists(&q.id) {
                    clash = Some(q.id.clone());
                }
            });
            if let Some(id) = clash {
                return Err(crate::ops::OpError::DuplicateId(id).into());
            }
        }
        ProposedChange::MoveParagraph { paragraph, after } => {
            if doc.find(paragraph).is_none() {
                return Err(NegotiationError::UnknownParagraph(paragraph.clone()));
            }
            if let Some(a) = after
                && doc.find(a).is_none()
            {
                return Err(NegotiationError::UnknownParagraph(a.clone()));
            }
        }
        ProposedChange::DeleteParagraph { paragraph } => {
            if doc.find(paragraph).is_none() {
                return Err(NegotiationError::UnknownParagraph(paragraph.clone()));
            }
        }
        _ => {
            let id = change.paragraph();
            let p = doc
                .find(id)
                .ok_or_else(|| NegotiationError::UnknownParagraph(id.clone()))?;
            if let Some((words, occurrence)) = change.quote()
                && locate(&p.full_text(), words, occurrence).is_none()
            {
                return Err(NegotiationError::QuoteNotFound {
                    paragraph: id.clone(),
                    words: words.to_string(),
                    occurrence,
                });
            }
        }
    }
    Ok(())
}

/// The paragraph of a pending proposal to insert one, by id.
pub fn proposed_paragraph<'a>(n: &'a Negotiation, id: &Id) -> Option<&'a Proposal> {
    n.proposals.iter().find(|p| {
        p.state == ProposalState::Pending
            && matches!(&p.change, ProposedChange::InsertParagraph { paragraph, .. } if paragraph.find(id).is_some())
    })
}

/// Sets the status of a paragraph (pending removes the entry).
pub fn set_status(draft: &mut Draft, id: &Id, status: Status) -> Result<(), NegotiationError> {
    if draft.document.find(id).is_none() {
        return Err(NegotiationError::UnknownParagraph(id.clone()));
    }
    if status == Status::Pending {
        draft.negotiation.status.remove(id);
    } else {
        draft.negotiation.status.insert(id.clone(), status);
    }
    Ok(())
}

/// Brackets a span of a paragraph: the paragraph keeps `current` (the words standing at
/// occurrence `occurrence`), attributed to `current_by`; `others` are the other
/// alternatives. Returns the bracket's id.
pub fn bracket_span(
    draft: &mut Draft,
    paragraph: &Id,
    current: &str,
    occurrence: usize,
    current_by: &str,
    others: Vec<Alternative>,
) -> Result<Id, NegotiationError> {
    let p = draft
        .document
        .find(paragraph)
        .ok_or_else(|| NegotiationError::UnknownParagraph(paragraph.clone()))?;
    if locate(&p.full_text(), current, occurrence).is_none() {
        return Err(NegotiationError::QuoteNotFound {
            paragraph: paragraph.clone(),
            words: current.to_string(),
            occurrence,
        });
    }
    if others.is_empty() {
        return Err(NegotiationError::TooFewAlternatives);
    }
    let mut alternatives = vec![Alternative {
        by: current_by.to_string(),
        lead: String::new(),
        text: current.to_string(),
    }];
    alternatives.extend(others);
    Ok(push_bracket(
        draft,
        paragraph,
        false,
        occurrence,
        alternatives,
    ))
}

/// Adds a bracket over `paragraph` (the whole of it, or the words at `occurrence`), the
/// first alternative current; its fresh id.
fn push_bracket(
    draft: &mut Draft,
    paragraph: &Id,
    whole: bool,
    occurrence: usize,
    alternatives: Vec<Alternative>,
) -> Id {
    let id = fresh_id(&draft.negotiation, "b");
    draft.negotiation.brackets.push(Bracket {
        id: id.clone(),
        paragraph: paragraph.clone(),
        whole,
        occurrence,
        alternatives,
        current: 0,
        needs_attention: false,
    });
    id
}

/// Makes whole paragraphs alternatives to a paragraph ("Alt 1", "Alt 2"): the paragraph as
/// it stands is Alt 1, attributed to `current_by`. Returns the bracket's id.
pub fn bracket_paragraph(
    draft: &mut Draft,
    paragraph: &Id,
    current_by: &str,
    others: Vec<Alternative>,
) -> Result<Id, NegotiationError> {
    let p = draft
        .document
        .find(paragraph)
        .ok_or_else(|| NegotiationError::UnknownParagraph(paragraph.clone()))?;
    if others.is_empty() {
        return Err(NegotiationError::TooFewAlternatives);
    }
    let mut alternatives = vec![Alternative {
        by: current_by.to_string(),
        lead: p.lead.clone(),
        text: p.text.clone(),
    }];
    alternatives.extend(others);
    Ok(push_bracket(draft, paragraph, true, 0, alternatives))
}

/// Counts for a status bar or a check: open proposals, those needing attention, open
/// brackets, and paragraphs by status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub pending: usize,
    pub attention: usize,
    pub brackets: usize,
    pub paragraphs_pending: usize,
    pub ad_ref: usize,
    pub agreed: usize,
}

/// The counts of a draft's negotiation (statuses over its top-level paragraphs).
pub fn counts(draft: &Draft) -> Counts {
    let n = &draft.negotiation;
    let mut c = Counts {
        pending: n.pending().count(),
        attention: n.pending().filter(|p| p.needs_attention).count()
            + n.brackets.iter().filter(|b| b.needs_attention).count(),
        brackets: n.brackets.len(),
        ..Counts::default()
    };
    for (_, list) in draft.document.parts() {
        for p in list {
            match n.status_of(&p.id) {
                Status::Pending => c.paragraphs_pending += 1,
                Status::AgreedAdRef => c.ad_ref += 1,
                Status::Agreed => c.agreed += 1,
            }
        }
    }
    c
}

/// Whether the document has a top-level list (preamble or operative) holding `id`.
pub(crate) fn top_level_part(doc: &Document, id: &Id) -> Option<crate::model::Part> {
    doc.parts()
        .into_iter()
        .find(|(_, list)| list.iter().any(|p| &p.id == id))
        .map(|(k, _)| k)
}

#[cfg(test)]
mod tests;
