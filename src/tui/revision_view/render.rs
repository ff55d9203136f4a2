//! Drawing the revision view: the rows of the comparison (side by side or inline, changed
//! words styled, moves and renumbering noted), the header and legend above them, and the
//! header-and-body layout the amendment view shares. Pure functions of the state.

use super::{DiffStyles, MIN_COLUMN, RevisionView, ViewMode};
use crate::compare::layout::{self, Notes, Run, Style as RunStyle};
use crate::compare::{ChangeEntry, Kind, PartKind};
use crate::sanitize::sanitize;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

fn to_spans(line: &[Run], styles: &DiffStyles, extra: Style) -> Vec<Span<'static>> {
    line.iter()
        .map(|r| Span::styled(r.text.clone(), styles.run(r.style).patch(extra)))
        .collect()
}

/// Brackets around changed words when the styles carry no colour.
fn marked(runs: Vec<Run>, styles: &DiffStyles) -> Vec<Run> {
    crate::compare::render_text::bracket(runs, !styles.brackets)
}

fn tagged(tag: &str, depth: usize, runs: Vec<Run>) -> Vec<Run> {
    let mut out = vec![Run::new(
        format!("{}{tag} ", "  ".repeat(depth)),
        RunStyle::Tag,
    )];
    out.extend(runs);
    out
}

fn note(e: &ChangeEntry) -> Option<Run> {
    matches!(e.kind, Kind::Moved | Kind::Renumbered)
        .then(|| Run::new(format!(" [{}]", layout::note(e)), RunStyle::Note))
}

/// The lines of one entry and whether it is the selected one.
fn entry_lines(
    e: &ChangeEntry,
    notes: &Notes,
    mode: ViewMode,
    width: usize,
    selected: bool,
    styles: &DiffStyles,
) -> Vec<Line<'static>> {
    let marker = match (selected, layout::marker(e.kind), mode) {
        (true, _, _) => '▶',
        (false, ' ', ViewMode::SideBySide) => '│',
        (false, m, _) => m,
    };
    let gutter_style = if selected {
        styles.selected
    } else {
        styles.note
    };
    let (lt, rt) = layout::tags(e);
    let mut out = Vec::new();
    match mode {
        ViewMode::Inline => {
            let tag = if e.new.is_some() { rt } else { lt };
            let mut runs = tagged(&tag, e.depth, marked(layout::inline(e, notes), styles));
            runs.extend(note(e));
            for (k, l) in layout::wrap(&runs, width.saturating_sub(2))
                .iter()
                .enumerate()
            {
                let mut spans = vec![Span::styled(
                    format!("{} ", if k == 0 { marker } else { ' ' }),
                    gutter_style,
                )];
                spans.extend(to_spans(l, styles, Style::default()));
                out.push(Line::from(spans));
            }
        }
        ViewMode::SideBySide => {
            let col = (width.saturating_sub(3)) / 2;
            let (l, r) = layout::sides(e, notes);
            let (l, r) = (marked(l, styles), marked(r, styles));
            let left = if e.old.is_some() {
                tagged(&lt, e.depth, l)
            } else {
                Vec::new()
            };
            let mut right = if e.new.is_some() {
                tagged(&rt, e.depth, r)
            } else {
                Vec::new()
            };
            right.extend(note(e));
            let (lw, rw) = (layout::wrap(&left, col), layout::wrap(&right, col));
            for k in 0..lw.len().max(rw.len()) {
                let mut spans = Vec::new();
                let lline = lw.get(k).map(Vec::as_slice).unwrap_or(&[]);
                spans.extend(to_spans(lline, styles, Style::default()));
                spans.push(Span::raw(
                    " ".repeat(col.saturating_sub(layout::line_width(lline))),
                ));
                let g = if k == 0 { marker } else { '│' };
                spans.push(Span::styled(
                    format!(" {g} "),
                    if k == 0 { gutter_style } else { styles.rule },
                ));
                spans.extend(to_spans(
                    rw.get(k).map(Vec::as_slice).unwrap_or(&[]),
                    styles,
                    Style::default(),
                ));
                out.push(Line::from(spans));
            }
        }
    }
    out
}

/// The body lines and the line range of the selected entry.
fn body(
    view: &RevisionView,
    mode: ViewMode,
    width: usize,
    styles: &DiffStyles,
) -> (Vec<Line<'static>>, usize, usize) {
    let notes = Notes::of(&view.comparison);
    let mut lines = Vec::new();
    let (mut sel_start, mut sel_end) = (0, 0);
    let mut part: Option<PartKind> = None;
    for i in view.visible() {
        let e = &view.comparison.changes[i];
        if part != Some(e.part) {
            part = Some(e.part);
            let head = format!("── {} ", layout::part_title(e.part));
            let fill = "─".repeat(width.saturating_sub(layout::width(&head)));
            lines.push(Line::styled(format!("{head}{fill}"), styles.rule));
        }
        if i == view.selected {
            sel_start = lines.len();
        }
        lines.extend(entry_lines(
            e,
            &notes,
            mode,
            width,
            i == view.selected,
            styles,
        ));
        if i == view.selected {
            sel_end = lines.len();
        }
    }
    if lines.is_empty() {
        lines.push(Line::styled("No differences.", styles.hint));
    }
    (lines, sel_start, sel_end)
}

