//! Bookmarks and the reading place on the real event loop (TestBackend + scripted keys), with
//! the store in a temporary directory: `m`, `v` with `)` and a note, the `B` panel (jump,
//! delete, undo), `>`/`<`, resuming, coalesced saves, and re-attachment after the file changes.

use std::path::{Path, PathBuf};

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::common::{stored_session, test_terminal};
use quire::anchoring::Bookmark;
use quire::app::{App, ScriptedInbox};
use quire::document::{Anchor, Document};
use quire::store::Store;

/// Original prose for these tests: a title, then paragraphs of several sentences, long enough
/// to fill several pages at 80×24.
fn text() -> String {
    let mut text = String::from("The Lighthouse Keeper\n\n");
    text.push_str(
        "Mr. Abel kept the light at Gull Point. He rowed out each evening at six. \
         The lamp took an hour to trim. Nobody thanked him for it.\n\n",
    );
    for n in 2..=30 {
        if n == 3 {
            text.push_str(THIRD);
            continue;
        }
        text.push_str(&format!(
            "Paragraph {n} tells of night {n} on the rock. The wind came from the east that time. \
             Dr. Moss wrote to him from the U.S. mainland about the weather. He answered every letter \
             the week it came, and kept copies in a tin box under the stairs.\n\n"
        ));
    }
    text
}

/// A paragraph unlike the others, so that once deleted nothing close to it remains.
const THIRD: &str = "On the third night a ship ran aground near the reef, and the keeper rang \
    the bell until dawn while the crew climbed onto the rocks.\n\n";

struct Run {
    app: App,
    terminal: Terminal<TestBackend>,
}

impl Run {
    fn screen(&self) -> String {
        let buffer = self.terminal.backend().buffer();
        let area = buffer.area;
        (0..area.height)
            .map(|y| {
                (0..area.width)
                    .map(|x| buffer[(x, y)].symbol().to_string())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
    fn status(&self) -> String {
        self.screen().lines().last().unwrap_or("").to_string()
    }
}

fn open(dir: &Path, doc: Document, path: Option<&Path>, from_start: bool) -> App {
    stored_session(dir, doc, path, !from_start, (80, 24)).build()
}

fn run_inbox(mut app: App, inbox: &mut ScriptedInbox) -> Run {
    let mut terminal = test_terminal((80, 24));
    app.run(&mut terminal, inbox).unwrap();
    Run { app, terminal }
}

fn run(dir: &Path, script: &str) -> Run {
    let app = open(dir, Document::from_text(&text(), "keeper.txt"), None, false);
    run_inbox(app, &mut ScriptedInbox::keys(script).unwrap())
}

fn stored(dir: &Path) -> Vec<Bookmark> {
    let store = Store::open(dir).unwrap().store;
    let docs = store.documents().unwrap();
    docs.iter()
        .flat_map(|d| store.bookmarks(d.id).unwrap())
        .collect()
}

#[test]
fn m_bookmarks_the_paragraph_at_once_and_it_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let run = run(dir.path(), "}m");
    let block = run.app.model().anchor().block;
    let paragraph = run.app.model().doc().text(block).to_string();
    assert!(paragraph.starts_with("Mr. Abel"), "{paragraph}");
    assert!(run.status().contains("bookmarked ¶ 1"), "{}", run.status());
    let saved = stored(dir.path());
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].quote.exact, paragraph);
    assert_eq!(saved[0].quote.prefix, "The Lighthouse Keeper\n");
    // The outline marks the entry, the text is marked by a bar in the margin.
    assert!(run.screen().contains('◆'));
    assert!(run.screen().contains('▎'));
}

#[test]
fn v_selects_by_sentence_and_saves_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    // Start at the first sentence, grow by two sentences, shrink by one, grow by one: three
    // sentences. "Mr." does not end a sentence.
    let run = run(
        dir.path(),
        "}v))()<Enter>lamp<Left><Left><BS>a<Right><Right> duty<Enter>",
    );
    let saved = stored(dir.path());
    assert_eq!(saved.len(), 1);
    assert_eq!(
        saved[0].quote.exact,
        "Mr. Abel kept the light at Gull Point. He rowed out each evening at six. The lamp took an hour to trim."
    );
    assert_eq!(saved[0].note, "lamp duty");
    assert!(run.app.model().marks().selection.is_none());
    assert!(run.app.model().marks().editing.is_none());
}

