//! How another document of the session is read, as the first was (the same encoding,
//! format and data directory): a file, a web page (fetched, or its kept copy), the kept copy
//! of a text from standard input; and the same again for the refresh key, with the reader's
//! place found in the new text. Each is work off the loop that ends in a message.

use std::path::{Path, PathBuf};

use crate::anchoring::Position;
use crate::document::{Document, LoadOptions};
use crate::reader::{Msg, Opened, Source};

use super::work::Work;
use super::{fetch, session, stdin};

/// How another document of the session is read: as the first was.
#[derive(Debug, Clone, Default)]
pub(super) struct Opener {
    pub(super) load: LoadOptions,
    pub(super) data_dir: Option<PathBuf>,
}

impl Opener {
    /// The work of reading `source` whole, with what the store has for it.
    pub(super) fn open(&self, source: Source) -> Work {
        let Opener { load, data_dir } = self.clone();
        let shown = crate::document::sanitize::visible_line(&source.short_name());
        let died = format!("cannot open '{shown}': reading it failed (an internal error)");
        Work::new(
            move || {
                let opened = match source {
                    Source::Web(url) => open_page(&url, data_dir.as_deref(), load),
                    Source::File(path) => open_file(&path, data_dir.as_deref(), load),
                    Source::Stdin(Some(copy)) => stdin::reopen(&copy, data_dir.as_deref(), load),
                    Source::Stdin(None) => {
                        Err(format!("cannot open '{shown}': no copy of it is kept"))
                    }
                };
                Msg::Opened(Box::new(opened))
            },
            Msg::Opened(Box::new(Err(died))),
        )
    }
}

impl Opener {
    /// The work of reading `source` again for the refresh key: a page fetched anew (never its
    /// kept copy: the reader shows that already) and kept, a file read again; with `place`
    /// found in the new text.
    pub(super) fn refresh(&self, source: Source, place: Position, generation: u64) -> Work {
        let Opener { load, data_dir } = self.clone();
        let died = || Msg::Refreshed {
            generation,
            result: Box::new(Err("reading it failed (an internal error)".into())),
        };
        Work::new(
            move || {
                let read = match &source {
                    Source::Web(url) => fetch::refetch(url, data_dir.as_deref(), load)
                        .map(|page| (page.doc, page.notice)),
                    Source::File(path) => Document::open_with(path, load)
                        .map(|doc| (doc, None))
                        .map_err(|err| err.to_string()),
                    Source::Stdin(_) => Err("standard input cannot be read again".into()),
                };
                let result = read.map(|(doc, notice)| {
                    let path = match &source {
                        Source::Web(url) => Some(PathBuf::from(url)),
                        Source::File(path) => Some(path.clone()),
                        Source::Stdin(_) => None,
                    };
                    let mut loaded = session::load(data_dir.as_deref(), &doc, path.as_deref());
                    loaded.saved.notices.extend(notice);
                    loaded.saved.position = Some(session::place(&doc, &place));
                    Opened {
                        doc,
                        saved: loaded.saved,
                        resume: true,
                    }
                });
                Msg::Refreshed {
                    generation,
                    result: Box::new(result),
                }
            },
            died(),
        )
    }
}

impl Opener {
    /// The work of reading the end of `source` as a preview (only a file has one to read).
    pub(super) fn read_end(&self, source: Source, generation: u64) -> Work {
        let load = self.load;
        Work::new(
            move || {
                let doc = match &source {
                    Source::File(path) => super::around::end(path, load).map(Box::new),
                    Source::Web(_) | Source::Stdin(_) => None,
                };
                Msg::EndRead { generation, doc }
            },
            Msg::EndRead {
                generation,
                doc: None,
            },
        )
    }
}

/// A file for the session, with what the store has for it.
fn open_file(path: &Path, data_dir: Option<&Path>, load: LoadOptions) -> Result<Opened, String> {
    let doc = Document::open_with(path, load).map_err(|err| {
        let shown = crate::document::sanitize::visible_line(&path.display().to_string());
        format!("cannot open '{shown}': {err}")
    })?;
    let loaded = session::load(data_dir, &doc, Some(path));
    Ok(Opened {
        doc,
        saved: loaded.saved,
        resume: true,
    })
}

/// A page from the web for the session: fetched (or its kept copy), with what the store has.
fn open_page(url: &str, data_dir: Option<&Path>, load: LoadOptions) -> Result<Opened, String> {
    let shown = crate::document::sanitize::visible_line(url);
    let page = fetch::read_page(url, data_dir, false, load)
        .map_err(|why| format!("cannot open '{shown}': {why}"))?;
    let mut loaded = session::load(data_dir, &page.doc, Some(Path::new(url)));
    loaded.saved.notices.extend(page.notice);
    Ok(Opened {
        doc: page.doc,
        saved: loaded.saved,
        resume: true,
    })
}
