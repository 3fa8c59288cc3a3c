//! Scanning: a query's hits in one block, found by folding the block on the fly into buffers
//! kept from block to block (or, for a plain query on an ASCII block, in the block as it is),
//! and the scan outward from a place, which can stop once the first hit and the hits around
//! it are known and leave the rest of the document for later.

use super::fold::{fold_into, fold_text};
use super::{Found, MAX_MATCHES, Match, Matcher, MatcherKind};
use crate::document::{Anchor, Document};

/// Buffers used again for every block, so a scan allocates only when a block is longer than
/// any before it, and never holds a folded copy of more than one block.
#[derive(Debug, Default)]
struct Scratch {
    folded: String,
    origin: Vec<u32>,
    /// An ASCII block in lower case.
    lower: Vec<u8>,
    /// Hits as ranges of the folded block, before they are turned into ranges of the text.
    spans: Vec<(usize, usize)>,
}

/// Append the hits of `matcher` in block `block` (whose text is `text`) to `out`, stopping
/// when `out` holds `limit` hits. False when a hit did not fit.
fn block_hits(
    matcher: &Matcher,
    block: usize,
    text: &str,
    scratch: &mut Scratch,
    out: &mut Vec<Match>,
    limit: usize,
) -> bool {
    if let MatcherKind::Literal(finder) = &matcher.kind {
        let needle = finder.needle();
        // Folding an ASCII block only lowers its case and collapses its whitespace; a needle
        // without a space cannot meet a collapsed run, so it is found in the block as it is,
        // at the same offsets. A needle with other than ASCII cannot be found there at all.
        if !needle.contains(&b' ') && text.is_ascii() {
            if !needle.is_ascii() {
                return true;
            }
            let haystack = if matcher.folding.case {
                scratch.lower.clear();
                scratch.lower.extend_from_slice(text.as_bytes());
                scratch.lower.make_ascii_lowercase();
                scratch.lower.as_slice()
            } else {
                text.as_bytes()
            };
            for start in finder.find_iter(haystack) {
                if out.len() >= limit {
                    return false;
                }
                out.push(Match {
                    block,
                    start,
                    end: start + needle.len(),
                });
            }
            return true;
        }
    }
    // The rest: fold, match, and only for a block with hits fold again with the map back.
    scratch.folded.clear();
    fold_text(text, matcher.folding, &mut scratch.folded);
    scratch.spans.clear();
    match &matcher.kind {
        MatcherKind::Literal(finder) => {
            let len = finder.needle().len();
            let starts = finder.find_iter(scratch.folded.as_bytes());
            scratch
                .spans
                .extend(starts.map(|start| (start, start + len)));
        }
        MatcherKind::Pattern(re) => {
            let hits = re.find_iter(&scratch.folded).filter(|hit| !hit.is_empty());
            scratch
                .spans
                .extend(hits.map(|hit| (hit.start(), hit.end())));
        }
    }
    if scratch.spans.is_empty() {
        return true;
    }
    scratch.folded.clear();
    scratch.origin.clear();
    fold_into(
        text,
        matcher.folding,
        &mut scratch.folded,
        &mut scratch.origin,
        0,
    );
    for &(start, end) in &scratch.spans {
        if out.len() >= limit {
            return false;
        }
        if let Some((start, end)) = original_range(&scratch.origin, text, start, end) {
            out.push(Match { block, start, end });
        }
    }
    true
}

/// Turn a folded range into a range of the original text. The end reaches the start of the
/// next source character that produced output, so dropped accents after the last letter are
/// covered; a hit ending inside one character's expansion ("s" of "ß") covers that whole
/// character.
fn original_range(
    origin: &[u32],
    original: &str,
    start: usize,
    end: usize,
) -> Option<(usize, usize)> {
    let first = *origin.get(start)? as usize;
    let last_byte = *origin.get(end.checked_sub(1)?)? as usize;
    let next = origin.get(end).map_or(original.len(), |&o| o as usize);
    let end = if next > last_byte {
        next
    } else {
        let len = original
            .get(last_byte..)?
            .chars()
            .next()
            .map_or(0, char::len_utf8);
        last_byte + len
    };
    Some((first, end.min(original.len())))
}

/// How much of a document a scan reads (in bytes of block text) before it stops and leaves
/// the rest for later. Bytes, not time: the reader's core reads no clock, and the same
/// document and query always stop at the same place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScanLimits {
    /// Always read this much: a document this short is searched whole at once.
    pub at_least: usize,
    /// Once the first hit is known, read this much further, so the hits on the screen around
    /// it are known too.
    pub past_first: usize,
    /// Never more than this, hit or not.
    pub at_most: usize,
}

