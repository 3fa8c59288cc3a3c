//! Where events come from. [`EventSource`] is the seam that lets the real loop run headless:
//! [`TerminalEvents`] reads crossterm and watches for termination signals; [`ScriptedEvents`]
//! replays a key string such as `"<Tab>jj<Enter>"` for tests.

use std::collections::VecDeque;
use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use crossterm::event::{
    Event as TermEvent, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent,
    MouseEventKind,
};

use crate::keymap::{KeymapError, parse_keys};

/// What the loop reacts to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Key(KeyEvent),
    ScrollDown,
    ScrollUp,
    Click {
        column: u16,
        row: u16,
    },
    Resize {
        width: u16,
        height: u16,
    },
    /// A signal (SIGTERM, SIGHUP, SIGINT) asked quire to stop: restore the terminal and exit.
    Terminate(i32),
}

pub trait EventSource {
    /// The next event, waiting at most `timeout`; `None` when nothing came.
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>>;
}

/// Events from the real terminal.
pub struct TerminalEvents {
    /// The number of the last termination signal received, 0 for none.
    signal: Arc<AtomicUsize>,
    /// Events from the input thread.
    input: Receiver<TermEvent>,
}

impl TerminalEvents {
    /// Start listening; SIGTERM, SIGHUP and SIGINT are turned into [`Event::Terminate`].
    ///
    /// Terminal input is read on a thread of its own. When the terminal goes away (a closed
    /// window, a killed tmux pane) a read can spin on end-of-file inside the terminal library and
    /// never return; reading elsewhere keeps this thread free to notice the hang-up signal, or the
    /// vanished terminal, and shut down cleanly.
    pub fn new() -> io::Result<TerminalEvents> {
        let signal = Arc::new(AtomicUsize::new(0));
        for sig in [
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGHUP,
            signal_hook::consts::SIGINT,
        ] {
            let flag = Arc::clone(&signal);
            signal_hook::flag::register_usize(sig, flag, sig as usize)?;
        }
        let (sender, input) = mpsc::channel();
        std::thread::Builder::new()
            .name("terminal-input".into())
            .spawn(move || {
                while let Ok(event) = crossterm::event::read() {
                    if sender.send(event).is_err() {
                        return;
                    }
                }
                // A read error: the terminal is gone. Dropping the sender tells the loop.
            })?;
        Ok(TerminalEvents { signal, input })
    }
}

/// How often a wait for input wakes to check for signals.
const SIGNAL_POLL: Duration = Duration::from_millis(100);
/// How often an idle wait checks that the terminal is still there.
const TERMINAL_CHECK: Duration = Duration::from_secs(1);
/// The signal number reported when the terminal vanished without a signal: a hang-up.
const HANGUP: i32 = 1;

impl EventSource for TerminalEvents {
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        let mut waited = Duration::ZERO;
        let mut since_check = Duration::ZERO;
        loop {
            let sig = self.signal.load(Ordering::Relaxed);
            if sig != 0 {
                return Ok(Some(Event::Terminate(sig as i32)));
            }
            let slice = SIGNAL_POLL.min(timeout.saturating_sub(waited));
            match self.input.recv_timeout(slice) {
                Ok(event) => {
                    if let Some(event) = translate(event) {
                        return Ok(Some(event));
                    }
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => return Ok(Some(Event::Terminate(HANGUP))),
                Err(RecvTimeoutError::Timeout) => {}
            }
            waited += slice;
            since_check += slice;
            if since_check >= TERMINAL_CHECK {
                since_check = Duration::ZERO;
                if crossterm::terminal::size().is_err() {
                    return Ok(Some(Event::Terminate(HANGUP)));
                }
            }
            if waited >= timeout {
                return Ok(None);
            }
        }
    }
}

/// Terminal events the reader cares about; key releases and motion are dropped.
fn translate(event: TermEvent) -> Option<Event> {
    match event {
        TermEvent::Key(key) if key.kind != KeyEventKind::Release => Some(Event::Key(key)),
        TermEvent::Mouse(MouseEvent {
            kind, column, row, ..
        }) => match kind {
            MouseEventKind::ScrollDown => Some(Event::ScrollDown),
            MouseEventKind::ScrollUp => Some(Event::ScrollUp),
            MouseEventKind::Down(MouseButton::Left) => Some(Event::Click { column, row }),
            _ => None,
        },
        TermEvent::Resize(width, height) => Some(Event::Resize { width, height }),
        _ => None,
    }
}

/// A scripted session for tests: events replayed in order, then a stop.
#[derive(Debug, Default)]
pub struct ScriptedEvents {
    queue: VecDeque<Event>,
}

impl ScriptedEvents {
    /// Keys in keymap notation: `"<Tab>jj<Enter>"`.
    pub fn keys(script: &str) -> Result<ScriptedEvents, KeymapError> {
        let mut events = ScriptedEvents::default();
        events.push_keys(script)?;
        Ok(events)
    }

    pub fn push_keys(&mut self, script: &str) -> Result<&mut Self, KeymapError> {
        for key in parse_keys(script)? {
            let mut modifiers = KeyModifiers::NONE;
            if key.ctrl {
                modifiers |= KeyModifiers::CONTROL;
            }
            if key.alt {
                modifiers |= KeyModifiers::ALT;
            }
            self.queue
                .push_back(Event::Key(KeyEvent::new(key.code, modifiers)));
        }
        Ok(self)
    }

    pub fn push(&mut self, event: Event) -> &mut Self {
        self.queue.push_back(event);
        self
    }
}

impl EventSource for ScriptedEvents {
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        if let Some(event) = self.queue.pop_front() {
            return Ok(Some(event));
        }
        // The script's end stops the loop like a signal would, so a test never hangs; but only
        // when the loop waits, not while it drains a burst, so the last key's frame is drawn.
        Ok((!timeout.is_zero()).then_some(Event::Terminate(0)))
    }
}
