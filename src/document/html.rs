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
mod tests {
    use super::*;

    /// The texts of the blocks a reader sees: all but the folded ones.
    fn shown(article: &Article) -> Vec<&str> {
        article
            .blocks
            .iter()
            .filter(|b| b.kind != BlockKind::Leftover)
            .map(|b| b.text.as_str())
            .collect()
    }

    const PAGE: &str = r#"<!DOCTYPE html><html><head><title>Moths at Night | Site</title></head>
<body><nav><a href="/">Home</a> <a href="/about">About</a></nav>
<article><h1>Moths at Night</h1><p class="byline">By Ann Example</p>
<p>Moths find their way by the moon, or so the story goes. Researchers have spent decades
testing the idea with lamps, nets and patient nights in the field, and the answer is <em>more
complicated</em> than anyone expected when the work began.</p>
<h2>The lamp problem</h2>
<p>A bright lamp draws moths because it confuses their sense of which way is up. Tracking
cameras show them tilting their backs toward the light, circling and stalling, unable to fly
level while the bulb is close.</p>
<ul><li>First observation</li><li>Second observation</li></ul>
<p>Field notes from many summers agree on this point, and the pattern holds across species and
continents, which is why the lamp problem is now taught in introductory courses.</p>
</article><footer>Copyright 2024. All rights reserved.</footer></body></html>"#;

    #[test]
    fn article_becomes_title_headings_and_paragraphs() {
        let article = structure(PAGE);
        let kinds: Vec<BlockKind> = article.blocks.iter().map(|b| b.kind).collect();
        assert!(kinds.contains(&BlockKind::Heading), "{kinds:?}");
        assert!(kinds.contains(&BlockKind::ListItem), "{kinds:?}");
        let text: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
        assert!(
            text.iter().any(|t| t.starts_with("Moths find their way")),
            "{text:?}"
        );
        assert!(text.contains(&"The lamp problem"), "{text:?}");
        assert!(
            !text.iter().any(|t| t.contains("All rights reserved")),
            "{text:?}"
        );
        assert!(article.title.is_some_and(|t| t.contains("Moths at Night")));
    }

    #[test]
    fn a_post_the_article_quotes_is_kept_and_a_share_row_is_not() {
        let said = "<p>Moths find their way by the moon, or so the story goes. Researchers \
                    have spent decades testing the idea with lamps, nets and patient nights in \
                    the field, and a whole lot of people online had something to say.</p>"
            .repeat(3);
        let post = "<div class=\"social-media-embed\"><blockquote class=\"twitter-tweet\">\
                    <p lang=\"en\">A moth just flew into my lamp again \
                    <a href=\"https://t.co/x\">https://t.co/x</a></p>&mdash; Ann Lee (@annlee) \
                    <a href=\"https://twitter.com/annlee/status/1\">November 18, 2019</a>\
                    </blockquote><script async src=\"https://platform.twitter.com/widgets.js\">\
                    </script></div>";
        let share = "<div class=\"social-share\"><a href=\"/s\">Share on Twitter</a> \
                     <a href=\"/f\">Share on Facebook</a></div>";
        let page = format!(
            "<html><head><title>Moths</title></head><body><article><h1>Moths</h1>{said}{post}\
             {said}{share}</article></body></html>"
        );
        let article = structure(&page);
        let text: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
        let kept = |words: &str| text.iter().any(|t| t.contains(words));
        assert!(kept("A moth just flew into my lamp again"), "{text:?}");
        assert!(kept("Ann Lee (@annlee)"), "{text:?}");
        assert!(!kept("Share on Facebook"), "{text:?}");
    }

