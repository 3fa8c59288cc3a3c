//! The one inbox the loop takes its messages from. The terminal's input thread, the signal
//! thread and background jobs all post [`Msg`]s into it, so the loop never polls: it sleeps
//! until something arrives. [`Inbox`] is the seam that lets the real loop run headless:
//! [`TerminalInbox`] is the real one; [`ScriptedInbox`] replays a script for tests, runs jobs
//! on the spot and delivers their results exactly where the script says.

use std::collections::VecDeque;
use std::io;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use crossterm::event::{Event as TermEvent, KeyEventKind, MouseButton, MouseEvent, MouseEventKind};

use crate::input::Key;
use crate::input::key::{KeyError, parse_keys};
use crate::reader::{Input, Msg};

use super::work::{RanOn, Work};

use super::opening::Whole;

pub trait Inbox {
    /// The next message, waiting at most `timeout`; `None` when nothing came in time.
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Msg>>;
    /// Start background work; its result comes back through this inbox as a message.
    fn spawn(&mut self, work: Work);
}

/// Posts into an inbox from another thread.
#[derive(Debug, Clone)]
pub struct Postbox(Sender<Msg>);

impl Postbox {
    /// Post a message; false when the inbox is gone (the session ended).
    pub fn post(&self, msg: Msg) -> bool {
        self.0.send(msg).is_ok()
    }
}

/// The real inbox: messages from the terminal, signals and job threads.
pub struct TerminalInbox {
    receiver: Receiver<Msg>,
    sender: Sender<Msg>,
}

/// The signals that end a session cleanly: the terminal is restored and quire exits 128+N.
/// Every signal whose default is to end the process is here (those that can be caught and
/// do not mean a fault in quire itself), so none leaves the terminal raw.
const STOP_SIGNALS: [i32; 12] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGQUIT,
    signal_hook::consts::SIGUSR1,
    signal_hook::consts::SIGUSR2,
    signal_hook::consts::SIGALRM,
    signal_hook::consts::SIGVTALRM,
    signal_hook::consts::SIGPROF,
    signal_hook::consts::SIGXCPU,
    signal_hook::consts::SIGXFSZ,
    signal_hook::consts::SIGIO,
];
/// What the loop is told of `signal`: a change of the terminal's size with the size it has
/// now (`size` asks), or a signal that ends the session. Nothing when the size cannot be had:
/// the terminal is gone, which the loop's own check finds.
fn signal_message(signal: i32, size: impl FnOnce() -> io::Result<(u16, u16)>) -> Option<Msg> {
    if signal != signal_hook::consts::SIGWINCH {
        return Some(Msg::Signal(signal));
    }
    let (width, height) = size().ok()?;
    Some(Msg::Resize { width, height })
}

/// The terminal the input is read from, watched for input and for its hang-up. The terminal
/// library reads standard input when it is a terminal, else `/dev/tty`; this watches the
/// same. Waiting inside the library, a hung-up terminal made its reader spin on end-of-file
/// (a core busy until the session noticed and ended, about 50 ms of CPU at each closed
/// window); the hang-up is seen here first, and ends the reading.
struct TerminalWatch {
    /// `/dev/tty`, opened when standard input is not the terminal.
    #[cfg(target_os = "linux")]
    tty: Option<std::fs::File>,
}

impl TerminalWatch {
    fn new() -> TerminalWatch {
        #[cfg(target_os = "linux")]
        {
            use std::io::IsTerminal;
            let tty = if io::stdin().is_terminal() {
                None
            } else {
                std::fs::File::open("/dev/tty").ok()
            };
            TerminalWatch { tty }
        }
        #[cfg(not(target_os = "linux"))]
        TerminalWatch {}
    }

    /// Wait until the terminal has input: false when it hung up instead (or cannot be
    /// watched, when the terminal library would fail too).
    #[cfg(target_os = "linux")]
    fn wait_for_input(&self) -> bool {
        use std::os::fd::AsFd;
        let stdin = io::stdin();
        let fd = match &self.tty {
            Some(tty) => tty.as_fd(),
            None => stdin.as_fd(),
        };
        input_or_hang_up(fd)
    }

    /// Elsewhere the terminal library waits, as it always did.
    #[cfg(not(target_os = "linux"))]
    fn wait_for_input(&self) -> bool {
        loop {
            match crossterm::event::poll(Duration::from_secs(3600)) {
                Ok(true) => return true,
                Ok(false) => {}
                Err(_) => return false,
            }
        }
    }
}

