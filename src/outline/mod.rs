//! The outline shown in the sidebar: entries built from the document's blocks — its title,
//! headings, sections found by lexical cohesion when there are no headings, one entry per body
//! paragraph, the author note, and the folded leftovers — each with a label that says what it
//! is about. The entries form a tree (headings or sections → paragraphs) through `parent`.
//! Reads the document; owns nothing else.

mod fit;
pub mod kinds;
pub mod label;
pub mod language;
pub mod links;
pub mod segment;
pub mod toc;
pub mod tokens;
pub mod words;

use crate::document::{BlockKind, Document};
pub use fit::{fit_heading_label, fit_label, label_rows, lead_phrase, told_apart};
use fit::{fits_whole, is_bare_number, whole_line_label};
use label::Labeler;

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
    /// The enclosing entry (a heading or section), if any: the outline as a tree.
    pub parent: Option<usize>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outline {
    pub entries: Vec<Entry>,
}

/// The columns a top-level label gets in the sidebar of a 120-column terminal (a 30-column
/// sidebar less its border and bookmark mark): labels are made to fit it whole.
pub const LABEL_COLUMNS: usize = 28;

/// The most body text whose words are all weighed for sections and labels: about four million
/// words, several times "War and Peace".
pub const ANALYSED_BODY_BYTES: usize = 24 << 20;

/// Up to this many body paragraphs with no heading, each paragraph is its own entry; past it
/// the text is divided into sections first.
const SHORT_TEXT_PARAGRAPHS: usize = 8;

impl Outline {
    /// The full outline: structure, sections found by lexical cohesion, key-phrase labels.
    ///
    /// A text with more body than [`ANALYSED_BODY_BYTES`] (many times the longest novel) keeps
    /// the provisional outline: its own headings and lead-phrase labels. Weighing every word of
    /// it would take far more memory than the text itself, and minutes.
    pub fn build(doc: &Document) -> Outline {
        // A book's own table of contents is its outline, when it has a useful one.
        if let Some(outline) = toc::outline(doc) {
            return outline;
        }
        if !Outline::is_analysed(doc) {
            return Outline::provisional(doc);
        }
        Outline::assemble(doc, Some(Labeler::new(doc)))
    }

    /// Whether [`Outline::build`] weighs the words of `doc`, that is, whether its outline is
    /// more than the provisional one. When it is not, the provisional outline is final and
    /// building it again would only hold a second copy of a long book's entries.
    pub fn is_analysed(doc: &Document) -> bool {
        let body_bytes: usize = doc
            .blocks
            .iter()
            .filter(|b| b.kind.is_body())
            .map(|b| b.text.len())
            .sum();
        body_bytes <= ANALYSED_BODY_BYTES
    }

    /// A quick outline for the first paint of a long book: the same structure (title,
    /// headings, paragraphs, byline, leftovers) with lead-phrase labels and no computed
    /// sections. The reader swaps in [`Outline::build`]'s result when it is ready.
    pub fn provisional(doc: &Document) -> Outline {
        if let Some(outline) = toc::outline(doc) {
            return outline;
        }
        Outline::assemble(doc, None)
    }

