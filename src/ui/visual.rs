//! One wrapped line in display order: the Unicode bidirectional algorithm (`unicode-bidi`)
//! reorders right-to-left runs at draw time, grapheme cluster by grapheme cluster so combining
//! marks stay on their base, with paired brackets mirrored; soft hyphens are hidden unless the
//! line breaks at one. Layout keeps logical order; only this view is reordered.

use std::borrow::Cow;
use std::ops::Range;

use unicode_bidi::{BidiInfo, Direction, Level, get_base_direction};
use unicode_segmentation::UnicodeSegmentation;

use crate::document::sanitize::breaks_at_soft_hyphen;

/// How far into a block the paragraph direction is looked for.
const DIRECTION_SCAN: usize = 4096;

/// A grapheme cluster to draw, and the byte offset in the block text it comes from (for
/// inline styles).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell<'a> {
    pub offset: usize,
    pub text: &'a str,
}

/// A line ready to draw: its cells left to right, and whether its paragraph runs right to left
/// (such lines are aligned to the right edge of the column).
#[derive(Debug, Default)]
pub struct VisualLine<'a> {
    pub cells: Vec<Cell<'a>>,
    pub right_to_left: bool,
}

/// True if the paragraph's first strong character is right-to-left.
pub fn paragraph_is_rtl(text: &str) -> bool {
    let mut end = text.len().min(DIRECTION_SCAN);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    get_base_direction(&text[..end]) == Direction::Rtl
}

/// True for characters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, NKo…, and
/// their presentation forms): lines without any need no reordering.
fn is_rtl_char(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08ff | 0xfb1d..=0xfdff | 0xfe70..=0xfeff | 0x10800..=0x10fff | 0x1e800..=0x1efff)
}

/// A one-line text (a label, a name, a quotation) in display order, as the reading pane orders
/// a line: right-to-left runs reordered, so a Hebrew heading reads right in the sidebar and
/// the status line. Text without right-to-left characters comes back as it is.
pub fn display_order(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_rtl_char) {
        return Cow::Borrowed(text);
    }
    let line = visual_line(text, 0..text.len(), paragraph_is_rtl(text));
    Cow::Owned(line.cells.iter().map(|cell| cell.text).collect())
}

/// The cells of a line of the reading column: in display order with `bidi` on (the setting),
/// else in the order they are stored, for a terminal that reorders right-to-left text itself
/// (reordered twice, it would read backwards).
///
/// A block of several source lines (verse) is, as the bidirectional algorithm has it, several
/// paragraphs: each line takes its direction from its own first strong character, so one
/// Hebrew line does not turn the lines around it. A preformatted block (a table, a list of
/// etymologies set in columns) is laid out by its spaces, so all its lines take one direction,
/// `block_rtl`: the one most of them have ([`lines_mostly_rtl`], worked out once per block by
/// the caller). A Hebrew word opening one row of an English table stays in its column instead
/// of turning its row around and against the right edge.
pub fn drawn_line(
    block_text: &str,
    range: Range<usize>,
    bidi: bool,
    block_rtl: Option<bool>,
) -> VisualLine<'_> {
    if !bidi {
        return cells_of(block_text, range, false, false);
    }
    let rtl = line_runs_right_to_left(block_text, range.start, block_rtl);
    visual_line(block_text, range, rtl)
}

/// Whether the line of `block_text` starting at byte `start` belongs to a right-to-left
/// paragraph, as [`drawn_line`] decides with `bidi` on: `block_rtl` for a preformatted block,
/// else the direction of the source line holding it.
pub fn line_runs_right_to_left(block_text: &str, start: usize, block_rtl: Option<bool>) -> bool {
    if let Some(rtl) = block_rtl {
        return rtl;
    }
    let start = start.min(block_text.len());
    let from = memchr::memrchr(b'\n', &block_text.as_bytes()[..start]).map_or(0, |i| i + 1);
    let to = memchr::memchr(b'\n', &block_text.as_bytes()[start..])
        .map_or(block_text.len(), |i| start + i);
    let own = block_text.get(from..to).unwrap_or(block_text);
    paragraph_is_rtl(own)
}

