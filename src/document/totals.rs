//! Counts over a document, made once: the body words before each block (for "time left") and
//! each block's body paragraph number. That number is the one quire shows everywhere — "¶ k/n"
//! on the status line, `:¶12`, and `--outline` — and it counts body paragraphs only (not the
//! title, byline, headings or folded leftovers, nor the addresses of links quire lists after a
//! section: they belong to the paragraph before them). Derived from the document, never changed.

use super::Document;
use crate::text::script::{is_cjk, is_cjk_punctuation};

#[derive(Debug, Clone, Default)]
pub struct Totals {
    /// Body words before each block, and the total last. Chinese and Japanese characters are
    /// not words here: they are counted apart, in `cjk_before`.
    words_before: Vec<usize>,
    /// Body Chinese and Japanese characters (Han, kana) before each block, and the total last:
    /// those scripts are read by the character, at their own speed.
    cjk_before: Vec<usize>,
    /// Body paragraph ordinal of each block (1-based; 0 before the first).
    paragraph_ordinal: Vec<usize>,
    paragraph_count: usize,
}

impl Totals {
    pub fn of(doc: &Document) -> Totals {
        let mut words_before = Vec::with_capacity(doc.blocks.len() + 1);
        let mut cjk_before = Vec::new();
        let mut paragraph_ordinal = Vec::with_capacity(doc.blocks.len());
        let (mut words, mut cjk) = (0, 0);
        let mut paragraphs = 0;
        for (index, block) in doc.blocks.iter().enumerate() {
            words_before.push(words);
            if !cjk_before.is_empty() {
                cjk_before.push(cjk);
            }
            // A listed link address is part of the paragraph before it: neither a paragraph
            // of its own nor words to read.
            if block.kind.is_body() && !block.lists_a_link_address() {
                paragraphs += 1;
                let counted = count(&block.text);
                words += counted.words;
                if counted.cjk > 0 && cjk_before.is_empty() {
                    // The first CJK text: the blocks before it had none.
                    cjk_before = vec![0; index + 1];
                }
                cjk += counted.cjk;
            }
            paragraph_ordinal.push(paragraphs);
        }
        words_before.push(words);
        if !cjk_before.is_empty() {
            cjk_before.push(cjk);
        }
        Totals {
            words_before,
            cjk_before,
            paragraph_ordinal,
            paragraph_count: paragraphs,
        }
    }

    /// The body paragraph number of `block` itself, when it is a body paragraph (a listed link
    /// address has the number of the paragraph it follows).
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

    /// Body Chinese and Japanese characters from `block` to the end.
    pub fn cjk_from(&self, block: usize) -> usize {
        let total = self.cjk_before.last().copied().unwrap_or(0);
        let done = self.cjk_before.get(block).copied().unwrap_or(total);
        total.saturating_sub(done)
    }

    /// Minutes of reading from `block` to the end, at `words_per_minute` for words and
    /// `cjk_per_minute` for Chinese and Japanese characters.
    pub fn minutes_from(
        &self,
        block: usize,
        words_per_minute: usize,
        cjk_per_minute: usize,
    ) -> usize {
        let words = self.words_from(block) as f64 / words_per_minute.max(1) as f64;
        let cjk = self.cjk_from(block) as f64 / cjk_per_minute.max(1) as f64;
        (words + cjk).ceil() as usize
    }

    /// The share of the body's reading (words and Chinese and Japanese characters) before
    /// `place`, from 0 to 1: the blocks before it, and the part of its own block before its
    /// byte, in proportion. It depends on the text alone, not on how it is laid out, so it
    /// is the same on any screen. A text with nothing to read has read none of it.
    pub fn share_before(&self, doc: &Document, place: super::Anchor) -> f64 {
        let units = |block: usize| {
            let at = |list: &[usize]| list.get(block).or(list.last()).copied().unwrap_or(0);
            at(&self.words_before) + at(&self.cjk_before)
        };
        let total = units(usize::MAX);
        if total == 0 {
            return 0.0;
        }
        let before = units(place.block);
        let own = units(place.block.saturating_add(1)).saturating_sub(before);
        let within = doc
            .blocks
            .get(place.block)
            .filter(|b| !b.text.is_empty())
            .map_or(0.0, |b| {
                (place.byte.min(b.text.len()) as f64) / b.text.len() as f64
            });
        ((before as f64 + own as f64 * within) / total as f64).clamp(0.0, 1.0)
    }

