//! The AKN4UN names of a document: the FRBR work, expression and manifestation IRIs
//! (`/akn/un/statement/deliberation/ga/2025-10-10/A-C.3-80-L.20/eng@2025-10-10`), the organ's
//! code, symbols and names as IRI parts and slugs, and dates as ISO dates.

use crate::model::Document;

/// The IRIs of the document (AKN4UN naming).
pub(super) struct Iri {
    pub(super) work: String,
    pub(super) expression: String,
    pub(super) date: String,
    pub(super) number: String,
    pub(super) organ: String,
}

impl Iri {
    pub(super) fn new(doc: &Document) -> Self {
        let h = &doc.header;
        // The General Assembly deliberates even on its committees' drafts; elsewhere the
        // organ (a commission of the Economic and Social Council) is the author.
        let organ = organ_code(
            if h.organ.is_empty() || h.issuing_body.eq_ignore_ascii_case("General Assembly") {
                &h.issuing_body
            } else {
                &h.organ
            },
        );
        let date = iso_date(&h.date).unwrap_or_else(|| {
            let d = time::OffsetDateTime::now_utc().date();
            format!("{:04}-{:02}-{:02}", d.year(), d.month() as u8, d.day())
        });
        let number = if !h.symbol.is_empty() {
            iri_part(&h.symbol)
        } else if !h.resolution_number.is_empty() {
            format!("res-{}", iri_part(&h.resolution_number))
        } else {
            "draft".to_string()
        };
        let (kind, subtype) = if doc.is_report() {
            ("doc", "report")
        } else {
            ("statement", "deliberation")
        };
        let work = format!("/akn/un/{kind}/{subtype}/{organ}/{date}/{number}");
        let expression = format!("{work}/eng@{date}");
        Iri {
            work,
            expression,
            date,
            number,
            organ,
        }
    }
}

/// Whether the document is an adopted resolution (it has a resolution number or an
/// adoption line) rather than a draft.
pub(super) fn is_adopted(doc: &Document) -> bool {
    !doc.header.resolution_number.is_empty() || !doc.header.adoption.is_empty()
}

/// The AKN4UN short name of an organ: "ga" for the General Assembly, "ecosoc", "sc", and
/// otherwise the initials of its capitalised words ("Commission on Crime Prevention and
/// Criminal Justice" → "ccpcj").
fn organ_code(name: &str) -> String {
    let n = name.trim().to_lowercase();
    match n.as_str() {
        "" | "general assembly" => return "ga".into(),
        "economic and social council" => return "ecosoc".into(),
        "security council" => return "sc".into(),
        "human rights council" => return "hrc".into(),
        _ => {}
    }
    let initials: String = name
        .split(|c: char| !c.is_alphanumeric())
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase() || c.is_ascii_digit())
        .flat_map(char::to_lowercase)
        .collect();
    if initials.is_empty() {
        "ga".into()
    } else {
        initials
    }
}

/// A symbol as an IRI component: "/" becomes "-", and anything but letters, digits, "." and
/// "-" is dropped ("A/C.3/80/L.20/Rev.1" → "A-C.3-80-L.20-Rev.1").
fn iri_part(s: &str) -> String {
    s.trim()
        .chars()
        .filter_map(|c| match c {
            '/' | ' ' => Some('-'),
            c if c.is_ascii_alphanumeric() || c == '.' || c == '-' => Some(c),
            _ => None,
        })
        .collect()
}

/// A name as an `eId`-safe slug ("Côte d'Ivoire" → "côte-d-ivoire").
pub(super) fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.trim().chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches('-').to_string();
    if out.is_empty() { "x".into() } else { out }
}

/// The ISO form (YYYY-MM-DD) of a date as UN documents print it ("10 October 2025",
/// "October 10, 2025", "2025-10-10").
pub(super) fn iso_date(s: &str) -> Option<String> {
    use time::format_description::BorrowedFormatItem;
    use time::macros::format_description;
    const FORMATS: &[&[BorrowedFormatItem<'static>]] = &[
        format_description!("[day padding:none] [month repr:long case_sensitive:false] [year]"),
        format_description!("[month repr:long case_sensitive:false] [day padding:none], [year]"),
        format_description!("[year]-[month]-[day]"),
    ];
    let s = s.trim();
    FORMATS.iter().find_map(|f| {
        time::Date::parse(s, f)
            .ok()
            .map(|d| format!("{:04}-{:02}-{:02}", d.year(), d.month() as u8, d.day()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_un_documents_print_them() {
        assert_eq!(iso_date("10 October 2025").as_deref(), Some("2025-10-10"));
        assert_eq!(iso_date("2 december 2025").as_deref(), Some("2025-12-02"));
        assert_eq!(iso_date("October 9, 2024").as_deref(), Some("2024-10-09"));
        assert_eq!(iso_date("2024-02-29").as_deref(), Some("2024-02-29"));
        assert_eq!(iso_date("Vienna, 17–21 May 2021"), None);
        assert_eq!(iso_date(""), None);
    }

    #[test]
    fn organs_and_symbols_as_iri_parts() {
        assert_eq!(organ_code("General Assembly"), "ga");
        assert_eq!(
            organ_code("Commission on Crime Prevention and Criminal Justice"),
            "ccpcj"
        );
        assert_eq!(iri_part("A/C.3/80/L.20/Rev.1"), "A-C.3-80-L.20-Rev.1");
        assert_eq!(slug("Côte d'Ivoire"), "côte-d-ivoire");
    }
}
