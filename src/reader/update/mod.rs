//! `update`: the only code that changes the [`Model`]. It takes one [`Msg`], interprets input
//! ([`keys`]), carries out actions, and returns the [`Effect`]s the runtime must carry out. It
//! does no I/O and reads no clock, so every behaviour here is testable without a terminal.
//!
//! Split by concern: [`keys`] (what input means now), [`navigation`] (moving through the text),
//! [`sidebar`] (the outline), [`search`] (search, prompts, go-to, jump history) and
//! [`counting`] (a search's full list of hits, made in the background),
//! [`bookmarks`] (marks, selection, the panel, notes), [`links`] (a book's notes and links),
//! [`files`] and [`library`] (other documents), [`refresh`] (the document read again),
//! [`lifecycle`] (paints, sizes, background results, store failures). [`act`] is the one exhaustive match over actions.

mod bookmarks;
mod column;
mod counting;
mod files;
mod keys;
mod library;
mod lifecycle;
mod links;
mod navigation;
mod refresh;
mod search;
mod sidebar;

use std::sync::Arc;

use crate::input::Action;

use super::model::{Focus, Model, Popup};
use super::msg::{Effect, Exit, Msg, PlaceToSave};
use super::prompt::PromptKind;
use bookmarks::Step;

/// How many messages the log keeps.
const LOG_LENGTH: usize = 100;

pub fn update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    let place_before = (model.generation, model.anchor);
    let mut effects = match msg {
        Msg::Input(input) => keys::input(model, input),
        Msg::Resize { width, height } => {
            lifecycle::resize(model, width, height);
            Vec::new()
        }
        Msg::Signal(signal) => vec![Effect::Quit(Exit::Signal(signal))],
        Msg::Painted => lifecycle::painted(model),
        Msg::Still => {
            model.flash = None;
            Vec::new()
        }
        Msg::Say(said) => {
            model.message = Some(match model.message.take() {
                Some(earlier) => format!("{earlier} · {said}"),
                None => said,
            });
            Vec::new()
        }
        Msg::TerminalBackground { light, palette } => {
            lifecycle::terminal_background(model, light, *palette)
        }
        Msg::Continuing { title } => {
            lifecycle::continuing(model, &title);
            Vec::new()
        }
        Msg::StartSearch(query) => {
            search::start_with_search(model, &query);
            Vec::new()
        }
        Msg::WholeArrived(whole) => lifecycle::whole_arrived(model, *whole),
        Msg::EndRead { generation, doc } => lifecycle::end_read(model, generation, doc),
        Msg::OutlineBuilt {
            generation,
            outline,
        } => {
            lifecycle::outline_built(model, generation, *outline);
            Vec::new()
        }
        Msg::OutlineFailed { generation } => {
            lifecycle::outline_failed(model, generation);
            Vec::new()
        }
        Msg::LaidOut { generation, pages } => lifecycle::laid_out(model, generation, pages),
        Msg::LayoutFailed { generation } => {
            if generation == model.generation {
                model.complete_layout();
            }
            Vec::new()
        }
        Msg::StoreFailed { write, error } => {
            lifecycle::store_failed(model, &write, &error);
            Vec::new()
        }
        Msg::Opened(result) => files::opened(model, *result),
        Msg::Refreshed { generation, result } => {
            refresh::refreshed(model, generation, *result);
            Vec::new()
        }
        Msg::ShowLibrary => library::open(model),
        Msg::LibraryRead(read) => library::read(model, *read),
        Msg::TitlesRead(titles) => library::titles_read(model, &titles),
        Msg::StoreSaved { uids } => {
            lifecycle::store_saved(model, &uids);
            Vec::new()
        }
        Msg::SearchFound {
            generation,
            serial,
            found,
        } => {
            counting::found(model, generation, serial, found);
            Vec::new()
        }
        Msg::SearchFailed { generation, serial } => {
            counting::failed(model, generation, serial);
            Vec::new()
        }
    };
    // A search still counting its hits gets its background scan, whatever started it.
    effects.extend(counting::follow_up(model));
    // Whatever moved the place, the layout holds the pages around it.
    model.keep_window();
    // Every message said is kept in the log `M` shows.
    if let Some(said) = &model.message
        && model.log.back() != Some(said)
    {
        model.log.push_back(said.clone());
        if model.log.len() > LOG_LENGTH {
            model.log.pop_front();
        }
    }
    // Every change of place in the same document asks for a save; the runtime coalesces them.
    if (model.generation, model.anchor) != place_before && model.generation == place_before.0 {
        effects.extend(position_effect(model));
    }
    effects
}

