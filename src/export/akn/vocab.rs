//! The vocabulary shared by the Akoma Ntoso export and import: the namespace, the header
//! fields and the `<preface>` container each is written in, the element that marks it up,
//! and how `eId`s are made from the stable ids of the model (`para_p12`, `note_f3`), so that
//! the import reads back exactly what the export writes.

use crate::model::Header;

/// The Akoma Ntoso 3.0 namespace.
pub(crate) const NS: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

/// resdraft's own namespace, for what AKN has no element for (in `<proprietary>`).
pub(crate) const RESDRAFT_NS: &str = "urn:resdraft:akn";

/// The `eId` of the organisation that marked the document up: its presence in
/// `<references>` tells the import that the document is resdraft's own export.
pub(crate) const SOURCE: &str = "resdraft";

/// The `@name` of the generic `<inline>` holding a paragraph's opening phrase.
pub(crate) const LEAD: &str = "lead";

/// The `@class` of an annex or section whose paragraphs are not numbered.
pub(crate) const UNNUMBERED: &str = "unnumbered";

/// The `@class` of an `<authorialNote>` standing at the end of its paragraph because the
/// draft has no marker for it.
pub(crate) const UNMARKED: &str = "unmarked";

/// A header field: the `<preface>` container (`@name`) it is written in, the inline element
/// that holds its text, and how to read and set it.
pub(crate) struct Field {
    pub name: &'static str,
    /// The inline element; `inline` means `<inline name="{name}">`.
    pub element: &'static str,
    pub get: fn(&Header) -> &String,
    pub get_mut: fn(&mut Header) -> &mut String,
}

macro_rules! field {
    ($name:literal, $element:literal, $f:ident) => {
        Field {
            name: $name,
            element: $element,
            get: |h| &h.$f,
            get_mut: |h| &mut h.$f,
        }
    };
}

/// The header fields written one to a container, in the order the masthead prints them
/// (the sponsors and stage, and the number and title, have containers of their own).
pub(crate) const FIELDS: &[Field] = &[
    field!("issuingBody", "docAuthority", issuing_body),
    field!("symbol", "docNumber", symbol),
    field!("distribution", "inline", distribution),
    field!("date", "docDate", date),
    field!("originalLanguage", "inline", original_language),
    field!("organ", "docCommittee", organ),
    field!("session", "session", session),
    field!("placeAndDates", "inline", place_and_dates),
    field!("agendaItem", "inline", agenda_item),
    field!("agendaTitle", "inline", agenda_title),
];

/// The fields printed after the sponsors line.
pub(crate) const LATE_FIELDS: &[Field] = &[
    field!("sponsorsNote", "inline", sponsors_note),
    field!("adoption", "inline", adoption),
    field!("committeeReference", "inline", committee_reference),
];

/// The container of the sponsors (`<docProponent>` each) and the stage (`<docStage>`).
pub(crate) const SPONSORS: &str = "sponsors";
/// The container of the resolution number (`<docNumber>`) and the title (`<docTitle>`).
pub(crate) const TITLE: &str = "title";

/// `eId` prefixes, by what the element holds.
pub(crate) mod prefix {
    /// A preambular paragraph (`<container>` in `<preamble>`).
    pub const PREAMBULAR: &str = "container";
    /// A preambular paragraph of a part (`<crossHeading refersTo="#preamble">`, or an
    /// `<hcontainer name="preamble">` when it has sub-paragraphs).
    pub const CROSS_HEADING: &str = "crossHeading";
    pub const HCONTAINER: &str = "hcontainer";
    /// A numbered (operative, report or annex) paragraph.
    pub const PARAGRAPH: &str = "para";
    /// A sub-paragraph (`<point>`, or `<item>` of a `<blockList>` in the preamble).
    pub const POINT: &str = "point";
    pub const ITEM: &str = "item";
    /// The list of a paragraph's sub-paragraphs, and its introduction.
    pub const LIST: &str = "list";
    pub const INTRO: &str = "intro";
    /// A footnote.
    pub const NOTE: &str = "note";
    /// A resolution part.
    pub const PART: &str = "part";
    /// An annex.
    pub const ANNEX: &str = "annex";
    /// A heading standing in the preamble (`<container name="heading">`).
    pub const HEADING: &str = "heading";
}

/// The hierarchical element of a heading or section at `level` (1 section, 2 subsection,
/// 3 and below division) and its `eId` prefix.
pub(crate) fn level_element(level: u8) -> (&'static str, &'static str) {
    match level {
        0 | 1 => ("section", "sec"),
        2 => ("subsection", "subsec"),
        _ => ("division", "division"),
    }
}

/// The level a hierarchical element stands for (None for other elements).
pub(crate) fn element_level(name: &str) -> Option<u8> {
    match name {
        "section" | "chapter" | "title" | "book" | "tome" | "article" => Some(1),
        "subsection" | "subchapter" | "subtitle" => Some(2),
        "division" | "subdivision" | "level" => Some(3),
        _ => None,
    }
}

/// The `@class` recording a heading level the element name does not tell (level 4 and
/// below are written as `division`).
pub(crate) fn level_class(level: u8) -> Option<String> {
    (level > 3).then(|| format!("level{level}"))
}

/// The `eId` for a model id: `{prefix}_{id}`, with any whitespace made `_` (an `eId` holds
/// none).
pub(crate) fn eid(prefix: &str, id: &str) -> String {
    let id: String = id
        .chars()
        .map(|c| if c.is_whitespace() { '_' } else { c })
        .collect();
    format!("{prefix}_{id}")
}