impl ScanLimits {
    /// No limit: the whole document.
    pub const WHOLE: ScanLimits = ScanLimits {
        at_least: usize::MAX,
        past_first: usize::MAX,
        at_most: usize::MAX,
    };
}

impl Default for ScanLimits {
    /// What a keystroke may read. The ASCII way reads a megabyte in well under a millisecond
    /// and the folding way in a few; a screen of text is a few kilobytes, so 64 KiB past the
    /// first hit covers any screen.
    fn default() -> ScanLimits {
        ScanLimits {
            at_least: 1 << 20,
            past_first: 64 << 10,
            at_most: 4 << 20,
        }
    }
}

/// What a scan outward from a place found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Nearby {
    /// The hits in the blocks read, in document order: every hit when `complete`.
    pub found: Found,
    /// The first hit at or after the place, or, when there is none after it, the document's
    /// first hit; `None` when there is no hit or the scan stopped before finding it.
    pub first: Option<Match>,
    /// Every block was read (or the list is as long as it may be).
    pub complete: bool,
}

/// Scan outward from `from`: its block to the end of the document, then round from the start
/// to it, stopping as `limits` say. At most [`MAX_MATCHES`] hits are kept, the ones met first,
/// so a long list always holds the hits after the place.
pub fn scan_outward(doc: &Document, matcher: &Matcher, from: Anchor, limits: ScanLimits) -> Nearby {
    let count = doc.blocks.len();
    let start = if from.block < count { from.block } else { 0 };
    let mut scratch = Scratch::default();
    // Hits from the place's block on, and hits in the blocks before it (met after the wrap).
    let (mut ahead, mut behind) = (Vec::new(), Vec::new());
    let mut first = None;
    let mut read = 0usize;
    let mut read_at_first = None;
    let mut truncated = false;
    let mut blocks_read = 0;
    for block in (start..count).chain(0..start) {
        let wrapped = block < start;
        let (list, others) = if wrapped {
            (&mut behind, ahead.len())
        } else {
            (&mut ahead, behind.len())
        };
        let known = list.len();
        let text = doc.blocks[block].text.as_str();
        truncated = !block_hits(
            matcher,
            block,
            text,
            &mut scratch,
            list,
            MAX_MATCHES - others,
        );
        blocks_read += 1;
        read += text.len() + 1;
        if first.is_none() {
            let new = &list[known..];
            first = if wrapped {
                new.first()
            } else {
                new.iter().find(|m| m.anchor() >= from)
            }
            .copied();
            read_at_first = first.map(|_| read);
        }
        let past_first = read_at_first.map(|at| read - at);
        let enough = read >= limits.at_least && past_first.is_some_and(|p| p >= limits.past_first);
        if truncated || enough || read >= limits.at_most {
            break;
        }
    }
    let complete = truncated || blocks_read == count;
    behind.append(&mut ahead);
    if complete && first.is_none() {
        // Every hit is before the place, in its own block: the search wraps to the first.
        first = behind.first().copied();
    }
    Nearby {
        found: Found {
            matches: behind,
            truncated,
        },
        first,
        complete,
    }
}

