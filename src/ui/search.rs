//! Drawing for search and go-to: hit highlights over the reading column's lines, the `/` and
//! `:` prompt on the status line (with its inline complaint or hit count), and the sidebar's
//! results list. Reads the model only.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};

use super::theme::Theme;
use super::visual::{drawn_line, lines_mostly_rtl};
use crate::document::BlockKind;
use crate::document::sanitize::sanitize_line;
use crate::layout::geometry::sidebar_offset;
use crate::layout::{Line, LineKind};
use crate::outline::fit_label;
use crate::reader::prompt::{Prompt, PromptKind};
use crate::reader::search::ResultRow;
use crate::reader::{Focus, Model};
use crate::text::display_width;
use crate::text::excerpt;

/// Restyle the parts of a drawn text line that are search hits. A hit that wraps is cut at
/// the line ends, so each screen line shows its own part. Cells are found in display order, as
/// the line was drawn: in a right-to-left line a hit is where its letters are on screen, not
/// where they would be if the line ran left to right.
pub fn highlight_line(
    model: &Model,
    theme: &Theme,
    line: &Line,
    x: u16,
    y: u16,
    room: usize,
    buf: &mut Buffer,
) {
    let Some(search) = model.search().active.as_ref() else {
        return;
    };
    if line.kind != LineKind::Text {
        return;
    }
    let block = line.block as usize;
    let text = model.doc().text(block);
    let (start, end) = (line.start as usize, line.end as usize);
    let hits = search.matches_in_block(block);
    // Hits are in order: skip those ending before this line.
    let first = hits.partition_point(|m| m.end <= start);
    if hits.get(first).is_none_or(|m| m.start >= end) {
        return;
    }
    // Index of the block's first hit in the whole list, to recognise the current hit.
    let base = search.matches().partition_point(|m| m.block < block);
    let block_rtl = model
        .doc()
        .blocks
        .get(block)
        .filter(|b| b.kind == BlockKind::Code && model.config().bidi)
        .map(|b| lines_mostly_rtl(&b.text));
    let visual = drawn_line(text, start..end, model.config().bidi, block_rtl);
    let spread = match model.doc().blocks.get(block) {
        Some(b) => super::justify::spread_of(model, b, line, room as u16),
        None => Default::default(),
    };
    let width: usize = visual.cells.iter().map(|c| display_width(c.text)).sum();
    let mut column = if visual.right_to_left {
        room.saturating_sub(width)
    } else {
        0
    };
    for cell in &visual.cells {
        let cell_width = display_width(cell.text);
        if column + cell_width > room {
            break;
        }
        let hit = hits[first..]
            .iter()
            .take_while(|m| m.start < end)
            .position(|m| m.start <= cell.offset && cell.offset < m.end);
        if let Some(k) = hit {
            let style = if search.current == Some(base + first + k) {
                theme.search_current()
            } else {
                theme.search_hit()
            };
            let area = Rect::new(x + column as u16, y, cell_width as u16, 1);
            buf.set_style(area, style);
        }
        column += cell_width + usize::from(spread.after(cell.offset));
    }
}

/// For a cut code line, the style of the search hit hidden past its cut (the current hit's
/// style if that one is there), or `None` when no hit is hidden.
pub fn hidden_hit_style(model: &Model, theme: &Theme, line: &Line) -> Option<Style> {
    let search = model.search().active.as_ref()?;
    if line.kind != LineKind::Text || !line.cut {
        return None;
    }
    let block = line.block as usize;
    let text = model.doc().text(block);
    let hidden_start = line.end as usize;
    let hidden_end = text
        .get(hidden_start..)?
        .find('\n')
        .map_or(text.len(), |n| hidden_start + n);
    let hits = search.matches_in_block(block);
    let base = search.matches().partition_point(|m| m.block < block);
    let first = hits.partition_point(|m| m.end <= hidden_start);
    let hidden = hits[first..]
        .iter()
        .enumerate()
        .take_while(|(_, m)| m.start < hidden_end)
        .map(|(k, _)| base + first + k);
    let mut any = false;
    for index in hidden {
        if search.current == Some(index) {
            return Some(theme.search_current());
        }
        any = true;
    }
    any.then(|| theme.search_hit())
}

