//! `update`: the only code that changes the [`Model`]. It takes one [`Action`], moves the
//! reader's anchor, focus or overlays, and returns the [`Effect`]s the app must carry out. It
//! does no I/O, so every behaviour here is testable without a terminal.

use crate::action::{Action, Effect};
use crate::document::Anchor;
use crate::layout::LineKind;
use crate::model::{Focus, Model};
use crate::outline::EntryKind;
use crate::search::update as search;
use crate::ui::geometry::{sidebar_indent, sidebar_offset};

pub fn update(model: &mut Model, action: Action) -> Vec<Effect> {
    let place_before = model.anchor;
    let mut effects = dispatch(model, action);
    // Every change of place asks for a save; the app coalesces them.
    if model.anchor != place_before {
        effects.push(Effect::SavePosition(model.anchor));
    }
    effects
}

fn dispatch(model: &mut Model, action: Action) -> Vec<Effect> {
    // A model starts with only its first screen laid out; anything but a resize needs it all.
    if !matches!(action, Action::Resize { .. }) {
        model.complete_layout();
    }
    if !matches!(action, Action::Resize { .. }) {
        model.message = None;
    }
    if let Some(effects) = crate::bookmarks::actions::handle(model, action) {
        return effects;
    }
    if model.search.results_view
        && model.search.active.is_some()
        && model.focus == Focus::Outline
        && search::results_action(model, action)
    {
        return Vec::new();
    }
    match action {
        Action::PageDown => page_down(model),
        Action::PageUp => page_up(model),
        Action::LineDown => move_top(model, 1),
        Action::LineUp => move_top(model, -1),
        Action::HalfPageDown => move_top(model, half_page(model) as isize),
        Action::HalfPageUp => move_top(model, -(half_page(model) as isize)),
        Action::Top => model.jump_to(Anchor::default()),
        Action::Bottom => model.jump_to(model.pages.anchor_at_line(model.pages.last_top())),
        Action::NextParagraph => next_paragraph(model),
        Action::PrevParagraph => prev_paragraph(model),
        Action::NextSection => next_section(model),
        Action::PrevSection => prev_section(model),
        Action::ToggleLeftovers => {
            model.leftovers_open = !model.leftovers_open;
            model.relayout();
            model.message = Some(
                if model.leftovers_open {
                    "leftovers shown"
                } else {
                    "leftovers folded"
                }
                .into(),
            );
        }
        Action::ToggleCodeWrap => {
            // Only the layout changes: the anchor is a place in the text, so the line it is
            // on stays at the top, whichever row of it (or, cut, the row hiding it) shows it.
            model.config.wrap_code = !model.config.wrap_code;
            model.relayout();
            model.message = Some(
                if model.config.wrap_code {
                    "long code lines wrapped"
                } else {
                    "long code lines cut"
                }
                .into(),
            );
        }
        Action::ToggleOutline => toggle_outline(model),
        Action::Help => {
            model.help_open = true;
            model.help_scroll = 0;
        }
        Action::Quit => return vec![Effect::Quit],
        Action::OutlineDown => move_cursor(model, 1),
        Action::OutlineUp => move_cursor(model, -1),
        Action::OutlineTop => move_cursor(model, isize::MIN),
        Action::OutlineBottom => move_cursor(model, isize::MAX),
        Action::OutlineJump => jump_to_entry(model, model.outline_cursor),
        Action::OutlineOpen => open_entry(model),
        Action::OutlineClose => close_entry(model),
        Action::OutlineToggleFold => {
            // On a leaf, the branch it sits in is folded (and the cursor goes there).
            let mut entry = model.outline_cursor;
            if !model.folds.is_branch(entry) {
                let Some(parent) = model.folds.parent(entry) else {
                    return Vec::new();
                };
                entry = parent;
                model.outline_cursor = parent;
            }
            let fold = !model.folds.is_folded(entry);
            model.folds.set_folded(entry, fold);
        }
        Action::OutlineFoldAll => {
            model.folds.set_all(true);
            model.outline_cursor = model.folds.shown_ancestor(model.outline_cursor);
        }
        Action::OutlineUnfoldAll => model.folds.set_all(false),
        Action::Back => {
            if model.help_open {
                model.help_open = false;
            } else {
                model.focus = Focus::Reader;
            }
        }
        Action::HelpDown => model.help_scroll = model.help_scroll.saturating_add(1),
        Action::HelpUp => model.help_scroll = model.help_scroll.saturating_sub(1),
        Action::Resize { width, height } => {
            model.screen = (width, height);
            model.relayout();
        }
        Action::Click { column, row } => click(model, column, row),
        Action::SearchForward => search::open_prompt(model, crate::goto::PromptKind::Search),
        Action::GoToPrompt => search::open_prompt(model, crate::goto::PromptKind::Command),
        Action::SearchNext => search::search_step(model, true),
        Action::SearchPrev => search::search_step(model, false),
        Action::JumpBack | Action::JumpForward | Action::JumpToggle => {
            search::history_step(model, action)
        }
        Action::ToggleResults => search::toggle_results(model),
        Action::GoToPage(page) => search::go_to_page(model, page),
        Action::PromptKey(key) => search::prompt_key(model, key),
        // Handled above, by `bookmarks::actions`; listed so a new action cannot be forgotten.
        Action::BookmarkParagraph
        | Action::SelectPassage
        | Action::NextBookmark
        | Action::PrevBookmark
        | Action::OpenBookmarks
        | Action::SelectNextSentence
        | Action::SelectPrevSentence
        | Action::SelectNextParagraph
        | Action::SelectPrevParagraph
        | Action::SelectSave
        | Action::SelectCancel
        | Action::BookmarksDown
        | Action::BookmarksUp
        | Action::BookmarksJump
        | Action::BookmarksEditNote
        | Action::BookmarksDelete
        | Action::BookmarksUndo
        | Action::BookmarksClose
        | Action::NoteKey(_) => {}
    }
    Vec::new()
}

