//! Plain output, for `--print`, `--outline` and any stdout that is not a terminal: the laid-out
//! text at a given width, and the outline as indented text or JSON. Writes only sanitized
//! document text, so piping quire's output is as safe as showing it.

use std::borrow::Cow;
use std::io::{self, Write};

use serde::Serialize;

use crate::document::sanitize::{SOFT_HYPHEN, breaks_at_soft_hyphen};
use crate::document::totals::Totals;
use crate::document::{Block, BlockKind, Document, Fold};
use crate::layout::{LineKind, PAGE_BREAK, Pages, Room, page_break_indent, prefix_width};
use crate::outline::Outline;
use crate::text::display_width;

/// Write the whole document laid out at `width` columns, as the reader shows it: each run of
/// folded blocks is one line saying what it holds ("[ 24 lines folded: page furniture ]").
/// Prose is wrapped; code lines are written whole, however wide: cut as on screen, a pipe
/// would lose their ends.
pub fn write_text(doc: &Document, width: usize, out: &mut impl Write) -> io::Result<()> {
    write_laid_out(doc, width, false, out)
}

/// [`write_text`] with every fold open: the whole text, furniture and all (`--unfold`).
pub fn write_unfolded(doc: &Document, width: usize, out: &mut impl Write) -> io::Result<()> {
    write_laid_out(doc, width, true, out)
}

fn write_laid_out(
    doc: &Document,
    width: usize,
    unfold: bool,
    out: &mut impl Write,
) -> io::Result<()> {
    let pages = Pages::for_print(doc, width);
    let width = pages.width();
    // The folded run being passed over: its first and last block and how many lines it has.
    let mut fold: Option<(usize, usize, usize)> = None;
    // With every fold open, the notes of the block being written that are still to come.
    let mut notes = NotesToCome::default();
    for line in pages.lines_from(0) {
        let index = line.block as usize;
        let Some(block) = doc.blocks.get(index) else {
            continue;
        };
        if !unfold && block.kind == BlockKind::Leftover {
            match (&mut fold, line.kind) {
                (Some((_, last, lines)), LineKind::Text) => {
                    *last = index;
                    *lines += 1;
                }
                (None, LineKind::Text) => fold = Some((index, index, 1)),
                // The gap before the fold is written; gaps inside it are part of it.
                (None, _) => writeln!(out)?,
                (Some(_), _) => {}
            }
            continue;
        }
        if let Some((first, last, lines)) = fold.take() {
            write_fold(&doc.blocks[first..=last], lines, out)?;
        }
        if line.kind != LineKind::Text || notes.block != Some(index) {
            notes.finish(doc, out)?;
        }
        match line.kind {
            LineKind::Blank | LineKind::Fold { .. } => writeln!(out)?,
            LineKind::PageBreak => {
                let indent = " ".repeat(page_break_indent(width));
                writeln!(out, "{indent}{PAGE_BREAK}")?;
            }
            LineKind::Text => {
                let text = &block.text[line.range()];
                let prefix = match block.kind {
                    BlockKind::Quote => "│ ",
                    BlockKind::ListItem if !line.first_of_block => "  ",
                    _ => "",
                };
                debug_assert!(prefix.is_empty() || prefix_width(block.kind) == 2);
                let indent = indent_text(block, line.first_of_block, text, width);
                let breaks_in_a_word = breaks_at_soft_hyphen(&block.text, line.range().end);
                let text = if unfold && !block.notes.is_empty() {
                    notes.start(index, line.first_of_block, block, out)?;
                    let inline = notes.inline(block, line.range());
                    Cow::Owned(without_soft_hyphens(&inline, breaks_in_a_word).into_owned())
                } else {
                    without_soft_hyphens(text, breaks_in_a_word)
                };
                writeln!(out, "{prefix}{indent}{text}")?;
            }
        }
    }
    notes.finish(doc, out)?;
    if let Some((first, last, lines)) = fold {
        write_fold(&doc.blocks[first..=last], lines, out)?;
    }
    Ok(())
}

