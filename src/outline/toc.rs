//! A book's own table of contents as its outline: the entries, labels and levels the book
//! gives (EPUB nav or NCX), each at the block its link points to, nested by level so a long
//! one folds to its top entries. Used only when the TOC says something about the book: one
//! that points to a single place, or lists only front and back matter (cover, copyright,
//! licence), gives way to the outline built from the text.

use super::{Entry, EntryKind, Outline};
use crate::document::Document;
use crate::document::book::TocEntry;

/// Labels of front and back matter: a TOC of nothing else does not outline the book.
fn is_matter(label: &str) -> bool {
    let label = label.trim().trim_end_matches(['.', ':']).to_lowercase();
    matches!(
        label.as_str(),
        "cover"
            | "title"
            | "title page"
            | "titlepage"
            | "copyright"
            | "copyright page"
            | "imprint"
            | "colophon"
            | "licence"
            | "license"
            | "uncopyright"
            | "contents"
            | "table of contents"
    )
}

/// The outline from the book's TOC, when it has one worth using.
pub fn outline(doc: &Document) -> Option<Outline> {
    let toc = &doc.book()?.toc;
    if doc.blocks.is_empty() || !is_worth_using(toc) {
        return None;
    }
    let last_block = doc.blocks.len() - 1;
    // Each entry's first block: its own anchor, else (an unlinked heading) the next entry's,
    // never before the entry above it, so entries stay in reading order.
    let mut firsts = Vec::with_capacity(toc.len());
    let mut floor = 0;
    for (i, entry) in toc.iter().enumerate() {
        let own = entry
            .anchor
            .or_else(|| toc[i + 1..].iter().find_map(|e| e.anchor))
            .map_or(floor, |a| a.block.min(last_block));
        floor = own.max(floor);
        firsts.push(floor);
    }
    let mut entries = Vec::with_capacity(toc.len());
    let mut open: Vec<(u8, usize)> = Vec::new();
    for (i, entry) in toc.iter().enumerate() {
        let level = entry.level.max(1);
        open.retain(|&(l, _)| l < level);
        let parent = open.last().map(|&(_, e)| e);
        // An entry covers the blocks up to the next entry of its level or above.
        let end = (i + 1..toc.len())
            .find(|&j| toc[j].level.max(1) <= level)
            .map_or(last_block, |j| firsts[j].saturating_sub(1));
        let first = firsts[i];
        open.push((level, entries.len()));
        entries.push(Entry {
            kind: EntryKind::Heading,
            level,
            label: entry.label.clone(),
            text: entry.label.clone(),
            first_block: first,
            last_block: end.max(first),
            line: doc.blocks[first].line,
            parent,
        });
    }
    Some(Outline { entries })
}

/// At least two places, and something besides front and back matter.
fn is_worth_using(toc: &[TocEntry]) -> bool {
    let mut places: Vec<usize> = toc
        .iter()
        .filter_map(|e| e.anchor.map(|a| a.block))
        .collect();
    places.dedup();
    places.len() >= 2 && toc.iter().any(|e| !is_matter(&e.label))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::book::Book;
    use crate::document::{Anchor, Block, BlockKind};

    fn doc(toc: Vec<TocEntry>) -> Document {
        let blocks = (0..10)
            .map(|i| Block::new(BlockKind::Paragraph, format!("paragraph {i}"), i + 1))
            .collect();
        Document {
            name: "book".into(),
            blocks,
            encoding: "UTF-8",
            book: Some(Box::new(Book {
                toc,
                ..Book::default()
            })),
            ..Document::default()
        }
    }

    fn entry(level: u8, label: &str, block: Option<usize>) -> TocEntry {
        TocEntry {
            level,
            label: label.into(),
            target: block.map(|b| format!("t{b}")),
            anchor: block.map(|b| Anchor::new(b, 0)),
        }
    }

    #[test]
    fn nested_entries_cover_their_blocks_and_keep_their_parents() {
        let outline = outline(&doc(vec![
            entry(1, "Part I", Some(1)),
            entry(2, "I", Some(2)),
            entry(2, "II", Some(5)),
            entry(1, "Part II", Some(7)),
        ]))
        .unwrap();
        let shape: Vec<(&str, u8, usize, usize, Option<usize>)> = outline
            .entries
            .iter()
            .map(|e| {
                (
                    e.label.as_str(),
                    e.level,
                    e.first_block,
                    e.last_block,
                    e.parent,
                )
            })
            .collect();
        assert_eq!(
            shape,
            vec![
                ("Part I", 1, 1, 6, None),
                ("I", 2, 2, 4, Some(0)),
                ("II", 2, 5, 6, Some(0)),
                ("Part II", 1, 7, 9, None),
            ]
        );
    }

    #[test]
    fn unlinked_headings_take_their_first_child_and_order_is_kept() {
        let outline = outline(&doc(vec![
            entry(1, "Stories", None),
            entry(2, "One", Some(3)),
            entry(2, "Back", Some(1)),
        ]))
        .unwrap();
        let firsts: Vec<usize> = outline.entries.iter().map(|e| e.first_block).collect();
        assert_eq!(firsts, vec![3, 3, 3]);
    }

    #[test]
    fn a_toc_of_one_place_or_only_matter_gives_way() {
        assert!(outline(&doc(vec![entry(1, "License", Some(8))])).is_none());
        assert!(
            outline(&doc(vec![
                entry(1, "Cover", Some(0)),
                entry(1, "Copyright", Some(9)),
            ]))
            .is_none()
        );
        assert!(outline(&Document::default()).is_none());
    }
}
