//! End punctuation that follows position, as UN practice requires for resolutions.
//!
//! Preambular paragraphs end with a comma; operative paragraphs with a semicolon, the last one
//! with a full stop. A paragraph that introduces sub-paragraphs ends its own text with a
//! colon; in a series of sub-paragraphs each item ends with a semicolon except the last,
//! which ends as its parent would have ended (so the last item of the last operative
//! paragraph takes the full stop, the last item of any other operative paragraph a
//! semicolon, the last item of a preambular paragraph a comma).
//!
//! Only the final mark is replaced. It stands after closing quotes, brackets and emphasis
//! (`“Personnel”;`) and before trailing footnote markers (`…Court,[^f2]`). An ending like
//! “; and” is kept where a semicolon is wanted and replaced where another mark is. Reports
//! are not punctuated this way and are left alone; so are empty texts.

use super::transaction::Recorder;
use super::{OpError, quote};
use crate::model::{Document, Id, Location, Paragraph, Part};
use crate::numbering;
use std::collections::HashSet;

/// The marks this module places and replaces.
const MARKS: [char; 4] = [',', ';', '.', ':'];

/// The end mark each paragraph of a resolution should carry, in document order (the order of
/// [`Document::walk`]): the paragraphs of the preamble and operative part of the resolution
/// and of each of its parts come first in that order, and only they carry one, so the list
/// ends where they do (empty for a report).
pub(crate) fn roles(doc: &Document) -> Vec<char> {
    // `item` ends the items of a series before the last: a semicolon, a comma in a preamble
    // (as adopted resolutions do; the check holds the same rule).
    fn assign(p: &Paragraph, terminal: char, item: char, out: &mut Vec<char>) {
        if p.subparagraphs.is_empty() {
            out.push(terminal);
            return;
        }
        out.push(':');
        let n = p.subparagraphs.len();
        for (i, sp) in p.subparagraphs.iter().enumerate() {
            assign(sp, if i + 1 == n { terminal } else { item }, item, out);
        }
    }
    let mut out = Vec::new();
    // A report's paragraphs and an amendment's instructions end as they are written.
    if doc.is_report() || doc.is_amendment() {
        return out;
    }
    // The resolution's own preamble and operative part, then each part's (annexes keep the
    // punctuation of the annexed text as written).
    let lists = std::iter::once((Part::Operative, &doc.preamble, &doc.operative)).chain(
        doc.parts
            .iter()
            .enumerate()
            .map(|(k, p)| (Part::PartOperative(k), &p.preamble, &p.operative)),
    );
    for (part, preamble, operative) in lists {
        for p in preamble {
            assign(p, ',', ',', &mut out);
        }
        let n = operative.len();
        for (i, p) in operative.iter().enumerate() {
            assign(p, operative_end(doc, part, i, n), ';', &mut out);
        }
    }
    out
}

/// The end mark of operative paragraph `i` of the `n` of list `part`: a semicolon, the last
/// a full stop. A resolution divided into sections I, II … (the Fifth Committee's omnibus
/// texts) is one sentence: the last paragraph of every section but the last ends with a
/// semicolon, as the adopted texts do. Resolutions A and B of one document each end with a
/// full stop.
///
/// The last paragraph that adopts the text annexed after it ("Adopts the following Pact
/// for the Future and its annexes:") ends with a colon.
pub(crate) fn operative_end(doc: &Document, part: Part, i: usize, n: usize) -> char {
    if i + 1 < n {
        return ';';
    }
    let adopts = doc
        .part(part)
        .and_then(|list| list.get(i))
        .is_some_and(|p| !doc.annexes.is_empty() && adopts_following(&p.full_text()));
    if adopts {
        return ':';
    }
    let sections = doc.parts.first().is_some_and(|p| p.label == "I");
    let later = match part {
        Part::Operative => !doc.parts.is_empty(),
        Part::PartOperative(k) => doc.parts[k + 1..].iter().any(|p| !p.operative.is_empty()),
        _ => false,
    };
    if sections && later { ';' } else { '.' }
}

/// Whether a paragraph adopts the text that follows it ("Adopts the following …:").
pub(crate) fn adopts_following(text: &str) -> bool {
    let t = crate::markup::strip_borrowed(text);
    let t = t.trim();
    t.starts_with("Adopts the following") && t.trim_end_matches(['”', '’']).ends_with(':')
}

