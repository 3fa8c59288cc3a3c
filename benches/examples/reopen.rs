//! Time to the first frame when reopening a long plain text at the reader's saved place, in
//! process and the way the `quire` binary opens a named file (`opening::open_file` with the
//! bookmark store, the reader's model, one frame drawn into memory at 200×60), two ways in
//! alternate runs:
//!
//! - "around": the place was saved as quire saves it, with the line of its paragraph and a
//!   line mark before it, so the text around it is read from the mark, structured and painted
//!   first, and the whole follows;
//! - "whole": the same place saved without them (as a place saved by an older quire, or the
//!   way every reopening worked before), so the whole text is structured first.
//!
//! The place is at the given share of the paragraphs (60 % unless said). Each run's whole is
//! let finish, untimed, before the next run. Last, the time `G` takes to read the file's end
//! while the whole is still being read (`quire::app::around::end`: counting the lines before
//! the end, then structuring its last paragraphs), the median of the same number of runs.
//!
//! `cargo run --release --example reopen -- FILE [RUNS] [PERCENT]`

use std::path::Path;
use std::time::Instant;

use quire::anchoring::reading_position;
use quire::app::AppBuilder;
use quire::app::opening;
use quire::document::{Anchor, Document, LoadOptions};
use ratatui::backend::TestBackend;

const SIZE: (u16, u16) = (200, 60);

type Error = Box<dyn std::error::Error>;

/// Save the reader's place at paragraph `block` of `doc` (read from `path`) in a store in
/// `data`, with its line or without.
fn save_place(
    doc: &Document,
    path: &Path,
    data: &Path,
    block: usize,
    with_line: bool,
) -> Result<(), Error> {
    let loaded = quire::app::session::load(Some(data), doc, Some(path));
    let (Some(mut store), Some(record)) = (loaded.store, loaded.saved.record) else {
        return Err("the bookmark store did not open".into());
    };
    let mut place = reading_position(doc, Anchor::new(block, 0));
    if !with_line {
        (place.line, place.mark) = (None, None);
    }
    store.save_position(record, &place, None)?;
    Ok(())
}

/// Milliseconds from naming the file to the first frame, and the words at the top of it.
fn first_frame(path: &Path, data: &Path) -> Result<(f64, String), Error> {
    let started = Instant::now();
    let opening = opening::open_file(path, LoadOptions::default(), Some(data.into()), true)?;
    let (builder, whole) = AppBuilder::for_opening(opening, None);
    let app = builder.screen(SIZE).build();
    let mut terminal = quire::app::terminal(TestBackend::new(SIZE.0, SIZE.1))?;
    terminal.draw(|f| quire::ui::render(app.model(), f))?;
    let elapsed = started.elapsed().as_secs_f64() * 1000.0;
    let model = app.model();
    let place = model.anchor();
    let words: String = model.doc().blocks[place.block].text[place.byte..]
        .chars()
        .take(40)
        .collect();
    if let Some(whole) = whole {
        let _ = whole.recv();
    }
    Ok((elapsed, words))
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn main() -> Result<(), Error> {
    let mut args = std::env::args().skip(1);
    let Some(file) = args.next() else {
        return Err("usage: reopen FILE [RUNS] [PERCENT]".into());
    };
    let runs: usize = args.next().map_or(Ok(9), |n| n.parse())?;
    let percent: usize = args.next().map_or(Ok(60), |n| n.parse())?;
    let path = Path::new(&file).canonicalize()?;
    let doc = Document::open(&path)?;
    let block = doc.blocks.len() * percent.min(100) / 100;
    let block = block.min(doc.blocks.len().saturating_sub(1));
    let around = tempfile::tempdir()?;
    let whole = tempfile::tempdir()?;
    save_place(&doc, &path, around.path(), block, true)?;
    save_place(&doc, &path, whole.path(), block, false)?;
    println!(
        "{}: {} bytes, {} blocks, place at block {block} ({percent} %), {}x{}",
        path.display(),
        doc.source_len,
        doc.blocks.len(),
        SIZE.0,
        SIZE.1
    );
    drop(doc);
    // One warm-up each, not counted.
    let (_, seen_around) = first_frame(&path, around.path())?;
    let (_, seen_whole) = first_frame(&path, whole.path())?;
    println!("top of the first frame, around: {seen_around:?}");
    println!("top of the first frame, whole:  {seen_whole:?}");
    let (mut times_around, mut times_whole) = (Vec::new(), Vec::new());
    for run in 0..runs {
        let order = if run % 2 == 0 {
            [true, false]
        } else {
            [false, true]
        };
        for with_line in order {
            if with_line {
                times_around.push(first_frame(&path, around.path())?.0);
            } else {
                times_whole.push(first_frame(&path, whole.path())?.0);
            }
        }
    }
    let (a, w) = (median(times_around.clone()), median(times_whole.clone()));
    let min = |v: &[f64]| v.iter().copied().fold(f64::INFINITY, f64::min);
    let max = |v: &[f64]| v.iter().copied().fold(0.0, f64::max);
    println!(
        "around: {a:.1} ms ({:.1}-{:.1}); whole first: {w:.1} ms ({:.1}-{:.1}); {runs} runs",
        min(&times_around),
        max(&times_around),
        min(&times_whole),
        max(&times_whole)
    );
    let mut times_end = Vec::new();
    let mut end_blocks = 0;
    for _ in 0..runs {
        let started = Instant::now();
        let end = quire::app::around::end(&path, LoadOptions::default());
        times_end.push(started.elapsed().as_secs_f64() * 1000.0);
        end_blocks = end.map_or(0, |doc| doc.blocks.len());
    }
    let e = median(times_end.clone());
    println!(
        "the end for G: {e:.1} ms ({:.1}-{:.1}), {end_blocks} blocks",
        min(&times_end),
        max(&times_end)
    );
    println!("RESULT around_ms={a:.1} whole_ms={w:.1} end_ms={e:.1}");
    Ok(())
}
