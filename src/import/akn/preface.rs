//! The `<preface>`: the header fields, each in the container the export names after it, or
//! (in AKN from elsewhere) recognised by its inline element (`docTitle`, `docNumber`,
//! `docProponent`, `docDate` …). Text the reader cannot place is kept as a note.

use super::Reader;
use crate::export::akn::vocab::{FIELDS, LATE_FIELDS, SPONSORS, TITLE};
use roxmltree::Node;

impl Reader<'_, '_> {
    pub(super) fn preface(&mut self, n: Node) {
        for c in n.children().filter(Node::is_element) {
            self.preface_block(c);
        }
    }

    fn preface_block(&mut self, c: Node) {
        let name = c.attribute("name").unwrap_or_default();
        let field = FIELDS.iter().chain(LATE_FIELDS).find(|f| f.name == name);
        if c.tag_name().name() == "container"
            && let Some(f) = field
        {
            // The field's inline element, inside the container's <p>.
            let inner = c.descendants().filter(Node::is_element).find(|d| {
                d.parent()
                    .is_some_and(|p| p.tag_name().name() == "p" && p.parent() == Some(c))
            });
            let value = match inner {
                Some(i) if self.own => plain_text(i),
                _ => self.plain(c),
            };
            *(f.get_mut)(&mut self.doc.header) = value;
            return;
        }
        if c.tag_name().name() == "container" && name == SPONSORS {
            self.marked(c);
            return;
        }
        if c.tag_name().name() == "container"
            && name == TITLE
            && !c
                .descendants()
                .any(|d| matches!(d.tag_name().name(), "docTitle" | "docNumber"))
        {
            let (_, title) = self.mixed(c, None);
            self.doc.header.title = title;
            return;
        }
        if !self.marked(c) {
            let text = self.plain(c);
            if !text.is_empty() {
                let line = self.line(c);
                self.warn(
                    line,
                    format!("preface text “{text}” is no header field: kept as a note"),
                );
                self.doc.notes.push(crate::markup::escape(&text));
            }
        }
    }

    /// Reads the inline elements that mark header fields inside `n`; whether any was found.
    fn marked(&mut self, n: Node) -> bool {
        let in_title = n.attribute("name") == Some(TITLE);
        let mut found = false;
        for d in n.descendants().filter(Node::is_element) {
            let h = &mut self.doc.header;
            let value = || plain_text(d);
            match d.tag_name().name() {
                "docAuthority" => h.issuing_body = value(),
                "docNumber" if in_title => h.resolution_number = value(),
                "docNumber" if h.symbol.is_empty() => h.symbol = value(),
                "docNumber" => h.resolution_number = value(),
                "docDate" => h.date = value(),
                "docCommittee" => h.organ = value(),
                "session" => h.session = value(),
                "docProponent" => h.sponsors.push(value()),
                "docStage" => h.stage = value(),
                "docStatus" if h.distribution.is_empty() => h.distribution = value(),
                "docTitle" => {
                    let (_, title) = self.mixed(d, None);
                    self.doc.header.title = title;
                }
                "inline" => {
                    let name = d.attribute("name").unwrap_or_default();
                    match FIELDS.iter().chain(LATE_FIELDS).find(|f| f.name == name) {
                        Some(f) => *(f.get_mut)(h) = value(),
                        None => continue,
                    }
                }
                "docType" => {}
                _ => continue,
            }
            found = true;
        }
        found
    }

    /// The text of an element with its white space as written (own export) or collapsed.
    pub(super) fn plain(&self, n: Node) -> String {
        let t = plain_text(n);
        if self.own { t } else { collapse(&t) }
    }
}

/// All the text inside an element (without footnotes).
pub(super) fn plain_text(n: Node) -> String {
    let mut out = String::new();
    for d in n.descendants() {
        if d.is_text()
            && !d
                .ancestors()
                .any(|a| a.tag_name().name() == "authorialNote")
        {
            out.push_str(d.text().unwrap_or_default());
        }
    }
    if n.children().all(|c| c.is_text()) {
        out
    } else {
        out.trim().to_string()
    }
}

/// White space runs as one space, trimmed.
pub(super) fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
