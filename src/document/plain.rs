//! Structure for plain text: splits sanitized text into paragraphs (blank-line separated,
//! hard-wrapped lines joined) and recognises the title, headings, byline and leftovers with
//! general rules. It never drops text: what is not body is folded, not deleted.

use super::{Block, BlockKind};

/// A raw paragraph: its lines (trimmed at the end) and the 1-based line where it starts.
struct RawParagraph<'a> {
    lines: Vec<&'a str>,
    line: usize,
}

pub fn structure(text: &str) -> Vec<Block> {
    let raws = split_paragraphs(text);
    let mut blocks: Vec<Block> = raws.iter().map(classify).collect();
    mark_gutenberg_matter(&raws, &mut blocks);
    mark_title(&mut blocks);
    mark_trailing_leftovers(&mut blocks);
    mark_byline(&mut blocks);
    blocks
}

fn split_paragraphs(text: &str) -> Vec<RawParagraph<'_>> {
    let mut out = Vec::new();
    let mut current: Option<RawParagraph<'_>> = None;
    for (index, line) in text.split('\n').enumerate() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            if let Some(p) = current.take() {
                out.push(p);
            }
            continue;
        }
        current
            .get_or_insert_with(|| RawParagraph {
                lines: Vec::new(),
                line: index + 1,
            })
            .lines
            .push(line);
    }
    out.extend(current);
    out
}

/// Joins hard-wrapped lines with single spaces; keeps preformatted lines as they are.
fn classify(raw: &RawParagraph<'_>) -> Block {
    if is_preformatted(&raw.lines) {
        let text = raw.lines.join("\n");
        return Block::new(BlockKind::Code, text, raw.line);
    }
    let mut text = String::new();
    for line in &raw.lines {
        let line = line.trim();
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(line);
    }
    let mut block = Block::new(BlockKind::Paragraph, text, raw.line);
    if raw.lines.len() == 1 {
        if let Some(level) = heading_level(&block.text) {
            block.kind = BlockKind::Heading;
            block.level = level;
        }
    }
    block
}

/// Indented by four or more spaces on every line: code or verse laid out by hand.
fn is_preformatted(lines: &[&str]) -> bool {
    lines.len() > 1 && lines.iter().all(|l| l.starts_with("    "))
}

/// A single line that names a division of the text: "Chapter 12", "CHAPTER XII.", "BOOK ONE".
fn heading_level(text: &str) -> Option<u8> {
    let words = text.split_whitespace().count();
    if words == 0 || words > 10 || text.chars().count() > 80 {
        return None;
    }
    let first = text
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches('.');
    let division = ["CHAPTER", "Chapter", "BOOK", "Book", "PART", "Part"];
    if division.contains(&first) {
        return Some(if first.eq_ignore_ascii_case("chapter") {
            2
        } else {
            1
        });
    }
    None
}

/// Project Gutenberg header and licence: everything before the START marker and after the END
/// marker is front/back matter.
fn mark_gutenberg_matter(raws: &[RawParagraph<'_>], blocks: &mut [Block]) {
    let marker = |raw: &RawParagraph<'_>, word: &str| {
        raw.lines.iter().any(|l| {
            let l = l.trim_start();
            l.starts_with("***") && l.contains(word) && l.contains("PROJECT GUTENBERG")
        })
    };
    if let Some(start) = raws.iter().position(|r| marker(r, "START OF")) {
        for block in &mut blocks[..=start] {
            block.kind = BlockKind::Leftover;
        }
    }
    if let Some(end) = raws.iter().position(|r| marker(r, "END OF")) {
        for block in &mut blocks[end..] {
            block.kind = BlockKind::Leftover;
        }
    }
}

/// A short first line standing alone, followed by more text, is the title.
fn mark_title(blocks: &mut [Block]) {
    let Some(first) = blocks.iter().position(|b| b.kind != BlockKind::Leftover) else {
        return;
    };
    if first + 1 >= blocks.len() {
        return;
    }
    let candidate = &blocks[first];
    let words = candidate.text.split_whitespace().count();
    let ends_sentence = candidate.text.ends_with(['.', '!', '?', ',', ';', ':']);
    if candidate.kind == BlockKind::Paragraph && (1..=20).contains(&words) && !ends_sentence {
        blocks[first].kind = BlockKind::Title;
        blocks[first].level = 0;
    }
}

/// Words that mark web-page furniture once an article has ended.
const DEBRIS_CUES: &[&str] = &[
    "comment",
    "reply",
    "share",
    "subscribe",
    "newsletter",
    "related",
    "about this",
    "advertisement",
    "cookie",
    "sign up",
    "log in",
    "follow us",
    "read more",
    "all rights reserved",
    "copyright",
    "tags",
    "print",
];

fn looks_like_debris(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let lower = text.to_lowercase();
    let cue = DEBRIS_CUES.iter().any(|c| lower.contains(c));
    let sentence = text
        .trim_end_matches(['"', '\u{201d}', ')'])
        .ends_with(['.', '!', '?']);
    (words <= 8 && !sentence) || (cue && words <= 25)
}

/// The trailing run of short non-sentences (menus, "Leave a Reply", share buttons) after the
/// last real paragraph.
fn mark_trailing_leftovers(blocks: &mut [Block]) {
    let body_count = blocks.iter().filter(|b| b.kind.is_body()).count();
    let mut index = blocks.len();
    while index > 0 {
        let block = &blocks[index - 1];
        if block.kind == BlockKind::Leftover {
            index -= 1;
            continue;
        }
        if block.kind != BlockKind::Paragraph || !looks_like_debris(&block.text) {
            break;
        }
        // Never fold away the whole text.
        if body_count <= 1 {
            break;
        }
        blocks[index - 1].kind = BlockKind::Leftover;
        index -= 1;
    }
}

/// A short paragraph naming the author, next to the start or the end of the body.
fn mark_byline(blocks: &mut [Block]) {
    let body: Vec<usize> = (0..blocks.len())
        .filter(|&i| blocks[i].kind == BlockKind::Paragraph)
        .collect();
    let candidates = body
        .first()
        .into_iter()
        .chain(body.last())
        .copied()
        .collect::<Vec<_>>();
    for i in candidates {
        if body.len() > 1 && is_byline(&blocks[i].text) {
            blocks[i].kind = BlockKind::Byline;
        }
    }
}

fn is_byline(text: &str) -> bool {
    let words = text.split_whitespace().count();
    if words > 60 {
        return false;
    }
    let lower = text.to_lowercase();
    let openers = [
        "by ",
        "written by ",
        "the author ",
        "the authors ",
        "the writer ",
        "about the author",
        "author:",
    ];
    openers.iter().any(|o| lower.starts_with(o)) && (lower.starts_with("by ") <= (words <= 12))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(blocks: &[Block]) -> Vec<BlockKind> {
        blocks.iter().map(|b| b.kind).collect()
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
        let text = "A Title Here\n\nFirst paragraph of the body, long enough.\n\nSecond one, also prose.\n\nThe author is a researcher at an institute.\n\nAbout this publication\n\nBe the first to comment\n\nLeave a Reply";
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
        let text = "Header\n\n*** START OF THE PROJECT GUTENBERG EBOOK X ***\n\nCHAPTER 1. Loomings.\n\nCall me Ishmael.\n\n*** END OF THE PROJECT GUTENBERG EBOOK X ***\n\nLicence text.";
        let blocks = structure(text);
        use BlockKind::*;
        assert_eq!(
            kinds(&blocks),
            vec![Leftover, Leftover, Heading, Paragraph, Leftover, Leftover]
        );
    }
}
