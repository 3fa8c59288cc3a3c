//! Pages: the document laid out for one column width and page height. A cache derived from the
//! document, never the truth: lines are byte ranges into block text, and positions go in and
//! out as [`Anchor`]s, so a resize rebuilds this and the reader's place survives untouched.

mod blocks;
pub mod code;
pub mod geometry;
mod paginate;
mod room;
mod rows;
mod window;
pub mod wrap;

use crate::document::{Anchor, BlockKind, Document};
#[cfg(test)]
use blocks::balanced;
use blocks::lay_out_blocks;
use paginate::{UNPAGED, paginate};
pub use room::Room;
pub use rows::ScreenLines;
use rows::{PackedRow, blocks_started_by, row_index};
use window::{blocks_filling, end_of_fold_run, window_start};

/// The widest grapheme cluster, in columns: no text is wrapped narrower than this.
const WIDEST_CLUSTER: usize = 2;
/// Narrowest column laid out: a two-column prefix (quote bar, list indent) and the widest
/// grapheme cluster after it, so no line is ever wider than its column.
pub const MIN_COLUMN: usize = 2 + WIDEST_CLUSTER;

/// What a screen line shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// A byte range of a block's text.
    Text,
    /// The gap between two blocks.
    Blank,
    /// A closed fold standing for `count` leftover blocks starting at `block`.
    Fold { count: u32 },
    /// A page break in the text, before `block`: drawn as [`PAGE_BREAK`]. On screen the rest
    /// of its page is blank, and the text after it starts the next page.
    PageBreak,
}

impl LineKind {
    /// A row with no text of any block: the gap between blocks, or a page break's row (with
    /// the blank rows that fill its page). The reader's place is never on one.
    pub fn is_gap(self) -> bool {
        matches!(self, LineKind::Blank | LineKind::PageBreak)
    }
}

/// What a page break's row shows: a mark set in the middle of the column, drawn in full-width
/// characters so that every terminal gives it the same width.
pub const PAGE_BREAK: &str = "＊　＊　＊";

/// The columns before [`PAGE_BREAK`] in a column `width` wide: it is centred.
pub fn page_break_indent(width: usize) -> usize {
    width.saturating_sub(crate::text::display_width(PAGE_BREAK)) / 2
}

/// A screen line as callers see it. The layout stores rows more compactly and hands these out
/// by value ([`Pages::line`], [`Pages::lines_from`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub block: u32,
    pub start: u32,
    pub end: u32,
    pub kind: LineKind,
    /// True for the first screen line of its block.
    pub first_of_block: bool,
    /// True for a preformatted line that goes on past the column: the range is its visible
    /// part, and the column's last cell is left for a marker saying so.
    pub cut: bool,
    /// On a continuation row of a wrapped code line, the columns before its text: the cell for
    /// the marker saying the row goes on from the one above, then the line's indentation.
    /// Zero on every other line.
    pub hang: u32,
    /// True for a prose line that ends inside a word, at one of its syllables: a hyphen is
    /// drawn after its text (the text itself has none).
    pub hyphen: bool,
}

impl Line {
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// True for a row that continues a wrapped code line from the row above.
    pub fn is_continuation(&self) -> bool {
        self.hang > 0
    }
}

/// What a preformatted (code) line wider than the column becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeLines {
    /// Cut at the column, with a marker in the last cell: the reading pane's default, since
    /// code wrapped mid-token can be misread.
    Cut,
    /// Kept whole, however wide: plain output, where the reader of a pipe must lose nothing.
    Whole,
    /// Continued on the rows below, each continuation row starting with a marker: the reading
    /// pane when the reader asks to see whole lines.
    Wrap,
}

/// How a layout sets its blocks out: what long code lines become, and how many blank lines part
/// two paragraphs of prose (a heading, a list, a quote or code keeps at least one around it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub code: CodeLines,
    /// The columns a code line may take from the column's left edge: the pane's room right of
    /// the column too, so a wide screen shows a wide line whole instead of cutting it at the
    /// measure that suits prose. Never less than the column (0 means just the column).
    pub code_width: usize,
    pub paragraph_gap: u8,
    /// Prose may also break inside a word, at its syllables in this language, with a hyphen
    /// drawn: what keeps justified lines from gaping. `None` breaks only between words.
    pub hyphenation: Option<hypher::Lang>,
}

