//! What one line of a body says it is, on its own: a numbered or lettered paragraph's number,
//! a heading (`II.`, `A.`, a Roman numeral alone), an annex line, a title, the closing meeting
//! line, and the punctuation that ends a paragraph (a footnote marker after it aside).

use crate::import::footnotes;

/// The text without a footnote marker after its final punctuation: superscript digits, or
/// plain digits glued to the punctuation ("2024,1" → "2024,"; "Want.11" → "Want.").
pub fn without_end_marker(s: &str) -> &str {
    let s = s.trim_end();
    let sup = s.trim_end_matches(|c: char| footnotes::superscript_value(c).is_some());
    if sup.len() < s.len() {
        return sup.trim_end();
    }
    let digits = s.bytes().rev().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) && s[..s.len() - digits].ends_with([',', ';', '.', ':', '”']) {
        &s[..s.len() - digits]
    } else {
        s
    }
}

/// Whether a line is the closing meeting line of a resolution ("45th plenary meeting",
/// "50th (resumed) plenary meeting"): it never continues a paragraph.
pub fn meeting_line(t: &str) -> bool {
    // A meeting line ends with "meeting", a date or a full stop, and holds "plenary": the
    // last byte, then one search, rule out most lines before the words are split and a date
    // looked for.
    if !matches!(
        t.trim_end().as_bytes().last(),
        Some(b'g' | b'.' | b'0'..=b'9')
    ) || !t.contains("plenary")
    {
        return false;
    }
    let t = t.trim().trim_end_matches('.');
    // The date printed under it may stand on the same line ("3rd plenary meeting 22 September
    // 2024", where a Word file or a text export joined the two lines).
    let w: Vec<&str> = t.split_whitespace().collect();
    let joined;
    let t = match w.len().checked_sub(3) {
        Some(k) if k > 0 && crate::import::header::is_date(&w[k..].join(" ")) => {
            joined = w[..k].join(" ");
            joined.as_str()
        }
        _ => t,
    };
    let Some(rest) = t.strip_suffix("plenary meeting") else {
        return false;
    };
    let mut words = rest.split_whitespace();
    let ordinal = words.next().is_some_and(|w| {
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0 && matches!(&w[digits..], "st" | "nd" | "rd" | "th")
    });
    let resumed: Vec<&str> = words.collect();
    ordinal && (resumed.is_empty() || resumed == ["(resumed)"] || resumed == ["resumed"])
}

/// Whether the text ends a clause (ignoring closing quotes, brackets, emphasis and markers).
pub fn ends_with_punctuation(s: &str) -> bool {
    let s = without_end_marker(s);
    let t = s.trim_end_matches(|c: char| {
        matches!(c, '*' | '”' | '’' | '"' | '\'' | ')' | ']' | ' ')
            || footnotes::superscript_value(c).is_some()
    });
    t.ends_with(['.', ',', ';', ':', '!', '?'])
}

/// A numbered line: "12. text" or "12." alone. Returns the number and the rest.
pub fn numbered(s: &str) -> Option<(u32, &str)> {
    numbered_digits(s, 1..=3)
}

/// A numbered line whose number has a count of digits in `digits`.
pub(super) fn numbered_digits(
    s: &str,
    digits_range: std::ops::RangeInclusive<usize>,
) -> Option<(u32, &str)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if !digits_range.contains(&digits) || s.as_bytes().get(digits) != Some(&b'.') {
        return None;
    }
    let rest = &s[digits + 1..];
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    let n: u32 = s[..digits].parse().ok()?;
    Some((n, rest.trim_start()))
}

/// A lettered line "(a) text" / "(ii) text". Returns the label and the rest.
pub fn lettered(s: &str) -> Option<(&str, &str)> {
    let inner = s.strip_prefix('(')?;
    let close = inner.find(')')?;
    let label = &inner[..close];
    if label.is_empty() || label.len() > 6 || !label.chars().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    let roman = label
        .chars()
        .all(|c| matches!(c, 'i' | 'v' | 'x' | 'l' | 'c'));
    let repeated = label.chars().all(|c| label.starts_with(c));
    if !(roman || repeated) {
        return None;
    }
    let rest = &inner[close + 1..];
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    Some((label, rest.trim_start()))
}

