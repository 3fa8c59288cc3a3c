//! Fuzz target: bytes → plain text structure (decoding, headings, front and back matter,
//! Aozora Bunko markup: ruby, editor's notes, headings, page breaks) and the outline; no
//! panic, and the document keeps the invariant of `quire_fuzz::check`.
//! `cargo +nightly fuzz run text -- -dict=fuzz/dict/text.dict`

#![no_main]

use libfuzzer_sys::fuzz_target;
use quire::document::Format;

fuzz_target!(|data: &[u8]| quire_fuzz::load(data, Format::Text));
