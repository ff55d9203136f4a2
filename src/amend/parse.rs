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
#[error("{}", place(*.instruction, *.line, .message))]
pub struct ParseError {
    /// The instruction's number (0 for the document as a whole).
    pub instruction: u32,
    /// 1-based line of the input where the instruction starts.
    pub line: usize,
    pub message: String,
}

/// "instruction 2, line 14: …"; without the line in a document (0).
fn place(instruction: u32, line: usize, message: &str) -> String {
    match (instruction, line) {
        (0, 0) => message.to_string(),
        (0, l) => format!("line {l}: {message}"),
        (n, 0) => format!("instruction {n}: {message}"),
        (n, l) => format!("instruction {n}, line {l}: {message}"),
    }
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

/// The header line of an amendment document: sponsors, the symbol of the amended draft and
/// the stage as printed ("amendment to draft resolution 4 recommended by … A/80/555").
fn header_line(text: &str) -> Option<(Vec<String>, String, String)> {
    // The pattern needs a colon and the word "amendment" (no letter of which has another
    // case outside ASCII): two scans rule out the lines of most texts, and the pattern is
    // built only for a text that may hold the header.
    if !text.contains(':')
        || !text
            .as_bytes()
            .windows(9)
            .any(|w| w.eq_ignore_ascii_case(b"amendment"))
    {
        return None;
    }
    static RE: OnceLock<Regex> = OnceLock::new();
    let r = re(
        &RE,
        r"(?i)^(?P<sponsors>.+?):\s*\**\s*(?P<stage>(?:proposed\s+)?amendments?\s+to\s+(?P<what>.+))$",
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
    let stage = c["stage"].split_whitespace().collect::<Vec<_>>().join(" ");
    Some((sponsors, target, stage))
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
/// new footnotes and the sponsors' note ("Any changes to the list of sponsors …"), which is
/// not one.
fn lift_footnotes(lines: &mut [Line]) -> (Vec<(String, String)>, Option<String>) {
    let mut notes = Vec::new();
    let mut sponsors_note = None;
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
            if text.to_lowercase().contains("list of sponsors") {
                sponsors_note.get_or_insert(text);
            } else {
                notes.push((mark.to_string(), text));
            }
            i = j;
            continue;
        }
        i += 1;
    }
    (notes, sponsors_note)
}

/// One instruction as printed, before its wording is understood: its number, first line,
/// the sentence (joined on one line) and the blocks of new text that follow its “:”.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Printed {
    pub number: u32,
    pub line: usize,
    pub sentence: String,
    pub reading: Vec<String>,
}

/// An amendment document as printed: its header line, title, footnotes and instructions,
/// none of them understood yet ([`Layout::parse`] reads the instructions' wording).
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// The normalised lines, footnote blocks cleared.
    pub lines: Vec<Line>,
    /// The index of the line where the title (after the header line) starts.
    pub title_from: usize,
    /// The index of the line where the instructions start.
    pub body_from: usize,
    pub symbol: String,
    pub target: String,
    /// The stage as printed after the sponsors ("amendment to draft resolution A/80/L.25").
    pub stage: String,
    pub sponsors: Vec<String>,
    pub title: String,
    /// The sponsors' note, without its mark.
    pub sponsors_note: Option<String>,
    /// New footnotes introduced by the instructions: the mark (`*`, `**`) and the text.
    pub footnotes: Vec<(String, String)>,
    pub instructions: Vec<Printed>,
}

