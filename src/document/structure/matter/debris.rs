//! Web-scrape debris in a text that shows page furniture: where the article is (the run of
//! blocks where prose outweighs furniture most, widened over the sentences next to it), and
//! what around and inside it is folded (menus, share rows, captions, comments, teasers, a copy
//! of the article said again). Nothing is deleted.

use std::collections::HashMap;

use super::super::chrome::{
    TimeAgo, ends_with_credit, has_cue, is_caption_label, is_chrome_phrase, is_comment_head,
    is_cookie_notice, is_flattened_menu, size_up_to,
};
use super::super::heading::numbered;
use super::super::shape::Shaped;
use super::super::title::has_date;
use super::{ends_sentence, is_contents_entry, is_figure};
use crate::document::{Block, BlockKind, Fold};
use crate::text::sentences::is_sentence_stop;

/// Long punctuated text, or a table of figures: the body. An entry of a table of contents ("CHAPTER 56. Of the Less
/// Erroneous Pictures of Whales, and the True Pictures of Whaling Scenes.") is not, however long.
pub(super) fn is_prose(raw: &impl Shaped, block: &Block) -> bool {
    // Rows of figures kept as lines are the article's table, as they were run together.
    let table = block.kind == BlockKind::Code && raw.table_of_figures();
    (matches!(
        block.kind,
        BlockKind::Paragraph | BlockKind::Quote | BlockKind::ListItem
    ) || table)
        && size_up_to(&block.text, 15) >= 15
        && (block.text.contains(is_sentence_stop)
            || raw.table_of_figures()
            || runs_as_unmarked_sentences(&block.text))
        && !raw.menu()
        // A table keeps its rows apart: it is no menu run together, however many of its
        // words are capitalised (countries and their groups).
        && (table || !is_flattened_menu(&block.text))
        && !TimeAgo::of(&block.text).is_not_article()
        && !is_contents_entry(block)
        && !is_cookie_notice(&block.text)
}

/// The letters of Thai and Lao, scripts that mark no end of a sentence: a space parts their
/// sentences and clauses, and no space parts their words.
fn is_unmarked_script(c: char) -> bool {
    matches!(u32::from(c), 0x0E00..=0x0EFF)
}

/// Prose in a script that marks no end of a sentence (Thai, Lao): 120 of its letters or more
/// (about 30 words), most of the block's letters, in pieces between spaces of 12 letters or
/// more on average, as sentences and clauses run. A menu or a row of tags parts every word
/// or two with a space; a headline is one piece, and short.
fn runs_as_unmarked_sentences(text: &str) -> bool {
    let (mut unmarked, mut letters, mut pieces) = (0usize, 0usize, 0usize);
    for piece in text.split_whitespace() {
        let count = piece.chars().filter(|&c| is_unmarked_script(c)).count();
        unmarked += count;
        letters += piece.chars().filter(|c| c.is_alphabetic()).count();
        pieces += usize::from(count > 0);
    }
    unmarked >= 120 && unmarked * 2 > letters && unmarked >= pieces * 12
}

/// A long sentence its writer left without a stop ("Defeating Weibo Gaming 3-0 in front of a
/// full-house home crowd at the Gocheok Sky Dome in Seoul, the same roster … finally redeemed
/// themselves"): 25 words or more, most of them in lower case as a sentence's words are. A
/// menu, a row of tags or a headline capitalises most of its words, and few run so long.
/// Asked only inside the article: a promotion beside it may run as long.
fn is_unstopped_sentence(text: &str) -> bool {
    if size_up_to(text, 25) < 25 || text.len() > 2_000 {
        return false;
    }
    let (mut lettered, mut lower) = (0usize, 0usize);
    for word in text.split_whitespace() {
        if let Some(first) = word.chars().find(|c| c.is_alphanumeric())
            && first.is_alphabetic()
        {
            lettered += 1;
            lower += usize::from(first.is_lowercase());
        }
    }
    lower * 5 >= lettered * 3
}

