//! Time to first paint of quire against `less` on the same file, in a detached tmux pane: each
//! program is started in a fresh window of a private tmux server and the pane is polled until
//! its first screen shows. Runs alternate (quire, less, quire, less…) so the machine's drift
//! falls on both; the figure to quote is the median of the per-pair ratios.
//!
//! `cargo build --release && cargo run --release --example first_paint -- FILE [RUNS]`
//!
//! quire counts as painted when its status line ("page 1/") shows; `less` when the first
//! line of the file does. Needs `tmux` and `less` on the PATH.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A tmux server of this program's own, so a user's sessions are never touched.
const SOCKET: &str = "quire-first-paint";
const SIZE: (&str, &str) = ("100", "30");
const GIVE_UP: Duration = Duration::from_secs(20);

fn tmux(args: &[&str]) -> std::io::Result<String> {
    let out = Command::new("tmux")
        .args(["-L", SOCKET])
        .args(args)
        .stderr(Stdio::null())
        .output()?;
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Milliseconds from starting `command` in a new session until `expect` is on its screen.
fn once(command: &str, expect: &str, run: usize) -> Result<f64, String> {
    let name = format!("paint-{run}");
    let started = Instant::now();
    tmux(&[
        "new-session",
        "-d",
        "-s",
        &name,
        "-x",
        SIZE.0,
        "-y",
        SIZE.1,
        command,
    ])
    .map_err(|e| format!("cannot run tmux: {e}"))?;
    let result = loop {
        let screen = tmux(&["capture-pane", "-p", "-t", &name]).unwrap_or_default();
        if screen.to_lowercase().contains(expect) {
            break Ok(started.elapsed().as_secs_f64() * 1e3);
        }
        if started.elapsed() > GIVE_UP {
            break Err(format!("'{expect}' never showed for: {command}"));
        }
        std::thread::sleep(Duration::from_millis(1));
    };
    let _ = tmux(&["kill-session", "-t", &name]);
    result
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn quire_binary() -> Result<PathBuf, String> {
    // This example lives in target/release/examples; the reader is built beside it.
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let binary = exe
        .parent()
        .and_then(Path::parent)
        .map(|dir| dir.join("quire"))
        .filter(|path| path.exists())
        .ok_or("build the reader first: cargo build --release")?;
    Ok(binary)
}

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let file = args.next().ok_or("usage: first_paint FILE [RUNS]")?;
    let runs: usize = args
        .next()
        .map_or(Ok(11), |n| n.parse())
        .map_err(|e| format!("RUNS: {e}"))?;
    let text = std::fs::read(&file).map_err(|e| format!("cannot read {file}: {e}"))?;
    let first_line = String::from_utf8_lossy(&text)
        .trim_start_matches('\u{feff}')
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty())
        .map(|line| line.chars().take(20).collect::<String>().to_lowercase())
        .ok_or("the file has no text")?;
    let data = std::env::temp_dir().join("quire-first-paint-data");
    let quire = format!(
        "{} --from-start --data-dir '{}' '{file}'",
        quire_binary()?.display(),
        data.display()
    );
    let less = format!("less '{file}'");
    // A session that outlives the runs keeps the server up: starting one is not what is timed.
    tmux(&["new-session", "-d", "-s", "keepalive"]).map_err(|e| format!("tmux: {e}"))?;
    // One warm-up each, so the file and both programs are in the page cache.
    once(&quire, "page 1/", 0)?;
    once(&less, &first_line, 0)?;
    let (mut quire_ms, mut less_ms, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    for run in 1..=runs {
        let a = once(&quire, "page 1/", run)?;
        let b = once(&less, &first_line, run)?;
        quire_ms.push(a);
        less_ms.push(b);
        ratios.push(a / b);
    }
    let _ = tmux(&["kill-server"]);
    println!("{file}, {runs} runs at {}x{}", SIZE.0, SIZE.1);
    println!("quire  median {:6.1} ms", median(&mut quire_ms));
    println!("less   median {:6.1} ms", median(&mut less_ms));
    println!(
        "ratio  median {:6.2} (quire / less, per pair)",
        median(&mut ratios)
    );
    Ok(())
}
