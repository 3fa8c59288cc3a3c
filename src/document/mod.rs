//! The document model: what a text *is* once loaded — title, byline, blocks and folded
//! leftovers — plus the [`Anchor`] that names a place in it. Everything downstream (outline,
//! layout, bookmarks, search) reads this; nothing downstream changes it.

pub mod book;
mod decode;
pub mod epub;
pub mod format;
mod html;
mod html_book;
mod html_items;
mod html_text;
pub mod input;
mod markdown;
mod nesting;
pub mod program;
pub mod sanitize;
mod sniff;
mod structure;
pub mod totals;
mod web_furniture;

use std::borrow::Cow;
use std::path::Path;
use std::sync::Arc;

pub use book::Book;
pub use decode::{Decoded, encoding_for_label};
pub use epub::{BookError, BookOpening};
pub use format::Format;
pub use html::body_text as html_body_text;
/// The words a page shows, for measuring what its reading keeps of them.
pub use html_text::visible_text as html_visible_text;

/// What a block of text is, as far as reading goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockKind {
    /// The document's title (at most one, first).
    Title,
    /// A byline or author note ("By …", "The author is …").
    Byline,
    /// A heading inside the text; its level is in [`Block::level`].
    Heading,
    /// Body prose.
    Paragraph,
    /// A block quote.
    Quote,
    /// One item of a list (bullet or number kept in the text).
    ListItem,
    /// Preformatted text: its lines are kept as they are, never reflowed.
    Code,
    /// Front/back matter and web-scrape debris: kept, but folded away by default.
    Leftover,
}

impl BlockKind {
    /// A short lower-case name, used by `--outline --json` and tests.
    pub fn name(self) -> &'static str {
        match self {
            BlockKind::Title => "title",
            BlockKind::Byline => "byline",
            BlockKind::Heading => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::Quote => "quote",
            BlockKind::ListItem => "list_item",
            BlockKind::Code => "code",
            BlockKind::Leftover => "leftovers",
        }
    }

    /// Body text counts toward reading time, search results grouping and segmentation.
    pub fn is_body(self) -> bool {
        matches!(
            self,
            BlockKind::Paragraph | BlockKind::Quote | BlockKind::ListItem | BlockKind::Code
        )
    }
}

/// One block of the document. Its text is already sanitized: no control character or escape
/// sequence survives in it, so it may be drawn as is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    /// Heading level (1 = top); 0 for blocks that are not headings.
    pub level: u8,
    pub text: String,
    /// 1-based line of the source where the block starts.
    pub line: usize,
    /// Inline styles (emphasis, strong, code, links) as byte ranges of `text`; empty for
    /// plain text. Ranges may nest; each lies on char boundaries.
    pub spans: Vec<Span>,
    /// For a [`BlockKind::Leftover`] block, what it is, so its fold can say what it holds.
    pub fold: Fold,
    /// Set close under the block before it, with no blank line between: the rows of a table,
    /// the items of a tight list, as the source set them.
    pub tight: bool,
    /// Where its lines sit across the column, and whether it starts a new page.
    pub placement: Placement,
    /// The source's markup notes that its text leaves out, kept where they stood so that
    /// plain output with every fold open writes them (in offset order).
    pub notes: Vec<Note>,
}

/// Where a block's lines sit across the column, besides what its kind gives them (a quote's
/// bar, a list item's hang): set in from the left, the first line further (the first-line
/// indent of a Chinese or Japanese paragraph), or set against the right edge; and whether the
/// block starts a new page. Chinese and Japanese texts say these (an indent of ideographic
/// spaces, Aozora Bunko's indentation and page-break notes); most blocks keep the default.
/// The layout clamps every indent so that a line keeps room for text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Placement {
    /// Columns before the text of the block's first line.
    pub first: u16,
    /// Columns before the text of each of its other lines.
    pub rest: u16,
    /// Set against the right edge of the column, this many columns short of it (a date or a
    /// signature under a text); the left indents are then not used.
    pub from_right: Option<u16>,
    /// The block starts a new page (what comes before it ends its page).
    pub new_page: bool,
    /// A preformatted block whose lines are words (verse set in by hand): a line too long
    /// for the screen turns over onto the next row, as a printed book turns a long line of
    /// verse, instead of being cut. Code, tables and figures are cut, as their columns ask.
    pub turn_over: bool,
}

