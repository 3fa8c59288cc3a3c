//! Chinese and Japanese texts as their readers expect them, end to end: the binary printing an
//! Aozora Bunko text with its ruby in parentheses or hidden (`--ruby`, `reading.ruby` in the
//! settings, checked by `--check-config`), and the reader paging over a page break, with the
//! text after it starting its page and the keys that scroll crossing the blank rest of the
//! page before it. Each fixture is a few lines written for its test.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use quire::document::{Anchor, Document};
use quire::layout::LineKind;

use crate::common::{model, press};

/// A few lines of a story in Aozora Bunko's notation: ruby, a heading, a page break, notes.
const STORY: &str = "門の話\n作者\n\n［＃５字下げ］一［＃「一」は中見出し］\n　ある日の暮方《くれがた》の事である。一人の下人《げにん》が、羅生門《らしょうもん》の下で雨やみを待っていた。\n［＃改ページ］\n［＃５字下げ］二［＃「二」は中見出し］\n　広い門の下には、この男のほかに誰《たれ》もいない。\n";

fn quire(args: &[&str], config: Option<&Path>) -> Output {
    let data = tempfile::tempdir().unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_quire"));
    command
        .args(args)
        .stdin(Stdio::null())
        .env("QUIRE_DATA_DIR", data.path())
        .env_remove("QUIRE_CONFIG");
    if let Some(config) = config {
        command.env("QUIRE_CONFIG", config);
    }
    command.output().unwrap()
}

fn stdout(out: &Output) -> String {
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn ruby_prints_in_parentheses_unless_the_command_line_or_the_settings_hide_it() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("story.txt");
    std::fs::write(&story, STORY).unwrap();
    let story = story.to_str().unwrap();
    let shown = stdout(&quire(&["--print", story], None));
    assert!(shown.contains("暮方(くれがた)の事"), "{shown}");
    assert!(!shown.contains('《') && !shown.contains('＃'), "{shown}");
    let hidden = stdout(&quire(&["--print", "--ruby", "hidden", story], None));
    assert!(
        hidden.contains("ある日の暮方の事である。一人の下人が、羅生門の下で"),
        "{hidden}"
    );
    assert!(!hidden.contains('(') && !hidden.contains('《'), "{hidden}");
    // The settings file can hide it; the command line wins over the file.
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[reading]\nruby = \"hidden\"\n").unwrap();
    assert_eq!(stdout(&quire(&["--print", story], Some(&config))), hidden);
    let flag = quire(&["--print", "--ruby", "parentheses", story], Some(&config));
    assert_eq!(stdout(&flag), shown);
    // Hidden or not, the words of the text are the same words.
    let base = |text: &str| -> String {
        let mut out = String::new();
        let mut reading = false;
        for c in text.chars() {
            match c {
                '(' => reading = true,
                ')' => reading = false,
                c if !reading && !c.is_whitespace() => out.push(c),
                _ => {}
            }
        }
        out
    };
    assert_eq!(base(&shown), base(&hidden));
}

#[test]
fn a_wrong_ruby_setting_is_said_and_a_wrong_flag_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[reading]\nruby = \"furigana\"\n").unwrap();
    let out = quire(&["--check-config"], Some(&config));
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("config.toml:2: reading.ruby: expected \"parentheses\" or \"hidden\""),
        "{said}"
    );
    let out = quire(&["--print", "--ruby", "furigana", "-"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("parentheses or hidden"));
    // The generated settings say what the setting does, and read back clean.
    let generated = stdout(&quire(&["--generate", "config"], None));
    let at = generated
        .find("\nruby = \"parentheses\"\n")
        .expect("the ruby setting");
    assert!(
        generated[..at].ends_with("--ruby overrides this."),
        "{generated}"
    );
}

