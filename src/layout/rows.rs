//! The stored form of screen lines: twelve bytes a row. A long book lays out to millions of
//! rows, so a row keeps only its byte range and a packed word of flags; the block a row belongs
//! to is not stored but read off where each block's first line is, which the layout keeps anyway.
//! Callers never see this form: they get [`Line`] values from [`ScreenLines`].

use super::{Line, LineKind};

/// One screen line as the layout stores it.
///
/// A text row holds its byte range in `start..end`. A fold row has no byte range: `start` holds
/// the fold's first block and `end` how many blocks it stands for. `meta` packs the kind, the
/// first-of-block, cut and hyphen flags, and the hang (see the bit constants below).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct PackedRow {
    start: u32,
    end: u32,
    meta: u32,
}

// The point of the type: a row is three words, not the seven of a `Line`.
const _: () = assert!(std::mem::size_of::<PackedRow>() == 12);

const KIND_MASK: u32 = 0b11;
const KIND_TEXT: u32 = 0;
const KIND_BLANK: u32 = 1;
const KIND_FOLD: u32 = 2;
const KIND_BREAK: u32 = 3;
const FIRST_OF_BLOCK: u32 = 1 << 2;
const CUT: u32 = 1 << 3;
const HYPHEN: u32 = 1 << 4;
const HANG_SHIFT: u32 = 5;
/// The largest hang a row can hold. A hang is a count of columns, so it never comes near this;
/// a larger one is kept as this rather than spilling into the flags.
const HANG_MAX: u32 = u32::MAX >> HANG_SHIFT;

impl From<Line> for PackedRow {
    fn from(line: Line) -> PackedRow {
        let (kind, start, end) = match line.kind {
            LineKind::Text => (KIND_TEXT, line.start, line.end),
            LineKind::Blank => (KIND_BLANK, 0, 0),
            LineKind::Fold { count } => (KIND_FOLD, line.block, count),
            LineKind::PageBreak => (KIND_BREAK, 0, 0),
        };
        let mut meta = kind | (line.hang.min(HANG_MAX) << HANG_SHIFT);
        if line.first_of_block {
            meta |= FIRST_OF_BLOCK;
        }
        if line.cut {
            meta |= CUT;
        }
        if line.hyphen {
            meta |= HYPHEN;
        }
        PackedRow { start, end, meta }
    }
}

impl PackedRow {
    pub(super) fn is_text(self) -> bool {
        self.meta & KIND_MASK == KIND_TEXT
    }

    pub(super) fn is_blank(self) -> bool {
        self.meta & KIND_MASK == KIND_BLANK
    }

    pub(super) fn is_fold(self) -> bool {
        self.meta & KIND_MASK == KIND_FOLD
    }

    pub(super) fn is_page_break(self) -> bool {
        self.meta & KIND_MASK == KIND_BREAK
    }

    /// The first row of its block.
    pub(super) fn is_first_of_block(self) -> bool {
        self.meta & FIRST_OF_BLOCK != 0
    }

    /// A row that holds no text: a page may not start with one.
    pub(super) fn is_empty_of_text(self) -> bool {
        self.is_blank() || self.is_page_break()
    }

    /// A blank row: the gap between blocks, or the rest of a page after a page break.
    pub(super) fn blank() -> PackedRow {
        PackedRow {
            start: 0,
            end: 0,
            meta: KIND_BLANK,
        }
    }

    /// Where a text row's range starts (0 for the other kinds).
    pub(super) fn text_start(self) -> u32 {
        if self.is_text() { self.start } else { 0 }
    }

    /// The row as a [`Line`], given `blocks_started`: how many blocks have their first line at
    /// or before this row.
    ///
    /// A text row belongs to the last of those blocks. A blank row is the gap before the next
    /// block, and sits right before that block's first line, so it belongs to the first block
    /// not yet started; so does a page break's row, which also comes before its block. A fold row names its first block itself: all the blocks of its run
    /// start on it, so the count alone would give the run's last.
    pub(super) fn to_line(self, blocks_started: usize) -> Line {
        let text_block = blocks_started.saturating_sub(1) as u32;
        let (block, start, end, kind) = match self.meta & KIND_MASK {
            KIND_TEXT => (text_block, self.start, self.end, LineKind::Text),
            KIND_FOLD => (self.start, 0, 0, LineKind::Fold { count: self.end }),
            KIND_BREAK => (blocks_started as u32, 0, 0, LineKind::PageBreak),
            _ => (blocks_started as u32, 0, 0, LineKind::Blank),
        };
        Line {
            block,
            start,
            end,
            kind,
            first_of_block: self.meta & FIRST_OF_BLOCK != 0,
            cut: self.meta & CUT != 0,
            hang: self.meta >> HANG_SHIFT,
            hyphen: self.meta & HYPHEN != 0,
        }
    }
}

/// How many blocks have their first line at or before `row`.
pub(super) fn blocks_started_by(block_first_line: &[u32], row: usize) -> usize {
    block_first_line.partition_point(|&first| first as usize <= row)
}

/// The index of the next row, as stored in the first-line table. A layout holding more than
/// `u32::MAX` rows would need tens of gigabytes; it is capped rather than wrapped around.
pub(super) fn row_index(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}

