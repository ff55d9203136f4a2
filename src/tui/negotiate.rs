//! The negotiation panel of the editor (`c` in normal mode), in the lower part of the
//! window under the document: the open proposals and brackets of the draft, each attributed
//! to its delegation (in the delegation's colour from the theme), with the paragraph it acts
//! on. Choosing an item selects its paragraph in the document above, where the proposals
//! stand inline. Keys (keymap mode `negotiation`): ↑/↓ choose an item, `a` accept (for a
//! bracket: choose the alternative shown with ←/→), `r` reject, `w` withdraw, `1`–`9`
//! choose that alternative of a bracket, `s` cycle the paragraph's status, `f` pending only
//! or settled proposals too, `u`/Ctrl-R undo and redo, Ctrl-S save, Enter go to the paragraph, Esc close.
//!
//! `S` in normal mode (cycle the selected paragraph's status) lives here too; `}`/`{` and
//! "pending only" are in [`super::pending`]. Every step goes through
//! [`crate::negotiate`] and is undoable with the editor's own undo ([`super::propose::record`]).

use super::action::Action;
use super::app::App;
use crate::model::{Draft, Id, ProposalState, Status};
use crate::negotiate::{self, compilation, numbering};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

/// The open panel.
#[derive(Debug, Default)]
pub struct Panel {
    pub index: usize,
    /// Show settled (accepted, rejected, withdrawn) proposals too.
    pub all: bool,
    /// The alternative shown for a bracket item (←/→), chosen with `a`.
    pub alternative: usize,
}

/// One line of the panel: a proposal or a bracket, by id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Proposal(Id),
    Bracket(Id),
}

/// The items shown, in order: proposals (pending only unless `all`), then brackets.
pub fn items(draft: &Draft, all: bool) -> Vec<Item> {
    let n = &draft.negotiation;
    n.proposals
        .iter()
        .filter(|p| all || p.state == ProposalState::Pending)
        .map(|p| Item::Proposal(p.id.clone()))
        .chain(n.brackets.iter().map(|b| Item::Bracket(b.id.clone())))
        .collect()
}

/// Opens the panel.
pub fn open(app: &mut App) {
    app.negotiation = Some(Panel::default());
    let c = negotiate::counts(&app.draft);
    app.say(format!(
        "Negotiation: {} pending, {} — a accept, r reject, ←/→ and a (or 1–9) choose, s status, Esc close",
        super::pending::count(c.pending, "proposal"),
        super::pending::count(c.brackets, "bracket")
    ));
    follow(app);
}

/// The paragraph an item acts on.
fn paragraph_of(draft: &Draft, item: &Item) -> Option<Id> {
    let n = &draft.negotiation;
    match item {
        Item::Proposal(id) => n.proposal(id).map(|p| p.change.paragraph().clone()),
        Item::Bracket(id) => n.bracket(id).map(|b| b.paragraph.clone()),
    }
}

/// The item under the panel's cursor.
fn current(app: &App) -> Option<Item> {
    let panel = app.negotiation.as_ref()?;
    let list = items(&app.draft, panel.all);
    list.get(panel.index.min(list.len().saturating_sub(1)))
        .cloned()
}

/// Selects the current item's paragraph in the document (when it stands in the text).
fn follow(app: &mut App) {
    if let Some(id) = current(app).and_then(|i| paragraph_of(&app.draft, &i))
        && app.draft.document.find(&id).is_some()
    {
        app.selected = Some(id);
        app.scroll.follow = true;
    }
}

fn move_to(app: &mut App, f: impl FnOnce(usize, usize) -> usize) {
    let len = match &app.negotiation {
        Some(p) => items(&app.draft, p.all).len(),
        None => return,
    };
    if let Some(p) = app.negotiation.as_mut() {
        p.index = f(p.index, len).min(len.saturating_sub(1));
        p.alternative = 0;
    }
    follow(app);
}

