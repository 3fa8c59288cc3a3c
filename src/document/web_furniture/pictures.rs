//! A web page's pictures in an extracted article, and what stands beside them: captions (the
//! picture's alternative text said again, a line closed by a credit, a caption the page sets
//! under several pictures), credit lines, gallery counters and buttons. Folded together, as
//! one thing the reader may open.

use super::{letters, without_marks};
use crate::document::structure::{ends_with_credit, size_up_to};
use crate::document::{Block, BlockKind, Fold};
use crate::text::sentences::sentence_ranges;

/// The alternative text of the pictures a block shows, when pictures are all it shows, or
/// pictures and their caption closed by a credit ("[image: …] A module to scale. Credit: ESA").
pub(super) fn picture_alt(block: &Block) -> Option<String> {
    let text = block.text.trim_start_matches(['•', '\u{a0}', ' ']).trim();
    if !matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem)
        || !text.starts_with("[image:")
    {
        return None;
    }
    let rest = without_marks(text);
    if letters(&rest) > 0 && !(ends_with_credit(&rest) || is_credit_line(&rest)) {
        return None;
    }
    let alt: Vec<&str> = text
        .split("[image:")
        .filter_map(|part| part.split(']').next())
        .collect();
    Some(alt.join(" "))
}

/// "6", "Image 2 of 5", "1 of 4", "Image 1 of / 9": a gallery's counter.
fn is_counter(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().filter(|w| *w != "/").collect();
    let number = |w: &&str| w.chars().all(|c| c.is_ascii_digit()) && w.len() <= 3;
    match words.as_slice() {
        [n] => number(n),
        [a, "of", b] => number(a) && number(b),
        [_, a, "of", b] => number(a) && number(b),
        _ => false,
    }
}

/// The buttons of a gallery, each a line of its own beside its pictures.
const GALLERY_BUTTONS: &[&str] = &[
    "caption",
    "hide caption",
    "show caption",
    "close",
    "previous",
    "next",
    "expand",
    "enlarge",
    "fullscreen",
];

fn is_gallery_button(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    GALLERY_BUTTONS.contains(&lower.as_str())
}

/// The texts a page sets under two or more of its pictures: a caption said again for each
/// picture of a series (the name of the show, the event), not text that is read twice. Such
/// a caption is a line or one sentence; a paragraph of two sentences or more set after two
/// pictures is the article's own, said twice perhaps, and folding both copies would hide it.
fn captions_said_again(blocks: &[Block]) -> Vec<String> {
    let mut under: Vec<(String, usize)> = Vec::new();
    for pair in blocks.windows(2) {
        let text = pair[1].text.trim();
        let caption_like = matches!(pair[1].kind, BlockKind::Paragraph | BlockKind::ListItem)
            && (3..=80).contains(&size_up_to(text, 81))
            && sentence_ranges(text).len() <= 1
            && picture_alt(&pair[1]).is_none();
        if picture_alt(&pair[0]).is_none() || !caption_like {
            continue;
        }
        match under.iter_mut().find(|(t, _)| t == text) {
            Some((_, n)) => *n += 1,
            None => under.push((text.to_string(), 1)),
        }
    }
    under
        .into_iter()
        .filter(|(_, n)| *n >= 2)
        .map(|(t, _)| t)
        .collect()
}

/// A caption said again under a picture, alone or with a few words of its own after it
/// ("… Festival' Dancers, from left: …").
fn says_again(text: &str, again: &[String]) -> bool {
    again
        .iter()
        .any(|c| text == c || text.starts_with(c.as_str()) && size_up_to(c, 6) >= 6)
}