/// Wait until `fd` has input (true) or has hung up or failed (false).
#[cfg(target_os = "linux")]
fn input_or_hang_up(fd: std::os::fd::BorrowedFd<'_>) -> bool {
    use rustix::event::{PollFd, PollFlags, poll};
    loop {
        let mut fds = [PollFd::new(&fd, PollFlags::IN)];
        match poll(&mut fds, None) {
            Ok(_) => {
                let got = fds[0].revents();
                if got.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) {
                    return false;
                }
                if got.contains(PollFlags::IN) {
                    return true;
                }
            }
            Err(rustix::io::Errno::INTR) => {}
            Err(_) => return false,
        }
    }
}

/// How often a quiet wait checks that the terminal is still there.
const TERMINAL_CHECK: Duration = Duration::from_secs(1);
/// The signal number reported when the terminal vanished without a signal: a hang-up.
const HANGUP: i32 = 1;

impl Default for TerminalInbox {
    fn default() -> Self {
        TerminalInbox::new()
    }
}

impl TerminalInbox {
    /// An inbox nothing posts to yet: the terminal and signal threads are started once quire
    /// holds the terminal ([`TerminalInbox::watch_signals`], [`TerminalInbox::read_terminal`]).
    pub fn new() -> TerminalInbox {
        let (sender, receiver) = mpsc::channel();
        TerminalInbox { receiver, sender }
    }

    pub fn postbox(&self) -> Postbox {
        Postbox(self.sender.clone())
    }

    /// Watch for the stop signals, each posted as [`Msg::Signal`], and for the terminal's
    /// change of size, posted as [`Msg::Resize`] with the size it has then. (The input thread
    /// waits on the terminal itself, not inside the terminal library, which would have told
    /// of the change; see [`TerminalWatch`].)
    pub fn watch_signals(&mut self) -> io::Result<()> {
        let watched = STOP_SIGNALS
            .iter()
            .copied()
            .chain([signal_hook::consts::SIGWINCH]);
        let mut signals = signal_hook::iterator::Signals::new(watched)?;
        let postbox = self.postbox();
        std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                for signal in signals.forever() {
                    let Some(msg) = signal_message(signal, crossterm::terminal::size) else {
                        continue;
                    };
                    if !postbox.post(msg) {
                        return;
                    }
                }
            })?;
        Ok(())
    }

    /// Start reading the terminal's input, once nothing else reads it.
    ///
    /// Terminal input is read on a thread of its own, which waits on the terminal itself and
    /// ends when the terminal goes away (a closed window, a killed tmux pane), posting a
    /// hang-up (see [`TerminalWatch`]). Reading elsewhere keeps the loop free to notice the
    /// hang-up signal, or the vanished terminal, should the thread be stuck in a read.
    pub fn read_terminal(&mut self) -> io::Result<()> {
        let postbox = self.postbox();
        std::thread::Builder::new()
            .name("terminal-input".into())
            .spawn(move || {
                let terminal = TerminalWatch::new();
                loop {
                    if !terminal.wait_for_input() {
                        break;
                    }
                    // Every event the input holds, then back to waiting: the terminal library
                    // may have read several at once and keep the rest.
                    loop {
                        match crossterm::event::poll(Duration::ZERO) {
                            Ok(true) => {}
                            Ok(false) => break,
                            Err(_) => {
                                postbox.post(Msg::Signal(HANGUP));
                                return;
                            }
                        }
                        let Ok(event) = crossterm::event::read() else {
                            postbox.post(Msg::Signal(HANGUP));
                            return;
                        };
                        if let Some(msg) = translate(event)
                            && !postbox.post(msg)
                        {
                            return;
                        }
                    }
                }
                // The terminal hung up, or a read failed: it is gone.
                postbox.post(Msg::Signal(HANGUP));
            })?;
        Ok(())
    }

    /// Post the whole of a previewed document when it has been read.
    pub fn forward_whole(&self, whole: Receiver<Whole>) -> io::Result<()> {
        let postbox = self.postbox();
        std::thread::Builder::new()
            .name("whole".into())
            .spawn(move || {
                let arrived = whole.recv().unwrap_or_else(|_| {
                    // The reading thread died (a bug): said as a failure to open the file.
                    let reason = io::Error::other("reading it failed (an internal error)");
                    Err(crate::document::LoadError::Io(reason))
                });
                postbox.post(Msg::WholeArrived(Box::new(arrived)));
            })?;
        Ok(())
    }
}

