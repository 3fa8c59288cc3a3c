//! The Model: everything the reader's screen is drawn from — the document and its outline, the
//! page layout cache for the current size, the reader's place as an [`Anchor`], focus, overlays
//! and the input typed so far. Its fields are private to the reader: `update` is the only code
//! that changes them; the view and the runtime read them through the accessors here, and
//! through those of [`progress`] for where the reader stands (page, share read, time left).

use std::collections::VecDeque;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use super::setting_out::{code_room, hyphenates, hyphenation_of, layout_style};
use crate::anchoring::SeenPages;
use crate::document::totals::Totals;
use crate::document::{Anchor, BlockKind, Document};
use crate::input::{Key, Keymap, Mode};
use crate::layout::geometry::Geometry;
use crate::layout::{Pages, Style};
use crate::outline::Outline;

use super::config::Config;
use super::folds::Folds;
use super::history::JumpHistory;
use super::library::Library;
use super::marks::Marks;
use super::msg::{Input, Opened};
use super::outline_rows::FittedLabels;
use super::prompt::Prompt;
use super::search::SearchState;
use super::source::Source;

mod progress;

/// A pop-up over the text: each scrolls with the same keys and closes with Esc or q.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Popup {
    /// The keys, from the keymap.
    Help { scroll: usize },
    /// What the document is: file, format, encoding, size, words, pages, place.
    Facts,
    /// The messages said this session.
    Messages { scroll: usize },
    /// A book's note: the index of its reference among the book's links.
    Note { link: usize, scroll: usize },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Reader,
    Outline,
}

/// When the full outline is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutlineTiming {
    /// Before the model exists (tests, plain output).
    Now,
    /// Off the loop after the first paint; a provisional outline shows meanwhile.
    InBackground,
}

/// Where the full outline stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum OutlineState {
    /// The outline shown is the final one.
    Done,
    /// The outline shown is provisional; the full one is to be asked for after a paint.
    Wanted,
    /// The full outline is being built.
    Requested,
}

/// Everything a model is made with besides its document.
#[derive(Debug, Clone)]
pub struct Setup {
    pub config: Config,
    pub keymap: Keymap,
    /// The terminal's size (width, height).
    pub screen: (u16, u16),
    pub outline: OutlineTiming,
    /// Start of the uids of bookmarks made in this session: unique across processes.
    pub uid_prefix: String,
    /// The files given to read, in order, when there are several (`:n`, `:p` move between
    /// them), and which of them this is.
    pub files: Files,
}

/// The files of a session and the reader's place in each it has left.
#[derive(Debug, Clone, Default)]
pub struct Files {
    pub sources: Vec<Source>,
    pub current: usize,
    /// Where the reader was in each file left this session.
    pub places: std::collections::HashMap<Source, Anchor>,
    /// The file being opened, while it is read.
    pub opening: Option<usize>,
}

impl Default for Setup {
    /// The default settings and keys, an 80×24 screen, the outline built at once.
    fn default() -> Setup {
        Setup {
            config: Config::default(),
            keymap: Keymap::default_keymap(),
            screen: (80, 24),
            outline: OutlineTiming::Now,
            uid_prefix: "session".into(),
            files: Files::default(),
        }
    }
}

/// Keys typed but not acted on yet.
#[derive(Debug, Clone, Default)]
pub(super) struct Pending {
    /// Keys typed so far of a multi-key binding.
    pub(super) keys: Vec<Key>,
    /// Digits typed before a key (`12G`).
    pub(super) count: Option<usize>,
    /// Input that came while a preview was shown and must act on the whole document.
    pub(super) deferred: VecDeque<Input>,
    /// The end of the file was asked for ([`crate::reader::Effect::ReadEnd`]) and has not
    /// come back yet.
    pub(super) end_asked: bool,
}

