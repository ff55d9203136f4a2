//! Word wrapping of styled runs by display width, into one buffer: the lines are ranges of
//! segments (a style and a byte range of the buffer), so wrapping a paragraph allocates a
//! few vectors, not a string per line and run. [`super::layout::wrap`] gives the same lines
//! as runs (for the TUI); the command line writes them straight from the buffer.

use super::layout::{Run, Style, width};
use super::words;

/// Wrapped lines: maximal same-style segments of `buf`, a line a range of segments.
#[derive(Debug, Default)]
pub struct Wrapped {
    buf: String,
    segs: Vec<(Style, usize, usize)>,
    lines: Vec<(usize, usize)>,
    /// Where the line being filled starts in `segs`.
    open: usize,
}

impl Wrapped {
    /// The number of lines.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The segments of line `k` (none past the last line).
    pub fn line(&self, k: usize) -> impl Iterator<Item = (Style, &str)> + '_ {
        let (a, b) = self.lines.get(k).copied().unwrap_or((0, 0));
        self.segs[a..b]
            .iter()
            .map(|&(style, s, e)| (style, &self.buf[s..e]))
    }

    /// The display width of line `k`.
    pub fn line_width(&self, k: usize) -> usize {
        self.line(k).map(|(_, s)| width(s)).sum()
    }

    /// The lines as runs.
    pub fn to_runs(&self) -> Vec<Vec<Run>> {
        (0..self.len())
            .map(|k| self.line(k).map(|(st, s)| Run::new(s, st)).collect())
            .collect()
    }

    /// Appends `text` to the open line, to its last segment when that has the same style.
    fn push_str(&mut self, text: &str, style: Style) {
        if text.is_empty() {
            return;
        }
        self.buf.push_str(text);
        let end = self.buf.len();
        let open = self.segs.len() > self.open;
        match self.segs.last_mut() {
            Some(last) if open && last.0 == style => last.2 = end,
            _ => self.segs.push((style, end - text.len(), end)),
        }
    }

    /// Drops the spaces that end the open line (and segments left empty).
    fn trim_end(&mut self) {
        while self.segs.len() > self.open {
            let Some(last) = self.segs.last_mut() else {
                break;
            };
            let t = self.buf[last.1..last.2].trim_end().len();
            last.2 = last.1 + t;
            self.buf.truncate(last.2);
            if t == 0 {
                self.segs.pop();
            } else {
                break;
            }
        }
    }

    fn open_is_empty(&self) -> bool {
        self.segs.len() == self.open
    }

    /// Closes the open line.
    fn close(&mut self) {
        self.lines.push((self.open, self.segs.len()));
        self.open = self.segs.len();
    }
}

/// Wraps styled runs into lines of at most `cols` display columns, breaking at spaces
/// (and inside words longer than a line). Spaces at a break are dropped.
pub fn wrap(runs: &[Run], cols: usize) -> Wrapped {
    plain_wrap(runs, cols).unwrap_or_else(|| wrap_by(runs, cols, breaks))
}