/// Whether more of a block's lines (within its first [`DIRECTION_SCAN`] bytes) open with a
/// right-to-left strong character than with a left-to-right one.
pub fn lines_mostly_rtl(text: &str) -> bool {
    let mut end = text.len().min(DIRECTION_SCAN);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let (mut rtl, mut ltr) = (0usize, 0usize);
    for line in text[..end].lines() {
        match get_base_direction(line) {
            Direction::Rtl => rtl += 1,
            Direction::Ltr => ltr += 1,
            Direction::Mixed => {}
        }
    }
    rtl > ltr
}

/// The cells of `block_text[range]` in display order.
pub fn visual_line(block_text: &str, range: Range<usize>, paragraph_rtl: bool) -> VisualLine<'_> {
    cells_of(block_text, range, paragraph_rtl, true)
}

fn cells_of(
    block_text: &str,
    range: Range<usize>,
    paragraph_rtl: bool,
    reorder_allowed: bool,
) -> VisualLine<'_> {
    let start = range.start.min(block_text.len());
    let end = range.end.clamp(start, block_text.len());
    let Some(line) = block_text.get(start..end) else {
        return VisualLine::default();
    };
    let breaks_at_hyphen = breaks_at_soft_hyphen(block_text, end);
    let mut cells: Vec<Cell<'_>> = Vec::with_capacity(line.len());
    let reorder = reorder_allowed && (paragraph_rtl || line.chars().any(is_rtl_char));
    if !reorder {
        push_forward(line, start, &mut cells);
    } else {
        let level = if paragraph_rtl {
            Level::rtl()
        } else {
            Level::ltr()
        };
        let info = BidiInfo::new(line, Some(level));
        for paragraph in &info.paragraphs {
            let (levels, runs) = info.visual_runs(paragraph, paragraph.range.clone());
            for run in runs {
                let rtl = levels.get(run.start).is_some_and(|l| l.is_rtl());
                let piece = &line[run.clone()];
                if rtl {
                    push_reversed(piece, start + run.start, &mut cells);
                } else {
                    push_forward(piece, start + run.start, &mut cells);
                }
            }
        }
    }
    cells.retain(|c| c.text != "\u{ad}" || (breaks_at_hyphen && c.offset + c.text.len() == end));
    for cell in &mut cells {
        if cell.text == "\u{ad}" {
            cell.text = "-";
        }
    }
    VisualLine {
        cells,
        right_to_left: paragraph_rtl,
    }
}

fn push_forward<'a>(text: &'a str, base: usize, cells: &mut Vec<Cell<'a>>) {
    cells.extend(text.grapheme_indices(true).map(|(i, g)| Cell {
        offset: base + i,
        text: g,
    }));
}

fn push_reversed<'a>(text: &'a str, base: usize, cells: &mut Vec<Cell<'a>>) {
    cells.extend(text.grapheme_indices(true).rev().map(|(i, g)| Cell {
        offset: base + i,
        text: mirrored(g),
    }));
}