impl Inbox for TerminalInbox {
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Msg>> {
        let mut waited = Duration::ZERO;
        loop {
            let slice = TERMINAL_CHECK.min(timeout.saturating_sub(waited));
            match self.receiver.recv_timeout(slice) {
                Ok(msg) => return Ok(Some(msg)),
                // Cannot happen while this inbox holds a sender of its own.
                Err(RecvTimeoutError::Disconnected) => return Ok(Some(Msg::Signal(HANGUP))),
                Err(RecvTimeoutError::Timeout) => {}
            }
            waited += slice;
            if waited >= timeout {
                return Ok(None);
            }
            if crossterm::terminal::size().is_err() {
                return Ok(Some(Msg::Signal(HANGUP)));
            }
        }
    }

    fn spawn(&mut self, work: Work) {
        let postbox = self.postbox();
        let background = work.is_background();
        let (run, failed) = work.into_parts();
        super::work::on_a_thread("work", move |ran_on| {
            // Only a thread of its own yields: the loop's thread keeps its priority.
            if background && ran_on == RanOn::OwnThread {
                yield_to_the_loop();
            }
            // Work that panics would leave the reader waiting; the guard says so instead.
            let guard = SaysIfDropped(Some((postbox.clone(), failed)));
            postbox.post(run());
            guard.disarm();
        });
    }
}

/// How far below the loop's priority background work runs (in `nice` steps).
const BACKGROUND_NICENESS: i32 = 10;

/// Lower the calling thread's priority by [`BACKGROUND_NICENESS`] steps (at most to the
/// lowest): on Linux a thread has a niceness of its own. Elsewhere, and when it cannot be
/// done, the thread runs as it is.
fn yield_to_the_loop() {
    #[cfg(target_os = "linux")]
    {
        use rustix::process::{getpriority_process, setpriority_process};
        let me = Some(rustix::thread::gettid());
        if let Ok(now) = getpriority_process(me) {
            let _ = setpriority_process(me, (now + BACKGROUND_NICENESS).min(19));
        }
    }
}

/// Posts a job's failure message if the job's thread unwinds before it reported.
struct SaysIfDropped(Option<(Postbox, Msg)>);

impl SaysIfDropped {
    fn disarm(mut self) {
        self.0 = None;
    }
}

impl Drop for SaysIfDropped {
    fn drop(&mut self) {
        if let Some((postbox, failed)) = self.0.take() {
            postbox.post(failed);
        }
    }
}

/// Terminal events the reader cares about; key releases and mouse motion are dropped.
fn translate(event: TermEvent) -> Option<Msg> {
    let input = match event {
        TermEvent::Key(key) if key.kind != KeyEventKind::Release => Input::Key(Key::from(key)),
        TermEvent::Mouse(MouseEvent {
            kind, column, row, ..
        }) => match kind {
            MouseEventKind::ScrollDown => Input::ScrollDown,
            MouseEventKind::ScrollUp => Input::ScrollUp,
            MouseEventKind::Down(MouseButton::Left) => Input::Click { column, row },
            _ => return None,
        },
        // A change of size is told by the signal thread, with the size the terminal has when
        // it is asked: the library's own word of it can come late, after a newer size (see
        // `watch_signals`).
        _ => return None,
    };
    Some(Msg::Input(input))
}

/// One step of a test script.
#[derive(Debug)]
enum Step {
    Msg(Box<Msg>),
    /// The results of the jobs started so far arrive here, in the order they were started.
    Deliver,
    /// A pause: the loop's next wait ends with nothing (the reader is still).
    Idle,
}

/// A scripted session for tests: messages replayed in order, then a stop. Jobs run on the spot
/// when the loop starts them, and their results are held until a [`ScriptedInbox::deliver`]
/// step, so a test says exactly when background work finishes.
#[derive(Debug, Default)]
pub struct ScriptedInbox {
    steps: VecDeque<Step>,
    held: VecDeque<Msg>,
    jobs: usize,
}

impl ScriptedInbox {
    /// Keys in keymap notation: `"<Tab>jj<Enter>"` ("" for none).
    pub fn keys(script: &str) -> Result<ScriptedInbox, KeyError> {
        let mut inbox = ScriptedInbox::default();
        inbox.then_keys(script)?;
        Ok(inbox)
    }

    /// Keys in keymap notation, after what the script holds; "" adds nothing.
    pub fn then_keys(&mut self, script: &str) -> Result<&mut Self, KeyError> {
        if script.is_empty() {
            return Ok(self);
        }
        for key in parse_keys(script)? {
            self.steps.push_back(Step::Msg(Box::new(Msg::from(key))));
        }
        Ok(self)
    }

