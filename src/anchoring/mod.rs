//! Places that survive edits. A passage is stored both as a [`Span`] (block + byte offsets) and
//! as a [`TextQuote`] — the passage's exact text with a little text before and after, the same
//! idea as the W3C Web Annotation TextQuoteSelector. When the document has changed, [`attach`]
//! finds the quote again: exactly first, then approximately (edit distance), else it reports
//! the passage orphaned. Also the document's content identity ([`content_hash`]).
//! Pure functions over a [`Document`]; no storage, no screen. The records kept for passages
//! and places ([`Bookmark`], [`Position`]) are in [`saved`].

mod saved;

pub use saved::{Bookmark, LineMark, Position, SeenPages};

use std::ops::Range;

use sha2::{Digest, Sha256};

use crate::document::{Anchor, Document};

/// How many chars of context a quote keeps on each side of the passage.
pub const CONTEXT_CHARS: usize = 32;

/// A passage: from `start` up to (not including) `end`, possibly across blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Span {
    pub start: Anchor,
    pub end: Anchor,
}

/// The text of a passage and its surroundings, enough to find it again in an edited text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TextQuote {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
}

/// Where a quote was found again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// The exact text is there (at its old place or elsewhere).
    Exact(Span),
    /// Text close to the quote is there; the passage was edited.
    Approximate(Span),
    /// Nothing close enough: the passage is gone from the document.
    Orphaned,
}

