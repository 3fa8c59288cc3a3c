//! The lines that open a text above its body: the title (and a subtitle under it), the byline
//! and dateline, and a note on the author at the start or the end. Each is recognised by its
//! place and its form, with general rules; what is not one of them is left to the body and to
//! the furniture pass.

use super::heading::Form;
use super::matter::{ends_sentence, is_gutenberg_marker};
use super::raw::Raw;
use super::shape::Shaped;
use crate::document::{Block, BlockKind, Fold};

/// How many blocks from the start a distributor's header is looked for in.
const HEADER_BLOCKS: usize = 60;

/// The title a text's header declares in a "Title:" field: in Project Gutenberg's header
/// (before its START marker), or in a memo's header of fields (a PEP's first block). A field
/// that goes on over indented lines goes on in a memo; in a book's header those lines are the
/// edition's subtitle and series, not its name.
pub(super) fn declared_title(raws: &[Raw<'_>]) -> Option<String> {
    let head = &raws[..raws.len().min(HEADER_BLOCKS)];
    let (candidates, continued) = match head.iter().position(|r| is_gutenberg_marker(r, "START OF"))
    {
        Some(start) => (&head[..start], false),
        None => (&head[..head.len().min(1)], true),
    };
    candidates
        .iter()
        .filter(|r| !continued || r.front_fields())
        .find_map(|raw| title_field(raw, continued))
}

/// The value of a block's "Title:" line, and its indented continuation lines when `continued`.
fn title_field(raw: &Raw<'_>, continued: bool) -> Option<String> {
    let mut lines = raw.lines().skip_while(|l| !l.starts_with("Title:"));
    let first = lines.next()?.strip_prefix("Title:")?.trim();
    let mut title = first.to_string();
    if continued {
        for more in lines.take_while(|l| l.starts_with([' ', '\t'])) {
            title.push(' ');
            title.push_str(more.trim());
        }
    }
    (!title.is_empty()).then_some(title)
}

/// Words of a title, compared without case or punctuation: "ALICE’S ADVENTURES" and
/// "Alice's Adventures" are the same title.
fn title_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The text's own title line when its header declares one: the first of the opening blocks
/// that gives the declared title (or its first part, "MOBY-DICK;" of "Moby-Dick; or The
/// Whale"). What stands between the header and it is the distributor's front matter
/// (production credits, "An Anonymous Volunteer, and David Widger"). Returns whether a title
/// was marked.
pub(super) fn mark_declared_title(blocks: &mut [Block], declared: Option<&str>) -> bool {
    let Some(declared) = declared.map(title_words).filter(|w| !w.is_empty()) else {
        return false;
    };
    let Some(first) = blocks.iter().position(|b| b.kind != BlockKind::Leftover) else {
        return false;
    };
    let found = (first..blocks.len().min(first + 8)).find(|&i| {
        let words = title_words(&blocks[i].text);
        matches!(blocks[i].kind, BlockKind::Paragraph | BlockKind::Heading)
            && !words.is_empty()
            && (words == declared || words.len() >= 2 && declared.starts_with(&words))
    });
    let Some(title) = found else {
        return false;
    };
    for block in &mut blocks[first..title] {
        if block.kind != BlockKind::Leftover {
            block.fold_as(Fold::FrontMatter);
        }
    }
    blocks[title].kind = BlockKind::Title;
    blocks[title].level = 0;
    true
}

/// The first short line that stands alone before the body is the title: a plain line, or the
/// only top-level heading. Page headers laid out in columns (code blocks) are passed over, and
/// so is an e-text's production credit ("Produced by …"): it names who made the file, not the
/// work, and a book saved without its licence header opens with one.
pub(super) fn mark_title(raws: &[impl Shaped], blocks: &mut [Block]) {
    let top_headings = blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Heading && b.level == 1)
        .count();
    let Some(first) = blocks.iter().position(|b| {
        b.kind != BlockKind::Leftover
            && (b.kind != BlockKind::Code || is_centred_line(&b.text))
            && !super::matter::is_production_credit(&b.text)
    }) else {
        return;
    };
    if first + 1 >= blocks.len() {
        return;
    }
    let candidate = &blocks[first];
    let candidate_is_code = candidate.kind == BlockKind::Code;
    let words = candidate.text.split_whitespace().count();
    // A title is a line or two, short on screen too: a hard-wrapped paragraph of ideographs
    // has few spaces but is no title.
    let short = raws[first].line_count() <= 2 && crate::text::display_width(&candidate.text) <= 100;
    let usable = match candidate.kind {
        BlockKind::Paragraph => {
            short && !ends_sentence(&candidate.text) && !candidate.text.ends_with(',')
        }
        // A line centred over the text by spaces ("           DOMAIN NAMES").
        BlockKind::Code => short && !ends_sentence(&candidate.text),
        BlockKind::Heading => {
            !matches!(
                raws[first].form(),
                Some(Form::Numbered(_) | Form::Division(_))
            ) && candidate.level <= 2
                && top_headings <= 1
        }
        _ => false,
    };
    if usable && (1..=20).contains(&words) {
        blocks[first].kind = BlockKind::Title;
        blocks[first].level = 0;
        if candidate_is_code {
            blocks[first].text = blocks[first].text.trim().to_string();
        }
    }
}

