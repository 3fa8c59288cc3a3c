//! Property tests for the page layout: no text is lost or repeated, no line is wider than its
//! column, no page starts with a blank line, and a resize keeps the reader's first word on
//! screen. Documents mix ASCII, CJK, emoji ZWJ sequences, combining marks and over-long words.

use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::common::{model, press, resize};
use quire::document::{Anchor, Block, BlockKind, Document, Placement};
use quire::layout::geometry::Geometry;
use quire::layout::{CodeLines, LineKind, MIN_COLUMN, Pages, Room, Style, prefix_width};

/// Display width the way a terminal draws it, computed here independently of the crate.
fn columns(text: &str) -> usize {
    text.graphemes(true).map(UnicodeWidthStr::width).sum()
}

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-z]{1,9}",
        1 => "[A-Z][a-z]{0,6}[,.;:]?",
        1 => "[一-龥]{1,6}",
        1 => Just("👨\u{200d}👩\u{200d}👧".to_string()),
        1 => Just("🏳\u{fe0f}\u{200d}🌈".to_string()),
        1 => Just("e\u{301}te\u{301}".to_string()),
        1 => Just("na\u{308}i\u{308}ve".to_string()),
        1 => Just("—".to_string()),
        // Over-long words: wider than most columns tried here.
        1 => "[a-z]{20,60}",
        1 => "[あ-ん]{10,30}",
        1 => "https://[a-z]{5,40}/[a-z0-9/]{5,60}",
    ]
}

fn flowing_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            word(),
            prop_oneof![8 => Just(" "), 1 => Just("  "), 1 => Just("\u{3000}")],
        ),
        1..60,
    )
    .prop_map(|parts| {
        let mut text = String::new();
        for (w, sep) in parts {
            if !text.is_empty() {
                text.push_str(sep);
            }
            text.push_str(&w);
        }
        text
    })
}

fn code_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::collection::vec(word(), 1..8).prop_map(|ws| format!("    {}", ws.join(" "))),
        1..6,
    )
    .prop_map(|lines| lines.join("\n"))
}

fn unplaced_block() -> impl Strategy<Value = Block> {
    prop_oneof![
        6 => flowing_text().prop_map(|t| Block::new(BlockKind::Paragraph, t, 1)),
        1 => flowing_text().prop_map(|t| Block::new(BlockKind::Quote, t, 1)),
        1 => flowing_text().prop_map(|t| Block::new(BlockKind::ListItem, format!("- {t}"), 1)),
        1 => flowing_text().prop_map(|t| Block::new(BlockKind::Heading, t, 1)),
        1 => flowing_text().prop_map(|t| Block::new(BlockKind::Leftover, t, 1)),
        1 => code_text().prop_map(|t| Block::new(BlockKind::Code, t, 1)),
    ]
}

/// Where a block goes: mostly nowhere special; else indents (some wider than any column), a
/// place against the right edge, a new page.
fn placement() -> impl Strategy<Value = Placement> {
    prop_oneof![
        4 => Just(Placement::default()),
        1 => (0u16..300, 0u16..300, any::<bool>()).prop_map(|(first, rest, new_page)| Placement {
            first,
            rest,
            new_page,
            ..Placement::default()
        }),
        1 => (0u16..60, any::<bool>()).prop_map(|(gap, new_page)| Placement {
            from_right: Some(gap),
            new_page,
            ..Placement::default()
        }),
    ]
}

fn block() -> impl Strategy<Value = Block> {
    (unplaced_block(), placement()).prop_map(|(mut block, placement)| {
        block.placement = placement;
        block
    })
}

fn document() -> impl Strategy<Value = Document> {
    (flowing_text(), prop::collection::vec(block(), 1..12)).prop_map(|(title, body)| {
        let mut blocks = vec![Block::new(BlockKind::Title, title, 1)];
        blocks.extend(body);
        for (n, b) in blocks.iter_mut().enumerate() {
            b.line = n * 2 + 1;
        }
        Document {
            name: "generated".into(),
            blocks,
            encoding: "UTF-8",
            ..Document::default()
        }
    })
}

