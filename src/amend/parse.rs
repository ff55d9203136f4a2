//! Reading an amendment document (the text extracted from its PDF, or a plain file of
//! instructions as `diff --format amendments` writes it) into an [`Amendment`]: the header
//! line ("United States of America:* amendment to draft resolution A/80/L.25"), the
//! numbered instructions, each parsed into [`Op`]s on places of the draft as issued, the new
//! paragraphs they insert, and the footnotes they add (`**` marks defined at the page foot).
//!
//! Page furniture is removed by the importer's line normaliser. Parsing never panics; an
//! instruction whose wording is not understood is a [`ParseError`] with its number and line.

use super::{Amendment, Instruction, Op, ParaRef, PartRef, Position, Scope, TextOp, ordinal};
use crate::import::lines::{self, Line};
use crate::model::{ListStyle, Paragraph};
use crate::phrases;
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

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
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
    let lines = lines::normalise(text);
    blocks(&lines)
        .iter()
        .take(30)
        .any(|b| header_line(&join(&lines[b.clone()])).is_some())
}

/// Runs of non-blank lines.
fn blocks(lines: &[Line]) -> Vec<std::ops::Range<usize>> {
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

/// A sentence cut into plain text with each quotation replaced by `«n»`, and the quotations.
fn skeleton(s: &str) -> Result<(String, Vec<String>), String> {
    let typographic = s.contains('“');
    let mut sk = String::new();
    let mut quotes = Vec::new();
    let mut depth = 0;
    let mut cur = String::new();
    for c in s.chars() {
        let (open, close) = if typographic {
            (c == '“', c == '”')
        } else {
            (c == '"' && depth == 0, c == '"' && depth > 0)
        };
        if open {
            if depth > 0 {
                cur.push(c);
            }
            depth += 1;
        } else if close && depth > 0 {
            depth -= 1;
            if depth == 0 {
                sk.push_str(&format!("«{}»", quotes.len()));
                quotes.push(std::mem::take(&mut cur));
            } else {
                cur.push(c);
            }
        } else if depth > 0 {
            cur.push(c);
        } else {
            sk.push(c);
        }
    }
    if depth > 0 {
        return Err("a quotation is not closed (“ without ”)".into());
    }
    let sk = sk.split_whitespace().collect::<Vec<_>>().join(" ");
    Ok((sk, quotes))
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
    let ops = parse_sentence(&wording, &reading, footnotes)?;
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

/// The clause words that open a change of words.
const CLAUSE_WORDS: &[&str] = &[
    "delete ", "replace ", "insert ", "add ", "after ", "before ",
];

/// Splits "replace «0» with «1», delete «2» and insert «3» after «4»" into clauses.
fn split_clauses(s: &str) -> Vec<String> {
    let lower = s.to_lowercase();
    let mut cuts = vec![0];
    for (i, _) in lower.char_indices() {
        if i == 0 {
            continue;
        }
        let rest = &lower[i..];
        if !CLAUSE_WORDS.iter().any(|w| rest.starts_with(w)) {
            continue;
        }
        let before = &lower[..i];
        let sep = [", and ", "; and ", ", ", "; ", " and "]
            .iter()
            .find(|p| before.ends_with(*p));
        let last = *cuts.last().unwrap_or(&0);
        let segment = lower[last..i].trim().trim_end_matches(',');
        let anchor_only = (segment.starts_with("after «") || segment.starts_with("before «"))
            && segment.ends_with('»')
            && segment.matches('«').count() == 1;
        if let Some(sep) = sep
            && !anchor_only
            && before[..before.len() - sep.len()].ends_with('»')
        {
            cuts.push(i);
        }
    }
    cuts.push(s.len());
    cuts.windows(2)
        .map(|w| {
            s[w[0]..w[1]]
                .trim()
                .trim_end_matches(" and")
                .trim_end_matches([',', ';'])
                .trim()
                .to_string()
        })
        .collect()
}

fn quote_at(quotes: &[String], s: &str) -> Result<String, String> {
    let n: usize = s.parse().map_err(|_| "bad quotation".to_string())?;
    quotes
        .get(n)
        .map(|q| q.split_whitespace().collect::<Vec<_>>().join(" "))
        .ok_or_else(|| "bad quotation".to_string())
}

/// One change of words: "delete «0»", "replace «0» with «1»", "insert «0» after «1»" …
fn clause(s: &str, quotes: &[String]) -> Result<TextOp, String> {
    static DEL: OnceLock<Regex> = OnceLock::new();
    static REP: OnceLock<Regex> = OnceLock::new();
    static INS_AFTER: OnceLock<Regex> = OnceLock::new();
    static AFTER_INS: OnceLock<Regex> = OnceLock::new();
    static INS_BEFORE: OnceLock<Regex> = OnceLock::new();
    static BEFORE_INS: OnceLock<Regex> = OnceLock::new();
    let q = |c: &regex::Captures, i: usize| quote_at(quotes, &c[i]);
    if let Some(c) = re(&DEL, r"(?i)^delete «(\d+)»$").captures(s) {
        return Ok(TextOp::Delete(q(&c, 1)?));
    }
    if let Some(c) = re(&REP, r"(?i)^replace «(\d+)» (?:with|by) «(\d+)»$").captures(s) {
        return Ok(TextOp::Replace {
            old: q(&c, 1)?,
            new: q(&c, 2)?,
        });
    }
    if let Some(c) = re(&INS_AFTER, r"(?i)^(?:insert|add) «(\d+)» after «(\d+)»$").captures(s) {
        return Ok(TextOp::InsertAfter {
            anchor: q(&c, 2)?,
            text: q(&c, 1)?,
        });
    }
    if let Some(c) = re(&AFTER_INS, r"(?i)^after «(\d+)»,? (?:insert|add) «(\d+)»$").captures(s)
    {
        return Ok(TextOp::InsertAfter {
            anchor: q(&c, 1)?,
            text: q(&c, 2)?,
        });
    }
    if let Some(c) = re(&INS_BEFORE, r"(?i)^(?:insert|add) «(\d+)» before «(\d+)»$").captures(s)
    {
        return Ok(TextOp::InsertBefore {
            anchor: q(&c, 2)?,
            text: q(&c, 1)?,
        });
    }
    if let Some(c) = re(
        &BEFORE_INS,
        r"(?i)^before «(\d+)»,? (?:insert|add) «(\d+)»$",
    )
    .captures(s)
    {
        return Ok(TextOp::InsertBefore {
            anchor: q(&c, 1)?,
            text: q(&c, 2)?,
        });
    }
    Err(format!("cannot read the change “{}”", restore(s, quotes)))
}

/// The skeleton with its quotations put back, for messages.
fn restore(s: &str, quotes: &[String]) -> String {
    static Q: OnceLock<Regex> = OnceLock::new();
    re(&Q, r"«(\d+)»")
        .replace_all(s, |c: &regex::Captures| {
            let n: usize = c[1].parse().unwrap_or(usize::MAX);
            format!("“{}”", quotes.get(n).map_or("", String::as_str))
        })
        .into_owned()
}

/// Parses the sentence of an instruction (and the reading that follows it).
fn parse_sentence(
    sentence: &str,
    reading: &[String],
    footnotes: &[(String, String)],
) -> Result<Vec<Op>, String> {
    let _ = footnotes;
    let (sk, quotes) = skeleton(sentence)?;
    let sk = sk.trim().trim_end_matches('.').trim().to_string();
    static IN: OnceLock<Regex> = OnceLock::new();
    static WIDE: OnceLock<Regex> = OnceLock::new();
    static INSERT: OnceLock<Regex> = OnceLock::new();
    static REPLACE: OnceLock<Regex> = OnceLock::new();
    static MOVE: OnceLock<Regex> = OnceLock::new();
    static DELETE: OnceLock<Regex> = OnceLock::new();
    let needs_reading = |ops: Vec<Op>| -> Result<Vec<Op>, String> {
        if reading.is_empty() {
            Ok(ops)
        } else {
            Err("text follows an instruction that inserts no paragraph".into())
        }
    };
    // "In the second preambular paragraph, delete «0»."
    if let Some(c) = re(
        &IN,
        r"(?i)^in (?P<places>[^«»]+?),? (?P<clauses>(?:delete|replace|insert|add|after|before) .+)$",
    )
    .captures(&sk)
    {
        let scopes = places(&c["places"])?.into_iter().map(to_scope).collect();
        let scopes: Vec<Scope> = scopes;
        let mut ops = Vec::new();
        for cl in split_clauses(&c["clauses"]) {
            ops.push(Op::Text {
                scopes: scopes.clone(),
                op: clause(&cl, &quotes)?,
            });
        }
        return needs_reading(ops);
    }
    // "Replace «0» with «1» in the title, the preambular paragraphs and …"
    if let Some(c) = re(
        &WIDE,
        r"(?i)^(?P<clause>(?:replace «\d+» (?:with|by) «\d+»|delete «\d+»|(?:insert|add) «\d+» (?:after|before) «\d+»)) (?:in|from|throughout) (?P<places>[^«»]+)$",
    )
    .captures(&sk)
    {
        let p = &c["places"];
        let scopes: Vec<Scope> = if p.trim().eq_ignore_ascii_case("the text")
            || p.trim().eq_ignore_ascii_case("the draft resolution")
        {
            vec![Scope::Title, Scope::Preamble, Scope::Operative]
        } else {
            places(p)?.into_iter().map(to_scope).collect()
        };
        return needs_reading(vec![Op::Text {
            scopes,
            op: clause(&c["clause"], &quotes)?,
        }]);
    }
    // "After the fifth preambular paragraph, insert a new preambular paragraph reading:"
    if let Some(c) = re(
        &INSERT,
        r"(?i)^(?P<rel>after|before|at the end of) (?P<place>[^«»]+?),? (?:insert|add) (?:the following|(?:(?P<count>[a-z]+|\d+) )?(?:new|additional))(?: (?P<kind>preambular|operative))? (?:paragraphs?|sub-?paragraphs?)(?: (?:reading|as follows|to read|which reads))?:?$",
    )
    .captures(&sk)
    {
        let (part, parent, at) = insert_position(&c["rel"], &c["place"])?;
        let paragraphs = read_paragraphs(reading, part, parent)?;
        if let Some(count) = c.name("count").map(|m| m.as_str())
            && let Some(n) = cardinal(count)
            && n != paragraphs.len()
        {
            return Err(format!(
                "the instruction inserts {count} paragraphs but {} follow",
                paragraphs.len()
            ));
        }
        return Ok(vec![Op::Insert { at, paragraphs }]);
    }
    // "Replace operative paragraph 7 with the following:" / "Amend … to read:"
    if let Some(c) = re(
        &REPLACE,
        r"(?i)^(?:replace (?P<a>[^«»]+?) (?:with|by) the following(?: text| paragraphs?)?|amend (?P<b>[^«»]+?) to read(?: as follows)?):?$",
    )
    .captures(&sk)
    {
        let place = c.name("a").or(c.name("b")).map_or("", |m| m.as_str());
        let target = one_paragraph(place)?;
        let paragraphs = read_paragraphs(reading, target.part, target.is_sub())?;
        return Ok(vec![Op::Replace { target, paragraphs }]);
    }
    // "Move operative paragraph 9 to follow operative paragraph 2."
    if let Some(c) = re(
        &MOVE,
        r"(?i)^move (?P<place>[^«»]+?) to (?P<rel>follow|precede|(?:come |be placed )?(?:after|before)) (?P<to>[^«»]+)$",
    )
    .captures(&sk)
    {
        let target = one_paragraph(&c["place"])?;
        let to = one_paragraph(&c["to"])?;
        let rel = c["rel"].to_lowercase();
        let to = if rel.contains("follow") || rel.contains("after") {
            Position::After(to)
        } else {
            Position::Before(to)
        };
        return needs_reading(vec![Op::Move { target, to }]);
    }
    // "Delete the sixteenth preambular paragraph and operative paragraphs 5 and 6."
    if let Some(c) = re(&DELETE, r"(?i)^delete (?P<places>[^«»]+)$").captures(&sk) {
        let refs = places(&c["places"])?
            .into_iter()
            .map(|p| match p {
                Place::Para(r) => Ok(r),
                other => Err(format!("cannot delete {other:?} as a whole")),
            })
            .collect::<Result<Vec<_>, _>>()?;
        return needs_reading(vec![Op::Delete(refs)]);
    }
    Err(format!(
        "cannot read the instruction “{}”",
        restore(&sk, &quotes)
    ))
}

fn to_scope(p: Place) -> Scope {
    match p {
        Place::Para(r) => Scope::Paragraph(r),
        Place::Title => Scope::Title,
        Place::Footnote(n) => Scope::Footnote(n),
        Place::Preamble => Scope::Preamble,
        Place::Operative => Scope::Operative,
    }
}

/// A number written as a word ("two") or digits.
fn cardinal(s: &str) -> Option<usize> {
    const WORDS: [&str; 21] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    let l = s.to_lowercase();
    if l == "a" || l == "an" {
        return Some(1);
    }
    WORDS
        .iter()
        .position(|w| *w == l)
        .or_else(|| l.parse().ok())
}

/// Where an insertion goes: its part, whether it inserts sub-paragraphs, the position.
fn insert_position(rel: &str, place: &str) -> Result<(PartRef, bool, Position), String> {
    let rel = rel.to_lowercase();
    let p = place.trim().to_lowercase();
    if rel == "at the end of" {
        match p.as_str() {
            "the preamble" | "the preambular paragraphs" => {
                return Ok((
                    PartRef::Preamble,
                    false,
                    Position::EndOf(PartRef::Preamble, None),
                ));
            }
            "the operative part" | "the operative paragraphs" => {
                return Ok((
                    PartRef::Operative,
                    false,
                    Position::EndOf(PartRef::Operative, None),
                ));
            }
            _ => {
                let r = one_paragraph(place)?;
                return Ok((r.part, true, Position::EndOf(r.part, Some(r))));
            }
        }
    }
    let r = one_paragraph(place)?;
    let sub = r.is_sub();
    let at = if rel == "after" {
        Position::After(r.clone())
    } else {
        Position::Before(r.clone())
    };
    Ok((r.part, sub, at))
}

/// A place named in an instruction.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Place {
    Para(ParaRef),
    Title,
    Footnote(u32),
    Preamble,
    Operative,
}

fn one_paragraph(s: &str) -> Result<ParaRef, String> {
    match places(s)?.as_slice() {
        [Place::Para(r)] => Ok(r.clone()),
        _ => Err(format!("“{s}” does not name one paragraph")),
    }
}

/// The index (1-based) of a sub-paragraph label at a depth ("b" → 2, "ii" → 2, "3" → 3).
fn label_index(label: &str, depth: usize) -> Option<usize> {
    if let Ok(n) = label.parse::<usize>() {
        return Some(n);
    }
    let roman_first = depth.is_multiple_of(2);
    let alpha = || {
        let c = label.chars().next()?;
        (label.chars().all(|x| x == c) && c.is_ascii_lowercase())
            .then(|| (label.len() - 1) * 26 + (c as u8 - b'a') as usize + 1)
    };
    let roman = || (1..=200).find(|n| crate::numbering::roman(*n) == label);
    if roman_first {
        roman().or_else(alpha)
    } else {
        alpha().or_else(roman)
    }
}

/// Parses a list of places: "the sixteenth, twentieth and twenty-third preambular
/// paragraphs", "operative paragraphs 5, 6 (b) and 13", "the title, the preambular
/// paragraphs and the operative paragraphs", "footnote 3", "subparagraph (b) of operative
/// paragraph 9".
fn places(s: &str) -> Result<Vec<Place>, String> {
    static TOKEN: OnceLock<Regex> = OnceLock::new();
    let tok = re(
        &TOKEN,
        r"\(([a-z]+|\d+)\)|\d+|[A-Za-z][A-Za-z\-\u{2011}\u{2010}]*|,|;",
    );
    let tokens: Vec<String> = tok
        .find_iter(s)
        .map(|m| m.as_str().to_lowercase())
        .collect();
    let mut out: Vec<Place> = Vec::new();
    let mut ordinals: Vec<usize> = Vec::new();
    let mut labels_pending: Vec<Vec<usize>> = Vec::new();
    // The noun numbers attach to after "operative paragraph(s)" / "preambular paragraph(s)"
    // / "footnote(s)".
    #[derive(Clone, Copy, PartialEq)]
    enum Mode {
        None,
        Op,
        Pp,
        Fn,
    }
    let mut mode = Mode::None;
    let mut k = 0;
    let err = |t: &str| format!("cannot read the place “{s}” (at “{t}”)");
    while k < tokens.len() {
        let t = tokens[k].as_str();
        let next = tokens.get(k + 1).map(String::as_str);
        match t {
            "the" | "and" | "," | ";" | "of" | "in" => {
                if t == "of" && !labels_pending.is_empty() {
                    mode = Mode::None;
                }
            }
            "title" => out.push(Place::Title),
            "preamble" => out.push(Place::Preamble),
            "part" if mode == Mode::None => {}
            "operative" | "preambular" if next.is_some_and(|n| n.starts_with("paragraph")) => {
                let plural = next == Some("paragraphs");
                let numbered = tokens
                    .get(k + 2)
                    .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()));
                k += 1;
                if t == "preambular" && !ordinals.is_empty() {
                    for n in ordinals.drain(..) {
                        out.push(Place::Para(ParaRef::new(PartRef::Preamble, vec![n])));
                    }
                    mode = Mode::Pp;
                } else if numbered {
                    mode = if t == "operative" { Mode::Op } else { Mode::Pp };
                } else if plural || !labels_pending.is_empty() {
                    out.push(if t == "operative" {
                        Place::Operative
                    } else {
                        Place::Preamble
                    });
                } else {
                    return Err(err(t));
                }
            }
            "operative" if next == Some("part") => {
                out.push(Place::Operative);
                k += 1;
            }
            "footnote" | "footnotes" => mode = Mode::Fn,
            "subparagraph" | "subparagraphs" | "sub-paragraph" | "sub-paragraphs" => {}
            _ if t.starts_with('(') => {
                let label = t.trim_matches(['(', ')']);
                match out.last_mut() {
                    Some(Place::Para(r)) if labels_pending.is_empty() && mode != Mode::None => {
                        let idx = label_index(label, r.path.len()).ok_or_else(|| err(t))?;
                        r.path.push(idx);
                    }
                    _ => {
                        let idx = label_index(label, 1).ok_or_else(|| err(t))?;
                        labels_pending.push(vec![idx]);
                    }
                }
            }
            _ if t.chars().all(|c| c.is_ascii_digit()) => {
                let n: usize = t.parse().map_err(|_| err(t))?;
                let part = match mode {
                    Mode::Op => PartRef::Operative,
                    Mode::Pp => PartRef::Preamble,
                    Mode::Fn => {
                        out.push(Place::Footnote(n as u32));
                        k += 1;
                        continue;
                    }
                    Mode::None => return Err(err(t)),
                };
                if !labels_pending.is_empty() {
                    for l in labels_pending.drain(..) {
                        let mut path = vec![n];
                        path.extend(l);
                        out.push(Place::Para(ParaRef::new(part, path)));
                    }
                } else {
                    out.push(Place::Para(ParaRef::new(part, vec![n])));
                }
            }
            _ => match ordinal::parse(t) {
                Some(n) => ordinals.push(n),
                None => return Err(err(t)),
            },
        }
        k += 1;
    }
    if !ordinals.is_empty() || !labels_pending.is_empty() || out.is_empty() {
        return Err(format!("cannot read the place “{s}”"));
    }
    Ok(out)
}

