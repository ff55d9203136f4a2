//! The header form's state: one ratatui-textarea per header field (symbol, sponsors, stage,
//! title, …) and the authoring body; committing turns it back into a [`Header`].

use crate::model::{Document, Header};
use crate::tui::theme::Theme;
use ratatui::style::Style;
use ratatui_textarea::{CursorMove, TextArea};

/// The fields of the form, in order: (name shown, getter).
pub const FIELDS: [&str; 15] = [
    "Issuing body",
    "Organ",
    "Symbol",
    "Distribution",
    "Date",
    "Original language",
    "Session",
    "Place and dates",
    "Agenda item",
    "Agenda title",
    "Sponsors (comma-separated)",
    "Stage",
    "Title",
    "Authoring body",
    "Sponsors note",
];

/// An open header form.
pub struct HeaderForm {
    pub inputs: Vec<TextArea<'static>>,
    pub focus: usize,
}

fn values(doc: &Document) -> [String; 15] {
    let h = &doc.header;
    [
        h.issuing_body.clone(),
        h.organ.clone(),
        h.symbol.clone(),
        h.distribution.clone(),
        h.date.clone(),
        h.original_language.clone(),
        h.session.clone(),
        h.place_and_dates.clone(),
        h.agenda_item.clone(),
        h.agenda_title.clone(),
        h.sponsors.join(", "),
        h.stage.clone(),
        h.title.clone(),
        doc.authoring_body.clone(),
        h.sponsors_note.clone(),
    ]
}

impl HeaderForm {
    pub fn new(doc: &Document, theme: &Theme) -> Self {
        let inputs = values(doc)
            .into_iter()
            .map(|v| {
                let mut ta = TextArea::new(vec![v]);
                ta.set_style(theme.popup);
                ta.set_cursor_line_style(Style::default());
                ta.set_cursor_style(theme.cursor);
                ta.move_cursor(CursorMove::End);
                ta
            })
            .collect();
        HeaderForm { inputs, focus: 0 }
    }

    fn value(&self, i: usize) -> String {
        self.inputs
            .get(i)
            .map(|t| t.lines().join(" ").trim().to_string())
            .unwrap_or_default()
    }

    /// The header and authoring body as typed, starting from `base` for fields not in the form.
    pub fn result(&self, base: &Header) -> (Header, String) {
        let mut h = base.clone();
        h.issuing_body = self.value(0);
        h.organ = self.value(1);
        h.symbol = self.value(2);
        h.distribution = self.value(3);
        h.date = self.value(4);
        h.original_language = self.value(5);
        h.session = self.value(6);
        h.place_and_dates = self.value(7);
        h.agenda_item = self.value(8);
        h.agenda_title = self.value(9);
        h.sponsors = self
            .value(10)
            .split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        h.stage = self.value(11);
        h.title = self.value(12);
        h.sponsors_note = self.value(14);
        (h, self.value(13))
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
