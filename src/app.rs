//! The loop: event → action → update → effects → draw. Generic over the ratatui backend and
//! the event source, so tests drive this exact loop on a `TestBackend` with scripted keys.

use std::collections::VecDeque;
use std::io;
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::{Backend, TestBackend};

use crate::action::{Action, Effect};
use crate::anchoring::FlatText;
use crate::bookmarks::StoreChange;
use crate::bookmarks::session::{self, DocSession, position_at};
use crate::document::Anchor;
use crate::event::{Event, EventSource};
use crate::keymap::{Key, Lookup, Mode};
use crate::model::{Focus, Model};
use crate::opening::Whole;
use crate::outline::Outline;
use crate::ui;
use crate::update::update;

/// A backend whose size the loop can be told about (the real terminal resizes itself).
pub trait Resizable: Backend {
    fn resize_to(&mut self, width: u16, height: u16);
}

impl Resizable for TestBackend {
    fn resize_to(&mut self, width: u16, height: u16) {
        self.resize(width, height);
    }
}

impl<W: io::Write> Resizable for ratatui::backend::CrosstermBackend<W> {
    fn resize_to(&mut self, _width: u16, _height: u16) {}
}

/// How a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Quit,
    /// Stopped by a signal (its number; 0 when a script ran out).
    Signal(i32),
}

/// Runs the interactive session; owns the input state that is not part of the model.
pub struct App {
    pub model: Model,
    /// Keys typed so far of a multi-key binding.
    pending: Vec<Key>,
    /// Where bookmarks and the reading position are written; `None` keeps them in memory.
    pub store: Option<DocSession>,
    /// A place not yet saved: written once the reader is still, and on the way out.
    unsaved_place: Option<Anchor>,
    /// How many times the place was written (coalescing is tested by it).
    place_writes: usize,
    /// Digits typed before a key (`12G`); `None` when none were.
    count: Option<usize>,
    /// The full outline being built off this thread, when the model started with a
    /// provisional one.
    outline_job: Option<Receiver<Outline>>,
    /// The whole document being read on another thread while a preview of its opening is shown.
    whole_job: Option<WholeJob>,
    /// Input that came while the whole document was being read, kept in order for it.
    deferred: VecDeque<Event>,
}

/// The whole document on its way, and whether its saved place is to be resumed.
struct WholeJob {
    receiver: Receiver<Whole>,
    resume: bool,
}

/// How often the loop looks for the whole document while a preview is shown.
const WHOLE_POLL: Duration = Duration::from_millis(5);

/// How often the loop looks for a finished background outline while one is being built.
const OUTLINE_POLL: Duration = Duration::from_millis(50);

/// A backend's error as an I/O error: the terminal's own `io::Error` passes through as it is;
/// anything else (`TestBackend` cannot fail: its error is `Infallible`) is wrapped.
fn into_io<E: std::error::Error + Send + Sync + 'static>(err: E) -> io::Error {
    let boxed: Box<dyn std::error::Error + Send + Sync> = Box::new(err);
    match boxed.downcast::<io::Error>() {
        Ok(io) => *io,
        Err(other) => io::Error::other(other),
    }
}

/// How long the loop waits for the first event before checking again.
const IDLE_WAIT: Duration = Duration::from_secs(1);
/// How long the reader must be still before a moved place is saved: one write per burst of
/// scrolling instead of one per key repeat.
const STILL_BEFORE_SAVE: Duration = Duration::from_millis(400);

impl App {
    pub fn new(model: Model) -> App {
        App {
            model,
            pending: Vec::new(),
            store: None,
            unsaved_place: None,
            place_writes: 0,
            count: None,
            outline_job: None,
            whole_job: None,
            deferred: VecDeque::new(),
        }
    }

    /// An app that saves bookmarks and the reading place in `session`.
    pub fn with_store(model: Model, session: Option<DocSession>) -> App {
        App {
            store: session,
            ..App::new(model)
        }
    }

    /// An app showing `preview` (the opening of a big file) until the whole document arrives
    /// on `whole`; it then replaces the preview, with its bookmarks, store and (when `resume`)
    /// its saved place.
    pub fn with_whole_document_later(
        mut preview: Model,
        whole: Receiver<Whole>,
        resume: bool,
    ) -> App {
        preview.loading = true;
        App {
            whole_job: Some(WholeJob {
                receiver: whole,
                resume,
            }),
            ..App::new(preview)
        }
    }

    /// How many times the reading place has been written so far.
    pub fn place_writes(&self) -> usize {
        self.place_writes
    }

