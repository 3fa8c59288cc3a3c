//! Where the time goes when quire opens a file: read, decode + sanitize + structure, outline
//! and first layout (`Model::open`), and the first frame, each timed separately, with the peak
//! resident memory so far after each (read from /proc on Linux).
//!
//! `cargo run --release --example load_stages -- FILE [WIDTH HEIGHT]`

use std::time::Instant;

use quire::document::{Document, LoadOptions};
use quire::reader::{Model, Opened, Setup};
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
    let read_peak = peak_rss_mb();

    let started = Instant::now();
    let doc = Document::load(bytes, &path, LoadOptions::default())?;
    let load = started.elapsed();
    let blocks = doc.blocks.len();
    let load_peak = peak_rss_mb();

    let started = Instant::now();
    let setup = Setup {
        screen: (width, height),
        ..Setup::default()
    };
    let model = Model::open(Opened::fresh(doc), setup);
    let model_time = started.elapsed();
    let model_peak = peak_rss_mb();

    let started = Instant::now();
    let mut terminal = quire::app::terminal(TestBackend::new(width, height))?;
    terminal.draw(|f| quire::ui::render(&model, f))?;
    let frame = started.elapsed();
    let frame_peak = peak_rss_mb();

    println!(
        "file {path}: {size} bytes, {blocks} blocks, {} screen lines",
        model.pages().line_count()
    );
    let stages = [
        ("read", read, read_peak),
        ("decode+sanitize+structure", load, load_peak),
        ("outline+layout (Model::open)", model_time, model_peak),
        ("first frame", frame, frame_peak),
    ];
    for (stage, time, peak) in stages {
        println!(
            "{stage:<29} {:>9.1} ms   peak RSS so far {peak}",
            time.as_secs_f64() * 1e3
        );
    }
    Ok(())
}

/// Peak resident memory of this process so far (VmHWM), or "n/a" where /proc lacks it.
fn peak_rss_mb() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
            let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
            Some(format!("{:.1} MB", kb / 1024.0))
        })
        .unwrap_or_else(|| "n/a".to_string())
}
