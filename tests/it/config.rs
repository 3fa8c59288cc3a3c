//! Settings end to end: each built-in theme drawn on the real loop (a snapshot of the screen
//! with a map of its styles), the right-hand sidebar, the paragraph gap and bidi switches, and
//! the binary with a settings file: width and a rebound key in a tmux pane, a broken file that
//! still opens the article and says so, `--check-config`, `--generate config`, the manual page
//! and the shell completions.

use std::collections::HashMap;
use std::process::Command;

use quire::app::AppBuilder;
use quire::layout::geometry::Side;
use quire::reader::Config;
use quire::reader::palette::{Palette, ThemeName};
use ratatui::style::Style;

use crate::common::tmux::Tmux;
use crate::common::{Session, bundled, run_app};

fn themed(theme: ThemeName) -> Config {
    Config {
        theme,
        palette: Palette::builtin(theme),
        ..Config::default()
    }
}

fn session(config: Config, size: (u16, u16), script: &str) -> Session {
    let app = AppBuilder::document(bundled())
        .config(config)
        .screen(size)
        .outline_now()
        .build();
    run_app(
        app,
        size,
        quire::app::ScriptedInbox::keys(script).expect("a valid script"),
    )
}

/// The screen's text, then the same rows with one letter per cell naming its style, then what
/// each letter stands for: a whole screen's colours in a form a snapshot can hold.
fn style_map(session: &Session) -> String {
    let buffer = session.terminal.backend().buffer();
    let area = buffer.area;
    let mut letters: HashMap<Style, char> = HashMap::new();
    let mut legend = Vec::new();
    let mut rows = Vec::new();
    for y in 0..area.height {
        let mut row = String::new();
        for x in 0..area.width {
            let cell = &buffer[(x, y)];
            let style = cell.style();
            let next = char::from(b'a' + (letters.len() % 26) as u8);
            let letter = *letters.entry(style).or_insert_with(|| {
                legend.push(format!(
                    "{next}: fg {:?} bg {:?} {:?}",
                    style.fg, style.bg, style.add_modifier
                ));
                next
            });
            row.push(letter);
        }
        rows.push(row);
    }
    format!(
        "{}\n\n{}\n\n{}",
        session.screen(),
        rows.join("\n"),
        legend.join("\n")
    )
}

#[test]
fn each_built_in_theme_draws_every_role_apart() {
    for theme in [
        ThemeName::Dark,
        ThemeName::Light,
        ThemeName::Sepia,
        ThemeName::HighContrast,
        ThemeName::Mono,
    ] {
        // A bookmark on the first paragraph, then a search: the current hit and the others.
        let run = session(themed(theme), (72, 18), "}m/the<Enter>");
        let map = style_map(&run);
        insta::assert_snapshot!(format!("theme_{}", theme.name()), map);
        // The current hit, the other hits and the text are three different styles.
        let styles: std::collections::HashSet<&str> =
            map.lines().filter(|l| l.contains(": fg ")).collect();
        assert!(styles.len() >= 5, "{theme:?}: too few styles {styles:#?}");
    }
}

#[test]
fn a_sidebar_on_the_right_has_its_rule_on_its_left() {
    let config = Config {
        sidebar_side: Side::Right,
        color: false,
        ..Config::default()
    };
    let run = session(config, (90, 20), "");
    let screen = run.screen();
    let first = screen.lines().next().unwrap_or("");
    // The outline's title is at the right, after the rule; the text starts at the left.
    let rule = first.find('│').expect("a rule");
    let title = first.find("Outline").expect("the outline's title");
    assert!(rule < title, "{first}");
    assert!(
        first.chars().count() - first[..title].chars().count() < 40,
        "{first}"
    );
    insta::assert_snapshot!("sidebar_right", screen);
}

