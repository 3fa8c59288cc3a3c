//! First paint on a terminal that is slow to answer, as one is over ssh: the real binary runs in
//! a pseudo-terminal of this program's, which answers quire's question about the background
//! colour (the `auto` theme asks it) only after a set delay, the way a round trip to a distant
//! terminal would. The first paint is the time from starting quire to its status line
//! ("page 1/"); it should not grow with the delay.
//!
//! `cargo build --release && cargo run --release --example slow_terminal -- [FILE] [--quire BIN]
//! [--runs N] [--delays 0,40,150]`
//!
//! Without FILE, the bundled article is read. Each run starts from a fresh data directory, so no
//! reading place or remembered background is carried over.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// What quire asks (its background colour), and what this terminal answers: a black
/// background, then the answer to the device-attributes question that follows it.
const QUESTION: &[u8] = b"\x1b]11;?";
const ANSWER: &[u8] = b"\x1b]11;rgb:0000/0000/0000\x1b\\\x1b[?62;22c";
const PAINTED: &[u8] = b"page 1/";
const GIVE_UP: Duration = Duration::from_secs(10);

struct Options {
    quire: PathBuf,
    file: Option<PathBuf>,
    runs: usize,
    delays: Vec<u64>,
}

fn options() -> Result<Options, String> {
    let mut options = Options {
        quire: PathBuf::from("target/release/quire"),
        file: None,
        runs: 9,
        delays: vec![0, 40, 150],
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--quire" => options.quire = PathBuf::from(value("--quire")?),
            "--runs" => {
                options.runs = value("--runs")?
                    .parse()
                    .map_err(|_| "--runs takes a number")?
            }
            "--delays" => {
                options.delays = value("--delays")?
                    .split(',')
                    .map(|d| d.trim().parse().map_err(|_| format!("bad delay '{d}'")))
                    .collect::<Result<_, _>>()?
            }
            _ if arg.starts_with("--") => return Err(format!("unknown option {arg}")),
            _ => options.file = Some(PathBuf::from(arg)),
        }
    }
    Ok(options)
}

/// Milliseconds from starting quire to its first paint, the question answered `delay` ms after
/// it was asked.
fn once(options: &Options, delay: Duration) -> Result<f64, String> {
    let data = tempfile::tempdir().map_err(|e| e.to_string())?;
    let (pty, pts) = pty_process::blocking::open().map_err(|e| e.to_string())?;
    pty.resize(pty_process::Size::new(60, 200))
        .map_err(|e| e.to_string())?;
    let mut command = pty_process::blocking::Command::new(&options.quire)
        .arg("--from-start")
        .arg("--data-dir")
        .arg(data.path())
        .env("TERM", "xterm-256color")
        .env_remove("NO_COLOR")
        .env_remove("QUIRE_CONFIG");
    if let Some(file) = &options.file {
        command = command.arg(file);
    }
    let started = Instant::now();
    let mut child = command
        .spawn(pts)
        .map_err(|e| format!("cannot run {}: {e}", options.quire.display()))?;
    let pty = std::sync::Arc::new(pty);
    let reader = std::sync::Arc::clone(&pty);
    let (chunks, arrived) = mpsc::channel::<Vec<u8>>();
    std::thread::spawn(move || {
        let mut buf = [0u8; 65536];
        while let Ok(n) = (&*reader).read(&mut buf) {
            if n == 0 || chunks.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut output = Vec::new();
    let mut answer_at = None;
    let painted = loop {
        let now = Instant::now();
        if now - started > GIVE_UP {
            break Err("no first paint".to_string());
        }
        if answer_at.is_some_and(|at| now >= at) {
            let _ = (&*pty).write_all(ANSWER);
            answer_at = None;
        }
        // Woken by output, or in time for the answer.
        let wait = answer_at.map_or(Duration::from_millis(50), |at: Instant| {
            at.saturating_duration_since(now)
        });
        if let Ok(chunk) = arrived.recv_timeout(wait) {
            let seen = started.elapsed();
            let asked_before = contains(&output, QUESTION);
            output.extend_from_slice(&chunk);
            if !asked_before && contains(&output, QUESTION) {
                answer_at = Some(Instant::now() + delay);
            }
            if contains(&output, PAINTED) {
                break Ok(seen.as_secs_f64() * 1e3);
            }
        }
    };
    let _ = (&*pty).write_all(b"q");
    let deadline = Instant::now() + Duration::from_secs(2);
    while child.try_wait().ok().flatten().is_none() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    let _ = child.kill();
    let _ = child.wait();
    painted
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn main() {
    let options = match options() {
        Ok(options) => options,
        Err(err) => {
            eprintln!("slow_terminal: {err}");
            std::process::exit(2);
        }
    };
    let what = options
        .file
        .as_ref()
        .map_or("the bundled article".to_string(), |f| {
            f.display().to_string()
        });
    println!(
        "first paint of {what} at 200x60, {} runs per delay, {}",
        options.runs,
        options.quire.display()
    );
    println!("answer after | first paint median (min-max)");
    for &delay in &options.delays {
        let mut times = Vec::new();
        for _ in 0..options.runs.max(1) {
            match once(&options, Duration::from_millis(delay)) {
                Ok(ms) => times.push(ms),
                Err(err) => {
                    eprintln!("slow_terminal: {err}");
                    std::process::exit(1);
                }
            }
        }
        let (low, high) = (
            times.iter().copied().fold(f64::INFINITY, f64::min),
            times.iter().copied().fold(0.0, f64::max),
        );
        println!(
            "{delay:>9} ms | {:.1} ms ({low:.1}-{high:.1})",
            median(&mut times)
        );
    }
}
