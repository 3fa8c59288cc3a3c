//! Where a book's chapters are written as blocks: one growing list for the whole book, with
//! the open block, its inline styles, and the places (ids) and links met on the way. Every
//! piece of text is sanitized as it comes in, and whitespace is collapsed as HTML does, except
//! in preformatted text.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use crate::document::book::{Link, Target};
use crate::document::sanitize::sanitize;
use crate::document::{Anchor, Block, BlockKind, Inline, Span};

/// The blocks of a book as they are written, and what points into them.
#[derive(Debug, Default)]
pub struct Sink {
    pub blocks: Vec<Block>,
    current: Option<Block>,
    /// The `line` given to new blocks: the number of the part being read.
    pub line: usize,
    /// Open inline styles: the style and where in the open block it began.
    open: Vec<(Inline, usize)>,
    pub targets: HashMap<String, Target>,
    pub links: Vec<Link>,
    /// Bytes of text written so far: how much of a book its opening holds.
    pub text_bytes: usize,
}

impl Sink {
    /// Index the open block has (or the next block will have).
    pub fn here(&self) -> Anchor {
        match &self.current {
            Some(block) => Anchor::new(self.blocks.len(), block.text.len()),
            None => Anchor::new(self.blocks.len(), 0),
        }
    }

    /// The last block that holds text written so far.
    pub fn last_written_block(&self) -> Option<usize> {
        match &self.current {
            Some(block) if !block.text.is_empty() => Some(self.blocks.len()),
            _ => self.blocks.len().checked_sub(1),
        }
    }

    pub fn has_open_block(&self) -> bool {
        self.current.is_some()
    }

    pub fn open_kind(&self) -> Option<BlockKind> {
        self.current.as_ref().map(|b| b.kind)
    }

    /// True when the open block has no text yet (or there is none).
    pub fn open_is_empty(&self) -> bool {
        self.current.as_ref().is_none_or(|b| b.text.is_empty())
    }

    /// Close the open block and start one of `kind`, with `level` for a heading.
    pub fn start(&mut self, kind: BlockKind, level: u8) {
        self.flush();
        let mut block = Block::new(kind, String::new(), self.line.max(1));
        block.level = level;
        self.current = Some(block);
    }

    /// Drop the open block unwritten.
    pub fn discard_open(&mut self) {
        self.open.clear();
        self.current = None;
    }

    /// Close the open block: trailing whitespace trimmed, dropped when it holds nothing.
    pub fn flush(&mut self) {
        let open: Vec<Inline> = self.open.iter().map(|(s, _)| *s).collect();
        for style in open.iter().rev() {
            self.close_style(*style);
        }
        if let Some(mut block) = self.current.take() {
            let kept = if block.kind == BlockKind::Code {
                block.text.trim_end_matches('\n').len()
            } else {
                block.text.trim_end().len()
            };
            block.text.truncate(kept);
            for span in &mut block.spans {
                span.end = span.end.min(kept);
                span.start = span.start.min(span.end);
            }
            block.spans.retain(|s| s.start < s.end);
            if !block.text.trim().is_empty() {
                self.blocks.push(block);
            }
        }
    }

    fn ensure_block(&mut self, kind: BlockKind) -> &mut Block {
        if self.current.is_none() {
            self.start(kind, 0);
        }
        self.current
            .get_or_insert_with(|| Block::new(kind, String::new(), 1))
    }

    /// Add flowing text: runs of whitespace become one space, and none starts a line.
    pub fn text(&mut self, text: &str, kind: BlockKind) {
        // Most text nodes of a chapter are the indentation between its elements: at most one
        // space, with nothing in it to sanitize (a form feed is left to the sanitizer, which
        // may drop it).
        let only_spacing = !text.is_empty()
            && text
                .bytes()
                .all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'));
        let clean = if only_spacing {
            Cow::Borrowed(" ")
        } else {
            sanitize(text)
        };
        if clean.trim().is_empty() && self.open_is_empty() {
            return;
        }
        let block = self.ensure_block(kind);
        let before = block.text.len();
        let mut rest: &str = &clean;
        while !rest.is_empty() {
            // ASCII whitespace never falls inside a multi-byte char: the cuts are on char
            // boundaries.
            let word = rest
                .bytes()
                .position(|b| b.is_ascii_whitespace())
                .unwrap_or(rest.len());
            block.text.push_str(&rest[..word]);
            let spacing = rest[word..]
                .bytes()
                .position(|b| !b.is_ascii_whitespace())
                .unwrap_or(rest.len() - word);
            if spacing > 0 && !(block.text.is_empty() || block.text.ends_with([' ', '\n'])) {
                block.text.push(' ');
            }
            rest = &rest[word + spacing..];
        }
        self.text_bytes += block.text.len() - before;
    }

    /// Add preformatted text as it is.
    pub fn raw_text(&mut self, text: &str) {
        let clean = sanitize(text);
        self.text_bytes += clean.len();
        self.ensure_block(BlockKind::Code).text.push_str(&clean);
    }

    /// Add text that is not the book's own words but stands for something (an image, a mark).
    pub fn literal(&mut self, text: &str, kind: BlockKind) {
        let clean = sanitize(text);
        self.ensure_block(kind).text.push_str(&clean);
    }

