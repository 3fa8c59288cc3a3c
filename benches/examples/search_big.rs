//! Search on a 100 MB book, measured through the reader's own `update`: the book is opened at
//! 200x60, laid out and outlined, the reader goes to the middle of its layout (`:50%`), and
//! three searches are typed a key at a time: `/the`, `/The`, and `/zzyzx`, which is nowhere.
//! For each key it reports how long `update` took, how long that plus drawing the frame took,
//! and whether the hit shown was known then; background work the key asked for (the full list
//! of hits) is timed apart, as the runtime runs it off the loop. Memory (resident now and at
//! its peak, from /proc/self/status) is given before the searches and after each; the peak is
//! reset before searching where Linux allows it, so it is the searches' own.
//!
//! `cargo run --release --example search_big` (run it under `nice` on a shared machine). The
//! book is made from the texts in `$QUIRE_CORPUS/A-books` when that is set, else from the
//! bundled article, repeated to 100 MB.

#[path = "common/books.rs"]
mod books;

use std::time::Instant;

use quire::document::Document;
use quire::input::key::parse_keys;
use quire::reader::{Effect, Model, Msg, Opened, Setup, update};
use ratatui::backend::TestBackend;

use books::corpus_book_bodies;

const BOOK_BYTES: usize = 100 * 1024 * 1024;
const SCREEN: (u16, u16) = (200, 60);
const QUERIES: [&str; 3] = ["the", "The", "zzyzx"];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let started = Instant::now();
    let text = book_text();
    let size = text.len();
    let doc = Document::from_text(&text, "book.txt");
    drop(text);
    let mut model = Model::open(Opened::fresh(doc), Setup::default());
    settle(
        &mut model,
        Msg::Resize {
            width: SCREEN.0,
            height: SCREEN.1,
        },
    );
    run_jobs(&mut model, Vec::new());
    for key in parse_keys(":50%<Enter>")? {
        settle(&mut model, Msg::from(key));
    }
    println!(
        "book: {:.1} MB, {} blocks, opened and laid out in {:.1} s, reader at {:?}",
        size as f64 / 1e6,
        model.doc().blocks.len(),
        started.elapsed().as_secs_f64(),
        model.anchor()
    );
    let mut terminal = quire::app::terminal(TestBackend::new(SCREEN.0, SCREEN.1))?;
    terminal.draw(|frame| quire::ui::render(&model, frame))?;
    let reset = reset_peak();
    let before = memory();
    println!(
        "memory before searching: {} (peak {})",
        before.describe(),
        if reset {
            "reset before the searches"
        } else {
            "since start: could not be reset"
        }
    );
    println!(
        "{:<8} {:>10} {:>12} {:>10} {:>14}  status",
        "key", "update ms", "+ frame ms", "hit shown", "full list ms"
    );
    for query in QUERIES {
        let keys = parse_keys(&format!("/{query}<Enter>"))?;
        for key in keys {
            let at = Instant::now();
            let effects = update(&mut model, Msg::from(key));
            let update_ms = ms(at);
            terminal.draw(|frame| quire::ui::render(&model, frame))?;
            let frame_ms = ms(at);
            let shown = model
                .search()
                .active
                .as_ref()
                .and_then(|s| s.current)
                .is_some();
            let status = status_line(&terminal);
            let at = Instant::now();
            let jobs = run_jobs(&mut model, effects);
            let background = if jobs > 0 {
                format!("{:.1}", ms(at))
            } else {
                "-".to_string()
            };
            println!(
                "{:<8} {update_ms:>10.1} {frame_ms:>12.1} {:>10} {background:>14}  {status}",
                key_name(key.code),
                if shown { "yes" } else { "no" },
            );
        }
        let after = memory();
        println!("memory after /{query}: {}", after.describe());
    }
    let after = memory();
    println!(
        "resident after / before: {:.2}x (peak during the searches {:.2}x the resident before)",
        after.rss_kb as f64 / before.rss_kb.max(1) as f64,
        after.peak_kb as f64 / before.rss_kb.max(1) as f64,
    );
    Ok(())
}

/// Hand the reader a message and carry out the background work it asks for on the spot.
fn settle(model: &mut Model, msg: Msg) {
    let effects = update(model, msg);
    run_jobs(model, effects);
}

/// Run the jobs among `effects` (and those their results ask for), delivering each result,
/// then the work the runtime asks for once a frame is painted (the whole layout after a
/// change of the column, the outline), as it does after every frame; how many jobs ran.
fn run_jobs(model: &mut Model, effects: Vec<Effect>) -> usize {
    let mut pending = effects;
    let mut ran = 0;
    loop {
        while let Some(effect) = pending.pop() {
            if let Effect::Spawn(job) = effect {
                ran += 1;
                pending.extend(update(model, job.run()));
            }
        }
        if !model.wants_work_after_paint() {
            return ran;
        }
        pending.extend(update(model, Msg::Painted));
        if pending.is_empty() {
            return ran;
        }
    }
}

/// The bottom row of the frame: the prompt or the status line.
fn status_line(terminal: &ratatui::Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let y = buffer.area.height.saturating_sub(1);
    let row: String = (0..buffer.area.width)
        .map(|x| buffer[(x, y)].symbol().to_string())
        .collect();
    row.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn key_name(code: crossterm::event::KeyCode) -> String {
    match code {
        crossterm::event::KeyCode::Char(c) => c.to_string(),
        other => format!("{other:?}"),
    }
}

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1e3
}

struct Memory {
    rss_kb: u64,
    peak_kb: u64,
}

impl Memory {
    fn describe(&self) -> String {
        format!(
            "resident {:.0} MiB, peak {:.0} MiB",
            self.rss_kb as f64 / 1024.0,
            self.peak_kb as f64 / 1024.0
        )
    }
}

/// Resident and peak resident memory of this process, from /proc (zero where it has none).
fn memory() -> Memory {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = |key: &str| -> u64 {
        status
            .lines()
            .find(|l| l.starts_with(key))
            .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
            .unwrap_or(0)
    };
    Memory {
        rss_kb: kb("VmRSS:"),
        peak_kb: kb("VmHWM:"),
    }
}

/// Start the peak over from what is resident now (Linux: writing 5 to clear_refs).
fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// About 100 MB of book text: the corpus books (their Project Gutenberg header and licence
/// left out) when `QUIRE_CORPUS` names the corpus, else the bundled article, repeated.
fn book_text() -> String {
    let sources = corpus_book_bodies();
    let mut book = String::with_capacity(BOOK_BYTES + 1024 * 1024);
    while book.len() < BOOK_BYTES {
        for text in &sources {
            book.push_str(text);
            book.push_str("\n\n");
        }
    }
    book
}
