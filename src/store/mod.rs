//! The bookmark store: one SQLite database in the data directory holding documents (by content
//! hash, with their last path and title), the reader's place in each, and passage bookmarks.
//! Opening: WAL mode, a busy timeout so several quire processes can write, the schema versioned
//! by `PRAGMA user_version` with forward migrations, and a damaged file moved aside (never
//! deleted) for a fresh start. Every change runs in its own transaction when it happens
//! (queries in [`records`], the library's in [`library`], pages kept for offline reading in
//! [`kept`]). Knows nothing of the screen or the model.

mod kept;
mod library;
mod records;

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension};

use crate::anchoring::{Position, SeenPages, TextQuote};
use crate::document::Anchor;

pub use kept::{Aside, KEPT_DIR, KeptCopy, Settled, kept_dir};
pub use library::{LibraryRecord, ReadingFacts};
pub use records::{DocumentRecord, Lookup};

/// The path a document is keyed by: absolute when it can be, so `./a.txt` and `/x/a.txt` agree.
pub fn path_key(path: &Path) -> String {
    std::fs::canonicalize(path)
        .unwrap_or_else(|_| PathBuf::from(path))
        .display()
        .to_string()
}

/// The database's file name inside the data directory.
pub const DB_FILE: &str = "bookmarks.sqlite3";
/// How long a write waits for another process's write to finish before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a look into the store before the first frame pauses between tries when it finds
/// the store busy. The usual cause is the other thread's look at the same moment, rebuilding
/// the log's index (a tenth of a millisecond or two): SQLite's own waiting sleeps a whole
/// millisecond first, which one reopening in twenty spent before its first frame.
const PEEK_PAUSE: Duration = Duration::from_micros(50);

/// SQLite's busy handler for a look before the first frame: a short pause per try, and no
/// longer in all than a write would wait.
fn peek_busy(tries: i32) -> bool {
    let waited = PEEK_PAUSE.saturating_mul(u32::try_from(tries).unwrap_or(0));
    if waited >= BUSY_TIMEOUT {
        return false;
    }
    std::thread::sleep(PEEK_PAUSE);
    true
}

/// Forward migrations: entry `n` upgrades a database at version `n` to `n + 1`.
const MIGRATIONS: &[&str] = &[
    // 0 → 1: the first schema.
    "CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        hash TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        last_path TEXT,
        seen_at INTEGER NOT NULL
    );
    CREATE INDEX documents_by_path ON documents(last_path);
    CREATE TABLE positions (
        document INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        block INTEGER NOT NULL,
        byte INTEGER NOT NULL,
        exact TEXT NOT NULL,
        prefix TEXT NOT NULL,
        suffix TEXT NOT NULL,
        saved_at INTEGER NOT NULL
    );
    CREATE TABLE bookmarks (
        uid TEXT PRIMARY KEY,
        document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start_block INTEGER NOT NULL,
        start_byte INTEGER NOT NULL,
        end_block INTEGER NOT NULL,
        end_byte INTEGER NOT NULL,
        exact TEXT NOT NULL,
        prefix TEXT NOT NULL,
        suffix TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        section TEXT NOT NULL DEFAULT '',
        orphaned INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL
    );
    CREATE INDEX bookmarks_by_document ON bookmarks(document, start_block, start_byte);",
    // 1 → 2: what the reader chose for every document (the reading width, the sidebar).
    "CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        saved_at INTEGER NOT NULL
    );",
    // 2 → 3: the library. What a document is (author, format), how far the reader got, when it
    // was last read (the later of its last opening and its last saved place, for the documents
    // already known), and whether the reader asked to forget it (its bookmarks are kept).
    "ALTER TABLE documents ADD COLUMN author TEXT NOT NULL DEFAULT '';
    ALTER TABLE documents ADD COLUMN format TEXT NOT NULL DEFAULT '';
    ALTER TABLE documents ADD COLUMN progress INTEGER;
    ALTER TABLE documents ADD COLUMN read_at INTEGER;
    ALTER TABLE documents ADD COLUMN forgotten INTEGER NOT NULL DEFAULT 0;
    UPDATE documents SET read_at = MAX(seen_at, COALESCE(
        (SELECT saved_at FROM positions WHERE positions.document = documents.id), 0));
    CREATE INDEX documents_by_read_at ON documents(read_at);",
    // 3 → 4: pages kept for reading offline (the bytes are files named by their hash).
    "CREATE TABLE kept (
        url TEXT PRIMARY KEY,
        hash TEXT NOT NULL,
        content_type TEXT NOT NULL DEFAULT '',
        fetched_at INTEGER NOT NULL
    );",
    // 4 → 5: the source line of the saved place's paragraph and where a line shortly before it
    // begins in the file, for reopening a long plain text there before the whole is read
    // (unknown for places saved before).
    "ALTER TABLE positions ADD COLUMN line INTEGER;
    ALTER TABLE positions ADD COLUMN mark_line INTEGER;
    ALTER TABLE positions ADD COLUMN mark_byte INTEGER;",
    // 5 → 6: the page number and page count shown at the saved place, with the file and the
    // layout they were for, so a reopening at the same size can show them at once.
    "ALTER TABLE positions ADD COLUMN pages TEXT;",
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot create the data directory {}: {reason}", shown(.dir))]
    Directory { dir: PathBuf, reason: String },
    #[error("the bookmark database is damaged ({0})")]
    Damaged(String),
    #[error(
        "the bookmark database was written by a newer quire (schema {0}, this one knows {SCHEMA_VERSION})"
    )]
    TooNew(i64),
    #[error("cannot move the damaged bookmark database aside: {0}")]
    Quarantine(String),
    #[error("cannot keep a copy of the page: {0}")]
    Keep(String),
    #[error("{0}")]
    Sql(#[from] rusqlite::Error),
}

