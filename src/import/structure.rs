//! The structure of an imported resolution beside its paragraphs: headings inside it (a
//! roman numeral or a capital letter alone on its line with the heading under it, or
//! "II. Heading" on one line), parts that number their operative paragraphs afresh (each
//! heading of the level at which the printed numbering restarts opens a part with its own
//! preamble), and annexes ("Annex", "Annex II", or the text adopted after "Adopts the
//! following …:") with their title, paragraphs, sections and the closing meeting line of the
//! resolution kept aside.
//!
//! The paragraphs of each part are built by [`super::resolution::assemble`], so a part reads
//! exactly as a whole resolution does.

use super::Warning;
use super::body::{Item, ItemKind};
use super::resolution;
use crate::model::{Annex, Document, Heading, Id, Paragraph, ResolutionPart, Section};

/// Fills `doc` from the body items: resolution (or its parts) with headings, then annexes.
pub fn assemble(doc: &mut Document, items: Vec<Item>, warnings: &mut Vec<Warning>) {
    let (body, annexes) = split_annexes(items);
    let mut ids = Ids::default();
    match parts_level(&body) {
        Some(level) => in_parts(doc, body, level, &mut ids, warnings),
        None => {
            let headings = with_headings(doc, body, &mut ids, warnings);
            doc.headings.extend(headings);
        }
    }
    for group in annexes {
        annex(doc, group, &mut ids, warnings);
    }
}

/// Fresh ids for headings, parts, annexes and their sections.
#[derive(Default)]
struct Ids {
    heading: u32,
    part: u32,
    annex: u32,
    section: u32,
}

impl Ids {
    fn next(counter: &mut u32, prefix: &str) -> Id {
        *counter += 1;
        Id(format!("{prefix}{counter}"))
    }
}

fn is_heading(item: &Item) -> bool {
    matches!(item.kind, ItemKind::Heading { annex: false, .. })
}

fn is_annex(item: &Item) -> bool {
    matches!(item.kind, ItemKind::Heading { annex: true, .. })
}

/// The items of the resolution, and the items of each annex (each group opening with its
/// "Annex" heading, or with the first item of text adopted after "Adopts the following …:").
fn split_annexes(items: Vec<Item>) -> (Vec<Item>, Vec<Vec<Item>>) {
    let mut body = Vec::new();
    let mut annexes: Vec<Vec<Item>> = Vec::new();
    let mut adopted = false;
    for item in items {
        if is_annex(&item) {
            annexes.push(vec![item]);
        } else if let Some(last) = annexes.last_mut() {
            last.push(item);
        } else if adopted && !(item.kind == ItemKind::Plain && resolution::closing_line(&item.text))
        {
            // The meeting line closing the resolution stands before the annexes it adopted.
            annexes.push(vec![item]);
        } else {
            adopted = matches!(item.kind, ItemKind::Numbered(_) | ItemKind::Plain)
                && crate::ops::adopts_following(&item.text);
            body.push(item);
        }
    }
    (body, annexes)
}

fn heading_level(item: &Item) -> Option<u8> {
    match item.kind {
        ItemKind::Heading {
            level,
            annex: false,
            ..
        } => Some(level),
        _ => None,
    }
}

/// The heading level at which the printed operative numbering starts again from 1 after a
/// heading: those headings open parts.
fn parts_level(items: &[Item]) -> Option<u8> {
    (1..=3).find(|&level| {
        let mut seen_numbers = false;
        let mut at_heading = false;
        for item in items {
            if heading_level(item) == Some(level) {
                at_heading = true;
                continue;
            }
            if let ItemKind::Numbered(n) = item.kind {
                if at_heading && n == 1 && seen_numbers {
                    return true;
                }
                at_heading = false;
                seen_numbers = true;
            }
        }
        false
    })
}

/// The label and text of a heading item.
fn heading_of(item: &Item) -> (u8, String, String) {
    match &item.kind {
        ItemKind::Heading { level, label, .. } => (*level, label.clone(), item.text.clone()),
        _ => (1, String::new(), item.text.clone()),
    }
}

