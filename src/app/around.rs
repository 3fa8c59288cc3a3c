//! Reopening a long plain text at the reader's saved place without structuring it whole
//! first. Reading a file is quick (memory speed); structuring it is what takes time. So the
//! file is read as far as the line where the saved place's paragraph starts (the store keeps
//! that line), the paragraphs around it are structured as a preview, the place is found in
//! the preview again by its quote, and the whole is structured behind it, as for a preview of
//! the opening. When anything does not agree (the file changed, the line is gone, the text
//! there is not the quoted text) there is no such preview and opening waits for the whole.
//!
//! The same holds for `G` typed while a long file is still read whole: its last paragraphs
//! are read and structured as a preview of its end ([`end`]), their line numbers counted on
//! the way, so the whole can take the reader's place from it.

use std::fs::File;
use std::io::Read;
use std::ops::Range;
use std::path::Path;

use memchr::memmem;

use crate::anchoring::{
    FlatText, Placement, Position, SeenPages, Span, attach_lazily, flat_anchor, flat_offset,
};
use crate::document::{Anchor, Document, Format, LoadOptions};

/// How much text before the place's paragraph the preview holds: a screen or two to page back
/// through before the whole arrives. Structuring is most of a reopening's time before its
/// first frame, and it grows with the preview: keys that go past it wait for the whole, and
/// say so.
const BEFORE: usize = 4 * 1024;
/// How much after it: four screens of prose at 200×60, and one on a terminal of 200 rows.
const AFTER: usize = 16 * 1024;
/// How far back from [`BEFORE`] a paragraph break is looked for to begin the preview at.
const REACH: usize = 48 * 1024;
/// How far before a line mark a preview read from it starts: room for [`BEFORE`] and the
/// [`REACH`] for a paragraph break, whatever line after the mark the place is on.
pub const LOOK_BACK: usize = BEFORE + REACH;
/// How much is read at a time on the way to the place.
const CHUNK: u64 = 1 << 20;

/// A preview of the text around a saved place, and the place in it.
#[derive(Debug)]
pub struct Around {
    pub doc: Document,
    pub place: Anchor,
    /// The pages seen at the place last, when the file is the one they were seen in.
    pub pages: Option<SeenPages>,
}

/// A point of the bytes read where a line of the file begins: (its offset in them, its
/// 1-based line). From the start of the file, `(0, 1)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Landmark {
    pub offset: usize,
    pub line: usize,
}

impl Landmark {
    pub const START: Landmark = Landmark { offset: 0, line: 1 };
}

/// Read from `reader` onto `bytes` (read so far) until they hold the start of the 1-based
/// line `line`, counted from `landmark`, and [`AFTER`] bytes past it, or the end of the file,
/// or `limit` bytes in all. Returns where that line starts, or `None` when the text read has
/// fewer lines or the landmark is not at the start of a line.
pub fn read_to_line(
    reader: &mut impl Read,
    bytes: &mut Vec<u8>,
    limit: u64,
    landmark: Landmark,
    line: usize,
) -> std::io::Result<Option<usize>> {
    // Lines count from 1: a line 0 is a store written by hand, not a place.
    let Some(mut newlines) = landmark.line.checked_sub(1) else {
        return Ok(None);
    };
    if line < landmark.line {
        return Ok(None);
    }
    let mut scanned = landmark.offset;
    let mut line_start = (line == landmark.line).then_some(landmark.offset);
    let mut at_end = false;
    loop {
        if line_start.is_none() && scanned < bytes.len() {
            for at in memchr::memchr_iter(b'\n', &bytes[scanned..]) {
                newlines += 1;
                if newlines + 1 == line {
                    line_start = Some(scanned + at + 1);
                    break;
                }
            }
            if line_start.is_none() {
                scanned = bytes.len();
            }
        }
        match line_start {
            Some(start) if at_end || bytes.len() >= start + AFTER => {
                let at_line_start =
                    landmark.offset == 0 || bytes.get(landmark.offset - 1) == Some(&b'\n');
                return Ok(at_line_start.then_some(start));
            }
            None if at_end => return Ok(None),
            _ => {}
        }
        let room = limit.saturating_sub(bytes.len() as u64).min(CHUNK);
        let read = reader.by_ref().take(room).read_to_end(bytes)?;
        at_end = read == 0 || bytes.len() as u64 >= limit;
    }
}

