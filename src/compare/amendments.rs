//! The changes written as UN amendments in words, ready to paste: "Operative paragraph 5:
//! after 'States' insert 'parties'", "Insert a new operative paragraph after operative
//! paragraph 3, reading: '…'", "Delete preambular paragraph 4", "Replace operative paragraph
//! 7 with: '…'", "Move operative paragraph 9 to follow operative paragraph 2", and "Renumber
//! subsequent paragraphs accordingly" where numbers shift. Places are named as in the old
//! version, which the amendments amend. No "bis": UN practice renumbers.

use super::words::{self, is_word, tokenize};
use super::{ChangeEntry, Comparison, Edit, Field, Kind, PartKind, Side};
use crate::markup;
use crate::model::Location;
use crate::sanitize::sanitize;

/// Below this word similarity a modified paragraph is replaced as a whole.
const REPLACE_BELOW: f32 = 0.5;
/// Above this many separate edits a modified paragraph is replaced as a whole.
const MAX_EDITS: usize = 4;

fn quote(s: &str) -> String {
    format!("'{}'", sanitize(markup::strip(s).trim()))
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn full(side: &Side) -> String {
    match (side.lead.is_empty(), side.text.is_empty()) {
        (true, _) => side.text.clone(),
        (false, true) => side.lead.clone(),
        _ => format!("{} {}", side.lead, side.text),
    }
}

/// The words (up to `n`) before or after a byte offset of `text`.
fn context(text: &str, at: usize, n: usize, before: bool) -> String {
    let (head, tail) = text.split_at(at.min(text.len()));
    let toks: Vec<&str> = if before {
        tokenize(head)
    } else {
        tokenize(tail)
    };
    let mut picked: Vec<&str> = Vec::new();
    let mut words = 0;
    let iter: Box<dyn Iterator<Item = &&str>> = if before {
        Box::new(toks.iter().rev())
    } else {
        Box::new(toks.iter())
    };
    for t in iter {
        if words == n && is_word(t) {
            break;
        }
        if is_word(t) {
            words += 1;
        }
        picked.push(t);
    }
    if before {
        picked.reverse();
    }
    markup::strip(picked.concat().trim()).trim().to_string()
}

/// An anchor word (or two, when one is ambiguous) before or after the offset.
fn anchor(text: &str, at: usize, before: bool) -> String {
    let plain = markup::strip(text);
    let one = context(text, at, 1, before);
    if plain.matches(one.as_str()).count() <= 1 || one.is_empty() {
        return one;
    }
    context(text, at, 2, before)
}

/// One clause per edit: "after 'X' insert 'Y'", "delete 'X'", "replace 'X' with 'Y'".
fn clause(text: &str, e: &Edit) -> Option<String> {
    let del = markup::strip(&e.deleted).trim().to_string();
    let ins = markup::strip(&e.inserted).trim().to_string();
    Some(match (del.is_empty(), ins.is_empty()) {
        (true, true) => return None,
        (true, false) => {
            let after = anchor(text, e.at, true);
            if after.is_empty() {
                format!(
                    "before {} insert {}",
                    quote(&anchor(text, e.at, false)),
                    quote(&ins)
                )
            } else {
                format!("after {} insert {}", quote(&after), quote(&ins))
            }
        }
        (false, true) => {
            let plain = markup::strip(text);
            if plain.matches(del.as_str()).count() > 1 {
                let after = anchor(text, e.at, true);
                if !after.is_empty() {
                    return Some(format!("delete {} after {}", quote(&del), quote(&after)));
                }
            }
            format!("delete {}", quote(&del))
        }
        (false, false) => format!("replace {} with {}", quote(&del), quote(&ins)),
    })
}

fn noun(e: &ChangeEntry) -> &'static str {
    match (e.part, e.depth) {
        (_, 1..) => "subparagraph",
        (PartKind::Preamble, _) => "preambular paragraph",
        (PartKind::Operative, _) => "operative paragraph",
        _ => "paragraph",
    }
}

fn location(s: &Option<Side>) -> Option<&Location> {
    s.as_ref().and_then(|s| s.location.as_ref())
}

/// The entry that stands just before `e` among its siblings in the new version.
fn previous<'a>(cmp: &'a Comparison, e: &ChangeEntry) -> Option<&'a ChangeEntry> {
    let loc = location(&e.new)?;
    let (last, parent) = loc.path.split_last()?;
    let want = Location {
        part: loc.part,
        path: parent
            .iter()
            .copied()
            .chain([last.checked_sub(1)?])
            .collect(),
    };
    cmp.changes.iter().find(|c| location(&c.new) == Some(&want))
}

/// The entry whose new side is the parent of `e`'s new side.
fn parent<'a>(cmp: &'a Comparison, e: &ChangeEntry) -> Option<&'a ChangeEntry> {
    let loc = location(&e.new)?;
    let (_, parent) = loc.path.split_last()?;
    if parent.is_empty() {
        return None;
    }
    let want = Location {
        part: loc.part,
        path: parent.to_vec(),
    };
    cmp.changes.iter().find(|c| location(&c.new) == Some(&want))
}

/// Where a new or moved item goes, as "after X" / "to follow X" or at the beginning.
fn position(cmp: &Comparison, e: &ChangeEntry, moving: bool) -> String {
    match previous(cmp, e).and_then(|p| p.old.as_ref()) {
        Some(prev) => format!(
            "{} {}",
            if moving { "to follow" } else { "after" },
            prev.place
        ),
        None => match parent(cmp, e).and_then(|p| p.old.as_ref()) {
            Some(par) => format!("at the beginning of {}", par.place),
            None if e.part == PartKind::Preamble => "at the beginning of the preamble".into(),
            None if e.part == PartKind::Operative => {
                "at the beginning of the operative part".into()
            }
            None => "at the beginning of its section".into(),
        },
    }
}

