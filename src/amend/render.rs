//! Writing instructions in UN wording: "In the second preambular paragraph, delete “of
//! Ukraine”.", "Delete operative paragraphs 5, 6, 10 and 13.", "After operative paragraph 4,
//! insert two new operative paragraphs reading:" followed by the new text, one paragraph a
//! line. What [`super::parse`] reads back.

use super::{
    Frame, HeadingRef, Instruction, NewFrame, NewHeading, Op, ParaRef, PartRef, Position, Scope,
    TextOp, ordinal,
};
use crate::model::{ListStyle, Paragraph};
use crate::numbering;

/// The largest preambular paragraph named by its ordinal word (higher ones by number).
const WORDS_UP_TO: usize = 99;

/// Letters of a sub-paragraph path below its paragraph ("(b) (ii)").
fn labels(path: &[usize]) -> String {
    path.iter()
        .enumerate()
        .skip(1)
        .map(|(depth, i)| {
            format!(
                " ({})",
                numbering::sub_label(depth, i.saturating_sub(1), ListStyle::Default)
            )
        })
        .collect()
}

/// The name of a place: "the forty-first preambular paragraph", "operative paragraph 9 (b)",
/// "operative paragraph 3 of section II", "paragraph 5 (a) of the annex".
pub fn place(r: &ParaRef) -> String {
    match &r.frame {
        None => bare_place(r),
        Some(f) => format!("{} of {}", bare_place(r), f.name()),
    }
}

/// The name of a place without its part or annex.
fn bare_place(r: &ParaRef) -> String {
    let n = r.path.first().copied().unwrap_or(0);
    if r.in_annex() {
        return format!("paragraph {n}{}", labels(&r.path));
    }
    match r.part {
        PartRef::Preamble if n <= WORDS_UP_TO => {
            format!(
                "the {} preambular paragraph{}",
                ordinal::word(n),
                labels(&r.path)
            )
        }
        PartRef::Preamble => format!("preambular paragraph {n}{}", labels(&r.path)),
        PartRef::Operative => format!("operative paragraph {n}{}", labels(&r.path)),
    }
}

/// "a, b and c".
pub fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The names of several places, grouped as the UN writes them: "the sixteenth and twentieth
/// preambular paragraphs and operative paragraphs 5, 6 and 9 (b)"; places in parts and
/// annexes first, each group followed by its "of section II" (a reader takes "of …" to
/// qualify the places since the last one).
pub fn places(refs: &[ParaRef]) -> String {
    let mut frames: Vec<&Frame> = Vec::new();
    for r in refs {
        if let Some(f) = &r.frame
            && !frames.contains(&f)
        {
            frames.push(f);
        }
    }
    let mut groups = Vec::new();
    for f in frames {
        let inside: Vec<ParaRef> = refs
            .iter()
            .filter(|r| r.frame.as_ref() == Some(f))
            .map(|r| r.clone().within(None))
            .collect();
        let annex = matches!(f, Frame::Annex(_));
        let names = if annex {
            let nums: Vec<String> = inside
                .iter()
                .map(|r| format!("{}{}", r.path[0], labels(&r.path)))
                .collect();
            match nums.as_slice() {
                [one] => format!("paragraph {one}"),
                _ => format!("paragraphs {}", list(&nums)),
            }
        } else {
            unframed(&inside)
        };
        groups.push(format!("{names} of {}", f.name()));
    }
    let rest: Vec<ParaRef> = refs.iter().filter(|r| r.frame.is_none()).cloned().collect();
    if !rest.is_empty() {
        groups.push(unframed(&rest));
    }
    list(&groups)
}

