//! Keeping proposals and brackets on their words while the text changes under them.
//!
//! A quote is found by its words and their occurrence in the paragraph's full text (lead
//! and text). When a paragraph changes from `old` to `new`, the word edits between the two
//! (the comparison's own, [`crate::compare::words::edits`]) say where the quoted words went:
//! untouched words shift with the edits before them and keep applying (their occurrence is
//! recounted in the new text); words an edit touched are gone, and the proposal or bracket
//! is marked as needing attention.

use crate::compare::{Field, words};
use crate::model::{Draft, Id, Negotiation, ProposalState, ProposedChange};
use std::ops::Range;

/// The byte range of occurrence `occurrence` (0 for the first) of `words` in `text`. Empty
/// words stand at the start. Words are matched whole: "all" is not found in "Calls".
pub fn locate(text: &str, words: &str, occurrence: usize) -> Option<Range<usize>> {
    if words.is_empty() {
        return Some(0..0);
    }
    occurrences(text, words)
        .nth(occurrence)
        .map(|at| at..at + words.len())
}

/// The starts of the whole-word occurrences of `words` in `text`, without overlaps.
pub(crate) fn occurrences<'a>(text: &'a str, words: &'a str) -> impl Iterator<Item = usize> + 'a {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    let starts_word = word(words.chars().next());
    let ends_word = word(words.chars().next_back());
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(k) = text.get(from..)?.find(words) {
            let at = from + k;
            let end = at + words.len();
            let before_ok = !starts_word || !word(text[..at].chars().next_back());
            let after_ok = !ends_word || !word(text[end..].chars().next());
            if before_ok && after_ok {
                from = end;
                return Some(at);
            }
            from = at + words.chars().next().map_or(1, char::len_utf8);
        }
        None
    })
}

/// Where the quote (`words`, occurrence `occurrence` in `old`) stands in `new`: its new
/// occurrence, or `None` when an edit between the two touched the quoted words (or they
/// were not in `old`).
pub fn rebase_quote(old: &str, new: &str, words: &str, occurrence: usize) -> Option<usize> {
    if words.is_empty() {
        return Some(0);
    }
    let r = locate(old, words, occurrence)?;
    let mut shift: isize = 0;
    for e in words::edits(Field::Text, old, new) {
        let (s, end) = (e.at, e.at + e.deleted.len());
        if end <= r.start {
            shift += e.inserted.len() as isize - e.deleted.len() as isize;
            continue;
        }
        if s >= r.end {
            break;
        }
        return None;
    }
    let at = (r.start as isize + shift) as usize;
    if new.get(at..at + words.len()) != Some(words) {
        return None;
    }
    Some(occurrences(new, words).take_while(|&s| s < at).count())
}

/// Follows the proposals and brackets of paragraph `id` through a change of its full text
/// from `old` to `new` (`new` is `None` when the paragraph is gone). `except` is the
/// proposal being settled. Returns the proposals and brackets newly needing attention.
pub(super) fn rebase_paragraph(
    n: &mut Negotiation,
    id: &Id,
    old: &str,
    new: Option<&str>,
    except: Option<&Id>,
) -> Vec<Id> {
    let mut flagged = Vec::new();
    for p in &mut n.proposals {
        if p.state != ProposalState::Pending || Some(&p.id) == except {
            continue;
        }
        let on_it = match &p.change {
            ProposedChange::MoveParagraph { paragraph, after } => {
                paragraph == id || after.as_ref() == Some(id)
            }
            ProposedChange::InsertParagraph { after, .. } => after.as_ref() == Some(id),
            c => c.paragraph() == id,
        };
        if !on_it {
            continue;
        }
        let follows = match (new, p.change.quote()) {
            (None, _) => None,
            (Some(_), None) => Some(None),
            (Some(new), Some((w, k))) => rebase_quote(old, new, w, k).map(Some),
        };
        match follows {
            Some(Some(k)) => {
                if let Some(o) = p.change.occurrence_mut() {
                    *o = k;
                }
            }
            Some(None) => {}
            None => {
                if !p.needs_attention {
                    p.needs_attention = true;
                    flagged.push(p.id.clone());
                }
            }
        }
    }
    for b in &mut n.brackets {
        if &b.paragraph != id {
            continue;
        }
        let follows = match new {
            None => None,
            Some(_) if b.whole => Some(b.occurrence),
            Some(new) => {
                let current = &b.alternatives[b.current.min(b.alternatives.len() - 1)].text;
                rebase_quote(old, new, current, b.occurrence)
            }
        };
        match follows {
            Some(k) => b.occurrence = k,
            None => {
                if !b.needs_attention {
                    b.needs_attention = true;
                    flagged.push(b.id.clone());
                }
            }
        }
    }
    flagged
}

