//! The outline as the sidebar lays it out: which entries are on screen, from which one, and
//! the rows each takes. Most entries take one row; a Chinese or Japanese label that one row
//! would cut inside a run takes two (see [`label_rows`]). The view draws these rows and a click
//! is mapped back through them, so both always agree on what is where.

use std::rc::Rc;

use rustc_hash::FxHashMap;

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
    /// Its label, a row each (at most two), each fitted to the room after the marker; shared
    /// with the fitted labels kept for the next frame.
    pub rows: Rc<[String]>,
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
        if entry.rows.len() > left {
            entry.rows = entry.rows[..left].into();
        }
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
            rows: Rc::new([String::new()]),
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
    let marked = model
        .marks()
        .range_is_marked(entry.first_block, entry.last_block);
    let room = (inner_width as usize)
        .saturating_sub(indent as usize + 1 + usize::from(marked) + marker.chars().count());
    // The cache is only ever borrowed here, one entry at a time; were it busy, the label
    // is fitted afresh rather than waited for.
    let rows = match model.fitted_labels.try_borrow_mut() {
        Ok(mut cache) => cache.rows(index, room, || fitted_rows(model, index, room)),
        Err(_) => fitted_rows(model, index, room).into(),
    };
    ShownEntry {
        entry: index,
        indent,
        marker,
        marked,
        rows,
    }
}

/// The rows of entry `index`'s label fitted to `room` columns.
fn fitted_rows(model: &Model, index: usize, room: usize) -> Vec<String> {
    let entries = &model.outline().entries;
    let Some(entry) = entries.get(index) else {
        return vec![String::new()];
    };
    let heading = entry.kind == EntryKind::Heading;
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
    label_rows(&label, heading, room)
}

/// The outline's labels as fitted to their rows, kept from frame to frame: fitting one reads
/// it word by word (a heading cut short, its siblings' too), and a page turn shows the same
/// sixty again; done anew each frame, it was a sixth of a page turn's drawing. It belongs to
/// one outline: a new one starts a new cache.
#[derive(Debug, Default)]
pub struct FittedLabels {
    /// By entry and room (columns): the label's rows.
    rows: FxHashMap<(usize, usize), Rc<[String]>>,
}

/// How many fitted labels are kept before they are all let go: a few screens' worth at a
/// few widths, so that resizing back and forth, or scrolling a long outline, cannot grow it
/// without end.
const FITTED_LABELS_KEPT: usize = 4_096;

impl FittedLabels {
    /// The rows of entry `entry` fitted to `room` columns, made by `fit` the first time.
    fn rows(
        &mut self,
        entry: usize,
        room: usize,
        fit: impl FnOnce() -> Vec<String>,
    ) -> Rc<[String]> {
        if let Some(rows) = self.rows.get(&(entry, room)) {
            return Rc::clone(rows);
        }
        if self.rows.len() >= FITTED_LABELS_KEPT {
            self.rows.clear();
        }
        let rows: Rc<[String]> = fit().into();
        self.rows.insert((entry, room), Rc::clone(&rows));
        rows
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.rows.len()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Format};
    use crate::outline::Outline;
    use crate::reader::{Opened, Setup};

    /// A Markdown guide of `sections` parts, each with a heading long enough to be cut.
    fn guide(sections: usize) -> Model {
        let mut text = String::from("# A guide\n\n");
        for section in 1..=sections {
            text.push_str(&format!(
                "## Part {section}: on the keeping of lighthouses along a stormy coast\n\n\
                 Part {section} says a thing about lamps.\n\n"
            ));
        }
        let doc = Document::structure(&text, "guide.md", Format::Markdown);
        let setup = Setup {
            screen: (120, 40),
            ..Setup::default()
        };
        Model::open(Opened::fresh(doc), setup)
    }

