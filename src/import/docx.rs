//! Reading Word documents (.docx) into the common [`Line`] form: one line per paragraph
//! (a blank line between paragraphs, as in a printed text), italic runs as `*…*`, automatic
//! numbers from `numbering.xml` written out in front of the text ("3.", "(b)"), footnote
//! references as superscript markers with the footnotes of `footnotes.xml` listed at the end,
//! table rows kept as text, comments kept as notes, and tracked changes (`w:ins`, `w:del`,
//! `w:moveFrom`, `w:moveTo`, deleted paragraph marks) accepted or rejected.
//!
//! A .docx is a zip of XML parts: read with `zip` and `quick-xml` (both already in the tree
//! through the PDF reader), which give full control of the WordprocessingML that a converter
//! crate such as docx-rs hides (moves, paragraph-mark changes, numbering state). Every part
//! is read with a size limit, so a zip bomb is refused rather than unpacked.

use super::footnotes::SUPERSCRIPTS;
use super::lines::{Line, Style, clean};
use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;
use std::io::{Cursor, Read};

/// The largest uncompressed XML part read.
pub const MAX_PART: u64 = 32 * 1024 * 1024;

/// What to do with tracked changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Changes {
    /// The text with every change accepted.
    #[default]
    Accept,
    /// The text before the changes.
    Reject,
}

/// A Word document read into lines.
#[derive(Debug, Default)]
pub struct Docx {
    pub lines: Vec<Line>,
    /// Messages about what was kept approximately, with the line they concern.
    pub warnings: Vec<(usize, String)>,
    /// The comments, as notes ("Comment by AUTHOR: text").
    pub comments: Vec<String>,
    /// How many tracked changes the document holds.
    pub tracked: usize,
}

/// Reads a .docx from its bytes.
pub fn read(bytes: &[u8], changes: Changes) -> Result<Docx, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("not a readable zip archive ({e})"))?;
    let document = part(&mut zip, "word/document.xml")?
        .ok_or("a zip archive, but not a Word document (no word/document.xml)")?;
    let numbering = match part(&mut zip, "word/numbering.xml")? {
        Some(x) => Numbering::parse(&x)?,
        None => Numbering::default(),
    };
    let mut out = Docx::default();
    let notes = match part(&mut zip, "word/footnotes.xml")? {
        Some(x) => notes_part(&x, "footnote", changes)?,
        None => Vec::new(),
    };
    if let Some(x) = part(&mut zip, "word/comments.xml")? {
        for (author, text) in notes_part(&x, "comment", changes)?
            .into_iter()
            .map(|n| (n.author, n.text))
        {
            let by = if author.is_empty() {
                String::new()
            } else {
                format!(" by {author}")
            };
            out.comments.push(format!("Comment{by}: {text}"));
        }
    }
    let body = parse(&document, changes, Some(&numbering))?;
    out.tracked = body.tracked;
    let mut footnote_no: HashMap<String, u32> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    let mut no = 0;
    let mut tables = 0;
    for p in &body.paragraphs {
        let mut runs: Vec<(String, bool)> = Vec::new();
        for r in &p.runs {
            match r {
                Piece::Text { text: t, italic } => runs.push((t.clone(), *italic)),
                Piece::Note(id) => {
                    let n = *footnote_no.entry(id.clone()).or_insert_with(|| {
                        order.push(id.clone());
                        order.len() as u32
                    });
                    runs.push((superscript(n), false));
                }
            }
        }
        let text = render(&runs);
        let label = p.label.clone().unwrap_or_default();
        let full = if label.is_empty() {
            text
        } else {
            format!("{label} {text}")
        };
        if p.table_row {
            tables += 1;
            if tables == 1 {
                out.warnings
                    .push((no + 1, "a table was kept as text, one line a row".into()));
            }
        }
        for (k, piece) in full.split('\n').enumerate() {
            no += 1;
            let (text, gaps) = clean(piece);
            out.lines.push(Line {
                no,
                text,
                gaps,
                page_break: false,
                page: 1,
                style: Style {
                    bold: p.bold,
                    italic: k == 0 && piece.starts_with('*'),
                    ..Style::default()
                },
            });
        }
        no += 1;
        out.lines.push(Line {
            no,
            page: 1,
            ..Line::default()
        });
    }
    let by_id: HashMap<&str, &Note> = notes.iter().map(|n| (n.id.as_str(), n)).collect();
    for (i, id) in order.iter().enumerate() {
        let text = by_id.get(id.as_str()).map_or("", |n| n.text.as_str());
        if text.is_empty() {
            out.warnings.push((
                no,
                format!("footnote reference {} has no footnote text", i + 1),
            ));
            continue;
        }
        no += 1;
        out.lines.push(Line {
            no,
            text: clean(&format!("{} {text}", superscript(i as u32 + 1))).0,
            page: 1,
            ..Line::default()
        });
    }
    Ok(out)
}

