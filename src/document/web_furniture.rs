//! The furniture an article extractor leaves in the article it takes from a saved web page:
//! pictures with their captions, credits and counters ("Image 2 of 5"); at the article's top,
//! the dates, repeated author names and breadcrumbs above its first sentence; at its end, the
//! run of related links, newsletter boxes, calls to follow or subscribe and teasers after its
//! last sentence. Each is told by its form and its place at an edge of the article, never by
//! shortness alone, and folded, not deleted.

mod author;
mod calls;
mod cards;
mod links;
mod pictures;
mod residue;

use super::structure::{ends_sentence, has_cue, has_date, is_price_tag, size_up_to};
use super::{Block, BlockKind, Fold, Inline};

/// Fold the furniture of an extracted article (title and byline first, then the body).
pub fn mark(blocks: &mut [Block]) {
    pictures::mark(blocks);
    cards::mark(blocks);
    links::mark(blocks);
    residue::mark(blocks);
    for block in blocks.iter_mut() {
        if matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem) && is_stamp(&block.text)
        {
            block.fold_as(Fold::Furniture);
        }
    }
    let body_start = blocks
        .iter()
        .position(|b| !matches!(b.kind, BlockKind::Title | BlockKind::Byline))
        .unwrap_or(blocks.len());
    // The top: up to the first heading or sentence.
    let said = |kind: BlockKind| {
        blocks
            .iter()
            .find(|b| b.kind == kind)
            .map(|b| words_of(&b.text))
            .unwrap_or_default()
    };
    let (title, byline) = (said(BlockKind::Title), said(BlockKind::Byline));
    for block in &mut blocks[body_start..] {
        if block.kind == BlockKind::Leftover {
            continue;
        }
        let furniture = is_top_furniture(block)
            || repeats_byline(block, &byline)
            || is_breadcrumb(block, &title);
        if block.kind == BlockKind::Heading || !furniture {
            break;
        }
        block.fold_as(Fold::Furniture);
    }
    // The end: back to the last sentence.
    // A bullet with nothing after it is a box's empty slot, not an item the article lists: the
    // walk goes past it, and folds it with the furniture beside it. Alone, it is left as it
    // is: a fold would say no less in more words.
    let mut slots = Vec::new();
    let mut folded_any = false;
    for at in (body_start..blocks.len()).rev() {
        let block = &blocks[at];
        if block.kind == BlockKind::Leftover {
            continue;
        }
        if block.kind == BlockKind::ListItem && !block.text.chars().any(char::is_alphanumeric) {
            slots.push(at);
            continue;
        }
        let list = block.kind == BlockKind::ListItem && !is_all_links(block);
        if list || block.kind != BlockKind::Heading && !is_edge_furniture(block, 12) {
            break;
        }
        for slot in slots.drain(..).chain([at]) {
            blocks[slot].fold_as(Fold::Furniture);
        }
        folded_any = true;
    }
    if folded_any {
        for slot in slots {
            blocks[slot].fold_as(Fold::Furniture);
        }
    }
    // After the edges, so that the end is still found where the article's last sentence is:
    // the lines above an author's box are the article's, whatever their form.
    author::mark(blocks);
}

/// A block above the article's first heading or sentence that is no part of it: as at the
/// end ([`is_edge_furniture`]), but for what opens an article in a few words. An item of a
/// list that is not a link (a manual's page opening on the list of what it covers) and a
/// line that introduces what follows ("Apple WatchOS targets:") are the article's, however
/// short; a menu's items are links.
fn is_top_furniture(block: &Block) -> bool {
    let text = block.text.trim();
    let short_line = block.kind == BlockKind::ListItem || text.ends_with([':', '：']);
    if short_line && !is_all_links(block) {
        return is_marked_furniture(block, text, size_up_to(text, 26));
    }
    is_edge_furniture(block, 6)
}

