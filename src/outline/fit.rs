//! Labels made to fit: the lead of a text as a provisional label, and a label fitted to the
//! room the sidebar (or a status line, a list) gives it, without cutting a word in half.

use super::LABEL_COLUMNS;

/// How many words of a paragraph's lead make its label before the label is fitted.
const LEAD_WORDS: usize = 8;

/// Text that fits a top-level label as it is. Reads no further than the label's width: asked
/// of every paragraph of a book, it must not measure each one whole.
pub(super) fn fits_whole(text: &str) -> bool {
    use unicode_width::UnicodeWidthStr;
    // Longer text could fit only with dozens of zero-width marks to each column; it is
    // labelled like any long paragraph, and a book's paragraphs cost no measuring.
    const LONGEST_THAT_FITS: usize = LABEL_COLUMNS * 64;
    text.len() <= LONGEST_THAT_FITS && text.width() <= LABEL_COLUMNS
}

/// The first few words of a text, as a provisional label.
pub fn lead_phrase(text: &str) -> String {
    let mut words = text.split_whitespace();
    let mut out = String::new();
    for word in words.by_ref().take(LEAD_WORDS) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    let trimmed = out.trim_end_matches([',', ';', ':', '.']);
    trimmed.to_string()
}

/// Fit a label into `width` columns without cutting a word in half: whole words, then "…".
/// A single word wider than the column is cut at a grapheme boundary as a last resort.
/// Words that only join others (articles, common prepositions and conjunctions): a label cut
/// right after one reads as broken off mid-phrase.
const JOINING_WORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "with", "by",
    "from", "as", "into", "than", "that",
];

/// A heading that is only a number, with or without its division word: "Chapter 3", "XII.",
/// "Article 5".
pub(super) fn is_bare_number(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let (division, number) = match words.as_slice() {
        [number] => (None, *number),
        [division, number] => (Some(*division), *number),
        _ => return false,
    };
    is_section_number(number, false) && division.is_none_or(|d| d.chars().all(char::is_alphabetic))
}

/// "12", "4.2", "12.", "XII", "iv." — a section's number. With `roman_needs_stop`, a Roman
/// numeral counts only when a stop closes it ("IV.", "XII:"), so a word such as "DIM" inside a
/// title is not taken for one.
fn is_section_number(word: &str, roman_needs_stop: bool) -> bool {
    let bare = word.trim_end_matches(['.', ':']);
    let digits = bare.starts_with(|c: char| c.is_ascii_digit())
        && bare.chars().all(|c| c.is_ascii_digit() || c == '.');
    let roman = (bare.chars().all(|c| "IVXLCDM".contains(c))
        || bare.chars().all(|c| "ivxlcdm".contains(c)))
        && (!roman_needs_stop || bare.len() < word.len());
    !bare.is_empty() && (digits || roman)
}

/// A heading's label in the sidebar: "CHAPTER 12. The Street." reads "12. The Street.", since
/// every chapter says "CHAPTER" and the titles are what tell them apart (the tree shows the
/// level). A number alone ("Chapter 3") keeps its word.
pub fn fit_heading_label(label: &str, width: usize) -> String {
    let mut words = label.split_whitespace();
    let (Some(division), Some(number), Some(_title)) = (words.next(), words.next(), words.next())
    else {
        return fill_label(label, width);
    };
    let is_division = division.chars().all(char::is_alphabetic)
        && division.chars().next().is_some_and(char::is_uppercase);
    if !(is_division && is_section_number(number, true)) {
        return fill_label(label, width);
    }
    // Where the number starts: the words are slices of the label.
    let at = number.as_ptr() as usize - label.as_ptr() as usize;
    fill_label(label.get(at..).unwrap_or(label), width)
}

