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
use crate::document::{Anchor, BookOpening, Document, Format, LoadError, LoadOptions, input};
use crate::reader::Opened;
use crate::store::{Store, path_key};

/// Files smaller than this are structured whole before the first paint: it takes only a few
/// milliseconds, and one document is simpler than two.
pub const PREVIEW_MIN_FILE: usize = 256 * 1024;
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
/// [`PendingWhole::start`] sets it going (some openings have set it going already).
///
/// The terminal session starts it only once the first frame is out. Reading a big file
/// faults in page after page of fresh memory, and each fault holds the process's memory map
/// for a moment; the first frame's own work (allocating its screen buffers, starting the
/// threads that watch signals) must take that map for writing, and on a machine with two
/// cores it waited behind the reading thread for milliseconds at a time.
pub struct PendingWhole(Pending);

enum Pending {
    Later(Box<Job>),
    Started(Receiver<Whole>),
}

impl PendingWhole {
    fn later(job: Job) -> PendingWhole {
        PendingWhole(Pending::Later(Box::new(job)))
    }

    /// Set the reading going (unless it is already): the whole arrives on the receiver.
    pub fn start(self) -> Receiver<Whole> {
        match self.0 {
            Pending::Started(whole) => whole,
            Pending::Later(job) => read_whole_behind(*job),
        }
    }

    /// Start the reading and wait for the whole.
    pub fn recv(self) -> Result<Whole, mpsc::RecvError> {
        self.start().recv()
    }
}

impl std::fmt::Debug for PendingWhole {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let state = match &self.0 {
            Pending::Later(job) => format!("not started: {}", job.name),
            Pending::Started(_) => "started".to_string(),
        };
        f.debug_tuple("PendingWhole").field(&state).finish()
    }
}

/// Open `request`: a preview when that is worth it and safe, else the whole document.
pub fn open(request: Request) -> Result<Opening, LoadError> {
    let peek = peek_saved_place(
        request.data_dir.clone(),
        request.path.clone(),
        request.resume,
    );
    let job = Job {
        source: Source::Bytes(request.bytes),
        name: request.name,
        options: request.options,
        data_dir: request.data_dir,
        path: request.path,
        resume: request.resume,
    };
    open_with_peek(job, peek)
}

/// Open the file at `path` as [`open`] does. Of a big file only the opening is read before
/// the first paint; the rest is read on the thread that structures the whole. The store is
/// asked about a saved place meanwhile, so the answer costs no wait.
pub fn open_file(
    path: &Path,
    options: LoadOptions,
    data_dir: Option<PathBuf>,
    resume: bool,
) -> Result<Opening, LoadError> {
    let peek = peek_saved_place(data_dir.clone(), Some(path.to_path_buf()), resume);
    let name = Document::file_name(path);
    // What is no file, too big, or binary from its first block is refused here, before the
    // rest is read.
    let (mut file, len) = input::open_file(path, options)?;
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
    };
    open_with_peek(job, peek)
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

/// Ask the store, on another thread, where the document last opened from `path` was left.
/// Read from the start (`resume` false), it is not asked: the thread would only take a core
/// from the first frame.
fn peek_saved_place(
    data_dir: Option<PathBuf>,
    path: Option<PathBuf>,
    resume: bool,
) -> Receiver<SavedPlace> {
    let (sender, answer) = mpsc::channel();
    let (Some(dir), Some(path), true) = (data_dir, path, resume) else {
        let _ = sender.send(SavedPlace::Start);
        return answer;
    };
    let spawned = std::thread::Builder::new()
        .name("peek".into())
        .spawn(move || {
            let place = match Store::peek_place_by_path(&dir, &path_key(&path)) {
                Ok(Some(place)) if place.anchor != Anchor::default() => SavedPlace::Inside(place),
                Ok(_) => SavedPlace::Start,
                Err(_) => SavedPlace::Unknown,
            };
            let _ = sender.send(place);
        });
    // No thread: the sender went with the closure, and `recv` fails, which reads as unknown.
    drop(spawned);
    answer
}

