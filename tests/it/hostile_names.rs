//! Names and arguments are hostile too: every message the real binary writes about a file
//! name, a data directory, a search or a bad argument must reach the terminal with no escape
//! sequence, no C1 control, no bidi override and no line break of the name's own — one line
//! for one message, whatever the name holds.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Names that would retitle the terminal, clear it, colour it, reorder it or forge a line.
const HOSTILE: &[&str] = &[
    "\u{1b}]0;pwned\u{7}",
    "\u{1b}[2J\u{1b}[31mred",
    "\u{9b}31m",
    "left\u{202e}thgir",
    "one\nquire: forged line",
    "\u{1b}P+q\u{1b}\\",
];

fn quire(args: &[&std::ffi::OsStr], data: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quire"))
        .args(args)
        .env("QUIRE_DATA_DIR", data)
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

/// No byte a terminal would act on, and exactly `lines` lines.
fn assert_clean(output: &[u8], lines: usize, what: &str) {
    let text = String::from_utf8_lossy(output);
    for c in text.chars() {
        let bad = (c.is_control() && c != '\n')
            || ('\u{80}'..='\u{9f}').contains(&c)
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        assert!(!bad, "{what}: {c:?} written raw in {text:?}");
    }
    assert_eq!(text.lines().count(), lines, "{what}: {text:?}");
}

fn os(s: &str) -> &std::ffi::OsStr {
    std::ffi::OsStr::new(s)
}

#[test]
fn a_hostile_file_name_is_shown_safely_in_every_message_about_it() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    for (n, hostile) in HOSTILE.iter().enumerate() {
        let what = format!("name {n}");
        // An empty file by that name: "is empty".
        let empty = dir.path().join(format!("{hostile}{n}.txt"));
        std::fs::write(&empty, b"").unwrap();
        let out = quire(&[os("--print"), empty.as_os_str()], &data);
        assert!(out.status.success(), "{what}");
        assert_clean(&out.stderr, 1, &format!("{what}, empty"));
        // A missing file by that name: "cannot open".
        let missing = dir.path().join(format!("missing {hostile}"));
        let out = quire(&[os("--print"), missing.as_os_str()], &data);
        assert_eq!(out.status.code(), Some(1), "{what}");
        assert_clean(&out.stderr, 1, &format!("{what}, missing"));
        // `quire bookmarks` of a missing file, and an import of one.
        let out = quire(&[os("bookmarks"), missing.as_os_str()], &data);
        assert_eq!(out.status.code(), Some(1), "{what}");
        assert_clean(&out.stderr, 1, &format!("{what}, bookmarks"));
        let out = quire(
            &[os("bookmarks"), os("--import"), missing.as_os_str()],
            &data,
        );
        assert_eq!(out.status.code(), Some(1), "{what}");
        assert_clean(&out.stderr, 1, &format!("{what}, import"));
    }
}

#[test]
fn a_data_directory_that_cannot_be_made_is_named_safely() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a file");
    std::fs::write(&file, b"x").unwrap();
    for hostile in HOSTILE {
        // A directory under a regular file can never be made.
        let data: PathBuf = file.join(hostile);
        let out = quire(&[os("bookmarks")], &data);
        assert_eq!(out.status.code(), Some(1));
        assert_clean(&out.stderr, 1, &format!("data dir {hostile:?}"));
    }
}

#[test]
fn a_search_with_no_match_and_bad_arguments_are_said_safely() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("text.txt");
    std::fs::write(&text, "Nothing to find here.\n").unwrap();
    for hostile in HOSTILE {
        let out = quire(
            &[os("--search"), os(hostile), os("--print"), text.as_os_str()],
            dir.path(),
        );
        assert_eq!(out.status.code(), Some(1), "{hostile:?}");
        assert_clean(&out.stderr, 1, &format!("search {hostile:?}"));
        // Usage errors are clap's, with the user's words in them.
        for args in [
            vec![os("--width"), os(hostile)],
            vec![os("--format"), os(hostile)],
            vec![os("--encoding"), os(hostile)],
            vec![os(&format!("--{hostile}"))],
        ] {
            let out = quire(&args, dir.path());
            assert_eq!(out.status.code(), Some(2), "{args:?}");
            let stderr = String::from_utf8_lossy(&out.stderr);
            let lines = stderr.lines().count();
            assert_clean(&out.stderr, lines, &format!("usage {args:?}"));
            assert!(stderr.starts_with("error:"), "{stderr}");
        }
    }
}