/// The article on a web page: the run of blocks where prose outweighs furniture most, as body
/// text extractors find it (each prose block adds its words; every other block takes some
/// away, a menu or cue line more; what a sentence introduces, nothing), widened over single
/// stray blocks and boxes of short links. Prose outside the run — an author's bio past the
/// comment form, a cookie notice — is page furniture too. Returns the first and last prose
/// blocks in it.
fn article_span(
    raws: &[impl Shaped],
    blocks: &[Block],
    prose: &[bool],
    repeated: &[bool],
    introduced: &[bool],
) -> Option<(usize, usize)> {
    let weight = |i: usize| -> i64 {
        let block = &blocks[i];
        if prose[i] {
            return size_up_to(&block.text, 10_000) as i64;
        }
        match block.kind {
            // What a sentence introduces weighs neither way, whatever its shape.
            _ if introduced[i] => 0,
            BlockKind::Title | BlockKind::Byline => 0,
            _ if repeated[i]
                || raws[i].menu()
                || is_flattened_menu(&block.text)
                || is_cookie_notice(&block.text)
                || TimeAgo::of(&block.text).is_not_article()
                || size_up_to(&block.text, 26) <= 25 && has_cue(&block.text) =>
            {
                -30
            }
            // A figure alone ("$915", "600", "’17") is a label of a chart or a cell of a
            // table set in the article, a line per label as a copied page gives them: no
            // menu is made of numbers. It weighs neither way, so a chart does not part the
            // article around it.
            _ if is_figure_line(&block.text) => 0,
            _ => -10,
        }
    };
    let (mut best, mut best_range) = (0i64, None);
    let (mut sum, mut start) = (0i64, 0usize);
    for i in 0..blocks.len() {
        if sum <= 0 {
            sum = 0;
            start = i;
        }
        sum += weight(i);
        if sum > best {
            best = sum;
            best_range = Some((start, i));
        }
    }
    let (from, to) = best_range?;
    let mut first = (from..=to).find(|&i| prose[i])?;
    let mut last = (from..=to).rev().find(|&i| prose[i])?;
    // One stray block (a share row, a caption) does not end the article.
    while first >= 2 && prose[first - 2] && !prose[first - 1] {
        first -= 2;
    }
    // Nor does a box set before its last paragraph: the box's name and a short link that is
    // no button ("Related Links" / "European Space Agency website"), then one paragraph. (Where
    // the article goes on for several, its weight carries the run over the box; teasers after
    // an article come several in a row.) An author's box after the article is not that: a
    // name, then a note that opens on it ("Share" / "Emiliano Bellini" / "Emiliano joined pv
    // magazine in 2017.").
    let short_line = |i: usize| !prose[i] && !raws[i].menu() && size_up_to(&blocks[i].text, 9) <= 8;
    let names_the_line_before = |i: usize| {
        let opening = blocks[i].text.split_whitespace().next().unwrap_or_default();
        blocks[i - 1]
            .text
            .split_whitespace()
            .any(|word| word == opening)
    };
    loop {
        if last + 2 < blocks.len() && prose[last + 2] && !prose[last + 1] {
            last += 2;
        } else if last + 3 < blocks.len()
            && prose[last + 3]
            && short_line(last + 1)
            && short_line(last + 2)
            && !is_chrome(&raws[last + 2], &blocks[last + 2])
            && !names_the_line_before(last + 3)
            && !prose.get(last + 4).copied().unwrap_or(false)
        {
            last += 3;
        } else {
            break;
        }
    }
    Some((first, last))
}

/// A line of figures alone, at most four: a chart's labels or a table's cells.
fn is_figure_line(text: &str) -> bool {
    (1..=4).contains(&text.split_whitespace().take(5).count())
        && text.split_whitespace().all(is_figure)
}

/// The names a list of references goes by, lower-cased, in the languages most pages are
/// written in.
const REFERENCE_HEADINGS: &[&str] = &[
    "references",
    "notes",
    "footnotes",
    "sources",
    "citations",
    "bibliography",
    "works cited",
    "notes and references",
    "references and notes",
    "einzelnachweise",
    "anmerkungen",
    "quellen",
    "références",
    "notes et références",
    "referencias",
    "notas",
    "referências",
    "note",
    "bibliografia",
    "примечания",
    "источники",
    "参考文献",
    "脚注",
    "注释",
];

