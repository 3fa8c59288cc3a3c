//! Putting text into a frame's cells. ratatui's `Buffer::set_stringn` splits every string into
//! grapheme clusters and measures each one; a page of prose is mostly letters, spaces and
//! punctuation that are each a cluster of their own and one cell wide, and a frame puts
//! thousands of them (a fifth of a page turn's time went into finding those clusters). Text
//! made only of such characters is put here a character to a cell, into exactly the cells
//! `set_stringn` would fill, in the same style; any other text goes to `set_stringn`.

use ratatui::buffer::Buffer;
use ratatui::style::Style;

/// Put `text` at (`x`, `y`) in `style`, at most `max_width` cells and never past the buffer's
/// right edge; the position after the last cell put. As `Buffer::set_stringn`, which it is
/// for any text with a character [`lone_width`] does not know.
pub fn put_str(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    text: &str,
    max_width: usize,
    style: Style,
) -> (u16, u16) {
    if !text.chars().all(stands_alone) {
        return buf.set_stringn(x, y, text, max_width, style);
    }
    put_lone(buf, x, y, text, max_width, style)
}

/// [`put_str`] for text already known to be made only of characters that [`stands_alone`]
/// accepts (the reading column asks that first, to choose its way of drawing a line).
pub fn put_lone(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    text: &str,
    max_width: usize,
    style: Style,
) -> (u16, u16) {
    let max_width = u16::try_from(max_width).unwrap_or(u16::MAX);
    let mut room = buf.area.right().saturating_sub(x).min(max_width);
    let mut x = x;
    for ch in text.chars() {
        let width = lone_width(ch).unwrap_or(1);
        let Some(left) = room.checked_sub(width) else {
            break;
        };
        room = left;
        if let Some(cell) = buf.cell_mut((x, y)) {
            cell.set_char(ch).set_style(style);
        }
        if width == 2
            && let Some(covered) = buf.cell_mut((x + 1, y))
        {
            // The cell a wide character covers is left blank, as `set_stringn` leaves it.
            covered.reset();
        }
        x += width;
    }
    (x, y)
}

/// Whether `c` may be put without looking at its neighbours: [`lone_width`] knows it.
pub fn stands_alone(c: char) -> bool {
    lone_width(c).is_some()
}

/// How many cells `c` takes, when it is a grapheme cluster of its own beside any other
/// character known here, of a width every terminal agrees on, and no control; `None` for any
/// other character. One cell: printable ASCII; the Latin-1 letters and signs (not the soft
/// hyphen, which is drawn only where a line breaks) and Latin Extended-A and -B; the dashes,
/// quotation marks, daggers, bullet and leaders of General Punctuation; box drawing and block
/// elements (the sidebar's rule and bars), and the outline's fold markers and bookmark
/// diamond (▸ ▾ ◆, which are not emoji). Two cells: the ideographic space and CJK
/// punctuation (up to the ideographic marks, which combine), kana without their combining
/// sound marks, the unified ideographs, Hangul syllables, and the fullwidth forms. None of
/// these is a combining mark, a joiner or a right-to-left letter, so a run of them is drawn in
/// the order stored.
pub fn lone_width(c: char) -> Option<u16> {
    match u32::from(c) {
        0x20..=0x7E
        | 0xA0..=0xAC
        | 0xAE..=0x24F
        | 0x2010..=0x2027
        | 0x2500..=0x259F
        | 0x25B8
        | 0x25BE
        | 0x25C6 => Some(1),
        0x3000..=0x3029
        | 0x3041..=0x3096
        | 0x30A1..=0x30FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xAC00..=0xD7A3
        | 0xFF01..=0xFF60 => Some(2),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Modifier};
    use unicode_segmentation::UnicodeSegmentation;
    use unicode_width::UnicodeWidthStr;

    fn accepted() -> impl Iterator<Item = char> {
        (0u32..0x11000)
            .filter_map(char::from_u32)
            .filter(|&c| stands_alone(c))
    }

    #[test]
    fn every_accepted_character_has_its_width_and_is_a_cluster_of_its_own() {
        let all: Vec<char> = accepted().collect();
        assert!(all.len() > 39_000, "the set shrank to {}", all.len());
        for &c in &all {
            let one = c.to_string();
            let width = lone_width(c).map(usize::from);
            assert_eq!(Some(one.width()), width, "{c:?} is not as wide as said");
            assert!(!c.is_control(), "{c:?} is a control");
            // Beside its neighbours in the set, and beside the plainest letter, it stays a
            // cluster of its own on both sides.
            for other in ['a', ' ', '\u{2014}', all[(c as usize * 7) % all.len()]] {
                let pair = format!("{c}{other}");
                assert_eq!(pair.graphemes(true).count(), 2, "{pair:?} joins");
                let pair = format!("{other}{c}");
                assert_eq!(pair.graphemes(true).count(), 2, "{pair:?} joins");
            }
        }
    }

    #[test]
    fn combining_marks_joiners_emoji_and_right_to_left_letters_go_the_long_way() {
        for c in [
            '\u{301}', '\u{200D}', '\u{AD}', '\u{FE0F}', '\u{302A}', '\u{3099}', 'א', 'ا', '\t',
            '😀',
        ] {
            assert!(!stands_alone(c), "{c:?}");
        }
    }

    /// A buffer with something in it already, so that cells left alone are told apart.
    fn scribbled(area: Rect) -> Buffer {
        let mut buf = Buffer::empty(area);
        for y in area.top()..area.bottom() {
            buf.set_stringn(area.x, y, "#".repeat(80), 80, Style::new().fg(Color::Red));
        }
        buf
    }

    fn text_strategy() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "a", "Z", " ", ".", "\u{2014}", "\u{201C}", "é", "ß", "œ", "…", "│", "▌", "\u{301}",
            "中", "。", "か", "한", "Ａ", "\u{3099}", "א", "\t", "\u{AD}", "😀", "\u{200D}",
        ]);
        prop::collection::vec(pieces, 0..40).prop_map(|p| p.concat())
    }

    proptest! {
        /// The cells filled, their contents and styles, and the position returned are those
        /// of `set_stringn`, for any text, place and width, inside or across the edge.
        #[test]
        fn puts_what_set_stringn_puts(
            text in text_strategy(),
            x in 0u16..30,
            y in 0u16..3,
            max_width in 0usize..40,
        ) {
            let area = Rect::new(2, 0, 24, 3);
            let style = Style::new().fg(Color::Blue).add_modifier(Modifier::ITALIC);
            let x = x.max(area.x);
            let mut ours = scribbled(area);
            let mut theirs = scribbled(area);
            let at = put_str(&mut ours, x, y, &text, max_width, style);
            let expected = theirs.set_stringn(x, y, &text, max_width, style);
            prop_assert_eq!(at, expected);
            prop_assert_eq!(ours, theirs);
        }
    }
}