/// A line is blank to the reader when it shows nothing but spaces.
fn looks_blank(pages: &Pages, doc: &Document, line: usize) -> bool {
    let l = pages.line(line).unwrap();
    match l.kind {
        LineKind::Blank | LineKind::PageBreak => true,
        LineKind::Fold { .. } => false,
        // A cut code line shows its marker even when its visible part is indentation.
        LineKind::Text => {
            !l.cut
                && doc.blocks[l.block as usize].text[l.range()]
                    .trim()
                    .is_empty()
        }
    }
}

/// The text lines of each block, in order (with their cut flags); checks that lines appear
/// block by block.
fn lines_by_block(pages: &Pages, doc: &Document) -> Vec<Vec<(std::ops::Range<usize>, bool)>> {
    let mut out = vec![Vec::new(); doc.blocks.len()];
    let mut last_block = 0;
    for line in pages.lines_from(0) {
        let block = line.block as usize;
        assert!(
            block >= last_block,
            "lines go back from block {last_block} to {block}"
        );
        last_block = block;
        if line.kind == LineKind::Text {
            out[block].push((line.range(), line.cut));
        }
    }
    out
}

fn check_layout(doc: &Document, width: usize, height: usize, leftovers_open: bool) {
    check_layout_with_code_room(doc, width, height, leftovers_open, 0);
}

/// As [`check_layout`], with code lines let `code_room` columns past the column (as the pane's
/// room beside it allows): code is checked against that wider edge, and prose is laid out
/// exactly as without it.
fn check_layout_with_code_room(
    doc: &Document,
    width: usize,
    height: usize,
    leftovers_open: bool,
    code_room: usize,
) {
    let style = Style {
        code_width: width + code_room,
        ..Style::from(CodeLines::Cut)
    };
    let pages = Pages::with_code_lines(doc, width, height, leftovers_open, style);
    let column = width.max(MIN_COLUMN);
    let code_column = (width + code_room).max(column);
    let per_block = lines_by_block(&pages, doc);
    let narrow = (code_room > 0).then(|| {
        let pages = Pages::new(doc, width, height, leftovers_open);
        lines_by_block(&pages, doc)
    });
    for (index, (block, ranges)) in doc.blocks.iter().zip(&per_block).enumerate() {
        if block.kind == BlockKind::Leftover && !leftovers_open {
            assert!(ranges.is_empty(), "a folded block shows text");
            continue;
        }
        if block.kind == BlockKind::Code {
            check_code_lines(index, &block.text, ranges, code_column);
            continue;
        }
        if let Some(narrow) = &narrow {
            assert_eq!(
                ranges, &narrow[index],
                "block {index}: room for code moved prose"
            );
        }
        assert!(
            ranges.iter().all(|(_, cut)| !cut),
            "block {index}: prose is never cut"
        );
        let ranges: Vec<std::ops::Range<usize>> = ranges.iter().map(|(r, _)| r.clone()).collect();
        // Every non-space byte is on exactly one line, in order: what lies between two lines,
        // before the first and after the last is whitespace only.
        let text = &block.text;
        let mut cursor = 0;
        for range in &ranges {
            assert!(
                range.start >= cursor,
                "block {index}: line {range:?} overlaps or goes back"
            );
            assert!(
                text[cursor..range.start].trim().is_empty(),
                "block {index} at width {width}: text {:?} is on no line",
                &text[cursor..range.start]
            );
            cursor = range.end;
        }
        assert!(
            text[cursor..].trim().is_empty(),
            "block {index}: tail {:?} lost",
            &text[cursor..]
        );
        // And the words, as the reader sees them, are the block's words.
        let seen: String = ranges
            .iter()
            .map(|r| &text[r.clone()])
            .collect::<Vec<_>>()
            .join(" ");
        let squeeze = |s: &str| s.split_whitespace().collect::<String>();
        assert_eq!(squeeze(&seen), squeeze(text), "block {index}: words differ");
        let room = Room::of(block, column);
        for (n, range) in ranges.iter().enumerate() {
            let shown = &text[range.clone()];
            // Flowing text drops the spaces where it breaks.
            assert!(
                !shown.ends_with(' '),
                "line {shown:?} keeps a trailing space"
            );
            // Quotes and continued list items are drawn after a two-column prefix, and any
            // line after its block's indent (or set against the right edge).
            let prefix = match block.kind {
                BlockKind::Quote => prefix_width(block.kind),
                BlockKind::ListItem if range.start != 0 => prefix_width(block.kind),
                _ => 0,
            };
            let indent = room.indent(n == 0, columns(shown));
            let drawn = prefix + indent + columns(shown);
            assert!(
                drawn <= column,
                "block {index}: {shown:?} takes {drawn} columns in a column of {column}"
            );
        }
    }
    let starts = pages.page_starts();
    assert_eq!(starts.first(), Some(&0));
    for &start in starts {
        assert!(
            !looks_blank(&pages, doc, start),
            "page starting at line {start} starts blank"
        );
    }
    // A page is shorter than the screen only where it ends before a heading it would have
    // stranded at its foot: what it leaves to the next page is that heading (and the blank
    // rows among its lines), and the next page starts with it.
    let heading = |line: usize| {
        pages.line(line).is_some_and(|l| {
            matches!(
                doc.blocks[l.block as usize].kind,
                BlockKind::Heading | BlockKind::Title
            )
        })
    };
    for pair in starts.windows(2) {
        if pair[1] - pair[0] >= height.max(1) {
            continue;
        }
        let first = pages.line(pair[1]).expect("a page start is a line");
        assert!(
            heading(pair[1]) && first.first_of_block,
            "a page shorter than the screen does not end before a heading: {pair:?}"
        );
        for line in pair[1]..pair[0] + height {
            let gap = pages.line(line).is_some_and(|l| l.kind.is_gap());
            assert!(
                gap || heading(line),
                "a page {pair:?} ends early before more than a heading (line {line})"
            );
        }
    }
    let last = *starts.last().unwrap_or(&0);
    assert!(
        pages.line_count() - last <= height.max(1),
        "the last page overflows the screen"
    );
}

