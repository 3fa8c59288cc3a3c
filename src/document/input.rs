//! Reading a document's bytes without being led on by what is read. Only a regular file or a
//! pipe is read (a device such as `/dev/zero`, or a socket, only when asked with `--force`),
//! never more than a limit ([`DEFAULT_MAX_SIZE`], or `--max-size`), and a stream whose first
//! block is binary is refused then, not after all of it has been read.

use std::fs::{File, Metadata};
use std::io::Read;
use std::path::Path;

use super::sniff::{self, HEAD_LEN, Verdict};
use super::{Document, LoadError, LoadOptions};

/// The most quire reads of one document unless told otherwise: well above the biggest books
/// (a 100 MB text is read and laid out in seconds), and far below what would exhaust memory.
pub const DEFAULT_MAX_SIZE: u64 = 256 * MIB;

const KIB: u64 = 1024;
const MIB: u64 = 1024 * KIB;
const GIB: u64 = 1024 * MIB;
const TIB: u64 = 1024 * GIB;

/// Open the file at `path` for reading: refused when it is a directory, not a regular file or
/// a pipe (unless forced), or bigger than the limit. The size comes back for a regular file.
pub fn open_file(path: &Path, options: LoadOptions) -> Result<(File, Option<u64>), LoadError> {
    let meta = std::fs::metadata(path).map_err(LoadError::Io)?;
    check_kind(&meta, options.force)?;
    let len = meta.is_file().then_some(meta.len());
    if let Some(len) = len
        && len > options.max_size()
    {
        return Err(LoadError::TooBig(options.max_size()));
    }
    let file = File::open(path).map_err(LoadError::Io)?;
    Ok((file, len))
}

/// Refuse what is not a regular file or a pipe, as `less` does: a device never ends
/// (`/dev/zero`, `/dev/urandom`) or waits for what no one will send, and a socket is not a
/// document. `force` reads them anyway, up to the size limit.
pub fn check_kind(meta: &Metadata, force: bool) -> Result<(), LoadError> {
    if meta.is_dir() {
        return Err(LoadError::IsDirectory);
    }
    if meta.is_file() || force {
        return Ok(());
    }
    match special_kind(meta) {
        Some(kind) => Err(LoadError::NotAFile(kind)),
        None => Ok(()),
    }
}

/// What a file that is neither regular nor a directory is, unless it is a pipe.
#[cfg(unix)]
fn special_kind(meta: &Metadata) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    let kind = meta.file_type();
    if kind.is_fifo() {
        None
    } else if kind.is_char_device() {
        Some("a character device")
    } else if kind.is_block_device() {
        Some("a block device")
    } else if kind.is_socket() {
        Some("a socket")
    } else {
        Some("not a kind of file quire reads")
    }
}

#[cfg(not(unix))]
fn special_kind(_meta: &Metadata) -> Option<&'static str> {
    Some("not a kind of file quire reads")
}

/// All of a stream (a file, a pipe, standard input), at most the size limit: its first block
/// is judged before the rest is read, so a binary stream is refused at once however long it
/// is. `expected` is the size, when known, to reserve room once.
pub fn read_all(
    mut reader: impl Read,
    expected: Option<u64>,
    name: &str,
    options: LoadOptions,
) -> Result<Vec<u8>, LoadError> {
    let limit = options.max_size();
    let room = expected.map_or(HEAD_LEN as u64, |len| len.min(limit).saturating_add(1));
    let mut bytes = Vec::new();
    bytes
        .try_reserve_exact(usize::try_from(room).unwrap_or(HEAD_LEN))
        .map_err(|e| LoadError::Io(std::io::Error::other(e)))?;
    (&mut reader)
        .take(HEAD_LEN as u64)
        .read_to_end(&mut bytes)
        .map_err(LoadError::Io)?;
    check_head(&bytes, bytes.len() < HEAD_LEN, name, options)?;
    read_rest(reader, bytes, limit)
}