/// The names of places of the resolution's own preamble and operative part.
fn unframed(refs: &[ParaRef]) -> String {
    let mut groups = Vec::new();
    let pre: Vec<&ParaRef> = refs
        .iter()
        .filter(|r| r.part == PartRef::Preamble && !r.is_sub() && r.path[0] <= WORDS_UP_TO)
        .collect();
    match pre.as_slice() {
        [] => {}
        [one] => groups.push(place(one)),
        many => {
            let words: Vec<String> = many.iter().map(|r| ordinal::word(r.path[0])).collect();
            groups.push(format!("the {} preambular paragraphs", list(&words)));
        }
    }
    for r in refs
        .iter()
        .filter(|r| r.part == PartRef::Preamble && !pre.contains(r))
    {
        groups.push(place(r));
    }
    let ops: Vec<String> = refs
        .iter()
        .filter(|r| r.part == PartRef::Operative)
        .map(|r| format!("{}{}", r.path[0], labels(&r.path)))
        .collect();
    match ops.len() {
        0 => {}
        1 => groups.push(format!("operative paragraph {}", ops[0])),
        _ => groups.push(format!("operative paragraphs {}", list(&ops))),
    }
    list(&groups)
}

fn scope_names(scopes: &[Scope]) -> String {
    let refs: Vec<ParaRef> = scopes
        .iter()
        .filter_map(|s| match s {
            Scope::Paragraph(r) => Some(r.clone()),
            _ => None,
        })
        .collect();
    let mut names = Vec::new();
    for s in scopes {
        match s {
            Scope::Title => names.push("the title".to_string()),
            Scope::Heading(h) => names.push(h.name()),
            Scope::Preamble => names.push("the preambular paragraphs".to_string()),
            Scope::Operative => names.push("the operative paragraphs".to_string()),
            Scope::Footnote(n) => names.push(format!("footnote {n}")),
            Scope::Paragraph(_) => {}
        }
    }
    if !refs.is_empty() {
        names.push(places(&refs));
    }
    list(&names)
}

/// Whether a change of words is written "Replace “a” with “b” in the title, the preambular
/// paragraphs …" (every occurrence in several places) rather than "In …, replace …".
fn is_wide_form(scopes: &[Scope]) -> bool {
    scopes.iter().any(Scope::is_wide) && scopes != [Scope::Title]
}

fn q(s: &str) -> String {
    format!("“{s}”")
}

/// One change of words: "replace “a” with “b”".
pub fn clause(op: &TextOp) -> String {
    match op {
        TextOp::Delete(x) => format!("delete {}", q(x)),
        TextOp::Replace { old, new } => format!("replace {} with {}", q(old), q(new)),
        TextOp::InsertAfter { anchor, text } => format!("insert {} after {}", q(text), q(anchor)),
        TextOp::InsertBefore { anchor, text } => {
            format!("insert {} before {}", q(text), q(anchor))
        }
    }
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn count(n: usize) -> String {
    const WORDS: [&str; 11] = [
        "no", "a", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| w.to_string())
}

/// "insert two new operative paragraphs reading:".
fn new_paragraphs(n: usize, sub: bool, part: PartRef, annex: bool) -> String {
    let kind = match (sub, part) {
        (true, _) => "subparagraph",
        (false, _) if annex => "paragraph",
        (false, PartRef::Preamble) => "preambular paragraph",
        (false, PartRef::Operative) => "operative paragraph",
    };
    format!(
        "insert {} new {kind}{} reading:",
        count(n),
        if n == 1 { "" } else { "s" }
    )
}

fn position(at: &Position) -> String {
    match at {
        Position::After(r) => format!("After {}", place(r)),
        Position::Before(r) => format!("Before {}", place(r)),
        Position::EndOf(PartRef::Preamble, None) => "At the end of the preamble".into(),
        Position::EndOf(PartRef::Operative, None) => "At the end of the operative part".into(),
        Position::EndOf(_, Some(r)) => format!("At the end of {}", place(r)),
        Position::EndOfFrame(_, f @ Frame::Annex(_)) => format!("At the end of {}", f.name()),
        Position::EndOfFrame(PartRef::Preamble, f) => {
            format!("At the end of the preamble of {}", f.name())
        }
        Position::EndOfFrame(PartRef::Operative, f) => {
            format!("At the end of the operative part of {}", f.name())
        }
    }
}

/// The new text of inserted or replacing paragraphs: one line a paragraph, sub-paragraphs
/// with their labels.
fn reading(paragraphs: &[Paragraph], out: &mut Vec<String>) {
    fn rec(p: &Paragraph, label: Option<String>, depth: usize, out: &mut Vec<String>) {
        let text = p.full_text();
        out.push(match label {
            Some(l) => format!("({l}) {text}"),
            None => text,
        });
        for (i, sp) in p.subparagraphs.iter().enumerate() {
            let l = numbering::sub_label(depth + 1, i, p.list_style);
            rec(sp, Some(l), depth + 1, out);
        }
    }
    for p in paragraphs {
        rec(p, None, 0, out);
    }
}

/// "heading", "subheading", "sub-subheading" by level.
pub fn heading_kind(level: u8) -> &'static str {
    match level {
        0 | 1 => "heading",
        2 => "subheading",
        _ => "sub-subheading",
    }
}