#[test]
fn no_paragraph_gap_sets_paragraphs_line_after_line() {
    let text = "A Title\n\nThe first paragraph, one line.\n\nThe second paragraph, one line.\n";
    let doc = quire::document::Document::from_text(text, "gap.txt");
    let config = |gap: u8| Config {
        paragraph_spacing: gap,
        color: false,
        sidebar: false,
        ..Config::default()
    };
    let rows = |gap: u8| {
        let app = AppBuilder::document(doc.clone())
            .config(config(gap))
            .screen((60, 10))
            .outline_now()
            .build();
        run_app(app, (60, 10), quire::app::ScriptedInbox::keys("").unwrap()).text_rows()
    };
    let row_of = |rows: &[String], needle: &str| rows.iter().position(|r| r.contains(needle));
    let tight = rows(0);
    let loose = rows(2);
    let gap = |rows: &[String]| {
        row_of(rows, "second paragraph").unwrap() - row_of(rows, "first paragraph").unwrap()
    };
    assert_eq!(gap(&tight), 1, "{tight:#?}");
    assert_eq!(gap(&loose), 3, "{loose:#?}");
}

#[test]
fn bidi_off_leaves_the_order_to_the_terminal() {
    let text = "Title\n\nשלום עולם\n";
    let doc = quire::document::Document::from_text(text, "he.txt");
    let rows = |bidi: bool| {
        let config = Config {
            bidi,
            color: false,
            sidebar: false,
            ..Config::default()
        };
        let app = AppBuilder::document(doc.clone())
            .config(config)
            .screen((40, 8))
            .outline_now()
            .build();
        run_app(app, (40, 8), quire::app::ScriptedInbox::keys("").unwrap()).screen()
    };
    // In display order the line reads from its right end; stored order is as written.
    assert!(rows(true).contains("םלוע םולש"), "{}", rows(true));
    assert!(rows(false).contains("שלום עולם"), "{}", rows(false));
}

fn quire(args: &[&str], config: Option<&std::path::Path>) -> std::process::Output {
    let data = tempfile::tempdir().unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_quire"));
    command
        .args(args)
        .env("QUIRE_DATA_DIR", data.path())
        .env_remove("QUIRE_CONFIG");
    if let Some(config) = config {
        command.env("QUIRE_CONFIG", config);
    }
    command.output().unwrap()
}

#[test]
fn the_generated_file_is_toml_with_every_setting_at_its_default() {
    let out = quire(&["--generate", "config"], None);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let table: toml::Table = text.parse().expect("valid TOML");
    assert_eq!(table["reading"]["width"].as_integer(), Some(72));
    assert_eq!(table["theme"]["name"].as_str(), Some("auto"));
    // Written to a file, it checks clean.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    std::fs::write(&file, &text).unwrap();
    let checked = quire(&["--check-config"], Some(&file));
    assert!(checked.status.success(), "{checked:?}");
}

#[test]
fn check_config_says_every_problem_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    std::fs::write(
        &file,
        "[reading]\nwidth = 5000\n[keys.reader]\njump = [\"x\"]\n[theme]\nname = \"neon\"\n",
    )
    .unwrap();
    let out = quire(&["--check-config"], Some(&file));
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = said.lines().collect();
    assert_eq!(lines.len(), 3, "{said}");
    assert!(
        lines
            .iter()
            .all(|l| l.starts_with("quire: ") && l.contains("config.toml:")),
        "{said}"
    );
    assert!(said.contains(":2: reading.width"), "{said}");
    assert!(
        said.contains(":4: keys.reader.jump: unknown action"),
        "{said}"
    );
    assert!(said.contains(":6: theme.name"), "{said}");
    // A file that is not TOML at all is one problem, with its line.
    std::fs::write(&file, "[reading\nwidth = 40\n").unwrap();
    let out = quire(&["--check-config"], Some(&file));
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("config.toml:1"));
}

