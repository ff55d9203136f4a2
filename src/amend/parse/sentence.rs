//! The sentence of one instruction: its quotations cut out (a skeleton with `«n»` in their
//! place), the changes of words split into clauses ("replace «0» with «1» and delete «2»"),
//! and the sentence forms of the UN's documents read into [`Op`]s: "In …, delete …",
//! "Replace … in the title, …", "After …, insert a new … paragraph reading:", "Replace …
//! with the following:", "Move … to follow …", "Delete …".

use super::places::{Place, one_paragraph, places};
use super::re;
use super::reading::{heading_line, read_annex, read_paragraphs, read_part};
use crate::amend::{Frame, NewFrame, NewHeading, Op, PartRef, Position, Scope, TextOp};
use regex::Regex;
use std::sync::OnceLock;

/// A sentence cut into plain text with each quotation replaced by `«n»`, and the quotations.
fn skeleton(s: &str) -> Result<(String, Vec<String>), String> {
    let typographic = s.contains('“');
    let mut sk = String::new();
    let mut quotes = Vec::new();
    let mut depth = 0;
    let mut cur = String::new();
    for c in s.chars() {
        let (open, close) = if typographic {
            (c == '“', c == '”')
        } else {
            (c == '"' && depth == 0, c == '"' && depth > 0)
        };
        if open {
            if depth > 0 {
                cur.push(c);
            }
            depth += 1;
        } else if close && depth > 0 {
            depth -= 1;
            if depth == 0 {
                sk.push_str(&format!("«{}»", quotes.len()));
                quotes.push(std::mem::take(&mut cur));
            } else {
                cur.push(c);
            }
        } else if depth > 0 {
            cur.push(c);
        } else {
            sk.push(c);
        }
    }
    if depth > 0 {
        return Err("a quotation is not closed (“ without ”)".into());
    }
    let sk = sk.split_whitespace().collect::<Vec<_>>().join(" ");
    Ok((sk, quotes))
}

/// The clause words that open a change of words.
const CLAUSE_WORDS: &[&str] = &[
    "delete ", "replace ", "insert ", "add ", "after ", "before ",
];

/// Splits "replace «0» with «1», delete «2» and insert «3» after «4»" into clauses.
fn split_clauses(s: &str) -> Vec<String> {
    let lower = s.to_lowercase();
    let mut cuts = vec![0];
    for (i, _) in lower.char_indices() {
        if i == 0 {
            continue;
        }
        let rest = &lower[i..];
        if !CLAUSE_WORDS.iter().any(|w| rest.starts_with(w)) {
            continue;
        }
        let before = &lower[..i];
        let sep = [", and ", "; and ", ", ", "; ", " and "]
            .iter()
            .find(|p| before.ends_with(*p));
        let last = *cuts.last().unwrap_or(&0);
        let segment = lower[last..i].trim().trim_end_matches(',');
        let anchor_only = (segment.starts_with("after «") || segment.starts_with("before «"))
            && segment.ends_with('»')
            && segment.matches('«').count() == 1;
        if let Some(sep) = sep
            && !anchor_only
            && before[..before.len() - sep.len()].ends_with('»')
        {
            cuts.push(i);
        }
    }
    cuts.push(s.len());
    cuts.windows(2)
        .map(|w| {
            s[w[0]..w[1]]
                .trim()
                .trim_end_matches(" and")
                .trim_end_matches([',', ';'])
                .trim()
                .to_string()
        })
        .collect()
}

fn quote_at(quotes: &[String], s: &str) -> Result<String, String> {
    let n: usize = s.parse().map_err(|_| "bad quotation".to_string())?;
    quotes
        .get(n)
        .map(|q| q.split_whitespace().collect::<Vec<_>>().join(" "))
        .ok_or_else(|| "bad quotation".to_string())
}

