//! Layout tests: wrapping choices, pagination, anchors, the parallel, first-screen, window and
//! background layouts, and the lines handed out from the packed rows.

use super::*;

fn doc() -> Document {
    Document::from_text(crate::BUNDLED_ARTICLE, "bundled")
}

#[test]
fn a_wrapped_title_gets_even_lines_not_a_lone_last_word() {
    let title = "America Should Be More Sincere in Collaborating on Network Security";
    let lines = balanced(title, 58);
    let shown: Vec<&str> = lines.iter().map(|r| title[r.clone()].trim()).collect();
    assert_eq!(shown.len(), 2, "{shown:?}");
    let widths: Vec<usize> = shown
        .iter()
        .map(|l| crate::text::display_width(l))
        .collect();
    assert!(widths[0].abs_diff(widths[1]) <= 8, "{shown:?}");
    assert_eq!(shown.join(" "), title);
    // A title that fits stays on one line; one word per line stays that way.
    assert_eq!(balanced("Short Title", 58).len(), 1);
    assert_eq!(balanced("Alpha Beta", 5).len(), 2);
}

#[test]
fn no_page_starts_blank_and_pages_cover_all_lines() {
    let doc = doc();
    for height in 1..12 {
        let pages = Pages::new(&doc, 30, height, false);
        for &s in pages.page_starts() {
            assert_ne!(pages.line(s).unwrap().kind, LineKind::Blank);
        }
        for pair in pages.page_starts().windows(2) {
            assert!(pair[1] - pair[0] >= height);
        }
    }
}

#[test]
fn anchors_round_trip_through_lines() {
    let doc = doc();
    let pages = Pages::new(&doc, 40, 10, true);
    for (i, line) in pages.lines_from(0).enumerate() {
        if line.kind == LineKind::Text {
            assert_eq!(pages.line_of(pages.anchor_at_line(i)), i);
        }
    }
}

/// The bundled article repeated until the layout is split between threads.
fn big_enough_to_split() -> Document {
    let mut text = String::new();
    while text.len() < PARALLEL_THRESHOLD * 2 {
        text.push_str(crate::BUNDLED_ARTICLE);
        text.push_str("\n\n");
    }
    let doc = Document::from_text(&text, "big");
    assert!(split_for_threads(&doc).len() > 1, "a big document splits");
    doc
}

#[test]
fn parallel_layout_matches_sequential() {
    let doc = big_enough_to_split();
    let whole = lay_out_blocks(&doc, 0..doc.blocks.len(), 50, false, CodeLines::Cut.into());
    let pages = Pages::new(&doc, 50, 20, false);
    assert_eq!(pages.rows, whole.0);
    assert_eq!(pages.block_first_line, whole.1);
}

#[test]
fn first_screen_is_a_prefix_of_the_full_layout() {
    let mut text = String::new();
    for _ in 0..40 {
        text.push_str(crate::BUNDLED_ARTICLE);
        text.push_str("\n\n");
    }
    let doc = Document::from_text(&text, "long");
    let full = Pages::new(&doc, 40, 10, false);
    let quick = Pages::first_screen(&doc, 40, 10, false, CodeLines::Cut, 0);
    assert!(!quick.is_complete());
    assert!(quick.line_count() >= 20);
    let quick_lines: Vec<Line> = quick.lines_from(0).collect();
    let full_lines: Vec<Line> = full.lines_from(0).take(quick.line_count()).collect();
    assert_eq!(quick_lines, full_lines);
    let reaching = Pages::first_screen(&doc, 40, 10, false, CodeLines::Cut, 100);
    assert!(reaching.first_line_of_block(100).is_some());
    let small = Document::from_text(crate::BUNDLED_ARTICLE, "small");
    assert!(Pages::first_screen(&small, 40, 10, false, CodeLines::Cut, 0).is_complete());
}

#[test]
fn folded_leftovers_take_one_line() {
    let doc = doc();
    let closed = Pages::new(&doc, 40, 10, false);
    let folds = closed
        .lines_from(0)
        .filter(|l| matches!(l.kind, LineKind::Fold { count: 3 }))
        .count();
    assert_eq!(folds, 1);
    let open = Pages::new(&doc, 40, 10, true);
    assert!(
        open.lines_from(0)
            .all(|l| !matches!(l.kind, LineKind::Fold { .. }))
    );
    let last = doc.blocks.len() - 1;
    assert_eq!(
        closed.line_of(Anchor::new(last, 3)),
        closed.line_count() - 1
    );
}