/// Whether a text ending with a colon announces what is printed after it, not
/// sub-paragraphs (a table, a list): "… as set out in the table below:", "… as follows:",
/// "… the following:". Such a paragraph rightly ends with a colon.
pub(crate) fn announces(text: &str) -> bool {
    let plain = crate::markup::strip_borrowed(text);
    let Some(t) = plain.trim_end().strip_suffix(':') else {
        return false;
    };
    let t = t.trim_end();
    ["below", "as follows", "the following"]
        .iter()
        .any(|w| t.ends_with(w))
}

/// Length of `s` without trailing whitespace and trailing footnote markers.
fn before_markers(s: &str) -> usize {
    let mut end = s.trim_end().len();
    loop {
        let head = &s[..end];
        if !head.ends_with(']') {
            return end;
        }
        let Some(open) = head.rfind("[^") else {
            return end;
        };
        let id = &head[open + 2..head.len() - 1];
        // `\[^x]` is the literal text “[^x]”, not a marker.
        let escaped = head[..open]
            .chars()
            .rev()
            .take_while(|c| *c == '\\')
            .count()
            % 2
            == 1;
        let is_marker = !escaped
            && !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !is_marker {
            return end;
        }
        end = s[..open].trim_end().len();
    }
}

/// The text of two paragraphs merged into one: the end mark the first had as a paragraph
/// (`;` `,` `.` `:`, before any footnote markers) goes, since the text now runs on, and the
/// second's opening phrase joins in lower case ("planning; green" → "planning green",
/// "planning;" + "Encourages …" → "planning, encourages …"). The inverse of a split.
pub(crate) fn join_texts(first: &str, lead: &str, text: &str) -> String {
    let cut = before_markers(first);
    let (head, tail) = first.split_at(cut);
    let ellipsis = head.ends_with("..");
    let head = match head.chars().last() {
        Some(c) if MARKS.contains(&c) && !ellipsis => &head[..head.len() - 1],
        _ => head,
    };
    let head = head.trim_end();
    let mut second = String::new();
    let mut sep = "";
    let mut chars = lead.chars();
    if let Some(c) = chars.next() {
        if head.is_empty() {
            second.push_str(lead);
        } else {
            second.extend(c.to_lowercase());
            second.push_str(chars.as_str());
            sep = ",";
        }
    }
    let first = format!("{head}{sep}{tail}");
    if !text.is_empty() {
        if !second.is_empty() {
            second.push(' ');
        }
        second.push_str(text);
    }
    match (first.trim().is_empty(), second.is_empty()) {
        (true, _) => second,
        (false, true) => first,
        (false, false) => format!("{first} {second}"),
    }
}

/// The text with its final punctuation mark set to `mark`, or `None` when it already ends
/// so (or is empty). Also returns the old ending and the new one, for messages.
pub(crate) fn with_end(text: &str, mark: char) -> Option<(String, String, String)> {
    if crate::markup::strip(text).trim().is_empty() {
        return None;
    }
    let cut = before_markers(text);
    let (head, tail) = text.split_at(cut);
    // A conjunction ending: "…; and", "…, or".
    let conj = ["and", "or"].iter().find_map(|w| {
        let rest = head.strip_suffix(w)?;
        let before_space = rest.trim_end();
        if before_space.len() == rest.len() {
            return None;
        }
        let last = before_space.chars().last()?;
        MARKS
            .contains(&last)
            .then_some(before_space.len() - last.len_utf8())
    });
    if let Some(pos) = conj {
        if mark == ';' {
            if head[pos..].starts_with(';') {
                return None;
            }
            let new = format!("{};{}{tail}", &head[..pos], &head[pos + 1..]);
            return Some((
                new,
                head[pos..].to_string(),
                format!(";{}", &head[pos + 1..]),
            ));
        }
        let new = format!("{}{mark}{tail}", &head[..pos]);
        return Some((new, head[pos..].to_string(), mark.to_string()));
    }
    let last = head.chars().last()?;
    let ellipsis = head.ends_with("..") || last == '…';
    if MARKS.contains(&last) && !ellipsis {
        if last == mark {
            return None;
        }
        let new = format!("{}{mark}{tail}", &head[..head.len() - 1]);
        return Some((new, last.to_string(), mark.to_string()));
    }
    let new = format!("{head}{mark}{tail}");
    Some((new, String::new(), mark.to_string()))
}

