//! The store's tests: opening and moving aside, migrations, the places, bookmarks and
//! choices it keeps, and the looks into it before the first frame.

use super::*;

#[test]
fn stamps_are_utc_calendar_times() {
    assert_eq!(utc_stamp(UNIX_EPOCH), "19700101T000000Z");
    let t = UNIX_EPOCH + Duration::from_secs(951_782_400 + 3_723); // 2000-02-29 01:02:03
    assert_eq!(utc_stamp(t), "20000229T010203Z");
}

#[test]
fn data_dir_prefers_flag_then_environment() {
    let flag = Path::new("/a");
    assert_eq!(
        data_dir(Some(flag), Some("/b".as_ref())),
        Some(PathBuf::from("/a"))
    );
    assert_eq!(
        data_dir(None, Some("/b".as_ref())),
        Some(PathBuf::from("/b"))
    );
}

#[test]
fn fresh_store_is_at_the_current_schema_and_wal() {
    let dir = tempfile::tempdir().unwrap();
    let opened = Store::open(dir.path()).unwrap();
    assert!(opened.notice.is_none());
    let conn = &opened.store.conn;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    drop(opened);
    // Reopening does not migrate again.
    assert!(Store::open(dir.path()).is_ok());
}

#[test]
fn the_store_is_read_whole_for_damage_only_after_a_session_that_did_not_close_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap().store;
    for n in 0..200 {
        store
            .remember(&format!("choice {n}"), Some(&"x".repeat(200)))
            .unwrap();
    }
    // Closed: the log is folded into the store and removed.
    drop(store);
    let path = dir.path().join(DB_FILE);
    let log = PathBuf::from(format!("{}-wal", path.display()));
    assert!(!log.exists());
    // Damage the last page, one of the settings', which opening does not read: its kind
    // of page is no kind there is.
    let mut bytes = std::fs::read(&path).unwrap();
    let last_page = bytes.len() - 4096;
    bytes[last_page] = 0xEE;
    std::fs::write(&path, &bytes).unwrap();
    // After a clean close, opening does not read every page first.
    let opened = Store::open(dir.path()).unwrap();
    assert!(opened.notice.is_none());
    // The damage shows when a read meets it, and that read can start the store afresh.
    let met = Store::peek_settings(dir.path()).unwrap_err();
    assert!(met.is_damage(), "{met}");
    let fresh = opened.store.start_afresh(&met).unwrap();
    let notice = fresh.notice.unwrap();
    assert!(notice.contains("damaged"), "{notice}");
    drop(fresh.store);
    // After a session that ended without closing the store (its log left behind), opening
    // reads every page first, finds the damage, and moves the store aside at once.
    let moved = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .find(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("bookmarks.sqlite3.damaged-")
        })
        .unwrap()
        .path();
    std::fs::remove_file(&path).unwrap();
    std::fs::rename(&moved, &path).unwrap();
    std::fs::write(&log, b"what a killed session left").unwrap();
    let opened = Store::open(dir.path()).unwrap();
    let notice = opened.notice.unwrap_or_default();
    assert!(notice.contains("damaged"), "{notice}");
}

#[test]
fn bookkeeping_skips_the_flush_and_every_other_write_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap().store;
    let pragma = |store: &Store, name: &str| -> i64 {
        store
            .conn
            .query_row(&format!("PRAGMA {name}"), [], |r| r.get(0))
            .unwrap()
    };
    const OFF: i64 = 0;
    const FULL: i64 = 2;
    assert_eq!(pragma(&store, "synchronous"), FULL);
    let checkpoint_every = pragma(&store, "wal_autocheckpoint");
    assert!(checkpoint_every > 0);
    let during = store
        .without_flush(|s| {
            s.remember("width", Some("60"))?;
            Ok((pragma(s, "synchronous"), pragma(s, "wal_autocheckpoint")))
        })
        .unwrap();
    assert_eq!(during, (OFF, 0), "nothing flushed, nothing checkpointed");
    assert_eq!(
        pragma(&store, "synchronous"),
        FULL,
        "a bookmark saved next is flushed"
    );
    assert_eq!(pragma(&store, "wal_autocheckpoint"), checkpoint_every);
    // Failed bookkeeping leaves the flushing on too.
    let failed: Result<(), StoreError> =
        store.without_flush(|_| Err(StoreError::Damaged("a test".into())));
    assert!(failed.is_err());
    assert_eq!(pragma(&store, "synchronous"), FULL);
    assert_eq!(pragma(&store, "wal_autocheckpoint"), checkpoint_every);
    drop(store);
    assert_eq!(
        Store::peek_settings(dir.path()).unwrap(),
        vec![("width".to_string(), "60".to_string())]
    );
}

#[test]
fn choices_are_remembered_forgotten_and_peeked_without_opening() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap().store;
    store.remember("width", Some("60")).unwrap();
    store.remember("sidebar", Some("hidden")).unwrap();
    store.remember("width", Some("64")).unwrap();
    assert_eq!(
        Store::peek_settings(dir.path()).unwrap(),
        vec![
            ("sidebar".to_string(), "hidden".to_string()),
            ("width".to_string(), "64".to_string())
        ]
    );
    store.remember("sidebar", None).unwrap();
    assert_eq!(Store::peek_settings(dir.path()).unwrap().len(), 1);
    let empty = tempfile::tempdir().unwrap();
    assert!(Store::peek_settings(empty.path()).unwrap().is_empty());
}

