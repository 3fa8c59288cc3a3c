//! The command line: the one-line prompt opened by `/` (search) and `:` (go to), and the
//! go-to commands `:` understands — `:42` page 42, `:50%` half way, `:¶12` or `:p12`
//! paragraph 12, `:/text` search, and `:n`, `:p`, `:x` for the next, previous and first of several
//! files. Parsing only; `update::search` carries commands out.

use super::search::ActiveSearch;
use crate::document::Anchor;
use crate::input::lineedit::LineEditor;

/// What a prompt is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    /// `/`: incremental search.
    Search,
    /// `:`: a go-to command.
    Command,
}

impl PromptKind {
    /// The character shown before the text.
    pub fn sigil(self) -> char {
        match self {
            PromptKind::Search => '/',
            PromptKind::Command => ':',
        }
    }
}

/// An open prompt on the status line.
#[derive(Debug, Clone)]
pub struct Prompt {
    pub kind: PromptKind,
    pub editor: LineEditor,
    /// Where the reader was when the prompt opened: `Esc` goes back here.
    pub origin: Anchor,
    /// The search highlighted before this prompt, restored on `Esc`.
    pub saved: Option<ActiveSearch>,
    /// An inline complaint (bad regex, unknown command), shown until the text changes.
    pub error: Option<String>,
}

impl Prompt {
    pub fn new(kind: PromptKind, origin: Anchor, saved: Option<ActiveSearch>) -> Prompt {
        Prompt {
            kind,
            editor: LineEditor::new(),
            origin,
            saved,
            error: None,
        }
    }
}

/// A parsed `:` command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// 1-based page number.
    Page(usize),
    /// 0–100.
    Percent(usize),
    /// 1-based body paragraph number, as the status line counts them ("¶ k/n").
    Paragraph(usize),
    Search(String),
    /// `:n`: the next file given on the command line.
    NextFile,
    /// `:p`: the previous one.
    PrevFile,
    /// `:x`: the first one.
    FirstFile,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CommandError {
    #[error("")]
    Empty,
    #[error("not a go-to command: {0} (try :42, :50%, :¶12, :/text, :n, :p)")]
    Unknown(String),
    #[error("{0} starts at 1")]
    Zero(&'static str),
    #[error("{0}% is past the end (0–100%)")]
    PercentTooBig(usize),
    #[error("nothing to search for")]
    EmptySearch,
}

/// Parse what was typed after `:`.
pub fn parse(input: &str) -> Result<Command, CommandError> {
    let input = input.trim();
    if input.is_empty() {
        return Err(CommandError::Empty);
    }
    if let Some(query) = input.strip_prefix('/') {
        if query.is_empty() {
            return Err(CommandError::EmptySearch);
        }
        return Ok(Command::Search(query.to_string()));
    }
    let unknown = || CommandError::Unknown(format!(":{}", shorten(input)));
    // The file commands of less.
    match input {
        "n" => return Ok(Command::NextFile),
        "p" => return Ok(Command::PrevFile),
        "x" => return Ok(Command::FirstFile),
        _ => {}
    }
    if let Some(rest) = input
        .strip_prefix('¶')
        .or_else(|| input.strip_prefix(['p', 'P']))
    {
        let n = number(rest.trim()).ok_or_else(unknown)?;
        return if n == 0 {
            Err(CommandError::Zero("paragraph numbering"))
        } else {
            Ok(Command::Paragraph(n))
        };
    }
    if let Some(rest) = input.strip_suffix('%') {
        let n = number(rest.trim()).ok_or_else(unknown)?;
        return if n > 100 {
            Err(CommandError::PercentTooBig(n))
        } else {
            Ok(Command::Percent(n))
        };
    }
    let n = number(input).ok_or_else(unknown)?;
    if n == 0 {
        Err(CommandError::Zero("page numbering"))
    } else {
        Ok(Command::Page(n))
    }
}

/// ASCII digits only (no sign, no spaces); saturates instead of overflowing.
fn number(text: &str) -> Option<usize> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(text.bytes().fold(0usize, |n, b| {
        n.saturating_mul(10).saturating_add(usize::from(b - b'0'))
    }))
}

/// Echo at most a short piece of a bad command back.
fn shorten(text: &str) -> String {
    let mut out: String = text.chars().take(16).collect();
    if text.chars().count() > 16 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_parse() {
        assert_eq!(parse("42"), Ok(Command::Page(42)));
        assert_eq!(parse(" 7 "), Ok(Command::Page(7)));
        assert_eq!(parse("50%"), Ok(Command::Percent(50)));
        assert_eq!(parse("¶12"), Ok(Command::Paragraph(12)));
        assert_eq!(parse("p3"), Ok(Command::Paragraph(3)));
        assert_eq!(parse("n"), Ok(Command::NextFile));
        assert_eq!(parse(" p "), Ok(Command::PrevFile));
        assert_eq!(parse("x"), Ok(Command::FirstFile));
        assert_eq!(
            parse("/white whale"),
            Ok(Command::Search("white whale".into()))
        );
        assert_eq!(
            parse("99999999999999999999999"),
            Ok(Command::Page(usize::MAX))
        );
    }

    #[test]
    fn bad_commands_say_why() {
        assert_eq!(parse(""), Err(CommandError::Empty));
        assert_eq!(parse("0"), Err(CommandError::Zero("page numbering")));
        assert_eq!(parse("p0"), Err(CommandError::Zero("paragraph numbering")));
        assert_eq!(parse("101%"), Err(CommandError::PercentTooBig(101)));
        assert_eq!(parse("/"), Err(CommandError::EmptySearch));
        assert!(matches!(parse("-3"), Err(CommandError::Unknown(_))));
        assert!(matches!(parse("abc"), Err(CommandError::Unknown(_))));
        assert!(matches!(parse("4 2"), Err(CommandError::Unknown(_))));
        assert!(matches!(parse("¶"), Err(CommandError::Unknown(_))));
        let long = parse("this is a very long unknown command")
            .unwrap_err()
            .to_string();
        assert!(long.contains('…'), "{long}");
    }
}
