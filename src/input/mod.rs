//! Input as the reader understands it, before anything acts on it: one key press and its
//! notation ([`key`]), the bindable [`action::Action`]s, the [`keymap::Keymap`] that maps key
//! sequences to actions per mode, and the one-line editor behind every prompt ([`lineedit`]).
//! Nothing here changes the reader; `reader::update` decides what input means now.

pub mod action;
pub mod key;
pub mod keymap;
pub mod lineedit;

pub use action::Action;
pub use key::Key;
pub use keymap::{Keymap, Lookup, Mode};
