//! The outline sidebar: one row per entry, indented by level, labels fitted to the width
//! without cutting words; entries on the current page stand out, the cursor is reversed when
//! the sidebar has focus.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

use super::theme::Theme;
use crate::layout::geometry::{sidebar_indent, sidebar_offset};
use crate::outline::{EntryKind, fit_heading_label, fit_label};
use crate::reader::{Focus, Model};

pub fn render(model: &Model, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area.width < 2 || area.height == 0 {
        return;
    }
    // A rule on the right edge separates the sidebar from the text.
    let inner_width = area.width - 1;
    for y in area.y..area.y + area.height {
        buf.set_stringn(area.x + inner_width, y, "│", 1, theme.border());
    }
    let focused = model.focus() == Focus::Outline;
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
    let rows = area.height.saturating_sub(1) as usize;
    let entries = &model.outline().entries;
    let shown = model.folds().shown();
    let cursor_row = model.folds().row_for(model.sidebar_cursor());
    let offset = sidebar_offset(cursor_row, shown.len(), rows);
    let (first_visible, last_visible) = model.visible_blocks();
    // A tree gets a column for its fold markers; a flat outline does not need one.
    let tree = model.folds().is_tree();
    for (row, &index) in shown.iter().skip(offset).take(rows).enumerate() {
        let Some(entry) = entries.get(index) else {
            continue;
        };
        let y = area.y + 1 + row as u16;
        let indent = sidebar_indent(entry.level, inner_width) as usize;
        let marker = if model.folds().is_folded(index)
            || (entry.kind == EntryKind::Leftovers && !model.leftovers_open())
        {
            "▸ "
        } else if model.folds().is_branch(index) {
            "▾ "
        } else if tree {
            "  "
        } else {
            ""
        };
        // A marked entry keeps its last column for the bookmark mark.
        let marked =
            (entry.first_block..=entry.last_block).any(|b| model.marks().block_is_marked(b));
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
        let x = area.x + 1 + indent as u16;
        let here = if on_page { "▌" } else { " " };
        buf.set_stringn(area.x, y, here, 1, theme.sidebar_here());
        buf.set_stringn(
            x,
            y,
            label,
            (inner_width as usize).saturating_sub(indent + 1),
            style,
        );
        // Entries holding a bookmark get a mark at the right edge.
        if inner_width > 2 && marked {
            buf.set_stringn(area.x + inner_width - 1, y, "◆", 1, theme.bookmark_bar());
        }
    }
}