/// One line set off by indentation alone, with no columns in it: a centred title, not a page
/// header or a table.
fn is_centred_line(text: &str) -> bool {
    let line = text.trim();
    let indent = text.len() - text.trim_start().len();
    !line.is_empty() && !line.contains('\n') && !super::lines::has_column_gap(line) && indent >= 4
}

/// A short line between the title and the byline ("or, THE WHALE.", a web page's deck) is the
/// title's second part: it is marked as a title block too, so it is kept with the title
/// instead of being folded as furniture. Only where a byline follows, since a short first
/// paragraph after a title is otherwise as likely the body's opening.
pub(super) fn mark_subtitle(raws: &[impl Shaped], blocks: &mut [Block]) {
    let Some(title) = blocks.iter().position(|b| b.kind == BlockKind::Title) else {
        return;
    };
    let next = title + 1;
    let Some(candidate) = blocks.get(next) else {
        return;
    };
    let words = candidate.text.split_whitespace().count();
    let numbered = matches!(
        raws[next].form(),
        Some(Form::Numbered(_) | Form::Division(_))
    );
    let short = raws[next].line_count() == 1
        && (1..=SUBTITLE_WORDS).contains(&words)
        && !candidate.text.ends_with(['!', '?', ':', ','])
        && !is_byline_text(&candidate.text)
        && !is_bare_name(&candidate.text)
        && !has_date(&candidate.text);
    let usable = matches!(candidate.kind, BlockKind::Paragraph | BlockKind::Heading) && !numbered;
    let byline_follows = blocks
        .get(next + 1)
        .is_some_and(|b| is_byline_text(&b.text) || is_bare_name(&b.text));
    if usable && short && byline_follows {
        blocks[next].kind = BlockKind::Title;
        blocks[next].level = 0;
    }
}

/// The most words a subtitle has.
const SUBTITLE_WORDS: usize = 12;

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    // The months of the other languages whose pages quire reads most (Portuguese, Spanish,
    // Italian, German, French, Indonesian), where they are no English word ("mars" is one).
    "janeiro",
    "fevereiro",
    "março",
    "maio",
    "junho",
    "julho",
    "agosto",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "gennaio",
    "febbraio",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "settembre",
    "ottobre",
    "dicembre",
    "januar",
    "februar",
    "märz",
    "mai",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "janvier",
    "février",
    "avril",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "januari",
    "februari",
    "maret",
    "mei",
    "agustus",
    "desember",
];

