//! The reader's sessions in the terminal, as the binary starts them: a file named on the
//! command line (its settings and the terminal's colours got beside it), standard input, a
//! page from the web, the document read last, the library and a folder's list; then taking
//! the terminal, running the reader and giving the terminal back, with what was not saved said.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;

use anyhow::{Context, Result};

use quire::app::backend::FrameBackend;
use quire::app::colour_question::Answer;
use quire::app::folder::Folder;
use quire::app::opening::{self, Opening};
use quire::app::work::Ahead;
use quire::app::{AppBuilder, AppError, TerminalGuard, TerminalInbox, session, stdin};
use quire::cli::library as library_cli;
use quire::document::Document;
use quire::document::sanitize::sanitize_line;
use quire::input::key::Key;
use quire::reader::library::Location;
use quire::reader::{Exit, Input, Msg, Opened};
use quire::settings::Settings;
use quire::store::{Opened as StoreOpened, Store, StoreError};
use quire::{BUNDLED_ARTICLE, BUNDLED_NAME};

use crate::{
    Cli, ask_raw_terminal, asks_terminal, cannot_open, data_dir, light_terminal, load,
    load_options, named_file, read_page, reads_stdin, settings, shown_path, url_of, written,
};

/// Read standard input in the terminal, keeping a copy of it for the library.
pub(crate) fn stdin_session(cli: &Cli) -> Result<ExitCode> {
    let bytes = stdin::read(load_options(cli)).context("cannot read standard input")?;
    let data_dir = data_dir(cli);
    let read = stdin::open(
        bytes,
        load_options(cli),
        data_dir.as_deref(),
        !cli.from_start,
    )
    .context("cannot open standard input")?;
    let start = Start {
        stdin_copy: Some(read.copy),
        ..Start::default()
    };
    let opening = Opening::Ready(Box::new(read.opened), read.store);
    session_in_terminal(opening, cli, TerminalInbox::new(), start)
}

/// Bookmarks the store never took (a full disk, a read-only store): listed on stderr when the
/// session ends, so nothing made in it is lost without a word.
pub(crate) fn report_unsaved(bookmarks: &[quire::anchoring::Bookmark]) {
    if bookmarks.is_empty() {
        return;
    }
    let mut err = io::stderr().lock();
    let noun = if bookmarks.len() == 1 {
        "bookmark was"
    } else {
        "bookmarks were"
    };
    let _ = writeln!(
        err,
        "quire: {} {noun} not saved; here they are:",
        bookmarks.len()
    );
    for bookmark in bookmarks {
        let quote = quire::text::excerpt::opening(&sanitize_line(&bookmark.quote.exact), 72);
        let _ = writeln!(err, "  “{quote}”");
        if !bookmark.note.is_empty() {
            let _ = writeln!(err, "    note: {}", sanitize_line(&bookmark.note));
        }
    }
}

/// Read the document for the terminal: a big file opened by name shows its opening at once
/// while the rest is read (see `quire::app::opening`).
pub(crate) fn interactive(cli: &Cli) -> Result<ExitCode> {
    let options = load_options(cli);
    let data_dir = data_dir(cli);
    // The settings (the store's remembered choices among them) and the terminal's answer
    // about its colours are got while the document is read: neither needs the other.
    let screen = Some(ScreenSettings::start(cli));
    let mut looked = None;
    if cli.files.is_empty() {
        let last = last_read(cli, data_dir.as_deref());
        if let Some((location, title)) = last.continuing {
            let start = Start {
                screen,
                ..Start::continuing(title)
            };
            return continue_last(cli, location, start, last.store);
        }
        looked = last.store;
    }
    if let Some(path) = cli.file().filter(|p| url_of(p).is_some()) {
        let start = Start {
            screen,
            ..Start::default()
        };
        return page_session(cli, path, start);
    }
    let opening = match named_file(cli) {
        Some(path) => opening::open_file(path, options, data_dir, !cli.from_start)
            .with_context(|| cannot_open(path))?,
        None if reads_stdin(cli) => {
            // Standard input is read whole before the terminal is taken; its session gets
            // its settings then.
            drop(screen);
            return stdin_session(cli);
        }
        None => ready(load(cli)?, looked, data_dir.as_deref(), cli),
    };
    let start = Start {
        screen,
        ..Start::default()
    };
    session_in_terminal(opening, cli, TerminalInbox::new(), start)
}

