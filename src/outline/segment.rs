//! Sections by lexical cohesion (TextTiling over paragraphs): each gap between paragraphs is
//! scored by the cosine similarity of the stems in a window before it and a window after it
//! (idf-weighted, updated incrementally so a whole book costs one pass); a gap deep in a valley
//! of similarity is a topic shift. How many sections: every valley deeper than the mean depth
//! plus a share of its spread, never two boundaries closer than a minimum section length — so
//! the count follows the text's length and cohesion, not a fixed number.

use crate::document::Document;

use super::words::{Language, Vocabulary, tokens};

/// Stem ids per unit (paragraph), stop words left out.
pub fn unit_terms(doc: &Document, units: &[usize], vocab: &mut Vocabulary) -> Vec<Vec<u32>> {
    units
        .iter()
        .map(|&b| tokens(doc.text(b)).filter_map(|w| vocab.id(w)).collect())
        .collect()
}

/// Where sections start among `units` (indices into `units`; 0 is always first).
pub fn section_starts(doc: &Document, units: &[usize]) -> Vec<usize> {
    let sample: String = units
        .iter()
        .take(40)
        .map(|&b| doc.text(b))
        .collect::<Vec<_>>()
        .join(" ");
    let mut vocab = Vocabulary::new(Language::detect(&sample));
    let terms = unit_terms(doc, units, &mut vocab);
    boundaries(&terms, vocab.len())
}

/// TextTiling on units given as stem ids; returns section starts (always beginning with 0).
pub fn boundaries(units: &[Vec<u32>], vocab_size: usize) -> Vec<usize> {
    let n = units.len();
    if n < 4 {
        return vec![0];
    }
    let total: usize = units.iter().map(Vec::len).sum();
    // Windows of about 120 content words a side, between 1 and 8 paragraphs.
    let mean = (total as f64 / n as f64).max(1.0);
    let w = ((120.0 / mean).ceil() as usize).clamp(1, (n / 4).clamp(1, 8));
    let idf = inverse_frequencies(units, vocab_size);
    let scores = smooth(&gap_similarities(units, &idf, w, vocab_size));
    let depths = depth_scores(&scores);
    // Gaps g = 1..n (gap g lies before unit g); scores[g - 1].
    let values: Vec<f64> = depths.clone();
    let m = values.iter().sum::<f64>() / values.len().max(1) as f64;
    let sd =
        (values.iter().map(|d| (d - m).powi(2)).sum::<f64>() / values.len().max(1) as f64).sqrt();
    let cutoff = m + 0.5 * sd;
    let min_len = w.max(2);
    let mut candidates: Vec<(f64, usize)> = depths
        .iter()
        .enumerate()
        .filter(|&(_, &d)| d > cutoff && d > 0.0)
        .map(|(i, &d)| (d, i + 1))
        .collect();
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut chosen: Vec<usize> = Vec::new();
    for (_, gap) in candidates {
        let clear = chosen.iter().all(|&c| c.abs_diff(gap) >= min_len)
            && gap >= min_len
            && n - gap >= min_len;
        if clear {
            chosen.push(gap);
        }
    }
    chosen.push(0);
    chosen.sort_unstable();
    chosen
}

fn inverse_frequencies(units: &[Vec<u32>], vocab_size: usize) -> Vec<f64> {
    let mut df = vec![0u32; vocab_size];
    let mut seen = vec![u32::MAX; vocab_size];
    for (i, unit) in units.iter().enumerate() {
        for &t in unit {
            if seen[t as usize] != i as u32 {
                seen[t as usize] = i as u32;
                df[t as usize] += 1;
            }
        }
    }
    let n = units.len() as f64;
    df.iter()
        .map(|&d| (n / f64::from(d.max(1))).ln().max(0.0) + 0.1)
        .collect()
}

