//! Assembling a reader session: the one way `main` and every test make an [`App`], from a
//! document (with what the store had for it, or nothing), the settings, the screen size, the
//! store to write to, and an optional starting search.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::document::{Document, LoadOptions};
use crate::input::Keymap;
use crate::reader::model::Files;
use crate::reader::{Config, Model, Msg, Opened, OutlineTiming, Saved, Setup, update};
use crate::store::Store;

use super::writer::Writer;
use super::{App, Opener};

/// What the session starts with.
#[derive(Debug)]
enum Start {
    Whole(Box<Opened>),
    /// A preview of a big file's opening; the whole comes later as [`Msg::WholeArrived`].
    Preview(Document),
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
    files: Vec<PathBuf>,
    load: LoadOptions,
    notice: Option<String>,
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

    /// The files given to read: the session starts on the first, and `:n`, `:p` and `:x` open
    /// the others, read with `load` (encoding, format, force).
    pub fn files(mut self, files: Vec<PathBuf>, load: LoadOptions) -> AppBuilder {
        self.files = files;
        self.load = load;
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
                paths: self.files,
                ..Files::default()
            },
        };
        let mut model = match self.start {
            Start::Whole(opened) => Model::open(*opened, setup),
            Start::Preview(doc) => Model::preview(doc, setup),
        };
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
        App::new(model, Writer::new(self.store, self.data_dir), opener)
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