/// The first line of an integrity report, and how many more it had: one line for a message.
fn first_problem(report: &str) -> String {
    let mut lines = report.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next().unwrap_or("unknown damage").to_string();
    match lines.count() {
        0 => first,
        more => format!("{first}; and {more} more problems"),
    }
}

impl StoreError {
    /// True for errors that mean the store cannot be written here (a read-only directory, file
    /// or file system), as opposed to a damaged or busy one.
    fn is_read_only(&self) -> bool {
        match self {
            StoreError::Sql(e) => matches!(
                e.sqlite_error_code(),
                Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied)
            ),
            _ => false,
        }
    }

    /// True for errors that mean the file is not a usable database (as opposed to busy, full,
    /// read-only): those are moved aside.
    pub fn is_damage(&self) -> bool {
        match self {
            StoreError::Damaged(_) => true,
            StoreError::Sql(e) => {
                matches!(
                    e.sqlite_error_code(),
                    Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt)
                )
            }
            _ => false,
        }
    }
}

/// An open store.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// A store and what happened while opening it.
#[derive(Debug)]
pub struct Opened {
    pub store: Store,
    /// Set when a damaged database was moved aside: says why and where it went.
    pub notice: Option<String>,
}

/// Where quire keeps its data: `dir` when given (`--data-dir`), else `QUIRE_DATA_DIR`, else the
/// platform's data directory (`$XDG_DATA_HOME/quire` on Linux).
pub fn data_dir(explicit: Option<&Path>, env_value: Option<&std::ffi::OsStr>) -> Option<PathBuf> {
    if let Some(dir) = explicit {
        return Some(dir.to_path_buf());
    }
    if let Some(dir) = env_value.filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "quire").map(|dirs| dirs.data_dir().to_path_buf())
}

/// A path as it may be printed in a one-line message.
fn shown(path: &Path) -> String {
    crate::document::sanitize::visible_line(&path.display().to_string())
}

impl Store {
    /// Open (creating if needed) the store in `dir`. A file that is not a database or is
    /// corrupt is renamed to `bookmarks.sqlite3.damaged-<UTC time>` and a fresh store started;
    /// an empty (0-byte) file is said to have been found empty. A store that cannot be
    /// written (a read-only directory or file) is opened read-only, so its bookmarks can still
    /// be read and exported; writes to it fail and say so.
    pub fn open(dir: &Path) -> Result<Opened, StoreError> {
        let path = dir.join(DB_FILE);
        if let Err(e) = std::fs::create_dir_all(dir) {
            let error = StoreError::Directory {
                dir: dir.to_path_buf(),
                reason: os_reason(&e),
            };
            return Store::open_read_only(&path).ok_or(error);
        }
        let was_empty = std::fs::metadata(&path).is_ok_and(|m| m.is_file() && m.len() == 0);
        match Store::open_file(&path, !closed_cleanly(&path)) {
            Ok(store) => Ok(Opened {
                store,
                notice: was_empty.then(|| {
                    "the bookmark database was an empty file (0 bytes): no bookmarks were in it; \
                     started it afresh"
                        .to_string()
                }),
            }),
            Err(err) if err.is_damage() => Store::afresh(&path, &err),
            Err(err) if err.is_read_only() => Store::open_read_only(&path).ok_or(err),
            Err(err) => Err(err),
        }
    }

