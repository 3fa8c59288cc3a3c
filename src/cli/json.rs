//! JSON written for people's terminals and tools: pretty-printed like `serde_json`'s own, with
//! every character a terminal could act on escaped. `serde_json` escapes C0 controls; this also
//! escapes DEL, the C1 controls and the bidi overrides and isolates, as `\uXXXX`, so a JSON
//! export of a hostile note is safe to `cat` and still decodes to the exact note.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

/// Write `value` as pretty JSON with a final newline.
pub fn write_pretty<T: Serialize>(value: &T, out: &mut dyn Write) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(&mut *out, Safe::default());
    // An I/O error keeps its kind, so a closed pipe is told apart from a real failure.
    value
        .serialize(&mut serializer)
        .map_err(|err| match err.io_error_kind() {
            Some(kind) => io::Error::new(kind, err),
            None => io::Error::other(err),
        })?;
    writeln!(out)
}

/// True for a char that must not reach a terminal raw even inside a JSON string.
fn needs_escape(c: char) -> bool {
    c == '\u{7f}'
        || ('\u{80}'..='\u{9f}').contains(&c)
        || crate::document::sanitize::is_bidi_control(c)
}

#[derive(Default)]
struct Safe(PrettyFormatter<'static>);

impl Formatter for Safe {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut rest = fragment;
        while let Some(at) = rest.find(needs_escape) {
            writer.write_all(&rest.as_bytes()[..at])?;
            let c = rest[at..].chars().next().unwrap_or('\u{fffd}');
            write!(writer, "\\u{:04x}", c as u32)?;
            rest = &rest[at + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }

    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_array(writer)
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object(writer)
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_value(writer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_controls_are_escaped_and_the_text_comes_back_exact() {
        let note = "a\u{1b}]0;x\u{7}b\u{9b}31m\u{7f}c\u{202e}d\u{2066}e é ✓";
        let mut out = Vec::new();
        write_pretty(&vec![note], &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        for c in text.chars() {
            assert!(
                c == '\n' || !(c.is_control() || needs_escape(c)),
                "{c:?} written raw in {text:?}"
            );
        }
        assert!(text.contains("\\u009b") && text.contains("\\u202e") && text.contains("é ✓"));
        let back: Vec<String> = serde_json::from_str(&text).unwrap();
        assert_eq!(back, vec![note.to_string()]);
    }

    #[test]
    fn the_layout_is_serde_jsons_pretty_one() {
        let value = serde_json::json!({"a": [1, 2], "b": {"c": "d"}});
        let mut ours = Vec::new();
        write_pretty(&value, &mut ours).unwrap();
        let theirs = serde_json::to_string_pretty(&value).unwrap() + "\n";
        assert_eq!(String::from_utf8(ours).unwrap(), theirs);
    }
}
