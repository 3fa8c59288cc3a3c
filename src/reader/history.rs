//! The jump history: the places the reader left by jumping (search, outline, go-to, sections,
//! bookmarks), as [`Anchor`]s, so `Ctrl-o` can go back, `Ctrl-n` forward again, and `''`
//! toggle with the previous place, as in vim and less. Plain data; `update` decides what a
//! jump is and calls [`JumpHistory::record`].

use crate::document::Anchor;

/// How many places are kept; older ones fall off.
pub const HISTORY_LIMIT: usize = 100;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JumpHistory {
    back: Vec<Anchor>,
    forward: Vec<Anchor>,
}

impl JumpHistory {
    pub fn new() -> JumpHistory {
        JumpHistory::default()
    }

    /// A jump is leaving `from`. A new jump forgets the places ahead, as in a browser.
    pub fn record(&mut self, from: Anchor) {
        self.forward.clear();
        self.push_back(from);
    }

    fn push_back(&mut self, from: Anchor) {
        if self.back.last() != Some(&from) {
            self.back.push(from);
        }
        if self.back.len() > HISTORY_LIMIT {
            self.back.remove(0);
        }
    }

    /// Step back from `current`: the place to go, with `current` kept for [`forward`](Self::forward).
    pub fn back(&mut self, current: Anchor) -> Option<Anchor> {
        let mut target = self.back.pop()?;
        // Going back to where we already are would look like a dead key: skip it.
        while target == current {
            target = self.back.pop()?;
        }
        if self.forward.last() != Some(&current) {
            self.forward.push(current);
        }
        Some(target)
    }

    /// Step forward again after [`back`](Self::back).
    pub fn forward(&mut self, current: Anchor) -> Option<Anchor> {
        let mut target = self.forward.pop()?;
        while target == current {
            target = self.forward.pop()?;
        }
        self.push_back(current);
        Some(target)
    }

    /// `''`: go to the place the last jump left, and remember this one, so a second `''`
    /// comes back here.
    pub fn toggle(&mut self, current: Anchor) -> Option<Anchor> {
        let target = self.back.pop()?;
        self.forward.clear();
        self.push_back(current);
        Some(target)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(block: usize) -> Anchor {
        Anchor::new(block, 0)
    }

    #[test]
    fn back_and_forward_retrace_jumps() {
        let mut h = JumpHistory::new();
        h.record(at(1)); // jumped 1 → 5
        h.record(at(5)); // jumped 5 → 9
        assert_eq!(h.back(at(9)), Some(at(5)));
        assert_eq!(h.back(at(5)), Some(at(1)));
        assert_eq!(h.back(at(1)), None);
        assert_eq!(h.forward(at(1)), Some(at(5)));
        assert_eq!(h.forward(at(5)), Some(at(9)));
        assert_eq!(h.forward(at(9)), None);
        assert_eq!(h.back(at(9)), Some(at(5)));
    }

    #[test]
    fn a_new_jump_forgets_the_way_forward() {
        let mut h = JumpHistory::new();
        h.record(at(1));
        assert_eq!(h.back(at(4)), Some(at(1)));
        h.record(at(1)); // jumped elsewhere from 1
        assert_eq!(h.forward(at(1)), None);
    }

    #[test]
    fn toggle_alternates_two_places() {
        let mut h = JumpHistory::new();
        assert_eq!(h.toggle(at(3)), None);
        h.record(at(2)); // jumped 2 → 7
        assert_eq!(h.toggle(at(7)), Some(at(2)));
        assert_eq!(h.toggle(at(2)), Some(at(7)));
        assert_eq!(h.toggle(at(7)), Some(at(2)));
    }

    #[test]
    fn history_is_bounded() {
        let mut h = JumpHistory::new();
        for i in 0..HISTORY_LIMIT * 2 {
            h.record(at(i));
        }
        let mut steps = 0;
        let mut here = at(usize::MAX);
        while let Some(t) = h.back(here) {
            here = t;
            steps += 1;
        }
        assert_eq!(steps, HISTORY_LIMIT);
    }
}
