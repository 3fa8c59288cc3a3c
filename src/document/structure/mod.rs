//! Structure for plain text (also Markdown and reStructuredText read as plain text): splits the
//! sanitized text into blocks and recognises the title, byline and dateline, headings and their
//! levels, lists, quotes, code, and front/back matter and web-scrape debris, all with general
//! rules. It never drops text: what is not body is folded (Leftover), not deleted; only page
//! furniture (running headers and footers) and markup lines (underlines, fences) are left out.
//! Every block keeps the true 1-based source line where it starts.

mod aozora;
pub(super) mod chrome;
mod genre;
mod heading;
mod headline;
mod in_place;
mod lines;
mod matter;
mod raw;
mod scan;
mod shape;
mod title;

use std::collections::HashMap;

// The text tests furniture is told by, for an article extracted from a saved page too.
pub(super) use chrome::{ends_with_credit, has_cue, size_up_to};
pub(super) use matter::ends_sentence;
pub(super) use title::has_date;

use super::{Block, BlockKind, Ruby};
use heading::Form;
use raw::Raw;
use shape::{Shape, Shaped};

/// The blocks of a plain text, and the title its header declares ("Title: War and Peace"),
/// if it has one. Ruby (in Aozora Bunko's notation) is shown as `ruby` asks.
pub fn structure(text: &str, ruby: Ruby) -> (Vec<Block>, Option<String>) {
    let raws = classified(text);
    let declared = title::declared_title(&raws);
    let mut blocks: Vec<Block> = raws.iter().map(to_block).collect();
    let aozora = scan::is_aozora(text).then(|| aozora::Matter::of(text));
    if let Some(matter) = &aozora {
        keep_heading_notes(text, &raws, &mut blocks);
        aozora::apply(matter, &mut blocks, ruby);
    }
    let mut blocks = finish(&raws, blocks, declared.as_deref());
    if let Some(matter) = &aozora {
        matter.mark(&mut blocks);
        aozora::settle(&mut blocks);
    }
    (blocks, declared)
}

/// [`structure`] taking the text by value. When one block is most of a big text (a book of
/// one-word lines is a single paragraph), its text is built in the text's own buffer instead
/// of beside it, so the book is never held twice.
pub fn structure_owned(text: String, ruby: Ruby) -> (Vec<Block>, Option<String>) {
    let raws = classified(&text);
    let Some((big, plan)) = in_place::largest(&text, &raws) else {
        return structure(&text, ruby);
    };
    let declared = title::declared_title(&raws);
    let shapes: Vec<Shape> = raws.iter().map(Shape::of).collect();
    let mut blocks: Vec<Block> = raws
        .iter()
        .enumerate()
        .map(|(i, raw)| {
            if i == big {
                placed(raw, Block::new(raw.kind, String::new(), raw.line))
            } else {
                to_block(raw)
            }
        })
        .collect();
    let aozora = scan::is_aozora(&text).then(|| aozora::Matter::of(&text));
    if aozora.is_some() {
        keep_heading_notes(&text, &raws, &mut blocks);
    }
    // The raws read the text; it is free to be rewritten once they are gone.
    drop(raws);
    blocks[big].text = in_place::build(text, &plan);
    if let Some(matter) = &aozora {
        aozora::apply(matter, &mut blocks, ruby);
    }
    let mut blocks = finish(&shapes, blocks, declared.as_deref());
    if let Some(matter) = &aozora {
        matter.mark(&mut blocks);
        aozora::settle(&mut blocks);
    }
    (blocks, declared)
}

/// An Aozora Bunko heading is its title alone; the notes of its line (the one that makes it a
/// heading among them) are kept beside it, read from the line its title was found in.
fn keep_heading_notes(text: &str, raws: &[Raw<'_>], blocks: &mut [Block]) {
    for (raw, block) in raws.iter().zip(blocks.iter_mut()) {
        if matches!(raw.form, Some(Form::Aozora(_))) {
            // A heading set in a line of text has only the notes before that text.
            let line = line_around(text, raw.source());
            let own = heading::aozora_rest(line)
                .and_then(|rest| line.get(..line.len() - rest.len()))
                .unwrap_or(line);
            block.notes = aozora::heading_notes(own, &block.text);
        }
    }
}

/// The source line that `part`, a slice of `text`, lies in (`part` itself if it is no slice
/// of it).
fn line_around<'a>(text: &'a str, part: &'a str) -> &'a str {
    let Some(at) = (part.as_ptr() as usize)
        .checked_sub(text.as_ptr() as usize)
        .filter(|&at| at <= text.len())
    else {
        return part;
    };
    let (Some(before), Some(after)) = (text.get(..at), text.get(at..)) else {
        return part;
    };
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let end = after.find('\n').map_or(text.len(), |i| at + i);
    text.get(start..end).unwrap_or(part)
}

/// The blocks of `text` as the scan found them, with standalone headings and contents lists
/// told apart.
fn classified(text: &str) -> Vec<Raw<'_>> {
    let mut raws = scan::scan(text);
    split_centred_head(text, &mut raws);
    split_titles_run_on(text, &mut raws);
    split_help_examples(text, &mut raws);
    classify_standalone_lines(&mut raws);
    mark_contents_lists(&mut raws);
    raws
}

