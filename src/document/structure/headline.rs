//! The headline of a web page copied as text. The page's first line is often its window title
//! ("Sweden drops rape investigation - BBC News") or the site's name ("Quanta Magazine"); the
//! article's own headline stands over it further down, just above the byline or the date, or
//! says the window title's words again. That headline names the document.

use super::chrome::{is_chrome_phrase, size_up_to};
use super::matter::ends_sentence;
use super::shape::Shaped;
use super::title::{has_date, is_byline_text};
use crate::document::{Block, BlockKind, Fold};

/// How many blocks above the article's first sentence the headline is looked for in.
const HEADLINE_REACH: usize = 16;

/// A line that could be a headline: a few words on a line or two, no button, no date.
fn headline_like(raw: &impl Shaped, block: &Block) -> bool {
    let words = size_up_to(&block.text, 26);
    matches!(
        block.kind,
        BlockKind::Paragraph | BlockKind::Heading | BlockKind::Leftover | BlockKind::Title
    ) && raw.line_count() <= 2
        && (3..=25).contains(&words)
        && !raw.menu()
        && !is_chrome_phrase(&block.text)
        && !has_date(&block.text)
        && !is_byline_text(&block.text)
}

/// A byline or a dateline: what a headline stands over.
fn byline_or_date(block: &Block) -> bool {
    let words = size_up_to(&block.text, 13);
    is_byline_text(&block.text)
        || words <= 12 && has_date(&block.text) && !ends_sentence(&block.text)
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Most of the headline's words are in the window title (which adds the site's name).
fn says_again(headline: &str, title: &str) -> bool {
    let headline = words(headline);
    let title = words(title);
    let shared = headline.iter().filter(|w| title.contains(w)).count();
    !headline.is_empty() && shared * 5 >= headline.len() * 4
}

/// Make the headline near the article's first sentence (`body`) the title, and fold what was
/// taken for the title before it (the window title, the site's name) as furniture. When the
/// page opens with a window title of some words, the headline is the line that says them
/// again; when it opens with a name or nothing, the line set over the byline or the date. The
/// byline and date under the headline are kept as such.
pub(super) fn mark_headline(raws: &[impl Shaped], blocks: &mut [Block], body: usize) {
    let titles: Vec<usize> = (0..body)
        .filter(|&i| blocks[i].kind == BlockKind::Title)
        .collect();
    let window = match titles.as_slice() {
        [] => blocks
            .first()
            .filter(|_| raws.first().is_some_and(|r| r.line_count() == 1))
            .map(|b| b.text.clone())
            .unwrap_or_default(),
        some => some
            .iter()
            .map(|&t| blocks[t].text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    };
    let named = size_up_to(&window, 4) >= 4;
    let reach = body.saturating_sub(HEADLINE_REACH);
    let found = (reach..body).rev().find(|&i| {
        if titles.contains(&i) || !headline_like(&raws[i], &blocks[i]) {
            return false;
        }
        if named {
            says_again(&blocks[i].text, &window)
        } else {
            blocks[i + 1..body.min(i + 3)].iter().any(byline_or_date)
        }
    });
    let Some(headline) = found else {
        return;
    };
    // Only a title above the headline gives way to it.
    if titles.iter().any(|&t| t > headline) {
        return;
    }
    for &t in &titles {
        blocks[t].fold_as(Fold::Furniture);
    }
    blocks[headline].kind = BlockKind::Title;
    blocks[headline].level = 0;
    for block in blocks[headline + 1..body].iter_mut() {
        if byline_or_date(block) {
            block.kind = BlockKind::Byline;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::document::BlockKind::{self, *};
    use crate::document::Document;
    use crate::document::structure::matter::tests::PROSE;

    fn kinds_and_title(text: &str) -> (String, Vec<BlockKind>) {
        let doc = Document::from_text(text, "page.txt");
        (doc.name, doc.blocks.iter().map(|b| b.kind).collect())
    }

    #[test]
    fn the_headline_over_the_byline_beats_the_sites_name() {
        let text = format!(
            "Example Magazine\n\nPhysics\nBiology\nComputer Science\n\nShare\n\nComments\n\nCells That Taste Danger Set Off Immune Responses\n\nBy Carrie Arnold\n\nNovember 15, 2019\n\n{PROSE}\n\n{PROSE}\n\nPrivacy policy\nCookie policy\nTerms & conditions"
        );
        let (name, kinds) = kinds_and_title(&text);
        assert_eq!(name, "Cells That Taste Danger Set Off Immune Responses");
        assert_eq!(kinds[0], Leftover, "{kinds:?}");
        assert_eq!(&kinds[4..7], &[Title, Byline, Byline], "{kinds:?}");
    }

    #[test]
    fn a_window_title_gives_way_to_the_headline_it_repeats() {
        let text = format!(
            "Sweden drops rape investigation - Example News\n\nSkip to content\nNews\nSport\nWeather\n\nShare this with Facebook\n\nSweden drops rape investigation\n\nA caption under a picture\n\n{PROSE}\n\n{PROSE}\n\nShare this with Email\n\nPrivacy policy\nCookie policy\nTerms & conditions"
        );
        let (name, _) = kinds_and_title(&text);
        assert_eq!(name, "Sweden drops rape investigation");
    }

    #[test]
    fn a_text_without_furniture_keeps_its_first_line_for_title() {
        let text =
            format!("A Plain Essay\n\nOn Walking Home Late\n\nBy A. Writer\n\n{PROSE}\n\n{PROSE}");
        let (name, _) = kinds_and_title(&text);
        assert_eq!(name, "A Plain Essay");
    }
}
