//! Justified prose: the spaces of a line spread so that the line fills its column. Layout
//! stays ragged (the same breaks either way); only drawing spreads the spaces, and every
//! overlay that finds drawn text again (search hits, bookmarks, the selection) asks here where
//! a byte of the line was drawn, so highlights land on the words they mark.

use crate::document::{Block, BlockKind};
use crate::layout::Line;
use crate::reader::Model;
use crate::text::display_width;

/// The most columns one space may grow by: past this, a line reads as gappy (the "rivers" of
/// badly justified text) and is left ragged instead.
const MAX_GROWTH: usize = 3;

/// The extra columns after each space of a justified line, by the space's byte offset in its
/// block; empty when the line is drawn as laid out.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Spread {
    extras: Vec<(usize, u16)>,
}

impl Spread {
    /// How `line` of `block` is spread in `room` columns when justification is `on`. Only
    /// prose is: a paragraph's lines but its last, never a cut line, a right-to-left one or
    /// one set against the right edge.
    pub fn of(block: &Block, line: &Line, room: usize, on: bool, right_to_left: bool) -> Spread {
        if !on
            || right_to_left
            || line.cut
            || block.kind != BlockKind::Paragraph
            || block.placement.from_right.is_some()
        {
            return Spread::default();
        }
        let range = line.range();
        let Some(text) = block.text.get(range.clone()) else {
            return Spread::default();
        };
        let trimmed = text.trim_end();
        // The paragraph's last line stays ragged, as in print; so does a line the author
        // ended (a hard break: the line of an address or a verse before it).
        let rest = block.text.get(range.end..).unwrap_or("");
        if rest.trim().is_empty()
            || text.contains('\n')
            || rest.trim_start_matches(' ').starts_with('\n')
        {
            return Spread::default();
        }
        let spaces: Vec<usize> = trimmed
            .char_indices()
            .filter(|&(i, c)| c == ' ' && i > 0)
            .map(|(i, _)| range.start + i)
            .collect();
        // A line that ends at a syllable has its hyphen drawn after it.
        let width = display_width(trimmed) + usize::from(line.hyphen);
        if spaces.is_empty() || width >= room {
            return Spread::default();
        }
        let extra = room - width;
        if extra > spaces.len() * MAX_GROWTH {
            return Spread::default();
        }
        let count = spaces.len();
        let (each, more) = (extra / count, extra % count);
        // The spaces that get one column more are spread along the line, not bunched at
        // its start.
        let one_more = |n: usize| (n + 1) * more / count != n * more / count;
        let extras = spaces
            .into_iter()
            .enumerate()
            .map(|(n, offset)| (offset, (each + usize::from(one_more(n))) as u16))
            .filter(|&(_, grow)| grow > 0)
            .collect();
        Spread { extras }
    }

    /// Extra columns drawn after the space at byte `offset` (0 for any other byte).
    pub fn after(&self, offset: usize) -> u16 {
        self.extras
            .binary_search_by_key(&offset, |&(o, _)| o)
            .map_or(0, |i| self.extras[i].1)
    }

    /// Extra columns drawn before byte `offset`: the growth of every space ahead of it.
    pub fn before(&self, offset: usize) -> u16 {
        let end = self.extras.partition_point(|&(o, _)| o < offset);
        self.extras[..end].iter().map(|&(_, grow)| grow).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.extras.is_empty()
    }
}

