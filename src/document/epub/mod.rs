//! EPUB books as documents. The archive is looked over first ([`archive`]: caps, DRM, unsafe
//! names), then `rbook` reads the container, the package document (metadata, manifest,
//! spine) and the table of contents (EPUB 3 nav or EPUB 2 NCX). Each spine file, in reading
//! order, is unpacked ([`part`]), parsed ([`tree`]) and written into one list of blocks
//! ([`chapter`]), so the whole book is one document: pages, search, bookmarks and the reading
//! place work across it. What the book knows about itself (metadata, TOC, ids, links, notes)
//! goes into a [`Book`].
//!
//! A part that cannot be read (missing, encrypted, too big) leaves a visible line in the text
//! where it would be and a line in [`Book::problems`]; only a book of which nothing can be
//! read is refused.

mod archive;
mod chapter;
mod lines;
mod part;
mod paths;
mod sink;
mod table;
mod tree;

use std::collections::HashSet;
use std::io::Cursor;
use std::sync::Arc;

use rbook::Epub;
use rbook::ebook::element::Href;
use rbook::ebook::spine::PageDirection;

use super::book::{Book, Direction, Part, TocEntry};
use super::sanitize::sanitize_line;
use super::{Anchor, BlockKind, Document, Format};
pub use archive::{BOOK_LIMIT, ENTRY_LIMIT, looks_like_zip};
use sink::Sink;

/// Why a book could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum BookError {
    #[error("not an EPUB: not a ZIP archive")]
    NotZip,
    #[error("not a readable EPUB: the ZIP archive is damaged or cut short ({0})")]
    Damaged(String),
    #[error("not an EPUB: a ZIP archive of {0} files without META-INF/container.xml")]
    NoContainer(usize),
    #[error("not a readable EPUB: {0}")]
    Package(String),
    #[error("not a readable EPUB: {path} is {} unpacked, more than quire reads", archive::mib(*.size))]
    TooBig { path: String, size: u64 },
    #[error("the book is encrypted (DRM); quire cannot read its text")]
    Encrypted,
    #[error("nothing in the book could be read: {0}")]
    NothingReadable(String),
}

/// Read a book from the bytes of its EPUB file.
pub fn load(bytes: Vec<u8>, fallback_name: &str) -> Result<Document, BookError> {
    read(Shared(Arc::new(bytes)), fallback_name, None).map(|(doc, _)| doc)
}

/// A book read for its first page ([`load_opening`]).
#[derive(Debug)]
pub enum BookOpening {
    /// Its opening: the start of the whole, which is still to be read.
    Begun(Document),
    /// All of it: the book was short enough to be read whole on the way.
    Whole(Document),
}

/// The opening of a book, for a first page that does not wait for the whole: its first
/// parts until at least `text_budget` bytes of text are written (the last of them only up to
/// the end of a block), with the book's metadata and the TOC entries that point into them.
/// Its blocks are the first blocks of the whole book's, so a place in it is the same place in
/// the whole. A short book is read whole on the way. `None` when the book cannot be read
/// (reading the whole says why). The bytes are shared, not copied: the whole is read from
/// them next.
pub fn load_opening(
    bytes: Arc<Vec<u8>>,
    fallback_name: &str,
    text_budget: usize,
) -> Option<BookOpening> {
    match read(Shared(bytes), fallback_name, Some(text_budget)) {
        Ok((doc, true)) => Some(BookOpening::Whole(doc)),
        Ok((doc, false)) => Some(BookOpening::Begun(doc)),
        Err(_) => None,
    }
}

/// The bytes of a book, shared and never copied: read by its opening and then by the whole,
/// and read a second time without the table of contents when that cannot be read.
#[derive(Clone)]
struct Shared(Arc<Vec<u8>>);

