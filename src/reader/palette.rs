//! Colour themes as data: a [`Palette`] names a colour for each thing the screen shows (text,
//! titles, hits, bookmarks, the status line…), and the built-in themes are palettes — dark,
//! light, sepia, high contrast, and mono (no colour at all: bold, dim and reverse only). A
//! config file can start from one and change any colour. `ui::theme` turns a palette into
//! styles; the contrast each built-in keeps is checked by its tests.

use ratatui::style::Color;

/// The built-in themes, and `Auto`, which is dark or light after the terminal's background.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeName {
    Auto,
    Dark,
    Light,
    Sepia,
    HighContrast,
    Mono,
}

impl ThemeName {
    pub const ALL: [ThemeName; 6] = [
        ThemeName::Auto,
        ThemeName::Dark,
        ThemeName::Light,
        ThemeName::Sepia,
        ThemeName::HighContrast,
        ThemeName::Mono,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ThemeName::Auto => "auto",
            ThemeName::Dark => "dark",
            ThemeName::Light => "light",
            ThemeName::Sepia => "sepia",
            ThemeName::HighContrast => "high-contrast",
            ThemeName::Mono => "mono",
        }
    }

    pub fn from_name(name: &str) -> Option<ThemeName> {
        let name = name.trim().to_ascii_lowercase().replace('_', "-");
        ThemeName::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// The colours of a theme. `None` leaves the terminal's own (its default foreground or
/// background); a palette without colours at all ([`Palette::mono`]) is drawn with bold,
/// dim, underline and reverse alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Palette {
    /// Drawn with colours at all (false for mono and under `NO_COLOR`).
    pub colored: bool,
    pub background: Option<Color>,
    pub text: Option<Color>,
    pub dim: Option<Color>,
    pub title: Option<Color>,
    pub heading: Option<Color>,
    pub code: Option<Color>,
    pub link: Option<Color>,
    pub quote_bar: Option<Color>,
    pub status_fg: Option<Color>,
    pub status_bg: Option<Color>,
    pub here: Option<Color>,
    pub bookmark: Option<Color>,
    pub landed: Option<Color>,
    pub border: Option<Color>,
    pub hit_fg: Option<Color>,
    pub hit_bg: Option<Color>,
    pub current_fg: Option<Color>,
    pub current_bg: Option<Color>,
    pub selection_fg: Option<Color>,
    pub selection_bg: Option<Color>,
    pub error: Option<Color>,
}

/// The names a config file gives the palette's colours, in the order `--generate config`
/// lists them.
pub const COLOR_NAMES: [&str; 21] = [
    "background",
    "text",
    "dim",
    "title",
    "heading",
    "code",
    "link",
    "quote_bar",
    "status_fg",
    "status_bg",
    "here",
    "bookmark",
    "landed",
    "border",
    "hit_fg",
    "hit_bg",
    "current_fg",
    "current_bg",
    "selection_fg",
    "selection_bg",
    "error",
];

const fn rgb(r: u8, g: u8, b: u8) -> Option<Color> {
    Some(Color::Rgb(r, g, b))
}

impl Palette {
    /// The palette of a built-in theme (`Auto` is dark until the terminal says otherwise).
    pub fn builtin(name: ThemeName) -> Palette {
        match name {
            ThemeName::Auto | ThemeName::Dark => Palette::dark(),
            ThemeName::Light => Palette::light(),
            ThemeName::Sepia => Palette::sepia(),
            ThemeName::HighContrast => Palette::high_contrast(),
            ThemeName::Mono => Palette::mono(),
        }
    }

    /// For a dark terminal: its own background and text, soft colours around them.
    pub fn dark() -> Palette {
        Palette {
            colored: true,
            background: None,
            text: None,
            dim: rgb(0x8a, 0x8f, 0x98),
            title: rgb(0x7f, 0xd4, 0xe6),
            heading: rgb(0xe8, 0xc5, 0x6a),
            code: rgb(0x9c, 0xd6, 0x8a),
            link: rgb(0x82, 0xaa, 0xff),
            quote_bar: rgb(0x5f, 0x87, 0xd7),
            status_fg: rgb(0x10, 0x12, 0x16),
            status_bg: rgb(0xc8, 0xcc, 0xd4),
            here: rgb(0x7f, 0xd4, 0xe6),
            bookmark: rgb(0xe0, 0x8c, 0xd8),
            landed: rgb(0x7f, 0xd4, 0xe6),
            border: rgb(0x58, 0x5e, 0x68),
            hit_fg: rgb(0x10, 0x12, 0x16),
            hit_bg: rgb(0xe8, 0xc5, 0x6a),
            current_fg: rgb(0x10, 0x12, 0x16),
            current_bg: rgb(0xff, 0x87, 0x6e),
            selection_fg: rgb(0x10, 0x12, 0x16),
            selection_bg: rgb(0x9f, 0xc3, 0xf0),
            error: rgb(0xff, 0x6e, 0x6e),
        }
    }

