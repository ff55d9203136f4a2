//! The header block: issuing body, organ, symbol, distribution, date, original language,
//! session, place and dates, agenda item and title (several lines, maybe in **bold**),
//! sponsors and stage ("A, B and C: revised draft resolution", maybe wrapped, maybe bold,
//! maybe with a `*` pointing to the note on sponsors), the title, and for adopted resolutions
//! the adoption line, the committee reference and the numbered title ("80/4. …").
//! Also finds the authoring body ("The General Assembly,") that ends the header.

use super::Warning;
use super::lines::{Line, is_symbol, push_wrapped};
use crate::model::Header;

/// Country names that contain " and " (so a sponsors list is not split inside them).
const AND_NAMES: &[&str] = &[
    "Antigua and Barbuda",
    "Bosnia and Herzegovina",
    "Saint Kitts and Nevis",
    "Saint Vincent and the Grenadines",
    "Sao Tome and Principe",
    "Trinidad and Tobago",
    "Heard Island and McDonald Islands",
    "United Kingdom of Great Britain and Northern Ireland",
    "Turks and Caicos Islands",
    "Wallis and Futuna",
];

/// Consecutive non-blank lines, as index ranges into the lines.
pub fn blocks(lines: &[Line]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, l) in lines.iter().enumerate() {
        match (l.is_blank(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..lines.len());
    }
    out
}

/// Removes emphasis markers around a header value.
fn plain(s: &str) -> String {
    s.replace("**", "").trim_matches('*').trim().to_string()
}

fn joined(lines: &[Line], r: std::ops::Range<usize>) -> String {
    let parts: Vec<&str> = lines[r].iter().map(|l| l.text.as_str()).collect();
    parts.join(" ")
}

/// The authoring body of a resolution: a short block "The General Assembly," (maybe in
/// italics, maybe over two lines). Returns the block's range and the text without comma.
pub fn authoring_body(lines: &[Line]) -> Option<(std::ops::Range<usize>, String)> {
    for r in blocks(lines) {
        // The whole block, or its first lines when the preamble follows without a blank line.
        for k in 1..=r.len().min(3) {
            let range = r.start..r.start + k;
            // Italics closed after the comma or before it ("*The General Assembly*," in a PDF).
            let text = plain(&joined(lines, range.clone()));
            let text = match text.strip_suffix(',').or_else(|| text.strip_suffix(':')) {
                Some(t) if t.ends_with('*') => format!("{},", t.trim_end_matches('*')),
                _ => text,
            };
            let punctuated = text.ends_with([',', ':']);
            if text.len() > 200 || !text.starts_with("The ") || !punctuated && !a_name(&text) {
                continue;
            }
            let body = text.trim_end_matches([',', ':']).trim().to_string();
            // Not a sentence: no clause after a comma inside.
            if body.contains(',') {
                break;
            }
            let whole = k == r.len();
            let opens_paragraph = |l: &Line| {
                let t = l.text.trim_start_matches('*');
                l.text.starts_with('*')
                    || super::body::numbered(t).is_some()
                    || crate::phrases::match_lead(t, crate::phrases::preambular()).is_some()
            };
            let next_opens_paragraph = lines.get(range.end).is_some_and(opens_paragraph);
            // Printed without its comma ("The General Assembly" alone): only when the next
            // text opens a paragraph, preambular or operative.
            if !punctuated {
                let next = lines[range.end..].iter().find(|l| !l.is_blank());
                // A title set over an italic authoring body ("The Syrian Golan" over
                // "*The General Assembly,*" in a PDF) is not one: the next line is.
                let next_is_body = next.is_some_and(|l| {
                    let t = plain(&l.text);
                    t.starts_with("The ") && t.trim_end().ends_with([',', ':'])
                });
                let opens = !next_is_body
                    && next.is_some_and(|l| {
                        opens_paragraph(l)
                            || crate::phrases::match_lead(&l.text, crate::phrases::operative())
                                .is_some()
                    });
                if opens {
                    return Some((range, body));
                }
                continue;
            }
            if whole || next_opens_paragraph {
                return Some((range, body));
            }
        }
    }
    None
}

/// A Main Committee's name: "Sixth Committee", "Special Political and Decolonization
/// Committee (Fourth Committee)".
fn is_committee(text: &str) -> bool {
    text.split_whitespace().count() <= 8
        && text.trim_end_matches(')').ends_with("Committee")
        && a_name(text.split('(').next().unwrap_or(""))
}

