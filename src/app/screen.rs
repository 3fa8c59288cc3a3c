//! What the terminal shows, as the frame backend wrote it: for each cell, the one narrow
//! character and the pen it was drawn with, or nothing when that is not known for sure (a wide
//! character, a cluster, a cell never drawn). Only known cells may be written again in place
//! of a cursor move.

use ratatui::backend::ClearType;
use ratatui::buffer::Cell;
use ratatui::layout::Position;
use ratatui::style::{Color, Modifier};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The colours and attributes text is drawn with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pen {
    pub fg: Color,
    pub bg: Color,
    pub modifier: Modifier,
}

impl Default for Pen {
    /// The terminal's own colours, no attributes: the pen after a reset and of erased cells.
    fn default() -> Pen {
        Pen {
            fg: Color::Reset,
            bg: Color::Reset,
            modifier: Modifier::empty(),
        }
    }
}

impl Pen {
    pub fn of(cell: &Cell) -> Pen {
        Pen {
            fg: cell.fg,
            bg: cell.bg,
            modifier: cell.modifier,
        }
    }
}

/// A cell known to hold one character of width one, drawn with `pen`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Plain {
    ch: char,
    pen: Pen,
}

const BLANK: Plain = Plain {
    ch: ' ',
    pen: Pen {
        fg: Color::Reset,
        bg: Color::Reset,
        modifier: Modifier::empty(),
    },
};

/// The screen's cells, row by row; `None` where the content is not known.
#[derive(Debug, Default)]
pub struct Screen {
    width: u16,
    height: u16,
    cells: Vec<Option<Plain>>,
    /// Cells after the first of a cluster of several characters ("สำ", Thai SARA AM after its
    /// consonant): a terminal prints each of its spacing characters in a cell of its own, so
    /// writing over the cluster's first cell leaves the rest standing, as a wide character's
    /// other half is not.
    tails: Vec<bool>,
    /// Cells a wide character written at their left covers: ratatui holds a blank there,
    /// and the terminal shows that character's right half, or a blank once the character
    /// is written over.
    wide_halves: Vec<bool>,
    /// For each row, a column from which every cell to the row's end is known to be blank in
    /// the plain pen (the row's width when none is): a frame asks where rows end blank, and
    /// the margins beside a reading column are most of a wide screen.
    blank_from: Vec<u16>,
}

impl Clone for Screen {
    fn clone(&self) -> Screen {
        let mut copy = Screen::default();
        copy.clone_from(self);
        copy
    }

    /// Copied into memory already held where it fits: a frame tried in two orders copies the
    /// record every time.
    fn clone_from(&mut self, source: &Screen) {
        self.width = source.width;
        self.height = source.height;
        self.cells.clone_from(&source.cells);
        self.tails.clone_from(&source.tails);
        self.wide_halves.clone_from(&source.wide_halves);
        self.blank_from.clone_from(&source.blank_from);
    }
}

impl Screen {
    /// Nothing known: before the first clear, after a failed write.
    pub fn unknown() -> Screen {
        Screen::default()
    }

    pub fn width(&self) -> u16 {
        self.width
    }

    /// Take the terminal's size; at a new size nothing is known until it is cleared.
    pub fn fit(&mut self, width: u16, height: u16) {
        if (width, height) != (self.width, self.height) {
            self.width = width;
            self.height = height;
            self.cells = vec![None; usize::from(width) * usize::from(height)];
            self.tails = vec![false; self.cells.len()];
            self.wide_halves = vec![false; self.cells.len()];
            self.blank_from = vec![width; usize::from(height)];
        }
    }

    fn index(&self, at: Position) -> Option<usize> {
        (at.x < self.width && at.y < self.height)
            .then(|| usize::from(at.y) * usize::from(self.width) + usize::from(at.x))
    }

