//! Opening a document's bookmarks and place: find the store, look the document up by content
//! (or by its last path when the file changed), re-attach bookmarks by their quotes, and say
//! what happened in one status message. Also the quote kept with the reading position.

use std::path::{Path, PathBuf};

use super::{Bookmark, Persistence};
use crate::anchoring::{
    FlatText, Placement, Span, attach_lazily, content_hash, flat_anchor, flat_offset,
};
use crate::document::{Anchor, Document};
use crate::model::Model;
use crate::store::Lookup;
use crate::store::{Opened, Position, Store, StoreError};

/// How many chars after the reader's place are kept to find it again.
const POSITION_QUOTE_CHARS: usize = 48;

/// An open store and the document's record in it.
#[derive(Debug)]
pub struct DocSession {
    pub store: Store,
    pub document: i64,
}

/// What opening found.
#[derive(Debug, Default)]
pub struct Loaded {
    pub session: Option<DocSession>,
    pub bookmarks: Vec<Bookmark>,
    /// Where the reader left off, placed in the current text.
    pub position: Option<Anchor>,
    /// Things the reader should be told (store trouble, re-attached or orphaned bookmarks).
    pub notices: Vec<String>,
    pub persistence: Persistence,
}

/// The path a document is keyed by: absolute when it can be, so `./a.txt` and `/x/a.txt` agree.
pub fn path_key(path: &Path) -> String {
    std::fs::canonicalize(path)
        .unwrap_or_else(|_| PathBuf::from(path))
        .display()
        .to_string()
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
    let mut loaded = Loaded {
        persistence: Persistence::Saved,
        ..Loaded::default()
    };
    if let Some(notice) = opened.notice {
        loaded.notices.push(format!("bookmarks: {notice}"));
    }
    let mut store = opened.store;
    match read_document(&mut store, doc, path, &mut loaded) {
        Ok(document) => loaded.session = Some(DocSession { store, document }),
        Err(err) => {
            loaded
                .notices
                .push(format!("bookmarks will not be saved: {err}"));
            loaded.persistence = Persistence::NotSaved(err.to_string());
        }
    }
    loaded
}

fn unsaved(reason: String) -> Loaded {
    Loaded {
        notices: vec![format!("bookmarks will not be saved: {reason}")],
        persistence: Persistence::NotSaved(reason),
        ..Loaded::default()
    }
}

fn read_document(
    store: &mut Store,
    doc: &Document,
    path: Option<&Path>,
    loaded: &mut Loaded,
) -> Result<i64, crate::store::StoreError> {
    let hash = content_hash(doc);
    let key = path.map(path_key);
    let lookup = store.lookup_document(&hash, key.as_deref(), &doc.name)?;
    let (record, changed) = match lookup {
        Lookup::Same(r) | Lookup::New(r) => (r, false),
        Lookup::Changed(r) => (r, true),
    };
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
    if changed || moved > 0 {
        let placed = bookmarks.len() - orphaned;
        loaded.notices.push(format!(
            "the text changed: {placed} of {} bookmarks re-attached",
            bookmarks.len()
        ));
    }
    if orphaned > 0 {
        loaded.notices.push(format!(
            "{orphaned} orphaned (their text is gone; listed in B)"
        ));
    }
    loaded.position = store
        .position(record.id)?
        .map(|p| place_position(flat, doc, &p));
    loaded.bookmarks = bookmarks;
    Ok(record.id)
}

/// The reading position for `anchor`, with the text there.
pub fn position_at(flat: &FlatText, anchor: Anchor) -> Position {
    let start = flat.offset(anchor);
    let length: usize = flat.text[start..]
        .chars()
        .take(POSITION_QUOTE_CHARS)
        .map(char::len_utf8)
        .sum();
    let span = Span {
        start: anchor,
        end: flat.anchor(start + length),
    };
    let mut quote = flat.quote(span);
    quote.exact = flat.text[start..start + length].to_string();
    Position { anchor, quote }
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

/// The reader's model for a document opened with what the store had for it: the one way a
/// whole document becomes the model, at start-up or when it replaces a preview.
pub fn reader_model(
    doc: Document,
    loaded: &mut Loaded,
    config: crate::model::Config,
    keymap: crate::keymap::Keymap,
    screen: (u16, u16),
    from_start: bool,
) -> Model {
    let mut model = Model::with_outline_later(doc, config, keymap, screen);
    apply(&mut model, loaded, from_start);
    model
}

/// Put what was loaded into the model: bookmarks, the reader's place (unless `from_start`),
/// and one status message ("resumed at ¶ 4", plus any notice).
pub fn apply(model: &mut Model, loaded: &mut Loaded, from_start: bool) {
    model.marks.bookmarks = std::mem::take(&mut loaded.bookmarks);
    model.marks.sort();
    model.marks.persistence = loaded.persistence.clone();
    let mut messages = loaded.notices.clone();
    if let Some(place) = loaded.position.filter(|_| !from_start) {
        model.open_at(place);
        if model.anchor != Anchor::default() {
            let (k, _) = model.paragraph_position();
            messages.insert(0, format!("resumed at ¶ {k}"));
        }
    }
    if !messages.is_empty() {
        model.message = Some(messages.join(" · "));
    }
}