/// Performs an action of the panel.
pub fn perform(app: &mut App, action: Action) {
    use Action::*;
    let item = current(app);
    match action {
        CloseView => {
            app.negotiation = None;
            app.say("Negotiation panel closed");
        }
        SelectNext => move_to(app, |i, _| i + 1),
        SelectPrev => move_to(app, |i, _| i.saturating_sub(1)),
        SelectFirst => move_to(app, |_, _| 0),
        SelectLast => move_to(app, |_, len| len),
        ShowSettled => {
            if let Some(p) = app.negotiation.as_mut() {
                p.all = !p.all;
                p.index = 0;
                let what = if p.all {
                    "all proposals"
                } else {
                    "pending only"
                };
                app.say(format!("Showing {what}"));
            }
            follow(app);
        }
        GoToParagraph => {
            if let Some(id) = item.and_then(|i| paragraph_of(&app.draft, &i))
                && app.draft.document.find(&id).is_some()
            {
                app.selected = Some(id);
                app.scroll.follow = true;
                app.negotiation = None;
            } else {
                app.say("That paragraph is not in the text yet (a proposed paragraph)");
            }
        }
        Undo => super::update::undo(app),
        Redo => super::update::redo(app),
        Save => super::update::save(app, false, false),
        NextAlternative | PrevAlternative => {
            let Some(Item::Bracket(id)) = item else {
                app.say("Not a bracket: ←/→ go through the alternatives of a bracket");
                return;
            };
            let len = app
                .draft
                .negotiation
                .bracket(&id)
                .map_or(1, |b| b.alternatives.len().max(1));
            if let Some(p) = app.negotiation.as_mut() {
                p.alternative = if action == NextAlternative {
                    (p.alternative + 1) % len
                } else {
                    (p.alternative + len - 1) % len
                };
            }
        }
        Accept | Reject | Withdraw => match item {
            Some(Item::Proposal(id)) => settle(app, &id, action),
            Some(Item::Bracket(id)) if action == Accept => {
                let k = app.negotiation.as_ref().map_or(0, |p| p.alternative);
                choose(app, &id, k);
            }
            Some(Item::Bracket(_)) => {
                app.say("A bracket is resolved by choosing an alternative: ←/→ then a, or 1–9")
            }
            None => app.say("Nothing open"),
        },
        CycleStatus => {
            if let Some(pid) = item.and_then(|i| paragraph_of(&app.draft, &i)) {
                step_status(app, &pid);
            }
        }
        _ => {}
    }
}

/// `1`–`9` in the panel: chooses that alternative of the bracket under the cursor.
pub fn choose_digit(app: &mut App, k: usize) {
    match current(app) {
        Some(Item::Bracket(id)) => choose(app, &id, k),
        _ => app.say("Not a bracket: accept (a), reject (r) or withdraw (w) a proposal"),
    }
}

fn settle(app: &mut App, id: &Id, action: Action) {
    let result = match action {
        Action::Accept => negotiate::accept(&mut app.draft, id),
        Action::Reject => negotiate::reject(&mut app.draft, id),
        _ => negotiate::withdraw(&mut app.draft, id),
    };
    let done = match action {
        Action::Accept => "accepted",
        Action::Reject => "rejected",
        _ => "withdrawn",
    };
    finish(app, result, &format!("{id} {done}"));
}

fn choose(app: &mut App, id: &Id, k: usize) {
    let result = negotiate::choose(&mut app.draft, id, k);
    finish(app, result, &format!("{id}: alternative {} chosen", k + 1));
}

