//! Labels made to fit: the lead of a text as a provisional label, and a label fitted to the
//! room the sidebar (or a status line, a list) gives it, without cutting a word in half, nor a
//! run of Chinese or Japanese text: such a label goes on to a second row rather than being cut.

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

/// A line short enough to be its own label, as a label says it: without the bullet of the
/// list it is an item of, nor the numbers its links' addresses are listed under ("• High
/// Resolution Time\[4\]" is "High Resolution Time"). What is left empty keeps the line.
pub(super) fn whole_line_label(text: &str) -> String {
    let trimmed = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{a0}');
    let unbulleted = ['•', '◦', '▪', '‣']
        .iter()
        .find_map(|bullet| trimmed.strip_prefix(*bullet))
        .map_or(trimmed, str::trim_start);
    let mut label = String::with_capacity(unbulleted.len());
    let mut rest = unbulleted;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let marker = digits > 0
            && after.as_bytes().get(digits) == Some(&b']')
            && rest[..open].ends_with(|c: char| !c.is_whitespace());
        label.push_str(&rest[..open]);
        if marker {
            rest = &after[digits + 1..];
        } else {
            label.push('[');
            rest = after;
        }
    }
    label.push_str(rest);
    let label = label.trim();
    if label.is_empty() {
        text.trim().to_string()
    } else {
        label.to_string()
    }
}

/// The first few words of a text, as a provisional label. Chinese and Japanese put no spaces
/// between words: there the lead is the text's first clause, whole, up to its punctuation.
pub fn lead_phrase(text: &str) -> String {
    let mut words = text.split_whitespace();
    let mut out = String::new();
    for word in words.by_ref().take(LEAD_WORDS) {
        if !out.is_empty() {
            out.push(' ');
        }
        if let Some(clause) = first_clause(word) {
            out.push_str(clause);
            break;
        }
        out.push_str(word);
    }
    let trimmed = out.trim_end_matches([',', ';', ':', '.']);
    trimmed.to_string()
}

