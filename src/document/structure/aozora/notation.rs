//! Aozora Bunko's inline notation read out of a paragraph's text: ruby (the reading given to a
//! word, `漢字《かんじ》`, or `｜base《reading》` when the base must be marked) is written after
//! its word in parentheses, `漢字(かんじ)`, or left out, as the reader chose; input notes
//! (`［＃…］`) are taken out of the text and kept beside it with their places, and what the
//! notes opening a line ask of its layout is said (see [`super::directive`]).

use super::directive::{self, Directive};
use crate::document::{Inline, Note, Ruby, Span};

/// A paragraph's text as a reader is shown it, and what was taken out of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shown {
    pub text: String,
    /// The readings written into the text, as ruby spans.
    pub readings: Vec<Span>,
    /// The notes taken out, each where it stood.
    pub notes: Vec<Note>,
    /// What the notes before any of the text ask.
    pub leading: Vec<Directive>,
    /// The ideographic spaces that open the text after those notes (its own indent).
    pub indent: u16,
}

/// The most characters a ruby's base (after `｜`) and its reading are looked for over.
const MAX_BASE: usize = 40;
const MAX_READING: usize = 20;
/// The most characters a note is looked for over: the longest say where a character comes
/// from in a few dozen.
const MAX_NOTE: usize = 200;

/// `text` with its ruby shown as `ruby` asks and its notes taken out; `None` when it has
/// neither.
pub fn read(text: &str, ruby: Ruby) -> Option<Shown> {
    if !text.contains(['《', '｜', '［']) {
        return None;
    }
    let mut shown = Shown {
        text: String::with_capacity(text.len()),
        ..Shown::default()
    };
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let rest = &text[at + c.len_utf8()..];
        let note_end = || {
            rest.char_indices()
                .take(MAX_NOTE)
                .find(|&(_, c)| c == '］')
                .map(|(i, _)| at + c.len_utf8() + i + '］'.len_utf8())
        };
        match c {
            // A note: up to its closing bracket (a note never holds another). One never closed
            // is text.
            '［' if rest.starts_with('＃') && note_end().is_some() => {
                let end = note_end().unwrap_or(text.len());
                take_note(&mut shown, &text[at..end]);
                while chars.peek().is_some_and(|&(i, _)| i < end) {
                    chars.next();
                }
            }
            // A line's own indent, after the notes that open it.
            '\u{3000}' if shown.text.is_empty() => shown.indent = shown.indent.saturating_add(1),
            // The mark that says where a ruby's base begins.
            // (A base is a few characters: the look ahead is kept short, so a long paragraph
            // with many marks is not read over and over.)
            '｜' if text[at..].chars().take(MAX_BASE).any(|c| c == '《') => {}
            '《' => {
                let close = rest
                    .char_indices()
                    .take(MAX_READING + 1)
                    .find(|&(_, c)| c == '》')
                    .map(|(i, _)| i);
                match close {
                    Some(end) if is_reading(&rest[..end]) => {
                        if ruby == Ruby::Parentheses {
                            let start = shown.text.len();
                            shown.text.push('(');
                            shown.text.push_str(&rest[..end]);
                            shown.text.push(')');
                            shown.readings.push(Span {
                                start,
                                end: shown.text.len(),
                                style: Inline::Ruby,
                            });
                        }
                        // Skip the reading and its closing bracket.
                        let close = at + c.len_utf8() + end;
                        while chars.peek().is_some_and(|&(i, _)| i <= close) {
                            chars.next();
                        }
                    }
                    // Not a ruby (a title in double angle brackets): kept as written.
                    _ => shown.text.push(c),
                }
            }
            _ => shown.text.push(c),
        }
    }
    Some(shown)
}

/// Keep `note` (`［＃…］`) beside the text, where the text has got to; a note before any text
/// says what it asks of the line.
fn take_note(shown: &mut Shown, note: &str) {
    if shown.text.is_empty() {
        let inner = note
            .strip_prefix("［＃")
            .and_then(|n| n.strip_suffix('］'))
            .unwrap_or("");
        shown.leading.extend(directive::of(inner));
    }
    shown.notes.push(Note {
        at: shown.text.len(),
        text: note.to_string(),
        alone: false,
    });
}

