//! Code and preformatted blocks on screen and in plain output: a line wider than the reading
//! column is cut at the column with a marker in its last cell, never wrapped mid-token; plain
//! output keeps it whole; a search hit in the hidden part lands on its line. With `w` (or
//! `--wrap-code`) the line goes on in continuation rows that start with their own marker.

use crate::common::run;
use proptest::prelude::*;
use quire::document::{BlockKind, Document, Format, LoadOptions};
use quire::layout::{CodeLines, LineKind, Pages};
use quire::ui::{CONTINUATION_MARKER, CUT_MARKER};
use ratatui::style::Modifier;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

const MARKDOWN: &str = r#"# Setting up

Run the installer, then check the configuration file:

```sh
curl --proto '=https' --tlsv1.2 -sSf https://example.org/install.sh | sh -s -- --default-toolchain stable --profile minimal
echo ok
```

Indented code works the same way:

    let 名前 = "長い行の日本語のテキストはここで切られるべきです、途中で折り返さずに";
    done();

That is all.
"#;

fn markdown(text: &str) -> Document {
    let options = LoadOptions {
        format: Some(Format::Markdown),
        ..LoadOptions::default()
    };
    Document::load(text.as_bytes().to_vec(), "setup.md", options).unwrap()
}

/// The reading column's rows with their leading spaces (code indentation) kept, as far right
/// as code lines may be drawn.
fn column_rows(session: &crate::common::Session) -> Vec<String> {
    let g = session.app.model().geometry();
    let buffer = session.terminal.backend().buffer();
    (g.column.y..g.column.y + g.column.height)
        .map(|y| {
            let mut row = String::new();
            let mut skip = 0;
            for x in g.column.x..g.column.x + g.code_width {
                let symbol = buffer[(x, y)].symbol();
                // A wide character's cell is followed by a filler cell.
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                skip = symbol.width().saturating_sub(1);
                row.push_str(symbol);
            }
            row.trim_end().to_string()
        })
        .collect()
}

fn columns(text: &str) -> usize {
    text.graphemes(true).map(UnicodeWidthStr::width).sum()
}

#[test]
fn markdown_code_block_with_a_long_line_at_40x16() {
    let session = run(markdown(MARKDOWN), (40, 16), "");
    let screen = session.screen();
    // The long shell line is one row, cut with the marker; the next code line follows it.
    let rows = session.text_rows();
    let curl = rows.iter().position(|r| r.starts_with("curl")).unwrap();
    assert!(rows[curl].ends_with(CUT_MARKER), "{:?}", rows[curl]);
    assert_eq!(rows[curl + 1], "echo ok");
    insta::assert_snapshot!("markdown_code_long_line_40x16", screen);
}

#[test]
fn the_marker_sits_in_the_last_cell_of_the_column_and_is_dim() {
    let session = run(markdown(MARKDOWN), (40, 16), "");
    let g = session.app.model().geometry();
    let buffer = session.terminal.backend().buffer();
    let last = g.column.x + g.column.width - 1;
    let marked: Vec<u16> = (g.column.y..g.column.y + g.column.height)
        .filter(|&y| buffer[(last, y)].symbol() == CUT_MARKER)
        .collect();
    // The shell line and the Japanese line are cut; nothing else is.
    assert_eq!(marked.len(), 2, "{}", session.screen());
    for y in marked {
        assert!(buffer[(last, y)].modifier.contains(Modifier::DIM));
    }
}

#[test]
fn a_search_hit_in_the_hidden_part_lands_on_its_line_and_lights_the_marker() {
    let session = run(markdown(MARKDOWN), (40, 16), "/minimal<Enter>");
    let status = session.status();
    assert!(status.contains("match 1 of 1"), "{status}");
    let g = session.app.model().geometry();
    let buffer = session.terminal.backend().buffer();
    let last = g.column.x + g.column.width - 1;
    let rows = session.text_rows();
    let curl = rows.iter().position(|r| r.starts_with("curl")).unwrap();
    let cell = &buffer[(last, g.column.y + curl as u16)];
    assert_eq!(cell.symbol(), CUT_MARKER);
    // Colour is off in test sessions: the current hit is drawn reversed.
    assert!(cell.modifier.contains(Modifier::REVERSED), "{cell:?}");
}