/// "18 Nov 2019", "November 18, 2019", "2019-11-18", "18.11.2019", "11/20/2019", "2 days ago".
///
/// Asked of most short lines of every text (headings, bylines, furniture), so it looks at
/// each word once, lower-cases only a word that may be a month's name, and passes over a
/// line without a digit at once: every form holds a number.
pub fn has_date(text: &str) -> bool {
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let (mut month, mut year, mut number, mut numeric_date, mut ago) =
        (false, false, false, false, false);
    let mut after_number = false;
    let words = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == '|' || c == '/')
        .filter(|w| !w.is_empty());
    for word in words {
        let all_digits = word.bytes().all(|b| b.is_ascii_digit());
        month = month || is_month(word.trim_end_matches('.'));
        year = year || is_year(word);
        number = number || all_digits;
        numeric_date = numeric_date || is_numeric_date(word);
        ago = ago
            || after_number
                && ["days", "hours", "minutes", "weeks", "day", "hour"]
                    .iter()
                    .any(|unit| lower_is(word, unit));
        after_number = all_digits;
    }
    // "11/20/2019": the slashes part the words above, so the form is looked for whole.
    let slashed = || {
        text.split(|c: char| c.is_whitespace() || c == ',' || c == '|')
            .any(|word| word.contains('/') && is_numeric_date(word))
    };
    (month && (year || number)) || numeric_date || ago || slashed()
}

/// A year of the last century or this one: "1998", "2019".
fn is_year(word: &str) -> bool {
    word.len() == 4
        && word.bytes().all(|b| b.is_ascii_digit())
        && (word.starts_with("19") || word.starts_with("20"))
}

/// Three numbers, one of them a year, joined by "-", "." or "/": "2019-11-18", "18.11.2019",
/// "11/20/2019".
fn is_numeric_date(word: &str) -> bool {
    let mut parts = word.split(['-', '.', '/']);
    let three: Vec<&str> = parts.by_ref().take(4).collect();
    three.len() == 3
        && three
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        && three.iter().any(|p| is_year(p))
}

/// The longest month name in [`MONTHS`], in bytes.
const LONGEST_MONTH: usize = {
    let mut longest = 0;
    let mut i = 0;
    while i < MONTHS.len() {
        if MONTHS[i].len() > longest {
            longest = MONTHS[i].len();
        }
        i += 1;
    }
    longest
};

/// Whether `line` opens on a day of a month, as a schedule's entry does: "June 9 -- Coral Sky
/// Amphitheatre", "Sept. 12: Shoreline", "9 June", "10 de março", "12/09/2019".
pub(super) fn opens_on_a_day(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let (Some(first), second, third) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    let day = |word: &str| {
        let digits = word.bytes().take_while(u8::is_ascii_digit).count();
        (1..=2).contains(&digits)
            && word[digits..]
                .trim_end_matches([',', '.', ':', '-'])
                .chars()
                .count()
                <= 2
    };
    let month = |word: &str| is_month(word.trim_end_matches(['.', ',', ':']));
    let numeric = first.contains(['/', '.', '-']) && is_numeric_date(first);
    // "10 de março", "3 of May": the day, a joining word, the month.
    let joined = |word: &str| matches!(word, "de" | "of") && third.is_some_and(month);
    numeric
        || month(first) && second.is_some_and(day)
        || day(first) && second.is_some_and(|w| month(w) || joined(w))
}

/// Whether `word` is a month's name in any case.
fn is_month(word: &str) -> bool {
    if word.len() > 2 * LONGEST_MONTH || !word.chars().next().is_some_and(char::is_alphabetic) {
        return false;
    }
    if word.is_ascii() {
        MONTHS
            .iter()
            .any(|m| m.len() == word.len() && m.eq_ignore_ascii_case(word))
    } else {
        MONTHS.contains(&word.to_lowercase().as_str())
    }
}

/// Whether `word` lower-cased is `lower`, lower-casing only what is not ASCII.
fn lower_is(word: &str, lower: &str) -> bool {
    if word.is_ascii() {
        word.eq_ignore_ascii_case(lower)
    } else {
        word.to_lowercase() == lower
    }
}

pub(super) fn is_byline_text(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let lower = text.to_lowercase();
    (lower.starts_with("by ") || lower.starts_with("written by ") || lower.starts_with("author:"))
        && words <= 12
        && !is_by_doing(text)
}

/// "By subscribing I accept the terms of use", "By clicking Sign up you agree…": a form's
/// note on what a click means, not a name. Its second word is a verb in "-ing", in lower case,
/// where a byline has a name.
fn is_by_doing(text: &str) -> bool {
    let mut words = text.split_whitespace();
    words.next().is_some_and(|w| w.eq_ignore_ascii_case("by"))
        && words.next().is_some_and(|w| {
            w.len() > 4 && w.ends_with("ing") && w.chars().all(|c| c.is_ascii_lowercase())
        })
}