/// Marks every open proposal and bracket whose words (or paragraph) can no longer be found
/// in the document as needing attention, and clears the mark where they are found again.
/// For use after edits made outside [`super::accept`] (typing in the editor, a merge).
/// Returns the ids newly marked.
pub fn refresh_attention(draft: &mut Draft) -> Vec<Id> {
    let doc = &draft.document;
    let mut flagged = Vec::new();
    let found = |id: &Id, quote: Option<(&str, usize)>| match (doc.find(id), quote) {
        (None, _) => false,
        (Some(_), None) => true,
        (Some(p), Some((w, k))) => locate(&p.full_text(), w, k).is_some(),
    };
    for p in &mut draft.negotiation.proposals {
        if p.state != ProposalState::Pending {
            continue;
        }
        let ok = match &p.change {
            ProposedChange::InsertParagraph { after, .. } => {
                after.as_ref().is_none_or(|a| doc.find(a).is_some())
            }
            ProposedChange::MoveParagraph { paragraph, after } => {
                doc.find(paragraph).is_some()
                    && after.as_ref().is_none_or(|a| doc.find(a).is_some())
            }
            c => found(c.paragraph(), c.quote()),
        };
        if !ok && !p.needs_attention {
            flagged.push(p.id.clone());
        }
        p.needs_attention = !ok;
    }
    for b in &mut draft.negotiation.brackets {
        let ok = if b.whole {
            doc.find(&b.paragraph).is_some()
        } else {
            let current = &b.alternatives[b.current.min(b.alternatives.len() - 1)].text;
            found(&b.paragraph, Some((current, b.occurrence)))
        };
        if !ok && !b.needs_attention {
            flagged.push(b.id.clone());
        }
        b.needs_attention = !ok;
    }
    flagged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_follow_edits_elsewhere() {
        let old = "Calls upon all States to strengthen cooperation and to share information;";
        let new =
            "Strongly calls upon all States to strengthen cooperation and to share information;";
        assert_eq!(rebase_quote(old, new, "share information", 0), Some(0));
        assert_eq!(rebase_quote(old, new, "all States", 0), Some(0));
        let new2 = "Calls upon all States to enhance cooperation and to share information;";
        assert_eq!(rebase_quote(old, new2, "strengthen cooperation", 0), None);
        assert_eq!(rebase_quote(old, new2, "share information", 0), Some(0));
    }

    #[test]
    fn occurrences_are_recounted() {
        let old = "to promote and to protect";
        let new = "to respect, to promote and to protect";
        // The second "to" of the old text ("to protect") is the third of the new one.
        assert_eq!(rebase_quote(old, new, "to protect", 0), Some(0));
        assert_eq!(rebase_quote(old, new, "to", 1), Some(2));
    }

    #[test]
    fn missing_quotes_are_not_found() {
        assert_eq!(locate("abc abc", "abc", 1), Some(4..7));
        assert_eq!(locate("abc abc", "abc", 2), None);
        assert_eq!(rebase_quote("a b", "a b c", "zzz", 0), None);
    }
}
