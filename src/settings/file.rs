//! Reading a settings file: TOML parsed with the place of every key kept, each setting checked
//! and applied over the defaults, and every problem — a syntax error, an unknown setting, a bad
//! value, an unknown action or key — collected with its line instead of stopping anything. What
//! is wrong keeps its default; what is right is used.

use std::fmt;
use std::path::{Path, PathBuf};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::input::key::parse_keys;
use crate::input::{Action, Keymap, Mode};
use crate::layout::geometry::Side;
use crate::reader::Config;
use crate::reader::config::{MAX_READING_WIDTH, MIN_READING_WIDTH};
use crate::reader::palette::{Palette, ThemeName, parse_color};

/// One thing wrong in a settings file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: PathBuf,
    /// 1-based, when it is known.
    pub line: Option<usize>,
    /// The setting, as `section.key` (empty for a syntax error).
    pub setting: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = crate::document::sanitize::visible_line(&self.file.display().to_string());
        match self.line {
            Some(line) => write!(f, "{file}:{line}: ")?,
            None => write!(f, "{file}: ")?,
        }
        if !self.setting.is_empty() {
            write!(f, "{}: ", self.setting)?;
        }
        write!(f, "{}", self.message)
    }
}

/// The settings a file asked for, with the defaults for the rest.
#[derive(Debug, Clone)]
pub struct Applied {
    pub config: Config,
    pub keymap: Keymap,
    /// The theme's colours as the file changed them, before `auto` is resolved.
    pub colors: Vec<(String, Option<ratatui::style::Color>)>,
    pub problems: Vec<Problem>,
}

/// Apply the settings file `text` (read from `file`) over `config` and `keymap`.
pub fn apply(text: &str, file: &Path, config: Config, keymap: Keymap) -> Applied {
    let mut reading = Reading {
        text,
        file,
        applied: Applied {
            config,
            keymap,
            colors: Vec::new(),
            problems: Vec::new(),
        },
    };
    let (document, errors) = DeTable::parse_recoverable(text);
    for error in errors {
        let line = error.span().map(|span| reading.line(span.start));
        reading.applied.problems.push(Problem {
            file: file.to_path_buf(),
            line,
            setting: String::new(),
            message: format!("not valid TOML: {}", one_line(error.message())),
        });
    }
    for (section, value) in document.get_ref() {
        reading.section(section, value);
    }
    reading.applied
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

struct Reading<'a> {
    text: &'a str,
    file: &'a Path,
    applied: Applied,
}

type Key<'i> = Spanned<std::borrow::Cow<'i, str>>;
type Value<'i> = Spanned<DeValue<'i>>;