/// A heading of references: one of their names, alone or with the page's edit link after
/// it ("References \[ edit \]").
fn is_references_heading(text: &str) -> bool {
    let name = match text.trim().split_once('[') {
        Some((name, rest)) if rest.trim_end().ends_with(']') => name,
        _ => text,
    };
    let name = name.trim().trim_end_matches(':').to_lowercase();
    REFERENCE_HEADINGS.contains(&name.as_str())
}

/// An entry of a list of references: marked as a note is ("^ Frankel, Theodore (2004).",
/// "↑ …", "\[12\] …"), or set as a bibliography's is, a name and a year in brackets ("Bain,
/// Carolyn (2006). New Zealand. Lonely Planet.").
fn is_reference(text: &str) -> bool {
    let text = text.trim();
    let marked = text.starts_with(['^', '↑'])
        || text
            .strip_prefix('[')
            .and_then(|rest| rest.split_once(']'))
            .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    let cited = || {
        let opening: String = text.chars().take(80).collect();
        opening.contains(',') && has_bracketed_year(&opening) && ends_sentence(text)
    };
    marked || cited()
}

/// "(2006)", "(September 26, 2017)", "(2013-02-07)": a year in brackets.
fn has_bracketed_year(text: &str) -> bool {
    text.split('(').skip(1).any(|inside| {
        let inside = inside.split(')').next().unwrap_or_default();
        inside.len() <= 24
            && inside.split(|c: char| !c.is_ascii_digit()).any(|digits| {
                digits.len() == 4 && (digits.starts_with("1") || digits.starts_with("20"))
            })
    })
}

/// The rest of a reference that a link cut in two, as a copied page sets it: what follows
/// the link's words (". The Moscow Times. Retrieved 1 May 2015.", "on 2015-04-02.").
fn is_reference_tail(text: &str) -> bool {
    let text = text.trim();
    text.starts_with(['.', ',', ';'])
        || text.starts_with(|c: char| c.is_lowercase()) && size_up_to(text, 41) <= 40
}

/// The article's references, from their heading to their last entry, when a heading of
/// references follows the article (within a few blocks: a list of links to see also may
/// come between) and two or more entries follow it.
fn references(blocks: &[Block], last: usize) -> Option<std::ops::RangeInclusive<usize>> {
    let heading = (last + 1..blocks.len().min(last + 16))
        .find(|&i| is_references_heading(&blocks[i].text))?;
    let (mut end, mut entries) = (heading, 0);
    for (i, block) in blocks.iter().enumerate().skip(heading + 1) {
        if is_reference(&block.text) {
            entries += 1;
        } else if !(entries > 0 && end + 1 == i && is_reference_tail(&block.text)) {
            break;
        }
        end = i;
    }
    (entries >= 2).then_some(heading..=end)
}

/// The questions and answers of an interview, one a paragraph, "Q: Favorite apps?" then "A:
/// Bleacher Report and Uber Eats": two pairs or more in turn. Each is short and many end no
/// sentence, as a menu's lines do, but together they are the article's own text.
pub(super) fn interview_lines(blocks: &[Block]) -> Vec<usize> {
    let turn = |block: &Block| -> Option<bool> {
        if block.kind != BlockKind::Paragraph {
            return None;
        }
        let text = block.text.trim_start();
        let asks = ["Q:", "Q."].iter().any(|mark| text.starts_with(mark));
        let answers = ["A:", "A."].iter().any(|mark| text.starts_with(mark));
        (asks || answers).then_some(asks)
    };
    let mut lines = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        // A run opens on a question, and each block after it takes the other turn: a
        // lettered list ("A. …", "B. …") or a line opening on an initial ("A. Lincoln") is
        // no interview.
        if turn(&blocks[i]) != Some(true) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < blocks.len() && turn(&blocks[end]) == Some((end - i) % 2 == 0) {
            end += 1;
        }
        if end - i >= 4 {
            lines.extend(i..end);
        }
        i = end.max(i + 1);
    }
    lines
}

/// The fewest items with a price tag that make a list of items for sale.
const LEAST_ITEMS_FOR_SALE: usize = 3;

/// The most blocks one item for sale takes: its name, a caption, its features, a note, the
/// tag.
const MOST_BLOCKS_AN_ITEM: usize = 6;

