//! Search speed on two long texts from the corpus: what a keystroke reads (the hits near the
//! middle of the text, as far as the reader's default limits go) and the whole list of hits
//! that is made in the background. Nothing is prepared ahead: each run folds what it reads.
//! Reads the corpus directory from QUIRE_CORPUS and skips when it is unset.
//!
//! Run: `QUIRE_CORPUS=/path/to/corpus cargo bench --bench search`

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::Criterion;
use quire::document::{Anchor, Document};
use quire::search::{Matcher, ScanLimits, find_all_from, scan_outward};

/// Each text with the queries a reader would type into it, one prefix per keystroke.
const TEXTS: &[(&str, &[&str])] = &[
    (
        "A-books/moby-dick.pg2701.txt",
        &[
            "w",
            "wh",
            "whale",
            "white whale",
            "Ahab",
            "cafe",
            "\\wh[ae]le?s?",
        ],
    ),
    (
        "B-nonlatin/xi-you-ji.pg23962.txt",
        &["行", "行者", "孫行者", "the", "\\行.者"],
    ),
];

fn bench_text(c: &mut Criterion, corpus: &Path, file: &str, queries: &[&str]) {
    let path = corpus.join(file);
    let doc = match Document::open(&path) {
        Ok(doc) => doc,
        Err(e) => {
            println!("skipping {}: {e}", path.display());
            return;
        }
    };
    let name = file.rsplit('/').next().unwrap_or(file);
    let mut group = c.benchmark_group(format!("search/{name}"));
    group.sample_size(20);
    let middle = Anchor::new(doc.blocks.len() / 2, 0);
    for query in queries {
        let Ok(Some(matcher)) = Matcher::new(query, false) else {
            continue;
        };
        let hits = find_all_from(&doc, &matcher, middle).matches.len();
        // A keystroke compiles the query and reads outward from the place until its limits.
        group.bench_function(format!("keystroke {query:?}"), |b| {
            b.iter(|| {
                let Ok(Some(matcher)) = Matcher::new(black_box(query), false) else {
                    return 0;
                };
                let nearby = scan_outward(&doc, &matcher, middle, ScanLimits::default());
                nearby.found.matches.len()
            })
        });
        group.bench_function(format!("whole list {query:?} ({hits} hits)"), |b| {
            b.iter(|| {
                find_all_from(&doc, black_box(&matcher), middle)
                    .matches
                    .len()
            })
        });
    }
    group.finish();
}

fn main() {
    let Some(corpus) = std::env::var_os("QUIRE_CORPUS").map(PathBuf::from) else {
        println!("QUIRE_CORPUS is not set: skipping the search benchmarks");
        return;
    };
    let mut c = Criterion::default().configure_from_args();
    for (file, queries) in TEXTS {
        bench_text(&mut c, &corpus, file, queries);
    }
    c.final_summary();
}