/// The prompt in place of the status line: sigil, text with the cursor, and on the right the
/// complaint, or for a search the hit count.
pub fn render_prompt(
    model: &Model,
    prompt: &Prompt,
    theme: &Theme,
    area: Rect,
    frame: &mut Frame<'_>,
) {
    let buf = frame.buffer_mut();
    let width = area.width as usize;
    buf.set_stringn(area.x, area.y, " ".repeat(width), width, theme.text());
    let mut sigil = prompt.kind.sigil().to_string();
    if prompt.kind == PromptKind::Search && model.search().regex_mode {
        sigil = format!("(regex) {sigil}");
    }
    let (note, note_style) = match (&prompt.error, prompt.kind, &model.search().active) {
        (Some(error), _, _) => (sanitize_line(error), theme.prompt_error()),
        (None, PromptKind::Search, Some(search))
            if search.matches().is_empty() && search.counting.is_none() =>
        {
            ("no match".into(), theme.prompt_error())
        }
        (None, PromptKind::Search, Some(search)) => (search.position_text(), theme.dim()),
        (None, PromptKind::Search, None) if prompt.editor.text().is_empty() => (
            "Enter searches · Esc cancels · Ctrl-r regex".into(),
            theme.dim(),
        ),
        _ => (String::new(), theme.dim()),
    };
    let sigil_width = display_width(&sigil);
    // The text gets at least half the line; the note what is left.
    let note = fit_label(
        &note,
        width
            .saturating_sub(sigil_width + 1)
            .saturating_sub(width / 2),
    );
    let note_width = display_width(&note);
    let text_room = width.saturating_sub(sigil_width + note_width + 2).max(1);
    buf.set_stringn(
        area.x,
        area.y,
        &sigil,
        width,
        theme.text().add_modifier(Modifier::BOLD),
    );
    let (shown, cursor) = prompt.editor.view(text_room);
    let text_x = area.x + sigil_width.min(width) as u16;
    buf.set_stringn(
        text_x,
        area.y,
        shown,
        text_room.min(width.saturating_sub(sigil_width)),
        theme.text(),
    );
    if note_width > 0 && note_width < width {
        buf.set_stringn(
            area.x + (width - note_width) as u16,
            area.y,
            &note,
            note_width,
            note_style,
        );
    }
    let cursor_x = (text_x as usize + cursor).min((area.x as usize + width).saturating_sub(1));
    frame.set_cursor_position(Position::new(cursor_x as u16, area.y));
}

/// The sidebar's results list: each outline entry with hits, and under it one row per hit
/// with a little context, the hit itself highlighted.
pub fn render_results(model: &Model, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area.width < 2 || area.height == 0 {
        return;
    }
    let area = super::sidebar::ruled(model, theme, area, buf);
    let inner_width = area.width;
    let Some(search) = model.search().active.as_ref() else {
        return;
    };
    let focused = model.focus() == Focus::Outline;
    // While the list is still being made, its length is not the count.
    let count = if search.counting.is_some() {
        "…".to_string()
    } else {
        search.matches().len().to_string()
    };
    let headers = if focused {
        [
            format!("Results {count} · Enter jumps · r outline"),
            format!("Results {count} (Enter)"),
        ]
    } else {
        [
            format!("Results {count} · Tab · r outline"),
            format!("Results {count}"),
        ]
    };
    let header = headers
        .iter()
        .find(|h| display_width(h) <= inner_width as usize)
        .unwrap_or(&headers[1])
        .clone();
    buf.set_stringn(
        area.x,
        area.y,
        fit_label(&header, inner_width as usize),
        inner_width as usize,
        theme.dim().add_modifier(Modifier::BOLD),
    );
    let rows = area.height.saturating_sub(1) as usize;
    let list = &model.search().rows;
    let cursor = model
        .search()
        .results_cursor
        .min(list.len().saturating_sub(1));
    let offset = sidebar_offset(cursor, list.len(), rows);
    for (row, (index, item)) in list.iter().enumerate().skip(offset).take(rows).enumerate() {
        let y = area.y + 1 + row as u16;
        let selected = focused && index == cursor;
        // Unfocused, the row of the hit last gone to is marked as "here", as the outline marks
        // the entry on screen.
        let here = matches!(*item, ResultRow::Hit(hit) if search.current == Some(hit));
        if here {
            buf.set_stringn(area.x, y, "▌", 1, theme.sidebar_here());
        }
        match *item {
            ResultRow::Entry(entry) => {
                let label = model
                    .outline()
                    .entries
                    .get(entry)
                    .map_or("", |e| e.label.as_str());
                let mut style = theme.text().add_modifier(Modifier::BOLD);
                if selected {
                    style = style.patch(theme.sidebar_cursor());
                }
                buf.set_stringn(
                    area.x + 1,
                    y,
                    fit_label(label, inner_width as usize - 1),
                    inner_width as usize - 1,
                    style,
                );
            }
            ResultRow::Hit(hit) => {
                let Some(m) = search.matches().get(hit) else {
                    continue;
                };
                let room = (inner_width as usize).saturating_sub(3);
                let (text, hit_range) =
                    excerpt::around(model.doc().text(m.block), m.range(), room / 3);
                let (hit_start, hit_end) = (hit_range.start, hit_range.end);
                let mut style = theme.dim();
                if selected {
                    style = theme.sidebar_cursor();
                }
                let x = area.x + 3;
                buf.set_stringn(x, y, &text, room, style);
                let lead = display_width(text.get(..hit_start).unwrap_or(""));
                let width = display_width(text.get(hit_start..hit_end).unwrap_or(""));
                if lead < room {
                    let width = width.min(room - lead);
                    let hit_style = if search.current == Some(hit) {
                        theme.search_current()
                    } else {
                        theme.search_hit()
                    };
                    buf.set_style(Rect::new(x + lead as u16, y, width as u16, 1), hit_style);
                }
            }
        }
    }
}