    /// The store at `path` for reading only, when there is one: no journal, no checks, no
    /// migrations, nothing written (not even the shared-memory file a WAL reader would make).
    fn open_read_only(path: &Path) -> Option<Opened> {
        if !path.is_file() {
            return None;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let uri = format!("file:{}?immutable=1", path.display());
        let conn = Connection::open_with_flags(uri, flags).ok()?;
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |row| row.get(0))
            .ok()?;
        if version != SCHEMA_VERSION {
            return None;
        }
        Some(Opened {
            store: Store {
                conn,
                path: path.to_path_buf(),
            },
            notice: Some(
                "the bookmark store is read-only: bookmarks can be read, not saved".to_string(),
            ),
        })
    }

    /// A damaged store (`err` says how) moved aside and a fresh one started in its place.
    fn afresh(path: &Path, err: &StoreError) -> Result<Opened, StoreError> {
        let moved = quarantine(path)?;
        let store = Store::open_file(path, false)?;
        // SQLite's own words ("database disk image is malformed") said as damage.
        let damage = match err {
            StoreError::Damaged(_) => err.to_string(),
            other => StoreError::Damaged(other.to_string()).to_string(),
        };
        let notice = format!(
            "{damage}: old bookmarks unavailable; moved it to {} and started a new one",
            shown(&moved)
        );
        Ok(Opened {
            store,
            notice: Some(notice),
        })
    }

    /// This store found damaged by `err` (a read met a page that is not what it should be):
    /// closed, moved aside, and a fresh one started in its place, as [`Store::open`] does with
    /// damage found on opening.
    pub fn start_afresh(self, err: &StoreError) -> Result<Opened, StoreError> {
        let Store { conn, path } = self;
        // The connection lets go of the file (and its log) before it is moved.
        drop(conn);
        Store::afresh(&path, err)
    }