impl Reading<'_> {
    /// The 1-based line of a byte offset.
    fn line(&self, at: usize) -> usize {
        self.text[..at.min(self.text.len())].matches('\n').count() + 1
    }

    fn problem(&mut self, at: usize, setting: &str, message: impl Into<String>) {
        let line = Some(self.line(at));
        self.applied.problems.push(Problem {
            file: self.file.to_path_buf(),
            line,
            setting: setting.to_string(),
            message: message.into(),
        });
    }

    fn section(&mut self, name: &Key<'_>, value: &Value<'_>) {
        let at = name.span().start;
        let Some(table) = value.get_ref().as_table() else {
            self.problem(
                at,
                name.get_ref(),
                "expected a section ([reading], [sidebar], [theme], [keys.reader]…)",
            );
            return;
        };
        match name.get_ref().as_ref() {
            "reading" => self.each(table, "reading", Reading::reading),
            "sidebar" => self.each(table, "sidebar", Reading::sidebar),
            "theme" => self.each(table, "theme", Reading::theme),
            "keys" => {
                for (mode, bindings) in table {
                    self.keys(mode, bindings);
                }
            }
            other => self.problem(
                at,
                other,
                "unknown section (known: reading, sidebar, theme, keys)",
            ),
        }
    }

    fn each(
        &mut self,
        table: &DeTable<'_>,
        section: &str,
        apply: fn(&mut Self, &str, &Value<'_>) -> Result<(), String>,
    ) {
        for (key, value) in table {
            let setting = format!("{section}.{}", key.get_ref());
            if let Err(message) = apply(self, key.get_ref(), value) {
                self.problem(key.span().start, &setting, message);
            }
        }
    }

    fn reading(&mut self, key: &str, value: &Value<'_>) -> Result<(), String> {
        let config = &mut self.applied.config;
        match key {
            "width" => {
                config.max_width = number(value, MIN_READING_WIDTH, MAX_READING_WIDTH)?;
                config.configured_width = config.max_width;
            }
            "margin" => config.margin = number(value, 0, 20)? as u16,
            "justify" => config.justify = boolean(value)?,
            "hyphenate" => config.hyphenate = boolean(value)?,
            "paragraph_spacing" => config.paragraph_spacing = number(value, 0, 2)? as u8,
            "code_lines" => {
                config.wrap_code = match text(value)?.as_str() {
                    "cut" => false,
                    "wrap" => true,
                    _ => return Err("expected \"cut\" or \"wrap\"".into()),
                }
            }
            "words_per_minute" => config.words_per_minute = number(value, 20, 2000)?,
            "cjk_characters_per_minute" => config.cjk_chars_per_minute = number(value, 20, 5000)?,
            "bidi" => config.bidi = boolean(value)?,
            "ruby" => {
                let name = text(value)?;
                config.ruby = crate::document::Ruby::from_name(&name)
                    .ok_or("expected \"parentheses\" or \"hidden\"")?;
            }
            _ => {
                return Err(unknown(&[
                    "width",
                    "margin",
                    "justify",
                    "hyphenate",
                    "paragraph_spacing",
                    "code_lines",
                    "words_per_minute",
                    "cjk_characters_per_minute",
                    "bidi",
                    "ruby",
                ]));
            }
        }
        Ok(())
    }

    fn sidebar(&mut self, key: &str, value: &Value<'_>) -> Result<(), String> {
        let config = &mut self.applied.config;
        match key {
            "shown" => config.sidebar = boolean(value)?,
            "side" => {
                config.sidebar_side = match text(value)?.as_str() {
                    "left" => Side::Left,
                    "right" => Side::Right,
                    _ => return Err("expected \"left\" or \"right\"".into()),
                }
            }
            "width" => {
                let width = number(value, 0, 200)?;
                config.sidebar_width = (width > 0).then(|| (width as u16).max(12));
            }
            _ => return Err(unknown(&["shown", "side", "width"])),
        }
        Ok(())
    }

    fn theme(&mut self, key: &str, value: &Value<'_>) -> Result<(), String> {
        if key == "name" {
            let name = text(value)?;
            let theme = ThemeName::from_name(&name).ok_or_else(|| {
                let names: Vec<&str> = ThemeName::ALL.iter().map(|t| t.name()).collect();
                format!("unknown theme {name:?} (known: {})", names.join(", "))
            })?;
            self.applied.config.theme = theme;
            return Ok(());
        }
        let mut probe = Palette::mono();
        if probe.slot(key).is_none() {
            let mut known = vec!["name"];
            known.extend(crate::reader::palette::COLOR_NAMES);
            return Err(unknown(&known));
        }
        let written = text(value)?;
        let color = parse_color(&written).ok_or_else(|| {
            format!(
                "not a colour: {written:?} (write \"#rrggbb\", a colour's name, or \"default\")"
            )
        })?;
        self.applied.colors.push((key.to_string(), color));
        Ok(())
    }

    fn keys(&mut self, mode_name: &Key<'_>, bindings: &Value<'_>) {
        let at = mode_name.span().start;
        let setting = format!("keys.{}", mode_name.get_ref());
        let Some(mode) = Mode::from_name(mode_name.get_ref()) else {
            self.problem(
                at,
                &setting,
                "unknown mode (known: reader, outline, help, select, bookmarks)",
            );
            return;
        };
        let Some(table) = bindings.get_ref().as_table() else {
            self.problem(at, &setting, "expected a table of action = [keys]");
            return;
        };
        for (action_name, keys) in table {
            let setting = format!("{setting}.{}", action_name.get_ref());
            let at = action_name.span().start;
            match self.binding(action_name.get_ref(), keys) {
                Ok((action, sequences)) => {
                    for (other, keys) in self.applied.keymap.rebind(mode, action, sequences) {
                        let keys: String = keys.iter().map(crate::input::key::key_name).collect();
                        let message = format!(
                            "{keys} was bound to {}; it is {}'s now",
                            action_name_of(other),
                            action_name.get_ref()
                        );
                        self.problem(at, &setting, message);
                    }
                }
                Err(message) => self.problem(at, &setting, message),
            }
        }
    }

    fn binding(
        &self,
        action_name: &str,
        keys: &Value<'_>,
    ) -> Result<(Action, Vec<Vec<crate::input::Key>>), String> {
        let action: Action = toml::Value::String(action_name.to_string())
            .try_into()
            .map_err(|_| format!("unknown action {action_name:?} (the help, ?, lists them)"))?;
        let notations: Vec<String> = match keys.get_ref() {
            DeValue::String(one) => vec![one.to_string()],
            DeValue::Array(list) => list
                .iter()
                .map(|v| v.get_ref().as_str().map(str::to_string))
                .collect::<Option<_>>()
                .ok_or("expected a list of keys, like [\"j\", \"<Down>\"]")?,
            _ => return Err("expected a list of keys, like [\"j\", \"<Down>\"]".into()),
        };
        let mut sequences = Vec::new();
        for notation in notations {
            let keys = parse_keys(&notation).map_err(|e| format!("{notation:?}: {e}"))?;
            sequences.push(keys);
        }
        Ok((action, sequences))
    }
}

