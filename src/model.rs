//! The Model: everything the reader's screen is drawn from — the document and its outline, the
//! page layout cache for the current size, the reader's place as an [`Anchor`], focus and
//! overlays. Only `update` changes it; `ui::render` only reads it.

use crate::document::{Anchor, BlockKind, Document};
use crate::folds::Folds;
use crate::goto::Prompt;
use crate::history::JumpHistory;
use crate::keymap::Keymap;
use crate::layout::{CodeLines, Pages};
use crate::outline::Outline;
use crate::search::session::SearchState;
use crate::ui::geometry::Geometry;

/// Settings that come from the command line and environment, passed in (never global).
#[derive(Debug, Clone)]
pub struct Config {
    /// The widest the reading column gets, in columns.
    pub max_width: usize,
    /// Words per minute for "time left".
    pub words_per_minute: usize,
    /// False under `NO_COLOR`: styles use bold/dim/reverse only.
    pub color: bool,
    /// Code lines wider than the column go on in continuation rows instead of being cut. Starts
    /// from `--wrap-code`; the reader's toggle changes it here, so a layout rebuilt for any
    /// reason (a resize, the whole of a previewed file arriving) keeps the reader's choice.
    pub wrap_code: bool,
}

/// The reading speed used for "time left": a common estimate for adult silent reading of prose.
pub const DEFAULT_WPM: usize = 238;
/// The default widest reading column: a comfortable measure for prose.
pub const DEFAULT_MAX_WIDTH: usize = 72;

impl Default for Config {
    fn default() -> Self {
        Config {
            max_width: DEFAULT_MAX_WIDTH,
            words_per_minute: DEFAULT_WPM,
            color: true,
            wrap_code: false,
        }
    }
}

