//! The flattening of deep HTML, checked against the parser: what it builds from the
//! flattened page nests within the bound and shows every word of the original, in order.

use super::*;
use proptest::prelude::*;

/// The deepest element of the page as the parser builds it, and its words in order.
fn parsed(html: &str) -> (usize, Vec<String>) {
    let document = dom_query::Document::from(html);
    let mut deepest = 0;
    let mut words = Vec::new();
    let mut stack = vec![(document.root(), 0usize)];
    while let Some((node, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        if node.is_text() {
            words.extend(node.text().split_whitespace().map(str::to_string));
        }
        let children: Vec<_> = node.children_it(false).collect();
        stack.extend(children.into_iter().rev().map(|child| (child, depth + 1)));
    }
    (deepest, words)
}

#[test]
fn a_real_page_is_parsed_as_it_is() {
    let mut page = String::from("<!DOCTYPE html><html><body><div><ul>");
    // Sloppy but shallow: unclosed items, paragraphs, cells and options by the thousand.
    for i in 0..1000 {
        page.push_str(&format!("<li>item {i}<p>para {i}"));
    }
    page.push_str("</ul><table>");
    for i in 0..1000 {
        page.push_str(&format!("<tr><td>{i}<td><b>x</b>"));
    }
    page.push_str("</table><select>");
    for i in 0..1000 {
        page.push_str(&format!("<option>{i}"));
    }
    page.push_str("</select><svg><g><path d='M0'/><rect/></g></svg></div></body></html>");
    assert!(matches!(bounded(&page), Cow::Borrowed(_)));
}

#[test]
fn a_hundred_thousand_nested_divs_are_flattened_and_keep_their_text() {
    let depth = 100_000;
    let page = format!(
        "<html><body>{}deep text{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let flat = bounded(&page);
    assert!(matches!(flat, Cow::Owned(_)));
    assert!(flat.len() < page.len() / 100, "{}", flat.len());
    let (deepest, words) = parsed(&flat);
    assert!(deepest <= MAX_DEPTH + 4, "{deepest}");
    assert_eq!(words, ["deep", "text"]);
}

#[test]
fn forms_closed_around_open_elements_are_bounded() {
    // `</form>` takes the form off the parser's stack but leaves the `<span>` opened in it
    // open, inside it: each round nests two deeper on the page.
    let page = "<form>a <span>b </form>c ".repeat(20_000);
    let flat = bounded(&page);
    let (deepest, words) = parsed(&flat);
    assert!(deepest <= 4 * MAX_DEPTH, "{deepest}");
    let (_, original) = parsed(&page[..page.len() / 40]);
    assert_eq!(words.len(), 60_000);
    assert_eq!(words[..original.len()], original[..]);
}

#[test]
fn text_at_every_level_is_kept_in_order_in_paragraphs_of_its_own() {
    let depth = 1000;
    let page: String = (0..depth)
        .map(|i| format!("<div>w{i} "))
        .collect::<String>()
        + &"</div>".repeat(depth);
    let flat = bounded(&page);
    let (deepest, words) = parsed(&flat);
    assert!(deepest <= MAX_DEPTH + 4, "{deepest}");
    let expected: Vec<String> = (0..depth).map(|i| format!("w{i}")).collect();
    assert_eq!(words, expected);
    // Past the bound, each level's text is a paragraph of its own.
    assert!(flat.contains("<p>w500 "), "{}", &flat[..200]);
}

#[test]
fn tables_nested_past_the_bound_keep_their_words_in_order() {
    // Each level is a table whose first row is done before the next table opens in the
    // second row: text left in a table outside any cell would be moved in front of the
    // first row, out of order.
    let depth = 400;
    let page: String = (0..depth)
        .map(|i| format!("<table><tr><td>a{i}</td></tr><tr><td>b{i} "))
        .collect::<String>()
        + &"</td></tr></table>".repeat(depth);
    let flat = bounded(&page);
    // Past the bound, no row is left without its cell: the parser reads every word where
    // it was written, never moving text out of a table.
    assert!(
        !flat.contains("<tr><p>"),
        "{}",
        &flat[flat.len() / 2..][..400]
    );
    let (deepest, words) = parsed(&flat);
    assert!(deepest <= 2 * MAX_DEPTH, "{deepest}");
    let expected: Vec<String> = (0..depth)
        .flat_map(|i| [format!("a{i}"), format!("b{i}")])
        .collect();
    assert_eq!(words, expected);
}

#[test]
fn markup_survives_the_rewrite() {
    let page = format!(
        "<!DOCTYPE html><p title=\"a &quot;b&quot; &amp; c\">x &lt;i&gt; &amp; y</p>{}\
         <script>if (a < b) {{ document.write('<div>') }}</script>z &amp; w{}",
        "<section>".repeat(300),
        "</section>".repeat(300)
    );
    let flat = bounded(&page);
    assert!(flat.starts_with("<!DOCTYPE html>"), "{}", &flat[..40]);
    assert!(
        flat.contains("<p title=\"a &quot;b&quot; &amp; c\">x &lt;i&gt; &amp; y</p>"),
        "{flat}"
    );
    assert!(flat.contains("z &amp; w"), "{flat}");
    assert!(
        flat.contains("if (a < b) { document.write('<div>') }"),
        "{flat}"
    );
    let (_, words) = parsed(&flat);
    assert!(words.join(" ").contains("x <i> & y"), "{words:?}");
}

#[test]
fn formatting_reopened_in_every_paragraph_is_bounded() {
    // Each paragraph leaves 150 distinct <b>s open; the parser reopens all of them in the
    // next paragraph, so unbounded they would pile up 150 deeper each time.
    let mut page = String::new();
    for p in 0..50 {
        page.push_str("<p>");
        for b in 0..150 {
            page.push_str(&format!("<b id=b{p}x{b}>"));
        }
        page.push_str(&format!("w{p}</p>"));
    }
    let (deepest, words) = parsed(&bounded(&page));
    assert!(deepest <= 2 * MAX_DEPTH + 8, "{deepest}");
    assert_eq!(words.len(), 50);
}

#[test]
fn a_formatting_element_closed_inside_svg_leaves_what_it_held_open() {
    // `</i>` inside SVG is read as HTML's: it closes the `<i>` alone, and the `<dl>` and
    // `<svg>` opened inside it stay open, one level deeper at every repeat.
    let mut page = String::new();
    for w in 0..1_000 {
        page.push_str(&format!("<i id=x>a{w} <dl>b{w} <svg>c{w} </i>d{w} "));
    }
    let (unbounded, _) = parsed(&page);
    assert!(
        unbounded > 4 * MAX_DEPTH,
        "the case nests deep: {unbounded}"
    );
    let (deepest, words) = parsed(&bounded(&page));
    assert!(deepest <= 2 * MAX_DEPTH, "{deepest}");
    assert_eq!(words.len(), 4_000);
}

/// Tags and text a page can be built of, sloppy and hostile alike.
const PIECES: &[&str] = &[
    "<div>",
    "</div>",
    "<p>",
    "</p>",
    "<li>",
    "</li>",
    "<ul>",
    "</ul>",
    "<b>",
    "</b>",
    "<i id=x>",
    "</i>",
    "<a href=#>",
    "</a>",
    "<table>",
    "</table>",
    "<tr>",
    "<td>",
    "</td>",
    "<span>",
    "</span>",
    "<section>",
    "<svg>",
    "</svg>",
    "<g>",
    "<g/>",
    "<div/>",
    "<select>",
    "<option>",
    "<button>",
    "<dl>",
    "<dt>",
    "<dd>",
    "<h2>",
    "</h2>",
    "<br>",
    "<foreignObject>",
    "<math>",
    "<mi>",
    "<font color=red>",
    "<pre>",
    "<textarea>",
    "</textarea>",
    "<title>",
    "</title>",
    "</p>",
    "</li>",
    "<path/>",
    "<optgroup>",
    "<caption>",
    "<form>",
    "</form>",
    "<body>",
    "<object>",
    "<mtext>",
    "<desc>",
    "<tbody>",
    "</tr>",
    "<ol>",
    "<nobr>",
    "<h3>",
    "<template>",
    "</template>",
    "</br>",
    "<li/>",
];

proptest! {
    // Failures are kept with the tests, not at the top of the repository.
    #![proptest_config(ProptestConfig {
        failure_persistence: Some(Box::new(
            proptest::test_runner::FileFailurePersistence::SourceParallel(
                "tests/proptest-regressions"
            )
        )),
        ..ProptestConfig::with_cases(64)
    })]

    /// However the pieces repeat, the page the parser builds from the flattened text
    /// nests no deeper than a small multiple of the bound, and keeps every word.
    #[test]
    fn any_repeated_motif_is_bounded_and_keeps_its_words(
        motif in proptest::collection::vec(0..PIECES.len(), 1..6),
        repeats in 250usize..700,
        tail in proptest::collection::vec(0..PIECES.len(), 0..20),
    ) {
        let mut page = String::new();
        let mut word = 0;
        for _ in 0..repeats {
            for &piece in &motif {
                page.push_str(PIECES[piece]);
                page.push_str(&format!("w{word} "));
                word += 1;
            }
        }
        for &piece in &tail {
            page.push_str(PIECES[piece]);
        }
        let (deepest, words) = parsed(&bounded(&page));
        prop_assert!(deepest <= 4 * MAX_DEPTH, "{deepest}");
        // Every word of the text the parser shows in the page is kept, once. Markup read as
        // text is another matter: a `<textarea>` or `<title>` inside `<math>` or `<svg>` holds
        // tags, outside it holds text, and bounding the nesting may move one across that line,
        // so a stray "<div>" may appear or go. The words `w0`, `w1`… are the text.
        let text_word = |w: &&String| w.strip_prefix('w').is_some_and(|n| n.parse::<usize>().is_ok());
        let (_, original) = parsed(&page);
        let mut kept = std::collections::HashMap::<&str, usize>::new();
        for word in words.iter().filter(text_word) {
            *kept.entry(word.as_str()).or_default() += 1;
        }
        for word in original.iter().filter(text_word) {
            let count = kept.get_mut(word.as_str());
            prop_assert!(count.as_ref().is_some_and(|c| **c > 0), "{word} lost");
            if let Some(count) = count {
                *count -= 1;
            }
        }
        // A `<template>` left out shows what it held (the parser keeps that out of the page):
        // more, never less.
        prop_assert!(kept.values().all(|&c| c == 0) || page.contains("<template>"), "{kept:?}");
    }
}

