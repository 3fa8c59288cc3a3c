//! The library screen's state: the documents read (or a folder's documents), each with what is
//! known of it, in an order the reader picks, narrowed by a fuzzy filter on title, author and
//! path, a cursor, and a pending "forget?" question. Plain data and pure operations: the
//! entries come from the runtime ([`super::Msg::Library`]) with the time they were read at, so
//! "2 days ago" is said without a clock here.

use std::path::PathBuf;

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

/// Where a document of the library is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A file that is there.
    File(PathBuf),
    /// A file that was read from there and is gone (moved or deleted).
    Missing(PathBuf),
    /// A page read from the web (a copy is kept when it was fetched).
    Web(String),
    /// Read from standard input, with the copy kept of it in the data directory (none when
    /// it could not be kept, or was read by a quire that kept none).
    Stdin(Option<PathBuf>),
    /// The article that comes with quire.
    Bundled,
}

impl Location {
    /// Where it is, as a list says it.
    pub fn describe(&self) -> String {
        match self {
            Location::File(path) => path.display().to_string(),
            Location::Missing(path) => format!("missing: {}", path.display()),
            Location::Web(url) => url.clone(),
            Location::Stdin(Some(_)) => "standard input (kept copy)".into(),
            Location::Stdin(None) => "standard input (no copy kept)".into(),
            Location::Bundled => "bundled with quire".into(),
        }
    }

    /// The file to open, when there is one to open.
    pub fn openable(&self) -> Option<&PathBuf> {
        match self {
            Location::File(path) => Some(path),
            _ => None,
        }
    }
}

/// One document in the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Its record in the store; `None` for a folder's document never read.
    pub id: Option<i64>,
    pub title: String,
    pub author: String,
    /// `text`, `markdown`, `html`, `epub`.
    pub format: String,
    pub location: Location,
    /// How far through the reader got, in percent, when known.
    pub progress: Option<u8>,
    /// When it was last read (seconds since the Unix epoch); `None` if never.
    pub read_at: Option<i64>,
    pub bookmarks: usize,
}

/// The orders the list can be in; `s` goes to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// Most recently read first (documents never read last, by title).
    #[default]
    Recent,
    Title,
    /// Furthest read first.
    Progress,
}

impl Order {
    pub fn next(self) -> Order {
        match self {
            Order::Recent => Order::Title,
            Order::Title => Order::Progress,
            Order::Progress => Order::Recent,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Order::Recent => "most recent first",
            Order::Title => "by title",
            Order::Progress => "furthest read first",
        }
    }
}

/// The library screen.
#[derive(Debug, Clone, Default)]
pub struct Library {
    /// What the screen is titled: "Library", or the folder listed.
    pub heading: String,
    pub entries: Vec<Entry>,
    /// When the entries were read from the store (for "2 days ago").
    pub now: i64,
    pub order: Order,
    /// The filter typed so far; `None` when not filtering.
    pub filter: Option<String>,
    /// Indices into `entries` of the rows shown, in the order shown.
    pub shown: Vec<usize>,
    /// The row under the cursor (an index into `shown`).
    pub cursor: usize,
    /// The first row drawn, kept so the cursor stays on screen.
    pub scroll: usize,
    /// The entry asked about with "forget it?" (an index into `entries`).
    pub confirm_forget: Option<usize>,
    /// True until the entries arrive.
    pub loading: bool,
    /// Why the entries could not be read, when they could not.
    pub trouble: Option<String>,
}

impl Library {
    pub fn new(heading: String, entries: Vec<Entry>, now: i64) -> Library {
        let mut library = Library {
            heading,
            entries,
            now,
            ..Library::default()
        };
        library.refresh();
        library
    }

    /// A library screen waiting for its entries.
    pub fn waiting() -> Library {
        Library {
            heading: "Library".into(),
            loading: true,
            ..Library::default()
        }
    }

    /// The entry under the cursor.
    pub fn selected(&self) -> Option<&Entry> {
        self.shown.get(self.cursor).map(|&i| &self.entries[i])
    }

    /// Index into `entries` of the entry under the cursor.
    pub fn selected_index(&self) -> Option<usize> {
        self.shown.get(self.cursor).copied()
    }

    /// Move the cursor by `delta` rows, staying on the list.
    pub fn move_cursor(&mut self, delta: isize) {
        let last = self.shown.len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(delta).min(last);
    }

    pub fn next_order(&mut self) {
        self.order = self.order.next();
        self.refresh();
    }

    /// Set the filter (or stop filtering, with `None`) and narrow the list to it.
    pub fn set_filter(&mut self, filter: Option<String>) {
        self.filter = filter;
        self.cursor = 0;
        self.refresh();
    }

    /// Take an entry out of the list (after the store forgot it).
    pub fn remove(&mut self, index: usize) {
        if index < self.entries.len() {
            self.entries.remove(index);
        }
        self.confirm_forget = None;
        self.refresh();
    }

