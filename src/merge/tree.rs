//! Merging the body of a document: the containers (resolution parts, report sections,
//! annexes and their sections) and every paragraph list, by stable id.
//!
//! Each paragraph has a home on each side: the list it stands in (a part's preamble, an
//! annex, the sub-paragraphs of a paragraph). The merged home is the side's that moved it
//! (ours when both did); a paragraph deleted on one side is deleted unless the other side
//! changed it, in which case it is kept and the conflict recorded (see [`Kept`]). Each
//! merged list is then ordered by [`super::order::merge_order`], and each paragraph's fields
//! merged (the texts by words, [`super::text::merge3`]).

use super::order::merge_order;
use super::text::{Merged, merge3};
use crate::model::{Annex, Document, Id, ListStyle, Paragraph, Part, ResolutionPart, Section};
use std::collections::{HashMap, HashSet};

/// The list a paragraph stands in, named by ids so that it survives reordering.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ListKey {
    Preamble,
    Operative,
    PartPreamble(Id),
    PartOperative(Id),
    Section(Id),
    Annex(Id),
    AnnexSection(Id, Id),
    Sub(Id),
}

/// One side's paragraphs by id, with their homes and every list's order.
pub struct Index<'a> {
    pub home: HashMap<Id, ListKey>,
    pub lists: HashMap<ListKey, Vec<Id>>,
    pub para: HashMap<Id, &'a Paragraph>,
}

fn key_of(doc: &Document, part: Part) -> ListKey {
    let pid = |k: usize| doc.parts[k].id.clone();
    match part {
        Part::Preamble => ListKey::Preamble,
        Part::Operative => ListKey::Operative,
        Part::PartPreamble(k) => ListKey::PartPreamble(pid(k)),
        Part::PartOperative(k) => ListKey::PartOperative(pid(k)),
        Part::Section(i) => ListKey::Section(doc.sections[i].id.clone()),
        Part::Annex(a) => ListKey::Annex(doc.annexes[a].id.clone()),
        Part::AnnexSection(a, s) => ListKey::AnnexSection(
            doc.annexes[a].id.clone(),
            doc.annexes[a].sections[s].id.clone(),
        ),
    }
}

impl<'a> Index<'a> {
    pub fn build(doc: &'a Document) -> Self {
        let mut ix = Index {
            home: HashMap::new(),
            lists: HashMap::new(),
            para: HashMap::new(),
        };
        fn rec<'a>(ix: &mut Index<'a>, key: ListKey, list: &'a [Paragraph]) {
            ix.lists
                .insert(key.clone(), list.iter().map(|p| p.id.clone()).collect());
            for p in list {
                ix.home.insert(p.id.clone(), key.clone());
                ix.para.insert(p.id.clone(), p);
                if !p.subparagraphs.is_empty() {
                    rec(ix, ListKey::Sub(p.id.clone()), &p.subparagraphs);
                }
            }
        }
        for (part, list) in doc.parts() {
            rec(&mut ix, key_of(doc, part), list);
        }
        ix
    }

    fn list(&self, key: &ListKey) -> &[Id] {
        self.lists.get(key).map_or(&[], Vec::as_slice)
    }
}

/// A paragraph one side deleted and the other changed: kept, as the changing side left it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    pub id: Id,
    /// True when ours kept (changed) it and theirs deleted it.
    pub kept_by_ours: bool,
}

/// What merging the paragraphs found beside the merged text.
#[derive(Debug, Default)]
pub struct BodyReport {
    pub kept: Vec<Kept>,
    /// Text conflicts by paragraph (in the merged text).
    pub text_conflicts: Vec<(Id, Merged)>,
    /// Paragraphs whose opening phrase conflicts: (id, their lead, their text); the merged
    /// paragraph holds ours.
    pub lead_conflicts: Vec<(Id, String, String)>,
    /// Conflicts that become no bracket (structure, fields), described.
    pub notes: Vec<String>,
}

