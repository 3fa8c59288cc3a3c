//! Scratch: segmentation experiments (not part of quire).
use quire::document::Document;
use quire::outline::segment::unit_terms;
use quire::outline::words::{Language, Vocabulary};
use std::path::{Path, PathBuf};

struct Gold {
    line: usize,
}

fn read_gold(path: &Path) -> Vec<Gold> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| {
            let mut c = l.split('\t');
            c.next()?;
            let line = c.next()?.parse().ok()?;
            Some(Gold { line })
        })
        .collect()
}
fn companion(tsv: &Path) -> Option<PathBuf> {
    let name = tsv.file_name()?.to_str()?;
    let stem = name.strip_suffix(".headings.tsv")?;
    let mut found: Vec<PathBuf> = std::fs::read_dir(tsv.parent()?)
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
fn strip(text: &str, gold: &[Gold]) -> (String, Vec<usize>) {
    let mut lines: Vec<Option<&str>> = text.split('\n').map(Some).collect();
    let is_rule = |l: &str| {
        let t = l.trim();
        t.len() >= 3
            && t.chars().all(|c| c == t.chars().next().unwrap())
            && "=-~^*+#\"'`:._".contains(t.chars().next().unwrap())
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
    let mut bb = true;
    for (i, l) in lines.iter().enumerate() {
        let Some(l) = l else { continue };
        let b = l.trim().is_empty();
        if b && bb {
            continue;
        }
        bb = b;
        out.push(*l);
        map.push(i + 1);
    }
    (out.join("\n"), map)
}
fn ids_from_starts(n: usize, starts: &[usize]) -> Vec<usize> {
    let mut ids = vec![0; n];
    let mut id = 0;
    let mut s = starts.to_vec();
    s.sort();
    let mut j = 0;
    for i in 0..n {
        while j < s.len() && s[j] <= i {
            if s[j] > 0 && s[j] == i {
                id += 1;
            }
            j += 1;
        }
        ids[i] = id;
    }
    ids
}
fn pk(r: &[usize], h: &[usize], k: usize) -> (f64, usize) {
    let n = r.len();
    if n <= k {
        return (0.0, 0);
    }
    let mut e = 0;
    for i in 0..n - k {
        e += usize::from((r[i] == r[i + k]) != (h[i] == h[i + k]));
    }
    (e as f64, n - k)
}

pub struct Doc {
    pub name: String,
    pub terms: Vec<Vec<u32>>,
    pub vocab: usize,
    pub refs: Vec<usize>,
    pub k: usize,
    pub segs: usize,
    pub texts: Vec<String>,
}

fn load(root: &Path) -> Vec<Doc> {
    let mut tsvs = Vec::new();
    let mut st = vec![root.to_path_buf()];
    while let Some(d) = st.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                st.push(p)
            } else if p.to_string_lossy().ends_with(".headings.tsv") {
                tsvs.push(p)
            }
        }
    }
    tsvs.sort();
    let mut out = Vec::new();
    for t in tsvs {
        let Some(dp) = companion(&t) else { continue };
        let gold = read_gold(&t);
        let bytes = std::fs::read(&dp).unwrap();
        let text = String::from_utf8_lossy(bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes))
            .into_owned();
        let (s, map) = strip(&text, &gold);
        let doc = Document::from_text(&s, "x");
        let body: Vec<usize> = (0..doc.blocks.len())
            .filter(|&i| doc.blocks[i].kind.is_body())
            .collect();
        let n = body.len();
        let src = |b: usize| map.get(doc.blocks[b].line - 1).copied().unwrap_or(0);
        let reference: Vec<usize> = body
            .iter()
            .map(|&b| gold.iter().filter(|g| g.line <= src(b)).count())
            .collect();
        let mut ids = Vec::new();
        let mut last = usize::MAX;
        let mut id = 0;
        for &r in &reference {
            if last != usize::MAX && r != last {
                id += 1;
            }
            last = r;
            ids.push(id);
        }
        let segs = id + 1;
        if n < 4 || segs < 2 {
            continue;
        }
        let k = ((n as f64 / segs as f64) / 2.0).round().max(1.0) as usize;
        let sample: String = body
            .iter()
            .take(40)
            .map(|&b| doc.text(b))
            .collect::<Vec<_>>()
            .join(" ");
        let mut vocab = Vocabulary::new(Language::detect(&sample));
        let terms = unit_terms(&doc, &body, &mut vocab);
        let texts = body.iter().map(|&b| doc.text(b).to_string()).collect();
        out.push(Doc {
            name: dp.file_name().unwrap().to_string_lossy().into_owned(),
            terms,
            vocab: vocab.len(),
            refs: ids,
            k,
            segs,
            texts,
        });
    }
    out
}

#[path = "../../../tmp/lab/seg.rs"]
mod seg;

fn main() {
    let docs = load(Path::new("/work/shared/corpus"));
    if std::env::var_os("ANALYSE").is_some() {
        for d in &docs {
            seg::analyse(d);
        }
        return;
    }
    let configs = seg::configs();
    for (label, f) in configs {
        let (mut e, mut w, mut en, mut books_e, mut books_w) = (0.0, 0, 0.0, 0.0, 0);
        let mut per = String::new();
        let (mut nh, mut nr) = (0, 0);
        for d in &docs {
            let starts = f(d);
            let h = ids_from_starts(d.refs.len(), &starts);
            let (pe, pw) = pk(&d.refs, &h, d.k);
            let (ne, _) = pk(&d.refs, &vec![0; d.refs.len()], d.k);
            e += pe;
            w += pw;
            en += ne;
            nh += starts.len();
            nr += d.segs;
            if d.refs.len() > 700 {
                books_e += pe;
                books_w += pw;
            }
            per.push_str(&format!(
                " {}:{:.2}/{:.2}({}/{})",
                &d.name[..d.name.len().min(8)],
                pe / pw.max(1) as f64,
                ne / pw.max(1) as f64,
                starts.len(),
                d.segs
            ));
        }
        println!(
            "{label:<40} Pk {:.3} none {:.3} books {:.3} hyp {nh} ref {nr}",
            e / w as f64,
            en / w as f64,
            books_e / books_w.max(1) as f64
        );
        if std::env::var_os("PER").is_some() {
            println!("   {per}");
        }
    }
}