/// Code is never reflowed: one screen line per source line, each the whole source line when it
/// fits, else a prefix of it (whole grapheme clusters) cut to leave the last cell for a marker.
fn check_code_lines(
    index: usize,
    text: &str,
    ranges: &[(std::ops::Range<usize>, bool)],
    column: usize,
) {
    let mut source_start = 0;
    let source_lines: Vec<(usize, &str)> = text
        .split('\n')
        .map(|line| {
            let start = source_start;
            source_start += line.len() + 1;
            (start, line)
        })
        .collect();
    assert_eq!(
        ranges.len(),
        source_lines.len(),
        "block {index}: one screen line per code line"
    );
    for ((range, cut), (start, source)) in ranges.iter().zip(source_lines) {
        assert_eq!(
            range.start, start,
            "block {index}: a code line starts mid-line"
        );
        let shown = &text[range.clone()];
        assert!(
            source.starts_with(shown),
            "block {index}: {shown:?} is not a prefix of {source:?}"
        );
        let on_grapheme_boundary = source
            .grapheme_indices(true)
            .any(|(at, _)| at == shown.len())
            || shown.len() == source.len();
        assert!(
            on_grapheme_boundary,
            "block {index}: cut inside a cluster in {source:?}"
        );
        if *cut {
            assert!(
                shown.len() < source.len(),
                "block {index}: cut with nothing hidden"
            );
            assert!(
                columns(source) > column,
                "block {index}: {source:?} fits in {column} columns yet was cut"
            );
            // The visible part plus the marker fit, and the next cluster would not have.
            assert!(
                columns(shown) < column,
                "block {index}: no room for the marker"
            );
            let next = source[shown.len()..].graphemes(true).next().unwrap_or("");
            assert!(
                columns(shown) + columns(next) > column - 1,
                "block {index}: cut {shown:?} shorter than it had to be"
            );
        } else {
            assert_eq!(shown, source, "block {index}: a whole line lost its end");
            assert!(
                columns(shown) <= column,
                "block {index}: {shown:?} overflows"
            );
        }
    }
}

