//! Moving through the text: by line, half page and page, to the top and the bottom, by
//! paragraph and by section. A move changes only the reader's anchor (and, for jumps, the
//! jump history); the layout maps it to screen lines.

use crate::document::Anchor;
use crate::layout::LineKind;
use crate::outline::EntryKind;

use super::super::model::Model;
use super::sidebar::jump_to_entry;

/// Half a page down, or up.
pub(super) fn half_page(model: &mut Model, down: bool) {
    let half = (model.pages.height() / 2).max(1) as isize;
    move_top(model, if down { half } else { -half });
}

/// `G`: the end of the text as it reads, folds left folded; with a count (`12G`), that page.
/// When the last page would hold nothing but a fold line (the furniture after the text), the
/// screen ends on that line instead, so the last words of the text are on it.
pub(super) fn bottom(model: &mut Model, count: Option<usize>) {
    if let Some(page) = count {
        super::search::go_to_page(model, page);
        return;
    }
    let pages = &model.pages;
    let mut top = pages.last_top();
    let only_folds = pages
        .lines_from(top)
        .all(|l| matches!(l.kind, LineKind::Fold { .. }) || l.kind.is_gap());
    if only_folds {
        top = pages.line_count().saturating_sub(pages.height());
    }
    let left = model.anchor;
    set_top(model, top, true);
    if model.anchor != left {
        model.history.record(left);
    }
}

/// `g`: the first page, as the text opened on it. Folded leftovers at the start (a licence
/// header) stay folded: their fold line is where the text begins, and going to the start is
/// no reason to open them.
pub(super) fn top(model: &mut Model) {
    let left = model.anchor;
    set_top(model, 0, true);
    if model.anchor != left {
        model.history.record(left);
    }
}

/// Put a line at the top of the screen. A blank line (or a page break, and the blank rows
/// after it) is never the top: the move continues past every such row in the direction of
/// travel, or the other way when there is no text that way.
fn set_top(model: &mut Model, line: usize, downward: bool) {
    let pages = &model.pages;
    let line = line.min(pages.last_top());
    let is_gap = |at: usize| pages.line(at).is_some_and(|l| l.kind.is_gap());
    let forward = || (line..pages.line_count()).find(|&at| !is_gap(at));
    let back = || (0..=line).rev().find(|&at| !is_gap(at));
    let found = if downward || line == 0 {
        forward().or_else(back)
    } else {
        back().or_else(forward)
    };
    model.anchor = pages.anchor_at_line(found.unwrap_or(line));
}

pub(super) fn move_top(model: &mut Model, delta: isize) {
    let top = model.top_line();
    let target = top.saturating_add_signed(delta);
    if delta > 0 && top >= model.pages.last_top() {
        model.message = Some("end of document".into());
        return;
    }
    set_top(model, target, delta > 0);
}

/// A page down: to the next page's start. While only the pages around a place deep in the
/// text are laid out (or a preview of the text around a saved place is shown), their page
/// starts are not the book's, so the move is a screen's height (past any blank rows), which
/// is where the book's next page starts when the top is at one.
pub(super) fn page_down(model: &mut Model) {
    let top = model.top_line();
    if !model.pages.counts_from_start() || model.preview_begins_inside() {
        let height = model.pages.height();
        return move_top(model, height as isize);
    }
    match model.pages.page_starts().iter().find(|&&s| s > top) {
        Some(&next) => set_top(model, next, true),
        None => model.message = Some("end of document".into()),
    }
}

pub(super) fn page_up(model: &mut Model) {
    let top = model.top_line();
    if !model.pages.counts_from_start() || model.preview_begins_inside() {
        let height = model.pages.height();
        return move_top(model, -(height as isize));
    }
    let previous = model
        .pages
        .page_starts()
        .iter()
        .rev()
        .find(|&&s| s < top)
        .copied();
    set_top(model, previous.unwrap_or(0), false);
}

pub(super) fn next_paragraph(model: &mut Model) {
    let top = model.top_line();
    let next = (model.anchor.block + 1..model.doc.blocks.len())
        .find(|&b| model.pages.first_line_of_block(b).is_some_and(|l| l > top));
    match next {
        Some(block) => model.anchor = Anchor::new(block, 0),
        None => model.message = Some("no more paragraphs".into()),
    }
}

pub(super) fn prev_paragraph(model: &mut Model) {
    let top = model.top_line();
    let block_start = model
        .pages
        .first_line_of_block(model.anchor.block)
        .unwrap_or(0);
    if block_start < top {
        model.anchor = Anchor::new(model.anchor.block, 0);
        return;
    }
    let previous = (0..model.anchor.block)
        .rev()
        .find(|&b| model.pages.first_line_of_block(b).is_some_and(|l| l < top));
    if let Some(block) = previous {
        // Land on the first block of a fold, so the fold line is the top.
        let line = model.pages.first_line_of_block(block).unwrap_or(0);
        model.anchor = model.pages.anchor_at_line(line);
    }
}

/// Entries that `]`/`[` step through: headings and sections when the outline has them,
/// otherwise every entry.
fn section_entries(model: &Model) -> Vec<usize> {
    let entries = &model.outline.entries;
    let structural: Vec<usize> = (0..entries.len())
        .filter(|&i| matches!(entries[i].kind, EntryKind::Heading | EntryKind::Section))
        .collect();
    if structural.len() >= 2 {
        structural
    } else {
        (0..entries.len()).collect()
    }
}

pub(super) fn next_section(model: &mut Model) {
    let top = model.top_line();
    let next = section_entries(model).into_iter().find(|&i| {
        let block = model.outline.entries[i].first_block;
        model
            .pages
            .first_line_of_block(block)
            .is_some_and(|l| l > top)
    });
    match next {
        Some(i) => jump_to_entry(model, i),
        None => model.message = Some("last section".into()),
    }
}

pub(super) fn prev_section(model: &mut Model) {
    let top = model.top_line();
    let previous = section_entries(model).into_iter().rev().find(|&i| {
        let block = model.outline.entries[i].first_block;
        model
            .pages
            .first_line_of_block(block)
            .is_some_and(|l| l < top)
    });
    match previous {
        Some(i) => jump_to_entry(model, i),
        None => model.jump_to(Anchor::default()),
    }
}