/// The merged homes of all paragraphs that stay, and the paragraphs kept over a deletion.
fn homes(b: &Index, o: &Index, t: &Index, report: &mut BodyReport) -> HashMap<Id, ListKey> {
    let ids = super::keys_of(b.home.keys(), o.home.keys(), t.home.keys());
    let mut out = HashMap::new();
    for id in ids {
        let (hb, ho, ht) = (b.home.get(id), o.home.get(id), t.home.get(id));
        let home = match (hb, ho, ht) {
            (Some(hb), Some(ho), Some(ht)) => {
                if ho != hb && ht != hb && ho != ht {
                    report
                        .notes
                        .push(format!("paragraph {id} was moved to different places on each side; our place is kept"));
                }
                if ho == hb { ht.clone() } else { ho.clone() }
            }
            (Some(_), None, Some(ht)) => {
                if same_substance(t.para[id], b.para[id]) {
                    continue;
                }
                report.kept.push(Kept {
                    id: id.clone(),
                    kept_by_ours: false,
                });
                ht.clone()
            }
            (Some(_), Some(ho), None) => {
                if same_substance(o.para[id], b.para[id]) {
                    continue;
                }
                report.kept.push(Kept {
                    id: id.clone(),
                    kept_by_ours: true,
                });
                ho.clone()
            }
            (Some(_), None, None) => continue,
            (None, Some(ho), _) => ho.clone(),
            (None, None, Some(ht)) => ht.clone(),
            (None, None, None) => continue,
        };
        out.insert(id.clone(), home);
    }
    // A kept paragraph keeps its ancestors: a paragraph whose list is a deleted
    // paragraph's sub-paragraphs brings that paragraph back.
    out
}

/// Whether two versions of a paragraph (with their sub-paragraphs) say the same: the same
/// ids and words, whatever the punctuation that follows position (deleting the last
/// paragraph gives the one before it a full stop; that is no change to keep it for).
fn same_substance(a: &Paragraph, b: &Paragraph) -> bool {
    use crate::compare::words::same_words;
    a.id == b.id
        && a.list_style == b.list_style
        && same_words(&a.lead, &b.lead)
        && same_words(&a.text, &b.text)
        && a.subparagraphs.len() == b.subparagraphs.len()
        && a.subparagraphs
            .iter()
            .zip(&b.subparagraphs)
            .all(|(x, y)| same_substance(x, y))
}

/// Scalar three-way merge: the side that changed wins; ours when both changed differently
/// (the caller is told by `conflict`).
pub fn pick<T: PartialEq + Clone>(
    b: Option<&T>,
    o: Option<&T>,
    t: Option<&T>,
    conflict: &mut bool,
) -> Option<T> {
    if o == t {
        return o.cloned();
    }
    if o == b {
        return t.cloned();
    }
    if t == b {
        return o.cloned();
    }
    *conflict = true;
    o.cloned()
}

/// The texts of each side, rewritten for the merged numbering.
pub struct Texts<'a> {
    pub base: &'a dyn Fn(&Id, &str) -> String,
    pub ours: &'a dyn Fn(&Id, &str) -> String,
    pub theirs: &'a dyn Fn(&Id, &str) -> String,
}

