//! `quire DIR` on the real loop: a big folder is listed at once by its file names, and the
//! titles are read a few files at a time as background work whose answers the script delivers
//! where it says, the frame saying how far the reading has got; closing the list and opening
//! it again keeps the titles already read. The screens are snapshots made from fixed entries
//! (a temporary folder's name would change each run).

use std::path::{Path, PathBuf};

use crate::common::{builder, bundled, model, screen_text, test_terminal};
use crate::library::{book, write};
use quire::app::folder::{Folder, list_folder};
use quire::app::{App, ScriptedInbox};
use quire::reader::library::{Entry, Location, TitleRead, Titled};
use quire::reader::{Effect, LibraryRead, Msg, update};

const SIZE: (u16, u16) = (100, 24);

/// A folder of `count` tide tables, each a document with a title of its own.
fn shelf(dir: &Path, count: usize) -> Folder {
    for n in 1..=count {
        write(
            dir,
            &format!("tide-{n:02}.txt"),
            &book(&format!("Tide Table {n:02}"), 3),
        );
    }
    list_folder(dir)
}

/// A session listing `folder`, run through `inbox`; the app and its last screen.
fn run(folder: Folder, inbox: &mut ScriptedInbox) -> (App, String) {
    let mut app = builder(bundled(), SIZE).folder(Some(folder)).build();
    let mut terminal = test_terminal(SIZE);
    app.run(&mut terminal, inbox).unwrap();
    (app, screen_text(&terminal))
}

#[test]
fn a_big_folder_lists_at_once_and_fills_in_titles_as_they_arrive() {
    let dir = tempfile::tempdir().unwrap();
    let folder = shelf(dir.path(), 40);

    // Nothing delivered yet: every document by its file name, the first titles asked for.
    let mut inbox = ScriptedInbox::keys("").unwrap();
    let (_, screen) = run(folder.clone(), &mut inbox);
    assert_eq!(inbox.jobs_started(), 1);
    assert!(screen.contains("40 documents"), "{screen}");
    assert!(screen.contains("reading titles 0/40"), "{screen}");
    assert!(screen.contains("▌tide-01.txt"), "{screen}");

    // The first answer: sixteen titles in, the next sixteen asked for.
    let mut inbox = ScriptedInbox::keys("").unwrap();
    inbox.deliver();
    let (app, screen) = run(folder.clone(), &mut inbox);
    assert_eq!(inbox.jobs_started(), 2);
    assert!(screen.contains("reading titles 16/40"), "{screen}");
    assert!(screen.contains("▌Tide Table 01"), "{screen}");
    let library = app.model().library().unwrap();
    assert_eq!(library.entries.iter().filter(|e| e.pending).count(), 24);

    // Three answers: every title read, and the progress gone.
    let mut inbox = ScriptedInbox::keys("").unwrap();
    inbox.deliver().deliver().deliver();
    let (app, screen) = run(folder, &mut inbox);
    assert_eq!(inbox.jobs_started(), 3);
    assert!(!screen.contains("reading titles"), "{screen}");
    let library = app.model().library().unwrap();
    assert!(library.entries.iter().all(|e| !e.pending));
    assert!(screen.contains("▌Tide Table 01"), "{screen}");
}

#[test]
fn closing_the_list_and_opening_it_again_keeps_the_titles_read() {
    let dir = tempfile::tempdir().unwrap();
    let folder = shelf(dir.path(), 20);
    let mut inbox = ScriptedInbox::keys("").unwrap();
    inbox.deliver().then_keys("qo").unwrap();
    let (app, screen) = run(folder, &mut inbox);
    assert!(screen.contains("reading titles 16/20"), "{screen}");
    let library = app.model().library().unwrap();
    assert_eq!(library.entries.iter().filter(|e| !e.pending).count(), 16);
    // Opened again, it asks only for the titles still to be read.
    assert_eq!(inbox.jobs_started(), 3);
}

#[test]
fn files_that_turn_out_to_be_no_documents_leave_the_list() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "harbour.txt", &book("The Harbour", 3));
    std::fs::write(dir.path().join("disk.txt"), b"\0\0\0\0binary").unwrap();
    let mut inbox = ScriptedInbox::keys("").unwrap();
    inbox.deliver();
    let (app, screen) = run(list_folder(dir.path()), &mut inbox);
    assert!(screen.contains("1 document"), "{screen}");
    assert!(!screen.contains("disk.txt"), "{screen}");
    assert_eq!(
        app.model().library().unwrap().entries[0].title,
        "The Harbour"
    );
}

/// The library screen of a model listing `count` files of a folder by name, and the files
/// it asked to read first.
fn listed(count: usize) -> (quire::reader::Model, Vec<PathBuf>) {
    let mut model = model(bundled(), SIZE);
    let _ = update(&mut model, Msg::ShowLibrary);
    let entries = (1..=count)
        .map(|n| Entry {
            id: None,
            title: format!("tide-{n:02}.txt"),
            author: String::new(),
            format: "text".into(),
            location: Location::File(format!("/shelf/tide-{n:02}.txt").into()),
            progress: None,
            read_at: None,
            bookmarks: 0,
            pending: true,
        })
        .collect();
    let read = LibraryRead {
        heading: "Folder /shelf".into(),
        folder: true,
        entries,
        now: 1_700_000_000,
    };
    let effects = update(&mut model, Msg::LibraryRead(Box::new(Ok(read))));
    let [Effect::ReadTitles(asked)] = &effects[..] else {
        panic!("the first titles are asked for: {effects:?}");
    };
    let asked = asked.clone();
    (model, asked)
}

fn draw(model: &quire::reader::Model) -> String {
    let mut terminal = test_terminal(SIZE);
    terminal
        .draw(|frame| quire::ui::render(model, frame))
        .unwrap();
    screen_text(&terminal)
}

/// Whether the title of the library's second row is drawn bold (a title read) or not (a file
/// name, dimmed, its title still to come).
fn second_title_bold(model: &quire::reader::Model) -> bool {
    let mut terminal = test_terminal(SIZE);
    terminal
        .draw(|frame| quire::ui::render(model, frame))
        .unwrap();
    let row = screen_text(&terminal).lines().nth(5).unwrap().to_string();
    let x = row
        .chars()
        .take_while(|c| !c.is_ascii_alphanumeric())
        .count();
    let cell = &terminal.backend().buffer()[(x as u16, 5)];
    cell.modifier.contains(ratatui::style::Modifier::BOLD)
}

#[test]
fn the_list_says_how_far_reading_the_titles_has_got() {
    let (mut model, asked) = listed(40);
    insta::assert_snapshot!("folder_titles_0_of_40", draw(&model));
    assert!(!second_title_bold(&model), "a file name stands in, dimmed");
    let titles = asked
        .iter()
        .enumerate()
        .map(|(n, path)| TitleRead {
            path: path.clone(),
            found: Some(Titled {
                title: format!("Tide Table {:02}", n + 1),
                author: "Harbour Office".into(),
                format: "text".into(),
            }),
        })
        .collect();
    let effects = update(&mut model, Msg::TitlesRead(titles));
    assert!(matches!(&effects[..], [Effect::ReadTitles(next)] if next.len() == 16));
    insta::assert_snapshot!("folder_titles_16_of_40", draw(&model));
    assert!(
        second_title_bold(&model),
        "a title read is drawn as titles are"
    );
}