/// Levels and surrounding matter, read from the blocks' source lines (or what was read from
/// them) and texts.
fn finish(shapes: &[impl Shaped], mut blocks: Vec<Block>, declared: Option<&str>) -> Vec<Block> {
    heading::settle_repeated(&mut blocks);
    assign_levels(shapes, &mut blocks);
    if matter::mark(shapes, &mut blocks, declared) == genre::Genre::Licence {
        matter::split_run_in_sections(&mut blocks);
    }
    blocks
}

fn to_block(raw: &Raw<'_>) -> Block {
    placed(raw, Block::new(raw.kind, raw.text(), raw.line))
}

/// The columns a passage of prose set in by hand is set in by, whatever its source's indent:
/// enough to tell it from the body, little enough to leave a narrow column its words.
const PASSAGE_INDENT: u16 = 4;

/// A paragraph keeps its first line's indent of ideographic spaces as its first-line indent,
/// as Chinese and Japanese typesetting sets it (its text is trimmed of them).
fn placed(raw: &Raw<'_>, mut block: Block) -> Block {
    if raw.kind == BlockKind::Paragraph {
        block.placement.first = raw.ideographic_indent();
    }
    if raw.kind == BlockKind::Paragraph && raw.passage {
        block.placement.first = block.placement.first.max(PASSAGE_INDENT);
        block.placement.rest = PASSAGE_INDENT;
    }
    block.placement.turn_over = raw.kind == BlockKind::Code && raw.turn_over;
    block
}

/// The first block of a text set as lines centred one under another (a licence's name over its
/// version and address, a title page) is one block a line: the first is the title, the rest
/// are not part of its name.
fn split_centred_head<'a>(text: &'a str, raws: &mut Vec<Raw<'a>>) {
    let Some(first) = raws.first() else {
        return;
    };
    let centred = |line: &str| {
        let indent = line.len() - line.trim_start().len();
        indent >= 8 && !line.trim().is_empty() && !line.trim().contains("   ")
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
fn split_titles_run_on<'a>(text: &'a str, raws: &mut Vec<Raw<'a>>) {
    if !raws.iter().any(|raw| title_run_on(raw).is_some()) {
        return;
    }
    let base = text.as_ptr() as usize;
    let mut split = Vec::with_capacity(raws.len() + 8);
    for raw in raws.drain(..) {
        let Some(title_end) = title_run_on(&raw) else {
            split.push(raw);
            continue;
        };
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
    }
    *raws = split;
}

/// An example in a help file written as Vim's are: a line ending in `>` opens it, its lines
/// are set in deeper, and it ends at a line starting with `<` (or at one starting in the first
/// column). When no blank line parts it from the text around it, the scan read it all as one
/// paragraph and ran the code into prose. Such a block is parted into its text and its
/// examples, each example a block of code; a `<` alone on its line is markup and goes.
fn split_help_examples<'a>(text: &'a str, raws: &mut Vec<Raw<'a>>) {
    if !raws.iter().any(|raw| help_example_at(raw).is_some()) {
        return;
    }
    let base = text.as_ptr() as usize;
    let mut split = Vec::with_capacity(raws.len() + 8);
    for raw in raws.drain(..) {
        if help_example_at(&raw).is_none() {
            split.push(raw);
            continue;
        }
        let source = raw.source();
        let offset = source.as_ptr() as usize - base;
        // Each source line: its start and end in `text`.
        let mut spans = Vec::with_capacity(raw.line_count());
        let mut start = offset;
        for line in source.split('\n') {
            spans.push((start, start + line.len()));
            start += line.len() + 1;
        }
        let line_at = |(from, to): (usize, usize)| lines::Line {
            text: lines::clean(&text[from..to]),
            start: from,
            end: to,
        };
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
    }
    *raws = split;
}

