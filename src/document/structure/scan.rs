//! Lines to raw blocks: keeps fenced code whole and splits at blank lines, Markdown ATX and
//! underlined (setext / reStructuredText) headings, block quotes and list items, reading the
//! lines cleaned of page furniture and box borders (see [`super::lines`]). What each plain
//! paragraph *is* gets decided later, with the whole document in view.
//!
//! Nothing here keeps a list of lines: the scan walks them with a [`Cursor`], and a block
//! ([`Raw`]) is a span of the source.

use super::heading::{self, Form};
use super::lines::{self, Cursor, Line, has_column_gap, is_blank};
use super::raw::Raw;
use crate::document::BlockKind;
pub(super) use kept_lines::reads_as_wrapped_prose;
use kept_lines::{
    MEASURE_OF_WRAPPED_PROSE, introduces_a_list, is_lines_of_words, is_list_of_lines,
};
use terms::{is_numbered_in_margin, is_tagged, stands_over_set_in};
use unicode_width::UnicodeWidthStr;

pub fn scan(text: &str) -> Vec<Raw<'_>> {
    let base = base_indent(text);
    let starts = Starts::of(text);
    let mut out: Vec<Raw<'_>> = Vec::new();
    let mut pending: Option<Raw<'_>> = None;
    // The indentation of the paragraph or directive that opened a reStructuredText literal
    // block: lines set deeper than it are its code.
    let mut literal: Option<usize> = None;
    let mut cursor = Cursor::new(text);
    while let Some(current) = cursor.current() {
        let line = current.text;
        let number = cursor.number();
        if current.is_blank() {
            if literal.is_none() {
                literal = pending.as_mut().and_then(opens_literal_block);
            }
            flush(&mut pending, &mut out, base);
            cursor.advance();
            continue;
        }
        if let Some(depth) = literal {
            if indent(line) > depth {
                match pending.as_mut() {
                    Some(code) if code.kind == BlockKind::Code => code.push(text, current),
                    _ => {
                        flush(&mut pending, &mut out, base);
                        pending = Some(Raw::starting(BlockKind::Code, number, text, current));
                    }
                }
                cursor.advance();
                continue;
            }
            literal = None;
            flush(&mut pending, &mut out, base);
        }
        if let Some(fence) = fence_marker(line) {
            flush(&mut pending, &mut out, base);
            cursor.advance();
            out.extend(fenced_code(text, &mut cursor, fence, number));
            continue;
        }
        if let Some((level, title)) = heading::aozora(line) {
            flush(&mut pending, &mut out, base);
            out.push(heading_raw(title, number, Form::Aozora(level)));
            if let Some(rest) = heading::aozora_rest(line) {
                let mut text = Raw::title(rest, number);
                text.kind = BlockKind::Paragraph;
                out.push(text);
            }
            cursor.advance();
            continue;
        }
        if let Some((level, title)) = heading::atx(line)
            && !inside_indented_block(&cursor, line)
        {
            flush(&mut pending, &mut out, base);
            out.push(heading_raw(title, number, Form::Atx(level)));
            cursor.advance();
            continue;
        }
        // reStructuredText overline, title, underline.
        if pending.is_none()
            && let Some(over) = underline_char(line)
            && let Some(title) = cursor.peek(1).map(|l| l.text)
            && let Some(under) = cursor.peek(2).and_then(|l| underline_char(l.text))
            && over == under
            && !title.trim().is_empty()
            && underline_char(title).is_none()
        {
            out.push(heading_raw(
                title.trim(),
                number + 1,
                Form::Underline {
                    mark: over,
                    over: true,
                },
            ));
            (0..3).for_each(|_| cursor.advance());
            continue;
        }
        // Setext / reStructuredText underline under a line that starts its block.
        if pending.is_none()
            && underline_char(line).is_none()
            && let Some(under) = cursor.peek(1).map(|l| l.text)
            && let Some(mark) = underline_char(under)
            && fits_underline(line, under)
        {
            out.push(heading_raw(
                line.trim(),
                number,
                Form::Underline { mark, over: false },
            ));
            (0..2).for_each(|_| cursor.advance());
            continue;
        }
        if is_rule(line) {
            flush(&mut pending, &mut out, base);
            cursor.advance();
            continue;
        }
        // An interactive session's prompt (Python's `>>> `) is no quotation's marker: the
        // session is kept as it was typed, its prompts, its answers and the lines between.
        if pending.as_ref().is_none_or(|p| p.kind != BlockKind::Quote)
            && let Some((last, count)) = session_run(&cursor)
        {
            flush(&mut pending, &mut out, base);
            out.push(Raw::spanning(
                BlockKind::Code,
                number,
                text,
                (current, last),
                count,
            ));
            (0..count).for_each(|_| cursor.advance());
            continue;
        }
        if quote_text(line).is_some() {
            match pending.as_mut() {
                Some(quote) if quote.kind == BlockKind::Quote => quote.push(text, current),
                _ => {
                    flush(&mut pending, &mut out, base);
                    pending = Some(Raw::starting(BlockKind::Quote, number, text, current));
                }
            }
            cursor.advance();
            continue;
        }
        let contents = if pending.is_none() {
            contents_run(&cursor)
        } else {
            None
        };
        if let Some((last, count)) = contents {
            let lines = (current, last);
            out.push(Raw::spanning(BlockKind::Code, number, text, lines, count));
            (0..count).for_each(|_| cursor.advance());
            continue;
        }
        if starts_list_item(&cursor, line) {
            flush(&mut pending, &mut out, base);
            pending = Some(Raw::starting(BlockKind::ListItem, number, text, current));
            cursor.advance();
            continue;
        }
        if let Some(p) = pending.as_ref() {
            // "1.1. Term" over an indented definition: the term line stands alone. A line
            // indented to where the words after the number start is a list item's hanging
            // indent ("1. When …\n   for …"): the item goes on. So does a sentence that runs
            // on in lower case, however the lines are set in (no-break spaces in the indent
            // and after the number leave the columns short of lining up).
            // Read only for a one-line block: a long paragraph reaches here on every line.
            let first = || p.first_line();
            // A tag with a gap after it ("-c     with -lt: sort by…") hangs its text as a
            // list number does; a heading's words ("RETURN VALUE", seven columns wide over
            // a body set in by seven) are no tag.
            let hangs = |tagged: bool| tagged && indent(line) == hanging_indent(first());
            let split_term = p.kind == BlockKind::Paragraph
                && p.line_count() == 1
                && indent(line) > indent(first()) + 1
                && !runs_on(first(), line)
                && (heading::numbered(first().trim()).is_some() && !hangs(true)
                    || !hangs(is_tagged(first()))
                        && stands_over_set_in(
                            first(),
                            cursor.rest_of_block().map(|line| line.text),
                        ));
            if p.kind == BlockKind::Quote || split_term {
                flush(&mut pending, &mut out, base);
            }
            if split_term {
                let mut under = Raw::starting(BlockKind::Paragraph, number, text, current);
                under.tight = true;
                pending = Some(under);
                cursor.advance();
                continue;
            }
        }
        if pending
            .as_ref()
            .is_some_and(|p| p.kind == BlockKind::Paragraph && starts.starts_paragraph(line))
        {
            flush(&mut pending, &mut out, base);
        }
        match pending.as_mut() {
            Some(block) => block.push(text, current),
            None => pending = Some(Raw::starting(BlockKind::Paragraph, number, text, current)),
        }
        cursor.advance();
    }
    flush(&mut pending, &mut out, base);
    out
}

