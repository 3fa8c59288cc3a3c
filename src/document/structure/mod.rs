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
mod parting;
mod raw;
mod scan;
mod series;
mod shape;
mod title;

use std::collections::HashMap;

// The text tests furniture is told by, for an article extracted from a saved page too.
pub(super) use chrome::{ends_with_credit, has_cue, size_up_to};
pub(super) use matter::{ends_sentence, is_price_tag, is_production_credit};
pub(super) use title::has_date;

use super::{Block, BlockKind, Ruby};
use heading::Form;
use parting::{
    split_centred_head, split_help_examples, split_paragraph_run_on, split_titles_run_on,
};
use raw::Raw;
use shape::{Shape, Shaped};

/// The blocks of a plain text, and the title its header declares ("Title: War and Peace"),
/// if it has one. Ruby (in Aozora Bunko's notation) is shown as `ruby` asks.
pub fn structure(text: &str, ruby: Ruby) -> (Vec<Block>, Option<String>) {
    let unwrapped = scan::prose_is_unwrapped(text);
    structure_classified(text, classified(text, unwrapped), unwrapped, ruby)
}

/// [`structure`] from the text's blocks as [`classified`] made them.
fn structure_classified(
    text: &str,
    raws: Vec<Raw<'_>>,
    unwrapped: bool,
    ruby: Ruby,
) -> (Vec<Block>, Option<String>) {
    let declared = title::declared_title(&raws);
    let mut blocks: Vec<Block> = raws.iter().map(to_block).collect();
    let aozora = scan::is_aozora(text).then(|| aozora::Matter::of(text));
    if let Some(matter) = &aozora {
        keep_heading_notes(text, &raws, &mut blocks);
        aozora::apply(matter, &mut blocks, ruby);
    }
    let (mut blocks, genre) = finish(&raws, blocks, declared.as_deref());
    if genre == genre::Genre::Page {
        keep_line_breaks(&raws, &mut blocks, unwrapped);
    }
    if let Some(matter) = &aozora {
        matter.mark(&mut blocks);
        aozora::settle(&mut blocks);
    }
    (blocks, declared)
}

