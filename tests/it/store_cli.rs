//! `quire bookmarks`: listing, Markdown and JSON export, import of an export, the data
//! directory from `--data-dir` or `QUIRE_DATA_DIR`, and a file literally named "bookmarks".

use std::path::Path;
use std::process::{Command, Output};

use crate::common::{stored_session, test_terminal};
use quire::app::ScriptedInbox;
use quire::document::Document;

const TEXT: &str = "Notes From A Small Harbour\n\n\
    The boats went out before dawn. Their lamps made a line on the water.\n\n\
    By noon the fish market was loud. Gulls stood on every post.\n";

fn quire(args: &[&str], data_dir: Option<&Path>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_quire"));
    command.args(args).env_remove("QUIRE_DATA_DIR");
    if let Some(dir) = data_dir {
        command.env("QUIRE_DATA_DIR", dir);
    }
    command.output().unwrap()
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "quire failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// Bookmark the first paragraph of `file` with a note, through the real loop.
fn bookmark_with_note(dir: &Path, file: &Path, note: &str) {
    let doc = Document::open(file).unwrap();
    let mut app = stored_session(dir, doc, Some(file), false, (80, 24)).build();
    let mut terminal = test_terminal((80, 24));
    let script = format!("}}v}}<Enter>{note}<Enter>");
    let mut events = ScriptedInbox::keys(&script).unwrap();
    app.run(&mut terminal, &mut events).unwrap();
}

fn setup() -> (tempfile::TempDir, tempfile::TempDir, std::path::PathBuf) {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let file = files.path().join("harbour.txt");
    std::fs::write(&file, TEXT).unwrap();
    bookmark_with_note(data.path(), &file, "dawn boats");
    (data, files, file)
}

#[test]
fn lists_bookmarks_of_all_documents_or_one() {
    let (data, files, file) = setup();
    let all = stdout(&quire(&["bookmarks"], Some(data.path())));
    assert!(all.contains("Notes From A Small Harbour"), "{all}");
    assert!(all.contains("The boats went out before dawn."), "{all}");
    assert!(all.contains("note: dawn boats"), "{all}");
    let one = stdout(&quire(
        &[
            "bookmarks",
            "--data-dir",
            &data.path().display().to_string(),
            &file.display().to_string(),
        ],
        None,
    ));
    assert_eq!(one, all);
    let other = files.path().join("other.txt");
    std::fs::write(&other, "Something else entirely.\n").unwrap();
    let none = stdout(&quire(
        &["bookmarks", &other.display().to_string()],
        Some(data.path()),
    ));
    assert_eq!(none.trim(), "no bookmarks");
}

#[test]
fn exports_markdown_with_title_quote_note_and_section() {
    let (data, _files, _file) = setup();
    let markdown = stdout(&quire(
        &["bookmarks", "--export", "markdown"],
        Some(data.path()),
    ));
    assert!(
        markdown.starts_with("# Notes From A Small Harbour\n"),
        "{markdown}"
    );
    assert!(
        markdown
            .contains("> The boats went out before dawn. Their lamps made a line on the water.\n"),
        "{markdown}"
    );
    // Each passage under a heading giving its section and paragraph, the note marked.
    assert!(
        markdown.contains("\n## ") && markdown.contains("¶ 1"),
        "{markdown}"
    );
    assert!(markdown.contains("**Note:** dawn boats"), "{markdown}");
    let heading = markdown.find("\n## ").unwrap_or(usize::MAX);
    let quote = markdown.find("\n> ").unwrap_or(0);
    assert!(
        heading < quote,
        "the heading comes before the quote: {markdown}"
    );
}

#[test]
fn json_export_imports_into_a_fresh_store() {
    let (data, files, _file) = setup();
    let json = stdout(&quire(
        &["bookmarks", "--export", "json"],
        Some(data.path()),
    ));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["format"], "quire-bookmarks");
    assert_eq!(value["documents"][0]["bookmarks"][0]["note"], "dawn boats");
    let export = files.path().join("export.json");
    std::fs::write(&export, &json).unwrap();

    let fresh = tempfile::tempdir().unwrap();
    let imported = stdout(&quire(
        &["bookmarks", "--import", &export.display().to_string()],
        Some(fresh.path()),
    ));
    assert!(
        imported.contains("imported 1 bookmark for 1 document"),
        "{imported}"
    );
    // Importing twice adds nothing.
    let again = stdout(&quire(
        &["bookmarks", "--import", &export.display().to_string()],
        Some(fresh.path()),
    ));
    assert!(
        again.contains("imported 0 bookmarks for 0 documents; 1 document had them all already"),
        "{again}"
    );
    let round_trip = stdout(&quire(
        &["bookmarks", "--export", "json"],
        Some(fresh.path()),
    ));
    let back: serde_json::Value = serde_json::from_str(&round_trip).unwrap();
    assert_eq!(
        back["documents"][0]["bookmarks"],
        value["documents"][0]["bookmarks"]
    );
    assert_eq!(back["documents"][0]["hash"], value["documents"][0]["hash"]);
}

#[test]
fn a_bad_import_is_refused_with_a_reason() {
    let data = tempfile::tempdir().unwrap();
    let bad = data.path().join("bad.json");
    std::fs::write(
        &bad,
        "{\"format\": \"something-else\", \"version\": 1, \"documents\": []}",
    )
    .unwrap();
    let output = quire(
        &["bookmarks", "--import", &bad.display().to_string()],
        Some(data.path()),
    );
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("not a quire bookmarks export"), "{stderr}");
}

#[test]
fn hostile_notes_never_reach_the_terminal_raw_from_the_cli() {
    let (data, _files, _file) = setup();
    {
        let mut store = quire::store::Store::open(data.path()).unwrap().store;
        let id = store.documents().unwrap()[0].id;
        let uid = store.bookmarks(id).unwrap()[0].uid.clone();
        store.set_note(&uid, NOTE).unwrap();
    }
    for args in [
        &["bookmarks"][..],
        &["bookmarks", "--export", "markdown"][..],
    ] {
        let out = stdout(&quire(args, Some(data.path())));
        assert!(out.contains("evil"), "{out}");
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
    }
    // JSON keeps the note exactly, escaped: no control of any kind, C1 and DEL included, and
    // no bidi override, is written raw.
    let json = stdout(&quire(
        &["bookmarks", "--export", "json"],
        Some(data.path()),
    ));
    let raw = |c: char| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    assert!(!json.chars().any(raw), "{json:?}");
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["documents"][0]["bookmarks"][0]["note"], NOTE);
}

/// A note with an OSC title, a screen clear, a C1 CSI, DEL and a bidi override and isolate.
const NOTE: &str = "evil \u{1b}]0;title\u{7}\u{1b}[2J note \u{9b}31m\u{7f} \u{202e}drow\u{2066}";

#[test]
fn a_file_named_bookmarks_opens_as_a_path() {
    let files = tempfile::tempdir().unwrap();
    std::fs::write(
        files.path().join("bookmarks"),
        "Just a file called bookmarks.\n",
    )
    .unwrap();
    let data = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_quire"))
        .current_dir(files.path())
        .args(["--print", "./bookmarks"])
        .env("QUIRE_DATA_DIR", data.path())
        .output()
        .unwrap();
    assert!(stdout(&output).contains("Just a file called bookmarks."));
    let help = stdout(&quire(&["--help"], None));
    assert!(help.contains("quire ./bookmarks"), "{help}");
    assert!(help.contains("--data-dir"), "{help}");
    assert!(help.contains("--from-start"), "{help}");
}
