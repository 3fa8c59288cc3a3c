//! The reading column: the screen lines of the current page, styled by block kind, with quote
//! bars, list indents, fold lines, and the markers of cut and continued code lines. Draws from
//! the layout cache; wraps nothing itself.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::justify::{Spread, spread_of};
use super::put::{put_lone, put_str, stands_alone};
use super::theme::Theme;
use super::visual::{VisualLine, drawn_line, line_runs_right_to_left, lines_mostly_rtl};
use crate::document::{Block, BlockKind, Span};
use crate::layout::{
    Line, LineKind, MIN_COLUMN, PAGE_BREAK, Room, page_break_indent, prefix_width,
};
use crate::reader::Model;
use crate::text::display_width;

pub fn render(model: &Model, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let top = model.top_line();
    // A page that ends before a heading leaves its last rows blank: the heading opens the next.
    let shown = model.pages().rows_shown_from(top).min(area.height as usize);
    // The direction a preformatted block's lines share, worked out once for the block's rows
    // on this page rather than once a row.
    let mut code_direction: Option<(u32, bool)> = None;
    for (row, line) in model.pages().lines_from(top).take(shown).enumerate() {
        let y = area.y + row as u16;
        match line.kind {
            LineKind::Blank => {}
            LineKind::PageBreak => {
                let x = page_break_indent(area.width as usize) as u16;
                buf.set_stringn(area.x + x, y, PAGE_BREAK, area.width as usize, theme.dim());
            }
            LineKind::Fold { count } => {
                let noun = if count == 1 { "block" } else { "blocks" };
                // What the fold holds, as `--print` says it: a reader who is not told what
                // is hidden has no reason to open it.
                let first = line.block as usize;
                let held = model
                    .doc()
                    .blocks
                    .get(first..first.saturating_add(count as usize))
                    .unwrap_or_default();
                let what = crate::document::Fold::describe_run(held);
                // The key first: a narrow column cuts the list of what is held, with "…".
                let text = crate::outline::fit_label(
                    &format!("▸ {count} {noun} folded (z opens): {what}"),
                    area.width as usize,
                );
                buf.set_stringn(area.x, y, text, area.width as usize, theme.dim());
            }
            LineKind::Text => {
                let block = &model.doc().blocks[line.block as usize];
                let area = row_area(model, block, area, buf.area);
                let text = &block.text[line.range()];
                let (style, prefix) = match block.kind {
                    BlockKind::Title => (theme.title(), ""),
                    BlockKind::Heading => (theme.heading(), ""),
                    BlockKind::Byline => (theme.byline(), ""),
                    BlockKind::Leftover => (theme.dim(), ""),
                    BlockKind::Code => (theme.code(), ""),
                    BlockKind::Quote => (theme.text(), "│ "),
                    BlockKind::ListItem if !line.first_of_block => (theme.text(), "  "),
                    _ => (theme.text(), ""),
                };
                if !prefix.is_empty() {
                    let bar = if block.kind == BlockKind::Quote {
                        theme.quote_bar()
                    } else {
                        style
                    };
                    buf.set_stringn(area.x, y, prefix, area.width as usize, bar);
                } else if line.is_continuation() {
                    buf.set_stringn(area.x, y, CONTINUATION_MARKER, 1, theme.dim());
                }
                let x = text_left(block, &line, area);
                let right = area.x + area.width;
                // A cut line's text stops before the marker's cell (a right-to-left line too).
                let text_right = if line.cut {
                    right.saturating_sub(1)
                } else {
                    right
                };
                let spread = spread_of(model, block, &line, text_right.saturating_sub(x));
                let bidi = model.config().bidi;
                let block_rtl =
                    (block.kind == BlockKind::Code && bidi).then(|| match code_direction {
                        Some((at, rtl)) if at == line.block => rtl,
                        _ => {
                            let rtl = lines_mostly_rtl(&block.text);
                            code_direction = Some((line.block, rtl));
                            rtl
                        }
                    });
                // Most lines of prose are letters and punctuation drawn as stored, left to
                // right, in one style: put a character to a cell. The rest are reordered,
                // split into clusters and styled span by span.
                let as_stored = block.spans.is_empty()
                    && spread.is_empty()
                    && text.chars().all(stands_alone)
                    && !(bidi
                        && line_runs_right_to_left(&block.text, line.range().start, block_rtl));
                let end = if as_stored {
                    put_lone(
                        buf,
                        x,
                        y,
                        text,
                        text_right.saturating_sub(x) as usize,
                        style,
                    )
                    .0
                } else {
                    draw_cells(
                        &drawn_line(&block.text, line.range(), bidi, block_rtl),
                        &block.spans,
                        &spread,
                        (x, text_right, y),
                        style,
                        theme,
                        buf,
                    )
                };
                if line.hyphen {
                    draw_hyphen(end, (text_right, y), style, buf);
                }
                let room = right.saturating_sub(x) as usize;
                super::search::highlight_line(model, theme, &line, x, y, room, buf);
                if line.cut {
                    draw_cut_marker(model, theme, &line, (text_right, y), buf);
                }
            }
        }
    }
}