/// The reader's terminal: its frame buffers and the backend that writes them.
type ReaderTerminal = ratatui::Terminal<FrameBackend<io::Stdout>>;

/// The settings for a session in the terminal, got on a thread of their own while the file
/// is read. The same thread then makes the frame buffers ready: two screens' worth of cells
/// (over a megabyte at 200×60), whose first touch of fresh memory cost the first frame half a
/// millisecond when it was made on the way to it. Either is made by the session's own thread
/// instead when that one needs it before the other thread has started on it ([`Ahead`]).
/// Last, the thread asks the terminal about its colours (when the theme is `auto`), once told
/// to: by then the terminal is in raw mode, so that the question neither echoes nor leaves
/// the terminal's modes changed behind quire's back, and the first frame is out. A terminal
/// can take milliseconds to answer (a network round trip over ssh), so the first frame does
/// not wait: it is drawn with the background remembered from the last session, and the
/// answer is taken before quire reads any input (only one reader of the terminal at a time).
/// Dropped unused (opening the document failed), it waits for the thread.
pub(crate) struct ScreenSettings {
    settings: Option<Ahead<Settings>>,
    /// The frame buffers, made for the terminal's size as it was then (nothing is written to
    /// the terminal in making them).
    screen: Option<Ahead<io::Result<ReaderTerminal>>>,
    /// Told once raw mode is on, with the settings the question depends on: ask the
    /// terminal now.
    ask: Option<mpsc::Sender<Settings>>,
    /// The terminal's answer (no colour: not asked, or no answer), with the keys typed
    /// meanwhile.
    answer: Option<std::thread::JoinHandle<Answer>>,
}

impl ScreenSettings {
    fn start(cli: &Cli) -> ScreenSettings {
        let own = cli.clone();
        let (settings, settings_ahead) = Ahead::new(move || settings(&own));
        let (screen, screen_ahead) = Ahead::new(new_screen);
        let (ask_tx, ask_rx) = mpsc::channel();
        let answer = std::thread::Builder::new()
            .name("settings".into())
            .spawn(move || {
                settings_ahead.run();
                screen_ahead.run();
                // Not told (the session never took the terminal): nothing is asked.
                match ask_rx.recv() {
                    Ok(settings) => ask_raw_terminal(&settings),
                    Err(_) => Answer::default(),
                }
            })
            .ok();
        ScreenSettings {
            settings: Some(settings),
            screen: Some(screen),
            ask: Some(ask_tx),
            answer,
        }
    }

    /// The settings, with the theme resolved against the remembered background; worked out
    /// here should the thread have died making them.
    fn settings(&mut self, cli: &Cli) -> Settings {
        let mut settings = (self.settings.take())
            .and_then(Ahead::get)
            .unwrap_or_else(|| settings(cli));
        settings.resolve_theme(settings.remembered_light);
        settings
    }

    /// The frame buffers; made here should the thread have died making them.
    fn screen(&mut self) -> io::Result<ReaderTerminal> {
        (self.screen.take())
            .and_then(Ahead::get)
            .unwrap_or_else(new_screen)
    }

    /// Ask the terminal whether its background is light (the terminal in raw mode, nothing
    /// else writing to it or reading from it) and wait for the answer and the keys typed
    /// meanwhile; asked here should the thread have failed.
    fn answer(mut self, settings: &Settings) -> Answer {
        let told = self
            .ask
            .take()
            .is_some_and(|ask| ask.send(settings.clone()).is_ok());
        match self.answer.take() {
            Some(thread) if told => thread.join().unwrap_or_default(),
            _ => ask_raw_terminal(settings),
        }
    }
}

impl Drop for ScreenSettings {
    fn drop(&mut self) {
        // Unasked, the thread ends without a word to the terminal.
        self.ask = None;
        if let Some(thread) = self.answer.take() {
            let _ = thread.join();
        }
    }
}

