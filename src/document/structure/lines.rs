//! Source lines as the block scan sees them: page furniture (running headers and footers of
//! paginated text) and box borders blanked, boxed lines opened, trailing space gone. Lines are
//! read one at a time through a [`Cursor`] with the little context the scan asks for, so no
//! list of all lines is ever built: a file of a million short lines costs no more than its
//! text. Line numbers never move, because a cleaned line is still one line.

/// Three spaces in a row: the gap between columns of a table, a contents line's title and
/// its page, a figure's parts. Asked of nearly every line the scan reads, so it looks at eight
/// bytes at a time, six apart (three spaces in a row always lie inside one such window),
/// instead of setting up a substring search for each line.
pub fn has_column_gap(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut start = 0;
    while start + 2 < bytes.len() {
        let end = (start + 8).min(bytes.len());
        let mut window = [0u8; 8];
        window[..end - start].copy_from_slice(&bytes[start..end]);
        if has_three_spaces(u64::from_le_bytes(window)) {
            return true;
        }
        start += 6;
    }
    false
}

/// Whether eight bytes (read little-endian) hold three spaces in a row.
fn has_three_spaces(window: u64) -> bool {
    const LOW_SEVEN: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    // A space becomes a zero byte; the high bit of each byte is then set where it was one
    // (exactly: no carry crosses from one byte to the next).
    let spaces_zeroed = window ^ 0x2020_2020_2020_2020;
    let spaces = !(((spaces_zeroed & LOW_SEVEN) + LOW_SEVEN) | spaces_zeroed | LOW_SEVEN);
    spaces & (spaces >> 8) & (spaces >> 16) != 0
}

/// One line of the source, cleaned, and where its raw form sits in the source.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    /// The line as the scan sees it (see [`clean`]).
    pub text: &'a str,
    /// Byte offset of the raw line in the source.
    pub start: usize,
    /// Byte offset just past the raw line, before its '\n'.
    pub end: usize,
}

impl Line<'_> {
    pub fn is_blank(&self) -> bool {
        is_blank(self.text)
    }
}

/// A line with nothing to see on it (see [`crate::text::width::shows_nothing`]). Copied from a
/// web page, a spacer paragraph of a zero-width space is a line that looks blank and parts
/// the text as a blank line does.
pub fn is_blank(line: &str) -> bool {
    crate::text::width::shows_nothing(line)
}

/// The line at byte offset `start` of `source`, if a line starts there. Like `split('\n')`, a
/// text ending in '\n' has an empty last line, and an empty text has one empty line.
fn read(source: &str, start: usize) -> Option<Line<'_>> {
    let rest = source.get(start..)?;
    let end = memchr::memchr(b'\n', rest.as_bytes()).map_or(source.len(), |at| start + at);
    Some(Line {
        text: clean(&source[start..end]),
        start,
        end,
    })
}

/// Every line of `source`, cleaned.
pub fn all(source: &str) -> impl Iterator<Item = &str> {
    source.split('\n').map(clean)
}

/// Walks the lines of a text once, front to back, knowing the line before, the nearest
/// non-blank line before, and able to look a few lines ahead.
pub struct Cursor<'a> {
    source: &'a str,
    current: Option<Line<'a>>,
    next: Option<Line<'a>>,
    /// 1-based number of the current line.
    number: usize,
    previous: Option<&'a str>,
    last_filled: Option<&'a str>,
}

impl<'a> Cursor<'a> {
    pub fn new(source: &'a str) -> Self {
        let current = read(source, 0);
        let next = current.and_then(|line| read(source, line.end + 1));
        Cursor {
            source,
            current,
            next,
            number: 1,
            previous: None,
            last_filled: None,
        }
    }

