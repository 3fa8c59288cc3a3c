//! Where a block's lines go across the column: the room its text has once its kind's prefix
//! (a quote's bar, a list item's hang) and its placement (a first-line indent, a passage set
//! in, a line set against the right edge) are taken from the column. Layout wraps in this room
//! and the view and plain output set each line where it says, so the three always agree; every
//! indent is clamped so that a line keeps room for the widest cluster.

use super::{WIDEST_CLUSTER, prefix_width};
use crate::document::{Block, BlockKind};

/// The room of one block's lines in a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Room {
    /// Columns before the text of the block's first line, after its prefix.
    pub first_indent: usize,
    /// Columns before the text of each other line.
    pub rest_indent: usize,
    /// Columns the first line's text may fill.
    pub first_width: usize,
    /// Columns each other line's text may fill.
    pub rest_width: usize,
    /// Each line ends at the right edge of its room instead of starting at its left.
    pub flush_right: bool,
}

impl Room {
    /// The room of `block`'s lines in a column `width` wide.
    pub fn of(block: &Block, width: usize) -> Room {
        let text = width
            .saturating_sub(prefix_width(block.kind))
            .max(WIDEST_CLUSTER);
        let plain = Room {
            first_indent: 0,
            rest_indent: 0,
            first_width: text,
            rest_width: text,
            flush_right: false,
        };
        // A title is centred and code keeps its own indentation: neither is placed.
        if matches!(block.kind, BlockKind::Title | BlockKind::Code) {
            return plain;
        }
        let placement = block.placement;
        let clamped = |indent: u16| usize::from(indent).min(text - WIDEST_CLUSTER);
        match placement.from_right {
            Some(gap) => {
                let width = text - clamped(gap);
                Room {
                    first_width: width,
                    rest_width: width,
                    flush_right: true,
                    ..plain
                }
            }
            None => {
                let (first, rest) = (clamped(placement.first), clamped(placement.rest));
                Room {
                    first_indent: first,
                    rest_indent: rest,
                    first_width: text - first,
                    rest_width: text - rest,
                    flush_right: false,
                }
            }
        }
    }

    /// The columns a line's text may fill.
    pub fn width(&self, first_line: bool) -> usize {
        if first_line {
            self.first_width
        } else {
            self.rest_width
        }
    }

    /// The columns before the text of a line `line_width` columns wide (after the prefix).
    pub fn indent(&self, first_line: bool, line_width: usize) -> usize {
        if self.flush_right {
            self.width(first_line).saturating_sub(line_width)
        } else if first_line {
            self.first_indent
        } else {
            self.rest_indent
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Placement;

    fn placed(kind: BlockKind, placement: Placement) -> Block {
        let mut block = Block::new(kind, "本文", 1);
        block.placement = placement;
        block
    }

    #[test]
    fn a_first_line_indent_and_a_passage_set_in_narrow_the_room() {
        let block = placed(
            BlockKind::Paragraph,
            Placement {
                first: 4,
                rest: 2,
                ..Placement::default()
            },
        );
        let room = Room::of(&block, 40);
        assert_eq!((room.first_indent, room.first_width), (4, 36));
        assert_eq!((room.rest_indent, room.rest_width), (2, 38));
        assert_eq!(room.indent(true, 10), 4);
        assert_eq!(room.indent(false, 10), 2);
        // A quote's bar comes first.
        let quote = placed(BlockKind::Quote, block.placement);
        assert_eq!(Room::of(&quote, 40).first_width, 34);
    }

    #[test]
    fn an_indent_wider_than_the_column_leaves_room_for_one_wide_character() {
        let block = placed(
            BlockKind::Paragraph,
            Placement {
                first: 500,
                rest: 60,
                ..Placement::default()
            },
        );
        let room = Room::of(&block, 20);
        assert_eq!((room.first_indent, room.first_width), (18, 2));
        assert_eq!((room.rest_indent, room.rest_width), (18, 2));
    }

    #[test]
    fn a_line_set_against_the_right_edge_ends_short_of_it_by_its_gap() {
        let block = placed(
            BlockKind::Paragraph,
            Placement {
                from_right: Some(2),
                first: 6,
                ..Placement::default()
            },
        );
        let room = Room::of(&block, 30);
        assert!(room.flush_right);
        assert_eq!(room.width(true), 28);
        // A line of 10 columns starts 18 columns in and ends 2 short of the edge.
        assert_eq!(room.indent(true, 10), 18);
        assert_eq!(room.indent(false, 28), 0);
    }

    #[test]
    fn titles_and_code_are_not_placed() {
        let placement = Placement {
            first: 4,
            rest: 4,
            ..Placement::default()
        };
        for kind in [BlockKind::Title, BlockKind::Code] {
            let room = Room::of(&placed(kind, placement), 30);
            assert_eq!((room.first_indent, room.first_width), (0, 30), "{kind:?}");
        }
    }
}
