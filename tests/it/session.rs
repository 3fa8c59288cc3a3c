//! Scripted sessions on the real event loop: each test is a key string and what the reader
//! must then show. Keys are in keymap notation (`"<Tab>jj<Enter>"`); sizes are terminal cells.

use crate::common::{Session, bundled, run, run_inbox};
use quire::app::ScriptedInbox;
use quire::document::BlockKind;
use quire::layout::LineKind;
use quire::reader::Exit;
use quire::reader::{Input, Msg};

const SIZE: (u16, u16) = (80, 24);

fn after(keys: &str) -> Session {
    run(bundled(), SIZE, keys)
}

/// The first `n` words of a block of the bundled article.
fn lead(block: usize, n: usize) -> String {
    let doc = bundled();
    doc.blocks[block]
        .text
        .split_whitespace()
        .take(n)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The reading column's text, rows joined by spaces (so phrases that wrap still match).
fn shown(session: &Session) -> String {
    session
        .text_rows()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn space_turns_the_page_and_b_turns_it_back() {
    let first = after("").first_word();
    let next = after("<Space>");
    assert_ne!(next.first_word(), first);
    assert_eq!(next.app.model().current_page(), 1);
    assert_eq!(after("<Space>b").first_word(), first);
    for forward in ["f", "<PageDown>", "<Right>", "l"] {
        assert_eq!(after(forward).first_word(), next.first_word(), "{forward}");
    }
    for back in ["<PageUp>", "<Left>", "h"] {
        assert_eq!(
            after(&format!("<Space>{back}")).first_word(),
            first,
            "{back}"
        );
    }
}

#[test]
fn next_page_starts_where_the_last_one_ended() {
    // The last text row of page 1 is followed directly by the first row of page 2.
    let page1 = after("").text_rows();
    let page2 = after("<Space>").text_rows();
    let last = page1.iter().rev().find(|r| !r.is_empty()).unwrap();
    let words = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
    let whole = words(quire::BUNDLED_ARTICLE);
    let at = |row: &str| {
        whole
            .windows(words(row).len())
            .position(|w| w == words(row).as_slice())
    };
    let end_of_1 = at(last).unwrap() + words(last).len();
    let start_of_2 = at(page2.iter().find(|r| !r.is_empty()).unwrap()).unwrap();
    assert_eq!(end_of_1, start_of_2, "a page turn skipped or repeated text");
}

#[test]
fn outline_enter_jumps_to_the_third_paragraph() {
    // Entries: title, then paragraphs; three steps down is the third paragraph.
    let s = after("<Tab>jjj<Enter>");
    let block = s.app.model().anchor().block;
    assert_eq!(s.app.model().doc().blocks[block].kind, BlockKind::Paragraph);
    assert_eq!(block, 3);
    assert!(
        s.text_rows()[0].starts_with(&lead(3, 4)),
        "{:?}",
        s.text_rows()[0]
    );
    assert_eq!(s.app.model().paragraph_position().0, 3);
}

#[test]
fn outline_keys_move_the_cursor_and_esc_returns_to_the_text() {
    assert_eq!(after("<Tab>G").app.model().outline_cursor(), 7);
    assert_eq!(after("<Tab>Gg").app.model().outline_cursor(), 0);
    assert_eq!(after("<Tab>jjk").app.model().outline_cursor(), 1);
    // Esc leaves the outline without jumping, and without quitting.
    let s = after("<Tab>jj<Esc>");
    assert_eq!(s.app.model().focus(), quire::reader::Focus::Reader);
    assert_eq!(s.app.model().anchor().block, 0);
    assert_eq!(s.exit, Exit::Signal(0));
    // Tab again hides the sidebar: the text takes the whole width.
    let hidden = after("<Tab><Tab>");
    assert!(!hidden.screen().contains("Outline"));
}

#[test]
fn clicking_an_outline_entry_jumps_to_it() {
    // Row 0 is the sidebar's title; row 3 is the third entry (second paragraph).
    let mut events = ScriptedInbox::default();
    events.then(Msg::Input(Input::Click { column: 2, row: 3 }));
    let s = run_inbox(bundled(), SIZE, events);
    assert!(
        s.text_rows()[0].starts_with(&lead(2, 4)),
        "{:?}",
        s.text_rows()[0]
    );
}

#[test]
fn resize_keeps_the_first_word_on_screen() {
    for (w, h) in [(40, 12), (120, 40), (30, 6), (200, 60), (71, 24), (69, 24)] {
        let before = after("<Space>jj");
        let phrase = {
            let m = before.app.model();
            let text = &m.doc().blocks[m.anchor().block].text[m.anchor().byte..];
            text.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert!(shown(&before).starts_with(&phrase));
        let mut events = ScriptedInbox::keys("<Space>jj").unwrap();
        events.then(Msg::Resize {
            width: w,
            height: h,
        });
        let s = run_inbox(bundled(), SIZE, events);
        assert!(
            shown(&s).contains(&phrase),
            "{w}x{h}: {phrase:?} not in {:?}",
            s.text_rows()
        );
    }
}

#[test]
fn resize_through_a_tiny_terminal_and_back_keeps_the_place() {
    let mut events = ScriptedInbox::keys("<Space>").unwrap();
    events.then(Msg::Resize {
        width: 3,
        height: 2,
    });
    events.then(Msg::Resize {
        width: 80,
        height: 24,
    });
    assert_eq!(
        run_inbox(bundled(), SIZE, events).first_word(),
        after("<Space>").first_word()
    );
}

#[test]
fn z_unfolds_and_folds_the_leftovers() {
    let folded = after("G");
    assert!(
        folded
            .screen()
            .contains("▸ 3 blocks folded (z opens): page furniture")
    );
    assert!(!folded.screen().contains("Leave a Reply"));
    let open = after("Gz");
    assert!(open.screen().contains("Leave a Reply"), "{}", open.screen());
    assert!(open.status().starts_with("leftovers shown"));
    let closed = after("GzGz");
    assert!(!closed.screen().contains("Leave a Reply"));
    assert!(
        closed
            .screen()
            .contains("blocks folded (z opens): page furniture")
    );
    // In a narrow column the key to open it stays; what it holds is cut, with "…".
    let narrow = run(bundled(), (34, 24), "G");
    let screen = narrow.screen();
    let fold_row = screen
        .lines()
        .find(|row| row.contains("▸ 3 blocks folded (z opens):"))
        .map(str::trim_end);
    assert!(fold_row.is_some_and(|row| row.ends_with('…')), "{screen}");
}

#[test]
fn help_opens_and_closes() {
    assert!(after("?").screen().contains("quire help"));
    for close in ["?", "q", "<Esc>", "<Enter>"] {
        let s = after(&format!("?{close}"));
        assert!(!s.screen().contains("quire help"), "? then {close}");
        assert_eq!(s.exit, Exit::Signal(0), "? then {close} must not quit");
    }
    // Scrolling the help moves its rows.
    let top = after("?").screen();
    assert_ne!(after("?jjj").screen(), top);
}

#[test]
fn quit_keys_end_the_session() {
    for keys in ["q", "<Tab>qq", "?qq", "mBqq"] {
        assert_eq!(after(keys).exit, Exit::Quit, "{keys}");
    }
    for keys in ["<C-c>", "<Tab><C-c>", "?<C-c>", "v<C-c>", "mB<C-c>"] {
        assert_eq!(after(keys).exit, Exit::Interrupted, "{keys}");
    }
    // Esc closes what is open and otherwise does nothing; q closes a panel or the outline's
    // focus, and quits only from the text.
    for keys in [
        "<Esc>",
        "<Tab><Esc><Esc><Esc>",
        "/the<Enter><Esc><Esc>",
        "?<Esc><Esc>",
        "<Tab>q",
        "?q",
        "mBq",
    ] {
        assert_eq!(after(keys).exit, Exit::Signal(0), "{keys} must not quit");
    }
    // Keys after q are never read.
    assert_eq!(after("q<Space>").app.model().current_page(), 0);
}

#[test]
fn line_and_half_page_keys_scroll() {
    let top = |keys: &str| after(keys).app.model().top_line();
    assert!(top("j") > top(""));
    assert_eq!(top("<Down>"), top("j"));
    assert_eq!(top("jk"), top(""));
    assert_eq!(top("j<Up>"), top(""));
    assert!(top("d") > top("j"));
    assert_eq!(top("<C-d>"), top("d"));
    assert_eq!(top("du"), top(""));
    assert_eq!(top("d<C-u>"), top(""));
    assert_eq!(top("G"), top("<End>"));
    assert!(top("G") > top("<Space>"));
    assert_eq!(top("Gg"), 0);
    assert_eq!(top("G<Home>"), 0);
}

#[test]
fn paragraph_and_section_keys_land_on_block_starts() {
    let block = |keys: &str| after(keys).app.model().anchor().block;
    assert_eq!(block("}"), 1);
    assert_eq!(block("}}"), 2);
    assert_eq!(block("}}{"), 1);
    assert!(after("}}").text_rows()[0].starts_with(&lead(2, 4)));
    // No headings in the bundled article: sections step through outline entries.
    assert_eq!(block("]"), 1);
    assert_eq!(block("]]["), 1);
}

#[test]
fn at_the_end_the_status_says_so() {
    assert!(after("G<Space>").status().starts_with("end of document"));
    assert!(after("Gj").status().starts_with("end of document"));
}

#[test]
fn tab_on_a_narrow_terminal_explains_why_there_is_no_outline() {
    let s = run(bundled(), (40, 12), "<Tab>");
    assert!(s.status().contains("too narrow"), "{:?}", s.status());
    assert_eq!(s.app.model().focus(), quire::reader::Focus::Reader);
}

#[test]
fn g_end_shows_the_end_of_the_text_with_the_leftovers_still_folded() {
    let s = after("G");
    let screen = s.screen();
    assert!(screen.contains("The author is"), "{screen}");
    assert!(!screen.contains("Leave a Reply"), "{screen}");
    assert!(!s.app.model().leftovers_open());
    // The fold line is the last thing on the page.
    assert!(screen.contains("leftovers"), "{screen}");
}

#[test]
fn the_outline_and_the_reader_number_paragraphs_alike() {
    // `--outline` says which paragraph each entry starts at; `:¶k` goes there.
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_quire"))
        .args(["--outline"])
        .env(
            "QUIRE_DATA_DIR",
            std::env::temp_dir().join("quire-outline-numbers"),
        )
        .output()
        .unwrap();
    let outline = String::from_utf8(output.stdout).unwrap();
    let mut checked = 0;
    for line in outline.lines() {
        let Some((label, rest)) = line.split_once("  [paragraph") else {
            continue;
        };
        let k: usize = rest
            .split('¶')
            .nth(1)
            .and_then(|n| n.trim_end_matches(']').parse().ok())
            .expect("a paragraph entry has its number");
        let s = after(&format!(":¶{k}<Enter>"));
        assert_eq!(s.app.model().paragraph_position().0, k, "{label}");
        let block = s.app.model().anchor().block;
        let entry = s.app.model().outline().entry_for_block(block).unwrap();
        assert_eq!(s.app.model().outline().entries[entry].label, label.trim());
        checked += 1;
    }
    assert!(checked >= 4, "{outline}");
}

#[test]
fn equals_says_what_the_document_is_and_m_lists_the_messages() {
    let s = after("<Space>=");
    let screen = s.screen();
    for fact in [
        "About this document",
        "Format",
        "text",
        "Encoding",
        "UTF-8",
        "Words",
        "Pages",
        "page 2 of",
    ] {
        assert!(screen.contains(fact), "{fact} missing:\n{screen}");
    }
    assert!(after("=<Esc>").app.model().popup().is_none());
    // Messages come and go on the status line; M shows them all, oldest first.
    let s = after("zzmM");
    let screen = s.screen();
    let first = screen.find("leftovers shown").expect("the first message");
    let last = screen.find("bookmarked ¶").expect("the last message");
    assert!(first < last, "{screen}");
}

/// `g` goes back to the first page as the book opened on it: its licence header, folded at
/// the start, stays folded (it used to open, and the book gained pages).
#[test]
fn g_returns_to_the_first_page_without_opening_the_folded_header() {
    let mut text = String::from(
        "The Project Gutenberg EBook of A Tale, by A. Writer\n\n\
         This eBook is for the use of anyone anywhere at no cost.\n\n\
         *** START OF THE PROJECT GUTENBERG EBOOK A TALE ***\n\n",
    );
    for i in 0..60 {
        text.push_str(&format!(
            "Paragraph {i} of the tale: the ship sailed on, and the sea was calm that night.\n\n"
        ));
    }
    text.push_str("*** END OF THE PROJECT GUTENBERG EBOOK A TALE ***\n\nThe licence.\n");
    let doc = quire::document::Document::from_text(&text, "tale.txt");
    let opened = run(doc.clone(), SIZE, "");
    let pages = opened.app.model().pages().page_count();
    let first = opened.app.model().top_line();
    let back = run(doc, SIZE, "Gg");
    let model = back.app.model();
    assert!(!model.leftovers_open());
    assert_eq!(model.pages().page_count(), pages);
    assert_eq!(model.top_line(), first);
    assert_eq!(shown(&back), shown(&opened));
}

/// At the end of a book whose last page would hold only the fold line of its back matter, `G`
/// shows the last screen of text with that fold under it. The status says the last page
/// there, as its share read says 100 %, not the page before.
#[test]
fn the_end_of_a_book_is_on_its_last_page_even_when_that_page_is_a_fold() {
    let mut text = String::from("*** START OF THE PROJECT GUTENBERG EBOOK A TALE ***\n\n");
    for i in 0..40 {
        text.push_str(&format!(
            "Paragraph {i} of the tale: the ship sailed on, and the sea was calm that night.\n\n"
        ));
    }
    text.push_str("*** END OF THE PROJECT GUTENBERG EBOOK A TALE ***\n\nThe licence.\n");
    let doc = quire::document::Document::from_text(&text, "tale.txt");
    let mut seen_fold_page = false;
    for height in 6..40 {
        let session = run(doc.clone(), (60, height), "G");
        let model = session.app.model();
        let total = model.pages().page_count();
        let last_start = *model.pages().page_starts().last().unwrap();
        let only_fold = model
            .pages()
            .lines_from(last_start)
            .all(|l| matches!(l.kind, LineKind::Fold { .. }) || l.kind.is_gap());
        seen_fold_page |= only_fold;
        let status = session.status();
        assert!(
            status.contains(&format!("page {total}/{total}")) && status.contains("100%"),
            "height {height}: {status}"
        );
    }
    assert!(seen_fold_page, "no height gave a last page of only a fold");
}