impl AsRef<[u8]> for Shared {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

/// The book's package, and what went wrong with its table of contents: one that cannot be
/// read costs the book its own outline (the outline is then built from the text), not the
/// book.
fn open(bytes: Shared) -> Result<(Epub, Option<String>), BookError> {
    let err = match Epub::options().read(Cursor::new(bytes.clone())) {
        Ok(epub) => return Ok((epub, None)),
        Err(err) => sanitize_line(&err.to_string()),
    };
    let epub = Epub::options()
        .skip_toc(true)
        .read(Cursor::new(bytes))
        .map_err(|_| BookError::Package(err.clone()))?;
    Ok((
        epub,
        Some(format!("the table of contents cannot be read: {err}")),
    ))
}

/// Read the book, or its opening when `text_budget` is given; also says whether the whole
/// book was read.
fn read(
    bytes: Shared,
    fallback_name: &str,
    text_budget: Option<usize>,
) -> Result<(Document, bool), BookError> {
    let source_len = bytes.as_ref().len();
    let survey = archive::survey(bytes.as_ref())?;
    if let Some((path, size)) = survey.oversized_package_file() {
        return Err(BookError::TooBig { path, size });
    }
    let (epub, toc_problem) = open(bytes)?;
    let mut book = metadata(&epub);
    book.problems.extend(toc_problem);
    let mut sink = Sink::default();
    let mut unpacked = 0u64;
    let mut seen = HashSet::new();
    let mut whole = true;
    // The part an opening ends inside: ids further on in it are not read yet.
    let mut cut_part = None;
    for (number, entry) in epub.spine().iter().enumerate() {
        if text_budget.is_some_and(|budget| sink.text_bytes >= budget) {
            whole = false;
            break;
        }
        sink.line = number + 1;
        let Some(item) = entry.manifest_entry() else {
            let idref = sanitize_line(entry.idref());
            book.problems.push(format!(
                "the spine names '{idref}', which the manifest lacks"
            ));
            continue;
        };
        let path = path_of(item.href());
        if !seen.insert(path.clone()) {
            continue;
        }
        let first = sink.blocks.len();
        // An opening reads as much markup from the part it ends in as it still needs text:
        // for prose about that much text, for poetry (a line a span) about half, still
        // screens of it.
        let source_budget =
            text_budget.map(|budget| budget.saturating_sub(sink.text_bytes).max(4096));
        let mut cut = false;
        let problem = match survey.refusal(&path, unpacked) {
            Some(refusal) => Some(refusal),
            None => {
                let declared = survey.sizes.get(&path).copied().unwrap_or(0);
                unpacked += declared;
                match part::read(&item, &path, declared, &mut sink, source_budget) {
                    Ok(was_cut) => {
                        cut = was_cut;
                        None
                    }
                    Err(problem) => Some(problem),
                }
            }
        };
        if let Some(problem) = &problem {
            missing_part(&mut sink, &path, problem);
            book.problems.push(format!("part {path}: {problem}"));
        }
        book.parts.push(Part {
            path,
            blocks: first..sink.blocks.len(),
            problem,
        });
        if cut {
            whole = false;
            cut_part = book.parts.last().map(|p| p.path.clone());
            break;
        }
    }
    sink.flush();
    if !book.parts.iter().any(|p| p.problem.is_none()) {
        let encrypted = !book.parts.is_empty()
            && book
                .parts
                .iter()
                .all(|p| survey.encrypted.contains(&p.path));
        if encrypted {
            return Err(BookError::Encrypted);
        }
        let why = book.problems.first().cloned();
        return Err(BookError::NothingReadable(
            why.unwrap_or_else(|| "its spine lists no text".into()),
        ));
    }
    book.toc = table_of_contents(&epub, &sink, cut_part.as_deref());
    if !whole {
        // Entries past the opening point nowhere in it yet.
        book.toc.retain(|entry| entry.anchor.is_some());
    }
    let name = book
        .title
        .clone()
        .unwrap_or_else(|| sanitize_line(fallback_name));
    let mut doc = finish(name, book, sink);
    // An opening says how big the book is as the whole does.
    doc.source_len = source_len;
    Ok((doc, whole))
}

/// Title, authors, language and page direction from the package document.
fn metadata(epub: &Epub) -> Book {
    let md = epub.metadata();
    let clean = |s: &str| Some(sanitize_line(s)).filter(|s| !s.is_empty());
    Book {
        title: md.title().and_then(|t| clean(t.value())),
        authors: md.creators().filter_map(|c| clean(c.value())).collect(),
        language: md.language().and_then(|l| clean(l.value())),
        direction: match epub.spine().page_direction() {
            PageDirection::RightToLeft => Direction::RightToLeft,
            _ => Direction::LeftToRight,
        },
        ..Book::default()
    }
}

/// An archive path from a package href ("/OEBPS/Text/%E4%B8%80.xhtml" → "OEBPS/Text/一.xhtml").
fn path_of(href: Href<'_>) -> String {
    let decoded = href.path().decode();
    paths::normalize(&decoded).unwrap_or_else(|| decoded.trim_start_matches('/').to_string())
}

/// A visible line where a part that could not be read belongs, so the text does not silently
/// skip it; links and the TOC still find its place.
fn missing_part(sink: &mut Sink, path: &str, problem: &str) {
    sink.flush();
    sink.begin_target(path.to_string());
    sink.start(BlockKind::Paragraph, 0);
    let line = format!("[part of the book not shown: {path}: {problem}]");
    sink.literal(&sanitize_line(&line), BlockKind::Paragraph);
    sink.flush();
    sink.end_target(path);
}

/// The book's own table of contents with each entry's place. An id the book lacks stands for
/// the start of its file, except in `cut_part`, whose rest is not read yet.
fn table_of_contents(epub: &Epub, sink: &Sink, cut_part: Option<&str>) -> Vec<TocEntry> {
    let Some(contents) = epub.toc().contents() else {
        return Vec::new();
    };
    contents
        .flatten()
        .map(|entry| {
            let target = entry.href().map(|href| {
                let fragment = href.fragment().map(paths::percent_decode);
                paths::key(&path_of(href), fragment.as_deref())
            });
            let anchor = target.as_deref().and_then(|key| {
                let file = key.split('#').next().unwrap_or(key);
                sink.targets
                    .get(key)
                    .or_else(|| {
                        let unread = cut_part == Some(file) && file != key;
                        sink.targets.get(file).filter(|_| !unread)
                    })
                    .map(|t| t.start)
            });
            TocEntry {
                level: u8::try_from(entry.depth().max(1)).unwrap_or(u8::MAX),
                label: sanitize_line(entry.label()),
                target,
                anchor,
            }
        })
        .collect()
}

/// The document: places clamped into the blocks, notes found by their backlinks, and where
/// reading starts.
fn finish(name: String, mut book: Book, sink: Sink) -> Document {
    let Sink {
        mut blocks,
        mut targets,
        mut links,
        ..
    } = sink;
    // An older Project Gutenberg book sets its header in a `pre` closed by the START marker,
    // with no section of its own to fold it by: it folds as the plain-text editions' does.
    if !blocks
        .iter()
        .any(|b| b.fold == crate::document::Fold::FrontMatter)
    {
        crate::document::html_book::mark_matter(&mut blocks);
    }
    let end = Anchor::new(
        blocks.len().saturating_sub(1),
        blocks.last().map_or(0, |b| b.text.len()),
    );
    for target in targets.values_mut() {
        if target.start.block >= blocks.len() {
            target.start = end;
        }
        target.last_block = target.last_block.clamp(target.start.block, end.block);
    }
    for entry in &mut book.toc {
        entry.anchor = entry
            .anchor
            .map(|a| if a.block >= blocks.len() { end } else { a });
    }
    links.sort_by_key(|l| (l.block, l.range.start));
    // A link to a place whose text links straight back to it is a note reference.
    let backlinks: HashSet<(usize, &str)> =
        links.iter().map(|l| (l.block, l.target.as_str())).collect();
    let notes: Vec<bool> = links
        .iter()
        .map(|link| {
            link.is_note
                || link.own_key.as_deref().is_some_and(|own| {
                    targets.get(&link.target).is_some_and(|t| {
                        (t.start.block..=t.last_block).any(|b| backlinks.contains(&(b, own)))
                    })
                })
        })
        .collect();
    for (link, is_note) in links.iter_mut().zip(notes) {
        link.is_note = is_note;
    }
    book.start = reading_start(&book, &blocks);
    book.targets = targets;
    book.links = links;
    Document {
        name,
        blocks,
        encoding: "UTF-8",
        format: Some(Format::Epub),
        book: Some(Box::new(book)),
        source_len: 0,
        line_marks: Vec::new(),
        source_stamp: None,
    }
}

/// The first part with words in it: a cover that is only a picture is passed over.
fn reading_start(book: &Book, blocks: &[super::Block]) -> Anchor {
    let is_picture = |text: &str| text.starts_with("[image") && text.ends_with(']');
    book.parts
        .iter()
        .find(|part| {
            blocks[part.blocks.clone()]
                .iter()
                .any(|b| !is_picture(&b.text))
        })
        .filter(|part| !part.blocks.is_empty())
        .map_or(Anchor::default(), |part| Anchor::new(part.blocks.start, 0))
}
