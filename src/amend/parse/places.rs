//! Places named in an instruction: "the sixteenth, twentieth and twenty-third preambular
//! paragraphs", "operative paragraphs 5, 6 (b) and 13", "subparagraph (c) of operative
//! paragraph 4", "the title", "footnote 3", "the operative paragraphs", "operative paragraph
//! 3 of section II", "paragraph 5 of the annex" — always places of the draft as issued.

use super::re;
use crate::amend::{Frame, HeadingRef, ParaRef, PartRef, ordinal};
use regex::Regex;
use std::sync::OnceLock;

/// A place named in an instruction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Place {
    Para(ParaRef),
    Title,
    Heading(HeadingRef),
    /// "the heading" before its "of section II".
    PendingHeading,
    Footnote(u32),
    Preamble,
    Operative,
}

pub(super) fn one_paragraph(s: &str) -> Result<ParaRef, String> {
    match places(s)?.as_slice() {
        [Place::Para(r)] => Ok(r.clone()),
        _ => Err(format!("“{s}” does not name one paragraph")),
    }
}

/// The index (1-based) of a sub-paragraph label at a depth ("b" → 2, "ii" → 2, "3" → 3).
fn label_index(label: &str, depth: usize) -> Option<usize> {
    if let Ok(n) = label.parse::<usize>() {
        return Some(n);
    }
    let roman_first = depth.is_multiple_of(2);
    let alpha = || {
        let c = label.chars().next()?;
        (label.chars().all(|x| x == c) && c.is_ascii_lowercase())
            .then(|| (label.len() - 1) * 26 + (c as u8 - b'a') as usize + 1)
    };
    let roman = || (1..=200).find(|n| crate::numbering::roman(*n) == label);
    if roman_first {
        roman().or_else(alpha)
    } else {
        alpha().or_else(roman)
    }
}

