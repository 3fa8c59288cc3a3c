//! The status line: document name on the left; page, percent, paragraph, section, time left
//! and the help hint on the right. A one-off message replaces the name while it lasts.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::put::put_str;
use super::theme::Theme;
use crate::document::sanitize::sanitize_line;
use crate::outline::fit_label;
use crate::reader::Model;
use crate::text::display_width;

pub fn render(model: &Model, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let style = theme.status();
    buf.set_style(area, style);
    let parts = parts(model);
    let compose = |keep_from: u8| -> String {
        let kept: Vec<&str> = parts
            .iter()
            .filter(|(text, rank)| *rank >= keep_from && !text.is_empty())
            .map(|(text, _)| text.as_str())
            .collect();
        format!(" {} ", kept.join(" · "))
    };
    // Narrower still: the page and the count, then the page alone, never a number cut short.
    let counter = parts[0].0.trim_start_matches("page ").to_string();
    let page_alone = counter.split('/').next().unwrap_or("").to_string();
    // A message must be read whole; otherwise the name gets at least a dozen columns. And the
    // fullest form that fits whole wins: a cut-off "1/205 · 0" reads as a wrong number.
    // Messages carry file names and store errors: made safe like document text.
    let message = model.message().map(sanitize_line);
    let left_needs = message.as_deref().map_or(12, |m| display_width(m) + 2);
    let width = area.width as usize;
    let right = (0..=6)
        .map(compose)
        .find(|r| display_width(r) + left_needs <= width)
        .or_else(|| {
            [format!(" {counter} "), format!(" {page_alone} ")]
                .into_iter()
                .find(|r| display_width(r) <= width)
        })
        .unwrap_or_default();
    let right_width = display_width(&right).min(area.width as usize);
    let left_text = message.as_deref().unwrap_or(&model.doc().name);
    let left_room = (area.width as usize).saturating_sub(right_width + 1);
    // A message cut short says where the whole of it is.
    const WHOLE: &str = " · M";
    let room = left_room.saturating_sub(1);
    let shown = match &message {
        Some(m) if display_width(m) > room && room > 2 * WHOLE.len() => {
            format!("{}{WHOLE}", fit_label(m, room - WHOLE.len()))
        }
        _ => fit_label(left_text, room),
    };
    put_str(
        buf,
        area.x,
        area.y,
        &format!(" {}", super::visual::display_order(&shown)),
        left_room,
        style,
    );
    let x = area.x + area.width - right_width as u16;
    put_str(buf, x, area.y, &right, right_width, style);
}

/// The right-hand parts in screen order, each with its rank: when the line is short, parts
/// are given up lowest rank first.
fn parts(model: &Model) -> [(String, u8); 7] {
    // Until the whole book is read and laid out (a frame or two at start-up, or after a resize
    // of a long book) the totals are not known, and a number would be wrong; nor is the page's
    // own number while only the pages around a place deep in the text are laid out.
    // Reopened deep in a long file, the numbers seen at the place last are shown while the
    // whole is read, when the file and the layout are as they were.
    let (shown_page, shown_total) = model.shown_pages();
    let page = shown_page.map_or_else(|| "…".to_string(), |p| p.to_string());
    let complete = model.page_total().is_some();
    let pages = shown_total.map_or_else(|| "…".to_string(), |p| p.to_string());
    let (k, n) = model.paragraph_position();
    let section = model
        .outline()
        .section_for_block(model.anchor().block)
        .map(|e| super::visual::display_order(&fit_label(&e.label, 24)).into_owned())
        .unwrap_or_default();
    let minutes = model.minutes_left();
    let left = if model.loading() {
        String::new()
    } else if minutes == 0 {
        "done".to_string()
    } else {
        format!("{} left", duration(minutes))
    };
    let page_part = format!("page {page}/{pages}");
    let percent = if complete {
        format!("{}%", model.percent())
    } else {
        String::new()
    };
    let paragraph = if model.preview_begins_inside() {
        "¶ …/…".to_string()
    } else if model.loading() {
        format!("¶ {k}/…")
    } else {
        format!("¶ {k}/{n}")
    };
    // Parts in screen order with the order they are given up in when the line is short: the
    // encoding goes first, then the section name, the paragraph count, the time left and the
    // help hint.
    [
        (page_part, 6),
        (percent, 5),
        (paragraph, 2),
        (section, 1),
        (left, 3),
        (model.doc().encoding.to_string(), 0),
        ("? help".to_string(), 4),
    ]
}

/// A reading time as people say it: "45 min", "2 h", "14 h 49 min".
fn duration(minutes: usize) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_reading_times_read_in_hours_and_minutes() {
        assert_eq!(duration(7), "7 min");
        assert_eq!(duration(60), "1 h");
        assert_eq!(duration(889), "14 h 49 min");
    }
}
