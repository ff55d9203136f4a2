//! Tests of line normalisation: page furniture, running heads, hyphens and spaces, on texts we
//! write in the shapes PDF extraction leaves.
use super::*;

proptest::proptest! {
    /// The fast path for plain lines cleans as the character rules do.
    #[test]
    fn plain_lines_clean_as_the_char_rules(s in "[ a-z.,\\\\\t\u{a0}é]{0,30}") {
        proptest::prop_assert_eq!(clean(&s), clean_chars(&s));
    }
}

fn texts(s: &str) -> Vec<String> {
    normalise(s).into_iter().map(|l| l.text).collect()
}

#[test]
fn remembers_wide_gaps_where_spaces_are_collapsed() {
    let (text, gaps) = clean("  Rockhaven, 1  Saltmere\u{A0} 2 and   more  ");
    assert_eq!(text, "Rockhaven, 1 Saltmere 2 and more");
    assert_eq!(gaps, [12, 21, 27]);
    assert_eq!(&text[12..13], " ");
}

#[test]
fn normalises_line_endings_spaces_and_bom() {
    assert_eq!(texts("\u{FEFF}a\u{A0}b\tc  \r\nd\re"), ["a b c", "d", "e"]);
}

#[test]
fn control_characters_become_visible() {
    assert_eq!(texts("a\u{1b}[31mb"), ["a␛[31mb"]);
}

#[test]
fn drops_page_furniture() {
    let t = "United Nations\nA/80/L.7\nGeneral Assembly\n25-17051 (E)    281025\n*2517051*\n\
             text\nA/80/L.7\n25-17051\n2/2\nmore";
    let got = texts(t);
    assert_eq!(
        got,
        [
            "United Nations",
            "A/80/L.7",
            "General Assembly",
            "",
            "",
            "text",
            "",
            "",
            "",
            "more"
        ]
    );
}

#[test]
fn hyphens_at_line_ends_are_real() {
    let join = |a: &str, b: &str| {
        let mut s = a.to_string();
        push_wrapped(&mut s, b);
        s
    };
    assert_eq!(join("asylum-", "seekers and"), "asylum-seekers and");
    assert_eq!(join("the Secretary-", "General"), "the Secretary-General");
    assert_eq!(join("net-zero", "and"), "net-zero and");
    assert_eq!(join("2024 -", "2025"), "2024 - 2025");
    assert_eq!(join("", "x"), "x");
}

/// A document of three pages as PDF extraction gives it: pages joined by an empty
/// line; the even page's head is symbol, job number, counter; the odd page's head
/// is the short title (wrapped over two lines), symbol, counter, job number.
const PAGES: &str = "United Nations \nA/1/L.1*\n \nAssembly of Keepers \n\
    11-11111* (E) 010101\n*1111111*\n \nThe Assembly of Keepers, \n \n\
    Noting the report \n\nA/1/L.1 \n \n11-11111\n2/3 \n \n\
    on the keeping of lights, \n\nThe keeping of lights along \n\
    narrow straits in \n2031 \nA/1/L.1\n \n3/3\n11-11111 \n \nnarrow straits, \n";

#[test]
fn pages_and_their_furniture() {
    let lines = normalise(PAGES);
    let page = |t: &str| lines.iter().find(|l| l.text == t).map(|l| l.page);
    assert_eq!(page("Noting the report"), Some(1));
    assert_eq!(page("on the keeping of lights,"), Some(2));
    assert_eq!(page("narrow straits,"), Some(3));
    // The symbol of a reissued document carries an asterisk, so does its job number.
    assert!(!lines.iter().any(|l| l.text.starts_with("11-11111")));
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.text.starts_with("A/1/L.1"))
            .count(),
        1
    );
}

#[test]
fn running_heads_with_wrapped_short_titles() {
    let mut lines = normalise(PAGES);
    drop_running_heads(
        &mut lines,
        "The keeping of lights along narrow straits in 2031",
    );
    let kept: Vec<&str> = lines
        .iter()
        .filter(|l| !l.is_blank())
        .map(|l| l.text.as_str())
        .collect();
    assert_eq!(
        kept,
        [
            "United Nations",
            "A/1/L.1*",
            "Assembly of Keepers",
            "The Assembly of Keepers,",
            "Noting the report",
            // Body text at the top of page 2 that is not in the title stays.
            "on the keeping of lights,",
            // After the head (title lines, a number of the title, the symbol, counter
            // and job number), the text resumes, even where it repeats the title.
            "narrow straits,"
        ]
    );
}

#[test]
fn form_feeds_and_furniture_without_empty_lines() {
    let lines = normalise("Text one\n\u{c}A/1/L.1\n11-11111\n2/2\nrest");
    assert_eq!(
        lines.iter().find(|l| l.text == "rest").map(|l| l.page),
        Some(2)
    );
    let text = "A/1/L.1\nThe Assembly,\n\nNoting,\n\n1. Decides\n\n2. Asks\n\n3. Sees\n\n\
                4. Urges\n\n5. Hopes\n\n6. Notes\n\n7. Meets\n\n8. Hears\n\n9. Tells\n\n\
                10. Reads\n\n11. Writes\n\n12. Ends the\n \n\
                Keeping of lights\nA/1/L.1\n11-11111\n2/2\n \nwork.";
    let mut lines = normalise(text);
    drop_running_heads(&mut lines, "Keeping of lights");
    assert!(!lines.iter().any(|l| l.text == "Keeping of lights"));
    assert_eq!(
        lines.iter().find(|l| l.text == "work.").map(|l| l.page),
        Some(2)
    );
}
