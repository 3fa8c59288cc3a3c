//! What surrounds the text: Project Gutenberg header and licence, credits and metadata fields at
//! the top, the title block (found by `title`), a table of contents before the body, and the
//! questions asked of a block's lines (a menu, rows of figures, a link stack). Web-scrape
//! debris (menus, share buttons, "Related", comment forms, cookie notices) is found in
//! [`debris`], the way boilerplate removers do it: real prose is long and punctuated; the
//! article is the span from the first to the last prose block; short unpunctuated blocks
//! outside it, or between non-prose neighbours inside a page that shows web furniture, are
//! folded. Nothing is deleted.

use std::collections::HashMap;

use super::chrome::{QUOTATION_MARKS, is_link_row, size_up_to};
use super::genre;
use super::headline;
use super::raw::Raw;
use super::shape::{self, Shaped};
use super::title;
use crate::document::{Block, BlockKind, Fold};
use crate::text::sentences::is_sentence_stop;

pub(super) mod debris;
pub(super) mod header;
pub(in crate::document) use debris::is_price_tag;
use debris::{is_prose, mark_debris, shows_web_furniture};
use header::mark_front_fields;
pub(super) use header::{is_front_fields, is_front_header};

/// Marks the matter around the text, and says what kind of text it found.
pub fn mark(raws: &[impl Shaped], blocks: &mut [Block], declared: Option<&str>) -> genre::Genre {
    let genre = genre::of(raws, blocks);
    mark_gutenberg_matter(raws, blocks);
    mark_front_fields(raws, blocks);
    if !title::mark_declared_title(blocks, declared) {
        title::mark_title(raws, blocks);
    }
    title::mark_subtitle(raws, blocks);
    if genre == genre::Genre::Licence {
        mark_centred_titles(raws, blocks);
    }
    if genre == genre::Genre::Log {
        mark_release_heads(blocks);
    }
    if genre == genre::Genre::Help {
        mark_ruled_heads(raws, blocks);
    }
    title::mark_byline_and_dateline(blocks);
    title::mark_author_note(blocks);
    if genre.has_chrome() && !is_laid_out_by_hand(raws) && shows_web_furniture(raws, blocks) {
        // A page that sets every line apart holds its menus as runs of one-line blocks. They
        // are no evidence that the text is a page (a poem's short lines may run so), only
        // furniture once other furniture has shown it is one.
        let raws = shape::InMenuRun::all(raws, blocks);
        mark_debris(&raws, blocks);
        let body = (0..blocks.len())
            .find(|&i| blocks[i].kind != BlockKind::Leftover && is_prose(&raws[i], &blocks[i]));
        if let Some(body) = body {
            headline::mark_headline(&raws, blocks, body);
        }
    } else {
        mark_front_contents(raws, blocks);
    }
    genre
}

/// A text laid out by hand: a tenth of its lines or more set in from the margin or set in
/// columns (a manual, a program's README, a data or settings file). The visible text of a web
/// page comes with its spaces collapsed, whoever copied it (none of the corpus's scraped pages
/// sets a single line in), so such a text is no page, and has no page furniture to fold.
fn is_laid_out_by_hand(raws: &[impl Shaped]) -> bool {
    let (laid, lines) = raws.iter().fold((0, 0), |(laid, lines), raw| {
        (laid + raw.laid_lines(), lines + raw.line_count())
    });
    laid * 10 >= lines.max(1)
}

