//! EPUB books opened as quire opens a named file: the opening read and shown before the whole
//! (for a long book, a long chapter, a long paragraph, every corpus book), a short book read in
//! one go, a bookmark that resumes, and a table of contents that cannot be read. The books are
//! built with the helpers of `epub.rs`.

use std::path::Path;
use std::sync::Arc;

use crate::common::{stored_session, test_terminal};
use crate::epub::{Book, quire, sample};
use quire::app::opening::{self, Opening};
use quire::app::{ScriptedInbox, session};
use quire::document::{BookOpening, Document, LoadOptions};

/// A long book: many chapters, a long one of verse and tables in the middle.
fn long_book() -> Book {
    let prose =
        "<p>The voyage went on and on past the headland and the long grey sea.</p>".repeat(40);
    let mut verse = String::new();
    for stanza in 0..300 {
        verse.push_str("<div class=\"stanza\">");
        for line in 0..4 {
            verse.push_str(&format!("<div>Line {line} of stanza {stanza}</div>"));
        }
        verse.push_str(
            "</div><table><tr><td>a</td><td>b</td></tr></table><ul><li>one</li><li>two</li></ul>",
        );
    }
    let files: Vec<(String, String)> = (0..30)
        .map(|i| {
            let body = if i == 2 {
                format!("<section>{verse}</section>")
            } else {
                format!("<h1>Chapter {i}</h1>{prose}")
            };
            (format!("c{i}.xhtml"), body)
        })
        .collect();
    let chapters: Vec<(&str, &str)> = files
        .iter()
        .map(|(f, b)| (f.as_str(), b.as_str()))
        .collect();
    Book::epub3(
        &chapters,
        &[
            (1, "Start", "c0.xhtml"),
            (1, "Verse", "c2.xhtml"),
            (1, "End", "c29.xhtml"),
        ],
    )
}

/// The opening of a book checked against the whole: the same first blocks, and TOC entries
/// that are the whole's, pointing to the same places. The number of blocks in the opening.
fn assert_opening_starts_whole(bytes: &[u8], what: &str) -> usize {
    let whole = Document::load(bytes.to_vec(), "b.epub", LoadOptions::default()).unwrap();
    let opening =
        match Document::load_opening(Arc::new(bytes.to_vec()), "b.epub", LoadOptions::default()) {
            Some(BookOpening::Begun(opening)) => opening,
            Some(BookOpening::Whole(doc)) => {
                assert_eq!(doc.blocks, whole.blocks, "{what}");
                assert_eq!(doc.book(), whole.book(), "{what}");
                return doc.blocks.len();
            }
            None => panic!("{what}: the book should open"),
        };
    assert!(!opening.blocks.is_empty(), "{what}");
    assert!(opening.blocks.len() < whole.blocks.len(), "{what}");
    let differs = (0..opening.blocks.len()).find(|&i| opening.blocks[i] != whole.blocks[i]);
    assert_eq!(
        differs.map(|i| (i, &opening.blocks[i], &whole.blocks[i])),
        None,
        "{what}: {} blocks in the opening",
        opening.blocks.len()
    );
    let (begun, all) = (opening.book().unwrap(), whole.book().unwrap());
    let mut rest = all.toc.iter();
    for entry in &begun.toc {
        assert!(
            rest.any(|e| e == entry),
            "{what}: {entry:?} is not in the whole's TOC"
        );
    }
    assert_eq!(
        (&begun.title, &begun.authors, begun.start),
        (&all.title, &all.authors, all.start),
        "{what}"
    );
    opening.blocks.len()
}

#[test]
fn the_opening_of_a_long_book_is_the_start_of_the_whole() {
    assert_opening_starts_whole(&long_book().zip(), "the long book");
    // A short book is read whole on the way: nothing is read twice.
    let short = Document::load_opening(Arc::new(sample().zip()), "s.epub", LoadOptions::default());
    let Some(BookOpening::Whole(doc)) = short else {
        panic!("a short book is read whole at once");
    };
    assert_eq!(doc.blocks, sample().load().blocks);
}

