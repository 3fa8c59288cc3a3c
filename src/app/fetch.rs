//! Reading a page from the web (`quire URL`): fetched over HTTP or HTTPS (rustls, no system
//! TLS library) with a time limit, a size cap, redirects followed and a user agent naming
//! quire; its bytes kept in the data directory; and, when the network fails (or `--offline`
//! asks), the copy kept before read instead, with a word saying so. The page is read as a
//! saved HTML file is: the article extracted, the charset from the headers unless one is given.

use std::path::Path;
use std::time::Duration;

use crate::document::{Document, Format, LoadOptions, encoding_for_label};
use crate::store::{KeptCopy, Store};
use crate::text::ago::ago;

/// The most a page may be.
pub const MAX_BYTES: u64 = 32 << 20;
/// How long fetching a page may take, from asking to the last byte.
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// True for the addresses quire fetches: `http://` and `https://`.
pub fn is_url(text: &str) -> bool {
    let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Why a page could not be fetched, in one line.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("the server answered {0}")]
    Status(u16),
    #[error("the page is over {} MiB", MAX_BYTES >> 20)]
    TooLarge,
    #[error("not a text page ({0})")]
    NotText(String),
    #[error("no answer within {} seconds", TIMEOUT.as_secs())]
    Timeout,
    #[error("the host is not known: no such name, or no network")]
    HostNotFound,
    #[error("cannot connect: refused, or no network")]
    ConnectionFailed,
    #[error("{0}")]
    Other(String),
}

/// A page as fetched.
#[derive(Debug, Clone)]
pub struct Fetched {
    pub bytes: Vec<u8>,
    /// The content type the server gave (its mime type alone; "" when none).
    pub mime: String,
    pub charset: Option<String>,
}

/// Fetch `url`.
pub fn fetch(url: &str) -> Result<Fetched, FetchError> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(TIMEOUT))
        .user_agent(format!("quire/{}", env!("CARGO_PKG_VERSION")))
        .max_redirects(10)
        .build()
        .into();
    let mut response = agent.get(url).call().map_err(fetch_error)?;
    let body = response.body_mut();
    let mime = body.mime_type().unwrap_or("").to_ascii_lowercase();
    let charset = body.charset().map(str::to_string);
    if !is_text(&mime) {
        return Err(FetchError::NotText(mime));
    }
    let bytes = body
        .with_config()
        .limit(MAX_BYTES)
        .read_to_vec()
        .map_err(fetch_error)?;
    Ok(Fetched {
        bytes,
        mime,
        charset,
    })
}

/// The kinds of page quire reads: text of any kind, XHTML, an EPUB; no type at all is given
/// the benefit of the doubt (the bytes are still checked for being text when loaded).
fn is_text(mime: &str) -> bool {
    mime.is_empty()
        || mime.starts_with("text/")
        || mime == "application/xhtml+xml"
        || mime == "application/epub+zip"
}

fn fetch_error(err: ureq::Error) -> FetchError {
    match err {
        ureq::Error::StatusCode(code) => FetchError::Status(code),
        ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge,
        ureq::Error::Timeout(_) => FetchError::Timeout,
        ureq::Error::HostNotFound => FetchError::HostNotFound,
        ureq::Error::ConnectionFailed => FetchError::ConnectionFailed,
        ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::ConnectionRefused => {
            FetchError::ConnectionFailed
        }
        // The system resolver's failure reaches us as an I/O error in its own words.
        ureq::Error::Io(e) if e.to_string().contains("lookup address") => FetchError::HostNotFound,
        other => FetchError::Other(other.to_string()),
    }
}

/// A page read for the reader, and what to say about where it came from.
#[derive(Debug)]
pub struct Page {
    pub doc: Document,
    /// Set when the kept copy was read instead of the network's.
    pub notice: Option<String>,
}