/// One change of words: "delete «0»", "replace «0» with «1»", "insert «0» after «1»" …
fn clause(s: &str, quotes: &[String]) -> Result<TextOp, String> {
    static DEL: OnceLock<Regex> = OnceLock::new();
    static REP: OnceLock<Regex> = OnceLock::new();
    static INS_AFTER: OnceLock<Regex> = OnceLock::new();
    static AFTER_INS: OnceLock<Regex> = OnceLock::new();
    static INS_BEFORE: OnceLock<Regex> = OnceLock::new();
    static BEFORE_INS: OnceLock<Regex> = OnceLock::new();
    let q = |c: &regex::Captures, i: usize| quote_at(quotes, &c[i]);
    if let Some(c) = re(&DEL, r"(?i)^delete «(\d+)»$").captures(s) {
        return Ok(TextOp::Delete(q(&c, 1)?));
    }
    if let Some(c) = re(&REP, r"(?i)^replace «(\d+)» (?:with|by) «(\d+)»$").captures(s) {
        return Ok(TextOp::Replace {
            old: q(&c, 1)?,
            new: q(&c, 2)?,
        });
    }
    if let Some(c) = re(&INS_AFTER, r"(?i)^(?:insert|add) «(\d+)» after «(\d+)»$").captures(s) {
        return Ok(TextOp::InsertAfter {
            anchor: q(&c, 2)?,
            text: q(&c, 1)?,
        });
    }
    if let Some(c) = re(&AFTER_INS, r"(?i)^after «(\d+)»,? (?:insert|add) «(\d+)»$").captures(s)
    {
        return Ok(TextOp::InsertAfter {
            anchor: q(&c, 1)?,
            text: q(&c, 2)?,
        });
    }
    if let Some(c) = re(&INS_BEFORE, r"(?i)^(?:insert|add) «(\d+)» before «(\d+)»$").captures(s)
    {
        return Ok(TextOp::InsertBefore {
            anchor: q(&c, 2)?,
            text: q(&c, 1)?,
        });
    }
    if let Some(c) = re(
        &BEFORE_INS,
        r"(?i)^before «(\d+)»,? (?:insert|add) «(\d+)»$",
    )
    .captures(s)
    {
        return Ok(TextOp::InsertBefore {
            anchor: q(&c, 1)?,
            text: q(&c, 2)?,
        });
    }
    Err(format!("cannot read the change “{}”", restore(s, quotes)))
}

/// The skeleton with its quotations put back, for messages.
fn restore(s: &str, quotes: &[String]) -> String {
    static Q: OnceLock<Regex> = OnceLock::new();
    re(&Q, r"«(\d+)»")
        .replace_all(s, |c: &regex::Captures| {
            let n: usize = c[1].parse().unwrap_or(usize::MAX);
            format!("“{}”", quotes.get(n).map_or("", String::as_str))
        })
        .into_owned()
}

/// Parses the sentence of an instruction (and the reading that follows it).
pub(super) fn parse_sentence(
    sentence: &str,
    reading: &[String],
    footnotes: &[(String, String)],
) -> Result<Vec<Op>, String> {
    let _ = footnotes;
    let (sk, quotes) = skeleton(sentence)?;
    let sk = sk.trim().trim_end_matches('.').trim().to_string();
    // "… and renumber the subsequent headings accordingly": labels follow.
    static RENUMBER: OnceLock<Regex> = OnceLock::new();
    let renumber = re(
        &RENUMBER,
        r"(?i),? and renumber the (?:subsequent |following |other )?(?:headings|sections|parts|annexes|annex)(?: accordingly)?(?P<comma>,)?",
    );
    if renumber.is_match(&sk) {
        let sk = renumber
            .replace_all(
                &sk,
                |c: &regex::Captures| {
                    if c.name("comma").is_some() { "," } else { "" }
                },
            )
            .into_owned();
        let mut ops = parse_sentence_ops(&sk, &quotes, reading)?;
        ops.push(Op::Renumber);
        return Ok(ops);
    }
    parse_sentence_ops(&sk, &quotes, reading)
}