    pub fn then(&mut self, msg: Msg) -> &mut Self {
        self.steps.push_back(Step::Msg(Box::new(msg)));
        self
    }

    /// Background work started so far finishes here.
    pub fn deliver(&mut self) -> &mut Self {
        self.steps.push_back(Step::Deliver);
        self
    }

    /// The reader is still for a moment here: the loop's next wait times out once.
    pub fn idle(&mut self) -> &mut Self {
        self.steps.push_back(Step::Idle);
        self
    }

    /// How many jobs the loop has started.
    pub fn jobs_started(&self) -> usize {
        self.jobs
    }
}

impl Inbox for ScriptedInbox {
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Msg>> {
        loop {
            match self.steps.front() {
                // A pause is only a pause when the loop waits, not while it drains a burst.
                Some(Step::Idle) if timeout.is_zero() => return Ok(None),
                Some(Step::Idle) => {
                    self.steps.pop_front();
                    return Ok(None);
                }
                Some(Step::Deliver) => {
                    self.steps.pop_front();
                    while let Some(result) = self.held.pop_back() {
                        self.steps.push_front(Step::Msg(Box::new(result)));
                    }
                }
                Some(Step::Msg(_)) => {
                    if let Some(Step::Msg(msg)) = self.steps.pop_front() {
                        return Ok(Some(*msg));
                    }
                }
                // The script's end stops the loop like a signal would, so a test never hangs;
                // but only when the loop waits, so the last message's frame is drawn.
                None => return Ok((!timeout.is_zero()).then_some(Msg::Signal(0))),
            }
        }
    }

    fn spawn(&mut self, work: Work) {
        self.jobs += 1;
        self.held.push_back(work.run());
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    /// The niceness of the calling thread.
    fn niceness() -> i32 {
        rustix::process::getpriority_process(Some(rustix::thread::gettid())).unwrap_or(0)
    }

    /// Run `work` on the inbox's thread and read what it says.
    fn said_by(work: Work) -> String {
        let mut inbox = TerminalInbox::new();
        inbox.spawn(work);
        // Waiting on the channel, not a clock: the answer comes when the thread is done.
        match inbox.receiver.recv() {
            Ok(Msg::Say(said)) => said,
            other => panic!("the work should say its niceness, not {other:?}"),
        }
    }

    #[test]
    fn background_work_runs_below_the_loop_and_other_work_beside_it() {
        let here = niceness();
        let report = || Msg::Say(niceness().to_string());
        let failed = || Msg::Say("died".into());
        let background = said_by(Work::new(report, failed()).in_background());
        let foreground = said_by(Work::new(report, failed()));
        assert_eq!(background, (here + BACKGROUND_NICENESS).min(19).to_string());
        assert_eq!(foreground, here.to_string());
        // The outline is background work; laying out and searching are waited for.
        let doc = std::sync::Arc::new(crate::document::Document::from_text("A text.", "t"));
        let outline = crate::reader::Job::BuildOutline { generation: 1, doc };
        assert!(Work::job(outline).is_background());
    }

    #[test]
    fn a_change_of_size_is_told_with_the_size_then_and_a_stop_signal_as_itself() {
        let winch = signal_hook::consts::SIGWINCH;
        let resized = signal_message(winch, || Ok((60, 14)));
        assert!(matches!(
            resized,
            Some(Msg::Resize {
                width: 60,
                height: 14
            })
        ));
        let gone = signal_message(winch, || Err(io::Error::other("no terminal")));
        assert!(gone.is_none());
        let term = signal_hook::consts::SIGTERM;
        let stop = signal_message(term, || panic!("a stop signal asks no size"));
        assert!(matches!(stop, Some(Msg::Signal(n)) if n == term));
    }

    /// A terminal with input wakes the input thread; one hung up (its other end closed, as a
    /// closed window leaves it) ends it, though input is still waiting to be read.
    #[cfg(target_os = "linux")]
    #[test]
    fn the_input_thread_wakes_for_input_and_stops_at_a_hang_up() {
        use std::io::Write;
        use std::os::fd::AsFd;
        let (mut terminal, reader_side) = pty_process::blocking::open().unwrap();
        // A whole line: the reader's side is not in raw mode here.
        terminal.write_all(b"j\n").unwrap();
        assert!(input_or_hang_up(reader_side.as_fd()));
        drop(terminal);
        assert!(!input_or_hang_up(reader_side.as_fd()));
    }
}
