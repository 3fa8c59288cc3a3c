//! The `quire` binary: parses the command line, loads the document before touching the
//! terminal, then either prints (when stdout is not a terminal, or with `--print`/`--outline`)
//! or runs the interactive reader, and always hands the terminal back as it found it.
//!
//! Exit codes: 0 success; 1 the document could not be read or the terminal failed;
//! 2 usage error; 128+N when stopped by signal N (SIGHUP 129, SIGINT 130, SIGTERM 143).

mod cli_bookmarks;

use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use quire::app::{App, Exit};
use quire::document::{Document, Format, LoadError, LoadOptions, encoding_for_label};
use quire::event::TerminalEvents;
use quire::keymap::Keymap;
use quire::model::{Config, DEFAULT_MAX_WIDTH, Model};
use quire::opening::{self, Opening};
use quire::outline::Outline;
use quire::{BUNDLED_ARTICLE, BUNDLED_NAME, print};

/// The width `--print` lays text out at when none is given.
const PRINT_WIDTH: usize = 80;

#[derive(Parser, Debug)]
#[command(
    name = "quire",
    version,
    about = "Read saved articles and books in the terminal, with an outline built from the text.",
    after_help = "With no FILE, quire opens its bundled article (or reads stdin when it is a pipe).\n\
                  Press ? inside quire for the keys.\n\n\
                  Exit codes: 0 ok, 1 cannot read the document or use the terminal (or --search\n\
                  --print found nothing), 2 usage error (or a bad --search regex),\n\
                  128+N stopped by signal N, 70 internal error (a bug).\n\
                  Environment: NO_COLOR turns colours off; QUIRE_DATA_DIR sets where bookmarks\n\
                  and reading places are kept (default: $XDG_DATA_HOME/quire).\n\n\
                  quire remembers where you left off and returns there (--from-start does not).\n\
                  `quire bookmarks` lists, exports and imports bookmarks; to read a file that is\n\
                  literally named \"bookmarks\", write it as a path: quire ./bookmarks"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// The text to read; '-' reads standard input.
    file: Option<PathBuf>,
    /// Widest reading column in the reader (default 72), or the width of --print output (default 80).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    width: Option<u16>,
    /// Write the laid-out text to stdout instead of opening the reader.
    #[arg(long)]
    print: bool,
    /// With --print (or a pipe): print folded text too (page furniture, front and back matter,
    /// a table of contents), which is otherwise one line saying what is folded.
    #[arg(long)]
    unfold: bool,
    /// Print the outline (title, sections, paragraphs, leftovers) and exit.
    #[arg(long)]
    outline: bool,
    /// With --outline: print it as JSON.
    #[arg(long, requires = "outline")]
    json: bool,
    /// Read the file in this character encoding (e.g. shift_jis, windows-1251, koi8-r) instead
    /// of detecting one.
    #[arg(long, value_name = "NAME", value_parser = parse_encoding)]
    encoding: Option<&'static encoding_rs::Encoding>,
    /// Structure the file as this format instead of choosing by extension and content.
    #[arg(long, value_name = "FORMAT", value_parser = parse_format)]
    format: Option<Format>,
    /// Show a file that looks binary anyway, with visible placeholders for what is not text.
    #[arg(long)]
    force: bool,
    /// Start with code lines wider than the column wrapped onto the next rows (each marked ↪)
    /// instead of cut at the column; `w` switches in the reader.
    #[arg(long)]
    wrap_code: bool,
    /// Open at the beginning instead of where you left off.
    #[arg(long)]
    from_start: bool,
    /// Where bookmarks and reading places are kept (overrides QUIRE_DATA_DIR).
    #[arg(long, value_name = "DIR", global = true)]
    data_dir: Option<PathBuf>,
    /// Open at the first match of TEXT (smart case, accents optional; a leading \ makes it a
    /// regex). With --print, print the matching paragraphs under their outline entry.
    #[arg(long, value_name = "TEXT", conflicts_with = "outline")]
    search: Option<String>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// List bookmarks (all documents, or FILE's), export them as Markdown or JSON, or import
    /// a JSON export.
    Bookmarks(cli_bookmarks::BookmarksArgs),
}

fn parse_encoding(name: &str) -> Result<&'static encoding_rs::Encoding, String> {
    encoding_for_label(name).ok_or_else(|| format!("unknown encoding '{name}'"))
}

fn parse_format(name: &str) -> Result<Format, String> {
    Format::from_name(name)
        .ok_or_else(|| format!("unknown format '{name}' (expected txt, md or html)"))
}

/// The exit code of an internal error (a bug): sysexits' EX_SOFTWARE.
const EXIT_INTERNAL: u8 = 70;

