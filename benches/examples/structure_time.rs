//! Time to structure each file given (decode, sanitize and find its blocks: what a first paint
//! waits for on a small file, and on the preview of a big one), the median of several runs in
//! one process, with the number of blocks and a fingerprint of them all, so a faster structure
//! can be checked to give the same blocks. With `--head BYTES`, each file's opening is taken as
//! the opening of a big file is previewed: up to the last blank line within BYTES (32768 is
//! what quire previews).
//!
//! Run: `cargo run --release --example structure_time -- FILE... [--runs N] [--head BYTES]`

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use quire::document::totals::Totals;
use quire::document::{Document, LoadOptions};

fn main() -> anyhow::Result<()> {
    let mut runs = 50usize;
    let mut head: Option<usize> = None;
    let mut files: Vec<PathBuf> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--runs" => {
                let n = args.next().context("--runs needs a number")?;
                runs = n.parse().context("--runs needs a number")?;
            }
            "--head" => {
                let n = args.next().context("--head needs a number of bytes")?;
                head = Some(n.parse().context("--head needs a number of bytes")?);
            }
            _ => files.push(arg.into()),
        }
    }
    anyhow::ensure!(
        !files.is_empty(),
        "usage: structure_time FILE... [--runs N] [--head BYTES]"
    );
    println!(
        "{:<36} {:>9} {:>9} {:>8} {:>18}",
        "file", "median ms", "min ms", "blocks", "fingerprint"
    );
    for file in files {
        let mut bytes =
            std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
        if let Some(limit) = head {
            bytes.truncate(opening(&bytes, limit));
        }
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut times = Vec::with_capacity(runs);
        let mut doc = Document::default();
        for _ in 0..runs.max(1) {
            let started = Instant::now();
            doc = Document::load(bytes.clone(), &name, LoadOptions::default())?;
            // The counts the status line shows come with every opening.
            std::hint::black_box(Totals::of(&doc));
            times.push(started.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        let mut hasher = DefaultHasher::new();
        format!("{:?}", doc.blocks).hash(&mut hasher);
        println!(
            "{name:<36} {:>9.3} {:>9.3} {:>8} {:>18x}",
            times[times.len() / 2],
            times[0],
            doc.blocks.len(),
            hasher.finish()
        );
    }
    Ok(())
}

/// Where an opening of at most `limit` bytes ends: after its last blank line, else its last
/// line, else all of it.
fn opening(bytes: &[u8], limit: usize) -> usize {
    let window = &bytes[..limit.min(bytes.len())];
    let blank = [&b"\n\n"[..], &b"\n\r\n"[..]]
        .iter()
        .filter_map(|gap| {
            window
                .windows(gap.len())
                .rposition(|w| w == *gap)
                .map(|at| at + gap.len())
        })
        .max();
    blank
        .or_else(|| window.iter().rposition(|&b| b == b'\n').map(|at| at + 1))
        .unwrap_or(window.len())
}
