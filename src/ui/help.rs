//! The help overlay, generated from the keymap itself so it can never list a binding that
//! does not exist.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use crate::input::Mode;
use crate::input::key::key_name;
use crate::input::keymap::HELP_ORDER;
use crate::reader::Model;

/// The help text, one row per binding: "keys  description", grouped by mode. The key column is
/// as wide as the longest key list, so the descriptions line up without wasting the overlay.
pub fn help_lines(model: &Model) -> Vec<(String, bool)> {
    let modes = HELP_ORDER;
    let rows: Vec<(Mode, String, &str)> = modes
        .iter()
        .flat_map(|&mode| {
            model
                .keymap()
                .bindings(mode)
                .iter()
                .map(move |(action, sequences)| {
                    let keys: Vec<String> = sequences
                        .iter()
                        .map(|seq| seq.iter().map(key_name).collect::<String>())
                        .collect();
                    (mode, keys.join(" "), action.describe())
                })
        })
        .collect();
    let key_column = rows
        .iter()
        .map(|(_, keys, _)| keys.width())
        .max()
        .unwrap_or(0);
    let mut out = Vec::new();
    for mode in modes {
        out.push((mode.title().to_string(), true));
        for (_, keys, description) in rows.iter().filter(|(m, _, _)| *m == mode) {
            let pad = " ".repeat(key_column.saturating_sub(keys.width()));
            out.push((format!("  {keys}{pad}  {description}"), false));
        }
        out.push((String::new(), false));
    }
    out
}

/// Columns the overlay needs: its widest line, a margin and the borders.
fn overlay_width(lines: &[(String, bool)]) -> u16 {
    let widest = lines
        .iter()
        .map(|(text, _)| text.width())
        .max()
        .unwrap_or(0);
    u16::try_from(widest + 4).unwrap_or(u16::MAX)
}

pub fn render(model: &Model, theme: &Theme, screen: Rect, buf: &mut Buffer) {
    let lines = help_lines(model);
    let area = crate::layout::geometry::popup_area(screen, overlay_width(&lines));
    Clear.render(area, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(" quire help · q closes ");
    let inner = block.inner(area);
    block.render(area, buf);
    let shown = inner.height as usize;
    let scroll = model
        .help()
        .unwrap_or(0)
        .min(lines.len().saturating_sub(shown));
    // Say on the frame that there is more, and how to get to it.
    let more_below = scroll + shown < lines.len();
    let marks = [
        (scroll > 0, area.y, " ↑ more · k b g "),
        (
            more_below,
            area.bottom().saturating_sub(1),
            " ↓ more · j Space G ",
        ),
    ];
    for (show, y, mark) in marks {
        let width = mark.width() as u16;
        if show && area.width > width + 4 && area.height > 2 {
            let x = area.right().saturating_sub(width + 2);
            buf.set_stringn(x, y, mark, width as usize, theme.dim());
        }
    }
    for (row, (text, header)) in lines
        .iter()
        .skip(scroll)
        .take(inner.height as usize)
        .enumerate()
    {
        let style = if *header {
            theme.text().add_modifier(Modifier::BOLD)
        } else {
            theme.text()
        };
        buf.set_stringn(
            inner.x + 1,
            inner.y + row as u16,
            text,
            inner.width.saturating_sub(1) as usize,
            style,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::reader::{Opened, Setup};

    fn model() -> Model {
        let doc = Document::from_text("A short text to read.", "t");
        let setup = Setup {
            screen: (200, 60),
            ..Setup::default()
        };
        Model::open(Opened::fresh(doc), setup)
    }

    #[test]
    fn the_keymap_counts_the_rows_the_help_screen_draws() {
        let model = model();
        assert_eq!(help_lines(&model).len(), model.keymap().help_rows());
    }

    #[test]
    fn a_short_screen_says_there_is_more_below() {
        let doc = Document::from_text("A short text to read.", "t");
        let setup = Setup {
            screen: (100, 20),
            ..Setup::default()
        };
        let model = Model::open(Opened::fresh(doc), setup);
        let screen = Rect::new(0, 0, 100, 20);
        let mut buf = Buffer::empty(screen);
        render(&model, &Theme::mono(), screen, &mut buf);
        let text: String = buf.content().iter().map(|c| c.symbol()).collect();
        assert!(text.contains("↓ more"), "{text}");
        assert!(!text.contains("↑ more"), "{text}");
    }

    #[test]
    fn descriptions_line_up_in_one_column() {
        let lines = help_lines(&model());
        let bindings: Vec<&String> = lines
            .iter()
            .filter(|(text, header)| !header && !text.is_empty())
            .map(|(text, _)| text)
            .collect();
        assert!(bindings.len() > 20);
        let column = |text: &str| {
            // Descriptions start after the first run of two spaces that follows the keys.
            let keys_end = text[2..].find("  ").map_or(0, |i| i + 2);
            let rest = &text[keys_end..];
            let description = keys_end + (rest.len() - rest.trim_start().len());
            text[..description].width()
        };
        let first = column(bindings[0]);
        for text in &bindings {
            assert_eq!(column(text), first, "{text:?}");
        }
    }

    #[test]
    fn a_wide_screen_shows_every_help_line_whole() {
        let model = model();
        let screen = Rect::new(0, 0, 200, 120);
        let mut buf = Buffer::empty(screen);
        render(&model, &Theme::mono(), screen, &mut buf);
        let rows: Vec<String> = (0..screen.height)
            .map(|y| (0..screen.width).map(|x| buf[(x, y)].symbol()).collect())
            .collect();
        let shown = rows.join("\n");
        for (text, _) in help_lines(&model).iter().filter(|(t, _)| !t.is_empty()) {
            assert!(shown.contains(text.trim_end()), "{text:?} is cut");
        }
    }
}
