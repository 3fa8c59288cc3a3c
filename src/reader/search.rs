//! The search as the reader holds it: the last query, its hits, which hit is current, the
//! results list for the sidebar (hits grouped under their outline entry), and the regex
//! toggle. Plain data with lookups; `update::search` is what changes it.

use crate::outline::Outline;
use crate::search::{Found, Match, SearchIndex};

/// A finished or in-progress search whose hits are highlighted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActiveSearch {
    /// The query as typed (regex marker included).
    pub query: String,
    pub regex_mode: bool,
    pub found: Found,
    /// The hit the view was last moved to.
    pub current: Option<usize>,
}

impl ActiveSearch {
    pub fn matches(&self) -> &[Match] {
        &self.found.matches
    }

    /// The hits inside one block, in order.
    pub fn matches_in_block(&self, block: usize) -> &[Match] {
        let matches = self.matches();
        let first = matches.partition_point(|m| m.block < block);
        let end = first + matches[first..].partition_point(|m| m.block == block);
        &matches[first..end]
    }

    /// "match 3 of 17" (or "of 100000+" when the list was cut short).
    pub fn position_text(&self) -> String {
        let total = self.found.matches.len();
        let plus = if self.found.truncated { "+" } else { "" };
        match self.current {
            Some(i) => format!("match {} of {total}{plus}", i + 1),
            None => format!("{total}{plus} matches"),
        }
    }
}

/// One row of the results list in the sidebar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultRow {
    /// An outline entry that has hits (index into the outline).
    Entry(usize),
    /// A hit (index into the active search's matches).
    Hit(usize),
}

/// Rows for the sidebar's results view: each section with hits (the nearest heading, or the
/// outline's own entry where the text has none), then its hits.
pub fn result_rows(search: &ActiveSearch, outline: &Outline) -> Vec<ResultRow> {
    let mut rows = Vec::with_capacity(search.matches().len() + 16);
    let mut last_entry = None;
    for (index, m) in search.matches().iter().enumerate() {
        let entry = outline.section_index_for_block(m.block);
        if entry != last_entry {
            if let Some(e) = entry {
                rows.push(ResultRow::Entry(e));
            }
            last_entry = entry;
        }
        rows.push(ResultRow::Hit(index));
    }
    rows
}

/// Everything search keeps in the model.
#[derive(Debug, Default)]
pub struct SearchState {
    /// Folded copies of the document, built on first search.
    pub index: SearchIndex,
    /// The highlighted search, if any.
    pub active: Option<ActiveSearch>,
    /// Queries are regular expressions without the leading `\`.
    pub regex_mode: bool,
    /// The sidebar lists results instead of the outline.
    pub results_view: bool,
    /// Row of the results list under the cursor.
    pub results_cursor: usize,
    /// The results list of the active search (rebuilt when the search changes).
    pub rows: Vec<ResultRow>,
}

impl SearchState {
    /// Replace the active search and rebuild what derives from it.
    pub fn set_active(&mut self, search: Option<ActiveSearch>, outline: &Outline) {
        self.rows = search
            .as_ref()
            .map(|s| result_rows(s, outline))
            .unwrap_or_default();
        self.results_cursor = 0;
        self.active = search;
    }

    /// True when the sidebar lists search results instead of the outline.
    pub fn results_shown(&self) -> bool {
        self.results_view && self.active.is_some()
    }

    /// The results-list row showing hit `index`.
    pub fn row_of_hit(&self, index: usize) -> Option<usize> {
        self.rows.iter().position(|r| *r == ResultRow::Hit(index))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    #[test]
    fn hits_group_under_their_outline_entry() {
        let doc = Document::from_text("Title\n\nOne whale.\n\nTwo whale whale.\n", "t");
        let outline = Outline::build(&doc);
        let found = crate::search::search(&doc, "whale", false).unwrap();
        let search = ActiveSearch {
            query: "whale".into(),
            regex_mode: false,
            found,
            current: Some(0),
        };
        let rows = result_rows(&search, &outline);
        let entries = rows
            .iter()
            .filter(|r| matches!(r, ResultRow::Entry(_)))
            .count();
        let hits = rows
            .iter()
            .filter(|r| matches!(r, ResultRow::Hit(_)))
            .count();
        assert_eq!((entries, hits), (2, 3), "{rows:?}");
        assert!(matches!(rows[0], ResultRow::Entry(_)));
        assert_eq!(search.matches_in_block(search.matches()[1].block).len(), 2);
        assert_eq!(search.position_text(), "match 1 of 3");
    }
}