/// The write of the reader's place, when the document has a record in the store.
fn position_effect(model: &Model) -> Option<Effect> {
    let record = model.record?;
    let place = PlaceToSave {
        doc: Arc::clone(&model.doc),
        anchor: model.anchor,
        pages: model.pages_to_save(),
    };
    let progress = model.share_read();
    Some(Effect::SavePosition {
        record,
        place,
        progress,
    })
}

/// Carry out one action, with the count typed before it (only `G` uses one: `12G`).
fn act(model: &mut Model, action: Action, count: Option<usize>) -> Vec<Effect> {
    keys::before_input(model);
    if model.search.results_shown()
        && model.focus == Focus::Outline
        && search::results_action(model, action)
    {
        return Vec::new();
    }
    match action {
        Action::PageDown => navigation::page_down(model),
        Action::PageUp => navigation::page_up(model),
        Action::LineDown => navigation::move_top(model, 1),
        Action::LineUp => navigation::move_top(model, -1),
        Action::HalfPageDown => navigation::half_page(model, true),
        Action::HalfPageUp => navigation::half_page(model, false),
        Action::Top => navigation::top(model),
        Action::Bottom => navigation::bottom(model, count),
        Action::NextParagraph => navigation::next_paragraph(model),
        Action::PrevParagraph => navigation::prev_paragraph(model),
        Action::NextSection => navigation::next_section(model),
        Action::PrevSection => navigation::prev_section(model),
        Action::ToggleLeftovers => toggle_leftovers(model),
        Action::ToggleCodeWrap => toggle_code_wrap(model),
        Action::ToggleOutline => {
            let shown_before = model.sidebar_wanted;
            sidebar::toggle_outline(model);
            return column::sidebar_changed(model, shown_before);
        }
        Action::WidenColumn => return column::widen(model),
        Action::NarrowColumn => return column::narrow(model),
        Action::ResetWidth => return column::reset(model),
        Action::WidthOrFacts if column::changed(model) => return column::reset(model),
        Action::WidthOrFacts => model.popup = Some(Popup::Facts),
        Action::Help => model.popup = Some(Popup::Help { scroll: 0 }),
        Action::Facts => model.popup = Some(Popup::Facts),
        Action::Messages => {
            let rows = crate::layout::geometry::popup_rows(model.screen.1);
            let scroll = model.log.len().saturating_sub(rows);
            model.popup = Some(Popup::Messages { scroll });
        }
        Action::OpenLibrary => return library::open(model),
        Action::Refresh => return refresh::refresh(model),
        Action::ShowNote => links::show_note(model),
        Action::FollowLink => links::follow_link(model),
        Action::Quit => return vec![Effect::Quit(Exit::Quit)],
        Action::Interrupt => return vec![Effect::Quit(Exit::Interrupted)],
        Action::Redraw => return vec![Effect::Redraw],
        Action::OutlineDown => sidebar::move_cursor(model, 1),
        Action::OutlineUp => sidebar::move_cursor(model, -1),
        Action::OutlineTop => sidebar::move_cursor(model, isize::MIN),
        Action::OutlineBottom => sidebar::move_cursor(model, isize::MAX),
        Action::OutlineJump => sidebar::jump_to_entry(model, model.outline_cursor),
        Action::OutlineOpen => sidebar::open_entry(model),
        Action::OutlineClose => sidebar::close_entry(model),
        Action::OutlineToggleFold => sidebar::toggle_fold(model),
        Action::OutlineFoldAll => sidebar::fold_all(model),
        Action::OutlineUnfoldAll => model.folds.set_all(false),
        Action::Back => back(model),
        Action::HelpDown => scroll_help(model, 1),
        Action::HelpUp => scroll_help(model, -1),
        Action::HelpPageDown => scroll_help(model, help_page(model)),
        Action::HelpPageUp => scroll_help(model, -help_page(model)),
        Action::HelpTop => scroll_help(model, isize::MIN),
        Action::HelpBottom => scroll_help(model, isize::MAX),
        Action::SearchForward => search::open_prompt(model, PromptKind::Search),
        Action::GoToPrompt => search::open_prompt(model, PromptKind::Command),
        Action::SearchNext => search::search_step(model, true),
        Action::SearchPrev => search::search_step(model, false),
        Action::JumpBack | Action::JumpForward | Action::JumpToggle => {
            search::history_step(model, action)
        }
        Action::ToggleResults => search::toggle_results(model),
        Action::BookmarkParagraph => return bookmarks::bookmark_paragraph(model),
        Action::SelectPassage => bookmarks::start_selection(model),
        Action::NextBookmark => bookmarks::step_bookmark(model, true),
        Action::PrevBookmark => bookmarks::step_bookmark(model, false),
        Action::OpenBookmarks => bookmarks::open_panel(model),
        Action::SelectNextSentence => bookmarks::step_selection(model, Step::NextSentence),
        Action::SelectPrevSentence => bookmarks::step_selection(model, Step::PrevSentence),
        Action::SelectNextParagraph => bookmarks::step_selection(model, Step::NextParagraph),
        Action::SelectPrevParagraph => bookmarks::step_selection(model, Step::PrevParagraph),
        Action::SelectSave => return bookmarks::save_selection(model),
        Action::SelectCopy => return bookmarks::copy_selection(model),
        Action::SelectCancel => bookmarks::cancel_selection(model),
        Action::BookmarksDown => bookmarks::move_panel(model, 1),
        Action::BookmarksUp => bookmarks::move_panel(model, -1),
        Action::BookmarksJump => bookmarks::panel_jump(model),
        Action::BookmarksEditNote => bookmarks::panel_edit(model),
        Action::BookmarksDelete => return bookmarks::panel_delete(model),
        Action::BookmarksUndo => return bookmarks::undo_delete(model),
        Action::BookmarksClose => model.marks.panel = None,
    }
    Vec::new()
}

