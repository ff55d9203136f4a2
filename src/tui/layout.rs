//! The document as a list of blocks (header, title, authoring body, section headings, each
//! paragraph and sub-paragraph, footnotes) and their wrapped lines, cached per block and width
//! so a frame lays out only what is visible and only what changed.
//!
//! Every piece of draft text passes through [`crate::sanitize`] before it becomes a `Span`.

use super::theme::Theme;
use super::wrap::wrap;
use crate::markup::{self, Segment};
use crate::model::{Document, Id, Location, Paragraph, Part};
use crate::numbering;
use crate::sanitize::sanitize;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use std::collections::HashMap;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

/// What a block of the document view shows.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum BlockId {
    Header,
    Title,
    Authoring,
    Section(usize),
    /// A heading inside the resolution (by its id), shown before its paragraph.
    Heading(Id),
    /// The label and heading of resolution part `n`.
    PartTitle(usize),
    /// "Annex II" and the title of annex `n`.
    AnnexTitle(usize),
    /// Section `s` of annex `a`.
    AnnexSection(usize, usize),
    Para(Id),
    Footnotes,
}

/// A block and, for paragraphs, where it stands.
#[derive(Debug, Clone)]
pub struct Block {
    pub id: BlockId,
    pub loc: Option<Location>,
}

/// The blocks of the current document and their wrapped lines.
#[derive(Debug, Default)]
pub struct LayoutCache {
    generation: Option<u64>,
    pub blocks: Vec<Block>,
    index: HashMap<Id, usize>,
    footnote_numbers: HashMap<Id, u32>,
    lines: HashMap<BlockId, (u64, Rc<Vec<Line<'static>>>)>,
    /// The width of the last laid-out frame.
    pub width: usize,
    /// The document area of the last frame and the paragraph shown on each of its rows
    /// (for mouse clicks).
    pub rows: Vec<Option<Id>>,
    pub top_y: u16,
    /// Outline rows of the last frame: (x range, paragraph on each row).
    pub outline_rows: Vec<Option<Id>>,
    pub outline_x: (u16, u16),
    pub outline_y: u16,
}

/// Left margin of the document view (one column for the selection marker).
pub const MARGIN: usize = 2;

/// "II. Heading", the heading alone, or "II." alone.
fn labelled(label: &str, heading: &str) -> String {
    match (label.is_empty(), heading.is_empty()) {
        (true, _) => heading.to_string(),
        (false, true) => format!("{label}."),
        (false, false) => format!("{label}. {heading}"),
    }
}

impl LayoutCache {
    /// Rebuilds the block list when the document changed (`generation` differs).
    pub fn sync(&mut self, doc: &Document, generation: u64) {
        if self.generation == Some(generation) {
            return;
        }
        self.generation = Some(generation);
        self.blocks.clear();
        self.index.clear();
        let h = &doc.header;
        let has_header = [
            &h.issuing_body,
            &h.symbol,
            &h.distribution,
            &h.date,
            &h.session,
            &h.agenda_item,
            &h.stage,
            &h.adoption,
        ]
        .iter()
        .any(|s| !s.is_empty())
            || !h.sponsors.is_empty();
        if has_header {
            self.push(BlockId::Header, None);
        }
        if !h.title.is_empty() {
            self.push(BlockId::Title, None);
        }
        if !doc.authoring_body.is_empty() {
            self.push(BlockId::Authoring, None);
        }
        let mut section_seen = usize::MAX;
        let mut frames_seen: std::collections::HashSet<BlockId> = Default::default();
        self.blocks.reserve(doc.paragraph_count());
        let (blocks, index) = (&mut self.blocks, &mut self.index);
        doc.walk(&mut |p, loc| {
            let mut push = |id: BlockId, loc: Option<Location>| blocks.push(Block { id, loc });
            if let Part::Section(s) = loc.part
                && s != section_seen
            {
                section_seen = s;
                push(BlockId::Section(s), None);
            }
            // The title of the part or annex the paragraph opens, then its headings.
            let mut frames = Vec::new();
            match loc.part {
                Part::PartPreamble(k) | Part::PartOperative(k) => {
                    frames.push(BlockId::PartTitle(k));
                }
                Part::Annex(a) => frames.push(BlockId::AnnexTitle(a)),
                Part::AnnexSection(a, s) => {
                    frames.push(BlockId::AnnexTitle(a));
                    frames.push(BlockId::AnnexSection(a, s));
                }
                _ => {}
            }
            for frame in frames {
                if frames_seen.insert(frame.clone()) {
                    push(frame, None);
                }
            }
            if loc.path.len() == 1 {
                for h in doc.headings_before(&p.id) {
                    push(BlockId::Heading(h.id.clone()), None);
                }
            }
            index.insert(p.id.clone(), blocks.len());
            blocks.push(Block {
                id: BlockId::Para(p.id.clone()),
                loc: Some(loc.clone()),
            });
        });
        // Empty sections still show their heading.
        for s in 0..doc.sections.len() {
            if !self.blocks.iter().any(|b| b.id == BlockId::Section(s)) {
                let at = self
                    .blocks
                    .iter()
                    .position(|b| matches!(&b.id, BlockId::Section(t) if *t > s))
                    .unwrap_or(self.blocks.len());
                self.blocks.insert(
                    at,
                    Block {
                        id: BlockId::Section(s),
                        loc: None,
                    },
                );
                self.reindex();
            }
        }
        if !doc.footnotes.is_empty() || !doc.notes.is_empty() {
            self.push(BlockId::Footnotes, None);
        }
        self.footnote_numbers = numbering::footnote_numbers(doc);
    }

