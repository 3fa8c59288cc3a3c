//! Wrapping one block of text into screen lines, as byte ranges into the block's text (no
//! copies). Word boundaries come from textwrap's separators (ASCII spaces, or the Unicode line
//! breaking algorithm for other scripts) and textwrap's first-fit algorithm places them; widths
//! are display widths of grapheme clusters, and a word wider than the column is broken between
//! grapheme clusters, never inside one.

use std::ops::Range;

use textwrap::WordSeparator;
use textwrap::core::Fragment;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Display width of a string as the terminal will draw it: the sum of its grapheme clusters'
/// widths (an emoji ZWJ sequence is one cluster of width 2, a combining mark adds nothing).
pub fn display_width(text: &str) -> usize {
    if text.is_ascii() {
        return text.len();
    }
    text.graphemes(true).map(UnicodeWidthStr::width).sum()
}

/// A word (or a piece of an over-long word) as textwrap's wrapping algorithm sees it.
#[derive(Debug, Clone)]
struct Piece {
    start: usize,
    /// End of the word itself, before any trailing whitespace.
    end: usize,
    width: usize,
    whitespace_width: usize,
}

impl Fragment for Piece {
    fn width(&self) -> f64 {
        self.width as f64
    }
    fn whitespace_width(&self) -> f64 {
        self.whitespace_width as f64
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Byte offset of `part` inside `whole`; `part` must be a sub-slice of `whole`.
fn offset_in(whole: &str, part: &str) -> usize {
    part.as_ptr() as usize - whole.as_ptr() as usize
}

/// Wrap flowing text into lines no wider than `width` columns (the first line may have its own
/// width, for hanging indents). Each line is a byte range of `text` without trailing spaces.
pub fn wrap_flowing(text: &str, first_width: usize, width: usize) -> Vec<Range<usize>> {
    let first_width = first_width.max(1);
    let width = width.max(1);
    let min_width = first_width.min(width);
    let separator = if text.is_ascii() {
        WordSeparator::AsciiSpace
    } else {
        WordSeparator::UnicodeBreakProperties
    };
    let mut pieces: Vec<Piece> = Vec::new();
    for found in separator.find_words(text) {
        // A soft hyphen is a place the word may break (drawn as "-" only when it does).
        let mut parts = found.word.split_inclusive('\u{ad}').peekable();
        while let Some(part) = parts.next() {
            let whitespace = if parts.peek().is_none() {
                found.whitespace
            } else {
                ""
            };
            push_word(text, part, whitespace, min_width, &mut pieces);
        }
    }
    let widths = [first_width as f64, width as f64];
    textwrap::wrap_algorithms::wrap_first_fit(&pieces, &widths)
        .into_iter()
        .filter_map(|line| Some(line.first()?.start..line.last()?.end))
        .collect()
}

/// One word (a sub-slice of `text`) as pieces for the wrapping algorithm.
fn push_word(text: &str, word: &str, whitespace: &str, min_width: usize, pieces: &mut Vec<Piece>) {
    let start = offset_in(text, word);
    let end = start + word.len();
    let whitespace_width = display_width(whitespace);
    let word_width = display_width(word);
    if word_width <= min_width {
        pieces.push(Piece {
            start,
            end,
            width: word_width,
            whitespace_width,
        });
    } else {
        split_long_word(text, start..end, min_width, whitespace_width, pieces);
    }
}

/// Break a word wider than the column between grapheme clusters into pieces that fit.
fn split_long_word(
    text: &str,
    word: Range<usize>,
    width: usize,
    whitespace_width: usize,
    out: &mut Vec<Piece>,
) {
    let mut piece_start = word.start;
    let mut piece_width = 0;
    for (offset, grapheme) in text[word.clone()].grapheme_indices(true) {
        let g_width = grapheme.width();
        let at = word.start + offset;
        if piece_width + g_width > width && at > piece_start {
            out.push(Piece {
                start: piece_start,
                end: at,
                width: piece_width,
                whitespace_width: 0,
            });
            piece_start = at;
            piece_width = 0;
        }
        piece_width += g_width;
    }
    out.push(Piece {
        start: piece_start,
        end: word.end,
        width: piece_width,
        whitespace_width,
    });
}

/// Preformatted text: one screen line per source line; a line wider than the column continues
/// on the next screen line, broken between grapheme clusters.
pub fn wrap_preformatted(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        let start = line_start;
        line_start += line.len() + 1;
        if display_width(line) <= width {
            out.push(start..start + line.len());
            continue;
        }
        let mut piece_start = start;
        let mut piece_width = 0;
        for (offset, grapheme) in line.grapheme_indices(true) {
            let at = start + offset;
            let g_width = grapheme.width();
            if piece_width + g_width > width && at > piece_start {
                out.push(piece_start..at);
                piece_start = at;
                piece_width = 0;
            }
            piece_width += g_width;
        }
        out.push(piece_start..start + line.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines<'a>(text: &'a str, width: usize) -> Vec<&'a str> {
        wrap_flowing(text, width, width)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(
            lines("the quick brown fox", 10),
            vec!["the quick", "brown fox"]
        );
    }

    #[test]
    fn long_words_break_between_graphemes() {
        assert_eq!(lines("abcdefgh", 3), vec!["abc", "def", "gh"]);
        // e + combining acute stays together.
        let text = "e\u{301}e\u{301}e\u{301}";
        assert_eq!(lines(text, 2), vec!["e\u{301}e\u{301}", "e\u{301}"]);
    }

    #[test]
    fn cjk_is_two_columns_wide() {
        let text = "你好世界你好";
        let got = lines(text, 5);
        assert!(got.iter().all(|l| display_width(l) <= 5), "{got:?}");
        assert_eq!(got.concat(), text);
    }

    #[test]
    fn emoji_zwj_sequence_is_one_wide_cluster() {
        assert_eq!(display_width("👨\u{200d}👩\u{200d}👧"), 2);
    }

    #[test]
    fn hanging_indent_widths() {
        let text = "aaa bbb ccc ddd";
        let got: Vec<&str> = wrap_flowing(text, 7, 3)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(got, vec!["aaa bbb", "ccc", "ddd"]);
    }

    #[test]
    fn preformatted_keeps_lines() {
        let text = "fn main() {\n    x\n}";
        let got: Vec<&str> = wrap_preformatted(text, 80)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(got, vec!["fn main() {", "    x", "}"]);
    }
}
