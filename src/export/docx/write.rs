//! Writing Word paragraphs as WordprocessingML: `word/document.xml` (paragraph properties,
//! automatic numbers, runs with emphasis, footnote references, revision marks) and
//! `word/footnotes.xml` (each footnote once, where it is first referenced).
//!
//! Revision marks are those of Word's Track Changes: inserted and deleted runs (`w:ins`,
//! `w:del`), moved runs inside named move ranges (`w:moveFrom`/`w:moveTo`), a whole
//! paragraph's mark inserted, deleted or moved (`w:pPr/w:rPr`), and a change of automatic
//! number (`w:numPr/w:numberingChange` with the number it had), each with its author and date.

use super::blocks::{Layout, Number};
use super::numbering::{self, Lists};
use super::package;
use super::xml::Xml;
use std::collections::{HashMap, HashSet};

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A revision mark on a run or on a paragraph's mark; a move carries its move number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum Change {
    #[default]
    None,
    Inserted,
    Deleted,
    MovedFrom(u32),
    MovedTo(u32),
}

impl Change {
    /// Whether the text is gone when the change is accepted (written as `w:delText`).
    fn removes(self) -> bool {
        matches!(self, Change::Deleted | Change::MovedFrom(_))
    }
}

/// One piece of a paragraph's content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Piece {
    Text {
        text: String,
        italic: bool,
        bold: bool,
        change: Change,
    },
    /// A tab (after the issuing body, or a heading's label).
    Tab(Change),
    /// A reference to the footnote of this key (see [`Content::notes`]).
    Note { key: String, change: Change },
}

impl Piece {
    fn change(&self) -> Change {
        match self {
            Piece::Text { change, .. } | Piece::Tab(change) | Piece::Note { change, .. } => *change,
        }
    }
}

/// A Word paragraph ready to write.
#[derive(Debug, Clone)]
pub(super) struct Para {
    pub layout: Layout,
    pub number: Option<Number>,
    /// The number it had before, when it changed (a tracked change of numbering).
    pub old_number: Option<Number>,
    pub pieces: Vec<Piece>,
    /// The revision of the paragraph mark: a whole paragraph inserted, deleted or moved.
    pub mark: Change,
}

/// Who made tracked changes, and when (ISO 8601).
#[derive(Debug, Clone)]
pub(super) struct Revision {
    pub author: String,
    pub date: String,
}

/// Everything a document holds: its paragraphs, the footnotes by key (in the draft's order),
/// and the author and date of its revision marks.
pub(super) struct Content {
    pub paras: Vec<Para>,
    pub notes: Vec<(String, Vec<Piece>)>,
    /// Whether footnotes no paragraph referenced are referenced in a last paragraph (a
    /// draft's footnotes all belong; the tracked changes hold footnotes of both versions,
    /// each referenced where it belongs).
    pub keep_unreferenced: bool,
    pub revision: Option<Revision>,
}

/// The generated parts of the package.
pub(super) struct Parts {
    pub document: Vec<u8>,
    pub footnotes: Vec<u8>,
    pub numbering: Vec<u8>,
}

/// Writes the document, its footnotes and its numbering.
pub(super) fn write(content: &Content) -> Result<Parts, std::io::Error> {
    let mut w = Writer {
        body: Xml::new(),
        notes: Xml::new(),
        note_index: content
            .notes
            .iter()
            .enumerate()
            .map(|(i, (k, _))| (k.as_str(), i))
            .collect(),
        content,
        referenced: HashSet::new(),
        next_note: 1,
        next_revision: 1,
        lists: Lists::default(),
    };
    w.notes.decl();
    w.notes.open("w:footnotes", &[("xmlns:w", W_NS)]);
    for (id, kind) in [("-1", "separator"), ("0", "continuationSeparator")] {
        let x = &mut w.notes;
        x.open("w:footnote", &[("w:type", kind), ("w:id", id)]);
        x.open("w:p", &[]);
        x.open("w:pPr", &[]);
        x.empty("w:spacing", &[("w:after", "0"), ("w:line", "240")]);
        x.close("w:pPr");
        x.open("w:r", &[]);
        x.empty(&format!("w:{kind}"), &[]);
        x.close("w:r");
        x.close("w:p");
        x.close("w:footnote");
    }
    w.body.decl();
    w.body.open("w:document", &[("xmlns:w", W_NS)]);
    w.body.open("w:body", &[]);
    for para in &content.paras {
        w.paragraph(para);
    }
    // Footnotes no paragraph referenced (their marker stands in no text written), in a last
    // paragraph so that none is lost.
    let left: Vec<Piece> = content
        .notes
        .iter()
        .enumerate()
        .filter(|(i, _)| !w.referenced.contains(i))
        .map(|(_, note)| note)
        .map(|(k, _)| Piece::Note {
            key: k.clone(),
            change: Change::None,
        })
        .collect();
    if content.keep_unreferenced && !left.is_empty() {
        w.paragraph(&Para {
            layout: Layout::default(),
            number: None,
            old_number: None,
            pieces: left,
            mark: Change::None,
        });
    }
    w.section_properties();
    w.body.close("w:body");
    w.body.close("w:document");
    w.notes.close("w:footnotes");
    let numbering = w.lists.xml()?;
    Ok(Parts {
        document: w.body.finish()?,
        footnotes: w.notes.finish()?,
        numbering,
    })
}