/// The reading of an inserted paragraph with its inserted sub-paragraphs.
fn reading(cmp: &Comparison, start: usize) -> String {
    let mut parts = Vec::new();
    let depth = cmp.changes[start].depth;
    for (k, e) in cmp.changes.iter().enumerate().skip(start) {
        if k > start && e.depth <= depth {
            break;
        }
        if let Some(n) = &e.new {
            let label = if k > start {
                n.label
                    .rsplit_once('(')
                    .map(|(_, l)| format!("({l} "))
                    .unwrap_or_default()
            } else {
                String::new()
            };
            parts.push(format!("{label}{}", markup::strip(&full(n)).trim()));
        }
    }
    format!("'{}'", sanitize(&parts.join(" ")))
}

fn edits_line(place: &str, old: &Side, e: &ChangeEntry) -> Option<String> {
    let lead_changed = e.edits.iter().any(|x| x.field == Field::Lead);
    let clauses: Vec<String> = match &e.new {
        // A changed opening phrase, or a text whose references were also renumbered, is
        // worded over the whole paragraph as it reads in the old version, so a phrase that
        // moved between lead and text reads naturally and quotes match the old text.
        Some(new) if lead_changed || !e.ref_updates.is_empty() => {
            let base = full(old);
            words::edits(Field::Text, &base, &full(new))
                .iter()
                .filter(|x| !words::is_form_only(x))
                .filter_map(|x| clause(&base, x))
                .collect()
        }
        _ => e
            .edits
            .iter()
            .filter_map(|x| {
                clause(
                    if x.field == Field::Lead {
                        &old.lead
                    } else {
                        &old.text
                    },
                    x,
                )
            })
            .collect(),
    };
    (!clauses.is_empty()).then(|| format!("{}: {}", capital(place), clauses.join("; ")))
}

fn header_line(e: &ChangeEntry) -> Option<String> {
    let name = capital(&e.field.as_deref()?.replace('_', " "));
    if !e.list_edits.is_empty() {
        let added: Vec<String> = e
            .list_edits
            .iter()
            .flat_map(|l| &l.inserted)
            .map(|s| sanitize(s).into_owned())
            .collect();
        let removed: Vec<String> = e
            .list_edits
            .iter()
            .flat_map(|l| &l.deleted)
            .map(|s| sanitize(s).into_owned())
            .collect();
        let mut c = Vec::new();
        if !added.is_empty() {
            c.push(format!("add {}", added.join(", ")));
        }
        if !removed.is_empty() {
            c.push(format!("remove {}", removed.join(", ")));
        }
        return Some(format!("{name}: {}", c.join("; ")));
    }
    edits_line(&name, e.old.as_ref()?, e)
}

/// The amendments, one a line, ending with "Renumber subsequent paragraphs accordingly."
/// when paragraph numbers shift. Empty when nothing changed.
pub fn amendments(cmp: &Comparison) -> Vec<String> {
    let mut out = Vec::new();
    let mut renumber = false;
    let mut skip_below: Option<usize> = None;
    for (k, e) in cmp.changes.iter().enumerate() {
        if let Some(d) = skip_below {
            if e.depth > d {
                continue;
            }
            skip_below = None;
        }
        if e.is_paragraph() {
            let (o, n) = (
                e.old.as_ref().and_then(|s| s.number),
                e.new.as_ref().and_then(|s| s.number),
            );
            let numbered = e.part != PartKind::Preamble || e.depth > 0;
            let label_moved = e.old.as_ref().map(|s| &s.label) != e.new.as_ref().map(|s| &s.label);
            if numbered && (o != n || (e.old.is_some() && e.new.is_some() && label_moved)) {
                renumber = true;
            }
        }
        let line = match (e.kind, &e.old, &e.new) {
            (Kind::Unchanged | Kind::Renumbered, _, _) => None,
            _ if e.part == PartKind::Header => header_line(e),
            (Kind::Deleted, Some(o), _) => {
                skip_below = Some(e.depth);
                Some(format!("Delete {}", o.place))
            }
            (Kind::Inserted, _, Some(n)) => {
                skip_below = Some(e.depth);
                let what = if e.part == PartKind::Footnote {
                    format!("Insert a new footnote {}", n.number.unwrap_or(0))
                } else {
                    format!("Insert a new {} {}", noun(e), position(cmp, e, false))
                };
                Some(format!("{what}, reading: {}", reading(cmp, k)))
            }
            (Kind::Moved, Some(o), Some(_)) if e.part != PartKind::Footnote => {
                let mut s = format!("Move {} {}", o.place, position(cmp, e, true));
                if let Some(l) = edits_line(&o.place, o, e) {
                    s.push('\n');
                    s.push_str(&l);
                }
                Some(s)
            }
            (_, Some(o), Some(n))
                if e.part != PartKind::Footnote
                    && e.is_paragraph()
                    && (e.similarity < REPLACE_BELOW || e.edits.len() > MAX_EDITS) =>
            {
                Some(format!(
                    "Replace {} with: '{}'",
                    o.place,
                    sanitize(markup::strip(&full(n)).trim())
                ))
            }
            (_, Some(o), Some(_)) => edits_line(&o.place, o, e),
            _ => None,
        };
        out.extend(line);
    }
    if !out.is_empty() && renumber {
        out.push("Renumber subsequent paragraphs accordingly.".to_string());
    }
    out
}
