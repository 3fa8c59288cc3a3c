//! Property test of the whole path a file takes — decode, sanitize, structure (text, Markdown,
//! HTML), layout, render — on random bytes rich in escape sequences and wide or right-to-left
//! text, at random terminal sizes: nothing panics and no drawn cell holds a control character.

use proptest::prelude::*;
use quire::document::{Document, Format, LoadOptions};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Pieces that stress each stage: escape sequences, C1 forms, bidi controls, markup, wide and
/// combining text, soft hyphens and no-break spaces, and line ends of every kind.
const PIECES: &[&str] = &[
    "\u{1b}[31m",
    "\u{1b}]52;c;eA==\u{7}",
    "\u{1b}P",
    "\u{1b}\\",
    "\u{9b}",
    "\u{9d}",
    "\u{1b}",
    "\u{0}",
    "\u{7f}",
    "\u{202e}",
    "\u{2066}",
    "\r\n",
    "\r",
    "\n\n",
    "\t",
    "\u{c}",
    "\u{ad}",
    "\u{a0}",
    "# ",
    "## ",
    "- ",
    "1. ",
    "> ",
    "```\n",
    "*",
    "**",
    "`",
    "[a](http://x)",
    "<p>",
    "</p>",
    "<h2>",
    "<!DOCTYPE html>",
    "&#27;",
    "&amp;",
    "שלום ",
    "مرحبا ",
    "你好世界",
    "👨\u{200d}👩\u{200d}👧",
    "e\u{301}",
    "word ",
    "longwordwithoutanyspaceswhatsoever",
    " ",
];

fn document_bytes() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        4 => prop::sample::select(PIECES).prop_map(|p| p.as_bytes().to_vec()),
        1 => prop::collection::vec(any::<u8>(), 0..8),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|parts| parts.concat())
}

fn format() -> impl Strategy<Value = Option<Format>> {
    prop::sample::select(vec![
        None,
        Some(Format::Text),
        Some(Format::Markdown),
        Some(Format::Html),
    ])
}

/// Keys that move, fold, wrap or open something: page, line, end, leftovers, code wrap, the
/// outline, the next section, help.
const KEYS: &[&str] = &["<Space>", "j", "G", "z", "w", "<Tab>", "]", "?"];

proptest! {
    // 400 cases by default; PROPTEST_CASES raises it for a longer run.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(400),
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_input_renders_safely_at_any_size(
        bytes in document_bytes(),
        format in format(),
        width in 1u16..200,
        height in 1u16..80,
        actions in prop::collection::vec(prop::sample::select(KEYS), 0..4),
    ) {
        let options = LoadOptions { format, force: true, ..LoadOptions::default() };
        let doc = Document::load(bytes, "fuzz", options).unwrap();
        let mut model = crate::common::model(doc, (width, height));
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        for step in 0..=actions.len() {
            terminal.draw(|f| quire::ui::render(&model, f)).unwrap();
            let buffer = terminal.backend().buffer();
            for cell in buffer.content() {
                let symbol = cell.symbol();
                prop_assert!(
                    !symbol.chars().any(|c| c.is_control() || quire::document::sanitize::is_bidi_control(c)),
                    "control in cell {:?}", symbol
                );
            }
            if let Some(keys) = actions.get(step) {
                crate::common::press(&mut model, keys);
            }
        }
    }
}
