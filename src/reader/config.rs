//! The reader's settings: what the command line, the environment and the config file decide
//! (reading width and margins, colours, reading speed, the sidebar, how paragraphs and code
//! lines show). Passed in, never global, so tests run side by side with different settings.

use crate::layout::geometry::{Shape, Side};

use super::palette::{Palette, ThemeName};

/// The reading speed used for "time left": a common estimate for adult silent reading of prose.
pub const DEFAULT_WPM: usize = 238;
/// The reading speed of Chinese and Japanese, in characters a minute: their text is counted by
/// character, not by word.
pub const DEFAULT_CJK_CPM: usize = 500;
/// The default widest reading column: a comfortable measure for prose.
pub const DEFAULT_MAX_WIDTH: usize = 72;

/// Settings that come from the command line, the environment and the config file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The widest the reading column gets, in columns.
    pub max_width: usize,
    /// Columns kept blank either side of the reading column.
    pub margin: u16,
    /// Words per minute for "time left".
    pub words_per_minute: usize,
    /// Characters per minute for "time left" in Chinese and Japanese text.
    pub cjk_chars_per_minute: usize,
    /// False under `NO_COLOR`: styles use bold/dim/reverse only, whatever the theme.
    pub color: bool,
    /// The theme asked for (`auto` is resolved before the reader starts).
    pub theme: ThemeName,
    /// The colours drawn with: the theme's, with the config file's changes.
    pub palette: Palette,
    /// Code lines wider than the column go on in continuation rows instead of being cut. Starts
    /// from `--wrap-code`; the reader's toggle changes it here, so a layout rebuilt for any
    /// reason (a resize, the whole of a previewed file arriving) keeps the reader's choice.
    pub wrap_code: bool,
    /// Prose lines are spread to fill the column (the last line of a paragraph is not).
    pub justify: bool,
    /// Blank lines between paragraphs (0, 1 or 2).
    pub paragraph_spacing: u8,
    /// The sidebar shows when the session starts.
    pub sidebar: bool,
    pub sidebar_side: Side,
    /// The sidebar's width in columns; `None` sizes it to the screen.
    pub sidebar_width: Option<u16>,
    /// Right-to-left text is put in display order by quire (off: left to terminals that do it).
    pub bidi: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            max_width: DEFAULT_MAX_WIDTH,
            margin: 1,
            words_per_minute: DEFAULT_WPM,
            cjk_chars_per_minute: DEFAULT_CJK_CPM,
            color: true,
            theme: ThemeName::Auto,
            palette: Palette::dark(),
            wrap_code: false,
            justify: false,
            paragraph_spacing: 1,
            sidebar: true,
            sidebar_side: Side::Left,
            sidebar_width: None,
            bidi: true,
        }
    }
}

impl Config {
    /// How the screen is shared out, for the geometry.
    pub fn shape(&self) -> Shape {
        Shape {
            max_width: self.max_width,
            margin: self.margin,
            sidebar_side: self.sidebar_side,
            sidebar_width: self.sidebar_width,
        }
    }
}
