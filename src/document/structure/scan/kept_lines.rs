//! Whether a paragraph's lines are kept as lines or flow: a list's items, verse and code keep
//! them; prose wrapped at a measure, even set in by hand, flows. Asked by the scan as it
//! closes each block.

use super::super::raw::Raw;
use super::indent;
use crate::document::BlockKind;

/// A paragraph whose last line ends in a colon ("Foods to avoid:"): what follows may be the
/// list it introduces.
pub(super) fn introduces_a_list<'a>(kind: BlockKind, lines: impl Iterator<Item = &'a str>) -> bool {
    kind == BlockKind::Paragraph
        && lines
            .last()
            .is_some_and(|line| line.trim_end().ends_with([':', '：']))
}

/// The items of a list, one a line with no mark before them, kept as lines rather than run
/// together: after a sentence that introduces them with a colon ("alcohol in any form" /
/// "sugar" / "starchy vegetables (potatoes, corn)"), or, colon or not, three short lines or
/// more (under 40 columns on average, as a menu's are) each opening in a small letter
/// ("cabbage" / "courgette" / "peas"): a menu's or a title's words open in capitals. The lines
/// end no sentence or clause, and several are well short of the longest, so they are no
/// prose wrapped at a measure. Without the colon, or in capitals, such lines are as likely
/// a menu, left to the furniture rules; a row of buttons after "Share this:" is furniture
/// still, and so is a trail of links.
pub(super) fn is_list_of_lines<'a>(
    lines: impl Iterator<Item = &'a str> + Clone,
    after_colon: bool,
) -> bool {
    if !after_colon && !opens_each_line_in_lower_case(lines.clone()) {
        return false;
    }
    let lines: Vec<&str> = lines.map(str::trim).filter(|l| !l.is_empty()).collect();
    lines.len() >= 2
        && lines.iter().all(|line| {
            crate::text::display_width(line) <= 100
                && !line.ends_with([',', ';', ':', '，', '；', '：', '、'])
                && !looks_like_code(line)
        })
        && lines[..lines.len() - 1]
            .iter()
            .all(|line| !crate::document::structure::matter::ends_sentence(line))
        && !lines.iter().any(|line| crate::document::structure::chrome::has_cue(line))
        && !is_wrapped_at_a_measure(&lines)
        // A trail of links after "You are at:" ("Home" / "Fact Check" / the headline) is the
        // page's navigation: names of a word or three, each in capitals, up to the last.
        && !lines[..lines.len() - 1].iter().all(|line| {
            line.chars().next().is_some_and(char::is_uppercase)
                && line.split_whitespace().count() <= 3
        })
}

/// Three lines or more, under 40 columns on average, each opening on a small letter.
fn opens_each_line_in_lower_case<'a>(lines: impl Iterator<Item = &'a str>) -> bool {
    let (mut count, mut width) = (0usize, 0usize);
    for line in lines.map(str::trim) {
        if !line.chars().next().is_some_and(char::is_lowercase) {
            return false;
        }
        count += 1;
        width += crate::text::display_width(line);
    }
    count >= 3 && width < 40 * count
}

/// Most lines but the last are about full: the next line's first word, and a little more,
/// would not have fitted after them within the longest line. Prose wrapped at a measure is so,
/// but for a line cut short now and then by hand (the little more because some wrappers
/// counted bytes, not characters, or the measure is wider than the longest line of a short
/// passage); a list's items end where they end.
pub(super) fn is_wrapped_at_a_measure(lines: &[&str]) -> bool {
    const ROOM: usize = 10;
    let longest = lines
        .iter()
        .map(|line| crate::text::display_width(line))
        .max()
        .unwrap_or(0);
    let roomy = lines
        .windows(2)
        .filter(|pair| {
            let next_word = pair[1].split_whitespace().next().unwrap_or("");
            crate::text::display_width(pair[0]) + 1 + crate::text::display_width(next_word) + ROOM
                <= longest
        })
        .count();
    roomy * 2 < lines.len().saturating_sub(1)
}

