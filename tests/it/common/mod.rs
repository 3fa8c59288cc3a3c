//! Shared by the integration tests: drive the real event loop on a `TestBackend` with a
//! scripted inbox, and read the screen back as text. [`tmux`] runs the real binary in a pane.

// Each test module uses its own subset of these helpers.
#![allow(dead_code)]

pub mod tmux;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

use quire::app::{App, AppBuilder, ScriptedInbox};
use quire::document::Document;
use quire::reader::{Config, Exit};

pub fn bundled() -> Document {
    Document::from_text(quire::BUNDLED_ARTICLE, quire::BUNDLED_NAME)
}

/// A finished session: the app (and its model), the terminal it drew on, and how it ended.
pub struct Session {
    pub app: App,
    pub terminal: Terminal<TestBackend>,
    pub exit: Exit,
}

impl Session {
    /// The screen as text, one row a line, trailing spaces trimmed.
    pub fn screen(&self) -> String {
        screen_text(&self.terminal)
    }

    /// The reading area's rows (right of the sidebar, above the status line), trimmed.
    pub fn text_rows(&self) -> Vec<String> {
        let g = self.app.model().geometry();
        let buffer = self.terminal.backend().buffer();
        (g.column.y..g.column.y + g.column.height)
            .map(|y| {
                row_text(buffer, y, g.column.x, g.column.x + g.column.width)
                    .trim()
                    .to_string()
            })
            .collect()
    }

    /// The first word on the reading area's top row.
    pub fn first_word(&self) -> String {
        self.text_rows()
            .iter()
            .find_map(|row| row.split_whitespace().next().map(str::to_string))
            .unwrap_or_default()
    }

    pub fn status(&self) -> String {
        let buffer = self.terminal.backend().buffer();
        let area = buffer.area;
        row_text(buffer, area.height - 1, 0, area.width)
            .trim()
            .to_string()
    }
}

/// Settings for tests: no colour, so screens compare as text.
pub fn plain() -> Config {
    Config {
        color: false,
        ..Config::default()
    }
}

/// A session on `doc` at `size` with its outline built at once, as most tests want.
pub fn builder(doc: Document, size: (u16, u16)) -> AppBuilder {
    AppBuilder::document(doc)
        .config(plain())
        .screen(size)
        .outline_now()
}

/// Run the real loop over `doc` at `size` with a key script (keymap notation).
pub fn run(doc: Document, size: (u16, u16), script: &str) -> Session {
    let inbox = ScriptedInbox::keys(script).expect("a valid key script");
    run_inbox(doc, size, inbox)
}

/// Run the real loop over `doc` at `size` with a scripted inbox.
pub fn run_inbox(doc: Document, size: (u16, u16), inbox: ScriptedInbox) -> Session {
    run_app(builder(doc, size).build(), size, inbox)
}

/// Run the real loop of `app` on a `size` test terminal with a scripted inbox.
pub fn run_app(mut app: App, size: (u16, u16), mut inbox: ScriptedInbox) -> Session {
    let mut terminal = test_terminal(size);
    let exit = app.run(&mut terminal, &mut inbox).expect("the loop runs");
    Session {
        app,
        terminal,
        exit,
    }
}

/// A session on `doc` (opened from `path`, if a file) with the bookmark store in `dir`, as the
/// binary assembles one: what the store has for it, written back there.
pub fn stored_session(
    dir: &std::path::Path,
    doc: Document,
    path: Option<&std::path::Path>,
    resume: bool,
    size: (u16, u16),
) -> AppBuilder {
    let loaded = quire::app::session::load(Some(dir), &doc, path);
    let opened = quire::reader::Opened {
        doc,
        saved: loaded.saved,
        resume,
    };
    AppBuilder::opened(opened)
        .store(loaded.store, Some(dir.to_path_buf()))
        .config(plain())
        .screen(size)
        .outline_now()
}

/// A model of `doc` for a `size` screen with the default settings, as `update` and `render`
/// see one before the first frame.
pub fn model(doc: Document, size: (u16, u16)) -> quire::reader::Model {
    let setup = quire::reader::Setup {
        screen: size,
        ..quire::reader::Setup::default()
    };
    quire::reader::Model::open(quire::reader::Opened::fresh(doc), setup)
}

/// Type `script` (key notation) into `model` through `update`, as the loop would.
pub fn press(model: &mut quire::reader::Model, script: &str) {
    for key in quire::input::key::parse_keys(script).expect("a valid key script") {
        let _ = quire::reader::update(model, quire::reader::Msg::from(key));
    }
}

/// Tell `model` the terminal is now `width`×`height`, as the loop would.
pub fn resize(model: &mut quire::reader::Model, width: u16, height: u16) {
    let _ = quire::reader::update(model, quire::reader::Msg::Resize { width, height });
}

/// A terminal as the loop expects it, on a test backend.
pub fn test_terminal(size: (u16, u16)) -> Terminal<TestBackend> {
    quire::app::terminal(TestBackend::new(size.0, size.1)).expect("a test terminal")
}

fn row_text(buffer: &ratatui::buffer::Buffer, y: u16, from: u16, to: u16) -> String {
    let mut out = String::new();
    let mut skip = 0;
    for x in from..to {
        let symbol = buffer[(x, y)].symbol();
        // A wide character's cell is followed by a filler cell the terminal draws over.
        if skip > 0 {
            skip -= 1;
            continue;
        }
        skip = symbol.width().saturating_sub(1);
        out.push_str(symbol);
    }
    out
}

pub fn screen_text(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let area = buffer.area;
    (0..area.height)
        .map(|y| row_text(buffer, y, 0, area.width).trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}
