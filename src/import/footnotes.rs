//! Footnotes as printed: taking footnote blocks out of the lines ([`extract`]: `¹ text`
//! anywhere, and after a `____` separator to the foot of the page `1  text`, its continuation
//! lines (also those that open with a number, `18 – 22 March 2002 …`) and the `*`/`**` notes
//! on sponsors). Their markers in the text are found by [`super::markers`] and linked to
//! model footnotes by [`super::anchors`].

use super::lines::{Line, push_wrapped};
use crate::model::Id;

/// A footnote as read from the text, before it is linked to its marker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FootnoteDef {
    /// The printed number; `None` for a `*` note.
    pub number: Option<u32>,
    pub text: String,
    pub line: usize,
    /// The id of the paragraph being read when the footnote appeared.
    pub near: Option<Id>,
    /// Whether the number was printed in plain digits (a PDF extraction).
    pub plain: bool,
    /// The page whose foot prints the footnote.
    pub page: u32,
}

pub const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/// The digit value of a superscript digit.
pub fn superscript_value(c: char) -> Option<u32> {
    SUPERSCRIPTS.iter().position(|&s| s == c).map(|p| p as u32)
}

/// Reads a run of superscript digits at the start of `s`: (number, byte length).
pub(crate) fn superscript_number(s: &str) -> Option<(u32, usize)> {
    let mut n: u32 = 0;
    let mut len = 0;
    for c in s.chars() {
        let Some(d) = superscript_value(c) else { break };
        n = n.checked_mul(10)?.checked_add(d)?;
        len += c.len_utf8();
    }
    (len > 0).then_some((n, len))
}

/// A footnote line: `¹ text` anywhere; `1  text` and `* text` only inside a footnote block
/// (after a separator line). Returns the number (None for `*`), the text, and whether the
/// number was in plain digits.
pub fn footnote_line(s: &str, in_block: bool) -> Option<(Option<u32>, &str, bool)> {
    if let Some((n, len)) = superscript_number(s) {
        let rest = s[len..].trim_start();
        if !rest.is_empty() && n > 0 {
            return Some((Some(n), rest, false));
        }
        return None;
    }
    if !in_block {
        return None;
    }
    if let Some(rest) = s.strip_prefix('*')
        && rest.starts_with(' ')
        && !rest.trim().is_empty()
    {
        return Some((None, rest.trim_start(), true));
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) && s[digits..].starts_with(' ') {
        let rest = s[digits..].trim_start();
        let n: u32 = s[..digits].parse().ok()?;
        if n > 0 && !rest.is_empty() {
            return Some((Some(n), rest, true));
        }
    }
    None
}

/// Whether a line is a footnote separator (`__________`).
pub fn is_separator(s: &str) -> bool {
    s.len() >= 5 && s.chars().all(|c| c == '_')
}

/// The start of a footnote in a footnote block: its number when it is the one expected
/// next (a footnote whose text runs on to a line opening with another number, such as a date
/// `18 – 22 March 2002`, is continued, not a new footnote), or `*`/`**` for a note on the
/// sponsors; with the text after it.
fn block_start(s: &str, expected: u32) -> Option<(Option<u32>, &str)> {
    let stars = s.bytes().take_while(|&b| b == b'*').count();
    if stars > 0 {
        let rest = s[stars..].trim_start();
        return (!rest.is_empty() && !rest.starts_with('*')).then_some((None, rest));
    }
    let (n, rest, _) = footnote_line(s, true)?;
    let n = n?;
    // Before any footnote, the first number seen opens the run.
    (n == expected || expected == 1).then_some((Some(n), rest))
}