/// In a licence, sections whose titles run into their first sentence ("2. Grant of Copyright
/// License. Subject to …", as the Apache License and CC0 set most of theirs) are split: the
/// title becomes a heading, at the level of the licence's other numbered headings of that
/// depth, and the sentence starts the paragraph under it. Three such sections at least, or
/// a numbered paragraph that happens to start with a short capitalised phrase is left alone.
/// Every word stays, in order.
pub fn split_run_in_sections(blocks: &mut Vec<Block>) {
    let run_ins: Vec<Option<(u8, usize)>> = blocks
        .iter()
        .map(|b| {
            let plain = b.spans.is_empty() && b.notes.is_empty() && !b.text.contains('\n');
            (matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem) && plain)
                .then(|| super::heading::run_in(&b.text))
                .flatten()
        })
        .collect();
    if run_ins.iter().flatten().count() < 3 {
        return;
    }
    // The level a heading of each depth has in this licence (under a part title, one more).
    let mut levels: HashMap<u8, u8> = HashMap::new();
    for block in blocks.iter().filter(|b| b.kind == BlockKind::Heading) {
        if let Some((depth, _)) = super::heading::numbered(&block.text) {
            levels.entry(depth).or_insert(block.level);
        }
    }
    let mut out = Vec::with_capacity(blocks.len() + run_ins.len());
    for (block, run_in) in std::mem::take(blocks).into_iter().zip(run_ins) {
        let Some((depth, end)) = run_in else {
            out.push(block);
            continue;
        };
        // A depth no heading has yet sits under the nearest shallower one that has.
        let level = (1..=depth)
            .rev()
            .find_map(|d| levels.get(&d).map(|&level| level + (depth - d)))
            .unwrap_or(depth);
        let mut heading = block;
        let sentence = heading.text[end..].trim_start().to_string();
        heading.text.truncate(end);
        heading.tight = false;
        let mut rest = heading.clone();
        rest.kind = BlockKind::Paragraph;
        rest.text = sentence;
        heading.kind = BlockKind::Heading;
        heading.level = level.clamp(1, 6);
        out.push(heading);
        out.push(rest);
    }
    *blocks = out;
}

/// Project Gutenberg header and licence: everything before a START marker and from an END
/// marker on is front/back matter, and so are the production credits just after a START
/// marker. Files joined into one (`cat`, an omnibus) hold several START…END pairs: the text
/// between each pair is a work and shows, and only what lies outside every pair folds. What
/// follows an END marker, or opens the file before its first START, is folded only when it
/// reads as the distributor's (see [`works_after`]): a work set outside the markers shows.
fn mark_gutenberg_matter(raws: &[impl Shaped], blocks: &mut [Block]) {
    let has_start = raws.iter().any(|r| r.gutenberg_start());
    if !has_start && !raws.iter().any(|r| r.gutenberg_end()) {
        return;
    }
    let work_follows = works_after(raws, blocks);
    // Without a START marker the text begins as the work, and only an END marker folds; so
    // does a long opening before one that hardly names the distributor (a work the marker
    // follows, not a header).
    let mut inside = !has_start || work_follows.first().copied().unwrap_or(false);
    // Once a work has begun, what lies outside one comes after it: back matter.
    let mut after_a_work = false;
    let mut credits_left = 0;
    for (index, (raw, block)) in raws.iter().zip(blocks.iter_mut()).enumerate() {
        if raw.gutenberg_start() {
            block.fold_as(Fold::FrontMatter);
            (inside, after_a_work, credits_left) = (true, true, 4);
        } else if raw.gutenberg_end() {
            block.fold_as(Fold::BackMatter);
            // The closing line is the distributor's; a work after it is not.
            let work = work_follows.get(index + 1).copied().unwrap_or(false);
            (inside, after_a_work) = (work, true);
        } else if !inside {
            block.fold_as(if after_a_work {
                Fold::BackMatter
            } else {
                Fold::FrontMatter
            });
        } else if credits_left > 0 {
            credits_left -= 1;
            if is_production_credit(&block.text) {
                block.fold_as(Fold::FrontMatter);
            }
        }
    }
}