/// Screen lines in order from a given row, as [`Line`] values. Finds the first row's block
/// once, then follows the block starts forward, so walking every row of a book costs one step
/// a row and one a block.
#[derive(Debug, Clone)]
pub struct ScreenLines<'a> {
    rows: &'a [PackedRow],
    block_first_line: &'a [u32],
    /// The layout's first block (a window's starts further on than 0).
    first_block: usize,
    next_row: usize,
    blocks_started: usize,
}

impl<'a> ScreenLines<'a> {
    pub(super) fn new(
        rows: &'a [PackedRow],
        block_first_line: &'a [u32],
        first_block: usize,
        from: usize,
    ) -> ScreenLines<'a> {
        ScreenLines {
            rows,
            block_first_line,
            first_block,
            next_row: from,
            blocks_started: blocks_started_by(block_first_line, from),
        }
    }
}

impl Iterator for ScreenLines<'_> {
    type Item = Line;

    fn next(&mut self) -> Option<Line> {
        let row = *self.rows.get(self.next_row)?;
        while self
            .block_first_line
            .get(self.blocks_started)
            .is_some_and(|&first| first as usize <= self.next_row)
        {
            self.blocks_started += 1;
        }
        self.next_row += 1;
        Some(row.to_line(self.first_block + self.blocks_started))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.rows.len().saturating_sub(self.next_row);
        (left, Some(left))
    }
}

impl ExactSizeIterator for ScreenLines<'_> {}

impl std::iter::FusedIterator for ScreenLines<'_> {}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(start: u32, end: u32, first_of_block: bool, cut: bool, hang: u32) -> Line {
        Line {
            block: 7,
            start,
            end,
            kind: LineKind::Text,
            first_of_block,
            cut,
            hang,
            hyphen: false,
        }
    }

    #[test]
    fn every_field_of_a_text_row_survives_packing() {
        for first_of_block in [false, true] {
            for cut in [false, true] {
                for hang in [0, 1, 13, HANG_MAX] {
                    for hyphen in [false, true] {
                        let line = Line {
                            hyphen,
                            ..text(5, u32::MAX, first_of_block, cut, hang)
                        };
                        // Seven blocks before it have started, so it is in block 7.
                        assert_eq!(PackedRow::from(line).to_line(8), line);
                    }
                }
            }
        }
    }

    #[test]
    fn an_outsize_hang_is_capped_without_touching_the_flags() {
        let line = text(0, 3, false, false, u32::MAX);
        let unpacked = PackedRow::from(line).to_line(8);
        assert_eq!(unpacked.hang, HANG_MAX);
        assert!(!unpacked.cut && !unpacked.first_of_block && !unpacked.hyphen);
        assert_eq!(unpacked.kind, LineKind::Text);
    }

    #[test]
    fn a_fold_keeps_its_first_block_and_count_and_a_blank_takes_the_next_block() {
        let fold = Line {
            block: 4,
            start: 0,
            end: 0,
            kind: LineKind::Fold { count: 3 },
            first_of_block: true,
            cut: false,
            hang: 0,
            hyphen: false,
        };
        // All three folded blocks start on the fold row: seven have started, yet it is block 4.
        let packed = PackedRow::from(fold);
        assert!(packed.is_fold() && !packed.is_text() && !packed.is_blank());
        assert_eq!(packed.to_line(7), fold);
        assert_eq!(packed.text_start(), 0);
        let blank = Line {
            block: 7,
            kind: LineKind::Blank,
            first_of_block: false,
            ..fold
        };
        let packed = PackedRow::from(blank);
        assert!(packed.is_blank());
        assert_eq!(packed.to_line(7), blank);
        // A page break, like a blank, comes before the block it is for.
        let page_break = Line {
            kind: LineKind::PageBreak,
            ..blank
        };
        let packed = PackedRow::from(page_break);
        assert!(packed.is_page_break() && packed.is_empty_of_text() && !packed.is_blank());
        assert_eq!(packed.to_line(7), page_break);
        assert_eq!(PackedRow::blank().to_line(7), blank);
    }

    #[test]
    fn walking_tracks_blocks_across_blanks_and_folds() {
        // Block 0: rows 0-1; blank; blocks 1-3 folded on row 3; blank; block 4: row 5.
        let lines = [
            (0, LineKind::Text, true),
            (0, LineKind::Text, false),
            (1, LineKind::Blank, false),
            (1, LineKind::Fold { count: 3 }, true),
            (4, LineKind::Blank, false),
            (4, LineKind::Text, true),
        ]
        .map(|(block, kind, first_of_block)| Line {
            block,
            start: 0,
            end: if kind == LineKind::Text { 2 } else { 0 },
            kind,
            first_of_block,
            cut: false,
            hang: 0,
            hyphen: false,
        });
        let rows: Vec<PackedRow> = lines.iter().copied().map(PackedRow::from).collect();
        let block_first_line = [0, 3, 3, 3, 5];
        for from in 0..=lines.len() {
            let walked: Vec<Line> = ScreenLines::new(&rows, &block_first_line, 0, from).collect();
            assert_eq!(walked, lines[from..], "from row {from}");
        }
        assert_eq!(ScreenLines::new(&rows, &block_first_line, 0, 2).len(), 4);
        assert_eq!(
            ScreenLines::new(&rows, &block_first_line, 0, 99).next(),
            None
        );
    }
}
