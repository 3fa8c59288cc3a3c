//! Tests of anchoring: the content hash, excerpts that quote as the whole text does, quotes
//! found again after their text moved, was edited or went, and spans across blocks.

use super::*;

fn doc(text: &str) -> Document {
    Document::from_text(text, "t")
}

fn span_of(flat: &FlatText, needle: &str) -> Span {
    let at = flat.text.find(needle).unwrap();
    flat.span(at..at + needle.len())
}

const ORIGINAL: &str = "First paragraph has words in it.\n\nThe quick brown fox jumps over the lazy dog near the river bank today.\n\nLast one here.\n";

#[test]
fn hash_ignores_line_ends_and_reflow_but_not_words() {
    let a = content_hash(&doc("One two\nthree.\n\nFour.\n"));
    assert_eq!(
        a,
        content_hash(&doc("\u{feff}One two\r\nthree.\r\n\r\nFour.\r\n"))
    );
    assert_eq!(a, content_hash(&doc("One two three.\n\nFour.")));
    assert_ne!(a, content_hash(&doc("One two three.\n\nFive.")));
}

#[test]
fn hash_is_the_same_whether_ruby_is_shown_or_hidden() {
    let text = "羅生門\n\n［＃５字下げ］一［＃「一」は中見出し］\n　下人《げにん》が雨《あめ》やみを待っていた。［＃「待っていた」に傍点］\n　広い門の下には、この男のほかに誰《たれ》もいない。\n";
    let load = |text: &str, ruby| {
        let options = crate::document::LoadOptions {
            ruby,
            ..Default::default()
        };
        Document::load(text.as_bytes().to_vec(), "r.txt", options).unwrap()
    };
    let shown = load(text, crate::document::Ruby::Parentheses);
    let hidden = load(text, crate::document::Ruby::Hidden);
    assert!(shown.blocks[2].text.contains("下人(げにん)"), "{shown:#?}");
    assert!(hidden.blocks[2].text.contains("下人が"), "{hidden:#?}");
    assert_eq!(content_hash(&shown), content_hash(&hidden));
    let edited = load(
        &text.replace("待っていた", "待っている"),
        crate::document::Ruby::Hidden,
    );
    assert_ne!(content_hash(&shown), content_hash(&edited));
}

#[test]
fn an_excerpt_quotes_a_passage_exactly_as_the_whole_text_does() {
    let mut text = String::new();
    for i in 0..300 {
        // Short and long blocks, some CJK, so excerpts end at varied places.
        let words = "word ".repeat(i % 17 + 1);
        text.push_str(&format!("Block {i}: {words}海に出る。\n\n"));
    }
    let document = doc(&text);
    let whole = FlatText::new(&document);
    for block in (0..document.blocks.len()).step_by(7) {
        let len = document.blocks[block].text.len();
        for byte in [0, len / 2, len] {
            let start = document.clamp(Anchor::new(block, byte));
            let end = document.clamp(Anchor::new(block + 2, 3));
            let span = Span { start, end };
            let excerpt = FlatText::around(&document, start.block, end.block);
            assert_eq!(excerpt.quote(span), whole.quote(span), "{span:?}");
            assert_eq!(excerpt.slice(span), whole.slice(span));
            let offset = excerpt.offset(start);
            assert_eq!(excerpt.anchor(offset), whole.anchor(whole.offset(start)));
        }
    }
    let excerpt = FlatText::around(&document, 150, 150);
    assert!(excerpt.text.len() < whole.text.len() / 4);
}

#[test]
fn an_excerpt_of_a_long_block_quotes_as_the_whole_text_does() {
    let long = "Wörds of a long 海 paragraph, on and on. ".repeat(400);
    let text = format!("Opening.\n\n{long}\n\nShort.\n\n{long}\n\nEnd.");
    let document = doc(&text);
    let whole = FlatText::new(&document);
    let long_block = &document.blocks[1].text;
    for block in 0..document.blocks.len() {
        let len = document.blocks[block].text.len();
        for byte in [0, 1, 2, 700, 1100, len / 2, len.saturating_sub(900), len] {
            let start = document.clamp(Anchor::new(block, byte));
            for end in [
                start,
                document.clamp(Anchor::new(block, byte + 60)),
                document.clamp(Anchor::new(block + 1, 40)),
            ] {
                let span = Span { start, end };
                let excerpt = FlatText::around_span(&document, span);
                assert_eq!(excerpt.quote(span), whole.quote(span), "{span:?}");
                assert_eq!(excerpt.slice(span), whole.slice(span));
                let offset = excerpt.offset(start);
                assert_eq!(excerpt.anchor(offset), start);
                let end_offset = excerpt.offset(end);
                assert_eq!(
                    excerpt.span(offset..end_offset),
                    whole.span(whole.offset(start)..whole.offset(end))
                );
            }
        }
    }
    let middle = Anchor::new(1, long_block.len() / 2);
    let excerpt = FlatText::around_span(
        &document,
        Span {
            start: middle,
            end: middle,
        },
    );
    assert!(
        excerpt.text.len() <= 2 * EXCERPT_MARGIN + 8,
        "{}",
        excerpt.text.len()
    );
}

