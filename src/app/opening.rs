//! Opening a document for reading, without making the reader wait for all of a big one.
//!
//! Structuring a whole book takes tens of milliseconds (seconds for a 100 MB one), while the
//! first screen needs only its opening pages. So for a big plain-text file the opening is
//! structured at once as a *preview* and painted; then another thread decodes and structures
//! the whole file and finds it in the bookmark store ([`PendingWhole`] says why only then).
//! The reader swaps the whole document in when it arrives (as
//! [`crate::reader::Msg::WholeArrived`]), at the place the reader paged to in the preview.
//!
//! A preview is only used when it cannot mislead: plain text whose opening is valid UTF-8, or
//! a book's first parts (an EPUB reads the same whether whole or begun). With a saved place
//! to resume beyond the start, the first screen is the place's: a plain text is previewed
//! around it ([`super::around`]) when the place is found there as it was saved; otherwise
//! (a book, a changed file) opening waits for the whole. Any book is read this way, since a
//! small archive can hold a long book; a short one is read whole on the way.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};

use memchr::memmem;

use super::around::{self, Around, Landmark};
use super::session;
use crate::anchoring::Position;
use crate::document::{
    Anchor, BookOpening, Document, Format, LoadError, LoadOptions, file_stamp, input,
};
use crate::reader::Opened;
use crate::store::{Store, path_key};

/// Files smaller than this are structured whole before the first paint: it takes only a few
/// milliseconds, and one document is simpler than two. Twice the preview: a 174 KB book
/// (Alice's Adventures in Wonderland) took 7 ms to structure and 16 ms more for its outline
/// and layout, and its first frame came at 4.6 times `less`'s time when read whole first.
pub const PREVIEW_MIN_FILE: usize = 2 * PREVIEW_BYTES;
/// About how much of the file the preview structures: a few screens of text even on a very
/// large terminal (200×60 shows about 12 KB), and little enough to take about a millisecond.
const PREVIEW_BYTES: usize = 32 * 1024;
/// How much of the start is checked for NUL bytes, as the decoder does to refuse binaries.
const NUL_SNIFF: usize = 8192;

/// The whole document and what the store had for it, or why it could not be read.
pub type Whole = Result<Opened, LoadError>;

/// What to open with.
#[derive(Debug)]
pub struct Request {
    pub bytes: Vec<u8>,
    /// The file name shown when the text has no title.
    pub name: String,
    pub options: LoadOptions,
    /// Where the bookmark store lives; `None` keeps bookmarks in memory.
    pub data_dir: Option<PathBuf>,
    /// The file the bytes came from, for finding it in the store after a change.
    pub path: Option<PathBuf>,
    /// The saved place will be resumed (not `--from-start`).
    pub resume: bool,
}

/// An opened document: whole now (with the store it was found in), or a preview now and the
/// whole later.
#[derive(Debug)]
pub enum Opening {
    Ready(Box<Opened>, Option<Store>),
    Preview(Document, PendingWhole),
    /// A preview of the text around the saved place, opened at it.
    Around(Box<Around>, PendingWhole),
}

/// The whole of a previewed document: read and structured on another thread once
/// [`PendingWhole::start`] sets it going.
///
/// The terminal session starts it only once the first frame is out. Reading a big file
/// faults in page after page of fresh memory, and each fault holds the process's memory map
/// for a moment; the first frame's own work (allocating its screen buffers, starting the
/// threads that watch signals) must take that map for writing, and on a machine with two
/// cores it waited behind the reading thread for milliseconds at a time.
pub struct PendingWhole(Box<Job>);

impl PendingWhole {
    fn later(job: Job) -> PendingWhole {
        PendingWhole(Box::new(job))
    }

    /// Set the reading going: the whole arrives on the receiver.
    pub fn start(self) -> Receiver<Whole> {
        read_whole_behind(*self.0)
    }

    /// Start the reading and wait for the whole.
    pub fn recv(self) -> Result<Whole, mpsc::RecvError> {
        self.start().recv()
    }
}

impl std::fmt::Debug for PendingWhole {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("PendingWhole")
            .field(&format!("not started: {}", self.0.name))
            .finish()
    }
}

