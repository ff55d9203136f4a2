//! Import of Akoma Ntoso XML into a draft: resdraft's own export (see
//! [`crate::export::akn`]) reads back as the same document, and AKN written by others
//! (AKN4UN or not) imports as best it can, with warnings that say what is wrong.
//!
//! AKN is already structured: paragraphs, their numbers, sub-paragraph lists, headings,
//! parts, annexes and footnotes are marked up as such. The reader therefore maps the XML
//! tree directly onto the model rather than through the plain importer's line form
//! ([`super::lines`]), which would flatten that structure into lines and guess it back;
//! only where a document gives no structure does it fall back on the same guesses the text
//! importer makes (the opening phrase from [`crate::phrases`], a number or a footnote glued
//! into the text). Read with roxmltree (a DOM with positions, for warnings and errors that
//! name the line).

mod body;
mod inline;
mod preface;
mod repair;

use super::{Imported, Warning};
use crate::export::akn::vocab::{self, SOURCE};
use crate::model::{DocKind, Document, Footnote, Id};
use roxmltree::Node;
use std::collections::{HashMap, HashSet};

/// Why an XML file could not be read as Akoma Ntoso.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AknError {
    #[error("line {line}, column {column}: not well-formed XML: {message}")]
    Xml {
        line: u32,
        column: u32,
        message: String,
    },
    #[error(
        "line {line}: an XML document whose root element is <{root}>, not Akoma Ntoso \
         (<akomaNtoso>)"
    )]
    NotAkn { line: u32, root: String },
    #[error("line {line}: <akomaNtoso> holds no document (statement, doc, act, bill …)")]
    Empty { line: u32 },
    #[error("line {line}: elements nested more than {limit} deep: not a document resdraft reads")]
    TooDeep { line: u32, limit: usize },
}

/// How deep elements may nest (real AKN stands well under 40).
pub const MAX_DEPTH: usize = 200;

impl AknError {
    /// The 1-based line the error stands at.
    pub fn line(&self) -> u32 {
        match self {
            AknError::Xml { line, .. }
            | AknError::NotAkn { line, .. }
            | AknError::Empty { line }
            | AknError::TooDeep { line, .. } => *line,
        }
    }
}

/// Whether the text is XML (its first character, after a byte-order mark and white space,
/// is `<`): such a file is read as Akoma Ntoso, never as a plain text.
pub fn is_xml(text: &str) -> bool {
    text.trim_start_matches('\u{FEFF}')
        .trim_start()
        .starts_with('<')
}

/// Imports Akoma Ntoso XML. Errors for XML that is not well formed or not AKN; anything
/// else imports, with warnings for what could not be read as it should.
pub fn import_str(text: &str) -> Result<Imported, AknError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let tree = roxmltree::Document::parse_with_options(text, options).map_err(|e| {
        let pos = e.pos();
        AknError::Xml {
            line: pos.row,
            column: pos.col,
            message: e.to_string(),
        }
    })?;
    // The reader walks the tree recursively: a nesting beyond any document's is refused.
    let mut open: Vec<usize> = Vec::new();
    for n in tree.descendants().filter(Node::is_element) {
        let r = n.range();
        while open.last().is_some_and(|&end| r.start >= end) {
            open.pop();
        }
        open.push(r.end);
        if open.len() > MAX_DEPTH {
            return Err(AknError::TooDeep {
                line: tree.text_pos_at(r.start).row,
                limit: MAX_DEPTH,
            });
        }
    }
    let root = tree.root_element();
    if root.tag_name().name() != "akomaNtoso" {
        return Err(AknError::NotAkn {
            line: tree.text_pos_at(root.range().start).row,
            root: root.tag_name().name().to_string(),
        });
    }
    let Some(top) = root
        .children()
        .find(|n| n.is_element() && n.tag_name().name() != "components")
    else {
        return Err(AknError::Empty {
            line: tree.text_pos_at(root.range().start).row,
        });
    };
    let mut r = Reader::new(&tree, top);
    if root.tag_name().namespace() != Some(vocab::NS) {
        let line = r.line(root);
        r.warn(
            line,
            format!(
                "the root element is not in the Akoma Ntoso 3.0 namespace ({}); read as AKN anyway",
                vocab::NS
            ),
        );
    }
    r.document(top);
    Ok(r.finish())
}