impl From<CodeLines> for Style {
    fn from(code: CodeLines) -> Style {
        Style {
            code,
            code_width: 0,
            paragraph_gap: 1,
            hyphenation: None,
        }
    }
}

/// Display columns a block kind gives up to its prefix ("│ " for quotes, a hanging indent for
/// list items), so render and layout agree on the text's width.
pub fn prefix_width(kind: BlockKind) -> usize {
    match kind {
        BlockKind::Quote | BlockKind::ListItem => 2,
        _ => 0,
    }
}

/// The layout of a whole document at one size.
#[derive(Debug, Clone)]
pub struct Pages {
    width: usize,
    height: usize,
    leftovers_open: bool,
    style: Style,
    rows: Vec<PackedRow>,
    /// Index of the first screen line of each block (a folded block maps to its fold line).
    /// Besides placing anchors, this is what tells each row its block.
    block_first_line: Vec<u32>,
    page_starts: Vec<usize>,
    /// The first block laid out: 0 unless this is a window around a place further on.
    first_block: usize,
    /// True when the last block laid out is the document's last.
    reaches_end: bool,
    /// False for a window (a first screen, or the pages around a place) that leaves part of
    /// the document out.
    complete: bool,
}

/// Screens of rows a window lays out before the block it is made around, and after it: enough
/// for a page up and a page down before the window has to move.
const WINDOW_SCREENS_BEFORE: usize = 2;
const WINDOW_SCREENS_AFTER: usize = 3;

/// Blocks laid out between two looks at the cancel flag of a layout made in the background:
/// a few milliseconds of work.
const CANCEL_CHECK_BLOCKS: usize = 2048;

impl Pages {
    /// Lay out `doc` in a column `width` wide, `height` lines a page. Leftover blocks are shown
    /// as one fold line per run unless `leftovers_open`.
    pub fn new(doc: &Document, width: usize, height: usize, leftovers_open: bool) -> Pages {
        Pages::with_code_lines(doc, width, height, leftovers_open, CodeLines::Cut)
    }

    /// The whole document in one page for plain output: leftovers open, prose wrapped at
    /// `width`, code lines whole.
    pub fn for_print(doc: &Document, width: usize) -> Pages {
        Pages::with_code_lines(doc, width, UNPAGED, true, CodeLines::Whole)
    }

    /// [`Pages::new`] with a choice of what long code lines become.
    pub fn with_code_lines(
        doc: &Document,
        width: usize,
        height: usize,
        leftovers_open: bool,
        style: impl Into<Style>,
    ) -> Pages {
        let style = style.into();
        let width = width.max(MIN_COLUMN);
        let height = height.max(1);
        let chunks = split_for_threads(doc);
        let parts: Vec<(Vec<PackedRow>, Vec<u32>)> = if chunks.len() == 1 {
            vec![lay_out_blocks(
                doc,
                0..doc.blocks.len(),
                width,
                leftovers_open,
                style,
            )]
        } else {
            std::thread::scope(|scope| {
                let handles: Vec<_> = chunks
                    .iter()
                    .map(|range| {
                        let range = range.clone();
                        scope
                            .spawn(move || lay_out_blocks(doc, range, width, leftovers_open, style))
                    })
                    .collect();
                handles
                    .into_iter()
                    .zip(&chunks)
                    .map(|(handle, range)| {
                        // A worker cannot fail short of a bug; lay the chunk out here if it did.
                        handle.join().unwrap_or_else(|_| {
                            lay_out_blocks(doc, range.clone(), width, leftovers_open, style)
                        })
                    })
                    .collect()
            })
        };
        let mut pages = Pages::empty(width, height, leftovers_open, style);
        for part in parts {
            pages.append(part);
        }
        pages.finish(doc, true)
    }

    /// A layout with no lines yet, to [`Pages::append`] laid-out block ranges to.
    fn empty(width: usize, height: usize, leftovers_open: bool, style: Style) -> Pages {
        Pages {
            width,
            height,
            leftovers_open,
            style,
            rows: Vec::new(),
            block_first_line: Vec::new(),
            page_starts: Vec::new(),
            first_block: 0,
            reaches_end: false,
            complete: false,
        }
    }

