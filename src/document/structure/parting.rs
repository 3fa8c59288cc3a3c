//! Blocks the scan read as one that are parted again: a title page's centred lines, a
//! numbered title run on to its clauses, a help file's examples run into its text, a copied
//! page's paragraph run on below its furniture. Each pass splits a block at its source lines,
//! so every line stays in exactly one block.

use super::heading::{self, Form};
use super::lines;
use super::raw::{self, Raw};
use crate::document::BlockKind;

/// The first block of a text set as lines centred one under another (a licence's name over its
/// version and address, a title page) is one block a line: the first is the title, the rest
/// are not part of its name.
pub(super) fn split_centred_head<'a>(text: &'a str, raws: &mut Vec<Raw<'a>>) {
    let Some(first) = raws.first() else {
        return;
    };
    let centred = |line: &str| {
        let indent = line.len() - line.trim_start().len();
        indent >= 8 && !line.trim().is_empty() && !lines::has_column_gap(line.trim())
    };
    if first.line_count() < 2 || first.line_count() > 6 || !first.lines().all(centred) {
        return;
    }
    let base = text.as_ptr() as usize;
    let mut parts = Vec::with_capacity(first.line_count());
    let mut start = first.source().as_ptr() as usize - base;
    for (n, raw_line) in first.source().split('\n').enumerate() {
        let end = start + raw_line.len();
        let line = lines::Line {
            text: lines::clean(raw_line),
            start,
            end,
        };
        parts.push(Raw::starting(first.kind, first.line + n, text, line));
        start = end + 1;
    }
    raws.splice(0..1, parts);
}

/// A numbered title on the first line of a block whose text follows on the next lines with no
/// blank line between ("3.4. Intellectual Property Matters" over "(a) Third Party Claims. If
/// Contributor has…", as MPL 1.1 sets its sections) is a block of its own, so that it can be
/// taken for the heading it is. A list item's first line is told from it by what wrapping
/// would do: a wrapped line is full (the next line's first word would not have fitted after
/// it), and a title's words are capitalised.
pub(super) fn split_titles_run_on<'a>(text: &'a str, raws: &mut Vec<Raw<'a>>) {
    let base = text.as_ptr() as usize;
    part_where(raws, title_run_on, |raw, title_end, split| {
        let source = raw.source();
        let start = source.as_ptr() as usize - base;
        let title = lines::Line {
            text: lines::clean(&source[..title_end]),
            start,
            end: start + title_end,
        };
        let rest_source = &source[title_end + 1..];
        let last_start = rest_source.rfind('\n').map_or(0, |i| i + 1);
        let line_of = |from: usize, to: usize| lines::Line {
            text: lines::clean(&rest_source[from..to]),
            start: start + title_end + 1 + from,
            end: start + title_end + 1 + to,
        };
        let first_end = rest_source.find('\n').unwrap_or(rest_source.len());
        let mut rest = Raw::spanning(
            raw.kind,
            raw.line + 1,
            text,
            (
                line_of(0, first_end),
                line_of(last_start, rest_source.len()),
            ),
            raw.line_count() - 1,
        );
        rest.set_in = raw.set_in;
        split.push(Raw::starting(raw.kind, raw.line, text, title));
        split.push(rest);
    });
}

/// `raws` with each block `find` answers for parted by `part` (given the block, the answer,
/// and where its parts go); each block is asked once, and nothing is rebuilt when none needs
/// parting.
fn part_where<'a, T>(
    raws: &mut Vec<Raw<'a>>,
    find: impl Fn(&Raw<'a>) -> Option<T>,
    mut part: impl FnMut(Raw<'a>, T, &mut Vec<Raw<'a>>),
) {
    let found: Vec<Option<T>> = raws.iter().map(&find).collect();
    if found.iter().all(Option::is_none) {
        return;
    }
    let mut split = Vec::with_capacity(raws.len() + 8);
    for (raw, found) in raws.drain(..).zip(found) {
        match found {
            Some(found) => part(raw, found, &mut split),
            None => split.push(raw),
        }
    }
    *raws = split;
}