/// Where a text's paragraphs start, besides after a blank line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Starts {
    /// Only after blank lines (most texts).
    AfterBlank,
    /// Also at a line indented with an ideographic space (U+3000): Chinese and Japanese texts
    /// mark paragraphs that way and hard-wrap the lines between.
    AtIdeographicIndent,
    /// At every line: Aozora Bunko texts put each paragraph on one line, with no blank lines,
    /// and so do texts saved from an editor or a web form that were never hard-wrapped.
    EveryLine,
}

impl Starts {
    fn of(text: &str) -> Starts {
        // A sample is enough to tell: these conventions hold throughout a text.
        let sample = sample(text);
        let (mut filled, mut indented, mut blank, mut long) = (0usize, 0usize, 0usize, 0usize);
        for line in sample.lines() {
            if line.trim().is_empty() {
                blank += 1;
                continue;
            }
            filled += 1;
            indented += usize::from(line.starts_with('\u{3000}'));
            // A line is never wider than it has bytes: most texts are answered without
            // measuring a line's width.
            long += usize::from(line.len() > WIDER_THAN_A_WRAP);
        }
        let may_be_unwrapped = filled >= 20 && blank * 4 < filled && long * 5 >= filled;
        if is_aozora(sample) || may_be_unwrapped && is_unwrapped(sample, filled) {
            Starts::EveryLine
        } else if indented >= 3 && indented * 20 >= filled {
            Starts::AtIdeographicIndent
        } else {
            Starts::AfterBlank
        }
    }

