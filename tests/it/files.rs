//! Several files in one session, as less reads them: the reader opens the first, `:n`, `:p`
//! and `:x` open the next, the previous and the first, each at the place it was left; plain
//! output writes each under a line naming it. The file read in the background arrives where
//! the script delivers it.

use std::path::PathBuf;
use std::process::Command;

use crate::common::{builder, run_app};
use quire::app::ScriptedInbox;
use quire::document::{Document, LoadOptions};

fn book(title: &str) -> String {
    let mut text = format!("{title}\n\n");
    for n in 1..=40 {
        text.push_str(&format!(
            "{title} paragraph {n} runs on long enough to fill a few lines of the page, so that \
             a book of forty of them is several pages long at any size.\n\n"
        ));
    }
    text
}

fn files() -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    let paths: Vec<PathBuf> = ["Alpha", "Beta", "Gamma"]
        .iter()
        .map(|title| {
            let path = dir.path().join(format!("{}.txt", title.to_lowercase()));
            std::fs::write(&path, book(title)).unwrap();
            path
        })
        .collect();
    (dir, paths)
}

fn session(paths: &[PathBuf], inbox: ScriptedInbox) -> crate::common::Session {
    let first = Document::open(&paths[0]).unwrap();
    let app = builder(first, (80, 24))
        .files(paths.to_vec(), LoadOptions::default())
        .build();
    run_app(app, (80, 24), inbox)
}

#[test]
fn n_p_and_x_move_between_files_each_at_its_own_place() {
    let (_dir, paths) = files();
    // Page on in Alpha, go to Beta, page there, back to Alpha: where it was left.
    let mut inbox = ScriptedInbox::keys("<Space><Space>:n<Enter>").unwrap();
    inbox.deliver().then_keys("<Space>:p<Enter>").unwrap();
    inbox.deliver();
    let s = session(&paths, inbox);
    let model = s.app.model();
    assert_eq!(model.doc().name, "Alpha");
    assert_eq!(model.current_page(), 2);
    assert_eq!(model.files().current, 0);
    // Forward twice, then :x back to the first.
    let mut inbox = ScriptedInbox::keys(":n<Enter>").unwrap();
    inbox.deliver().then_keys(":n<Enter>").unwrap();
    inbox.deliver();
    let s = session(&paths, inbox);
    assert_eq!(s.app.model().doc().name, "Gamma");
    assert!(s.status().contains("file 3 of 3"), "{}", s.status());
    let mut inbox = ScriptedInbox::keys(":n<Enter>").unwrap();
    inbox.deliver().then_keys(":x<Enter>").unwrap();
    inbox.deliver();
    assert_eq!(session(&paths, inbox).app.model().doc().name, "Alpha");
}

#[test]
fn the_ends_of_the_list_and_a_single_file_say_so() {
    let (_dir, paths) = files();
    let s = session(&paths, ScriptedInbox::keys(":p<Enter>").unwrap());
    assert!(s.status().contains("first file"), "{}", s.status());
    let s = session(&paths[..1], ScriptedInbox::keys(":n<Enter>").unwrap());
    assert!(s.status().contains("only one file"), "{}", s.status());
}

#[test]
fn a_file_that_cannot_be_read_says_why_and_the_reader_stays() {
    let (dir, mut paths) = files();
    paths[1] = dir.path().join("gone.txt");
    let mut inbox = ScriptedInbox::keys("<Space>:n<Enter>").unwrap();
    inbox.deliver();
    let s = session(&paths, inbox);
    assert!(s.status().contains("cannot open"), "{}", s.status());
    assert_eq!(s.app.model().doc().name, "Alpha");
    assert_eq!(s.app.model().current_page(), 1);
}

#[test]
fn plain_output_writes_each_file_under_its_name() {
    let (_dir, paths) = files();
    let output = Command::new(env!("CARGO_BIN_EXE_quire"))
        .arg("--print")
        .args(&paths)
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    let headers: Vec<&str> = text.lines().filter(|l| l.starts_with("==> ")).collect();
    assert_eq!(headers.len(), 3, "{text}");
    assert!(headers[1].contains("beta.txt"));
    assert!(text.contains("Gamma paragraph 40"));
}
