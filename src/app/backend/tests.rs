//! The frame backend's bytes: one write per frame, no cursor moves inside a line of prose or
//! of wide characters, and — checked by replaying the bytes on a small terminal model — the
//! screen the terminal ends up with is the frame ratatui drew, frame after frame.

use std::io::{self, Write};

use crossterm::style::{Color as TermColor, Colored};
use ratatui::Terminal;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};
use unicode_width::UnicodeWidthChar;

use super::FrameBackend;

/// Keeps every write it is given, separately.
#[derive(Default)]
struct Recorder {
    writes: Vec<Vec<u8>>,
}

impl Write for Recorder {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.writes.push(buf.to_vec());
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn terminal(width: u16, height: u16) -> Terminal<FrameBackend<Recorder>> {
    let backend = FrameBackend::with_size(Recorder::default(), width, height);
    let mut terminal = crate::app::terminal(backend).unwrap();
    terminal.clear().unwrap();
    terminal
}

/// Draw `lines` (text and style) from the top and return the writes of that frame.
fn draw(terminal: &mut Terminal<FrameBackend<Recorder>>, lines: &[(&str, Style)]) -> Vec<Vec<u8>> {
    terminal
        .draw(|frame| {
            for (y, (text, style)) in lines.iter().enumerate() {
                frame.buffer_mut().set_string(0, y as u16, text, *style);
            }
        })
        .unwrap();
    std::mem::take(&mut terminal.backend_mut().writer_mut().writes)
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

const PROSE: &str = "It was the best of times, it was the worst of times, it was the age of wisdom";
const CJK: &str = "天地玄黃宇宙洪荒日月盈昃辰宿列張寒來暑往秋收冬藏";

#[test]
fn each_frame_is_one_write() {
    let mut terminal = terminal(100, 10);
    let plain = Style::default();
    let first = draw(&mut terminal, &[(PROSE, plain), (CJK, plain)]);
    assert_eq!(first.len(), 1);
    let second = draw(&mut terminal, &[(CJK, plain), (PROSE, plain)]);
    assert_eq!(second.len(), 1);
}

#[test]
fn a_line_of_prose_is_written_without_cursor_moves() {
    let mut terminal = terminal(100, 10);
    let frame = draw(
        &mut terminal,
        &[("", Style::default()), (PROSE, Style::default())],
    );
    // The spaces between its words are written, not stepped over.
    assert!(
        contains(&frame[0], PROSE),
        "{:?}",
        String::from_utf8_lossy(&frame[0])
    );
}

#[test]
fn a_line_of_wide_characters_has_no_cursor_move_per_character() {
    let mut terminal = terminal(100, 10);
    let frame = draw(&mut terminal, &[(CJK, Style::default())]);
    assert!(
        contains(&frame[0], CJK),
        "{:?}",
        String::from_utf8_lossy(&frame[0])
    );
    let moves = frame[0].windows(1).filter(|w| w[0] == b'H').count();
    assert!(moves <= 2, "{moves} cursor positionings");
}

#[test]
fn a_page_turn_writes_its_new_line_whole() {
    let mut terminal = terminal(100, 10);
    let plain = Style::default();
    draw(&mut terminal, &[(PROSE, plain)]);
    let next = "It was the epoch of belief, it was the epoch of incredulity, it was the season";
    let frame = draw(&mut terminal, &[(next, plain)]);
    // Letters that stay in place are written again: that is shorter than skipping them.
    assert!(contains(
        &frame[0],
        "epoch of belief, it was the epoch of incredulity"
    ));
}

#[test]
fn a_border_down_every_row_is_written_in_one_run_of_its_pen() {
    let (width, height) = (60, 20);
    let mut terminal = terminal(width, height);
    let border = Style::default()
        .fg(Color::Indexed(59))
        .add_modifier(Modifier::DIM);
    let completed = terminal
        .draw(|frame| {
            let buffer = frame.buffer_mut();
            for y in 0..height {
                buffer.set_string(
                    0,
                    y,
                    "Outline entry",
                    Style::default().fg(Color::Indexed(116)),
                );
                buffer.set_string(20, y, "│", border);
                buffer.set_string(24, y, "Call me Ishmael. Some years ago", Style::default());
            }
        })
        .unwrap()
        .buffer
        .clone();
    let writes = std::mem::take(&mut terminal.backend_mut().writer_mut().writes);
    let frame = writes.concat();
    // Row by row, the pen would change four times a row; pen by pen, once for each pen.
    let border_pens = frame
        .windows(b"38;5;59".len())
        .filter(|w| *w == b"38;5;59")
        .count();
    assert_eq!(border_pens, 1, "{:?}", String::from_utf8_lossy(&frame));
    let mut model = Model::new(width, height);
    model.replay(&frame);
    assert_eq!(model.differences(&completed), Vec::new());
}

#[test]
fn after_an_emoji_the_cursor_is_placed_anew_after_a_cjk_character_it_is_not() {
    // Terminals disagree on how wide some emoji are, and a cursor taken to be a column off
    // would put the rest of the frame off with it; an ideograph is two columns everywhere.
    let plain = Style::default();
    let frame = draw(&mut terminal(40, 4), &[("Smile 😀 then go on", plain)]).concat();
    assert!(
        contains(&frame, "😀\x1b[1;10Hthen"),
        "{:?}",
        String::from_utf8_lossy(&frame)
    );
    let frame = draw(&mut terminal(40, 4), &[("Smile 天 then go on", plain)]).concat();
    assert!(
        contains(&frame, "天 then go on"),
        "{:?}",
        String::from_utf8_lossy(&frame)
    );
}

/// Draw `lines` on `terminal`, replaying the frame on `model`; the frame's bytes, after
/// checking that the model shows what was drawn.
fn drawn_and_replayed(
    terminal: &mut Terminal<FrameBackend<Recorder>>,
    model: &mut Model,
    lines: &[(&str, Style)],
) -> Vec<u8> {
    let completed = terminal
        .draw(|frame| {
            for (y, (text, style)) in lines.iter().enumerate() {
                frame.buffer_mut().set_string(0, y as u16, text, *style);
            }
        })
        .unwrap()
        .buffer
        .clone();
    let frame = std::mem::take(&mut terminal.backend_mut().writer_mut().writes).concat();
    model.replay(&frame);
    assert_eq!(model.differences(&completed), Vec::new());
    frame
}

#[test]
fn the_rest_of_a_line_longer_on_the_last_page_is_erased_not_written_over_with_spaces() {
    let (mut terminal, mut model) = (terminal(100, 4), Model::new(100, 4));
    let plain = Style::default();
    drawn_and_replayed(&mut terminal, &mut model, &[(PROSE, plain), (PROSE, plain)]);
    let frame = drawn_and_replayed(
        &mut terminal,
        &mut model,
        &[("It was the best", plain), ("Short, and a border:", plain)],
    );
    let text = String::from_utf8_lossy(&frame);
    assert_eq!(text.matches("\x1b[K").count(), 2, "{text:?}");
    assert!(!text.contains("    "), "{text:?}");
}

#[test]
fn a_blank_end_is_erased_only_to_the_right_of_what_stays_and_only_when_that_is_shorter() {
    let (mut terminal, mut model) = (terminal(60, 3), Model::new(60, 3));
    let plain = Style::default();
    let border = Style::default().fg(Color::Indexed(59));
    let long = "The whale, the whale, up helm, up helm!";
    drawn_and_replayed(
        &mut terminal,
        &mut model,
        &[
            (long, plain),
            (long, plain),
            ("天地玄黃宇宙洪荒 and more", plain),
        ],
    );
    let frame = drawn_and_replayed(
        &mut terminal,
        &mut model,
        &[
            // The border at the row's end stays: its row is not erased.
            (&format!("{:<58}│", "The whale."), border),
            // Three blanks are shorter to write than to erase.
            ("The whale, the whale, up helm, up he", plain),
            // Erased after an ideograph that stays.
            ("天地玄黃", plain),
        ],
    );
    let text = String::from_utf8_lossy(&frame);
    assert_eq!(text.matches("\x1b[K").count(), 1, "{text:?}");
    // From the first column after the four ideographs that stay: the four written over go
    // with the rest.
    assert!(text.contains("\x1b[3;9H\x1b[K"), "{text:?}");
}

/// A small terminal: cursor positioning and moves, erasing, SGR colours and attributes, and
/// printing with autowrap; enough to replay what the backend writes.
struct Model {
    width: usize,
    height: usize,
    cells: Vec<(String, String)>,
    x: usize,
    y: usize,
    pending_wrap: bool,
    pen: String,
    fg: TermColor,
    bg: TermColor,
    attrs: Vec<u16>,
}

impl Model {
    fn new(width: u16, height: u16) -> Model {
        let (width, height) = (usize::from(width), usize::from(height));
        let mut model = Model {
            width,
            height,
            cells: Vec::new(),
            x: 0,
            y: 0,
            pending_wrap: false,
            pen: String::new(),
            fg: TermColor::Reset,
            bg: TermColor::Reset,
            attrs: Vec::new(),
        };
        model.reset_pen();
        model.cells = vec![(" ".to_string(), model.pen.clone()); width * height];
        model
    }

    fn reset_pen(&mut self) {
        self.fg = TermColor::Reset;
        self.bg = TermColor::Reset;
        self.attrs.clear();
        self.update_pen();
    }

    fn update_pen(&mut self) {
        let mut attrs = self.attrs.clone();
        attrs.sort_unstable();
        attrs.dedup();
        self.pen = format!("{:?}/{:?}/{attrs:?}", self.fg, self.bg);
    }

    fn blank(&mut self, range: std::ops::Range<usize>) {
        let blank = (" ".to_string(), self.pen.clone());
        for cell in &mut self.cells[range] {
            *cell = blank.clone();
        }
    }

    fn replay(&mut self, bytes: &[u8]) {
        let text = std::str::from_utf8(bytes).unwrap();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c != '\x1b' {
                self.print(c);
                continue;
            }
            assert_eq!(chars.next(), Some('['), "only CSI sequences are written");
            let mut params = String::new();
            let fin = loop {
                let c = chars.next().unwrap();
                if c.is_ascii_digit() || c == ';' || c == '?' {
                    params.push(c);
                } else {
                    break c;
                }
            };
            self.control(&params, fin);
        }
    }

    fn control(&mut self, params: &str, fin: char) {
        let numbers: Vec<u16> = params.split(';').filter_map(|p| p.parse().ok()).collect();
        let here = self.y * self.width + self.x;
        self.pending_wrap &= fin == 'm' || params.starts_with('?');
        match fin {
            'H' => {
                self.y = usize::from(numbers.first().copied().unwrap_or(1).max(1) - 1);
                self.x = usize::from(numbers.get(1).copied().unwrap_or(1).max(1) - 1);
            }
            'C' => {
                self.x = (self.x + usize::from(numbers.first().copied().unwrap_or(1)))
                    .min(self.width - 1)
            }
            'J' => match numbers.first().copied().unwrap_or(0) {
                0 => self.blank(here..self.cells.len()),
                1 => self.blank(0..here + 1),
                _ => self.blank(0..self.cells.len()),
            },
            'K' => {
                let row = self.y * self.width;
                match numbers.first().copied().unwrap_or(0) {
                    0 => self.blank(here..row + self.width),
                    _ => self.blank(row..row + self.width),
                }
            }
            'm' => self.sgr(params),
            'h' | 'l' if params.starts_with('?') => {}
            other => panic!("unexpected CSI {params}{other}"),
        }
    }

    fn sgr(&mut self, params: &str) {
        let parts: Vec<&str> = params.split(';').collect();
        let mut i = 0;
        while i < parts.len() {
            let n: u16 = parts[i].parse().unwrap_or(0);
            match n {
                38 | 48 => {
                    let len = if parts.get(i + 1) == Some(&"2") { 5 } else { 3 };
                    let group = parts[i..i + len].join(";");
                    match Colored::parse_ansi(&group) {
                        Some(Colored::ForegroundColor(c)) => self.fg = c,
                        Some(Colored::BackgroundColor(c)) => self.bg = c,
                        other => panic!("colour {group}: {other:?}"),
                    }
                    i += len;
                    continue;
                }
                0 => self.reset_pen(),
                39 => self.fg = TermColor::Reset,
                49 => self.bg = TermColor::Reset,
                1..=9 => self.attrs.push(n),
                other => panic!("unexpected SGR {other}"),
            }
            i += 1;
        }
        self.update_pen();
    }

    fn print(&mut self, c: char) {
        let width = c.width().unwrap_or(0);
        if width == 0 {
            // A combining mark joins the character before it, in its cell; the cursor stays.
            let row = self.y * self.width;
            let before = if self.pending_wrap {
                row + self.x
            } else {
                row + self.x.saturating_sub(1)
            };
            if let Some(cell) = self.cells.get_mut(before) {
                cell.0.push(c);
            }
            return;
        }
        if self.pending_wrap {
            self.pending_wrap = false;
            self.x = 0;
            self.y = (self.y + 1).min(self.height - 1);
        }
        let at = self.y * self.width + self.x;
        // Writing over half of a wide character erases the other half, as terminals do.
        let row_end = self.y * self.width + self.width;
        for covered in at..(at + width.max(1)).min(row_end) {
            self.orphan_partner(covered, row_end);
        }
        self.cells[at] = (c.to_string(), self.pen.clone());
        if width == 2 && self.x + 1 < self.width {
            self.cells[at + 1] = (String::new(), self.pen.clone());
        }
        if self.x + width >= self.width {
            self.x = self.width - 1;
            self.pending_wrap = true;
        } else {
            self.x += width;
        }
    }

    /// `at` is about to be overwritten: the other half of a wide character there is erased.
    /// Terminals differ on the colours it is left with (and ratatui's diff does not draw it
    /// again), so only its blankness is checked.
    fn orphan_partner(&mut self, at: usize, row_end: usize) {
        let row_start = row_end - self.width;
        let blank = (" ".to_string(), ANY_PEN.to_string());
        if self.cells[at].0.is_empty() && at > row_start {
            self.cells[at - 1] = blank;
        } else if at + 1 < row_end && self.cells[at + 1].0.is_empty() {
            self.cells[at + 1] = blank;
        }
    }

    /// The cells that differ from `buffer`: (x, y, shown, drawn).
    fn differences(&self, buffer: &Buffer) -> Vec<(usize, usize, String, String)> {
        let mut found = Vec::new();
        let mut skip = 0;
        for (i, cell) in buffer.content.iter().enumerate() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let width = unicode_width::UnicodeWidthStr::width(cell.symbol());
            skip = width.saturating_sub(1);
            let expected_pen = pen_of(cell.fg, cell.bg, cell.modifier);
            // A cluster of spacing characters ("สำ") fills as many cells as it is wide, one
            // character a cell, as a terminal prints them.
            let row_end = (i / self.width + 1) * self.width;
            let shown = &self.cells[i..(i + width.max(1)).min(row_end)];
            let symbol: String = shown.iter().map(|(s, _)| s.as_str()).collect();
            let pen = &shown[0].1;
            let pens_agree = shown.iter().all(|(_, p)| p == pen || p == ANY_PEN);
            if symbol != cell.symbol() || !pens_agree || (*pen != expected_pen && pen != ANY_PEN) {
                found.push((
                    i % self.width,
                    i / self.width,
                    format!("{symbol:?} {pen}"),
                    format!("{:?} {expected_pen}", cell.symbol()),
                ));
            }
        }
        found
    }
}

