//! The bookmarks panel (each bookmark's page, section, excerpt and note; orphaned ones marked)
//! and the one-line note editor drawn over the status line. Notes and quotes are sanitized
//! here, because notes are stored exactly as typed or imported.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Modifier;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::theme::Theme;
use super::visual::display_order;
use crate::document::sanitize::sanitize;
use crate::outline::fit_label;
use crate::reader::Model;
use crate::text::display_width;
use crate::text::excerpt;

/// Rows each bookmark takes in the panel: place, excerpt, note.
const ROWS_PER_BOOKMARK: usize = 3;

pub fn render_panel(model: &Model, theme: &Theme, screen: Rect, buf: &mut Buffer) {
    let area = crate::layout::geometry::popup_area(screen, 76);
    Clear.render(area, buf);
    let count = model.marks().bookmarks.len();
    let title = format!(" Bookmarks ({count}) · Enter go · e note · d delete · u undo · Esc ");
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(title);
    let inner = block.inner(area);
    block.render(area, buf);
    let room = inner.width.saturating_sub(2) as usize;
    if count == 0 {
        let text = "No bookmarks yet: m bookmarks a paragraph, v selects a passage.";
        buf.set_stringn(inner.x + 1, inner.y, text, room, theme.dim());
        return;
    }
    let cursor = model.marks().panel.unwrap_or(0).min(count - 1);
    let fits = (inner.height as usize / ROWS_PER_BOOKMARK).max(1);
    let first = (cursor + 1).saturating_sub(fits);
    for (slot, (index, bookmark)) in model
        .marks()
        .bookmarks
        .iter()
        .enumerate()
        .skip(first)
        .take(fits)
        .enumerate()
    {
        let y = inner.y + (slot * ROWS_PER_BOOKMARK) as u16;
        let selected = index == cursor;
        let mut place = if bookmark.orphaned {
            "orphaned: not in the text any more".to_string()
        } else {
            match model.page_number_of(bookmark.span.start) {
                Some(page) => format!("p. {page}"),
                None => "p. …".to_string(),
            }
        };
        if model.marks().unsaved.contains(&bookmark.uid) {
            place.push_str(" · not saved");
        }
        let section = excerpt::one_line(&sanitize(&bookmark.section));
        let heading = if section.is_empty() {
            place
        } else {
            format!(
                "{place} · {}",
                display_order(&fit_label(&section, room / 2))
            )
        };
        let mut style = if bookmark.orphaned {
            theme.dim()
        } else {
            theme.text().add_modifier(Modifier::BOLD)
        };
        if selected {
            style = style.patch(theme.sidebar_cursor());
        }
        buf.set_stringn(inner.x + 1, y, &heading, room, style);
        let quote = format!(
            "“{}”",
            display_order(&excerpt::opening(
                &sanitize(&bookmark.quote.exact),
                room.saturating_sub(2)
            ))
        );
        buf.set_stringn(inner.x + 1, y + 1, quote, room, theme.text());
        if !bookmark.note.is_empty() && y + 2 < inner.y + inner.height {
            let note = format!(
                "✎ {}",
                display_order(&excerpt::opening(
                    &sanitize(&bookmark.note),
                    room.saturating_sub(2)
                ))
            );
            buf.set_stringn(inner.x + 1, y + 2, note, room, theme.byline());
        }
    }
}

pub fn render_note_editor(model: &Model, theme: &Theme, area: Rect, frame: &mut Frame<'_>) {
    let Some(editing) = model.marks().editing.as_ref() else {
        return;
    };
    let buf = frame.buffer_mut();
    let style = theme.status();
    // The whole line is the editor's: nothing of the status line it replaces shows through.
    let width = area.width as usize;
    buf.set_stringn(area.x, area.y, " ".repeat(width), width, style);
    let label = " Note (Enter saves, Esc skips): ";
    let label_width = display_width(label) as u16;
    buf.set_stringn(
        area.x,
        area.y,
        label,
        area.width as usize,
        style.add_modifier(Modifier::BOLD),
    );
    let room = area.width.saturating_sub(label_width + 1) as usize;
    // The editor refuses control characters, so its text is safe; sanitize anyway, cheaply.
    let (shown, cursor) = editing.editor.view(room);
    let shown = excerpt::one_line(&sanitize(shown));
    buf.set_stringn(area.x + label_width, area.y, &shown, room, style);
    if room > 0 {
        frame.set_cursor_position(Position::new(area.x + label_width + cursor as u16, area.y));
    }
}
