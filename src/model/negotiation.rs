//! The negotiation a draft goes through between the zero draft and the tabled text: the
//! delegations taking part, their proposals (kept by stable id, quoting the words they act
//! on), bracketed alternatives, the status of each paragraph, and the numbers paragraphs had
//! when the negotiation began (so that a new paragraph reads "5 bis" and its neighbours keep
//! theirs).
//!
//! Pure data: the operations (accepting a proposal and rebasing the others, choosing an
//! alternative, the negotiation numbering, the compilation text) are in
//! [`crate::negotiate`]. Everything here is optional in the draft file: a draft without a
//! negotiation has an empty [`Negotiation`].

use super::{Id, Paragraph};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Everything the negotiation of a draft keeps beside its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct Negotiation {
    /// The delegations and groups taking part, in the order they were added.
    pub delegations: Vec<Delegation>,
    /// Every proposal made, in the order made (accepted, rejected and withdrawn ones stay on
    /// record).
    pub proposals: Vec<Proposal>,
    /// Unresolved bracketed alternatives.
    pub brackets: Vec<Bracket>,
    /// The status of each paragraph by id; a paragraph not listed is pending.
    pub status: BTreeMap<Id, Status>,
    /// The numbers of the top-level paragraphs when the negotiation began, by id (preambular
    /// and operative paragraphs each numbered in their list).
    pub numbers: BTreeMap<Id, u32>,
}

impl Negotiation {
    pub fn is_empty(&self) -> bool {
        *self == Negotiation::default()
    }

    pub fn delegation(&self, code: &str) -> Option<&Delegation> {
        self.delegations.iter().find(|d| d.code == code)
    }

    pub fn proposal(&self, id: &Id) -> Option<&Proposal> {
        self.proposals.iter().find(|p| &p.id == id)
    }

    pub fn proposal_mut(&mut self, id: &Id) -> Option<&mut Proposal> {
        self.proposals.iter_mut().find(|p| &p.id == id)
    }

    pub fn bracket(&self, id: &Id) -> Option<&Bracket> {
        self.brackets.iter().find(|b| &b.id == id)
    }

    /// The status of a paragraph (pending when none was set).
    pub fn status_of(&self, id: &Id) -> Status {
        self.status.get(id).copied().unwrap_or_default()
    }

    /// The pending proposals, in the order made.
    pub fn pending(&self) -> impl Iterator<Item = &Proposal> {
        self.proposals
            .iter()
            .filter(|p| p.state == ProposalState::Pending)
    }
}

/// A delegation or a group of States ("EU", "G77").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Delegation {
    /// The short name used in attributions ("EU", "G77", "USA").
    pub code: String,
    /// The full name ("European Union"); may be empty.
    #[serde(default)]
    pub name: String,
}

/// A proposal by a delegation, by stable id ("n3").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Proposal {
    pub id: Id,
    /// The code of the delegation proposing it.
    pub by: String,
    /// When it was made (ISO date, or date and time).
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub state: ProposalState,
    /// Set when the text it acts on changed under it and the words it quotes are gone (or
    /// its paragraph is): a facilitator must look at it again.
    #[serde(default)]
    pub needs_attention: bool,
    /// A free comment ("as in the 2024 text").
    #[serde(default)]
    pub note: String,
    pub change: ProposedChange,
}

/// Where a proposal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ProposalState {
    #[default]
    Pending,
    Accepted,
    Rejected,
    Withdrawn,
}

impl ProposalState {
    pub fn name(self) -> &'static str {
        match self {
            ProposalState::Pending => "pending",
            ProposalState::Accepted => "accepted",
            ProposalState::Rejected => "rejected",
            ProposalState::Withdrawn => "withdrawn",
        }
    }
}

/// What a proposal does. Word changes quote the words they act on: `occurrence` says which
/// occurrence of them in the paragraph (0 for the first), so that a proposal follows its
/// words when other text of the paragraph changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
pub enum ProposedChange {
    /// Inserts `text` after the quoted words `after` (at the start of the paragraph when
    /// `after` is empty).
    InsertWords {
        paragraph: Id,
        #[serde(default)]
        after: String,
        #[serde(default)]
        occurrence: usize,
        text: String,
    },
    DeleteWords {
        paragraph: Id,
        words: String,
        #[serde(default)]
        occurrence: usize,
    },
    ReplaceWords {
        paragraph: Id,
        words: String,
        #[serde(default)]
        occurrence: usize,
        with: String,
    },
    /// A new paragraph after the paragraph `after` (first of the preamble or the operative
    /// part when `after` is absent).
    InsertParagraph {
        #[serde(default)]
        after: Option<Id>,
        #[serde(default)]
        operative: bool,
        paragraph: Paragraph,
    },
    DeleteParagraph {
        paragraph: Id,
    },
    /// Moves a paragraph after `after` (first of its list when absent).
    MoveParagraph {
        paragraph: Id,
        #[serde(default)]
        after: Option<Id>,
    },
}