/// Parses the skeleton of a sentence (its quotations cut out) into operations.
fn parse_sentence_ops(sk: &str, quotes: &[String], reading: &[String]) -> Result<Vec<Op>, String> {
    let sk = sk.to_string();
    let quotes = quotes.to_vec();
    static IN: OnceLock<Regex> = OnceLock::new();
    static WIDE: OnceLock<Regex> = OnceLock::new();
    static INSERT: OnceLock<Regex> = OnceLock::new();
    static REPLACE: OnceLock<Regex> = OnceLock::new();
    static MOVE: OnceLock<Regex> = OnceLock::new();
    static DELETE: OnceLock<Regex> = OnceLock::new();
    let needs_reading = |ops: Vec<Op>| -> Result<Vec<Op>, String> {
        if reading.is_empty() {
            Ok(ops)
        } else {
            Err("text follows an instruction that inserts no paragraph".into())
        }
    };
    // "In the second preambular paragraph, delete «0»."
    if let Some(c) = re(
        &IN,
        r"(?i)^in (?P<places>[^«»]+?),? (?P<clauses>(?:delete|replace|insert|add|after|before) .+)$",
    )
    .captures(&sk)
    {
        let scopes = places(&c["places"])?.into_iter().map(to_scope).collect();
        let scopes: Vec<Scope> = scopes;
        let mut ops = Vec::new();
        for cl in split_clauses(&c["clauses"]) {
            ops.push(Op::Text {
                scopes: scopes.clone(),
                op: clause(&cl, &quotes)?,
            });
        }
        return needs_reading(ops);
    }
    // "Replace «0» with «1» in the title, the preambular paragraphs and …"
    if let Some(c) = re(
        &WIDE,
        r"(?i)^(?P<clause>(?:replace «\d+» (?:with|by) «\d+»|delete «\d+»|(?:insert|add) «\d+» (?:after|before) «\d+»)) (?:in|from|throughout) (?P<places>[^«»]+)$",
    )
    .captures(&sk)
    {
        let p = &c["places"];
        let scopes: Vec<Scope> = if p.trim().eq_ignore_ascii_case("the text")
            || p.trim().eq_ignore_ascii_case("the draft resolution")
        {
            vec![Scope::Title, Scope::Preamble, Scope::Operative]
        } else {
            places(p)?.into_iter().map(to_scope).collect()
        };
        return needs_reading(vec![Op::Text {
            scopes,
            op: clause(&c["clause"], &quotes)?,
        }]);
    }
    if let Some(ops) = structure(&sk, &quotes, reading)? {
        return Ok(ops);
    }
    // "After the fifth preambular paragraph, insert a new preambular paragraph reading:"
    if let Some(c) = re(
        &INSERT,
        r"(?i)^(?P<rel>after|before|at the end of) (?P<place>[^«»]+?),? (?:insert|add) (?:the following|(?:(?P<count>[a-z]+|\d+) )?(?:new|additional))(?: (?P<kind>preambular|operative))? (?:paragraphs?|sub-?paragraphs?)(?: (?:reading|as follows|to read|which reads))?:?$",
    )
    .captures(&sk)
    {
        let (part, parent, at) = insert_position(&c["rel"], &c["place"])?;
        let annex = matches!(at.frame(), Some(Frame::Annex(_)));
        let paragraphs = read_paragraphs(reading, (!annex).then_some(part), parent)?;
        if let Some(count) = c.name("count").map(|m| m.as_str())
            && let Some(n) = cardinal(count)
            && n != paragraphs.len()
        {
            return Err(format!(
                "the instruction inserts {count} paragraphs but {} follow",
                paragraphs.len()
            ));
        }
        return Ok(vec![Op::Insert { at, paragraphs }]);
    }
    // "Replace operative paragraph 7 with the following:" / "Amend … to read:"
    if let Some(c) = re(
        &REPLACE,
        r"(?i)^(?:replace (?P<a>[^«»]+?) (?:with|by) the following(?: text| paragraphs?)?|amend (?P<b>[^«»]+?) to read(?: as follows)?):?$",
    )
    .captures(&sk)
    {
        let place = c.name("a").or(c.name("b")).map_or("", |m| m.as_str());
        let target = one_paragraph(place)?;
        let leads = (!target.in_annex()).then_some(target.part);
        let paragraphs = read_paragraphs(reading, leads, target.is_sub())?;
        return Ok(vec![Op::Replace { target, paragraphs }]);
    }
    // "Move operative paragraph 9 to follow operative paragraph 2."
    if let Some(c) = re(
        &MOVE,
        r"(?i)^move (?P<place>[^«»]+?) to (?P<rel>follow|precede|(?:come |be placed )?(?:after|before)) (?P<to>[^«»]+)$",
    )
    .captures(&sk)
    {
        let to = one_paragraph(&c["to"])?;
        let rel = c["rel"].to_lowercase();
        let to = if rel.contains("follow") || rel.contains("after") {
            Position::After(to)
        } else {
            Position::Before(to)
        };
        if let Ok([Place::Heading(heading)]) = places(&c["place"]).as_deref() {
            let heading = heading.clone();
            return needs_reading(vec![Op::MoveHeading { heading, to }]);
        }
        let target = one_paragraph(&c["place"])?;
        return needs_reading(vec![Op::Move { target, to }]);
    }
    // "Delete the sixteenth preambular paragraph and operative paragraphs 5 and 6."
    if let Some(c) = re(&DELETE, r"(?i)^delete (?P<places>[^«»]+)$").captures(&sk) {
        let mut refs = Vec::new();
        let mut ops = Vec::new();
        for p in places(&c["places"])? {
            match p {
                Place::Para(r) => refs.push(r),
                Place::Heading(h) => ops.push(Op::DeleteHeading(h)),
                other => return Err(format!("cannot delete {other:?} as a whole")),
            }
        }
        if !refs.is_empty() {
            ops.insert(0, Op::Delete(refs));
        }
        return needs_reading(ops);
    }
    Err(format!(
        "cannot read the instruction “{}”",
        restore(&sk, &quotes)
    ))
}

