//! Building a resolution from body items: preambular paragraphs (unnumbered items before the
//! first numbered one), operative paragraphs, sub-paragraphs placed by their labels ((a), (b)
//! … then (i), (ii) … under the last lettered one), the opening phrase of each paragraph
//! (from italics, else from the shipped phrase lists, else the first word), and what follows
//! the last operative paragraph (the closing meeting line of an adopted resolution) as notes.

use super::Warning;
use super::body::{Item, ItemKind};
use crate::model::{Document, ListStyle, Paragraph};
use crate::numbering::{alpha, roman};
use crate::phrases;

/// Splits a paragraph's text into its opening phrase and the rest: the italic run at the
/// start, else a listed phrase, else (when `first_word`) the first word.
pub fn split_lead(text: &str, list: &'static [&'static str], first_word: bool) -> (String, String) {
    let t = text.trim();
    if let Some(inner) = t.strip_prefix('*')
        && !inner.starts_with('*')
        && let Some(end) = inner.find('*')
    {
        let lead = inner[..end].trim();
        if !lead.is_empty() && lead.len() <= 80 {
            let rest = inner[end + 1..].trim_start();
            return (lead.to_string(), rest.to_string());
        }
    }
    if let Some(n) = phrases::match_lead(t, list) {
        return (t[..n].to_string(), t[n..].trim_start().to_string());
    }
    if first_word && t.chars().next().is_some_and(char::is_uppercase) {
        let end = t.find(' ').unwrap_or(t.len());
        let word = t[..end].trim_end_matches([',', ';', ':']);
        if !word.is_empty() && word.chars().all(|c| c.is_alphabetic() || c == '-') {
            return (word.to_string(), t[word.len()..].trim_start().to_string());
        }
    }
    (String::new(), t.to_string())
}

/// Places a sub-paragraph item under `parent` by its label: the next letter at the first
/// level, else the next roman numeral under the last lettered sub-paragraph.
pub fn attach(
    parent: &mut Paragraph,
    label: &str,
    p: Paragraph,
    line: usize,
    warnings: &mut Vec<Warning>,
) {
    let level1 = parent.subparagraphs.len();
    if label == alpha(level1) || level1 == 0 {
        if level1 == 0 && label != "a" && label != "i" {
            warnings.push(Warning {
                line,
                message: format!("sub-paragraph ({label}) does not follow (a); kept as the first"),
            });
        }
        parent.subparagraphs.push(p);
        return;
    }
    let is_roman = label
        .chars()
        .all(|c| matches!(c, 'i' | 'v' | 'x' | 'l' | 'c'));
    // A list that itself runs in roman numerals: (i), (ii), (iii) with nothing nested.
    let roman_list = is_roman
        && label != "i"
        && label == roman(level1 + 1)
        && parent
            .subparagraphs
            .last()
            .is_some_and(|l| l.subparagraphs.is_empty());
    if roman_list {
        parent.subparagraphs.push(p);
        return;
    }
    if let Some(last) = parent.subparagraphs.last_mut()
        && is_roman
    {
        let level2 = last.subparagraphs.len();
        if label != roman(level2 + 1) {
            warnings.push(Warning {
                line,
                message: format!("sub-paragraph ({label}) is out of sequence"),
            });
        }
        last.subparagraphs.push(p);
        return;
    }
    warnings.push(Warning {
        line,
        message: format!(
            "sub-paragraph ({label}) is out of sequence (expected ({}))",
            alpha(level1)
        ),
    });
    parent.subparagraphs.push(p);
}

/// Whether a paragraph numbered `n`, where `expected` was the number due, is an item of a
/// numbered list inside `last` (an agenda "1. Opening of the Congress." … "7. Adoption of the
/// report." under "Approves the following provisional agenda …:"): the list opens with 1
/// after a colon (unless 1 is the number due) and runs on 2, 3 … while the outer numbering
/// waits; where both could go on (list item 2 under paragraph 1), the list does, unless the
/// item `text` opens with an operative phrase ("3. *Decides* …" after a two-item agenda).
pub(super) fn nested_list(last: &Paragraph, n: u32, expected: Option<u32>, text: &str) -> bool {
    let starts = n == 1 && last.full_text().trim_end().ends_with(':');
    let runs_on =
        last.list_style == ListStyle::Numeric && n as usize == last.subparagraphs.len() + 1;
    // Read only when the list could run on (an opening phrase costs a look through the list).
    let outer = || {
        expected == Some(n)
            && phrases::match_lead(&crate::markup::strip(text), phrases::operative()).is_some()
    };
    runs_on && !outer() || starts && expected != Some(n)
}

/// Whether a line after the operative part is the closing meeting line or its date.
pub(super) fn closing_line(t: &str) -> bool {
    let lower = t.to_lowercase();
    lower.contains("plenary meeting") || lower.ends_with(" meeting") || {
        let w: Vec<&str> = t.split_whitespace().collect();
        w.len() == 3 && w[0].chars().all(|c| c.is_ascii_digit()) && w[2].len() == 4
    }
}

/// A resolution with a single operative paragraph does not number it: when nothing is
/// numbered, trailing unnumbered paragraphs that open with an operative verb (and not with a
/// preambular phrase) form the operative part.
fn single_operative(doc: &mut Document) {
    if !doc.operative.is_empty() {
        return;
    }
    let is_operative = |p: &Paragraph| {
        let t = crate::markup::strip(&p.full_text());
        phrases::match_lead(&t, phrases::preambular()).is_none()
            && phrases::match_lead(&t, phrases::operative()).is_some()
    };
    let keep = doc.preamble.len()
        - doc
            .preamble
            .iter()
            .rev()
            .take_while(|p| is_operative(p))
            .count();
    if keep > 0 || doc.preamble.len() == 1 {
        doc.operative = doc.preamble.split_off(keep);
    }
}

