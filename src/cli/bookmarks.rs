//! `quire bookmarks`: list bookmarks (of one document or all), export them as Markdown or
//! JSON, and import a JSON export. Text from the store is sanitized before it is written, since
//! stdout may be a terminal. JSON escapes control characters itself and keeps notes exact.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use serde::{Deserialize, Serialize};

use crate::anchoring::{Bookmark, Span, TextQuote, content_hash};

use crate::document::sanitize::{sanitize, visible_line};
use crate::document::totals::Totals;
use crate::document::{Anchor, Document, LoadError};
use crate::store::{DocumentRecord, Store, StoreError, path_key};
use crate::text::excerpt;

#[derive(Args, Debug, Clone)]
pub struct BookmarksArgs {
    /// Only this document's bookmarks (found by content, or by path if it changed).
    pub file: Option<PathBuf>,
    /// Write the bookmarks to stdout as Markdown or JSON.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub export: Option<ExportFormat>,
    /// Restore bookmarks from a JSON export (ones already there are kept as they are).
    #[arg(long, value_name = "FILE.json", conflicts_with_all = ["export", "file"])]
    pub import: Option<PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Markdown,
    Json,
}

/// Run `quire bookmarks` with the store in `dir`. Notices about the store go to `notices`.
pub fn run(
    args: &BookmarksArgs,
    dir: Option<&Path>,
    out: &mut dyn Write,
    notices: &mut dyn Write,
) -> Result<(), CliError> {
    let Some(dir) = dir else {
        return Err(CliError::NoDataDir);
    };
    let opened = Store::open(dir).map_err(CliError::Unavailable)?;
    if let Some(notice) = &opened.notice {
        writeln!(notices, "quire: {}", display_line(notice))?;
    }
    let mut store = opened.store;
    if let Some(import) = &args.import {
        let shown = visible_line(&import.display().to_string());
        let json = std::fs::read_to_string(import).map_err(|source| CliError::ReadImport {
            path: shown.clone(),
            source: LoadError::Io(source),
        })?;
        let imported = import_json(&mut store, &json).map_err(|err| match err {
            CliError::BadExport(why) => CliError::BadExport(format!("'{shown}': {why}")),
            other => other,
        })?;
        writeln!(out, "{imported}")?;
        return Ok(());
    }
    let doc = match &args.file {
        Some(path) => {
            let doc = Document::open(path).map_err(|source| CliError::Read {
                path: visible_line(&path.display().to_string()),
                source,
            })?;
            Some((doc, Some(path_key(path))))
        }
        None => None,
    };
    let selected = doc.as_ref().map(|(d, p)| (d, p.clone()));
    match args.export {
        None => list(&store, selected, out),
        Some(ExportFormat::Markdown) => export_markdown(&store, selected, out),
        Some(ExportFormat::Json) => export_json(&store, selected, out),
    }
}

