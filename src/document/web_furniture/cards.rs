//! Other posts listed as cards after an article: before each card the same furniture line (a
//! share row, a bare picture, a "Read more"), then one excerpt of the other post, most of them
//! cut short ("… and the rest of it …"). The cards are built alike, which is what tells them
//! from the article: its own card, if the page sets it in one, carries more (a tag line, a
//! second paragraph). Only a run that reaches the end of the article is folded.

use super::is_all_links;
use super::pictures::picture_alt;
use crate::document::structure::{ends_sentence, has_cue, size_up_to};
use crate::document::{Block, BlockKind, Fold};

/// Fewer cards than this are no list of posts.
const MIN_CARDS: usize = 3;

/// An excerpt longer than this is no teaser, whatever follows it.
const MAX_EXCERPT_WORDS: usize = 200;

/// What a furniture block of a card is, as far as telling cards alike goes.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    /// The card's excerpt.
    Text,
    Picture,
    /// A line of links (a tag line, a headline that is one link).
    Links,
    /// A furniture phrase ("Share", "Read more"), by its words.
    Chrome(String),
}

/// Fold a run of cards at the end of the article.
pub(super) fn mark(blocks: &mut [Block]) {
    // Folded blocks stand outside the text: the cards are counted over the rest.
    let open: Vec<usize> = (0..blocks.len())
        .filter(|&i| blocks[i].kind != BlockKind::Leftover)
        .collect();
    let parts: Vec<Option<Part>> = open.iter().map(|&i| part(&blocks[i])).collect();
    let signatures: Vec<Option<String>> = open
        .iter()
        .zip(&parts)
        .map(|(&i, p)| {
            p.as_ref()
                .filter(|p| **p != Part::Text)
                .map(|_| signature(&blocks[i]))
        })
        .collect();
    let mut fold_from: Option<usize> = None;
    for separator in repeated(&signatures) {
        let starts: Vec<usize> = (0..open.len())
            .filter(|&k| signatures[k].as_deref() == Some(separator.as_str()))
            .collect();
        if let Some(first) = run_start(&starts, &parts, &open, blocks) {
            fold_from = Some(fold_from.map_or(first, |f: usize| f.min(first)));
        }
    }
    if let Some(first) = fold_from {
        for &i in &open[first..] {
            blocks[i].fold_as(Fold::Furniture);
        }
    }
}

/// The signatures that stand before at least [`MIN_CARDS`] blocks.
fn repeated(signatures: &[Option<String>]) -> Vec<String> {
    let mut seen: Vec<(String, usize)> = Vec::new();
    for s in signatures.iter().flatten() {
        match seen.iter_mut().find(|(t, _)| t == s) {
            Some((_, n)) => *n += 1,
            None => seen.push((s.clone(), 1)),
        }
    }
    seen.into_iter()
        .filter(|(_, n)| *n >= MIN_CARDS)
        .map(|(s, _)| s)
        .collect()
}

/// Where a run of cards separated at `starts` begins (an index into the open blocks), when the
/// run reaches the end, holds enough cards, all built alike, and most excerpts are cut.
fn run_start(
    starts: &[usize],
    parts: &[Option<Part>],
    open: &[usize],
    blocks: &[Block],
) -> Option<usize> {
    let last = *starts.last()?;
    // Each card: its parts (separator left out) and its excerpt.
    let card = |from: usize, to: usize| -> Option<(Vec<Part>, usize)> {
        let shape: Vec<Part> = parts[from + 1..to].iter().cloned().collect::<Option<_>>()?;
        let texts: Vec<usize> = (from + 1..to)
            .filter(|&k| parts[k] == Some(Part::Text))
            .collect();
        match texts.as_slice() {
            [one] => Some((shape, open[*one])),
            _ => None,
        }
    };
    let (tail_shape, tail_text) = card(last, parts.len())?;
    let mut excerpts = vec![tail_text];
    let mut first = last;
    let mut shape: Option<Vec<Part>> = None;
    for pair in starts.windows(2).rev() {
        let Some((this_shape, text)) = card(pair[0], pair[1]) else {
            break;
        };
        // The last card may stop short of the furniture the others close with.
        let alike = match &shape {
            Some(s) => *s == this_shape,
            None => this_shape.starts_with(&tail_shape),
        };
        if !alike {
            break;
        }
        shape = Some(this_shape);
        excerpts.push(text);
        first = pair[0];
    }
    let cut = excerpts
        .iter()
        .filter(|&&i| is_cut(&blocks[i].text))
        .count();
    (excerpts.len() >= MIN_CARDS && cut * 2 >= excerpts.len()).then_some(first)
}

