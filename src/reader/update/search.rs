//! Search, the `/` and `:` prompts, go-to and the jump history: incremental search from where
//! the prompt opened, `n`/`N`, the results list in the sidebar, `:42`, `:50%`, `:¶12`, `:/text`
//! and `Ctrl-o`/`Ctrl-n`/`''`. A keystroke finds the hits near the place; the rest of the
//! list is made in the background ([`counting`](super::counting)). The search engine itself
//! (folding, matching) is `crate::search`.

use crate::document::Anchor;
use crate::input::lineedit::Edit;
use crate::input::{Action, Key};
use crate::search::{Match, Matcher, SearchError, scan_outward};

use super::super::model::{Focus, Model};
use super::super::msg::Effect;
use super::super::prompt::{Command, CommandError, Prompt, PromptKind, parse};
use super::super::search::{ActiveSearch, Counting, Landing, ResultRow};
use super::counting::ensure_complete;

/// Open the `/` or `:` prompt.
pub(super) fn open_prompt(model: &mut Model, kind: PromptKind) {
    model.focus = Focus::Reader;
    model.prompt = Some(Prompt::new(kind, model.anchor, model.search.active.clone()));
}

/// A key typed while the prompt is open.
pub(super) fn prompt_key(model: &mut Model, key: Key) -> Vec<Effect> {
    let Some(prompt) = model.prompt.as_ref() else {
        return Vec::new();
    };
    let kind = prompt.kind;
    // Backspace on an empty prompt closes it, as in vim and the shells' line editors.
    let erases_nothing = key.code == crossterm::event::KeyCode::Backspace && !key.ctrl;
    if erases_nothing && prompt.editor.text().is_empty() {
        cancel_prompt(model);
        return Vec::new();
    }
    let Some(prompt) = model.prompt.as_mut() else {
        return Vec::new();
    };
    let toggle_regex = key.ctrl && key.code == crossterm::event::KeyCode::Char('r');
    let edit = if toggle_regex {
        Edit::Changed
    } else {
        prompt.editor.handle(key)
    };
    if toggle_regex {
        model.search.regex_mode = !model.search.regex_mode;
    }
    match (kind, edit) {
        (_, Edit::Cancel) => cancel_prompt(model),
        (PromptKind::Search, Edit::Changed) => incremental(model),
        (PromptKind::Search, Edit::Submit) => submit_search(model),
        (PromptKind::Command, Edit::Changed) => prompt.error = None,
        (PromptKind::Command, Edit::Submit) => return submit_command(model),
        (_, Edit::Moved | Edit::Ignored) => {}
    }
    Vec::new()
}

fn cancel_prompt(model: &mut Model) {
    if let Some(prompt) = model.prompt.take() {
        model.anchor = prompt.origin;
        if prompt.kind == PromptKind::Search {
            model.search.set_active(prompt.saved, &model.outline);
        }
    }
}

/// Search again for what the prompt holds now, and show the first hit from where the search
/// began. With no hit (or no query) the view goes back to where it began.
fn incremental(model: &mut Model) {
    let Some(prompt) = model.prompt.as_mut() else {
        return;
    };
    prompt.error = None;
    let query = prompt.editor.text().to_string();
    let origin = prompt.origin;
    let regex_mode = model.search.regex_mode;
    match run(model, &query, regex_mode, origin, Landing::Incremental) {
        Ok(Some(index)) => {
            let target = model.search.active.as_ref().map(|s| s.matches()[index]);
            if let Some(m) = target {
                show_match(model, m, false);
            }
        }
        Ok(None) => model.anchor = origin,
        Err(error) => {
            model.anchor = origin;
            if let Some(prompt) = model.prompt.as_mut() {
                prompt.error = Some(error.to_string());
            }
        }
    }
}