/// The lines the layout built, block and all, before they were packed.
fn laid_out_lines(
    doc: &Document,
    width: usize,
    leftovers_open: bool,
    code: CodeLines,
) -> Vec<Line> {
    let width = width.max(MIN_COLUMN);
    lay_out_blocks::<Line>(doc, 0..doc.blocks.len(), width, leftovers_open, code.into()).0
}

/// Every way of reading lines back from `pages` gives `expected`.
fn assert_lines_read_back(pages: &Pages, expected: &[Line]) {
    assert_eq!(pages.line_count(), expected.len());
    let walked: Vec<Line> = pages.lines_from(0).collect();
    assert_eq!(walked, expected);
    for (index, line) in expected.iter().enumerate() {
        assert_eq!(pages.line(index), Some(*line), "line {index}");
    }
    assert_eq!(pages.line(expected.len()), None);
    let count = expected.len();
    for from in [
        1,
        count / 3,
        count / 2,
        count.saturating_sub(1),
        count,
        count + 5,
    ] {
        let walked: Vec<Line> = pages.lines_from(from).collect();
        assert_eq!(
            walked,
            expected.get(from..).unwrap_or(&[]),
            "from line {from}"
        );
    }
}

const MIXED_MARKDOWN: &str = "# A heading long enough to wrap in a narrow column\n\n\
Some prose that wraps over several lines at the narrower widths.\n\n\
- a list item that goes on long enough to wrap\n- a short one\n\n\
> a quoted passage, also long enough to wrap at forty columns\n\n\
```\n    fn indented() { let a_long_line = \"that goes on well past any column we try\"; }\n\n\
short\n```\n\n```\n```\n\nThe end.\n";

fn mixed_markdown() -> Document {
    let options = crate::document::LoadOptions {
        format: Some(crate::document::Format::Markdown),
        ..Default::default()
    };
    Document::load(MIXED_MARKDOWN.as_bytes().to_vec(), "mixed.md", options).unwrap()
}

/// Empty blocks wherever they can fall: first, last, in a row, in code, inside a fold.
fn empty_blocks() -> Document {
    let kinds_and_texts = [
        (BlockKind::Paragraph, ""),
        (BlockKind::Leftover, ""),
        (BlockKind::Leftover, "debris"),
        (BlockKind::Paragraph, ""),
        (BlockKind::Code, ""),
        (BlockKind::ListItem, "- item"),
        (BlockKind::Leftover, "one leftover alone"),
        (BlockKind::Quote, ""),
        (BlockKind::Leftover, ""),
    ];
    Document {
        name: "empty".into(),
        blocks: kinds_and_texts
            .iter()
            .enumerate()
            .map(|(i, &(kind, text))| crate::document::Block::new(kind, text, i + 1))
            .collect(),
        encoding: "UTF-8",
        ..Document::default()
    }
}

#[test]
fn lines_read_back_from_packed_rows_are_the_lines_laid_out() {
    let bundled = doc();
    let markdown = mixed_markdown();
    assert!(markdown.blocks.iter().any(|b| b.kind == BlockKind::Code));
    assert!(
        markdown
            .blocks
            .iter()
            .any(|b| b.kind == BlockKind::ListItem)
    );
    let empty = empty_blocks();
    for doc in [&bundled, &markdown, &empty] {
        for width in [1, 13, 40, 80] {
            for leftovers_open in [false, true] {
                for code in [CodeLines::Cut, CodeLines::Wrap, CodeLines::Whole] {
                    let expected = laid_out_lines(doc, width, leftovers_open, code);
                    let pages = Pages::with_code_lines(doc, width, 7, leftovers_open, code);
                    assert_lines_read_back(&pages, &expected);
                }
            }
        }
    }
    // The cases the documents are there for did come up.
    let wrapped = laid_out_lines(&markdown, 13, false, CodeLines::Wrap);
    assert!(wrapped.iter().any(|l| l.hang > 0));
    let cut = laid_out_lines(&markdown, 13, false, CodeLines::Cut);
    assert!(cut.iter().any(|l| l.cut));
    let folded = laid_out_lines(&empty, 40, false, CodeLines::Cut);
    assert!(folded.iter().any(|l| l.kind == LineKind::Fold { count: 2 }));
    assert!(
        folded
            .iter()
            .any(|l| l.kind == LineKind::Text && l.start == l.end)
    );
}

