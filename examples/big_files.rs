//! Hostile sizes, measured: writes three files into a temporary folder — a 100 MB book, one
//! 10 MB line, and 1,000,000 one-word lines — and for each reports the time to the first page,
//! the time to open it completely (full layout and outline), the time of `--print`-style plain
//! output, and the peak resident memory of each, every figure from a fresh process.
//!
//! `cargo run --release --example big_files` (Linux: peak memory is read from /proc).
//! The book is made from the texts in `$QUIRE_CORPUS/A-books` when that is set, else from the
//! bundled article, repeated to 100 MB.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use quire::document::{Document, LoadOptions};
use quire::keymap::Keymap;
use quire::model::{Config, Model};
use quire::outline::Outline;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const BOOK_BYTES: usize = 100 * 1024 * 1024;
const LINE_BYTES: usize = 10 * 1024 * 1024;
const ONE_WORD_LINES: usize = 1_000_000;
const SCREEN: (u16, u16) = (100, 30);

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [mode, path] = args.as_slice() {
        // A child run: measure one file in one mode, in a process of its own.
        return measure(mode, Path::new(path));
    }
    let dir = tempfile::tempdir()?;
    let files = write_files(dir.path())?;
    println!(
        "{:<22} {:>10} {:>12} {:>12} {:>12} {:>12} {:>12}",
        "file", "size MB", "first page", "opened", "open RSS MB", "print", "print RSS MB"
    );
    let me = std::env::current_exe()?;
    for (name, path) in &files {
        let size = std::fs::metadata(path)?.len() as f64 / 1e6;
        let open = child(&me, "open", path)?;
        let print = child(&me, "print", path)?;
        println!(
            "{name:<22} {size:>10.1} {:>12} {:>12} {:>12} {:>12} {:>12}",
            field(&open, "first_page_ms", " ms"),
            field(&open, "opened_ms", " ms"),
            field(&open, "peak_mb", ""),
            field(&print, "print_ms", " ms"),
            field(&print, "peak_mb", ""),
        );
    }
    Ok(())
}

/// Run this program on one file in one mode; its report is `key=value` lines.
fn child(me: &Path, mode: &str, path: &Path) -> Result<String, Box<dyn std::error::Error>> {
    let out = Command::new(me).arg(mode).arg(path).output()?;
    if !out.status.success() {
        return Err(format!(
            "{mode} {}: {}",
            path.display(),
            String::from_utf8_lossy(&out.stderr)
        )
        .into());
    }
    Ok(String::from_utf8(out.stdout)?)
}

fn field(report: &str, key: &str, unit: &str) -> String {
    report
        .lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix('='))
        .map_or_else(|| "n/a".to_string(), |v| format!("{v}{unit}"))
}

fn measure(mode: &str, path: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let started = Instant::now();
    let doc = Document::open_with(path, LoadOptions::default())?;
    match mode {
        "open" => {
            // The interactive path: a provisional outline and the first screen, drawn; then
            // the full layout and the full outline, as the app does right after.
            let mut model =
                Model::with_outline_later(doc, Config::default(), Keymap::default_keymap(), SCREEN);
            let mut terminal = Terminal::new(TestBackend::new(SCREEN.0, SCREEN.1))?;
            terminal.draw(|frame| quire::ui::render(&model, frame))?;
            println!("first_page_ms={:.0}", ms(started));
            model.complete_layout();
            let outline = Outline::build(&model.doc);
            model.set_outline(outline);
            terminal.draw(|frame| quire::ui::render(&model, frame))?;
            println!("opened_ms={:.0}", ms(started));
        }
        "print" => {
            let mut sink = std::io::sink();
            quire::print::write_text(&doc, 80, &mut sink)?;
            println!("print_ms={:.0}", ms(started));
        }
        other => return Err(format!("unknown mode {other}").into()),
    }
    if let Some(peak) = peak_rss_kb() {
        println!("peak_mb={:.1}", peak as f64 / 1024.0);
    }
    Ok(())
}

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1e3
}

/// Peak resident set size of this process (VmHWM), in KiB, where /proc has it.
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn write_files(dir: &Path) -> Result<Vec<(&'static str, PathBuf)>, Box<dyn std::error::Error>> {
    let sources = book_sources();
    let book = dir.join("book-100mb.txt");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&book)?);
    let mut written = 0;
    while written < BOOK_BYTES {
        for text in &sources {
            out.write_all(text.as_bytes())?;
            out.write_all(b"\n\n")?;
            written += text.len() + 2;
        }
    }
    out.flush()?;

    let line = dir.join("one-line-10mb.txt");
    let mut text = String::with_capacity(LINE_BYTES + 8);
    let words = ["lorem", "ipsum", "dolor", "sit", "amet", "quire"];
    let mut n = 0;
    while text.len() < LINE_BYTES {
        text.push_str(words[n % words.len()]);
        text.push(' ');
        n += 1;
    }
    std::fs::write(&line, text)?;

    let lines = dir.join("million-one-word-lines.txt");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&lines)?);
    for n in 0..ONE_WORD_LINES {
        writeln!(out, "{}", words[n % words.len()])?;
    }
    out.flush()?;
    Ok(vec![
        ("book 100 MB", book),
        ("one 10 MB line", line),
        ("1M one-word lines", lines),
    ])
}

/// Texts to repeat into the book: the corpus books when `QUIRE_CORPUS` names the corpus.
fn book_sources() -> Vec<String> {
    let from_corpus = std::env::var_os("QUIRE_CORPUS").and_then(|root| {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(Path::new(&root).join("A-books"))
            .ok()?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        let texts: Vec<String> = paths
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect();
        (!texts.is_empty()).then_some(texts)
    });
    from_corpus.unwrap_or_else(|| vec![quire::BUNDLED_ARTICLE.to_string()])
}
