//! Search, go-to and the jump history on the real event loop: a key script, then what the
//! screen shows (highlighted cells, the status or prompt line, the page on screen).

use crate::common::{Session, bundled, run};
use quire::document::Document;
use ratatui::style::Modifier;

const SIZE: (u16, u16) = (80, 24);

fn after(keys: &str) -> Session {
    run(bundled(), SIZE, keys)
}

/// The text of highlighted cells on each row of the reading column (colour is off in these
/// sessions, so a hit is underlined and the current hit reversed), as (row, text) pairs.
fn highlighted(session: &Session) -> Vec<(u16, String)> {
    let g = session.app.model().geometry();
    let buffer = session.terminal.backend().buffer();
    let mut rows = Vec::new();
    for y in g.column.y..g.column.y + g.column.height {
        let mut text = String::new();
        for x in g.column.x..g.column.x + g.column.width {
            let cell = &buffer[(x, y)];
            let m = cell.modifier;
            if m.contains(Modifier::UNDERLINED) || m.contains(Modifier::REVERSED) {
                text.push_str(cell.symbol());
            }
        }
        if !text.is_empty() {
            rows.push((y, text));
        }
    }
    rows
}

fn count_in_doc(doc: &Document, needle: &str) -> usize {
    doc.blocks
        .iter()
        .map(|b| b.text.to_lowercase().matches(needle).count())
        .sum()
}

#[test]
fn slash_search_enter_then_n_counts_matches_on_the_status_line() {
    let total = count_in_doc(&bundled(), "trust");
    assert!(total >= 3, "the bundled article mentions trust");
    let s = after("/trust<Enter>");
    assert!(s.app.model().prompt().is_none());
    assert!(
        s.status().contains(&format!("match 1 of {total}")),
        "{}",
        s.status()
    );
    let hits = highlighted(&s);
    assert!(!hits.is_empty(), "hits are highlighted");
    assert!(
        hits.iter().all(|(_, t)| t
            .to_lowercase()
            .replace(' ', "")
            .chars()
            .all(|c| "trust".contains(c))),
        "{hits:?}"
    );
    let s = after("/trust<Enter>n");
    assert!(
        s.status().contains(&format!("match 2 of {total}")),
        "{}",
        s.status()
    );
}

#[test]
fn typing_highlights_and_moves_before_enter() {
    let s = after("/mutual tru");
    let prompt = s.status();
    assert!(prompt.starts_with("/mutual tru"), "{prompt}");
    assert!(prompt.contains("match 1 of"), "{prompt}");
    let first = s.app.model().search().active.as_ref().unwrap().matches()[0];
    let shown: String = highlighted(&s)
        .into_iter()
        .map(|(_, t)| t)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(shown.contains("mutual"), "{shown}");
    // The page on screen is the one that has the first hit.
    assert_eq!(
        s.app.model().current_page(),
        s.app.model().pages().page_of(first.anchor())
    );
}

#[test]
fn esc_returns_to_where_the_search_began() {
    let start = after("<Space>");
    let s = after("<Space>/security<Esc>");
    assert_eq!(s.app.model().anchor(), start.app.model().anchor());
    assert!(s.app.model().prompt().is_none());
    assert!(
        highlighted(&s).is_empty(),
        "a cancelled search leaves no highlights"
    );
    // Esc also brings back the search that was active before the prompt opened.
    let s = after("/trust<Enter>/secu<Esc>n");
    assert!(s.status().contains("match 2 of"), "{}", s.status());
}

#[test]
fn n_wraps_around_with_a_notice() {
    let total = count_in_doc(&bundled(), "trust");
    let s = after("/trust<Enter>N");
    assert!(
        s.status().contains("wrapped to the bottom"),
        "{}",
        s.status()
    );
    assert!(
        s.status().contains(&format!("match {total} of {total}")),
        "{}",
        s.status()
    );
    let forward = "n".repeat(total);
    let s = after(&format!("/trust<Enter>{forward}"));
    assert!(s.status().contains("wrapped to the top"), "{}", s.status());
    assert!(
        s.status().contains(&format!("match 1 of {total}")),
        "{}",
        s.status()
    );
}

/// A document where one phrase is split by wrapping (at the 58-column reading width of an
/// 80-column terminal with the sidebar) and another by a page boundary.
fn wrapping_doc() -> Document {
    let filler = "word ".repeat(9); // 45 columns
    let mut text = String::from("Wrapped phrases\n\n");
    text.push_str(&format!("{filler}alpha bravo charlie delta echo.\n\n"));
    // Paragraphs of varying length and padding put the phrase at many places on the page.
    for n in 0..60 {
        let pad = "z".repeat(n % 13);
        let words = "word ".repeat(9 + 12 * (n % 3));
        text.push_str(&format!("P{n} {pad} {words}golden ratio here.\n\n"));
    }
    Document::from_text(&text, "wrapping.txt")
}

