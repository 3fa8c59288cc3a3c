//! The library screen's keys. While it is open it takes every key, as a prompt does: moving
//! (`j` `k` arrows, `g` `G`, pages), `Enter` opening the document under the cursor in this
//! session, `/` starting a fuzzy filter that narrows the list as it is typed, `s` the next
//! order, `d` forgetting after a `y`, and `Esc`, `q` or `o` closing it.

use crossterm::event::KeyCode;

use crate::input::Key;

use super::super::library::{Library, Location, TitleRead};
use super::super::model::Model;
use super::super::msg::{Effect, Exit, LibraryRead};
use super::super::source::Source;

/// Open the library screen and ask for its entries.
pub(super) fn open(model: &mut Model) -> Vec<Effect> {
    model.library = Some(Library::waiting());
    vec![Effect::ReadLibrary]
}

/// The entries arrived (or could not be read). A folder's titles still to be read are asked
/// for, a few files at a time.
pub(super) fn read(model: &mut Model, read: Result<LibraryRead, String>) -> Vec<Effect> {
    let Some(library) = model.library.as_mut() else {
        return Vec::new();
    };
    match read {
        Ok(read) => {
            let (order, filter) = (library.order, library.filter.take());
            *library = Library::new(read.heading, read.entries, read.now);
            library.folder = read.folder;
            library.order = order;
            library.set_filter(filter);
            library
                .start_scan()
                .map(Effect::ReadTitles)
                .into_iter()
                .collect()
        }
        Err(why) => {
            library.loading = false;
            library.trouble = Some(why);
            Vec::new()
        }
    }
}

/// Titles read from a folder's files: in the list they go, and the next files are asked for.
/// With the screen closed they are dropped (the runtime keeps them for its next opening).
pub(super) fn titles_read(model: &mut Model, titles: &[TitleRead]) -> Vec<Effect> {
    let Some(library) = model.library.as_mut() else {
        return Vec::new();
    };
    library
        .learn_titles(titles)
        .map(Effect::ReadTitles)
        .into_iter()
        .collect()
}

/// A key while the library is open.
pub(super) fn key(model: &mut Model, key: Key) -> Vec<Effect> {
    if key.ctrl && key.code == KeyCode::Char('c') {
        return vec![Effect::Quit(Exit::Interrupted)];
    }
    let Some(library) = model.library.as_mut() else {
        return Vec::new();
    };
    if let Some(index) = library.confirm_forget.take() {
        return answer_forget(model, index, key);
    }
    if library.filter.is_some() {
        return filter_key(model, key);
    }
    let page = page_rows(model);
    let Some(library) = model.library.as_mut() else {
        return Vec::new();
    };
    match (key.code, key.ctrl) {
        (KeyCode::Char('j') | KeyCode::Down, false) | (KeyCode::Char('n'), true) => {
            library.move_cursor(1)
        }
        (KeyCode::Char('k') | KeyCode::Up, false) | (KeyCode::Char('p'), true) => {
            library.move_cursor(-1)
        }
        (KeyCode::Char('g') | KeyCode::Home, false) => library.move_cursor(isize::MIN),
        (KeyCode::Char('G') | KeyCode::End, false) => library.move_cursor(isize::MAX),
        (KeyCode::PageDown | KeyCode::Char(' '), false) | (KeyCode::Char('d'), true) => {
            library.move_cursor(page)
        }
        (KeyCode::PageUp | KeyCode::Char('b'), false) | (KeyCode::Char('u'), true) => {
            library.move_cursor(-page)
        }
        (KeyCode::Enter | KeyCode::Char('l') | KeyCode::Right, false) => {
            return open_selected(model);
        }
        (KeyCode::Char('/'), false) => library.set_filter(Some(String::new())),
        (KeyCode::Char('s'), false) => {
            library.next_order();
            model.message = Some(format!("library: {}", library.order.name()));
        }
        (KeyCode::Char('d') | KeyCode::Delete, false) => ask_forget(model),
        (KeyCode::Esc | KeyCode::Char('q' | 'o'), false) => model.library = None,
        _ => {}
    }
    Vec::new()
}

