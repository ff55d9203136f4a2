//! Wrapping for the text export: textwrap with Unicode widths, breaking only at spaces (never
//! inside a symbol such as A/C.2/81/L.23 or a hyphenated word), and never
//! starting a continuation line with something a reader (or the importer) would take for a
//! new paragraph label: "(b)", "(iv)", "5.", "II.", "A." or a superscript footnote number.

use textwrap::{Options, WordSeparator, WordSplitter, WrapAlgorithm};

/// Wraps `text` at `width` columns with the given first-line and continuation indents and
/// returns the lines (at least one).
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let glue = glue_char(text);
    let glued = glue_labels(text, glue);
    let options = Options::new(width)
        .initial_indent(first)
        .subsequent_indent(rest)
        .word_separator(WordSeparator::AsciiSpace)
        .word_splitter(WordSplitter::NoHyphenation)
        .wrap_algorithm(WrapAlgorithm::FirstFit)
        .break_words(false);
    let lines: Vec<String> = textwrap::wrap(&glued, options)
        .into_iter()
        .map(|l| l.replace(glue, " "))
        .collect();
    if lines.is_empty() {
        vec![first.trim_end().to_string()]
    } else {
        lines
    }
}

/// A character absent from `text`, used to glue a label-like word to the word before it.
fn glue_char(text: &str) -> char {
    ('\u{E000}'..='\u{E0FF}')
        .find(|c| !text.contains(*c))
        .unwrap_or('\u{A0}')
}

/// Joins each label-like word to the previous word with `glue` so it cannot open a line.
fn glue_labels(text: &str, glue: char) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(if looks_like_label(word) { glue } else { ' ' });
        }
        out.push_str(word);
    }
    out
}

/// Whether a word at the start of a line would read as a paragraph label or a footnote.
fn looks_like_label(word: &str) -> bool {
    if word.starts_with(|c: char| "⁰¹²³⁴⁵⁶⁷⁸⁹".contains(c)) {
        return true;
    }
    if let Some(inner) = word.strip_prefix('(')
        && let Some(end) = inner.find(')')
    {
        let label = &inner[..end];
        return !label.is_empty()
            && label.len() <= 5
            && label.chars().all(|c| c.is_ascii_alphanumeric());
    }
    if let Some(end) = word.find('.') {
        let label = &word[..end];
        let digits = !label.is_empty() && label.chars().all(|c| c.is_ascii_digit());
        let roman = !label.is_empty() && label.chars().all(|c| "IVXLC".contains(c));
        let letter = label.len() == 1 && label.chars().all(|c| c.is_ascii_alphabetic());
        return digits || roman || letter;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_line_opens_with_a_label() {
        let text =
            "as set out in subparagraph (b) of paragraph 2. above and in chapter II. of the report";
        for width in 20..60 {
            for line in wrap(text, width, "", "") {
                let first = line.split(' ').next().unwrap_or("");
                assert!(!looks_like_label(first), "width {width}: {line:?}");
            }
        }
    }

    #[test]
    fn keeps_every_word_and_indents() {
        let lines = wrap("one two three four five six", 12, "1.  ", "    ");
        assert_eq!(
            lines,
            ["1.  one two", "    three", "    four", "    five six"]
        );
    }
}