/// Open `request`: a preview when that is worth it and safe, else the whole document.
pub fn open(request: Request) -> Result<Opening, LoadError> {
    let job = Job {
        source: Source::Bytes(request.bytes),
        name: request.name,
        options: request.options,
        data_dir: request.data_dir,
        path: request.path,
        resume: request.resume,
        stamp: None,
    };
    open_knowing(job)
}

/// Open the file at `path` as [`open`] does. Of a big file only the opening is read before
/// the first paint; the rest is read on the thread that structures the whole.
pub fn open_file(
    path: &Path,
    options: LoadOptions,
    data_dir: Option<PathBuf>,
    resume: bool,
) -> Result<Opening, LoadError> {
    let name = Document::file_name(path);
    // What is no file, too big, or binary from its first block is refused here, before the
    // rest is read.
    let (mut file, len) = input::open_file(path, options)?;
    // What tells this file, read this way, from an edited one (or one read with another
    // encoding, format or ruby) when its place is next reopened: a regular file's length and
    // modification time, and the options it is read with.
    let stamp = file
        .metadata()
        .ok()
        .filter(std::fs::Metadata::is_file)
        .and_then(|metadata| file_stamp(&metadata))
        .map(|stamp| format!("{stamp} {options:?}"));
    let source = match len {
        Some(len) if len >= PREVIEW_MIN_FILE as u64 => {
            let mut head = Vec::with_capacity(PREVIEW_BYTES);
            (&mut file)
                .take(PREVIEW_BYTES as u64)
                .read_to_end(&mut head)
                .map_err(LoadError::Io)?;
            input::check_head(&head, head.len() as u64 >= len, &name, options)?;
            Source::File {
                head,
                file,
                len,
                limit: options.max_size(),
            }
        }
        // A small file, or a pipe whose length no one knows.
        _ => Source::Bytes(input::read_all(file, len, &name, options)?),
    };
    let job = Job {
        source,
        name,
        options,
        data_dir,
        path: Some(path.to_path_buf()),
        resume,
        stamp,
    };
    open_knowing(job)
}

/// Where a document's bytes come from: all in memory, or a file of which only the opening has
/// been read so far.
enum Source {
    Bytes(Vec<u8>),
    File {
        head: Vec<u8>,
        file: File,
        len: u64,
        /// The most that is read, should the file have grown since it was measured.
        limit: u64,
    },
}

impl Source {
    /// The bytes at hand: the whole, or the opening.
    fn head(&self) -> &[u8] {
        match self {
            Source::Bytes(bytes) => bytes,
            Source::File { head, .. } => head,
        }
    }

    fn total_len(&self) -> usize {
        match self {
            Source::Bytes(bytes) => bytes.len(),
            Source::File { len, .. } => usize::try_from(*len).unwrap_or(usize::MAX),
        }
    }

    /// All the bytes: a file's rest is read after its opening, into room reserved once (a
    /// growing buffer would briefly hold a big book twice).
    fn into_bytes(self) -> Result<Vec<u8>, LoadError> {
        match self {
            Source::Bytes(bytes) => Ok(bytes),
            Source::File {
                mut head,
                file,
                len,
                limit,
            } => {
                let rest = usize::try_from(len.min(limit))
                    .unwrap_or(0)
                    .saturating_sub(head.len());
                head.try_reserve_exact(rest.saturating_add(1))
                    .map_err(|e| LoadError::Io(std::io::Error::other(e)))?;
                input::read_rest(file, head, limit)
            }
        }
    }
}

/// Everything opening needs, with the bytes still to be fetched.
struct Job {
    source: Source,
    name: String,
    options: LoadOptions,
    data_dir: Option<PathBuf>,
    path: Option<PathBuf>,
    resume: bool,
    /// The file's stamp ([`Document::source_stamp`]), when read from a regular file.
    stamp: Option<String>,
}

impl Job {
    /// What the store has as the place to resume at ([`saved_place`]).
    fn saved_place(&self) -> SavedPlace {
        saved_place(self.data_dir.as_deref(), self.path.as_deref(), self.resume)
    }
}