    /// `symbol` was written at `at` with `pen`. A wide character or a cluster leaves its cells
    /// unknown: how a terminal draws them, and what is left beside them when one is partly
    /// overwritten, varies.
    pub fn put(&mut self, at: Position, symbol: &str, pen: Pen) {
        let Some(start) = self.index(at) else {
            return;
        };
        // Most cells of a frame: one printable ASCII character.
        if let &[byte @ 0x20..=0x7E] = symbol.as_bytes() {
            self.tails[start] = false;
            self.wide_halves[start] = false;
            let plain = Plain {
                ch: char::from(byte),
                pen,
            };
            self.cells[start] = Some(plain);
            if plain != BLANK {
                self.not_blank_before(at, 1);
            }
            return;
        }
        self.not_blank_before(at, symbol.width().max(1));
        let mut chars = symbol.chars();
        let first = chars.next();
        let several = chars.next().is_some();
        self.tails[start] = false;
        self.wide_halves[start] = false;
        if let (Some(ch), false) = (first, several)
            && ch.width() == Some(1)
        {
            self.cells[start] = Some(Plain { ch, pen });
            return;
        }
        let covered = usize::from(at.x) + symbol.width().max(1);
        let row_end = start - usize::from(at.x) + usize::from(self.width);
        let end = (start - usize::from(at.x) + covered).min(row_end);
        self.cells[start..end].fill(None);
        self.tails[start + 1..end.max(start + 1)].fill(several);
        self.wide_halves[start + 1..end.max(start + 1)].fill(!several);
    }

    /// Something other than a plain blank was written at `at`, over `columns` cells: the row
    /// is known blank only after them.
    fn not_blank_before(&mut self, at: Position, columns: usize) {
        if let Some(from) = self.blank_from.get_mut(usize::from(at.y)) {
            let end = usize::from(at.x)
                .saturating_add(columns)
                .min(usize::from(self.width));
            *from = (*from).max(end as u16);
        }
    }

    /// The column of row `y` from which every cell to its end is known to be blank in the
    /// plain pen (the screen's width when that is not known of any).
    pub fn blank_from(&self, y: u16) -> u16 {
        self.blank_from
            .get(usize::from(y))
            .copied()
            .unwrap_or(self.width)
    }

