//! The `quire` binary: parses the command line, loads the document before touching the
//! terminal, then either prints (when stdout is not a terminal, or with `--print`/`--outline`)
//! or runs the interactive reader, and always hands the terminal back as it found it. The work
//! itself is the library's; this file only decides which part runs and words the errors, and
//! `sessions.rs` starts the reader's sessions in the terminal.
//!
//! Exit codes: 0 success; 1 the document could not be read or the terminal failed;
//! 2 usage error; 128+N when stopped by signal N (SIGHUP 129, SIGINT 130, SIGTERM 143).

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};

use quire::app::fetch;
use quire::app::opening::Opening;
use quire::app::{TerminalInbox, session, stdin};
use quire::cli::bookmarks::{self as bookmarks_cli, BookmarksArgs, CliError};
use quire::cli::{library as library_cli, print, search_print};
use quire::document::sanitize::{sanitize_line, visible_line};
use quire::document::{Document, Format, LoadError, LoadOptions, Ruby, encoding_for_label, input};
use quire::outline::Outline;
use quire::reader::{Config, Opened};
use quire::settings::{self, Settings};
use quire::store::Store;
use quire::{BUNDLED_ARTICLE, BUNDLED_NAME};

mod sessions;

use sessions::{Start, folder, interactive, library_session, session_in_terminal, stdin_session};

/// The width `--print` lays text out at when none is given.
const PRINT_WIDTH: usize = 80;

#[derive(Parser, Debug, Clone)]
#[command(
    name = "quire",
    version,
    about = "Read saved articles and books in the terminal, with an outline built from the text.",
    after_help = "With no FILE, quire continues the document read last, where you left it (or reads\n\
                  stdin when it is a pipe; the bundled article when nothing was read yet).\n\
                  Press ? inside quire for the keys.\n\n\
                  Exit codes: 0 ok, 1 cannot read the document or use the terminal (or --search\n\
                  --print found nothing), 2 usage error (or a bad --search regex),\n\
                  128+N stopped by signal N, 70 internal error (a bug).\n\
                  Environment: NO_COLOR turns colours off; QUIRE_DATA_DIR sets where bookmarks\n\
                  and reading places are kept (default: $XDG_DATA_HOME/quire); QUIRE_CONFIG names\n\
                  the settings file (default: $XDG_CONFIG_HOME/quire/config.toml; see\n\
                  --generate config).\n\n\
                  quire remembers where you left off and returns there (--from-start does not).\n\
                  Web pages, and stdin read in the reader, are kept in kept/ in the data directory\n\
                  so the library (o, quire library) opens them again; R in the reader fetches a\n\
                  page (or reads a file) again. quire never deletes a kept copy.\n\
                  `quire bookmarks` lists, exports and imports bookmarks; to read a file that is\n\
                  literally named \"bookmarks\", write it as a path: quire ./bookmarks"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// The texts to read ('-' reads standard input). With several, the reader opens the first
    /// and `:n`, `:p` and `:x` move between them; plain output writes each in turn.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
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
    /// Structure the file as this format (`txt`, `code` for program source kept line for line,
    /// `md`, `html`, `epub`) instead of choosing by its name and content.
    #[arg(long, value_name = "FORMAT", value_parser = parse_format)]
    format: Option<Format>,
    /// Show a file that looks binary anyway, with visible placeholders for what is not text;
    /// read a device (not a regular file or a pipe) as if it were a file.
    #[arg(long)]
    force: bool,
    /// Read at most SIZE bytes of the document (default 256M; K, M, G, T for KiB… TiB):
    /// anything longer is refused.
    #[arg(long, value_name = "SIZE", value_parser = input::parse_size)]
    max_size: Option<u64>,
    /// Start with code lines too wide for the screen wrapped onto the next rows (each marked ↪)
    /// instead of cut at the pane's edge; `w` switches in the reader.
    #[arg(long)]
    wrap_code: bool,
    /// How Japanese ruby (the reading of a word, in Aozora Bunko texts) is shown: after its
    /// word in `parentheses` (the default), or `hidden`. Overrides `ruby` in the settings.
    #[arg(long, value_name = "HOW", value_parser = parse_ruby)]
    ruby: Option<Ruby>,
    /// Open at the beginning instead of where you left off.
    #[arg(long)]
    from_start: bool,
    /// Open the article that comes with quire (with no FILE, quire continues the document read
    /// last).
    #[arg(long, conflicts_with = "files")]
    bundled: bool,
    /// With a web address: read the copy kept when it was last fetched, without the network.
    #[arg(long)]
    offline: bool,
    /// Read settings from FILE (default: $QUIRE_CONFIG, else $XDG_CONFIG_HOME/quire/config.toml).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Check the settings file, say every problem in it, and exit (1 when there is one).
    #[arg(long)]
    check_config: bool,
    /// Print something generated and exit: `config` (the default settings file, commented),
    /// `man` (the manual page, roff), or shell completions: `complete-bash`, `complete-zsh`,
    /// `complete-fish`, `complete-elvish`, `complete-powershell`.
    #[arg(long, value_name = "WHAT", value_parser = parse_generate)]
    generate: Option<Generate>,
    /// Where bookmarks and reading places are kept (overrides QUIRE_DATA_DIR).
    #[arg(long, value_name = "DIR", global = true)]
    data_dir: Option<PathBuf>,
    /// Open at the first match of TEXT (smart case, accents optional; a leading \ makes it a
    /// regex). With --print, print the matching paragraphs under their outline entry.
    #[arg(long, value_name = "TEXT", conflicts_with = "outline")]
    search: Option<String>,
}