/// For each block, whether the stretch from it to the next START marker (or the end) is a
/// work's text rather than the distributor's back matter: long (more lines than the longest
/// licence and notes) and hardly naming Project Gutenberg, which a licence names in nearly
/// every paragraph. Bodies of books joined after their closing lines, or a collection whose
/// volumes each close with their own line, are read, not folded. Made in one pass from the
/// end, so a text of many END lines costs no more than one.
fn works_after(raws: &[impl Shaped], blocks: &[Block]) -> Vec<bool> {
    let mut work = vec![false; raws.len()];
    let (mut lines, mut naming) = (0usize, 0usize);
    for (index, (raw, block)) in raws.iter().zip(blocks).enumerate().rev() {
        if raw.gutenberg_start() {
            (lines, naming) = (0, 0);
            continue;
        }
        lines += raw.line_count();
        naming += usize::from(names_the_distributor(&block.text));
        work[index] =
            lines > LONGEST_BACK_MATTER_LINES && naming.saturating_mul(LINES_PER_NAMING) < lines;
    }
    work
}

/// More lines than the Project Gutenberg licence takes (its full text is some 350 lines, the
/// 1990s small print fewer), with room for a transcriber's notes.
const LONGEST_BACK_MATTER_LINES: usize = 500;

/// A licence names its distributor in most of its paragraphs; a work's text after a closing
/// line, less than once in this many lines.
const LINES_PER_NAMING: usize = 100;

fn names_the_distributor(text: &str) -> bool {
    ["Gutenberg", "GUTENBERG", "gutenberg"]
        .iter()
        .any(|name| text.contains(name))
}

/// "Produced by …", "Transcribed by …": who made the e-text, not part of the work.
pub(crate) fn is_production_credit(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "produced by",
        "transcribed by",
        "transcribed from the",
        "e-text prepared by",
        "etext prepared by",
        "updated editions",
    ]
    .iter()
    .any(|c| lower.starts_with(c))
}

/// In a licence, a line centred over the text ("Preamble", "TERMS AND CONDITIONS", "How to
/// Apply These Terms"), or a title stacked on two lines, heads the part under it; its
/// numbered sections sit one level below.
fn mark_centred_titles(raws: &[impl Shaped], blocks: &mut [Block]) {
    let mut centred = false;
    for (raw, block) in raws.iter().zip(blocks.iter_mut()) {
        if block.kind == BlockKind::Code && is_centred_title(&block.text)
            || block.kind == BlockKind::Paragraph && raw.stacked_title()
            || matches!(block.kind, BlockKind::Paragraph | BlockKind::Heading)
                && raw.line_count() == 1
                && is_part_in_capitals(&block.text)
        {
            block.kind = BlockKind::Heading;
            block.text = block.text.trim().to_string();
            block.level = 1;
            centred = true;
        } else if centred && block.kind == BlockKind::Heading {
            block.level = (block.level + 1).min(6);
        }
    }
}

/// In a change log, the line over each release's changes heads them, so the outline lists
/// the releases. A line already taken for a heading keeps its level; the newest release is
/// no title for the whole log.
fn mark_release_heads(blocks: &mut [Block]) {
    for block in blocks.iter_mut() {
        if matches!(block.kind, BlockKind::Paragraph | BlockKind::Title)
            && !block.text.contains('\n')
            && genre::heads_a_release(&block.text)
        {
            block.kind = BlockKind::Heading;
            block.text = block.text.trim().to_string();
            block.level = 1;
        }
    }
}

/// In a Vim help file, a rule of `=` over a line opens a section ("*02.1*  Running Vim for
/// the First Time"), and a rule of `-` a part of one: the line heads what follows, a level
/// below for `-`. The rule is the heading's mark, as an underline is in Markdown, and the
/// heading says the line alone, its words and tags as written.
fn mark_ruled_heads(raws: &[impl Shaped], blocks: &mut [Block]) {
    for (raw, block) in raws.iter().zip(blocks.iter_mut()) {
        if block.kind != BlockKind::Paragraph || raw.line_count() != 2 {
            continue;
        }
        // The two lines are joined by now: the rule is the first word.
        let Some((rule, line)) = block.text.trim_start().split_once(char::is_whitespace) else {
            continue;
        };
        let level = match rule.chars().next() {
            Some('=') => 1,
            Some('-') => 2,
            _ => continue,
        };
        let ruled = rule.len() >= 20 && rule.bytes().all(|b| b == rule.as_bytes()[0]);
        let line = line.trim();
        // The file's last line tells Vim how to show it ("vim:tw=78:ts=8:ft=help"): no heading.
        let modeline = ["vim:", "vi:", "ex:"].iter().any(|m| line.starts_with(m));
        if ruled && !modeline && line.chars().any(char::is_alphabetic) {
            // The tabs that set its tag at the right margin are no part of a heading.
            block.text = line.split_whitespace().collect::<Vec<_>>().join(" ");
            block.kind = BlockKind::Heading;
            block.level = level;
            // The outline, and what it is checked against, name the heading's own line.
            block.line += 1;
        }
    }
}

