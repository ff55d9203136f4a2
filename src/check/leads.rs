//! Opening phrases. Every preambular and operative paragraph opens with one
//! (`missing-lead`), and not with an adverb alone while its verb stands outside it ("Further" with
//! "decides": `lead-incomplete`). A preambular paragraph opens with a participle or an
//! adjective, an operative paragraph with a verb in the present indicative ("Recalls" in the
//! preamble, "Requesting" in the operative part: `lead-form`), in the third person singular
//! ("Encourage" → "Encourages": `lead-person`). Opening phrases are capitalised consistently
//! (`lead-capitalisation`), and "Also"/"Further" follow an earlier paragraph opened by the
//! same verb ("Also requests" with no "Requests" before it: `lead-sequence`).
//!
//! Adopted resolutions do repeat a verb in consecutive paragraphs without "Also" ("Requests
//! the Secretary-General …; Requests the Secretary-General …"), so a repetition is not a
//! finding.

use super::{Finding, finding};
use crate::model::{DocKind, Document, Location, Paragraph, Part};
use crate::phrases;

/// The lead's words with leading adverbs removed, and whether an adverb stood there.
fn verb_words(lead: &str) -> (Vec<&str>, bool) {
    let words: Vec<&str> = lead.split_whitespace().collect();
    let skip = words.iter().take_while(|w| phrases::is_adverb(w)).count();
    (words[skip.min(words.len())..].to_vec(), skip > 0)
}

/// The third person singular of a verb ("encourage" → "encourages", "call" → "calls").
pub fn third_person(verb: &str) -> String {
    let lower = verb.to_lowercase();
    if lower.ends_with(['s', 'x', 'z', 'o']) || lower.ends_with("sh") || lower.ends_with("ch") {
        format!("{verb}es")
    } else if lower.ends_with('y')
        && !lower.ends_with("ay")
        && !lower.ends_with("ey")
        && !lower.ends_with("oy")
    {
        format!("{}ies", verb.strip_suffix(['y', 'Y']).unwrap_or(verb))
    } else {
        format!("{verb}s")
    }
}

/// The present participle of an operative verb in the third person singular ("Recalls" →
/// "Recalling", "Notes" → "Noting", "Stresses" → "Stressing", "Regrets" → "Regretting"),
/// preferring the form that opens a listed preambular phrase.
pub fn participle(verb: &str) -> String {
    let lower = verb.to_lowercase();
    let base = if let Some(stem) = verb.strip_suffix("ies") {
        format!("{stem}y")
    } else if ["sses", "shes", "ches", "xes"]
        .iter()
        .any(|s| lower.ends_with(s))
    {
        verb[..verb.len() - 2].to_string()
    } else {
        verb.strip_suffix('s').unwrap_or(verb).to_string()
    };
    let mut candidates = Vec::new();
    if let Some(stem) = base.strip_suffix('e').filter(|s| !s.ends_with('e')) {
        candidates.push(format!("{stem}ing"));
    }
    candidates.push(format!("{base}ing"));
    if let Some(last) = base.chars().last().filter(|c| !"aeiouwxy".contains(*c)) {
        candidates.push(format!("{base}{last}ing"));
    }
    candidates
        .iter()
        .find(|c| phrases::is_preambular_word(c))
        .unwrap_or(&candidates[0])
        .clone()
}

/// The operative form (third person singular) of a participle ("Requesting" → "Requests",
/// "Noting" → "Notes", "Stressing" → "Stresses"), preferring a listed operative verb.
pub fn indicative(participle: &str) -> Option<String> {
    let stem = participle
        .strip_suffix("ing")
        .filter(|s| s.chars().count() >= 2)?;
    // "Requests", "Notes" or "Stresses"; "Regrets" from "Regrett"; "Applies" from "Apply".
    let mut candidates = vec![format!("{stem}s"), format!("{stem}es")];
    let mut chars = stem.chars().rev();
    if let (Some(a), Some(b)) = (chars.next(), chars.next())
        && a == b
    {
        candidates.push(format!("{}s", &stem[..stem.len() - a.len_utf8()]));
    }
    if let Some(s) = stem.strip_suffix('y') {
        candidates.push(format!("{s}ies"));
    }
    Some(
        candidates
            .iter()
            .find(|c| phrases::is_operative_verb(c))
            .cloned()
            .unwrap_or_else(|| third_person(&base_of_stem(stem))),
    )
}