#[derive(Subcommand, Debug, Clone)]
enum Command {
    /// List bookmarks (all documents, or FILE's), export them as Markdown or JSON, or import
    /// a JSON export.
    Bookmarks(BookmarksArgs),
    /// Every document read, most recent first: on a terminal the library screen (Enter opens,
    /// / filters, s changes the order, d forgets); otherwise one line per document (title,
    /// how far read, when last read, where it lives).
    Library(LibraryArgs),
}

#[derive(clap::Args, Debug, Clone)]
struct LibraryArgs {
    /// Print the library's records as JSON.
    #[arg(long)]
    json: bool,
}

impl Cli {
    /// The file the session starts with (or the only one).
    fn file(&self) -> Option<&PathBuf> {
        self.files.first()
    }
}

/// What `--generate` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Generate {
    Config,
    Man,
    Completions(clap_complete::Shell),
}

fn parse_generate(what: &str) -> Result<Generate, String> {
    use clap_complete::Shell;
    Ok(match what {
        "config" => Generate::Config,
        "man" => Generate::Man,
        "complete-bash" => Generate::Completions(Shell::Bash),
        "complete-zsh" => Generate::Completions(Shell::Zsh),
        "complete-fish" => Generate::Completions(Shell::Fish),
        "complete-elvish" => Generate::Completions(Shell::Elvish),
        "complete-powershell" => Generate::Completions(Shell::PowerShell),
        _ => {
            return Err(format!(
                "unknown: '{what}' (config, man, complete-bash, complete-zsh, complete-fish, \
                 complete-elvish, complete-powershell)"
            ));
        }
    })
}

