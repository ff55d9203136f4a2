//! A small writer of XML parts over `quick-xml`: elements with attributes, text runs of
//! WordprocessingML with their emphasis and revision marks, and the first write error kept.

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

/// An XML part being written. Writing to memory cannot fail, but the first error quick-xml
/// reports is kept and returned by [`Xml::finish`] rather than dropped.
pub(super) struct Xml {
    writer: Writer<Vec<u8>>,
    error: Option<std::io::Error>,
}

impl Xml {
    pub(super) fn new() -> Self {
        Xml {
            writer: Writer::new(Vec::new()),
            error: None,
        }
    }

    pub(super) fn event(&mut self, event: Event<'_>) {
        if let Err(e) = self.writer.write_event(event)
            && self.error.is_none()
        {
            self.error = Some(e);
        }
    }

    pub(super) fn decl(&mut self) {
        self.event(Event::Decl(BytesDecl::new(
            "1.0",
            Some("UTF-8"),
            Some("yes"),
        )));
    }

    pub(super) fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        let start = BytesStart::new(name).with_attributes(attrs.iter().copied());
        self.event(Event::Start(start));
    }

    pub(super) fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        let start = BytesStart::new(name).with_attributes(attrs.iter().copied());
        self.event(Event::Empty(start));
    }

    pub(super) fn close(&mut self, name: &str) {
        self.event(Event::End(BytesEnd::new(name)));
    }

    /// A run of text with its emphasis; tabs and line breaks become `w:tab` and `w:br`, and
    /// characters XML cannot hold are left out. Deleted text (inside `w:del` or `w:moveFrom`)
    /// is written as `w:delText`.
    pub(super) fn run(&mut self, text: &str, italic: bool, bold: bool, deleted: bool) {
        let text: String = text.chars().filter(|c| xml_char(*c)).collect();
        if text.is_empty() {
            return;
        }
        self.open("w:r", &[]);
        if italic || bold {
            self.open("w:rPr", &[]);
            if bold {
                self.empty("w:b", &[]);
            }
            if italic {
                self.empty("w:i", &[]);
            }
            self.close("w:rPr");
        }
        let mut first = true;
        for line in text.split('\n') {
            if !first {
                self.empty("w:br", &[]);
            }
            first = false;
            let mut first_cell = true;
            for cell in line.split('\t') {
                if !first_cell {
                    self.empty("w:tab", &[]);
                }
                first_cell = false;
                if !cell.is_empty() {
                    let tag = if deleted { "w:delText" } else { "w:t" };
                    self.open(tag, &[("xml:space", "preserve")]);
                    self.event(Event::Text(BytesText::new(cell)));
                    self.close(tag);
                }
            }
        }
        self.close("w:r");
    }

    pub(super) fn finish(self) -> Result<Vec<u8>, std::io::Error> {
        match self.error {
            Some(e) => Err(e),
            None => Ok(self.writer.into_inner()),
        }
    }
}

/// Whether XML 1.0 can hold this character (`\r` is dropped too: Word would read it as a
/// line break of its own).
pub(super) fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}