#[test]
fn the_manual_page_is_roff_and_renders() {
    let out = quire(&["--generate", "man"], None);
    assert!(out.status.success());
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(
        page.starts_with(".ie") || page.contains(".TH quire"),
        "{page}"
    );
    assert!(page.contains("\\-\\-check\\-config") || page.contains("check-config"));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("quire.1");
    std::fs::write(&file, &page).unwrap();
    match Command::new("man")
        .arg("-l")
        .arg(&file)
        .env("MANPAGER", "cat")
        .output()
    {
        Ok(shown) if shown.status.success() => {
            let text = String::from_utf8_lossy(&shown.stdout);
            assert!(text.contains("quire"), "{text}");
        }
        _ => println!("skipped rendering: man is not installed"),
    }
}

#[test]
fn completions_load_in_the_shells_that_are_here() {
    for (shell, program, load) in [
        ("bash", "bash", "source \"$1\" && complete -p quire"),
        (
            "zsh",
            "zsh",
            "autoload -U compinit && compinit -u && source \"$1\"",
        ),
        ("fish", "fish", "source $argv[1]; and complete -c quire"),
    ] {
        let out = quire(&["--generate", &format!("complete-{shell}")], None);
        assert!(out.status.success(), "{shell}");
        assert!(!out.stdout.is_empty(), "{shell}");
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(format!("quire.{shell}"));
        std::fs::write(&file, &out.stdout).unwrap();
        let loaded = Command::new(program)
            .arg("-c")
            .arg(load)
            .arg(program)
            .arg(&file)
            .output();
        match loaded {
            Ok(loaded) => assert!(
                loaded.status.success(),
                "{shell}: {}",
                String::from_utf8_lossy(&loaded.stderr)
            ),
            Err(_) => {
                println!("skipped loading the {shell} completions: {program} is not installed")
            }
        }
    }
    for shell in ["elvish", "powershell"] {
        let out = quire(&["--generate", &format!("complete-{shell}")], None);
        assert!(out.status.success() && !out.stdout.is_empty(), "{shell}");
    }
}

/// Run the real binary in a tmux pane with `config` as its settings file.
fn in_tmux(name: &str, config: &str, size: (u16, u16)) -> Option<(Tmux, tempfile::TempDir)> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    std::fs::write(&file, config).unwrap();
    let command = format!(
        "QUIRE_DATA_DIR='{}' QUIRE_CONFIG='{}' '{}'",
        dir.path().display(),
        file.display(),
        env!("CARGO_BIN_EXE_quire"),
    );
    Tmux::start(name, size, &command).map(|tmux| (tmux, dir))
}

#[test]
fn a_width_of_40_and_page_down_on_x_hold_in_the_real_reader() {
    let config =
        "[reading]\nwidth = 40\n[sidebar]\nshown = false\n[keys.reader]\npage_down = [\"x\"]\n";
    let Some((tmux, _dir)) = in_tmux("width40", config, (100, 30)) else {
        return;
    };
    let first = tmux.wait_for_reader("the article", |t| t.pane().contains("page 1/"));
    let text_rows: Vec<&str> = first.lines().take(29).collect();
    let widest = text_rows
        .iter()
        .map(|r| r.trim().chars().count())
        .max()
        .unwrap_or(0);
    assert!(widest <= 40, "a line of {widest} columns:\n{first}");
    tmux.send(&["x"]);
    tmux.wait_for_reader("the second page", |t| t.pane().contains("page 2/"));
    tmux.send(&["q"]);
}

#[test]
fn a_broken_config_still_opens_the_article_and_says_config() {
    let Some((tmux, _dir)) = in_tmux("broken", "[reading\nwidth = = 3\n", (100, 30)) else {
        return;
    };
    let pane = tmux.wait_for_reader("the article and the complaint", |t| {
        let pane = t.pane();
        pane.contains("config") && pane.contains("America Should")
    });
    assert!(pane.contains("config.toml:1"), "{pane}");
    tmux.send(&["q"]);
}

