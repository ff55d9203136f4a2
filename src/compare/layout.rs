//! The presentation model shared by the command line and the TUI: an entry as styled runs
//! (old side, new side, inline), its tag ("OP5 → OP6"), and word wrapping of styled runs by
//! display width. Text is rendered from markup (footnote markers become superscript numbers)
//! and sanitised; no terminal codes here.

use super::words::{self, PieceKind};
use super::{ChangeEntry, Comparison, Edit, Field, Kind, PartKind};
use crate::markup;
use crate::model::Id;
use crate::sanitize::sanitize;
use std::collections::HashMap;
use unicode_width::UnicodeWidthStr;

/// How a run of text is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Style {
    Plain,
    Deleted,
    Inserted,
    /// A number, letter or field name in front of the text.
    Tag,
    /// A note such as "moved" or "renumbered".
    Note,
}

/// A run of text with its style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub style: Style,
}

impl Run {
    pub fn new(text: impl Into<String>, style: Style) -> Self {
        Run {
            text: text.into(),
            style,
        }
    }
}

/// Footnote numbers on each side, read from the comparison's footnote entries.
#[derive(Debug, Clone, Default)]
pub struct Notes {
    old: HashMap<Id, u32>,
    new: HashMap<Id, u32>,
}

impl Notes {
    pub fn of(cmp: &Comparison) -> Self {
        let mut n = Notes::default();
        for e in cmp.changes.iter().filter(|e| e.part == PartKind::Footnote) {
            if let Some(s) = &e.old {
                n.old.insert(s.id.clone(), s.number.unwrap_or(0));
            }
            if let Some(s) = &e.new {
                n.new.insert(s.id.clone(), s.number.unwrap_or(0));
            }
        }
        n
    }
}

/// Display text of a piece of marked-up text: markup removed, markers as superscripts,
/// unsafe characters made visible.
fn display(s: &str, numbers: &HashMap<Id, u32>) -> String {
    let plain = markup::render(s, |id| {
        numbers
            .get(id)
            .map(|n| markup::superscript(*n))
            .unwrap_or_default()
    });
    let replaced = match sanitize(&plain) {
        std::borrow::Cow::Owned(s) => Some(s),
        std::borrow::Cow::Borrowed(_) => None,
    };
    replaced.unwrap_or(plain)
}

fn push(out: &mut Vec<Run>, text: String, style: Style) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(last) if last.style == style => last.text.push_str(&text),
        _ => out.push(Run { text, style }),
    }
}

/// The display comparison of an entry's old and new text (raw words, so a renumbered
/// reference shows as a changed number).
fn pieces(e: &ChangeEntry, notes: &Notes) -> Vec<(PieceKind, String)> {
    let join = |lead: &str, text: &str| match (lead.is_empty(), text.is_empty()) {
        (true, _) => text.to_string(),
        (false, true) => lead.to_string(),
        _ => [lead, " ", text].concat(),
    };
    let old = e
        .old
        .as_ref()
        .map(|s| join(&s.lead, &s.text))
        .unwrap_or_default();
    // The same lead and text on both sides: nothing to compare (most entries).
    let same =
        matches!((&e.old, &e.new), (Some(o), Some(n)) if o.lead == n.lead && o.text == n.text);
    let mut edits = if same {
        Vec::new()
    } else if let Some(found) = found_edits(e) {
        // In a debug build (the tests) the edits are also found afresh: the same.
        debug_assert_eq!(found, fresh_edits(e, &old, &join));
        found
    } else {
        fresh_edits(e, &old, &join)
    };
    // Changes of form only (spacing, hyphens, markers) are shown as the same text.
    edits.retain(|x| !words::is_form_only(x));
    words::pieces(&old, &edits, Field::Text)
        .into_iter()
        .map(|(k, s)| {
            let map = if k == PieceKind::Inserted {
                &notes.new
            } else {
                &notes.old
            };
            (k, display(s, map))
        })
        .collect()
}

/// The word edits of an entry's joined old and new texts, found afresh.
fn fresh_edits(e: &ChangeEntry, old: &str, join: &dyn Fn(&str, &str) -> String) -> Vec<Edit> {
    let new = e
        .new
        .as_ref()
        .map(|s| join(&s.lead, &s.text))
        .unwrap_or_default();
    words::edits(Field::Text, old, &new)
}

/// The word edits of a paragraph entry's joined texts as the comparison found them, where
/// it compared the same texts: the same lead on both sides (so the joined texts share it
/// and the space after it, which the word diff sets aside as it does any common start), both
/// texts non-empty, no reference renumbered. The edits of substance and of form together, in
/// order, moved past the lead; `None` where they must be found afresh.
fn found_edits(e: &ChangeEntry) -> Option<Vec<Edit>> {
    let (o, n) = (e.old.as_ref()?, e.new.as_ref()?);
    let comparable = e.is_paragraph()
        && o.lead == n.lead
        && !o.text.is_empty()
        && !n.text.is_empty()
        && e.ref_updates.is_empty()
        && e.edits
            .iter()
            .chain(&e.form_edits)
            .all(|x| x.field == Field::Text);
    if !comparable {
        return None;
    }
    let shift = if o.lead.is_empty() {
        0
    } else {
        o.lead.len() + 1
    };
    let mut all: Vec<Edit> = e
        .edits
        .iter()
        .chain(&e.form_edits)
        .map(|x| Edit {
            at: x.at + shift,
            ..x.clone()
        })
        .collect();
    all.sort_by_key(|x| x.at);
    Some(all)
}