/// Two or three lines of capitals stacked, the first centred: a licence's name said again
/// over the part it opens ("GNU GENERAL PUBLIC LICENSE" over "TERMS AND CONDITIONS FOR
/// COPYING, DISTRIBUTION AND MODIFICATION"), one title set on two lines.
pub(super) fn is_stacked_title(raw: &Raw<'_>) -> bool {
    if raw.kind != BlockKind::Paragraph || !(2..=3).contains(&raw.line_count()) {
        return false;
    }
    let first = raw.first_line();
    first.len() - first.trim_start().len() >= 8
        && raw.lines().all(|line| {
            let line = line.trim();
            line.split_whitespace().count() <= 12
                && line.chars().any(char::is_uppercase)
                && !line.chars().any(char::is_lowercase)
                && !ends_sentence(line)
        })
}

/// A line in capitals alone over a licence's part, wherever it is set ("TERMS AND CONDITIONS
/// FOR USE, REPRODUCTION, AND DISTRIBUTION", "END OF TERMS AND CONDITIONS"): a few words, no
/// sentence, no number. A licence's disclaimer in capitals runs over several lines.
fn is_part_in_capitals(text: &str) -> bool {
    let line = text.trim();
    let words = line.split_whitespace().count();
    (2..=12).contains(&words)
        && line.chars().filter(|c| c.is_alphabetic()).count() >= 8
        && !line.chars().any(|c| c.is_lowercase() || c.is_numeric())
        && !ends_sentence(line)
        && !line.ends_with(':')
}

/// One line set in by eight spaces or more, with no columns in it: a few words, no sentence,
/// no date ("Version 3, 29 June 2007" is the title's second line, not a part's).
fn is_centred_title(text: &str) -> bool {
    let line = text.trim();
    let indent = text.len() - text.trim_start().len();
    let words = line.split_whitespace().count();
    indent >= 8
        && !text.contains('\n')
        && !super::lines::has_column_gap(line)
        && (1..=12).contains(&words)
        && line.chars().next().is_some_and(char::is_alphabetic)
        && !line.contains("://")
        && !ends_sentence(line)
        && !title::has_date(line)
}

/// A line of the Project Gutenberg START or END marker (`word` says which). Etexts of the
/// 1990s have none: their header closes with "*END*THE SMALL PRINT! FOR PUBLIC DOMAIN
/// ETEXTS*…*END*", which starts the work as a START marker does, and the work closes with a
/// line "End of (the) Project Gutenberg Etext of …", which ends it as an END marker does.
pub(super) fn is_gutenberg_marker(raw: &Raw<'_>, word: &str) -> bool {
    // Both kinds of START line have stars: one byte search rules out almost every paragraph
    // of a book, which this is asked of twice.
    let starred = raw.source().contains('*');
    let marked = starred
        && raw.source().contains("***")
        && raw.lines().any(|l| {
            let l = l.trim_start();
            l.starts_with("***")
                && l.contains(word)
                && l.to_uppercase().contains("PROJECT GUTENBERG")
        });
    marked
        || match word {
            "START OF" => {
                starred
                    && raw.source().contains("SMALL PRINT")
                    && raw.lines().any(|l| {
                        let l = l.trim_start().trim_start_matches('*');
                        l.starts_with("END*THE SMALL PRINT") || l.starts_with("END THE SMALL PRINT")
                    })
            }
            "END OF" => {
                raw.line_count() <= 3 && {
                    let first = raw.first_line().trim_start();
                    let lower = first.chars().take(40).collect::<String>().to_lowercase();
                    lower.starts_with("end of the project gutenberg")
                        || lower.starts_with("end of project gutenberg")
                }
            }
            _ => false,
        }
}

