//! Fuzz target: the EPUB reader. An input starting with 0 is a whole archive (the archive
//! survey, the container, the package); any other is the one chapter of a well-formed book
//! (the XHTML parser, its HTML fallback, notes, tables). No panic; a book that loads keeps
//! the invariant of `quire_fuzz::check`.
//! `cargo +nightly fuzz run epub -- -dict=fuzz/dict/epub.dict`

#![no_main]

use libfuzzer_sys::fuzz_target;
use quire::document::Format;

fuzz_target!(|data: &[u8]| match data {
    [0, archive @ ..] => quire_fuzz::load(archive, Format::Epub),
    [_, chapter @ ..] => quire_fuzz::load(&quire_fuzz::book_with_chapter(chapter), Format::Epub),
    [] => {}
});