/// Reads the paragraphs that follow "… reading:": one a block, sub-paragraphs by their
/// labels "(a)", "(i)"; the opening phrase split off with the shipped phrase lists. The
/// texts are kept as written (plain text, footnote marks included).
fn read_paragraphs(reading: &[String], part: PartRef, sub: bool) -> Result<Vec<Paragraph>, String> {
    if reading.is_empty() {
        return Err("the new text is missing after “:”".into());
    }
    // Blocks cut by a page break (the sentence goes on in lower case) are joined again.
    let mut blocks: Vec<String> = Vec::new();
    for b in reading {
        let b = b.trim();
        if let Some(last) = blocks.last_mut()
            && !crate::import::body::ends_with_punctuation(last)
            && b.chars().next().is_some_and(char::is_lowercase)
            && crate::import::body::lettered(b).is_none()
        {
            last.push(' ');
            last.push_str(b);
            continue;
        }
        blocks.push(b.to_string());
    }
    // Quotation marks around the whole new text.
    if let (Some(f), Some(l)) = (blocks.first(), blocks.last())
        && f.starts_with('“')
        && l.trim_end_matches('.').ends_with('”')
    {
        let n = blocks.len();
        blocks[0] = blocks[0]['“'.len_utf8()..].to_string();
        let last = blocks[n - 1].trim_end_matches('.').to_string();
        blocks[n - 1] = last[..last.len() - '”'.len_utf8()].to_string();
    }
    let list = match part {
        PartRef::Preamble => phrases::preambular(),
        PartRef::Operative => phrases::operative(),
    };
    let mut out: Vec<Paragraph> = Vec::new();
    for b in blocks {
        let labelled = sub_label(&b).filter(|_| !out.is_empty() || sub);
        match labelled {
            Some((label, rest)) if !out.is_empty() => {
                let is_num = label.chars().all(|c| c.is_ascii_digit());
                place_sub(
                    &mut out,
                    &label,
                    is_num,
                    Paragraph::new(Default::default(), "", rest),
                );
            }
            Some((_, rest)) => out.push(Paragraph::new(Default::default(), "", rest)),
            None if sub => out.push(Paragraph::new(Default::default(), "", b)),
            None => {
                let (lead, text) = crate::import::resolution::split_lead(&b, list, true);
                out.push(Paragraph::new(Default::default(), lead, text));
            }
        }
    }
    Ok(out)
}