/// The identity of a document by content: SHA-256 of its words separated by single spaces, so
/// line ends, a byte-order mark, reflowed lines, the file's path or name do not change it; nor
/// does whether ruby readings are shown, which is the reader's choice.
pub fn content_hash(doc: &Document) -> String {
    let mut hasher = Sha256::new();
    for block in &doc.blocks {
        let text = without_readings(block);
        // A byte-order mark is not text (decoding drops it; a pasted one may remain).
        for word in text
            .split_whitespace()
            .map(|w| w.trim_matches('\u{feff}'))
            .filter(|w| !w.is_empty())
        {
            hasher.update(word.as_bytes());
            hasher.update(b" ");
        }
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A block's text without the ruby readings written into it.
fn without_readings(block: &crate::document::Block) -> std::borrow::Cow<'_, str> {
    let readings = block
        .spans
        .iter()
        .filter(|s| s.style == crate::document::Inline::Ruby);
    if readings.clone().next().is_none() {
        return std::borrow::Cow::Borrowed(&block.text);
    }
    let mut text = String::with_capacity(block.text.len());
    let mut from = 0;
    for reading in readings {
        text.push_str(block.text.get(from..reading.start).unwrap_or(""));
        from = from.max(reading.end);
    }
    text.push_str(block.text.get(from..).unwrap_or(""));
    std::borrow::Cow::Owned(text)
}

/// The document's blocks as one string (blocks joined by a newline), so passages that cross
/// blocks can be matched, with the mapping back to anchors.
#[derive(Debug, Clone)]
pub struct FlatText {
    pub text: String,
    /// Offset in `text` where each block starts.
    starts: Vec<usize>,
    /// The document block `text` starts with: 0 for the whole document, more for an excerpt.
    first_block: usize,
    /// The byte of that block `text` starts at: 0 unless an excerpt starts inside a long block.
    first_byte: usize,
}

/// How much text an excerpt keeps either side of its passage: more than a quote's context
/// and a reading position's text need.
const EXCERPT_MARGIN: usize = 1024;

impl FlatText {
    pub fn new(doc: &Document) -> FlatText {
        FlatText::of_blocks(doc, 0..doc.blocks.len(), 0, None)
    }

    /// The text around blocks `first..=last` only, with anchors still the document's: enough
    /// to quote a passage there without copying a whole book.
    pub fn around(doc: &Document, first: usize, last: usize) -> FlatText {
        FlatText::of_blocks(doc, FlatText::widened(doc, first, last), 0, None)
    }

    /// The text around `span` only, as [`FlatText::around`] keeps it, except that of a block
    /// longer than the margins only the part within them either side of the passage is kept:
    /// quoting a place in a book of one paragraph does not copy the book.
    pub fn around_span(doc: &Document, span: Span) -> FlatText {
        let count = doc.blocks.len();
        let last = span.end.block.min(count.saturating_sub(1));
        let first = span.start.block.min(last);
        let text_of = |block: usize| doc.blocks.get(block).map_or("", |b| b.text.as_str());
        let first_byte = if span.start.block == first {
            floor_boundary(
                text_of(first),
                span.start.byte.saturating_sub(EXCERPT_MARGIN),
            )
        } else {
            0
        };
        let last_text = text_of(last);
        let last_end = if span.end.block == last {
            ceil_boundary(last_text, span.end.byte.saturating_add(EXCERPT_MARGIN))
        } else {
            last_text.len()
        };
        let widened = FlatText::widened(doc, first, last);
        // A cut block holds the margin itself: no neighbour is needed on that side.
        let start = if first_byte > 0 { first } else { widened.start };
        let (end, cut_end) = if last_end < last_text.len() {
            (last + 1, Some(last_end))
        } else {
            (widened.end, None)
        };
        FlatText::of_blocks(doc, start..end.max(start), first_byte, cut_end)
    }

    /// Blocks `first..=last` and enough neighbours either side to hold the margins.
    fn widened(doc: &Document, first: usize, last: usize) -> Range<usize> {
        let count = doc.blocks.len();
        let last = last.min(count.saturating_sub(1));
        let mut start = first.min(last);
        let mut kept = 0;
        while start > 0 && kept < EXCERPT_MARGIN {
            start -= 1;
            kept += doc.blocks[start].text.len() + 1;
        }
        let mut end = last + 1;
        kept = 0;
        while end < count && kept < EXCERPT_MARGIN {
            kept += doc.blocks[end].text.len() + 1;
            end += 1;
        }
        start..end.min(count)
    }

    /// The text of `blocks`, the first from its byte `first_byte` and the last up to its
    /// byte `last_end` when given (both char boundaries).
    fn of_blocks(
        doc: &Document,
        blocks: Range<usize>,
        first_byte: usize,
        last_end: Option<usize>,
    ) -> FlatText {
        let first_block = blocks.start;
        let last = blocks.end.saturating_sub(1);
        let mut text = String::new();
        let mut starts = Vec::with_capacity(blocks.len());
        for (i, block) in doc.blocks[blocks].iter().enumerate() {
            if i > 0 {
                text.push('\n');
            }
            starts.push(text.len());
            let from = if i == 0 { first_byte } else { 0 };
            let to = match last_end {
                Some(end) if first_block + i == last => end,
                _ => block.text.len(),
            };
            text.push_str(block.text.get(from..to).unwrap_or_default());
        }
        FlatText {
            text,
            starts,
            first_block,
            first_byte,
        }
    }

    /// The flat offset of an anchor (clamped to the text).
    pub fn offset(&self, anchor: Anchor) -> usize {
        let Some(local) = anchor.block.checked_sub(self.first_block) else {
            return 0;
        };
        let Some(&start) = self.starts.get(local) else {
            return self.text.len();
        };
        let block_end = self
            .starts
            .get(local + 1)
            .map_or(self.text.len(), |&s| s - 1);
        let byte = if local == 0 {
            anchor.byte.saturating_sub(self.first_byte)
        } else {
            anchor.byte
        };
        (start + byte).min(block_end)
    }

    /// The anchor of a flat offset; the newline between blocks belongs to the next block.
    pub fn anchor(&self, offset: usize) -> Anchor {
        let local = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let start = self.starts.get(local).copied().unwrap_or(0);
        let skipped = if local == 0 { self.first_byte } else { 0 };
        Anchor::new(
            self.first_block + local,
            offset.saturating_sub(start) + skipped,
        )
    }

    /// Where a document block starts in `text`, if the text holds it.
    fn block_start(&self, block: usize) -> Option<usize> {
        self.starts
            .get(block.checked_sub(self.first_block)?)
            .copied()
    }

    fn span(&self, range: Range<usize>) -> Span {
        let mut end = self.anchor(range.end);
        // An end right after a block's last char names that block's end, not the next block.
        if range.end > range.start
            && end.byte == 0
            && end.block > 0
            && self.block_start(end.block) == Some(range.end)
            && self.block_start(end.block - 1).is_some()
        {
            end = self.anchor(range.end - 1);
        }
        Span {
            start: self.anchor(range.start),
            end,
        }
    }

    fn range(&self, span: Span) -> Range<usize> {
        let start = self.offset(span.start);
        start..self.offset(span.end).max(start)
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(self.range(span)).unwrap_or("")
    }

    /// The quote for a span: its text and up to [`CONTEXT_CHARS`] chars either side.
    pub fn quote(&self, span: Span) -> TextQuote {
        let range = self.range(span);
        let before = &self.text[..range.start];
        let prefix_start = before
            .char_indices()
            .rev()
            .nth(CONTEXT_CHARS - 1)
            .map_or(0, |(i, _)| i);
        let after = &self.text[range.end..];
        let suffix_len = after
            .char_indices()
            .nth(CONTEXT_CHARS)
            .map_or(after.len(), |(i, _)| i);
        TextQuote {
            exact: self.text[range.clone()].to_string(),
            prefix: before[prefix_start..].to_string(),
            suffix: after[..suffix_len].to_string(),
        }
    }
}

/// [`attach`] for a whole document whose flat text is built by `flat` only when needed: a
/// quote still exactly at its hint is checked against the blocks themselves, so re-opening
/// an unchanged book with a saved place does not copy the book.
pub fn attach_lazily<'f>(
    doc: &Document,
    flat: impl FnOnce() -> &'f FlatText,
    quote: &TextQuote,
    hint: Option<Span>,
) -> Placement {
    if let Some(hint) = hint
        && is_exactly_at(doc, hint, &quote.exact)
    {
        return Placement::Exact(hint);
    }
    attach(flat(), quote, hint)
}

