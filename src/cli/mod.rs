//! Plain output and commands that do not open the reader: the laid-out text and the outline
//! for `--print`, `--outline` and pipes ([`mod@print`]), matching paragraphs for `--search TEXT
//! --print` ([`search_print`]), `quire bookmarks` ([`bookmarks`]) and `quire library`
//! ([`library`]). Everything written here is sanitized, since stdout may be a terminal.

pub mod bookmarks;
pub mod json;
pub mod library;
pub mod print;
pub mod search_print;