/// A line's text as the reader shows it: a soft hyphen is invisible, but one the line ends on,
/// where the block goes on, is where a word was broken, and is written as the hyphen the reader
/// draws there. A web page's German or Dutch sets one in most long words ("Wäh\u{ad}rend"); a
/// pipe that kept them would write words no search for them finds.
fn without_soft_hyphens(text: &str, breaks_at_end: bool) -> Cow<'_, str> {
    if !text.contains(SOFT_HYPHEN) {
        return Cow::Borrowed(text);
    }
    let (body, broken) = match text.strip_suffix(SOFT_HYPHEN) {
        Some(body) if breaks_at_end => (body, true),
        _ => (text, false),
    };
    let mut shown: String = body.chars().filter(|&c| c != SOFT_HYPHEN).collect();
    if broken {
        shown.push('-');
    }
    Cow::Owned(shown)
}

/// What sets a line of `block` in, as the reader sets it: its placement's indent in
/// ideographic spaces for a line of Chinese or Japanese (as those texts write one; a space for
/// an odd column), in spaces for any other line (a passage set in), or the spaces that put a
/// line against the right edge.
fn indent_text(block: &Block, first_line: bool, text: &str, width: usize) -> String {
    let room = Room::of(block, width);
    let columns = room.indent(first_line, display_width(text));
    if room.flush_right || !text.chars().any(crate::text::script::is_cjk) {
        return " ".repeat(columns);
    }
    let mut indent = "\u{3000}".repeat(columns / 2);
    if columns % 2 == 1 {
        indent.push(' ');
    }
    indent
}

/// The notes a block's text leaves out, written back where they stood (`--print --unfold`):
/// inside its lines, or on lines of their own before it or after it when they stood alone.
#[derive(Debug, Default)]
struct NotesToCome {
    /// The block being written, and how many of its notes are written.
    block: Option<usize>,
    written: usize,
}

impl NotesToCome {
    /// A line of `block` is about to be written: on its first line, the notes that stood alone
    /// before it go first, each on its line.
    fn start(
        &mut self,
        index: usize,
        first_line: bool,
        block: &Block,
        out: &mut impl Write,
    ) -> io::Result<()> {
        if self.block != Some(index) {
            self.block = Some(index);
            self.written = 0;
        }
        if first_line {
            while let Some(note) = block
                .notes
                .get(self.written)
                .filter(|n| n.alone && n.at == 0)
            {
                writeln!(out, "{}", note.text)?;
                self.written += 1;
            }
        }
        Ok(())
    }

    /// The text of `range` with the notes that stood in it (or in the break before it) put
    /// back.
    fn inline(&mut self, block: &Block, range: std::ops::Range<usize>) -> String {
        let mut text = String::new();
        let mut from = range.start;
        while let Some(note) = block
            .notes
            .get(self.written)
            .filter(|n| !n.alone && n.at <= range.end)
        {
            let at = note.at.clamp(from, range.end);
            text.push_str(block.text.get(from..at).unwrap_or(""));
            text.push_str(&note.text);
            from = at;
            self.written += 1;
        }
        text.push_str(block.text.get(from..range.end).unwrap_or(""));
        text
    }

    /// The block is written: what of its notes is left (those that stood alone after it) goes
    /// on lines of its own.
    fn finish(&mut self, doc: &Document, out: &mut impl Write) -> io::Result<()> {
        if let Some(block) = self.block.take().and_then(|b| doc.blocks.get(b)) {
            for note in block.notes.iter().skip(self.written) {
                writeln!(out, "{}", note.text)?;
            }
        }
        self.written = 0;
        Ok(())
    }
}

/// The line that stands for a run of folded blocks in plain output.
fn write_fold(blocks: &[Block], lines: usize, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "{}", fold_marker(blocks, lines))
}

/// "[ 24 lines folded: page furniture, link addresses ]": how much a fold hides and what it
/// is, in as few words as say it: in a page printed to be read as the article, every word of a
/// marker is a word the article does not have.
pub fn fold_marker(blocks: &[Block], lines: usize) -> String {
    let noun = if lines == 1 { "line" } else { "lines" };
    let what = Fold::describe_run(blocks);
    format!("[ {lines} {noun} folded: {what} ]")
}

#[derive(Serialize)]
struct JsonEntry<'a> {
    kind: &'static str,
    level: u8,
    label: &'a str,
    text: Cow<'a, str>,
    line: usize,
    first_block: usize,
    last_block: usize,
}

