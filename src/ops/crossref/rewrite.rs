//! Rewriting the references of a document after an operation (from the index taken before it
//! to the numbering after), of one paragraph brought back from an older revision, and of many
//! texts at a time for a merge.

use super::find::{Found, find};
use super::resolve::{Ctx, resolve};
use super::settled::Unsettled;
use super::{Index, Scope};
use crate::model::{Document, Id, Location, Paragraph};
use crate::numbering;
use crate::ops::transaction::Recorder;
use crate::ops::{OpError, quote};
use std::collections::HashSet;
use std::ops::Range;

/// Rewrites every internal reference in the document to follow its paragraph, using the
/// index taken before the operation. Texts of paragraphs in `skip` (just inserted, written
/// against the new numbering) are left alone. With `full`, “above”/“below” are checked
/// everywhere and references to missing or deleted paragraphs are reported. Only the texts
/// whose references may read differently are re-read ([`Unsettled`]), all of them with
/// `reread_all` (the same result).
pub(crate) fn rewrite(
    rec: &mut Recorder<'_>,
    before: &Index,
    skip: &HashSet<Id>,
    full: bool,
    reread_all: bool,
    messages: &mut Vec<String>,
    warnings: &mut Vec<String>,
) -> Result<(), OpError> {
    // The paragraphs an amendment document names are those of the draft it amends.
    if rec.doc.is_amendment() {
        return Ok(());
    }
    let after = Index::build(rec.doc);
    let ctx = Ctx {
        before,
        after: &after,
        scope: Scope::Top,
    };
    let mut todo: Vec<(Location, Id, String)> = Vec::new();
    // Outside a full renumbering, only the texts whose references may read differently.
    let unsettled = (!full && !reread_all).then(|| Unsettled::between(before, &after));
    let doc: &Document = rec.doc;
    doc.walk(&mut |p, loc| {
        if skip.contains(&p.id) || !p.text.contains("aragraph") {
            return;
        }
        if let Some(u) = &unsettled
            && !u.may_change(before, &p.id, &p.text)
        {
            return;
        }
        let place = || numbering::describe(doc, loc);
        if let Some(text) = rewrite_text(&p.id, &p.text, &ctx, full, &place, messages, warnings) {
            todo.push((loc.clone(), p.id.clone(), text));
        }
    });
    for (loc, id, text) in todo {
        rec.set_text_at(&loc, &id, text)?;
    }
    Ok(())
}

/// The text of paragraph `id` with its references rewritten from `ctx.before` to
/// `ctx.after`, or `None` when nothing changes. `place` names the paragraph in messages.
fn rewrite_text(
    id: &Id,
    text: &str,
    ctx: &Ctx,
    full: bool,
    place_of: &dyn Fn() -> String,
    messages: &mut Vec<String>,
    warnings: &mut Vec<String>,
) -> Option<String> {
    // Described only when a message or a warning names the paragraph.
    let cell = std::cell::OnceCell::new();
    let place = || cell.get_or_init(place_of).as_str();
    let me_after = ctx.after.order(id);
    let me_before = ctx.before.order(id);
    let mut reps: Vec<(Range<usize>, String)> = Vec::new();
    // The numbering the paragraph counted in before (where its references were written),
    // else where it stands now.
    let own = ctx
        .before
        .scope(id)
        .or_else(|| ctx.after.scope(id))
        .cloned()
        .unwrap_or_default();
    for f in find(text).iter() {
        let scope = match &f.annex {
            Some(label) => match ctx.before.annexes.get(&label.to_uppercase()) {
                Some(annex) => Scope::Annex(annex.clone()),
                // "of the annex" in a document without one: another text's annex.
                None => continue,
            },
            None => own.clone(),
        };
        if let Some(rename) = annex_renamed(f, text, ctx) {
            messages.push(format!(
                "{}: {} → {}",
                place(),
                quote(&text[rename.0.clone()]),
                quote(&rename.1)
            ));
            reps.push(rename);
        }
        let ctx = &Ctx {
            before: ctx.before,
            after: ctx.after,
            scope,
        };
        let mut r = resolve(f, text, ctx, full, id);
        if let Some(w) = r.warning.take() {
            warnings.push(format!("{}: {w}", place()));
        }
        if let (Some((span, above)), Some(me)) = (&f.dir, me_after) {
            let side = |index: &Index, me: usize| -> Option<bool> {
                let orders: Vec<usize> = r.targets.iter().filter_map(|t| index.order(t)).collect();
                if orders.is_empty() || orders.len() != r.targets.len() {
                    return None;
                }
                if orders.iter().all(|o| *o < me) {
                    Some(true)
                } else if orders.iter().all(|o| *o > me) {
                    Some(false)
                } else {
                    None
                }
            };
            let now = side(ctx.after, me);
            let then = me_before.and_then(|m| side(ctx.before, m));
            if let Some(now) = now
                && r.complete
                && now != *above
                && (full || then != Some(now))
            {
                let word = if now { "above" } else { "below" };
                r.replacements.push((span.clone(), word.to_string()));
            }
        }
        if r.replacements.is_empty() {
            continue;
        }
        r.replacements.sort_by_key(|(s, _)| s.start);
        let old = &text[f.span.clone()];
        let new = splice(old, f.span.start, &r.replacements);
        if r.deleted {
            warnings.push(format!(
                "{}: {} refers to a deleted paragraph: it now reads {} (correct it or delete it)",
                place(),
                quote(old),
                quote(&new)
            ));
        } else {
            messages.push(format!("{}: {} → {}", place(), quote(old), quote(&new)));
        }
        reps.extend(r.replacements);
    }
    if reps.is_empty() {
        return None;
    }
    reps.sort_by_key(|(s, _)| s.start);
    Some(splice(text, 0, &reps))
}

