//! The amendment view: the numbered instructions of an amendment in UN wording — written
//! from the changes between two texts, or read from an amendment document — each with its
//! effect on the text as issued beside it (the paragraphs it changes, words struck and
//! inserted), to accept or reject one by one as the Assembly votes.
//!
//! State ([`AmendView`]), commands ([`AmendCmd`]) answered with what the app should do
//! ([`AmendAction`]: the amended text to reach through the model's operations, or an undo),
//! and a pure [`render`] of the state. The amended text is always the text as issued with
//! the accepted instructions applied ([`crate::amend::apply`]), so any subset in any order
//! gives the same text.

use super::revision_view::{self, DiffStyles, RevisionView, ViewMode};
use crate::amend::apply::Selected;
use crate::amend::{self, Amendment, note};
use crate::compare::{self, Align, amendments::amendments};
use crate::model::Document;
use crate::sanitize::sanitize;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// Whether an instruction is in the amended text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vote {
    Accepted,
    Rejected,
}

/// A command of the view (the keymap's amendment-view actions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmendCmd {
    Down,
    Up,
    First,
    Last,
    Accept,
    Reject,
    AcceptAll,
    RejectAll,
    Undo,
    Close,
}

/// What the app should do after a command.
#[derive(Debug, Clone, PartialEq)]
pub enum AmendAction {
    None,
    Close,
    /// Make the current text read `target` (one undoable edit), then call
    /// [`AmendView::applied`] (or [`AmendView::failed`]).
    Apply {
        target: Box<Document>,
        description: String,
    },
    /// Undo the view's last vote in the draft (the app's undo), then call
    /// [`AmendView::undone`].
    Undo,
}

/// The state of the amendment view.
#[derive(Debug, Clone)]
pub struct AmendView {
    /// The amendment's name in notes and titles ("A/80/L.30", "L.3 → current text").
    pub name: String,
    /// The text the instructions refer to, as issued.
    pub base: Document,
    pub amendment: Amendment,
    pub votes: Vec<Vote>,
    /// Why an instruction cannot be applied to the text as issued (on its own).
    pub problems: Vec<Option<String>>,
    pub selected: usize,
    /// Write "as amended by …" into the stage of the amended text (an amendment document's
    /// instructions; not a draft's own changes between two revisions).
    pub note: bool,
    /// Votes may change the draft (its current text is the amended text).
    pub live: bool,
    /// The effect of the selected instruction on the text as issued.
    pub effect: RevisionView,
    /// The votes changed so far, newest last, with the vote before (for undo).
    pub history: Vec<(Vec<usize>, Vec<Vote>)>,
    /// A vote sent to the app, waiting for [`AmendView::applied`].
    pending: Option<(Vec<usize>, Vec<Vote>)>,
    pub message: Option<String>,
}

impl AmendView {
    fn build(base: &Document, amendment: Amendment, name: &str, votes: Vote) -> Self {
        let problems = amendment
            .instructions
            .iter()
            .map(|ins| {
                let sel = [Selected {
                    name,
                    amendment: &amendment,
                    instruction: ins,
                }];
                let r = amend::apply(base, &sel);
                r.errors.first().map(|e| e.reason.to_string())
            })
            .collect();
        let n = amendment.instructions.len();
        let mut v = AmendView {
            name: name.to_string(),
            base: base.clone(),
            votes: vec![votes; n],
            problems,
            selected: 0,
            note: false,
            live: true,
            effect: RevisionView::new(base, base, "as issued", "amended"),
            history: Vec::new(),
            pending: None,
            message: None,
            amendment,
        };
        v.show_effect();
        v
    }

    /// The changes from `old` to `new` (the current text, all accepted) as amendments.
    pub fn from_documents(old: &Document, new: &Document, old_name: &str, new_name: &str) -> Self {
        let cmp = compare::compare(old, new, Align::ById);
        let written = amendments(old, new, &cmp);
        let amendment = Amendment {
            symbol: String::new(),
            target: old.header.symbol.clone(),
            instructions: written.instructions.clone(),
            footnotes: written.footnotes.clone(),
            ..Amendment::default()
        };
        let name = format!("{old_name} → {new_name}");
        let mut v = AmendView::build(old, amendment, &name, Vote::Accepted);
        if !written.unwritten.is_empty() {
            v.message = Some(format!(
                "not written as amendments: {}",
                written.unwritten.join("; ")
            ));
        }
        v
    }

    /// An amendment document against `base` (the current text, nothing accepted yet).
    pub fn from_amendment(base: &Document, amendment: Amendment, name: &str) -> Self {
        let mut v = AmendView::build(base, amendment, name, Vote::Rejected);
        v.note = true;
        v
    }

