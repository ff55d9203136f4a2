//! The paragraphs of a WordprocessingML part (`document.xml`, `footnotes.xml`,
//! `comments.xml`) as runs of text with their emphasis, footnote references and automatic
//! numbers, tracked changes resolved one way: with [`Changes::Accept`] inserted text stays and
//! deleted text goes, with [`Changes::Reject`] the other way round. A paragraph mark that the
//! resolution removes (a deleted mark accepted, an inserted one rejected) joins the paragraph
//! to the next one, which keeps its own properties (its number), as in Word.

use super::Changes;
use super::numbering::Numbering;
use crate::ooxml::{attr, toggle};
use quick_xml::events::{BytesStart, Event};

/// One piece of a paragraph.
#[derive(Debug, Clone)]
pub(super) enum Piece {
    Text {
        text: String,
        italic: bool,
    },
    /// A footnote reference, by the footnote's id.
    Note(String),
}

/// A paragraph as read.
#[derive(Debug, Default, Clone)]
pub(super) struct Para {
    pub runs: Vec<Piece>,
    /// The automatic number written out ("3.", "(b)").
    pub label: Option<String>,
    pub bold: bool,
    pub table_row: bool,
    /// The attributes of the enclosing note (`w:footnote`, `w:comment`): id and author.
    pub owner: (String, String),
}

impl Para {
    /// The paragraph's text without its footnote references.
    pub fn plain(&self) -> String {
        self.runs
            .iter()
            .map(|r| match r {
                Piece::Text { text, .. } => text.as_str(),
                Piece::Note(_) => "",
            })
            .collect()
    }
}

/// The paragraphs of a part and how many tracked changes it holds.
#[derive(Debug, Default)]
pub(super) struct Parsed {
    pub paragraphs: Vec<Para>,
    pub tracked: usize,
}

/// The state of a run being read.
#[derive(Debug, Default)]
struct Run {
    italic: bool,
    bold: bool,
    superscript: bool,
    text: String,
}

/// The reader's state through one part.
struct Reader<'a> {
    changes: Changes,
    numbering: Option<&'a mut Numbering>,
    out: Parsed,
    para: Option<Para>,
    /// The paragraph's list (`numId`, `ilvl`) and style.
    num: (Option<String>, Option<usize>),
    style: Option<String>,
    /// The paragraph mark's tracked change: `Some(true)` inserted, `Some(false)` deleted.
    mark: Option<bool>,
    all_bold: bool,
    run: Option<Run>,
    in_ppr: bool,
    in_rpr: bool,
    in_text: bool,
    /// Depth inside a property-change record (old formatting, not read).
    skip: usize,
    ins: usize,
    del: usize,
    row: Option<Vec<String>>,
    owner: (String, String),
    /// The runs of paragraphs whose mark was removed, carried into the next paragraph.
    carry: Vec<Piece>,
}

/// Parses the paragraphs of a part. Numbering labels are given when `numbering` is.
pub(super) fn parse(
    xml: &str,
    part: &str,
    changes: Changes,
    numbering: Option<&mut Numbering>,
) -> Result<Parsed, String> {
    let mut xml_reader = quick_xml::Reader::from_str(xml);
    let mut r = Reader {
        changes,
        numbering,
        out: Parsed::default(),
        para: None,
        num: (None, None),
        style: None,
        mark: None,
        all_bold: true,
        run: None,
        in_ppr: false,
        in_rpr: false,
        in_text: false,
        skip: 0,
        ins: 0,
        del: 0,
        row: None,
        owner: (String::new(), String::new()),
        carry: Vec::new(),
    };
    loop {
        let ev = xml_reader.read_event().map_err(|e| {
            format!(
                "{part}: XML error at byte {}: {e}",
                xml_reader.buffer_position()
            )
        })?;
        match ev {
            Event::Start(e) => r.start(&e, false),
            Event::Empty(e) => r.start(&e, true),
            Event::End(e) => r.end(e.local_name().as_ref()),
            Event::Text(t) if r.in_text && r.skip == 0 => r.push_text(&t.xml10_content()),
            Event::GeneralRef(g) if r.in_text && r.skip == 0 => {
                let c = match g.resolve_char_ref() {
                    Ok(Some(c)) => Some(c.to_string()),
                    _ => quick_xml::escape::resolve_predefined_entity(&g.xml10_content())
                        .map(str::to_string),
                };
                if let Some(c) = c {
                    r.push_text(&c);
                }
            }
            Event::CData(t) if r.in_text && r.skip == 0 => r.push_text(t.as_ref()),
            Event::Eof => break,
            _ => {}
        }
    }
    if !r.carry.is_empty() {
        // The last paragraph's mark was removed: nothing follows to join, so it stands alone.
        let runs = std::mem::take(&mut r.carry);
        r.out.paragraphs.push(Para {
            runs,
            owner: r.owner.clone(),
            ..Para::default()
        });
    }
    Ok(r.out)
}