/// A note of the source's markup that the reader is not shown: an Aozora Bunko input note
/// (`［＃「…」に傍点］`, a character outside the character set, an indentation), as written.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Note {
    /// Byte offset in the block's text where it stood (a char boundary).
    pub at: usize,
    pub text: String,
    /// It stood on a line of its own, before the block's text (or after it, at its end).
    pub alone: bool,
}

/// How ruby (the reading of a word, written small beside it in Japanese: `漢字《かんじ》` in
/// Aozora Bunko's notation) is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Ruby {
    /// After its word, in parentheses: `漢字(かんじ)`, as Japanese plain text writes it.
    #[default]
    Parentheses,
    /// Not at all: the base text alone, as a fluent reader reads it.
    Hidden,
}

impl Ruby {
    /// The name settings and the command line use.
    pub fn name(self) -> &'static str {
        match self {
            Ruby::Parentheses => "parentheses",
            Ruby::Hidden => "hidden",
        }
    }

    pub fn from_name(name: &str) -> Option<Ruby> {
        match name {
            "parentheses" => Some(Ruby::Parentheses),
            "hidden" => Some(Ruby::Hidden),
            _ => None,
        }
    }
}

/// What a folded block is. A fold names what it holds, since a reader will not open a fold
/// they have no reason to suspect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Fold {
    /// A web page's menus, share rows, comment forms, footers and the like.
    #[default]
    Furniture,
    /// What stands before the text: a distributor's header and credits, a memo's header fields.
    FrontMatter,
    /// What follows the text: a distributor's licence and colophon.
    BackMatter,
    /// A table of contents before the text.
    Contents,
    /// The addresses a web page's links point to, listed after the text that links them.
    LinkAddresses,
    /// A web page's pictures, with their captions, credits and gallery counters.
    Pictures,
}

impl Fold {
    /// What a fold of these blocks holds, in a few words.
    pub fn description(self) -> &'static str {
        match self {
            Fold::Furniture => "page furniture",
            Fold::FrontMatter => "front matter",
            Fold::BackMatter => "back matter",
            Fold::Contents => "table of contents",
            Fold::LinkAddresses => "link addresses",
            Fold::Pictures => "pictures and captions",
        }
    }

    /// What a run of folded blocks holds: its kinds in the order they first come ("front
    /// matter, table of contents").
    pub fn describe_run<'a>(blocks: impl IntoIterator<Item = &'a Block>) -> String {
        let mut seen: Vec<Fold> = Vec::new();
        for block in blocks {
            if !seen.contains(&block.fold) {
                seen.push(block.fold);
            }
        }
        let names: Vec<&str> = seen.iter().map(|f| f.description()).collect();
        match names.as_slice() {
            [] => Fold::default().description().to_string(),
            // Commas, not "and": a kind's own name may hold one ("pictures and captions").
            _ => names.join(", "),
        }
    }
}

/// An inline style over a byte range of a block's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub style: Inline,
}

/// The inline styles a document can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Inline {
    Emphasis,
    Strong,
    Code,
    /// Link text; its target is listed in the section's reference list.
    Link,
    Strikethrough,
    /// A ruby reading written after its word (`(かんじ)`): not part of the text's identity,
    /// since whether it is shown is the reader's choice.
    Ruby,
}

