//! Shared by the integration tests: drive the real event loop on a `TestBackend` with a key
//! script, and read the screen back as text.

// Each test crate uses its own subset of these helpers.
#![allow(dead_code)]

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

use quire::app::{App, Exit};
use quire::document::Document;
use quire::event::ScriptedEvents;
use quire::keymap::Keymap;
use quire::model::{Config, Model};

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
        let g = self.app.model.geometry();
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

/// Run the real loop over `doc` at `size` with a key script (keymap notation).
pub fn run(doc: Document, size: (u16, u16), script: &str) -> Session {
    let events = if script.is_empty() {
        ScriptedEvents::default()
    } else {
        ScriptedEvents::keys(script).expect("a valid key script")
    };
    run_events(doc, size, events)
}

pub fn run_events(doc: Document, size: (u16, u16), mut events: ScriptedEvents) -> Session {
    let config = Config {
        color: false,
        ..Config::default()
    };
    let model = Model::new(doc, config, Keymap::default_keymap(), size);
    let mut app = App::new(model);
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).expect("a test terminal");
    let exit = app.run(&mut terminal, &mut events).expect("the loop runs");
    Session {
        app,
        terminal,
        exit,
    }
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
