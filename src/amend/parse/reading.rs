//! The new text that follows "… reading:" or "… with the following:": one paragraph a
//! block, blocks cut by a page break joined again, sub-paragraphs placed by their labels
//! "(a)", "(i)", "(3)", the opening phrase split off with the shipped phrase lists.

use super::re;
use crate::amend::PartRef;
use crate::model::{ListStyle, Paragraph};
use crate::phrases;
use regex::Regex;
use std::sync::OnceLock;

/// Reads the paragraphs that follow "… reading:": one a block, sub-paragraphs by their
/// labels "(a)", "(i)"; the opening phrase split off with the shipped phrase lists. The
/// texts are kept as written (plain text, footnote marks included).
/// `leads`: the part whose opening phrases are split off (`None` in an annex, whose
/// paragraphs have none).
pub(super) fn read_paragraphs(
    reading: &[String],
    leads: Option<PartRef>,
    sub: bool,
) -> Result<Vec<Paragraph>, String> {
    if reading.is_empty() {
        return Err("the new text is missing after “:”".into());
    }
    // Blocks cut by a page break (the sentence goes on in lower case) are joined again.
    let mut blocks: Vec<String> = Vec::new();
    for b in reading {
        let b = b.trim();
        if let Some(last) = blocks.last_mut()
            && !crate::import::body::ends_with_punctuation(last)
            && b.chars().next().is_some_and(char::is_lowercase)
            && crate::import::body::lettered(b).is_none()
        {
            last.push(' ');
            last.push_str(b);
            continue;
        }
        blocks.push(b.to_string());
    }
    // Quotation marks around the whole new text.
    if let (Some(f), Some(l)) = (blocks.first(), blocks.last())
        && f.starts_with('“')
        && l.trim_end_matches('.').ends_with('”')
    {
        let n = blocks.len();
        blocks[0] = blocks[0]['“'.len_utf8()..].to_string();
        let last = blocks[n - 1].trim_end_matches('.').to_string();
        blocks[n - 1] = last[..last.len() - '”'.len_utf8()].to_string();
    }
    let list = leads.map(|part| match part {
        PartRef::Preamble => phrases::preambular(),
        PartRef::Operative => phrases::operative(),
    });
    let mut out: Vec<Paragraph> = Vec::new();
    for b in blocks {
        let labelled = sub_label(&b).filter(|_| !out.is_empty() || sub);
        match labelled {
            Some((label, rest)) if !out.is_empty() => {
                let is_num = label.chars().all(|c| c.is_ascii_digit());
                place_sub(
                    &mut out,
                    &label,
                    is_num,
                    Paragraph::new(Default::default(), "", rest),
                );
            }
            Some((_, rest)) => out.push(Paragraph::new(Default::default(), "", rest)),
            None => match list.filter(|_| !sub) {
                Some(list) => {
                    let (lead, text) = crate::import::resolution::split_lead(&b, list, true);
                    out.push(Paragraph::new(Default::default(), lead, text));
                }
                None => out.push(Paragraph::new(Default::default(), "", b)),
            },
        }
    }
    Ok(out)
}

/// The label of a sub-paragraph block: "(b) …", "(ii) …", "(3) …".
fn sub_label(b: &str) -> Option<(String, String)> {
    static LABEL: OnceLock<Regex> = OnceLock::new();
    let c = re(&LABEL, r"^\(([a-z]{1,6}|\d{1,3})\)(?:\s+|$)").captures(b)?;
    let label = c[1].to_string();
    if !label.chars().all(|ch| ch.is_ascii_digit()) && crate::import::body::lettered(b).is_none() {
        return None;
    }
    Some((label, b[c[0].len()..].to_string()))
}