#[test]
fn a_search_hit_past_the_cut_on_a_later_page_turns_to_that_page() {
    let mut text = String::from("# Long\n\n");
    for n in 0..60 {
        text.push_str(&format!("Paragraph {n} of filler prose.\n\n"));
    }
    text.push_str("```\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx needle\n```\n");
    let session = run(markdown(&text), (30, 10), "/needle<Enter>");
    let rows = session.text_rows();
    assert!(
        rows.iter()
            .any(|r| r.starts_with("xxxx") && r.ends_with(CUT_MARKER)),
        "{rows:?}"
    );
}

#[test]
fn print_keeps_long_code_lines_whole() {
    let doc = markdown(MARKDOWN);
    let mut out = Vec::new();
    quire::cli::print::write_text(&doc, 40, &mut out).unwrap();
    let printed = String::from_utf8(out).unwrap();
    let long = MARKDOWN.lines().find(|l| l.starts_with("curl")).unwrap();
    assert!(printed.lines().any(|l| l == long), "{printed}");
    assert!(!printed.contains(CUT_MARKER));
    // Prose is still wrapped at the width.
    for line in printed
        .lines()
        .filter(|l| !l.starts_with("curl") && !l.contains("名前"))
    {
        assert!(columns(line) <= 40, "{line:?}");
    }
}

fn code_line() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => "[a-z_(){};=]{1,12}",
            1 => "[一-龥]{1,8}",
            1 => Just("👨\u{200d}👩\u{200d}👧".to_string()),
            1 => Just("e\u{301}".to_string()),
            1 => Just("    ".to_string()),
        ],
        0..12,
    )
    .prop_map(|parts| parts.join(" "))
}

/// A Markdown document of one fenced code block of `code` lines, after a line of prose, read
/// through the real loop at `size` after `script`; and the code block's index.
fn fenced_code_session(
    code: &[String],
    size: (u16, u16),
    script: &str,
) -> (crate::common::Session, usize) {
    let source = format!("Intro.\n\n```\n{}\n```\n", code.join("\n"));
    let doc = markdown(&source);
    let block = doc
        .blocks
        .iter()
        .position(|b| b.kind == BlockKind::Code)
        .unwrap();
    (run(doc, size, script), block)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Through the Markdown loader and the real renderer: every fenced code line is one screen
    /// row that starts with the line's text, ends with the marker exactly when the line is
    /// wider than the column, and never spills past the column.
    #[test]
    fn fenced_code_rows_are_cut_prefixes(
        code in prop::collection::vec(code_line(), 1..8),
        width in 20u16..120,
    ) {
        let (session, block) = fenced_code_session(&code, (width, 40), "");
        let model = session.app.model();
        // Code may be drawn past the prose column, into the pane's room beside it.
        let column = model.pages().code_width();
        let rows = column_rows(&session);
        let first_row = model.pages().first_line_of_block(block).unwrap() - model.top_line();
        for (n, source_line) in model.doc().blocks[block].text.split('\n').enumerate() {
            let Some(row) = rows.get(first_row + n) else { break };
            let wide = columns(source_line) > column;
            if wide {
                let shown = row.strip_suffix(CUT_MARKER).unwrap_or_else(|| panic!("{row:?} has no marker"));
                prop_assert!(source_line.starts_with(shown.trim_end()), "{row:?} vs {source_line:?}");
                prop_assert!(columns(shown.trim_end()) < column);
            } else {
                prop_assert_eq!(row.as_str(), source_line.trim_end());
            }
        }
        let pages = Pages::with_code_lines(model.doc(), model.pages().width(), 40, false, model.pages().style());
        for line in pages.lines_from(0).filter(|l| l.block as usize == block) {
            let shown = &model.doc().blocks[block].text[line.range()];
            prop_assert!(columns(shown) + usize::from(line.cut) <= column);
        }
    }
}

/// A code block whose one long line, cut, hides `tail_needle`, after enough prose that the
/// block sits on a later page.
fn long_line_document() -> Document {
    let mut text = String::from("# Wrapping\n\n");
    for n in 0..12 {
        text.push_str(&format!(
            "Paragraph {n} of filler prose before the code.\n\n"
        ));
    }
    text.push_str("```\nfn start() {\n    let configured = load_settings(path, defaults, overrides, tail_needle);\n}\n```\n\n");
    for n in 0..12 {
        text.push_str(&format!(
            "Paragraph {n} of filler prose after the code.\n\n"
        ));
    }
    markdown(&text)
}