/// Run a query and make it the active search, its current hit the first at or after `from`
/// (wrapping to the first hit). Returns that hit's index. Only the document near `from` is
/// read now (see `ScanLimits`); when that is not all of it, the search is left counting, and
/// `then` says where the view goes if the first hit is only found later.
fn run(
    model: &mut Model,
    query: &str,
    regex_mode: bool,
    from: Anchor,
    then: Landing,
) -> Result<Option<usize>, SearchError> {
    let matcher = match Matcher::new(query, regex_mode) {
        Ok(Some(matcher)) => matcher,
        Ok(None) => {
            model.search.set_active(None, &model.outline);
            return Ok(None);
        }
        Err(error) => {
            model.search.set_active(None, &model.outline);
            return Err(error);
        }
    };
    let nearby = scan_outward(&model.doc, &matcher, from, model.search.limits);
    let current = nearby
        .first
        .and_then(|first| nearby.found.matches.binary_search(&first).ok());
    model.search.serial += 1;
    let counting = (!nearby.complete).then_some(Counting {
        serial: model.search.serial,
        then: if current.is_some() {
            Landing::Stay
        } else {
            then
        },
    });
    let search = ActiveSearch {
        query: query.to_string(),
        regex_mode,
        found: nearby.found,
        current,
        from,
        counting,
    };
    model.search.set_active(Some(search), &model.outline);
    Ok(current)
}

fn submit_search(model: &mut Model) {
    let Some(prompt) = model.prompt.take() else {
        return;
    };
    if let Some(error) = prompt.error.clone() {
        // The prompt closes and says why, as vim's does: what is typed next is a key again.
        model.anchor = prompt.origin;
        model.search.set_active(prompt.saved, &model.outline);
        model.message = Some(error);
        return;
    }
    if prompt.editor.text().is_empty() {
        // An empty search repeats the last one, as in vim and less.
        model.anchor = prompt.origin;
        model.search.set_active(prompt.saved, &model.outline);
        if model.search.active.is_some() {
            search_step(model, true);
        }
        return;
    }
    if model.anchor != prompt.origin {
        model.history.record(prompt.origin);
    }
    if let Some(search) = model.search.active.as_mut()
        && search.current.is_none()
        && let Some(counting) = search.counting.as_mut()
    {
        // No hit near the place: the view goes to the first one when the rest is searched.
        counting.then = Landing::Jump { record: true };
        model.message = Some(format!("searching for {}…", prompt.editor.text()));
        return;
    }
    // The hit the typing brought into view is where the search landed: mark it.
    model.flash = model
        .search
        .active
        .as_ref()
        .and_then(|s| s.current.and_then(|i| s.matches().get(i)))
        .map(Match::anchor);
    model.message = Some(match &model.search.active {
        Some(s) if !s.matches().is_empty() => s.position_text(),
        _ => format!("no match for {}", prompt.editor.text()),
    });
}

fn submit_command(model: &mut Model) -> Vec<Effect> {
    let Some(text) = model.prompt.as_ref().map(|p| p.editor.text().to_string()) else {
        return Vec::new();
    };
    // The prompt closes either way; a complaint is said on the status line, as vim does, so
    // what is typed next is a key again, not more of a bad command.
    model.prompt = None;
    let result = match parse(&text) {
        Err(CommandError::Empty) => Ok(Vec::new()),
        Err(error) => Err(error.to_string()),
        Ok(command) => execute(model, command),
    };
    result.unwrap_or_else(|error| {
        model.message = Some(error);
        Vec::new()
    })
}

