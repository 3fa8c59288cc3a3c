//! Sections by lexical cohesion (TextTiling over paragraphs): each gap between paragraphs is
//! scored by the cosine similarity of the stems in a block of text before it and a block after
//! it (idf-weighted, updated incrementally so a whole book costs one pass); a gap deep in a
//! valley of similarity is a topic shift. The block grows with the text (three times the square
//! root of its content words: ~200 words for an RFC, ~1,000 for a novel), so a book is cut
//! where its chapters turn, not at every change of scene. How many sections: every valley
//! deeper than the mean valley depth less half its spread (TextTiling's cut-off), never two
//! boundaries closer than half a block — the count follows the text's length and cohesion.
//! Smoothing finds the valleys; the cut goes where the unsmoothed similarity bottoms out.
//! Paragraph cues: a section does not open with a line of dialogue (a chapter rarely starts
//! mid-conversation) nor with a lower-case letter (the sentence before it goes on); a glossary
//! whose entries run in alphabetical order is cut at each new initial letter instead.

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
    let texts: Vec<&str> = units.iter().map(|&b| doc.text(b)).collect();
    if let Some(starts) = alphabetical_sections(&texts) {
        return starts;
    }
    let mut vocab = Vocabulary::new(Language::detect_in(texts.iter().take(40).copied()));
    let terms = unit_terms(doc, units, &mut vocab);
    let may_open: Vec<bool> = texts
        .iter()
        .map(|t| !opens_dialogue(t) && !continues_a_sentence(t))
        .collect();
    boundaries(&terms, vocab.len(), &may_open)
}

/// A paragraph that starts with a quotation mark or a dialogue dash: a line someone says.
pub fn opens_dialogue(text: &str) -> bool {
    text.trim_start()
        .starts_with(['"', '“', '‘', '\'', '「', '『', '«', '„', '—', '―'])
}

