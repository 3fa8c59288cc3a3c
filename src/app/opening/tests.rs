//! Opening's tests: when a file is previewed and when it is read whole, that a preview
//! begins as the whole does, and that the whole is read only once it is started.

use super::*;

fn book(paragraphs: usize) -> String {
    (0..paragraphs)
        .map(|i| format!("Paragraph {i} says something about the sea and its whales.\n\n"))
        .collect()
}

#[test]
fn small_files_open_whole() {
    assert_eq!(
        preview_cut(book(10).as_bytes(), book(10).len(), LoadOptions::default()),
        None
    );
}

#[test]
fn a_big_file_is_cut_after_a_blank_line_within_the_window() {
    let text = book(20_000);
    let cut = preview_cut(text.as_bytes(), text.len(), LoadOptions::default()).unwrap();
    assert!(cut <= PREVIEW_BYTES && cut > PREVIEW_BYTES / 2);
    assert!(text[..cut].ends_with("\n\n"));
}

#[test]
fn crlf_blank_lines_count_as_paragraph_ends() {
    let text = book(20_000).replace('\n', "\r\n");
    let cut = preview_cut(text.as_bytes(), text.len(), LoadOptions::default()).unwrap();
    assert!(text[..cut].ends_with("\r\n\r\n"));
}

#[test]
fn other_encodings_binaries_and_forced_files_open_whole() {
    let text = book(20_000);
    let forced = LoadOptions {
        force: true,
        ..LoadOptions::default()
    };
    assert_eq!(preview_cut(text.as_bytes(), text.len(), forced), None);
    let latin = LoadOptions {
        encoding: Some(encoding_rs::WINDOWS_1252),
        ..LoadOptions::default()
    };
    assert_eq!(preview_cut(text.as_bytes(), text.len(), latin), None);
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.bytes().flat_map(|b| [b, 0]));
    assert_eq!(
        preview_cut(&utf16, utf16.len(), LoadOptions::default()),
        None
    );
    let mut binary = text.clone().into_bytes();
    binary[100] = 0;
    assert_eq!(
        preview_cut(&binary, binary.len(), LoadOptions::default()),
        None
    );
}

#[test]
fn an_opening_that_is_not_utf8_opens_whole() {
    let mut bytes = book(20_000).into_bytes();
    bytes[500] = 0xE9; // "é" in Latin-1: not UTF-8 on its own
    assert_eq!(
        preview_cut(&bytes, bytes.len(), LoadOptions::default()),
        None
    );
}

fn request(text: &str, data_dir: Option<PathBuf>, path: Option<PathBuf>) -> Request {
    Request {
        bytes: text.as_bytes().to_vec(),
        name: "book.txt".into(),
        options: LoadOptions::default(),
        data_dir,
        path,
        resume: true,
    }
}

#[test]
fn a_preview_leaves_the_whole_unread_until_it_is_started() {
    let text = format!("The Whale Book\n\n{}", book(20_000));
    let Opening::Preview(_, whole) = open(request(&text, None, None)).unwrap() else {
        panic!("a big plain-text file should open as a preview");
    };
    // Nothing reads the rest while the first frame is made: the session starts it after.
    assert_eq!(
        format!("{whole:?}"),
        "PendingWhole(\"not started: book.txt\")"
    );
    let doc = whole.start().recv().unwrap().unwrap().doc;
    assert_eq!(doc.blocks, Document::from_text(&text, "book.txt").blocks);
}

#[test]
fn a_big_book_opens_as_a_preview_that_begins_like_the_whole() {
    let text = format!("The Whale Book\n\n{}", book(20_000));
    let Opening::Preview(preview, whole) = open(request(&text, None, None)).unwrap() else {
        panic!("a big plain-text file should open as a preview");
    };
    let doc = whole.recv().unwrap().unwrap().doc;
    assert!(preview.blocks.len() < doc.blocks.len());
    assert_eq!(preview.name, doc.name);
    // Every block but the last of the preview is the whole document's block.
    let shared = preview.blocks.len() - 1;
    assert_eq!(preview.blocks[..shared], doc.blocks[..shared]);
    assert_eq!(doc.blocks, Document::from_text(&text, "book.txt").blocks);
}