#[derive(Debug)]
pub struct Model {
    /// Shared, not copied, with the thread that builds the full outline: a big book is held
    /// once.
    pub(super) doc: Arc<Document>,
    /// Counts over `doc`, for the status line.
    pub(super) totals: Totals,
    /// Which document this is in the session: background results for another are dropped.
    pub(super) generation: u64,
    pub(super) outline: Outline,
    pub(super) outline_state: OutlineState,
    /// True while the document is a preview of the file's opening and the whole is still
    /// being read: totals (pages, paragraphs, time left) are not known yet.
    pub(super) loading: bool,
    /// While the preview is of the text around a saved place rather than of the opening:
    /// where it opened. Page and paragraph numbers are not known, paging back from its first
    /// page waits for the whole, and the whole takes the reader's place from it by the line
    /// of the paragraph the reader is in.
    pub(super) preview_inside: Option<Anchor>,
    /// The preview inside the text is of its end (asked for by `G`): the whole takes the
    /// reader's place from it even if the reader did not move.
    pub(super) preview_at_end: bool,
    /// The page number and count last seen at the saved place this preview opened at, for the
    /// same file: shown there while the whole is read, if the layout is the same now.
    pub(super) seen_pages: Option<SeenPages>,
    pub(super) keymap: Keymap,
    pub(super) config: Config,
    /// The language the document's words are broken at their syllables in, when justified
    /// text is hyphenated; told from its opening paragraphs the first time it is needed (most
    /// readers never justify, and a first frame need not wait for a language detector).
    pub(super) hyphenation: std::cell::OnceCell<Option<hypher::Lang>>,
    /// The layout for the current page area: a cache, rebuilt on resize or fold change.
    pub(super) pages: Pages,
    /// The cancel flag of the whole layout being made in the background, if one is.
    pub(super) layout_job: Option<Arc<AtomicBool>>,
    /// The bytes of the document's text: what decides whether it is laid out whole at once.
    pub(super) text_bytes: usize,
    /// Whether any block is code: only then does the room beside the column for code lines
    /// matter, so a text without code is not laid out again when a resize changes only that.
    pub(super) has_code: bool,
    /// Terminal size.
    pub(super) screen: (u16, u16),
    /// The reader's place: the start of the top line on screen.
    pub(super) anchor: Anchor,
    pub(super) focus: Focus,
    /// The sidebar is wanted; it is still hidden when the terminal is too narrow.
    pub(super) sidebar_wanted: bool,
    /// The outline entry under the sidebar's cursor; always one that shows in `folds`.
    pub(super) outline_cursor: usize,
    /// Which branches of the outline tree the sidebar has folded.
    pub(super) folds: Folds,
    /// The outline's labels fitted to the sidebar's rows: a cache the view fills (hence the
    /// cell), which belongs to `outline` and is emptied with it.
    pub(super) fitted_labels: std::cell::RefCell<FittedLabels>,
    /// The pop-up over the text, if one is open.
    pub(super) popup: Option<Popup>,
    /// The messages said so far this session, oldest first (the last hundred), for `M`.
    pub(super) log: VecDeque<String>,
    pub(super) leftovers_open: bool,
    /// A one-off message for the status line, cleared by the next input.
    pub(super) message: Option<String>,
    /// Bookmarks of this document, the passage being selected, the bookmarks panel.
    pub(super) marks: Marks,
    /// The document's record in the store; `None` keeps bookmarks in memory.
    pub(super) record: Option<i64>,
    /// The search, its hits and the results list.
    pub(super) search: SearchState,
    /// Places left by jumps, for `Ctrl-o`, `Ctrl-n` and `''`.
    pub(super) history: JumpHistory,
    /// The `/` or `:` prompt on the status line, while it is open.
    pub(super) prompt: Option<Prompt>,
    pub(super) pending: Pending,
    /// Where the last jump landed, marked on screen until the next input or a moment passes.
    pub(super) flash: Option<Anchor>,
    pub(super) files: Files,
    /// The library screen, while it is open.
    pub(super) library: Option<Library>,
}

