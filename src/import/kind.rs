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

/// Whether the header lines say the document is a decision ("Draft decision submitted by
/// …", "Decision adopted by the General Assembly").
fn says_decision(header: &[Line]) -> bool {
    header.iter().any(|l| {
        let t = l.text.to_lowercase();
        t.contains("draft decision") || t.contains("decision adopted by")
    })
}

/// Whether the document is a decision whose sentence already stands apart from the
/// authoring body ("The General Assembly," on its own line, as a Word or Markdown copy
/// prints it): the header above the authoring body says so.
pub fn decision_with_authoring_body(lines: &[Line]) -> bool {
    header::authoring_body(lines).is_some_and(|(range, _)| says_decision(&lines[..range.start]))
}

/// A draft decision is printed as one sentence that opens with its authoring body: "The
/// General Assembly, recalling its decision 79/521 …:" and then (a), (b) …, or "…, decides to
/// convene …". Splits the authoring body off that line (its own line, a blank after it) so
/// that the decision reads as a resolution with one unnumbered operative paragraph; returns
/// whether it did. Nothing is split where an authoring body stands on its own, nor under a
/// header that does not say "draft decision" or "Decision adopted by".
pub fn split_decision_sentence(lines: &mut Vec<Line>) -> bool {
    if header::authoring_body(lines).is_some() {
        return false;
    }
    let Some((i, cut)) = lines.iter().enumerate().find_map(|(i, l)| {
        let t = l.text.as_str();
        let (body, rest) = t.split_once(", ")?;
        let opens = body.starts_with("The ")
            && header::a_name(body)
            && body.split_whitespace().count() >= 2
            && rest.starts_with(char::is_lowercase);
        opens.then_some((i, body.len() + 1))
    }) else {
        return false;
    };
    // Only under a header that says it is a decision.
    if !says_decision(&lines[..i]) {
        return false;
    }
    let line = &mut lines[i];
    let rest = line.text[cut..].trim_start().to_string();
    let rest_at = line.text.len() - rest.len();
    let mut after = line.clone();
    after.text = rest;
    after.gaps = line
        .gaps
        .iter()
        .filter(|&&g| g >= rest_at)
        .map(|g| g - rest_at)
        .collect();
    line.text.truncate(cut);
    line.gaps.retain(|&g| g < cut);
    let mut blank = line.clone();
    blank.text.clear();
    blank.gaps.clear();
    lines.splice(i + 1..i + 1, [blank, after]);
    true
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

#[cfg(test)]
mod tests {
    use crate::import::{KindHint, import_str};
    use crate::model::DocKind;

    #[test]
    fn a_draft_decision_in_one_sentence_imports_with_its_sub_paragraphs() {
        let t = "Agenda item 7 \nLights \n\nDraft decision submitted by the Chair \n\n\
                 Keeping of lights \n\n\
                 The General Assembly, recalling its decision 85/501 of 3 March 2030: \n\n\
                 (a) \nDecides to keep the lights; \n\n(b) \nAlso decides to meet again. \n";
        let d = import_str(t, KindHint::Auto).document;
        assert_eq!(d.kind, DocKind::Resolution);
        assert_eq!(d.authoring_body, "The General Assembly");
        assert_eq!(d.header.stage, "Draft decision submitted by the Chair");
        assert_eq!(d.header.title, "Keeping of lights");
        assert!(d.preamble.is_empty());
        assert_eq!(d.operative.len(), 1);
        let op = &d.operative[0];
        assert_eq!(
            op.full_text(),
            "recalling its decision 85/501 of 3 March 2030:"
        );
        let subs: Vec<String> = op.subparagraphs.iter().map(|p| p.full_text()).collect();
        assert_eq!(
            subs,
            ["Decides to keep the lights;", "Also decides to meet again."]
        );
        // One sentence with no sub-paragraphs.
        let t = "Draft decision submitted by the President \n\nLights \n\n\
                 The General Assembly, recalling its decision 85/501, decides to meet \n\
                 again in 2031. \n";
        let d = import_str(t, KindHint::Auto).document;
        assert_eq!(d.operative.len(), 1);
        assert_eq!(
            d.operative[0].full_text(),
            "recalling its decision 85/501, decides to meet again in 2031."
        );
    }
}