/// About how much text the opening of a book holds: more than a screen of 200×60 shows
/// (about 12 KB), several of an ordinary terminal, and little enough to be read in a few
/// milliseconds; the whole book follows in a fraction of a second.
pub const BOOK_OPENING_TEXT: usize = 16 * 1024;

/// How a document is to be loaded: user overrides of detection.
#[derive(Debug, Clone, Copy, Default)]
pub struct LoadOptions {
    /// Decode with this encoding instead of detecting one (`--encoding`).
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// Structure as this format instead of detecting one (`--format`).
    pub format: Option<Format>,
    /// Show binary files anyway, with visible placeholders, and read a device as if it were
    /// a file (`--force`).
    pub force: bool,
    /// Refuse to read more than this many bytes (`--max-size`); `None` is
    /// [`input::DEFAULT_MAX_SIZE`].
    pub max_size: Option<u64>,
    /// How ruby is shown (`--ruby`, `reading.ruby`).
    pub ruby: Ruby,
}

impl LoadOptions {
    /// The most bytes of a document that are read.
    pub fn max_size(&self) -> u64 {
        self.max_size.unwrap_or(input::DEFAULT_MAX_SIZE)
    }
}

impl Block {
    /// An entry of the list of link addresses quire sets after a section that links them
    /// ("\[3\] https://…"): the address of a link, not the document's text.
    pub fn lists_a_link_address(&self) -> bool {
        markdown::is_reference_entry(self)
    }

    pub fn new(kind: BlockKind, text: impl Into<String>, line: usize) -> Self {
        Block {
            kind,
            level: 0,
            text: text.into(),
            line,
            spans: Vec::new(),
            fold: Fold::default(),
            tight: false,
            placement: Placement::default(),
            notes: Vec::new(),
        }
    }

    /// Fold the block away as `why`: kept whole, shown when the reader opens its fold.
    pub fn fold_as(&mut self, why: Fold) {
        self.kind = BlockKind::Leftover;
        self.fold = why;
    }
}

/// A place in the document: a block and a byte offset into its text (on a char boundary).
/// Positions are always anchors, never screen lines, so they survive any relayout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Anchor {
    pub block: usize,
    pub byte: usize,
}

impl Anchor {
    pub fn new(block: usize, byte: usize) -> Self {
        Anchor { block, byte }
    }
}

/// The loaded document.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// What to call it: the title block's text if there is one, else the file name.
    pub name: String,
    pub blocks: Vec<Block>,
    /// The character encoding the bytes were decoded from.
    pub encoding: &'static str,
    /// The format the text was structured as.
    pub format: Option<Format>,
    /// What a book knows about itself (metadata, its own table of contents, link targets,
    /// notes); `None` for documents that are not books.
    pub book: Option<Box<Book>>,
    /// How many bytes it was read from (0 when it was not read from bytes).
    pub source_len: usize,
    /// Where every [`LINE_MARK_STEP`]th line begins in the bytes a plain text was read from
    /// as UTF-8 (entry `k`: line `k * LINE_MARK_STEP + 1`, 1-based); empty for anything
    /// else. A saved place keeps the mark before its line, so a long file can be reopened
    /// there by reading from the mark instead of from the start.
    pub line_marks: Vec<u64>,
    /// The file it was read from as it was then and how: its length and modification time
    /// ([`file_stamp`]) and the options it was read with, when read from a regular file. What
    /// tells that a file reopened is the one whose pages were seen
    /// ([`crate::anchoring::SeenPages`]).
    pub source_stamp: Option<String>,
}

/// The stamp of the file `metadata` describes, as [`Document::source_stamp`] keeps it; `None`
/// when the system gives no modification time.
pub fn file_stamp(metadata: &std::fs::Metadata) -> Option<String> {
    let modified = metadata.modified().ok()?;
    let nanos = modified
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_nanos();
    Some(format!("{}:{nanos}", metadata.len()))
}