impl Model {
    /// A model for a whole document and what was saved for it. The saved place is opened
    /// unless the reader asked to start at the beginning.
    pub fn open(opened: Opened, setup: Setup) -> Model {
        let Opened { doc, saved, resume } = opened;
        let mut model = Model::build(doc, setup);
        model.record = saved.record;
        model.marks.bookmarks = saved.bookmarks;
        model.marks.sort();
        model.marks.persistence = saved.persistence;
        let mut messages = saved.notices;
        if let Some(place) = saved.position.filter(|_| resume) {
            model.open_at(place);
            if model.anchor != Anchor::default() {
                let (k, _) = model.paragraph_position();
                messages.insert(0, format!("resumed at ¶ {k}"));
            }
        } else {
            model.skip_cover();
        }
        if !messages.is_empty() {
            model.message = Some(messages.join(" · "));
        }
        model
    }

    /// A model showing a preview of a big file's opening while its whole is read: the totals
    /// are unknown and input that would act on the whole waits for it.
    pub fn preview(doc: Document, setup: Setup) -> Model {
        let mut model = Model::build(doc, setup);
        model.loading = true;
        model.skip_cover();
        model
    }

    /// A model showing a preview of the text around the saved place of a big file, at that
    /// place, while its whole is read.
    pub fn preview_around(doc: Document, place: Anchor, setup: Setup) -> Model {
        let mut model = Model::build(doc, setup);
        model.loading = true;
        model.open_at(place);
        model.preview_inside = Some(model.anchor);
        model
    }

    /// Give a preview around a saved place the pages seen there last, with the same file.
    pub fn with_seen_pages(mut self, seen: Option<SeenPages>) -> Model {
        self.seen_pages = seen;
        self
    }

    /// A book read from its start opens where its text begins: a first page that is only a
    /// cover picture is passed over (it is still there, a page up).
    fn skip_cover(&mut self) {
        let start = self.doc.book().map_or(Anchor::default(), |book| book.start);
        if start != Anchor::default() {
            self.open_at(start);
        }
    }

    fn build(doc: Document, setup: Setup) -> Model {
        let Setup {
            config,
            keymap,
            screen,
            outline,
            uid_prefix,
            files,
        } = setup;
        let (outline, outline_state) = match outline {
            OutlineTiming::Now => (Outline::build(&doc), OutlineState::Done),
            // A text too long to analyse has its final outline already.
            OutlineTiming::InBackground if Outline::is_analysed(&doc) => {
                (Outline::provisional(&doc), OutlineState::Wanted)
            }
            OutlineTiming::InBackground => (Outline::provisional(&doc), OutlineState::Done),
        };
        let geometry = Geometry::new(screen, config.sidebar, &config.shape());
        let hyphenation = std::cell::OnceCell::new();
        if hyphenates(&config) {
            let _ = hyphenation.set(hyphenation_of(&doc));
        }
        let has_code = doc.blocks.iter().any(|b| b.kind == BlockKind::Code);
        // Only the first screen now: the rest is laid out after the first paint.
        let pages = Pages::first_screen(
            &doc,
            geometry.column.width as usize,
            geometry.column.height as usize,
            false,
            layout_style(
                &config,
                hyphenation.get().copied().flatten(),
                code_room(&geometry, has_code),
            ),
            0,
        );
        let message = doc.is_empty().then(|| "this document is empty".to_string());
        let text_bytes = doc.blocks.iter().map(|b| b.text.len()).sum();
        let sidebar_wanted = config.sidebar;
        let folds = Folds::new(&outline);
        Model {
            totals: Totals::of(&doc),
            doc: Arc::new(doc),
            generation: 0,
            outline,
            outline_state,
            loading: false,
            preview_inside: None,
            preview_at_end: false,
            seen_pages: None,
            keymap,
            config,
            hyphenation,
            pages,
            layout_job: None,
            text_bytes,
            has_code,
            screen,
            anchor: Anchor::default(),
            focus: Focus::Reader,
            sidebar_wanted,
            outline_cursor: 0,
            folds,
            fitted_labels: Default::default(),
            popup: None,
            log: VecDeque::new(),
            leftovers_open: false,
            message,
            marks: Marks::new(uid_prefix),
            record: None,
            search: SearchState::default(),
            history: JumpHistory::new(),
            prompt: None,
            pending: Pending::default(),
            flash: None,
            files,
            library: None,
        }
    }