/// The reader's state while it walks the tree.
pub(super) struct Reader<'t, 'input> {
    tree: &'t roxmltree::Document<'input>,
    pub(super) doc: Document,
    warnings: Vec<Warning>,
    /// Whether the document is resdraft's own export: its `eId`s carry the model's ids and
    /// its opening phrases are marked, so nothing is guessed.
    pub(super) own: bool,
    /// Ids given so far, and the ids the `eId`s of the document carry (never given to
    /// anything else).
    used: HashSet<Id>,
    reserved: HashSet<Id>,
    /// `eId`s seen twice: the second and later elements get fresh ids.
    duplicates: HashSet<usize>,
    /// Headings read, waiting for the paragraph they stand before.
    pub(super) pending: Vec<usize>,
    /// The footnotes read, with the anchor named by `placementBase` when there is one.
    pub(super) footnotes: Vec<(Footnote, Option<String>)>,
    /// The printed numbers read, by paragraph id (to tell a list's style and a report's
    /// first number).
    pub(super) nums: HashMap<Id, String>,
    /// The footnotes read, by `eId` (for `<noteRef>`).
    pub(super) note_eids: HashMap<String, Id>,
    /// The order of the footnote list an own export records.
    order: Vec<String>,
}

impl<'t, 'input> Reader<'t, 'input> {
    fn new(tree: &'t roxmltree::Document<'input>, top: Node) -> Self {
        let own = top.descendants().any(|n| {
            n.has_tag_name((vocab::NS, "TLCOrganization")) && n.attribute("eId") == Some(SOURCE)
        });
        let mut r = Reader {
            tree,
            doc: Document::new(DocKind::Resolution),
            warnings: Vec::new(),
            own,
            used: HashSet::new(),
            reserved: HashSet::new(),
            duplicates: HashSet::new(),
            pending: Vec::new(),
            footnotes: Vec::new(),
            nums: HashMap::new(),
            note_eids: HashMap::new(),
            order: Vec::new(),
        };
        r.check_eids(top);
        r
    }

    /// Notes every `eId` used twice (the schema requires them unique) with a warning, and
    /// reserves the ids that the `eId`s of an own export carry.
    fn check_eids(&mut self, top: Node) {
        let mut first: HashMap<&str, u32> = HashMap::new();
        for n in top.descendants().filter(Node::is_element) {
            let Some(e) = n.attribute("eId") else {
                continue;
            };
            let line = self.line(n);
            if let Some(at) = first.get(e) {
                self.duplicates.insert(n.range().start);
                self.warn(
                    line,
                    format!(
                        "duplicate eId “{e}” (first at line {at}): eIds must be unique; \
                         the second <{}> was given a new id",
                        n.tag_name().name()
                    ),
                );
            } else {
                first.insert(e, line);
                if self.own
                    && let Some((_, id)) = e.split_once('_')
                {
                    self.reserved.insert(Id::new(id));
                }
            }
        }
    }

    pub(super) fn line(&self, n: Node) -> u32 {
        self.tree.text_pos_at(n.range().start).row
    }

    pub(super) fn warn(&mut self, line: u32, message: String) {
        self.warnings.push(Warning {
            line: line as usize,
            message,
        });
    }