/// The name an action has in keymap and settings files.
pub fn action_name_of(action: Action) -> String {
    let debug = format!("{action:?}");
    let mut name = String::new();
    for (i, c) in debug.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            name.push('_');
        }
        name.push(c.to_ascii_lowercase());
    }
    name
}

fn unknown(known: &[&str]) -> String {
    format!("unknown setting (known here: {})", known.join(", "))
}

fn number(value: &Value<'_>, low: usize, high: usize) -> Result<usize, String> {
    let wrong = || format!("expected a whole number from {low} to {high}");
    let integer = value.get_ref().as_integer().ok_or_else(wrong)?;
    let n = usize::from_str_radix(integer.as_str().replace('_', "").as_str(), integer.radix())
        .map_err(|_| wrong())?;
    if (low..=high).contains(&n) {
        Ok(n)
    } else {
        Err(wrong())
    }
}

fn boolean(value: &Value<'_>) -> Result<bool, String> {
    value
        .get_ref()
        .as_bool()
        .ok_or_else(|| "expected true or false".to_string())
}

fn text(value: &Value<'_>) -> Result<String, String> {
    value
        .get_ref()
        .as_str()
        .map(|s| s.trim().to_ascii_lowercase())
        .ok_or_else(|| "expected a string in quotes".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Lookup;
    use crate::input::key::parse_keys;

    fn read(text: &str) -> Applied {
        apply(
            text,
            Path::new("config.toml"),
            Config::default(),
            Keymap::default_keymap(),
        )
    }

    #[test]
    fn settings_apply_over_the_defaults() {
        let applied = read(
            "[reading]\nwidth = 40\njustify = true\ncode_lines = \"wrap\"\n\n\
             [sidebar]\nside = \"right\"\nwidth = 30\nshown = false\n\n\
             [theme]\nname = \"sepia\"\nhit_bg = \"#ff0000\"\n",
        );
        assert!(applied.problems.is_empty(), "{:?}", applied.problems);
        let config = &applied.config;
        assert_eq!(config.max_width, 40);
        assert!(config.justify && config.wrap_code && !config.sidebar);
        assert_eq!(
            (config.sidebar_side, config.sidebar_width),
            (Side::Right, Some(30))
        );
        assert_eq!(config.theme, ThemeName::Sepia);
        assert_eq!(applied.colors.len(), 1);
        // What the file left out keeps its default.
        assert_eq!(config.words_per_minute, Config::default().words_per_minute);
    }

    #[test]
    fn keys_replace_an_actions_keys_and_say_what_they_took() {
        let applied = read("[keys.reader]\npage_down = [\"x\", \"g\"]\n");
        let x = parse_keys("x").unwrap();
        assert_eq!(
            applied.keymap.lookup(Mode::Reader, &x),
            Lookup::Found(Action::PageDown)
        );
        assert_eq!(applied.problems.len(), 1, "{:?}", applied.problems);
        let said = applied.problems[0].to_string();
        assert!(
            said.contains("config.toml:2: keys.reader.page_down: g was bound to top"),
            "{said}"
        );
    }

    #[test]
    fn every_kind_of_mistake_is_said_with_its_line_and_the_rest_still_applies() {
        let applied = read(
            "[reading]\nwidth = \"wide\"\nmargin = 3\ncolour = 1\n\n\
             [theme]\nname = \"purple\"\ntext = \"#12\"\n\n\
             [keys.reader]\nfly = [\"f\"]\npage_up = [\"<Nope>\"]\n\n\
             [keys.nowhere]\ntop = [\"g\"]\n\n[extra]\nx = 1\n",
        );
        let said: Vec<String> = applied.problems.iter().map(Problem::to_string).collect();
        let expect = [
            "config.toml:2: reading.width: expected a whole number",
            "config.toml:4: reading.colour: unknown setting",
            "config.toml:7: theme.name: unknown theme \"purple\"",
            "config.toml:8: theme.text: not a colour",
            "config.toml:11: keys.reader.fly: unknown action",
            "config.toml:12: keys.reader.page_up: \"<Nope>\": unknown key name",
            "config.toml:14: keys.nowhere: unknown mode",
            "config.toml:17: extra: unknown section",
        ];
        for (want, got) in expect.iter().zip(&said) {
            assert!(got.starts_with(want), "{got:?} should start {want:?}");
        }
        assert_eq!(said.len(), expect.len(), "{said:#?}");
        // The good setting among them was applied; the bad ones kept their defaults.
        assert_eq!(applied.config.margin, 3);
        assert_eq!(applied.config.max_width, Config::default().max_width);
    }

    #[test]
    fn ruby_is_shown_in_parentheses_or_hidden() {
        use crate::document::Ruby;
        assert_eq!(Config::default().ruby, Ruby::Parentheses);
        let applied = read("[reading]\nruby = \"hidden\"\n");
        assert!(applied.problems.is_empty(), "{:?}", applied.problems);
        assert_eq!(applied.config.ruby, Ruby::Hidden);
        let applied = read("[reading]\nruby = \"Parentheses\"\n");
        assert_eq!(applied.config.ruby, Ruby::Parentheses);
        let applied = read("[reading]\nruby = \"furigana\"\n");
        assert_eq!(applied.config.ruby, Ruby::Parentheses);
        let said = applied.problems[0].to_string();
        assert_eq!(
            said,
            "config.toml:2: reading.ruby: expected \"parentheses\" or \"hidden\""
        );
    }

    #[test]
    fn a_syntax_error_is_said_and_what_parses_is_kept() {
        let applied = read("[reading]\nwidth = 50\nmargin = = 2\n");
        assert_eq!(applied.config.max_width, 50);
        let said = applied.problems[0].to_string();
        assert!(said.starts_with("config.toml:3: not valid TOML"), "{said}");
    }

    #[test]
    fn action_names_are_the_keymaps() {
        assert_eq!(action_name_of(Action::PageDown), "page_down");
        assert_eq!(
            action_name_of(Action::OutlineToggleFold),
            "outline_toggle_fold"
        );
    }
}