/// A resolution in parts: what stands before the first part heading is the resolution's own
/// preamble and operative part; each part heading opens a part.
fn in_parts(
    doc: &mut Document,
    items: Vec<Item>,
    level: u8,
    ids: &mut Ids,
    warnings: &mut Vec<Warning>,
) {
    let mut groups: Vec<(Option<Item>, Vec<Item>)> = vec![(None, Vec::new())];
    for item in items {
        if heading_level(&item) == Some(level) {
            groups.push((Some(item), Vec::new()));
        } else if let Some((_, g)) = groups.last_mut() {
            g.push(item);
        }
    }
    for (head, group) in groups {
        let Some(head) = head else {
            let headings = with_headings(doc, group, ids, warnings);
            doc.headings.extend(headings);
            continue;
        };
        let mut part_doc = Document::new(doc.kind);
        let headings = with_headings(&mut part_doc, group, ids, warnings);
        doc.headings.extend(headings);
        doc.notes.append(&mut part_doc.notes);
        let (_, label, heading) = heading_of(&head);
        doc.parts.push(ResolutionPart {
            id: Ids::next(&mut ids.part, "part"),
            label,
            heading,
            preamble: part_doc.preamble,
            operative: part_doc.operative,
        });
    }
}

/// Builds the preamble and operative part of `target` from items that may hold headings;
/// returns the headings, each standing before the paragraph that follows it. A heading that
/// no paragraph follows is kept as a note.
fn with_headings(
    target: &mut Document,
    items: Vec<Item>,
    ids: &mut Ids,
    warnings: &mut Vec<Warning>,
) -> Vec<Heading> {
    let mut headings = Vec::new();
    let mut rest = Vec::new();
    let mut waiting: Vec<Item> = Vec::new();
    for item in items {
        if is_heading(&item) {
            waiting.push(item);
            continue;
        }
        if matches!(item.kind, ItemKind::Numbered(_) | ItemKind::Plain) {
            for head in waiting.drain(..) {
                let (level, label, heading) = heading_of(&head);
                headings.push(Heading {
                    id: Ids::next(&mut ids.heading, "h"),
                    level,
                    label,
                    heading,
                    before: item.id.clone(),
                });
            }
        }
        rest.push(item);
    }
    let trailing: Vec<String> = waiting.into_iter().map(|h| h.text).collect();
    // The closing meeting line (and its date) printed after the last paragraph, so that a
    // single unnumbered operative paragraph before it is read as operative.
    let mut closing = Vec::new();
    while let Some(last) = rest.last()
        && last.kind == ItemKind::Plain
        && resolution::closing_line(&last.text)
        && closing.len() < 2
        && rest.len() > 1
    {
        closing.push(rest.pop().map(|i| i.text).unwrap_or_default());
    }
    closing.reverse();
    resolution::assemble(target, rest, warnings);
    target.notes.extend(closing);
    // A heading whose paragraph became a note (a closing line) goes with it.
    headings.retain(|h: &Heading| {
        let kept = target.find(&h.before).is_some();
        if !kept {
            target.notes.push(h.heading.clone());
        }
        kept
    });
    target
        .notes
        .extend(trailing.into_iter().filter(|t| !t.is_empty()));
    headings
}

/// Whether a text could be the title of an annexed text: a line or two, no closing
/// punctuation.
fn title_like(text: &str) -> bool {
    let t = text.trim_end_matches(['”', '’', '*']);
    !t.is_empty() && t.len() <= 300 && !t.ends_with(['.', ';', ',', ':'])
}

