//! Assembling a reader session: the one way `main` and every test make an [`App`], from a
//! document (with what the store had for it, or nothing), the settings, the screen size, the
//! store to write to, and an optional starting search.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::document::{Document, LoadOptions};
use crate::input::Keymap;
use crate::reader::model::Files;
use crate::reader::{Config, Model, Msg, Opened, OutlineTiming, Saved, Setup, Source, update};
use crate::store::Store;

use super::opening::{Opening, PendingWhole};
use super::writer::Writer;
use super::{App, Opener};

/// What the session starts with.
#[derive(Debug)]
enum Start {
    Whole(Box<Opened>),
    /// A preview of a big file's opening; the whole comes later as [`Msg::WholeArrived`].
    Preview(Document),
    /// A preview of the text around the saved place, opened there; the whole comes later.
    Around(Box<super::around::Around>),
}

#[derive(Debug)]
pub struct AppBuilder {
    start: Start,
    config: Config,
    keymap: Keymap,
    screen: (u16, u16),
    outline: OutlineTiming,
    store: Option<Store>,
    data_dir: Option<PathBuf>,
    search: Option<String>,
    files: Vec<Source>,
    load: LoadOptions,
    notice: Option<String>,
    continuing: Option<String>,
    show_library: bool,
    folder: Option<super::folder::Folder>,
}

/// Distinguishes sessions started in the same second by the same process (tests do that).
static SESSIONS: AtomicU64 = AtomicU64::new(0);

impl AppBuilder {
    /// A session on a whole document and what the store had for it.
    pub fn opened(opened: Opened) -> AppBuilder {
        AppBuilder::starting(Start::Whole(Box::new(opened)))
    }

    /// A session on a document with nothing saved for it (bookmarks kept in memory).
    pub fn document(doc: Document) -> AppBuilder {
        AppBuilder::opened(Opened {
            doc,
            saved: Saved::default(),
            resume: true,
        })
    }

    /// A session showing a preview of a big file's opening until its whole arrives.
    pub fn preview(doc: Document) -> AppBuilder {
        AppBuilder::starting(Start::Preview(doc))
    }

    /// The session to start on `opening`, with the store in `data_dir`: on the whole document
    /// (and the store it was found in), or on its preview, with the whole still to be read
    /// behind it, for the caller to start and deliver as [`Msg::WholeArrived`].
    pub fn for_opening(
        opening: Opening,
        data_dir: Option<PathBuf>,
    ) -> (AppBuilder, Option<PendingWhole>) {
        match opening {
            Opening::Ready(opened, store) => {
                (AppBuilder::opened(*opened).store(store, data_dir), None)
            }
            Opening::Preview(preview, whole) => (
                AppBuilder::preview(preview).store(None, data_dir),
                Some(whole),
            ),
            Opening::Around(around, whole) => (
                AppBuilder::preview_around(*around).store(None, data_dir),
                Some(whole),
            ),
        }
    }

    /// A session showing a preview of the text around the saved place of a big file, at that
    /// place, until its whole arrives.
    pub fn preview_around(around: super::around::Around) -> AppBuilder {
        AppBuilder::starting(Start::Around(Box::new(around)))
    }

    fn starting(start: Start) -> AppBuilder {
        AppBuilder {
            start,
            config: Config::default(),
            keymap: Keymap::default_keymap(),
            screen: (80, 24),
            outline: OutlineTiming::InBackground,
            store: None,
            data_dir: None,
            search: None,
            files: Vec::new(),
            load: LoadOptions::default(),
            notice: None,
            continuing: None,
            show_library: false,
            folder: None,
        }
    }

    pub fn config(mut self, config: Config) -> AppBuilder {
        self.config = config;
        self
    }

    pub fn keymap(mut self, keymap: Keymap) -> AppBuilder {
        self.keymap = keymap;
        self
    }

    /// The terminal's size when the session starts (width, height).
    pub fn screen(mut self, screen: (u16, u16)) -> AppBuilder {
        self.screen = screen;
        self
    }

    /// Build the full outline before the first paint instead of in the background.
    pub fn outline_now(mut self) -> AppBuilder {
        self.outline = OutlineTiming::Now;
        self
    }

    /// Write bookmarks and places to `store`, or to a store opened in `data_dir` when needed.
    pub fn store(mut self, store: Option<Store>, data_dir: Option<PathBuf>) -> AppBuilder {
        self.store = store;
        self.data_dir = data_dir;
        self
    }

    /// Open at the first match of `query`, over the saved place.
    pub fn search(mut self, query: Option<String>) -> AppBuilder {
        self.search = query;
        self
    }

    /// Something to say on the status line when the session starts (a settings file's
    /// problems), after what the document itself has to say.
    pub fn notice(mut self, notice: Option<String>) -> AppBuilder {
        self.notice = notice;
        self
    }