#[test]
fn a_file_of_one_long_line_is_previewed_from_its_opening_words() {
    let text = "lorem ipsum dolor sit amet ".repeat(20_000);
    let cut = preview_cut(text.as_bytes(), text.len(), LoadOptions::default()).unwrap();
    assert!(cut <= PREVIEW_BYTES && text[..cut].ends_with(' '));
    let Opening::Preview(preview, whole) = open(request(&text, None, None)).unwrap() else {
        panic!("a big one-line file should open as a preview");
    };
    let doc = whole.recv().unwrap().unwrap().doc;
    assert_eq!((preview.blocks.len(), doc.blocks.len()), (1, 1));
    assert!(doc.blocks[0].text.starts_with(&preview.blocks[0].text));
    assert!(preview.blocks[0].text.len() > PREVIEW_BYTES / 2);
}

#[test]
fn a_big_file_is_previewed_from_its_opening_and_read_whole_on_the_side() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("book.txt");
    let text = format!("The Whale Book\n\n{}", book(20_000));
    std::fs::write(&file, &text).unwrap();
    let opened = open_file(&file, LoadOptions::default(), None, true).unwrap();
    let Opening::Preview(preview, whole) = opened else {
        panic!("a big plain-text file should open as a preview");
    };
    assert!(preview.blocks.len() < 1000);
    let doc = whole.recv().unwrap().unwrap().doc;
    assert_eq!(doc.blocks, Document::open(&file).unwrap().blocks);

    let small = dir.path().join("small.txt");
    std::fs::write(&small, book(10)).unwrap();
    let opened = open_file(&small, LoadOptions::default(), None, true).unwrap();
    assert!(matches!(opened, Opening::Ready(..)));
    assert!(matches!(
        open_file(dir.path(), LoadOptions::default(), None, true),
        Err(LoadError::IsDirectory)
    ));
}

#[test]
fn devices_and_binary_openings_are_refused_before_the_rest_is_read() {
    #[cfg(unix)]
    assert!(matches!(
        open_file(Path::new("/dev/zero"), LoadOptions::default(), None, true),
        Err(LoadError::NotAFile(_))
    ));
    // A big file that opens with NUL bytes: refused from its opening, never previewed.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("disk.img");
    let mut bytes = vec![0u8; PREVIEW_BYTES];
    bytes.extend(book(20_000).bytes());
    std::fs::write(&file, &bytes).unwrap();
    assert!(matches!(
        open_file(&file, LoadOptions::default(), None, true),
        Err(LoadError::Binary(_))
    ));
    let small = LoadOptions {
        max_size: Some(bytes.len() as u64 - 1),
        ..LoadOptions::default()
    };
    assert!(matches!(
        open_file(&file, small, None, true),
        Err(LoadError::TooBig(_))
    ));
}

/// A saved page of `paragraphs` paragraphs, a Gutenberg book's when `book`.
fn page(paragraphs: usize, book: bool) -> String {
    let header = if book {
        "<pre>\nTitle: The Whale Book\n\nAuthor: Ann Example\n\n\
         *** START OF THE PROJECT GUTENBERG EBOOK THE WHALE BOOK ***\n</pre>\n"
    } else {
        ""
    };
    let body: String = (0..paragraphs)
        .map(|i| {
            let heading = if i % 50 == 0 {
                format!("<h2>CHAPTER {}</h2>\n", i / 50 + 1)
            } else {
                String::new()
            };
            format!("{heading}<p>Paragraph {i} says something about the sea and its whales.</p>\n")
        })
        .collect();
    format!("<html><head><title>The Whale Book</title></head><body>\n{header}{body}</body></html>")
}