    /// The settings a model for another document of this session is made with.
    pub(super) fn setup(&self) -> Setup {
        Setup {
            config: self.config.clone(),
            keymap: self.keymap.clone(),
            screen: self.screen,
            outline: OutlineTiming::InBackground,
            uid_prefix: self.marks.uid_prefix().to_string(),
            files: self.files.clone(),
        }
    }

    // ---- What the view and the runtime read ----

    pub fn doc(&self) -> &Document {
        &self.doc
    }

    /// The library screen, while it is open.
    pub fn library(&self) -> Option<&Library> {
        self.library.as_ref()
    }

    /// What the document shown was read from, when it was one of the session's files.
    pub fn current_source(&self) -> Option<&Source> {
        self.files.sources.get(self.files.current)
    }

    pub fn outline(&self) -> &Outline {
        &self.outline
    }

    /// True while the outline shown is provisional and the full one is still to come.
    pub fn outline_pending(&self) -> bool {
        self.outline_state != OutlineState::Done
    }

    /// True while a preview is shown and the whole document is still being read.
    pub fn loading(&self) -> bool {
        self.loading
    }

    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    pub fn pages(&self) -> &Pages {
        &self.pages
    }

    pub fn screen(&self) -> (u16, u16) {
        self.screen
    }

    /// The reader's place: the start of the top line on screen.
    pub fn anchor(&self) -> Anchor {
        self.anchor
    }

    pub fn focus(&self) -> Focus {
        self.focus
    }

    pub fn outline_cursor(&self) -> usize {
        self.outline_cursor
    }

    pub fn folds(&self) -> &Folds {
        &self.folds
    }

    /// The help screen's scroll offset, when it is open.
    pub fn help(&self) -> Option<usize> {
        match self.popup {
            Some(Popup::Help { scroll }) => Some(scroll),
            _ => None,
        }
    }

    /// The pop-up open over the text.
    pub fn popup(&self) -> Option<Popup> {
        self.popup
    }

    /// The messages said so far this session, oldest first.
    pub fn log(&self) -> &VecDeque<String> {
        &self.log
    }

    pub fn leftovers_open(&self) -> bool {
        self.leftovers_open
    }

    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    pub fn marks(&self) -> &Marks {
        &self.marks
    }

    pub fn search(&self) -> &SearchState {
        &self.search
    }

    pub fn history(&self) -> &JumpHistory {
        &self.history
    }

    pub fn prompt(&self) -> Option<&Prompt> {
        self.prompt.as_ref()
    }

    /// Where the last jump landed, while it is marked.
    pub fn flash(&self) -> Option<Anchor> {
        self.flash
    }

    /// The files of this session and which one this is.
    pub fn files(&self) -> &Files {
        &self.files
    }

    /// The document's record in the store, when bookmarks are kept there.
    pub fn record(&self) -> Option<i64> {
        self.record
    }

    /// True while keys typed so far wait for the rest of a binding or a count's key.
    pub fn keys_pending(&self) -> bool {
        !self.pending.keys.is_empty() || self.pending.count.is_some()
    }

    /// Work held back for after a paint: the rest of the layout (unless it is being made in
    /// the background), or asking for the outline.
    pub fn wants_work_after_paint(&self) -> bool {
        if !self.pages.is_complete() {
            return self.layout_job.is_none();
        }
        !self.loading && self.outline_state == OutlineState::Wanted
    }