/// Keys while filtering: text narrows the list, arrows move, `Enter` opens, `Esc` stops
/// filtering (the whole list again), `Backspace` on an empty filter too.
fn filter_key(model: &mut Model, key: Key) -> Vec<Effect> {
    let Some(library) = model.library.as_mut() else {
        return Vec::new();
    };
    let mut filter = library.filter.clone().unwrap_or_default();
    match (key.code, key.ctrl || key.alt) {
        (KeyCode::Enter, _) => return open_selected(model),
        (KeyCode::Esc, _) => library.set_filter(None),
        (KeyCode::Down, _) | (KeyCode::Char('n'), true) => library.move_cursor(1),
        (KeyCode::Up, _) | (KeyCode::Char('p'), true) => library.move_cursor(-1),
        (KeyCode::Backspace, _) if filter.is_empty() => library.set_filter(None),
        (KeyCode::Backspace, _) => {
            filter.pop();
            library.set_filter(Some(filter));
        }
        (KeyCode::Char('u'), true) => library.set_filter(Some(String::new())),
        (KeyCode::Char(c), false) if !c.is_control() => {
            filter.push(c);
            library.set_filter(Some(filter));
        }
        _ => {}
    }
    Vec::new()
}

/// Rows the library shows at once (each document takes two), for paging.
fn page_rows(model: &Model) -> isize {
    let rows = crate::layout::geometry::popup_rows(model.screen.1) / 2;
    isize::try_from(rows.saturating_sub(1).max(1)).unwrap_or(1)
}

/// `Enter`: open the document under the cursor in this session, where the reader left it.
fn open_selected(model: &mut Model) -> Vec<Effect> {
    let Some(entry) = model.library.as_ref().and_then(Library::selected) else {
        return Vec::new();
    };
    let source = match &entry.location {
        Location::File(path) => Source::File(path.clone()),
        Location::Web(url) => Source::Web(url.clone()),
        Location::Missing(path) => {
            model.message = Some(format!(
                "missing: {} (moved or deleted; no copy is kept)",
                path.display()
            ));
            return Vec::new();
        }
        Location::Stdin(Some(copy)) => Source::Stdin(Some(copy.clone())),
        Location::Stdin(None) => {
            model.message = Some("it was read from standard input: no copy is kept".into());
            return Vec::new();
        }
        Location::Bundled => {
            model.message = Some("the bundled article: quire --bundled opens it".into());
            return Vec::new();
        }
    };
    let title = crate::text::excerpt::opening(&entry.title, 40);
    model.library = None;
    if model.current_source() == Some(&source) {
        model.message = Some(format!("{title} is open"));
        return Vec::new();
    }
    let files = &mut model.files;
    if let Some(here) = files.sources.get(files.current).cloned() {
        files.places.insert(here, model.anchor);
    }
    let target = match files.sources.iter().position(|s| *s == source) {
        Some(known) => known,
        None => {
            files.sources.push(source.clone());
            files.sources.len() - 1
        }
    };
    files.opening = Some(target);
    model.message = Some(format!("opening {title}…"));
    vec![Effect::Open(source)]
}

/// `d`: ask before forgetting the document under the cursor.
fn ask_forget(model: &mut Model) {
    let Some(library) = model.library.as_mut() else {
        return;
    };
    let Some(index) = library.selected_index() else {
        return;
    };
    if library.entries[index].id.is_none() {
        model.message = Some("never read: there is nothing to forget".into());
        return;
    }
    library.confirm_forget = Some(index);
}

/// The answer to "forget it?": `y` forgets, any other key keeps it.
fn answer_forget(model: &mut Model, index: usize, key: Key) -> Vec<Effect> {
    let Some(library) = model.library.as_mut() else {
        return Vec::new();
    };
    let Some(entry) = library.entries.get(index) else {
        return Vec::new();
    };
    let title = crate::text::excerpt::opening(&entry.title, 40);
    if key.code != KeyCode::Char('y') || key.ctrl || key.alt {
        model.message = Some(format!("kept {title}"));
        return Vec::new();
    }
    let Some(id) = entry.id else {
        return Vec::new();
    };
    library.remove(index);
    model.message = Some(format!(
        "forgot {title} (its bookmarks are kept: quire bookmarks lists them)"
    ));
    vec![Effect::Forget(id)]
}
