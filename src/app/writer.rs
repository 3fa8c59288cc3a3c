//! Carrying out the reader's writes: bookmark changes at once, each in its own transaction, and
//! the reading place once the reader is still (one write per burst of scrolling, and always on
//! the way out). The store is opened when the first write needs it, so a big book's first
//! paint never waits on it. A failed write comes back as the reason, for the reader to show,
//! and is kept and tried again, in order, before the next write and whenever the reader is
//! still, until the store takes it.

use std::path::PathBuf;

use crate::reader::PlaceToSave;
use crate::reader::marks::StoreChange;
use crate::store::Store;

/// Where writes go.
#[derive(Debug, Default)]
pub struct Writer {
    /// The data directory, for opening the store when no open one was handed over.
    dir: Option<PathBuf>,
    store: Option<Store>,
    /// A place not yet written: the record it belongs to and the place.
    unsaved: Option<(i64, PlaceToSave, Option<u8>)>,
    /// How many times the place was written (coalescing is tested by it).
    position_writes: usize,
    /// Bookmark changes the store refused, oldest first, to be tried again.
    failed: Vec<(i64, StoreChange)>,
    /// A remembered choice was refused already this session.
    remember_refused: bool,
}

/// What a round of writes came to.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Written {
    /// Bookmarks whose earlier failed changes are all in the store now.
    pub saved_again: Vec<String>,
    /// Why the store refused, when it did.
    pub error: Option<String>,
}

impl Writer {
    /// Writes into `store`, or into a store opened in `dir` when one is first needed.
    pub fn new(store: Option<Store>, dir: Option<PathBuf>) -> Writer {
        Writer {
            dir,
            store,
            ..Writer::default()
        }
    }

    pub fn position_writes(&self) -> usize {
        self.position_writes
    }

    /// True while a moved place waits to be written.
    pub fn has_unsaved_position(&self) -> bool {
        self.unsaved.is_some()
    }

    /// Keep the newest place of `record`, to write once the reader is still.
    pub fn defer_position(&mut self, record: i64, place: PlaceToSave, progress: Option<u8>) {
        self.unsaved = Some((record, place, progress));
    }

    /// Write the place kept by [`Writer::defer_position`], if any.
    pub fn save_position(&mut self) -> Result<(), String> {
        let Some((record, place, progress)) = self.unsaved.take() else {
            return Ok(());
        };
        let position = place.position();
        self.position_writes += 1;
        let store = self.store()?;
        store
            .save_position(record, &position, progress)
            .map_err(|err| err.to_string())
    }

    /// Remember a choice made for every document (`None` forgets it). A refusal is told once
    /// a session: the choice holds for this session all the same, and saying so at every key
    /// press would hide what the key did.
    pub fn remember(&mut self, key: &str, value: Option<&str>) -> Result<(), String> {
        let result = self
            .store()
            .and_then(|store| store.remember(key, value).map_err(|err| err.to_string()));
        match result {
            Err(err) if !self.remember_refused => {
                self.remember_refused = true;
                Err(err)
            }
            _ => Ok(()),
        }
    }

    /// True while changes the store refused wait to be tried again.
    pub fn has_failed_changes(&self) -> bool {
        !self.failed.is_empty()
    }

    /// Carry out a bookmark change now, after the ones that failed before it (in order: a note
    /// must not reach the store before its bookmark). A refused change is kept for later.
    pub fn write(&mut self, record: i64, change: StoreChange) -> Written {
        let earlier = self.failed.len();
        self.failed.push((record, change));
        self.write_queue(earlier)
    }

    /// Try the changes the store refused again, oldest first, stopping at the first refusal.
    pub fn retry(&mut self) -> Written {
        self.write_queue(self.failed.len())
    }

    /// Write the queue in order; its first `earlier` changes are ones refused before, whose
    /// bookmarks are "saved again" once written.
    fn write_queue(&mut self, earlier: usize) -> Written {
        let mut written = Written::default();
        let mut failed = std::mem::take(&mut self.failed);
        let mut done = 0;
        for (record, change) in &failed {
            match self.apply(*record, change) {
                Ok(()) => done += 1,
                Err(error) => {
                    written.error = Some(error);
                    break;
                }
            }
        }
        let saved: Vec<(i64, StoreChange)> = failed.drain(..done).collect();
        self.failed = failed;
        for (_, change) in saved.into_iter().take(earlier) {
            let uid = change.uid();
            if !self.failed.iter().any(|(_, c)| c.uid() == uid) {
                written.saved_again.push(uid.to_string());
            }
        }
        written
    }

    fn apply(&mut self, record: i64, change: &StoreChange) -> Result<(), String> {
        let store = self.store()?;
        let result = match change {
            StoreChange::Add(bookmark) => store.add_bookmark(record, bookmark).map(drop),
            StoreChange::Delete(uid) => store.delete_bookmark(uid),
            StoreChange::SetNote { uid, note } => store.set_note(uid, note),
        };
        result.map_err(|err| err.to_string())
    }

    /// Take a document out of the library (its bookmarks stay).
    pub fn forget(&mut self, record: i64) -> Result<(), String> {
        self.store()?.forget(record).map_err(|err| err.to_string())
    }

    /// The store, opened now if it was not yet.
    pub fn store(&mut self) -> Result<&mut Store, String> {
        if self.store.is_none() {
            let Some(dir) = &self.dir else {
                return Err("no data directory is known".into());
            };
            let opened = Store::open(dir).map_err(|err| err.to_string())?;
            self.store = Some(opened.store);
        }
        self.store
            .as_mut()
            .ok_or_else(|| "the store is not open".to_string())
    }
}
