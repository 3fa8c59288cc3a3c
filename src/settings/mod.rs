//! Settings from a file: where the file is, what it says ([`mod@file`]), the default file as
//! `--generate config` prints it ([`generate`]), and the theme made concrete (`auto` decided by
//! the terminal's background). A bad file never stops the reader: what is wrong keeps its
//! default and is said once.

pub mod file;
pub mod generate;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use crate::input::Keymap;
use crate::reader::Config;
use crate::reader::palette::{Palette, ThemeName};

pub use file::Problem;

/// The settings a session runs with, and what was wrong in the file they came from.
#[derive(Debug, Clone)]
pub struct Settings {
    pub config: Config,
    pub keymap: Keymap,
    /// The file read, when there was one.
    pub file: Option<PathBuf>,
    pub problems: Vec<Problem>,
    /// The theme's colours as the file changed them (applied when the theme is resolved).
    colors: Vec<(String, Option<ratatui::style::Color>)>,
    /// Whether the terminal's background was light when last asked (remembered in the
    /// store): the first frame is drawn with it while the terminal is asked again.
    pub remembered_light: Option<bool>,
}

/// Where the settings file is: `--config FILE`, else `QUIRE_CONFIG`, else
/// `$XDG_CONFIG_HOME/quire/config.toml` (`~/.config/quire/config.toml`). The flag: whether it
/// was named (then it must exist).
pub fn locate(flag: Option<&Path>, env_value: Option<&OsStr>) -> Option<(PathBuf, bool)> {
    if let Some(path) = flag {
        return Some((path.to_path_buf(), true));
    }
    if let Some(path) = env_value.filter(|v| !v.is_empty()) {
        return Some((PathBuf::from(path), true));
    }
    let dirs = directories::ProjectDirs::from("", "", "quire")?;
    Some((dirs.config_dir().join("config.toml"), false))
}

impl Settings {
    /// The defaults, with no file.
    pub fn defaults(config: Config) -> Settings {
        Settings {
            config,
            keymap: Keymap::default_keymap(),
            file: None,
            problems: Vec::new(),
            colors: Vec::new(),
            remembered_light: None,
        }
    }

    /// Read the settings file at `path` over `base`. A file that is not there is no problem
    /// unless it was `named`.
    pub fn load(path: &Path, named: bool, base: Config) -> Settings {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound && !named => {
                return Settings::defaults(base);
            }
            Err(err) => {
                let mut settings = Settings::defaults(base);
                settings.problems.push(Problem {
                    file: path.to_path_buf(),
                    line: None,
                    setting: String::new(),
                    message: format!("cannot read it: {}", crate::document::LoadError::Io(err)),
                });
                return settings;
            }
        };
        let applied = file::apply(&text, path, base, Keymap::default_keymap());
        Settings {
            config: applied.config,
            keymap: applied.keymap,
            file: Some(path.to_path_buf()),
            problems: applied.problems,
            colors: applied.colors,
            remembered_light: None,
        }
    }

    /// The settings file at `path` over `base`, without its keys or colours: what reading a
    /// document asks of the settings. A file that cannot be read leaves `base` as it is; the
    /// problem is said where the settings are read in full ([`Settings::load`]). With no file,
    /// no key map is built: parsing the embedded one is left to the settings' own thread.
    pub fn load_config(path: &Path, base: Config) -> Config {
        match std::fs::read_to_string(path) {
            Ok(text) => file::apply(&text, path, base, Keymap::default_keymap()).config,
            Err(_) => base,
        }
    }

    /// Make the theme concrete: `auto` is light on a light terminal (`light_terminal`, when the
    /// terminal said), else dark; then the file's colour changes go on top.
    pub fn resolve_theme(&mut self, light_terminal: Option<bool>) {
        let theme = match self.config.theme {
            ThemeName::Auto if light_terminal == Some(true) => ThemeName::Light,
            ThemeName::Auto => ThemeName::Dark,
            other => other,
        };
        let mut palette = Palette::builtin(theme);
        for (name, color) in &self.colors {
            if let Some(slot) = palette.slot(name) {
                *slot = *color;
                // A colour set by hand turns colour on, even over the mono theme.
                palette.colored = true;
            }
        }
        self.config.palette = palette;
    }

    /// One line for the status line when the file had problems: which file, the first problem,
    /// and how many more.
    pub fn summary(&self) -> Option<String> {
        let first = self.problems.first()?;
        let more = self.problems.len() - 1;
        let rest = if more > 0 {
            format!(" (and {more} more: quire --check-config)")
        } else {
            String::new()
        };
        Some(format!("config: {first}{rest}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_is_found_by_flag_then_variable_then_xdg() {
        let flag = Path::new("/a/flag.toml");
        assert_eq!(
            locate(Some(flag), Some(OsStr::new("/b.toml"))),
            Some((flag.to_path_buf(), true))
        );
        assert_eq!(
            locate(None, Some(OsStr::new("/b.toml"))),
            Some((PathBuf::from("/b.toml"), true))
        );
        if let Some((path, named)) = locate(None, None) {
            assert!(!named && path.ends_with("quire/config.toml"), "{path:?}");
        }
    }

    #[test]
    fn a_missing_file_is_fine_unless_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("none.toml");
        assert!(
            Settings::load(&path, false, Config::default())
                .problems
                .is_empty()
        );
        let named = Settings::load(&path, true, Config::default());
        assert!(
            named
                .summary()
                .unwrap_or_default()
                .contains("cannot read it")
        );
    }

    #[test]
    fn a_document_reads_the_files_reading_settings_and_nothing_breaks_without_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "[reading]\nruby = \"hidden\"\nwidth = 60\n").unwrap();
        let config = Settings::load_config(&path, Config::default());
        assert_eq!(config.ruby, crate::document::Ruby::Hidden);
        assert_eq!(config.max_width, 60);
        assert_eq!(
            config.ruby,
            Settings::load(&path, true, Config::default()).config.ruby
        );
        let missing = Settings::load_config(&dir.path().join("none.toml"), Config::default());
        assert_eq!(missing.ruby, Config::default().ruby);
        assert_eq!(missing.max_width, Config::default().max_width);
    }

    #[test]
    fn auto_follows_the_terminal_and_colours_go_on_top() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "[theme]\nhit_bg = \"#010203\"\n").unwrap();
        let mut settings = Settings::load(&path, true, Config::default());
        settings.resolve_theme(Some(true));
        let light = Palette::light();
        assert_eq!(settings.config.palette.title, light.title);
        assert_eq!(
            settings.config.palette.hit_bg,
            Some(ratatui::style::Color::Rgb(1, 2, 3))
        );
        settings.resolve_theme(None);
        assert_eq!(settings.config.palette.title, Palette::dark().title);
    }
}
