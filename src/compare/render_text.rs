//! Plain-text renderings of a comparison for the command line: side by side (two columns
//! aligned per paragraph), inline (track changes) and a summary of counts. Changed words are
//! coloured with ANSI codes on a terminal, or marked `[-deleted-]` / `{+inserted+}` when the
//! output is piped. The text is sanitised (see [`crate::sanitize`]).

use super::layout::{self, Notes, Run, Style};
use super::{ChangeEntry, Comparison, Kind, PartKind};
use crate::sanitize::sanitize;
use std::fmt::Write;

/// How to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextOptions {
    /// Total width in columns.
    pub width: usize,
    /// ANSI colours instead of brackets.
    pub color: bool,
}

const RESET: &str = "\x1b[0m";

fn paint(run: &Run, color: bool) -> String {
    if !color {
        return run.text.clone();
    }
    let code = match run.style {
        Style::Plain => return run.text.clone(),
        Style::Deleted => "\x1b[31;9m",
        Style::Inserted => "\x1b[32;4m",
        Style::Tag => "\x1b[1m",
        Style::Note => "\x1b[36m",
    };
    format!("{code}{}{RESET}", run.text)
}

/// In bracket mode, wraps deleted and inserted runs in their markers before wrapping.
pub(crate) fn bracket(runs: Vec<Run>, color: bool) -> Vec<Run> {
    if color {
        return runs;
    }
    runs.into_iter()
        .map(|r| match r.style {
            Style::Deleted => Run::new(format!("[-{}-]", r.text), r.style),
            Style::Inserted => Run::new(format!("{{+{}+}}", r.text), r.style),
            _ => r,
        })
        .collect()
}

fn tagged(tag: &str, depth: usize, mut runs: Vec<Run>) -> Vec<Run> {
    let mut out = Vec::with_capacity(runs.len() + 1);
    let indent = "  ".repeat(depth);
    if !tag.is_empty() {
        out.push(Run::new(format!("{indent}{tag} "), Style::Tag));
    } else if depth > 0 {
        out.push(Run::new(indent, Style::Plain));
    }
    out.append(&mut runs);
    out
}

fn note_run(e: &ChangeEntry) -> Option<Run> {
    matches!(e.kind, Kind::Moved | Kind::Renumbered)
        .then(|| Run::new(format!(" ({})", layout::note(e)), Style::Note))
}

fn pad(line: &[Run], cols: usize, color: bool) -> String {
    let mut s = String::new();
    pad_into(&mut s, line, cols, color);
    s
}

/// [`pad`], written at the end of `out`.
fn pad_into(out: &mut String, line: &[Run], cols: usize, color: bool) {
    for r in line {
        if color && r.style != Style::Plain {
            out.push_str(&paint(r, true));
        } else {
            out.push_str(&r.text);
        }
    }
    let w = layout::line_width(line);
    out.extend(std::iter::repeat_n(' ', cols.saturating_sub(w)));
}

fn legend(color: bool) -> String {
    let (del, ins) = if color {
        (
            paint(&Run::new("deleted", Style::Deleted), true),
            paint(&Run::new("inserted", Style::Inserted), true),
        )
    } else {
        ("[-deleted-]".to_string(), "{+inserted+}".to_string())
    };
    format!("Legend: {del} {ins}  ~ modified  + inserted  - deleted  > moved  # renumbered")
}

fn rule(title: &str, width: usize) -> String {
    let head = format!("── {title} ");
    let w = layout::width(&head);
    format!("{head}{}", "─".repeat(width.saturating_sub(w)))
}

/// `out` (the heading), the legend, then each change written by `row`, with a rule at the
/// start of each part; trailing spaces trimmed from every line.
fn entries(
    mut out: String,
    cmp: &Comparison,
    width: usize,
    color: bool,
    mut row: impl FnMut(&mut String, &ChangeEntry),
) -> String {
    let _ = writeln!(out, "{}", legend(color));
    let mut part = None;
    for e in &cmp.changes {
        if part != Some(e.part) {
            part = Some(e.part);
            let _ = writeln!(out, "{}", rule(layout::part_title(e.part), width));
        }
        row(&mut out, e);
    }
    let mut trimmed = String::with_capacity(out.len() + 1);
    for line in out.lines() {
        trimmed.push_str(line.trim_end());
        trimmed.push('\n');
    }
    if trimmed.is_empty() {
        trimmed.push('\n');
    }
    trimmed
}

