//! Footnotes: taking footnote blocks out of the lines ([`extract`]: `¹ text` anywhere, and
//! after a `____` separator to the foot of the page `1  text`, its continuation lines (also
//! those that open with a number, `18 – 22 March 2002 …`) and the `*`/`**` notes on
//! sponsors), finding the plain-digit markers PDF extraction leaves in the text ([`mark`]:
//! glued `Rights,2`, `Child4`, `2024/25;4`; spaced `people, 1 and`, `Notes; 3`), deciding
//! which digits are markers by the footnotes printed at the foot of the same page, as a
//! reader does; and linking the markers to model footnotes with `[^fN]` ([`link`]).

use super::Warning;
use super::lines::{Line, push_wrapped};
use crate::model::{Document, Footnote, Id, Paragraph};
use std::collections::HashMap;

/// A footnote as read from the text, before it is linked to its marker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FootnoteDef {
    /// The printed number; `None` for a `*` note.
    pub number: Option<u32>,
    pub text: String,
    pub line: usize,
    /// The id of the paragraph being read when the footnote appeared.
    pub near: Option<Id>,
    /// Whether the number was printed in plain digits (a PDF extraction).
    pub plain: bool,
    /// The page whose foot prints the footnote.
    pub page: u32,
}

pub const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/// The digit value of a superscript digit.
pub fn superscript_value(c: char) -> Option<u32> {
    SUPERSCRIPTS.iter().position(|&s| s == c).map(|p| p as u32)
}

/// Reads a run of superscript digits at the start of `s`: (number, byte length).
fn superscript_number(s: &str) -> Option<(u32, usize)> {
    let mut n: u32 = 0;
    let mut len = 0;
    for c in s.chars() {
        let Some(d) = superscript_value(c) else { break };
        n = n.checked_mul(10)?.checked_add(d)?;
        len += c.len_utf8();
    }
    (len > 0).then_some((n, len))
}

/// A footnote line: `¹ text` anywhere; `1  text` and `* text` only inside a footnote block
/// (after a separator line). Returns the number (None for `*`), the text, and whether the
/// number was in plain digits.
pub fn footnote_line(s: &str, in_block: bool) -> Option<(Option<u32>, &str, bool)> {
    if let Some((n, len)) = superscript_number(s) {
        let rest = s[len..].trim_start();
        if !rest.is_empty() && n > 0 {
            return Some((Some(n), rest, false));
        }
        return None;
    }
    if !in_block {
        return None;
    }
    if let Some(rest) = s.strip_prefix('*')
        && rest.starts_with(' ')
        && !rest.trim().is_empty()
    {
        return Some((None, rest.trim_start(), true));
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) && s[digits..].starts_with(' ') {
        let rest = s[digits..].trim_start();
        let n: u32 = s[..digits].parse().ok()?;
        if n > 0 && !rest.is_empty() {
            return Some((Some(n), rest, true));
        }
    }
    None
}

/// Whether a line is a footnote separator (`__________`).
pub fn is_separator(s: &str) -> bool {
    s.len() >= 5 && s.chars().all(|c| c == '_')
}

/// The start of a footnote in a footnote block: its number when it is the one expected
/// next (a footnote whose text runs on to a line opening with another number, such as a date
/// `18 – 22 March 2002`, is continued, not a new footnote), or `*`/`**` for a note on the
/// sponsors; with the text after it.
fn block_start(s: &str, expected: u32) -> Option<(Option<u32>, &str)> {
    let stars = s.bytes().take_while(|&b| b == b'*').count();
    if stars > 0 {
        let rest = s[stars..].trim_start();
        return (!rest.is_empty() && !rest.starts_with('*')).then_some((None, rest));
    }
    let (n, rest, _) = footnote_line(s, true)?;
    let n = n?;
    // Before any footnote, the first number seen opens the run.
    (n == expected || expected == 1).then_some((Some(n), rest))
}