/// The old side's runs (equal and deleted words) and the new side's (equal and inserted).
pub fn sides(e: &ChangeEntry, notes: &Notes) -> (Vec<Run>, Vec<Run>) {
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for (k, s) in pieces(e, notes) {
        match k {
            PieceKind::Equal => {
                push(&mut left, s.clone(), Style::Plain);
                push(&mut right, s, Style::Plain);
            }
            PieceKind::Deleted => push(&mut left, s, Style::Deleted),
            PieceKind::Inserted => push(&mut right, s, Style::Inserted),
        }
    }
    if e.kind == Kind::Deleted || e.kind == Kind::Inserted {
        let style = if e.kind == Kind::Deleted {
            Style::Deleted
        } else {
            Style::Inserted
        };
        for r in left.iter_mut().chain(right.iter_mut()) {
            r.style = style;
        }
    }
    (left, right)
}

/// One column of runs: deleted words followed by inserted words, track-changes style.
pub fn inline(e: &ChangeEntry, notes: &Notes) -> Vec<Run> {
    let mut out = Vec::new();
    for (k, s) in pieces(e, notes) {
        let style = match k {
            PieceKind::Equal => Style::Plain,
            PieceKind::Deleted => Style::Deleted,
            PieceKind::Inserted => Style::Inserted,
        };
        push(&mut out, s, style);
    }
    out
}

/// The tag of each side ("OP5", "OP5(b)", "PP3", "fn 2", "title"); "" when absent.
pub fn tags(e: &ChangeEntry) -> (String, String) {
    let header = e.part == PartKind::Header;
    let tag = |s: &Option<super::Side>| {
        s.as_ref()
            .map(|s| match header {
                true => format!("{}:", capital(&s.place)),
                false => sanitize(&s.label).into_owned(),
            })
            .unwrap_or_default()
    };
    (tag(&e.old), tag(&e.new))
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// A short note on what happened ("moved OP9 → OP2", "renumbered OP5 → OP6"), or "".
pub fn note(e: &ChangeEntry) -> String {
    let (o, n) = tags(e);
    match e.kind {
        Kind::Moved => ["moved ", &o, " → ", &n].concat(),
        Kind::Renumbered if o != n => ["renumbered ", &o, " → ", &n].concat(),
        Kind::Renumbered => "references renumbered".to_string(),
        Kind::Inserted => "inserted".to_string(),
        Kind::Deleted => "deleted".to_string(),
        Kind::Modified => "modified".to_string(),
        Kind::Unchanged => String::new(),
    }
}

/// The heading of the part an entry belongs to.
pub fn part_title(part: PartKind) -> &'static str {
    match part {
        PartKind::Header => "Header",
        PartKind::Preamble => "Preamble",
        PartKind::Operative => "Operative part",
        PartKind::Section => "Sections",
        PartKind::Footnote => "Footnotes",
        PartKind::Body => "Headings, parts and annexes",
    }
}

/// The single-character marker of a kind, for gutters and legends.
pub fn marker(kind: Kind) -> char {
    match kind {
        Kind::Unchanged => ' ',
        Kind::Renumbered => '#',
        Kind::Modified => '~',
        Kind::Inserted => '+',
        Kind::Deleted => '-',
        Kind::Moved => '>',
    }
}

/// Display width of a string (as terminals count it).
pub fn width(s: &str) -> usize {
    // Printable ASCII is one column a byte.
    if crate::scan::printable_ascii(s.as_bytes()) {
        return s.len();
    }
    UnicodeWidthStr::width(s)
}

/// Wraps styled runs into lines of at most `cols` display columns, breaking at spaces
/// (and inside words longer than a line). Spaces at a break are dropped.
pub fn wrap(runs: &[Run], cols: usize) -> Vec<Vec<Run>> {
    super::wrap::wrap(runs, cols).to_runs()
}

/// The display width of a line of runs.
pub fn line_width(line: &[Run]) -> usize {
    line.iter().map(|r| width(&r.text)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_respects_width_and_styles() {
        let runs = vec![
            Run::new("Urges all States ", Style::Plain),
            Run::new("parties", Style::Inserted),
            Run::new(" to ratify the Convention", Style::Plain),
        ];
        let lines = wrap(&runs, 12);
        assert!(lines.iter().all(|l| line_width(l) <= 12));
        let text: Vec<String> = lines
            .iter()
            .map(|l| l.iter().map(|r| r.text.as_str()).collect())
            .collect();
        assert_eq!(
            text,
            [
                "Urges all",
                "States",
                "parties to",
                "ratify the",
                "Convention"
            ]
        );
        assert_eq!(lines[2][0].style, Style::Inserted);
        assert_eq!(wrap(&[Run::new("abcdefgh", Style::Plain)], 3).len(), 3);
    }
}