/// The preview of the text around the saved place `position`, whose paragraph starts at
/// `line_start` in `bytes` (read of the file from where `landmark` is counted, at least
/// [`AFTER`] bytes past the line unless the file ends sooner), or `None` when the place
/// cannot be found there as it was saved.
pub fn preview(
    bytes: &[u8],
    landmark: Landmark,
    line_start: usize,
    position: &Position,
    name: &str,
    options: LoadOptions,
) -> Option<Around> {
    let line = position.line?;
    let range = window(bytes, line_start);
    // The preview counts its lines from its own start; the store counts them in the file.
    let lines_between =
        |from: usize, to: usize| memchr::memchr_iter(b'\n', &bytes[from..to]).count();
    let lines_to_landmark = landmark.line.checked_sub(1)?;
    let before = if range.start <= landmark.offset {
        lines_to_landmark.checked_sub(lines_between(range.start, landmark.offset))?
    } else {
        lines_to_landmark + lines_between(landmark.offset, range.start)
    };
    let doc = part_of_file(&bytes[range], name, before, options)?;
    let block = doc.blocks.iter().position(|b| b.line == line)?;
    let place = find(&doc, block, position)?;
    Some(Around {
        doc,
        place,
        pages: None,
    })
}

/// A preview of the end of the file at `path`: its last paragraphs (about [`BEFORE`] and
/// [`AFTER`] together), with the file's line numbers, the lines before them counted on the
/// way at memory speed. `None` when the end is not plain UTF-8 text or cannot be read.
pub fn end(path: &Path, options: LoadOptions) -> Option<Document> {
    let mut file = File::open(path).ok()?;
    let len = file.metadata().ok()?.len();
    let kept = (BEFORE + AFTER) as u64;
    let from = len.saturating_sub(kept + REACH as u64);
    let mut lines_before = 0;
    let mut buffer = vec![0; CHUNK as usize];
    let mut left = from;
    while left > 0 {
        let want = usize::try_from(left.min(CHUNK)).ok()?;
        let read = file.read(&mut buffer[..want]).ok()?;
        if read == 0 {
            return None;
        }
        lines_before += memchr::memchr_iter(b'\n', &buffer[..read]).count();
        left -= read as u64;
    }
    let mut bytes = Vec::new();
    file.take(kept + REACH as u64)
        .read_to_end(&mut bytes)
        .ok()?;
    // Begin at a paragraph break in the reach before what is kept (failing one, a line's
    // start); from the file's start when that is where the reach begins.
    let reach = bytes.len().saturating_sub(kept as usize);
    let start = if from == 0 && reach == 0 {
        0
    } else {
        last_break(&bytes[..reach])
            .or_else(|| memchr::memrchr(b'\n', &bytes[..reach]).map(|at| at + 1))
            .or((from == 0).then_some(0))?
    };
    let before = lines_before + memchr::memchr_iter(b'\n', &bytes[..start]).count();
    part_of_file(&bytes[start..], &Document::file_name(path), before, options)
}

/// `bytes`, a part of a plain-text file that `lines_before` lines of it come before, as a
/// document numbered with the file's lines; `None` unless it is UTF-8. A part has no title of
/// its own: the file's name stands in until the whole is read.
fn part_of_file(
    bytes: &[u8],
    name: &str,
    lines_before: usize,
    options: LoadOptions,
) -> Option<Document> {
    let text = std::str::from_utf8(bytes).ok()?;
    // Plain text as the whole was read (prose, or program source line for line).
    let options = LoadOptions {
        format: Some(
            options
                .format
                .filter(|f| f.is_plain())
                .unwrap_or(Format::Text),
        ),
        ..options
    };
    let mut doc = Document::load(text.as_bytes().to_vec(), name, options).ok()?;
    doc.name = name.to_string();
    doc.line_marks.clear();
    for block in &mut doc.blocks {
        block.line = block.line.saturating_add(lines_before);
    }
    Some(doc)
}

