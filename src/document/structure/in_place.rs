//! Building one big block's text inside the buffer of the text it comes from. A block's text
//! is its lines, each cut down to a slice of itself, joined by one byte: never longer than the
//! block's span of the source, and written from the buffer's start, which is at or before the
//! span's start, so what is written never overtakes what is still to be read. The buffer then
//! becomes the block's text: a book of one paragraph is held once, not twice, while it is
//! structured. Only [`Raw::text`]'s plain joins are built this way; anything else is left to
//! the copying path.

use std::ops::Range;

use super::heading::Form;
use super::raw::{Raw, Reading};
use crate::document::BlockKind;
use crate::text::script::line_joiner;

/// Blocks whose span is shorter than this are copied as usual: the saving would be small.
pub const IN_PLACE_MIN_BYTES: usize = 1 << 20;

/// How to build one block's text in place.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The block's span of the source, in bytes.
    span: Range<usize>,
    /// How many lines the span holds.
    count: usize,
    reading: Reading,
    /// Preformatted lines are kept whole and joined by newlines; any other block's lines are
    /// trimmed, the empty ones dropped, the rest joined by spaces.
    preformatted: bool,
}

impl Plan {
    fn separator(&self) -> u8 {
        if self.preformatted { b'\n' } else { b' ' }
    }
}

/// The largest block of `text`, and how to build its text in place, when it is big and its
/// text is a plain join of slices of its lines.
pub fn largest(text: &str, raws: &[Raw<'_>]) -> Option<(usize, Plan)> {
    let (index, raw) = raws
        .iter()
        .enumerate()
        .max_by_key(|(_, raw)| raw.source().len())?;
    if raw.source().len() < IN_PLACE_MIN_BYTES
        || raw.reading() == Reading::Verbatim
        || matches!(raw.form, Some(Form::Aozora(_)))
    {
        return None;
    }
    let start = (raw.source().as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
    let span = start..start.checked_add(raw.source().len())?;
    text.get(span.clone())?;
    let plan = Plan {
        span,
        count: raw.line_count(),
        reading: raw.reading(),
        preformatted: raw.kind == BlockKind::Code,
    };
    // Every piece must be a slice of its own line, or writing it could overtake the reading.
    let fits = line_ranges(text.as_bytes(), &plan).all(|line| {
        text.get(line.clone())
            .is_some_and(|l| piece(l, &plan).is_some())
    });
    fits.then_some((index, plan))
}

/// The block's text, built in `text`'s buffer: the same text [`Raw::text`] gives.
pub fn build(text: String, plan: &Plan) -> String {
    let mut bytes = text.into_bytes();
    let mut written = 0;
    let mut first = true;
    // The last character written, for what joins it to the next line.
    let mut last_char: Option<char> = None;
    let mut rest = plan.span.clone();
    for _ in 0..plan.count {
        let line = next_line(&bytes, &mut rest);
        // The line lies past everything written so far, so it is still the source's text.
        let Ok(source_line) = std::str::from_utf8(&bytes[line.clone()]) else {
            continue;
        };
        let Some(within) = piece(source_line, plan) else {
            continue;
        };
        if within.is_empty() && !plan.preformatted {
            continue;
        }
        let piece_text = &source_line[within.clone()];
        let joined_without_space = !plan.preformatted
            && !first
            && line_joiner(last_char, piece_text.chars().next()).is_empty();
        last_char = piece_text.chars().next_back().or(last_char);
        if !first && !joined_without_space {
            bytes[written] = plan.separator();
            written += 1;
        }
        first = false;
        let from = line.start + within.start..line.start + within.end;
        bytes.copy_within(from, written);
        written += within.len();
    }
    bytes.truncate(written);
    bytes.shrink_to_fit();
    // Whole slices of valid text joined by ASCII are valid text.
    String::from_utf8(bytes)
        .unwrap_or_else(|err| String::from_utf8_lossy(err.as_bytes()).into_owned())
}

/// Where the block keeps `line` (a raw line of its span), as a range of the line: `None` when
/// the line reads as text that is not a slice of it.
fn piece(line: &str, plan: &Plan) -> Option<Range<usize>> {
    let read = plan.reading.apply(line);
    let read = if plan.preformatted { read } else { read.trim() };
    if read.is_empty() {
        return Some(0..0);
    }
    let offset = (read.as_ptr() as usize).checked_sub(line.as_ptr() as usize)?;
    let end = offset.checked_add(read.len())?;
    (end <= line.len()).then_some(offset..end)
}

/// The byte ranges of the plan's raw lines, split at '\n' as [`Raw::lines`] splits them.
fn line_ranges<'a>(bytes: &'a [u8], plan: &Plan) -> impl Iterator<Item = Range<usize>> + 'a {
    let mut rest = plan.span.clone();
    (0..plan.count).map(move |_| next_line(bytes, &mut rest))
}