/// Read what follows `head` in `reader`, refused once the whole passes `limit`.
pub fn read_rest(reader: impl Read, mut head: Vec<u8>, limit: u64) -> Result<Vec<u8>, LoadError> {
    // One byte past the limit is enough to know it is passed.
    let left = limit.saturating_sub(head.len() as u64).saturating_add(1);
    reader
        .take(left)
        .read_to_end(&mut head)
        .map_err(LoadError::Io)?;
    if head.len() as u64 > limit {
        return Err(LoadError::TooBig(limit));
    }
    Ok(head)
}

/// Refuse the opening block of a document when it says the document is binary. A book's
/// archive is not text and is not judged here, and neither is anything read in an encoding
/// the user named or forced.
pub fn check_head(
    head: &[u8],
    at_end: bool,
    name: &str,
    options: LoadOptions,
) -> Result<(), LoadError> {
    if options.force || options.encoding.is_some() || Document::is_book(head, name, options) {
        return Ok(());
    }
    match sniff::judge_head(head, at_end) {
        Verdict::Binary(reason) => Err(LoadError::Binary(reason)),
        Verdict::Text | Verdict::Utf16(_) | Verdict::Utf32 { .. } => Ok(()),
    }
}

/// A size as `--max-size` takes it: a number of bytes, or of KiB, MiB, GiB or TiB with the
/// suffix `K`, `M`, `G` or `T` (`512M`, `2G`, `1GiB`; case does not matter).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let lower = text.trim().to_ascii_lowercase();
    let unitless = lower
        .strip_suffix("ib")
        .or_else(|| lower.strip_suffix('b'))
        .unwrap_or(&lower);
    let (digits, unit) = match unitless.char_indices().last() {
        Some((at, 'k')) => (&unitless[..at], KIB),
        Some((at, 'm')) => (&unitless[..at], MIB),
        Some((at, 'g')) => (&unitless[..at], GIB),
        Some((at, 't')) => (&unitless[..at], TIB),
        _ => (unitless, 1),
    };
    let count: u64 = digits
        .trim()
        .parse()
        .map_err(|_| format!("'{text}' is not a size (for example 512M or 2G)"))?;
    match count.checked_mul(unit) {
        Some(0) => Err("the size must be more than 0".to_string()),
        Some(size) => Ok(size),
        None => Err(format!("'{text}' is too big")),
    }
}

