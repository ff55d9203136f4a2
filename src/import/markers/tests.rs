//! The marker tests: every shape of plain-digit marker PDF extraction leaves, on body texts we
//! write, with the footnotes printed at the foot of their page.
use super::super::footnotes::extract;
use super::*;

/// Lines of a body as PDF extraction leaves them, with the footnotes of each page's foot
/// read by [`extract`] and the markers written by [`mark`] in the body (after the first
/// two lines, the header).
fn marked(text: &str) -> (Vec<String>, Vec<FootnoteDef>) {
    let mut lines = super::super::lines::normalise(text);
    let defs = extract(&mut lines);
    mark(&mut lines[2..], &defs);
    let kept = lines
        .into_iter()
        .filter(|l| !l.is_blank())
        .map(|l| l.text)
        .collect();
    (kept, defs)
}

#[test]
fn markers_in_every_shape_by_the_footnotes_of_their_page() {
    let text = "A/1/L.1 \nThe Assembly, \n\
        Recalling the Universal Declaration of Human Rights,1 the Convention on the \n\
        Rights of the Child2 and Article 1 of the Charter, paragraphs 1, 2 and the outcome \n\
        documents;3 of 2024/25;4 the people, 5  and its Notes; 6 \n\
        the Paris Agreement 7and the Court 8 \n\
        __________________ \n \n* On behalf of the Group of Keepers \nof Lights. \n \n\
        1  Resolution 217 A (III). \n2  United Nations, Treaty Series, vol. 1577. \n\
        3  See A/1/1. \n4  Held in Valletta, \n18 – 22 March 2031. \n5  See A/1/2. \n\
        6  See A/1/3. \n7  See A/1/4. \n8  See A/1/5. \n\n\
        A/1/L.1 \n \n11-11111 \n2/2 \n \n\
        31 December 2031 on the keeping of lights,9 and 10 the report10 \n\
        __________________ \n \n9  See A/1/6. \n10  See A/1/7. \n";
    let (lines, defs) = marked(text);
    assert_eq!(
        lines,
        [
            "A/1/L.1",
            "The Assembly,",
            "Recalling the Universal Declaration of Human Rights,¹ the Convention on the",
            "Rights of the Child² and Article 1 of the Charter, paragraphs 1, 2 and the outcome",
            "documents;³ of 2024/25;⁴ the people,⁵ and its Notes;⁶",
            "the Paris Agreement⁷ and the Court⁸",
            // A line opening with a date at the top of a page is text, not a footnote.
            "31 December 2031 on the keeping of lights,⁹ and 10 the report¹⁰",
        ]
    );
    let numbers: Vec<Option<u32>> = defs.iter().map(|d| d.number).collect();
    assert_eq!(
        numbers,
        [
            None,
            Some(1),
            Some(2),
            Some(3),
            Some(4),
            Some(5),
            Some(6),
            Some(7),
            Some(8),
            Some(9),
            Some(10)
        ]
    );
    // The note on sponsors over two lines; a footnote that runs on to a line opening
    // with a number.
    assert_eq!(defs[0].text, "On behalf of the Group of Keepers of Lights.");
    assert_eq!(defs[4].text, "Held in Valletta, 18 – 22 March 2031.");
    assert_eq!((defs[9].page, defs[10].page), (2, 2));
}

#[test]
fn markers_found_by_the_order_of_the_footnotes() {
    let text = "A/1/L.1 \nThe Assembly, \n\
        Recalling its resolution 61/29 of 4 December 2031 and resolution 59/3001 and \n\
        the decision 2 to keep lights, the report on COVID-19 3 and resolutions 5/7 4 and \n\
        Protocol I5 to the Charter, 2030, a 6 nd the strategy 10.7 Furthermore, the \n\
        plan for COVID-198 and Agenda 219 and the lamps, the plan of 4 April 203310 and \n\
        the draft resolution \n\
        11  was not adopted, of Rockhaven, 12 Saltmere and its annexes. 13 \n\
        and resolution 6/914 of 1 March 2031, \n\
        __________________ \n \n\
        1  See A/1/1. \n2  See A/1/2. \n3  See A/1/3. \n4  See A/1/4. \n5  See A/1/5. \n\
        6  See A/1/6. \n7  See A/1/7. \n8  See A/1/8. \n9  See A/1/9. \n10  See A/1/10. \n\
        11  See A/1/11. \n12  See A/1/12. \n13  See A/1/13. \n14  See A/1/14. \n";
    let (lines, _) = marked(text);
    assert_eq!(
        lines[2..],
        [
            // Not the symbol cited with its date, nor the year: the footnote before the
            // decision's marker is the second symbol's.
            "Recalling its resolution 61/29 of 4 December 2031 and resolution 59/300¹ and",
            "the decision² to keep lights, the report on COVID-19³ and resolutions 5/7⁴ and",
            "Protocol I⁵ to the Charter, 2030, a⁶ nd the strategy 10.⁷ Furthermore, the",
            "plan for COVID-19⁸ and Agenda 21⁹ and the lamps, the plan of 4 April 2033¹⁰ and",
            "the draft resolution¹¹",
            "was not adopted, of Rockhaven,¹² Saltmere and its annexes.¹³",
            // A symbol cited with its date, where nothing else can be the marker.
            "and resolution 6/9¹⁴ of 1 March 2031,",
        ]
    );
}