#[test]
fn justified_prose_fills_the_column_and_hits_stay_on_their_words() {
    let config = Config {
        justify: true,
        color: false,
        sidebar: false,
        max_width: 50,
        ..Config::default()
    };
    let run = session(config, (60, 20), "/network<Enter>");
    let rows = run.text_rows();
    // The first paragraph's lines (after the title and a blank) all end at the column's edge,
    // but its last.
    let body: Vec<&String> = rows
        .iter()
        .skip_while(|r| !r.starts_with("During"))
        .take_while(|r| !r.trim().is_empty())
        .collect();
    assert!(body.len() >= 3, "{rows:#?}");
    let ends: Vec<usize> = body.iter().map(|r| r.trim_end().chars().count()).collect();
    let full = ends[0];
    assert!(
        ends[..ends.len() - 1].iter().all(|&e| e == full),
        "{ends:?}\n{body:#?}"
    );
    assert!(ends[ends.len() - 1] < full, "{ends:?}");
    // A word is drawn whole, with one or more spaces between words.
    assert!(
        body[0]
            .split_whitespace()
            .take(3)
            .eq(["During", "the", "G20"]),
        "{}",
        body[0]
    );

    // The search hit's cells are the word's cells, spread line or not.
    let buffer = run.terminal.backend().buffer();
    let area = buffer.area;
    for y in 0..area.height {
        let row: String = (0..area.width).map(|x| buffer[(x, y)].symbol()).collect();
        let mut from = 0;
        while let Some(found) = row[from..].find("network") {
            let start = row[..from + found].chars().count() as u16;
            for x in start..start + 7 {
                let style = buffer[(x, y)].style();
                // Without colour a hit is reversed (the current one) or bold and underlined.
                let marked = ratatui::style::Modifier::REVERSED | ratatui::style::Modifier::BOLD;
                assert!(
                    style.add_modifier.intersects(marked),
                    "cell {x},{y} of a hit is not highlighted: {row}"
                );
                if x > 0 {
                    let before = buffer[(x - 1, y)].style().add_modifier;
                    assert!(x != start || !before.intersects(marked), "{row}");
                }
            }
            from += found + 7;
        }
    }
}

/// A paragraph of long words, the kind that leaves justified lines gaping when they may not
/// be broken.
const LONG_WORDS: &str = "Uncharacteristically\n\nThe extraordinarily uncharacteristic \
    circumnavigation of incomprehensible territories necessitated considerable \
    administrative reorganisation, notwithstanding the overwhelmingly enthusiastic \
    recommendations of the international committee.";

fn justified(hyphenate: bool) -> Session {
    let config = Config {
        justify: true,
        hyphenate,
        color: false,
        sidebar: false,
        max_width: 30,
        ..Config::default()
    };
    let doc = quire::document::Document::from_text(LONG_WORDS, "long.txt");
    let app = AppBuilder::document(doc)
        .config(config)
        .screen((40, 20))
        .outline_now()
        .build();
    run_app(
        app,
        (40, 20),
        quire::app::ScriptedInbox::keys("").expect("a valid script"),
    )
}

