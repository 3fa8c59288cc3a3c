//! The library's queries: every document the reader has read, most recent first, with what it
//! is (title, author, format), where it was read from, how far the reader got, when it was last
//! read and how many bookmarks it has. Forgetting a document only hides it from the library:
//! its record, place and bookmarks stay (an export still has them), and reading it again brings
//! it back.

use rusqlite::{Row, params};

use super::records::to_usize;
use super::{Store, StoreError, now};

/// What a document is, noted each time it is opened for reading.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReadingFacts<'a> {
    /// Who wrote it, when the text says ("" when it does not).
    pub author: &'a str,
    /// The format it was read as (`txt`, `md`, `html`, `epub`).
    pub format: &'a str,
}

/// One document of the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryRecord {
    pub id: i64,
    pub hash: String,
    pub title: String,
    pub author: String,
    pub format: String,
    /// The file it was last read from; `None` for standard input and the bundled article.
    pub path: Option<String>,
    /// How far through the reader got, in percent; `None` when no place was saved with it.
    pub progress: Option<u8>,
    /// When it was last read, in seconds since the Unix epoch.
    pub read_at: i64,
    pub bookmarks: usize,
}

fn library_record(row: &Row<'_>) -> rusqlite::Result<LibraryRecord> {
    let progress: Option<i64> = row.get(6)?;
    Ok(LibraryRecord {
        id: row.get(0)?,
        hash: row.get(1)?,
        title: row.get(2)?,
        author: row.get(3)?,
        format: row.get(4)?,
        path: row.get(5)?,
        progress: progress.map(|p| u8::try_from(p.clamp(0, 100)).unwrap_or(0)),
        read_at: row.get(7)?,
        bookmarks: to_usize(row.get(8)?),
    })
}

impl Store {
    /// The document was opened to be read now: note what it is, and bring it back to the
    /// library if it had been forgotten.
    pub fn note_reading(
        &mut self,
        document: i64,
        facts: ReadingFacts<'_>,
    ) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE documents SET author = ?1, format = ?2, read_at = ?3, forgotten = 0
             WHERE id = ?4",
            params![facts.author, facts.format, now(), document],
        )?;
        Ok(())
    }

    /// Every document read and not forgotten, the most recently read first.
    pub fn library(&self) -> Result<Vec<LibraryRecord>, StoreError> {
        let mut statement = self.conn.prepare(
            "SELECT d.id, d.hash, d.title, d.author, d.format, d.last_path, d.progress, d.read_at,
                    (SELECT COUNT(*) FROM bookmarks b WHERE b.document = d.id)
             FROM documents d
             WHERE d.read_at IS NOT NULL AND d.forgotten = 0
             ORDER BY d.read_at DESC, d.id DESC",
        )?;
        let rows = statement.query_map([], library_record)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Take a document out of the library. Its bookmarks and place are kept.
    pub fn forget(&mut self, document: i64) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE documents SET forgotten = 1 WHERE id = ?1",
            [document],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    use super::super::{DB_FILE, MIGRATIONS, SCHEMA_VERSION};
    use super::*;
    use crate::anchoring::{Position, TextQuote};
    use crate::document::Anchor;

    fn place() -> Position {
        Position {
            anchor: Anchor::new(3, 0),
            quote: TextQuote {
                exact: "words".into(),
                prefix: String::new(),
                suffix: String::new(),
            },
            line: None,
            mark: None,
            pages: None,
        }
    }

    #[test]
    fn a_second_schema_store_is_migrated_into_a_library_losing_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let conn = Connection::open(dir.path().join(DB_FILE)).unwrap();
        conn.execute_batch(MIGRATIONS[0]).unwrap();
        conn.execute_batch(MIGRATIONS[1]).unwrap();
        conn.pragma_update(None, "user_version", 2).unwrap();
        conn.execute_batch(
            "INSERT INTO documents (id, hash, title, last_path, seen_at)
                VALUES (1, 'h1', 'Read and placed', '/books/a.txt', 100),
                       (2, 'h2', 'Opened once', NULL, 500);
             INSERT INTO positions (document, block, byte, exact, prefix, suffix, saved_at)
                VALUES (1, 7, 2, 'x', '', '', 900);
             INSERT INTO bookmarks (uid, document, start_block, start_byte, end_block, end_byte,
                exact, prefix, suffix, note, created_at)
                VALUES ('b1', 1, 7, 0, 7, 5, 'quote', '', '', 'a note', 50),
                       ('b2', 1, 8, 0, 8, 5, 'other', '', '', '', 60);
             INSERT INTO settings (key, value, saved_at) VALUES ('width', '60', 1);",
        )
        .unwrap();
        drop(conn);

        let store = Store::open(dir.path()).unwrap().store;
        let version: i64 = store
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, SCHEMA_VERSION);
        let library = store.library().unwrap();
        let titles: Vec<_> = library.iter().map(|r| r.title.as_str()).collect();
        // Last read: the later of the last opening and the last saved place.
        assert_eq!(titles, ["Read and placed", "Opened once"]);
        assert_eq!(library[0].read_at, 900);
        assert_eq!(library[0].bookmarks, 2);
        assert_eq!(library[0].path.as_deref(), Some("/books/a.txt"));
        assert_eq!(library[0].progress, None);
        assert_eq!(library[1].read_at, 500);
        assert_eq!(library[1].bookmarks, 0);
        // Nothing else was lost.
        let bookmarks = store.bookmarks(1).unwrap();
        assert_eq!(bookmarks.len(), 2);
        assert_eq!(bookmarks[0].note, "a note");
        assert_eq!(
            store.position(1).unwrap().unwrap().anchor,
            Anchor::new(7, 2)
        );
        assert_eq!(
            Store::peek_settings(dir.path()).unwrap(),
            vec![("width".to_string(), "60".to_string())]
        );
    }

    #[test]
    fn reading_notes_facts_and_progress_and_forgetting_keeps_bookmarks() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap().store;
        let id = store
            .ensure_document("h", "A Book", Some("/a.epub"))
            .unwrap();
        // Imported, never read: not in the library.
        assert!(store.library().unwrap().is_empty());
        let facts = ReadingFacts {
            author: "Ann Author",
            format: "epub",
        };
        store.note_reading(id, facts).unwrap();
        store.save_position(id, &place(), Some(42)).unwrap();
        // A place whose share is unknown (a preview) keeps the share known before.
        store.save_position(id, &place(), None).unwrap();
        let record = &store.library().unwrap()[0];
        assert_eq!(
            (
                record.author.as_str(),
                record.format.as_str(),
                record.progress
            ),
            ("Ann Author", "epub", Some(42))
        );

        let bookmark = crate::anchoring::Bookmark {
            uid: "u".into(),
            span: crate::anchoring::Span {
                start: Anchor::new(0, 0),
                end: Anchor::new(0, 3),
            },
            quote: place().quote,
            note: String::new(),
            section: String::new(),
            orphaned: false,
            created: 0,
        };
        store.add_bookmark(id, &bookmark).unwrap();
        store.forget(id).unwrap();
        assert!(store.library().unwrap().is_empty());
        assert_eq!(store.bookmarks(id).unwrap().len(), 1);
        // Reading it again brings it back.
        store.note_reading(id, facts).unwrap();
        assert_eq!(store.library().unwrap()[0].bookmarks, 1);
    }
}