/// Takes the footnotes out of the lines, blanking their lines (marked as page breaks, as a
/// footnote block interrupts the text like one): a block opens at a `____` separator and
/// runs to the foot of the page; where the text shows no pages, to the first line after a
/// blank line that does not open a footnote. `¹ text` lines are footnotes wherever they
/// stand.
pub fn extract(lines: &mut [Line]) -> Vec<FootnoteDef> {
    let paged = lines.last().is_some_and(|l| l.page > 1);
    let mut defs: Vec<FootnoteDef> = Vec::new();
    let mut in_block = false;
    // The footnote a following line continues, and whether a blank line came since.
    let mut open: Option<usize> = None;
    let mut blank = false;
    let mut expected = 1;
    let mut page = lines.first().map_or(1, |l| l.page);
    for line in lines.iter_mut() {
        if line.page != page {
            page = line.page;
            in_block = false;
        }
        if line.is_blank() {
            blank = true;
            continue;
        }
        let t = line.text.as_str();
        if is_separator(t) {
            in_block = true;
        } else if let Some((n, text, false)) = footnote_line(t, false) {
            open = Some(defs.len());
            expected = n.map_or(expected, |n| n + 1);
            defs.push(FootnoteDef {
                number: n,
                text: text.to_string(),
                line: line.no,
                near: None,
                plain: false,
                page,
            });
        } else if !in_block {
            open = None;
            continue;
        } else if let Some((n, text)) = block_start(t, expected) {
            open = Some(defs.len());
            if let Some(n) = n {
                expected = n + 1;
            }
            defs.push(FootnoteDef {
                number: n,
                text: text.to_string(),
                line: line.no,
                near: None,
                plain: true,
                page,
            });
        } else {
            // A note on sponsors ends at a blank line; a numbered footnote runs on to the
            // foot of the page, and over it to the next page's block.
            let target = open.filter(|&k| !blank || paged && defs[k].number.is_some());
            let target = target.or_else(|| {
                paged
                    .then(|| defs.iter().rposition(|d| d.number.is_some()))
                    .flatten()
            });
            match target {
                Some(k) => push_wrapped(&mut defs[k].text, t),
                None if paged => {}
                None => {
                    in_block = false;
                    open = None;
                    continue;
                }
            }
        }
        blank = false;
        line.text.clear();
        line.page_break = true;
    }
    defs
}

/// Finds the plain-digit markers of the footnotes in the body lines and writes them as
/// superscript digits, glued to what they follow (`people, 1 and` → `people,¹ and`), for
/// [`link`]. Each footnote's marker is looked for on the page whose foot prints it, after the
/// previous footnote's marker: first glued to a word or punctuation, then spaced after
/// punctuation, then spaced after a word that does not number things ("Article 1"), then
/// glued to an acronym; failing that anywhere on the page, then on the page before.
pub fn mark(lines: &mut [Line], defs: &[FootnoteDef]) {
    let mut by_page: Vec<(u32, u32)> = defs
        .iter()
        .filter(|d| d.plain)
        .filter_map(|d| Some((d.page, d.number?)))
        .collect();
    by_page.sort_unstable();
    let mut cursor: (usize, usize) = (0, 0);
    let mut cursor_page = 0;
    for (page, n) in by_page {
        let Some(first) = lines.iter().position(|l| l.page == page) else {
            continue;
        };
        let end = lines[first..]
            .iter()
            .position(|l| l.page != page)
            .map_or(lines.len(), |k| first + k);
        if cursor_page != page {
            cursor = (first, 0);
            cursor_page = page;
        }
        let prev_first = lines[..first]
            .iter()
            .rposition(|l| l.page + 1 != page)
            .map_or(0, |k| k + 1);
        let found = PASSES
            .into_iter()
            .find_map(|pass| find_in(lines, cursor, end, n, pass))
            .or_else(|| {
                PASSES
                    .into_iter()
                    .find_map(|pass| find_in(lines, (first, 0), end, n, pass))
            })
            .or_else(|| {
                PASSES
                    .into_iter()
                    .find_map(|pass| find_in(lines, (prev_first, 0), first, n, pass))
            });
        if let Some((i, span)) = found {
            let text = &mut lines[i].text;
            let sup = superscript(n);
            let mut start = span.start;
            while start > 0 && text.as_bytes()[start - 1] == b' ' {
                start -= 1;
            }
            // A marker is never glued to the word after it.
            let spaced = if text[span.end..].starts_with(char::is_alphabetic) {
                format!("{sup} ")
            } else {
                sup
            };
            text.replace_range(start..span.end, &spaced);
            let sup = spaced;
            if i >= first {
                cursor = (i, start + sup.len());
            }
        }
    }
}

const PASSES: [Pass; 5] = [
    Pass::Glued,
    Pass::AfterPunctuation,
    Pass::AfterWord,
    Pass::Acronym,
    Pass::BeforeWord,
];

