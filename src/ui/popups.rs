//! The pop-ups besides help: `=`, what the document is (its file, format, encoding, size,
//! words, pages and where the reader is), `M`, the messages said so far this session, and
//! `o`, a book's note. All are centred boxes over the text, drawn from the model alone.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::theme::Theme;
use crate::document::sanitize::sanitize_line;
use crate::layout::geometry::popup_area;
use crate::reader::{Model, Source};
use crate::text::display_width;
use crate::text::number::grouped;

/// The facts, one "label: value" row each.
pub fn facts(model: &Model) -> Vec<(String, String)> {
    let doc = model.doc();
    let mut rows = vec![("Title".to_string(), doc.name.clone())];
    let files = model.files();
    if let Some(source) = files.sources.get(files.current) {
        let label = match source {
            Source::File(_) => "File",
            Source::Web(_) => "Address",
            Source::Stdin(_) => "Read from",
        };
        rows.push((label.into(), source.describe()));
        if files.sources.len() > 1 {
            let of = format!(
                "{} of {} (:n :p :x)",
                files.current + 1,
                files.sources.len()
            );
            rows.push(("Files".into(), of));
        }
    }
    if let Some(book) = doc.book() {
        if !book.authors.is_empty() {
            rows.push(("Authors".into(), book.authors.join(", ")));
        }
        if let Some(language) = &book.language {
            rows.push(("Language".into(), language.clone()));
        }
    }
    let format = doc.format.map_or("text", |f| f.name());
    rows.push(("Format".into(), format.to_string()));
    rows.push(("Encoding".into(), doc.encoding.to_string()));
    if doc.source_len > 0 {
        rows.push(("Size".into(), size(doc.source_len)));
    }
    let (k, n) = model.paragraph_position();
    rows.push(("Words".into(), grouped(model.total_words())));
    rows.push(("Paragraphs".into(), grouped(n)));
    // Page numbers and the share read wait for the whole layout (a long text's is made in
    // the background).
    let unknown = || "…".to_string();
    let pages = model.page_total().map_or_else(unknown, grouped);
    let (width, height) = (model.pages().width(), model.pages().height());
    rows.push(("Pages".into(), format!("{pages} at {width}×{height}")));
    let page = model.page_number().map_or_else(unknown, |p| p.to_string());
    let percent = model
        .page_total()
        .map_or_else(unknown, |_| format!("{}%", model.percent()));
    rows.push((
        "Place".into(),
        format!("page {page} of {pages}, ¶ {k} of {n}, {percent}"),
    ));
    let marks = model.marks();
    let unsaved = marks.unsaved.len();
    let mut bookmarks = grouped(marks.bookmarks.len());
    if unsaved > 0 {
        bookmarks.push_str(&format!(" ({unsaved} not saved)"));
    }
    rows.push(("Bookmarks".into(), bookmarks));
    rows
}

/// A byte count as people read it: "812 bytes", "173.6 KB", "3.4 MB" (of 1000).
fn size(bytes: usize) -> String {
    match bytes {
        0..1_000 => format!("{bytes} bytes"),
        1_000..1_000_000 => format!("{:.1} KB", bytes as f64 / 1e3),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
}

/// A framed box of rows centred on the screen, sized to them.
fn framed(
    title: &str,
    rows: &[String],
    scroll: usize,
    theme: &Theme,
    screen: Rect,
    buf: &mut Buffer,
) {
    let widest = rows.iter().map(|r| display_width(r)).max().unwrap_or(0);
    let wide = u16::try_from(widest.max(display_width(title)) + 4).unwrap_or(u16::MAX);
    let mut area = popup_area(screen, wide);
    let tall = u16::try_from(rows.len() + 2).unwrap_or(u16::MAX);
    if tall < area.height {
        area.y += (area.height - tall) / 2;
        area.height = tall;
    }
    Clear.render(area, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(title);
    let inner = block.inner(area);
    block.render(area, buf);
    for (row, text) in rows
        .iter()
        .skip(scroll)
        .take(inner.height as usize)
        .enumerate()
    {
        buf.set_stringn(
            inner.x + 1,
            inner.y + row as u16,
            text,
            inner.width.saturating_sub(1) as usize,
            theme.text(),
        );
    }
}

pub fn render_facts(model: &Model, theme: &Theme, screen: Rect, buf: &mut Buffer) {
    let facts = facts(model);
    let label_width = facts
        .iter()
        .map(|(l, _)| display_width(l))
        .max()
        .unwrap_or(0);
    let rows: Vec<String> = facts
        .iter()
        .map(|(label, value)| {
            let pad = " ".repeat(label_width.saturating_sub(display_width(label)));
            format!("{label}{pad}  {}", sanitize_line(value))
        })
        .collect();
    framed(
        " About this document · Esc closes ",
        &rows,
        0,
        theme,
        screen,
        buf,
    );
}

pub fn render_messages(
    model: &Model,
    scroll: usize,
    theme: &Theme,
    screen: Rect,
    buf: &mut Buffer,
) {
    let rows: Vec<String> = if model.log().is_empty() {
        vec!["Nothing has been said yet.".to_string()]
    } else {
        model.log().iter().map(|m| sanitize_line(m)).collect()
    };
    framed(" Messages · Esc closes ", &rows, scroll, theme, screen, buf);
}

/// A book's note, over the text where its reference is.
pub fn render_note(
    model: &Model,
    link: usize,
    scroll: usize,
    theme: &Theme,
    screen: Rect,
    buf: &mut Buffer,
) {
    let rows = model.note_rows(link);
    framed(" Note · Esc closes ", &rows, scroll, theme, screen, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_counts_read_as_people_write_them() {
        assert_eq!(size(812), "812 bytes");
        assert_eq!(size(173_595), "173.6 KB");
        assert_eq!(size(3_400_000), "3.4 MB");
        assert_eq!(grouped(589_214), "589,214");
        assert_eq!(grouped(7), "7");
        assert_eq!(grouped(1_000), "1,000");
    }
}