    #[test]
    fn lines_a_page_breaks_with_br_stay_lines() {
        let said = "<p>A use declaration creates one or more local name bindings synonymous \
                    with some other path. Usually it is used to shorten the path required to \
                    refer to a module item, and it may appear in modules and blocks.</p>"
            .repeat(3);
        let grammar = "<p>UseTree → <br>      ( SimplePath? :: )? * <br>    | \
                       ( SimplePath? :: )? { UseTree } <br>    | SimplePath ( as IDENTIFIER )?</p>";
        let address = "<p>Herman Melville<br>Arrowhead Farm<br>Pittsfield, Massachusetts</p>";
        let page = format!(
            "<html><head><title>Use</title></head><body><main><h1>Use declarations</h1>\
             {grammar}{said}{address}</main></body></html>"
        );
        let article = structure(&page);
        let text: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
        assert!(
            text.contains(&"UseTree →\n( SimplePath? :: )? *\n| ( SimplePath? :: )? { UseTree }\n| SimplePath ( as IDENTIFIER )?"),
            "{text:?}"
        );
        assert!(
            text.contains(&"Herman Melville\nArrowhead Farm\nPittsfield, Massachusetts"),
            "{text:?}"
        );
    }

    #[test]
    fn a_note_set_apart_in_a_documentation_page_is_kept() {
        let said = "<p>Most types have a fixed size that is known at compile time. A type whose \
                    size is known only at run time is called a dynamically sized type, and such \
                    types can only be used in certain cases, which this page lists.</p>"
            .repeat(3);
        // Three boxes in the shapes documentation tools write them, each a short sentence
        // a fifth of which is links.
        let boxes = [
            "<div class=\"alert alert-note\"><blockquote><p class=\"alert-title\">Note</p>\
             <p><a href=\"v.html\">Variables</a>, function parameters, <a href=\"c.html\">\
             const</a> items, and <a href=\"s.html\">static</a> items must be Sized.</p>\
             </blockquote></div>",
            "<div class=\"admonition warning\"><p class=\"admonition-title\">Warning</p>\
             <p>Read <a href=\"a.html\">the unsafe guide</a> and <a href=\"b.html\">the \
             layout rules</a> before you cast.</p></div>",
            "<div class=\"markdown-alert markdown-alert-tip\"><p>Tip</p><p>Use \
             <a href=\"t.html\">the type alias</a> and <a href=\"u.html\">its helper</a> here.\
             </p></div>",
        ];
        let banner = "<div class=\"alert alert-warning\"><a href=\"/c\">We use cookies</a> \
                      on <a href=\"/p\">this site</a>.</div>";
        let page = format!(
            "<html><head><title>Types</title></head><body><main><h1>Dynamically sized \
             types</h1>{said}{}{said}{}{said}{}{banner}</main></body></html>",
            boxes[0], boxes[1], boxes[2]
        );
        let article = structure(&page);
        let text: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
        let kept = |words: &str| text.iter().any(|t| t.contains(words));
        assert!(kept("items must be Sized."), "{text:?}");
        assert!(kept("before you cast."), "{text:?}");
        assert!(kept("Use the type alias"), "{text:?}");
        assert!(!kept("We use cookies"), "{text:?}");
    }

    #[test]
    fn the_marks_that_link_to_a_heading_are_no_part_of_it() {
        let said = "<p>Most types have a fixed size that is known at compile time. A type whose \
                    size is known only at run time is called a dynamically sized type, and such \
                    types can only be used in certain cases, which <a href=\"#cases\">the list \
                    below</a> gives.</p>"
            .repeat(2);
        let page = format!(
            "<html><head><title>Types</title></head><body><main>\
             <h1>Sized types<a class=\"headerlink\" href=\"#sized\">¶</a></h1>{said}\
             <h2 id=\"cases\">The cases<a class=\"anchor\" href=\"#cases\"> # </a></h2>{said}\
             <h2>Rules <a href=\"#rules\">§</a></h2>{said}</main></body></html>"
        );
        let article = structure(&page);
        let text: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
        assert!(
            !text.iter().any(|t| t.contains(['¶', '§', '#'])),
            "{text:?}"
        );
        assert!(text.contains(&"The cases"), "{text:?}");
        assert!(text.contains(&"Rules"), "{text:?}");
        // A link to a place in the page with words of its own stays text.
        assert!(
            text.iter()
                .any(|t| t.contains("which the list below gives")),
            "{text:?}"
        );
    }