/// Frame buffers for the terminal's size, and the backend that writes them to stdout.
fn new_screen() -> io::Result<ReaderTerminal> {
    quire::app::terminal(FrameBackend::new(io::stdout()).prepared())
}

/// The settings with the theme resolved against the terminal's colours (asked when the
/// theme is `auto`).
pub(crate) fn screen_settings(cli: &Cli) -> Settings {
    let mut settings = settings(cli);
    settings.resolve_theme(light_terminal(&settings));
    settings
}

/// A page from the web (fetched, or its kept copy) read in the terminal.
pub(crate) fn page_session(cli: &Cli, path: &Path, start: Start) -> Result<ExitCode> {
    let page = read_page(cli, path)?;
    let loaded = session::load(data_dir(cli).as_deref(), &page.doc, Some(path));
    let opened = Opened {
        doc: page.doc,
        saved: loaded.saved,
        resume: !cli.from_start,
    };
    let start = Start {
        notice: join_notices(start.notice, page.notice),
        ..start
    };
    let opening = Opening::Ready(Box::new(opened), loaded.store);
    session_in_terminal(opening, cli, TerminalInbox::new(), start)
}

/// `quire` alone: the document read last, where it was left. A web page opens from its kept
/// copy (`R` fetches it anew), a text once piped in from the copy kept of it.
/// `store` is the store as [`last_read`] opened it, for a document read whole here.
pub(crate) fn continue_last(
    cli: &Cli,
    location: Location,
    start: Start,
    store: Option<Result<StoreOpened, StoreError>>,
) -> Result<ExitCode> {
    let data_dir = data_dir(cli);
    match location {
        Location::Web(url) => {
            let continuing = Cli {
                files: vec![PathBuf::from(&url)],
                offline: true,
                ..cli.clone()
            };
            page_session(&continuing, Path::new(&url), start)
        }
        Location::Stdin(Some(copy)) => {
            let doc = stdin::read_kept(&copy, load_options(cli)).map_err(anyhow::Error::msg)?;
            let start = Start {
                stdin_copy: Some(Some(copy)),
                ..start
            };
            let opening = ready(doc, store, data_dir.as_deref(), cli);
            session_in_terminal(opening, cli, TerminalInbox::new(), start)
        }
        Location::File(path) | Location::Missing(path) => {
            let opening = opening::open_file(&path, load_options(cli), data_dir, !cli.from_start)
                .with_context(|| cannot_open(&path))?;
            let continuing = Cli {
                files: vec![path],
                ..cli.clone()
            };
            session_in_terminal(opening, &continuing, TerminalInbox::new(), start)
        }
        Location::Stdin(None) | Location::Bundled => {
            let opening = ready(load(cli)?, store, data_dir.as_deref(), cli);
            session_in_terminal(opening, cli, TerminalInbox::new(), start)
        }
    }
}

/// What `quire` alone found in the store.
pub(crate) struct LastRead {
    /// The document read last that can be read again, and its title.
    continuing: Option<(Location, String)>,
    /// The store as it was opened to look (None when it was not looked in). A document read
    /// whole next is found in it, so that it is not opened a second time, and so that what
    /// opening it had to say is said: a damaged store is moved aside when first opened, and a
    /// second opening finds a fresh one with nothing to tell.
    store: Option<Result<StoreOpened, StoreError>>,
}

/// The document `quire` alone continues: the one read last that can be read again, unless
/// `--bundled` asks for the bundled article or a pipe brings text. Store trouble means nothing
/// to continue (the session that opens says what the trouble is).
pub(crate) fn last_read(cli: &Cli, data_dir: Option<&Path>) -> LastRead {
    let nothing = LastRead {
        continuing: None,
        store: None,
    };
    if cli.bundled || stdin::has_input() {
        return nothing;
    }
    let Some(dir) = data_dir else {
        return nothing;
    };
    let store = Store::open(dir);
    let continuing = store
        .as_ref()
        .ok()
        .and_then(|opened| quire::app::library::last_read(&opened.store).ok().flatten());
    LastRead {
        continuing,
        store: Some(store),
    }
}