    /// What each entry's rows are when fitted afresh, with nothing kept.
    fn fitted_afresh(model: &Model, shown: &[ShownEntry], inner_width: u16) -> Vec<Vec<String>> {
        shown
            .iter()
            .map(|s| {
                let room = (inner_width as usize).saturating_sub(
                    s.indent as usize + 1 + usize::from(s.marked) + s.marker.chars().count(),
                );
                fitted_rows(model, s.entry, room)
            })
            .collect()
    }

    #[test]
    fn kept_labels_are_the_labels_fitted_afresh_at_every_width() {
        let model = guide(12);
        for inner_width in [29, 12, 29, 40, 7, 29] {
            let shown = shown_entries(&model, 20, inner_width);
            assert!(!shown.is_empty());
            let rows: Vec<Vec<String>> = shown.iter().map(|s| s.rows.to_vec()).collect();
            assert_eq!(
                rows,
                fitted_afresh(&model, &shown, inner_width),
                "{inner_width}"
            );
        }
        // The second look at a width fits nothing again.
        let kept = model.fitted_labels.borrow().len();
        let _ = shown_entries(&model, 20, 29);
        assert_eq!(model.fitted_labels.borrow().len(), kept);
    }

    #[test]
    fn a_new_outline_is_not_shown_with_the_old_ones_labels() {
        let mut model = guide(3);
        let before = shown_entries(&model, 20, 29);
        assert_eq!(*before[1].rows, ["1: on the keeping…"]);
        let mut outline: Outline = model.outline().clone();
        for (n, entry) in outline.entries.iter_mut().enumerate() {
            entry.label = format!("Renamed {n}");
        }
        model.set_outline(outline);
        let after = shown_entries(&model, 20, 29);
        let rows: Vec<&str> = after.iter().map(|s| s.rows[0].as_str()).collect();
        assert_eq!(rows[..3], ["Renamed 0", "Renamed 1", "Renamed 2"]);
    }

    #[test]
    fn an_entry_at_the_bottom_shows_the_rows_that_fit() {
        let mut text = String::from("# 西遊記\n\n");
        for (n, title) in [
            "灵根孕育源流出心性修持大道生",
            "悟彻菩提真妙理断魔归本合元神",
        ]
        .iter()
        .cycle()
        .take(6)
        .enumerate()
        {
            text.push_str(&format!("## 第{n}回 {title}\n\n詩曰：混沌未分天地亂。\n\n"));
        }
        let doc = Document::structure(&text, "xyj.md", Format::Markdown);
        let setup = Setup {
            screen: (120, 40),
            ..Setup::default()
        };
        let model = Model::open(Opened::fresh(doc), setup);
        let width = 16;
        let all = shown_entries(&model, 100, width);
        // The first entry of two rows, and the rows above it.
        let cut = all
            .iter()
            .position(|e| e.rows.len() == 2)
            .expect("a label of two rows");
        let above: usize = all[..cut].iter().map(|e| e.rows.len()).sum();
        let shown = shown_entries(&model, above + 1, width);
        assert_eq!(shown.len(), cut + 1);
        assert_eq!(*shown[cut].rows, all[cut].rows[..1]);
        let rows: usize = shown.iter().map(|e| e.rows.len()).sum();
        assert_eq!(rows, above + 1, "no more rows than the sidebar has");
        // The entry is whole again where it fits, though its cut rows were asked for first.
        assert_eq!(shown_entries(&model, 100, width)[cut].rows, all[cut].rows);
    }

    #[test]
    fn the_kept_labels_are_let_go_past_their_bound() {
        let model = guide(3);
        let mut cache = model.fitted_labels.borrow_mut();
        for room in 0..FITTED_LABELS_KEPT + 10 {
            let _ = cache.rows(0, room, || vec![room.to_string()]);
        }
        assert!(cache.len() <= FITTED_LABELS_KEPT);
        // What is kept is still right for its key.
        assert_eq!(*cache.rows(0, FITTED_LABELS_KEPT + 9, Vec::new), ["4105"]);
    }
}
