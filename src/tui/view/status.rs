//! The status bar (file, revision, unsaved mark, paragraph counts, check findings, message)
//! and the key-hint line generated from the keymap of the current mode.

use crate::sanitize::sanitize;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::KeyMode;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

fn counts(app: &App) -> String {
    let doc = &app.draft.document;
    let mut subs = 0usize;
    for list in [&doc.preamble, &doc.operative] {
        for p in list {
            p.walk(&mut |_| subs += 1);
            subs -= 1;
        }
    }
    if doc.is_report() {
        let n: usize = doc.sections.iter().map(|s| s.paragraphs.len()).sum();
        format!("{} sections · {n} paragraphs", doc.sections.len())
    } else {
        let mut s = format!("{} PP · {} OP", doc.preamble.len(), doc.operative.len());
        if subs > 0 {
            s.push_str(&format!(" · {subs} sub"));
        }
        s
    }
}

/// Where the selection is, as drafters say it ("OP 12 (b)").
pub fn place(app: &App) -> String {
    app.selected_location()
        .map(|l| crate::tui::messages::place(&app.draft.document, &l))
        .unwrap_or_else(|| "no paragraph".into())
}

/// The status bar's fields in display order, with the priority of each (0: always shown;
/// higher numbers are dropped first when the line is short).
fn fields(app: &App) -> Vec<(u8, Vec<Span<'static>>)> {
    let t = &app.theme;
    let mut out = vec![(
        2,
        vec![Span::styled(
            format!(" {}", sanitize(&app.file_name())),
            t.status,
        )],
    )];
    if app.dirty {
        out.push((0, vec![Span::styled(" [+]", t.status_dirty)]));
    }
    out.push((
        0,
        vec![Span::styled(
            format!(" │ {}", sanitize(&place(app))),
            t.status,
        )],
    ));
    if let Some(s) = &app.search {
        out.push((
            1,
            vec![Span::styled(
                format!(" │ {}", crate::tui::search::counter(s)),
                t.status,
            )],
        ));
    }
    if let Some(label) = app.revision_label() {
        out.push((
            4,
            vec![Span::styled(
                format!(" │ after {}", sanitize(label)),
                t.status,
            )],
        ));
    }
    out.push((
        5,
        vec![Span::styled(format!(" │ {}", counts(app)), t.status)],
    ));
    if let Some(by) = &app.proposing {
        out.push((
            0,
            vec![Span::styled(
                format!(" │ PROPOSING as {}", sanitize(by)),
                t.status_dirty,
            )],
        ));
    }
    if app.pending_only.is_some() {
        out.push((
            0,
            vec![Span::styled(
                format!(
                    " │ PENDING ONLY ({} all)",
                    app.keymap.keys_for(KeyMode::Normal, Action::PendingOnly)
                ),
                t.status_dirty,
            )],
        ));
    }
    if !app.draft.negotiation.is_empty() {
        // The pending count always shows (a facilitator watches it as a message stands);
        // the rest of the counts when there is room.
        let c = crate::negotiate::counts(&app.draft);
        out.push((
            0,
            vec![Span::styled(format!(" │ {} pending", c.pending), t.status)],
        ));
        let mut s = String::new();
        match c.brackets {
            0 => {}
            1 => s.push_str(" · 1 bracket"),
            k => s.push_str(&format!(" · {k} brackets")),
        }
        if c.attention > 0 {
            s.push_str(&format!(" · {} attention", c.attention));
        }
        s.push_str(&format!(" · {} ad ref · {} agreed", c.ad_ref, c.agreed));
        out.push((1, vec![Span::styled(s, t.status)]));
    }
    let n = app.findings.len();
    let findings = match n {
        _ if !app.findings_current() => " │ checking…".to_string(),
        0 => " │ 0 findings".to_string(),
        1 => " │ 1 finding".to_string(),
        _ => format!(" │ {n} findings"),
    };
    out.push((3, vec![Span::styled(findings, t.status)]));
    out
}

