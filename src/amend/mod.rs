//! Amendments the UN way, in both directions: the instructions of an amendment document
//! ("In operative paragraph 1, replace “Takes note” with “Welcomes”."), parsed from its text
//! ([`parse`]), written in UN wording ([`render`]), and applied to the draft as issued
//! ([`apply`]) as operations on the stable ids of its paragraphs, so that any subset of the
//! instructions, from one or several amendment documents, applies in any order.
//!
//! Places are always those of the draft as issued: preambular paragraphs by ordinal words
//! ([`ordinal`]), operative paragraphs by number, sub-paragraphs as "operative paragraph 9
//! (b)", paragraphs of a part numbered afresh as "operative paragraph 3 of section II", of an
//! annex as "paragraph 3 of the annex" ([`locate`] maps them to the document). Quoted text is
//! matched in a paragraph's plain text ([`text`]). The amended text notes what was applied
//! ([`note`]); [`sync`] gives the model operations that reach it. Pure functions, no terminal
//! or file code.

pub mod apply;
pub mod document;
pub mod locate;
pub mod note;
pub mod ordinal;
pub mod parse;
pub mod render;
pub mod sync;
pub mod text;

pub use apply::{AmendError, Applied, Reason, apply};
pub use parse::{ParseError, parse_document, parse_instructions};
pub use render::render;

use crate::model::Paragraph;

/// The part of a resolution a place belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PartRef {
    Preamble,
    Operative,
}

/// A list of paragraphs beside the resolution's own preamble and operative part, named by
/// its label as printed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Frame {
    /// A part of the resolution with its own preamble and numbering from 1 ("section II"; its
    /// 1-based position when it has no label).
    Part(String),
    /// An annex ("annex II"; an empty label for a lone annex, "the annex"). Its paragraphs
    /// are numbered across its sections.
    Annex(String),
}

impl Frame {
    /// "section II", "annex II", "the annex".
    pub fn name(&self) -> String {
        match self {
            Frame::Part(l) => format!("section {l}"),
            Frame::Annex(l) if l.is_empty() => "the annex".into(),
            Frame::Annex(l) => format!("annex {l}"),
        }
    }
}

/// A paragraph or sub-paragraph of the draft as issued: its part, its 1-based path (the
/// paragraph's position, then the sub-paragraph's position at each level), and the part or
/// annex it stands in (`None`: the resolution's own preamble or operative part). Paragraphs
/// of an annex have the part `Operative`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ParaRef {
    pub frame: Option<Frame>,
    pub part: PartRef,
    pub path: Vec<usize>,
}

impl ParaRef {
    pub fn new(part: PartRef, path: Vec<usize>) -> Self {
        ParaRef {
            part,
            path,
            frame: None,
        }
    }
    /// The same place in a part or an annex.
    pub fn within(mut self, frame: Option<Frame>) -> Self {
        self.frame = frame;
        self
    }
    pub fn is_sub(&self) -> bool {
        self.path.len() > 1
    }
    /// Whether the place is a paragraph of an annex.
    pub fn in_annex(&self) -> bool {
        matches!(self.frame, Some(Frame::Annex(_)))
    }
    /// The parent paragraph of a sub-paragraph.
    pub fn parent(&self) -> Option<ParaRef> {
        self.is_sub().then(|| ParaRef {
            part: self.part,
            path: self.path[..self.path.len() - 1].to_vec(),
            frame: self.frame.clone(),
        })
    }
}

/// A heading the instructions name by its label.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum HeadingRef {
    /// "the heading of section II": a heading inside the resolution, or the heading of a
    /// part numbered afresh.
    Section(String),
    /// "the title of annex II", "the title of the annex" (empty label).
    Annex(String),
}

impl HeadingRef {
    /// "the heading of section II", "the title of the annex".
    pub fn name(&self) -> String {
        match self {
            HeadingRef::Section(l) => format!("the heading of section {l}"),
            HeadingRef::Annex(l) => format!("the title of {}", Frame::Annex(l.clone()).name()),
        }
    }
}

/// Where a change of words applies.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Scope {
    /// The title of the draft.
    Title,
    /// A heading inside the resolution, a part's heading or an annex's title.
    Heading(HeadingRef),
    Paragraph(ParaRef),
    /// Footnote by its number in the draft as issued.
    Footnote(u32),
    /// Every preambular paragraph (every occurrence).
    Preamble,
    /// Every operative paragraph (every occurrence).
    Operative,
}

impl Scope {
    /// Whether the change applies to every occurrence in the scope.
    pub fn is_wide(&self) -> bool {
        matches!(self, Scope::Title | Scope::Preamble | Scope::Operative)
    }
}