#[test]
fn lines_read_back_from_a_parallel_and_a_first_screen_layout() {
    let doc = big_enough_to_split();
    for leftovers_open in [false, true] {
        let expected = laid_out_lines(&doc, 50, leftovers_open, CodeLines::Cut);
        let pages = Pages::with_code_lines(&doc, 50, 20, leftovers_open, CodeLines::Cut);
        assert_lines_read_back(&pages, &expected);
        let quick = Pages::first_screen(&doc, 50, 20, leftovers_open, CodeLines::Cut, 200);
        assert!(!quick.is_complete());
        assert_lines_read_back(&quick, &expected[..quick.line_count()]);
    }
}

#[test]
fn the_paragraph_gap_parts_prose_and_never_joins_a_heading_to_its_text() {
    let doc = Document::from_text(
        "A Title\n\nFirst paragraph of prose here.\n\nSecond paragraph of prose.\n\n2. A Heading\n\nThird paragraph under it.",
        "gap.txt",
    );
    let kinds = |gap: u8| -> Vec<(BlockKind, usize)> {
        let style = Style {
            code: CodeLines::Cut,
            paragraph_gap: gap,
            hyphenation: None,
            ..Style::from(CodeLines::Cut)
        };
        let pages = Pages::with_code_lines(&doc, 60, 40, false, style);
        // Each block with the blank lines before it.
        let mut blanks = 0;
        let mut out = Vec::new();
        for line in pages.lines_from(0) {
            match line.kind {
                LineKind::Blank => blanks += 1,
                _ if line.first_of_block => {
                    out.push((doc.blocks[line.block as usize].kind, blanks));
                    blanks = 0;
                }
                _ => {}
            }
        }
        out
    };
    let gaps = |gap: u8| -> Vec<usize> { kinds(gap).iter().map(|k| k.1).collect() };
    assert_eq!(
        kinds(1).iter().map(|k| k.0).collect::<Vec<_>>(),
        [
            BlockKind::Title,
            BlockKind::Paragraph,
            BlockKind::Paragraph,
            BlockKind::Heading,
            BlockKind::Paragraph
        ]
    );
    assert_eq!(gaps(1), [0, 1, 1, 1, 1]);
    // None between two paragraphs, still one around the title and the heading.
    assert_eq!(gaps(0), [0, 1, 0, 1, 1]);
    assert_eq!(gaps(2), [0, 2, 2, 2, 2]);
}

/// Six short paragraphs, the fourth starting a new page.
fn with_page_break() -> Document {
    let mut blocks: Vec<crate::document::Block> = (0..6)
        .map(|n| crate::document::Block::new(BlockKind::Paragraph, format!("paragraph {n}"), n + 1))
        .collect();
    blocks[3].placement.new_page = true;
    Document {
        name: "breaks".into(),
        blocks,
        encoding: "UTF-8",
        ..Document::default()
    }
}

#[test]
fn the_text_after_a_page_break_starts_a_new_page_and_the_rest_of_its_page_is_blank() {
    let doc = with_page_break();
    let pages = Pages::new(&doc, 30, 10, false);
    let after = pages.first_line_of_block(3).unwrap();
    assert_eq!(pages.page_starts()[..2], [0, after]);
    assert_eq!(pages.page_of(Anchor::new(3, 0)), 1);
    assert_eq!(pages.page_of(Anchor::new(2, 0)), 0);
    let kinds: Vec<LineKind> = pages.lines_from(0).map(|l| l.kind).collect();
    let at = kinds
        .iter()
        .position(|&k| k == LineKind::PageBreak)
        .unwrap();
    // The break is on the first page, after paragraph 2 and its gap; blank rows fill the page.
    assert_eq!(at, 6, "{kinds:?}");
    assert!(kinds[at + 1..after].iter().all(|&k| k == LineKind::Blank));
    assert!(after >= 10);
    // Blocks, anchors and pages still agree after the filling.
    for (i, line) in pages.lines_from(0).enumerate() {
        if line.kind == LineKind::Text {
            assert_eq!(pages.line_of(pages.anchor_at_line(i)), i);
            assert_eq!(
                &doc.blocks[line.block as usize].text[line.range()][..9],
                "paragraph"
            );
        } else {
            assert!(line.kind.is_gap(), "{line:?}");
        }
    }
    // The break's row and the filling belong to the block after them.
    assert_eq!(pages.line(at).unwrap().block, 3);
    assert_eq!(pages.line(after - 1).unwrap().block, 3);
    // The first screen of a long layout fills the same way.
    let quick = Pages::first_screen(&doc, 30, 10, false, CodeLines::Cut, 0);
    let quick_lines: Vec<Line> = quick.lines_from(0).collect();
    let full_lines: Vec<Line> = pages.lines_from(0).take(quick.line_count()).collect();
    assert_eq!(quick_lines, full_lines);
}