/// A number in superscript digits (the form the footnote linker reads as a marker).
fn superscript(n: u32) -> String {
    n.to_string()
        .bytes()
        .map(|b| SUPERSCRIPTS[usize::from(b - b'0')])
        .collect()
}

/// Writes runs as text, italic stretches as `*…*` (adjacent italic runs share one pair;
/// spaces stay outside the marks).
fn render(runs: &[(String, bool)]) -> String {
    let mut merged: Vec<(String, bool)> = Vec::new();
    for (t, italic) in runs {
        let italic = *italic && !t.trim().is_empty();
        match merged.last_mut() {
            Some((last, i)) if *i == italic || t.trim().is_empty() => last.push_str(t),
            _ => merged.push((t.clone(), italic)),
        }
    }
    let mut out = String::new();
    for (t, italic) in merged {
        if italic {
            let inner = t.trim();
            let lead = t.len() - t.trim_start().len();
            out.push_str(&t[..lead]);
            out.push('*');
            out.push_str(inner);
            out.push('*');
            out.push_str(&t[lead + inner.len()..]);
        } else {
            out.push_str(&t);
        }
    }
    out
}

/// Reads one part of the zip, refusing a part larger than [`MAX_PART`] (whatever its header
/// claims). `None` when the part is absent.
fn part<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
) -> Result<Option<String>, String> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("{name}: {e}")),
    };
    if file.size() > MAX_PART {
        return Err(format!(
            "{name} unpacks to {} bytes; the limit is {MAX_PART} bytes",
            file.size()
        ));
    }
    let mut bytes = Vec::new();
    file.take(MAX_PART + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{name}: {e}"))?;
    if bytes.len() as u64 > MAX_PART {
        return Err(format!(
            "{name} unpacks to more than {MAX_PART} bytes (the limit)"
        ));
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| format!("{name}: not UTF-8 XML"))
}

/// The value of an attribute, by its local name (`w:val` → `val`).
fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// Whether a toggle property (`<w:i/>`, `<w:i w:val="0"/>`) is on.
fn on(e: &BytesStart) -> bool {
    !matches!(attr(e, "val").as_deref(), Some("0" | "false" | "off"))
}

/// One piece of a paragraph.
#[derive(Debug, Clone)]
enum Piece {
    Text {
        text: String,
        italic: bool,
    },
    /// A footnote reference, by the footnote's id.
    Note(String),
}

/// A paragraph as read.
#[derive(Debug, Default, Clone)]
struct Para {
    runs: Vec<Piece>,
    /// The automatic number written out ("3.", "(b)").
    label: Option<String>,
    bold: bool,
    table_row: bool,
}

/// The paragraphs of a part and how many tracked changes it holds.
#[derive(Debug, Default)]
struct Parsed {
    paragraphs: Vec<Para>,
    tracked: usize,
    /// Per paragraph, the attributes of the enclosing note (`w:footnote`, `w:comment`).
    owners: Vec<(String, String)>,
}

/// The state of a run being read.
#[derive(Debug, Default)]
struct RunState {
    italic: bool,
    bold: bool,
    superscript: bool,
    text: String,
}

