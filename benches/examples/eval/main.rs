//! Measures quire against the shared corpus: heading detection, body extraction (as the
//! structure keeps it and as `--print` writes it), the fidelity of what is printed (no fold
//! inside the body of a book, an RFC, a PEP, a licence or a Markdown text; paragraphs kept),
//! text segmentation and section labels, and the time structuring and outlining take. Prints
//! one table and exits 0; the numbers inform, they do not gate (tests/corpus.rs sets floors).
//!
//! Run: `cargo run --release --example eval -- <corpus dir>`
//!
//! Every figure is given for the whole corpus and for the documents it held first
//! ([`FIRST_CORPUS`]), whose figures the floors were set on before the corpus grew.
//!
//! - Headings: every `*.headings.tsv` beside its document (see `headings.rs`).
//! - Body: `C-articles/*/` against `gold.txt` (see `body.rs`).
//! - Fidelity: every text of `A-books`, `B-nonlatin` and `D-headings` (see `fidelity.rs`).
//! - Segmentation and labels: documents with gold headings (see `segmentation.rs`).

mod body;
mod fidelity;
mod headings;
mod segmentation;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use quire::document::Document;
use quire::outline::Outline;

/// `QUIRE_EVAL_VERBOSE=1` lists each file's misses and extras under its row.
pub fn verbose() -> bool {
    std::env::var_os("QUIRE_EVAL_VERBOSE").is_some()
}

#[allow(dead_code)]
fn main() {
    let root = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "../shared/corpus".into()),
    );
    let (table, _) = run(&root, true);
    print!("{table}");
}

/// The documents (files, and article folders) the corpus held before it grew: the floors in
/// tests/corpus.rs were set on them, so their figures are kept apart.
pub const FIRST_CORPUS: &[&str] = &[
    // A-books
    "alice-in-wonderland.pg11.txt",
    "devils-dictionary.pg972.txt",
    "moby-dick.pg2701.txt",
    "pride-and-prejudice.pg1342.txt",
    // B-nonlatin
    "emoji-test.txt",
    "ginga-tetsudo-no-yoru.aozora456.utf8.txt",
    "rashomon.aozora127.sjis.txt",
    "udhr-amh.txt",
    "udhr-bod.txt",
    "udhr-heb.txt",
    "udhr-hin.txt",
    "udhr-kor.txt",
    "udhr-tha.txt",
    "udhr-urd.txt",
    "udhr-ydd.txt",
    "xi-you-ji.pg23962.txt",
    // C-articles
    "0ec95c72-entermedia-co-kr",
    "1ace8c85-techcrunch-com",
    "3252222e-comoeducarseusfilhos-com-br",
    "52111884-jeongdongtheater-com",
    "5fa3154e-theguardian-com",
    "7837c9d6-kabarislamia-com",
    "785affa2-theverge-com",
    "7bb1ca90-gizmodo-com",
    "87bf6057-washingtonexaminer-com",
    "b0cf2bbf-pv-magazine-com",
    "ba07d1e6-blog-comwrap-com",
    "bdb56ac8-quantamagazine-org",
    "c7e39ac4-bbc-com",
    "c82b3d1d-wday-ru",
    "e1c7023e-phys-org",
    "ef4e67b6-cnn-com",
    // D-headings
    "license-MPL-2.0.txt",
    "nodejs.collaborator-guide.md",
    "nodejs.onboarding.md",
    "pep-0001.rst",
    "pep-0008.rst",
    "pep-0257.rst",
    "rfc1035.txt",
    "rfc2631.txt",
    "rfc4033.txt",
    "rfc4035.txt",
    "rfc6066.txt",
    "rust-book.ch02-00-guessing-game-tutorial.md",
    "rust-book.ch10-03-lifetime-syntax.md",
    "rust-book.ch17-02-concurrency-with-async.md",
];

/// Whether a document (its file or its article folder) was in the corpus first.
pub fn in_first_corpus(path: &Path) -> bool {
    FIRST_CORPUS.contains(&short_name(path).as_str())
}

/// A figure over the whole corpus and over the documents it held first.
#[derive(Debug, Default, Clone, Copy)]
pub struct Pair<T> {
    pub all: T,
    pub first: T,
}

/// The overall figures, for the corpus test's floors.
#[derive(Debug, Default, Clone, Copy)]
pub struct Summary {
    pub heading_f1: Pair<f64>,
    /// Body kept by the structure, scraped articles (micro F1 and recall).
    pub body_f1: Pair<f64>,
    pub body_recall: Pair<f64>,
    /// Body as `--print` writes it, scraped articles and saved pages (mean F1).
    pub print_scraped_f1: Pair<f64>,
    pub print_html_f1: Pair<f64>,
    pub pk: Pair<f64>,
    pub pk_baseline: Pair<f64>,
    pub label_hits: Pair<f64>,
    /// Folds inside the body of the texts of books, RFCs, PEPs, licences, Markdown.
    pub interior_folds: usize,
    /// Texts printed with fewer than 70 % of their source's paragraph starts.
    pub short_of_paragraphs: usize,
    /// The least share of the words a book saved as a web page shows that its print keeps.
    pub least_words_kept: f64,
}

pub struct Gold {
    pub level: u8,
    pub line: usize,
    pub text: String,
}

pub fn read_gold(path: &Path) -> Vec<Gold> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let level = cols.next()?.parse().ok()?;
            let line = cols.next()?.parse().ok()?;
            let text = cols.next()?.to_string();
            Some(Gold { level, line, text })
        })
        .collect()
}

