//! Go to a place (`:`): "OP12", "PP3", "12", "12(b)", "op 2 (a)(ii)", "fn 4", "annex",
//! "annex II", a heading's label or words ("II", "prevention"). A bare number is an
//! operative paragraph of the part the selection is in (a numbered paragraph in a report or
//! an annex).

use super::app::App;
use crate::markup;
use crate::model::{Document, Id, Location, Part};
use crate::numbering;
use regex::Regex;
use std::sync::LazyLock;

static PARA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(op|pp|para(?:graph)?|¶)\s*)?(\d+)\s*\.?\s*((?:\(\s*[a-z]+\s*\)\s*)*)$")
        .expect("valid pattern")
});
static SUB: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(\s*([a-zA-Z]+)\s*\)").expect("valid pattern"));
static FOOTNOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:fn|footnote|note)\s*(\d+)$").expect("valid pattern"));
static ANNEX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^annex\s*([a-z0-9]*)$").expect("valid pattern"));

/// The paragraph `target` names in `doc`, seen from the selection at `from`.
pub fn resolve(doc: &Document, target: &str, from: Option<&Location>) -> Result<Id, String> {
    let t = target.trim();
    if t.is_empty() {
        return Err("Type where to go: OP12, PP3, 12(b), fn 4, a heading or an annex".into());
    }
    if let Some(c) = PARA.captures(t) {
        let kind = c.get(1).map(|m| m.as_str().to_lowercase());
        let n: usize = c[2].parse().map_err(|_| format!("no paragraph {t}"))?;
        let subs: Vec<String> = SUB
            .captures_iter(c.get(3).map_or("", |m| m.as_str()))
            .map(|s| s[1].to_lowercase())
            .collect();
        return paragraph(doc, kind.as_deref(), n, &subs, from)
            .ok_or_else(|| format!("There is no {t} in this draft"));
    }
    if let Some(c) = FOOTNOTE.captures(t) {
        let n: u32 = c[1].parse().unwrap_or(0);
        let numbers = numbering::footnote_numbers(doc);
        let Some((fid, _)) = numbers.iter().find(|(_, k)| **k == n) else {
            return Err(format!("There is no footnote {n}"));
        };
        let mut holder = None;
        doc.walk(&mut |p, _| {
            if holder.is_none() && markup::markers(&p.text).contains(fid) {
                holder = Some(p.id.clone());
            }
        });
        return holder
            .or_else(|| doc.footnote(fid).map(|f| f.anchor.clone()))
            .ok_or_else(|| format!("Footnote {n} is marked in no paragraph"));
    }
    if let Some(c) = ANNEX.captures(t) {
        let label = c[1].to_string();
        let pick = doc.annexes.iter().enumerate().find(|(i, a)| {
            label.is_empty() || a.label.eq_ignore_ascii_case(&label) || label == (i + 1).to_string()
        });
        return pick
            .and_then(|(a, _)| first_of(doc, |p| p.annex() == Some(a)))
            .ok_or_else(|| format!("There is no {t} with paragraphs in this draft"));
    }
    let lower = t.to_lowercase();
    if let Some(h) = doc
        .headings
        .iter()
        .find(|h| h.label.eq_ignore_ascii_case(t))
        .or_else(|| {
            doc.headings
                .iter()
                .find(|h| markup::strip(&h.heading).to_lowercase().contains(&lower))
        })
    {
        return Ok(h.before.clone());
    }
    if let Some((k, _)) = doc.parts.iter().enumerate().find(|(k, p)| {
        p.name(*k)
            .eq_ignore_ascii_case(t.trim_start_matches("part ").trim())
            || (!p.heading.is_empty() && p.heading.to_lowercase().contains(&lower))
    }) {
        return first_of(doc, |p| p.resolution_part() == Some(k))
            .ok_or_else(|| format!("Part {t} has no paragraphs"));
    }
    Err(format!(
        "“{t}” is no paragraph, footnote, heading, part or annex (try OP12, PP3, 12(b), fn 4, annex)"
    ))
}

fn first_of(doc: &Document, want: impl Fn(Part) -> bool) -> Option<Id> {
    doc.paragraphs()
        .into_iter()
        .find(|(_, l)| want(l.part))
        .map(|(p, _)| p.id.clone())
}

fn paragraph(
    doc: &Document,
    kind: Option<&str>,
    n: usize,
    subs: &[String],
    from: Option<&Location>,
) -> Option<Id> {
    let here = from.and_then(|l| l.part.resolution_part());
    let matches = |loc: &Location| -> bool {
        let part_ok = match kind {
            Some("pp") => loc.part == Part::Preamble.sibling_in(here),
            Some("op") => loc.part == Part::Operative.sibling_in(here),
            _ => {
                if loc.part.is_preamble() {
                    false
                } else if loc.part.is_operative() {
                    loc.part == Part::Operative.sibling_in(here)
                } else {
                    true
                }
            }
        };
        let number_ok = if loc.part.is_preamble() || loc.part.is_operative() {
            loc.top() + 1 == n
        } else {
            numbering::number(doc, loc.part, loc.top()) == Some(n as u32)
        };
        part_ok
            && number_ok
            && loc.depth() == subs.len()
            && numbering::path_labels(doc, loc)
                .iter()
                .map(|l| l.trim_matches(['(', ')', '.']).to_lowercase())
                .eq(subs.iter().cloned())
    };
    let found = doc
        .paragraphs()
        .into_iter()
        .find(|(_, l)| matches(l))
        .map(|(p, _)| p.id.clone());
    // From inside a part, the resolution's own paragraph when the part has none.
    found.or_else(|| here.and_then(|_| paragraph(doc, kind, n, subs, None)))
}

/// `:` Enter: selects the paragraph, or says why not.
pub fn go(app: &mut App, target: &str) {
    let from = app.selected_location();
    match resolve(&app.draft.document, target, from.as_ref()) {
        Ok(id) => {
            app.selected = Some(id.clone());
            app.scroll.follow = true;
            let name = super::messages::name(&app.draft.document, &id);
            app.say(format!("At {name}"));
        }
        Err(e) => app.error(e),
    }
}

trait InPart {
    fn sibling_in(self, part: Option<usize>) -> Part;
}

impl InPart for Part {
    /// The preamble or operative part of resolution part `part` (the resolution's own when
    /// `None`).
    fn sibling_in(self, part: Option<usize>) -> Part {
        match (part, self.is_preamble()) {
            (Some(k), true) => Part::PartPreamble(k),
            (Some(k), false) => Part::PartOperative(k),
            (None, true) => Part::Preamble,
            (None, false) => Part::Operative,
        }
    }
}