/// Items for sale one after another, as a buying guide or a shop's page sets them: each its
/// name, its features and a tag with its price on a line of its own ([`is_price_tag`]), three
/// items or more, each within a few blocks of the one before. Their short, unpunctuated lines
/// look like a menu's, but they are what the page is about. The first item is taken to open
/// as far before its tag as the second does, and never before a paragraph of prose.
pub(super) fn items_for_sale(raws: &[impl Shaped], blocks: &[Block], prose: &[bool]) -> Vec<usize> {
    let tags: Vec<usize> = (0..blocks.len()).filter(|&i| raws[i].price_tag()).collect();
    let mut items = Vec::new();
    let mut start = 0;
    while start < tags.len() {
        let mut end = start + 1;
        while end < tags.len() && tags[end] - tags[end - 1] <= MOST_BLOCKS_AN_ITEM {
            end += 1;
        }
        if end - start >= LEAST_ITEMS_FOR_SALE {
            let item_blocks = tags[start + 1] - tags[start];
            let mut first = tags[start];
            while first > 0 && tags[start] - first + 1 < item_blocks && !prose[first - 1] {
                first -= 1;
            }
            items.extend(first..=tags[end - 1]);
        }
        start = end;
    }
    items
}

/// An amount after a currency's sign or before it: "$235", "€ 40", "60,000₩", "£1.99".
pub(super) fn names_a_price(text: &str) -> bool {
    text.match_indices(CURRENCY_SIGNS).any(|(at, sign)| {
        let after = text[at + sign.len()..].trim_start_matches(' ');
        let before = text[..at].trim_end_matches(' ');
        after.starts_with(|c: char| c.is_ascii_digit())
            || before.ends_with(|c: char| c.is_ascii_digit())
    })
}

/// The currency signs a price is written with.
const CURRENCY_SIGNS: [char; 7] = ['$', '€', '£', '¥', '₹', '₩', '₽'];

/// A price and nothing else, written as a shop writes it: "$139.00", "£ 5,349", "1 299,00 €".
/// A buying guide's or a shop's tag sets it on a line of its own; a sentence or a headline
/// that names a price ("Sony's earbuds are on sale for $85") does not. The amount has cents
/// or its thousands set apart, so that a register or a variable ("$2", "$28") is no price.
pub(in crate::document) fn is_price_tag(line: &str) -> bool {
    const SPACES: [char; 3] = [' ', '\u{a0}', '\u{202f}'];
    let line = line.trim();
    let Some(amount) = line
        .strip_prefix(CURRENCY_SIGNS)
        .or_else(|| line.strip_suffix(CURRENCY_SIGNS))
        .map(|rest| rest.trim_matches(SPACES))
    else {
        return false;
    };
    let figures = amount
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.' || SPACES.contains(&c));
    // The last separator parts off cents (two digits) or a group of thousands (three).
    let last_part = amount
        .char_indices()
        .rev()
        .find(|&(_, c)| c == ',' || c == '.' || SPACES.contains(&c))
        .map(|(at, c)| amount[at + c.len_utf8()..].len());
    figures
        && amount.starts_with(|c: char| c.is_ascii_digit())
        && amount.ends_with(|c: char| c.is_ascii_digit())
        && matches!(last_part, Some(2 | 3))
}

/// A paragraph that reads as part of an article though it is short: a whole sentence (or the
/// line that introduces what follows, ending in a colon) of six words or more, with none of
/// furniture's words or forms.
fn is_lead(raw: &impl Shaped, block: &Block, repeated: bool) -> bool {
    let text = block.text.trim();
    // A statement of three words is a sentence ("That's correct," Volker said.); a line
    // that introduces what follows, or a short question, is one only at six: "You are at:"
    // heads a trail of links, "Questions?" or "Where to find me?" a box beside the article.
    let least_words = if text.ends_with([':', '：', '?', '？']) {
        6
    } else {
        3
    };
    block.kind == BlockKind::Paragraph
        && (ends_sentence(text) || text.ends_with([':', '：']))
        && size_up_to(text, 6) >= least_words
        && !repeated
        && !has_cue(text)
        && !raw.menu()
        && !raw.teaser_card()
        && !raw.link_stack()
        && !is_caption_label(text)
        && !ends_with_credit(text)
}