    pub fn run<B, E>(&mut self, terminal: &mut Terminal<B>, events: &mut E) -> io::Result<Exit>
    where
        B: Resizable,
        E: EventSource,
        B::Error: std::error::Error + Send + Sync + 'static,
    {
        let size = terminal.size().map_err(into_io)?;
        update(
            &mut self.model,
            Action::Resize {
                width: size.width,
                height: size.height,
            },
        );
        loop {
            terminal
                .draw(|frame| ui::render(&self.model, frame))
                .map_err(into_io)?;
            if self.whole_job.is_some() {
                if let Some(exit) = self.wait_for_whole(terminal, events)? {
                    return Ok(exit);
                }
                continue;
            }
            if !self.model.pages.is_complete() {
                // The first page is on screen; now lay out the rest and draw the true page count.
                self.model.complete_layout();
                continue;
            }
            self.start_outline_job();
            if self.install_outline() {
                continue;
            }
            let wait = if self.unsaved_place.is_some() {
                STILL_BEFORE_SAVE
            } else if self.outline_job.is_some() {
                OUTLINE_POLL
            } else {
                IDLE_WAIT
            };
            let Some(first) = self.next_event(events, wait)? else {
                self.save_place();
                continue;
            };
            // Take everything already waiting before drawing again, so a burst of key repeats
            // or resize events costs one frame.
            let mut event = Some(first);
            while let Some(current) = event.take() {
                if let Some(exit) = self.handle(terminal, current) {
                    self.save_place();
                    return Ok(exit);
                }
                event = self.next_event(events, Duration::ZERO)?;
            }
        }
    }

    /// Input kept while the whole document was read comes first, then the source's.
    fn next_event<E: EventSource>(
        &mut self,
        events: &mut E,
        wait: Duration,
    ) -> io::Result<Option<Event>> {
        match self.deferred.pop_front() {
            Some(event) => Ok(Some(event)),
            None => events.next(wait),
        }
    }

    /// While a preview is shown: wait for the whole document and put it in place, acting at
    /// once on what cannot wait (quitting, signals, resizes) and on paging within the preview,
    /// and keeping other input for the whole document, so no jump, search or mark acts on a
    /// preview that is about to be replaced. Returns when the screen needs drawing again.
    fn wait_for_whole<B, E>(
        &mut self,
        terminal: &mut Terminal<B>,
        events: &mut E,
    ) -> io::Result<Option<Exit>>
    where
        B: Resizable,
        E: EventSource,
    {
        loop {
            if self.install_whole()? {
                return Ok(None);
            }
            let Some(event) = events.next(WHOLE_POLL)? else {
                continue;
            };
            if self.acts_while_loading(&event) || self.moves_within_preview(&event) {
                return Ok(self.handle(terminal, event));
            }
            self.deferred.push_back(event);
        }
    }

    /// Paging or scrolling that stays inside the preview acts on it at once, so the reader is
    /// never left waiting on a big file's first pages; the whole document then opens at the
    /// same place. Anything else, or a move past the preview's last page, waits its turn
    /// behind what was kept, in the order it was typed.
    fn moves_within_preview(&self, event: &Event) -> bool {
        if !self.deferred.is_empty()
            || !self.pending.is_empty()
            || self.count.is_some()
            || self.mode() != Mode::Reader
            || self.model.prompt.is_some()
        {
            return false;
        }
        let action = match event {
            Event::ScrollDown => Action::PageDown,
            Event::ScrollUp => Action::PageUp,
            Event::Key(key) => {
                let key = Key::from(*key);
                match self.model.keymap.lookup(Mode::Reader, &[key]) {
                    Lookup::Found(action) => action,
                    _ => return false,
                }
            }
            _ => return false,
        };
        let on_last_page = self.model.current_page() + 1 >= self.model.pages.page_count();
        match action {
            Action::PageUp | Action::LineUp | Action::HalfPageUp | Action::PrevParagraph => true,
            Action::PageDown | Action::LineDown | Action::HalfPageDown | Action::NextParagraph => {
                !on_last_page
            }
            _ => false,
        }
    }

    /// Input that is acted on while the whole document is still being read.
    fn acts_while_loading(&self, event: &Event) -> bool {
        match event {
            Event::Terminate(_) | Event::Resize { .. } => true,
            Event::Key(key) => {
                let key = Key::from(*key);
                let quits =
                    self.model.keymap.lookup(Mode::Reader, &[key]) == Lookup::Found(Action::Quit);
                let interrupt = key.ctrl && key.code == crossterm::event::KeyCode::Char('c');
                // Ctrl-C is "get me out" whatever came before it. Another quit key only counts
                // when nothing typed before it could change what it means (as in "/q").
                quits && (interrupt || (self.pending.is_empty() && self.deferred.is_empty()))
            }
            _ => false,
        }
    }