/// A heading as printed on one line: “III. Capacity-building”, “III”, or its words alone.
pub fn heading_line(label: &str, text: &str) -> String {
    match (label.is_empty(), text.is_empty()) {
        (true, _) => text.to_string(),
        (false, true) => label.to_string(),
        (false, false) => format!("{label}. {text}"),
    }
}

/// "section III", "annex II", "annex" (a lone one): how a new part or annex is named.
fn new_frame_name(f: &NewFrame) -> String {
    match f {
        NewFrame::Part(p) if p.label.is_empty() => "section".into(),
        NewFrame::Part(p) => format!("section {}", p.label),
        NewFrame::Annex(a) if a.label.is_empty() => "annex".into(),
        NewFrame::Annex(a) => format!("annex {}", a.label),
    }
}

/// The text of a new part (its preamble, then its operative paragraphs, as many as the
/// sentence says) or annex (its paragraphs, each section's heading on its own line before
/// the section's paragraphs). Paragraphs are not numbered: a number would read as the next
/// instruction's.
pub fn frame_reading(f: &NewFrame, out: &mut Vec<String>) {
    match f {
        NewFrame::Part(p) => {
            reading(&p.preamble, out);
            reading(&p.operative, out);
        }
        NewFrame::Annex(a) => {
            reading(&a.paragraphs, out);
            for s in &a.sections {
                out.push(heading_line(&s.label, &s.heading));
                reading(&s.paragraphs, out);
            }
        }
    }
}

/// "with two preambular paragraphs and three operative paragraphs" for a new part; "with
/// unnumbered paragraphs" for an annex whose paragraphs are not numbered.
fn frame_contents(f: &NewFrame) -> String {
    let n = |k: usize, what: &str| match k {
        1 if what.starts_with('o') => format!("an {what} paragraph"),
        _ => format!(
            "{} {what} paragraph{}",
            count(k),
            if k == 1 { "" } else { "s" }
        ),
    };
    match f {
        NewFrame::Part(p) => {
            let mut v = Vec::new();
            if !p.preamble.is_empty() {
                v.push(n(p.preamble.len(), "preambular"));
            }
            v.push(n(p.operative.len(), "operative"));
            format!(" with {}", list(&v))
        }
        NewFrame::Annex(a) if !a.numbered => " with unnumbered paragraphs".into(),
        NewFrame::Annex(_) => String::new(),
    }
}

fn move_to(what: &str, to: &Position) -> String {
    match to {
        Position::Before(r) => format!("Move {what} to precede {}.", place(r)),
        Position::After(r) => format!("Move {what} to follow {}.", place(r)),
        Position::EndOf(..) | Position::EndOfFrame(..) => format!("Move {what} to the end."),
    }
}

fn new_heading(at: &Position, h: &NewHeading) -> String {
    format!(
        "{}, insert a new {} reading {}.",
        position(at),
        heading_kind(h.level),
        q(&heading_line(&h.label, &h.text))
    )
}

fn heading_name(h: &HeadingRef) -> String {
    h.name()
}