    fn starts_paragraph(self, line: &str) -> bool {
        match self {
            Starts::AfterBlank => false,
            Starts::AtIdeographicIndent => line.starts_with('\u{3000}'),
            Starts::EveryLine => true,
        }
    }
}

/// Lines wider than any hard wrap: how wide a line of text may be before it is taken for a
/// paragraph left unwrapped.
const WIDER_THAN_A_WRAP: usize = 100;

/// A text that was never hard-wrapped: a fifth of its lines or more run past any wrap width,
/// and no width recurs as a wrap width does. A text wrapped at 80 columns has a crowd of
/// lines 78–80 wide, one in ten or more at the commonest width; an unwrapped one has lines of
/// every width.
fn is_unwrapped(sample: &str, filled: usize) -> bool {
    // Lines of prose only: a table's rows ("1F600      ; fully-qualified  # …") are long and
    // of every width too, but they are lines by their nature, whatever the text's habit.
    let mut widths: Vec<usize> = sample
        .lines()
        .filter(|line| !has_column_gap(line.trim()))
        .map(|line| line.trim_end().width())
        .filter(|&width| width > 40)
        .collect();
    let long = widths.iter().filter(|&&w| w > WIDER_THAN_A_WRAP).count();
    if long * 5 < filled {
        return false;
    }
    widths.sort_unstable();
    let commonest = widths
        .chunk_by(|a, b| a == b)
        .map(<[usize]>::len)
        .max()
        .unwrap_or(0);
    commonest * 10 < widths.len()
}

