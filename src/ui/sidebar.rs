//! The outline sidebar: a row per entry (two for a Chinese or Japanese label that one would cut
//! inside a run), indented by level, labels fitted to the width without cutting words; entries
//! on the current page stand out, the cursor is reversed when the sidebar has focus. What goes
//! on which row is the reader's [`shown_entries`], which a click reads too.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

use super::put::put_str;
use super::theme::Theme;
use crate::layout::geometry::Side;
use crate::outline::EntryKind;
use crate::reader::outline_rows::{ShownEntry, shown_entries};
use crate::reader::{Focus, Model};

pub fn render(model: &Model, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area.width < 2 || area.height == 0 {
        return;
    }
    let area = ruled(model, theme, area, buf);
    let inner_width = area.width;
    let focused = model.focus() == Focus::Outline;
    render_header(focused, theme, area, buf);
    let rows = area.height.saturating_sub(1) as usize;
    let visible = model.visible_blocks();
    let mut y = area.y + 1;
    for shown in shown_entries(model, rows, inner_width) {
        let place = RowPlace {
            x: area.x,
            y,
            inner_width,
        };
        y += shown.rows.len() as u16;
        render_entry(model, theme, &shown, visible, focused, place, buf);
    }
}

/// Draw the rule that parts the sidebar from the text, on the edge facing the text (right of a
/// sidebar on the left, left of one on the right), and give back the room inside it.
pub(super) fn ruled(model: &Model, theme: &Theme, area: Rect, buf: &mut Buffer) -> Rect {
    let inner_width = area.width.saturating_sub(1);
    let (rule_x, inner_x) = match model.config().sidebar_side {
        Side::Left => (area.x + inner_width, area.x),
        Side::Right => (area.x, area.x + 1),
    };
    for y in area.y..area.y + area.height {
        put_str(buf, rule_x, y, "│", 1, theme.border());
    }
    Rect::new(inner_x, area.y, inner_width, area.height)
}

/// The title row: it says how to jump when the sidebar has focus.
fn render_header(focused: bool, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let inner_width = area.width;
    let headers: &[&str] = if focused {
        &["Outline (Enter jumps)", "Outline (Enter)"]
    } else {
        &[]
    };
    let header = headers
        .iter()
        .copied()
        .find(|h| h.len() <= inner_width as usize)
        .unwrap_or("Outline");
    put_str(
        buf,
        area.x,
        area.y,
        header,
        inner_width as usize,
        theme.dim().add_modifier(Modifier::BOLD),
    );
}

/// Where a row goes: its left edge, its line, and the room left of the rule.
#[derive(Clone, Copy)]
struct RowPlace {
    x: u16,
    y: u16,
    inner_width: u16,
}

/// One entry's rows: the "here" bar, its fold marker and label, and a bookmark mark.
fn render_entry(
    model: &Model,
    theme: &Theme,
    shown: &ShownEntry,
    (first_visible, last_visible): (usize, usize),
    focused: bool,
    place: RowPlace,
    buf: &mut Buffer,
) {
    let Some(entry) = model.outline().entries.get(shown.entry) else {
        return;
    };
    let RowPlace { x, y, inner_width } = place;
    let on_page = entry.first_block <= last_visible && entry.last_block >= first_visible;
    let mut style = match entry.kind {
        EntryKind::Leftovers | EntryKind::Byline => theme.dim(),
        EntryKind::Title => theme.text().add_modifier(Modifier::BOLD),
        _ => theme.text(),
    };
    if on_page {
        style = style.patch(theme.sidebar_here());
    }
    if focused && shown.entry == model.outline_cursor() {
        style = style.patch(theme.sidebar_cursor());
    }
    let here = if on_page { "▌" } else { " " };
    let width = (inner_width as usize).saturating_sub(shown.indent as usize + 1);
    // A label's second row starts under its first, past the marker.
    let marker_width = shown.marker.chars().count() as u16;
    for (n, row) in shown.rows.iter().enumerate() {
        let y = y + n as u16;
        put_str(buf, x, y, here, 1, theme.sidebar_here());
        let text = super::visual::display_order(row);
        if n == 0 {
            let label = format!("{}{text}", shown.marker);
            put_str(buf, x + 1 + shown.indent, y, &label, width, style);
        } else {
            let left = x + 1 + shown.indent + marker_width;
            let room = width.saturating_sub(marker_width as usize);
            put_str(buf, left, y, &text, room, style);
        }
    }
    // Entries holding a bookmark get a mark at the right edge.
    if inner_width > 2 && shown.marked {
        put_str(buf, x + inner_width - 1, y, "◆", 1, theme.bookmark_bar());
    }
}