/// What the reading pane does with code lines wider than its column, per the settings.
fn code_lines(config: &Config) -> CodeLines {
    if config.wrap_code {
        CodeLines::Wrap
    } else {
        CodeLines::Cut
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Reader,
    Outline,
}

#[derive(Debug)]
pub struct Model {
    /// Shared, not copied, with the thread that builds the full outline: a big book is held
    /// once.
    pub doc: std::sync::Arc<Document>,
    pub outline: Outline,
    /// True while the outline shown is provisional and the full one is still being built.
    pub outline_pending: bool,
    /// True while the document is a preview of the file's opening and the whole is still
    /// being read: totals (pages, paragraphs, time left) are not known yet.
    pub loading: bool,
    pub keymap: Keymap,
    pub config: Config,
    /// The layout for the current page area: a cache, rebuilt on resize or fold change.
    pub pages: Pages,
    /// Terminal size.
    pub screen: (u16, u16),
    /// The reader's place: the start of the top line on screen.
    pub anchor: Anchor,
    pub focus: Focus,
    /// The sidebar is wanted; it is still hidden when the terminal is too narrow.
    pub sidebar_wanted: bool,
    /// The outline entry under the sidebar's cursor; always one that shows in `folds`.
    pub outline_cursor: usize,
    /// Which branches of the outline tree the sidebar has folded.
    pub folds: Folds,
    pub help_open: bool,
    pub help_scroll: usize,
    pub leftovers_open: bool,
    /// A one-off message for the status line, cleared by the next action.
    pub message: Option<String>,
    /// Bookmarks of this document, the passage being selected, the bookmarks panel.
    pub marks: crate::bookmarks::Marks,
    /// The search, its hits and the results list.
    pub search: SearchState,
    /// Places left by jumps, for `Ctrl-o`, `Ctrl-n` and `''`.
    pub history: JumpHistory,
    /// The `/` or `:` prompt on the status line, while it is open.
    pub prompt: Option<Prompt>,
    /// Body words before each block: for "time left" without rescanning the text each frame.
    words_before: Vec<usize>,
    /// Body paragraph ordinal of each block (1-based; 0 before the first).
    paragraph_ordinal: Vec<usize>,
    paragraph_count: usize,
}

impl Model {
    /// A model with its full outline built now.
    pub fn new(doc: Document, config: Config, keymap: Keymap, screen: (u16, u16)) -> Model {
        Model::build(doc, config, keymap, screen, false)
    }

    /// A model for a quick first paint: a provisional outline now, the full one to be built
    /// off the main thread ([`Model::outline_pending`]) and installed with [`Model::set_outline`].
    pub fn with_outline_later(
        doc: Document,
        config: Config,
        keymap: Keymap,
        screen: (u16, u16),
    ) -> Model {
        Model::build(doc, config, keymap, screen, true)
    }

    fn build(
        doc: Document,
        config: Config,
        keymap: Keymap,
        screen: (u16, u16),
        outline_later: bool,
    ) -> Model {
        let outline = if outline_later {
            Outline::provisional(&doc)
        } else {
            Outline::build(&doc)
        };
        let mut words_before = Vec::with_capacity(doc.blocks.len() + 1);
        let mut paragraph_ordinal = Vec::with_capacity(doc.blocks.len());
        let mut words = 0;
        let mut paragraphs = 0;
        for block in &doc.blocks {
            words_before.push(words);
            if block.kind.is_body() {
                paragraphs += 1;
                words += word_count(&block.text);
            }
            paragraph_ordinal.push(paragraphs);
        }
        words_before.push(words);
        let geometry = Geometry::new(screen, true, &config);
        // Only the first screen now: the app completes the layout right after the first paint.
        let pages = Pages::first_screen(
            &doc,
            geometry.column.width as usize,
            geometry.column.height as usize,
            false,
            code_lines(&config),
            0,
        );
        let message = doc.is_empty().then(|| "this document is empty".to_string());
        let folds = Folds::new(&outline);
        // A text too long to analyse has its final outline already.
        let outline_pending = outline_later && Outline::is_analysed(&doc);
        Model {
            doc: std::sync::Arc::new(doc),
            outline,
            outline_pending,
            loading: false,
            keymap,
            config,
            pages,
            screen,
            anchor: Anchor::default(),
            focus: Focus::Reader,
            sidebar_wanted: true,
            outline_cursor: 0,
            folds,
            help_open: false,
            help_scroll: 0,
            leftovers_open: false,
            message,
            marks: crate::bookmarks::Marks::new(),
            search: SearchState::default(),
            history: JumpHistory::new(),
            prompt: None,
            words_before,
            paragraph_ordinal,
            paragraph_count: paragraphs,
        }
    }

    pub fn geometry(&self) -> Geometry {
        Geometry::new(self.screen, self.sidebar_wanted, &self.config)
    }

    /// Rebuild the layout if the page area or folding changed. The anchor is left alone: that
    /// is what keeps the reader's first word on screen across a resize.
    pub fn relayout(&mut self) {
        let g = self.geometry();
        let (w, h) = (g.column.width as usize, g.column.height as usize);
        let w = w.max(crate::layout::MIN_COLUMN);
        let code = code_lines(&self.config);
        let stale = self.pages.width() != w
            || self.pages.height() != h.max(1)
            || self.pages.leftovers_open() != self.leftovers_open
            || self.pages.code_lines() != code;
        let anchor_outside = self.pages.first_line_of_block(self.anchor.block).is_none();
        if self.pages.is_complete() {
            if stale {
                self.pages = Pages::with_code_lines(&self.doc, w, h, self.leftovers_open, code);
            }
        } else if stale || anchor_outside {
            // Still before the first paint: stay quick, but reach the reader's place.
            self.pages = Pages::first_screen(
                &self.doc,
                w,
                h,
                self.leftovers_open,
                code,
                self.anchor.block,
            );
        }
    }

    /// Finish a first-screen layout: the whole document at the current size.
    pub fn complete_layout(&mut self) {
        if !self.pages.is_complete() {
            self.pages = Pages::with_code_lines(
                &self.doc,
                self.pages.width(),
                self.pages.height(),
                self.leftovers_open,
                self.pages.code_lines(),
            );
        }
    }

    /// Install the full outline once it is built. Everything derived from entry indices (the
    /// sidebar cursor, the search results list) is recomputed so no stale index survives.
    pub fn set_outline(&mut self, outline: Outline) {
        let cursor_block = self
            .outline
            .entries
            .get(self.outline_cursor)
            .map(|e| e.first_block);
        self.outline = outline;
        self.outline_pending = false;
        self.folds = Folds::new(&self.outline);
        let cursor = cursor_block
            .and_then(|b| self.outline.entry_for_block(b))
            .unwrap_or(0);
        self.outline_cursor = self.folds.shown_ancestor(cursor);
        let active = self.search.active.take();
        let results_cursor = self.search.results_cursor;
        self.search.set_active(active, &self.outline);
        self.search.results_cursor = results_cursor.min(self.search.rows.len().saturating_sub(1));
    }

    /// The outline entry the sidebar centres on: the cursor when the sidebar has focus, else
    /// the entry of the text at the top of the screen.
    pub fn sidebar_cursor(&self) -> usize {
        match self.focus {
            Focus::Outline => self.outline_cursor,
            Focus::Reader => self.entry_here(),
        }
    }

    /// The shown outline entry for the text at the top of the screen: its own entry, or the
    /// folded branch that holds it.
    pub fn entry_here(&self) -> usize {
        let entry = self.outline.entry_for_block(self.anchor.block).unwrap_or(0);
        self.folds.shown_ancestor(entry)
    }

    /// The screen line at the top of the reader.
    pub fn top_line(&self) -> usize {
        self.pages.line_of(self.anchor).min(self.pages.last_top())
    }

    pub fn current_page(&self) -> usize {
        self.pages.page_of_line(self.top_line())
    }

    /// Blocks visible on screen, first and last.
    pub fn visible_blocks(&self) -> (usize, usize) {
        let pages = &self.pages;
        let top = self.top_line();
        let mut bottom = (top + pages.height())
            .min(pages.line_count())
            .saturating_sub(1);
        // A blank line belongs to the block after it, which is not on screen yet.
        while bottom > top
            && pages
                .line(bottom)
                .is_some_and(|l| l.kind == crate::layout::LineKind::Blank)
        {
            bottom -= 1;
        }
        let first = pages.line(top).map_or(0, |l| l.block as usize);
        let bottom_line = pages.line(bottom);
        let last = bottom_line.map_or(first, |l| l.block as usize);
        // A closed fold line stands for its whole run of blocks.
        let last = match bottom_line.map(|l| l.kind) {
            Some(crate::layout::LineKind::Fold { count }) => last + count as usize - 1,
            _ => last,
        };
        (first, last)
    }

    /// Body paragraph number of the anchor and the total, for "¶ k/n".
    pub fn paragraph_position(&self) -> (usize, usize) {
        let k = self
            .paragraph_ordinal
            .get(self.anchor.block)
            .copied()
            .unwrap_or(0);
        (k.max(1).min(self.paragraph_count), self.paragraph_count)
    }

    /// Minutes of reading left from the top of the screen.
    pub fn minutes_left(&self) -> usize {
        let total = self.words_before.last().copied().unwrap_or(0);
        let done = self
            .words_before
            .get(self.anchor.block)
            .copied()
            .unwrap_or(total);
        let left = total.saturating_sub(done);
        left.div_ceil(self.config.words_per_minute.max(1))
    }

    /// The share of the document above the bottom of the screen, in percent.
    pub fn percent(&self) -> usize {
        let total = self.pages.line_count().max(1);
        let seen = (self.top_line() + self.pages.height()).min(total);
        seen * 100 / total
    }

    /// Open the reader at a place carried from elsewhere (a saved place, the preview's): the
    /// layout reaches it first (see [`Model::relayout`]), then the place is moved to the start
    /// of its screen line, as a top line always is.
    pub fn open_at(&mut self, place: Anchor) {
        self.anchor = self.doc.clamp(place);
        self.relayout();
        let line = self.pages.line_of(self.anchor);
        self.anchor = self.pages.anchor_at_line(line);
    }

    /// Jump to a place, remembering the place left in the jump history. Opens the folded
    /// leftovers when the target is inside them, so the place is on screen.
    pub fn jump_to(&mut self, target: Anchor) {
        let target = self.doc.clamp(target);
        self.reveal(target.block);
        if target != self.anchor {
            self.history.record(self.anchor);
        }
        self.anchor = target;
    }

    /// Make a block visible: open the leftovers if it is a folded one.
    pub fn reveal(&mut self, block: usize) {
        let folded = self
            .doc
            .blocks
            .get(block)
            .is_some_and(|b| b.kind == BlockKind::Leftover);
        if folded && !self.leftovers_open {
            self.leftovers_open = true;
            self.relayout();
        }
    }

    /// The block of body paragraph `k` (1-based, as "¶ k/n" counts).
    pub fn block_of_paragraph(&self, k: usize) -> Option<usize> {
        let block = self.paragraph_ordinal.partition_point(|&o| o < k);
        let is_it = self.paragraph_ordinal.get(block) == Some(&k)
            && self.doc.blocks.get(block).is_some_and(|b| b.kind.is_body());
        is_it.then_some(block)
    }
}

/// Words in a text, as `split_whitespace` counts them. ASCII text, most of what is read, is
/// counted byte by byte: done for every paragraph each time a book is opened, the general count
/// costs a tenth of a second per 25 MB.
fn word_count(text: &str) -> usize {
    if !text.is_ascii() {
        return text.split_whitespace().count();
    }
    let mut count = 0;
    let mut in_word = false;
    for &byte in text.as_bytes() {
        // The ASCII characters `char::is_whitespace` accepts.
        let space = matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C);
        count += usize::from(!space && !in_word);
        in_word = !space;
    }
    count
}

#[cfg(test)]
mod tests {
    use super::word_count;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn counts_words_as_split_whitespace_does(text in "[ -~\t\n\r\u{b}\u{c}\u{1c}\u{a0}é]{0,80}") {
            prop_assert_eq!(word_count(&text), text.split_whitespace().count());
        }
    }
}
