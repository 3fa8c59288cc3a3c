//! Bytes per frame: the reader's first page and the page after it, drawn at 200×60 through
//! quire's frame backend and, for comparison, through ratatui's crossterm backend, into
//! memory. For each: the bytes, the cursor positionings (`ESC [ row ; col H`), the cursor moves
//! right (`ESC [ n C`) and the writes the frame took. A page of prose (Moby-Dick) and a page of
//! wide characters (西遊記) come from `$QUIRE_CORPUS`; without it, the bundled article and a
//! generated page of CJK are used, and a line says so.
//!
//! Run: `QUIRE_CORPUS=/path/to/corpus cargo run --release --example frame_bytes [WIDTHxHEIGHT]`

use std::cell::RefCell;
use std::io::{self, Write};
use std::path::PathBuf;
use std::rc::Rc;

use quire::app::backend::FrameBackend;
use quire::document::Document;
use quire::reader::{Model, Msg, Opened, Setup, update};
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

/// Keeps the bytes and counts the writes they came in; the example holds a second handle.
#[derive(Default, Clone)]
struct Counted(Rc<RefCell<(Vec<u8>, usize)>>);

impl Write for Counted {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut sink = self.0.borrow_mut();
        sink.0.extend_from_slice(buf);
        sink.1 += 1;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// What one frame cost.
struct FrameCost {
    bytes: usize,
    positionings: usize,
    moves_right: usize,
    writes: usize,
}

impl FrameCost {
    fn of(sink: &Counted) -> FrameCost {
        let (bytes, writes) = std::mem::take(&mut *sink.0.borrow_mut());
        let (positionings, moves_right) = count_moves(&bytes);
        FrameCost {
            bytes: bytes.len(),
            positionings,
            moves_right,
            writes,
        }
    }
}

/// CSI sequences ending in `H` and in `C`.
fn count_moves(bytes: &[u8]) -> (usize, usize) {
    let (mut positionings, mut moves_right) = (0, 0);
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] == 0x1b && bytes[i + 1] == b'[' {
            let mut j = i + 2;
            while j < bytes.len() && (bytes[j].is_ascii_digit() || bytes[j] == b';') {
                j += 1;
            }
            match bytes.get(j) {
                Some(b'H') => positionings += 1,
                Some(b'C') => moves_right += 1,
                _ => {}
            }
            i = j;
        } else {
            i += 1;
        }
    }
    (positionings, moves_right)
}

fn pages() -> Vec<(String, Vec<u8>)> {
    let wanted = [
        "A-books/moby-dick.pg2701.txt",
        "B-nonlatin/xi-you-ji.pg23962.txt",
    ];
    if let Some(dir) = std::env::var_os("QUIRE_CORPUS").map(PathBuf::from) {
        let found: Vec<(String, Vec<u8>)> = wanted
            .iter()
            .filter_map(|rel| {
                let bytes = std::fs::read(dir.join(rel)).ok()?;
                Some((rel.rsplit('/').next().unwrap_or(rel).to_string(), bytes))
            })
            .collect();
        if !found.is_empty() {
            return found;
        }
    }
    eprintln!("QUIRE_CORPUS not set (or books missing): the bundled article and generated CJK");
    let cjk: String = (0..40)
        .map(|i| {
            let line: String = (0..90)
                .map(|j| char::from_u32(0x4e00 + (i * 90 + j) % 2000).unwrap_or('字'))
                .collect();
            format!("{line}。\n\n")
        })
        .collect();
    vec![
        ("bundled-article".into(), quire::BUNDLED_ARTICLE.into()),
        ("generated-cjk".into(), cjk.into_bytes()),
    ]
}

/// The first frame and a page down, drawn through `backend`; `clear` first when the backend
/// can be told the screen is blank.
fn frames<B: Backend>(
    model: &mut Model,
    backend: B,
    area: Rect,
    clear: bool,
    sink: &Counted,
) -> Result<[FrameCost; 2], B::Error> {
    let options = TerminalOptions {
        viewport: Viewport::Fixed(area),
    };
    let mut terminal = Terminal::with_options(backend, options)?;
    if clear {
        terminal.clear()?;
    }
    terminal.draw(|frame| quire::ui::render(model, frame))?;
    let first = FrameCost::of(sink);
    for key in quire::input::key::parse_keys("<Space>").unwrap_or_default() {
        let _ = update(model, Msg::from(key));
    }
    terminal.draw(|frame| quire::ui::render(model, frame))?;
    let next = FrameCost::of(sink);
    Ok([first, next])
}

fn main() -> anyhow::Result<()> {
    let size = std::env::args().nth(1).unwrap_or_else(|| "200x60".into());
    let (width, height) = size
        .split_once('x')
        .and_then(|(w, h)| Some((w.parse::<u16>().ok()?, h.parse::<u16>().ok()?)))
        .ok_or_else(|| anyhow::anyhow!("size must be WIDTHxHEIGHT, not {size}"))?;
    let area = Rect::new(0, 0, width, height);
    println!("frame bytes at {width}x{height} (first page, then a page down)");
    println!(
        "{:<24} {:<10} {:<6} {:>8} {:>12} {:>11} {:>7}",
        "page", "backend", "frame", "bytes", "positionings", "moves right", "writes"
    );
    for (name, bytes) in pages() {
        let doc = Document::from_bytes(&bytes, &name)?;
        let setup = Setup {
            screen: (width, height),
            ..Setup::default()
        };
        let sink = Counted::default();
        let ours = frames(
            &mut Model::open(Opened::fresh(doc.clone()), setup.clone()),
            FrameBackend::with_size(sink.clone(), width, height),
            area,
            true,
            &sink,
        )?;
        let theirs = frames(
            &mut Model::open(Opened::fresh(doc), setup),
            CrosstermBackend::new(sink.clone()),
            area,
            false,
            &sink,
        )?;
        for (backend, costs) in [("quire", ours), ("crossterm", theirs)] {
            for (frame, cost) in ["first", "next"].iter().zip(costs) {
                println!(
                    "{name:<24} {backend:<10} {frame:<6} {:>8} {:>12} {:>11} {:>7}",
                    cost.bytes, cost.positionings, cost.moves_right, cost.writes
                );
            }
        }
    }
    Ok(())
}
