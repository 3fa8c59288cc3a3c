//! Wrapping one block of text into screen lines, as byte ranges into the block's text (no
//! copies). Word boundaries come from textwrap's separators (ASCII spaces, or the Unicode line
//! breaking algorithm for other scripts) and textwrap's first-fit algorithm places them; widths
//! are display widths of grapheme clusters, and a word wider than the column is broken between
//! grapheme clusters, never inside one. Preformatted text is never reflowed: on screen a long
//! line is cut at the column (between clusters), in plain output it is kept whole; continuing
//! it on the rows below, when the reader asks to, is [`super::code`]'s.

use std::ops::Range;

use textwrap::WordSeparator;
use textwrap::core::Fragment;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::document::sanitize::SOFT_HYPHEN;
use crate::text::{display_width, stands_alone};

/// True when a text needs nothing but spaces to find its break opportunities: alphabetic
/// scripts without combining sequences. Ideographic, Thai-like and complex scripts need the
/// Unicode line breaking algorithm.
fn breaks_only_at_spaces(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_ascii() || (stands_alone(c) && (c as u32) < 0x2e80))
}

/// A word (or a piece of an over-long word) as textwrap's wrapping algorithm sees it.
#[derive(Debug, Clone)]
struct Piece {
    start: usize,
    /// End of the word itself, before any trailing whitespace.
    end: usize,
    width: usize,
    whitespace_width: usize,
    /// The word goes on in the next piece, and a line ending here draws a hyphen after it.
    hyphen: bool,
}

impl Fragment for Piece {
    fn width(&self) -> f64 {
        self.width as f64
    }
    fn whitespace_width(&self) -> f64 {
        self.whitespace_width as f64
    }
    fn penalty_width(&self) -> f64 {
        if self.hyphen { 1.0 } else { 0.0 }
    }
}

/// Byte offset of `part` inside `whole`; `part` must be a sub-slice of `whole`.
fn offset_in(whole: &str, part: &str) -> usize {
    part.as_ptr() as usize - whole.as_ptr() as usize
}

/// Wrap flowing text into lines no wider than `width` columns (the first line may have its own
/// width, for hanging indents). Each line is a byte range of `text` without trailing spaces.
pub fn wrap_flowing(text: &str, first_width: usize, width: usize) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    wrap_flowing_each(text, first_width, width, |line| lines.push(line));
    lines
}

/// [`wrap_flowing`] handing each line to `line` as it is found, so a paragraph of a whole
/// book needs no list of its lines besides the caller's own.
///
/// A line break in the text is kept: verse read from a book keeps its lines, each wrapped on
/// its own, and an empty line (between stanzas) is an empty range. Text from other sources
/// has no line breaks in flowing blocks, so it is wrapped in one go as before.
pub fn wrap_flowing_each(
    text: &str,
    first_width: usize,
    width: usize,
    mut line: impl FnMut(Range<usize>),
) {
    wrap_prose_each(text, (first_width, width), None, |range, _| line(range));
}

/// [`wrap_flowing_each`] that may also break a word at its syllables in the `hyphenation`
/// language: each line comes with whether it ends inside a word (a hyphen is drawn after it,
/// and the widths leave it a column).
pub fn wrap_prose_each(
    text: &str,
    (first_width, width): (usize, usize),
    hyphenation: Option<hypher::Lang>,
    mut line: impl FnMut(Range<usize>, bool),
) {
    let wrap = Wrap {
        batch: PIECE_BATCH,
        hyphenation,
    };
    if memchr::memchr(b'\n', text.as_bytes()).is_none() {
        return wrap.lines(text, first_width, width, line);
    }
    let mut start = 0;
    let mut first = true;
    for part in text.split('\n') {
        let mut any = false;
        let line_width = if first { first_width } else { width };
        wrap.lines(part, line_width, width, |range, hyphen| {
            any = true;
            line(start + range.start..start + range.end, hyphen);
        });
        if !any {
            line(start..start, false);
        }
        first = false;
        start += part.len() + 1;
    }
}

