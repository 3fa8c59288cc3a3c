//! Fidelity, on every text of `A-books`, `B-nonlatin` and `D-headings` (books, RFCs, PEPs,
//! licences, Markdown, texts in other scripts), as the shared fidelity check reads it:
//!
//! - interior folds: runs of folded blocks with body (paragraphs, headings) on both sides, a
//!   folded table of contents aside. These kinds of text have no furniture: the target is none.
//! - paragraphs: paragraphs `--print --width 60000` writes (a fold is one), against the
//!   source's paragraph starts (a line after a blank line, or one opening with an ideographic
//!   space). A text printed with fewer than 70 % of them (and more than 50 starts) has lost
//!   paragraph breaks.
//! - words kept, for a book saved as a web page: the share of the words the page shows that
//!   `--print --unfold` writes (counted as multisets, without case; numbers alone left out).
//!   An article extractor that takes a book for an article keeps one part of it and drops the
//!   rest; this catches that.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use quire::document::Document;
use quire::outline::{EntryKind, Outline};

use super::{files_ending, short_name};

pub struct FidelityFigures {
    pub interior_folds: usize,
    pub short_of_paragraphs: usize,
    /// The least share of its shown words a saved page keeps (1 with no page).
    pub least_words_kept: f64,
}

/// The texts the fidelity check reads.
fn texts(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for folder in ["A-books", "B-nonlatin", "D-headings"] {
        for ext in [".txt", ".md", ".rst", ".html"] {
            out.extend(files_ending(&root.join(folder), ext));
        }
    }
    out.sort();
    out
}

/// Source lines of interior folds: leftover entries between the first and the last body entry.
fn interior_folds(doc: &Document) -> Vec<usize> {
    let outline = Outline::provisional(doc);
    let entries = &outline.entries;
    let body = |k: EntryKind| {
        matches!(
            k,
            EntryKind::Paragraph | EntryKind::Heading | EntryKind::Section
        )
    };
    let (Some(first), Some(last)) = (
        entries.iter().position(|e| body(e.kind)),
        entries.iter().rposition(|e| body(e.kind)),
    ) else {
        return Vec::new();
    };
    entries[first..last]
        .iter()
        .filter(|e| e.kind == EntryKind::Leftovers && !e.label.starts_with("contents"))
        .map(|e| e.line)
        .collect()
}

/// The source text as the check decodes it: UTF-8 (a BOM left out), else Shift_JIS.
fn source_text(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap_or_default();
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => encoding_rs::SHIFT_JIS.decode(bytes).0.into_owned(),
    }
}

/// Paragraph starts of a source: a filled line first, after a blank one, or opening with an
/// ideographic space.
fn paragraph_starts(text: &str) -> usize {
    let mut previous_blank = true;
    let mut starts = 0;
    for line in text.lines() {
        let blank = line.trim().is_empty();
        if !blank && (previous_blank || line.starts_with('\u{3000}')) {
            starts += 1;
        }
        previous_blank = blank;
    }
    starts
}

/// The words of a text, without case, as a multiset. A number alone is no word here: the
/// numbers a book's page sets in its margin (its print's pages, a play's lines) are left out
/// of its column on purpose.
fn word_counts(text: &str) -> std::collections::HashMap<String, usize> {
    let mut counts = std::collections::HashMap::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().any(char::is_alphabetic))
    {
        *counts.entry(word.to_lowercase()).or_insert(0) += 1;
    }
    counts
}

/// The share of the words a saved page shows that the unfolded print writes.
fn words_kept(path: &Path, doc: &Document) -> f64 {
    let shown = word_counts(&quire::document::html_visible_text(&source_text(path)));
    let mut out = Vec::new();
    if quire::cli::print::write_unfolded(doc, 60_000, &mut out).is_err() {
        return 0.0;
    }
    let printed = word_counts(&String::from_utf8_lossy(&out));
    let total: usize = shown.values().sum();
    let kept: usize = shown
        .iter()
        .map(|(word, n)| (*n).min(printed.get(word).copied().unwrap_or(0)))
        .sum();
    if super::verbose() {
        let mut missing: Vec<(usize, &String)> = shown
            .iter()
            .map(|(word, n)| {
                (
                    n.saturating_sub(printed.get(word).copied().unwrap_or(0)),
                    word,
                )
            })
            .filter(|(n, _)| *n > 0)
            .collect();
        missing.sort_unstable_by(|a, b| b.cmp(a));
        eprintln!(
            "{}: most missed {:?}",
            short_name(path),
            &missing[..missing.len().min(12)]
        );
    }
    kept as f64 / total.max(1) as f64
}

/// Paragraphs of printed text: runs of filled lines.
fn printed_paragraphs(doc: &Document) -> usize {
    let mut out = Vec::new();
    if quire::cli::print::write_text(doc, 60_000, &mut out).is_err() {
        return 0;
    }
    let printed = String::from_utf8_lossy(&out);
    let mut previous_blank = true;
    let mut paragraphs = 0;
    for line in printed.lines() {
        let blank = line.trim().is_empty();
        paragraphs += usize::from(!blank && previous_blank);
        previous_blank = blank;
    }
    paragraphs
}

pub fn fidelity(root: &Path, table: &mut String) -> FidelityFigures {
    let _ = writeln!(
        table,
        "## Fidelity (books, RFCs, PEPs, licences, Markdown, other scripts)\n"
    );
    let _ = writeln!(
        table,
        "{:<52} {:>8} {:>8} {:>8} {:>6}",
        "file", "interior", "printed", "starts", "ratio"
    );
    let mut figures = FidelityFigures {
        interior_folds: 0,
        short_of_paragraphs: 0,
        least_words_kept: 1.0,
    };
    for path in texts(root) {
        let Ok(doc) = Document::open(&path) else {
            continue;
        };
        let interior = interior_folds(&doc);
        // A page's paragraphs are its tags, not its lines: its words are counted instead.
        let (columns, fine) = if path.extension().is_some_and(|e| e == "html") {
            let kept = words_kept(&path, &doc);
            figures.least_words_kept = figures.least_words_kept.min(kept);
            (format!("  words kept {kept:.3}"), kept >= 0.95)
        } else {
            let printed = printed_paragraphs(&doc);
            let starts = paragraph_starts(&source_text(&path));
            let ratio = printed as f64 / starts.max(1) as f64;
            let short = starts > 50 && ratio < 0.7;
            figures.short_of_paragraphs += usize::from(short);
            (format!("{printed:>8} {starts:>8} {ratio:>6.2}"), !short)
        };
        let mark = if interior.is_empty() && fine {
            ""
        } else {
            "  <"
        };
        let _ = writeln!(
            table,
            "{:<52} {:>8} {columns}{mark}",
            short_name(&path),
            interior.len(),
        );
        if !interior.is_empty() {
            let _ = writeln!(table, "    folds at lines {interior:?}");
        }
        figures.interior_folds += interior.len();
    }
    let _ = writeln!(
        table,
        "{:<52} {:>8}   {} texts short of paragraphs, least words kept from a page {:.3}\n",
        "OVERALL", figures.interior_folds, figures.short_of_paragraphs, figures.least_words_kept
    );
    figures
}