/// A document read whole, with what the store has for it (known by its text: no path), opening
/// at its saved place unless `--from-start`. The store is opened here unless `store` is the
/// one [`last_read`] opened.
pub(crate) fn ready(
    doc: Document,
    store: Option<Result<StoreOpened, StoreError>>,
    data_dir: Option<&Path>,
    cli: &Cli,
) -> Opening {
    let store = store.or_else(|| data_dir.map(Store::open));
    let loaded = session::load_opened(store, &doc, None);
    let opened = Opened {
        doc,
        saved: loaded.saved,
        resume: !cli.from_start,
    };
    Opening::Ready(Box::new(opened), loaded.store)
}

/// Two things to say, one after the other.
pub(crate) fn join_notices(first: Option<String>, second: Option<String>) -> Option<String> {
    match (first, second) {
        (Some(a), Some(b)) => Some(format!("{a} · {b}")),
        (a, b) => a.or(b),
    }
}

/// How a session starts besides its document.
#[derive(Default)]
pub(crate) struct Start {
    /// Continuing the document read last, titled so.
    continuing: Option<String>,
    /// With the library screen open.
    library: bool,
    /// Listing this folder on the library screen.
    folder: Option<Folder>,
    /// Something to say first (a page read from its kept copy).
    notice: Option<String>,
    /// Reading standard input, with the copy kept of it (when one could be kept).
    stdin_copy: Option<Option<PathBuf>>,
    /// The settings, being got while the document was opened.
    screen: Option<ScreenSettings>,
}

impl Start {
    fn continuing(title: String) -> Start {
        Start {
            continuing: Some(title),
            ..Start::default()
        }
    }
}

/// The library screen (or a folder's list) over the document read last, or the bundled
/// article when there is none: closing the screen leaves the reader there.
pub(crate) fn library_session(cli: &Cli, folder: Option<Folder>) -> Result<ExitCode> {
    let data_dir = data_dir(cli);
    let base = Cli {
        files: Vec::new(),
        ..cli.clone()
    };
    let start = Start {
        library: true,
        folder,
        ..Start::default()
    };
    let last = last_read(&base, data_dir.as_deref());
    if let Some((location, _)) = last.continuing {
        return continue_last(&base, location, start, last.store);
    }
    let doc = Document::from_text(BUNDLED_ARTICLE, BUNDLED_NAME);
    let opening = ready(doc, last.store, data_dir.as_deref(), cli);
    session_in_terminal(opening, &base, TerminalInbox::new(), start)
}

/// `quire DIR`: the folder's readable documents, on the library screen or, piped, as a list.
pub(crate) fn folder(cli: &Cli, dir: &Path) -> Result<ExitCode> {
    let piped = cli.print || !io::stdout().is_terminal();
    // Piped, every title is read before the list is written; on the screen they fill in.
    let folder = if piped {
        quire::app::folder::scan_folder(dir)
    } else {
        quire::app::folder::list_folder(dir)
    };
    if folder.entries.is_empty() {
        anyhow::bail!(
            "cannot open '{}': no readable documents in this folder",
            shown_path(dir)
        );
    }
    if piped {
        let mut store = data_dir(cli)
            .and_then(|dir| Store::open(&dir).ok())
            .map(|o| o.store);
        let mut out = io::stdout().lock();
        written(library_cli::write_folder(folder, store.as_mut(), &mut out))?;
        return Ok(ExitCode::SUCCESS);
    }
    library_session(cli, Some(folder))
}

