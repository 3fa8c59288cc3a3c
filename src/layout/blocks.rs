//! One range of blocks laid out into rows: the blank rows between blocks, prose wrapped,
//! headings balanced, code cut, wrapped or kept whole. What [`Pages`] is built
//! from, a range at a time.

use super::*;

/// Lay out a range of blocks: their lines (each block after the first of the document gets a
/// blank line before it) and the index of each block's first line, relative to this range.
///
/// Each line is built whole, block and all, and stored as a `Row`: the layout keeps
/// [`PackedRow`]s, and tests keep [`Line`]s to check the packed rows give the same lines back.
pub(super) fn lay_out_blocks<Row: From<Line>>(
    doc: &Document,
    range: std::ops::Range<usize>,
    width: usize,
    leftovers_open: bool,
    style: Style,
) -> (Vec<Row>, Vec<u32>) {
    let mut rows = Vec::with_capacity(range.len() * 4);
    let mut block_first_line = Vec::with_capacity(range.len());
    let mut index = range.start;
    while index < range.end {
        let gap = gap_before(doc, index, style.paragraph_gap);
        let block = &doc.blocks[index];
        let folded = block.kind == BlockKind::Leftover && !leftovers_open;
        // A page break before a block that shows (nothing comes before the first).
        if block.placement.new_page && index > 0 && !folded {
            push_gap(&mut rows, index, gap.max(1));
            rows.push(Row::from(Line {
                kind: LineKind::PageBreak,
                ..non_text_line(index)
            }));
            push_gap(&mut rows, index, gap.max(1));
        } else {
            push_gap(&mut rows, index, gap);
        }
        if folded {
            let run = doc.blocks[index..range.end]
                .iter()
                .take_while(|b| b.kind == BlockKind::Leftover)
                .count();
            let fold_line = row_index(rows.len());
            rows.push(Row::from(Line {
                block: index as u32,
                start: 0,
                end: 0,
                kind: LineKind::Fold { count: run as u32 },
                first_of_block: true,
                cut: false,
                hang: 0,
                hyphen: false,
            }));
            block_first_line.extend(std::iter::repeat_n(fold_line, run));
            index += run;
            continue;
        }
        block_first_line.push(row_index(rows.len()));
        lay_out_block(&mut rows, doc, index, width, style);
        index += 1;
    }
    (rows, block_first_line)
}

/// A row before block `index` that shows no text of it, blank until its kind is set.
fn non_text_line(index: usize) -> Line {
    Line {
        block: index as u32,
        start: 0,
        end: 0,
        kind: LineKind::Blank,
        first_of_block: false,
        cut: false,
        hang: 0,
        hyphen: false,
    }
}

/// `count` blank rows before block `index`.
fn push_gap<Row: From<Line>>(rows: &mut Vec<Row>, index: usize, count: u8) {
    for _ in 0..count {
        rows.push(Row::from(non_text_line(index)));
    }
}

/// Blank lines before block `index`: the paragraph gap between two paragraphs of prose, at
/// least one around anything else, none before the first, and none before a block set close
/// under the one before it (the items of a tight list, a table's rows, the lines a term or a
/// speaker's first line stands over), unless that one is a heading, which keeps its air.
fn gap_before(doc: &Document, index: usize, paragraph_gap: u8) -> u8 {
    let Some(previous) = index.checked_sub(1).and_then(|i| doc.blocks.get(i)) else {
        return 0;
    };
    let prose = |kind: BlockKind| kind == BlockKind::Paragraph;
    let Some(block) = doc.blocks.get(index) else {
        return 0;
    };
    if block.tight && previous.kind != BlockKind::Heading {
        return 0;
    }
    if prose(previous.kind) && prose(block.kind) {
        paragraph_gap
    } else {
        paragraph_gap.max(1)
    }
}

