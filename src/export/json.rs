//! The JSON export: the whole model for scripts, with the numbers, labels and footnote
//! numbers derived from position.
//!
//! Shape: `kind`, `header` (every field, `sponsors` as a list), `authoring_body`,
//! `preamble` and `operative` (paragraphs: `id`, `lead`, `text` with markup, `plain`,
//! `number` — null for preambular paragraphs — and `subparagraphs` with a bare `label` such
//! as "a" or "ii"), `sections` (`id`, `label`, `level`, `heading`, `numbered`, `paragraphs`;
//! never a `number` key, so a section is not mistaken for a paragraph), `first_number`,
//! `footnotes` (`id`, `number`, `text`, `anchor`) in number order, and `notes`.

use crate::markup;
use crate::model::{Document, Id, ListStyle, Paragraph, Part, Section};
use crate::numbering;
use serde_json::{Value, json};

pub(super) fn render(doc: &Document) -> Value {
    let h = &doc.header;
    let header = json!({
        "issuing_body": h.issuing_body,
        "organ": h.organ,
        "symbol": h.symbol,
        "distribution": h.distribution,
        "date": h.date,
        "original_language": h.original_language,
        "session": h.session,
        "place_and_dates": h.place_and_dates,
        "agenda_item": h.agenda_item,
        "agenda_title": h.agenda_title,
        "sponsors": h.sponsors,
        "sponsors_note": h.sponsors_note,
        "stage": h.stage,
        "title": h.title,
        "adoption": h.adoption,
        "committee_reference": h.committee_reference,
        "resolution_number": h.resolution_number,
    });
    let top = |part: Part, list: &[Paragraph]| -> Vec<Value> {
        list.iter()
            .enumerate()
            .map(|(i, p)| {
                let mut v = paragraph(p, 1);
                v["number"] = numbering::number(doc, part, i).map_or(Value::Null, Value::from);
                v
            })
            .collect()
    };
    let section = |part: Part, s: &Section| {
        json!({
            "id": s.id,
            "label": s.label,
            "level": s.level,
            "heading": s.heading,
            "numbered": s.numbered,
            "paragraphs": top(part, &s.paragraphs),
        })
    };
    let sections: Vec<Value> = doc
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| section(Part::Section(i), s))
        .collect();
    let headings: Vec<Value> = doc
        .headings
        .iter()
        .map(|h| {
            json!({
                "id": h.id,
                "label": h.label,
                "heading": h.heading,
                "level": h.level,
                "before": h.before,
            })
        })
        .collect();
    let parts: Vec<Value> = doc
        .parts
        .iter()
        .enumerate()
        .map(|(k, p)| {
            json!({
                "id": p.id,
                "label": p.label,
                "heading": p.heading,
                "preamble": top(Part::PartPreamble(k), &p.preamble),
                "operative": top(Part::PartOperative(k), &p.operative),
            })
        })
        .collect();
    let annexes: Vec<Value> = doc
        .annexes
        .iter()
        .enumerate()
        .map(|(a, x)| {
            let mut anchored = std::collections::HashSet::new();
            doc.walk(&mut |p, loc| {
                if loc.part.annex() == Some(a) {
                    anchored.insert(p.id.clone());
                }
            });
            let footnotes: Vec<&Id> = numbering::numbered_footnotes(doc)
                .into_iter()
                .filter(|(_, f)| anchored.contains(&f.anchor))
                .map(|(_, f)| &f.id)
                .collect();
            json!({
                "id": x.id,
                "label": x.label,
                "title": x.title,
                "numbered": x.numbered,
                "paragraphs": top(Part::Annex(a), &x.paragraphs),
                "sections": x
                    .sections
                    .iter()
                    .enumerate()
                    .map(|(i, s)| section(Part::AnnexSection(a, i), s))
                    .collect::<Vec<_>>(),
                "footnotes": footnotes,
            })
        })
        .collect();
    let footnotes: Vec<Value> = numbering::numbered_footnotes(doc)
        .into_iter()
        .map(|(n, f)| {
            json!({
                "id": f.id,
                "number": n,
                "text": f.text,
                "plain": markup::strip(&f.text),
                "anchor": f.anchor,
            })
        })
        .collect();
    json!({
        "kind": doc.kind,
        "header": header,
        "authoring_body": doc.authoring_body,
        "preamble": top(Part::Preamble, &doc.preamble),
        "operative": top(Part::Operative, &doc.operative),
        "headings": headings,
        "parts": parts,
        "sections": sections,
        "annexes": annexes,
        "first_number": doc.first_number,
        "footnotes": footnotes,
        "notes": doc.notes,
    })
}