pub(crate) fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(is_pictograph_or_space)
        .trim_end_matches(['"', '\u{201d}', '\u{2019}', ')', '\'', '»', '」'])
        .ends_with(|c| c == '…' || is_sentence_stop(c))
}

/// A pictograph, or what builds one (a joiner, a variation selector, a keycap), or a space:
/// what may close a sentence after its stop ("We hope to see you soon! 🙂") without ending
/// it otherwise.
fn is_pictograph_or_space(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            u32::from(c),
            0x200D | 0x20E3 | 0xFE0F | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x1F000..=0x1FAFF
        )
}

/// A stack of short unpunctuated lines: a menu, a tag list, a row of buttons. A footer's
/// rows of links between bars ("Home | Video | World | Business") are its items too, however
/// wide.
pub(super) fn is_menu(raw: &Raw<'_>) -> bool {
    let (mut count, mut width, mut punctuated, mut set_in) = (0usize, 0usize, 0usize, 0usize);
    let mut code = 0usize;
    // A table set with bars gives every row as many cells; rows of links vary.
    let mut row_cells: Vec<usize> = Vec::new();
    for line in raw.lines().filter(|l| !l.trim().is_empty()) {
        set_in += usize::from(line.starts_with(['\t', ' ']));
        let line = line.trim();
        count += 1;
        code += usize::from(is_code_line(line));
        if is_link_row(line) {
            row_cells.push(line.split(" | ").count());
            continue;
        }
        // Columns, not chars: a line of 37 ideographs is a full line of prose, not a menu item.
        width += crate::text::display_width(line);
        if line.ends_with([
            ',', ';', ':', '，', '；', '：', '、', '」', '』', '،', '؛', '၊', '፣', '፤',
        ]) || line.ends_with(is_sentence_stop)
        {
            punctuated += 1;
        }
    }
    let table = row_cells.len() >= 2 && row_cells.iter().all(|&n| n == row_cells[0]);
    count >= 3
        && width / count < 40
        && punctuated * 5 <= count
        && !table
        && set_in * 2 <= count
        && code * 3 < count
        && !is_table_of_figures(raw)
        && !is_record(raw)
        && !is_roll_of_names(raw)
}

/// A line of a program, in marks no menu item or button uses: an assignment or comparison,
/// a brace, a backslash, a name called with `(` straight after it ("exists(", "printf(").
/// Short unpunctuated lines of code (a Vim script, a C function) are no stack of links.
fn is_code_line(line: &str) -> bool {
    line.contains(['=', '{', '}', '\\'])
        || line
            .as_bytes()
            .windows(2)
            .any(|pair| pair[0].is_ascii_alphanumeric() && pair[1] == b'(')
}

/// A record of named fields, one to a line ("what: hwclock --debug" / "why: renamed to
/// --verbose" / "since: v2.32"): data set out by its names, not a menu, however short its
/// lines and bare of punctuation.
fn is_record(raw: &Raw<'_>) -> bool {
    let named = |line: &str| {
        line.split_once(':').is_some_and(|(name, value)| {
            (1..=24).contains(&name.len())
                && name
                    .chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '_')
                && value.starts_with([' ', '\t'])
                && !value.trim().is_empty()
        })
    };
    filled_lines(raw).all(named)
}

