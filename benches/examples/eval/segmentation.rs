//! Segmentation and labels, on the documents with gold headings: gold heading lines are taken
//! out (with their underlines) and blank runs cut to one line, so no gap marks where a heading
//! was; Pk and WindowDiff over body paragraphs, beside the no-boundary and even-split
//! baselines. Labels: quire labels each gold section of the stripped document; a hit is a
//! label, as the sidebar shows it (fitted to `LABEL_COLUMNS`), sharing a stemmed content word
//! with the gold heading's topic words — the heading without words found in more than half the
//! document's headings ("Chapter", "Article"); a section whose heading has no topic word is not
//! scored. Also given for quire's own sections.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use quire::document::Document;
use quire::outline::{LABEL_COLUMNS, fit_label, label::Labeler, segment, words};

use super::{Gold, Pair, in_first_corpus, read_gold, short_name, verbose};

/// The segmentation figures, pooled over windows, and the label hit rate.
pub struct SegmentFigures {
    pub pk: Pair<f64>,
    pub pk_baseline: Pair<f64>,
    pub label_hits: Pair<f64>,
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

#[derive(Default, Clone, Copy)]
struct Sums {
    pk: f64,
    wd: f64,
    none: f64,
    even: f64,
    windows: usize,
    hits: usize,
    labelled: usize,
    own_hits: usize,
    own_labelled: usize,
}

impl Sums {
    fn add(&mut self, o: &Sums) {
        self.pk += o.pk;
        self.wd += o.wd;
        self.none += o.none;
        self.even += o.even;
        self.windows += o.windows;
        self.hits += o.hits;
        self.labelled += o.labelled;
        self.own_hits += o.own_hits;
        self.own_labelled += o.own_labelled;
    }

    fn per_window(&self, sum: f64) -> f64 {
        sum / self.windows.max(1) as f64
    }

    fn baseline(&self) -> f64 {
        self.per_window(self.none).min(self.per_window(self.even))
    }
}

fn rate(hits: usize, n: usize) -> f64 {
    if n > 0 { hits as f64 / n as f64 } else { 0.0 }
}

/// Segment ids, one per body paragraph, from the gold section each falls in.
fn reference_ids(reference: &[usize]) -> (Vec<usize>, usize) {
    let mut ids = Vec::with_capacity(reference.len());
    let mut last = usize::MAX;
    let mut id = 0;
    for &r in reference {
        if last != usize::MAX && r != last {
            id += 1;
        }
        last = r;
        ids.push(id);
    }
    (ids, id + 1)
}

/// One document stripped of its gold headings, with where each of its blocks came from.
struct Stripped<'a> {
    gold: &'a [Gold],
    doc: Document,
    line_map: Vec<usize>,
    body: Vec<usize>,
}

impl Stripped<'_> {
    fn source_line(&self, block: usize) -> usize {
        self.line_map
            .get(self.doc.blocks[block].line - 1)
            .copied()
            .unwrap_or(0)
    }
}

/// Labels of the gold sections: (hits, scored), and a note a section in verbose mode.
fn label_gold_sections(
    s: &Stripped<'_>,
    labeler: &Labeler<'_>,
    notes: &mut Vec<String>,
) -> (usize, usize) {
    let lang = labeler.language();
    let division = division_stems(s.gold, lang);
    let (mut hits, mut labelled) = (0, 0);
    for (gi, g) in s.gold.iter().enumerate() {
        let blocks: Vec<usize> = s
            .body
            .iter()
            .copied()
            .filter(|&b| {
                let line = s.source_line(b);
                line > g.line && s.gold.get(gi + 1).is_none_or(|next| line < next.line)
            })
            .collect();
        let topic = topic_stems(&g.text, &division, lang);
        if blocks.is_empty() || topic.is_empty() {
            continue;
        }
        let label = labeler.label(&blocks);
        let hit = shares_stem(&label, &topic, lang);
        labelled += 1;
        hits += usize::from(hit);
        if verbose() {
            let mark = if hit { '+' } else { '-' };
            let section: Vec<String> = blocks
                .iter()
                .flat_map(|&b| words::content_stems(&s.doc.blocks[b].text, lang))
                .collect();
            let found: Vec<String> = topic
                .iter()
                .map(|t| format!("{t}:{}", section.iter().filter(|s| *s == t).count()))
                .collect();
            notes.push(format!(
                "    {mark} {:<40} | {:<28} | {}",
                g.text,
                fit_label(&label, LABEL_COLUMNS),
                found.join(" ")
            ));
        }
    }
    (hits, labelled)
}

