//! The keymap: which keys trigger which [`Action`] in which [`Mode`], with multi-key sequences
//! resolved through a pending prefix.
//! The defaults live in `assets/keymap.toml`; the help overlay is generated from the same map.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::action::Action;
use super::key::{Key, KeyError, parse_keys};

/// The embedded default keymap.
pub const DEFAULT_KEYMAP: &str = include_str!("../../assets/keymap.toml");

/// Which set of bindings applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    Reader,
    Outline,
    Help,
    /// Selecting a passage to bookmark.
    Select,
    /// The bookmarks panel.
    Bookmarks,
}

/// The modes in the order the help screen lists them.
pub const HELP_ORDER: [Mode; 5] = [
    Mode::Reader,
    Mode::Select,
    Mode::Bookmarks,
    Mode::Outline,
    Mode::Help,
];

impl Mode {
    /// The mode a keymap or config file calls `name` (`reader`, `outline`, `help`, `select`,
    /// `bookmarks`).
    pub fn from_name(name: &str) -> Option<Mode> {
        match name {
            "reader" => Some(Mode::Reader),
            "outline" => Some(Mode::Outline),
            "help" => Some(Mode::Help),
            "select" => Some(Mode::Select),
            "bookmarks" => Some(Mode::Bookmarks),
            _ => None,
        }
    }
    pub fn title(self) -> &'static str {
        match self {
            Mode::Reader => "Reading",
            Mode::Outline => "Outline sidebar",
            Mode::Help => "Help and other pop-ups",
            Mode::Select => "Selecting a passage",
            Mode::Bookmarks => "Bookmarks list",
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum KeymapError {
    #[error(transparent)]
    Key(#[from] KeyError),
    #[error("unknown mode [{0}]")]
    UnknownMode(String),
    #[error("unknown action {0:?}")]
    UnknownAction(String),
    #[error("keymap is not valid TOML: {0}")]
    Toml(String),
    #[error("in [{mode}], {keys} is bound to both {first} and {second}")]
    Conflict {
        mode: String,
        keys: String,
        first: String,
        second: String,
    },
}

/// The result of looking up the keys typed so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup {
    Found(Action),
    /// The keys are the start of a longer binding: wait for more.
    Prefix,
    NoMatch,
}

/// The key sequences bound to one action.
pub type Binding = (Action, Vec<Vec<Key>>);

/// Bindings for every mode, in the order the keymap file gives them (for the help overlay).
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: HashMap<Mode, Vec<Binding>>,
}

impl Keymap {
    /// The embedded defaults. They are tested to parse, so a failure here is a build defect.
    /// They are parsed once per process and copied after that: a start-up asks for them
    /// several times (settings, session, reader), and each parse took a tenth of a
    /// millisecond or more before the first frame.
    pub fn default_keymap() -> Keymap {
        static DEFAULTS: OnceLock<Keymap> = OnceLock::new();
        DEFAULTS
            .get_or_init(|| {
                Keymap::parse(DEFAULT_KEYMAP).unwrap_or_else(|_| Keymap {
                    bindings: HashMap::new(),
                })
            })
            .clone()
    }

    pub fn parse(source: &str) -> Result<Keymap, KeymapError> {
        let table: toml::Table = source
            .parse()
            .map_err(|e: toml::de::Error| KeymapError::Toml(e.to_string()))?;
        let mut bindings = HashMap::new();
        for (mode_name, actions) in table {
            let mode = Mode::from_name(&mode_name)
                .ok_or_else(|| KeymapError::UnknownMode(mode_name.clone()))?;
            let toml::Value::Table(actions) = actions else {
                return Err(KeymapError::UnknownMode(mode_name));
            };
            let mut list: Vec<Binding> = Vec::new();
            for (action_name, keys) in actions {
                let action: Action = toml::Value::String(action_name.clone())
                    .try_into()
                    .map_err(|_| KeymapError::UnknownAction(action_name.clone()))?;
                let notations: Vec<String> = keys
                    .try_into()
                    .map_err(|_| KeymapError::UnknownAction(action_name.clone()))?;
                let mut sequences = Vec::new();
                for n in &notations {
                    let seq = parse_keys(n)?;
                    if let Some((other, _)) = list.iter().find(|(_, seqs)| seqs.contains(&seq)) {
                        return Err(KeymapError::Conflict {
                            mode: mode_name.clone(),
                            keys: n.clone(),
                            first: format!("{other:?}"),
                            second: action_name.clone(),
                        });
                    }
                    sequences.push(seq);
                }
                list.push((action, sequences));
            }
            bindings.insert(mode, list);
        }
        Ok(Keymap { bindings })
    }

