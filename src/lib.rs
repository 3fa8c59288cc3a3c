//! quire: a terminal reader for saved articles and books, with an outline built from the text
//! and passage bookmarks anchored to it. `src/ARCHITECTURE.md` gives
//! the bird's eye view, the code map and the rules each layer keeps.
//!
//! Layers, each depending only on the ones listed before it: [`text`], [`document`],
//! [`outline`], [`layout`], [`search`], [`anchoring`], [`store`], [`input`], [`reader`] (the
//! model and its `update`), [`ui`] (drawing), [`settings`] (the settings file), [`app`] (the
//! runtime), [`cli`] (plain output and commands).

#![cfg_attr(not(test), deny(clippy::unwrap_used))]
// The library serves the `quire` binary, and its documentation is a map for the people who
// work on it, where a module's notes name the private parts that do the work. Read it with
// `cargo doc --document-private-items`, where every such link resolves.
#![allow(rustdoc::private_intra_doc_links)]

pub mod anchoring;
pub mod app;
pub mod cli;
pub mod document;
pub mod input;
pub mod layout;
pub mod outline;
pub mod reader;
pub mod search;
pub mod settings;
pub mod store;
pub mod text;
pub mod ui;

/// The article quire opens when given no file, embedded so it works from any directory.
pub const BUNDLED_ARTICLE: &str = include_str!("../seeds/g20-network-security.txt");
/// The name shown for the bundled article when it has no title line.
pub const BUNDLED_NAME: &str = "g20-network-security.txt";
