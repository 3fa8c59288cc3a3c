//! A book saved as a web page (Project Gutenberg's HTML editions): read whole, as a book, not
//! searched for an article. An article extractor keeps the one container with the most prose
//! and drops the rest, which on a book is its title page, its cast of characters, its notes and
//! its appendices. The page's body becomes Markdown as it stands; the e-text's header and
//! licence, set around the work between START and END markers as in the plain-text editions,
//! fold as front and back matter; nothing inside the work folds.

use super::markdown;
use super::sanitize::{sanitize, sanitize_line};
use super::structure::is_production_credit;
use super::{Block, BlockKind, Fold};

/// How far into the page the body is looked for: Project Gutenberg sets its header after the
/// page's style sheet, which can run to tens of kilobytes.
const HEADER_REACH: usize = 64 * 1024;
/// How far into the body the e-text's header is looked for. It opens the body (its START
/// marker some 600 bytes in, on the corpus's pages; the newer editions' section a few
/// kilobytes): an article that quotes the marker further on is no e-text.
const BODY_REACH: usize = 8 * 1024;
/// How many blocks into a book its e-text header's START marker may be.
const HEADER_BLOCKS: usize = 60;

/// Whether `html` is an e-text's page: its header's START marker ("*** START OF THE PROJECT
/// GUTENBERG EBOOK …"), or the boilerplate section the newer editions wrap it in, at the
/// opening of its body.
pub fn is_book_page(html: &str) -> bool {
    let head = prefix(html, HEADER_REACH);
    let body = memchr::memmem::find(&head.as_bytes().to_ascii_lowercase(), b"<body")
        .map_or(head, |at| &head[at..]);
    let opening = prefix(body, BODY_REACH);
    // A news site may name its own page header "pg-header" in its style sheet: the section
    // counts only beside the distributor's name.
    let boilerplate = (opening.contains("id=\"pg-header\"") || opening.contains("pg-boilerplate"))
        && head.contains("Project Gutenberg");
    boilerplate
        || opening
            .lines()
            .any(|line| is_marker_line(after_tags(line), "START OF"))
}