/// The first clause of a word of unspaced Chinese or Japanese text longer than a label: up to
/// its first punctuation (an opening bracket before it left out), or, in a clause with none,
/// as much as two rows of a label hold. `None` for any other word.
fn first_clause(word: &str) -> Option<&str> {
    use crate::text::script::{is_cjk, is_cjk_punctuation};
    if word.len() <= LABEL_COLUMNS || !word.chars().any(is_cjk) || fits_whole(word) {
        return None;
    }
    let body = word.trim_start_matches(|c: char| is_cjk_punctuation(c) || "“‘".contains(c));
    // A clause that runs on without punctuation is kept to what the sidebar can show.
    let mut columns = 0;
    let mut end = body.len();
    for (at, c) in body.char_indices() {
        columns += crate::text::display_width(c.encode_utf8(&mut [0; 4]));
        if is_cjk_punctuation(c) || "“”‘’".contains(c) || columns > 2 * LABEL_COLUMNS {
            end = at;
            break;
        }
    }
    let clause = &body[..end];
    (!clause.is_empty()).then_some(clause)
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
    // An ordinal's mark belongs to its number ("Artigo 22ª.", "Capítulo 1º").
    let bare = word
        .trim_end_matches(['.', ':'])
        .trim_end_matches(['ª', 'º']);
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
    // Nothing readable kept ("•…" for a list item of one long word): the label is cut inside
    // its first word instead, as a single word wider than the column is.
    if !out.chars().any(char::is_alphanumeric) {
        out.clear();
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

/// A label told from its siblings' in `width` columns. Labels of one series that open alike
/// ("Kanuni faha fuluni ndreka aroini", "Kanuni faha fuluni ndreka teluni") fit to the same
/// row ("Kanuni faha fulu…") and the reader could not tell them apart: such a label keeps its
/// first word and what is its own, the words it shares with a sibling said by "…" ("Kanuni …
/// ndreka aroini"). A label that fits, or is told apart already, is left as it is.
pub fn told_apart(label: &str, siblings: &[&str], heading: bool, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    if label.width() <= width || siblings.is_empty() {
        return label.to_string();
    }
    let fit = |text: &str| {
        if heading {
            fit_heading_label(text, width)
        } else {
            fit_label(text, width)
        }
    };
    let shown = fit(label);
    if !siblings.iter().any(|sibling| fit(sibling) == shown) {
        return label.to_string();
    }
    let words: Vec<&str> = label.split_whitespace().collect();
    let shared = siblings
        .iter()
        .map(|sibling| {
            words
                .iter()
                .zip(sibling.split_whitespace())
                .take_while(|(a, b)| *a == b)
                .count()
        })
        .max()
        .unwrap_or(0);
    // Its own words: all but the shared ones, and at least the last (a sibling may say all
    // of this label and more).
    let own = shared.min(words.len().saturating_sub(1));
    if own < 2 {
        return label.to_string();
    }
    let apart = format!("{} … {}", words[0], words[own..].join(" "));
    // Worth it only when a word of its own shows ("Kanuni … teluni", not "Kanuni ……").
    let opening = format!("{} … ", words[0]);
    let shows_own = fit(&apart)
        .strip_prefix(&opening)
        .is_some_and(|own| own.chars().any(char::is_alphanumeric));
    if shows_own { apart } else { label.to_string() }
}

/// A label in `width` columns, as the sidebar shows it: one row, fitted as a heading's label
/// (`heading`) or any other's; or, when the label holds Chinese or Japanese text that one row
/// would cut inside a run ("老龍王拙計…"), or a heading's title that it would cut to nothing
/// ("第一○回…"), two rows broken between its runs (at its spaces, after its punctuation), a
/// run wider than a row going on to the next between two characters. What two rows cannot
/// hold is left off after a whole run, with "…".
pub fn label_rows(label: &str, heading: bool, width: usize) -> Vec<String> {
    use crate::text::script::is_cjk;
    use unicode_width::UnicodeWidthStr;
    let one = if heading {
        fit_heading_label(label, width)
    } else {
        fit_label(label, width)
    };
    // A label that lost whole words, not part of one, reads well on its row: a heading's
    // title is the exception, being read rather than skimmed for its topics.
    let kept = one.strip_suffix('…').unwrap_or(&one);
    let whole_words = label.starts_with(kept)
        && label[kept.len()..].starts_with(char::is_whitespace)
        && !kept.is_empty();
    if one == label || width < 2 || !label.chars().any(is_cjk) || (!heading && whole_words) {
        return vec![one];
    }
    let mut rows: Vec<Vec<Piece<'_>>> = vec![Vec::new()];
    let mut all_fit = true;
    for piece in pieces(label, width) {
        let Some(row) = rows.last_mut() else {
            break;
        };
        if row_width(row) + piece.width_after(row.is_empty()) <= width {
            row.push(piece);
        } else if rows.len() < 2 {
            rows.push(vec![Piece {
                spaced: false,
                ..piece
            }]);
        } else {
            all_fit = false;
            break;
        }
    }
    if !all_fit && let Some(last) = rows.last_mut() {
        // Room for the sign that more was left off, taken a whole run at a time.
        while row_width(last) + 1 > width && last.len() > 1 {
            last.pop();
        }
    }
    let mut shown: Vec<String> = rows.iter().map(|row| row_text(row)).collect();
    if !all_fit && let Some(last) = shown.last_mut() {
        // A row of one piece as wide as the room gives up its last character for the sign.
        let mut kept = last.trim_end_matches([' ', '·']).to_string();
        while kept.width() + 1 > width {
            kept.pop();
        }
        *last = format!("{kept}…");
    }
    shown
}

/// A piece of a label that a row may break before: a run of it, or a part of a run too wide
/// for a row; `spaced` when a space parts it from the piece before.
#[derive(Debug, Clone, Copy)]
struct Piece<'a> {
    text: &'a str,
    spaced: bool,
}

impl Piece<'_> {
    /// The columns it takes after the row's pieces so far.
    fn width_after(&self, first_on_row: bool) -> usize {
        use unicode_width::UnicodeWidthStr;
        self.text.width() + usize::from(self.spaced && !first_on_row)
    }
}

