//! Fuzz target: bytes → load (decode, sanitize, structure as text, Markdown or HTML) → layout
//! → render at a terminal size taken from the input; no panic, and no drawn cell may hold a
//! control character or a bidi control. Run with `cargo +nightly fuzz run load_render` from the repository root.

#![no_main]

use libfuzzer_sys::fuzz_target;
use quire::document::{Document, Format, LoadOptions};
use quire::reader::{Model, Opened, Setup};
use ratatui::backend::TestBackend;

fuzz_target!(|data: &[u8]| {
    let [w, h, f, rest @ ..] = data else { return };
    let width = u16::from(*w) % 200 + 1;
    let height = u16::from(*h) % 80 + 1;
    let format = [None, Some(Format::Text), Some(Format::Markdown), Some(Format::Html)][usize::from(*f) % 4];
    let options = LoadOptions { format, force: true, ..LoadOptions::default() };
    let Ok(doc) = Document::load(rest.to_vec(), "fuzz", options) else { return };
    let setup = Setup { screen: (width, height), ..Setup::default() };
    let model = Model::open(Opened::fresh(doc), setup);
    // A TestBackend cannot fail: its error type is uninhabited.
    let Ok(mut terminal) = quire::app::terminal(TestBackend::new(width, height));
    let Ok(frame) = terminal.draw(|frame| quire::ui::render(&model, frame));
    for cell in frame.buffer.content() {
        let unsafe_char = |c: char| c.is_control() || quire::document::sanitize::is_bidi_control(c);
        assert!(!cell.symbol().chars().any(unsafe_char), "control char drawn: {:?}", cell.symbol());
    }
});
