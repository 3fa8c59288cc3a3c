//! One-line excerpts of text for lists (search results, bookmarks): runs of whitespace become
//! one space, so a line break in a poem or a code block cannot break a row, and a cut is marked
//! with `…`. The one place that decides how a passage is shortened.

use std::ops::Range;

/// `text` on one line: each run of whitespace, line breaks included, becomes one space.
pub fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    out
}

/// The start of `text` on one line, at most `columns` wide on screen, ending in `…` when cut
/// (between grapheme clusters, so a wide character is never halved). Leading and trailing
/// whitespace is dropped.
pub fn opening(text: &str, columns: usize) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    let line = one_line(text);
    let line = line.trim();
    if super::display_width(line) <= columns {
        return line.to_string();
    }
    let mut cut = String::new();
    let mut width = 0;
    for g in line.graphemes(true) {
        let w = super::display_width(g);
        if width + w + 1 > columns {
            break;
        }
        cut.push_str(g);
        width += w;
    }
    format!("{}…", cut.trim_end())
}

/// A one-line window on `text` around `hit` (a byte range of it): up to `before` bytes of what
/// comes before the hit, starting at a word (after a space) and marked `…` when the text goes
/// on before it, the hit, and up to 120 characters after it. Returns the window and the hit's
/// byte range inside it.
pub fn around(text: &str, hit: Range<usize>, before: usize) -> (String, Range<usize>) {
    let hit = hit.start.min(text.len())..hit.end.min(text.len());
    let mut from = hit.start.saturating_sub(before);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    // Never half a word on the left: start after the first space in the window, or at the hit.
    if from > 0 && !text[..from].ends_with(char::is_whitespace) {
        from = text[from..hit.start]
            .find(char::is_whitespace)
            .map_or(hit.start, |space| from + space);
    }
    let cut = from > 0;
    let lead = one_line(text.get(from..hit.start).unwrap_or(""));
    let lead = if cut {
        format!("…{}", lead.trim_start())
    } else {
        lead
    };
    let found = one_line(text.get(hit.clone()).unwrap_or(""));
    let tail: String = text
        .get(hit.end..)
        .unwrap_or("")
        .chars()
        .take(120)
        .collect();
    let range = lead.len()..lead.len() + found.len();
    (format!("{lead}{found}{}", one_line(&tail)), range)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_squashes_every_whitespace_run() {
        assert_eq!(one_line("let  x =\n    whale;\t\n"), "let x = whale; ");
    }

    #[test]
    fn an_opening_is_cut_with_an_ellipsis_only_when_needed() {
        assert_eq!(opening("  Call me\nIshmael.  ", 20), "Call me Ishmael.");
        assert_eq!(opening("Call me Ishmael.", 8), "Call me…");
        assert_eq!(opening("Call me Ishmael.", 0), "…");
    }

    #[test]
    fn an_opening_is_measured_in_columns() {
        // Four ideographs are eight columns: in six, two fit and the ellipsis.
        assert_eq!(opening("銀河鉄道", 6), "銀河…");
        assert_eq!(opening("銀河鉄道", 8), "銀河鉄道");
    }

    #[test]
    fn a_window_marks_the_hit_and_keeps_it_whole() {
        let text = "Para one.\n\n    let  x =\n    whale;\n";
        let start = text.find("whale").unwrap();
        let (window, range) = around(text, start..start + 5, 8);
        assert_eq!(&window[range], "whale");
        assert!(
            !window.contains('\n') && !window.contains("  "),
            "{window:?}"
        );
    }

    #[test]
    fn a_window_starts_at_a_word_and_says_it_is_cut() {
        let text =
            "CHAPTER 28. Ahab. For several days after leaving Nantucket, nothing above hatches";
        let start = text.find("Nantucket").unwrap();
        let (window, range) = around(text, start..start + 9, 20);
        assert_eq!(&window[range.clone()], "Nantucket");
        assert!(window.starts_with("…days after leaving "), "{window:?}");
        // From the text's start there is nothing to mark.
        let (window, _) = around(text, 0..7, 20);
        assert!(window.starts_with("CHAPTER"), "{window:?}");
    }

    #[test]
    fn a_window_never_cuts_inside_a_character() {
        let text = "ééééééé whale";
        let start = text.find("whale").unwrap();
        for before in 0..16 {
            let (window, range) = around(text, start..start + 5, before);
            assert_eq!(&window[range], "whale");
        }
    }
}
