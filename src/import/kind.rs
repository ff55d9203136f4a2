//! Telling a resolution from a report (`--kind auto`): a resolution has an authoring body
//! ("The General Assembly,") or a sponsors line with its stage ("…: draft resolution"); a
//! report has chapter headings ("II. Recommendations") or numbered paragraphs without either.

use super::KindHint;
use super::body;
use super::header;
use super::lines::Line;
use crate::model::DocKind;

/// The stage the header prints after the sponsors ("draft resolution", "amendment to draft
/// resolution A/80/L.27", "draft decision"), to say what a text without paragraphs is.
pub fn stage(text: &str) -> Option<String> {
    let lines = super::lines::normalise(text);
    header::blocks(&lines).into_iter().take(12).find_map(|r| {
        let text: Vec<&str> = lines[r].iter().map(|l| l.text.as_str()).collect();
        let text = text.join(" ");
        // Also a long one: "amendment to draft resolution 4 recommended by the Second
        // Committee in its report contained in document A/80/555".
        let (_, stage) = text.rsplit_once(':')?;
        let stage = stage.trim_matches(|c: char| c == '*' || c.is_whitespace());
        let lower = stage.to_lowercase();
        ["amendment", "draft decision", "draft resolution"]
            .iter()
            .any(|p| lower.starts_with(p))
            .then(|| stage.to_string())
    })
}

/// The kind of document the lines hold.
pub fn detect(lines: &[Line], hint: KindHint) -> DocKind {
    match hint {
        KindHint::Resolution => return DocKind::Resolution,
        KindHint::Report => return DocKind::Report,
        KindHint::Auto => {}
    }
    if header::authoring_body(lines).is_some() {
        return DocKind::Resolution;
    }
    let mut chapter = false;
    let mut numbered = 0usize;
    for r in header::blocks(lines) {
        let text: Vec<&str> = lines[r.clone()].iter().map(|l| l.text.as_str()).collect();
        let joined = text.join(" ");
        if header::sponsors_and_stage(&joined).is_some() {
            return DocKind::Resolution;
        }
        for t in text {
            if body::numbered(t).is_some() {
                numbered += 1;
            }
            if let Some((label, rest)) = t.split_once(". ")
                && !label.is_empty()
                && label.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
                && rest.chars().next().is_some_and(char::is_uppercase)
            {
                chapter = true;
            }
        }
    }
    if chapter || numbered > 0 && !has_preamble_phrases(lines) {
        DocKind::Report
    } else {
        DocKind::Resolution
    }
}

/// Whether some block opens with a standard preambular phrase.
fn has_preamble_phrases(lines: &[Line]) -> bool {
    header::blocks(lines).into_iter().any(|r| {
        let t = lines[r.start].text.trim_start_matches('*');
        crate::phrases::match_lead(t, crate::phrases::preambular()).is_some()
    })
}