/// [`wrap`] of runs that are all narrow (printable ASCII, or letters, punctuation and arrows
/// a column wide, without escapes or markers, no other spacing than spaces, see
/// [`is_narrow`]) and have no word longer than a line, a line at a time: the runs joined
/// with each run of spaces made one, then each line cut at the last space within `cols`
/// columns (one column a character). The same lines as [`wrap_by`]; `None` for other runs.
fn plain_wrap(runs: &[Run], cols: usize) -> Option<Wrapped> {
    let cols = cols.max(1);
    if !runs.iter().all(|r| is_plain(&r.text) || is_narrow(&r.text)) {
        return None;
    }
    let mut out = Wrapped {
        buf: String::with_capacity(runs.iter().map(|r| r.text.len()).sum()),
        ..Wrapped::default()
    };
    // The joined text and where each run's part of it ends, with its style.
    let mut styles: Vec<(usize, Style)> = Vec::with_capacity(runs.len());
    for r in runs {
        if crate::scan::double_space(r.text.as_bytes()) {
            let mut space = false;
            for c in r.text.chars() {
                if c != ' ' || !space {
                    out.buf.push(c);
                }
                space = c == ' ';
            }
        } else {
            out.buf.push_str(&r.text);
        }
        styles.push((out.buf.len(), r.style));
    }
    let b = out.buf.as_bytes();
    let skip_spaces = |mut p: usize| {
        while b.get(p) == Some(&b' ') {
            p += 1;
        }
        p
    };
    // About the lines the text fills (a line ends at a space, so seldom full).
    let mut lines: Vec<(usize, usize)> = Vec::with_capacity(b.len() / cols + 2);
    let mut p = skip_spaces(0);
    while p < b.len() {
        // Where `cols` columns from `p` end: a byte a column in ASCII, else a character a
        // column (counted only where the line holds other characters).
        let window = &b[p..b.len().min(p + cols + 1)];
        let limit = if window.is_ascii() {
            p + cols
        } else {
            out.buf[p..]
                .char_indices()
                .nth(cols)
                .map_or(b.len(), |(i, _)| p + i)
        };
        let end = if limit >= b.len() {
            b.len()
        } else if b[limit] == b' ' {
            limit
        } else {
            // A word longer than a line is cut inside: left to the general way.
            p + b[p..limit].iter().rposition(|&c| c == b' ')?
        };
        let mut e = end;
        while e > p && b[e - 1] == b' ' {
            e -= 1;
        }
        lines.push((p, e));
        p = skip_spaces(end);
    }
    // The segments of each line: its bytes cut where the style changes.
    out.segs.reserve(lines.len() + styles.len());
    out.lines.reserve(lines.len());
    let mut k = 0;
    for (start, end) in lines {
        let first = out.segs.len();
        let mut at = start;
        while at < end {
            while styles[k].0 <= at {
                k += 1;
            }
            let stop = styles[k].0.min(end);
            let style = styles[k].1;
            let in_line = out.segs.len() > first;
            match out.segs.last_mut() {
                Some(last) if in_line && last.0 == style => last.2 = stop,
                _ => out.segs.push((style, at, stop)),
            }
            at = stop;
        }
        out.lines.push((first, out.segs.len()));
    }
    if out.lines.is_empty() {
        out.lines.push((0, 0));
    }
    out.open = out.segs.len();
    Some(out)
}

/// Text whose characters are each a column wide and whose only spacing is the space:
/// printable ASCII without escapes or markers, Latin letters and signs (U+00A1–U+024F but
/// the soft hyphen), general punctuation (U+2010–U+2027) and arrows (U+2190–U+21FF).
fn is_narrow(text: &str) -> bool {
    !crate::scan::has_marker(text.as_bytes())
        && text.chars().all(|c| {
            matches!(c, ' '..='~' | '\u{A1}'..='\u{24F}' | '\u{2010}'..='\u{2027}' | '\u{2190}'..='\u{21FF}')
                && c != '\\'
                && c != '\u{AD}'
        })
}

/// Printable ASCII without escapes or footnote markers: cut at its spaces alone.
fn is_plain(text: &str) -> bool {
    let b = text.as_bytes();
    crate::scan::printable_ascii_unmarked(b)
        || crate::scan::printable_ascii(b)
            && memchr::memchr(b'\\', b).is_none()
            && memchr::memmem::find(b, b"[^").is_none()
}

/// [`wrap`] with the runs cut into pieces by `cut`.
pub(super) fn wrap_by(runs: &[Run], cols: usize, cut: fn(&str) -> Breaks<'_>) -> Wrapped {
    let cols = cols.max(1);
    let mut out = Wrapped {
        buf: String::with_capacity(runs.iter().map(|r| r.text.len()).sum::<usize>() + 16),
        ..Wrapped::default()
    };
    let mut used = 0;
    // The word being read: fragments without spaces (possibly of several styles), as
    // slices of the runs; a word ends at a space or at the end.
    let mut word: Vec<(&str, Style)> = Vec::new();
    // Where the last fragment of the word ends: (run, byte offset), to widen it.
    let mut word_end = (usize::MAX, 0);
    for (r, run) in runs.iter().enumerate() {
        let text = run.text.as_str();
        let mut at = 0;
        let mut pieces = cut(text);
        while let Some((tok, space)) = pieces.next_piece() {
            let start = at;
            at += tok.len();
            if space {
                place(&mut word, &mut out, &mut used, cols);
                if used > 0 && used < cols {
                    out.push_str(" ", run.style);
                    used += 1;
                }
                continue;
            }
            match word.last_mut() {
                // The next token of the same run: widen the slice.
                Some((frag, _)) if word_end == (r, start) => {
                    *frag = &text[start - frag.len()..at];
                }
                _ => word.push((&text[start..at], run.style)),
            }
            word_end = (r, at);
        }
    }
    place(&mut word, &mut out, &mut used, cols);
    out.trim_end();
    if !out.open_is_empty() || out.lines.is_empty() {
        out.close();
    }
    out
}

/// The pieces of a run that wrapping tells apart: runs of spaces and what stands between
/// them. Printable ASCII without escapes or markers is cut at its spaces alone, byte by byte
/// (the same places as the word tokens, whose neighbouring pieces join into one word anyway).
pub(super) fn breaks(text: &str) -> Breaks<'_> {
    if is_plain(text) {
        Breaks::Spaces(text)
    } else {
        Breaks::Tokens(words::tokens(text))
    }
}