/// The words naming the annex of a reference ("of annex II"), rewritten when that annex has a
/// new label ("annex III"; "the annex" for an annex left alone, "annex I" for one that no
/// longer is): the span and the new words.
fn annex_renamed(f: &Found, text: &str, ctx: &Ctx) -> Option<(Range<usize>, String)> {
    let (label, span) = (f.annex.as_ref()?, f.annex_name.clone()?);
    let id = ctx.before.annexes.get(&label.to_uppercase())?;
    let now = ctx.after.annex_label.get(id)?;
    if *now == label.to_uppercase() {
        return None;
    }
    let words = if now.is_empty() {
        "the annex".to_string()
    } else {
        format!("annex {now}")
    };
    (text[span.clone()] != words).then_some((span, words))
}

/// A paragraph of `from` (with its sub-paragraphs) as it reads in `to`: every reference,
/// written against the numbering of `from`, rewritten for the numbering of `to`, where the
/// paragraph and its targets stand now (references to paragraphs not in `to` are marked
/// dangling). Used to bring back the text of an older revision. Returns the warnings.
pub(crate) fn translate(from: &Document, to: &Document, p: &mut Paragraph) -> Vec<String> {
    if from.is_amendment() || to.is_amendment() {
        return Vec::new();
    }
    let before = Index::build(from);
    let after = Index::build(to);
    let ctx = Ctx {
        before: &before,
        after: &after,
        scope: Scope::Top,
    };
    let mut messages = Vec::new();
    let mut warnings = Vec::new();
    fn rec(
        p: &mut Paragraph,
        ctx: &Ctx,
        to: &Document,
        messages: &mut Vec<String>,
        warnings: &mut Vec<String>,
    ) {
        let place = || {
            to.locate(&p.id)
                .map(|loc| numbering::describe(to, &loc))
                .unwrap_or_else(|| p.id.to_string())
        };
        if p.text.contains("aragraph")
            && let Some(t) = rewrite_text(&p.id, &p.text, ctx, false, &place, messages, warnings)
        {
            p.text = t;
        }
        for sp in &mut p.subparagraphs {
            rec(sp, ctx, to, messages, warnings);
        }
    }
    rec(p, &ctx, to, &mut messages, &mut warnings);
    warnings
}

/// Rewrites reference texts written against the numbering of one document for another,
/// many texts at a time: the two indexes are built once (see [`translate`] for one
/// paragraph). A merge uses it to bring each side's texts to the merged numbering.
pub struct ReferenceTranslator {
    before: Index,
    after: Index,
}

impl ReferenceTranslator {
    pub fn new(from: &Document, to: &Document) -> Self {
        ReferenceTranslator {
            before: Index::build(from),
            after: Index::build(to),
        }
    }

    /// The text of paragraph `id` (written against `from`) as it reads in `to`.
    pub fn text(&self, id: &Id, text: &str) -> String {
        if !text.contains("aragraph") {
            return text.to_string();
        }
        let ctx = Ctx {
            before: &self.before,
            after: &self.after,
            scope: Scope::Top,
        };
        let (mut messages, mut warnings) = (Vec::new(), Vec::new());
        rewrite_text(
            id,
            text,
            &ctx,
            false,
            &|| id.to_string(),
            &mut messages,
            &mut warnings,
        )
        .unwrap_or_else(|| text.to_string())
    }
}

/// `s` (which starts at byte `base` of the text the spans refer to) with the sorted,
/// non-overlapping replacements made.
fn splice(s: &str, base: usize, reps: &[(Range<usize>, String)]) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut at = 0;
    for (span, new) in reps {
        let (start, end) = (span.start - base, span.end - base);
        if start < at || end > s.len() {
            continue;
        }
        out.push_str(&s[at..start]);
        out.push_str(new);
        at = end;
    }
    out.push_str(&s[at..]);
    out
}