    fn selection(&self, votes: &[Vote]) -> Vec<Selected<'_>> {
        self.amendment
            .instructions
            .iter()
            .zip(votes)
            .filter(|(_, v)| **v == Vote::Accepted)
            .map(|(ins, _)| Selected {
                name: &self.name,
                amendment: &self.amendment,
                instruction: ins,
            })
            .collect()
    }

    /// The text as issued with the instructions accepted in `votes`, or why it cannot be.
    pub fn amended(&self, votes: &[Vote]) -> Result<Document, String> {
        let r = amend::apply(&self.base, &self.selection(votes));
        if let Some(e) = r.errors.first() {
            return Err(format!("instruction {}: {}", e.number, e.reason));
        }
        let mut doc = r.document;
        if self.note {
            doc.header.stage = note::stage_with(&self.base.header.stage, &r.applied);
        }
        Ok(doc)
    }

    /// How many instructions are accepted.
    pub fn accepted(&self) -> usize {
        self.votes.iter().filter(|v| **v == Vote::Accepted).count()
    }

    fn show_effect(&mut self) {
        let Some(ins) = self.amendment.instructions.get(self.selected) else {
            return;
        };
        let sel = [Selected {
            name: &self.name,
            amendment: &self.amendment,
            instruction: ins,
        }];
        let after = amend::apply(&self.base, &sel).document;
        let mut effect = RevisionView::new(
            &self.base,
            &after,
            "as issued",
            &format!("with instruction {}", ins.number),
        );
        effect.hide_unchanged = true;
        effect.mode = ViewMode::Inline;
        effect.selected = effect.visible().first().copied().unwrap_or(0);
        self.effect = effect;
    }

    fn select(&mut self, i: usize) {
        let n = self.amendment.instructions.len();
        if n == 0 {
            return;
        }
        let i = i.min(n - 1);
        if i != self.selected {
            self.selected = i;
            self.show_effect();
        }
        self.message = None;
    }

    /// A vote on the instructions `which`: the amended text to reach, or a message.
    fn vote(&mut self, which: Vec<usize>, vote: Vote) -> AmendAction {
        if !self.live {
            self.message = Some(
                "Accepting works on the current text: compare a revision with it (R), then A"
                    .into(),
            );
            return AmendAction::None;
        }
        let which: Vec<usize> = which
            .into_iter()
            .filter(|&i| self.votes.get(i).is_some_and(|v| *v != vote))
            .collect();
        if which.is_empty() {
            self.message = Some(match vote {
                Vote::Accepted => "Already accepted".into(),
                Vote::Rejected => "Already rejected".into(),
            });
            return AmendAction::None;
        }
        if vote == Vote::Accepted
            && let Some(i) = which.iter().find(|&&i| self.problems[i].is_some())
        {
            self.message = Some(format!(
                "Instruction {} cannot be applied: {}",
                self.amendment.instructions[*i].number,
                self.problems[*i].clone().unwrap_or_default()
            ));
            return AmendAction::None;
        }
        let before = self.votes.clone();
        let mut votes = before.clone();
        for &i in &which {
            votes[i] = vote;
        }
        match self.amended(&votes) {
            Ok(target) => {
                let numbers: Vec<String> = which
                    .iter()
                    .map(|&i| self.amendment.instructions[i].number.to_string())
                    .collect();
                let verb = match vote {
                    Vote::Accepted => "Accepted",
                    Vote::Rejected => "Rejected",
                };
                let what = if numbers.len() == 1 {
                    format!("instruction {}", numbers[0])
                } else {
                    format!("instructions {}", amend::render::list(&numbers))
                };
                self.votes = votes;
                self.pending = Some((which, before));
                AmendAction::Apply {
                    target: Box::new(target),
                    description: format!("{verb} {what} of {}", self.name),
                }
            }
            Err(why) => {
                self.message = Some(format!("Cannot be applied together: {why}"));
                AmendAction::None
            }
        }
    }

    /// The app made the current text read the amended text: the vote stands.
    pub fn applied(&mut self, description: &str) {
        if let Some(p) = self.pending.take() {
            self.history.push(p);
        }
        self.message = Some(format!("{description} (u undoes it)"));
    }

    /// The app could not: the vote is taken back.
    pub fn failed(&mut self, why: &str) {
        if let Some((_, before)) = self.pending.take() {
            self.votes = before;
        }
        self.message = Some(why.to_string());
    }

    /// The app undid the last vote in the draft.
    pub fn undone(&mut self) {
        if let Some((_, before)) = self.history.pop() {
            self.votes = before;
            self.message = Some("Vote undone".into());
        }
    }

    /// Performs one command.
    pub fn perform(&mut self, cmd: AmendCmd) -> AmendAction {
        let n = self.amendment.instructions.len();
        match cmd {
            AmendCmd::Down => self.select(self.selected + 1),
            AmendCmd::Up => self.select(self.selected.saturating_sub(1)),
            AmendCmd::First => self.select(0),
            AmendCmd::Last => self.select(n.saturating_sub(1)),
            AmendCmd::Accept => return self.vote(vec![self.selected], Vote::Accepted),
            AmendCmd::Reject => return self.vote(vec![self.selected], Vote::Rejected),
            AmendCmd::AcceptAll => {
                let ok: Vec<usize> = (0..n).filter(|&i| self.problems[i].is_none()).collect();
                return self.vote(ok, Vote::Accepted);
            }
            AmendCmd::RejectAll => return self.vote((0..n).collect(), Vote::Rejected),
            AmendCmd::Undo => {
                if self.history.is_empty() {
                    self.message = Some("No vote to undo in this view".into());
                } else {
                    return AmendAction::Undo;
                }
            }
            AmendCmd::Close => return AmendAction::Close,
        }
        AmendAction::None
    }
}