    /// The block of body paragraph `k` (1-based, as "¶ k/n" counts), if `doc` has one.
    pub fn block_of_paragraph(&self, doc: &Document, k: usize) -> Option<usize> {
        let block = self.paragraph_ordinal.partition_point(|&o| o < k);
        let is_it = self.paragraph_ordinal.get(block) == Some(&k)
            && doc.blocks.get(block).is_some_and(|b| b.kind.is_body());
        is_it.then_some(block)
    }
}

/// What a paragraph holds to read: words, and Chinese and Japanese characters.
struct Counted {
    words: usize,
    cjk: usize,
}

/// What an ASCII character is to the count: a space ends a word, a letter or digit starts
/// one (or goes on with it), anything else (punctuation) does neither.
const ASCII_OTHER: u8 = 0;
const ASCII_SPACE: u8 = 1;
const ASCII_WORD: u8 = 2;

/// [`ASCII_OTHER`], [`ASCII_SPACE`] or [`ASCII_WORD`] for each ASCII byte.
static ASCII_CLASS: [u8; 128] = {
    let mut classes = [ASCII_OTHER; 128];
    let mut byte = 0;
    while byte < 128 {
        let b = byte as u8;
        if matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) {
            classes[byte] = ASCII_SPACE;
        } else if b.is_ascii_alphanumeric() {
            classes[byte] = ASCII_WORD;
        }
        byte += 1;
    }
    classes
};