/// Lines of prose wrapped at a measure, not broken by sense. All of these hold:
/// - the lines after the first share one indent, and the first sits there or deeper (a
///   paragraph's first-line indent), where verse turns a long line over deeper, or hangs
///   its opening quotation mark;
/// - each line but the last is full: the next line's first word would not have fitted after
///   it within the longest line;
/// - the longest line is as long as a wrapping width makes it, longer than most lines of
///   verse;
/// - a sentence goes on across some break in lower case (verse starts each line with a
///   capital, and may break anywhere in a sentence, so a line ending without a stop says
///   nothing), unless it is all in capitals;
/// - the lines are words, numbers and punctuation, not code or a figure.
///
/// Asked of blocks set in like preformatted text, and of the paragraphs of a text whose prose
/// was never hard-wrapped.
pub(in crate::document::structure) fn reads_as_wrapped_prose(raw: &Raw<'_>) -> bool {
    let lines: Vec<&str> = raw.lines().map(str::trim_end).collect();
    let (Some(first), Some(second)) = (lines.first(), lines.get(1)) else {
        return false;
    };
    let body_indent = indent(second);
    let first_indent = indent(first);
    if lines[1..].iter().any(|line| indent(line) != body_indent)
        || !(body_indent..=body_indent + MOST_FIRST_LINE_INDENT).contains(&first_indent)
        || lines.iter().any(|line| looks_like_code(line))
    {
        return false;
    }
    let width = |line: &str| line.chars().count() - body_indent;
    let longest = lines.iter().map(|line| width(line)).max().unwrap_or(0);
    if longest < MEASURE_OF_WRAPPED_PROSE {
        return false;
    }
    let full = lines.windows(2).all(|pair| {
        let next_word = pair[1].split_whitespace().next().unwrap_or("");
        width(pair[0]) + 1 + next_word.chars().count() > longest
    });
    let goes_on_in_lower_case = lines[1..].iter().any(|line| {
        line.trim_start()
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
    });
    let text: String = lines.concat();
    let wordy = text.chars().filter(|&c| is_wordy(c)).count();
    // A notice set all in capitals (a disclaimer) has no case to tell by: three full lines
    // of it are evidence enough.
    let in_capitals = lines.len() >= 3 && !text.chars().any(char::is_lowercase);
    full && (goes_on_in_lower_case || in_capitals) && wordy * 20 >= text.chars().count() * 19
}

/// Lines of words and punctuation, set as lines (verse, an address, a list set in by hand),
/// not code or a figure: no code marks, and nearly every character a letter, a digit, a
/// space or a mark of punctuation prose uses.
pub(super) fn is_lines_of_words(raw: &Raw<'_>) -> bool {
    let mut characters = 0;
    let mut wordy = 0;
    for line in raw.lines() {
        if looks_like_code(line) {
            return false;
        }
        for c in line.trim().chars() {
            characters += 1;
            wordy += usize::from(is_wordy(c));
        }
    }
    characters > 0 && wordy * 20 >= characters * 19
}

/// A character of prose: a letter, a digit, a space, or punctuation prose uses.
fn is_wordy(c: char) -> bool {
    c.is_alphanumeric() || c.is_whitespace() || ".,;:!?'\"’‘“”-—–()*_".contains(c)
}

/// The most a paragraph's first line is set in past its other lines: further in, the first
/// line is something else (a help file's tag over an example).
const MOST_FIRST_LINE_INDENT: usize = 4;

/// Marks that prose does without and code, markup and figures use: braces, operators, comment
/// marks, an underscore inside a name (not the underscores of `_italics_`), a name called with
/// `(` straight after it.
fn looks_like_code(line: &str) -> bool {
    let marks = [
        '{', '}', '<', '>', '=', '#', '\\', '|', '~', '`', '@', '$', '^',
    ];
    if line.contains(marks) || line.contains("//") || line.contains("/*") || line.contains("&&") {
        return true;
    }
    let bytes = line.as_bytes();
    let called = bytes
        .windows(2)
        .any(|pair| pair[0].is_ascii_alphanumeric() && pair[1] == b'(');
    let in_a_name = bytes.windows(3).any(|three| {
        three[1] == b'_' && three[0].is_ascii_alphanumeric() && three[2].is_ascii_alphanumeric()
    });
    called || in_a_name
}

/// The shortest longest line of prose wrapped at a measure (its indent aside): most lines of
/// verse are shorter (a pentameter runs to about fifty), as are lists and addresses.
pub(super) const MEASURE_OF_WRAPPED_PROSE: usize = 55;
