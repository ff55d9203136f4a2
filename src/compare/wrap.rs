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
    wrap_by(runs, cols, breaks)
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
    let plain = text
        .bytes()
        .all(|b| (0x20..0x7f).contains(&b) && b != b'\\')
        && !text.contains("[^");
    if plain {
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
fn place(
    word: &mut Vec<(&str, Style)>,
    out: &mut Wrapped,
    used: &mut usize,
    cols: usize,
) {
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