/// `--generate`: the default settings file, the manual page, or shell completions, all made
/// from the same definitions the program uses.
fn generate(what: Generate) -> Result<ExitCode> {
    use clap::CommandFactory;
    let mut out = io::stdout().lock();
    match what {
        Generate::Config => written(out.write_all(settings::generate::default_file().as_bytes()))?,
        Generate::Man => {
            let man = clap_mangen::Man::new(Cli::command());
            written(man.render(&mut out))?;
        }
        Generate::Completions(shell) => {
            clap_complete::generate(shell, &mut Cli::command(), "quire", &mut out);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The settings the session runs with: the file's over the defaults, the command line's and
/// the environment's over the file's.
fn settings(cli: &Cli) -> Settings {
    let located = settings::locate(
        cli.config.as_deref(),
        std::env::var_os("QUIRE_CONFIG").as_deref(),
    );
    let mut settings = match located {
        Some((path, named)) => Settings::load(&path, named, Config::default()),
        None => Settings::defaults(Config::default()),
    };
    let config = &mut settings.config;
    if let Some(width) = cli.width {
        config.max_width = usize::from(width);
        config.configured_width = config.max_width;
    }
    // What the reader chose in earlier sessions (`+`, `-`, showing or hiding the sidebar).
    // A store that cannot be read now says so when the session first writes to it.
    if let Some(remembered) =
        data_dir(cli).and_then(|dir| quire::store::Store::peek_settings(&dir).ok())
    {
        config.apply_remembered(&remembered, cli.width.is_some());
        settings.remembered_light = quire::reader::config::remembered_light(&remembered);
    }
    if cli.wrap_code {
        config.wrap_code = true;
    }
    if let Some(ruby) = cli.ruby {
        config.ruby = ruby;
    }
    if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        config.color = false;
    }
    config.truecolor = shows_truecolor(
        std::env::var("COLORTERM").ok().as_deref(),
        std::env::var("TERM").ok().as_deref(),
    );
    settings
}

/// Whether the terminal says it shows 24-bit colour: `COLORTERM=truecolor` (or `24bit`), or a
/// `TERM` of the `-direct` kind. Terminals that do not say so get the nearest of 256 colours,
/// which every colour terminal of today shows.
fn shows_truecolor(colorterm: Option<&str>, term: Option<&str>) -> bool {
    matches!(colorterm, Some("truecolor" | "24bit")) || term.is_some_and(|t| t.ends_with("direct"))
}

/// `--check-config`: every problem in the settings file, one a line; exit 1 when there is one.
fn check_config(cli: &Cli) -> Result<ExitCode> {
    let settings = settings(cli);
    let mut err = io::stderr().lock();
    for problem in &settings.problems {
        let _ = writeln!(err, "quire: {}", sanitize_line(&problem.to_string()));
    }
    let file = settings.file.as_deref().map_or_else(
        || "no settings file (the defaults hold)".to_string(),
        |f| visible_line(&f.display().to_string()),
    );
    if settings.problems.is_empty() {
        written(writeln!(io::stdout(), "{file}: no problems"))?;
        Ok(ExitCode::SUCCESS)
    } else {
        Ok(ExitCode::from(1))
    }
}

/// Whether the terminal is asked about its background: only for the `auto` theme, in colour.
fn asks_terminal(settings: &Settings) -> bool {
    settings.config.theme == quire::reader::palette::ThemeName::Auto && settings.config.color
}

/// Whether the terminal's background is light, when it says (asked briefly); `None` when it
/// does not answer or the theme does not ask.
fn light_terminal(settings: &Settings) -> Option<bool> {
    if !asks_terminal(settings) {
        return None;
    }
    let mut options = terminal_colorsaurus::QueryOptions::default();
    options.timeout = std::time::Duration::from_millis(150);
    match terminal_colorsaurus::theme_mode(options) {
        Ok(terminal_colorsaurus::ThemeMode::Light) => Some(true),
        Ok(terminal_colorsaurus::ThemeMode::Dark) => Some(false),
        Err(_) => None,
    }
}

/// Ask the terminal, already in raw mode, about its background, keeping the keys typed while
/// it answers; `None` and no keys when the theme does not ask.
fn ask_raw_terminal(settings: &Settings) -> quire::app::colour_question::Answer {
    if !asks_terminal(settings) {
        return quire::app::colour_question::Answer::default();
    }
    #[cfg(target_os = "linux")]
    {
        quire::app::colour_question::ask(std::time::Duration::from_millis(150))
    }
    #[cfg(not(target_os = "linux"))]
    {
        quire::app::colour_question::Answer {
            light: light_terminal(settings),
            typed: Vec::new(),
        }
    }
}

fn parse_encoding(name: &str) -> Result<&'static encoding_rs::Encoding, String> {
    encoding_for_label(name).ok_or_else(|| format!("unknown encoding '{name}'"))
}

fn parse_ruby(name: &str) -> Result<Ruby, String> {
    Ruby::from_name(name).ok_or_else(|| format!("unknown: '{name}' (parentheses or hidden)"))
}

fn parse_format(name: &str) -> Result<Format, String> {
    Format::from_name(name)
        .ok_or_else(|| format!("unknown format '{name}' (expected txt, code, md, html or epub)"))
}

/// The exit code of an internal error (a bug): sysexits' EX_SOFTWARE.
const EXIT_INTERNAL: u8 = 70;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return usage(&err),
    };
    // A panic has already restored the terminal and said one line (see `TerminalGuard`); what
    // is left is to exit with a code that says "a bug", not Rust's bare 101.
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(cli)));
    let Ok(outcome) = outcome else {
        return ExitCode::from(EXIT_INTERNAL);
    };
    match outcome {
        Ok(code) => code,
        Err(err) => {
            report(&err);
            ExitCode::from(1)
        }
    }
}