/// A title fitted to `width`: by whole words when that fills most of the room, else cut inside
/// its last word ("I. Down the Rabbit-H…" rather than "I. Down…"): a title is read, not
/// weighed as a phrase, and the room is better filled with it. A word is only cut where at
/// least three of its characters show.
fn fill_label(label: &str, width: usize) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    use unicode_width::UnicodeWidthStr;
    let by_words = fit_label(label, width);
    let budget = width.saturating_sub(1);
    if label.width() <= width || by_words.width() * 3 >= budget * 2 {
        return by_words;
    }
    let mut out = String::new();
    for g in label.graphemes(true) {
        if out.width() + g.width() > budget {
            break;
        }
        out.push_str(g);
    }
    let cut_word = out.rsplit(char::is_whitespace).next().unwrap_or("");
    if cut_word.graphemes(true).count() < 3 {
        return by_words;
    }
    format!("{}…", out.trim_end())
}

pub fn fit_label(label: &str, width: usize) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    use unicode_width::UnicodeWidthStr;
    if label.width() <= width {
        return label.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let budget = width - 1; // room for the ellipsis
    let mut out = String::new();
    let mut kept_words = 0;
    for word in label.split_whitespace() {
        let candidate = if out.is_empty() {
            word.to_string()
        } else {
            format!("{out} {word}")
        };
        if candidate.width() > budget {
            break;
        }
        out = candidate;
        kept_words += 1;
    }
    // "building trust…" reads better than "building trust and the…": a cut label does not end
    // on a joining word or on the separator of its two phrases ("Six Consensus ·…").
    while kept_words > 1 {
        let Some((rest, last)) = out.rsplit_once(' ') else {
            break;
        };
        let joining = last == "·" || JOINING_WORDS.contains(&last.to_lowercase().as_str());
        if !joining {
            break;
        }
        out = rest.to_string();
        kept_words -= 1;
    }
    if out.is_empty() {
        for g in label.graphemes(true) {
            if out.width() + g.width() > budget {
                break;
            }
            out.push_str(g);
        }
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_label_does_not_end_on_a_joining_word_or_the_phrase_separator() {
        assert_eq!(
            fit_label("Six Consensus · G20 Summit", 17),
            "Six Consensus…"
        );
        assert_eq!(fit_label("results · mutual trust", 17), "results · mutual…");
        assert_eq!(fit_label("Valparaiso the ship sailed", 18), "Valparaiso…");
        assert_eq!(fit_label("trust and the global order", 17), "trust…");
        assert_eq!(fit_label("the", 2), "t…");
    }

    #[test]
    fn the_sidebar_drops_the_division_word_not_the_title() {
        assert_eq!(
            fit_heading_label("CHAPTER 12. The Street.", 30),
            "12. The Street."
        );
        assert_eq!(
            fit_heading_label("CHAPTER 12. Stormy Street.", 12),
            "12. Stormy…"
        );
        assert_eq!(fit_heading_label("DIVISION IV. Arms", 12), "IV. Arms");
        assert_eq!(fit_heading_label("Chapter 3", 5), "Chap…");
        assert_eq!(fit_heading_label("Notes on the Text", 8), "Notes…");
        // A title fills its room rather than stopping at the last whole word that fits.
        assert_eq!(
            fit_heading_label("CHAPTER I. Down the Rabbit-Hole", 20),
            "I. Down the Rabbit-…"
        );
        assert_eq!(
            fit_heading_label("CHAPTER 17. Necessity Knows No Law", 10),
            "17. Neces…"
        );
        assert_eq!(fit_heading_label("A DIM Light", 20), "A DIM Light");
        assert_eq!(fit_heading_label("Section 4.2 Results", 20), "4.2 Results");
    }

    #[test]
    fn fit_label_keeps_whole_words() {
        assert_eq!(fit_label("a gap in mutual trust", 12), "a gap…");
        assert_eq!(
            fit_label("America Should Be More Sincere", 20),
            "America Should Be…"
        );
        assert_eq!(fit_label("short", 12), "short");
        assert_eq!(fit_label("unbreakable", 5), "unbr…");
        assert_eq!(fit_label("anything", 0), "");
    }

    #[test]
    fn a_number_alone_is_a_bare_number() {
        assert!(
            is_bare_number("XII.") && is_bare_number("Article 5") && !is_bare_number("Part One")
        );
    }
}
