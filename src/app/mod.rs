//! The runtime: the loop that draws the reader, takes the next message from one inbox, hands it
//! to `reader::update`, and carries out the effects (writes, background jobs, quitting). It is
//! generic over the ratatui backend and the inbox, so tests drive this exact loop on a
//! `TestBackend` with a scripted inbox.
//!
//! - [`builder`]: the one way to assemble a session; [`opening`]: reading a document, with a
//!   preview of a big file first; [`session`]: what the store has for a document; [`library`]:
//!   the store's library as the reader's entries; [`folder`]: a folder's documents, their
//!   titles read a few at a time; [`fetch`]: a page read from the web, kept
//!   for reading offline; [`stdin`]: a text from standard input, kept for the library;
//!   `opener`: another document of the session read (or the same one again), off the loop.
//! - [`inbox`]: where messages come from; [`writer`]: where the reader's writes go;
//!   [`mod@terminal`]: taking the terminal and always giving it back; [`backend`]: writing frames
//!   to it, each in one write.

pub mod around;
pub mod backend;
pub mod builder;
pub mod colour_question;
pub mod fetch;
pub mod folder;
pub mod inbox;
pub mod library;
mod opener;
pub mod opening;
mod screen;
pub mod session;
pub mod stdin;
pub mod terminal;
pub mod work;
pub mod writer;

use std::io;
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::{Backend, TestBackend};
use ratatui::layout::Rect;

use crate::document::LoadError;
use crate::reader::marks::StoreChange;
use crate::reader::{Effect, Exit, LibraryRead, Model, Msg, Write, update};
use crate::ui;

pub use builder::AppBuilder;
pub use inbox::{Inbox, Postbox, ScriptedInbox, TerminalInbox};
use opener::Opener;
pub use terminal::{TerminalGuard, terminal};
use work::Work;
use writer::Writer;

