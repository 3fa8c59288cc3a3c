//! Web pages to blocks: `dom_smoothie` (a Readability port) finds the article and its title and
//! byline and hands it back as Markdown, which [`super::markdown`] turns into headings,
//! paragraphs, lists, quotes and code. A page with no recognisable article falls back to its
//! visible text. All text is sanitized on the way in.

use dom_smoothie::{Config, Readability, TextMode};

use super::html_book;
use super::html_items::keep_items_for_sale;
use super::html_text::{find_end_tag, visible_text};
use super::markdown;
use super::nesting;
use super::sanitize::{sanitize, sanitize_line};
use super::{Block, BlockKind, Fold};

/// What the extraction gives back: the document's blocks and its title.
pub struct Article {
    pub blocks: Vec<Block>,
    pub title: Option<String>,
}

/// Beyond this many elements a page is not an article; the extractor's own guard against
/// pathological inputs.
const MAX_ELEMENTS: usize = 200_000;

pub fn structure(html: &str) -> Article {
    let config = Config {
        text_mode: TextMode::Markdown,
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    // A page nested thousands deep would take the parser and the extractor minutes: past a
    // depth, its elements are flattened into their ancestor first.
    let bounded = nesting::bounded(html);
    let page = dom_query::Document::from(&*bounded);
    if html_book::is_book_page(&bounded) {
        let (blocks, title) = html_book::structure(&page);
        return Article { blocks, title };
    }
    keep_embedded_posts(&page);
    drop_permalink_marks(&page);
    unname_generated_sections(&page);
    unname_section_headings(&page);
    keep_admonitions(&page);
    keep_cross_references(&page);
    keep_items_for_sale(&page);
    tidy_emphasis(&page);
    let page_title = sanitize_line(&page.select("head title").text());
    let parsed = Readability::with_document(page, None, Some(config)).and_then(|mut r| r.parse());
    let Ok(article) = parsed else {
        return fallback(html);
    };
    let (mut body, _) = markdown::structure(&sanitize(&article.text_content));
    // The addresses the page's links point to are not text the page shows: folded, they stay
    // one key away without standing between the paragraphs.
    for block in body.iter_mut().filter(|b| markdown::is_reference_entry(b)) {
        block.fold_as(Fold::LinkAddresses);
    }
    let title =
        Some(whole_title(sanitize_line(&article.title), page_title)).filter(|t| !t.is_empty());
    // The article's own first heading often repeats the title; shown once is enough.
    if let (Some(t), Some(first)) = (&title, body.first())
        && first.kind == BlockKind::Heading
        && first.text == *t
    {
        body.remove(0);
    }
    let mut blocks = Vec::with_capacity(body.len() + 2);
    if let Some(t) = &title {
        blocks.push(Block::new(BlockKind::Title, t.clone(), 1));
    }
    if let Some(byline) = article
        .byline
        .as_deref()
        .map(sanitize_line)
        .filter(|b| !b.is_empty() && !is_form_label(&bounded, b))
    {
        blocks.push(Block::new(BlockKind::Byline, byline, 1));
    }
    blocks.extend(body);
    super::web_furniture::mark(&mut blocks);
    Article { blocks, title }
}

/// The title the extractor found, or the page's own whole when the extractor cut it inside a
/// pair of brackets: it drops what comes before a colon as a site's name, which in "Types
/// (libffi: the portable foreign function interface library)" leaves a closing bracket with
/// nothing to close.
fn whole_title(found: String, page_title: String) -> String {
    if !brackets_pair(&found) && brackets_pair(&page_title) && page_title.contains(found.trim()) {
        page_title
    } else {
        found
    }
}

/// Whether every bracket in `text` is closed, and closed in turn.
fn brackets_pair(text: &str) -> bool {
    let mut open = Vec::new();
    for c in text.chars() {
        match c {
            '(' | '[' | '{' | '（' | '【' => open.push(c),
            ')' | ']' | '}' | '）' | '】' => {
                let expected = match c {
                    ')' => '(',
                    ']' => '[',
                    '}' => '{',
                    '）' => '（',
                    _ => '【',
                };
                if open.pop() != Some(expected) {
                    return false;
                }
            }
            _ => {}
        }
    }
    open.is_empty()
}

/// The quoted posts a page embeds (a tweet, an Instagram or TikTok post, a Reddit comment) as
/// their site's script expects them: a `blockquote` holding the post's text, its author and
/// date, which the script would turn into a card. They are part of the story the article tells
/// ("a whole lot of people on Twitter pointed it out", then the posts). Pages wrap them in
/// elements named for what they are, `social-media-embed` and the like, and the extractor takes
/// any element whose class says "social" or "embed" for a share row and drops it. So a wrapper
/// that holds nothing but the post is replaced by the post itself; a wrapper holding anything
/// else (a sidebar of posts, a share row) is left as it is.
fn keep_embedded_posts(page: &dom_query::Document) {
    const POSTS: &str = "blockquote.twitter-tweet, blockquote.twitter-video, \
        blockquote.instagram-media, blockquote.tiktok-embed, blockquote.reddit-embed-bq, \
        blockquote.reddit-card, blockquote.bluesky-embed, blockquote.mastodon-embed";
    for post in page.select(POSTS).nodes() {
        if post.text().trim().is_empty() {
            continue;
        }
        let mut outermost = None;
        let (mut inner, mut wrapper) = (*post, post.parent());
        while let Some(candidate) = wrapper.filter(|w| w.is_element()) {
            let name = candidate.node_name().unwrap_or_default();
            if matches!(&*name, "body" | "html" | "article" | "main")
                || !holds_only(&candidate, &inner)
            {
                break;
            }
            outermost = Some(candidate);
            (inner, wrapper) = (candidate, candidate.parent());
        }
        if let Some(wrapper) = outermost {
            wrapper.replace_with(&post.id);
        }
    }
}

/// The notes, tips and warnings a documentation page sets apart in a box (Sphinx's and MkDocs'
/// `admonition`, GitHub's `markdown-alert`, Quarto's and others' `callout`, mdBook's `alert`
/// around a quotation). The extractor drops any `div` short enough and with a fifth of its text
/// in links, which a one-sentence note naming two or three items often is ("Variables,
/// function parameters, const items and static items must be Sized."). Such a box is part of
/// the text it sits in: it becomes the quotation it reads as, which the extractor keeps.
fn keep_admonitions(page: &dom_query::Document) {
    const BOXES: &str = "div[class*=admonition], aside[class*=admonition], \
        div[class*=markdown-alert], div[class*=callout], aside[class*=callout], \
        div[class*=alert-]:has(> blockquote)";
    for note in page.select(BOXES).nodes() {
        let class = note.attr("class").unwrap_or_default().to_ascii_lowercase();
        // Only a box named for what it holds; "alert-" also names the banners of a site's
        // frame (a cookie notice), which hold no quotation and are left to the extractor.
        let named = class.split_whitespace().any(|token| {
            token.contains("admonition")
                || token.starts_with("markdown-alert")
                || token.starts_with("callout")
                || [
                    "alert-note",
                    "alert-tip",
                    "alert-important",
                    "alert-warning",
                    "alert-caution",
                ]
                .contains(&token)
        });
        if named && !note.text().trim().is_empty() {
            note.rename("blockquote");
        }
    }
}

/// The marks documentation generators set after each heading and entry for copying a link
/// to it (Sphinx's "¶", "#" and "§" elsewhere, a link symbol): a link to a place in this page
/// whose whole text is the mark. They are buttons, not text; left in, every heading of a saved
/// manual would end in "¶", in the reading column and in the sidebar.
/// Emphasis whose text ends or opens on a space, as editors leave it (`<strong>See it now:
/// </strong><a href=…>Amazon</a>`): written as Markdown, `**See it now: **Amazon` closes no
/// emphasis, and its asterisks would show in the text. The space is moved outside it.
fn tidy_emphasis(page: &dom_query::Document) {
    for emphasis in page.select("strong, b, em, i").nodes() {
        if let Some(last) = emphasis.last_child() {
            move_space_out(&last, str::trim_end, |space| emphasis.after_html(space));
        }
        if let Some(first) = emphasis.first_child() {
            move_space_out(&first, str::trim_start, |space| emphasis.before_html(space));
        }
    }
}

/// Trims `edge`, a text node at an emphasis's edge, with `trim`, and has `put` set the space
/// it held outside the emphasis. A text that is all space is left as it is.
fn move_space_out(
    edge: &dom_query::NodeRef<'_>,
    trim: fn(&str) -> &str,
    put: impl FnOnce(&'static str),
) {
    if !edge.is_text() {
        return;
    }
    let text = edge.text();
    let kept = trim(&text);
    if !kept.is_empty() && kept.len() < text.len() {
        let kept = kept.to_string();
        edge.set_text(kept);
        put(" ");
    }
}

fn drop_permalink_marks(page: &dom_query::Document) {
    const MARKS: &[&str] = &["¶", "#", "§", "🔗", "⚓", "\u{1f517}\u{fe0e}"];
    for link in page.select("a[href^='#']").nodes() {
        let text = link.text();
        if MARKS.contains(&text.trim()) {
            link.remove_from_parent();
        }
    }
}

/// The sections of a page written by Docutils (Sphinx, and so most manuals published from
/// reStructuredText), each named by an id made from its own title: "Block core (VM
/// unrelated)" is `block-core-vm-unrelated`. The extractor reads ids and classes for the
/// parts of a page that are not its article ("related", "comment", "footer"), and it dropped
/// that section, more than half of QEMU's reference manual, for the word in its title. On
/// such a page the ids say nothing of what a section is: they are taken away.
fn unname_generated_sections(page: &dom_query::Document) {
    let generated = page
        .select("meta[name=generator]")
        .nodes()
        .iter()
        .any(|meta| {
            meta.attr("content").is_some_and(|content| {
                content.starts_with("Docutils") || content.starts_with("Sphinx")
            })
        });
    if !generated {
        return;
    }
    for section in page.select("section[id]").nodes() {
        section.remove_attr("id");
    }
}

/// A heading over a paragraph: a section of the article, whatever its class or id says. The
/// extractor drops an element whose class or id holds a word of a page's other parts, and a
/// news site's section heading is `<h2 class="subheader">`: CNN's five section headings were
/// lost for "header" in it, even to `--unfold`. Such a heading's names are taken away; one in
/// a part of the page that is dropped (a comment's, a related box's) goes with that part.
fn unname_section_headings(page: &dom_query::Document) {
    for heading in page.select("h2, h3, h4, h5, h6").nodes() {
        let over_paragraph = heading
            .next_element_sibling()
            .and_then(|next| next.node_name())
            .is_some_and(|name| name.eq_ignore_ascii_case("p"));
        if over_paragraph {
            heading.remove_attr("class");
            heading.remove_attr("id");
        }
    }
}

/// A documentation page's cross-references: links to a place in this page or in a page of the
/// same set ("#grammar-Token", "../paths.html#grammar-SimplePath"). A passage made mostly of
/// them — a grammar whose every symbol links to its definition — reads to the extractor as a
/// list of links to other articles, and it is dropped whole. In a paragraph, item or cell
/// where such links are more than a fifth of the text and there is no other link, they are
/// made plain text: the words stay, and an address that was never one to follow from a saved
/// page goes. Elsewhere a cross-reference stays a link.
fn keep_cross_references(page: &dom_query::Document) {
    let is_cross_reference = |href: &str| {
        href.split_once('#').is_some_and(|(target, fragment)| {
            // Another site, a path from the site's root or a query: an article of its own.
            // An empty target is a place in this very page.
            !(fragment.is_empty()
                || target.contains(':')
                || target.starts_with('/')
                || target.contains('?'))
        })
    };
    let mut passages: Vec<dom_query::NodeRef<'_>> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for link in page.select("a[href*='#']").nodes() {
        if !is_cross_reference(&link.attr("href").unwrap_or_default()) {
            continue;
        }
        let mut up = link.parent();
        while let Some(node) = up {
            let name = node.node_name().unwrap_or_default();
            if matches!(
                &*name,
                "p" | "li" | "td" | "th" | "dd" | "div" | "pre" | "body"
            ) {
                break;
            }
            up = node.parent();
        }
        if let Some(passage) = up
            && seen.insert(passage.id)
        {
            passages.push(passage);
        }
    }
    let chars = |text: &str| {
        text.split_whitespace()
            .map(|w| w.chars().count())
            .sum::<usize>()
    };
    for passage in passages {
        let links = dom_query::Selection::from(passage).select("a");
        // The characters of its links, when every one is a cross-reference.
        let linked = links.nodes().iter().try_fold(0, |sum, link| {
            is_cross_reference(&link.attr("href").unwrap_or_default())
                .then(|| sum + chars(&link.text()))
        });
        if linked.is_some_and(|linked| linked * 5 > chars(&passage.text())) {
            for link in links.nodes() {
                link.remove_attr("href");
                link.rename("span");
            }
        }
    }
}

/// Whether `wrapper` holds nothing but `inner`, beside scripts and what shows no text. It
/// stops at the first other thing it meets, so a page of a thousand posts in one container
/// costs a look at each post's first neighbour, not a reading of the whole container per post.
fn holds_only(wrapper: &dom_query::NodeRef<'_>, inner: &dom_query::NodeRef<'_>) -> bool {
    let mut child = wrapper.first_child();
    while let Some(node) = child {
        let script = matches!(
            node.node_name().as_deref(),
            Some("script" | "noscript" | "style" | "template")
        );
        let shows_nothing = !(node.is_element() || node.is_text()) || node.text().trim().is_empty();
        if node.id != inner.id && !script && !shows_nothing {
            return false;
        }
        child = node.next_sibling();
    }
    true
}

/// The article's reading text: headings and body blocks, without title, byline, leftovers or
/// the numbered link-reference lists. What an extraction is judged on.
pub fn body_text(doc: &super::Document) -> String {
    doc.blocks
        .iter()
        .filter(|b| b.kind.is_body() || b.kind == BlockKind::Heading)
        .filter(|b| !markdown::is_reference_entry(b))
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// No article found: show the page's text, one paragraph per block-level break, so nothing the
/// page says is hidden.
fn fallback(html: &str) -> Article {
    let text = visible_text(html);
    let blocks = text
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .map(|p| Block::new(BlockKind::Paragraph, sanitize(&p).into_owned(), 1))
        .collect();
    Article {
        blocks,
        title: None,
    }
}

/// How far a label's end is looked for, in bytes.
const LABEL_REACH: usize = 2_000;

/// Whether `text` is what a form field's label says (`<label for="author">Name
/// <span>*</span></label>` of a comment form), the label naming its field: the extractor takes a field named "author" for
/// the article's author, and a byline reading "Name (required)" would be shown over the text.
fn is_form_label(html: &str, text: &str) -> bool {
    let wanted: Vec<&str> = text.split_whitespace().collect();
    let bytes = html.as_bytes();
    memchr::memmem::find_iter(bytes, b"<label").any(|at| {
        // A label runs a few words; a longer one is no field's name. Its end is looked for
        // that far only, so a page of unclosed labels costs a pass, not one per label.
        let mut reach = (at + LABEL_REACH).min(html.len());
        while !html.is_char_boundary(reach) {
            reach -= 1;
        }
        let rest = &html[at..reach];
        let Some(end) = find_end_tag(rest, "label") else {
            return false;
        };
        // A label that names no field (`for=`) is a page's way of setting text ("<label>Ann
        // Lee</label>" under a headline) and may well be the author.
        let Some(open) = rest[..end].find('>') else {
            return false;
        };
        rest[..open].to_ascii_lowercase().contains(" for=")
            && visible_text(&rest[open + 1..end])
                .split_whitespace()
                .eq(wanted.iter().copied())
    })
}

#[cfg(test)]
#[path = "html_tests.rs"]
mod tests;
