//! Writing the `[negotiation]` tables of a draft file (format 3): the delegations, the
//! proposals (each with its `change` table, and the proposed paragraph of an insertion),
//! the bracketed alternatives, the paragraph statuses and the numbers frozen when the
//! negotiation began. Reading is serde's, straight into [`crate::model::Negotiation`]; the
//! checks that serde cannot make (unique ids, two alternatives at least) are [`check`].

use super::emit::{basic, field, paragraph};
use crate::model::{Negotiation, ProposalState, ProposedChange};

/// The negotiation tables, after the document and before the revisions.
pub(super) fn emit(out: &mut String, n: &Negotiation) {
    if n.is_empty() {
        return;
    }
    for d in &n.delegations {
        out.push_str("\n[[negotiation.delegations]]\n");
        out.push_str(&format!("code = {}\n", basic(&d.code)));
        field(out, "name", &d.name);
    }
    for p in &n.proposals {
        out.push_str("\n[[negotiation.proposals]]\n");
        out.push_str(&format!("id = {}\n", basic(p.id.as_str())));
        out.push_str(&format!("by = {}\n", basic(&p.by)));
        field(out, "date", &p.date);
        if p.state != ProposalState::Pending {
            out.push_str(&format!("state = \"{}\"\n", p.state.name()));
        }
        if p.needs_attention {
            out.push_str("needs_attention = true\n");
        }
        field(out, "note", &p.note);
        out.push_str("\n[negotiation.proposals.change]\n");
        let occurrence = |out: &mut String, k: usize| {
            if k != 0 {
                out.push_str(&format!("occurrence = {k}\n"));
            }
        };
        match &p.change {
            ProposedChange::InsertWords {
                paragraph: id,
                after,
                occurrence: k,
                text,
            } => {
                out.push_str("action = \"insert_words\"\n");
                out.push_str(&format!("paragraph = {}\n", basic(id.as_str())));
                field(out, "after", after);
                occurrence(out, *k);
                out.push_str(&format!("text = {}\n", basic(text)));
            }
            ProposedChange::DeleteWords {
                paragraph: id,
                words,
                occurrence: k,
            } => {
                out.push_str("action = \"delete_words\"\n");
                out.push_str(&format!("paragraph = {}\n", basic(id.as_str())));
                out.push_str(&format!("words = {}\n", basic(words)));
                occurrence(out, *k);
            }
            ProposedChange::ReplaceWords {
                paragraph: id,
                words,
                occurrence: k,
                with,
            } => {
                out.push_str("action = \"replace_words\"\n");
                out.push_str(&format!("paragraph = {}\n", basic(id.as_str())));
                out.push_str(&format!("words = {}\n", basic(words)));
                occurrence(out, *k);
                out.push_str(&format!("with = {}\n", basic(with)));
            }
            ProposedChange::InsertParagraph {
                after,
                operative,
                paragraph: para,
            } => {
                out.push_str("action = \"insert_paragraph\"\n");
                if let Some(a) = after {
                    out.push_str(&format!("after = {}\n", basic(a.as_str())));
                }
                if *operative {
                    out.push_str("operative = true\n");
                }
                paragraph_table(out, para, "negotiation.proposals.change.paragraph");
            }
            ProposedChange::DeleteParagraph { paragraph: id } => {
                out.push_str("action = \"delete_paragraph\"\n");
                out.push_str(&format!("paragraph = {}\n", basic(id.as_str())));
            }
            ProposedChange::MoveParagraph {
                paragraph: id,
                after,
            } => {
                out.push_str("action = \"move_paragraph\"\n");
                out.push_str(&format!("paragraph = {}\n", basic(id.as_str())));
                if let Some(a) = after {
                    out.push_str(&format!("after = {}\n", basic(a.as_str())));
                }
            }
        }
    }
    for b in &n.brackets {
        out.push_str("\n[[negotiation.brackets]]\n");
        out.push_str(&format!("id = {}\n", basic(b.id.as_str())));
        out.push_str(&format!("paragraph = {}\n", basic(b.paragraph.as_str())));
        if b.whole {
            out.push_str("whole = true\n");
        }
        if b.occurrence != 0 {
            out.push_str(&format!("occurrence = {}\n", b.occurrence));
        }
        if b.current != 0 {
            out.push_str(&format!("current = {}\n", b.current));
        }
        if b.needs_attention {
            out.push_str("needs_attention = true\n");
        }
        for a in &b.alternatives {
            out.push_str("\n[[negotiation.brackets.alternatives]]\n");
            out.push_str(&format!("by = {}\n", basic(&a.by)));
            field(out, "lead", &a.lead);
            out.push_str(&format!("text = {}\n", basic(&a.text)));
        }
    }
    if !n.status.is_empty() {
        out.push_str("\n[negotiation.status]\n");
        for (id, s) in &n.status {
            out.push_str(&format!("{} = \"{}\"\n", basic(id.as_str()), s.name()));
        }
    }
    if !n.numbers.is_empty() {
        out.push_str("\n[negotiation.numbers]\n");
        for (id, k) in &n.numbers {
            out.push_str(&format!("{} = {k}\n", basic(id.as_str())));
        }
    }
}

