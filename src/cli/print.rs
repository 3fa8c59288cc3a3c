//! Plain output, for `--print`, `--outline` and any stdout that is not a terminal: the laid-out
//! text at a given width, and the outline as indented text or JSON. Writes only sanitized
//! document text, so piping quire's output is as safe as showing it.

use std::io::{self, Write};

use serde::Serialize;

use crate::document::totals::Totals;
use crate::document::{BlockKind, Document};
use crate::layout::{LineKind, Pages, prefix_width};
use crate::outline::Outline;

/// Write the whole document laid out at `width` columns, leftovers included. Prose is wrapped;
/// code lines are written whole, however wide: cut as on screen, a pipe would lose their ends.
pub fn write_text(doc: &Document, width: usize, out: &mut impl Write) -> io::Result<()> {
    let pages = Pages::for_print(doc, width);
    for line in pages.lines_from(0) {
        match line.kind {
            LineKind::Blank | LineKind::Fold { .. } => writeln!(out)?,
            LineKind::Text => {
                let block = &doc.blocks[line.block as usize];
                let text = &block.text[line.range()];
                let prefix = match block.kind {
                    BlockKind::Quote => "│ ",
                    BlockKind::ListItem if !line.first_of_block => "  ",
                    _ => "",
                };
                debug_assert!(prefix.is_empty() || prefix_width(block.kind) == 2);
                writeln!(out, "{prefix}{text}")?;
            }
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonEntry<'a> {
    kind: &'static str,
    level: u8,
    label: &'a str,
    text: &'a str,
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
                json_entries(outline)
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

fn json_entries(outline: &Outline) -> impl Iterator<Item = JsonEntry<'_>> {
    outline.entries.iter().map(|e| JsonEntry {
        kind: e.kind.name(),
        level: e.level,
        label: &e.label,
        text: &e.text,
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
        let entries: Vec<JsonEntry<'_>> = json_entries(outline).collect();
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

#[cfg(test)]
mod tests {
    use super::*;

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
