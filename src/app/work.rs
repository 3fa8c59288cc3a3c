//! Background work as the runtime runs it: something to do off the loop that ends in a message
//! for the reader, and the message that says it died before it could. The reader's pure jobs
//! (building an outline) and the runtime's own (reading another file) both become `Work`, so an
//! inbox has one way to run them: on a thread for real, on the spot in a test script.

use crate::reader::{Job, Msg};

pub struct Work {
    run: Box<dyn FnOnce() -> Msg + Send>,
    failed: Msg,
}

impl Work {
    /// Work that runs `run`, and says `failed` if the thread running it dies.
    pub fn new(run: impl FnOnce() -> Msg + Send + 'static, failed: Msg) -> Work {
        Work {
            run: Box::new(run),
            failed,
        }
    }

    /// The reader's job, as work.
    pub fn job(job: Job) -> Work {
        let failed = job.failed();
        Work::new(move || job.run(), failed)
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
            .finish()
    }
}