#[test]
fn a_page_break_where_a_page_starts_anyway_fills_nothing_and_plain_output_fills_nothing() {
    let doc = with_page_break();
    // Rows: paragraphs 0-2 with their gaps (0-5), the break (6), a gap, paragraph 3 (8).
    let pages = Pages::new(&doc, 30, 6, false);
    assert_eq!(pages.first_line_of_block(3), Some(8));
    assert_eq!(pages.page_starts()[..2], [0, 8]);
    let print = Pages::for_print(&doc, 30);
    assert_eq!(print.page_count(), 1);
    let kinds: Vec<LineKind> = print.lines_from(0).map(|l| l.kind).collect();
    assert_eq!(
        kinds[5..9],
        [
            LineKind::Blank,
            LineKind::PageBreak,
            LineKind::Blank,
            LineKind::Text
        ]
    );
    assert_eq!(print.line_count(), 6 * 2 + 1);
    // A break before the first block, or before a folded one, makes no row.
    let mut doc = with_page_break();
    doc.blocks[0].placement.new_page = true;
    doc.blocks[3].kind = BlockKind::Leftover;
    let folded = Pages::new(&doc, 30, 6, false);
    assert!(folded.lines_from(0).all(|l| l.kind != LineKind::PageBreak));
}

#[test]
fn a_first_line_indent_narrows_the_first_line_only() {
    let mut block = crate::document::Block::new(
        BlockKind::Paragraph,
        "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十",
        1,
    );
    block.placement.first = 4;
    let doc = Document {
        blocks: vec![block],
        ..Document::default()
    };
    let pages = Pages::new(&doc, 20, 10, false);
    let widths: Vec<usize> = pages
        .lines_from(0)
        .map(|l| crate::text::display_width(&doc.blocks[0].text[l.range()]))
        .collect();
    assert_eq!(widths, [16, 20, 20, 4]);
}

#[test]
fn a_text_of_page_breaks_is_not_laid_out_many_times_its_length() {
    let blocks: Vec<crate::document::Block> = (0..2000)
        .map(|n| {
            let mut block = crate::document::Block::new(BlockKind::Paragraph, "一", n + 1);
            block.placement.new_page = true;
            block
        })
        .collect();
    let doc = Document {
        blocks,
        ..Document::default()
    };
    let unfilled = Pages::for_print(&doc, 30).line_count();
    let pages = Pages::new(&doc, 30, 60, false);
    assert!(
        pages.line_count() <= 2 * unfilled + 64 * 60,
        "{} rows for {unfilled}",
        pages.line_count()
    );
    assert!(pages.line_count() > unfilled + 60);
    // The first breaks still start their pages.
    assert_eq!(
        pages.page_starts()[1],
        pages.first_line_of_block(1).unwrap()
    );
    for (i, line) in pages.lines_from(0).enumerate() {
        if line.kind == LineKind::Text {
            assert_eq!(pages.line_of(pages.anchor_at_line(i)), i);
        }
    }
}

