//! Background work as the runtime runs it: something to do off the loop that ends in a message
//! for the reader, and the message that says it died before it could. The reader's pure jobs
//! (building an outline) and the runtime's own (reading another file) both become `Work`, so an
//! inbox has one way to run them: on a thread for real, on the spot in a test script. Here
//! too is how any such job gets a thread of its own without being lost when none can be had.

use std::sync::{Arc, Mutex};

use crate::reader::{Job, Msg};

pub struct Work {
    run: Box<dyn FnOnce() -> Msg + Send>,
    failed: Msg,
    /// Nobody waits for it: it runs at a lower priority than the loop, so that on a busy
    /// machine it never delays a frame.
    background: bool,
}

impl Work {
    /// Work that runs `run`, and says `failed` if the thread running it dies.
    pub fn new(run: impl FnOnce() -> Msg + Send + 'static, failed: Msg) -> Work {
        Work {
            run: Box::new(run),
            failed,
            background: false,
        }
    }

    /// The same work, run at a lower priority than the loop.
    pub fn in_background(mut self) -> Work {
        self.background = true;
        self
    }

    /// Whether it runs at a lower priority than the loop.
    pub fn is_background(&self) -> bool {
        self.background
    }

    /// The reader's job, as work.
    pub fn job(job: Job) -> Work {
        let failed = job.failed();
        let background = job.is_background();
        let work = Work::new(move || job.run(), failed);
        if background {
            work.in_background()
        } else {
            work
        }
    }

    /// Do it, here.
    pub fn run(self) -> Msg {
        (self.run)()
    }

    /// Split into the work and its failure message.
    pub fn into_parts(self) -> (Box<dyn FnOnce() -> Msg + Send>, Msg) {
        (self.run, self.failed)
    }
}

impl std::fmt::Debug for Work {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Work")
            .field("failed", &self.failed)
            .field("background", &self.background)
            .finish()
    }
}

/// Where a job given to [`on_a_thread`] ran.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RanOn {
    /// A thread of its own.
    OwnThread,
    /// The caller's thread: no other could be had.
    CallersThread,
}

/// Run `job` on a new thread named `name`, or, should no thread be had, here and now: late, but
/// done once either way. The job moves to its thread through a slot, so that a thread that
/// could not start leaves it behind to be run here.
pub fn on_a_thread(name: &str, job: impl FnOnce(RanOn) + Send + 'static) {
    let slot = Arc::new(Mutex::new(Some(job)));
    let taken = Arc::clone(&slot);
    let spawned = std::thread::Builder::new()
        .name(name.into())
        .spawn(move || {
            if let Some(job) = taken.lock().ok().and_then(|mut slot| slot.take()) {
                job(RanOn::OwnThread);
            }
        });
    if spawned.is_err()
        && let Some(job) = slot.lock().ok().and_then(|mut slot| slot.take())
    {
        job(RanOn::CallersThread);
    }
}
