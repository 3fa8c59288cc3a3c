//! Fuzz target: bytes → the HTML path (nesting bound, parser, article extractor, Markdown of
//! the article, or the visible-text fallback) and the outline; no panic, and the document
//! keeps the invariant of `quire_fuzz::check`.
//! `cargo +nightly fuzz run html -- -dict=fuzz/dict/html.dict`

#![no_main]

use libfuzzer_sys::fuzz_target;
use quire::document::Format;

fuzz_target!(|data: &[u8]| quire_fuzz::load(data, Format::Html));
