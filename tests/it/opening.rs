//! Opening a big file: the preview of its opening is painted first, then the whole document
//! replaces it. Input typed meanwhile acts on the whole document, quitting does not wait, and
//! a file refused only by its tail is still refused. The whole document arrives as a message
//! injected at an exact point of the script, so no test depends on how fast a thread runs.

use crate::common::{Session, plain, run_app, screen_text};
use quire::app::opening::{self, Opening, Request, Whole};
use quire::app::{AppBuilder, AppError, ScriptedInbox};
use quire::document::{Document, LoadError, LoadOptions};
use quire::outline::Outline;
use quire::reader::{Exit, Model, Msg};

const SIZE: (u16, u16) = (100, 30);

/// A book of many distinct paragraphs, big enough to be opened through a preview: thousands
/// of them (the tests reopen it at the 3,000th), however small a file is previewed.
fn big_book() -> String {
    let mut text = String::from("A Very Long Book\n\n");
    let mut paragraph = 0;
    while text.len() < (3 * opening::PREVIEW_MIN_FILE).max(768 * 1024) {
        paragraph += 1;
        text.push_str(&format!(
            "Paragraph {paragraph} tells of voyage {paragraph}, of the harbour it left and the \
             weather it met on the way, and of what the crew saw there.\n\n"
        ));
    }
    text
}

fn request(text: &str) -> Request {
    Request {
        bytes: text.as_bytes().to_vec(),
        name: "book.txt".into(),
        options: LoadOptions::default(),
        data_dir: None,
        path: None,
        resume: true,
    }
}

/// The preview of `text` and the whole document, read to the end.
fn previewed(text: &str) -> (Document, Whole) {
    match opening::open(request(text)).unwrap() {
        Opening::Preview(preview, whole) => (preview, whole.recv().unwrap()),
        _ => panic!("a big plain-text file opens as a preview"),
    }
}

fn arrives(whole: Whole) -> Msg {
    Msg::WholeArrived(Box::new(whole))
}

/// Run a session on `preview` with `inbox` (the whole document arrives where it says).
fn run_preview(preview: Document, inbox: ScriptedInbox) -> Session {
    let app = AppBuilder::preview(preview)
        .config(plain())
        .screen(SIZE)
        .build();
    run_app(app, SIZE, inbox)
}

fn status(session: &Session) -> String {
    screen_text(&session.terminal)
        .lines()
        .last()
        .unwrap()
        .to_string()
}

#[test]
fn the_preview_is_painted_with_totals_still_unknown() {
    let (preview, _whole) = previewed(&big_book());
    let session = run_preview(preview, ScriptedInbox::default());
    assert!(session.screen().contains("A Very Long Book"));
    let status = status(&session);
    assert!(status.contains("page 1/…"), "{status}");
    assert!(
        status.contains("¶ 0/…") || status.contains("¶ 1/…"),
        "{status}"
    );
    assert!(!status.contains(" left"), "{status}");
}

#[test]
fn keys_typed_while_the_whole_is_read_act_on_the_whole_document() {
    let text = big_book();
    let (preview, whole) = previewed(&text);
    // Before the whole is in, the key is seen to be taken and kept.
    let waiting = run_preview(preview.clone(), ScriptedInbox::keys("G").unwrap());
    assert_eq!(waiting.app.model().current_page(), 0);
    let said = status(&waiting);
    assert!(said.contains("reading the rest of the file"), "{said}");
    // `G` goes to the end: on the preview that would be the end of its opening.
    let mut inbox = ScriptedInbox::keys("G").unwrap();
    inbox.then(arrives(whole)).idle().deliver();
    let session = run_preview(preview, inbox);
    assert_eq!(session.exit, Exit::Signal(0));
    let model = session.app.model();
    assert!(!model.loading());
    let whole = Document::from_text(&text, "book.txt");
    assert_eq!(model.doc().blocks, whole.blocks);
    let status = status(&session);
    assert!(!status.contains("/…"), "{status}");
    let pages = model.pages().page_count();
    assert_eq!(model.current_page() + 1, pages, "{status}");
    assert!(
        status.contains(&format!("page {pages}/{pages}")),
        "{status}"
    );
}

/// The words at the reader's place: the start of the paragraph text from its anchor.
fn words_at_place(model: &Model) -> String {
    let anchor = model.anchor();
    let text = &model.doc().blocks[anchor.block].text;
    text[anchor.byte..].chars().take(60).collect()
}

