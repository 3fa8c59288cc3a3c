//! Where the reader stands, read from the model: the screen's top line and page, the page
//! number and total once known, what the screen shows, and how far through the text the
//! reader is (paragraph, words, minutes left, percent, the share the library keeps).

use crate::document::Anchor;
use crate::layout::LineKind;

use super::Model;

impl Model {
    /// The screen line at the top of the reader.
    pub fn top_line(&self) -> usize {
        self.pages.line_of(self.anchor).min(self.pages.last_top())
    }

    pub fn current_page(&self) -> usize {
        self.pages.page_of_line(self.top_line())
    }

    /// The number of the page at the top of the screen (from 1), when it is known: not while
    /// only a window deep in the text is laid out. A screen that shows the end of a complete
    /// layout is on the last page, whichever page its top line is on (`G` stops a screen
    /// short of a last page that holds only a fold line), as the share read says 100 % there.
    pub fn page_number(&self) -> Option<usize> {
        if !self.pages.counts_from_start() || self.preview_inside.is_some() {
            return None;
        }
        Some(if self.shows_the_end() {
            self.pages.page_count()
        } else {
            self.current_page() + 1
        })
    }

    /// True when the screen shows the last line of a complete layout.
    pub fn shows_the_end(&self) -> bool {
        let top = self.top_line();
        self.pages.is_complete() && top + self.pages.rows_shown_from(top) >= self.pages.line_count()
    }

    /// How far through the text the reader is, in percent, as the library keeps it: the
    /// share of the reading before the top of the screen, or 100 at the end. Unlike
    /// [`Model::percent`], the same on any screen, so a book read in two terminals shows one
    /// figure. Only known once the whole document is read.
    pub fn share_read(&self) -> Option<u8> {
        if self.loading {
            return None;
        }
        if self.shows_the_end() {
            return Some(100);
        }
        let share = self.totals.share_before(&self.doc, self.anchor);
        // Short of the end is short of 100 %, however little is left.
        Some(((share * 100.0).floor() as u8).min(99))
    }

    /// True while the preview shown is of the text around a saved place: what comes before
    /// it is not read yet, so no count from the start is known.
    pub fn preview_begins_inside(&self) -> bool {
        self.preview_inside.is_some()
    }

    /// The number of the page showing `place` (from 1), when it is known.
    pub fn page_number_of(&self, place: Anchor) -> Option<usize> {
        let known = self.pages.is_complete() && !self.loading;
        known.then(|| self.pages.page_of(place) + 1)
    }

    /// How many pages the document has, once the whole of it is read and laid out.
    pub fn page_total(&self) -> Option<usize> {
        (self.pages.is_complete() && !self.loading).then(|| self.pages.page_count())
    }

    /// Blocks visible on screen, first and last.
    pub fn visible_blocks(&self) -> (usize, usize) {
        let pages = &self.pages;
        let top = self.top_line();
        let mut bottom = (top + pages.rows_shown_from(top))
            .min(pages.line_count())
            .saturating_sub(1);
        // A blank line (or a page break) belongs to the block after it, which is not on screen
        // yet.
        while bottom > top && pages.line(bottom).is_some_and(|l| l.kind.is_gap()) {
            bottom -= 1;
        }
        let first = pages.line(top).map_or(0, |l| l.block as usize);
        let bottom_line = pages.line(bottom);
        let last = bottom_line.map_or(first, |l| l.block as usize);
        // A closed fold line stands for its whole run of blocks.
        match bottom_line.map(|l| l.kind) {
            Some(LineKind::Fold { count }) => (first, last + count as usize - 1),
            _ => (first, last),
        }
    }

    /// Body paragraph number of the anchor and the total, for "¶ k/n".
    pub fn paragraph_position(&self) -> (usize, usize) {
        self.totals.paragraph_position(self.anchor.block)
    }

    /// Body words in the whole document.
    pub fn total_words(&self) -> usize {
        self.totals.words_from(0)
    }

    /// Minutes of reading left from the top of the screen.
    pub fn minutes_left(&self) -> usize {
        self.totals.minutes_from(
            self.anchor.block,
            self.config.words_per_minute,
            self.config.cjk_chars_per_minute,
        )
    }

    /// The share of the document above the bottom of the screen, in percent.
    pub fn percent(&self) -> usize {
        let total = self.pages.line_count().max(1);
        let top = self.top_line();
        let seen = (top + self.pages.rows_shown_from(top)).min(total);
        seen * 100 / total
    }
}
