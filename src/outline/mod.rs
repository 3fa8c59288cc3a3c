//! The outline shown in the sidebar: entries built from the document's blocks — its title,
//! headings, one entry per body paragraph, the author note, and the folded leftovers. Reads the
//! document; owns nothing else.

use crate::document::{BlockKind, Document};

/// What an outline entry stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    Title,
    Byline,
    Heading,
    Section,
    Paragraph,
    Leftovers,
}

impl EntryKind {
    pub fn name(self) -> &'static str {
        match self {
            EntryKind::Title => "title",
            EntryKind::Byline => "byline",
            EntryKind::Heading => "heading",
            EntryKind::Section => "section",
            EntryKind::Paragraph => "paragraph",
            EntryKind::Leftovers => "leftovers",
        }
    }
}

/// One line of the outline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub kind: EntryKind,
    /// Depth in the outline, 1 = top.
    pub level: u8,
    /// What the sidebar shows: fitted to its width when drawn.
    pub label: String,
    /// The entry's own text (a heading's words); empty for computed entries.
    pub text: String,
    /// First and last block (inclusive) the entry covers.
    pub first_block: usize,
    pub last_block: usize,
    /// 1-based source line where the entry starts.
    pub line: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outline {
    pub entries: Vec<Entry>,
}

/// How many words of a paragraph's lead make its label before the label is fitted.
const LEAD_WORDS: usize = 8;

impl Outline {
    pub fn build(doc: &Document) -> Outline {
        let mut entries: Vec<Entry> = Vec::new();
        let mut index = 0;
        while index < doc.blocks.len() {
            let block = &doc.blocks[index];
            let entry = |kind, level, label: String, text: String, last| Entry {
                kind,
                level,
                label,
                text,
                first_block: index,
                last_block: last,
                line: block.line,
            };
            match block.kind {
                BlockKind::Title => {
                    entries.push(entry(
                        EntryKind::Title,
                        1,
                        block.text.clone(),
                        block.text.clone(),
                        index,
                    ));
                }
                BlockKind::Byline => {
                    entries.push(entry(
                        EntryKind::Byline,
                        1,
                        lead_phrase(&block.text),
                        String::new(),
                        index,
                    ));
                }
                BlockKind::Heading => {
                    let level = block.level.max(1);
                    entries.push(entry(
                        EntryKind::Heading,
                        level,
                        block.text.clone(),
                        block.text.clone(),
                        index,
                    ));
                }
                BlockKind::Leftover => {
                    let mut last = index;
                    while last + 1 < doc.blocks.len()
                        && doc.blocks[last + 1].kind == BlockKind::Leftover
                    {
                        last += 1;
                    }
                    let count = last - index + 1;
                    let label = format!("leftovers ({count})");
                    entries.push(entry(EntryKind::Leftovers, 1, label, String::new(), last));
                    index = last;
                }
                _ => {
                    let level = entries
                        .iter()
                        .rev()
                        .find(|e| e.kind == EntryKind::Heading)
                        .map_or(1, |h| h.level + 1);
                    entries.push(entry(
                        EntryKind::Paragraph,
                        level,
                        lead_phrase(&block.text),
                        String::new(),
                        index,
                    ));
                }
            }
            index += 1;
        }
        Outline { entries }
    }

    /// The entry that contains a block: the last entry starting at or before it.
    pub fn entry_for_block(&self, block: usize) -> Option<usize> {
        let after = self.entries.partition_point(|e| e.first_block <= block);
        after.checked_sub(1)
    }

    /// The nearest enclosing section-like entry (heading, section, title) of a block: what the
    /// status line names as "where you are".
    pub fn section_for_block(&self, block: usize) -> Option<&Entry> {
        let at = self.entry_for_block(block)?;
        self.entries[..=at]
            .iter()
            .rev()
            .find(|e| matches!(e.kind, EntryKind::Heading | EntryKind::Section))
            .or_else(|| self.entries.get(at))
    }
}

/// The first few words of a text, as a provisional label.
pub fn lead_phrase(text: &str) -> String {
    let mut words = text.split_whitespace();
    let mut out = String::new();
    for word in words.by_ref().take(LEAD_WORDS) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    let trimmed = out.trim_end_matches([',', ';', ':', '.']);
    trimmed.to_string()
}

/// Fit a label into `width` columns without cutting a word in half: whole words, then "…".
/// A single word wider than the column is cut at a grapheme boundary as a last resort.
pub fn fit_label(label: &str, width: usize) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    use unicode_width::UnicodeWidthStr;
    if label.width() <= width {
        return label.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let budget = width - 1; // room for the ellipsis
    let mut out = String::new();
    for word in label.split_whitespace() {
        let candidate = if out.is_empty() {
            word.to_string()
        } else {
            format!("{out} {word}")
        };
        if candidate.width() > budget {
            break;
        }
        out = candidate;
    }
    if out.is_empty() {
        for g in label.graphemes(true) {
            if out.width() + g.width() > budget {
                break;
            }
            out.push_str(g);
        }
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_label_keeps_whole_words() {
        assert_eq!(fit_label("a gap in mutual trust", 12), "a gap in…");
        assert_eq!(fit_label("short", 12), "short");
        assert_eq!(fit_label("unbreakable", 5), "unbr…");
        assert_eq!(fit_label("anything", 0), "");
    }

    #[test]
    fn bundled_article_outline_has_title_paragraphs_byline_and_leftovers() {
        let doc = Document::from_text(crate::BUNDLED_ARTICLE, "bundled");
        let outline = Outline::build(&doc);
        let kinds: Vec<EntryKind> = outline.entries.iter().map(|e| e.kind).collect();
        use EntryKind::*;
        assert_eq!(
            kinds,
            vec![
                Title, Paragraph, Paragraph, Paragraph, Paragraph, Paragraph, Byline, Leftovers
            ]
        );
        assert_eq!(outline.entries[7].label, "leftovers (3)");
        assert_eq!(outline.entry_for_block(3), Some(3));
    }
}