/// Words held at once while wrapping: a paragraph of millions of words (a 10 MB line) is
/// wrapped a batch at a time instead of as one list of pieces as big as the text.
const PIECE_BATCH: usize = 4096;

/// How one run of text (no line breaks) is wrapped.
#[derive(Debug, Clone, Copy)]
struct Wrap {
    /// Pieces held before the lines they fill are handed on.
    batch: usize,
    hyphenation: Option<hypher::Lang>,
}

impl Wrap {
    fn lines(
        self,
        text: &str,
        first_width: usize,
        width: usize,
        mut line: impl FnMut(Range<usize>, bool),
    ) {
        let batch = self.batch;
        let first_width = first_width.max(1);
        let width = width.max(1);
        let min_width = first_width.min(width);
        let separator = if breaks_only_at_spaces(text) {
            WordSeparator::AsciiSpace
        } else {
            WordSeparator::UnicodeBreakProperties
        };
        let mut pieces: Vec<Piece> = Vec::new();
        let mut placed_any = false;
        // Where a dash that opens a word starts ("–dash"): the Unicode rules allow a break after
        // it, which would leave it alone at a line's end, so it is kept with the word it opens.
        let mut opening_dash: Option<usize> = None;
        for found in separator.find_words(text) {
            let found_start = offset_in(text, found.word);
            if found.whitespace.is_empty()
                && (opens_a_word_with_a_dash(text, found_start, found.word)
                    || korean_word_goes_on(text, found_start + found.word.len()))
            {
                opening_dash.get_or_insert(found_start);
                continue;
            }
            let start = opening_dash.take().unwrap_or(found_start);
            let found_word = &text[start..found_start + found.word.len()];
            // A soft hyphen is a place the word may break (drawn as "-" only when it does).
            // A word with soft hyphens of its own breaks only there (the source's choice).
            if found_word.contains(SOFT_HYPHEN) {
                let mut parts = found_word.split_inclusive(SOFT_HYPHEN).peekable();
                while let Some(part) = parts.next() {
                    let whitespace = if parts.peek().is_none() {
                        found.whitespace
                    } else {
                        ""
                    };
                    push_word(text, part, whitespace, min_width, &mut pieces);
                }
            } else {
                self.push_word(text, found_word, found.whitespace, min_width, &mut pieces);
            }
            if pieces.len() >= batch {
                place_pieces(
                    &mut pieces,
                    (first_width, width),
                    false,
                    &mut placed_any,
                    &mut line,
                );
            }
        }
        if let Some(start) = opening_dash {
            // A dash at the very end has no word to open.
            push_word(text, &text[start..], "", min_width, &mut pieces);
        }
        place_pieces(
            &mut pieces,
            (first_width, width),
            true,
            &mut placed_any,
            &mut line,
        );
    }

    /// [`push_word`], with more places to break when hyphenating: after the hyphen of a
    /// compound ("wedding-|cake", no hyphen added), and at the syllables of a long plain word.
    fn push_word(
        self,
        text: &str,
        word: &str,
        whitespace: &str,
        min_width: usize,
        pieces: &mut Vec<Piece>,
    ) {
        let Some(language) = self.hyphenation else {
            return push_word(text, word, whitespace, min_width, pieces);
        };
        let mut from = 0;
        let mut previous = None;
        let mut chars = word.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            let next = chars.peek().map(|&(_, c)| c);
            if c == '-'
                && previous.is_some_and(char::is_alphabetic)
                && next.is_some_and(char::is_alphabetic)
            {
                syllables(text, &word[from..at + 1], "", min_width, language, pieces);
                from = at + 1;
            }
            previous = Some(c);
        }
        syllables(text, &word[from..], whitespace, min_width, language, pieces);
    }
}

