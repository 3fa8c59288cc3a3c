//! Links in labels. A list of links is named by what its links say, never by the words of
//! their addresses ("https", "www", "com"): an entry of a reference list ("\[3\] https://…") by
//! the text that links to it, a paragraph made of links by their texts, a line of bare
//! addresses by the first one's host and path. Elsewhere, the words inside an address weigh
//! nothing in a key phrase.

use std::ops::Range;

use crate::document::{Block, Document, Inline};

/// How far back the text that links to a reference entry is looked for.
const LINKING_REACH: usize = 400;

/// The label of a block that is a list of links, if it is one.
pub fn link_label(doc: &Document, index: usize) -> Option<String> {
    let block = doc.blocks.get(index)?;
    if let Some(number) = reference_number(block) {
        return linking_text(doc, index, number).or_else(|| bare_address(&block.text));
    }
    let texts = link_texts(block);
    if !texts.is_empty() && unlinked_letters(block) == 0 {
        return Some(texts.join(" · "));
    }
    if address_ranges(&block.text)
        .iter()
        .map(|r| r.len())
        .sum::<usize>()
        >= block
            .text
            .trim()
            .len()
            .saturating_sub(block.text.split_whitespace().count())
    {
        return bare_address(&block.text);
    }
    None
}

/// The number of a reference entry, "\[3\] https://…" → 3: a block that is one link whose
/// text opens with its number in brackets.
fn reference_number(block: &Block) -> Option<usize> {
    let [span] = block.spans.as_slice() else {
        return None;
    };
    if span.style != Inline::Link || span.start != 0 || span.end != block.text.len() {
        return None;
    }
    let inner = block.text.strip_prefix('[')?;
    let (number, _) = inner.split_once(']')?;
    number.parse().ok()
}

/// The text of the link numbered `number` in the blocks before a reference entry: the link
/// span followed by its "\[number\]".
fn linking_text(doc: &Document, index: usize, number: usize) -> Option<String> {
    let mark = format!("[{number}]");
    let from = index.saturating_sub(LINKING_REACH);
    doc.blocks[from..index].iter().rev().find_map(|b| {
        b.spans
            .iter()
            .filter(|s| s.style == Inline::Link)
            .find(|s| {
                b.text
                    .get(s.end..)
                    .is_some_and(|rest| rest.starts_with(&mark))
            })
            .and_then(|s| b.text.get(s.start..s.end))
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|t| t.chars().any(char::is_alphanumeric))
    })
}

/// The texts of a block's links.
fn link_texts(block: &Block) -> Vec<&str> {
    block
        .spans
        .iter()
        .filter(|s| s.style == Inline::Link)
        .filter_map(|s| block.text.get(s.start..s.end))
        .map(str::trim)
        .filter(|t| t.chars().any(char::is_alphanumeric))
        .collect()
}

/// Letters of a block outside its links, their "\[3\]" numbers and its list mark.
fn unlinked_letters(block: &Block) -> usize {
    let mut linked = vec![false; block.text.len()];
    for span in block.spans.iter().filter(|s| s.style == Inline::Link) {
        for slot in linked.iter_mut().take(span.end).skip(span.start) {
            *slot = true;
        }
    }
    block
        .text
        .char_indices()
        .filter(|&(at, c)| !linked[at] && c.is_alphabetic())
        .count()
}

/// The first address of a text, without its scheme and "www.": "example.org/news/item".
fn bare_address(text: &str) -> Option<String> {
    let range = address_ranges(text).into_iter().next()?;
    let address = &text[range];
    let address = address.split_once("://").map_or(address, |(_, rest)| rest);
    let address = address.strip_prefix("www.").unwrap_or(address);
    let address = address.trim_end_matches('/');
    (!address.is_empty()).then(|| address.to_string())
}

/// Where the web and mail addresses of a text are ("https://…", "www.…", "mailto:…").
pub fn address_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    // Most text holds no address: one quick look for what every address has saves splitting
    // it into words.
    let holds = |what: &str| memchr::memmem::find(text.as_bytes(), what.as_bytes()).is_some();
    if !holds("://") && !holds("www.") && !holds("mailto:") {
        return out;
    }
    let mut offset = 0;
    for word in text.split_inclusive(char::is_whitespace) {
        let trimmed = word
            .trim_end()
            .trim_end_matches([',', '.', ';', ':', ')', ']', '>', '"', '\'']);
        let lower = trimmed.trim_start_matches(['(', '<', '[']);
        let start = offset + (trimmed.len() - lower.len());
        if lower.contains("://") || lower.starts_with("www.") || lower.starts_with("mailto:") {
            out.push(start..offset + trimmed.len());
        }
        offset += word.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{BlockKind, Format};

    fn markdown(text: &str) -> Document {
        Document::structure(text, "x.md", Format::Markdown)
    }

    #[test]
    fn a_reference_entry_is_named_by_the_text_that_links_to_it() {
        let doc = markdown(
            "See the [Technical Steering Committee](https://github.com/nodejs/TSC) and [its charter](https://example.org/charter) for more.\n",
        );
        let entries: Vec<String> = (0..doc.blocks.len())
            .filter(|&i| doc.blocks[i].text.starts_with('['))
            .filter_map(|i| link_label(&doc, i))
            .collect();
        assert_eq!(entries, ["Technical Steering Committee", "its charter"]);
    }

    #[test]
    fn a_paragraph_of_links_is_named_by_their_texts() {
        let doc = markdown("[Home](/) » [News](/news) » [Sport](/sport)\n");
        assert_eq!(link_label(&doc, 0).as_deref(), Some("Home · News · Sport"));
        let prose = markdown("The [council](/c) met on Monday.\n");
        assert_eq!(link_label(&prose, 0), None);
    }

    #[test]
    fn a_line_of_addresses_is_named_by_its_first_host_and_path() {
        let doc = Document::from_text(
            "Some text before it, long enough to be a paragraph of its own here.\n\nhttps://www.example.org/news/item-42 https://example.net/\n",
            "x.txt",
        );
        let line = doc
            .blocks
            .iter()
            .position(|b| b.text.starts_with("https"))
            .expect("the line of addresses");
        assert_eq!(doc.blocks[line].kind, BlockKind::Paragraph);
        assert_eq!(
            link_label(&doc, line).as_deref(),
            Some("example.org/news/item-42")
        );
        assert_eq!(
            address_ranges("see https://a.org/x, and www.b.org"),
            [4..19, 25..34]
        );
    }
}