/// Every hit of `matcher` in `doc` (the first [`MAX_MATCHES`] met going outward from `from`),
/// in document order.
pub fn find_all_from(doc: &Document, matcher: &Matcher, from: Anchor) -> Found {
    scan_outward(doc, matcher, from, ScanLimits::WHOLE).found
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::search::fold::fold_into;

    fn doc(text: &str) -> Document {
        Document::from_text(text, "t")
    }

    fn matcher(query: &str, regex: bool) -> Matcher {
        Matcher::new(query, regex).unwrap().unwrap()
    }

    /// The search as it was made before blocks were folded on the fly: the whole document
    /// folded into one text (blocks separated by a newline, which no folded query holds), all
    /// hits found in it, each mapped back through a map kept for every folded byte.
    fn whole_folded_reference(doc: &Document, matcher: &Matcher) -> Vec<Match> {
        let mut text = String::new();
        let mut origin = Vec::new();
        let mut starts = Vec::new();
        for block in &doc.blocks {
            starts.push(text.len());
            fold_into(&block.text, matcher.folding, &mut text, &mut origin, 0);
            text.push('\n');
            origin.push(block.text.len() as u32);
        }
        let mut spans = Vec::new();
        match &matcher.kind {
            MatcherKind::Literal(finder) => {
                let needle = std::str::from_utf8(finder.needle()).unwrap();
                spans.extend(text.match_indices(needle).map(|(s, m)| (s, s + m.len())));
            }
            MatcherKind::Pattern(re) => {
                for (block, &from) in starts.iter().enumerate() {
                    let to = starts.get(block + 1).map_or(text.len(), |&s| s) - 1;
                    let hits = re.find_iter(&text[from..to]).filter(|h| !h.is_empty());
                    spans.extend(hits.map(|h| (from + h.start(), from + h.end())));
                }
            }
        }
        spans
            .into_iter()
            .filter_map(|(start, end)| {
                let block = starts.partition_point(|&s| s <= start) - 1;
                let original = doc.blocks[block].text.as_str();
                let from = starts[block];
                let next_block = starts.get(block + 1).copied().unwrap_or(text.len());
                let block_origin = &origin[from..next_block];
                let (s, e) = original_range(block_origin, original, start - from, end - from)?;
                Some(Match {
                    block,
                    start: s,
                    end: e,
                })
            })
            .collect()
    }

    /// The hit a search from `from` shows first: the first at or after it, else the first.
    fn first_from(all: &[Match], from: Anchor) -> Option<Match> {
        let at = all.partition_point(|m| m.anchor() < from);
        all.get(at).or(all.first()).copied()
    }

    #[test]
    fn ascii_blocks_are_searched_as_they_are() {
        let d = doc("The whale, THE WHALE.\n\nA café and the whale.\n");
        let found = find_all_from(&d, &matcher("whale", false), Anchor::default());
        let texts: Vec<&str> = found
            .matches
            .iter()
            .map(|m| &d.blocks[m.block].text[m.range()])
            .collect();
        assert_eq!(texts, ["whale", "WHALE", "whale"]);
        // An accented query cannot be in an ASCII block, and is in the other.
        let found = find_all_from(&d, &matcher("café", false), Anchor::default());
        assert_eq!(found.matches.len(), 1);
        assert_eq!(found.matches[0].block, 1);
        // Upper case is exact, in both kinds of block.
        let found = find_all_from(&d, &matcher("THE", false), Anchor::default());
        assert_eq!(found.matches.len(), 1);
    }

    #[test]
    fn a_query_with_a_space_meets_collapsed_whitespace_in_ascii_code() {
        let d = doc("Some prose.\n\n    let white   whale = 1;\n    white\n    whale();\n");
        let found = find_all_from(&d, &matcher("white whale", false), Anchor::default());
        assert_eq!(
            found.matches,
            whole_folded_reference(&d, &matcher("white whale", false))
        );
        assert_eq!(found.matches.len(), 2);
    }

    #[test]
    fn outward_scan_stops_after_the_first_hit_and_wraps() {
        let text: String = (0..40)
            .map(|n| format!("Paragraph {n} of the book.\n\n"))
            .collect();
        let d = doc(&text);
        let m = matcher("3 of", false);
        let small = ScanLimits {
            at_least: 0,
            past_first: 0,
            at_most: 1 << 20,
        };
        // From paragraph 34 nothing follows: the first hit is found after wrapping (in
        // paragraph 3), and the scan stops there, before reading paragraphs 4 to 33.
        let from = Anchor::new(34, 0);
        let nearby = scan_outward(&d, &m, from, small);
        let first = nearby.first.unwrap();
        assert_eq!(d.blocks[first.block].text, "Paragraph 3 of the book.");
        assert!(!nearby.complete);
        assert_eq!(nearby.found.matches, [first]);
        // A budget too small for any hit: nothing known yet, and not complete.
        let none = ScanLimits {
            at_least: 0,
            past_first: 0,
            at_most: 10,
        };
        let nearby = scan_outward(&d, &m, from, none);
        assert_eq!((nearby.first, nearby.complete), (None, false));
        // With no limit it is the whole list, and the first hit is the one after the place.
        let whole = scan_outward(&d, &m, Anchor::new(5, 0), ScanLimits::WHOLE);
        assert!(whole.complete);
        assert_eq!(whole.found.matches.len(), 4);
        let first = whole.first.unwrap();
        assert_eq!(d.blocks[first.block].text, "Paragraph 13 of the book.");
    }

    #[test]
    fn a_long_list_keeps_the_hits_after_the_place() {
        let paragraph = "a ".repeat(1000);
        let blocks = 2 * MAX_MATCHES / 1000;
        let d = doc(&format!("{paragraph}\n\n").repeat(blocks));
        assert_eq!(d.blocks.len(), blocks);
        let from = Anchor::new(blocks * 3 / 4, 0);
        let found = find_all_from(&d, &matcher("a", false), from);
        assert!(found.truncated);
        assert_eq!(found.matches.len(), MAX_MATCHES);
        // The place's block to the end, then round from the start: the middle is cut.
        let blocks_with_hits =
            |range: std::ops::Range<usize>| found.matches.iter().any(|m| range.contains(&m.block));
        assert!(blocks_with_hits(from.block..from.block + 1));
        assert!(blocks_with_hits(blocks - 1..blocks) && blocks_with_hits(0..1));
        assert!(!blocks_with_hits(blocks / 2..blocks / 2 + 1));
        // From the start, it is the first hits in document order, as it always was.
        let from_start = find_all_from(&d, &matcher("a", false), Anchor::default());
        assert_eq!(
            from_start.matches.last().map(|m| m.block),
            Some(MAX_MATCHES / 1000 - 1)
        );
    }

    /// Pieces of text that fold in every interesting way: case, composed and decomposed
    /// accents, expansions, final sigma, ideographs, other spaces, line breaks and paragraphs.
    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "a", "A", "b", "B", "e", "E", "é", "É", "e\u{301}", "ß", "ss", "SS", "ﬁ", "fi", "Σ",
            "σ", "ς", "行", "者", " ", "  ", "\n", "\t", "\u{a0}", "\u{3000}", "\n\n", "ǅ", "İ",
            "K", "\u{212a}", "k", "ø",
        ])
    }

    fn query() -> impl Strategy<Value = (String, bool)> {
        let literal = prop::collection::vec(piece(), 1..4).prop_map(|p| (p.concat(), false));
        let pattern = prop::sample::select(vec![
            "e\\w",
            "[aé]b?",
            "\\bs+",
            "a\\s+b",
            "(?:fi|行)",
            "Σ.",
            "\\p{Greek}+",
        ])
        .prop_map(|p| (p.to_string(), true));
        prop_oneof![3 => literal, 1 => pattern]
    }

    proptest! {
    // Failures are kept with the tests, not at the top of the repository.
    #![proptest_config(ProptestConfig {
        failure_persistence: Some(Box::new(
            proptest::test_runner::FileFailurePersistence::SourceParallel(
                "tests/proptest-regressions"
            )
        )),
        ..ProptestConfig::default()
    })]

        #[test]
        fn finds_what_folding_the_whole_document_found(
            pieces in prop::collection::vec(piece(), 0..120),
            (query, regex) in query(),
        ) {
            let d = doc(&pieces.concat());
            let Ok(Some(m)) = Matcher::new(&query, regex) else {
                return Ok(());
            };
            let found = find_all_from(&d, &m, Anchor::default());
            prop_assert_eq!(found.matches, whole_folded_reference(&d, &m));
        }

        #[test]
        fn an_outward_scan_agrees_with_the_whole_list(
            pieces in prop::collection::vec(piece(), 0..120),
            (query, regex) in query(),
            place in (0usize..12, 0usize..8),
            limits in (0usize..64, 0usize..64, 0usize..256),
        ) {
            let d = doc(&pieces.concat());
            let Ok(Some(m)) = Matcher::new(&query, regex) else {
                return Ok(());
            };
            let all = whole_folded_reference(&d, &m);
            let from = Anchor::new(place.0, place.1);
            let limits = ScanLimits { at_least: limits.0, past_first: limits.1, at_most: limits.2 };
            let nearby = scan_outward(&d, &m, from, limits);
            if nearby.complete {
                prop_assert_eq!(&nearby.found.matches, &all);
                prop_assert_eq!(nearby.first, first_from(&all, from));
            } else {
                for hit in &nearby.found.matches {
                    prop_assert!(all.contains(hit));
                }
                if let Some(first) = nearby.first {
                    prop_assert_eq!(Some(first), first_from(&all, from));
                }
            }
            // In document order. (Not strictly: a class holding an accented letter, `[é]`
            // unfolded, also matches the lone accent of "é", giving the letter's range twice, as
            // the search always did.)
            prop_assert!(nearby.found.matches.windows(2).all(|w| w[0] <= w[1]));
        }
    }
}
