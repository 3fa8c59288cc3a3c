//! Counts over a document, made once: the body words before each block (for "time left") and
//! each block's body paragraph number. That number is the one quire shows everywhere — "¶ k/n"
//! on the status line, `:¶12`, and `--outline` — and it counts body paragraphs only (not the
//! title, byline, headings or folded leftovers). Derived from the document, never changed.

use super::Document;

#[derive(Debug, Clone, Default)]
pub struct Totals {
    /// Body words before each block, and the total last.
    words_before: Vec<usize>,
    /// Body paragraph ordinal of each block (1-based; 0 before the first).
    paragraph_ordinal: Vec<usize>,
    paragraph_count: usize,
}

impl Totals {
    pub fn of(doc: &Document) -> Totals {
        let mut words_before = Vec::with_capacity(doc.blocks.len() + 1);
        let mut paragraph_ordinal = Vec::with_capacity(doc.blocks.len());
        let mut words = 0;
        let mut paragraphs = 0;
        for block in &doc.blocks {
            words_before.push(words);
            if block.kind.is_body() {
                paragraphs += 1;
                words += word_count(&block.text);
            }
            paragraph_ordinal.push(paragraphs);
        }
        words_before.push(words);
        Totals {
            words_before,
            paragraph_ordinal,
            paragraph_count: paragraphs,
        }
    }

    /// The body paragraph number of `block` itself, when it is a body paragraph.
    pub fn paragraph_number(&self, doc: &Document, block: usize) -> Option<usize> {
        let is_body = doc.blocks.get(block).is_some_and(|b| b.kind.is_body());
        is_body
            .then(|| self.paragraph_ordinal.get(block).copied())
            .flatten()
    }

    /// Body paragraph number of `block` (clamped to 1..=n) and the total, for "¶ k/n".
    pub fn paragraph_position(&self, block: usize) -> (usize, usize) {
        let k = self.paragraph_ordinal.get(block).copied().unwrap_or(0);
        (k.max(1).min(self.paragraph_count), self.paragraph_count)
    }

    /// Body words from `block` to the end.
    pub fn words_from(&self, block: usize) -> usize {
        let total = self.words_before.last().copied().unwrap_or(0);
        let done = self.words_before.get(block).copied().unwrap_or(total);
        total.saturating_sub(done)
    }

    /// The block of body paragraph `k` (1-based, as "¶ k/n" counts), if `doc` has one.
    pub fn block_of_paragraph(&self, doc: &Document, k: usize) -> Option<usize> {
        let block = self.paragraph_ordinal.partition_point(|&o| o < k);
        let is_it = self.paragraph_ordinal.get(block) == Some(&k)
            && doc.blocks.get(block).is_some_and(|b| b.kind.is_body());
        is_it.then_some(block)
    }
}

/// Words in a text, as `split_whitespace` counts them. ASCII text, most of what is read, is
/// counted byte by byte: done for every paragraph each time a book is opened, the general count
/// costs a tenth of a second per 25 MB.
fn word_count(text: &str) -> usize {
    if !text.is_ascii() {
        return text.split_whitespace().count();
    }
    let mut count = 0;
    let mut in_word = false;
    for &byte in text.as_bytes() {
        // The ASCII characters `char::is_whitespace` accepts.
        let space = matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C);
        count += usize::from(!space && !in_word);
        in_word = !space;
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn counts_words_as_split_whitespace_does(text in "[ -~\t\n\r\u{b}\u{c}\u{1c}\u{a0}é]{0,80}") {
            prop_assert_eq!(word_count(&text), text.split_whitespace().count());
        }
    }

    #[test]
    fn paragraphs_are_numbered_in_body_order() {
        let doc = Document::from_text("Title\n\nOne two three.\n\nFour five.\n", "t");
        let totals = Totals::of(&doc);
        let first = (0..doc.blocks.len())
            .find(|&b| doc.blocks[b].text.starts_with("One"))
            .unwrap();
        assert_eq!(totals.block_of_paragraph(&doc, 1), Some(first));
        assert_eq!(totals.paragraph_position(first).1, 2);
        assert_eq!(totals.words_from(first), 5);
        assert_eq!(totals.block_of_paragraph(&doc, 3), None);
    }
}