/// How a plain-digit marker stands in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pass {
    /// Glued to a word or to punctuation: `Rights,2`, `Child4`, `2024/25;4`.
    Glued,
    /// After punctuation and a space: `people, 1 and`, `Notes; 3`.
    AfterPunctuation,
    /// After a word and a space: `the Court 1 and`.
    AfterWord,
    /// Glued to an acronym (`UNRWA2`), late, as `G20` is a name.
    Acronym,
    /// After a word and a space but glued to the next word, where extraction lost the
    /// space after it: `the Paris Agreement 5and its`.
    BeforeWord,
}

/// The number written in superscript digits.
fn superscript(n: u32) -> String {
    n.to_string()
        .bytes()
        .map(|b| SUPERSCRIPTS[usize::from(b - b'0')])
        .collect()
}

/// The first marker of footnote `n` in lines `from..end` (from a byte offset in the first
/// line): the line and the span of its digits.
fn find_in(
    lines: &[Line],
    from: (usize, usize),
    end: usize,
    n: u32,
    pass: Pass,
) -> Option<(usize, std::ops::Range<usize>)> {
    (from.0..end).find_map(|i| {
        let t = &lines[i].text;
        let start = if i == from.0 { from.1.min(t.len()) } else { 0 };
        marker_in(t, start, n, pass).map(|r| (i, r))
    })
}

/// Words after which a number numbers something ("Article 1", "Goal 4", "in 2 years").
const NUMBERING_WORDS: &[&str] = &[
    "goal",
    "goals",
    "paragraph",
    "paragraphs",
    "subparagraph",
    "subparagraphs",
    "no",
    "nos",
    "vol",
    "volume",
    "annex",
    "annexes",
    "article",
    "articles",
    "section",
    "sections",
    "chapter",
    "chapters",
    "para",
    "paras",
    "item",
    "items",
    "rule",
    "rules",
    "principle",
    "principles",
    "target",
    "targets",
    "phase",
    "part",
    "parts",
    "decision",
    "decisions",
    "resolution",
    "resolutions",
    "protocol",
    "action",
    "level",
    "group",
    "committee",
    "number",
    "pillar",
    "objective",
    "objectives",
    "step",
    "steps",
    "table",
    "figure",
    "recommendation",
    "recommendations",
    "indicator",
    "indicators",
    "option",
    "module",
    "box",
    "session",
    "class",
    "category",
    "tier",
    "stage",
    "page",
    "pages",
    "p",
    "pp",
    "line",
    "column",
    "appendix",
    "schedule",
    "conclusion",
    "conclusions",
    "criterion",
    "criteria",
    "programme",
    "subprogramme",
    "component",
    "cluster",
    "area",
    "areas",
    "priority",
    "sdg",
    "sdgs",
    "cop",
    "copy",
    "version",
    "of",
    "in",
    "to",
    "for",
    "by",
    "at",
    "on",
    "from",
    "with",
    "and",
    "or",
    "the",
    "than",
    "over",
    "under",
    "some",
    "least",
    "most",
    "about",
    "only",
    "per",
    "each",
    "every",
    "first",
    "last",
    "within",
    "after",
    "before",
    "until",
    "since",
    "between",
    "around",
    "nearly",
    "almost",
    "approximately",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "sect",
    "art",
    "arts",
    "chap",
    "ibid",
    "op",
    "cit",
];

/// A marker of footnote `n` in `t` from byte `from`, standing as `pass` says.
fn marker_in(t: &str, from: usize, n: u32, pass: Pass) -> Option<std::ops::Range<usize>> {
    let want = n.to_string();
    let mut k = from;
    while let Some(off) = t[k..].find(want.as_str()) {
        let s = k + off;
        let e = s + want.len();
        k = e;
        let before = &t[..s];
        let after = &t[e..];
        let prev = before.chars().next_back();
        let next = after.chars().next();
        if prev.is_some_and(|c| c.is_ascii_digit()) || next.is_some_and(|c| c.is_ascii_digit()) {
            continue;
        }
        if next.is_some_and(char::is_alphanumeric) != (pass == Pass::BeforeWord) {
            continue;
        }
        if is_marker(before, after, pass) {
            return Some(s..e);
        }
    }
    None
}

