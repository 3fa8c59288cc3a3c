//! Bookmarks as the reader holds them: [`Marks`] (the open document's bookmarks, the passage
//! being selected, the panel, the note editor, deletes that can be undone), whether changes
//! reach the disk ([`Persistence`]), and the [`StoreChange`]s the reader asks the runtime to
//! write. What the bookmark keys do is in `update::bookmarks`.

use crate::anchoring::{Bookmark, Span};
use crate::input::lineedit::LineEditor;

/// A change to write to the store, carried by [`crate::reader::Effect::Store`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreChange {
    Add(Bookmark),
    Delete(String),
    SetNote { uid: String, note: String },
}

impl StoreChange {
    /// The bookmark the change is about.
    pub fn uid(&self) -> &str {
        match self {
            StoreChange::Add(bookmark) => &bookmark.uid,
            StoreChange::Delete(uid) | StoreChange::SetNote { uid, .. } => uid,
        }
    }
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
    /// Bookmarks whose last change has not reached the store (it failed, or there is none):
    /// they are kept in this session, marked, and listed when quire quits.
    pub unsaved: std::collections::BTreeSet<String>,
    uid_prefix: String,
    uid_counter: u64,
}

impl Marks {
    /// Marks whose new bookmarks get uids `<uid_prefix>-<n>`. The caller makes the prefix unique
    /// across processes and sessions writing one store (the runtime uses the time, the process
    /// and a session counter), so the reader itself reads no clock.
    pub fn new(uid_prefix: String) -> Marks {
        Marks {
            uid_prefix,
            ..Marks::default()
        }
    }

    /// The start every uid of this session's bookmarks shares.
    pub fn uid_prefix(&self) -> &str {
        &self.uid_prefix
    }

    pub fn next_uid(&mut self) -> String {
        self.uid_counter += 1;
        format!("{}-{}", self.uid_prefix, self.uid_counter)
    }

    /// The bookmarks not saved, in reading order.
    pub fn unsaved_bookmarks(&self) -> impl Iterator<Item = &Bookmark> {
        self.bookmarks
            .iter()
            .filter(|b| self.unsaved.contains(&b.uid))
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

    /// True when some placed bookmark covers part of the blocks `first..=last` (an outline
    /// entry's): one look at each bookmark, however many blocks the range holds.
    pub fn range_is_marked(&self, first: usize, last: usize) -> bool {
        self.bookmarks
            .iter()
            .any(|b| !b.orphaned && b.span.start.block <= last && b.span.end.block >= first)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Anchor;

    fn bookmark(from: usize, to: usize, orphaned: bool) -> Bookmark {
        let at = |block| Anchor::new(block, 0);
        Bookmark {
            span: Span {
                start: at(from),
                end: at(to),
            },
            orphaned,
            ..Bookmark::default()
        }
    }

    #[test]
    fn a_range_is_marked_exactly_when_one_of_its_blocks_is() {
        let marks = Marks {
            bookmarks: vec![bookmark(5, 6, false), bookmark(20, 20, true)],
            ..Marks::default()
        };
        for (first, last) in [(0, 4), (0, 5), (6, 9), (5, 5), (7, 30), (0, 100), (20, 20)] {
            let by_block = (first..=last).any(|b| marks.block_is_marked(b));
            assert_eq!(
                marks.range_is_marked(first, last),
                by_block,
                "{first}..={last}"
            );
        }
        assert!(marks.range_is_marked(0, 5));
        assert!(
            !marks.range_is_marked(7, 30),
            "an orphaned bookmark marks nothing"
        );
    }
}
