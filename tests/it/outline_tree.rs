//! The outline as a tree in the sidebar: a book opens folded to its chapters, branches fold and
//! unfold from the keyboard and the mouse, and the entry being read always has a row.

use crate::common::{Session, run, run_inbox};
use quire::app::ScriptedInbox;
use quire::document::Document;
use quire::reader::folds::FOLD_OVER;
use quire::reader::{Input, Msg};

const SIZE: (u16, u16) = (100, 30);
const CHAPTERS: usize = 12;
const PARAGRAPHS: usize = 6;

/// A book of numbered chapters, each a few distinct paragraphs: more entries than open
/// unfolded.
fn book() -> Document {
    let mut text = String::from("The Book of Harbours\n\n");
    let places = [
        "Lisbon",
        "Valparaiso",
        "Nantucket",
        "Bergen",
        "Zanzibar",
        "Manila",
        "Hobart",
        "Recife",
        "Tromso",
        "Cadiz",
        "Batavia",
        "Galway",
    ];
    for (chapter, place) in places.iter().enumerate().take(CHAPTERS) {
        text.push_str(&format!("CHAPTER {}. {place}\n\n", chapter + 1));
        for paragraph in 1..=PARAGRAPHS {
            text.push_str(&format!(
                "In {place} the ship took on water casks and rope, paragraph {paragraph} of the \
                 chapter; the mate counted the barrels twice and wrote the number down.\n\n"
            ));
        }
    }
    Document::from_text(&text, "harbours.txt")
}

