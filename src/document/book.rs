//! What a book brings besides its text: its metadata (title, authors, language, direction),
//! its own table of contents, the parts it was read from, and the places its internal links
//! and notes point to, all as [`Anchor`]s into the document's blocks. Filled in when a book
//! is loaded (EPUB); read by the outline, the plain output and the reader. Owns no text of the
//! document: labels and notes are looked up in the blocks.

use std::collections::HashMap;
use std::ops::Range;

use super::{Anchor, Document};

/// Which way the book's pages turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    #[default]
    LeftToRight,
    RightToLeft,
}

/// One entry of the book's own table of contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TocEntry {
    /// 1 = top.
    pub level: u8,
    /// As the book has it (sanitized, whitespace squashed).
    pub label: String,
    /// Where it points, as a key (`path` or `path#id`); `None` for an unlinked heading.
    pub target: Option<String>,
    /// The block and byte it points to; `None` when nothing in the book answers to it.
    pub anchor: Option<Anchor>,
}

/// One file of the spine, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// Path in the archive.
    pub path: String,
    /// Its blocks in the document (empty for a part with no text).
    pub blocks: Range<usize>,
    /// Why it could not be read, when it could not (missing, encrypted, too big).
    pub problem: Option<String>,
}

/// A place a link can point to: an element with an id, or the start of a part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    /// Where the element's text begins.
    pub start: Anchor,
    /// The last block the element covers (a note of several paragraphs spans several).
    pub last_block: usize,
}

/// A link inside the book, where its text is in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub block: usize,
    /// Byte range of the link's text in the block (for a note reference, its visible mark).
    pub range: Range<usize>,
    /// The key it points to (`path#id`).
    pub target: String,
    /// A footnote or endnote reference: `epub:type="noteref"`, or a link to a place whose
    /// text links straight back to it.
    pub is_note: bool,
    /// The key of the link itself (`path#id`) when it has an id: what a note's backlink names.
    pub own_key: Option<String>,
}

/// A note a reference points to: its blocks, and where its backlink returns to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub blocks: Range<usize>,
    pub start: Anchor,
    /// The place of the reference it belongs to.
    pub back: Anchor,
}

/// Everything a book knows about itself beyond its blocks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Book {
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub language: Option<String>,
    pub direction: Direction,
    pub toc: Vec<TocEntry>,
    pub parts: Vec<Part>,
    /// Every id in the book and every part's start, by key.
    pub targets: HashMap<String, Target>,
    /// Internal links in document order.
    pub links: Vec<Link>,
    /// What went wrong in reading it (a missing part, a part too big): one line each.
    pub problems: Vec<String>,
    /// Where reading starts when the book is opened fresh: the first part with text after a
    /// cover that is only a picture.
    pub start: Anchor,
}

impl Book {
    /// The place a key (`path` or `path#id`) names.
    pub fn target(&self, key: &str) -> Option<Target> {
        self.targets.get(key).copied().or_else(|| {
            // A fragment naming nothing still names its file.
            let (path, _) = key.split_once('#')?;
            self.targets.get(path).copied()
        })
    }

    /// The link whose text holds `anchor`, if any.
    pub fn link_at(&self, anchor: Anchor) -> Option<&Link> {
        let first = self.links.partition_point(|l| l.block < anchor.block);
        self.links[first..]
            .iter()
            .take_while(|l| l.block == anchor.block)
            .find(|l| l.range.contains(&anchor.byte) || l.range.end == anchor.byte)
    }

    /// The links of one block, in order.
    pub fn links_in(&self, block: usize) -> &[Link] {
        let first = self.links.partition_point(|l| l.block < block);
        let end = self.links.partition_point(|l| l.block <= block);
        &self.links[first..end]
    }

    /// The note a reference points to, with its blocks and the way back.
    pub fn note(&self, link: &Link) -> Option<Note> {
        if !link.is_note {
            return None;
        }
        let target = self.target(&link.target)?;
        Some(Note {
            blocks: target.start.block..target.last_block + 1,
            start: target.start,
            back: Anchor::new(link.block, link.range.start),
        })
    }

    /// Where an internal link leads.
    pub fn follow(&self, link: &Link) -> Option<Anchor> {
        self.target(&link.target).map(|t| t.start)
    }

    /// Every note reference with its note, in reading order.
    pub fn notes(&self) -> impl Iterator<Item = (&Link, Note)> {
        self.links
            .iter()
            .filter_map(|link| self.note(link).map(|note| (link, note)))
    }
}

impl Document {
    /// The book's own information, for a document read from a book.
    pub fn book(&self) -> Option<&Book> {
        self.book.as_deref()
    }

    /// The text of a note, its paragraphs joined by blank lines: what a pop-up shows.
    pub fn note_text(&self, note: &Note) -> String {
        let mut parts = Vec::new();
        for block in note.blocks.clone() {
            let text = self.text(block);
            let text = if block == note.start.block {
                text.get(note.start.byte..).unwrap_or(text)
            } else {
                text
            };
            if !text.trim().is_empty() {
                parts.push(text.trim());
            }
        }
        parts.join("\n\n")
    }
}