/// The opening of a text that its habits are told from (256 KB, cut at a character): a
/// convention that holds throughout a text shows there.
fn sample(text: &str) -> &str {
    let mut end = text.len().min(256 * 1024);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// A text whose prose was never hard-wrapped, whatever sets its paragraphs apart (a web page
/// copied as text, notes typed in an editor): three lines of prose or more run past any wrap
/// width and hold a quarter of its lines long enough to be prose or more, and their widths spread well past one
/// measure (a text wrapped at 120 or 132 columns has its long lines within a few columns of
/// each other). In such a text a line break inside a paragraph was made by hand.
pub(super) fn prose_is_unwrapped(text: &str) -> bool {
    let (mut all, mut long, mut in_long) = (0usize, 0usize, 0usize);
    let (mut narrowest, mut widest) = (usize::MAX, 0usize);
    for line in sample(text).lines() {
        let line = line.trim();
        // A table's rows are long and of every width, but lines by their nature.
        if line.is_empty() || has_column_gap(line) {
            continue;
        }
        // Only lines that could be prose are weighed: a page's menus, buttons and footer
        // links, however many, are short lines in a wrapped text and an unwrapped one alike.
        if line.len() >= SHORTER_THAN_PROSE {
            all += line.len();
        }
        // Bytes first: most lines of a wrapped text are answered without measuring.
        if line.len() <= WIDER_THAN_A_WRAP {
            continue;
        }
        let width = line.width();
        if width > WIDER_THAN_A_WRAP {
            long += 1;
            in_long += line.len();
            narrowest = narrowest.min(width);
            widest = widest.max(width);
        }
    }
    long >= 3 && in_long * 4 >= all && widest - narrowest >= SPREAD_OF_UNWRAPPED_LINES
}

/// Lines shorter than this many bytes (a menu's items, a button, a date) are no evidence of how
/// a text's prose is wrapped.
const SHORTER_THAN_PROSE: usize = 40;

/// How far apart the widths of an unwrapped text's long lines run at the least: those of a
/// text wrapped at a wide measure lie within a few columns of it.
const SPREAD_OF_UNWRAPPED_LINES: usize = 50;

/// Aozora Bunko's notation: its legend of the marks it uses, or several of its input notes
/// (`［＃…］`) with ruby (`《…》`).
pub(super) fn is_aozora(text: &str) -> bool {
    let sample = sample(text);
    sample.contains("【テキスト中に現れる記号について】")
        || (sample.matches("［＃").take(3).count() >= 3 && sample.contains('《'))
}

/// The code of a fenced block whose opening fence was line `number`, the cursor on the line
/// after it: every line up to the closing fence (or the end of the text), trailing blank lines
/// left out. Leaves the cursor past the closing fence. None when the block has no text.
fn fenced_code<'a>(
    source: &'a str,
    cursor: &mut Cursor<'a>,
    fence: &str,
    number: usize,
) -> Option<Raw<'a>> {
    let mut first: Option<Line<'a>> = None;
    let mut last_filled: Option<Line<'a>> = None;
    let (mut read, mut kept) = (0, 0);
    while let Some(line) = cursor.current() {
        cursor.advance();
        if fence_marker(line.text).is_some_and(|f| f.starts_with(fence) && line.text.trim() == f) {
            break;
        }
        read += 1;
        first.get_or_insert(line);
        if !line.is_blank() {
            last_filled = Some(line);
            kept = read;
        }
    }
    let lines = (first?, last_filled?);
    Some(Raw::spanning(BlockKind::Code, number, source, lines, kept))
}

/// A table of contents at the cursor: its last line and how many lines it has. Three or more
/// entries (a section number and title, or a title run out to a page number), deeper numbers
/// ("2.1.") or page numbers among them, each on its own line; a title's wrapped rest is set
/// deeper, and unnumbered entries ("Authors' Addresses") may close the list. Kept as its lines
/// are, so each entry stays one line with its page number at the right.
fn contents_run<'a>(cursor: &Cursor<'a>) -> Option<(Line<'a>, usize)> {
    let first = cursor.current()?;
    contents_entry(first.text)?;
    let depth = indent(first.text);
    let (mut entries, mut nested_or_paged, mut count) = (0usize, false, 0usize);
    let mut last = first;
    let mut line = Some(first);
    while let Some(current) = line.filter(|l| !l.is_blank()) {
        let text = current.text;
        match contents_entry(text) {
            Some((nested, paged)) => {
                entries += 1;
                nested_or_paged |= nested || paged;
            }
            None if indent(text) > depth && text.len() <= 100 => {}
            None if entries >= 3 && indent(text) == depth && is_short_title(text) => {}
            None => break,
        }
        count += 1;
        last = current;
        line = cursor.peek(count);
    }
    (entries >= 3 && nested_or_paged).then_some((last, count))
}

