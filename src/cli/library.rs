//! `quire library` as plain output (stdout not a terminal): one line per document read, most
//! recent first — title, how far through, when last read, where it lives — or, with `--json`,
//! the records. Also the same list for a folder's documents (`quire DIR | cat`). Everything
//! written is made safe for a terminal.

use std::io::{self, Write};

use serde::Serialize;

use crate::app::folder::{Folder, folder_entries};
use crate::document::sanitize::visible_line;
use crate::reader::library::{Entry, Library, Location};
use crate::store::Store;
use crate::text::ago::ago;
use crate::text::{display_width, excerpt};

/// The widest a title is printed before it is cut (with …), so the columns after it line up.
const TITLE_COLUMNS: usize = 48;

/// One line per entry: title (padded so the columns line up), percent, last read, location.
pub fn write_plain(entries: &[Entry], now: i64, out: &mut dyn Write) -> io::Result<()> {
    let titles: Vec<String> = entries
        .iter()
        .map(|e| excerpt::opening(&visible_line(&e.title), TITLE_COLUMNS))
        .collect();
    let width = titles.iter().map(|t| display_width(t)).max().unwrap_or(0);
    for (entry, title) in entries.iter().zip(&titles) {
        let pad = " ".repeat(width - display_width(title));
        let percent = entry
            .progress
            .map_or_else(|| "  –".to_string(), |p| format!("{p:>3}%"));
        let read = entry
            .read_at
            .map_or_else(|| "never read".to_string(), |t| ago(now, t));
        writeln!(
            out,
            "{title}{pad}  {percent:>4}  {read:<14}  {}",
            visible_line(&entry.location.describe())
        )?;
    }
    Ok(())
}

/// A folder's documents, in the library screen's order (the most recently read first, those
/// never read by title), with what `store` knows of each.
pub fn write_folder(
    folder: Folder,
    store: Option<&mut Store>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let entries = folder_entries(&folder.entries, store);
    let now = crate::store::now();
    let listed = Library::new(folder.heading, entries, now);
    let ordered: Vec<Entry> = listed
        .shown
        .iter()
        .map(|&i| listed.entries[i].clone())
        .collect();
    write_plain(&ordered, now, out)
}

/// One document as `--json` gives it.
#[derive(Serialize)]
struct Record<'a> {
    title: &'a str,
    author: &'a str,
    format: &'a str,
    /// The file, when it was read from one (a page: its address).
    path: Option<String>,
    /// `file`, `missing`, `web`, `stdin` or `bundled`.
    location: &'static str,
    /// The copy kept of a text read from standard input.
    kept: Option<String>,
    progress: Option<u8>,
    /// Seconds since the Unix epoch.
    last_read: Option<i64>,
    bookmarks: usize,
}

/// The entries as a JSON array.
pub fn write_json(entries: &[Entry], out: &mut dyn Write) -> io::Result<()> {
    let records: Vec<Record<'_>> = entries
        .iter()
        .map(|e| {
            let (location, path) = match &e.location {
                Location::File(p) => ("file", Some(p.display().to_string())),
                Location::Missing(p) => ("missing", Some(p.display().to_string())),
                Location::Web(url) => ("web", Some(url.clone())),
                Location::Stdin(_) => ("stdin", None),
                Location::Bundled => ("bundled", None),
            };
            let kept = match &e.location {
                Location::Stdin(copy) => copy.as_ref().map(|c| c.display().to_string()),
                _ => None,
            };
            Record {
                title: &e.title,
                author: &e.author,
                format: &e.format,
                path,
                location,
                kept,
                progress: e.progress,
                last_read: e.read_at,
                bookmarks: e.bookmarks,
            }
        })
        .collect();
    super::json::write_pretty(&records, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(title: &str, location: Location, progress: Option<u8>, read_at: i64) -> Entry {
        Entry {
            id: Some(1),
            title: title.into(),
            author: String::new(),
            format: "text".into(),
            location,
            progress,
            read_at: Some(read_at),
            bookmarks: 2,
            pending: false,
        }
    }

    #[test]
    fn plain_lines_line_up_and_say_title_percent_time_and_place() {
        let now = 10 * 86_400;
        let entries = [
            entry(
                "Short",
                Location::File("/b/s.txt".into()),
                Some(38),
                now - 2 * 86_400,
            ),
            entry(
                "A longer title\u{1b}[31m",
                Location::Stdin(None),
                None,
                now - 30,
            ),
        ];
        let mut out = Vec::new();
        write_plain(&entries, now, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2);
        assert!(lines[0].starts_with("Short  "), "{text}");
        assert!(lines[0].contains(" 38%  2 days ago"), "{text}");
        assert!(lines[0].ends_with("/b/s.txt"), "{text}");
        assert!(lines[1].contains("just now"), "{text}");
        assert!(!text.contains('\u{1b}'), "no escape reaches the terminal");
        let column = |line: &str| line.find('%').or_else(|| line.find('–'));
        assert!(column(lines[0]).is_some() && column(lines[1]).is_some());
    }

    #[test]
    fn json_records_say_where_each_lives() {
        let entries = [
            entry("T", Location::Missing("/gone.txt".into()), Some(5), 7),
            entry("P", Location::Stdin(Some("/d/kept/ab".into())), None, 9),
        ];
        let mut out = Vec::new();
        write_json(&entries, &mut out).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(value[0]["location"], "missing");
        assert_eq!(value[0]["path"], "/gone.txt");
        assert_eq!(value[0]["progress"], 5);
        assert_eq!(value[0]["last_read"], 7);
        assert_eq!(value[0]["bookmarks"], 2);
        assert_eq!(value[0]["kept"], serde_json::Value::Null);
        assert_eq!(value[1]["location"], "stdin");
        assert_eq!(value[1]["kept"], "/d/kept/ab");
    }
}