#[test]
fn paging_within_the_preview_acts_at_once_and_the_whole_opens_at_the_same_place() {
    let text = big_book();
    let (preview, whole) = previewed(&text);
    // First with no whole document at all: the pages turn on the preview.
    let paged = run_preview(preview.clone(), ScriptedInbox::keys("  j").unwrap());
    assert!(paged.app.model().loading(), "the preview is still shown");
    let page = paged.app.model().current_page();
    assert!(page >= 2, "page {page}");
    let seen = words_at_place(paged.app.model());
    assert!(!seen.is_empty());
    // Then with the whole arriving after the same keys: it opens where the preview was.
    let mut inbox = ScriptedInbox::keys("  j").unwrap();
    inbox.then(arrives(whole)).idle().deliver();
    let session = run_preview(preview, inbox);
    let model = session.app.model();
    assert!(!model.loading());
    assert_eq!(
        model.doc().blocks,
        Document::from_text(&text, "book.txt").blocks
    );
    assert_eq!(words_at_place(model), seen);
}

#[test]
fn g_goes_back_to_the_start_within_the_preview_at_once() {
    let (preview, whole) = previewed(&big_book());
    // Paged on, then `g`: the start is in the preview, so nothing waits for the whole.
    let session = run_preview(preview.clone(), ScriptedInbox::keys("   g").unwrap());
    let model = session.app.model();
    assert!(model.loading(), "the preview is still shown");
    assert_eq!((model.current_page(), model.top_line()), (0, 0));
    assert!(!status(&session).contains("reading the rest"));
    // And the whole, arriving after, opens there.
    let mut inbox = ScriptedInbox::keys("   g").unwrap();
    inbox.then(arrives(whole)).idle().deliver();
    let session = run_preview(preview, inbox);
    assert!(!session.app.model().loading());
    assert_eq!(session.app.model().top_line(), 0);
}

#[test]
fn paging_past_the_preview_waits_for_the_whole_document() {
    let text = big_book();
    let (preview, whole) = previewed(&text);
    let preview_pages = run_preview(preview.clone(), ScriptedInbox::default())
        .app
        .model()
        .pages()
        .page_count();
    let keys = " ".repeat(preview_pages + 3);
    let mut inbox = ScriptedInbox::keys(&keys).unwrap();
    inbox.then(arrives(whole)).idle().deliver();
    let session = run_preview(preview, inbox);
    assert!(!session.app.model().loading());
    // Every page turn counted: none was lost against the preview's last page.
    assert_eq!(session.app.model().current_page(), preview_pages + 3);
}

#[test]
fn quitting_does_not_wait_for_the_whole_document() {
    let (preview, _) = previewed(&big_book());
    for (keys, exit) in [
        ("q", Exit::Quit),
        ("jjq", Exit::Quit),
        ("jj<C-c>", Exit::Interrupted),
    ] {
        // The whole document never comes: the script would end the run on its own.
        let session = run_preview(preview.clone(), ScriptedInbox::keys(keys).unwrap());
        assert_eq!(session.exit, exit, "{keys}");
        assert!(session.app.model().loading(), "the preview was still shown");
    }
}

#[test]
fn quitting_after_moves_kept_for_the_whole_document_does_not_wait_for_it() {
    let (preview, _) = previewed(&big_book());
    // `G` waits for the whole document (the end is not in the preview); `q` after it does not.
    for keys in ["Gq", "G]q", "<Space>G}q"] {
        let session = run_preview(preview.clone(), ScriptedInbox::keys(keys).unwrap());
        assert_eq!(session.exit, Exit::Quit, "{keys}");
        assert!(
            session.app.model().loading(),
            "{keys}: quit before the whole arrived"
        );
    }
    // A bookmark asked for before `q` is not dropped: `q` waits its turn behind it.
    let session = run_preview(preview, ScriptedInbox::keys("Gmq").unwrap());
    assert_eq!(session.exit, Exit::Signal(0));
}

#[test]
fn a_quit_key_typed_after_other_keys_waits_its_turn() {
    let (preview, whole) = previewed(&big_book());
    // "/q" searches for "q": the q is text, not a quit, once the whole document is there.
    let mut inbox = ScriptedInbox::keys("/q").unwrap();
    inbox.then(arrives(whole)).idle().deliver();
    let session = run_preview(preview, inbox);
    assert_eq!(session.exit, Exit::Signal(0));
    assert!(!session.app.model().loading());
    let status = status(&session);
    assert!(status.starts_with("/q"), "{status}");
}