    /// Add the rows of the next range of blocks (their first-line indices are relative).
    fn append(&mut self, (rows, block_first_line): (Vec<PackedRow>, Vec<u32>)) {
        if self.rows.is_empty() {
            // The first part is taken as it is: a long book's rows are not copied.
            self.rows = rows;
            self.block_first_line = block_first_line;
            return;
        }
        let offset = row_index(self.rows.len());
        self.block_first_line.extend(
            block_first_line
                .into_iter()
                .map(|l| l.saturating_add(offset)),
        );
        self.rows.extend(rows);
    }

    /// Paginate what was appended.
    fn finish(mut self, doc: &Document, complete: bool) -> Pages {
        self.reaches_end |= complete;
        // Growing by doubling leaves up to half the room unused; a long book keeps its rows.
        let first_block = self.first_block;
        let heading = |block: usize| {
            doc.blocks
                .get(first_block + block)
                .is_some_and(|b| matches!(b.kind, BlockKind::Heading | BlockKind::Title))
        };
        self.page_starts = paginate(
            &mut self.rows,
            &mut self.block_first_line,
            self.height,
            heading,
        );
        self.rows.shrink_to_fit();
        self.block_first_line.shrink_to_fit();
        self.complete = complete;
        self
    }

    /// A quick layout of just enough blocks to fill the screen (and to reach `through_block`),
    /// so the first page can be painted before a long book is laid out. Positions past its end
    /// clamp to its last line; [`Pages::is_complete`] says whether a full layout is still due.
    pub fn first_screen(
        doc: &Document,
        width: usize,
        height: usize,
        leftovers_open: bool,
        style: impl Into<Style>,
        through_block: usize,
    ) -> Pages {
        let style = style.into();
        let height = height.max(1);
        let mut pages = Pages::empty(width.max(MIN_COLUMN), height, leftovers_open, style);
        pages.grow(doc, 0, 16, |pages, end| {
            pages.rows.len() < height * 2 || end <= through_block
        });
        pages.finish_window(doc)
    }

    /// The pages around `block`: a few screens before it and after it, laid out from a block
    /// far enough back, so a screen at any place of a long book costs about a screen of work.
    /// What a resize or a jump deep into a long book paints first, while the whole is laid out
    /// elsewhere. Line and page indices count from the window's first row, so page numbers are
    /// only the document's when [`Pages::counts_from_start`].
    pub fn around(
        doc: &Document,
        width: usize,
        height: usize,
        leftovers_open: bool,
        style: impl Into<Style>,
        block: usize,
    ) -> Pages {
        let style = style.into();
        let width = width.max(MIN_COLUMN);
        let height = height.max(1);
        let block = block.min(doc.blocks.len().saturating_sub(1));
        let wanted_before = height * WINDOW_SCREENS_BEFORE;
        let mut guess_before = wanted_before;
        loop {
            let start = window_start(doc, block, width, guess_before, leftovers_open);
            let mut pages = Pages::empty(width, height, leftovers_open, style);
            pages.first_block = start;
            // The blocks up to the place in one go, then as many more as the rows still
            // wanted need, by their length, until they are there.
            let mut end = end_of_fold_run(doc, (block + 1).min(doc.blocks.len()), leftovers_open);
            pages.append(lay_out_blocks(
                doc,
                start..end,
                width,
                leftovers_open,
                style,
            ));
            let wanted = height * WINDOW_SCREENS_AFTER;
            while end < doc.blocks.len() && pages.rows_from_block(block) < wanted {
                let short = wanted - pages.rows_from_block(block);
                let next =
                    end_of_fold_run(doc, blocks_filling(doc, end, short, width), leftovers_open);
                pages.append(lay_out_blocks(doc, end..next, width, leftovers_open, style));
                end = next;
            }
            // Text that takes fewer rows than its length says (wide or combining characters)
            // may leave too little before the place: go further back.
            let before = pages.first_line_of_block(block).unwrap_or(0);
            if start == 0 || before >= wanted_before / 2 {
                return pages.finish_window(doc);
            }
            guess_before *= 4;
        }
    }