#[test]
fn digits_after_a_full_stop_inside_a_number_or_a_symbol_are_not_markers() {
    let text = "A/1/L.1 \nThe Assembly, \n\
        Recalling the plan, 1  which foresaw the sea rising by \n\
        1.2 centimetres, the code of Agenda 212 and, in line with decision 3/HC.3, the \n\
        decision 3 to keep lights, decisions 1/LK.4 and 2/LK.4 on the Lamps Platform,4 \n\
        and the report.5 The keepers \n\
        __________________ \n \n\
        1  See A/1/1. \n2  See A/1/2. \n3  See A/1/3. \n4  See A/1/4. \n5  See A/1/5. \n";
    let (lines, _) = marked(text);
    assert_eq!(
        lines[2..],
        [
            "Recalling the plan,¹ which foresaw the sea rising by",
            "1.2 centimetres, the code of Agenda 21² and, in line with decision 3/HC.3, the",
            "decision³ to keep lights, decisions 1/LK.4 and 2/LK.4 on the Lamps Platform,⁴",
            "and the report.⁵ The keepers",
        ]
    );
}

#[test]
fn markers_before_a_wide_gap_after_years_and_at_line_starts() {
    let text = "A/1/L.1 \nThe Assembly, \n\
        Recalling the lighthouses of Rockhaven, 1  Saltmere 2  and Greyport, 3  its \n\
        resolutions 4  on lamps, No. 20125 and the plan for 2025–20285 \n\
        2031–2040 6  by, the survey of 9 May 20297 and the keepers’ \n\
        outcomes, \n\
        8including its lists, by 2030 10 per cent, the report of 2028 9 and \n\
        Article 3  of the Charter of 2027 11 States, 11and \n\
        __________________ \n \n\
        1  See A/1/1. \n2  See A/1/2. \n3  See A/1/3. \n4  See A/1/4. \n5  See A/1/5. \n\
        6  See A/1/6. \n7  See A/1/7. \n8  See A/1/8. \n9  See A/1/9. \n10  See A/1/10. \n\
        11  See A/1/11. \n";
    let (lines, _) = marked(text);
    assert_eq!(
        lines[2..],
        [
            "Recalling the lighthouses of Rockhaven,¹ Saltmere² and Greyport,³ its",
            "resolutions⁴ on lamps, No. 20125 and the plan for 2025–2028⁵",
            "2031–2040⁶ by, the survey of 9 May 2029⁷ and the keepers’",
            "outcomes,⁸",
            // Not "2030 10 per cent", which counts; footnote 10 has no marker.
            "including its lists, by 2030 10 per cent, the report of 2028⁹ and",
            // Footnote 3's marker came earlier: "Article 3" keeps its number; a number
            // after a year and before a capital is not a marker.
            "Article 3 of the Charter of 2027 11 States,¹¹ and",
        ]
    );
}

#[test]
fn an_ordinal_opening_a_line_is_no_marker() {
    let text = "A/1/L.1 \nThe Assembly, \n\
        Recalling its \n\
        2nd meeting and the lamps of the keepers,1 as well as the survey. 2 \n\
        __________________ \n \n\
        1  See A/1/1. \n2  See A/1/2. \n";
    let (lines, _) = marked(text);
    assert_eq!(
        lines[2..],
        [
            "Recalling its",
            "2nd meeting and the lamps of the keepers,¹ as well as the survey.²",
        ]
    );
}

#[test]
fn digits_after_the_dot_of_a_symbol_are_the_symbol_s() {
    let text = "A/1/L.1 \nThe Assembly, \n\
        Recalling the lamps in their entirety, 1  further welcomes decision \n\
        C-9/DEC.1 of 1 May 2031 and document A/1/L.2 of the keepers, resolution 70/1.2 \n\
        __________________ \n \n\
        1  See A/1/1. \n2  See A/1/2. \n";
    let (lines, _) = marked(text);
    assert_eq!(
        lines[2..4],
        [
            "Recalling the lamps in their entirety,¹ further welcomes decision",
            "C-9/DEC.1 of 1 May 2031 and document A/1/L.2 of the keepers, resolution 70/1.²",
        ]
    );
}
