//! The library screen: every document read (or a folder's documents), two rows each — its
//! title and author, then its format, a progress bar with the percent, its bookmarks, when it
//! was last read and where it lives (a missing file marked) — under a line that shows the
//! filter being typed, the "forget?" question, or the keys. While a folder's titles are read,
//! the frame says how far that has got, and a document not read yet shows its file name dim. Titles and paths are sanitized
//! here: they come from the store and the file system.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::theme::Theme;
use super::visual::display_order;
use crate::document::sanitize::{sanitize, visible_line};
use crate::reader::Model;
use crate::reader::library::{Entry, Library, Location};
use crate::text::ago::ago;
use crate::text::excerpt;

/// Rows each document takes.
const ROWS_PER_ENTRY: usize = 2;
/// Cells of the progress bar.
const BAR: usize = 10;

pub fn render(model: &Model, theme: &Theme, screen: Rect, buf: &mut Buffer) {
    let Some(library) = model.library() else {
        return;
    };
    let area = crate::layout::geometry::popup_area(screen, 110);
    Clear.render(area, buf);
    let count = library.entries.len();
    let noun = if count == 1 { "document" } else { "documents" };
    let heading = excerpt::opening(&visible_line(&library.heading), 40);
    let scanning = library
        .titles_progress()
        .map_or_else(String::new, |(done, total)| {
            format!("· reading titles {done}/{total} ")
        });
    let title = format!(
        " {heading} · {count} {noun} · {} {scanning}",
        library.order.name()
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(title);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.height == 0 || inner.width < 2 {
        return;
    }
    let room = inner.width.saturating_sub(2) as usize;
    let (x, y) = (inner.x + 1, inner.y);
    let (line, style) = top_line(library);
    buf.set_stringn(x, y, line, room, style(theme));
    let list = Rect::new(inner.x, y + 1, inner.width, inner.height.saturating_sub(1));
    if let Some(empty) = empty_text(library) {
        buf.set_stringn(x, list.y, empty, room, theme.dim());
        return;
    }
    let fits = (list.height as usize / ROWS_PER_ENTRY).max(1);
    let first = (library.cursor + 1).saturating_sub(fits);
    for (slot, (row, &index)) in library
        .shown
        .iter()
        .enumerate()
        .skip(first)
        .take(fits)
        .enumerate()
    {
        let top = list.y + (slot * ROWS_PER_ENTRY) as u16;
        if top >= list.y + list.height {
            break;
        }
        let entry = &library.entries[index];
        let selected = row == library.cursor;
        draw_entry(
            entry,
            library.now,
            selected,
            theme,
            (x, top),
            room,
            list,
            buf,
        );
    }
}

/// The line above the list: the filter as typed, the "forget?" question, or the keys.
fn top_line(library: &Library) -> (String, fn(&Theme) -> ratatui::style::Style) {
    if let Some(entry) = library.confirm_forget.and_then(|i| library.entries.get(i)) {
        let title = excerpt::opening(&sanitize(&entry.title), 40);
        return (
            format!(
                "Forget “{title}”? y forgets it (its bookmarks are kept); any other key keeps it"
            ),
            Theme::prompt_error,
        );
    }
    if let Some(filter) = &library.filter {
        let filter = excerpt::one_line(&sanitize(filter));
        return (
            format!(
                "/{filter}▏  {} of {} · ↑↓ choose · Enter open · Esc all",
                library.shown.len(),
                library.entries.len()
            ),
            Theme::text,
        );
    }
    (
        "Enter open · / filter · s order · d forget · Esc close".to_string(),
        Theme::dim,
    )
}

/// What the list says when it has nothing to show.
fn empty_text(library: &Library) -> Option<String> {
    if library.loading {
        return Some("reading the library…".into());
    }
    if let Some(trouble) = &library.trouble {
        return Some(sanitize(trouble).into_owned());
    }
    if library.entries.is_empty() && library.folder {
        return Some("Nothing in this folder could be read.".into());
    }
    if library.entries.is_empty() {
        return Some("Nothing read yet: quire FILE opens one, and it is listed here.".into());
    }
    if library.shown.is_empty() {
        return Some("Nothing matches the filter.".into());
    }
    None
}

#[allow(clippy::too_many_arguments)]
fn draw_entry(
    entry: &Entry,
    now: i64,
    selected: bool,
    theme: &Theme,
    (x, y): (u16, u16),
    room: usize,
    list: Rect,
    buf: &mut Buffer,
) {
    let title = excerpt::one_line(&sanitize(&entry.title));
    let author = excerpt::one_line(&sanitize(&entry.author));
    let heading = if author.is_empty() {
        title
    } else {
        format!("{title} — {author}")
    };
    let heading = excerpt::opening(&heading, room.saturating_sub(2));
    // The cursor is marked in the text too, for terminals without reverse video.
    let marker = if selected { "▌" } else { " " };
    let heading = format!("{marker}{}", display_order(&heading));
    // A title still to be read shows the file's name, dimmed, until it comes.
    let mut style = if entry.pending {
        theme.dim()
    } else {
        theme.text().add_modifier(Modifier::BOLD)
    };
    if selected {
        style = style.patch(theme.sidebar_cursor());
    }
    buf.set_stringn(x, y, &heading, room, style);
    if y + 1 >= list.y + list.height {
        return;
    }
    let facts = facts_line(entry, now);
    let used = buf.set_stringn(x, y + 1, &facts, room, theme.dim()).0;
    let left = room.saturating_sub(usize::from(used - x));
    let place = visible_line(&entry.location.describe());
    let place = excerpt::opening(&place, left);
    let place_style = match entry.location {
        Location::Missing(_) => theme.prompt_error(),
        _ => theme.dim(),
    };
    buf.set_stringn(used, y + 1, place, left, place_style);
}

/// "epub · ███░░░░░░░  38% · 3 bookmarks · 2 days ago · " (the place follows).
fn facts_line(entry: &Entry, now: i64) -> String {
    let (bar, percent) = match entry.progress {
        Some(p) => {
            let filled = (usize::from(p) * BAR + 50) / 100;
            (
                format!(
                    "{}{}",
                    "█".repeat(filled),
                    "░".repeat(BAR - filled.min(BAR))
                ),
                format!("{p:>3}%"),
            )
        }
        None => ("░".repeat(BAR), "  –".to_string()),
    };
    let bookmarks = match entry.bookmarks {
        0 => String::new(),
        1 => "1 bookmark · ".to_string(),
        n => format!("{n} bookmarks · "),
    };
    let read = entry
        .read_at
        .map_or_else(|| "never read".to_string(), |t| ago(now, t));
    let format = if entry.format.is_empty() {
        "text"
    } else {
        &entry.format
    };
    format!("   {format} · {bar} {percent} · {bookmarks}{read} · ")
}