    /// `check`: read every page for damage first (`PRAGMA quick_check`), which takes time
    /// in proportion to the store (4–5 ms for 2,000 documents and 10,000 bookmarks), before the
    /// first page of a small document. It is asked for only when the last session did not
    /// close the store (see [`closed_cleanly`]); otherwise damage shows itself when a read meets
    /// it, and is handled the same way then ([`Store::start_afresh`]).
    fn open_file(path: &Path, check: bool) -> Result<Store, StoreError> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // The first statement that reads the file is where a non-database shows itself.
        let mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |row| row.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Damaged(format!("journal mode stayed {mode}")));
        }
        conn.pragma_update(None, "foreign_keys", true)?;
        // WAL with synchronous=FULL: a save that returned survives power loss, not only a crash.
        conn.pragma_update(None, "synchronous", "FULL")?;
        if check {
            let report: String = conn.query_row("PRAGMA quick_check", [], |row| row.get(0))?;
            if report != "ok" {
                return Err(StoreError::Damaged(first_problem(&report)));
            }
        }
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
        };
        store.migrate()?;
        Ok(store)
    }

    /// Run `bookkeeping` without waiting for the disk: what an open records (that the
    /// document was seen and read, under which path and title) is written, but not flushed to
    /// the disk before the first page can be shown; a flush waits for the disk, several
    /// milliseconds on a spinning one. The write-ahead log keeps the order of writes, so
    /// the next flush (the next bookmark or place saved, or the log's checkpoint) makes
    /// these durable with it; a crash of quire loses none of them, and a power cut can
    /// lose only these, never anything saved after them. Bookmarks and places are never
    /// written this way.
    ///
    /// `synchronous=NORMAL` is not enough for that: a log started afresh (as it is after
    /// every session, when the last connection folds it into the database) has its header
    /// flushed, and the folder holding it, two waits for the disk at every open. `OFF`
    /// flushes nothing. The log is not folded into the database meanwhile (no automatic
    /// checkpoint): a checkpoint with nothing flushed could leave the database half written
    /// by a power cut. The next flush of the log, under `FULL`, takes its header and its
    /// folder with it.
    pub fn without_flush<T>(
        &mut self,
        bookkeeping: impl FnOnce(&mut Store) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let checkpoint_every: i64 =
            self.conn
                .query_row("PRAGMA wal_autocheckpoint", [], |row| row.get(0))?;
        self.conn.pragma_update(None, "wal_autocheckpoint", 0)?;
        let unflushed = self.conn.pragma_update(None, "synchronous", "OFF");
        let done = unflushed
            .map_err(StoreError::from)
            .and_then(|()| bookkeeping(self));
        let restored = self
            .conn
            .pragma_update(None, "synchronous", "FULL")
            .and_then(|()| {
                self.conn
                    .pragma_update(None, "wal_autocheckpoint", checkpoint_every)
            });
        let value = done?;
        restored?;
        Ok(value)
    }

    /// Bring the schema up to [`SCHEMA_VERSION`], one migration per transaction.
    fn migrate(&mut self) -> Result<(), StoreError> {
        loop {
            let tx = self
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let version: i64 = tx.query_row("PRAGMA user_version", [], |row| row.get(0))?;
            if version > SCHEMA_VERSION {
                return Err(StoreError::TooNew(version));
            }
            let Some(step) = usize::try_from(version)
                .ok()
                .and_then(|v| MIGRATIONS.get(v))
            else {
                return Ok(());
            };
            tx.execute_batch(step)?;
            tx.pragma_update(None, "user_version", version + 1)?;
            tx.commit()?;
        }
    }

    /// The store in `dir` opened for a look before the first frame, and its schema version:
    /// read-only, nothing checked or migrated, a busy store waited out in short pauses
    /// ([`peek_busy`]). `None` when there is no store yet.
    fn peek(dir: &Path) -> Result<Option<(Connection, i64)>, StoreError> {
        let file = dir.join(DB_FILE);
        if !file.exists() {
            return Ok(None);
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        // A store closed cleanly has everything in its one file, and no session has it open
        // for writing now (a session's first read makes the log). Read as a file that does
        // not change, it is looked at without a lock, a log or the log's index: making and
        // sizing those two files was most of a look's cost. Should a session start writing
        // meanwhile, its writes go to a log of its own, and the look can at worst meet a page
        // being folded back in: an error, which a look answers like a store it cannot read.
        let conn = match immutable_uri(&file).filter(|_| closed_cleanly(&file)) {
            Some(uri) => Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)?,
            None => Connection::open_with_flags(&file, flags)?,
        };
        conn.busy_handler(Some(peek_busy))?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
        Ok(Some((conn, version)))
    }

    /// Where the reader left the document last opened from `path`, looked up read-only in the
    /// store in `dir` without opening it for writing (no checks, no migrations): quick enough
    /// to ask before the text is structured whether opening will jump into it, and where.
    /// `None` when there is no such place; an error when the store could not be read.
    pub fn peek_place_by_path(dir: &Path, path: &str) -> Result<Option<Position>, StoreError> {
        let Some((conn, version)) = Store::peek(dir)? else {
            return Ok(None);
        };
        // A store from before the line was kept has no such column; its place is all the
        // same a place.
        let lines = if version >= 5 {
            "p.line, p.mark_line, p.mark_byte"
        } else {
            "NULL, NULL, NULL"
        };
        let pages = if version >= 6 { "p.pages" } else { "NULL" };
        let place = conn
            .query_row(
                &format!(
                    "SELECT p.block, p.byte, p.exact, p.prefix, p.suffix, {lines}, {pages}
                     FROM documents d JOIN positions p ON p.document = d.id
                     WHERE d.last_path = ?1 ORDER BY d.seen_at DESC LIMIT 1"
                ),
                [path],
                |row| {
                    Ok(Position {
                        anchor: Anchor::new(
                            records::to_usize(row.get(0)?),
                            records::to_usize(row.get(1)?),
                        ),
                        quote: TextQuote {
                            exact: row.get(2)?,
                            prefix: row.get(3)?,
                            suffix: row.get(4)?,
                        },
                        line: row.get::<_, Option<i64>>(5)?.map(records::to_usize),
                        mark: records::line_mark(row.get(6)?, row.get(7)?),
                        pages: row
                            .get::<_, Option<String>>(8)?
                            .as_deref()
                            .and_then(SeenPages::from_stored),
                    })
                },
            )
            .optional()?;
        Ok(place)
    }

    /// What the reader chose last for every document, looked up read-only in the store in
    /// `dir` (as [`Store::peek_place_by_path`] does): key and value pairs.
    pub fn peek_settings(dir: &Path) -> Result<Vec<(String, String)>, StoreError> {
        let Some((conn, version)) = Store::peek(dir)? else {
            return Ok(Vec::new());
        };
        if version < 2 {
            return Ok(Vec::new());
        }
        let mut statement = conn.prepare("SELECT key, value FROM settings ORDER BY key")?;
        let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Remember a choice the reader made for every document; `None` forgets it.
    pub fn remember(&mut self, key: &str, value: Option<&str>) -> Result<(), StoreError> {
        match value {
            Some(value) => self.conn.execute(
                "INSERT INTO settings (key, value, saved_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value, saved_at = excluded.saved_at",
                rusqlite::params![key, value, now()],
            )?,
            None => self
                .conn
                .execute("DELETE FROM settings WHERE key = ?1", [key])?,
        };
        Ok(())
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// `file` as an SQLite URI that opens it as a file no one changes (`immutable=1`), or `None`
/// for a path that is not Unicode. The characters a URI gives a meaning to are escaped.
fn immutable_uri(file: &Path) -> Option<String> {
    let path = file.to_str()?;
    let mut uri = String::with_capacity(path.len() + 20);
    uri.push_str("file:");
    for c in path.chars() {
        match c {
            '%' => uri.push_str("%25"),
            '?' => uri.push_str("%3f"),
            '#' => uri.push_str("%23"),
            c => uri.push(c),
        }
    }
    uri.push_str("?immutable=1");
    Some(uri)
}

/// True when the store at `path` was closed by the last connection to it: then its
/// write-ahead log was folded into it and removed. A log left with something in it means a
/// session ended without closing it (a crash, a power cut, a kill), which is when damage is
/// worth looking for before anything is read; or that another session has it open now, when
/// looking costs only the time.
fn closed_cleanly(path: &Path) -> bool {
    let log = PathBuf::from(format!("{}-wal", path.display()));
    std::fs::metadata(log).map_or(true, |m| m.len() == 0)
}

/// Rename a damaged database (and its WAL/shared-memory files) aside with a timestamp.
fn quarantine(path: &Path) -> Result<PathBuf, StoreError> {
    let stamp = utc_stamp(SystemTime::now());
    let mut target = path.with_file_name(format!("{DB_FILE}.damaged-{stamp}"));
    let mut n = 1;
    while target.exists() {
        target = path.with_file_name(format!("{DB_FILE}.damaged-{stamp}-{n}"));
        n += 1;
    }
    std::fs::rename(path, &target).map_err(|e| StoreError::Quarantine(e.to_string()))?;
    for extra in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{extra}", path.display()));
        if side.exists() {
            let moved = PathBuf::from(format!("{}{extra}", target.display()));
            std::fs::rename(&side, moved).map_err(|e| StoreError::Quarantine(e.to_string()))?;
        }
    }
    Ok(target)
}

/// `YYYYMMDDTHHMMSSZ` in UTC, for file names (no clock crate needed for one format).
pub fn utc_stamp(time: SystemTime) -> String {
    let secs = time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs()) as i64;
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Civil-from-days (Howard Hinnant's algorithm), for the proleptic Gregorian calendar.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// The OS's wording of an I/O error, without Rust's " (os error N)" suffix.
fn os_reason(err: &std::io::Error) -> String {
    let text = err.to_string();
    text.find(" (os error")
        .map_or(text.clone(), |cut| text[..cut].to_string())
}

/// Seconds since the Unix epoch, for `created_at` and `seen_at`.
pub fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

#[cfg(test)]
mod tests;