    /// Which set of key bindings applies now.
    pub fn mode(&self) -> Mode {
        if self.popup.is_some() {
            Mode::Help
        } else if self.marks.panel.is_some() {
            Mode::Bookmarks
        } else if self.marks.selection.is_some() {
            Mode::Select
        } else if self.focus == Focus::Outline {
            Mode::Outline
        } else {
            Mode::Reader
        }
    }

    pub fn geometry(&self) -> Geometry {
        Geometry::new(self.screen, self.sidebar_wanted, &self.config.shape())
    }

    /// The outline entry the sidebar centres on: the cursor when the sidebar has focus, else
    /// the entry of the text at the top of the screen.
    pub fn sidebar_cursor(&self) -> usize {
        match self.focus {
            Focus::Outline => self.outline_cursor,
            Focus::Reader => self.entry_here(),
        }
    }

    /// The shown outline entry for the text at the top of the screen: its own entry, or the
    /// folded branch that holds it.
    pub fn entry_here(&self) -> usize {
        let entry = self.outline.entry_for_block(self.anchor.block).unwrap_or(0);
        self.folds.shown_ancestor(entry)
    }

    // ---- Changes, for `update` alone ----

    /// Rebuild the layout if the page area or folding changed. The anchor is left alone: that
    /// is what keeps the reader's first word on screen across a resize. A short text is laid
    /// out whole at once; a long one gets the pages around the place now, and the whole is
    /// laid out in the background after the next paint.
    pub(super) fn relayout(&mut self) {
        let (w, h, style) = self.layout_wanted();
        let stale = self.pages.width() != w
            || self.pages.height() != h
            || self.pages.leftovers_open() != self.leftovers_open
            || self.pages.style() != style;
        if !stale {
            self.keep_window();
            return;
        }
        self.cancel_layout_job();
        self.pages = if self.lays_out_at_once() {
            Pages::with_code_lines(&self.doc, w, h, self.leftovers_open, style)
        } else {
            Pages::around(
                &self.doc,
                w,
                h,
                self.leftovers_open,
                style,
                self.anchor.block,
            )
        };
    }

    /// The column size and style the layout should have now.
    pub(super) fn layout_wanted(&self) -> (usize, usize, Style) {
        let g = self.geometry();
        let width = (g.column.width as usize).max(crate::layout::MIN_COLUMN);
        let height = (g.column.height as usize).max(1);
        let language = if hyphenates(&self.config) {
            *self.hyphenation.get_or_init(|| hyphenation_of(&self.doc))
        } else {
            None
        };
        let style = layout_style(&self.config, language, code_room(&g, self.has_code));
        (width, height, style)
    }

    /// True for a text short enough to lay out whole between two keys (a few milliseconds).
    pub(super) fn lays_out_at_once(&self) -> bool {
        self.text_bytes < WHOLE_AT_ONCE_BYTES
    }

    /// While only a window of the document is laid out, keep the place inside it with room
    /// for a page either way, moving the window when the place nears its edge.
    pub(super) fn keep_window(&mut self) {
        self.window_on(self.anchor.block);
    }

    /// Make sure `block` is laid out with room around it: moves a window there (a complete
    /// layout holds every block already).
    pub(super) fn window_on(&mut self, block: usize) {
        if !self.pages.holds_around(block) {
            self.pages = Pages::around(
                &self.doc,
                self.pages.width(),
                self.pages.height(),
                self.pages.leftovers_open(),
                self.pages.style(),
                block,
            );
        }
    }

    /// Lay out the whole document here and now, unless it is already.
    pub(super) fn complete_layout(&mut self) {
        if !self.pages.is_complete() {
            self.cancel_layout_job();
            self.pages = Pages::with_code_lines(
                &self.doc,
                self.pages.width(),
                self.pages.height(),
                self.pages.leftovers_open(),
                self.pages.style(),
            );
        }
    }

