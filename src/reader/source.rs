//! Where a document of the session is read from: a file, a page on the web, or standard input
//! (with the copy of it kept in the data directory, when there is one). The session's files
//! (`:n`, `:p`), the library's `Enter` and the refresh key name what to read with a
//! [`Source`]; the runtime reads it. Plain data: nothing here reads anything.

use std::path::PathBuf;

/// What a document of the session was read from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Source {
    File(PathBuf),
    /// A page fetched over HTTP or HTTPS (its copy kept when it was fetched).
    Web(String),
    /// Standard input: the copy of it kept in the data directory, when one was kept.
    Stdin(Option<PathBuf>),
}

impl Source {
    /// Where it is, as the facts pop-up and messages say it.
    pub fn describe(&self) -> String {
        match self {
            Source::File(path) => path.display().to_string(),
            Source::Web(url) => url.clone(),
            Source::Stdin(Some(_)) => "standard input (kept copy)".into(),
            Source::Stdin(None) => "standard input (no copy kept)".into(),
        }
    }

    /// A short name for "opening NAME…": a file's name, a page's address.
    pub fn short_name(&self) -> String {
        match self {
            Source::File(path) => path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into(),
            ),
            Source::Web(url) => url.clone(),
            Source::Stdin(_) => "standard input".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_say_where_they_are() {
        let file = Source::File("/books/moby.txt".into());
        assert_eq!(file.describe(), "/books/moby.txt");
        assert_eq!(file.short_name(), "moby.txt");
        let page = Source::Web("https://example.org/a".into());
        assert_eq!(page.short_name(), "https://example.org/a");
        assert_eq!(
            Source::Stdin(Some("/data/kept/ab".into())).describe(),
            "standard input (kept copy)"
        );
        assert_eq!(
            Source::Stdin(None).describe(),
            "standard input (no copy kept)"
        );
    }
}
