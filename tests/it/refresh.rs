//! `R`, the document read again where it came from, on the real loop with a real store: a page
//! fetched anew from a web server started by the test (the new copy kept beside the old, the
//! reader at the same words though the text before them grew), a failure said in one line
//! with the text shown kept, and a file read again from disk. The answer arrives where the
//! script delivers it: until then the text shown is the old one.

use std::path::Path;

use crate::common::{screen_text, stored_session, test_terminal};
use crate::fetch::Server;
use crate::library::{book, write};
use quire::app::{App, ScriptedInbox};
use quire::document::Document;

/// A page of `paragraphs` paragraphs, after `before` (paragraphs set before them).
fn edition(before: &[&str], paragraphs: usize) -> String {
    let mut html = String::from(
        "<!doctype html><html><head><title>Harbour News</title></head><body><article>\
         <h1>Harbour News</h1>",
    );
    for words in before {
        html.push_str(&format!("<p>{words}</p>"));
    }
    for n in 1..=paragraphs {
        html.push_str(&format!(
            "<p>Report {n}: the boats came in on the evening tide with nets full of herring, \
             and the harbour master counted them twice before the light went.</p>"
        ));
    }
    html.push_str("</article></body></html>");
    html
}

/// A session on `doc` (read from `source`, a path or an address) with the store in `data`.
fn session(data: &Path, doc: Document, source: &str) -> App {
    // From the start: the place each test reaches is the one its keys reach.
    stored_session(data, doc, Some(Path::new(source)), false, (100, 24))
        .files(vec![source.into()], Default::default())
        .build()
}

/// Run `app` typing `keys`, delivering background work after them when `deliver` says.
fn run(app: &mut App, keys: &str, deliver: bool) -> String {
    let mut terminal = test_terminal((100, 24));
    let mut inbox = ScriptedInbox::keys(keys).unwrap();
    if deliver {
        inbox.deliver();
    }
    app.run(&mut terminal, &mut inbox).unwrap();
    screen_text(&terminal)
}

#[test]
fn r_fetches_a_page_again_keeps_the_new_copy_and_stays_at_the_same_words() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let server = Server::start();
    let url = server.url("/edition.html");
    server.publish(&edition(&[], 30));
    let page = quire::app::fetch::read_page(&url, Some(&data), false, Default::default()).unwrap();
    let first_copy = {
        let store = quire::store::Store::open(&data).unwrap().store;
        store.kept(&url).unwrap().unwrap().file
    };

    // A late correction is set above the reports: every block after it moves down one.
    server.publish(&edition(
        &["Correction: the harbour master counts thrice."],
        30,
    ));
    // Until the answer is delivered, the text shown is the one read before.
    let mut waiting = session(&data, page.doc.clone(), &url);
    let screen = run(&mut waiting, "}}}}}}R", false);
    assert!(
        screen.contains(&format!("fetching {url} again…")),
        "{screen}"
    );
    assert_eq!(waiting.model().doc().blocks, page.doc.blocks);

    // A bookmark on the paragraph at the top goes with its words too.
    let mut app = session(&data, page.doc, &url);
    let screen = run(&mut app, "}}}}}}mR", true);
    assert!(
        screen.contains("refreshed: the text changed · the text changed: 1 of 1 bookmarks"),
        "{screen}"
    );
    let top = app.model().doc().blocks[app.model().anchor().block]
        .text
        .clone();
    assert!(top.starts_with("Report 6:"), "at the same words: {top}");
    let marked = &app.model().marks().bookmarks[0];
    assert!(marked.quote.exact.starts_with("Report 6:"), "{marked:?}");
    assert_eq!(marked.span.start.block, app.model().anchor().block);
    assert!(
        app.model()
            .doc()
            .blocks
            .iter()
            .any(|b| b.text.starts_with("Correction"))
    );
    // The new copy is kept and is the address's now; the old one stays.
    let store = quire::store::Store::open(&data).unwrap().store;
    let kept = store.kept(&url).unwrap().unwrap().file;
    assert_ne!(kept, first_copy);
    assert!(first_copy.is_file());
    assert!(
        std::fs::read_to_string(&kept)
            .unwrap()
            .contains("Correction")
    );
}

#[test]
fn a_page_that_cannot_be_fetched_again_is_said_in_one_line_and_stays() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let server = Server::start();
    let url = server.url("/edition.html");
    server.publish(&edition(&[], 10));
    let page = quire::app::fetch::read_page(&url, Some(&data), false, Default::default()).unwrap();
    drop(server);

    let mut app = session(&data, page.doc.clone(), &url);
    let screen = run(&mut app, "}}R", true);
    let status = screen.lines().last().unwrap();
    assert!(
        status.contains("not refreshed: cannot connect: refused, or no network"),
        "{screen}"
    );
    assert_eq!(app.model().doc().blocks, page.doc.blocks);
    assert!(screen.contains("│ Report 2:"), "{screen}");
}

#[test]
fn r_reads_a_file_again_from_disk_at_the_same_words() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = write(dir.path(), "harbour.txt", &book("The Harbour", 30));
    let doc = Document::open(&file).unwrap();
    let mut app = session(&data, doc.clone(), file.to_str().unwrap());
    let screen = run(&mut app, "}}}}R", true);
    assert!(screen.contains("refreshed: unchanged"), "{screen}");

    let grown = book("The Harbour", 30).replace(
        "\n\nParagraph 1 ",
        "\n\nA foreword, written later.\n\nParagraph 1 ",
    );
    std::fs::write(&file, grown).unwrap();
    let mut app = session(&data, doc, file.to_str().unwrap());
    let screen = run(&mut app, "}}}}R", true);
    assert!(screen.contains("refreshed: the text changed"), "{screen}");
    let rows: Vec<&str> = screen.lines().collect();
    assert!(
        rows.iter()
            .any(|row| row.contains("│ Paragraph 4 of The Harbour")),
        "{screen}"
    );
    assert!(app.model().doc().blocks[1].text.starts_with("A foreword"));
}
