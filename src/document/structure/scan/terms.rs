//! Lines that stand over a block set deeper than they are (a manual page's "NAME", an
//! option over what it does, a speaker's line over verse), a tag that hangs its text, and a
//! line of verse numbered in the margin: the line tests the scan splits and keeps lines by.

use super::indent;
use crate::document::structure::lines::has_column_gap;
use unicode_width::UnicodeWidthStr;

/// A line standing over a body set in deeper than it: a manual page's "NAME" over
/// "       ls - list directory contents", an option over what it does, a term over its
/// definition. It is a line of its own, a heading or a term, and the body a block. Every line
/// of the body, from the cursor's to the next blank line, sits two columns or more deeper,
/// and the line above stops short of the body's reach with room for the body's first word:
/// it was ended there on purpose. A hanging-indent paragraph (a bibliography's entry) fills
/// its first line, verse whose second line is set in comes back to the margin, and code
/// leaves a bracket open.
pub(super) fn stands_over_set_in<'a>(above: &str, body: impl Iterator<Item = &'a str>) -> bool {
    // A line leaving a bracket open ("OtherInfo ::= SEQUENCE {") is code that goes on
    // below it, whatever a page break did to its closing line.
    let opened = |open: char, close: char| {
        above.chars().filter(|&c| c == open).count() > above.chars().filter(|&c| c == close).count()
    };
    if opened('{', '}') || opened('(', ')') || opened('[', ']') {
        return false;
    }
    let depth = indent(above) + 2;
    let mut reach = 0;
    let mut first_word = None;
    for line in body {
        if indent(line) < depth {
            return false;
        }
        reach = reach.max(line.trim_end().width());
        first_word = first_word.or_else(|| line.split_whitespace().next());
    }
    let first_word = first_word.map_or(0, UnicodeWidthStr::width);
    above.trim_end().width() + 1 + first_word <= reach
}

/// A line of words with its number set apart at its end: "And with each end of thy blue bow
/// dost crown                    80".
pub(super) fn is_numbered_in_margin(line: &str) -> bool {
    let Some((words, number)) = line.rsplit_once("   ") else {
        return false;
    };
    let number = number.trim();
    (1..=5).contains(&number.len())
        && number.bytes().all(|b| b.is_ascii_digit())
        && !has_column_gap(words.trim())
        && words.trim().contains(char::is_alphabetic)
}

/// A line opening on a tag set apart from its words by two spaces or more ("-c     with
/// -lt: sort by…", "0      Successful termination."), as a manual page sets an option.
pub(super) fn is_tagged(line: &str) -> bool {
    let text = line.trim();
    text.find(char::is_whitespace)
        .is_some_and(|end| text[end..].starts_with("  ") && !text[end..].trim().is_empty())
}
