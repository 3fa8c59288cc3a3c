//! Hostile sizes, measured: writes three files into a temporary folder — a 100 MB book, one
//! 10 MB line, and 1,000,000 one-word lines — and for each reports the time to the first page,
//! the time to open it completely (full layout and outline), the time of `--print`-style plain
//! output, and the peak resident memory of each, every figure from a fresh process.
//!
//! `cargo run --release --example big_files` (Linux: peak memory is read from /proc).
//! The book is made from the texts in `$QUIRE_CORPUS/A-books` when that is set, else from the
//! bundled article, repeated to 100 MB.
//!
//! A second table measures the real binary as a reader meets it: when `target/release/quire`
//! is built and `tmux` is on the PATH, each file is opened in a 120x40 pane of a private tmux
//! server, left to finish its layout and outline, paged twice with Space, and the process's
//! peak resident memory (VmHWM) is read, with how much of it is the program's own code and
//! libraries mapped from disk (RssFile). Memory is given in MB of 10^6 bytes, like the sizes.

#[path = "common/books.rs"]
mod books;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use quire::app::opening::{self, Opening};
use quire::app::{AppBuilder, ScriptedInbox};
use quire::document::{Document, LoadOptions};
use quire::reader::Msg;
use ratatui::backend::TestBackend;

use books::corpus_book_bodies;

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
    binary_table(&files, dir.path());
    Ok(())
}

/// A tmux server of this program's own, so a user's sessions are never touched.
const SOCKET: &str = "quire-big-files";
const PANE: (&str, &str) = ("120", "40");

fn tmux(args: &[&str]) -> Option<String> {
    let out = Command::new("tmux")
        .args(["-L", SOCKET])
        .args(args)
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The real binary's peak memory on each file, or a line saying why it cannot be measured.
fn binary_table(files: &[(&str, PathBuf)], dir: &Path) {
    let binary = std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.parent()?.parent()?.join("quire")))
        .filter(|path| path.exists());
    let Some(binary) = binary else {
        println!("\n(real binary not measured: build it with `cargo build --release`)");
        return;
    };
    if tmux(&["-V"]).is_none_or(|v| v.is_empty()) {
        println!("\n(real binary not measured: tmux is not on the PATH)");
        return;
    }
    println!(
        "\nreal binary in a {}x{} tmux pane, after paging twice:",
        PANE.0, PANE.1
    );
    println!(
        "{:<22} {:>10} {:>12} {:>8} {:>12}",
        "file", "size MB", "peak RSS MB", "x file", "of it code"
    );
    for (name, path) in files {
        let size = std::fs::metadata(path).map_or(0, |m| m.len());
        match binary_peak(&binary, path, &dir.join("reader-data")) {
            Ok((peak, code)) => println!(
                "{name:<22} {:>10.1} {:>12.1} {:>8.2} {:>12.1}",
                size as f64 / 1e6,
                peak as f64 / 1e6,
                peak as f64 / size.max(1) as f64,
                code as f64 / 1e6
            ),
            Err(error) => println!("{name:<22} {error}"),
        }
    }
    let _ = tmux(&["kill-server"]);
}

/// Peak resident bytes of quire reading `file`, and the part mapped from files (its code).
fn binary_peak(binary: &Path, file: &Path, data: &Path) -> Result<(u64, u64), String> {
    let command = format!(
        "exec '{}' --from-start --data-dir '{}' '{}'",
        binary.display(),
        data.display(),
        file.display()
    );
    tmux(&[
        "new-session",
        "-d",
        "-s",
        "run",
        "-x",
        PANE.0,
        "-y",
        PANE.1,
        &command,
    ])
    .ok_or("cannot start tmux")?;
    let result = (|| {
        let screen = || tmux(&["capture-pane", "-p", "-t", "run"]).unwrap_or_default();
        // Painted, then settled: the layout and the outline are done when the screen has not
        // changed for a second.
        let started = Instant::now();
        let mut last = String::new();
        let mut still = 0;
        while still < 10 {
            if started.elapsed().as_secs() > 120 {
                return Err("never settled".to_string());
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
            let now = screen();
            // "page 1/…" is a first screen still being laid out; "page 1/83" is complete.
            let complete = now
                .split("page 1/")
                .nth(1)
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()));
            if complete && now == last {
                still += 1;
            } else {
                still = 0;
            }
            last = now;
        }
        for _ in 0..2 {
            tmux(&["send-keys", "-t", "run", "Space"]);
            std::thread::sleep(std::time::Duration::from_millis(500));
        }
        let pid = tmux(&["display-message", "-p", "-t", "run", "#{pane_pid}"]).unwrap_or_default();
        let status = std::fs::read_to_string(format!("/proc/{}/status", pid.trim()))
            .map_err(|e| format!("cannot read the reader's memory: {e}"))?;
        let kib = |key: &str| -> Option<u64> {
            let line = status.lines().find(|l| l.starts_with(key))?;
            line.split_whitespace().nth(1)?.parse::<u64>().ok()
        };
        let peak = kib("VmHWM:").ok_or("no VmHWM")? * 1024;
        let code = kib("RssFile:").unwrap_or(0) * 1024;
        Ok((peak, code))
    })();
    let _ = tmux(&["kill-session", "-t", "run"]);
    result
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
    match mode {
        "open" => {
            // The interactive path, as the reader takes it: a big file's opening structured
            // and drawn first (the preview), then the whole document, its full layout and,
            // when the text is not too long to analyse, its full outline.
            let data = tempfile::tempdir()?;
            let opening = opening::open_file(
                path,
                LoadOptions::default(),
                Some(data.path().to_path_buf()),
                false,
            )?;
            let mut terminal = quire::app::terminal(TestBackend::new(SCREEN.0, SCREEN.1))?;
            // The rest arrives as the reader's loop gets it: the whole document (when the
            // opening was a preview), then the outline job's result.
            let mut rest = ScriptedInbox::default();
            let builder = match opening {
                Opening::Ready(opened, _) => AppBuilder::opened(*opened),
                Opening::Preview(preview, whole) => {
                    rest.then(Msg::WholeArrived(Box::new(whole.recv()?)));
                    AppBuilder::preview(preview)
                }
                Opening::Around(around, whole) => {
                    rest.then(Msg::WholeArrived(Box::new(whole.recv()?)));
                    AppBuilder::preview_around(*around)
                }
            };
            let mut app = builder.screen(SCREEN).build();
            terminal.draw(|frame| quire::ui::render(app.model(), frame))?;
            println!("first_page_ms={:.0}", ms(started));
            rest.deliver();
            app.run(&mut terminal, &mut rest)?;
            assert!(!app.model().outline_pending() && app.model().pages().is_complete());
            println!("opened_ms={:.0}", ms(started));
        }
        "print" => {
            let doc = Document::open_with(path, LoadOptions::default())?;
            let mut sink = std::io::sink();
            quire::cli::print::write_text(&doc, 80, &mut sink)?;
            println!("print_ms={:.0}", ms(started));
        }
        other => return Err(format!("unknown mode {other}").into()),
    }
    if let Some(peak) = peak_rss_kb() {
        // MB of 10^6 bytes, as the file sizes are given.
        println!("peak_mb={:.1}", peak as f64 * 1024.0 / 1e6);
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
    let sources = corpus_book_bodies();
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