/// The pen of a cell whose colours are not checked.
const ANY_PEN: &str = "any";

/// The pen the model shows for a cell drawn with these colours and attributes.
fn pen_of(fg: Color, bg: Color, modifier: Modifier) -> String {
    let mut model = Model::new(1, 1);
    model.fg = ratatui::backend::IntoCrossterm::into_crossterm(fg);
    model.bg = ratatui::backend::IntoCrossterm::into_crossterm(bg);
    for attribute in super::attributes(modifier) {
        model.attrs.push(attribute_number(attribute));
    }
    model.update_pen();
    model.pen
}

fn attribute_number(attribute: crossterm::style::Attribute) -> u16 {
    attribute.sgr().parse().unwrap()
}

/// A few lines of random words, each word in one of a few styles: plain, wide, styled, blank.
/// With `narrow`, no word has a wide character (such frames may be written pen by pen).
fn random_lines(seed: &mut u64, height: usize, narrow: bool) -> Vec<Vec<(&'static str, Style)>> {
    let all = [
        "the ",
        "whale ",
        "Ahab",
        "天地",
        "玄黃宇宙 ",
        "— ",
        "é",
        "  ",
        "sea, ",
        "x",
        // Thai: "สำ" is one cluster of two spacing characters, two cells a terminal fills
        // one by one, not one wide character.
        "สำคัญ ",
    ];
    let words: Vec<&str> = all
        .into_iter()
        .filter(|word| !narrow || word.chars().all(|c| c.width() == Some(1)))
        .collect();
    let styles = [
        Style::default(),
        Style::default(),
        Style::default().add_modifier(Modifier::BOLD),
        Style::default().fg(Color::Red),
        Style::default()
            .bg(Color::Rgb(10, 20, 30))
            .add_modifier(Modifier::REVERSED),
    ];
    let mut next = || {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        *seed
    };
    (0..height)
        .map(|_| {
            let count = next() % 12;
            (0..count)
                .map(|_| {
                    let word = words[(next() % words.len() as u64) as usize];
                    (word, styles[(next() % styles.len() as u64) as usize])
                })
                .collect()
        })
        .collect()
}