/// The next raw line of `rest`, which moves past it; an empty range once `rest` is used up.
fn next_line(bytes: &[u8], rest: &mut Range<usize>) -> Range<usize> {
    match memchr::memchr(b'\n', &bytes[rest.clone()]) {
        Some(at) => {
            let line = rest.start..rest.start + at;
            rest.start += at + 1;
            line
        }
        None => {
            let line = rest.clone();
            rest.start = rest.end;
            line
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{classified, structure, structure_owned};
    use super::*;
    use crate::document::Ruby;

    /// The big block's text built in place, next to the same text built by copying.
    fn both_ways(text: &str) -> (String, String) {
        let raws = classified(text, false);
        let (index, plan) = largest(text, &raws).expect("a big block to build in place");
        let copied = raws[index].text();
        drop(raws);
        (build(text.to_string(), &plan), copied)
    }

    fn big(line: &str) -> String {
        line.repeat(IN_PLACE_MIN_BYTES / line.len() + 1)
    }

    #[test]
    fn a_big_paragraph_built_in_place_is_the_copied_text() {
        let text = format!(
            "Title\n\n{}",
            big("  lead and trail  \r\nend é\n\t x\t\nsp  \ncafé\u{00a0}\n日本語\n")
        );
        let (in_place, copied) = both_ways(&text);
        assert_eq!(in_place.len(), copied.len());
        assert!(in_place == copied, "texts differ");
        assert!(in_place.starts_with("lead and trail end é x sp café"));
        assert!(!in_place.contains('\r') && !in_place.contains('\n'));
    }

    #[test]
    fn a_big_code_block_built_in_place_keeps_its_lines() {
        let text = format!(
            "Intro paragraph.\n\n```\n{}```\n\nAfter.\n",
            big("    let x = 1;  \r\n    ünïcode(); \n")
        );
        let raws = classified(&text, false);
        let (index, _) = largest(&text, &raws).unwrap();
        assert_eq!(raws[index].kind, BlockKind::Code, "indented lines are code");
        drop(raws);
        let (in_place, copied) = both_ways(&text);
        assert!(in_place == copied, "texts differ");
        assert!(in_place.contains("\n    ünïcode();"));
    }

    #[test]
    fn a_big_quote_built_in_place_drops_its_markers() {
        let text = format!("Intro paragraph.\n\n{}", big("> quoted words, ü \n>\n"));
        let (in_place, copied) = both_ways(&text);
        assert!(in_place == copied, "texts differ");
        assert!(!in_place.contains('>'));
    }

    #[test]
    fn owned_structuring_equals_borrowed_structuring() {
        for text in [
            format!(
                "A Title\n\nShort one.\n\n{}\n\nLast words.",
                big("lorem \r\n")
            ),
            big("one line with a trailing space \n"),
            format!("# Heading\n\n{}", big("    code\n")),
        ] {
            let borrowed = structure(&text, Ruby::default());
            let owned = structure_owned(text.clone(), Ruby::default());
            assert!(borrowed == owned, "blocks differ");
        }
    }

    #[test]
    fn small_blocks_are_not_built_in_place() {
        let text = "A paragraph.\n\nAnother one.\n".repeat(100_000);
        assert!(largest(&text, &classified(&text, false)).is_none());
    }
}