    fn assemble(doc: &Document, labeler: Option<Labeler>) -> Outline {
        let has_headings = doc.blocks.iter().any(|b| b.kind == BlockKind::Heading);
        let body: Vec<usize> = (0..doc.blocks.len())
            .filter(|&i| doc.blocks[i].kind.is_body())
            .collect();
        // Section starts (as block indices) when the text has no headings of its own.
        let mut section_starts: Vec<usize> =
            if labeler.is_some() && !has_headings && body.len() > SHORT_TEXT_PARAGRAPHS {
                segment::section_starts(doc, &body)
                    .into_iter()
                    .map(|i| body[i])
                    .collect()
            } else {
                Vec::new()
            };
        // In the text's order, once each: each section ends where the next starts.
        section_starts.sort_unstable();
        section_starts.dedup();
        // At most an entry a block and one a section: reserved at once, a book's entries are
        // not grown by doubling (which would leave up to half of them unused, or copied).
        let mut entries: Vec<Entry> = Vec::with_capacity(doc.blocks.len() + section_starts.len());
        // Open headings/sections by level, for parents: (level, entry index).
        let mut open: Vec<(u8, usize)> = Vec::new();
        let mut index = 0;
        while index < doc.blocks.len() {
            let block = &doc.blocks[index];
            let entry = |kind, level, label: String, text: String, last, parent| Entry {
                kind,
                level,
                label,
                text,
                first_block: index,
                last_block: last,
                line: block.line,
                parent,
            };
            match block.kind {
                BlockKind::Title => {
                    // A subtitle is a title block of its own: the entry reads them as one.
                    let mut last = index;
                    while doc
                        .blocks
                        .get(last + 1)
                        .is_some_and(|b| b.kind == BlockKind::Title)
                    {
                        last += 1;
                    }
                    let whole = doc.blocks[index..=last]
                        .iter()
                        .map(|b| b.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" ");
                    entries.push(entry(EntryKind::Title, 1, whole.clone(), whole, last, None));
                    index = last;
                }
                BlockKind::Byline => {
                    entries.push(entry(
                        EntryKind::Byline,
                        1,
                        lead_phrase(&block.text),
                        String::new(),
                        index,
                        None,
                    ));
                }
                BlockKind::Heading => {
                    let level = block.level.max(1);
                    open.retain(|&(l, _)| l < level);
                    let parent = open.last().map(|&(_, e)| e);
                    // A heading covers the blocks up to the next heading of its level or above.
                    let last = (index + 1..doc.blocks.len())
                        .find(|&i| {
                            doc.blocks[i].kind == BlockKind::Heading
                                && doc.blocks[i].level.max(1) <= level
                        })
                        .map_or(doc.blocks.len() - 1, |i| i - 1);
                    open.push((level, entries.len()));
                    // "Chapter 3" says where, not what: its computed label says what.
                    let label = match &labeler {
                        Some(labeler) if is_bare_number(&block.text) => {
                            let members: Vec<usize> = body
                                .iter()
                                .copied()
                                .filter(|&b| b > index && b <= last)
                                .collect();
                            let about = labeler.label(&members);
                            if about.is_empty() {
                                block.text.clone()
                            } else {
                                format!("{} · {about}", block.text)
                            }
                        }
                        _ => block.text.clone(),
                    };
                    entries.push(entry(
                        EntryKind::Heading,
                        level,
                        label,
                        block.text.clone(),
                        last,
                        parent,
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
                    // A folded table of contents says what it is.
                    let heading = block
                        .text
                        .trim()
                        .trim_end_matches(['.', ':'])
                        .to_lowercase();
                    let contents = block.fold == crate::document::Fold::Contents
                        || matches!(heading.as_str(), "contents" | "table of contents");
                    let what = if contents { "contents" } else { "leftovers" };
                    let label = format!("{what} ({count})");
                    // At the document's edges a fold is a row of its own; inside the text it
                    // sits under its section, so it does not part the sections from each other.
                    let interior = body.first().is_some_and(|&b| b < index)
                        && body.last().is_some_and(|&b| b > last);
                    // A saved page's link addresses, folded after the paragraph that links
                    // them, are that paragraph's: a row of leftovers after every paragraph
                    // with links would crowd the outline with what no reader looks for.
                    let only_addresses = doc.blocks[index..=last]
                        .iter()
                        .all(|b| b.fold == crate::document::Fold::LinkAddresses);
                    if only_addresses
                        && let Some(previous) = entries
                            .last_mut()
                            .filter(|e| e.kind == EntryKind::Paragraph)
                    {
                        previous.last_block = last;
                        index = last + 1;
                        continue;
                    }
                    let parent = open.last().map(|&(_, e)| e).filter(|_| interior);
                    let level = parent.map_or(1, |p| entries[p].level + 1);
                    entries.push(entry(
                        EntryKind::Leftovers,
                        level,
                        label,
                        String::new(),
                        last,
                        parent,
                    ));
                    index = last;
                }
                // The addresses of a Markdown text's links, which quire lists after the
                // section that links them ("\[2\] https://…"), are part of the entry before
                // them: no reader looks for them in the outline.
                _ if block.lists_a_link_address()
                    && section_starts.binary_search(&index).is_err()
                    && entries
                        .last()
                        .is_some_and(|e| e.kind == EntryKind::Paragraph) =>
                {
                    if let Some(previous) = entries.last_mut() {
                        previous.last_block = index;
                    }
                }
                _ => {
                    // Section starts are in the text's order: found by a binary search, not
                    // a scan for every paragraph of a book.
                    if let Ok(pos) = section_starts.binary_search(&index) {
                        let end = section_starts.get(pos + 1).copied().unwrap_or(usize::MAX);
                        let members: Vec<usize> = body
                            .iter()
                            .copied()
                            .filter(|&b| b >= index && b < end)
                            .collect();
                        let last = members.last().copied().unwrap_or(index);
                        open.clear();
                        open.push((1, entries.len()));
                        entries.push(entry(
                            EntryKind::Section,
                            1,
                            labeler
                                .as_ref()
                                .map_or_else(String::new, |l| l.label(&members)),
                            String::new(),
                            last,
                            None,
                        ));
                    }
                    let parent = open.last().map(|&(_, e)| e);
                    let level = parent.map_or(1, |p| entries[p].level + 1);
                    // A list of short items (names, links, commands) is one entry, said by its
                    // items: a row for each would crowd out the sections around it.
                    let list_end = short_list_end(doc, index, &section_starts);
                    if list_end >= index + SHORTEST_LIST_ENTRY - 1 {
                        let items = doc.blocks[index..=list_end]
                            .iter()
                            .filter(|b| !b.lists_a_link_address())
                            .map(|b| whole_line_label(without_list_mark(&b.text)));
                        entries.push(entry(
                            EntryKind::Paragraph,
                            level,
                            list_label(items),
                            String::new(),
                            list_end,
                            parent,
                        ));
                        index = list_end + 1;
                        continue;
                    }
                    // A line short enough to show whole (a contents entry, a list item) is its
                    // own best label; key phrases are for paragraphs too long to show.
                    let prose = block.kind != BlockKind::Code;
                    // A line of a table of contents is named by the title it lists.
                    let listed = || {
                        prose
                            .then(|| kinds::contents_line_title(&block.text))
                            .flatten()
                    };
                    entries.push(entry(
                        EntryKind::Paragraph,
                        level,
                        if prose && fits_whole(&block.text) {
                            whole_line_label(&block.text)
                        } else if let Some(title) = listed() {
                            title
                        } else {
                            labeler
                                .as_ref()
                                .map_or_else(|| lead_phrase(&block.text), |l| l.label(&[index]))
                        },
                        String::new(),
                        index,
                        parent,
                    ));
                }
            }
            index += 1;
        }
        entries.shrink_to_fit();
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
        self.entries.get(self.section_index_for_block(block)?)
    }

    /// The index of [`Outline::section_for_block`]'s entry.
    pub fn section_index_for_block(&self, block: usize) -> Option<usize> {
        let at = self.entry_for_block(block)?;
        let section = self.entries[..=at]
            .iter()
            .rposition(|e| matches!(e.kind, EntryKind::Heading | EntryKind::Section));
        Some(section.unwrap_or(at))
    }
}

/// The fewest items of a list of short items that make one outline entry.
const SHORTEST_LIST_ENTRY: usize = 3;

/// A list's label: its items, as many as a few rows of the sidebar show, then "…".
fn list_label(items: impl Iterator<Item = String>) -> String {
    use unicode_width::UnicodeWidthStr;
    let mut label = String::new();
    for item in items {
        if !label.is_empty() {
            if label.width() + item.width() > LABEL_COLUMNS * 3 {
                label.push_str(" …");
                break;
            }
            label.push_str(" · ");
        }
        label.push_str(&item);
    }
    label
}

/// An item of a plain text's list without the mark it was set with ("- ", "* ", "+ ").
fn without_list_mark(text: &str) -> &str {
    let trimmed = text.trim_start();
    ["- ", "* ", "+ "]
        .iter()
        .find_map(|mark| trimmed.strip_prefix(mark))
        .unwrap_or(text)
}

/// The last block of the list of short items that opens at `first`: items of one level, each
/// short enough to be its own label, with the addresses of their links among them; `first`
/// itself when no such list opens there. A section's start ends the list.
fn short_list_end(doc: &Document, first: usize, section_starts: &[usize]) -> usize {
    let short_item = |block: &crate::document::Block, level: u8| {
        block.kind == BlockKind::ListItem
            && block.level == level
            && !block.lists_a_link_address()
            && fits_whole(&block.text)
    };
    let level = doc.blocks[first].level;
    if !short_item(&doc.blocks[first], level) {
        return first;
    }
    let (mut end, mut items) = (first, 1);
    for (i, block) in doc.blocks.iter().enumerate().skip(first + 1) {
        if section_starts.binary_search(&i).is_ok() {
            break;
        }
        if short_item(block, level) {
            items += 1;
        } else if !block.lists_a_link_address() {
            break;
        }
        end = i;
    }
    if items >= SHORTEST_LIST_ENTRY {
        end
    } else {
        first
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_too_big_to_weigh_keeps_its_provisional_outline() {
        let paragraph = "Words of a very long text that goes on and on without a heading. ";
        let mut text = String::new();
        while text.len() <= ANALYSED_BODY_BYTES + (1 << 20) {
            for _ in 0..100 {
                text.push_str(paragraph);
            }
            text.push_str("\n\n");
        }
        let doc = Document::from_text(&text, "huge.txt");
        let outline = Outline::build(&doc);
        // Compared without printing: a failure would print thousands of entries.
        assert!(outline == Outline::provisional(&doc));
        assert!(outline.entries.iter().all(|e| e.kind != EntryKind::Section));
    }

    #[test]
    fn a_chapter_with_only_a_number_is_labelled_with_what_it_is_about() {
        let mut text = String::from("Two Orchards\n\n");
        for (n, (fruit, other)) in [("apples", "cider"), ("pears", "perry")].iter().enumerate() {
            text.push_str(&format!("Chapter {}\n\n", n + 1));
            for _ in 0..3 {
                text.push_str(&format!(
                    "The {fruit} ripened late that year, and the {fruit} went to the press for {other}; everyone spoke of {fruit} and {other} all autumn.\n\n"
                ));
            }
        }
        text.push_str("CHAPTER 3. The Harvest\n\nThe harvest came in and the barns were full of apples and pears alike.\n");
        let doc = Document::from_text(&text, "orchards.txt");
        let outline = Outline::build(&doc);
        let headings: Vec<&Entry> = outline
            .entries
            .iter()
            .filter(|e| e.kind == EntryKind::Heading)
            .collect();
        assert_eq!(headings.len(), 3, "{headings:#?}");
        assert!(
            headings[0].label.starts_with("Chapter 1 · "),
            "{headings:#?}"
        );
        assert!(headings[0].label.contains("apples"), "{headings:#?}");
        assert!(headings[1].label.contains("pears"), "{headings:#?}");
        assert_eq!(
            headings[0].text, "Chapter 1",
            "the heading's own text stays"
        );
        assert_eq!(
            headings[2].label, "CHAPTER 3. The Harvest",
            "a titled chapter keeps its title"
        );
    }

    #[test]
    fn a_fold_inside_the_text_sits_under_its_section_and_one_at_an_edge_stands_alone() {
        let mut doc = Document::from_text(
            "A Page\n\n# First\n\nThe first part of the article, with enough words to be prose.\n\nShare this\n\nThe second paragraph of the first part, also prose of a kind.\n\n# Second\n\nThe second part of the article, with its own words in it.\n\nCookie policy\n",
            "page.md",
        );
        // Fold the share row (inside) and the cookie line (at the end).
        for block in &mut doc.blocks {
            if block.text == "Share this" || block.text == "Cookie policy" {
                block.kind = BlockKind::Leftover;
            }
        }
        let outline = Outline::build(&doc);
        let folds: Vec<(u8, Option<usize>)> = outline
            .entries
            .iter()
            .filter(|e| e.kind == EntryKind::Leftovers)
            .map(|e| (e.level, e.parent))
            .collect();
        let first = outline
            .entries
            .iter()
            .position(|e| e.label == "First")
            .expect("the first heading");
        let first_level = outline.entries[first].level;
        assert_eq!(
            folds,
            [(first_level + 1, Some(first)), (1, None)],
            "{:#?}",
            outline.entries
        );
    }

    #[test]
    fn a_folded_table_of_contents_is_called_contents() {
        let mut text = String::from("A Book\n\nCONTENTS\n\n");
        for n in 1..=6 {
            text.push_str(&format!("CHAPTER {n}. Name\n\n"));
        }
        text.push_str("CHAPTER 1. Name\n\nCall me Ishmael, and listen to the story I have to tell of the sea.\n");
        let outline = Outline::build(&Document::from_text(&text, "book.txt"));
        let folded: Vec<&str> = outline
            .entries
            .iter()
            .filter(|e| e.kind == EntryKind::Leftovers)
            .map(|e| e.label.as_str())
            .collect();
        assert_eq!(folded, ["contents (7)"], "{:#?}", outline.entries);
    }

    #[test]
    fn a_table_of_contents_kept_line_for_line_is_called_contents() {
        let text = "A Memo\n\nTable of Contents\n\n   1.  Introduction . . . . . . . . . . . . . . . . . . . . . . . . . .   2\n   2.  Definitions of Important Security Terms  . . . . . . . . . .   3\n   3.  Services Provided by the Domain Name System  . . . . . . . .   7\n\n1.  Introduction\n\nThis memo introduces the security extensions of the domain name system and what they are for.\n";
        let doc = Document::from_text(text, "memo.txt");
        let outline = Outline::build(&doc);
        let contents: Vec<(&str, BlockKind)> = outline
            .entries
            .iter()
            .filter(|e| e.kind == EntryKind::Paragraph)
            .map(|e| (e.label.as_str(), doc.blocks[e.first_block].kind))
            .take(1)
            .collect();
        assert_eq!(
            contents,
            [("Contents", BlockKind::Code)],
            "{:#?}",
            outline.entries
        );
    }

    #[test]
    fn lines_of_a_table_of_contents_are_named_by_their_titles() {
        // Entries set apart by blank lines are paragraphs of their own, each named by its title.
        let text = "A Book\n\nCONTENTS\n\nThe Shepherd . . . . . . . . . 3\n\nThe Echoing Green . . . . . . . 4\n\nThe Lamb . . . . . . . . . . . 6\n\nTHE SHEPHERD\n\nHow sweet is the shepherd’s sweet lot, from the morn to the evening he strays; he shall follow his sheep all the day.\n";
        let outline = Outline::build(&Document::from_text(text, "book.txt"));
        let labels: Vec<&str> = outline
            .entries
            .iter()
            .filter(|e| e.kind == EntryKind::Paragraph)
            .map(|e| e.label.as_str())
            .collect();
        assert_eq!(
            labels[..3],
            ["The Shepherd", "The Echoing Green", "The Lamb"],
            "{:#?}",
            outline.entries
        );
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
        // Labels are computed key phrases, not the paragraphs' first words.
        for entry in &outline.entries[1..6] {
            let lead = lead_phrase(&doc.blocks[entry.first_block].text);
            assert_ne!(entry.label, lead, "{}", entry.label);
        }
    }

    #[test]
    fn a_title_and_its_subtitle_are_one_entry_and_name_the_document() {
        let body = "Call me Ishmael. Some years ago, never mind how long precisely, I went to sea.\n\nWhenever I find myself growing grim about the mouth, I account it high time.";
        let text = format!("MOBY-DICK;\n\nor, THE WHALE.\n\nBy Herman Melville\n\n{body}");
        let doc = Document::from_text(&text, "file name");
        assert_eq!(doc.name, "MOBY-DICK; or, THE WHALE.");
        let outline = Outline::build(&doc);
        let title = &outline.entries[0];
        assert_eq!(title.kind, EntryKind::Title);
        assert_eq!(title.label, "MOBY-DICK; or, THE WHALE.");
        assert_eq!((title.first_block, title.last_block), (0, 1));
        assert_eq!(outline.entries[1].kind, EntryKind::Byline);
        assert_eq!(outline.entry_for_block(1), Some(0));
    }

    #[test]
    fn a_long_text_without_headings_becomes_sections_of_paragraphs() {
        let ships =
            "The ship sailed the ocean; sailors hauled ropes, mended sails and watched the waves.";
        let bread =
            "The baker kneaded dough; flour, yeast and ovens made the bread rise each morning.";
        let text = [vec![ships; 6], vec![bread; 6]].concat().join("\n\n");
        let doc = Document::from_text(&text, "t");
        let outline = Outline::build(&doc);
        let sections: Vec<&Entry> = outline
            .entries
            .iter()
            .filter(|e| e.kind == EntryKind::Section)
            .collect();
        assert_eq!(sections.len(), 2);
        assert_eq!((sections[0].first_block, sections[0].last_block), (0, 5));
        let paragraph = &outline.entries[1];
        assert_eq!(
            (paragraph.kind, paragraph.level, paragraph.parent),
            (EntryKind::Paragraph, 2, Some(0))
        );
        assert!(
            sections[1].label.to_lowercase().contains("bread")
                || sections[1].label.to_lowercase().contains("baker")
                || sections[1].label.to_lowercase().contains("dough"),
            "{}",
            sections[1].label
        );
    }

    #[test]
    fn short_lines_are_labelled_with_their_own_words() {
        let prose = "A long paragraph of the guide, with more words than a sidebar could ever show at once, about whales and their ways.";
        let text =
            format!("{prose}\n\n- CHAPTER 1. The Whale Line\n- CHAPTER 2. The Cassock\n\n{prose}");
        let doc = Document::from_text(&text, "t");
        let outline = Outline::build(&doc);
        let labels: Vec<&str> = outline.entries.iter().map(|e| e.label.as_str()).collect();
        assert!(labels.contains(&"- CHAPTER 2. The Cassock"), "{labels:?}");
        let last = outline.entries.last().expect("entries");
        assert_ne!(last.label, doc.blocks[last.first_block].text);
    }

    #[test]
    fn a_list_of_short_items_is_one_entry_said_by_its_items() {
        let prose = "A long paragraph of the guide, with more words than a sidebar could ever show at once, about whales and their ways.";
        let text = format!(
            "{prose}\n\n- The Whale Line\n- The Cassock\n- The Try-Works\n- The Lamp\n\n{prose}"
        );
        let doc = Document::from_text(&text, "t");
        let outline = Outline::build(&doc);
        let list = outline
            .entries
            .iter()
            .find(|e| e.label.starts_with("The Whale Line"))
            .expect("an entry for the list");
        assert_eq!(
            list.label,
            "The Whale Line · The Cassock · The Try-Works · The Lamp"
        );
        let items: Vec<usize> = (0..doc.blocks.len())
            .filter(|&i| doc.blocks[i].kind == BlockKind::ListItem)
            .collect();
        assert_eq!(items.len(), 4, "{:#?}", doc.blocks);
        assert_eq!((list.first_block, list.last_block), (items[0], items[3]));
        // Every item is found in that entry; the paragraphs around it keep their own.
        for &item in &items {
            assert_eq!(
                outline.entries[outline.entry_for_block(item).unwrap()].label,
                list.label
            );
        }
        assert_eq!(outline.entries.len(), 3, "{:#?}", outline.entries);
    }

    #[test]
    fn a_long_list_is_said_by_its_first_items() {
        let items: String = (1..=30).map(|n| format!("- Item number {n}\n")).collect();
        let md = format!("# Things\n\nA list follows.\n\n{items}");
        let doc = Document::structure(&md, "t.md", crate::document::Format::Markdown);
        let outline = Outline::build(&doc);
        let list = outline.entries.last().expect("entries");
        assert!(
            list.label.starts_with("Item number 1 · Item number 2 · "),
            "{}",
            list.label
        );
        assert!(list.label.ends_with(" …"), "{}", list.label);
        assert!(
            list.label.chars().count() < LABEL_COLUMNS * 4,
            "{}",
            list.label
        );
    }

    #[test]
    fn link_addresses_belong_to_the_paragraph_that_links_them() {
        // Markdown: the addresses quire lists after a section are no entries of their own.
        let md = "# Guide\n\nRead [the manual](https://example.org/manual) and [the tour](https://example.org/tour) first.\n\nThen a second paragraph of the guide, long enough to be labelled by its words.\n";
        let doc = Document::structure(md, "guide.md", crate::document::Format::Markdown);
        let addresses: Vec<usize> = (0..doc.blocks.len())
            .filter(|&i| doc.blocks[i].lists_a_link_address())
            .collect();
        assert_eq!(addresses.len(), 2, "{:#?}", doc.blocks);
        let outline = Outline::build(&doc);
        for &address in &addresses {
            let entry = &outline.entries[outline.entry_for_block(address).unwrap()];
            assert_eq!(entry.kind, EntryKind::Paragraph);
            assert!(entry.first_block < address && entry.last_block >= address);
            assert!(!entry.label.contains("https://"), "{}", entry.label);
        }
        assert!(outline.entries.iter().all(|e| !e.label.starts_with('[')));

        // A saved page: its link addresses are folded after each paragraph, and the fold
        // makes no row of leftovers between the paragraphs.
        let sentence = "The harbour was quiet in the morning, and the boats lay still at their moorings while the gulls walked on the quay.";
        let html = format!(
            "<html><head><title>Harbour</title></head><body><article><h1>Harbour</h1>\
             <h2>Tides</h2><p>{sentence} See <a href=\"https://example.org/tides\">the tides</a>.</p>\
             <p>{sentence} {sentence}</p><h2>Boats</h2><p>{sentence} {sentence}</p>\
             <p>{sentence} Read <a href=\"https://example.org/boats\">the boats</a>.</p>\
             </article></body></html>"
        );
        let doc = Document::structure(&html, "harbour.html", crate::document::Format::Html);
        let folded: Vec<usize> = (0..doc.blocks.len())
            .filter(|&i| doc.blocks[i].fold == crate::document::Fold::LinkAddresses)
            .collect();
        assert!(!folded.is_empty(), "{:#?}", doc.blocks);
        let outline = Outline::build(&doc);
        assert!(
            outline
                .entries
                .iter()
                .all(|e| e.kind != EntryKind::Leftovers),
            "{:#?}",
            outline.entries
        );
        for &address in &folded {
            let entry = &outline.entries[outline.entry_for_block(address).unwrap()];
            assert_eq!(entry.kind, EntryKind::Paragraph);
            assert_eq!(entry.last_block, address);
        }
    }

    #[test]
    fn paragraphs_hang_under_their_heading() {
        let doc = Document::from_text(
            "# Guide\n\nIntro words here.\n\n## Setup\n\nRun the installer now.\n\n### Details\n\nMore about setup.",
            "t",
        );
        let outline = Outline::build(&doc);
        let setup = outline
            .entries
            .iter()
            .position(|e| e.text == "Setup")
            .expect("heading");
        let details = outline
            .entries
            .iter()
            .position(|e| e.text == "Details")
            .expect("heading");
        assert_eq!(outline.entries[details].parent, Some(setup));
        assert_eq!(outline.entries[setup].last_block, doc.blocks.len() - 1);
        assert_eq!(
            outline.entries.last().expect("entries").parent,
            Some(details)
        );
    }
}