pub(super) enum Breaks<'a> {
    /// The rest of a plain ASCII text, cut at spaces.
    Spaces(&'a str),
    Tokens(words::Tokens<'a>),
}

impl<'a> Breaks<'a> {
    /// The next piece and whether it is spacing.
    fn next_piece(&mut self) -> Option<(&'a str, bool)> {
        match self {
            Breaks::Tokens(t) => {
                let tok = t.next()?;
                Some((tok, tok.trim().is_empty()))
            }
            Breaks::Spaces(rest) => {
                let b = rest.as_bytes();
                let space = *b.first()? == b' ';
                let n = b
                    .iter()
                    .position(|&c| (c == b' ') != space)
                    .unwrap_or(b.len());
                let (piece, tail) = rest.split_at(n);
                *rest = tail;
                Some((piece, space))
            }
        }
    }
}

impl<'a> Iterator for Breaks<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        self.next_piece().map(|(p, _)| p)
    }
}

/// Puts the word read so far on the line (or on a new line when it does not fit), and
/// empties it.
fn place(word: &mut Vec<(&str, Style)>, out: &mut Wrapped, used: &mut usize, cols: usize) {
    if word.is_empty() {
        return;
    }
    let w: usize = word.iter().map(|(f, _)| width(f)).sum();
    if *used + w > cols && *used > 0 {
        out.trim_end();
        out.close();
        *used = 0;
    }
    if w <= cols {
        for (f, style) in word.drain(..) {
            out.push_str(f, style);
        }
        *used += w;
        return;
    }
    for (f, style) in word.drain(..) {
        for g in unicode_segmentation::UnicodeSegmentation::graphemes(f, true) {
            let gw = width(g);
            if *used + gw > cols && *used > 0 {
                out.close();
                *used = 0;
            }
            out.push_str(g, style);
            *used += gw;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(texts: &[String]) -> Vec<Run> {
        let style = |k: usize| match k % 3 {
            0 => Style::Plain,
            1 => Style::Inserted,
            _ => Style::Deleted,
        };
        texts
            .iter()
            .enumerate()
            .map(|(k, t)| Run::new(t.as_str(), style(k)))
            .collect()
    }

    #[test]
    fn plain_lines_are_cut_at_the_last_space() {
        let r = runs(&[
            "Urges all  States ".into(),
            "parties".into(),
            " to act".into(),
        ]);
        let w = plain_wrap(&r, 12).expect("plain");
        let text: Vec<String> = w
            .to_runs()
            .iter()
            .map(|l| l.iter().map(|r| r.text.as_str()).collect())
            .collect();
        assert_eq!(text, ["Urges all", "States", "parties to", "act"]);
        assert_eq!(w.to_runs()[2][0].style, Style::Inserted);
        assert!(plain_wrap(&runs(&["abcdefgh".into()]), 3).is_none());
        assert_eq!(wrap(&runs(&["abcdefgh".into()]), 3).len(), 3);
    }

    proptest::proptest! {
        /// Plain ASCII cut at its spaces wraps as its word tokens do, and so does the
        /// line-at-a-time way when it applies.
        #[test]
        fn space_breaks_wrap_as_tokens(
            texts in proptest::collection::vec("[a-z,;() ]{0,30}", 1..5),
            cols in 1usize..24,
        ) {
            let runs = runs(&texts);
            proptest::prop_assert!(runs.iter().all(|r| matches!(breaks(&r.text), Breaks::Spaces(_))));
            let by_tokens = wrap_by(&runs, cols, |t| Breaks::Tokens(words::tokens(t))).to_runs();
            proptest::prop_assert_eq!(wrap_by(&runs, cols, breaks).to_runs(), by_tokens.clone());
            if let Some(lines) = plain_wrap(&runs, cols) {
                proptest::prop_assert_eq!(lines.to_runs(), by_tokens);
            }
        }

        /// The same with words shorter than most lines (so the line-at-a-time way applies).
        #[test]
        fn short_words_wrap_line_at_a_time_as_tokens(
            texts in proptest::collection::vec("( {0,3}[a-z;é→–’ß]{1,6}){0,12} {0,2}", 1..5),
            cols in 6usize..40,
        ) {
            let runs = runs(&texts);
            let by_tokens = wrap_by(&runs, cols, |t| Breaks::Tokens(words::tokens(t))).to_runs();
            proptest::prop_assert_eq!(wrap(&runs, cols).to_runs(), by_tokens);
        }
    }
}