/// Parses the paragraphs of a WordprocessingML part. Notes (`owner` elements) attach each
/// paragraph to their id and author.
fn parse(xml: &str, changes: Changes, numbering: Option<&Numbering>) -> Result<Parsed, String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Parsed::default();
    let mut para: Option<Para> = None;
    let mut para_num: (Option<String>, Option<usize>) = (None, None);
    let mut para_mark: Option<bool> = None; // Some(true) inserted, Some(false) deleted
    let mut run: Option<RunState> = None;
    let mut in_ppr = false;
    let mut in_rpr = false;
    let mut skip = 0usize; // inside a property-change record (old formatting)
    let mut ins = 0usize;
    let mut del = 0usize;
    let mut in_text = false;
    let mut table = 0usize;
    let mut row: Option<Vec<String>> = None;
    let mut owner = (String::new(), String::new());
    let mut counters: HashMap<String, [u32; 9]> = HashMap::new();
    let mut join_next = false;
    let mut all_bold = true;
    loop {
        let ev = reader
            .read_event()
            .map_err(|e| format!("XML error at byte {}: {e}", reader.buffer_position()))?;
        let (e, empty) = match &ev {
            Event::Start(e) => (Some(e.clone()), false),
            Event::Empty(e) => (Some(e.clone()), true),
            _ => (None, false),
        };
        if let Some(e) = e {
            let name = e.local_name().as_ref().to_string();
            if skip > 0 {
                if !empty {
                    skip += 1;
                }
                continue;
            }
            match name.as_str() {
                "rPrChange" | "pPrChange" | "sectPrChange" | "tblPrChange" | "trPrChange"
                | "tcPrChange" | "numberingChange"
                    if !empty =>
                {
                    skip = 1;
                }
                "footnote" | "comment" | "endnote" => {
                    owner = (
                        attr(&e, "id").unwrap_or_default(),
                        attr(&e, "author").unwrap_or_default(),
                    );
                    if matches!(
                        attr(&e, "type").as_deref(),
                        Some("separator" | "continuationSeparator" | "continuationNotice")
                    ) {
                        owner.0.clear();
                    }
                }
                "tbl" if !empty => table += 1,
                "tr" if !empty => row = Some(Vec::new()),
                "p" => {
                    para = Some(Para::default());
                    para_num = (None, None);
                    para_mark = None;
                    all_bold = true;
                    if empty {
                        finish_para(
                            &mut out,
                            para.take(),
                            &mut row,
                            &owner,
                            false,
                            &mut join_next,
                        );
                    }
                }
                "pPr" if !empty => in_ppr = true,
                "rPr" if !empty => in_rpr = true,
                "numId" if in_ppr => para_num.0 = attr(&e, "val"),
                "ilvl" if in_ppr => para_num.1 = attr(&e, "val").and_then(|v| v.parse().ok()),
                "ins" | "moveTo" | "del" | "moveFrom" => {
                    let inserted = matches!(name.as_str(), "ins" | "moveTo");
                    out.tracked += 1;
                    if in_ppr && in_rpr {
                        para_mark = Some(inserted);
                    } else if !empty {
                        if inserted { ins += 1 } else { del += 1 }
                    }
                }
                "r" if !empty => run = Some(RunState::default()),
                "i" | "iCs" if in_rpr && !in_ppr => {
                    if let Some(r) = run.as_mut() {
                        r.italic = on(&e);
                    }
                }
                "b" | "bCs" if in_rpr && !in_ppr => {
                    if let Some(r) = run.as_mut() {
                        r.bold = on(&e);
                    }
                }
                "vertAlign" if in_rpr => {
                    if let Some(r) = run.as_mut() {
                        r.superscript = attr(&e, "val").as_deref() == Some("superscript");
                    }
                }
                "t" | "delText" | "instrText" if !empty => in_text = name != "instrText",
                "tab" | "br" | "cr" if !in_ppr => {
                    if let Some(r) = run.as_mut() {
                        r.text.push(if name == "tab" { ' ' } else { '\n' });
                    }
                }
                "noBreakHyphen" => {
                    if let Some(r) = run.as_mut() {
                        r.text.push('\u{2011}');
                    }
                }
                "footnoteReference" | "endnoteReference" => {
                    let keep = match changes {
                        Changes::Accept => del == 0,
                        Changes::Reject => ins == 0,
                    };
                    if keep
                        && let (Some(p), Some(id)) = (para.as_mut(), attr(&e, "id"))
                        && name == "footnoteReference"
                    {
                        p.runs.push(Piece::Note(id));
                    }
                }
                _ => {}
            }
            continue;
        }
        match ev {
            Event::End(e) => {
                let name = e.local_name().as_ref().to_string();
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                match name.as_str() {
                    "pPr" => in_ppr = false,
                    "rPr" => in_rpr = false,
                    "t" | "delText" => in_text = false,
                    "ins" | "moveTo" => ins = ins.saturating_sub(1),
                    "del" | "moveFrom" => del = del.saturating_sub(1),
                    "r" => {
                        if let (Some(r), Some(p)) = (run.take(), para.as_mut()) {
                            let keep = match changes {
                                Changes::Accept => del == 0,
                                Changes::Reject => ins == 0,
                            };
                            if keep && !r.text.is_empty() {
                                if !r.text.trim().is_empty() {
                                    all_bold &= r.bold;
                                }
                                let digits = r.text.trim();
                                if r.superscript
                                    && !digits.is_empty()
                                    && digits.bytes().all(|b| b.is_ascii_digit())
                                    && digits.len() <= 3
                                {
                                    let n: u32 = digits.parse().unwrap_or(0);
                                    p.runs.push(Piece::Text {
                                        text: superscript(n),
                                        italic: false,
                                    });
                                } else {
                                    p.runs.push(Piece::Text {
                                        text: r.text,
                                        italic: r.italic,
                                    });
                                }
                            }
                        }
                    }
                    "p" => {
                        if let Some(mut p) = para.take() {
                            p.bold = all_bold && !p.runs.is_empty();
                            if let (Some(numbering), (Some(id), level)) = (numbering, &para_num) {
                                p.label = numbering.label(id, level.unwrap_or(0), &mut counters);
                            }
                            let mark_gone = matches!(
                                (changes, para_mark),
                                (Changes::Accept, Some(false)) | (Changes::Reject, Some(true))
                            );
                            finish_para(
                                &mut out,
                                Some(p),
                                &mut row,
                                &owner,
                                mark_gone,
                                &mut join_next,
                            );
                        }
                    }
                    "tr" => {
                        if let Some(cells) = row.take() {
                            let text = cells
                                .into_iter()
                                .filter(|c| !c.trim().is_empty())
                                .collect::<Vec<_>>()
                                .join(" | ");
                            let para = Para {
                                runs: vec![Piece::Text {
                                    text,
                                    italic: false,
                                }],
                                table_row: true,
                                ..Para::default()
                            };
                            out.paragraphs.push(para);
                            out.owners.push(owner.clone());
                        }
                    }
                    "tbl" => table = table.saturating_sub(1),
                    _ => {}
                }
            }
            Event::Text(t) if in_text && skip == 0 => {
                if let Some(r) = run.as_mut() {
                    r.text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) if in_text && skip == 0 => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c.to_string()),
                    _ => quick_xml::escape::resolve_predefined_entity(&r.xml10_content())
                        .map(str::to_string),
                };
                if let (Some(run), Some(c)) = (run.as_mut(), c) {
                    run.text.push_str(&c);
                }
            }
            Event::CData(t) if in_text && skip == 0 => {
                if let Some(r) = run.as_mut() {
                    r.text.push_str(t.as_ref());
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let _ = table;
    Ok(out)
}

/// Ends a paragraph: into the open table row, onto the previous paragraph (when the
/// previous one's mark was removed by a tracked change), or as a paragraph of its own.
fn finish_para(
    out: &mut Parsed,
    p: Option<Para>,
    row: &mut Option<Vec<String>>,
    owner: &(String, String),
    mark_gone: bool,
    join_next: &mut bool,
) {
    let Some(p) = p else { return };
    if let Some(cells) = row.as_mut() {
        let text: String = p
            .runs
            .iter()
            .map(|r| match r {
                Piece::Text { text, .. } => text.clone(),
                Piece::Note(_) => String::new(),
            })
            .collect();
        cells.push(text);
        return;
    }
    if *join_next && let Some(last) = out.paragraphs.last_mut() {
        last.runs.extend(p.runs);
    } else {
        out.paragraphs.push(p);
        out.owners.push(owner.clone());
    }
    *join_next = mark_gone;
}

/// A footnote or comment: its id, author and text.
#[derive(Debug)]
struct Note {
    id: String,
    author: String,
    text: String,
}

/// The notes of a footnotes or comments part, paragraphs joined by a space.
fn notes_part(xml: &str, _kind: &str, changes: Changes) -> Result<Vec<Note>, String> {
    let parsed = parse(xml, changes, None)?;
    let mut notes: Vec<Note> = Vec::new();
    for (p, (id, author)) in parsed.paragraphs.iter().zip(&parsed.owners) {
        if id.is_empty() {
            continue;
        }
        let runs: Vec<(String, bool)> = p
            .runs
            .iter()
            .filter_map(|r| match r {
                Piece::Text { text, italic } => Some((text.clone(), *italic)),
                Piece::Note(_) => None,
            })
            .collect();
        let text = render(&runs).trim().to_string();
        match notes.last_mut() {
            Some(n) if &n.id == id => {
                if !text.is_empty() {
                    n.text.push(' ');
                    n.text.push_str(&text);
                }
            }
            _ => notes.push(Note {
                id: id.clone(),
                author: author.clone(),
                text,
            }),
        }
    }
    for n in &mut notes {
        n.text = n.text.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    Ok(notes)
}

/// One level of an abstract numbering: its format, its text pattern (`%1.`), its start.
#[derive(Debug, Clone, Default)]
struct Level {
    format: String,
    text: String,
    start: u32,
}

/// The automatic numbering definitions of `numbering.xml`.
#[derive(Debug, Default)]
struct Numbering {
    abstracts: HashMap<String, HashMap<usize, Level>>,
    /// numId → abstractNumId.
    nums: HashMap<String, String>,
}

impl Numbering {
    fn parse(xml: &str) -> Result<Self, String> {
        let mut n = Numbering::default();
        let mut reader = quick_xml::Reader::from_str(xml);
        let mut abs: Option<String> = None;
        let mut num: Option<String> = None;
        let mut level: Option<(usize, Level)> = None;
        loop {
            let ev = reader
                .read_event()
                .map_err(|e| format!("numbering.xml: XML error: {e}"))?;
            match &ev {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    "abstractNum" => abs = attr(e, "abstractNumId"),
                    "num" => num = attr(e, "numId"),
                    "abstractNumId" => {
                        if let (Some(id), Some(a)) = (&num, attr(e, "val")) {
                            n.nums.insert(id.clone(), a);
                        }
                    }
                    "lvl" if abs.is_some() => {
                        let ilvl = attr(e, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                        level = Some((
                            ilvl,
                            Level {
                                start: 1,
                                ..Level::default()
                            },
                        ));
                    }
                    "start" => {
                        if let Some((_, l)) = level.as_mut() {
                            l.start = attr(e, "val").and_then(|v| v.parse().ok()).unwrap_or(1);
                        }
                    }
                    "numFmt" => {
                        if let Some((_, l)) = level.as_mut() {
                            l.format = attr(e, "val").unwrap_or_default();
                        }
                    }
                    "lvlText" => {
                        if let Some((_, l)) = level.as_mut() {
                            l.text = attr(e, "val").unwrap_or_default();
                        }
                    }
                    _ => {}
                },
                Event::End(e) => match e.local_name().as_ref() {
                    "lvl" => {
                        if let (Some(a), Some((i, l))) = (&abs, level.take()) {
                            n.abstracts.entry(a.clone()).or_default().insert(i, l);
                        }
                    }
                    "abstractNum" => abs = None,
                    "num" => num = None,
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(n)
    }

    /// The label of the next paragraph numbered `num_id` at `level`, advancing the count
    /// (and restarting the deeper levels). `None` for bullets and unknown lists.
    fn label(
        &self,
        num_id: &str,
        level: usize,
        counters: &mut HashMap<String, [u32; 9]>,
    ) -> Option<String> {
        let levels = self.abstracts.get(self.nums.get(num_id)?)?;
        let level = level.min(8);
        let abs = self.nums.get(num_id)?.clone();
        let count = counters.entry(abs).or_insert([0; 9]);
        for (i, c) in count.iter_mut().enumerate() {
            if i == level {
                *c = if *c == 0 {
                    levels.get(&i).map_or(1, |l| l.start)
                } else {
                    *c + 1
                };
            } else if i > level {
                *c = 0;
            }
        }
        let this = levels.get(&level)?;
        if matches!(this.format.as_str(), "bullet" | "none" | "") {
            return None;
        }
        let mut text = this.text.clone();
        for i in (0..=level).rev() {
            let value = count[i].max(levels.get(&i).map_or(1, |l| l.start));
            let format = levels.get(&i).map_or("decimal", |l| l.format.as_str());
            text = text.replace(&format!("%{}", i + 1), &format_number(value, format));
        }
        let text = text.trim().to_string();
        (!text.is_empty()).then_some(text)
    }
}

/// A number in a Word numbering format.
fn format_number(n: u32, format: &str) -> String {
    use crate::numbering::{alpha, roman};
    let i = n.saturating_sub(1) as usize;
    match format {
        "lowerLetter" => alpha(i),
        "upperLetter" => alpha(i).to_uppercase(),
        "lowerRoman" => roman(n as usize),
        "upperRoman" => roman(n as usize).to_uppercase(),
        _ => n.to_string(),
    }
}