/// Records a settled step (undoable), or reports why it was refused (the draft is unchanged
/// then).
fn finish(
    app: &mut App,
    result: Result<negotiate::Settled, negotiate::NegotiationError>,
    done: &str,
) {
    match result {
        Ok(s) => {
            super::propose::record(app, s.change.undo, s.before);
            if let Some(p) = app.negotiation.as_mut() {
                let len = items(&app.draft, p.all).len();
                p.index = p.index.min(len.saturating_sub(1));
                p.alternative = 0;
            }
            let more = if s.attention.is_empty() {
                String::new()
            } else {
                let ids: Vec<String> = s.attention.iter().map(Id::to_string).collect();
                format!("; needs attention: {}", ids.join(", "))
            };
            app.say(format!("{done}{more} (u undoes)"));
        }
        Err(e) => app.error(e.to_string()),
    }
}

/// Cycles a paragraph's status (pending → agreed ad ref → agreed → pending), undoable.
fn step_status(app: &mut App, pid: &Id) {
    let next = match app.draft.negotiation.status_of(pid) {
        Status::Pending => Status::AgreedAdRef,
        Status::AgreedAdRef => Status::Agreed,
        Status::Agreed => Status::Pending,
    };
    let before = app.draft.negotiation.clone();
    match negotiate::set_status(&mut app.draft, pid, next) {
        Ok(()) => {
            super::propose::record(app, Default::default(), before);
            let name = label(&app.draft, pid);
            app.say(format!("{name}: {} (u undoes)", next.printed()));
        }
        Err(e) => app.error(e.to_string()),
    }
}

/// `S` in normal mode: cycles the status of the selected paragraph's top-level paragraph.
pub fn cycle_status(app: &mut App) {
    let Some(loc) = app.selected_location() else {
        app.say("No paragraph selected");
        return;
    };
    let top = crate::model::Location {
        part: loc.part,
        path: vec![loc.top()],
    };
    if let Some(id) = app.draft.document.at(&top).map(|p| p.id.clone()) {
        step_status(app, &id);
    }
}

/// A paragraph's negotiation name ("OP5 bis", "PP3"), or its id.
pub fn label(draft: &Draft, id: &Id) -> String {
    let pre = draft
        .document
        .locate(id)
        .is_some_and(|l| l.part.is_preamble());
    match numbering::labels(draft).get(id) {
        Some(l) => format!("{}{l}", if pre { "PP" } else { "OP" }),
        None => id.to_string(),
    }
}

/// The style of a delegation (its colour from the theme; bold without colour).
pub fn delegation_style(app: &App, by: &str) -> Style {
    let k = app
        .draft
        .negotiation
        .delegations
        .iter()
        .position(|d| d.code == by);
    let s = app.theme.delegation(k);
    if s.fg.is_none() {
        s.add_modifier(Modifier::BOLD)
    } else {
        s
    }
}

