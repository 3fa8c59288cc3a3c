//! Styles, in one place, made from the settings' [`Palette`]. A palette without colours (the
//! mono theme, or any theme under `NO_COLOR`) falls back to bold, dim, italic, underline and
//! reverse, which any terminal shows; so does every colour the palette leaves to the terminal.

use ratatui::style::{Color, Modifier, Style};

use crate::document::Inline;
use crate::reader::Config;
use crate::reader::palette::Palette;

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    palette: Palette,
}

impl Theme {
    /// The styles the settings ask for: their palette, unless colour is off.
    pub fn new(config: &Config) -> Theme {
        let palette = if config.color && config.palette.colored && config.truecolor {
            config.palette
        } else if config.color && config.palette.colored {
            config.palette.in_256_colors()
        } else {
            Palette::mono()
        };
        Theme { palette }
    }

    /// No colour at all.
    pub fn mono() -> Theme {
        Theme {
            palette: Palette::mono(),
        }
    }

    fn colored(&self) -> bool {
        self.palette.colored
    }

    /// `style` with a foreground colour, when there is one.
    fn fg(&self, style: Style, color: Option<Color>) -> Style {
        match color {
            Some(color) if self.colored() => style.fg(color),
            _ => style,
        }
    }

    /// The ground everything is drawn on: the theme's background and text colours, if any.
    pub fn base(&self) -> Style {
        let style = self.fg(Style::default(), self.palette.text);
        match self.palette.background {
            Some(color) if self.colored() => style.bg(color),
            _ => style,
        }
    }
    pub fn text(&self) -> Style {
        self.fg(Style::default(), self.palette.text)
    }
    pub fn title(&self) -> Style {
        self.fg(
            Style::default().add_modifier(Modifier::BOLD),
            self.palette.title,
        )
    }
    pub fn heading(&self) -> Style {
        self.fg(
            Style::default().add_modifier(Modifier::BOLD),
            self.palette.heading,
        )
    }
    pub fn byline(&self) -> Style {
        self.fg(
            Style::default().add_modifier(Modifier::ITALIC),
            self.palette.text,
        )
    }
    pub fn dim(&self) -> Style {
        if self.colored() && self.palette.dim.is_some() {
            self.fg(Style::default(), self.palette.dim)
        } else {
            Style::default().add_modifier(Modifier::DIM)
        }
    }
    pub fn code(&self) -> Style {
        self.fg(Style::default(), self.palette.code)
    }
    pub fn quote_bar(&self) -> Style {
        self.fg(
            Style::default().add_modifier(Modifier::DIM),
            self.palette.quote_bar,
        )
    }
    /// The status line, set apart from the text.
    pub fn status(&self) -> Style {
        self.pair(
            self.palette.status_fg,
            self.palette.status_bg,
            Modifier::empty(),
        )
    }
    pub fn sidebar_here(&self) -> Style {
        self.fg(
            Style::default().add_modifier(Modifier::BOLD),
            self.palette.here,
        )
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
                self.palette.link,
            ),
            Inline::Strikethrough => Style::default().add_modifier(Modifier::CROSSED_OUT),
            // A reading helps the word before it; it does not compete with the text.
            Inline::Ruby => Style::default().add_modifier(Modifier::DIM),
        }
    }
    /// Bookmarked text in the reader: underlined, its colours left alone, so a search hit or
    /// a link inside a bookmark keeps the colours that make it readable (the bar in the
    /// margin carries the bookmark's colour).
    pub fn bookmarked(&self) -> Style {
        Style::default().add_modifier(Modifier::UNDERLINED)
    }
    /// The bar in the margin beside bookmarked lines, and the outline's bookmark marker.
    pub fn bookmark_bar(&self) -> Style {
        self.fg(
            Style::default().add_modifier(Modifier::BOLD),
            self.palette.bookmark,
        )
    }
    /// The mark beside the line a jump landed on, while it shows.
    pub fn landed(&self) -> Style {
        self.fg(
            Style::default().add_modifier(Modifier::BOLD),
            self.palette.landed,
        )
    }
    /// The passage being selected.
    pub fn selected(&self) -> Style {
        self.pair(
            self.palette.selection_fg,
            self.palette.selection_bg,
            Modifier::empty(),
        )
    }
    pub fn border(&self) -> Style {
        self.fg(
            Style::default().add_modifier(Modifier::DIM),
            self.palette.border,
        )
    }
    /// A search hit in the text.
    pub fn search_hit(&self) -> Style {
        if self.colored() && self.palette.hit_bg.is_some() {
            self.pair(self.palette.hit_fg, self.palette.hit_bg, Modifier::empty())
        } else {
            Style::default().add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
        }
    }
    /// The hit `n`/`N` last went to.
    pub fn search_current(&self) -> Style {
        if self.colored() && self.palette.current_bg.is_some() {
            self.pair(
                self.palette.current_fg,
                self.palette.current_bg,
                Modifier::BOLD,
            )
        } else {
            Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }
    /// An inline complaint on the prompt line.
    pub fn prompt_error(&self) -> Style {
        self.fg(
            Style::default().add_modifier(Modifier::BOLD),
            self.palette.error,
        )
    }

    /// A foreground on a background, or reverse video when the palette has no background
    /// for it (or no colour at all).
    fn pair(&self, fg: Option<Color>, bg: Option<Color>, extra: Modifier) -> Style {
        match bg {
            Some(bg) if self.colored() => {
                let style = Style::default().bg(bg).add_modifier(extra);
                self.fg(style, fg)
            }
            _ => Style::default().add_modifier(Modifier::REVERSED | extra),
        }
    }
}