/// Whether a text reads as the name of a body: a few words, each capitalised but for the
/// small words of a name ("The Conference of the Parties").
pub(super) fn a_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.len() <= 10
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || ["of", "the", "and", "on", "for", "to", "in"].contains(w)
        })
}

/// Splits "A, B and C: revised draft resolution" into sponsors and stage.
pub fn sponsors_and_stage(text: &str) -> Option<(Vec<String>, String)> {
    let text = plain(text).split_whitespace().collect::<Vec<_>>().join(" ");
    let (who, stage) = text.rsplit_once(':')?;
    let stage = stage.trim_matches(|c: char| c == '*' || c.is_whitespace());
    let lower = stage.to_lowercase();
    // A stage noted "…, as amended by A/80/L.30 (1, 3)" runs longer than one as issued.
    let is_stage = (stage.len() <= 80 || crate::amend::note::is_changed_stage(stage))
        && (lower.contains("draft resolution")
            || lower.contains("draft decision")
            || lower.contains("amendment"));
    if !is_stage {
        return None;
    }
    let who = who.trim_end_matches(['*', ' ']).trim();
    if who.is_empty() {
        return None;
    }
    Some((split_sponsors(who), stage.to_string()))
}

fn split_sponsors(who: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for part in who.split(", ") {
        names.push(part.trim().to_string());
    }
    // The last item holds the final "and": "Paraguay and the United States of America".
    if let Some(last) = names.pop() {
        let mut rest = last.as_str();
        let mut cut = None;
        let mut from = 0;
        while let Some(p) = rest[from..].find(" and ") {
            let at = from + p;
            let inside = AND_NAMES.iter().any(|n| {
                rest.match_indices(n)
                    .any(|(np, _)| np <= at && at < np + n.len())
            });
            if !inside {
                cut = Some(at);
                break;
            }
            from = at + 5;
        }
        match cut {
            Some(at) => {
                names.push(rest[..at].trim().to_string());
                rest = &rest[at + 5..];
                names.push(rest.trim().to_string());
            }
            None => names.push(rest.trim().to_string()),
        }
    }
    names
        .into_iter()
        .map(|n| n.strip_prefix("the ").unwrap_or(&n).trim().to_string())
        .filter(|n| !n.is_empty())
        .collect()
}

/// A date as the header prints it ("22 September 2024").
pub(crate) fn is_date(s: &str) -> bool {
    let w: Vec<&str> = s.split_whitespace().collect();
    w.len() == 3
        && w[0].len() <= 2
        && w[0].chars().all(|c| c.is_ascii_digit())
        && w[1].chars().next().is_some_and(char::is_uppercase)
        && w[2].len() == 4
        && w[2].chars().all(|c| c.is_ascii_digit())
}

fn is_session(s: &str) -> bool {
    let lower = s.to_lowercase();
    (lower.ends_with(" session") || lower.ends_with(" meeting"))
        && s.split_whitespace().count() <= 6
        && s.chars().next().is_some_and(char::is_uppercase)
}

fn is_place_and_dates(s: &str) -> bool {
    let Some((place, dates)) = s.split_once(", ") else {
        return false;
    };
    s.len() <= 80
        && place.chars().next().is_some_and(char::is_uppercase)
        && place.split_whitespace().count() <= 4
        && dates.chars().next().is_some_and(|c| c.is_ascii_digit())
        && dates
            .chars()
            .rev()
            .take(4)
            .filter(char::is_ascii_digit)
            .count()
            == 4
}

/// A numbered resolution title "80/4. Report of …": (number, title).
fn resolution_title(s: &str) -> Option<(&str, &str)> {
    let (num, title) = s.split_once(". ")?;
    let (a, b) = num.split_once('/')?;
    let digits = |x: &str| !x.is_empty() && x.len() <= 4 && x.chars().all(|c| c.is_ascii_digit());
    (digits(a) && digits(b)).then_some((num, title.trim()))
}

/// What a header text chunk is while reading.
#[derive(Default)]
struct State {
    agenda_seen: bool,
    want_agenda_title: bool,
    /// How many agenda titles the agenda line announces ("Agenda items 13 and 75": 2).
    agenda_titles_left: usize,
    sponsors_seen: bool,
    want_title: bool,
    /// A committee reference "[on the report of …" whose closing "]" is still to come.
    reference_open: bool,
}

