//! Links to other stories that a page sets inside an article: a box of headlines under a label
//! ("More from UK", "You may also like…"), a cross-reference line ("Related: Another story"),
//! a headline link in capitals between two paragraphs. Each is told by being wholly link text
//! (but for its label), which the article's own sentences are not.

use super::{is_all_links, letters, unlinked_text};
use crate::document::structure::{ends_sentence, size_up_to};
use crate::document::{Block, BlockKind, Fold};

/// What labels a cross-reference line, lower-cased, without its colon.
const CROSS_REFERENCE_LABELS: &[&str] = &[
    "related",
    "read more",
    "read also",
    "also read",
    "see more",
    "see also",
    "more",
    "also",
    "watch",
    "don't miss",
    "recommended",
];

/// Fold the links to other stories.
pub(super) fn mark(blocks: &mut [Block]) {
    mark_boxes(blocks);
    for at in 1..blocks.len() {
        if is_label(&blocks[at - 1]) && is_line_of_headlines(&blocks[at]) {
            blocks[at - 1].fold_as(Fold::Furniture);
            blocks[at].fold_as(Fold::Furniture);
        }
    }
    for block in blocks.iter_mut() {
        if is_cross_reference(block) || is_capitalised_headline(block) || is_tag_line(block) {
            block.fold_as(Fold::Furniture);
        }
    }
}

/// A headline that is one link: at least three words, all of them link text.
fn is_story_link(block: &Block) -> bool {
    matches!(
        block.kind,
        BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Heading
    ) && is_all_links(block)
        && size_up_to(&block.text, 3) >= 3
}

/// Several headlines set as one line under a label ("DON'T MISS", then "Macron's jibe\[2\]
/// \[INSIGHT\] | Lakers vs Nets: the final decision\[3\] \[VIDEO\]"): two links or more, and outside
/// them a few tags and separators, not a sentence.
fn is_line_of_headlines(block: &Block) -> bool {
    let links = block
        .spans
        .iter()
        .filter(|s| s.style == crate::document::Inline::Link)
        .count();
    let unlinked = unlinked_text(block);
    matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem)
        && links >= 2
        && size_up_to(&block.text, 6) >= 6
        && size_up_to(&unlinked, 7) <= 6
        && letters(&unlinked) * 5 <= letters(&block.text)
}

/// A list item with nothing in it but its bullet: a box's empty slot.
fn is_empty_item(block: &Block) -> bool {
    block.kind == BlockKind::ListItem && letters(&block.text) == 0
}

/// A line that names a box of links: a heading, or a few words that make no sentence
/// ("More from UK", "You may also like...").
fn is_label(block: &Block) -> bool {
    let text = block.text.trim();
    let ellipsis = text.ends_with("...") || text.ends_with('…');
    match block.kind {
        BlockKind::Heading => size_up_to(text, 9) <= 8,
        BlockKind::Paragraph => {
            size_up_to(text, 7) <= 6 && (ellipsis || !ends_sentence(text)) && !is_all_links(block)
        }
        _ => false,
    }
}

/// Runs of headline links: three or more, or two under a label; the label goes with them.
/// What is folded already (the addresses a box's links point to, listed after each of them)
/// stands outside the text and does not break a run.
fn mark_boxes(blocks: &mut [Block]) {
    let folded = |b: &Block| b.kind == BlockKind::Leftover;
    let mut i = 0;
    while i < blocks.len() {
        if !is_story_link(&blocks[i]) {
            i += 1;
            continue;
        }
        // Empty bullets may stand before the first link.
        let mut start = i;
        while start > 0 && (is_empty_item(&blocks[start - 1]) || folded(&blocks[start - 1])) {
            start -= 1;
        }
        let mut end = i;
        let mut links = 0;
        while end < blocks.len()
            && (is_story_link(&blocks[end]) || is_empty_item(&blocks[end]) || folded(&blocks[end]))
        {
            links += usize::from(is_story_link(&blocks[end]));
            end += 1;
        }
        let labelled = start > 0 && is_label(&blocks[start - 1]);
        let introduced = start > 0 && introduces(&blocks[start - 1], &blocks[start]);
        if !introduced && (links >= 3 || labelled && links >= 2) {
            let from = if labelled { start - 1 } else { start };
            for block in blocks[from..end].iter_mut().filter(|b| !folded(b)) {
                block.fold_as(Fold::Furniture);
            }
        }
        i = end;
    }
}

