//! The outline sidebar: one row per entry, indented by level, labels fitted to the width
//! without cutting words; entries on the current page stand out, the cursor is reversed when
//! the sidebar has focus.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

use super::theme::Theme;
use crate::layout::geometry::{Side, sidebar_indent, sidebar_offset};
use crate::outline::{EntryKind, fit_heading_label, fit_label};
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
    let shown = model.folds().shown();
    let cursor_row = model.folds().row_for(model.sidebar_cursor());
    let offset = sidebar_offset(cursor_row, shown.len(), rows);
    let visible = model.visible_blocks();
    for (row, &index) in shown.iter().skip(offset).take(rows).enumerate() {
        let y = area.y + 1 + row as u16;
        let place = RowPlace {
            x: area.x,
            y,
            inner_width,
        };
        render_row(model, theme, index, visible, focused, place, buf);
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
        buf.set_stringn(rule_x, y, "│", 1, theme.border());
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
    buf.set_stringn(
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

/// One entry's row: the "here" bar, its fold marker and label, and a bookmark mark.
fn render_row(
    model: &Model,
    theme: &Theme,
    index: usize,
    (first_visible, last_visible): (usize, usize),
    focused: bool,
    place: RowPlace,
    buf: &mut Buffer,
) {
    let Some(entry) = model.outline().entries.get(index) else {
        return;
    };
    let RowPlace { x, y, inner_width } = place;
    let folds = model.folds();
    let indent = sidebar_indent(entry.level, inner_width) as usize;
    let marker = if folds.is_folded(index)
        || (entry.kind == EntryKind::Leftovers && !model.leftovers_open())
    {
        "▸ "
    } else if folds.is_branch(index) {
        "▾ "
    } else if folds.is_tree() {
        // A tree gets a column for its fold markers; a flat outline does not need one.
        "  "
    } else {
        ""
    };
    // A marked entry keeps its last column for the bookmark mark.
    let marked = (entry.first_block..=entry.last_block).any(|b| model.marks().block_is_marked(b));
    let room = (inner_width as usize)
        .saturating_sub(indent + 1 + usize::from(marked) + marker.chars().count());
    let fitted = if entry.kind == EntryKind::Heading {
        fit_heading_label(&entry.label, room)
    } else {
        fit_label(&entry.label, room)
    };
    let label = format!("{marker}{}", super::visual::display_order(&fitted));
    let on_page = entry.first_block <= last_visible && entry.last_block >= first_visible;
    let mut style = match entry.kind {
        EntryKind::Leftovers | EntryKind::Byline => theme.dim(),
        EntryKind::Title => theme.text().add_modifier(Modifier::BOLD),
        _ => theme.text(),
    };
    if on_page {
        style = style.patch(theme.sidebar_here());
    }
    if focused && index == model.outline_cursor() {
        style = style.patch(theme.sidebar_cursor());
    }
    let here = if on_page { "▌" } else { " " };
    buf.set_stringn(x, y, here, 1, theme.sidebar_here());
    let width = (inner_width as usize).saturating_sub(indent + 1);
    buf.set_stringn(x + 1 + indent as u16, y, label, width, style);
    // Entries holding a bookmark get a mark at the right edge.
    if inner_width > 2 && marked {
        buf.set_stringn(x + inner_width - 1, y, "◆", 1, theme.bookmark_bar());
    }
}
