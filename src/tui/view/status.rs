//! The status bar (file, revision, unsaved mark, paragraph counts, check findings, message)
//! and the key-hint line generated from the keymap of the current mode.

use crate::sanitize::sanitize;
use crate::tui::app::{App, Mode};
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
        let mut s = format!("PP {} · OP {}", doc.preamble.len(), doc.operative.len());
        if subs > 0 {
            s.push_str(&format!(" · {subs} sub"));
        }
        s
    }
}

/// Draws the status bar.
pub fn render_status(frame: &mut Frame<'_>, area: Rect, app: &App) {
    if area.height == 0 {
        return;
    }
    let t = &app.theme;
    let mut spans = vec![Span::styled(
        format!(" {}", sanitize(&app.file_name())),
        t.status,
    )];
    if app.dirty {
        spans.push(Span::styled(" [+]", t.status_dirty));
    }
    if let Some(label) = app.revision_label() {
        spans.push(Span::styled(
            format!(" │ after {}", sanitize(label)),
            t.status,
        ));
    }
    spans.push(Span::styled(format!(" │ {}", counts(app)), t.status));
    let n = app.findings.len();
    let findings = match n {
        0 => " │ 0 findings".to_string(),
        1 => " │ 1 finding".to_string(),
        _ => format!(" │ {n} findings"),
    };
    spans.push(Span::styled(findings, t.status));
    let buf = frame.buffer_mut();
    buf.set_style(area, t.status);
    let line = Line::from(spans);
    let Some(m) = &app.message else {
        buf.set_line(area.x, area.y, &line, area.width);
        return;
    };
    // The message is right-aligned and wins over the rest when space is short.
    let style = if m.error { t.error } else { t.message };
    let msg = Line::from(vec![
        Span::styled(" │ ", t.status),
        Span::styled(format!("{} ", sanitize(&m.text)), style),
    ]);
    let mw = (msg.width() as u16).min(area.width);
    let left_w = (line.width() as u16).min(area.width.saturating_sub(mw));
    buf.set_line(area.x, area.y, &line, left_w);
    if mw == area.width && app.dirty {
        let short = Line::from(vec![
            Span::styled("[+] ", t.status_dirty),
            Span::styled(sanitize(&m.text).into_owned(), style),
        ]);
        buf.set_line(area.x, area.y, &short, area.width);
    } else {
        buf.set_line(area.x + area.width - mw, area.y, &msg, mw);
    }
}

/// Draws the key-hint line for the current mode.
pub fn render_hints(frame: &mut Frame<'_>, area: Rect, app: &App) {
    if area.height == 0 {
        return;
    }
    let t = &app.theme;
    let mut spans = vec![Span::raw(" ")];
    match app.mode().keys() {
        Some(km) => {
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
        None if app.mode() == Mode::Revisions => {
            spans.push(Span::styled(super::super::revisions::hint(), t.hint));
        }
        None => {}
    }
    let buf = frame.buffer_mut();
    buf.set_style(area, t.base);
    buf.set_line(area.x, area.y, &Line::from(spans), area.width);
}
