//! Search: every occurrence of the query in the paragraphs (opening phrase and text as they
//! read, without markup), the footnotes and the header, in document order; case-insensitive
//! unless the query has a capital ("smart case"). n/N step through the matches, moving the
//! selection to the paragraph that holds each (for a footnote, the paragraph that holds its
//! marker); the status bar shows "3/17" and the document view highlights them.

use super::app::App;
use crate::markup;
use crate::model::{Document, Id};
use regex::{Regex, RegexBuilder};

/// Where a match is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    Header,
    Paragraph(Id),
    /// A footnote, and the paragraph whose text holds its marker.
    Footnote {
        footnote: Id,
        paragraph: Option<Id>,
    },
}

impl Place {
    /// The paragraph to select for this match.
    pub fn paragraph(&self) -> Option<&Id> {
        match self {
            Place::Paragraph(id) => Some(id),
            Place::Footnote { paragraph, .. } => paragraph.as_ref(),
            Place::Header => None,
        }
    }
}

/// The last search.
#[derive(Debug, Clone)]
pub struct Search {
    pub query: String,
    pub pattern: Regex,
    /// One entry per occurrence.
    pub matches: Vec<Place>,
    /// The current match (index into `matches`).
    pub current: usize,
    /// The document generation the matches were found in.
    pub generation: u64,
}

/// The pattern for a query: literal, case-insensitive unless it has a capital.
pub fn pattern(query: &str) -> Option<Regex> {
    if query.is_empty() {
        return None;
    }
    let smart = !query.chars().any(char::is_uppercase);
    RegexBuilder::new(&regex::escape(query))
        .case_insensitive(smart)
        .build()
        .ok()
}

/// Every match of `re` in `doc`, in document order.
pub fn find(doc: &Document, re: &Regex) -> Vec<Place> {
    let mut out = Vec::new();
    let h = &doc.header;
    let mut header = vec![
        h.issuing_body.as_str(),
        &h.symbol,
        &h.distribution,
        &h.date,
        &h.organ,
        &h.session,
        &h.agenda_item,
        &h.agenda_title,
        &h.stage,
        &h.title,
        &doc.authoring_body,
    ];
    header.extend(h.sponsors.iter().map(String::as_str));
    for s in header {
        out.extend(std::iter::repeat_n(Place::Header, re.find_iter(s).count()));
    }
    let mut holder = std::collections::HashMap::new();
    doc.walk(&mut |p, _| {
        let text = format!("{} {}", p.lead, markup::strip(&p.text));
        out.extend(std::iter::repeat_n(
            Place::Paragraph(p.id.clone()),
            re.find_iter(text.trim()).count(),
        ));
        for m in markup::markers(&p.text) {
            holder.entry(m).or_insert_with(|| p.id.clone());
        }
    });
    for (_, f) in crate::numbering::numbered_footnotes(doc) {
        let n = re.find_iter(&markup::strip(&f.text)).count();
        out.extend(std::iter::repeat_n(
            Place::Footnote {
                footnote: f.id.clone(),
                paragraph: holder.get(&f.id).cloned(),
            },
            n,
        ));
    }
    out
}

/// The document-order position of each paragraph (header first, footnotes last).
fn rank(doc: &Document) -> std::collections::HashMap<Id, usize> {
    let mut r = std::collections::HashMap::new();
    doc.walk(&mut |p, _| {
        let n = r.len() + 1;
        r.insert(p.id.clone(), n);
    });
    r
}

/// Runs `query` and selects the first match at or after `from` (wrapping around).
pub fn run(app: &mut App, query: &str, from: Option<&Id>) {
    let Some(re) = pattern(query) else {
        app.search = None;
        app.message = None;
        return;
    };
    let doc = &app.draft.document;
    let matches = find(doc, &re);
    let ranks = rank(doc);
    let start = from.and_then(|id| ranks.get(id)).copied().unwrap_or(0);
    let current = matches
        .iter()
        .position(|m| match m {
            Place::Paragraph(id) => ranks.get(id).is_some_and(|r| *r >= start),
            _ => false,
        })
        .unwrap_or(0);
    app.search = Some(Search {
        query: query.to_string(),
        pattern: re,
        matches,
        current,
        generation: app.generation,
    });
    show(app);
}

/// Selects the current match and says where it is.
fn show(app: &mut App) {
    let Some(s) = &app.search else {
        return;
    };
    if s.matches.is_empty() {
        app.error(format!("Not found: {}", s.query));
        return;
    }
    let place = s.matches[s.current].clone();
    if let Some(id) = place.paragraph() {
        app.selected = Some(id.clone());
        app.scroll.follow = true;
    } else {
        app.scroll = super::app::Scroll {
            follow: false,
            ..Default::default()
        };
    }
    let doc = &app.draft.document;
    let where_ = match &place {
        Place::Header => "in the header".to_string(),
        Place::Paragraph(id) => format!("in {}", super::messages::name(doc, id)),
        Place::Footnote { footnote, .. } => format!("in {}", super::messages::name(doc, footnote)),
    };
    app.say(format!("/{} {where_}", s.query));
}

/// n (forward) or N: the next or previous match, `count` times, wrapping around.
pub fn step(app: &mut App, forward: bool, count: usize) {
    let Some(s) = app.search.as_ref() else {
        app.say("No search yet: / searches the text, footnotes and header");
        return;
    };
    if s.generation != app.generation {
        // The text changed since: find the matches again, from the selection.
        let q = s.query.clone();
        let sel = app.selected.clone();
        run(app, &q, sel.as_ref());
    }
    let generation = app.generation;
    let Some(s) = app.search.as_mut() else {
        return;
    };
    s.generation = generation;
    let n = s.matches.len();
    if n == 0 {
        show(app);
        return;
    }
    let k = count % n;
    s.current = if forward {
        (s.current + k) % n
    } else {
        (s.current + n - k) % n
    };
    show(app);
}

/// "3/17" for the status bar.
pub fn counter(s: &Search) -> String {
    if s.matches.is_empty() {
        "0/0".to_string()
    } else {
        format!("{}/{}", s.current + 1, s.matches.len())
    }
}

/// The byte ranges of `re` in `text` (for highlighting a laid-out line).
pub fn ranges(re: &Regex, text: &str) -> Vec<(usize, usize)> {
    re.find_iter(text).map(|m| (m.start(), m.end())).collect()
}
