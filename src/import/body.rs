//! Paragraph assembly: turns the normalised lines of a document body into items (numbered
//! paragraphs, lettered sub-paragraphs, unnumbered paragraphs, headings) with hard-wrapped
//! lines unwrapped and paragraphs cut by a page break (or a footnote block, taken out before
//! by [`super::footnotes::extract`]) rejoined.

mod labelled;

use super::footnotes;
use super::lines::{Line, push_wrapped};
use crate::model::Id;

/// What an item is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemKind {
    /// A paragraph printed with a number ("12.").
    Numbered(u32),
    /// A paragraph with no number (a preambular paragraph, a closing line, a table row).
    Plain,
    /// A sub-paragraph with its printed label ("b", "ii").
    Sub(String),
    /// A report heading: level (1 chapter, 2 lettered section), label as printed, and whether
    /// it starts an unnumbered part (an annex).
    Heading {
        level: u8,
        label: String,
        annex: bool,
    },
}

/// One item of the body with its text (lines joined) and the line where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub kind: ItemKind,
    pub text: String,
    pub line: usize,
    /// The id the paragraph made from this item will carry.
    pub id: Id,
}

/// The items of a body.
#[derive(Debug, Default)]
pub struct Body {
    pub items: Vec<Item>,
}

/// The text without a footnote marker after its final punctuation: superscript digits, or
/// plain digits glued to the punctuation ("2024,1" → "2024,"; "Want.11" → "Want.").
pub fn without_end_marker(s: &str) -> &str {
    let s = s.trim_end();
    let sup = s.trim_end_matches(|c: char| footnotes::superscript_value(c).is_some());
    if sup.len() < s.len() {
        return sup.trim_end();
    }
    let digits = s.bytes().rev().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) && s[..s.len() - digits].ends_with([',', ';', '.', ':', '”']) {
        &s[..s.len() - digits]
    } else {
        s
    }
}

/// Whether a line is the closing meeting line of a resolution ("45th plenary meeting",
/// "50th (resumed) plenary meeting"): it never continues a paragraph.
pub fn meeting_line(t: &str) -> bool {
    let t = t.trim().trim_end_matches('.');
    let Some(rest) = t.strip_suffix("plenary meeting") else {
        return false;
    };
    let mut words = rest.split_whitespace();
    let ordinal = words.next().is_some_and(|w| {
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0 && matches!(&w[digits..], "st" | "nd" | "rd" | "th")
    });
    let resumed: Vec<&str> = words.collect();
    ordinal && (resumed.is_empty() || resumed == ["(resumed)"] || resumed == ["resumed"])
}

/// Whether the text ends a clause (ignoring closing quotes, brackets, emphasis and markers).
pub fn ends_with_punctuation(s: &str) -> bool {
    let s = without_end_marker(s);
    let t = s.trim_end_matches(|c: char| {
        matches!(c, '*' | '”' | '’' | '"' | '\'' | ')' | ']' | ' ')
            || footnotes::superscript_value(c).is_some()
    });
    t.ends_with(['.', ',', ';', ':', '!', '?'])
}

/// A numbered line: "12. text" or "12." alone. Returns the number and the rest.
pub fn numbered(s: &str) -> Option<(u32, &str)> {
    numbered_digits(s, 1..=3)
}

/// A numbered line whose number has a count of digits in `digits`.
fn numbered_digits(s: &str, digits_range: std::ops::RangeInclusive<usize>) -> Option<(u32, &str)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if !digits_range.contains(&digits) || s.as_bytes().get(digits) != Some(&b'.') {
        return None;
    }
    let rest = &s[digits + 1..];
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    let n: u32 = s[..digits].parse().ok()?;
    Some((n, rest.trim_start()))
}

/// A lettered line "(a) text" / "(ii) text". Returns the label and the rest.
pub fn lettered(s: &str) -> Option<(&str, &str)> {
    let inner = s.strip_prefix('(')?;
    let close = inner.find(')')?;
    let label = &inner[..close];
    if label.is_empty() || label.len() > 6 || !label.chars().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    let roman = label
        .chars()
        .all(|c| matches!(c, 'i' | 'v' | 'x' | 'l' | 'c'));
    let repeated = label.chars().all(|c| label.starts_with(c));
    if !(roman || repeated) {
        return None;
    }
    let rest = &inner[close + 1..];
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    Some((label, rest.trim_start()))
}

