//! Page starts. A page is `height` rows; the next starts at the first row after that which
//! holds text, so no page starts blank. A heading does not end a page: when the last text rows
//! of a page are a heading's, the page ends before it and the heading starts the next, over
//! its text, as a book sets it. A page break in the text (Aozora Bunko's `［＃改ページ］`)
//! ends its page: the rest of the page is filled with blank rows, so the text after the break
//! starts the next page, as it would in a book. Plain output has one endless page and no such
//! filling: there the break's own row is all that marks it.

use super::rows::{PackedRow, blocks_started_by, row_index};

/// A page height at or past this is plain output's one page: nothing is filled after a break.
pub(super) const UNPAGED: usize = usize::MAX / 4;

/// The pages of blank rows the filling after page breaks may take beyond the rows of text read.
const FREE_PAGES: usize = 64;

/// The page starts of `rows` at `height` rows a page. When the rows hold page breaks, the rest
/// of each break's page is filled with blank rows (inserted into `rows`, with
/// `block_first_line` moved to match).
/// `heading` says whether a block (by its index among the blocks laid out) is a heading or a
/// title, which keeps with the text after it.
pub(super) fn paginate(
    rows: &mut Vec<PackedRow>,
    block_first_line: &mut [u32],
    height: usize,
    heading: impl Fn(usize) -> bool,
) -> Vec<usize> {
    if height < UNPAGED && rows.iter().any(|r| r.is_page_break()) {
        let (filled, shifts) = fill_after_breaks(rows, height);
        *rows = filled;
        shift_rows(block_first_line, &shifts);
    }
    let heading_row = |row: usize| {
        rows[row].is_text() && heading(blocks_started_by(block_first_line, row).saturating_sub(1))
    };
    page_starts(rows, height, heading_row)
}

/// Every `height` rows, moved past rows without text, and back to the start of a heading
/// whose text the page would leave to the next.
fn page_starts(
    rows: &[PackedRow],
    height: usize,
    heading_row: impl Fn(usize) -> bool,
) -> Vec<usize> {
    let mut starts = vec![0];
    let mut start = 0;
    loop {
        let mut next = start + height;
        while next < rows.len() && rows[next].is_empty_of_text() {
            next += 1;
        }
        if next >= rows.len() {
            break;
        }
        if height < UNPAGED {
            next = before_stranded_heading(rows, start, next, &heading_row);
        }
        starts.push(next);
        start = next;
    }
    starts
}

/// Where the page from `start` should end instead of at `next`: at the first row of the
/// heading rows (with the blank rows among them) that close it, unless the page would be left
/// with nothing else.
fn before_stranded_heading(
    rows: &[PackedRow],
    start: usize,
    next: usize,
    heading_row: impl Fn(usize) -> bool,
) -> usize {
    let mut first = next;
    let mut row = next;
    while row > start + 1 {
        row -= 1;
        if rows[row].is_empty_of_text() {
            continue;
        }
        if !heading_row(row) {
            break;
        }
        first = row;
    }
    // Nothing but headings (and blank rows) from the page's second row on: a page of headings
    // ends where it would.
    if first == next || first <= start + 1 || !rows[first].is_first_of_block() {
        return next;
    }
    first
}

/// The rows with blank rows after each page break, up to where its page ends, found by
/// paginating as they are copied; and, for each filling, the old index of the row after it and
/// how many rows have been inserted up to there.
fn fill_after_breaks(rows: &[PackedRow], height: usize) -> (Vec<PackedRow>, Vec<(usize, usize)>) {
    let mut out = Vec::with_capacity(rows.len() + height);
    let mut shifts = Vec::new();
    // Where the page being filled may end: the next page starts at the first row at or past
    // this that holds text.
    let mut page_end = height;
    for (old, &row) in rows.iter().enumerate() {
        let at = out.len();
        if at >= page_end && !row.is_empty_of_text() {
            page_end = at + height;
        }
        out.push(row);
        // A break that falls where a page would start anyway needs no filling: the page after
        // it starts at the text after it. Nor do the blank rows grow past a few pages more than
        // the rows read so far: a text made of little but page breaks is not laid out many
        // times its length (its later breaks keep their rows, without the blank after them).
        let fill = page_end.saturating_sub(at + 1);
        let inserted = out.len() - (old + 1);
        let allowed = (old + 1).saturating_add(height.saturating_mul(FREE_PAGES));
        if row.is_page_break() && at < page_end && inserted + fill <= allowed {
            out.extend(std::iter::repeat_n(PackedRow::blank(), fill));
            shifts.push((old + 1, out.len() - (old + 1)));
        }
    }
    (out, shifts)
}

/// Move each row index by the rows inserted before it.
fn shift_rows(block_first_line: &mut [u32], shifts: &[(usize, usize)]) {
    let mut next = 0;
    let mut inserted = 0;
    // Both lists go forward: the first lines of blocks are in order.
    for first in block_first_line.iter_mut() {
        while next < shifts.len() && shifts[next].0 <= *first as usize {
            inserted = shifts[next].1;
            next += 1;
        }
        *first = row_index(*first as usize + inserted);
    }
}