#[test]
fn a_whole_document_refused_after_the_preview_ends_the_session_with_its_reason() {
    let (preview, _) = previewed(&big_book());
    let mut inbox = ScriptedInbox::default();
    inbox.then(arrives(Err(LoadError::Binary("contains NUL bytes"))));
    let mut app = AppBuilder::preview(preview).screen(SIZE).build();
    let mut terminal = crate::common::test_terminal(SIZE);
    let err = app.run(&mut terminal, &mut inbox).unwrap_err();
    assert!(matches!(err, AppError::Document(LoadError::Binary(_))));
}

#[test]
fn a_binary_tail_is_refused_like_any_binary_file() {
    // Text for its first 700 KB, then a run of NUL bytes and stray high bytes: binary.
    let mut bytes = big_book().into_bytes();
    bytes.extend(std::iter::repeat_n([0u8, 0xFF], 100_000).flatten());
    let mut request = request("");
    request.bytes = bytes;
    match opening::open(request).unwrap() {
        Opening::Preview(_, whole) => {
            assert!(matches!(whole.recv().unwrap(), Err(LoadError::Binary(_))));
        }
        _ => panic!("the opening is text, so it is previewed"),
    }
}

#[test]
fn the_full_outline_replaces_the_provisional_one_when_it_is_delivered() {
    let mut text = String::new();
    for _ in 0..6 {
        text.push_str(quire::BUNDLED_ARTICLE);
        text.push_str("\n\n");
    }
    let doc = Document::from_text(&text, "long");
    let full = Outline::build(&doc);
    let provisional = Outline::provisional(&doc);
    assert_ne!(full, provisional);
    let session_before = |inbox: ScriptedInbox| {
        let app = AppBuilder::document(doc.clone())
            .config(plain())
            .screen(SIZE)
            .build();
        run_app(app, SIZE, inbox)
    };
    // Until the job's result arrives, the provisional outline shows; the job was started after
    // the first paint, once.
    let waiting = session_before(ScriptedInbox::keys("j").unwrap());
    assert!(waiting.app.model().outline_pending());
    assert_eq!(waiting.app.model().outline(), &provisional);
    let mut inbox = ScriptedInbox::keys("j").unwrap();
    inbox.deliver().then_keys("j").unwrap();
    let done = session_before(inbox);
    assert!(!done.app.model().outline_pending());
    assert_eq!(done.app.model().outline(), &full);
}

#[test]
fn a_text_too_long_to_analyse_keeps_its_provisional_outline_without_a_job() {
    use quire::document::{Block, BlockKind};
    // Built from blocks directly: structuring 25 MB would slow the suite for nothing.
    let paragraph = "a river of words runs on ".repeat(1024);
    let blocks: Vec<Block> = (0..quire::outline::ANALYSED_BODY_BYTES / paragraph.len() + 2)
        .map(|i| Block::new(BlockKind::Paragraph, paragraph.clone(), i * 2 + 1))
        .collect();
    let doc = Document {
        name: "long".into(),
        blocks,
        encoding: "UTF-8",
        ..Document::default()
    };
    assert!(!Outline::is_analysed(&doc));
    let app = AppBuilder::document(doc).screen(SIZE).build();
    assert!(
        !app.model().outline_pending(),
        "no outline job for a text too long"
    );
    let mut inbox = ScriptedInbox::keys("j").unwrap();
    inbox.idle().deliver();
    let mut terminal = crate::common::test_terminal(SIZE);
    let mut app = app;
    app.run(&mut terminal, &mut inbox).unwrap();
    // One job: the layout of the whole text, made in the background; none for the outline.
    assert_eq!(inbox.jobs_started(), 1);
    assert!(app.model().pages().is_complete());
    assert_eq!(
        app.model().outline(),
        &Outline::provisional(app.model().doc())
    );
}