    /// A line break inside the open block; nothing at a block's start, and at most one blank
    /// line in a row.
    pub fn line_break(&mut self) {
        let Some(block) = self.current.as_mut() else {
            return;
        };
        if block.kind == BlockKind::Code {
            block.text.push('\n');
            return;
        }
        let kept = block.text.trim_end_matches(' ').len();
        block.text.truncate(kept);
        if block.text.is_empty() || block.text.ends_with("\n\n") {
            return;
        }
        block.text.push('\n');
    }

    pub fn open_style(&mut self, style: Inline) {
        let at = self.current.as_ref().map_or(0, |b| b.text.len());
        if self.current.is_some() {
            self.open.push((style, at));
        }
    }

    pub fn close_style(&mut self, style: Inline) {
        let Some(index) = self.open.iter().rposition(|(s, _)| *s == style) else {
            return;
        };
        let (_, start) = self.open.remove(index);
        if let Some(block) = self.current.as_mut() {
            // A style opened before leading whitespace was skipped may start past the end.
            let start = start.min(block.text.len());
            if block.text.len() > start {
                block.spans.push(Span {
                    start,
                    end: block.text.len(),
                    style,
                });
            }
        }
    }

    /// Record an element's place under `key`; its last block is set by [`Sink::end_target`].
    pub fn begin_target(&mut self, key: String) {
        let start = self.here();
        self.targets.entry(key).or_insert(Target {
            start,
            last_block: start.block,
        });
    }

    pub fn end_target(&mut self, key: &str) {
        let last = self.last_written_block();
        if let (Some(target), Some(last)) = (self.targets.get_mut(key), last) {
            target.last_block = target.last_block.max(last);
        }
    }

    /// Record a link whose text began at `start` and ends here.
    pub fn add_link(&mut self, start: Anchor, target: String, is_note: bool, own: Option<String>) {
        let end = self.here();
        let range: Range<usize> = if end.block == start.block {
            start.byte..end.byte
        } else {
            let len = self.blocks.get(start.block).map_or(0, |b| b.text.len());
            start.byte.min(len)..len
        };
        if range.is_empty() {
            return;
        }
        self.links.push(Link {
            block: start.block,
            range,
            target,
            is_note,
            own_key: own,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_collapses_and_breaks_keep_lines() {
        let mut sink = Sink::default();
        sink.text("  April is\n   the cruellest  ", BlockKind::Paragraph);
        sink.line_break();
        sink.text("\n month", BlockKind::Paragraph);
        sink.flush();
        assert_eq!(sink.blocks[0].text, "April is the cruellest\nmonth");
    }

    #[test]
    fn empty_blocks_are_dropped_and_controls_removed() {
        let mut sink = Sink::default();
        sink.start(BlockKind::Paragraph, 0);
        sink.text("   ", BlockKind::Paragraph);
        sink.start(BlockKind::Paragraph, 0);
        sink.text("a\u{1b}[31mb", BlockKind::Paragraph);
        sink.flush();
        assert_eq!(sink.blocks.len(), 1);
        assert!(!sink.blocks[0].text.contains('\u{1b}'));
    }

    /// Flowing text as the rule says it is written: sanitized, then every ASCII whitespace
    /// char a space unless the block is empty or already ends with a space or a line end.
    fn collapsed_char_by_char(pieces: &[Vec<&str>]) -> Vec<String> {
        let mut blocks = Vec::new();
        for texts in pieces {
            let mut block = String::new();
            for text in texts {
                let clean = sanitize(text);
                if clean.trim().is_empty() && block.is_empty() {
                    continue;
                }
                for c in clean.chars() {
                    if !c.is_ascii_whitespace() {
                        block.push(c);
                    } else if !(block.is_empty() || block.ends_with([' ', '\n'])) {
                        block.push(' ');
                    }
                }
            }
            let kept = block.trim_end().len();
            block.truncate(kept);
            if !block.trim().is_empty() {
                blocks.push(block);
            }
        }
        blocks
    }

    proptest::proptest! {
        #[test]
        fn whitespace_collapses_the_same_however_the_text_comes(
            pieces in proptest::collection::vec(
                proptest::collection::vec(
                    proptest::sample::select(vec![
                        "", " ", "\n\t\t", "\r\n", "\t", "\u{c}", "\u{a0}", "word", " a b ",
                        "é", "你好", "\u{1b}[31m", "x\u{7}y", "\u{202e}", "\t\tindented\n",
                    ]),
                    0..12,
                ),
                0..4,
            ),
        ) {
            let mut sink = Sink::default();
            for texts in &pieces {
                sink.start(BlockKind::Paragraph, 0);
                for text in texts {
                    sink.text(text, BlockKind::Paragraph);
                }
            }
            sink.flush();
            let written: Vec<String> = sink.blocks.iter().map(|b| b.text.clone()).collect();
            let counted: usize = sink.blocks.iter().map(|b| b.text.len()).sum();
            proptest::prop_assert_eq!(written, collapsed_char_by_char(&pieces));
            proptest::prop_assert!(sink.text_bytes >= counted);
        }
    }

    #[test]
    fn styles_become_spans() {
        let mut sink = Sink::default();
        sink.text("one ", BlockKind::Paragraph);
        sink.open_style(Inline::Emphasis);
        sink.text("two", BlockKind::Paragraph);
        sink.close_style(Inline::Emphasis);
        sink.flush();
        let span = sink.blocks[0].spans[0];
        assert_eq!(&sink.blocks[0].text[span.start..span.end], "two");
    }
}