/// What a block is in a card; `None` for what no card holds (a heading, a long text).
fn part(block: &Block) -> Option<Part> {
    if !matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem) {
        return None;
    }
    let text = block.text.trim();
    if picture_alt(block).is_some() {
        Some(Part::Picture)
    } else if is_all_links(block) {
        Some(Part::Links)
    } else if size_up_to(text, 13) <= 12 && has_cue(text) && !ends_sentence(text) {
        Some(Part::Chrome(signature(block)))
    } else if size_up_to(text, MAX_EXCERPT_WORDS + 1) <= MAX_EXCERPT_WORDS {
        Some(Part::Text)
    } else {
        None
    }
}

/// A block's text without its link numbers, lower-cased, its spaces collapsed: the same line
/// repeated before each card says the same thing, only its links are numbered anew.
fn signature(block: &Block) -> String {
    let mut out = String::with_capacity(block.text.len());
    let mut rest = block.text.as_str();
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        match after.find(']') {
            Some(close) if close > 1 && after[1..close].chars().all(|c| c.is_ascii_digit()) => {
                rest = &after[close + 1..];
            }
            _ => {
                out.push('[');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// An excerpt cut short: it ends in an ellipsis, or stops without closing a sentence.
fn is_cut(text: &str) -> bool {
    let text = text.trim_end();
    text.ends_with('…') || text.ends_with("...") || !ends_sentence(text)
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{folded, paragraph};
    use super::*;
    use crate::document::{Inline, Span};

    /// A share row as a page sets one before each post: links numbered anew each time.
    fn share_row(n: usize) -> Block {
        let text = format!("Share[{n}]   Email[{}]", n + 1);
        let mut block = paragraph(&text);
        block.spans = vec![
            Span {
                start: 0,
                end: "Share".len(),
                style: Inline::Link,
            },
            Span {
                start: text.find("Email").unwrap_or(0),
                end: text.find("Email").unwrap_or(0) + "Email".len(),
                style: Inline::Link,
            },
        ];
        block
    }

    const ARTICLE: &str = "The harbour opened again on Monday after a week of storms, and the \
        first boats went out before dawn to check their nets.";

    fn excerpt(n: usize, cut: bool) -> Block {
        let end = if cut { " and then they …" } else { "." };
        paragraph(&format!(
            "Another post, number {n}, begins with a sentence of its own about the town{end}"
        ))
    }

    fn page(cards: &[bool]) -> Vec<Block> {
        let mut blocks = vec![
            paragraph("[image: ]"),
            share_row(1),
            paragraph(ARTICLE),
            paragraph(ARTICLE),
        ];
        for (n, &cut) in cards.iter().enumerate() {
            blocks.push(paragraph("[image: ]"));
            blocks.push(share_row(10 + 2 * n));
            blocks.push(excerpt(n, cut));
        }
        blocks
    }

    #[test]
    fn a_run_of_cut_excerpts_after_the_article_is_folded() {
        let mut blocks = page(&[true, false, true, true]);
        mark(&mut blocks);
        let mut want = vec![false, false, false, false];
        want.extend([true; 12]);
        assert_eq!(folded(&blocks), want, "{blocks:#?}");
    }

    #[test]
    fn two_cards_are_not_a_list() {
        let mut blocks = page(&[true, true]);
        mark(&mut blocks);
        assert!(folded(&blocks).iter().all(|f| !f));
    }

    #[test]
    fn whole_excerpts_are_not_teasers() {
        let mut blocks = page(&[false, false, true, false]);
        mark(&mut blocks);
        assert!(folded(&blocks).iter().all(|f| !f));
    }

    #[test]
    fn an_article_in_a_card_of_its_own_shape_is_kept() {
        // The article sits under the same separator, but closes with a tag line the teasers
        // have not: the run stops before it.
        let mut blocks = vec![paragraph("[image: ]"), share_row(1), paragraph(ARTICLE)];
        let mut tags = paragraph("Harbours[3], Storms[4]");
        tags.spans = vec![
            Span {
                start: 0,
                end: 8,
                style: Inline::Link,
            },
            Span {
                start: 13,
                end: 19,
                style: Inline::Link,
            },
        ];
        blocks.push(tags);
        for n in 0..3 {
            blocks.push(paragraph("[image: ]"));
            blocks.push(share_row(10 + 2 * n));
            blocks.push(excerpt(n, true));
        }
        mark(&mut blocks);
        let mut want = vec![false, false, false, false];
        want.extend([true; 9]);
        assert_eq!(folded(&blocks), want, "{blocks:#?}");
    }

    #[test]
    fn cards_followed_by_more_article_are_kept() {
        let mut blocks = page(&[true, true, true]);
        blocks.push(paragraph(ARTICLE));
        blocks.push(paragraph(ARTICLE));
        mark(&mut blocks);
        assert!(folded(&blocks).iter().all(|f| !f));
    }

    #[test]
    fn paragraphs_ending_in_an_ellipsis_without_cards_are_text() {
        let mut blocks = vec![paragraph(ARTICLE)];
        for n in 0..4 {
            blocks.push(excerpt(n, true));
        }
        mark(&mut blocks);
        assert!(folded(&blocks).iter().all(|f| !f));
    }
}
