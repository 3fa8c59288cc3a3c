//! Time to the first page of an EPUB book against the same book as plain text, in process and
//! the way the `quire` binary opens a named file: `opening::open_file` (with a fresh bookmark
//! store), the reader's model, and one frame drawn at 100×30. The text twin is the book's own
//! blocks written as paragraphs to a temporary `.txt`, so both hold the same words. Runs
//! alternate (text, book, text, book…) so the machine's drift falls on both; the figure to
//! quote is the median of the per-pair ratios (book / text).
//!
//! A big book, like a big text, shows its opening first while the whole is read behind it
//! (`quire::app::opening`); the whole is let finish, untimed, before the next run.
//!
//! `cargo run --release --example epub_first_page -- BOOK.epub|FOLDER... [RUNS]` (a folder:
//! every `.epub` in it; a book that cannot be read is said and passed over).

use std::path::{Path, PathBuf};
use std::time::Instant;

use quire::app::AppBuilder;
use quire::app::opening;
use quire::document::{Document, LoadOptions};
use ratatui::backend::TestBackend;

const SIZE: (u16, u16) = (100, 30);

/// Milliseconds from naming the file to the first frame drawn.
fn first_page(path: &Path, data_dir: &Path) -> Result<f64, Box<dyn std::error::Error>> {
    let started = Instant::now();
    let opening = opening::open_file(
        path,
        LoadOptions::default(),
        Some(data_dir.to_path_buf()),
        true,
    )?;
    let (builder, whole) = AppBuilder::for_opening(opening, None);
    let app = builder.screen(SIZE).build();
    let mut terminal = quire::app::terminal(TestBackend::new(SIZE.0, SIZE.1))?;
    terminal.draw(|f| quire::ui::render(app.model(), f))?;
    let elapsed = started.elapsed().as_secs_f64() * 1000.0;
    // The whole is still being read behind the first page: let it finish, untimed, so it
    // does not weigh on the next run.
    if let Some(whole) = whole {
        let _ = whole.recv();
    }
    Ok(elapsed)
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let runs: usize = match args.last().map(|a| a.parse()) {
        Some(Ok(runs)) => {
            args.pop();
            runs
        }
        _ => 11,
    };
    if args.is_empty() {
        return Err("usage: epub_first_page BOOK.epub|FOLDER... [RUNS]".into());
    }
    let mut books = Vec::new();
    for arg in &args {
        let path = Path::new(arg);
        if path.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(path)?
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "epub"))
                .collect();
            found.sort();
            books.extend(found);
        } else {
            books.push(path.to_path_buf());
        }
    }
    for book in &books {
        if let Err(err) = compare(book, runs) {
            println!("{}: cannot be timed: {err}", book.display());
        }
    }
    Ok(())
}

/// Time the first page of `book` and of its text twin, `runs` times each, and print the
/// medians.
fn compare(book: &Path, runs: usize) -> Result<(), Box<dyn std::error::Error>> {
    let doc = Document::open(book)?;
    let text: String = doc
        .blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    let dir = tempfile::tempdir()?;
    let twin = dir.path().join("book.txt");
    std::fs::write(&twin, &text)?;
    let (mut texts, mut books, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    // One bookmark store, made before timing starts, as a reader's is after first use; no
    // place is saved in it, so each opening is a first one.
    let store = dir.path().join("store");
    first_page(&twin, &store)?;
    first_page(book, &store)?;
    for _ in 0..runs {
        let t = first_page(&twin, &store)?;
        let b = first_page(book, &store)?;
        texts.push(t);
        books.push(b);
        ratios.push(b / t);
    }
    println!(
        "{}: {} bytes as EPUB, {} bytes as text, {} blocks; first page: text {:.1} ms, \
         book {:.1} ms (medians of {runs}); median ratio book/text {:.2}",
        book.file_name().unwrap_or_default().to_string_lossy(),
        std::fs::metadata(book)?.len(),
        text.len(),
        doc.blocks.len(),
        median(&mut texts),
        median(&mut books),
        median(&mut ratios)
    );
    Ok(())
}
