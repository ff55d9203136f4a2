//! Before a negotiated text is tabled: every proposal settled (accepted, rejected or
//! withdrawn) and every bracket resolved. Reads the draft's negotiation (see
//! [`crate::negotiate`]); a draft that is not negotiated has nothing to find here.

use super::Finding;
use crate::model::{Draft, Id};
use crate::negotiate::compilation::describe;

fn place(draft: &Draft, id: &Id) -> String {
    draft
        .document
        .locate(id)
        .map(|loc| crate::numbering::describe(&draft.document, &loc))
        .unwrap_or_else(|| format!("proposed paragraph {id}"))
}

/// The open proposals and unresolved brackets of a draft.
pub fn check(draft: &Draft, out: &mut Vec<Finding>) {
    let n = &draft.negotiation;
    for p in n.pending() {
        let attention = if p.needs_attention {
            " (it needs attention: the words it quotes are gone)"
        } else {
            ""
        };
        out.push(Finding {
            id: draft
                .document
                .find(p.change.paragraph())
                .map(|x| x.id.clone()),
            place: place(draft, p.change.paragraph()),
            rule: "open-proposal",
            message: format!(
                "proposal {} by {} is still pending: {}{attention}",
                p.id,
                p.by,
                describe(p)
            ),
            suggestion: format!(
                "accept, reject or withdraw it (resdraft negotiate DRAFT accept {})",
                p.id
            ),
        });
    }
    for b in &n.brackets {
        let who: Vec<&str> = b.alternatives.iter().map(|a| a.by.as_str()).collect();
        out.push(Finding {
            id: draft.document.find(&b.paragraph).map(|x| x.id.clone()),
            place: place(draft, &b.paragraph),
            rule: "open-bracket",
            message: format!(
                "bracket {} still holds {} alternatives ({})",
                b.id,
                b.alternatives.len(),
                who.join(", ")
            ),
            suggestion: format!("choose one (resdraft negotiate DRAFT choose {} N)", b.id),
        });
    }
}
