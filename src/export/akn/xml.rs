//! A small layer over `quick_xml::Writer` for the Akoma Ntoso export: elements that hold
//! other elements are indented one level per depth, while elements with mixed content
//! (`<p>`, `<num>`, `<heading>` …) are written without any added whitespace, since every
//! character inside them is text of the document. Characters XML 1.0 cannot hold are
//! replaced by U+FFFD; quick-xml does the escaping.

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

/// An open element: its name and whether it holds mixed content.
struct Open {
    name: String,
    mixed: bool,
    children: bool,
}

pub(super) struct Xml {
    writer: Writer<Vec<u8>>,
    stack: Vec<Open>,
    /// How many mixed-content elements are open (no indentation inside them).
    mixed: usize,
}

/// Whether XML 1.0 can hold this character.
pub(crate) fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

impl Xml {
    pub(super) fn new() -> Self {
        let mut x = Xml {
            writer: Writer::new(Vec::new()),
            stack: Vec::new(),
            mixed: 0,
        };
        x.event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
        x
    }

    fn event(&mut self, event: Event<'_>) {
        // Writing into a Vec cannot fail.
        self.writer
            .write_event(event)
            .expect("writing XML into memory");
    }

    fn indent(&mut self) {
        if self.mixed == 0 {
            let pad = format!("\n{}", "  ".repeat(self.stack.len()));
            self.event(Event::Text(BytesText::from_escaped(pad)));
            if let Some(parent) = self.stack.last_mut() {
                parent.children = true;
            }
        }
    }

    fn start(name: &str, attrs: &[(&str, &str)]) -> BytesStart<'static> {
        let mut start = BytesStart::new(name.to_string());
        for (k, v) in attrs {
            let v = clean(v);
            start.push_attribute((*k, v.as_str()));
        }
        start
    }

    /// Opens an element that holds other elements.
    pub(super) fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.indent();
        self.event(Event::Start(Self::start(name, attrs)));
        self.stack.push(Open {
            name: name.to_string(),
            mixed: false,
            children: false,
        });
    }

    /// Opens an element with mixed content: nothing is indented until it closes.
    pub(super) fn open_mixed(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.indent();
        self.event(Event::Start(Self::start(name, attrs)));
        self.stack.push(Open {
            name: name.to_string(),
            mixed: true,
            children: false,
        });
        self.mixed += 1;
    }

    /// Closes the innermost open element.
    pub(super) fn close(&mut self) {
        let Some(open) = self.stack.pop() else {
            return;
        };
        if open.mixed {
            self.mixed -= 1;
        } else if open.children && self.mixed == 0 {
            let pad = format!("\n{}", "  ".repeat(self.stack.len()));
            self.event(Event::Text(BytesText::from_escaped(pad)));
        }
        self.event(Event::End(BytesEnd::new(open.name)));
    }

    pub(super) fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.indent();
        self.event(Event::Empty(Self::start(name, attrs)));
    }

    /// Text inside a mixed-content element.
    pub(super) fn text(&mut self, s: &str) {
        for (i, piece) in clean(s).split('\r').enumerate() {
            if i > 0 {
                self.event(Event::Text(BytesText::from_escaped("&#13;")));
            }
            if !piece.is_empty() {
                self.event(Event::Text(BytesText::new(piece)));
            }
        }
    }

    /// A mixed-content element holding only this text.
    pub(super) fn text_element(&mut self, name: &str, attrs: &[(&str, &str)], s: &str) {
        self.open_mixed(name, attrs);
        self.text(s);
        self.close();
    }

    pub(super) fn finish(mut self) -> String {
        while !self.stack.is_empty() {
            self.close();
        }
        let mut bytes = self.writer.into_inner();
        bytes.push(b'\n');
        String::from_utf8(bytes).expect("quick-xml writes the UTF-8 it is given")
    }
}

/// The text with the characters XML cannot hold replaced. (In text, [`Xml::text`] writes a
/// carriage return as a character reference, which a parser would otherwise read as a line
/// end; in an attribute it stays, as attribute values are single-line names here.)
fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if xml_char(c) { c } else { '\u{FFFD}' })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mixed_content_gets_no_whitespace() {
        let mut x = Xml::new();
        x.open("a", &[("k", "v&\"")]);
        x.open_mixed("p", &[]);
        x.text("x < y ");
        x.open_mixed("i", &[]);
        x.text("z");
        x.close();
        x.close();
        x.empty("e", &[]);
        let out = x.finish();
        assert_eq!(
            out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a k=\"v&amp;&quot;\">\n  <p>x &lt; y <i>z</i></p>\n  <e/>\n</a>\n"
        );
    }

    #[test]
    fn characters_xml_cannot_hold_are_replaced() {
        assert_eq!(clean("a\u{1}b\u{FFFF}"), "a\u{FFFD}b\u{FFFD}");
    }
}
