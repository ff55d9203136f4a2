//! Paragraph assembly: turns the normalised lines of a document body into items (numbered
//! paragraphs, lettered sub-paragraphs, unnumbered paragraphs, headings) with hard-wrapped
//! lines unwrapped and paragraphs cut by a page break (or a footnote block, taken out before
//! by [`super::footnotes::extract`]) rejoined.

mod labelled;
mod shapes;

use super::footnotes;
use super::lines::{Line, push_wrapped};
use crate::model::Id;
use shapes::{
    annex_line, bare_heading, heading_line, heading_runs_on, heading_runs_on_a_number, lone_label,
    numbered_digits, title_line, title_within,
};
pub use shapes::{
    ends_with_punctuation, heading, lettered, meeting_line, numbered, without_end_marker,
};

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
        Id(["p", itoa::Buffer::new().format(*self.next_id)].concat())
    }

    fn push(&mut self, kind: ItemKind, text: &str, line: usize) {
        let id = self.id();
        // A full first line is mostly followed by more (a wrapped paragraph, ~7 lines in
        // UN texts): room for them, so the text is not copied as it grows line by line.
        let room = if text.len() >= 40 {
            (8 * text.len()).min(1024)
        } else {
            text.len()
        };
        let mut buf = String::with_capacity(room);
        buf.push_str(text);
        self.body.items.push(Item {
            kind,
            text: buf,
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
        if !self.mode.report
            && self.blank
            && (self.heading_block(lines, i) || self.set_apart(lines, i))
        {
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

    /// Whether line `i` (after a blank line) is a heading with no label set apart from the
    /// paragraph under it ("Preamble", "Guiding principles" in an annexed declaration): after
    /// a heading, an annex's title or a paragraph that has ended, one short line of heading text, set apart below by more
    /// than a paragraph's space (two blank lines in an extracted text) or printed bold, or
    /// heading a sentence that introduces numbered paragraphs.
    fn set_apart(&self, lines: &[Line], i: usize) -> bool {
        let items = &self.body.items;
        // An annex's title stands under its label ("Annex II" / "Declaration on …").
        let annex_title = items.len() >= 2
            && matches!(
                items[items.len() - 2].kind,
                ItemKind::Heading { annex: true, .. }
            )
            && title_line(&items[items.len() - 1].text);
        let ended = annex_title
            || items.last().is_some_and(|item| match item.kind {
                ItemKind::Heading { .. } => true,
                _ => ends_with_punctuation(&item.text),
            });
        let t = lines[i].text.trim();
        let blank = |k: usize| lines.get(k).is_some_and(|l| l.is_blank() && !l.page_break);
        // Or one blank line, when what it heads is a sentence that introduces the numbered
        // paragraphs under it ("Follow up" / "In order to ensure adequate follow-up, we:").
        let introduces = || {
            let Some(k) = (i + 1..lines.len()).find(|&k| !lines[k].is_blank()) else {
                return false;
            };
            let end = (k..lines.len())
                .find(|&e| lines[e].is_blank())
                .unwrap_or(lines.len());
            let next = (end..lines.len()).find(|&e| !lines[e].is_blank());
            lines[end - 1].text.trim_end().ends_with(':')
                && next.is_some_and(|e| numbered(&lines[e].text).is_some())
        };
        let apart = lines[i].style.bold || (blank(i + 1) && blank(i + 2)) || introduces();
        // Before a numbered paragraph, a heading is read by [`Self::heading_block`].
        let before_number = lines[i + 1..]
            .iter()
            .find(|l| !l.is_blank())
            .is_some_and(|l| numbered(&l.text).is_some());
        ended
            && apart
            && !before_number
            && blank(i + 1)
            && t.split_whitespace().count() <= 4
            && title_line(t)
            && !t.starts_with('*')
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
