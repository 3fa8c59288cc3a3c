//! The bookmark store when things go wrong: killed mid-save, two writers at once, a damaged
//! database file, a data directory that cannot exist, and hostile notes.

use std::fs::Permissions;
use std::io::{BufRead, BufReader};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::common::{plain, test_terminal};

use quire::anchoring::Bookmark;
use quire::app::{App, AppBuilder, ScriptedInbox, session};
use quire::document::Document;
use quire::reader::marks::Persistence;
use quire::reader::{Opened, Saved};
use quire::store::{DB_FILE, Store};

/// The writer program built from `benches/examples/store_writer.rs` (cargo test builds examples).
fn writer_path() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    // target/debug/deps/<test> → target/debug/examples/store_writer
    let debug = exe.parent().unwrap().parent().unwrap();
    debug
        .join("examples")
        .join(format!("store_writer{}", std::env::consts::EXE_SUFFIX))
}

fn spawn_writer(dir: &Path, label: &str, count: u64) -> Child {
    Command::new(writer_path())
        .arg(dir)
        .arg(label)
        .arg(count.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the store_writer example is built by cargo test")
}

/// All bookmark uids in the store (every document).
fn stored_uids(dir: &Path) -> Vec<String> {
    let store = Store::open(dir).unwrap().store;
    let mut uids = Vec::new();
    for doc in store.documents().unwrap() {
        uids.extend(store.bookmarks(doc.id).unwrap().into_iter().map(|b| b.uid));
    }
    uids
}

const KILL_TRIALS: usize = 25;

#[test]
fn sigkill_while_saving_loses_no_acknowledged_bookmark() {
    let dir = tempfile::tempdir().unwrap();
    let mut acknowledged: Vec<String> = Vec::new();
    let mut lost_total = 0;
    for trial in 0..KILL_TRIALS {
        let mut child = spawn_writer(dir.path(), &format!("t{trial}"), 0);
        let stdout = child.stdout.take().unwrap();
        let mut lines = BufReader::new(stdout).lines();
        // Kill after a varying number of acknowledgements, so the kill lands at many points of
        // the save cycle (the writer keeps writing while we read).
        let wanted = 1 + (trial * 7) % 23;
        for _ in 0..wanted {
            let line = lines.next().expect("writer output").unwrap();
            acknowledged.push(line.strip_prefix("ack ").unwrap().to_string());
        }
        child.kill().unwrap(); // SIGKILL on Unix
        // Acks already in the pipe were committed too; count them before reaping.
        for line in lines.map_while(Result::ok) {
            acknowledged.push(line.strip_prefix("ack ").unwrap().to_string());
        }
        child.wait().unwrap();

        let conn = rusqlite::Connection::open(dir.path().join(DB_FILE)).unwrap();
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok", "trial {trial}: database damaged");
        drop(conn);
        let stored = stored_uids(dir.path());
        let lost: Vec<&String> = acknowledged
            .iter()
            .filter(|uid| !stored.contains(uid))
            .collect();
        lost_total += lost.len();
        assert!(
            lost.is_empty(),
            "trial {trial}: acknowledged but lost: {lost:?}"
        );
    }
    println!(
        "{KILL_TRIALS} SIGKILL trials, {} acknowledged bookmarks, {lost_total} lost",
        acknowledged.len()
    );
}

#[test]
fn two_writers_at_once_keep_every_bookmark() {
    let dir = tempfile::tempdir().unwrap();
    // Create the store first so both writers find the same schema.
    drop(Store::open(dir.path()).unwrap());
    let per_writer = 60;
    let a = spawn_writer(dir.path(), "a", per_writer);
    let b = spawn_writer(dir.path(), "b", per_writer);
    for child in [a, b] {
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "writer failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let acks = String::from_utf8_lossy(&output.stdout).lines().count();
        assert_eq!(acks as u64, per_writer);
    }
    let stored = stored_uids(dir.path());
    assert_eq!(stored.len() as u64, 2 * per_writer);
    for label in ["a", "b"] {
        for i in 0..per_writer {
            assert!(
                stored.contains(&format!("{label}-{i}")),
                "{label}-{i} missing"
            );
        }
    }
    // Both wrote to one document record: identity is the content, not the process.
    assert_eq!(
        Store::open(dir.path())
            .unwrap()
            .store
            .documents()
            .unwrap()
            .len(),
        1
    );
}

fn doc() -> Document {
    Document::from_text(
        "Failure Test\n\nA paragraph to read while the store is in trouble.\n\nAnother one after it.\n",
        "failure.txt",
    )
}

/// Open the document as the binary does (what the store has for it, written back there) and
/// run keys on the real loop. Returns what the store had, too.
fn run_with(dir: &Path, script: &str) -> (App, Terminal<TestBackend>, Saved) {
    let doc = doc();
    let loaded = session::load(Some(dir), &doc, None);
    let saved = loaded.saved.clone();
    let opened = Opened {
        doc,
        saved: loaded.saved,
        resume: true,
    };
    let mut app = AppBuilder::opened(opened)
        .store(loaded.store, Some(dir.to_path_buf()))
        .config(plain())
        .screen((80, 24))
        .outline_now()
        .build();
    let mut terminal = test_terminal((80, 24));
    app.run(&mut terminal, &mut ScriptedInbox::keys(script).unwrap())
        .unwrap();
    (app, terminal, saved)
}

fn status_line(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let y = buffer.area.height - 1;
    (0..buffer.area.width)
        .map(|x| buffer[(x, y)].symbol().to_string())
        .collect()
}

#[test]
fn damaged_database_is_moved_aside_and_a_fresh_store_started() {
    let dir = tempfile::tempdir().unwrap();
    let garbage = b"this is not a database, just some bytes that happen to be here\n".repeat(200);
    std::fs::write(dir.path().join(DB_FILE), &garbage).unwrap();
    let (app, terminal, loaded) = run_with(dir.path(), "");
    // The document opened and the reader was told why the old bookmarks are gone.
    assert!(!app.model().doc().is_empty());
    assert_eq!(loaded.persistence, Persistence::Saved);
    let notice = loaded.notices.join(" ");
    assert!(notice.contains("damaged"), "{notice}");
    assert!(notice.contains("not a database"), "{notice}");
    assert!(
        status_line(&terminal).contains("bookmarks"),
        "{}",
        status_line(&terminal)
    );
    // The bad file is kept under a timestamped name, byte for byte.
    let moved: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(&format!("{DB_FILE}.damaged-"))
        })
        .collect();
    assert_eq!(moved.len(), 1, "{moved:?}");
    assert_eq!(std::fs::read(&moved[0]).unwrap(), garbage);
    // The fresh store works: a bookmark made now is there afterwards.
    let (_app, _t, _l) = run_with(dir.path(), "}m");
    assert_eq!(stored_uids(dir.path()).len(), 1);
}