/// Puts a labelled sub-paragraph under the last paragraph: the next label of the last
/// sub-paragraph list it continues, else one level down.
fn place_sub(out: &mut [Paragraph], label: &str, numeric: bool, p: Paragraph) {
    let Some(top) = out.last_mut() else { return };
    // Walk down the last-child chain and find the deepest list this label continues.
    fn continues(parent: &Paragraph, depth: usize, label: &str) -> bool {
        let next = parent.subparagraphs.len();
        let style = parent.list_style;
        crate::numbering::sub_label(depth, next, style) == label
    }
    let mut depth_paths: Vec<Vec<usize>> = vec![vec![]];
    {
        let mut node: &Paragraph = top;
        let mut path = vec![];
        while let Some(last) = node.subparagraphs.len().checked_sub(1) {
            path.push(last);
            depth_paths.push(path.clone());
            node = &node.subparagraphs[last];
        }
    }
    fn at<'a>(p: &'a mut Paragraph, path: &[usize]) -> &'a mut Paragraph {
        match path.split_first() {
            None => p,
            Some((i, rest)) => at(&mut p.subparagraphs[*i], rest),
        }
    }
    // Shallowest first: a label continuing a list at that depth goes there ("(i)" after
    // "(h)" is the next letter, after "(a)" the first roman numeral).
    for path in depth_paths.iter() {
        let node = at(top, path);
        if continues(node, path.len() + 1, label) {
            node.subparagraphs.push(p);
            return;
        }
    }
    // A first label ("(a)", "(i)", "1."): one level below the deepest.
    let deepest = depth_paths.last().cloned().unwrap_or_default();
    let node = at(top, &deepest);
    if numeric {
        node.list_style = ListStyle::Numeric;
    }
    node.subparagraphs.push(p);
}

/// A heading as printed on one line: “III. Capacity-building” (label, words), “III” (a
/// label alone), or words alone (no label).
pub(crate) fn heading_line(s: &str) -> (String, String) {
    static LINE: OnceLock<Regex> = OnceLock::new();
    let s = s.trim();
    match re(&LINE, r"^([IVXLCDM]+|[A-Z]|\d{1,2})(?:\.\s+(.+)|\.?)$").captures(s) {
        Some(c) => (
            c[1].to_string(),
            c.get(2).map_or("", |m| m.as_str()).trim().to_string(),
        ),
        None => (String::new(), s.to_string()),
    }
}

/// The blocks of a reading that open a paragraph (not a labelled sub-paragraph).
fn is_top(b: &str) -> bool {
    sub_label(b.trim()).is_none()
}

/// Reads the text of a new part: `n_pre` preambular paragraphs, then operative ones.
pub(super) fn read_part(
    label: &str,
    heading: &str,
    n_pre: usize,
    reading: &[String],
) -> Result<crate::model::ResolutionPart, String> {
    let mut tops = 0;
    let mut cut = reading.len();
    for (k, b) in reading.iter().enumerate() {
        if is_top(b) {
            if tops == n_pre {
                cut = k;
                break;
            }
            tops += 1;
        }
    }
    let read = |bs: &[String], part| -> Result<Vec<Paragraph>, String> {
        if bs.is_empty() {
            Ok(Vec::new())
        } else {
            read_paragraphs(bs, Some(part), false)
        }
    };
    let preamble = read(&reading[..cut], PartRef::Preamble)?;
    if preamble.len() != n_pre {
        return Err(format!(
            "the new section has {} preambular paragraphs, not {n_pre}",
            preamble.len()
        ));
    }
    Ok(crate::model::ResolutionPart {
        label: label.to_string(),
        heading: heading.to_string(),
        preamble,
        operative: read(&reading[cut..], PartRef::Operative)?,
        ..Default::default()
    })
}

/// Whether a block of a new annex is the heading of one of its sections ("I. General
/// provisions", "B").
fn is_section_heading(b: &str) -> bool {
    let (label, _) = heading_line(b);
    !label.is_empty() && !label.chars().all(|c| c.is_ascii_digit())
}

/// Reads the text of a new annex: its paragraphs, its sections each after its heading
/// line.
pub(super) fn read_annex(
    label: &str,
    title: &str,
    numbered: bool,
    reading: &[String],
) -> Result<crate::model::Annex, String> {
    let mut annex = crate::model::Annex {
        label: label.to_string(),
        title: title.to_string(),
        numbered,
        ..Default::default()
    };
    let mut groups: Vec<(Option<String>, Vec<String>)> = vec![(None, Vec::new())];
    for b in reading {
        if is_section_heading(b) {
            groups.push((Some(b.clone()), Vec::new()));
        } else if let Some((_, v)) = groups.last_mut() {
            v.push(b.clone());
        }
    }
    for (k, (heading, blocks)) in groups.into_iter().enumerate() {
        let paragraphs = if blocks.is_empty() {
            Vec::new()
        } else {
            read_paragraphs(&blocks, None, false)?
        };
        match heading {
            None if k == 0 => annex.paragraphs = paragraphs,
            h => {
                let (label, heading) = heading_line(&h.unwrap_or_default());
                let roman = label.chars().all(|c| "IVXLCDM".contains(c));
                annex.sections.push(crate::model::Section {
                    level: if roman { 1 } else { 2 },
                    label,
                    heading,
                    numbered: true,
                    paragraphs,
                    ..Default::default()
                });
            }
        }
    }
    Ok(annex)
}
