//! Headings: a predicted heading (a Title or Heading block) matches a gold heading when it
//! starts on the same source line; the level is compared on matched pairs only and reported
//! apart. Micro-averaged over the documents.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use quire::document::{Block, BlockKind, Document};

use super::{Gold, Pair, in_first_corpus, prf, read_gold, short_name, verbose};

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
    level_ok: usize,
}

impl Counts {
    fn prf(&self) -> (f64, f64, f64) {
        prf(
            self.tp as f64,
            (self.tp + self.fp) as f64,
            (self.tp + self.fn_) as f64,
        )
    }

    fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
        self.level_ok += other.level_ok;
    }

    fn level(&self) -> f64 {
        if self.tp > 0 {
            self.level_ok as f64 / self.tp as f64
        } else {
            0.0
        }
    }
}

fn is_heading(block: &Block) -> bool {
    matches!(block.kind, BlockKind::Heading | BlockKind::Title)
}

fn count(gold: &[Gold], doc: &Document) -> Counts {
    let predicted: HashMap<usize, u8> = doc
        .blocks
        .iter()
        .filter(|b| is_heading(b))
        .map(|b| {
            let level = if b.kind == BlockKind::Title {
                1
            } else {
                b.level
            };
            (b.line, level)
        })
        .collect();
    let mut c = Counts::default();
    for g in gold {
        match predicted.get(&g.line) {
            Some(&level) => {
                c.tp += 1;
                c.level_ok += usize::from(level == g.level);
            }
            None => c.fn_ += 1,
        }
    }
    c.fp = predicted.len().saturating_sub(c.tp);
    c
}

fn write_misses(gold: &[Gold], doc: &Document, table: &mut String) {
    let gold_lines: Vec<usize> = gold.iter().map(|g| g.line).collect();
    let found: Vec<usize> = doc
        .blocks
        .iter()
        .filter(|b| is_heading(b))
        .map(|b| b.line)
        .collect();
    for g in gold.iter().filter(|g| !found.contains(&g.line)) {
        let _ = writeln!(table, "    missed {:>6} {}", g.line, g.text);
    }
    for b in doc
        .blocks
        .iter()
        .filter(|b| is_heading(b) && !gold_lines.contains(&b.line))
    {
        let _ = writeln!(table, "    extra  {:>6} {}", b.line, b.text);
    }
}

/// Heading F1 over the documents with gold headings.
pub fn headings(files: &[(PathBuf, PathBuf)], table: &mut String) -> Pair<f64> {
    let _ = writeln!(
        table,
        "## Headings (match: same source line; level on matched pairs)\n"
    );
    let _ = writeln!(
        table,
        "{:<52} {:>5} {:>5} {:>6} {:>6} {:>6} {:>6}",
        "file", "gold", "found", "P", "R", "F1", "level"
    );
    let (mut total, mut first) = (Counts::default(), Counts::default());
    for (tsv, doc_path) in files {
        let gold = read_gold(tsv);
        let Ok(doc) = Document::open(doc_path) else {
            continue;
        };
        let c = count(&gold, &doc);
        let (p, r, f) = c.prf();
        let _ = writeln!(
            table,
            "{:<52} {:>5} {:>5} {p:>6.3} {r:>6.3} {f:>6.3} {:>6.3}",
            short_name(doc_path),
            gold.len(),
            c.tp + c.fp,
            c.level()
        );
        if verbose() {
            write_misses(&gold, &doc, table);
        }
        total.add(c);
        if in_first_corpus(doc_path) {
            first.add(c);
        }
    }
    for (name, c) in [("OVERALL (micro)", total), ("FIRST CORPUS (micro)", first)] {
        let (p, r, f) = c.prf();
        let _ = writeln!(
            table,
            "{name:<52} {:>5} {:>5} {p:>6.3} {r:>6.3} {f:>6.3} {:>6.3}",
            c.tp + c.fn_,
            c.tp + c.fp,
            c.level()
        );
    }
    let _ = writeln!(table);
    Pair {
        all: total.prf().2,
        first: first.prf().2,
    }
}