/// Fills the preamble and operative part of `doc` from the items.
pub fn assemble(doc: &mut Document, items: Vec<Item>, warnings: &mut Vec<Warning>) {
    assemble_items(doc, items, warnings);
    single_operative(doc);
}

fn assemble_items(doc: &mut Document, items: Vec<Item>, warnings: &mut Vec<Warning>) {
    for item in items {
        match item.kind {
            ItemKind::Numbered(n) => {
                let expected = doc.operative.len() as u32 + 1;
                if let Some(last) = doc.operative.last_mut()
                    && nested_list(last, n, Some(expected), &item.text)
                {
                    last.list_style = ListStyle::Numeric;
                    last.subparagraphs
                        .push(Paragraph::new(item.id, "", item.text));
                    continue;
                }
                if n != expected {
                    warnings.push(Warning {
                        line: item.line,
                        message: format!(
                            "operative paragraph numbered {n} where {expected} was expected; \
                             numbers are derived from position"
                        ),
                    });
                }
                let (lead, text) = split_lead(&item.text, phrases::operative(), true);
                doc.operative.push(Paragraph::new(item.id, lead, text));
            }
            ItemKind::Plain | ItemKind::Heading { .. } => {
                if doc.operative.is_empty() {
                    let (lead, text) = split_lead(&item.text, phrases::preambular(), true);
                    doc.preamble.push(Paragraph::new(item.id, lead, text));
                } else {
                    if !closing_line(&item.text) {
                        warnings.push(Warning {
                            line: item.line,
                            message: "text after the last operative paragraph kept as a note"
                                .into(),
                        });
                    }
                    doc.notes.push(item.text);
                }
            }
            ItemKind::Sub(label) => {
                let (lead, text) = split_lead(&item.text, &[], false);
                let p = Paragraph::new(item.id, lead, text);
                let parent = if doc.operative.is_empty() {
                    doc.preamble.last_mut()
                } else {
                    doc.operative.last_mut()
                };
                match parent {
                    Some(parent) => attach(parent, &label, p, item.line, warnings),
                    None => {
                        warnings.push(Warning {
                            line: item.line,
                            message: format!(
                                "sub-paragraph ({label}) before any paragraph kept as a note"
                            ),
                        });
                        doc.notes.push(format!("({label}) {}", item.text));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{KindHint, import_str};

    #[test]
    fn a_numbered_agenda_inside_a_paragraph_is_its_list() {
        let t = "The Assembly of Keepers,\n\n*Recalling* its work,\n\n1. *Notes* the lamps;\n\n\
                 2. *Approves* the following provisional agenda:\n\n1.\nOpening of the meeting.\n\n\
                 2.\nAdoption of the report.\n\n3. *Decides* to meet again.\n";
        let d = import_str(t, KindHint::Auto).document;
        assert_eq!(d.operative.len(), 3);
        let agenda = &d.operative[1];
        assert_eq!(agenda.list_style, ListStyle::Numeric);
        let items: Vec<&str> = agenda
            .subparagraphs
            .iter()
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(
            items,
            ["Opening of the meeting.", "Adoption of the report."]
        );
        assert_eq!(d.operative[2].lead, "Decides");
    }

    #[test]
    fn a_single_operative_paragraph_is_not_numbered() {
        let t = "The Assembly of Keepers,\n\n*Recalling* its work,\n\n*Decides* to meet again.\n";
        let d = import_str(t, KindHint::Auto).document;
        assert_eq!(d.preamble.len(), 1);
        assert_eq!(d.operative.len(), 1);
        assert_eq!(d.operative[0].lead, "Decides");
    }

    #[test]
    fn a_numbered_list_under_a_colon_is_inside_its_paragraph() {
        let t = "The Assembly of Keepers,\n\n*Recalling* its work,\n\n\
                 1. *Approves* the following agenda for its meeting:\n\n\
                 1.\nOpening of the meeting.\n\n2.\nKeeping of lights.\n\n\
                 2. *Decides* to meet again.\n";
        let d = import_str(t, KindHint::Auto).document;
        assert_eq!(d.operative.len(), 2);
        let list = &d.operative[0];
        assert_eq!(list.list_style, ListStyle::Numeric);
        let items: Vec<&str> = list.subparagraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(items, ["Opening of the meeting.", "Keeping of lights."]);
        assert_eq!(d.operative[1].lead, "Decides");
        // No space before a text that opens with punctuation.
        let t = "The Assembly of Keepers,\n\n*Reaffirming*, in all its aspects, its work,\n";
        let d = import_str(t, KindHint::Auto).document;
        assert_eq!(
            d.preamble[0].full_text(),
            "Reaffirming, in all its aspects, its work,"
        );
    }

    #[test]
    fn leads_from_italics_phrases_or_first_word() {
        let op = phrases::operative();
        assert_eq!(
            split_lead("*Also notes* the recent", op, true),
            ("Also notes".into(), "the recent".into())
        );
        assert_eq!(
            split_lead("Takes note with appreciation of the report", op, true),
            (
                "Takes note with appreciation".into(),
                "of the report".into()
            )
        );
        assert_eq!(
            split_lead("Ponders the issue", op, true),
            ("Ponders".into(), "the issue".into())
        );
        assert_eq!(
            split_lead("to the end", op, true),
            (String::new(), "to the end".into())
        );
    }
}