    fn reindex(&mut self) {
        self.index.clear();
        for (i, b) in self.blocks.iter().enumerate() {
            if let BlockId::Para(id) = &b.id {
                self.index.insert(id.clone(), i);
            }
        }
    }

    fn push(&mut self, id: BlockId, loc: Option<Location>) {
        self.blocks.push(Block { id, loc });
    }

    /// The block index of a paragraph.
    pub fn block_of(&self, id: &Id) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// The paragraph blocks (id and location), in document order.
    pub fn paragraphs(&self) -> impl Iterator<Item = (&Id, &Location)> {
        self.blocks.iter().filter_map(|b| match (&b.id, &b.loc) {
            (BlockId::Para(id), Some(loc)) => Some((id, loc)),
            _ => None,
        })
    }

    /// The wrapped lines of block `i` at `width` (cached).
    pub fn lines(
        &mut self,
        doc: &Document,
        i: usize,
        width: usize,
        theme: &Theme,
    ) -> Rc<Vec<Line<'static>>> {
        let Some(block) = self.blocks.get(i) else {
            return Rc::new(Vec::new());
        };
        let key = block_key(doc, block, width, &self.footnote_numbers);
        if let Some((k, lines)) = self.lines.get(&block.id)
            && *k == key
        {
            return lines.clone();
        }
        let lines = Rc::new(build(doc, block, width, theme, &self.footnote_numbers));
        self.lines.insert(block.id.clone(), (key, lines.clone()));
        lines
    }

    /// Forgets every cached line (after a theme change).
    pub fn clear(&mut self) {
        self.lines.clear();
        self.generation = None;
    }
}

fn block_key(doc: &Document, block: &Block, width: usize, fns: &HashMap<Id, u32>) -> u64 {
    let mut h = DefaultHasher::new();
    width.hash(&mut h);
    match (&block.id, &block.loc) {
        (BlockId::Para(id), Some(loc)) => {
            if let Some(p) = doc.at(loc).filter(|p| &p.id == id) {
                numbering::printed_label(doc, loc).hash(&mut h);
                loc.part.hash(&mut h);
                loc.path.len().hash(&mut h);
                p.lead.hash(&mut h);
                p.text.hash(&mut h);
                for m in markup::markers(&p.text) {
                    fns.get(&m).hash(&mut h);
                }
            }
        }
        (BlockId::Header, _) => format!("{:?}", doc.header).hash(&mut h),
        (BlockId::Title, _) => doc.header.title.hash(&mut h),
        (BlockId::Authoring, _) => doc.authoring_body.hash(&mut h),
        (BlockId::Section(s), _) => {
            if let Some(sec) = doc.sections.get(*s) {
                (&sec.label, &sec.heading, sec.level).hash(&mut h);
            }
        }
        (BlockId::Heading(id), _) => {
            if let Some(x) = doc.headings.iter().find(|x| &x.id == id) {
                (&x.label, &x.heading, x.level).hash(&mut h);
            }
        }
        (BlockId::PartTitle(k), _) => {
            if let Some(p) = doc.parts.get(*k) {
                (&p.label, &p.heading).hash(&mut h);
            }
        }
        (BlockId::AnnexTitle(a), _) => {
            if let Some(x) = doc.annexes.get(*a) {
                (&x.label, &x.title).hash(&mut h);
            }
        }
        (BlockId::AnnexSection(a, s), _) => {
            if let Some(sec) = doc.annexes.get(*a).and_then(|x| x.sections.get(*s)) {
                (&sec.label, &sec.heading, sec.level).hash(&mut h);
            }
        }
        (BlockId::Footnotes, _) => {
            for f in &doc.footnotes {
                (&f.id, &f.text, fns.get(&f.id)).hash(&mut h);
            }
            doc.notes.hash(&mut h);
        }
        (BlockId::Para(_), None) => {}
    }
    h.finish()
}