/// A report heading line: "II. Recommendations", "A. Prevention", "D." (letter alone),
/// "Annex". Returns level, label, heading text, annex flag.
pub fn heading(s: &str) -> Option<(u8, &str, &str, bool)> {
    let t = s.trim();
    // In any case (no character outside ASCII lower-cases to these letters, so ASCII case
    // is enough, and the line is not copied).
    let opens = |p: &str| {
        t.as_bytes()
            .get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p.as_bytes()))
    };
    let annex = t.eq_ignore_ascii_case("annex")
        || t.eq_ignore_ascii_case("annexes")
        || (opens("annex ") && t.len() <= 10)
        || (opens("annex:") && t.len() <= 200 && !t.ends_with(['.', ';', ',']));
    if annex {
        return Some((1, "", t, true));
    }
    let (label, rest) = t.split_once('.')?;
    if label.is_empty() || label.len() > 5 || !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    let rest = rest.trim();
    let roman = label.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'));
    let letter = label.len() == 1 && label.chars().all(|c| c.is_ascii_uppercase());
    if !(roman || letter) {
        return None;
    }
    if !rest.is_empty() {
        let first_upper = rest.chars().next().is_some_and(char::is_uppercase);
        if !first_upper || rest.ends_with(['.', ';', ',']) || rest.len() > 400 {
            return None;
        }
    }
    // "I." "V." "X." read as chapters: reports number chapters in roman numerals.
    let level = if roman { 1 } else { 2 };
    Some((level, label, rest, false))
}

/// Whether a line could be a heading whose label was lost: short, capitalised, no closing
/// punctuation.
pub(super) fn bare_heading(s: &str) -> bool {
    let words = s.split_whitespace().count();
    (1..=8).contains(&words)
        && s.len() <= 80
        && s.chars().next().is_some_and(char::is_uppercase)
        && !ends_with_punctuation(s)
}

/// "Annex", "Annexes", "Annex II" alone on a line (inside a resolution).
pub(super) fn annex_line(t: &str) -> bool {
    let t = t.trim();
    let rest = t
        .strip_prefix("Annexes")
        .or_else(|| t.strip_prefix("Annex"))
        .map(str::trim);
    rest.is_some_and(|r| r.is_empty() || r.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L')))
}

/// A heading label alone on its line inside a resolution: a roman numeral (level 1) or a
/// capital letter (level 2), with or without a full stop. A roman-looking letter right after
/// the letter before it ("C" after "B") is a letter.
pub(super) fn lone_label(t: &str, last_letter: Option<char>) -> Option<(u8, String)> {
    let label = t.trim().trim_end_matches('.');
    if label.is_empty() || label.len() > 6 || !label.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let roman = label
        .chars()
        .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'));
    let mut chars = label.chars();
    let single = chars.next().filter(|_| chars.next().is_none());
    let follows = single
        .zip(last_letter)
        .is_some_and(|(c, l)| c as u32 == l as u32 + 1);
    match (roman, single) {
        (true, _) if !follows => Some((1, label.to_string())),
        (_, Some(_)) => Some((2, label.to_string())),
        _ => None,
    }
}

/// Whether a line reads as heading text: capitalised, short, without closing punctuation,
/// not a numbered or lettered paragraph, not opening with a preambular or operative phrase.
pub(super) fn title_line(t: &str) -> bool {
    title_within(t, 200)
}

/// As [`title_line`], for a text of up to `max` bytes: a heading printed with its label on
/// one line ("II. Implementation of the 1995 Agreement …", as a Word copy has it unwrapped)
/// may run longer than a wrapped line.
pub(super) fn title_within(t: &str, max: usize) -> bool {
    let t = t.trim();
    t.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c == '*' || c == '“')
        && t.len() <= max
        && !ends_with_punctuation(t)
        && numbered(t).is_none()
        && lettered(t).is_none()
        && crate::phrases::match_lead(t, crate::phrases::preambular()).is_none()
        && crate::phrases::match_lead(t, crate::phrases::operative()).is_none()
}

/// Whether a line carries on the heading text of the line above it: heading text, or a
/// wrapped line in lower case ("officials: members of the International Court of Justice")
/// that does not end a clause.
pub(super) fn heading_runs_on(t: &str) -> bool {
    let t = t.trim();
    title_line(t)
        || (t.chars().next().is_some_and(char::is_lowercase)
            && t.len() <= 200
            && !without_end_marker(t).ends_with(['.', ';', ',', ':'])
            && lettered(t).is_none())
}

/// Whether a line carries on a heading over more lines: as [`heading_runs_on`], also when
/// it ends with a comma or a colon ("… Agenda 2063:" / "The Africa We Want").
pub(super) fn heading_line(t: &str) -> bool {
    heading_runs_on(t.trim_end().trim_end_matches([',', ':']))
}

/// Whether `t` carries on a heading cut in mid-phrase before a number ("… the Law of the Sea
/// of" / "10 December 1982 relating to …"): the heading's last word is in lower case and the
/// line opens with a number that is not a paragraph number.
pub(super) fn heading_runs_on_a_number(heading: &str, t: &str) -> bool {
    let t = t.trim();
    t.starts_with(|c: char| c.is_ascii_digit())
        && numbered(t).is_none()
        && t.len() <= 200
        && !without_end_marker(t).ends_with(['.', ';', ',', ':'])
        && heading
            .split_whitespace()
            .last()
            .is_some_and(|w| w.chars().all(char::is_lowercase))
}