fn main() -> ExitCode {
    let cli = Cli::parse();
    // A panic has already restored the terminal and said one line (see `install_panic_hook`);
    // what is left is to exit with a code that says "a bug", not Rust's bare 101.
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(cli)));
    let Ok(outcome) = outcome else {
        return ExitCode::from(EXIT_INTERNAL);
    };
    match outcome {
        Ok(code) => code,
        Err(err) => {
            // One line: the context chain joined, never a backtrace. A LoadError already says
            // the reason in the user's words; its own source would only repeat it with
            // "(os error 2)" after it.
            let mut parts = Vec::new();
            for cause in err.chain() {
                parts.push(cause.to_string());
                if cause.downcast_ref::<LoadError>().is_some() {
                    break;
                }
            }
            let message = parts.join(": ");
            let _ = writeln!(io::stderr(), "quire: {message}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    if let Some(Command::Bookmarks(args)) = cli.command {
        return cli_bookmarks::run(args, cli.data_dir.as_deref());
    }
    let stdout = io::stdout();
    let printing = cli.outline || cli.print || !stdout.is_terminal();
    if !printing && cli.search.is_none() {
        return interactive(&cli);
    }
    let doc = load(&cli)?;
    if doc.is_empty() && printing {
        // Nothing to print is not an error, but silence would leave the user guessing why.
        let name = match &cli.file {
            Some(path) if path.as_os_str() != "-" => path.display().to_string(),
            _ => "standard input".to_string(),
        };
        let _ = writeln!(io::stderr(), "quire: '{name}' is empty");
    }
    if cli.outline {
        let outline = Outline::build(&doc);
        let mut out = stdout.lock();
        let written = (|| {
            if !cli.json && !doc.is_empty() {
                let format = doc.format.map_or("text", Format::name);
                writeln!(out, "{}  [{format}, {}]", doc.name, doc.encoding)?;
            }
            print::write_outline(&doc, &outline, cli.json, &mut out)
        })();
        match written {
            // A closed pipe (`quire --outline book | head`) is not an error worth a message.
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
            Err(e) => return Err(e).context("cannot write output"),
        }
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(query) = &cli.search {
        // A bad pattern is a usage error, reported before the terminal is touched.
        if let Err(error) = quire::search::Matcher::new(query, false) {
            let _ = writeln!(io::stderr(), "quire: --search: {error}");
            return Ok(ExitCode::from(2));
        }
        if printing {
            return print_search(&doc, query, cli.width.map_or(PRINT_WIDTH, usize::from));
        }
    }
    if printing {
        let width = cli.width.map_or(PRINT_WIDTH, usize::from);
        let written = if cli.unfold {
            print::write_unfolded(&doc, width, &mut stdout.lock())
        } else {
            print::write_text(&doc, width, &mut stdout.lock())
        };
        match written {
            Ok(()) => {}
            // A closed pipe (`quire book | head`) is not an error worth a message.
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
            Err(e) => return Err(e).context("cannot write output"),
        }
        return Ok(ExitCode::SUCCESS);
    }
    let data_dir = cli_bookmarks::resolve_data_dir(cli.data_dir.as_deref());
    let loaded = quire::bookmarks::session::load(data_dir.as_deref(), &doc, named_file(&cli));
    session_in_terminal(Opening::Ready(doc, Box::new(loaded)), &cli)
}

/// The words for "cannot open" a file the user named: the name is theirs, but it is printed to
/// a terminal, so it is made safe like the text.
fn cannot_open(path: &Path) -> String {
    let shown = quire::document::sanitize::sanitize_line(&path.display().to_string());
    format!("cannot open '{shown}'")
}

/// Read the document named on the command line, stdin, or the bundled article.
fn load(cli: &Cli) -> Result<Document> {
    let options = load_options(cli);
    match &cli.file {
        Some(path) if path.as_os_str() == "-" => read_stdin(options),
        Some(path) => Document::open_with(path, options).with_context(|| cannot_open(path)),
        None if stdin_has_input() => read_stdin(options),
        None => Ok(Document::from_text(BUNDLED_ARTICLE, BUNDLED_NAME)),
    }
}

fn load_options(cli: &Cli) -> LoadOptions {
    LoadOptions {
        encoding: cli.encoding,
        format: cli.format,
        force: cli.force,
    }
}

/// The file the document was read from, when it was a named file (not stdin or the bundle).
fn named_file(cli: &Cli) -> Option<&Path> {
    cli.file.as_deref().filter(|p| p.as_os_str() != "-")
}

/// True when standard input is a pipe, a file or a socket: something sent on purpose. A
/// terminal, or /dev/null as scripts and services often give, means "no input", so quire opens
/// its bundled article rather than an empty one.
#[cfg(unix)]
fn stdin_has_input() -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::FileTypeExt;
    let Ok(fd) = io::stdin().as_fd().try_clone_to_owned() else {
        return false;
    };
    let Ok(meta) = std::fs::File::from(fd).metadata() else {
        return false;
    };
    let kind = meta.file_type();
    kind.is_fifo() || kind.is_file() || kind.is_socket()
}

#[cfg(not(unix))]
fn stdin_has_input() -> bool {
    !io::stdin().is_terminal()
}

fn read_stdin(options: LoadOptions) -> Result<Document> {
    let mut bytes = Vec::new();
    io::stdin()
        .read_to_end(&mut bytes)
        .context("cannot read standard input")?;
    Document::load(bytes, "stdin", options).context("cannot open standard input")
}

/// Puts the terminal back: on drop, on every exit path, and from the panic hook.
struct TerminalGuard;

impl TerminalGuard {
    fn enter() -> Result<TerminalGuard> {
        install_panic_hook();
        TERMINAL_TAKEN.store(true, Ordering::SeqCst);
        enable_raw_mode().context("cannot use the terminal")?;
        let guard = TerminalGuard;
        execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)
            .context("cannot use the terminal")?;
        Ok(guard)
    }
}

