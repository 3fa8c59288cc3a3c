//! The library as the store has it, turned into the reader's entries: each document with where
//! it lives now (a file that is there, a file gone missing, a web page, standard input with
//! its kept copy, the bundled article), for the library screen and for `quire library`.

use std::path::Path;

use crate::anchoring::content_hash;
use crate::document::Document;
use crate::reader::library::{Entry, Location};
use crate::store::{LibraryRecord, Store, StoreError};
use crate::{BUNDLED_ARTICLE, BUNDLED_NAME};

/// Every document in the store's library, most recently read first.
pub fn entries(store: &Store) -> Result<Vec<Entry>, StoreError> {
    let records = store.library()?;
    // The bundled article is known by its text: made only when a record without a file needs it.
    let bundled = std::cell::OnceCell::new();
    let bundled_hash = || {
        bundled.get_or_init(|| content_hash(&Document::from_text(BUNDLED_ARTICLE, BUNDLED_NAME)))
    };
    Ok(records
        .into_iter()
        .map(|record| {
            let location = match &record.path {
                Some(url) if super::fetch::is_url(url) => Location::Web(url.clone()),
                Some(path) => file_location(Path::new(path)),
                None if &record.hash == bundled_hash() => Location::Bundled,
                None => Location::Stdin(
                    store
                        .kept_stdin(&record.hash)
                        .ok()
                        .flatten()
                        .map(|copy| copy.file),
                ),
            };
            entry(record, location)
        })
        .collect())
}

/// A file as it is now: there, or missing.
pub fn file_location(path: &Path) -> Location {
    if path.is_file() {
        Location::File(path.to_path_buf())
    } else {
        Location::Missing(path.to_path_buf())
    }
}

fn entry(record: LibraryRecord, location: Location) -> Entry {
    Entry {
        id: Some(record.id),
        title: record.title,
        author: record.author,
        format: record.format,
        location,
        progress: record.progress,
        read_at: Some(record.read_at),
        bookmarks: record.bookmarks,
        pending: false,
    }
}

/// The document to continue with when quire is given nothing to read: the most recently read
/// one that can be read again (a file that is still there, a web page with its kept copy,
/// standard input's kept copy), with its title.
pub fn last_read(store: &Store) -> Result<Option<(Location, String)>, StoreError> {
    Ok(entries(store)?.into_iter().find_map(|entry| {
        let readable = match &entry.location {
            Location::File(_) | Location::Stdin(Some(_)) => true,
            Location::Web(url) => store.kept(url).ok().flatten().is_some(),
            Location::Missing(_) | Location::Stdin(None) | Location::Bundled => false,
        };
        readable.then_some((entry.location, entry.title))
    }))
}