/// The first line of `raw` that opens a help file's example run into its paragraph (see
/// [`split_help_examples`]).
fn help_example_at(raw: &Raw<'_>) -> Option<usize> {
    if raw.kind != BlockKind::Paragraph || raw.reading() != raw::Reading::Cleaned {
        return None;
    }
    let lines: Vec<&str> = raw.source().split('\n').collect();
    lines
        .windows(2)
        .position(|pair| opens_help_example(pair[0]) && deeper(pair[1], pair[0]))
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

/// A paragraph of one line (two for a numbered or division title wrapped over two lines) is a heading when
/// its form says so and, for forms that only look like headings, what follows is body text.
fn classify_standalone_lines(raws: &mut [Raw<'_>]) {
    // Forms first, for every candidate, so each line can see whether the next one also looks
    // like a heading (a run of them is a list, not a heading over body text).
    let forms: Vec<Option<Form>> = raws
        .iter()
        .map(|raw| {
            if raw.kind != BlockKind::Paragraph || raw.line_count() > 2 {
                return None;
            }
            let text = raw.text();
            let form = heading::standalone(&text)?;
            let wrapped_title = match form {
                Form::Numbered(_) => true,
                Form::Division(_) => heading::division_with_title(&text),
                _ => false,
            };
            (raw.line_count() == 1 || wrapped_title).then_some(form)
        })
        .collect();
    for i in 0..raws.len() {
        let Some(form) = forms[i] else {
            continue;
        };
        // A marked or numbered form is a heading whatever surrounds it: nothing below is
        // asked of it (each question reads text, the next block's whole text among them).
        if matches!(
            form,
            Form::Numbered(_)
                | Form::Division(_)
                | Form::Atx(_)
                | Form::Underline { .. }
                | Form::Aozora(_)
        ) {
            raws[i].kind = BlockKind::Heading;
            raws[i].form = Some(form);
            continue;
        }
        let text = raws[i].text();
        let next = raws.get(i + 1);
        let next_text = next.map(Raw::text).unwrap_or_default();
        let followed_by_body = next.is_some_and(|n| n.kind != BlockKind::Heading)
            && forms.get(i + 1).copied().flatten().is_none();
        let dated = title::has_date(&text);
        // A short line right after verse or a quotation is its attribution ("G.J.", "Oliver
        // Cromwell"), not a heading over what follows.
        // A centred title (one line set in by spaces, no sentence) is no quotation, nor are
        // lines of fields ("Posted: …" over "Updated: …").
        let centred_title =
            |raw: &Raw<'_>| raw.line_count() == 1 && !matter::ends_sentence(raw.text().trim());
        // An attribution sits under its quotation; a line set apart from the block above by
        // two blank lines or more starts something new (a manual's "DELETING A LINE" under
        // an example).
        let set_apart = i > 0 && raws[i].line >= raws[i - 1].line + raws[i - 1].line_count() + 2;
        let after_quotation = i > 0
            && !set_apart
            && (raws[i - 1].set_in
                || matches!(raws[i - 1].kind, BlockKind::Code | BlockKind::Quote))
            && !centred_title(&raws[i - 1])
            && !matter::is_front_fields(&raws[i - 1])
            && !is_notice_in_capitals(&raws[i - 1]);
        // A caption, a picture's credit, or the short credit under a caption ("Video: In
        // this talk …" over "TEDMED") heads nothing.
        let label = chrome::is_caption_label(&text)
            || i > 0 && text.split_whitespace().count() <= 4 && {
                let before = raws[i - 1].text();
                chrome::is_caption_label(&before) && before.contains(':')
            };
        let accept = match form {
            Form::Numbered(_)
            | Form::Division(_)
            | Form::Atx(_)
            | Form::Underline { .. }
            | Form::Aozora(_) => true,
            _ if dated || after_quotation || label => false,
            Form::Caps => followed_by_body,
            Form::Titled => {
                followed_by_body
                    && next_text.split_whitespace().count()
                        >= 2 * text.split_whitespace().count().max(4)
            }
            Form::Uncased => {
                followed_by_body && next_text.chars().count() >= 2 * text.chars().count()
            }
        };
        if accept {
            raws[i].kind = BlockKind::Heading;
            raws[i].form = Some(form);
        }
    }
}

/// Four or more headings in a row with no text between them are a table of contents: list
/// items, not headings. Marked-up headings (ATX, underlined) are trusted as they are.
fn mark_contents_lists(raws: &mut [Raw<'_>]) {
    let guessed = |r: &Raw<'_>| {
        r.kind == BlockKind::Heading
            && !matches!(
                r.form,
                Some(Form::Atx(_) | Form::Underline { .. } | Form::Aozora(_))
            )
    };
    let mut start = 0;
    while start < raws.len() {
        if !guessed(&raws[start]) {
            start += 1;
            continue;
        }
        let mut end = start;
        while end < raws.len() && guessed(&raws[end]) {
            end += 1;
        }
        // The text starts where the list's first entry comes again ("BOOK ONE" listed, then
        // "BOOK ONE" over its first chapter): the run is the list, then the text's headings.
        let first = raws[start].text();
        if let Some(again) = (start + 1..end).find(|&i| same_title(&raws[i].text(), &first)) {
            end = again;
        }
        // The last of the run stays a heading when body text follows it; a line that itself
        // looks like a heading ("Epilogue" closing a list of chapters) is more of the list.
        let body_follows = raws.get(end).is_some_and(|r| {
            r.kind != BlockKind::Heading
                && !(r.kind == BlockKind::Paragraph
                    && r.line_count() == 1
                    && heading::standalone(&r.text()).is_some())
        });
        let list_end = if body_follows { end - 1 } else { end };
        if end - start >= 4 {
            for raw in &mut raws[start..list_end] {
                raw.kind = BlockKind::ListItem;
                raw.form = None;
            }
        }
        start = end;
    }
}

/// Two headings that give the same title, whatever their case and spacing.
fn same_title(a: &str, b: &str) -> bool {
    a.split_whitespace()
        .map(str::to_lowercase)
        .eq(b.split_whitespace().map(str::to_lowercase))
}

/// Levels from the forms: ATX counts its hashes, numbers their depth, underline marks take
/// levels in the order they first appear (as reStructuredText does), divisions know theirs.
fn assign_levels(shapes: &[impl Shaped], blocks: &mut [Block]) {
    let mut underline_levels: HashMap<(char, bool), u8> = HashMap::new();
    for (shape, block) in shapes.iter().zip(blocks.iter_mut()) {
        if block.kind != BlockKind::Heading {
            continue;
        }
        block.level = match shape.form() {
            Some(Form::Atx(n)) => n,
            Some(Form::Underline { mark, over }) => {
                let next = underline_levels.len() as u8 + 1;
                *underline_levels.entry((mark, over)).or_insert(next)
            }
            Some(Form::Numbered(depth)) => depth,
            Some(Form::Division(level) | Form::Aozora(level)) => level,
            Some(Form::Caps | Form::Titled | Form::Uncased) | None => 2,
        }
        .clamp(1, 6);
    }
}

/// Lines in capitals, a sentence or more of them: a notice (a licence's disclaimer, a
/// warning set in by spaces), not a quotation or verse that the short line under it could
/// sign.
fn is_notice_in_capitals(raw: &Raw<'_>) -> bool {
    let (mut letters, mut capitals) = (0usize, 0usize);
    for c in raw.text().chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        capitals += usize::from(c.is_uppercase());
    }
    letters >= 40 && capitals * 10 >= letters * 9
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The blocks alone.
    fn structure(text: &str) -> Vec<Block> {
        super::structure(text, Ruby::default()).0
    }

    fn kinds(blocks: &[Block]) -> Vec<BlockKind> {
        blocks.iter().map(|b| b.kind).collect()
    }

    /// "CONTENTS" over one line per chapter: a table of contents.
    fn contents_list(chapters: std::ops::RangeInclusive<usize>) -> String {
        let mut text = String::from("CONTENTS\n\n");
        for n in chapters {
            text.push_str(&format!("CHAPTER {n}. Name\n\n"));
        }
        text
    }

    #[test]
    fn a_memo_header_in_columns_is_folded_and_the_centred_line_under_it_is_the_title() {
        let text = "Network Working Group                                     P. Mockapetris\nRequest for Comments: 1035                                           ISI\n                                                           November 1987\nObsoletes: RFCs 882, 883, 973\n\n            DOMAIN NAMES - IMPLEMENTATION AND SPECIFICATION\n\nStatus of This Memo\n\n   This RFC describes the details of the domain system and protocol, and\n   assumes that the reader is familiar with the concepts discussed in a\n   companion RFC.\n";
        let blocks = structure(text);
        assert_eq!(
            kinds(&blocks),
            [
                BlockKind::Leftover,
                BlockKind::Title,
                BlockKind::Heading,
                BlockKind::Paragraph
            ],
            "{blocks:#?}"
        );
        assert_eq!(
            blocks[1].text,
            "DOMAIN NAMES - IMPLEMENTATION AND SPECIFICATION"
        );
    }

    #[test]
    fn preformatted_lines_at_the_top_are_no_centred_title() {
        // Several lines set in: a page header or a table, not a title.
        let text = "    Name        Value\n    Other       Thing\n\nA Plain Title\n\nThe body of the text follows here, long enough to be prose, with a full stop.\n";
        let blocks = structure(text);
        let title = blocks.iter().find(|b| b.kind == BlockKind::Title);
        assert_eq!(
            title.map(|b| b.text.as_str()),
            Some("A Plain Title"),
            "{blocks:#?}"
        );
    }

    fn headings(text: &str) -> Vec<(u8, usize, String)> {
        structure(text)
            .into_iter()
            .filter(|b| matches!(b.kind, BlockKind::Heading))
            .map(|b| (b.level, b.line, b.text))
            .collect()
    }

    #[test]
    fn paragraphs_join_hard_wrapped_lines() {
        let blocks = structure("one line\nand more.\n\nsecond para.\n");
        assert_eq!(blocks[1].text, "second para.");
        assert_eq!(blocks[0].text, "one line and more.");
        assert_eq!((blocks[0].line, blocks[1].line), (1, 4));
    }

    #[test]
    fn title_byline_and_leftovers() {
        let text = "A Title Here\n\nFirst paragraph of the body, long enough to count as real prose for the reader.\n\nSecond one, also prose, and it goes on for a while so that it reads as text.\n\nThe author is a researcher at an institute.\n\nAbout this publication\n\nBe the first to comment\n\nLeave a Reply";
        let blocks = structure(text);
        use BlockKind::*;
        assert_eq!(
            kinds(&blocks),
            vec![
                Title, Paragraph, Paragraph, Byline, Leftover, Leftover, Leftover
            ]
        );
    }

    #[test]
    fn a_single_paragraph_is_never_folded() {
        let blocks = structure("hello");
        assert_eq!(kinds(&blocks), vec![BlockKind::Paragraph]);
    }

    #[test]
    fn gutenberg_matter_is_folded() {
        let text = "Header\n\n*** START OF THE PROJECT GUTENBERG EBOOK X ***\n\nCHAPTER 1. Loomings.\n\nCall me Ishmael. Some years ago, never mind how long precisely, I went to sea.\n\n*** END OF THE PROJECT GUTENBERG EBOOK X ***\n\nLicence text.";
        let blocks = structure(text);
        use BlockKind::*;
        assert_eq!(
            kinds(&blocks),
            vec![Leftover, Leftover, Heading, Paragraph, Leftover, Leftover]
        );
    }

    #[test]
    fn markdown_headings_and_levels() {
        let text = "# Guide\n\nIntro text of the guide, which explains things.\n\n## Setup\n\nRun the installer and wait for it.\n\n### Details\n\nMore words about the setup here.";
        assert_eq!(
            headings(text),
            vec![(2, 5, "Setup".into()), (3, 9, "Details".into())],
            "the first ATX heading is the title"
        );
        assert_eq!(structure(text)[0].kind, BlockKind::Title);
    }

    #[test]
    fn numbered_and_caps_headings_rfc_style() {
        let text = "1. STATUS OF THIS MEMO\n\nThis memo describes the details of the system and how it works.\n\n2.1. Overview\n\nThe goal of names is to name things in a way that is useful to all.\n\nTable of Contents\n\n   1.  Introduction . . . . 2\n   2.  Terms  . . . . . . . 3\n";
        let got = headings(text);
        assert_eq!(got[0], (1, 1, "1. STATUS OF THIS MEMO".into()));
        assert_eq!(got[1], (2, 5, "2.1. Overview".into()));
    }

    #[test]
    fn a_law_never_hard_wrapped_has_its_chapters_and_articles_apart() {
        // Korean laws are kept one paragraph to a line: chapter lines set in, then the
        // articles, each on its line, with no blank line between.
        let preamble = "이 법은 국민의 자유와 권리를 보장하고 나라의 기본 질서를 정하기 위하여 \
                        제정되었으며 여러 차례 개정되어 오늘에 이르렀다. "
            .repeat(3);
        let mut text = format!("기본법\n\n{preamble}\n\n");
        for (chapter, title) in [(1, "총강"), (2, "국민의 권리와 의무"), (3, "국회")] {
            text.push_str(&format!("       제{chapter}장 {title}\n"));
            for article in 1..=8 {
                let clause = "모든 국민은 법률이 정하는 바에 의하여 권리를 가진다. ";
                let more = "및 ".repeat(article * 3 + chapter * 7);
                let number = chapter * 10 + article;
                text.push_str(&format!("  제{number}조 {clause}{more}\n"));
            }
        }
        let got = headings(&text);
        let chapters: Vec<&str> = got.iter().map(|h| h.2.as_str()).collect();
        assert_eq!(
            chapters,
            ["제1장 총강", "제2장 국민의 권리와 의무", "제3장 국회"],
            "{got:?}"
        );
        let blocks = structure(&text);
        let articles = blocks.iter().filter(|b| b.text.starts_with("제1")).count();
        assert!(articles >= 8, "each article is a paragraph of its own");
    }

    #[test]
    fn a_title_said_over_an_epigraph_and_again_over_the_text_heads_once() {
        let essay = "THERE is one mind common to all men, and every man is an inlet to the same \
                     and to all of the same, as the record of history shows to those who read.";
        let text = format!(
            "     HISTORY.\n\n     There is no great and no small\n     To the Soul that maketh \
             all:\n\n\nI. HISTORY.\n\n{essay}\n\n{essay}\n\n     LOVE.\n\n     A verse \
             line\n     and its fellow\n\nII. LOVE.\n\n{essay}\n"
        );
        let got = headings(&text);
        let names: Vec<&str> = got.iter().map(|h| h.2.as_str()).collect();
        assert_eq!(names, ["I. HISTORY.", "II. LOVE."], "{got:?}");
        // The first saying stays on the page.
        assert!(structure(&text).iter().any(|b| b.text == "HISTORY."));
    }

    #[test]
    fn headings_of_the_same_name_apart_in_the_text_both_stay() {
        let prose = "The chapter goes on at length about the sea, the ship and its crew, and \
                     what they saw on the long voyage south to the islands of the cape.";
        let text = format!("1. Notes\n\n{prose}\n\n2. Notes\n\n{prose}\n");
        assert_eq!(headings(&text).len(), 2);
        let text = "# Changes\n\n## Bug fixes\n\n* A crash on empty input.\n* A leak.\n\n\
                    ## Bug fixes\n\n* A typo in the help.\n* A wrong exit code.\n";
        let fixes = headings(text);
        assert_eq!(
            fixes.iter().filter(|h| h.2 == "Bug fixes").count(),
            2,
            "{fixes:?}"
        );
    }

    #[test]
    fn a_run_of_chapter_lines_is_a_table_of_contents() {
        let mut text = contents_list(1..=5);
        text.push_str("CHAPTER 1. Name\n\nCall me Ishmael, and listen to the story I have to tell of the sea.\n");
        let got = headings(&text);
        assert_eq!(
            got.iter().map(|h| h.1).collect::<Vec<_>>(),
            vec![13],
            "{got:?}"
        );
    }

    #[test]
    fn a_contents_list_ending_in_a_heading_like_line_keeps_no_heading() {
        let mut text = contents_list(1..=5);
        text.push_str("Epilogue\n\nNotes\n\nCHAPTER 1. Name\n\nCall me Ishmael, and listen to the story I have to tell of the sea.\n");
        let got = headings(&text);
        assert_eq!(
            got.iter().map(|h| h.1).collect::<Vec<_>>(),
            vec![17],
            "{got:?}"
        );
    }

    #[test]
    fn a_contents_list_with_wrapped_entries_is_folded_whole() {
        let mut text = contents_list(1..=6);
        text.push_str("CHAPTER 7. Of the Less Erroneous Pictures of Whales, and the True\nPictures of Whaling Scenes.\n\n");
        for n in 8..=12 {
            text.push_str(&format!("CHAPTER {n}. Name\n\n"));
        }
        text.push_str("CHAPTER 1. Name\n\nCall me Ishmael, and listen to the story I have to tell of the sea.\n");
        let blocks = structure(&text);
        let got = headings(&text);
        assert_eq!(
            got.iter().map(|h| h.1).collect::<Vec<_>>(),
            vec![28],
            "{got:?}"
        );
        // Long as it is, the wrapped entry is part of the list, not where the body starts.
        let wrapped = blocks.iter().find(|b| b.line == 15).unwrap();
        assert_eq!(wrapped.kind, BlockKind::Leftover, "{blocks:?}");
    }

    #[test]
    fn a_division_title_wrapped_over_two_lines_is_a_heading_a_sentence_is_not() {
        let body = "It was a long voyage, and the whales were many, and the sea was wide and grey.";
        let text = format!(
            "CHAPTER 1. Loomings.\n\n{body}\n\nCHAPTER 57. Of Whales in Paint; in Teeth; in Wood; in Sheet-Iron; in\nStone; in Mountains; in Stars.\n\n{body}\n\nChapter 3 shows that the whales were many and the\nsea was wide.\n\n{body}\n"
        );
        let got = headings(&text);
        assert_eq!(
            got.iter().map(|h| h.1).collect::<Vec<_>>(),
            vec![1, 5],
            "{got:?}"
        );
        assert!(got[1].2.ends_with("in Stars."), "{got:?}");
    }

    #[test]
    fn a_chinese_paragraph_keeps_its_ideographic_indent_as_its_first_line_indent() {
        let text = "第一回\n\n　　蓋聞天地之數，有十二萬九千六百歲為一元。將一元分為十二會，乃子、丑、寅\n、卯之十二支也。\n　　　　混沌未分天地亂，茫茫渺渺無人見。\n　　每會該一萬八百歲。\n";
        let blocks = structure(text);
        let placed: Vec<(&str, u16, u16)> = blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph)
            .map(|b| (b.text.as_str(), b.placement.first, b.placement.rest))
            .collect();
        assert_eq!(
            placed,
            [
                (
                    "蓋聞天地之數，有十二萬九千六百歲為一元。將一元分為十二會，乃子、丑、寅、卯之十二支也。",
                    4,
                    0
                ),
                ("混沌未分天地亂，茫茫渺渺無人見。", 8, 0),
                ("每會該一萬八百歲。", 4, 0)
            ],
            "{blocks:#?}"
        );
        // An indent of spaces alone is no ideographic indent.
        let blocks = structure("Title\n\n  An indented paragraph of prose, long enough to read.\n");
        assert!(blocks.iter().all(|b| b.placement.first == 0), "{blocks:#?}");
    }

    #[test]
    fn aozora_annotations_make_headings_with_levels() {
        let text = "銀河鉄道の夜\n宮沢賢治\n\n［＃３字下げ］一、午后《ごご》の授業［＃「一、午后の授業」は中見出し］\n\n「ではみなさんは、そういうふうに川だと云われたりしていたこのぼんやりと白いものがほんとうは何かご承知ですか。」\n\n［＃大見出し］第二部［＃大見出し終わり］\n\n先生は、黒板に吊した大きな黒い星座の図の、上から下へ白くけぶった銀河帯のようなところを指しながら、みんなに問をかけました。";
        assert_eq!(
            headings(text),
            vec![(2, 4, "一、午后の授業".into()), (1, 8, "第二部".into())]
        );
    }

    #[test]
    fn a_signature_after_verse_is_not_a_heading() {
        let text = "ABRIDGE, v.t.  To shorten, as a long account of things is shortened.\n\n      When in the course of human events it becomes necessary for\n  people to abridge their king, a decent respect for the opinions of\n\nOliver Cromwell\n\n\nABRUPT, adj.  Sudden, without ceremony, like the arrival of a cannon-shot and the departure of the soldier.\n";
        assert!(headings(text).is_empty(), "{:?}", headings(text));
        // The same short line before body text, with no verse above it, is still a heading.
        let text = "Some opening paragraph that is long enough to be body text here.\n\nOliver Cromwell\n\nA long paragraph of body text follows the heading and tells the story of the man at length.\n";
        assert_eq!(headings(text).len(), 1, "{:?}", headings(text));
    }

    #[test]
    fn a_title_under_a_notice_in_capitals_is_a_heading_not_its_signature() {
        let notice = "Example Legal Code\n\n    THIS NOTICE IS NOT LEGAL ADVICE. THE AUTHORS PROVIDE THIS TEXT\n    AS IS AND GIVE NO WARRANTY ABOUT WHAT FOLLOWS FROM ITS USE.\n\n";
        let body = "The laws of most places give the author of a work rights in it, and some authors wish to give those rights up for good.\n";
        let text = format!("{notice}Statement of Purpose\n\n{body}");
        assert_eq!(
            headings(&text),
            vec![(2, 6, "Statement of Purpose".into())],
            "{:?}",
            headings(&text)
        );
        // Under a quotation in mixed case, the same line still signs it.
        let quotation = "Example Legal Code\n\n    The law is reason, free from passion, and a good deal of it\n    is written down so that nobody has to remember it all.\n\n";
        let text = format!("{quotation}Statement of Purpose\n\n{body}");
        assert!(headings(&text).is_empty(), "{:?}", headings(&text));
    }

    #[test]
    fn a_short_line_under_lines_of_fields_is_no_attribution() {
        let text = "Swimmers broke three state records at the meet on Saturday, the coach said.\n\nPosted: Fri 6:45 PM, Feb 16, 2018 |\nUpdated: Sat 8:31 PM, Feb 17, 2018\n\nSTATE SWIM RESULTS\n\nThe full results of every race are listed below, from the relays to the diving final.\n";
        assert_eq!(
            headings(text),
            vec![(2, 6, "STATE SWIM RESULTS".into())],
            "{:?}",
            headings(text)
        );
    }

    #[test]
    fn a_short_line_set_apart_from_an_example_above_it_is_a_heading() {
        // A manual's section title, two blank lines under an example: it starts something
        // new, where an attribution sits right under its quotation.
        let example = "Some opening paragraph that is long enough to be body text here.\n\n        dd\n        dw\n        x\n";
        let body = "To delete a whole line use the dd command, and the lines below move up to fill the gap it leaves.\n";
        let text = format!("{example}\n\nDELETING A LINE\n\n{body}");
        assert_eq!(
            headings(&text),
            vec![(2, 8, "DELETING A LINE".into())],
            "two blank lines"
        );
        let text = format!("{example}\nDELETING A LINE\n\n{body}");
        assert!(
            headings(&text).is_empty(),
            "one blank line: {:?}",
            headings(&text)
        );
    }

    #[test]
    fn standalone_short_lines_need_body_after_them() {
        let text = "Opening words of a long paragraph that sets the scene for everything after it.\n\nThe Storm\n\nIt rained for days and days, and nobody in the village could remember such weather.\n\nTHE END";
        let got = headings(text);
        assert_eq!(got, vec![(2, 3, "The Storm".into())]);
    }

    /// Terms of an agreement that run each numbered title on to its clauses, no blank line
    /// between, the clauses set in under the title's words.
    const RUN_ON_TERMS: &str = "\
1. Licence to Read

   The Keeper grants you the right to read the logbook at any hour of the day or
   night, in the lamp room or in the cottage, and to copy out what you read there.

2. Duties of the Reader

   2.1. Care of the Pages
        (a) Candles. No candle may be set down on an open page of the logbook at
        any time, and a page that is marked by wax must be shown to the Keeper.

   2.2. Return of the Logbook
        The logbook goes back to its shelf when the reader is done with it, and
        the key of the shelf goes back to the Keeper before the lamp is lit.
";

    #[test]
    fn a_help_files_examples_run_into_its_text_are_code_of_their_own() {
        // A help file's entry: text, an example opened by '>', closed by '<' with text after
        // it, a second example closed by a lone '<', no blank line anywhere.
        let help = "The lamp settings live in a file of their own.\n\n\
                    \t\tTo light the lamp at dusk, put this in it: >\n\
                    \t\t\tset lamp=dusk\n\
                    \t\t\tset wick=trimmed\n\
                    <\t\tThe keeper may also say when: >\n\
                    \t\t\tset hour=18\n\
                    <\n\
                    \t\tThat is all there is to it, and it is read at every start.\n";
        let blocks = structure(help);
        let shown: Vec<(BlockKind, &str)> = blocks
            .iter()
            .map(|b| (b.kind, b.text.trim_start()))
            .collect();
        let code: Vec<&str> = shown
            .iter()
            .filter(|(kind, _)| *kind == BlockKind::Code)
            .map(|(_, text)| *text)
            .collect();
        assert_eq!(code.len(), 2, "{shown:#?}");
        assert!(code[0].starts_with("set lamp=dusk") && code[0].contains("set wick=trimmed"));
        assert!(code[1].starts_with("set hour=18"), "{shown:#?}");
        let text_of = |start: &str| {
            shown
                .iter()
                .find(|(_, t)| t.starts_with(start))
                .map(|s| s.0)
        };
        assert_eq!(text_of("To light the lamp"), Some(BlockKind::Paragraph));
        // The '<' that closed the example is markup: the text after it stands alone.
        assert_eq!(
            text_of("The keeper may also say"),
            Some(BlockKind::Paragraph)
        );
        assert_eq!(text_of("That is all"), Some(BlockKind::Paragraph));
        assert!(blocks.iter().all(|b| b.text.trim() != "<"), "{shown:#?}");
        // A line ending in '>' over text at its own depth opens nothing.
        let plain = "Intro.\n\nThe arrow points right: >\nand the text goes on at the margin.\n";
        assert!(structure(plain).iter().all(|b| b.kind != BlockKind::Code));
    }

    #[test]
    fn a_numbered_title_run_on_to_its_clauses_is_a_heading() {
        let got = headings(RUN_ON_TERMS);
        let titles: Vec<&str> = got.iter().map(|(_, _, t)| t.as_str()).collect();
        assert!(titles.contains(&"2.1. Care of the Pages"), "{got:?}");
        assert!(titles.contains(&"2.2. Return of the Logbook"), "{got:?}");
        let blocks = structure(RUN_ON_TERMS);
        let clause = blocks
            .iter()
            .find(|b| b.text.starts_with("(a) Candles."))
            .expect("the clause is a block of its own");
        assert_eq!(clause.line, 9);
        assert!(clause.text.ends_with("must be shown to the Keeper."));
    }

    #[test]
    fn a_list_item_or_a_range_over_its_text_stays_whole() {
        for text in [
            // A list item's first line broken short, in sentence case.
            "Steps to follow:\n\n1. Install the tools\n   with the package manager of your system, and then open the\n   terminal again so that the path is read afresh by the shell.\n",
            // A range of numbers over what it is for, as a registry lists them.
            "Values:\n\n23 - 3,840\nAssigned by the keeper of the registry to those who ask for a\nnumber, each one for a single use and never for two at once.\n",
            // A title wrapped on to a second line is one title.
            "1. Licence to Read the Logbook of the Lighthouse at Any Hour of the Day\n   or Night\n\nThe Keeper grants you the right to read it.\n",
        ] {
            let blocks = structure(text);
            let first_line = text
                .lines()
                .position(|l| l.trim_start().starts_with(char::is_numeric))
                .unwrap()
                + 1;
            let block = blocks
                .iter()
                .find(|b| b.line == first_line)
                .expect("a block there");
            assert!(
                block.text.contains(' ') && block.text.split_whitespace().count() > 6,
                "{text:?}: {blocks:#?}"
            );
        }
    }
}

#[cfg(test)]
mod folds_tests;
