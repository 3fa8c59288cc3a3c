//! The outline as the sidebar lays it out: which entries are on screen, from which one, and
//! the rows each takes. Most entries take one row; a Chinese or Japanese label that one row
//! would cut inside a run takes two (see [`label_rows`]). The view draws these rows and a click
//! is mapped back through them, so both always agree on what is where.

use crate::layout::geometry::{sidebar_indent, sidebar_offset};
use crate::outline::{Entry, EntryKind, label_rows, told_apart};

use super::Model;

/// One entry as the sidebar shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownEntry {
    /// Its index in the outline.
    pub entry: usize,
    /// Columns before its fold marker, by its level.
    pub indent: u16,
    /// Its fold marker ("▸ ", "▾ ", or room for one in a tree), before its label's first row.
    pub marker: &'static str,
    /// It holds a bookmark: its first row keeps its last column for the mark.
    pub marked: bool,
    /// Its label, a row each (at most two), each fitted to the room after the marker.
    pub rows: Vec<String>,
}

/// The entries the sidebar shows in `height` rows (under its header) of `inner_width` columns,
/// from the first on screen, the cursor's entry among them whole. An entry at the bottom that
/// has not room for all its rows shows those that fit.
pub fn shown_entries(model: &Model, height: usize, inner_width: u16) -> Vec<ShownEntry> {
    let shown = model.folds().shown();
    if height == 0 || shown.is_empty() {
        return Vec::new();
    }
    let cursor = model
        .folds()
        .row_for(model.sidebar_cursor())
        .min(shown.len() - 1);
    let mut first = sidebar_offset(cursor, shown.len(), height);
    // Entries of two rows above the cursor could push it off the bottom.
    let mut above: Vec<ShownEntry> = shown[first..=cursor]
        .iter()
        .map(|&index| lay_out(model, index, inner_width))
        .collect();
    let mut used: usize = above.iter().map(|e| e.rows.len()).sum();
    while used > height && first < cursor {
        used -= above.remove(0).rows.len();
        first += 1;
    }
    let mut out = Vec::new();
    let mut left = height;
    let below = shown[cursor + 1..]
        .iter()
        .map(|&index| lay_out(model, index, inner_width));
    for mut entry in above.into_iter().chain(below) {
        if left == 0 {
            break;
        }
        entry.rows.truncate(left);
        left -= entry.rows.len();
        out.push(entry);
    }
    out
}

/// The entry on row `row` (0 the first under the header) of what [`shown_entries`] gives, and
/// whether that row is its first.
pub fn entry_at_row(shown: &[ShownEntry], row: usize) -> Option<(usize, bool)> {
    let mut top = 0;
    for entry in shown {
        if row < top + entry.rows.len() {
            return Some((entry.entry, row == top));
        }
        top += entry.rows.len();
    }
    None
}

fn lay_out(model: &Model, index: usize, inner_width: u16) -> ShownEntry {
    let Some(entry) = model.outline().entries.get(index) else {
        return ShownEntry {
            entry: index,
            indent: 0,
            marker: "",
            marked: false,
            rows: vec![String::new()],
        };
    };
    let folds = model.folds();
    let indent = sidebar_indent(entry.level, inner_width);
    let marker = if folds.is_folded(index)
        || (entry.kind == EntryKind::Leftovers && !model.leftovers_open())
    {
        "▸ "
    } else if folds.is_branch(index) {
        "▾ "
    } else if folds.is_tree() {
        // A tree gets a column for its fold markers; a flat outline does not need one.
        "  "
    } else {
        ""
    };
    let marked = (entry.first_block..=entry.last_block).any(|b| model.marks().block_is_marked(b));
    let room = (inner_width as usize)
        .saturating_sub(indent as usize + 1 + usize::from(marked) + marker.chars().count());
    let heading = entry.kind == EntryKind::Heading;
    let entries = &model.outline().entries;
    // Only a heading's label cut to its row can look like its sibling's: a paragraph's
    // label is its key phrases, and a series of headings is what opens alike.
    let siblings: Vec<&str> = if heading && entry.label.len() > room {
        [
            sibling_before(entries, index),
            sibling_after(entries, index),
        ]
        .into_iter()
        .flatten()
        .map(|i| entries[i].label.as_str())
        .collect()
    } else {
        Vec::new()
    };
    let label = told_apart(&entry.label, &siblings, heading, room);
    ShownEntry {
        entry: index,
        indent,
        marker,
        marked,
        rows: label_rows(&label, heading, room),
    }
}

/// How far the sidebar looks, each frame, for an entry's sibling past its children: a
/// title over a book's every paragraph is not read through for one.
const SIBLING_REACH: usize = 4_096;

/// The entry before `index` under the same parent, at the same level.
fn sibling_before(entries: &[Entry], index: usize) -> Option<usize> {
    let entry = entries.get(index)?;
    (index.saturating_sub(SIBLING_REACH)..index)
        .rev()
        .find(|&i| entries[i].level <= entry.level)
        .filter(|&i| entries[i].level == entry.level && entries[i].parent == entry.parent)
}

/// The entry after `index` under the same parent, at the same level.
fn sibling_after(entries: &[Entry], index: usize) -> Option<usize> {
    let entry = entries.get(index)?;
    (index + 1..entries.len().min(index + 1 + SIBLING_REACH))
        .find(|&i| entries[i].level <= entry.level)
        .filter(|&i| entries[i].level == entry.level && entries[i].parent == entry.parent)
}