/// An entry of a table of contents, and whether its number is a deeper one ("2.1.") and whether
/// it ends in a page number.
fn contents_entry(line: &str) -> Option<(bool, bool)> {
    let text = line.trim();
    if text.len() > 120 {
        return None;
    }
    let paged = ends_in_page_number(text);
    let numbered = heading::numbered(text).filter(|(_, title)| {
        title.split_whitespace().count() <= 14 && !title.trim_end().ends_with([',', ';'])
    });
    let nested = numbered.is_some_and(|(depth, _)| depth >= 2);
    (paged || numbered.is_some()).then_some((nested, paged))
}

/// "Introduction . . . . . 2", "The Shepherd          3": a title run out to a page number.
fn ends_in_page_number(text: &str) -> bool {
    let Some((before, number)) = text.rsplit_once(' ') else {
        return false;
    };
    let leader =
        before.ends_with("  ") || before.trim_end().ends_with(". .") || before.ends_with("..");
    (1..=4).contains(&number.len())
        && number.chars().all(|c| c.is_ascii_digit())
        && leader
        && before.trim().chars().any(char::is_alphabetic)
}

/// A few words standing as a title: no sentence, no list mark.
fn is_short_title(line: &str) -> bool {
    let text = line.trim();
    (1..=6).contains(&text.split_whitespace().count())
        && !text.ends_with(['.', ',', ';', ':'])
        && text.chars().next().is_some_and(char::is_uppercase)
}

/// reStructuredText directives whose content is code, kept line for line.
const CODE_DIRECTIVES: &[&str] = &[
    "code-block",
    "code",
    "sourcecode",
    "highlight",
    "doctest",
    "testcode",
    "testoutput",
    "math",
    "parsed-literal",
];

/// A reStructuredText block that opens a literal block, and how deep it sits: a paragraph
/// ending in "::", or a code directive (".. code-block:: python"). Any directive (".. note::",
/// ".. image:: a.png") is markup, kept as its lines are: it becomes code itself.
fn opens_literal_block(raw: &mut Raw<'_>) -> Option<usize> {
    if matches!(raw.kind, BlockKind::Heading | BlockKind::Quote) {
        return None;
    }
    let first = raw.first_line();
    let depth = indent(first);
    if let Some(directive) = first.trim_start().strip_prefix(".. ") {
        if !directive.contains("::") {
            // An internal target (".. _label:", a name for links to point at) is markup, kept
            // as its line is; it names nothing the reader sees, so it is no title either.
            if directive.starts_with('_') && directive.trim_end().ends_with(':') {
                raw.kind = BlockKind::Code;
            }
            // A link target or a comment (".. _label: https://…"): text, not a directive.
            return None;
        }
        raw.kind = BlockKind::Code;
        let name = directive.split("::").next().unwrap_or("").trim();
        return CODE_DIRECTIVES.contains(&name).then_some(depth);
    }
    let last = raw.lines().last().unwrap_or("");
    last.trim_end().ends_with("::").then_some(depth)
}

/// Whether `next` goes on with the sentence `line` leaves unfinished: `line` reads as a
/// sentence (three or more words of four letters or more in lower case, the last word among
/// them in lower case) and `next` opens on a word in lower case ("1. The assumption that
/// dereferencing a null pointer is safe because it" / "is all bits 0"). A term over its
/// definition ("1.11. "Patent Claims" of a Contributor" / "means any patent claim") has its
/// words capitalised; a row of a table, its gaps.
fn runs_on(line: &str, next: &str) -> bool {
    let lower_word = |word: &str| {
        word.chars().count() >= 4 && word.chars().all(|c| c.is_lowercase() || c == '-')
    };
    let words: Vec<&str> = line
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    let last_lower = words
        .last()
        .is_some_and(|w| !w.is_empty() && w.chars().all(char::is_lowercase));
    let opens_lower = next
        .split_whitespace()
        .next()
        .is_some_and(|w| w.chars().count() >= 2 && w.chars().all(char::is_lowercase));
    // A row of a table set in columns ("3. After '.'    Methods applicable to the object
    // being" over "dereferenced" in the second column) keeps its lines as they stand.
    let columned = has_column_gap(line.trim()) || line.trim().contains('\t');
    last_lower
        && !columned
        && line.trim_end().ends_with(char::is_alphanumeric)
        && words.iter().filter(|w| lower_word(w)).count() >= 3
        && opens_lower
}

