//! Rerunnable check of how quire reads EPUB books, measured the way the books are checked:
//! for every `<dir>/*.epub` with its gold table of contents (`NAME.toc.tsv`, `level<TAB>title`)
//! beside it,
//! - toc: the share of gold titles found in reading order among the outline's entries
//!   (label and text, case-folded, whitespace squashed);
//! - words: bag-of-words recall and precision of the plain output at width 200 against the
//!   text of the spine's files, taken apart independently of quire's reader (tags stripped,
//!   `head`/`script`/`style` left out, entities decoded; a CJK character counts as a word);
//! - what the book holds: parts, links, notes, problems, and the time to load it and build
//!   its outline.
//!
//! Books whose name starts with `broken` are opened too, and the one line quire says about
//! each is printed.
//!
//! `cargo run --release --example epub_eval -- /path/to/corpus/E-epub` (or the corpus root)

use std::collections::HashMap;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::time::Instant;

use quire::document::Document;
use quire::outline::Outline;
use regex::Regex;

fn norm(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}')
}

fn words(text: &str, word: &Regex) -> HashMap<String, usize> {
    let mut bag = HashMap::new();
    for m in word.find_iter(&text.to_lowercase()) {
        if m.as_str().chars().any(is_cjk) {
            for c in m.as_str().chars() {
                *bag.entry(c.to_string()).or_insert(0) += 1;
            }
        } else {
            *bag.entry(m.as_str().to_string()).or_insert(0) += 1;
        }
    }
    bag
}

/// The text of one XHTML file: data outside tags, with `head`, `script` and `style` skipped.
fn strip_tags(xhtml: &str) -> String {
    let mut out = String::new();
    let mut skip = 0usize;
    let mut rest = xhtml;
    while let Some(open) = rest.find('<') {
        if skip == 0 {
            out.push_str(&unescape(&rest[..open]));
            out.push(' ');
        }
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        let tag = rest[open + 1..open + close].to_ascii_lowercase();
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if matches!(name.as_str(), "head" | "script" | "style") && !tag.ends_with('/') {
            if tag.starts_with('/') {
                skip = skip.saturating_sub(1);
            } else {
                skip += 1;
            }
        }
        rest = &rest[open + close + 1..];
    }
    out
}

fn unescape(text: &str) -> String {
    quick_xml::escape::unescape_with(text, |e| {
        quick_xml::escape::resolve_predefined_entity(e)
            .or_else(|| quick_xml::escape::resolve_html5_entity(e))
    })
    .map_or_else(|_| text.to_string(), |t| t.into_owned())
}

fn spine_text(bytes: &[u8]) -> Result<String, Box<dyn std::error::Error>> {
    let epub = rbook::Epub::read(Cursor::new(bytes.to_vec()))?;
    let mut text = String::new();
    for entry in epub.spine().iter() {
        if let Some(item) = entry.manifest_entry()
            && let Ok(xhtml) = item.read_str()
        {
            text.push_str(&strip_tags(&xhtml));
            text.push(' ');
        }
    }
    Ok(text)
}

fn toc_found(gold: &[String], outline: &Outline) -> usize {
    let seen: Vec<String> = outline
        .entries
        .iter()
        .map(|e| format!("{} \u{0} {}", norm(&e.label), norm(&e.text)))
        .collect();
    let (mut found, mut next) = (0, 0);
    for title in gold {
        if let Some(k) =
            (next..seen.len()).find(|&k| !title.is_empty() && seen[k].contains(title.as_str()))
        {
            found += 1;
            next = k + 1;
        }
    }
    found
}

fn gold_toc(path: &Path) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(path.with_extension("toc.tsv")).ok()?;
    Some(
        text.lines()
            .filter_map(|l| l.split_once('\t').map(|(_, title)| norm(title)))
            .collect(),
    )
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .ok_or("usage: epub_eval <corpus dir, or its E-epub folder>")?;
    let nested = dir.join("E-epub");
    let dir = if nested.is_dir() { nested } else { dir };
    let mut books: Vec<PathBuf> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "epub"))
        .collect();
    books.sort();
    let word = Regex::new(r"\w+")?;
    let (mut tocs, mut recalls, mut precisions) = (Vec::new(), Vec::new(), Vec::new());
    println!(
        "{:<40} {:>11} {:>6} {:>6} {:>5} {:>6} {:>5} {:>8} {:>8}",
        "book", "toc", "R", "P", "parts", "links", "notes", "load ms", "outl ms"
    );
    for path in &books {
        let name = path
            .file_name()
            .map_or(String::new(), |n| n.to_string_lossy().into_owned());
        let bytes = std::fs::read(path)?;
        let started = Instant::now();
        let doc = match Document::from_bytes(&bytes, &name) {
            Ok(doc) => doc,
            Err(err) => {
                println!("{name:<40} refused: {err}");
                continue;
            }
        };
        let load_ms = started.elapsed().as_secs_f64() * 1000.0;
        let started = Instant::now();
        let outline = Outline::build(&doc);
        let outline_ms = started.elapsed().as_secs_f64() * 1000.0;
        let book = doc.book();
        let (parts, links, notes) = book.map_or((0, 0, 0), |b| {
            (b.parts.len(), b.links.len(), b.notes().count())
        });
        for problem in book.map(|b| b.problems.as_slice()).unwrap_or_default() {
            println!("  {name}: {problem}");
        }
        let Some(gold) = gold_toc(path).filter(|_| !name.starts_with("broken")) else {
            println!(
                "{name:<40} {:>11} {:>6} {:>6} {parts:>5} {links:>6} {notes:>5} {load_ms:>8.1} {outline_ms:>8.1}",
                "-", "-", "-"
            );
            continue;
        };
        let found = toc_found(&gold, &outline);
        let toc = if gold.is_empty() {
            1.0
        } else {
            found as f64 / gold.len() as f64
        };
        let mut printed = Vec::new();
        quire::cli::print::write_text(&doc, 200, &mut printed)?;
        let got = words(&String::from_utf8_lossy(&printed), &word);
        let want = words(&spine_text(&bytes)?, &word);
        let common: usize = got
            .iter()
            .map(|(w, n)| (*n).min(want.get(w).copied().unwrap_or(0)))
            .sum();
        let recall = common as f64 / want.values().sum::<usize>().max(1) as f64;
        let precision = common as f64 / got.values().sum::<usize>().max(1) as f64;
        println!(
            "{name:<40} {:>11} {recall:>6.3} {precision:>6.3} {parts:>5} {links:>6} {notes:>5} {load_ms:>8.1} {outline_ms:>8.1}",
            format!("{found}/{} {toc:.2}", gold.len())
        );
        tocs.push(toc);
        recalls.push(recall);
        precisions.push(precision);
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
    println!(
        "epub: mean toc {:.3}  words recall {:.3}  precision {:.3} over {} books",
        mean(&tocs),
        mean(&recalls),
        mean(&precisions),
        tocs.len()
    );
    Ok(())
}