/// A paragraph that starts with a lower-case letter goes on with the sentence before it, after
/// a quotation, a verse or a formula set apart ("where x is the count…"), so no section opens
/// there.
pub fn continues_a_sentence(text: &str) -> bool {
    text.trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

/// The initial of a glossary entry's head word: "ABASEMENT, n.  A decent…" → 'A'. The head
/// is a few words in capitals ended by a comma or a full stop.
fn head_initial(text: &str) -> Option<char> {
    let head = text.split([',', '.']).next()?;
    let letters = head.chars().filter(|c| c.is_alphabetic()).count();
    let capitals = head
        .chars()
        .all(|c| c.is_uppercase() || matches!(c, ' ' | '-' | '\'' | '’'));
    (letters >= 2 && head.len() < text.len() && head.split_whitespace().count() <= 4 && capitals)
        .then(|| head.chars().next())
        .flatten()
}

/// A glossary or dictionary: at least a third of the paragraphs (and 20) are entries, nine in
/// ten of them in alphabetical order. Its sections are its letters; None for any other text.
pub fn alphabetical_sections(texts: &[&str]) -> Option<Vec<usize>> {
    let entries: Vec<(usize, char)> = texts
        .iter()
        .enumerate()
        .filter_map(|(i, t)| head_initial(t).map(|c| (i, c)))
        .collect();
    if entries.len() < 20 || entries.len() * 3 < texts.len() {
        return None;
    }
    let in_order = entries.windows(2).filter(|w| w[0].1 <= w[1].1).count();
    if in_order * 10 < (entries.len() - 1) * 9 {
        return None;
    }
    let mut starts = vec![0];
    starts.extend(
        entries
            .windows(2)
            .filter(|w| w[1].1 > w[0].1)
            .map(|w| w[1].0),
    );
    (starts.len() >= 3).then_some(starts)
}

/// TextTiling on units given as stem ids; returns section starts (always beginning with 0).
/// `may_open[i]` says whether a section may start at unit i.
pub fn boundaries(units: &[Vec<u32>], vocab_size: usize, may_open: &[bool]) -> Vec<usize> {
    let n = units.len();
    if n < 4 {
        return vec![0];
    }
    let total: usize = units.iter().map(Vec::len).sum();
    let mean = (total as f64 / n as f64).max(1.0);
    let block_words = 3.0 * (total as f64).sqrt();
    let w = ((block_words / mean).ceil() as usize).clamp(1, (n / 4).max(1));
    let idf = inverse_frequencies(units, vocab_size);
    let raw = gap_similarities(units, &idf, w, vocab_size);
    let scores = smooth(&raw);
    let depths = depth_scores(&scores);
    // Gap i lies before unit i + 1. Valleys: gaps no higher than either neighbour.
    let valley = |i: usize| {
        depths[i] > 0.0
            && (i == 0 || scores[i] <= scores[i - 1])
            && (i + 1 == scores.len() || scores[i] <= scores[i + 1])
    };
    let valleys: Vec<usize> = (0..depths.len()).filter(|&i| valley(i)).collect();
    let count = valleys.len().max(1) as f64;
    let m = valleys.iter().map(|&i| depths[i]).sum::<f64>() / count;
    let sd = (valleys
        .iter()
        .map(|&i| (depths[i] - m).powi(2))
        .sum::<f64>()
        / count)
        .sqrt();
    let cutoff = m - 0.5 * sd;
    // A section spans at least half a comparison block: the similarity either side of a
    // valley is read over a block, so two cuts nearer than that measure much the same text.
    let min_len = (w / 2).max(2);
    let mut candidates: Vec<(f64, usize)> = valleys
        .iter()
        .filter(|&&i| depths[i] >= cutoff)
        .map(|&i| (depths[i], lowest_nearby(&raw, i) + 1))
        .filter(|&(_, unit)| may_open.get(unit).copied().unwrap_or(true))
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

/// Smoothing finds the valleys but blurs where they bottom out: the cut goes to the gap, among
/// the valley's and its two neighbours, across which the unsmoothed similarity is lowest.
fn lowest_nearby(raw: &[f64], gap: usize) -> usize {
    let around = gap.saturating_sub(1)..(gap + 2).min(raw.len());
    around.fold(gap, |best, g| if raw[g] < raw[best] { g } else { best })
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
/// The climb from a gap goes on while the scores do not fall, so it ends where the climb from
/// its neighbour ends whenever the neighbour is no lower: one pass each way, not a walk from
/// every gap (a long flat stretch of equal scores would make that quadratic).
fn depth_scores(scores: &[f64]) -> Vec<f64> {
    let n = scores.len();
    let mut left_peak = vec![0.0; n];
    for i in 0..n {
        left_peak[i] = match i.checked_sub(1) {
            Some(before) if scores[before] >= scores[i] => left_peak[before],
            _ => scores[i],
        };
    }
    let mut right_peak = vec![0.0; n];
    for i in (0..n).rev() {
        right_peak[i] = match scores.get(i + 1) {
            Some(&after) if after >= scores[i] => right_peak[i + 1],
            _ => scores[i],
        };
    }
    (0..n)
        .map(|i| (left_peak[i] - scores[i]) + (right_peak[i] - scores[i]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The climb walked from every gap, as the definition says.
    fn depth_scores_walked(scores: &[f64]) -> Vec<f64> {
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

    use proptest::prelude::*;

    proptest! {
        #[test]
        fn depth_scores_in_one_pass_are_the_walked_ones(
            // Few distinct values, so flat stretches and ties are common.
            scores in proptest::collection::vec((0u8..5).prop_map(|v| f64::from(v) / 4.0), 0..60)
        ) {
            prop_assert_eq!(depth_scores(&scores), depth_scores_walked(&scores));
        }
    }

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
        assert_eq!(boundaries(&[vec![1], vec![2]], 3, &[true, true]), vec![0]);
    }

    #[test]
    fn no_section_opens_with_a_line_of_dialogue() {
        // Two topics of eight paragraphs each: the cut falls before unit 8, unless unit 8 is a
        // line of dialogue.
        let units: Vec<Vec<u32>> = [vec![vec![1, 2, 3, 4]; 8], vec![vec![5, 6, 7, 8]; 8]].concat();
        let all = vec![true; 16];
        assert_eq!(boundaries(&units, 9, &all), vec![0, 8]);
        let mut spoken = all.clone();
        spoken[8] = false;
        assert!(!boundaries(&units, 9, &spoken).contains(&8));
        assert!(opens_dialogue("“Yes,” he said."));
        assert!(opens_dialogue("„Ja“, sagte er."));
        assert!(!opens_dialogue("Yes, he said."));
    }

    #[test]
    fn the_cut_goes_where_the_unsmoothed_similarity_is_lowest() {
        let raw = [0.9, 0.5, 0.2, 0.4, 0.9];
        assert_eq!(lowest_nearby(&raw, 3), 2);
        assert_eq!(lowest_nearby(&raw, 1), 2);
        assert_eq!(lowest_nearby(&raw, 2), 2);
        // A tie keeps the valley's own gap; the ends of the list are no trouble.
        assert_eq!(lowest_nearby(&[0.3, 0.3, 0.3], 1), 1);
        assert_eq!(lowest_nearby(&[0.1, 0.3], 0), 0);
        assert_eq!(lowest_nearby(&[0.3, 0.1], 1), 1);
    }

    #[test]
    fn no_section_opens_with_the_rest_of_a_sentence() {
        // The topic changes before paragraph 8, which is the end of a sentence set apart.
        let ships = "The ship sailed the ocean; sailors hauled ropes, mended sails and watched the waves and the sea.";
        let bread = "The baker kneaded dough; flour, yeast and ovens made the bread rise in the bakery each morning.";
        let mut paragraphs = vec![ships; 8];
        paragraphs.push("where the baker kneaded dough, flour and yeast in the bakery ovens.");
        paragraphs.extend([bread; 7]);
        let doc = Document::from_text(&paragraphs.join("\n\n"), "t");
        let units: Vec<usize> = (0..doc.blocks.len()).collect();
        assert_eq!(units.len(), 16);
        assert!(!section_starts(&doc, &units).contains(&8));
        assert!(continues_a_sentence("  and so the matter rested."));
        assert!(!continues_a_sentence("And so the matter rested."));
        assert!(!continues_a_sentence("1. Definitions."));
    }

    #[test]
    fn a_short_section_between_two_long_ones_is_found() {
        // 24 paragraphs of four words: the block is six paragraphs, and the middle topic is
        // four long, shorter than a block but not than half of one.
        let units: Vec<Vec<u32>> = [
            vec![vec![1, 2, 3, 4]; 10],
            vec![vec![5, 6, 7, 8]; 4],
            vec![vec![9, 10, 11, 12]; 10],
        ]
        .concat();
        assert_eq!(boundaries(&units, 13, &[true; 24]), vec![0, 10, 14]);
    }

    #[test]
    fn a_glossary_in_alphabetical_order_is_cut_at_its_letters() {
        let mut entries = Vec::new();
        for (letter, words) in [("A", 8), ("B", 7), ("C", 9)] {
            for i in 0..words {
                let tail = char::from(b'A' + i as u8);
                entries.push(format!(
                    "{letter}WORD{tail}, n.  A thing that is defined here at some length."
                ));
            }
        }
        entries.insert(3, "  A verse quoted under an entry, in lower case.".into());
        let texts: Vec<&str> = entries.iter().map(String::as_str).collect();
        assert_eq!(alphabetical_sections(&texts), Some(vec![0, 9, 16]));
        // Entries out of order are no glossary.
        let mut shuffled = texts.clone();
        shuffled.reverse();
        shuffled.swap(2, 20);
        shuffled.swap(5, 12);
        assert_eq!(alphabetical_sections(&shuffled[..]).map(|_| ()), None);
    }
}