fn half_page(model: &Model) -> usize {
    (model.pages.height() / 2).max(1)
}

/// Put a line at the top of the screen. A blank line is never the top: the move continues
/// past it in the direction of travel.
fn set_top(model: &mut Model, line: usize, downward: bool) {
    let mut line = line.min(model.pages.last_top());
    if model
        .pages
        .line(line)
        .is_some_and(|l| l.kind == LineKind::Blank)
    {
        line = if downward || line == 0 {
            line + 1
        } else {
            line - 1
        };
    }
    model.anchor = model.pages.anchor_at_line(line);
}

fn move_top(model: &mut Model, delta: isize) {
    let top = model.top_line();
    let target = top.saturating_add_signed(delta);
    if delta > 0 && top >= model.pages.last_top() {
        model.message = Some("end of document".into());
        return;
    }
    set_top(model, target, delta > 0);
}

fn page_down(model: &mut Model) {
    let top = model.top_line();
    match model.pages.page_starts().iter().find(|&&s| s > top) {
        Some(&next) => set_top(model, next, true),
        None => model.message = Some("end of document".into()),
    }
}

fn page_up(model: &mut Model) {
    let top = model.top_line();
    let previous = model
        .pages
        .page_starts()
        .iter()
        .rev()
        .find(|&&s| s < top)
        .copied();
    set_top(model, previous.unwrap_or(0), false);
}

fn next_paragraph(model: &mut Model) {
    let top = model.top_line();
    let next = (model.anchor.block + 1..model.doc.blocks.len())
        .find(|&b| model.pages.first_line_of_block(b).is_some_and(|l| l > top));
    match next {
        Some(block) => model.anchor = Anchor::new(block, 0),
        None => model.message = Some("no more paragraphs".into()),
    }
}

fn prev_paragraph(model: &mut Model) {
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

fn next_section(model: &mut Model) {
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

fn prev_section(model: &mut Model) {
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

fn jump_to_entry(model: &mut Model, index: usize) {
    let Some(entry) = model.outline.entries.get(index) else {
        return;
    };
    let block = entry.first_block;
    if entry.kind == EntryKind::Leftovers && !model.leftovers_open {
        model.leftovers_open = true;
        model.relayout();
    }
    model.jump_to(Anchor::new(block, 0));
    model.outline_cursor = model.folds.shown_ancestor(index);
    model.focus = Focus::Reader;
}

/// `l`: a folded branch unfolds; an open branch moves to its first child; a leaf is jumped to.
fn open_entry(model: &mut Model) {
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
fn close_entry(model: &mut Model) {
    let entry = model.outline_cursor;
    if model.folds.set_folded(entry, true) {
        return;
    }
    match model.folds.parent(entry) {
        Some(parent) => model.outline_cursor = parent,
        None => model.focus = Focus::Reader,
    }
}

fn toggle_outline(model: &mut Model) {
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
fn move_cursor(model: &mut Model, delta: isize) {
    let shown = model.folds.shown();
    let last = shown.len().saturating_sub(1);
    let row = model.folds.row_for(model.outline_cursor);
    let row = row.saturating_add_signed(delta).min(last);
    model.outline_cursor = shown.get(row).copied().unwrap_or(0);
}

fn click(model: &mut Model, column: u16, row: u16) {
    let Some(sidebar) = model.geometry().sidebar else {
        return;
    };
    if model.search.results_view {
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
    let shown = model.folds.shown();
    let cursor_row = model.folds.row_for(model.sidebar_cursor());
    let offset = sidebar_offset(cursor_row, shown.len(), rows);
    let Some(&entry) = shown.get(offset + (row - sidebar.y - 1) as usize) else {
        return;
    };
    // A click on a branch's fold marker folds or unfolds it; anywhere else on the row jumps.
    let level = model.outline.entries.get(entry).map_or(1, |e| e.level);
    let marker_column = sidebar.x + 1 + sidebar_indent(level, sidebar.width.saturating_sub(1));
    if model.folds.is_branch(entry) && (column == marker_column || column == marker_column + 1) {
        let fold = !model.folds.is_folded(entry);
        model.folds.set_folded(entry, fold);
        model.outline_cursor = entry;
        return;
    }
    jump_to_entry(model, entry);
}