/// A stage printed alone, without sponsors: "Draft resolution", "Revised draft decision";
/// for a document the Secretariat issues, "Note by the Secretariat" ("Note by the
/// Secretary-General", "Note by the President of the General Assembly").
fn is_bare_stage(text: &str) -> bool {
    let lower = text.trim_end_matches(['*', ' ']).to_lowercase();
    ["draft resolution", "draft decision"]
        .iter()
        .any(|s| lower == *s || lower.strip_suffix(s).is_some_and(|p| p == "revised "))
        || lower.strip_prefix("note by the ").is_some_and(|who| {
            who.len() <= 60 && !who.ends_with(['.', ',', ';', ':']) && !who.contains("  ")
        })
}

/// Reads the header lines. Text that fits no field goes to `extra` with a warning.
pub fn parse(lines: &[Line], extra: &mut Vec<String>, warnings: &mut Vec<Warning>) -> Header {
    let mut h = Header::default();
    let mut st = State::default();
    for r in blocks(lines) {
        let block = joined(lines, r.clone());
        // "Draft resolution submitted by the Chair on the recommendation of …": the stage,
        // with no sponsors' list.
        let first = plain(&lines[r.start].text);
        // The rest of a committee reference that a blank line broke: "[on the report of
        // the Special Political and Decolonization Committee" / "(Fourth Committee) (…)]".
        if st.reference_open {
            push_wrapped(&mut h.committee_reference, &plain(&block));
            st.reference_open = false;
            continue;
        }
        if [
            "Draft resolution submitted by",
            "Draft decision submitted by",
        ]
        .iter()
        .any(|p| first.starts_with(p))
            || is_bare_stage(&plain(&block))
        {
            h.stage = plain(&block);
            st.sponsors_seen = true;
            st.want_agenda_title = false;
            continue;
        }
        if let Some((sponsors, stage)) = sponsors_and_stage(&block) {
            h.sponsors = sponsors;
            h.stage = stage;
            st.sponsors_seen = true;
            st.want_agenda_title = false;
            continue;
        }
        if st.want_agenda_title {
            st.want_agenda_title = false;
            let first = plain(&lines[r.start].text);
            let other_field = first.starts_with("Resolution adopted by")
                || first.starts_with("Decision adopted by")
                || first.starts_with('[')
                || resolution_title(&first).is_some();
            if !other_field {
                // Under "Agenda items 13 and 75", one title per item, each its own block.
                if h.agenda_title.is_empty() {
                    h.agenda_title = plain(&block);
                } else {
                    h.agenda_title = format!("{}; {}", h.agenda_title, plain(&block));
                }
                if st.agenda_titles_left > 1 {
                    st.agenda_titles_left -= 1;
                    st.want_agenda_title = true;
                }
                continue;
            }
        }
        let mut chunk: Vec<(usize, String)> = Vec::new();
        let mut i = r.start;
        while i < r.end {
            let raw = lines[i].text.as_str();
            let t = plain(raw);
            let no = lines[i].no;
            i += 1;
            if field(&mut h, &mut st, &t, lines, &mut i, r.end) {
                flush(&mut h, &mut st, &mut chunk, extra, warnings);
            } else {
                chunk.push((no, t));
            }
        }
        flush(&mut h, &mut st, &mut chunk, extra, warnings);
    }
    h
}

