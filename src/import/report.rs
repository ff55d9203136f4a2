//! Building a report from body items: sections from headings (chapters "II.", lettered
//! sections "A.", headings whose letter was lost, an annex as an unnumbered section),
//! numbered paragraphs, lettered items, and a numbered list nested inside a paragraph (an
//! agenda "1. … 7." inside paragraph 66 that does not restart the paragraph numbering).

use super::Warning;
use super::body::{Item, ItemKind};
use super::resolution::{attach, nested_list};
use crate::model::{Document, Id, ListStyle, Paragraph, Section};

struct Builder<'a> {
    doc: &'a mut Document,
    warnings: &'a mut Vec<Warning>,
    /// The number the next top-level paragraph should carry.
    expected: Option<u32>,
    in_annex: bool,
}

impl Builder<'_> {
    fn section(&mut self, level: u8, label: String, heading: String, line: usize) {
        let _ = line;
        let id = Id(format!("s{}", self.doc.sections.len() + 1));
        self.doc.sections.push(Section {
            id,
            level,
            label,
            heading,
            numbered: !self.in_annex,
            paragraphs: Vec::new(),
        });
    }

    fn current(&mut self) -> &mut Section {
        if self.doc.sections.is_empty() {
            self.section(1, String::new(), String::new(), 0);
        }
        let last = self.doc.sections.len() - 1;
        &mut self.doc.sections[last]
    }

    fn last_paragraph(&mut self) -> Option<&mut Paragraph> {
        self.doc.sections.last_mut()?.paragraphs.last_mut()
    }

    fn numbered(&mut self, n: u32, item: Item) {
        if self.in_annex {
            let p = Paragraph::new(item.id, "", format!("{n}. {}", item.text));
            self.current().paragraphs.push(p);
            return;
        }
        let expected = self.expected;
        if let Some(last) = self.last_paragraph()
            && nested_list(last, n, expected)
        {
            last.list_style = ListStyle::Numeric;
            last.subparagraphs
                .push(Paragraph::new(item.id, "", item.text));
            return;
        }
        match expected {
            None => self.doc.first_number = n,
            Some(e) if e != n => self.warnings.push(Warning {
                line: item.line,
                message: format!(
                    "paragraph numbered {n} where {e} was expected; numbers are derived from position"
                ),
            }),
            _ => {}
        }
        self.expected = Some(n + 1);
        let p = Paragraph::new(item.id, "", item.text);
        self.current().paragraphs.push(p);
    }

    fn sub(&mut self, label: String, item: Item) {
        let Some(last) = self
            .doc
            .sections
            .last_mut()
            .and_then(|s| s.paragraphs.last_mut())
        else {
            self.warnings.push(Warning {
                line: item.line,
                message: format!("item ({label}) before any paragraph kept as a note"),
            });
            self.doc.notes.push(format!("({label}) {}", item.text));
            return;
        };
        let p = Paragraph::new(item.id, "", item.text);
        let parent = if last.list_style == ListStyle::Numeric {
            match last.subparagraphs.last_mut() {
                Some(inner) => inner,
                None => last,
            }
        } else {
            last
        };
        attach(parent, &label, p, item.line, self.warnings);
    }

    fn plain(&mut self, item: Item) {
        let unnumbered = self.doc.sections.last().is_some_and(|s| !s.numbered);
        if unnumbered {
            let p = Paragraph::new(item.id, "", item.text);
            self.current().paragraphs.push(p);
            return;
        }
        let line = item.line;
        if let Some(last) = self.last_paragraph() {
            let target = if last.list_style == ListStyle::Numeric {
                match last.subparagraphs.last_mut() {
                    Some(inner) => inner,
                    None => last,
                }
            } else {
                last
            };
            target.text.push(' ');
            target.text.push_str(&item.text);
            self.warnings.push(Warning {
                line,
                message: "unnumbered text in a numbered section joined to the paragraph before it"
                    .into(),
            });
            return;
        }
        self.warnings.push(Warning {
            line,
            message: "text before the first numbered paragraph kept as a note".into(),
        });
        self.doc.notes.push(item.text);
    }
}

/// Fills the sections of `doc` from the items.
pub fn assemble(doc: &mut Document, items: Vec<Item>, warnings: &mut Vec<Warning>) {
    let mut b = Builder {
        doc,
        warnings,
        expected: None,
        in_annex: false,
    };
    for item in items {
        match item.kind.clone() {
            ItemKind::Heading {
                level,
                label,
                annex,
            } => {
                if annex {
                    b.in_annex = true;
                }
                let heading = item.text.replace('*', "");
                b.section(level, label, heading, item.line);
            }
            ItemKind::Numbered(n) => b.numbered(n, item),
            ItemKind::Sub(label) => b.sub(label, item),
            ItemKind::Plain => b.plain(item),
        }
    }
}
