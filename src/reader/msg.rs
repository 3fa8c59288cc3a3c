//! What reaches the reader and what it asks for. A [`Msg`] is anything that can change the
//! reader: terminal input, a frame painted, background work finished, a write that failed.
//! [`update`](super::update()) answers each with [`Effect`]s for the runtime to carry out (quit,
//! write to the store, start a [`Job`]). Plain data: nothing here does anything.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use crate::anchoring::{Bookmark, Position, SeenPages, reading_position};
use crate::document::{Anchor, Document, LoadError};
use crate::input::Key;
use crate::layout::{Pages, Style};
use crate::outline::Outline;
use crate::search::{Found, Matcher};

use super::library::{Entry, TitleRead};
use super::marks::{Persistence, StoreChange};
use super::palette::Palette;
use super::source::Source;

/// One message for the reader.
#[derive(Debug)]
pub enum Msg {
    /// Input from the terminal (or a script).
    Input(Input),
    /// The terminal is this size now. The runtime sends it from the size of the frame it is
    /// about to draw, so the layout and the frame always agree.
    Resize { width: u16, height: u16 },
    /// A signal (SIGTERM, SIGHUP, SIGINT…) asked quire to stop; 0 when a test script ran out.
    Signal(i32),
    /// A frame is on screen: time for work that was held back so the first paint came first.
    Painted,
    /// The reader has been still for a moment: the mark on a jump's target goes.
    Still,
    /// Open at the first match of this query (`--search`).
    StartSearch(String),
    /// Say this on the status line (after anything already said there).
    Say(String),
    /// The terminal said whether its background is light, after the first frame was drawn
    /// with the background remembered from the last session: the palette its answer gives,
    /// to draw with from now on and to remember.
    TerminalBackground { light: bool, palette: Box<Palette> },
    /// The session continues the document read last (quire was given nothing to read): say
    /// so, with its title and the paragraph it resumed at.
    Continuing { title: String },
    /// The whole of a document shown as a preview has been read (or refused).
    WholeArrived(Box<Result<Opened, LoadError>>),
    /// A background outline is built, for the document of this generation.
    OutlineBuilt {
        generation: u64,
        outline: Box<Outline>,
    },
    /// The background outline could not be built (its thread died).
    OutlineFailed { generation: u64 },
    /// The whole document of `generation` laid out in the background ([`Job::LayOut`]), for
    /// the size and folding the pages name; `None` when a newer layout cancelled it.
    LaidOut {
        generation: u64,
        pages: Option<Box<Pages>>,
    },
    /// The background layout could not be made (its thread died).
    LayoutFailed { generation: u64 },
    /// A write to the store failed: what it was for, and why. The runtime retries it.
    StoreFailed { write: Write, error: String },
    /// Bookmark changes that had failed have now reached the store.
    StoreSaved { uids: Vec<String> },
    /// Another document asked for with [`Effect::Open`] is read (or could not be: why, in one
    /// line).
    Opened(Box<Result<Opened, String>>),
    /// The document of `generation`, read again where it came from ([`Effect::Refresh`]),
    /// placed where the reader was; or why it could not be (the document shown stays).
    Refreshed {
        generation: u64,
        result: Box<Result<Opened, String>>,
    },
    /// The end of the file being read for the document of `generation`, asked for by `G`
    /// ([`Effect::ReadEnd`]), as a preview; `None` when it could not be read as one.
    EndRead {
        generation: u64,
        doc: Option<Box<Document>>,
    },
    /// Show the library screen (`quire library` starts with it).
    ShowLibrary,
    /// The library asked for with [`Effect::ReadLibrary`]: its entries and the time they were
    /// read at, or why they could not be.
    LibraryRead(Box<Result<LibraryRead, String>>),
    /// Titles read from a folder's files, asked for with [`Effect::ReadTitles`].
    TitlesRead(Vec<TitleRead>),
    /// Every hit of a search ([`Job::FindAll`]), for run `serial` of a search in the document
    /// of `generation`.
    SearchFound {
        generation: u64,
        serial: u64,
        found: Found,
    },
    /// The background search died without a result.
    SearchFailed { generation: u64, serial: u64 },
}

