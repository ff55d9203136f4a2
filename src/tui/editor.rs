//! The paragraph editor popup's state: ratatui-textarea fields for the opening phrase, the
//! text and the footnotes whose markers the text holds; the opening-phrase completion from the
//! standard UN phrase lists (Tab or Space accepts and moves on to the text, and words typed
//! past a complete phrase flow into the text); and what to do on cancel.

use crate::markup;
use crate::model::{Document, Id, Location};
use crate::phrases;
use crate::tui::theme::Theme;
use ratatui::style::Style;
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

/// Which field has the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Lead,
    Text,
    /// The footnote field at this index of [`Editor::footnotes`].
    Footnote(usize),
}

/// A footnote edited with its paragraph.
pub struct FootnoteField {
    pub id: Id,
    pub input: TextArea<'static>,
    /// Added in this editor (not yet in the draft).
    pub new: bool,
    /// The text in the draft when the editor opened.
    pub original: String,
}

impl FootnoteField {
    pub fn value(&self) -> String {
        self.input.lines().join(" ").trim().to_string()
    }
}

/// An open paragraph editor.
pub struct Editor {
    pub target: Id,
    pub title: String,
    pub lead: TextArea<'static>,
    pub text: TextArea<'static>,
    /// The footnotes marked in the text, in marker order.
    pub footnotes: Vec<FootnoteField>,
    /// Footnotes of the draft whose marker was deleted in this editor (deleted on commit).
    pub deleted: Vec<Id>,
    pub focus: Field,
    /// The phrase list offered for completion (preambular or operative).
    pub phrases: &'static [&'static str],
    /// The highlighted completion candidate.
    pub completion: usize,
    /// The paragraph was inserted just to be edited: cancelling removes it again.
    pub is_new: bool,
    /// Where the selection goes back to when a new paragraph is cancelled.
    pub return_to: Option<Id>,
}

fn field(text: &str, theme: &Theme, wrap: bool) -> TextArea<'static> {
    let mut ta = TextArea::new(vec![text.to_string()]);
    ta.set_style(theme.popup);
    ta.set_cursor_line_style(Style::default());
    ta.set_cursor_style(theme.cursor);
    ta.set_max_histories(1000);
    if wrap {
        ta.set_wrap_mode(WrapMode::WordOrGlyph);
    }
    ta.move_cursor(CursorMove::End);
    ta
}