/// Each source line of `raw`: where it starts and ends in `text`, which `raw` is a span of.
fn line_spans(text: &str, raw: &Raw<'_>) -> Vec<(usize, usize)> {
    let source = raw.source();
    let mut start = source.as_ptr() as usize - text.as_ptr() as usize;
    let mut spans = Vec::with_capacity(raw.line_count());
    for line in source.split('\n') {
        spans.push((start, start + line.len()));
        start += line.len() + 1;
    }
    spans
}

/// The line of `text` between `from` and `to`, as the scan reads it.
fn line_in(text: &str, (from, to): (usize, usize)) -> lines::Line<'_> {
    lines::Line {
        text: lines::clean(&text[from..to]),
        start: from,
        end: to,
    }
}

/// An example in a help file written as Vim's are: a line ending in `>` opens it, its lines
/// are set in deeper, and it ends at a line starting with `<` (or at one starting in the first
/// column). When no blank line parts it from the text around it, the scan read it all as one
/// paragraph and ran the code into prose. Such a block is parted into its text and its
/// examples, each example a block of code; a `<` alone on its line is markup and goes.
pub(super) fn split_help_examples<'a>(text: &'a str, raws: &mut Vec<Raw<'a>>) {
    part_where(raws, help_example_at, |raw, _, split| {
        let spans = line_spans(text, &raw);
        let line_at = |span| line_in(text, span);
        let mut push = |kind: BlockKind, first: usize, last: usize, skip: usize| {
            let (from, _) = spans[first];
            let opening = line_at((from + skip, spans[first].1));
            let closing = if first == last {
                opening
            } else {
                line_at(spans[last])
            };
            split.push(Raw::spanning(
                kind,
                raw.line + first,
                text,
                (opening, closing),
                last - first + 1,
            ));
        };
        let count = spans.len();
        let mut first = 0;
        let mut skip = 0;
        let mut i = 0;
        while i < count {
            let line = &text[spans[i].0..spans[i].1];
            if !opens_help_example(line)
                || i + 1 >= count
                || !deeper(&text[spans[i + 1].0..spans[i + 1].1], line)
            {
                i += 1;
                continue;
            }
            push(BlockKind::Paragraph, first, i, skip);
            let example = i + 1;
            let mut end = example;
            while end < count && !closes_help_example(&text[spans[end].0..spans[end].1]) {
                end += 1;
            }
            push(BlockKind::Code, example, end - 1, 0);
            // What follows the example: the text after its `<`, or the line that ended it.
            let closing =
                text.get(spans.get(end).map_or(0, |s| s.0)..spans.get(end).map_or(0, |s| s.1));
            match closing {
                Some(line) if line.starts_with('<') && line[1..].trim().is_empty() => {
                    (first, skip) = (end + 1, 0);
                }
                Some(line) if line.starts_with('<') => (first, skip) = (end, 1),
                _ => (first, skip) = (end, 0),
            }
            i = first;
        }
        if first < count {
            push(BlockKind::Paragraph, first, count - 1, skip);
        }
    });
}

/// The first line of `raw` that opens a help file's example run into its paragraph (see
/// [`split_help_examples`]).
fn help_example_at(raw: &Raw<'_>) -> Option<usize> {
    // Asked of every paragraph of every text: most have no '>' at all, found at once.
    if raw.kind != BlockKind::Paragraph
        || raw.reading() != raw::Reading::Cleaned
        || !raw.source().contains('>')
    {
        return None;
    }
    let mut lines = raw.source().split('\n');
    let mut above = lines.next()?;
    for (at, line) in lines.enumerate() {
        if opens_help_example(above) && deeper(line, above) {
            return Some(at);
        }
        above = line;
    }
    None
}

/// A line ending in `>` after a space or a tab, or `>` alone: what opens an example.
fn opens_help_example(line: &str) -> bool {
    let line = line.trim_end();
    line == ">" || line.ends_with(" >") || line.ends_with("\t>")
}

/// What ends an example: a line starting with `<`, or one starting in the first column.
fn closes_help_example(line: &str) -> bool {
    line.starts_with('<') || line.starts_with(|c: char| !c.is_whitespace())
}

/// `line` is set in deeper than `above`, a tab counting as reaching the next tab stop of 8.
fn deeper(line: &str, above: &str) -> bool {
    let indent = |l: &str| {
        let mut column = 0;
        for c in l.chars() {
            match c {
                ' ' => column += 1,
                '\t' => column = (column / 8 + 1) * 8,
                _ => return Some(column),
            }
        }
        None
    };
    matches!((indent(line), indent(above)), (Some(a), Some(b)) if a > b)
}