#[test]
fn a_long_chapter_opens_from_its_start_and_a_long_paragraph_is_read_whole() {
    let prose: String = (0..6000)
        .map(|i| format!("<p id=\"p{i}\">Paragraph {i} of the long chapter.</p>\n\t\t"))
        .collect();
    // A chapter far longer than an opening reads: only its start is unpacked. The TOC entry
    // deep inside it points nowhere in the opening (not to the chapter's start).
    let long = Book::epub3(
        &[
            ("c0.xhtml", &format!("<h1>One</h1>{prose}")),
            ("c1.xhtml", "<p>End.</p>"),
        ],
        &[
            (1, "One", "c0.xhtml"),
            (2, "Deep", "c0.xhtml#p5000"),
            (1, "End", "c1.xhtml"),
        ],
    );
    let blocks = assert_opening_starts_whole(&long.zip(), "a long chapter");
    assert!(
        blocks > 100 && blocks < 2000,
        "{blocks} blocks in the opening"
    );
    // The opening ends inside a paragraph longer than what is unpacked for it: the chapter
    // is unpacked whole after all, and the paragraph is read whole.
    let words = "and the sea went on ".repeat(20_000);
    let huge = Book::epub3(
        &[(
            "c0.xhtml",
            &format!("<h1>One</h1><p>{words}</p><p>After.</p><p>Later.</p>"),
        )],
        &[(1, "One", "c0.xhtml")],
    );
    let mut bytes = huge.zip();
    let whole = Document::load(bytes.clone(), "b.epub", LoadOptions::default()).unwrap();
    let Some(BookOpening::Begun(opening)) =
        Document::load_opening(Arc::new(bytes.clone()), "b.epub", LoadOptions::default())
    else {
        panic!("a long chapter has an opening");
    };
    assert_eq!(opening.blocks[..], whole.blocks[..opening.blocks.len()]);
    assert!(
        opening
            .blocks
            .iter()
            .any(|b| b.text.len() > words.len() / 2)
    );
    bytes.truncate(bytes.len() / 2);
    assert!(
        Document::load_opening(Arc::new(bytes.clone()), "b.epub", LoadOptions::default()).is_none()
    );
}

#[test]
fn any_book_opens_from_its_opening_and_a_short_one_in_one_reading() {
    let request = |bytes: Vec<u8>| opening::Request {
        bytes,
        name: "b.epub".into(),
        options: LoadOptions::default(),
        data_dir: None,
        path: None,
        resume: true,
    };
    // Its text compresses well: a small archive, a long book, and a preview first.
    let bytes = long_book().zip();
    let size = bytes.len();
    assert!(size < opening::PREVIEW_MIN_FILE);
    let Ok(Opening::Preview(preview, whole)) = opening::open(request(bytes)) else {
        panic!("a long book in a small archive opens from its opening");
    };
    let whole = whole.recv().unwrap().unwrap().doc;
    assert!(preview.blocks.len() < whole.blocks.len());
    assert_eq!(preview.blocks[..], whole.blocks[..preview.blocks.len()]);
    assert_eq!((preview.source_len, whole.source_len), (size, size));
    // A short book comes whole at once; a book that cannot be read says why.
    let short = sample().zip();
    let size = short.len();
    let Ok(Opening::Ready(opened, _)) = opening::open(request(short)) else {
        panic!("a short book opens whole");
    };
    assert_eq!(opened.doc.blocks, sample().load().blocks);
    assert_eq!(opened.doc.source_len, size);
    let mut cut = sample().zip();
    cut.truncate(cut.len() / 2);
    let refused = opening::open(request(cut)).err().map(|e| e.to_string());
    assert!(refused.is_some_and(|e| e.contains("damaged or cut short")));
}

#[test]
fn the_opening_is_the_start_of_the_whole_for_every_corpus_book() {
    let Some(corpus) = std::env::var_os("QUIRE_CORPUS") else {
        eprintln!("QUIRE_CORPUS is not set: skipping the corpus books");
        return;
    };
    let dir = Path::new(&corpus).join("E-epub");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "epub") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        if Document::load(bytes.clone(), "b.epub", LoadOptions::default()).is_ok() {
            assert_opening_starts_whole(&bytes, &path.display().to_string());
        }
    }
}

#[test]
fn a_bookmark_made_in_a_book_resumes_after_reopening() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let path = long_book().write(files.path(), "long.epub");
    {
        let doc = Document::open(&path).unwrap();
        let mut app = stored_session(data.path(), doc, Some(&path), false, (80, 24)).build();
        let mut terminal = test_terminal((80, 24));
        let mut inbox = ScriptedInbox::keys("}}}}}m").unwrap();
        app.run(&mut terminal, &mut inbox).unwrap();
    }
    let doc = Document::open(&path).unwrap();
    let loaded = session::load(Some(data.path()), &doc, Some(&path)).saved;
    assert_eq!(loaded.bookmarks.len(), 1, "{:?}", loaded.notices);
    let mark = &loaded.bookmarks[0];
    assert!(!mark.orphaned);
    let place = loaded.position.expect("the reading place is saved");
    assert!(place.block > 0);
    assert!(doc.text(mark.span.start.block).contains("voyage"));
    let listed = quire(&["bookmarks"], Some(data.path()));
    let listed = String::from_utf8(listed.stdout).unwrap();
    assert!(listed.contains("The Test Voyage"), "{listed}");
}

#[test]
fn a_table_of_contents_that_cannot_be_read_costs_the_outline_not_the_book() {
    let mut book = Book::epub3(&[("one.xhtml", "<p>The first words.</p>")], &[]);
    // Not UTF-8: the package reader refuses the nav document.
    book.add_bytes("OEBPS/nav.xhtml", vec![0x80]);
    let doc = book.load();
    assert!(doc.blocks.iter().any(|b| b.text == "The first words."));
    let problems = &doc.book().unwrap().problems;
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("the table of contents cannot be read")),
        "{problems:?}"
    );
}
