//! Plain-text renderings of a comparison for the command line: side by side (two columns
//! aligned per paragraph), inline (track changes) and a summary of counts. Changed words are
//! coloured with ANSI codes on a terminal, or marked `[-deleted-]` / `{+inserted+}` when the
//! output is piped. The text is sanitised (see [`crate::sanitize`]).

use super::layout::{self, Notes, Run, Style};
use super::wrap::{Wrapped, wrap};
use super::{ChangeEntry, Comparison, Kind, PartKind};
use crate::sanitize::sanitize;
use rayon::prelude::*;
use std::fmt::Write;

/// Comparisons of at least this many entries are written on all cores.
const PARALLEL_MIN: usize = 64;

/// How to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextOptions {
    /// Total width in columns.
    pub width: usize,
    /// ANSI colours instead of brackets.
    pub color: bool,
}

const RESET: &str = "\x1b[0m";

/// The ANSI code that opens a style ("" for plain text).
fn code(style: Style) -> &'static str {
    match style {
        Style::Plain => "",
        Style::Deleted => "\x1b[31;9m",
        Style::Inserted => "\x1b[32;4m",
        Style::Tag => "\x1b[1m",
        Style::Note => "\x1b[36m",
    }
}

/// Writes a text in its style: coloured when `color` (and not plain), else as it is.
fn paint_into(out: &mut String, text: &str, style: Style, color: bool) {
    if color && style != Style::Plain {
        out.push_str(code(style));
        out.push_str(text);
        out.push_str(RESET);
    } else {
        out.push_str(text);
    }
}

fn paint(run: &Run, color: bool) -> String {
    let mut s = String::new();
    paint_into(&mut s, &run.text, run.style, color);
    s
}

/// In bracket mode, wraps deleted and inserted runs in their markers before wrapping.
pub(crate) fn bracket(runs: Vec<Run>, color: bool) -> Vec<Run> {
    if color {
        return runs;
    }
    runs.into_iter()
        .map(|r| match r.style {
            Style::Deleted => Run::new(["[-", &r.text, "-]"].concat(), r.style),
            Style::Inserted => Run::new(["{+", &r.text, "+}"].concat(), r.style),
            _ => r,
        })
        .collect()
}

fn tagged(tag: &str, depth: usize, mut runs: Vec<Run>) -> Vec<Run> {
    let mut out = Vec::with_capacity(runs.len() + 1);
    let indent = "  ".repeat(depth);
    if !tag.is_empty() {
        out.push(Run::new([&indent, tag, " "].concat(), Style::Tag));
    } else if depth > 0 {
        out.push(Run::new(indent, Style::Plain));
    }
    out.append(&mut runs);
    out
}

fn note_run(e: &ChangeEntry) -> Option<Run> {
    matches!(e.kind, Kind::Moved | Kind::Renumbered)
        .then(|| Run::new([" (", &layout::note(e), ")"].concat(), Style::Note))
}

/// Line `k` of wrapped lines (nothing past the last), padded with spaces to `cols`
/// columns, written at the end of `out`.
fn pad_into(out: &mut String, lines: &Wrapped, k: usize, cols: usize, color: bool) {
    let mut w = 0;
    for (style, text) in lines.line(k) {
        paint_into(out, text, style, color);
        if cols > 0 {
            w += layout::width(text);
        }
    }
    out.extend(std::iter::repeat_n(' ', cols.saturating_sub(w)));
}

/// Ends the line that starts at byte `start` of `out`: its trailing spaces trimmed.
fn end_line(out: &mut String, start: usize) {
    let t = out[start..].trim_end().len();
    out.truncate(start + t);
    out.push('\n');
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

/// `head` (the heading line), the legend, then each change written by `row`, with a rule at
/// the start of each part; trailing spaces trimmed from every line (`row` ends its lines
/// with [`end_line`]). A long comparison is written in chunks on all cores, joined in order.
fn entries(
    head: &str,
    cmp: &Comparison,
    width: usize,
    color: bool,
    parallel_min: usize,
    row: impl Fn(&mut String, &ChangeEntry) + Sync,
) -> String {
    // About what the texts take, so the output seldom grows.
    let size = |changes: &[ChangeEntry]| -> usize {
        let text: usize = changes
            .iter()
            .flat_map(|e| [&e.old, &e.new])
            .flatten()
            .map(|s| s.lead.len() + s.text.len() + 8)
            .sum();
        text + text / 4
    };
    let changes = &cmp.changes;
    // The entries from `start` on, after the entry before them (whose part's rule is out).
    let write = |out: &mut String, start: usize, chunk: &[ChangeEntry]| {
        let mut part = start.checked_sub(1).map(|k| changes[k].part);
        for e in chunk {
            if part != Some(e.part) {
                part = Some(e.part);
                let start = out.len();
                out.push_str(&rule(layout::part_title(e.part), width));
                end_line(out, start);
            }
            row(out, e);
        }
    };
    let parallel = changes.len() >= parallel_min;
    let mut out = String::with_capacity(if parallel { 0 } else { size(changes) } + 1024);
    for line in [head, &legend(color)] {
        let start = out.len();
        out.push_str(line);
        end_line(&mut out, start);
    }
    if !parallel {
        write(&mut out, 0, changes);
        return out;
    }
    let chunk = super::chunk_len(changes.len());
    let parts: Vec<String> = changes
        .par_chunks(chunk)
        .enumerate()
        .map(|(k, c)| {
            let mut s = String::with_capacity(size(c) + 256);
            write(&mut s, k * chunk, c);
            s
        })
        .collect();
    out.reserve(parts.iter().map(String::len).sum());
    parts.iter().for_each(|p| out.push_str(p));
    out
}

/// The two one-file layouts of a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    SideBySide,
    Inline,
}