/// A word broken at its syllables in `language`, when it is long and plain enough: letters only
/// between any leading and trailing punctuation, so "“extraordinary,”" breaks but "don't" and
/// "x86" are kept whole. Each piece but the last draws a hyphen when a line ends after it.
fn syllables(
    text: &str,
    word: &str,
    whitespace: &str,
    min_width: usize,
    language: hypher::Lang,
    pieces: &mut Vec<Piece>,
) {
    let letters = |(_, c): &(usize, char)| c.is_alphabetic();
    let core_start = word.char_indices().find(letters).map(|(i, _)| i);
    let core_end = word
        .char_indices()
        .rev()
        .find(letters)
        .map(|(i, c)| i + c.len_utf8());
    let (Some(core_start), Some(core_end)) = (core_start, core_end) else {
        return push_word(text, word, whitespace, min_width, pieces);
    };
    let core = &word[core_start..core_end];
    let mut outside = word[..core_start].chars().chain(word[core_end..].chars());
    let plain = core.chars().all(char::is_alphabetic)
        && !outside.any(char::is_alphanumeric)
        && core.chars().count() >= MIN_HYPHENATED_LETTERS
        && !word.contains(SOFT_HYPHEN);
    let mut cuts = Vec::new();
    if plain {
        let mut at = core_start;
        for syllable in hypher::hyphenate_bounded(core, language, 2, 3) {
            at += syllable.len();
            cuts.push(at);
        }
        cuts.pop();
    }
    let mut from = 0;
    let fits = cuts.iter().chain([&word.len()]).all(|&to| {
        let fits = display_width(&word[from..to]) < min_width;
        from = to;
        fits
    });
    if cuts.is_empty() || !fits {
        return push_word(text, word, whitespace, min_width, pieces);
    }
    let mut from = 0;
    for &to in &cuts {
        push_word(text, &word[from..to], "", min_width, pieces);
        if let Some(piece) = pieces.last_mut() {
            piece.hyphen = true;
        }
        from = to;
    }
    push_word(text, &word[from..], whitespace, min_width, pieces);
}

/// The shortest word broken at its syllables: shorter ones gain a line little room.
const MIN_HYPHENATED_LETTERS: usize = 6;

/// A run of dashes standing where a word starts (after a space or at the start of the text).
/// True when the text at byte `end` goes on inside a Korean word: Korean breaks lines at spaces
/// (as CSS's `word-break: keep-all`), where the Unicode rules would allow a break between any
/// two syllables. A word wider than the column is still broken, as any such word is.
fn korean_word_goes_on(text: &str, end: usize) -> bool {
    let before = text[..end].chars().next_back();
    let after = text[end..].chars().next();
    before.is_some_and(is_hangul) && after.is_some_and(is_hangul)
}

/// Hangul syllables and jamo.
fn is_hangul(c: char) -> bool {
    matches!(c as u32, 0xac00..=0xd7a3 | 0x1100..=0x11ff | 0x3130..=0x318f | 0xa960..=0xa97f | 0xd7b0..=0xd7ff)
}

fn opens_a_word_with_a_dash(text: &str, start: usize, word: &str) -> bool {
    !word.is_empty()
        && word
            .chars()
            .all(|c| matches!(c, '\u{2013}' | '\u{2014}' | '\u{2212}'))
        && text[..start]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace)
}

/// Break `pieces` into lines with textwrap's first-fit algorithm and hand each to `line`;
/// `placed_any` says whether a line was handed on before (the first has its own width).
/// First fit never looks ahead, so every line but the last is final: unless `all`, the last
/// line's pieces stay in `pieces` to be placed with the words that follow. (Only the last
/// piece ever has its trailing whitespace widened later, and it is always kept.)
fn place_pieces(
    pieces: &mut Vec<Piece>,
    (first_width, width): (usize, usize),
    all: bool,
    placed_any: &mut bool,
    line: &mut impl FnMut(Range<usize>, bool),
) {
    let widths: &[f64] = if !*placed_any {
        &[first_width as f64, width as f64]
    } else {
        &[width as f64]
    };
    let placed = textwrap::wrap_algorithms::wrap_first_fit(pieces, widths);
    let keep = if all { 0 } else { 1 };
    let done = placed.len().saturating_sub(keep);
    let mut used = 0;
    for placed_line in &placed[..done] {
        if let (Some(first), Some(last)) = (placed_line.first(), placed_line.last()) {
            line(first.start..last.end, last.hyphen);
            *placed_any = true;
        }
        used += placed_line.len();
    }
    pieces.drain(..used);
}

