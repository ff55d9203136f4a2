//! Reading an amendment document (the text extracted from its PDF, or a plain file of
//! instructions as `diff --format amendments` writes it) into an [`Amendment`]: the header
//! line ("United States of America:* amendment to draft resolution A/80/L.25"), the
//! numbered instructions, each parsed into [`Op`]s on places of the draft as issued, the new
//! paragraphs they insert, and the footnotes they add (`**` marks defined at the page foot).
//!
//! Page furniture is removed by the importer's line normaliser. Parsing never panics; an
//! instruction whose wording is not understood is a [`ParseError`] with its number and line.

mod places;
mod reading;
mod sentence;

pub(crate) use reading::heading_line;

use super::{Amendment, Instruction};
use crate::import::header::blocks;
use crate::import::lines::{self, Line};
use regex::Regex;
use std::sync::OnceLock;

/// Why (part of) an amendment could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}line {line}: {message}", if *.instruction > 0 { format!("instruction {}, ", .instruction) } else { String::new() })]
pub struct ParseError {
    /// The instruction's number (0 for the document as a whole).
    pub instruction: u32,
    /// 1-based line of the input where the instruction starts.
    pub line: usize,
    pub message: String,
}

/// The words that open an instruction.
const OPENERS: &[&str] = &[
    "in ", "delete ", "replace ", "after ", "before ", "insert ", "add ", "move ", "at the ",
    "amend ",
];

fn opens_instruction(s: &str) -> bool {
    let l = s.to_lowercase();
    OPENERS.iter().any(|o| l.starts_with(o))
}

pub(super) fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("valid pattern"))
}

/// The header line of an amendment document: sponsors and the symbol of the amended draft.
fn header_line(text: &str) -> Option<(Vec<String>, String)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let r = re(
        &RE,
        r"(?i)^(?P<sponsors>.+?):\s*\**\s*(?:proposed\s+)?amendments?\s+to\s+(?P<what>.+)$",
    );
    let c = r.captures(text)?;
    let what = c.name("what")?.as_str();
    if !what.to_lowercase().contains("draft") && !what.to_lowercase().contains("document") {
        return None;
    }
    let target = what
        .split_whitespace()
        .map(|w| w.trim_end_matches(['.', ',']))
        .rfind(|w| lines::is_symbol(w))?
        .to_string();
    let sponsors = c["sponsors"].replace(" and ", ", ");
    let sponsors = sponsors
        .split(", ")
        .map(|s| s.trim().trim_end_matches('*').to_string())
        .filter(|s| !s.is_empty())
        .collect();
    Some((sponsors, target))
}

/// Whether a text reads as an amendment document (has its header line).
pub fn is_amendment(text: &str) -> bool {
    is_amendment_lines(&lines::normalise(text))
}

/// [`is_amendment`] on the text's normalised lines ([`lines::normalise`]).
pub fn is_amendment_lines(lines: &[Line]) -> bool {
    blocks(lines)
        .iter()
        .take(30)
        .any(|b| header_line(&join(&lines[b.clone()])).is_some())
}

fn unescape(s: &str) -> String {
    s.replace("\\\\", "\\")
}

fn join(lines: &[Line]) -> String {
    let parts: Vec<String> = lines.iter().map(|l| unescape(&l.text)).collect();
    parts.join(" ")
}

/// A character that marks a new footnote: `*` in the UN's documents, `†` in ours.
pub fn is_mark(c: char) -> bool {
    c == '*' || c == '†'
}

/// A footnote line at a page foot: its `*` mark and text.
fn footnote_start(s: &str) -> Option<(&str, &str)> {
    let mark_char = s.chars().next().filter(|c| is_mark(*c))?;
    let len: usize = s
        .chars()
        .take_while(|c| *c == mark_char)
        .map(char::len_utf8)
        .sum();
    if len > 64 * mark_char.len_utf8() {
        return None;
    }
    let rest = &s[len..];
    rest.starts_with(' ')
        .then(|| (&s[..len], rest.trim_start()))
        .filter(|(_, t)| !t.is_empty())
}

/// Removes the footnote blocks (and their `____` separators) from the lines, returning the
/// new footnotes (the sponsors' note is not one).
fn lift_footnotes(lines: &mut [Line]) -> Vec<(String, String)> {
    let mut notes = Vec::new();
    // With a separator line, only the blocks after one are footnotes.
    let separator = |l: &Line| l.text.len() >= 5 && l.text.chars().all(|c| c == '_');
    let first_sep = lines.iter().position(separator);
    let mut i = 0;
    while i < lines.len() {
        let t = lines[i].text.clone();
        if !t.is_empty() && t.chars().all(|c| c == '_') {
            lines[i].text.clear();
            i += 1;
            continue;
        }
        let after_blank = (i == 0 || lines[i - 1].is_blank()) && first_sep.is_none_or(|k| i > k);
        if let Some((mark, first)) = footnote_start(&t).filter(|_| after_blank) {
            let mut text = vec![unescape(first)];
            lines[i].text.clear();
            let mut j = i + 1;
            while j < lines.len()
                && !lines[j].is_blank()
                && footnote_start(&lines[j].text).is_none()
            {
                text.push(unescape(&lines[j].text));
                lines[j].text.clear();
                j += 1;
            }
            let text = text.join(" ");
            if !text.to_lowercase().contains("list of sponsors") {
                notes.push((mark.to_string(), text));
            }
            i = j;
            continue;
        }
        i += 1;
    }
    notes
}

