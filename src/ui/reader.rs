//! The reading column: the screen lines of the current page, styled by block kind, with quote
//! bars, list indents and fold lines. Draws from the layout cache; wraps nothing itself.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::theme::Theme;
use crate::document::BlockKind;
use crate::layout::wrap::display_width;
use crate::layout::{LineKind, prefix_width};
use crate::model::Model;

pub fn render(model: &Model, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let lines = model.pages.lines();
    let top = model.top_line();
    for (row, line) in lines
        .iter()
        .skip(top)
        .take(area.height as usize)
        .enumerate()
    {
        let y = area.y + row as u16;
        match line.kind {
            LineKind::Blank => {}
            LineKind::Fold { count } => {
                let noun = if count == 1 { "block" } else { "blocks" };
                let text = format!("▸ {count} folded leftover {noun} · z opens");
                buf.set_stringn(area.x, y, text, area.width as usize, theme.dim());
            }
            LineKind::Text => {
                let block = &model.doc.blocks[line.block as usize];
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
                let mut x = area.x;
                if !prefix.is_empty() {
                    let bar = if block.kind == BlockKind::Quote {
                        theme.quote_bar()
                    } else {
                        style
                    };
                    buf.set_stringn(x, y, prefix, area.width as usize, bar);
                    x += prefix_width(block.kind) as u16;
                } else if block.kind == BlockKind::Title {
                    let w = display_width(text) as u16;
                    x += area.width.saturating_sub(w) / 2;
                }
                let room = (area.x + area.width).saturating_sub(x) as usize;
                buf.set_stringn(x, y, text, room, style);
                super::search::highlight_line(model, theme, line, x, y, room, buf);
            }
        }
    }
}