    pub fn lookup(&self, mode: Mode, typed: &[Key]) -> Lookup {
        let Some(list) = self.bindings.get(&mode) else {
            return Lookup::NoMatch;
        };
        let mut prefix = false;
        for (action, sequences) in list {
            for seq in sequences {
                if seq.as_slice() == typed {
                    return Lookup::Found(*action);
                }
                if seq.len() > typed.len() && seq.starts_with(typed) {
                    prefix = true;
                }
            }
        }
        if prefix {
            Lookup::Prefix
        } else {
            Lookup::NoMatch
        }
    }

    /// Bind `action` in `mode` to exactly `sequences`, replacing its keys (a settings file's
    /// `[keys.reader]` line). A sequence another action of the mode had moves to this one;
    /// those losses are returned, so they can be reported.
    pub fn rebind(
        &mut self,
        mode: Mode,
        action: Action,
        sequences: Vec<Vec<Key>>,
    ) -> Vec<(Action, Vec<Key>)> {
        let list = self.bindings.entry(mode).or_default();
        let mut taken = Vec::new();
        for (other, keys) in list.iter_mut() {
            if *other == action {
                continue;
            }
            keys.retain(|seq| {
                let clash = sequences.contains(seq);
                if clash {
                    taken.push((*other, seq.clone()));
                }
                !clash
            });
        }
        match list.iter_mut().find(|(a, _)| *a == action) {
            Some((_, keys)) => *keys = sequences,
            None => list.push((action, sequences)),
        }
        taken
    }

    /// How many rows the help screen has: per mode a title, its bindings and a blank row.
    pub fn help_rows(&self) -> usize {
        HELP_ORDER
            .iter()
            .map(|&mode| 2 + self.bindings(mode).len())
            .sum()
    }

    /// The bindings of a mode, for the help overlay.
    pub fn bindings(&self, mode: Mode) -> &[Binding] {
        self.bindings.get(&mode).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::key::parse_keys;
    use crossterm::event::KeyCode;

    fn k(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    #[test]
    fn default_keymap_parses_and_binds_the_basics() {
        let map = Keymap::parse(DEFAULT_KEYMAP).expect("default keymap");
        assert_eq!(
            map.lookup(Mode::Reader, &[k(' ')]),
            Lookup::Found(Action::PageDown)
        );
        assert_eq!(
            map.lookup(Mode::Reader, &[k('G')]),
            Lookup::Found(Action::Bottom)
        );
        assert_eq!(
            map.lookup(Mode::Outline, &[k('j')]),
            Lookup::Found(Action::OutlineDown)
        );
        assert_eq!(map.lookup(Mode::Reader, &[k('Z')]), Lookup::NoMatch);
    }

    #[test]
    fn rebinding_replaces_an_actions_keys_and_takes_them_from_others() {
        let mut map = Keymap::default_keymap();
        let x = parse_keys("x").unwrap();
        let g = parse_keys("g").unwrap();
        let taken = map.rebind(Mode::Reader, Action::PageDown, vec![x.clone(), g.clone()]);
        assert_eq!(
            map.lookup(Mode::Reader, &x),
            Lookup::Found(Action::PageDown)
        );
        assert_eq!(
            map.lookup(Mode::Reader, &g),
            Lookup::Found(Action::PageDown)
        );
        // Its old keys are gone; `g` was taken from `top`, which says so.
        assert_eq!(map.lookup(Mode::Reader, &[k(' ')]), Lookup::NoMatch);
        assert_eq!(taken, vec![(Action::Top, g)]);
        // Other modes are untouched.
        assert_eq!(
            map.lookup(Mode::Outline, &[k('g')]),
            Lookup::Found(Action::OutlineTop)
        );
    }

    #[test]
    fn sequences_report_prefixes() {
        let map = Keymap::parse("[reader]\ntop = [\"gg\"]\n").unwrap();
        assert_eq!(map.lookup(Mode::Reader, &[k('g')]), Lookup::Prefix);
        assert_eq!(
            map.lookup(Mode::Reader, &[k('g'), k('g')]),
            Lookup::Found(Action::Top)
        );
    }

    #[test]
    fn conflicts_and_unknowns_are_errors() {
        assert!(matches!(
            Keymap::parse("[reader]\ntop = [\"g\"]\nbottom = [\"g\"]\n"),
            Err(KeymapError::Conflict { .. })
        ));
        assert!(matches!(
            Keymap::parse("[reader]\nfly = [\"g\"]\n"),
            Err(KeymapError::UnknownAction(_))
        ));
        assert!(matches!(
            Keymap::parse("[nowhere]\ntop = [\"g\"]\n"),
            Err(KeymapError::UnknownMode(_))
        ));
    }
}