/// A text area like `like` (styles, wrapping) holding `text`, the cursor at the end.
fn refill(like: &TextArea<'static>, text: &str) -> TextArea<'static> {
    let mut ta = TextArea::new(vec![text.to_string()]);
    ta.set_style(like.style());
    ta.set_cursor_style(like.cursor_style());
    ta.set_cursor_line_style(Style::default());
    ta.set_max_histories(1000);
    ta.set_wrap_mode(like.wrap_mode());
    ta.move_cursor(CursorMove::End);
    ta
}

impl Editor {
    /// An editor on a paragraph of `doc` (the lead, the text and the footnotes it marks);
    /// `loc` picks the phrase list. A new paragraph of a resolution opens on its opening
    /// phrase, a new sub-paragraph (most have none) or annex paragraph on its text; an
    /// existing paragraph on its text.
    pub fn new(
        doc: &Document,
        target: Id,
        title: String,
        loc: &Location,
        theme: &Theme,
        is_new: bool,
    ) -> Self {
        let (lead, text) = doc
            .find(&target)
            .map(|p| (p.lead.clone(), p.text.clone()))
            .unwrap_or_default();
        let phrases = if loc.part.is_preamble() && loc.depth() == 0 {
            phrases::preambular()
        } else {
            phrases::operative()
        };
        // Opening phrases belong to the paragraphs of a resolution, not to sub-paragraphs,
        // annexes or reports.
        let leads = loc.depth() == 0 && (loc.part.is_preamble() || loc.part.is_operative());
        let focus = if lead.is_empty() && text.is_empty() && leads {
            Field::Lead
        } else {
            Field::Text
        };
        let footnotes = markup::markers(&text)
            .into_iter()
            .filter_map(|m| doc.footnote(&m))
            .map(|f| FootnoteField {
                id: f.id.clone(),
                input: field(&f.text, theme, true),
                new: false,
                original: f.text.clone(),
            })
            .collect();
        Editor {
            target,
            title,
            lead: field(&lead, theme, false),
            text: field(&text, theme, true),
            footnotes,
            deleted: Vec::new(),
            focus,
            phrases,
            completion: 0,
            is_new,
            return_to: None,
        }
    }

    /// The lead as typed (one line).
    pub fn lead_value(&self) -> String {
        self.lead.lines().join(" ").trim().to_string()
    }

    /// The text as typed (lines joined by spaces: paragraph text is one line).
    pub fn text_value(&self) -> String {
        self.text.lines().join(" ").trim_end().to_string()
    }

    /// The byte offset of the cursor in [`Editor::text_value`].
    pub fn text_cursor_byte(&self) -> usize {
        let (row, col) = (self.text.cursor().0, self.text.cursor().1);
        let lines = self.text.lines();
        let mut offset = 0;
        for (i, l) in lines.iter().enumerate() {
            if i == row {
                offset += l.char_indices().nth(col).map(|(b, _)| b).unwrap_or(l.len());
                break;
            }
            offset += l.len() + 1;
        }
        offset.min(self.text_value().len())
    }

    /// The focused text area.
    pub fn focused(&mut self) -> &mut TextArea<'static> {
        match self.focus {
            Field::Lead => &mut self.lead,
            Field::Text => &mut self.text,
            Field::Footnote(i) => match self.footnotes.get_mut(i) {
                Some(f) => &mut f.input,
                None => &mut self.text,
            },
        }
    }

    /// Completion candidates for the lead as typed so far (case-insensitive prefix match, a
    /// phrase typed in full first), only while the lead field has the cursor.
    pub fn candidates(&self) -> Vec<&'static str> {
        if self.focus != Field::Lead {
            return Vec::new();
        }
        let typed = self.lead_value().to_lowercase();
        if typed.is_empty() {
            return Vec::new();
        }
        let mut out: Vec<&'static str> = self
            .phrases
            .iter()
            .copied()
            .filter(|p| p.to_lowercase().starts_with(&typed))
            .take(8)
            .collect();
        out.sort_by_key(|p| p.to_lowercase() != typed);
        // Only the phrase typed in full: nothing left to offer.
        if out.len() == 1 && out[0].to_lowercase() == typed && out[0] == self.lead_value() {
            return Vec::new();
        }
        out
    }

    fn set_lead(&mut self, s: &str) {
        self.lead = refill(&self.lead, s);
        self.completion = 0;
    }

    /// Puts the highlighted candidate into the lead field. Returns whether one was taken.
    pub fn accept_completion(&mut self) -> bool {
        let cands = self.candidates();
        let Some(choice) = cands.get(self.completion.min(cands.len().saturating_sub(1))) else {
            return false;
        };
        self.set_lead(choice);
        true
    }

    /// Tab in the opening phrase: takes the highlighted completion (if any) and moves on to
    /// the text, so what is typed next is the text, never more opening phrase.
    pub fn accept_and_move_on(&mut self) {
        self.accept_completion();
        self.focus = Field::Text;
    }

    /// Space typed in the opening phrase. When what is typed is a listed phrase that no longer
    /// phrase continues ("Decides"), the phrase is taken (in its listed spelling) and the
    /// cursor moves to the text; returns whether the space was taken that way.
    pub fn space_in_lead(&mut self) -> bool {
        let typed = self.lead_value();
        let lower = typed.to_lowercase();
        if lower.is_empty() {
            return false;
        }
        let longer = format!("{lower} ");
        if self
            .phrases
            .iter()
            .any(|p| p.to_lowercase().starts_with(&longer))
        {
            return false;
        }
        let Some(exact) = self.phrases.iter().find(|p| p.to_lowercase() == lower) else {
            return false;
        };
        self.set_lead(exact);
        self.focus = Field::Text;
        true
    }

    /// After a key typed into the opening phrase: words typed past a complete phrase that no
    /// listed phrase continues ("Requests the") go to the text, with the cursor.
    pub fn overflow_lead(&mut self) {
        let typed = self.lead.lines().join(" ");
        let lower = typed.to_lowercase();
        if self
            .phrases
            .iter()
            .any(|p| p.to_lowercase().starts_with(&lower))
        {
            return;
        }
        let mut cut = None;
        for (i, _) in typed.match_indices(' ') {
            let head = typed[..i].to_lowercase();
            if let Some(p) = self.phrases.iter().find(|p| p.to_lowercase() == head) {
                cut = Some((i, *p));
            }
        }
        let Some((i, phrase)) = cut else {
            return;
        };
        let rest = typed[i..].trim_start().to_string();
        self.set_lead(phrase);
        let text = format!("{rest}{}", self.text_value());
        self.text = refill(&self.text, &text);
        self.text
            .move_cursor(CursorMove::Jump(0, rest.chars().count() as u16));
        self.focus = Field::Text;
    }

    /// Moves the completion highlight.
    pub fn cycle_completion(&mut self, forward: bool) {
        let n = self.candidates().len();
        if n == 0 {
            return;
        }
        self.completion = if forward {
            (self.completion + 1) % n
        } else {
            (self.completion + n - 1) % n
        };
    }

    /// Tab: lead → text → each footnote (and stays on the last one).
    pub fn next_field(&mut self) {
        self.focus = match self.focus {
            Field::Lead => Field::Text,
            Field::Text if !self.footnotes.is_empty() => Field::Footnote(0),
            Field::Footnote(i) if i + 1 < self.footnotes.len() => Field::Footnote(i + 1),
            other => other,
        };
    }

    /// Shift-Tab: back one field (from the opening phrase round to the text).
    pub fn prev_field(&mut self) {
        self.focus = match self.focus {
            Field::Lead => Field::Text,
            Field::Text => Field::Lead,
            Field::Footnote(0) => Field::Text,
            Field::Footnote(i) => Field::Footnote(i - 1),
        };
    }

    /// Inserts the marker of a new footnote `id` at the text cursor and opens its field.
    pub fn add_footnote(&mut self, id: Id, theme: &Theme) {
        if self.focus != Field::Text {
            self.text.move_cursor(CursorMove::End);
        }
        self.focus = Field::Text;
        let before = markup::markers(&self.text_value()).len();
        self.text.insert_str(markup::marker(&id));
        let order = markup::markers(&self.text_value());
        let index = order.iter().position(|m| *m == id).unwrap_or(before);
        let index = index.min(self.footnotes.len());
        self.footnotes.insert(
            index,
            FootnoteField {
                id,
                input: field("", theme, true),
                new: true,
                original: String::new(),
            },
        );
        self.focus = Field::Footnote(index);
    }

    /// Deletes the footnote whose field has the cursor (its marker leaves the text). Returns
    /// whether there was one.
    pub fn delete_footnote(&mut self) -> bool {
        let Field::Footnote(i) = self.focus else {
            return false;
        };
        if i >= self.footnotes.len() {
            return false;
        }
        let f = self.footnotes.remove(i);
        let text = self.text_value().replace(&markup::marker(&f.id), "");
        self.text = refill(&self.text, &text);
        if !f.new {
            self.deleted.push(f.id);
        }
        self.focus = if self.footnotes.is_empty() {
            Field::Text
        } else {
            Field::Footnote(i.min(self.footnotes.len() - 1))
        };
        true
    }

    /// Whether a footnote was added, edited or deleted.
    pub fn footnotes_changed(&self) -> bool {
        !self.deleted.is_empty()
            || self
                .footnotes
                .iter()
                .any(|f| f.new || f.value() != f.original)
    }
}