/// The label of a sub-paragraph block: "(b) …", "(ii) …", "(3) …".
fn sub_label(b: &str) -> Option<(String, String)> {
    static LABEL: OnceLock<Regex> = OnceLock::new();
    let c = re(&LABEL, r"^\(([a-z]{1,6}|\d{1,3})\)(?:\s+|$)").captures(b)?;
    let label = c[1].to_string();
    if !label.chars().all(|ch| ch.is_ascii_digit()) && crate::import::body::lettered(b).is_none() {
        return None;
    }
    Some((label, b[c[0].len()..].to_string()))
}

/// Puts a labelled sub-paragraph under the last paragraph: the next label of the last
/// sub-paragraph list it continues, else one level down.
fn place_sub(out: &mut [Paragraph], label: &str, numeric: bool, p: Paragraph) {
    let Some(top) = out.last_mut() else { return };
    // Walk down the last-child chain and find the deepest list this label continues.
    fn continues(parent: &Paragraph, depth: usize, label: &str) -> bool {
        let next = parent.subparagraphs.len();
        let style = parent.list_style;
        crate::numbering::sub_label(depth, next, style) == label
    }
    let mut depth_paths: Vec<Vec<usize>> = vec![vec![]];
    {
        let mut node: &Paragraph = top;
        let mut path = vec![];
        while let Some(last) = node.subparagraphs.len().checked_sub(1) {
            path.push(last);
            depth_paths.push(path.clone());
            node = &node.subparagraphs[last];
        }
    }
    fn at<'a>(p: &'a mut Paragraph, path: &[usize]) -> &'a mut Paragraph {
        match path.split_first() {
            None => p,
            Some((i, rest)) => at(&mut p.subparagraphs[*i], rest),
        }
    }
    // Shallowest first: a label continuing a list at that depth goes there ("(i)" after
    // "(h)" is the next letter, after "(a)" the first roman numeral).
    for path in depth_paths.iter() {
        let node = at(top, path);
        if continues(node, path.len() + 1, label) {
            node.subparagraphs.push(p);
            return;
        }
    }
    // A first label ("(a)", "(i)", "1."): one level below the deepest.
    let deepest = depth_paths.last().cloned().unwrap_or_default();
    let node = at(top, &deepest);
    if numeric {
        node.list_style = ListStyle::Numeric;
    }
    node.subparagraphs.push(p);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pp(n: usize) -> ParaRef {
        ParaRef::new(PartRef::Preamble, vec![n])
    }
    fn op(path: &[usize]) -> ParaRef {
        ParaRef::new(PartRef::Operative, path.to_vec())
    }

    #[test]
    fn places_in_un_wording() {
        assert_eq!(
            places("the sixteenth, twentieth and twenty-third preambular paragraphs").unwrap(),
            vec![
                Place::Para(pp(16)),
                Place::Para(pp(20)),
                Place::Para(pp(23))
            ]
        );
        assert_eq!(
            places("the twenty-first preambular paragraph and operative paragraphs 35, 38 and 39")
                .unwrap(),
            vec![
                Place::Para(pp(21)),
                Place::Para(op(&[35])),
                Place::Para(op(&[38])),
                Place::Para(op(&[39]))
            ]
        );
        assert_eq!(
            places("operative paragraph 9 (b) (ii)").unwrap(),
            vec![Place::Para(op(&[9, 2, 2]))]
        );
        assert_eq!(
            places("the title, the preambular paragraphs and the operative paragraphs").unwrap(),
            vec![Place::Title, Place::Preamble, Place::Operative]
        );
        assert_eq!(places("footnote 3").unwrap(), vec![Place::Footnote(3)]);
        assert_eq!(
            places("subparagraph (c) of operative paragraph 4").unwrap(),
            vec![Place::Para(op(&[4, 3]))]
        );
        assert!(places("the umpteenth preambular paragraph").is_err());
    }

    #[test]
    fn sentences() {
        let ops = parse_sentence(
            "In operative paragraphs 27 and 43, delete “sexual and reproductive”.",
            &[],
            &[],
        )
        .unwrap();
        assert_eq!(
            ops,
            vec![Op::Text {
                scopes: vec![Scope::Paragraph(op(&[27])), Scope::Paragraph(op(&[43]))],
                op: TextOp::Delete("sexual and reproductive".into())
            }]
        );
        let ops = parse_sentence(
            "In operative paragraph 8, after “Remembrance Day”, insert “, including in 2026,”.",
            &[],
            &[],
        )
        .unwrap();
        assert_eq!(
            ops,
            vec![Op::Text {
                scopes: vec![Scope::Paragraph(op(&[8]))],
                op: TextOp::InsertAfter {
                    anchor: "Remembrance Day".into(),
                    text: ", including in 2026,".into()
                }
            }]
        );
        let ops = parse_sentence(
            "In operative paragraph 2, replace “a” with “b”, delete “c” and insert “d” after “e”.",
            &[],
            &[],
        )
        .unwrap();
        assert_eq!(ops.len(), 3);
        assert!(parse_sentence("Paint operative paragraph 2 blue.", &[], &[]).is_err());
    }
}