/// With long code lines wrapped: prose is laid out exactly as when they are cut; each code
/// line's rows fit the column (hang included) and, concatenated, give the line back; every
/// row after a line's first is a continuation with a hang, and no other row is.
/// `code_room` lets code lines go that many columns past the column.
fn check_wrapped_code(doc: &Document, width: usize, height: usize, code_room: usize) {
    let style = Style {
        code_width: width + code_room,
        ..Style::from(CodeLines::Wrap)
    };
    let wrapped = Pages::with_code_lines(doc, width, height, true, style);
    let cut = Pages::new(doc, width, height, true);
    let column = (width + code_room).max(MIN_COLUMN);
    let rows_of = |pages: &Pages, block: usize| -> Vec<quire::layout::Line> {
        pages
            .lines_from(0)
            .filter(|l| l.block as usize == block && l.kind == LineKind::Text)
            .collect()
    };
    for (index, block) in doc.blocks.iter().enumerate() {
        let rows = rows_of(&wrapped, index);
        if block.kind != BlockKind::Code {
            assert_eq!(rows, rows_of(&cut, index), "block {index}: prose changed");
            continue;
        }
        let mut rebuilt = String::new();
        for (n, row) in rows.iter().enumerate() {
            let shown = &block.text[row.range()];
            assert!(!row.cut, "block {index}: a wrapped row is cut");
            assert!(
                columns(shown) + row.hang as usize <= column,
                "block {index}: {shown:?} after {} columns overflows {column}",
                row.hang
            );
            let starts_line =
                row.start == 0 || block.text.as_bytes()[row.start as usize - 1] == b'\n';
            assert_eq!(
                row.is_continuation(),
                !starts_line,
                "block {index}: row {shown:?} at {}",
                row.start
            );
            if n > 0 && starts_line {
                rebuilt.push('\n');
            }
            rebuilt.push_str(shown);
        }
        assert_eq!(rebuilt, block.text, "block {index}: text lost or doubled");
    }
    for &start in wrapped.page_starts() {
        assert_ne!(wrapped.line(start).unwrap().kind, LineKind::Blank);
    }
}

/// The anchor's line in a layout, found without `Pages::line_of`.
fn line_showing(pages: &Pages, anchor: Anchor) -> usize {
    let lines: Vec<quire::layout::Line> = pages.lines_from(0).collect();
    let fold = lines.iter().position(|l| match l.kind {
        LineKind::Fold { count } => {
            (l.block as usize..l.block as usize + count as usize).contains(&anchor.block)
        }
        _ => false,
    });
    if let Some(fold) = fold {
        return fold;
    }
    lines
        .iter()
        .rposition(|l| {
            l.kind == LineKind::Text
                && l.block as usize == anchor.block
                && l.start as usize <= anchor.byte
        })
        .unwrap_or_else(|| panic!("no line shows {anchor:?}"))
}

