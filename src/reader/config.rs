//! The reader's settings: what the command line and the environment decide (reading width,
//! colour, reading speed, how long code lines show). Passed in, never global, so tests run
//! side by side with different settings.

/// The reading speed used for "time left": a common estimate for adult silent reading of prose.
pub const DEFAULT_WPM: usize = 238;
/// The default widest reading column: a comfortable measure for prose.
pub const DEFAULT_MAX_WIDTH: usize = 72;

/// Settings that come from the command line and environment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The widest the reading column gets, in columns.
    pub max_width: usize,
    /// Words per minute for "time left".
    pub words_per_minute: usize,
    /// False under `NO_COLOR`: styles use bold/dim/reverse only.
    pub color: bool,
    /// Code lines wider than the column go on in continuation rows instead of being cut. Starts
    /// from `--wrap-code`; the reader's toggle changes it here, so a layout rebuilt for any
    /// reason (a resize, the whole of a previewed file arriving) keeps the reader's choice.
    pub wrap_code: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            max_width: DEFAULT_MAX_WIDTH,
            words_per_minute: DEFAULT_WPM,
            color: true,
            wrap_code: false,
        }
    }
}
