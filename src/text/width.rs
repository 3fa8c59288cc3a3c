//! Display width: how many terminal columns a text takes, counted by grapheme cluster, never
//! by bytes or chars. Everything that measures text for the screen (layout, the document's
//! centred-line checks, the outline's label fitting, the widgets) asks here.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Text with nothing to see in it: spaces, or characters that take no room and draw nothing
/// (a zero-width space, a word joiner, a byte-order mark, the zero-width joiners). Web pages
/// hold empty paragraphs made of a zero-width space (a blog editor's spacer between pictures).
pub fn shows_nothing(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
            )
    })
}

/// Display width of a string as the terminal will draw it: the sum of its grapheme clusters'
/// widths (an emoji ZWJ sequence is one cluster of width 2, a combining mark adds nothing).
pub fn display_width(text: &str) -> usize {
    if text.is_ascii() {
        return text.len();
    }
    // Fast path: when every char is a grapheme cluster on its own, the clusters' widths are the
    // chars' widths, and segmenting into graphemes (the slow part of layout) can be skipped.
    let mut width = 0;
    for c in text.chars() {
        if !stands_alone(c) {
            return text.graphemes(true).map(UnicodeWidthStr::width).sum();
        }
        width += UnicodeWidthChar::width(c).unwrap_or(0);
    }
    width
}

/// True for chars that never join a neighbour into one grapheme cluster: the common letters,
/// punctuation and ideographs of Latin, Greek, Cyrillic and CJK text. Anything else (combining
/// marks, joiners, variation selectors, emoji modifiers, Indic and Hangul jamo…) is left to
/// full grapheme segmentation.
pub fn stands_alone(c: char) -> bool {
    matches!(c as u32,
        0x20..=0x7e
        | 0xa0..=0x2ff
        | 0x370..=0x482
        | 0x48a..=0x52f
        | 0x2010..=0x2027
        | 0x2030..=0x205e
        | 0x2100..=0x2bff
        | 0x3000..=0x3029
        | 0x3030..=0x3098
        | 0x309b..=0x30ff
        | 0x3400..=0x4dbf
        | 0x4e00..=0x9fff
        | 0xac00..=0xd7a3
        | 0xf900..=0xfaff
        | 0xff01..=0xff60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emoji_sequences_are_as_wide_as_terminals_draw_them() {
        // A family joined by zero-width joiners, a flag, a skin tone, a keycap: two columns.
        for emoji in [
            "👨\u{200d}👩\u{200d}👧",
            "🇯🇵",
            "👍🏽",
            "1\u{fe0f}\u{20e3}",
            "❤\u{fe0f}",
        ] {
            assert_eq!(display_width(emoji), 2, "{emoji:?}");
        }
        assert_eq!(display_width("a🇯🇵b"), 4);
    }
}