/// A size in the largest binary unit that divides it ("256 MiB"), else in bytes.
pub fn shown_size(bytes: u64) -> String {
    let units = [(TIB, "TiB"), (GIB, "GiB"), (MIB, "MiB"), (KIB, "KiB")];
    for (unit, name) in units {
        if bytes >= unit && bytes.is_multiple_of(unit) {
            return format!("{} {name}", bytes / unit);
        }
    }
    format!("{bytes} bytes")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limited(max_size: u64) -> LoadOptions {
        LoadOptions {
            max_size: Some(max_size),
            ..LoadOptions::default()
        }
    }

    #[test]
    fn sizes_take_binary_units() {
        assert_eq!(parse_size("512M"), Ok(512 * MIB));
        assert_eq!(parse_size("2g"), Ok(2 * GIB));
        assert_eq!(parse_size("1GiB"), Ok(GIB));
        assert_eq!(parse_size("64KB"), Ok(64 * KIB));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert!(parse_size("0").is_err());
        assert!(parse_size("lots").is_err());
        assert!(parse_size("-1M").is_err());
        assert!(parse_size("99999999999T").is_err());
        assert_eq!(shown_size(DEFAULT_MAX_SIZE), "256 MiB");
        assert_eq!(shown_size(3 * GIB), "3 GiB");
        assert_eq!(shown_size(1000), "1000 bytes");
    }

    #[test]
    fn a_stream_is_read_whole_up_to_the_limit_and_refused_past_it() {
        let text = "a line of text\n".repeat(10_000);
        let bytes = read_all(text.as_bytes(), None, "t.txt", limited(150_000)).unwrap();
        assert_eq!(bytes, text.as_bytes());
        let exact = read_all(text.as_bytes(), None, "t.txt", limited(text.len() as u64));
        assert_eq!(exact.unwrap().len(), text.len());
        let over = read_all(
            text.as_bytes(),
            None,
            "t.txt",
            limited(text.len() as u64 - 1),
        );
        assert!(matches!(over, Err(LoadError::TooBig(_))));
        // A limit inside the first block.
        let tiny = read_all(text.as_bytes(), None, "t.txt", limited(100));
        assert!(matches!(tiny, Err(LoadError::TooBig(100))));
    }

    #[test]
    fn an_endless_binary_stream_is_refused_after_its_first_block() {
        let mut zeros = std::io::repeat(0);
        let refused = read_all(&mut zeros, None, "zeros", LoadOptions::default());
        assert!(matches!(refused, Err(LoadError::Binary(_))));
        // The refusal came from the first block: nothing past it was asked for.
        let mut counted = Counting::new(std::io::repeat(0));
        let _ = read_all(&mut counted, None, "zeros", LoadOptions::default());
        assert_eq!(counted.read, HEAD_LEN);
    }

    #[test]
    fn an_endless_text_stream_stops_at_the_limit() {
        let mut endless = std::io::repeat(b'y');
        let refused = read_all(&mut endless, None, "yes", limited(1 << 20));
        assert!(matches!(refused, Err(LoadError::TooBig(_))));
        // Forced binary is read up to the limit too, never for ever.
        let forced = LoadOptions {
            force: true,
            ..limited(1 << 20)
        };
        let refused = read_all(std::io::repeat(0), None, "zeros", forced);
        assert!(matches!(refused, Err(LoadError::TooBig(_))));
    }

    #[test]
    fn books_and_named_encodings_are_not_judged_by_their_opening() {
        let zip = b"PK\x03\x04\x00\x00\x00\x00 rest of an archive";
        assert!(check_head(zip, true, "book.epub", LoadOptions::default()).is_ok());
        let utf16 = LoadOptions {
            encoding: Some(encoding_rs::UTF_16LE),
            ..LoadOptions::default()
        };
        assert!(check_head(b"\x01\x00\x02\x00", true, "x", utf16).is_ok());
        assert!(check_head(b"\x01\x00\x02\x00", true, "x", LoadOptions::default()).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_refused_unless_forced_and_pipes_are_read() {
        let dev = std::fs::metadata("/dev/null").unwrap();
        assert!(matches!(
            check_kind(&dev, false),
            Err(LoadError::NotAFile("a character device"))
        ));
        assert!(check_kind(&dev, true).is_ok());
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            check_kind(&std::fs::metadata(dir.path()).unwrap(), true),
            Err(LoadError::IsDirectory)
        ));
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|status| status.success()) {
            assert!(check_kind(&std::fs::metadata(&fifo).unwrap(), false).is_ok());
        }
    }

    #[test]
    fn a_regular_file_over_the_limit_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("big.txt");
        std::fs::write(&file, "x".repeat(2000)).unwrap();
        assert!(matches!(
            open_file(&file, limited(1999)),
            Err(LoadError::TooBig(1999))
        ));
        let (_, len) = open_file(&file, limited(2000)).unwrap();
        assert_eq!(len, Some(2000));
    }

    /// A reader that counts what was read from it.
    struct Counting<R> {
        inner: R,
        read: usize,
    }

    impl<R> Counting<R> {
        fn new(inner: R) -> Self {
            Counting { inner, read: 0 }
        }
    }

    impl<R: Read> Read for Counting<R> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.inner.read(buf)?;
            self.read += n;
            Ok(n)
        }
    }
}