/// Whether digits between `before` and `after` stand as a marker the way `pass` says.
fn is_marker(before: &str, after: &str, pass: Pass) -> bool {
    let mut rev = before.chars().rev();
    let Some(prev) = rev.next() else {
        return false;
    };
    let word_before = |s: &str| {
        let w: &str = s
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        w.to_string()
    };
    // What follows a spaced marker: the end of the line, punctuation, or a lower-case word.
    let spaced_next = || {
        let rest = after.trim_start();
        rest.is_empty()
            || rest
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || matches!(c, '(' | '“' | ',' | ';' | '.' | ':'))
    };
    match pass {
        Pass::Glued | Pass::Acronym => {
            if matches!(prev, ',' | ';' | ':' | '”' | '’' | ')' | ']' | '"') {
                return pass == Pass::Glued && !number_list(before);
            }
            if prev == '.' {
                // "2025.3", "resolution 70/1.3", "the report.3"; not "A.2" or "2.5".
                let w = before[..before.len() - 1]
                    .rsplit(' ')
                    .next()
                    .unwrap_or("")
                    .trim_start_matches(['(', '“']);
                let ok = w.chars().count() >= 3
                    && (w.chars().next_back().is_some_and(char::is_lowercase)
                        || w.ends_with([')', '”'])
                        || w.contains('/')
                        || w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()));
                return pass == Pass::Glued && ok;
            }
            if !prev.is_alphabetic() {
                return false;
            }
            let w = word_before(before);
            let caps = !w.chars().any(char::is_lowercase);
            if pass == Pass::Glued {
                !caps
            } else {
                caps && w.chars().count() >= 3
            }
        }
        Pass::AfterPunctuation => {
            let Some(stripped) = before.strip_suffix(' ') else {
                return false;
            };
            let Some(p) = stripped.chars().next_back() else {
                return false;
            };
            if !matches!(p, ',' | ';' | ':' | '.' | '”' | '’' | ')') || number_list(stripped) {
                return false;
            }
            if p == '.' {
                let w = word_before(&stripped[..stripped.len() - 1]).to_lowercase();
                if w.chars().count() < 3 || NUMBERING_WORDS.contains(&w.as_str()) {
                    return false;
                }
            }
            let symbol_next =
                after.trim_start().split(' ').next().is_some_and(|w| {
                    w.starts_with(|c: char| c.is_ascii_digit()) && w.contains('/')
                });
            spaced_next() || symbol_next
        }
        Pass::BeforeWord => {
            let Some(stripped) = before.strip_suffix(' ') else {
                return false;
            };
            let w = word_before(stripped).to_lowercase();
            let next_word: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
            let ordinal = ["st", "nd", "rd", "th"].contains(&next_word.as_str());
            stripped.ends_with(char::is_alphabetic)
                && w.chars().count() >= 2
                && !NUMBERING_WORDS.contains(&w.as_str())
                && !NUMBERED_NOUNS.iter().any(|x| x.eq_ignore_ascii_case(&w))
                && next_word.chars().next().is_some_and(char::is_lowercase)
                && !ordinal
        }
        Pass::AfterWord => {
            let Some(stripped) = before.strip_suffix(' ') else {
                return false;
            };
            if !stripped
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic)
            {
                return false;
            }
            let w = word_before(stripped).to_lowercase();
            w.chars().count() >= 2
                && !NUMBERING_WORDS.contains(&w.as_str())
                && !NUMBERED_NOUNS.iter().any(|x| x.eq_ignore_ascii_case(&w))
                && spaced_next()
        }
    }
}

