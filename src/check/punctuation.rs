//! End punctuation: a preambular paragraph ends with a comma; an operative paragraph with a
//! semicolon, the last one with a full stop (in a resolution divided into sections I, II …,
//! only the last of the last section: [`crate::ops::operative_end`]); a paragraph that
//! introduces sub-paragraphs with a colon; a series of sub-paragraphs ends each item with a
//! semicolon (a comma in the preamble, as adopted resolutions do) and the last item as its
//! parent's series would end; a paragraph may end with a colon where it announces what
//! follows it ("… as set out in the table below:", [`crate::ops::announces`]). Report
//! paragraphs end with a full stop (or a colon before their items). Numbered lists nested in
//! a paragraph (an agenda) are left alone.

use super::local::Local;
use super::{Finding, finding};
use crate::model::{DocKind, Document, ListStyle, Location, Paragraph, Part};
use std::sync::Arc;

/// The final punctuation mark of a text, looking through closing quotes and brackets.
pub fn final_mark(text: &str) -> Option<char> {
    let plain = super::plain(text);
    let t = plain.trim_end();
    let inner = t.trim_end_matches(['”', '’', '"', '\'', ')', ']']);
    let c = inner.chars().last()?;
    if matches!(c, '.' | ',' | ';' | ':' | '!' | '?') {
        return Some(c);
    }
    t.chars()
        .last()
        .filter(|c| matches!(c, '.' | ',' | ';' | ':'))
}

fn name(c: char) -> &'static str {
    match c {
        ',' => "a comma",
        ';' => "a semicolon",
        '.' => "a full stop",
        ':' => "a colon",
        _ => "punctuation",
    }
}

/// The text with its final punctuation replaced by `want`.
fn fixed(text: &str, want: char) -> String {
    let plain = super::plain(text);
    let t = plain.trim_end();
    let tail = t.len() - t.trim_end_matches(['”', '’', '"', '\'', ')', ']']).len();
    let (body, close) = t.split_at(t.len() - tail);
    let body = body.trim_end_matches(['.', ',', ';', ':']);
    let snippet: String = {
        let chars: Vec<char> = body.chars().collect();
        let start = chars.len().saturating_sub(40);
        chars[start..].iter().collect()
    };
    let dots = if body.chars().count() > 40 { "…" } else { "" };
    format!("end with {}: “{dots}{snippet}{close}{want}”", name(want))
}

/// The end mark a paragraph's own words give it (as the rule reads it): the final mark of
/// its text, or of its lead when the text is blank.
pub(crate) fn own_end(p: &Paragraph) -> Option<char> {
    final_mark(&p.text).or_else(|| {
        if p.text.trim().is_empty() {
            final_mark(&p.lead)
        } else {
            None
        }
    })
}

struct Ctx<'a> {
    doc: &'a Document,
    /// What each paragraph's own words say, in document order, and the place in it of the
    /// paragraph being checked.
    locals: &'a [Arc<Local>],
    at: usize,
    out: &'a mut Vec<Finding>,
}

/// The paragraph and its sub-paragraphs, counted.
fn size(p: &Paragraph) -> usize {
    1 + p.subparagraphs.iter().map(size).sum::<usize>()
}

impl Ctx<'_> {
    /// The memo of the paragraph at the cursor, which moves on to the next paragraph.
    fn next(&mut self) -> Option<&Arc<Local>> {
        let l = self.locals.get(self.at);
        self.at += 1;
        l
    }

    fn expect(&mut self, p: &Paragraph, l: &Local, loc: &Location, want: char, what: &str) {
        if l.blank {
            return; // reported as an empty paragraph
        }
        let got = l.end;
        if got == Some(want) || (got == Some(':') && l.announces) {
            return;
        }
        let got_s = got.map_or("no punctuation".to_string(), |c| name(c).to_string());
        let suggestion = fixed(&p.full_text(), want);
        self.out.push(finding(
            self.doc,
            &p.id,
            loc,
            "end-punctuation",
            format!("{what} ends with {got_s}, not {}", name(want)),
            suggestion,
        ));
    }

    /// Checks a paragraph that ends its series with `end`, and its sub-paragraphs.
    fn paragraph(&mut self, p: &Paragraph, loc: &Location, end: char, what: &str) {
        let Some(l) = self.next().cloned() else {
            return;
        };
        if p.subparagraphs.is_empty() {
            self.expect(p, &l, loc, end, what);
            return;
        }
        self.expect(
            p,
            &l,
            loc,
            ':',
            &format!("{what}, which introduces sub-paragraphs,"),
        );
        if p.list_style == ListStyle::Numeric {
            self.at += size(p) - 1;
            return;
        }
        let n = p.subparagraphs.len();
        for (i, sp) in p.subparagraphs.iter().enumerate() {
            let mut l = loc.clone();
            l.path.push(i);
            // Adopted resolutions end the items of a preambular series with commas.
            let item = if loc.part.is_preamble() { ',' } else { ';' };
            let want = if i + 1 == n { end } else { item };
            let what = if i + 1 == n {
                "the last sub-paragraph of the series"
            } else {
                "a sub-paragraph before the last"
            };
            self.paragraph(sp, &l, want, what);
        }
    }
}

/// Adds the end-punctuation findings of `doc` to `out`.
pub fn check(doc: &Document, out: &mut Vec<Finding>) {
    check_with(doc, &Local::all(doc), out);
}

/// [`check`] with what each paragraph's words say read already (`locals`, in document order).
pub(crate) fn check_with(doc: &Document, locals: &[Arc<Local>], out: &mut Vec<Finding>) {
    let mut cx = Ctx {
        doc,
        locals,
        at: 0,
        out,
    };
    for (part, list) in doc.parts() {
        let n = list.len();
        for (i, p) in list.iter().enumerate() {
            let loc = Location {
                part,
                path: vec![i],
            };
            match (doc.kind, part) {
                (_, part) if part.is_preamble() => {
                    cx.paragraph(p, &loc, ',', "a preambular paragraph")
                }
                (_, part) if part.is_operative() => {
                    let want = crate::ops::operative_end(doc, part, i, n);
                    let what = match (i + 1 == n, want) {
                        (true, '.') => "the last operative paragraph",
                        (true, ':') => {
                            "the last operative paragraph, which adopts the annexed text,"
                        }
                        (true, _) => "the last operative paragraph of a section before the last",
                        _ => "an operative paragraph",
                    };
                    cx.paragraph(p, &loc, want, what)
                }
                (DocKind::Report, Part::Section(s))
                    if doc.sections.get(s).is_some_and(|s| s.numbered) =>
                {
                    cx.paragraph(p, &loc, '.', "a report paragraph");
                }
                // Annexed texts keep their own punctuation.
                _ => cx.at += size(p),
            }
        }
    }
}
