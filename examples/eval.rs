//! Measures quire's outline against gold data: heading detection, body extraction, text
//! segmentation and section labels, and the time structuring and outlining take. Prints one
//! table and exits 0; the numbers inform, they do not gate (tests/corpus.rs sets floors).
//!
//! Run: `cargo run --release --example eval -- <corpus dir>`
//!
//! - Headings: every `*.headings.tsv` beside its document. A predicted heading (a Title or
//!   Heading block) matches a gold heading when it starts on the same source line; the level is
//!   compared on matched pairs only and reported apart.
//! - Body: `C-articles/*/scraped.txt` against `gold.txt`: word multisets (lower-cased) of the
//!   blocks quire keeps as body (not Leftover, Title or Byline).
//! - Segmentation: documents with gold headings, heading lines taken out (with their underlines)
//!   and blank runs cut to one line, so no gap marks where a heading was; Pk and WindowDiff over
//!   body paragraphs, beside the no-boundary and even-split baselines.
//! - Labels: quire labels each gold section of the stripped document; a hit is a label, as the
//!   sidebar shows it (fitted to `LABEL_COLUMNS`), sharing a stemmed content word with the gold
//!   heading's topic words — the heading without words found in more than half the document's
//!   headings ("Chapter", "Article"); a section whose heading has no topic word is not scored.
//!   Also given for quire's own sections.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use quire::document::{BlockKind, Document};
use quire::outline::{LABEL_COLUMNS, Outline, fit_label, label::Labeler, segment, words};

/// `QUIRE_EVAL_VERBOSE=1` lists each file's missed and extra headings under its row.
fn verbose() -> bool {
    std::env::var_os("QUIRE_EVAL_VERBOSE").is_some()
}

#[allow(dead_code)]
fn main() {
    let root = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "/work/shared/corpus".into()),
    );
    let (table, _) = run(&root, true);
    print!("{table}");
}

/// The overall figures, for the corpus test's floors.
#[derive(Debug, Default, Clone, Copy)]
pub struct Summary {
    pub heading_f1: f64,
    pub body_f1: f64,
    pub body_recall: f64,
    pub pk: f64,
    pub pk_baseline: f64,
    pub label_hits: f64,
}

struct Gold {
    level: u8,
    line: usize,
    text: String,
}

fn read_gold(path: &Path) -> Vec<Gold> {
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
    found.sort();
    found.into_iter().next()
}

fn gold_files(root: &Path) -> Vec<PathBuf> {
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
            } else if path.to_string_lossy().ends_with(".headings.tsv") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

#[derive(Default)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
    level_ok: usize,
}

impl Counts {
    fn prf(&self) -> (f64, f64, f64) {
        prf(
            self.tp as f64,
            (self.tp + self.fp) as f64,
            (self.tp + self.fn_) as f64,
        )
    }
}

