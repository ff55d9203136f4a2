//! Repairs of AKN from elsewhere, whose paragraphs carry what resdraft keeps apart: a
//! paragraph that runs on into the next numbered one, a number merged into the text, a
//! footnote merged after a line of underscores (its marker a number glued to a word). Each
//! repair is reported with a warning; resdraft's own export never needs them.

use super::Reader;
use crate::model::{Footnote, Id, Paragraph, Part};
use crate::phrases;
use roxmltree::Node;
use std::sync::LazyLock;

impl Reader<'_, '_> {
    /// A paragraph whose text runs on into the next numbered one ("…; 10 that broad
    /// participation …", where the paragraph is numbered 9) is split in two.
    pub(super) fn split_merged(&mut self, p: &mut Paragraph, n: Node) -> Option<Paragraph> {
        static RUN_ON: LazyLock<regex::Regex> = LazyLock::new(|| {
            regex::Regex::new(r"[;,]\s+(\d{1,3})\s+(\p{Ll}\S*\s.*)$").expect("a valid regex")
        });
        let num: u32 = self.nums.get(&p.id)?.trim_end_matches('.').parse().ok()?;
        let m = RUN_ON.captures(&p.text)?;
        let next: u32 = m[1].parse().ok()?;
        if next != num + 1 || !p.subparagraphs.is_empty() {
            return None;
        }
        let at = m.get(1).map_or(0, |g| g.start());
        let rest = m[2].to_string();
        p.text.truncate(at);
        let kept = p.text.trim_end().to_string();
        p.text = kept;
        let line = self.line(n);
        self.warn(
            line,
            format!(
                "paragraph {num} runs on into paragraph {next} (“{next} {}…”): split in two",
                rest.chars().take(30).collect::<String>()
            ),
        );
        let id = self.fresh_id("p");
        self.nums.insert(id.clone(), next.to_string());
        Some(Paragraph::new(id, "", rest))
    }

    /// A paragraph without `<num>` whose text opens with a number ("1 to hold …") has its
    /// number merged into the text.
    pub(super) fn unglue_number(&mut self, p: &mut Paragraph, n: Node) {
        static NUMBER: LazyLock<regex::Regex> = LazyLock::new(|| {
            regex::Regex::new(r"^\(?(\d{1,3}|[a-z]{1,2})[.)]?\s+(\S.*)$").expect("a valid regex")
        });
        if self.nums.contains_key(&p.id) || !p.lead.is_empty() {
            return;
        }
        let Some(m) = NUMBER.captures(&p.text) else {
            return;
        };
        let (num, rest) = (m[1].to_string(), m[2].to_string());
        if !num.chars().all(|c| c.is_ascii_digit()) && !p.text.starts_with(&format!("{num})")) {
            return;
        }
        let line = self.line(n);
        self.warn(
            line,
            format!(
                "the number “{num}” is in the text of the paragraph, not in a <num>: taken out"
            ),
        );
        self.nums.insert(p.id.clone(), num);
        p.text = rest;
        if let Some(end) = phrases::match_lead(&p.text, phrases::operative())
            && !p.text[..end].contains(['*', '\\', '['])
        {
            p.lead = p.text[..end].to_string();
            p.text = p.text[end..].trim_start().to_string();
        }
    }

    /// A footnote merged into a paragraph's text after a line of underscores
    /// ("…; ____ 1 These include …") is taken out as a footnote, and its marker looked for
    /// as a number glued to a word ("countries1") in the paragraphs read so far.
    pub(super) fn unmerge_footnote(&mut self, p: &mut Paragraph, n: Node, part: Part) {
        static MERGED: LazyLock<regex::Regex> = LazyLock::new(|| {
            regex::Regex::new(r"\s*_{4,}\s*(\d{1,3})\s+(\S.*)$").expect("a valid regex")
        });
        let Some(m) = MERGED.captures(&p.text) else {
            return;
        };
        let start = m.get(0).map_or(0, |x| x.start());
        let (number, note) = (m[1].to_string(), m[2].to_string());
        p.text.truncate(start);
        let id = self.fresh_note_id();
        let line = self.line(n);
        let short: String = note.chars().take(40).collect();
        self.warn(
            line,
            format!(
                "footnote {number} (“{short}…”) is merged into the text of a paragraph after a \
                 line of underscores: taken out as a footnote"
            ),
        );
        let anchor = match self.glued_marker(p, part, &number, &id) {
            Some((anchor, word)) => {
                self.warn(
                    line,
                    format!(
                        "the marker of footnote {number} is glued to the word “{word}”: made a footnote marker"
                    ),
                );
                anchor
            }
            None => {
                self.warn(
                    line,
                    format!("no marker found for footnote {number}: kept with the paragraph it was merged into"),
                );
                p.id.clone()
            }
        };
        self.footnotes.push((
            Footnote {
                id,
                anchor,
                text: crate::markup::escape(&note),
            },
            None,
        ));
    }

    fn fresh_note_id(&mut self) -> Id {
        self.fresh_id("f")
    }

    /// A new id with this prefix, used nowhere in the document.
    fn fresh_id(&mut self, prefix: &str) -> Id {
        let mut k = 1;
        loop {
            let id = Id(format!("{prefix}{k}"));
            if !self.used.contains(&id) && !self.reserved.contains(&id) {
                self.used.insert(id.clone());
                return id;
            }
            k += 1;
        }
    }

    /// Looks for footnote `number` glued to a word (“countries1,”) in `p` and then in the
    /// paragraphs read before it, last first; replaces it with the marker of `id`. The
    /// paragraph it stands in and the word.
    fn glued_marker(
        &mut self,
        p: &mut Paragraph,
        part: Part,
        number: &str,
        id: &Id,
    ) -> Option<(Id, String)> {
        let re = regex::Regex::new(&format!(r"(\p{{L}}{{2,}}){number}(\W|$)")).ok()?;
        let marker = crate::markup::marker(id);
        let fix = |q: &mut Paragraph| -> Option<(Id, String)> {
            let mut found = None;
            visit_mut(q, &mut |x| {
                if found.is_none()
                    && let Some(m) = re.captures(&x.text)
                {
                    let word = m[1].to_string();
                    let at = m.get(1).map_or(0, |g| g.end());
                    x.text.replace_range(at..at + number.len(), &marker);
                    found = Some((x.id.clone(), word));
                }
            });
            found
        };
        if let Some(f) = fix(p) {
            return Some(f);
        }
        let keys: Vec<Part> = self
            .doc
            .part_keys()
            .into_iter()
            .filter(|k| k.order_key() <= part.order_key())
            .collect();
        for key in keys.into_iter().rev() {
            let list = self.doc.part_mut(key)?;
            for q in list.iter_mut().rev() {
                if let Some(f) = fix(q) {
                    return Some(f);
                }
            }
        }
        None
    }
}

/// Visits a paragraph and its sub-paragraphs, mutably.
fn visit_mut(p: &mut Paragraph, f: &mut dyn FnMut(&mut Paragraph)) {
    f(p);
    for sp in &mut p.subparagraphs {
        visit_mut(sp, f);
    }
}
