//! quire's integration tests, in one binary (it links once): the real binary run on files in a
//! temp dir, the real event loop driven by scripted messages on a `TestBackend`, screen
//! snapshots, property tests of layout and rendering, the store across sessions, and the
//! corpus evaluation's floors (when `QUIRE_CORPUS` names the corpus).

mod architecture;
mod cjk;
mod cli;
mod code_blocks;
mod common;
mod config;
mod corpus;
mod epub;
mod epub_opening;
mod fetch;
mod files;
mod folder_screen;
mod formats;
mod hostile_names;
mod input_limits;
mod keymap_coverage;
mod layout_props;
mod library;
mod library_screen;
mod long_layout;
mod opening;
mod outline_tree;
mod parser_props;
mod pty_safety;
mod refresh;
mod render_props;
mod resize;
mod screens;
mod search_cli;
mod search_engine;
mod search_session;
mod session;
mod store_cli;
mod store_failures;
mod store_session;
mod terminal_restore;
mod wrap_code_flag;