/// Read the page at `url`: fetched and kept (in the store in `data_dir`, when there is one),
/// or, when fetching fails or `offline` is asked, the copy kept before. One line saying why
/// when neither can be had.
pub fn read_page(
    url: &str,
    data_dir: Option<&Path>,
    offline: bool,
    options: LoadOptions,
) -> Result<Page, String> {
    let mut store = data_dir
        .and_then(|dir| Store::open(dir).ok())
        .map(|o| o.store);
    let kept = || store.as_ref().and_then(|s| s.kept(url).ok().flatten());
    if offline {
        let Some(copy) = kept() else {
            return Err("no copy of it is kept (read it once online first)".into());
        };
        let said = format!(
            "offline copy, kept {}",
            ago(crate::store::now(), copy.fetched_at)
        );
        return load_copy(url, &copy, options, said);
    }
    match fetch(url) {
        Ok(fetched) => keep_and_load(url, fetched, store.as_mut(), options),
        Err(err) => match kept() {
            Some(copy) => {
                let said = format!(
                    "offline copy, kept {} ({err})",
                    ago(crate::store::now(), copy.fetched_at)
                );
                load_copy(url, &copy, options, said)
            }
            None => Err(err.to_string()),
        },
    }
}

/// Fetch the page at `url` again and keep it, for the refresh key: unlike [`read_page`], a
/// failure is said and nothing falls back to the kept copy (the reader still shows it).
pub fn refetch(url: &str, data_dir: Option<&Path>, options: LoadOptions) -> Result<Page, String> {
    let fetched = fetch(url).map_err(|err| err.to_string())?;
    let mut store = data_dir
        .and_then(|dir| Store::open(dir).ok())
        .map(|o| o.store);
    keep_and_load(url, fetched, store.as_mut(), options)
}

/// A page as fetched: kept in `store` (a failure to keep it said, not fatal), then read.
fn keep_and_load(
    url: &str,
    fetched: Fetched,
    store: Option<&mut Store>,
    options: LoadOptions,
) -> Result<Page, String> {
    let mut notice = None;
    if let Some(store) = store
        && let Err(err) = store.keep(url, &fetched.bytes, &fetched.mime)
    {
        notice = Some(format!("no copy kept for offline reading: {err}"));
    }
    let doc = load(
        url,
        fetched.bytes,
        &fetched.mime,
        fetched.charset.as_deref(),
        options,
    )?;
    Ok(Page { doc, notice })
}

fn load_copy(
    url: &str,
    copy: &KeptCopy,
    options: LoadOptions,
    said: String,
) -> Result<Page, String> {
    let bytes =
        std::fs::read(&copy.file).map_err(|e| format!("the kept copy cannot be read: {e}"))?;
    let doc = load(url, bytes, &copy.content_type, None, options)?;
    Ok(Page {
        doc,
        notice: Some(said),
    })
}

/// The page's bytes as a document: its format from its content type (else the address and the
/// bytes), its encoding from the charset (else detected), unless the reader gave either.
fn load(
    url: &str,
    bytes: Vec<u8>,
    mime: &str,
    charset: Option<&str>,
    mut options: LoadOptions,
) -> Result<Document, String> {
    if options.format.is_none() {
        options.format = match mime {
            "text/html" | "application/xhtml+xml" => Some(Format::Html),
            "text/markdown" | "text/x-markdown" => Some(Format::Markdown),
            "application/epub+zip" => Some(Format::Epub),
            "text/plain" => Some(
                Format::from_path(std::path::Path::new(url))
                    .filter(|&f| f == Format::Code)
                    .unwrap_or(Format::Text),
            ),
            _ => None,
        };
    }
    if options.encoding.is_none() {
        options.encoding = charset.and_then(encoding_for_label);
    }
    Document::load(bytes, &page_name(url), options).map_err(|e| e.to_string())
}

/// What a page is called until its text names it: the last part of its address, else its host.
fn page_name(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = rest.split(['?', '#']).next().unwrap_or(rest);
    path.trim_end_matches('/')
        .rsplit('/')
        .next()
        .filter(|s| !s.is_empty())
        .unwrap_or(path)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_told_from_file_names() {
        assert!(is_url("http://example.org/a"));
        assert!(is_url("HTTPS://example.org"));
        assert!(!is_url("http.txt"));
        assert!(!is_url("ftp://example.org"));
    }

    #[test]
    fn a_page_is_named_by_the_end_of_its_address() {
        assert_eq!(
            page_name("https://example.org/news/story.html?x=1"),
            "story.html"
        );
        assert_eq!(page_name("http://example.org/"), "example.org");
    }

    #[test]
    fn only_text_is_read() {
        assert!(is_text("text/html") && is_text("") && is_text("application/xhtml+xml"));
        assert!(!is_text("image/png") && !is_text("application/octet-stream"));
    }
}