impl ProposedChange {
    /// The paragraph the change acts on (the new paragraph's own id for an insertion).
    pub fn paragraph(&self) -> &Id {
        match self {
            ProposedChange::InsertWords { paragraph, .. }
            | ProposedChange::DeleteWords { paragraph, .. }
            | ProposedChange::ReplaceWords { paragraph, .. }
            | ProposedChange::DeleteParagraph { paragraph }
            | ProposedChange::MoveParagraph { paragraph, .. } => paragraph,
            ProposedChange::InsertParagraph { paragraph, .. } => &paragraph.id,
        }
    }

    /// The quoted words and their occurrence, for a word change.
    pub fn quote(&self) -> Option<(&str, usize)> {
        match self {
            ProposedChange::InsertWords {
                after, occurrence, ..
            } => Some((after, *occurrence)),
            ProposedChange::DeleteWords {
                words, occurrence, ..
            }
            | ProposedChange::ReplaceWords {
                words, occurrence, ..
            } => Some((words, *occurrence)),
            _ => None,
        }
    }

    /// The occurrence of a word change, to update when the paragraph changes around it.
    pub fn occurrence_mut(&mut self) -> Option<&mut usize> {
        match self {
            ProposedChange::InsertWords { occurrence, .. }
            | ProposedChange::DeleteWords { occurrence, .. }
            | ProposedChange::ReplaceWords { occurrence, .. } => Some(occurrence),
            _ => None,
        }
    }
}

/// Bracketed alternatives: a span of a paragraph, or the whole paragraph, with two or more
/// attributed texts. The paragraph's text holds the current choice, so every other part of
/// resdraft (check, export, comparison) reads a plain text; the other alternatives are kept
/// here until one is chosen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bracket {
    pub id: Id,
    pub paragraph: Id,
    /// Whether the alternatives are whole paragraphs ("Alt 1", "Alt 2") rather than a span.
    #[serde(default)]
    pub whole: bool,
    /// Which occurrence of the current alternative's text in the paragraph is the span.
    #[serde(default)]
    pub occurrence: usize,
    /// The alternatives, each attributed; `current` is the one the text holds.
    pub alternatives: Vec<Alternative>,
    #[serde(default)]
    pub current: usize,
    /// Set when the span can no longer be found in the paragraph.
    #[serde(default)]
    pub needs_attention: bool,
}

/// One bracketed alternative. For a whole paragraph, `lead` is its opening phrase; an empty
/// whole-paragraph alternative stands for deleting the paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Alternative {
    /// Who stands behind it (a delegation code, or a branch name after a merge).
    pub by: String,
    #[serde(default)]
    pub lead: String,
    #[serde(default)]
    pub text: String,
}

/// The status of a paragraph in the negotiation.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Pending,
    /// Agreed ad referendum: agreed by the negotiators, subject to their capitals.
    AgreedAdRef,
    Agreed,
}

impl Status {
    /// The name used in files and commands.
    pub fn name(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::AgreedAdRef => "agreed_ad_ref",
            Status::Agreed => "agreed",
        }
    }

    /// As printed in a compilation text.
    pub fn printed(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::AgreedAdRef => "agreed ad ref",
            Status::Agreed => "agreed",
        }
    }

    /// Reads a status as typed ("agreed-ad-ref", "ad ref", "agreed").
    pub fn parse(s: &str) -> Option<Status> {
        let k: String = s
            .trim()
            .to_lowercase()
            .chars()
            .map(|c| if c == '-' || c == ' ' { '_' } else { c })
            .collect();
        match k.as_str() {
            "pending" => Some(Status::Pending),
            "agreed_ad_ref" | "ad_ref" | "adref" | "agreed_ad_referendum" => {
                Some(Status::AgreedAdRef)
            }
            "agreed" => Some(Status::Agreed),
            _ => None,
        }
    }
}