fn pad(n: usize) -> Span<'static> {
    Span::raw(" ".repeat(n))
}

/// The styled spans of a paragraph's lead and text (sanitised).
pub fn para_spans(p: &Paragraph, theme: &Theme, fns: &HashMap<Id, u32>) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    if !p.lead.is_empty() {
        spans.push(Span::styled(sanitize(&p.lead).into_owned(), theme.lead));
        if !p.text.is_empty() {
            spans.push(Span::styled(" ", theme.text));
        }
    }
    for seg in markup::parse(&p.text) {
        match seg {
            Segment::Text { text, italic, bold } => {
                let mut style = theme.text;
                if italic {
                    style = style.add_modifier(Modifier::ITALIC);
                }
                if bold {
                    style = style.add_modifier(Modifier::BOLD);
                }
                spans.push(Span::styled(sanitize(&text).into_owned(), style));
            }
            Segment::Marker(id) => {
                let mark = match fns.get(&id) {
                    Some(n) => markup::superscript(*n),
                    None => format!("[^{}]", sanitize(id.as_str())),
                };
                spans.push(Span::styled(mark, theme.footnote));
            }
        }
    }
    spans
}

/// The first-line and following-line indents of a paragraph at `loc` (its printed label on
/// the first line), for a view `width` columns wide.
pub fn para_indents(
    doc: &Document,
    loc: &Location,
    width: usize,
    theme: &Theme,
) -> (Vec<Span<'static>>, Vec<Span<'static>>) {
    let margin = pad(MARGIN.min(width / 4));
    let depth = loc.depth();
    let label = numbering::printed_label(doc, loc);
    let narrow = width < 30;
    if depth == 0 && label.is_empty() {
        // Preambular (or unnumbered) paragraph: indented first line.
        let (a, b) = if narrow { (2, 0) } else { (8, 4) };
        (vec![margin.clone(), pad(a)], vec![margin, pad(b)])
    } else {
        let col = if narrow { 0 } else { 4 + 5 * depth };
        let lw = label.chars().count();
        let text_col = col + (lw + 1).max(4);
        (
            vec![
                margin.clone(),
                pad(col),
                Span::styled(label, theme.label),
                pad(text_col - col - lw),
            ],
            vec![margin, pad(text_col)],
        )
    }
}