/// The proposed paragraph as a table (the same keys as a paragraph of the document). The
/// first table header is a plain table, its sub-paragraphs an array of tables.
fn paragraph_table(out: &mut String, p: &crate::model::Paragraph, path: &str) {
    let mut s = String::new();
    paragraph(&mut s, p, path);
    // `paragraph` writes `[[path]]`; the proposed paragraph is one table, `[path]`.
    let own = format!("[[{path}]]\n");
    if let Some(rest) = s.strip_prefix(&format!("\n{own}")) {
        out.push_str(&format!("\n[{path}]\n"));
        out.push_str(rest);
    } else {
        out.push_str(&s);
    }
}

/// What serde cannot check: unique proposal and bracket ids, at least two alternatives, a
/// current alternative that exists, a proposal by a named delegation. Each problem as a
/// message and the id it is about (to find its line).
pub(super) fn check(n: &Negotiation) -> Option<(String, String)> {
    let mut seen = std::collections::HashSet::new();
    for d in &n.delegations {
        if d.code.trim().is_empty() {
            return Some(("a delegation has an empty code".into(), String::new()));
        }
        if !seen.insert(d.code.as_str()) {
            return Some((
                format!("the delegation “{}” is listed twice", d.code),
                d.code.clone(),
            ));
        }
    }
    let mut ids = std::collections::HashSet::new();
    for p in &n.proposals {
        if p.id.as_str().is_empty() {
            return Some(("a proposal has an empty id".into(), String::new()));
        }
        if !ids.insert(p.id.as_str()) {
            return Some((format!("duplicate proposal id “{}”", p.id), p.id.0.clone()));
        }
        if n.delegation(&p.by).is_none() {
            return Some((
                format!(
                    "proposal “{}” is by “{}”, which is not a delegation of the draft (add it under [[negotiation.delegations]])",
                    p.id, p.by
                ),
                p.id.0.clone(),
            ));
        }
    }
    for b in &n.brackets {
        if b.id.as_str().is_empty() {
            return Some(("a bracket has an empty id".into(), String::new()));
        }
        if !ids.insert(b.id.as_str()) {
            return Some((format!("duplicate bracket id “{}”", b.id), b.id.0.clone()));
        }
        if b.alternatives.len() < 2 {
            return Some((
                format!("bracket “{}” has fewer than two alternatives", b.id),
                b.id.0.clone(),
            ));
        }
        if b.current >= b.alternatives.len() {
            return Some((
                format!(
                    "bracket “{}”: current = {} but it has {} alternatives (counted from 0)",
                    b.id,
                    b.current,
                    b.alternatives.len()
                ),
                b.id.0.clone(),
            ));
        }
    }
    None
}
