//! Quoted text in a paragraph: the plain view of marked-up text (markup hidden, footnote
//! markers shown as the superscript numbers of the draft as issued or left out, spaces
//! collapsed), whole-word matching of a quotation in it (typographic and straight quotes,
//! apostrophes and hyphens compared alike), and the edits of the marked-up text that a
//! change of words makes, with the spaces at its seams put right.

use crate::markup;
use crate::model::Id;
use std::collections::HashMap;

/// How footnote markers appear in a plain view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markers {
    /// As the superscript number of the footnote.
    Numbers,
    /// Left out.
    Hidden,
}

/// The plain text of marked-up text, one entry per visible character with the byte range of
/// the marked-up text it stands for.
#[derive(Debug, Clone, Default)]
pub struct View {
    pub chars: Vec<char>,
    pub spans: Vec<(usize, usize)>,
}

/// Whether a character is a superscript digit (a footnote marker in a quotation).
pub fn is_superscript(c: char) -> bool {
    matches!(c, '⁰' | '¹' | '²' | '³' | '⁴'..='⁹')
}

/// Whether a character is part of a word for matching ("Chernobyl" in "post-Chernobyl").
pub fn is_word(c: char) -> bool {
    c.is_alphanumeric() && !is_superscript(c)
}

/// The character compared in matching: quotes, apostrophes, hyphens and spaces alike.
pub fn canonical(c: char) -> char {
    match c {
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{00AD}' => '-',
        '’' | '‘' | '\u{2032}' | '`' => '\'',
        '“' | '”' | '„' | '″' => '"',
        c if c.is_whitespace() => ' ',
        c => c,
    }
}

impl View {
    /// The view of marked-up text; `numbers` gives each footnote id its number.
    pub fn new(s: &str, markers: Markers, numbers: &HashMap<Id, u32>) -> View {
        let mut v = View {
            chars: Vec::with_capacity(s.len()),
            spans: Vec::with_capacity(s.len()),
        };
        let push = |v: &mut View, c: char, span: (usize, usize)| {
            if c.is_whitespace() {
                if v.chars.last().is_none_or(|l| *l == ' ') {
                    return;
                }
                v.chars.push(' ');
            } else {
                v.chars.push(c);
            }
            v.spans.push(span);
        };
        let mut i = 0;
        let b = s.as_bytes();
        while i < s.len() {
            // Printable ASCII but spaces and markup: itself, a byte (most of a text).
            if b[i] > b' ' && b[i] < 0x7f && !matches!(b[i], b'\\' | b'*' | b'[') {
                v.chars.push(char::from(b[i]));
                v.spans.push((i, i + 1));
                i += 1;
                continue;
            }
            // A space (one in six characters), as the last branch below would take it.
            if b[i] == b' ' {
                push(&mut v, ' ', (i, i + 1));
                i += 1;
                continue;
            }
            let rest = &s[i..];
            if let Some(after) = rest.strip_prefix('\\')
                && let Some(c) = after.chars().next()
                && matches!(c, '*' | '[' | '\\')
            {
                push(&mut v, c, (i, i + 1 + c.len_utf8()));
                i += 1 + c.len_utf8();
            } else if rest.starts_with('*') {
                i += 1;
            } else if let Some(id) = markup::marker_at(rest) {
                let end = i + id.len() + 3;
                if markers == Markers::Numbers {
                    let n = numbers.get(&Id::new(id)).copied().unwrap_or(0);
                    for c in markup::superscript(n).chars() {
                        push(&mut v, c, (i, end));
                    }
                }
                i = end;
            } else {
                let c = rest.chars().next().unwrap_or(' ');
                push(&mut v, c, (i, i + c.len_utf8()));
                i += c.len_utf8();
            }
        }
        if v.chars.last() == Some(&' ') {
            v.chars.pop();
            v.spans.pop();
        }
        v
    }

    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    /// Whole-word occurrences of `quote` (char ranges of the view).
    pub fn find(&self, quote: &str) -> Vec<(usize, usize)> {
        find_with(&self.chars, &normalise(quote), canonical)
    }

    /// The byte range of the marked-up text that view characters `i..j` stand for.
    pub fn bytes(&self, i: usize, j: usize) -> (usize, usize) {
        (self.spans[i].0, self.spans[j - 1].1)
    }
}

/// A quotation as compared: canonical characters, spaces collapsed, trimmed.
pub fn normalise(quote: &str) -> Vec<char> {
    let mut out: Vec<char> = Vec::with_capacity(quote.len());
    for c in quote.chars().map(canonical) {
        if c == ' ' && out.last().is_none_or(|l| *l == ' ') {
            continue;
        }
        out.push(c);
    }
    while out.last() == Some(&' ') {
        out.pop();
    }
    out
}

/// Whole-word occurrences of `q` in `v` (both canonical).
pub fn find_in(v: &[char], q: &[char]) -> Vec<(usize, usize)> {
    find_with(v, q, |c| c)
}

/// Whole-word occurrences of canonical `q` in `v`, each character of `v` compared as `canon`
/// gives it (so that `v` need not be copied in canonical form first).
fn find_with(v: &[char], q: &[char], canon: impl Fn(char) -> char) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if q.is_empty() || q.len() > v.len() {
        return out;
    }
    for i in 0..=v.len() - q.len() {
        let j = i + q.len();
        // The first character alone rules out most places.
        if canon(v[i]) != q[0] || !v[i..j].iter().zip(q).all(|(&c, &w)| canon(c) == w) {
            continue;
        }
        let left = i == 0 || !(is_word(v[i - 1]) && is_word(v[i]));
        let right = j == v.len() || !(is_word(v[j - 1]) && is_word(v[j]));
        if left && right {
            out.push((i, j));
        }
    }
    out
}