/// How many lines apart [`Document::line_marks`] are: a few hundred KB of text at most to
/// read from a mark to a place, and a few KB of marks for a 100 MB file.
pub const LINE_MARK_STEP: usize = 1024;

/// Where every [`LINE_MARK_STEP`]th line of `bytes` begins.
fn line_marks(bytes: &[u8]) -> Vec<u64> {
    let mut marks = vec![0];
    let mut lines = 0;
    for at in memchr::memchr_iter(b'\n', bytes) {
        lines += 1;
        if lines % LINE_MARK_STEP == 0 {
            marks.push(at as u64 + 1);
        }
    }
    marks
}

impl Document {
    /// Structure plain text (already decoded) into a document.
    pub fn from_text(text: &str, fallback_name: &str) -> Self {
        Document::structure(text, fallback_name, Format::Text)
    }

    /// Structure decoded text as `format`.
    pub fn structure(text: &str, fallback_name: &str, format: Format) -> Self {
        Document::structure_cow(Cow::Borrowed(text), fallback_name, format, Ruby::default())
    }

    /// [`Document::structure`] taking the text by value, so a big text is freed as soon as its
    /// sanitized form exists instead of living alongside it and the blocks.
    /// Ruby is shown as `ruby` asks.
    pub fn structure_owned(text: String, fallback_name: &str, format: Format, ruby: Ruby) -> Self {
        Document::structure_cow(Cow::Owned(text), fallback_name, format, ruby)
    }

    fn structure_cow(text: Cow<'_, str>, fallback_name: &str, format: Format, ruby: Ruby) -> Self {
        let text_len = text.len();
        let (blocks, title) = match format {
            // A book is read from its archive ([`Document::load`]); text alone is text.
            Format::Text | Format::Epub => match sanitized(text) {
                Cow::Owned(text) => structure::structure_owned(text, ruby),
                Cow::Borrowed(text) => structure::structure(text, ruby),
            },
            // Program source is kept line for line, whatever the prose rules would make of it.
            Format::Code => (program::blocks(&sanitized(text)), None),
            Format::Markdown => markdown::structure(&sanitized(text)),
            Format::Html => {
                let article = html::structure(&text);
                (article.blocks, article.title)
            }
        };
        let name = title
            .or_else(|| {
                // The title and its subtitle, if it has one, are consecutive title blocks.
                let first = blocks.iter().position(|b| b.kind == BlockKind::Title)?;
                let parts: Vec<&str> = blocks[first..]
                    .iter()
                    .take_while(|b| b.kind == BlockKind::Title)
                    .map(|b| b.text.as_str())
                    .collect();
                Some(parts.join(" "))
            })
            .unwrap_or_else(|| sanitize::sanitize_line(fallback_name));
        Document {
            name,
            blocks,
            encoding: "UTF-8",
            format: Some(format),
            book: None,
            source_len: text_len,
            line_marks: Vec::new(),
            source_stamp: None,
        }
    }

    /// Decode raw bytes and structure them, detecting encoding and format.
    pub fn from_bytes(bytes: &[u8], fallback_name: &str) -> Result<Self, LoadError> {
        Document::load(bytes.to_vec(), fallback_name, LoadOptions::default())
    }

    /// Decode raw bytes and structure them; `options` override what would be detected.
    pub fn load(
        bytes: Vec<u8>,
        fallback_name: &str,
        options: LoadOptions,
    ) -> Result<Self, LoadError> {
        let source_len = bytes.len();
        let mut doc = Document::load_bytes(bytes, fallback_name, options)?;
        doc.source_len = source_len;
        Ok(doc)
    }