/// Parses an amendment document or a file of instructions.
pub fn parse_document(text: &str) -> Result<Amendment, Vec<ParseError>> {
    let mut lines = lines::normalise(text);
    let mut am = Amendment {
        footnotes: lift_footnotes(&mut lines),
        ..Amendment::default()
    };
    let bl = blocks(&lines);
    let mut body_from = 0;
    if let Some((k, (sponsors, target))) = bl
        .iter()
        .enumerate()
        .take(30)
        .find_map(|(k, b)| header_line(&join(&lines[b.clone()])).map(|h| (k, h)))
    {
        am.sponsors = sponsors;
        am.target = target;
        am.symbol = lines
            .iter()
            .filter(|l| !l.is_blank())
            .take(5)
            .map(|l| l.text.trim().to_string())
            .find(|t| lines::is_symbol(t))
            .unwrap_or_default();
        body_from = bl.get(k + 1).map_or(lines.len(), |b| b.start);
        // The title: the blocks before the first instruction.
        let mut title = Vec::new();
        for b in &bl[k + 1..] {
            let first = &lines[b.start].text;
            if lines_numbered(first).is_some() || opens_instruction(first) {
                break;
            }
            title.push(join(&lines[b.clone()]));
            body_from = b.end;
        }
        am.title = title.join(" ");
    }
    let body = &lines[body_from..];
    let mut errors = Vec::new();
    for (number, line, chunk) in split_instructions(body) {
        match parse_instruction(number, &chunk, &am.footnotes) {
            Ok(ins) => am.instructions.push(ins),
            Err(message) => errors.push(ParseError {
                instruction: number,
                line,
                message,
            }),
        }
    }
    if am.instructions.is_empty() && errors.is_empty() {
        errors.push(ParseError {
            instruction: 0,
            line: body.first().map_or(1, |l| l.no),
            message: "no amendment instructions found (expected “1. In operative paragraph 1, \
                      replace “…” with “…”.” and the like)"
                .into(),
        });
    }
    if errors.is_empty() {
        Ok(am)
    } else {
        Err(errors)
    }
}

/// Parses instructions alone (no document header), e.g. typed by hand.
pub fn parse_instructions(text: &str) -> Result<Vec<Instruction>, Vec<ParseError>> {
    parse_document(text).map(|a| a.instructions)
}

fn lines_numbered(s: &str) -> Option<(u32, &str)> {
    crate::import::body::numbered(s)
}

/// The instructions of the body: (number, first line, lines). Numbers must run 1, 2, 3 …;
/// a body without "1." is one instruction.
fn split_instructions(body: &[Line]) -> Vec<(u32, usize, Vec<Line>)> {
    let mut out: Vec<(u32, usize, Vec<Line>)> = Vec::new();
    let mut expect = 1;
    let numbered = body
        .iter()
        .any(|l| lines_numbered(&l.text).is_some_and(|(n, _)| n == 1));
    for l in body {
        if numbered
            && let Some((n, rest)) = lines_numbered(&l.text)
            && n == expect
        {
            expect += 1;
            let mut first = l.clone();
            first.text = rest.to_string();
            let mut v = Vec::new();
            if !first.text.is_empty() {
                v.push(first);
            }
            out.push((n, l.no, v));
            continue;
        }
        match out.last_mut() {
            Some((_, _, v)) => v.push(l.clone()),
            None if !l.is_blank() => out.push((1, l.no, vec![l.clone()])),
            None => {}
        }
    }
    out
}

/// Parses one instruction's lines.
fn parse_instruction(
    number: u32,
    chunk: &[Line],
    footnotes: &[(String, String)],
) -> Result<Instruction, String> {
    let bl = blocks(chunk);
    let Some(first) = bl.first() else {
        return Err("the instruction is empty".into());
    };
    // The sentence runs to the block that ends with ":" (a reading follows) or to the end.
    let mut sentence_end = bl.len();
    for (k, b) in bl.iter().enumerate() {
        if join(&chunk[b.clone()]).trim_end().ends_with(':') {
            sentence_end = k + 1;
            break;
        }
    }
    let sentence: Vec<String> = bl[..sentence_end]
        .iter()
        .map(|b| join(&chunk[b.clone()]))
        .collect();
    let sentence = sentence.join(" ");
    let reading: Vec<String> = bl[sentence_end..]
        .iter()
        .map(|b| join(&chunk[b.clone()]))
        .collect();
    let _ = first;
    let wording = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
    let ops = sentence::parse_sentence(&wording, &reading, footnotes)?;
    Ok(Instruction {
        number,
        ops,
        wording: if reading.is_empty() {
            wording
        } else {
            format!("{wording} …")
        },
    })
}
