//! The sidebar's view of the outline tree: which entries are folded (their children hidden),
//! and so which entries show as rows. The outline itself never changes for it; only this view.
//!
//! A long outline starts folded, so a book's sidebar reads like its table of contents (the
//! chapters, not thousands of paragraphs); a short one starts open.

use crate::outline::Outline;

/// Outlines with more entries than this start with every branch folded.
pub const FOLD_OVER: usize = 60;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folds {
    /// Per entry: its enclosing entry.
    parents: Vec<Option<usize>>,
    /// Per entry: it has entries under it.
    branch: Vec<bool>,
    /// Some entry has entries under it.
    tree: bool,
    /// Per entry: its children are hidden.
    folded: Vec<bool>,
    /// The entries that show, in outline order: none sits under a folded entry.
    shown: Vec<usize>,
}

impl Folds {
    /// The view of `outline` as it first opens: folded when the outline is long.
    pub fn new(outline: &Outline) -> Folds {
        let count = outline.entries.len();
        let parents: Vec<Option<usize>> = outline
            .entries
            .iter()
            .enumerate()
            // A parent always comes before its children; anything else is ignored rather
            // than trusted, so the view can never loop.
            .map(|(i, e)| e.parent.filter(|&p| p < i))
            .collect();
        let mut branch = vec![false; count];
        for parent in parents.iter().flatten() {
            branch[*parent] = true;
        }
        let tree = branch.contains(&true);
        let mut folded = if count > FOLD_OVER {
            branch.clone()
        } else {
            vec![false; count]
        };
        // One branch alone at the top (a Markdown file's one `#` title over everything) would
        // fold the whole outline into a single row: it opens on the level under it instead.
        let mut roots = (0..count).filter(|&i| parents[i].is_none() && branch[i]);
        if let (Some(root), None) = (roots.next(), roots.next()) {
            folded[root] = false;
        }
        let mut folds = Folds {
            parents,
            branch,
            tree,
            folded,
            shown: Vec::new(),
        };
        folds.refresh();
        folds
    }

    fn refresh(&mut self) {
        let mut visible = vec![false; self.parents.len()];
        self.shown.clear();
        for (entry, parent) in self.parents.iter().enumerate() {
            visible[entry] = parent.is_none_or(|p| visible[p] && !self.folded[p]);
            if visible[entry] {
                self.shown.push(entry);
            }
        }
    }

    /// The entries shown as rows, in order.
    pub fn shown(&self) -> &[usize] {
        &self.shown
    }

    /// The row of a shown entry.
    pub fn row_of(&self, entry: usize) -> Option<usize> {
        self.shown.binary_search(&entry).ok()
    }

    /// The row standing for `entry`: its own, or its nearest shown ancestor's when it is
    /// folded away.
    pub fn row_for(&self, entry: usize) -> usize {
        self.row_of(self.shown_ancestor(entry)).unwrap_or(0)
    }

    /// `entry` itself when it shows, else the nearest ancestor that does.
    pub fn shown_ancestor(&self, entry: usize) -> usize {
        let mut at = entry;
        while self.row_of(at).is_none() {
            match self.parents.get(at).copied().flatten() {
                Some(parent) => at = parent,
                None => break,
            }
        }
        at
    }

    /// Some entry has entries under it: the outline is a tree, not a flat list. (The top of
    /// any branch always shows, so this is also "a branch shows".)
    pub fn is_tree(&self) -> bool {
        self.tree
    }

    pub fn is_branch(&self, entry: usize) -> bool {
        self.branch.get(entry).copied().unwrap_or(false)
    }

    pub fn is_folded(&self, entry: usize) -> bool {
        self.is_branch(entry) && self.folded.get(entry).copied().unwrap_or(false)
    }

    pub fn parent(&self, entry: usize) -> Option<usize> {
        self.parents.get(entry).copied().flatten()
    }

    /// Fold or unfold one branch; true when something changed.
    pub fn set_folded(&mut self, entry: usize, fold: bool) -> bool {
        if !self.is_branch(entry) || self.folded[entry] == fold {
            return false;
        }
        self.folded[entry] = fold;
        self.refresh();
        true
    }

