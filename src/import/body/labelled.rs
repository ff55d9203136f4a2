//! Headings labelled with a word and a number, printed as a sentence of their own before the
//! paragraphs they head ("Action 1. We will take bold, ambitious, accelerated, just and
//! transformative actions …" / "20. We reaffirm …" in the Pact for the Future): the word is
//! capitalised, the numbers run 1, 2, 3 … for the same word, the heading runs over up to five
//! lines to its full stop, and the numbered paragraph due next follows it. Plain text shows
//! nothing more (a PDF sets such a heading in bold, which the text has lost), so the shape
//! alone decides, the same for every format.

use super::{ends_with_punctuation, lettered, numbered, without_end_marker};
use crate::import::lines::Line;

/// The most lines a labelled heading runs over.
const MAX_LINES: usize = 5;

/// A line opening with a labelled heading: "Action 12. We will …" → ("Action", 12).
pub(super) fn label(t: &str) -> Option<(&str, u32)> {
    // A capitalised ASCII word of three letters or more, then a space (told from the bytes:
    // most lines fail at the first).
    let b = t.as_bytes();
    if !b.first().is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    let len = 1 + b[1..].iter().take_while(|c| c.is_ascii_lowercase()).count();
    if len < 3 || b.get(len) != Some(&b' ') {
        return None;
    }
    let (word, rest) = (&t[..len], &t[len + 1..]);
    let (n, text) = numbered(rest)?;
    text.starts_with(|c: char| c.is_uppercase())
        .then_some((word, n))
}

/// Where the labelled heading opening at line `i` ends (the index of its last line): the first
/// line, with no blank line before it, whose text ends with a full stop, within
/// [`MAX_LINES`]; no line after the first may be numbered or lettered.
pub(super) fn end(lines: &[Line], i: usize) -> Option<usize> {
    for (k, line) in lines.iter().enumerate().skip(i).take(MAX_LINES) {
        let t = line.text.trim();
        if t.is_empty() || (k > i && (numbered(t).is_some() || lettered(t).is_some())) {
            return None;
        }
        let t = without_end_marker(t).trim_end_matches(['”', '’', '*']);
        if t.ends_with('.') {
            return Some(k);
        }
        if ends_with_punctuation(t) && !t.ends_with(',') {
            return None;
        }
    }
    None
}
