//! The data kept for a passage and for a place: a [`Bookmark`] (a passage of the text, its
//! quote, a note) and a reading [`Position`] (an anchor with the text there). Plain records,
//! shared by the reader that makes them and the store that keeps them.

use super::{Span, TextQuote};
use crate::document::Anchor;

/// One bookmarked passage.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Bookmark {
    /// Stable identity across processes and exports, unique in a store.
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

/// The reader's place, with the text there so it can be found again after an edit.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Position {
    pub anchor: Anchor,
    pub quote: TextQuote,
    /// The line of the source file where the place's paragraph starts, when the document is
    /// plain text: what lets a long file be reopened near the place before it is read whole.
    pub line: Option<usize>,
    /// Where a line at most a thousand or so before that one begins in the file: where to
    /// start reading it from.
    pub mark: Option<LineMark>,
}

/// Where a line of a plain text's file begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LineMark {
    /// 1-based.
    pub line: usize,
    pub byte: u64,
}