#[test]
fn a_phrase_split_by_wrapping_is_found_and_highlighted_on_both_lines() {
    let s = run(wrapping_doc(), SIZE, "/bravo charlie delta<Enter>");
    let hits = highlighted(&s);
    assert_eq!(hits.len(), 2, "{hits:?}");
    assert_eq!(hits[1].0, hits[0].0 + 1, "on consecutive rows");
    let joined = format!("{} {}", hits[0].1.trim(), hits[1].1.trim());
    assert_eq!(joined, "bravo charlie delta");
}

/// The terminal height and hit index where a hit of "golden ratio" starts on the last row of
/// a page and ends on the first row of the next.
/// A screen height at which a hit is split across two pages, and the page it starts on.
fn split_across_pages(doc: &Document) -> Option<(u16, usize)> {
    (12..40).find_map(|height| {
        let session = run(doc.clone(), (80, height), "/golden ratio<Enter>");
        let model = session.app.model();
        let pages = &model.pages();
        let search = model.search().active.as_ref()?;
        search.matches().iter().find_map(|m| {
            let first = pages.line_of(m.anchor());
            let last = pages.line_of(quire::document::Anchor::new(m.block, m.end - 1));
            let split = last == first + 1 && pages.page_of_line(first) != pages.page_of_line(last);
            split.then(|| (height, pages.page_of_line(first)))
        })
    })
}

#[test]
fn a_hit_across_a_page_boundary_shows_on_both_pages() {
    let doc = wrapping_doc();
    let Some((height, page)) = split_across_pages(&doc) else {
        panic!("the fixture must put a hit across a page boundary at some height");
    };
    let size = (80, height);
    // The hits highlighted, then the page where one of them starts on its last line.
    let keys = format!("/golden ratio<Enter>:{}<Enter>", page + 1);
    let s = run(doc.clone(), size, &keys);
    let hits = highlighted(&s);
    let bottom = s.app.model().geometry().column.height - 1;
    let last_row = hits
        .iter()
        .find(|(y, _)| *y == bottom)
        .map(|(_, t)| t.trim().to_string());
    assert_eq!(last_row.as_deref(), Some("golden"), "{hits:?}");
    let s = run(doc, size, &format!("{keys}<Space>"));
    let hits = highlighted(&s);
    assert_eq!(
        hits.first().map(|(y, t)| (*y, t.trim())),
        Some((0, "ratio")),
        "{hits:?}"
    );
}

#[test]
fn a_bad_regex_is_said_inline_and_enter_closes_the_prompt_saying_why() {
    // While typing, the prompt says what is wrong.
    let s = after("/\\wh(at");
    assert!(s.status().contains("bad regex"), "{}", s.status());
    // Enter closes it with the reason on the status line, as vim does: the next key is a key.
    let s = after("/\\wh(at<Enter>");
    assert!(s.app.model().prompt().is_none());
    assert!(s.status().contains("bad regex"), "{}", s.status());
    assert_eq!(
        after("/\\wh(at<Enter><Space>").app.model().current_page(),
        1
    );
    let s = after("/\\wh(at<Esc>");
    assert!(s.app.model().prompt().is_none());
    // Ctrl-r makes the query a regex without the backslash.
    let s = after("/<C-r>tr.st<Enter>");
    assert!(s.status().contains("match 1 of"), "{}", s.status());
}

#[test]
fn colon_goes_to_pages_percentages_and_paragraphs() {
    assert_eq!(after(":3<Enter>").app.model().current_page(), 2);
    let s = after(":100%<Enter>");
    assert_eq!(
        s.app.model().current_page() + 1,
        s.app.model().pages().page_count()
    );
    let s = after(":¶3<Enter>");
    assert_eq!(s.app.model().paragraph_position().0, 3);
    let s = after(":p2<Enter>");
    assert_eq!(s.app.model().paragraph_position().0, 2);
    let s = after(":/network<Enter>");
    assert!(s.status().contains("match 1 of"), "{}", s.status());
}

