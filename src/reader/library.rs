//! The library screen's state: the documents read (or a folder's documents), each with what is
//! known of it, in an order the reader picks, narrowed by a fuzzy filter on title, author and
//! path, a cursor, and a pending "forget?" question. A folder is listed at once by file names;
//! its titles arrive a few files at a time ([`TitleRead`]), and the scan's progress is kept
//! here. Plain data and pure operations: the entries come from the runtime
//! ([`super::Msg::LibraryRead`]) with the time they were read at, so "2 days ago" is said
//! without a clock here.

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
    /// A folder's document whose title is still to be read: listed by its file name until
    /// then.
    pub pending: bool,
}

/// How many of a folder's files are read for their titles at a time: few enough that the
/// list fills in steadily, enough that a big folder is not read one thread per file.
pub const TITLES_AT_A_TIME: usize = 16;

/// What reading one of a folder's files for its title found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleRead {
    pub path: PathBuf,
    /// Its title, author and format; `None` when it is no document after all (binary, empty,
    /// unreadable), and is taken off the list.
    pub found: Option<Titled>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Titled {
    pub title: String,
    pub author: String,
    pub format: String,
}

/// Put the titles read into `entries` (matched by path), taking off those that are no
/// documents.
pub fn apply_titles(entries: &mut Vec<Entry>, titles: &[TitleRead]) {
    let found: std::collections::HashMap<&PathBuf, &Option<Titled>> =
        titles.iter().map(|t| (&t.path, &t.found)).collect();
    entries.retain_mut(|entry| {
        let Some(found) = entry.location.openable().and_then(|p| found.get(p)) else {
            return true;
        };
        let Some(titled) = found else {
            return false;
        };
        entry.title = titled.title.clone();
        entry.author = titled.author.clone();
        entry.format = titled.format.clone();
        entry.pending = false;
        true
    });
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
    /// A folder's documents, not the library's.
    pub folder: bool,
    /// While a folder's titles are being read: the files asked for last, whose answer keeps
    /// the reading going (an answer asked for by an earlier opening of the screen is taken in,
    /// and goes no further).
    pub asked_titles: Option<Vec<PathBuf>>,
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

    /// Start reading the titles still to be read, if any: the files to read first.
    pub fn start_scan(&mut self) -> Option<Vec<PathBuf>> {
        self.ask_titles()
    }

    /// While titles are being read: how many documents have theirs, of how many.
    pub fn titles_progress(&self) -> Option<(usize, usize)> {
        self.asked_titles.as_ref()?;
        let pending = self.entries.iter().filter(|e| e.pending).count();
        Some((self.entries.len() - pending, self.entries.len()))
    }

    /// Titles read: put them in, the cursor staying on the document it was on; the next files
    /// to read, when this was the answer asked for and some are left.
    pub fn learn_titles(&mut self, titles: &[TitleRead]) -> Option<Vec<PathBuf>> {
        let selected = self.selected().map(|e| e.location.clone());
        apply_titles(&mut self.entries, titles);
        self.refresh();
        if let Some(at) = selected.and_then(|l| {
            self.shown
                .iter()
                .position(|&i| self.entries[i].location == l)
        }) {
            self.cursor = at;
        }
        let asked = self.asked_titles.as_ref()?;
        if !titles.iter().map(|t| &t.path).eq(asked.iter()) {
            return None;
        }
        self.ask_titles()
    }

    /// The next files to read for their titles, those shown first; the scan ends when none
    /// is left.
    fn ask_titles(&mut self) -> Option<Vec<PathBuf>> {
        let mut is_shown = vec![false; self.entries.len()];
        for &i in &self.shown {
            is_shown[i] = true;
        }
        let shown = self.shown.iter().copied();
        let hidden = (0..self.entries.len()).filter(|&i| !is_shown[i]);
        let next: Vec<PathBuf> = shown
            .chain(hidden)
            .filter_map(|i| {
                let entry = &self.entries[i];
                entry.location.openable().filter(|_| entry.pending).cloned()
            })
            .take(TITLES_AT_A_TIME)
            .collect();
        if next.is_empty() {
            self.asked_titles = None;
            return None;
        }
        self.asked_titles = Some(next.clone());
        Some(next)
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
    natural_order(&a.title.to_lowercase(), &b.title.to_lowercase())
}

/// Text compared as a reader sorts it: runs of digits by their value, so "Volume 2" comes
/// before "Volume 10"; everything else character by character.
fn natural_order(a: &str, b: &str) -> std::cmp::Ordering {
    let (mut a, mut b) = (a.chars().peekable(), b.chars().peekable());
    loop {
        match (a.peek().copied(), b.peek().copied()) {
            (None, None) => return std::cmp::Ordering::Equal,
            (None, Some(_)) => return std::cmp::Ordering::Less,
            (Some(_), None) => return std::cmp::Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let digits = |it: &mut std::iter::Peekable<std::str::Chars<'_>>| {
                    let mut run = String::new();
                    while let Some(c) = it.next_if(char::is_ascii_digit) {
                        run.push(c);
                    }
                    run
                };
                let (x, y) = (digits(&mut a), digits(&mut b));
                let (x, y) = (x.trim_start_matches('0'), y.trim_start_matches('0'));
                let by_value = x.len().cmp(&y.len()).then_with(|| x.cmp(y));
                if by_value != std::cmp::Ordering::Equal {
                    return by_value;
                }
            }
            (Some(x), Some(y)) => {
                if x != y {
                    return x.cmp(&y);
                }
                a.next();
                b.next();
            }
        }
    }
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

    #[test]
    fn titles_sort_with_their_numbers_by_value() {
        let mut titles = vec![
            "Volume 10",
            "volume 2",
            "Volume 1",
            "Atlas",
            "Volume 02b",
            "Zed",
        ];
        titles.sort_by(|a, b| natural_order(&a.to_lowercase(), &b.to_lowercase()));
        assert_eq!(
            titles,
            [
                "Atlas",
                "Volume 1",
                "volume 2",
                "Volume 02b",
                "Volume 10",
                "Zed"
            ]
        );
    }

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
            pending: false,
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

    fn folder(files: usize) -> Library {
        let entries = (0..files)
            .map(|n| Entry {
                pending: true,
                ..entry(
                    &format!("file{n:02}.txt"),
                    &format!("/f/file{n:02}.txt"),
                    None,
                    None,
                )
            })
            .collect();
        let mut library = Library::new("Folder /f".into(), entries, 1000);
        library.folder = true;
        library
    }

    fn titled(paths: &[PathBuf], title: impl Fn(usize) -> Option<String>) -> Vec<TitleRead> {
        paths
            .iter()
            .enumerate()
            .map(|(n, path)| TitleRead {
                path: path.clone(),
                found: title(n).map(|title| Titled {
                    title,
                    author: String::new(),
                    format: "text".into(),
                }),
            })
            .collect()
    }

    #[test]
    fn a_folder_s_titles_are_asked_for_a_few_at_a_time_those_shown_first() {
        let mut library = folder(40);
        library.set_filter(Some("file3".into()));
        let first = library.start_scan().unwrap();
        // The files the filter shows come first, the best match first.
        assert_eq!(first.len(), TITLES_AT_A_TIME);
        assert_eq!(first[0], PathBuf::from("/f/file30.txt"));
        assert_eq!(library.titles_progress(), Some((0, 40)));
        library.set_filter(None);

        let second = library
            .learn_titles(&titled(&first, |n| Some(format!("Title {n:02}"))))
            .unwrap();
        assert_eq!(library.titles_progress(), Some((16, 40)));
        assert!(second.iter().all(|p| !first.contains(p)));
        let third = library
            .learn_titles(&titled(&second, |n| Some(format!("Other {n:02}"))))
            .unwrap();
        assert_eq!(third.len(), 40 - 32);
        assert_eq!(library.learn_titles(&titled(&third, |_| None)), None);
        // Read through: no more progress, the files that were no documents taken off.
        assert_eq!(library.titles_progress(), None);
        assert_eq!(library.entries.len(), 32);
        assert!(library.entries.iter().all(|e| !e.pending));
    }

    #[test]
    fn titles_arriving_keep_the_cursor_on_its_document_and_a_stale_answer_goes_no_further() {
        let mut library = folder(20);
        let asked = library.start_scan().unwrap();
        library.move_cursor(3);
        let chosen = library.selected().unwrap().location.clone();
        // Titles that sort the documents otherwise: the cursor follows its document.
        let answer = titled(&asked, |n| Some(format!("{}", 100 - n)));
        let next = library.learn_titles(&answer).unwrap();
        assert_eq!(library.selected().unwrap().location, chosen);
        assert_eq!(library.selected().unwrap().title, "97");
        // The same answer again (asked for by an earlier opening): taken in, asks for nothing.
        assert_eq!(library.learn_titles(&answer), None);
        assert_eq!(library.asked_titles.as_ref(), Some(&next));
    }

    #[test]
    fn titles_read_fill_entries_by_path_and_drop_what_is_no_document() {
        let mut entries = folder(3).entries;
        let paths: Vec<PathBuf> = ["/f/file00.txt", "/f/file02.txt"]
            .iter()
            .map(PathBuf::from)
            .collect();
        apply_titles(
            &mut entries,
            &titled(&paths, |n| (n == 0).then(|| "The Harbour".into())),
        );
        let titles: Vec<(&str, bool)> = entries
            .iter()
            .map(|e| (e.title.as_str(), e.pending))
            .collect();
        assert_eq!(titles, [("The Harbour", false), ("file01.txt", true)]);
    }
}