/// One word (a sub-slice of `text`) as pieces for the wrapping algorithm.
fn push_word(text: &str, word: &str, whitespace: &str, min_width: usize, pieces: &mut Vec<Piece>) {
    // The Unicode separator leaves some spaces (U+3000 IDEOGRAPHIC SPACE, for one) inside
    // the word. Counted as whitespace they vanish at a break like any space; counted as
    // word they could end a line or even fill a line of their own, which reads as blank.
    let visible = word.trim_end();
    let whitespace_width = display_width(&word[visible.len()..]) + display_width(whitespace);
    if visible.is_empty() {
        if let Some(previous) = pieces.last_mut() {
            previous.whitespace_width += whitespace_width;
        }
        return;
    }
    let start = offset_in(text, visible);
    let end = start + visible.len();
    let word_width = display_width(visible);
    if word_width <= min_width {
        pieces.push(Piece {
            start,
            end,
            width: word_width,
            whitespace_width,
            hyphen: false,
        });
    } else {
        split_long_word(text, start..end, min_width, whitespace_width, pieces);
    }
}

/// Break a word wider than the column between grapheme clusters into pieces that fit. The
/// Unicode rules keep some spaced runs together as one word ("— —"); a break that falls on such
/// a space swallows it, so no piece starts or ends with a space.
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
            push_piece(text, piece_start..at, 0, out);
            piece_start = at;
            piece_width = 0;
        }
        if at == piece_start && grapheme.trim().is_empty() {
            // A space inside the word (U+3000 between letters and kana) that a piece would
            // start with: it is the gap after the piece before, so it vanishes where the line
            // breaks there and is counted, as drawn, where the line goes on.
            if let Some(previous) = out.last_mut() {
                previous.whitespace_width += g_width;
            }
            piece_start = at + grapheme.len();
            continue;
        }
        piece_width += g_width;
    }
    push_piece(text, piece_start..word.end, whitespace_width, out);
}

/// Add a piece of a word, its trailing spaces counted as whitespace (an all-space piece only
/// widens the gap after the previous one).
fn push_piece(text: &str, range: Range<usize>, whitespace_width: usize, out: &mut Vec<Piece>) {
    let visible = text[range.clone()].trim_end();
    let whitespace_width =
        whitespace_width + display_width(&text[range.start + visible.len()..range.end]);
    if visible.is_empty() {
        if let Some(previous) = out.last_mut() {
            previous.whitespace_width += whitespace_width;
        }
        return;
    }
    out.push(Piece {
        start: range.start,
        end: range.start + visible.len(),
        width: display_width(visible),
        whitespace_width,
        hyphen: false,
    });
}

/// Preformatted text as it is: one range per source line, however wide. Plain output uses
/// this, so a pipe gets every code line whole and loses nothing.
pub fn preformatted_lines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        out.push(line_start..line_start + line.len());
        line_start += line.len() + 1;
    }
    out
}

/// Preformatted text on screen: one screen line per source line, never reflowed. A line wider
/// than `width` is cut between grapheme clusters so that it fits in `width - 1` columns, and
/// comes back flagged `true`: the column's last cell is left for a marker saying the line goes
/// on. The ranges are the visible parts.
pub fn cut_preformatted(text: &str, width: usize) -> Vec<(Range<usize>, bool)> {
    // Room for at least one cluster of the widest kind besides the marker.
    let width = width.max(3);
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        let start = line_start;
        line_start += line.len() + 1;
        if display_width(line) <= width {
            out.push((start..start + line.len(), false));
            continue;
        }
        let visible = fitting_prefix(line, width - 1);
        out.push((start..start + visible, true));
    }
    out
}

/// Length in bytes of the longest run of whole grapheme clusters at the start of `line` that
/// fits in `width` columns.
fn fitting_prefix(line: &str, width: usize) -> usize {
    let mut used = 0;
    for (offset, grapheme) in line.grapheme_indices(true) {
        used += grapheme.width();
        if used > width {
            return offset;
        }
    }
    line.len()
}

#[cfg(test)]
mod tests;
