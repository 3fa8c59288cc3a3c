//! A bookmark writer for the store's crash and concurrency tests: opens the store in a data
//! directory and adds bookmarks to one fixed document, one transaction each, printing
//! `ack <uid>` only after each save has returned. The tests kill it mid-loop (SIGKILL) or run
//! two at once, then check that every acknowledged bookmark is there.
//!
//! Usage: store_writer DATA_DIR LABEL COUNT   (COUNT 0 = until killed)

use std::io::Write;
use std::path::PathBuf;

use quire::anchoring::Bookmark;
use quire::anchoring::{FlatText, Span, content_hash};
use quire::document::{Anchor, Document};
use quire::store::{Lookup, Store};

/// The document every writer bookmarks, so concurrent writers share one record.
pub const TEXT: &str = "Writer test document.\n\nThe first paragraph is here to be bookmarked many times over.\n\nA second paragraph follows it.\n";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().ok_or("missing DATA_DIR")?);
    let label = args.next().ok_or("missing LABEL")?;
    let count: u64 = args.next().ok_or("missing COUNT")?.parse()?;
    let doc = Document::from_text(TEXT, "writer.txt");
    let flat = FlatText::new(&doc);
    let mut store = Store::open(&dir)?.store;
    let document = match store.lookup_document(&content_hash(&doc), None, &doc.name)? {
        Lookup::Same(r) | Lookup::Changed(r) | Lookup::New(r) => r.id,
    };
    let last = doc.blocks.len().saturating_sub(1);
    let span = Span {
        start: Anchor::new(last, 0),
        end: Anchor::new(last, doc.text(last).len()),
    };
    let stdout = std::io::stdout();
    let mut i = 0u64;
    while count == 0 || i < count {
        let bookmark = Bookmark {
            uid: format!("{label}-{i}"),
            span,
            quote: flat.quote(span),
            note: format!("note {i}"),
            ..Bookmark::default()
        };
        store.add_bookmark(document, &bookmark)?;
        let mut out = stdout.lock();
        writeln!(out, "ack {}", bookmark.uid)?;
        out.flush()?;
        i += 1;
    }
    Ok(())
}
