//! Writing a draft file. The TOML is emitted by hand rather than by a serializer so that the
//! layout is fixed for git: every string is a one-line basic string ("…", with `\n` and `\"`
//! escapes, never a multi-line or literal string), empty values are left out, lists of
//! several sponsors take one line each, and every paragraph is its own table.
//! [`super::schema`] reads the result back; the round trip is checked by property tests.

use crate::model::{Document, Draft, Header, ListStyle, Paragraph, Section};
use std::fmt::Write;

/// The text of a draft file for `draft` at format `version`.
pub(super) fn draft(draft: &Draft, version: u32) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "# resdraft draft (format {version}). Paragraph numbers are derived from position;\n\
         # ids are stable: keep them when editing by hand.\n"
    ));
    out.push_str(&format!("format = {version}\n"));
    document(&mut out, &draft.document, "");
    super::negotiation::emit(&mut out, &draft.negotiation);
    for r in &draft.revisions {
        out.push_str("\n[[revisions]]\n");
        out.push_str(&format!("label = {}\n", basic(&r.label)));
        field(&mut out, "date", &r.date);
        field(&mut out, "note", &r.note);
        out.push_str("\n[revisions.document]\n");
        document(&mut out, &r.document, "revisions.document.");
    }
    out
}

/// A document's keys and tables; `prefix` is the dotted path of its table ("" at the top).
fn document(out: &mut String, doc: &Document, prefix: &str) {
    let kind = doc.kind.name();
    out.push_str(&format!("kind = \"{kind}\"\n"));
    field(out, "authoring_body", &doc.authoring_body);
    if doc.first_number != 1 {
        out.push_str(&format!("first_number = {}\n", doc.first_number));
    }
    list(out, "notes", &doc.notes);
    out.push_str(&format!("\n[{prefix}header]\n"));
    header(out, &doc.header);
    for p in &doc.preamble {
        paragraph(out, p, &format!("{prefix}preamble"));
    }
    for p in &doc.operative {
        paragraph(out, p, &format!("{prefix}operative"));
    }
    for h in &doc.headings {
        out.push_str(&format!("\n[[{prefix}headings]]\n"));
        out.push_str(&format!("id = {}\n", basic(h.id.as_str())));
        out.push_str(&format!("level = {}\n", h.level));
        field(out, "label", &h.label);
        out.push_str(&format!("heading = {}\n", basic(&h.heading)));
        out.push_str(&format!("before = {}\n", basic(h.before.as_str())));
    }
    for part in &doc.parts {
        out.push_str(&format!("\n[[{prefix}parts]]\n"));
        out.push_str(&format!("id = {}\n", basic(part.id.as_str())));
        field(out, "label", &part.label);
        field(out, "heading", &part.heading);
        for p in &part.preamble {
            paragraph(out, p, &format!("{prefix}parts.preamble"));
        }
        for p in &part.operative {
            paragraph(out, p, &format!("{prefix}parts.operative"));
        }
    }
    sections(out, &doc.sections, &format!("{prefix}sections"));
    for a in &doc.annexes {
        out.push_str(&format!("\n[[{prefix}annexes]]\n"));
        out.push_str(&format!("id = {}\n", basic(a.id.as_str())));
        field(out, "label", &a.label);
        field(out, "title", &a.title);
        if !a.numbered {
            out.push_str("numbered = false\n");
        }
        for p in &a.paragraphs {
            paragraph(out, p, &format!("{prefix}annexes.paragraphs"));
        }
        sections(out, &a.sections, &format!("{prefix}annexes.sections"));
    }
    for f in &doc.footnotes {
        out.push_str(&format!("\n[[{prefix}footnotes]]\n"));
        out.push_str(&format!("id = {}\n", basic(f.id.as_str())));
        out.push_str(&format!("anchor = {}\n", basic(f.anchor.as_str())));
        out.push_str(&format!("text = {}\n", basic(&f.text)));
    }
}