    /// For a light terminal: its own background and text, deeper colours around them.
    pub fn light() -> Palette {
        Palette {
            colored: true,
            background: None,
            text: None,
            dim: rgb(0x6b, 0x70, 0x78),
            title: rgb(0x00, 0x5f, 0x87),
            heading: rgb(0x87, 0x50, 0x00),
            code: rgb(0x2e, 0x6b, 0x1f),
            link: rgb(0x1f, 0x4f, 0xbf),
            quote_bar: rgb(0x5f, 0x87, 0xd7),
            status_fg: rgb(0xfa, 0xfa, 0xfa),
            status_bg: rgb(0x3a, 0x3f, 0x48),
            here: rgb(0x00, 0x5f, 0x87),
            bookmark: rgb(0x9b, 0x1f, 0x8f),
            landed: rgb(0x00, 0x5f, 0x87),
            border: rgb(0xa0, 0xa4, 0xaa),
            hit_fg: rgb(0x10, 0x10, 0x10),
            hit_bg: rgb(0xf5, 0xd0, 0x45),
            current_fg: rgb(0xff, 0xff, 0xff),
            current_bg: rgb(0xb8, 0x2b, 0x1e),
            selection_fg: rgb(0x10, 0x10, 0x10),
            selection_bg: rgb(0xa8, 0xc8, 0xf0),
            error: rgb(0xb0, 0x00, 0x20),
        }
    }

    /// Brown ink on warm paper, whatever the terminal's own colours.
    pub fn sepia() -> Palette {
        Palette {
            colored: true,
            background: rgb(0xf4, 0xec, 0xd8),
            text: rgb(0x3b, 0x2f, 0x22),
            dim: rgb(0x7d, 0x6b, 0x55),
            title: rgb(0x6b, 0x3a, 0x10),
            heading: rgb(0x7a, 0x45, 0x12),
            code: rgb(0x44, 0x5a, 0x1e),
            link: rgb(0x2f, 0x4f, 0x8a),
            quote_bar: rgb(0xa8, 0x8b, 0x62),
            status_fg: rgb(0xf4, 0xec, 0xd8),
            status_bg: rgb(0x5a, 0x46, 0x30),
            here: rgb(0x6b, 0x3a, 0x10),
            bookmark: rgb(0x8a, 0x1f, 0x4a),
            landed: rgb(0x6b, 0x3a, 0x10),
            border: rgb(0xb0, 0x9a, 0x7a),
            hit_fg: rgb(0x2a, 0x20, 0x10),
            hit_bg: rgb(0xe8, 0xc0, 0x60),
            current_fg: rgb(0xff, 0xf8, 0xe8),
            current_bg: rgb(0x9a, 0x2e, 0x14),
            selection_fg: rgb(0x2a, 0x20, 0x10),
            selection_bg: rgb(0xa6, 0xbc, 0xcc),
            error: rgb(0x9a, 0x10, 0x10),
        }
    }

    /// White on black with the strongest colours, for low vision and bright rooms.
    pub fn high_contrast() -> Palette {
        Palette {
            colored: true,
            background: rgb(0, 0, 0),
            text: rgb(0xff, 0xff, 0xff),
            dim: rgb(0xc0, 0xc0, 0xc0),
            title: rgb(0x00, 0xff, 0xff),
            heading: rgb(0xff, 0xff, 0x00),
            code: rgb(0x00, 0xff, 0x00),
            link: rgb(0x80, 0xc0, 0xff),
            quote_bar: rgb(0x80, 0xc0, 0xff),
            status_fg: rgb(0, 0, 0),
            status_bg: rgb(0xff, 0xff, 0xff),
            here: rgb(0x00, 0xff, 0xff),
            bookmark: rgb(0xff, 0x80, 0xff),
            landed: rgb(0x00, 0xff, 0xff),
            border: rgb(0xc0, 0xc0, 0xc0),
            hit_fg: rgb(0, 0, 0),
            hit_bg: rgb(0xff, 0xff, 0x00),
            current_fg: rgb(0, 0, 0),
            current_bg: rgb(0xff, 0x80, 0x00),
            selection_fg: rgb(0, 0, 0),
            selection_bg: rgb(0x80, 0xc0, 0xff),
            error: rgb(0xff, 0x50, 0x50),
        }
    }