/// The base form of a verb from the stem of its participle when the phrase lists do not know
/// it: "Admitt" → "Admit", "Promot" → "Promote", "Advanc" → "Advance", "Request" as it is.
fn base_of_stem(stem: &str) -> String {
    let chars: Vec<char> = stem.to_lowercase().chars().collect();
    let n = chars.len();
    let vowel = |c: char| "aeiou".contains(c);
    if n >= 3
        && chars[n - 1] == chars[n - 2]
        && !vowel(chars[n - 1])
        && !"lsf".contains(chars[n - 1])
    {
        return stem[..stem.len() - 1].to_string();
    }
    let last = chars[n - 1];
    let e_dropped = "cvzu".contains(last)
        || last == 'g' && n >= 2 && chars[n - 2] != 'n'
        || n >= 3 && "tdrms".contains(last) && vowel(chars[n - 2]) && !vowel(chars[n - 3]);
    if e_dropped {
        format!("{stem}e")
    } else {
        stem.to_string()
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A finding without its place: the rule, the message and the suggestion.
type Said = (&'static str, String, String);

/// What a paragraph's opening phrase and words decide on their own for one kind of place
/// (preambular or operative), wherever the paragraph stands: kept in the check's memo with
/// the paragraph's other words ([`super::local::Local`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Verdict {
    /// The findings the paragraph alone decides, in the order they are reported.
    own: Vec<Said>,
    /// Whether the capitalisation is compared with the other leads of the document (then
    /// `phrase` is reported only when no other lead decides).
    compare: bool,
    /// The lead capitalised unlike its standard phrase.
    phrase: Option<Said>,
    /// The verb key and whether the lead marks a repetition, for [`sequence`].
    key: Option<(String, bool)>,
}

impl Verdict {
    /// Reads a paragraph for a place of this kind.
    pub(crate) fn of(p: &Paragraph, operative: bool) -> Verdict {
        let plain = super::plain(&p.lead);
        let lead = plain.trim();
        let mut v = Verdict {
            key: sequence_key(lead, operative),
            ..Verdict::default()
        };
        if lead.is_empty() {
            v.own.extend(missing(&p.text, operative));
            return v;
        }
        let (words, _) = verb_words(lead);
        if words.is_empty() {
            v.own.extend(incomplete(lead, &p.text, operative));
            return v;
        }
        if let Some(f) = form(lead, words[0], operative) {
            v.own.push(f);
            return v;
        }
        if operative {
            v.own.extend(person(lead, words[0]));
        }
        if let Some(f) = lower_case(lead) {
            v.own.push(f);
            return v;
        }
        if later_caps(lead) {
            v.compare = true;
            v.phrase = phrase(lead, operative);
        }
        v
    }
}

/// One paragraph's opening phrase, with where it stands.
struct Lead<'a> {
    p: &'a Paragraph,
    loc: Location,
    lead: String,
    verdict: std::borrow::Cow<'a, Verdict>,
}

/// Adds the findings on opening phrases to `out`.
pub fn check(doc: &Document, out: &mut Vec<Finding>) {
    check_with(doc, &super::local::Local::all(doc), out);
}

/// [`check`] with what each paragraph's words say read already (`locals`, in document order).
pub(crate) fn check_with(
    doc: &Document,
    locals: &[std::sync::Arc<super::local::Local>],
    out: &mut Vec<Finding>,
) {
    if doc.kind != DocKind::Resolution {
        return;
    }
    // The preamble and operative part of the resolution and of each of its parts, each
    // top-level paragraph with its place among the locals (in document order).
    let mut lists: Vec<(Part, &Vec<Paragraph>)> = Vec::new();
    let mut leads: Vec<Lead> = Vec::new();
    let mut at = 0;
    for (part, list) in doc.parts() {
        let wanted = part.is_preamble() || part.is_operative();
        if wanted {
            lists.push((part, list));
        }
        for (i, p) in list.iter().enumerate() {
            if wanted {
                let operative = part.is_operative();
                let verdict = match locals.get(at) {
                    Some(l) => std::borrow::Cow::Borrowed(l.verdict(p, operative)),
                    None => std::borrow::Cow::Owned(Verdict::of(p, operative)),
                };
                leads.push(Lead {
                    p,
                    loc: Location {
                        part,
                        path: vec![i],
                    },
                    lead: super::plain(&p.lead).trim().to_string(),
                    verdict,
                });
            }
            at += size(p);
        }
    }
    for l in &leads {
        let say = |(rule, message, suggestion): &Said| {
            finding(
                doc,
                &l.p.id,
                &l.loc,
                rule,
                message.clone(),
                suggestion.clone(),
            )
        };
        out.extend(l.verdict.own.iter().map(say));
        if l.verdict.compare {
            match other_capitalisation(doc, l, &leads) {
                Some(f) => out.push(say(&f)),
                None => out.extend(l.verdict.phrase.iter().map(say)),
            }
        }
    }
    let mut first = 0;
    for (part, list) in lists {
        sequence(doc, part, list, &leads[first..first + list.len()], out);
        first += list.len();
    }
}

/// The paragraph and its sub-paragraphs, counted.
fn size(p: &Paragraph) -> usize {
    1 + p.subparagraphs.iter().map(size).sum::<usize>()
}

fn kind(operative: bool) -> &'static str {
    if operative { "operative" } else { "preambular" }
}

