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
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap_flowing(text, width, width)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    /// Lines as drawn when hyphenating in `language`: a line ending at a syllable with its "-".
    fn hyphenated(text: &str, width: usize, language: hypher::Lang) -> Vec<String> {
        let mut out = Vec::new();
        wrap_prose_each(text, (width, width), Some(language), |range, hyphen| {
            out.push(format!("{}{}", &text[range], if hyphen { "-" } else { "" }));
        });
        out
    }

    #[test]
    fn long_words_break_at_their_syllables_with_a_hyphen_that_fits() {
        let text = "The characteristically extraordinary whale.";
        let got = hyphenated(text, 20, hypher::Lang::English);
        assert_eq!(got, ["The characteristi-", "cally extraordinary", "whale."]);
        for line in &got {
            assert!(display_width(line) <= 20, "{line:?}");
        }
        // Without hyphenation the long word goes whole to the next line.
        assert_eq!(
            lines(text, 20),
            ["The", "characteristically", "extraordinary whale."]
        );
    }

    #[test]
    fn punctuation_stays_with_its_word_and_odd_words_are_not_broken() {
        // Leading and trailing punctuation goes with the first and last syllables.
        let got = hyphenated("ab “Extraordinary,” cd", 12, hypher::Lang::English);
        assert!(
            got[0].starts_with("ab “Extra") && got[0].ends_with('-'),
            "{got:?}"
        );
        assert!(got[1].ends_with("nary,” cd"), "{got:?}");
        // Words with their own hyphen, an apostrophe, a digit or a soft hyphen are not broken
        // by the dictionary; neither are short ones.
        for word in [
            "extraordinary's",
            "extraordinary9",
            "extra\u{ad}ordinary",
            "under",
        ] {
            let text = format!("abcdefghij {word}");
            let got = hyphenated(&text, 12, hypher::Lang::English);
            assert!(
                got.iter()
                    .all(|l| !l.ends_with('-') || l.ends_with("\u{ad}")),
                "{word}: {got:?}"
            );
        }
    }

    #[test]
    fn a_wide_space_inside_a_broken_word_is_counted_where_it_is_drawn() {
        // The line-breaking rules keep "bb　ぉ" one word (no break before a small kana); cut
        // into pieces for a narrow first line, the ideographic space between them still
        // takes its two columns on the wider lines after.
        let text = "- aaxrqisluxkpgbhuyubb\u{3000}ぉかゅひげよぴぃくろ https://onuimcqvmzspuijsslvvghgcjs/wy2v980tu4h709qah4jgk/p74wgry0/89idf/ferqf6x13g0lr2";
        let lines = wrap_flowing(text, 2, 110);
        for (n, line) in lines.iter().enumerate() {
            let limit = if n == 0 { 2 } else { 110 };
            assert!(
                display_width(&text[line.clone()]) <= limit,
                "{:?}",
                &text[line.clone()]
            );
        }
    }

    #[test]
    fn a_compound_breaks_after_its_own_hyphen_with_none_added() {
        let got = hyphenated("abc well-known", 9, hypher::Lang::English);
        assert_eq!(got, ["abc well-", "known"]);
        // Its parts may still break at their syllables.
        let got = hyphenated("abcdefghij extra-ordinary", 12, hypher::Lang::English);
        assert_eq!(got, ["abcdefghij", "extra-ordi-", "nary"]);
        // A hyphen that is not between letters is no place to break.
        assert_eq!(
            hyphenated("ab -- cd", 3, hypher::Lang::English),
            ["ab", "--", "cd"]
        );
    }

    #[test]
    fn hyphenation_follows_the_language_and_leaves_short_lines_alone() {
        let german = hyphenated("Die Donaudampfschifffahrt", 14, hypher::Lang::German);
        assert_eq!(german, ["Die Donau-", "dampfschiff-", "fahrt"]);
        // A line that fits is not broken, whatever its words.
        let text = "characteristically";
        assert_eq!(hyphenated(text, 30, hypher::Lang::English), [text]);
        // A column too narrow for a syllable and its hyphen breaks the word as before.
        let narrow = hyphenated("incomprehensibilities", 3, hypher::Lang::English);
        assert_eq!(narrow.concat(), "incomprehensibilities");
    }

    #[test]
    fn a_dash_that_opens_a_word_stays_with_it() {
        // Each text has an ideograph, so its breaks come from the Unicode rules, which allow
        // one after a dash.
        for text in [
            "aaaa –bbbb 日本",
            "日本 —bbbb",
            "–bbbb aaaa 日",
            "aaaa −12 日本",
        ] {
            for width in 4..12 {
                let shown = lines(text, width);
                assert!(
                    shown.iter().all(|l| !l.ends_with(['–', '—', '−'])),
                    "{text:?} at {width}: {shown:?}"
                );
                assert_eq!(shown.concat().replace(' ', ""), text.replace(' ', ""));
            }
        }
        // A dash between spaces, or at the very end, is a word of its own; nothing is lost.
        for text in ["aaaa – bbbb 日", "aaaa bb 日 –"] {
            for width in 4..12 {
                let shown = lines(text, width);
                assert_eq!(shown.concat().replace(' ', ""), text.replace(' ', ""));
            }
        }
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
    fn fast_width_agrees_with_grapheme_width() {
        let samples = [
            "“Call me Ishmael,” he said—twice.",
            "Ελληνικά и русский",
            "西遊記「第一回」，靈根育孕源流出。",
            "한국어 문장",
            "e\u{301}",
            "🇫🇷🇩🇪",
            "👍🏽",
            "ä\u{308}",
            "ｶﾀｶﾅ",
        ];
        for s in samples {
            let slow: usize = s.graphemes(true).map(UnicodeWidthStr::width).sum();
            assert_eq!(display_width(s), slow, "{s}");
        }
    }

    #[test]
    fn wide_spaces_never_end_or_fill_a_line() {
        assert_eq!(lines("aaa\u{3000}bb", 2), vec!["aa", "a", "bb"]);
        assert_eq!(lines("ab\u{3000}cd ef", 6), vec!["ab\u{3000}cd", "ef"]);
        assert_eq!(lines("ab\u{3000}", 2), vec!["ab"]);
        // Unicode keeps "— —" together as one word; broken, the space goes with the break.
        assert_eq!(lines("— — —", 2), vec!["—", "—", "—"]);
    }

    #[test]
    fn wrapping_in_batches_matches_wrapping_at_once() {
        let text = "a bb ccc dddd eeeee ffffff longerwordthanthecolumn 你好世界你好 \
                    e\u{301}te\u{301} soft\u{ad}hyphen\u{ad}ated — — end. "
            .repeat(20);
        let in_batches = |first, width, batch| {
            let mut lines = Vec::new();
            for hyphenation in [None, Some(hypher::Lang::English)] {
                let wrap = Wrap { batch, hyphenation };
                wrap.lines(&text, first, width, |line, hyphen| {
                    lines.push((line, hyphen))
                });
            }
            lines
        };
        for (first, width) in [(7, 7), (9, 5), (3, 12), (1, 1), (40, 38), (200, 200)] {
            let whole = in_batches(first, width, usize::MAX);
            for batch in [1, 2, 3, 17, 100] {
                assert_eq!(
                    in_batches(first, width, batch),
                    whole,
                    "widths {first}/{width}, batch {batch}"
                );
            }
        }
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

    fn cut(text: &str, width: usize) -> Vec<(&str, bool)> {
        cut_preformatted(text, width)
            .into_iter()
            .map(|(r, cut)| (&text[r], cut))
            .collect()
    }

    #[test]
    fn line_breaks_in_flowing_text_are_kept() {
        let text = "April is the cruellest month\nLilacs\n\nDull roots";
        let got: Vec<&str> = wrap_flowing(text, 12, 12)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(
            got,
            vec![
                "April is the",
                "cruellest",
                "month",
                "Lilacs",
                "",
                "Dull roots"
            ]
        );
    }

    #[test]
    fn preformatted_keeps_lines() {
        let text = "fn main() {\n    x\n}";
        assert_eq!(
            cut(text, 80),
            vec![("fn main() {", false), ("    x", false), ("}", false)]
        );
        let whole: Vec<&str> = preformatted_lines(text)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(whole, vec!["fn main() {", "    x", "}"]);
    }

    #[test]
    fn long_code_lines_are_cut_not_wrapped() {
        let text = "let total = first + second;\nok";
        // Nine columns: eight of text, the ninth for the marker.
        assert_eq!(cut(text, 9), vec![("let tota", true), ("ok", false)]);
        // A line exactly as wide as the column is whole.
        assert_eq!(cut("abcdefghi", 9), vec![("abcdefghi", false)]);
        // Deep indentation is cut like anything else: the marker shows there is more.
        assert_eq!(cut("        deep", 4), vec![("   ", true)]);
        // Empty lines inside code keep their place.
        assert_eq!(
            cut("a\n\nb", 4),
            vec![("a", false), ("", false), ("b", false)]
        );
        // Plain output keeps the long line whole.
        let whole: Vec<&str> = preformatted_lines(text)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(whole, vec!["let total = first + second;", "ok"]);
    }

    #[test]
    fn code_cut_respects_clusters_and_wide_chars() {
        // CJK takes two columns: in 6 columns, 5 are for text, so two ideographs fit.
        assert_eq!(cut("你好世界", 6), vec![("你好", true)]);
        // A combining mark stays with its base letter.
        let text = "e\u{301}e\u{301}e\u{301}e\u{301}";
        assert_eq!(cut(text, 3), vec![("e\u{301}e\u{301}", true)]);
        // An emoji ZWJ sequence is one two-column cluster: kept whole or left out whole.
        let family = "👨\u{200d}👩\u{200d}👧";
        let text = format!("a{family}{family}");
        assert_eq!(cut(&text, 4), vec![(&text[..1 + family.len()], true)]);
        for width in 3..12 {
            for (shown, was_cut) in cut(&text, width) {
                let drawn = display_width(shown) + usize::from(was_cut);
                assert!(drawn <= width, "{shown:?} at {width}");
            }
        }
    }

    #[test]
    fn korean_breaks_at_spaces_not_inside_words() {
        let text = "모든 사람은 의견의 자유와 표현의 자유에 대한 권리를 가진다 이러한 권리는 간섭없이 의견을 가질 자유";
        for width in [12, 20, 30] {
            let lines = wrap_flowing(text, width, width);
            let words: Vec<&str> = lines
                .iter()
                .flat_map(|r| text[r.clone()].split_whitespace())
                .collect();
            assert_eq!(
                words,
                text.split_whitespace().collect::<Vec<_>>(),
                "at {width}"
            );
            for r in &lines {
                assert!(display_width(&text[r.clone()]) <= width);
            }
        }
        // A word wider than the column is still broken to fit.
        let long = "가나다라마바사아자차카타파하가나다라마바사";
        let lines = wrap_flowing(long, 10, 10);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|r| display_width(&long[r.clone()]) <= 10));
    }
}
