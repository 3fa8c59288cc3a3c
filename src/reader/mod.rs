//! The reader: the core of the program, with no terminal, store, clock or drawing in it. A
//! [`Model`] holds everything the screen is drawn from; [`update()`] is the only code that changes
//! it, one [`Msg`] at a time, answering with [`Effect`]s for the runtime. Everything here runs
//! headless and is tested by feeding it messages.
//!
//! - [`model`]: the state and its read-only accessors; [`config`]: the settings it is made with,
//!   [`palette`] the colours among them.
//! - [`msg`]: what comes in ([`Msg`], [`Input`]) and what goes out ([`Effect`], [`Job`]).
//! - [`mod@update`]: input interpretation and every action, split by concern.
//! - Parts of the state with their own rules: [`marks`] (bookmarks, selection, panel),
//!   [`search`] (hits and the results list), [`prompt`] (the `/` and `:` line and go-to
//!   commands), [`folds`] (the sidebar's folded branches), [`history`] (the jump history),
//!   [`library`] (the library screen: documents read, their order and filter),
//!   [`outline_rows`] (which outline entries the sidebar shows on which rows),
//!   [`notes`] (a book's note as its pop-up shows it), [`source`] (where a document is read
//!   from).

pub mod config;
pub mod folds;
pub mod history;
pub mod library;
pub mod marks;
pub mod model;
pub mod msg;
pub mod notes;
pub mod outline_rows;
pub mod palette;
pub mod prompt;
pub mod search;
mod setting_out;
pub mod source;
pub mod update;

pub use config::{Config, DEFAULT_CJK_CPM, DEFAULT_MAX_WIDTH, DEFAULT_WPM};
pub use model::{Focus, Model, OutlineTiming, Setup};
pub use msg::{Effect, Exit, Input, Job, LibraryRead, Msg, Opened, PlaceToSave, Saved, Write};
pub use source::Source;
pub use update::update;