/// An error as one line on stderr: the context chain joined, never a backtrace. A LoadError
/// already says the reason in the user's words; its own source would only repeat it with
/// "(os error 2)" after it.
fn report(err: &anyhow::Error) {
    let mut parts = Vec::new();
    for cause in err.chain() {
        parts.push(cause.to_string());
        if cause.downcast_ref::<LoadError>().is_some() {
            break;
        }
    }
    // Messages carry file names and arguments: made safe like document text, and on one line,
    // so a name cannot forge a second message.
    let message = sanitize_line(&parts.join(": "));
    let _ = writeln!(io::stderr(), "quire: {message}");
}

/// A usage error (exit 2), or `--help` and `--version` (exit 0), said as clap words it but
/// without its colours, and with whatever the user typed made safe for the terminal: an
/// argument can hold escape sequences.
fn usage(err: &clap::Error) -> ExitCode {
    let text = err.render().to_string();
    let safe: String = text
        .split_inclusive('\n')
        .map(|line| match line.strip_suffix('\n') {
            Some(line) => visible_line(line) + "\n",
            None => visible_line(line),
        })
        .collect();
    let code = err.exit_code();
    let written = if err.use_stderr() {
        write!(io::stderr(), "{safe}")
    } else {
        write!(io::stdout(), "{safe}")
    };
    drop(written);
    ExitCode::from(u8::try_from(code).unwrap_or(2))
}

fn run(cli: Cli) -> Result<ExitCode> {
    match &cli.command {
        Some(Command::Bookmarks(args)) => return bookmarks(args, &cli),
        Some(Command::Library(args)) => return library(args, &cli),
        None => {}
    }
    if let Some(what) = cli.generate {
        return generate(what);
    }
    if cli.check_config {
        return check_config(&cli);
    }
    if let [dir] = cli.files.as_slice()
        && dir.is_dir()
        && !cli.outline
        && cli.search.is_none()
    {
        return folder(&cli, dir);
    }
    let stdout = io::stdout();
    let printing = cli.outline || cli.print || !stdout.is_terminal();
    if !printing && cli.search.is_none() {
        return interactive(&cli);
    }
    if printing && cli.files.len() > 1 {
        return print_each(&cli);
    }
    print_one(&cli, printing)
}

/// Plain output of several files, one after another, each under a line naming it (as `head`
/// and `tail` do). The worst exit status of them is the whole's.
fn print_each(cli: &Cli) -> Result<ExitCode> {
    let mut worst = ExitCode::SUCCESS;
    for (n, file) in cli.files.iter().enumerate() {
        let header = if n == 0 { "" } else { "\n" };
        written(writeln!(
            io::stdout(),
            "{header}==> {} <==",
            shown_path(file)
        ))?;
        let one = Cli {
            files: vec![file.clone()],
            ..cli.clone()
        };
        match print_one(&one, true) {
            Ok(code) if code != ExitCode::SUCCESS => worst = code,
            Ok(_) => {}
            Err(err) => {
                report(&err);
                worst = ExitCode::from(1);
            }
        }
    }
    Ok(worst)
}

