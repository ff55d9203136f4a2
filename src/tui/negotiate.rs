//! The negotiation panel of the editor (`c` in normal mode): the open proposals and
//! brackets of the draft, each attributed to its delegation, with the paragraph it acts on.
//! Keys: ↑/↓ (j/k) choose an item, `a` accept, `r` reject, `w` withdraw, `1`–`9` choose an
//! alternative of a bracket, `s` cycle the paragraph's status (pending → agreed ad ref →
//! agreed), `f` show settled proposals too, `u` undo the last step taken here, Enter go to
//! the paragraph, Esc or `q` close.
//!
//! State, update and rendering are this module's own; every step goes through
//! [`crate::negotiate`], and undo restores the draft as it was before the step (text and
//! negotiation together).

use super::app::App;
use crate::model::{Draft, Id, ProposalState, Status};
use crate::negotiate::{self, compilation, numbering};
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

/// The open panel.
#[derive(Debug, Default)]
pub struct Panel {
    pub index: usize,
    /// Show settled (accepted, rejected, withdrawn) proposals too.
    pub all: bool,
    /// The draft before each step taken in the panel, for undo.
    pub history: Vec<Draft>,
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
        "Negotiation: {} proposals pending, {} brackets — a accept, r reject, 1–9 choose, s status, Esc close",
        c.pending, c.brackets
    ));
}

/// The paragraph an item acts on.
fn paragraph_of(draft: &Draft, item: &Item) -> Option<Id> {
    let n = &draft.negotiation;
    match item {
        Item::Proposal(id) => n.proposal(id).map(|p| p.change.paragraph().clone()),
        Item::Bracket(id) => n.bracket(id).map(|b| b.paragraph.clone()),
    }
}

/// Handles a key while the panel is open.
pub fn handle_key(app: &mut App, key: KeyEvent) {
    let Some(panel) = app.negotiation.as_mut() else {
        return;
    };
    let list = items(&app.draft, panel.all);
    let current = list
        .get(panel.index.min(list.len().saturating_sub(1)))
        .cloned();
    match key.code {
        KeyCode::Esc | KeyCode::Char('q') => {
            app.negotiation = None;
            app.say("Negotiation panel closed");
        }
        KeyCode::Down | KeyCode::Char('j') => {
            panel.index = (panel.index + 1).min(list.len().saturating_sub(1));
        }
        KeyCode::Up | KeyCode::Char('k') => panel.index = panel.index.saturating_sub(1),
        KeyCode::Char('f') => {
            panel.all = !panel.all;
            panel.index = 0;
            let what = if panel.all {
                "all proposals"
            } else {
                "pending only"
            };
            app.say(format!("Showing {what}"));
        }
        KeyCode::Enter => {
            if let Some(id) = current.and_then(|i| paragraph_of(&app.draft, &i))
                && app.draft.document.find(&id).is_some()
            {
                app.selected = Some(id);
                app.scroll.follow = true;
                app.negotiation = None;
            }
        }
        KeyCode::Char('u') => match panel.history.pop() {
            Some(d) => {
                app.draft = d;
                app.touched();
                app.say("Undone");
            }
            None => app.say("Nothing to undo in the negotiation panel"),
        },
        KeyCode::Char(c @ ('a' | 'r' | 'w')) => {
            let Some(Item::Proposal(id)) = current else {
                app.say("Not a proposal: choose an alternative of a bracket with 1–9");
                return;
            };
            let before = app.draft.clone();
            let result = match c {
                'a' => negotiate::accept(&mut app.draft, &id),
                'r' => negotiate::reject(&mut app.draft, &id),
                _ => negotiate::withdraw(&mut app.draft, &id),
            };
            step(
                app,
                before,
                result.map(|s| s.attention),
                &format!(
                    "{id} {}",
                    match c {
                        'a' => "accepted",
                        'r' => "rejected",
                        _ => "withdrawn",
                    }
                ),
            );
        }
        KeyCode::Char(d @ '1'..='9') => {
            let Some(Item::Bracket(id)) = current else {
                app.say("Not a bracket: accept (a), reject (r) or withdraw (w) a proposal");
                return;
            };
            let k = d as usize - '1' as usize;
            let before = app.draft.clone();
            let result = negotiate::choose(&mut app.draft, &id, k);
            step(
                app,
                before,
                result.map(|s| s.attention),
                &format!("{id}: alternative {d} chosen"),
            );
        }
        KeyCode::Char('s') => {
            let Some(pid) = current.and_then(|i| paragraph_of(&app.draft, &i)) else {
                return;
            };
            let next = match app.draft.negotiation.status_of(&pid) {
                Status::Pending => Status::AgreedAdRef,
                Status::AgreedAdRef => Status::Agreed,
                Status::Agreed => Status::Pending,
            };
            let before = app.draft.clone();
            let result = negotiate::set_status(&mut app.draft, &pid, next).map(|()| Vec::new());
            step(
                app,
                before,
                result,
                &format!("paragraph {pid}: {}", next.printed()),
            );
        }
        _ => {}
    }
}

