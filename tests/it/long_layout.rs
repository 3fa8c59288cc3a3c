//! A long book at a new size: the pages around the reader's place are painted at once, and the
//! whole layout is made in the background. Until it arrives the page numbers are `…`, paging
//! and a search act on the pages around the place, and input that needs the whole (a jump to
//! the end, a go-to) waits for it in order. The background result is delivered at a chosen point of the
//! script, so nothing here depends on how fast a thread runs.

use proptest::prelude::*;

use crate::common::{Session, run_inbox};
use quire::app::ScriptedInbox;
use quire::document::Document;
use quire::reader::{Model, Msg};

/// Distinct numbered paragraphs, well past the size laid out whole at once. Structured once
/// for the whole file: every session gets a copy.
fn long_book() -> Document {
    static BOOK: std::sync::OnceLock<Document> = std::sync::OnceLock::new();
    BOOK.get_or_init(structure_long_book).clone()
}

fn structure_long_book() -> Document {
    let text: String = (1..=3000)
        .map(|n| {
            format!(
                "Paragraph {n} follows the river past mill {n}, where the water slows, turns \
                 and widens before the weir.\n\n"
            )
        })
        .collect();
    Document::from_text(&format!("The Long River\n\n{text}"), "river.txt")
}

/// A new size. The loop applies it when it draws the next frame, so a script puts an idle
/// moment after it when the keys that follow should meet the new size.
fn resize(width: u16, height: u16) -> Msg {
    Msg::Resize { width, height }
}

/// The first word at the reader's place.
fn word_at_place(model: &Model) -> String {
    let anchor = model.anchor();
    let text = &model.doc().blocks[anchor.block].text;
    text[anchor.byte..]
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_string()
}

/// The reading column's width at the model's screen size.
fn column_width(model: &Model) -> usize {
    (model.geometry().column.width as usize).max(quire::layout::MIN_COLUMN)
}

/// Half way through the book, resized to 70x20 and idle, then `keys` typed before the new
/// size's whole layout arrives.
fn resized_then(keys: &str) -> ScriptedInbox {
    let mut inbox = half_way();
    inbox.then(resize(70, 20)).idle().then_keys(keys).unwrap();
    inbox
}

/// Open the book, let its first layout arrive, and go half way through it.
fn half_way() -> ScriptedInbox {
    let mut inbox = ScriptedInbox::default();
    inbox.idle().deliver();
    inbox.then_keys(":50%<Enter>").unwrap();
    inbox
}

fn session(inbox: ScriptedInbox) -> Session {
    run_inbox(long_book(), (100, 30), inbox)
}

#[test]
fn a_resize_paints_the_place_at_once_and_numbers_pages_when_the_whole_arrives() {
    let before = session(half_way());
    let model = before.app.model();
    assert!(model.pages().is_complete());
    let place = model.anchor();
    let word = word_at_place(model);
    assert!(!word.is_empty());

    // Resized: the place is on the top row, and the numbers wait.
    let mut inbox = half_way();
    inbox.then(resize(70, 20));
    let resized = session(inbox);
    let model = resized.app.model();
    assert_eq!(model.anchor(), place);
    assert!(!model.pages().is_complete(), "only a window is laid out");
    assert!(
        model.pages().line_count() < 200,
        "{}",
        model.pages().line_count()
    );
    assert_eq!(model.pages().line_of(place), model.top_line());
    let top = resized.text_rows().into_iter().find(|r| !r.is_empty());
    assert!(
        top.unwrap_or_default().contains(&word),
        "{}",
        resized.screen()
    );
    let status = resized.status();
    assert!(status.contains("page …/…"), "{status}");

    // Delivered: the same place, with its page numbers.
    let mut inbox = half_way();
    inbox.then(resize(70, 20)).idle().deliver();
    let done = session(inbox);
    let model = done.app.model();
    assert!(model.pages().is_complete());
    assert_eq!(model.pages().width(), column_width(model));
    assert_eq!(model.anchor(), place);
    assert_eq!(model.pages().line_of(place), model.top_line());
    let (page, pages) = (model.current_page() + 1, model.pages().page_count());
    assert!(pages > 100 && page > pages / 3, "page {page} of {pages}");
    let status = done.status();
    assert!(status.contains(&format!("page {page}/{pages}")), "{status}");
}

#[test]
fn paging_acts_at_once_and_a_jump_to_the_end_waits_for_the_whole_layout() {
    let mut inbox = half_way();
    inbox.then(resize(70, 20));
    let resized = session(inbox);
    let start = resized.app.model().anchor().block;

    // Ten pages down before the whole arrives: each acts on the pages around the place.
    let paged = session(resized_then(&" ".repeat(10)));
    let model = paged.app.model();
    assert!(!model.pages().is_complete());
    assert!(model.anchor().block > start + 10, "{:?}", model.anchor());

    // `G` waits for the whole layout, then acts: the last page.
    let waiting = session(resized_then(" G"));
    assert!(!waiting.app.model().pages().is_complete());
    assert!(
        waiting.app.model().anchor().block < start + 10,
        "{:?} from {start}: {}",
        waiting.app.model().anchor(),
        waiting.status()
    );
    let mut inbox = resized_then(" G");
    inbox.idle().deliver();
    let done = session(inbox);
    let model = done.app.model();
    assert_eq!(model.current_page() + 1, model.pages().page_count());
    assert!(
        done.screen().contains("Paragraph 3000"),
        "{}",
        done.screen()
    );
}