/// Parses a list of places: "the sixteenth, twentieth and twenty-third preambular
/// paragraphs", "operative paragraphs 5, 6 (b) and 13", "the title, the preambular
/// paragraphs and the operative paragraphs", "footnote 3", "subparagraph (b) of operative
/// paragraph 9".
pub(super) fn places(s: &str) -> Result<Vec<Place>, String> {
    static TOKEN: OnceLock<Regex> = OnceLock::new();
    let tok = re(
        &TOKEN,
        r"\(([a-z]+|\d+)\)|\d+|[A-Za-z][A-Za-z\-\u{2011}\u{2010}]*|,|;",
    );
    let found: Vec<&str> = tok.find_iter(s).map(|m| m.as_str()).collect();
    let tokens: Vec<String> = found.iter().map(|t| t.to_lowercase()).collect();
    // Places since the last "of section II" / "of the annex", and the bare "paragraph 3"s
    // (which only an annex has).
    let mut qualified_from = 0;
    let mut bare: Vec<usize> = Vec::new();
    let mut out: Vec<Place> = Vec::new();
    let mut ordinals: Vec<usize> = Vec::new();
    let mut labels_pending: Vec<Vec<usize>> = Vec::new();
    // The noun numbers attach to after "operative paragraph(s)" / "preambular paragraph(s)"
    // / "footnote(s)".
    #[derive(Clone, Copy, PartialEq)]
    enum Mode {
        None,
        Op,
        Pp,
        Fn,
        Bare,
    }
    let mut mode = Mode::None;
    let mut k = 0;
    let err = |t: &str| format!("cannot read the place “{s}” (at “{t}”)");
    while k < tokens.len() {
        let t = tokens[k].as_str();
        let next = tokens.get(k + 1).map(String::as_str);
        match t {
            "the" | "and" | "," | ";" | "of" | "in" => {
                if t == "of" && !labels_pending.is_empty() {
                    mode = Mode::None;
                }
            }
            "title" => out.push(Place::Title),
            "heading" => out.push(Place::PendingHeading),
            "preamble" => out.push(Place::Preamble),
            "part" if mode == Mode::None => {}
            "operative" | "preambular" if next.is_some_and(|n| n.starts_with("paragraph")) => {
                let plural = next == Some("paragraphs");
                let numbered = tokens
                    .get(k + 2)
                    .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()));
                k += 1;
                if t == "preambular" && !ordinals.is_empty() {
                    for n in ordinals.drain(..) {
                        out.push(Place::Para(ParaRef::new(PartRef::Preamble, vec![n])));
                    }
                    mode = Mode::Pp;
                } else if numbered {
                    mode = if t == "operative" { Mode::Op } else { Mode::Pp };
                } else if plural || !labels_pending.is_empty() {
                    out.push(if t == "operative" {
                        Place::Operative
                    } else {
                        Place::Preamble
                    });
                } else {
                    return Err(err(t));
                }
            }
            "operative" if next == Some("part") => {
                out.push(Place::Operative);
                k += 1;
            }
            "footnote" | "footnotes" => mode = Mode::Fn,
            "paragraph" | "paragraphs" => {
                for n in ordinals.drain(..) {
                    bare.push(out.len());
                    out.push(Place::Para(ParaRef::new(PartRef::Operative, vec![n])));
                }
                mode = Mode::Bare;
            }
            "section" | "annex" => {
                let label = found.get(k + 1).copied().filter(|l| is_label(l));
                let frame = match (t, label) {
                    ("section", Some(l)) => Frame::Part(l.to_string()),
                    ("section", None) => return Err(err(t)),
                    (_, l) => Frame::Annex(l.unwrap_or_default().to_string()),
                };
                if label.is_some() {
                    k += 1;
                }
                if qualified_from == out.len() {
                    return Err(err(t));
                }
                for (i, p) in out.iter_mut().enumerate().skip(qualified_from) {
                    match (p, &frame) {
                        (Place::Para(r), _) if r.frame.is_none() => {
                            if bare.contains(&i) && matches!(frame, Frame::Part(_)) {
                                return Err(err(t));
                            }
                            r.frame = Some(frame.clone());
                        }
                        // "the heading of section II", "the title of the annex".
                        (p @ Place::PendingHeading, Frame::Part(l)) => {
                            *p = Place::Heading(HeadingRef::Section(l.clone()))
                        }
                        (p @ Place::Title, Frame::Annex(l)) => {
                            *p = Place::Heading(HeadingRef::Annex(l.clone()))
                        }
                        (Place::PendingHeading, Frame::Annex(_)) => return Err(err(t)),
                        _ => {}
                    }
                }
                qualified_from = out.len();
                mode = Mode::None;
            }
            "subparagraph" | "subparagraphs" | "sub-paragraph" | "sub-paragraphs" => {}
            _ if t.starts_with('(') => {
                let label = t.trim_matches(['(', ')']);
                match out.last_mut() {
                    Some(Place::Para(r)) if labels_pending.is_empty() && mode != Mode::None => {
                        let idx = label_index(label, r.path.len()).ok_or_else(|| err(t))?;
                        r.path.push(idx);
                    }
                    _ => {
                        let idx = label_index(label, 1).ok_or_else(|| err(t))?;
                        labels_pending.push(vec![idx]);
                    }
                }
            }
            _ if t.chars().all(|c| c.is_ascii_digit()) => {
                let n: usize = t.parse().map_err(|_| err(t))?;
                if mode == Mode::Bare {
                    bare.extend(out.len()..out.len() + labels_pending.len().max(1));
                }
                let part = match mode {
                    Mode::Op | Mode::Bare => PartRef::Operative,
                    Mode::Pp => PartRef::Preamble,
                    Mode::Fn => {
                        out.push(Place::Footnote(n as u32));
                        k += 1;
                        continue;
                    }
                    Mode::None => return Err(err(t)),
                };
                if !labels_pending.is_empty() {
                    for l in labels_pending.drain(..) {
                        let mut path = vec![n];
                        path.extend(l);
                        out.push(Place::Para(ParaRef::new(part, path)));
                    }
                } else {
                    out.push(Place::Para(ParaRef::new(part, vec![n])));
                }
            }
            _ => match ordinal::parse(t) {
                Some(n) => ordinals.push(n),
                None => return Err(err(t)),
            },
        }
        k += 1;
    }
    if !ordinals.is_empty() || !labels_pending.is_empty() || out.is_empty() {
        return Err(format!("cannot read the place “{s}”"));
    }
    if out.contains(&Place::PendingHeading) {
        return Err(format!(
            "cannot read the place “{s}” (the heading of which section?)"
        ));
    }
    for i in bare {
        if let Some(Place::Para(r)) = out.get(i)
            && r.frame.is_none()
        {
            return Err(format!(
                "cannot read the place “{s}” (“paragraph {}” of which annex?)",
                r.path[0]
            ));
        }
    }
    Ok(out)
}

