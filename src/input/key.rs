//! One key press and its notation: `Key` (Shift folded into the character, Ctrl and Alt as
//! flags), parsing notation such as `gg`, `<C-d>` or `<Space>` into keys, and naming a key for
//! the help screen. Knows nothing of what keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One key press, normalised: Shift is folded into the character it produced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub fn plain(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }
}

impl From<KeyEvent> for Key {
    fn from(event: KeyEvent) -> Key {
        let code = match event.code {
            // Terminals report Shift+Tab as BackTab; letters arrive already in their case.
            KeyCode::Char(c) if event.modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            other => other,
        };
        Key {
            code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
            alt: event.modifiers.contains(KeyModifiers::ALT),
        }
    }
}

/// Key notation that does not parse.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum KeyError {
    #[error("unknown key name <{0}>")]
    UnknownKey(String),
    #[error("unclosed '<' in key notation {0:?}")]
    Unclosed(String),
    #[error("empty key notation")]
    Empty,
}

/// Parse a key sequence in notation (`gg`, `<C-d>`, `<Space>`).
pub fn parse_keys(notation: &str) -> Result<Vec<Key>, KeyError> {
    let mut keys = Vec::new();
    let mut rest = notation;
    while let Some(c) = rest.chars().next() {
        if c == '<' && rest.len() > 1 {
            let Some(close) = rest.find('>') else {
                return Err(KeyError::Unclosed(notation.to_string()));
            };
            // "<>" would be an empty name; treat "<" followed by ">" literally only as "<".
            let name = &rest[1..close];
            keys.push(parse_named(name)?);
            rest = &rest[close + 1..];
        } else {
            keys.push(Key::plain(KeyCode::Char(c)));
            rest = &rest[c.len_utf8()..];
        }
    }
    if keys.is_empty() {
        return Err(KeyError::Empty);
    }
    Ok(keys)
}

fn parse_named(name: &str) -> Result<Key, KeyError> {
    let unknown = || KeyError::UnknownKey(name.to_string());
    let (ctrl, alt, base) = if let Some(base) = name.strip_prefix("C-") {
        (true, false, base)
    } else if let Some(base) = name.strip_prefix("A-") {
        (false, true, base)
    } else {
        (false, false, name)
    };
    let code = match base.to_ascii_lowercase().as_str() {
        "space" => KeyCode::Char(' '),
        "enter" | "cr" | "return" => KeyCode::Enter,
        "esc" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" | "s-tab" => KeyCode::BackTab,
        "bs" | "backspace" => KeyCode::Backspace,
        "del" | "delete" => KeyCode::Delete,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "pageup" => KeyCode::PageUp,
        "pagedown" => KeyCode::PageDown,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "lt" => KeyCode::Char('<'),
        "gt" => KeyCode::Char('>'),
        _ => {
            let mut chars = base.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => KeyCode::Char(if ctrl { c.to_ascii_lowercase() } else { c }),
                _ => return Err(unknown()),
            }
        }
    };
    Ok(Key { code, ctrl, alt })
}

/// Notation for a key, as the help overlay shows it.
pub fn key_name(key: &Key) -> String {
    let base = match key.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) if !key.ctrl && !key.alt => return c.to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "S-Tab".into(),
        KeyCode::Backspace => "BS".into(),
        KeyCode::Delete => "Del".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        other => format!("{other:?}"),
    };
    match (key.ctrl, key.alt) {
        (true, _) => format!("Ctrl-{base}"),
        (_, true) => format!("Alt-{base}"),
        _ => base,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    #[test]
    fn notation_parses() {
        assert_eq!(parse_keys("gg").unwrap(), vec![k('g'), k('g')]);
        assert_eq!(
            parse_keys("<C-d>").unwrap(),
            vec![Key {
                code: KeyCode::Char('d'),
                ctrl: true,
                alt: false
            }]
        );
        assert_eq!(parse_keys("<Space>").unwrap(), vec![k(' ')]);
        assert!(matches!(parse_keys("<Nope>"), Err(KeyError::UnknownKey(_))));
        assert!(matches!(parse_keys("<C-d"), Err(KeyError::Unclosed(_))));
        assert_eq!(parse_keys("<").unwrap(), vec![k('<')]);
    }

    #[test]
    fn ctrl_letters_normalise() {
        let event = KeyEvent::new(KeyCode::Char('D'), KeyModifiers::CONTROL);
        assert_eq!(Key::from(event), parse_keys("<C-d>").unwrap()[0]);
    }
}