    /// No colour at all.
    pub fn mono() -> Palette {
        Palette::default()
    }

    /// The colour a config file calls `name`, to set.
    /// The palette for a terminal that shows 256 colours but not 24-bit ones: each RGB colour
    /// becomes the nearest of xterm's 6×6×6 cube and grey ramp (others are kept as they are).
    pub fn in_256_colors(mut self) -> Palette {
        for name in COLOR_NAMES {
            if let Some(slot) = self.slot(name)
                && let Some(Color::Rgb(r, g, b)) = *slot
            {
                *slot = Some(Color::Indexed(nearest_256(r, g, b)));
            }
        }
        self
    }

    pub fn slot(&mut self, name: &str) -> Option<&mut Option<Color>> {
        Some(match name {
            "background" => &mut self.background,
            "text" => &mut self.text,
            "dim" => &mut self.dim,
            "title" => &mut self.title,
            "heading" => &mut self.heading,
            "code" => &mut self.code,
            "link" => &mut self.link,
            "quote_bar" => &mut self.quote_bar,
            "status_fg" => &mut self.status_fg,
            "status_bg" => &mut self.status_bg,
            "here" => &mut self.here,
            "bookmark" => &mut self.bookmark,
            "landed" => &mut self.landed,
            "border" => &mut self.border,
            "hit_fg" => &mut self.hit_fg,
            "hit_bg" => &mut self.hit_bg,
            "current_fg" => &mut self.current_fg,
            "current_bg" => &mut self.current_bg,
            "selection_fg" => &mut self.selection_fg,
            "selection_bg" => &mut self.selection_bg,
            "error" => &mut self.error,
            _ => return None,
        })
    }
}

/// A colour as a config file writes it: `#rrggbb`, or a terminal colour's name ("red",
/// "light-blue", "dark-gray"…), or "default" for the terminal's own.
/// The xterm-256 index nearest an RGB colour: the closer of the colour cube's nearest entry
/// and the grey ramp's (the 16 system colours are left out: terminals redefine them).
pub fn nearest_256(r: u8, g: u8, b: u8) -> u8 {
    const LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];
    let level = |v: u8| -> usize {
        (0..6)
            .min_by_key(|&i| (i32::from(LEVELS[i]) - i32::from(v)).abs())
            .unwrap_or(0)
    };
    let distance = |(r2, g2, b2): (u8, u8, u8)| -> i32 {
        let d = |a: u8, b: u8| (i32::from(a) - i32::from(b)).pow(2);
        d(r, r2) + d(g, g2) + d(b, b2)
    };
    let (ri, gi, bi) = (level(r), level(g), level(b));
    let cube = (LEVELS[ri], LEVELS[gi], LEVELS[bi]);
    let cube_index = 16 + 36 * ri + 6 * gi + bi;
    // The grey ramp: 24 greys from 8 to 238 in steps of 10.
    let mean = (u32::from(r) + u32::from(g) + u32::from(b)) / 3;
    let grey_step = (mean.saturating_sub(3) / 10).min(23) as u8;
    let grey_value = 8 + 10 * grey_step;
    let grey = (grey_value, grey_value, grey_value);
    if distance(grey) < distance(cube) {
        232 + grey_step
    } else {
        cube_index as u8
    }
}

