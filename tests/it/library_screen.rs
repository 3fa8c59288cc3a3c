//! The library screen, drawn and driven: snapshots of the list (progress, bookmarks, last read,
//! a missing file, the filter, the "forget?" question) from fixed entries, and scripted key
//! sessions on the real loop with a real store: `o` lists what was read, `Enter` opens another
//! document in the same session at its place, `d` then `y` forgets it (its bookmarks kept), a
//! missing file says so instead of opening.

use std::path::Path;

use crate::common::{bundled, model, press, screen_text, stored_session, test_terminal};
use crate::library::{book, read, write};
use quire::app::ScriptedInbox;
use quire::document::Document;
use quire::reader::library::{Entry, Location};
use quire::reader::{LibraryRead, Model, Msg, update};

const NOW: i64 = 1_700_000_000;
const DAY: i64 = 86_400;

fn entry(title: &str, author: &str, location: Location, progress: Option<u8>, ago: i64) -> Entry {
    Entry {
        id: Some(ago),
        title: title.into(),
        author: author.into(),
        format: "text".into(),
        location,
        progress,
        read_at: Some(NOW - ago),
        bookmarks: (ago % 4) as usize,
        pending: false,
    }
}

fn sample() -> Vec<Entry> {
    vec![
        entry(
            "War and Peace",
            "Leo Tolstoy",
            Location::File("/books/war-and-peace.epub".into()),
            Some(38),
            2 * DAY,
        ),
        entry(
            "Moby-Dick",
            "",
            Location::File("/books/moby-dick.txt".into()),
            Some(100),
            3600,
        ),
        entry(
            "A Saved Article",
            "",
            Location::Missing("/tmp/article.html".into()),
            Some(5),
            40 * DAY,
        ),
        entry(
            "Piped notes",
            "",
            Location::Stdin(Some("/data/kept/5e3a".into())),
            None,
            30,
        ),
    ]
}

fn with_library(size: (u16, u16), entries: Vec<Entry>) -> Model {
    let mut model = model(bundled(), size);
    let effects = update(&mut model, Msg::ShowLibrary);
    assert!(matches!(effects[..], [quire::reader::Effect::ReadLibrary]));
    let read = LibraryRead {
        heading: "Library".into(),
        folder: false,
        entries,
        now: NOW,
    };
    let _ = update(&mut model, Msg::LibraryRead(Box::new(Ok(read))));
    model
}

fn draw(model: &Model) -> String {
    let (w, h) = model.screen();
    let mut terminal = test_terminal((w, h));
    terminal
        .draw(|frame| quire::ui::render(model, frame))
        .unwrap();
    screen_text(&terminal)
}

#[test]
fn the_library_lists_documents_most_recent_first() {
    let model = with_library((100, 20), sample());
    let screen = draw(&model);
    let moby = screen.find("Moby-Dick").unwrap();
    let war = screen.find("War and Peace — Leo Tolstoy").unwrap();
    assert!(moby < war, "most recent first:\n{screen}");
    assert!(screen.contains("missing: /tmp/article.html"), "{screen}");
    assert!(screen.contains("1 hour ago"), "{screen}");
    assert!(screen.contains("2 days ago"), "{screen}");
    insta::assert_snapshot!("library_100x20", screen);
}

#[test]
fn typing_after_a_slash_filters_and_s_changes_the_order() {
    let mut model = with_library((100, 20), sample());
    press(&mut model, "/wrpc");
    let screen = draw(&model);
    assert!(screen.contains("War and Peace"), "{screen}");
    assert!(!screen.contains("Moby-Dick"), "{screen}");
    insta::assert_snapshot!("library_filtered", screen);
    press(&mut model, "<Esc>s");
    let screen = draw(&model);
    assert!(screen.contains("by title"), "{screen}");
    let article = screen.find("A Saved Article").unwrap();
    assert!(article < screen.find("Moby-Dick").unwrap(), "{screen}");
}

#[test]
fn forgetting_asks_first() {
    let mut model = with_library((100, 20), sample());
    press(&mut model, "d");
    let screen = draw(&model);
    assert!(screen.contains("Forget “Piped notes”?"), "{screen}");
    insta::assert_snapshot!("library_forget", screen);
    // Any other key keeps it.
    press(&mut model, "n");
    assert_eq!(model.library().unwrap().entries.len(), 4);
    press(&mut model, "dy");
    assert_eq!(model.library().unwrap().entries.len(), 3);
}

#[test]
fn a_missing_file_does_not_open_and_says_why() {
    let mut model = with_library((100, 20), sample());
    press(&mut model, "/article");
    let mut effects = Vec::new();
    for key in quire::input::key::parse_keys("<Enter>").unwrap() {
        effects.extend(update(&mut model, Msg::from(key)));
    }
    assert!(effects.is_empty());
    assert!(model.library().is_some());
    assert!(
        model.message().unwrap_or("").contains("missing"),
        "{:?}",
        model.message()
    );
}

#[test]
fn narrow_and_tiny_screens_draw_the_library_without_panic() {
    for (w, h) in [(1, 1), (10, 3), (30, 8), (60, 12)] {
        let model = with_library((w, h), sample());
        let _ = draw(&model);
    }
}

/// A session on `file` with the store in `data`, typing `script`, a document asked for being
/// delivered after it; the screen at the end.
fn session(data: &Path, file: &Path, script: &str) -> (quire::app::App, String) {
    let doc = Document::open(file).unwrap();
    let mut app = stored_session(data, doc, Some(file), true, (100, 24))
        .files(vec![file.to_path_buf()], Default::default())
        .build();
    let mut terminal = test_terminal((100, 24));
    let mut inbox = ScriptedInbox::keys(script).unwrap();
    inbox.deliver();
    app.run(&mut terminal, &mut inbox).unwrap();
    let screen = screen_text(&terminal);
    (app, screen)
}

