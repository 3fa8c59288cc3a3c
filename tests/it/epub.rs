//! EPUB books, built by the tests as ZIP archives in a temporary folder: the container and the
//! spine, one document per book, the book's own outline and metadata, notes and links, images,
//! bad and hostile books. The opening read before the whole, and a bookmark that resumes, are
//! in `epub_opening.rs`, with the books built here.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use zip::write::SimpleFileOptions;

use crate::common::run;
use quire::document::{BlockKind, Document, LoadOptions};
use quire::outline::Outline;

/// A book to be zipped: its files in order (the `mimetype` first, stored).
pub(crate) struct Book {
    files: Vec<(String, Vec<u8>)>,
}

const CONTAINER: &str = r#"<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>"#;

fn xhtml(title: &str, body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
<head><title>{title}</title><style>p {{ margin: 0 }}</style></head>
<body>{body}</body></html>"#
    )
}

impl Book {
    /// An EPUB 3 book: chapters `(file, body)` in spine order, and a nav TOC of
    /// `(level, label, href)`.
    pub(crate) fn epub3(chapters: &[(&str, &str)], toc: &[(u8, &str, &str)]) -> Book {
        Book::with_package(chapters, toc, "", "")
    }

    fn with_package(
        chapters: &[(&str, &str)],
        toc: &[(u8, &str, &str)],
        spine_attrs: &str,
        extra_manifest: &str,
    ) -> Book {
        let mut manifest = String::from(
            r#"<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>"#,
        );
        let mut spine = String::new();
        for (i, (file, _)) in chapters.iter().enumerate() {
            manifest.push_str(&format!(
                r#"<item id="c{i}" href="{file}" media-type="application/xhtml+xml"/>"#
            ));
            spine.push_str(&format!(r#"<itemref idref="c{i}"/>"#));
        }
        manifest.push_str(extra_manifest);
        let opf = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="id">urn:uuid:1</dc:identifier><dc:title>The Test Voyage</dc:title>
<dc:creator>Ann Example</dc:creator><dc:creator>Bo Sample</dc:creator><dc:language>en-GB</dc:language>
</metadata><manifest>{manifest}</manifest><spine{spine_attrs}>{spine}</spine></package>"#
        );
        let mut book = Book { files: Vec::new() };
        book.add("mimetype", "application/epub+zip");
        book.add("META-INF/container.xml", CONTAINER);
        book.add("OEBPS/content.opf", &opf);
        book.add("OEBPS/nav.xhtml", &nav(toc));
        for (file, body) in chapters {
            book.add(&format!("OEBPS/{file}"), &xhtml(file, body));
        }
        book
    }

    fn add(&mut self, name: &str, content: &str) {
        self.add_bytes(name, content.as_bytes().to_vec());
    }

    pub(crate) fn add_bytes(&mut self, name: &str, content: Vec<u8>) {
        self.files.retain(|(n, _)| n != name);
        self.files.push((name.to_string(), content));
    }

    fn remove(&mut self, name: &str) {
        self.files.retain(|(n, _)| n != name);
    }

    pub(crate) fn zip(&self) -> Vec<u8> {
        let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (name, content) in &self.files {
            let method = if name == "mimetype" {
                zip::CompressionMethod::Stored
            } else {
                zip::CompressionMethod::Deflated
            };
            let options = SimpleFileOptions::default().compression_method(method);
            writer.start_file(name.as_str(), options).unwrap();
            writer.write_all(content).unwrap();
        }
        writer.finish().unwrap().into_inner()
    }

    pub(crate) fn write(&self, dir: &Path, name: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, self.zip()).unwrap();
        path
    }

    pub(crate) fn load(&self) -> Document {
        match Document::load(self.zip(), "book.epub", LoadOptions::default()) {
            Ok(doc) => doc,
            Err(err) => panic!("{err}"),
        }
    }
}

