//! Resolving an instruction against the draft as issued: the places it names to stable ids,
//! its quotations to byte ranges of the texts (found with footnote numbers, without markers,
//! or in the wording of another instruction's wide replacement), its new text to markup
//! (superscript numbers to the issued footnotes' markers, `*` marks to new footnotes) with
//! fresh ids.

use super::{Anchor, Reason, Selected, Target, at, full};
use crate::amend::locate;
use crate::amend::text::{self, Markers, Splice, View};
use crate::amend::{Frame, HeadingRef, Op, ParaRef, PartRef, Position, Scope, TextOp, render};
use crate::markup;
use crate::model::{Document, Footnote, Id, Paragraph};
use crate::numbering;
use std::collections::HashMap;

/// State shared while resolving: the issued document, its footnote numbers, the new
/// footnotes created so far, and the fresh ids handed out.
#[derive(Clone)]
pub(super) struct Ctx<'a> {
    pub(super) doc: &'a Document,
    pub(super) numbers: HashMap<Id, u32>,
    pub(super) by_number: HashMap<u32, Id>,
    pub(super) new_notes: HashMap<(String, String), Id>,
    pub(super) notes_added: Vec<Footnote>,
    pub(super) next_para: u64,
    pub(super) next_note: u64,
    /// Wide replacements of all selected instructions (new → old), to find a quotation
    /// written in the amended wording of another instruction ("Chornobyl nuclear power
    /// plant" after "Replace “Chernobyl” with “Chornobyl” …").
    pub(super) reverse: Vec<(String, String)>,
    /// The next free number of other ids by prefix ("h", "part", "annex", "s").
    pub(super) next_other: HashMap<&'static str, u64>,
    /// The issued document's paragraphs by id, made on first use (trial runs of the
    /// amendment writer look one up per trial).
    paras: std::sync::OnceLock<HashMap<&'a Id, &'a Paragraph>>,
}

fn max_suffix(ids: &[&Id], prefix: &str) -> u64 {
    ids.iter()
        .filter_map(|id| id.0.strip_prefix(prefix))
        .filter_map(|n| n.parse::<u64>().ok())
        .max()
        .unwrap_or(0)
}

impl<'a> Ctx<'a> {
    pub(super) fn new(doc: &'a Document, selected: &[Selected]) -> Self {
        let numbers = numbering::footnote_numbers(doc);
        let by_number = numbers.iter().map(|(id, n)| (*n, id.clone())).collect();
        let ids = doc.all_ids();
        let reverse = selected
            .iter()
            .flat_map(|s| &s.instruction.ops)
            .filter_map(|o| match o {
                Op::Text {
                    scopes,
                    op: TextOp::Replace { old, new },
                } if scopes.iter().any(Scope::is_wide) => Some((new.clone(), old.clone())),
                _ => None,
            })
            .collect();
        Ctx {
            doc,
            numbers,
            by_number,
            new_notes: HashMap::new(),
            notes_added: Vec::new(),
            next_para: max_suffix(&ids, "p") + 1,
            next_note: max_suffix(&ids, "f") + 1,
            reverse,
            next_other: HashMap::new(),
            paras: std::sync::OnceLock::new(),
        }
    }

