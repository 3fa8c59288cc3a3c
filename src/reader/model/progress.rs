//! Where the reader stands, read from the model: the screen's top line and page, the page
//! number and total once known, what the screen shows, and how far through the text the
//! reader is (paragraph, words, minutes left, percent, the share the library keeps).

use std::sync::OnceLock;

use crate::anchoring::SeenPages;
use crate::document::Anchor;
use crate::layout::LineKind;
use crate::reader::setting_out::{code_room, hyphenates, layout_style};

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

    /// The page number and page count the status line shows: those of the layout when known;
    /// while the whole of a file is read behind a preview around its saved place, those seen
    /// there last (the count throughout, the number while the reader is still at the place),
    /// provided the file and the layout are as they were then.
    pub fn shown_pages(&self) -> (Option<usize>, Option<usize>) {
        let seen = self
            .seen_pages
            .as_ref()
            .filter(|seen| self.loading && seen.layout == self.layout_signature());
        let at_place = self.preview_inside == Some(self.anchor);
        let page = self
            .page_number()
            .or_else(|| seen.filter(|_| at_place).map(|seen| seen.page));
        let total = self.page_total().or_else(|| seen.map(|seen| seen.total));
        (page, total)
    }

    /// What the page numbers of this document depend on besides its text: the column's width,
    /// the page's rows, the layout's style, whether leftovers are open, and the program that
    /// lays it out (its size and modification time: another build may lay out otherwise). The
    /// style is the whole document's, whatever part of it is read yet: room for code as if it
    /// had code, and whether it is hyphenated rather than in which language (the file being
    /// the same, the whole has the same code and the same language).
    pub fn layout_signature(&self) -> String {
        let g = self.geometry();
        let width = (g.column.width as usize).max(crate::layout::MIN_COLUMN);
        let height = (g.column.height as usize).max(1);
        let style = layout_style(&self.config, None, code_room(&g, true));
        format!(
            "{width}x{height} leftovers={} justify={} hyphenate={} {style:?} {}",
            self.leftovers_open,
            self.config.justify,
            hyphenates(&self.config),
            program_stamp()
        )
    }

    /// The pages to save with the place: the page it is on and the count, when both are
    /// known, with the file's stamp and the layout's signature.
    pub fn pages_to_save(&self) -> Option<SeenPages> {
        if self.loading {
            return None;
        }
        Some(SeenPages {
            page: self.page_number()?,
            total: self.page_total()?,
            file: self.doc.source_stamp.clone()?,
            layout: self.layout_signature(),
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

/// The running program's size and modification time, read once: "" when they cannot be read,
/// which a saved signature then shares only with another build that could not read them.
fn program_stamp() -> &'static str {
    static STAMP: OnceLock<String> = OnceLock::new();
    STAMP.get_or_init(|| {
        std::env::current_exe()
            .and_then(std::fs::metadata)
            .ok()
            .and_then(|metadata| crate::document::file_stamp(&metadata))
            .unwrap_or_default()
    })
}