/// Draw the words of each line one after another from the left edge.
fn draw_words(buffer: &mut Buffer, lines: &[Vec<(&str, Style)>]) {
    let width = buffer.area.width;
    for (y, words) in lines.iter().enumerate() {
        let mut x = 0;
        for (word, style) in words {
            if x >= width {
                break;
            }
            (x, _) = buffer.set_stringn(x, y as u16, word, usize::from(width - x), *style);
        }
    }
}

/// Draw four frames of random words (of narrow characters only, with `narrow`; with a border
/// down the column `border`) one after another, replaying each frame's bytes on a model
/// terminal, and fail where the model and the frame ratatui drew differ.
fn replayed_frames(
    width: u16,
    height: u16,
    mut seed: u64,
    narrow: bool,
    border: Option<u16>,
) -> Result<(), proptest::test_runner::TestCaseError> {
    let mut terminal = terminal(width, height);
    let mut model = Model::new(width, height);
    for _ in 0..4 {
        let lines = random_lines(&mut seed, usize::from(height), narrow);
        let completed = terminal
            .draw(|frame| {
                draw_words(frame.buffer_mut(), &lines);
                // A sidebar's border: the same character in its own pen on every row.
                if let Some(x) = border.filter(|x| *x < width) {
                    let pen = Style::default()
                        .fg(Color::Indexed(59))
                        .add_modifier(Modifier::DIM);
                    for y in 0..height {
                        frame.buffer_mut().set_string(x, y, "│", pen);
                    }
                }
            })
            .unwrap()
            .buffer
            .clone();
        let writes = std::mem::take(&mut terminal.backend_mut().writer_mut().writes);
        // At most one write; none when nothing changed.
        proptest::prop_assert!(writes.len() <= 1);
        model.replay(&writes.concat());
        let differences = model.differences(&completed);
        proptest::prop_assert!(differences.is_empty(), "{:?}", differences);
    }
    Ok(())
}