fn build(
    doc: &Document,
    block: &Block,
    width: usize,
    theme: &Theme,
    fns: &HashMap<Id, u32>,
) -> Vec<Line<'static>> {
    let margin = pad(MARGIN.min(width / 4));
    let text_width = width;
    let simple = |s: &str, style: Style, indent: usize| -> Vec<Line<'static>> {
        let spans = [Span::styled(sanitize(s).into_owned(), style)];
        let ind = vec![margin.clone(), pad(indent)];
        wrap(&spans, &ind, &ind, text_width)
    };
    let mut out = Vec::new();
    match (&block.id, &block.loc) {
        (BlockId::Header, _) => {
            let h = &doc.header;
            let symbol = sanitize(&h.symbol).into_owned();
            let body = sanitize(&h.issuing_body).into_owned();
            let gap = width.saturating_sub(MARGIN + body.chars().count() + symbol.chars().count());
            out.push(Line::from(vec![
                margin.clone(),
                Span::styled(body, theme.title),
                pad(gap.max(1)),
                Span::styled(symbol, theme.header),
            ]));
            let mut meta = Vec::new();
            for (label, v) in [
                ("Distr.: ", &h.distribution),
                ("", &h.date),
                ("Original: ", &h.original_language),
            ] {
                if !v.is_empty() {
                    meta.push(format!("{label}{v}"));
                }
            }
            if !meta.is_empty() {
                out.extend(simple(&meta.join("   "), theme.header, 0));
            }
            for v in [&h.organ, &h.session, &h.place_and_dates] {
                if !v.is_empty() {
                    out.extend(simple(v, theme.header, 0));
                }
            }
            if !h.agenda_item.is_empty() || !h.agenda_title.is_empty() {
                let item = if h.agenda_item.is_empty() {
                    h.agenda_title.clone()
                } else {
                    format!("Agenda item {} {}", h.agenda_item, h.agenda_title)
                };
                out.extend(simple(item.trim(), theme.header, 0));
            }
            for v in [&h.adoption, &h.committee_reference, &h.resolution_number] {
                if !v.is_empty() {
                    out.extend(simple(v, theme.header, 0));
                }
            }
            if !h.sponsors.is_empty() || !h.stage.is_empty() {
                let s = match (h.sponsors.is_empty(), h.stage.is_empty()) {
                    (false, false) => format!("{}: {}", h.sponsors.join(", "), h.stage),
                    (false, true) => h.sponsors.join(", "),
                    _ => h.stage.clone(),
                };
                out.extend(simple(&s, theme.header, 0));
            }
            out.push(Line::from(vec![
                margin.clone(),
                Span::styled(
                    "─".repeat(width.saturating_sub(MARGIN).min(200)),
                    theme.border,
                ),
            ]));
        }
        (BlockId::Title, _) => {
            out.push(Line::default());
            out.extend(simple(&doc.header.title, theme.title, 4));
        }
        (BlockId::Authoring, _) => {
            out.push(Line::default());
            out.extend(simple(
                &format!("{},", doc.authoring_body.trim_end_matches(',')),
                theme.authoring,
                4,
            ));
        }
        (BlockId::Section(s), _) => {
            if let Some(sec) = doc.sections.get(*s) {
                let text = if sec.label.is_empty() {
                    sec.heading.clone()
                } else {
                    format!("{}. {}", sec.label, sec.heading)
                };
                out.push(Line::default());
                out.extend(simple(
                    &text,
                    theme.section,
                    2 * usize::from(sec.level.max(1) - 1),
                ));
            }
        }
        (BlockId::Heading(id), _) => {
            if let Some(x) = doc.headings.iter().find(|x| &x.id == id) {
                out.push(Line::default());
                out.extend(simple(
                    &labelled(&x.label, &x.heading),
                    theme.section,
                    2 * usize::from(x.level.max(1) - 1),
                ));
            }
        }
        (BlockId::PartTitle(k), _) => {
            if let Some(p) = doc.parts.get(*k) {
                out.push(Line::default());
                out.extend(simple(&labelled(&p.label, &p.heading), theme.title, 0));
            }
        }
        (BlockId::AnnexTitle(a), _) => {
            if let Some(x) = doc.annexes.get(*a) {
                out.push(Line::default());
                out.extend(simple(&x.printed_label(), theme.title, 0));
                if !x.title.is_empty() {
                    out.extend(simple(&x.title, theme.title, 4));
                }
            }
        }
        (BlockId::AnnexSection(a, s), _) => {
            if let Some(sec) = doc.annexes.get(*a).and_then(|x| x.sections.get(*s)) {
                out.push(Line::default());
                out.extend(simple(
                    &labelled(&sec.label, &sec.heading),
                    theme.section,
                    2 * usize::from(sec.level.max(1) - 1),
                ));
            }
        }
        (BlockId::Para(_), Some(loc)) => {
            let Some(p) = doc.at(loc) else {
                return out;
            };
            let (first, rest) = para_indents(doc, loc, width, theme);
            let mut spans = para_spans(p, theme, fns);
            if spans.is_empty() {
                spans.push(Span::styled(
                    "(empty paragraph: Enter to write it)",
                    theme.hint,
                ));
            }
            out.push(Line::default());
            out.extend(wrap(&spans, &first, &rest, text_width));
        }
        (BlockId::Footnotes, _) => {
            out.push(Line::default());
            out.push(Line::from(vec![
                margin.clone(),
                Span::styled("─".repeat(12.min(width)), theme.border),
            ]));
            for (n, f) in numbering::numbered_footnotes(doc) {
                let mark = format!("{} ", markup::superscript(n));
                let mut spans = vec![];
                for seg in markup::parse(&f.text) {
                    if let Segment::Text { text, .. } = seg {
                        spans.push(Span::styled(sanitize(&text).into_owned(), theme.footnote));
                    }
                }
                let first = vec![margin.clone(), Span::styled(mark.clone(), theme.footnote)];
                let rest = vec![margin.clone(), pad(mark.chars().count())];
                out.extend(wrap(&spans, &first, &rest, text_width));
            }
            for note in &doc.notes {
                out.push(Line::default());
                for l in note.lines() {
                    out.extend(simple(l, theme.hint, 0));
                }
            }
        }
        (BlockId::Para(_), None) => {}
    }
    out
}