/// Carry out a go-to command; a complaint comes back as the error text.
pub(super) fn execute(model: &mut Model, command: Command) -> Result<Vec<Effect>, String> {
    match command {
        Command::NextFile => return super::files::switch(model, super::files::Step::Next),
        Command::PrevFile => return super::files::switch(model, super::files::Step::Previous),
        Command::FirstFile => return super::files::switch(model, super::files::Step::First),
        Command::Page(page) => {
            // Page numbers are the whole layout's: typed before it arrived, wait for it here.
            model.complete_layout();
            let count = model.pages.page_count();
            if page > count {
                return Err(format!("page {page} is past the end ({count} pages)"));
            }
            go_to_page(model, page);
        }
        Command::Percent(percent) => {
            model.complete_layout();
            let pages = &model.pages;
            let line = (pages.line_count().saturating_sub(1)).saturating_mul(percent) / 100;
            let line = line.min(pages.last_top());
            // Land on text, never on the blank between blocks.
            let line = pages
                .lines_from(line)
                .position(|l| !l.kind.is_gap())
                .map_or(line, |ahead| line + ahead);
            let target = model.pages.anchor_at_line(line);
            model.jump_to(target);
        }
        Command::Paragraph(k) => {
            let Some(block) = model.block_of_paragraph(k) else {
                let (_, total) = model.paragraph_position();
                return Err(format!("no paragraph {k} (there are {total})"));
            };
            model.land(Anchor::new(block, 0), Anchor::new(block, 0), false);
        }
        Command::Search(query) => {
            let from = model.anchor;
            let regex_mode = model.search.regex_mode;
            let then = Landing::Jump { record: true };
            match run(model, &query, regex_mode, from, then) {
                Ok(first) => show_first_hit(model, first, &query, true),
                Err(error) => return Err(error.to_string()),
            }
        }
    }
    Ok(Vec::new())
}

/// Go to a 1-based page (clamped to the last), as `:42` and `42G` do.
pub(super) fn go_to_page(model: &mut Model, page: usize) {
    let count = model.pages.page_count();
    if page > count {
        model.message = Some(format!("only {count} pages"));
    }
    let target = model.pages.anchor_at(page.clamp(1, count.max(1)) - 1);
    model.jump_to(target);
}

/// True when the start of a hit is on screen.
fn on_screen(model: &Model, m: &Match) -> bool {
    let line = model.pages.line_of(m.anchor());
    let top = model.top_line();
    line >= top && line < top + model.pages.height()
}

/// Bring a hit into view as a jump lands (see [`Model::land`]); while typing an incremental
/// search the place left is not a jump yet, so the history is left alone.
pub(super) fn show_match(model: &mut Model, m: Match, record: bool) {
    let history = (!record).then(|| model.history.clone());
    model.land(m.anchor(), Anchor::new(m.block, 0), true);
    if let Some(history) = history {
        model.history = history;
    }
}

/// `n` / `N`: the next or previous hit after the current one (or, when that is off screen,
/// after the top of the screen), wrapping around the document with a notice.
pub(super) fn search_step(model: &mut Model, forward: bool) {
    // Stepping needs the whole list (which hit is next, its number).
    ensure_complete(model);
    let Some(search) = model.search.active.as_ref() else {
        model.message = Some("no search yet (/ searches)".into());
        return;
    };
    let matches = search.matches();
    let total = matches.len();
    if total == 0 {
        model.message = Some(format!("no match for {}", search.query));
        return;
    }
    let current = search
        .current
        .filter(|&i| matches.get(i).is_some_and(|m| on_screen(model, m)));
    let (next, wrapped) = match (current, forward) {
        (Some(i), true) if i + 1 < total => (i + 1, false),
        (Some(_), true) => (0, true),
        (Some(i), false) if i > 0 => (i - 1, false),
        (Some(_), false) => (total - 1, true),
        (None, true) => {
            let at = matches.partition_point(|m| m.anchor() < model.anchor);
            if at < total { (at, false) } else { (0, true) }
        }
        (None, false) => {
            let at = matches.partition_point(|m| m.anchor() < model.anchor);
            if at > 0 {
                (at - 1, false)
            } else {
                (total - 1, true)
            }
        }
    };
    let target = matches[next];
    if let Some(search) = model.search.active.as_mut() {
        search.current = Some(next);
    }
    // The results list follows, so it shows where `n` went.
    if let Some(row) = model.search.row_of_hit(next) {
        model.search.results_cursor = row;
    }
    show_match(model, target, true);
    let position = model
        .search
        .active
        .as_ref()
        .map(ActiveSearch::position_text)
        .unwrap_or_default();
    model.message = Some(match (wrapped, forward) {
        (true, true) => format!("search wrapped to the top · {position}"),
        (true, false) => format!("search wrapped to the bottom · {position}"),
        _ => position,
    });
}

