//! The status line: document name on the left; page, percent, paragraph, section, time left
//! and the help hint on the right. A one-off message replaces the name while it lasts.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::theme::Theme;
use crate::layout::wrap::display_width;
use crate::model::Model;
use crate::outline::fit_label;

pub fn render(model: &Model, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let style = theme.status();
    buf.set_stringn(
        area.x,
        area.y,
        " ".repeat(area.width as usize),
        area.width as usize,
        style,
    );
    let page = model.current_page() + 1;
    let pages = model.pages.page_count();
    let (k, n) = model.paragraph_position();
    let section = model
        .outline
        .section_for_block(model.anchor.block)
        .map(|e| fit_label(&e.label, 24))
        .unwrap_or_default();
    let minutes = model.minutes_left();
    let left = if minutes == 0 {
        "done".to_string()
    } else {
        format!("{minutes} min left")
    };
    let full = format!(
        " page {page}/{pages} · {}% · ¶ {k}/{n} · {section} · {left} · ? help ",
        model.percent()
    );
    let short = format!(" {page}/{pages} · {}% · ? help ", model.percent());
    let right = if display_width(&full) + 12 <= area.width as usize {
        full
    } else {
        short
    };
    let right_width = display_width(&right).min(area.width as usize);
    let left_text = model
        .message
        .clone()
        .unwrap_or_else(|| model.doc.name.clone());
    let left_room = (area.width as usize).saturating_sub(right_width + 1);
    buf.set_stringn(
        area.x,
        area.y,
        format!(" {}", fit_label(&left_text, left_room.saturating_sub(1))),
        left_room,
        style,
    );
    let x = area.x + area.width - right_width as u16;
    buf.set_stringn(x, area.y, right, right_width, style);
}
