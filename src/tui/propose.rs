//! Propose mode (`P`): the delegation set in the config file (`delegation = "EU"`) proposes
//! instead of editing. A paragraph edited in the editor becomes word proposals (insert,
//! delete or replace words, [`crate::negotiate::from_edit`]), a new paragraph becomes a
//! proposed paragraph ("5 bis"), `d` a proposal to delete the paragraph, `K`/`J` a proposal
//! to move it; edits that cannot be proposals are refused while the mode is on.
//!
//! Every negotiation step taken in the editor (a proposal, an acceptance, a status) is one
//! undoable edit on the editor's undo stack: the text change goes there as usual, and
//! [`Marks`] keeps the negotiation as it was before the step, restored by the same `u`.

use super::action::Action;
use super::app::App;
use crate::model::{Id, Negotiation, Paragraph, Part, ProposedChange};
use crate::negotiate::{self, NegotiationError, compilation, from_edit};
use crate::ops::{self, Transaction};

/// The negotiation before each undoable negotiation step, by the depth of the undo (or
/// redo) stack the step's transaction sits at.
#[derive(Debug, Default)]
pub struct Marks {
    undo: Vec<(usize, Negotiation)>,
    redo: Vec<(usize, Negotiation)>,
}

/// Records a negotiation step already made on the draft: `undo` restores its text (empty
/// when the text did not change), `before` is the negotiation before it.
pub fn record(app: &mut App, undo: Transaction, before: Negotiation) {
    app.undo_stack.push(undo);
    app.redo_stack.clear();
    let depth = app.undo_stack.len();
    app.negotiation_marks.undo.push((depth, before));
    app.negotiation_marks.redo.clear();
    app.touched();
}

/// After the transaction at undo depth `depth` was undone (its redo just pushed): puts the
/// negotiation back if it was a negotiation step.
pub fn undone(app: &mut App, depth: usize) {
    let marks = &mut app.negotiation_marks;
    if app.redo_stack.len() == 1 {
        // A fresh redo stack: marks left from an older one are stale.
        marks.redo.clear();
    }
    if marks.undo.last().is_some_and(|(d, _)| *d == depth)
        && let Some((_, before)) = marks.undo.pop()
    {
        let now = std::mem::replace(&mut app.draft.negotiation, before);
        marks.redo.push((app.redo_stack.len(), now));
    }
}

/// After the transaction at redo depth `depth` was redone (its undo just pushed).
pub fn redone(app: &mut App, depth: usize) {
    let marks = &mut app.negotiation_marks;
    if marks.redo.last().is_some_and(|(d, _)| *d == depth)
        && let Some((_, after)) = marks.redo.pop()
    {
        let now = std::mem::replace(&mut app.draft.negotiation, after);
        marks.undo.push((app.undo_stack.len(), now));
    }
}

/// `P`: propose mode on or off.
pub fn toggle(app: &mut App) {
    if let Some(by) = app.proposing.take() {
        app.say(format!(
            "Propose mode off: changes edit the text again (no longer proposing as {by})"
        ));
        return;
    }
    match app.delegation.clone() {
        Some(by) => {
            app.say(format!(
                "Propose mode: edits, new paragraphs, deletions (d) and moves (K/J) become proposals by {by}; P leaves it"
            ));
            app.proposing = Some(by);
        }
        None => app.error(
            "No delegation to propose as: set delegation = \"EU\" (your code) in config.toml",
        ),
    }
}

/// Today's date for a proposal.
fn today() -> String {
    time::OffsetDateTime::now_utc().date().to_string()
}