/// Whole-paragraph page furniture, the evidence that a text is a web page copied as text: a
/// menu, or a short line that is one of the phrases furniture is made of. A numbered title
/// ("6. Email Quotes and Inclusion Conventions", a book's contents) is a section's name,
/// whatever words it holds: no button or menu item is numbered so. Nor is a line that marks
/// code between backquotes ("Module: :mod:`email.mime.base`" in a manual about e-mail)
/// furniture: pages' menus and buttons do not.
fn is_chrome(raw: &impl Shaped, block: &Block) -> bool {
    matches!(
        block.kind,
        BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Heading
    ) && (raw.menu() || is_chrome_phrase(&block.text))
        && numbered(block.text.trim()).is_none()
        && !block.text.contains('`')
}

/// Evidence that a text is a web page: three or more blocks of furniture, one of them at an
/// edge of the page (its first or last fifth), where menus and footers sit. A text without it
/// has no furniture folded, however short some of its lines are.
pub(super) fn shows_web_furniture(raws: &[impl Shaped], blocks: &[Block]) -> bool {
    let edge = (blocks.len() / 5).max(5);
    let mut chrome = (0..blocks.len()).filter(|&i| is_chrome(&raws[i], &blocks[i]));
    let mut count = 0;
    let mut at_edge = false;
    for i in chrome.by_ref() {
        count += 1;
        at_edge |= i < edge || i + edge >= blocks.len();
        if count >= 3 && at_edge {
            return true;
        }
    }
    false
}