/// True while quire holds the terminal (raw mode, alternate screen). Restoring happens once:
/// a second "leave the alternate screen" would move the cursor back over what was written
/// after the first (the panic hook's message, then the guard dropped while unwinding).
static TERMINAL_TAKEN: AtomicBool = AtomicBool::new(false);

fn restore_terminal() {
    if !TERMINAL_TAKEN.swap(false, Ordering::SeqCst) {
        return;
    }
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = disable_raw_mode();
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// A panic restores the terminal first, then says one line (no backtrace).
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        // A helper thread's panic (building the outline, reading a big file) is reported by
        // the reader itself, which carries on; only the main thread's ends the session.
        if std::thread::current().name() != Some("main") {
            return;
        }
        restore_terminal();
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let _ = writeln!(io::stderr(), "quire: internal error: {what}{place}");
    }));
}

/// `--search TEXT --print`: the matching paragraphs; "no match" on stderr and exit 1 when
/// there is none, so scripts can test for it.
fn print_search(doc: &Document, query: &str, width: usize) -> Result<ExitCode> {
    let found = quire::search::search(doc, query, false).context("cannot search")?;
    let outline = Outline::build(doc);
    match quire::search::print::write_matches(
        doc,
        &outline,
        &found,
        width,
        &mut io::stdout().lock(),
    ) {
        Ok(_) => {}
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        Err(e) => return Err(e).context("cannot write output"),
    }
    if found.matches.is_empty() {
        let _ = writeln!(io::stderr(), "quire: no match for '{query}'");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Read the document for the terminal: a big file opened by name shows its opening at once
/// while the rest is read (see `quire::opening`).
fn interactive(cli: &Cli) -> Result<ExitCode> {
    let options = load_options(cli);
    let data_dir = cli_bookmarks::resolve_data_dir(cli.data_dir.as_deref());
    let opening = match named_file(cli) {
        Some(path) => opening::open_file(path, options, data_dir, !cli.from_start)
            .with_context(|| cannot_open(path))?,
        None => {
            let doc = load(cli)?;
            let loaded = quire::bookmarks::session::load(data_dir.as_deref(), &doc, None);
            Opening::Ready(doc, Box::new(loaded))
        }
    };
    session_in_terminal(opening, cli)
}

/// Take the terminal and read until the reader quits.
fn session_in_terminal(opening: Opening, cli: &Cli) -> Result<ExitCode> {
    let config = Config {
        max_width: cli.width.map_or(DEFAULT_MAX_WIDTH, usize::from),
        color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        wrap_code: cli.wrap_code,
        ..Config::default()
    };
    let mut events = TerminalEvents::new().context("cannot watch for signals")?;
    let _guard = TerminalGuard::enter()?;
    let backend = CrosstermBackend::new(io::stdout());
    let mut terminal = Terminal::new(backend).context("cannot use the terminal")?;
    // No input is known to make quire panic, so the way back from one is proved with this
    // switch, which only debug builds (the ones tests run) have.
    if cfg!(debug_assertions) && std::env::var_os("QUIRE_DEBUG_PANIC").is_some() {
        panic!("QUIRE_DEBUG_PANIC is set");
    }
    let size = terminal.size().context("cannot read the terminal size")?;
    let screen = (size.width, size.height);
    let mut app = match opening {
        Opening::Ready(doc, mut loaded) => {
            let mut model = quire::bookmarks::session::reader_model(
                doc,
                &mut loaded,
                config,
                Keymap::default_keymap(),
                screen,
                cli.from_start,
            );
            // An explicit search wins over the resumed place.
            if let Some(query) = cli.search.as_deref() {
                quire::search::update::start_with_search(&mut model, query)
                    .context("cannot search")?;
            }
            App::with_store(model, loaded.session.take())
        }
        Opening::Preview(preview, whole) => {
            let model =
                Model::with_outline_later(preview, config, Keymap::default_keymap(), screen);
            App::with_whole_document_later(model, whole, !cli.from_start)
        }
    };
    let exit = app.run(&mut terminal, &mut events).map_err(|err| {
        // The whole of a previewed file can still be refused (a binary tail): that is about
        // the file, not the terminal.
        match err.downcast::<LoadError>() {
            Ok(load) => {
                let file = cli.file.as_deref().unwrap_or(Path::new("-"));
                anyhow::Error::new(load).context(cannot_open(file))
            }
            Err(err) => anyhow::Error::new(err).context("terminal error"),
        }
    })?;
    Ok(match exit {
        Exit::Quit | Exit::Signal(0) => ExitCode::SUCCESS,
        Exit::Signal(n) => ExitCode::from(128u8.saturating_add(n as u8)),
    })
}
