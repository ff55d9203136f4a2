//! The tables a path of the fast reader names: the element of an array of tables below a
//! document (`operative.subparagraphs`: the newest sub-paragraph of the newest operative
//! paragraph), each table new with the defaults serde gives its absent keys.

use super::super::schema::{
    AnnexFile, DocMut, FootnoteFile, HeadingFile, ParaFile, PartFile, SectionFile,
};
use crate::model::ListStyle;
use toml::Spanned;

/// One element of an array of tables.
pub(super) enum Item<'a> {
    Para(&'a mut ParaFile),
    Heading(&'a mut HeadingFile),
    Part(&'a mut PartFile),
    Section(&'a mut SectionFile),
    Annex(&'a mut AnnexFile),
    Footnote(&'a mut FootnoteFile),
}

pub(super) fn spanned() -> Spanned<String> {
    Spanned::new(0..0, String::new())
}

fn para() -> ParaFile {
    ParaFile {
        id: spanned(),
        lead: String::new(),
        text: String::new(),
        list_style: ListStyle::Default,
        subparagraphs: Vec::new(),
    }
}

fn section() -> SectionFile {
    SectionFile {
        id: spanned(),
        level: 1,
        label: String::new(),
        heading: String::new(),
        numbered: true,
        paragraphs: Vec::new(),
    }
}

/// The last element of `list` (after pushing a new one when `push`).
fn last<T>(list: &mut Vec<T>, push: bool, new: fn() -> T) -> Option<&mut T> {
    if push {
        list.push(new());
    }
    list.last_mut()
}

/// The paragraph at `subs` ("subparagraphs" repeated) below the last of `list`.
fn para_at<'a>(mut list: &'a mut Vec<ParaFile>, subs: &[&str], push: bool) -> Option<Item<'a>> {
    for s in subs {
        if *s != "subparagraphs" {
            return None;
        }
        list = &mut list.last_mut()?.subparagraphs;
    }
    last(list, push, para).map(Item::Para)
}

/// The array-of-tables element a path below a document names (the last one, or a new one
/// when `push`); the elements above it are the last of their lists.
pub(super) fn item<'a>(doc: DocMut<'a>, path: &[&str], push: bool) -> Option<Item<'a>> {
    let (first, rest) = path.split_first()?;
    match *first {
        "preamble" => para_at(doc.preamble, rest, push),
        "operative" => para_at(doc.operative, rest, push),
        "headings" if rest.is_empty() => last(doc.headings, push, || HeadingFile {
            id: spanned(),
            level: 1,
            label: String::new(),
            heading: String::new(),
            before: spanned(),
        })
        .map(Item::Heading),
        "parts" => match rest.split_first() {
            None => last(doc.parts, push, || PartFile {
                id: spanned(),
                label: String::new(),
                heading: String::new(),
                preamble: Vec::new(),
                operative: Vec::new(),
            })
            .map(Item::Part),
            Some((&"preamble", subs)) => para_at(&mut doc.parts.last_mut()?.preamble, subs, push),
            Some((&"operative", subs)) => para_at(&mut doc.parts.last_mut()?.operative, subs, push),
            Some(_) => None,
        },
        "sections" => section_at(doc.sections, rest, push),
        "annexes" => match rest.split_first() {
            None => last(doc.annexes, push, || AnnexFile {
                id: spanned(),
                label: String::new(),
                title: String::new(),
                numbered: true,
                paragraphs: Vec::new(),
                sections: Vec::new(),
            })
            .map(Item::Annex),
            Some((&"paragraphs", subs)) => {
                para_at(&mut doc.annexes.last_mut()?.paragraphs, subs, push)
            }
            Some((&"sections", rest)) => {
                section_at(&mut doc.annexes.last_mut()?.sections, rest, push)
            }
            Some(_) => None,
        },
        "footnotes" if rest.is_empty() => last(doc.footnotes, push, || FootnoteFile {
            id: spanned(),
            anchor: spanned(),
            text: String::new(),
        })
        .map(Item::Footnote),
        _ => None,
    }
}

fn section_at<'a>(list: &'a mut Vec<SectionFile>, rest: &[&str], push: bool) -> Option<Item<'a>> {
    match rest.split_first() {
        None => last(list, push, section).map(Item::Section),
        Some((&"paragraphs", subs)) => para_at(&mut list.last_mut()?.paragraphs, subs, push),
        Some(_) => None,
    }
}