/// `quire` alone looks in the store for the document read last before it opens the bundled
/// article: the reader is told of the damage that look found, not handed a fresh store in
/// silence.
#[test]
fn quire_alone_says_its_damaged_store_was_moved_aside() {
    let dir = tempfile::tempdir().unwrap();
    let garbage = b"not a database either\n".repeat(300);
    std::fs::write(dir.path().join(DB_FILE), &garbage).unwrap();
    let (status, output) = crate::pty_safety::run_in_pty(
        &["--data-dir".as_ref(), dir.path().as_os_str()],
        Some(b"damaged"),
        &["q"],
    );
    assert!(
        status.is_some_and(|s| s.success()),
        "quire did not quit cleanly: {status:?}"
    );
    let shown = String::from_utf8_lossy(&output);
    assert!(
        shown.contains("damaged"),
        "no word of the damage: {shown:?}"
    );
    let moved = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            let name = e.as_ref().unwrap().file_name();
            name.to_string_lossy()
                .starts_with(&format!("{DB_FILE}.damaged-"))
        })
        .count();
    assert_eq!(moved, 1);
}

#[test]
fn truncated_database_is_treated_as_damaged() {
    let dir = tempfile::tempdir().unwrap();
    run_with(dir.path(), "}m");
    let path = dir.path().join(DB_FILE);
    // Checkpoint the WAL into the main file, then cut the file in the middle of a page.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
    drop(conn);
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() / 2 + 100]).unwrap();
    let loaded = session::load(Some(dir.path()), &doc(), None).saved;
    assert_eq!(loaded.persistence, Persistence::Saved);
    assert!(
        loaded.notices.join(" ").contains("damaged"),
        "{:?}",
        loaded.notices
    );
}