/// `window`'s lines are those of `whole` from the first line of the window's first block on.
fn assert_window_reads_as_whole(window: &Pages, whole: &Pages) {
    let first_block = window.line(0).map_or(0, |l| l.block as usize);
    let (Some(in_window), Some(in_whole)) = (
        window.first_line_of_block(first_block),
        whole.first_line_of_block(first_block),
    ) else {
        panic!("block {first_block} is in neither layout");
    };
    let offset = in_whole - in_window;
    for (i, line) in window.lines_from(0).enumerate() {
        assert_eq!(Some(line), whole.line(offset + i), "window line {i}");
        assert_eq!(window.line(i), Some(line));
        if line.kind == LineKind::Text {
            let place = window.anchor_at_line(i);
            assert_eq!(window.line_of(place), i);
            assert_eq!(whole.line_of(place), offset + i);
        }
    }
    if first_block > 0 {
        assert_eq!(window.first_line_of_block(first_block - 1), None);
        assert_eq!(window.line_of(Anchor::new(first_block - 1, 0)), 0);
    }
}

#[test]
fn a_window_around_any_block_reads_as_that_part_of_the_whole() {
    let doc = big_enough_to_split();
    let count = doc.blocks.len();
    for leftovers_open in [false, true] {
        let whole = Pages::with_code_lines(&doc, 50, 20, leftovers_open, CodeLines::Cut);
        for block in [0, 1, count / 3, count / 2, count - 2, count - 1] {
            let window = Pages::around(&doc, 50, 20, leftovers_open, CodeLines::Cut, block);
            assert!(window.holds_around(block), "block {block}");
            assert!(!window.is_complete());
            assert_eq!(
                window.counts_from_start(),
                window.line(0).unwrap().block == 0
            );
            // A few screens, not the book.
            assert!(
                window.line_count() < 20 * 12,
                "{} rows around {block}",
                window.line_count()
            );
            assert_window_reads_as_whole(&window, &whole);
        }
    }
    // A window of a short text is all of it.
    let small = doc_short();
    let window = Pages::around(&small, 50, 20, false, CodeLines::Cut, 3);
    assert!(window.is_complete() && window.counts_from_start());
}

fn doc_short() -> Document {
    Document::from_text("One.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.", "short")
}

#[test]
fn a_window_holds_a_block_only_with_room_for_a_page_either_way() {
    let doc = big_enough_to_split();
    let middle = doc.blocks.len() / 2;
    let window = Pages::around(&doc, 50, 20, false, CodeLines::Cut, middle);
    let first = window.line(0).unwrap().block as usize;
    let last = window.line(window.line_count() - 1).unwrap().block as usize;
    assert!(window.holds_around(middle));
    assert!(!window.holds_around(first), "no room above the first block");
    assert!(!window.holds_around(last), "no room below the last block");
    assert!(!window.holds_around(first.saturating_sub(1)));
    assert!(!window.holds_around(last + 1));
}

#[test]
fn a_layout_in_the_background_is_the_whole_layout_unless_cancelled() {
    use std::sync::atomic::{AtomicBool, Ordering};
    let doc = big_enough_to_split();
    let cancel = AtomicBool::new(false);
    let style = Style::from(CodeLines::Cut);
    let background = Pages::whole_unless_cancelled(&doc, 50, 20, false, style, &cancel).unwrap();
    let whole = Pages::new(&doc, 50, 20, false);
    assert!(background.is_complete() && background.counts_from_start());
    assert_eq!(background.rows, whole.rows);
    assert_eq!(background.block_first_line, whole.block_first_line);
    assert_eq!(background.page_starts(), whole.page_starts());
    cancel.store(true, Ordering::Relaxed);
    assert!(Pages::whole_unless_cancelled(&doc, 50, 20, false, style, &cancel).is_none());
}

#[test]
fn a_window_inside_a_long_run_of_open_leftovers_is_a_few_screens() {
    let mut blocks = vec![crate::document::Block::new(BlockKind::Title, "A Title", 1)];
    blocks.extend((0..5000).map(|n| {
        let text = format!("Leftover line {n} of page furniture, repeated down the page.");
        crate::document::Block::new(BlockKind::Leftover, text, n + 3)
    }));
    let doc = Document {
        blocks,
        ..Document::default()
    };
    let open = Pages::around(&doc, 50, 20, true, CodeLines::Cut, 2500);
    assert!(open.holds_around(2500));
    assert!(open.line_count() < 20 * 12, "{} rows", open.line_count());
    let whole = Pages::new(&doc, 50, 20, true);
    assert_window_reads_as_whole(&open, &whole);
    // Folded, the run is one line, and the window holds all of it.
    let folded = Pages::around(&doc, 50, 20, false, CodeLines::Cut, 2500);
    assert!(folded.is_complete());
    assert_eq!(
        folded.line_count(),
        Pages::new(&doc, 50, 20, false).line_count()
    );
}