    /// Replace the preview by the whole document if it has arrived; true when it did.
    fn install_whole(&mut self) -> io::Result<bool> {
        let Some(job) = &self.whole_job else {
            return Ok(false);
        };
        let (doc, mut loaded) = match job.receiver.try_recv() {
            Ok(Ok(whole)) => whole,
            // The preview read, the whole did not (a binary tail, say): the same refusal as
            // for any file, passed up for the caller to word.
            Ok(Err(err)) => return Err(io::Error::other(err)),
            Err(mpsc::TryRecvError::Empty) => return Ok(false),
            Err(mpsc::TryRecvError::Disconnected) => {
                // The reading thread died (a bug): said as a failure to open the file.
                let reason = io::Error::other("reading it failed (an internal error)");
                return Err(io::Error::other(crate::document::LoadError::Io(reason)));
            }
        };
        let resume = job.resume;
        self.whole_job = None;
        let preview = &self.model;
        let read_to = preview.anchor;
        // The preview's place holds in the whole document when its paragraph is there with the
        // same words (the preview's last one may be cut short).
        let same_place = read_to != Anchor::default()
            && match (
                preview.doc.blocks.get(read_to.block),
                doc.blocks.get(read_to.block),
            ) {
                (Some(seen), Some(whole)) => whole.text.starts_with(seen.text.as_str()),
                _ => false,
            };
        self.model = session::reader_model(
            doc,
            &mut loaded,
            preview.config.clone(),
            preview.keymap.clone(),
            preview.screen,
            !resume,
        );
        self.store = loaded.session.take();
        if same_place && self.model.anchor == Anchor::default() {
            self.model.open_at(read_to);
            self.unsaved_place = Some(self.model.anchor);
        } else {
            // A place in the preview means nothing to the store of the whole.
            self.unsaved_place = None;
        }
        Ok(true)
    }

    /// Start building the full outline on another thread, once, after the first paint.
    fn start_outline_job(&mut self) {
        if !self.model.outline_pending || self.outline_job.is_some() {
            return;
        }
        let (sender, receiver) = mpsc::channel();
        let doc = std::sync::Arc::clone(&self.model.doc);
        let spawned = std::thread::Builder::new()
            .name("outline".into())
            .spawn(move || {
                let _ = sender.send(Outline::build(&doc));
            });
        match spawned {
            Ok(_) => self.outline_job = Some(receiver),
            // No thread to be had: build it here, late but whole.
            Err(_) => {
                let outline = Outline::build(&self.model.doc);
                self.model.set_outline(outline);
            }
        }
    }

    /// Put a finished background outline in place; true when the screen needs redrawing.
    fn install_outline(&mut self) -> bool {
        let Some(job) = &self.outline_job else {
            return false;
        };
        match job.try_recv() {
            Ok(outline) => {
                self.model.set_outline(outline);
                self.outline_job = None;
                true
            }
            Err(mpsc::TryRecvError::Empty) => false,
            Err(mpsc::TryRecvError::Disconnected) => {
                // The builder died (a bug): keep the provisional outline rather than wait
                // forever, and say so.
                self.outline_job = None;
                self.model.outline_pending = false;
                self.model.message =
                    Some("the outline could not be built: it shows opening words".into());
                true
            }
        }
    }

    fn handle<B: Resizable>(&mut self, terminal: &mut Terminal<B>, event: Event) -> Option<Exit> {
        let actions = match event {
            Event::Terminate(signal) => return Some(Exit::Signal(signal)),
            Event::Resize { width, height } => {
                terminal.backend_mut().resize_to(width, height);
                vec![Action::Resize { width, height }]
            }
            Event::ScrollDown => vec![Action::PageDown],
            Event::ScrollUp => vec![Action::PageUp],
            Event::Click { column, row } => vec![Action::Click { column, row }],
            Event::Key(key) => self.key_actions(Key::from(key)),
        };
        for action in actions {
            for effect in update(&mut self.model, action) {
                match effect {
                    Effect::Quit => return Some(Exit::Quit),
                    Effect::SavePosition(place) => self.unsaved_place = Some(place),
                    Effect::Store(change) => self.write(change),
                }
            }
        }
        None
    }

    /// Write the reader's place if it moved since the last write.
    fn save_place(&mut self) {
        let (Some(place), Some(session)) = (self.unsaved_place.take(), self.store.as_mut()) else {
            return;
        };
        let position = position_at(
            &FlatText::around_span(
                &self.model.doc,
                crate::anchoring::Span {
                    start: place,
                    end: place,
                },
            ),
            place,
        );
        self.place_writes += 1;
        if let Err(err) = session.store.save_position(session.document, &position) {
            // Not `update`'s doing: the store failed under it, and the reader must know.
            self.model.message = Some(format!("reading place not saved: {err}"));
        }
    }