/// Where a row of `block` is drawn: the reading column, or for code the column stretched
/// right as far as the layout let code lines go (into the pane's room beside the column),
/// never past the screen. Shared with the overlays, so they paint the cells drawn.
pub(super) fn row_area(model: &Model, block: &Block, column: Rect, screen: Rect) -> Rect {
    if block.kind != BlockKind::Code {
        return column;
    }
    let room = screen.right().saturating_sub(column.x);
    let code_width = u16::try_from(model.pages().code_width()).unwrap_or(u16::MAX);
    Rect {
        width: code_width.min(room).max(column.width.min(room)),
        ..column
    }
}

/// The sign, in a cut code line's last cell, that the line goes on past the column.
pub const CUT_MARKER: &str = "›";

/// The sign, in the first cell of a wrapped code line's continuation row, that the row goes
/// on from the one above rather than starting a new line of the code.
pub const CONTINUATION_MARKER: &str = "↪";

/// The column a text line's first cell is drawn at: after a quote's bar or a list item's
/// hanging indent, after a continuation row's marker and hang, centred for a title, and set
/// where the block's placement puts it (a first-line indent, a passage set in, a line against
/// the right edge). Shared with the overlays that restyle drawn text, so they find the same
/// cells.
pub(super) fn text_left(block: &Block, line: &Line, area: Rect) -> u16 {
    let text = block.text.get(line.range()).unwrap_or("");
    let shift = match block.kind {
        BlockKind::Title => (area.width as usize).saturating_sub(display_width(text)) / 2,
        BlockKind::Code => line.hang as usize,
        kind => {
            let prefix = match kind {
                BlockKind::Quote => prefix_width(kind),
                BlockKind::ListItem if !line.first_of_block => prefix_width(kind),
                _ => 0,
            };
            let room = Room::of(block, (area.width as usize).max(MIN_COLUMN));
            prefix + room.indent(line.first_of_block, display_width(text))
        }
    };
    area.x
        .saturating_add(u16::try_from(shift).unwrap_or(u16::MAX))
        .min(area.x.saturating_add(area.width))
}

/// Mark a cut line's last cell; styled as a search hit when a hit lies in the hidden part, so
/// a jump to it still shows where it is.
fn draw_cut_marker(
    model: &Model,
    theme: &Theme,
    line: &Line,
    (x, y): (u16, u16),
    buf: &mut Buffer,
) {
    let style = super::search::hidden_hit_style(model, theme, line).unwrap_or(theme.dim());
    buf.set_stringn(x, y, CUT_MARKER, 1, style);
}

/// The hyphen after a line that ends at a syllable: at `x`, where the line's text ended, when
/// the column has room (layout left it a cell, so it always has).
fn draw_hyphen(x: u16, (right, y): (u16, u16), style: ratatui::style::Style, buf: &mut Buffer) {
    if x < right {
        buf.set_stringn(x, y, "-", 1, style);
    }
}

/// Draw a line cell by cell in display order (bidi-reordered, soft hyphens resolved), each
/// cell in the block's style patched by the inline spans covering it. A right-to-left
/// paragraph's lines sit against the right edge of the column. Returns the column after the
/// last cell drawn.
fn draw_cells(
    visual: &VisualLine<'_>,
    spans: &[Span],
    spread: &Spread,
    (left, right, y): (u16, u16, u16),
    base: ratatui::style::Style,
    theme: &Theme,
    buf: &mut Buffer,
) -> u16 {
    let room = right.saturating_sub(left) as usize;
    let width: usize = visual.cells.iter().map(|c| display_width(c.text)).sum();
    let mut x = left;
    if visual.right_to_left {
        x += room.saturating_sub(width) as u16;
    }
    for cell in &visual.cells {
        let w = display_width(cell.text) as u16;
        if x + w > right {
            break;
        }
        let style = spans
            .iter()
            .filter(|s| s.start <= cell.offset && cell.offset < s.end)
            .fold(base, |style, s| style.patch(theme.inline(s.style)));
        put_str(buf, x, y, cell.text, (right - x) as usize, style);
        x += w + spread.after(cell.offset);
    }
    x
}