struct Writer<'a> {
    body: Xml,
    notes: Xml,
    content: &'a Content,
    note_index: HashMap<&'a str, usize>,
    /// Footnotes already referenced, by index (each is referenced once).
    referenced: HashSet<usize>,
    /// The id of the next Word footnote.
    next_note: u32,
    /// The id of the next revision mark (unique in the document).
    next_revision: u32,
    lists: Lists,
}

/// Which part a run is written to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Target {
    Body,
    Notes,
}

impl<'a> Writer<'a> {
    fn xml(&mut self, target: Target) -> &mut Xml {
        match target {
            Target::Body => &mut self.body,
            Target::Notes => &mut self.notes,
        }
    }

    /// The attributes of a revision mark: a fresh id, the author, the date.
    fn revision(&mut self) -> Vec<(String, String)> {
        let id = self.next_revision;
        self.next_revision += 1;
        let mut attrs = vec![("w:id".to_string(), id.to_string())];
        if let Some(r) = &self.content.revision {
            attrs.push(("w:author".into(), r.author.clone()));
            attrs.push(("w:date".into(), r.date.clone()));
        }
        attrs
    }

    /// An empty element carrying a revision mark's attributes (and `extra` ones).
    fn marked(&mut self, target: Target, name: &str, extra: &[(&str, &str)]) {
        let attrs = self.revision();
        let mut all: Vec<(&str, &str)> = attrs
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        all.extend_from_slice(extra);
        self.xml(target).empty(name, &all);
    }

    /// Opens a revision wrapper (`w:ins`, `w:del`, `w:moveFrom`, `w:moveTo`) with its mark's
    /// attributes.
    fn open_marked(&mut self, target: Target, name: &str) {
        let attrs = self.revision();
        let attrs: Vec<(&str, &str)> = attrs
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        self.xml(target).open(name, &attrs);
    }

    /// Writes one `w:p`.
    fn paragraph(&mut self, para: &Para) {
        let layout = para.layout;
        self.body.open("w:p", &[]);
        self.body.open("w:pPr", &[]);
        if layout.keep_next {
            self.body.empty("w:keepNext", &[]);
        }
        if layout.page_break {
            self.body.empty("w:pageBreakBefore", &[]);
        }
        if let Some(n) = &para.number {
            let id = self.lists.num_id(n).to_string();
            let ilvl = n.level.to_string();
            self.body.open("w:numPr", &[]);
            self.body.empty("w:ilvl", &[("w:val", &ilvl)]);
            self.body.empty("w:numId", &[("w:val", &id)]);
            if let Some(old) = &para.old_number {
                let original = numbering::original(old);
                self.marked(
                    Target::Body,
                    "w:numberingChange",
                    &[("w:original", &original)],
                );
            }
            self.body.close("w:numPr");
        }
        let x = &mut self.body;
        if layout.right_tab {
            x.open("w:tabs", &[]);
            let pos = package::TEXT_WIDTH.to_string();
            x.empty("w:tab", &[("w:val", "right"), ("w:pos", &pos)]);
            x.close("w:tabs");
        } else if layout.hanging > 0 {
            x.open("w:tabs", &[]);
            let pos = layout.left.to_string();
            x.empty("w:tab", &[("w:val", "left"), ("w:pos", &pos)]);
            x.close("w:tabs");
        }
        let left = layout.left.to_string();
        let mut ind = vec![("w:left", left.as_str())];
        let first = layout.first_line.to_string();
        let hanging = layout.hanging.to_string();
        if layout.first_line > 0 {
            ind.push(("w:firstLine", &first));
        } else if layout.hanging > 0 {
            ind.push(("w:hanging", &hanging));
        }
        x.empty("w:ind", &ind);
        if layout.ragged {
            x.empty("w:jc", &[("w:val", "left")]);
        }
        if para.mark != Change::None {
            self.body.open("w:rPr", &[]);
            let name = match para.mark {
                Change::Inserted => "w:ins",
                Change::Deleted => "w:del",
                Change::MovedFrom(_) => "w:moveFrom",
                Change::MovedTo(_) => "w:moveTo",
                Change::None => unreachable!("checked above"),
            };
            self.marked(Target::Body, name, &[]);
            self.body.close("w:rPr");
        }
        self.body.close("w:pPr");
        self.pieces(Target::Body, &para.pieces);
        self.body.close("w:p");
    }