    #[test]
    fn a_title_cut_inside_its_brackets_is_taken_whole() {
        let page = |title: &str| {
            format!(
                "<html><head><title>{title}</title></head><body><main><h1>Types</h1>\
                 <p>{}</p></main></body></html>",
                "Each argument a function takes is described by a type, and so is its result. "
                    .repeat(8)
            )
        };
        let article = structure(&page(
            "Types (libffi: the portable foreign function interface library)",
        ));
        assert_eq!(
            article.title.as_deref(),
            Some("Types (libffi: the portable foreign function interface library)")
        );
        // A title the extractor shortened with its brackets whole stays as it found it.
        assert_eq!(
            whole_title(
                "Types (of arguments)".into(),
                "Site: Types (of arguments)".into()
            ),
            "Types (of arguments)"
        );
        assert_eq!(
            whole_title("library)".into(), "Types (x: library)".into()),
            "Types (x: library)"
        );
        assert!(brackets_pair("a (b [c] d) e") && !brackets_pair("b)") && !brackets_pair("(b]"));
    }

    #[test]
    fn a_manuals_section_keeps_its_text_whatever_its_title_says() {
        let said = |topic: &str| {
            format!(
                "<p>The daemon exports {topic} to its clients over the network. Each one is \
                 named when it is created, and the name is used by every command that refers \
                 to it later, including the commands that remove it again.</p>"
            )
            .repeat(3)
        };
        let section = |id: &str, title: &str, topic: &str| {
            format!(
                "<section id=\"{id}\"><h2>{title}</h2>{}</section>",
                said(topic)
            )
        };
        let page = format!(
            "<html><head><meta name=\"generator\" content=\"Docutils 0.19: \
             https://docutils.sourceforge.io/\" /><title>Reference</title></head><body>\
             <div role=\"main\"><section id=\"reference\"><h1>Reference</h1>{}{}{}</section>\
             </div></body></html>",
            section("block-devices", "Block devices", "block devices"),
            section(
                "block-core-vm-unrelated",
                "Block core (VM unrelated)",
                "snapshots"
            ),
            section("block-device-exports", "Block device exports", "exports"),
        );
        let article = structure(&page);
        let text: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
        assert!(text.contains(&"Block core (VM unrelated)"), "{text:?}");
        assert!(
            text.iter()
                .any(|t| t.contains("exports snapshots to its clients")),
            "{text:?}"
        );
    }

    #[test]
    fn a_section_heading_keeps_its_place_whatever_its_class_or_id_says() {
        let said = |topic: &str| {
            format!(
                "<p>The witness spoke about {topic} for most of the afternoon, and the judge \
                 asked him twice to answer only the question he had been asked, which he did \
                 not do on either occasion.</p>"
            )
            .repeat(2)
        };
        // A news site's "subheader" and a manual's heading named by its own title ("Extra
        // conditionals…"): each holds a word the extractor takes for a page's other parts.
        let page = format!(
            "<html><head><title>Takeaways</title></head><body><article><h1>Takeaways</h1>{}\
             <h2 class=\"subheader\">The campaign comes to the courtroom</h2>{}\
             <h2 id=\"extra-conditionals-with-guards\">Extra conditionals with guards</h2>{}\
             </article><div class=\"comments\"><h3 class=\"comment-header\">Ann</h3>\
             <p>First!</p></div></body></html>",
            said("the loans"),
            said("the campaign"),
            said("the guards"),
        );
        let article = structure(&page);
        let text: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
        for heading in [
            "The campaign comes to the courtroom",
            "Extra conditionals with guards",
        ] {
            assert!(text.contains(&heading), "{heading}: {text:?}");
        }
        assert!(!text.iter().any(|t| t.contains("First!")), "{text:?}");
    }