/// The column where the words after a list number start: "1. When" → 3.
fn hanging_indent(line: &str) -> usize {
    let start = indent(line);
    let rest = &line[start..];
    let number = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let words = rest[number..].len() - rest[number..].trim_start().len();
    start + number + words
}

/// An indented line among lines indented as deep (a code example of a reStructuredText
/// directive, a comment in it starting "# "): part of that block, never a Markdown heading.
fn inside_indented_block(cursor: &Cursor<'_>, line: &str) -> bool {
    let depth = indent(line);
    if depth == 0 {
        return false;
    }
    // Both neighbours are non-blank lines, so deep enough is all that is left to ask.
    let deep = |l: &str| indent(l) >= depth;
    cursor.last_filled().is_some_and(deep) || cursor.next_filled().is_some_and(deep)
}

fn heading_raw(title: &str, line: usize, form: Form) -> Raw<'_> {
    let mut raw = Raw::title(title, line);
    raw.form = Some(form);
    raw
}

fn flush<'a>(pending: &mut Option<Raw<'a>>, out: &mut Vec<Raw<'a>>, base: usize) {
    if let Some(mut raw) = pending.take() {
        let shape = Shape::of(&raw);
        // Lines of fields ("Copyright: 1998 The Open Group" over "Copyright: 1999 Red Hat",
        // "From:" over "Subject:") are each a line of their own, as a table's rows are.
        if raw.kind == BlockKind::Paragraph
            && (shape.is_preformatted(base)
                || super::matter::is_front_fields(&raw)
                || super::matter::are_rows_of_figures(raw.lines(), raw.line_count())
                || raw.line_count() >= 3 && super::matter::are_labelled_rows(raw.lines())
                || is_list_of_lines(
                    raw.lines(),
                    out.last()
                        .is_some_and(|before| introduces_a_list(before.kind, before.lines())),
                ))
        {
            // Set in by hand, a passage of wrapped prose (a letter, a dedication, a footnote)
            // is a paragraph that flows to the column, set in; kept line for line it would be
            // cut at a narrow one. Verse, code, tables and fields keep their lines.
            // What a term or an option stands over is what it means, prose however many
            // option names and marks it holds ("Interpret PATTERNS as Perl-compatible
            // regular expressions (PCREs)…"): one line, or lines wrapped at a measure, flow,
            // their gaps those of justified lines, not of columns.
            // Verse numbered in the margin ("…dost crown          80") keeps its lines.
            let describes = || {
                let lines: Vec<&str> = raw.lines().map(str::trim).collect();
                shape.numbered == 0
                    && (lines.len() == 1 || kept_lines::is_wrapped_at_a_measure(&lines))
            };
            raw.kind = if shape.columned == 0 && reads_as_wrapped_prose(&raw)
                || raw.tight && describes()
            {
                raw.passage = true;
                BlockKind::Paragraph
            } else {
                // Lines of words (verse) turn over on a narrow screen; columns are cut. A
                // line's number in the margin is no column: verse so numbered turns over too.
                raw.turn_over = shape.columned == shape.numbered && is_lines_of_words(&raw);
                BlockKind::Code
            };
        }
        raw.set_in = shape.least_indent > base;
        out.push(raw);
    }
}

/// How a block's lines are laid out, found in one pass over them.
struct Shape {
    lines: usize,
    least_indent: usize,
    /// The longest line's length in bytes, its indent aside.
    widest: usize,
    /// Lines laid out in columns or drawn as a table.
    columned: usize,
    /// Of those, lines whose only column is their number in the margin, as a play or a poem
    /// numbers every fifth line.
    numbered: usize,
}