    /// Fold or unfold every branch.
    pub fn set_all(&mut self, fold: bool) {
        for (folded, branch) in self.folded.iter_mut().zip(&self.branch) {
            *folded = fold && *branch;
        }
        self.refresh();
    }

    /// Unfold the ancestors of `entry` so that it shows.
    pub fn reveal(&mut self, entry: usize) {
        let mut at = self.parent(entry);
        while let Some(parent) = at {
            self.folded[parent] = false;
            at = self.parent(parent);
        }
        self.refresh();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Format};

    #[test]
    fn a_long_outline_under_one_title_opens_on_the_level_below_it() {
        let mut text = String::from("# The Guide\n\n");
        for section in 1..=30 {
            text.push_str(&format!("## Part {section}\n\n"));
            for paragraph in 1..=3 {
                text.push_str(&format!(
                    "Part {section} paragraph {paragraph} says a thing.\n\n"
                ));
            }
        }
        let doc = Document::structure(&text, "guide.md", Format::Markdown);
        let outline = Outline::build(&doc);
        assert!(outline.entries.len() > FOLD_OVER);
        let folds = Folds::new(&outline);
        // The title and its thirty parts show; the parts' paragraphs are folded away.
        assert!(folds.shown().len() > 30, "{}", folds.shown().len());
        assert!(folds.shown().len() < outline.entries.len());
    }

    use crate::outline::{Entry, EntryKind};

    fn entry(level: u8, parent: Option<usize>) -> Entry {
        Entry {
            kind: if parent.is_some() {
                EntryKind::Paragraph
            } else {
                EntryKind::Heading
            },
            level,
            label: String::new(),
            text: String::new(),
            first_block: 0,
            last_block: 0,
            line: 1,
            parent,
        }
    }

    /// Two chapters (0 and 3) with two paragraphs each, the second with a sub-heading (4)
    /// holding one paragraph (5).
    fn small() -> Outline {
        Outline {
            entries: vec![
                entry(1, None),
                entry(2, Some(0)),
                entry(2, Some(0)),
                entry(1, None),
                entry(2, Some(3)),
                entry(3, Some(4)),
            ],
        }
    }

    #[test]
    fn a_short_outline_opens_unfolded() {
        let folds = Folds::new(&small());
        assert_eq!(folds.shown(), &[0, 1, 2, 3, 4, 5]);
        assert!(folds.is_branch(0) && !folds.is_branch(1));
    }

    #[test]
    fn a_long_outline_opens_as_its_top_level() {
        let mut entries = Vec::new();
        for _ in 0..20 {
            let head = entries.len();
            entries.push(entry(1, None));
            for _ in 0..5 {
                entries.push(entry(2, Some(head)));
            }
        }
        let folds = Folds::new(&Outline { entries });
        assert_eq!(folds.shown().len(), 20);
        assert!(folds.shown().iter().all(|&e| folds.is_folded(e)));
    }

    #[test]
    fn folding_hides_every_descendant_and_unfolding_restores_them() {
        let mut folds = Folds::new(&small());
        assert!(folds.set_folded(3, true));
        assert_eq!(folds.shown(), &[0, 1, 2, 3]);
        assert_eq!(
            folds.row_for(5),
            3,
            "a hidden entry is stood for by its ancestor"
        );
        assert!(!folds.set_folded(1, true), "a leaf has nothing to fold");
        assert!(folds.set_folded(3, false));
        assert_eq!(folds.shown(), &[0, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn revealing_a_deep_entry_unfolds_its_ancestors_only() {
        let mut folds = Folds::new(&small());
        folds.set_all(true);
        assert_eq!(folds.shown(), &[0, 3]);
        folds.reveal(5);
        assert_eq!(folds.shown(), &[0, 3, 4, 5]);
        assert!(folds.is_folded(0));
    }

    #[test]
    fn parents_that_do_not_come_first_are_ignored() {
        let outline = Outline {
            entries: vec![entry(1, Some(1)), entry(1, Some(0)), entry(1, Some(9))],
        };
        let mut folds = Folds::new(&outline);
        folds.set_all(true);
        assert_eq!(folds.shown(), &[0, 2]);
        assert_eq!(folds.row_for(1), 0);
    }
}