    /// The background layout's result is no longer wanted: tell it to stop.
    pub(super) fn cancel_layout_job(&mut self) {
        if let Some(cancel) = self.layout_job.take() {
            cancel.store(true, std::sync::atomic::Ordering::Relaxed);
        }
    }

    /// Install the full outline. Everything derived from entry indices (the sidebar cursor,
    /// the search results list) is recomputed so no stale index survives.
    pub(super) fn set_outline(&mut self, outline: Outline) {
        let cursor_block = self
            .outline
            .entries
            .get(self.outline_cursor)
            .map(|e| e.first_block);
        self.outline = outline;
        self.fitted_labels = Default::default();
        self.outline_state = OutlineState::Done;
        self.folds = Folds::new(&self.outline);
        let cursor = cursor_block
            .and_then(|b| self.outline.entry_for_block(b))
            .unwrap_or(0);
        self.outline_cursor = self.folds.shown_ancestor(cursor);
        let active = self.search.active.take();
        let results_cursor = self.search.results_cursor;
        self.search.set_active(active, &self.outline);
        self.search.results_cursor = results_cursor.min(self.search.rows.len().saturating_sub(1));
    }

    /// Open the reader at a place carried from elsewhere (a saved place, the preview's): the
    /// layout reaches it first (see [`Model::relayout`]), then the place is moved to the start
    /// of its screen line, as a top line always is.
    pub(super) fn open_at(&mut self, place: Anchor) {
        self.anchor = self.doc.clamp(place);
        self.relayout();
        let line = self.pages.line_of(self.anchor);
        self.anchor = self.pages.anchor_at_line(line);
    }

    /// Jump to a place, remembering the place left in the jump history. Opens the folded
    /// leftovers when the target is inside them, so the place is on screen.
    pub(super) fn jump_to(&mut self, target: Anchor) {
        let target = self.doc.clamp(target);
        self.reveal(target.block);
        if target != self.anchor {
            self.history.record(self.anchor);
        }
        self.anchor = target;
    }

    /// Land a jump on `target`, the start of a paragraph or a line inside one that begins at
    /// `paragraph`: its line goes to the top, or the paragraph's first line does when that
    /// keeps the target in the top third. A search hit already in the top third of the screen
    /// (`stay_if_shown`) leaves the screen where it is. The place left goes in the jump
    /// history, and the target is marked for a moment so the eye finds it.
    pub(super) fn land(&mut self, target: Anchor, paragraph: Anchor, stay_if_shown: bool) {
        let target = self.doc.clamp(target);
        self.reveal(target.block);
        self.window_on(target.block);
        let line = self.pages.line_of(target);
        let top = self.top_line();
        let third = (self.pages.height() / 3).max(1);
        let shown_high = top <= line && line < top + third;
        if !(stay_if_shown && shown_high) {
            let start = self.pages.line_of(self.doc.clamp(paragraph)).min(line);
            let new_top = if line - start < third { start } else { line };
            let place = self
                .pages
                .anchor_at_line(new_top.min(self.pages.last_top()));
            if place != self.anchor {
                self.history.record(self.anchor);
            }
            self.anchor = place;
        }
        self.flash = Some(target);
    }

    /// Make a block visible: open the leftovers if it is a folded one.
    pub(super) fn reveal(&mut self, block: usize) {
        let folded = self
            .doc
            .blocks
            .get(block)
            .is_some_and(|b| b.kind == BlockKind::Leftover);
        if folded && !self.leftovers_open {
            self.leftovers_open = true;
            self.relayout();
        }
    }

    /// The block of body paragraph `k` (1-based, as "¶ k/n" counts).
    pub(super) fn block_of_paragraph(&self, k: usize) -> Option<usize> {
        self.totals.block_of_paragraph(&self.doc, k)
    }
}

/// Text shorter than this is laid out whole at once, on any resize or change of folding: a
/// few milliseconds. Longer text gets the pages around the place first.
const WHOLE_AT_ONCE_BYTES: usize = 256 * 1024;