/// Merges the body of three documents into `out` (whose header and other fields are set
/// by the caller): containers, then every paragraph list.
pub fn merge_body(
    base: &Document,
    ours: &Document,
    theirs: &Document,
    texts: &Texts,
    out: &mut Document,
    report: &mut BodyReport,
) {
    let (b, o, t) = (Index::build(base), Index::build(ours), Index::build(theirs));
    let homes = homes(&b, &o, &t, report);
    let mut lists: HashMap<ListKey, HashSet<Id>> = HashMap::new();
    for (id, key) in &homes {
        lists.entry(key.clone()).or_default().insert(id.clone());
    }
    let key_text = |id: &Id| {
        o.para
            .get(id)
            .or_else(|| t.para.get(id))
            .map(|p| p.full_text())
            .unwrap_or_default()
    };
    let kept: HashMap<Id, bool> = report
        .kept
        .iter()
        .map(|k| (k.id.clone(), k.kept_by_ours))
        .collect();
    let mut placed: HashSet<Id> = HashSet::new();
    let mut ctx = Build {
        b: &b,
        o: &o,
        t: &t,
        lists: &lists,
        key_text: &key_text,
        kept: &kept,
        texts,
        placed: &mut placed,
        report,
    };
    // Containers (structure fields merged by the caller's `records`).
    out.preamble = ctx.list(&ListKey::Preamble);
    out.operative = ctx.list(&ListKey::Operative);
    out.parts = merge_containers(
        &base.parts,
        &ours.parts,
        &theirs.parts,
        |p| &p.id,
        ctx.report,
    )
    .into_iter()
    .map(|mut p: ResolutionPart| {
        p.preamble = ctx.list(&ListKey::PartPreamble(p.id.clone()));
        p.operative = ctx.list(&ListKey::PartOperative(p.id.clone()));
        p
    })
    .collect();
    out.sections = merge_containers(
        &base.sections,
        &ours.sections,
        &theirs.sections,
        |s| &s.id,
        ctx.report,
    )
    .into_iter()
    .map(|mut s: Section| {
        s.paragraphs = ctx.list(&ListKey::Section(s.id.clone()));
        s
    })
    .collect();
    out.annexes = merge_containers(
        &base.annexes,
        &ours.annexes,
        &theirs.annexes,
        |a| &a.id,
        ctx.report,
    )
    .into_iter()
    .map(|mut a: Annex| {
        let find = |d: &Document| {
            d.annexes
                .iter()
                .find(|x| x.id == a.id)
                .map(|x| x.sections.clone())
                .unwrap_or_default()
        };
        let (bs, os, ts) = (find(base), find(ours), find(theirs));
        a.paragraphs = ctx.list(&ListKey::Annex(a.id.clone()));
        a.sections = merge_containers(&bs, &os, &ts, |s| &s.id, ctx.report)
            .into_iter()
            .map(|mut s: Section| {
                s.paragraphs = ctx.list(&ListKey::AnnexSection(a.id.clone(), s.id.clone()));
                s
            })
            .collect();
        a
    })
    .collect();
    // Paragraphs whose list is gone (their container was deleted): at the end of the
    // operative part, said so.
    let mut orphans: Vec<Id> = homes
        .keys()
        .filter(|i| !ctx.placed.contains(*i))
        .cloned()
        .collect();
    orphans.sort();
    for id in orphans {
        if ctx.placed.contains(&id) {
            continue;
        }
        ctx.report.notes.push(format!(
            "paragraph {id} stood in a part, annex or paragraph the other side deleted: put at the end of the operative part"
        ));
        let p = ctx.paragraph(&id);
        out.operative.push(p);
    }
}

struct Build<'x, 'a> {
    b: &'x Index<'a>,
    o: &'x Index<'a>,
    t: &'x Index<'a>,
    lists: &'x HashMap<ListKey, HashSet<Id>>,
    key_text: &'x dyn Fn(&Id) -> String,
    kept: &'x HashMap<Id, bool>,
    texts: &'x Texts<'x>,
    placed: &'x mut HashSet<Id>,
    report: &'x mut BodyReport,
}

impl Build<'_, '_> {
    fn list(&mut self, key: &ListKey) -> Vec<Paragraph> {
        let Some(keep) = self.lists.get(key) else {
            return Vec::new();
        };
        let order = merge_order(
            self.b.list(key),
            self.o.list(key),
            self.t.list(key),
            keep,
            self.key_text,
        );
        order.iter().map(|id| self.paragraph(id)).collect()
    }