pub(super) fn mark_debris(raws: &[impl Shaped], blocks: &mut [Block]) {
    let cue_blocks = raws
        .iter()
        .zip(blocks.iter())
        .filter(|(r, b)| {
            b.kind == BlockKind::Paragraph
                && (r.menu() || size_up_to(&b.text, 13) <= 12 && has_cue(&b.text))
        })
        .count();
    // A scraped page, not a long text that mentions "share" or "email" a few times: its
    // furniture is a fair share of its blocks (one for every five of prose, or more). Only
    // then are whole runs of prose outside the article judged as furniture. A long article
    // sets few cue lines among its many paragraphs. (At this share, none of 2,153 manuals,
    // change logs, books and guides that are no web pages folds a line.)
    let mut prose_shaped: Vec<bool> = raws
        .iter()
        .zip(blocks.iter())
        .map(|(r, b)| is_prose(r, b))
        .collect();
    for i in interview_lines(blocks) {
        prose_shaped[i] = true;
    }
    let mut for_sale = vec![false; blocks.len()];
    for i in items_for_sale(raws, blocks, &prose_shaped) {
        for_sale[i] = true;
    }
    let prose_blocks = prose_shaped.iter().filter(|&&p| p).count();
    let web_page = cue_blocks * 5 >= prose_blocks;
    // On a web page, a box of several lines met twice is one the page repeats (a newsletter
    // form, a menu); a one-line paragraph met twice may be a pull quote, and stays.
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for block in blocks.iter().filter(|_| web_page) {
        *seen.entry(block.text.as_str()).or_insert(0) += 1;
    }
    // A text that shows web furniture (the only kind asked here) may carry its article twice.
    let copies = copies_of_earlier_text(blocks);
    let repeated: Vec<bool> = raws
        .iter()
        .zip(blocks.iter())
        .zip(&copies)
        .map(|((r, b), &copy)| {
            copy || web_page
                && r.line_count() > 1
                && seen.get(b.text.as_str()).is_some_and(|&n| n > 1)
        })
        .collect();
    let excerpts = cut_excerpts(blocks, web_page);
    let mut prose: Vec<bool> = raws
        .iter()
        .zip(&prose_shaped)
        .zip(repeated.iter().zip(&excerpts))
        .zip(&for_sale)
        .map(|(((r, &shaped), (&twice, &excerpt)), &for_sale)| {
            // An item for sale is the page's text whatever its lines look like: a tag's
            // "Buy now" and a short list of features read as a teaser or a stack of links,
            // and two items of one make may list the same features.
            for_sale
                || shaped && !(twice || excerpt || web_page && (r.teaser_card() || r.link_stack()))
        })
        .collect();
    if !prose.contains(&true) {
        // Every paragraph of prose looks like a teaser or a list: the page's own article is
        // among them (a short news item opens on its dateline as a teaser does), so they are
        // weighed as prose rather than the whole page left unjudged.
        for (p, (&shaped, &twice)) in prose.iter_mut().zip(prose_shaped.iter().zip(&repeated)) {
            *p = shaped && !twice;
        }
    }
    // What a sentence of the article introduces ("The Prophet said:", "These are the foods
    // to avoid:") is the article's: a quotation, a list, verse, whatever its lines look
    // like. A menu or a share row is introduced by no sentence ("Share this:" is a button's
    // words, no sentence).
    // A list is introduced whole: its items after the first go on what the sentence began
    // ("The overall rankings were as follows:" over "1. Finland", "2. Norway", …).
    let mut introduced = vec![false; blocks.len()];
    for i in 1..blocks.len() {
        introduced[i] = blocks[i - 1].text.trim_end().ends_with([':', '：'])
            && is_lead(&raws[i - 1], &blocks[i - 1], repeated[i - 1])
            || introduced[i - 1]
                && blocks[i - 1].kind == BlockKind::ListItem
                && blocks[i].kind == BlockKind::ListItem;
    }
    let Some((first, last)) = (if web_page {
        article_span(raws, blocks, &prose, &repeated, &introduced)
    } else {
        prose
            .iter()
            .position(|&p| p)
            .zip(prose.iter().rposition(|&p| p))
    }) else {
        return;
    };
    // The article holds a fair part of the page's prose (on the saved pages measured, never
    // less than a third: comments and teasers with excerpts make up the rest). A run with a
    // fifth of it or less is one stretch of a long text made of many short pieces (a commit
    // log, a list of changes), not an article among furniture: nothing is folded.
    let words = |i: usize| size_up_to(&blocks[i].text, 10_000);
    let inside: usize = (first..=last).filter(|&i| prose[i]).map(words).sum();
    let outside: usize = (0..blocks.len())
        .filter(|&i| prose[i] && !(first..=last).contains(&i))
        .map(words)
        .sum();
    // Nor is a run that holds a twenty-fifth of the page's words an article: on the scraped
    // pages measured the article held no less than a thirteenth; a commit log's best run, one
    // message among thousands of lines of headers and file lists, a two-hundredth.
    let all: usize = (0..blocks.len()).map(words).sum();
    if outside > inside * 4 || inside * 25 < all {
        return;
    }
    // Readers' comments (and teasers of other pages) come after the article, however long
    // they run: the first block that opens on a name and "2 days ago" ends it, or, where
    // comments set their heads apart from their text ("Alcalino" / "Hace 28 minutos"), the
    // first such head when the page holds two or more.
    let heads: Vec<bool> = blocks
        .iter()
        .map(|b| web_page && b.kind != BlockKind::Title && is_comment_head(&b.text))
        .collect();
    let thread = heads.iter().filter(|&&h| h).count() >= 2;
    let last = match (first + 1..=last)
        .find(|&i| web_page && TimeAgo::of(&blocks[i].text).opens_entry() || thread && heads[i])
    {
        Some(entry) => (first..entry).rev().find(|&i| prose[i]).unwrap_or(first),
        None => last,
    };
    // Sentences next to the article are the article's: a standfirst, a lead shorter than a
    // paragraph, the line that introduces a table. Shortness alone is no evidence; a stray
    // block between (a picture's name) does not part them from it.
    let (mut first, mut last) = (first, last);
    let lead = |i: usize| is_lead(&raws[i], &blocks[i], repeated[i]);
    let stray = |i: usize| !is_chrome(&raws[i], &blocks[i]) && !prose[i];
    // A short label set over the article's first paragraph ("Leitsätze des Gerichts:",
    // "Editor's note:") introduces it, however short: a box's name ends so too ("Share this:",
    // "Tags:"), but is a cue or a button's words, and opens no paragraph of prose. A
    // paragraph, not a stack of short lines ("You are at:" over "Home" / "Fact Check" / the
    // headline, a trail of links).
    let paragraph = |i: usize| size_up_to(&blocks[i].text, 10_000) >= 6 * raws[i].line_count();
    let label = |i: usize| {
        let text = blocks[i].text.trim();
        blocks[i].kind == BlockKind::Paragraph
            && text.ends_with([':', '：'])
            && !repeated[i]
            && !has_cue(text)
            && !is_chrome(&raws[i], &blocks[i])
            && !raws[i].link_stack()
            && !is_caption_label(text)
    };
    loop {
        if first >= 1 && (lead(first - 1) || label(first - 1) && prose[first] && paragraph(first)) {
            first -= 1;
        } else if first >= 2 && stray(first - 1) && lead(first - 2) {
            first -= 2;
        } else {
            break;
        }
    }
    loop {
        if last + 1 < blocks.len() && lead(last + 1) {
            last += 1;
        } else if last + 2 < blocks.len() && stray(last + 1) && lead(last + 2) {
            last += 2;
        } else {
            break;
        }
    }
    // The article's references after it, under their heading: they are its own text, cited
    // (the links between, to see also, go with them). Entries are shown whatever their
    // shape: one a link cut short leaves without a stop is no stray line.
    let references = references(blocks, last);
    if let Some(listed) = &references {
        last = *listed.end();
    }
    // The page's edges, before the article and after it, are folded where furniture shows:
    // on a web page, or where a menu or a button sits among them. Else what lies there is
    // the text's own (a changelog's latest entries before its first paragraph of prose).
    let shows_chrome = |range: std::ops::Range<usize>| {
        web_page || range.into_iter().any(|i| is_chrome(&raws[i], &blocks[i]))
    };
    let (fold_top, fold_end) = (shows_chrome(0..first), shows_chrome(last + 1..blocks.len()));
    // Before the first prose block: keep the title, byline, and a heading that opens the body.
    for (i, block) in blocks[..first].iter_mut().enumerate().filter(|_| fold_top) {
        let keep = match block.kind {
            BlockKind::Title | BlockKind::Byline | BlockKind::Leftover => true,
            BlockKind::Heading | BlockKind::Code => i + 1 == first && !has_cue(&block.text),
            _ => false,
        };
        if !keep {
            block.fold_as(Fold::Furniture);
        }
    }
    // A picture's caption ends with its credit line ("… Credit: ESA").
    if web_page {
        for block in &mut blocks[first..=last] {
            if block.kind == BlockKind::Paragraph && ends_with_credit(&block.text) {
                block.fold_as(Fold::Furniture);
            }
        }
    }
    // Inside the body of a web page: captions and credits, menus and short cue lines, and
    // short unpunctuated lines with no prose on either side (datelines, "Share" rows). Only
    // on a page whose furniture is a fair share of it: a manual or a changelog that says
    // "print", "menu" or "email" now and then has lines of that shape all through it (the
    // line that introduces an example, an entry), and they are its text.
    for i in (first + 1..last).filter(|_| web_page) {
        // A heading that is a button or a box's name ("Advertisement", "Related") is furniture.
        if blocks[i].kind == BlockKind::Heading && is_chrome_phrase(&blocks[i].text) {
            blocks[i].fold_as(Fold::Furniture);
            continue;
        }
        if blocks[i].kind != BlockKind::Paragraph || prose[i] && !is_caption_label(&blocks[i].text)
        {
            continue;
        }
        if introduced[i] || references.as_ref().is_some_and(|r| r.contains(&i)) {
            continue;
        }
        let after_caption = || {
            is_caption_label(&blocks[i - 1].text)
                && blocks[i - 1].text.contains(':')
                && size_up_to(&blocks[i].text, 5) <= 4
        };
        if is_caption_label(&blocks[i].text) || after_caption() {
            blocks[i].fold_as(Fold::Pictures);
            continue;
        }
        // A line that names a price ("Apple AirPods Pro for $235") heads an item of a
        // buying guide or a review, however bare its neighbours: a dateline or a button
        // names none. A long sentence its writer left without a stop is the article's
        // inside it, and a heading next to one is no stray line. (It is no evidence of
        // where the article lies: a page's promotions run as long.)
        // One line: lines of headlines set one under another read as lower case too.
        let unstopped =
            |j: usize| raws[j].line_count() <= 1 && is_unstopped_sentence(&blocks[j].text);
        let sentence = |j: usize| prose[j] || unstopped(j);
        let lonely = !sentence(i - 1)
            && !sentence(i + 1)
            && !ends_sentence(&blocks[i].text)
            && !unstopped(i)
            && !names_a_price(&blocks[i].text);
        if raws[i].menu()
            || (size_up_to(&blocks[i].text, 13) <= 12 && has_cue(&blocks[i].text))
            || lonely
        {
            blocks[i].fold_as(Fold::Furniture);
        }
    }
    // A long copy of text the page already showed (the article again as its metadata
    // carries it, a print version) is the page's furniture wherever it stands: folding it
    // hides no word the reader has not seen.
    for (block, _) in blocks.iter_mut().zip(&copies).filter(|(_, c)| **c) {
        block.fold_as(Fold::Furniture);
    }
    // After the last prose block: all of it but an author note. A "By …" line with a date
    // there is the byline of a story teased after the article ("By REUTERS 11/19/2019 06:39
    // PM"), not a note on who wrote this one.
    for block in blocks[last + 1..].iter_mut().filter(|_| fold_end) {
        let author_note = block.kind == BlockKind::Byline && !has_date(&block.text);
        if !author_note && block.kind != BlockKind::Leftover {
            block.fold_as(Fold::Furniture);
        }
    }
}

