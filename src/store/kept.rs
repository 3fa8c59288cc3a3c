//! Kept copies of pages fetched from the web, so a page read once can be read again offline:
//! the bytes as fetched, in a file named by their SHA-256 under `kept/` in the data directory
//! (the same page fetched twice is one file), and in the database each address with the copy
//! it was last fetched as, when, and what the server said it was. quire never deletes a copy.

use std::path::PathBuf;

use rusqlite::{OptionalExtension, params};
use sha2::{Digest, Sha256};

use super::{Store, StoreError, now};

/// The folder of kept copies inside the data directory.
pub const KEPT_DIR: &str = "kept";

/// A page kept for reading offline.
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

impl Store {
    fn kept_dir(&self) -> PathBuf {
        self.path
            .parent()
            .map_or_else(|| PathBuf::from(KEPT_DIR), |dir| dir.join(KEPT_DIR))
    }

    /// Keep `bytes` fetched from `url` now: the file first (written aside, then renamed, so
    /// a copy is whole or absent), then its record.
    pub fn keep(
        &mut self,
        url: &str,
        bytes: &[u8],
        content_type: &str,
    ) -> Result<KeptCopy, StoreError> {
        let hash: String = Sha256::digest(bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let dir = self.kept_dir();
        let file = dir.join(&hash);
        let keep_error = |e: std::io::Error| StoreError::Keep(super::os_reason(&e));
        if !file.is_file() {
            std::fs::create_dir_all(&dir).map_err(keep_error)?;
            let aside = dir.join(format!(".{hash}.{}", std::process::id()));
            std::fs::write(&aside, bytes).map_err(keep_error)?;
            std::fs::rename(&aside, &file).map_err(keep_error)?;
        }
        let fetched_at = now();
        self.conn.execute(
            "INSERT INTO kept (url, hash, content_type, fetched_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(url) DO UPDATE SET hash = ?2, content_type = ?3, fetched_at = ?4",
            params![url, hash, content_type, fetched_at],
        )?;
        Ok(KeptCopy {
            url: url.to_string(),
            file,
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
}
