//! The small form for a heading, a resolution part or an annex: its label and text (and a
//! heading's level), new or existing. Committing is done by [`super::outline_edit`].

use crate::model::Id;
use crate::tui::theme::Theme;
use ratatui::style::Style;
use ratatui_textarea::{CursorMove, TextArea};

/// What the form edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    NewHeading { before: Id },
    Heading { id: Id },
    NewPart { index: usize },
    Part { id: Id },
    NewAnnex { index: usize },
    Annex { id: Id },
}

/// An open heading/part/annex form.
pub struct StructForm {
    pub target: Target,
    pub title: String,
    pub labels: Vec<&'static str>,
    pub inputs: Vec<TextArea<'static>>,
    pub focus: usize,
}

impl StructForm {
    /// A form for `target` with these fields and their values.
    pub fn new(
        target: Target,
        title: String,
        fields: &[(&'static str, String)],
        theme: &Theme,
    ) -> Self {
        let inputs = fields
            .iter()
            .map(|(_, v)| {
                let mut ta = TextArea::new(vec![v.clone()]);
                ta.set_style(theme.popup);
                ta.set_cursor_line_style(Style::default());
                ta.set_cursor_style(theme.cursor);
                ta.move_cursor(CursorMove::End);
                ta
            })
            .collect();
        // The text field first: the label is usually right as suggested.
        let focus = fields.len().saturating_sub(1);
        StructForm {
            target,
            title,
            labels: fields.iter().map(|(l, _)| *l).collect(),
            inputs,
            focus,
        }
    }

    pub fn value(&self, i: usize) -> String {
        self.inputs
            .get(i)
            .map(|t| t.lines().join(" ").trim().to_string())
            .unwrap_or_default()
    }

    pub fn focused(&mut self) -> Option<&mut TextArea<'static>> {
        self.inputs.get_mut(self.focus)
    }

    pub fn next(&mut self) {
        self.focus = (self.focus + 1) % self.inputs.len().max(1);
    }

    pub fn prev(&mut self) {
        let n = self.inputs.len().max(1);
        self.focus = (self.focus + n - 1) % n;
    }
}
