//! The light inline markup of draft text: `*italic*`, `**bold**`, a footnote marker `[^f3]`
//! naming a footnote id, and `\` escaping a literal `*`, `[` or `\`.
//!
//! Text typed in the editor or imported from a plain text is markup source: what in it looks
//! like markup but cannot be (a marker naming no footnote, an emphasis mark never closed) is
//! escaped by [`escape_unmeant`] at that moment, so every rendering shows the characters
//! typed and the draft file always loads.
//!
//! Parsing never fails: an unclosed `*` simply runs to the end of the text.

use crate::model::Id;

/// One run of text with its emphasis, or a footnote marker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Text {
        text: String,
        italic: bool,
        bold: bool,
    },
    Marker(Id),
}

/// What [`walk`] finds in marked-up text, in order.
enum Event<'a> {
    /// Literal text (an escape gives the character it escapes).
    Text(&'a str),
    /// A `*`: italics start or end.
    Italic,
    /// A `**`: bold starts or ends.
    Bold,
    /// A footnote marker, by its id.
    Marker(&'a str),
}

/// Reads marked-up text once, giving runs of plain text in bulk (markup characters are
/// ASCII, so everything up to the next `\`, `*` or `[` is literal).
fn walk<'a>(s: &'a str, mut f: impl FnMut(Event<'a>)) {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < s.len() {
        let next = memchr::memchr3(b'\\', b'*', b'[', &bytes[i..]).map_or(s.len(), |k| i + k);
        if next > i {
            f(Event::Text(&s[i..next]));
            i = next;
            continue;
        }
        let rest = &s[i..];
        if rest.starts_with('\\') {
            if matches!(bytes.get(i + 1), Some(b'*' | b'[' | b'\\')) {
                f(Event::Text(&rest[1..2]));
                i += 2;
            } else {
                f(Event::Text("\\"));
                i += 1;
            }
        } else if rest.starts_with("**") {
            f(Event::Bold);
            i += 2;
        } else if bytes[i] == b'*' {
            f(Event::Italic);
            i += 1;
        } else if let Some(id) = marker_at(rest) {
            f(Event::Marker(id));
            i += id.len() + 3;
        } else {
            f(Event::Text("["));
            i += 1;
        }
    }
}

/// Splits marked-up text into runs of plain text and footnote markers.
pub fn parse(s: &str) -> Vec<Segment> {
    let mut emphasis = (false, false);
    parse_from(s, &mut emphasis)
}

/// [`parse`] of a piece of a longer text, starting with the emphasis `(italic, bold)` that
/// the text before it left open, and leaving there the emphasis open at its end.
pub fn parse_from(s: &str, emphasis: &mut (bool, bool)) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut buf = String::new();
    let (mut italic, mut bold) = *emphasis;
    let flush = |buf: &mut String, out: &mut Vec<Segment>, italic: bool, bold: bool| {
        if !buf.is_empty() {
            out.push(Segment::Text {
                text: std::mem::take(buf),
                italic,
                bold,
            });
        }
    };
    walk(s, |ev| match ev {
        Event::Text(t) => buf.push_str(t),
        Event::Italic => {
            flush(&mut buf, &mut out, italic, bold);
            italic = !italic;
        }
        Event::Bold => {
            flush(&mut buf, &mut out, italic, bold);
            bold = !bold;
        }
        Event::Marker(id) => {
            flush(&mut buf, &mut out, italic, bold);
            out.push(Segment::Marker(Id::new(id)));
        }
    });
    flush(&mut buf, &mut out, italic, bold);
    *emphasis = (italic, bold);
    out
}