/// The lines of the instruction list, and the range of the selected instruction's lines.
fn list_lines(view: &AmendView, styles: &DiffStyles) -> (Vec<Line<'static>>, usize, usize) {
    let mut lines = Vec::new();
    let (mut s, mut e) = (0, 0);
    for (i, ins) in view.amendment.instructions.iter().enumerate() {
        let (mark, style) = match (&view.problems[i], view.votes[i]) {
            (Some(_), _) => ("[!]", styles.deleted),
            (None, Vote::Accepted) => ("[✓]", styles.inserted),
            (None, Vote::Rejected) => ("[ ]", styles.hint),
        };
        let selected = i == view.selected;
        if selected {
            s = lines.len();
        }
        let base = if selected {
            styles.selected
        } else {
            styles.base
        };
        let (sentence, reading) = amend::render::sentence(ins);
        lines.push(Line::from(vec![
            Span::styled(if selected { "▶ " } else { "  " }, base),
            Span::styled(mark.to_string(), style),
            Span::styled(format!(" {}. {}", ins.number, sanitize(&sentence)), base),
        ]));
        for r in reading.iter().take(if selected { usize::MAX } else { 2 }) {
            lines.push(Line::styled(
                format!("        {}", sanitize(r)),
                styles.hint,
            ));
        }
        if !selected && reading.len() > 2 {
            lines.push(Line::styled("        …", styles.hint));
        }
        if selected {
            e = lines.len();
        }
    }
    if lines.is_empty() {
        lines.push(Line::styled("No instructions.", styles.hint));
    }
    (lines, s, e)
}

