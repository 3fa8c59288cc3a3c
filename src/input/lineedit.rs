//! A one-line text editor for prompts (search, go-to, bookmark notes): the text, a cursor on a
//! grapheme boundary, and the keys readline users expect. It knows nothing of where it is drawn;
//! [`LineEditor::view`] gives the visible slice and cursor column for any width.

use crossterm::event::KeyCode;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::key::Key;

/// What a key did to the editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// The text changed (callers doing incremental work react to this).
    Changed,
    /// Only the cursor moved.
    Moved,
    /// Enter: the text is final.
    Submit,
    /// Esc: abandon the edit.
    Cancel,
    /// A key the editor has no use for.
    Ignored,
}

/// A char the editor takes: not a control, and not a bidi override or isolate, which would
/// reorder the text around it wherever it is shown (the loader drops them from documents too).
fn typable(c: char) -> bool {
    !c.is_control() && !crate::document::sanitize::is_bidi_control(c)
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEditor {
    text: String,
    /// Byte offset, always on a grapheme boundary.
    cursor: usize,
}

impl LineEditor {
    pub fn new() -> LineEditor {
        LineEditor::default()
    }

    /// Start with some text, cursor at its end (editing an existing note).
    pub fn with_text(text: &str) -> LineEditor {
        let text: String = text.chars().filter(|&c| typable(c)).collect();
        let cursor = text.len();
        LineEditor { text, cursor }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn handle(&mut self, key: Key) -> Edit {
        match (key.code, key.ctrl) {
            (KeyCode::Enter, _) => Edit::Submit,
            (KeyCode::Esc, _) => Edit::Cancel,
            (KeyCode::Char('c'), true) | (KeyCode::Char('g'), true) => Edit::Cancel,
            (KeyCode::Left, _) | (KeyCode::Char('b'), true) => {
                self.move_to(self.previous_boundary())
            }
            (KeyCode::Right, _) | (KeyCode::Char('f'), true) => self.move_to(self.next_boundary()),
            (KeyCode::Home, _) | (KeyCode::Char('a'), true) => self.move_to(0),
            (KeyCode::End, _) | (KeyCode::Char('e'), true) => self.move_to(self.text.len()),
            (KeyCode::Backspace, _) | (KeyCode::Char('h'), true) => {
                let start = self.previous_boundary();
                self.delete(start, self.cursor)
            }
            (KeyCode::Delete, _) | (KeyCode::Char('d'), true) => {
                let end = self.next_boundary();
                self.delete(self.cursor, end)
            }
            (KeyCode::Char('u'), true) => self.delete(0, self.cursor),
            (KeyCode::Char('k'), true) => self.delete(self.cursor, self.text.len()),
            (KeyCode::Char('w'), true) => {
                let start = self.word_start_before_cursor();
                self.delete(start, self.cursor)
            }
            (KeyCode::Char(c), false) if typable(c) => {
                self.text.insert(self.cursor, c);
                self.cursor += c.len_utf8();
                // A combining mark joins the grapheme before it; keep the cursor after the whole.
                self.cursor = self.snap(self.cursor);
                Edit::Changed
            }
            _ => Edit::Ignored,
        }
    }

    fn move_to(&mut self, at: usize) -> Edit {
        if at == self.cursor {
            return Edit::Ignored;
        }
        self.cursor = at;
        Edit::Moved
    }

    fn delete(&mut self, start: usize, end: usize) -> Edit {
        if start >= end {
            return Edit::Ignored;
        }
        self.text.replace_range(start..end, "");
        self.cursor = start;
        Edit::Changed
    }

    fn previous_boundary(&self) -> usize {
        self.text[..self.cursor]
            .grapheme_indices(true)
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn next_boundary(&self) -> usize {
        self.text[self.cursor..]
            .graphemes(true)
            .next()
            .map_or(self.cursor, |g| self.cursor + g.len())
    }

    /// The grapheme boundary at or after `at`.
    fn snap(&self, at: usize) -> usize {
        self.text
            .grapheme_indices(true)
            .map(|(i, g)| i + g.len())
            .find(|&end| end >= at)
            .unwrap_or(self.text.len())
    }

    fn word_start_before_cursor(&self) -> usize {
        let before = &self.text[..self.cursor];
        let trimmed = before.trim_end();
        trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8())
    }

    /// The part of the text to show in `width` columns, and the cursor's column within it.
    /// Scrolls horizontally so the cursor is always visible.
    pub fn view(&self, width: usize) -> (&str, usize) {
        let width = width.max(1);
        let mut start = 0;
        // Drop graphemes from the left until the cursor fits.
        let graphemes: Vec<(usize, &str)> = self.text.grapheme_indices(true).collect();
        let mut index = 0;
        while self.text[start..self.cursor].width() >= width && index < graphemes.len() {
            index += 1;
            start = graphemes.get(index).map_or(self.text.len(), |(i, _)| *i);
        }
        let cursor_column = self.text[start..self.cursor].width();
        let mut end = start;
        let mut used = 0;
        for (i, g) in graphemes.iter().skip(index) {
            if used + g.width() > width {
                break;
            }
            used += g.width();
            end = i + g.len();
        }
        (&self.text[start..end.max(start)], cursor_column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_overrides_and_isolates_are_refused() {
        let mut editor = LineEditor::new();
        for key in parse_keys("ab").unwrap() {
            editor.handle(key);
        }
        for c in ['\u{202e}', '\u{2066}', '\u{200e}'] {
            let edit = editor.handle(Key::plain(KeyCode::Char(c)));
            // An isolate or override is refused; a mark that only hints direction is kept.
            assert_eq!(edit == Edit::Ignored, c != '\u{200e}', "{c:?}");
        }
        assert_eq!(editor.text(), "ab\u{200e}");
        assert_eq!(LineEditor::with_text("x\u{202e}y\u{2067}z").text(), "xyz");
    }
    use crate::input::key::parse_keys;

    fn typed(keys: &str) -> LineEditor {
        let mut editor = LineEditor::new();
        for key in parse_keys(keys).unwrap() {
            editor.handle(key);
        }
        editor
    }

    #[test]
    fn typing_and_editing() {
        assert_eq!(typed("hello").text(), "hello");
        assert_eq!(typed("hello<BS>").text(), "hell");
        assert_eq!(typed("hello<Left><Left>XY").text(), "helXYlo");
        assert_eq!(typed("hello<Home><Del>").text(), "ello");
        assert_eq!(typed("one two<C-w>").text(), "one ");
        assert_eq!(typed("one two<Left><Left><C-u>").text(), "wo");
        assert_eq!(typed("one two<Home><C-k>").text(), "");
    }

    #[test]
    fn submit_and_cancel() {
        let mut editor = typed("x");
        assert_eq!(
            editor.handle(parse_keys("<Enter>").unwrap()[0]),
            Edit::Submit
        );
        assert_eq!(editor.handle(parse_keys("<Esc>").unwrap()[0]), Edit::Cancel);
        assert_eq!(editor.text(), "x");
    }

    #[test]
    fn backspace_removes_whole_grapheme() {
        let mut editor = LineEditor::with_text("cafe\u{301}");
        editor.handle(parse_keys("<BS>").unwrap()[0]);
        assert_eq!(editor.text(), "caf");
    }

    #[test]
    fn control_chars_are_never_inserted() {
        let editor = LineEditor::with_text("a\u{1b}[31mb");
        assert_eq!(editor.text(), "a[31mb");
    }

    #[test]
    fn view_scrolls_to_keep_cursor_visible() {
        let editor = LineEditor::with_text("abcdefghij");
        let (shown, column) = editor.view(4);
        assert_eq!((shown, column), ("hij", 3));
        let mut editor = editor;
        editor.handle(parse_keys("<Home>").unwrap()[0]);
        assert_eq!(editor.view(4), ("abcd", 0));
        let wide = LineEditor::with_text("你好世界");
        let (shown, column) = wide.view(5);
        assert!(shown.width() <= 5 && column <= 5, "{shown} {column}");
    }
}
