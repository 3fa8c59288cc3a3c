//! Where a window of the layout begins and ends: the few screens around a place in a long
//! text that are laid out at once (see [`super::Pages::around`]), guessed from the blocks'
//! lengths before any is wrapped, and never cut inside a run of folded leftovers.

use crate::document::{BlockKind, Document};

/// About how many rows block `index` takes at `width`, from its length alone: a byte a column
/// and its gap. Right for most prose; a script of wider or longer characters takes fewer
/// rows, so a window asking for two screens gets at least one and a half.
fn rows_guess(doc: &Document, index: usize, width: usize) -> usize {
    doc.blocks[index].text.len() / width + 2
}

/// The end of the blocks from `start` that fill about `rows` rows (at least one block).
pub(super) fn blocks_filling(doc: &Document, start: usize, rows: usize, width: usize) -> usize {
    let mut end = start;
    let mut filled = 0;
    while end < doc.blocks.len() && (filled < rows || end == start) {
        filled += rows_guess(doc, end, width);
        end += 1;
    }
    end
}

/// The first block of a window around `block`: far enough back that the blocks before `block`
/// fill about `rows_wanted` rows, and never inside a run of folded leftovers, which is one line.
pub(super) fn window_start(
    doc: &Document,
    block: usize,
    width: usize,
    rows_wanted: usize,
    leftovers_open: bool,
) -> usize {
    let mut start = block;
    let mut rows = 0;
    while start > 0 && rows < rows_wanted {
        start -= 1;
        rows += rows_guess(doc, start, width);
    }
    let folded = |b: usize| !leftovers_open && doc.blocks[b].kind == BlockKind::Leftover;
    while start > 0 && folded(start) && folded(start - 1) {
        start -= 1;
    }
    start
}

/// `end`, or past it to the end of the run of folded leftovers it would cut: a folded run is
/// one line, so a layout in parts never ends inside one. Open leftovers are blocks like any
/// other (a run of them can be most of a text).
pub(super) fn end_of_fold_run(doc: &Document, mut end: usize, leftovers_open: bool) -> usize {
    while !leftovers_open
        && end < doc.blocks.len()
        && doc.blocks[end].kind == BlockKind::Leftover
        && doc.blocks[end - 1].kind == BlockKind::Leftover
    {
        end += 1;
    }
    end
}