impl Shape {
    fn of(raw: &Raw<'_>) -> Self {
        let mut shape = Shape {
            lines: raw.line_count(),
            least_indent: usize::MAX,
            widest: 0,
            columned: 0,
            numbered: 0,
        };
        for line in raw.lines() {
            shape.least_indent = shape.least_indent.min(indent(line));
            let t = line.trim();
            shape.widest = shape.widest.max(t.len());
            if has_column_gap(t) || t.starts_with('|') || t.starts_with("+-") || t.starts_with("+=")
            {
                shape.columned += 1;
                shape.numbered += usize::from(is_numbered_in_margin(t));
            }
        }
        if shape.least_indent == usize::MAX {
            shape.least_indent = 0;
        }
        shape
    }

    /// Indented well past the body, or laid out in columns: code, tables, figures, verse by
    /// hand. Set in by two or three spaces, lines all well short of a wrap are set apart too
    /// (commands after "type the following:", an address, a verse): joined, "./configure",
    /// "make" and "make install" would read as one command.
    fn is_preformatted(&self, base: usize) -> bool {
        let least = self.least_indent;
        if least >= base + 4 && (self.lines > 1 || least >= 8) {
            return true;
        }
        if least >= base + 2 && self.lines > 1 && self.widest < MEASURE_OF_WRAPPED_PROSE {
            return true;
        }
        self.lines > 1 && self.columned * 2 > self.lines
    }
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// The indentation most lines share: body text of an RFC sits at 3, of most texts at 0.
fn base_indent(text: &str) -> usize {
    let mut counts = [0usize; 9];
    for line in lines::all(text).filter(|l| !is_blank(l)) {
        counts[indent(line).min(8)] += 1;
    }
    (0..counts.len())
        .max_by_key(|&i| (counts[i], usize::MAX - i))
        .unwrap_or(0)
}

/// "```" or "~~~" (three or more) opening or closing a fenced block.
fn fence_marker(line: &str) -> Option<&str> {
    if indent(line) > 3 {
        return None;
    }
    let trimmed = line.trim_start();
    for mark in ["```", "~~~"] {
        if trimmed.starts_with(mark) {
            let c = mark.chars().next().unwrap_or('`');
            let len = trimmed.len() - trimmed.trim_start_matches(c).len();
            return Some(&trimmed[..len]);
        }
    }
    None
}

/// The character of an underline: one punctuation mark repeated, three or more times.
fn underline_char(line: &str) -> Option<char> {
    let trimmed = line.trim();
    let mark = trimmed.chars().next()?;
    let ok =
        "=-~^*+#\"'`:._".contains(mark) && trimmed.len() >= 3 && trimmed.chars().all(|c| c == mark);
    ok.then_some(mark)
}

/// An underline belongs to the line above when it is about as wide as it and the line is short.
/// A line underlined to its full width is a title however long it runs: reStructuredText
/// manuals title a section with the error message it is about ("ImportError: cannot import
/// name …", 128 columns under 128 tildes), and tildes that long are no code fence.
fn fits_underline(text: &str, underline: &str) -> bool {
    let width = text.trim().chars().count();
    let under = underline.trim().chars().count();
    let words = text.split_whitespace().count();
    let short = words <= 16 && width <= 100;
    let full_width = under >= width && words <= 32 && width <= 200;
    (short || full_width)
        && indent(text) <= 3
        && (under * 10 >= width * 6 || under >= 3 && underline.trim().starts_with('='))
}

/// A horizontal rule standing alone ("---", "* * *", "___").
fn is_rule(line: &str) -> bool {
    // Called on every line of a book: decide from the first mark without allocating.
    let mut marks = line.chars().filter(|c| !c.is_whitespace());
    let Some(first @ ('-' | '*' | '_')) = marks.next() else {
        return false;
    };
    let mut count = 1;
    for c in marks {
        if c != first {
            return false;
        }
        count += 1;
    }
    count >= 3
}

/// "> text" becomes "text".
pub(super) fn quote_text(line: &str) -> Option<&str> {
    let trimmed = line.trim_start();
    if indent(line) > 3 {
        return None;
    }
    let rest = trimmed.strip_prefix('>')?;
    Some(rest.strip_prefix(' ').unwrap_or(rest))
}

/// The lines of an interactive Python session starting at the cursor, up to the next blank
/// line: its last line and how many. A session opens on the `>>> ` prompt, and shows itself
/// one by a line that no mail quotes so: an answer without the prompt, a continued statement
/// (`... `), or a statement of code after the prompt (a call, an assignment, an import). A
/// reply quoted three deep (">>> I think we should meet on Monday") is prose after it.
fn session_run<'a>(cursor: &Cursor<'a>) -> Option<(Line<'a>, usize)> {
    let first = cursor.current()?;
    let statement = first.text.trim_start().strip_prefix(">>> ")?;
    let mut count = 1;
    let mut last = first;
    let mut shows_a_session = is_python_statement(statement);
    while let Some(next) = cursor.peek(count).filter(|l| !l.is_blank()) {
        let line = next.text.trim_start();
        shows_a_session |= match line.strip_prefix(">>> ") {
            Some(statement) => is_python_statement(statement),
            None => !line.starts_with('>') || line.starts_with("... "),
        };
        count += 1;
        last = next;
    }
    shows_a_session.then_some((last, count))
}