#[test]
fn a_big_gutenberg_page_opens_as_a_preview_that_begins_like_the_whole() {
    let text = page(8_000, true);
    let mut request = request(&text, None, None);
    request.name = "book.html".into();
    let Opening::Preview(preview, whole) = open(request).unwrap() else {
        panic!("a big Gutenberg page should open as a preview");
    };
    let doc = whole.recv().unwrap().unwrap().doc;
    assert!(preview.blocks.len() > 100 && preview.blocks.len() < doc.blocks.len());
    assert_eq!(preview.name, "The Whale Book");
    assert_eq!(preview.name, doc.name);
    // Every block of the preview is the whole document's block, its header folded alike.
    assert_eq!(preview.blocks[..], doc.blocks[..preview.blocks.len()]);
    assert_eq!(preview.blocks[2].kind, crate::document::BlockKind::Leftover);
}

#[test]
fn a_big_article_page_opens_whole() {
    let text = page(8_000, false);
    let mut request = request(&text, None, None);
    request.name = "page.html".into();
    assert!(matches!(open(request).unwrap(), Opening::Ready(..)));
}

#[test]
fn markdown_opens_whole() {
    let text = format!("# Title\n\n{}", book(20_000));
    let mut request = request(&text, None, None);
    request.name = "book.md".into();
    assert!(matches!(open(request).unwrap(), Opening::Ready(..)));
}

/// A big file in a temporary folder with its place saved at paragraph `k`, the line
/// kept or not: the folder (kept alive), the file, the data directory.
fn saved_at(text: &str, k: usize, keep_line: bool) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("book.txt");
    std::fs::write(&file, text).unwrap();
    let data = dir.path().join("data");
    let doc = Document::open(&file).unwrap();
    let loaded = session::load(Some(&data), &doc, Some(&file));
    let (Some(mut store), Some(record)) = (loaded.store, loaded.saved.record) else {
        panic!("the store should open");
    };
    let mut place = crate::anchoring::reading_position(&doc, Anchor::new(k, 0));
    assert!(place.line.is_some() && place.mark.is_some());
    if !keep_line {
        (place.line, place.mark) = (None, None);
    }
    store.save_position(record, &place, None).unwrap();
    (dir, file, data)
}

#[test]
fn a_saved_place_inside_a_long_text_is_previewed_around_it() {
    let text = book(20_000);
    let (_dir, file, data) = saved_at(&text, 12_000, true);
    let opened = open_file(&file, LoadOptions::default(), Some(data.clone()), true).unwrap();
    let Opening::Around(around, whole) = opened else {
        panic!("a place with its line kept is previewed around it");
    };
    let shown = &around.doc.blocks[around.place.block];
    assert!(shown.text.starts_with("Paragraph 12000 says"));
    assert!(around.doc.blocks.len() < 2_000);
    let opened = whole.recv().unwrap().unwrap();
    assert_eq!(opened.saved.position, Some(Anchor::new(12_000, 0)));
    assert_eq!(opened.doc.blocks, Document::open(&file).unwrap().blocks);

    // From bytes (a request) as from a file.
    let Opening::Around(around, _) =
        open(request(&text, Some(data.clone()), Some(file.clone()))).unwrap()
    else {
        panic!("bytes with a saved place are previewed around it too");
    };
    assert!(
        around.doc.blocks[around.place.block]
            .text
            .starts_with("Paragraph 12000 ")
    );

    // Reading from the start does not need it.
    let from_start = open_file(&file, LoadOptions::default(), Some(data), false).unwrap();
    assert!(matches!(from_start, Opening::Preview(..)));
}

