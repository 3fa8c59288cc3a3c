//! Opening a big file: the preview of its opening is painted first, then the whole document
//! replaces it. Input typed meanwhile acts on the whole document, quitting does not wait, and
//! a file refused only by its tail is still refused.

mod common;

use std::collections::VecDeque;
use std::io;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use common::screen_text;
use quire::app::{App, Exit};
use quire::document::{Document, LoadError, LoadOptions};
use quire::event::{Event, EventSource, ScriptedEvents};
use quire::keymap::Keymap;
use quire::model::{Config, Model};
use quire::opening::{self, Opening, Request, Whole};

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

/// The preview of `text` and the whole document on its way.
fn previewed(text: &str) -> (Document, mpsc::Receiver<Whole>) {
    match opening::open(request(text)).unwrap() {
        Opening::Preview(preview, whole) => (preview, whole),
        Opening::Ready(..) => panic!("a big plain-text file opens as a preview"),
    }
}

/// The whole document held back a little, so keys typed at once come before it.
fn arriving_late(whole: mpsc::Receiver<Whole>) -> mpsc::Receiver<Whole> {
    let (late_sender, late) = mpsc::channel::<Whole>();
    std::thread::spawn(move || {
        let arrived = whole.recv().unwrap();
        std::thread::sleep(Duration::from_millis(100));
        let _ = late_sender.send(arrived);
    });
    late
}

fn config() -> Config {
    Config {
        color: false,
        ..Config::default()
    }
}

fn preview_model(preview: Document) -> Model {
    Model::with_outline_later(preview, config(), Keymap::default_keymap(), SIZE)
}

/// Plays its keys at once, then waits (as a person would) until `until`, then ends the run.
struct KeysThenWait {
    queue: VecDeque<Event>,
    until: Instant,
}

impl KeysThenWait {
    fn new(keys: &str, wait: Duration) -> KeysThenWait {
        let mut scripted = ScriptedEvents::keys(keys).unwrap();
        let mut queue = VecDeque::new();
        while let Some(event) = scripted.next(Duration::ZERO).unwrap() {
            queue.push_back(event);
        }
        KeysThenWait {
            queue,
            until: Instant::now() + wait,
        }
    }
}

impl EventSource for KeysThenWait {
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        if let Some(event) = self.queue.pop_front() {
            return Ok(Some(event));
        }
        if timeout.is_zero() {
            return Ok(None);
        }
        if Instant::now() >= self.until {
            return Ok(Some(Event::Terminate(0)));
        }
        std::thread::sleep(timeout.min(Duration::from_millis(5)));
        Ok(None)
    }
}

#[test]
fn the_preview_is_painted_with_totals_still_unknown() {
    let text = big_book();
    let (preview, _whole) = previewed(&text);
    let mut model = preview_model(preview);
    model.loading = true;
    let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).unwrap();
    terminal.draw(|f| quire::ui::render(&model, f)).unwrap();
    let screen = screen_text(&terminal);
    assert!(screen.contains("A Very Long Book"), "{screen}");
    let status = screen.lines().last().unwrap();
    assert!(status.contains("page 1/…"), "{status}");
    assert!(
        status.contains("¶ 0/…") || status.contains("¶ 1/…"),
        "{status}"
    );
    assert!(!status.contains("min left"), "{status}");
}

#[test]
fn keys_typed_while_the_whole_is_read_act_on_the_whole_document() {
    let text = big_book();
    let (preview, whole) = previewed(&text);
    // Hold the whole document back until the keys have all been typed.
    let late = arriving_late(whole);
    let mut app = App::with_whole_document_later(preview_model(preview), late, true);
    let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).unwrap();
    // `G` goes to the end: on the preview that would be the end of its opening.
    let mut events = KeysThenWait::new("G", Duration::from_millis(1500));
    let exit = app.run(&mut terminal, &mut events).unwrap();
    assert_eq!(exit, Exit::Signal(0));
    assert!(!app.model.loading);
    let whole = Document::from_text(&text, "book.txt");
    assert_eq!(app.model.doc.blocks, whole.blocks);
    let status = screen_text(&terminal).lines().last().unwrap().to_string();
    assert!(!status.contains("/…"), "{status}");
    let pages = app.model.pages.page_count();
    assert_eq!(app.model.current_page() + 1, pages, "{status}");
    assert!(
        status.contains(&format!("page {pages}/{pages}")),
        "{status}"
    );
}