fn width(spans: &[Span<'_>]) -> usize {
    spans.iter().map(Span::width).sum()
}

/// The status line for `w` columns: the place and the unsaved mark always, then as many other
/// fields as fit beside the whole message; a message longer than the room left is cut with a
/// pointer to the key that shows it whole.
pub fn status_line(app: &App, w: usize) -> Line<'static> {
    let t = &app.theme;
    let fs = fields(app);
    // A status line shows at most `w` columns of the message: only its first characters are
    // read (a message can list every reference an operation rewrote).
    let (msg_text, cut_short) = match &app.message {
        Some(m) => {
            let head = message_head(&m.text, 4 * w + 8);
            (Some(sanitize(head).into_owned()), head.len() < m.text.len())
        }
        None => (None, false),
    };
    let msg_w = msg_text
        .as_ref()
        .map_or(0, |m| Line::from(format!(" │ {m} ")).width());
    let mut keep: Vec<bool> = fs.iter().map(|(p, _)| *p == 0).collect();
    for prio in 1..=5 {
        let mut trial = keep.clone();
        for (k, (p, _)) in fs.iter().enumerate() {
            if *p == prio {
                trial[k] = true;
            }
        }
        let used: usize = fs
            .iter()
            .zip(&trial)
            .filter(|(_, k)| **k)
            .map(|((_, s), _)| width(s))
            .sum();
        if used + msg_w <= w {
            keep = trial;
        }
    }
    let mut spans: Vec<Span<'static>> = fs
        .into_iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .flat_map(|((_, s), _)| s)
        .collect();
    let used = width(&spans);
    if let (Some(m), Some(text)) = (&app.message, msg_text) {
        let style = if m.error { t.error } else { t.message };
        let room = w.saturating_sub(used + 3);
        let full = Line::from(format!("{text} ")).width();
        let shown = if full <= room && !cut_short {
            format!("{text} ")
        } else {
            let more = format!(
                "… {} whole",
                app.keymap.keys_for(KeyMode::Normal, Action::ShowMessage)
            );
            let keep = room.saturating_sub(Line::from(more.as_str()).width());
            let cut = cut_to_width(&text, keep);
            format!("{cut}{more}")
        };
        let pad = w.saturating_sub(used + 3 + Line::from(shown.as_str()).width());
        spans.push(Span::styled(format!("{} │ ", " ".repeat(pad)), t.status));
        spans.push(Span::styled(shown, style));
    }
    Line::from(spans)
}

/// The first `chars` characters of a message (all of it when shorter).
fn message_head(text: &str, chars: usize) -> &str {
    text.char_indices()
        .nth(chars)
        .map_or(text, |(at, _)| &text[..at])
}

/// The longest start of `text` (whole characters) at most `cols` columns wide: one column a
/// character for printable ASCII, else measured as the status line measures it.
fn cut_to_width(text: &str, cols: usize) -> String {
    if crate::scan::printable_ascii(text.as_bytes()) {
        return text[..text.len().min(cols)].to_string();
    }
    let mut cut = String::new();
    for c in text.chars() {
        if Line::from(format!("{cut}{c}")).width() > cols {
            break;
        }
        cut.push(c);
    }
    cut
}

/// Draws the status bar.
pub fn render_status(frame: &mut Frame<'_>, area: Rect, app: &App) {
    if area.height == 0 {
        return;
    }
    let line = status_line(app, usize::from(area.width));
    let buf = frame.buffer_mut();
    buf.set_style(area, app.theme.status);
    buf.set_line(area.x, area.y, &line, area.width);
}

/// Draws the key-hint line for the current mode.
pub fn render_hints(frame: &mut Frame<'_>, area: Rect, app: &App) {
    if area.height == 0 {
        return;
    }
    let t = &app.theme;
    if let Some(p) = &app.prompt {
        let buf = frame.buffer_mut();
        buf.set_style(area, t.status);
        buf.set_string(area.x, area.y, p.kind.sigil(), t.status);
        let rest = Rect::new(area.x + 1, area.y, area.width.saturating_sub(1), 1);
        frame.render_widget(&p.input, rest);
        return;
    }
    let mut spans = vec![Span::raw(" ")];
    if let Some(km) = app.mode().keys() {
        {
            // Whole hints only: those that do not fit are left out (the help overlay lists
            // every key), and the hint for the help overlay itself is always kept.
            let mut hints = app.keymap.hints(km);
            let help = super::super::action::Action::Help.describe();
            let last = hints
                .iter()
                .position(|(_, what)| *what == help)
                .map(|i| hints.remove(i));
            let width =
                |(key, what): &(String, &str)| Line::from(format!(" · {key} {what}")).width();
            let room = usize::from(area.width).saturating_sub(1 + last.as_ref().map_or(0, width));
            let mut used = 0;
            let kept: Vec<_> = hints
                .into_iter()
                .take_while(|h| {
                    used += width(h);
                    used <= room
                })
                .chain(last)
                .collect();
            for (i, (key, what)) in kept.into_iter().enumerate() {
                if i > 0 {
                    spans.push(Span::styled(" · ", t.hint));
                }
                spans.push(Span::styled(key, t.hint_key));
                spans.push(Span::styled(format!(" {what}"), t.hint));
            }
        }
    }
    let buf = frame.buffer_mut();
    buf.set_style(area, t.base);
    buf.set_line(area.x, area.y, &Line::from(spans), area.width);
}