#[test]
fn damage_met_when_the_document_is_looked_up_starts_a_fresh_store() {
    // A store closed cleanly is not read whole for damage on opening; damage in the pages the
    // lookup reads shows there, and is handled as damage found on opening is.
    let dir = tempfile::tempdir().unwrap();
    run_with(dir.path(), "}m");
    let path = dir.path().join(DB_FILE);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let (root, page_size): (i64, i64) = conn
        .query_row(
            "SELECT rootpage, (SELECT page_size FROM pragma_page_size) FROM sqlite_master \
             WHERE name = 'documents'",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .unwrap();
    drop(conn);
    let mut bytes = std::fs::read(&path).unwrap();
    // The table's first page is made a kind of page there is not.
    bytes[((root - 1) * page_size) as usize] = 0xEE;
    std::fs::write(&path, &bytes).unwrap();
    let loaded = session::load(Some(dir.path()), &doc(), None);
    assert_eq!(loaded.saved.persistence, Persistence::Saved);
    let notices = loaded.saved.notices.join(" ");
    assert!(notices.contains("damaged"), "{notices}");
    assert!(notices.contains("moved it to"), "{notices}");
    // The damaged store is kept aside, and the fresh one takes a bookmark.
    let kept_aside = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .any(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(&format!("{DB_FILE}.damaged-"))
        });
    assert!(kept_aside);
    drop(loaded);
    run_with(dir.path(), "}m");
    assert_eq!(stored_uids(dir.path()).len(), 1);
}

#[test]
fn unusable_data_directory_still_reads_and_says_bookmarks_will_not_be_saved() {
    let file = tempfile::NamedTempFile::new().unwrap();
    // A directory under a regular file can never be made, even by root.
    let dir = file.path().join("sub");
    let (app, terminal, loaded) = run_with(&dir, "}m");
    assert!(matches!(loaded.persistence, Persistence::NotSaved(_)));
    assert!(!app.model().doc().is_empty());
    // The bookmark still works for this session.
    assert_eq!(app.model().marks().bookmarks.len(), 1);
    assert!(!dir.exists());
    let _ = terminal;
    // The first screen says so.
    let (_, first, _) = run_with(&dir, "");
    assert!(
        status_line(&first).contains("bookmarks will not be saved"),
        "{}",
        status_line(&first)
    );
}

#[test]
fn hostile_note_is_stored_exactly_and_never_drawn_raw() {
    let dir = tempfile::tempdir().unwrap();
    run_with(dir.path(), "}m");
    let hostile = "see \u{1b}]52;c;ZXZpbA==\u{7} and \u{1b}[2J\u{1b}[31mred\u{9b}1m\r\nnext";
    {
        let mut store = Store::open(dir.path()).unwrap().store;
        let doc_id = store.documents().unwrap()[0].id;
        let uid = store.bookmarks(doc_id).unwrap()[0].uid.clone();
        store.set_note(&uid, hostile).unwrap();
    }
    let (app, terminal, _) = run_with(dir.path(), "B");
    let bookmark: &Bookmark = &app.model().marks().bookmarks[0];
    assert_eq!(bookmark.note, hostile, "stored as typed");
    let buffer = terminal.backend().buffer();
    let drawn: String = buffer
        .content()
        .iter()
        .map(|c| c.symbol().to_string())
        .collect();
    assert!(drawn.contains("red"), "the note is shown");
    assert!(
        !drawn.chars().any(|c| c.is_control()),
        "a control character reached the screen"
    );
    let store = Store::open(dir.path()).unwrap().store;
    let doc_id = store.documents().unwrap()[0].id;
    assert_eq!(store.bookmarks(doc_id).unwrap()[0].note, hostile);
}

/// Make the store at `dir` refuse every new bookmark, as a full disk would, from outside the
/// program (a trigger in the database itself): no test hook in the code is needed.
fn refuse_bookmarks(dir: &Path, refuse: bool) {
    let conn = rusqlite::Connection::open(dir.join(DB_FILE)).unwrap();
    if refuse {
        conn.execute_batch(
            "CREATE TRIGGER refuse BEFORE INSERT ON bookmarks \
             BEGIN SELECT RAISE(FAIL, 'database or disk is full'); END;",
        )
        .unwrap();
    } else {
        conn.execute_batch("DROP TRIGGER refuse;").unwrap();
    }
}