/// The id inside a marker `[^id]` at the start of `s`, if one stands there.
pub fn marker_at(s: &str) -> Option<&str> {
    let inner = s.strip_prefix("[^")?;
    let end = inner.find(']')?;
    let id = &inner[..end];
    (!id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
    .then_some(id)
}

/// The plain text: markup and footnote markers removed.
pub fn strip(s: &str) -> String {
    strip_borrowed(s).into_owned()
}

/// [`strip`], borrowing the text where it holds no markup (most paragraphs): for a check
/// that only reads it.
pub fn strip_borrowed(s: &str) -> std::borrow::Cow<'_, str> {
    // Without `\\`, `*` or `[` there is no markup: the text as it is.
    if memchr::memchr3(b'\\', b'*', b'[', s.as_bytes()).is_none() {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(render(s, |_| String::new()))
}

/// The plain text with each footnote marker replaced by what `marker` returns for its id.
pub fn render(s: &str, mut marker: impl FnMut(&Id) -> String) -> String {
    let mut out = String::with_capacity(s.len());
    walk(s, |ev| match ev {
        Event::Text(t) => out.push_str(t),
        Event::Marker(id) => out.push_str(&marker(&Id::new(id))),
        Event::Italic | Event::Bold => {}
    });
    out
}

/// The footnote ids whose markers stand in the text, in order.
pub fn markers(s: &str) -> Vec<Id> {
    if !crate::scan::has_marker(s.as_bytes()) {
        return Vec::new();
    }
    let mut out = Vec::new();
    walk(s, |ev| {
        if let Event::Marker(id) = ev {
            out.push(Id::new(id));
        }
    });
    out
}

/// The text with each footnote marker whose id is a key of `renames` naming the id it maps
/// to instead; everything else (escapes, emphasis, other markers) as it was, byte for byte.
pub fn rename_markers(s: &str, renames: &std::collections::HashMap<Id, Id>) -> String {
    if renames.is_empty() || !crate::scan::has_marker(s.as_bytes()) {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        match bytes[i] {
            b'\\' => {
                let n = if matches!(bytes.get(i + 1), Some(b'*' | b'[' | b'\\')) {
                    2
                } else {
                    1
                };
                out.push_str(&s[i..i + n]);
                i += n;
            }
            b'[' => match marker_at(&s[i..]) {
                Some(id) => {
                    match renames.get(&Id::new(id)) {
                        Some(to) => out.push_str(&marker(to)),
                        None => out.push_str(&s[i..i + id.len() + 3]),
                    }
                    i += id.len() + 3;
                }
                None => {
                    out.push('[');
                    i += 1;
                }
            },
            _ => {
                let next = memchr::memchr2(b'\\', b'[', &bytes[i..]).map_or(s.len(), |k| i + k);
                out.push_str(&s[i..next]);
                i = next;
            }
        }
    }
    out
}

/// The marker text for a footnote id.
pub fn marker(id: &Id) -> String {
    format!("[^{id}]")
}

/// Escapes plain text so that it reads back unchanged through [`parse`].
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '*' | '[' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Text as typed or imported, with the markup it cannot mean made literal (see
/// [`escape_unmeant`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Escaped {
    pub text: String,
    /// The byte offsets of the input before which a `\` was inserted, in order.
    pub inserted: Vec<usize>,
    /// What was made literal, for the drafter (“[^f9]” names no footnote: kept as text).
    pub notes: Vec<String>,
}

impl Escaped {
    /// Where byte `at` of the input stands in the escaped text.
    pub fn map_offset(&self, at: usize) -> usize {
        at + self.inserted.iter().filter(|&&p| p < at).count()
    }
}

/// Escapes the markup in `s` that cannot mean what it looks like, so that the text reads
/// back as the characters that were typed: a footnote marker `[^id]` naming no footnote
/// (`is_footnote` says which ids are footnotes) becomes `\[^id]`, and an emphasis mark
/// `*` or `**` left open at the end of the text becomes `\*` / `\*\*`. Everything else,
/// escapes included, is kept; applying it twice changes nothing more.
pub fn escape_unmeant(s: &str, is_footnote: impl Fn(&Id) -> bool) -> Escaped {
    // (offset, length) of the tokens to escape, with a note for each.
    let mut tokens: Vec<(usize, usize)> = Vec::new();
    let mut notes = Vec::new();
    let (mut italic, mut bold): (Option<usize>, Option<usize>) = (None, None);
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        if let Some(after) = rest.strip_prefix('\\') {
            i += 1 + after
                .chars()
                .next()
                .filter(|c| matches!(c, '*' | '[' | '\\'))
                .map_or(0, char::len_utf8);
        } else if rest.starts_with("**") {
            bold = if bold.is_some() { None } else { Some(i) };
            i += 2;
        } else if rest.starts_with('*') {
            italic = if italic.is_some() { None } else { Some(i) };
            i += 1;
        } else if let Some(id) = marker_at(rest) {
            let len = id.len() + 3;
            if !is_footnote(&Id::new(id)) {
                tokens.push((i, 1));
                notes.push(format!("“[^{id}]” names no footnote: kept as text"));
            }
            i += len;
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    if let Some(at) = italic {
        tokens.push((at, 1));
        notes.push("an unpaired “*” kept as text".into());
    }
    if let Some(at) = bold {
        tokens.push((at, 2));
        notes.push("an unpaired “**” kept as text".into());
    }
    tokens.sort_unstable();
    let mut out = Escaped {
        text: String::with_capacity(s.len() + tokens.len() * 2),
        inserted: Vec::new(),
        notes,
    };
    let mut from = 0;
    for (at, len) in tokens {
        out.text.push_str(&s[from..at]);
        for k in at..at + len {
            out.text.push('\\');
            out.inserted.push(k);
            out.text.push_str(&s[k..k + 1]);
        }
        from = at + len;
    }
    out.text.push_str(&s[from..]);
    out
}

/// Marked-up text for a list of segments, the inverse of [`parse`]: the text escaped, `**`
/// and `*` where the emphasis changes, every mark closed at the end.
/// `parse(&write(&parse(s))) == parse(s)` for every `s`.
pub fn write(segments: &[Segment]) -> String {
    let mut out = String::new();
    let (mut italic, mut bold) = (false, false);
    let mut set = |out: &mut String, i: bool, b: bool| {
        if b != bold {
            out.push_str("**");
            bold = b;
        }
        if i != italic {
            out.push('*');
            italic = i;
        }
    };
    for seg in segments {
        match seg {
            Segment::Text {
                text,
                italic: i,
                bold: b,
            } => {
                if text.is_empty() {
                    continue;
                }
                set(&mut out, *i, *b);
                out.push_str(&escape(text));
            }
            Segment::Marker(id) => out.push_str(&marker(id)),
        }
    }
    set(&mut out, false, false);
    out
}

/// A number in superscript digits (12 → "¹²").
pub fn superscript(n: u32) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    n.to_string()
        .bytes()
        .map(|b| DIGITS[(b - b'0') as usize])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renames_markers_and_keeps_the_rest_byte_for_byte() {
        let renames: std::collections::HashMap<Id, Id> = [
            (Id::new("f2"), Id::new("f1")),
            (Id::new("f1"), Id::new("f3")),
        ]
        .into_iter()
        .collect();
        let s = r"*Noting* the report,[^f2] not \[^f2] and [^f1]; [^f9] [x] \* é[^f2]";
        assert_eq!(
            rename_markers(s, &renames),
            r"*Noting* the report,[^f1] not \[^f2] and [^f3]; [^f9] [x] \* é[^f1]"
        );
    }

    #[test]
    fn parses_emphasis_and_markers() {
        let segs = parse("United Nations, *Treaty Series*,[^f1] **bold**");
        assert_eq!(
            segs,
            vec![
                Segment::Text {
                    text: "United Nations, ".into(),
                    italic: false,
                    bold: false
                },
                Segment::Text {
                    text: "Treaty Series".into(),
                    italic: true,
                    bold: false
                },
                Segment::Text {
                    text: ",".into(),
                    italic: false,
                    bold: false
                },
                Segment::Marker(Id::new("f1")),
                Segment::Text {
                    text: " ".into(),
                    italic: false,
                    bold: false
                },
                Segment::Text {
                    text: "bold".into(),
                    italic: false,
                    bold: true
                },
            ]
        );
    }

    #[test]
    fn strip_and_escape_round_trip() {
        let raw = "a * b [^x] \\ c";
        assert_eq!(strip(&escape(raw)), raw);
        assert_eq!(strip("*Ibid.*,[^f2] vol. 2"), "Ibid., vol. 2");
        assert_eq!(
            markers("x[^f2] y[^f10]"),
            vec![Id::new("f2"), Id::new("f10")]
        );
        assert_eq!(render("a[^f2]", |_| superscript(12)), "a¹²");
    }

    #[test]
    fn unmeant_markup_is_escaped_and_reads_back_as_typed() {
        let known = |id: &Id| id.as_str() == "f1";
        for (typed, plain) in [
            (" see note [^f9]", " see note [^f9]"),
            ("[^x] and [^f1]", "[^x] and "),
            ("5 * 3 = 15", "5 * 3 = 15"),
            ("*Treaty Series* and a * star", "Treaty Series and a * star"),
            ("**bold** and ** open", "bold and ** open"),
            ("a ***b", "a ***b"),
            ("already \\[^f9] escaped \\*", "already [^f9] escaped *"),
            ("trailing \\", "trailing \\"),
        ] {
            let e = escape_unmeant(typed, known);
            assert_eq!(strip(&e.text), plain, "{typed:?} -> {:?}", e.text);
            assert!(markers(&e.text).iter().all(known), "{typed:?}");
            let italic_or_bold_open = {
                let segs = parse(&format!("{}x", e.text));
                matches!(
                    segs.last(),
                    Some(Segment::Text { italic: true, .. } | Segment::Text { bold: true, .. })
                )
            };
            assert!(!italic_or_bold_open, "{typed:?} -> {:?}", e.text);
            // Idempotent.
            assert_eq!(escape_unmeant(&e.text, known).text, e.text);
            assert_eq!(e.text.len(), typed.len() + e.inserted.len());
        }
        let e = escape_unmeant(" see note [^f9]", known);
        assert_eq!(e.text, " see note \\[^f9]");
        assert_eq!(
            e.notes,
            vec!["“[^f9]” names no footnote: kept as text".to_string()]
        );
        assert_eq!(e.map_offset(5), 5);
        assert_eq!(e.map_offset(12), 13);
    }
}