/// Lines of a paragraph broken by hand keep their breaks. In a text whose prose was never
/// hard-wrapped (`unwrapped`, see [`scan::prose_is_unwrapped`]), every break inside a
/// paragraph was: a product's features, one a line; a price box's name, price and shop; an
/// address; lines of a menu. In a hard-wrapped text, the lines of a paragraph that are all
/// well short of a wrap and never run a sentence on in a small letter were (see
/// [`is_list_in_wrapped_text`]): a shell session, a traceback, an address, a table drawn
/// with box lines. Run together they read as nonsense ("Automatically on, automatically
/// connected Easy setup for all your Apple devices", "$ vi debian/rules $ debchange -pi"), so
/// each keeps its own line, and the lines still wrap to the column. A passage wrapped at a
/// measure of its own (a quoted mail) flows as before. Asked once the kind of text is known: a
/// book, a memo or Markdown joins a paragraph's lines, as their writers meant, and this is for
/// the rest. Applied to the paragraphs and folds as they were built from their lines; headings
/// and what was rewritten since keep their text.
fn keep_line_breaks(raws: &[Raw<'_>], blocks: &mut [Block], unwrapped: bool) {
    if raws.len() != blocks.len() {
        return;
    }
    for (raw, block) in raws.iter().zip(blocks.iter_mut()) {
        if raw.kind != BlockKind::Paragraph
            || raw.line_count() < 2
            || !matches!(block.kind, BlockKind::Paragraph | BlockKind::Leftover)
        {
            continue;
        }
        let lines: Vec<&str> = raw
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .collect();
        // The cheap test first: most paragraphs of a hard-wrapped text stop here.
        if !unwrapped && !is_list_in_wrapped_text(&lines)
            || scan::reads_as_wrapped_prose(raw)
            || block.text != raw.text()
        {
            continue;
        }
        block.text = lines.join("\n");
    }
}

/// In a hard-wrapped text, lines set apart by hand: each a command after a shell's `$ `
/// prompt; or three or more, all well short of a wrap
/// (under 55 columns, where wrapped prose runs longer), none opening in a small letter as a
/// sentence that runs on from the line before does. Chinese and Japanese have no small
/// letters to tell by, and break a line anywhere: lines of theirs wrapped at a narrow measure
/// are all but the last as wide as the longest, a character either way, where lines set
/// apart end where they end.
fn is_list_in_wrapped_text(lines: &[&str]) -> bool {
    // Commands typed at a shell's prompt, however few and however long: a session.
    if lines.iter().all(|line| line.starts_with("$ ")) {
        return true;
    }
    lines.len() >= 3
        && lines
            .iter()
            .all(|line| crate::text::display_width(line) < 55)
        && lines[1..]
            .iter()
            .all(|line| !line.chars().next().is_some_and(char::is_lowercase))
        && !(lines.iter().any(|line| line.chars().any(is_wide)) && are_cut_at_one_width(lines))
}

/// All lines but the last within a wide character of the longest.
fn are_cut_at_one_width(lines: &[&str]) -> bool {
    let widths: Vec<usize> = lines
        .iter()
        .map(|line| crate::text::display_width(line))
        .collect();
    let longest = widths.iter().copied().max().unwrap_or(0);
    widths[..widths.len().saturating_sub(1)]
        .iter()
        .all(|&width| width + 2 >= longest)
}

/// A character two columns wide (Chinese, Japanese, Korean).
fn is_wide(c: char) -> bool {
    unicode_width::UnicodeWidthChar::width(c) == Some(2)
}

/// [`structure`] taking the text by value. When one block is most of a big text (a book of
/// one-word lines is a single paragraph), its text is built in the text's own buffer instead
/// of beside it, so the book is never held twice.
pub fn structure_owned(text: String, ruby: Ruby) -> (Vec<Block>, Option<String>) {
    let unwrapped = scan::prose_is_unwrapped(&text);
    let raws = classified(&text, unwrapped);
    // Most texts have no such block: they go on from the blocks classified here, not
    // classified again (classifying is most of structuring's time).
    let Some((big, plan)) = in_place::largest(&text, &raws) else {
        return structure_classified(&text, raws, unwrapped, ruby);
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
    // Most of the text is one block built in place: no text of the kind whose lines are
    // kept apart (see `keep_line_breaks`) comes this way.
    let (mut blocks, _) = finish(&shapes, blocks, declared.as_deref());
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

/// How far each block's first line sits short of the indent most lines of the text's
/// paragraphs start at: the prose's, not the code's. A manual page's prose sits seven
/// columns in and its sections at the margin; a manual of code examples set in by a tab
/// keeps its prose at the margin, and then nothing is hung out of it.
fn mark_hung(raws: &mut [Raw<'_>]) {
    let first_indent = |raw: &Raw<'_>| {
        let line = raw.first_line();
        line.len() - line.trim_start_matches(' ').len()
    };
    let mut lines_at = [0usize; 17];
    for raw in raws
        .iter()
        .filter(|raw| raw.kind == BlockKind::Paragraph && !raw.passage)
    {
        lines_at[first_indent(raw).min(16)] += raw.line_count();
    }
    let prose = (0..lines_at.len())
        .max_by_key(|&at| (lines_at[at], usize::MAX - at))
        .unwrap_or(0);
    for raw in raws.iter_mut() {
        raw.hung = prose.saturating_sub(first_indent(raw));
    }
}

/// The blocks of `text` as the scan found them, with standalone headings and contents lists
/// told apart. `unwrapped`: the text's prose was never hard-wrapped.
fn classified(text: &str, unwrapped: bool) -> Vec<Raw<'_>> {
    let mut raws = scan::scan(text);
    split_centred_head(text, &mut raws);
    split_titles_run_on(text, &mut raws);
    split_help_examples(text, &mut raws);
    if unwrapped {
        split_paragraph_run_on(text, &mut raws);
    }
    series::mark(&mut raws);
    series::mark_spelled(&mut raws);
    mark_hung(&mut raws);
    classify_standalone_lines(&mut raws);
    mark_contents_lists(&mut raws);
    raws
}

/// Levels and surrounding matter, read from the blocks' source lines (or what was read from
/// them) and texts; and what kind of text it is.
fn finish(
    shapes: &[impl Shaped],
    mut blocks: Vec<Block>,
    declared: Option<&str>,
) -> (Vec<Block>, genre::Genre) {
    heading::settle_repeated(&mut blocks);
    assign_levels(shapes, &mut blocks);
    let genre = matter::mark(shapes, &mut blocks, declared);
    if genre == genre::Genre::Licence {
        matter::split_run_in_sections(&mut blocks);
    }
    // After a licence's run-in sections are split ("3. Public License Fallback. Should any
    // part…"): a section's number then stands over its own text, not next to the next one.
    heading::settle_numbered_lists(&mut blocks);
    (blocks, genre)
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
    block.tight = raw.tight;
    block
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
        // A line of capitals back at the margin between two passages set in opens the second:
        // a section's title over quotations ("EXTRACTS." over the extracts), not the first
        // one's signature (which the text at the margin then goes on from). A term of a
        // definition list sits the same way, but is not set in capitals.
        let opens_set_in = form == Form::Caps && !raws[i].set_in && next.is_some_and(|n| n.set_in);
        let depth = |raw: &Raw<'_>| {
            let line = raw.first_line();
            line.len() - line.trim_start_matches(' ').len()
        };
        // Hung out short of the body, over a heading set deeper ("OPTIONS" at the margin over
        // "   Generic Program Information"), a heading opens a section whose first part that one
        // is; over a body set deeper, it heads that body, short as the body may be. (At the
        // body's indent, over lines set deeper, a short line is a term or an index's letter.)
        let hangs_over = raws[i].hung > 0 && next.is_some_and(|n| depth(n) >= depth(&raws[i]) + 2);
        // Hung out short of the body and over text set deeper, it signs nothing above it.
        let after_quotation = i > 0
            && !set_apart
            && !opens_set_in
            && !hangs_over
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
        // A line between the two halves of one sentence (a page's number or running head left
        // where the page broke: "…the mill, and" / "Page 12" / "then down to the river…")
        // heads nothing.
        // A heading hung out at the margin, four columns or more short of the text on both
        // sides (a manual page's "SYNOPSIS" between "ls - list directory contents" and
        // "ls [OPTION]..."), is set where no page's number or running head sits.
        let hung_out = i > 0
            && next.is_some_and(|n| depth(n) >= depth(&raws[i]) + 4)
            && depth(&raws[i - 1]) >= depth(&raws[i]) + 4;
        let interrupts_sentence = i > 0
            && !hung_out
            && raws[i - 1].kind == BlockKind::Paragraph
            && raws[i - 1].lines().last().is_some_and(|l| {
                l.trim_end()
                    .ends_with(|c: char| c.is_alphanumeric() || c == ',')
            })
            && next.is_some_and(|n| n.kind == BlockKind::Paragraph)
            && next_text.split_whitespace().next().is_some_and(|word| {
                // A word that goes on with the sentence, not a bullet ("o  Item").
                word.starts_with(char::is_lowercase) && word.chars().count() >= 2
            });
        let opens_a_part = i > 0
            && raws[i].line >= raws[i - 1].line + raws[i - 1].line_count() + PART_GAP
            && forms
                .get(i + 1)
                .copied()
                .flatten()
                .is_some_and(|f| matches!(f, Form::Division(_)));
        let accept = match form {
            Form::Numbered(_)
            | Form::Division(_)
            | Form::Atx(_)
            | Form::Underline { .. }
            | Form::Aozora(_) => true,
            _ if dated || after_quotation || label || interrupts_sentence => false,
            // A line of capitals set well apart from the text before it, over a chapter's
            // heading, names a part of a book ("THE PRINCE" over "CHAPTER I", a second work
            // bound in after the first).
            Form::Caps => followed_by_body || opens_a_part || hangs_over,
            Form::Titled => {
                followed_by_body
                    && (hangs_over
                        || next_text.split_whitespace().count()
                            >= 2 * text.split_whitespace().count().max(4))
                    || hangs_over && forms.get(i + 1).copied().flatten().is_some()
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

/// The blank lines before a part's title in a book laid out as plain text: more than a
/// chapter's heading gets.
const PART_GAP: usize = 4;

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
    // Headings known by their form alone, hung out short of the body at different depths (a
    // manual page's sections at the margin, its subsections three columns in, its terms at
    // the body's indent): the further out, the higher. Most texts hang none of them out.
    let guessed =
        |form: Option<Form>| matches!(form, Some(Form::Caps | Form::Titled | Form::Uncased) | None);
    let mut hangs: Vec<usize> = shapes
        .iter()
        .zip(blocks.iter())
        .filter(|(shape, block)| block.kind == BlockKind::Heading && guessed(shape.form()))
        .map(|(shape, _)| shape.hung())
        .filter(|&hung| hung > 0)
        .collect();
    hangs.sort_unstable_by(|a, b| b.cmp(a));
    hangs.dedup();
    let guessed_level = |hung: usize| {
        if hangs.is_empty() {
            return 2;
        }
        let rank = hangs.iter().position(|&h| h == hung).unwrap_or(hangs.len());
        u8::try_from(rank).unwrap_or(u8::MAX).saturating_add(2)
    };
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
            Some(Form::Caps | Form::Titled | Form::Uncased) | None => guessed_level(shape.hung()),
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
mod tests;

#[cfg(test)]
mod folds_tests;

#[cfg(test)]
mod copied_tests;

#[cfg(test)]
mod hung_tests;