/// The article's own words introducing the list of links after them, which is then the
/// article's too (the bugs a week fixed, the sources of a study): a sentence ending in a
/// colon ("Here are the bugs fixed this week:"), or an item of the article's list ending in
/// one with the links nested under it ("In progress:" over "Bug 1677080 – Fullscreen
/// window…"). A box's name is no sentence ("More from UK:", "You may also like:").
fn introduces(before: &Block, first: &Block) -> bool {
    let text = before.text.trim_end();
    if !text.ends_with([':', '：']) || is_all_links(before) {
        return false;
    }
    match before.kind {
        BlockKind::ListItem => nesting(first) > nesting(before),
        BlockKind::Paragraph => size_up_to(text, 6) >= 6 && !is_label(before),
        _ => false,
    }
}

/// How deep a list item is nested: the no-break spaces its text opens on.
fn nesting(block: &Block) -> usize {
    block.text.chars().take_while(|&c| c == '\u{a0}').count()
}

/// "Related: Another story\[3\]", "Read more: …": a label of its own and one link after it.
fn is_cross_reference(block: &Block) -> bool {
    if block.kind != BlockKind::Paragraph || block.spans.is_empty() {
        return false;
    }
    let unlinked = unlinked_text(block);
    let label = unlinked.trim().trim_matches('*').trim();
    let Some(name) = label.strip_suffix(':') else {
        return false;
    };
    let name = name.trim().to_lowercase();
    let opens = block
        .text
        .trim_start()
        .trim_start_matches('*')
        .starts_with(label);
    opens
        && CROSS_REFERENCE_LABELS.contains(&name.as_str())
        && letters(&block.text) > letters(label) + 8
}

/// What labels a line of the page's tags, lower-cased, without its colon.
const TAG_LABELS: &[&str] = &[
    "tags",
    "tagged",
    "tagged with",
    "topics",
    "filed under",
    "categories",
    "keywords",
];

/// The page's tags: "Tags: budget\[3\], council\[4\]" or "Filed under budget\[3\] · council\[4\]", a
/// label and nothing else outside the links but the marks between them.
fn is_tag_line(block: &Block) -> bool {
    if !matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem) || block.spans.is_empty() {
        return false;
    }
    let unlinked = unlinked_text(block);
    let label: String = unlinked
        .chars()
        .filter(|c| !matches!(c, ',' | '|' | '·' | '/' | '•' | ';' | '*' | ':'))
        .collect();
    let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
    let opens = block
        .text
        .trim_start()
        .trim_start_matches(['*', '•', ' '])
        .to_lowercase()
        .starts_with(&label.to_lowercase());
    opens && TAG_LABELS.contains(&label.to_lowercase().as_str())
}

