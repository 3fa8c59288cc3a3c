//! The default settings file, as `quire --generate config` prints it: every setting with its
//! default value and a comment saying what it does, and every key binding (commented out, so
//! the defaults hold until a line is taken in). Made from the defaults themselves, so it can
//! never disagree with them; a test reads it back.

use std::fmt::Write as _;

use crate::input::key::key_name;
use crate::input::keymap::HELP_ORDER;
use crate::input::{Keymap, Mode};
use crate::layout::geometry::Side;
use crate::reader::Config;
use crate::reader::palette::COLOR_NAMES;

use super::file::action_name_of;

/// The whole default settings file.
pub fn default_file() -> String {
    let config = Config::default();
    let mut out = String::new();
    let _ = write!(
        out,
        "\
# quire's settings. Every setting is optional: leave one out, or keep it commented with `#`,
# and quire uses the default shown here. quire reads this file from
# $XDG_CONFIG_HOME/quire/config.toml (usually ~/.config/quire/config.toml), or from the file
# named by --config FILE or the QUIRE_CONFIG variable. `quire --check-config` says what is
# wrong in it; a mistake never stops the reader, which says so and keeps the default.

[reading]
# The widest the reading column gets, in columns. + and - change it while reading, = resets it
# to this, and the width chosen is remembered.
width = {width}
# Blank columns kept either side of the reading column.
margin = {margin}
# Spread the words of each prose line to fill the column (the last line of a paragraph is not).
justify = {justify}
# With justify on, break long words at their syllables (with a hyphen) where that keeps the
# spaces of a line even. Words are broken by the patterns of the text's language: English,
# German, French, Spanish, Italian, Portuguese or Russian; text in other languages is not broken.
hyphenate = {hyphenate}
# Blank lines between paragraphs: 0, 1 or 2.
paragraph_spacing = {spacing}
# Code lines wider than the column: \"cut\" at the column (w shows the rest), or \"wrap\" them.
code_lines = \"{code}\"
# Reading speed for the time left: words a minute, and characters a minute for Chinese and
# Japanese, which are counted by character.
words_per_minute = {wpm}
cjk_characters_per_minute = {cpm}
# Put right-to-left text (Hebrew, Arabic) in display order. Off leaves that to a terminal that
# reorders text itself.
bidi = {bidi}
# Japanese ruby, the reading of a word (Aozora Bunko's 漢字《かんじ》): \"parentheses\" writes it
# after its word, 漢字(かんじ); \"hidden\" shows the word alone. --ruby overrides this.
ruby = \"{ruby}\"

[sidebar]
# The outline shows when quire starts. Tab hides and shows it; that choice is remembered.
shown = {shown}
# \"left\" or \"right\".
side = \"{side}\"
# Its width in columns; 0 sizes it to the screen (a quarter of it, 20 to 36 columns).
width = {sidebar_width}

[theme]
# auto, dark, light, sepia, high-contrast or mono. auto asks the terminal for its background
# and picks dark or light; NO_COLOR turns colour off whatever the theme.
name = \"{theme}\"
# Any colour of the theme can be changed: \"#rrggbb\", a terminal colour's name (\"red\",
# \"light-blue\", \"dark-gray\"…), or \"default\" for the terminal's own.
",
        width = config.max_width,
        margin = config.margin,
        justify = config.justify,
        hyphenate = config.hyphenate,
        spacing = config.paragraph_spacing,
        code = if config.wrap_code { "wrap" } else { "cut" },
        wpm = config.words_per_minute,
        cpm = config.cjk_chars_per_minute,
        bidi = config.bidi,
        ruby = config.ruby.name(),
        shown = config.sidebar,
        side = match config.sidebar_side {
            Side::Left => "left",
            Side::Right => "right",
        },
        sidebar_width = config.sidebar_width.unwrap_or(0),
        theme = config.theme.name(),
    );
    for name in COLOR_NAMES {
        let _ = writeln!(out, "# {name} = \"default\"");
    }
    out.push_str(
        "
# Keys, per mode: each line gives an action all its keys, replacing its defaults (a key taken
# from another action is said). Notation: a character stands for itself, special keys go in
# angle brackets (<Space> <Enter> <Esc> <Tab> <BS> <Up> <Down> <Left> <Right> <PageUp>
# <PageDown> <Home> <End> <lt>), <C-x> is Ctrl+x, <A-x> Alt+x, and keys in a row make a
# sequence (\"gg\"). The lines below are the defaults.
",
    );
    let keymap = Keymap::default_keymap();
    for mode in HELP_ORDER {
        let _ = writeln!(out, "\n[keys.{}]", mode_name(mode));
        for (action, sequences) in keymap.bindings(mode) {
            let keys: Vec<String> = sequences
                .iter()
                .map(|seq| format!("\"{}\"", notation(seq)))
                .collect();
            let _ = writeln!(
                out,
                "# {} = [{}]  # {}",
                action_name_of(*action),
                keys.join(", "),
                action.describe()
            );
        }
    }
    out
}