/// A key that moves the reader or changes the layout: page, line, half page, paragraph, the
/// end, the leftovers and the code-wrap toggles.
fn motion() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        Just("<Space>"),
        Just("b"),
        Just("j"),
        Just("k"),
        Just("d"),
        Just("}"),
        Just("{"),
        Just("G"),
        Just("z"),
        Just("w"),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn layout_keeps_every_word_once_and_fits_the_column(
        doc in document(),
        width in 1usize..200,
        height in 1usize..80,
        leftovers_open: bool,
        code_room in prop_oneof![Just(0usize), 1usize..100],
    ) {
        check_layout_with_code_room(&doc, width, height, leftovers_open, code_room);
    }

    #[test]
    fn wrapped_code_keeps_every_character_once_and_prose_as_cut(
        doc in document(),
        width in 1usize..200,
        height in 1usize..80,
        code_room in prop_oneof![Just(0usize), 1usize..100],
    ) {
        check_wrapped_code(&doc, width, height, code_room);
    }

    #[test]
    fn layout_of_loaded_text_keeps_every_word(
        paragraphs in prop::collection::vec(flowing_text(), 1..8),
        width in 1usize..120,
        height in 1usize..40,
    ) {
        // Through the loader too: whatever structure it finds, layout loses nothing.
        let doc = Document::from_text(&paragraphs.join("\n\n"), "generated");
        check_layout(&doc, width, height, true);
        let loaded: Vec<&str> = doc.blocks.iter().flat_map(|b| b.text.split_whitespace()).collect();
        let source: Vec<&str> = paragraphs.iter().flat_map(|p| p.split_whitespace()).collect();
        prop_assert_eq!(loaded, source);
    }

    #[test]
    fn resize_keeps_the_first_word_on_screen(
        doc in document(),
        start in (1u16..220, 1u16..70),
        moves in prop::collection::vec(motion(), 0..8),
        sizes in prop::collection::vec((1u16..220, 1u16..70), 1..6),
    ) {
        let mut model = model(doc, start);
        resize(&mut model, start.0, start.1);
        for keys in moves {
            press(&mut model, keys);
        }
        let anchor = model.anchor();
        let top_text = model.pages().line(model.top_line()).unwrap();
        for (width, height) in sizes {
            resize(&mut model, width, height);
            let geometry = Geometry::new((width, height), true, &model.config().shape());
            prop_assert_eq!(model.pages().width(), (geometry.column.width as usize).max(MIN_COLUMN));
            prop_assert_eq!(model.pages().height(), (geometry.column.height as usize).max(1));
            let shown = line_showing(model.pages(), anchor);
            let top = model.top_line();
            prop_assert!(
                top <= shown && shown < top + model.pages().height(),
                "at {}x{} the line {} of {:?} ({:?}) is off screen (top {}, height {})",
                width, height, shown, anchor, top_text, top, model.pages().height()
            );
            // The top line is never a gap between blocks.
            prop_assert!(model.pages().line(top).unwrap().kind != LineKind::Blank);
        }
    }
}

#[test]
fn bundled_article_lays_out_at_every_width() {
    let doc = Document::from_text(quire::BUNDLED_ARTICLE, "bundled");
    // Every narrow width (where breaking is hardest), then a spread of common ones.
    let widths = (1..=16).chain([19, 23, 37, 40, 59, 61, 72, 80, 100, 119, 150, 199]);
    for width in widths {
        for height in [1, 2, 23, 79] {
            check_layout(&doc, width, height, width % 2 == 0);
        }
    }
}

/// Prose of long English words (the kind hyphenation breaks) among the generated words.
fn hyphenable_text() -> impl Strategy<Value = String> {
    let long = prop_oneof![
        Just("extraordinary".to_string()),
        Just("“Hyphenation,”".to_string()),
        Just("characteristically".to_string()),
        Just("incomprehensibilities".to_string()),
        Just("don't".to_string()),
        Just("well-known".to_string()),
        "[a-z]{6,16}",
    ];
    prop::collection::vec(prop_oneof![2 => long, 1 => word()], 1..40)
        .prop_map(|words| words.join(" "))
}