/// The fewest words of an excerpt cut short: a teaser gives a sentence or two of its article.
const LEAST_EXCERPT_WORDS: usize = 15;

/// Paragraphs that are teasers of other pages, on a web page: the opening words of another
/// article, cut off in the middle of a sentence ("…a plan parallel to …", "…the symptoms of BED
/// and what…"). One such paragraph may be the article's own way of leading on ("Here's what
/// he had to say…"); two or more on one page are its teasers.
fn cut_excerpts(blocks: &[Block], web_page: bool) -> Vec<bool> {
    let cut: Vec<bool> = blocks
        .iter()
        .map(|b| {
            web_page
                && b.kind == BlockKind::Paragraph
                && is_cut_short(&b.text)
                && size_up_to(&b.text, LEAST_EXCERPT_WORDS) >= LEAST_EXCERPT_WORDS
        })
        .collect();
    if cut.iter().filter(|&&c| c).count() >= 2 {
        cut
    } else {
        vec![false; blocks.len()]
    }
}

/// Text that stops in the middle of a sentence with an ellipsis: a word or a comma before the
/// "…" (or "...", or "[…]"), not the end of a sentence ("he said…" is cut; "he said. …" and "Why
/// not?…" are not).
pub(in crate::document::structure) fn is_cut_short(text: &str) -> bool {
    let text = text.trim_end();
    let Some(before) = ["[…]", "[...]", "…", "..."]
        .iter()
        .find_map(|mark| text.strip_suffix(mark))
    else {
        return false;
    };
    // A full stop before the ellipsis ("said...."), or any other end of a sentence, is not a
    // cut.
    before
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == ',')
}

