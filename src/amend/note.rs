//! The note a draft carries once amendments are applied to it. The UN records a text adopted
//! with changes "as amended" (by an amendment document, naming its instructions) or "as
//! orally revised"; resdraft writes the stage of the amended text as "draft resolution, as
//! amended by A/80/L.30 (1, 3) and A/80/L.31 (2)". One piece writes it (for `resdraft amend`
//! and the editor's amendment view) and reads it back, so applying more instructions later
//! merges them into the note instead of repeating it.

use regex::Regex;
use std::sync::OnceLock;

/// The words that open the note (an oral revision, ", as orally revised", stays part of the
/// stage: it is the Assembly's record, not instructions applied).
const OPENER: &str = ", as amended by ";

/// Where the note starts in a stage (at its ", "), if it has one.
pub fn note_start(stage: &str) -> Option<usize> {
    stage.find(OPENER)
}

/// Whether a stage reads as one of a text changed after issue ("…, as amended by …", "…, as
/// orally revised"), which may run longer than a stage as issued.
pub fn is_changed_stage(stage: &str) -> bool {
    let lower = stage.to_lowercase();
    lower.contains(OPENER) || lower.contains(", as orally revised")
}

/// The stage without its note ("draft resolution, as amended by …" → "draft resolution").
pub fn base_stage(stage: &str) -> &str {
    match note_start(stage) {
        Some(i) => stage[..i].trim_end(),
        None => stage.trim(),
    }
}

/// The instructions a stage's note says are applied: (amendment, instruction number).
pub fn applied_in(stage: &str) -> Vec<(String, u32)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| Regex::new(r"(\S+) \((\d+(?:, \d+)*)\)").expect("valid pattern"));
    let Some(i) = note_start(stage) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for c in re.captures_iter(&stage[i..]) {
        for n in c[2].split(", ").filter_map(|n| n.parse().ok()) {
            out.push((c[1].to_string(), n));
        }
    }
    out
}

/// "as amended by A/80/L.30 (1, 3) and A/80/L.31 (1)": per amendment, in order of first
/// mention, its instruction numbers in ascending order.
pub fn amended_by(applied: &[(String, u32)]) -> String {
    let mut per: Vec<(String, Vec<u32>)> = Vec::new();
    for (name, n) in applied {
        match per.iter_mut().find(|(m, _)| m == name) {
            Some((_, v)) if v.contains(n) => {}
            Some((_, v)) => v.push(*n),
            None => per.push((name.clone(), vec![*n])),
        }
    }
    let parts: Vec<String> = per
        .into_iter()
        .map(|(name, mut v)| {
            v.sort_unstable();
            let nums: Vec<String> = v.iter().map(u32::to_string).collect();
            format!("{name} ({})", nums.join(", "))
        })
        .collect();
    format!("as amended by {}", super::render::list(&parts))
}

/// The stage of a text once `applied` instructions are applied to the text of stage
/// `stage`: its base stage, then the note naming those already noted and these.
pub fn stage_with(stage: &str, applied: &[(String, u32)]) -> String {
    let mut all = applied_in(stage);
    all.extend(applied.iter().cloned());
    let base = base_stage(stage);
    if all.is_empty() {
        return base.to_string();
    }
    let note = amended_by(&all);
    if base.is_empty() {
        note
    } else {
        format!("{base}, {note}")
    }
}

/// Why a label cannot name a revision, if it cannot.
pub fn label_problem(label: &str) -> Option<&'static str> {
    if label.trim().is_empty() {
        Some("the label is empty")
    } else if label.contains('@') {
        Some("a label cannot contain “@” (it separates the draft from the label in DRAFT@LABEL)")
    } else if label.chars().any(crate::sanitize::is_unsafe) {
        Some("a label cannot contain control characters")
    } else if label.trim() != label {
        Some("a label cannot start or end with spaces")
    } else {
        None
    }
}

/// Freezes the draft as issued (the text amendments refer to) as a revision labelled with its
/// symbol (`fallback` when it has none; " (2)", " (3)" … when taken), noted "as issued",
/// unless the latest revision already holds it, so that `diff` of the amended draft shows
/// the amendments' effect. The label used, or `None` when it was frozen already.
pub fn freeze_issued(
    draft: &mut crate::model::Draft,
    issued: &crate::model::Document,
    fallback: &str,
    date: String,
) -> Result<Option<String>, String> {
    if draft
        .revisions
        .last()
        .is_some_and(|r| &r.document == issued)
    {
        return Ok(None);
    }
    let base = match issued.header.symbol.trim() {
        "" => fallback.to_string(),
        s => s.to_string(),
    };
    let mut label = base.clone();
    let mut k = 2;
    while draft.revision(&label).is_some() || label_problem(&label).is_some() {
        label = format!("{} ({k})", base.replace('@', " ").trim());
        k += 1;
        if k > 1000 {
            return Err(format!(
                "cannot find a free revision label for {}",
                crate::sanitize::sanitize(&base)
            ));
        }
    }
    draft.revisions.push(crate::model::Revision {
        label: label.clone(),
        date,
        note: "as issued".into(),
        document: issued.clone(),
    });
    Ok(Some(label))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(name: &str, n: u32) -> (String, u32) {
        (name.to_string(), n)
    }

    #[test]
    fn the_note_is_written_read_and_merged() {
        let s = stage_with("draft resolution", &[a("A/80/L.30", 3), a("A/80/L.30", 1)]);
        assert_eq!(s, "draft resolution, as amended by A/80/L.30 (1, 3)");
        assert_eq!(base_stage(&s), "draft resolution");
        assert_eq!(applied_in(&s), vec![a("A/80/L.30", 1), a("A/80/L.30", 3)]);
        let s = stage_with(&s, &[a("A/80/L.31", 2), a("A/80/L.30", 3)]);
        assert_eq!(
            s,
            "draft resolution, as amended by A/80/L.30 (1, 3) and A/80/L.31 (2)"
        );
        assert_eq!(stage_with("", &[a("L.3", 1)]), "as amended by L.3 (1)");
        assert_eq!(stage_with(&s, &[]).len(), s.len());
        assert_eq!(
            stage_with("draft resolution, as orally revised", &[a("L.3", 2)]),
            "draft resolution, as orally revised, as amended by L.3 (2)"
        );
        assert!(is_changed_stage("draft resolution, as orally revised"));
        assert_eq!(stage_with("draft resolution", &[]), "draft resolution");
    }
}