proptest! {
    /// Broken at syllables, prose still shows every word once, in order, and a line with its
    /// hyphen is no wider than the column.
    #[test]
    fn hyphenated_prose_keeps_every_word_and_its_hyphen_fits(
        text in hyphenable_text(),
        width in 1usize..40,
    ) {
        let doc = Document {
            name: "hyphenated".into(),
            blocks: vec![
                Block::new(BlockKind::Title, "T".to_string(), 1),
                Block::new(BlockKind::Paragraph, text.clone(), 3),
            ],
            encoding: "UTF-8",
            ..Document::default()
        };
        let style = Style {
            code: CodeLines::Cut,
            paragraph_gap: 1,
            hyphenation: Some(hypher::Lang::English),
            ..Style::from(CodeLines::Cut)
        };
        let pages = Pages::with_code_lines(&doc, width, 10, false, style);
        let column = width.max(MIN_COLUMN);
        let mut seen = String::new();
        for line in pages.lines_from(0).filter(|l| l.kind == LineKind::Text && l.block == 1) {
            let shown = &text[line.range()];
            let drawn = columns(shown) + usize::from(line.hyphen);
            prop_assert!(drawn <= column, "{:?} (hyphen {}) in {} columns", shown, line.hyphen, column);
            if line.hyphen {
                // It ends inside a word, between two letters.
                let before = shown.chars().next_back();
                let after = text[line.range().end..].chars().next();
                prop_assert!(before.is_some_and(char::is_alphabetic), "{:?}", shown);
                prop_assert!(after.is_some_and(char::is_alphabetic), "{:?}", shown);
                seen.push_str(shown);
            } else {
                seen.push_str(shown);
                // A compound may break after its own hyphen ("well-|known"): no space there.
                let next = text[line.range().end..].chars().next();
                if !(shown.ends_with('-') && next.is_some_and(char::is_alphabetic)) {
                    seen.push(' ');
                }
            }
        }
        let words = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
        // Over-long words broken without a hyphen (and ideographs, which break anywhere) join
        // back without a space too, so compare the letters in order, and the words where
        // nothing but a hyphenated break can part a word.
        let squeeze = |s: &str| s.split_whitespace().collect::<String>();
        prop_assert_eq!(squeeze(&seen), squeeze(&text));
        let alphabetic = |w: &str| w.chars().all(|c| (c as u32) < 0x2e80);
        // A line may also break after a slash, as lines break in any text (a web address
        // parts there, "https://|example"), so a word with one can part too.
        let slashless = |w: &str| !w.contains('/');
        if text
            .split_whitespace()
            .all(|w| columns(w) <= column && alphabetic(w) && slashless(w))
        {
            prop_assert_eq!(words(&seen), words(&text));
        }
    }
}

/// A document of many generated blocks, so that a window on a short page leaves some out.
fn long_document() -> impl Strategy<Value = Document> {
    prop::collection::vec(block(), 20..60).prop_map(|blocks| {
        let mut blocks = blocks;
        for (n, b) in blocks.iter_mut().enumerate() {
            b.line = n * 2 + 1;
        }
        Document {
            name: "generated".into(),
            blocks,
            encoding: "UTF-8",
            ..Document::default()
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// The pages around any block show each block they hold as the whole layout does, and
    /// hold the block with room for a page either way.
    #[test]
    fn a_window_shows_its_blocks_as_the_whole_layout_does(
        doc in long_document(),
        width in 1usize..120,
        height in 1usize..8,
        leftovers_open: bool,
        at in any::<prop::sample::Index>(),
    ) {
        let block = at.index(doc.blocks.len());
        let whole = Pages::new(&doc, width, height, leftovers_open);
        let window = Pages::around(&doc, width, height, leftovers_open, CodeLines::Cut, block);
        prop_assert!(window.holds_around(block));
        let in_whole = lines_by_block(&whole, &doc);
        let in_window = lines_by_block(&window, &doc);
        for (index, (shown, expected)) in in_window.iter().zip(&in_whole).enumerate() {
            if window.first_line_of_block(index).is_some() {
                prop_assert_eq!(shown, expected, "block {}", index);
            } else {
                prop_assert!(shown.is_empty(), "block {} is outside the window", index);
            }
        }
        // The place itself is on the same line in both.
        let place = Anchor::new(block, 0);
        prop_assert_eq!(window.line(window.line_of(place)), whole.line(whole.line_of(place)));
    }
}