/// A roll of people, one to a line, each marked as a person by an account or an address:
/// "Ada Lovelace (@ada)", "Grace Hopper <grace@example.org>", a lone "@handle". The thanks,
/// authors and contributors of a project are set out so, short and unpunctuated like a
/// menu, and are its text. A menu's items ("World News", "Sign in") carry no such mark.
fn is_roll_of_names(raw: &Raw<'_>) -> bool {
    let (mut count, mut named) = (0usize, 0usize);
    for line in filled_lines(raw) {
        count += 1;
        named += usize::from(names_a_person(line));
    }
    count >= 3 && named * 5 >= count * 4
}

/// A line that is a person's name marked by an account or an address, or an account alone.
fn names_a_person(line: &str) -> bool {
    let line = line.trim_start_matches(['-', '*', '•', ' ']);
    if let Some(handle) = line.strip_prefix('@') {
        return is_handle(handle);
    }
    let (name, mark) = match line.split_once(" (") {
        Some((name, rest)) => (name, rest.strip_suffix(')')),
        None => match line.split_once(" <") {
            Some((name, rest)) => (name, rest.strip_suffix('>')),
            None => return false,
        },
    };
    let marked = mark.is_some_and(|mark| {
        mark.strip_prefix('@').is_some_and(is_handle)
            || mark.split_once('@').is_some_and(|(user, host)| {
                !user.is_empty() && host.contains('.') && !host.contains(' ')
            })
    });
    let words: Vec<&str> = name.split_whitespace().collect();
    marked && (2..=5).contains(&words.len()) && words.iter().all(|w| is_word_of_a_name(w))
}

/// A word of a person's name: capitalised (or of a script without capitals), or one of the
/// particles names carry ("de", "van", "bin"). "Follow us" and "Contact us" are no names.
fn is_word_of_a_name(word: &str) -> bool {
    const PARTICLES: &[&str] = &[
        "al", "bin", "da", "das", "de", "del", "della", "den", "der", "di", "dos", "du", "el",
        "ibn", "la", "le", "ten", "ter", "van", "von", "y", "zu",
    ];
    let letters = word
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'));
    let capital = word
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_alphabetic() && !c.is_lowercase());
    letters && (capital || PARTICLES.contains(&word))
}

/// An account's name after its `@`: letters, digits and `_ . -`, nothing else.
fn is_handle(handle: &str) -> bool {
    !handle.is_empty()
        && handle.len() <= 40
        && handle
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-'))
}

/// Rows of figures (a results table, a schedule, prices), most lines holding two numbers or
/// more, or rows of labelled values: a table, which is never furniture, however short its
/// lines.
pub(super) fn is_table_of_figures(raw: &Raw<'_>) -> bool {
    has_rows_of_figures(filled_lines(raw)) || is_labelled_table(raw)
}

/// Rows of labelled values that are data, not a page's fields about itself: no label is one
/// of furniture's words ("Tags: …") and no value a date ("Published: Nov. 19, 2019"). Such
/// fields keep their lines too, but are not taken for the article's table.
fn is_labelled_table(raw: &Raw<'_>) -> bool {
    are_labelled_rows(filled_lines(raw))
        && filled_lines(raw).all(|line| {
            line.split_once(": ").is_some_and(|(label, value)| {
                !super::chrome::has_cue(label) && !title::has_date(value)
            })
        })
}

/// Three or more lines, each a short label and its value after a colon ("England (Group A):
/// 10th appearance", "Czech Republic (Group A): Seventh appearance"): a table of two columns
/// set as text, each line a row. A label is a name, not a clause: a few words that end no
/// sentence, opening in a capital or a figure; a row no wider than a table's.
pub(super) fn are_labelled_rows<'a>(lines: impl Iterator<Item = &'a str>) -> bool {
    let mut rows = 0usize;
    for line in lines {
        let Some((label, value)) = line.trim().split_once(": ") else {
            return false;
        };
        // A row is no longer than a table's (see [`are_rows_of_figures`]): a label before a
        // paragraph of prose ("Build your first offer: Don't build …") heads an item of a
        // list, which flows.
        let labelled = crate::text::display_width(line.trim()) <= 100
            && (1..=LABEL_CHARS).contains(&label.chars().count())
            && label.split_whitespace().count() <= LABEL_WORDS
            && label
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            && !ends_sentence(label)
            && !value.trim().is_empty();
        if !labelled {
            return false;
        }
        rows += 1;
    }
    rows >= 3
}

