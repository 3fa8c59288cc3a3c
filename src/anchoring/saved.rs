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
    /// The page the place was on and how many there were, as last seen, when they were known.
    pub pages: Option<SeenPages>,
}

/// The page number and page count shown at a saved place, with what they depend on: the file
/// as it was (its length and modification time) and the layout (the column, the page's rows,
/// the style, the program). Reopened with all of these the same, the layout is the same, so
/// the numbers can be shown before the whole file is read again; with any of them different,
/// they are not shown.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SeenPages {
    /// From 1.
    pub page: usize,
    pub total: usize,
    /// The file's stamp ([`crate::document::Document::source_stamp`]).
    pub file: String,
    /// The layout's signature (the reader's `layout_signature`).
    pub layout: String,
}

impl SeenPages {
    /// One line for the store: "PAGE/TOTAL", the file's stamp and the layout's signature,
    /// separated by tabs (neither holds one).
    pub fn to_stored(&self) -> String {
        format!(
            "{}/{}\t{}\t{}",
            self.page, self.total, self.file, self.layout
        )
    }

    /// Read back what [`SeenPages::to_stored`] wrote; `None` for anything else.
    pub fn from_stored(stored: &str) -> Option<SeenPages> {
        let mut parts = stored.splitn(3, '\t');
        let (page, total) = parts.next()?.split_once('/')?;
        let seen = SeenPages {
            page: page.parse().ok()?,
            total: total.parse().ok()?,
            file: parts.next()?.to_string(),
            layout: parts.next()?.to_string(),
        };
        (seen.page >= 1 && seen.page <= seen.total).then_some(seen)
    }
}

/// Where a line of a plain text's file begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LineMark {
    /// 1-based.
    pub line: usize,
    pub byte: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seen_pages_are_stored_as_one_line_and_read_back() {
        let seen = SeenPages {
            page: 3,
            total: 40,
            file: "1024:17".into(),
            layout: "72x59 leftovers=false Style { code: Cut }".into(),
        };
        assert_eq!(SeenPages::from_stored(&seen.to_stored()), Some(seen));
        // Anything else, or a page past the count, is no record of pages.
        for bad in [
            "",
            "3/40",
            "x/40\ta\tb",
            "41/40\ta\tb",
            "0/40\ta\tb",
            "3\ta\tb",
        ] {
            assert_eq!(SeenPages::from_stored(bad), None, "{bad:?}");
        }
    }
}