/// What the store had for the document last opened from a path.
#[derive(Debug)]
enum SavedPlace {
    /// Nothing beyond the start: opening begins at the start.
    Start,
    /// A place inside the document.
    Inside(Position),
    /// The store could not be asked.
    Unknown,
}

impl SavedPlace {
    /// True when opening may jump into the document: waiting for it is never wrong.
    fn maybe_inside(&self) -> bool {
        !matches!(self, SavedPlace::Start)
    }
}

/// Ask the store where the document last opened from `path` was left. Read from the start
/// (`resume` false), it is not asked.
///
/// It is asked here, before anything is structured: the answer takes a few tenths of a
/// millisecond (a store that does not exist yet, none), and it decides what the first
/// frame shows. Asked on another thread, it left this one to structure the file's opening
/// meanwhile, which a reopening at a place inside then did not show; and a new thread often
/// starts a millisecond late on a busy machine.
fn saved_place(data_dir: Option<&Path>, path: Option<&Path>, resume: bool) -> SavedPlace {
    let (Some(dir), Some(path), true) = (data_dir, path, resume) else {
        return SavedPlace::Start;
    };
    match Store::peek_place_by_path(dir, &path_key(path)) {
        Ok(Some(place)) if place.anchor != Anchor::default() => SavedPlace::Inside(place),
        Ok(_) => SavedPlace::Start,
        Err(_) => SavedPlace::Unknown,
    }
}

/// Open `job`. The store is asked for the saved place only on the ways that use the answer
/// before the first frame: a book, and a text big enough to be previewed. A smaller text is
/// read whole and then found in the store with its bookmarks; asking first as well cost a
/// second connection to the store before the first frame of every reopened article.
fn open_knowing(mut job: Job) -> Result<Opening, LoadError> {
    if is_book(&job) {
        let saved = job.saved_place();
        return open_book(job, saved);
    }
    let Some(cut) = preview_cut(job.source.head(), job.source.total_len(), job.options) else {
        return open_whole(job);
    };
    let format = job.options.format.unwrap_or_else(|| {
        Format::detect(
            &job.name,
            &String::from_utf8_lossy(&job.source.head()[..cut]),
        )
    });
    if format == Format::Html {
        return open_html(job);
    }
    if !format.is_plain() {
        return open_whole(job);
    }
    let saved = job.saved_place();
    let options = LoadOptions {
        format: Some(format),
        ..job.options
    };
    if let SavedPlace::Inside(position) = &saved
        && let Some(mut around) = preview_around(&mut job, position, options)?
    {
        // The pages seen at the place hold for this file only as it was then.
        around.pages = position
            .pages
            .clone()
            .filter(|seen| job.stamp.as_ref() == Some(&seen.file));
        return Ok(Opening::Around(Box::new(around), PendingWhole::later(job)));
    }
    let preview = Document::load(job.source.head()[..cut].to_vec(), &job.name, options);
    let waits = job.resume && saved.maybe_inside();
    preview_then_whole(preview, job, waits)
}