/// Labels of quire's own sections, against the gold heading their first paragraph sits under.
fn label_own_sections(
    s: &Stripped<'_>,
    labeler: &Labeler<'_>,
    starts: &[usize],
    reference: &[usize],
) -> (usize, usize) {
    let lang = labeler.language();
    let division = division_stems(s.gold, lang);
    let (mut hits, mut labelled) = (0, 0);
    let mut bounds = starts.to_vec();
    bounds.push(s.body.len());
    for pair in bounds.windows(2) {
        let blocks: Vec<usize> = s.body[pair[0]..pair[1]].to_vec();
        let Some(g) = reference[pair[0]]
            .checked_sub(1)
            .and_then(|i| s.gold.get(i))
        else {
            continue;
        };
        let topic = topic_stems(&g.text, &division, lang);
        if topic.is_empty() {
            continue;
        }
        labelled += 1;
        hits += usize::from(shares_stem(&labeler.label(&blocks), &topic, lang));
    }
    (hits, labelled)
}

/// The sums of one document and its row of the table; None when it has too few paragraphs or
/// sections to score.
fn document(tsv: &Path, doc_path: &Path, table: &mut String) -> Option<Sums> {
    let gold = read_gold(tsv);
    let bytes = std::fs::read(doc_path).ok()?;
    let text =
        String::from_utf8_lossy(bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes)).into_owned();
    let (stripped, line_map) = strip_headings(&text, &gold);
    let doc = Document::from_text(&stripped, "x");
    let body: Vec<usize> = (0..doc.blocks.len())
        .filter(|&i| doc.blocks[i].kind.is_body())
        .collect();
    let s = Stripped {
        gold: &gold,
        doc,
        line_map,
        body,
    };
    let n = s.body.len();
    // Reference: which gold section each body paragraph falls in.
    let reference: Vec<usize> = s
        .body
        .iter()
        .map(|&b| gold.iter().filter(|g| g.line <= s.source_line(b)).count())
        .collect();
    let (ref_ids, segments) = reference_ids(&reference);
    if n < 4 || segments < 2 {
        return None;
    }
    let k = ((n as f64 / segments as f64) / 2.0).round().max(1.0) as usize;
    let starts: Vec<usize> = segment::section_starts(&s.doc, &s.body);
    let hyp = ids_from_starts(n, &starts);
    let even_starts: Vec<usize> = (0..segments).map(|i| i * n / segments).collect();
    let (pk, wd, windows) = pk_wd(&ref_ids, &hyp, k);
    let (none, _, _) = pk_wd(&ref_ids, &vec![0; n], k);
    let (even, _, _) = pk_wd(&ref_ids, &ids_from_starts(n, &even_starts), k);
    let labeler = Labeler::new(&s.doc);
    let mut notes = Vec::new();
    let (hits, labelled) = label_gold_sections(&s, &labeler, &mut notes);
    let (own_hits, own_labelled) = label_own_sections(&s, &labeler, &starts, &reference);
    let w = (windows as f64).max(1.0);
    let _ = writeln!(
        table,
        "{:<52} {n:>5} {segments:>4} {:>4} {:>6.3} {:>6.3} {:>7.3} {:>7.3} {:>9} {:>9}",
        short_name(doc_path),
        starts.len().max(1),
        pk / w,
        wd / w,
        none / w,
        even / w,
        format!("{hits}/{labelled}"),
        format!("{own_hits}/{own_labelled}")
    );
    for note in &notes {
        let _ = writeln!(table, "{note}");
    }
    Some(Sums {
        pk,
        wd,
        none,
        even,
        windows,
        hits,
        labelled,
        own_hits,
        own_labelled,
    })
}

pub fn segmentation(files: &[(PathBuf, PathBuf)], table: &mut String) -> SegmentFigures {
    let _ = writeln!(
        table,
        "## Segmentation (gold headings stripped; paragraphs as units) and labels\n"
    );
    let _ = writeln!(
        table,
        "{:<52} {:>5} {:>4} {:>4} {:>6} {:>6} {:>7} {:>7} {:>9} {:>9}",
        "file", "paras", "ref", "hyp", "Pk", "WD", "Pk-none", "Pk-even", "lab-gold", "lab-ours"
    );
    let (mut all, mut first) = (Sums::default(), Sums::default());
    for (tsv, doc_path) in files {
        let Some(sums) = document(tsv, doc_path, table) else {
            continue;
        };
        all.add(&sums);
        if in_first_corpus(doc_path) {
            first.add(&sums);
        }
    }
    for (name, s) in [("OVERALL (windows pooled)", &all), ("FIRST CORPUS", &first)] {
        let _ = writeln!(
            table,
            "{name:<52} {:>5} {:>4} {:>4} {:>6.3} {:>6.3} {:>7.3} {:>7.3} {:>9.3} {:>9.3}",
            "",
            "",
            "",
            s.per_window(s.pk),
            s.per_window(s.wd),
            s.per_window(s.none),
            s.per_window(s.even),
            rate(s.hits, s.labelled),
            rate(s.own_hits, s.own_labelled)
        );
    }
    let _ = writeln!(table);
    SegmentFigures {
        pk: Pair {
            all: all.per_window(all.pk),
            first: first.per_window(first.pk),
        },
        pk_baseline: Pair {
            all: all.baseline(),
            first: first.baseline(),
        },
        label_hits: Pair {
            all: rate(all.hits, all.labelled),
            first: rate(first.hits, first.labelled),
        },
    }
}