/// Two columns, the old version on the left and the new on the right, one row per item.
pub fn side_by_side(cmp: &Comparison, old_name: &str, new_name: &str, opts: TextOptions) -> String {
    let width = opts.width.max(23);
    let col = (width - 3) / 2;
    let notes = Notes::of(cmp);
    let mut out = String::new();
    let head_l = layout::wrap(
        &[Run::new(format!("OLD: {}", sanitize(old_name)), Style::Tag)],
        col,
    );
    let head_r = layout::wrap(
        &[Run::new(format!("NEW: {}", sanitize(new_name)), Style::Tag)],
        col,
    );
    let _ = writeln!(
        out,
        "{} │ {}",
        pad(&head_l[0], col, opts.color),
        pad(&head_r[0], col, opts.color).trim_end()
    );
    entries(out, cmp, width, opts.color, |out, e| {
        let (lt, rt) = layout::tags(e);
        let (l, r) = layout::sides(e, &notes);
        let left = if e.old.is_some() {
            bracket(tagged(&lt, e.depth, l), opts.color)
        } else {
            Vec::new()
        };
        let mut right = if e.new.is_some() {
            bracket(tagged(&rt, e.depth, r), opts.color)
        } else {
            Vec::new()
        };
        right.extend(note_run(e));
        let (lw, rw) = (layout::wrap(&left, col), layout::wrap(&right, col));
        for k in 0..lw.len().max(rw.len()) {
            let gutter = match (k, layout::marker(e.kind)) {
                (0, ' ') | (1.., _) => '│',
                (0, m) => m,
            };
            match lw.get(k) {
                Some(l) => pad_into(out, l, col, opts.color),
                None => out.extend(std::iter::repeat_n(' ', col)),
            }
            out.push(' ');
            out.push(gutter);
            out.push(' ');
            if let Some(r) = rw.get(k) {
                pad_into(out, r, 0, opts.color);
            }
            out.push('\n');
        }
    })
}

/// One column in track-changes style: deleted words marked, inserted words marked.
pub fn inline(cmp: &Comparison, old_name: &str, new_name: &str, opts: TextOptions) -> String {
    let width = opts.width.max(20);
    let notes = Notes::of(cmp);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Changes from {} to {}",
        sanitize(old_name),
        sanitize(new_name)
    );
    entries(out, cmp, width, opts.color, |out, e| {
        let (lt, rt) = layout::tags(e);
        let tag = if e.new.is_some() { rt } else { lt };
        let mut runs = bracket(tagged(&tag, e.depth, layout::inline(e, &notes)), opts.color);
        runs.extend(note_run(e));
        for (k, line) in layout::wrap(&runs, width - 2).iter().enumerate() {
            out.push(if k == 0 { layout::marker(e.kind) } else { ' ' });
            out.push(' ');
            pad_into(out, line, 0, opts.color);
            out.push('\n');
        }
    })
}

/// Counts per class, overall and per part.
pub fn stat(cmp: &Comparison) -> String {
    let mut out = String::new();
    let parts = [
        PartKind::Header,
        PartKind::Preamble,
        PartKind::Operative,
        PartKind::Section,
        PartKind::Body,
        PartKind::Footnote,
    ];
    let _ = writeln!(
        out,
        "{:<16}{}",
        "",
        Kind::ALL.map(|k| format!("{:>11}", k.name())).concat()
    );
    for part in parts {
        let entries: Vec<&ChangeEntry> = cmp.changes.iter().filter(|e| e.part == part).collect();
        if entries.is_empty() {
            continue;
        }
        let counts: String = Kind::ALL
            .map(|k| format!("{:>11}", entries.iter().filter(|e| e.kind == k).count()))
            .concat();
        let _ = writeln!(out, "{:<16}{counts}", layout::part_title(part));
    }
    let s = cmp.stat();
    let total: String = Kind::ALL.map(|k| format!("{:>11}", s.get(k))).concat();
    let _ = writeln!(out, "{:<16}{total}", "Total");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{Align, amendments::amendments, compare};
    use crate::model::{Document, Id, Paragraph};

    #[test]
    fn control_characters_never_reach_the_output() {
        let mut old = Document::default();
        old.operative.push(Paragraph::new(
            Id::new("p1"),
            "Urges",
            "all States\u{1b}[31m to act;",
        ));
        let mut new = old.clone();
        new.operative[0].text = "all States parties\u{1b}[2J\u{202e} to act;".into();
        let cmp = compare(&old, &new, Align::ById);
        let opts = TextOptions {
            width: 80,
            color: false,
        };
        let outputs = [
            side_by_side(&cmp, "old\u{7}", "new", opts),
            inline(&cmp, "old", "new", opts),
            amendments(&old, &new, &cmp).text(),
        ];
        for (k, out) in outputs.iter().enumerate() {
            assert!(!out.contains('\u{1b}') && !out.contains('\u{7}') && !out.contains('\u{202e}'));
            assert!(k == 2 || out.contains('␛'), "{out}");
        }
    }
}
