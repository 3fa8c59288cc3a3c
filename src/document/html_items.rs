//! Items for sale on a saved web page (a buying guide's picks, a shop's products), made text
//! the article extractor keeps. Each item's box is the item's name, its price and "Buy now",
//! nearly all of it links, which is how the extractor tells a box of related links it drops;
//! here the boxes are what the article is about.

use std::collections::{HashMap, HashSet};

use dom_query::{Document, NodeId, NodeRef};

use super::html_text::is_block;
use super::structure::is_price_tag;

/// The fewest items with a price tag that make a page's items for sale; one or two price
/// tags are an advertisement's.
const LEAST_ITEMS: usize = 3;

/// The most text one item's box holds: its name, a line or two about it, the price and the
/// buttons. A box that holds more is a part of the page, not an item.
const MOST_ITEM_CHARS: usize = 1_000;

/// Each box holding one price tag and nothing else's, three or more on the page, becomes a
/// paragraph of its lines with no links: "Apple AirPods (Latest Model)" / "$139.00" /
/// "Available from Amazon" / "Buy Now". A price named in a sentence or a headline ("now
/// $85") is no tag, and a box that holds two tags is a list of items, whose boxes are
/// inside it.
pub(super) fn keep_items_for_sale(page: &Document) {
    // Each piece of text is looked at once: a tag is the element around a piece that is a
    // price, when that is all the element says.
    let mut tags: Vec<NodeRef<'_>> = Vec::new();
    for body in page.select("body").nodes() {
        for text in body.descendants_it().filter(NodeRef::is_text) {
            let Some(tag) = text.parent().filter(|_| is_price_tag(&text.text())) else {
                continue;
            };
            if tags.last().is_none_or(|last| last.id != tag.id)
                && is_price_tag(&tag.text())
                && !in_set_text(&tag)
            {
                tags.push(tag);
            }
        }
    }
    if tags.len() < LEAST_ITEMS {
        return;
    }
    let tag_ids: HashSet<NodeId> = tags.iter().map(|tag| tag.id).collect();
    let tags_under = |node: &NodeRef<'_>| {
        node.descendants_it()
            .filter(|d| tag_ids.contains(&d.id))
            .take(2)
            .count()
    };
    let mut boxes = Vec::new();
    for tag in &tags {
        let mut item = *tag;
        for ancestor in tag.ancestors_it(None).filter(NodeRef::is_element) {
            let name = ancestor.node_name().unwrap_or_default();
            if matches!(&*name, "body" | "html" | "main" | "article") || tags_under(&ancestor) > 1 {
                break;
            }
            item = ancestor;
        }
        if item.text().chars().count() <= MOST_ITEM_CHARS {
            boxes.push(item);
        }
    }
    if boxes.len() < LEAST_ITEMS {
        return;
    }
    // An item whose price is withheld ("See the price at the shop") comes in the same box as
    // the others, named by the same class: the page's template for an item.
    let mut classes: HashMap<String, usize> = HashMap::new();
    for item in &boxes {
        if let Some(class) = item.attr("class").filter(|c| !c.trim().is_empty()) {
            *classes.entry(class.to_string()).or_default() += 1;
        }
    }
    classes.retain(|_, count| *count >= 2);
    if !classes.is_empty() {
        let known: HashSet<NodeId> = boxes.iter().map(|item| item.id).collect();
        for body in page.select("body").nodes() {
            for element in body.descendants_it().filter(NodeRef::is_element) {
                let same = element
                    .attr("class")
                    .is_some_and(|class| classes.contains_key(&*class));
                if same
                    && !known.contains(&element.id)
                    && tags_under(&element) == 0
                    && !element.ancestors_it(None).any(|a| known.contains(&a.id))
                    && element.text().chars().count() <= MOST_ITEM_CHARS
                {
                    boxes.push(element);
                }
            }
        }
    }
    for item in boxes {
        let lines = lines_of(&item);
        if lines.is_empty() {
            continue;
        }
        let html: Vec<_> = lines
            .iter()
            .map(|line| quick_xml::escape::escape(line.as_str()))
            .collect();
        item.replace_with_html(format!("<p>{}</p>", html.join("<br>")));
    }
}

/// Inside a table, code or a formula, where a figure after a sign is a cell's value or a
/// register ("$28"), and the layout is the text's own.
fn in_set_text(node: &NodeRef<'_>) -> bool {
    node.ancestors_it(None).any(|ancestor| {
        let name = ancestor.node_name().unwrap_or_default();
        matches!(
            &*name,
            "table" | "pre" | "code" | "kbd" | "samp" | "math" | "svg" | "textarea"
        )
    })
}

