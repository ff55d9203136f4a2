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
