//! Kept copies, so a text read once can be read again: the bytes of a page fetched from the
//! web, or of a text read from standard input, in a file named by their SHA-256 under `kept/`
//! in the data directory (the same bytes kept twice are one file), and in the database each
//! address with the copy it was last kept as, when, and what the server said it was. A text
//! read from standard input has no address: it is kept under `stdin:` and the hash of its
//! document (the hash the store knows the document by), which no web address can be. quire
//! never deletes a kept copy.

use std::path::{Path, PathBuf};

use rusqlite::{OptionalExtension, params};
use sha2::{Digest, Sha256};

use super::{Store, StoreError, now};

/// The folder of kept copies inside the data directory.
pub const KEPT_DIR: &str = "kept";
/// What the address of a text read from standard input starts with.
const STDIN_ADDRESS: &str = "stdin:";

/// A page (or a text from standard input) kept for reading again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptCopy {
    pub url: String,
    /// The file holding the bytes as fetched.
    pub file: PathBuf,
    /// When it was fetched, in seconds since the Unix epoch.
    pub fetched_at: i64,
    /// The content type the server gave ("" when it gave none).
    pub content_type: String,
}

/// The folder of kept copies in the data directory `data_dir`.
pub fn kept_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(KEPT_DIR)
}

/// Bytes written into the folder of kept copies under a name of their own: not a kept copy
/// until [`Aside::settle`] names the file by its hash. Dropped unsettled (the text could not
/// be read after all), the file is removed: it was never a copy anyone kept.
#[derive(Debug)]
pub struct Aside {
    aside: PathBuf,
    file: PathBuf,
    hash: String,
    settled: bool,
}

/// A copy settled in the folder of kept copies: its file and the hash that names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settled {
    pub file: PathBuf,
    pub hash: String,
}

impl Aside {
    /// Write `bytes` aside in `dir` (the folder of kept copies, made if needed).
    pub fn write(dir: &Path, bytes: &[u8]) -> Result<Aside, StoreError> {
        let hash: String = Sha256::digest(bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let file = dir.join(&hash);
        let aside = dir.join(format!(".{hash}.{}", std::process::id()));
        let mut written = Aside {
            aside,
            file,
            hash,
            settled: false,
        };
        if written.file.is_file() {
            // The same bytes are kept already: nothing to write.
            written.settled = true;
            return Ok(written);
        }
        std::fs::create_dir_all(dir).map_err(keep_error)?;
        std::fs::write(&written.aside, bytes).map_err(keep_error)?;
        Ok(written)
    }

    /// Make it a kept copy: the file renamed to its hash, so a copy is whole or absent.
    pub fn settle(mut self) -> Result<Settled, StoreError> {
        if !self.settled {
            std::fs::rename(&self.aside, &self.file).map_err(keep_error)?;
            self.settled = true;
        }
        Ok(Settled {
            file: self.file.clone(),
            hash: self.hash.clone(),
        })
    }
}

impl Drop for Aside {
    fn drop(&mut self) {
        if !self.settled {
            let _ = std::fs::remove_file(&self.aside);
        }
    }
}

fn keep_error(e: std::io::Error) -> StoreError {
    StoreError::Keep(super::os_reason(&e))
}

impl Store {
    fn kept_dir(&self) -> PathBuf {
        self.path
            .parent()
            .map_or_else(|| PathBuf::from(KEPT_DIR), kept_dir)
    }

    /// Keep `bytes` fetched from `url` now: the file first (written aside, then renamed, so
    /// a copy is whole or absent), then its record.
    pub fn keep(
        &mut self,
        url: &str,
        bytes: &[u8],
        content_type: &str,
    ) -> Result<KeptCopy, StoreError> {
        let settled = Aside::write(&self.kept_dir(), bytes)?.settle()?;
        self.record_copy(url, &settled, content_type)
    }

    /// Record `copy` as the text read from standard input whose document has the hash
    /// `content_hash`, so the library can open it again.
    pub fn keep_stdin(
        &mut self,
        content_hash: &str,
        copy: &Settled,
    ) -> Result<KeptCopy, StoreError> {
        self.record_copy(&format!("{STDIN_ADDRESS}{content_hash}"), copy, "")
    }