#[test]
fn a_deep_page_opens_as_a_document_with_every_word() {
    use crate::document::{Document, Format};
    let depth = 2000;
    let page: String = (0..depth)
        .map(|i| format!("<div>w{i} "))
        .collect::<String>()
        + &"</div>".repeat(depth);
    let doc = Document::structure(&page, "deep.html", Format::Html);
    let words: Vec<String> = doc
        .blocks
        .iter()
        .flat_map(|b| b.text.split_whitespace().map(str::to_string))
        .collect();
    let expected: Vec<String> = (0..depth).map(|i| format!("w{i}")).collect();
    assert_eq!(words, expected);
}

/// A list item closes an open paragraph, and not a `<dt>` it sits in: paragraphs, items and
/// terms in turn nest two deeper each time, and the model must see it.
#[test]
fn paragraphs_items_and_terms_in_turn_are_bounded() {
    let mut page = String::new();
    for w in 0..250 {
        page.push_str(&format!("<p>a{w} <li>b{w} <dt>c{w} "));
    }
    assert!(parsed(&page).0 > 4 * MAX_DEPTH, "the shape nests deep");
    let (deepest, words) = parsed(&bounded(&page));
    assert!(deepest <= 4 * MAX_DEPTH, "{deepest}");
    assert_eq!(words.len(), 750);
}