fn print_one(cli: &Cli, printing: bool) -> Result<ExitCode> {
    let cli = cli.clone();
    if !printing && reads_stdin(&cli) {
        // `… | quire --search TEXT`: read in the terminal, kept for the library.
        return match bad_search(&cli) {
            Some(code) => Ok(code),
            None => stdin_session(&cli),
        };
    }
    let stdout = io::stdout();
    let doc = load(&cli)?;
    if doc.is_empty() && printing {
        // Nothing to print is not an error, but silence would leave the user guessing why.
        let name = match cli.file() {
            Some(path) if path.as_os_str() != "-" => shown_path(path),
            _ => "standard input".to_string(),
        };
        let _ = writeln!(io::stderr(), "quire: '{name}' is empty");
    }
    if cli.outline {
        let outline = Outline::build(&doc);
        let mut out = stdout.lock();
        written((|| {
            if !cli.json && !doc.is_empty() {
                let format = doc.format.map_or("text", Format::name);
                writeln!(out, "{}  [{format}, {}]", doc.name, doc.encoding)?;
            }
            print::write_document_outline(&doc, &outline, cli.json, &mut out)
        })())?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(query) = &cli.search {
        if let Some(code) = bad_search(&cli) {
            return Ok(code);
        }
        if printing {
            return print_search(&doc, query, cli.width.map_or(PRINT_WIDTH, usize::from));
        }
    }
    if printing {
        let width = cli.width.map_or(PRINT_WIDTH, usize::from);
        let mut out = stdout.lock();
        written(if cli.unfold {
            print::write_unfolded(&doc, width, &mut out)
        } else {
            print::write_text(&doc, width, &mut out)
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    let data_dir = data_dir(&cli);
    let loaded = session::load(data_dir.as_deref(), &doc, named_file(&cli));
    let opened = Opened {
        doc,
        saved: loaded.saved,
        resume: !cli.from_start,
    };
    session_in_terminal(
        Opening::Ready(Box::new(opened), loaded.store),
        &cli,
        TerminalInbox::new(),
        Start::default(),
    )
}

/// A `--search` pattern that is no regex: a usage error (exit 2), said before the terminal is
/// touched.
fn bad_search(cli: &Cli) -> Option<ExitCode> {
    let error = quire::search::Matcher::new(cli.search.as_deref()?, false).err()?;
    let _ = writeln!(io::stderr(), "quire: --search: {error}");
    Some(ExitCode::from(2))
}

/// What writing to stdout came to: a closed pipe (`quire book | head`) is not an error worth
/// a message, so every command treats it here, the same way.
fn written(result: io::Result<()>) -> Result<()> {
    match result {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write output"),
    }
}

/// `quire bookmarks`.
fn bookmarks(args: &BookmarksArgs, cli: &Cli) -> Result<ExitCode> {
    let dir = data_dir(cli);
    let result = bookmarks_cli::run(
        args,
        dir.as_deref(),
        &mut io::stdout().lock(),
        &mut io::stderr(),
    );
    match result {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(CliError::Io(e)) => written(Err(e)).map(|()| ExitCode::SUCCESS),
        Err(e) => Err(e.into()),
    }
}

/// `quire library`: the library screen on a terminal, else the list (or `--json`).
fn library(args: &LibraryArgs, cli: &Cli) -> Result<ExitCode> {
    let dir = data_dir(cli)
        .context("no data directory is known; give --data-dir or set QUIRE_DATA_DIR")?;
    let opened = Store::open(&dir).context("the library is unavailable")?;
    if let Some(notice) = &opened.notice {
        let _ = writeln!(io::stderr(), "quire: {}", sanitize_line(notice));
    }
    let entries = quire::app::library::entries(&opened.store).context("cannot read the library")?;
    if !args.json && io::stdout().is_terminal() {
        drop(opened);
        return library_session(cli, None);
    }
    let mut out = io::stdout().lock();
    if args.json {
        written(library_cli::write_json(&entries, &mut out))?;
    } else {
        written(library_cli::write_plain(
            &entries,
            quire::store::now(),
            &mut out,
        ))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The data directory from `--data-dir`, else `QUIRE_DATA_DIR`, else the platform default.
fn data_dir(cli: &Cli) -> Option<PathBuf> {
    quire::store::data_dir(
        cli.data_dir.as_deref(),
        std::env::var_os("QUIRE_DATA_DIR").as_deref(),
    )
}

/// A path as it may be printed to a terminal: the name is the user's, but made safe like text.
fn shown_path(path: &Path) -> String {
    visible_line(&path.display().to_string())
}

/// The words for "cannot open" a file the user named.
fn cannot_open(path: &Path) -> String {
    format!("cannot open '{}'", shown_path(path))
}

/// Read the document named on the command line, stdin, or the bundled article.
fn load(cli: &Cli) -> Result<Document> {
    let options = load_options(cli);
    match cli.file() {
        Some(path) if path.as_os_str() == "-" => read_stdin(options),
        Some(path) if url_of(path).is_some() => {
            let page = read_page(cli, path)?;
            if let Some(notice) = page.notice {
                let _ = writeln!(io::stderr(), "quire: {}", sanitize_line(&notice));
            }
            Ok(page.doc)
        }
        Some(path) => Document::open_with(path, options).with_context(|| cannot_open(path)),
        None if !cli.bundled && stdin::has_input() => read_stdin(options),
        None => Ok(Document::from_text(BUNDLED_ARTICLE, BUNDLED_NAME)),
    }
}

/// The web address `path` is, when it is one.
fn url_of(path: &Path) -> Option<&str> {
    path.to_str().filter(|p| fetch::is_url(p))
}

/// A page from the web (or its kept copy); "cannot open 'URL': why" when neither can be had.
fn read_page(cli: &Cli, path: &Path) -> Result<fetch::Page> {
    let url = url_of(path).unwrap_or_default();
    fetch::read_page(
        url,
        data_dir(cli).as_deref(),
        cli.offline,
        load_options(cli),
    )
    .map_err(anyhow::Error::msg)
    .with_context(|| cannot_open(path))
}

fn load_options(cli: &Cli) -> LoadOptions {
    LoadOptions {
        encoding: cli.encoding,
        format: cli.format,
        force: cli.force,
        max_size: cli.max_size,
        ruby: cli.ruby.unwrap_or_else(|| file_config(cli).ruby),
    }
}

/// The settings file's settings over the defaults, without what the store remembers or what
/// the command line says: what reading a document asks of the settings, printed or not. A
/// problem in the file is said where the settings are used in full (the reader, and
/// `--check-config`).
fn file_config(cli: &Cli) -> Config {
    let located = settings::locate(
        cli.config.as_deref(),
        std::env::var_os("QUIRE_CONFIG").as_deref(),
    );
    match located {
        Some((path, _)) => Settings::load_config(&path, Config::default()),
        None => Config::default(),
    }
}

/// The file the document was read from, when it was a named file (not stdin or the bundle).
fn named_file(cli: &Cli) -> Option<&Path> {
    cli.file()
        .map(PathBuf::as_path)
        .filter(|p| p.as_os_str() != "-")
}

fn read_stdin(options: LoadOptions) -> Result<Document> {
    let bytes = stdin::read(options).context("cannot read standard input")?;
    Document::load(bytes, stdin::NAME, options).context("cannot open standard input")
}

/// True when the document is standard input: `-`, or nothing named and a pipe on stdin.
fn reads_stdin(cli: &Cli) -> bool {
    match cli.file() {
        Some(path) => path.as_os_str() == "-",
        None => !cli.bundled && stdin::has_input(),
    }
}

/// `--search TEXT --print`: the matching paragraphs; "no match" on stderr and exit 1 when
/// there is none, so scripts can test for it.
fn print_search(doc: &Document, query: &str, width: usize) -> Result<ExitCode> {
    let found = quire::search::search(doc, query, false).context("cannot search")?;
    let outline = Outline::build(doc);
    let mut out = io::stdout().lock();
    written(search_print::write_matches(doc, &outline, &found, width, &mut out).map(drop))?;
    if found.matches.is_empty() {
        let shown = visible_line(query);
        let _ = writeln!(io::stderr(), "quire: no match for '{shown}'");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