/// Records a step taken in the panel (undoable), or reports why it was refused.
fn step(
    app: &mut App,
    before: Draft,
    result: Result<Vec<Id>, negotiate::NegotiationError>,
    done: &str,
) {
    match result {
        Ok(attention) => {
            if let Some(p) = app.negotiation.as_mut() {
                p.history.push(before);
                let len = items(&app.draft, p.all).len();
                p.index = p.index.min(len.saturating_sub(1));
            }
            app.touched();
            let more = if attention.is_empty() {
                String::new()
            } else {
                let ids: Vec<String> = attention.iter().map(Id::to_string).collect();
                format!("; needs attention: {}", ids.join(", "))
            };
            app.say(format!("{done}{more} (u undoes)"));
        }
        Err(e) => {
            app.draft = before;
            app.error(e.to_string());
        }
    }
}

/// Whether colour may be used (NO_COLOR unset or empty); without it the delegation's name in
/// brackets tells items apart.
fn colour() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// A colour per delegation, in the order the draft lists them.
fn delegation_style(draft: &Draft, by: &str) -> Style {
    const PALETTE: [Color; 6] = [
        Color::LightBlue,
        Color::LightGreen,
        Color::LightMagenta,
        Color::LightYellow,
        Color::LightCyan,
        Color::LightRed,
    ];
    if !colour() {
        return Style::default().add_modifier(Modifier::BOLD);
    }
    let k = draft
        .negotiation
        .delegations
        .iter()
        .position(|d| d.code == by)
        .unwrap_or(PALETTE.len() - 1);
    Style::default().fg(PALETTE[k % PALETTE.len()])
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
                    spans.push(Span::raw(format!("{} ", k + 1)));
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
    // The paragraph of the selected item, as it stands.
    if let Some(pid) = list.get(panel.index).and_then(|i| paragraph_of(draft, i))
        && let Some(p) = draft.document.find(&pid)
    {
        lines.push(Line::from(""));
        lines.push(Line::from(format!(
            "{} [{}]: {}",
            name(&pid),
            draft.negotiation.status_of(&pid).printed(),
            crate::markup::strip(&p.full_text())
        )));
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
    let widget = Paragraph::new(lines)
        .block(Block::default().borders(Borders::ALL).title(title))
        .wrap(Wrap { trim: false })
        .style(app.theme.base);
    frame.render_widget(ratatui::widgets::Clear, area);
    frame.render_widget(widget, area);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocKind, Document, Paragraph, ProposedChange};
    use ratatui::crossterm::event::KeyModifiers;

    fn key(app: &mut App, c: KeyCode) {
        super::super::input::handle_key(app, KeyEvent::new(c, KeyModifiers::NONE));
    }

    #[test]
    fn accept_undo_choose_and_status_from_the_panel() {
        let mut doc = Document::new(DocKind::Resolution);
        doc.operative = vec![Paragraph::new(
            Id::new("p1"),
            "Calls upon",
            "all States to strengthen cooperation.",
        )];
        let mut d = Draft::new(doc);
        negotiate::add_delegation(&mut d.negotiation, "EU", "").unwrap();
        let n1 = negotiate::propose(
            &mut d,
            "EU",
            "",
            ProposedChange::DeleteWords {
                paragraph: Id::new("p1"),
                words: "all".into(),
                occurrence: 0,
            },
        )
        .unwrap();
        negotiate::bracket_span(
            &mut d,
            &Id::new("p1"),
            "strengthen",
            0,
            "ours",
            vec![crate::model::Alternative {
                by: "theirs".into(),
                lead: String::new(),
                text: "enhance".into(),
            }],
        )
        .unwrap();
        let mut app = App::new(d, "x.toml".into());
        key(&mut app, KeyCode::Char('c'));
        assert!(app.negotiation.is_some());
        let backend = ratatui::backend::TestBackend::new(100, 20);
        let mut term = ratatui::Terminal::new(backend).unwrap();
        term.draw(|f| super::super::view::draw(f, &mut app))
            .unwrap();
        let screen: String = term
            .backend()
            .buffer()
            .content()
            .iter()
            .map(|c| c.symbol())
            .collect();
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
    }
}