/// A report heading line: "II. Recommendations", "A. Prevention", "D." (letter alone),
/// "Annex". Returns level, label, heading text, annex flag.
pub fn heading(s: &str) -> Option<(u8, &str, &str, bool)> {
    let t = s.trim();
    let lower = t.to_lowercase();
    let annex = lower == "annex"
        || lower == "annexes"
        || (lower.starts_with("annex ") && t.len() <= 10)
        || (lower.starts_with("annex:") && t.len() <= 200 && !t.ends_with(['.', ';', ',']));
    if annex {
        return Some((1, "", t, true));
    }
    let (label, rest) = t.split_once('.')?;
    if label.is_empty() || label.len() > 5 || !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    let rest = rest.trim();
    let roman = label.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'));
    let letter = label.len() == 1 && label.chars().all(|c| c.is_ascii_uppercase());
    if !(roman || letter) {
        return None;
    }
    if !rest.is_empty() {
        let first_upper = rest.chars().next().is_some_and(char::is_uppercase);
        if !first_upper || rest.ends_with(['.', ';', ',']) || rest.len() > 400 {
            return None;
        }
    }
    // "I." "V." "X." read as chapters: reports number chapters in roman numerals.
    let level = if roman { 1 } else { 2 };
    Some((level, label, rest, false))
}

/// Whether a line could be a heading whose label was lost: short, capitalised, no closing
/// punctuation.
fn bare_heading(s: &str) -> bool {
    let words = s.split_whitespace().count();
    (1..=8).contains(&words)
        && s.len() <= 80
        && s.chars().next().is_some_and(char::is_uppercase)
        && !ends_with_punctuation(s)
}

/// "Annex", "Annexes", "Annex II" alone on a line (inside a resolution).
fn annex_line(t: &str) -> bool {
    let t = t.trim();
    let rest = t
        .strip_prefix("Annexes")
        .or_else(|| t.strip_prefix("Annex"))
        .map(str::trim);
    rest.is_some_and(|r| r.is_empty() || r.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L')))
}

/// A heading label alone on its line inside a resolution: a roman numeral (level 1) or a
/// capital letter (level 2), with or without a full stop. A roman-looking letter right after
/// the letter before it ("C" after "B") is a letter.
fn lone_label(t: &str, last_letter: Option<char>) -> Option<(u8, String)> {
    let label = t.trim().trim_end_matches('.');
    if label.is_empty() || label.len() > 6 || !label.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let roman = label
        .chars()
        .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'));
    let mut chars = label.chars();
    let single = chars.next().filter(|_| chars.next().is_none());
    let follows = single
        .zip(last_letter)
        .is_some_and(|(c, l)| c as u32 == l as u32 + 1);
    match (roman, single) {
        (true, _) if !follows => Some((1, label.to_string())),
        (_, Some(_)) => Some((2, label.to_string())),
        _ => None,
    }
}

/// Whether a line reads as heading text: capitalised, short, without closing punctuation,
/// not a numbered or lettered paragraph, not opening with a preambular or operative phrase.
fn title_line(t: &str) -> bool {
    title_within(t, 200)
}

/// As [`title_line`], for a text of up to `max` bytes: a heading printed with its label on
/// one line ("II. Implementation of the 1995 Agreement …", as a Word copy has it unwrapped)
/// may run longer than a wrapped line.
fn title_within(t: &str, max: usize) -> bool {
    let t = t.trim();
    t.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c == '*' || c == '“')
        && t.len() <= max
        && !ends_with_punctuation(t)
        && numbered(t).is_none()
        && lettered(t).is_none()
        && crate::phrases::match_lead(t, crate::phrases::preambular()).is_none()
        && crate::phrases::match_lead(t, crate::phrases::operative()).is_none()
}