/// Inside SVG, `<tr>` is an SVG element that closes no row before it: rows and drawings in
/// turn nest deep in the parser, and the model must count them so.
#[test]
fn rows_inside_drawings_are_bounded() {
    let mut page = String::new();
    for w in 0..349 {
        page.push_str(&format!("</textarea>a{w} <tr>b{w} <svg>c{w} "));
    }
    assert!(parsed(&page).0 > 4 * MAX_DEPTH, "the shape nests deep");
    let (deepest, words) = parsed(&bounded(&page));
    assert!(deepest <= 4 * MAX_DEPTH, "{deepest}");
    assert_eq!(words.len(), 3 * 349);
}

/// An end tag that closes nothing in SVG (`</div>` there is ignored) must not close an `<svg>`
/// left out in the model: the `<title>` after it is SVG's, whose text is shown, not HTML's,
/// which would read the rest of the page as its text.
#[test]
fn a_stray_end_tag_in_a_drawing_left_out_keeps_it_open() {
    let mut page = String::new();
    for w in 0..250 {
        page.push_str(&format!("<svg>a{w} </div>b{w} <title>c{w} "));
    }
    assert!(parsed(&page).0 > 4 * MAX_DEPTH, "the shape nests deep");
    let (deepest, words) = parsed(&bounded(&page));
    assert!(deepest <= 4 * MAX_DEPTH, "{deepest}");
    let original = parsed(&page).1;
    assert_eq!(words, original);
}

#[test]
fn a_textarea_under_mathmls_desc_is_an_element_and_its_nesting_bounded() {
    // `<desc>` is HTML again only in SVG; in MathML a `<textarea>` under it opens an element,
    // and the tags after it are tags, not the box's text.
    let page = "<math><desc><textarea>w ".repeat(300);
    let (deepest, words) = parsed(&bounded(&page));
    assert!(deepest <= 4 * MAX_DEPTH, "{deepest}");
    assert_eq!(words.iter().filter(|w| w.as_str() == "w").count(), 300);
}