/// A ruby reading: a short run of kana (or, for a foreign word, letters), no sentence.
fn is_reading(text: &str) -> bool {
    let count = text.chars().count();
    (1..=MAX_READING).contains(&count)
        && text.chars().all(|c| {
            matches!(c as u32, 0x3040..=0x30ff | 0x31f0..=0x31ff | 0xff66..=0xff9f)
                || c.is_ascii_alphabetic()
                || c == '・'
                || c == 'ー'
        })
}

#[cfg(test)]
mod tests {
    use super::super::directive::Setting;
    use super::*;

    fn text(source: &str, ruby: Ruby) -> Option<String> {
        read(source, ruby).map(|s| s.text)
    }

    #[test]
    fn ruby_goes_in_parentheses_and_notes_go() {
        let shown = |s| text(s, Ruby::Parentheses);
        assert_eq!(
            shown("親譲《おやゆず》りの無鉄砲《むてっぽう》で").as_deref(),
            Some("親譲(おやゆず)りの無鉄砲(むてっぽう)で")
        );
        assert_eq!(
            shown("夕方｜折戸《おりど》の").as_deref(),
            Some("夕方折戸(おりど)の")
        );
        assert_eq!(
            shown("おくれんかな［＃「おくれんかな」に傍点］と").as_deref(),
            Some("おくれんかなと")
        );
        // A title in double angle brackets is not a reading.
        assert_eq!(
            shown("《吾輩は猫である。名前はまだ無い》").as_deref(),
            Some("《吾輩は猫である。名前はまだ無い》")
        );
        assert_eq!(shown("ただの文。"), None);
        // An unclosed bracket keeps what follows, and so does a note never closed.
        assert_eq!(shown("下人《げにん").as_deref(), Some("下人《げにん"));
        assert_eq!(shown("下人［＃げにん").as_deref(), Some("下人［＃げにん"));
    }

    #[test]
    fn hidden_ruby_leaves_the_base_text_alone() {
        let hidden = |s| text(s, Ruby::Hidden);
        assert_eq!(
            hidden("親譲《おやゆず》りの無鉄砲《むてっぽう》で").as_deref(),
            Some("親譲りの無鉄砲で")
        );
        assert_eq!(
            hidden("夕方｜折戸《おりど》の").as_deref(),
            Some("夕方折戸の")
        );
        assert_eq!(
            hidden("《吾輩は猫である。名前はまだ無い》").as_deref(),
            Some("《吾輩は猫である。名前はまだ無い》")
        );
        assert!(
            read("下人《げにん》", Ruby::Hidden)
                .unwrap()
                .readings
                .is_empty()
        );
    }

    #[test]
    fn each_reading_is_a_ruby_span() {
        let shown = read("下人《げにん》が雨《あめ》", Ruby::Parentheses).unwrap();
        let spans: Vec<&str> = shown
            .readings
            .iter()
            .map(|s| &shown.text[s.start..s.end])
            .collect();
        assert_eq!(spans, ["(げにん)", "(あめ)"]);
        assert!(shown.readings.iter().all(|s| s.style == Inline::Ruby));
    }

    #[test]
    fn notes_are_kept_where_they_stood() {
        let shown = read(
            "僕※［＃小書き平仮名ん、168-12］とこ［＃「とこ」に傍点］へ",
            Ruby::Parentheses,
        )
        .unwrap();
        assert_eq!(shown.text, "僕※とこへ");
        let kept: Vec<(&str, &str)> = shown
            .notes
            .iter()
            .map(|n| (&shown.text[..n.at], n.text.as_str()))
            .collect();
        assert_eq!(
            kept,
            [
                ("僕※", "［＃小書き平仮名ん、168-12］"),
                ("僕※とこ", "［＃「とこ」に傍点］")
            ]
        );
        assert!(shown.leading.is_empty());
    }

    #[test]
    fn notes_opening_a_line_say_how_it_is_set() {
        let shown = read("［＃３字下げ］　本文［＃地付き］", Ruby::Parentheses).unwrap();
        assert_eq!(shown.text, "本文");
        assert_eq!(
            shown.leading,
            [Directive::Line(Setting::Indent { first: 3, rest: 3 })]
        );
        assert_eq!(shown.indent, 1);
        assert_eq!(shown.notes.len(), 2);
        let alone = read("［＃改ページ］", Ruby::Parentheses).unwrap();
        assert_eq!(alone.text, "");
        assert_eq!(alone.leading, [Directive::PageBreak]);
    }
}
