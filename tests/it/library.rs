//! The library: documents read through the real loop are listed by `quire library` (plain and
//! `--json`) with how far each was read, most recent first, a file gone missing said so; the
//! library screen in the reader (`o`), its order, filter, opening and forgetting; `quire` alone
//! continuing the last document; `quire DIR` listing a folder.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::common::{stored_session, test_terminal};
use quire::app::ScriptedInbox;
use quire::document::Document;

/// Original prose: a title and `paragraphs` paragraphs, several pages at 80×24.
pub fn book(title: &str, paragraphs: usize) -> String {
    let mut text = format!("{title}\n\n");
    for n in 1..=paragraphs {
        text.push_str(&format!(
            "Paragraph {n} of {title}: the tide came in over the flats and went out again, \
             leaving the boats on their sides in the mud until the evening.\n\n"
        ));
    }
    text
}

/// Write `text` to `name` in `dir`.
pub fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// Read `file` in a session on the real loop with the store in `data`, typing `script`.
pub fn read(data: &Path, file: &Path, script: &str) {
    let doc = Document::open(file).unwrap();
    let mut app = stored_session(data, doc, Some(file), true, (80, 24)).build();
    let mut terminal = test_terminal((80, 24));
    let mut inbox = ScriptedInbox::keys(script).unwrap();
    app.run(&mut terminal, &mut inbox).unwrap();
}

pub fn quire(args: &[&str], data: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quire"))
        .args(args)
        .env("QUIRE_DATA_DIR", data)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "quire failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn the_library_lists_what_was_read_most_recent_first_with_progress() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let first = write(dir.path(), "harbour.txt", &book("The Harbour", 40));
    let second = write(dir.path(), "lighthouse.txt", &book("The Lighthouse", 40));
    read(&data, &first, "G");
    read(&data, &second, "  ");

    let listed = stdout(&quire(&["library"], &data));
    let lines: Vec<&str> = listed.lines().collect();
    assert_eq!(lines.len(), 2, "{listed}");
    assert!(lines[0].starts_with("The Lighthouse"), "{listed}");
    assert!(lines[1].starts_with("The Harbour"), "{listed}");
    assert!(lines[1].contains("100%"), "the end was read: {listed}");
    assert!(
        !lines[0].contains("100%") && lines[0].contains('%'),
        "{listed}"
    );
    assert!(lines[0].contains("just now"), "{listed}");
    assert!(lines[0].ends_with("lighthouse.txt"), "{listed}");

    let json: serde_json::Value =
        serde_json::from_str(&stdout(&quire(&["library", "--json"], &data))).unwrap();
    assert_eq!(json[0]["title"], "The Lighthouse");
    assert_eq!(json[0]["format"], "text");
    assert_eq!(json[0]["location"], "file");
    assert_eq!(json[1]["progress"], 100);
    assert!(json[0]["progress"].as_u64().unwrap() < 100);
    assert!(json[0]["last_read"].as_i64().unwrap() > 0);

    std::fs::remove_file(&first).unwrap();
    let listed = stdout(&quire(&["library"], &data));
    assert!(
        listed.lines().nth(1).unwrap().contains("missing: "),
        "{listed}"
    );
}

#[test]
fn an_empty_library_prints_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let output = quire(&["library"], &dir.path().join("data"));
    assert_eq!(stdout(&output), "");
    let json = stdout(&quire(&["library", "--json"], &dir.path().join("data")));
    assert_eq!(json.trim(), "[]");
}

/// `quire` with `args` in a tmux pane (a terminal on stdin and stdout), the store in `data`.
fn in_tmux(name: &str, data: &Path, args: &str) -> Option<crate::common::tmux::Tmux> {
    let command = format!(
        "QUIRE_DATA_DIR='{}' '{}' {args}",
        data.display(),
        env!("CARGO_BIN_EXE_quire"),
    );
    crate::common::tmux::Tmux::start(name, (100, 24), &command)
}

#[test]
fn quire_alone_continues_the_last_document_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let first = write(dir.path(), "harbour.txt", &book("The Harbour", 40));
    let second = write(dir.path(), "lighthouse.txt", &book("The Lighthouse", 40));
    read(&data, &first, "  ");
    read(&data, &second, "}}}}}}");
    let Some(tmux) = in_tmux("continue", &data, "") else {
        return;
    };
    let pane = tmux.wait_for_reader("the status line", |t| t.pane().contains("continuing:"));
    assert!(pane.contains("continuing: The Lighthouse, ¶ 6"), "{pane}");
    assert!(pane.contains("Paragraph 6 of The Lighthouse"), "{pane}");
    tmux.send(&["q"]);
}

#[test]
fn bundled_and_a_fresh_data_directory_open_the_bundled_article() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let Some(tmux) = in_tmux("fresh", &data, "") else {
        return;
    };
    let pane = tmux.wait_for_reader("the bundled article", |t| t.pane().contains("G20"));
    assert!(!pane.contains("continuing"), "{pane}");
    tmux.send(&["q"]);
    drop(tmux);

    let file = write(dir.path(), "harbour.txt", &book("The Harbour", 40));
    read(&data, &file, "  ");
    let Some(tmux) = in_tmux("bundled", &data, "--bundled") else {
        return;
    };
    let pane = tmux.wait_for_reader("the bundled article", |t| t.pane().contains("G20"));
    assert!(!pane.contains("The Harbour"), "{pane}");
    tmux.send(&["q"]);
}

