//! What the measuring examples share to make a big book from the corpus: a Project Gutenberg
//! file's own text, and the texts of the corpus's English books. Each example includes this
//! file and uses what it needs of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The text between a Project Gutenberg file's START and END marker lines (the whole text when
/// it has none).
pub fn gutenberg_body(text: &str) -> &str {
    let start = text
        .find("*** START OF")
        .and_then(|at| text[at..].find('\n').map(|end| at + end + 1))
        .unwrap_or(0);
    let end = text[start..]
        .find("*** END OF")
        .map_or(text.len(), |at| start + at);
    &text[start..end]
}

/// The texts of the corpus's English books (`A-books`, in name order) when `QUIRE_CORPUS` names
/// the corpus, each without its Project Gutenberg header and licence: repeated, those would
/// make one book of the first and fold the rest away as back matter. Else the bundled article.
pub fn corpus_book_bodies() -> Vec<String> {
    let from_corpus = std::env::var_os("QUIRE_CORPUS").and_then(|root| {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(Path::new(&root).join("A-books"))
            .ok()?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        let texts: Vec<String> = paths
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .map(|text| gutenberg_body(&text).to_string())
            .collect();
        (!texts.is_empty()).then_some(texts)
    });
    from_corpus.unwrap_or_else(|| vec![quire::BUNDLED_ARTICLE.to_string()])
}
