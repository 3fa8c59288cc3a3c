//! Long preformatted (code) lines continued on the rows below instead of cut, for readers who
//! asked to see all of them: where each row breaks, and how far continuation rows hang in.
//! Rows are byte ranges into the block text, broken between grapheme clusters; nothing is
//! dropped or repeated, so concatenating a line's rows gives the line back. Drawing the marker
//! that starts a continuation row is the reader's job, not this file's.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::text::display_width;

/// One screen row of a code block: its bytes, and the columns before its text (zero for the
/// first row of a source line; on a continuation row, the marker's cell and the indentation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeRow {
    pub range: Range<usize>,
    pub hang: usize,
}

/// Preformatted text in rows at most `width` columns wide (counting a continuation row's hang):
/// a source line that fits is one row; a wider one goes on in continuation rows.
pub fn wrap_preformatted(text: &str, width: usize) -> Vec<CodeRow> {
    // Room for the marker and a cluster of the widest kind on every continuation row.
    let width = width.max(4);
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        let start = line_start;
        line_start += line.len() + 1;
        if display_width(line) <= width {
            out.push(CodeRow {
                range: start..start + line.len(),
                hang: 0,
            });
            continue;
        }
        let hang = continuation_hang(line, width);
        let (mut from, mut room, mut row_hang) = (0, width, 0);
        loop {
            let end = row_end(line, from, room);
            out.push(CodeRow {
                range: start + from..start + end,
                hang: row_hang,
            });
            if end >= line.len() {
                break;
            }
            (from, room, row_hang) = (end, width - hang, hang);
        }
    }
    out
}

/// Columns a continuation row of `line` gives up before its text: the marker's cell, then the
/// line's own indentation, so continued code sits one column inside the line it belongs to.
/// Never more than half the column, so deep indentation still leaves room to read.
pub fn continuation_hang(line: &str, width: usize) -> usize {
    let indent = line.len() - line.trim_start_matches(' ').len();
    (1 + indent).min(width / 2).max(1)
}

/// Where the row of `line` that starts at byte `from` ends, given `room` columns: the whole
/// rest when it fits; else after the last space that lies in the last third of the row, or
/// failing that the last punctuation there, so a token is not split when a nearby break
/// exists; else at the column's edge, between grapheme clusters. Spaces come first, and dashes
/// that open a token (` -s`, ` --flag`, `-1`) are no break at all: a row ending in one would
/// split an option or a number from its sign.
/// Always past `from` while text remains, so rows make progress even when a cluster is wider
/// than the room.
pub fn row_end(line: &str, from: usize, room: usize) -> usize {
    let rest = line.get(from..).unwrap_or("");
    // Breaks this late in the row are worth a shorter row.
    let late = |column: usize| 3 * column >= 2 * room;
    let mut used = 0;
    let (mut after_space, mut after_punctuation) = (None, None);
    // Whether the cluster before this one leaves a following dash opening a token.
    let mut dash_opens = line[..from.min(line.len())]
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || c == '-');
    for (offset, grapheme) in rest.grapheme_indices(true) {
        let width = grapheme.width();
        if used + width > room {
            if offset == 0 {
                return from + grapheme.len();
            }
            return from + after_space.or(after_punctuation).unwrap_or(offset);
        }
        used += width;
        let end = offset + grapheme.len();
        let opening_dash = grapheme == "-" && dash_opens;
        dash_opens = grapheme.chars().all(|c| c.is_whitespace()) || opening_dash;
        match break_after(grapheme) {
            Some(Break::Space) if late(used) => after_space = Some(end),
            Some(Break::Punctuation) if late(used) && !opening_dash => {
                after_punctuation = Some(end)
            }
            _ => {}
        }
    }
    line.len()
}

/// The kinds of place a code row may end, best first.
enum Break {
    Space,
    Punctuation,
}