/// One change of the marked-up text: bytes `start..end` replaced by `insert`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Splice {
    pub start: usize,
    pub end: usize,
    pub insert: String,
}

/// Punctuation that closes up to the word before it.
fn closes(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '.' | ')' | ']' | '”' | '’' | '!' | '?')
}

/// The emphasis marks (`*`) inside marked-up bytes, kept when the text around them is
/// replaced so that the emphasis still closes.
fn emphasis(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '*' => out.push('*'),
            _ => {}
        }
    }
    out
}

/// The splice that deletes bytes `s..e` of `f`, taking one space of the seam with it.
pub fn delete(f: &str, s: usize, e: usize) -> Splice {
    let (mut s, mut e) = (s, e);
    let before_space = f[..s].ends_with(' ');
    if f[e..].starts_with(' ') && (s == 0 || before_space) {
        e += 1;
    } else if before_space && (e == f.len() || f[e..].starts_with(closes)) {
        s -= 1;
    }
    Splice {
        start: s,
        end: e,
        insert: emphasis(&f[s..e]),
    }
}

/// The splice that replaces bytes `s..e` of `f` by marked-up `new` (a deletion when empty).
pub fn replace(f: &str, s: usize, e: usize, new: &str) -> Splice {
    if new.is_empty() {
        return delete(f, s, e);
    }
    Splice {
        start: s,
        end: e,
        insert: format!("{new}{}", emphasis(&f[s..e])),
    }
}

/// The splice that inserts marked-up `new` after byte `e` of `f` (the end of an anchor).
pub fn insert_after(f: &str, e: usize, new: &str, plain_new: &str) -> Splice {
    let mut text = new.to_string();
    let next = f[e..].chars().next();
    // ", including …," before ", and": the comma is not doubled.
    if let (Some(last), Some(n)) = (plain_new.chars().last(), next)
        && matches!(last, ',' | ';')
        && n == last
    {
        text.pop();
    }
    let glue = if plain_new.starts_with(closes) {
        ""
    } else {
        " "
    };
    Splice {
        start: e,
        end: e,
        insert: format!("{glue}{text}"),
    }
}

/// The splice that inserts marked-up `new` before byte `s` of `f` (the start of an anchor).
pub fn insert_before(s: usize, new: &str, plain_new: &str) -> Splice {
    let glue = if plain_new.ends_with(['(', '[', '“', '‘']) {
        ""
    } else {
        " "
    };
    Splice {
        start: s,
        end: s,
        insert: format!("{new}{glue}"),
    }
}

/// Applies non-overlapping splices (in any order) to `f`.
pub fn splice(f: &str, splices: &[Splice]) -> String {
    let mut sorted: Vec<&Splice> = splices.iter().collect();
    sorted.sort_by_key(|s| (s.start, s.end));
    let mut out = String::with_capacity(f.len());
    let mut pos = 0;
    for s in sorted {
        if s.start < pos {
            continue;
        }
        out.push_str(&f[pos..s.start]);
        out.push_str(&s.insert);
        pos = s.end;
    }
    out.push_str(&f[pos..]);
    out
}

/// Whether two splices touch the same bytes (two insertions at one point do too).
pub fn overlap(a: &Splice, b: &Splice) -> bool {
    if a.start == a.end && b.start == b.end {
        return a.start == b.start;
    }
    a.start < b.end && b.start < a.end
        || (a.start == a.end && a.start > b.start && a.start < b.end)
        || (b.start == b.end && b.start > a.start && b.start < a.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(s: &str) -> View {
        View::new(s, Markers::Numbers, &HashMap::from([(Id::new("f8"), 8)]))
    }

    #[test]
    fn whole_words_only() {
        let v = view("Chernobyl-affected regions and post-Chernobyl recovery of Chernobyls");
        assert_eq!(v.find("Chernobyl").len(), 2);
        assert!(
            view("the Paris Agreement[^f8] and")
                .find("Agreement and")
                .is_empty()
        );
        assert_eq!(
            view("the Paris Agreement[^f8] and")
                .find("Agreement⁸ and")
                .len(),
            1
        );
        assert_eq!(view("Member States’ *role*").find("States' role").len(), 1);
        assert!(view("in 2015–2030").find("2015").len() == 1);
        assert!(view("resolution 46/182").find("46/18").is_empty());
    }

    #[test]
    fn seams() {
        let f = "capacities, and expressing concern, the ongoing";
        let v = view(f);
        let (i, j) = v.find("and expressing concern,")[0];
        let (s, e) = v.bytes(i, j);
        assert_eq!(splice(f, &[delete(f, s, e)]), "capacities, the ongoing");
        let f = "observe the Day, and notes";
        let (i, j) = view(f).find("Day")[0];
        let (_, e) = view(f).bytes(i, j);
        let x = ", including in 2026,";
        assert_eq!(
            splice(f, &[insert_after(f, e, x, x)]),
            "observe the Day, including in 2026, and notes"
        );
    }
}