/// The longest label of a row of labelled values, in characters and in words.
const LABEL_CHARS: usize = 32;
const LABEL_WORDS: usize = 5;

/// Rows of figures set flush as a paragraph's lines (a schedule, a results table pasted as
/// text): each line a record of its own, so they are kept as lines, not run together. No
/// line ends as a sentence's middle does (on a comma, a hyphen, or before a line starting in
/// lower case), and no line is longer than a row of a table on a page (100 columns: a venue's
/// name and town after a date run past 80; a paragraph left unwrapped runs past 100).
pub(super) fn are_rows_of_figures<'a>(
    lines: impl Iterator<Item = &'a str> + Clone,
    count: usize,
) -> bool {
    // Asked of every paragraph a text holds: most have lines without a digit, and the
    // question ends at the first few of them, before anything is measured or kept.
    if count < 3 {
        return false;
    }
    let mut without_digits = 0;
    for line in lines.clone() {
        without_digits += usize::from(!line.bytes().any(|b| b.is_ascii_digit()));
        if without_digits * 5 > count {
            return false;
        }
    }
    let filled: Vec<&str> = lines.map(str::trim).filter(|l| !l.is_empty()).collect();
    filled.len() >= 3
        && filled.iter().all(|l| crate::text::display_width(l) <= 100)
        // A help file's example, opened by a line ending in '>' and closed by one starting
        // with '<', is parted from its text by its own marks.
        && !filled.iter().any(|l| l.ends_with(" >") || l.starts_with('<'))
        && filled.windows(2).all(|pair| {
            !pair[0].ends_with([',', '-', '‐'])
                && !pair[1].starts_with(|c: char| c.is_lowercase())
        })
        && rows_with_figures(filled.iter().copied()) * 5 >= filled.len() * 4
}

fn has_rows_of_figures<'a>(lines: impl Iterator<Item = &'a str>) -> bool {
    let lines: Vec<&str> = lines.collect();
    lines.len() >= 3 && rows_with_figures(lines.iter().copied()) * 2 > lines.len()
}

/// How many of the lines hold two numbers or more, or open on a day of a month (a schedule's
/// entry: "June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL").
fn rows_with_figures<'a>(lines: impl Iterator<Item = &'a str>) -> usize {
    let mut with_figures = 0usize;
    for line in lines {
        let numbers = line.split_whitespace().filter(|w| is_figure(w)).count();
        if numbers >= 2 || super::title::opens_on_a_day(line) {
            with_figures += 1;
        }
    }
    with_figures
}

/// A number as a table gives it: digits, perhaps an ordinal's ending ("1a", "2nd", "10º"), or
/// a measure with its fraction or its groups ("2.3", "0,098", "1,234.5": a table of timings or
/// prices is made of them).
fn is_figure(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric() && !matches!(c, 'ª' | 'º'));
    let bytes = word.as_bytes();
    let mut digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    // A stop or a comma between digits is inside the number.
    while digits > 0
        && matches!(bytes.get(digits), Some(b'.' | b','))
        && bytes.get(digits + 1).is_some_and(u8::is_ascii_digit)
    {
        digits += 1 + bytes[digits + 1..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
    }
    let ending = word[digits..].chars();
    digits > 0
        && ending.clone().count() <= 2
        && ending
            .clone()
            .all(|c| c.is_alphabetic() || matches!(c, 'ª' | 'º'))
}

/// A block's lines that hold text, trimmed.
fn filled_lines<'a>(raw: &Raw<'a>) -> impl Iterator<Item = &'a str> + Clone + use<'a> {
    raw.lines().map(str::trim).filter(|l| !l.is_empty())
}