/// Another story's headline in capitals, set between paragraphs as one link.
fn is_capitalised_headline(block: &Block) -> bool {
    if block.kind != BlockKind::Paragraph || !is_all_links(block) || size_up_to(&block.text, 4) < 4
    {
        return false;
    }
    let cased: Vec<char> = block
        .text
        .chars()
        .filter(|c| c.is_uppercase() || c.is_lowercase())
        .collect();
    let upper = cased.iter().filter(|c| c.is_uppercase()).count();
    upper * 10 >= cased.len() * 9
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{SENTENCE, folded, paragraph};
    use super::*;
    use crate::document::{Inline, Span};

    /// A block of `before`, then `link` as link text numbered `[n]`.
    fn linked(kind: BlockKind, before: &str, link: &str, n: usize) -> Block {
        let mut block = Block::new(kind, format!("{before}{link}[{n}]"), 1);
        block.spans.push(Span {
            start: before.len(),
            end: before.len() + link.len(),
            style: Inline::Link,
        });
        block
    }

    #[test]
    fn a_labelled_box_of_headlines_inside_the_article_is_folded() {
        let mut heading = Block::new(BlockKind::Heading, "More from the city", 1);
        heading.level = 3;
        let item = |text: &str, n| linked(BlockKind::ListItem, "•  ", text, n);
        let mut blocks = vec![
            paragraph(SENTENCE),
            heading,
            item("Bridge closed for repairs after the storm", 1),
            Block::new(BlockKind::ListItem, "•", 1),
            item("Schools reopen on Thursday across the county", 2),
            paragraph(SENTENCE),
        ];
        mark(&mut blocks);
        assert_eq!(folded(&blocks), [false, true, true, true, true, false]);
    }

    #[test]
    fn links_the_article_introduces_are_its_own() {
        // An item of the article's list ending in a colon, the links nested under it (a
        // week's bugs), and a sentence ending in one over a list of links (the standards a
        // module follows): the article's lists, not boxes of other stories.
        let item = |indent: &str, text: &str, n| linked(BlockKind::ListItem, indent, text, n);
        let nested = "\u{a0}\u{a0}• ";
        let mut blocks = vec![
            paragraph(SENTENCE),
            Block::new(BlockKind::ListItem, "• In progress:", 1),
            item(
                nested,
                "Bug 1677080 – Fullscreen window follows the video source",
                1,
            ),
            item(
                nested,
                "Bug 1677107 – Telemetry for several windows at once",
                2,
            ),
            item(
                nested,
                "Bug 1681796 – No superfluous actors for each tab",
                3,
            ),
            paragraph("The module supports the following standards of the web:"),
            item("• ", "High Resolution Time", 4),
            item("• ", "Performance Timeline", 5),
            item("• ", "User Timing and Resource Timing", 6),
            paragraph(SENTENCE),
        ];
        mark(&mut blocks);
        assert!(folded(&blocks).iter().all(|f| !f), "{blocks:#?}");
        // A box's name ending in a colon is no sentence, and links at the list's own depth
        // are not nested under the item before them.
        let mut blocks = vec![
            paragraph(SENTENCE),
            paragraph("More from the city:"),
            item("• ", "Bridge closed for repairs after the storm", 1),
            item("• ", "Schools reopen on Thursday across the county", 2),
            item("• ", "Council votes on the new budget tonight", 3),
            Block::new(BlockKind::ListItem, "• Elsewhere:", 1),
            item("• ", "Markets fall as the storm nears the coast", 4),
            item("• ", "Ferry services cancelled until the weekend", 5),
            item("• ", "Power restored to most homes by evening", 6),
            paragraph(SENTENCE),
        ];
        mark(&mut blocks);
        assert_eq!(
            folded(&blocks),
            [
                false, true, true, true, true, false, true, true, true, false
            ]
        );
    }

    #[test]
    fn a_box_whose_links_each_list_their_address_is_one_box() {
        // Each paragraph's link addresses follow it, folded already: they do not break the
        // run of headlines, and they stay what they are.
        let addresses = |n: usize| {
            let mut block = paragraph(&format!("[{n}]: https://example.org/story-{n}"));
            block.fold_as(Fold::LinkAddresses);
            block
        };
        let item = |text: &str, n| linked(BlockKind::Paragraph, "", text, n);
        let mut blocks = vec![
            paragraph(SENTENCE),
            item("Bridge closed for repairs after the storm", 1),
            addresses(1),
            item("Schools reopen on Thursday across the county", 2),
            addresses(2),
            item("Council approves the new budget for the harbour", 3),
            addresses(3),
            paragraph(SENTENCE),
        ];
        mark(&mut blocks);
        assert_eq!(
            folded(&blocks),
            [false, true, true, true, true, true, true, false]
        );
        assert_eq!(blocks[2].fold, Fold::LinkAddresses);
        assert_eq!(blocks[1].fold, Fold::Furniture);
    }

    #[test]
    fn two_links_without_a_label_and_a_list_of_short_links_are_kept() {
        let item = |text: &str, n| linked(BlockKind::ListItem, "• ", text, n);
        let mut blocks = vec![
            paragraph(SENTENCE),
            item("The full report of the council", 1),
            item("The minutes of the last meeting", 2),
            paragraph(SENTENCE),
            item("Report", 3),
            item("Minutes", 4),
            item("Budget", 5),
            paragraph(SENTENCE),
        ];
        mark(&mut blocks);
        assert!(folded(&blocks).iter().all(|f| !f), "{blocks:#?}");
    }

    #[test]
    fn a_cross_reference_line_is_folded_a_sentence_with_a_link_is_not() {
        let mut blocks = vec![
            paragraph(SENTENCE),
            linked(
                BlockKind::Paragraph,
                "Related: ",
                "Seven signs the river is rising",
                1,
            ),
            linked(
                BlockKind::Paragraph,
                "**Read more: **",
                "How bridges are built",
                2,
            ),
            linked(
                BlockKind::Paragraph,
                "The mayor said the plan was described in ",
                "the council's report",
                3,
            ),
            linked(BlockKind::Paragraph, "Note: ", "the council's report", 4),
        ];
        mark(&mut blocks);
        assert_eq!(folded(&blocks), [false, true, true, false, false]);
    }

    #[test]
    fn a_line_of_headlines_under_a_label_is_folded_a_linked_sentence_is_not() {
        let mut line = linked(
            BlockKind::Paragraph,
            "",
            "Mayor opens the new bridge after two years",
            1,
        );
        let second = "Council votes on the river budget tonight";
        let start = line.text.len() + " [VIDEO] | ".len();
        line.text
            .push_str(&format!(" [VIDEO] | {second}[2] [**INSIGHT]"));
        line.spans.push(Span {
            start,
            end: start + second.len(),
            style: Inline::Link,
        });
        let mut blocks = vec![
            paragraph(SENTENCE),
            paragraph("DON'T MISS"),
            line.clone(),
            paragraph(SENTENCE),
            paragraph("Our sources"),
            linked(
                BlockKind::Paragraph,
                "The mayor said the plan was described in ",
                "the council's report",
                3,
            ),
            paragraph(SENTENCE),
            line,
            paragraph(SENTENCE),
        ];
        mark(&mut blocks);
        assert_eq!(
            folded(&blocks),
            [false, true, true, false, false, false, false, false, false]
        );
    }

    #[test]
    fn a_line_of_the_pages_tags_is_folded_a_sentence_about_tags_is_not() {
        let tags = |before: &str, links: &[&str], between: &str| {
            let mut block = Block::new(BlockKind::Paragraph, before, 1);
            for (n, link) in links.iter().enumerate() {
                if n > 0 {
                    block.text.push_str(between);
                }
                let start = block.text.len();
                block.text.push_str(&format!("{link}[{}]", n + 1));
                block.spans.push(Span {
                    start,
                    end: start + link.len(),
                    style: Inline::Link,
                });
            }
            block
        };
        let mut blocks = vec![
            paragraph(SENTENCE),
            tags("Tags ", &["budget", "river council", "bridges"], ", "),
            tags("**Filed under:** ", &["Budget"], ""),
            tags("Topics: ", &["Budget", "Council"], " · "),
            tags("Read about the ", &["tags"], ""),
            tags("Tags were added to the ", &["bridge"], ", said the mayor."),
        ];
        mark(&mut blocks);
        assert_eq!(
            folded(&blocks),
            [false, true, true, true, false, false],
            "{blocks:#?}"
        );
    }

    #[test]
    fn a_headline_link_in_capitals_between_paragraphs_is_folded() {
        let mut blocks = vec![
            paragraph(SENTENCE),
            linked(
                BlockKind::Paragraph,
                "",
                "MAYOR OPENS THE NEW BRIDGE AFTER TWO YEARS",
                1,
            ),
            paragraph(SENTENCE),
            linked(BlockKind::Paragraph, "", "NASA", 2),
            linked(BlockKind::Paragraph, "", "The new bridge opens today", 3),
        ];
        mark(&mut blocks);
        assert_eq!(folded(&blocks), [false, true, false, false, false]);
    }
}