#[test]
fn a_pipe_on_stdin_wins_over_continuing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = write(dir.path(), "harbour.txt", &book("The Harbour", 40));
    read(&data, &file, "  ");
    let piped = write(dir.path(), "piped.txt", &book("Piped Words", 3));
    let Some(tmux) = in_tmux("pipe", &data, &format!("< '{}'", piped.display())) else {
        return;
    };
    let pane = tmux.wait_for_reader("the piped text", |t| t.pane().contains("Piped Words"));
    assert!(!pane.contains("continuing"), "{pane}");
    tmux.send(&["q"]);
}

#[test]
fn a_text_read_from_stdin_is_kept_and_the_library_lists_it() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let piped = write(dir.path(), "piped.txt", &book("Piped Words", 3));
    let Some(tmux) = in_tmux("kept-stdin", &data, &format!("< '{}'", piped.display())) else {
        return;
    };
    // The text is kept as it is opened, before its first page is drawn.
    tmux.wait_for_reader("the piped text", |t| t.pane().contains("Piped Words"));
    tmux.send(&["q"]);
    drop(tmux);
    std::fs::remove_file(&piped).unwrap();

    let listed = stdout(&quire(&["library"], &data));
    assert!(listed.starts_with("Piped Words"), "{listed}");
    assert!(
        listed.trim_end().ends_with("standard input (kept copy)"),
        "{listed}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&quire(&["library", "--json"], &data))).unwrap();
    assert_eq!(json[0]["location"], "stdin");
    let kept = json[0]["kept"].as_str().unwrap();
    assert_eq!(
        std::fs::read_to_string(kept).unwrap(),
        book("Piped Words", 3)
    );

    // Read last, it is what `quire` alone continues, from its kept copy.
    let Some(tmux) = in_tmux("continue-stdin", &data, "") else {
        return;
    };
    let pane = tmux.wait_for_reader("the status line", |t| t.pane().contains("continuing:"));
    assert!(pane.contains("continuing: Piped Words"), "{pane}");
    tmux.send(&["q"]);
}

#[test]
fn printing_standard_input_keeps_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut child = Command::new(env!("CARGO_BIN_EXE_quire"))
        .arg("--print")
        .env("QUIRE_DATA_DIR", &data)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write as _;
    let mut input = child.stdin.take().unwrap();
    input.write_all(book("Piped Words", 3).as_bytes()).unwrap();
    drop(input);
    let printed = child.wait_with_output().unwrap();
    assert!(String::from_utf8_lossy(&printed.stdout).contains("Piped Words"));
    assert!(!data.join("kept").exists());
    assert_eq!(stdout(&quire(&["library"], &data)), "");
}

#[test]
fn a_folder_piped_lists_its_readable_documents_by_title_with_progress() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let books = dir.path().join("books");
    std::fs::create_dir_all(books.join("deeper")).unwrap();
    std::fs::create_dir_all(books.join(".hidden")).unwrap();
    let harbour = write(&books, "harbour.txt", &book("The Harbour", 30));
    write(
        &books.join("deeper"),
        "reef.md",
        &book("# Notes on the Reef", 5),
    );
    write(&books.join(".hidden"), "secret.txt", &book("A Secret", 3));
    write(&books, ".dotfile.txt", &book("Hidden Too", 3));
    std::fs::write(books.join("picture.png"), b"\x89PNG\r\n\x1a\n\0\0\0\0").unwrap();
    std::fs::write(books.join("blob"), b"\0\x01\x02binary\0").unwrap();
    read(&data, &harbour, "G");

    let listed = stdout(&quire(&[books.to_str().unwrap()], &data));
    let lines: Vec<&str> = listed.lines().collect();
    assert_eq!(lines.len(), 2, "{listed}");
    assert!(lines[0].starts_with("The Harbour"), "{listed}");
    assert!(
        lines[0].contains("100%") && lines[0].contains("just now"),
        "{listed}"
    );
    assert!(lines[1].starts_with("Notes on the Reef"), "{listed}");
    assert!(lines[1].contains("never read"), "{listed}");
    assert!(lines[1].ends_with("reef.md"), "{listed}");
    assert!(
        !listed.contains("Secret") && !listed.contains("Hidden"),
        "{listed}"
    );
}

/// How far a book was read is a share of its text, not of its pages: at the same place, a
/// small screen and a large one keep the same figure, and the end is 100 on both.
#[test]
fn the_share_read_is_the_same_on_any_screen() {
    let doc = Document::from_text(&book("The Flats", 120), "flats.txt");
    let at = |size: (u16, u16), keys: &str| {
        let session = crate::common::run(doc.clone(), size, keys);
        let model = session.app.model();
        (model.share_read(), model.percent())
    };
    let (small, small_screen) = at((60, 12), ":¶40<Enter>");
    let (large, large_screen) = at((200, 60), ":¶40<Enter>");
    assert_eq!(small, large);
    // About a third of the way: 39 paragraphs of 120, the title aside.
    assert!(small.is_some_and(|p| (30..=34).contains(&p)), "{small:?}");
    // The share of the screen's lines differs with the screen, which is why it is not kept.
    assert_ne!(small_screen, large_screen);
    assert_eq!(at((60, 12), "G").0, Some(100));
    assert_eq!(at((200, 60), "G").0, Some(100));
    assert_eq!(at((60, 12), "").0, Some(0));
}
