//! The outline sidebar: its cursor, folding its branches, jumping to an entry, showing and
//! hiding it, and mouse clicks on its rows.

use crate::document::Anchor;
use crate::layout::geometry::{Side, sidebar_indent};
use crate::outline::EntryKind;
use crate::reader::outline_rows::{entry_at_row, shown_entries};

use super::super::model::{Focus, Model};

pub(super) fn jump_to_entry(model: &mut Model, index: usize) {
    let Some(entry) = model.outline.entries.get(index) else {
        return;
    };
    let block = entry.first_block;
    if entry.kind == EntryKind::Leftovers && !model.leftovers_open {
        model.leftovers_open = true;
        model.relayout();
    }
    let start = Anchor::new(block, 0);
    model.land(start, start, false);
    model.outline_cursor = model.folds.shown_ancestor(index);
    model.focus = Focus::Reader;
}

/// `l`: a folded branch unfolds; an open branch moves to its first child; a leaf is jumped to.
pub(super) fn open_entry(model: &mut Model) {
    let entry = model.outline_cursor;
    if model.folds.set_folded(entry, false) {
        return;
    }
    let first_child = model
        .folds
        .row_of(entry)
        .and_then(|row| model.folds.shown().get(row + 1).copied())
        .filter(|&next| model.folds.parent(next) == Some(entry));
    match first_child {
        Some(child) => model.outline_cursor = child,
        None => jump_to_entry(model, entry),
    }
}

/// `h`: an open branch folds; otherwise the cursor goes up to the parent; at the top, back to
/// the text.
pub(super) fn close_entry(model: &mut Model) {
    let entry = model.outline_cursor;
    if model.folds.set_folded(entry, true) {
        return;
    }
    match model.folds.parent(entry) {
        Some(parent) => model.outline_cursor = parent,
        None => model.focus = Focus::Reader,
    }
}

pub(super) fn toggle_outline(model: &mut Model) {
    let shown = model.geometry().sidebar.is_some();
    match (model.focus, shown) {
        (Focus::Outline, _) => {
            model.focus = Focus::Reader;
            model.sidebar_wanted = false;
        }
        (Focus::Reader, _) => {
            model.sidebar_wanted = true;
            model.focus = Focus::Outline;
            model.outline_cursor = model.entry_here();
            if model.geometry().sidebar.is_none() {
                model.message = Some("terminal too narrow for the outline".into());
                model.focus = Focus::Reader;
            }
        }
    }
    model.relayout();
}

/// Move the outline cursor by `delta` shown rows (clamped to the first and last).
pub(super) fn move_cursor(model: &mut Model, delta: isize) {
    let shown = model.folds.shown();
    let last = shown.len().saturating_sub(1);
    let row = model.folds.row_for(model.outline_cursor);
    let row = row.saturating_add_signed(delta).min(last);
    model.outline_cursor = shown.get(row).copied().unwrap_or(0);
}

pub(super) fn click(model: &mut Model, column: u16, row: u16) {
    let Some(sidebar) = model.geometry().sidebar else {
        return;
    };
    if model.search.results_shown() {
        return;
    }
    let inside = column >= sidebar.x
        && column < sidebar.x + sidebar.width
        && row > sidebar.y
        && row < sidebar.y + sidebar.height;
    if !inside {
        return;
    }
    // Row 0 of the sidebar is its title.
    let rows = sidebar.height.saturating_sub(1) as usize;
    let inner_width = sidebar.width.saturating_sub(1);
    let shown = shown_entries(model, rows, inner_width);
    let Some((entry, first_row)) = entry_at_row(&shown, (row - sidebar.y - 1) as usize) else {
        return;
    };
    // A click on a branch's fold marker folds or unfolds it; anywhere else on the row jumps.
    let level = model.outline.entries.get(entry).map_or(1, |e| e.level);
    // A sidebar on the right has its rule on its left edge, so its rows start a column later.
    let rule = u16::from(model.config.sidebar_side == Side::Right);
    let marker_column = sidebar.x + rule + 1 + sidebar_indent(level, inner_width);
    let on_marker = column == marker_column || column == marker_column + 1;
    if model.folds.is_branch(entry) && first_row && on_marker {
        let fold = !model.folds.is_folded(entry);
        model.folds.set_folded(entry, fold);
        model.outline_cursor = entry;
        return;
    }
    jump_to_entry(model, entry);
}

/// On a branch, fold or unfold it; on a leaf, fold the branch it sits in (and go there).
pub(super) fn toggle_fold(model: &mut Model) {
    let mut entry = model.outline_cursor;
    if !model.folds.is_branch(entry) {
        let Some(parent) = model.folds.parent(entry) else {
            return;
        };
        entry = parent;
        model.outline_cursor = parent;
    }
    let fold = !model.folds.is_folded(entry);
    model.folds.set_folded(entry, fold);
}

/// Fold every branch; the cursor moves to the shown branch that holds it.
pub(super) fn fold_all(model: &mut Model) {
    model.folds.set_all(true);
    model.outline_cursor = model.folds.shown_ancestor(model.outline_cursor);
}
