//! Styles, in one place. With colour off (`NO_COLOR`) every style falls back to bold, dim,
//! italic and reverse, which any terminal shows.

use ratatui::style::{Color, Modifier, Style};

use crate::document::Inline;

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    pub fn new(color: bool) -> Theme {
        Theme { color }
    }
    fn fg(&self, style: Style, color: Color) -> Style {
        if self.color { style.fg(color) } else { style }
    }
    pub fn text(&self) -> Style {
        Style::default()
    }
    pub fn title(&self) -> Style {
        self.fg(Style::default().add_modifier(Modifier::BOLD), Color::Cyan)
    }
    pub fn heading(&self) -> Style {
        self.fg(Style::default().add_modifier(Modifier::BOLD), Color::Yellow)
    }
    pub fn byline(&self) -> Style {
        Style::default().add_modifier(Modifier::ITALIC)
    }
    pub fn dim(&self) -> Style {
        Style::default().add_modifier(Modifier::DIM)
    }
    pub fn code(&self) -> Style {
        self.fg(Style::default(), Color::Green)
    }
    pub fn quote_bar(&self) -> Style {
        self.fg(Style::default().add_modifier(Modifier::DIM), Color::Blue)
    }
    pub fn status(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }
    pub fn sidebar_here(&self) -> Style {
        self.fg(Style::default().add_modifier(Modifier::BOLD), Color::Cyan)
    }
    pub fn sidebar_cursor(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }
    /// The style an inline span adds on top of its block's style.
    pub fn inline(&self, inline: Inline) -> Style {
        match inline {
            Inline::Emphasis => Style::default().add_modifier(Modifier::ITALIC),
            Inline::Strong => Style::default().add_modifier(Modifier::BOLD),
            Inline::Code => self.code(),
            Inline::Link => self.fg(
                Style::default().add_modifier(Modifier::UNDERLINED),
                Color::Blue,
            ),
            Inline::Strikethrough => Style::default().add_modifier(Modifier::CROSSED_OUT),
        }
    }
    /// Bookmarked text in the reader.
    pub fn bookmarked(&self) -> Style {
        self.fg(
            Style::default().add_modifier(Modifier::UNDERLINED),
            Color::Magenta,
        )
    }
    /// The bar in the margin beside bookmarked lines, and the outline's bookmark marker.
    pub fn bookmark_bar(&self) -> Style {
        self.fg(
            Style::default().add_modifier(Modifier::BOLD),
            Color::Magenta,
        )
    }
    /// The mark beside the line a jump landed on, while it shows.
    pub fn landed(&self) -> Style {
        self.fg(
            Style::default().add_modifier(Modifier::BOLD),
            Color::LightCyan,
        )
    }
    /// The passage being selected.
    pub fn selected(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }
    pub fn border(&self) -> Style {
        self.fg(
            Style::default().add_modifier(Modifier::DIM),
            Color::DarkGray,
        )
    }
    /// A search hit in the text.
    pub fn search_hit(&self) -> Style {
        if self.color {
            Style::default().bg(Color::Yellow).fg(Color::Black)
        } else {
            Style::default().add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
        }
    }
    /// The hit `n`/`N` last went to.
    pub fn search_current(&self) -> Style {
        if self.color {
            Style::default()
                .bg(Color::LightRed)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }
    /// An inline complaint on the prompt line.
    pub fn prompt_error(&self) -> Style {
        self.fg(Style::default().add_modifier(Modifier::BOLD), Color::Red)
    }
}