    /// The id of the element: the model id its `eId` carries (in an own export), else a
    /// fresh one with `prefix` ("p", "f", "h" …).
    pub(super) fn id(&mut self, n: Node, prefix: &str) -> Id {
        if self.own
            && !self.duplicates.contains(&n.range().start)
            && let Some((_, id)) = n.attribute("eId").and_then(|e| e.split_once('_'))
            && crate::markup::marker_at(&format!("[^{id}]")).is_some()
        {
            let id = Id::new(id);
            if self.used.insert(id.clone()) {
                return id;
            }
        }
        let mut k = 1usize;
        loop {
            let id = Id(format!("{prefix}{k}"));
            if !self.reserved.contains(&id) && self.used.insert(id.clone()) {
                return id;
            }
            k += 1;
        }
    }

    fn document(&mut self, top: Node) {
        let name = top.attribute("name").unwrap_or_default();
        if top.tag_name().name() == "doc" && name.to_lowercase().contains("report") {
            self.doc.kind = DocKind::Report;
        }
        if top.tag_name().name() == "statement" && name == "amendment" {
            self.doc.kind = DocKind::Amendment;
        }
        for child in top.children().filter(Node::is_element) {
            match child.tag_name().name() {
                "meta" => {
                    let order = child
                        .descendants()
                        .find(|d| d.has_tag_name((vocab::RESDRAFT_NS, "footnoteOrder")));
                    if let Some(ids) = order.and_then(|o| o.attribute("ids")) {
                        self.order = ids.split_whitespace().map(str::to_string).collect();
                    }
                }
                "coverPage" => {}
                "preface" => self.preface(child),
                "preamble" => self.preamble(child),
                "mainBody" | "body" | "mainContent" => self.main_body(child),
                "conclusions" => self.conclusions(child),
                "attachments" => self.attachments(child),
                "components" => {
                    let line = self.line(child);
                    self.warn(
                        line,
                        "<components> not read: only the main document is imported".into(),
                    );
                }
                other => {
                    let line = self.line(child);
                    self.warn(line, format!("<{other}> not read"));
                }
            }
        }
    }

    /// `<conclusions>`: each block's text is kept as a note.
    fn conclusions(&mut self, n: Node) {
        for b in blocks_of(n) {
            let (_, text) = self.mixed(b, None);
            if !text.is_empty() || self.own {
                self.doc.notes.push(text);
            }
        }
    }

    fn finish(mut self) -> Imported {
        self.link_footnotes();
        self.doc.mark_quotations();
        if !self.order.is_empty() {
            let order = std::mem::take(&mut self.order);
            let rank: HashMap<&str, usize> = order
                .iter()
                .enumerate()
                .map(|(i, id)| (id.as_str(), i))
                .collect();
            self.doc
                .footnotes
                .sort_by_key(|f| rank.get(f.id.as_str()).copied().unwrap_or(usize::MAX));
        }
        for h in std::mem::take(&mut self.pending) {
            let heading = &self.doc.headings[h];
            let message = format!(
                "heading “{}” stands before no paragraph: dropped",
                crate::markup::strip(&heading.heading)
            );
            self.warn(0, message);
        }
        self.doc.headings.retain(|h| !h.before.as_str().is_empty());
        self.list_styles();
        self.first_number();
        self.clamp_depth();
        self.warnings.sort_by_key(|w| w.line);
        Imported {
            document: self.doc,
            warnings: self.warnings,
        }
    }

    /// Anchors each footnote: the paragraph `placementBase` names, the paragraph it stands
    /// in, or (for a marker in the title or a heading) the first paragraph.
    fn link_footnotes(&mut self) {
        let first = self
            .doc
            .parts()
            .into_iter()
            .find_map(|(_, l)| l.first().map(|p| p.id.clone()));
        let ids: HashMap<String, Id> = self
            .doc
            .paragraphs()
            .into_iter()
            .map(|(p, _)| (p.id.0.clone(), p.id.clone()))
            .collect();
        for (mut f, base) in std::mem::take(&mut self.footnotes) {
            if let Some(b) = base {
                let id = b.trim_start_matches('#');
                let id = id.split_once('_').map_or(id, |(_, rest)| rest);
                if let Some(found) = ids.get(id) {
                    f.anchor = found.clone();
                }
            }
            if f.anchor.as_str().is_empty() || !ids.contains_key(f.anchor.as_str()) {
                match &first {
                    Some(p) => f.anchor = p.clone(),
                    None => continue,
                }
            }
            self.doc.footnotes.push(f);
        }
    }