/// The lines a box shows: the text of each block inside it, in order, its inline parts
/// (links among them) run together.
fn lines_of(item: &NodeRef<'_>) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut last_block = None;
    for node in item.descendants_it().filter(NodeRef::is_text) {
        let text = node.text();
        let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if words.is_empty() {
            continue;
        }
        let mut block = item.id;
        let mut hidden = false;
        for ancestor in node.ancestors_it(None) {
            if ancestor.id == item.id {
                break;
            }
            let name = ancestor.node_name().unwrap_or_default();
            hidden |= matches!(&*name, "script" | "style" | "noscript" | "template");
            if block == item.id && is_block(&name) {
                block = ancestor.id;
            }
        }
        if hidden {
            continue;
        }
        match lines.last_mut() {
            Some(line) if last_block == Some(block) => {
                line.push(' ');
                line.push_str(&words);
            }
            _ => lines.push(words),
        }
        last_block = Some(block);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    const ITEM: &str = r#"<div class="product-box"><a class="title" href="/p/{n}">Kettle model {n}, brushed steel</a>
        <div class="price"><a href="/p/{n}">${n}9.00</a></div>
        <div class="shop">Available from <a href="/shop">the shop</a></div>
        <a class="button" href="/buy/{n}">Buy Now</a></div>"#;

    fn page(items: usize) -> String {
        let boxes: String = (1..=items)
            .map(|n| {
                format!(
                    "<h2>Kettle {n}</h2><p>A kettle that boils fast.</p>{}",
                    ITEM.replace("{n}", &n.to_string())
                )
            })
            .collect();
        format!("<html><body><article><h1>Best kettles</h1>{boxes}</article></body></html>")
    }

    #[test]
    fn three_boxes_with_a_price_tag_each_become_paragraphs_of_lines() {
        let doc = Document::from(page(3).as_str());
        keep_items_for_sale(&doc);
        let html = doc.select("article").html().to_string();
        assert!(
            html.contains(
                "<p>Kettle model 2, brushed steel<br>$29.00<br>Available from the shop<br>Buy Now</p>"
            ),
            "{html}"
        );
        assert!(!html.contains("/p/2"), "the box's links are gone: {html}");
        assert!(html.contains("<h2>Kettle 2</h2>"), "{html}");
    }

    #[test]
    fn two_price_tags_are_an_advertisement_left_alone() {
        let doc = Document::from(page(2).as_str());
        keep_items_for_sale(&doc);
        assert!(doc.select("article").html().contains("/p/2"));
    }

    #[test]
    fn a_price_named_in_a_headline_is_no_tag() {
        let teasers: String = (1..=4)
            .map(|n| format!("<div><a href=\"/t/{n}\">Earbuds now on sale for ${n}5</a></div>"))
            .collect();
        let doc = Document::from(format!("<html><body>{teasers}</body></html>").as_str());
        keep_items_for_sale(&doc);
        assert_eq!(doc.select("a").length(), 4);
    }

    #[test]
    fn a_box_of_the_same_class_without_a_price_is_an_item_too() {
        let withheld = r#"<div class="product-box"><a href="/p/9">Kettle model 9, copper</a>
            <div>Price withheld at the maker's request. <a href="/p/9">See it at the shop</a></div>
            <a href="/buy/9">Buy Now</a></div>"#;
        let html = page(3).replace("</article>", &format!("{withheld}</article>"));
        let doc = Document::from(html.as_str());
        keep_items_for_sale(&doc);
        let out = doc.select("article").html().to_string();
        assert!(
            out.contains("<p>Kettle model 9, copper<br>Price withheld at the maker's request. See it at the shop<br>Buy Now</p>"),
            "{out}"
        );
    }

    #[test]
    fn figures_in_a_table_are_no_price_tags() {
        let rows: String = (1..=4)
            .map(|n| format!("<tr><td><a href=\"#r\">r{n}</a></td><td>${n}0.00</td></tr>"))
            .collect();
        let html = format!("<html><body><table>{rows}</table></body></html>");
        let doc = Document::from(html.as_str());
        keep_items_for_sale(&doc);
        assert_eq!(doc.select("td").length(), 8);
        assert_eq!(doc.select("a").length(), 4);
    }

    #[test]
    fn text_in_a_box_is_escaped_and_its_scripts_left_out() {
        let html = page(3).replace(
            "Buy Now</a>",
            "Buy Now &lt;b&gt;</a><script>var x = 1;</script>",
        );
        let doc = Document::from(html.as_str());
        keep_items_for_sale(&doc);
        let out = doc.select("article").html().to_string();
        assert!(out.contains("Buy Now &lt;b&gt;</p>"), "{out}");
        assert!(!out.contains("var x"), "{out}");
    }
}