fn row_width(row: &[Piece<'_>]) -> usize {
    row.iter()
        .enumerate()
        .map(|(n, piece)| piece.width_after(n == 0))
        .sum()
}

fn row_text(row: &[Piece<'_>]) -> String {
    let mut text = String::new();
    for (n, piece) in row.iter().enumerate() {
        if piece.spaced && n > 0 {
            text.push(' ');
        }
        text.push_str(piece.text);
    }
    text
}

/// Punctuation that opens what follows it: a row does not end on it.
fn is_opening(c: char) -> bool {
    matches!(
        c,
        '「' | '『' | '（' | '【' | '〔' | '〈' | '《' | '［' | '｛' | '〘' | '〖' | '“' | '‘'
    )
}

/// The label's pieces: split at spaces and after Chinese or Japanese punctuation, the parts'
/// separator "·" kept at the end of the part before it, and any piece wider than `width` split
/// between grapheme clusters.
fn pieces(label: &str, width: usize) -> Vec<Piece<'_>> {
    use crate::text::script::is_cjk_punctuation;
    use unicode_segmentation::UnicodeSegmentation;
    use unicode_width::UnicodeWidthStr;
    let mut runs: Vec<(usize, usize, bool)> = Vec::new();
    let mut start: Option<(usize, bool)> = None;
    let mut spaced = false;
    for (at, c) in label.char_indices() {
        if c.is_whitespace() {
            if let Some((from, was_spaced)) = start.take() {
                runs.push((from, at, was_spaced));
            }
            spaced = true;
            continue;
        }
        let (from, was_spaced) = *start.get_or_insert((at, spaced));
        spaced = false;
        // A row may break after punctuation, but not after an opening bracket, nor before
        // punctuation that closes ("そうか。」" stays together).
        let next = label[at + c.len_utf8()..].chars().next();
        let breaks_after = is_cjk_punctuation(c)
            && !is_opening(c)
            && !next.is_some_and(|n| is_cjk_punctuation(n) && !is_opening(n));
        if breaks_after {
            let end = at + c.len_utf8();
            runs.push((from, end, was_spaced));
            start = None;
        }
    }
    if let Some((from, was_spaced)) = start {
        runs.push((from, label.len(), was_spaced));
    }
    let mut out: Vec<Piece<'_>> = Vec::new();
    for (from, end, spaced) in runs {
        // "·" parts the label's phrases: it ends the phrase before it rather than starting a row.
        if &label[from..end] == "·"
            && let Some(previous) = out.last_mut()
        {
            let previous_start = previous.text.as_ptr() as usize - label.as_ptr() as usize;
            previous.text = &label[previous_start..end];
            continue;
        }
        let text = &label[from..end];
        if text.width() <= width {
            out.push(Piece { text, spaced });
            continue;
        }
        let mut chunk_start = 0;
        let mut chunk_width = 0;
        for (offset, grapheme) in text.grapheme_indices(true) {
            if chunk_width + grapheme.width() > width && offset > chunk_start {
                out.push(Piece {
                    text: &text[chunk_start..offset],
                    spaced: spaced && chunk_start == 0,
                });
                chunk_start = offset;
                chunk_width = 0;
            }
            chunk_width += grapheme.width();
        }
        out.push(Piece {
            text: &text[chunk_start..],
            spaced: spaced && chunk_start == 0,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn siblings_that_fit_alike_are_told_apart_by_their_own_words() {
        use super::told_apart;
        let series = [
            "Kanuni faha fuluni ndreka aroini :",
            "Kanuni faha fuluni ndreka teluni :",
            "Kanuni faha fuluni ndreka efatrani :",
        ];
        let shown = told_apart(series[1], &[series[0], series[2]], true, 20);
        assert_eq!(shown, "Kanuni … teluni :");
        // Fitting, or already told apart, a label is left as it is.
        assert_eq!(told_apart(series[1], &[series[0]], true, 40), series[1]);
        let apart = [
            "Definitions of the terms used here",
            "Grant of copyright licence",
        ];
        assert_eq!(told_apart(apart[0], &[apart[1]], true, 20), apart[0]);
        // Too narrow for a word of its own after the elision, it is left as it is.
        assert_eq!(told_apart(series[1], &[series[0]], true, 10), series[1]);
        // Sharing only its first word, a label has no words to leave out.
        let first_only = [
            "Chapter one of the long book",
            "Chapter two of the long book",
        ];
        assert_eq!(
            told_apart(first_only[0], &[first_only[1]], true, 10),
            first_only[0]
        );
    }

    #[test]
    fn a_line_labels_itself_without_its_bullet_or_its_links_numbers() {
        assert_eq!(
            whole_line_label("• High Resolution Time[4]"),
            "High Resolution Time"
        );
        assert_eq!(
            whole_line_label("\u{a0}\u{a0}◦ Bug 1677080[1] – Fullscreen[12]"),
            "Bug 1677080 – Fullscreen"
        );
        // A bracket that is no link's number stays: a year, a citation set apart, an index.
        assert_eq!(whole_line_label("Results [2019]"), "Results [2019]");
        assert_eq!(whole_line_label("See note [3]"), "See note [3]");
        assert_eq!(whole_line_label("[12]"), "[12]");
        assert_eq!(whole_line_label("•"), "•");
    }

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
    fn the_lead_of_chinese_or_japanese_text_is_its_first_clause_whole() {
        assert_eq!(
            lead_phrase("蓋聞天地之數，有十二萬九千六百歲為一元。將一元分為十二會。"),
            "蓋聞天地之數"
        );
        assert_eq!(
            lead_phrase("「おのれ、どこへ行くのだ。誰も知らぬところへ行くのか。」"),
            "おのれ"
        );
        // Short enough, it is the label whole; other scripts keep their first words.
        assert_eq!(
            lead_phrase("先生はまた云いました。"),
            "先生はまた云いました。"
        );
        assert_eq!(
            lead_phrase("The first words of a paragraph, many of them, more than eight."),
            "The first words of a paragraph, many of"
        );
        // A clause with no punctuation stops at what two rows of a label hold.
        let run = "天".repeat(500);
        assert_eq!(lead_phrase(&run), "天".repeat(LABEL_COLUMNS));
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
    fn a_list_item_of_one_long_word_shows_the_word_cut_not_its_bullet_alone() {
        assert_eq!(
            fit_label("• arm64_32-apple-watchos", 16),
            "• arm64_32-appl…"
        );
        assert_eq!(fit_label("— supercalifragilistic", 10), "— superca…");
        // A readable word kept whole is still preferred to a cut one.
        assert_eq!(fit_label("• watchOS arm64_32-apple", 16), "• watchOS…");
    }

    #[test]
    fn a_number_alone_is_a_bare_number() {
        assert!(
            is_bare_number("XII.") && is_bare_number("Article 5") && !is_bare_number("Part One")
        );
        // An ordinal is a number too, so "Artigo 22ª." reads as "Artigo 23." does.
        assert!(is_bare_number("Artigo 22ª.") && is_bare_number("Capítulo 1º"));
        assert!(!is_bare_number("ª."), "a mark alone");
    }

    #[test]
    fn a_chinese_or_japanese_label_goes_on_to_a_second_row_rather_than_cut_a_run() {
        let rows = |label: &str, heading: bool, width: usize| label_rows(label, heading, width);
        // The chapter title is kept whole on two rows, its runs never cut.
        assert_eq!(
            rows("第一○回 老龍王拙計犯天條 魏丞相遺書託冥吏", true, 24),
            ["第一○回 老龍王拙計犯天條", "魏丞相遺書託冥吏"]
        );
        // What two rows cannot hold is left off after a whole run.
        assert_eq!(
            rows("第一○回 老龍王拙計犯天條 魏丞相遺書託冥吏", true, 20),
            ["第一○回", "老龍王拙計犯天條…"]
        );
        // Runs break after their punctuation; parts keep their separator at a row's end.
        assert_eq!(
            rows("第一回：宴桃園豪傑三結義，斬黃巾英雄首立功", true, 26),
            ["第一回：宴桃園豪傑三結義，", "斬黃巾英雄首立功"]
        );
        // A label of topics that lost whole topics stays one row; a heading's title does not.
        assert_eq!(
            rows("ジョバンニ · 活版所 · カムパネルラ", false, 16),
            ["ジョバンニ…"]
        );
        assert_eq!(
            rows("ジョバンニ · 活版所 · カムパネルラ", true, 16),
            ["ジョバンニ ·", "活版所…"]
        );
        // No row ends on an opening bracket or starts with a closing one.
        assert_eq!(
            rows("「きっと、そうか。」と老婆は云った", false, 16),
            ["「きっと、", "そうか。」…"]
        );
        // A run wider than a row goes on between two characters, as wrapped text does.
        assert_eq!(
            rows("滾滾長江東逝水浪花淘盡英雄", false, 16),
            ["滾滾長江東逝水浪", "花淘盡英雄"]
        );
        // Anything that fits, and any label in a spaced script, stays one row as before.
        assert_eq!(rows("活版所", false, 16), ["活版所"]);
        assert_eq!(
            rows("America Should Be More Sincere", false, 20),
            ["America Should Be…"]
        );
    }
}