/// A name standing alone right under a title ("Lewis Carroll", "H. G. Wells"): two to four
/// capitalised words, no digits, no sentence.
fn is_bare_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            let mut chars = w.chars();
            chars.next().is_some_and(char::is_uppercase)
                && chars.all(|c| c.is_lowercase() || matches!(c, '.' | '-' | '\'' | '’'))
        })
        && !text.ends_with(['!', '?'])
        && words
            .iter()
            .filter(|w| w.ends_with('.'))
            .all(|w| w.chars().count() <= 2)
}

/// Just after the title: a short "By …" line (the byline) and a short line carrying a date
/// (the dateline, shown with the byline).
pub(super) fn mark_byline_and_dateline(blocks: &mut [Block]) {
    let Some(title) = blocks.iter().position(|b| b.kind == BlockKind::Title) else {
        return;
    };
    let mut seen = 0;
    for block in blocks[title + 1..].iter_mut() {
        // Folded furniture, and the title's second part, come before the byline uncounted.
        if matches!(block.kind, BlockKind::Leftover | BlockKind::Title) {
            continue;
        }
        seen += 1;
        // "By Herman Melville" standing alone looks like a heading, but names the author; so
        // does a bare name right under the title.
        let by_line_heading = block.kind == BlockKind::Heading
            && (is_byline_text(&block.text)
                || seen == 1
                    && is_bare_name(&block.text)
                    && super::heading::division(&block.text).is_none());
        if seen > 5 || block.kind != BlockKind::Paragraph && !by_line_heading {
            if block.kind == BlockKind::Paragraph && ends_sentence(&block.text) {
                break;
            }
            continue;
        }
        let words = block.text.split_whitespace().count();
        // A sentence ends the search; a short subtitle ("or, THE WHALE.") does not.
        if block.kind == BlockKind::Paragraph
            && ends_sentence(&block.text)
            && words > 5
            && !is_byline_text(&block.text)
        {
            break;
        }
        if is_byline_text(&block.text)
            || (seen == 1 && is_bare_name(&block.text))
            || (words <= 12 && has_date(&block.text) && !ends_sentence(&block.text))
        {
            block.kind = BlockKind::Byline;
        }
    }
}