/// Two columns, the old version on the left and the new on the right, one row per item.
pub fn side_by_side(cmp: &Comparison, old_name: &str, new_name: &str, opts: TextOptions) -> String {
    let names = [old_name, new_name];
    render(Layout::SideBySide, cmp, names, opts, PARALLEL_MIN)
}

/// One column in track-changes style: deleted words marked, inserted words marked.
pub fn inline(cmp: &Comparison, old_name: &str, new_name: &str, opts: TextOptions) -> String {
    let names = [old_name, new_name];
    render(Layout::Inline, cmp, names, opts, PARALLEL_MIN)
}

/// A comparison in a layout, on all cores from `parallel_min` entries on.
fn render(
    layout: Layout,
    cmp: &Comparison,
    [old_name, new_name]: [&str; 2],
    opts: TextOptions,
    parallel_min: usize,
) -> String {
    match layout {
        Layout::SideBySide => {
            let width = opts.width.max(23);
            let col = (width - 3) / 2;
            let notes = Notes::of(cmp);
            let mut head = String::new();
            let head_l = wrap(
                &[Run::new(format!("OLD: {}", sanitize(old_name)), Style::Tag)],
                col,
            );
            let head_r = wrap(
                &[Run::new(format!("NEW: {}", sanitize(new_name)), Style::Tag)],
                col,
            );
            pad_into(&mut head, &head_l, 0, col, opts.color);
            head.push_str(" │ ");
            pad_into(&mut head, &head_r, 0, 0, opts.color);
            entries(&head, cmp, width, opts.color, parallel_min, |out, e| {
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
                // Most entries read the same on both sides: wrapped once.
                let lw = wrap(&left, col);
                let rw_own;
                let rw = if right == left {
                    &lw
                } else {
                    rw_own = wrap(&right, col);
                    &rw_own
                };
                for k in 0..lw.len().max(rw.len()) {
                    let gutter = match (k, layout::marker(e.kind)) {
                        (0, ' ') | (1.., _) => '│',
                        (0, m) => m,
                    };
                    let start = out.len();
                    pad_into(out, &lw, k, col, opts.color);
                    out.push(' ');
                    out.push(gutter);
                    out.push(' ');
                    pad_into(out, rw, k, 0, opts.color);
                    end_line(out, start);
                }
            })
        }
        Layout::Inline => {
            let width = opts.width.max(20);
            let notes = Notes::of(cmp);
            let head = format!(
                "Changes from {} to {}",
                sanitize(old_name),
                sanitize(new_name)
            );
            entries(&head, cmp, width, opts.color, parallel_min, |out, e| {
                let (lt, rt) = layout::tags(e);
                let tag = if e.new.is_some() { rt } else { lt };
                let mut runs =
                    bracket(tagged(&tag, e.depth, layout::inline(e, &notes)), opts.color);
                runs.extend(note_run(e));
                let lines = wrap(&runs, width - 2);
                for k in 0..lines.len() {
                    let start = out.len();
                    out.push(if k == 0 { layout::marker(e.kind) } else { ' ' });
                    out.push(' ');
                    pad_into(out, &lines, k, 0, opts.color);
                    end_line(out, start);
                }
            })
        }
    }
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
pub(crate) mod tests {
    use super::*;
    use crate::compare::{Align, amendments::amendments, compare};
    use crate::model::{Document, Id, Paragraph};

    /// Two versions of a resolution of `n` preambular and `n` operative paragraphs, a few
    /// words changed, one paragraph deleted, one inserted and one moved.
    pub(crate) fn long_pair(n: usize) -> (Document, Document) {
        let mut old = Document::default();
        for k in 0..n {
            let text = format!(
                "the question number {k} of the agenda, and item {} too,",
                k * 7
            );
            old.preamble
                .push(Paragraph::new(Id::new(format!("p{k}")), "Recalling", &text));
            let text = format!(
                "all States to consider matter {k} with care and item {};",
                k * 3
            );
            old.operative
                .push(Paragraph::new(Id::new(format!("o{k}")), "Urges", &text));
        }
        let mut new = old.clone();
        for k in (0..n).step_by(7) {
            new.operative[k].text = new.operative[k].text.replace("care", "great care");
            new.preamble[k].text = new.preamble[k].text.replace("question", "matter");
        }
        new.operative.remove(n / 2);
        new.operative.insert(
            3,
            Paragraph::new(Id::new("o-new"), "Decides", "to act now;"),
        );
        let moved = new.preamble.remove(n - 2);
        new.preamble.insert(1, moved);
        (old, new)
    }

    #[test]
    fn long_comparisons_written_on_all_cores_read_as_written_in_turn() {
        let (old, new) = long_pair(120);
        for align in [Align::ById, Align::BySimilarity] {
            let cmp = compare(&old, &new, align);
            assert!(cmp.changes.len() > 2 * PARALLEL_MIN);
            for color in [false, true] {
                let opts = TextOptions { width: 90, color };
                for layout in [Layout::SideBySide, Layout::Inline] {
                    assert_eq!(
                        render(layout, &cmp, ["a", "b"], opts, 1),
                        render(layout, &cmp, ["a", "b"], opts, usize::MAX)
                    );
                }
            }
        }
    }

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
