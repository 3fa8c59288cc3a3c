//! The store's queries: documents by content hash or last path, the reader's place, and
//! bookmarks. Each change is one transaction, begun IMMEDIATE so two processes queue on the
//! busy timeout instead of failing on a lock upgrade.

use rusqlite::{OptionalExtension, Row, TransactionBehavior, params};

use super::{Store, StoreError, now};
use crate::anchoring::{Bookmark, LineMark, Position, SeenPages, Span, TextQuote};
use crate::document::Anchor;

/// A document the store knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentRecord {
    pub id: i64,
    pub hash: String,
    pub title: String,
    pub last_path: Option<String>,
}

/// What looking a document up found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// Known by its content.
    Same(DocumentRecord),
    /// Not known by content, but its path was: the file changed since. The record still has the
    /// old hash; re-attach its bookmarks, then call [`Store::adopt_content`].
    Changed(DocumentRecord),
    /// Never seen: a new record was made.
    New(DocumentRecord),
}

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

pub(super) fn to_usize(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}

/// A line mark as the positions table keeps it (both columns or neither).
pub(super) fn line_mark(line: Option<i64>, byte: Option<i64>) -> Option<LineMark> {
    Some(LineMark {
        line: to_usize(line?),
        byte: u64::try_from(byte?).ok()?,
    })
}

fn document_from(row: &Row<'_>) -> rusqlite::Result<DocumentRecord> {
    Ok(DocumentRecord {
        id: row.get(0)?,
        hash: row.get(1)?,
        title: row.get(2)?,
        last_path: row.get(3)?,
    })
}

const BOOKMARK_COLUMNS: &str = "uid, start_block, start_byte, end_block, end_byte, exact, prefix, suffix, note, section, orphaned, created_at";

fn bookmark_from(row: &Row<'_>) -> rusqlite::Result<Bookmark> {
    Ok(Bookmark {
        uid: row.get(0)?,
        span: Span {
            start: Anchor::new(to_usize(row.get(1)?), to_usize(row.get(2)?)),
            end: Anchor::new(to_usize(row.get(3)?), to_usize(row.get(4)?)),
        },
        quote: TextQuote {
            exact: row.get(5)?,
            prefix: row.get(6)?,
            suffix: row.get(7)?,
        },
        note: row.get(8)?,
        section: row.get(9)?,
        orphaned: row.get(10)?,
        created: row.get(11)?,
    })
}