/// Draws the view: a title and legend, the instructions (left, or above when narrow) and
/// the selected one's effect on the text as issued.
pub fn render(area: Rect, buf: &mut Buffer, view: &AmendView, styles: &DiffStyles) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let n = view.amendment.instructions.len();
    let target = if view.amendment.target.is_empty() {
        String::new()
    } else {
        format!(" to {}", sanitize(&view.amendment.target))
    };
    let mut head = vec![
        Line::from(vec![
            Span::styled("Amendments ", styles.header),
            Span::styled(sanitize(&view.name).into_owned(), styles.header),
            Span::styled(
                format!("{target}: {n} instructions, {} accepted", view.accepted()),
                styles.header,
            ),
        ]),
        Line::styled(
            "a accept  x reject  Y all  X none  u undo vote  j/k move  esc back",
            styles.hint,
        ),
    ];
    let selected_problem = view.problems.get(view.selected).cloned().flatten();
    if let Some(m) = view.message.clone().or(selected_problem) {
        head.push(Line::styled(sanitize(&m).into_owned(), styles.note));
    }
    let body = revision_view::head_and_body(area, buf, head, styles);
    if body.height == 0 {
        return;
    }
    let wide = body.width >= 90;
    let (list_area, effect_area) = if wide {
        let w = body.width * 2 / 5;
        (
            Rect { width: w, ..body },
            Rect {
                x: body.x + w + 1,
                width: body.width - w - 1,
                ..body
            },
        )
    } else {
        let h = body.height / 2;
        (
            Rect { height: h, ..body },
            Rect {
                y: body.y + h,
                height: body.height - h,
                ..body
            },
        )
    };
    let (lines, s, e) = list_lines(view, styles);
    // Scroll so the selected instruction is in sight (lines wrap: count them wrapped).
    let w = list_area.width.max(1) as usize;
    let rows = |l: &Line| l.width().max(1).div_ceil(w);
    let before: usize = lines[..s].iter().map(rows).sum();
    let sel: usize = lines[s..e.max(s)].iter().map(rows).sum();
    let h = list_area.height as usize;
    let top = if before + sel > h {
        (before + sel)
            .saturating_sub(h)
            .max(before.saturating_sub(h / 3))
    } else {
        0
    };
    Paragraph::new(lines)
        .style(styles.base)
        .wrap(Wrap { trim: false })
        .scroll((top.min(u16::MAX as usize) as u16, 0))
        .render(list_area, buf);
    if wide {
        for y in body.y..body.y + body.height {
            buf[(body.x + list_area.width, y)]
                .set_symbol("│")
                .set_style(styles.rule);
        }
    }
    let title = Line::styled(
        format!(
            "Effect of instruction {} on the text as issued",
            view.amendment
                .instructions
                .get(view.selected)
                .map_or(0, |i| i.number)
        ),
        styles.tag,
    );
    Paragraph::new(vec![title]).style(styles.base).render(
        Rect {
            height: 1,
            ..effect_area
        },
        buf,
    );
    let rows_area = Rect {
        y: effect_area.y + 1,
        height: effect_area.height.saturating_sub(1),
        ..effect_area
    };
    revision_view::render_rows(rows_area, buf, &view.effect, ViewMode::Inline, styles);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocKind, Id, Paragraph as Para};

    fn doc() -> Document {
        let mut d = Document::new(DocKind::Resolution);
        d.header.stage = "draft resolution".into();
        d.preamble = vec![Para::new(Id::new("p1"), "Recalling", "its resolutions,")];
        d.operative = vec![
            Para::new(Id::new("p2"), "Welcomes", "the report;"),
            Para::new(Id::new("p3"), "Decides", "to remain seized of the matter."),
        ];
        d
    }

    fn amendment() -> Amendment {
        amend::parse_document(
            "1. In operative paragraph 1, replace “Welcomes” with “Takes note of”.\n\n\
             2. Delete the first preambular paragraph.\n\n\
             3. In operative paragraph 2, delete “no such words”.\n",
        )
        .unwrap()
    }

    #[test]
    fn votes_give_the_text_as_issued_with_the_accepted_instructions() {
        let base = doc();
        let mut v = AmendView::from_amendment(&base, amendment(), "A/80/L.99");
        assert_eq!(v.votes, vec![Vote::Rejected; 3]);
        assert!(v.problems[2].as_deref().unwrap().contains("not found"));
        v.select(1);
        let AmendAction::Apply { target, .. } = v.perform(AmendCmd::Accept) else {
            panic!("no target")
        };
        v.applied("ok");
        assert!(target.preamble.is_empty());
        assert_eq!(
            target.header.stage,
            "draft resolution, as amended by A/80/L.99 (2)"
        );
        v.select(0);
        let AmendAction::Apply { target, .. } = v.perform(AmendCmd::Accept) else {
            panic!("no target")
        };
        v.applied("ok");
        assert!(
            target.operative[0]
                .full_text()
                .starts_with("Takes note of the report")
        );
        assert!(target.preamble.is_empty());
        // The instruction that cannot apply is refused; undo takes the last vote back.
        v.select(2);
        assert_eq!(v.perform(AmendCmd::Accept), AmendAction::None);
        assert_eq!(v.perform(AmendCmd::Undo), AmendAction::Undo);
        v.undone();
        assert_eq!(
            v.votes,
            vec![Vote::Rejected, Vote::Accepted, Vote::Rejected]
        );
    }

    #[test]
    fn the_view_renders_instructions_and_effect() {
        let base = doc();
        let v = AmendView::from_amendment(&base, amendment(), "A/80/L.99");
        let area = Rect::new(0, 0, 100, 20);
        let mut buf = Buffer::empty(area);
        render(area, &mut buf, &v, &DiffStyles::default());
        let text: String = (0..20)
            .map(|y| {
                (0..100)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
                    + "\n"
            })
            .collect();
        assert!(text.contains("Amendments A/80/L.99: 3 instructions, 0 accepted"));
        assert!(text.contains("[ ] 1. In operative"), "{text}");
        assert!(text.contains("Effect of instruction 1"));
        assert!(text.contains("Takes note of"));
    }
}