/// Where the title ends in `raw`'s source, when its first line is a numbered title run on to
/// the text under it (see [`split_titles_run_on`]).
fn title_run_on(raw: &Raw<'_>) -> Option<usize> {
    if raw.kind != BlockKind::Paragraph || raw.line_count() < 2 {
        return None;
    }
    let mut lines = raw.lines();
    let first = lines.next()?;
    let trimmed = first.trim();
    if !trimmed.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let next_word = lines.next()?.split_whitespace().next()?;
    let longest = raw.lines().map(|l| l.chars().count()).max()?;
    let wrapped = first.chars().count() + 1 + next_word.chars().count() > longest;
    if wrapped || !matches!(heading::standalone(trimmed), Some(Form::Numbered(_))) {
        return None;
    }
    let (_, title) = heading::numbered(trimmed)?;
    // Its words of four letters or more, and at least one there is, capitalised: a range of
    // numbers over what it is for ("23 - 3,840") has none.
    let mut words = title
        .split_whitespace()
        .filter(|word| word.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .peekable();
    let has_words = words.peek().is_some();
    let capitalised = words.all(|word| {
        word.chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase)
    });
    let opens_on_a_capital = title.chars().next().is_some_and(char::is_uppercase);
    if !(has_words && capitalised && opens_on_a_capital) || title.ends_with([',', ';', ':']) {
        return None;
    }
    raw.source().find('\n')
}

/// In a page copied as text, whose paragraphs are one line each (see
/// [`super::scan::prose_is_unwrapped`]), a paragraph run on below the page's furniture with no
/// blank line between (a dateline, "Get short URL", a picture's caption and credit, "Follow us
/// on" over the article's first paragraph) is a block of its own, so that folding the
/// furniture does not fold the paragraph with it.
pub(super) fn split_paragraph_run_on<'a>(text: &'a str, raws: &mut Vec<Raw<'a>>) {
    part_where(raws, paragraph_run_on, |raw, at, split| {
        let spans = line_spans(text, &raw);
        let line_at = |span| line_in(text, span);
        let last = spans.len() - 1;
        split.push(Raw::spanning(
            raw.kind,
            raw.line,
            text,
            (line_at(spans[0]), line_at(spans[at - 1])),
            at,
        ));
        split.push(Raw::spanning(
            raw.kind,
            raw.line + at,
            text,
            (line_at(spans[at]), line_at(spans[last])),
            last - at + 1,
        ));
    });
}

/// The line of `raw` where a paragraph runs on below lines of page furniture (see
/// [`split_paragraph_run_on`]): its last line, of prose (a hundred columns or more, fifteen
/// words or more, ending a sentence), after lines that each end no sentence and are short
/// (eight words or fewer) or a credit ("© Reuters").
fn paragraph_run_on(raw: &Raw<'_>) -> Option<usize> {
    if raw.kind != BlockKind::Paragraph
        || raw.line_count() < 2
        || raw.reading() != raw::Reading::Cleaned
    {
        return None;
    }
    let is_prose = |line: &str| {
        crate::text::display_width(line) >= 100
            && line.split_whitespace().nth(14).is_some()
            && super::matter::ends_sentence(line)
    };
    let is_furniture = |line: &str| {
        !line.is_empty()
            && !super::matter::ends_sentence(line)
            && (line.split_whitespace().nth(8).is_none() || line.contains('©'))
    };
    // The paragraph is the block's last line: a teaser of another article often has a "Read
    // More" under its excerpt.
    let last = raw.line_count() - 1;
    let mut lines = raw.lines().map(str::trim);
    if !(lines.by_ref().take(last).all(is_furniture) && lines.next().is_some_and(is_prose)) {
        return None;
    }
    // A teaser is one whole: a name or a headline and a date over the other article's first
    // sentences, at most three lines, none a button or a credit. Furniture over a paragraph
    // holds more, or such a line ("Get short URL", "© Reuters").
    let button_or_credit = |line: &str| line.contains('©') || super::chrome::has_cue(line);
    let teaser = super::matter::is_teaser_card(raw)
        && last <= 3
        && !raw.lines().take(last).any(button_or_credit);
    (!teaser).then_some(last)
}
