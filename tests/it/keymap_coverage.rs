//! Every binding in `assets/keymap.toml`, pressed in a scripted session on the real loop: each
//! key sequence of each action, in each mode it is bound in, must do what its action says. The
//! table of what each action does is one exhaustive match, so a new action cannot be added
//! without saying how it is checked here.

use crate::common::{Session, run};
use crate::epub::noted_book;
use quire::document::Document;
use quire::input::key::key_name;
use quire::input::{Action, Keymap, Mode};
use quire::reader::model::Popup;
use quire::reader::{Exit, Focus, Model};

const SIZE: (u16, u16) = (100, 30);

/// A book with chapters (so sections and a folded outline tree), paragraphs of several
/// sentences, and the word "the" throughout (so searches have many hits).
fn book() -> Document {
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
    let mut text = String::from("The Book of Harbours\n\n");
    for (chapter, place) in places.iter().enumerate() {
        text.push_str(&format!("CHAPTER {}. {place}\n\n", chapter + 1));
        for paragraph in 1..=6 {
            text.push_str(&format!(
                "In {place} the ship took on water and rope. This was paragraph {paragraph} of \
                 the chapter. The mate counted the barrels twice. He wrote the number down.\n\n"
            ));
        }
    }
    Document::from_text(&text, "harbours.txt")
}

/// Keys that bring a fresh session into a mode.
fn enter(mode: Mode) -> &'static str {
    match mode {
        Mode::Reader => "",
        Mode::Outline => "<Tab>",
        Mode::Help => "?",
        Mode::Select => "v",
        Mode::Bookmarks => "m]m[B",
    }
}

/// What a binding must do: the keys that set the scene (mode entry included), and a check on
/// the session before and after the binding's keys.
struct Case {
    setup: String,
    check: fn(&Session, &Session) -> bool,
    /// The document pressed in: the book of harbours, or a book with notes and links.
    doc: fn() -> Document,
}

fn case(mode: Mode, setup: &str, check: fn(&Session, &Session) -> bool) -> Case {
    Case {
        setup: format!("{}{setup}", enter(mode)),
        check,
        doc: book,
    }
}

fn m(session: &Session) -> &Model {
    session.app.model()
}

fn top(session: &Session) -> usize {
    m(session).top_line()
}

fn bookmarks(session: &Session) -> usize {
    m(session).marks().bookmarks.len()
}

fn selection_end(session: &Session) -> Option<quire::document::Anchor> {
    m(session).marks().selection.map(|s| s.end)
}

fn column(session: &Session) -> usize {
    m(session).pages().width()
}

fn shown_rows(session: &Session) -> usize {
    m(session).folds().shown().len()
}

fn current_hit(session: &Session) -> Option<usize> {
    m(session).search().active.as_ref().and_then(|s| s.current)
}

fn quits(_: &Session, after: &Session) -> bool {
    after.exit == Exit::Quit
}

fn opens_help(_: &Session, after: &Session) -> bool {
    m(after).help().is_some()
}