fn mode_name(mode: Mode) -> &'static str {
    match mode {
        Mode::Reader => "reader",
        Mode::Outline => "outline",
        Mode::Help => "help",
        Mode::Select => "select",
        Mode::Bookmarks => "bookmarks",
    }
}

/// A key sequence in the notation the keymap file reads.
fn notation(keys: &[crate::input::Key]) -> String {
    keys.iter()
        .map(|key| match key_name(key).as_str() {
            "Space" => "<Space>".to_string(),
            "Enter" => "<Enter>".into(),
            "Esc" => "<Esc>".into(),
            "Tab" => "<Tab>".into(),
            "S-Tab" => "<BackTab>".into(),
            "BS" => "<BS>".into(),
            "Del" => "<Del>".into(),
            "↑" => "<Up>".into(),
            "↓" => "<Down>".into(),
            "←" => "<Left>".into(),
            "→" => "<Right>".into(),
            "PgUp" => "<PageUp>".into(),
            "PgDn" => "<PageDown>".into(),
            "Home" => "<Home>".into(),
            "End" => "<End>".into(),
            "<" => "<lt>".into(),
            "\"" => "\\\"".into(),
            "\\" => "\\\\".into(),
            name if name.starts_with("Ctrl-") => format!("<C-{}>", &name[5..]),
            name if name.starts_with("Alt-") => format!("<A-{}>", &name[4..]),
            name => name.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Lookup;
    use crate::input::key::parse_keys;
    use crate::settings::file::apply;

    #[test]
    fn the_default_file_reads_back_as_the_defaults() {
        let text = default_file();
        let applied = apply(
            &text,
            std::path::Path::new("config.toml"),
            Config::default(),
            Keymap::default_keymap(),
        );
        assert!(applied.problems.is_empty(), "{:?}", applied.problems);
        assert_eq!(applied.config, Config::default());
        assert!(text.contains("width = 72") && text.contains("name = \"auto\""));
    }

    #[test]
    fn every_commented_binding_reads_back_as_its_default() {
        // Taking every key line in must change nothing.
        let text: String = default_file()
            .lines()
            .map(|line| {
                let taken = line.strip_prefix("# ").filter(|l| l.contains(" = [\""));
                match taken {
                    Some(binding) => binding.split("  # ").next().unwrap_or("").to_string(),
                    None => line.to_string(),
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        let applied = apply(
            &text,
            std::path::Path::new("config.toml"),
            Config::default(),
            Keymap::default_keymap(),
        );
        assert!(applied.problems.is_empty(), "{:?}", applied.problems);
        let defaults = Keymap::default_keymap();
        for mode in HELP_ORDER {
            assert_eq!(
                applied.keymap.bindings(mode),
                defaults.bindings(mode),
                "{mode:?}"
            );
        }
        let space = parse_keys("<Space>").unwrap();
        assert_eq!(
            applied.keymap.lookup(Mode::Reader, &space),
            Lookup::Found(crate::input::Action::PageDown)
        );
    }
}
