//! Linking footnote markers to model footnotes with `[^fN]` ([`link`]), in document order:
//! superscript markers (written by [`super::markers::mark`] or printed so) and plain digits
//! still glued to the text.

use super::Warning;
use super::footnotes::{FootnoteDef, superscript_number, superscript_value};
use super::markers::NUMBERED_NOUNS;
use crate::model::{Document, Footnote, Id, Paragraph};
use std::collections::HashMap;

/// Links markers to footnotes in document order and stores the footnotes in the document.
/// Footnotes without a marker are kept, anchored where they appeared, with a warning.
pub fn link(doc: &mut Document, defs: Vec<FootnoteDef>, warnings: &mut Vec<Warning>) {
    let numbered: Vec<&FootnoteDef> = defs.iter().filter(|d| d.number.is_some()).collect();
    if numbered.is_empty() {
        return;
    }
    let by_number: HashMap<u32, &FootnoteDef> = numbered
        .iter()
        .filter_map(|d| Some((d.number?, *d)))
        .collect();
    let plain: Vec<u32> = {
        let mut v: Vec<u32> = numbered
            .iter()
            .filter(|d| d.plain)
            .filter_map(|d| d.number)
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    // Numbers already written as superscripts somewhere: their plain digits elsewhere are
    // never the marker ("Agenda 21, and" before "2023–2030,²¹").
    let mut written = std::collections::HashSet::new();
    let mut collect = |p: &mut Paragraph| {
        for s in [&p.lead, &p.text] {
            let mut rest = s.as_str();
            while let Some(c) = rest.chars().next() {
                match superscript_number(rest) {
                    Some((n, len)) => {
                        written.insert(n);
                        rest = &rest[len..];
                    }
                    None => rest = &rest[c.len_utf8()..],
                }
            }
        }
    };
    for key in doc.part_keys() {
        for p in doc.part_mut(key).into_iter().flatten() {
            visit_all(p, &mut collect);
        }
    }
    let mut linker = Linker {
        by_number: &by_number,
        written,
        plain,
        plain_next: 0,
        ids: HashMap::new(),
        footnotes: Vec::new(),
    };
    let mut visit = |p: &mut Paragraph| linker.paragraph(p);
    // Every paragraph list in document order (parts and annexes too).
    for key in doc.part_keys() {
        for p in doc.part_mut(key).into_iter().flatten() {
            visit_all(p, &mut visit);
        }
    }
    let Linker {
        ids, mut footnotes, ..
    } = linker;
    let mut counter = footnotes.len();
    let paragraphs = doc.paragraphs();
    let existing: std::collections::HashSet<&Id> = paragraphs.iter().map(|(p, _)| &p.id).collect();
    let last = paragraphs.last().map(|(p, _)| p.id.clone());
    let mut unmatched = Vec::new();
    for d in &numbered {
        let Some(n) = d.number else { continue };
        if ids.contains_key(&n) {
            continue;
        }
        counter += 1;
        let anchor = d
            .near
            .clone()
            .filter(|id| existing.contains(id))
            .or_else(|| last.clone())
            .unwrap_or_default();
        warnings.push(Warning {
            line: d.line,
            message: format!(
                "footnote {n} has no marker in the text; kept at the paragraph where it stands"
            ),
        });
        unmatched.push(Footnote {
            id: Id(format!("f{counter}")),
            anchor,
            text: d.text.clone(),
        });
    }
    drop(existing);
    drop(paragraphs);
    footnotes.extend(unmatched);
    doc.footnotes = footnotes;
}

fn visit_all(p: &mut Paragraph, f: &mut dyn FnMut(&mut Paragraph)) {
    f(p);
    for sp in p.subparagraphs.iter_mut() {
        visit_all(sp, f);
    }
}

struct Linker<'a> {
    by_number: &'a HashMap<u32, &'a FootnoteDef>,
    /// Numbers of footnotes printed in plain digits, ascending; markers are looked for in
    /// this order.
    plain: Vec<u32>,
    plain_next: usize,
    /// Numbers printed as superscripts in the text.
    written: std::collections::HashSet<u32>,
    ids: HashMap<u32, Id>,
    footnotes: Vec<Footnote>,
}

