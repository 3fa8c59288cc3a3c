//! A held-out set for the evaluation, made from documents the corpus does not hold: Markdown
//! files (their ATX headings are the gold) and Vim's user manual (its `*NN.N*` section lines are
//! the gold). Each chosen file is copied into OUT with its `*.headings.tsv`, the layout the
//! evaluation reads, so `cargo run --release --example eval -- OUT` scores quire on it.
//!
//! `cargo run --release --example heldout_gold -- OUT SOURCE...`
//!
//! A SOURCE is a folder, searched three levels deep (so `~/.cargo/registry/src` gives the READMEs
//! and guides of the crates on the machine), or a file. A Markdown file is taken when it has at
//! least 250 lines, 60 paragraphs and 6 headings outside code fences, and is not a changelog; a
//! file whose text was already taken (the same README in two versions of a crate) is skipped, and
//! so is a second version of one crate. A Vim help file is taken when it has 4 sections.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// (level, line, text) of each gold heading.
type Gold = Vec<(usize, usize, String)>;

fn markdown_gold(text: &str) -> Option<Gold> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut gold = Vec::new();
    let mut fence = false;
    for (i, line) in lines.iter().enumerate() {
        if line.starts_with("```") || line.starts_with("~~~") {
            fence = !fence;
            continue;
        }
        let hashes = line.chars().take_while(|&c| c == '#').count();
        if fence || !(1..=6).contains(&hashes) || !line[hashes..].starts_with([' ', '\t']) {
            continue;
        }
        let title = line[hashes..].trim().trim_end_matches('#').trim();
        if !title.is_empty() {
            gold.push((hashes, i + 1, title.to_string()));
        }
    }
    let paragraphs = lines
        .windows(2)
        .filter(|w| w[0].trim().is_empty() && !w[1].trim().is_empty())
        .count();
    (lines.len() >= 250 && paragraphs >= 60 && gold.len() >= 6).then_some(gold)
}

/// A section line of Vim's user manual: `*02.1*` then its title.
fn vim_gold(text: &str) -> Option<Gold> {
    let gold: Gold = text
        .split('\n')
        .enumerate()
        .filter(|(_, line)| {
            let b = line.as_bytes();
            b.len() > 7
                && b[0] == b'*'
                && b[1..3].iter().all(u8::is_ascii_digit)
                && b[3] == b'.'
                && line[4..].split_once('*').is_some_and(|(n, rest)| {
                    !n.is_empty()
                        && n.bytes().all(|c| c.is_ascii_digit())
                        && rest.starts_with([' ', '\t'])
                        && !rest.trim().is_empty()
                })
        })
        .map(|(i, line)| (1, i + 1, line.trim().to_string()))
        .collect();
    (gold.len() >= 4).then_some(gold)
}

fn files_under(dir: &Path, depth: usize, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            if depth > 0 {
                files_under(&path, depth - 1, out);
            }
        } else {
            out.push(path);
        }
    }
}

/// The crate a registry path belongs to, without its version: ".../regex-1.10.2/README.md" →
/// "regex".
fn family(path: &Path) -> String {
    let parent = path
        .parent()
        .and_then(Path::file_name)
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match parent.rfind('-') {
        Some(i) if parent[i + 1..].starts_with(|c: char| c.is_ascii_digit()) => {
            parent[..i].to_string()
        }
        _ => parent,
    }
}

fn main() {
    let mut args = std::env::args_os().skip(1);
    let (Some(out), sources) = (args.next().map(PathBuf::from), args.collect::<Vec<_>>()) else {
        eprintln!("usage: heldout_gold OUT SOURCE...");
        std::process::exit(2);
    };
    let mut files = Vec::new();
    for source in &sources {
        let path = PathBuf::from(source);
        if path.is_dir() {
            files_under(&path, 3, &mut files);
        } else {
            files.push(path);
        }
    }
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("heldout_gold: cannot create '{}': {e}", out.display());
        std::process::exit(1);
    }
    let (mut texts, mut families) = (HashSet::new(), HashSet::new());
    let mut taken = 0;
    for path in files {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let Some(name) = name else { continue };
        let lower = name.to_lowercase();
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let markdown = lower.ends_with(".md") && !lower.contains("changelog");
        let gold = if markdown {
            markdown_gold(&text)
        } else if lower.starts_with("usr_") && lower.ends_with(".txt") {
            vim_gold(&text)
        } else {
            None
        };
        let Some(gold) = gold else { continue };
        if (markdown && !families.insert(family(&path))) || !texts.insert(text.clone()) {
            continue;
        }
        let stem = format!("{}.{}", family(&path), name);
        let (base, ext) = stem.rsplit_once('.').unwrap_or((&stem, "txt"));
        let mut tsv = String::new();
        for (level, line, title) in &gold {
            let _ = writeln!(tsv, "{level}\t{line}\t{title}");
        }
        let written = std::fs::write(out.join(format!("{base}.{ext}")), &text)
            .and_then(|()| std::fs::write(out.join(format!("{base}.headings.tsv")), tsv));
        if let Err(e) = written {
            eprintln!("heldout_gold: cannot write into '{}': {e}", out.display());
            std::process::exit(1);
        }
        taken += 1;
    }
    println!("{taken} documents with gold headings in {}", out.display());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_headings_outside_fences_are_the_gold() {
        let mut text = String::from("# Title\n\n```\n# not a heading\n```\n");
        for i in 0..6 {
            text.push_str(&format!("\n## Part {i} ##\n"));
            for _ in 0..15 {
                text.push_str("\nA paragraph of the part.\nIts second line.\n");
            }
        }
        let gold = markdown_gold(&text).expect("long enough");
        assert_eq!(gold[0], (1, 1, "Title".to_string()));
        assert_eq!(gold[1].2, "Part 0");
        assert_eq!(gold.len(), 7);
        assert!(markdown_gold("# Short\n\ntext\n").is_none());
    }

    #[test]
    fn vim_sections_are_the_gold() {
        let text = "*01.1*\tOne\n\n*01.2*\tTwo\n*01.3*  Three\n*01.4*\tFour\n*01.5*\n|01.6|\tNo";
        let gold = vim_gold(text).expect("four sections");
        assert_eq!(gold.len(), 4);
        assert_eq!(gold[2], (1, 4, "*01.3*  Three".to_string()));
    }

    #[test]
    fn a_crate_is_named_without_its_version() {
        assert_eq!(family(Path::new("/r/regex-1.10.2/README.md")), "regex");
        assert_eq!(
            family(Path::new("/r/unicode-ident-1.0.27/x.md")),
            "unicode-ident"
        );
        assert_eq!(family(Path::new("/r/docs/x.md")), "docs");
    }
}