/// A change of words inside a paragraph, title or footnote; quoted texts are plain text
/// (footnote markers written as superscript numbers of the draft as issued, new footnotes
/// as `*` marks defined in [`Instruction::footnotes`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TextOp {
    Delete(String),
    Replace { old: String, new: String },
    InsertAfter { anchor: String, text: String },
    InsertBefore { anchor: String, text: String },
}

/// Where new or moved paragraphs go.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Position {
    After(ParaRef),
    Before(ParaRef),
    /// At the end of a part (`None`) or of a paragraph's sub-paragraphs (`Some`), for a
    /// list that is empty in the draft as issued.
    EndOf(PartRef, Option<ParaRef>),
    /// At the end of the preamble or operative part of a part numbered afresh, or of an
    /// annex.
    EndOfFrame(PartRef, Frame),
}

impl Position {
    /// The part the position is in.
    pub fn part(&self) -> PartRef {
        match self {
            Position::After(r) | Position::Before(r) => r.part,
            Position::EndOf(p, _) | Position::EndOfFrame(p, _) => *p,
        }
    }
    /// The parent paragraph of the list the position is in (`None` at the top level).
    pub fn parent(&self) -> Option<ParaRef> {
        match self {
            Position::After(r) | Position::Before(r) => r.parent(),
            Position::EndOf(_, p) => p.clone(),
            Position::EndOfFrame(..) => None,
        }
    }
    /// The part or annex the position is in.
    pub fn frame(&self) -> Option<Frame> {
        match self {
            Position::After(r) | Position::Before(r) => r.frame.clone(),
            Position::EndOf(_, p) => p.as_ref().and_then(|r| r.frame.clone()),
            Position::EndOfFrame(_, f) => Some(f.clone()),
        }
    }
}

/// One operation of an instruction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    /// A change of words in each of the scopes.
    Text { scopes: Vec<Scope>, op: TextOp },
    /// Whole paragraphs or sub-paragraphs deleted.
    Delete(Vec<ParaRef>),
    /// New paragraphs (with their sub-paragraphs) inserted; ids are left empty.
    Insert {
        at: Position,
        paragraphs: Vec<Paragraph>,
    },
    /// A paragraph (with its sub-paragraphs) replaced by new ones.
    Replace {
        target: ParaRef,
        paragraphs: Vec<Paragraph>,
    },
    /// A paragraph moved to another place in its list.
    Move { target: ParaRef, to: Position },
    /// A new heading inside the resolution, right after a paragraph (before whatever
    /// follows it in the amended text) or at the start of a paragraph's place ("Before …").
    InsertHeading { at: Position, heading: NewHeading },
    /// A heading deleted ("Delete the heading of section II.").
    DeleteHeading(HeadingRef),
    /// A heading moved to another paragraph ("Move the heading of section II to follow
    /// operative paragraph 12.").
    MoveHeading { heading: HeadingRef, to: Position },
    /// A whole part numbered afresh or annex deleted ("Delete section II.", "Delete the
    /// annex."); the labels that ran in sequence follow.
    DeleteFrame(Frame),
    /// A whole part or annex added after the last one ("Add a new section III, entitled
    /// “…”, reading:"); texts are plain, ids empty.
    AddFrame(NewFrame),
    /// The labels of headings, sections and annexes that ran in sequence follow the new
    /// order ("… and renumber the subsequent headings accordingly").
    Renumber,
}

/// A heading an instruction inserts: its level (1 "heading", 2 "subheading", 3
/// "sub-subheading"), label as printed and words (plain text).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NewHeading {
    pub level: u8,
    pub label: String,
    pub text: String,
}

/// A part or an annex an instruction adds, with its paragraphs (plain text, empty ids).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NewFrame {
    Part(crate::model::ResolutionPart),
    Annex(crate::model::Annex),
}

/// A numbered instruction of an amendment.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Instruction {
    /// Its number in the amendment document (1 when the document has a single one).
    pub number: u32,
    pub ops: Vec<Op>,
    /// The instruction as written (one line, for reports).
    pub wording: String,
}

/// An amendment document: who proposes it, what it amends, its numbered instructions.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Amendment {
    /// Its own symbol ("A/80/L.30"); empty for a plain file of instructions.
    pub symbol: String,
    /// The symbol of the draft it amends ("A/80/L.25").
    pub target: String,
    pub sponsors: Vec<String>,
    pub title: String,
    pub instructions: Vec<Instruction>,
    /// New footnotes introduced by the instructions: the mark (`*`, `**`) and the text.
    pub footnotes: Vec<(String, String)>,
}

impl Amendment {
    /// The name used in notes and reports: the symbol, else `fallback`.
    pub fn name<'a>(&'a self, fallback: &'a str) -> &'a str {
        if self.symbol.is_empty() {
            fallback
        } else {
            &self.symbol
        }
    }
}
