//! What input means now: the one place that turns keys into actions. An open note editor or
//! prompt takes every key; otherwise digits build a count (`12G`), keys build multi-key
//! sequences (`''`, `zo`) against the keymap of the current mode, and a found binding becomes
//! an [`Action`]. While a preview is shown (or only the pages around the place of a long text
//! are laid out), input that would act on the whole document waits for it, in order; paging,
//! quitting and (once the file is read) opening a prompt act at once.

use crossterm::event::KeyCode;

use crate::input::{Action, Key, Lookup, Mode};

use super::super::model::Model;
use super::super::msg::{Effect, Input};
use super::{act, bookmarks, library, search, sidebar};

/// Act on one piece of input.
pub(super) fn input(model: &mut Model, input: Input) -> Vec<Effect> {
    // A short text is laid out whole before any key acts; a long one may still be a window.
    if model.lays_out_at_once() {
        model.complete_layout();
    }
    let waiting = model.loading || !model.pages.is_complete();
    // An open prompt types on while a long text's layout is made: a search lands on its hit
    // through the pages around it, and a go-to waits for the whole layout itself.
    let prompt_types =
        !model.loading && model.prompt.is_some() && model.pending.deferred.is_empty();
    if waiting && !prompt_types && !acts_on_preview(model, input) {
        let end = ask_for_the_end(model, input);
        model.pending.deferred.push_back(input);
        // Said at once, so a key that waits is seen to be taken.
        model.message = Some(waiting_message(model).to_string());
        return end;
    }
    // The library screen covers the text: the wheel moves its cursor, a click does nothing.
    if let Some(library) = model.library.as_mut() {
        match input {
            Input::ScrollDown => library.move_cursor(1),
            Input::ScrollUp => library.move_cursor(-1),
            Input::Click { .. } => {}
            Input::Key(key) => return key_press(model, key),
        }
        return Vec::new();
    }
    match input {
        Input::Key(key) => key_press(model, key),
        Input::ScrollDown => act(model, Action::PageDown, None),
        Input::ScrollUp => act(model, Action::PageUp, None),
        Input::Click { column, row } => {
            before_input(model);
            sidebar::click(model, column, row);
            Vec::new()
        }
    }
}

/// `G` typed first while a file is read whole: its end is read as a preview meanwhile, as
/// `less` goes to a file's end without reading what comes before. Only a plain text's end
/// reads as its text: a saved page's or a book's end is markup, so `G` waits for the whole.
fn ask_for_the_end(model: &mut Model, input: Input) -> Vec<Effect> {
    let asks = model.loading
        && model
            .doc
            .format
            .is_some_and(crate::document::Format::is_plain)
        && !model.pending.end_asked
        && !model.preview_at_end
        && model.pending.deferred.is_empty()
        && model.pending.count.is_none()
        && is_bottom(model, input);
    let Some(source) = model.files.sources.get(model.files.current).cloned() else {
        return Vec::new();
    };
    if !asks || !matches!(source, crate::reader::Source::File(_)) {
        return Vec::new();
    }
    model.pending.end_asked = true;
    vec![Effect::ReadEnd {
        source,
        generation: model.generation,
    }]
}

/// Whether `input` alone is `G` (the end), nothing typed before it.
pub(super) fn is_bottom(model: &Model, input: Input) -> bool {
    let Input::Key(key) = input else {
        return false;
    };
    model.pending.keys.is_empty()
        && model.mode() == Mode::Reader
        && matches!(
            model.keymap.lookup(Mode::Reader, &[key]),
            Lookup::Found(Action::Bottom)
        )
}

/// What keys typed now wait for.
fn waiting_message(model: &Model) -> &'static str {
    if model.pending.end_asked {
        "reading the end of the file…"
    } else if model.loading {
        "reading the rest of the file… (keys typed now act once it is in)"
    } else {
        "laying out the whole text… (keys typed now act once it is done)"
    }
}

/// Every input starts from a layout that holds the place with room around it (the whole, or
/// a window while the whole is made) and a status line cleared of the last message.
pub(super) fn before_input(model: &mut Model) {
    model.keep_window();
    model.message = None;
    model.flash = None;
}

fn key_press(model: &mut Model, key: Key) -> Vec<Effect> {
    // The note editor takes every key while it is open.
    if model.marks.editing.is_some() {
        model.pending.keys.clear();
        before_input(model);
        return bookmarks::note_key(model, key);
    }
    // The library screen takes every key: its filter is typed.
    if model.library.is_some() {
        model.pending.keys.clear();
        model.pending.count = None;
        before_input(model);
        return library::key(model, key);
    }
    // An open prompt takes every key as text or editing.
    if model.prompt.is_some() {
        model.pending.keys.clear();
        model.pending.count = None;
        before_input(model);
        return search::prompt_key(model, key);
    }
    if let Some(count) = count_digit(model, key) {
        model.pending.count = Some(count);
        return Vec::new();
    }
    let count = model.pending.count.take();
    match lookup(model, key) {
        Some(action) => act(model, action, count),
        None => Vec::new(),
    }
}