    fn load_bytes(
        bytes: Vec<u8>,
        fallback_name: &str,
        options: LoadOptions,
    ) -> Result<Self, LoadError> {
        if Document::is_book(&bytes, fallback_name, options) {
            if !options.force {
                return epub::load(bytes, fallback_name).map_err(LoadError::Book);
            }
            // Forced: a book that cannot be read is shown as the bytes it is.
            if let Ok(doc) = epub::load(bytes.clone(), fallback_name) {
                return Ok(doc);
            }
        }
        let decode_options = decode::DecodeOptions {
            encoding: options.encoding,
            force: options.force,
        };
        // Counted on the bytes as read (the decoded text may be shorter by a byte-order mark),
        // and kept only for what is reopened from them: plain text in UTF-8.
        let marks = line_marks(&bytes);
        let decoded = decode::decode(bytes, decode_options)?;
        let format = options
            .format
            .unwrap_or_else(|| Format::detect(fallback_name, &decoded.text));
        let mut doc = Document::structure_owned(decoded.text, fallback_name, format, options.ruby);
        doc.encoding = decoded.encoding;
        if format.is_plain() && doc.encoding == encoding_rs::UTF_8.name() {
            doc.line_marks = marks;
        }
        Ok(doc)
    }

    /// The opening of a book (an EPUB's first parts, about [`BOOK_OPENING_TEXT`] of text), to
    /// paint a first page while the whole is read; its blocks are the whole's first blocks. A
    /// short book comes whole. `None` when the bytes are no book, are to be shown as bytes
    /// (`--force`), or cannot be read as a book. The bytes are shared with it, not copied.
    pub fn load_opening(
        bytes: Arc<Vec<u8>>,
        fallback_name: &str,
        options: LoadOptions,
    ) -> Option<BookOpening> {
        if options.force || !Document::is_book(&bytes, fallback_name, options) {
            return None;
        }
        epub::load_opening(bytes, fallback_name, BOOK_OPENING_TEXT)
    }

    /// Whether the bytes are to be read as a book: asked for with `--format epub`, or a ZIP
    /// archive or a file named `.epub` when no other format was asked for. Checked before the
    /// text decoder, which would refuse the archive as binary.
    /// Whether an HTML page's opening is a Project Gutenberg book's: such a page is read as a
    /// book, and its opening shows as the whole's does.
    pub fn is_html_book_page(opening: &str) -> bool {
        html_book::is_book_page(opening)
    }

    pub fn is_book(bytes: &[u8], name: &str, options: LoadOptions) -> bool {
        match options.format {
            Some(format) => format == Format::Epub,
            None => {
                epub::looks_like_zip(bytes)
                    || Format::from_path(Path::new(name)) == Some(Format::Epub)
            }
        }
    }

    /// The mark at or before 1-based `line`: where a line at most [`LINE_MARK_STEP`] lines
    /// before it begins in the bytes read, as (its line, its byte).
    pub fn line_mark_before(&self, line: usize) -> Option<(usize, u64)> {
        let k = line.checked_sub(1)? / LINE_MARK_STEP;
        let byte = *self.line_marks.get(k)?;
        Some((k * LINE_MARK_STEP + 1, byte))
    }

    /// Read and load a file.
    pub fn open(path: &Path) -> Result<Self, LoadError> {
        Document::open_with(path, LoadOptions::default())
    }

    /// Read and load a file with overrides.
    pub fn open_with(path: &Path, options: LoadOptions) -> Result<Self, LoadError> {
        let (bytes, name) = Document::read_file(path, options)?;
        Document::load(bytes, &name, options)
    }

    /// The bytes of the file at `path` and the name it is shown by, with the errors a reader
    /// gives for each way opening can fail: what is no file, too big, or binary from its first
    /// block is refused before the rest is read (see [`input`]).
    pub fn read_file(path: &Path, options: LoadOptions) -> Result<(Vec<u8>, String), LoadError> {
        let name = Document::file_name(path);
        let (file, len) = input::open_file(path, options)?;
        let bytes = input::read_all(file, len, &name, options)?;
        Ok((bytes, name))
    }

