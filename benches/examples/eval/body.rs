//! Body extraction, on every `C-articles/*/` folder against its `gold.txt`, two ways:
//!
//! - structure: word multisets (lower-cased alphanumeric runs) of the blocks quire keeps as body
//!   of `scraped.txt` (not Leftover, Title or Byline), micro-averaged over the articles;
//! - print: the words of what `--print --width 200` writes for `scraped.txt` and for the saved
//!   `page.html`, folds as their marker lines, tokenised as the shared scorer does (runs of
//!   word characters, lower-cased; a run holding kana, ideographs or hangul counts each of its
//!   characters), and the F1 averaged over the articles.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use quire::document::{BlockKind, Document};

use super::{Bag, Pair, in_first_corpus, overlap, prf, short_name, verbose};

/// The body figures over the articles.
pub struct BodyFigures {
    pub structure_f1: Pair<f64>,
    pub structure_recall: Pair<f64>,
    pub print_scraped_f1: Pair<f64>,
    pub print_html_f1: Pair<f64>,
}

/// Lower-cased alphanumeric runs split at whitespace, as the structure measure counts words.
fn word_bag(text: &str) -> Bag {
    let mut bag = Bag::new();
    for w in text.split_whitespace() {
        let w: String = w
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        if !w.is_empty() {
            *bag.entry(w).or_insert(0) += 1;
        }
    }
    bag
}

fn is_wide_script(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x9fff | 0xac00..=0xd7af)
}

/// Words as the shared body scorer counts them.
fn scorer_bag(text: &str) -> Bag {
    let mut bag = Bag::new();
    let lower = text.to_lowercase();
    for token in lower
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
    {
        if token.chars().any(is_wide_script) {
            for c in token.chars() {
                *bag.entry(c.to_string()).or_insert(0) += 1;
            }
        } else {
            *bag.entry(token.to_string()).or_insert(0) += 1;
        }
    }
    bag
}

/// What `--print --width 200` writes for a file.
fn printed(path: &Path) -> String {
    let Ok(doc) = Document::open(path) else {
        return String::new();
    };
    let mut out = Vec::new();
    if quire::cli::print::write_text(&doc, 200, &mut out).is_err() {
        return String::new();
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn print_f1(path: &Path, gold: &Bag) -> f64 {
    let (common, ours, theirs) = overlap(&scorer_bag(&printed(path)), gold);
    prf(common as f64, ours as f64, theirs as f64).2
}

#[derive(Default, Clone, Copy)]
struct Sums {
    hits: f64,
    kept: f64,
    wanted: f64,
    scraped_f1: f64,
    html_f1: f64,
    articles: f64,
}

impl Sums {
    fn add(&mut self, other: &Sums) {
        self.hits += other.hits;
        self.kept += other.kept;
        self.wanted += other.wanted;
        self.scraped_f1 += other.scraped_f1;
        self.html_f1 += other.html_f1;
        self.articles += other.articles;
    }

    fn mean(&self, sum: f64) -> f64 {
        if self.articles > 0.0 {
            sum / self.articles
        } else {
            0.0
        }
    }
}

/// The figures of one article folder, with its row of the table.
fn article(dir: &Path, table: &mut String) -> Option<Sums> {
    let doc = Document::open(&dir.join("scraped.txt")).ok()?;
    let gold = std::fs::read_to_string(dir.join("gold.txt")).ok()?;
    let body: Vec<&str> = doc
        .blocks
        .iter()
        .filter(|b| {
            !matches!(
                b.kind,
                BlockKind::Leftover | BlockKind::Title | BlockKind::Byline
            )
        })
        .map(|b| b.text.as_str())
        .collect();
    let (common, ours, theirs) = overlap(&word_bag(&body.join(" ")), &word_bag(&gold));
    let (p, r, f) = prf(common as f64, ours as f64, theirs as f64);
    let gold_words = scorer_bag(&gold);
    let scraped_f1 = print_f1(&dir.join("scraped.txt"), &gold_words);
    let html_f1 = print_f1(&dir.join("page.html"), &gold_words);
    let _ = writeln!(
        table,
        "{:<40} {p:>6.3} {r:>6.3} {f:>6.3} {scraped_f1:>8.3} {html_f1:>8.3}",
        short_name(dir)
    );
    if verbose() {
        for b in doc.blocks.iter().filter(|b| b.kind != BlockKind::Leftover) {
            let shown: String = b.text.chars().take(70).collect();
            let _ = writeln!(table, "    {:<9} {:>5} {shown}", b.kind.name(), b.line);
        }
    }
    Some(Sums {
        hits: common as f64,
        kept: ours as f64,
        wanted: theirs as f64,
        scraped_f1,
        html_f1,
        articles: 1.0,
    })
}

pub fn body(root: &Path, table: &mut String) -> BodyFigures {
    let _ = writeln!(
        table,
        "## Body extraction (C-articles): structure (word multisets, micro) and --print (mean F1)\n"
    );
    let _ = writeln!(
        table,
        "{:<40} {:>6} {:>6} {:>6} {:>8} {:>8}",
        "article", "P", "R", "F1", "print-sc", "print-ht"
    );
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root.join("C-articles"))
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    dirs.sort();
    let (mut all, mut first) = (Sums::default(), Sums::default());
    for dir in dirs {
        let Some(sums) = article(&dir, table) else {
            continue;
        };
        all.add(&sums);
        if in_first_corpus(&dir) {
            first.add(&sums);
        }
    }
    for (name, s) in [("OVERALL", &all), ("FIRST CORPUS", &first)] {
        let (p, r, f) = prf(s.hits, s.kept, s.wanted);
        let _ = writeln!(
            table,
            "{name:<40} {p:>6.3} {r:>6.3} {f:>6.3} {:>8.3} {:>8.3}",
            s.mean(s.scraped_f1),
            s.mean(s.html_f1)
        );
    }
    let _ = writeln!(table);
    let pair = |pick: fn(&Sums) -> f64| Pair {
        all: pick(&all),
        first: pick(&first),
    };
    BodyFigures {
        structure_f1: pair(|s| prf(s.hits, s.kept, s.wanted).2),
        structure_recall: pair(|s| prf(s.hits, s.kept, s.wanted).1),
        print_scraped_f1: pair(|s| s.mean(s.scraped_f1)),
        print_html_f1: pair(|s| s.mean(s.html_f1)),
    }
}
