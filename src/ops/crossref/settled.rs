//! Which paragraphs an operation left alone, as references see them, so that the rewriting
//! after an operation re-reads only the texts whose references may have changed.
//!
//! A paragraph is *unsettled* when its numbering changed (number, labels, space or scope,
//! also deleted or new) or when its order relative to some other paragraph changed (it is
//! part of an inversion between the order before and after: moved, or passed by a moved
//! paragraph). A reference resolves through the paragraphs standing at the numbers it
//! mentions (its items, the parent of its sub-paragraphs, every number of a range), for
//! “above”/“below” through the order of the paragraph holding it, and for a local reference
//! (“subparagraph (b) above”) through that paragraph's number. So a text whose paragraph
//! kept its order and numbering space, which holds no local reference counting from a
//! number a renumbered or unsettled paragraph held or holds, and none of whose references
//! mentions such a number (any run of digits inside a reference counts, which only errs on
//! the safe side), reads exactly as it did: rewriting it would change nothing and report nothing
//! (outside a full renumbering, which checks every reference). When the annexes or their
//! labels changed, every text is re-read.

use super::Index;
use super::find::find;
use crate::model::Id;
use foldhash::HashSet;

/// What the references of a text depend on that an operation changed.
pub(super) struct Unsettled<'a> {
    /// Paragraphs new, moved relative to others, or counted in another numbering.
    ids: HashSet<&'a Id>,
    /// The numbers held, before or after, by those and by the renumbered paragraphs.
    numbers: HashSet<u32>,
    /// The annexes changed: no text can be passed over.
    everything: bool,
}

impl<'a> Unsettled<'a> {
    /// Compares the indexes taken before and after an operation.
    pub(super) fn between(before: &'a Index, after: &'a Index) -> Self {
        let everything = before.annexes != after.annexes || before.annex_label != after.annex_label;
        let mut ids: HashSet<&'a Id> = HashSet::default();
        // Renumbered or deleted: their numbers matter, not the texts they hold.
        let mut renumbered: Vec<&'a Id> = Vec::new();
        for (id, _) in after.iter() {
            if !before.contains(id) {
                ids.insert(id);
            }
        }
        // The ids of the paragraphs before, in their order then, with their order after
        // (`None`: gone), for the inversions.
        let mut seq: Vec<(&'a Id, usize)> = Vec::with_capacity(before.len());
        for (id, was) in before.iter() {
            let Some(k) = after.order(id) else {
                renumbered.push(id);
                continue;
            };
            if Some(&was.scope) != after.scope(id) {
                ids.insert(id);
            } else if was.place.as_ref() != after.place(id) {
                renumbered.push(id);
            }
            seq.push((id, k));
        }
        let mut numbers = HashSet::default();
        for id in ids.iter().chain(&renumbered) {
            for index in [before, after] {
                if let Some((_, place)) = index.place(id) {
                    numbers.insert(place.number);
                }
            }
        }
        Unsettled {
            ids,
            numbers,
            everything,
        }
    }

    /// Whether the references in `text`, held by paragraph `id`, may read differently now.
    pub(super) fn may_change(&self, before: &Index, id: &Id, text: &str) -> bool {
        if self.everything || self.ids.contains(id) {
            return true;
        }
        // A local reference ("subparagraph (b) above") counts from the paragraph's own number.
        let local = text.contains("ubparagraph") || text.contains("ub-paragraph");
        if local
            && before
                .place(id)
                .is_some_and(|(_, place)| self.numbers.contains(&place.number))
        {
            return true;
        }
        // Only what the references say counts: the numbers written inside them.
        !self.numbers.is_empty()
            && find(text)
                .iter()
                .any(|f| mentions(&text[f.span.clone()], &self.numbers))
    }
}

/// Whether a run of ASCII digits in `text` reads one of `numbers`.
fn mentions(text: &str, numbers: &HashSet<u32>) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        // A run too long for a paragraph number reads none (the reference grammar parses
        // numbers as u32 and gives up on such a run).
        if let Ok(n) = text[start..i].parse::<u32>()
            && numbers.contains(&n)
        {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digit_runs_are_read_as_numbers() {
        let set: HashSet<u32> = [5, 12].into_iter().collect();
        assert!(mentions("paragraph 5 above", &set));
        assert!(mentions("paragraphs 3 to 12", &set));
        assert!(!mentions("paragraph 51 and 125", &set));
        assert!(!mentions("no numbers", &set));
        assert!(mentions("(A/75/12)", &set));
    }
}