    /// The whole document laid out on this thread, looking at `cancel` now and then: what a
    /// layout made in the background does, so that a newer one (another resize) does not wait
    /// behind it. `None` once cancelled.
    pub fn whole_unless_cancelled(
        doc: &Document,
        width: usize,
        height: usize,
        leftovers_open: bool,
        style: Style,
        cancel: &std::sync::atomic::AtomicBool,
    ) -> Option<Pages> {
        let mut pages = Pages::empty(width.max(MIN_COLUMN), height.max(1), leftovers_open, style);
        let mut end = 0;
        while end < doc.blocks.len() {
            if cancel.load(std::sync::atomic::Ordering::Relaxed) {
                return None;
            }
            let next = end_of_fold_run(
                doc,
                (end + CANCEL_CHECK_BLOCKS).min(doc.blocks.len()),
                leftovers_open,
            );
            pages.append(lay_out_blocks(
                doc,
                end..next,
                pages.width,
                leftovers_open,
                style,
            ));
            end = next;
        }
        Some(pages.finish_window(doc))
    }

    /// Lay out blocks from `end` on, in steps doubling from `step`, while `more` says so (given
    /// the layout so far and the block it reached), so a window costs about what it shows.
    fn grow(
        &mut self,
        doc: &Document,
        mut end: usize,
        mut step: usize,
        more: impl Fn(&Pages, usize) -> bool,
    ) {
        while end < doc.blocks.len() && more(self, end) {
            let next =
                end_of_fold_run(doc, (end + step).min(doc.blocks.len()), self.leftovers_open);
            self.append(lay_out_blocks(
                doc,
                end..next,
                self.width,
                self.leftovers_open,
                self.style,
            ));
            end = next;
            step *= 2;
        }
    }

    /// Paginate a window, complete when it runs from the first block to the last.
    fn finish_window(mut self, doc: &Document) -> Pages {
        self.reaches_end = self.first_block + self.block_first_line.len() >= doc.blocks.len();
        let complete = self.first_block == 0 && self.reaches_end;
        self.finish(doc, complete)
    }

    /// Rows from the first line of `block` to the window's end (0 when it is not laid out).
    fn rows_from_block(&self, block: usize) -> usize {
        self.first_line_of_block(block)
            .map_or(0, |first| self.rows.len().saturating_sub(first))
    }

    /// True when line and page numbers count from the document's start: a complete layout, or
    /// a window that starts at the first block.
    pub fn counts_from_start(&self) -> bool {
        self.first_block == 0
    }

    /// True when `block` is laid out with at least a screen of rows before it (or the
    /// document's start) and two after it (or the document's end): the room a page up or a
    /// page down needs. A complete layout holds every block.
    pub fn holds_around(&self, block: usize) -> bool {
        if self.complete {
            return true;
        }
        let Some(first) = self.first_line_of_block(block) else {
            return false;
        };
        let before = self.first_block == 0 || first >= self.height;
        let after = self.reaches_end || self.rows.len() - first >= self.height * 2;
        before && after
    }

    /// False while only the first screen has been laid out.
    pub fn is_complete(&self) -> bool {
        self.complete
    }

    pub fn width(&self) -> usize {
        self.width
    }
    pub fn height(&self) -> usize {
        self.height
    }
    pub fn leftovers_open(&self) -> bool {
        self.leftovers_open
    }
    pub fn code_lines(&self) -> CodeLines {
        self.style.code
    }

    pub fn style(&self) -> Style {
        self.style
    }
    /// The columns a code line may take (see [`Style::code_width`]).
    pub fn code_width(&self) -> usize {
        self.style.code_width.max(self.width)
    }
    /// How many screen lines the layout has.
    pub fn line_count(&self) -> usize {
        self.rows.len()
    }

    /// Screen line `index`, if there is one.
    pub fn line(&self, index: usize) -> Option<Line> {
        let row = *self.rows.get(index)?;
        Some(row.to_line(self.first_block + blocks_started_by(&self.block_first_line, index)))
    }