#[test]
fn note_editor_esc_keeps_the_bookmark_without_a_note() {
    let dir = tempfile::tempdir().unwrap();
    run(dir.path(), "}v}mthrown away<Esc>");
    let saved = stored(dir.path());
    assert_eq!(saved.len(), 1);
    assert!(
        saved[0].quote.exact.starts_with("Mr. Abel")
            && saved[0].quote.exact.ends_with("thanked him for it.")
    );
    assert_eq!(saved[0].note, "");
}

#[test]
fn panel_jumps_deletes_and_undoes() {
    let dir = tempfile::tempdir().unwrap();
    // Bookmark paragraph 1 and a paragraph two pages on.
    run(dir.path(), "}m<Space><Space>}m");
    assert_eq!(stored(dir.path()).len(), 2);
    let second_start = stored(dir.path())[1].span.start;

    // Open the list, go down, jump.
    let jumped = run(dir.path(), "gBj<Enter>");
    assert_eq!(jumped.app.model().anchor().block, second_start.block);
    assert!(jumped.app.model().marks().panel.is_none());

    // The panel lists page, section and excerpt.
    let listed = run(dir.path(), "B");
    let screen = listed.screen();
    assert!(screen.contains("Bookmarks (2)"), "{screen}");
    assert!(screen.contains("p. 1"), "{screen}");
    assert!(screen.contains("“Mr. Abel kept"), "{screen}");

    // Delete the first: gone from the store at once.
    run(dir.path(), "gBd");
    let left = stored(dir.path());
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].span.start, second_start);

    // Delete and undo in one session: both are back, same identity.
    let before: Vec<String> = stored(dir.path()).iter().map(|b| b.uid.clone()).collect();
    let undone = run(dir.path(), "gBdu");
    assert!(undone.status().contains("restored"), "{}", undone.status());
    let after: Vec<String> = stored(dir.path()).iter().map(|b| b.uid.clone()).collect();
    assert_eq!(before, after);
}

#[test]
fn greater_and_less_step_between_bookmarks() {
    let dir = tempfile::tempdir().unwrap();
    run(dir.path(), "}m<Space><Space>}m<Space><Space>}m");
    let marks: Vec<Anchor> = stored(dir.path()).iter().map(|b| b.span.start).collect();
    assert_eq!(marks.len(), 3);
    let forward = run(dir.path(), "g>>");
    assert_eq!(forward.app.model().anchor().block, marks[1].block);
    let back = run(dir.path(), "g>>><lt>");
    assert_eq!(back.app.model().anchor().block, marks[1].block);
    let end = run(dir.path(), "g>>>>");
    assert!(
        end.status().contains("no bookmark further on"),
        "{}",
        end.status()
    );
}

#[test]
fn bookmark_jumps_enter_the_jump_history() {
    let dir = tempfile::tempdir().unwrap();
    run(dir.path(), "}m<Space><Space>}m");
    let marks: Vec<Anchor> = stored(dir.path()).iter().map(|b| b.span.start).collect();
    assert_eq!(marks.len(), 2);
    // From the top, `>` goes to the first bookmark; Ctrl-o comes back to the top.
    let there = run(dir.path(), "g>");
    assert_eq!(there.app.model().anchor().block, marks[0].block);
    let back = run(dir.path(), "g><C-o>");
    assert_eq!(back.app.model().anchor(), Anchor::default());
}

#[test]
fn reopening_resumes_where_the_reader_left_off() {
    let dir = tempfile::tempdir().unwrap();
    let first = run(dir.path(), "<Space><Space>jjq");
    let left_at = first.app.model().anchor();
    assert_ne!(left_at, Anchor::default());
    let again = run(dir.path(), "");
    assert_eq!(again.app.model().anchor(), left_at);
    let (k, _) = again.app.model().paragraph_position();
    assert!(
        again.status().contains(&format!("resumed at ¶ {k}")),
        "{}",
        again.status()
    );
    // --from-start ignores the saved place.
    let app = open(
        dir.path(),
        Document::from_text(&text(), "keeper.txt"),
        None,
        true,
    );
    assert_eq!(app.model().anchor(), Anchor::default());
}

#[test]
fn place_saves_are_coalesced_per_burst() {
    let dir = tempfile::tempdir().unwrap();
    // Keys, then a pause (the reader is still), then more keys.
    let mut script = ScriptedInbox::keys("jjjjjjjjjjjjjjjjjjjj").unwrap();
    script.idle().then_keys("jjjjj").unwrap();
    let app = open(
        dir.path(),
        Document::from_text(&text(), "keeper.txt"),
        None,
        false,
    );
    let done = run_inbox(app, &mut script);
    // 25 moves: one save when the reader paused, one on the way out.
    assert_eq!(done.app.place_writes(), 2);
    let again = run(dir.path(), "");
    assert_eq!(again.app.model().anchor(), done.app.model().anchor());
}