/// Fixes the end punctuation of every paragraph in `ids` (all paragraphs when `None`) and of
/// every paragraph whose position-given mark differs from `before` (the [`roles`] of the
/// document `order` indexes). Reports are left alone.
pub(crate) fn fix(
    rec: &mut Recorder<'_>,
    before: &[char],
    order: &super::crossref::Index,
    ids: Option<&HashSet<Id>>,
    messages: &mut Vec<String>,
) -> Result<(), OpError> {
    let after = roles(rec.doc);
    let mut todo: Vec<(Location, Id, String)> = Vec::new();
    let doc: &Document = rec.doc;
    let mut at = 0;
    doc.walk(&mut |p, loc| {
        let Some(mark) = after.get(at) else {
            return;
        };
        at += 1;
        let wanted = match ids {
            None => true,
            Some(set) => {
                set.contains(&p.id) || order.order(&p.id).and_then(|k| before.get(k)) != Some(mark)
            }
        };
        if !wanted {
            return;
        }
        if let Some((text, old, new)) = with_end(&p.text, *mark) {
            let place = numbering::describe(doc, loc);
            todo.push((loc.clone(), p.id.clone(), text));
            let msg = if old.is_empty() {
                format!("{place}: end punctuation {} added", quote(&new))
            } else {
                format!("{place}: end punctuation {} → {}", quote(&old), quote(&new))
            };
            messages.push(msg);
        }
    });
    for (loc, id, text) in todo {
        rec.set_text_at(&loc, &id, text)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn end(text: &str, mark: char) -> String {
        with_end(text, mark)
            .map(|(t, _, _)| t)
            .unwrap_or_else(|| text.to_string())
    }

    #[test]
    fn replaces_only_the_final_mark() {
        assert_eq!(end("to act;", '.'), "to act.");
        assert_eq!(end("to act.", ';'), "to act;");
        assert_eq!(end("to act", ';'), "to act;");
        assert_eq!(end("to act;  ", '.'), "to act.  ");
        assert_eq!(
            end("in the following areas,", ':'),
            "in the following areas:"
        );
        assert!(with_end("to act;", ';').is_none());
    }

    #[test]
    fn mark_stands_after_quotes_and_before_footnote_markers() {
        assert_eq!(end("entitled “Personnel”;", '.'), "entitled “Personnel”.");
        assert_eq!(end("entitled “Personnel”", ';'), "entitled “Personnel”;");
        assert_eq!(end("the Court,[^f2]", ';'), "the Court;[^f2]");
        assert_eq!(end("the Court[^f2]", ','), "the Court,[^f2]");
        assert_eq!(end("the Court,[^f2][^f3] ", '.'), "the Court.[^f2][^f3] ");
        // An escaped marker is text: the mark goes after it.
        assert_eq!(end("the sign \\[^x]", ';'), "the sign \\[^x];");
        assert_eq!(end("the sign \\\\[^f2]", ';'), "the sign \\\\;[^f2]");
        assert_eq!(end("*Treaty Series*", ';'), "*Treaty Series*;");
        assert_eq!(end("(A/75/1);", '.'), "(A/75/1).");
    }

    #[test]
    fn conjunction_endings() {
        assert!(with_end("to act; and", ';').is_none());
        assert_eq!(end("to act, and", ';'), "to act; and");
        assert_eq!(end("to act; and", '.'), "to act.");
        assert_eq!(end("to act; or[^f1]", ','), "to act,[^f1]");
    }

    #[test]
    fn empty_and_ellipsis() {
        assert!(with_end("", ';').is_none());
        assert!(with_end("  ", ';').is_none());
        assert_eq!(end(":", ';'), ";");
        assert_eq!(end("and so on...", ';'), "and so on...;");
    }

    #[test]
    fn roles_follow_position() {
        let mut doc = Document::new(crate::model::DocKind::Resolution);
        doc.preamble
            .push(Paragraph::new(Id::new("p1"), "Recalling", "x"));
        let mut op1 = Paragraph::new(Id::new("p2"), "Urges", "x");
        op1.subparagraphs
            .push(Paragraph::new(Id::new("p3"), "", "a"));
        op1.subparagraphs
            .push(Paragraph::new(Id::new("p4"), "", "b"));
        doc.operative.push(op1);
        let mut op2 = Paragraph::new(Id::new("p5"), "Decides", "x");
        op2.subparagraphs
            .push(Paragraph::new(Id::new("p6"), "", "a"));
        op2.subparagraphs
            .push(Paragraph::new(Id::new("p7"), "", "b"));
        doc.operative.push(op2);
        assert_eq!(roles(&doc), [',', ':', ';', ';', ':', ';', '.']);
        doc.kind = crate::model::DocKind::Report;
        assert!(roles(&doc).is_empty());
    }
}