#[test]
fn markdown_code_block_wrapped_at_40x16() {
    let session = run(markdown(MARKDOWN), (40, 16), "w");
    assert!(session.status().contains("long code lines wrapped"));
    let rows = column_rows(&session);
    let curl = rows.iter().position(|r| r.starts_with("curl")).unwrap();
    // The shell line goes on in rows that start with the marker, then `echo ok` follows.
    assert!(rows[curl + 1].starts_with(CONTINUATION_MARKER), "{rows:?}");
    assert!(rows.iter().any(|r| r.contains("minimal")), "{rows:?}");
    assert!(!session.screen().contains(CUT_MARKER));
    insta::assert_snapshot!("markdown_code_wrapped_40x16", session.screen());
}

#[test]
fn the_continuation_marker_is_dim_and_prose_is_laid_out_as_before() {
    let cut = run(markdown(MARKDOWN), (40, 16), "");
    let wrapped = run(markdown(MARKDOWN), (40, 16), "w");
    let g = wrapped.app.model().geometry();
    let buffer = wrapped.terminal.backend().buffer();
    let marked: Vec<u16> = (g.column.y..g.column.y + g.column.height)
        .filter(|&y| buffer[(g.column.x, y)].symbol() == CONTINUATION_MARKER)
        .collect();
    assert!(!marked.is_empty());
    for y in marked {
        assert!(buffer[(g.column.x, y)].modifier.contains(Modifier::DIM));
    }
    // Prose lines are the same lines in both modes.
    let prose = |pages: &Pages| -> Vec<(u32, u32, u32)> {
        pages
            .lines_from(0)
            .filter(|l| wrapped.app.model().doc().blocks[l.block as usize].kind != BlockKind::Code)
            .map(|l| (l.block, l.start, l.end))
            .collect()
    };
    assert_eq!(
        prose(cut.app.model().pages()),
        prose(wrapped.app.model().pages())
    );
}

#[test]
fn toggling_keeps_the_place_and_shows_the_hidden_part() {
    // `}` steps paragraph by paragraph until the code block is at the top of the screen.
    let to_code = "}".repeat(13);
    let before = run(long_line_document(), (40, 12), &to_code);
    let block = before.app.model().anchor().block;
    assert_eq!(before.app.model().doc().blocks[block].kind, BlockKind::Code);
    assert_eq!(before.first_word(), "fn");
    assert!(!before.screen().contains("tail_needle"));

    let wrapped = run(long_line_document(), (40, 12), &format!("{to_code}w"));
    assert_eq!(wrapped.app.model().anchor(), before.app.model().anchor());
    assert_eq!(wrapped.first_word(), "fn");
    assert!(
        wrapped.screen().contains("tail_needle"),
        "{}",
        wrapped.screen()
    );
    assert!(wrapped.status().contains("long code lines wrapped"));

    // Scrolled so a continuation row is the top, the place survives a round trip: cut, the
    // top is the line the row belongs to; wrapped again, the same row is back on top.
    let scrolled = run(long_line_document(), (40, 12), &format!("{to_code}wjj"));
    let top = scrolled.app.model().top_line();
    assert!(
        scrolled
            .app
            .model()
            .pages()
            .line(top)
            .unwrap()
            .is_continuation()
    );
    let top_row = column_rows(&scrolled)[0].clone();
    let cut_again = run(long_line_document(), (40, 12), &format!("{to_code}wjjw"));
    assert_eq!(
        cut_again.app.model().anchor(),
        scrolled.app.model().anchor()
    );
    assert!(column_rows(&cut_again)[0].starts_with("    let configured"));
    assert!(cut_again.status().contains("long code lines cut"));
    let back = run(long_line_document(), (40, 12), &format!("{to_code}wjjww"));
    assert_eq!(column_rows(&back)[0], top_row);
}

#[test]
fn a_search_hit_on_a_continuation_row_is_highlighted_there() {
    let session = run(long_line_document(), (40, 12), "w/tail_needle<Enter>");
    assert!(
        session.status().contains("match 1 of 1"),
        "{}",
        session.status()
    );
    let g = session.app.model().geometry();
    let buffer = session.terminal.backend().buffer();
    let rows = column_rows(&session);
    let row = rows.iter().position(|r| r.contains("tail_needle")).unwrap();
    assert!(rows[row].starts_with(CONTINUATION_MARKER), "{rows:?}");
    let y = g.column.y + row as u16;
    // Colour is off in test sessions: the current hit is drawn reversed, exactly its cells.
    let reversed: String = (g.column.x..g.column.x + g.column.width)
        .filter(|&x| buffer[(x, y)].modifier.contains(Modifier::REVERSED))
        .map(|x| buffer[(x, y)].symbol().to_string())
        .collect();
    assert_eq!(reversed, "tail_needle");
}