/// Fills a field from one line when it is recognisably that field. `i` may advance past
/// lines the field takes with it (the agenda title, a numbered title's continuation).
fn field(
    h: &mut Header,
    st: &mut State,
    t: &str,
    lines: &[Line],
    i: &mut usize,
    end: usize,
) -> bool {
    let rest_of_block = |i: &mut usize| {
        let parts: Vec<String> = lines[*i..end].iter().map(|l| plain(&l.text)).collect();
        *i = end;
        parts.join(" ")
    };
    if t == "United Nations" {
        return true;
    }
    const BODIES: [&str; 3] = [
        "General Assembly",
        "Security Council",
        "Economic and Social Council",
    ];
    // "United Nations   General Assembly" on one line (a two-column layout).
    if let Some(body) = t.strip_prefix("United Nations ") {
        let body = body.trim();
        if h.issuing_body.is_empty() && BODIES.contains(&body) {
            h.issuing_body = body.to_string();
            return true;
        }
    }
    // "General Assembly<tab>A/80/L.25": the body and the symbol on one line (a Word
    // export's tab, a two-column layout), as the document's first line.
    if h.issuing_body.is_empty()
        && h.symbol.is_empty()
        && h.organ.is_empty()
        && let Some((body, symbol)) = t.rsplit_once(char::is_whitespace)
        && body.trim().starts_with(char::is_uppercase)
        && is_symbol(symbol)
    {
        h.issuing_body = body.trim().to_string();
        h.symbol = symbol.to_string();
        return true;
    }
    if h.symbol.is_empty() && is_symbol(t) {
        h.symbol = t.to_string();
        return true;
    }
    if let Some(v) = t
        .strip_prefix("Distr.:")
        .or_else(|| t.strip_prefix("Distr."))
    {
        h.distribution = v.trim().to_string();
        return true;
    }
    if let Some(v) = t.strip_prefix("Original:") {
        h.original_language = v.trim().to_string();
        return true;
    }
    if h.date.is_empty() && is_date(t) {
        h.date = t.to_string();
        return true;
    }
    if t.starts_with("Resolution adopted by") || t.starts_with("Decision adopted by") {
        h.adoption = t.to_string();
        // The date on the next line: "Resolution adopted by the General Assembly" /
        // "on 9 December 2025".
        if *i < end {
            let next = plain(&lines[*i].text);
            if !t.contains(" on ") && next.starts_with("on ") && is_date(&next[3..]) {
                push_wrapped(&mut h.adoption, &next);
                *i += 1;
            }
        }
        st.want_title = true;
        return true;
    }
    // "[on the report of the … Committee (A/79/431, para. 33)]", also over a few lines.
    if t.starts_with('[') {
        let mut text = t.to_string();
        let mut j = *i;
        while !text.ends_with(']') && j < end && j < *i + 4 {
            push_wrapped(&mut text, &plain(&lines[j].text));
            j += 1;
        }
        if text.ends_with(']') || j == end {
            // Unclosed at the end of its block: the rest follows after a blank line.
            st.reference_open = !text.ends_with(']');
            h.committee_reference = text;
            *i = j;
            return true;
        }
    }
    if let Some((num, title)) = resolution_title(t) {
        h.resolution_number = num.to_string();
        let more = rest_of_block(i);
        h.title = if more.is_empty() {
            title.to_string()
        } else {
            format!("{title} {more}")
        };
        st.want_title = false;
        return true;
    }
    let agenda = ["Agenda items ", "Agenda item "].iter().find_map(|p| {
        t.get(..p.len())
            .filter(|head| head.eq_ignore_ascii_case(p))
            .map(|_| &t[p.len()..])
    });
    if let Some(item) = agenda {
        h.agenda_item = item.trim().to_string();
        st.agenda_seen = true;
        st.agenda_titles_left = item
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| w.starts_with(|c: char| c.is_ascii_digit()))
            .count()
            .max(1);
        let title = rest_of_block(i);
        if title.is_empty() {
            st.want_agenda_title = true;
        } else {
            h.agenda_title = title;
            st.want_agenda_title = st.agenda_titles_left > 1;
        }
        return true;
    }
    if h.session.is_empty() && is_session(t) {
        h.session = t.to_string();
        return true;
    }
    if h.place_and_dates.is_empty() && is_place_and_dates(t) {
        h.place_and_dates = t.to_string();
        return true;
    }
    false
}

/// Places a run of lines that fit no field: issuing body, organ, title, or extra text.
fn flush(
    h: &mut Header,
    st: &mut State,
    chunk: &mut Vec<(usize, String)>,
    extra: &mut Vec<String>,
    warnings: &mut Vec<Warning>,
) {
    if chunk.is_empty() {
        return;
    }
    let line = chunk[0].0;
    let parts: Vec<String> = chunk.drain(..).map(|(_, t)| t).collect();
    let text = parts.join(" ");
    if st.sponsors_seen && (text.starts_with('*') || text.contains("list of sponsors")) {
        // The note on sponsors, as a text export prints it under the sponsors line.
        h.sponsors_note = text.trim_start_matches(['*', ' ']).to_string();
    } else if h.issuing_body.is_empty() && !st.sponsors_seen && !st.agenda_seen {
        h.issuing_body = text;
    } else if h.organ.is_empty()
        && !st.sponsors_seen
        && !st.agenda_seen
        && h.session.is_empty()
        && h.adoption.is_empty()
    {
        h.organ = text;
    } else if h.organ.is_empty() && !st.sponsors_seen && is_committee(&text) {
        // "Third Committee" under the session: the Main Committee, not the title.
        h.organ = text;
    } else if h.title.is_empty() {
        h.title = text;
        st.want_title = false;
    } else if text.split_whitespace().count() <= 3 && !text.ends_with(['.', ',', ';', ':']) {
        // A subtitle such as "Addendum" under "Draft report".
        h.title = format!("{} — {text}", h.title);
    } else {
        warnings.push(Warning {
            line,
            message: format!("header text not recognised, kept as a note: “{text}”"),
        });
        extra.push(text);
    }
}

#[cfg(test)]
mod tests;