/// Records `changes` as proposals by `by`, as one undoable step. Returns whether it did.
pub fn propose_all(app: &mut App, by: &str, changes: Vec<ProposedChange>) -> bool {
    if changes.is_empty() {
        app.say("Nothing changed: no proposal made");
        return false;
    }
    let before = app.draft.negotiation.clone();
    let mut done = Vec::new();
    let result: Result<(), NegotiationError> = (|| {
        negotiate::add_delegation(&mut app.draft.negotiation, by, "")?;
        let date = today();
        for c in changes {
            let id = negotiate::propose(&mut app.draft, by, &date, c)?;
            done.push(id);
        }
        Ok(())
    })();
    if let Err(e) = result {
        app.draft.negotiation = before;
        app.error(format!("Not proposed: {e}"));
        return false;
    }
    record(app, Transaction::default(), before);
    let said: Vec<String> = done
        .iter()
        .filter_map(|id| app.draft.negotiation.proposal(id))
        .map(|p| format!("{} {}", p.id, compilation::describe(p)))
        .collect();
    app.say(format!(
        "{by} proposes: {} (u undoes, c lists)",
        said.join("; ")
    ));
    true
}

/// In propose mode, the normal-mode actions that change the text: proposals, or refused.
/// Returns whether the action was taken care of here.
pub fn perform(app: &mut App, action: Action) -> bool {
    use Action::*;
    let Some(by) = app.proposing.clone() else {
        return false;
    };
    match action {
        Delete => {
            let Some(id) = app.selected.clone() else {
                app.say("No paragraph selected");
                return true;
            };
            propose_all(
                app,
                &by,
                vec![ProposedChange::DeleteParagraph { paragraph: id }],
            );
            true
        }
        MoveUp | MoveDown => {
            app.count = None;
            let Some(id) = app.selected.clone() else {
                app.say("No paragraph selected");
                return true;
            };
            match from_edit::one_place(&app.draft.document, &id, action == MoveUp) {
                Some(after) => {
                    propose_all(
                        app,
                        &by,
                        vec![ProposedChange::MoveParagraph {
                            paragraph: id,
                            after,
                        }],
                    );
                }
                None => app.say("It cannot move further that way"),
            }
            true
        }
        InsertSub | InsertChild | Demote | Promote | Merge | EditHeader | OutlineKeys => {
            app.count = None;
            app.error(format!(
                "Propose mode ({by}): “{}” cannot be a proposal; propose words in the paragraph (Enter) or leave propose mode (P)",
                action.describe()
            ));
            true
        }
        _ => false,
    }
}