#[test]
fn a_selection_on_a_continuation_row_covers_the_cells_of_its_text() {
    // `v` selects the sentence at the top of the screen: with a continuation row on top, the
    // code line it belongs to. The selection is reversed over text cells only, never over the
    // marker or the hang.
    let to_code = "}".repeat(13);
    let session = run(long_line_document(), (40, 12), &format!("{to_code}wjjv"));
    let g = session.app.model().geometry();
    let buffer = session.terminal.backend().buffer();
    let rows = column_rows(&session);
    assert!(rows[0].starts_with(CONTINUATION_MARKER), "{rows:?}");
    let hang = session
        .app
        .model()
        .pages()
        .line(session.app.model().top_line())
        .unwrap()
        .hang as u16;
    let y = g.column.y;
    let reversed: Vec<u16> = (g.column.x..g.column.x + g.column.width)
        .filter(|&x| buffer[(x, y)].modifier.contains(Modifier::REVERSED))
        .collect();
    assert!(!reversed.is_empty(), "{}", session.screen());
    assert!(
        reversed.iter().all(|&x| x >= g.column.x + hang),
        "{reversed:?}"
    );
    let text: String = reversed
        .iter()
        .map(|&x| buffer[(x, y)].symbol().to_string())
        .collect();
    assert!(
        rows[0]
            .trim_start_matches(CONTINUATION_MARKER)
            .trim_start()
            .starts_with(text.trim_end())
    );
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// With wrapping on, through the loader and the real renderer: no row of a code line is
    /// wider than the column, each row is drawn as the layout says (continuation rows after
    /// the marker and their hang), and a code line's rows, concatenated, are the line: nothing
    /// lost, nothing doubled.
    #[test]
    fn wrapped_code_rows_fit_and_give_the_line_back(
        code in prop::collection::vec(code_line(), 1..6),
        width in 20u16..120,
    ) {
        let (session, block) = fenced_code_session(&code, (width, 60), "w");
        let model = session.app.model();
        // Code may be drawn past the prose column, into the pane's room beside it.
        let column = model.pages().code_width();
        let text = &model.doc().blocks[block].text;
        let rows = column_rows(&session);
        let top = model.top_line();
        let lines: Vec<_> = model.pages().lines_from(0).enumerate()
            .filter(|(_, l)| l.block as usize == block && l.kind == LineKind::Text)
            .collect();
        let mut rebuilt = String::new();
        for (n, (index, line)) in lines.iter().enumerate() {
            let shown = &text[line.range()];
            prop_assert!(columns(shown) + line.hang as usize <= column, "{shown:?} in {column}");
            prop_assert!(!line.cut);
            // A row that is not a continuation starts the next source line.
            if n > 0 && !line.is_continuation() {
                rebuilt.push('\n');
            }
            rebuilt.push_str(shown);
            let Some(row) = index.checked_sub(top).and_then(|r| rows.get(r)) else {
                continue;
            };
            let expected = if line.is_continuation() {
                format!("{CONTINUATION_MARKER}{}{shown}", " ".repeat(line.hang as usize - 1))
            } else {
                shown.to_string()
            };
            prop_assert_eq!(row.as_str(), expected.trim_end());
        }
        prop_assert_eq!(rebuilt.as_str(), text.as_str());
        // The layout on its own agrees, and cut again it is one row per line.
        let width = model.pages().width();
        let pages = Pages::with_code_lines(model.doc(), width, 60, false, model.pages().style());
        prop_assert_eq!(pages.code_lines(), CodeLines::Wrap);
        let alone: Vec<_> = pages.lines_from(0).collect();
        let in_model: Vec<_> = model.pages().lines_from(0).collect();
        prop_assert_eq!(alone, in_model);
        let cut = Pages::new(model.doc(), width, 60, false);
        let cut_rows = cut
            .lines_from(0)
            .filter(|l| l.block as usize == block && l.kind == LineKind::Text)
            .count();
        prop_assert_eq!(cut_rows, text.split('\n').count());
    }
}

/// The row at `y` from the column's left edge to `right`, trailing blanks dropped.
fn row_from_column(session: &crate::common::Session, y: u16, right: u16) -> String {
    let g = session.app.model().geometry();
    let buffer = session.terminal.backend().buffer();
    (g.column.x..right)
        .map(|x| buffer[(x, y)].symbol())
        .collect::<String>()
        .trim_end()
        .to_string()
}