/// A line of Python as typed at a prompt: a call or an index (`add(2, 3)`, `d['k']`), an
/// assignment, or a statement opening on one of the language's words.
fn is_python_statement(line: &str) -> bool {
    const OPENING: &[&str] = &[
        "import ", "from ", "print(", "def ", "class ", "for ", "while ", "if ", "with ", "try:",
        "return ", "assert ", "del ", "lambda ", "raise ",
    ];
    let first_word = line.split_whitespace().next().unwrap_or_default();
    let call_or_index = first_word.find(['(', '[']).is_some_and(|at| {
        at > 0
            && first_word[..at]
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.'))
    });
    let assignment = line.split_once(" = ").is_some_and(|(name, _)| {
        !name.is_empty()
            && name.chars().all(|c| {
                c.is_alphanumeric() || matches!(c, '_' | '.' | ',' | ' ' | '[' | ']' | '\'' | '"')
            })
    });
    call_or_index || assignment || OPENING.iter().any(|word| line.starts_with(word))
}

/// A bullet ("- ", "* ", "• ", RFC "o  ") always starts an item; a number ("1. ", "2) ") only
/// among other items, so a numbered heading standing alone stays a heading.
fn starts_list_item(cursor: &Cursor<'_>, line: &str) -> bool {
    if bullet(line) {
        return true;
    }
    if !ordered(line) {
        return false;
    }
    let listy = |l: &str| bullet(l) || ordered(l);
    // A numbered line whose next line is set in to where its words start ("1. Redistributions
    // of source code must retain …" over "   notice, this list of conditions …") is an item
    // of a list, even the first, under a paragraph it interrupts: a wrapped sentence does not
    // hang its lines so.
    let hangs = || {
        let hang = hanging_indent(line);
        cursor.peek(1).is_some_and(|next| {
            !next.is_blank() && hang > indent(line) && indent(next.text) == hang
        })
    };
    cursor.peek(1).is_some_and(|next| listy(next.text))
        || cursor.previous().is_some_and(listy)
        || hangs()
}

fn bullet(line: &str) -> bool {
    let t = line.trim_start();
    ["- ", "* ", "+ ", "• ", "· ", "‣ ", "▪ ", "o  "]
        .iter()
        .any(|b| t.starts_with(b))
        && t.len() > 2
}

fn ordered(line: &str) -> bool {
    let t = line.trim_start();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    (1..=3).contains(&digits) && (t[digits..].starts_with(". ") || t[digits..].starts_with(") "))
}

mod kept_lines;
#[cfg(test)]
mod reference;
mod terms;
#[cfg(test)]
mod tests;
