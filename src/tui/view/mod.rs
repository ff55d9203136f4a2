//! Drawing the screen from the state: document view (with the outline pane when on), status
//! bar, key-hint line, and the popups on top (editor, header form, dialog, help, revision
//! view). Nothing here does I/O; the only state written is the layout cache and the scroll
//! position that keeps the selection visible.

pub mod document;
pub mod help;
pub mod outline;
pub mod popup;
pub mod proposals;
pub mod status;

use super::app::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};

/// Draws one frame.
pub fn draw(frame: &mut Frame<'_>, app: &mut App) {
    let area = frame.area();
    frame.buffer_mut().set_style(area, app.theme.base);
    if area.width == 0 || area.height == 0 {
        return;
    }
    let [body, status_area, hint_area] = if area.height >= 3 {
        Layout::vertical([
            Constraint::Min(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(area)
    } else {
        [area, Rect::default(), Rect::default()]
    };
    // The negotiation panel takes the lower part of the window, under the document.
    let (body, panel_area) = if app.negotiation.is_some() && body.height >= 12 {
        let h = (body.height * 2 / 5).max(6);
        let [top, bottom] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(h)]).areas(body);
        (top, bottom)
    } else {
        (body, body)
    };
    if app.revision_view.is_some() {
        super::revisions::render(frame, body, app);
    } else if app.show_outline && body.width >= 40 {
        let w = (body.width / 3).clamp(20, 40);
        let [left, right] =
            Layout::horizontal([Constraint::Length(w), Constraint::Min(1)]).areas(body);
        outline::render(frame, left, app);
        document::render(frame, right, app);
    } else {
        app.layout.outline_rows.clear();
        document::render(frame, body, app);
    }
    if app.negotiation.is_some() {
        super::negotiate::render(frame, panel_area, app);
    }
    status::render_status(frame, status_area, app);
    status::render_hints(frame, hint_area, app);
    if app.form.is_some() {
        popup::render_form(frame, body, app);
    }
    if app.struct_form.is_some() {
        popup::render_struct_form(frame, body, app);
    }
    if app.editor.is_some() {
        popup::render_editor(frame, body, app);
    }
    if app.show_help {
        help::render(frame, area, app);
    }
    if app.dialog.is_some() {
        popup::render_dialog(frame, area, app);
    }
}

/// A rectangle of at most `w`×`h` centred in `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}
