//! Resize latency, in process: a book opened whole and read to its middle is resized back and
//! forth between two sizes, and each resize is timed from the new size's message to its frame
//! drawn (into memory), as the reader's loop does it. Then the whole layout that follows in
//! the background is timed on its own, and, for comparison, what a resize cost when it laid
//! the whole book out before drawing.
//!
//! Books: Moby-Dick from `$QUIRE_CORPUS/A-books` and a 100 MB book of its text repeated (else
//! the bundled article repeated to those sizes).
//!
//! Run: `QUIRE_CORPUS=/path/to/corpus cargo run --release --example resize_latency [ROUNDS]`

#[path = "common/books.rs"]
mod books;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Context;

use quire::document::Document;
use quire::input::key::parse_keys;
use quire::layout::Pages;
use quire::reader::{Effect, Model, Msg, Opened, Setup, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use books::gutenberg_body;

const BIG_BOOK: usize = 100 * 1024 * 1024;
const SIZES: [(u16, u16); 2] = [(200, 60), (120, 40)];

fn main() -> anyhow::Result<()> {
    let rounds: usize = match std::env::args().nth(1) {
        Some(n) => n.parse().with_context(|| {
            format!("ROUNDS is a count of resizes, not '{n}' (the books come from $QUIRE_CORPUS)")
        })?,
        None => 9,
    };
    let corpus = std::env::var_os("QUIRE_CORPUS").map(PathBuf::from);
    if corpus.is_none() {
        println!("QUIRE_CORPUS is not set: the books are made of the bundled article");
    }
    println!(
        "resize {}x{} <-> {}x{}, {rounds} rounds, median (min-max) ms",
        SIZES[0].0, SIZES[0].1, SIZES[1].0, SIZES[1].1
    );
    println!(
        "{:<22} {:>24} {:>24} {:>24}",
        "book", "resize to frame", "whole layout after", "whole before frame (old)"
    );
    for (name, text) in books(corpus.as_deref()) {
        let started = Instant::now();
        let doc = Document::from_text(&text, &name);
        drop(text);
        eprintln!(
            "{name}: structured in {:.1} s",
            started.elapsed().as_secs_f64()
        );
        measure(&name, doc, rounds)?;
    }
    Ok(())
}

/// Open `doc`, go to its middle, and time `rounds` resizes.
fn measure(name: &str, doc: Document, rounds: usize) -> anyhow::Result<()> {
    let setup = Setup {
        screen: SIZES[0],
        ..Setup::default()
    };
    let mut model = Model::open(Opened::fresh(doc), setup);
    let mut terminal = Terminal::new(TestBackend::new(SIZES[0].0, SIZES[0].1))?;
    finish_work(&mut model);
    for key in parse_keys(":50%<Enter>")? {
        update(&mut model, Msg::from(key));
    }
    let (mut to_frame, mut background, mut old_way) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..rounds {
        let (width, height) = SIZES[(round + 1) % 2];
        let started = Instant::now();
        update(&mut model, Msg::Resize { width, height });
        terminal.backend_mut().resize(width, height);
        terminal.resize(ratatui::layout::Rect::new(0, 0, width, height))?;
        terminal.draw(|frame| quire::ui::render(&model, frame))?;
        to_frame.push(started.elapsed());
        let started = Instant::now();
        finish_work(&mut model);
        background.push(started.elapsed());
        let pages = model.pages();
        let started = Instant::now();
        let whole = Pages::with_code_lines(
            model.doc(),
            pages.width(),
            pages.height(),
            pages.leftovers_open(),
            pages.style(),
        );
        old_way.push(started.elapsed());
        assert_eq!(whole.line_count(), model.pages().line_count());
    }
    println!(
        "{:<22} {:>24} {:>24} {:>24}",
        name,
        summary(&mut to_frame),
        summary(&mut background),
        summary(&mut old_way)
    );
    Ok(())
}

/// Run the work a paint lets start (the whole layout, the outline) on this thread and hand
/// the results back, as the loop's job threads would.
fn finish_work(model: &mut Model) {
    while model.wants_work_after_paint() {
        let effects = update(model, Msg::Painted);
        if effects.is_empty() {
            continue;
        }
        for effect in effects {
            if let Effect::Spawn(job) = effect {
                let done = job.run();
                update(model, done);
            }
        }
    }
}

fn summary(times: &mut [Duration]) -> String {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    match (times.first(), times.get(times.len() / 2), times.last()) {
        (Some(&min), Some(&median), Some(&max)) => {
            format!("{:.1} ({:.1}-{:.1})", ms(median), ms(min), ms(max))
        }
        _ => "-".to_string(),
    }
}

/// Moby-Dick and a 100 MB book, each as text. The big book is Moby-Dick's own text (without
/// its Project Gutenberg header and licence) over and over: one long work, as a reader would
/// open one. Joined books would not do: the first one's ending would make the rest back
/// matter, folded into one line.
fn books(corpus: Option<&Path>) -> Vec<(String, String)> {
    let moby = corpus
        .and_then(|root| std::fs::read_to_string(root.join("A-books/moby-dick.pg2701.txt")).ok());
    let source = match &moby {
        Some(text) => gutenberg_body(text).to_string(),
        None => quire::BUNDLED_ARTICLE.to_string(),
    };
    let moby = moby.unwrap_or_else(|| repeated(&source, 1_276_201));
    vec![
        ("Moby-Dick (1.3 MB)".into(), moby),
        ("book (100 MB)".into(), repeated(&source, BIG_BOOK)),
    ]
}

/// `source` over and over, until `bytes` long.
fn repeated(source: &str, bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + source.len() + 2);
    while text.len() < bytes {
        text.push_str(source);
        text.push_str("\n\n");
    }
    text
}