#[test]
fn the_flat_text_is_read_from_the_blocks_as_when_built() {
    let text = "Héllo wörld, first.\n\nSecond block ends here.\n\n\nThird 海に出る。\n";
    let document = doc(text);
    let flat = FlatText::new(&document);
    for offset in 0..flat.text.len() + 3 {
        assert_eq!(
            flat_anchor(&document, offset),
            flat.anchor(offset),
            "{offset}"
        );
    }
    let anchors: Vec<Anchor> = (0..document.blocks.len() + 1)
        .flat_map(|block| (0..30).map(move |byte| Anchor::new(block, byte)))
        .collect();
    for &start in &anchors {
        assert_eq!(
            flat_offset(&document, start),
            flat.offset(start),
            "{start:?}"
        );
    }
    let exacts = [
        "first.\nSecond",
        "Héllo",
        "ö",
        "é",
        "here.\nThird 海",
        "d",
        "\n",
    ];
    for &start in &anchors {
        for &end in &anchors {
            let span = Span { start, end };
            let found = flat.slice(span);
            for exact in exacts
                .iter()
                .copied()
                .chain([found])
                .filter(|e| !e.is_empty())
            {
                assert_eq!(
                    is_exactly_at(&document, span, exact),
                    flat.slice(span) == exact,
                    "{span:?} {exact:?}"
                );
            }
        }
    }
}

#[test]
fn attaching_lazily_builds_the_flat_text_only_when_the_hint_fails() {
    let document = doc(ORIGINAL);
    let whole = FlatText::new(&document);
    let span = span_of(&whole, "brown fox");
    let quote = whole.quote(span);
    let never = || -> &FlatText { panic!("the flat text was built") };
    assert_eq!(
        attach_lazily(&document, never, &quote, Some(span)),
        Placement::Exact(span)
    );
    let elsewhere = span_of(&whole, "lazy dog");
    assert_eq!(
        attach_lazily(&document, || &whole, &quote, Some(elsewhere)),
        attach(&whole, &quote, Some(elsewhere))
    );
}

#[test]
fn unchanged_text_attaches_at_the_hint() {
    let flat = FlatText::new(&doc(ORIGINAL));
    let span = span_of(&flat, "quick brown fox");
    let quote = flat.quote(span);
    assert_eq!(quote.exact, "quick brown fox");
    assert!(quote.prefix.ends_with("The "));
    assert_eq!(attach(&flat, &quote, Some(span)), Placement::Exact(span));
}

#[test]
fn moved_text_is_found_exactly() {
    let old = FlatText::new(&doc(ORIGINAL));
    let quote = old.quote(span_of(&old, "quick brown fox"));
    let edited = FlatText::new(&doc(&format!("A new opening paragraph.\n\n{ORIGINAL}")));
    let Placement::Exact(span) = attach(&edited, &quote, Some(span_of(&old, "quick brown fox")))
    else {
        panic!("not found exactly");
    };
    assert_eq!(edited.slice(span), "quick brown fox");
}

#[test]
fn context_picks_among_repeats() {
    let text = "Say it again. Say it again.\n\nBut softly: Say it again.";
    let flat = FlatText::new(&doc(text));
    let at = flat.text.rfind("Say it again").unwrap();
    let span = flat.span(at..at + 12);
    let quote = flat.quote(span);
    assert_eq!(attach(&flat, &quote, None), Placement::Exact(span));
}

#[test]
fn edited_text_is_found_approximately() {
    let old = FlatText::new(&doc(ORIGINAL));
    let quote = old.quote(span_of(&old, "The quick brown fox jumps over the lazy dog"));
    let edited = FlatText::new(&doc(&ORIGINAL.replace("brown fox jumps", "brown fox leaps")));
    match attach(&edited, &quote, None) {
        Placement::Approximate(span) => {
            assert_eq!(
                edited.slice(span),
                "The quick brown fox leaps over the lazy dog"
            );
        }
        other => panic!("expected approximate, got {other:?}"),
    }
}

#[test]
fn removed_text_is_orphaned() {
    let old = FlatText::new(&doc(ORIGINAL));
    let quote = old.quote(span_of(&old, "The quick brown fox jumps over the lazy dog"));
    let edited = FlatText::new(&doc(
        "Completely different words now.\n\nNothing of the kind remains.",
    ));
    assert_eq!(attach(&edited, &quote, None), Placement::Orphaned);
}

#[test]
fn spans_cross_blocks_and_map_back() {
    let flat = FlatText::new(&doc(ORIGINAL));
    let span = span_of(&flat, "in it.\nThe quick");
    assert_eq!(span.start.block, 0);
    assert_eq!(span.end, Anchor::new(1, 9));
    let whole = span_of(&flat, "Last one here.");
    assert_eq!(whole.end, Anchor::new(2, 14));
    assert_eq!(flat.slice(whole), "Last one here.");
}