/// Draws the view into `area`: header, legend, an optional message, then the rows.
pub fn render(area: Rect, buf: &mut Buffer, view: &RevisionView, styles: &DiffStyles) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let width = area.width as usize;
    let fits = width >= 2 * MIN_COLUMN + 3;
    let mode = if fits { view.mode } else { ViewMode::Inline };
    let mut head = vec![Line::from(vec![
        Span::styled("Comparing ", styles.header),
        Span::styled(
            sanitize(&view.old_name).into_owned(),
            styles.deleted.remove_modifier(Modifier::CROSSED_OUT),
        ),
        Span::styled(" → ", styles.header),
        Span::styled(
            sanitize(&view.new_name).into_owned(),
            styles.inserted.remove_modifier(Modifier::UNDERLINED),
        ),
    ])];
    if mode == ViewMode::SideBySide {
        let col = (width - 3) / 2;
        let l = format!(
            "{:<col$}",
            truncate(&format!("old: {}", sanitize(&view.old_name)), col)
        );
        head.push(Line::styled(
            format!("{l} │ new: {}", sanitize(&view.new_name)),
            styles.hint,
        ));
    }
    head.push(Line::from(vec![
        Span::styled(
            if styles.brackets {
                "[-deleted-]"
            } else {
                "deleted"
            },
            styles.deleted,
        ),
        Span::raw(" "),
        Span::styled(
            if styles.brackets {
                "{+inserted+}"
            } else {
                "inserted"
            },
            styles.inserted,
        ),
        Span::styled(
            "  ~mod +ins -del >moved #renum │ n/N u:hide i:inline r:revert",
            styles.hint,
        ),
    ]));
    let msg = match (&view.message, fits || view.mode == ViewMode::Inline) {
        (Some(m), _) => Some(m.clone()),
        (None, false) => Some("Too narrow for two columns: inline view".to_string()),
        _ => None,
    };
    if let Some(m) = msg {
        head.push(Line::styled(sanitize(&m).into_owned(), styles.note));
    }
    let body_area = head_and_body(area, buf, head, styles);
    render_rows(body_area, buf, view, mode, styles);
}

/// Draws the header lines of a view (a title, a legend, a message) at the top of `area`, cut
/// to its width, and returns the area left below them for the view's body.
pub fn head_and_body(
    area: Rect,
    buf: &mut Buffer,
    head: Vec<Line<'static>>,
    styles: &DiffStyles,
) -> Rect {
    let width = area.width as usize;
    let head: Vec<Line> = head.into_iter().map(|l| clip(l, width)).collect();
    let head_h = (head.len() as u16).min(area.height);
    Paragraph::new(head).style(styles.base).render(
        Rect {
            height: head_h,
            ..area
        },
        buf,
    );
    Rect {
        y: area.y + head_h,
        height: area.height - head_h,
        ..area
    }
}

/// Draws the rows of the comparison alone (no header), the selected entry in sight.
pub fn render_rows(
    body_area: Rect,
    buf: &mut Buffer,
    view: &RevisionView,
    mode: ViewMode,
    styles: &DiffStyles,
) {
    if body_area.height == 0 || body_area.width == 0 {
        return;
    }
    let width = body_area.width as usize;
    let (lines, s, e) = body(view, mode, width, styles);
    let h = body_area.height as usize;
    let top = if e.saturating_sub(s) >= h {
        s
    } else {
        e.saturating_sub(h).max(s.saturating_sub(h / 3))
    };
    let top = top.min(lines.len().saturating_sub(h));
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(top)
        .take(h)
        .map(|l| clip(l, width))
        .collect();
    Paragraph::new(shown)
        .style(styles.base)
        .render(body_area, buf);
}

fn truncate(s: &str, cols: usize) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if layout::width(&out) + layout::width(c.encode_utf8(&mut [0; 4])) > cols {
            break;
        }
        out.push(c);
    }
    out
}

/// Cuts a line to `width` columns (as ratatui measures it).
fn clip(line: Line<'static>, width: usize) -> Line<'static> {
    if line.width() <= width {
        return line;
    }
    let mut used = 0;
    let mut spans = Vec::new();
    for s in line.spans {
        let w = s.width();
        if used + w <= width {
            used += w;
            spans.push(s);
        } else {
            let t = truncate(&s.content, width - used);
            spans.push(Span::styled(t, s.style));
            break;
        }
    }
    Line::from(spans).style(line.style)
}