/// The library as the runtime read it.
#[derive(Debug, Clone)]
pub struct LibraryRead {
    /// What the screen is titled ("Library", or a folder's name).
    pub heading: String,
    /// A folder's documents (`quire DIR`), not the library's.
    pub folder: bool,
    pub entries: Vec<Entry>,
    /// Seconds since the Unix epoch when they were read, for "2 days ago".
    pub now: i64,
}

/// Terminal input. Kept apart from the other messages because it is what waits, in order,
/// while a big file's whole document is still being read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Key(Key),
    ScrollDown,
    ScrollUp,
    Click { column: u16, row: u16 },
}

impl From<Key> for Msg {
    fn from(key: Key) -> Msg {
        Msg::Input(Input::Key(key))
    }
}

/// A document ready to read, with what was saved for it.
#[derive(Debug)]
pub struct Opened {
    pub doc: Document,
    pub saved: Saved,
    /// Open at the saved place (false with `--from-start`).
    pub resume: bool,
}

impl Opened {
    /// A document with nothing saved for it.
    pub fn fresh(doc: Document) -> Opened {
        Opened {
            doc,
            saved: Saved::default(),
            resume: true,
        }
    }
}

/// What the store had for a document when it was opened. Pure data: the store itself stays
/// with the runtime.
#[derive(Debug, Default, Clone)]
pub struct Saved {
    /// The document's record in the store, when there is a store.
    pub record: Option<i64>,
    pub bookmarks: Vec<Bookmark>,
    /// Where the reader left off, placed in the current text.
    pub position: Option<Anchor>,
    /// Things the reader should be told (store trouble, re-attached or orphaned bookmarks).
    pub notices: Vec<String>,
    pub persistence: Persistence,
}

/// A place the reader moved to, to be saved: made into a [`Position`] (with the quote of the
/// text around it) only when it is written, once the reader is still, so that the frame
/// answering a key does not wait for it. Holding the document it is in keeps it right when
/// the reader has opened another meanwhile.
#[derive(Debug, Clone)]
pub struct PlaceToSave {
    pub doc: Arc<Document>,
    pub anchor: Anchor,
    /// The page number and count seen there, when known.
    pub pages: Option<SeenPages>,
}

impl PlaceToSave {
    /// The position to write, quoted from the text around the place.
    pub fn position(&self) -> Position {
        let mut position = reading_position(&self.doc, self.anchor);
        position.pages = self.pages.clone();
        position
    }
}

/// Work the runtime carries out for the reader.
#[derive(Debug)]
pub enum Effect {
    /// End the session.
    Quit(Exit),
    /// The document cannot be read after all (the whole of a previewed file was refused).
    Abort(LoadError),
    /// The reader's place moved: write it once the reader is still (the runtime coalesces),
    /// with how far through the document it is, in percent (`None` while that is not known).
    SavePosition {
        record: i64,
        place: PlaceToSave,
        progress: Option<u8>,
    },
    /// Write a bookmark change now, in its own transaction.
    Store { record: i64, change: StoreChange },
    /// Start background work; its result comes back as a message.
    Spawn(Job),
    /// Clear the terminal and draw every cell again: what it shows may not be what was sent.
    Redraw,
    /// Put this text on the clipboard, through the terminal (the OSC 52 request).
    Copy(String),
    /// Remember a choice made for every document (the reading width, the sidebar) in the
    /// store; `None` forgets it, so the settings file decides again.
    Remember {
        key: &'static str,
        value: Option<String>,
    },
    /// Read another document for this session (with what the store has for it); it comes
    /// back as [`Msg::Opened`].
    Open(Source),
    /// Read the document of `generation` again from `source` (a page fetched anew and kept, a
    /// file read again), with `place` (where the reader is) found in the new text; it comes
    /// back as [`Msg::Refreshed`].
    Refresh {
        source: Source,
        place: Position,
        generation: u64,
    },
    /// Read the end of `source` (a file still being read whole) as a preview, and send it back
    /// as [`Msg::EndRead`]: `G` need not wait for the whole.
    ReadEnd { source: Source, generation: u64 },
    /// Read the library (the documents in the store, or the folder being listed) and send it
    /// back as [`Msg::LibraryRead`].
    ReadLibrary,
    /// Read these files of the folder listed for their titles, and send them back as
    /// [`Msg::TitlesRead`].
    ReadTitles(Vec<std::path::PathBuf>),
    /// Take this document out of the library (its bookmarks stay in the store).
    Forget(i64),
}