/// A block at an edge of the article that is no part of it: a line of links, a call to the
/// reader to follow or subscribe, a furniture phrase, a date line, or a few words that make no
/// sentence (at most `words` of them).
fn is_edge_furniture(block: &Block, words: usize) -> bool {
    if !matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem) {
        return false;
    }
    let text = block.text.trim();
    // An item for sale closing a buying guide ("Kettle 3" / "$39.99" / "Buy Now") is
    // its text, though its button is a call and its lines make no sentence.
    if text.lines().any(is_price_tag) {
        return false;
    }
    let size = size_up_to(text, 26);
    is_all_links(block)
        || is_marked_furniture(block, text, size)
        || size <= words && !ends_sentence(text)
}

/// Furniture told by what it says, whatever its shape: a call to the reader, a cue phrase that
/// reports nobody, a date line (`size`: the block's words, counted up to 26).
fn is_marked_furniture(block: &Block, text: &str, size: usize) -> bool {
    calls::is_call(block)
        || size <= 25 && has_cue(text) && !reports(text) && !narrates(text, size)
        || size <= 12 && has_date(text) && !ends_sentence(text)
}

/// The verbs a news report gives its sources' words and silences with.
const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "according",
    "respond",
    "responded",
    "declined",
    "wrote",
];

/// A sentence that reports what somebody said or did not say ("Privacy is not a bolt-on
/// thing, Cook said.", "The governor's office didn't immediately respond to a request for
/// comment."): the article's own, even when it holds a word that furniture uses. Furniture
/// speaks to the reader ("Share it with a friend!") or is a notice ("© 2019 Example Press"),
/// and reports nobody.
fn reports(text: &str) -> bool {
    ends_sentence(text)
        && text
            .split(|c: char| !c.is_alphabetic())
            .any(|w| REPORTING_VERBS.iter().any(|v| w.eq_ignore_ascii_case(v)))
}

/// A sentence of fifteen words or more that speaks to no one and is no notice ("WASHINGTON —
/// Not everyone subscribes to a New Year's resolution, but Americans will be required to
/// follow new laws in 2014."): the article's, though a word of furniture is in it. Furniture
/// that runs so long asks the reader ("Sign up and get our stories in your inbox.", "Have a
/// tip? … may be reached at …") or is a publisher's notice ("Copyright 2019. All rights reserved. This material may not be
/// published…").
fn narrates(text: &str, size: usize) -> bool {
    const ADDRESSING: &[&str] = &["you", "your", "we", "our", "us", "here", "click", "please"];
    size >= 15
        && ends_sentence(text)
        // A question puts it to the reader ("Have a tip?"); an address is how to reach
        // someone.
        && !text.contains(['©', '?', '@'])
        && text
            .split(|c: char| !c.is_alphabetic())
            .all(|w| {
                !ADDRESSING.iter().any(|a| w.eq_ignore_ascii_case(a))
                    && !w.eq_ignore_ascii_case("copyright")
                    && !w.eq_ignore_ascii_case("reserved")
            })
}