/// The scene and the check for `action` bound in `mode`.
fn expectation(mode: Mode, action: Action) -> Case {
    match action {
        Action::PageDown => case(mode, "", |b, a| top(a) > top(b)),
        Action::PageUp => case(mode, "<Space><Space>", |b, a| top(a) < top(b)),
        Action::LineDown => case(mode, "", |b, a| top(a) > top(b)),
        Action::LineUp => case(mode, "jjj", |b, a| top(a) < top(b)),
        Action::HalfPageDown => case(mode, "", |b, a| top(a) > top(b)),
        Action::HalfPageUp => case(mode, "<Space><Space>", |b, a| top(a) < top(b)),
        Action::Top => case(mode, "<Space><Space>", |_, a| top(a) == 0),
        Action::Bottom => case(mode, "", |_, a| {
            m(a).current_page() + 1 == m(a).pages().page_count()
        }),
        Action::NextParagraph => case(mode, "", |b, a| m(a).anchor().block > m(b).anchor().block),
        Action::PrevParagraph => case(mode, "}}}", |b, a| {
            m(a).anchor().block < m(b).anchor().block
        }),
        Action::NextSection => case(mode, "", |b, a| top(a) > top(b)),
        Action::PrevSection => case(mode, "]]", |b, a| top(a) < top(b)),
        Action::ToggleLeftovers => case(mode, "", |b, a| {
            m(a).leftovers_open() != m(b).leftovers_open()
        }),
        Action::ToggleCodeWrap => case(mode, "", |b, a| {
            m(a).config().wrap_code != m(b).config().wrap_code
        }),
        Action::ToggleOutline => match mode {
            Mode::Outline => case(mode, "", |_, a| m(a).focus() == Focus::Reader),
            _ => case(mode, "", |_, a| m(a).focus() == Focus::Outline),
        },
        Action::WidenColumn => case(mode, "--", |b, a| column(a) > column(b)),
        Action::NarrowColumn => case(mode, "", |b, a| column(a) < column(b)),
        Action::ResetWidth => case(mode, "--", |b, a| column(a) > column(b)),
        Action::WidthOrFacts => case(mode, "--", |b, a| column(a) > column(b)),
        Action::Help => case(mode, "", opens_help),
        Action::Facts => case(mode, "", |_, a| a.screen().contains("About this document")),
        Action::Messages => case(mode, "m", |_, a| a.screen().contains("bookmarked ¶")),
        Action::OpenLibrary => case(mode, "", |_, a| m(a).library().is_some()),
        // A text with no file or page behind it (these sessions' books) says so; reading a
        // file or a page again is tested with a server and a store in `refresh`.
        Action::Refresh => case(mode, "", |_, a| a.status().contains("nothing to refresh")),
        Action::Quit => case(mode, "", quits),
        Action::Interrupt => case(mode, "", |_, a| a.exit == Exit::Interrupted),
        // Everything is drawn again: the same screen, the session going on.
        Action::Redraw => case(mode, "<Space>", |b, a| {
            a.exit == Exit::Signal(0) && a.screen() == b.screen()
        }),
        Action::OutlineDown => case(mode, "", |b, a| {
            m(a).outline_cursor() > m(b).outline_cursor()
        }),
        Action::OutlineUp => case(mode, "jj", |b, a| {
            m(a).outline_cursor() < m(b).outline_cursor()
        }),
        Action::OutlineTop => case(mode, "jj", |_, a| m(a).outline_cursor() == 0),
        Action::OutlineBottom => case(mode, "", |b, a| {
            m(a).outline_cursor() > m(b).outline_cursor()
        }),
        Action::OutlineJump => case(mode, "jj", |b, a| {
            m(a).focus() == Focus::Reader && top(a) > top(b)
        }),
        // The book opens folded to its chapters: on a chapter, opening unfolds it.
        Action::OutlineOpen => case(mode, "j", |b, a| shown_rows(a) > shown_rows(b)),
        Action::OutlineClose => case(mode, "jl", |b, a| shown_rows(a) < shown_rows(b)),
        Action::OutlineToggleFold => case(mode, "j", |b, a| shown_rows(a) != shown_rows(b)),
        Action::OutlineFoldAll => case(mode, "zR", |b, a| shown_rows(a) < shown_rows(b)),
        Action::OutlineUnfoldAll => case(mode, "", |b, a| shown_rows(a) > shown_rows(b)),
        Action::Back => match mode {
            Mode::Help => case(mode, "", |_, a| m(a).help().is_none()),
            // In the text, Esc clears the search highlights (and never quits).
            Mode::Reader => Case {
                setup: "/the<Enter>".into(),
                check: |b, a| {
                    m(b).search().active.is_some()
                        && m(a).search().active.is_none()
                        && a.exit != Exit::Quit
                },
                doc: book,
            },
            _ => case(mode, "", |_, a| m(a).focus() == Focus::Reader),
        },
        Action::HelpDown => case(mode, "", |b, a| m(a).help() > m(b).help()),
        Action::HelpUp => case(mode, "jj", |b, a| m(a).help() < m(b).help()),
        Action::HelpPageDown => case(mode, "", |b, a| {
            m(a).help().unwrap_or(0) > m(b).help().unwrap_or(0) + 1
        }),
        Action::HelpPageUp => case(mode, "GG", |b, a| {
            m(a).help().unwrap_or(0) + 1 < m(b).help().unwrap_or(0)
        }),
        Action::HelpTop => case(mode, "<Space>", |_, a| m(a).help() == Some(0)),
        Action::HelpBottom => case(mode, "", |b, a| m(a).help() > m(b).help()),
        Action::BookmarkParagraph => case(mode, "", |b, a| bookmarks(a) == bookmarks(b) + 1),
        Action::SelectPassage => case(mode, "", |_, a| m(a).marks().selection.is_some()),
        Action::NextBookmark => case(mode, "]m[", |b, a| top(a) > top(b)),
        Action::PrevBookmark => case(mode, "m]", |b, a| top(a) < top(b)),
        Action::OpenBookmarks => case(mode, "m", |_, a| m(a).marks().panel.is_some()),
        Action::SelectNextSentence => case(mode, "", |b, a| selection_end(a) > selection_end(b)),
        Action::SelectPrevSentence => case(mode, "))", |b, a| selection_end(a) < selection_end(b)),
        Action::SelectNextParagraph => case(mode, "", |b, a| selection_end(a) > selection_end(b)),
        Action::SelectPrevParagraph => {
            case(mode, "}}}", |b, a| selection_end(a) < selection_end(b))
        }
        Action::SelectSave => case(mode, "", |b, a| {
            bookmarks(a) == bookmarks(b) + 1 && m(a).marks().editing.is_some()
        }),
        Action::SelectCancel => case(mode, "", |_, a| m(a).marks().selection.is_none()),
        Action::SelectCopy => case(mode, ")", |_, a| {
            m(a).marks().selection.is_none() && a.status().contains("copied")
        }),
        Action::BookmarksDown => case(mode, "k", |b, a| m(a).marks().panel > m(b).marks().panel),
        Action::BookmarksUp => case(mode, "j", |b, a| m(a).marks().panel < m(b).marks().panel),
        // The panel opens on the first bookmark, at the top of the text; the second is further.
        Action::BookmarksJump => case(mode, "j", |b, a| {
            m(a).marks().panel.is_none() && top(a) > top(b)
        }),
        Action::BookmarksEditNote => case(mode, "", |_, a| m(a).marks().editing.is_some()),
        Action::BookmarksDelete => case(mode, "", |b, a| bookmarks(a) + 1 == bookmarks(b)),
        Action::BookmarksUndo => case(mode, "d", |b, a| bookmarks(a) == bookmarks(b) + 1),
        Action::BookmarksClose => case(mode, "", |_, a| m(a).marks().panel.is_none()),
        Action::SearchForward => case(mode, "", |_, a| m(a).prompt().is_some()),
        Action::GoToPrompt => case(mode, "", |_, a| m(a).prompt().is_some()),
        Action::SearchNext => Case {
            setup: format!("/the<Enter>{}", enter(mode)),
            check: |b, a| current_hit(a) > current_hit(b),
            doc: book,
        },
        Action::SearchPrev => Case {
            setup: format!("/the<Enter>nn{}", enter(mode)),
            check: |b, a| current_hit(a) < current_hit(b),
            doc: book,
        },
        Action::JumpBack => case(mode, "G", |b, a| top(a) < top(b)),
        Action::JumpForward => case(mode, "G<C-o>", |b, a| top(a) > top(b)),
        Action::JumpToggle => case(mode, "G", |b, a| top(a) < top(b)),
        Action::ToggleResults => Case {
            setup: format!("/the<Enter>{}", enter(mode)),
            check: |_, a| m(a).search().results_shown(),
            doc: book,
        },
        Action::ShowNote => Case {
            setup: enter(mode).into(),
            check: |_, a| matches!(m(a).popup(), Some(Popup::Note { .. })),
            doc: noted_book,
        },
        Action::FollowLink => Case {
            setup: enter(mode).into(),
            check: |b, a| top(a) > top(b),
            doc: noted_book,
        },
    }
}