    /// The session continues the document read last, titled `title`: the status line says so.
    pub fn continuing(mut self, title: Option<String>) -> AppBuilder {
        self.continuing = title;
        self
    }

    /// Start with the library screen open (`quire library`).
    pub fn show_library(mut self, show: bool) -> AppBuilder {
        self.show_library = show;
        self
    }

    /// List this folder's documents on the library screen, and start with it open (`quire DIR`).
    pub fn folder(mut self, folder: Option<super::folder::Folder>) -> AppBuilder {
        self.show_library |= folder.is_some();
        self.folder = folder;
        self
    }

    /// The files given to read: the session starts on the first, and `:n`, `:p` and `:x` open
    /// the others, read with `load` (encoding, format, force). A web address is a page to
    /// fetch, `-` standard input.
    pub fn files(mut self, files: Vec<PathBuf>, load: LoadOptions) -> AppBuilder {
        self.files = files.iter().map(|path| source_of(path)).collect();
        self.load = load;
        self
    }

    /// The document was read from standard input, and `copy` is the copy of it kept in the
    /// data directory (if one could be kept): the session's files say so, so the refresh key
    /// and `:n` `:p` know what it is.
    pub fn stdin_copy(mut self, copy: Option<PathBuf>) -> AppBuilder {
        if self.files.is_empty() {
            self.files.push(Source::Stdin(None));
        }
        if let Some(stdin) = self.files.iter_mut().find(|s| **s == Source::Stdin(None)) {
            *stdin = Source::Stdin(copy);
        }
        self
    }

    pub fn build(self) -> App {
        let setup = Setup {
            config: self.config,
            keymap: self.keymap,
            screen: self.screen,
            outline: self.outline,
            uid_prefix: session_uid_prefix(),
            files: Files {
                sources: self.files,
                ..Files::default()
            },
        };
        let mut model = match self.start {
            Start::Whole(opened) => Model::open(*opened, setup),
            Start::Preview(doc) => Model::preview(doc, setup),
            Start::Around(around) => {
                Model::preview_around(around.doc, around.place, setup).with_seen_pages(around.pages)
            }
        };
        if let Some(title) = self.continuing {
            let _ = update(&mut model, Msg::Continuing { title });
        }
        if let Some(notice) = self.notice {
            let _ = update(&mut model, Msg::Say(notice));
        }
        if let Some(query) = self.search {
            // Starting a search only moves the view: it asks for nothing to be carried out
            // but the place's save, which the first move after it asks for again.
            let _ = update(&mut model, Msg::StartSearch(query));
        }
        let opener = Opener {
            load: self.load,
            data_dir: self.data_dir.clone(),
        };
        let mut app = App::new(model, Writer::new(self.store, self.data_dir), opener);
        app.folder = self.folder;
        if self.show_library {
            app.at_start.push(Msg::ShowLibrary);
        }
        app
    }
}

/// What a path named on the command line is: a web address, standard input (`-`), or a file.
pub fn source_of(path: &Path) -> Source {
    match path.to_str() {
        Some(url) if super::fetch::is_url(url) => Source::Web(url.to_string()),
        Some("-") => Source::Stdin(None),
        _ => Source::File(path.to_path_buf()),
    }
}

/// Bookmark uids are `<seconds>-<pid>-<session>-<n>`: unique across processes writing the
/// same store at once, without a random number crate.
fn session_uid_prefix() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let session = SESSIONS.fetch_add(1, Ordering::Relaxed);
    format!("{seconds}-{}-{session}", std::process::id())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_on_the_command_line_become_sources() {
        assert_eq!(
            source_of(Path::new("https://example.org/a")),
            Source::Web("https://example.org/a".into())
        );
        assert_eq!(source_of(Path::new("-")), Source::Stdin(None));
        assert_eq!(
            source_of(Path::new("book.txt")),
            Source::File("book.txt".into())
        );
    }

    #[test]
    fn a_session_on_standard_input_knows_its_kept_copy() {
        let doc = Document::from_text("Words\n\nMore words.\n", "stdin");
        let copy = Some(PathBuf::from("/data/kept/abc"));
        let app = AppBuilder::document(doc.clone())
            .stdin_copy(copy.clone())
            .build();
        assert_eq!(
            app.model().current_source(),
            Some(&Source::Stdin(copy.clone()))
        );
        // `quire a.txt - b.txt`: the `-` is the one read from standard input.
        let app = AppBuilder::document(doc)
            .files(
                vec!["a.txt".into(), "-".into(), "b.txt".into()],
                LoadOptions::default(),
            )
            .stdin_copy(copy.clone())
            .build();
        assert_eq!(app.model().files().sources[1], Source::Stdin(copy));
    }
}
