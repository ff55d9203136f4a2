//! Labels of parts, annexes and roman-numbered headings that follow their order, as paragraph
//! numbers do. Where the labels of a list ran as a sequence before an operation (I, II, III …
//! or A, B, C …; a lone annex unlabelled) and the operation added, removed or reordered its
//! items, they are written as that sequence afterwards: a part moved up becomes part I, an
//! annex added after annex I becomes II and the old II becomes III, a lone "Annex" becomes
//! annex I when a second one is added. Labels that were typed out of sequence are left alone,
//! and so is a label that an operation sets. References "of annex II" follow their annex
//! (see the cross-references).

use super::OpError;
use super::transaction::{Edit, Recorder};
use crate::model::{Document, Heading, Id};
use crate::numbering;

/// How a list of labels runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// I, II, III …
    Roman,
    /// A, B, C … (resolutions A and B of one document).
    Letters,
}

impl Style {
    /// The label of the `k`-th item (0-based); `None` past Z.
    fn label(self, k: usize) -> Option<String> {
        match self {
            Style::Roman => Some(numbering::roman(k + 1).to_uppercase()),
            Style::Letters => (k < 26).then(|| char::from(b'A' + k as u8).to_string()),
        }
    }

    /// The style a non-empty list of labels runs in, if it runs in one; `lone` accepts a single
    /// empty label (the lone annex) as the start of the roman sequence.
    fn of(labels: &[&str], lone: bool) -> Option<Style> {
        if labels.is_empty() {
            return None;
        }
        if lone && labels == [""] {
            return Some(Style::Roman);
        }
        [Style::Roman, Style::Letters].into_iter().find(|s| {
            labels
                .iter()
                .enumerate()
                .all(|(k, l)| s.label(k).as_deref() == Some(*l))
        })
    }
}

/// The ids and labels of the parts, the annexes and the level-1 headings at one moment.
#[derive(Debug, Default)]
pub(crate) struct Labels {
    parts: Vec<(Id, String)>,
    annexes: Vec<(Id, String)>,
    headings: Vec<(Id, String)>,
}

impl Labels {
    pub(crate) fn take(doc: &Document) -> Self {
        Labels {
            parts: doc
                .parts
                .iter()
                .map(|p| (p.id.clone(), p.label.clone()))
                .collect(),
            annexes: doc
                .annexes
                .iter()
                .map(|x| (x.id.clone(), x.label.clone()))
                .collect(),
            headings: top_headings(&doc.headings)
                .map(|h| (h.id.clone(), h.label.clone()))
                .collect(),
        }
    }
}

fn top_headings(list: &[Heading]) -> impl Iterator<Item = &Heading> {
    list.iter().filter(|h| h.level <= 1)
}

/// The labels a list is to have now (`now`: its ids and labels in order), or `None` when they
/// stay: only when the labels ran in sequence `before` and the items changed.
fn relabelled(before: &[(Id, String)], now: &[(Id, String)], lone: bool) -> Option<Vec<String>> {
    let ids = |l: &[(Id, String)]| l.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>();
    if ids(before) == ids(now) {
        return None;
    }
    let labels: Vec<&str> = before.iter().map(|(_, l)| l.as_str()).collect();
    let style = Style::of(&labels, lone)?;
    let want: Vec<String> = (0..now.len())
        .map(|k| match (lone, now.len()) {
            (true, 1) => Some(String::new()),
            _ => style.label(k),
        })
        .collect::<Option<_>>()?;
    let same = now.iter().map(|(_, l)| l).eq(want.iter());
    (!same).then_some(want)
}

/// The labels the parts, the annexes and the level-1 headings are to have in `doc` (each
/// `None` when they stay), after the labels `before`.
struct Wanted {
    parts: Option<Vec<String>>,
    annexes: Option<Vec<String>>,
    headings: Option<Vec<String>>,
}

fn wanted(before: &Labels, doc: &Document) -> Wanted {
    let now = Labels::take(doc);
    Wanted {
        parts: relabelled(&before.parts, &now.parts, false),
        annexes: relabelled(&before.annexes, &now.annexes, true),
        headings: relabelled(&before.headings, &now.headings, false),
    }
}

