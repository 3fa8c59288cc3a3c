//! quire: a terminal reader for saved articles and books.
//!
//! The flow runs one way:
//!
//! ```text
//! bytes ─▶ document (decode, sanitize, structure) ─▶ Document ─▶ outline ─▶ Outline
//!                                                        └──▶ layout::Pages (cache per size)
//! terminal event ─▶ keymap ─▶ Action ─▶ update(&mut Model) ─▶ Effects (run by app)
//! Model ─▶ ui::render (reads only)
//! ```
//!
//! - [`document`]: loading, terminal-safety sanitizing, plain-text structure, [`document::Anchor`];
//!   EPUB books ([`document::epub`]) with what a book knows of itself ([`document::book`]).
//! - [`outline`]: sidebar entries built from the blocks, or a book's own TOC; label fitting.
//! - [`layout`]: wrapping (textwrap + grapheme widths) and pagination as byte ranges.
//! - [`keymap`], [`action`]: key notation, bindings from `assets/keymap.toml`, the action vocabulary.
//! - [`model`], [`update`]: state and the only code that changes it.
//! - [`ui`]: drawing, with [`ui::geometry`] shared by render and update.
//! - [`event`], [`app`]: event sources (terminal, scripted) and the loop generic over the backend.
//! - [`lineedit`]: the one-line editor behind every prompt.
//! - [`print`]: plain output for `--print`, `--outline` and pipes.
//! - [`bookmarks`], [`store`], [`anchoring`], [`sentences`]: passage bookmarks and the reading
//!   position, kept in SQLite and re-attached by text quote when the document changes.
//! - [`search`]: in-document search on folded block text; [`history`]: the jump history;
//!   [`goto`]: the `/` and `:` prompt and the go-to commands.

#![cfg_attr(not(test), deny(clippy::unwrap_used))]

pub mod action;
pub mod anchoring;
pub mod app;
pub mod bookmarks;
pub mod document;
pub mod event;
pub mod folds;
pub mod goto;
pub mod history;
pub mod keymap;
pub mod layout;
pub mod lineedit;
pub mod model;
pub mod opening;
pub mod outline;
pub mod print;
pub mod search;
pub mod sentences;
pub mod store;
pub mod ui;
pub mod update;

/// The article quire opens when given no file, embedded so it works from any directory.
pub const BUNDLED_ARTICLE: &str = include_str!("../seeds/g20-network-security.txt");
/// The name shown for the bundled article when it has no title line.
pub const BUNDLED_NAME: &str = "g20-network-security.txt";