    fn paragraph(&mut self, id: &Id) -> Paragraph {
        self.placed.insert(id.clone());
        let subparagraphs = self.list(&ListKey::Sub(id.clone()));
        let (b, o, t) = (
            self.b.para.get(id),
            self.o.para.get(id),
            self.t.para.get(id),
        );
        let texts = self.texts;
        if let Some(&by_ours) = self.kept.get(id) {
            let (p, tr) = if by_ours {
                (o, texts.ours)
            } else {
                (t, texts.theirs)
            };
            let p = p.expect("a kept paragraph is on the side that kept it");
            return Paragraph {
                id: id.clone(),
                lead: p.lead.clone(),
                text: tr(id, &p.text),
                list_style: p.list_style,
                subparagraphs,
            };
        }
        let field = |p: Option<&&Paragraph>, tr: &dyn Fn(&Id, &str) -> String| {
            p.map(|p| (p.lead.clone(), tr(id, &p.text), p.list_style))
        };
        let (fb, fo, ft) = (
            field(b, texts.base),
            field(o, texts.ours),
            field(t, texts.theirs),
        );
        let (lead, text, list_style) = match (fb, fo, ft) {
            (Some(fb), Some(fo), Some(ft)) => {
                let lead = merge3(&fb.0, &fo.0, &ft.0);
                let text = merge3(&fb.1, &fo.1, &ft.1);
                let mut style_conflict = false;
                let style = pick(Some(&fb.2), Some(&fo.2), Some(&ft.2), &mut style_conflict)
                    .unwrap_or(ListStyle::Default);
                if style_conflict {
                    self.report.notes.push(format!("paragraph {id}: the list style was changed differently on each side; ours is kept"));
                }
                if !lead.conflicts.is_empty() {
                    self.report
                        .lead_conflicts
                        .push((id.clone(), ft.0.clone(), ft.1.clone()));
                    (fo.0, fo.1, style)
                } else {
                    if !text.conflicts.is_empty() {
                        self.report.text_conflicts.push((id.clone(), text.clone()));
                    }
                    (lead.text, text.text, style)
                }
            }
            (_, Some(fo), _) => fo,
            (_, None, Some(ft)) => ft,
            _ => (String::new(), String::new(), ListStyle::Default),
        };
        Paragraph {
            id: id.clone(),
            lead,
            text,
            list_style,
            subparagraphs,
        }
    }
}

/// Merges a list of containers (parts, sections, annexes) by id: their order, which stay
/// (a container deleted on one side and changed on the other is kept, said so), and their
/// own fields (label, heading, title) field by field. The paragraph lists inside are filled
/// by the caller.
fn merge_containers<T>(
    base: &[T],
    ours: &[T],
    theirs: &[T],
    id: impl Fn(&T) -> &Id,
    report: &mut BodyReport,
) -> Vec<T>
where
    T: Clone + PartialEq + serde::Serialize + serde::de::DeserializeOwned,
{
    merge_by_id(base, ours, theirs, id, &mut report.notes, true)
}

/// Merges a list of records by id: their order, which stay (one deleted on one side and
/// unchanged on the other is deleted; deleted on one side and changed on the other, kept,
/// and said so in `notes` when `say_kept`), and each record field by field.
pub(super) fn merge_by_id<T>(
    base: &[T],
    ours: &[T],
    theirs: &[T],
    id: impl Fn(&T) -> &Id,
    notes: &mut Vec<String>,
    say_kept: bool,
) -> Vec<T>
where
    T: Clone + PartialEq + serde::Serialize + serde::de::DeserializeOwned,
{
    let find = |l: &'_ [T], i: &Id| l.iter().find(|x| id(x) == i).cloned();
    let ids = |l: &[T]| l.iter().map(|x| id(x).clone()).collect::<Vec<_>>();
    let (bi, oi, ti) = (ids(base), ids(ours), ids(theirs));
    let mut keep = HashSet::new();
    for i in bi.iter().chain(&oi).chain(&ti) {
        let (b, o, t) = (find(base, i), find(ours, i), find(theirs, i));
        let (changed, side) = match (&b, &o, &t) {
            (Some(_), Some(_), Some(_)) | (None, _, _) => (true, None),
            (Some(b), None, Some(t)) => (b != t, Some(("our", "theirs"))),
            (Some(b), Some(o), None) => (b != o, Some(("their", "ours"))),
            (Some(_), None, None) => (false, None),
        };
        if let (true, true, Some((deleted, kept))) = (changed, say_kept, side) {
            notes.push(format!(
                "{i} was deleted on {deleted} side and changed on {kept}: kept"
            ));
        }
        if changed {
            keep.insert(i.clone());
        }
    }
    merge_order(&bi, &oi, &ti, &keep, &|i: &Id| i.to_string())
        .iter()
        .filter_map(|i| match (find(base, i), find(ours, i), find(theirs, i)) {
            (Some(b), Some(o), Some(t)) => {
                Some(super::fields::merge_fields(&b, &o, &t, i.as_str(), notes))
            }
            (_, Some(o), _) => Some(o),
            (_, None, t) => t,
        })
        .collect()
}