fn nav(toc: &[(u8, &str, &str)]) -> String {
    if toc.is_empty() {
        return xhtml(
            "Contents",
            r#"<nav epub:type="toc"><ol><li><span>Contents</span></li></ol></nav>"#,
        );
    }
    // Nested <ol>s from the levels.
    let mut body = String::from(r#"<nav epub:type="toc"><ol>"#);
    let mut level = 1;
    for (i, &(l, label, href)) in toc.iter().enumerate() {
        while level < l {
            body.push_str("<ol>");
            level += 1;
        }
        while level > l {
            body.push_str("</li></ol>");
            level -= 1;
        }
        if i > 0 && toc[i - 1].0 >= l {
            body.push_str("</li>");
        }
        body.push_str(&format!(r#"<li><a href="{href}">{label}</a>"#));
    }
    while level > 1 {
        body.push_str("</li></ol>");
        level -= 1;
    }
    body.push_str("</li></ol></nav>");
    xhtml("Contents", &body)
}

pub(crate) fn quire(args: &[&str], data: Option<&Path>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_quire"));
    command.args(args).env_remove("QUIRE_DATA_DIR");
    if let Some(dir) = data {
        command.env("QUIRE_DATA_DIR", dir);
    }
    command.output().unwrap()
}

fn printed(path: &Path) -> String {
    let out = quire(
        &["--print", "--width", "100", &path.display().to_string()],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The one line quire says on stderr, with the exit code, for a book it cannot read.
fn refusal(path: &Path) -> String {
    let out = quire(&["--print", &path.display().to_string()], None);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    stderr
}

pub(crate) fn sample() -> Book {
    Book::epub3(
        &[
            (
                "one.xhtml",
                "<h1>Chapter One</h1><p>The harbour was quiet at dawn.</p><h2 id=\"s2\">A Storm</h2><p>Then the wind rose over the water.</p>",
            ),
            (
                "two.xhtml",
                "<h1>Chapter Two</h1><p>The boats came home at dusk.</p>",
            ),
        ],
        &[
            (1, "Chapter One", "one.xhtml"),
            (2, "A Storm", "one.xhtml#s2"),
            (1, "Chapter Two", "two.xhtml"),
        ],
    )
}

#[test]
fn chapters_become_one_document_in_spine_order_with_heading_levels() {
    let doc = sample().load();
    let headings: Vec<(u8, &str)> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Heading)
        .map(|b| (b.level, b.text.as_str()))
        .collect();
    assert_eq!(
        headings,
        vec![(1, "Chapter One"), (2, "A Storm"), (1, "Chapter Two")]
    );
    assert_eq!(doc.name, "The Test Voyage");
    let book = doc.book().unwrap();
    assert_eq!(book.authors, vec!["Ann Example", "Bo Sample"]);
    assert_eq!(book.language.as_deref(), Some("en-GB"));
    assert_eq!(book.parts.len(), 2);
    // The style sheet and the head's title are not text.
    assert!(!doc.blocks.iter().any(|b| b.text.contains("margin")));
}

#[test]
fn the_outline_is_the_books_own_toc_with_levels_and_places() {
    let doc = sample().load();
    let outline = Outline::build(&doc);
    let entries: Vec<(u8, &str, &str)> = outline
        .entries
        .iter()
        .map(|e| (e.level, e.label.as_str(), doc.text(e.first_block)))
        .collect();
    assert_eq!(
        entries,
        vec![
            (1, "Chapter One", "Chapter One"),
            (2, "A Storm", "A Storm"),
            (1, "Chapter Two", "Chapter Two"),
        ]
    );
    assert_eq!(outline.entries[1].parent, Some(0));
}

#[test]
fn a_toc_of_only_the_licence_gives_way_to_the_headings() {
    let book = Book::epub3(
        &[
            (
                "one.xhtml",
                "<h1>First Part</h1><p>Words of the first part.</p>",
            ),
            (
                "two.xhtml",
                "<h1>Second Part</h1><p>Words of the second part.</p>",
            ),
            ("licence.xhtml", "<h1>Licence</h1><p>Share it.</p>"),
        ],
        &[(1, "Licence", "licence.xhtml")],
    );
    let outline = Outline::build(&book.load());
    let labels: Vec<&str> = outline.entries.iter().map(|e| e.label.as_str()).collect();
    assert!(labels.contains(&"First Part"), "{labels:?}");
    assert!(labels.contains(&"Second Part"), "{labels:?}");
}

#[test]
fn an_epub2_book_with_only_an_ncx_has_its_outline() {
    let mut book = Book::epub3(
        &[
            ("a.xhtml", "<p>First words.</p>"),
            ("b.xhtml", "<p>Second words.</p>"),
        ],
        &[],
    );
    let opf = r#"<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">x</dc:identifier><dc:title>Old Book</dc:title><dc:language>es</dc:language></metadata>
<manifest><item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
<item id="a" href="a.xhtml" media-type="application/xhtml+xml"/><item id="b" href="b.xhtml" media-type="application/xhtml+xml"/></manifest>
<spine toc="ncx"><itemref idref="a"/><itemref idref="b"/></spine></package>"#;
    let ncx = r#"<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap>
<navPoint id="p1" playOrder="1"><navLabel><text>Despertar</text></navLabel><content src="a.xhtml"/></navPoint>
<navPoint id="p2" playOrder="2"><navLabel><text>Vestidor</text></navLabel><content src="b.xhtml"/></navPoint>
</navMap></ncx>"#;
    book.remove("OEBPS/nav.xhtml");
    book.add("OEBPS/content.opf", opf);
    book.add("OEBPS/toc.ncx", ncx);
    let doc = book.load();
    let outline = Outline::build(&doc);
    let labels: Vec<&str> = outline.entries.iter().map(|e| e.label.as_str()).collect();
    assert_eq!(labels, vec!["Despertar", "Vestidor"]);
    assert_eq!(doc.text(outline.entries[1].first_block), "Second words.");
}

#[test]
fn outline_output_carries_title_authors_and_language() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample().write(dir.path(), "voyage.epub");
    let out = quire(&["--outline", &path.display().to_string()], None);
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert!(
        lines.next().unwrap().starts_with("The Test Voyage  [epub"),
        "{text}"
    );
    assert_eq!(
        lines.next(),
        Some("by Ann Example, Bo Sample · language en-GB")
    );
    let out = quire(&["--outline", "--json", &path.display().to_string()], None);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let entries = json.as_array().unwrap();
    assert_eq!(entries[0]["kind"], "book");
    assert_eq!(entries[0]["title"], "The Test Voyage");
    assert_eq!(entries[0]["authors"][1], "Bo Sample");
    assert_eq!(entries[0]["language"], "en-GB");
    assert_eq!(entries[1]["label"], "Chapter One");
}

#[test]
fn verse_quotes_lists_tables_pre_and_ruby_read_as_they_are_set() {
    let body = r#"
<blockquote epub:type="z3998:poem"><p><span>April is the cruellest month,</span><br/><span>breeding lilacs</span></p></blockquote>
<div class="linegroup"><div>Winter kept us warm,</div><div>covering earth</div></div>
<ol><li>first item</li><li><p>second item</p></li></ol>
<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>3</td></tr></table>
<pre>  keep   this
    as it is</pre>
<p><ruby>漢<rt>かん</rt>字<rt>じ</rt></ruby>を読む</p>
<p>A <img src="hatter.png" alt="The Mad Hatter"/> appears.</p>"#;
    let dir = tempfile::tempdir().unwrap();
    let path = Book::epub3(&[("one.xhtml", body)], &[]).write(dir.path(), "forms.epub");
    let text = printed(&path);
    for expected in [
        "│ April is the cruellest month,\n│ breeding lilacs",
        "Winter kept us warm,\ncovering earth",
        "1. first item\n\n2. second item",
        "Name │ Age\n─────┼────\nAnn  │ 3",
        "  keep   this\n    as it is",
        "漢(かん)字(じ)を読む",
        "A [image: The Mad Hatter] appears.",
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
}

#[test]
fn right_to_left_books_say_so() {
    let book = Book::with_package(
        &[("one.xhtml", "<p dir=\"rtl\">שלום עולם</p>")],
        &[],
        r#" page-progression-direction="rtl""#,
        "",
    );
    let doc = book.load();
    assert_eq!(
        doc.book().unwrap().direction,
        quire::document::book::Direction::RightToLeft
    );
    assert_eq!(doc.blocks[0].text, "שלום עולם");
}

#[test]
fn note_references_are_marked_and_lead_to_their_notes_and_back() {
    let book = Book::epub3(
        &[
            (
                "text.xhtml",
                r##"<p>Call me Ishmael.<a href="notes.xhtml#n1" id="r1" epub:type="noteref">1</a> Some years ago<a href="notes.xhtml#n2" id="r2">2</a>.</p><p>See <a href="#far">below</a>.</p><p id="far">Far away.</p>"##,
            ),
            (
                "notes.xhtml",
                r##"<ol><li id="n1"><p>A name. <a href="text.xhtml#r1">↩</a></p></li><li id="n2"><p>Never mind how long. <a href="text.xhtml#r2">↩</a></p></li></ol>"##,
            ),
        ],
        &[],
    );
    let doc = book.load();
    assert_eq!(doc.blocks[0].text, "Call me Ishmael.[1] Some years ago2.");
    let book = doc.book().unwrap();
    let notes: Vec<String> = book.notes().map(|(_, note)| doc.note_text(&note)).collect();
    // The second is a note by its backlink alone.
    assert_eq!(notes, vec!["1. A name. ↩", "2. Never mind how long. ↩"]);
    let (reference, note) = book.notes().next().unwrap();
    assert_eq!(&doc.blocks[0].text[reference.range.clone()], "[1]");
    assert_eq!(note.back.block, 0);
    // An internal link leads to the block with its id.
    let link = book.links_in(1).first().unwrap();
    assert!(!link.is_note);
    assert_eq!(doc.text(book.follow(link).unwrap().block), "Far away.");
    assert!(book.link_at(quire::document::Anchor::new(1, 5)).is_some());
}

/// A book of a few pages with a note reference near its start, its note in a notes file with
/// a backlink, and a link further on to a place near the end.
pub(crate) fn noted_book() -> Document {
    let prose: String = (1..=40)
        .map(|i| format!("<p>Paragraph {i} of the voyage, with the sea all round.</p>"))
        .collect();
    Book::epub3(
        &[
            (
                "text.xhtml",
                &format!(
                    r##"<p>Call me Ishmael.<a href="notes.xhtml#n1" id="r1" epub:type="noteref">1</a></p><p>See <a href="#far">the end</a>.</p>{prose}<p id="far">Far away, at the end.</p>"##
                ),
            ),
            (
                "notes.xhtml",
                r##"<aside id="n1" epub:type="footnote"><p>A name taken, not given. <a href="text.xhtml#r1">↩</a></p></aside>"##,
            ),
        ],
        &[],
    )
    .load()
}

#[test]
fn k_shows_the_note_on_the_screen_and_f_follows_a_link_that_ctrl_o_comes_back_from() {
    let size = (60, 16);
    let shown = run(noted_book(), size, "K");
    assert!(shown.screen().contains("A name taken, not given."));
    insta::assert_snapshot!("epub_note_popup_60x16", shown.screen());
    // Esc closes it; the place has not moved.
    let closed = run(noted_book(), size, "K<Esc>");
    assert!(!closed.screen().contains("A name taken"));
    assert_eq!(closed.app.model().top_line(), 0);
    // The first link on the screen is the note reference: F goes to the note, whose backlink
    // F follows back; Ctrl-o returns from the note as well.
    let at_note = run(noted_book(), size, "F");
    assert!(at_note.screen().contains("A name taken, not given."));
    assert!(at_note.app.model().top_line() > 0);
    let back = run(noted_book(), size, "F<C-o>");
    assert_eq!(back.app.model().top_line(), 0);
    let by_backlink = run(noted_book(), size, "FF");
    assert!(by_backlink.screen().contains("Call me Ishmael."));
    // Past the reference, the first link on the screen is the one to the end. (Of several
    // links on a screen, the first is followed.)
    let far = run(noted_book(), size, "jF");
    assert!(far.screen().contains("Far away, at the end."));
    let far_back = run(noted_book(), size, "jF<C-o>");
    let past = run(noted_book(), size, "j");
    assert_eq!(far_back.app.model().top_line(), past.app.model().top_line());
    // With no reference on the screen, K says so; a text has neither notes nor links.
    let none = run(noted_book(), size, "<Space>K");
    assert!(none.status().contains("no note reference on this screen"));
    let text = Document::from_text("Plain words.\n\nMore.", "t.txt");
    assert!(
        run(text, size, "F")
            .status()
            .contains("only a book has them")
    );
}

#[test]
fn a_cover_only_first_page_is_skipped_in_the_reader_unless_a_place_is_resumed() {
    let book = Book::epub3(
        &[
            (
                "cover.xhtml",
                r#"<div><img src="c.jpg" alt="Cover"/></div>"#,
            ),
            (
                "one.xhtml",
                &format!("<p>The first words.</p>{}", "<p>And more.</p>".repeat(30)),
            ),
        ],
        &[],
    );
    let fresh = run(book.load(), (40, 10), "");
    let start = book.load().book().unwrap().start;
    assert_eq!(fresh.app.model().anchor().block, start.block);
    assert!(fresh.screen().contains("The first words."));
    assert!(!fresh.screen().contains("[image: Cover]"));
    // The cover is still there, a page up.
    let up = run(book.load(), (40, 10), "g");
    assert!(up.screen().contains("[image: Cover]"));
    // A preview of the book starts there too.
    let app = quire::app::AppBuilder::preview(book.load())
        .screen((40, 10))
        .build();
    assert_eq!(app.model().anchor().block, start.block);
}

#[test]
fn a_cover_that_is_only_a_picture_is_passed_over_when_opening_fresh() {
    let book = Book::epub3(
        &[
            (
                "cover.xhtml",
                r#"<div><img src="c.jpg" alt="Cover"/></div>"#,
            ),
            ("one.xhtml", "<p>The first words.</p>"),
        ],
        &[],
    );
    let doc = book.load();
    assert_eq!(doc.blocks[0].text, "[image: Cover]");
    let start = doc.book().unwrap().start;
    assert_eq!(doc.text(start.block), "The first words.");
}

#[test]
fn hostile_text_is_sanitized() {
    let body = "<p>a &#27;]52;c;eA==&#7; b \u{1b}[2J c &#x9b;31m &#x202E;d</p>";
    let doc = Book::epub3(&[("one.xhtml", body)], &[]).load();
    for block in &doc.blocks {
        assert!(
            !block
                .text
                .chars()
                .any(|c| c.is_control() && c != '\n'
                    || quire::document::sanitize::is_bidi_control(c)),
            "{:?}",
            block.text
        );
    }
}

#[test]
fn a_truncated_book_and_a_zip_that_is_no_book_say_so_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let whole = sample().zip();
    let cut = dir.path().join("cut.epub");
    std::fs::write(&cut, &whole[..whole.len() / 2]).unwrap();
    assert!(refusal(&cut).contains("damaged or cut short"));
    let mut not_a_book = Book { files: Vec::new() };
    not_a_book.add("README.md", "# hello");
    let path = not_a_book.write(dir.path(), "notes.zip");
    assert!(refusal(&path).contains("not an EPUB"), "{}", refusal(&path));
    let text = dir.path().join("fake.epub");
    std::fs::write(&text, "just text").unwrap();
    assert!(refusal(&text).contains("not a ZIP archive"));
}

#[test]
fn a_missing_part_is_named_where_it_belongs_and_the_rest_is_read() {
    let mut book = Book::epub3(
        &[
            ("one.xhtml", "<p>First chapter.</p>"),
            ("two.xhtml", "<p>Second chapter.</p>"),
            ("three.xhtml", "<p>Third chapter.</p>"),
        ],
        &[
            (1, "I", "one.xhtml"),
            (1, "II", "two.xhtml"),
            (1, "III", "three.xhtml"),
        ],
    );
    book.remove("OEBPS/two.xhtml");
    let dir = tempfile::tempdir().unwrap();
    let path = book.write(dir.path(), "holes.epub");
    let text = printed(&path);
    assert!(text.contains("First chapter."), "{text}");
    assert!(
        text.contains("[part of the book not shown: OEBPS/two.xhtml: missing from the archive]"),
        "{text}"
    );
    assert!(text.contains("Third chapter."), "{text}");
    let doc = Document::open(&path).unwrap();
    let outline = Outline::build(&doc);
    assert!(
        doc.text(outline.entries[1].first_block)
            .contains("not shown")
    );
}

#[test]
fn drm_is_said_in_one_line_and_font_obfuscation_is_not_drm() {
    let encryption = |entries: &[(&str, &str)]| {
        let data: String = entries
            .iter()
            .map(|(algorithm, uri)| {
                format!(
                    r#"<enc:EncryptedData><enc:EncryptionMethod Algorithm="{algorithm}"/><enc:CipherData><enc:CipherReference URI="{uri}"/></enc:CipherData></enc:EncryptedData>"#
                )
            })
            .collect();
        format!(
            r#"<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">{data}</encryption>"#
        )
    };
    const AES: &str = "http://www.w3.org/2001/04/xmlenc#aes128-cbc";
    let dir = tempfile::tempdir().unwrap();
    // One part locked: the rest is read and the lock is named where the part belongs.
    let mut book = sample();
    book.add(
        "META-INF/encryption.xml",
        &encryption(&[(AES, "OEBPS/one.xhtml")]),
    );
    let text = printed(&book.write(dir.path(), "locked-one.epub"));
    assert!(text.contains("OEBPS/one.xhtml: encrypted (DRM)"), "{text}");
    assert!(text.contains("The boats came home at dusk."), "{text}");
    // Every part locked: one line, exit 1.
    book.add(
        "META-INF/encryption.xml",
        &encryption(&[(AES, "OEBPS/one.xhtml"), (AES, "OEBPS/two.xhtml")]),
    );
    let line = refusal(&book.write(dir.path(), "locked.epub"));
    assert!(line.contains("encrypted (DRM)"), "{line}");
    // Fonts scrambled so they cannot be lifted out: the text is untouched.
    let mut fonts = sample();
    fonts.add(
        "META-INF/encryption.xml",
        &encryption(&[("http://www.idpf.org/2008/embedding", "OEBPS/one.xhtml")]),
    );
    assert!(printed(&fonts.write(dir.path(), "fonts.epub")).contains("The harbour was quiet"));
}

#[test]
fn a_zip_bomb_stays_packed() {
    // 65 MiB of one repeated line deflates to well under a megabyte.
    let line = "<p>all work and no play makes a dull book</p>\n";
    let huge = line.repeat((65 << 20) / line.len() + 1);
    let dir = tempfile::tempdir().unwrap();
    let mut book = sample();
    book.add("OEBPS/two.xhtml", &xhtml("two", &huge));
    let path = book.write(dir.path(), "bomb.epub");
    assert!(std::fs::metadata(&path).unwrap().len() < 2 << 20);
    let text = printed(&path)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains(
            "OEBPS/two.xhtml: 66 MiB unpacked, more than the 64 MiB quire reads of one file"
        ),
        "{}",
        &text[..text.len().min(2000)]
    );
    assert!(text.contains("The harbour was quiet at dawn."));
    // A book that is nothing but the bomb cannot be read: one line, exit 1.
    let alone = Book::epub3(&[("two.xhtml", &huge)], &[]);
    let path = alone.write(dir.path(), "only-bomb.epub");
    assert!(refusal(&path).contains("nothing in the book could be read"));
}

#[test]
fn entry_names_that_climb_out_of_the_archive_are_never_read() {
    let mut book = sample();
    book.add("../../escape.xhtml", &xhtml("x", "<p>escaped</p>"));
    let opf = String::from_utf8(
        book.files
            .iter()
            .find(|(n, _)| n == "OEBPS/content.opf")
            .unwrap()
            .1
            .clone(),
    )
    .unwrap()
    .replace(
        "</manifest>",
        r#"<item id="bad" href="../../../escape.xhtml" media-type="application/xhtml+xml"/></manifest>"#,
    )
    .replace("</spine>", r#"<itemref idref="bad"/></spine>"#);
    book.add("OEBPS/content.opf", &opf);
    let dir = tempfile::tempdir().unwrap();
    let path = book.write(dir.path(), "climb.epub");
    let text = printed(&path);
    assert!(!text.contains("escaped"), "{text}");
    assert!(text.contains("The boats came home at dusk."));
    assert!(!dir.path().parent().unwrap().join("escape.xhtml").exists());
}

#[test]
fn damaged_books_never_panic() {
    let whole = sample().zip();
    // Every cut, and a byte flipped every few bytes: loading says no or reads; never panics.
    for cut in (0..whole.len()).step_by(97) {
        let _ = Document::load(whole[..cut].to_vec(), "b.epub", LoadOptions::default());
    }
    for at in (0..whole.len()).step_by(13) {
        let mut bytes = whole.clone();
        bytes[at] ^= 0x5a;
        let _ = Document::load(bytes, "b.epub", LoadOptions::default());
    }
}

#[test]
fn an_older_gutenberg_books_header_and_licence_fold_and_its_chapters_show() {
    let header = "<pre>\nThe Project Gutenberg EBook of The Tide\n\nTitle: The Tide\n\n\
                  *** START OF THIS PROJECT GUTENBERG EBOOK THE TIDE ***\n</pre>\
                  <h1>THE TIDE</h1><p>The shore at dawn.</p>";
    let last = "<p>The boats came home.</p><pre>\nEnd of the Project Gutenberg EBook of The \
                Tide\n\n*** END OF THIS PROJECT GUTENBERG EBOOK THE TIDE ***\n</pre>\
                <p>Licence terms.</p>";
    let doc = Book::epub3(
        &[("one.xhtml", header), ("two.xhtml", last)],
        &[(1, "one.xhtml", "The Tide"), (1, "two.xhtml", "Home")],
    )
    .load();
    let shown: Vec<&str> = doc
        .blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Leftover)
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(
        shown,
        ["THE TIDE", "The shore at dawn.", "The boats came home."]
    );
}