/// The preview around the saved place `position` of a plain text; `None` when there is no
/// line to go by or the place is not found there as it was saved (the file changed). Of a
/// file, what lies between the opening and the place is not read for it when the place has
/// a line mark past the opening: the preview is read from some way before the mark.
fn preview_around(
    job: &mut Job,
    position: &Position,
    options: LoadOptions,
) -> Result<Option<Around>, LoadError> {
    let Some(line) = position.line else {
        return Ok(None);
    };
    let io = LoadError::Io;
    let found = match &mut job.source {
        Source::Bytes(bytes) => {
            let landmark = position
                .mark
                .and_then(|mark| {
                    Some(Landmark {
                        offset: usize::try_from(mark.byte)
                            .ok()
                            .filter(|&b| b <= bytes.len())?,
                        line: mark.line,
                    })
                })
                .unwrap_or(Landmark::START);
            let none: &mut &[u8] = &mut &[][..];
            around::read_to_line(none, bytes, u64::MAX, landmark, line)
                .map_err(io)?
                .map(|start| (bytes.as_slice(), landmark, start))
                .and_then(|(bytes, landmark, start)| {
                    around::preview(bytes, landmark, start, position, &job.name, options)
                })
        }
        Source::File {
            head,
            file,
            len,
            limit,
        } => match position.mark {
            Some(mark) if mark.byte > head.len() as u64 && mark.byte < *len => {
                let from = mark.byte.saturating_sub(around::LOOK_BACK as u64);
                let landmark = Landmark {
                    offset: usize::try_from(mark.byte - from).unwrap_or(0),
                    line: mark.line,
                };
                file.seek(SeekFrom::Start(from)).map_err(io)?;
                let mut bytes = Vec::new();
                let start = around::read_to_line(
                    file,
                    &mut bytes,
                    (*limit).saturating_sub(from),
                    landmark,
                    line,
                );
                // The whole is read on from the end of the opening.
                file.seek(SeekFrom::Start(head.len() as u64)).map_err(io)?;
                start.map_err(io)?.and_then(|start| {
                    around::preview(&bytes, landmark, start, position, &job.name, options)
                })
            }
            _ => {
                // Room for all of it at once: what is read on the way to the place is the
                // whole's opening, and a buffer grown step by step would be copied each time.
                let all = usize::try_from((*len).min(*limit)).unwrap_or(0);
                head.try_reserve_exact(all.saturating_sub(head.len()).saturating_add(1))
                    .map_err(|e| LoadError::Io(std::io::Error::other(e)))?;
                around::read_to_line(file, head, *limit, Landmark::START, line)
                    .map_err(io)?
                    .and_then(|start| {
                        around::preview(head, Landmark::START, start, position, &job.name, options)
                    })
            }
        },
    };
    Ok(found)
}

/// A book (EPUB), whatever its size: a small archive can unpack to a long book. Its archive
/// is read whole (the ZIP's directory is at its end), then its opening: the preview, with the
/// whole read behind it, or the whole book at once when it is short.
fn is_book(job: &Job) -> bool {
    Document::is_book(job.source.head(), &job.name, job.options) && !job.options.force
}

fn open_book(job: Job, saved: SavedPlace) -> Result<Opening, LoadError> {
    let Job {
        source,
        name,
        options,
        data_dir,
        path,
        resume,
        stamp,
    } = job;
    let bytes = Arc::new(source.into_bytes()?);
    let opening = Document::load_opening(Arc::clone(&bytes), &name, options);
    // The opening has let go of its share by now: the bytes are taken back, not copied.
    let bytes = Arc::try_unwrap(bytes).unwrap_or_else(|shared| shared.as_ref().clone());
    let job = Job {
        source: Source::Bytes(bytes),
        name,
        options,
        data_dir,
        path,
        resume,
        stamp,
    };
    match opening {
        Some(BookOpening::Begun(preview)) => {
            let waits = job.resume && saved.maybe_inside();
            preview_then_whole(Ok(preview), job, waits)
        }
        // Read whole already: not read again.
        Some(BookOpening::Whole(doc)) => {
            let (opened, store) = with_saved_place(
                doc,
                job.data_dir.as_deref(),
                job.path.as_deref(),
                job.resume,
            );
            Ok(Opening::Ready(Box::new(opened), store))
        }
        None => open_whole(job),
    }
}

/// A saved web page: read whole, unless it is a Project Gutenberg book, whose opening is
/// read as the whole is (a book page is converted as it stands, not searched for an
/// article) and shown while the rest is read. An article's opening would not do: the
/// article may lie anywhere in the page.
fn open_html(job: Job) -> Result<Opening, LoadError> {
    let head = job.source.head();
    let cut = html_preview_cut(head);
    let Some(cut) =
        cut.filter(|&cut| std::str::from_utf8(&head[..cut]).is_ok_and(Document::is_html_book_page))
    else {
        return open_whole(job);
    };
    let options = LoadOptions {
        format: Some(Format::Html),
        ..job.options
    };
    let preview = Document::load(head[..cut].to_vec(), &job.name, options);
    let waits = job.resume && job.saved_place().maybe_inside();
    preview_then_whole(preview, job, waits)
}