/// Section tables at `path`, each followed by its paragraphs.
fn sections(out: &mut String, list: &[Section], path: &str) {
    for s in list {
        out.push_str(&format!("\n[[{path}]]\n"));
        out.push_str(&format!("id = {}\n", basic(s.id.as_str())));
        out.push_str(&format!("level = {}\n", s.level));
        field(out, "label", &s.label);
        out.push_str(&format!("heading = {}\n", basic(&s.heading)));
        if !s.numbered {
            out.push_str("numbered = false\n");
        }
        for p in &s.paragraphs {
            paragraph(out, p, &format!("{path}.paragraphs"));
        }
    }
}

fn header(out: &mut String, h: &Header) {
    // Destructured in full so that a new header field fails to compile here until the file
    // format learns it.
    let Header {
        issuing_body,
        organ,
        symbol,
        distribution,
        date,
        original_language,
        session,
        place_and_dates,
        agenda_item,
        agenda_title,
        sponsors,
        sponsors_note,
        stage,
        title,
        adoption,
        committee_reference,
        resolution_number,
    } = h;
    field(out, "issuing_body", issuing_body);
    field(out, "organ", organ);
    field(out, "symbol", symbol);
    field(out, "distribution", distribution);
    field(out, "date", date);
    field(out, "original_language", original_language);
    field(out, "session", session);
    field(out, "place_and_dates", place_and_dates);
    field(out, "agenda_item", agenda_item);
    field(out, "agenda_title", agenda_title);
    list(out, "sponsors", sponsors);
    field(out, "sponsors_note", sponsors_note);
    field(out, "stage", stage);
    field(out, "title", title);
    field(out, "adoption", adoption);
    field(out, "committee_reference", committee_reference);
    field(out, "resolution_number", resolution_number);
}

/// A paragraph table at `path`, then its sub-paragraphs at `path.subparagraphs`.
pub(super) fn paragraph(out: &mut String, p: &Paragraph, path: &str) {
    out.push_str(&format!("\n[[{path}]]\n"));
    out.push_str(&format!("id = {}\n", basic(p.id.as_str())));
    field(out, "lead", &p.lead);
    out.push_str(&format!("text = {}\n", basic(&p.text)));
    match p.list_style {
        ListStyle::Default => {}
        ListStyle::Numeric => out.push_str("list_style = \"numeric\"\n"),
        ListStyle::Quoted => out.push_str("list_style = \"quoted\"\n"),
    }
    let sub = format!("{path}.subparagraphs");
    for sp in &p.subparagraphs {
        paragraph(out, sp, &sub);
    }
}

/// `key = "value"`, left out when the value is empty.
pub(super) fn field(out: &mut String, key: &str, value: &str) {
    if !value.is_empty() {
        out.push_str(&format!("{key} = {}\n", basic(value)));
    }
}

/// A list of strings: left out when empty, inline with one item, one item a line otherwise.
fn list(out: &mut String, key: &str, items: &[String]) {
    match items {
        [] => {}
        [one] => out.push_str(&format!("{key} = [{}]\n", basic(one))),
        many => {
            out.push_str(&format!("{key} = [\n"));
            for item in many {
                out.push_str(&format!("    {},\n", basic(item)));
            }
            out.push_str("]\n");
        }
    }
}

/// A TOML basic string on one line.
pub(super) fn basic(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_stay_on_one_line() {
        assert_eq!(basic("a \"b\" \\ c\nd\te"), r#""a \"b\" \\ c\nd\te""#);
        assert_eq!(basic("\u{1b}[0m “x”"), "\"\\u001B[0m “x”\"");
        let back: toml::Table =
            toml::from_str(&format!("k = {}", basic("q\"\\\n\u{7f}\u{1}"))).unwrap();
        assert_eq!(back["k"].as_str(), Some("q\"\\\n\u{7f}\u{1}"));
    }
}