impl Linker<'_> {
    fn paragraph(&mut self, p: &mut Paragraph) {
        let anchor = p.id.clone();
        p.lead = self.text(&p.lead, &anchor);
        p.text = self.text(&p.text, &anchor);
    }

    fn id_for(&mut self, n: u32, anchor: &Id) -> Option<Id> {
        if let Some(id) = self.ids.get(&n) {
            return Some(id.clone());
        }
        let def = self.by_number.get(&n)?;
        let id = Id(format!("f{}", self.footnotes.len() + 1));
        self.footnotes.push(Footnote {
            id: id.clone(),
            anchor: anchor.clone(),
            text: def.text.clone(),
        });
        self.ids.insert(n, id.clone());
        Some(id)
    }

    fn text(&mut self, s: &str, anchor: &Id) -> String {
        let has_super = s.chars().any(|c| superscript_value(c).is_some());
        if !has_super && self.plain_next >= self.plain.len() {
            return s.to_string();
        }
        let mut out = String::with_capacity(s.len() + 8);
        let mut prev: Option<char> = None;
        let mut prev2: Option<char> = None;
        let mut i = 0;
        while i < s.len() {
            let rest = &s[i..];
            if let Some((n, len)) = superscript_number(rest) {
                match self.id_for(n, anchor) {
                    Some(id) => {
                        out.push_str(&crate::markup::marker(&id));
                        if let Some(pos) = self.plain.iter().position(|&x| x == n) {
                            self.plain_next = self.plain_next.max(pos + 1);
                        }
                    }
                    None => out.push_str(&rest[..len]),
                }
                i += len;
                prev = rest[..len].chars().last();
                continue;
            }
            if let Some(len) = self.plain_marker(rest, prev, prev2, &out) {
                let n = self.plain[self.plain_next];
                self.plain_next += 1;
                if let Some(id) = self.id_for(n, anchor) {
                    if prev == Some(' ') {
                        // "Court 1" → "Court[^f1]".
                        out.truncate(out.trim_end().len());
                    }
                    out.push_str(&crate::markup::marker(&id));
                    i += len;
                    prev = Some('0');
                    continue;
                }
            }
            let Some(c) = rest.chars().next() else { break };
            out.push(c);
            prev2 = prev;
            prev = Some(c);
            i += c.len_utf8();
        }
        out
    }

    /// A plain-digit marker for the next expected footnote at the start of `rest`, glued to
    /// what precedes it and followed by a space or the end: its byte length.
    fn plain_marker(
        &self,
        rest: &str,
        prev: Option<char>,
        prev2: Option<char>,
        before: &str,
    ) -> Option<usize> {
        let n = *self.plain.get(self.plain_next)?;
        if self.written.contains(&n) {
            return None;
        }
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 3 || rest[..digits].parse::<u32>().ok()? != n {
            return None;
        }
        let after = rest[digits..].chars().next();
        if !after.is_none_or(|c| c == ' ' || c == ',' || c == ';' || c == '.') {
            return None;
        }
        let prev = prev?;
        let glued = match prev {
            ',' | ';' | ':' | '”' | '’' | ')' => true,
            // "2025.3": not after an initial ("A.2") or a number ("1.2").
            '.' => prev2.is_some_and(|c| c.is_lowercase() || c == ')'),
            ' ' => spaced_marker(before, &rest[digits..]),
            c => c.is_lowercase(),
        };
        glued.then_some(digits)
    }
}

/// A marker printed with a space before it ("the International Court 1 and"): only after a
/// capitalised word that is not a numbered noun, and before the end, punctuation or a
/// lower-case word.
fn spaced_marker(before: &str, after: &str) -> bool {
    let word = before
        .trim_end()
        .rsplit(' ')
        .next()
        .unwrap_or("")
        .trim_end_matches('.');
    let capitalised = word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().skip(1).all(char::is_lowercase)
        && word.chars().count() >= 3;
    let next_ok = match after.strip_prefix(' ') {
        Some(rest) => rest.chars().next().is_none_or(|c| c.is_lowercase()),
        None => true,
    };
    capitalised && next_ok && !NUMBERED_NOUNS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_spaced_plain_markers_only_after_names() {
        let mut doc = Document::default();
        doc.preamble.push(Paragraph::new(
            Id::new("p1"),
            "Recalling",
            "Article 1 of the Charter, item 1 of the agenda and the opinion of the Court 1 and",
        ));
        let defs = vec![FootnoteDef {
            number: Some(1),
            text: "See the opinion.".into(),
            line: 1,
            near: None,
            plain: true,
            page: 1,
        }];
        let mut w = Vec::new();
        link(&mut doc, defs, &mut w);
        assert_eq!(
            doc.preamble[0].text,
            "Article 1 of the Charter, item 1 of the agenda and the opinion of the Court[^f1] and"
        );
    }

    #[test]
    fn plain_digits_are_no_marker_of_a_footnote_written_as_a_superscript() {
        let mut doc = Document::default();
        doc.operative.push(Paragraph::new(
            Id::new("p1"),
            "Recognizes",
            "that the plan builds on issues included in Agenda 21, and encourages efforts;",
        ));
        doc.operative.push(Paragraph::new(
            Id::new("p2"),
            "Calls upon",
            "States to implement the Strategy 2023–2030,²¹ as part of the efforts;",
        ));
        let defs = vec![FootnoteDef {
            number: Some(21),
            text: "See A/77/607.".into(),
            line: 9,
            near: None,
            plain: true,
            page: 2,
        }];
        let mut w = Vec::new();
        link(&mut doc, defs, &mut w);
        assert!(w.is_empty(), "{w:?}");
        assert!(doc.operative[0].text.contains("Agenda 21, and"));
        assert!(doc.operative[1].text.contains("2023–2030,[^f1] as"));
        assert_eq!(doc.footnotes.len(), 1);
    }

    #[test]
    fn links_plain_markers_in_order() {
        let mut doc = Document::default();
        doc.operative.push(Paragraph::new(
            Id::new("p1"),
            "Takes note",
            "of GC(69)/RES/9 A.2, entitled x; held in 2025;2 and “Governors”;3 item",
        ));
        let defs = [2, 3]
            .map(|n| FootnoteDef {
                number: Some(n),
                text: format!("note {n}"),
                line: 1,
                near: None,
                plain: true,
                page: 1,
            })
            .to_vec();
        let mut w = Vec::new();
        link(&mut doc, defs, &mut w);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(
            doc.operative[0].text,
            "of GC(69)/RES/9 A.2, entitled x; held in 2025;[^f1] and “Governors”;[^f2] item"
        );
        assert_eq!(doc.footnotes.len(), 2);
    }
}