    #[test]
    fn a_page_that_opens_on_a_short_list_keeps_it() {
        let said = "<p>These targets are cross-compiled. To build them, a recent version of the \
                    vendor's tools is required on the build machine, and the standard library \
                    must be built from source for each of them.</p>"
            .repeat(3);
        let page = format!(
            "<html><head><title>Watch targets</title></head><body><main>\
             <h1>Watch targets</h1><ul><li><a href=\"/\">Home</a></li><li><a href=\"/b\">\
             Book</a></li></ul><ul><li>arm64_32-apple-watchos</li><li>armv7k-apple-watchos\
             </li></ul><p>Tier: 3</p><p>Watch targets:</p><ul><li>Watch on Arm v7k</li>\
             <li>Watch Simulator on arm64</li></ul><h2>Requirements</h2>{said}</main></body>\
             </html>"
        );
        let article = structure(&page);
        let shown = shown(&article);
        for kept in [
            "arm64_32-apple-watchos",
            "Tier: 3",
            "Watch targets:",
            "Watch on Arm v7k",
        ] {
            assert!(
                shown.iter().any(|t| t.trim_start_matches("• ") == kept),
                "{kept}: {shown:?}"
            );
        }
        // The links above it are the page's menu.
        assert!(!shown.iter().any(|t| t.contains("Home")), "{shown:?}");
    }

    #[test]
    fn a_buying_guides_item_boxes_all_links_are_kept() {
        let said = "<p>Kettles went on sale this week across the big shops, and a few of the \
                    best we tested are cheaper than they have been all year. Here are our \
                    picks, from the fastest to boil to the quietest on the counter.</p>"
            .repeat(2);
        let item = |n: usize| {
            format!(
                "<h2>Kettle {n}</h2><p>It boils a litre in {n} minutes and keeps it warm for \
                 an hour, which is why it made the list this year.</p>\
                 <div class=\"product-box\"><a href=\"/p/{n}\"><img src=\"k.jpg\"></a>\
                 <a href=\"/p/{n}\">Kettle {n}, brushed steel (2024 model)</a>\
                 <div><a href=\"/p/{n}\">${n}9.99</a></div><a href=\"/buy/{n}\">Buy Now</a></div>"
            )
        };
        let items: String = (1..=3).map(item).collect();
        let page = format!(
            "<html><head><title>Best kettles</title></head><body><article><h1>Best kettles</h1>\
             {said}{items}</article><footer>Copyright 2024.</footer></body></html>"
        );
        let article = structure(&page);
        let shown = shown(&article);
        let all = shown.join("\n");
        for kept in ["Kettle 2, brushed steel (2024 model)", "$29.99", "$39.99"] {
            assert!(all.contains(kept), "{kept}: {shown:?}");
        }
    }