/// Paired punctuation shown in a right-to-left run faces the other way (Unicode's
/// Bidi_Mirrored property, for the common pairs).
fn mirrored(g: &str) -> &str {
    match g {
        "(" => ")",
        ")" => "(",
        "[" => "]",
        "]" => "[",
        "{" => "}",
        "}" => "{",
        "<" => ">",
        ">" => "<",
        "«" => "»",
        "»" => "«",
        "‹" => "›",
        "›" => "‹",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_put_in_display_order_like_lines() {
        assert!(matches!(
            display_order("Chapter 12"),
            Cow::Borrowed("Chapter 12")
        ));
        assert_eq!(display_order("שלום עולם"), "םלוע םולש");
        // The number stays left to right inside the right-to-left label.
        assert_eq!(display_order("סעיף 12."), ".12 ףיעס");
        assert_eq!(display_order("see שלום here"), "see םולש here");
    }

    fn shown(text: &str) -> String {
        let rtl = paragraph_is_rtl(text);
        visual_line(text, 0..text.len(), rtl)
            .cells
            .iter()
            .map(|c| c.text)
            .collect()
    }

    fn drawn(text: &str, line: usize, preformatted: bool) -> (String, bool) {
        let start: usize = text.split('\n').take(line).map(|l| l.len() + 1).sum();
        let len = text.split('\n').nth(line).map_or(0, str::len);
        let block_rtl = preformatted.then(|| lines_mostly_rtl(text));
        let visual = drawn_line(text, start..start + len, true, block_rtl);
        let shown = visual.cells.iter().map(|c| c.text).collect();
        (shown, visual.right_to_left)
    }

    #[test]
    fn a_preformatted_table_keeps_a_hebrew_row_in_its_columns() {
        let table = "χος,      Greek.\nחו,       Hebrew.\nCETUS,    Latin.";
        // In the table, the row keeps its column order, and sits at the left with the others.
        assert_eq!(
            drawn(table, 1, true),
            ("וח,       Hebrew.".to_string(), false)
        );
        // As lines of verse, each line is its own paragraph: the Hebrew one runs right to left.
        assert_eq!(
            drawn(table, 1, false),
            (".Hebrew       ,וח".to_string(), true)
        );
        // A preformatted block that is mostly Hebrew runs right to left throughout.
        let hebrew = "שלום עולם\nשלום\nabc";
        assert!(drawn(hebrew, 2, true).1);
    }

    #[test]
    fn latin_is_untouched() {
        assert_eq!(shown("plain text"), "plain text");
    }

    #[test]
    fn hebrew_is_reversed_for_display() {
        // "שלום" (shalom) is stored first letter first; on screen its first letter is rightmost.
        assert_eq!(shown("שלום"), "םולש");
        assert!(paragraph_is_rtl("שלום world"));
    }

    #[test]
    fn numbers_and_latin_inside_rtl_keep_their_order() {
        assert_eq!(shown("אב 123 cd"), "cd 123 בא");
    }

    #[test]
    fn combining_marks_stay_on_their_base() {
        // Bet with dagesh (U+05BC) then alef: reversed by clusters, not by chars.
        let text = "\u{5d1}\u{5bc}\u{5d0}";
        assert_eq!(shown(text), "\u{5d0}\u{5d1}\u{5bc}");
    }

    #[test]
    fn brackets_are_mirrored_in_rtl_runs() {
        assert_eq!(shown("א(ב)"), "(ב)א");
    }

    #[test]
    fn offsets_point_back_into_the_text() {
        let text = "abc אבג";
        let line = visual_line(text, 0..text.len(), false);
        for cell in &line.cells {
            assert!(
                text[cell.offset..].starts_with(cell.text) || "()[]{}<>«»‹›".contains(cell.text)
            );
        }
    }

    #[test]
    fn soft_hyphen_only_where_the_line_breaks() {
        let text = "co\u{ad}operate again";
        let whole: String = visual_line(text, 0..text.len(), false)
            .cells
            .iter()
            .map(|c| c.text)
            .collect();
        assert_eq!(whole, "cooperate again");
        let first: String = visual_line(text, 0..4, false)
            .cells
            .iter()
            .map(|c| c.text)
            .collect();
        assert_eq!(first, "co-");
        // A line of code that ends on one ends where its source line does: no word breaks.
        let code = "f <char-173> \u{ad}\nf <char-174> x";
        let line: String = visual_line(code, 0..code.find('\n').unwrap_or(0), false)
            .cells
            .iter()
            .map(|c| c.text)
            .collect();
        assert_eq!(line, "f <char-173> ");
    }

    #[test]
    fn each_line_of_a_block_takes_its_own_direction() {
        let block = "ϰητος, Greek.\nחו, Hebrew.\nWHŒL, Anglo-Saxon.";
        let first = drawn_line(block, 0..block.find('\n').unwrap(), true, None);
        assert!(!first.right_to_left);
        let text: String = first.cells.iter().map(|c| c.text).collect();
        assert_eq!(text, "ϰητος, Greek.");
        let second_start = block.find('\n').unwrap() + 1;
        let second_end = block.rfind('\n').unwrap();
        assert!(drawn_line(block, second_start..second_end, true, None).right_to_left);
        let third = drawn_line(block, second_end + 1..block.len(), true, None);
        assert!(!third.right_to_left);
        // A left-to-right line with a Hebrew word keeps its order but for that word.
        let mixed = "The word חו is Hebrew.";
        let line = drawn_line(mixed, 0..mixed.len(), true, None);
        assert!(!line.right_to_left);
        let shown: String = line.cells.iter().map(|c| c.text).collect();
        assert!(
            shown.starts_with("The word ") && shown.ends_with(" is Hebrew."),
            "{shown}"
        );
    }
}