/// The sentence (and new text) of one operation.
fn op_text(op: &Op) -> (String, Vec<String>) {
    let mut body = Vec::new();
    let s = match op {
        Op::Text { scopes, op } if is_wide_form(scopes) => {
            format!("{} in {}.", capital(&clause(op)), scope_names(scopes))
        }
        Op::Text { scopes, op } => format!("In {}, {}.", scope_names(scopes), clause(op)),
        Op::Delete(refs) => format!("Delete {}.", places(refs)),
        Op::Insert { at, paragraphs } => {
            let sub = at.parent().is_some();
            let annex = matches!(at.frame(), Some(Frame::Annex(_)));
            reading(paragraphs, &mut body);
            format!(
                "{}, {}",
                position(at),
                new_paragraphs(paragraphs.len(), sub, at.part(), annex)
            )
        }
        Op::Replace { target, paragraphs } => {
            reading(paragraphs, &mut body);
            format!("Replace {} with the following:", place(target))
        }
        Op::Move { target, to } => move_to(&place(target), to),
        Op::InsertHeading { at, heading } => new_heading(at, heading),
        Op::DeleteHeading(h) => format!("Delete {}.", heading_name(h)),
        Op::MoveHeading { heading, to } => move_to(&heading_name(heading), to),
        Op::DeleteFrame(f) => format!("Delete {}.", f.name()),
        Op::Renumber => String::new(),
        Op::AddFrame(f) => {
            frame_reading(f, &mut body);
            let title = match f {
                NewFrame::Part(p) => &p.heading,
                NewFrame::Annex(a) => &a.title,
            };
            let entitled = if title.is_empty() {
                String::new()
            } else {
                format!(", entitled {},", q(title))
            };
            let contents = frame_contents(f);
            let end = if body.is_empty() { "." } else { " reading:" };
            format!("Add a new {}{entitled}{contents}{end}", new_frame_name(f))
        }
    };
    (s, body)
}

/// The instruction's sentence: its operations, changes of words in the same places joined
/// in one sentence ("In operative paragraph 5, replace “a” with “b” and delete “c”.").
pub fn sentence(ins: &Instruction) -> (String, Vec<String>) {
    let text_scopes: Vec<&Vec<Scope>> = ins
        .ops
        .iter()
        .filter_map(|o| match o {
            Op::Text { scopes, .. } => Some(scopes),
            _ => None,
        })
        .collect();
    let same = text_scopes.len() == ins.ops.len()
        && text_scopes.len() > 1
        && text_scopes.windows(2).all(|w| w[0] == w[1])
        && !is_wide_form(text_scopes[0]);
    if same {
        let clauses: Vec<String> = ins
            .ops
            .iter()
            .filter_map(|o| match o {
                Op::Text { op, .. } => Some(clause(op)),
                _ => None,
            })
            .collect();
        return (
            format!("In {}, {}.", scope_names(text_scopes[0]), list(&clauses)),
            Vec::new(),
        );
    }
    let mut sentences = Vec::new();
    let mut body = Vec::new();
    for op in ins.ops.iter().filter(|o| **o != Op::Renumber) {
        let (s, b) = op_text(op);
        sentences.push(s);
        body.extend(b);
    }
    let mut s = sentences.join(" ");
    if ins.ops.contains(&Op::Renumber) {
        let what = renumbered(&ins.ops);
        let clause = format!(" and renumber the subsequent {what} accordingly");
        match s.strip_suffix(" reading:") {
            Some(head) => s = format!("{},{clause}, reading:", head.trim_end_matches(',')),
            None => {
                let head = s.trim_end_matches('.').to_string();
                s = format!("{head}{clause}.");
            }
        }
    }
    (s, body)
}

/// What a renumbering clause names: "headings", "sections", "annexes".
fn renumbered(ops: &[Op]) -> &'static str {
    for op in ops {
        match op {
            Op::DeleteFrame(Frame::Annex(_)) | Op::AddFrame(NewFrame::Annex(_)) => {
                return "annexes";
            }
            Op::DeleteFrame(Frame::Part(_)) | Op::AddFrame(NewFrame::Part(_)) => {
                return "sections";
            }
            _ => {}
        }
    }
    "headings"
}

