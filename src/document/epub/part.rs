//! One file of the spine read into the book: unpacked, decoded to text, parsed and written as
//! blocks. For a book's opening only the start of a long file is unpacked: as much markup as
//! the opening needs and a margin for the block it ends in. The tree of that start is the tree
//! the whole file would give up to the same place, so the opening is still the start of the
//! whole book; when the opening does not end within it, the file is unpacked whole after all.

use std::io::{self, Write};

use rbook::epub::manifest::EpubManifestEntry;

use super::chapter;
use super::sink::Sink;
use super::tree::Tree;
use crate::document::BlockKind;
use crate::document::sanitize::sanitize_line;

/// What an opening unpacks of a long file beyond the markup it is to read: more than all but
/// the longest paragraphs, so the block the opening ends in is whole within it.
const HEAD_MARGIN: usize = 16 * 1024;

/// Parse one part and write it into the book; with `source_budget`, only its opening, and
/// say whether it was cut short. `declared` is the size the archive gives for the file.
pub fn read(
    item: &EpubManifestEntry<'_>,
    path: &str,
    declared: u64,
    sink: &mut Sink,
    source_budget: Option<usize>,
) -> Result<bool, String> {
    let media = item.media_type();
    if media.starts_with("image/") && !media.contains("svg") {
        sink.begin_target(path.to_string());
        sink.start(BlockKind::Paragraph, 0);
        sink.literal("[image]", BlockKind::Paragraph);
        sink.flush();
        return Ok(false);
    }
    let tree = match source_budget {
        Some(budget) => opening(item, declared, budget)?,
        None => Tree::parse(&decode(unpack(item, declared, None)?.bytes)),
    };
    chapter::write(&tree, path, sink);
    Ok(!tree.cut.is_empty())
}

/// The tree of a file's opening: from its first bytes when the opening ends within them,
/// else from the whole file.
fn opening(item: &EpubManifestEntry<'_>, declared: u64, budget: usize) -> Result<Tree, String> {
    let limit = budget.saturating_add(HEAD_MARGIN);
    if declared > limit as u64 {
        let head = unpack(item, declared, Some(limit))?;
        let complete = head.complete;
        let text = decode(head.bytes);
        if complete {
            return Ok(Tree::parse_opening(&text, budget));
        }
        if let Some(tree) = Tree::parse_head(&text, budget) {
            return Ok(tree);
        }
    }
    let text = decode(unpack(item, declared, None)?.bytes);
    Ok(Tree::parse_opening(&text, budget))
}

/// The bytes of a file, or about its first `limit` bytes.
struct Unpacked {
    bytes: Vec<u8>,
    /// The whole file was unpacked.
    complete: bool,
}

/// Unpack a file into room made once for the size it declares (the archive has been surveyed,
/// so that size is within quire's limits); with `limit`, stop soon after that many bytes.
fn unpack(
    item: &EpubManifestEntry<'_>,
    declared: u64,
    limit: Option<usize>,
) -> Result<Unpacked, String> {
    let room = usize::try_from(declared).unwrap_or(0);
    let mut head = Head {
        bytes: Vec::with_capacity(limit.map_or(room, |limit| room.min(limit))),
        limit: limit.unwrap_or(usize::MAX),
        stopped: false,
    };
    match item.copy_bytes(&mut head) {
        Ok(_) => Ok(Unpacked {
            bytes: head.bytes,
            complete: true,
        }),
        Err(_) if head.stopped => Ok(Unpacked {
            bytes: head.bytes,
            complete: false,
        }),
        Err(e) => Err(describe_read_error(&e.to_string())),
    }
}

/// A writer that takes bytes until it holds `limit`, then refuses more, which stops the
/// unpacking: the rest of the file is never inflated.
struct Head {
    bytes: Vec<u8>,
    limit: usize,
    stopped: bool,
}

impl Write for Head {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.bytes.len() >= self.limit {
            self.stopped = true;
            return Err(io::Error::other("the opening has what it needs"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn describe_read_error(error: &str) -> String {
    let lower = error.to_ascii_lowercase();
    if lower.contains("not found") {
        "missing from the archive".into()
    } else {
        format!("cannot be unpacked ({})", sanitize_line(error))
    }
}

/// A chapter's bytes as text: by its byte-order mark, else the encoding its XML declaration
/// names, else UTF-8 (broken bytes replaced visibly). UTF-8 is taken over without a copy.
fn decode(bytes: Vec<u8>) -> String {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(&bytes) {
        return encoding
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned();
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]).to_ascii_lowercase();
    let declared = head
        .strip_prefix("<?xml")
        .and_then(|decl| decl.split("?>").next())
        .and_then(|decl| decl.split("encoding=").nth(1))
        .and_then(|rest| {
            rest.trim_start_matches(['"', '\''])
                .split(['"', '\''])
                .next()
        })
        .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()));
    match declared {
        Some(encoding) if encoding != encoding_rs::UTF_8 => {
            encoding.decode_without_bom_handling(&bytes).0.into_owned()
        }
        _ => String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_head_refuses_bytes_past_its_limit() {
        let mut head = Head {
            bytes: Vec::new(),
            limit: 10,
            stopped: false,
        };
        // Unpacking hands the writer a buffer at a time, as this reader does.
        let mut source = io::Read::take(io::repeat(b'x'), 100_000);
        let copied = io::copy(&mut source, &mut head);
        assert!(copied.is_err());
        assert!(head.stopped);
        assert!(head.bytes.len() >= 10 && head.bytes.len() < 100_000);
    }

    #[test]
    fn chapters_decode_by_mark_declaration_or_as_utf8() {
        assert_eq!(decode("caf\u{e9}".as_bytes().to_vec()), "café");
        let latin = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><p>caf\xe9</p>".to_vec();
        assert!(decode(latin).ends_with("<p>café</p>"));
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend("ok".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(utf16), "ok");
        assert_eq!(decode(b"a\xffb".to_vec()), "a\u{fffd}b");
    }
}