/// Each block's text with where it starts in the whole document's flat text
/// ([`FlatText::new`]), computed without building it.
fn flat_blocks(doc: &Document) -> impl Iterator<Item = (usize, &str)> + '_ {
    doc.blocks.iter().scan(0usize, |next, block| {
        let start = *next;
        *next = start + block.text.len() + 1;
        Some((start, block.text.as_str()))
    })
}

/// [`FlatText::offset`] of the whole document's flat text, without building it.
pub fn flat_offset(doc: &Document, anchor: Anchor) -> usize {
    let mut end = 0;
    for (block, (start, text)) in flat_blocks(doc).enumerate() {
        if block == anchor.block {
            return start + anchor.byte.min(text.len());
        }
        end = start + text.len();
    }
    end
}

/// [`FlatText::anchor`] of the whole document's flat text, without building it.
pub fn flat_anchor(doc: &Document, offset: usize) -> Anchor {
    let mut found = Anchor::new(0, offset);
    for (block, (start, _)) in flat_blocks(doc).enumerate() {
        if start > offset {
            break;
        }
        found = Anchor::new(block, offset - start);
    }
    found
}

/// Whether the whole document's flat text reads `exact` over `span`, as
/// `FlatText::new(doc).slice(span) == exact` says, without building it. Bytes equal to valid
/// text can only start and end on char boundaries, so comparing bytes is enough. An empty
/// quote is at no place ([`attach`] calls it orphaned).
fn is_exactly_at(doc: &Document, span: Span, exact: &str) -> bool {
    if exact.is_empty() {
        return false;
    }
    let from = flat_offset(doc, span.start);
    let to = flat_offset(doc, span.end).max(from);
    if to - from != exact.len() {
        return false;
    }
    let mut expected = exact.as_bytes();
    for (start, text) in flat_blocks(doc) {
        if expected.is_empty() {
            break;
        }
        // Where the comparison has reached; blocks wholly before it are passed over.
        let at = from + (exact.len() - expected.len());
        if at > start + text.len() {
            continue;
        }
        let text = text.as_bytes().get(at - start..).unwrap_or_default();
        let (here, rest) = expected.split_at(text.len().min(expected.len()));
        if text.get(..here.len()) != Some(here) {
            return false;
        }
        expected = rest;
        if let Some((&separator, rest)) = expected.split_first() {
            if separator != b'\n' {
                return false;
            }
            expected = rest;
        }
    }
    expected.is_empty()
}

