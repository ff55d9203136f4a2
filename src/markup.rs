//! The light inline markup of draft text: `*italic*`, `**bold**`, a footnote marker `[^f3]`
//! naming a footnote id, and `\` escaping a literal `*`, `[` or `\`.
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

/// Splits marked-up text into runs of plain text and footnote markers.
pub fn parse(s: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut buf = String::new();
    let (mut italic, mut bold) = (false, false);
    let flush = |buf: &mut String, out: &mut Vec<Segment>, italic: bool, bold: bool| {
        if !buf.is_empty() {
            out.push(Segment::Text {
                text: std::mem::take(buf),
                italic,
                bold,
            });
        }
    };
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        if let Some(after) = rest.strip_prefix('\\') {
            if let Some(c) = after.chars().next()
                && matches!(c, '*' | '[' | '\\')
            {
                buf.push(c);
                i += 1 + c.len_utf8();
                continue;
            }
            buf.push('\\');
            i += 1;
        } else if rest.starts_with("**") {
            flush(&mut buf, &mut out, italic, bold);
            bold = !bold;
            i += 2;
        } else if bytes[i] == b'*' {
            flush(&mut buf, &mut out, italic, bold);
            italic = !italic;
            i += 1;
        } else if let Some(id) = marker_at(rest) {
            flush(&mut buf, &mut out, italic, bold);
            i += id.len() + 3;
            out.push(Segment::Marker(Id::new(id)));
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            buf.push(c);
            i += c.len_utf8();
        }
    }
    flush(&mut buf, &mut out, italic, bold);
    out
}

/// The id inside a marker `[^id]` at the start of `s`, if one stands there.
fn marker_at(s: &str) -> Option<&str> {
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
    render(s, |_| String::new())
}

/// The plain text with each footnote marker replaced by what `marker` returns for its id.
pub fn render(s: &str, mut marker: impl FnMut(&Id) -> String) -> String {
    let mut out = String::with_capacity(s.len());
    for seg in parse(s) {
        match seg {
            Segment::Text { text, .. } => out.push_str(&text),
            Segment::Marker(id) => out.push_str(&marker(&id)),
        }
    }
    out
}

/// The footnote ids whose markers stand in the text, in order.
pub fn markers(s: &str) -> Vec<Id> {
    if !s.contains("[^") {
        return Vec::new();
    }
    parse(s)
        .into_iter()
        .filter_map(|seg| match seg {
            Segment::Marker(id) => Some(id),
            _ => None,
        })
        .collect()
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
}