#[test]
fn a_refused_save_says_so_keeps_the_bookmark_marked_and_is_retried_when_still() {
    let dir = tempfile::tempdir().unwrap();
    // The document is known to the store first; then the store refuses new bookmarks.
    run_with(dir.path(), "");
    refuse_bookmarks(dir.path(), true);
    let doc = doc();
    let loaded = session::load(Some(dir.path()), &doc, None);
    let opened = Opened {
        doc,
        saved: loaded.saved,
        resume: true,
    };
    let mut app = AppBuilder::opened(opened)
        .store(loaded.store, Some(dir.path().to_path_buf()))
        .config(plain())
        .screen((80, 24))
        .outline_now()
        .build();
    let mut terminal = test_terminal((80, 24));
    // `m`, then a pause: the save fails, and fails again when retried while the disk is full.
    let mut inbox = ScriptedInbox::keys("}m").unwrap();
    inbox.idle();
    app.run(&mut terminal, &mut inbox).unwrap();
    let status = status_line(&terminal);
    assert!(status.contains("not saved"), "{status}");
    assert_eq!(app.model().marks().unsaved.len(), 1);
    assert_eq!(app.unsaved_bookmarks().len(), 1);
    assert!(stored_uids(dir.path()).is_empty());
    // Open the panel: the bookmark is there, marked.
    app.run(&mut terminal, &mut ScriptedInbox::keys("B").unwrap())
        .unwrap();
    let screen = crate::common::screen_text(&terminal);
    assert!(screen.contains("not saved"), "{screen}");
    // Space again on the disk: the next still moment writes it, and the mark goes.
    refuse_bookmarks(dir.path(), false);
    let mut inbox = ScriptedInbox::keys("<Esc>").unwrap();
    inbox.idle();
    app.run(&mut terminal, &mut inbox).unwrap();
    assert!(app.model().marks().unsaved.is_empty());
    assert!(app.unsaved_bookmarks().is_empty());
    assert_eq!(stored_uids(dir.path()).len(), 1);
}

#[test]
fn without_a_store_each_bookmark_says_it_is_kept_for_this_session_only() {
    let file = tempfile::NamedTempFile::new().unwrap();
    let dir = file.path().join("sub");
    let (app, terminal, _) = run_with(&dir, "}m");
    let status = status_line(&terminal);
    assert!(
        status.contains("bookmarked") && status.contains("not saved"),
        "{status}"
    );
    // Listed when the session ends, with its text.
    let unsaved = app.unsaved_bookmarks();
    assert_eq!(unsaved.len(), 1);
    assert!(unsaved[0].quote.exact.starts_with("A paragraph to read"));
}

#[test]
fn an_empty_database_file_is_said_to_have_been_empty() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(DB_FILE), b"").unwrap();
    let saved = session::load(Some(dir.path()), &doc(), None).saved;
    assert_eq!(saved.persistence, Persistence::Saved);
    let notices = saved.notices.join(" ");
    assert!(notices.contains("empty file (0 bytes)"), "{notices}");
    // Once it holds the schema, it is not empty any more and nothing is said.
    let again = session::load(Some(dir.path()), &doc(), None).saved;
    assert!(again.notices.is_empty(), "{:?}", again.notices);
}

#[test]
fn a_read_only_store_can_be_read_and_exported_and_says_it_cannot_save() {
    let dir = tempfile::tempdir().unwrap();
    run_with(dir.path(), "}m");
    assert_eq!(stored_uids(dir.path()).len(), 1);
    // Everyone may read the store; nobody may write it or its directory.
    let data = dir.path();
    for entry in std::fs::read_dir(data).unwrap().flatten() {
        std::fs::set_permissions(entry.path(), Permissions::from_mode(0o444)).unwrap();
    }
    std::fs::set_permissions(data, Permissions::from_mode(0o555)).unwrap();
    // Root is not bound by permissions: the binary then runs as an unprivileged user.
    let root = std::fs::write(data.join("probe"), b"x").is_ok();
    let mut command = if root {
        if Command::new("setpriv").arg("--version").output().is_err() {
            println!("skipping: running as root, and setpriv is not here to drop privileges");
            return;
        }
        let mut command = Command::new("setpriv");
        command.args(["--reuid=65534", "--regid=65534", "--clear-groups"]);
        command.arg(env!("CARGO_BIN_EXE_quire"));
        command
    } else {
        Command::new(env!("CARGO_BIN_EXE_quire"))
    };
    let _ = std::fs::remove_file(data.join("probe"));
    let output = command
        .args(["bookmarks", "--export", "json"])
        .env("QUIRE_DATA_DIR", data)
        .output()
        .unwrap();
    std::fs::set_permissions(data, Permissions::from_mode(0o755)).unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.contains("read-only"), "{stderr}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("A paragraph to read"), "{stdout}");
}
