//! Word wrapping of styled text to a width, with a prefix on the first line (a paragraph
//! number) and another on the following lines (the hanging indent).
//!
//! Widths are Unicode display widths (wide East Asian characters count 2, combining marks 0),
//! measured like ratatui measures them; a word longer than the line is broken between
//! graphemes so nothing overflows.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// A run of text that must not be broken (unless it is longer than a line).
type Word = Vec<(String, Style)>;

fn width_of(word: &Word) -> usize {
    word.iter().map(|(t, _)| t.width()).sum()
}

/// Splits styled spans into words and the spaces between them (`None` = a space).
fn tokens(spans: &[Span<'_>]) -> Vec<Option<Word>> {
    let mut out: Vec<Option<Word>> = Vec::new();
    let mut current: Word = Vec::new();
    for span in spans {
        let mut piece = String::new();
        for c in span.content.chars() {
            if c.is_whitespace() {
                if !piece.is_empty() {
                    current.push((std::mem::take(&mut piece), span.style));
                }
                if !current.is_empty() {
                    out.push(Some(std::mem::take(&mut current)));
                }
                if !matches!(out.last(), Some(None)) {
                    out.push(None);
                }
            } else {
                piece.push(c);
            }
        }
        if !piece.is_empty() {
            current.push((piece, span.style));
        }
    }
    if !current.is_empty() {
        out.push(Some(current));
    }
    out
}

struct Builder<'p> {
    lines: Vec<Line<'static>>,
    current: Vec<Span<'static>>,
    used: usize,
    width: usize,
    first: &'p [Span<'static>],
    rest: &'p [Span<'static>],
}

impl Builder<'_> {
    fn prefix(&self) -> &[Span<'static>] {
        if self.lines.is_empty() {
            self.first
        } else {
            self.rest
        }
    }

    fn avail(&self) -> usize {
        let pw: usize = self.prefix().iter().map(|s| s.width()).sum();
        self.width.saturating_sub(pw).max(1)
    }

    fn newline(&mut self) {
        let mut spans: Vec<Span<'static>> = self.prefix().to_vec();
        spans.append(&mut self.current);
        self.lines.push(Line::from(spans));
        self.used = 0;
    }

    fn push(&mut self, text: String, style: Style) {
        self.used += text.width();
        match self.current.last_mut() {
            Some(last) if last.style == style => last.content.to_mut().push_str(&text),
            _ => self.current.push(Span::styled(text, style)),
        }
    }

    /// Places a word too long for any line, breaking it between graphemes.
    fn push_broken(&mut self, word: Word) {
        for (text, style) in word {
            for g in text.graphemes(true) {
                let w = g.width();
                if self.used > 0 && self.used + w > self.avail() {
                    self.newline();
                }
                self.push(g.to_string(), style);
            }
        }
    }
}

/// Wraps `spans` to `width` columns. `first` prefixes the first line, `rest` the others.
/// Always returns at least one line.
pub fn wrap(
    spans: &[Span<'_>],
    first: &[Span<'static>],
    rest: &[Span<'static>],
    width: usize,
) -> Vec<Line<'static>> {
    let mut b = Builder {
        lines: Vec::new(),
        current: Vec::new(),
        used: 0,
        width: width.max(1),
        first,
        rest,
    };
    let mut pending_space: Option<Style> = None;
    let mut last_style = Style::default();
    for token in tokens(spans) {
        let Some(word) = token else {
            pending_space = Some(last_style);
            continue;
        };
        last_style = word.last().map(|(_, s)| *s).unwrap_or_default();
        let ww = width_of(&word);
        let space = usize::from(b.used > 0 && pending_space.is_some());
        if b.used + space + ww <= b.avail() {
            if space == 1
                && let Some(style) = pending_space
            {
                b.push(" ".into(), style);
            }
            for (t, s) in word {
                b.push(t, s);
            }
        } else {
            if b.used > 0 {
                b.newline();
            }
            if ww <= b.avail() {
                for (t, s) in word {
                    b.push(t, s);
                }
            } else {
                b.push_broken(word);
            }
        }
        pending_space = None;
    }
    if b.used > 0 || b.lines.is_empty() {
        b.newline();
    }
    b.lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lines: &[Line<'_>]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn wraps_with_hanging_indent() {
        let spans = [Span::raw("Requests the Secretary-General to report on it")];
        let lines = wrap(&spans, &[Span::raw("1.  ")], &[Span::raw("    ")], 21);
        assert_eq!(
            text(&lines),
            [
                "1.  Requests the",
                "    Secretary-General",
                "    to report on it"
            ]
        );
        for l in &lines {
            assert!(l.width() <= 21);
        }
    }

    #[test]
    fn breaks_long_words_and_counts_wide_characters() {
        let spans = [Span::raw("ab 日本語日本語日本語 xyzxyzxyzxyzxyz")];
        let lines = wrap(&spans, &[], &[], 6);
        for l in &lines {
            assert!(l.width() <= 6, "{:?}", l.to_string());
        }
        assert_eq!(lines[0].to_string(), "ab");
        let joined: String = text(&lines).concat();
        assert!(joined.contains("日本語"));
    }

    #[test]
    fn keeps_a_marker_with_its_word() {
        let spans = [Span::raw("aaaa bbbb"), Span::raw("¹"), Span::raw(" c")];
        let lines = wrap(&spans, &[], &[], 9);
        assert_eq!(text(&lines), ["aaaa", "bbbb¹ c"]);
    }

    #[test]
    fn tiny_widths_do_not_loop_or_panic() {
        let spans = [Span::raw("x́ 한국어 word")];
        for w in 0..4 {
            let lines = wrap(&spans, &[Span::raw("12. ")], &[Span::raw("    ")], w);
            assert!(!lines.is_empty());
        }
    }
}