#[test]
fn same_text_found_by_content_from_another_path_or_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let original = files.path().join("keeper.txt");
    std::fs::write(&original, text()).unwrap();
    let app = open(
        dir.path(),
        Document::open(&original).unwrap(),
        Some(&original),
        false,
    );
    let mut events = ScriptedInbox::keys("}m").unwrap();
    run_inbox(app, &mut events);
    // Moved, renamed, with CRLF line ends and a byte-order mark.
    let moved: PathBuf = files.path().join("renamed.md");
    let crlf = format!("\u{feff}{}", text().replace('\n', "\r\n"));
    std::fs::write(&moved, &crlf).unwrap();
    std::fs::remove_file(&original).unwrap();
    let app = open(
        dir.path(),
        Document::open(&moved).unwrap(),
        Some(&moved),
        false,
    );
    assert_eq!(app.model().marks().bookmarks.len(), 1);
    // Piped: no path at all.
    let piped = Document::from_bytes(crlf.as_bytes(), "stdin").unwrap();
    let app = open(dir.path(), piped, None, false);
    assert_eq!(app.model().marks().bookmarks.len(), 1);
    assert!(!app.model().marks().bookmarks[0].orphaned);
}

#[test]
fn edited_file_reattaches_bookmarks_and_lists_orphans() {
    let dir = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let path = files.path().join("keeper.txt");
    std::fs::write(&path, text()).unwrap();
    // Bookmark paragraph 1 (will be edited), paragraph 3 (will be deleted), 5 (untouched).
    let app = open(
        dir.path(),
        Document::open(&path).unwrap(),
        Some(&path),
        false,
    );
    let mut events = ScriptedInbox::keys("}m}}m}}m").unwrap();
    let done = run_inbox(app, &mut events);
    assert_eq!(done.app.model().marks().bookmarks.len(), 3);

    let edited = text()
        .replace(
            "He rowed out each evening at six.",
            "He rowed out every evening at seven.",
        )
        .replace(THIRD, "")
        .replacen(
            "The Lighthouse Keeper\n\n",
            "The Lighthouse Keeper\n\nA new foreword sits here now.\n\n",
            1,
        );
    std::fs::write(&path, edited).unwrap();
    let app = open(
        dir.path(),
        Document::open(&path).unwrap(),
        Some(&path),
        false,
    );
    let marks = &app.model().marks().bookmarks;
    assert_eq!(marks.len(), 3, "none dropped");
    let placed: Vec<&str> = marks
        .iter()
        .filter(|b| !b.orphaned)
        .map(|b| app.model().doc().text(b.span.start.block))
        .collect();
    assert_eq!(placed.len(), 2);
    assert!(placed[0].contains("every evening at seven"), "{placed:?}");
    assert!(placed[1].starts_with("Paragraph 5 tells"), "{placed:?}");
    let orphan = marks.iter().find(|b| b.orphaned).expect("one orphan");
    assert!(orphan.quote.exact.starts_with("On the third night"));
    let message = app.model().message().unwrap_or_default().to_string();
    assert!(message.contains("1 orphaned"), "{message}");
    // The orphan is listed in the panel with its text.
    let mut events = ScriptedInbox::keys("B").unwrap();
    let shown = run_inbox(app, &mut events);
    let screen = shown.screen();
    assert!(screen.contains("orphaned"), "{screen}");
    assert!(screen.contains("On the third night"), "{screen}");
    // And the store kept it too.
    assert_eq!(stored(dir.path()).iter().filter(|b| b.orphaned).count(), 1);
}

#[test]
fn e_in_the_panel_edits_the_note() {
    let dir = tempfile::tempdir().unwrap();
    run(dir.path(), "}v<Enter>first<Enter>");
    assert_eq!(stored(dir.path())[0].note, "first");
    let edited = run(dir.path(), "gBe<C-u>second thoughts<Enter>");
    assert_eq!(stored(dir.path())[0].note, "second thoughts");
    assert!(
        edited.status().contains("note saved"),
        "{}",
        edited.status()
    );
    // While typing, the status line is the editor.
    let typing = run(dir.path(), "gBe!!");
    assert!(
        typing
            .status()
            .contains("Note (Enter saves, Esc skips): second thoughts!!"),
        "{}",
        typing.status()
    );
}