/// A credit standing alone: "(Image credit: NASA)", "Photo: AP".
fn is_credit_line(text: &str) -> bool {
    let inner = text
        .trim()
        .trim_start_matches('(')
        .trim_end_matches(')')
        .to_lowercase();
    size_up_to(&inner, 13) <= 12
        && [
            "image credit",
            "photo credit",
            "credit",
            "photo",
            "image",
            "picture",
        ]
        .iter()
        .any(|cue| {
            inner
                .strip_prefix(cue)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
}

fn word_set(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 2)
        .map(str::to_lowercase)
        .collect()
}

/// A caption that says a picture's alternative text again: most of the words of one of them
/// are found in the other.
fn repeats(caption: &str, alt: &str) -> bool {
    let alt = word_set(alt);
    let caption = word_set(caption);
    let covered = |a: &[String], b: &[String]| {
        let shared = a.iter().filter(|w| b.contains(w)).count();
        a.len() >= 3 && shared * 5 >= a.len() * 4
    };
    covered(&caption, &alt) || covered(&alt, &caption) && alt.len() <= 2 * caption.len()
}

/// A picture, and beside it its caption (its alternative text said again, or a line ending
/// in a credit), its credit line and its gallery counter.
pub(super) fn mark(blocks: &mut [Block]) {
    let mut i = 0;
    // The alternative texts of the pictures met so far: a gallery says its captions again.
    let mut alts = String::new();
    let again = captions_said_again(blocks);
    while i < blocks.len() {
        let Some(alt) = picture_alt(&blocks[i]) else {
            i += 1;
            continue;
        };
        alts.push(' ');
        alts.push_str(&alt);
        let start = i;
        // A counter may stand before the picture.
        let first = if i > 0 && is_counter(&blocks[i - 1].text) {
            i - 1
        } else {
            i
        };
        let mut next = i + 1;
        while let Some(block) = blocks.get_mut(next) {
            let text = block.text.trim();
            // A list of pictures sets its captions as items of the list.
            let caption = matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem)
                && size_up_to(text, 81) <= 80
                && (is_counter(text)
                    || is_gallery_button(text)
                    || repeats(text, &alt)
                    || repeats(text, &alts)
                    || says_again(text, &again)
                    || ends_with_credit(text)
                    || is_credit_line(text));
            if !caption {
                break;
            }
            next += 1;
        }
        // A picture without words or caption is left as its one line "[image: ]": a fold
        // would say no less in more words.
        if letters(&alt) > 0 || next > start + 1 {
            for block in &mut blocks[first..next] {
                block.fold_as(Fold::Pictures);
            }
        }
        i = next;
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{SENTENCE, folds, paragraph};
    use super::*;

    fn mark(blocks: &mut [Block]) {
        super::super::mark(blocks);
    }

    #[test]
    fn pictures_captions_credits_and_counters_are_folded() {
        let mut blocks = vec![
            paragraph(SENTENCE),
            paragraph("Image 2 of 5"),
            paragraph("[image: An artist's concept of the lander on the moon.]"),
            paragraph("An artist's concept of the lander on the moon."),
            paragraph("(Image credit: Example Space)"),
            paragraph(SENTENCE),
            paragraph("[image: A crowd in the square]"),
            paragraph("Demonstrators gathered in the old square on Sunday. Photo: Getty Images"),
            paragraph(SENTENCE),
        ];
        mark(&mut blocks);
        let p = Some(Fold::Pictures);
        assert_eq!(
            folds(&blocks),
            [None, p, p, p, p, None, p, p, None],
            "{blocks:#?}"
        );
    }

    #[test]
    fn a_gallery_with_its_buttons_counters_and_captions_said_twice_is_folded() {
        let caption =
            "Rescue teams search the flooded valley on Sunday, Nov. 3, in Example County.";
        let mut item = Block::new(BlockKind::ListItem, format!("\u{a0}\u{a0}{caption}"), 1);
        item.level = 0;
        let mut blocks = vec![
            Block::new(
                BlockKind::ListItem,
                format!("• [image: {caption} Photo: Ann Lee, AP / Copyright 2019]"),
                1,
            ),
            item.clone(),
            item,
            paragraph("Photo: Ann Lee, AP"),
            paragraph("Image 1 of / 5"),
            paragraph("Caption"),
            paragraph("Close"),
            paragraph("Image 1 of 5"),
            paragraph(caption),
            paragraph("Photo: Ann Lee, AP"),
            paragraph(SENTENCE),
            paragraph("Close"),
        ];
        mark(&mut blocks);
        let p = Some(Fold::Pictures);
        let mut want = vec![p; 10];
        want.extend([None, Some(Fold::Furniture)]);
        assert_eq!(folds(&blocks), want, "{blocks:#?}");
    }

    #[test]
    fn a_caption_said_again_under_bare_pictures_is_folded_with_them() {
        let series = "The Harbour Festival 2018, opening night on the quay";
        let mut blocks = vec![paragraph(SENTENCE)];
        for n in 0..3 {
            blocks.push(paragraph("[image: ]"));
            blocks.push(paragraph(if n == 2 {
                "The Harbour Festival 2018, opening night on the quay Dancers from the school"
            } else {
                series
            }));
            blocks.push(paragraph(SENTENCE));
        }
        // Said once, under one picture, a line is text.
        blocks.push(paragraph("[image: ]"));
        blocks.push(paragraph("A lone line under the last picture of the day"));
        blocks.push(paragraph(SENTENCE));
        mark(&mut blocks);
        let p = Some(Fold::Pictures);
        assert_eq!(
            folds(&blocks),
            [None, p, p, None, p, p, None, p, p, None, None, None, None],
            "{blocks:#?}"
        );
    }

    #[test]
    fn a_paragraph_said_again_after_two_pictures_is_text() {
        // A paragraph of two sentences under each of two pictures is no series' caption:
        // folding both copies would hide it from the reader.
        let said_twice =
            "The river rose two metres overnight. By morning the old bridge was closed to traffic.";
        let mut blocks = vec![paragraph(SENTENCE)];
        for _ in 0..2 {
            blocks.push(paragraph("[image: ]"));
            blocks.push(paragraph(said_twice));
            blocks.push(paragraph(SENTENCE));
        }
        mark(&mut blocks);
        assert_eq!(
            folds(&blocks),
            [None, None, None, None, None, None, None],
            "{blocks:#?}"
        );
    }

    #[test]
    fn a_sentence_after_a_picture_is_text() {
        let mut blocks = vec![
            paragraph(SENTENCE),
            paragraph("[image: A crowd in the square]"),
            paragraph(SENTENCE),
            paragraph(SENTENCE),
        ];
        mark(&mut blocks);
        assert_eq!(folds(&blocks), [None, Some(Fold::Pictures), None, None]);
    }
}
