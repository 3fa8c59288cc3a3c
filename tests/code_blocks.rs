//! Code and preformatted blocks on screen and in plain output: a line wider than the reading
//! column is cut at the column with a marker in its last cell, never wrapped mid-token; plain
//! output keeps it whole; a search hit in the hidden part lands on its line.

mod common;

use common::run;
use proptest::prelude::*;
use quire::document::{BlockKind, Document, Format, LoadOptions};
use quire::layout::Pages;
use quire::ui::CUT_MARKER;
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

/// The reading column's rows with their leading spaces (code indentation) kept.
fn column_rows(session: &common::Session) -> Vec<String> {
    let g = session.app.model.geometry();
    let buffer = session.terminal.backend().buffer();
    (g.column.y..g.column.y + g.column.height)
        .map(|y| {
            let mut row = String::new();
            let mut skip = 0;
            for x in g.column.x..g.column.x + g.column.width {
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
    let g = session.app.model.geometry();
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
    let g = session.app.model.geometry();
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
    quire::print::write_text(&doc, 40, &mut out).unwrap();
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
        let source = format!("Intro.\n\n```\n{}\n```\n", code.join("\n"));
        let doc = markdown(&source);
        let block = doc.blocks.iter().position(|b| b.kind == BlockKind::Code).unwrap();
        let session = run(doc, (width, 40), "");
        let model = &session.app.model;
        let column = model.pages.width();
        let rows = column_rows(&session);
        let first_row = model.pages.first_line_of_block(block).unwrap() - model.top_line();
        for (n, source_line) in model.doc.blocks[block].text.split('\n').enumerate() {
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
        let pages = Pages::new(&model.doc, column, 40, false);
        for line in pages.lines().iter().filter(|l| l.block as usize == block) {
            let shown = &model.doc.blocks[block].text[line.range()];
            prop_assert!(columns(shown) + usize::from(line.cut) <= column);
        }
    }
}