    /// The line under the cursor; None once every line is read.
    pub fn current(&self) -> Option<Line<'a>> {
        self.current
    }

    pub fn number(&self) -> usize {
        self.number
    }

    /// The line `ahead` lines after the current one (1 is the next line).
    pub fn peek(&self, ahead: usize) -> Option<Line<'a>> {
        let mut line = self.next;
        for _ in 1..ahead {
            line = read(self.source, line?.end + 1);
        }
        line
    }

    /// The current line and those after it up to the next blank line: the rest of its block.
    pub fn rest_of_block(&self) -> impl Iterator<Item = Line<'a>> + 'a {
        let source = self.source;
        std::iter::successors(self.current, move |line| read(source, line.end + 1))
            .take_while(|line| !line.is_blank())
    }

    /// The line just before the current one, blank or not.
    pub fn previous(&self) -> Option<&'a str> {
        self.previous
    }

    /// The nearest non-blank line before the current one.
    pub fn last_filled(&self) -> Option<&'a str> {
        self.last_filled
    }

    /// The nearest non-blank line after the current one.
    pub fn next_filled(&self) -> Option<&'a str> {
        let mut line = self.next;
        while let Some(found) = line {
            if !found.is_blank() {
                return Some(found.text);
            }
            line = read(self.source, found.end + 1);
        }
        None
    }

    pub fn advance(&mut self) {
        let Some(line) = self.current else {
            return;
        };
        self.previous = Some(line.text);
        if !line.is_blank() {
            self.last_filled = Some(line.text);
        }
        self.current = self.next;
        self.next = self
            .current
            .and_then(|line| read(self.source, line.end + 1));
        self.number += 1;
    }
}

/// A raw line as the scan sees it: trailing space gone, page furniture and box borders blank,
/// a boxed line opened, so the scan reads the text as if it had never been paginated or boxed.
pub fn clean(line: &str) -> &str {
    let line = line.trim_end();
    // Every line of a book comes through here, several times: most start with none of the
    // marks furniture and boxes start with and end with no ']', and so are left as they are.
    let first = line.trim_start().as_bytes().first();
    if !line.ends_with(']') && !matches!(first, Some(b'R' | b'*' | b'#' | b'|')) {
        return line;
    }
    if is_page_footer(line) || is_page_header(line) || is_box_edge(line) {
        ""
    } else {
        box_inner(line).unwrap_or(line)
    }
}

/// "Arends, et al.        Standards Track        [Page 12]".
fn is_page_footer(line: &str) -> bool {
    let trimmed = line.trim();
    let Some(rest) = trimmed.strip_suffix(']') else {
        return false;
    };
    let Some(open) = rest.rfind("[Page ") else {
        return false;
    };
    rest[open + 6..].trim().chars().all(|c| c.is_ascii_digit()) && has_column_gap(trimmed)
}

/// "RFC 4033       DNS Security Introduction and Requirements     March 2005".
fn is_page_header(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("RFC ") else {
        return false;
    };
    let number_len = rest.chars().take_while(char::is_ascii_digit).count();
    let year = line.rsplit(' ').next().unwrap_or("");
    number_len > 0
        && has_column_gap(line)
        && year.len() == 4
        && year.chars().all(|c| c.is_ascii_digit())
}

/// A border line of a box drawn with one repeated character ("*****…").
fn is_box_edge(line: &str) -> bool {
    let trimmed = line.trim();
    // Both marks are one byte, so twenty bytes of them are twenty chars; checking bytes stops
    // at the first other char instead of counting every char of a long line.
    trimmed.len() >= 20 && trimmed.bytes().all(|b| b == b'*' || b == b'#')
}