    /// Carry out a bookmark change now, in its own transaction.
    fn write(&mut self, change: StoreChange) {
        let Some(session) = self.store.as_mut() else {
            return;
        };
        let document = session.document;
        let result = match &change {
            StoreChange::Add(bookmark) => session.store.add_bookmark(document, bookmark).map(drop),
            StoreChange::Delete(uid) => session.store.delete_bookmark(uid),
            StoreChange::SetNote { uid, note } => session.store.set_note(uid, note),
        };
        if let Err(err) = result {
            self.model.message = Some(format!("bookmark change not saved: {err}"));
        }
    }

    fn mode(&self) -> Mode {
        if self.model.help_open {
            Mode::Help
        } else if self.model.marks.panel.is_some() {
            Mode::Bookmarks
        } else if self.model.marks.selection.is_some() {
            Mode::Select
        } else if self.model.focus == Focus::Outline {
            Mode::Outline
        } else {
            Mode::Reader
        }
    }

    fn key_actions(&mut self, key: Key) -> Vec<Action> {
        // The note editor takes every key while it is open.
        if self.model.marks.editing.is_some() {
            self.pending.clear();
            return vec![Action::NoteKey(key)];
        }
        // An open prompt takes every key as text or editing.
        if self.model.prompt.is_some() {
            self.pending.clear();
            self.count = None;
            return vec![Action::PromptKey(key)];
        }
        if let Some(count) = self.count_digit(key) {
            self.count = Some(count);
            return Vec::new();
        }
        let count = self.count.take();
        let actions = self.lookup_actions(key);
        match (count, actions.as_slice()) {
            // `12G` goes to page 12; other keys ignore a count.
            (Some(page), [Action::Bottom]) => vec![Action::GoToPage(page)],
            _ => actions,
        }
    }

    /// A digit extending the count prefix, in the reader with no sequence pending. A leading
    /// 0 is not a count.
    fn count_digit(&self, key: Key) -> Option<usize> {
        let crossterm::event::KeyCode::Char(c) = key.code else {
            return None;
        };
        let digit = c.to_digit(10)? as usize;
        if key.ctrl || key.alt || !self.pending.is_empty() || self.mode() != Mode::Reader {
            return None;
        }
        match self.count {
            None if digit == 0 => None,
            None => Some(digit),
            Some(n) => Some(n.saturating_mul(10).saturating_add(digit)),
        }
    }

    fn lookup_actions(&mut self, key: Key) -> Vec<Action> {
        self.pending.push(key);
        match self.model.keymap.lookup(self.mode(), &self.pending) {
            Lookup::Found(action) => {
                self.pending.clear();
                vec![action]
            }
            Lookup::Prefix => Vec::new(),
            Lookup::NoMatch => {
                // A broken sequence: try the last key on its own.
                let retry = self.pending.len() > 1;
                self.pending.clear();
                if retry {
                    self.lookup_actions(key)
                } else {
                    Vec::new()
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::event::ScriptedEvents;
    use crate::keymap::Keymap;
    use crate::model::Config;

    #[test]
    fn a_text_too_long_to_analyse_keeps_its_provisional_outline_without_a_second_build() {
        use crate::document::{Block, BlockKind};
        // Built from blocks directly: structuring 25 MB would slow the suite for nothing.
        let paragraph = "a river of words runs on ".repeat(1024);
        let blocks: Vec<Block> = (0..crate::outline::ANALYSED_BODY_BYTES / paragraph.len() + 2)
            .map(|i| Block::new(BlockKind::Paragraph, paragraph.clone(), i * 2 + 1))
            .collect();
        let doc = Document {
            name: "long".into(),
            blocks,
            encoding: "UTF-8",
            ..Document::default()
        };
        assert!(!Outline::is_analysed(&doc));
        let model =
            Model::with_outline_later(doc, Config::default(), Keymap::default_keymap(), (100, 30));
        assert!(!model.outline_pending, "no outline job for a text too long");
        assert_eq!(model.outline, Outline::build(&model.doc));
    }

    #[test]
    fn the_full_outline_replaces_the_provisional_one_after_the_first_paint() {
        let mut text = String::new();
        for _ in 0..6 {
            text.push_str(crate::BUNDLED_ARTICLE);
            text.push_str("\n\n");
        }
        let doc = Document::from_text(&text, "long");
        let full = Outline::build(&doc);
        let model =
            Model::with_outline_later(doc, Config::default(), Keymap::default_keymap(), (100, 30));
        assert!(model.outline_pending);
        assert_eq!(model.outline, Outline::provisional(&model.doc));
        let mut app = App::new(model);
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
        // Each run paints, starts or checks the job, and ends with the (empty) script.
        for _ in 0..500 {
            app.run(&mut terminal, &mut ScriptedEvents::default())
                .unwrap();
            if !app.model.outline_pending {
                break;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        assert!(!app.model.outline_pending);
        assert_eq!(app.model.outline, full);
    }
}