/// A text of one-line paragraphs with headings among them, each heading over two paragraphs.
fn sections() -> Document {
    let mut text = String::new();
    for n in 1..=12 {
        text.push_str(&format!(
            "## Part {n}\n\nThe first paragraph of part {n}.\n\nThe second paragraph of part {n}.\n\n"
        ));
    }
    Document::from_text(&text, "sections")
}

#[test]
fn no_page_ends_on_a_heading_whose_text_is_on_the_next() {
    let doc = sections();
    let heading_row = |pages: &Pages, line: usize| {
        pages.line(line).is_some_and(|l| {
            l.kind == LineKind::Text && doc.blocks[l.block as usize].kind == BlockKind::Heading
        })
    };
    let mut ended_early = 0;
    for height in 3..16 {
        let pages = Pages::new(&doc, 40, height, false);
        let starts = pages.page_starts().to_vec();
        for (page, &start) in starts.iter().enumerate() {
            let shown = pages.rows_shown_from(start);
            let end = (start + shown).min(pages.line_count());
            // The last row with text on the page is not a heading's (unless the page holds
            // nothing else).
            let last_text = (start..end)
                .rev()
                .find(|&l| pages.line(l).is_some_and(|x| x.kind == LineKind::Text));
            let only_headings = (start..end)
                .filter(|&l| pages.line(l).is_some_and(|x| x.kind == LineKind::Text))
                .all(|l| heading_row(&pages, l));
            if let Some(last) = last_text
                && end < pages.line_count()
                && !only_headings
            {
                assert!(
                    !heading_row(&pages, last),
                    "height {height}: page {page} ends on a heading"
                );
            }
            if shown < height && page + 1 < starts.len() {
                ended_early += 1;
                // The page ends where the next starts, with that heading.
                assert_eq!(starts[page + 1], start + shown);
                assert!(heading_row(&pages, starts[page + 1]));
            }
        }
    }
    assert!(
        ended_early > 0,
        "no page ended before a heading: the case went untested"
    );
    // Plain output is one page, and a screen away from a page start shows a whole screen.
    let print = Pages::for_print(&doc, 40);
    assert_eq!(print.page_count(), 1);
    let pages = Pages::new(&doc, 40, 7, false);
    assert_eq!(pages.rows_shown_from(1), 7);
}

#[test]
fn verse_turns_a_long_line_over_where_code_is_cut() {
    let line = "Thou leav'st in him thy watchful eyes, in him thy loving heart";
    let block = |turn_over: bool| {
        let mut block =
            crate::document::Block::new(BlockKind::Code, format!("{line}\nShort line."), 3);
        block.placement.turn_over = turn_over;
        block
    };
    let doc_of = |turn_over: bool| Document {
        name: "verse".into(),
        blocks: vec![
            crate::document::Block::new(BlockKind::Title, "T".to_string(), 1),
            block(turn_over),
        ],
        encoding: "UTF-8",
        ..Document::default()
    };
    let rows = |doc: &Document, code: CodeLines| -> Vec<Line> {
        laid_out_lines(doc, 30, false, code)
            .into_iter()
            .filter(|l| l.block == 1 && l.kind == LineKind::Text)
            .collect()
    };
    let verse = doc_of(true);
    let turned = rows(&verse, CodeLines::Cut);
    assert!(turned.iter().all(|l| !l.cut), "{turned:?}");
    assert!(turned.iter().any(Line::is_continuation), "{turned:?}");
    // Laid out as wrapped code is, every character once.
    assert_eq!(turned, rows(&verse, CodeLines::Wrap));
    // Code of the same text is cut; plain output keeps the line whole either way.
    let code = doc_of(false);
    assert!(rows(&code, CodeLines::Cut).iter().any(|l| l.cut));
    assert_eq!(
        rows(&verse, CodeLines::Whole),
        rows(&code, CodeLines::Whole)
    );
}
