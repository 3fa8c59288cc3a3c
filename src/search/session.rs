//! The search as the reader sees it: the last query, its hits, which hit is current, the
//! results list for the sidebar (hits grouped under their outline entry), and the regex
//! toggle. Plain data with lookups; `search::update` is what changes it.

use crate::document::Document;
use crate::outline::Outline;

use super::{Found, Match, SearchIndex};

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

/// Rows for the sidebar's results view: each outline entry with hits, then its hits.
pub fn result_rows(search: &ActiveSearch, outline: &Outline) -> Vec<ResultRow> {
    let mut rows = Vec::with_capacity(search.matches().len() + 16);
    let mut last_entry = None;
    for (index, m) in search.matches().iter().enumerate() {
        let entry = outline.entry_for_block(m.block);
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

    /// The results-list row showing hit `index`.
    pub fn row_of_hit(&self, index: usize) -> Option<usize> {
        self.rows.iter().position(|r| *r == ResultRow::Hit(index))
    }
}

/// A short excerpt around a hit for the results list: up to `before` bytes of context (cut at
/// a character boundary), the hit, and what follows; whitespace runs become one space.
/// Returns the excerpt and the byte range of the hit in it.
pub fn excerpt(doc: &Document, m: &Match, before: usize) -> (String, usize, usize) {
    let text = doc.text(m.block);
    let mut from = m.start.saturating_sub(before);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let lead = squash(text.get(from..m.start).unwrap_or(""));
    let hit = squash(text.get(m.range()).unwrap_or(""));
    let tail: String = text.get(m.end..).unwrap_or("").chars().take(120).collect();
    let (start, end) = (lead.len(), lead.len() + hit.len());
    (format!("{lead}{hit}{}", squash(&tail)), start, end)
}

/// Each run of whitespace as one space (newlines in code blocks would break the row).
fn squash(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_marks_the_hit_and_squashes_space() {
        let doc = Document::from_text("Para one.\n\n    let  x =\n    whale;\n", "t");
        let block = doc
            .blocks
            .iter()
            .position(|b| b.text.contains("whale"))
            .unwrap();
        let start = doc.blocks[block].text.find("whale").unwrap();
        let m = Match {
            block,
            start,
            end: start + 5,
        };
        let (text, a, b) = excerpt(&doc, &m, 8);
        assert_eq!(&text[a..b], "whale");
        assert!(!text.contains('\n') && !text.contains("  "), "{text:?}");
    }

    #[test]
    fn hits_group_under_their_outline_entry() {
        let doc = Document::from_text("Title\n\nOne whale.\n\nTwo whale whale.\n", "t");
        let outline = Outline::build(&doc);
        let found = super::super::search(&doc, "whale", false).unwrap();
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