/// The notation of a key sequence, as a script types it.
fn notation(keys: &[quire::input::Key]) -> String {
    keys.iter()
        .map(|key| match key_name(key).as_str() {
            "Space" => "<Space>".to_string(),
            "Enter" => "<Enter>".into(),
            "Esc" => "<Esc>".into(),
            "Tab" => "<Tab>".into(),
            "BS" => "<BS>".into(),
            "↑" => "<Up>".into(),
            "↓" => "<Down>".into(),
            "←" => "<Left>".into(),
            "→" => "<Right>".into(),
            "PgUp" => "<PageUp>".into(),
            "PgDn" => "<PageDown>".into(),
            "Home" => "<Home>".into(),
            "End" => "<End>".into(),
            "<" => "<lt>".into(),
            name if name.starts_with("Ctrl-") => format!("<C-{}>", &name[5..]),
            name => name.to_string(),
        })
        .collect()
}

#[test]
fn every_default_binding_does_what_its_action_says() {
    let keymap = Keymap::default_keymap();
    let modes = [
        Mode::Reader,
        Mode::Outline,
        Mode::Help,
        Mode::Select,
        Mode::Bookmarks,
    ];
    let mut pressed = 0;
    let mut wrong = Vec::new();
    for mode in modes {
        for (action, sequences) in keymap.bindings(mode) {
            for sequence in sequences {
                let keys = notation(sequence);
                let case = expectation(mode, *action);
                let before = run((case.doc)(), SIZE, &case.setup);
                let after = run((case.doc)(), SIZE, &format!("{}{keys}", case.setup));
                pressed += 1;
                if !(case.check)(&before, &after) {
                    wrong.push(format!(
                        "[{}] {keys} ({action:?}) after {:?}",
                        mode.title(),
                        case.setup
                    ));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "bindings that did not act:\n{}",
        wrong.join("\n")
    );
    // The whole default keymap was pressed: about a hundred sequences.
    assert!(pressed > 90, "{pressed}");
}