    /// A list whose sub-paragraphs are numbered "1.", "2." is a numeric list.
    fn list_styles(&mut self) {
        fn walk(list: &mut [crate::model::Paragraph], nums: &HashMap<Id, String>) {
            for p in list {
                if let Some(first) = p.subparagraphs.first()
                    && nums.get(&first.id).is_some_and(|n| {
                        n.trim()
                            .trim_end_matches('.')
                            .chars()
                            .all(|c| c.is_ascii_digit())
                            && !n.trim().is_empty()
                    })
                {
                    p.list_style = crate::model::ListStyle::Numeric;
                }
                walk(&mut p.subparagraphs, nums);
            }
        }
        let nums = std::mem::take(&mut self.nums);
        for key in self.doc.part_keys() {
            if let Some(list) = self.doc.part_mut(key) {
                walk(list, &nums);
            }
        }
        self.nums = nums;
    }

    /// Sub-paragraphs nested deeper than a draft holds ((a), (i), a., i.) are lifted to the
    /// deepest level, after their parent, in order.
    fn clamp_depth(&mut self) {
        fn clamp(list: &mut Vec<crate::model::Paragraph>, depth: usize, lifted: &mut usize) {
            let mut i = 0;
            while i < list.len() {
                if depth == crate::ops::MAX_DEPTH && !list[i].subparagraphs.is_empty() {
                    let mut below = Vec::new();
                    let subs = std::mem::take(&mut list[i].subparagraphs);
                    fn flatten(
                        v: Vec<crate::model::Paragraph>,
                        out: &mut Vec<crate::model::Paragraph>,
                    ) {
                        for mut p in v {
                            let subs = std::mem::take(&mut p.subparagraphs);
                            out.push(p);
                            flatten(subs, out);
                        }
                    }
                    flatten(subs, &mut below);
                    *lifted += below.len();
                    let n = below.len();
                    list.splice(i + 1..i + 1, below);
                    i += n;
                } else {
                    clamp(&mut list[i].subparagraphs, depth + 1, lifted);
                }
                i += 1;
            }
        }
        let mut lifted = 0;
        for key in self.doc.part_keys() {
            if let Some(list) = self.doc.part_mut(key) {
                clamp(list, 0, &mut lifted);
            }
        }
        if lifted > 0 {
            self.warn(
                1,
                format!(
                    "{lifted} sub-paragraphs stand more than {} levels deep ((a), (i), a., i.): \
                     lifted to the deepest level",
                    crate::ops::MAX_DEPTH
                ),
            );
        }
    }

    /// A report's first paragraph number, as printed (an extract starts past 1).
    fn first_number(&mut self) {
        if !self.doc.is_report() {
            return;
        }
        let first = self
            .doc
            .sections
            .iter()
            .find(|s| s.numbered && !s.paragraphs.is_empty())
            .and_then(|s| self.nums.get(&s.paragraphs[0].id))
            .and_then(|n| n.trim().trim_end_matches('.').parse::<u32>().ok());
        if let Some(n) = first.filter(|&n| n >= 1) {
            self.doc.first_number = n;
        }
    }
}

/// The block children of a container, looking through `<container>`s and `<content>`.
pub(super) fn blocks_of<'a, 'i>(n: Node<'a, 'i>) -> Vec<Node<'a, 'i>> {
    let mut out = Vec::new();
    for c in n.children().filter(Node::is_element) {
        match c.tag_name().name() {
            "container" | "content" | "blockContainer" => out.extend(blocks_of(c)),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests;