/// The instructions on headings, parts and annexes as a whole: "After operative paragraph
/// 12, insert a new heading reading «0»", "Delete section II", "Delete the annex", "Add a
/// new section III, entitled «0», with two preambular paragraphs and three operative
/// paragraphs reading:", "Add a new annex II, entitled «0», reading:".
fn structure(sk: &str, quotes: &[String], reading: &[String]) -> Result<Option<Vec<Op>>, String> {
    static HEADING: OnceLock<Regex> = OnceLock::new();
    static DELETE_FRAME: OnceLock<Regex> = OnceLock::new();
    static ADD: OnceLock<Regex> = OnceLock::new();
    let none_follows = |ops: Vec<Op>| {
        if reading.is_empty() {
            Ok(Some(ops))
        } else {
            Err("text follows an instruction that inserts no paragraph".to_string())
        }
    };
    if let Some(c) = re(
        &HEADING,
        r"(?i)^(?P<rel>after|before) (?P<place>[^«»]+?),? (?:insert|add) an? (?:new )?(?P<kind>heading|subheading|sub-subheading|section heading) (?:reading|entitled) «(?P<q>\d+)»$",
    )
    .captures(sk)
    {
        let r = one_paragraph(&c["place"])?;
        let at = if c["rel"].eq_ignore_ascii_case("after") {
            Position::After(r)
        } else {
            Position::Before(r)
        };
        let level = match c["kind"].to_lowercase().as_str() {
            "subheading" => 2,
            "sub-subheading" => 3,
            _ => 1,
        };
        let (label, text) = heading_line(&quote_at(quotes, &c["q"])?);
        let heading = NewHeading { level, label, text };
        return none_follows(vec![Op::InsertHeading { at, heading }]);
    }
    if let Some(c) = re(
        &DELETE_FRAME,
        r"(?i)^delete (?:section (?P<s>[^\s,;]+)|annex (?P<a>[^\s,;]+)|(?P<lone>the annex))$",
    )
    .captures(sk)
    {
        let frame = match (c.name("s"), c.name("a")) {
            (Some(l), _) => Frame::Part(l.as_str().to_string()),
            (_, Some(l)) => Frame::Annex(l.as_str().to_string()),
            _ => Frame::Annex(String::new()),
        };
        return none_follows(vec![Op::DeleteFrame(frame)]);
    }
    if let Some(c) = re(
        &ADD,
        r"(?i)^add (?:a )?new (?P<what>section|annex)(?: (?P<label>[^\s,«»]+))?(?:,? entitled «(?P<q>\d+)»,?)?(?: with (?:(?P<pre>[a-z]+|\d+) preambular paragraphs? and )?(?P<op>[a-z]+|\d+) operative paragraphs?| with (?P<unnumbered>unnumbered) paragraphs)?,?(?: (?:reading|as follows):?)?$",
    )
    .captures(sk)
    {
        let label = c.name("label").map_or("", |m| m.as_str()).to_string();
        let title = match c.name("q") {
            Some(q) => quote_at(quotes, q.as_str())?,
            None => String::new(),
        };
        let frame = if c["what"].eq_ignore_ascii_case("section") {
            let n = |name: &str| {
                c.name(name)
                    .map_or(Some(0), |m| cardinal(m.as_str()))
                    .ok_or_else(|| format!("cannot read the number “{}”", &c[name]))
            };
            let (pre, op) = (n("pre")?, n("op")?);
            let part = read_part(&label, &title, pre, reading)?;
            if c.name("op").is_some() && part.operative.len() != op {
                return Err(format!(
                    "the new section has {} operative paragraphs, not {op}",
                    part.operative.len()
                ));
            }
            NewFrame::Part(part)
        } else {
            let numbered = c.name("unnumbered").is_none();
            NewFrame::Annex(read_annex(&label, &title, numbered, reading)?)
        };
        return Ok(Some(vec![Op::AddFrame(frame)]));
    }
    Ok(None)
}