#[test]
fn justified_prose_breaks_long_words_at_syllables_with_a_hyphen() {
    let run = justified(true);
    let rows = run.text_rows();
    let body: Vec<&str> = rows
        .iter()
        .map(|r| r.trim())
        .skip_while(|r| !r.starts_with("The"))
        .take_while(|r| !r.is_empty())
        .collect();
    let hyphenated: Vec<&&str> = body.iter().filter(|r| r.ends_with('-')).collect();
    assert!(!hyphenated.is_empty(), "{body:#?}");
    // The words read back whole once each line's hyphen joins it to the next.
    let mut joined = String::new();
    for row in &body {
        match row.strip_suffix('-') {
            Some(part) => joined.push_str(part),
            None => {
                joined.push_str(row);
                joined.push(' ');
            }
        }
    }
    let words = |s: &str| s.split_whitespace().map(String::from).collect::<Vec<_>>();
    assert_eq!(words(&joined), words(&LONG_WORDS[22..]), "{body:#?}");
    // Every line but the last reaches the column's edge, its hyphen included.
    let widths: Vec<usize> = body.iter().map(|r| r.chars().count()).collect();
    assert!(
        widths[..widths.len() - 1].iter().all(|&w| w == 30),
        "{widths:?}\n{body:#?}"
    );

    // Off, no word is broken.
    let run = justified(false);
    assert!(
        run.text_rows().iter().all(|r| !r.trim_end().ends_with('-')),
        "{:#?}",
        run.text_rows()
    );
}

#[test]
fn equals_resets_a_changed_width_and_otherwise_shows_the_facts() {
    let config = || Config {
        color: false,
        max_width: 60,
        configured_width: 60,
        ..Config::default()
    };
    let width = |run: &Session| run.app.model().pages().width();
    let narrowed = session(config(), (100, 30), "--");
    assert!(width(&narrowed) < 60);
    let reset = session(config(), (100, 30), "--=");
    assert_eq!(width(&reset), 60);
    assert!(!reset.screen().contains("About this document"));
    // With nothing to undo, = tells about the document, as Ctrl-g always does.
    for keys in ["=", "<C-g>", "--_<C-g>"] {
        let run = session(config(), (100, 30), keys);
        assert!(run.screen().contains("About this document"), "{keys}");
        assert_eq!(width(&run), 60, "{keys}");
    }
}

/// The light theme's title colour, as a truecolor terminal is sent it.
const LIGHT_TITLE: &str = "38;2;0;95;135m";
/// The dark theme's.
const DARK_TITLE: &str = "38;2;127;212;230m";

#[test]
fn an_auto_theme_follows_the_terminals_background_and_remembers_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("keeper.txt");
    std::fs::write(
        &file,
        "The Keeper of Gull Point\n\nMr. Abel kept the light at Gull Point. He rowed out \
         each evening at six.\n\nThe lamp took an hour to trim. Nobody thanked him for it.\n",
    )
    .unwrap();
    let Some(tmux) = Tmux::start("background", (80, 24), "sh") else {
        return;
    };
    let data = dir.path().join("data");
    let command = format!(
        "COLORTERM=truecolor QUIRE_DATA_DIR='{}' '{}' '{}'",
        data.display(),
        env!("CARGO_BIN_EXE_quire"),
        file.display()
    );
    let coloured = |t: &Tmux| {
        t.run(&[
            "capture-pane",
            "-p",
            "-e",
            "-t",
            crate::common::tmux::SESSION,
        ])
        .unwrap_or_default()
    };
    let remembered = || quire::store::Store::peek_settings(&data).unwrap_or_default();
    // tmux answers a program's question about the background with its window style's.
    // Without colour, nothing is asked, so nothing new is remembered.
    for (style, no_color, title, said) in [
        ("bg=#ffffff,fg=#000000", "", LIGHT_TITLE, "light"),
        ("bg=#000000,fg=#ffffff", "NO_COLOR=1 ", "", "light"),
        ("bg=#000000,fg=#ffffff", "", DARK_TITLE, "dark"),
    ] {
        tmux.run(&["set", "-g", "window-style", style])
            .expect("tmux sets the window style");
        tmux.send(&[&format!("{no_color}{command}"), "Enter"]);
        tmux.wait_for_reader(said, |t| {
            coloured(t).contains(title) && t.pane().contains("Gull Point")
        });
        tmux.send(&["q"]);
        tmux.wait_for("quire to quit", |t| t.flag("alternate_on") == "0");
        assert!(
            remembered().contains(&("terminal.background".into(), said.into())),
            "{said}: {:?}",
            remembered()
        );
    }
}
