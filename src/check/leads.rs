//! Opening phrases: present on every preambular and operative paragraph; an operative verb in
//! the third person singular ("Encourage" → "Encourages"); capitalised consistently ("Calls
//! Upon" where the document or the standard list has "Calls upon"); not the same verb in
//! consecutive operative paragraphs ("Requests … Requests" → "Also requests").

use super::{Finding, finding};
use crate::model::{DocKind, Document, Location, Part};
use crate::phrases;

/// Words that qualify an opening verb without being it.
const ADVERBS: &[&str] = &[
    "also",
    "further",
    "furthermore",
    "strongly",
    "once",
    "again",
    "moreover",
    "deeply",
    "firmly",
    "fully",
    "solemnly",
    "emphatically",
    "repeatedly",
    "urgently",
    "most",
];

/// The lead's words with leading adverbs removed, and whether an adverb stood there.
fn verb_words(lead: &str) -> (Vec<&str>, bool) {
    let words: Vec<&str> = lead.split_whitespace().collect();
    let skip = words
        .iter()
        .take_while(|w| ADVERBS.contains(&w.to_lowercase().as_str()))
        .count();
    (words[skip.min(words.len())..].to_vec(), skip > 0)
}

/// The third person singular of a verb ("encourage" → "encourages", "call" → "calls").
pub fn third_person(verb: &str) -> String {
    let lower = verb.to_lowercase();
    if lower.ends_with(['s', 'x', 'z', 'o']) || lower.ends_with("sh") || lower.ends_with("ch") {
        format!("{verb}es")
    } else if lower.ends_with('y')
        && !lower.ends_with("ay")
        && !lower.ends_with("ey")
        && !lower.ends_with("oy")
    {
        format!("{}ies", verb.strip_suffix(['y', 'Y']).unwrap_or(verb))
    } else {
        format!("{verb}s")
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Adds the findings on opening phrases to `out`.
pub fn check(doc: &Document, out: &mut Vec<Finding>) {
    if doc.kind != DocKind::Resolution {
        return;
    }
    let leads: Vec<(Part, usize, String)> = [
        (Part::Preamble, &doc.preamble),
        (Part::Operative, &doc.operative),
    ]
    .into_iter()
    .flat_map(|(part, list)| {
        list.iter()
            .enumerate()
            .map(move |(i, p)| (part, i, super::plain(&p.lead).trim().to_string()))
    })
    .collect();
    for (part, i, lead) in &leads {
        let (part, i) = (*part, *i);
        let list = if part == Part::Preamble {
            &doc.preamble
        } else {
            &doc.operative
        };
        let p = &list[i];
        let loc = Location {
            part,
            path: vec![i],
        };
        let kind = if part == Part::Preamble {
            "preambular"
        } else {
            "operative"
        };
        if lead.is_empty() {
            if !super::plain(&p.text).trim().is_empty() {
                let first = super::plain(&p.text)
                    .split_whitespace()
                    .next()
                    .unwrap_or_default()
                    .to_string();
                out.push(finding(
                    doc,
                    &p.id,
                    &loc,
                    "missing-lead",
                    format!("the {kind} paragraph has no opening phrase"),
                    format!("open with a standard {kind} phrase in italics (it starts “{first}”)"),
                ));
            }
            continue;
        }
        if part == Part::Operative {
            person(doc, p, &loc, lead, out);
        }
        capitalisation(doc, p, &loc, lead, &leads, out);
    }
    repeated(doc, out);
}

fn person(
    doc: &Document,
    p: &crate::model::Paragraph,
    loc: &Location,
    lead: &str,
    out: &mut Vec<Finding>,
) {
    let (words, _) = verb_words(lead);
    let Some(verb) = words.first() else { return };
    let lower = verb.to_lowercase();
    if lower.ends_with('s') || !phrases::is_operative_verb(&third_person(verb)) {
        return;
    }
    let fixed_verb = third_person(verb);
    let suggestion = lead.replacen(verb, &fixed_verb, 1);
    out.push(finding(
        doc,
        &p.id,
        loc,
        "lead-person",
        format!("lead verb “{verb}” is not in the third person singular ({fixed_verb})"),
        suggestion,
    ));
}

fn capitalisation(
    doc: &Document,
    p: &crate::model::Paragraph,
    loc: &Location,
    lead: &str,
    leads: &[(Part, usize, String)],
    out: &mut Vec<Finding>,
) {
    if lead.chars().next().is_some_and(char::is_lowercase) {
        out.push(finding(
            doc,
            &p.id,
            loc,
            "lead-capitalisation",
            format!("lead “{lead}” does not start with a capital letter"),
            capitalised(lead),
        ));
        return;
    }
    // Another paragraph with the same lead capitalised differently, with no capitals after
    // the first word: that is the document's own form.
    let later_caps = |s: &str| {
        s.split_whitespace()
            .skip(1)
            .any(|w| w.chars().next().is_some_and(char::is_uppercase))
    };
    if !later_caps(lead) {
        return;
    }
    let other = leads
        .iter()
        .find(|(_, _, l)| l != lead && l.eq_ignore_ascii_case(lead) && !later_caps(l));
    if let Some((part, i, l)) = other {
        let where_ = crate::numbering::describe(
            doc,
            &Location {
                part: *part,
                path: vec![*i],
            },
        );
        out.push(finding(
            doc,
            &p.id,
            loc,
            "lead-capitalisation",
            format!("lead “{lead}” is capitalised unlike “{l}” in {where_}"),
            l.clone(),
        ));
        return;
    }
    let list = if loc.part == Part::Preamble {
        phrases::preambular()
    } else {
        phrases::operative()
    };
    let (words, _) = verb_words(lead);
    let core = words.join(" ");
    if let Some(std) = phrases::listed_phrase(&core, list)
        && std.len() == core.len()
        && std != core
    {
        let suggestion = lead.replacen(&core, std, 1);
        out.push(finding(
            doc,
            &p.id,
            loc,
            "lead-capitalisation",
            format!("lead “{lead}” is capitalised unlike the standard phrase “{std}”"),
            suggestion,
        ));
    }
}

fn repeated(doc: &Document, out: &mut Vec<Finding>) {
    // How many paragraphs in a row have opened with the same verb so far.
    let mut run = 0;
    for i in 1..doc.operative.len() {
        let prev = super::plain(&doc.operative[i - 1].lead);
        let cur = super::plain(&doc.operative[i].lead);
        let (pw, prev_adverb) = verb_words(&prev);
        let (cw, adverb) = verb_words(&cur);
        let same = match (pw.first(), cw.first()) {
            (Some(pv), Some(cv)) => pv.eq_ignore_ascii_case(cv),
            _ => false,
        };
        if !same {
            run = 0;
            continue;
        }
        run += 1;
        if adverb {
            continue;
        }
        let p = &doc.operative[i];
        let loc = Location {
            part: Part::Operative,
            path: vec![i],
        };
        let adverb = if prev_adverb || run > 1 {
            "Further"
        } else {
            "Also"
        };
        let suggestion = format!("{adverb} {}", cur.trim().to_lowercase());
        out.push(finding(
            doc,
            &p.id,
            &loc,
            "repeated-lead",
            format!(
                "opens with “{}” like operative paragraph {} before it",
                cur.trim(),
                i
            ),
            suggestion,
        ));
    }
}