/// `text` in a file of a temporary folder, with the reader's place saved at paragraph `k` as
/// a session saves it (its line kept), and the opening that reopens it there: the preview of
/// the text around the place, and the whole, read to the end. The folder is kept alive.
fn reopened_around(text: &str, k: usize) -> (tempfile::TempDir, quire::app::around::Around, Whole) {
    use quire::anchoring::reading_position;
    use quire::document::Anchor;
    let dir = tempfile::tempdir().unwrap();
    let (file, data) = (dir.path().join("book.txt"), dir.path().join("data"));
    std::fs::write(&file, text).unwrap();
    let doc = Document::open(&file).unwrap();
    save_place(&file, &data, &reading_position(&doc, Anchor::new(k, 0)));
    match opening::open_file(&file, LoadOptions::default(), Some(data), true).unwrap() {
        Opening::Around(around, whole) => (dir, *around, whole.recv().unwrap()),
        _ => panic!("a long text with a saved place reopens around it"),
    }
}

/// Save `place` in the store in `data` as the place of the document in `file`, as a session
/// saves it.
fn save_place(file: &std::path::Path, data: &std::path::Path, place: &quire::anchoring::Position) {
    let doc = Document::open(file).unwrap();
    let loaded = quire::app::session::load(Some(data), &doc, Some(file));
    let (Some(mut store), Some(record)) = (loaded.store, loaded.saved.record) else {
        panic!("the store should open");
    };
    store.save_position(record, place, None).unwrap();
}

fn run_around(around: quire::app::around::Around, inbox: ScriptedInbox) -> Session {
    let app = AppBuilder::preview_around(around)
        .config(plain())
        .screen(SIZE)
        .build();
    run_app(app, SIZE, inbox)
}

#[test]
fn reopening_a_long_text_paints_the_saved_place_first_with_its_numbers_unknown() {
    let (_dir, around, _whole) = reopened_around(&big_book(), 3_000);
    let session = run_around(around, ScriptedInbox::default());
    let model = session.app.model();
    assert!(model.loading());
    assert!(words_at_place(model).starts_with("Paragraph 3000 tells"));
    let screen = session.screen();
    let first_text_row = screen.lines().find(|l| l.contains("Paragraph")).unwrap();
    assert!(first_text_row.contains("Paragraph 3000 tells"), "{screen}");
    // Nothing before the preview is read: no page or paragraph number can be told yet.
    let status = status(&session);
    assert!(status.contains("page …/…"), "{status}");
    assert!(status.contains("¶ …/…"), "{status}");
}

#[test]
fn the_whole_takes_over_at_the_saved_place_or_where_the_reader_paged_to() {
    let text = big_book();
    // The reader did not move: the whole opens at the saved place, numbers known.
    let (_dir, around, whole) = reopened_around(&text, 3_000);
    let mut inbox = ScriptedInbox::default();
    // The whole arrives; then its layout, made in the background for a long text.
    inbox.then(arrives(whole)).idle().deliver();
    let session = run_around(around, inbox);
    let model = session.app.model();
    assert!(!model.loading());
    assert_eq!(model.anchor().block, 3_000);
    let status = status(&session);
    let page = model.page_number().unwrap();
    assert!(
        page > 1 && status.contains(&format!("page {page}/")),
        "{status}"
    );
    assert!(!status.contains('…'), "{status}");

    // Paged on in the preview: the whole opens where the reader got to.
    let (_dir, around, _) = reopened_around(&text, 3_000);
    let paged = run_around(around, ScriptedInbox::keys("  j").unwrap());
    let seen = words_at_place(paged.app.model());
    assert!(paged.app.model().loading() && !seen.starts_with("Paragraph 3000 "));
    let (_dir, around, whole) = reopened_around(&text, 3_000);
    let mut inbox = ScriptedInbox::keys("  j").unwrap();
    inbox.then(arrives(whole)).idle();
    let session = run_around(around, inbox);
    assert!(!session.app.model().loading());
    assert_eq!(words_at_place(session.app.model()), seen);
}

