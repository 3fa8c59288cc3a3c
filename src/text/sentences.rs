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

/// A mark that ends a sentence, in any script: the full stop, question and exclamation marks
/// of Latin, Greek and Cyrillic, and each script's own (Unicode's `Sentence_Terminal`
/// marks of the scripts people write in today). Burmese, Hindi, Amharic or Khmer prose ends
/// its sentences with no Latin stop at all, so a rule that looks for one takes the whole
/// of such a text for a menu. Myanmar's little section (၊) is left out: it is a comma; so is
/// Tibetan's shad (།), which closes a title as well as a clause.
pub fn is_sentence_stop(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?'
            | '\u{0589}' // Armenian full stop
            | '\u{061D}'..='\u{061F}' // Arabic end of text, triple dot and question mark
            | '\u{06D4}' // Arabic full stop (Urdu)
            | '\u{0700}'..='\u{0702}' // Syriac
            | '\u{07F9}' // N'Ko exclamation mark
            | '\u{0964}' | '\u{0965}' // danda, double danda (Hindi, Bengali, Nepali, Sanskrit)
            | '\u{104B}' // Myanmar section
            | '\u{1362}' | '\u{1367}' | '\u{1368}' // Ethiopic full stop and question mark
            | '\u{166E}' // Canadian syllabics full stop
            | '\u{17D4}' | '\u{17D5}' // Khmer
            | '\u{1803}' | '\u{1809}' // Mongolian
            | '\u{1944}' | '\u{1945}' // Limbu
            | '\u{203C}' | '\u{203D}' | '\u{2047}'..='\u{2049}' // ‼ ‽ ⁇ ⁈ ⁉
            | '\u{2E2E}' | '\u{2E3C}' // reversed question mark, stenographic full stop
            | '\u{3002}' // ideographic full stop
            | '\u{A4FF}' | '\u{A60E}' | '\u{A60F}' // Lisu, Vai
            | '\u{A9C8}' | '\u{A9C9}' // Javanese
            | '\u{FE52}' | '\u{FE56}' | '\u{FE57}' // small forms
            | '\u{FF01}' | '\u{FF0E}' | '\u{FF1F}' | '\u{FF61}' // full and half width
    )
}

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
    fn each_scripts_own_stop_ends_a_sentence_and_a_comma_does_not() {
        for stop in [
            '.', '?', '。', '！', '।', '॥', '။', '።', '។', '؟', '۔', '։', '‽',
        ] {
            assert!(is_sentence_stop(stop), "{stop}");
        }
        for other in [',', ';', ':', '၊', '،', '、', '།', '-', 'a', '…'] {
            assert!(!is_sentence_stop(other), "{other}");
        }
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