/// Similarity across each gap 1..n; windows slide, so dot product and norms are updated per word.
fn gap_similarities(units: &[Vec<u32>], idf: &[f64], w: usize, vocab_size: usize) -> Vec<f64> {
    let n = units.len();
    let mut left = vec![0.0f64; vocab_size];
    let mut right = vec![0.0f64; vocab_size];
    let (mut dot, mut norm_l, mut norm_r) = (0.0f64, 0.0f64, 0.0f64);
    let add = |vec: &mut [f64], other: &[f64], t: u32, d: f64, dot: &mut f64, norm: &mut f64| {
        let t = t as usize;
        *dot += d * other[t];
        *norm += 2.0 * d * vec[t] + d * d;
        vec[t] += d;
    };
    // Gap 1: left = [0], right = [1, w].
    for &t in &units[0] {
        add(&mut left, &right, t, idf[t as usize], &mut dot, &mut norm_l);
    }
    for unit in &units[1..(1 + w).min(n)] {
        for &t in unit {
            add(&mut right, &left, t, idf[t as usize], &mut dot, &mut norm_r);
        }
    }
    let mut out = Vec::with_capacity(n - 1);
    for gap in 1..n {
        let denom = (norm_l.max(0.0) * norm_r.max(0.0)).sqrt();
        out.push(if denom > 0.0 { dot / denom } else { 0.0 });
        if gap + 1 >= n {
            break;
        }
        // Move unit `gap` from the right window to the left one, drop from the left the unit
        // that falls out, and take into the right the next unit.
        for &t in &units[gap] {
            let d = idf[t as usize];
            add(&mut right, &left, t, -d, &mut dot, &mut norm_r);
            add(&mut left, &right, t, d, &mut dot, &mut norm_l);
        }
        if gap >= w {
            for &t in &units[gap - w] {
                add(
                    &mut left,
                    &right,
                    t,
                    -idf[t as usize],
                    &mut dot,
                    &mut norm_l,
                );
            }
        }
        if gap + w < n {
            for &t in &units[gap + w] {
                add(&mut right, &left, t, idf[t as usize], &mut dot, &mut norm_r);
            }
        }
    }
    out
}

fn smooth(scores: &[f64]) -> Vec<f64> {
    (0..scores.len())
        .map(|i| {
            let lo = i.saturating_sub(1);
            let hi = (i + 2).min(scores.len());
            scores[lo..hi].iter().sum::<f64>() / (hi - lo) as f64
        })
        .collect()
}

/// How deep each gap sits in its valley: the climb to the highest point on each side.
fn depth_scores(scores: &[f64]) -> Vec<f64> {
    (0..scores.len())
        .map(|i| {
            let s = scores[i];
            let mut left = s;
            for &v in scores[..i].iter().rev() {
                if v < left {
                    break;
                }
                left = v;
            }
            let mut right = s;
            for &v in &scores[i + 1..] {
                if v < right {
                    break;
                }
                right = v;
            }
            (left - s) + (right - s)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_topic_change_is_found() {
        let ships = "The ship sailed the ocean; sailors hauled ropes, mended sails and watched the waves and the sea.";
        let bread = "The baker kneaded dough; flour, yeast and ovens made the bread rise in the bakery each morning.";
        let mut text = String::new();
        for _ in 0..8 {
            text.push_str(ships);
            text.push_str("\n\n");
        }
        for _ in 0..8 {
            text.push_str(bread);
            text.push_str("\n\n");
        }
        let doc = Document::from_text(&text, "t");
        let units: Vec<usize> = (0..doc.blocks.len())
            .filter(|&i| doc.blocks[i].kind.is_body())
            .collect();
        assert_eq!(units.len(), 16);
        assert_eq!(section_starts(&doc, &units), vec![0, 8]);
    }

    #[test]
    fn one_topic_stays_one_section() {
        let para = "The ship sailed the ocean; sailors hauled ropes, mended sails and watched the waves and the sea.";
        let text = [para; 12].join("\n\n");
        let doc = Document::from_text(&text, "t");
        let units: Vec<usize> = (0..doc.blocks.len()).collect();
        assert_eq!(section_starts(&doc, &units), vec![0]);
    }

    #[test]
    fn short_input_is_one_section() {
        assert_eq!(boundaries(&[vec![1], vec![2]], 3), vec![0]);
    }
}