/// Where a page's opening ends in `bytes`: after the last block closed in the preview's
/// window, so no paragraph is cut; `None` when there is none, or the opening is not UTF-8.
fn html_preview_cut(bytes: &[u8]) -> Option<usize> {
    let window = bytes[..PREVIEW_BYTES.min(bytes.len())].to_ascii_lowercase();
    let cut = [
        "</p>", "</div>", "</pre>", "</table>", "</h1>", "</h2>", "</h3>", "</h4>",
    ]
    .iter()
    .filter_map(|end| memmem::rfind(&window, end.as_bytes()).map(|at| at + end.len()))
    .max()?;
    std::str::from_utf8(&bytes[..cut]).ok()?;
    Some(cut)
}

/// Hand back the preview with the whole still to read, unless a saved place inside the
/// document is to be resumed (`waits`) or the preview failed: then the whole is read and
/// waited for.
fn preview_then_whole(
    preview: Result<Document, LoadError>,
    job: Job,
    waits: bool,
) -> Result<Opening, LoadError> {
    match preview {
        Ok(preview) if !waits => Ok(Opening::Preview(preview, PendingWhole::later(job))),
        _ => open_whole(job),
    }
}

/// Read (the rest of) the file and structure it whole on another thread. The bytes move to
/// the thread: a big book is not copied to be read twice. Should no thread be had, the work
/// is done here, late but whole.
fn read_whole_behind(job: Job) -> Receiver<Whole> {
    let (sender, whole) = mpsc::channel();
    super::work::on_a_thread("open", move |_| {
        // The thread's own store connection goes with it: the runtime opens one for its
        // writes when it has one to make.
        let _ = sender.send(load_whole(job).map(|(opened, _store)| opened));
    });
    whole
}

fn load_whole(job: Job) -> Result<(Opened, Option<Store>), LoadError> {
    let bytes = job.source.into_bytes()?;
    let mut doc = Document::load(bytes, &job.name, job.options)?;
    doc.source_stamp = job.stamp;
    Ok(with_saved_place(
        doc,
        job.data_dir.as_deref(),
        job.path.as_deref(),
        job.resume,
    ))
}

/// The whole document with what the store has for it.
fn with_saved_place(
    doc: Document,
    data_dir: Option<&Path>,
    path: Option<&Path>,
    resume: bool,
) -> (Opened, Option<Store>) {
    let loaded = session::load(data_dir, &doc, path);
    let opened = Opened {
        doc,
        saved: loaded.saved,
        resume,
    };
    (opened, loaded.store)
}

fn open_whole(job: Job) -> Result<Opening, LoadError> {
    let (opened, store) = load_whole(job)?;
    Ok(Opening::Ready(Box::new(opened), store))
}

/// Where the preview ends in `bytes`, the opening of a file of `total_len` bytes (after a
/// blank line where there is one, so no paragraph is cut), or `None` when the file should be
/// opened whole: small, not UTF-8, or looking binary.
fn preview_cut(bytes: &[u8], total_len: usize, options: LoadOptions) -> Option<usize> {
    if total_len < PREVIEW_MIN_FILE || options.force {
        return None;
    }
    if options
        .encoding
        .is_some_and(|encoding| encoding != encoding_rs::UTF_8)
    {
        return None;
    }
    if bytes.starts_with(&[0xFE, 0xFF]) || bytes.starts_with(&[0xFF, 0xFE]) {
        return None;
    }
    if bytes[..NUL_SNIFF.min(bytes.len())].contains(&0) {
        return None;
    }
    let window = &bytes[..PREVIEW_BYTES.min(bytes.len())];
    let paragraph_end = [&b"\n\n"[..], &b"\n\r\n"[..]]
        .iter()
        .filter_map(|gap| memmem::rfind(window, gap).map(|at| at + gap.len()))
        .max();
    // Failing a blank line, the end of a line; failing that (a file that is one long line),
    // a space: the preview's last paragraph is then the opening of the whole one.
    let cut = paragraph_end
        .or_else(|| memchr::memrchr(b'\n', window).map(|at| at + 1))
        .or_else(|| memchr::memrchr(b' ', window).map(|at| at + 1))?;
    std::str::from_utf8(&bytes[..cut]).ok()?;
    Some(cut)
}

#[cfg(test)]
mod tests;