/// The sidebar's rows (the columns left of its rule), trimmed.
fn sidebar(session: &Session) -> Vec<String> {
    let g = session.app.model().geometry();
    let area = g.sidebar.expect("the sidebar shows at this size");
    session
        .screen()
        .lines()
        .skip(area.y as usize + 1)
        .take(area.height.saturating_sub(1) as usize)
        .map(|line| {
            line.chars()
                .take(area.width.saturating_sub(1) as usize)
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect()
}

#[test]
fn a_book_opens_folded_to_its_chapters() {
    let doc = book();
    let session = run(doc, SIZE, "");
    let outline = &session.app.model().outline();
    assert!(outline.entries.len() > FOLD_OVER);
    let rows = sidebar(&session);
    let chapters: Vec<&String> = rows.iter().filter(|r| r.contains("▸ ")).collect();
    assert_eq!(chapters.len(), CHAPTERS.min(rows.len() - 1), "{rows:#?}");
    for (n, row) in chapters.iter().enumerate() {
        assert!(row.contains(&format!("▸ {}. ", n + 1)), "{rows:#?}");
    }
    assert!(
        !rows.iter().any(|r| r.contains("Lisbon the ship")),
        "{rows:#?}"
    );
}

#[test]
fn l_unfolds_a_chapter_and_enter_on_a_paragraph_jumps_there() {
    // Focus the outline (on the title, where the reader is), go down to chapter 3, unfold it,
    // step into its paragraphs and jump to the second.
    let session = run(book(), SIZE, "<Tab>jjjllj<Enter>");
    let rows = sidebar(&session);
    assert!(
        rows.iter().any(|r| r.contains("▾ 3. Nantucket")),
        "{rows:#?}"
    );
    let model = session.app.model();
    let here = model
        .outline()
        .entry_for_block(model.anchor().block)
        .unwrap();
    let entry = &model.outline().entries[here];
    let chapter = entry
        .parent
        .map(|p| model.outline().entries[p].text.clone());
    assert_eq!(chapter.as_deref(), Some("CHAPTER 3. Nantucket"));
    assert!(
        model.doc().blocks[model.anchor().block]
            .text
            .contains("paragraph 2 of"),
        "{}",
        model.doc().blocks[model.anchor().block].text
    );
}

#[test]
fn h_climbs_to_the_chapter_then_folds_it_then_leaves() {
    let unfolded = run(book(), SIZE, "<Tab>jljj");
    let model = unfolded.app.model();
    assert!(model.folds().parent(model.outline_cursor()).is_some());
    let climbed = run(book(), SIZE, "<Tab>jljjh");
    let chapter = climbed.app.model().outline_cursor();
    assert_eq!(climbed.app.model().folds().parent(chapter), None);
    assert!(!climbed.app.model().folds().is_folded(chapter));
    let folded = run(book(), SIZE, "<Tab>jljjhh");
    assert!(folded.app.model().folds().is_folded(chapter));
    let left = run(book(), SIZE, "<Tab>jljjhhh");
    assert_eq!(left.app.model().focus(), quire::reader::Focus::Reader);
}

#[test]
fn zr_unfolds_everything_and_zm_folds_it_again() {
    let open = run(book(), SIZE, "<Tab>zR");
    assert_eq!(
        open.app.model().folds().shown().len(),
        open.app.model().outline().entries.len()
    );
    let closed = run(book(), SIZE, "<Tab>zRjjjjzM");
    let model = closed.app.model();
    assert_eq!(model.folds().shown().len(), 1 + CHAPTERS + leftovers(model));
    // The cursor was on a paragraph; it is now on the chapter that holds it.
    assert!(model.folds().row_of(model.outline_cursor()).is_some());
}

fn leftovers(model: &quire::reader::Model) -> usize {
    model
        .outline()
        .entries
        .iter()
        .filter(|e| e.parent.is_none() && e.kind.name() == "leftovers")
        .count()
}

#[test]
fn space_on_a_paragraph_folds_the_chapter_it_is_in() {
    let session = run(book(), SIZE, "<Tab>jljj<Space>");
    let model = session.app.model();
    let cursor = model.outline_cursor();
    assert!(model.folds().is_folded(cursor));
    assert_eq!(model.outline().entries[cursor].text, "CHAPTER 1. Lisbon");
}

#[test]
fn reading_inside_a_folded_chapter_marks_the_chapter_row() {
    // Three pages in, the reader is inside a folded chapter: its row is the one marked.
    let session = run(book(), SIZE, "<Space><Space><Space>");
    let model = session.app.model();
    let row = model.folds().row_for(model.sidebar_cursor());
    let entry = model.folds().shown()[row];
    assert!(model.folds().is_folded(entry));
    let rows = sidebar(&session);
    let marked: Vec<&String> = rows.iter().filter(|r| r.starts_with('▌')).collect();
    assert!(!marked.is_empty(), "{rows:#?}");
    assert!(marked.iter().all(|r| r.contains("▸ ")), "{rows:#?}");
}

#[test]
fn a_click_on_the_marker_unfolds_and_a_click_on_the_label_jumps() {
    let doc = book();
    let probe = run(doc.clone(), SIZE, "");
    let area = probe.app.model().geometry().sidebar.unwrap();
    let rows = sidebar(&probe);
    let chapter_two = rows
        .iter()
        .position(|r| r.contains("2. Valparaiso"))
        .unwrap();
    let row = area.y + 1 + chapter_two as u16;
    let marker_column = area.x
        + rows[chapter_two]
            .chars()
            .position(|c| c == '▸')
            .expect("a folded chapter shows its marker") as u16;

    let mut events = ScriptedInbox::default();
    events.then(Msg::Input(Input::Click {
        column: marker_column,
        row,
    }));
    let unfolded = run_inbox(doc.clone(), SIZE, events);
    let rows = sidebar(&unfolded);
    assert!(
        rows.iter().any(|r| r.contains("▾ 2. Valparaiso")),
        "{rows:#?}"
    );
    assert_eq!(
        unfolded.app.model().anchor().block,
        0,
        "a marker click does not jump"
    );

    let mut events = ScriptedInbox::default();
    events.then(Msg::Input(Input::Click {
        column: marker_column + 6,
        row,
    }));
    let jumped = run_inbox(doc, SIZE, events);
    let model = jumped.app.model();
    assert_eq!(
        model.doc().blocks[model.anchor().block].text,
        "CHAPTER 2. Valparaiso"
    );
}

#[test]
fn the_folded_sidebar_of_a_book() {
    let session = run(book(), SIZE, "<Tab>jjl");
    insta::assert_snapshot!(session.screen());
}

#[test]
fn the_sidebar_shows_chapter_titles_not_the_word_chapter() {
    let session = run(book(), (72, 20), "");
    let rows = sidebar(&session);
    assert!(
        rows.iter().any(|r| r.contains("▸ 2. Valparaiso")),
        "{rows:#?}"
    );
    assert!(!rows.iter().any(|r| r.contains("CHAPTER")), "{rows:#?}");
}

/// A declaration whose articles' headings open alike and run past the sidebar's width.
fn declaration() -> Document {
    let mut text = String::from("Tangazo la Haki\n\n");
    for n in 1..=9 {
        text.push_str(&format!(
            "Kanuni ya tangazo la haki {n}.\n\nKila mtu ana haki ya kuishi, ya uhuru na ya \
             usalama wa nafsi yake, kwa mujibu wa kanuni hii.\n\n"
        ));
    }
    Document::from_text(&text, "tangazo.txt")
}

#[test]
fn headings_that_open_alike_are_told_apart_in_a_narrow_sidebar() {
    let session = run(declaration(), SIZE, "");
    let rows = sidebar(&session);
    let headings: Vec<&String> = rows.iter().filter(|r| r.contains("Kanuni")).collect();
    assert!(headings.len() >= 5, "{rows:#?}");
    // Cut to the row, each would read "Kanuni ya tangazo…": each shows its own number.
    for (n, row) in headings.iter().enumerate() {
        assert!(row.ends_with(&format!("Kanuni … {}.", n + 1)), "{rows:#?}");
    }
}
