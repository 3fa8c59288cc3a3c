//! Passage bookmarks as the reader sees them: the [`Bookmark`] record, the reader-side state
//! ([`Marks`]: bookmarks of the open document, the passage being selected, the panel, the note
//! editor, deletes that can be undone) and the [`StoreChange`]s that `update` asks the app to
//! write. Selection and panel logic is in [`actions`]; opening a document's bookmarks and place
//! in [`session`]; the `quire bookmarks` command in [`cli`].

pub mod actions;
pub mod cli;
pub mod session;

use std::sync::atomic::{AtomicU64, Ordering};

use crate::anchoring::{Span, TextQuote};
use crate::lineedit::LineEditor;

/// One bookmarked passage.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Bookmark {
    /// Stable identity across processes and exports (made by [`Marks::next_uid`]).
    pub uid: String,
    pub span: Span,
    pub quote: TextQuote,
    /// The reader's note, stored as typed; sanitized whenever it is shown.
    pub note: String,
    /// The section label where the passage starts, for listings.
    pub section: String,
    /// Seconds since the epoch; 0 until the store fills it in.
    pub created: i64,
    /// The passage could not be found in the current text; kept with its quote.
    pub orphaned: bool,
}

/// A change to write to the store, carried by [`crate::action::Effect::Store`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreChange {
    Add(Bookmark),
    Delete(String),
    SetNote { uid: String, note: String },
}

/// Whether changes reach the disk, and if not, why.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Persistence {
    /// No store was attached (tests, or before the app connects one).
    #[default]
    Detached,
    Saved,
    /// The store is unavailable: changes live only in this session.
    NotSaved(String),
}

/// The note being typed for a bookmark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteEditing {
    pub uid: String,
    pub editor: LineEditor,
}

/// Bookmark state of the open document.
#[derive(Debug, Clone, Default)]
pub struct Marks {
    /// In reading order, orphaned ones last.
    pub bookmarks: Vec<Bookmark>,
    /// The passage being selected with `v`.
    pub selection: Option<Span>,
    /// The bookmarks panel's cursor, when the panel is open.
    pub panel: Option<usize>,
    pub editing: Option<NoteEditing>,
    /// Deleted bookmarks, most recent last, for `u`.
    pub deleted: Vec<Bookmark>,
    pub persistence: Persistence,
    uid_prefix: String,
    uid_counter: u64,
}

/// Distinguishes sessions started in the same second by the same process (tests do that).
static SESSIONS: AtomicU64 = AtomicU64::new(0);

impl Marks {
    /// Bookmark uids are `<seconds>-<pid>-<session>-<n>`: unique across processes writing the
    /// same store at once, without a random number crate.
    pub fn new() -> Marks {
        let session = SESSIONS.fetch_add(1, Ordering::Relaxed);
        Marks {
            uid_prefix: format!("{}-{}-{session}", crate::store::now(), std::process::id()),
            ..Marks::default()
        }
    }

    pub fn next_uid(&mut self) -> String {
        if self.uid_prefix.is_empty() {
            self.uid_prefix = Marks::new().uid_prefix;
        }
        self.uid_counter += 1;
        format!("{}-{}", self.uid_prefix, self.uid_counter)
    }

    /// Put bookmarks in reading order, orphans last.
    pub fn sort(&mut self) {
        self.bookmarks
            .sort_by_key(|b| (b.orphaned, b.span.start, b.created));
    }

    /// True when some placed bookmark covers part of `block`.
    pub fn block_is_marked(&self, block: usize) -> bool {
        self.bookmarks
            .iter()
            .any(|b| !b.orphaned && b.span.start.block <= block && b.span.end.block >= block)
    }

    /// Byte ranges of `block`'s text covered by placed bookmarks.
    pub fn ranges_in_block(&self, block: usize, block_len: usize) -> Vec<std::ops::Range<usize>> {
        self.bookmarks
            .iter()
            .filter(|b| !b.orphaned)
            .filter_map(|b| span_in_block(b.span, block, block_len))
            .collect()
    }
}

/// The part of a span inside one block, as a byte range of that block's text.
pub fn span_in_block(span: Span, block: usize, block_len: usize) -> Option<std::ops::Range<usize>> {
    if block < span.start.block || block > span.end.block {
        return None;
    }
    let start = if block == span.start.block {
        span.start.byte
    } else {
        0
    };
    let end = if block == span.end.block {
        span.end.byte
    } else {
        block_len
    };
    (start < end).then_some(start..end.min(block_len))
}
