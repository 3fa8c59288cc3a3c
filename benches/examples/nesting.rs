//! Deep nesting, measured: writes small files that nest thousands deep (HTML `<div>`s,
//! `<span>`s, lists and tables; Markdown lists and quotes) into a temporary folder and, for
//! each, reports the time to structure it (read, decode, flatten, parse, extract) and to open
//! it (that, then outline, layout and the first frame, as the reader does), the peak resident
//! memory, the blocks it became, and how many of its marked words the document shows (every
//! input holds a known number of `wN` words). Each shape is measured at a size and at twice
//! that size: the `x2` column is how much longer the larger took, about 2 where every stage is
//! linear. Each file is opened in a fresh process, stopped after a time limit (60 s, or the
//! first argument in seconds).
//!
//! `cargo run --release --example nesting [LIMIT_SECS]` (Linux: peak memory is read from /proc).

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use quire::document::{Document, LoadOptions};
use quire::reader::{Model, Opened, Setup};
use ratatui::backend::TestBackend;

const SCREEN: (u16, u16) = (100, 30);

/// One input: its file name, its text, and how many marked words it holds.
struct Input {
    name: String,
    text: String,
    words: usize,
}

/// A hostile shape, built at any size `n`: each nests far deeper than any real document, in
/// few bytes.
struct Shape {
    name: &'static str,
    n: usize,
    build: fn(usize) -> (String, usize),
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [mode, path] = args.as_slice()
        && mode == "open"
    {
        // A child run: one file, in a process of its own.
        return measure(Path::new(path));
    }
    let limit = Duration::from_secs(args.first().map_or(Ok(60), |a| a.parse())?);
    let dir = tempfile::tempdir()?;
    let me = std::env::current_exe()?;
    println!(
        "{:<24} {:>8} {:>10} {:>10} {:>8} {:>8} {:>13} {:>6}",
        "file", "size KB", "structure", "open", "peak MB", "blocks", "words kept", "x2"
    );
    for shape in SHAPES {
        // Each shape at its size and at twice it: a stage linear in the input takes about
        // twice as long (the x2 column), a quadratic one four times.
        let mut first_open = None;
        for n in [shape.n, 2 * shape.n] {
            let (text, words) = (shape.build)(n);
            let input = Input {
                name: shape.name.replace('N', &n.to_string()),
                text,
                words,
            };
            let report = run(&me, dir.path(), &input, limit)?;
            let open = field(&report, "open_ms").parse::<f64>().ok();
            let ratio = match (first_open, open) {
                (Some(a), Some(b)) if a > 0.0 => format!("{:.1}", b / a),
                _ => String::new(),
            };
            first_open = first_open.or(open);
            println!(
                "{:<24} {:>8.1} {:>10} {:>10} {:>8} {:>8} {:>13} {ratio:>6}",
                input.name,
                input.text.len() as f64 / 1e3,
                with_unit(field(&report, "structure_ms"), " ms"),
                with_unit(field(&report, "open_ms"), " ms"),
                field(&report, "peak_mb"),
                field(&report, "blocks"),
                format!("{}/{}", field(&report, "words"), input.words),
            );
        }
    }
    Ok(())
}

fn page(body: String) -> String {
    format!("<!DOCTYPE html><html><body>{body}</body></html>")
}

fn repeat(n: usize, f: impl Fn(usize) -> String) -> String {
    (0..n).map(f).collect()
}

