//! A memo's header: the "Field: value" lines a PEP or a mail opens with, or an RFC's header
//! set in two columns, folded as front matter when it is short, holds no running prose and
//! has a text after it.

use super::super::raw::Raw;
use super::super::shape::Shaped;
use crate::document::{Block, BlockKind, Fold};

/// The most lines a header of fields takes. A PEP's runs to a dozen, a mail's with its
/// addresses to a couple of dozen; a longer run of fields is the text itself (a package's
/// status record, a copyright file whose fields hold a licence).
const FRONT_FIELDS_MAX_LINES: usize = 30;
/// The most lines a memo's header in two columns takes (an RFC's runs to a dozen); a longer
/// block set in columns is a table or a drawing.
const COLUMN_HEADER_MAX_LINES: usize = 16;

/// A block of "Field: value" lines at the top (e-mail style headers of PEPs and memos), or a
/// memo's header set in two columns (working group and authors, number and date), when a text
/// follows it: a block of fields or columns that is the whole file (a settings file, a record
/// of fields and nothing else) is the text, and shows.
pub(super) fn mark_front_fields(raws: &[impl Shaped], blocks: &mut [Block]) {
    let Some(first) = blocks.iter().position(|b| b.kind != BlockKind::Leftover) else {
        return;
    };
    let text_follows = blocks[first + 1..]
        .iter()
        .any(|b| b.kind != BlockKind::Leftover);
    if raws[first].front_header() && text_follows {
        blocks[first].fold_as(Fold::FrontMatter);
    }
}

/// A header a text may open with ([`mark_front_fields`]): fields or two columns, and short.
/// Fields whose values run on as prose (a copyright file's comment, a licence set in a field)
/// are read, not skipped: a header's values are names, numbers, dates, paths and addresses.
pub(in crate::document::structure) fn is_front_header(raw: &Raw<'_>) -> bool {
    let lines = raw.line_count();
    let prose = raw
        .lines()
        .filter(|line| line.starts_with(' ') && is_running_prose(line))
        .count();
    (is_front_fields(raw) && lines <= FRONT_FIELDS_MAX_LINES && prose < 2)
        || (is_column_header(raw) && lines <= COLUMN_HEADER_MAX_LINES)
}

/// A line of running prose: six words or more, half of them or more in lower case, as the
/// little words of a sentence are ("which is itself dynamically linked with OpenSSL"); names,
/// dates, paths and addresses are capitalised, numbered or one word to a line.
fn is_running_prose(line: &str) -> bool {
    let (mut words, mut lower) = (0usize, 0usize);
    for word in line.split_whitespace() {
        words += 1;
        lower += usize::from(word.chars().next().is_some_and(char::is_lowercase));
    }
    words >= 6 && lower * 2 >= words
}

/// Lines set in two columns: most of them (two in three, at least two) have two cells, each
/// with a word or a number in it, apart by a gap of three or more spaces, or are pushed far
/// right ("Network Working Group        R. Arends", "                   November 1987"). Two
/// columns, not more: a line with three cells or more is a table's row; and a comment's marks
/// before a set-in list ("//     - Hindi") are no column.
fn is_column_header(raw: &Raw<'_>) -> bool {
    // Pushed to the right margin ("             November 1987"), not centred over the text.
    let columned = |line: &str| {
        let text = line.trim();
        let indent = line.len() - line.trim_start().len();
        let has_word = |cell: &str| cell.chars().any(char::is_alphanumeric);
        let mut cells = cells(text);
        let two_cells = match (cells.next(), cells.next(), cells.next()) {
            (Some(left), Some(right), None) => has_word(left) && has_word(right),
            _ => false,
        };
        !text.is_empty() && (two_cells || indent >= 24 && indent + text.len() >= 64)
    };
    let lines = raw.line_count();
    let set = raw.lines().filter(|l| columned(l)).count();
    lines >= 2 && set * 3 >= lines * 2 && raw.lines().all(|l| cells(l).nth(2).is_none())
}

/// The cells of `text`: its parts apart by gaps of three spaces or more, or by a tab. Read
/// as they are asked for, so that a block's every line is split without a list made for it.
pub(super) fn cells(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text.trim();
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let (mut run, mut run_start) = (0, 0);
        for (at, c) in rest.char_indices() {
            match c {
                ' ' | '\t' => {
                    if run == 0 {
                        run_start = at;
                    }
                    run += if c == '\t' { 3 } else { 1 };
                }
                _ if run >= 3 => {
                    let cell = &rest[..run_start];
                    rest = &rest[at..];
                    return Some(cell);
                }
                _ => run = 0,
            }
        }
        Some(std::mem::take(&mut rest))
    })
}

/// Two or more "Field: value" lines, as mail headers and the stanzas of machine-readable
/// copyright and control files set them: a line starting with a space continues a field,
/// and a field may have its whole value on such lines ("Files:" over " src/*.c").
pub(in crate::document::structure) fn is_front_fields(raw: &Raw<'_>) -> bool {
    are_fields(raw.lines())
}

/// [`is_front_fields`] for lines given one by one.
pub(in crate::document::structure) fn are_fields<'a>(
    mut lines: impl Iterator<Item = &'a str> + Clone,
) -> bool {
    let field = |line: &str| {
        let key = match line.split_once(": ") {
            Some((key, _)) => key,
            None if line.starts_with(' ') => return true,
            None => match line.strip_suffix(':') {
                Some(key) => key,
                None => return false,
            },
        };
        !key.is_empty()
            && key.len() <= 24
            && key.chars().next().is_some_and(char::is_uppercase)
            && key.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    let opens_flush = lines
        .clone()
        .next()
        .is_some_and(|first| !first.starts_with(' '));
    lines.clone().nth(1).is_some() && opens_flush && lines.all(field)
}