/// Count a paragraph: each Han or kana character on its own (those scripts put no spaces
/// between words), and each run of other non-space text as a word.
fn count(text: &str) -> Counted {
    if text.is_ascii() {
        return Counted {
            words: word_count(text),
            cjk: 0,
        };
    }
    let (mut words, mut cjk) = (0, 0);
    // 1 inside a word, else 0: a number, so that the ASCII steps below take no branch.
    let mut in_word: usize = 0;
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        // Most of the letters even of a text with curly quotes are ASCII: taken a byte at a
        // time, and only the others decoded (a book is counted at every open).
        if let Some(&class) = ASCII_CLASS.get(usize::from(byte)) {
            at += 1;
            // Without branches: a word boundary falls about every sixth letter, which a
            // branch on each would keep guessing wrong.
            let word = usize::from(class == ASCII_WORD);
            let other = usize::from(class == ASCII_OTHER);
            words += word & !in_word & 1;
            in_word = word | (in_word & other);
            continue;
        }
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        at += c.len_utf8();
        if is_cjk(c) {
            cjk += 1;
            in_word = 0;
        } else if c.is_whitespace() || is_cjk_punctuation(c) {
            in_word = 0;
        } else if c.is_alphanumeric() {
            // A word starts at a letter or digit: a dash or a full stop alone is not one.
            words += 1 - in_word;
            in_word = 1;
        }
    }
    Counted { words, cjk }
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

    #[test]
    fn chinese_and_japanese_are_counted_by_the_character() {
        let c = count("天下大势，分久必合，合久必分。");
        assert_eq!((c.words, c.cjk), (0, 12));
        let mixed = count("東京 is the capital — とうきょう.");
        assert_eq!((mixed.words, mixed.cjk), (3, 7));
        let doc = Document::from_text("Title\n\nOne two three.\n\n天下大势，分久必合。\n", "t");
        let totals = Totals::of(&doc);
        assert_eq!(totals.words_from(0), 3);
        assert_eq!(totals.cjk_from(0), 8);
        // 3 words at 238 a minute and 8 characters at 500 a minute: a minute.
        assert_eq!(totals.minutes_from(0, 238, 500), 1);
        assert_eq!(totals.minutes_from(0, 1, 1), 11);
        assert_eq!(totals.minutes_from(doc.blocks.len(), 238, 500), 0);
    }

    proptest! {
        #[test]
        fn counts_words_as_split_whitespace_does(text in "[ -~\t\n\r\u{b}\u{c}\u{1c}\u{a0}é]{0,80}") {
            prop_assert_eq!(word_count(&text), text.split_whitespace().count());
        }

        #[test]
        fn ascii_letters_among_others_count_as_the_general_rule_does(
            text in "[ -~\t\n\r\u{b}\u{c}\u{a0}é“”—天下。，]{0,80}"
        ) {
            // The rule as written for any character, with no shortcut for ASCII letters in a
            // text that has others (a text all ASCII is counted as `split_whitespace` does).
            prop_assume!(!text.is_ascii());
            let (mut words, mut cjk, mut in_word) = (0, 0, false);
            for c in text.chars() {
                if is_cjk(c) {
                    cjk += 1;
                    in_word = false;
                } else if c.is_whitespace() || is_cjk_punctuation(c) {
                    in_word = false;
                } else if c.is_alphanumeric() {
                    words += usize::from(!in_word);
                    in_word = true;
                }
            }
            let counted = count(&text);
            prop_assert_eq!((counted.words, counted.cjk), (words, cjk));
        }
    }

    #[test]
    fn listed_link_addresses_are_no_paragraphs_of_their_own() {
        let md = "# Guide\n\nRead [the manual](https://example.org/manual) and \
                  [the tour](https://example.org/tour) first.\n\nThen a second paragraph.\n";
        let doc = Document::structure(md, "guide.md", super::super::Format::Markdown);
        let totals = Totals::of(&doc);
        let addresses: Vec<usize> = (0..doc.blocks.len())
            .filter(|&b| doc.blocks[b].lists_a_link_address())
            .collect();
        assert_eq!(addresses.len(), 2, "{:#?}", doc.blocks);
        let second = (0..doc.blocks.len())
            .find(|&b| doc.blocks[b].text.starts_with("Then"))
            .unwrap();
        assert_eq!(totals.paragraph_position(second), (2, 2));
        for &address in &addresses {
            // Numbered as the paragraph before it, and no words to read.
            assert_eq!(totals.paragraph_number(&doc, address), Some(2));
            assert_eq!(totals.words_from(address), 0);
        }
        assert_eq!(totals.block_of_paragraph(&doc, 2), Some(second));
        assert_eq!(totals.block_of_paragraph(&doc, 3), None);
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

    #[test]
    fn the_share_read_counts_the_text_before_the_place() {
        use crate::document::Anchor;
        let doc = Document::from_text(
            "Title\n\nOne two three four.\n\nFive six seven eight.\n\n天下大势分久必合\n",
            "t",
        );
        let totals = Totals::of(&doc);
        let share = |block, byte| totals.share_before(&doc, Anchor { block, byte });
        let second = (0..doc.blocks.len())
            .find(|&b| doc.blocks[b].text.starts_with("Five"))
            .unwrap();
        // Sixteen units: eight words and eight characters.
        assert_eq!(share(0, 0), 0.0);
        assert_eq!(share(second, 0), 4.0 / 16.0);
        // Halfway through the second paragraph's bytes, halfway through its words.
        let half = doc.blocks[second].text.len() / 2;
        assert!((share(second, half) - 6.0 / 16.0).abs() < 0.02);
        assert_eq!(share(doc.blocks.len(), 0), 1.0);
        let mut last = 0.0;
        for block in 0..=doc.blocks.len() {
            let now = share(block, 0);
            assert!(now >= last, "the share falls at block {block}");
            last = now;
        }
        let empty = Document::from_text("", "t");
        assert_eq!(
            Totals::of(&empty).share_before(&empty, Anchor::default()),
            0.0
        );
    }
}