/// Esc: close what is open, one thing at a time — the help screen, then the sidebar's focus,
/// then the search highlights — and otherwise nothing. It never quits.
fn back(model: &mut Model) {
    if model.popup.is_some() {
        model.popup = None;
    } else if model.focus == Focus::Outline {
        model.focus = Focus::Reader;
    } else if model.search.active.is_some() {
        model.search.set_active(None, &model.outline);
        model.search.results_view = false;
        model.message = Some("search highlights cleared".into());
    }
}

/// Rows of a pop-up on screen at once, less one kept for context when paging.
fn help_page(model: &Model) -> isize {
    let rows = crate::layout::geometry::popup_rows(model.screen.1);
    isize::try_from(rows.saturating_sub(1).max(1)).unwrap_or(1)
}

/// Scroll the open pop-up, never past its first row or beyond showing its last.
fn scroll_help(model: &mut Model, delta: isize) {
    let rows = crate::layout::geometry::popup_rows(model.screen.1);
    let length = match model.popup {
        Some(Popup::Help { .. }) => model.keymap.help_rows(),
        Some(Popup::Messages { .. }) => model.log.len(),
        Some(Popup::Note { link, .. }) => model.note_rows(link).len(),
        Some(Popup::Facts) | None => return,
    };
    let last = length.saturating_sub(rows);
    let moved = |scroll: usize| scroll.saturating_add_signed(delta).min(last);
    model.popup = match model.popup {
        Some(Popup::Help { scroll }) => Some(Popup::Help {
            scroll: moved(scroll),
        }),
        Some(Popup::Messages { scroll }) => Some(Popup::Messages {
            scroll: moved(scroll),
        }),
        Some(Popup::Note { link, scroll }) => Some(Popup::Note {
            link,
            scroll: moved(scroll),
        }),
        other => other,
    };
}

fn toggle_leftovers(model: &mut Model) {
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

fn toggle_code_wrap(model: &mut Model) {
    // Only the layout changes: the anchor is a place in the text, so the line it is on stays
    // at the top, whichever row of it (or, cut, the row hiding it) shows it.
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