/// Takes the footnotes out of the lines, blanking their lines (marked as page breaks, as a
/// footnote block interrupts the text like one): a block opens at a `____` separator and
/// runs to the foot of the page; where the text shows no pages, to the first line after a
/// blank line that does not open a footnote. `¹ text` lines are footnotes wherever they
/// stand.
pub fn extract(lines: &mut [Line]) -> Vec<FootnoteDef> {
    let paged = lines.last().is_some_and(|l| l.page > 1);
    let mut defs: Vec<FootnoteDef> = Vec::new();
    let mut in_block = false;
    // The footnote a following line continues, and whether a blank line came since.
    let mut open: Option<usize> = None;
    let mut blank = false;
    let mut expected = 1;
    let mut page = lines.first().map_or(1, |l| l.page);
    // Whether a line is one of the last four of its page's last run of text (no blank line
    // between it and the foot): where a `*` note on the sponsors stands when no separator was
    // extracted above it.
    let mut last_on_page = vec![false; lines.len()];
    let mut start = 0;
    for page in lines.chunk_by(|a, b| a.page == b.page) {
        page.iter()
            .enumerate()
            .rev()
            .skip_while(|(_, l)| l.is_blank())
            .take_while(|(_, l)| !l.is_blank())
            .take(4)
            .for_each(|(j, _)| last_on_page[start + j] = true);
        start += page.len();
    }
    // Inside such a note: the rest of its run continues it.
    let mut star_run: Option<usize> = None;
    for (k, line) in lines.iter_mut().enumerate() {
        if line.page != page {
            page = line.page;
            in_block = false;
            star_run = None;
        }
        if line.is_blank() {
            blank = true;
            star_run = None;
            continue;
        }
        let t = line.text.as_str();
        if let Some(d) = star_run {
            push_wrapped(&mut defs[d].text, t);
        } else if is_separator(t) {
            in_block = true;
        } else if let Some((n, text, false)) = footnote_line(t, false) {
            open = Some(defs.len());
            expected = n.map_or(expected, |n| n + 1);
            defs.push(FootnoteDef {
                number: n,
                text: text.to_string(),
                line: line.no,
                near: None,
                plain: false,
                page,
            });
        } else if !in_block && paged && last_on_page[k] && t.starts_with("* ") && t.len() < 400 {
            // "* Any changes to the list of sponsors …" at the foot of the first page.
            open = None;
            star_run = Some(defs.len());
            defs.push(FootnoteDef {
                number: None,
                text: t[1..].trim_start().to_string(),
                line: line.no,
                near: None,
                plain: true,
                page,
            });
        } else if !in_block {
            open = None;
            continue;
        } else if let Some((n, text)) = block_start(t, expected) {
            open = Some(defs.len());
            if let Some(n) = n {
                expected = n + 1;
            }
            defs.push(FootnoteDef {
                number: n,
                text: text.to_string(),
                line: line.no,
                near: None,
                plain: true,
                page,
            });
        } else {
            // A note on sponsors ends at a blank line; a numbered footnote runs on to the
            // foot of the page, and over it to the next page's block.
            let target = open.filter(|&k| !blank || paged && defs[k].number.is_some());
            let target = target.or_else(|| {
                paged
                    .then(|| defs.iter().rposition(|d| d.number.is_some()))
                    .flatten()
            });
            match target {
                Some(k) => push_wrapped(&mut defs[k].text, t),
                None if paged => {}
                None => {
                    in_block = false;
                    open = None;
                    continue;
                }
            }
        }
        blank = false;
        line.text.clear();
        line.page_break = true;
    }
    defs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_footnote_lines() {
        assert_eq!(
            footnote_line("¹ United Nations", false),
            Some((Some(1), "United Nations", false))
        );
        assert_eq!(
            footnote_line("¹² Ibid.", false),
            Some((Some(12), "Ibid.", false))
        );
        assert_eq!(footnote_line("1  See A/80/348.", false), None);
        assert_eq!(
            footnote_line("1  See A/80/348.", true),
            Some((Some(1), "See A/80/348.", true))
        );
        assert_eq!(
            footnote_line("* Any changes", true),
            Some((None, "Any changes", true))
        );
        assert_eq!(footnote_line("1. Urges", true), None);
    }

    #[test]
    fn a_star_note_ending_a_page_is_a_note_without_a_separator() {
        let text = "A/C.9/80/L.1\n\nBelarus:* draft resolution\n\nThe General Assembly,\n\n\
                    Recalling its resolution 1/1,\n\n\
                    * Any changes to the list of sponsors will be reflected in the record.\n\n\
                    A/C.9/80/L.1\n\n25-14866\n\n2/2\n\nRecalling also its resolution 2/2,\n\n\
                    * this line is no note: it does not end its page\n\n1. Decides x.\n\n\
                    A/C.9/80/L.1\n\n25-14866\n\n3/3\n\nLast page.\n";
        let mut lines = super::super::lines::normalise(text);
        assert!(lines.last().is_some_and(|l| l.page > 1), "pages told apart");
        let defs = extract(&mut lines);
        let notes: Vec<&str> = defs.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(
            notes,
            ["Any changes to the list of sponsors will be reflected in the record."]
        );
        assert!(lines.iter().any(|l| l.text.starts_with("* this line")));
    }

    #[test]
    fn a_star_note_over_two_lines_ending_a_page_is_one_note() {
        let text = "A/C.9/80/L.2\n\nPanama:* draft resolution\n\nThe General Assembly,\n\n\
                    Recalling its resolution 1/1 on lanterns and\nlamps,\n\n\
                    * On behalf of the States members of the Group of Lamplighters, taking\n\
                    into account also resolution 10/1 of 10 May 2024.\n\n\
                    A/C.9/80/L.2\n\n25-14867\n\n2/2\n\n1. Decides x.\n";
        let mut lines = super::super::lines::normalise(text);
        let defs = extract(&mut lines);
        let notes: Vec<&str> = defs.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(
            notes,
            [
                "On behalf of the States members of the Group of Lamplighters, taking into \
              account also resolution 10/1 of 10 May 2024."
            ]
        );
        assert!(!lines.iter().any(|l| l.text.contains("into account")));
        assert!(lines.iter().any(|l| l.text.starts_with("lamps,")));
    }
}