#[test]
fn bad_colon_commands_say_why_and_close_the_prompt() {
    let s = after(":bogus<Enter>");
    assert!(s.status().contains("not a go-to command"), "{}", s.status());
    assert!(s.app.model().prompt().is_none());
    // What comes next is a new command, not more of the bad one.
    let s = after(":9999<Enter>:2<Enter>");
    assert_eq!(s.app.model().current_page(), 1);
    assert!(!s.status().contains("9999"), "{}", s.status());
    // Backspace on an empty prompt closes it.
    let s = after(":<BS>");
    assert!(s.app.model().prompt().is_none());
    let s = after("/ab<BS><BS><BS>j");
    assert!(s.app.model().prompt().is_none());
    assert!(s.app.model().top_line() > 0);
    let s = after(":999<Enter>");
    assert!(s.status().contains("past the end"), "{}", s.status());
    assert_eq!(s.app.model().current_page(), 0);
    let s = after(":¶999<Enter>");
    assert!(s.status().contains("no paragraph 999"), "{}", s.status());
    // Editing clears the complaint; Esc closes without moving.
    let s = after(":333<BS><BS><Enter>");
    assert_eq!(s.app.model().current_page(), 2);
    let s = after(":bogus<Esc>");
    assert!(s.app.model().prompt().is_none());
    assert_eq!(s.app.model().current_page(), 0);
}

#[test]
fn a_count_before_g_goes_to_that_page() {
    assert_eq!(after("3G").app.model().current_page(), 2);
    let s = after("99G");
    assert_eq!(
        s.app.model().current_page() + 1,
        s.app.model().pages().page_count()
    );
    assert!(s.status().contains("only"), "{}", s.status());
    // Without a count G still goes to the end, and a count is not kept for later keys.
    let end = after("G").app.model().current_page();
    assert_eq!(after("2jG").app.model().current_page(), end);
}

#[test]
fn jump_history_goes_back_and_forward_across_kinds_of_jump() {
    let start = after("").app.model().anchor();
    let page3 = after(":3<Enter>").app.model().anchor();
    let section = after(":3<Enter>]").app.model().anchor();
    assert_ne!(page3, section);
    let s = after(":3<Enter>]<C-o>");
    assert_eq!(s.app.model().anchor(), page3);
    let s = after(":3<Enter>]<C-o><C-o>");
    assert_eq!(s.app.model().anchor(), start);
    let s = after(":3<Enter>]<C-o><C-o><C-n>");
    assert_eq!(s.app.model().anchor(), page3);
    let s = after(":3<Enter>]<C-o><C-o><C-n><C-n>");
    assert_eq!(s.app.model().anchor(), section);
    let s = after(":3<Enter>]<C-o><C-o><C-n><C-n><C-n>");
    assert!(s.status().contains("no later place"), "{}", s.status());
    // Outline jumps and searches are jumps too; '' swaps with the place before.
    let s = after("<Tab>jjj<Enter>''");
    assert_eq!(s.app.model().anchor(), start);
    let outline_place = after("<Tab>jjj<Enter>").app.model().anchor();
    assert_eq!(
        after("<Tab>jjj<Enter>''''").app.model().anchor(),
        outline_place
    );
    let s = after("G/trust<Enter><C-o>");
    assert_eq!(s.app.model().anchor(), after("G").app.model().anchor());
    // Scrolling is not a jump.
    assert!(after("jj<C-o>").status().contains("no earlier place"));
}

#[test]
fn results_sidebar_lists_hits_by_entry_and_jumps() {
    let s = after("/trust<Enter>r");
    let screen = s.screen();
    assert!(screen.contains("Results 6"), "{screen}");
    assert!(s.app.model().search().results_view);
    let rows = s.app.model().search().rows.clone();
    let last_hit = rows
        .iter()
        .rposition(|r| matches!(r, quire::reader::search::ResultRow::Hit(_)))
        .unwrap();
    let total = s
        .app
        .model()
        .search()
        .active
        .as_ref()
        .unwrap()
        .matches()
        .len();
    let s = after("/trust<Enter>rG<Enter>");
    assert_eq!(s.app.model().search().results_cursor, last_hit);
    assert!(
        s.status().contains(&format!("match {total} of {total}")),
        "{}",
        s.status()
    );
    // r again goes back to the outline.
    let s = after("/trust<Enter>rr");
    assert!(!s.app.model().search().results_view);
    assert!(after("r").status().contains("no search results"));
}

#[test]
fn cjk_hits_cover_both_cells_of_each_character() {
    let text = "西遊記\n\n話說那孫行者與豬八戒同行。行者笑道：「好！」\n\n沙僧見了行者，也笑了。\n";
    let doc = Document::from_text(text, "cjk.txt");
    let s = run(doc, SIZE, "/行者<Enter>");
    let hits = highlighted(&s);
    let all: String = hits.iter().map(|(_, t)| t.as_str()).collect();
    // Each wide character fills two cells; the second cell is blank to ratatui.
    assert_eq!(all.replace(' ', ""), "行者行者行者", "{hits:?}");
    assert!(s.status().contains("match 1 of 3"), "{}", s.status());
}