#[test]
fn a_search_typed_after_a_resize_lands_on_its_hit_before_the_whole_layout_is_there() {
    let typed = session(resized_then("/mill 2900,"));
    let model = typed.app.model();
    assert!(!model.pages().is_complete());
    assert!(
        typed.status().starts_with("/mill 2900,"),
        "{}",
        typed.status()
    );
    let hit = &model.doc().blocks[model.anchor().block].text;
    assert!(hit.contains("mill 2900,"), "{hit}");
    assert!(typed.screen().contains("mill 2900,"), "{}", typed.screen());
    // A go-to typed then waits for the whole layout, and acts once it is in.
    let mut inbox = resized_then(":1<Enter>");
    inbox.idle().deliver();
    let gone = session(inbox);
    assert!(gone.app.model().pages().is_complete());
    assert_eq!(gone.app.model().current_page(), 0, "{}", gone.status());
}

#[test]
fn a_layout_overtaken_by_another_resize_is_dropped_for_the_newer_one() {
    // Two resizes between paints of the first result: only the last size's layout stays.
    let mut inbox = half_way();
    inbox.then(resize(70, 20)).idle();
    inbox.then(resize(120, 40)).idle().deliver();
    let done = session(inbox);
    let model = done.app.model();
    assert!(model.pages().is_complete());
    assert_eq!(model.pages().width(), column_width(model));
    assert_eq!(model.screen(), (120, 40));
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 12,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Through any sizes and page turns with the whole layout still away, the place stays on
    /// screen; once it arrives, the whole layout shows the same place.
    #[test]
    fn the_place_survives_resizes_while_the_whole_layout_is_away(
        sizes in prop::collection::vec((1u16..220, 1u16..70), 1..5),
        keys in prop::collection::vec(prop::sample::select(vec![" ", "b", "j", "k", "d", "u"]), 0..6),
    ) {
        let mut inbox = half_way();
        for ((width, height), key) in sizes.iter().zip(keys.iter().chain(std::iter::repeat(&""))) {
            inbox.then(resize(*width, *height)).idle().then_keys(key).unwrap();
        }
        let away = session(inbox);
        let model = away.app.model();
        let place = model.anchor();
        let top = model.top_line();
        let shown = model.pages().line_of(place);
        prop_assert!(top <= shown && shown < top + model.pages().height());

        let mut inbox = half_way();
        for ((width, height), key) in sizes.iter().zip(keys.iter().chain(std::iter::repeat(&""))) {
            inbox.then(resize(*width, *height)).idle().then_keys(key).unwrap();
        }
        inbox.idle().deliver();
        let done = session(inbox);
        let model = done.app.model();
        prop_assert!(model.pages().is_complete());
        prop_assert_eq!(model.anchor(), place);
        let shown = model.pages().line_of(place);
        let top = model.top_line();
        prop_assert!(top <= shown && shown < top + model.pages().height());
    }
}

#[test]
fn a_search_at_start_lands_on_its_hit_before_the_whole_layout_is_there() {
    // As `--search` does: the search comes before any layout but the first screen's.
    let mut inbox = ScriptedInbox::default();
    inbox.then(Msg::StartSearch("mill 2500,".into()));
    let found = session(inbox);
    let model = found.app.model();
    assert!(!model.pages().is_complete());
    let hit = &model.doc().blocks[model.anchor().block].text;
    assert!(hit.contains("mill 2500,"), "{hit}");
    assert!(found.screen().contains("mill 2500,"), "{}", found.screen());
}

#[test]
fn typing_a_search_whose_hit_unfolds_leftovers_goes_on_while_the_whole_is_laid_out() {
    // A fold in the middle of the book; its word is nowhere else.
    let mut doc = long_book();
    let folded = doc.blocks.len() / 2;
    doc.blocks[folded].kind = quire::document::BlockKind::Leftover;
    doc.blocks[folded].text = "Share this: a zyzzyva and other page furniture".into();
    let mut inbox = ScriptedInbox::default();
    inbox.idle().deliver();
    inbox.then_keys("/zy").unwrap();
    let typed = run_inbox(doc, (100, 30), inbox);
    let model = typed.app.model();
    // The first key opened the fold (a new layout, made in the background); the next acted
    // without waiting for it.
    assert!(!model.pages().is_complete());
    assert_eq!(model.anchor().block, folded);
    assert!(typed.status().starts_with("/zy"), "{}", typed.status());
    assert!(typed.screen().contains("zyzzyva"), "{}", typed.screen());
}

#[test]
fn the_share_read_is_saved_once_the_whole_layout_is_in() {
    let dir = tempfile::tempdir().unwrap();
    // A page down while only the first screen is laid out: the place is saved, the share read
    // is not known yet. Then the whole layout arrives and the reader stays still.
    let mut inbox = ScriptedInbox::keys("<Space>").unwrap();
    inbox.idle().deliver().idle();
    let size = (80, 24);
    let app = crate::common::stored_session(dir.path(), long_book(), None, true, size).build();
    let session = crate::common::run_app(app, size, inbox);
    assert!(session.app.model().pages().is_complete());
    let store = quire::store::Store::open(dir.path()).unwrap().store;
    let progress = store.library().unwrap()[0].progress;
    let percent = u8::try_from(session.app.model().percent()).unwrap();
    assert_eq!(progress, Some(percent));
}