/// The `format` field of a JSON export, so an import can tell it is one.
pub const EXPORT_FORMAT: &str = "quire-bookmarks";
pub const EXPORT_VERSION: u32 = 1;

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("no data directory is known; give --data-dir or set QUIRE_DATA_DIR")]
    NoDataDir,
    #[error("bookmarks are unavailable: {0}")]
    Unavailable(#[source] StoreError),
    #[error("cannot read '{path}': {source}")]
    ReadImport {
        path: String,
        #[source]
        source: LoadError,
    },
    #[error("cannot open '{path}': {source}")]
    Read {
        path: String,
        #[source]
        source: LoadError,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Io(#[from] io::Error),
    #[error("not a quire bookmarks export: {0}")]
    BadExport(String),
}

/// One line of text safe for a terminal: sanitized, line breaks as spaces.
pub fn display_line(text: &str) -> String {
    sanitize(text).replace('\n', " ")
}

/// The documents to list: the one `doc` is (by content, else by path), or all.
fn select(
    store: &Store,
    doc: Option<(&Document, Option<String>)>,
) -> Result<Vec<DocumentRecord>, StoreError> {
    let all = store.documents()?;
    let Some((doc, path)) = doc else {
        return Ok(all);
    };
    let hash = content_hash(doc);
    let found = all
        .iter()
        .find(|r| r.hash == hash)
        .or_else(|| all.iter().find(|r| path.is_some() && r.last_path == path));
    Ok(found.cloned().into_iter().collect())
}

/// `quire bookmarks [FILE]`.
pub fn list(
    store: &Store,
    doc: Option<(&Document, Option<String>)>,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let records = select(store, doc)?;
    let mut any = false;
    for record in records {
        let bookmarks = store.bookmarks(record.id)?;
        if bookmarks.is_empty() {
            continue;
        }
        any = true;
        let place = record
            .last_path
            .as_deref()
            .map(|p| format!(" ({})", display_line(p)))
            .unwrap_or_default();
        writeln!(out, "{}{place}", display_line(&record.title))?;
        for b in &bookmarks {
            let excerpt = excerpt::opening(&display_line(&b.quote.exact), 60);
            // A section named by the passage's own lead words would only repeat the excerpt.
            let redundant =
                b.section.is_empty() || b.quote.exact.starts_with(b.section.trim_end_matches('…'));
            let section = if redundant {
                String::new()
            } else {
                format!("[{}] ", display_line(&b.section))
            };
            let orphan = if b.orphaned { "(orphaned) " } else { "" };
            writeln!(out, "  {orphan}{section}{excerpt}")?;
            if !b.note.is_empty() {
                writeln!(out, "      note: {}", display_line(&b.note))?;
            }
        }
    }
    if !any {
        writeln!(out, "no bookmarks")?;
    }
    Ok(())
}

/// `--export markdown`: per document its title, then each passage as a quote with its note
/// and section.
pub fn export_markdown(
    store: &Store,
    doc: Option<(&Document, Option<String>)>,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let given = doc.as_ref().map(|(d, _)| *d);
    for record in select(store, doc)? {
        let bookmarks = store.bookmarks(record.id)?;
        if bookmarks.is_empty() {
            continue;
        }
        writeln!(out, "# {}\n", display_line(&record.title))?;
        // Paragraph numbers as the reader shows them, when the text is at hand.
        let text = text_of(&record, given);
        let numbers = text.as_ref().map(|doc| (doc, Totals::of(doc)));
        for b in &bookmarks {
            let mut heading = Vec::new();
            if !b.section.is_empty() {
                heading.push(display_line(&b.section));
            }
            if b.orphaned {
                heading.push("orphaned: no longer in the text".to_string());
            } else if let Some((doc, totals)) = &numbers {
                let (k, _) = totals.paragraph_position(b.span.start.block);
                if doc.blocks.get(b.span.start.block).is_some() {
                    heading.push(format!("¶ {k}"));
                }
            }
            if !heading.is_empty() {
                writeln!(out, "## {}\n", heading.join(" · "))?;
            }
            for line in sanitize(&b.quote.exact).lines() {
                writeln!(out, "> {line}")?;
            }
            writeln!(out)?;
            if !b.note.is_empty() {
                writeln!(out, "**Note:** {}\n", display_line(&b.note))?;
            }
        }
    }
    Ok(())
}

/// The document a record is of: the one given, or the file it was last read from when that
/// still holds the same text.
fn text_of(record: &DocumentRecord, given: Option<&Document>) -> Option<Document> {
    if let Some(doc) = given {
        return Some(doc.clone());
    }
    let path = record.last_path.as_deref()?;
    let doc = Document::open(Path::new(path)).ok()?;
    (content_hash(&doc) == record.hash).then_some(doc)
}

#[derive(Debug, Serialize, Deserialize)]
struct Export {
    format: String,
    version: u32,
    documents: Vec<ExportDocument>,
}

#[derive(Debug, Serialize, Deserialize)]
struct ExportDocument {
    hash: String,
    title: String,
    path: Option<String>,
    bookmarks: Vec<ExportBookmark>,
}

#[derive(Debug, Serialize, Deserialize)]
struct ExportBookmark {
    uid: String,
    start: [usize; 2],
    end: [usize; 2],
    exact: String,
    prefix: String,
    suffix: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    section: String,
    #[serde(default)]
    created: i64,
    #[serde(default)]
    orphaned: bool,
}

impl From<&Bookmark> for ExportBookmark {
    fn from(b: &Bookmark) -> Self {
        ExportBookmark {
            uid: b.uid.clone(),
            start: [b.span.start.block, b.span.start.byte],
            end: [b.span.end.block, b.span.end.byte],
            exact: b.quote.exact.clone(),
            prefix: b.quote.prefix.clone(),
            suffix: b.quote.suffix.clone(),
            note: b.note.clone(),
            section: b.section.clone(),
            created: b.created,
            orphaned: b.orphaned,
        }
    }
}

impl From<ExportBookmark> for Bookmark {
    fn from(b: ExportBookmark) -> Self {
        Bookmark {
            uid: b.uid,
            span: Span {
                start: Anchor::new(b.start[0], b.start[1]),
                end: Anchor::new(b.end[0], b.end[1]),
            },
            quote: TextQuote {
                exact: b.exact,
                prefix: b.prefix,
                suffix: b.suffix,
            },
            note: b.note,
            section: b.section,
            created: b.created,
            orphaned: b.orphaned,
        }
    }
}

/// `--export json`.
pub fn export_json(
    store: &Store,
    doc: Option<(&Document, Option<String>)>,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let mut documents = Vec::new();
    for record in select(store, doc)? {
        let bookmarks = store.bookmarks(record.id)?;
        documents.push(ExportDocument {
            hash: record.hash,
            title: record.title,
            path: record.last_path,
            bookmarks: bookmarks.iter().map(ExportBookmark::from).collect(),
        });
    }
    let export = Export {
        format: EXPORT_FORMAT.to_string(),
        version: EXPORT_VERSION,
        documents,
    };
    super::json::write_pretty(&export, out)?;
    Ok(())
}

/// `--import FILE.json`: add the bookmarks that are not there yet. Returns how many documents
/// the export held, how many of them gained bookmarks, and how many bookmarks were added.
pub fn import_json(store: &mut Store, json: &str) -> Result<Imported, CliError> {
    let export: Export =
        serde_json::from_str(json).map_err(|e| CliError::BadExport(e.to_string()))?;
    if export.format != EXPORT_FORMAT {
        return Err(CliError::BadExport(format!(
            "format is {:?}",
            export.format
        )));
    }
    if export.version > EXPORT_VERSION {
        return Err(CliError::BadExport(format!(
            "version {} is newer than this quire reads",
            export.version
        )));
    }
    let mut imported = Imported {
        documents: export.documents.len(),
        ..Imported::default()
    };
    for document in export.documents {
        let id =
            store.ensure_document(&document.hash, &document.title, document.path.as_deref())?;
        let bookmarks: Vec<Bookmark> = document.bookmarks.into_iter().map(Bookmark::from).collect();
        let added = store.import_bookmarks(id, &bookmarks)?;
        imported.bookmarks += added;
        imported.gaining += usize::from(added > 0);
    }
    Ok(imported)
}

/// What an import did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Imported {
    /// Documents in the export.
    pub documents: usize,
    /// Documents that gained at least one bookmark.
    pub gaining: usize,
    /// Bookmarks added.
    pub bookmarks: usize,
}

impl std::fmt::Display for Imported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        write!(
            f,
            "imported {} for {}",
            plural(self.bookmarks, "bookmark", "bookmarks"),
            plural(self.gaining, "document", "documents")
        )?;
        let unchanged = self.documents - self.gaining;
        if unchanged > 0 {
            let had = plural(unchanged, "document", "documents");
            write!(f, "; {had} had them all already")?;
        }
        Ok(())
    }
}
