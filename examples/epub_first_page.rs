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
//! `cargo run --release --example epub_first_page -- BOOK.epub [RUNS]`

use std::path::Path;
use std::time::Instant;

use quire::app::AppBuilder;
use quire::app::opening::{self, Opening};
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
    let mut whole = None;
    let builder = match opening {
        Opening::Ready(opened, store) => AppBuilder::opened(*opened).store(store, None),
        Opening::Preview(preview, rest) => {
            whole = Some(rest);
            AppBuilder::preview(preview)
        }
    };
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
    let mut args = std::env::args().skip(1);
    let book = args
        .next()
        .ok_or("usage: epub_first_page BOOK.epub [RUNS]")?;
    let runs: usize = args.next().map_or(Ok(11), |r| r.parse())?;
    let book = Path::new(&book);
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
    println!(
        "{}: {} bytes as EPUB, {} bytes as text, {} blocks",
        book.display(),
        std::fs::metadata(book)?.len(),
        text.len(),
        doc.blocks.len()
    );
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
        "first page: text {:.1} ms, book {:.1} ms (medians of {runs}); median ratio book/text {:.2}",
        median(&mut texts),
        median(&mut books),
        median(&mut ratios)
    );
    Ok(())
}