/// Builds one annex from its items (the first the "Annex" heading, when printed).
fn annex(doc: &mut Document, items: Vec<Item>, ids: &mut Ids, warnings: &mut Vec<Warning>) {
    let mut items = items.into_iter().peekable();
    let mut x = Annex {
        id: Ids::next(&mut ids.annex, "annex"),
        ..Annex::default()
    };
    if let Some(first) = items.next_if(is_annex) {
        let (label, title) = annex_label(&first.text);
        x.label = label;
        x.title = title;
    }
    // The title: a short line with no closing punctuation, or a heading with no label.
    let titled = |i: &Item| match &i.kind {
        ItemKind::Plain => title_like(&i.text),
        ItemKind::Heading { label, annex, .. } => !annex && label.is_empty(),
        _ => false,
    };
    if x.title.is_empty()
        && let Some(t) = items.next_if(titled)
    {
        x.title = t.text;
    }
    let mut items: Vec<Item> = items.collect();
    // The closing meeting line (and its date) printed after the annexed text.
    let mut closing = Vec::new();
    while let Some(last) = items.last()
        && last.kind == ItemKind::Plain
        && resolution::closing_line(&last.text)
        && closing.len() < 2
    {
        closing.push(items.pop().map(|i| i.text).unwrap_or_default());
    }
    let numbered = items
        .iter()
        .any(|i| matches!(i.kind, ItemKind::Numbered(_)));
    x.numbered = numbered;
    // Unnumbered paragraphs before numbered ones stand in a section of their own, so that
    // the numbered paragraphs keep their printed numbers: the opening paragraphs of the annex,
    // or those under a heading ("Guiding principles" over the sentence that introduces
    // principles 1, 2 …), whose section is then unnumbered and the numbered paragraphs go on in
    // a section with no heading. A section with no numbered paragraph in a numbered annex
    // ("Preamble") is unnumbered.
    let mut current: Option<Section> = None;
    // Whether the open section (or the annex's opening paragraphs) holds a numbered paragraph.
    let mut has_numbered = false;
    let close = |s: &mut Section, has_numbered: bool| {
        if !has_numbered && !s.paragraphs.is_empty() {
            s.numbered = false;
        }
    };
    for item in items {
        match &item.kind {
            ItemKind::Heading { level, label, .. } => {
                if let Some(mut s) = current.take() {
                    close(&mut s, has_numbered);
                    x.sections.push(s);
                }
                has_numbered = false;
                current = Some(Section {
                    id: Ids::next(&mut ids.section, "as"),
                    level: *level,
                    label: label.clone(),
                    heading: item.text.clone(),
                    numbered,
                    paragraphs: Vec::new(),
                });
            }
            ItemKind::Numbered(_) | ItemKind::Plain => {
                let is_numbered = matches!(item.kind, ItemKind::Numbered(_));
                if is_numbered && !has_numbered {
                    let level = current.as_ref().map_or(1, |s| s.level);
                    let opening = match current.take() {
                        Some(mut s) if !s.paragraphs.is_empty() => {
                            s.numbered = false;
                            Some(s)
                        }
                        Some(s) => {
                            current = Some(s);
                            None
                        }
                        None if !x.paragraphs.is_empty() => Some(Section {
                            id: Ids::next(&mut ids.section, "as"),
                            level: 1,
                            numbered: false,
                            paragraphs: std::mem::take(&mut x.paragraphs),
                            ..Section::default()
                        }),
                        None => None,
                    };
                    if let Some(s) = opening {
                        x.sections.push(s);
                        current = Some(Section {
                            id: Ids::next(&mut ids.section, "as"),
                            level,
                            numbered: true,
                            ..Section::default()
                        });
                    }
                }
                has_numbered |= is_numbered;
                let p = Paragraph::new(item.id, "", item.text);
                match current.as_mut() {
                    Some(s) => s.paragraphs.push(p),
                    None => x.paragraphs.push(p),
                }
            }
            ItemKind::Sub(label) => {
                let p = Paragraph::new(item.id, "", item.text.clone());
                let list = match current.as_mut() {
                    Some(s) => &mut s.paragraphs,
                    None => &mut x.paragraphs,
                };
                match list.last_mut() {
                    Some(parent) => resolution::attach(parent, label, p, item.line, warnings),
                    None => list.push(Paragraph::new(p.id, "", format!("({label}) {}", p.text))),
                }
            }
        }
    }
    if let Some(mut s) = current {
        close(&mut s, has_numbered);
        x.sections.push(s);
    }
    doc.annexes.push(x);
    closing.reverse();
    doc.notes.extend(closing);
}

/// "Annex II" → ("II", ""); "Annex: Rules of procedure" → ("", "Rules of procedure").
fn annex_label(text: &str) -> (String, String) {
    let t = text.trim();
    let rest = t.get(5..).unwrap_or("").trim_start();
    let (label, title) = match rest.split_once(':') {
        Some((l, title)) => (l.trim(), title.trim()),
        None => (rest, ""),
    };
    if label
        .chars()
        .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
    {
        (label.to_string(), title.to_string())
    } else {
        (String::new(), rest.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annex_labels() {
        assert_eq!(annex_label("Annex"), (String::new(), String::new()));
        assert_eq!(annex_label("Annex II"), ("II".into(), String::new()));
        assert_eq!(
            annex_label("Annex: Rules of the keepers"),
            (String::new(), "Rules of the keepers".into())
        );
    }
}
