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

/// The text with every unsafe or invisible character replaced by its placeholder. Borrowed
/// when nothing needed replacing.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    let replace = |c: char| is_unsafe(c) || is_invisible(c);
    if !s.chars().any(replace) {
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
    if !s.chars().any(replace) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| if replace(c) { placeholder(c) } else { c })
            .collect(),
    )
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
}