#[test]
fn the_file_is_read_from_the_line_mark_before_the_place_and_whole_after_it() {
    let text = book(20_000);
    let (_dir, file, data) = saved_at(&text, 15_000, true);
    let Opening::Around(around, whole) =
        open_file(&file, LoadOptions::default(), Some(data), true).unwrap()
    else {
        panic!("a place with its line kept is previewed around it");
    };
    assert!(
        around.doc.blocks[around.place.block]
            .text
            .starts_with("Paragraph 15000 says")
    );
    // The seek to the mark did not cost the whole its bytes.
    let doc = whole.recv().unwrap().unwrap().doc;
    assert_eq!(doc.blocks, Document::open(&file).unwrap().blocks);
    assert_eq!(doc.line_marks, Document::open(&file).unwrap().line_marks);
}

#[test]
fn without_a_line_or_in_a_changed_file_a_saved_place_waits_for_the_whole() {
    let text = book(20_000);
    let (_dir, file, data) = saved_at(&text, 300, false);
    let opened = open(request(&text, Some(data.clone()), Some(file.clone()))).unwrap();
    let Opening::Ready(opened, _) = opened else {
        panic!("a place to resume needs the whole document first");
    };
    assert_eq!(opened.saved.position, Some(Anchor::new(300, 0)));

    // Paragraphs added before the place: its line holds other words now. The whole
    // finds the place by its quote, one paragraph further on.
    let (_dir, file, data) = saved_at(&text, 300, true);
    let edited = format!("A preface added later.\n\n{text}");
    std::fs::write(&file, &edited).unwrap();
    let opened = open_file(&file, LoadOptions::default(), Some(data), true).unwrap();
    let Opening::Ready(opened, _) = opened else {
        panic!("a changed file waits for the whole");
    };
    assert_eq!(opened.saved.position, Some(Anchor::new(301, 0)));
}

#[test]
fn pages_seen_at_a_place_come_back_for_the_same_file_only() {
    let text = book(20_000);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("book.txt");
    std::fs::write(&file, &text).unwrap();
    let data = dir.path().join("data");
    let doc = Document::open(&file).unwrap();
    let loaded = session::load(Some(&data), &doc, Some(&file));
    let (Some(mut store), Some(record)) = (loaded.store, loaded.saved.record) else {
        panic!("the store should open");
    };
    let stamp = format!(
        "{} {:?}",
        file_stamp(&std::fs::metadata(&file).unwrap()).unwrap(),
        LoadOptions::default()
    );
    let seen = crate::anchoring::SeenPages {
        page: 412,
        total: 999,
        file: stamp.clone(),
        layout: "72x59 as laid out then".into(),
    };
    let mut place = crate::anchoring::reading_position(&doc, Anchor::new(12_000, 0));
    place.pages = Some(seen.clone());
    store.save_position(record, &place, None).unwrap();
    drop(store);

    let Opening::Around(around, whole) =
        open_file(&file, LoadOptions::default(), Some(data.clone()), true).unwrap()
    else {
        panic!("a place with its line kept is previewed around it");
    };
    assert_eq!(around.pages, Some(seen));
    // Read with other options (here a format named rather than detected), the same file
    // may be laid out otherwise: no pages.
    let named = LoadOptions {
        format: Some(Format::Text),
        ..LoadOptions::default()
    };
    let Opening::Around(around, _) = open_file(&file, named, Some(data.clone()), true).unwrap()
    else {
        panic!("the place is previewed whatever the options");
    };
    assert_eq!(around.pages, None);
    // The whole carries the same stamp, for the pages it will save.
    let whole = whole.recv().unwrap().unwrap();
    assert_eq!(whole.doc.source_stamp, Some(stamp));

    // The same words in a file touched since: the place is still previewed, its pages not
    // shown (the file may have changed where the preview does not look).
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&file)
        .unwrap()
        .set_modified(later)
        .unwrap();
    let Opening::Around(around, _) =
        open_file(&file, LoadOptions::default(), Some(data), true).unwrap()
    else {
        panic!("the place is still where it was");
    };
    assert_eq!(around.pages, None);
}