/// The screen lines of block `index`: its range, whether it is cut, and its hang. Pushed as
/// they come, so a long paragraph's rows are never held twice.
fn lay_out_block<Row: From<Line>>(
    rows: &mut Vec<Row>,
    doc: &Document,
    index: usize,
    width: usize,
    style: Style,
) {
    let block = &doc.blocks[index];
    let first_row = rows.len();
    let code_width = style.code_width.max(width);
    // Verse turns a long line over even where code is cut.
    let code_lines = match style.code {
        CodeLines::Cut if block.placement.turn_over => CodeLines::Wrap,
        lines => lines,
    };
    match (block.kind, code_lines) {
        (BlockKind::Code, CodeLines::Cut) => {
            for (range, cut) in wrap::cut_preformatted(&block.text, code_width) {
                push_row(rows, index, first_row, range, cut, 0, false);
            }
        }
        (BlockKind::Code, CodeLines::Wrap) => {
            for row in code::wrap_preformatted(&block.text, code_width) {
                push_row(rows, index, first_row, row.range, false, row.hang, false);
            }
        }
        (BlockKind::Code, CodeLines::Whole) => {
            for range in wrap::preformatted_lines(&block.text) {
                push_row(rows, index, first_row, range, false, 0, false);
            }
        }
        (BlockKind::Title | BlockKind::Heading, _) => {
            // A heading's lines are balanced at one width: the narrower of its two.
            let room = Room::of(block, width);
            let narrower = room.first_width.min(room.rest_width);
            for range in balanced(&block.text, narrower.max(WIDEST_CLUSTER)) {
                push_row(rows, index, first_row, range, false, 0, false);
            }
        }
        _ => {
            let room = Room::of(block, width);
            let widths = (room.first_width, room.rest_width);
            wrap::wrap_prose_each(&block.text, widths, style.hyphenation, |range, hyphen| {
                push_row(rows, index, first_row, range, false, 0, hyphen);
            });
        }
    }
    if rows.len() == first_row {
        // An empty block still takes a line, so every block has a place on screen.
        push_row(rows, index, first_row, 0..0, false, 0, false);
    }
}

/// Add a text row of block `index`, whose rows start at `first_row`; a prose row may end at a
/// syllable, with a `hyphen` drawn after it.
fn push_row<Row: From<Line>>(
    rows: &mut Vec<Row>,
    index: usize,
    first_row: usize,
    range: std::ops::Range<usize>,
    cut: bool,
    hang: usize,
    hyphen: bool,
) {
    let first_of_block = rows.len() == first_row;
    rows.push(Row::from(Line {
        block: index as u32,
        start: range.start as u32,
        end: range.end as u32,
        kind: LineKind::Text,
        first_of_block,
        cut,
        hang: u32::try_from(hang).unwrap_or(u32::MAX),
        hyphen,
    }));
}

/// A title or heading wrapped into as few lines as at `width`, but with those lines as even
/// as they can be: "America Should Be More Sincere in / Collaborating on Network Security"
/// rather than a full line and a lone last word. The narrowest width that keeps the line
/// count is found by bisection; titles are short, so this costs little.
pub(super) fn balanced(text: &str, width: usize) -> Vec<std::ops::Range<usize>> {
    let widest = wrap::wrap_flowing(text, width, width);
    let count = widest.len();
    if count < 2 || text.len() > BALANCED_MAX_BYTES {
        return widest;
    }
    // `high` always wraps into no more than `count` lines; `width` does.
    let (mut low, mut high) = (WIDEST_CLUSTER.max(width / count), width);
    let mut best = widest;
    while low < high {
        let middle = (low + high) / 2;
        let lines = wrap::wrap_flowing(text, middle, middle);
        if lines.len() <= count {
            best = lines;
            high = middle;
        } else {
            low = middle + 1;
        }
    }
    best
}

/// Titles and headings longer than this are wrapped like paragraphs (a "heading" that long is
/// prose the structure took for one).
const BALANCED_MAX_BYTES: usize = 400;