/// A paragraph without its number; `depth` is the level of its sub-paragraphs.
fn paragraph(p: &Paragraph, depth: usize) -> Value {
    let subs: Vec<Value> = p
        .subparagraphs
        .iter()
        .enumerate()
        .map(|(i, sp)| {
            let mut v = paragraph(sp, depth + 1);
            // The paragraphs an amendment quotes have no label.
            if p.list_style != ListStyle::Quoted {
                v["label"] = Value::from(numbering::sub_label(depth, i, p.list_style));
            }
            v
        })
        .collect();
    json!({
        "id": p.id,
        "lead": p.lead,
        "text": p.text,
        "plain": markup::strip(&p.text),
        "subparagraphs": subs,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Annex, DocKind, Heading, ResolutionPart};

    #[test]
    fn numbers_and_labels_are_derived() {
        let mut doc = Document::new(DocKind::Resolution);
        doc.preamble
            .push(Paragraph::new(Id::new("p1"), "Recalling", "x,"));
        let mut op = Paragraph::new(Id::new("p2"), "Decides", "*that*:");
        let mut sub = Paragraph::new(Id::new("p3"), "", "a;");
        sub.subparagraphs
            .push(Paragraph::new(Id::new("p4"), "", "i."));
        op.subparagraphs.push(sub);
        doc.operative.push(op);
        let v = render(&doc);
        assert_eq!(v["preamble"][0]["number"], Value::Null);
        assert_eq!(v["operative"][0]["number"], 1);
        assert_eq!(v["operative"][0]["plain"], "that:");
        assert_eq!(v["operative"][0]["subparagraphs"][0]["label"], "a");
        assert_eq!(
            v["operative"][0]["subparagraphs"][0]["subparagraphs"][0]["label"],
            "i"
        );
    }

    #[test]
    fn sections_have_no_number_key() {
        let mut doc = Document::new(DocKind::Report);
        doc.sections.push(Section {
            id: Id::new("s1"),
            level: 1,
            label: "I".into(),
            heading: "Introduction".into(),
            numbered: true,
            paragraphs: vec![Paragraph::new(Id::new("p1"), "", "Text.")],
        });
        let v = render(&doc);
        assert!(v["sections"][0].get("number").is_none());
        assert_eq!(v["sections"][0]["paragraphs"][0]["number"], 1);
    }

    #[test]
    fn headings_parts_and_annexes() {
        let mut doc = Document::new(DocKind::Resolution);
        doc.operative
            .push(Paragraph::new(Id::new("p1"), "Decides", "x;"));
        doc.operative
            .push(Paragraph::new(Id::new("p2"), "Requests", "y.[^f1]"));
        doc.headings.push(Heading {
            id: Id::new("h1"),
            level: 1,
            label: "II".into(),
            heading: "Follow-up".into(),
            before: Id::new("p2"),
        });
        doc.parts.push(ResolutionPart {
            id: Id::new("part1"),
            label: "B".into(),
            heading: "Lights".into(),
            preamble: vec![Paragraph::new(Id::new("p3"), "Noting", "z,")],
            operative: vec![Paragraph::new(Id::new("p4"), "Decides", "w.")],
        });
        doc.annexes.push(Annex {
            id: Id::new("annex1"),
            title: "Declaration".into(),
            paragraphs: vec![Paragraph::new(Id::new("p5"), "", "We agree.[^f2]")],
            ..Annex::default()
        });
        for (id, anchor) in [("f1", "p2"), ("f2", "p5")] {
            doc.footnotes.push(crate::model::Footnote {
                id: Id::new(id),
                anchor: Id::new(anchor),
                text: "A note.".into(),
            });
        }
        let v = render(&doc);
        assert_eq!(v["operative"][1]["number"], 2);
        assert_eq!(v["headings"][0]["before"], "p2");
        assert_eq!(v["headings"][0]["label"], "II");
        assert_eq!(v["parts"][0]["operative"][0]["number"], 1);
        assert_eq!(v["parts"][0]["preamble"][0]["number"], Value::Null);
        assert_eq!(v["annexes"][0]["paragraphs"][0]["number"], 1);
        assert_eq!(v["annexes"][0]["footnotes"], json!(["f2"]));
    }
}