/// The fewest words a block needs to be taken for a copy: a standfirst or a summary said
/// again as the article's first paragraph is shorter, and stays.
const LEAST_COPY_WORDS: usize = 100;
/// The share of a copy's runs of five words that the page has shown before it.
const COPY_SHARE: f64 = 0.8;

/// Blocks that say again, nearly word for word, text that came before them: of a hundred words
/// or more, four in five of their runs of five words already met. Only the later block is a
/// copy; what came first is the text.
fn copies_of_earlier_text(blocks: &[Block]) -> Vec<bool> {
    use std::hash::{Hash, Hasher};
    let mut seen: rustc_hash::FxHashSet<u64> = rustc_hash::FxHashSet::default();
    let mut copies = vec![false; blocks.len()];
    let mut words: Vec<String> = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        words.clear();
        words.extend(
            block
                .text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase),
        );
        let runs: Vec<u64> = words
            .windows(5)
            .map(|run| {
                let mut hasher = rustc_hash::FxHasher::default();
                run.hash(&mut hasher);
                hasher.finish()
            })
            .collect();
        if words.len() >= LEAST_COPY_WORDS && !runs.is_empty() {
            let met = runs.iter().filter(|h| seen.contains(h)).count();
            copies[i] = met as f64 >= COPY_SHARE * runs.len() as f64;
        }
        seen.extend(runs);
    }
    copies
}

#[cfg(test)]
#[path = "debris_tests.rs"]
mod tests;
