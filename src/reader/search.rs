//! The search as the reader holds it: the last query, its hits, which hit is current, whether
//! the list of hits is still being completed off the loop, the results list for the sidebar
//! (hits grouped under their outline entry), and the regex toggle. Plain data with lookups;
//! `update::search` is what changes it.

use crate::document::Anchor;
use crate::outline::Outline;
use crate::search::{Found, Match, ScanLimits};

/// What the status line says for a hit whose number is not known yet.
pub const COUNTING: &str = "match … of …";

/// A finished or in-progress search whose hits are highlighted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActiveSearch {
    /// The query as typed (regex marker included).
    pub query: String,
    pub regex_mode: bool,
    /// The hits known so far, in document order: all of them unless `counting`.
    pub found: Found,
    /// The hit the view was last moved to.
    pub current: Option<usize>,
    /// The place the search looks outward from (where the view was when it began).
    pub from: Anchor,
    /// Set while the full list is still being made in the background.
    pub counting: Option<Counting>,
}

/// A search whose list of hits is not complete yet: the keystroke found the hits near the
/// place, and the rest are being found off the loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counting {
    /// Which run of a search this is; a result for another run is stale.
    pub serial: u64,
    /// What to do with the first hit if it was not found near the place.
    pub then: Landing,
}

/// Where the view goes once a search's first hit is known, when the keystroke that started
/// the search did not find it near the place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Landing {
    /// Nothing to do: the first hit is shown already.
    Stay,
    /// Show it as typing a search does, if the search prompt is still open.
    Incremental,
    /// Go to it as a finished search does (recording the jump when asked) and say where it is.
    Jump { record: bool },
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

    /// "match 3 of 17" (or "of 100000+" when the list was cut short); while the list is
    /// still being made, "match … of …", or "searching…" before the first hit is found.
    pub fn position_text(&self) -> String {
        if self.counting.is_some() {
            return match self.current {
                Some(_) => COUNTING.to_string(),
                None => "searching…".to_string(),
            };
        }
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
    /// The last serial given to a run of a search.
    pub serial: u64,
    /// The run whose full list is being made in the background, if any: only one at a time,
    /// so typing a long query quickly never leaves a pile of stale scans running.
    pub in_flight: Option<u64>,
    /// How much of the document a keystroke reads before leaving the rest to the background.
    pub limits: ScanLimits,
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

    /// True while the active search's list of hits is still being made.
    pub fn counting(&self) -> bool {
        self.active.as_ref().is_some_and(|s| s.counting.is_some())
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
            ..ActiveSearch::default()
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