/// Whether a line carries on the heading text of the line above it: heading text, or a
/// wrapped line in lower case ("officials: members of the International Court of Justice")
/// that does not end a clause.
fn heading_runs_on(t: &str) -> bool {
    let t = t.trim();
    title_line(t)
        || (t.chars().next().is_some_and(char::is_lowercase)
            && t.len() <= 200
            && !without_end_marker(t).ends_with(['.', ';', ',', ':'])
            && lettered(t).is_none())
}

/// Whether a line carries on a heading over more lines: as [`heading_runs_on`], also when
/// it ends with a comma or a colon ("… Agenda 2063:" / "The Africa We Want").
fn heading_line(t: &str) -> bool {
    heading_runs_on(t.trim_end().trim_end_matches([',', ':']))
}

/// Whether `t` carries on a heading cut in mid-phrase before a number ("… the Law of the Sea
/// of" / "10 December 1982 relating to …"): the heading's last word is in lower case and the
/// line opens with a number that is not a paragraph number.
fn heading_runs_on_a_number(heading: &str, t: &str) -> bool {
    let t = t.trim();
    t.starts_with(|c: char| c.is_ascii_digit())
        && numbered(t).is_none()
        && t.len() <= 200
        && !without_end_marker(t).ends_with(['.', ';', ',', ':'])
        && heading
            .split_whitespace()
            .last()
            .is_some_and(|w| w.chars().all(char::is_lowercase))
}

/// Options for reading a body.
#[derive(Debug, Clone, Copy)]
pub struct Mode {
    /// Reading a report: headings are recognised.
    pub report: bool,
}

/// Reads the body lines into items.
pub fn read(lines: &[Line], mode: Mode, next_id: &mut u32) -> Body {
    let mut r = Reader {
        body: Body::default(),
        mode,
        next_id,
        blank: false,
        page_break: false,
        gap: false,
        pending_label: None,
        expected: None,
        last_letter: None,
        last_labelled: None,
        heading_until: None,
    };
    for (i, line) in lines.iter().enumerate() {
        r.line(lines, i, line);
    }
    r.body
}

struct Reader<'a> {
    body: Body,
    mode: Mode,
    next_id: &'a mut u32,
    /// A blank line (or removed page furniture) since the last text line.
    blank: bool,
    /// A page break (removed page furniture or a footnote block) since the last text line.
    page_break: bool,
    /// A blank line that is no page break since the last text line or page break: a gap
    /// between paragraphs.
    gap: bool,
    /// A heading label standing alone on its line ("D."), waiting for its text.
    pending_label: Option<(u8, String, usize)>,
    /// The number the next top-level numbered paragraph should carry.
    expected: Option<u32>,
    /// The letter of the last lettered heading of a resolution ("C" after "B" is a letter,
    /// not a roman hundred).
    last_letter: Option<char>,
    /// The word and number of the last labelled heading ("Action", 3).
    last_labelled: Option<(String, u32)>,
    /// The index of the last line of the labelled heading being read.
    heading_until: Option<usize>,
}

