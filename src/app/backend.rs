//! The terminal backend: the cells ratatui found changed, written with crossterm's commands and
//! sent as one write per frame. It remembers what the screen shows, so that a run of unchanged
//! cells between two changed ones (the spaces between words) is written out again when that is
//! shorter than moving the cursor over it, and it follows the cursor across wide characters
//! instead of placing it anew after each one; it erases the end of a row left blank instead
//! of writing spaces over it; and a frame of several pens (the sidebar, its border, the text)
//! is written pen by pen when that is shorter than row by row. Frames are
//! what a page turn costs: most of it is the bytes crossing to the terminal, not the drawing.

use std::io::{self, Write};

use crossterm::cursor::{Hide, MoveRight, MoveTo, Show};
use crossterm::queue;
use crossterm::style::{Attribute, Colored, SetAttribute};
use crossterm::terminal::{Clear, ClearType as Erase};
use ratatui::backend::{Backend, ClearType, IntoCrossterm, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::Modifier;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::screen::{Pen, Screen};

/// A ratatui backend over crossterm that gathers each frame and writes it once.
pub struct FrameBackend<W: Write> {
    out: W,
    /// The frame being put together; it reaches `out` in one write on `flush`.
    frame: Vec<u8>,
    /// What the terminal shows, as far as this backend wrote it.
    screen: Screen,
    /// The record of the screen as it was before the frame being tried in two orders: kept
    /// from frame to frame, so that copying the record (a fifth of a megabyte at 200×60)
    /// reuses memory instead of taking fresh pages each time.
    spare: Screen,
    /// Where the terminal's cursor is, when that is known for sure.
    cursor: Option<Position>,
    /// Whether the cursor is shown, once this backend has said so.
    cursor_shown: Option<bool>,
    /// A size given instead of asking the terminal (a frame rendered into memory).
    fixed_size: Option<Size>,
}

impl<W: Write> FrameBackend<W> {
    /// A backend for the real terminal: its size is asked of the terminal.
    pub fn new(out: W) -> FrameBackend<W> {
        FrameBackend {
            out,
            frame: Vec::with_capacity(16 * 1024),
            screen: Screen::unknown(),
            spare: Screen::unknown(),
            cursor: None,
            cursor_shown: None,
            fixed_size: None,
        }
    }

    /// The backend with its record of the screen made for the terminal's present size (all of
    /// it unknown until the first clear): made on another thread ahead of the first frame,
    /// the first frame does not pay for the record's fresh memory. A size that cannot be
    /// read leaves the record to the first clear, as before.
    pub fn prepared(mut self) -> FrameBackend<W> {
        if let Ok(size) = self.size() {
            self.screen.fit(size.width, size.height);
            self.spare.fit(size.width, size.height);
        }
        self
    }

    /// A backend of a set size writing into `out` (a benchmark, a test).
    pub fn with_size(out: W, width: u16, height: u16) -> FrameBackend<W> {
        let mut backend = FrameBackend::new(out);
        backend.fixed_size = Some(Size { width, height });
        backend
    }

    /// Change the set size (the terminal of a test was resized).
    pub fn set_size(&mut self, width: u16, height: u16) {
        if self.fixed_size.is_some() {
            self.fixed_size = Some(Size { width, height });
        }
    }

    pub fn writer(&self) -> &W {
        &self.out
    }

    pub fn writer_mut(&mut self) -> &mut W {
        &mut self.out
    }

    /// Put bytes in the frame as they are: only for sequences quire makes itself (a clipboard
    /// request), never for document text. They do not move the cursor.
    pub fn queue_raw(&mut self, bytes: &[u8]) {
        self.frame.extend_from_slice(bytes);
    }

    /// Bring the cursor to `target` the shortest way: where it is, by writing again the plain
    /// cells in between when they are drawn with `pen`, by a move right, or by a jump.
    fn go_to(&mut self, target: Position, pen: Pen) -> io::Result<()> {
        let Some(at) = self.cursor else {
            return queue!(self.frame, MoveTo(target.x, target.y));
        };
        if at == target {
            return Ok(());
        }
        if at.y != target.y || at.x > target.x {
            return queue!(self.frame, MoveTo(target.x, target.y));
        }
        let gap = target.x - at.x;
        let right = 3 + digits(gap);
        let jump = 4 + digits(target.y + 1) + digits(target.x + 1);
        let cheapest_move = right.min(jump);
        if self
            .screen
            .fill(&mut self.frame, at, gap, pen, cheapest_move)
        {
            return Ok(());
        }
        if right < jump {
            queue!(self.frame, MoveRight(gap))
        } else {
            queue!(self.frame, MoveTo(target.x, target.y))
        }
    }

    /// Change the terminal's attributes and colours from `pen` to the cell's.
    fn set_pen(&mut self, pen: &mut Pen, cell: &Cell) -> io::Result<()> {
        let wanted = Pen::of(cell);
        if wanted == *pen {
            return Ok(());
        }
        // One SGR sequence for the whole change, only what changes in it: in a frame with a
        // sidebar the pen changes several times a row.
        let mut params = String::new();
        let mut from = *pen;
        if !(pen.modifier - wanted.modifier).is_empty() {
            // Taking one attribute away is said differently for each; starting again from
            // plain text is always right, and rare in a reader's frame.
            params.push('0');
            from = Pen::default();
        }
        for attribute in attributes(wanted.modifier - from.modifier) {
            push_param(&mut params, &attribute.sgr());
        }
        if wanted.fg != from.fg {
            let fg = Colored::ForegroundColor(wanted.fg.into_crossterm());
            push_param(&mut params, &fg.to_string());
        }
        if wanted.bg != from.bg {
            let bg = Colored::BackgroundColor(wanted.bg.into_crossterm());
            push_param(&mut params, &bg.to_string());
        }
        write!(self.frame, "\x1b[{params}m")?;
        *pen = wanted;
        Ok(())
    }

    /// Write `cells`, in the order given, each where it belongs; where they leave the end of
    /// a row blank (`blank_ends`, from [`Self::blank_ends`]), that end is erased with one
    /// sequence instead.
    fn write_cells(
        &mut self,
        cells: &[(u16, u16, &Cell)],
        blank_ends: &[Option<u16>],
    ) -> io::Result<()> {
        let mut erased = vec![false; blank_ends.len()];
        let mut pen = Pen::default();
        for &(x, y, cell) in cells {
            let target = Position { x, y };
            let row = usize::from(y);
            if blank_ends
                .get(row)
                .copied()
                .flatten()
                .is_some_and(|end| x >= end)
            {
                if !erased[row] {
                    // The cell is a blank in the plain pen: erasing with that pen leaves
                    // every cell to the row's end so.
                    self.set_pen(&mut pen, cell)?;
                    self.go_to(target, pen)?;
                    queue!(self.frame, Clear(Erase::UntilNewLine))?;
                    self.screen.erased(ClearType::UntilNewLine, Some(target));
                    self.cursor = Some(target);
                    erased[row] = true;
                }
                continue;
            }
            let wanted = Pen::of(cell);
            // The gap before the cell may be drawn as the cell is (a space after a highlighted
            // word, before a plain one): take the cell's pen first then.
            if self.cursor.is_some_and(|at| at != target) && wanted != pen {
                let fits_new = self.cursor.is_some_and(|at| {
                    at.y == y && at.x < x && self.screen.is_plain_run(at, x - at.x, wanted)
                });
                if fits_new {
                    self.set_pen(&mut pen, cell)?;
                }
            }
            self.go_to(target, pen)?;
            self.set_pen(&mut pen, cell)?;
            let symbol = cell.symbol();
            self.frame.extend_from_slice(symbol.as_bytes());
            self.screen.put(target, symbol, pen);
            self.cursor = self.after(target, symbol);
        }
        if pen != Pen::default() {
            queue!(self.frame, SetAttribute(Attribute::Reset))?;
        }
        Ok(())
    }

    /// For each row, the column from which the row is to be left blank to its end, when
    /// erasing it there is shorter than writing the blanks: a line of the last page longer
    /// than its place on this one leaves a run of spaces to write over it (a fifth of the
    /// bytes of a page turn in Moby-Dick at 200×60, with the shortened lines of its
    /// paragraphs' ends). Every cell from that column on must be blank in the plain pen
    /// after the frame: written so by `cells`, or not written and known so on the screen (or
    /// the other half of a wide character). `None` for a row with no such end, or a short one.
    fn blank_ends(&self, cells: &[(u16, u16, &Cell)]) -> Vec<Option<u16>> {
        /// What a frame writes in a cell: nothing, a blank in the plain pen, or anything else.
        #[derive(Clone, Copy, PartialEq)]
        enum Written {
            Not,
            Blank,
            Ink,
        }
        let (width, height) = (self.screen.width(), self.screen.height());
        let mut ends = vec![None; usize::from(height)];
        if width == 0 || cells.is_empty() {
            return ends;
        }
        let mut written = vec![Written::Not; usize::from(width) * usize::from(height)];
        // Per row: the column after the last cell written with ink (a wide character counts
        // all the columns it covers), and how many blanks are written.
        let mut ink_end = vec![0u16; usize::from(height)];
        let mut blanks = vec![0usize; usize::from(height)];
        for &(x, y, cell) in cells {
            if x >= width || y >= height {
                continue;
            }
            let (row, at) = (usize::from(y), usize::from(y) * usize::from(width));
            if cell.symbol() == " " && Pen::of(cell) == Pen::default() {
                written[at + usize::from(x)] = Written::Blank;
                blanks[row] += 1;
            } else {
                written[at + usize::from(x)] = Written::Ink;
                let covered = cell_columns(cell.symbol());
                ink_end[row] = ink_end[row].max(x.saturating_add(covered).min(width));
            }
        }
        for (row, end) in ends.iter_mut().enumerate() {
            // Erasing costs three bytes: worth it past three blanks.
            if blanks[row] <= 3 {
                continue;
            }
            let y = row as u16;
            let at = row * usize::from(width);
            // From where the screen is known blank, every cell is: no ink is written past
            // `ink_end`, and a cell not written stays blank.
            let mut start = self.screen.blank_from(y).clamp(ink_end[row], width);
            while start > ink_end[row] {
                let x = start - 1;
                let here = Position { x, y };
                let blank = match written[at + usize::from(x)] {
                    Written::Blank => true,
                    // ratatui holds a blank where a wide character's other half is: erased
                    // when this frame writes over the character, and left alone when it stays
                    // (its first column is not blank, so the erasing starts after it).
                    Written::Not => self.screen.is_blank(here) || self.screen.is_wide_half(here),
                    Written::Ink => false,
                };
                if !blank {
                    break;
                }
                start = x;
            }
            // The erasing starts at the first blank written: what lies before it is blank
            // already, or the rest of a wide character that stays. It cannot start inside a
            // wide character: ratatui never writes in the columns one covers.
            while start < width && written[at + usize::from(start)] == Written::Not {
                start += 1;
            }
            let blanks_erased = (start..width)
                .filter(|&x| written[at + usize::from(x)] == Written::Blank)
                .count();
            if blanks_erased > 3 {
                *end = Some(start);
            }
        }
        ends
    }

    /// `cells` and, where one of them is written over the first cell of a cluster of several
    /// characters ("สำ"), a blank over each of the cluster's other cells that no cell of the
    /// frame covers. ratatui takes such a cluster for one wide character, whose other half a
    /// terminal erases when the first is written over, and does not send that half again; but
    /// a terminal draws the cluster's characters in cells of their own, and the rest would be
    /// left standing. Not sent again, such a cell is blank in the frame (ratatui blanks the
    /// cells a wide character covers, and an unchanged cell is the same as before).
    fn with_cluster_tails<'a>(
        &self,
        cells: Vec<(u16, u16, &'a Cell)>,
    ) -> Vec<(u16, u16, &'a Cell)> {
        if !self.screen.has_cluster_tails() {
            return cells;
        }
        let covered: std::collections::HashSet<(u16, u16)> = cells
            .iter()
            .flat_map(|&(x, y, cell)| {
                let width = cell_columns(cell.symbol());
                (x..x.saturating_add(width)).map(move |x| (x, y))
            })
            .collect();
        // A wide character written over a cluster's first cell covers it too.
        let mut tails: Vec<(u16, u16, &'a Cell)> = covered
            .iter()
            .flat_map(|&(x, y)| self.screen.cluster_tail(Position { x, y }))
            .filter(|at| !covered.contains(&(at.x, at.y)))
            .map(|at| (at.x, at.y, &BLANK_CELL))
            .collect();
        if tails.is_empty() {
            return cells;
        }
        tails.sort_by_key(|&(x, y, _)| (y, x));
        tails.dedup_by_key(|&mut (x, y, _)| (x, y));
        let mut all = cells;
        all.extend(tails);
        // Row by row, as ratatui gives them, so the cursor moves as little as it did.
        all.sort_by_key(|&(x, y, _)| (y, x));
        all
    }

    /// Whether the cells may be written in another order than row by row: only narrow
    /// characters, over cells whose content is known. What a terminal leaves beside a cell
    /// written into a wide character or a cluster varies from one terminal to another, and row
    /// by row is the order every one of them is known to draw right.
    fn may_reorder(&self, cells: &[(u16, u16, &Cell)]) -> bool {
        let mut pens = cells.iter().map(|(_, _, cell)| Pen::of(cell));
        let first = pens.next();
        pens.any(|pen| Some(pen) != first)
            && cells.iter().all(|&(x, y, cell)| {
                is_narrow(cell.symbol()) && self.screen.is_known(Position { x, y })
            })
    }

    /// Where the cursor is after `symbol` is written at `at`: known only for one character of
    /// width one or two that does not reach the last column (a terminal's pending wrap, and
    /// how it advances over a cluster or a zero-width character, differ from one to another),
    /// and whose width every terminal agrees on ([`has_settled_width`]): a cursor taken to be
    /// a column off would put the rest of the row off with it.
    fn after(&self, at: Position, symbol: &str) -> Option<Position> {
        if let &[0x20..=0x7E] = symbol.as_bytes() {
            let x = at.x.checked_add(1)?;
            return (x < self.screen.width()).then_some(Position { x, y: at.y });
        }
        let mut chars = symbol.chars();
        let (Some(only), None) = (chars.next(), chars.next()) else {
            return None;
        };
        if !has_settled_width(only) {
            return None;
        }
        let width = match only.width() {
            Some(w @ (1 | 2)) => w as u16,
            _ => return None,
        };
        let x = at.x.checked_add(width)?;
        (x < self.screen.width()).then_some(Position { x, y: at.y })
    }
}

impl<W: Write> Backend for FrameBackend<W> {
    type Error = io::Error;

    /// The changed cells are written in the order ratatui gives them (row by row) or, when
    /// that is shorter, pen by pen (see [`by_pen`]).
    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let cells = self.with_cluster_tails(content.collect());
        // Where rows end blank does not depend on the order the cells are written in.
        let blank_ends = self.blank_ends(&cells);
        if !switches_pen_more_than_once_a_row(&cells) || !self.may_reorder(&cells) {
            return self.write_cells(&cells, &blank_ends);
        }
        let (start, cursor) = (self.frame.len(), self.cursor);
        self.spare.clone_from(&self.screen);
        self.write_cells(&cells, &blank_ends)?;
        let by_rows = self.frame.split_off(start);
        // The record as it was goes back in place for the second order; the first order's
        // waits in the spare.
        std::mem::swap(&mut self.screen, &mut self.spare);
        let cursor_by_rows = std::mem::replace(&mut self.cursor, cursor);
        self.write_cells(&by_pen(cells), &blank_ends)?;
        if self.frame.len() - start > by_rows.len() {
            self.frame.truncate(start);
            self.frame.extend_from_slice(&by_rows);
            std::mem::swap(&mut self.screen, &mut self.spare);
            self.cursor = cursor_by_rows;
        }
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.cursor_shown != Some(false) {
            queue!(self.frame, Hide)?;
            self.cursor_shown = Some(false);
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.cursor_shown != Some(true) {
            queue!(self.frame, Show)?;
            self.cursor_shown = Some(true);
        }
        Ok(())
    }

    /// The cursor as this backend left it; the terminal is not asked (its answer would arrive
    /// on the input the reader listens to).
    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(self.cursor.unwrap_or_default())
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let position = position.into();
        if self.cursor != Some(position) {
            queue!(self.frame, MoveTo(position.x, position.y))?;
            self.cursor = Some(position);
        }
        Ok(())
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        let size = self.size()?;
        self.screen.fit(size.width, size.height);
        let erase = match clear_type {
            ClearType::All => Erase::All,
            ClearType::AfterCursor => Erase::FromCursorDown,
            ClearType::BeforeCursor => Erase::FromCursorUp,
            ClearType::CurrentLine => Erase::CurrentLine,
            ClearType::UntilNewLine => Erase::UntilNewLine,
        };
        queue!(self.frame, Clear(erase))?;
        self.screen.erased(clear_type, self.cursor);
        Ok(())
    }

    fn size(&self) -> io::Result<Size> {
        match self.fixed_size {
            Some(size) => Ok(size),
            None => {
                let (width, height) = crossterm::terminal::size()?;
                Ok(Size { width, height })
            }
        }
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let columns_rows = self.size()?;
        if self.fixed_size.is_some() {
            return Ok(WindowSize {
                columns_rows,
                pixels: Size::default(),
            });
        }
        let size = crossterm::terminal::window_size()?;
        Ok(WindowSize {
            columns_rows,
            pixels: Size {
                width: size.width,
                height: size.height,
            },
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.frame.is_empty() {
            let sent = self.out.write_all(&self.frame);
            self.frame.clear();
            if sent.is_err() {
                // What reached the terminal is not known any more.
                self.screen = Screen::unknown();
                self.cursor = None;
                self.cursor_shown = None;
            }
            sent?;
        }
        self.out.flush()
    }
}

/// Whether written row by row, `cells` would change pen more times than they have rows: a
/// whole frame with the sidebar, its border and the text on every row; the help over the
/// page. Only then is writing them pen by pen tried as well. Pen by pen saves pen changes and
/// pays a cursor jump for each run of a pen, so with a change a row or fewer (a page turn: the
/// reading column, a heading, the sidebar's bar moving) it saves a few bytes at best (128 of
/// Moby-Dick's 4,481 at 200×60), and writing the frame a second way to find that out was
/// nearly a third of a page turn's time.
fn switches_pen_more_than_once_a_row(cells: &[(u16, u16, &Cell)]) -> bool {
    let mut pen = Pen::default();
    let (mut switches, mut rows, mut last_row) = (0usize, 0usize, None);
    for &(_, y, cell) in cells {
        let wanted = Pen::of(cell);
        if wanted != pen {
            switches += 1;
            pen = wanted;
        }
        if last_row != Some(y) {
            rows += 1;
            last_row = Some(y);
        }
    }
    switches > rows
}

/// `cells` regrouped by the pen they are drawn with, each group in the order given: first the
/// terminal's plain pen (what a frame starts with), then the others in the order they first
/// appear. A reader's frame changes pen several times a row (outline, its border, the text,
/// a heading), and each change is an escape sequence of up to a dozen bytes; drawn pen by
/// pen, a row costs a cursor jump per run instead. Which way is shorter depends on the frame,
/// so both are tried.
fn by_pen(cells: Vec<(u16, u16, &Cell)>) -> Vec<(u16, u16, &Cell)> {
    let mut pens: Vec<Pen> = vec![Pen::default()];
    let mut ranked: Vec<(usize, (u16, u16, &Cell))> = cells
        .into_iter()
        .map(|entry| {
            let pen = Pen::of(entry.2);
            let rank = pens.iter().position(|p| *p == pen).unwrap_or_else(|| {
                pens.push(pen);
                pens.len() - 1
            });
            (rank, entry)
        })
        .collect();
    // Stable: within a pen, the cells keep their row-by-row order.
    ranked.sort_by_key(|(rank, _)| *rank);
    ranked.into_iter().map(|(_, entry)| entry).collect()
}

/// How many columns a cell's symbol covers (at least one): most of a frame is single
/// letters, which need no look-up.
fn cell_columns(symbol: &str) -> u16 {
    match symbol.as_bytes() {
        [_] => 1,
        _ => UnicodeWidthStr::width(symbol).max(1) as u16,
    }
}

/// Whether terminals agree on how wide `c` is: ASCII; a narrow character outside the blocks of
/// symbols that can be drawn as emoji (terminals differ there, after the fonts they have and
/// the Unicode version they follow); a wide one from the CJK blocks.
fn has_settled_width(c: char) -> bool {
    let code = u32::from(c);
    if code < 0x80 {
        return true;
    }
    match c.width() {
        Some(1) => !matches!(code, 0x2300..=0x23FF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x1F000..),
        Some(2) => matches!(
            code,
            0x1100..=0x115F
                | 0x2E80..=0x303E
                | 0x3041..=0x33FF
                | 0x3400..=0x4DBF
                | 0x4E00..=0x9FFF
                | 0xA000..=0xA4CF
                | 0xAC00..=0xD7A3
                | 0xF900..=0xFAFF
                | 0xFE10..=0xFE19
                | 0xFE30..=0xFE6F
                | 0xFF00..=0xFF60
                | 0xFFE0..=0xFFE6
                | 0x20000..=0x3FFFD
        ),
        _ => false,
    }
}

/// One character of width one: a cell whose writing touches no other cell.
/// A blank cell in the terminal's own colours: what ratatui leaves in the cells a wide
/// character covers.
static BLANK_CELL: Cell = Cell::EMPTY;

fn is_narrow(symbol: &str) -> bool {
    let mut chars = symbol.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.width() == Some(1))
}

/// Add one parameter to those of an SGR sequence.
fn push_param(params: &mut String, param: &str) {
    if !params.is_empty() {
        params.push(';');
    }
    params.push_str(param);
}

/// How many decimal digits `n` takes in an escape sequence.
fn digits(n: u16) -> usize {
    match n {
        0..=9 => 1,
        10..=99 => 2,
        100..=999 => 3,
        1000..=9999 => 4,
        _ => 5,
    }
}

/// The attributes that turn `modifier` on, in a fixed order.
fn attributes(modifier: Modifier) -> impl Iterator<Item = Attribute> {
    [
        (Modifier::BOLD, Attribute::Bold),
        (Modifier::DIM, Attribute::Dim),
        (Modifier::ITALIC, Attribute::Italic),
        (Modifier::UNDERLINED, Attribute::Underlined),
        (Modifier::SLOW_BLINK, Attribute::SlowBlink),
        (Modifier::RAPID_BLINK, Attribute::RapidBlink),
        (Modifier::REVERSED, Attribute::Reverse),
        (Modifier::HIDDEN, Attribute::Hidden),
        (Modifier::CROSSED_OUT, Attribute::CrossedOut),
    ]
    .into_iter()
    .filter(move |(flag, _)| modifier.contains(*flag))
    .map(|(_, attribute)| attribute)
}

#[cfg(test)]
mod tests;