/// A label of a part or an annex as printed: a roman numeral, a capital letter, a number.
fn is_label(t: &str) -> bool {
    !t.is_empty()
        && (t.chars().all(|c| "IVXLCDM".contains(c))
            || (t.len() == 1 && t.chars().all(|c| c.is_ascii_uppercase()))
            || t.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pp(n: usize) -> ParaRef {
        ParaRef::new(PartRef::Preamble, vec![n])
    }
    fn op(path: &[usize]) -> ParaRef {
        ParaRef::new(PartRef::Operative, path.to_vec())
    }

    #[test]
    fn places_in_un_wording() {
        assert_eq!(
            places("the sixteenth, twentieth and twenty-third preambular paragraphs").unwrap(),
            vec![
                Place::Para(pp(16)),
                Place::Para(pp(20)),
                Place::Para(pp(23))
            ]
        );
        assert_eq!(
            places("the twenty-first preambular paragraph and operative paragraphs 35, 38 and 39")
                .unwrap(),
            vec![
                Place::Para(pp(21)),
                Place::Para(op(&[35])),
                Place::Para(op(&[38])),
                Place::Para(op(&[39]))
            ]
        );
        assert_eq!(
            places("operative paragraph 9 (b) (ii)").unwrap(),
            vec![Place::Para(op(&[9, 2, 2]))]
        );
        assert_eq!(
            places("the title, the preambular paragraphs and the operative paragraphs").unwrap(),
            vec![Place::Title, Place::Preamble, Place::Operative]
        );
        assert_eq!(places("footnote 3").unwrap(), vec![Place::Footnote(3)]);
        assert_eq!(
            places("subparagraph (c) of operative paragraph 4").unwrap(),
            vec![Place::Para(op(&[4, 3]))]
        );
        assert!(places("the umpteenth preambular paragraph").is_err());
        let ii = Some(Frame::Part("II".into()));
        let annex = Some(Frame::Annex(String::new()));
        assert_eq!(
            places("operative paragraphs 3 and 4 (b) of section II, paragraph 7 of the annex and the second preambular paragraph").unwrap(),
            vec![
                Place::Para(op(&[3]).within(ii.clone())),
                Place::Para(op(&[4, 2]).within(ii.clone())),
                Place::Para(op(&[7]).within(annex.clone())),
                Place::Para(pp(2)),
            ]
        );
        assert_eq!(
            places("the second preambular paragraph of section II").unwrap(),
            vec![Place::Para(pp(2).within(ii))]
        );
        assert_eq!(
            places("the third paragraph of annex IV").unwrap(),
            vec![Place::Para(
                op(&[3]).within(Some(Frame::Annex("IV".into())))
            )]
        );
        assert!(places("paragraph 3").is_err());
        assert_eq!(
            places("the heading of section II").unwrap(),
            vec![Place::Heading(HeadingRef::Section("II".into()))]
        );
        assert_eq!(
            places("the title of the annex").unwrap(),
            vec![Place::Heading(HeadingRef::Annex(String::new()))]
        );
        assert!(places("the heading").is_err());
        assert!(places("paragraph 3 of section II").is_err());
    }
}