#[test]
fn resume_deep_in_a_long_book_before_its_full_layout() {
    let dir = tempfile::tempdir().unwrap();
    let long: String = (1..=2000)
        .map(|n| format!("Section text number {n} goes on for a little while, then stops.\n\n"))
        .collect();
    let open_long = |from_start| {
        open(
            dir.path(),
            Document::from_text(&long, "long.txt"),
            None,
            from_start,
        )
    };
    let mut events = ScriptedInbox::keys("Gkkkq").unwrap();
    let first = run_inbox(open_long(false), &mut events);
    let left_at = first.app.model().anchor();
    assert!(left_at.block > 1900, "{left_at:?}");
    let app = open_long(false);
    // The model starts with a partial layout; the resumed place is inside it.
    assert_eq!(app.model().anchor(), left_at);
    let again = run_inbox(app, &mut ScriptedInbox::default());
    assert_eq!(again.app.model().anchor(), left_at);
    assert!(
        again.status().contains("resumed at ¶"),
        "{}",
        again.status()
    );
}

#[test]
fn the_width_chosen_and_the_hidden_sidebar_are_remembered_for_every_document() {
    use quire::reader::config::{Config, REMEMBERED_SIDEBAR, REMEMBERED_WIDTH};
    let dir = tempfile::tempdir().unwrap();
    // Two steps narrower, then Tab twice: into the outline, then hide it.
    let first = run(dir.path(), "--<Tab><Tab>");
    let width = first.app.model().pages().width();
    let remembered = Store::peek_settings(dir.path()).unwrap();
    assert!(
        remembered.contains(&(REMEMBERED_WIDTH.into(), width.to_string())),
        "{remembered:?}"
    );
    assert!(
        remembered.contains(&(REMEMBERED_SIDEBAR.into(), "false".into())),
        "{remembered:?}"
    );
    // The next session starts from them: the column as narrow, no sidebar, whatever the file.
    let mut config = Config::default();
    config.apply_remembered(&remembered, false);
    assert_eq!((config.max_width, config.sidebar), (width, false));

    // The reset key forgets the width (the sidebar stays as chosen), and says so.
    let reset = run(dir.path(), "_");
    assert!(
        reset.status().contains("reading width 72 columns, as set"),
        "{}",
        reset.status()
    );
    let remembered = Store::peek_settings(dir.path()).unwrap();
    assert!(
        !remembered.iter().any(|(key, _)| key == REMEMBERED_WIDTH),
        "{remembered:?}"
    );
    assert!(remembered.iter().any(|(key, _)| key == REMEMBERED_SIDEBAR));
}

#[test]
fn the_first_frame_comes_before_the_terminals_colours_which_are_then_drawn_and_remembered() {
    use quire::reader::Msg;
    use quire::reader::config::{Config, REMEMBERED_BACKGROUND};
    use quire::reader::palette::Palette;
    let dir = tempfile::tempdir().unwrap();
    // In colour, with the default (dark) theme, as an `auto` theme is before the answer.
    let mut app = stored_session(
        dir.path(),
        Document::from_text(&text(), "keeper.txt"),
        None,
        false,
        (80, 24),
    )
    .config(Config::default())
    .build();
    let mut terminal = test_terminal((80, 24));
    // The answer waits in the inbox; the first frame is drawn without it.
    let mut inbox = ScriptedInbox::default();
    inbox.then(Msg::TerminalBackground {
        light: true,
        palette: Box::new(Palette::light()),
    });
    app.paint_first(&mut terminal, &mut inbox).unwrap();
    let colours = |terminal: &Terminal<TestBackend>| {
        let buffer = terminal.backend().buffer();
        buffer
            .content()
            .iter()
            .map(|cell| format!("{:?}", cell.fg))
            .collect::<std::collections::BTreeSet<_>>()
    };
    let first = colours(&terminal);
    assert!(
        Store::peek_settings(dir.path()).unwrap().is_empty(),
        "nothing is remembered before the terminal answers"
    );

    app.run(&mut terminal, &mut inbox).unwrap();
    assert_ne!(colours(&terminal), first, "the light palette is drawn");
    assert!(
        Store::peek_settings(dir.path())
            .unwrap()
            .contains(&(REMEMBERED_BACKGROUND.into(), "light".into())),
        "the answer is remembered for the next first frame"
    );
}