/// Reopened at the size it was left at, a long text shows the page number and count seen at
/// the place last in its first frame, before the whole is read; at another size, or once the
/// reader pages on within the preview, it does not claim a number it cannot know.
#[test]
fn a_reopened_place_shows_the_pages_seen_there_at_the_same_size() {
    use quire::anchoring::reading_position;
    let text = big_book();
    // A first session, read to the place with the whole laid out: what it would save.
    let (dir, around, whole) = reopened_around(&text, 3_000);
    let mut inbox = ScriptedInbox::default();
    inbox.then(arrives(whole)).idle().deliver();
    let first = run_around(around, inbox);
    let model = first.app.model();
    let seen = model
        .pages_to_save()
        .expect("pages known once the whole is laid out");
    assert_eq!(seen.page, model.page_number().unwrap());
    assert!(seen.page > 1 && seen.total > seen.page);
    let mut place = reading_position(model.doc(), model.anchor());
    place.pages = Some(seen.clone());
    let (file, data) = (dir.path().join("book.txt"), dir.path().join("data"));
    save_place(&file, &data, &place);
    let reopen =
        || match opening::open_file(&file, LoadOptions::default(), Some(data.clone()), true)
            .unwrap()
        {
            Opening::Around(around, whole) => (*around, whole),
            _ => panic!("a long text with a saved place reopens around it"),
        };

    // Reopened at the same size: the numbers are there in the first frame.
    let (around, _whole) = reopen();
    assert_eq!(around.pages.as_ref(), Some(&seen));
    let session = run_around(around, ScriptedInbox::default());
    assert!(session.app.model().loading());
    let status = status(&session);
    assert!(
        status.contains(&format!("page {}/{}", seen.page, seen.total)),
        "{status}"
    );
    // Paged on within the preview: the count still holds, the number is not known.
    let (around, _whole) = reopen();
    let paged = run_around(around, ScriptedInbox::keys(" ").unwrap());
    let status = crate::opening::status(&paged);
    assert!(
        status.contains(&format!("page …/{}", seen.total)),
        "{status}"
    );

    // At another size the layout is another: nothing is claimed.
    let (around, _whole) = reopen();
    let narrow = (80, 30);
    let app = AppBuilder::preview_around(around)
        .config(plain())
        .screen(narrow)
        .build();
    let other = run_app(app, narrow, ScriptedInbox::default());
    let status = crate::opening::status(&other);
    assert!(status.contains("page …/…"), "{status}");
}

#[test]
fn paging_back_past_the_start_of_the_preview_waits_for_the_whole() {
    let text = big_book();
    let (_dir, around, _) = reopened_around(&text, 3_000);
    let first_line = around.doc.blocks[0].line;
    let shown = run_around(around, ScriptedInbox::default());
    let height = shown.app.model().pages().height();
    let lines_before = shown.app.model().top_line();
    assert!(
        lines_before >= height,
        "the preview holds a page before the place"
    );
    // Every page up the preview has room for acts on it; three more wait for the whole.
    let keys = "b".repeat(lines_before / height + 3);
    let (_dir, around, whole) = reopened_around(&text, 3_000);
    let mut inbox = ScriptedInbox::keys(&keys).unwrap();
    inbox.then(arrives(whole)).idle().deliver();
    let session = run_around(around, inbox);
    let model = session.app.model();
    assert!(!model.loading());
    // None was lost or cut short against the preview's first line: the three that waited
    // went on from where the others stopped, a page each (the first to a page start).
    let preview_start = model
        .doc()
        .blocks
        .iter()
        .position(|b| b.line == first_line)
        .unwrap();
    let start_line = model.pages().first_line_of_block(preview_start).unwrap();
    assert!(
        model.top_line() + 2 * height <= start_line,
        "top {} against the preview's start at {start_line}",
        model.top_line()
    );
}

/// `text` in a file of a temporary folder (kept alive), opened from the start as quire opens
/// a named file: its preview, and its whole read to the end.
fn opened_from_file(text: &str) -> (tempfile::TempDir, std::path::PathBuf, Document, Whole) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("book.txt");
    std::fs::write(&file, text).unwrap();
    match opening::open_file(&file, LoadOptions::default(), None, false).unwrap() {
        Opening::Preview(preview, whole) => (dir, file, preview, whole.recv().unwrap()),
        _ => panic!("a big plain-text file opens as a preview"),
    }
}

fn run_file_preview(preview: Document, file: &std::path::Path, inbox: ScriptedInbox) -> Session {
    let app = AppBuilder::preview(preview)
        .files(vec![file.to_path_buf()], LoadOptions::default())
        .config(plain())
        .screen(SIZE)
        .build();
    run_app(app, SIZE, inbox)
}