/// Where the preview begins and ends in `bytes`: a paragraph break some way before the
/// place's line, and one well after it (failing those, the start of a line).
fn window(bytes: &[u8], line_start: usize) -> Range<usize> {
    let line_start = line_start.min(bytes.len());
    let start = if line_start <= BEFORE {
        0
    } else {
        let far = line_start - BEFORE;
        let near = far.saturating_sub(REACH);
        last_break(&bytes[near..far])
            .map(|at| near + at)
            .or_else(|| memchr::memrchr(b'\n', &bytes[..far]).map(|at| at + 1))
            .unwrap_or(0)
    };
    let end_of_reach = (line_start + AFTER).min(bytes.len());
    let end = if end_of_reach == bytes.len() {
        bytes.len()
    } else {
        let after = &bytes[line_start..end_of_reach];
        last_break(after)
            .or_else(|| memchr::memrchr(b'\n', after).map(|at| at + 1))
            .map_or(end_of_reach, |at| line_start + at)
    };
    // A cut inside a character (a text of one long line) ends the preview before it.
    let end = match std::str::from_utf8(&bytes[start..end]) {
        Ok(_) => end,
        Err(err) if err.error_len().is_none() => start + err.valid_up_to(),
        Err(_) => end,
    };
    start..end
}

/// Where the text after the last blank line of `bytes` begins.
fn last_break(bytes: &[u8]) -> Option<usize> {
    [&b"\n\n"[..], &b"\n\r\n"[..]]
        .iter()
        .filter_map(|gap| memmem::rfind(bytes, gap).map(|at| at + gap.len()))
        .max()
}