/// A digit extending the count prefix, in the reader with no sequence pending. A leading 0 is
/// not a count.
fn count_digit(model: &Model, key: Key) -> Option<usize> {
    let KeyCode::Char(c) = key.code else {
        return None;
    };
    let digit = c.to_digit(10)? as usize;
    if key.ctrl || key.alt || !model.pending.keys.is_empty() || model.mode() != Mode::Reader {
        return None;
    }
    match model.pending.count {
        None if digit == 0 => None,
        None => Some(digit),
        Some(n) => Some(n.saturating_mul(10).saturating_add(digit)),
    }
}

/// The action the keys typed so far complete, if they complete one.
fn lookup(model: &mut Model, key: Key) -> Option<Action> {
    model.pending.keys.push(key);
    match model.keymap.lookup(model.mode(), &model.pending.keys) {
        Lookup::Found(action) => {
            model.pending.keys.clear();
            Some(action)
        }
        Lookup::Prefix => None,
        Lookup::NoMatch => {
            // A broken sequence: try the last key on its own.
            let retry = model.pending.keys.len() > 1;
            model.pending.keys.clear();
            if retry { lookup(model, key) } else { None }
        }
    }
}

/// While a preview is shown: quitting acts at once, and so does paging or scrolling that stays
/// inside the preview, so the reader never waits on a big file's first pages. Anything else,
/// or a move past the preview's last page, waits its turn behind what was kept, in the order it
/// was typed, so no jump, search or mark acts on a preview that is about to be replaced.
fn acts_on_preview(model: &Model, input: Input) -> bool {
    let action = match input {
        Input::ScrollDown => Action::PageDown,
        Input::ScrollUp => Action::PageUp,
        Input::Key(key) => {
            if quits_now(model, key) {
                return true;
            }
            match model.keymap.lookup(Mode::Reader, &[key]) {
                Lookup::Found(action) => action,
                _ => return false,
            }
        }
        Input::Click { .. } => return false,
    };
    let nothing_before = model.pending.deferred.is_empty()
        && !model.keys_pending()
        && model.mode() == Mode::Reader
        && model.prompt.is_none();
    if !nothing_before {
        return false;
    }
    // A prompt opens at once over the pages around the place (a 100 MB book's whole layout
    // takes seconds after a resize): a search typed in it lands on its hit through them, and
    // a go-to waits for the whole itself. Not while a file is still read: what is not in yet
    // cannot be searched.
    if matches!(action, Action::SearchForward | Action::GoToPrompt) {
        return !model.loading;
    }
    if model.preview_begins_inside() {
        return moves_inside_preview(model, action);
    }
    // A preview ends before the document does; a window around the place moves with it.
    let on_last_page = model.loading && model.current_page() + 1 >= model.pages.page_count();
    match action {
        Action::PageUp | Action::LineUp | Action::HalfPageUp | Action::PrevParagraph => true,
        // A preview of the opening holds the start.
        Action::Top => model.loading,
        Action::PageDown | Action::LineDown | Action::HalfPageDown | Action::NextParagraph => {
            !on_last_page
        }
        _ => false,
    }
}

/// Whether a move acts on a preview of the text around a saved place: when it stays within
/// the preview. One that would stop short at either end of it (there is more text both
/// ways) waits for the whole, so no step is lost or cut short.
fn moves_inside_preview(model: &Model, action: Action) -> bool {
    let top = model.top_line();
    let last = model.pages.last_top();
    let page = model.pages.height().max(1);
    let half = (page / 2).max(1);
    match action {
        Action::PageUp => top >= page,
        Action::HalfPageUp => top >= half,
        Action::LineUp => top >= 1,
        Action::PrevParagraph => model.anchor.block > 0,
        Action::PageDown => top + page <= last,
        Action::HalfPageDown => top + half <= last,
        Action::LineDown => top < last,
        // The preview's last paragraph may be cut short: the one before it is the last to
        // go to.
        Action::NextParagraph => model.anchor.block + 2 < model.doc.blocks.len(),
        _ => false,
    }
}

/// A quit key that acts even before the whole document is there. The interrupt (Ctrl-C) is
/// "get me out" whatever came before it; another quit key counts when nothing typed before it
/// could change what it means (as "/" does in "/q") or would be lost by quitting (a bookmark):
/// only moves wait, and a move is not worth waiting for when the reader is leaving.
fn quits_now(model: &Model, key: Key) -> bool {
    match model.keymap.lookup(Mode::Reader, &[key]) {
        Lookup::Found(Action::Interrupt) => true,
        Lookup::Found(Action::Quit) => {
            model.pending.keys.is_empty()
                && model.pending.count.is_none()
                && model
                    .pending
                    .deferred
                    .iter()
                    .all(|&input| only_moves(model, input))
        }
        _ => false,
    }
}

/// True for input that only moves the reader through the text.
fn only_moves(model: &Model, input: Input) -> bool {
    let action = match input {
        Input::ScrollDown | Input::ScrollUp => return true,
        Input::Click { .. } => return false,
        Input::Key(key) => match model.keymap.lookup(Mode::Reader, &[key]) {
            Lookup::Found(action) => action,
            _ => return false,
        },
    };
    matches!(
        action,
        Action::PageDown
            | Action::PageUp
            | Action::LineDown
            | Action::LineUp
            | Action::HalfPageDown
            | Action::HalfPageUp
            | Action::Top
            | Action::Bottom
            | Action::NextParagraph
            | Action::PrevParagraph
            | Action::NextSection
            | Action::PrevSection
    )
}
