//! Rerunnable accuracy check of HTML article extraction: for every `<dir>/*/page.html` with a
//! `gold.txt` beside it, load the page as quire does and score the body text it shows against
//! the gold text with a bag-of-words F1 (lower-cased alphanumeric words, with multiplicity).
//!
//! `cargo run --release --example html_eval -- /path/to/corpus` (or its `C-articles` folder)

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

use quire::document::{Document, html_body_text};

fn bag(text: &str) -> HashMap<String, usize> {
    let mut words = HashMap::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *words.entry(word.to_lowercase()).or_insert(0) += 1;
    }
    words
}

/// (precision, recall, F1) of `got` against `gold`.
fn score(got: &str, gold: &str) -> (f64, f64, f64) {
    let (g, r) = (bag(got), bag(gold));
    let common: usize = g
        .iter()
        .map(|(w, n)| (*n).min(r.get(w).copied().unwrap_or(0)))
        .sum();
    if common == 0 {
        return (0.0, 0.0, 0.0);
    }
    let precision = common as f64 / g.values().sum::<usize>() as f64;
    let recall = common as f64 / r.values().sum::<usize>() as f64;
    (
        precision,
        recall,
        2.0 * precision * recall / (precision + recall),
    )
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .ok_or("usage: html_eval <corpus dir, or its C-articles folder>")?;
    // The corpus root works as well as its article folder, so one path serves every evaluation.
    let articles = dir.join("C-articles");
    let dir = if articles.is_dir() { articles } else { dir };
    let mut folders: Vec<PathBuf> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("page.html").is_file() && p.join("gold.txt").is_file())
        .collect();
    folders.sort();
    if folders.is_empty() {
        return Err(format!(
            "no article folders (page.html + gold.txt) in {}",
            dir.display()
        )
        .into());
    }
    println!(
        "{:<40} {:>9} {:>6} {:>6} {:>6} {:>8}",
        "article", "html KB", "P", "R", "F1", "load ms"
    );
    let mut total = (0.0, 0.0, 0.0);
    for folder in &folders {
        let page = folder.join("page.html");
        let size = std::fs::metadata(&page)?.len();
        let started = Instant::now();
        let doc = Document::open(&page)?;
        let millis = started.elapsed().as_secs_f64() * 1000.0;
        let gold = std::fs::read_to_string(folder.join("gold.txt"))?;
        let (p, r, f1) = score(&html_body_text(&doc), &gold);
        total = (total.0 + p, total.1 + r, total.2 + f1);
        let name = folder
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        println!(
            "{name:<40} {:>9} {p:>6.3} {r:>6.3} {f1:>6.3} {millis:>8.1}",
            size / 1024
        );
    }
    let n = folders.len().max(1) as f64;
    println!(
        "{:<40} {:>9} {:>6.3} {:>6.3} {:>6.3}",
        "mean",
        "",
        total.0 / n,
        total.1 / n,
        total.2 / n
    );
    Ok(())
}