/// A list item that opens with a division and its number: an entry of a table of contents.
pub(super) fn is_contents_entry(block: &Block) -> bool {
    block.kind == BlockKind::ListItem && super::heading::division(&block.text).is_some()
}

/// Three or more lines of which none ends a sentence: headlines of other articles, a list of
/// links, however long each line is.
pub(super) fn is_link_stack(raw: &Raw<'_>) -> bool {
    filled_lines(raw).nth(2).is_some()
        && !filled_lines(raw).any(ends_sentence)
        && !is_table_of_figures(raw)
}

/// A line that is a price alone, the tag of an item for sale (see [`debris::is_price_tag`]).
pub(super) fn shows_a_price_tag(raw: &Raw<'_>) -> bool {
    filled_lines(raw).any(debris::is_price_tag)
}

/// A teaser of another article: a name or headline line and a date line over the first
/// sentences of that article ("Rob Crilly / Wednesday November 20, 2019 / The interview …").
/// A table whose rows open on dates (a season's calendar, a tour's dates) has a date in its
/// first lines too, and in most of the others: it is the article's table, no teaser.
pub(super) fn is_teaser_card(raw: &Raw<'_>) -> bool {
    // Only the first three lines can be the card's head, and the last line never is.
    let first: Vec<&str> = filled_lines(raw).take(4).collect();
    let head = match first.split_last() {
        Some((_, before_last)) if first.len() < 4 => before_last,
        _ => first.get(..3).unwrap_or(&[]),
    };
    head.iter()
        .any(|l| size_up_to(l, 9) <= 8 && title::has_date(l) && !ends_sentence(l))
        && !is_table_of_figures(raw)
}

/// In a text without page furniture, only a table of contents before the body is folded: its
/// entries ("CHAPTER 2. The Carpet-Bag."), the "Contents" line over them, and the short lines
/// listed among them ("PROLOGUE", "Epilogue").
fn mark_front_contents(raws: &[impl Shaped], blocks: &mut [Block]) {
    let Some(body) = (0..blocks.len()).find(|&i| is_prose(&raws[i], &blocks[i])) else {
        return;
    };
    let listed = |b: &Block| {
        is_contents_entry(b)
            || matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem)
                && size_up_to(&b.text, 7) <= 6
                && !b.text.contains(QUOTATION_MARKS)
    };
    let mut i = 0;
    while i < body {
        let caption = is_contents_caption(&blocks[i].text);
        if !caption && !is_contents_entry(&blocks[i]) {
            i += 1;
            continue;
        }
        // The list runs over listed lines, headings that list a part ("ETYMOLOGY.") among
        // them included, while entries keep coming.
        let mut end = i + 1;
        let mut entries = usize::from(!caption);
        let mut last_entry = i;
        while end < body && (listed(&blocks[end]) || blocks[end].kind == BlockKind::Heading) {
            if is_contents_entry(&blocks[end]) {
                entries += 1;
                last_entry = end;
            }
            end += 1;
        }
        if entries < 2 {
            i += 1;
            continue;
        }
        // Past the last entry, only short listed lines ("Epilogue") belong to it.
        let mut stop = last_entry + 1;
        while stop < end && listed(&blocks[stop]) {
            stop += 1;
        }
        for block in &mut blocks[i..stop] {
            block.fold_as(Fold::Contents);
        }
        i = stop;
    }
}

/// "Contents", "Table of Contents", "CONTENTS.".
pub(super) fn is_contents_caption(text: &str) -> bool {
    matches!(
        text.trim()
            .trim_end_matches(['.', ':'])
            .to_lowercase()
            .as_str(),
        "contents" | "table of contents"
    )
}

#[cfg(test)]
#[path = "matter_tests.rs"]
pub(super) mod tests;

#[cfg(test)]
#[path = "matter_tables_tests.rs"]
mod tables_tests;