impl Reader<'_> {
    fn id(&mut self) -> Id {
        *self.next_id += 1;
        Id(format!("p{}", self.next_id))
    }

    fn push(&mut self, kind: ItemKind, text: &str, line: usize) {
        let id = self.id();
        self.body.items.push(Item {
            kind,
            text: text.to_string(),
            line,
            id,
        });
        self.blank = false;
        self.page_break = false;
        self.gap = false;
    }

    fn append(&mut self, text: &str) {
        if let Some(item) = self.body.items.last_mut() {
            if !item.text.is_empty()
                && !text.is_empty()
                && matches!(item.kind, ItemKind::Heading { annex: true, .. })
                && !item.text.contains(':')
            {
                item.text.push(':');
            }
            push_wrapped(&mut item.text, text);
        }
        self.blank = false;
        self.page_break = false;
        self.gap = false;
    }

    fn line(&mut self, lines: &[Line], i: usize, line: &Line) {
        let t = line.text.as_str();
        if t.is_empty() {
            self.blank = true;
            self.page_break |= line.page_break;
            self.gap = !line.page_break;
            return;
        }
        if self.mode.report {
            if let Some((level, label, _)) = self.pending_label.take() {
                self.push(
                    ItemKind::Heading {
                        level,
                        label,
                        annex: false,
                    },
                    t,
                    line.no,
                );
                return;
            }
            if let Some((level, label, rest, annex)) = heading(t) {
                if rest.is_empty() && !annex {
                    self.pending_label = Some((level, label.to_string(), line.no));
                    return;
                }
                let label = label.to_string();
                self.push(
                    ItemKind::Heading {
                        level,
                        label,
                        annex,
                    },
                    rest,
                    line.no,
                );
                return;
            }
        }
        if let Some(end) = self.heading_until.take_if(|end| i <= *end) {
            self.append(t);
            self.heading_until = (i < end).then_some(end);
            return;
        }
        if !self.mode.report && self.resolution_heading(t, line.no) {
            return;
        }
        if !self.mode.report && self.labelled_heading(lines, i, line.no) {
            return;
        }
        // Four digits and more only as the number the text expects next (“1000.” after
        // 999), so that a year opening a wrapped line (“2030. Also …”) is not a paragraph.
        let long = || numbered_digits(t, 4..=9).filter(|(n, _)| self.expected == Some(*n));
        if let Some((n, rest)) = numbered(t).or_else(long) {
            self.push(ItemKind::Numbered(n), rest, line.no);
            if self.expected.is_none_or(|e| e == n) {
                self.expected = Some(n + 1);
            }
            return;
        }
        if let Some((label, rest)) = lettered(t) {
            let label = label.to_string();
            self.push(ItemKind::Sub(label), rest, line.no);
            return;
        }
        if !self.mode.report && self.blank && self.heading_block(lines, i) {
            let kind = ItemKind::Heading {
                level: 2,
                label: String::new(),
                annex: false,
            };
            self.push(kind, t, line.no);
            return;
        }
        if self.continues(t, line.style.starts) {
            self.append(t);
            return;
        }
        if self.mode.report && self.blank && bare_heading(t) && self.next_is_expected(lines, i) {
            self.push(
                ItemKind::Heading {
                    level: 2,
                    label: String::new(),
                    annex: false,
                },
                t,
                line.no,
            );
            return;
        }
        self.push(ItemKind::Plain, t, line.no);
    }

    /// Headings inside a resolution, after a blank line or page furniture: "Annex" ("Annex
    /// II") alone on its line; a roman numeral or a capital letter alone, with the heading on
    /// the next line when it reads as one; "II. Heading" on one line. Returns whether the
    /// line was taken.
    fn resolution_heading(&mut self, t: &str, no: usize) -> bool {
        if let Some((level, label, _)) = self.pending_label.take() {
            let kind = ItemKind::Heading {
                level,
                label,
                annex: false,
            };
            if title_line(t) {
                self.push(kind, t, no);
                return true;
            }
            // A label with no heading under it: the line is read as usual.
            self.push(kind, "", no);
        }
        if !(self.blank || self.body.items.is_empty()) {
            return false;
        }
        if annex_line(t) {
            let kind = ItemKind::Heading {
                level: 1,
                label: String::new(),
                annex: true,
            };
            self.push(kind, t, no);
            return true;
        }
        if let Some((level, label)) = lone_label(t, self.last_letter) {
            if level == 2 {
                self.last_letter = label.chars().next();
            }
            self.pending_label = Some((level, label, no));
            return true;
        }
        if let Some((level, label, rest, false)) = heading(t)
            && !label.is_empty()
            && title_within(rest, 400)
        {
            if level == 2 {
                self.last_letter = label.chars().next();
            }
            let kind = ItemKind::Heading {
                level,
                label: label.to_string(),
                annex: false,
            };
            self.push(kind, rest, no);
            return true;
        }
        false
    }

    /// A heading labelled with a word and a number ("Action 2. We will …", see [`labelled`]):
    /// its number follows the last one of the same word (or is 1), the paragraph above has
    /// ended, and the numbered paragraph due next follows it. Returns whether the line was
    /// taken (the heading's further lines follow through `heading_until`).
    fn labelled_heading(&mut self, lines: &[Line], i: usize, no: usize) -> bool {
        let Some((word, n)) = labelled::label(&lines[i].text) else {
            return false;
        };
        let follows = match &self.last_labelled {
            Some((w, m)) if w == word => n == m + 1,
            _ => n == 1,
        };
        let ended = self.body.items.last().is_none_or(|item| match item.kind {
            ItemKind::Heading { .. } => true,
            _ => ends_with_punctuation(&item.text),
        });
        let Some(end) = labelled::end(lines, i).filter(|_| follows && ended) else {
            return false;
        };
        let next = (end + 1..lines.len()).find(|&k| !lines[k].is_blank());
        if !next
            .and_then(|k| numbered(&lines[k].text))
            .is_some_and(|(m, _)| self.due(m))
        {
            return false;
        }
        // Under lettered sections (level 2) the labelled headings stand a level below. The
        // label is a word of the text ("Action 1."): it stays in the heading as printed.
        let level = if self.last_letter.is_some() { 3 } else { 2 };
        let kind = ItemKind::Heading {
            level,
            label: String::new(),
            annex: false,
        };
        self.push(kind, &lines[i].text, no);
        self.last_labelled = Some((word.to_string(), n));
        self.heading_until = (end > i).then_some(end);
        true
    }

    /// Whether `n` is the number due next: the one the text expects, or the one after the
    /// last numbered paragraph (in a part that numbers its paragraphs afresh).
    fn due(&self, n: u32) -> bool {
        let last = self
            .body
            .items
            .iter()
            .rev()
            .find_map(|item| match item.kind {
                ItemKind::Numbered(n) => Some(n),
                _ => None,
            });
        self.expected == Some(n) || last.map_or(n == 1, |l| n == l + 1)
    }

    /// Whether the block of lines starting at `i` (after a blank line) is a heading printed
    /// with no label inside a resolution ("Budget estimates for the period …", "Section 3" /
    /// "Political affairs"): after a paragraph that has ended, a line or three that read as
    /// heading text, then a blank line and the numbered paragraph the text expects (or
    /// another such heading).
    fn heading_block(&self, lines: &[Line], i: usize) -> bool {
        let ended = self.body.items.last().is_some_and(|item| match item.kind {
            ItemKind::Heading { annex, .. } => !annex,
            _ => ends_with_punctuation(&item.text),
        });
        ended && self.heading_then_paragraph(lines, i, 3)
    }

    fn heading_then_paragraph(&self, lines: &[Line], i: usize, depth: usize) -> bool {
        if depth == 0 || !title_line(&lines[i].text) {
            return false;
        }
        let block = &lines[i..i + lines[i..].iter().take_while(|l| !l.is_blank()).count()];
        // A clause ended by a footnote marker ("… progress report, 4") is no heading; a
        // wrapped heading line may end with a comma or a colon, the last line may not.
        let marker_end = |t: &str| {
            let t = t.trim_end();
            let u = t.trim_end_matches(|c: char| {
                c.is_ascii_digit() || c == ' ' || footnotes::superscript_value(c).is_some()
            });
            u.len() < t.len() && u.ends_with([',', ';', '.', ':'])
        };
        let last_line = block.len() - 1;
        if block.len() > 3
            || block.iter().any(|l| marker_end(&l.text))
            || (last_line > 0 && !heading_runs_on(&block[last_line].text))
            || !block
                .get(1..last_line)
                .unwrap_or_default()
                .iter()
                .all(|l| heading_line(&l.text))
        {
            return false;
        }
        let Some(next) = (i + block.len()..lines.len()).find(|&k| !lines[k].is_blank()) else {
            return false;
        };
        match numbered(&lines[next].text) {
            Some((n, _)) => self.due(n),
            None => self.heading_then_paragraph(lines, next, depth - 1),
        }
    }

    /// Whether the next non-blank line is the numbered paragraph the text expects.
    fn next_is_expected(&self, lines: &[Line], i: usize) -> bool {
        let Some(next) = lines[i + 1..].iter().find(|l| !l.is_blank()) else {
            return false;
        };
        match (numbered(&next.text), self.expected) {
            (Some((n, _)), Some(e)) => n == e,
            (Some(_), None) => true,
            _ => false,
        }
    }

    /// Whether a text line continues the current item: a hard-wrapped line, or the rest of
    /// a paragraph cut by a page break (it starts in lower case, or the paragraph has no
    /// closing punctuation yet, or it is a numbered paragraph that has not ended). Where the
    /// source shows the line's indent (`starts`, a PDF), a line at the first-line indent opens
    /// a paragraph, and one at the left edge of the text runs on unless a gap stands above it.
    fn continues(&self, t: &str, starts: Option<bool>) -> bool {
        let Some(item) = self.body.items.last() else {
            return false;
        };
        if let ItemKind::Heading { annex, .. } = item.kind {
            if !self.mode.report && !annex {
                // A heading inside a resolution runs on over a line or two that read as
                // heading text; a label printed alone keeps no text.
                return !self.blank
                    && !item.text.is_empty()
                    && item.text.len() < 400
                    && (heading_line(t) || heading_runs_on_a_number(&item.text, t));
            }
            // A heading runs on only over lines that follow it directly.
            return !self.blank && (annex || numbered(t).is_none());
        }
        if item.text.is_empty() {
            return true;
        }
        if meeting_line(t) {
            return false;
        }
        match starts {
            Some(true) => return false,
            Some(false) if !self.gap => return true,
            _ => {}
        }
        if !self.blank {
            // Paragraphs not separated by blank lines: a preambular phrase after a line that
            // ends with a comma opens the next preambular paragraph; in lower case it runs
            // on ("…, recognizing that …").
            let opens_preamble = !self.mode.report
                && item.kind == ItemKind::Plain
                && item.text.ends_with(',')
                && (t.starts_with('*') && !t.starts_with("**")
                    || t.starts_with(char::is_uppercase)
                        && crate::phrases::match_lead(t, crate::phrases::preambular()).is_some());
            return !opens_preamble;
        }
        let lower = t.chars().next().is_some_and(|c| c.is_lowercase());
        // The title under an "Annex" heading ends at the blank line after it.
        let n = self.body.items.len();
        let annex_title = n >= 2
            && item.kind == ItemKind::Plain
            && matches!(
                self.body.items[n - 2].kind,
                ItemKind::Heading { annex: true, .. }
            );
        if annex_title && !lower && !self.mode.report {
            return false;
        }
        if lower || !ends_with_punctuation(&item.text) {
            return true;
        }
        // What a paragraph announces ("… as set out in the table below:") is printed apart:
        // a table is an item of its own, not the end of the paragraph.
        if !self.mode.report && crate::ops::announces(&item.text) {
            return false;
        }
        // Across a page break, a preambular paragraph that ended a line with a comma runs on
        // unless the new text opens with a preambular phrase.
        if self.page_break && !self.mode.report && item.kind == ItemKind::Plain {
            let opens = t.starts_with('*') && !t.starts_with("**")
                || crate::phrases::match_lead(t, crate::phrases::preambular()).is_some();
            if !opens && without_end_marker(&item.text).ends_with(',') {
                return true;
            }
        }
        // The sub-paragraphs of a preambular paragraph end with a comma: after a blank line,
        // a preambular phrase opens the next preambular paragraph.
        if !self.mode.report
            && matches!(item.kind, ItemKind::Sub(_))
            && without_end_marker(&item.text).ends_with(',')
            && (t.starts_with('*') && !t.starts_with("**")
                || crate::phrases::match_lead(t, crate::phrases::preambular()).is_some())
            && !self
                .body
                .items
                .iter()
                .any(|i| matches!(i.kind, ItemKind::Numbered(_)))
        {
            return false;
        }
        let numbered_open = matches!(item.kind, ItemKind::Numbered(_) | ItemKind::Sub(_))
            && !without_end_marker(&item.text)
                .trim_end_matches(['”', '’', '*', ')'])
                .ends_with(['.', '!', '?']);
        !self.mode.report && numbered_open
    }
}

#[cfg(test)]
mod tests;