/// The words at the reader's place: the start of the paragraph text from its anchor.
fn words_at_place(model: &Model) -> String {
    let anchor = model.anchor;
    let text = &model.doc.blocks[anchor.block].text;
    text[anchor.byte..].chars().take(60).collect()
}

#[test]
fn paging_within_the_preview_acts_at_once_and_the_whole_opens_at_the_same_place() {
    let text = big_book();
    let (preview, whole) = previewed(&text);
    // First, with a whole document that never comes: the pages turn on the preview.
    let (_never, pending) = mpsc::channel::<Whole>();
    let mut app = App::with_whole_document_later(preview_model(preview.clone()), pending, true);
    let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).unwrap();
    let mut events = KeysThenWait::new("  j", Duration::from_millis(300));
    app.run(&mut terminal, &mut events).unwrap();
    assert!(app.model.loading, "the preview is still shown");
    assert!(
        app.model.current_page() >= 2,
        "page {}",
        app.model.current_page()
    );
    let seen = words_at_place(&app.model);
    assert!(!seen.is_empty());
    // Then with the whole arriving after the same keys: it opens where the preview was.
    let late = arriving_late(whole);
    let mut app = App::with_whole_document_later(preview_model(preview), late, true);
    let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).unwrap();
    let mut events = KeysThenWait::new("  j", Duration::from_millis(1500));
    app.run(&mut terminal, &mut events).unwrap();
    assert!(!app.model.loading);
    assert_eq!(
        app.model.doc.blocks,
        Document::from_text(&text, "book.txt").blocks
    );
    assert_eq!(words_at_place(&app.model), seen);
}

#[test]
fn paging_past_the_preview_waits_for_the_whole_document() {
    let text = big_book();
    let (preview, whole) = previewed(&text);
    let preview_pages = {
        let mut model = preview_model(preview.clone());
        model.complete_layout();
        model.pages.page_count()
    };
    let keys = " ".repeat(preview_pages + 3);
    let late = arriving_late(whole);
    let mut app = App::with_whole_document_later(preview_model(preview), late, true);
    let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).unwrap();
    let mut events = KeysThenWait::new(&keys, Duration::from_millis(1500));
    app.run(&mut terminal, &mut events).unwrap();
    assert!(!app.model.loading);
    // Every page turn counted: none was lost against the preview's last page.
    assert_eq!(app.model.current_page(), preview_pages + 3);
}

#[test]
fn quitting_does_not_wait_for_the_whole_document() {
    let text = big_book();
    let (preview, _) = previewed(&text);
    for keys in ["q", "<Esc>", "jj<C-c>"] {
        // A whole document that never comes.
        let (_never, pending) = mpsc::channel::<Whole>();
        let mut app = App::with_whole_document_later(preview_model(preview.clone()), pending, true);
        let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).unwrap();
        let mut events = KeysThenWait::new(keys, Duration::from_secs(30));
        let started = Instant::now();
        let exit = app.run(&mut terminal, &mut events).unwrap();
        assert_eq!(exit, Exit::Quit, "{keys}");
        // Not a timing assertion on speed: the script would only end on its own after 30 s.
        assert!(started.elapsed() < Duration::from_secs(20), "{keys}");
        assert!(app.model.loading, "the preview was still shown");
    }
}

#[test]
fn a_quit_key_typed_after_other_keys_waits_its_turn() {
    let text = big_book();
    let (preview, whole) = previewed(&text);
    let late = arriving_late(whole);
    // "/q" searches for "q": the q is text, not a quit, once the whole document is there.
    let mut app = App::with_whole_document_later(preview_model(preview), late, true);
    let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).unwrap();
    let mut events = KeysThenWait::new("/q", Duration::from_millis(1500));
    let exit = app.run(&mut terminal, &mut events).unwrap();
    assert_eq!(exit, Exit::Signal(0));
    assert!(!app.model.loading);
    let status = screen_text(&terminal).lines().last().unwrap().to_string();
    assert!(status.starts_with("/q"), "{status}");
}

#[test]
fn a_whole_document_refused_after_the_preview_ends_the_session_with_its_reason() {
    let text = big_book();
    let (preview, _) = previewed(&text);
    let (sender, refused) = mpsc::channel::<Whole>();
    sender
        .send(Err(LoadError::Binary("contains NUL bytes")))
        .unwrap();
    let mut app = App::with_whole_document_later(preview_model(preview), refused, true);
    let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).unwrap();
    let err = app
        .run(&mut terminal, &mut ScriptedEvents::default())
        .unwrap_err();
    let load = err.downcast::<LoadError>().expect("the load error itself");
    assert!(matches!(load, LoadError::Binary(_)));
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