/// A book's metadata as the first element of `--outline --json`: the array stays a list of
/// entries for every reader of it, and a book's says what the book is.
#[derive(Serialize)]
struct JsonBook<'a> {
    kind: &'static str,
    level: u8,
    label: &'a str,
    text: &'a str,
    line: usize,
    first_block: usize,
    last_block: usize,
    title: Option<&'a str>,
    authors: &'a [String],
    language: Option<&'a str>,
    direction: &'static str,
}

/// The line a book adds under the `--outline` header: its authors and language.
pub fn book_line(doc: &Document) -> Option<String> {
    let book = doc.book()?;
    let mut parts = Vec::new();
    if !book.authors.is_empty() {
        parts.push(format!("by {}", book.authors.join(", ")));
    }
    if let Some(language) = &book.language {
        parts.push(format!("language {language}"));
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// [`write_outline`] for a document: a book's metadata first (a line under the header, or
/// the first JSON element, of kind "book").
pub fn write_document_outline(
    doc: &Document,
    outline: &Outline,
    json: bool,
    out: &mut impl Write,
) -> io::Result<()> {
    match (doc.book(), json) {
        (Some(book), true) => {
            let meta = JsonBook {
                kind: "book",
                level: 0,
                label: &doc.name,
                text: "",
                line: 0,
                first_block: 0,
                last_block: doc.blocks.len().saturating_sub(1),
                title: book.title.as_deref(),
                authors: &book.authors,
                language: book.language.as_deref(),
                direction: match book.direction {
                    crate::document::book::Direction::LeftToRight => "ltr",
                    crate::document::book::Direction::RightToLeft => "rtl",
                },
            };
            let mut entries = vec![serde_json::to_value(meta)?];
            entries.extend(
                json_entries(doc, outline)
                    .map(serde_json::to_value)
                    .collect::<Result<Vec<_>, _>>()?,
            );
            super::json::write_pretty(&entries, out)
        }
        (Some(_), false) => {
            if let Some(line) = book_line(doc) {
                writeln!(out, "{line}")?;
            }
            write_outline(doc, outline, json, out)
        }
        (None, _) => write_outline(doc, outline, json, out),
    }
}

/// How many words of its first block an outline entry's `text` gives in JSON, when the
/// entry has no text of its own (a paragraph, a section, a fold).
const OPENING_WORDS: usize = 12;

/// The outline's entries for JSON: each entry's `text` is its own (a heading's words) or else
/// the opening words of its first block, so a program reading it can tell entries apart
/// without the document.
fn json_entries<'a>(
    doc: &'a Document,
    outline: &'a Outline,
) -> impl Iterator<Item = JsonEntry<'a>> {
    outline.entries.iter().map(|e| JsonEntry {
        kind: e.kind.name(),
        level: e.level,
        label: &e.label,
        text: if e.text.is_empty() {
            Cow::Owned(opening_words(doc.text(e.first_block), OPENING_WORDS))
        } else {
            Cow::Borrowed(e.text.as_str())
        },
        line: e.line,
        first_block: e.first_block,
        last_block: e.last_block,
    })
}

/// Write the outline: one entry a line, indented by level, with its source line; or JSON.
/// Each entry names its paragraphs with the numbers the reader uses (the status line's "¶ k",
/// `:¶k`): body paragraphs only, so a heading or a fold has none of its own. A label is one line.
pub fn write_outline(
    doc: &Document,
    outline: &Outline,
    json: bool,
    out: &mut impl Write,
) -> io::Result<()> {
    if json {
        let entries: Vec<JsonEntry<'_>> = json_entries(doc, outline).collect();
        return super::json::write_pretty(&entries, out);
    }
    let totals = Totals::of(doc);
    for e in &outline.entries {
        let indent = "  ".repeat(e.level.saturating_sub(1) as usize);
        let mut numbers =
            (e.first_block..=e.last_block).filter_map(|b| totals.paragraph_number(doc, b));
        let paragraphs = match (numbers.next(), numbers.next_back()) {
            (Some(first), Some(last)) if last != first => format!(", ¶{first}–{last}"),
            (Some(first), _) => format!(", ¶{first}"),
            (None, _) => String::new(),
        };
        let label = crate::document::sanitize::sanitize_line(&e.label);
        writeln!(
            out,
            "{indent}{label}  [{}, line {}{paragraphs}]",
            e.kind.name(),
            e.line
        )?;
    }
    Ok(())
}

