//! The help overlay, generated from the keymap itself so it can never list a binding that
//! does not exist.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::theme::Theme;
use crate::keymap::{Mode, key_name};
use crate::model::Model;

/// The help text, one row per binding: "keys  description", grouped by mode.
pub fn help_lines(model: &Model) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    for mode in [
        Mode::Reader,
        Mode::Select,
        Mode::Bookmarks,
        Mode::Outline,
        Mode::Help,
    ] {
        out.push((mode.title().to_string(), true));
        for (action, sequences) in model.keymap.bindings(mode) {
            let keys: Vec<String> = sequences
                .iter()
                .map(|seq| seq.iter().map(key_name).collect::<String>())
                .collect();
            out.push((
                format!("  {:<28} {}", keys.join(" "), action.describe()),
                false,
            ));
        }
        out.push((String::new(), false));
    }
    out
}

pub fn render(model: &Model, theme: &Theme, screen: Rect, buf: &mut Buffer) {
    let area = super::geometry::popup_area(screen, 64);
    Clear.render(area, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(" quire help · q closes ");
    let inner = block.inner(area);
    block.render(area, buf);
    let lines = help_lines(model);
    let scroll = model
        .help_scroll
        .min(lines.len().saturating_sub(inner.height as usize));
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