    /// The screen lines from `index` to the end, in order. Walking them costs a step a line,
    /// so this is the way to read many.
    pub fn lines_from(&self, index: usize) -> ScreenLines<'_> {
        ScreenLines::new(&self.rows, &self.block_first_line, self.first_block, index)
    }
    /// How many rows a screen whose top row is `top` shows: a page, or less when `top` starts a
    /// page that ends early, before a heading kept with its text on the next.
    pub fn rows_shown_from(&self, top: usize) -> usize {
        match self.page_starts.binary_search(&top) {
            Ok(page) => self
                .page_starts
                .get(page + 1)
                .map_or(self.height, |&next| (next - top).min(self.height)),
            Err(_) => self.height,
        }
    }

    pub fn page_count(&self) -> usize {
        self.page_starts.len()
    }
    pub fn page_starts(&self) -> &[usize] {
        &self.page_starts
    }

    /// The screen line showing `anchor`. A place before a window's first block is on its first
    /// line, one past its last block on its last.
    pub fn line_of(&self, anchor: Anchor) -> usize {
        let Some(index) = anchor.block.checked_sub(self.first_block) else {
            return 0;
        };
        let Some(&first) = self.block_first_line.get(index) else {
            return self.rows.len().saturating_sub(1);
        };
        let end = self.block_first_line[index + 1..]
            .iter()
            .copied()
            .find(|&l| l != first)
            .map_or(self.rows.len(), |l| l as usize);
        let first = first as usize;
        let block_rows = self.rows.get(first..end).unwrap_or_default();
        if block_rows.first().is_some_and(|r| r.is_fold()) {
            return first;
        }
        let within =
            block_rows.partition_point(|r| r.is_text() && (r.text_start() as usize) <= anchor.byte);
        first + within.saturating_sub(1)
    }

    /// The place a screen line starts at. A blank line stands for the block after it.
    pub fn anchor_at_line(&self, line: usize) -> Anchor {
        let line = line.min(self.rows.len().saturating_sub(1));
        self.line(line).map_or(Anchor::default(), |l| {
            Anchor::new(l.block as usize, l.start as usize)
        })
    }

    /// The page showing a line.
    pub fn page_of_line(&self, line: usize) -> usize {
        self.page_starts
            .partition_point(|&s| s <= line)
            .saturating_sub(1)
    }

    pub fn page_of(&self, anchor: Anchor) -> usize {
        self.page_of_line(self.line_of(anchor))
    }

    /// The place page `page` starts at (clamped to the last page).
    pub fn anchor_at(&self, page: usize) -> Anchor {
        let page = page.min(self.page_starts.len().saturating_sub(1));
        self.anchor_at_line(self.page_starts.get(page).copied().unwrap_or(0))
    }

    /// The furthest the top of the screen may go: the start of the last page.
    pub fn last_top(&self) -> usize {
        self.page_starts.last().copied().unwrap_or(0)
    }

    /// The first line of a block (its fold line when folded).
    pub fn first_line_of_block(&self, block: usize) -> Option<usize> {
        let index = block.checked_sub(self.first_block)?;
        self.block_first_line.get(index).map(|&l| l as usize)
    }
}

/// Below this much text, one thread lays out faster than two.
const PARALLEL_THRESHOLD: usize = 256 * 1024;

/// Block ranges to lay out in parallel: one per core for big documents, cut only where a
/// cut cannot split a run of leftovers (which folds into one line).
fn split_for_threads(doc: &Document) -> Vec<std::ops::Range<usize>> {
    let total: usize = doc.blocks.iter().map(|b| b.text.len()).sum();
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(4);
    if total < PARALLEL_THRESHOLD || threads < 2 || doc.blocks.len() < threads * 2 {
        return std::iter::once(0..doc.blocks.len()).collect();
    }
    let mut cuts = vec![0];
    let mut seen = 0;
    let share = total / threads;
    for (i, block) in doc.blocks.iter().enumerate() {
        let leftover_run = i > 0
            && block.kind == BlockKind::Leftover
            && doc.blocks[i - 1].kind == BlockKind::Leftover;
        if seen >= share * cuts.len() && !leftover_run && cuts.len() < threads {
            cuts.push(i);
        }
        seen += block.text.len();
    }
    cuts.push(doc.blocks.len());
    cuts.windows(2)
        .filter(|w| w[0] < w[1])
        .map(|w| w[0]..w[1])
        .collect()
}

#[cfg(test)]
mod tests;
