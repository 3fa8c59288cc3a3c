//! What the note pop-up shows: a book's note, wrapped to the pop-up's width. Shared by the
//! drawing and by the scrolling, so both count the same rows.

use ratatui::layout::Rect;

use super::model::Model;
use crate::layout::geometry::popup_area;

/// The note pop-up is at most this wide, borders included: a comfortable measure.
pub const NOTE_WIDTH: u16 = 72;

impl Model {
    /// The rows of the note whose reference is the book's link `link`: its paragraphs
    /// wrapped to the pop-up, a blank row between them. Empty when there is no such note.
    pub fn note_rows(&self, link: usize) -> Vec<String> {
        let Some(book) = self.doc.book() else {
            return Vec::new();
        };
        let Some(note) = book.links.get(link).and_then(|l| book.note(l)) else {
            return Vec::new();
        };
        let screen = Rect::new(0, 0, self.screen.0, self.screen.1);
        // A border and a column of room on each side.
        let width = usize::from(popup_area(screen, NOTE_WIDTH).width.saturating_sub(4)).max(1);
        let mut rows = Vec::new();
        for (i, paragraph) in self.doc.note_text(&note).split("\n\n").enumerate() {
            if i > 0 {
                rows.push(String::new());
            }
            rows.extend(
                textwrap::wrap(paragraph, width)
                    .into_iter()
                    .map(|l| l.into_owned()),
            );
        }
        rows
    }
}