/// `Ctrl-o`, `Ctrl-n` and `''`.
pub(super) fn history_step(model: &mut Model, action: Action) {
    let here = model.anchor;
    let target = match action {
        Action::JumpBack => model.history.back(here),
        Action::JumpForward => model.history.forward(here),
        _ => model.history.toggle(here),
    };
    match target {
        Some(target) => {
            let target = model.doc.clamp(target);
            model.reveal(target.block);
            model.anchor = target;
        }
        None => {
            model.message = Some(
                if action == Action::JumpForward {
                    "no later place in the jump history"
                } else {
                    "no earlier place in the jump history"
                }
                .into(),
            );
        }
    }
}

/// Switch the sidebar between the outline and the search results.
pub(super) fn toggle_results(model: &mut Model) {
    if model.search.results_view {
        model.search.results_view = false;
        return;
    }
    ensure_complete(model);
    let Some(search) = model.search.active.as_ref() else {
        model.message = Some("no search results (/ searches)".into());
        return;
    };
    let current = search.current.unwrap_or(0);
    model.search.results_view = true;
    model.search.results_cursor = model.search.row_of_hit(current).unwrap_or(0);
    model.sidebar_wanted = true;
    model.relayout();
    if model.geometry().sidebar.is_some() {
        model.focus = Focus::Outline;
    } else {
        model.message = Some("terminal too narrow for the sidebar".into());
    }
}

/// Sidebar keys while it lists results. Returns false for actions it leaves to the outline.
pub(super) fn results_action(model: &mut Model, action: Action) -> bool {
    ensure_complete(model);
    let last = model.search.rows.len().saturating_sub(1);
    let cursor = &mut model.search.results_cursor;
    match action {
        Action::OutlineDown => *cursor = (*cursor + 1).min(last),
        Action::OutlineUp => *cursor = cursor.saturating_sub(1),
        Action::OutlineTop => *cursor = 0,
        Action::OutlineBottom => *cursor = last,
        // The results list is flat: what would unfold or fold in the outline jumps or leaves.
        Action::OutlineClose => model.focus = Focus::Reader,
        Action::OutlineToggleFold | Action::OutlineFoldAll | Action::OutlineUnfoldAll => {}
        Action::OutlineJump | Action::OutlineOpen => {
            // An entry row jumps to its first hit (the row after it).
            let hit = model.search.rows[model.search.results_cursor.min(last)..]
                .iter()
                .find_map(|r| {
                    if let ResultRow::Hit(i) = r {
                        Some(*i)
                    } else {
                        None
                    }
                });
            let target =
                hit.and_then(|i| Some((i, *model.search.active.as_ref()?.matches().get(i)?)));
            if let Some((index, m)) = target {
                if let Some(search) = model.search.active.as_mut() {
                    search.current = Some(index);
                }
                show_match(model, m, true);
                model.message = model
                    .search
                    .active
                    .as_ref()
                    .map(ActiveSearch::position_text);
            }
            model.focus = Focus::Reader;
        }
        _ => return false,
    }
    true
}

/// Bring the first hit of a fresh search into view (recording the jump when asked) and say
/// "match k of n", or say there was no match.
fn show_first_hit(model: &mut Model, first: Option<usize>, query: &str, record_jump: bool) {
    let Some(index) = first else {
        model.message = Some(if model.search.counting() {
            format!("searching for {query}…")
        } else {
            format!("no match for {query}")
        });
        return;
    };
    let target = model.search.active.as_ref().map(|s| s.matches()[index]);
    if let Some(m) = target {
        show_match(model, m, record_jump);
    }
    model.message = model
        .search
        .active
        .as_ref()
        .map(ActiveSearch::position_text);
}

/// Start with a search already made (the `--search` option): the view at the first hit. A bad
/// pattern says why on the status line (the command line checks it before the reader opens).
pub(super) fn start_with_search(model: &mut Model, query: &str) {
    let regex_mode = model.search.regex_mode;
    let then = Landing::Jump { record: false };
    match run(model, query, regex_mode, Anchor::default(), then) {
        Ok(first) => show_first_hit(model, first, query, false),
        Err(error) => model.message = Some(error.to_string()),
    }
}