/// A paragraph naming the author at the start of the body or among the last ones
/// ("The author is …").
pub(super) fn mark_author_note(blocks: &mut [Block]) {
    let body: Vec<usize> = (0..blocks.len())
        .filter(|&i| blocks[i].kind == BlockKind::Paragraph)
        .collect();
    if body.len() < 2 {
        return;
    }
    let tail = body.len().saturating_sub(6).max(1);
    for &i in body[..1].iter().chain(&body[tail..]) {
        let lower = blocks[i].text.to_lowercase();
        let words = blocks[i].text.split_whitespace().count();
        let openers = [
            "the author ",
            "the authors ",
            "the writer ",
            "about the author",
            "author:",
        ];
        if words <= 60
            && (openers.iter().any(|o| lower.starts_with(o)) || is_byline_text(&blocks[i].text))
        {
            blocks[i].kind = BlockKind::Byline;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::document::BlockKind::*;
    use crate::document::structure::matter::tests::{PROSE, kinds};

    #[test]
    fn a_schedule_line_opens_on_a_day_and_a_sentence_does_not() {
        use super::opens_on_a_day;
        for line in [
            "June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL",
            "Sept. 12 -- Shoreline Amphitheatre, Mountain View, CA",
            "Oct 3: Ak-Chin Pavilion",
            "9 June: the final",
            "10 de março – Interlagos",
            "12/09/2019 Results posted",
            "3rd May - the second round",
        ] {
            assert!(opens_on_a_day(line), "{line}");
        }
        for line in [
            "June was the wettest month on record.",
            "May the best team win",
            "9 people were hurt",
            "Chapter 9 -- The Storm",
            "2020 tour dates",
        ] {
            assert!(!opens_on_a_day(line), "{line}");
        }
    }

    #[test]
    fn a_wrapped_paragraph_of_ideographs_is_not_the_title() {
        let para = "蓋聞天地之數，有十二萬九千六百歲為一元。將一元分為十二會，乃子、丑、寅\n卯、辰、巳、午、未、申、酉、戌、亥之十二支也。每會該一萬八百歲。且就\n一日而論：子時得陽氣，而丑則雞鳴﹔寅不通光，而卯則日出﹔辰時食後，而巳";
        let got = kinds(&format!("{para}\n\n{PROSE}"));
        assert_eq!(got[0], Paragraph, "{got:?}");
        // A short two-line title and author block still is one.
        let got = kinds(&format!("羅生門\n芥川龍之介\n\n{PROSE}\n\n{PROSE}"));
        assert_eq!(got[0], Title, "{got:?}");
    }

    /// The definition `has_date` had before it was made quick (with the slashed form since
    /// added), kept to check it against.
    fn has_date_as_defined(text: &str) -> bool {
        let lower = text.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| c.is_whitespace() || c == ',' || c == '|' || c == '/')
            .filter(|w| !w.is_empty())
            .collect();
        let year = |w: &str| {
            w.len() == 4
                && w.chars().all(|c| c.is_ascii_digit())
                && (w.starts_with("19") || w.starts_with("20"))
        };
        let month = words
            .iter()
            .any(|w| super::MONTHS.contains(&w.trim_end_matches('.')));
        let any_year = words.iter().any(|w| year(w));
        let numeric_date = words.iter().any(|w| {
            let parts: Vec<&str> = w.split(['-', '.']).collect();
            parts.len() == 3
                && parts
                    .iter()
                    .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
                && parts.iter().any(|p| year(p))
        });
        let ago = words.windows(2).any(|p| {
            p[0].chars().all(|c| c.is_ascii_digit())
                && ["days", "hours", "minutes", "weeks", "day", "hour"].contains(&p[1])
        });
        // Three numbers joined by slashes, one a year ("11/20/2019"), taken whole.
        let slashed = lower
            .split(|c: char| c.is_whitespace() || c == ',' || c == '|')
            .any(|w| {
                let parts: Vec<&str> = w.split(['-', '.', '/']).collect();
                w.contains('/')
                    && parts.len() == 3
                    && parts
                        .iter()
                        .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
                    && parts.iter().any(|p| year(p))
            });
        (month && (any_year || words.iter().any(|w| w.chars().all(|c| c.is_ascii_digit()))))
            || numeric_date
            || ago
            || slashed
    }

    proptest::proptest! {
        // Failures are kept with the tests, not at the top of the repository.
        #![proptest_config(proptest::prelude::ProptestConfig {
            failure_persistence: Some(Box::new(
                proptest::test_runner::FileFailurePersistence::SourceParallel(
                    "tests/proptest-regressions"
                )
            )),
            ..proptest::prelude::ProptestConfig::default()
        })]

        #[test]
        fn has_date_says_what_its_definition_says(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "2019", "18", "1999", "3", "2019-11-18", "18.11.2019", "1.2.3", "20-1-2", "11/20/2019", "1/2/3",
                    "November", "NOV.", "nov", "März", "MÄRZ", "Août", "décembre", "Maret",
                    "days", "DAYS", "hour", "ago", "Posted", "by", "Chapter", "I.", "x",
                    "2019.", "-", ".", "", "İ", "septembre", "Sept.", "sept",
                ]),
                0..8,
            ),
            separators in proptest::collection::vec(
                proptest::sample::select(vec![" ", ", ", "|", "/", "  ", "\t", "-"]),
                8,
            ),
        ) {
            let mut text = String::new();
            for (word, separator) in words.iter().zip(&separators) {
                text.push_str(word);
                text.push_str(separator);
            }
            proptest::prop_assert_eq!(super::has_date(&text), has_date_as_defined(&text), "{:?}", text);
        }
    }

    #[test]
    fn a_production_credit_over_a_book_is_not_its_title() {
        let text = "\n\nProduced by Anna Example, and the Online Proofreading Team\n\n\n\n\
                    THE LIGHTHOUSE KEEPER\n\nBy Jane Doe\n\n\n\
                    CHAPTER I.\n\nThe lamp was lit at dusk, as it had been every night for \
                    forty years, and the keeper climbed down to his supper.\n\n\
                    CHAPTER II.\n\nMorning came grey over the rocks.\n";
        let doc = crate::document::Document::from_text(text, "keeper.txt");
        assert_eq!(doc.name, "THE LIGHTHOUSE KEEPER");
        // Shown all the same: it is not furniture at the edge of a licence here.
        let credit = doc
            .blocks
            .iter()
            .find(|b| b.text.starts_with("Produced by"))
            .unwrap();
        assert_ne!(credit.kind, crate::document::BlockKind::Title);
    }

    #[test]
    fn a_bare_name_under_the_title_past_a_subtitle_is_the_byline() {
        let body = "Alice was beginning to get very tired of sitting by her sister on the bank.\n\nShe had peeped into the book her sister was reading, but it had no pictures.";
        let text =
            format!("ALICE IN WONDERLAND\n\nLewis Carroll\n\nTHE FULCRUM EDITION 3.0\n\n{body}");
        assert_eq!(kinds(&text)[..2], [Title, Byline]);
        let text = format!("MOBY-DICK;\n\nor, THE WHALE.\n\nBy Herman Melville\n\n{body}");
        assert_eq!(kinds(&text)[..3], [Title, Title, Byline]);
        // A short sentence or a phrase in capitals is no name.
        let text = format!("A Title Here\n\nIt Was Late.\n\n{body}");
        assert_ne!(kinds(&text)[1], Byline);
    }

    #[test]
    fn a_short_line_between_title_and_byline_is_the_subtitle() {
        let body = "Alice was beginning to get very tired of sitting by her sister on the bank.\n\nShe had peeped into the book her sister was reading, but it had no pictures.";
        let text = format!("The Long Way Home\n\nA Story of the Sea\n\nLewis Carroll\n\n{body}");
        assert_eq!(kinds(&text)[..4], [Title, Title, Byline, Paragraph]);
        // Without a byline after it, a short line under the title is the body's opening.
        let text = format!("The Long Way Home\n\nA Story of the Sea\n\n{body}");
        assert_ne!(kinds(&text)[1], Title);
        // Nor is a numbered heading a subtitle, nor a division's name a byline.
        let text = format!("The Long Way Home\n\nChapter 1\n\nBy Lewis Carroll\n\n{body}");
        assert_ne!(kinds(&text)[1], Title);
        let text = format!("The Long Way Home\n\nPart One\n\n{body}");
        assert_eq!(kinds(&text)[..2], [Title, Heading]);
    }

    #[test]
    fn byline_and_dateline_after_the_title() {
        let text = format!(
            "City Budget Passes\n\nBy Jane Smith\n\nMon 18 Nov 2019 18.54 GMT\n\n{PROSE}\n\n{PROSE}"
        );
        assert_eq!(
            kinds(&text),
            vec![Title, Byline, Byline, Paragraph, Paragraph]
        );
    }

    #[test]
    fn dates_are_recognised() {
        assert!(super::has_date("November 18, 2019"));
        assert!(super::has_date(
            "segunda-feira, 22 de janeiro de 2018 às 0:13"
        ));
        assert!(super::has_date("Posted on Maret 30, 2015 by Admin"));
        assert!(super::has_date("19. März 2019"));
        assert!(!super::has_date("Mars 2020 lands on the red planet"));
        assert!(super::has_date("2019-11-18 10:00"));
        assert!(super::has_date("Catherine Shu / 2 days"));
        assert!(!super::has_date("Six Consensus points"));
        // Slashes part a date's numbers as often as dashes and dots do.
        assert!(super::has_date("By REUTERS 11/19/2019 06:39 PM"));
        assert!(super::has_date("Carlos Nadalim 27/09/2018 Comente!"));
        assert!(!super::has_date(
            "Mix 1/2 cup of flour and/or 3/4 of the milk"
        ));
    }

    #[test]
    fn a_forms_note_on_what_a_click_means_is_no_byline() {
        assert!(!super::is_byline_text(
            "By subscribing I accept the terms of use"
        ));
        assert!(!super::is_byline_text(
            "By clicking Sign up, you agree to our terms"
        ));
        assert!(super::is_byline_text("By Tariq Malik"));
        assert!(super::is_byline_text("By the Associated Press"));
        assert!(super::is_byline_text("by JERUSALEM POST STAFF"));
    }
}