/// The inside of a boxed line "*  text   *", shifted left by the border and its padding.
fn box_inner(line: &str) -> Option<&str> {
    if line.len() < 20 {
        return None;
    }
    let border = line.chars().next()?;
    if !matches!(border, '*' | '#' | '|') || !line.ends_with(border) {
        return None;
    }
    let inner = &line[1..line.len() - 1];
    if !inner.starts_with(' ') || !inner.ends_with(' ') {
        return None;
    }
    let skip = inner.len() - inner.trim_start_matches(' ').len();
    Some(inner[skip.min(2)..].trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn a_column_gap_is_three_spaces_in_a_row_anywhere(text in "[ a\u{a0}é\t]{0,40}") {
            prop_assert_eq!(has_column_gap(&text), text.contains("   "));
        }
    }

    #[test]
    fn a_column_gap_is_found_at_either_end_and_across_windows() {
        for (text, gap) in [
            ("", false),
            ("   ", true),
            ("  ", false),
            ("a  b  c", false),
            ("abcde   ", true),
            ("abcdef   x", true),
            ("abcdefg   x", true),
            ("1.1. Overview   3", true),
            ("\u{a0}\u{a0}\u{a0}", false),
        ] {
            assert_eq!(has_column_gap(text), gap, "{text:?}");
        }
    }

    #[test]
    fn a_line_of_spaces_or_characters_that_draw_nothing_is_blank() {
        for line in [
            "",
            "   \t",
            "\u{200B}",
            " \u{200B}\u{200B} ",
            "\u{FEFF}",
            "\u{2060}\u{200D}",
        ] {
            assert!(is_blank(line), "{line:?}");
        }
        for line in ["a", "\u{200B}a", "\u{3000}x", "."] {
            assert!(!is_blank(line), "{line:?}");
        }
    }

    fn walk(source: &str) -> Vec<(usize, String, Option<String>, Option<String>)> {
        let mut cursor = Cursor::new(source);
        let mut seen = Vec::new();
        while let Some(line) = cursor.current() {
            seen.push((
                cursor.number(),
                line.text.to_string(),
                cursor.previous().map(str::to_string),
                cursor.next_filled().map(str::to_string),
            ));
            cursor.advance();
        }
        seen
    }

    #[test]
    fn the_cursor_reads_the_lines_split_would_give() {
        for source in ["", "\n", "a", "a\n", "a\n\nb", "a  \r\nb\n\n\n", "\n\nx\n"] {
            let cursor_lines: Vec<String> = walk(source).into_iter().map(|l| l.1).collect();
            let split_lines: Vec<String> = all(source).map(str::to_string).collect();
            assert_eq!(cursor_lines, split_lines, "{source:?}");
        }
    }

    #[test]
    fn the_cursor_knows_its_neighbours() {
        let seen = walk("one\n\n\ntwo\nthree");
        let numbers: Vec<usize> = seen.iter().map(|l| l.0).collect();
        assert_eq!(numbers, vec![1, 2, 3, 4, 5]);
        assert_eq!(
            seen[3].2.as_deref(),
            Some(""),
            "the line before may be blank"
        );
        assert_eq!(
            seen[0].3.as_deref(),
            Some("two"),
            "blank lines are passed over"
        );
        assert_eq!(seen[4].3, None);
        let mut cursor = Cursor::new("one\n\n\ntwo\nthree");
        assert_eq!(cursor.peek(3).map(|l| l.text), Some("two"));
        cursor.advance();
        cursor.advance();
        assert_eq!(cursor.last_filled(), Some("one"));
        assert_eq!(cursor.peek(3).map(|l| l.text), None);
    }

    #[test]
    fn line_ranges_cover_the_raw_lines() {
        let source = "first  \n*  boxed line inside a box  *\nlast";
        let mut cursor = Cursor::new(source);
        let mut ranges = Vec::new();
        while let Some(line) = cursor.current() {
            ranges.push(&source[line.start..line.end]);
            cursor.advance();
        }
        assert_eq!(
            ranges,
            vec!["first  ", "*  boxed line inside a box  *", "last"]
        );
    }

    #[test]
    fn furniture_and_box_edges_are_blank_and_boxes_open() {
        assert_eq!(
            clean("Arends, et al.        Standards Track        [Page 12]"),
            ""
        );
        assert_eq!(clean("RFC 4033       DNS Security     March 2005"), "");
        assert_eq!(clean("**********************"), "");
        assert_eq!(clean("*******"), "*******", "too short for a border");
        assert_eq!(clean("*  text in a box here     *"), "text in a box here");
        assert_eq!(clean("plain text \r"), "plain text");
    }
}