/// The reading column of a screen: what is right of the sidebar's edge on each row.
fn column_of(screen: &str) -> String {
    screen
        .lines()
        .map(|row| row.split_once('│').map_or(row, |(_, column)| column))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn g_while_the_whole_is_read_shows_the_end_of_the_file_first() {
    let text = big_book();
    let last = text.matches("Paragraph ").count();
    let last_words = format!("Paragraph {last} tells");
    let (_dir, file, preview, _) = opened_from_file(&text);

    // Asked for and not read yet: said, and the screen stays.
    let asked = run_file_preview(preview.clone(), &file, ScriptedInbox::keys("G").unwrap());
    assert_eq!(asked.app.model().current_page(), 0);
    assert!(status(&asked).contains("reading the end of the file"));

    // Read: the end is shown before the whole has come, its numbers unknown.
    let mut inbox = ScriptedInbox::keys("G").unwrap();
    inbox.deliver();
    let at_end = run_file_preview(preview.clone(), &file, inbox);
    let model = at_end.app.model();
    assert!(model.loading());
    assert!(
        column_of(&at_end.screen()).contains(&last_words),
        "{}",
        at_end.screen()
    );
    assert!(status(&at_end).contains("page …/…"), "{}", status(&at_end));
    // A page up acts on it at once.
    let mut inbox = ScriptedInbox::keys("Gb").unwrap();
    inbox.deliver();
    let paged = run_file_preview(preview.clone(), &file, inbox);
    assert!(paged.app.model().loading());
    assert!(!column_of(&paged.screen()).contains(&last_words));

    // Then the whole comes: the end stays on screen, now with its numbers.
    let (_dir, file, preview, whole) = opened_from_file(&text);
    let mut inbox = ScriptedInbox::keys("G").unwrap();
    inbox.deliver().then(arrives(whole)).idle().deliver();
    let session = run_file_preview(preview, &file, inbox);
    let model = session.app.model();
    assert!(!model.loading());
    assert!(
        column_of(&session.screen()).contains(&last_words),
        "{}",
        session.screen()
    );
    let pages = model.page_total().unwrap();
    assert!(
        status(&session).contains(&format!("/{pages}")),
        "{}",
        status(&session)
    );
}

#[test]
fn the_end_read_after_the_whole_came_is_dropped() {
    let text = big_book();
    let (_dir, file, preview, whole) = opened_from_file(&text);
    // `G` asks for the end; the whole comes first and `G` acts on it; the end, delivered
    // late, changes nothing.
    let mut inbox = ScriptedInbox::keys("G").unwrap();
    inbox
        .then(arrives(whole))
        .idle()
        .deliver()
        .then_keys("g")
        .unwrap();
    inbox.deliver();
    let session = run_file_preview(preview, &file, inbox);
    let model = session.app.model();
    assert!(!model.loading());
    assert_eq!(model.current_page(), 0);
    assert_eq!(model.doc().blocks, Document::open(&file).unwrap().blocks);
}

#[test]
fn g_while_a_saved_books_page_is_read_waits_for_the_whole_and_shows_no_markup() {
    // A Gutenberg book saved as HTML opens from a preview too; its end, read as plain text,
    // would be the page's markup.
    let mut page = String::from(
        "<html><head><title>A Very Long Book</title></head><body>\n<pre>\nTitle: A Very Long \
         Book\n\n*** START OF THE PROJECT GUTENBERG EBOOK A VERY LONG BOOK ***\n</pre>\n",
    );
    let mut paragraph = 0;
    while page.len() < 3 * opening::PREVIEW_MIN_FILE {
        paragraph += 1;
        page.push_str(&format!(
            "<p class=\"text\">Paragraph {paragraph} tells of voyage {paragraph}, of the harbour \
             it left and the weather it met on the way.</p>\n"
        ));
    }
    page.push_str("</body></html>\n");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("book.html");
    std::fs::write(&file, &page).unwrap();
    let Opening::Preview(preview, whole) =
        opening::open_file(&file, LoadOptions::default(), None, false).unwrap()
    else {
        panic!("a big Gutenberg page opens as a preview");
    };
    let whole = whole.recv().unwrap();
    let mut inbox = ScriptedInbox::keys("G").unwrap();
    inbox.deliver();
    let asked = run_file_preview(preview.clone(), &file, inbox);
    assert!(!asked.screen().contains("<p"), "{}", asked.screen());
    assert_eq!(asked.app.model().current_page(), 0);
    // The whole comes: `G` acts on it.
    let mut inbox = ScriptedInbox::keys("G").unwrap();
    inbox.deliver().then(arrives(whole)).idle().deliver();
    let session = run_file_preview(preview, &file, inbox);
    let last_words = format!("Paragraph {paragraph} tells");
    assert!(!session.app.model().loading());
    assert!(
        column_of(&session.screen()).contains(&last_words),
        "{}",
        session.screen()
    );
}