proptest::proptest! {
    #[test]
    fn narrow_frames_end_up_right_in_whichever_order_they_are_written(
        seed in 1u64..,
        width in 5u16..40,
        height in 1u16..8,
        border in proptest::option::of(0u16..40),
    ) {
        replayed_frames(width, height, seed, true, border)?;
    }

    #[test]
    fn the_terminal_ends_up_showing_each_frame(seed in 1u64.., width in 5u16..40, height in 1u16..8) {
        replayed_frames(width, height, seed, false, None)?;
    }
}

#[test]
fn a_backend_prepared_ahead_writes_the_same_frames() {
    let border = Style::default().fg(Color::Indexed(59));
    // Pen by pen (sidebar, border, text), then a page turn, then a resize.
    let page = |text: &'static str| {
        move |frame: &mut ratatui::Frame| {
            let buffer = frame.buffer_mut();
            for y in 0..buffer.area.height {
                buffer.set_string(0, y, "Entry", Style::default().fg(Color::Indexed(116)));
                buffer.set_string(12, y, "│", border);
                buffer.set_string(15, y, text, Style::default());
            }
        }
    };
    let mut frames = Vec::new();
    for prepared in [false, true] {
        let backend = FrameBackend::with_size(Recorder::default(), 40, 6);
        let backend = if prepared {
            backend.prepared()
        } else {
            backend
        };
        let mut terminal = crate::app::terminal(backend).unwrap();
        terminal.clear().unwrap();
        let mut writes = Vec::new();
        for text in ["Call me Ishmael.", "Some years ago", "never mind how"] {
            terminal.draw(page(text)).unwrap();
            writes.push(std::mem::take(&mut terminal.backend_mut().writer_mut().writes).concat());
        }
        terminal.backend_mut().fixed_size = Some(ratatui::layout::Size::new(30, 4));
        terminal.autoresize().unwrap();
        terminal.draw(page("how long precisely")).unwrap();
        writes.push(std::mem::take(&mut terminal.backend_mut().writer_mut().writes).concat());
        frames.push(writes);
    }
    assert_eq!(frames[0], frames[1]);
    assert!(frames[0].iter().all(|frame| !frame.is_empty()));
}