fn open_with_peek(mut job: Job, peek: Receiver<SavedPlace>) -> Result<Opening, LoadError> {
    if is_book(&job) {
        return open_book(job, peek);
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
    if format != Format::Text {
        return open_whole(job);
    }
    let options = LoadOptions {
        format: Some(Format::Text),
        ..job.options
    };
    // The store is asked on another thread. Unless it has already said that there is a place
    // inside the text, the opening is structured meanwhile: most openings show it.
    let early = if job.resume {
        peek.try_recv().ok()
    } else {
        Some(SavedPlace::Start)
    };
    let load_opening =
        |job: &Job| Document::load(job.source.head()[..cut].to_vec(), &job.name, options);
    let opening = (!matches!(early, Some(SavedPlace::Inside(_)))).then(|| load_opening(&job));
    let saved = early.unwrap_or_else(|| peek.recv().unwrap_or(SavedPlace::Unknown));
    if let SavedPlace::Inside(position) = &saved
        && let Some(around) = preview_around(&mut job, position, options)?
    {
        return Ok(Opening::Around(Box::new(around), PendingWhole::later(job)));
    }
    let preview = opening.unwrap_or_else(|| load_opening(&job));
    let waits = job.resume && saved.maybe_inside();
    preview_then_whole(preview, job, Resumes::Known(waits))
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

fn open_book(job: Job, peek: Receiver<SavedPlace>) -> Result<Opening, LoadError> {
    let Job {
        source,
        name,
        options,
        data_dir,
        path,
        resume,
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
    };
    match opening {
        Some(BookOpening::Begun(preview)) => {
            let resumes = if job.resume {
                Resumes::Asked(peek)
            } else {
                Resumes::Known(false)
            };
            preview_then_whole(Ok(preview), job, resumes)
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

/// Whether opening waits for the whole, to resume a saved place inside it.
enum Resumes {
    /// Known already.
    Known(bool),
    /// The store's answer is still to come: the whole is read meanwhile.
    Asked(Receiver<SavedPlace>),
}

/// Hand back the preview with the whole still to read, unless a saved place inside the
/// document is to be resumed (or the preview failed): then the whole is read and waited for.
fn preview_then_whole(
    preview: Result<Document, LoadError>,
    job: Job,
    resumes: Resumes,
) -> Result<Opening, LoadError> {
    match (preview, resumes) {
        (Ok(preview), Resumes::Known(false)) => {
            Ok(Opening::Preview(preview, PendingWhole::later(job)))
        }
        (_, Resumes::Known(true)) | (Err(_), Resumes::Known(false)) => open_whole(job),
        (preview, Resumes::Asked(peek)) => {
            // The store can take a while to answer (it checks itself as it opens): the whole
            // is read meanwhile, since it may be what opening waits for.
            let whole = read_whole_behind(job);
            let inside = peek.recv().map_or(true, |saved| saved.maybe_inside());
            match preview {
                Ok(preview) if !inside => Ok(Opening::Preview(
                    preview,
                    PendingWhole(Pending::Started(whole)),
                )),
                _ => {
                    let opened = whole.recv().map_err(|_| {
                        LoadError::Io(std::io::Error::other("the file could not be read"))
                    })??;
                    Ok(Opening::Ready(Box::new(opened), None))
                }
            }
        }
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
    let doc = Document::load(bytes, &job.name, job.options)?;
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
mod tests {
    use super::*;

    fn book(paragraphs: usize) -> String {
        (0..paragraphs)
            .map(|i| format!("Paragraph {i} says something about the sea and its whales.\n\n"))
            .collect()
    }

    #[test]
    fn small_files_open_whole() {
        assert_eq!(
            preview_cut(book(10).as_bytes(), book(10).len(), LoadOptions::default()),
            None
        );
    }

    #[test]
    fn a_big_file_is_cut_after_a_blank_line_within_the_window() {
        let text = book(20_000);
        let cut = preview_cut(text.as_bytes(), text.len(), LoadOptions::default()).unwrap();
        assert!(cut <= PREVIEW_BYTES && cut > PREVIEW_BYTES / 2);
        assert!(text[..cut].ends_with("\n\n"));
    }

    #[test]
    fn crlf_blank_lines_count_as_paragraph_ends() {
        let text = book(20_000).replace('\n', "\r\n");
        let cut = preview_cut(text.as_bytes(), text.len(), LoadOptions::default()).unwrap();
        assert!(text[..cut].ends_with("\r\n\r\n"));
    }

    #[test]
    fn other_encodings_binaries_and_forced_files_open_whole() {
        let text = book(20_000);
        let forced = LoadOptions {
            force: true,
            ..LoadOptions::default()
        };
        assert_eq!(preview_cut(text.as_bytes(), text.len(), forced), None);
        let latin = LoadOptions {
            encoding: Some(encoding_rs::WINDOWS_1252),
            ..LoadOptions::default()
        };
        assert_eq!(preview_cut(text.as_bytes(), text.len(), latin), None);
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(text.bytes().flat_map(|b| [b, 0]));
        assert_eq!(
            preview_cut(&utf16, utf16.len(), LoadOptions::default()),
            None
        );
        let mut binary = text.clone().into_bytes();
        binary[100] = 0;
        assert_eq!(
            preview_cut(&binary, binary.len(), LoadOptions::default()),
            None
        );
    }

    #[test]
    fn an_opening_that_is_not_utf8_opens_whole() {
        let mut bytes = book(20_000).into_bytes();
        bytes[500] = 0xE9; // "é" in Latin-1: not UTF-8 on its own
        assert_eq!(
            preview_cut(&bytes, bytes.len(), LoadOptions::default()),
            None
        );
    }

    fn request(text: &str, data_dir: Option<PathBuf>, path: Option<PathBuf>) -> Request {
        Request {
            bytes: text.as_bytes().to_vec(),
            name: "book.txt".into(),
            options: LoadOptions::default(),
            data_dir,
            path,
            resume: true,
        }
    }

    #[test]
    fn a_preview_leaves_the_whole_unread_until_it_is_started() {
        let text = format!("The Whale Book\n\n{}", book(20_000));
        let Opening::Preview(_, whole) = open(request(&text, None, None)).unwrap() else {
            panic!("a big plain-text file should open as a preview");
        };
        // Nothing reads the rest while the first frame is made: the session starts it after.
        assert_eq!(
            format!("{whole:?}"),
            "PendingWhole(\"not started: book.txt\")"
        );
        let doc = whole.start().recv().unwrap().unwrap().doc;
        assert_eq!(doc.blocks, Document::from_text(&text, "book.txt").blocks);
    }

    #[test]
    fn a_big_book_opens_as_a_preview_that_begins_like_the_whole() {
        let text = format!("The Whale Book\n\n{}", book(20_000));
        let Opening::Preview(preview, whole) = open(request(&text, None, None)).unwrap() else {
            panic!("a big plain-text file should open as a preview");
        };
        let doc = whole.recv().unwrap().unwrap().doc;
        assert!(preview.blocks.len() < doc.blocks.len());
        assert_eq!(preview.name, doc.name);
        // Every block but the last of the preview is the whole document's block.
        let shared = preview.blocks.len() - 1;
        assert_eq!(preview.blocks[..shared], doc.blocks[..shared]);
        assert_eq!(doc.blocks, Document::from_text(&text, "book.txt").blocks);
    }

    #[test]
    fn a_file_of_one_long_line_is_previewed_from_its_opening_words() {
        let text = "lorem ipsum dolor sit amet ".repeat(20_000);
        let cut = preview_cut(text.as_bytes(), text.len(), LoadOptions::default()).unwrap();
        assert!(cut <= PREVIEW_BYTES && text[..cut].ends_with(' '));
        let Opening::Preview(preview, whole) = open(request(&text, None, None)).unwrap() else {
            panic!("a big one-line file should open as a preview");
        };
        let doc = whole.recv().unwrap().unwrap().doc;
        assert_eq!((preview.blocks.len(), doc.blocks.len()), (1, 1));
        assert!(doc.blocks[0].text.starts_with(&preview.blocks[0].text));
        assert!(preview.blocks[0].text.len() > PREVIEW_BYTES / 2);
    }

    #[test]
    fn a_big_file_is_previewed_from_its_opening_and_read_whole_on_the_side() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("book.txt");
        let text = format!("The Whale Book\n\n{}", book(20_000));
        std::fs::write(&file, &text).unwrap();
        let opened = open_file(&file, LoadOptions::default(), None, true).unwrap();
        let Opening::Preview(preview, whole) = opened else {
            panic!("a big plain-text file should open as a preview");
        };
        assert!(preview.blocks.len() < 1000);
        let doc = whole.recv().unwrap().unwrap().doc;
        assert_eq!(doc.blocks, Document::open(&file).unwrap().blocks);

        let small = dir.path().join("small.txt");
        std::fs::write(&small, book(10)).unwrap();
        let opened = open_file(&small, LoadOptions::default(), None, true).unwrap();
        assert!(matches!(opened, Opening::Ready(..)));
        assert!(matches!(
            open_file(dir.path(), LoadOptions::default(), None, true),
            Err(LoadError::IsDirectory)
        ));
    }

    #[test]
    fn devices_and_binary_openings_are_refused_before_the_rest_is_read() {
        #[cfg(unix)]
        assert!(matches!(
            open_file(Path::new("/dev/zero"), LoadOptions::default(), None, true),
            Err(LoadError::NotAFile(_))
        ));
        // A big file that opens with NUL bytes: refused from its opening, never previewed.
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("disk.img");
        let mut bytes = vec![0u8; PREVIEW_BYTES];
        bytes.extend(book(20_000).bytes());
        std::fs::write(&file, &bytes).unwrap();
        assert!(matches!(
            open_file(&file, LoadOptions::default(), None, true),
            Err(LoadError::Binary(_))
        ));
        let small = LoadOptions {
            max_size: Some(bytes.len() as u64 - 1),
            ..LoadOptions::default()
        };
        assert!(matches!(
            open_file(&file, small, None, true),
            Err(LoadError::TooBig(_))
        ));
    }

    #[test]
    fn markdown_opens_whole() {
        let text = format!("# Title\n\n{}", book(20_000));
        let mut request = request(&text, None, None);
        request.name = "book.md".into();
        assert!(matches!(open(request).unwrap(), Opening::Ready(..)));
    }

    /// A big file in a temporary folder with its place saved at paragraph `k`, the line
    /// kept or not: the folder (kept alive), the file, the data directory.
    fn saved_at(text: &str, k: usize, keep_line: bool) -> (tempfile::TempDir, PathBuf, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("book.txt");
        std::fs::write(&file, text).unwrap();
        let data = dir.path().join("data");
        let doc = Document::open(&file).unwrap();
        let loaded = session::load(Some(&data), &doc, Some(&file));
        let (Some(mut store), Some(record)) = (loaded.store, loaded.saved.record) else {
            panic!("the store should open");
        };
        let mut place = crate::anchoring::reading_position(&doc, Anchor::new(k, 0));
        assert!(place.line.is_some() && place.mark.is_some());
        if !keep_line {
            (place.line, place.mark) = (None, None);
        }
        store.save_position(record, &place, None).unwrap();
        (dir, file, data)
    }

    #[test]
    fn a_saved_place_inside_a_long_text_is_previewed_around_it() {
        let text = book(20_000);
        let (_dir, file, data) = saved_at(&text, 12_000, true);
        let opened = open_file(&file, LoadOptions::default(), Some(data.clone()), true).unwrap();
        let Opening::Around(around, whole) = opened else {
            panic!("a place with its line kept is previewed around it");
        };
        let shown = &around.doc.blocks[around.place.block];
        assert!(shown.text.starts_with("Paragraph 12000 says"));
        assert!(around.doc.blocks.len() < 2_000);
        let opened = whole.recv().unwrap().unwrap();
        assert_eq!(opened.saved.position, Some(Anchor::new(12_000, 0)));
        assert_eq!(opened.doc.blocks, Document::open(&file).unwrap().blocks);

        // From bytes (a request) as from a file.
        let Opening::Around(around, _) =
            open(request(&text, Some(data.clone()), Some(file.clone()))).unwrap()
        else {
            panic!("bytes with a saved place are previewed around it too");
        };
        assert!(
            around.doc.blocks[around.place.block]
                .text
                .starts_with("Paragraph 12000 ")
        );

        // Reading from the start does not need it.
        let from_start = open_file(&file, LoadOptions::default(), Some(data), false).unwrap();
        assert!(matches!(from_start, Opening::Preview(..)));
    }

    #[test]
    fn the_file_is_read_from_the_line_mark_before_the_place_and_whole_after_it() {
        let text = book(20_000);
        let (_dir, file, data) = saved_at(&text, 15_000, true);
        let Opening::Around(around, whole) =
            open_file(&file, LoadOptions::default(), Some(data), true).unwrap()
        else {
            panic!("a place with its line kept is previewed around it");
        };
        assert!(
            around.doc.blocks[around.place.block]
                .text
                .starts_with("Paragraph 15000 says")
        );
        // The seek to the mark did not cost the whole its bytes.
        let doc = whole.recv().unwrap().unwrap().doc;
        assert_eq!(doc.blocks, Document::open(&file).unwrap().blocks);
        assert_eq!(doc.line_marks, Document::open(&file).unwrap().line_marks);
    }

    #[test]
    fn without_a_line_or_in_a_changed_file_a_saved_place_waits_for_the_whole() {
        let text = book(20_000);
        let (_dir, file, data) = saved_at(&text, 300, false);
        let opened = open(request(&text, Some(data.clone()), Some(file.clone()))).unwrap();
        let Opening::Ready(opened, _) = opened else {
            panic!("a place to resume needs the whole document first");
        };
        assert_eq!(opened.saved.position, Some(Anchor::new(300, 0)));

        // Paragraphs added before the place: its line holds other words now. The whole
        // finds the place by its quote, one paragraph further on.
        let (_dir, file, data) = saved_at(&text, 300, true);
        let edited = format!("A preface added later.\n\n{text}");
        std::fs::write(&file, &edited).unwrap();
        let opened = open_file(&file, LoadOptions::default(), Some(data), true).unwrap();
        let Opening::Ready(opened, _) = opened else {
            panic!("a changed file waits for the whole");
        };
        assert_eq!(opened.saved.position, Some(Anchor::new(301, 0)));
    }
}