/// The first `count` words of a text, with "…" when there are more.
fn opening_words(text: &str, count: usize) -> String {
    let mut words = text.split_whitespace();
    let opening: Vec<&str> = words.by_ref().take(count).collect();
    let mut out = opening.join(" ");
    if words.next().is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A scraped page: a menu and a share row around two paragraphs of an article.
    const PAGE: &str = "Budget Passes\n\nSkip to main content\nNews\nSport\nCulture\n\nSign in\n\nThe council met on Monday to discuss the new budget, and the debate ran late into the night.\n\nShare on Facebook\nShare on Twitter\nShare via Email\n\nThe vote passed in the small hours, and the mayor thanked everyone who had stayed for it.\n\nPrivacy policy\nCookie policy\nTerms & conditions\n\nLeave a comment";

    fn printed(doc: &Document, unfold: bool) -> String {
        let mut out = Vec::new();
        write_laid_out(doc, 80, unfold, &mut out).expect("writing to a Vec");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn soft_hyphens_are_dropped_but_where_a_word_breaks_at_one() {
        let text =
            "Title\n\nWäh\u{ad}rend Sie über den Markt schlen\u{ad}dern, stau\u{ad}nen Sie.\n";
        let doc = Document::from_text(text, "x.txt");
        let mut out = Vec::new();
        write_laid_out(&doc, 80, false, &mut out).expect("writing to a Vec");
        let wide = String::from_utf8(out).expect("UTF-8");
        assert!(
            wide.contains("Während Sie über den Markt schlendern, staunen Sie."),
            "{wide:?}"
        );
        assert!(!wide.contains('\u{ad}'), "{wide:?}");
        // Narrow enough that "schlendern," breaks at its soft hyphen: the break shows a hyphen.
        let mut out = Vec::new();
        write_laid_out(&doc, 34, false, &mut out).expect("writing to a Vec");
        let narrow = String::from_utf8(out).expect("UTF-8");
        assert!(!narrow.contains('\u{ad}'), "{narrow:?}");
        let words: String = narrow.lines().skip(2).collect::<Vec<_>>().join("\n");
        assert!(
            words.contains("-\n"),
            "no word broken at its soft hyphen: {narrow:?}"
        );
        assert_eq!(
            words.replace("-\n", "").replace('\n', " "),
            "Während Sie über den Markt schlendern, staunen Sie."
        );
    }

    #[test]
    fn indents_are_written_as_ideographic_spaces_and_a_page_break_as_its_mark() {
        let text = "西遊記\n\n　　蓋聞天地之數，有十二萬九千六百歲為一元。\n　　每會該一萬八百歲。\n　　將一元分為十二會。\n";
        let mut doc = Document::from_text(text, "x.txt");
        let last = doc.blocks.len() - 1;
        doc.blocks[last].placement.new_page = true;
        let out = printed(&doc, false);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines,
            [
                "西遊記",
                "",
                "　　蓋聞天地之數，有十二萬九千六百歲為一元。",
                "",
                "　　每會該一萬八百歲。",
                "",
                &format!("{}{PAGE_BREAK}", " ".repeat(35)),
                "",
                "　　將一元分為十二會。",
            ],
            "{out}"
        );
        // A line set against the right edge is padded with spaces to end there.
        doc.blocks[last].placement.from_right = Some(2);
        let out = printed(&doc, false);
        let dated = out.lines().last().unwrap_or("");
        assert_eq!(
            dated,
            format!("{}將一元分為十二會。", " ".repeat(80 - 2 - 18))
        );
    }

    #[test]
    fn unfolded_print_writes_aozora_notes_where_they_stood_and_folded_print_none() {
        let text = "夢の話\n作者\n\n［＃改ページ］\n［＃５字下げ］第一夜［＃「第一夜」は中見出し］\n［＃ここから２字下げ］\n　こんな夢《ゆめ》を見た。\n［＃ここで字下げ終わり］\n女は髪を敷いて［＃「敷いて」に傍点］いた。\n";
        let doc = Document::from_text(text, "yume.txt");
        let folded = printed(&doc, false);
        assert!(!folded.contains('＃'), "{folded}");
        let unfolded = printed(&doc, true);
        let lines: Vec<&str> = unfolded.lines().filter(|l| !l.is_empty()).collect();
        let page_break = format!("{}{PAGE_BREAK}", " ".repeat(35));
        assert_eq!(
            lines,
            [
                "夢の話",
                "作者",
                page_break.as_str(),
                "［＃改ページ］",
                "［＃５字下げ］第一夜［＃「第一夜」は中見出し］",
                "［＃ここから２字下げ］",
                "　　　こんな夢(ゆめ)を見た。",
                "［＃ここで字下げ終わり］",
                "女は髪を敷いて［＃「敷いて」に傍点］いた。",
            ],
            "{unfolded}"
        );
    }

    #[test]
    fn folds_print_as_one_line_saying_what_they_hold() {
        let doc = Document::from_text(PAGE, "page.txt");
        let text = printed(&doc, false);
        assert!(!text.contains("Skip to main content"), "{text}");
        assert!(!text.contains("Cookie policy"), "{text}");
        assert!(text.contains("The council met on Monday"), "{text}");
        let markers: Vec<&str> = text.lines().filter(|l| l.starts_with("[ ")).collect();
        assert!(!markers.is_empty(), "{text}");
        assert!(
            markers
                .iter()
                .all(|m| m.ends_with("folded: page furniture ]")),
            "{markers:?}"
        );
        // The share row between the paragraphs (three lines, as the page sets its buttons) is
        // one marker line, with a gap on either side.
        assert!(
            text.contains("into the night.\n\n[ 3 lines folded: page furniture ]\n\nThe vote"),
            "{text}"
        );
    }

    #[test]
    fn unfolded_print_writes_every_word() {
        let doc = Document::from_text(PAGE, "page.txt");
        let text = printed(&doc, true);
        for word in PAGE.split_whitespace() {
            assert!(text.contains(word), "{word} missing from {text}");
        }
        assert!(!text.contains(" folded: "), "{text}");
    }

    #[test]
    fn a_fold_at_the_end_is_written_too() {
        let text = "Title Line\n\nBody text of the book goes here, a full sentence of it.\n\n*** END OF THE PROJECT GUTENBERG EBOOK X ***\n\nLicence text.";
        let doc = Document::from_text(text, "x.txt");
        let out = printed(&doc, false);
        assert!(
            out.trim_end().ends_with("[ 2 lines folded: back matter ]"),
            "{out}"
        );
    }

    #[test]
    fn json_outline_entries_carry_their_opening_words() {
        let text = "A Title\n\nFirst paragraph of the text, with more than twelve words in it so that it is cut short.\n\nSecond one.";
        let doc = Document::from_text(text, "x.txt");
        let outline = Outline::build(&doc);
        let mut out = Vec::new();
        write_outline(&doc, &outline, true, &mut out).expect("writing to a Vec");
        let entries: Vec<serde_json::Value> = serde_json::from_slice(&out).expect("JSON");
        let texts: Vec<&str> = entries
            .iter()
            .map(|e| e["text"].as_str().unwrap_or(""))
            .collect();
        assert_eq!(
            texts,
            [
                "A Title",
                "First paragraph of the text, with more than twelve words in it…",
                "Second one."
            ]
        );
    }

    #[test]
    fn an_outline_line_is_one_line_and_numbers_paragraphs_as_the_reader_does() {
        let doc = Document::from_text(
            "A Title\n\nFirst paragraph here.\n\nSecond paragraph here.\n",
            "t.txt",
        );
        let mut outline = Outline::build(&doc);
        let last = outline.entries.len() - 1;
        outline.entries[last].label = "split\nlabel   with  runs".into();
        let mut out = Vec::new();
        write_outline(&doc, &outline, false, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("split label with runs  ["), "{text}");
        assert_eq!(text.lines().count(), outline.entries.len(), "{text}");
        // The title has no paragraph number; the paragraphs are ¶1 and ¶2.
        assert!(
            text.lines().next().unwrap_or("").ends_with("line 1]"),
            "{text}"
        );
        assert!(text.contains("¶1]") && text.contains("¶2]"), "{text}");
    }
}
