//! Fuzz target: bytes → the Markdown parser (decoded, sanitized, structured) and the outline;
//! no panic, and the document keeps the invariant of `quire_fuzz::check`.
//! `cargo +nightly fuzz run markdown -- -dict=fuzz/dict/markdown.dict`

#![no_main]

use libfuzzer_sys::fuzz_target;
use quire::document::Format;

fuzz_target!(|data: &[u8]| quire_fuzz::load(data, Format::Markdown));