#[test]
fn o_lists_what_was_read_and_enter_opens_it_in_the_same_session_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let harbour = write(dir.path(), "harbour.txt", &book("The Harbour", 40));
    let lighthouse = write(dir.path(), "lighthouse.txt", &book("The Lighthouse", 40));
    read(&data, &harbour, "}}}}}}}}");
    read(&data, &lighthouse, "}");

    let (_, screen) = session(&data, &lighthouse, "o");
    assert!(screen.contains("Library · 2 documents"), "{screen}");
    assert!(screen.contains("The Harbour"), "{screen}");

    // The cursor starts on the most recent (this one); j goes to the harbour, Enter opens it.
    let (app, screen) = session(&data, &lighthouse, "oj<Enter>");
    assert!(app.model().library().is_none());
    assert_eq!(app.model().doc().name, "The Harbour");
    assert!(
        screen.contains("Paragraph 8 of The Harbour"),
        "at its place:\n{screen}"
    );
    // The lighthouse is still the session's: :p goes back to it.
    assert_eq!(
        app.model().current_source(),
        Some(&quire::reader::Source::File(harbour.clone()))
    );
}

#[test]
fn the_filter_finds_a_document_by_a_few_letters_and_enter_opens_it() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let harbour = write(dir.path(), "harbour.txt", &book("The Harbour", 10));
    let lighthouse = write(dir.path(), "lighthouse.txt", &book("The Lighthouse", 10));
    let reef = write(dir.path(), "reef.txt", &book("Notes on the Reef", 10));
    read(&data, &harbour, "");
    read(&data, &reef, "");
    let (app, _) = session(&data, &lighthouse, "o/harbr<Enter>");
    assert_eq!(app.model().doc().name, "The Harbour");
}

#[test]
fn a_text_kept_from_standard_input_opens_again_from_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    // Read once from standard input, as `cat notes.txt | quire` does: kept and recorded.
    let piped = quire::app::stdin::open(
        book("Piped Words", 10).into_bytes(),
        Default::default(),
        Some(&data),
        true,
    )
    .unwrap();
    let copy = piped.copy.clone().unwrap();
    drop(piped);
    let harbour = write(dir.path(), "harbour.txt", &book("The Harbour", 10));
    read(&data, &harbour, "");

    let (_, screen) = session(&data, &harbour, "oj");
    assert!(screen.contains("standard input (kept copy)"), "{screen}");
    let (app, screen) = session(&data, &harbour, "oj<Enter>");
    assert_eq!(app.model().doc().name, "Piped Words", "{screen}");
    assert!(screen.contains("Paragraph 1 of Piped Words"), "{screen}");
    assert_eq!(
        app.model().current_source(),
        Some(&quire::reader::Source::Stdin(Some(copy)))
    );
}

#[test]
fn d_and_y_forget_a_document_and_keep_its_bookmarks() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let harbour = write(dir.path(), "harbour.txt", &book("The Harbour", 10));
    let lighthouse = write(dir.path(), "lighthouse.txt", &book("The Lighthouse", 10));
    read(&data, &harbour, "}m");
    read(&data, &lighthouse, "");
    let (_, screen) = session(&data, &lighthouse, "oj");
    assert!(screen.contains("1 bookmark"), "{screen}");
    let (_, screen) = session(&data, &lighthouse, "ojdy");
    assert!(screen.contains("Library · 1 document"), "{screen}");
    assert!(screen.contains("forgot The Harbour"), "{screen}");

    let store = quire::store::Store::open(&data).unwrap().store;
    let titles: Vec<String> = store
        .library()
        .unwrap()
        .into_iter()
        .map(|r| r.title)
        .collect();
    assert_eq!(titles, ["The Lighthouse"]);
    let all = store.documents().unwrap();
    let harbour_record = all.iter().find(|d| d.title == "The Harbour").unwrap();
    assert_eq!(store.bookmarks(harbour_record.id).unwrap().len(), 1);
}

#[test]
fn the_wheel_moves_the_library_cursor_and_leaves_the_text_alone() {
    let mut model = with_library((100, 20), sample());
    let top = model.anchor();
    let _ = update(&mut model, Msg::Input(quire::reader::Input::ScrollDown));
    let _ = update(&mut model, Msg::Input(quire::reader::Input::ScrollDown));
    assert_eq!(model.library().unwrap().cursor, 2);
    assert_eq!(model.anchor(), top);
    let _ = update(
        &mut model,
        Msg::Input(quire::reader::Input::Click { column: 30, row: 5 }),
    );
    assert_eq!(model.anchor(), top);
    assert!(model.library().is_some());
}

#[test]
fn a_session_can_start_on_the_library_screen() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let harbour = write(dir.path(), "harbour.txt", &book("The Harbour", 10));
    read(&data, &harbour, "");
    let doc = Document::open(&harbour).unwrap();
    let mut app = stored_session(&data, doc, Some(&harbour), true, (100, 24))
        .show_library(true)
        .build();
    let mut terminal = test_terminal((100, 24));
    let mut inbox = ScriptedInbox::keys("").unwrap();
    app.run(&mut terminal, &mut inbox).unwrap();
    let screen = screen_text(&terminal);
    assert!(screen.contains("Library · 1 document"), "{screen}");
    assert!(screen.contains("▌The Harbour"), "{screen}");
}