    /// The name a file's document is shown by when its text has no title.
    pub fn file_name(path: &Path) -> String {
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string())
    }

    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }

    /// Who wrote it, when the document says: a book's authors, else a short byline
    /// ("By Ann Author") without its "By". "" when neither says a name.
    pub fn author(&self) -> String {
        if let Some(book) = self.book.as_deref().filter(|b| !b.authors.is_empty()) {
            return book.authors.join(", ");
        }
        let Some(byline) = self.blocks.iter().find(|b| b.kind == BlockKind::Byline) else {
            return String::new();
        };
        let text = byline.text.trim();
        let name = ["By ", "by ", "BY "]
            .iter()
            .find_map(|by| text.strip_prefix(by))
            .map(str::trim);
        match name {
            // A name, not a sentence about the author.
            Some(name) if !name.is_empty() && name.split_whitespace().count() <= 8 => {
                name.to_string()
            }
            _ => String::new(),
        }
    }

    /// The text of a block, or "" past the end (anchors may be stale).
    pub fn text(&self, block: usize) -> &str {
        self.blocks.get(block).map_or("", |b| b.text.as_str())
    }

    /// Clamp an anchor so it names a real place (a char boundary in an existing block).
    pub fn clamp(&self, anchor: Anchor) -> Anchor {
        if self.blocks.is_empty() {
            return Anchor::default();
        }
        let block = anchor.block.min(self.blocks.len() - 1);
        let text = self.text(block);
        let mut byte = anchor.byte.min(text.len());
        while !text.is_char_boundary(byte) {
            byte -= 1;
        }
        Anchor { block, byte }
    }
}

/// The sanitized text; an owned text is sanitized in its own buffer, so a book is never held
/// twice.
fn sanitized(text: Cow<'_, str>) -> Cow<'_, str> {
    match text {
        Cow::Borrowed(text) => sanitize::sanitize(text),
        Cow::Owned(text) => Cow::Owned(sanitize::sanitize_owned(text)),
    }
}

/// Why a document could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}", io_reason(.0))]
    Io(#[source] std::io::Error),
    #[error("Is a directory")]
    IsDirectory,
    #[error("binary file ({0}); not a text document (--force shows it anyway)")]
    Binary(&'static str),
    #[error("not a regular file or a pipe ({0}); --force reads it anyway")]
    NotAFile(&'static str),
    #[error("more than {}, the most quire reads (--max-size raises it)", input::shown_size(*.0))]
    TooBig(u64),
    #[error("{0}")]
    Book(#[from] BookError),
}

/// The OS's own wording ("No such file or directory"), without Rust's " (os error 2)" suffix.
fn io_reason(err: &std::io::Error) -> String {
    let text = err.to_string();
    match text.find(" (os error") {
        Some(cut) => text[..cut].to_string(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_author_is_a_short_byline_without_its_by() {
        let doc = Document::from_text(
            "A Title\n\nBy Ann Author\n\nThe body of the article goes on for a while here.\n",
            "a.txt",
        );
        assert_eq!(doc.author(), "Ann Author");
        let none = Document::from_text("A Title\n\nJust a paragraph of body text.\n", "b.txt");
        assert_eq!(none.author(), "");
    }

    #[test]
    fn a_fold_says_each_kind_it_holds_once_in_the_order_they_come() {
        let folded = |text: &str, fold: Fold| {
            let mut block = Block::new(BlockKind::Paragraph, text, 1);
            block.fold_as(fold);
            block
        };
        let run = [
            folded("Share", Fold::Furniture),
            folded("[image: a boat]", Fold::Pictures),
            folded("Tweet", Fold::Furniture),
            folded("[1] https://example.com/", Fold::LinkAddresses),
        ];
        assert_eq!(
            Fold::describe_run(&run),
            "page furniture, pictures and captions, link addresses"
        );
        assert_eq!(Fold::describe_run(&run[..1]), "page furniture");
        assert_eq!(Fold::describe_run(&[]), "page furniture");
    }
}