/// What a write to the store was for, so a failure can be shown where it matters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Write {
    Position,
    Bookmark(StoreChange),
}

/// How a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Quit,
    /// The interrupt key (Ctrl-C): stopped as SIGINT would (exit status 130).
    Interrupted,
    /// Stopped by a signal (its number; 0 when a test script ran out).
    Signal(i32),
}

/// Background work: a pure computation whose result comes back as a [`Msg`].
#[derive(Debug, Clone)]
pub enum Job {
    /// Build the full outline of the document of this generation.
    BuildOutline { generation: u64, doc: Arc<Document> },
    /// Lay out the whole document of this generation at a size, unless `cancel` is set first
    /// (a newer size or folding made it useless).
    LayOut {
        generation: u64,
        doc: Arc<Document>,
        width: usize,
        height: usize,
        leftovers_open: bool,
        style: Style,
        cancel: Arc<AtomicBool>,
    },
    /// Find every hit of a search in the document of this generation, going outward from
    /// `from` (so that when the list is cut at its limit, the hits after the place are kept).
    FindAll {
        generation: u64,
        serial: u64,
        doc: Arc<Document>,
        matcher: Matcher,
        from: Anchor,
    },
}

impl Job {
    /// True for work nobody waits for (the full outline replaces a provisional one that is
    /// already shown): it is to yield to the drawing thread, whose frames are waited for.
    pub fn is_background(&self) -> bool {
        matches!(self, Job::BuildOutline { .. })
    }

    /// Do the work, on whatever thread the runtime chose.
    pub fn run(self) -> Msg {
        match self {
            Job::BuildOutline { generation, doc } => Msg::OutlineBuilt {
                generation,
                outline: Box::new(Outline::build(&doc)),
            },
            Job::LayOut {
                generation,
                doc,
                width,
                height,
                leftovers_open,
                style,
                cancel,
            } => Msg::LaidOut {
                generation,
                pages: Pages::whole_unless_cancelled(
                    &doc,
                    width,
                    height,
                    leftovers_open,
                    style,
                    &cancel,
                )
                .map(Box::new),
            },
            Job::FindAll {
                generation,
                serial,
                doc,
                matcher,
                from,
            } => Msg::SearchFound {
                generation,
                serial,
                found: crate::search::find_all_from(&doc, &matcher, from),
            },
        }
    }

    /// The message that says this job died without a result.
    pub fn failed(&self) -> Msg {
        match self {
            Job::BuildOutline { generation, .. } => Msg::OutlineFailed {
                generation: *generation,
            },
            Job::LayOut { generation, .. } => Msg::LayoutFailed {
                generation: *generation,
            },
            Job::FindAll {
                generation, serial, ..
            } => Msg::SearchFailed {
                generation: *generation,
                serial: *serial,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;

    #[test]
    fn a_place_to_save_is_quoted_from_the_document_it_was_left_in() {
        let left = Arc::new(Document::structure(
            "The first paragraph.\n\nCall me Ishmael. Some years ago.\n",
            "a.txt",
            Format::Text,
        ));
        let pages = SeenPages {
            page: 2,
            total: 9,
            file: "stamp".into(),
            layout: "72".into(),
        };
        let place = PlaceToSave {
            doc: Arc::clone(&left),
            anchor: Anchor::new(1, 8),
            pages: Some(pages.clone()),
        };
        // The reader opens another document before the place is written: it is still
        // quoted from the one it was left in.
        drop(left);
        let position = place.position();
        assert_eq!(position.anchor, Anchor::new(1, 8));
        assert!(position.quote.exact.starts_with("Ishmael"), "{position:?}");
        assert!(position.quote.prefix.ends_with("Call me "), "{position:?}");
        assert_eq!(position.pages, Some(pages));
        assert_eq!(
            position.line,
            Some(3),
            "a plain text's place keeps its line"
        );
    }
}