#[test]
fn a_hit_in_a_right_to_left_line_is_highlighted_where_its_letters_are_drawn() {
    let text = "Notes\n\nשלום עולם יפה מאוד וטוב לכולם\n\nThe end of the notes.\n";
    let s = run(Document::from_text(text, "rtl.txt"), SIZE, "/עולם<Enter>");
    let hits = highlighted(&s);
    assert_eq!(hits.len(), 1, "{hits:?}");
    // Drawn right to left, the word's letters read backwards across the screen.
    let on_screen: String = hits[0].1.chars().rev().collect();
    assert_eq!(on_screen, "עולם", "{hits:?}");
}

/// Sixty paragraphs of several lines each; `needle{n}` sits in the middle of paragraph n.
fn haystack() -> Document {
    let text: String = (1..=60)
        .map(|n| {
            format!(
                "Paragraph {n} begins with words that fill a line or two of the page before \
                 anything happens in it, and then, in the middle, needle{n} appears, after \
                 which the paragraph goes on for a while longer so that it wraps over \
                 several lines on an eighty-column screen.\n\n"
            )
        })
        .collect();
    Document::from_text(&text, "haystack.txt")
}

/// The row of the reading area whose text contains `needle`, and the number of rows.
fn row_of(session: &Session, needle: &str) -> Option<(usize, usize)> {
    let rows = session.text_rows();
    rows.iter()
        .position(|r| r.contains(needle))
        .map(|row| (row, rows.len()))
}

#[test]
fn a_search_hit_lands_in_the_top_third_of_the_page_and_is_marked_for_a_moment() {
    // (Near the end the last page cannot scroll further, so a hit there shows where it is.)
    for n in [7, 23, 41, 52] {
        let needle = format!("needle{n}");
        for keys in [format!("/{needle}<Enter>"), format!(":/{needle}<Enter>")] {
            let s = crate::common::run(haystack(), SIZE, &keys);
            let (row, rows) = row_of(&s, &needle).expect("the hit is on screen");
            assert!(row < rows / 3 + 1, "{keys}: row {row} of {rows}");
            // The line it landed on is marked in the margin (right of the sidebar's rule)…
            let screen = s.screen();
            let pane = |line: &str| {
                line.split_once('│')
                    .map_or(line.to_string(), |(_, r)| r.to_string())
            };
            let marked = pane(screen.lines().nth(row).unwrap_or(""));
            assert!(marked.contains('▸') && marked.contains(&needle), "{screen}");
        }
    }
    // …until the reader is still a moment.
    let mut inbox = quire::app::ScriptedInbox::keys("/needle41<Enter>").unwrap();
    inbox.idle();
    let s = crate::common::run_inbox(haystack(), SIZE, inbox);
    assert!(s.app.model().flash().is_none());
    let (row, _) = row_of(&s, "needle41").expect("the hit is on screen");
    let line = s.screen().lines().nth(row).unwrap_or("").to_string();
    let pane = line
        .split_once('│')
        .map_or(line.clone(), |(_, r)| r.to_string());
    assert!(!pane.contains('▸'), "{line}");
}

#[test]
fn an_outline_jump_puts_the_paragraph_first_on_the_page() {
    // The sidebar lists paragraphs; the tenth entry's paragraph starts the page after Enter.
    let s = crate::common::run(haystack(), (100, 30), "<Tab>jjjjjjjjj<Enter>");
    let top = s.text_rows()[0].clone();
    assert!(top.starts_with("Paragraph "), "{top}");
    assert!(s.app.model().flash().is_some());
}

#[test]
fn the_results_list_follows_n_and_marks_the_hit_gone_to() {
    let cursor = |keys: &str| after(keys).app.model().search().results_cursor;
    // `n` in the text moves the list's cursor to the hit it went to.
    let first = cursor("/trust<Enter>r<Esc>");
    let second = cursor("/trust<Enter>r<Esc>n");
    assert!(second > first, "{first} → {second}");
    // Unfocused, the list marks that hit's row as the outline marks the entry on screen.
    let s = after("/trust<Enter>r<Esc>n");
    let rows = s.screen();
    let marked: Vec<&str> = rows.lines().filter(|l| l.starts_with('▌')).collect();
    assert_eq!(marked.len(), 1, "{rows}");
    assert!(rows.contains("Results 6"), "{rows}");
    // Snippets start at a word.
    for line in rows
        .lines()
        .filter(|l| l.starts_with("▌  ") || l.starts_with("   "))
    {
        let snippet = line
            .split('│')
            .next()
            .unwrap_or("")
            .trim_start_matches('▌')
            .trim();
        assert!(
            snippet.is_empty()
                || snippet.starts_with('…')
                || snippet.starts_with(char::is_uppercase),
            "{snippet:?}"
        );
    }
}