    #[test]
    fn a_grammar_whose_symbols_link_to_their_definitions_is_kept() {
        let said = "<p>A use declaration creates one or more local name bindings synonymous \
                    with some other path. Usually a use declaration is used to shorten the path \
                    required to refer to a module item, at the top of a module.</p>"
            .repeat(3);
        let grammar = "<div class=\"grammar-container\"><p><a href=\"use.html#g-UseDecl\">\
                       UseDeclaration</a> → use <a href=\"use.html#g-UseTree\">UseTree</a> ;\
                       </p><p><a href=\"use.html#g-UseTree\">UseTree</a> → \
                       <a href=\"../paths.html#g-SimplePath\">SimplePath</a> :: *</p></div>";
        // A grammar whose symbols link within the page itself.
        let production = |name: &str| {
            format!(
                "<p><a href=\"#g-{name}\">{name}</a> → <a href=\"#g-Ident\">IDENTIFIER</a> \
                 | <a href=\"#g-Path\">SimplePath</a> | <a href=\"#g-Alias\">UseAlias</a></p>"
            )
        };
        let in_page = format!(
            "<div class=\"grammar-container\">{}{}{}</div>",
            production("UseBound"),
            production("UseRename"),
            production("UseGlob")
        );
        let related = "<div><p><a href=\"https://news.example/a#top\">Moths return to the \
                       lamps</a> <a href=\"/b#c\">A summer of moths</a></p></div>";
        let page = format!(
            "<html><head><title>Use</title></head><body><main><h1>Use declarations</h1>\
             {grammar}{said}{in_page}{said}{related}</main></body></html>"
        );
        let article = structure(&page);
        let text: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
        let kept = |words: &str| text.iter().any(|t| t.contains(words));
        assert!(kept("UseDeclaration → use UseTree ;"), "{text:?}");
        assert!(kept("UseTree → SimplePath :: *"), "{text:?}");
        assert!(
            kept("UseRename → IDENTIFIER | SimplePath | UseAlias"),
            "{text:?}"
        );
        assert!(!kept("A summer of moths"), "{text:?}");
        // The grammar's symbols are words now, with no addresses listed for them.
        assert!(!text.iter().any(|t| t.contains("g-UseTree")), "{text:?}");
    }

    #[test]
    fn a_comment_forms_field_label_is_no_byline() {
        let body = "<p>Moths find their way by the moon, or so the story goes. Researchers \
                    have spent decades testing the idea with lamps, nets and patient nights in \
                    the field, and the answer is more complicated than anyone expected.</p>"
            .repeat(4);
        let page = format!(
            "<html><head><title>Moths</title></head><body><article><h1>Moths</h1>{body}\
             </article><form id=\"commentform\"><p class=\"comment-form-author\">\
             <label for=\"author\">Name <span class=\"required\">*</span></label>\
             <input id=\"author\" name=\"author\"></p></form></body></html>"
        );
        let article = structure(&page);
        let bylines: Vec<&str> = article
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Byline)
            .map(|b| b.text.as_str())
            .collect();
        assert!(!bylines.contains(&"Name *"), "{bylines:?}");
        // A real byline stays.
        assert!(
            structure(PAGE)
                .blocks
                .iter()
                .any(|b| b.kind == BlockKind::Byline),
            "the byline of an article with no form"
        );
        assert!(is_form_label(&page, "Name *"));
        assert!(!is_form_label(&page, "Ann Example"));
        // A label that names no field is text set by the page: an author, perhaps.
        assert!(!is_form_label(
            "<div><label>Ann Lee</label></div>",
            "Ann Lee"
        ));
        // Unclosed labels by the thousand, a reach that ends inside a character: answered.
        let hostile = format!("{}<label for=x>Näme", "<label for=x>é".repeat(50_000));
        assert!(!is_form_label(&hostile, "Name *"));
    }

    #[test]
    fn link_addresses_are_folded_after_the_text_that_links_them() {
        let page = PAGE.replace(
            "or so the story goes.",
            "or so the <a href=\"https://example.org/moon\">story</a> goes.",
        );
        let article = structure(&page);
        let folded: Vec<(&str, Fold)> = article
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Leftover)
            .map(|b| (b.text.as_str(), b.fold))
            .collect();
        assert_eq!(
            folded,
            [("[1] https://example.org/moon", Fold::LinkAddresses)],
            "{:#?}",
            article.blocks
        );
    }

    #[test]
    fn hostile_entities_and_text_are_sanitized() {
        let page = "<html><body><p>a &#27;]52;c;eA==&#7; b \u{1b}[2J c &#x9b;31m</p></body></html>";
        let article = structure(page);
        for block in &article.blocks {
            assert!(
                !block.text.chars().any(|c| c.is_control()),
                "{:?}",
                block.text
            );
        }
    }
}