    /// Sort by the order, then keep (and rank) what matches the filter. The cursor stays on
    /// the list.
    pub fn refresh(&mut self) {
        let mut order: Vec<usize> = (0..self.entries.len()).collect();
        let entries = &self.entries;
        match self.order {
            // Stable: documents read in the same second keep the order they came in (the
            // store's, newest record first); those never read go last, by title.
            Order::Recent => order.sort_by(|&a, &b| {
                let (a, b) = (&entries[a], &entries[b]);
                match (a.read_at, b.read_at) {
                    (None, None) => by_title(a, b),
                    (a, b) => b.cmp(&a),
                }
            }),
            Order::Title => order.sort_by(|&a, &b| by_title(&entries[a], &entries[b])),
            Order::Progress => order.sort_by(|&a, &b| {
                let (a, b) = (&entries[a], &entries[b]);
                b.progress.cmp(&a.progress).then_with(|| by_title(a, b))
            }),
        }
        self.shown = match self.filter.as_deref().filter(|f| !f.trim().is_empty()) {
            Some(filter) => fuzzy_rank(entries, order, filter),
            None => order,
        };
        self.cursor = self.cursor.min(self.shown.len().saturating_sub(1));
    }
}

fn by_title(a: &Entry, b: &Entry) -> std::cmp::Ordering {
    a.title.to_lowercase().cmp(&b.title.to_lowercase())
}

/// The entries (taken in `order`) that match `filter`, best match first; equal scores keep
/// `order`. Matched against the title, the author and where the document lives.
fn fuzzy_rank(entries: &[Entry], order: Vec<usize>, filter: &str) -> Vec<usize> {
    let mut matcher = Matcher::new(Config::DEFAULT.match_paths());
    let pattern = Pattern::parse(filter, CaseMatching::Smart, Normalization::Smart);
    let mut buffer = Vec::new();
    let mut scored: Vec<(u32, usize)> = order
        .into_iter()
        .filter_map(|i| {
            let entry = &entries[i];
            let haystack = format!(
                "{} {} {}",
                entry.title,
                entry.author,
                entry.location.describe()
            );
            let score = pattern.score(Utf32Str::new(&haystack, &mut buffer), &mut matcher)?;
            Some((score, i))
        })
        .collect();
    // A stable sort: among equal scores, the chosen order holds.
    scored.sort_by_key(|&(score, _)| std::cmp::Reverse(score));
    scored.into_iter().map(|(_, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(title: &str, path: &str, read_at: Option<i64>, progress: Option<u8>) -> Entry {
        Entry {
            id: None,
            title: title.into(),
            author: String::new(),
            format: "text".into(),
            location: Location::File(path.into()),
            progress,
            read_at,
            bookmarks: 0,
        }
    }

    fn titles(library: &Library) -> Vec<&str> {
        library
            .shown
            .iter()
            .map(|&i| library.entries[i].title.as_str())
            .collect()
    }

    fn sample() -> Library {
        Library::new(
            "Library".into(),
            vec![
                entry("Moby-Dick", "/books/moby.txt", Some(100), Some(10)),
                entry("War and Peace", "/books/war.epub", Some(300), Some(4)),
                entry("Anna Karenina", "/books/anna.txt", Some(200), Some(90)),
                entry("Unread notes", "/notes/todo.md", None, None),
            ],
            1000,
        )
    }

    #[test]
    fn the_most_recent_comes_first_and_other_orders_follow_a_key() {
        let mut library = sample();
        assert_eq!(
            titles(&library),
            [
                "War and Peace",
                "Anna Karenina",
                "Moby-Dick",
                "Unread notes"
            ]
        );
        library.next_order();
        assert_eq!(library.order, Order::Title);
        assert_eq!(titles(&library)[0], "Anna Karenina");
        library.next_order();
        assert_eq!(
            titles(&library),
            [
                "Anna Karenina",
                "Moby-Dick",
                "War and Peace",
                "Unread notes"
            ]
        );
        library.next_order();
        assert_eq!(library.order, Order::Recent);
    }

    #[test]
    fn a_fuzzy_filter_matches_titles_and_paths_best_first() {
        let mut library = sample();
        library.set_filter(Some("wrpc".into()));
        assert_eq!(titles(&library), ["War and Peace"]);
        // The path counts too: both books under /books match, the notes do not.
        library.set_filter(Some("books".into()));
        assert_eq!(titles(&library).len(), 3);
        assert!(!titles(&library).contains(&"Unread notes"));
        library.set_filter(Some("zzzz".into()));
        assert!(titles(&library).is_empty());
        assert_eq!(library.selected(), None);
        library.set_filter(None);
        assert_eq!(titles(&library).len(), 4);
    }

    #[test]
    fn the_cursor_stays_on_the_list_as_it_shrinks() {
        let mut library = sample();
        library.move_cursor(10);
        assert_eq!(library.cursor, 3);
        library.remove(library.selected_index().unwrap());
        assert_eq!(library.cursor, 2);
        assert_eq!(library.entries.len(), 3);
        library.move_cursor(-10);
        assert_eq!(library.selected().unwrap().title, "War and Peace");
    }

    #[test]
    fn locations_say_where_a_document_is() {
        assert_eq!(
            Location::Missing("/a.txt".into()).describe(),
            "missing: /a.txt"
        );
        assert!(Location::Missing("/a.txt".into()).openable().is_none());
        assert!(Location::File("/a.txt".into()).openable().is_some());
    }
}