#[test]
fn a_first_schema_store_is_migrated_keeping_its_bookmarks() {
    let dir = tempfile::tempdir().unwrap();
    // A store as the first schema left it, with a document in it.
    let conn = Connection::open(dir.path().join(DB_FILE)).unwrap();
    conn.execute_batch(MIGRATIONS[0]).unwrap();
    conn.pragma_update(None, "user_version", 1).unwrap();
    conn.execute(
        "INSERT INTO documents (hash, title, last_path, seen_at) VALUES ('h', 'T', NULL, 0)",
        [],
    )
    .unwrap();
    drop(conn);
    let mut store = Store::open(dir.path()).unwrap().store;
    assert_eq!(store.documents().unwrap().len(), 1);
    store.remember("width", Some("50")).unwrap();
}

#[test]
fn pages_seen_at_a_place_are_kept_with_it_and_peeked() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap().store;
    let record = store
        .ensure_document("h", "T", Some("/books/t.txt"))
        .unwrap();
    let seen = SeenPages {
        page: 215,
        total: 358,
        file: "1276201:1796631809452508293".into(),
        layout: "72x59 leftovers=false".into(),
    };
    let mut place = Position {
        anchor: Anchor::new(1713, 0),
        line: Some(13_313),
        pages: Some(seen.clone()),
        ..Position::default()
    };
    store.save_position(record, &place, Some(60)).unwrap();
    assert_eq!(store.position(record).unwrap(), Some(place.clone()));
    let peeked = Store::peek_place_by_path(dir.path(), "/books/t.txt").unwrap();
    assert_eq!(peeked.and_then(|p| p.pages), Some(seen));
    // A place saved without pages known clears those saved before.
    place.pages = None;
    store.save_position(record, &place, None).unwrap();
    assert_eq!(store.position(record).unwrap().unwrap().pages, None);

    // A store of the version before pages were kept is peeked all the same.
    drop(store);
    let conn = Connection::open(dir.path().join(DB_FILE)).unwrap();
    conn.execute_batch("ALTER TABLE positions DROP COLUMN pages")
        .unwrap();
    conn.pragma_update(None, "user_version", 5).unwrap();
    drop(conn);
    let peeked = Store::peek_place_by_path(dir.path(), "/books/t.txt").unwrap();
    assert_eq!(
        peeked.map(|p| (p.line, p.pages)),
        Some((Some(13_313), None))
    );
}

#[test]
fn a_look_before_the_first_frame_retries_in_short_pauses_up_to_a_writes_wait() {
    assert!(peek_busy(0));
    assert!(peek_busy(100));
    let tries_in_a_writes_wait = BUSY_TIMEOUT.as_micros() / PEEK_PAUSE.as_micros();
    let last = i32::try_from(tries_in_a_writes_wait).unwrap();
    assert!(!peek_busy(last));
    assert!(!peek_busy(i32::MAX));
}

/// A store in `dir` holding a place at `anchor` in the document last opened from
/// `/books/t.txt` and the remembered choice `theme = dark`, closed.
fn closed_store_with_a_place(dir: &Path, anchor: Anchor) {
    let mut store = Store::open(dir).unwrap().store;
    let record = store
        .ensure_document("h", "T", Some("/books/t.txt"))
        .unwrap();
    let place = Position {
        anchor,
        ..Position::default()
    };
    store.save_position(record, &place, None).unwrap();
    store.remember("theme", Some("dark")).unwrap();
}

#[test]
fn looks_at_the_same_moment_each_get_their_answer() {
    let dir = tempfile::tempdir().unwrap();
    // Closed, so that the first look to come rebuilds the log's index while others wait.
    closed_store_with_a_place(dir.path(), Anchor::new(12, 0));
    for _ in 0..10 {
        let looks: Vec<_> = (0..4)
            .map(|i| {
                let dir = dir.path().to_path_buf();
                std::thread::spawn(move || {
                    if i % 2 == 0 {
                        let place = Store::peek_place_by_path(&dir, "/books/t.txt");
                        place.map(|p| p.map(|p| p.anchor).is_some())
                    } else {
                        Store::peek_settings(&dir).map(|settings| settings.len() == 1)
                    }
                })
            })
            .collect();
        for look in looks {
            assert!(matches!(look.join(), Ok(Ok(true))));
        }
    }
}

#[test]
fn newer_schema_is_refused_not_moved() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open(dir.path()).unwrap());
    let conn = Connection::open(dir.path().join(DB_FILE)).unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 5)
        .unwrap();
    drop(conn);
    assert!(matches!(
        Store::open(dir.path()),
        Err(StoreError::TooNew(_))
    ));
    assert!(dir.path().join(DB_FILE).exists());
}

#[test]
fn a_cleanly_closed_store_is_looked_at_without_making_its_log() {
    // A folder whose name holds the characters a URI gives a meaning to.
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("a?b#c%d e");
    std::fs::create_dir(&dir).unwrap();
    closed_store_with_a_place(&dir, Anchor::new(7, 3));
    let side_files = |dir: &Path| {
        ["-wal", "-shm"]
            .iter()
            .filter(|end| dir.join(format!("{DB_FILE}{end}")).exists())
            .count()
    };
    assert_eq!(side_files(&dir), 0, "closing folds the log back in");
    assert_eq!(
        Store::peek_settings(&dir).unwrap(),
        vec![("theme".to_string(), "dark".to_string())]
    );
    let peeked = Store::peek_place_by_path(&dir, "/books/t.txt").unwrap();
    assert_eq!(peeked.map(|p| p.anchor), Some(Anchor::new(7, 3)));
    assert_eq!(
        side_files(&dir),
        0,
        "a look made neither a log nor its index"
    );
    // Open again (the log made anew), a look reads what is in the log too.
    let mut store = Store::open(&dir).unwrap().store;
    store.remember("theme", Some("light")).unwrap();
    assert!(side_files(&dir) > 0);
    assert_eq!(
        Store::peek_settings(&dir).unwrap(),
        vec![("theme".to_string(), "light".to_string())]
    );
}
