//! The reader's settings: what the command line, the environment and the config file decide
//! (reading width and margins, colours, reading speed, the sidebar, how paragraphs and code
//! lines show). Passed in, never global, so tests run side by side with different settings.

use crate::document::Ruby;
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
    /// The width the settings file or `--width` asked for, which `+` and `-` started from and
    /// the reset key returns to (`max_width` may be a width remembered from an earlier session).
    pub configured_width: usize,
    /// Columns kept blank either side of the reading column.
    pub margin: u16,
    /// Words per minute for "time left".
    pub words_per_minute: usize,
    /// Characters per minute for "time left" in Chinese and Japanese text.
    pub cjk_chars_per_minute: usize,
    /// False under `NO_COLOR`: styles use bold/dim/reverse only, whatever the theme.
    pub color: bool,
    /// The terminal shows 24-bit colour; without it the palette is drawn in the nearest of 256.
    pub truecolor: bool,
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
    /// Justified prose may break long words at their syllables, with a hyphen, so its spaces
    /// stay even.
    pub hyphenate: bool,
    /// Blank lines between paragraphs (0, 1 or 2).
    pub paragraph_spacing: u8,
    /// The sidebar shows when the session starts.
    pub sidebar: bool,
    pub sidebar_side: Side,
    /// The sidebar's width in columns; `None` sizes it to the screen.
    pub sidebar_width: Option<u16>,
    /// Right-to-left text is put in display order by quire (off: left to terminals that do it).
    pub bidi: bool,
    /// How Japanese ruby is shown (a choice made when a document is read).
    pub ruby: Ruby,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            max_width: DEFAULT_MAX_WIDTH,
            configured_width: DEFAULT_MAX_WIDTH,
            margin: 1,
            words_per_minute: DEFAULT_WPM,
            cjk_chars_per_minute: DEFAULT_CJK_CPM,
            color: true,
            truecolor: true,
            theme: ThemeName::Auto,
            palette: Palette::dark(),
            wrap_code: false,
            justify: false,
            hyphenate: true,
            paragraph_spacing: 1,
            sidebar: true,
            sidebar_side: Side::Left,
            sidebar_width: None,
            bidi: true,
            ruby: Ruby::Parentheses,
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

/// The store's name for the reading width chosen with `+` and `-`.
pub const REMEMBERED_WIDTH: &str = "reading.width";
/// The store's name for whether the sidebar was last shown or hidden.
pub const REMEMBERED_SIDEBAR: &str = "sidebar.shown";
/// The store's name for the terminal's background as last asked: `light` or `dark`.
pub const REMEMBERED_BACKGROUND: &str = "terminal.background";

/// Whether the terminal's background was light when last asked, if the store remembers.
pub fn remembered_light(remembered: &[(String, String)]) -> Option<bool> {
    let (_, value) = remembered
        .iter()
        .find(|(key, _)| key == REMEMBERED_BACKGROUND)?;
    match value.as_str() {
        "light" => Some(true),
        "dark" => Some(false),
        _ => None,
    }
}

impl Config {
    /// Take the choices the reader made in earlier sessions (from the store) over the settings
    /// file's; what cannot be read is passed over. `width_given` keeps a `--width` from the
    /// command line over a remembered width.
    pub fn apply_remembered(&mut self, remembered: &[(String, String)], width_given: bool) {
        for (key, value) in remembered {
            match key.as_str() {
                REMEMBERED_WIDTH if !width_given => {
                    if let Ok(width) = value.parse::<usize>() {
                        self.max_width = width.clamp(MIN_READING_WIDTH, MAX_READING_WIDTH);
                    }
                }
                REMEMBERED_SIDEBAR => match value.as_str() {
                    "true" => self.sidebar = true,
                    "false" => self.sidebar = false,
                    _ => {}
                },
                _ => {}
            }
        }
    }
}

/// The narrowest reading column `-` goes to.
pub const MIN_READING_WIDTH: usize = 20;
/// The widest reading column a setting may ask for.
pub const MAX_READING_WIDTH: usize = 1000;

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn remembered_choices_override_the_file_but_not_the_command_line() {
        let mut config = Config {
            max_width: 60,
            configured_width: 60,
            ..Config::default()
        };
        let remembered = pairs(&[(REMEMBERED_WIDTH, "48"), (REMEMBERED_SIDEBAR, "false")]);
        config.apply_remembered(&remembered, false);
        assert_eq!((config.max_width, config.sidebar), (48, false));
        assert_eq!(config.configured_width, 60);

        let mut given = Config::default();
        given.apply_remembered(&remembered, true);
        assert_eq!((given.max_width, given.sidebar), (DEFAULT_MAX_WIDTH, false));
    }

    #[test]
    fn unreadable_remembered_values_are_passed_over() {
        let mut config = Config::default();
        let remembered = pairs(&[
            (REMEMBERED_WIDTH, "wide"),
            (REMEMBERED_SIDEBAR, "maybe"),
            ("unknown.key", "1"),
        ]);
        config.apply_remembered(&remembered, false);
        assert_eq!(config, Config::default());
        config.apply_remembered(&pairs(&[(REMEMBERED_WIDTH, "5")]), false);
        assert_eq!(config.max_width, MIN_READING_WIDTH);
    }

    #[test]
    fn the_remembered_background_is_light_dark_or_unknown() {
        assert_eq!(
            remembered_light(&pairs(&[(REMEMBERED_BACKGROUND, "light")])),
            Some(true)
        );
        assert_eq!(
            remembered_light(&pairs(&[(REMEMBERED_BACKGROUND, "dark")])),
            Some(false)
        );
        assert_eq!(
            remembered_light(&pairs(&[(REMEMBERED_BACKGROUND, "grey")])),
            None
        );
        assert_eq!(remembered_light(&pairs(&[(REMEMBERED_WIDTH, "60")])), None);
    }
}
