//! What every fuzz target shares: loading bytes as one format, the invariant a loaded
//! document keeps (the same one `tests/it/parser_props.rs` checks on stable), and a
//! well-formed EPUB wrapped around arbitrary chapter bytes.

use std::io::{Cursor, Write};

use quire::document::{Document, Format, LoadOptions};
use quire::outline::Outline;

/// Load `bytes` as `format`, forced as `--format` and `--force` would: a text format always
/// loads; a book may be refused, never with a panic. A document that loads keeps the
/// invariant ([`check`]).
pub fn load(bytes: &[u8], format: Format) {
    let options = LoadOptions {
        format: Some(format),
        force: format != Format::Epub,
        ..LoadOptions::default()
    };
    match Document::load(bytes.to_vec(), "fuzz", options) {
        Ok(doc) => check(&doc),
        Err(err) => assert!(format == Format::Epub, "{format:?} refused: {err}"),
    }
}

/// No block holds a control or bidi character (a newline in code aside), every styled span
/// lies on the block's character boundaries, and the outline builds.
pub fn check(doc: &Document) {
    for block in &doc.blocks {
        let bad = block.text.chars().find(|&c| {
            (c.is_control() && c != '\n') || quire::document::sanitize::is_bidi_control(c)
        });
        assert!(bad.is_none(), "{bad:?} in {:?}", block.text);
        for span in &block.spans {
            assert!(span.start <= span.end && span.end <= block.text.len());
            assert!(block.text.is_char_boundary(span.start));
            assert!(block.text.is_char_boundary(span.end));
        }
    }
    let _ = Outline::build(doc);
}

const CONTAINER: &str = r#"<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>"#;

const PACKAGE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="id">urn:uuid:1</dc:identifier><dc:title>Fuzz</dc:title><dc:language>en</dc:language>
</metadata><manifest>
<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="one" href="one.xhtml" media-type="application/xhtml+xml"/>
</manifest><spine><itemref idref="one"/></spine></package>"#;

const NAV: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
<body><nav epub:type="toc"><ol><li><a href="one.xhtml">One</a></li></ol></nav></body></html>"#;

/// A well-formed EPUB 3 book of one chapter, whose bytes are `chapter`: the fuzzer works on
/// the chapter parser instead of spending its time learning the ZIP format.
pub fn book_with_chapter(chapter: &[u8]) -> Vec<u8> {
    let files: [(&str, &[u8]); 5] = [
        ("mimetype", b"application/epub+zip"),
        ("META-INF/container.xml", CONTAINER.as_bytes()),
        ("content.opf", PACKAGE.as_bytes()),
        ("nav.xhtml", NAV.as_bytes()),
        ("one.xhtml", chapter),
    ];
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content) in files {
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        // Writing into memory fails only on a bug in the writer: let the fuzzer see it.
        writer.start_file(name, options).expect("zip entry");
        writer.write_all(content).expect("zip write");
    }
    writer.finish().expect("zip finish").into_inner()
}
