//! Where the time goes when quire opens a file: read, decode + sanitize + structure, outline
//! and first layout (`Model::new`), and the first frame, each timed separately. Run under
//! `/usr/bin/time -v` for peak memory.
//!
//! `cargo run --release --example load_stages -- FILE [WIDTH HEIGHT]`

use std::time::Instant;

use quire::document::{Document, LoadOptions};
use quire::keymap::Keymap;
use quire::model::{Config, Model};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: load_stages FILE [WIDTH HEIGHT]")?;
    let width: u16 = args.next().map_or(Ok(100), |a| a.parse())?;
    let height: u16 = args.next().map_or(Ok(40), |a| a.parse())?;

    let started = Instant::now();
    let bytes = std::fs::read(&path)?;
    let read = started.elapsed();
    let size = bytes.len();

    let started = Instant::now();
    let doc = Document::load(bytes, &path, LoadOptions::default())?;
    let load = started.elapsed();
    let blocks = doc.blocks.len();

    let started = Instant::now();
    let model = Model::new(
        doc,
        Config::default(),
        Keymap::default_keymap(),
        (width, height),
    );
    let model_time = started.elapsed();

    let started = Instant::now();
    let mut terminal = Terminal::new(TestBackend::new(width, height))?;
    terminal.draw(|f| quire::ui::render(&model, f))?;
    let frame = started.elapsed();

    println!(
        "file {path}: {size} bytes, {blocks} blocks, {} screen lines",
        model.pages.lines().len()
    );
    println!(
        "read                          {:>9.1} ms",
        read.as_secs_f64() * 1e3
    );
    println!(
        "decode+sanitize+structure     {:>9.1} ms",
        load.as_secs_f64() * 1e3
    );
    println!(
        "outline+layout (Model::new)   {:>9.1} ms",
        model_time.as_secs_f64() * 1e3
    );
    println!(
        "first frame                   {:>9.1} ms",
        frame.as_secs_f64() * 1e3
    );
    Ok(())
}
