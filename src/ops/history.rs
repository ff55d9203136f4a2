//! Undo and redo stacks for an editor, over the transactions that [`crate::ops::apply`]
//! returns.

use super::{Change, Transaction};
use crate::model::Document;

/// The undo and redo stacks of one editing session.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    undo: Vec<Transaction>,
    redo: Vec<Transaction>,
}

impl History {
    pub fn new() -> Self {
        History::default()
    }

    /// Records a change just applied; clears the redo stack.
    pub fn record(&mut self, change: &Change) {
        if !change.undo.is_empty() {
            self.undo.push(change.undo.clone());
            self.redo.clear();
        }
    }

    /// Undoes the last recorded change. Returns false when there is nothing to undo.
    pub fn undo(&mut self, doc: &mut Document) -> bool {
        let Some(t) = self.undo.pop() else {
            return false;
        };
        self.redo.push(super::undo(doc, &t));
        true
    }

    /// Redoes the last undone change. Returns false when there is nothing to redo.
    pub fn redo(&mut self, doc: &mut Document) -> bool {
        let Some(t) = self.redo.pop() else {
            return false;
        };
        self.undo.push(super::undo(doc, &t));
        true
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocKind, Id, Paragraph};
    use crate::ops::{Op, apply};

    #[test]
    fn undo_and_redo_walk_the_stacks() {
        let mut doc = Document::new(DocKind::Resolution);
        let original = doc.clone();
        let mut h = History::new();
        assert!(!h.can_undo());
        let c = apply(
            &mut doc,
            Op::Append {
                part: crate::model::Part::Operative,
                paragraph: Paragraph::new(Id::new("p1"), "Decides", "to act"),
            },
        )
        .unwrap();
        h.record(&c);
        let after = doc.clone();
        assert_eq!(doc.operative[0].text, "to act.");
        assert!(h.undo(&mut doc));
        assert_eq!(doc, original);
        assert!(!h.undo(&mut doc));
        assert!(h.redo(&mut doc));
        assert_eq!(doc, after);
        assert!(!h.can_redo());
    }
}