/// Draws the panel over `area`.
pub fn render(frame: &mut Frame<'_>, area: Rect, app: &App) {
    let Some(panel) = &app.negotiation else {
        return;
    };
    let draft = &app.draft;
    let labels = numbering::labels(draft);
    let name = |id: &Id| {
        let pre = draft
            .document
            .locate(id)
            .is_some_and(|l| l.part.is_preamble());
        match labels.get(id) {
            Some(l) => format!("{}{l}", if pre { "PP" } else { "OP" }),
            None => id.to_string(),
        }
    };
    let delegation_style = |_: &Draft, by: &str| delegation_style(app, by);
    let list = items(draft, panel.all);
    let c = negotiate::counts(draft);
    let mut lines: Vec<Line> = Vec::new();
    for (i, item) in list.iter().enumerate() {
        let marker = if i == panel.index { "▶ " } else { "  " };
        let mut spans = vec![Span::raw(marker)];
        match item {
            Item::Proposal(id) => {
                let Some(p) = draft.negotiation.proposal(id) else {
                    continue;
                };
                let para = p.change.paragraph();
                let state = if p.state == ProposalState::Pending {
                    if p.needs_attention {
                        " needs attention"
                    } else {
                        ""
                    }
                } else {
                    p.state.name()
                };
                spans.push(Span::raw(format!("{id} {} ", name(para))));
                spans.push(Span::styled(
                    format!("[{}]", p.by),
                    delegation_style(draft, &p.by),
                ));
                spans.push(Span::raw(format!(" {}  {state}", compilation::describe(p))));
            }
            Item::Bracket(id) => {
                let Some(b) = draft.negotiation.bracket(id) else {
                    continue;
                };
                spans.push(Span::raw(format!("{id} {} bracket: ", name(&b.paragraph))));
                for (k, a) in b.alternatives.iter().enumerate() {
                    let t = if b.whole {
                        format!("{} {}", a.lead, a.text).trim().to_string()
                    } else {
                        a.text.clone()
                    };
                    let t = if t.is_empty() {
                        "(no paragraph)".to_string()
                    } else {
                        t
                    };
                    if k > 0 {
                        spans.push(Span::raw(" / "));
                    }
                    let shown = i == panel.index && k == panel.alternative;
                    let num = if shown {
                        Span::styled(
                            format!("{} ", k + 1),
                            Style::default().add_modifier(Modifier::REVERSED),
                        )
                    } else {
                        Span::raw(format!("{} ", k + 1))
                    };
                    spans.push(num);
                    spans.push(Span::styled(
                        format!("[{}]", a.by),
                        delegation_style(draft, &a.by),
                    ));
                    spans.push(Span::raw(format!(" “{t}”")));
                }
            }
        }
        lines.push(Line::from(spans));
    }
    if list.is_empty() {
        lines.push(Line::from(
            "  Nothing open: every proposal is settled and every bracket resolved.",
        ));
    }
    let lines: Vec<Line> = lines
        .into_iter()
        .map(|l| {
            Line::from(
                l.spans
                    .into_iter()
                    .map(|s| {
                        Span::styled(crate::sanitize::sanitize(&s.content).into_owned(), s.style)
                    })
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    let title = format!(
        " Negotiation: {} pending ({} need attention), {} brackets; {} agreed, {} ad ref{} ",
        c.pending,
        c.attention,
        c.brackets,
        c.agreed,
        c.ad_ref,
        if panel.all { "; all proposals" } else { "" }
    );
    // Keep the chosen item in view (items wrap rarely: one row each is close enough).
    let inner = usize::from(area.height.saturating_sub(2)).max(1);
    let scroll = (panel.index + 1).saturating_sub(inner) as u16;
    let widget = Paragraph::new(lines)
        .block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(app.theme.border)
                .title(title),
        )
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0))
        .style(app.theme.base);
    frame.render_widget(ratatui::widgets::Clear, area);
    frame.render_widget(widget, area);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocKind, Document, Paragraph, ProposedChange};
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn key(app: &mut App, c: KeyCode) {
        super::super::input::handle_key(app, KeyEvent::new(c, KeyModifiers::NONE));
    }

    fn screen(app: &mut App) -> String {
        let backend = ratatui::backend::TestBackend::new(100, 30);
        let mut term = ratatui::Terminal::new(backend).unwrap();
        term.draw(|f| super::super::view::draw(f, app)).unwrap();
        let cells: String = term
            .backend()
            .buffer()
            .content()
            .iter()
            .map(|c| c.symbol())
            .collect();
        // Wrapped lines read as one text.
        cells.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// OP1 "Calls upon all States to strengthen cooperation." with `change` proposed by
    /// `by` and "strengthen" bracketed against "enhance" (`ours` / `theirs`).
    fn fixture(by: &str, change: ProposedChange, ours: &str, theirs: &str) -> (Draft, Id) {
        let mut doc = Document::new(DocKind::Resolution);
        doc.operative = vec![Paragraph::new(
            Id::new("p1"),
            "Calls upon",
            "all States to strengthen cooperation.",
        )];
        let mut d = Draft::new(doc);
        for code in [by, ours] {
            negotiate::add_delegation(&mut d.negotiation, code, "").unwrap();
        }
        let n1 = negotiate::propose(&mut d, by, "", change).unwrap();
        negotiate::bracket_span(
            &mut d,
            &Id::new("p1"),
            "strengthen",
            0,
            ours,
            vec![crate::model::Alternative {
                by: theirs.into(),
                lead: String::new(),
                text: "enhance".into(),
            }],
        )
        .unwrap();
        (d, n1)
    }

    #[test]
    fn accept_undo_choose_and_status_from_the_panel() {
        let (d, n1) = fixture(
            "EU",
            ProposedChange::DeleteWords {
                paragraph: Id::new("p1"),
                words: "all".into(),
                occurrence: 0,
            },
            "ours",
            "theirs",
        );
        let mut app = App::new(d, "x.toml".into());
        key(&mut app, KeyCode::Char('c'));
        assert!(app.negotiation.is_some());
        let screen = screen(&mut app);
        assert!(screen.contains("[EU] delete “all”"), "{screen}");
        assert!(screen.contains("[theirs] “enhance”"), "{screen}");
        key(&mut app, KeyCode::Char('a'));
        assert_eq!(
            app.draft.negotiation.proposal(&n1).unwrap().state,
            ProposalState::Accepted
        );
        assert_eq!(
            app.draft.document.operative[0].text,
            "States to strengthen cooperation."
        );
        key(&mut app, KeyCode::Char('u'));
        assert_eq!(
            app.draft.negotiation.proposal(&n1).unwrap().state,
            ProposalState::Pending
        );
        assert!(
            app.draft.document.operative[0]
                .text
                .starts_with("all States")
        );
        // The bracket is the second item: choose their alternative.
        key(&mut app, KeyCode::Down);
        key(&mut app, KeyCode::Char('2'));
        assert!(app.draft.negotiation.brackets.is_empty());
        assert!(app.draft.document.operative[0].text.contains("enhance"));
        key(&mut app, KeyCode::Char('s'));
        assert_eq!(
            app.draft.negotiation.status_of(&Id::new("p1")),
            Status::AgreedAdRef
        );
        key(&mut app, KeyCode::Esc);
        assert!(app.negotiation.is_none());
        assert!(app.dirty);
        // The main undo goes on undoing the panel's steps after it is closed.
        key(&mut app, KeyCode::Char('u'));
        assert_eq!(
            app.draft.negotiation.status_of(&Id::new("p1")),
            Status::Pending
        );
        key(&mut app, KeyCode::Char('u'));
        assert_eq!(app.draft.negotiation.brackets.len(), 1);
        assert!(app.draft.document.operative[0].text.contains("strengthen"));
    }

    #[test]
    fn a_bracket_is_resolved_with_arrows_and_accept_and_proposals_show_inline() {
        let (d, _) = fixture(
            "G77",
            ProposedChange::ReplaceWords {
                paragraph: Id::new("p1"),
                words: "all States".into(),
                occurrence: 0,
                with: "Member States".into(),
            },
            "EU",
            "G77",
        );
        let mut app = App::new(d, "x.toml".into());
        let shown = screen(&mut app);
        assert!(
            shown.contains("[all States / G77: Member States]"),
            "{shown}"
        );
        assert!(
            shown.contains("[Alt 1 (EU): strengthen / Alt 2 (G77): enhance]"),
            "{shown}"
        );
        assert!(shown.contains("1 pending"), "{shown}");
        key(&mut app, KeyCode::Char('c'));
        key(&mut app, KeyCode::Down);
        key(&mut app, KeyCode::Right);
        key(&mut app, KeyCode::Char('a'));
        assert!(app.draft.negotiation.brackets.is_empty());
        assert!(app.draft.document.operative[0].text.contains("enhance"));
        key(&mut app, KeyCode::Char('u'));
        assert_eq!(app.draft.negotiation.brackets.len(), 1);
    }
}