    /// The runs of a paragraph, each stretch of one revision mark in its wrapper.
    fn pieces(&mut self, target: Target, pieces: &[Piece]) {
        let mut i = 0;
        while i < pieces.len() {
            let change = pieces[i].change();
            let end = pieces[i..]
                .iter()
                .position(|p| p.change() != change)
                .map_or(pieces.len(), |k| i + k);
            let stretch = &pieces[i..end];
            match change {
                Change::None => self.runs(target, stretch),
                Change::Inserted | Change::Deleted => {
                    let name = if change == Change::Inserted {
                        "w:ins"
                    } else {
                        "w:del"
                    };
                    self.open_marked(target, name);
                    self.runs(target, stretch);
                    self.xml(target).close(name);
                }
                Change::MovedFrom(n) | Change::MovedTo(n) => {
                    let (range, wrapper) = match change {
                        Change::MovedFrom(_) => ("w:moveFromRange", "w:moveFrom"),
                        _ => ("w:moveToRange", "w:moveTo"),
                    };
                    let name = format!("move{n}");
                    let range_id = self.next_revision.to_string();
                    self.marked(target, &format!("{range}Start"), &[("w:name", &name)]);
                    self.open_marked(target, wrapper);
                    self.runs(target, stretch);
                    let x = self.xml(target);
                    x.close(wrapper);
                    x.empty(&format!("{range}End"), &[("w:id", &range_id)]);
                }
            }
            i = end;
        }
    }

    /// Runs of text, tabs and footnote references (inside their revision wrapper, if any).
    fn runs(&mut self, target: Target, pieces: &[Piece]) {
        for piece in pieces {
            match piece {
                Piece::Text {
                    text,
                    italic,
                    bold,
                    change,
                } => self.xml(target).run(text, *italic, *bold, change.removes()),
                Piece::Tab(_) => {
                    let x = self.xml(target);
                    x.open("w:r", &[]);
                    x.empty("w:tab", &[]);
                    x.close("w:r");
                }
                // Footnotes hold no footnote references.
                Piece::Note { key, .. } if target == Target::Body => self.reference(key),
                Piece::Note { .. } => {}
            }
        }
    }

    /// A footnote reference where the marker stands, and the footnote in `footnotes.xml`
    /// (once: a repeated marker of the same footnote is not referenced again).
    fn reference(&mut self, key: &str) {
        let Some(&index) = self.note_index.get(key) else {
            return;
        };
        if !self.referenced.insert(index) {
            return;
        }
        let n = self.next_note.to_string();
        self.next_note += 1;
        let x = &mut self.body;
        x.open("w:r", &[]);
        x.open("w:rPr", &[]);
        x.empty("w:rStyle", &[("w:val", "FootnoteReference")]);
        x.close("w:rPr");
        x.empty("w:footnoteReference", &[("w:id", &n)]);
        x.close("w:r");

        let x = &mut self.notes;
        x.open("w:footnote", &[("w:id", &n)]);
        x.open("w:p", &[]);
        x.open("w:pPr", &[]);
        x.empty("w:pStyle", &[("w:val", "FootnoteText")]);
        x.close("w:pPr");
        x.open("w:r", &[]);
        x.open("w:rPr", &[]);
        x.empty("w:rStyle", &[("w:val", "FootnoteReference")]);
        x.close("w:rPr");
        x.empty("w:footnoteRef", &[]);
        x.close("w:r");
        x.open("w:r", &[]);
        x.empty("w:tab", &[]);
        x.close("w:r");
        let content = self.content;
        self.pieces(Target::Notes, &content.notes[index].1);
        let x = &mut self.notes;
        x.close("w:p");
        x.close("w:footnote");
    }

    fn section_properties(&mut self) {
        let x = &mut self.body;
        x.open("w:sectPr", &[]);
        x.open("w:footnotePr", &[]);
        x.empty("w:numFmt", &[("w:val", "decimal")]);
        x.close("w:footnotePr");
        let (w, h, m) = (
            package::PAGE_WIDTH.to_string(),
            package::PAGE_HEIGHT.to_string(),
            package::MARGIN.to_string(),
        );
        x.empty("w:pgSz", &[("w:w", &w), ("w:h", &h)]);
        x.empty(
            "w:pgMar",
            &[
                ("w:top", &m),
                ("w:right", &m),
                ("w:bottom", &m),
                ("w:left", &m),
                ("w:header", "720"),
                ("w:footer", "720"),
                ("w:gutter", "0"),
            ],
        );
        x.close("w:sectPr");
    }
}
