//! The open items of the negotiation in the document view: `}`/`{` jump between the
//! paragraphs with open items ([`crate::negotiate::marks::open_paragraphs`]), and "pending
//! only" (`f` in normal mode, [`Action::PendingOnly`](super::action::Action)) shows just
//! them — each top-level paragraph with an open item with its sub-paragraphs, the paragraph
//! selected, and the headings around — until `f` shows everything again. Navigation (`j`/`k`,
//! PgUp/PgDn, Home/End) then goes through the paragraphs shown only.

use super::app::App;
use crate::model::Id;
use crate::negotiate::{self, marks};
use std::collections::HashSet;

/// The paragraphs "pending only" shows: every paragraph of a top-level paragraph that has
/// (or whose sub-paragraphs have) an open item, and the selected one.
fn shown(app: &App) -> HashSet<Id> {
    let open = marks::open_paragraphs(&app.draft);
    let mut out = HashSet::new();
    for (_, list) in app.draft.document.parts() {
        for top in list {
            let mut any = false;
            top.walk(&mut |p| any |= open.contains(&p.id));
            if any {
                top.walk(&mut |p| {
                    out.insert(p.id.clone());
                });
            }
        }
    }
    out.extend(app.selected.clone());
    out
}

/// Brings the set "pending only" shows up to date (when it is on): the negotiation and the
/// selection may have changed since.
pub fn refresh(app: &mut App) {
    if app.pending_only.is_some() {
        app.pending_only = Some(shown(app));
    }
}

/// Whether "pending only" hides paragraph `id`.
pub fn hidden(app: &App, id: &Id) -> bool {
    app.pending_only.as_ref().is_some_and(|s| !s.contains(id))
}

/// The paragraphs navigation goes through, in document order: all of them, or with "pending
/// only" those it shows.
pub fn order(app: &mut App) -> Vec<Id> {
    refresh(app);
    let mut order = app.order();
    if let Some(s) = &app.pending_only {
        order.retain(|id| s.contains(id));
    }
    order
}

/// `f`: "pending only" on or off. Turned on, the selection goes to the next paragraph with an
/// open item when its own has none.
pub fn toggle(app: &mut App) {
    let key = app.keymap.keys_for(
        super::keymap::KeyMode::Normal,
        super::action::Action::PendingOnly,
    );
    if app.pending_only.take().is_some() {
        app.scroll.follow = true;
        app.say(format!(
            "Showing every paragraph ({key} shows pending only)"
        ));
        return;
    }
    let open = marks::open_paragraphs(&app.draft);
    if open.is_empty() {
        app.say("Nothing pending: every proposal is settled and every bracket resolved");
        return;
    }
    if !app.selected.as_ref().is_some_and(|id| open.contains(id)) {
        jump(app, true, 1);
    }
    app.pending_only = Some(HashSet::new());
    refresh(app);
    app.scroll.line = 0;
    app.scroll.follow = true;
    let c = negotiate::counts(&app.draft);
    app.say(format!(
        "Pending only: {} with open items ({} pending, {}); {key} shows all",
        count(open.len(), "paragraph"),
        c.pending,
        count(c.brackets, "bracket")
    ));
}

/// `}`/`{`: the `n`-th next (or previous) paragraph with an open item.
pub fn jump(app: &mut App, forward: bool, n: usize) {
    let order = app.order();
    let open_set = marks::open_paragraphs(&app.draft);
    let open: Vec<usize> = order
        .iter()
        .enumerate()
        .filter(|(_, id)| open_set.contains(*id))
        .map(|(i, _)| i)
        .collect();
    if open.is_empty() {
        app.say("No paragraph has an open proposal or bracket");
        return;
    }
    let cur = app.selected_index(&order);
    let target = if forward {
        open.iter()
            .filter(|&&i| i > cur)
            .nth(n - 1)
            .or(open.first())
    } else {
        open.iter()
            .rev()
            .filter(|&&i| i < cur)
            .nth(n - 1)
            .or(open.last())
    };
    if let Some(&i) = target {
        app.selected = Some(order[i].clone());
        app.scroll.follow = true;
        let c = negotiate::counts(&app.draft);
        app.say(format!(
            "{}: open items here ({} pending, {} in all)",
            super::negotiate::label(&app.draft, &order[i]),
            c.pending,
            count(c.brackets, "bracket")
        ));
    }
}

/// “1 bracket”, “2 brackets”.
pub fn count(n: usize, noun: &str) -> String {
    match n {
        1 => format!("1 {noun}"),
        _ => format!("{n} {noun}s"),
    }
}
