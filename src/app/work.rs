//! Background work as the runtime runs it: something to do off the loop that ends in a message
//! for the reader, and the message that says it died before it could. The reader's pure jobs
//! (building an outline) and the runtime's own (reading another file) both become `Work`, so an
//! inbox has one way to run them: on a thread for real, on the spot in a test script. Here
//! too is how any such job gets a thread of its own without being lost when none can be had,
//! and how work started ahead on another thread is done by whichever thread gets to it first.

use std::sync::mpsc::{self, Receiver, Sender};
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
            if let Some(job) = take(&taken) {
                job(RanOn::OwnThread);
            }
        });
    if spawned.is_err()
        && let Some(job) = take(&slot)
    {
        job(RanOn::CallersThread);
    }
}

/// Work that another thread is to do ahead of need, and that the thread needing it does itself
/// if that one has not started on it yet. A new thread runs only once a core is free for it:
/// on a busy machine of two cores it can start after the first frame was ready for its
/// result, and waiting for it would add its whole work to the start instead of none.
pub struct Ahead<T> {
    job: Slot<T>,
    done: Receiver<T>,
}

/// The other thread's end of an [`Ahead`].
pub struct AheadWorker<T> {
    job: Slot<T>,
    done: Sender<T>,
}

type Slot<T> = Arc<Mutex<Option<Box<dyn FnOnce() -> T + Send>>>>;

impl<T> Ahead<T> {
    /// `job`, to be done by the worker (given to another thread) or by [`Ahead::get`].
    pub fn new(job: impl FnOnce() -> T + Send + 'static) -> (Ahead<T>, AheadWorker<T>) {
        let job: Slot<T> = Arc::new(Mutex::new(Some(Box::new(job))));
        let (done, result) = mpsc::channel();
        let ahead = Ahead {
            job: Arc::clone(&job),
            done: result,
        };
        (ahead, AheadWorker { job, done })
    }

    /// The job's result: done here if the worker has not taken the job, else the worker's,
    /// waited for. `None` only when the worker took the job and died doing it.
    pub fn get(self) -> Option<T> {
        match take(&self.job) {
            Some(job) => Some(job()),
            None => self.done.recv().ok(),
        }
    }
}

impl<T> AheadWorker<T> {
    /// Do the job, unless the thread that needs it has done it already.
    pub fn run(self) {
        if let Some(job) = take(&self.job) {
            let _ = self.done.send(job());
        }
    }
}

/// Take the job out of its slot: whoever does so does it, once. A slot whose lock was poisoned
/// (a panic while it was held, which taking cannot cause) still gives its job.
fn take<J>(slot: &Mutex<Option<J>>) -> Option<J> {
    match slot.lock() {
        Ok(mut job) => job.take(),
        Err(poisoned) => poisoned.into_inner().take(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn counted(runs: &Arc<AtomicUsize>, value: u32) -> impl FnOnce() -> u32 + Send + 'static {
        let runs = Arc::clone(runs);
        move || {
            runs.fetch_add(1, Ordering::SeqCst);
            value
        }
    }

    #[test]
    fn work_not_yet_taken_is_done_by_the_thread_that_needs_it_and_never_again() {
        let runs = Arc::new(AtomicUsize::new(0));
        let (ahead, worker) = Ahead::new(counted(&runs, 7));
        assert_eq!(ahead.get(), Some(7));
        worker.run();
        assert_eq!(runs.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn work_done_ahead_is_handed_over_once() {
        let runs = Arc::new(AtomicUsize::new(0));
        let (ahead, worker) = Ahead::new(counted(&runs, 9));
        std::thread::spawn(move || worker.run()).join().unwrap();
        assert_eq!(ahead.get(), Some(9));
        assert_eq!(runs.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn work_taken_and_not_finished_is_waited_for() {
        let (taken_tx, taken_rx) = mpsc::channel();
        let (go_tx, go_rx) = mpsc::channel::<()>();
        let (ahead, worker) = Ahead::new(move || {
            taken_tx.send(()).unwrap();
            go_rx.recv().unwrap();
            5
        });
        let thread = std::thread::spawn(move || worker.run());
        // The worker holds the job: the thread needing it waits for its result.
        taken_rx.recv().unwrap();
        let waiting = std::thread::spawn(move || ahead.get());
        go_tx.send(()).unwrap();
        assert_eq!(waiting.join().unwrap(), Some(5));
        thread.join().unwrap();
    }

    #[test]
    fn a_worker_that_dies_with_the_job_leaves_none() {
        let (ahead, worker) = Ahead::new(|| -> u32 { panic!("the job fails") });
        let died = std::thread::spawn(move || worker.run()).join();
        assert!(died.is_err());
        assert_eq!(ahead.get(), None);
    }
}