/// How a text line of `block` is spread across `room` columns: justified prose when the
/// settings ask for it. Shared with the overlays, so they find the words where they were drawn.
pub(super) fn spread_of(model: &Model, block: &Block, line: &Line, room: u16) -> Spread {
    let bidi = model.config().bidi;
    let justify = model.config().justify;
    let right_to_left = justify && bidi && super::visual::paragraph_is_rtl(&block.text);
    Spread::of(block, line, room as usize, justify, right_to_left)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::layout::{LineKind, Pages};

    fn laid_out(text: &str, width: usize) -> (Document, Vec<Line>) {
        let doc = Document::from_text(text, "j.txt");
        let pages = Pages::new(&doc, width, 100, false);
        let lines = pages
            .lines_from(0)
            .filter(|l| l.kind == LineKind::Text)
            .collect();
        (doc, lines)
    }

    #[test]
    fn a_paragraphs_lines_fill_the_column_but_its_last() {
        let text = "Title\n\nThe quick brown fox jumps over the lazy dog and runs far away into the woods beyond the river.";
        let (doc, lines) = laid_out(text, 30);
        let body: Vec<&Line> = lines.iter().filter(|l| l.block == 1).collect();
        assert!(body.len() >= 3);
        let block = &doc.blocks[1];
        for (n, line) in body.iter().enumerate() {
            let spread = Spread::of(block, line, 30, true, false);
            let drawn = display_width(block.text[line.range()].trim_end());
            let last = n + 1 == body.len();
            if last {
                assert!(spread.is_empty(), "the last line stays ragged");
            } else {
                let grown: u16 = spread.before(line.end as usize);
                assert_eq!(drawn + grown as usize, 30, "line {n}");
            }
            // Off, nothing moves.
            assert!(Spread::of(block, line, 30, false, false).is_empty());
        }
    }

    #[test]
    fn a_line_the_author_ended_stays_ragged() {
        let mut doc = Document::from_text("Title\n\nplaceholder", "j.txt");
        // An address line long enough to wrap, then a line break the author set.
        doc.blocks[1].text = "Arrowhead Farm, a long line of the address that goes on and on \
                              so that it wraps\nPittsfield, Massachusetts"
            .to_string();
        let pages = Pages::new(&doc, 30, 100, false);
        let lines: Vec<Line> = pages
            .lines_from(0)
            .filter(|l| l.kind == LineKind::Text && l.block == 1)
            .collect();
        let block = &doc.blocks[1];
        let before_break = lines
            .iter()
            .position(|l| block.text[l.range().end..].starts_with('\n'))
            .expect("a line ends at the break");
        assert!(before_break > 0, "the address line wraps");
        let texts: Vec<&str> = lines.iter().map(|l| &block.text[l.range()]).collect();
        // The line before it is justified; the one the author ended is not.
        assert!(
            !Spread::of(block, &lines[1], 30, true, false).is_empty(),
            "{texts:?}"
        );
        assert!(Spread::of(block, &lines[before_break], 30, true, false).is_empty());
    }

    #[test]
    fn growth_is_even_and_counted_before_each_byte() {
        let text = "T\n\naa bb cc dd ee ff gg hh ii jj kk ll mm nn oo pp qq rr ss tt";
        let (doc, lines) = laid_out(text, 16);
        let block = &doc.blocks[1];
        let first = lines.iter().find(|l| l.block == 1).unwrap();
        let spread = Spread::of(block, first, 16, true, false);
        let grows: Vec<u16> = spread.extras.iter().map(|e| e.1).collect();
        assert!(grows.iter().max().unwrap() - grows.iter().min().unwrap() <= 1);
        assert_eq!(spread.before(first.start as usize), 0);
        let second_space = spread.extras[1].0;
        assert_eq!(
            spread.before(second_space),
            spread.after(spread.extras[0].0)
        );
    }

    #[test]
    fn headings_code_and_gappy_lines_stay_as_laid_out() {
        let text = "A Heading Of Several Words Here\n\n    code line one\n    code line two\n\nLongwordnumberone x\nLongwordnumbertwo and more words follow here.";
        let (doc, lines) = laid_out(text, 40);
        for line in &lines {
            let block = &doc.blocks[line.block as usize];
            let spread = Spread::of(block, line, 40, true, false);
            if block.kind != BlockKind::Paragraph {
                assert!(spread.is_empty(), "{:?}", block.kind);
            }
        }
        // A line that would need more than three columns per space is left ragged.
        let (doc, lines) = laid_out("T\n\nab cd efghijklmnopqrstu vwxyzabcdefghij", 30);
        let first = lines.iter().find(|l| l.block == 1).unwrap();
        let block = &doc.blocks[1];
        let laid = display_width(block.text[first.range()].trim_end());
        let spread = Spread::of(block, first, 30, true, false);
        assert!(30 - laid <= 3 * 2 || spread.is_empty());
    }
}