/// The first `len` bytes of `text`, or fewer, to a character's boundary.
fn prefix(text: &str, len: usize) -> &str {
    let mut end = text.len().min(len);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// A line of a page without the tags it opens with (`<p><span>*** START OF …`).
fn after_tags(line: &str) -> &str {
    let mut rest = line.trim_start();
    while let Some(tag) = rest.strip_prefix('<') {
        match tag.find('>') {
            Some(end) => rest = tag[end + 1..].trim_start(),
            None => break,
        }
    }
    rest
}

/// A line of the START or END marker (`word` says which), with or without the spaces the
/// marker's stars have had over the years ("*** START OF THIS …", "***START OF THE …").
fn is_marker_line(line: &str, word: &str) -> bool {
    let line = line.trim_start();
    // The marker's stars, escaped or not: "***", or "\*\*\*" as Markdown writes them.
    let unstarred = line.trim_start_matches(['*', '\\', ' ']);
    unstarred.len() + 3 <= line.len()
        && line.contains('*')
        && unstarred.to_uppercase().starts_with(word)
        && line.to_uppercase().contains("PROJECT GUTENBERG")
}

/// The blocks of a book's page and its title.
pub fn structure(page: &dom_query::Document) -> (Vec<Block>, Option<String>) {
    tidy(page);
    // The page's head (its title, style sheet and scripts) is left out.
    let markdown = page.md(None);
    let (mut blocks, _) = markdown::structure(&sanitize(&markdown));
    mark_matter(&mut blocks);
    let title = header_field(&blocks, "Title")
        .or_else(|| page_title(&page.select("title").text()))
        .filter(|t| !t.is_empty());
    let mut out = Vec::with_capacity(blocks.len() + 2);
    if let Some(title) = &title {
        out.push(Block::new(BlockKind::Title, title.clone(), 1));
    }
    if let Some(author) = header_field(&blocks, "Author") {
        out.push(Block::new(BlockKind::Byline, author, 1));
    }
    out.extend(blocks);
    (out, title)
}

/// What the page holds that is neither text nor a mark on it, and what would garble the text
/// in a column: comments and empty anchors (`<!-- page 30--><a name="page30"></a>`), which
/// leave a heading or a stanza that opens with them without its mark, and the page numbers of
/// the printed edition (`<span class="pagenum">p. 30</span>`), which the page sets in its
/// margin and which in a column would run into the line beside them ("bear—p. 30And not
/// sit"). An anchor that holds a picture stays. A line break inside a heading becomes a space.
fn tidy(page: &dom_query::Document) {
    let root = page.root();
    let unseen: Vec<_> = root
        .descendants_it()
        .filter(|node| {
            node.is_comment()
                || node.node_name().as_deref() == Some("a") && node.first_child().is_none()
        })
        .collect();
    for node in unseen {
        node.remove_from_parent();
    }
    page.select("span.pagenum, span.pageno, div.pagenum")
        .remove();
    drop_margin_numbers(page);
    // A link to a place in the book (a note, a page) or to a larger copy of a picture leads
    // nowhere from a terminal, and each would add an address to a list under the section:
    // its words stay, as plain text.
    for link in page.select("a[href]").nodes() {
        let href = link.attr("href").unwrap_or_default().to_ascii_lowercase();
        let picture = [".jpg", ".jpeg", ".png", ".gif", ".svg", ".webp"]
            .iter()
            .any(|ending| href.ends_with(ending));
        if href.starts_with('#') || picture {
            link.remove_attr("href");
            link.rename("span");
        }
    }
    join_verse_lines(page);
    unwrap_cells(page);
    // A title page sets a heading's words over lines ("ALICE'S ADVENTURES<br>IN
    // WONDERLAND"); a heading is one line, and its words are one title.
    page.select("h1 br, h2 br, h3 br, h4 br, h5 br, h6 br")
        .replace_with_html(" ");
}

/// The longest a number set in the margin runs ("I. 1. 25", "[Pg 301]"); longer, an element
/// placed there is a side note, which is text.
const MARGIN_NUMBER: usize = 16;

/// Numbers the page's own style sheet sets in the margin, out of the text's flow (`span.linenum
/// {position: absolute; right: 5%}`): a play's line and scene numbers, a printed edition's
/// pages. In a column they would run into the sentence beside them ("You are a 20
/// Counsellor"); a reflowed column has no lines of the print to count. An element of such a
/// class that holds a short number goes; one that holds words (a side note) stays.
fn drop_margin_numbers(page: &dom_query::Document) {
    let classes = absolutely_placed_classes(&page.select("style").text());
    if classes.is_empty() {
        return;
    }
    // The classes are the page's own words: matched as tokens, never made into a selector.
    for node in page.select("[class]").nodes() {
        let class = node.attr("class").unwrap_or_default();
        if !class
            .split_whitespace()
            .any(|c| classes.iter().any(|k| k == c))
        {
            continue;
        }
        let text = node.text();
        let text = text.trim();
        if text.chars().count() <= MARGIN_NUMBER && text.chars().any(|c| c.is_ascii_digit()) {
            node.remove_from_parent();
        }
    }
}

/// The classes a style sheet places with `position: absolute`: the last class named in each
/// selector of such a rule ("span.linenum", ".pagenum", "p .note").
fn absolutely_placed_classes(styles: &str) -> Vec<String> {
    let mut classes: Vec<String> = Vec::new();
    let mut rest = styles;
    while let Some(open) = rest.find('{') {
        let selectors = &rest[..open];
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let declarations: String = rest[open + 1..open + close]
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        rest = &rest[open + close + 1..];
        if !declarations.contains("position:absolute") {
            continue;
        }
        for selector in selectors.split(',') {
            let last = selector.split_whitespace().last().unwrap_or_default();
            let Some(class) = last.rsplit('.').next().filter(|_| last.contains('.')) else {
                continue;
            };
            let class: String = class
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            if !class.is_empty() && !classes.contains(&class) {
                classes.push(class);
            }
        }
    }
    classes
}

/// A table's cells as e-texts set them, each its words in a paragraph of its own
/// (`<td><p>The Shepherd</p></td><td><p>3</p></td>`): a table with blocks in its cells is no
/// Markdown table, and each cell became a paragraph, a contents list a column of titles and
/// page numbers. A cell holding one such block and nothing else holds its words instead, so
/// each row is a line with its columns apart.
fn unwrap_cells(page: &dom_query::Document) {
    for cell in page.select("td, th").nodes() {
        let children = cell.element_children();
        let [only] = children.as_slice() else {
            continue;
        };
        // A heading in a cell is the book's own mark (a part's title in its contents): kept.
        let wrapper = matches!(only.node_name().as_deref(), Some("p" | "div"));
        let alone = cell
            .children_it(false)
            .all(|child| child.id == only.id || child.text().trim().is_empty());
        let flat = dom_query::Selection::from(*only)
            .select(BLOCK_ELEMENTS)
            .is_empty();
        if wrapper && alone && flat {
            // Unwrapping the block's first child takes the block away around its children.
            if let Some(first) = only.first_child() {
                first.unwrap_node();
            }
        }
    }
}

/// The elements that part a text into blocks: a line of verse holds none of them.
const BLOCK_ELEMENTS: &str =
    "div, p, table, ul, ol, dl, h1, h2, h3, h4, h5, h6, pre, blockquote, br";

/// The longest a line of verse runs, in characters: longer, an element is a paragraph of a
/// prose poem, which keeps its breaks.
const MAX_VERSE_LINE: usize = 120;

/// Verse as e-texts set it: a stanza (or a poem with no stanzas) whose lines are elements of
/// their own (`<div class="stanza"><div class="verse">How doth…</div>…`). Each line would
/// become a paragraph, and the stanza's breaks would be lost among them. A stanza is made one
/// paragraph with a line break after each line, as the EPUB reading keeps verse.
fn join_verse_lines(page: &dom_query::Document) {
    for container in page.select(".stanza, .poem, .poetry").nodes() {
        let lines = container.element_children();
        let only_lines = lines.len() >= 2
            && lines.iter().all(|line| {
                matches!(line.node_name().as_deref(), Some("div" | "p" | "span"))
                    && line.text().chars().count() <= MAX_VERSE_LINE
                    && dom_query::Selection::from(*line)
                        .select(BLOCK_ELEMENTS)
                        .is_empty()
            })
            && container
                .children_it(false)
                .all(|child| child.is_element() || child.text().trim().is_empty());
        if only_lines {
            let joined: Vec<String> = lines.iter().map(|l| l.inner_html().to_string()).collect();
            container.replace_with_html(format!("<p>{}</p>", joined.join("<br>")));
        }
    }
}

/// Everything up to the START marker is the e-text's header, and the production credits just
/// after it say who made the e-text; from the END marker (or the line "End of the Project
/// Gutenberg EBook of …" that comes before it) on is its licence. A marker set in the same
/// block as text of the work (a header's `pre` that runs on into the work) leaves that block
/// shown: when in doubt, show.
pub(crate) fn mark_matter(blocks: &mut [Block]) {
    // The header opens the book: a marker quoted further in (a book about e-texts) is text.
    let Some(start) = blocks
        .iter()
        .take(HEADER_BLOCKS)
        .position(|b| holds_start(&b.text))
    else {
        return;
    };
    let start_closes_its_block = closes_its_block(&blocks[start].text);
    for block in &mut blocks[..start] {
        block.fold_as(Fold::FrontMatter);
    }
    if start_closes_its_block {
        blocks[start].fold_as(Fold::FrontMatter);
    }
    let work = start + 1;
    for block in blocks.iter_mut().skip(work).take(4) {
        if block.kind == BlockKind::Paragraph && is_production_credit(&block.text) {
            block.fold_as(Fold::FrontMatter);
        }
    }
    if let Some(end) = blocks
        .iter()
        .skip(work)
        .position(|b| opens_licence(&b.text))
    {
        for block in &mut blocks[work + end..] {
            block.fold_as(Fold::BackMatter);
        }
    }
}

fn holds_start(text: &str) -> bool {
    text.contains('*') && text.lines().any(|l| is_marker_line(l, "START OF"))
}

/// Whether what follows the START marker in its block is no part of the work: nothing, the
/// marker's own second line ("EXPERIENCE***"), or the e-text's production credits
/// ("Produced by Louise Hope, Jonathan Ingram and the Online Distributed Proofreading Team").
fn closes_its_block(text: &str) -> bool {
    // What follows, in parts parted by blank lines.
    let mut parts: Vec<String> = vec![String::new()];
    let after = text
        .lines()
        .skip_while(|l| !is_marker_line(l, "START OF"))
        .skip(1);
    for line in after.map(str::trim) {
        match parts.last_mut() {
            Some(part) if !line.is_empty() => {
                if !part.is_empty() {
                    part.push(' ');
                }
                part.push_str(line);
            }
            Some(part) if !part.is_empty() => parts.push(String::new()),
            _ => {}
        }
    }
    parts
        .iter()
        .filter(|part| !part.is_empty())
        .enumerate()
        .all(|(at, part)| {
            let marker_ends =
                at == 0 && part.ends_with('*') && !part.chars().any(char::is_lowercase);
            marker_ends || is_production_credit(part)
        })
}

/// A block that opens the licence at the end: the END marker in its first lines, or the line
/// that says the e-text ends.
fn opens_licence(text: &str) -> bool {
    let first = text.trim_start().trim_start_matches(['*', '\\', ' ']);
    let lower: String = first.chars().take(40).collect::<String>().to_lowercase();
    lower.starts_with("end of the project gutenberg")
        || lower.starts_with("end of project gutenberg")
        || text.lines().take(3).any(|l| is_marker_line(l, "END OF"))
}

/// The value of a "Title:" or "Author:" line in the header. The lines set in under a title
/// name the edition and its series, not the work; those under the author name more authors.
fn header_field(blocks: &[Block], field: &str) -> Option<String> {
    let header = blocks.iter().take_while(|b| b.kind == BlockKind::Leftover);
    for block in header {
        let mut lines = block.text.lines().map(str::trim_end);
        while let Some(line) = lines.next() {
            let Some(value) = line.trim_start().strip_prefix(field) else {
                continue;
            };
            let Some(value) = value.strip_prefix(':') else {
                continue;
            };
            let mut said = value.trim().to_string();
            if field == "Author" {
                for more in lines.by_ref() {
                    if more.trim().is_empty() || !more.starts_with([' ', '\t']) {
                        break;
                    }
                    said.push_str(", ");
                    said.push_str(more.trim());
                }
            }
            let said = sanitize_line(&said);
            if !said.is_empty() {
                return Some(said);
            }
        }
    }
    None
}

/// The page's own title without the e-text's words around the work's name ("The Project
/// Gutenberg eBook of Pride and Prejudice, by Jane Austen" is "Pride and Prejudice").
fn page_title(title: &str) -> Option<String> {
    let title = sanitize_line(
        title
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .as_str(),
    );
    let name = ["the project gutenberg ebook of ", "project gutenberg's "]
        .iter()
        .find_map(|prefix| {
            let said = title.get(..prefix.len())?;
            said.eq_ignore_ascii_case(prefix)
                .then(|| &title[prefix.len()..])
        })
        .unwrap_or(&title);
    let name = name.rsplit_once(", by ").map_or(name, |(work, _)| work);
    Some(name.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An e-text's page as the older editions set it: the header in a `pre` closed by the START
    /// marker, the credits, a title page, the work and its notes in containers of their own, and
    /// the licence after the END marker.
    const OLD_EDITION: &str = r##"<html><head><title>The Tide, by Ann Example</title></head><body>
<pre>
The Project Gutenberg EBook of The Tide, by Ann Example

Title: The Tide
       A Play in One Act

Author: Ann Example

*** START OF THIS PROJECT GUTENBERG EBOOK THE TIDE ***




Produced by Ben Sample and the Online Distributed Proofreading Team
</pre>
<div class="title"><h1>THE TIDE<br/>A PLAY</h1><h6>BY</h6><h4>ANN EXAMPLE</h4></div>
<div class="text">
<h2><!-- page 3--><a name="page3"></a><span class="pagenum">p.
3</span>SCENE I.</h2>
<p>The shore at dawn. A boat lies on the sand, and the tide is coming in over the flats
while the gulls cry above the harbour wall and the fishermen <a href="#note1">call</a>.</p>
<p><a href="images/boat.jpg"><img alt="The boat" src="images/boat-small.jpg"/></a></p>
<p>Hear the woes that infants bear&mdash;</p>
<p><!-- page 4--><a name="page4"></a><span class="pagenum">p.
4</span>And not sit beside the nest.</p>
</div>
<div class="notes"><h3>NOTES.</h3><p><a name="note1"></a>1. The fishermen call the boats in.</p></div>
<pre>
End of the Project Gutenberg EBook of The Tide, by Ann Example

*** END OF THIS PROJECT GUTENBERG EBOOK THE TIDE ***

Licence terms.
</pre>
</body></html>"##;

    /// The page read as any page is, to see that it is taken for a book.
    fn structured(html: &str) -> (Vec<Block>, Option<String>) {
        let article = super::super::html::structure(html);
        (article.blocks, article.title)
    }

    fn shown(blocks: &[Block]) -> Vec<&str> {
        blocks
            .iter()
            .filter(|b| b.kind != BlockKind::Leftover)
            .map(|b| b.text.as_str())
            .collect()
    }

    #[test]
    fn an_etexts_page_is_a_book_page_and_an_article_is_not() {
        assert!(is_book_page(OLD_EDITION));
        let newer = "<html><body><section class=\"pg-boilerplate pgheader\" id=\"pg-header\">\
                     <div id=\"pg-start-separator\"><span>*** START OF THE PROJECT GUTENBERG \
                     EBOOK THE TIDE ***</span></div></section><p>Text.</p></body></html>";
        assert!(is_book_page(newer));
        let newer_header = "<html><body><header class=\"pg-boilerplate pgheader\" \
                            id=\"pg-header\"><h2>The Project Gutenberg eBook of The Tide</h2>\
                            </header><p>Text.</p></body></html>";
        assert!(is_book_page(newer_header));
        let quoting_deep = format!(
            "<html><body><nav>{}</nav><article><p>A parser looks for this line:</p><pre>\n\
             *** START OF THE PROJECT GUTENBERG EBOOK X ***\n</pre></article></body></html>",
            "<a href=\"/a\">Menu item</a> ".repeat(400)
        );
        assert!(!is_book_page(&quoting_deep));
        let news = "<html><head><style>.pg-header-entitlement{float:right}.pgheader{}</style>\
                    </head><body><div class=\"pg-header\">News</div><p>Text.</p></body></html>";
        assert!(!is_book_page(news));
        let quoting = "<html><body><article><p>Project Gutenberg books open with a line \
                       reading START OF THE PROJECT GUTENBERG EBOOK.</p></article></body></html>";
        assert!(!is_book_page(quoting));
    }

    #[test]
    fn the_whole_book_is_read_and_only_its_header_and_licence_fold() {
        let (blocks, title) = structured(OLD_EDITION);
        assert_eq!(title.as_deref(), Some("The Tide"));
        let text = shown(&blocks);
        // The title page, the work and its notes, each in a container of its own, all show.
        for words in [
            "THE TIDE A PLAY",
            "ANN EXAMPLE",
            "SCENE I.",
            "NOTES.",
            "1. The fishermen call the boats in.",
        ] {
            assert!(text.contains(&words), "{words:?} in {text:?}");
        }
        let folded: Vec<&Block> = blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Leftover)
            .collect();
        assert!(
            folded
                .iter()
                .all(|b| b.text.contains("Gutenberg") || b.text.contains("Licence"))
        );
        assert_eq!(folded.first().map(|b| b.fold), Some(Fold::FrontMatter));
        assert_eq!(folded.last().map(|b| b.fold), Some(Fold::BackMatter));
        assert!(
            !text
                .iter()
                .any(|t| t.contains("START OF") || t.contains("Licence"))
        );
        // The byline is the header's author; the credits fold with the header.
        assert!(
            blocks
                .iter()
                .any(|b| b.kind == BlockKind::Byline && b.text == "Ann Example")
        );
        assert!(!text.iter().any(|t| t.contains("Produced by")));
    }

    #[test]
    fn margins_and_anchors_do_not_garble_the_text() {
        let (blocks, _) = structured(OLD_EDITION);
        let text = shown(&blocks);
        // The printed edition's page numbers leave the column; a heading keeps its mark.
        assert!(
            blocks
                .iter()
                .any(|b| b.kind == BlockKind::Heading && b.text == "SCENE I."),
            "{text:?}"
        );
        assert!(text.contains(&"And not sit beside the nest."), "{text:?}");
        assert!(
            text.contains(&"Hear the woes that infants bear—"),
            "{text:?}"
        );
        // A link to a note or a picture leaves its words and no address.
        assert!(
            text.iter().any(|t| t.contains("fishermen call.")),
            "{text:?}"
        );
        assert!(
            text.iter().any(|t| t.contains("[image: The boat]")),
            "{text:?}"
        );
        assert!(
            !text
                .iter()
                .any(|t| t.contains("boat.jpg") || t.contains("#note1"))
        );
    }

    #[test]
    fn a_marker_in_a_block_that_runs_on_into_the_work_leaves_it_shown() {
        let page = "<html><body><pre>\nTitle: The Tide\n\n*** START OF THE PROJECT \
                    GUTENBERG EBOOK THE TIDE ***\n\nThe shore at dawn. A boat lies on the \
                    sand.\n</pre><p>The tide comes in.</p></body></html>";
        let (blocks, _) = structured(page);
        let text = shown(&blocks);
        assert!(
            text.iter().any(|t| t.contains("A boat lies on the sand.")),
            "{text:?}"
        );
        assert!(text.contains(&"The tide comes in."), "{text:?}");
    }

    #[test]
    fn the_newer_editions_header_gives_the_title_and_folds() {
        let page = "<html><head><title>The Project Gutenberg eBook of The Tide, by Ann \
                    Example</title></head><body><section class=\"pg-boilerplate pgheader\" \
                    id=\"pg-header\"><h2>The Project Gutenberg eBook of The Tide</h2><p>This \
                    ebook is for the use of anyone anywhere.</p><div id=\"pg-machine-header\">\
                    <p><strong>Title</strong>: The Tide</p><div id=\"pg-header-authlist\"><p>\
                    <strong>Author</strong>: Ann Example</p></div></div><div \
                    id=\"pg-start-separator\"><span>*** START OF THE PROJECT GUTENBERG EBOOK \
                    THE TIDE ***</span></div></section><h2>SCENE I.</h2><p>The shore at dawn.\
                    </p><section class=\"pg-boilerplate pgheader\" id=\"pg-footer\"><div \
                    id=\"pg-end-separator\"><span>*** END OF THE PROJECT GUTENBERG EBOOK THE \
                    TIDE ***</span></div><p>Updated editions will replace the previous one.</p>\
                    </section></body></html>";
        let (blocks, title) = structured(page);
        assert_eq!(title.as_deref(), Some("The Tide"));
        assert_eq!(
            shown(&blocks),
            ["The Tide", "Ann Example", "SCENE I.", "The shore at dawn."]
        );
    }

    #[test]
    fn a_stanza_set_line_by_line_is_one_block_of_lines() {
        let page = "<html><body><div id=\"pg-start-separator\"><span>*** START OF THE \
                    PROJECT GUTENBERG EBOOK THE TIDE ***</span></div><div class=\"poetry\">\
                    <div class=\"stanza\"><div class=\"verse indent0\">How doth the little \
                    crocodile</div><div class=\"verse indent2\">Improve his <i>shining</i> \
                    tail,</div></div><div class=\"stanza\"><div class=\"verse\">On every \
                    golden scale!</div><div class=\"verse\">How neatly spread his claws,\
                    </div></div></div><div class=\"poem\"><p>A paragraph of a prose poem \
                    that runs on and on, far longer than any line of verse is set, until it \
                    has said what it had to say about the sea.</p><p>And a second one.</p>\
                    </div></body></html>";
        let (blocks, _) = structured(page);
        assert_eq!(
            shown(&blocks),
            [
                "How doth the little crocodile\nImprove his shining tail,",
                "On every golden scale!\nHow neatly spread his claws,",
                "A paragraph of a prose poem that runs on and on, far longer than any line of \
                 verse is set, until it has said what it had to say about the sea.",
                "And a second one."
            ]
        );
    }

    #[test]
    fn a_contents_table_with_its_cells_in_paragraphs_is_a_row_a_line() {
        // A part's title in a heading of its own row, then a title and its page a row.
        let page = "<html><body><div id=\"pg-start-separator\"><span>*** START OF THE \
                    PROJECT GUTENBERG EBOOK THE TIDE ***</span></div><h2>CONTENTS</h2><table>\
                    <tr><td colspan=\"2\"><h3>SONGS OF THE SHORE</h3></td></tr>\
                    <tr><td><p>The Shepherd</p></td><td><p class=\"r\"><a href=\"#p3\">3\
                    </a></p></td></tr><tr><td><p>The Lamb</p></td><td><p>6</p></td></tr>\
                    <tr><td><p>One</p><p>Two</p></td><td>9</td></tr></table></body></html>";
        let (blocks, _) = structured(page);
        let text = shown(&blocks);
        let row = |title: &str, page: &str| {
            text.iter().any(|t| {
                t.lines()
                    .any(|line| line.starts_with(title) && line.trim_end().ends_with(page))
            })
        };
        assert!(row("The Shepherd", "3"), "{text:?}");
        assert!(row("The Lamb", "6"), "{text:?}");
        assert!(
            blocks
                .iter()
                .any(|b| b.kind == BlockKind::Heading && b.text == "SONGS OF THE SHORE"),
            "{text:?}"
        );
        // A cell of two paragraphs keeps them apart.
        assert!(!text.iter().any(|t| t.contains("OneTwo")), "{text:?}");
    }

    #[test]
    fn a_marker_quoted_deep_in_a_book_folds_nothing() {
        let mut blocks: Vec<Block> = (0..100)
            .map(|i| {
                Block::new(
                    BlockKind::Paragraph,
                    format!("Paragraph {i} of the book."),
                    1,
                )
            })
            .collect();
        blocks.push(Block::new(
            BlockKind::Code,
            "*** START OF THE PROJECT GUTENBERG EBOOK X ***".to_string(),
            1,
        ));
        blocks.push(Block::new(
            BlockKind::Paragraph,
            "More of the book.".to_string(),
            1,
        ));
        mark_matter(&mut blocks);
        assert!(blocks.iter().all(|b| b.kind != BlockKind::Leftover));
    }

    #[test]
    fn numbers_the_page_sets_in_its_margin_leave_the_column_and_side_notes_stay() {
        let page = "<html><head><style>\n.mynote {margin-left: 10%}\nspan.linenum, \
                    .scenenum {position: absolute; right: 5%}\n.side { position : absolute }\
                    \n.1x {position: absolute}\n</style></head><body><div \
                    id=\"pg-start-separator\"><span>*** START OF THE PROJECT GUTENBERG EBOOK \
                    THE TIDE ***</span></div><p>You are a <span class=\"linenum\">20</span>\
                    Counsellor; cheerly, good <span class=\"scenenum\">I. 1. 25</span>hearts!\
                    </p><p>The sea.<span class=\"side\">A note of 1611 that says more than a \
                    number.</span></p><p class=\"1x\">Kept.</p></body></html>";
        let (blocks, _) = structured(page);
        let text = shown(&blocks);
        assert!(
            text.contains(&"You are a Counsellor; cheerly, good hearts!"),
            "{text:?}"
        );
        assert!(
            text.iter()
                .any(|t| t.contains("A note of 1611 that says more")),
            "{text:?}"
        );
        assert!(text.contains(&"Kept."), "{text:?}");
        assert_eq!(
            absolutely_placed_classes("a.b, .c d.e {position:absolute} .f {top:0}"),
            ["b", "e"]
        );
    }

    #[test]
    fn a_page_title_loses_the_etexts_words_around_the_name() {
        assert_eq!(
            page_title("The Project Gutenberg eBook of Pride and Prejudice, by Jane Austen")
                .as_deref(),
            Some("Pride and Prejudice")
        );
        assert_eq!(
            page_title("Project Gutenberg's Emma").as_deref(),
            Some("Emma")
        );
        assert_eq!(
            page_title("Kelvin \u{212a}").as_deref(),
            Some("Kelvin \u{212a}")
        );
    }
}
