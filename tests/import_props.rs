//! Property tests: import and check never panic, on arbitrary strings and on arbitrary mixes
//! of lines shaped like those of real UN texts (headers, numbered and lettered paragraphs,
//! footnote lines and separators, page furniture, headings), and the result is consistent.

use proptest::prelude::*;
use resdraft::check::check;
use resdraft::import::{KindHint, import_str};

fn hint() -> impl Strategy<Value = KindHint> {
    prop_oneof![
        Just(KindHint::Auto),
        Just(KindHint::Resolution),
        Just(KindHint::Report)
    ]
}

/// Lines in the shapes the importer looks for, plus noise.
fn un_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("The General Assembly,".to_string()),
        Just("*The Conference of the Parties,*".to_string()),
        Just("Distr.: Limited".to_string()),
        Just("21 May 2031".to_string()),
        Just("Agenda item 4 (b)".to_string()),
        Just("A, B and the C: revised draft resolution".to_string()),
        Just("A/87/L.12".to_string()),
        Just("32-20417 (E)    151132".to_string()),
        Just("*3220417*".to_string()),
        Just("2/2".to_string()),
        Just("__________________".to_string()),
        Just("* Any changes to the list of sponsors.".to_string()),
        Just("II. Recommendations".to_string()),
        Just(" D.".to_string()),
        Just("Annex".to_string()),
        Just("1.".to_string()),
        Just("Recalling also its resolution,".to_string()),
        Just("Takes note with appreciation of the report;".to_string()),
        Just("Resolution adopted by the General Assembly on 1 May 2031".to_string()),
        Just("87/9. Title".to_string()),
        "[0-9]{1,3}\\. \\*?[A-Z][a-z]{0,8}\\*? [a-z ,;.]{0,30}".prop_map(|s| s),
        "\\([a-z]{1,3}\\) [A-Za-z ,;.:]{0,30}".prop_map(|s| s),
        "[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3} ?[A-Za-z .]{0,20}".prop_map(|s| s),
        "[0-9]{1,3}  [A-Za-z .]{0,20}".prop_map(|s| s),
        "[a-z]{1,10}[-,;:.”]?[0-9]{0,2}".prop_map(|s| s),
        "[A-Za-z ,;.:“”’*\\[\\]^\\\\-]{0,40}".prop_map(|s| s),
        "[A-ZÄİ][a-zäéı]{0,6}, [0-9][ -~äé–İ]{0,10}".prop_map(|s| s),
        "[Aa][Gg]enda [Ii]tems? [İa-zé0-9 ()]{0,8}".prop_map(|s| s),
        "[A-Z][a-z]{0,8}( [a-zA-Z]{0,8}){0,3}: (revised )?draft resolution\\*?".prop_map(|s| s),
        any::<String>(),
    ]
}

fn line_ending() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        Just("\n"),
        Just("\r\n"),
        Just("\r"),
        Just(" \n"),
        Just("\u{a0}\n")
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: ProptestConfig::default().cases.max(2000), ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings_never_panic(s in any::<String>(), h in hint()) {
        let imported = import_str(&s, h);
        let _ = check(&imported.document);
    }

    #[test]
    fn un_shaped_lines_never_panic(
        lines in prop::collection::vec((un_line(), line_ending()), 0..60),
        h in hint(),
        bom in any::<bool>(),
    ) {
        let mut text = String::from(if bom { "\u{feff}" } else { "" });
        for (l, e) in &lines {
            text.push_str(l);
            text.push_str(e);
        }
        let imported = import_str(&text, h);
        let doc = &imported.document;
        let _ = check(doc);
        // Every footnote is anchored to a paragraph that exists, and ids are unique.
        for f in &doc.footnotes {
            prop_assert!(doc.find(&f.anchor).is_some() || doc.paragraph_count() == 0);
        }
        let mut ids: Vec<&str> = doc.all_ids().iter().map(|i| i.as_str()).collect();
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        prop_assert_eq!(ids.len(), n);
        // Warnings point at lines of the input.
        let line_count = text.split(['\n', '\r']).count().max(1);
        for w in &imported.warnings {
            prop_assert!(w.line >= 1 && w.line <= line_count);
        }
    }
}