fn to_scope(p: Place) -> Scope {
    match p {
        Place::Para(r) => Scope::Paragraph(r),
        Place::Title => Scope::Title,
        Place::Heading(h) => Scope::Heading(h),
        // `places` never returns a pending heading.
        Place::PendingHeading => Scope::Title,
        Place::Footnote(n) => Scope::Footnote(n),
        Place::Preamble => Scope::Preamble,
        Place::Operative => Scope::Operative,
    }
}

/// A number written as a word ("two") or digits.
fn cardinal(s: &str) -> Option<usize> {
    const WORDS: [&str; 21] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    let l = s.to_lowercase();
    if l == "a" || l == "an" {
        return Some(1);
    }
    WORDS
        .iter()
        .position(|w| *w == l)
        .or_else(|| l.parse().ok())
}

/// Where an insertion goes: its part, whether it inserts sub-paragraphs, the position.
fn insert_position(rel: &str, place: &str) -> Result<(PartRef, bool, Position), String> {
    let rel = rel.to_lowercase();
    let p = place.trim().to_lowercase();
    static FRAME_END: OnceLock<Regex> = OnceLock::new();
    if rel == "at the end of"
        && let Some(c) = re(
            &FRAME_END,
            r"(?i)^(?:the (?P<part>preamble|preambular paragraphs|operative part|operative paragraphs) of section (?P<section>\S+)|the annex|annex (?P<annex>\S+))$",
        )
        .captures(place.trim())
    {
        let (part, frame) = match (c.name("part"), c.name("section")) {
            (Some(p), Some(l)) => (
                if p.as_str().to_lowercase().starts_with("pream") {
                    PartRef::Preamble
                } else {
                    PartRef::Operative
                },
                Frame::Part(l.as_str().to_string()),
            ),
            _ => (
                PartRef::Operative,
                Frame::Annex(c.name("annex").map_or("", |m| m.as_str()).to_string()),
            ),
        };
        return Ok((part, false, Position::EndOfFrame(part, frame)));
    }
    if rel == "at the end of" {
        match p.as_str() {
            "the preamble" | "the preambular paragraphs" => {
                return Ok((
                    PartRef::Preamble,
                    false,
                    Position::EndOf(PartRef::Preamble, None),
                ));
            }
            "the operative part" | "the operative paragraphs" => {
                return Ok((
                    PartRef::Operative,
                    false,
                    Position::EndOf(PartRef::Operative, None),
                ));
            }
            _ => {
                let r = one_paragraph(place)?;
                return Ok((r.part, true, Position::EndOf(r.part, Some(r))));
            }
        }
    }
    let r = one_paragraph(place)?;
    let sub = r.is_sub();
    let at = if rel == "after" {
        Position::After(r.clone())
    } else {
        Position::Before(r.clone())
    };
    Ok((r.part, sub, at))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::amend::ParaRef;

    fn op(path: &[usize]) -> ParaRef {
        ParaRef::new(PartRef::Operative, path.to_vec())
    }

    #[test]
    fn sentences() {
        let ops = parse_sentence(
            "In operative paragraphs 27 and 43, delete “sexual and reproductive”.",
            &[],
            &[],
        )
        .unwrap();
        assert_eq!(
            ops,
            vec![Op::Text {
                scopes: vec![Scope::Paragraph(op(&[27])), Scope::Paragraph(op(&[43]))],
                op: TextOp::Delete("sexual and reproductive".into())
            }]
        );
        let ops = parse_sentence(
            "In operative paragraph 8, after “Remembrance Day”, insert “, including in 2026,”.",
            &[],
            &[],
        )
        .unwrap();
        assert_eq!(
            ops,
            vec![Op::Text {
                scopes: vec![Scope::Paragraph(op(&[8]))],
                op: TextOp::InsertAfter {
                    anchor: "Remembrance Day".into(),
                    text: ", including in 2026,".into()
                }
            }]
        );
        let ops = parse_sentence(
            "In operative paragraph 2, replace “a” with “b”, delete “c” and insert “d” after “e”.",
            &[],
            &[],
        )
        .unwrap();
        assert_eq!(ops.len(), 3);
        assert!(parse_sentence("Paint operative paragraph 2 blue.", &[], &[]).is_err());
    }
}
