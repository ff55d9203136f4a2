//! The paragraph editor popup's state: two ratatui-textarea fields (opening phrase, text), the
//! opening-phrase completion from the standard UN phrase lists, and what to do on cancel.

use crate::model::{Id, Location, Part};
use crate::phrases;
use crate::tui::theme::Theme;
use ratatui::style::Style;
use ratatui_textarea::{TextArea, WrapMode};

/// Which field has the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Lead,
    Text,
}

/// An open paragraph editor.
pub struct Editor {
    pub target: Id,
    pub title: String,
    pub lead: TextArea<'static>,
    pub text: TextArea<'static>,
    pub focus: Field,
    /// The phrase list offered for completion (preambular or operative).
    pub phrases: &'static [&'static str],
    /// The highlighted completion candidate.
    pub completion: usize,
    /// The paragraph was inserted just to be edited: cancelling removes it again.
    pub is_new: bool,
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
    ta.move_cursor(ratatui_textarea::CursorMove::End);
    ta
}

impl Editor {
    /// An editor on a paragraph's lead and text; `loc` picks the phrase list.
    pub fn new(
        target: Id,
        title: String,
        lead: &str,
        text: &str,
        loc: &Location,
        theme: &Theme,
        is_new: bool,
    ) -> Self {
        let phrases = if loc.part == Part::Preamble && loc.depth() == 0 {
            phrases::preambular()
        } else {
            phrases::operative()
        };
        let focus = if lead.is_empty() && text.is_empty() {
            Field::Lead
        } else {
            Field::Text
        };
        Editor {
            target,
            title,
            lead: field(lead, theme, false),
            text: field(text, theme, true),
            focus,
            phrases,
            completion: 0,
            is_new,
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
        }
    }

    /// Completion candidates for the lead as typed so far (case-insensitive prefix match),
    /// only while the lead field has the cursor.
    pub fn candidates(&self) -> Vec<&'static str> {
        if self.focus != Field::Lead {
            return Vec::new();
        }
        let typed = self.lead_value().to_lowercase();
        if typed.is_empty() {
            return Vec::new();
        }
        self.phrases
            .iter()
            .copied()
            .filter(|p| {
                let lower = p.to_lowercase();
                lower.starts_with(&typed) && lower != typed
            })
            .take(8)
            .collect()
    }

    /// Puts the highlighted candidate into the lead field. Returns whether one was taken.
    pub fn accept_completion(&mut self) -> bool {
        let cands = self.candidates();
        let Some(choice) = cands.get(self.completion.min(cands.len().saturating_sub(1))) else {
            return false;
        };
        let theme_style = self.lead.style();
        let cursor_style = self.lead.cursor_style();
        let mut ta = TextArea::new(vec![choice.to_string()]);
        ta.set_style(theme_style);
        ta.set_cursor_style(cursor_style);
        ta.set_cursor_line_style(Style::default());
        ta.move_cursor(ratatui_textarea::CursorMove::End);
        self.lead = ta;
        self.completion = 0;
        true
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

    pub fn switch_field(&mut self) {
        self.focus = match self.focus {
            Field::Lead => Field::Text,
            Field::Text => Field::Lead,
        };
    }
}
