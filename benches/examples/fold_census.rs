//! What quire folds in texts nobody wrote a rule for: point it at folders of plain text
//! (manuals, change logs, licences, notes, data and settings files) and it structures each file
//! as the reader would and counts the folded blocks of every kind (page furniture, front and
//! back matter, tables of contents) and the source lines they cover, the texts that lose the
//! most first, with the share of each text folded. Only a web page copied as text has
//! furniture, and only a book or a memo has front matter, so in such folders every folded line
//! is one to look at: the figure to keep near zero, and a text folded from its first line to
//! near its last is a text the reader would not have been shown.
//!
//! Run: `cargo run --release --example fold_census -- DIR_OR_FILE... [--top N]`
//! (`.txt`, `.md`, `.markdown`, `.rst` and `.text` files, and files with no extension at all,
//! as a system's `README`, `NEWS` and `THANKS` are; folders walked without following links;
//! each opened as the reader opens it, its encoding and format detected, binary files left
//! out.)

use std::path::{Path, PathBuf};

use anyhow::Context;
use quire::document::{BlockKind, Document, Fold};

/// One text's folds: how many (runs of folded blocks), the source lines under them, the lines
/// of the whole text, and the kinds folded in the order they first come.
struct Census {
    path: PathBuf,
    folds: usize,
    lines: usize,
    total_lines: usize,
    kinds: Vec<Fold>,
}

/// A text by its name: one of the text extensions, or none at all (a system's `README`,
/// `NEWS`, `THANKS`, `AUTHORS`, `copyright`); what is not text is refused when opened.
fn is_text(path: &Path) -> bool {
    match path.extension().and_then(|e| e.to_str()) {
        Some(e) => ["txt", "md", "markdown", "rst", "text"].contains(&e),
        None => true,
    }
}

fn walk(path: &Path, out: &mut Vec<PathBuf>) {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return;
    };
    if meta.is_dir() {
        let Ok(entries) = std::fs::read_dir(path) else {
            return;
        };
        let mut children: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        children.sort();
        for child in children {
            walk(&child, out);
        }
    } else if meta.is_file() && is_text(path) {
        out.push(path.to_path_buf());
    }
}

fn census(path: &Path) -> Option<Census> {
    // As the reader opens it: encoding and format (Markdown, HTML, text) detected.
    let doc = Document::open(path).ok()?;
    let total_lines = doc
        .blocks
        .last()
        .map_or(0, |b| b.line + b.text.lines().count());
    let (mut folds, mut lines, mut in_fold) = (0, 0, false);
    let mut kinds = Vec::new();
    for (i, block) in doc.blocks.iter().enumerate() {
        let folded = block.kind == BlockKind::Leftover;
        if folded {
            folds += usize::from(!in_fold);
            let next = doc.blocks.get(i + 1).map_or(total_lines + 1, |b| b.line);
            lines += next.saturating_sub(block.line).max(1);
            if !kinds.contains(&block.fold) {
                kinds.push(block.fold);
            }
        }
        in_fold = folded;
    }
    Some(Census {
        path: path.to_path_buf(),
        folds,
        lines,
        total_lines,
        kinds,
    })
}

fn main() -> anyhow::Result<()> {
    let mut top = 20usize;
    let mut roots: Vec<PathBuf> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--top" {
            let n = args.next().context("--top needs a number")?;
            top = n.parse().context("--top needs a number")?;
        } else {
            roots.push(arg.into());
        }
    }
    anyhow::ensure!(
        !roots.is_empty(),
        "usage: fold_census DIR_OR_FILE... [--top N]"
    );
    let mut files = Vec::new();
    for root in &roots {
        walk(root, &mut files);
    }
    let mut all: Vec<Census> = files.iter().filter_map(|f| census(f)).collect();
    all.sort_by(|a, b| b.lines.cmp(&a.lines).then(a.path.cmp(&b.path)));
    let folded: Vec<&Census> = all.iter().filter(|c| c.folds > 0).collect();
    println!(
        "{} texts, {} with something folded: {} folds over {} source lines",
        all.len(),
        folded.len(),
        folded.iter().map(|c| c.folds).sum::<usize>(),
        folded.iter().map(|c| c.lines).sum::<usize>()
    );
    for kind in [
        Fold::Furniture,
        Fold::FrontMatter,
        Fold::BackMatter,
        Fold::Contents,
        Fold::LinkAddresses,
        Fold::Pictures,
    ] {
        let texts = folded.iter().filter(|c| c.kinds.contains(&kind)).count();
        if texts > 0 {
            println!("  {texts:>5} texts with {}", kind.description());
        }
    }
    let mostly = folded
        .iter()
        .filter(|c| c.lines * 2 > c.total_lines)
        .count();
    println!("  {mostly:>5} texts folded over more than half their lines");
    for c in folded.iter().take(top) {
        let kinds: Vec<&str> = c.kinds.iter().map(|k| k.description()).collect();
        println!(
            "{:>7} lines {:>4}% {:>5} folds  {}  ({})",
            c.lines,
            c.lines * 100 / c.total_lines.max(1),
            c.folds,
            c.path.display(),
            kinds.join(", ")
        );
    }
    Ok(())
}