impl Reader<'_> {
    /// Whether text at the current place survives the resolution of tracked changes.
    fn kept(&self) -> bool {
        match self.changes {
            Changes::Accept => self.del == 0,
            Changes::Reject => self.ins == 0,
        }
    }

    fn push_text(&mut self, t: &str) {
        if let Some(run) = self.run.as_mut() {
            run.text.push_str(t);
        }
    }

    fn start(&mut self, e: &BytesStart, empty: bool) {
        let name = e.local_name();
        let name = name.as_ref();
        if self.skip > 0 {
            if !empty {
                self.skip += 1;
            }
            return;
        }
        match name {
            "rPrChange" | "pPrChange" | "sectPrChange" | "tblPrChange" | "trPrChange"
            | "tcPrChange" | "numberingChange"
                if !empty =>
            {
                self.skip = 1;
            }
            "footnote" | "comment" | "endnote" => {
                self.owner = (
                    attr(e, "id").unwrap_or_default(),
                    attr(e, "author").unwrap_or_default(),
                );
                if matches!(
                    attr(e, "type").as_deref(),
                    Some("separator" | "continuationSeparator" | "continuationNotice")
                ) {
                    self.owner.0.clear();
                }
            }
            "tr" if !empty => self.row = Some(Vec::new()),
            "p" => {
                self.para = Some(Para::default());
                self.num = (None, None);
                self.style = None;
                // A paragraph wholly inside a block-level change: its mark is changed too.
                self.mark = match (self.ins > 0, self.del > 0) {
                    (true, false) => Some(true),
                    (false, true) => Some(false),
                    _ => None,
                };
                self.all_bold = true;
                if empty {
                    self.end("p");
                }
            }
            "pPr" if !empty => self.in_ppr = true,
            "rPr" if !empty => self.in_rpr = true,
            "pStyle" if self.in_ppr => self.style = attr(e, "val"),
            "numId" if self.in_ppr => self.num.0 = attr(e, "val"),
            "ilvl" if self.in_ppr => self.num.1 = attr(e, "val").and_then(|v| v.parse().ok()),
            "ins" | "moveTo" | "del" | "moveFrom" => {
                let inserted = matches!(name, "ins" | "moveTo");
                self.out.tracked += 1;
                if self.in_ppr && self.in_rpr {
                    self.mark = Some(inserted);
                } else if !empty {
                    if inserted {
                        self.ins += 1;
                    } else {
                        self.del += 1;
                    }
                }
            }
            "r" if !empty => self.run = Some(Run::default()),
            "i" | "iCs" if self.in_rpr && !self.in_ppr => {
                if let Some(r) = self.run.as_mut() {
                    r.italic = toggle(e);
                }
            }
            "b" | "bCs" if self.in_rpr && !self.in_ppr => {
                if let Some(r) = self.run.as_mut() {
                    r.bold = toggle(e);
                }
            }
            "vertAlign" if self.in_rpr => {
                if let Some(r) = self.run.as_mut() {
                    r.superscript = attr(e, "val").as_deref() == Some("superscript");
                }
            }
            "t" | "delText" if !empty => self.in_text = true,
            "tab" | "br" | "cr" if !self.in_ppr => {
                self.push_text(if name == "tab" { " " } else { "\n" });
            }
            "noBreakHyphen" => self.push_text("\u{2011}"),
            "footnoteReference" => {
                if self.kept()
                    && let (Some(p), Some(id)) = (self.para.as_mut(), attr(e, "id"))
                {
                    p.runs.push(Piece::Note(id));
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        if self.skip > 0 {
            self.skip -= 1;
            return;
        }
        match name {
            "pPr" => self.in_ppr = false,
            "rPr" => self.in_rpr = false,
            "t" | "delText" => self.in_text = false,
            "ins" | "moveTo" => self.ins = self.ins.saturating_sub(1),
            "del" | "moveFrom" => self.del = self.del.saturating_sub(1),
            "r" => self.end_run(),
            "p" => self.end_paragraph(),
            "tr" => {
                if let Some(cells) = self.row.take() {
                    let text = cells
                        .into_iter()
                        .filter(|c| !c.trim().is_empty())
                        .collect::<Vec<_>>()
                        .join(" | ");
                    self.out.paragraphs.push(Para {
                        runs: vec![Piece::Text {
                            text,
                            italic: false,
                        }],
                        table_row: true,
                        owner: self.owner.clone(),
                        ..Para::default()
                    });
                }
            }
            _ => {}
        }
    }

    fn end_run(&mut self) {
        let keep = self.kept();
        let (Some(r), Some(p)) = (self.run.take(), self.para.as_mut()) else {
            return;
        };
        if !keep || r.text.is_empty() {
            return;
        }
        if !r.text.trim().is_empty() {
            self.all_bold &= r.bold;
        }
        let digits = r.text.trim();
        // A footnote number typed as a raised number rather than a reference.
        let text = if r.superscript
            && (1..=3).contains(&digits.len())
            && digits.bytes().all(|b| b.is_ascii_digit())
        {
            super::superscript(digits.parse().unwrap_or(0))
        } else {
            r.text
        };
        p.runs.push(Piece::Text {
            text,
            italic: r.italic && !r.superscript,
        });
    }

    fn end_paragraph(&mut self) {
        let Some(mut p) = self.para.take() else {
            return;
        };
        let gone = matches!(
            (self.changes, self.mark),
            (Changes::Accept, Some(false)) | (Changes::Reject, Some(true))
        );
        if let Some(cells) = self.row.as_mut() {
            cells.push(p.plain());
            return;
        }
        if gone {
            // The mark is removed: the text runs on into the next paragraph, whose number
            // and properties the joined paragraph has; this one is not counted.
            self.carry.append(&mut p.runs);
            return;
        }
        // Bold in its runs, or in a heading style ("Heading3", as pandoc and Word name them).
        let heading_style = self.style.as_deref().is_some_and(|s| {
            s.strip_prefix("Heading")
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        });
        p.bold = (self.all_bold || heading_style) && !p.runs.is_empty();
        if let Some(numbering) = self.numbering.as_deref_mut() {
            let list = match (&self.num.0, &self.style) {
                (Some(id), _) => Some((id.clone(), self.num.1.unwrap_or(0))),
                (None, Some(style)) => numbering.of_style(style),
                (None, None) => None,
            };
            if let Some((id, level)) = list {
                p.label = numbering.label(&id, self.num.1.unwrap_or(level));
            }
        }
        if !self.carry.is_empty() {
            let mut runs = std::mem::take(&mut self.carry);
            runs.append(&mut p.runs);
            p.runs = runs;
            p.bold = false;
        }
        p.owner = self.owner.clone();
        self.out.paragraphs.push(p);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#;

    /// The paragraphs of a body, each as its label and text.
    fn read(body: &str, changes: Changes) -> Vec<String> {
        let mut numbering = Numbering::parse(NUMBERING).expect("numbering");
        let xml = format!(
            r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
        );
        parse(&xml, "word/document.xml", changes, Some(&mut numbering))
            .expect("parsed")
            .paragraphs
            .iter()
            .map(|p| format!("{} {}", p.label.as_deref().unwrap_or("-"), p.plain()))
            .collect()
    }

    fn numbered(mark: &str, runs: &str) -> String {
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:rPr>{mark}</w:rPr></w:pPr>{runs}</w:p>"#
        )
    }

    fn run(t: &str) -> String {
        format!("<w:r><w:t xml:space=\"preserve\">{t}</w:t></w:r>")
    }

    #[test]
    fn an_inserted_paragraph_rejected_leaves_the_numbers_as_they_were() {
        let body = [
            numbered("", &run("Decides one;")),
            numbered(
                r#"<w:ins w:id="1" w:author="A"/>"#,
                &format!(
                    r#"<w:ins w:id="2" w:author="A">{}</w:ins>"#,
                    run("Inserted;")
                ),
            ),
            numbered("", &run("Decides two.")),
        ]
        .concat();
        assert_eq!(
            read(&body, Changes::Reject),
            ["1. Decides one;", "2. Decides two."]
        );
        assert_eq!(
            read(&body, Changes::Accept),
            ["1. Decides one;", "2. Inserted;", "3. Decides two."]
        );
    }

    #[test]
    fn a_deleted_paragraph_mark_joins_the_next_paragraph_when_accepted() {
        let body = [
            numbered(r#"<w:del w:id="1" w:author="A"/>"#, &run("First half")),
            numbered("", &run(" and second half.")),
            format!(
                r#"<w:moveFrom w:id="3" w:author="A"><w:p>{}</w:p></w:moveFrom>"#,
                run("Moved away.")
            ),
        ]
        .concat();
        assert_eq!(
            read(&body, Changes::Accept),
            ["1. First half and second half."]
        );
        assert_eq!(
            read(&body, Changes::Reject),
            ["1. First half", "2.  and second half.", "- Moved away."]
        );
    }
}
