//! A folder's readable documents, for `quire DIR`: found at once (by extension, or by holding
//! text), listed by their file names, and read for their titles a few files at a time as work
//! off the loop, each batch coming back to the reader as a message; the runtime keeps what
//! came back, so the list opened again shows it. Plain output reads every title first.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::document::{Document, Format};
use crate::reader::Msg;
use crate::reader::library::{Entry, Location, TitleRead, Titled, apply_titles};
use crate::store::{LibraryRecord, Store};

use super::work::Work;

/// A folder's readable documents.
#[derive(Debug, Clone, Default)]
pub struct Folder {
    /// What the library screen is titled: the folder.
    pub heading: String,
    /// Each document found, with nothing of the store yet; those whose titles are still to
    /// be read are listed by their file names.
    pub entries: Vec<Entry>,
}

impl Folder {
    /// Titles read: kept, so the list shows them when it is opened again.
    pub fn learn(&mut self, titles: &[TitleRead]) {
        apply_titles(&mut self.entries, titles);
    }
}

/// Files bigger than this are listed by name without being read for a title.
const TITLE_READ_LIMIT: u64 = 8 << 20;
/// A folder is not walked deeper than this (a link loop, a deep tree).
const MAX_DEPTH: usize = 16;

/// The readable documents under `dir`, recursively: text, Markdown, HTML and EPUB files (by
/// their extension, or, without one, by holding text), skipping hidden files and folders and
/// files that cannot be read. Symbolic links to folders are not followed. Listed by file
/// name, their titles still to be read.
pub fn list_folder(dir: &Path) -> Folder {
    let mut files = Vec::new();
    walk(dir, 0, &mut files);
    files.sort();
    let entries = files
        .into_iter()
        .filter(|path| is_document(path))
        .map(|path| untitled(&path))
        .collect();
    Folder {
        heading: format!("Folder {}", dir.display()),
        entries,
    }
}

/// [`list_folder`] with every title read (binary and empty files taken off), for plain output.
pub fn scan_folder(dir: &Path) -> Folder {
    let mut folder = list_folder(dir);
    let paths: Vec<PathBuf> = folder
        .entries
        .iter()
        .filter_map(|e| e.location.openable().cloned())
        .collect();
    folder.learn(&read_titles(&paths));
    folder
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

/// A file of a known format by its extension, or one without an extension that holds text.
fn is_document(path: &Path) -> bool {
    Format::from_path(path).is_some() || (path.extension().is_none() && looks_like_text(path))
}

/// A document listed by its file name until its title is read.
fn untitled(path: &Path) -> Entry {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    Entry {
        id: None,
        title: name,
        author: String::new(),
        format: Format::from_path(path).map_or("text", Format::name).into(),
        location: Location::File(path.to_path_buf()),
        progress: None,
        read_at: None,
        bookmarks: 0,
        pending: true,
    }
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

/// Each file read for its title, author and format (by its structure); a file too big to
/// read for a title keeps its name; a binary, empty or unreadable one is no document.
pub fn read_titles(paths: &[PathBuf]) -> Vec<TitleRead> {
    paths
        .iter()
        .map(|path| TitleRead {
            path: path.clone(),
            found: title_of(path),
        })
        .collect()
}

fn title_of(path: &Path) -> Option<Titled> {
    let size = std::fs::metadata(path).ok()?.len();
    if size > TITLE_READ_LIMIT {
        return Some(by_name(path));
    }
    let doc = Document::open(path).ok()?;
    if doc.is_empty() {
        return None;
    }
    Some(Titled {
        title: doc.name.clone(),
        author: doc.author(),
        format: doc.format.map_or("text", Format::name).to_string(),
    })
}

/// A file's name and format, as it was listed.
fn by_name(path: &Path) -> Titled {
    let entry = untitled(path);
    Titled {
        title: entry.title,
        author: entry.author,
        format: entry.format,
    }
}

/// The work of reading `paths` for their titles. Should its thread die, each file keeps its
/// name (and the list goes on).
pub fn title_work(paths: Vec<PathBuf>) -> Work {
    let failed = paths
        .iter()
        .map(|path| TitleRead {
            path: path.clone(),
            found: Some(by_name(path)),
        })
        .collect();
    Work::new(
        move || Msg::TitlesRead(read_titles(&paths)),
        Msg::TitlesRead(failed),
    )
}

/// A folder's entries with what the store knows of each (read before: how far, when, its
/// bookmarks), matched by the file's path.
pub fn folder_entries(entries: &[Entry], store: Option<&mut Store>) -> Vec<Entry> {
    let known: HashMap<String, LibraryRecord> = store
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

#[cfg(test)]
mod tests {
    use super::*;

    fn folder_of_books() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, text: &[u8]| {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write("harbour.txt", b"The Harbour\n\nBoats lay in the mud.\n");
        write("deeper/reef.md", b"# Notes on the Reef\n\nCoral.\n");
        write("NOTES", b"Plain Notes\n\nA file with no extension.\n");
        write("blob", b"\0\x01binary");
        write("picture.png", b"\x89PNG\r\n\x1a\n");
        write(".hidden.txt", b"Hidden\n\nWords.\n");
        write("fake.txt", b"\0\0\0\0 binary behind a text name");
        dir
    }

    fn names(folder: &Folder) -> Vec<(String, bool)> {
        folder
            .entries
            .iter()
            .map(|e| (e.title.clone(), e.pending))
            .collect()
    }

    #[test]
    fn a_folder_lists_at_once_by_file_name_and_its_titles_come_after() {
        let dir = folder_of_books();
        let mut folder = list_folder(dir.path());
        let listed = |name: &str| (name.to_string(), true);
        assert_eq!(
            names(&folder),
            [
                listed("NOTES"),
                listed("reef.md"),
                listed("fake.txt"),
                listed("harbour.txt")
            ]
        );
        let paths: Vec<PathBuf> = folder
            .entries
            .iter()
            .filter_map(|e| e.location.openable().cloned())
            .collect();
        let Msg::TitlesRead(titles) = title_work(paths).run() else {
            panic!("title work answers with titles");
        };
        folder.learn(&titles);
        let read = |name: &str| (name.to_string(), false);
        assert_eq!(
            names(&folder),
            [
                read("Plain Notes"),
                read("Notes on the Reef"),
                read("The Harbour")
            ]
        );
        assert_eq!(folder.entries[1].format, "markdown");
        assert_eq!(
            names(&scan_folder(dir.path())),
            names(&folder),
            "plain output reads them all first"
        );
    }
}