fn prf(hits: f64, predicted: f64, gold: f64) -> (f64, f64, f64) {
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

fn short_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn headings(files: &[(PathBuf, PathBuf)], table: &mut String) -> f64 {
    let _ = writeln!(
        table,
        "## Headings (match: same source line; level on matched pairs)\n"
    );
    let _ = writeln!(
        table,
        "{:<52} {:>5} {:>5} {:>6} {:>6} {:>6} {:>6}",
        "file", "gold", "found", "P", "R", "F1", "level"
    );
    let mut total = Counts::default();
    for (tsv, doc_path) in files {
        let gold = read_gold(tsv);
        let Ok(doc) = Document::open(doc_path) else {
            continue;
        };
        let predicted: HashMap<usize, u8> = doc
            .blocks
            .iter()
            .filter(|b| matches!(b.kind, BlockKind::Heading | BlockKind::Title))
            .map(|b| {
                (
                    b.line,
                    if b.kind == BlockKind::Title {
                        1
                    } else {
                        b.level
                    },
                )
            })
            .collect();
        let mut c = Counts::default();
        for g in &gold {
            match predicted.get(&g.line) {
                Some(&level) => {
                    c.tp += 1;
                    c.level_ok += usize::from(level == g.level);
                }
                None => c.fn_ += 1,
            }
        }
        c.fp = predicted.len().saturating_sub(c.tp);
        let (p, r, f) = c.prf();
        let level = if c.tp > 0 {
            c.level_ok as f64 / c.tp as f64
        } else {
            0.0
        };
        let _ = writeln!(
            table,
            "{:<52} {:>5} {:>5} {p:>6.3} {r:>6.3} {f:>6.3} {level:>6.3}",
            short_name(doc_path),
            gold.len(),
            predicted.len()
        );
        if verbose() {
            let gold_lines: Vec<usize> = gold.iter().map(|g| g.line).collect();
            for g in gold.iter().filter(|g| !predicted.contains_key(&g.line)) {
                let _ = writeln!(table, "    missed {:>6} {}", g.line, g.text);
            }
            for b in doc.blocks.iter().filter(|b| {
                matches!(b.kind, BlockKind::Heading | BlockKind::Title)
                    && !gold_lines.contains(&b.line)
            }) {
                let _ = writeln!(table, "    extra  {:>6} {}", b.line, b.text);
            }
        }
        total.tp += c.tp;
        total.fp += c.fp;
        total.fn_ += c.fn_;
        total.level_ok += c.level_ok;
    }
    let (p, r, f) = total.prf();
    let level = if total.tp > 0 {
        total.level_ok as f64 / total.tp as f64
    } else {
        0.0
    };
    let _ = writeln!(
        table,
        "{:<52} {:>5} {:>5} {p:>6.3} {r:>6.3} {f:>6.3} {level:>6.3}\n",
        "OVERALL (micro)",
        total.tp + total.fn_,
        total.tp + total.fp
    );
    f
}

fn word_bag(text: &str) -> HashMap<String, usize> {
    let mut bag = HashMap::new();
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

fn body(root: &Path, table: &mut String) -> (f64, f64) {
    let _ = writeln!(table, "## Body extraction (C-articles, word multisets)\n");
    let _ = writeln!(table, "{:<40} {:>6} {:>6} {:>6}", "article", "P", "R", "F1");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root.join("C-articles"))
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    dirs.sort();
    let (mut hits, mut kept, mut wanted) = (0.0, 0.0, 0.0);
    for dir in dirs {
        let (Ok(doc), Ok(gold)) = (
            Document::open(&dir.join("scraped.txt")),
            std::fs::read_to_string(dir.join("gold.txt")),
        ) else {
            continue;
        };
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
        let ours = word_bag(&body.join(" "));
        let theirs = word_bag(&gold);
        let common: usize = ours
            .iter()
            .map(|(w, n)| (*n).min(theirs.get(w).copied().unwrap_or(0)))
            .sum();
        let (n_ours, n_theirs) = (ours.values().sum::<usize>(), theirs.values().sum::<usize>());
        let (p, r, f) = prf(common as f64, n_ours as f64, n_theirs as f64);
        let _ = writeln!(table, "{:<40} {p:>6.3} {r:>6.3} {f:>6.3}", short_name(&dir));
        if verbose() {
            for b in doc.blocks.iter().filter(|b| b.kind != BlockKind::Leftover) {
                let shown: String = b.text.chars().take(70).collect();
                let _ = writeln!(table, "    {:<9} {:>5} {shown}", b.kind.name(), b.line);
            }
        }
        hits += common as f64;
        kept += n_ours as f64;
        wanted += n_theirs as f64;
    }
    let (p, r, f) = prf(hits, kept, wanted);
    let _ = writeln!(
        table,
        "{:<40} {p:>6.3} {r:>6.3} {f:>6.3}\n",
        "OVERALL (micro)"
    );
    (f, r)
}

/// The text with gold heading lines (and their underlines/overlines) taken out, and every run
/// of blank lines then cut to one, so the gap a heading leaves cannot hint where it stood; with
/// it, the original line number of each line of the new text.
fn strip_headings(text: &str, gold: &[Gold]) -> (String, Vec<usize>) {
    let mut lines: Vec<Option<&str>> = text.split('\n').map(Some).collect();
    let is_rule = |l: &str| {
        let t = l.trim();
        t.len() >= 3
            && t.chars().all(|c| c == t.chars().next().unwrap_or(' '))
            && "=-~^*+#\"'`:._".contains(t.chars().next().unwrap_or(' '))
    };
    for g in gold {
        let i = g.line - 1;
        if i >= lines.len() {
            continue;
        }
        lines[i] = None;
        if lines.get(i + 1).copied().flatten().is_some_and(is_rule) {
            lines[i + 1] = None;
        }
        if i > 0 && lines[i - 1].is_some_and(is_rule) {
            lines[i - 1] = None;
        }
    }
    let (mut out, mut map) = (Vec::new(), Vec::new());
    let mut blank_before = true;
    for (i, line) in lines.iter().enumerate() {
        let Some(line) = line else { continue };
        let blank = line.trim().is_empty();
        if blank && blank_before {
            continue;
        }
        blank_before = blank;
        out.push(*line);
        map.push(i + 1);
    }
    (out.join("\n"), map)
}

/// Pk and WindowDiff of a hypothesis against a reference, both as segment ids per unit.
fn pk_wd(reference: &[usize], hypothesis: &[usize], k: usize) -> (f64, f64, usize) {
    let n = reference.len();
    if n <= k {
        return (0.0, 0.0, 0);
    }
    let (mut pk, mut wd) = (0usize, 0usize);
    for i in 0..n - k {
        let same_ref = reference[i] == reference[i + k];
        let same_hyp = hypothesis[i] == hypothesis[i + k];
        pk += usize::from(same_ref != same_hyp);
        let ref_b = reference[i + k] - reference[i];
        let hyp_b = hypothesis[i + k] - hypothesis[i];
        wd += usize::from(ref_b != hyp_b);
    }
    (pk as f64, wd as f64, n - k)
}

fn ids_from_starts(n: usize, starts: &[usize]) -> Vec<usize> {
    let mut ids = vec![0; n];
    let mut id = 0;
    for (i, slot) in ids.iter_mut().enumerate() {
        if i > 0 && starts.contains(&i) {
            id += 1;
        }
        *slot = id;
    }
    ids
}

/// The stems of a gold heading that say what its section is about: a stem found in more than
/// half the document's headings names the kind of division ("Chapter", "Article"), not a topic.
fn topic_stems(heading: &str, division: &[String], lang: words::Language) -> Vec<String> {
    let mut stems = words::content_stems(heading, lang);
    stems.retain(|s| !division.contains(s));
    stems
}

fn division_stems(gold: &[Gold], lang: words::Language) -> Vec<String> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for g in gold {
        let mut stems = words::content_stems(&g.text, lang);
        stems.sort();
        stems.dedup();
        for s in stems {
            *counts.entry(s).or_insert(0) += 1;
        }
    }
    counts
        .into_iter()
        .filter(|&(_, n)| n * 2 > gold.len())
        .map(|(s, _)| s)
        .collect()
}