#[test]
fn paging_over_a_page_break_starts_the_text_after_it_on_a_new_page() {
    let doc = Document::from_text(STORY, "story.txt");
    let after = doc
        .blocks
        .iter()
        .position(|b| b.placement.new_page)
        .expect("a block after the break");
    assert_eq!(doc.blocks[after].text, "二");
    let mut reader = model(doc, (40, 12));
    let pages = reader.pages();
    let break_row = pages
        .lines_from(0)
        .position(|l| l.kind == LineKind::PageBreak)
        .expect("the break's row");
    let first_of_after = pages.first_line_of_block(after).unwrap();
    assert!(pages.page_starts().contains(&first_of_after));
    assert!(break_row < first_of_after);
    // Space goes to the page the break starts.
    for _ in 0..4 {
        if reader.anchor().block >= after {
            break;
        }
        press(&mut reader, "<Space>");
    }
    assert_eq!(reader.anchor(), Anchor::new(after, 0));
    // One line up crosses the blank rows and the break to the last text before them.
    let last_before = (0..break_row)
        .rev()
        .find(|&row| {
            reader
                .pages()
                .line(row)
                .is_some_and(|l| l.kind == LineKind::Text)
        })
        .unwrap();
    press(&mut reader, "k");
    assert_eq!(reader.top_line(), last_before);
    assert!(reader.anchor().block < after, "{:?}", reader.anchor());
    // And one line down from there crosses them again to the text after the break.
    press(&mut reader, "j");
    assert_eq!(reader.anchor(), Anchor::new(after, 0));
}

/// Two chapters of a Chinese novel, each under a title longer than a sidebar row, each longer
/// than a screen.
fn chapters() -> Document {
    let mut text = String::from("西遊記\n\n");
    for (title, line) in [
        (
            "第一○回　老龍王拙計犯天條　魏丞相遺書託冥吏",
            "　　卻說那長安城外涇河岸邊，有兩個賢人：一個是漁翁，名喚張稍；一個是樵子，名喚李定。",
        ),
        (
            "第一一回　遊地府太宗還魂　進瓜果劉全續配",
            "　　百歲光陰似水流，一生事業等浮漚。昨朝面上桃花色，今日頭邊雪片浮。",
        ),
    ] {
        text.push_str(&format!("{title}\n\n"));
        for _ in 0..12 {
            text.push_str(line);
            text.push('\n');
        }
        text.push('\n');
    }
    Document::from_text(&text, "xiyouji.txt")
}

#[test]
fn a_chinese_chapter_title_takes_two_sidebar_rows_whole_and_clicks_find_the_entries() {
    let doc = chapters();
    let session = crate::common::run(doc.clone(), (120, 24), "");
    let rows: Vec<String> = session
        .screen()
        .lines()
        .map(|l| l.chars().take(30).collect::<String>())
        .collect();
    let first = rows
        .iter()
        .position(|r| r.contains("第一○回"))
        .unwrap_or_else(|| panic!("{rows:#?}"));
    assert!(
        rows[first].contains("第一○回 老龍王拙計犯天條"),
        "{rows:#?}"
    );
    assert!(rows[first + 1].contains("魏丞相遺書託冥吏"), "{rows:#?}");
    assert!(!rows.iter().any(|r| r.contains('…')), "{rows:#?}");
    // A click on the title's second row is a click on the title; the row under it is the
    // entry after it.
    let outline = quire::outline::Outline::build(&doc);
    let entry_of = |label: &str| {
        outline
            .entries
            .iter()
            .position(|e| e.label.starts_with(label))
            .unwrap()
    };
    let heading = entry_of("第一○回");
    let clicked = |row: usize| {
        let mut events = quire::app::ScriptedInbox::default();
        events.then(quire::reader::Msg::Input(quire::reader::Input::Click {
            column: 6,
            row: row as u16,
        }));
        let session = crate::common::run_inbox(doc.clone(), (120, 24), events);
        session.app.model().anchor().block
    };
    assert_eq!(clicked(first + 1), outline.entries[heading].first_block);
    assert_eq!(clicked(first + 2), outline.entries[heading + 1].first_block);
    assert_ne!(
        outline.entries[heading].first_block,
        outline.entries[heading + 1].first_block
    );
}