#[test]
fn on_a_wide_screen_a_code_line_goes_on_past_the_column_whole() {
    // 220 columns: the 72-column measure leaves about 55 blank columns right of the text,
    // and the 120-column shell line fits in them.
    let session = run(markdown(MARKDOWN), (220, 16), "");
    let g = session.app.model().geometry();
    assert!(g.code_width > g.column.width, "{g:?}");
    let curl = MARKDOWN.lines().find(|l| l.starts_with("curl")).unwrap();
    let japanese = MARKDOWN.lines().find(|l| l.contains("名前")).unwrap();
    let right = g.column.x + g.code_width;
    let rows: Vec<String> = (g.column.y..g.column.y + g.column.height)
        .map(|y| row_from_column(&session, y, right))
        .collect();
    assert!(rows.iter().any(|r| r == curl), "{}", session.screen());
    assert!(
        !session.screen().contains(CUT_MARKER),
        "{}",
        session.screen()
    );
    // Prose keeps its measure: nothing but code is drawn right of the column.
    let buffer = session.terminal.backend().buffer();
    for (row, y) in rows.iter().zip(g.column.y..) {
        let past: String = (g.column.x + g.column.width..right)
            .map(|x| buffer[(x, y)].symbol())
            .collect();
        if !past.trim().is_empty() {
            // A wide character's filler cell reads as a space here.
            let squeezed: String = row.split_whitespace().collect();
            let code = |line: &str| line.split_whitespace().collect::<String>() == squeezed;
            assert!(code(curl) || code(japanese.trim()), "{row:?} is not code");
        }
    }
}

#[test]
fn a_code_line_wider_than_the_pane_is_cut_at_the_panes_margin() {
    let session = run(markdown(MARKDOWN), (170, 16), "");
    let g = session.app.model().geometry();
    assert!(g.code_width > g.column.width, "{g:?}");
    // One blank column is kept before the pane's edge, as the margin asks.
    assert_eq!(g.column.x + g.code_width, g.pane.x + g.pane.width - 1);
    let right = g.column.x + g.code_width;
    let buffer = session.terminal.backend().buffer();
    let marked: Vec<u16> = (g.column.y..g.column.y + g.column.height)
        .filter(|&y| buffer[(right - 1, y)].symbol() == CUT_MARKER)
        .collect();
    assert_eq!(marked.len(), 1, "{}", session.screen());
    let shown = row_from_column(&session, marked[0], right - 1);
    assert!(shown.starts_with("curl") && shown.len() > 72, "{shown:?}");
}

#[test]
fn a_search_hit_past_the_column_is_lit_where_it_is_drawn() {
    let session = run(markdown(MARKDOWN), (220, 16), "/minimal<Enter>");
    let g = session.app.model().geometry();
    let buffer = session.terminal.backend().buffer();
    let curl = MARKDOWN.lines().find(|l| l.starts_with("curl")).unwrap();
    let hit = curl.find("minimal").unwrap() as u16;
    let y = (g.column.y..g.column.y + g.column.height)
        .find(|&y| buffer[(g.column.x, y)].symbol() == "c")
        .unwrap();
    assert!(
        g.column.x + hit >= g.column.x + g.column.width,
        "the hit is past the column"
    );
    for dx in 0..7 {
        let cell = &buffer[(g.column.x + hit + dx, y)];
        assert!(cell.modifier.contains(Modifier::REVERSED), "{cell:?}");
    }
}

#[test]
fn a_selection_covers_a_code_line_past_the_column() {
    let curl = MARKDOWN.lines().find(|l| l.starts_with("curl")).unwrap();
    let doc = markdown(&format!("```\n{curl}\n```\n\nAfter the code.\n"));
    let session = run(doc, (220, 16), "v");
    let g = session.app.model().geometry();
    let buffer = session.terminal.backend().buffer();
    let y = g.column.y;
    assert_eq!(
        row_from_column(&session, y, g.column.x + g.code_width),
        curl
    );
    let reversed: String = (g.column.x..g.column.x + g.code_width)
        .filter(|&x| buffer[(x, y)].modifier.contains(Modifier::REVERSED))
        .map(|x| buffer[(x, y)].symbol())
        .collect();
    assert_eq!(reversed, curl, "{}", session.screen());
}
