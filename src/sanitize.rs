//! Makes text from a draft safe to show on a terminal: control characters, escape sequences
//! and bidirectional overrides become visible placeholders instead of reaching the terminal.

use std::borrow::Cow;

/// Whether a character must not reach the terminal as it is.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
        || matches!(c, '\u{FFF9}'..='\u{FFFB}')
}

/// Whether a character is one of the zero-width characters (space, non-joiner, joiner, word
/// joiner, byte-order mark). They are harmless to a terminal but invisible, so a text printed
/// with them would hide them (“Member\u{200B}States” reads as “MemberStates”); [`sanitize`]
/// shows them as placeholders and `check` flags them.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// The visible placeholder for an unsafe character: the Unicode control picture for C0
/// controls (ESC → "␛"), "␡" for DEL, and "�" for C1 controls and bidi overrides. A tab
/// becomes a space.
pub fn placeholder(c: char) -> char {
    match c {
        '\t' => ' ',
        '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
        '\u{7F}' => '␡',
        _ => '\u{FFFD}',
    }
}

/// Printable ASCII (space to `~`): nothing in it is unsafe or invisible, read byte by byte.
fn is_printable_ascii(s: &str) -> bool {
    crate::scan::printable_ascii(s.as_bytes())
}

/// The text with every unsafe or invisible character replaced by its placeholder. Borrowed
/// when nothing needed replacing.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    let replace = |c: char| is_unsafe(c) || is_invisible(c);
    if is_printable_ascii(s) || !s.chars().any(replace) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| if replace(c) { placeholder(c) } else { c })
            .collect(),
    )
}

/// Like [`sanitize`] but keeps line breaks (for multi-line output such as an export).
pub fn sanitize_keep_newlines(s: &str) -> Cow<'_, str> {
    let replace = |c: char| c != '\n' && (is_unsafe(c) || is_invisible(c));
    if is_printable_ascii(s) || !s.chars().any(replace) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| if replace(c) { placeholder(c) } else { c })
            .collect(),
    )
}

/// JSON safe for a terminal: pretty-printed, and every character [`is_unsafe`] flags inside a
/// string written as a `\uXXXX` escape. serde_json escapes C0 controls itself but passes C1
/// controls (U+0080–U+009F) and bidi overrides and isolates through raw. Lossless: a JSON
/// parser reads back exactly the same text. Used by every `--format json`.
pub fn json_pretty<T: serde::Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    json_pretty_sized(value, 0)
}

/// [`json_pretty`] written into a buffer of `capacity` bytes to start with: a large output
/// whose size is known about is not copied again and again as it grows.
pub fn json_pretty_sized<T: serde::Serialize + ?Sized>(
    value: &T,
    capacity: usize,
) -> serde_json::Result<String> {
    let mut out = Vec::with_capacity(capacity);
    json_pretty_into(value, &mut out)?;
    // The formatter writes only UTF-8 (serde_json's output and ASCII escapes).
    Ok(String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into()))
}

/// [`json_pretty`] appended to `out` (a buffer reused between values).
pub fn json_pretty_into<T: serde::Serialize + ?Sized>(
    value: &T,
    out: &mut Vec<u8>,
) -> serde_json::Result<()> {
    json_pretty_nested_into(value, 0, out)
}

/// [`json_pretty_into`] of a value that stands `depth` arrays or objects deep in a larger
/// document: its inner lines indented as they would be there (its first line is not, as the
/// formatter would not indent it either).
pub fn json_pretty_nested_into<T: serde::Serialize + ?Sized>(
    value: &T,
    depth: usize,
    out: &mut Vec<u8>,
) -> serde_json::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(out, SafeJson::at_depth(depth));
    value.serialize(&mut ser)
}

/// serde_json's pretty formatter with unsafe characters escaped (see [`json_pretty`]).
#[derive(Default)]
struct SafeJson(serde_json::ser::PrettyFormatter<'static>);

impl SafeJson {
    /// The formatter as it stands inside `depth` open arrays: the pretty formatter keeps its
    /// depth to itself, so arrays are opened (into nothing) to set it.
    fn at_depth(depth: usize) -> Self {
        use serde_json::ser::Formatter;
        let mut f = SafeJson::default();
        for _ in 0..depth {
            let _ = f.0.begin_array(&mut std::io::sink());
        }
        f
    }
}

macro_rules! delegate {
    ($($name:ident($($arg:ident: $ty:ty),*);)*) => {
        $(fn $name<W: ?Sized + std::io::Write>(&mut self, w: &mut W $(, $arg: $ty)*) -> std::io::Result<()> {
            self.0.$name(w $(, $arg)*)
        })*
    };
}

impl serde_json::ser::Formatter for SafeJson {
    delegate! {
        begin_array();
        end_array();
        begin_array_value(first: bool);
        end_array_value();
        begin_object();
        end_object();
        begin_object_key(first: bool);
        begin_object_value();
        end_object_value();
    }

    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        // Printable ASCII (most of a draft) has nothing to escape: one pass over the bytes.
        if is_printable_ascii(fragment) {
            return w.write_all(fragment.as_bytes());
        }
        let mut rest = fragment;
        while let Some(i) = rest.find(is_unsafe) {
            w.write_all(&rest.as_bytes()[..i])?;
            let c = rest[i..].chars().next().unwrap_or_default();
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                write!(w, "\\u{u:04x}")?;
            }
            rest = &rest[i + c.len_utf8()..];
        }
        w.write_all(rest.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(sanitize("a\u{1b}[31mred"), "a␛[31mred");
        assert_eq!(sanitize("x\u{202E}y"), "x\u{FFFD}y");
        assert_eq!(sanitize("tab\there"), "tab here");
        assert!(matches!(sanitize("plain — text"), Cow::Borrowed(_)));
        assert_eq!(sanitize_keep_newlines("a\nb\u{7}"), "a\nb␇");
        // Zero-width characters do not pass silently either.
        assert_eq!(sanitize("Member\u{200B}States"), "Member\u{FFFD}States");
        assert_eq!(
            sanitize_keep_newlines("a\u{FEFF}\nb\u{200D}"),
            "a\u{FFFD}\nb\u{FFFD}"
        );
    }

    #[test]
    fn json_escapes_c1_controls_and_bidi_overrides_losslessly() {
        let text = "a\u{85}b\u{9b}31m\u{202e}c\u{2066}d\u{1b}e — é";
        let json = json_pretty(&serde_json::json!({ "text": text })).unwrap();
        assert!(!json.chars().any(|c| is_unsafe(c) && c != '\n'), "{json:?}");
        assert!(
            json.contains("\\u0085") && json.contains("\\u202e"),
            "{json}"
        );
        assert!(json.contains("— é"), "other text stays as it is: {json}");
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["text"], text);
    }
}
