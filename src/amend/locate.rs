//! Places of amendments and places of the document model, both ways: a [`ParaRef`] ("operative
//! paragraph 3 of section II", "paragraph 5 (b) of the annex") to the paragraph lists and the
//! paragraph it names in a document, and a model [`Location`] back to the [`ParaRef`] a
//! drafter would write. An annex's paragraphs are numbered across its sections, so an annex
//! place may fall in any of the annex's lists.

use super::{Frame, ParaRef, PartRef};
use crate::model::{Document, Location, Paragraph, Part};

/// The index of the resolution part a label names (its label, or its 1-based position when
/// it has none).
fn part_index(doc: &Document, label: &str) -> Option<usize> {
    doc.parts
        .iter()
        .enumerate()
        .position(|(k, p)| p.name(k) == label)
}

/// The index of the annex a label names; an empty label names a lone annex.
fn annex_index(doc: &Document, label: &str) -> Option<usize> {
    doc.annexes
        .iter()
        .position(|a| a.label == label)
        .or_else(|| (label.is_empty() && doc.annexes.len() == 1).then_some(0))
}

/// The model lists a part of a frame stands for, in order (an annex: its paragraphs, then
/// each of its sections').
pub fn lists(doc: &Document, part: PartRef, frame: Option<&Frame>) -> Option<Vec<Part>> {
    Some(match (frame, part) {
        (None, PartRef::Preamble) => vec![Part::Preamble],
        (None, PartRef::Operative) => vec![Part::Operative],
        (Some(Frame::Part(l)), PartRef::Preamble) => vec![Part::PartPreamble(part_index(doc, l)?)],
        (Some(Frame::Part(l)), PartRef::Operative) => {
            vec![Part::PartOperative(part_index(doc, l)?)]
        }
        (Some(Frame::Annex(l)), _) => {
            let a = annex_index(doc, l)?;
            let mut v = vec![Part::Annex(a)];
            v.extend((0..doc.annexes[a].sections.len()).map(|s| Part::AnnexSection(a, s)));
            v
        }
    })
}

/// The model location of a place of the draft as issued (it need not exist below the top).
pub fn location(doc: &Document, r: &ParaRef) -> Option<Location> {
    let (first, rest) = r.path.split_first()?;
    let mut i = first.checked_sub(1)?;
    for part in lists(doc, r.part, r.frame.as_ref())? {
        let n = doc.part(part)?.len();
        if i < n {
            let mut path = vec![i];
            path.extend(rest.iter().map(|k| k.saturating_sub(1)));
            return Some(Location { part, path });
        }
        i -= n;
    }
    None
}

/// The paragraph at a place of the draft as issued.
pub fn at<'a>(doc: &'a Document, r: &ParaRef) -> Option<&'a Paragraph> {
    if r.path.contains(&0) {
        return None;
    }
    doc.at(&location(doc, r)?)
}

/// The place a drafter names for a model location; `None` for a report section.
pub fn para_ref(doc: &Document, loc: &Location) -> Option<ParaRef> {
    let path = |top: usize| {
        let mut p = vec![top + 1];
        p.extend(loc.path.iter().skip(1).map(|i| i + 1));
        p
    };
    let top = loc.top();
    let part_frame = |k: usize| doc.parts.get(k).map(|p| Frame::Part(p.name(k)));
    Some(match loc.part {
        Part::Preamble => ParaRef::new(PartRef::Preamble, path(top)),
        Part::Operative => ParaRef::new(PartRef::Operative, path(top)),
        Part::PartPreamble(k) => ParaRef::new(PartRef::Preamble, path(top)).within(part_frame(k)),
        Part::PartOperative(k) => ParaRef::new(PartRef::Operative, path(top)).within(part_frame(k)),
        Part::Annex(a) | Part::AnnexSection(a, _) => {
            let annex = doc.annexes.get(a)?;
            let before: usize = match loc.part {
                Part::AnnexSection(_, s) => {
                    annex.paragraphs.len()
                        + annex.sections[..s.min(annex.sections.len())]
                            .iter()
                            .map(|x| x.paragraphs.len())
                            .sum::<usize>()
                }
                _ => 0,
            };
            // A lone annex with no label is "the annex"; else by its label.
            let label = if annex.label.is_empty() && doc.annexes.len() == 1 {
                String::new()
            } else {
                annex.label.clone()
            };
            ParaRef::new(PartRef::Operative, path(before + top)).within(Some(Frame::Annex(label)))
        }
        Part::Section(_) => return None,
    })
}

/// The frame of a model list (`None` for the resolution's own lists and report sections).
pub fn frame_of(doc: &Document, part: Part) -> Option<Frame> {
    match part {
        Part::Preamble | Part::Operative | Part::Section(_) => None,
        _ => {
            para_ref(
                doc,
                &Location {
                    part,
                    path: vec![0],
                },
            )?
            .frame
        }
    }
}

/// The part of a model list.
pub fn part_of(part: Part) -> PartRef {
    if part.is_preamble() {
        PartRef::Preamble
    } else {
        PartRef::Operative
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Annex, DocKind, Id, ResolutionPart, Section};

    fn p(id: &str) -> Paragraph {
        Paragraph::new(Id::new(id), "", "text")
    }

    #[test]
    fn places_in_parts_and_annexes_both_ways() {
        let mut d = Document::new(DocKind::Resolution);
        d.operative = vec![p("o1")];
        d.parts = vec![
            ResolutionPart {
                label: "I".into(),
                operative: vec![p("a1")],
                ..Default::default()
            },
            ResolutionPart {
                label: "II".into(),
                preamble: vec![p("b0")],
                operative: vec![p("b1"), p("b2")],
                ..Default::default()
            },
        ];
        d.annexes = vec![Annex {
            paragraphs: vec![p("x1")],
            sections: vec![Section {
                paragraphs: vec![p("x2"), p("x3")],
                ..Default::default()
            }],
            ..Default::default()
        }];
        let op2 = ParaRef::new(PartRef::Operative, vec![2]).within(Some(Frame::Part("II".into())));
        assert_eq!(at(&d, &op2).unwrap().id, Id::new("b2"));
        let ax3 =
            ParaRef::new(PartRef::Operative, vec![3]).within(Some(Frame::Annex(String::new())));
        assert_eq!(at(&d, &ax3).unwrap().id, Id::new("x3"));
        for r in [op2, ax3] {
            let loc = location(&d, &r).unwrap();
            assert_eq!(para_ref(&d, &loc), Some(r));
        }
        let missing =
            ParaRef::new(PartRef::Operative, vec![1]).within(Some(Frame::Part("IX".into())));
        assert!(at(&d, &missing).is_none());
        assert_eq!(
            frame_of(&d, Part::PartPreamble(1)),
            Some(Frame::Part("II".into()))
        );
    }
}
