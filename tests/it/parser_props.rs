//! Every parser fed arbitrary bytes, on stable (the fuzz targets under `fuzz/` do the same at
//! length on nightly): plain text with Aozora Bunko markup, Markdown, HTML and EPUB (an
//! archive of arbitrary bytes, and a well-formed book whose chapter is arbitrary bytes).
//! Whatever the input, loading never panics, a text format forced on it always loads, every
//! block's text is free of control and bidi characters, its styled spans lie on its character
//! boundaries, and the outline builds over it.

use proptest::prelude::*;
use quire::document::{Document, Format, LoadOptions};
use quire::outline::Outline;

use crate::epub::Book;

/// Pieces each parser reads as markup, mixed with arbitrary bytes so that every parser sees
/// its own syntax, broken in every way.
const PIECES: &[&str] = &[
    // Aozora Bunko: ruby, its start mark, editor's notes, headings, page breaks.
    "《",
    "》",
    "｜",
    "［＃",
    "］",
    "［＃改ページ］",
    "［＃「",
    "」は大見出し］",
    "」に傍点］",
    "［＃ここから２字下げ］",
    "［＃ここで字下げ終わり］",
    "※［＃「口＋世」、第3水準1-15-1］",
    "-------------------------------------------------------\n",
    "【テキスト中に現れる記号について】\n",
    "底本：",
    // Markdown.
    "# ",
    "## ",
    "- ",
    "1. ",
    "> ",
    "```\n",
    "    ",
    "*",
    "_",
    "`",
    "[a](http://x)",
    "![i](x.png)",
    "|a|b|\n|-|-|\n",
    "<div>",
    // HTML and XHTML.
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<table><tr><td>",
    "<ul><li>",
    "<h1>",
    "</h1>",
    "<script>",
    "</script>",
    "<svg><g>",
    "<math><mi>",
    "<![CDATA[",
    "]]>",
    "<!--",
    "-->",
    "&amp;",
    "&#27;",
    "&#x202E;",
    "&nbsp;",
    "<br/>",
    "<a href=\"#n1\" epub:type=\"noteref\">",
    "<aside epub:type=\"footnote\" id=\"n1\">",
    // Hostile and awkward text.
    "\u{1b}[31m",
    "\u{1b}]0;title\u{7}",
    "\u{9b}",
    "\u{202e}",
    "\u{0}",
    "\r\n",
    "\n\n",
    "\t",
    "漢字",
    "\u{301}",
];

/// Arbitrary bytes: raw runs, markup pieces, or both interleaved.
fn bytes() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        prop::sample::select(PIECES).prop_map(|p| p.as_bytes().to_vec()),
        prop::collection::vec(any::<u8>(), 0..24),
        "[a-z ]{1,12}".prop_map(String::into_bytes),
    ];
    prop::collection::vec(piece, 0..48).prop_map(|pieces| pieces.concat())
}

/// The invariant every loaded document keeps.
fn check(doc: &Document) -> Result<(), TestCaseError> {
    for block in &doc.blocks {
        let bad = block.text.chars().find(|&c| {
            (c.is_control() && c != '\n') || quire::document::sanitize::is_bidi_control(c)
        });
        prop_assert!(bad.is_none(), "{bad:?} in {:?}", block.text);
        for span in &block.spans {
            prop_assert!(span.start <= span.end && span.end <= block.text.len());
            prop_assert!(block.text.is_char_boundary(span.start));
            prop_assert!(block.text.is_char_boundary(span.end));
        }
    }
    let _ = Outline::build(doc);
    Ok(())
}

fn forced(bytes: Vec<u8>, format: Format) -> Result<(), TestCaseError> {
    let options = LoadOptions {
        format: Some(format),
        force: true,
        ..LoadOptions::default()
    };
    match Document::load(bytes, "input", options) {
        Ok(doc) => check(&doc),
        Err(err) => Err(TestCaseError::fail(format!("{format:?} refused: {err}"))),
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(128),
        ..ProptestConfig::default()
    })]

    #[test]
    fn text_and_aozora_markup(bytes in bytes()) {
        forced(bytes, Format::Text)?;
    }

    #[test]
    fn markdown(bytes in bytes()) {
        forced(bytes, Format::Markdown)?;
    }

    #[test]
    fn html(bytes in bytes()) {
        forced(bytes, Format::Html)?;
    }

    #[test]
    fn any_format_detected(bytes in bytes()) {
        // Detection and decoding may refuse (binary, say); they may not panic.
        if let Ok(doc) = Document::load(bytes, "input", LoadOptions::default()) {
            check(&doc)?;
        }
    }

    #[test]
    fn epub_of_arbitrary_bytes(bytes in bytes()) {
        if let Ok(doc) = Document::load(bytes, "book.epub", LoadOptions::default()) {
            check(&doc)?;
        }
    }

    #[test]
    fn epub_whose_chapter_is_arbitrary_bytes(chapter in bytes(), nav in bytes()) {
        let mut book = Book::epub3(&[("one.xhtml", "<p>x</p>"), ("two.xhtml", "<p>y</p>")], &[]);
        book.add_bytes("OEBPS/one.xhtml", chapter);
        book.add_bytes("OEBPS/nav.xhtml", nav);
        // A chapter that cannot be read is a line saying so; the book still opens.
        match Document::load(book.zip(), "book.epub", LoadOptions::default()) {
            Ok(doc) => check(&doc)?,
            Err(err) => prop_assert!(false, "book refused: {err}"),
        }
    }
}