/// Writes the labels of `doc` that ran in sequence in `before` (a document whose parts,
/// annexes or headings were then added, removed or reordered) as that sequence, without
/// recording (for a document built anew, as an amended text is).
pub(crate) fn follow_plain(before: &Document, doc: &mut Document) {
    let w = wanted(&Labels::take(before), doc);
    if let Some(want) = w.parts {
        for (p, l) in doc.parts.iter_mut().zip(want) {
            p.label = l;
        }
    }
    if let Some(want) = w.annexes {
        for (x, l) in doc.annexes.iter_mut().zip(want) {
            x.label = l;
        }
    }
    if let Some(want) = w.headings {
        for (h, l) in doc.headings.iter_mut().filter(|h| h.level <= 1).zip(want) {
            h.label = l;
        }
    }
}

/// Writes the labels of each list whose items an operation changed as the sequence they ran
/// in before it (`before`), saying what changed in `messages`.
pub(crate) fn follow(
    rec: &mut Recorder<'_>,
    before: &Labels,
    messages: &mut Vec<String>,
) -> Result<(), OpError> {
    let w = wanted(before, rec.doc);
    if let Some(want) = w.parts {
        for (index, label) in want.into_iter().enumerate() {
            let p = &rec.doc.parts[index];
            if p.label != label {
                messages.push(format!("part {} is now part {label}", p.label));
                let heading = p.heading.clone();
                rec.edit(Edit::SetPartTitle {
                    index,
                    label,
                    heading,
                })?;
            }
        }
    }
    if let Some(want) = w.annexes {
        for (index, label) in want.into_iter().enumerate() {
            let x = &rec.doc.annexes[index];
            if x.label != label {
                let was = x.printed_label();
                let title = x.title.clone();
                rec.edit(Edit::SetAnnexTitle {
                    index,
                    label,
                    title,
                })?;
                let is = rec.doc.annexes[index].printed_label().to_lowercase();
                messages.push(format!("{was} is now {is}"));
            }
        }
    }
    if let Some(want) = w.headings {
        let mut list = rec.doc.headings.clone();
        let mut want = want.into_iter();
        for h in list.iter_mut().filter(|h| h.level <= 1) {
            let Some(label) = want.next() else { break };
            if h.label != label {
                messages.push(format!("heading {} is now heading {label}", h.label));
                h.label = label;
            }
        }
        if list != rec.doc.headings {
            rec.edit(Edit::SetHeadings(list))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(labels: &[&str]) -> Vec<(Id, String)> {
        labels
            .iter()
            .enumerate()
            .map(|(k, l)| (Id(format!("x{k}")), l.to_string()))
            .collect()
    }

    #[test]
    fn a_sequence_follows_the_order() {
        let before = list(&["I", "II"]);
        // Moved: x1 first.
        let now = vec![before[1].clone(), before[0].clone()];
        assert_eq!(
            relabelled(&before, &now, false),
            Some(vec!["I".into(), "II".into()])
        );
        // Added in the middle with the label it was offered: the rest move on.
        let mut now = before.clone();
        now.insert(1, (Id::new("new"), "II".into()));
        assert_eq!(
            relabelled(&before, &now, false),
            Some(vec!["I".into(), "II".into(), "III".into()])
        );
        // Letters.
        let before = list(&["A", "B", "C"]);
        let now = vec![before[0].clone(), before[2].clone()];
        assert_eq!(
            relabelled(&before, &now, false),
            Some(vec!["A".into(), "B".into()])
        );
    }

    #[test]
    fn labels_out_of_sequence_or_only_edited_stay() {
        let before = list(&["I", "III"]);
        let now = vec![before[1].clone(), before[0].clone()];
        assert_eq!(relabelled(&before, &now, false), None);
        // The same items: an edited label is the drafter's.
        let before = list(&["I", "II"]);
        let mut now = before.clone();
        now[1].1 = "IV".into();
        assert_eq!(relabelled(&before, &now, false), None);
        // Nothing before: the first label is as given.
        assert_eq!(relabelled(&[], &list(&["B"]), false), None);
    }

    #[test]
    fn a_lone_annex_takes_a_numeral_when_a_second_comes_and_loses_it_again() {
        let before = list(&[""]);
        let mut now = before.clone();
        now.push((Id::new("new"), "II".into()));
        assert_eq!(
            relabelled(&before, &now, true),
            Some(vec!["I".into(), "II".into()])
        );
        let before = list(&["I", "II"]);
        let now = vec![before[1].clone()];
        assert_eq!(relabelled(&before, &now, true), Some(vec![String::new()]));
    }
}
