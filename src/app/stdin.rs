//! A text read from standard input, for the reader: its bytes kept in the data directory (in a
//! file named by their hash, as a fetched page's are), so the library lists it as a kept copy
//! and can open it again; and such a copy read back. Only a text opened for reading is kept:
//! plain output (`cat a.txt | quire | less`) writes nothing to the data directory.

use std::io;
use std::path::{Path, PathBuf};

use crate::document::{Document, LoadError, LoadOptions, input};
use crate::reader::Opened;
use crate::store::{Aside, Store, kept_dir};

use super::session;

/// What the shown name of a text from standard input is, until its text names it.
pub const NAME: &str = "stdin";

/// True when standard input is a pipe, a file or a socket: something sent on purpose. A
/// terminal, or /dev/null as scripts and services often give, means "no input", so quire opens
/// something else rather than an empty text.
#[cfg(unix)]
pub fn has_input() -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::FileTypeExt;
    let Ok(fd) = io::stdin().as_fd().try_clone_to_owned() else {
        return false;
    };
    let Ok(meta) = std::fs::File::from(fd).metadata() else {
        return false;
    };
    let kind = meta.file_type();
    kind.is_fifo() || kind.is_file() || kind.is_socket()
}

#[cfg(not(unix))]
pub fn has_input() -> bool {
    use std::io::IsTerminal;
    !io::stdin().is_terminal()
}

/// The bytes of standard input: at most the size limit, and refused at their first block if
/// that is binary.
pub fn read(options: LoadOptions) -> Result<Vec<u8>, LoadError> {
    input::read_all(io::stdin().lock(), None, NAME, options)
}

/// A text from standard input opened for reading, with what the store has for it.
#[derive(Debug)]
pub struct Read {
    pub opened: Opened,
    /// The store it was looked up in, for the session's writes.
    pub store: Option<Store>,
    /// The copy kept of it, when one could be kept.
    pub copy: Option<PathBuf>,
}

/// Open `bytes` read from standard input, keeping them in the data directory `data_dir` so
/// the library can open the text again. The copy is written aside before the text is read
/// (the bytes are not held twice) and becomes a kept copy only once the text is read and
/// known to the store. A copy that cannot be kept is said, and reading goes on.
pub fn open(
    bytes: Vec<u8>,
    options: LoadOptions,
    data_dir: Option<&Path>,
    resume: bool,
) -> Result<Read, LoadError> {
    let aside = match data_dir {
        Some(dir) if !bytes.is_empty() => Some(Aside::write(&kept_dir(dir), &bytes)),
        _ => None,
    };
    let doc = Document::load(bytes, NAME, options)?;
    let mut loaded = session::load(data_dir, &doc, None);
    let mut copy = None;
    if let (Some(aside), Some(store), Some(hash)) =
        (aside, loaded.store.as_mut(), loaded.hash.as_deref())
    {
        let kept = aside
            .and_then(Aside::settle)
            .and_then(|settled| store.keep_stdin(hash, &settled));
        match kept {
            Ok(kept) => copy = Some(kept.file),
            Err(err) => loaded
                .saved
                .notices
                .push(format!("standard input is not kept for the library: {err}")),
        }
    }
    Ok(Read {
        opened: Opened {
            doc,
            saved: loaded.saved,
            resume,
        },
        store: loaded.store,
        copy,
    })
}

/// The text kept in `file` when it was read from standard input, with what the store has for
/// it: read as it was then (named "stdin", known by its content, with no path).
pub fn reopen(
    file: &Path,
    data_dir: Option<&Path>,
    options: LoadOptions,
) -> Result<Opened, String> {
    let doc = read_kept(file, options)?;
    let loaded = session::load(data_dir, &doc, None);
    Ok(Opened {
        doc,
        saved: loaded.saved,
        resume: true,
    })
}

/// The document kept in `file` when it was read from standard input, read as it was then
/// (named "stdin", known by its content).
pub fn read_kept(file: &Path, options: LoadOptions) -> Result<Document, String> {
    let bytes = std::fs::read(file).map_err(|e| {
        format!(
            "cannot open the copy kept of standard input: {}",
            LoadError::Io(e)
        )
    })?;
    Document::load(bytes, NAME, options)
        .map_err(|e| format!("cannot open the copy kept of standard input: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Piped Words\n\nA paragraph sent through a pipe, to be read again later.\n";

    #[test]
    fn a_text_from_standard_input_is_kept_and_opens_again_from_its_copy() {
        let dir = tempfile::tempdir().unwrap();
        let read = open(TEXT.into(), LoadOptions::default(), Some(dir.path()), true).unwrap();
        let copy = read.copy.unwrap();
        assert_eq!(std::fs::read(&copy).unwrap(), TEXT.as_bytes());
        let record = read.opened.saved.record;
        assert!(record.is_some());
        drop(read.store);

        let again = reopen(&copy, Some(dir.path()), LoadOptions::default()).unwrap();
        assert_eq!(again.doc.name, "Piped Words");
        // The same document in the store: its bookmarks and place follow.
        assert_eq!(again.saved.record, record);
        // Read twice, kept once.
        let twice = open(TEXT.into(), LoadOptions::default(), Some(dir.path()), true).unwrap();
        assert_eq!(twice.copy.as_deref(), Some(copy.as_path()));
        assert_eq!(std::fs::read_dir(kept_dir(dir.path())).unwrap().count(), 1);
    }

    #[test]
    fn nothing_is_kept_of_a_text_that_cannot_be_read_or_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        let mut binary = vec![0u8; 64];
        binary.extend(TEXT.bytes());
        assert!(open(binary, LoadOptions::default(), Some(dir.path()), true).is_err());
        let empty = open(Vec::new(), LoadOptions::default(), Some(dir.path()), true).unwrap();
        assert!(empty.copy.is_none());
        let kept = kept_dir(dir.path());
        assert!(!kept.exists() || std::fs::read_dir(&kept).unwrap().count() == 0);
    }

    #[test]
    fn without_a_data_directory_the_text_is_read_and_not_kept() {
        let read = open(TEXT.into(), LoadOptions::default(), None, true).unwrap();
        assert!(read.copy.is_none() && read.store.is_none());
        assert_eq!(read.opened.doc.name, "Piped Words");
    }
}