fn missing(text: &str, operative: bool) -> Option<Said> {
    let text = super::plain(text);
    // An empty paragraph is reported as such.
    let first = text.split_whitespace().next()?;
    let kind = kind(operative);
    Some((
        "missing-lead",
        format!("the {kind} paragraph has no opening phrase"),
        format!("open with a standard {kind} phrase in italics (it starts “{first}”)"),
    ))
}

/// A lead of adverbs only ("Further"), its verb left in the text ("decides", "decide").
/// Reported when the next word is a listed verb (in a text without italics the importer takes
/// it into the lead, so the italics left it out) or a listed operative verb in the wrong
/// person; any other word may be a verb the phrase lists do not know ("Also looks forward").
fn incomplete(lead: &str, text: &str, operative: bool) -> Option<Said> {
    let text = super::plain(text);
    let next = text.split_whitespace().next().unwrap_or_default();
    if next.is_empty() || !next.chars().all(|c| c.is_alphabetic() || c == '-') {
        return None; // "Also, in this regard, calls upon": an insertion, not a split
    }
    let listed = |w: &str| {
        if operative {
            phrases::is_operative_verb(w)
        } else {
            phrases::is_preambular_word(w)
        }
    };
    let (verb, message) = if listed(next) {
        (
            next.to_string(),
            format!("the opening phrase “{lead}” has no verb: “{next}” stands outside it"),
        )
    } else if operative && listed(&third_person(next)) {
        let verb = third_person(next);
        (
            verb.clone(),
            format!(
                "the opening phrase “{lead}” has no verb: “{next}” stands outside it and is not in the third person singular ({verb})"
            ),
        )
    } else {
        return None;
    };
    Some(("lead-incomplete", message, format!("{lead} {verb}")))
}

/// An operative verb opening a preambular paragraph, or a participle or adjective opening an
/// operative one.
fn form(lead: &str, verb: &str, operative: bool) -> Option<Said> {
    let (message, fixed) = if operative {
        let participial = verb.len() > 5 && verb.ends_with("ing");
        if !participial && !phrases::is_preambular_word(verb) || phrases::is_operative_verb(verb) {
            return None;
        }
        let fixed = indicative(verb);
        (
            format!(
                "an operative paragraph opens with a verb in the present indicative, not “{verb}”"
            ),
            fixed,
        )
    } else {
        let finite = phrases::is_operative_verb(verb)
            || !verb.to_lowercase().ends_with('s')
                && phrases::is_operative_verb(&third_person(verb));
        if !finite || phrases::is_preambular_word(verb) {
            return None;
        }
        let third = if phrases::is_operative_verb(verb) {
            verb.to_string()
        } else {
            third_person(verb)
        };
        (
            format!(
                "a preambular paragraph opens with a participle or an adjective, not the verb “{verb}”"
            ),
            Some(participle(&third)),
        )
    };
    let suggestion = match fixed {
        Some(f) => lead.replacen(verb, &f, 1),
        None => String::new(),
    };
    Some(("lead-form", message, suggestion))
}

fn person(lead: &str, verb: &str) -> Option<Said> {
    let lower = verb.to_lowercase();
    if lower.ends_with('s') || !phrases::is_operative_verb(&third_person(verb)) {
        return None;
    }
    let fixed_verb = third_person(verb);
    let suggestion = lead.replacen(verb, &fixed_verb, 1);
    Some((
        "lead-person",
        format!("lead verb “{verb}” is not in the third person singular ({fixed_verb})"),
        suggestion,
    ))
}