    /// A paragraph of the issued document by id (the first in document order, as
    /// [`Document::find`] gives it).
    fn para(&self, id: &Id) -> Option<&'a Paragraph> {
        let doc = self.doc;
        self.paras
            .get_or_init(|| {
                let mut m = HashMap::new();
                doc.walk(&mut |p, _| {
                    m.entry(&p.id).or_insert(p);
                });
                m
            })
            .get(id)
            .copied()
    }

    /// A fresh id with a prefix ("h" for a heading, "part", "annex", "s").
    pub(super) fn fresh(&mut self, prefix: &'static str) -> Id {
        let doc = self.doc;
        let n = self
            .next_other
            .entry(prefix)
            .or_insert_with(|| max_suffix(&doc.all_ids(), prefix) + 1);
        let id = Id(format!("{prefix}{n}"));
        *n += 1;
        id
    }

    pub(super) fn fresh_para(&mut self) -> Id {
        let id = Id(format!("p{}", self.next_para));
        self.next_para += 1;
        id
    }

    /// Plain quotation text to markup: superscript numbers become the markers of the issued
    /// footnotes, `*` marks the markers of the amendment's new footnotes.
    pub(super) fn markup(&mut self, plain: &str, sel: &Selected) -> Result<String, Reason> {
        let mut out = String::new();
        let chars: Vec<char> = plain.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if text::is_superscript(c) {
                let mut j = i;
                let mut n = 0u32;
                while j < chars.len() && text::is_superscript(chars[j]) {
                    let d = "⁰¹²³⁴⁵⁶⁷⁸⁹"
                        .chars()
                        .position(|x| x == chars[j])
                        .unwrap_or(0);
                    n = n.saturating_mul(10).saturating_add(d as u32);
                    j += 1;
                }
                let id = self.by_number.get(&n).ok_or_else(|| Reason::Marker {
                    text: plain.to_string(),
                    problem: format!("the draft has no footnote {n}"),
                })?;
                out.push_str(&markup::marker(id));
                i = j;
                continue;
            }
            if crate::amend::parse::is_mark(c)
                && (c == '†' || (i > 0 && !chars[i - 1].is_whitespace()))
            {
                let mut j = i;
                while j < chars.len() && chars[j] == c {
                    j += 1;
                }
                let mark: String = chars[i..j].iter().collect();
                if let Some((_, note)) = sel.amendment.footnotes.iter().find(|(m, _)| *m == mark) {
                    let key = (sel.name.to_string(), mark.clone());
                    let id = match self.new_notes.get(&key) {
                        Some(id) => id.clone(),
                        None => {
                            let id = Id(format!("f{}", self.next_note));
                            self.next_note += 1;
                            let text = markup::escape(note);
                            self.notes_added.push(Footnote {
                                id: id.clone(),
                                anchor: Id::default(),
                                text,
                            });
                            self.new_notes.insert(key, id.clone());
                            id
                        }
                    };
                    out.push_str(&markup::marker(&id));
                    i = j;
                    continue;
                }
            }
            out.push_str(&markup::escape(&c.to_string()));
            i += 1;
        }
        Ok(out)
    }

    /// The base text of a target, as issued.
    pub(super) fn base(&self, t: &Target) -> String {
        match t {
            Target::Title => self.doc.header.title.clone(),
            Target::Heading(id) => heading_text(self.doc, id).unwrap_or_default(),
            Target::Para(id) => self.para(id).map(full).unwrap_or_default(),
            Target::Footnote(id) => self
                .doc
                .footnote(id)
                .map(|f| f.text.clone())
                .unwrap_or_default(),
        }
    }

    /// Occurrences of a quotation in a text: with footnote numbers first, then without
    /// markers, then in the wording of another instruction's wide replacement.
    pub(super) fn find(&self, f: &str, quote: &str) -> (View, Vec<(usize, usize)>) {
        let numbered = View::new(f, Markers::Numbers, &self.numbers);
        let found = numbered.find(quote);
        if !found.is_empty() {
            return (numbered, found);
        }
        let hidden = View::new(f, Markers::Hidden, &self.numbers);
        if !quote.chars().any(text::is_superscript) {
            let found = hidden.find(quote);
            if !found.is_empty() {
                return (hidden, found);
            }
        }
        for (new, old) in &self.reverse {
            if quote.contains(new.as_str()) {
                let q = quote.replace(new.as_str(), old);
                let found = numbered.find(&q);
                if !found.is_empty() {
                    return (numbered, found);
                }
            }
        }
        (numbered, Vec::new())
    }
}

/// The heading a label names: the one heading inside the resolution with that label, else
/// the part with that label; or the annex.
pub(super) fn heading_id(doc: &Document, h: &HeadingRef) -> Option<Id> {
    match h {
        HeadingRef::Section(l) => {
            let mut hs = doc.headings.iter().filter(|x| &x.label == l);
            match (hs.next(), hs.next()) {
                (Some(x), None) => Some(x.id.clone()),
                (Some(_), Some(_)) => None,
                _ => doc
                    .parts
                    .iter()
                    .enumerate()
                    .find(|(k, p)| &p.name(*k) == l)
                    .map(|(_, p)| p.id.clone()),
            }
        }
        HeadingRef::Annex(l) => {
            let a = locate::lists(doc, PartRef::Operative, Some(&Frame::Annex(l.clone())))?;
            let k = a.first()?.annex()?;
            doc.annexes.get(k).map(|x| x.id.clone())
        }
    }
}

/// The text of a heading, a part's heading or an annex's title, by id.
pub(super) fn heading_text(doc: &Document, id: &Id) -> Option<String> {
    doc.headings
        .iter()
        .find(|h| &h.id == id)
        .map(|h| h.heading.clone())
        .or_else(|| {
            doc.parts
                .iter()
                .find(|p| &p.id == id)
                .map(|p| p.heading.clone())
        })
        .or_else(|| {
            doc.annexes
                .iter()
                .find(|a| &a.id == id)
                .map(|a| a.title.clone())
        })
}

