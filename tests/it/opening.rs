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

/// A book of many distinct paragraphs, big enough to be opened through a preview.
fn big_book() -> String {
    let mut text = String::from("A Very Long Book\n\n");
    let mut paragraph = 0;
    while text.len() < 3 * opening::PREVIEW_MIN_FILE {
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
        Opening::Ready(..) => panic!("a big plain-text file opens as a preview"),
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
        Opening::Ready(..) => panic!("the opening is text, so it is previewed"),
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