pub fn parse_color(text: &str) -> Option<Option<Color>> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("default") || text.eq_ignore_ascii_case("none") {
        return Some(None);
    }
    if let Some(hex) = text.strip_prefix('#') {
        if hex.len() != 6 || !hex.is_ascii() {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        return Some(Some(Color::Rgb(byte(0)?, byte(2)?, byte(4)?)));
    }
    text.parse::<Color>().ok().map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sRGB relative luminance of a colour (WCAG 2).
    fn luminance(color: Color) -> f64 {
        let Color::Rgb(r, g, b) = color else {
            panic!("built-in colours are RGB: {color:?}");
        };
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }

    /// How far apart two colours are in sRGB, channel by channel.
    fn distance(a: Color, b: Color) -> f64 {
        let (Color::Rgb(r1, g1, b1), Color::Rgb(r2, g2, b2)) = (a, b) else {
            panic!("built-in colours are RGB");
        };
        let d = |x: u8, y: u8| (f64::from(x) - f64::from(y)).powi(2);
        (d(r1, r2) + d(g1, g2) + d(b1, b2)).sqrt()
    }

    fn contrast(a: Color, b: Color) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    /// What a theme that leaves the terminal's own colours is drawn on: a typical dark or
    /// light terminal.
    fn assumed(name: ThemeName) -> (Color, Color) {
        match name {
            ThemeName::Light => (Color::Rgb(0xff, 0xff, 0xff), Color::Rgb(0x20, 0x20, 0x20)),
            _ => (Color::Rgb(0x1c, 0x1c, 0x1c), Color::Rgb(0xd0, 0xd0, 0xd0)),
        }
    }

    #[test]
    fn every_colored_theme_keeps_what_matters_apart() {
        for name in [
            ThemeName::Dark,
            ThemeName::Light,
            ThemeName::Sepia,
            ThemeName::HighContrast,
        ] {
            let p = Palette::builtin(name);
            let (screen, ink) = assumed(name);
            let background = p.background.unwrap_or(screen);
            let text = p.text.unwrap_or(ink);
            let on = |fg: Option<Color>, bg: Option<Color>| {
                contrast(fg.unwrap_or(text), bg.unwrap_or(background))
            };
            let checks = [
                ("text", on(p.text, None), 7.0),
                ("hit", on(p.hit_fg, p.hit_bg), 4.5),
                ("current hit", on(p.current_fg, p.current_bg), 4.5),
                ("selection", on(p.selection_fg, p.selection_bg), 4.5),
                ("status", on(p.status_fg, p.status_bg), 4.5),
                ("bookmark", on(p.bookmark, None), 3.0),
                ("heading", on(p.heading, None), 3.0),
                ("dim leftovers", on(p.dim, None), 2.5),
            ];
            for (what, ratio, floor) in checks {
                assert!(
                    ratio >= floor,
                    "{name:?}: {what} contrast {ratio:.2} < {floor}"
                );
            }
            // Dim text must still read as less than text, not the same.
            assert!(
                on(p.dim, None) < on(p.text, None) * 0.9,
                "{name:?}: dim is not dimmer"
            );
            // The current hit stands out from the other hits, and a hit from a selection: by
            // lightness, or by hue (far apart in colour even when as light).
            let apart = |a: Option<Color>, b: Option<Color>| {
                let (a, b) = (a.unwrap_or(background), b.unwrap_or(background));
                contrast(a, b) >= 1.4 || distance(a, b) >= 120.0
            };
            assert!(
                apart(p.hit_bg, p.current_bg),
                "{name:?}: current hit vs hits"
            );
            assert!(
                apart(p.hit_bg, p.selection_bg),
                "{name:?}: hits vs selection"
            );
            assert!(
                apart(p.current_bg, p.selection_bg),
                "{name:?}: current vs selection"
            );
        }
    }

    #[test]
    fn colours_parse_as_a_config_writes_them() {
        assert_eq!(parse_color("#ff8000"), Some(Some(Color::Rgb(255, 128, 0))));
        assert_eq!(parse_color("red"), Some(Some(Color::Red)));
        assert_eq!(parse_color("default"), Some(None));
        assert_eq!(parse_color("#ff80"), None);
        assert_eq!(parse_color("chartreuse-ish"), None);
        for name in ThemeName::ALL {
            assert_eq!(ThemeName::from_name(name.name()), Some(name));
        }
        assert_eq!(
            ThemeName::from_name("High_Contrast"),
            Some(ThemeName::HighContrast)
        );
    }

    #[test]
    fn rgb_colours_map_to_their_nearest_of_256() {
        assert_eq!(nearest_256(0, 0, 0), 16);
        assert_eq!(nearest_256(255, 255, 255), 231);
        assert_eq!(nearest_256(255, 0, 0), 196);
        assert_eq!(nearest_256(128, 128, 128), 244);
        assert_eq!(nearest_256(0, 95, 135), 24);
        let palette = Palette::dark().in_256_colors();
        assert!(
            COLOR_NAMES
                .iter()
                .filter_map(|name| {
                    let mut copy = palette;
                    copy.slot(name).and_then(|color| *color)
                })
                .all(|c| matches!(c, Color::Indexed(_))),
            "{palette:?}"
        );
    }
}