    /// The copy kept of the text read from standard input whose document has the hash
    /// `content_hash`, when there is one whose file is still there.
    pub fn kept_stdin(&self, content_hash: &str) -> Result<Option<KeptCopy>, StoreError> {
        self.kept(&format!("{STDIN_ADDRESS}{content_hash}"))
    }

    fn record_copy(
        &mut self,
        address: &str,
        copy: &Settled,
        content_type: &str,
    ) -> Result<KeptCopy, StoreError> {
        let fetched_at = now();
        self.conn.execute(
            "INSERT INTO kept (url, hash, content_type, fetched_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(url) DO UPDATE SET hash = ?2, content_type = ?3, fetched_at = ?4",
            params![address, copy.hash, content_type, fetched_at],
        )?;
        Ok(KeptCopy {
            url: address.to_string(),
            file: copy.file.clone(),
            fetched_at,
            content_type: content_type.to_string(),
        })
    }

    /// The copy kept of `url`, when there is one whose file is still there.
    pub fn kept(&self, url: &str) -> Result<Option<KeptCopy>, StoreError> {
        let found = self
            .conn
            .query_row(
                "SELECT hash, content_type, fetched_at FROM kept WHERE url = ?1",
                [url],
                |row| {
                    Ok((
                        row.get::<_, String>(0)?,
                        row.get::<_, String>(1)?,
                        row.get::<_, i64>(2)?,
                    ))
                },
            )
            .optional()?;
        let dir = self.kept_dir();
        Ok(found
            .map(|(hash, content_type, fetched_at)| KeptCopy {
                url: url.to_string(),
                file: dir.join(hash),
                fetched_at,
                content_type,
            })
            .filter(|copy| copy.file.is_file()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_page_is_found_by_its_address_and_stored_once_by_content() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap().store;
        assert!(store.kept("http://a/").unwrap().is_none());
        let first = store
            .keep("http://a/", b"<p>page</p>", "text/html")
            .unwrap();
        let again = store
            .keep("http://b/", b"<p>page</p>", "text/html")
            .unwrap();
        assert_eq!(first.file, again.file);
        assert_eq!(std::fs::read(&first.file).unwrap(), b"<p>page</p>");
        let found = store.kept("http://a/").unwrap().unwrap();
        assert_eq!(found.content_type, "text/html");
        // Fetched again with new content: the address now names the new copy; the old stays.
        let newer = store.keep("http://a/", b"<p>new</p>", "text/html").unwrap();
        assert_eq!(store.kept("http://a/").unwrap().unwrap().file, newer.file);
        assert!(first.file.is_file());
    }

    #[test]
    fn a_text_from_standard_input_is_kept_under_its_document_hash() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap().store;
        let aside = Aside::write(&kept_dir(dir.path()), b"Piped words\n").unwrap();
        // Not a kept copy until settled: only the file aside is there.
        assert_eq!(std::fs::read_dir(kept_dir(dir.path())).unwrap().count(), 1);
        let settled = aside.settle().unwrap();
        assert_eq!(std::fs::read(&settled.file).unwrap(), b"Piped words\n");
        assert!(store.kept_stdin("doc-hash").unwrap().is_none());
        store.keep_stdin("doc-hash", &settled).unwrap();
        let found = store.kept_stdin("doc-hash").unwrap().unwrap();
        assert_eq!(found.file, settled.file);
        // No web address can name it.
        assert!(store.kept("doc-hash").unwrap().is_none());
        assert_eq!(std::fs::read_dir(kept_dir(dir.path())).unwrap().count(), 1);
    }

    #[test]
    fn bytes_set_aside_and_never_settled_leave_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let kept = kept_dir(dir.path());
        drop(Aside::write(&kept, b"a text that could not be read").unwrap());
        assert_eq!(std::fs::read_dir(&kept).unwrap().count(), 0);
        // Bytes kept already are not written again, and dropping them removes nothing.
        let settled = Aside::write(&kept, b"kept").unwrap().settle().unwrap();
        drop(Aside::write(&kept, b"kept").unwrap());
        assert!(settled.file.is_file());
    }
}