/// A hit: the label as the sidebar shows it shares a stem with the heading's topic words.
fn shares_stem(label: &str, topic: &[String], lang: words::Language) -> bool {
    let shown = fit_label(label, LABEL_COLUMNS);
    words::content_stems(&shown, lang)
        .iter()
        .any(|w| topic.contains(w))
}

fn segmentation(files: &[(PathBuf, PathBuf)], table: &mut String) -> (f64, f64, f64) {
    let _ = writeln!(
        table,
        "## Segmentation (gold headings stripped; paragraphs as units) and labels\n"
    );
    let _ = writeln!(
        table,
        "{:<52} {:>5} {:>4} {:>4} {:>6} {:>6} {:>7} {:>7} {:>9} {:>9}",
        "file", "paras", "ref", "hyp", "Pk", "WD", "Pk-none", "Pk-even", "lab-gold", "lab-ours"
    );
    let (mut pk_sum, mut wd_sum, mut none_sum, mut even_sum, mut windows) =
        (0.0, 0.0, 0.0, 0.0, 0usize);
    let (mut hits, mut labelled, mut own_hits, mut own_labelled) = (0usize, 0usize, 0usize, 0usize);
    for (tsv, doc_path) in files {
        let gold = read_gold(tsv);
        let Ok(bytes) = std::fs::read(doc_path) else {
            continue;
        };
        let text = String::from_utf8_lossy(bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes))
            .into_owned();
        let (stripped, line_map) = strip_headings(&text, &gold);
        let doc = Document::from_text(&stripped, "x");
        let source_line = |b: usize| line_map.get(doc.blocks[b].line - 1).copied().unwrap_or(0);
        let body: Vec<usize> = (0..doc.blocks.len())
            .filter(|&i| doc.blocks[i].kind.is_body())
            .collect();
        let n = body.len();
        // Reference: which gold section each body paragraph falls in.
        let reference: Vec<usize> = body
            .iter()
            .map(|&b| gold.iter().filter(|g| g.line <= source_line(b)).count())
            .collect();
        let mut ref_ids = Vec::with_capacity(n);
        let mut last = usize::MAX;
        let mut id = 0;
        for &r in &reference {
            if last != usize::MAX && r != last {
                id += 1;
            }
            last = r;
            ref_ids.push(id);
        }
        let segments = id + 1;
        if n < 4 || segments < 2 {
            continue;
        }
        let k = ((n as f64 / segments as f64) / 2.0).round().max(1.0) as usize;
        let starts: Vec<usize> = segment::section_starts(&doc, &body);
        let hyp = ids_from_starts(n, &starts);
        let even_starts: Vec<usize> = (0..segments).map(|s| s * n / segments).collect();
        let even = ids_from_starts(n, &even_starts);
        let none = vec![0; n];
        let (pk, wd, w) = pk_wd(&ref_ids, &hyp, k);
        let (pk_none, _, _) = pk_wd(&ref_ids, &none, k);
        let (pk_even, _, _) = pk_wd(&ref_ids, &even, k);
        // Labels: quire labels each gold section.
        let labeler = Labeler::new(&doc);
        let lang = labeler.language();
        let division = division_stems(&gold, lang);
        let mut label_notes: Vec<String> = Vec::new();
        let (mut doc_hits, mut doc_labelled) = (0, 0);
        for (gi, g) in gold.iter().enumerate() {
            let blocks: Vec<usize> = body
                .iter()
                .copied()
                .filter(|&b| {
                    let line = source_line(b);
                    line > g.line && gold.get(gi + 1).is_none_or(|next| line < next.line)
                })
                .collect();
            let topic = topic_stems(&g.text, &division, lang);
            if blocks.is_empty() || topic.is_empty() {
                continue;
            }
            let label = labeler.label(&blocks);
            let hit = shares_stem(&label, &topic, lang);
            doc_labelled += 1;
            doc_hits += usize::from(hit);
            if verbose() {
                let mark = if hit { '+' } else { '-' };
                let section: Vec<String> = blocks
                    .iter()
                    .flat_map(|&b| words::content_stems(&doc.blocks[b].text, lang))
                    .collect();
                let found: Vec<String> = topic
                    .iter()
                    .map(|t| format!("{t}:{}", section.iter().filter(|s| *s == t).count()))
                    .collect();
                label_notes.push(format!(
                    "    {mark} {:<40} | {:<28} | {}",
                    g.text,
                    fit_label(&label, LABEL_COLUMNS),
                    found.join(" ")
                ));
            }
        }
        // And quire's own sections, against the gold heading their first paragraph sits under.
        let (mut doc_own_hits, mut doc_own) = (0, 0);
        let mut bounds = starts.clone();
        bounds.push(n);
        for pair in bounds.windows(2) {
            let blocks: Vec<usize> = body[pair[0]..pair[1]].to_vec();
            let Some(g) = reference[pair[0]].checked_sub(1).and_then(|i| gold.get(i)) else {
                continue;
            };
            let topic = topic_stems(&g.text, &division, lang);
            if topic.is_empty() {
                continue;
            }
            doc_own += 1;
            doc_own_hits += usize::from(shares_stem(&labeler.label(&blocks), &topic, lang));
        }
        let w_f = w as f64;
        let _ = writeln!(
            table,
            "{:<52} {n:>5} {segments:>4} {:>4} {:>6.3} {:>6.3} {:>7.3} {:>7.3} {:>9} {:>9}",
            short_name(doc_path),
            starts.len().max(1),
            pk / w_f.max(1.0),
            wd / w_f.max(1.0),
            pk_none / w_f.max(1.0),
            pk_even / w_f.max(1.0),
            format!("{doc_hits}/{doc_labelled}"),
            format!("{doc_own_hits}/{doc_own}")
        );
        for note in &label_notes {
            let _ = writeln!(table, "{note}");
        }
        pk_sum += pk;
        wd_sum += wd;
        none_sum += pk_none;
        even_sum += pk_even;
        windows += w;
        hits += doc_hits;
        labelled += doc_labelled;
        own_hits += doc_own_hits;
        own_labelled += doc_own;
    }
    let w = windows.max(1) as f64;
    let rate = |h: usize, n: usize| if n > 0 { h as f64 / n as f64 } else { 0.0 };
    let _ = writeln!(
        table,
        "{:<52} {:>5} {:>4} {:>4} {:>6.3} {:>6.3} {:>7.3} {:>7.3} {:>9.3} {:>9.3}\n",
        "OVERALL (windows pooled)",
        "",
        "",
        "",
        pk_sum / w,
        wd_sum / w,
        none_sum / w,
        even_sum / w,
        rate(hits, labelled),
        rate(own_hits, own_labelled)
    );
    (
        pk_sum / w,
        (none_sum / w).min(even_sum / w),
        rate(hits, labelled),
    )
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
    let files: Vec<(PathBuf, PathBuf)> = gold_files(root)
        .into_iter()
        .filter_map(|t| companion(&t).map(|d| (t, d)))
        .collect();
    let heading_f1 = headings(&files, &mut table);
    let (body_f1, body_recall) = body(root, &mut table);
    let (pk, pk_baseline, label_hits) = segmentation(&files, &mut table);
    if timed {
        timing(root, &mut table);
    }
    let summary = Summary {
        heading_f1,
        body_f1,
        body_recall,
        pk,
        pk_baseline,
        label_hits,
    };
    let _ = writeln!(
        table,
        "## Summary\n\nheading F1 {:.3} | body F1 {:.3} (recall {:.3}) | Pk {:.3} vs best baseline {:.3} ({:+.1} %) | label hits {:.3}",
        heading_f1,
        body_f1,
        body_recall,
        pk,
        pk_baseline,
        if pk_baseline > 0.0 {
            (pk / pk_baseline - 1.0) * 100.0
        } else {
            0.0
        },
        label_hits
    );
    (table, summary)
}