/// A text's words, lower-cased, without their punctuation.
fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The byline said again above the article: its names alone ("Ann Lee and Bo Chan, Example
/// Press" under "By ANN LEE and BO CHAN, Example Press"), or a longer "By …" line that names
/// one of them ("By Ann Lee, Bo Chan, Cy Dow" under "Ann Lee").
fn repeats_byline(block: &Block, byline: &[String]) -> bool {
    let text = block.text.trim();
    let words = words_of(text);
    if block.kind != BlockKind::Paragraph || byline.is_empty() || words.len() > 12 {
        return false;
    }
    let name: Vec<&String> = byline.iter().filter(|w| *w != "by").collect();
    let within = words.iter().all(|w| byline.contains(w));
    let shared = name.iter().filter(|w| words.contains(w)).count();
    let by_line = words.first().is_some_and(|w| w == "by")
        && !ends_sentence(text)
        && shared >= name.len().min(2);
    !words.is_empty() && (within || by_line)
}

/// A breadcrumb trail above the article: links to the sections that hold it, then the page's
/// own title unlinked ("Home › News › The title").
fn is_breadcrumb(block: &Block, title: &[String]) -> bool {
    let rest = words_of(&unlinked_text(block));
    let links = block
        .spans
        .iter()
        .filter(|s| s.style == Inline::Link)
        .count();
    block.kind == BlockKind::Paragraph
        && links >= 1
        && !rest.is_empty()
        && rest.iter().all(|w| title.contains(w))
}

/// The words that label when a page was published or changed.
const STAMP_LABELS: &[&str] = &["published", "updated", "posted", "modified"];

/// When the page was published or changed, wherever the page sets it: a short line with a
/// date, labelled ("PUBLISHED: 10:48, Tue, Nov 19, 2019", "Updated: Nov. 20, 2019") or
/// with a time of day ("November 20, 2019 / 1:07 AM / Example News").
fn is_stamp(text: &str) -> bool {
    let text = text.trim();
    if size_up_to(text, 17) > 16 || !has_date(text) {
        return false;
    }
    // The label opens the line or is followed by a colon: "was updated in March" is prose.
    let lower = text.to_lowercase();
    let first = lower
        .split(|c: char| !c.is_alphabetic())
        .find(|w| !w.is_empty());
    let labelled = first.is_some_and(|w| STAMP_LABELS.contains(&w))
        || STAMP_LABELS
            .iter()
            .any(|label| lower.contains(&format!("{label}:")));
    labelled || has_time_of_day(text) && !ends_sentence(text)
}

/// "10:48", "6:55 AM": hours and minutes.
fn has_time_of_day(text: &str) -> bool {
    text.split(|c: char| !(c.is_ascii_digit() || c == ':'))
        .any(|w| match w.split_once(':') {
            Some((h, m)) => {
                (1..=2).contains(&h.len())
                    && m.len() == 2
                    && h.chars().chain(m.chars()).all(|c| c.is_ascii_digit())
            }
            None => false,
        })
}

/// A block whose words are all link text ("Home\[1\]", "Read the report\[4\]").
fn is_all_links(block: &Block) -> bool {
    let words = letters(&unlinked_text(block));
    !block.spans.is_empty() && words == 0 && letters(&block.text) > 0
}

/// What a block says outside its links, without link numbers and pictures.
fn unlinked_text(block: &Block) -> String {
    let mut linked = vec![false; block.text.len()];
    for span in block.spans.iter().filter(|s| s.style == Inline::Link) {
        for slot in linked.iter_mut().take(span.end).skip(span.start) {
            *slot = true;
        }
    }
    let unlinked: String = block
        .text
        .char_indices()
        .filter(|(at, _)| !linked[*at])
        .map(|(_, c)| c)
        .collect();
    without_marks(&unlinked)
}

fn letters(text: &str) -> usize {
    text.chars().filter(|c| c.is_alphabetic()).count()
}

/// A text without its link numbers ("\[3\]"), pictures ("[image: …]") and list marks.
fn without_marks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        let close = if after.starts_with("[image:") {
            after.find(']')
        } else {
            after
                .find(']')
                .filter(|&c| after[1..c].chars().all(|d| d.is_ascii_digit()))
        };
        match close {
            Some(close) => rest = &after[close + 1..],
            None => {
                out.push('[');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// What the tests of the furniture rules build their articles from.
#[cfg(test)]
mod fixtures {
    use super::{Block, BlockKind, Fold};

    /// A sentence of an article's own.
    pub const SENTENCE: &str = "The council met on Monday to discuss the new budget, and the \
        debate ran late into the night.";

    pub fn paragraph(text: &str) -> Block {
        Block::new(BlockKind::Paragraph, text, 1)
    }

    /// What each block is folded as, if it is.
    pub fn folds(blocks: &[Block]) -> Vec<Option<Fold>> {
        blocks
            .iter()
            .map(|b| (b.kind == BlockKind::Leftover).then_some(b.fold))
            .collect()
    }

    /// Whether each block is folded.
    pub fn folded(blocks: &[Block]) -> Vec<bool> {
        blocks
            .iter()
            .map(|b| b.kind == BlockKind::Leftover)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::{SENTENCE, folds, paragraph};
    use super::*;

    fn linked(text: &str) -> Block {
        let mut block = Block::new(BlockKind::ListItem, format!("• {text}[1]"), 1);
        block.spans.push(crate::document::Span {
            start: "• ".len(),
            end: "• ".len() + text.len(),
            style: Inline::Link,
        });
        block
    }

    #[test]
    fn dates_and_links_at_the_edges_are_folded_the_middle_is_not() {
        let mut blocks = vec![
            Block::new(BlockKind::Title, "Budget Passes", 1),
            paragraph("Updated Nov 19, 2019, 6:55 AM"),
            linked("Home"),
            paragraph(SENTENCE),
            linked("A list item of the article itself"),
            paragraph("Short and no sentence"),
            paragraph(SENTENCE),
            paragraph("Sign up for our newsletter"),
            linked("Another story entirely"),
            Block::new(BlockKind::Heading, "RELATED", 1),
            linked("A third story"),
        ];
        blocks[9].level = 2;
        mark(&mut blocks);
        let f = Some(Fold::Furniture);
        assert_eq!(
            folds(&blocks),
            [None, f, f, None, None, None, None, f, f, f, f],
            "{blocks:#?}"
        );
    }

    #[test]
    fn a_closing_sentence_that_reports_is_text_though_it_holds_a_furniture_word() {
        let mut blocks = vec![
            Block::new(BlockKind::Title, "Budget Passes", 1),
            paragraph(SENTENCE),
            paragraph("Privacy, like the budget, is not a bolt-on thing, the mayor said."),
            paragraph("The governor's office didn't immediately respond to a request for comment."),
            paragraph("Like this story? Share it with a friend!"),
            paragraph("© 2019 Example Press. All Rights Reserved. It may not be redistributed."),
        ];
        mark(&mut blocks);
        let f = Some(Fold::Furniture);
        assert_eq!(
            folds(&blocks),
            [None, None, None, None, f, f],
            "{blocks:#?}"
        );
    }

    #[test]
    fn a_lead_that_narrates_is_text_though_it_holds_a_furniture_word() {
        let lead = "WASHINGTON — Not everyone subscribes to a New Year's resolution, but \
                    Americans will be required to follow new laws in 2014.";
        let mut blocks = vec![
            Block::new(BlockKind::Title, "New Year, new laws", 1),
            paragraph(lead),
            paragraph(SENTENCE),
            paragraph(SENTENCE),
            paragraph(
                "Have a tip? The reporter may be reached at news@example.com, and shares \
                 stories every day on the paper's pages.",
            ),
            paragraph(
                "Subscribe today and the best of what we publish comes to your inbox every \
                 morning before breakfast.",
            ),
        ];
        mark(&mut blocks);
        let f = Some(Fold::Furniture);
        assert_eq!(
            folds(&blocks),
            [None, None, None, None, f, f],
            "{blocks:#?}"
        );
    }

    #[test]
    fn a_closing_paragraph_in_a_script_without_spaces_is_no_handful_of_words() {
        // Tibetan sets a space only after a shad: three sentences read as three "words", and
        // a page's last article was folded as a few words at its edge.
        let tibetan = "ང་ཚོ་དེ་རིང་སློབ་གྲྭར་འགྲོ་གི་ཡིན། ཁ་སང་ཆར་པ་བབས་སོང་། ནང་མི་ཚང་མ་བདེ་པོ་ཡིན།";
        let mut blocks = vec![
            Block::new(BlockKind::Title, "Budget Passes", 1),
            paragraph(SENTENCE),
            paragraph(SENTENCE),
            paragraph(tibetan),
        ];
        mark(&mut blocks);
        assert_eq!(folds(&blocks), [None, None, None, None], "{blocks:#?}");
    }

    #[test]
    fn publication_stamps_are_folded_wherever_they_stand() {
        let mut blocks = vec![
            paragraph(SENTENCE),
            paragraph("PUBLISHED: 10:48, Tue, Nov 19, 2019"),
            paragraph("| UPDATED: 11:05, Tue, Nov 19, 2019"),
            paragraph("November 20, 2019 / 1:07 AM / Example News"),
            paragraph(SENTENCE),
            paragraph("The bridge was updated in March 2019 with a new deck and lights."),
            paragraph("The vote was on Nov. 19, 2019 at 10:48."),
            paragraph("Posted at the gate since 1998"),
            paragraph(SENTENCE),
        ];
        mark(&mut blocks);
        let f = Some(Fold::Furniture);
        assert_eq!(
            folds(&blocks),
            [None, f, f, f, None, None, None, None, None],
            "{blocks:#?}"
        );
    }

    #[test]
    fn the_byline_said_again_and_a_breadcrumb_to_the_title_above_the_article_are_folded() {
        let mut crumbs = paragraph("Home[1]Latest News[2]Budget Passes After Long Night");
        for (start, end) in [(0, 4), (7, 18)] {
            crumbs.spans.push(crate::document::Span {
                start,
                end,
                style: Inline::Link,
            });
        }
        let mut blocks = vec![
            Block::new(BlockKind::Title, "Budget Passes After Long Night", 1),
            Block::new(
                BlockKind::Byline,
                "By ANN LEE and BO CHAN, Example Press",
                1,
            ),
            paragraph("Ann Lee and Bo Chan, Example Press"),
            paragraph("By Ann Lee, Bo Chan and Cy Dow"),
            crumbs,
            paragraph(SENTENCE),
            paragraph("Ann Lee and Bo Chan"),
            paragraph(SENTENCE),
        ];
        mark(&mut blocks);
        let f = Some(Fold::Furniture);
        assert_eq!(
            folds(&blocks),
            [None, None, f, f, f, None, None, None],
            "{blocks:#?}"
        );
    }

    #[test]
    fn a_first_sentence_with_the_authors_or_the_title_words_is_text() {
        let mut linked_sentence = paragraph("Budget passes[1] after a long night, said Ann Lee.");
        linked_sentence.spans.push(crate::document::Span {
            start: 0,
            end: 13,
            style: Inline::Link,
        });
        let mut blocks = vec![
            Block::new(BlockKind::Title, "Budget Passes After Long Night", 1),
            Block::new(BlockKind::Byline, "Ann Lee", 1),
            paragraph("By the end of the night, Ann Lee said, the budget had passed."),
            linked_sentence,
            paragraph(SENTENCE),
        ];
        mark(&mut blocks);
        assert_eq!(
            folds(&blocks),
            [None, None, None, None, None],
            "{blocks:#?}"
        );
    }

    #[test]
    fn empty_bullets_between_links_after_the_article_are_folded_with_them() {
        let slot = || Block::new(BlockKind::ListItem, "•", 1);
        let mut blocks = vec![
            paragraph(SENTENCE),
            slot(),
            linked("Another story entirely"),
            slot(),
            linked("A third story"),
            slot(),
        ];
        mark(&mut blocks);
        let f = Some(Fold::Furniture);
        assert_eq!(folds(&blocks), [None, f, f, f, f, f], "{blocks:#?}");
    }

    #[test]
    fn an_empty_bullet_alone_after_the_article_is_left_and_the_list_above_it_kept() {
        let item = |text: &str| Block::new(BlockKind::ListItem, format!("• {text}"), 1);
        let mut blocks = vec![
            paragraph(SENTENCE),
            item("Three ships were lost."),
            item("Two came home."),
            Block::new(BlockKind::ListItem, "•", 1),
        ];
        mark(&mut blocks);
        assert_eq!(folds(&blocks), [None, None, None, None], "{blocks:#?}");
    }

    #[test]
    fn an_article_ending_in_a_list_of_its_own_keeps_it() {
        let mut item = Block::new(BlockKind::ListItem, "• Three ships were lost.", 1);
        item.level = 0;
        let mut blocks = vec![paragraph(SENTENCE), item];
        mark(&mut blocks);
        assert_eq!(folds(&blocks), [None, None]);
    }
}