impl Store {
    fn write<T>(
        &mut self,
        change: impl FnOnce(&rusqlite::Transaction<'_>) -> rusqlite::Result<T>,
    ) -> Result<T, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = change(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Find the document by content hash, else by its last path; make a record when neither
    /// is known. The path and title are refreshed for listing.
    pub fn lookup_document(
        &mut self,
        hash: &str,
        path: Option<&str>,
        title: &str,
    ) -> Result<Lookup, StoreError> {
        self.write(|tx| {
            let by_hash = tx
                .query_row("SELECT id, hash, title, last_path FROM documents WHERE hash = ?1", [hash], document_from)
                .optional()?;
            if let Some(mut record) = by_hash {
                let path = path.map(str::to_string).or(record.last_path.take());
                tx.execute(
                    "UPDATE documents SET title = ?1, last_path = ?2, seen_at = ?3 WHERE id = ?4",
                    params![title, path, now(), record.id],
                )?;
                record.title = title.to_string();
                record.last_path = path;
                return Ok(Lookup::Same(record));
            }
            if let Some(path) = path {
                let by_path = tx
                    .query_row(
                        "SELECT id, hash, title, last_path FROM documents WHERE last_path = ?1 ORDER BY seen_at DESC LIMIT 1",
                        [path],
                        document_from,
                    )
                    .optional()?;
                if let Some(record) = by_path {
                    return Ok(Lookup::Changed(record));
                }
            }
            tx.execute(
                "INSERT INTO documents (hash, title, last_path, seen_at) VALUES (?1, ?2, ?3, ?4)",
                params![hash, title, path, now()],
            )?;
            Ok(Lookup::New(DocumentRecord {
                id: tx.last_insert_rowid(),
                hash: hash.to_string(),
                title: title.to_string(),
                last_path: path.map(str::to_string),
            }))
        })
    }

    /// After a changed document's bookmarks were re-attached: record its new content hash, title
    /// and the bookmarks' new places (and orphan flags) in one transaction.
    pub fn adopt_content(
        &mut self,
        document: i64,
        hash: &str,
        title: &str,
        bookmarks: &[Bookmark],
    ) -> Result<(), StoreError> {
        self.write(|tx| {
            tx.execute(
                "UPDATE documents SET hash = ?1, title = ?2, seen_at = ?3 WHERE id = ?4",
                params![hash, title, now(), document],
            )?;
            for b in bookmarks {
                upsert_bookmark(tx, document, b)?;
            }
            Ok(())
        })
    }

    pub fn documents(&self) -> Result<Vec<DocumentRecord>, StoreError> {
        let mut statement = self.conn.prepare(
            "SELECT id, hash, title, last_path FROM documents ORDER BY seen_at DESC, id",
        )?;
        let rows = statement.query_map([], document_from)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A document's bookmarks in reading order; orphaned ones last.
    pub fn bookmarks(&self, document: i64) -> Result<Vec<Bookmark>, StoreError> {
        let sql = format!(
            "SELECT {BOOKMARK_COLUMNS} FROM bookmarks WHERE document = ?1 ORDER BY orphaned, start_block, start_byte, created_at"
        );
        let mut statement = self.conn.prepare(&sql)?;
        let rows = statement.query_map([document], bookmark_from)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Add a bookmark (or put a deleted one back: the uid is kept). Returns its creation time.
    pub fn add_bookmark(&mut self, document: i64, bookmark: &Bookmark) -> Result<i64, StoreError> {
        self.write(|tx| upsert_bookmark(tx, document, bookmark))
    }

    pub fn delete_bookmark(&mut self, uid: &str) -> Result<(), StoreError> {
        self.write(|tx| {
            tx.execute("DELETE FROM bookmarks WHERE uid = ?1", [uid])
                .map(drop)
        })
    }

    pub fn set_note(&mut self, uid: &str, note: &str) -> Result<(), StoreError> {
        self.write(|tx| {
            tx.execute("UPDATE bookmarks SET note = ?1 WHERE uid = ?2", [note, uid])
                .map(drop)
        })
    }

    /// Write the reader's place in `document`, and how far through it that is (in percent,
    /// when known; an unknown share keeps the one written before). Both say it was read now.
    pub fn save_position(
        &mut self,
        document: i64,
        position: &Position,
        progress: Option<u8>,
    ) -> Result<(), StoreError> {
        self.write(|tx| {
            tx.execute(
                "UPDATE documents SET progress = COALESCE(?1, progress), read_at = ?2 WHERE id = ?3",
                params![progress, now(), document],
            )?;
            tx.execute(
                "INSERT INTO positions (document, block, byte, exact, prefix, suffix, saved_at, line,
                    mark_line, mark_byte, pages)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                 ON CONFLICT(document) DO UPDATE SET block = ?2, byte = ?3, exact = ?4, prefix = ?5,
                 suffix = ?6, saved_at = ?7, line = ?8, mark_line = ?9, mark_byte = ?10,
                 pages = ?11",
                params![
                    document,
                    to_i64(position.anchor.block),
                    to_i64(position.anchor.byte),
                    position.quote.exact,
                    position.quote.prefix,
                    position.quote.suffix,
                    now(),
                    position.line.map(to_i64),
                    position.mark.map(|mark| to_i64(mark.line)),
                    position.mark.map(|mark| i64::try_from(mark.byte).unwrap_or(i64::MAX)),
                    position.pages.as_ref().map(SeenPages::to_stored)
                ],
            )
            .map(drop)
        })
    }

    pub fn position(&self, document: i64) -> Result<Option<Position>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT block, byte, exact, prefix, suffix, line, mark_line, mark_byte, pages
                 FROM positions WHERE document = ?1",
                [document],
                |row| {
                    Ok(Position {
                        anchor: Anchor::new(to_usize(row.get(0)?), to_usize(row.get(1)?)),
                        quote: TextQuote {
                            exact: row.get(2)?,
                            prefix: row.get(3)?,
                            suffix: row.get(4)?,
                        },
                        line: row.get::<_, Option<i64>>(5)?.map(to_usize),
                        mark: line_mark(row.get(6)?, row.get(7)?),
                        pages: row
                            .get::<_, Option<String>>(8)?
                            .as_deref()
                            .and_then(SeenPages::from_stored),
                    })
                },
            )
            .optional()?)
    }

    /// Find or make a document record by hash, for importing an export.
    pub fn ensure_document(
        &mut self,
        hash: &str,
        title: &str,
        path: Option<&str>,
    ) -> Result<i64, StoreError> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO documents (hash, title, last_path, seen_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(hash) DO NOTHING",
                params![hash, title, path, now()],
            )?;
            tx.query_row("SELECT id FROM documents WHERE hash = ?1", [hash], |row| {
                row.get(0)
            })
        })
    }

    /// Add bookmarks that are not there yet (by uid); returns how many were new.
    pub fn import_bookmarks(
        &mut self,
        document: i64,
        bookmarks: &[Bookmark],
    ) -> Result<usize, StoreError> {
        self.write(|tx| {
            let mut added = 0;
            for b in bookmarks {
                let exists: bool = tx.query_row(
                    "SELECT EXISTS(SELECT 1 FROM bookmarks WHERE uid = ?1)",
                    [&b.uid],
                    |row| row.get(0),
                )?;
                if !exists {
                    upsert_bookmark(tx, document, b)?;
                    added += 1;
                }
            }
            Ok(added)
        })
    }
}

fn upsert_bookmark(
    tx: &rusqlite::Transaction<'_>,
    document: i64,
    b: &Bookmark,
) -> rusqlite::Result<i64> {
    let created = if b.created > 0 { b.created } else { now() };
    tx.execute(
        "INSERT INTO bookmarks (uid, document, start_block, start_byte, end_block, end_byte, exact, prefix,
         suffix, note, section, orphaned, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
         ON CONFLICT(uid) DO UPDATE SET document = ?2, start_block = ?3, start_byte = ?4, end_block = ?5,
         end_byte = ?6, exact = ?7, prefix = ?8, suffix = ?9, note = ?10, section = ?11, orphaned = ?12",
        params![
            b.uid,
            document,
            to_i64(b.span.start.block),
            to_i64(b.span.start.byte),
            to_i64(b.span.end.block),
            to_i64(b.span.end.byte),
            b.quote.exact,
            b.quote.prefix,
            b.quote.suffix,
            b.note,
            b.section,
            b.orphaned,
            created
        ],
    )?;
    Ok(created)
}