/// Take the terminal and read until the reader quits.
pub(crate) fn session_in_terminal(
    opening: Opening,
    cli: &Cli,
    mut inbox: TerminalInbox,
    start: Start,
) -> Result<ExitCode> {
    let (mut settings, mut colours) = match start.screen {
        Some(mut screen) => (screen.settings(cli), Some(screen)),
        None => (screen_settings(cli), None),
    };
    let (builder, whole) = match AppBuilder::for_opening(opening, data_dir(cli)) {
        (builder, None) => (builder.search(cli.search.clone()), None),
        (builder, whole) => (builder, whole),
    };
    inbox.watch_signals().context("cannot watch for signals")?;
    let guard = TerminalGuard::enter().context("cannot use the terminal")?;
    // No input is known to make quire panic, so the way back from one is proved with this
    // switch, which only debug builds (the ones tests run) have.
    if cfg!(debug_assertions) && std::env::var_os("QUIRE_DEBUG_PANIC").is_some() {
        panic!("QUIRE_DEBUG_PANIC is set");
    }
    // The reader is laid out for the terminal's size before the frame buffers are taken:
    // they are made on the settings thread meanwhile. (Should the size change in between,
    // the first frame lays the reader out again for the size it is drawn at.)
    let (width, height) = crossterm::terminal::size().context("cannot read the terminal size")?;
    let builder = builder
        .config(settings.config.clone())
        .keymap(settings.keymap.clone())
        .continuing(start.continuing)
        .show_library(start.library)
        .folder(start.folder)
        .notice(join_notices(start.notice, settings.summary()))
        .files(cli.files.clone(), load_options(cli))
        .screen((width, height));
    let builder = match start.stdin_copy {
        Some(copy) => builder.stdin_copy(copy),
        None => builder,
    };
    let mut app = builder.build();
    let mut terminal = match &mut colours {
        Some(screen) => screen.screen(),
        None => new_screen(),
    }
    .context("cannot use the terminal")?;
    // Cleared once (in the first frame's write), the screen is known blank: the first frame
    // then writes the spaces between words instead of moving the cursor over them.
    terminal.clear().context("cannot use the terminal")?;
    // The first frame is out before the terminal is asked about its colours: the question
    // is written in pieces, which a frame must not come between, and it holds standard
    // output while it waits. Keys are read once it is answered.
    let exit = app.paint_first(&mut terminal, &mut inbox).and_then(|()| {
        // The whole of a previewed file is read once the first frame is out (see
        // `PendingWhole`), and comes in as a message.
        if let Some(whole) = whole {
            inbox
                .forward_whole(whole.start())
                .map_err(|err| AppError::Document(quire::document::LoadError::Io(err)))?;
        }
        // Not asked (another theme, or no colour), the terminal has said nothing to follow
        // or to remember.
        if let Some(colours) = colours.filter(|_| asks_terminal(&settings)) {
            let first = settings.config.palette;
            let answer = colours.answer(&settings);
            settings.resolve_theme(answer.light);
            if settings.config.palette != first {
                inbox.postbox().post(Msg::TerminalBackground {
                    light: answer.light == Some(true),
                    palette: Box::new(settings.config.palette),
                });
            }
            // Keys typed before quire read any (while it started, or while the terminal
            // answered) came in with the answer: they are the reader's first keys.
            for key in answer.typed {
                inbox.postbox().post(Msg::Input(Input::Key(Key::from(key))));
            }
        }
        guard.report_mouse().map_err(AppError::Terminal)?;
        inbox.read_terminal().map_err(AppError::Terminal)?;
        app.run(&mut terminal, &mut inbox)
    });
    // The terminal is given back before anything more is said.
    drop(terminal);
    drop(guard);
    report_unsaved(&app.unsaved_bookmarks());
    let exit = exit.map_err(|err| match err {
        // The whole of a previewed file can still be refused (a binary tail): that is about
        // the file, not the terminal.
        AppError::Document(load) => {
            let file = cli.file().map(PathBuf::as_path).unwrap_or(Path::new("-"));
            anyhow::Error::new(load).context(cannot_open(file))
        }
        AppError::Terminal(err) => anyhow::Error::new(err).context("terminal error"),
    })?;
    Ok(match exit {
        Exit::Quit | Exit::Signal(0) => ExitCode::SUCCESS,
        // The interrupt key ends quire as the interrupt signal does.
        Exit::Interrupted => ExitCode::from(128 + 2),
        Exit::Signal(n) => ExitCode::from(128u8.saturating_add(n as u8)),
    })
}
