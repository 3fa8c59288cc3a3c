//! Holding the terminal and giving it back as it was found: raw mode, the alternate screen and
//! mouse capture are taken by [`TerminalGuard::enter`] and [`TerminalGuard::report_mouse`] and
//! undone once — when the guard drops, on every exit path, and from the panic hook before
//! the panic's one line is written.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::backend::Backend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

/// Puts the terminal back: on drop, on every exit path, and from the panic hook.
pub struct TerminalGuard;

impl TerminalGuard {
    /// Take the terminal: raw mode and the alternate screen. Mouse reports come with
    /// [`TerminalGuard::report_mouse`], once quire reads the terminal's input: until then
    /// something else may be reading it (the terminal's answer about its colours), which
    /// a report would get in the way of.
    pub fn enter() -> io::Result<TerminalGuard> {
        install_panic_hook();
        TERMINAL_TAKEN.store(true, Ordering::SeqCst);
        enable_raw_mode()?;
        let guard = TerminalGuard;
        execute!(io::stdout(), EnterAlternateScreen)?;
        Ok(guard)
    }

    /// Ask the terminal for mouse reports.
    pub fn report_mouse(&self) -> io::Result<()> {
        execute!(io::stdout(), EnableMouseCapture)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// A terminal for the loop: its size is read once per frame by the loop itself, which resizes
/// the buffers and the reader's layout together before drawing. (A terminal that resized
/// itself inside `draw` could hand over a frame of another size than the layout's.)
pub fn terminal<B: Backend>(backend: B) -> Result<Terminal<B>, B::Error> {
    let size = backend.size()?;
    let area = Rect::new(0, 0, size.width, size.height);
    Terminal::with_options(
        backend,
        TerminalOptions {
            viewport: Viewport::Fixed(area),
        },
    )
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
        let what = crate::document::sanitize::sanitize_line(&what);
        let _ = writeln!(io::stderr(), "quire: internal error: {what}{place}");
    }));
}