/// Why a session could not go on.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Drawing or reading the terminal failed.
    #[error("terminal error: {0}")]
    Terminal(#[source] io::Error),
    /// The document cannot be read after all (the whole of a previewed file was refused).
    #[error(transparent)]
    Document(#[from] LoadError),
}

/// What the loop asks of a terminal beyond drawing: to be told of a new size (the real one
/// resizes itself) and to take a clipboard request.
pub trait Resizable: Backend {
    fn resize_to(&mut self, width: u16, height: u16);

    /// Ask the terminal to put `text` on the clipboard (OSC 52); most terminals allow it,
    /// some only when configured to, and none answers.
    fn copy(&mut self, text: &str) -> io::Result<()>;
}

impl Resizable for TestBackend {
    fn resize_to(&mut self, width: u16, height: u16) {
        self.resize(width, height);
    }

    fn copy(&mut self, _text: &str) -> io::Result<()> {
        Ok(())
    }
}

impl<W: io::Write> Resizable for backend::FrameBackend<W> {
    fn resize_to(&mut self, width: u16, height: u16) {
        self.set_size(width, height);
    }

    /// The request goes out with the next frame, in its one write.
    fn copy(&mut self, text: &str) -> io::Result<()> {
        let request = format!(
            "\x1b]52;c;{}\x07",
            crate::text::base64::encode(text.as_bytes())
        );
        self.queue_raw(request.as_bytes());
        Ok(())
    }
}

/// How long the loop waits for a message before checking again when nothing is pending.
const IDLE_WAIT: Duration = Duration::from_secs(1);
/// How long the reader must be still before a moved place is saved (one write per burst of
/// scrolling instead of one per key repeat), and a jump's mark goes.
const STILL: Duration = Duration::from_millis(400);

/// A reader session: the model and where its writes go.
pub struct App {
    model: Model,
    writer: Writer,
    opener: Opener,
    /// The next frame clears the terminal and draws every cell, not just the changed ones.
    redraw: bool,
    /// Text to hand the terminal's clipboard before the next frame.
    clipboard: Vec<String>,
    /// The folder listed (`quire DIR`): the library screen shows its documents.
    folder: Option<folder::Folder>,
    /// Messages for the reader before the first frame (`quire library` opens the library).
    at_start: Vec<Msg>,
    /// What ended the session before the loop began (in [`App::paint_first`]), for `run`.
    ended_at_start: Option<Exit>,
}

impl App {
    fn new(model: Model, writer: Writer, opener: Opener) -> App {
        App {
            model,
            writer,
            opener,
            redraw: false,
            clipboard: Vec::new(),
            folder: None,
            at_start: Vec::new(),
            ended_at_start: None,
        }
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    /// How many times the reading place has been written so far.
    pub fn place_writes(&self) -> usize {
        self.writer.position_writes()
    }

    /// Run until the reader quits, a signal stops it, or the inbox runs dry (tests). Expects a
    /// terminal made by [`terminal()`], whose size only this loop changes.
    pub fn run<B, I>(&mut self, terminal: &mut Terminal<B>, inbox: &mut I) -> Result<Exit, AppError>
    where
        B: Resizable,
        B::Error: std::error::Error + Send + Sync + 'static,
        I: Inbox,
    {
        if let Some(exit) = self.start(inbox)? {
            self.save_position();
            return Ok(exit);
        }
        let exit = self.serve(terminal, inbox);
        // On the way out, whatever ended the session: the place is not lost.
        self.save_position();
        exit
    }

    /// Carry out what the session starts with and draw the first frame, before the terminal's
    /// input is read (something else may still be reading it: the terminal's answer about its
    /// colours). [`App::run`] goes on from there; should the start have ended the session,
    /// `run` returns at once.
    pub fn paint_first<B, I>(
        &mut self,
        terminal: &mut Terminal<B>,
        inbox: &mut I,
    ) -> Result<(), AppError>
    where
        B: Resizable,
        B::Error: std::error::Error + Send + Sync + 'static,
        I: Inbox,
    {
        self.ended_at_start = self.start(inbox)?;
        if self.ended_at_start.is_none() {
            self.ended_at_start = self.draw(terminal, inbox)?;
        }
        Ok(())
    }

    /// The messages the session starts with, once; what ended the session if one did.
    fn start<I: Inbox>(&mut self, inbox: &mut I) -> Result<Option<Exit>, AppError> {
        let mut exit = self.ended_at_start.take();
        for msg in std::mem::take(&mut self.at_start) {
            exit = exit.or(self.step(msg, inbox)?);
        }
        Ok(exit)
    }

    fn serve<B, I>(&mut self, terminal: &mut Terminal<B>, inbox: &mut I) -> Result<Exit, AppError>
    where
        B: Resizable,
        B::Error: std::error::Error + Send + Sync + 'static,
        I: Inbox,
    {
        loop {
            if let Some(exit) = self.draw(terminal, inbox)? {
                return Ok(exit);
            }
            if self.model.wants_work_after_paint() {
                if let Some(exit) = self.step(Msg::Painted, inbox)? {
                    return Ok(exit);
                }
                continue;
            }
            let waiting_for_stillness = self.writer.has_unsaved_position()
                || self.writer.has_failed_changes()
                || self.model.flash().is_some();
            let wait = if waiting_for_stillness {
                STILL
            } else {
                IDLE_WAIT
            };
            let Some(first) = inbox.next(wait).map_err(AppError::Terminal)? else {
                self.save_position();
                if self.model.flash().is_some() {
                    self.step(Msg::Still, inbox)?;
                }
                continue;
            };
            // Take everything already waiting before drawing again, so a burst of key repeats
            // or resize events costs one frame.
            let mut msg = Some(first);
            while let Some(current) = msg.take() {
                if let Some(exit) = self.receive(current, terminal, inbox)? {
                    return Ok(exit);
                }
                msg = inbox.next(Duration::ZERO).map_err(AppError::Terminal)?;
            }
        }
    }

    /// Draw one frame. Its size is read here, once: when it differs from the layout's, the
    /// buffers and the reader are resized together before anything is drawn, so a frame is
    /// never drawn from a layout made for another size.
    fn draw<B, I>(
        &mut self,
        terminal: &mut Terminal<B>,
        inbox: &mut I,
    ) -> Result<Option<Exit>, AppError>
    where
        B: Resizable,
        B::Error: std::error::Error + Send + Sync + 'static,
        I: Inbox,
    {
        let size = terminal.size().map_err(terminal_error)?;
        let area = Rect::new(0, 0, size.width, size.height);
        if terminal.get_frame().area() != area {
            terminal.resize(area).map_err(terminal_error)?;
        } else if std::mem::take(&mut self.redraw) {
            terminal.clear().map_err(terminal_error)?;
        }
        if self.model.screen() != (size.width, size.height) {
            let resize = Msg::Resize {
                width: size.width,
                height: size.height,
            };
            if let Some(exit) = self.step(resize, inbox)? {
                return Ok(Some(exit));
            }
        }
        for text in std::mem::take(&mut self.clipboard) {
            terminal
                .backend_mut()
                .copy(&text)
                .map_err(AppError::Terminal)?;
        }
        terminal
            .draw(|frame| ui::render(&self.model, frame))
            .map_err(terminal_error)?;
        Ok(None)
    }

    /// A message from the inbox. A resize reaches the backend here (the real terminal knows its
    /// size already); the reader hears of it when the next frame reads the size.
    fn receive<B, I>(
        &mut self,
        msg: Msg,
        terminal: &mut Terminal<B>,
        inbox: &mut I,
    ) -> Result<Option<Exit>, AppError>
    where
        B: Resizable,
        I: Inbox,
    {
        if let Msg::Resize { width, height } = msg {
            terminal.backend_mut().resize_to(width, height);
            return Ok(None);
        }
        self.step(msg, inbox)
    }

    /// Hand a message to the reader and carry out what it asks for.
    fn step<I: Inbox>(&mut self, msg: Msg, inbox: &mut I) -> Result<Option<Exit>, AppError> {
        // Titles read from the folder listed are kept here too, for its next opening.
        if let (Msg::TitlesRead(titles), Some(folder)) = (&msg, self.folder.as_mut()) {
            folder.learn(titles);
        }
        let mut exit = None;
        let mut followups = Vec::new();
        for effect in update(&mut self.model, msg) {
            match effect {
                Effect::Quit(how) => exit = exit.or(Some(how)),
                Effect::Abort(err) => return Err(AppError::Document(err)),
                Effect::SavePosition {
                    record,
                    place,
                    progress,
                } => self.writer.defer_position(record, place, progress),
                Effect::Store { record, change } => {
                    let uid_change = change.clone();
                    let written = self.writer.write(record, change);
                    followups.extend(written_messages(written, Some(uid_change)));
                }
                Effect::Spawn(job) => inbox.spawn(Work::job(job)),
                Effect::Redraw => self.redraw = true,
                Effect::Open(source) => inbox.spawn(self.opener.open(source)),
                Effect::Refresh {
                    source,
                    place,
                    generation,
                } => inbox.spawn(self.opener.refresh(source, place, generation)),
                Effect::ReadEnd { source, generation } => {
                    inbox.spawn(self.opener.read_end(source, generation))
                }
                Effect::ReadLibrary => followups.push(self.read_library()),
                Effect::ReadTitles(paths) => inbox.spawn(folder::title_work(paths)),
                Effect::Forget(record) => {
                    if let Err(error) = self.writer.forget(record) {
                        followups.push(Msg::Say(format!("could not forget it: {error}")));
                    }
                }
                Effect::Copy(text) => self.clipboard.push(text),
                Effect::Remember { key, value } => {
                    if let Err(err) = self.writer.remember(key, value.as_deref()) {
                        followups.push(Msg::Say(format!(
                            "this choice is not remembered for next time: {err}"
                        )));
                    }
                }
            }
        }
        for followup in followups {
            exit = exit.or(self.step(followup, inbox)?);
        }
        Ok(exit)
    }

    /// The library for the library screen: the store's, or the folder's being listed.
    fn read_library(&mut self) -> Msg {
        let now = crate::store::now();
        let read = match &self.folder {
            Some(folder) => Ok(LibraryRead {
                heading: folder.heading.clone(),
                entries: folder::folder_entries(&folder.entries, self.writer.store().ok()),
                folder: true,
                now,
            }),
            None => self
                .writer
                .store()
                .and_then(|store| library::entries(store).map_err(|e| e.to_string()))
                .map(|entries| LibraryRead {
                    folder: false,
                    heading: "Library".into(),
                    entries,
                    now,
                })
                .map_err(|why| format!("the library is unavailable: {why}")),
        };
        Msg::LibraryRead(Box::new(read))
    }

    /// The reader is still: write its place if it moved, and try again what the store
    /// refused before. What comes of it is told to the reader.
    fn save_position(&mut self) {
        let mut news = Vec::new();
        if let Err(error) = self.writer.save_position() {
            news.push(Msg::StoreFailed {
                write: Write::Position,
                error,
            });
        }
        if self.writer.has_failed_changes() {
            news.extend(written_messages(self.writer.retry(), None));
        }
        for msg in news {
            // Store news asks for nothing to be carried out.
            let _ = update(&mut self.model, msg);
        }
    }

    /// Bookmarks changed in this session that never reached the store (each with its note),
    /// for the runtime's caller to list once the terminal is back.
    pub fn unsaved_bookmarks(&self) -> Vec<crate::anchoring::Bookmark> {
        self.model.marks().unsaved_bookmarks().cloned().collect()
    }
}

/// The messages a round of writes gives the reader: changes saved again, and a refusal of
/// `change` (the one just asked for, if any) when the store refused.
fn written_messages(written: writer::Written, change: Option<StoreChange>) -> Vec<Msg> {
    let mut messages = Vec::new();
    if !written.saved_again.is_empty() {
        messages.push(Msg::StoreSaved {
            uids: written.saved_again,
        });
    }
    if let (Some(error), Some(change)) = (written.error, change) {
        messages.push(Msg::StoreFailed {
            write: Write::Bookmark(change),
            error,
        });
    }
    messages
}

/// A backend's error as a terminal error: the terminal's own `io::Error` passes through as it
/// is; anything else (`TestBackend` cannot fail: its error is `Infallible`) is wrapped.
fn terminal_error<E: std::error::Error + Send + Sync + 'static>(err: E) -> AppError {
    let boxed: Box<dyn std::error::Error + Send + Sync> = Box::new(err);
    AppError::Terminal(match boxed.downcast::<io::Error>() {
        Ok(io) => *io,
        Err(other) => io::Error::other(other),
    })
}
