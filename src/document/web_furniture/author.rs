//! The box about the author that a page sets after the article: the byline's name again as a
//! line of its own (often a link, under "About the author", beside a portrait), then a few
//! lines of biography that open with the author's name ("Ann covers science for …"). It says
//! who wrote the article, which the byline already says; the article is over before it.

use super::pictures::picture_alt;
use super::without_marks;
use crate::document::structure::{ends_sentence, size_up_to};
use crate::document::{Block, BlockKind, Fold};

/// How far from the end the name may stand, in blocks of text.
const NEAR_THE_END: usize = 6;

/// A biography longer than this is more than a box says.
const MAX_BIO_WORDS: usize = 80;

/// Fold the author's box at the end of the article.
pub(super) fn mark(blocks: &mut [Block]) {
    let Some(name) = author_name(blocks) else {
        return;
    };
    let open: Vec<usize> = (0..blocks.len())
        .filter(|&i| !matches!(blocks[i].kind, BlockKind::Leftover | BlockKind::Byline))
        .collect();
    let tail = open.len().saturating_sub(NEAR_THE_END);
    let Some(at) = (tail..open.len())
        .rev()
        .find(|&k| says_name(&blocks[open[k]], &name))
    else {
        return;
    };
    let first_name = name.split_whitespace().next().unwrap_or_default();
    let mut bio = 0;
    for &i in &open[at + 1..] {
        let block = &blocks[i];
        if is_bio(block, &name, first_name) {
            bio += 1;
        } else if !is_box_line(block) {
            return;
        }
    }
    if bio == 0 {
        return;
    }
    // Above the name: the box's label ("About the author") and the portrait.
    let mut from = at;
    while from > 0 && at - from < 2 && is_box_line(&blocks[open[from - 1]]) {
        from -= 1;
    }
    for &i in &open[from..] {
        blocks[i].fold_as(Fold::Furniture);
    }
}

/// The byline's name: "By Ann Lee" is "Ann Lee"; a byline that is a sentence names no one.
fn author_name(blocks: &[Block]) -> Option<String> {
    let byline = blocks.iter().find(|b| b.kind == BlockKind::Byline)?;
    let text = byline.text.trim();
    let name = ["By ", "by ", "BY "]
        .iter()
        .find_map(|by| text.strip_prefix(by))
        .unwrap_or(text)
        .trim();
    let words = name.split_whitespace().count();
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    ((1..=4).contains(&words) && letters >= 3 && !name.contains(',')).then(|| name.to_string())
}

/// A line that is the name and nothing else ("Ann Lee\[4\]").
fn says_name(block: &Block, name: &str) -> bool {
    matches!(block.kind, BlockKind::Paragraph | BlockKind::Heading)
        && without_marks(&block.text)
            .trim()
            .trim_end_matches(['.', ':'])
            .eq_ignore_ascii_case(name)
}

/// A paragraph about the author that opens with their name: "Ann covers science for …".
fn is_bio(block: &Block, name: &str, first_name: &str) -> bool {
    let text = block.text.trim();
    let opens = |n: &str| {
        text.strip_prefix(n)
            .is_some_and(|rest| rest.starts_with([' ', '\'', '’']))
    };
    block.kind == BlockKind::Paragraph
        && (opens(name) || opens(first_name))
        && size_up_to(text, MAX_BIO_WORDS + 1) <= MAX_BIO_WORDS
}

/// What else a box holds: a portrait, a label, a handle ("@annlee"), a few words.
fn is_box_line(block: &Block) -> bool {
    let text = block.text.trim();
    picture_alt(block).is_some()
        || matches!(block.kind, BlockKind::Paragraph | BlockKind::Heading)
            && size_up_to(text, 5) <= 4
            && !ends_sentence(text)
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{SENTENCE, folded, paragraph};
    use super::*;

    fn article(byline: &str, end: &[&str]) -> Vec<Block> {
        let mut blocks = vec![
            Block::new(BlockKind::Title, "Budget Passes", 1),
            Block::new(BlockKind::Byline, byline, 1),
            paragraph(SENTENCE),
            paragraph(SENTENCE),
        ];
        blocks.extend(end.iter().map(|t| paragraph(t)));
        blocks
    }

    #[test]
    fn the_author_box_after_the_article_is_folded() {
        let mut blocks = article(
            "By Ann Lee",
            &[
                "About the Author",
                "[image: ][1]",
                "Ann Lee [2]",
                "@annlee[3]",
                "Ann covers the city council and its budget for the paper.",
            ],
        );
        mark(&mut blocks);
        let mut want = vec![false; 4];
        want.extend([true; 5]);
        assert_eq!(folded(&blocks), want, "{blocks:#?}");
    }

    #[test]
    fn a_closing_sentence_about_the_author_without_the_box_is_text() {
        let mut blocks = article(
            "Ann Lee",
            &["Ann Lee is a professor of economics and wrote this for the paper."],
        );
        mark(&mut blocks);
        assert!(folded(&blocks).iter().all(|f| !f));
    }

    #[test]
    fn the_name_followed_by_more_article_is_text() {
        let mut blocks = article(
            "Ann Lee",
            &["Ann Lee", SENTENCE, "Ann said the vote was close."],
        );
        mark(&mut blocks);
        assert!(folded(&blocks).iter().all(|f| !f));
    }
}
