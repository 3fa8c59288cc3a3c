//! Time to build the outline of each file given (the work that runs in the background at every
//! open), the median of several builds on one loaded document, wall-clock and (on Linux) CPU
//! time of the building thread, which a busy machine inflates less; with the number of entries
//! and a fingerprint of the whole outline, so a faster build can be checked to give the same one.
//!
//! Run: `cargo run --release --example outline_time -- FILE... [--runs N]`

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use quire::document::Document;
use quire::outline::Outline;

fn main() -> anyhow::Result<()> {
    let mut runs = 5usize;
    let mut files: Vec<PathBuf> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--runs" {
            let n = args.next().context("--runs needs a number")?;
            runs = n.parse().context("--runs needs a number")?;
        } else {
            files.push(arg.into());
        }
    }
    anyhow::ensure!(!files.is_empty(), "usage: outline_time FILE... [--runs N]");
    println!(
        "{:<36} {:>9} {:>9} {:>8} {:>8} {:>18}",
        "file", "median ms", "min ms", "cpu ms", "entries", "fingerprint"
    );
    for file in files {
        let bytes =
            std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let doc = Document::from_bytes(&bytes, &name)?;
        let mut times = Vec::with_capacity(runs);
        let mut cpu = Vec::with_capacity(runs);
        let mut outline = Outline::default();
        for _ in 0..runs.max(1) {
            let started = Instant::now();
            let cpu_before = thread_cpu_ms();
            outline = Outline::build(&doc);
            times.push(started.elapsed().as_secs_f64() * 1000.0);
            cpu.push(
                thread_cpu_ms()
                    .zip(cpu_before)
                    .map_or(f64::NAN, |(a, b)| a - b),
            );
        }
        times.sort_by(f64::total_cmp);
        cpu.sort_by(f64::total_cmp);
        let mut hasher = DefaultHasher::new();
        format!("{outline:?}").hash(&mut hasher);
        println!(
            "{name:<36} {:>9.1} {:>9.1} {:>8.1} {:>8} {:>18x}",
            times[times.len() / 2],
            times[0],
            cpu[cpu.len() / 2],
            outline.entries.len(),
            hasher.finish()
        );
    }
    Ok(())
}

/// CPU time this thread has run, from the scheduler's statistics (Linux only).
fn thread_cpu_ms() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e6)
}