/// The targets of a scope, with the name used in reports.
pub(super) fn targets(
    doc: &Document,
    scope: &Scope,
    ctx: &Ctx,
) -> Result<Vec<(Target, String)>, Reason> {
    Ok(match scope {
        Scope::Title => vec![(Target::Title, "the title".into())],
        Scope::Heading(h) => {
            let id = heading_id(doc, h).ok_or_else(|| Reason::NoSuchPlace { place: h.name() })?;
            vec![(Target::Heading(id), h.name())]
        }
        Scope::Paragraph(r) => {
            let p = at(doc, r).ok_or_else(|| Reason::NoSuchPlace {
                place: render::place(r),
            })?;
            vec![(Target::Para(p.id.clone()), render::place(r))]
        }
        Scope::Footnote(n) => {
            let id = ctx.by_number.get(n).ok_or_else(|| Reason::NoSuchPlace {
                place: format!("footnote {n}"),
            })?;
            vec![(Target::Footnote(id.clone()), format!("footnote {n}"))]
        }
        Scope::Preamble | Scope::Operative => {
            // Every preamble (or operative part): the resolution's and its parts'.
            let mut v = Vec::new();
            for (part, list) in doc.parts() {
                let wanted = if *scope == Scope::Preamble {
                    part.is_preamble()
                } else {
                    part.is_operative()
                };
                if wanted {
                    for p in list {
                        p.walk(&mut |sp| v.push((Target::Para(sp.id.clone()), String::new())));
                    }
                }
            }
            v
        }
    })
}

/// The splices of one change of words in one text.
pub(super) fn splices(
    ctx: &mut Ctx,
    sel: &Selected,
    f: &str,
    op: &TextOp,
    place: &str,
    wide: bool,
    title: bool,
) -> Result<Vec<Splice>, Reason> {
    let quote = match op {
        TextOp::Delete(x) | TextOp::Replace { old: x, .. } => x,
        TextOp::InsertAfter { anchor, .. } | TextOp::InsertBefore { anchor, .. } => anchor,
    };
    let (view, found) = ctx.find(f, quote);
    if !wide {
        match found.len() {
            0 => {
                return Err(Reason::NotFound {
                    place: place.to_string(),
                    text: quote.clone(),
                });
            }
            1 => {}
            n => {
                return Err(Reason::Ambiguous {
                    place: place.to_string(),
                    text: quote.clone(),
                    count: n,
                });
            }
        }
    }
    let mut out = Vec::new();
    for (i, j) in found {
        let (s, e) = view.bytes(i, j);
        let new = |ctx: &mut Ctx, x: &str| {
            if title {
                Ok(x.to_string())
            } else {
                ctx.markup(x, sel)
            }
        };
        out.push(match op {
            TextOp::Delete(_) => text::delete(f, s, e),
            TextOp::Replace { new: x, .. } => {
                let m = new(ctx, x)?;
                text::replace(f, s, e, &m)
            }
            TextOp::InsertAfter { text: x, .. } => {
                let m = new(ctx, x)?;
                text::insert_after(f, e, &m, x)
            }
            TextOp::InsertBefore { text: x, .. } => {
                let m = new(ctx, x)?;
                text::insert_before(s, &m, x)
            }
        });
    }
    Ok(out)
}

/// New paragraphs from plain text to markup, with fresh ids.
pub(super) fn new_paragraphs(
    ctx: &mut Ctx,
    sel: &Selected,
    ps: &[Paragraph],
) -> Result<Vec<Paragraph>, Reason> {
    ps.iter()
        .map(|p| {
            Ok(Paragraph {
                id: ctx.fresh_para(),
                lead: ctx.markup(&p.lead, sel)?,
                text: ctx.markup(&p.text, sel)?,
                list_style: p.list_style,
                subparagraphs: new_paragraphs(ctx, sel, &p.subparagraphs)?,
            })
        })
        .collect()
}

pub(super) fn anchor(doc: &Document, at_: &Position) -> Result<Anchor, Reason> {
    let id = |r: &ParaRef| {
        at(doc, r)
            .map(|p| p.id.clone())
            .ok_or_else(|| Reason::NoSuchPlace {
                place: render::place(r),
            })
    };
    let no_list = |part: PartRef, frame: Option<&Frame>| Reason::NoSuchPlace {
        place: match frame {
            Some(f) => format!("{} ({:?})", f.name(), part).to_lowercase(),
            None => format!("{part:?}").to_lowercase(),
        },
    };
    Ok(match at_ {
        Position::After(r) => Anchor::After(id(r)?),
        Position::Before(r) => Anchor::Before(id(r)?),
        Position::EndOf(part, Some(parent)) => {
            let loc = locate::location(doc, parent).ok_or_else(|| no_list(*part, None))?;
            Anchor::End(loc.part, Some(id(parent)?))
        }
        Position::EndOf(part, None) => {
            let list = locate::lists(doc, *part, None).ok_or_else(|| no_list(*part, None))?;
            Anchor::End(list[0], None)
        }
        Position::EndOfFrame(part, frame) => {
            let lists = locate::lists(doc, *part, Some(frame))
                .ok_or_else(|| no_list(*part, Some(frame)))?;
            Anchor::End(
                *lists.last().ok_or_else(|| no_list(*part, Some(frame)))?,
                None,
            )
        }
    })
}