    /// The cells after `at` that still show the rest of a cluster written there, which
    /// writing over `at` leaves standing.
    pub fn cluster_tail(&self, at: Position) -> impl Iterator<Item = Position> + '_ {
        let start = self.index(at);
        (1..self.width.saturating_sub(at.x))
            .map(move |dx| (dx, start.map(|i| i + usize::from(dx))))
            .take_while(|(_, i)| i.is_some_and(|i| self.tails.get(i) == Some(&true)))
            .map(move |(dx, _)| Position {
                x: at.x + dx,
                y: at.y,
            })
    }

    /// Whether any cluster's rest is on screen: only then can one be left standing.
    pub fn has_cluster_tails(&self) -> bool {
        self.tails.contains(&true)
    }

    pub fn height(&self) -> u16 {
        self.height
    }

    /// The terminal shows a blank in the plain pen at `at`, for sure.
    pub fn is_blank(&self, at: Position) -> bool {
        self.index(at).is_some_and(|i| self.cells[i] == Some(BLANK))
    }

    /// `at` is covered by a wide character written at its left (see `wide_halves`).
    pub fn is_wide_half(&self, at: Position) -> bool {
        self.index(at).is_some_and(|i| self.wide_halves[i])
    }

    /// What the terminal shows at `at` is known (one narrow character, or a blank).
    pub fn is_known(&self, at: Position) -> bool {
        self.index(at).is_some_and(|i| self.cells[i].is_some())
    }

    /// The `len` cells from `at` rightwards are all known, narrow and drawn with `pen`.
    pub fn is_plain_run(&self, at: Position, len: u16, pen: Pen) -> bool {
        self.run(at, len)
            .is_some_and(|cells| cells.iter().all(|c| c.is_some_and(|c| c.pen == pen)))
    }

    fn run(&self, at: Position, len: u16) -> Option<&[Option<Plain>]> {
        let start = self.index(at)?;
        let last = Position {
            x: at.x.checked_add(len)?.checked_sub(1)?,
            y: at.y,
        };
        let end = self.index(last)? + 1;
        self.cells.get(start..end)
    }

    /// Write the `len` cells from `at` again into `frame` if they are a plain run drawn with
    /// `pen` and take at most `limit` bytes; say whether they were written.
    pub fn fill(
        &self,
        frame: &mut Vec<u8>,
        at: Position,
        len: u16,
        pen: Pen,
        limit: usize,
    ) -> bool {
        let Some(cells) = self.run(at, len) else {
            return false;
        };
        let mut bytes = 0;
        for cell in cells {
            match cell {
                Some(plain) if plain.pen == pen => bytes += plain.ch.len_utf8(),
                _ => return false,
            }
            if bytes > limit {
                return false;
            }
        }
        let mut utf8 = [0u8; 4];
        for plain in cells.iter().flatten() {
            frame.extend_from_slice(plain.ch.encode_utf8(&mut utf8).as_bytes());
        }
        true
    }

    /// The terminal erased part of the screen (with the plain pen, the only one in use
    /// between frames), from where the cursor is when that matters.
    pub fn erased(&mut self, how: ClearType, cursor: Option<Position>) {
        let width = usize::from(self.width);
        let at = cursor.and_then(|c| self.index(c));
        let range = match (how, at) {
            (ClearType::All, _) => 0..self.cells.len(),
            (ClearType::AfterCursor, Some(i)) => i..self.cells.len(),
            (ClearType::BeforeCursor, Some(i)) => 0..i + 1,
            (ClearType::CurrentLine, Some(i)) => i - i % width..i - i % width + width,
            (ClearType::UntilNewLine, Some(i)) => i..i - i % width + width,
            (_, None) => {
                // Some part was erased, but which is not known.
                self.cells.fill(None);
                self.blank_from.fill(self.width);
                return;
            }
        };
        // Rows erased to their end are blank from where the erasing started.
        let rows = if width == 0 || range.is_empty() {
            0..0
        } else {
            range.start / width..(range.end - 1) / width + 1
        };
        for row in rows {
            let row_start = row * width;
            if range.end >= row_start + width
                && let Some(from) = self.blank_from.get_mut(row)
            {
                *from = (*from).min(range.start.saturating_sub(row_start) as u16);
            }
        }
        self.tails[range.clone()].fill(false);
        self.wide_halves[range.clone()].fill(false);
        self.cells[range].fill(Some(BLANK));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(x: u16, y: u16) -> Position {
        Position { x, y }
    }

    /// Whether every cell of row `y` from `blank_from` on is a plain blank, as it promises.
    fn keeps_its_word(screen: &Screen, y: u16) -> bool {
        (screen.blank_from(y)..screen.width()).all(|x| screen.is_blank(at(x, y)))
    }

    #[test]
    fn a_row_is_known_blank_after_its_last_ink() {
        let mut screen = Screen::unknown();
        screen.fit(10, 3);
        assert_eq!(screen.blank_from(0), 10, "nothing is known before a clear");
        screen.erased(ClearType::All, None);
        assert_eq!(
            (0..3).map(|y| screen.blank_from(y)).collect::<Vec<_>>(),
            [0, 0, 0]
        );
        screen.put(at(3, 0), "a", Pen::default());
        screen.put(at(5, 0), " ", Pen::default());
        assert_eq!(screen.blank_from(0), 4, "a plain blank is not ink");
        let highlighted = Pen {
            bg: Color::Indexed(4),
            ..Pen::default()
        };
        screen.put(at(6, 0), " ", highlighted);
        assert_eq!(screen.blank_from(0), 7, "a blank in another pen is");
        screen.put(at(7, 1), "字", Pen::default());
        assert_eq!(screen.blank_from(1), 9, "a wide character covers two cells");
        screen.put(at(9, 2), "é", Pen::default());
        assert_eq!(screen.blank_from(2), 10);
        screen.erased(ClearType::UntilNewLine, Some(at(2, 0)));
        assert_eq!(screen.blank_from(0), 2);
        screen.erased(ClearType::BeforeCursor, Some(at(4, 2)));
        assert_eq!(screen.blank_from(2), 10, "the row is not erased to its end");
        assert_eq!(screen.blank_from(1), 0, "the rows above are");
        screen.put(at(8, 1), "b", Pen::default());
        assert_eq!(screen.blank_from(1), 9);
        screen.erased(ClearType::AfterCursor, Some(at(8, 1)));
        assert_eq!((screen.blank_from(1), screen.blank_from(2)), (8, 0));
        for y in 0..3 {
            assert!(keeps_its_word(&screen, y), "row {y}");
        }
        screen.erased(ClearType::CurrentLine, None);
        assert_eq!(
            screen.blank_from(0),
            10,
            "an erasing whose place is not known"
        );
        screen.fit(0, 0);
        screen.erased(ClearType::All, None);
        assert_eq!(screen.blank_from(0), 0);
    }
}
