//! Byte scans over whole texts shared by the importer, the comparison and its renderers:
//! each a pass without branches (it vectorises) rather than one that stops early, since the
//! texts they run on are nearly always what they look for (printable ASCII, single spaces).

/// Printable ASCII (space to `~`).
pub fn printable_ascii(b: &[u8]) -> bool {
    !b.iter()
        .fold(false, |bad, &c| bad | (c.wrapping_sub(0x20) >= 0x5f))
}

/// Printable ASCII without a backslash (a markup escape) or a `[` (which may open a footnote
/// marker `[^id]`).
pub fn printable_ascii_unmarked(b: &[u8]) -> bool {
    !b.iter().fold(false, |bad, &c| {
        bad | (c.wrapping_sub(0x20) >= 0x5f) | (c == b'\\') | (c == b'[')
    })
}

/// Whether two spaces stand in a row somewhere.
pub fn double_space(b: &[u8]) -> bool {
    b.iter()
        .zip(b.iter().skip(1))
        .fold(false, |d, (&x, &y)| d | ((x == b' ') & (y == b' ')))
}

/// Whether a footnote marker may open somewhere (`[^`): a search for `[` (vectorised by
/// memchr), each hit checked for the `^` after it.
pub fn has_marker(b: &[u8]) -> bool {
    memchr::memchr_iter(b'[', b).any(|i| b.get(i + 1) == Some(&b'^'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_tell_what_they_say() {
        assert!(printable_ascii(b"Urges all States ~ 1;"));
        assert!(!printable_ascii("é".as_bytes()));
        assert!(!printable_ascii(b"a\tb"));
        assert!(!printable_ascii(b"\x7f"));
        assert!(printable_ascii(b""));
        assert!(printable_ascii_unmarked(b"Urges all States"));
        assert!(!printable_ascii_unmarked(b"a [^f1]"));
        assert!(!printable_ascii_unmarked(b"a \\* b"));
        assert!(double_space(b"a  b"));
        assert!(!double_space(b"a b c "));
        assert!(!double_space(b" "));
        assert!(!double_space(b""));
        assert!(has_marker(b"States[^f1] and"));
        assert!(has_marker(b"[ [^"));
        assert!(!has_marker(b"a [b] ^ c ["));
        assert!(!has_marker(b""));
    }
}