/// Commits the paragraph editor in propose mode: the edit becomes proposals (a new
/// paragraph becomes a proposed one and leaves the text again).
pub fn commit(app: &mut App) {
    let (Some(ed), Some(by)) = (app.editor.take(), app.proposing.clone()) else {
        return;
    };
    let (lead, text) = (ed.lead_value(), ed.text_value());
    let notes_changed = ed
        .footnotes
        .iter()
        .any(|f| f.new || f.value() != f.original)
        || !ed.deleted.is_empty();
    let doc = &app.draft.document;
    let escaped = crate::markup::escape_unmeant(&text, |m| doc.footnote(m).is_some()).text;
    let para = Paragraph::new(Id::new("x"), lead.trim(), escaped.trim());
    let change = if ed.is_new {
        let Some(loc) = doc.locate(&ed.target) else {
            return;
        };
        let index = *loc.path.last().unwrap_or(&0);
        let after = match index {
            0 => None,
            i => doc
                .part(loc.part)
                .and_then(|l| l.get(i - 1))
                .map(|p| p.id.clone()),
        };
        let first_of_main = matches!(loc.part, Part::Preamble | Part::Operative);
        // The blank paragraph inserted for typing goes again: the text does not change.
        if let Some(t) = app.undo_stack.pop() {
            let depth = app.undo_stack.len() + 1;
            ops::undo(&mut app.draft.document, &t);
            app.negotiation_marks.undo.retain(|(d, _)| *d < depth);
            app.touched();
        }
        if let Some(id) = ed
            .return_to
            .filter(|id| app.draft.document.find(id).is_some())
        {
            app.selected = Some(id);
        }
        if para.full_text().is_empty() {
            app.say("Nothing typed: no paragraph proposed");
            return;
        }
        if loc.path.len() != 1 || (after.is_none() && !first_of_main) {
            app.error("Propose mode: a new paragraph can be proposed in the preamble or the operative part, after a paragraph");
            return;
        }
        let mut paragraph = para;
        paragraph.id = negotiate::fresh_paragraph_id(&app.draft);
        vec![ProposedChange::InsertParagraph {
            after,
            operative: !loc.part.is_preamble(),
            paragraph,
        }]
    } else {
        app.selected = Some(ed.target.clone());
        let Some(old) = doc.find(&ed.target).map(Paragraph::full_text) else {
            return;
        };
        from_edit::word_changes(&ed.target, &old, &para.full_text())
    };
    if propose_all(app, &by, change) && notes_changed {
        app.error(
            "Proposed the words; footnote changes cannot be proposals and were left out (leave propose mode with P to edit footnotes)",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocKind, Document, Draft, ProposalState};
    use crate::tui::update::perform as act;

    fn app() -> App {
        let mut doc = Document::new(DocKind::Resolution);
        doc.operative = vec![
            Paragraph::new(
                Id::new("p1"),
                "Calls upon",
                "all States to strengthen cooperation;",
            ),
            Paragraph::new(Id::new("p2"), "Decides", "to remain seized of the matter."),
        ];
        ops::renumber(&mut doc);
        let mut app = App::new(Draft::new(doc), "x.toml".into());
        app.delegation = Some("EU".into());
        app
    }

    #[test]
    fn edits_in_propose_mode_become_proposals_and_undo_takes_them_back() {
        let mut app = app();
        act(&mut app, Action::ProposeMode);
        assert_eq!(app.proposing.as_deref(), Some("EU"));
        act(&mut app, Action::Edit);
        let ed = app.editor.as_mut().unwrap();
        ed.text = ratatui_textarea::TextArea::from(["Member States to strengthen cooperation;"]);
        act(&mut app, Action::Commit);
        let n = &app.draft.negotiation;
        assert_eq!(n.proposals.len(), 1, "{:?}", app.message);
        assert_eq!(n.proposals[0].by, "EU");
        assert_eq!(
            app.draft.document.operative[0].text, "all States to strengthen cooperation;",
            "the text is unchanged"
        );
        // A deletion and a move.
        act(&mut app, Action::SelectNext);
        act(&mut app, Action::Delete);
        act(&mut app, Action::MoveUp);
        assert_eq!(app.draft.negotiation.proposals.len(), 3);
        assert_eq!(app.draft.document.operative.len(), 2);
        act(&mut app, Action::Undo);
        assert_eq!(app.draft.negotiation.proposals.len(), 2);
        act(&mut app, Action::Redo);
        assert_eq!(app.draft.negotiation.proposals.len(), 3);
        // Refused while proposing.
        act(&mut app, Action::Merge);
        assert!(app.message.as_ref().unwrap().error);
        assert_eq!(app.draft.document.operative.len(), 2);
    }

    #[test]
    fn a_new_paragraph_in_propose_mode_is_proposed_not_inserted() {
        let mut app = app();
        act(&mut app, Action::ProposeMode);
        act(&mut app, Action::InsertOperativeAfter);
        let ed = app.editor.as_mut().unwrap();
        ed.lead = ratatui_textarea::TextArea::from(["Encourages"]);
        ed.text = ratatui_textarea::TextArea::from(["the sharing of data;"]);
        act(&mut app, Action::Commit);
        assert_eq!(app.draft.document.operative.len(), 2);
        let p = &app.draft.negotiation.proposals[0];
        assert_eq!(p.state, ProposalState::Pending);
        match &p.change {
            ProposedChange::InsertParagraph {
                after, paragraph, ..
            } => {
                assert_eq!(after.as_ref(), Some(&Id::new("p1")));
                assert_eq!(paragraph.full_text(), "Encourages the sharing of data;");
                assert!(app.draft.document.find(&paragraph.id).is_none());
            }
            other => panic!("{other:?}"),
        }
        act(&mut app, Action::Undo);
        assert!(app.draft.negotiation.proposals.is_empty());
        assert_eq!(app.draft.document.operative.len(), 2);
    }

    #[test]
    fn propose_mode_needs_a_delegation() {
        let mut app = app();
        app.delegation = None;
        act(&mut app, Action::ProposeMode);
        assert!(app.proposing.is_none());
        assert!(app.message.unwrap().text.contains("config.toml"));
    }
}