/// Whether a code row may end after this cluster: after spaces, and after punctuation that
/// separates tokens. Not after quotes, backslashes or underscores: a row ending in one would
/// split a string from its quote, look like a shell line continuation, or cut an identifier.
fn break_after(grapheme: &str) -> Option<Break> {
    let c = grapheme.chars().next()?;
    if c.is_whitespace() {
        Some(Break::Space)
    } else if (c.is_ascii_punctuation() && !matches!(c, '\'' | '"' | '`' | '\\' | '_'))
        || matches!(
            c,
            '、' | '。' | '，' | '；' | '：' | '！' | '？' | '）' | '」' | '』' | '】'
        )
    {
        Some(Break::Punctuation)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str, width: usize) -> Vec<(&str, usize)> {
        wrap_preformatted(text, width)
            .into_iter()
            .map(|row| (&text[row.range], row.hang))
            .collect()
    }

    #[test]
    fn a_row_breaks_after_a_space_or_punctuation_in_its_last_third() {
        // Ten columns: a break at column 7 or later is preferred to splitting a token.
        assert_eq!(row_end("let x = first_value", 0, 10), 8);
        assert_eq!(row_end("call(a, bb, cc)", 0, 10), 8);
        // A break exactly at the edge is the edge.
        assert_eq!(row_end("let total = first", 0, 10), 10);
        // A space in the last third wins over later punctuation; punctuation serves when no
        // space is there.
        assert_eq!(row_end("run -s --default", 0, 10), 7);
        assert_eq!(row_end("abc defg.hijklm", 0, 10), 9);
        assert_eq!(row_end("a.b.c.d.efghijk", 0, 10), 8);
        // Dashes that open an option are no break; a dash inside a word is.
        assert_eq!(row_end("apply --filename", 0, 10), 10);
        assert_eq!(row_end("apply -12345678", 0, 10), 10);
        assert_eq!(row_end("--default-toolchain", 0, 12), 10);
        // The space at column 4 is too early: the row is filled to the edge instead.
        assert_eq!(row_end("abc defghijklmnop", 0, 10), 10);
        // No break at all: the edge.
        assert_eq!(row_end("abcdefghijklmnop", 0, 10), 10);
        // Quotes, backslashes and underscores are not breaks.
        assert_eq!(row_end("abcdefg\"hijklm", 0, 10), 10);
        assert_eq!(row_end("abcdefg\\hijklm", 0, 10), 10);
        assert_eq!(row_end("long_snake_case_name", 0, 10), 10);
        // The rest fits: all of it.
        assert_eq!(row_end("abc def", 4, 10), 7);
        // Rows after the first start mid-line.
        assert_eq!(row_end("0123456789abc, defghij", 10, 6), 15);
    }

    #[test]
    fn breaks_fall_between_grapheme_clusters() {
        // A two-column ideograph that would straddle the edge goes to the next row.
        assert_eq!(row_end("ab你好世界", 0, 5), "ab你".len());
        // A base letter keeps its combining accent.
        let text = "e\u{301}e\u{301}e\u{301}";
        assert_eq!(row_end(text, 0, 2), "e\u{301}e\u{301}".len());
        // A cluster wider than the room is still taken whole, so the row moves on.
        assert_eq!(row_end("你好", 0, 1), "你".len());
    }

    #[test]
    fn long_lines_continue_with_their_indentation() {
        let text = "    call(first, second, third)\nok";
        assert_eq!(
            rows(text, 20),
            vec![("    call(first, ", 0), ("second, third)", 5), ("ok", 0)]
        );
        // Lines that fit are one row each; empty lines keep their place.
        assert_eq!(rows("a\n\nb", 4), vec![("a", 0), ("", 0), ("b", 0)]);
        // Deep indentation hangs at most half the column.
        let deep = format!("{}xxxxxxxxxxxx", " ".repeat(30));
        let got = rows(&deep, 12);
        assert!(got[1..].iter().all(|&(_, hang)| hang == 6), "{got:?}");
        assert_eq!(got.iter().map(|(s, _)| *s).collect::<String>(), deep);
    }

    #[test]
    fn every_row_fits_and_nothing_is_lost() {
        let text = "fn main() { let 名前 = \"長い行の日本語\"; println!(\"{名前}\"); } // 👨\u{200d}👩\u{200d}👧 e\u{301}";
        for width in 4..40 {
            let got = rows(text, width);
            for &(shown, hang) in &got {
                assert!(display_width(shown) + hang <= width, "{shown:?} at {width}");
            }
            assert_eq!(got.iter().map(|(s, _)| *s).collect::<String>(), text);
        }
    }
}