/// Whether the text ends with a number and punctuation ("paragraphs 1,", "(a) 3;"): the
/// next number continues a list, it is not a marker.
fn number_list(before: &str) -> bool {
    let t = before.trim_end_matches([',', ';', ':', ' ']);
    let mut tokens = t.rsplit(' ');
    let short_number = |w: &str| {
        let w = w.trim_end_matches([',', ';']);
        !w.is_empty() && w.len() <= 3 && w.chars().all(|c| c.is_ascii_digit())
    };
    if !tokens.next().is_some_and(short_number) {
        return false;
    }
    // "paragraphs 1, 2", "1, 2, 3", "(a) 3;"; not "Agenda 21, 1 the Plan".
    tokens.next().is_none_or(|p| {
        short_number(p)
            || p.starts_with('(')
            || NUMBERING_WORDS.contains(&p.trim_end_matches([',', '.']).to_lowercase().as_str())
    })
}

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
    let mut linker = Linker {
        by_number: &by_number,
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

/// Words after which a number is a reference, never a footnote marker ("Article 1").
const NUMBERED_NOUNS: &[&str] = &[
    "Annex",
    "Article",
    "Articles",
    "Chapter",
    "Item",
    "Items",
    "No",
    "Nos",
    "Paragraph",
    "Paragraphs",
    "Part",
    "Principle",
    "Protocol",
    "Resolution",
    "Rule",
    "Rules",
    "Section",
    "Volume",
    "Vol",
    "Goal",
    "Target",
    "Group",
    "Decision",
    "Recommendation",
    "Table",
    "Figure",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Phase",
    "Level",
    "Class",
    "Committee",
    "Commission",
    "Conference",
    "Category",
    "Tier",
    "Stage",
    "Step",
    "Option",
    "Module",
    "Box",
    "Session",
];

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
    fn reads_footnote_lines() {
        assert_eq!(
            footnote_line("¹ United Nations", false),
            Some((Some(1), "United Nations", false))
        );
        assert_eq!(
            footnote_line("¹² Ibid.", false),
            Some((Some(12), "Ibid.", false))
        );
        assert_eq!(footnote_line("1  See A/80/348.", false), None);
        assert_eq!(
            footnote_line("1  See A/80/348.", true),
            Some((Some(1), "See A/80/348.", true))
        );
        assert_eq!(
            footnote_line("* Any changes", true),
            Some((None, "Any changes", true))
        );
        assert_eq!(footnote_line("1. Urges", true), None);
    }

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

    /// Lines of a body as PDF extraction leaves them, with the footnotes of each page's foot
    /// read by [`extract`] and the markers written by [`mark`] in the body (after the first
    /// two lines, the header).
    fn marked(text: &str) -> (Vec<String>, Vec<FootnoteDef>) {
        let mut lines = super::super::lines::normalise(text);
        let defs = extract(&mut lines);
        mark(&mut lines[2..], &defs);
        let kept = lines
            .into_iter()
            .filter(|l| !l.is_blank())
            .map(|l| l.text)
            .collect();
        (kept, defs)
    }

    #[test]
    fn markers_in_every_shape_by_the_footnotes_of_their_page() {
        let text = "A/1/L.1 \nThe Assembly, \n\
            Recalling the Universal Declaration of Human Rights,1 the Convention on the \n\
            Rights of the Child2 and Article 1 of the Charter, paragraphs 1, 2 and the outcome \n\
            documents;3 of 2024/25;4 the people, 5  and its Notes; 6 \n\
            the Paris Agreement 7and the Court 8 \n\
            __________________ \n \n* On behalf of the Group of Keepers \nof Lights. \n \n\
            1  Resolution 217 A (III). \n2  United Nations, Treaty Series, vol. 1577. \n\
            3  See A/1/1. \n4  Held in Valletta, \n18 – 22 March 2031. \n5  See A/1/2. \n\
            6  See A/1/3. \n7  See A/1/4. \n8  See A/1/5. \n\n\
            A/1/L.1 \n \n11-11111 \n2/2 \n \n\
            31 December 2031 on the keeping of lights,9 and 10 the report10 \n\
            __________________ \n \n9  See A/1/6. \n10  See A/1/7. \n";
        let (lines, defs) = marked(text);
        assert_eq!(
            lines,
            [
                "A/1/L.1",
                "The Assembly,",
                "Recalling the Universal Declaration of Human Rights,¹ the Convention on the",
                "Rights of the Child² and Article 1 of the Charter, paragraphs 1, 2 and the outcome",
                "documents;³ of 2024/25;⁴ the people,⁵ and its Notes;⁶",
                "the Paris Agreement⁷ and the Court⁸",
                // A line opening with a date at the top of a page is text, not a footnote.
                "31 December 2031 on the keeping of lights,⁹ and 10 the report¹⁰",
            ]
        );
        let numbers: Vec<Option<u32>> = defs.iter().map(|d| d.number).collect();
        assert_eq!(
            numbers,
            [
                None,
                Some(1),
                Some(2),
                Some(3),
                Some(4),
                Some(5),
                Some(6),
                Some(7),
                Some(8),
                Some(9),
                Some(10)
            ]
        );
        // The note on sponsors over two lines; a footnote that runs on to a line opening
        // with a number.
        assert_eq!(defs[0].text, "On behalf of the Group of Keepers of Lights.");
        assert_eq!(defs[4].text, "Held in Valletta, 18 – 22 March 2031.");
        assert_eq!((defs[9].page, defs[10].page), (2, 2));
    }
}