const SHAPES: &[Shape] = &[
    Shape {
        name: "divs-N.html",
        n: 50_000,
        build: |n| {
            let body = format!(
                "{}w0 at the bottom{}",
                "<div>".repeat(n),
                "</div>".repeat(n)
            );
            (page(body), 1)
        },
    },
    Shape {
        name: "divs-text-N.html",
        n: 10_000,
        build: |n| {
            let body = repeat(n, |i| format!("<div>w{i} ")) + &"</div>".repeat(n);
            (page(body), n)
        },
    },
    Shape {
        name: "spans-N.html",
        n: 50_000,
        build: |n| {
            let body = format!("<p>{}w0{}</p>", "<span>".repeat(n), "</span>".repeat(n));
            (page(body), 1)
        },
    },
    Shape {
        name: "chains-Nx200.html",
        n: 250,
        build: |n| {
            let body = repeat(n, |i| {
                format!(
                    "{}<p>w{i} is a paragraph at the bottom of a chain.</p>{}",
                    "<div>".repeat(200),
                    "</div>".repeat(200)
                )
            });
            (page(body), n)
        },
    },
    Shape {
        name: "lists-N.html",
        n: 5_000,
        build: |n| {
            let body = repeat(n, |i| format!("<ul><li>w{i} ")) + &"</li></ul>".repeat(n);
            (page(body), n)
        },
    },
    Shape {
        name: "tables-N.html",
        n: 2_500,
        build: |n| {
            let body =
                repeat(n, |i| format!("<table><tr><td>w{i} ")) + &"</td></tr></table>".repeat(n);
            (page(body), n)
        },
    },
    Shape {
        name: "list-N.md",
        n: 10_000,
        build: |n| (format!("{}w0\n", "- ".repeat(n)), 1),
    },
    Shape {
        name: "list-items-N.md",
        n: 5_000,
        build: |n| {
            (
                repeat(n, |i| format!("{}- w{i}\n", "  ".repeat(i.min(40)))),
                n,
            )
        },
    },
    Shape {
        name: "ordered-N.md",
        n: 10_000,
        build: |n| (format!("{}w0\n", "1. ".repeat(n)), 1),
    },
    Shape {
        name: "quotes-N.md",
        n: 10_000,
        build: |n| (format!("{}w0\n", "> ".repeat(n)), 1),
    },
    Shape {
        name: "quoted-lists-N.md",
        n: 5_000,
        build: |n| (format!("{}w0\n", "> - ".repeat(n)), 1),
    },
];

/// Write the input to a file and open it in a child process.
fn run(
    me: &Path,
    dir: &Path,
    input: &Input,
    limit: Duration,
) -> Result<String, Box<dyn std::error::Error>> {
    let path = dir.join(&input.name);
    std::fs::write(&path, &input.text)?;
    Ok(child(me, &path, limit)?.unwrap_or_else(|| format!("open_ms=>{}", limit.as_millis())))
}

/// Run this program on one file; its report is `key=value` lines, or `None` past the limit.
fn child(
    me: &Path,
    path: &Path,
    limit: Duration,
) -> Result<Option<String>, Box<dyn std::error::Error>> {
    let mut process = Command::new(me)
        .arg("open")
        .arg(path)
        .stdout(Stdio::piped())
        .spawn()?;
    let started = Instant::now();
    while process.try_wait()?.is_none() {
        if started.elapsed() > limit {
            process.kill()?;
            process.wait()?;
            return Ok(None);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = process.wait_with_output()?;
    if !out.status.success() {
        return Ok(Some(format!("open_ms=failed ({})", out.status)));
    }
    Ok(Some(String::from_utf8(out.stdout)?))
}

fn field<'a>(report: &'a str, key: &str) -> &'a str {
    report
        .lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix('='))
        .unwrap_or("n/a")
}

fn with_unit(value: &str, unit: &str) -> String {
    if value.parse::<f64>().is_ok() {
        format!("{value}{unit}")
    } else {
        value.to_string()
    }
}

/// Open the file as the reader does, all of it at once, and report.
fn measure(path: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let started = Instant::now();
    let doc = Document::open_with(path, LoadOptions::default())?;
    let structured = started.elapsed();
    let setup = Setup {
        screen: SCREEN,
        ..Setup::default()
    };
    let blocks = doc.blocks.len();
    let words = marked_words(&doc);
    let model = Model::open(Opened::fresh(doc), setup);
    let mut terminal = quire::app::terminal(TestBackend::new(SCREEN.0, SCREEN.1))?;
    terminal.draw(|frame| quire::ui::render(&model, frame))?;
    println!("structure_ms={:.0}", structured.as_secs_f64() * 1e3);
    println!("open_ms={:.0}", started.elapsed().as_secs_f64() * 1e3);
    println!("blocks={blocks}");
    println!("words={words}");
    if let Some(peak) = peak_rss_kb() {
        println!("peak_mb={:.1}", peak as f64 * 1024.0 / 1e6);
    }
    Ok(())
}

/// How many distinct `wN` words the document's blocks hold.
fn marked_words(doc: &Document) -> usize {
    let mut seen = std::collections::HashSet::new();
    for block in &doc.blocks {
        for word in block.text.split(|c: char| !c.is_ascii_alphanumeric()) {
            if word.len() > 1
                && word.starts_with('w')
                && word[1..].bytes().all(|b| b.is_ascii_digit())
            {
                seen.insert(word.to_string());
            }
        }
    }
    seen.len()
}

/// Peak resident set size of this process (VmHWM), in KiB, where /proc has it.
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
