//! Search speed on two long texts from the corpus: the per-keystroke scan (what typing waits
//! for, with the folded copy already built) and the one-off folding of the whole document.
//! Reads the corpus directory from QUIRE_CORPUS and skips when it is unset.
//!
//! Run: `QUIRE_CORPUS=/path/to/corpus cargo bench --bench search`

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::Criterion;
use quire::document::Document;
use quire::search::fold::Folding;
use quire::search::{Matcher, SearchIndex};

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
    group.bench_function("fold whole document (once per search kind)", |b| {
        b.iter(|| {
            let mut index = SearchIndex::new();
            index.prepare(
                &doc,
                Folding {
                    case: true,
                    accents: true,
                },
            );
            black_box(index)
        })
    });
    let mut index = SearchIndex::new();
    for query in queries {
        // A keystroke compiles the query and scans the folded copy (built on the first one).
        let Ok(Some(matcher)) = Matcher::new(query, false) else {
            continue;
        };
        let hits = index.find_all(&doc, &matcher).matches.len();
        group.bench_function(format!("keystroke {query:?} ({hits} hits)"), |b| {
            b.iter(|| {
                let Ok(Some(matcher)) = Matcher::new(black_box(query), false) else {
                    return 0;
                };
                index.find_all(&doc, &matcher).matches.len()
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
