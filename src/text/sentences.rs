//! Sentence boundaries inside one block of text, for selecting passages a sentence at a time.
//! Uses the Unicode sentence rules (`unicode-segmentation`) and then mends the breaks those
//! rules make after common abbreviations ("Mr. Smith", "U.S. Senate") and initials ("J. Smith").
//! Reads text only; knows nothing of blocks, anchors or the screen.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// Abbreviations that end in a full stop but rarely end a sentence, compared case-insensitively
/// without their final dot. "etc." and "Inc." are left out on purpose: they often do end one.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "mt", "ft", "gen", "col", "capt", "lt",
    "sgt", "gov", "sen", "rep", "rev", "hon", "vs", "cf", "e.g", "i.e", "u.s", "u.k", "u.n", "e.u",
    "no", "vol", "pp", "fig", "approx", "dept", "est", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "a.m", "p.m",
];

/// The sentences of `text` as byte ranges that together cover it exactly, in order. Each range
/// keeps the whitespace that follows its sentence, as the Unicode rules do.
pub fn sentence_ranges(text: &str) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for (start, piece) in text.split_sentence_bound_indices() {
        let range = start..start + piece.len();
        match ranges.last_mut() {
            Some(previous) if ends_with_abbreviation(&text[previous.clone()]) => {
                previous.end = range.end
            }
            _ => ranges.push(range),
        }
    }
    ranges
}

/// The index of the sentence containing `byte` (the last one when `byte` is past the end).
pub fn sentence_index(ranges: &[Range<usize>], byte: usize) -> usize {
    ranges
        .iter()
        .position(|r| byte < r.end)
        .unwrap_or(ranges.len().saturating_sub(1))
}

/// True when a sentence piece's last word is an abbreviation or a single-letter initial, so the
/// break after it is most likely not the end of a sentence.
fn ends_with_abbreviation(piece: &str) -> bool {
    let trimmed = piece.trim_end();
    let Some(word) = trimmed.split_whitespace().next_back() else {
        return false;
    };
    // Opening punctuation may precede the word: "(Mr." or "“Dr.".
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    let Some(stem) = word.strip_suffix('.') else {
        return false;
    };
    if stem.is_empty() {
        return false;
    }
    let mut chars = stem.chars();
    let initial = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    initial || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(stem))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        sentence_ranges(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn plain_sentences_split() {
        assert_eq!(
            sentences("One here. Two there! Three?"),
            vec!["One here. ", "Two there! ", "Three?"]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(
            sentences(
                "Mr. Smith went to Washington. He met Dr. Jones of the U.S. Senate. Then J. R. Hartley left."
            ),
            vec![
                "Mr. Smith went to Washington. ",
                "He met Dr. Jones of the U.S. Senate. ",
                "Then J. R. Hartley left."
            ]
        );
    }

    #[test]
    fn ranges_cover_the_text() {
        let text = "A. B c. (Mr. X) said “hi.” Done…  ";
        let ranges = sentence_ranges(text);
        assert_eq!(ranges.first().map(|r| r.start), Some(0));
        assert_eq!(ranges.last().map(|r| r.end), Some(text.len()));
        assert!(ranges.windows(2).all(|w| w[0].end == w[1].start));
    }

    #[test]
    fn index_of_a_byte() {
        let text = "One. Two. Three.";
        let ranges = sentence_ranges(text);
        assert_eq!(sentence_index(&ranges, 0), 0);
        assert_eq!(sentence_index(&ranges, 6), 1);
        assert_eq!(sentence_index(&ranges, 999), 2);
        assert_eq!(sentence_index(&[], 3), 0);
    }
}