/// The instructions as an amendment text: "1. In …", one instruction a paragraph, the new
/// text of an insertion after a blank line, one paragraph a line; then the new footnotes.
pub fn render(instructions: &[Instruction], footnotes: &[(String, String)]) -> String {
    let mut out = String::new();
    for ins in instructions {
        let (s, body) = sentence(ins);
        out.push_str(&format!("{}. {s}\n", ins.number));
        if !body.is_empty() {
            for b in body {
                out.push('\n');
                out.push_str(&b);
                out.push('\n');
            }
        }
        out.push('\n');
    }
    if !footnotes.is_empty() {
        out.push_str("__________________\n\n");
        for (mark, text) in footnotes {
            out.push_str(&format!("{mark} {text}\n\n"));
        }
    }
    out.truncate(out.trim_end().len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_parts_and_annexes_as_the_un_writes_them() {
        let op = |n| ParaRef::new(PartRef::Operative, vec![n]);
        let ins = |ops: Vec<Op>| Instruction {
            number: 1,
            ops,
            wording: String::new(),
        };
        let heading = NewHeading {
            level: 1,
            label: "III".into(),
            text: "Capacity-building".into(),
        };
        let (s, _) = sentence(&ins(vec![
            Op::InsertHeading {
                at: Position::After(op(12)),
                heading,
            },
            Op::Renumber,
        ]));
        assert_eq!(
            s,
            "After operative paragraph 12, insert a new heading reading “III. Capacity-building” and renumber the subsequent headings accordingly."
        );
        let (s, _) = sentence(&ins(vec![Op::DeleteFrame(Frame::Part("II".into()))]));
        assert_eq!(s, "Delete section II.");
        let (s, _) = sentence(&ins(vec![Op::DeleteHeading(HeadingRef::Section(
            "II".into(),
        ))]));
        assert_eq!(s, "Delete the heading of section II.");
        let part = crate::model::ResolutionPart {
            label: "III".into(),
            heading: "Towers".into(),
            operative: vec![Paragraph::new(
                Default::default(),
                "Decides",
                "to paint them.",
            )],
            ..Default::default()
        };
        let (s, body) = sentence(&ins(vec![Op::AddFrame(NewFrame::Part(part))]));
        assert_eq!(
            s,
            "Add a new section III, entitled “Towers”, with an operative paragraph reading:"
        );
        assert_eq!(body, ["Decides to paint them."]);
        for text in [
            "After operative paragraph 12, insert a new heading reading “III. Capacity-building” and renumber the subsequent headings accordingly.",
            "Delete section II.",
            "Delete the heading of section II.",
            "Move the heading of section II to follow operative paragraph 4.",
            "Add a new section III, entitled “Towers”, with an operative paragraph reading:\n\nDecides to paint them.",
        ] {
            let parsed = crate::amend::parse_instructions(text).unwrap();
            assert_eq!(sentence(&parsed[0]).0, text.split('\n').next().unwrap());
        }
    }

    #[test]
    fn names_as_the_un_writes_them() {
        let pp = |n| ParaRef::new(PartRef::Preamble, vec![n]);
        let op = |p: &[usize]| ParaRef::new(PartRef::Operative, p.to_vec());
        assert_eq!(place(&pp(41)), "the forty-first preambular paragraph");
        assert_eq!(place(&op(&[9, 2])), "operative paragraph 9 (b)");
        assert_eq!(
            places(&[op(&[5]), op(&[6]), op(&[10]), op(&[13])]),
            "operative paragraphs 5, 6, 10 and 13"
        );
        assert_eq!(
            places(&[pp(16), pp(20), pp(23)]),
            "the sixteenth, twentieth and twenty-third preambular paragraphs"
        );
        assert_eq!(
            places(&[pp(21), op(&[35]), op(&[38])]),
            "the twenty-first preambular paragraph and operative paragraphs 35 and 38"
        );
        let ii = Some(Frame::Part("II".into()));
        let annex = Some(Frame::Annex(String::new()));
        assert_eq!(
            place(&op(&[3]).within(ii.clone())),
            "operative paragraph 3 of section II"
        );
        assert_eq!(
            place(&op(&[5, 1]).within(annex.clone())),
            "paragraph 5 (a) of the annex"
        );
        assert_eq!(
            places(&[
                pp(2),
                op(&[3]).within(ii.clone()),
                op(&[4]).within(ii),
                op(&[7]).within(annex)
            ]),
            "operative paragraphs 3 and 4 of section II, paragraph 7 of the annex and the second preambular paragraph"
        );
    }
}
