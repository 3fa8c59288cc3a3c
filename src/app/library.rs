//! The library as the store has it, turned into the reader's entries: each document with where
//! it lives now (a file that is there, a file gone missing, a web page, standard input with
//! its kept copy, the bundled article), for the library screen and for `quire library`.

use std::path::{Path, PathBuf};

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
    }
}

/// The document to continue with when quire is given nothing to read: the most recently read
/// one whose file is still there.
pub fn last_read(store: &Store) -> Result<Option<(PathBuf, String)>, StoreError> {
    Ok(entries(store)?
        .into_iter()
        .find_map(|entry| match entry.location {
            Location::File(path) => Some((path, entry.title)),
            _ => None,
        }))
}

/// A folder's readable documents, for `quire DIR`.
#[derive(Debug, Clone, Default)]
pub struct Folder {
    /// What the library screen is titled: the folder.
    pub heading: String,
    /// Each document found, titled by its structure, with nothing of the store yet.
    pub entries: Vec<Entry>,
}

/// Files bigger than this are listed by name without being read for a title.
const TITLE_READ_LIMIT: u64 = 8 << 20;
/// A folder is not walked deeper than this (a link loop, a deep tree).
const MAX_DEPTH: usize = 16;

/// The readable documents under `dir`, recursively: text, Markdown, HTML and EPUB files (by
/// their extension, or, without one, by holding text), skipping hidden files and folders,
/// binary files and files that cannot be read. Symbolic links to folders are not followed.
pub fn scan_folder(dir: &Path) -> Folder {
    let mut files = Vec::new();
    walk(dir, 0, &mut files);
    files.sort();
    let entries = files
        .into_iter()
        .filter_map(|path| folder_entry(&path))
        .collect();
    Folder {
        heading: format!("Folder {}", dir.display()),
        entries,
    }
}

fn walk(dir: &Path, depth: usize, files: &mut Vec<PathBuf>) {
    let Ok(read) = std::fs::read_dir(dir) else {
        return;
    };
    for item in read.flatten() {
        if item.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let Ok(kind) = item.file_type() else {
            continue;
        };
        let path = item.path();
        if kind.is_dir() && depth < MAX_DEPTH {
            walk(&path, depth + 1, files);
        } else if (kind.is_file() || kind.is_symlink()) && path.is_file() {
            files.push(path);
        }
    }
}

/// The entry for one file of a folder, when it is a readable document.
fn folder_entry(path: &Path) -> Option<Entry> {
    let known = crate::document::Format::from_path(path).is_some();
    if !known && (path.extension().is_some() || !looks_like_text(path)) {
        return None;
    }
    let size = std::fs::metadata(path).ok()?.len();
    let file_name = path.file_name()?.to_string_lossy().into_owned();
    let (title, author, format) = if size > TITLE_READ_LIMIT {
        let format = crate::document::Format::from_path(path).map_or("text", |f| f.name());
        (file_name, String::new(), format.to_string())
    } else {
        // A binary file (or one that cannot be read) is not a document to list.
        let doc = Document::open(path).ok()?;
        if doc.is_empty() {
            return None;
        }
        let format = doc.format.map_or("text", |f| f.name()).to_string();
        (doc.name.clone(), doc.author(), format)
    };
    Some(Entry {
        id: None,
        title,
        author,
        format,
        location: Location::File(path.to_path_buf()),
        progress: None,
        read_at: None,
        bookmarks: 0,
    })
}

/// True when the file's first bytes hold no NUL: text, as far as a listing needs to know.
fn looks_like_text(path: &Path) -> bool {
    use std::io::Read;
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let mut head = Vec::with_capacity(4096);
    if file.take(4096).read_to_end(&mut head).is_err() {
        return false;
    }
    !head.is_empty() && !head.contains(&0)
}

/// A folder's entries with what the store knows of each (read before: how far, when, its
/// bookmarks), matched by the file's path.
pub fn folder_entries(entries: &[Entry], store: Option<&mut Store>) -> Vec<Entry> {
    let known: std::collections::HashMap<String, LibraryRecord> = store
        .and_then(|store| store.library().ok())
        .unwrap_or_default()
        .into_iter()
        .filter_map(|record| Some((record.path.clone()?, record)))
        .collect();
    entries
        .iter()
        .map(|entry| {
            let mut entry = entry.clone();
            let key = entry
                .location
                .openable()
                .map(|path| crate::store::path_key(path));
            if let Some(record) = key.and_then(|key| known.get(&key)) {
                entry.id = Some(record.id);
                entry.progress = record.progress;
                entry.read_at = Some(record.read_at);
                entry.bookmarks = record.bookmarks;
            }
            entry
        })
        .collect()
}