/// Find a quote in the document. `hint` is where it was last: an exact match there wins, and
/// among several matches the one with the most matching context, then the nearest, wins.
pub fn attach(flat: &FlatText, quote: &TextQuote, hint: Option<Span>) -> Placement {
    if quote.exact.is_empty() {
        return Placement::Orphaned;
    }
    if let Some(hint) = hint
        && flat.slice(hint) == quote.exact
    {
        return Placement::Exact(hint);
    }
    let near = hint.map_or(0, |h| flat.offset(h.start));
    let best = flat
        .text
        .match_indices(quote.exact.as_str())
        .map(|(at, _)| at)
        .max_by_key(|&at| {
            (
                context_score(&flat.text, at, at + quote.exact.len(), quote),
                usize::MAX - at.abs_diff(near),
            )
        });
    if let Some(at) = best {
        return Placement::Exact(flat.span(at..at + quote.exact.len()));
    }
    match approximate(&flat.text, quote, near) {
        Some(range) => Placement::Approximate(flat.span(range)),
        None => Placement::Orphaned,
    }
}

/// How many chars of the quote's prefix and suffix agree with the text around a match.
fn context_score(text: &str, start: usize, end: usize, quote: &TextQuote) -> usize {
    let before = text[..start]
        .chars()
        .rev()
        .zip(quote.prefix.chars().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let after = text[end..]
        .chars()
        .zip(quote.suffix.chars())
        .take_while(|(a, b)| a == b)
        .count();
    before + after
}

/// Length of the pieces of the quote looked up exactly to find where an edited passage may be.
const SEED_CHARS: usize = 16;
/// The most places each seed proposes, so a common phrase cannot make the search slow.
const SEED_HITS: usize = 8;
/// The most edits, as a share of the passage's length, a match may need and still count.
const MAX_EDIT_SHARE: f64 = 0.3;

/// Approximate search: short pieces of the passage and its context propose where the passage
/// starts; around each proposal an edit-distance alignment finds the closest text. Returns the
/// byte range of the best match within the allowed number of edits.
fn approximate(text: &str, quote: &TextQuote, near: usize) -> Option<Range<usize>> {
    let pattern: Vec<char> = quote.exact.chars().collect();
    let m = pattern.len();
    let mut proposals: Vec<usize> = Vec::new();
    let mut propose = |piece: &str, shift_back: usize, shift_forward: usize| {
        if piece.chars().count() < SEED_CHARS.min(m).max(4) {
            return;
        }
        for (at, _) in text.match_indices(piece).take(SEED_HITS) {
            proposals.push((at + shift_forward).saturating_sub(shift_back));
        }
    };
    let exact_pieces = [
        0,
        m.saturating_sub(SEED_CHARS) / 2,
        m.saturating_sub(SEED_CHARS),
    ];
    for start in exact_pieces {
        let piece: String = pattern.iter().skip(start).take(SEED_CHARS).collect();
        let back = quote.exact.chars().take(start).map(char::len_utf8).sum();
        propose(&piece, back, 0);
    }
    let prefix_tail: String = {
        let chars: Vec<char> = quote.prefix.chars().collect();
        chars[chars.len().saturating_sub(SEED_CHARS)..]
            .iter()
            .collect()
    };
    propose(&prefix_tail, 0, prefix_tail.len());
    let suffix_head: String = quote.suffix.chars().take(SEED_CHARS).collect();
    propose(&suffix_head, quote.exact.len(), 0);
    proposals.sort_unstable();
    proposals.dedup_by(|a, b| a.abs_diff(*b) < 8);

    let allowed = ((m as f64) * MAX_EDIT_SHARE).floor() as usize;
    let mut best: Option<(usize, usize, Range<usize>)> = None;
    for proposal in proposals {
        let slack = m / 3 + 8;
        let proposal = floor_boundary(text, proposal);
        let from = text[..proposal]
            .char_indices()
            .rev()
            .nth(slack.saturating_sub(1))
            .map_or(0, |(i, _)| i);
        let window: Vec<(usize, char)> = text[from..]
            .char_indices()
            .map(|(i, c)| (from + i, c))
            .take(m + 2 * slack)
            .collect();
        if let Some((distance, range)) = align(&pattern, &window, text.len())
            && distance <= allowed
        {
            let key = (distance, range.start.abs_diff(near));
            if best.as_ref().is_none_or(|(d, n, _)| key < (*d, *n)) {
                best = Some((key.0, key.1, range));
            }
        }
    }
    best.map(|(_, _, range)| range)
}

fn ceil_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The best place for `pattern` inside `window` (chars with their byte offsets), allowing free
/// text on both sides (semi-global edit distance). Returns the distance and the byte range.
fn align(
    pattern: &[char],
    window: &[(usize, char)],
    text_len: usize,
) -> Option<(usize, Range<usize>)> {
    let chars: Vec<char> = window.iter().map(|&(_, c)| c).collect();
    let (distance, end) = best_end(pattern, &chars)?;
    // Run backwards from the end to find where the best alignment starts.
    let reversed_pattern: Vec<char> = pattern.iter().rev().copied().collect();
    let reversed_window: Vec<char> = chars[..end].iter().rev().copied().collect();
    let (_, length) = best_end(&reversed_pattern, &reversed_window)?;
    let start = end - length;
    let byte_start = window.get(start).map_or(text_len, |&(b, _)| b);
    let byte_end = window.get(end).map_or_else(
        || window.last().map_or(text_len, |&(b, c)| b + c.len_utf8()),
        |&(b, _)| b,
    );
    Some((distance, byte_start..byte_end))
}

/// Sellers' algorithm: the lowest edit distance of `pattern` against any substring of `text`
/// ending at each position; returns the smallest and where that substring ends (exclusive).
fn best_end(pattern: &[char], text: &[char]) -> Option<(usize, usize)> {
    if pattern.is_empty() || text.is_empty() {
        return None;
    }
    let mut column: Vec<usize> = (0..=pattern.len()).collect();
    let mut best = (column[pattern.len()], 0);
    for (j, &c) in text.iter().enumerate() {
        let mut diagonal = column[0];
        column[0] = 0;
        for i in 1..=pattern.len() {
            let substitute = diagonal + usize::from(pattern[i - 1] != c);
            diagonal = column[i];
            column[i] = substitute.min(column[i] + 1).min(column[i - 1] + 1);
        }
        if column[pattern.len()] < best.0 {
            best = (column[pattern.len()], j + 1);
        }
    }
    Some(best)
}

/// How many chars after the reader's place are kept to find it again.
const POSITION_QUOTE_CHARS: usize = 48;

/// The reading position for `anchor`, with the text there.
pub fn position_at(flat: &FlatText, anchor: Anchor) -> Position {
    let start = flat.offset(anchor);
    let length: usize = flat.text[start..]
        .chars()
        .take(POSITION_QUOTE_CHARS)
        .map(char::len_utf8)
        .sum();
    let span = Span {
        start: anchor,
        end: flat.anchor(start + length),
    };
    let mut quote = flat.quote(span);
    quote.exact = flat.text[start..start + length].to_string();
    Position {
        anchor,
        quote,
        line: None,
        mark: None,
        pages: None,
    }
}

/// The reading position to save for `anchor` in `doc`, quoted from the text around it only;
/// for plain text, with the line its paragraph starts on and the line mark before it, so a
/// long file can be reopened there before it is read whole.
pub fn reading_position(doc: &Document, anchor: Anchor) -> Position {
    let around = FlatText::around_span(
        doc,
        Span {
            start: anchor,
            end: anchor,
        },
    );
    let mut position = position_at(&around, anchor);
    if doc.format.is_some_and(crate::document::Format::is_plain) {
        position.line = doc.blocks.get(anchor.block).map(|block| block.line);
        position.mark = position
            .line
            .and_then(|line| doc.line_mark_before(line))
            .map(|(line, byte)| LineMark { line, byte });
    }
    position
}

#[cfg(test)]
mod tests;