/// The document a gold file describes: same stem, any other extension but html.
fn companion(tsv: &Path) -> Option<PathBuf> {
    let name = tsv.file_name()?.to_str()?;
    let stem = name.strip_suffix(".headings.tsv")?;
    let dir = tsv.parent()?;
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let n = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            n.starts_with(&format!("{stem}."))
                && !n.ends_with(".tsv")
                && !n.ends_with(".html")
                && !n.contains(".sjis.")
        })
        .collect();
    // "a.b.rst" is the document of "a.b.headings.tsv" before "a.b.c.rst" is ("a.b.c" has
    // its own gold); a second extension ("x.utf8.txt") counts only when there is nothing else.
    let extensions = |p: &PathBuf| {
        let n = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        n[stem.len() + 1..].matches('.').count()
    };
    found.sort_by_key(|p| (extensions(p), p.clone()));
    found.into_iter().next()
}

/// Every file under `root` whose name ends with `suffix`, sorted.
pub fn files_ending(root: &Path, suffix: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.to_string_lossy().ends_with(suffix) {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

pub fn prf(hits: f64, predicted: f64, gold: f64) -> (f64, f64, f64) {
    let p = if predicted > 0.0 {
        hits / predicted
    } else {
        0.0
    };
    let r = if gold > 0.0 { hits / gold } else { 0.0 };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

pub fn short_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Words with their counts.
pub type Bag = HashMap<String, usize>;

/// Matched words between two bags, and the size of each.
pub fn overlap(ours: &Bag, theirs: &Bag) -> (usize, usize, usize) {
    let common = ours
        .iter()
        .map(|(w, n)| (*n).min(theirs.get(w).copied().unwrap_or(0)))
        .sum();
    (common, ours.values().sum(), theirs.values().sum())
}

fn timing(root: &Path, table: &mut String) {
    let path = root.join("A-books/moby-dick.pg2701.txt");
    let Ok(bytes) = std::fs::read(&path) else {
        return;
    };
    let mut best = (f64::MAX, f64::MAX);
    for _ in 0..5 {
        let start = Instant::now();
        let Ok(doc) = Document::from_bytes(&bytes, "moby") else {
            return;
        };
        let loaded = start.elapsed().as_secs_f64() * 1000.0;
        let start = Instant::now();
        let outline = Outline::build(&doc);
        let built = start.elapsed().as_secs_f64() * 1000.0;
        std::hint::black_box(outline);
        best = (best.0.min(loaded), best.1.min(built));
    }
    let _ = writeln!(
        table,
        "## Speed (moby-dick.pg2701.txt, {} bytes, best of 5)\n\nload+structure {:.1} ms, Outline::build {:.1} ms\n",
        bytes.len(),
        best.0,
        best.1
    );
}

/// Runs every measure; `timed` adds the speed figures (best of five builds of a long book).
pub fn run(root: &Path, timed: bool) -> (String, Summary) {
    let mut table = String::new();
    let files: Vec<(PathBuf, PathBuf)> = files_ending(root, ".headings.tsv")
        .into_iter()
        .filter_map(|t| companion(&t).map(|d| (t, d)))
        .collect();
    let heading_f1 = headings::headings(&files, &mut table);
    let body = body::body(root, &mut table);
    let fidelity = fidelity::fidelity(root, &mut table);
    let segments = segmentation::segmentation(&files, &mut table);
    if timed {
        timing(root, &mut table);
    }
    let summary = Summary {
        heading_f1,
        body_f1: body.structure_f1,
        body_recall: body.structure_recall,
        print_scraped_f1: body.print_scraped_f1,
        print_html_f1: body.print_html_f1,
        pk: segments.pk,
        pk_baseline: segments.pk_baseline,
        label_hits: segments.label_hits,
        interior_folds: fidelity.interior_folds,
        short_of_paragraphs: fidelity.short_of_paragraphs,
        least_words_kept: fidelity.least_words_kept,
    };
    write_summary(&summary, &mut table);
    (table, summary)
}

fn write_summary(s: &Summary, table: &mut String) {
    let _ = writeln!(table, "## Summary\n");
    for (name, pick) in [
        (
            "whole corpus",
            (|p: Pair<f64>| p.all) as fn(Pair<f64>) -> f64,
        ),
        ("first corpus", |p: Pair<f64>| p.first),
    ] {
        let pk = pick(s.pk);
        let base = pick(s.pk_baseline);
        let gain = if base > 0.0 {
            (pk / base - 1.0) * 100.0
        } else {
            0.0
        };
        let _ = writeln!(
            table,
            "{name}: heading F1 {:.3} | body F1 {:.3} (recall {:.3}) | --print body F1 scraped {:.3}, html {:.3} | Pk {pk:.3} vs best baseline {base:.3} ({gain:+.1} %) | label hits {:.3}",
            pick(s.heading_f1),
            pick(s.body_f1),
            pick(s.body_recall),
            pick(s.print_scraped_f1),
            pick(s.print_html_f1),
            pick(s.label_hits),
        );
    }
    let _ = writeln!(
        table,
        "fidelity: {} folds inside a body | {} texts printed with fewer than 70 % of their paragraph starts | least share of a saved book's words printed {:.3}",
        s.interior_folds, s.short_of_paragraphs, s.least_words_kept
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gold_file_finds_its_own_document_before_a_longer_name() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        for name in [
            "library.importlib.metadata.rst",
            "library.importlib.rst",
            "library.importlib.headings.tsv",
            "rashomon.utf8.txt",
            "rashomon.sjis.txt",
            "rashomon.headings.tsv",
        ] {
            std::fs::write(dir.path().join(name), "").expect("written");
        }
        let named = |tsv: &str| {
            companion(&dir.path().join(tsv))
                .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        };
        assert_eq!(
            named("library.importlib.headings.tsv").as_deref(),
            Some("library.importlib.rst")
        );
        assert_eq!(
            named("rashomon.headings.tsv").as_deref(),
            Some("rashomon.utf8.txt")
        );
    }
}
