//! Drawing. `render` reads the [`Model`] and draws one frame; it never changes the model.
//! Each part of the screen has its own file; `layout::geometry` says where each part goes.

mod bookmarks;
mod help;
mod justify;
mod library;
mod marks;
mod popups;
mod put;
mod reader;
mod search;
mod sidebar;
mod status;
pub mod theme;
pub mod visual;

pub use reader::{CONTINUATION_MARKER, CUT_MARKER};

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;

use crate::reader::Model;
use crate::reader::model::Popup;
use theme::Theme;

pub fn render(model: &Model, frame: &mut Frame<'_>) {
    let g = model.geometry();
    if frame.area() != g.screen {
        // A frame of another size than the layout's cannot be drawn from it. The runtime
        // resizes both together before drawing, so this is only a guard.
        return;
    }
    let theme = Theme::new(model.config());
    // The theme's ground under everything (nothing, when it leaves the terminal's own).
    let whole = frame.area();
    // The terminal's own colours need nothing set: a cell's style starts as them, and
    // patching twelve thousand cells with nothing was a twentieth of a page turn.
    if theme.base() != ratatui::style::Style::default() {
        frame.buffer_mut().set_style(whole, theme.base());
    }
    if g.too_small() {
        let area = frame.area();
        // The longest wording that fits: a cut-off "te" would read as garbage.
        let text = ["terminal too small", "too small", "…"]
            .into_iter()
            .find(|t| t.chars().count() <= area.width as usize)
            .unwrap_or("");
        let row = Rect::new(
            area.x,
            area.y + area.height / 2,
            area.width,
            area.height.min(1),
        );
        frame.render_widget(Paragraph::new(text).centered(), row);
        return;
    }
    if let Some(area) = g.sidebar {
        if model.search().results_view && model.search().active.is_some() {
            search::render_results(model, &theme, area, frame.buffer_mut());
        } else {
            sidebar::render(model, &theme, area, frame.buffer_mut());
        }
    }
    reader::render(model, &theme, g.column, frame.buffer_mut());
    marks::render(model, &theme, g.column, g.pane, frame.buffer_mut());
    marks::render_landing(model, &theme, g.column, g.pane, frame.buffer_mut());
    if let Some(area) = g.status {
        match &model.prompt() {
            Some(prompt) => search::render_prompt(model, prompt, &theme, area, frame),
            None => status::render(model, &theme, area, frame.buffer_mut()),
        }
    }
    if model.marks().panel.is_some() {
        bookmarks::render_panel(model, &theme, g.screen, frame.buffer_mut());
    }
    if let (Some(area), Some(_)) = (g.status, model.marks().editing.as_ref()) {
        bookmarks::render_note_editor(model, &theme, area, frame);
    }
    match model.popup() {
        Some(Popup::Help { .. }) => help::render(model, &theme, g.screen, frame.buffer_mut()),
        Some(Popup::Facts) => popups::render_facts(model, &theme, g.screen, frame.buffer_mut()),
        Some(Popup::Messages { scroll }) => {
            popups::render_messages(model, scroll, &theme, g.screen, frame.buffer_mut())
        }
        Some(Popup::Note { link, scroll }) => {
            popups::render_note(model, link, scroll, &theme, g.screen, frame.buffer_mut())
        }
        None => {}
    }
    if model.library().is_some() {
        library::render(model, &theme, g.screen, frame.buffer_mut());
    }
}
