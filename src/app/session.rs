//! What the store has for a document being opened: find the store, look the document up by
//! content (or by its last path when the file changed), re-attach bookmarks by their quotes,
//! place the saved reading position, and gather what the reader should be told. The result is
//! pure data for the reader ([`Saved`]) and the open store for the runtime.

use std::path::Path;

use crate::anchoring::{
    FlatText, Placement, Position, Span, attach_lazily, content_hash, flat_anchor, flat_offset,
};
use crate::document::{Anchor, Document, Format};
use crate::reader::Saved;
use crate::reader::marks::Persistence;
use crate::store::{Lookup, Opened, ReadingFacts, Store, StoreError, path_key};

/// What opening found: the reader's part, and the store it came from (kept by the runtime
/// for the writes to come).
#[derive(Debug, Default)]
pub struct Loaded {
    pub store: Option<Store>,
    pub saved: Saved,
    /// The hash the store knows the document by, when it was looked up in one.
    pub hash: Option<String>,
}

/// Open the store in `dir` and load what it has for `doc` (opened from `path`, if a file).
/// Never fails: trouble becomes a notice and an unsaved session.
pub fn load(dir: Option<&Path>, doc: &Document, path: Option<&Path>) -> Loaded {
    load_opened(dir.map(Store::open), doc, path)
}

/// [`load`] with the store already opened (or not, when no data directory is known): for a
/// caller that looked something up in it before the document was ready.
pub fn load_opened(
    opened: Option<Result<Opened, StoreError>>,
    doc: &Document,
    path: Option<&Path>,
) -> Loaded {
    let Some(opened) = opened else {
        return unsaved("no data directory is known".into());
    };
    let opened = match opened {
        Ok(opened) => opened,
        Err(err) => return unsaved(err.to_string()),
    };
    let mut saved = Saved {
        persistence: Persistence::Saved,
        ..Saved::default()
    };
    if let Some(notice) = opened.notice {
        saved.notices.push(format!("bookmarks: {notice}"));
    }
    let mut store = opened.store;
    let mut found = read_document(&mut store, doc, path, &mut saved);
    // Damage met on the way (the store is not read whole for it first): the store is moved
    // aside and a fresh one started, as when it is met on opening.
    if let Err(err) = &found
        && err.is_damage()
    {
        match store.start_afresh(err) {
            Ok(fresh) => {
                saved = Saved {
                    persistence: Persistence::Saved,
                    notices: fresh
                        .notice
                        .map(|notice| format!("bookmarks: {notice}"))
                        .into_iter()
                        .collect(),
                    ..Saved::default()
                };
                store = fresh.store;
                found = read_document(&mut store, doc, path, &mut saved);
            }
            Err(err) => return unsaved(err.to_string()),
        }
    }
    match found {
        Ok((record, hash)) => {
            saved.record = Some(record);
            Loaded {
                store: Some(store),
                saved,
                hash: Some(hash),
            }
        }
        Err(err) => {
            saved
                .notices
                .push(format!("bookmarks will not be saved: {err}"));
            saved.persistence = Persistence::NotSaved(err.to_string());
            Loaded {
                store: None,
                saved,
                hash: None,
            }
        }
    }
}

fn unsaved(reason: String) -> Loaded {
    Loaded {
        store: None,
        saved: Saved {
            notices: vec![format!("bookmarks will not be saved: {reason}")],
            persistence: Persistence::NotSaved(reason),
            ..Saved::default()
        },
        hash: None,
    }
}

fn read_document(
    store: &mut Store,
    doc: &Document,
    path: Option<&Path>,
    saved: &mut Saved,
) -> Result<(i64, String), StoreError> {
    let hash = content_hash(doc);
    let key = path.map(path_key);
    let author = doc.author();
    let facts = ReadingFacts {
        author: &author,
        format: doc.format.map_or("text", Format::name),
    };
    // What an open records is no reason to wait for the disk before the first page.
    let (record, changed) = store.without_flush(|store| {
        let lookup = store.lookup_document(&hash, key.as_deref(), &doc.name)?;
        let (record, changed) = match lookup {
            Lookup::Same(r) | Lookup::New(r) => (r, false),
            Lookup::Changed(r) => (r, true),
        };
        store.note_reading(record.id, facts)?;
        Ok((record, changed))
    })?;
    // The whole text as one string is a copy of the document: made only when a bookmark or
    // a saved place has to be looked for, not when each is still where it was saved.
    let flat_text = std::cell::OnceCell::new();
    let flat = || flat_text.get_or_init(|| FlatText::new(doc));
    let mut bookmarks = store.bookmarks(record.id)?;
    let (mut moved, mut approximate, mut orphaned) = (0, 0, 0);
    for bookmark in &mut bookmarks {
        let before = (bookmark.span, bookmark.orphaned);
        match attach_lazily(doc, flat, &bookmark.quote, Some(bookmark.span)) {
            Placement::Exact(span) => {
                bookmark.span = span;
                bookmark.orphaned = false;
            }
            Placement::Approximate(span) => {
                bookmark.span = span;
                bookmark.quote = flat().quote(span);
                bookmark.orphaned = false;
                approximate += 1;
            }
            Placement::Orphaned => {
                bookmark.orphaned = true;
                orphaned += 1;
            }
        }
        if (bookmark.span, bookmark.orphaned) != before {
            moved += 1;
        }
    }
    if changed || moved > 0 || approximate > 0 {
        store.adopt_content(record.id, &hash, &doc.name, &bookmarks)?;
    }
    // With no bookmarks there is nothing to say about re-attaching them.
    if (changed || moved > 0) && !bookmarks.is_empty() {
        let placed = bookmarks.len() - orphaned;
        saved.notices.push(format!(
            "the text changed: {placed} of {} bookmarks re-attached",
            bookmarks.len()
        ));
    }
    if orphaned > 0 {
        saved.notices.push(format!(
            "{orphaned} orphaned (their text is gone; listed in B)"
        ));
    }
    saved.position = store
        .position(record.id)?
        .map(|p| place_position(flat, doc, &p));
    saved.bookmarks = bookmarks;
    Ok((record.id, hash))
}

/// Where `position` (a place in an earlier text of `doc`) is in `doc` now: found by its quote,
/// else its anchor clamped.
pub fn place(doc: &Document, position: &Position) -> Anchor {
    let flat = std::cell::OnceCell::new();
    place_position(|| flat.get_or_init(|| FlatText::new(doc)), doc, position)
}

/// Find a saved position in the current text: by its quote, else its anchor clamped. The
/// whole text is built by `flat` only if the quote is no longer at its place.
fn place_position<'f>(
    flat: impl FnOnce() -> &'f FlatText,
    doc: &Document,
    position: &Position,
) -> Anchor {
    let hint = Span {
        start: position.anchor,
        end: flat_anchor(
            doc,
            flat_offset(doc, position.anchor) + position.quote.exact.len(),
        ),
    };
    match attach_lazily(doc, flat, &position.quote, Some(hint)) {
        Placement::Exact(span) | Placement::Approximate(span) => span.start,
        Placement::Orphaned => doc.clamp(position.anchor),
    }
}