/// The saved place in block `block` of the preview, found by its quote: `None` unless the
/// quoted text is there.
fn find(doc: &Document, block: usize, position: &Position) -> Option<Anchor> {
    let start = Anchor::new(block, position.anchor.byte);
    let hint = Span {
        start,
        end: flat_anchor(doc, flat_offset(doc, start) + position.quote.exact.len()),
    };
    let flat = std::cell::OnceCell::new();
    match attach_lazily(
        doc,
        || flat.get_or_init(|| FlatText::new(doc)),
        &position.quote,
        Some(hint),
    ) {
        Placement::Exact(span) if span.start.block == block => Some(span.start),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anchoring::position_at;

    /// A text of numbered paragraphs, each wrapped over two lines as saved books are.
    fn book(paragraphs: usize) -> String {
        (0..paragraphs)
            .map(|i| format!("Paragraph {i} tells of the sea,\nand of whale number {i} in it.\n\n"))
            .collect()
    }

    /// The place saved at the start of paragraph `k` of `text`, as the reader saves it.
    fn saved_at(text: &str, k: usize) -> Position {
        let doc = Document::from_text(text, "book.txt");
        let mut position = position_at(&FlatText::new(&doc), Anchor::new(k, 0));
        position.line = Some(doc.blocks[k].line);
        position
    }

    fn line_start(text: &str, line: usize) -> usize {
        let mut bytes = Vec::new();
        read_to_line(
            &mut text.as_bytes(),
            &mut bytes,
            u64::MAX,
            Landmark::START,
            line,
        )
        .unwrap()
        .unwrap()
    }

    /// The preview of `text` read from its start around `position`, as reopening a file
    /// with no line mark past its opening makes it.
    fn previewed(text: &str, position: &Position) -> Option<Around> {
        let start = line_start(text, position.line?);
        preview(
            text.as_bytes(),
            Landmark::START,
            start,
            position,
            "book.txt",
            LoadOptions::default(),
        )
    }

    #[test]
    fn reading_stops_a_little_past_the_line() {
        let text = book(50_000);
        let mut bytes = Vec::new();
        let start = read_to_line(
            &mut text.as_bytes(),
            &mut bytes,
            u64::MAX,
            Landmark::START,
            30_001,
        )
        .unwrap()
        .unwrap();
        assert!(text[start..].starts_with("Paragraph 10000 tells"));
        assert!(bytes.len() >= start + AFTER && bytes.len() < text.len());
        assert_eq!(bytes, text.as_bytes()[..bytes.len()]);
        // A line past the end is not there; the limit is never passed.
        let mut bytes = Vec::new();
        assert_eq!(
            read_to_line(
                &mut text.as_bytes(),
                &mut bytes,
                u64::MAX,
                Landmark::START,
                200_000
            )
            .unwrap(),
            None
        );
        let mut bytes = Vec::new();
        assert_eq!(
            read_to_line(
                &mut text.as_bytes(),
                &mut bytes,
                5000,
                Landmark::START,
                30_001
            )
            .unwrap(),
            None
        );
        assert_eq!(bytes.len(), 5000);
    }

    #[test]
    fn the_preview_holds_the_place_with_the_files_line_numbers() {
        let text = book(50_000);
        let position = saved_at(&text, 10_000);
        let around = previewed(&text, &position).unwrap();
        let block = &around.doc.blocks[around.place.block];
        assert!(
            block
                .text
                .starts_with("Paragraph 10000 tells of the sea, and")
        );
        assert_eq!(block.line, position.line.unwrap());
        assert_eq!(around.place.byte, 0);
        // Paragraphs before the place to page back through, and after it: about the bytes
        // asked for each way, less what lies past the last paragraph break.
        let bytes = |blocks: &[crate::document::Block]| -> usize {
            blocks.iter().map(|b| b.text.len() + 2).sum()
        };
        let (before, after) = around.doc.blocks.split_at(around.place.block);
        assert!(bytes(before) >= BEFORE, "{} bytes before", bytes(before));
        assert!(bytes(after) >= AFTER - 1024, "{} bytes after", bytes(after));
        assert_eq!(around.doc.name, "book.txt");
        // Every paragraph of the preview is the whole text's, on its line.
        let whole = Document::from_text(&text, "book.txt");
        let first = whole
            .blocks
            .iter()
            .position(|b| b.line == around.doc.blocks[0].line)
            .unwrap();
        for (seen, real) in around.doc.blocks.iter().zip(&whole.blocks[first..]) {
            assert_eq!((seen.line, &seen.text), (real.line, &real.text));
        }
    }

    #[test]
    fn read_from_a_line_mark_the_preview_is_the_same_as_read_from_the_start() {
        let text = book(50_000);
        let doc =
            Document::load(text.as_bytes().to_vec(), "book.txt", LoadOptions::default()).unwrap();
        let position = saved_at(&text, 10_000);
        let line = position.line.unwrap();
        let (mark_line, mark_byte) = doc.line_mark_before(line).unwrap();
        assert!(mark_line <= line && line - mark_line < crate::document::LINE_MARK_STEP);
        assert!(text[..mark_byte as usize].ends_with('\n'));
        assert_eq!(
            text[..mark_byte as usize].matches('\n').count() + 1,
            mark_line
        );
        // Read from some way before the mark, as a seek into the file does.
        let from = mark_byte as usize - 70_000;
        let landmark = Landmark {
            offset: mark_byte as usize - from,
            line: mark_line,
        };
        let mut bytes = Vec::new();
        let start = read_to_line(
            &mut &text.as_bytes()[from..],
            &mut bytes,
            u64::MAX,
            landmark,
            line,
        )
        .unwrap()
        .unwrap();
        let seeked = preview(
            &bytes,
            landmark,
            start,
            &position,
            "book.txt",
            LoadOptions::default(),
        )
        .unwrap();
        let whole = previewed(&text, &position).unwrap();
        assert_eq!(seeked.doc.blocks, whole.doc.blocks);
        assert_eq!(seeked.place, whole.place);
        // A mark that is not at a line's start (the file changed) is refused.
        let wrong = Landmark {
            offset: landmark.offset + 3,
            line: mark_line,
        };
        let mut bytes = Vec::new();
        let read = read_to_line(
            &mut &text.as_bytes()[from..],
            &mut bytes,
            u64::MAX,
            wrong,
            line,
        );
        assert_eq!(read.unwrap(), None);
        // Nor is a mark or a place on line 0 (a store edited by hand): no panic, no preview.
        let zero = Landmark { offset: 0, line: 0 };
        let mut bytes = Vec::new();
        let read = read_to_line(&mut text.as_bytes(), &mut bytes, u64::MAX, zero, line);
        assert_eq!(read.unwrap(), None);
        let mut bytes = Vec::new();
        let read = read_to_line(
            &mut text.as_bytes(),
            &mut bytes,
            u64::MAX,
            Landmark::START,
            0,
        );
        assert_eq!(read.unwrap(), None);
    }

    #[test]
    fn the_end_of_a_file_is_its_last_paragraphs_on_their_lines() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("book.txt");
        let text = book(50_000);
        std::fs::write(&file, &text).unwrap();
        let tail = end(&file, LoadOptions::default()).unwrap();
        let whole = Document::from_text(&text, "book.txt");
        assert_eq!(tail.name, "book.txt");
        assert!(tail.blocks.len() > 300 && tail.blocks.len() < 2_000);
        // The last paragraphs of the whole, each on its line of the file.
        let first = whole.blocks.len() - tail.blocks.len();
        for (seen, real) in tail.blocks.iter().zip(&whole.blocks[first..]) {
            assert_eq!((seen.line, &seen.text), (real.line, &real.text));
        }
        // A short file is its own end; a file that does not end in UTF-8 has none here.
        std::fs::write(&file, book(3)).unwrap();
        let short = end(&file, LoadOptions::default()).unwrap();
        assert_eq!(
            short.blocks,
            Document::from_text(&book(3), "book.txt").blocks
        );
        let mut latin = text.clone().into_bytes();
        let at = latin.len() - 100;
        latin[at] = 0xE9;
        std::fs::write(&file, latin).unwrap();
        assert!(end(&file, LoadOptions::default()).is_none());
        assert!(end(&dir.path().join("gone.txt"), LoadOptions::default()).is_none());
    }

    #[test]
    fn a_place_inside_a_paragraph_is_found_by_its_quote() {
        let text = book(50_000);
        let doc = Document::from_text(&text, "book.txt");
        let mut position = position_at(&FlatText::new(&doc), Anchor::new(20_000, 17));
        position.line = Some(doc.blocks[20_000].line);
        let around = previewed(&text, &position).unwrap();
        assert_eq!(around.place.byte, 17);
        assert!(
            around.doc.blocks[around.place.block]
                .text
                .starts_with("Paragraph 20000 ")
        );
    }

    #[test]
    fn a_changed_file_gives_no_preview() {
        let text = book(50_000);
        let position = saved_at(&text, 10_000);
        // Lines added before the place: its line now holds other words.
        let edited = format!("A new preface\nof three lines\nadded later.\n\n{text}");
        let start = line_start(&edited, position.line.unwrap());
        assert!(
            preview(
                edited.as_bytes(),
                Landmark::START,
                start,
                &position,
                "book.txt",
                LoadOptions::default()
            )
            .is_none()
        );
        // Without a line kept (a place saved by an older quire) there is nothing to go by.
        let mut unlined = position.clone();
        unlined.line = None;
        let start = line_start(&text, 1);
        assert!(
            preview(
                text.as_bytes(),
                Landmark::START,
                start,
                &unlined,
                "b",
                LoadOptions::default()
            )
            .is_none()
        );
    }

    #[test]
    fn the_window_begins_and_ends_at_paragraph_breaks_or_line_starts() {
        let text = book(50_000);
        let start = line_start(&text, 30_001);
        let range = window(text.as_bytes(), start);
        assert!(text[..range.start].ends_with("\n\n"));
        assert!(text[..range.end].ends_with("\n\n"));
        assert!(range.start < start - BEFORE && range.end > start + AFTER / 2);
        // Near the start, from the start; near the end, to the end.
        assert_eq!(window(text.as_bytes(), 100).start, 0);
        assert_eq!(window(text.as_bytes(), text.len() - 100).end, text.len());
        // One paragraph a line, no blank lines: whole lines.
        let lines: String = (0..50_000)
            .map(|i| format!("Line {i} of the log.\n"))
            .collect();
        let start = line_start(&lines, 20_001);
        let range = window(lines.as_bytes(), start);
        assert!(lines[..range.start].ends_with('\n') && lines[..range.end].ends_with('\n'));
        // One long line: cut at a character's edge.
        let long = "é".repeat(100_000);
        let range = window(long.as_bytes(), 0);
        assert!(long.is_char_boundary(range.end) && range.end > 0);
    }
}