fn lower_case(lead: &str) -> Option<Said> {
    lead.chars().next().filter(|c| c.is_lowercase())?;
    Some((
        "lead-capitalisation",
        format!("lead “{lead}” does not start with a capital letter"),
        capitalised(lead),
    ))
}

/// Whether a word after the first is capitalised.
fn later_caps(s: &str) -> bool {
    s.split_whitespace()
        .skip(1)
        .any(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Another paragraph with the same lead capitalised differently, with no capitals after the
/// first word: that is the document's own form.
fn other_capitalisation(doc: &Document, l: &Lead, leads: &[Lead]) -> Option<Said> {
    let lead = l.lead.as_str();
    let o = leads
        .iter()
        .find(|o| o.lead != lead && o.lead.eq_ignore_ascii_case(lead) && !later_caps(&o.lead))?;
    let where_ = crate::numbering::describe(doc, &o.loc);
    Some((
        "lead-capitalisation",
        format!(
            "lead “{lead}” is capitalised unlike “{}” in {where_}",
            o.lead
        ),
        o.lead.clone(),
    ))
}

/// A lead capitalised unlike the standard phrase it is.
fn phrase(lead: &str, operative: bool) -> Option<Said> {
    let list = if operative {
        phrases::operative()
    } else {
        phrases::preambular()
    };
    let (words, _) = verb_words(lead);
    let core = words.join(" ");
    let std = phrases::listed_phrase(&core, list)?;
    if std.len() != core.len() || std == core {
        return None;
    }
    let suggestion = lead.replacen(&core, std, 1);
    Some((
        "lead-capitalisation",
        format!("lead “{lead}” is capitalised unlike the standard phrase “{std}”"),
        suggestion,
    ))
}

/// The verb of a lead in a form that compares across persons ("Encourage" and "encourages"
/// → "encourages"), and whether the lead marks a repetition ("Also", "Further", "also").
fn sequence_key(lead: &str, operative: bool) -> Option<(String, bool)> {
    let words: Vec<&str> = lead.split_whitespace().collect();
    let skip = words.iter().take_while(|w| phrases::is_adverb(w)).count();
    let verb = words.get(skip)?;
    let before = words[..skip]
        .iter()
        .any(|w| matches!(w.to_lowercase().as_str(), "also" | "further"));
    // "Recalling further" in a preamble; after an operative verb, "further" is usually an
    // adjective ("Encourages further efforts"), so only "also" counts there.
    let after = words.get(skip + 1).is_some_and(|w| {
        let w = w.to_lowercase();
        w == "also" || (!operative && w == "further")
    });
    let mut key = verb.to_lowercase();
    if operative && !key.ends_with('s') {
        key = third_person(&key);
    }
    Some((key, before || after))
}

/// Whether `word` (lower case) stands as a word in `text`, in any case.
fn has_word(text: &str, word: &str) -> bool {
    text.split(|c: char| !c.is_alphabetic() && c != '-')
        .any(|w| w.eq_ignore_ascii_case(word))
}

/// "Also"/"Further" on a verb that opened no earlier paragraph of the same part (nor stood in
/// one's text: "…, and recalling its resolution …" is an earlier "recalling"). `leads` are
/// those of `list`.
fn sequence(
    doc: &Document,
    part: Part,
    list: &[Paragraph],
    leads: &[Lead],
    out: &mut Vec<Finding>,
) {
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for (i, (p, l)) in list.iter().zip(leads).enumerate() {
        let Some((key, marked)) = &l.verdict.key else {
            continue;
        };
        // Earlier paragraphs are read only for a lead that marks a repetition.
        let earlier = || {
            seen.contains(key.as_str())
                || list[..i]
                    .iter()
                    .any(|q| has_word(&super::plain(&q.full_text()), key))
        };
        if *marked && !earlier() {
            let lead = l.lead.as_str();
            let (words, _) = verb_words(lead);
            let plain_lead: Vec<&str> = words
                .into_iter()
                .filter(|w| !matches!(w.to_lowercase().as_str(), "also" | "further"))
                .collect();
            let suggestion = capitalised(&plain_lead.join(" "));
            let loc = Location {
                part,
                path: vec![i],
            };
            out.push(finding(
                doc,
                &p.id,
                &loc,
                "lead-sequence",
                format!(
                    "“{lead}” follows no earlier paragraph opening with “{}”",
                    capitalised(key)
                ),
                suggestion,
            ));
        }
        seen.insert(key.as_str());
    }
}
