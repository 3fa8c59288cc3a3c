//! Bookmarks and the passage being selected, drawn over the reading column: bookmarked text is
//! underlined and coloured with a bar in the left margin, the selection is reversed. Restyles
//! cells the reader already drew; finds them with the reader's own `text_left`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::theme::Theme;
use crate::layout::LineKind;
use crate::reader::Model;
use crate::reader::marks::span_in_block;
use crate::text::display_width;

/// A mark in the margin two cells left of the line a jump just landed on (the bookmark bar
/// keeps the cell nearest the text), shown until the reader moves on or is still a moment.
pub fn render_landing(model: &Model, theme: &Theme, area: Rect, pane: Rect, buf: &mut Buffer) {
    let Some(target) = model.flash() else {
        return;
    };
    let line = model.pages().line_of(target);
    let top = model.top_line();
    let shown = model.pages().rows_shown_from(top).min(area.height as usize);
    let Some(row) = line.checked_sub(top).filter(|&r| r < shown) else {
        return;
    };
    let x = if area.x >= pane.x + 2 {
        area.x - 2
    } else if area.x > pane.x {
        area.x - 1
    } else {
        return;
    };
    buf.set_stringn(x, area.y + row as u16, "▸", 1, theme.landed());
}

pub fn render(model: &Model, theme: &Theme, area: Rect, pane: Rect, buf: &mut Buffer) {
    let top = model.top_line();
    let has_marks = !model.marks().bookmarks.is_empty() || model.marks().selection.is_some();
    if !has_marks {
        return;
    }
    let shown = model.pages().rows_shown_from(top).min(area.height as usize);
    for (row, line) in model.pages().lines_from(top).take(shown).enumerate() {
        if line.kind != LineKind::Text {
            continue;
        }
        let y = area.y + row as u16;
        let index = line.block as usize;
        let Some(block) = model.doc().blocks.get(index) else {
            continue;
        };
        let range = line.range();
        let area = super::reader::row_area(model, block, area, buf.area);
        let x = super::reader::text_left(block, &line, area);
        let room = (area.x + area.width).saturating_sub(x);
        let spread = super::justify::spread_of(model, block, &line, room);
        let marked = model.marks().ranges_in_block(index, block.text.len());
        let mut any_here = false;
        for covered in &marked {
            if paint(
                buf,
                area,
                x,
                y,
                &block.text,
                (range.clone(), &spread),
                covered.clone(),
                theme.bookmarked(),
            ) {
                any_here = true;
            }
        }
        if let Some(selected) = model
            .marks()
            .selection
            .and_then(|s| span_in_block(s, index, block.text.len()))
        {
            paint(
                buf,
                area,
                x,
                y,
                &block.text,
                (range.clone(), &spread),
                selected,
                theme.selected(),
            );
        }
        // The bar goes in the margin left of the column when there is one.
        if any_here && area.x > pane.x {
            buf.set_stringn(area.x - 1, y, "▎", 1, theme.bookmark_bar());
        }
    }
}

/// Restyle the part of a screen line (`line` bytes of `text`, drawn from column `x`) that falls
/// in `covered`. Returns whether anything was painted.
#[allow(clippy::too_many_arguments)]
fn paint(
    buf: &mut Buffer,
    area: Rect,
    x: u16,
    y: u16,
    text: &str,
    (line, spread): (std::ops::Range<usize>, &super::justify::Spread),
    covered: std::ops::Range<usize>,
    style: ratatui::style::Style,
) -> bool {
    let start = covered.start.max(line.start);
    let end = covered.end.min(line.end);
    if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return false;
    }
    let from = x + display_width(&text[line.start..start]) as u16 + spread.before(start);
    let width = display_width(&text[start..end]) as u16 + spread.before(end) - spread.before(start);
    let right = area.x + area.width;
    if from >= right {
        return false;
    }
    buf.set_style(Rect::new(from, y, width.min(right - from), 1), style);
    true
}