/// Reads the layout of an amendment document or a file of instructions from its
/// normalised lines ([`lines::normalise`]).
pub fn layout(mut lines: Vec<Line>) -> Layout {
    let (footnotes, sponsors_note) = lift_footnotes(&mut lines);
    let mut out = Layout {
        footnotes,
        sponsors_note,
        ..Layout::default()
    };
    let bl = blocks(&lines);
    let mut body_from = 0;
    if let Some((k, (sponsors, target, stage))) = bl
        .iter()
        .enumerate()
        .take(30)
        .find_map(|(k, b)| header_line(&join(&lines[b.clone()])).map(|h| (k, h)))
    {
        out.sponsors = sponsors;
        out.target = target;
        out.stage = stage;
        out.symbol = lines
            .iter()
            .filter(|l| !l.is_blank())
            .take(5)
            .map(|l| l.text.trim().to_string())
            .find(|t| lines::is_symbol(t))
            .unwrap_or_default();
        body_from = bl.get(k + 1).map_or(lines.len(), |b| b.start);
        out.title_from = body_from;
        // The title: the blocks before the first instruction.
        let mut title = Vec::new();
        for b in &bl[k + 1..] {
            let first = &lines[b.start].text;
            if lines_numbered(first).is_some() || opens_instruction(first) {
                break;
            }
            let text = join(&lines[b.clone()]);
            body_from = b.end;
            // The sponsors' note printed under the header line (as the text export puts it).
            if text.to_lowercase().contains("list of sponsors") {
                out.sponsors_note.get_or_insert(text);
                continue;
            }
            title.push(text);
        }
        out.title = title.join(" ");
    }
    out.instructions = split_instructions(&lines[body_from..])
        .into_iter()
        .map(|(number, line, chunk)| printed(number, line, &chunk))
        .collect();
    out.body_from = body_from;
    out.lines = lines;
    out
}

/// The target a stage names ("amendment to draft resolution A/80/L.25": "A/80/L.25").
pub fn target_of(stage: &str) -> Option<String> {
    header_line(&format!("-: {stage}")).map(|(_, target, _)| target)
}

impl Layout {
    /// Reads the wording of every instruction into an [`Amendment`].
    pub fn parse(&self) -> Result<Amendment, Vec<ParseError>> {
        let mut am = Amendment {
            symbol: self.symbol.clone(),
            target: self.target.clone(),
            sponsors: self.sponsors.clone(),
            title: self.title.clone(),
            footnotes: self.footnotes.clone(),
            ..Amendment::default()
        };
        let mut errors = Vec::new();
        for p in &self.instructions {
            match parse_printed(p, &am.footnotes) {
                Ok(ins) => am.instructions.push(ins),
                Err(message) => errors.push(ParseError {
                    instruction: p.number,
                    line: p.line,
                    message,
                }),
            }
        }
        if am.instructions.is_empty() && errors.is_empty() {
            errors.push(ParseError {
                instruction: 0,
                line: self.lines.get(self.body_from).map_or(1, |l| l.no),
                message: "no amendment instructions found (expected “1. In operative paragraph \
                          1, replace “…” with “…”.” and the like)"
                    .into(),
            });
        }
        if errors.is_empty() {
            Ok(am)
        } else {
            Err(errors)
        }
    }
}

/// Parses an amendment document or a file of instructions.
pub fn parse_document(text: &str) -> Result<Amendment, Vec<ParseError>> {
    layout(lines::normalise(text)).parse()
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

/// One instruction's lines as printed: the sentence runs to the block that ends with ":" (a
/// reading follows) or to the end.
fn printed(number: u32, line: usize, chunk: &[Line]) -> Printed {
    let bl = blocks(chunk);
    let sentence_end = bl
        .iter()
        .position(|b| join(&chunk[b.clone()]).trim_end().ends_with(':'))
        .map_or(bl.len(), |k| k + 1);
    let text = |b: &std::ops::Range<usize>| join(&chunk[b.clone()]);
    let sentence: Vec<String> = bl[..sentence_end].iter().map(text).collect();
    Printed {
        number,
        line,
        sentence: sentence
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        reading: bl[sentence_end..].iter().map(text).collect(),
    }
}

/// Reads the wording of one instruction.
pub(crate) fn parse_printed(
    p: &Printed,
    footnotes: &[(String, String)],
) -> Result<Instruction, String> {
    if p.sentence.is_empty() {
        return Err("the instruction is empty".into());
    }
    let ops = sentence::parse_sentence(&p.sentence, &p.reading, footnotes)?;
    Ok(Instruction {
        number: p.number,
        ops,
        wording: if p.reading.is_empty() {
            p.sentence.clone()
        } else {
            format!("{} …", p.sentence)
        },
    })
}
